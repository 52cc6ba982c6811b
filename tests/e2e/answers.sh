#!/bin/sh
# SPDX-License-Identifier: MIT
# Human answers through the real binary: broken files (FILE:LINE, exit 3,
# no report written), several files with later ones winning, per-service
# cloud answers, and evidence against claims in the text and JSON reports.
set -eu
. "$top_srcdir/tests/lib.sh"

ROOT=$FIXTURES/roots/minimal
P="--plugin-dir $TEST_PLUGINS --root $ROOT"
T=$TMPDIR_TEST
out=$T/out.json

# --- every broken answers file stops the run before anything is written ---
bad() {			# bad NAME 'file text' 'expected message'
	printf "$2" > "$T/$1.ini"
	rm -f "$T/never.json"
	expect_status 3 "$SMEAUDIT" $P --plugin test-good --answers "$T/ok.ini" \
	    --answers "$T/$1.ini" --format json --output "$T/never.json" 2>"$T/err"
	grep -qF "$T/$1.ini:$3" "$T/err" || fail "$1: expected \"$1.ini:$3\", got: $(cat "$T/err")"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "$1: more than one error line: $(cat "$T/err")"
	test ! -e "$T/never.json" || fail "$1: a report was written from a broken answers file"
}
printf '[diagnosis]\n5 = 4\n' > "$T/ok.ini"
bad unknown-item '[diagnosis]\n5 = 4\n26 = 4\n' '3: "26" is not a self-diagnosis item 1-25'
bad bad-value '[diagnosis]\n5 = 3\n' '2: item 5: "3" is not an answer; use 4, 2, 0, -1 or na'
bad cloud-word '[diagnosis]\n5 = yes\n' '2: item 5: "yes" is a cloud checklist answer'
bad dup-key '[diagnosis]\n5 = 4\n5 = 2\n' '3: key "5" given twice in [diagnosis]'
bad dup-item '[diagnosis]\n5 = 4\n05 = 2\n' '3: item 5 answered twice (first on line 2)'
bad dup-section '[cloud]\n1 = yes\n[cloud]\n' '3: this record appears twice in the file'
bad wrong-section '[diagnostics]\n5 = 4\n' '1: unknown section [diagnostics]'
bad item-in-org '[organization]\n5 = 4\n' '2: unknown key "5" in [organization]'
bad key-in-service '[service.mail]\nname = Gmail\n' '2: "name" is not a cloud checklist item 1-15, label or note.N'
bad cloud-range '[service.mail]\n16 = yes\n' '2: "16" is not a cloud checklist item 1-15'
bad cloud-value '[cloud]\n3 = sometimes\n' '2: cloud item 3: "sometimes" is not an answer'
bad two-orgs '[organization]\nname = A\n[organisation]\n' '3: [organisation] repeats the [organization] section of line 1'
bad orphan '5 = 4\n' '1: a field before the first record header'
# a broken file named in [core] answers is reported the same way
printf '[core]\nanswers = %s\n' "$T/bad-value.ini" > "$T/core.ini"
expect_status 3 "$SMEAUDIT" $P -c "$T/core.ini" --plugin test-good --format json \
    --output "$T/never.json" 2>"$T/err"
grep -qF "$T/bad-value.ini:2: item 5" "$T/err" || fail "[core] answers error: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" $P --plugin test-good --answers "$T/nonexistent.ini" 2>"$T/err"
grep -qF "$T/nonexistent.ini: No such file" "$T/err" || fail "missing answers file: $(cat "$T/err")"

# --- several files: organisation-wide, then a site's, the later one wins ---
cat > "$T/org.ini" <<'X'
[organization]
name = Example Trading Co.

[diagnosis]
5 = 4
note.5 = weekly IPA newsletter
7 = 2
8 = 4

[service.mail]
label = Google Workspace
9 = yes
X
cat > "$T/site.ini" <<'X'
[organization]
site = Osaka branch

[diagnosis]
5 = 0
note.7 = only the office PCs

