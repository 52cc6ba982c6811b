#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line end to end, beyond tests/e2e/core.sh: --list-items in
# both formats; --output that never writes through a planted symlink, is
# always 0600 and writes into (never replaces) a device or FIFO; input
# files that are not regular files failing at once; and the exit
# statuses 0 and 2 of runs decided by answers.
set -eu
. "$top_srcdir/tests/lib.sh"

ROOT=$FIXTURES/roots/minimal
P="--plugin-dir $TEST_PLUGINS --root $ROOT"
T=$TMPDIR_TEST
command -v timeout >/dev/null 2>&1 || skip "needs timeout (coreutils)"

# no_temp NAME: fail if rep_output left its ".NAME.XXXXXX" file in $T.
no_temp() {
	for f in "$T/.$1".*; do
		[ -e "$f" ] && fail "temporary report file $f left behind"
	done
	return 0
}

# --list-items: the 25 items, which plugin gives evidence, text and JSON.
# The in-tree plugins are listed too, so only the fixtures' items are
# asserted by plugin.
expect_status 0 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items > "$T/items.txt"
expect_status 0 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items --format json > "$T/items.json"
[ "$(wc -l < "$T/items.txt")" -eq 25 ] || fail "--list-items: not 25 lines"
grep -q '^ 4  Access to important data  *.*test-good' "$T/items.txt" ||
    fail "--list-items: item 4 lacks test-good: $(sed -n 4p "$T/items.txt")"
sed -n 3p "$T/items.txt" | grep -q '  \[evidence covers part; answer too\]$' ||
    fail "--list-items: item 3 does not say that it needs an answer too"
sed -n 25p "$T/items.txt" | grep -q '  \[needs an answer\]$' || fail "--list-items: item 25"
# every label is followed by a space, also one wider than its column
python3 -c 'import json,sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
for i, line in zip(items, lines):
    head = "%2d  %s " % (i["number"], i["label"])
    if not line.startswith(head):
        sys.exit("label runs into the next column: " + line)' "$T/items.json" "$T/items.txt" ||
    fail "--list-items columns"
expect_status 0 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items --lang ja > "$T/items-ja.txt"
grep -q '^ 1  OS・ソフトウェアの更新 ' "$T/items-ja.txt" || fail "--list-items --lang ja"
assert_py "$T/items.json" "[i['number'] for i in d] == list(range(1, 26))"
assert_py "$T/items.json" "[i['category'] for i in d] == ['basic'] * 5 + ['employee'] * 13 + ['organization'] * 7"
assert_py "$T/items.json" "'test-good' in d[3]['plugins'] and 'test-good' not in d[2]['plugins']"
assert_py "$T/items.json" "d[0]['mode'] == 'auto' and d[0]['needs_answer'] is False"
assert_py "$T/items.json" "d[24]['needs_answer'] is True and all(isinstance(i['label'], str) and i['label'] for i in d)"
expect_status 3 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items --format xml 2>"$T/err"
grep -q 'list-items prints text or json' "$T/err" || fail "--list-items --format xml: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items --list 2>/dev/null
expect_status 3 "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --list-items --all 2>/dev/null

# --output over a planted symlink replaces the link and never writes
# through it; no temporary file is left behind.
echo precious > "$T/victim"
ln -s "$T/victim" "$T/report.json"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --format json --output "$T/report.json"
[ -L "$T/report.json" ] && fail "the symlink at --output is still there"
[ "$(cat "$T/victim")" = precious ] || fail "the report was written through the symlink"
assert_py "$T/report.json" "d['schema'] == 'smeaudit-report/1'"
[ "$(stat -c %a "$T/report.json")" = 600 ] || fail "report over a symlink is not 0600"
mkdir "$T/elsewhere"
ln -s "$T/elsewhere/new.json" "$T/dangling.json"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --format json --output "$T/dangling.json"
[ -e "$T/elsewhere/new.json" ] && fail "a dangling symlink at --output was followed"
if [ ! -f "$T/dangling.json" ] || [ -L "$T/dangling.json" ]; then
	fail "dangling link at --output not replaced by the report"
fi
no_temp report.json
no_temp dangling.json

# Mode 0600 whatever the umask, also when an existing 0644 file is replaced.
printf 'old\n' > "$T/existing.txt"
chmod 644 "$T/existing.txt"
(umask 000 && "$SMEAUDIT" $P --plugin test-good --output "$T/existing.txt") || [ $? -eq 1 ] ||
    fail "text report run failed"
[ "$(stat -c %a "$T/existing.txt")" = 600 ] || fail "replaced report is $(stat -c %a "$T/existing.txt"), not 600"
grep -q 'Total score' "$T/existing.txt" || fail "text report not written"

# A character device or FIFO at --output is written into, never replaced
# ("--output /dev/null" as root must not turn /dev/null into a file).
# A private device node stands in for /dev/null; it needs CAP_MKNOD.
if mknod -m 666 "$T/null" c 1 3 2>/dev/null; then
	expect_status 1 "$SMEAUDIT" $P --plugin test-good --output "$T/null"
	[ -c "$T/null" ] || fail "the character device at --output was replaced"
	no_temp null
fi
mkfifo "$T/pipe"
timeout 20 cat "$T/pipe" > "$T/from-pipe" &
reader=$!
expect_status 1 timeout 20 "$SMEAUDIT" $P --plugin test-good --format json --output "$T/pipe"
wait "$reader" || fail "nobody read the FIFO"
[ -p "$T/pipe" ] || fail "the FIFO at --output was replaced"
assert_py "$T/from-pipe" "d['schema'] == 'smeaudit-report/1'"

