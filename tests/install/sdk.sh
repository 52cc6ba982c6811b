#!/bin/sh
# SPDX-License-Identifier: MIT
# The installed plugin SDK (make installcheck): smeaudit-plugin.pc says
# where the header and the plugin directory are, the header stands alone,
# and contrib/example-plugin's own Makefile, copied away from the source
# tree, builds the example against the installed SDK only; the installed
# smeaudit then runs it with --plugin-dir . --plugin example.
set -eu
. "$top_srcdir/tests/lib.sh"
T=$TMPDIR_TEST
CC=${CC:-cc}

command -v pkg-config >/dev/null 2>&1 || skip "needs pkg-config"
command -v "$CC" >/dev/null 2>&1 || skip "needs a C compiler ($CC)"
PKG_CONFIG_PATH=$pkgconfigdir
export PKG_CONFIG_PATH

pkg-config --exists smeaudit-plugin || fail "pkg-config finds no smeaudit-plugin in $pkgconfigdir"
[ "$(pkg-config --modversion smeaudit-plugin)" = "$PACKAGE_VERSION" ] || fail "smeaudit-plugin version"
[ "$(pkg-config --variable=plugindir smeaudit-plugin)" = "$pluginsdir" ] ||
    fail "plugindir is $(pkg-config --variable=plugindir smeaudit-plugin), plugins are in $pluginsdir"
abi="$(pkg-config --variable=abi_major smeaudit-plugin).$(pkg-config --variable=abi_minor smeaudit-plugin)"
"$SMEAUDIT" --version | grep -qx "plugin ABI $abi" || fail "smeaudit-plugin.pc says ABI $abi"
cflags=$(pkg-config --cflags smeaudit-plugin | sed "s/ *$//")
case $includedir in
/usr/include) [ -z "$cflags" ] || fail "cflags $cflags" ;;
*) [ "$cflags" = "-I$includedir" ] || fail "cflags are \"$cflags\", not -I$includedir" ;;
esac

# The header alone, strict C99 and C++.
printf '#include <smeaudit/plugin.h>\nint sa_sdk_test;\n' > "$T/h.c"
# shellcheck disable=SC2086
"$CC" -std=c99 -pedantic -Wall -Wextra -Werror $cflags -c -o "$T/h.o" "$T/h.c" ||
    fail "<smeaudit/plugin.h> does not compile alone as C99"
if command -v c++ >/dev/null 2>&1; then
	cp "$T/h.c" "$T/h.cc"
	# shellcheck disable=SC2086
	c++ -std=c++20 -Wall -Wextra -Werror $cflags -c -o "$T/h.o" "$T/h.cc" ||
	    fail "<smeaudit/plugin.h> does not compile as C++"
fi

# The example, built by its own Makefile far from the source tree.
mkdir "$T/example"
cp "$top_srcdir/contrib/example-plugin/Makefile" "$top_srcdir/contrib/example-plugin/example.c" \
    "$T/example/"
(cd "$T/example" && ${MAKE:-make} CC="$CC" > build.log 2>&1) ||
    fail "make in contrib/example-plugin: $(cat "$T/example/build.log")"
[ -f "$T/example/example.so" ] || fail "the Makefile built no example.so"
if grep -q -- "$top_srcdir/core" "$T/example/build.log"; then
	fail "the example was built against the source tree: $(cat "$T/example/build.log")"
fi

cd "$T/example"
run() {
	"$SMEAUDIT" --plugin-dir . --plugin example --format json --output "$T/out.json" "$@"
}
expect_status 0 run --root "$FIXTURES/example/strong"
[ "$(item_score "$T/out.json" 4)" = 4 ] || fail "strong: item 4"
assert_py "$T/out.json" "[f for f in d['findings'] if f['check'] == 'example.root-login'][0]['evidence'] == 'PermitRootLogin no'"
expect_status 1 run --root "$FIXTURES/example/weak"
[ "$(item_score "$T/out.json" 3)" = 0 ] || fail "weak: item 3"
[ "$(item_score "$T/out.json" 4)" = 0 ] || fail "weak: item 4"
"$SMEAUDIT" --plugin-dir . --list --format json > "$T/list.json"
assert_py "$T/list.json" "[p['path'] for p in d if p['name'] == 'example'] == ['./example.so']" \
    "example not loaded from the directory it was built in"

# make install puts it where smeaudit loads plugins from, mode 0644.
${MAKE:-make} install DESTDIR="$T/dest" > install.log 2>&1 || fail "make install: $(cat install.log)"
[ -f "$T/dest$pluginsdir/example.so" ] || fail "make install did not use plugindir"
[ "$(stat -c %a "$T/dest$pluginsdir/example.so")" = 644 ] || fail "installed plugin mode"

# Without the SDK the Makefile says what is missing.
${MAKE:-make} clean > /dev/null
if PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR=$T/none ${MAKE:-make} > nosdk.log 2>&1; then
	fail "the example built without an SDK"
fi
grep -q 'smeaudit-plugin not found' nosdk.log || fail "no SDK: $(cat nosdk.log)"
