#!/bin/sh
# SPDX-License-Identifier: MIT
# Messages in Japanese and English: po/ja.po translates every message of
# the core (what make update-po would extract), and the language follows
# --lang, then LC_ALL, LC_MESSAGES and LANG.
set -eu
. "$top_srcdir/tests/lib.sh"

command -v xgettext >/dev/null 2>&1 || skip "needs xgettext (Debian package gettext)"

# Every source file with a marked message is extracted.
for f in "$top_srcdir"/core/*.c; do
	rel=core/${f##*/}
	if grep -q '\bN\?_("' "$f" && ! grep -qx "$rel" "$top_srcdir/po/POTFILES"; then
		fail "$rel has translatable messages but is not in po/POTFILES"
	fi
done
for f in "$top_srcdir"/plugins/*/*.c; do
	rel=${f#"$top_srcdir"/}
	if grep -q '\bEN\?_("' "$f" && ! grep -qx "$rel" "$top_srcdir/po/POTFILES"; then
		fail "$rel has translatable evidence but is not in po/POTFILES"
	fi
done
${MAKE:-make} -s -C "$top_builddir" po-check > "$TMPDIR_TEST/po-check" 2>&1 ||
    fail "po/ja.po is incomplete: $(cat "$TMPDIR_TEST/po-check")"

P="--plugin-dir $TEST_PLUGINS --root $FIXTURES/roots/minimal"
EN='^Usage: smeaudit '
JA='^使い方: smeaudit '
# help_is PATTERN "VAR=VALUE..." [OPTION...]: the first line of smeaudit's
# help, in exactly that environment and with those options, matches.
help_is() {
	pattern=$1
	vars=$2
	shift 2
	# shellcheck disable=SC2086
	env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE $vars "$SMEAUDIT" "$@" --help \
	    > "$TMPDIR_TEST/help" 2>&1 || fail "smeaudit --help with $vars $*"
	head -1 "$TMPDIR_TEST/help" | grep -q "$pattern" ||
	    fail "help in the wrong language with $vars $*: $(head -1 "$TMPDIR_TEST/help")"
}
help_is "$EN" ""
help_is "$EN" "LANG=C.UTF-8"
help_is "$JA" "LANG=ja_JP.UTF-8"
help_is "$JA" "LANG=ja_JP.eucJP"
help_is "$JA" "LC_MESSAGES=ja_JP.UTF-8 LANG=C"
help_is "$JA" "LC_ALL=ja_JP.UTF-8 LANG=C"
help_is "$EN" "LC_ALL=C LANG=ja_JP.UTF-8"
help_is "$EN" "LC_ALL=en_US.UTF-8 LC_MESSAGES=ja_JP.UTF-8"
# --lang beats the environment, also gettext's own LANGUAGE.
help_is "$EN" "LANG=ja_JP.UTF-8" --lang en
help_is "$JA" "LANG=C.UTF-8" --lang ja
help_is "$JA" "LANGUAGE=en" --lang=ja
help_is "$JA" "LANG=C" -L ja

# Errors and reports follow the same choice.
expect_status 3 env -u LC_ALL LANG=ja_JP.UTF-8 "$SMEAUDIT" $P --plugin no-such-plugin 2>"$TMPDIR_TEST/err"
grep -q '"no-such-plugin" という名前のプラグインはありません' "$TMPDIR_TEST/err" ||
    fail "error not in Japanese: $(cat "$TMPDIR_TEST/err")"
expect_status 3 env -u LC_ALL LANG=ja_JP.UTF-8 "$SMEAUDIT" --lang en $P --plugin no-such-plugin 2>"$TMPDIR_TEST/err"
grep -q 'no plugin named "no-such-plugin"' "$TMPDIR_TEST/err" ||
    fail "error not in English with --lang en: $(cat "$TMPDIR_TEST/err")"
expect_status 3 "$SMEAUDIT" --lang ja --now yesterday --list 2>"$TMPDIR_TEST/err"
grep -q '^smeaudit: --now: ' "$TMPDIR_TEST/err" && ! grep -q 'is not a time' "$TMPDIR_TEST/err" ||
    fail "--now error not translated: $(cat "$TMPDIR_TEST/err")"
expect_status 1 env -u LC_ALL LANG=ja_JP.UTF-8 "$SMEAUDIT" $P --plugin test-good --format json \
    --output "$TMPDIR_TEST/ja.json"
assert_py "$TMPDIR_TEST/ja.json" "d['findings'] and any(f['title'] == '不合格のフィクスチャ' for f in d['findings'])" \
    "JSON report titles in Japanese under LANG=ja_JP.UTF-8"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --format json --output "$TMPDIR_TEST/en.json"
assert_py "$TMPDIR_TEST/en.json" "any(f['title'] == 'Fixture check that fails' for f in d['findings'])" \
    "JSON report titles in English by default"

# Input errors are in the reader's language too: the place (FILE:LINE)
# stays, the message is translated, the exit status is 3 either way.
# in_both WANT_EN WANT_JA CMD...: CMD fails with exit 3 and one stderr
# line matching WANT_EN under --lang en and WANT_JA under --lang ja.
in_both() {
	want_en=$1
	want_ja=$2
	shift 2
	for lang in en ja; do
		expect_status 3 "$SMEAUDIT" --lang "$lang" "$@" 2>"$TMPDIR_TEST/err" </dev/null
		if [ "$lang" = en ]; then want=$want_en; else want=$want_ja; fi
		grep -q "$want" "$TMPDIR_TEST/err" && [ "$(wc -l < "$TMPDIR_TEST/err")" -eq 1 ] ||
		    fail "--lang $lang $*: want \"$want\", got: $(cat "$TMPDIR_TEST/err")"
	done
}
T=$TMPDIR_TEST
printf '[core\n' > "$T/syntax.ini"
in_both "syntax.ini:1: section header without ']'" \
    "syntax.ini:1: セクション見出しに ']' がありません" -c "$T/syntax.ini" $P --all
printf '[core]\njobs = 2\n\n[plugin.shares]\nscan_acl = maybe\n' > "$T/key.ini"
in_both 'key.ini:5: unknown key "scan_acl" in \[plugin.shares\]' \
    'key.ini:5: \[plugin.shares\] に不明なキー「scan_acl」があります' \
    -c "$T/key.ini" --plugin shares --root "$FIXTURES/roots/minimal"
printf '[plugin.updates]\nmax_pending = -1\n' > "$T/value.ini"
in_both '^smeaudit: updates: error: .*value.ini:2: max_pending: must be 0 or more' \
    '^smeaudit: updates: エラー: .*value.ini:2: max_pending: 0 以上にしてください' \
    -c "$T/value.ini" --plugin updates --root "$FIXTURES/roots/minimal"
printf '[diagnosis]\n3 = 4\n3 = 5\n' > "$T/twice.ini"
in_both 'twice.ini:3: key "3" given twice in \[diagnosis\]' \
    'twice.ini:3: \[diagnosis\] にキー「3」が二度書かれています' \
    --answers "$T/twice.ini" $P --plugin test-good
printf '[cloud]\n4 = perhaps\n' > "$T/cloud.ini"
in_both 'cloud.ini:2: cloud item 4: "perhaps" is not an answer; use 4, 2, 0, -1, yes, partly, no, unknown or na' \
    'cloud.ini:2: クラウド項目 4: 「perhaps」は回答になりません。4、2、0、-1、yes、partly、no、unknown、na のいずれかにしてください' \
    --answers "$T/cloud.ini" $P --plugin test-good
printf '情報資産名称,機密性,完全性,可用性,脅威,脆弱性\n"顧客台帳,2,2,2,3,3\n' > "$T/quote.csv"
in_both 'quote.csv:2: a quoted cell is never closed' \
    'quote.csv:2: 引用符で始まるセルが閉じていません' risk --ledger "$T/quote.csv"
printf '[rule r1]\nseverity = dire\n' > "$T/own.rules"
printf '[plugin.password]\nextra_rule_files = %s\n' "$T/own.rules" > "$T/rules.ini"
in_both 'own.rules:2:.*unknown severity "dire"' \
    'own.rules:2:.*不明な重大度「dire」です' -c "$T/rules.ini" password-check

# A plugin that crashes or hangs: its status and reason in the report's
# language (the JSON status stays the contract value).
printf '[core]\ntimeout = 2s\n' > "$T/t.ini"
expect_status 2 "$SMEAUDIT" --lang ja $P --plugin test-good,test-crash,test-hang \
    -c "$T/t.ini" > "$T/crash-ja.txt" 2>/dev/null
grep -q '^  test-crash .*異常終了 .*異常終了: シグナル ' "$T/crash-ja.txt" &&
    grep -q '^  test-hang .*時間切れ .*秒たっても終わらないため停止しました' "$T/crash-ja.txt" &&
    grep -q '^  test-good .*正常 ' "$T/crash-ja.txt" ||
    fail "plugin status not in Japanese: $(sed -n '/^プラグイン/,$p' "$T/crash-ja.txt")"
expect_status 2 "$SMEAUDIT" --lang ja $P --plugin test-crash -c "$T/t.ini" --format json \
    --output "$T/crash-ja.json" 2>/dev/null
assert_py "$T/crash-ja.json" "[p['status'] for p in d['plugins']] == ['crashed']"
