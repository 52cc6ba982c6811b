#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit password-check end to end: the table of expected verdicts
# (tests/fixtures/password/table.tsv) both with the word lists indexed and
# scanned, output formats, exit statuses, input errors, settings, rule
# files, and that no password ever shows: not in the output, not in a
# log, not echoed by a terminal.
set -eu
. "$top_srcdir/tests/lib.sh"

[ -r /usr/share/john/password.lst ] && [ -r /usr/share/dict/american-english ] ||
	skip "needs the word lists of john-data and wamerican"

T=$FIXTURES/password/table.tsv
plain=$TMPDIR_TEST/plain.ini
: > "$plain"
out=$TMPDIR_TEST/out
err=$TMPDIR_TEST/err
pc() { "$SMEAUDIT" -c "$plain" password-check "$@"; }

# compare_table ROWS JSON: every row's verdict and rule ids, exactly.
compare_table() {
	python3 - "$1" "$2" <<'EOF' || fail "verdicts differ from $1"
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
got = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(rows) == len(got), "%d rows, %d answers" % (len(rows), len(got))
bad = 0
for i, (row, g) in enumerate(zip(rows, got)):
    want_rules = row[2].split()
    if g["line"] != i + 1 or g["weak"] != (row[1] == "weak") or g["rules"] != want_rules:
        print("line %d %r: want %s %s, got %s %s" % (i + 1, row[0], row[1], want_rules,
              "weak" if g["weak"] else "ok", g["rules"]), file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
EOF
}

# The table: at least 200 passwords, both directions well represented.
grep -v '^# ' "$T" > "$TMPDIR_TEST/rows.tsv"
cut -f1 "$TMPDIR_TEST/rows.tsv" > "$TMPDIR_TEST/pw.txt"
n=$(wc -l < "$TMPDIR_TEST/rows.tsv")
nweak=$(cut -f2 "$TMPDIR_TEST/rows.tsv" | grep -c '^weak$')
nok=$(cut -f2 "$TMPDIR_TEST/rows.tsv" | grep -c '^ok$')
[ "$n" -ge 200 ] && [ "$nweak" -ge 100 ] && [ "$nok" -ge 50 ] ||
	fail "table too small: $n rows, $nweak weak, $nok ok"
[ $((nweak + nok)) -eq "$n" ] || fail "table rows must say weak or ok"
# every shipped rule is exercised by some row
pc --list-rules | awk '{print $1}' | while read -r id; do
	cut -f3 "$TMPDIR_TEST/rows.tsv" | tr ' ' '\n' | grep -qx "$id" ||
	    case $id in organisation-name|user-word) ;; *) fail "no table row hits $id" ;; esac
done

# All at once: the word lists are indexed.
expect_status 1 "$SMEAUDIT" -c "$plain" -v password-check --format json "$TMPDIR_TEST/pw.txt" \
    > "$out.json" 2> "$err"
grep -q 'word lists indexed in' "$err" || fail "a few hundred passwords should index the lists"
compare_table "$TMPDIR_TEST/rows.tsv" "$out.json"
# More than one batch of 4096: same answers.
python3 -c 'import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
reps = 4200 // len(rows) + 1
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(rows * reps) + "\n")' \
    "$TMPDIR_TEST/rows.tsv" "$TMPDIR_TEST/many.tsv"
cut -f1 "$TMPDIR_TEST/many.tsv" > "$TMPDIR_TEST/many.pw"
expect_status 1 "$SMEAUDIT" -c "$plain" -v password-check --format json "$TMPDIR_TEST/many.pw" \
    > "$out.many.json" 2> "$err"
compare_table "$TMPDIR_TEST/many.tsv" "$out.many.json"
# The same from standard input.
expect_status 1 pc --format=json < "$TMPDIR_TEST/pw.txt" > "$out.stdin.json"
cmp -s "$out.json" "$out.stdin.json" || fail "stdin and file disagree"
# Batches of 16 and single lines: the word lists are scanned, same answers.
split -l 16 "$TMPDIR_TEST/rows.tsv" "$TMPDIR_TEST/chunk."
for c in "$TMPDIR_TEST"/chunk.*; do
	cut -f1 "$c" > "$c.pw"
	set +e
	pc -f json "$c.pw" > "$c.json"
	set -e
	compare_table "$c" "$c.json"
