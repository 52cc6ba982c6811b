#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit merge: the fleet rule per item (all / some / none / nobody
# could tell, not-applicable hosts left out), organisation answers
# applied once, the per-host matrix, duplicates, and every way an input
# can be wrong.
set -eu
. "$top_srcdir/tests/lib.sh"

NOW=--now=2026-11-26T09:00:00Z
T=$TMPDIR_TEST

# host NAME LEVELS [PLUGINS]: audit a fixture host whose evidence per
# item is LEVELS (see tests/plugins/levels.c) into $T/NAME.json.
host() {
	mkdir -p "$T/root-$1/etc"
	printf '%s\n' "$1" > "$T/root-$1/etc/hostname"
	printf '[plugin.test-levels]\nlevels = %s\n[core]\ntimeout = 2s\n' "$2" > "$T/$1.ini"
	set +e
	"$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --root "$T/root-$1" -c "$T/$1.ini" -q $NOW \
	    --plugin "${3:-test-levels}" --format json --output "$T/$1.json"
	set -e
	[ -s "$T/$1.json" ] || fail "no report for host $1"
}

#                  1  2  3  4  5  6  7  8 9 10 11 12 (13-25: no evidence)
host web1 "4,4,0,-1,4,na,na,-,2,4,-,2"
host db1  "4,0,0,-1,-1,4,na,-,4,4,0,2"
host mail "4,-,-,-,-,-,-,-,-,-,-,-"
cat > "$T/org.ini" <<'EOF'
[organization]
name = Example Co
basic_policy = yes
basic_policy_location = https://example.jp/policy
[diagnosis]
2 = 4
8 = 2
10 = 0
note.8 = asked the staff
EOF
expect_status 1 "$SMEAUDIT" merge "$T/web1.json" "$T/db1.json" "$T/mail.json" \
    --answers "$T/org.ini" $NOW --format json --output "$T/m.json"
m=$T/m.json
i() { echo "[e for e in d['items'] if e['number'] == $1][0]"; }
assert_py "$m" "$(i 1)['score'] == 4" "every host passes -> 4"
assert_py "$m" "$(i 2)['score'] == 2 and $(i 2)['disagreement'] is True and $(i 2)['answer'] == 4" "some hosts pass -> 2; on a machine-checked item the evidence beats the answer"
assert_py "$m" "$(i 3)['score'] == 0" "no host passes -> 0"
assert_py "$m" "$(i 4)['score'] == -1 and $(i 4)['unknown_reason'] == 'cannot-tell'" "no host could tell -> -1"
assert_py "$m" "$(i 5)['score'] == 4" "a host that could not tell does not count"
assert_py "$m" "$(i 6)['score'] == 4 and $(i 6)['applicable'] is True" "a not-applicable host does not count"
assert_py "$m" "$(i 7)['score'] == 4 and $(i 7)['applicable'] is False" "not applicable anywhere"
assert_py "$m" "$(i 8)['score'] == 2 and $(i 8)['source'] == 'answer' and $(i 8)['note'] == 'asked the staff'" "the answer fills what no host shows"
assert_py "$m" "$(i 9)['score'] == 2" "2 and 4 -> 2"
assert_py "$m" "$(i 10)['score'] == 0 and $(i 10)['source'] == 'both' and $(i 10)['disagreement'] is False" "where evidence covers only part, the answer can lower it"
assert_py "$m" "$(i 11)['score'] == 0" "a host without evidence does not count"
assert_py "$m" "$(i 12)['score'] == 2"
assert_py "$m" "$(i 13)['score'] == -1 and $(i 13)['unknown_reason'] == 'unanswered'"
assert_py "$m" "d['score']['disagreements'] == 1" "the answer applies once, not per host"
assert_py "$m" "d['score']['total'] == 4+2+0-1+4+4+4+2+2+0+0+2 - 13"
assert_py "$m" "d['complete'] is True and d['host']['hostname'] == 'web1, db1, mail'"
assert_py "$m" "[h['hostname'] for h in d['fleet']['hosts']] == ['web1', 'db1', 'mail']"
assert_py "$m" "d['fleet']['hosts'][0]['evidence'][:12] == [4, 4, 0, -1, 4, 'na', 'na', None, 2, 4, None, 2]"
assert_py "$m" "d['fleet']['hosts'][1]['evidence'][:12] == [4, 0, 0, -1, -1, 4, 'na', None, 4, 4, 0, 2]"
assert_py "$m" "d['fleet']['dropped'] == []"
assert_py "$m" "sorted(set(p['host'] for p in d['plugins'])) == ['db1', 'mail', 'web1']"
f2='[f for f in d["findings"] if f["id"] == "test-levels.item-2:not"][0]'
assert_py "$m" "$f2['examples'] == ['db1: /srv/item-2'] and $f2['count'] == 1" "objects carry their host"
f1='[f for f in d["findings"] if f["id"] == "test-levels.item-1:ok"][0]'
assert_py "$m" "$f1['count'] == 3 and len($f1['examples']) == 3"
assert_py "$m" "d['security_action']['two_star']['basic_policy'] is True"
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$m" "$top_srcdir/docs/report-schema.json" || fail "merged report does not validate"

