#!/bin/sh
# SPDX-License-Identifier: MIT
# The cloud plugin: each service's selection answers (cloud 1-6) become
# evidence for item 23, and an item-23 answer that claims more is a
# disagreement the evidence decides.
set -eu
. "$top_srcdir/tests/lib.sh"

ROOT=$FIXTURES/roots/minimal
P="--plugin-dir $TEST_PLUGINS --root $ROOT"
T=$TMPDIR_TEST
out=$T/out.json
i23="[i for i in d['items'] if i['number'] == 23][0]"
vetted="[f for f in d['findings'] if f['check'] == 'cloud.service-vetted']"

# one service per case: its answers to cloud 1-6 and the level they give
level() {		# level 'answers of cloud 1..6' LEVEL [note]
	printf '[service.svc]\nlabel = Test\n' > "$T/case.ini"
	n=1
	for a in $1; do
		[ "$a" = - ] || printf '%s = %s\n' "$n" "$a" >> "$T/case.ini"
		n=$((n + 1))
	done
	set +e
	"$SMEAUDIT" $P --plugin cloud --answers "$T/case.ini" --format json --output "$out"
	set -e
	assert_py "$out" "$vetted[0]['level'] == $2 and $vetted[0]['examples'] == ['svc']" "cloud 1-6 '$1'"
	assert_py "$out" "len($vetted) == 1 and $vetted[0]['item'] == 23"
}
level 'yes yes yes yes yes yes' 4
level 'yes yes yes yes yes na' 4
level 'no no no no no no' 0
level 'yes no yes yes yes yes' 2
level 'yes partly yes yes yes yes' 2
level 'yes yes yes yes yes -' 2		# one item never checked: not fully vetted
level 'yes yes unknown yes yes yes' 2
level 'unknown unknown - - - -' -1
level 'na na na na na na' "'na'"
# the services' levels combine like any evidence; the evidence decides item 23
cat > "$T/two.ini" <<'X'
[diagnosis]
23 = 4
note.23 = we always check

[service.mail]
label = Google Workspace
1 = yes
2 = yes
3 = yes
4 = yes
5 = yes
6 = yes

[service.files]
label = Box
1 = yes
2 = partly
3 = no
5 = yes
6 = na
X
expect_status 1 "$SMEAUDIT" $P --plugin cloud --answers "$T/two.ini" --format json --output "$out"
assert_py "$out" "$i23['evidence'] == 2 and $i23['answer'] == 4 and $i23['score'] == 2"
assert_py "$out" "$i23['disagreement'] is True and $i23['note'] == 'we always check'"
assert_py "$out" "sorted(f['id'] for f in $vetted) == ['cloud.service-vetted:ok', 'cloud.service-vetted:partly']"
assert_py "$out" "[f for f in $vetted if f['level'] == 2][0]['examples'] == ['files']"
assert_py "$out" "'cloud 2, 3, 4' in [f for f in $vetted if f['level'] == 2][0]['detail']"
assert_py "$out" "'2 partly, 3 no, 4 unanswered' in [f for f in $vetted if f['level'] == 2][0]['evidence']"
assert_py "$out" "('item', 23, None) in {(x['kind'], x['number'], x['service']) for x in d['disagreements']}"
"$SMEAUDIT" $P --plugin cloud --answers "$T/two.ini" --lang ja > "$T/report.txt" || true
grep -q '項目23 ' "$T/report.txt" || fail "item 23 not in the Japanese disagreement list"
grep -q 'チェック項目の回答から' "$T/report.txt" || fail "Japanese check title"
# every service vetted: item 23 implemented by evidence alone
printf '[service.mail]\n1 = yes\n2 = yes\n3 = yes\n4 = yes\n5 = yes\n6 = 4\n' > "$T/vetted.ini"
expect_status 0 "$SMEAUDIT" $P --plugin cloud --answers "$T/vetted.ini" --format json --output "$out"
assert_py "$out" "$i23['score'] == 4 and $i23['source'] == 'evidence'"
# [cloud] is every service's default, also for the selection part
printf '[cloud]\n1 = yes\n2 = yes\n3 = yes\n4 = yes\n5 = yes\n6 = yes\n[service.a]\n3 = no\n[service.b]\n' > "$T/default.ini"
expect_status 1 "$SMEAUDIT" $P --plugin cloud --answers "$T/default.ini" --format json --output "$out"
assert_py "$out" "sorted((f['level'], f['examples']) for f in $vetted) == [(2, ['a']), (4, ['b'])]"
# no service, only organisation-wide answers: one report without an object
printf '[cloud]\n1 = no\n2 = no\n3 = no\n4 = no\n5 = no\n6 = no\n' > "$T/orgcloud.ini"
expect_status 1 "$SMEAUDIT" $P --plugin cloud --answers "$T/orgcloud.ini" --format json --output "$out"
assert_py "$out" "$i23['score'] == 0 and len($vetted) == 1 and $vetted[0]['examples'] == []"
# nothing about the cloud answered: nothing to audit, item 23 rests on its answer
printf '[diagnosis]\n23 = 2\n' > "$T/none.ini"
expect_status 1 "$SMEAUDIT" $P --plugin cloud --answers "$T/none.ini" --format json --output "$out"
assert_py "$out" "[p['status'] for p in d['plugins'] if p['name'] == 'cloud'] == ['skipped']"
assert_py "$out" "$i23['score'] == 2 and $i23['source'] == 'answer'"
expect_status 2 "$SMEAUDIT" $P --plugin cloud --format json --output "$out"
assert_py "$out" "[p['status'] for p in d['plugins'] if p['name'] == 'cloud'] == ['skipped']"
# the plugin is listed with the item it gives evidence for
"$SMEAUDIT" $P --list --format json > "$T/list.json"
assert_py "$T/list.json" "[p for p in d if p['name'] == 'cloud'][0]['items'] == [23]"
assert_py "$T/list.json" "[c['id'] for c in [p for p in d if p['name'] == 'cloud'][0]['checks']] == ['cloud.service-vetted']"
exit 0
