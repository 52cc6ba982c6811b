#!/bin/sh
# SPDX-License-Identifier: MIT
# The password plugin's audit end to end: a weak and a strong fixture
# root (and a mixed one built from the strong) give item 3 the scores
# 0, 4 and 2 with the expected findings; unreadable and missing files are
# "cannot tell", not "fine"; broken rules or settings stop the run with
# status 3; and no planted hash ever reaches a report.
set -eu
. "$top_srcdir/tests/lib.sh"

WEAK=$FIXTURES/password/weak
STRONG=$FIXTURES/password/strong
out=$TMPDIR_TEST/out.json
err=$TMPDIR_TEST/err
cfg=$TMPDIR_TEST/policy.ini
printf '[plugin.password]\nmax_password_age = 90d\nremember_passwords = 5\n' > "$cfg"
audit() { "$SMEAUDIT" -c "$cfg" --plugin password "$@"; }
# finding CHECK LEVEL: the Python expression of that finding
finding() { printf "[f for f in d['findings'] if f['check'] == 'password.%s' and f['level'] == %s][0]" "$1" "$2"; }
has() { assert_py "$out" "len([f for f in d['findings'] if f['check'] == 'password.$1' and f['level'] == $2]) == 1" "finding $1 at $2"; }

# Weak: every check fails; item 3 and rule 3 of the five come out 0.
expect_status 1 audit --root "$WEAK" --format json --output "$out"
[ "$(item_score "$out" 3)" = 0 ] || fail "weak: item 3 is $(item_score "$out" 3)"
assert_py "$out" "[r for r in d['rules'] if r['number'] == 3][0]['score'] == 0" "rule 3"
for c in min-length dictionary-check complexity lockout history hash-method max-age \
    empty unshadowed hash-scheme account-aging uid0; do
	has "$c" 0
done
assert_py "$out" "len([f for f in d['findings'] if f['plugin'] == 'password' and f['level'] != 0]) == 0" "only failures"
assert_py "$out" "$(finding empty 0)['count'] == 2 and sorted($(finding empty 0)['examples']) == ['alice', 'frank']"
assert_py "$out" "$(finding uid0 0)['examples'] == ['toor'] and $(finding uid0 0)['severity'] == 'critical'"
assert_py "$out" "$(finding unshadowed 0)['examples'] == ['eve']"
assert_py "$out" "sorted($(finding hash-scheme 0)['examples']) == ['bob (md5)', 'carol (des)', 'dave (md5)', 'toor (sha256)']"
assert_py "$out" "$(finding account-aging 0)['count'] == 5"
assert_py "$out" "'4 characters' in $(finding min-length 0)['evidence'] and $(finding min-length 0)['examples'] == ['/etc/pam.d/common-password']"
assert_py "$out" "'md5' in $(finding hash-method 0)['evidence']"
assert_py "$out" "'login: no lockout' in $(finding lockout 0)['evidence'] and 'sshd: no lockout' in $(finding lockout 0)['evidence']"
assert_py "$out" "d['plugins'][0]['status'] == 'ok'"

# Strong: every check passes; item 3 is 4 and the run exits 0.
expect_status 0 audit --root "$STRONG" --format json --output "$out"
[ "$(item_score "$out" 3)" = 4 ] || fail "strong: item 3 is $(item_score "$out" 3)"
for c in min-length dictionary-check complexity lockout history hash-method max-age \
    empty unshadowed hash-scheme account-aging uid0; do
	has "$c" 4
done
# pwquality.conf wins over pwquality.conf.d (read first): 14, not 8
assert_py "$out" "'14 characters' in $(finding min-length 4)['evidence']"
assert_py "$out" "'deny=5' in $(finding lockout 4)['evidence']"
assert_py "$out" "'remembers 12' in $(finding history 4)['evidence']"
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out" "$top_srcdir/docs/report-schema.json" || fail "schema validation"

# Without the site settings, aging and history are not asked for: n/a.
: > "$TMPDIR_TEST/empty.ini"
expect_status 0 "$SMEAUDIT" -c "$TMPDIR_TEST/empty.ini" --plugin password --root "$STRONG" --format json --output "$out"
[ "$(item_score "$out" 3)" = 4 ] || fail "strong, defaults: item 3"
has max-age "'na'"
has history "'na'"
has account-aging "'na'"

