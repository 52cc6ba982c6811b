#!/bin/sh
# SPDX-License-Identifier: MIT
# Every shipped plugin module exports smeaudit_plugin and nothing else,
# although the plugin library (plugins/lib) is linked into each of them:
# its hf_, unit_, pkg_ ... symbols must stay private to every module.
set -eu
. "$top_srcdir/tests/lib.sh"

command -v nm >/dev/null 2>&1 || skip "needs nm (binutils)"
n=0
for so in "$top_builddir"/plugins/.libs/*.so; do
	[ -e "$so" ] || fail "no plugin module under $top_builddir/plugins/.libs"
	exports=$(nm -D --defined-only "$so" | awk '{ print $3 }' | tr '\n' ' ')
	[ "$exports" = "smeaudit_plugin " ] || fail "$so exports: $exports"
	n=$((n + 1))
done
# wifi, firewall, encryption, screenlock, cloud, updates, antivirus,
# logging, backup
[ "$n" -ge 9 ] || fail "only $n plugin modules built"
# The library is in the modules that use it, not loaded from elsewhere.
nm "$top_builddir/plugins/.libs/firewall.so" | grep -q ' t unit_lookup$' ||
    fail "firewall.so lacks the library's unit_lookup"
exit 0