# A report that cannot be written: exit 3 naming the file, nothing left.
expect_status 3 "$SMEAUDIT" $P --plugin test-good --output "$T/nodir/r.json" 2>"$T/err"
grep -q "$T/nodir/r.json: cannot create" "$T/err" || fail "unwritable --output: $(cat "$T/err")"
mkdir "$T/isdir"
expect_status 3 "$SMEAUDIT" $P --plugin test-good --output "$T/isdir" 2>"$T/err"
grep -q "$T/isdir: cannot write" "$T/err" || fail "--output onto a directory: $(cat "$T/err")"
no_temp isdir

# Files that are not regular files are refused at once, never read or
# waited on: a FIFO nobody writes to, /dev/zero, a directory.
mkfifo "$T/fifo"
expect_status 3 timeout 20 "$SMEAUDIT" $P -c "$T/fifo" --plugin test-good \
    --output "$T/never.json" 2>"$T/err"
grep -q "$T/fifo: not a regular file" "$T/err" || fail "FIFO --config: $(cat "$T/err")"
expect_status 3 timeout 20 "$SMEAUDIT" $P -c /dev/zero --plugin test-good 2>"$T/err"
grep -q '/dev/zero: not a regular file' "$T/err" || fail "/dev/zero --config: $(cat "$T/err")"
expect_status 3 timeout 20 "$SMEAUDIT" $P -c "$T/isdir" --plugin test-good 2>"$T/err"
grep -q "$T/isdir: Is a directory" "$T/err" || fail "directory --config: $(cat "$T/err")"
expect_status 3 timeout 20 "$SMEAUDIT" $P --answers /dev/zero --plugin test-good \
    --output "$T/never.json" 2>"$T/err"
grep -q '/dev/zero: not a regular file' "$T/err" || fail "/dev/zero --answers: $(cat "$T/err")"
expect_status 3 timeout 20 "$SMEAUDIT" $P --answers "$T/fifo" --plugin test-good 2>"$T/err"
grep -q "$T/fifo: not a regular file" "$T/err" || fail "FIFO --answers: $(cat "$T/err")"
expect_status 3 timeout 20 "$SMEAUDIT" $P --answers "$T/isdir" --plugin test-good 2>/dev/null
printf '[core]\nanswers = %s\n' "$T/fifo" > "$T/answers-fifo.ini"
expect_status 3 timeout 20 "$SMEAUDIT" $P -c "$T/answers-fifo.ini" --plugin test-good 2>"$T/err"
grep -q "$T/fifo: not a regular file" "$T/err" || fail "FIFO [core] answers: $(cat "$T/err")"
[ -e "$T/never.json" ] && fail "a report was written despite an input error"

# Exit 0 needs every assessed item at 4; answers alone can decide it,
# but a run that assessed nothing is 2 even when it "passed".
{
	echo '[diagnosis]'
	i=1
	while [ $i -le 25 ]; do echo "$i = 4"; i=$((i + 1)); done
} > "$T/all4.ini"
expect_status 0 "$SMEAUDIT" $P --plugin test-skip --answers "$T/all4.ini" --format json --output "$T/r.json"
assert_py "$T/r.json" "d['score']['total'] == 100 and d['complete'] is True"
expect_status 0 "$SMEAUDIT" $P --plugin test-unknown --answers "$T/all4.ini" --format json --output "$T/r.json"
assert_py "$T/r.json" "[i for i in d['items'] if i['number'] == 6][0]['source'] == 'both'"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$T/all4.ini" --format json --output "$T/r.json"
assert_py "$T/r.json" "d['score']['disagreements'] == 2"
sed 's/= 4/= -1/' "$T/all4.ini" > "$T/all-unknown.ini"
expect_status 2 "$SMEAUDIT" $P --plugin test-skip --answers "$T/all-unknown.ini" --format json --output "$T/r.json"
assert_py "$T/r.json" "d['score']['total'] == -25 and d['score']['unknown'] == 25"
# a later answers file wins; a broken one stops the run before anything is written
printf '[diagnosis]\n3 = 0\n' > "$T/later.ini"
expect_status 1 "$SMEAUDIT" $P --plugin test-skip --answers "$T/all4.ini" --answers "$T/later.ini" \
    --format json --output "$T/r.json"
assert_py "$T/r.json" "d['score']['total'] == 96"
printf '[diagnosis]\n3 = 3\n' > "$T/broken.ini"
rm -f "$T/r.json"
expect_status 3 "$SMEAUDIT" $P --plugin test-skip --answers "$T/all4.ini" --answers "$T/broken.ini" \
    --format json --output "$T/r.json" 2>"$T/err"
grep -q "$T/broken.ini:2: item 3: \"3\" is not an answer" "$T/err" || fail "broken answers: $(cat "$T/err")"
[ -e "$T/r.json" ] && fail "a report was written despite a broken answers file"

# Usage errors.
expect_status 3 "$SMEAUDIT" --no-such-option 2>/dev/null
expect_status 3 "$SMEAUDIT" $P --all --plugin test-good 2>/dev/null
expect_status 0 "$SMEAUDIT" --help > "$T/help.txt"
grep -q '3  usage or input error' "$T/help.txt" || fail "--help lacks the exit statuses"
exit 0