[service.mail]
9 = no
note.9 = two shared accounts
X
printf '[core]\nanswers = %s\n' "$T/org.ini" > "$T/core.ini"
expect_status 1 "$SMEAUDIT" $P -c "$T/core.ini" --plugin test-good --answers "$T/site.ini" \
    --format json --output "$out"
item() { echo "[i for i in d['items'] if i['number'] == $1][0]"; }
assert_py "$out" "d['organization']['name'] == 'Example Trading Co.' and d['organization']['site'] == 'Osaka branch'"
assert_py "$out" "d['organization']['answers_files'] == ['$T/org.ini', '$T/site.ini']"
assert_py "$out" "$(item 5)['score'] == 0 and $(item 5)['note'] is None" "later answer replaces value and note"
assert_py "$out" "$(item 7)['score'] == 2 and $(item 7)['note'] == 'only the office PCs'" "note alone overrides the note"
assert_py "$out" "$(item 8)['score'] == 4 and $(item 8)['source'] == 'answer'"
svc="[s for s in d['cloud']['services'] if s['id'] == 'mail'][0]"
assert_py "$out" "$svc['label'] == 'Google Workspace'"
assert_py "$out" "$svc['items'][8]['answer'] == 0 and $svc['items'][8]['note'] == 'two shared accounts'"
# the same files the other way round: the organisation's answers win
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$T/site.ini" --answers "$T/org.ini" \
    --format json --output "$out"
assert_py "$out" "$(item 5)['score'] == 4 and $(item 5)['note'] == 'weekly IPA newsletter'"
assert_py "$out" "$svc['items'][8]['answer'] == 4"

# --- per-service cloud checklists, [cloud] as every service's default ------
# test-good reports a copy of service "mail"'s data (cloud 10) as implemented.
cat > "$T/cloud.ini" <<'X'
[diagnosis]
23 = 4

[cloud]
12 = yes
15 = yes

[service.mail]
label = Google Workspace
1 = yes
2 = yes
3 = yes
4 = yes
5 = yes
6 = yes
10 = no
note.10 = nobody exports anything

[service.files]
label = Box
1 = yes
2 = partly
3 = no
5 = yes
6 = na
10 = yes
15 = no
X
expect_status 1 "$SMEAUDIT" $P --plugin test-good,cloud --answers "$T/cloud.ini" \
    --format json --output "$out"
mail="[s for s in d['cloud']['services'] if s['id'] == 'mail'][0]"
files="[s for s in d['cloud']['services'] if s['id'] == 'files'][0]"
# own answers, and the [cloud] default where the service has none
assert_py "$out" "[e['score'] for e in $mail['items'][:6]] == [4, 4, 4, 4, 4, 4]"
assert_py "$out" "$mail['items'][11]['answer'] == 4 and $files['items'][11]['answer'] == 4" "[cloud] default"
assert_py "$out" "$files['items'][14]['answer'] == 0" "a service's own answer beats [cloud]"
assert_py "$out" "$files['items'][5]['applicable'] is False"
assert_py "$out" "$files['items'][3]['unknown_reason'] == 'unanswered'"
# item 10: the evidence for "mail" decides against its answer; "files" has none
assert_py "$out" "$mail['items'][9]['score'] == 4 and $mail['items'][9]['evidence'] == 4 and $mail['items'][9]['answer'] == 0"
assert_py "$out" "$mail['items'][9]['disagreement'] is True and $mail['items'][9]['source'] == 'both'"
assert_py "$out" "'test-good.cloud:ok' in $mail['items'][9]['finding_ids']"
assert_py "$out" "$files['items'][9]['score'] == 4 and $files['items'][9]['source'] == 'answer'"
assert_py "$out" "$files['items'][9]['finding_ids'] == []" "evidence for mail is not evidence for files"
# per-service totals: mail 6 x 4 + 4 (item 10) + 4 (12) + 4 (15) - 6 unanswered
assert_py "$out" "$mail['score'] == 24 + 4 + 4 + 4 - 6 and $mail['max'] == 60 and $mail['unknown'] == 6"
assert_py "$out" "[g['score'] for g in $mail['groups']] == [24, 4 - 3, 8 - 3]"
assert_py "$out" "$mail['disagreements'] == 1 and $files['disagreements'] == 0"
# overall: every service 4 -> 4; 4 and 0 -> 2; 4 and unanswered -> 2
assert_py "$out" "d['cloud']['items'][0]['score'] == 4"
assert_py "$out" "d['cloud']['items'][2]['score'] == 2"
assert_py "$out" "d['cloud']['items'][3]['score'] == 2" "an unanswered service is a gap"
assert_py "$out" "d['cloud']['items'][9]['score'] == 4 and d['cloud']['items'][9]['disagreement'] is True"
assert_py "$out" "d['cloud']['items'][6]['score'] == -1 and d['cloud']['items'][6]['unknown_reason'] == 'unanswered'"
assert_py "$out" "('cloud', 10, 'mail') in {(x['kind'], x['number'], x['service']) for x in d['disagreements']}"
assert_py "$out" "d['score']['disagreements'] == len(d['disagreements'])"
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out" "$top_srcdir/docs/report-schema.json" || fail "schema validation with services"