# Mixed: the strong root with a short pwquality minimum, a locked account
# that still holds an MD5 hash, and an account that never expires.
MIXED=$TMPDIR_TEST/mixed
cp -r "$STRONG" "$MIXED"
sed -i 's/^minlen = 14/minlen = 9/' "$MIXED/etc/security/pwquality.conf"
printf 'old:!$1$PlAnTeDx$LockedLegacyMd5Canary:19000:0:90:7:::\nnew:$y$j9T$PlAnTeDy$NeverExpiresCanaryHash0123456789:19000:0::7:::\n' >> "$MIXED/etc/shadow"
printf 'old:x:1010:1010::/home/old:/bin/bash\nnew:x:1011:1011::/home/new:/bin/bash\n' >> "$MIXED/etc/passwd"
expect_status 1 audit --root "$MIXED" --format json --output "$out"
[ "$(item_score "$out" 3)" = 2 ] || fail "mixed: item 3 is $(item_score "$out" 3)"
has min-length 2
assert_py "$out" "$(finding hash-scheme 2)['examples'] == ['old (md5, locked)']"
assert_py "$out" "$(finding account-aging 0)['examples'] == ['new (never expires)']"
has uid0 4

# A password quality module set to warn only enforces nothing.
sed -i 's/^enforcing = 1/enforcing = 0/' "$MIXED/etc/security/pwquality.conf.d/10-local.conf"
expect_status 1 audit --root "$MIXED" --format json --output "$out"
has dictionary-check 0
assert_py "$out" "'enforcing=0' in $(finding dictionary-check 0)['evidence']"

# Without login and sshd stacks the lockout comes from common-auth, and
# the finding names that file (it once named freed memory).
rm "$MIXED/etc/pam.d/login" "$MIXED/etc/pam.d/sshd"
expect_status 1 audit --root "$MIXED" --format json --output "$out"
assert_py "$out" "[f['examples'] for f in d['findings'] if f['check'] == 'password.lockout'] == [['/etc/pam.d/common-auth']]" \
    "lockout from common-auth"

# No planted hash, salt or password in any report: text, JSON, Japanese.
for root in "$WEAK" "$STRONG" "$MIXED"; do
	for fmt in text json; do
		for lang in en ja; do
			set +e
			audit --root "$root" --format $fmt --lang $lang > "$TMPDIR_TEST/report" 2> "$err"
			set -e
			grep -q 'PlAnTeD\|Canary' "$TMPDIR_TEST/report" "$err" &&
			    fail "a hash leaked ($root, $fmt, $lang)"
			[ -s "$TMPDIR_TEST/report" ] || fail "no report ($root, $fmt, $lang)"
		done
	done
done
audit --root "$WEAK" --lang ja > "$TMPDIR_TEST/report" || true
grep -q 'パスワードが空のアカウントがある' "$TMPDIR_TEST/report" || fail "Japanese title"

# Unreadable /etc/shadow (as nobody): cannot tell, never "no empty passwords".
SH=$TMPDIR_TEST/shadowless
cp -r "$STRONG" "$SH"
chmod -R a+rX "$SH"
chmod 000 "$SH/etc/shadow"
chmod 644 "$cfg"
set +e
as_nobody "$SMEAUDIT" -c "$cfg" --plugin password --root "$SH" --format json > "$TMPDIR_TEST/nobody.json" 2> "$err"
set -e
out=$TMPDIR_TEST/nobody.json
has empty -1
has hash-scheme -1
has account-aging -1
assert_py "$out" "'permission denied' in $(finding hash-scheme -1)['evidence']"
has uid0 4
out=$TMPDIR_TEST/out.json

# A root without the files: the plugin is skipped and item 3 is not assessed.
mkdir -p "$TMPDIR_TEST/empty/etc"
expect_status 2 audit --root "$TMPDIR_TEST/empty" --format json --output "$out"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"
[ "$(item_score "$out" 3)" = -1 ] || fail "empty root: item 3"
# No shadow and no PAM next to "x" passwords: cannot tell, and said so;
# what could be told (uid0, unshadowed) decides the score.
mkdir -p "$TMPDIR_TEST/noshadow/etc"
cp "$STRONG/etc/passwd" "$TMPDIR_TEST/noshadow/etc/"
expect_status 0 audit --root "$TMPDIR_TEST/noshadow" --format json --output "$out"
has hash-scheme -1
assert_py "$out" "$(finding hash-scheme -1)['evidence'] == 'no /etc/shadow'"
for c in lockout min-length dictionary-check complexity history hash-method max-age empty; do
	has "$c" -1
