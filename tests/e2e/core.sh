#!/bin/sh
# SPDX-License-Identifier: MIT
# The core end to end: plugin isolation, exit statuses, the JSON report
# and the failure paths, with the fixture plugins of tests/plugins.
set -eu
. "$top_srcdir/tests/lib.sh"

ROOT=$FIXTURES/roots/minimal
P="--plugin-dir $TEST_PLUGINS --root $ROOT"
out=$TMPDIR_TEST/out.json

# A good plugin: findings, exit 1, aggregated objects, redaction.
expect_status 1 "$SMEAUDIT" $P --plugin test-good --format json --output "$out"
assert_py "$out" "d['schema'] == 'smeaudit-report/1'"
assert_py "$out" "d['host']['hostname'] == 'fixture-host' and d['host']['root'] == '$ROOT'"
assert_py "$out" "d['complete'] is True"
[ "$(item_score "$out" 1)" = 4 ] || fail "item 1 should be 4"
[ "$(item_score "$out" 2)" = 2 ] || fail "item 2 should be 2"
[ "$(item_score "$out" 4)" = 0 ] || fail "item 4 should be 0"
assert_py "$out" "[i for i in d['items'] if i['number'] == 9][0]['applicable'] is False" "NA item"
assert_py "$out" "[i for i in d['items'] if i['number'] == 9][0]['score'] == 4" "NA scores 4"
assert_py "$out" "[i for i in d['items'] if i['number'] == 5][0]['unknown_reason'] == 'unanswered'"
f='[f for f in d["findings"] if f["check"] == "test-good.fail"][0]'
assert_py "$out" "$f['count'] == 3 and len($f['examples']) == 3" "aggregated"
assert_py "$out" "$f['level'] == 0 and $f['severity'] == 'high' and $f['item'] == 4"
assert_py "$out" "$f['id'] == 'test-good.fail:not'"
assert_py "$out" "'test-good.fail:not' in [i for i in d['items'] if i['number'] == 4][0]['finding_ids']"
assert_py "$out" "$f['examples'][2] == '/srv/c\n<script>\\\\xff'" "invalid UTF-8 marked"
# total: 4 + 2 + 0 + 4 (na) = 10, 21 unknown
assert_py "$out" "d['score']['total'] == 10 - 21 and d['score']['unknown'] == 21"
assert_py "$out" "d['score']['max'] == 100 and d['score']['min'] == -25"
assert_py "$out" "[c['max'] for c in d['score']['categories']] == [20, 52, 28]"
assert_py "$out" "d['cloud']['items'][9]['score'] == 4 and d['cloud']['items'][9]['source'] == 'evidence'"
grep -q hunter2 "$out" && fail "a password leaked into the report"
grep -q 'abcdefgh' "$out" && fail "a hash leaked into the report"
grep -q '\[redacted\]' "$out" || fail "redaction marker missing"
[ "$(stat -c %a "$out")" = 600 ] || fail "report file is not 0600"

# The JSON validates against the published schema.
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out" "$top_srcdir/docs/report-schema.json" || fail "schema validation"

# A crash, an abort, a hang, an early exit, an error, garbage on the pipe:
# each leaves the run intact with its status, and the run exits 2.
printf '[core]\ntimeout = 2s\n' > "$TMPDIR_TEST/t.ini"
expect_status 2 "$SMEAUDIT" $P -c "$TMPDIR_TEST/t.ini" -q \
    --plugin test-good,test-crash,test-abort,test-hang,test-exit,test-error,test-garbage \
    --format json --output "$out"