# The risk ledger is the organisation's: attached once to the fleet.
expect_status 1 "$SMEAUDIT" merge "$T/web1.json" "$T/db1.json" "$T/mail.json" \
    --ledger "$FIXTURES/ledger/seed.csv" $NOW --format json --output "$T/l.json"
assert_py "$T/l.json" "len(d['risk_ledger']['assets']) == 6 and d['risk_ledger']['assets'][0]['risk'] == 6"

# The matrix in CSV and HTML.
expect_status 1 "$SMEAUDIT" merge "$T/web1.json" "$T/db1.json" "$T/mail.json" \
    --answers "$T/org.ini" $NOW --format csv --output "$T/m.csv"
python3 - "$T/m.csv" <<'EOF' || fail "CSV host matrix"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
header = [r for r in rows if r[:3] == ["record", "host", "file"]][0]
assert header[6:] == [str(n) for n in range(1, 26)], header
hosts = {r[1]: r for r in rows if r and r[0] == "host"}
assert list(hosts) == ["web1", "db1", "mail"]
assert hosts["web1"][6:18] == ["4", "4", "0", "-1", "4", "na", "na", "", "2", "4", "", "2"], hosts["web1"]
assert hosts["mail"][6:8] == ["4", ""]
EOF
expect_status 1 "$SMEAUDIT" merge "$T/web1.json" "$T/db1.json" "$T/mail.json" \
    --answers "$T/org.ini" $NOW --format html --output "$T/m.html"
grep -q 'id="hosts"' "$T/m.html" || fail "HTML has no host matrix"
[ "$(grep -c '<tr><td class="host">' "$T/m.html")" -eq 3 ] || fail "HTML matrix rows"
"$SMEAUDIT" merge "$T/web1.json" "$T/db1.json" "$T/mail.json" $NOW -q > "$T/m.txt" || true
grep -q '^  web1             440?4 nn-24 -2--- ----- -----  ' "$T/m.txt" || fail "text host line: $(grep web1 "$T/m.txt")"

# Without --answers, answers inside the host reports are not used, and
# the merge says so.
host ans1 "4,-,-,-,-,-,-,-,-,-,-,-"
"$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --root "$T/root-ans1" -c "$T/ans1.ini" -q $NOW \
    --plugin test-levels --answers "$T/org.ini" --format json --output "$T/ans1.json" || true
expect_status 0 "$SMEAUDIT" merge "$T/ans1.json" $NOW --format json --output "$T/a.json" 2>"$T/err"
grep -q 'ans1.json was audited with answers; give the organisation.s answers with --answers' "$T/err" ||
    fail "no warning about answers left out: $(cat "$T/err")"
assert_py "$T/a.json" "$(i 8)['score'] == -1"

# The same host twice: the newer report wins, whatever the order.
python3 - "$T/web1.json" "$T/web1-old.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["generated_at"] = "2025-01-01T00:00:00Z"
d["items"][2]["evidence"] = 4
json.dump(d, open(sys.argv[2], "w"))
EOF
for order in "$T/web1-old.json $T/web1.json" "$T/web1.json $T/web1-old.json"; do
	# shellcheck disable=SC2086
	expect_status 1 "$SMEAUDIT" merge $order "$T/db1.json" $NOW --format json \
	    --output "$m" 2>"$T/err"
	grep -q "warning: web1 appears twice: using $T/web1.json, leaving out $T/web1-old.json" "$T/err" ||
	    fail "duplicate warning: $(cat "$T/err")"
	assert_py "$m" "len(d['fleet']['hosts']) == 2 and d['fleet']['hosts'][0]['file'] == '$T/web1.json'"
	assert_py "$m" "d['fleet']['dropped'] == [{'hostname': 'web1', 'file': '$T/web1-old.json', 'kept': '$T/web1.json'}]"
	assert_py "$m" "$(i 3)['score'] == 0" "the older report's evidence leaked in"
