#!/bin/sh
# SPDX-License-Identifier: MIT
# The documentation says what the program does: smeaudit.ini(5) and
# README.md's item table match the build (make update-docs), smeaudit(1)
# covers every option, command and exit status, every page in man/ is
# installed and renders without warnings, and smeaudit-plugin(7)'s example
# plugin compiles and works.
set -eu
. "$top_srcdir/tests/lib.sh"

M=$top_srcdir/man

python3 "$top_srcdir/contrib/gendocs.py" --smeaudit "$SMEAUDIT" --srcdir "$top_srcdir" \
    --check > "$TMPDIR_TEST/gendocs" 2>&1 ||
    fail "generated documentation out of date (run make update-docs):
$(cat "$TMPDIR_TEST/gendocs")"

# Every page in man/ is installed.
for page in "$M"/*.[1-9]; do
	grep -q "man/${page##*/}\\b" "$top_srcdir/man/local.mk" ||
	    fail "man/${page##*/} is not in dist_man_MANS (man/local.mk)"
done

# Every page renders without a warning, as man-db (and lintian) render it.
command -v groff >/dev/null 2>&1 || skip "needs groff (Debian package groff-base)"
for page in "$M"/*.[1-9]; do
	groff -mandoc -Tutf8 -Kutf8 -ww -z "$page" > "$TMPDIR_TEST/groff" 2>&1 || true
	[ ! -s "$TMPDIR_TEST/groff" ] || fail "groff warns about ${page##*/}: $(cat "$TMPDIR_TEST/groff")"
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -Tlint -Wwarning "$page" > "$TMPDIR_TEST/mandoc" 2>&1 || true
		[ ! -s "$TMPDIR_TEST/mandoc" ] ||
		    fail "mandoc warns about ${page##*/}: $(cat "$TMPDIR_TEST/mandoc")"
	fi
done

# smeaudit(1) against every --help: options both ways, commands, statuses.
groff -mandoc -Tascii -P-cbou -rLL=250n "$M/smeaudit.1" 2>/dev/null > "$TMPDIR_TEST/smeaudit.1.txt"
"$SMEAUDIT" --lang en --help > "$TMPDIR_TEST/help"
commands=$(awk '/^Commands:/ { c = 1; next } /^$/ { c = 0 } c && /^  [a-z]/ { print $1 }' "$TMPDIR_TEST/help")
plugin_commands=$("$SMEAUDIT" --list --format json |
    python3 -c 'import json,sys; print(" ".join(c for p in json.load(sys.stdin) for c in p["commands"]))')
[ -n "$commands" ] || fail "no commands in smeaudit --help"
for c in $commands $plugin_commands; do
	grep -q "^\\.Ss $c\$" "$M/smeaudit.1" || fail "smeaudit(1) has no subsection for the command $c"
	"$SMEAUDIT" --lang en "$c" --help >> "$TMPDIR_TEST/help" 2>&1 ||
	    fail "smeaudit $c --help failed"
done
for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMPDIR_TEST/help" | sort -u); do
	grep -q -- "$opt\\b" "$TMPDIR_TEST/smeaudit.1.txt" || fail "smeaudit(1) does not document $opt"
done
for opt in $(grep -o -- '^  -[a-zA-Z],' "$TMPDIR_TEST/help" | tr -d ' ,' | sort -u); do
	grep -q -- "$opt," "$TMPDIR_TEST/smeaudit.1.txt" || fail "smeaudit(1) does not document $opt"
done
for opt in $(grep -o -- '--[a-z][a-z-]*[a-z]' "$TMPDIR_TEST/smeaudit.1.txt" | sort -u); do
	grep -q -- "$opt\\b" "$TMPDIR_TEST/help" || fail "smeaudit(1) documents $opt, which no --help knows"
done
for status in $(sed -n '/^Exit status:/,$ s/^  \([0-9]\)  .*/\1/p' "$TMPDIR_TEST/help"); do
	grep -q "^\\.It $status\$" "$M/smeaudit.1" || fail "smeaudit(1) lacks exit status $status"
done

# The example of smeaudit-plugin(7) is a working plugin.
CC=${CC:-cc}
command -v "$CC" >/dev/null 2>&1 || skip "needs a C compiler ($CC)"
mkdir "$TMPDIR_TEST/motd"
sed -n '/^#include <errno.h>$/,/^\.Ed$/p' "$M/smeaudit-plugin.7" | sed '$d' |
    sed 's/\\e/\\/g' > "$TMPDIR_TEST/motd/motd.c"
grep -q 'SA_PLUGIN_DEFINE' "$TMPDIR_TEST/motd/motd.c" || fail "no example plugin in smeaudit-plugin(7)"
"$CC" -std=c11 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden \
    -I"$top_srcdir/core/sdk" -o "$TMPDIR_TEST/motd/motd.so" "$TMPDIR_TEST/motd/motd.c" ||
    fail "the example of smeaudit-plugin(7) does not compile"
mkdir -p "$TMPDIR_TEST/root/etc"
echo "Use of this system is logged." > "$TMPDIR_TEST/root/etc/motd"
expect_status 0 "$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/motd" --plugin motd \
    --root "$TMPDIR_TEST/root" --format json --output "$TMPDIR_TEST/motd.json"
[ "$(item_score "$TMPDIR_TEST/motd.json" 25)" = 4 ] || fail "motd example: item 25 with /etc/motd"
rm "$TMPDIR_TEST/root/etc/motd"
expect_status 1 "$SMEAUDIT" --plugin-dir "$TMPDIR_TEST/motd" --plugin motd \
    --root "$TMPDIR_TEST/root" --format json --output "$TMPDIR_TEST/motd.json"
assert_py "$TMPDIR_TEST/motd.json" "[f['check'] for f in d['findings']] == ['motd.present'] and d['findings'][0]['level'] == 0"