status() { jq_py "$out" "[p['status'] for p in d['plugins'] if p['name'] == '$1'][0]"; }
[ "$(status test-good)" = ok ] || fail "good: $(status test-good)"
[ "$(status test-crash)" = crashed ] || fail "crash: $(status test-crash)"
[ "$(status test-abort)" = crashed ] || fail "abort: $(status test-abort)"
[ "$(status test-hang)" = timeout ] || fail "hang: $(status test-hang)"
[ "$(status test-exit)" = error ] || fail "exit: $(status test-exit)"
[ "$(status test-error)" = error ] || fail "error: $(status test-error)"
[ "$(status test-garbage)" = error ] || fail "garbage: $(status test-garbage)"
assert_py "$out" "d['complete'] is False"
assert_py "$out" "'signal' in [p['reason'] for p in d['plugins'] if p['name'] == 'test-crash'][0]"
assert_py "$out" "'/etc/fixture' in [p['reason'] for p in d['plugins'] if p['name'] == 'test-error'][0]"
# Item 1 still has the good plugin's evidence; the crashed plugin's
# "pass" before the crash is listed but not scored.
[ "$(item_score "$out" 1)" = 4 ] || fail "item 1 lost the good plugin's evidence"
assert_py "$out" "[f for f in d['findings'] if f['plugin'] == 'test-crash'][0]['scored'] is False"

# An item only a failed plugin covers is -1 "check failed".
expect_status 2 "$SMEAUDIT" $P -q --plugin test-crash --format json --output "$out"
assert_py "$out" "[i for i in d['items'] if i['number'] == 1][0]['unknown_reason'] == 'check-failed'"
assert_py "$out" "'test-crash' in [i for i in d['items'] if i['number'] == 1][0]['failed_plugins']"

# Nothing assessed is never success; a skipped plugin alone assesses nothing.
expect_status 2 "$SMEAUDIT" $P --plugin test-skip --format json --output "$out"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"
# Only "cannot tell": assessed nothing either.
expect_status 2 "$SMEAUDIT" $P --plugin test-unknown --format json --output "$out"
assert_py "$out" "[i for i in d['items'] if i['number'] == 6][0]['unknown_reason'] == 'cannot-tell'"

# A million-object check is one finding with a count, fast.
printf '[plugin.test-many]\ncount = 200000\n' > "$TMPDIR_TEST/many.ini"
expect_status 1 "$SMEAUDIT" $P -c "$TMPDIR_TEST/many.ini" --plugin test-many \
    --format json --output "$out"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'test-many.fail'][0]['count'] == 200000"
assert_py "$out" "len([f for f in d['findings'] if f['check'] == 'test-many.fail'][0]['examples']) == 10"

# --no-fork runs the same plugin in-process with the same result.
expect_status 1 "$SMEAUDIT" $P --no-fork --plugin test-good --format json --output "$out"
[ "$(item_score "$out" 4)" = 0 ] || fail "--no-fork item 4"

# Wrong ABI major: refused with the reason, the rest runs; --all exits 2.
expect_status 0 "$SMEAUDIT" $P --list > "$TMPDIR_TEST/list.txt"
grep -q 'test-abi .*REFUSED.*ABI 2.0' "$TMPDIR_TEST/list.txt" || fail "wrong ABI not refused"
expect_status 0 "$SMEAUDIT" $P --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'test-good'][0]['items'] == [1, 2, 4, 6, 9]"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'test-good'][0]['cloud_items'] == [10]"
expect_status 2 "$SMEAUDIT" $P -q --plugin test-abi --format json --output "$out"
assert_py "$out" "'ABI' in d['plugins'][0]['reason'] and d['plugins'][0]['status'] == 'error'"

# Untrusted plugin files and directories are refused, naming the file.
mkdir "$TMPDIR_TEST/plug"
cp "$TEST_PLUGINS/test-good.so" "$TMPDIR_TEST/plug/"
chmod 666 "$TMPDIR_TEST/plug/test-good.so"
"$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/plug" --list 2>&1 | grep -q 'test-good.so is writable by everyone' ||
    fail "world-writable plugin accepted"
chmod 644 "$TMPDIR_TEST/plug/test-good.so"
chmod 777 "$TMPDIR_TEST/plug"
expect_status 3 "$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/plug" --list 2>"$TMPDIR_TEST/err"
grep -q 'plug is writable by everyone' "$TMPDIR_TEST/err" || fail "world-writable plugin dir accepted"
chmod 755 "$TMPDIR_TEST/plug"
rm "$TMPDIR_TEST/plug/test-good.so"
ln -s "$TEST_PLUGINS/test-good.so" "$TMPDIR_TEST/plug/test-good.so"
"$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/plug" --list 2>&1 | grep -q 'is a symlink' ||
    fail "symlinked plugin accepted"