done
sed -n '1,40p' "$TMPDIR_TEST/rows.tsv" | while IFS= read -r row; do
	printf '%s\n' "$row" > "$TMPDIR_TEST/one.tsv"
	cut -f1 "$TMPDIR_TEST/one.tsv" > "$TMPDIR_TEST/one.pw"
	set +e
	pc --format json < "$TMPDIR_TEST/one.pw" > "$TMPDIR_TEST/one.json"
	set -e
	compare_table "$TMPDIR_TEST/one.tsv" "$TMPDIR_TEST/one.json"
done

# Exit statuses: 0 all ok, 1 any weak; text output with the messages.
printf 'Xq3#kP9!zL2@wM7$\ncorrect horse battery staple\n' | expect_status 0 pc > "$out"
grep -qx 'line 1: ok' "$out" && grep -qx 'line 2: ok' "$out" || fail "ok lines: $(cat "$out")"
grep -qx '2 passwords checked: 0 weak, 2 ok' "$out" || fail "summary: $(cat "$out")"
printf 'ok-long-passphrase-of-words\ntaro1985\r\n' | expect_status 1 pc > "$out"
grep -qx 'line 2: weak' "$out" || fail "weak line: $(cat "$out")"
grep -q '^    given-name (medium): Built on a Japanese given name' "$out" ||
	fail "rule message missing: $(cat "$out")"
# Japanese messages with --lang ja
printf 'taro1985\n' | expect_status 1 "$SMEAUDIT" -c "$plain" --lang ja password-check > "$out"
grep -qx '1行目: 弱い' "$out" || fail "Japanese verdict: $(cat "$out")"
grep -q 'given-name (中): 日本人の名前' "$out" || fail "Japanese message: $(cat "$out")"
# Nothing to check is an empty array and success.
: | expect_status 0 pc --format json > "$out"
assert_py "$out" "d == []"

# No password in any output, weak or ok, text or JSON, logs included.
printf 'Canary-Weak-1\nCanary.Strong.Pass9!Word#x7\ntaroCanary1985\n' > "$TMPDIR_TEST/canary.txt"
for f in text json; do
	set +e
	pc --format $f "$TMPDIR_TEST/canary.txt" > "$out" 2> "$err"
	"$SMEAUDIT" -c "$plain" -v -v password-check --format $f "$TMPDIR_TEST/canary.txt" >> "$out" 2>> "$err"
	set -e
	grep -qi 'canary' "$out" "$err" && fail "a password was printed ($f)"
done

# Input errors: one line FILE:LINE, exit 3, and nothing on stdout.
printf 'good\nbad\377byte\n' > "$TMPDIR_TEST/latin1.txt"
expect_status 3 pc "$TMPDIR_TEST/latin1.txt" > "$out" 2> "$err"
grep -q "latin1.txt:2: not valid UTF-8" "$err" || fail "invalid UTF-8: $(cat "$err")"
[ ! -s "$out" ] || fail "output despite an input error"
printf 'a\0b\n' > "$TMPDIR_TEST/nul.txt"
expect_status 3 pc "$TMPDIR_TEST/nul.txt" > "$out" 2> "$err"
grep -q "nul.txt:1: NUL byte" "$err" || fail "NUL: $(cat "$err")"
python3 -c 'print("x" * 1025)' > "$TMPDIR_TEST/long.txt"
expect_status 3 pc "$TMPDIR_TEST/long.txt" > "$out" 2> "$err"
grep -q "long.txt:1: line longer than 1024 bytes" "$err" || fail "long line: $(cat "$err")"
[ ! -s "$out" ] || fail "output despite an input error"
expect_status 3 pc "$TMPDIR_TEST/nosuchfile" 2> "$err"
grep -q "nosuchfile: No such file" "$err" || fail "missing file: $(cat "$err")"
printf 'secret\n' > "$TMPDIR_TEST/private.txt"
chmod 000 "$TMPDIR_TEST/private.txt"
expect_status 3 as_nobody "$SMEAUDIT" -c "$plain" password-check "$TMPDIR_TEST/private.txt" 2> "$err"
grep -q "private.txt: Permission denied" "$err" || fail "unreadable file: $(cat "$err")"
expect_status 3 pc --format xml < "$plain" 2> "$err"
grep -q -- '--format takes text or json' "$err" || fail "bad format: $(cat "$err")"
expect_status 3 pc --frobnicate < "$plain" 2>/dev/null
expect_status 3 pc "$TMPDIR_TEST/pw.txt" "$TMPDIR_TEST/pw.txt" 2>/dev/null
expect_status 3 pc --format 2>/dev/null
expect_status 0 pc --help > "$out"
grep -q 'Usage: smeaudit password-check' "$out" || fail "--help"