done
expect_status 1 "$SMEAUDIT" merge "$T/web1.json" "$T/web1.json" $NOW -q --format json --output "$m"
assert_py "$m" "len(d['fleet']['hosts']) == 1 and len(d['fleet']['dropped']) == 1"

# A host that did not finish makes the merge incomplete (exit 2) and
# names the failed plugin where no host could tell.
host crashy "4,-,-,-,-,-,-,-,-,-,-,-" test-levels,test-crash
expect_status 2 "$SMEAUDIT" merge "$T/web1.json" "$T/crashy.json" $NOW --format json --output "$m"
assert_py "$m" "d['complete'] is False"
assert_py "$m" "[p for p in d['plugins'] if p['name'] == 'test-crash'][0]['status'] == 'crashed'"
assert_py "$m" "[p for p in d['plugins'] if p['name'] == 'test-crash'][0]['host'] == 'crashy'"
host nothing "-,-,-,-,-,-,-,-,-,-,-,-" test-levels,test-crash
expect_status 2 "$SMEAUDIT" merge "$T/nothing.json" $NOW --format json --output "$m"
assert_py "$m" "$(i 4)['unknown_reason'] == 'check-failed' and $(i 4)['failed_plugins'] == 'nothing: test-crash (crashed)'"

# Bad input: one line naming the file, exit 3, nothing written.
bad() {
	rm -f "$T/never.json"
	expect_status 3 "$SMEAUDIT" merge "$T/web1.json" "$@" $NOW --format json \
	    --output "$T/never.json" 2>"$T/err"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "not one error line: $(cat "$T/err")"
	test ! -e "$T/never.json" || fail "output written despite bad input"
}
bad "$T/missing.json"
grep -q "^smeaudit: $T/missing.json: No such file or directory$" "$T/err" || fail "missing: $(cat "$T/err")"
head -c 300 "$T/db1.json" > "$T/trunc.json"
bad "$T/trunc.json"
grep -q "^smeaudit: $T/trunc.json:[0-9]*:[0-9]*: not a JSON report: unexpected end of file (truncated?)$" "$T/err" ||
    fail "truncated: $(cat "$T/err")"
printf '{\n  "schema": "smeaudit-report/1",\n  "host": {,}\n}\n' > "$T/broken.json"
bad "$T/broken.json"
grep -q "^smeaudit: $T/broken.json:3:12: not a JSON report: " "$T/err" || fail "broken: $(cat "$T/err")"
sed 's|"smeaudit-report/1"|"smeaudit-report/2"|' "$T/db1.json" > "$T/v2.json"
bad "$T/v2.json"
grep -q "$T/v2.json: report schema \"smeaudit-report/2\", this smeaudit reads \"smeaudit-report/1\"" "$T/err" ||
    fail "schema: $(cat "$T/err")"
sed 's|"edition": "3.0"|"edition": "3.1"|' "$T/db1.json" > "$T/ed.json"
bad "$T/ed.json"
grep -q "$T/ed.json: guideline edition 3.1, the catalog in use is 3.0" "$T/err" || fail "edition: $(cat "$T/err")"
python3 - "$T/db1.json" "$T/type.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["items"][3]["score"] = "high"
json.dump(d, open(sys.argv[2], "w"))
EOF
bad "$T/type.json"
grep -q "$T/type.json: items\[3\].score: expected 4, 2, 0, -1" "$T/err" || fail "type: $(cat "$T/err")"
printf '[]\n' > "$T/array.json"
bad "$T/array.json"
grep -q "$T/array.json: not a smeaudit report" "$T/err" || fail "array: $(cat "$T/err")"
bad "$T/m.json"
grep -q "$T/m.json: is already a merged report" "$T/err" || fail "fleet input: $(cat "$T/err")"
bad "$T"
grep -q "^smeaudit: $T: Is a directory$" "$T/err" || fail "directory: $(cat "$T/err")"
printf '[diagnosis]\n30 = 4\n' > "$T/badans.ini"
bad --answers "$T/badans.ini"
grep -q 'badans.ini:2: ' "$T/err" || fail "bad answers: $(cat "$T/err")"
printf 'a,b\n1,2\n' > "$T/badledger.csv"
bad --ledger "$T/badledger.csv"
grep -q "^smeaudit: $T/badledger.csv:1: " "$T/err" || fail "bad ledger: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" merge 2>/dev/null
expect_status 3 "$SMEAUDIT" merge "$T/web1.json" --format nosuch 2>/dev/null
expect_status 3 "$SMEAUDIT" merge "$T/web1.json" --no-such-option 2>/dev/null
expect_status 0 "$SMEAUDIT" merge --help > /dev/null
exit 0