if [ "$(id -u)" -eq 0 ]; then
	rm "$TMPDIR_TEST/plug/test-good.so"
	cp "$TEST_PLUGINS/test-good.so" "$TMPDIR_TEST/plug/"
	chown 65534 "$TMPDIR_TEST/plug/test-good.so"
	"$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/plug" --list 2>&1 |
	    grep -q 'belongs to uid 65534' || fail "plugin of another user accepted"
fi

# A plugin whose own input is broken ends the run with status 3.
expect_status 3 "$SMEAUDIT" $P --plugin test-good,test-badinput --format json \
    --output "$out" 2>"$TMPDIR_TEST/err"
grep -q 'fixture.rules:3:7: missing )' "$TMPDIR_TEST/err" || fail "bad input reason not shown"

# A plugin's own check of its configuration names the line and stops
# the run before anything is audited: no report is written.
printf '[core]\n\n[plugin.test-good]\ncount = -5\n' > "$TMPDIR_TEST/neg.ini"
rm -f "$TMPDIR_TEST/neg.json"
expect_status 3 "$SMEAUDIT" $P -c "$TMPDIR_TEST/neg.ini" --plugin test-good \
    --output "$TMPDIR_TEST/neg.json" 2>"$TMPDIR_TEST/err"
grep -q 'neg.ini:4: count must not be negative' "$TMPDIR_TEST/err" || fail "check_config: $(cat "$TMPDIR_TEST/err")"
test ! -e "$TMPDIR_TEST/neg.json" || fail "a report was written after a config error"

# Usage and input errors exit 3 with one line naming the file and line.
expect_status 3 "$SMEAUDIT" $P 2>/dev/null
expect_status 3 "$SMEAUDIT" $P --plugin no-such-plugin 2>/dev/null
expect_status 3 "$SMEAUDIT" $P --plugin test-good --format nosuch 2>/dev/null
expect_status 3 "$SMEAUDIT" $P --plugin test-good --lang fr 2>/dev/null
expect_status 3 "$SMEAUDIT" $P --plugin test-good --now yesterday 2>/dev/null
expect_status 3 "$SMEAUDIT" --root /nonexistent --plugin-dir "$TEST_PLUGINS" --plugin test-good 2>/dev/null
printf '[core]\ntimeout = soon\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" $P -c "$TMPDIR_TEST/bad.ini" --plugin test-good 2>"$TMPDIR_TEST/err"
grep -q "bad.ini:2: .*soon" "$TMPDIR_TEST/err" || fail "config error lacks file:line: $(cat "$TMPDIR_TEST/err")"
printf '[plugin.test-good]\nnosuchkey = 1\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" $P -c "$TMPDIR_TEST/bad.ini" --plugin test-good 2>"$TMPDIR_TEST/err"
grep -q 'bad.ini:2: unknown key "nosuchkey" in \[plugin.test-good\]' "$TMPDIR_TEST/err" || fail "unknown plugin key: $(cat "$TMPDIR_TEST/err")"
printf '[plugin.ghost]\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" $P -c "$TMPDIR_TEST/bad.ini" --plugin test-good 2>"$TMPDIR_TEST/err"
grep -q 'bad.ini:1: \[plugin.ghost\] names plugin "ghost"' "$TMPDIR_TEST/err" || fail "unknown plugin section: $(cat "$TMPDIR_TEST/err")"
printf '[diagnosis]\n26 = 4\n' > "$TMPDIR_TEST/bad-answers.ini"
expect_status 3 "$SMEAUDIT" $P --answers "$TMPDIR_TEST/bad-answers.ini" --plugin test-good 2>"$TMPDIR_TEST/err"
grep -q 'bad-answers.ini:2: ' "$TMPDIR_TEST/err" || fail "answers error lacks file:line"
test ! -e "$TMPDIR_TEST/never.json"

# Answers: used where no evidence exists; evidence wins and the
# disagreement is flagged where both exist.
printf '[diagnosis]\n4 = 4\n5 = 2\nnote.5 = mailing list\n' > "$TMPDIR_TEST/answers.ini"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" \
    --format json --output "$out"