# Settings: organisation names, own word lists, disabled rules, threshold.
printf 'Zorbatronics\n' > "$TMPDIR_TEST/mine.txt"
cat > "$TMPDIR_TEST/site.ini" <<EOF
[plugin.password]
organisation_names = Kumoya Shoten
organisation_names = Hoshizora
extra_word_lists = $TMPDIR_TEST/mine.txt
disable_rules = length-under-15, letters-only
EOF
printf 'KumoyaShoten2024\nhoshizora!2025\nkumoya shoten\nZorbatronics77\nZorbatronics123456789\nQuietmountainlake\n' |
	expect_status 1 "$SMEAUDIT" -c "$TMPDIR_TEST/site.ini" password-check --format json > "$out"
assert_py "$out" "'organisation-name' in d[0]['rules'] and d[0]['weak']" "organisation name joined"
assert_py "$out" "'organisation-name' in d[1]['rules']" "organisation name with padding"
assert_py "$out" "'organisation-name' in d[2]['rules']" "organisation name with a blank"
assert_py "$out" "'user-word' in d[3]['rules']" "own word list"
assert_py "$out" "'user-word' not in d[4]['rules']" "padding beyond 8 is not stripped"
assert_py "$out" "'letters-only' not in d[5]['rules'] and 'length-under-15' not in sum((e['rules'] for e in d), [])" "disabled rules"
printf '[plugin.password]\nweak_severity = high\n' > "$TMPDIR_TEST/high.ini"
printf 'taro1985\n' | expect_status 0 "$SMEAUDIT" -c "$TMPDIR_TEST/high.ini" password-check --format json > "$out"
assert_py "$out" "d[0]['weak'] is False and 'given-name' in d[0]['rules']" "weak_severity = high"
printf '[plugin.password]\nweak_severity = dreadful\n' > "$TMPDIR_TEST/bad.ini"
: | expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" password-check 2> "$err"
grep -q 'bad.ini:2: weak_severity: "dreadful"' "$err" || fail "bad weak_severity: $(cat "$err")"
printf '[plugin.password]\ndisable_rules = no-such-rule\n' > "$TMPDIR_TEST/bad.ini"
: | expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" password-check 2> "$err"
grep -q 'bad.ini:2: disable_rules: no rule "no-such-rule"' "$err" || fail "bad disable_rules: $(cat "$err")"
# An own word list nobody may read stops the command.
cp "$TMPDIR_TEST/mine.txt" "$TMPDIR_TEST/closed.txt"
chmod 000 "$TMPDIR_TEST/closed.txt"
printf '[plugin.password]\nextra_word_lists = %s\n' "$TMPDIR_TEST/closed.txt" > "$TMPDIR_TEST/closed.ini"
chmod 644 "$TMPDIR_TEST/closed.ini"
: | expect_status 3 as_nobody "$SMEAUDIT" -c "$TMPDIR_TEST/closed.ini" password-check 2> "$err"
grep -q "40-words.rules:[0-9]*: word list $TMPDIR_TEST/closed.txt: Permission denied" "$err" ||
	fail "unreadable word list: $(cat "$err")"

