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