assert_py "$out" "[i for i in d['items'] if i['number'] == 5][0]['score'] == 2"
assert_py "$out" "[i for i in d['items'] if i['number'] == 5][0]['source'] == 'answer'"
assert_py "$out" "[i for i in d['items'] if i['number'] == 5][0]['note'] == 'mailing list'"
i4='[i for i in d["items"] if i["number"] == 4][0]'
assert_py "$out" "$i4['score'] == 0 and $i4['source'] == 'both' and $i4['disagreement'] is True"
assert_py "$out" "d['score']['disagreements'] == 1"

# Item 4 is only partly machine-checkable: an answer below the evidence
# stands (the person knows of more than a plugin sees) and is no
# disagreement; item 1 is machine-checkable: the evidence decides.
printf '[diagnosis]\n1 = 2\n2 = 0\n4 = 0\n' > "$TMPDIR_TEST/lower.ini"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/lower.ini" \
    --format json --output "$out"
i1='[i for i in d["items"] if i["number"] == 1][0]'
assert_py "$out" "$i1['score'] == 4 and $i1['disagreement'] is True" "auto item: evidence decides"
assert_py "$out" "$i4['score'] == 0 and $i4['disagreement'] is False" "partly item: lower answer stands"

# Text report: scores, the disagreement and the plugin table; no colour
# when not a terminal; Japanese with --lang ja.
"$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" > "$TMPDIR_TEST/report.txt" || true
grep -q 'Total score' "$TMPDIR_TEST/report.txt" || fail "text report lacks the total"
grep -q 'DISAGREEMENT' "$TMPDIR_TEST/report.txt" || fail "text report lacks the disagreement"
grep -q "$(printf '\033')" "$TMPDIR_TEST/report.txt" && fail "colour codes in a file"
"$SMEAUDIT" $P --plugin test-good --lang ja > "$TMPDIR_TEST/report-ja.txt" || true
grep -q '不合格のフィクスチャ' "$TMPDIR_TEST/report-ja.txt" || fail "Japanese report lacks the Japanese title"

# --list-config writes a commented configuration that smeaudit reads back,
# in both languages; long comment lines are fine, long values are not.
for lang in en ja; do
	"$SMEAUDIT" $P --list-config --lang $lang > "$TMPDIR_TEST/all-$lang.ini"
	grep -q '^#timeout = 300s' "$TMPDIR_TEST/all-$lang.ini" || fail "--list-config lacks [core] timeout"
	grep -q '^#\[plugin.test-good\]' "$TMPDIR_TEST/all-$lang.ini" || fail "--list-config lacks a plugin"
	grep -q '^#\[plugin.test-good.NAME\]' "$TMPDIR_TEST/all-$lang.ini" || fail "--list-config lacks sub-sections"
	expect_status 0 "$SMEAUDIT" $P -c "$TMPDIR_TEST/all-$lang.ini" --list >/dev/null
done
"$SMEAUDIT" $P --list-config --format json > "$TMPDIR_TEST/config.json"
assert_py "$TMPDIR_TEST/config.json" "[k['section'] for k in d['plugins']['test-good'] if k['name'] == 'label'] == ['sub']"
{ printf '[core]\n# %0300d\n' 0; printf 'timeout = 1s\n'; } > "$TMPDIR_TEST/long.ini"
expect_status 0 "$SMEAUDIT" $P -c "$TMPDIR_TEST/long.ini" --list >/dev/null
{ printf '[core]\nanswers = /%0300d\n' 0; } > "$TMPDIR_TEST/long.ini"
expect_status 3 "$SMEAUDIT" $P -c "$TMPDIR_TEST/long.ini" --list 2>"$TMPDIR_TEST/err"
grep -q 'long.ini:2: line is 311 bytes long' "$TMPDIR_TEST/err" || fail "long line: $(cat "$TMPDIR_TEST/err")"

# --version names PCRE2 and the JIT state.
"$SMEAUDIT" --version | grep -q 'PCRE2 10\.[0-9]*.*JIT' || fail "--version"
exit 0