# --- evidence against claims, end to end --------------------------------
# Item 4 answered "implemented", but test-good found world-writable files.
printf '[diagnosis]\n4 = 4\nnote.4 = everything is locked down\n5 = 2\n' > "$T/claim.ini"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$T/claim.ini" --format json --output "$out"
assert_py "$out" "$(item 4)['score'] == 0 and $(item 4)['answer'] == 4 and $(item 4)['evidence'] == 0"
assert_py "$out" "$(item 4)['disagreement'] is True and $(item 4)['source'] == 'both'"
assert_py "$out" "$(item 5)['disagreement'] is False"
assert_py "$out" "d['disagreements'] == [{'kind': 'item', 'number': 4, 'service': None, 'answer': 4, 'evidence': 0, 'score': 0, 'finding_ids': ['test-good.fail:not']}]"
"$SMEAUDIT" $P --plugin test-good --answers "$T/claim.ini" > "$T/report.txt" || true
# the section comes before the items, right after the scores
python3 - "$T/report.txt" <<'X' || fail "disagreement section missing or misplaced: $(cat "$T/report.txt")"
import sys
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
head = t.index("Answers contradicted by evidence (1)")
assert head < t.index("Items to act on") and head > t.index("Total score")
section = t[head:t.index("Items to act on")]
assert "Item 4 Access to important data" in section
assert "answered 4 (implemented); the evidence says 0 (not implemented)" in section
assert "test-good.fail [not] /srv/a, /srv/b" in section
X
# both sides are shown where they agree too
printf '[diagnosis]\n1 = 4\n' > "$T/agree.ini"
"$SMEAUDIT" $P --plugin test-good --answers "$T/agree.ini" > "$T/report.txt" || true
grep -q 'answered 4 (implemented) · evidence 4 (implemented)' "$T/report.txt" ||
    fail "agreeing answer and evidence not both shown"
grep -q 'Answers contradicted by evidence' "$T/report.txt" && fail "a disagreement section without disagreements"
"$SMEAUDIT" $P --plugin test-good --answers "$T/claim.ini" --lang ja > "$T/report-ja.txt" || true
grep -q '根拠と食い違う回答 (1)' "$T/report-ja.txt" || fail "Japanese disagreement section"
grep -q '項目4 ' "$T/report-ja.txt" || fail "Japanese disagreement item"
# the per-service section in text
"$SMEAUDIT" $P --plugin test-good,cloud --answers "$T/cloud.ini" > "$T/report.txt" || true
grep -q 'Cloud item 10 Own copies of cloud data — mail (Google Workspace)' "$T/report.txt" ||
    fail "service disagreement not listed: $(cat "$T/report.txt")"
grep -q 'Cloud service mail (Google Workspace)  30 / 60' "$T/report.txt" || fail "service total in text"
grep -q 'Cloud service files (Box)' "$T/report.txt" || fail "second service in text"
grep -q 'DISAGREEMENT: the answers of 1 service(s) contradict the evidence' "$T/report.txt" ||
    fail "overall cloud item 10 does not point at the service that disagrees"
exit 0