# Own rule files: added to the shipped ones, or instead of them; a broken
# one is FILE:LINE:COL and exit 3 before any password is read.
cat > "$TMPDIR_TEST/own.rules" <<'EOF'
# the company's own rule: its product code, 200+ bytes of pattern with ; and #
[rule product-code]
severity = high
message.en = Contains a product code
message.ja = 製品コードが含まれています
flags = caseless
pattern = (?:km-[0-9]{4};#|(?:alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|xray|yankee|zulu)-(?:one|two|three|four|five|six|seven|eight|nine|ten)-[0-9]{2})
EOF
printf '[plugin.password]\nextra_rule_files = %s\n' "$TMPDIR_TEST/own.rules" > "$TMPDIR_TEST/own.ini"
printf 'Zulu-Nine-42-Quiet-Harbor-Lantern\nKM-1234;#rest-of-a-long-password\n' |
	expect_status 1 "$SMEAUDIT" -c "$TMPDIR_TEST/own.ini" password-check --format json > "$out"
assert_py "$out" "d[0]['rules'] == ['product-code'] and d[1]['rules'] == ['product-code']" "own rule"
printf '[plugin.password]\nrule_files = %s\n' "$TMPDIR_TEST/own.rules" > "$TMPDIR_TEST/only.ini"
"$SMEAUDIT" -c "$TMPDIR_TEST/only.ini" password-check --list-rules > "$out"
[ "$(wc -l < "$out")" -eq 1 ] && grep -q '^product-code ' "$out" || fail "rule_files replaces: $(cat "$out")"
printf '[rule broken]\nseverity = low\nmessage.en = e\nmessage.ja = j\npattern = (unclosed[\n' > "$TMPDIR_TEST/broken.rules"
printf '[plugin.password]\nextra_rule_files = %s\n' "$TMPDIR_TEST/broken.rules" > "$TMPDIR_TEST/broken.ini"
printf 'taro1985\n' | expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/broken.ini" password-check > "$out" 2> "$err"
grep -q "broken.rules:5:21: missing terminating \] for character class" "$err" ||
	fail "bad pattern not FILE:LINE:COL: $(cat "$err")"
[ ! -s "$out" ] || fail "output despite a broken rule"
printf '[plugin.password]\nrule_files = %s\n' "$TMPDIR_TEST/absent.rules" > "$TMPDIR_TEST/absent.ini"
: | expect_status 3 "$SMEAUDIT" -c "$TMPDIR_TEST/absent.ini" password-check 2> "$err"
grep -q "absent.ini:2: rule_files: $TMPDIR_TEST/absent.rules: No such file" "$err" || fail "missing rule file: $(cat "$err")"

# A terminal: a prompt, no echo, answers per line, the echo back on at the
# end and after Ctrl-C.
python3 - "$SMEAUDIT" "$plain" <<'EOF' || fail "terminal behaviour"
import os, pty, select, sys, time

smeaudit, plain = sys.argv[1], sys.argv[2]

def session(script, keys):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv("/bin/sh", ["sh", "-c", script, "sh", smeaudit, plain])
    out = b""
    deadline = time.time() + 20
    def until(token):
        nonlocal out
        while token not in out:
            if time.time() > deadline:
                raise SystemExit("timed out waiting for %r in %r" % (token, out))
            r, _, _ = select.select([fd], [], [], 0.5)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
    for wait, send in keys:
        until(wait)
        os.write(fd, send)
    until(b"STTY-END")
    os.waitpid(pid, 0)
    return out

# type one weak and one ok password, then Ctrl-D
out = session('"$1" -c "$2" password-check; stty -a; echo STTY-END',
              [(b"Type one password", b"taroCanary1985\n"),
               (b"line 1:", b"Xq3#kP9!zL2@wM7$Canary\n"),
               (b"line 2:", b"\x04")])
assert b"Canary" not in out, "a typed password was echoed: %r" % out
assert b"line 1: weak" in out and b"line 2: ok" in out, out
assert b" -echo " not in out and b" echo " in out, "echo not restored: %r" % out
# Ctrl-C while waiting for input: the echo comes back too
out = session('trap "" INT; "$1" -c "$2" password-check; stty -a; echo STTY-END',
              [(b"Type one password", b"\x03")])
assert b" -echo " not in out and b" echo " in out, "echo not restored after ^C: %r" % out
EOF
exit 0
