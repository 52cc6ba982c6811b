#!/bin/sh
# SPDX-License-Identifier: MIT
# README's second command: the whole test suite.  Builds twice out of
# tree (normal with -Werror, and ASan+UBSan), runs make check in both,
# runs every libFuzzer harness for FUZZ_SECONDS (30) each, then make
# distcheck (which installs into a scratch prefix and runs make
# installcheck there: the layout, the plugin SDK, the Ansible playbook),
# then builds the Debian packages from the release tarball and runs
# lintian (tests/debian.sh).  Build trees live in _build/.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# On a fresh machine this command does its own set-up: whatever the build
# and the tests need and is not installed yet comes from Debian.
pkgs=$(cat contrib/debian-packages.txt tests/debian-packages.txt | grep -v '^#' | grep -v '^$')
missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi

autoreconf -fi

run_build() {
	name=$1
	shift
	echo "=== $name build ==="
	rm -rf "_build/$name"
	mkdir -p "_build/$name"
	(cd "_build/$name" && "$top/configure" --enable-werror "$@" >configure.log &&
	    make -j"$jobs" && make -j"$jobs" check) || {
		find "_build/$name" -name '*.log' -newer "_build/$name/configure.log" \
		    -path '*tests*' -exec sh -c 'grep -l "^FAIL\|^ERROR" "$1" >/dev/null && { echo "--- $1"; cat "$1"; }' _ {} \; 2>/dev/null || true
		echo "=== $name build FAILED ==="
		exit 1
	}
}

run_build normal
run_build sanitizers --enable-sanitizers
# Each harness a short fixed time: a crash, leak or hang fails the run.
echo "=== fuzz (${FUZZ_SECONDS:-30}s per harness) ==="
(cd _build/normal && make fuzz && make fuzz-run FUZZ_SECONDS="${FUZZ_SECONDS:-30}") || {
	echo "=== fuzz FAILED ==="
	exit 1
}
echo "=== distcheck ==="
rm -f _build/normal/smeaudit-*.tar.gz
(cd _build/normal && make -j"$jobs" distcheck)
echo "=== Debian packages ==="
set +e
sh tests/debian.sh _build/normal/smeaudit-*.tar.gz
status=$?
set -e
case $status in
0) ;;
77) echo "=== Debian packages SKIPPED (see above) ===" ;;
*) echo "=== Debian packages FAILED ==="; exit 1 ;;
esac
echo "=== all tests passed ==="
