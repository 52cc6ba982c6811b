#!/bin/sh
# SPDX-License-Identifier: MIT
# The Debian packages, from the release tarball as make distcheck left it:
# dpkg-buildpackage -us -uc -b builds smeaudit and smeaudit-dev, lintian
# finds no error, and the packages hold what they should.
# Usage: sh tests/debian.sh smeaudit-VERSION.tar.gz [WORKDIR]
# Exits 77 (skipped) when the Debian tools are missing.
set -eu
tarball=$(realpath "$1")
cd "$(dirname "$0")/.."
top=$(pwd)
work=${2:-$top/_build/deb}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}
for tool in dpkg-buildpackage dh lintian; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: needs $tool (Debian packages dpkg-dev, debhelper, lintian)" >&2
		exit 77
	}
done

# One version everywhere: configure.ac, the tarball, debian/changelog.
version=$(sed -n 's/^AC_INIT(\[smeaudit\], \[\([^]]*\)\].*/\1/p' configure.ac)
[ -n "$version" ] || fail "no version in configure.ac"
[ "${tarball##*/}" = "smeaudit-$version.tar.gz" ] || fail "tarball ${tarball##*/} is not version $version"
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
[ "${deb_version%-*}" = "$version" ] ||
    fail "debian/changelog is at $deb_version, configure.ac at $version: add a changelog entry (dch -v $version-1)"

# Every library the build needs (contrib/debian-packages.txt) is a
# Build-Depends, so that the package also builds in a clean chroot.
build_deps=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control)
for pkg in $(grep '^lib.*-dev$' contrib/debian-packages.txt); do
	printf '%s\n' "$build_deps" | grep -q "[ ,|]$pkg[ ,]" ||
	    fail "$pkg is in contrib/debian-packages.txt but not in debian/control's Build-Depends"
done

rm -rf "$work"
mkdir -p "$work"
tar -C "$work" -xzf "$tarball"
src=$work/smeaudit-$version
cp -r debian "$src/"
jobs=$(nproc 2>/dev/null || echo 2)
echo "=== dpkg-buildpackage -us -uc -b (log: $work/build.log) ==="
(cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=$jobs" DEB_BUILD_PROFILES=nocheck \
    dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 || {
	tail -40 "$work/build.log"
	fail "dpkg-buildpackage failed"
}
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
changes=$work/smeaudit_${deb_version}_$arch.changes
deb=$work/smeaudit_${deb_version}_$arch.deb
devdeb=$work/smeaudit-dev_${deb_version}_$arch.deb
for f in "$changes" "$deb" "$devdeb"; do
	[ -f "$f" ] || fail "dpkg-buildpackage made no ${f##*/}"
done

echo "=== lintian ==="
lintian --fail-on error --display-info "$changes" || fail "lintian reports errors"

# What the packages hold.
x=$work/extracted
dpkg-deb -x "$deb" "$x"
dpkg-deb -x "$devdeb" "$x"
for f in usr/bin/smeaudit etc/smeaudit/smeaudit.ini usr/libexec/smeaudit/smeaudit-scheduled \
    usr/share/smeaudit/rules/guideline-3.0.catalog usr/share/locale/ja/LC_MESSAGES/smeaudit.mo \
    usr/share/bash-completion/completions/smeaudit usr/share/man/man1/smeaudit.1.gz \
    usr/share/man/man5/smeaudit.ini.5.gz usr/share/man/man5/smeaudit-answers.5.gz \
    usr/share/man/man5/smeaudit-ledger.5.gz usr/share/doc/smeaudit/examples/smeaudit.yml \
    usr/include/smeaudit/plugin.h usr/lib/"$multiarch"/pkgconfig/smeaudit-plugin.pc \
    usr/share/man/man7/smeaudit-plugin.7.gz usr/share/doc/smeaudit-dev/examples/Makefile \
    usr/share/doc/smeaudit-dev/examples/example.c; do
	[ -e "$x/$f" ] || fail "the packages lack /$f"
done
[ -n "$(find "$x" -path '*/systemd/system/smeaudit.timer')" ] || fail "no smeaudit.timer"
[ -n "$(find "$x" -path '*/systemd/system/smeaudit.service')" ] || fail "no smeaudit.service"
[ -z "$(find "$x" -name '*.la')" ] || fail "libtool .la files packaged: $(find "$x" -name '*.la')"
plugindir=$(sed -n 's/^plugindir=//p' "$x/usr/lib/$multiarch/pkgconfig/smeaudit-plugin.pc" |
    sed "s|\${libdir}|/usr/lib/$multiarch|")
[ "$plugindir" = "/usr/lib/$multiarch/smeaudit/plugins" ] || fail "smeaudit-plugin.pc: plugindir=$plugindir"
for so in "$src"/plugins/.libs/*.so; do
	[ -f "$x$plugindir/${so##*/}" ] || fail "plugin ${so##*/} not in the package's $plugindir"
done
dpkg-deb -I "$deb" conffiles | grep -qx /etc/smeaudit/smeaudit.ini ||
    fail "/etc/smeaudit/smeaudit.ini is not a conffile"
grep -q '^#\[plugin\.wifi\]$' "$x/etc/smeaudit/smeaudit.ini" || fail "the packaged smeaudit.ini lacks plugins"
echo "=== Debian packages: $(cd "$work" && ls ./*.deb | tr '\n' ' ')==="
