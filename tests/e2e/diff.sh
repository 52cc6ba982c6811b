#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit diff: improved, regressed, newly assessed and no longer known
# items, category and total changes, the exit status, bad input.
set -eu
. "$top_srcdir/tests/lib.sh"

T=$TMPDIR_TEST

# run NAME LEVELS: audit the fixture host with these levels into $T/NAME.json.
run() {
	mkdir -p "$T/root/etc"
	printf 'office1\n' > "$T/root/etc/hostname"
	printf '[plugin.test-levels]\nlevels = %s\n' "$2" > "$T/$1.ini"
	"$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --root "$T/root" -c "$T/$1.ini" -q \
	    --now=2026-11-26T09:00:00Z --plugin test-levels --format json --output "$T/$1.json" || true
	[ -s "$T/$1.json" ] || fail "no report $1"
}

#          1 2 3  4 5 6  (7-25 no evidence)
run old "0,2,4,-1,4,4"
run new "4,2,0,2,-1,4"
expect_status 1 "$SMEAUDIT" diff "$T/old.json" "$T/new.json" --format json --output "$T/d.json"
d=$T/d.json
st() { jq_py "$d" "[i['status'] for i in d['items'] if i['number'] == $1][0]"; }
[ "$(st 1)" = improved ] || fail "item 1: $(st 1)"
[ "$(st 2)" = unchanged ] || fail "item 2: $(st 2)"
[ "$(st 3)" = regressed ] || fail "item 3: $(st 3)"
[ "$(st 4)" = now-known ] || fail "item 4: $(st 4)"
[ "$(st 5)" = now-unknown ] || fail "item 5: $(st 5)"
[ "$(st 7)" = unchanged ] || fail "item 7: $(st 7)"
assert_py "$d" "d['schema'] == 'smeaudit-diff/1'"
assert_py "$d" "[i for i in d['items'] if i['number'] == 1][0] == {'number': 1, 'category': 'basic', 'label': 'OS and software updates', 'old': 0, 'new': 4, 'change': 4, 'status': 'improved'}"
# total: old 0+2+4-1+4+4 -19 = -6, new 4+2+0+2-1+4 -19 = -8
assert_py "$d" "d['total'] == {'old': -6, 'new': -8, 'change': -2}"
assert_py "$d" "d['categories'][0]['id'] == 'basic' and d['categories'][0]['old'] == 9 and d['categories'][0]['new'] == 7"
assert_py "$d" "d['counts'] == {'unchanged': 36, 'improved': 1, 'regressed': 1, 'now-known': 1, 'now-unknown': 1}"
assert_py "$d" "[r['old'] for r in d['rules']] == [0, 2, 4, -1, 4] and [r['new'] for r in d['rules']] == [4, 2, 0, 2, -1]"
assert_py "$d" "d['old']['hostname'] == 'office1' and d['new']['file'] == '$T/new.json'"

"$SMEAUDIT" diff "$T/old.json" "$T/new.json" > "$T/d.txt" || true
grep -q '^Total score                       -6 ->   -8  (-2)$' "$T/d.txt" || fail "text total: $(cat "$T/d.txt")"
grep -q '^Regressed$' "$T/d.txt" || fail "text: no Regressed section"
grep -q '^  \[ 4 ->  0\]  3 Strong passwords$' "$T/d.txt" || fail "text: regressed item 3"
grep -q '^  \[ 0 ->  4\]  1 OS and software updates$' "$T/d.txt" || fail "text: improved item 1"
grep -q '^  \[ 4 -> -1\]  5 Learning about new threats$' "$T/d.txt" || fail "text: item 5 now unknown"
grep -q '^1 improved, 1 regressed, 1 newly assessed, 1 no longer known, 36 unchanged$' "$T/d.txt" ||
    fail "text: counts"
"$SMEAUDIT" --lang ja diff "$T/old.json" "$T/new.json" > "$T/d-ja.txt" || true
grep -q '^悪化した項目$' "$T/d-ja.txt" || fail "Japanese diff heading"
grep -q '強いパスワード' "$T/d-ja.txt" || fail "Japanese item label"

# Only improvements: exit 0.
run better "4,4,4,4,4,4"
expect_status 0 "$SMEAUDIT" diff "$T/new.json" "$T/better.json" --format json --output "$d"
assert_py "$d" "d['counts']['regressed'] == 0 and d['counts']['improved'] == 3 and d['counts']['now-known'] == 1"
expect_status 0 "$SMEAUDIT" diff "$T/new.json" "$T/new.json" --output "$T/same.txt"

# Bad input: exit 3, one line naming the file.
expect_status 3 "$SMEAUDIT" diff "$T/old.json" 2>"$T/err"
grep -q 'give two JSON reports' "$T/err" || fail "one argument"
printf '{"schema": "smeaudit-report/1"' > "$T/trunc.json"
expect_status 3 "$SMEAUDIT" diff "$T/old.json" "$T/trunc.json" 2>"$T/err"
grep -q "$T/trunc.json:1:31: not a JSON report: unexpected end of file" "$T/err" || fail "truncated: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" diff "$T/nope.json" "$T/new.json" 2>"$T/err"
grep -q "$T/nope.json: No such file or directory" "$T/err" || fail "missing: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" diff "$T/old.json" "$T/new.json" --format html 2>"$T/err"
grep -q 'diff prints text or json' "$T/err" || fail "format"
exit 0