done
has uid0 4
[ "$(item_score "$out" 3)" = 4 ] || fail "noshadow: item 3"

# Credits larger than minlen and a password stack without pam_unix (found
# by the pwpolicy fuzz harness: the length check then read through a null
# module): the plugin runs to its end, and the length is not enforced.
CREDITS=$TMPDIR_TEST/credits
cp -r "$STRONG" "$CREDITS"
rm -rf "$CREDITS/etc/pam.d" "$CREDITS/etc/security/pwquality.conf.d"
mkdir -p "$CREDITS/etc/pam.d"
printf 'password requisite pam_pwquality.so minlen=14 ucredit=9223372036854775807 lcredit=9223372036854775807 ocredit=512\n' \
    > "$CREDITS/etc/pam.d/passwd"
expect_status 1 audit --root "$CREDITS" --format json --output "$out"
assert_py "$out" "[p for p in d['plugins'] if p['name'] == 'password'][0]['status'] == 'ok'" "plugin ok"
has min-length 0

# A broken rule file stops the run with status 3 and FILE:LINE:COL.
printf '[rule bad]\nseverity = low\nmessage.en = e\nmessage.ja = j\npattern = a{3,1}\n' > "$TMPDIR_TEST/bad.rules"
printf '[plugin.password]\nextra_rule_files = %s\n' "$TMPDIR_TEST/bad.rules" > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" --plugin password --root "$STRONG" \
    --format json --output "$out" 2> "$err"
grep -q 'bad.rules:5:16: numbers out of order in {} quantifier' "$err" || fail "rule error: $(cat "$err")"
# ... and so does a missing word list the rules name.
printf '[plugin.password]\nextra_word_lists = %s/none.txt\n' "$TMPDIR_TEST" > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" --plugin password --root "$STRONG" \
    --format json --output "$out" 2> "$err"
grep -q "40-words.rules:[0-9]*: word list $TMPDIR_TEST/none.txt: No such file" "$err" ||
	fail "word list error: $(cat "$err")"
# ... and settings out of range: exit 3 before anything is audited, no
# report, one line naming the file and line of the value.
bad() { expect_bad_setting password "$STRONG" "$1" "$2"; }
bad '[plugin.password]\nmin_length = 0\n' '2: min_length = 0: must be between 1 and 1024$'
bad '[plugin.password]\nmin_length = 12\nmin_classes = 5\n' '3: min_classes = 5: must be between 0 and 4$'
bad '[plugin.password]\nmax_auth_failures = 0\n' '2: max_auth_failures = 0: must be between 1 and 1000$'
bad '[plugin.password]\nremember_passwords = 401\n' '2: remember_passwords = 401: must be between 0 and 400$'
bad '[plugin.password]\n\naccepted_hash_schemes = yescrypt rot13\n' '3: accepted_hash_schemes: unknown scheme "rot13"$'
bad '[plugin.password]\nmax_password_age = 1h\n' '2: max_password_age = 1h: must be a day or more$'
bad '[plugin.password]\nweak_severity = info\n' '2: weak_severity: "info" is not low, medium, high or critical$'
bad '[plugin.password]\ndisable_rules = length-under-8\ndisable_rules = no-such-rule\n' '3: disable_rules: no rule "no-such-rule"$'
bad "[plugin.password]\nrule_files = $TMPDIR_TEST/absent.rules\n" "2: rule_files: $TMPDIR_TEST/absent.rules: No such file or directory\$"
printf '[plugin.password]\nmin_lenght = 12\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" --plugin password --root "$STRONG" 2> "$err"
grep -q 'bad.ini:2: unknown key "min_lenght"' "$err" || fail "unknown key: $(cat "$err")"

# The plugin and its command are listed.
"$SMEAUDIT" --list --format json > "$out"
assert_py "$out" "[p for p in d if p['name'] == 'password'][0]['items'] == [3]"
assert_py "$out" "[p for p in d if p['name'] == 'password'][0]['commands'] == ['password-check']"
exit 0
