#!/bin/sh
# SPDX-License-Identifier: MIT
# README's first command: install the build dependencies (Debian), build
# smeaudit in this tree and audit this machine with the in-tree plugins.
# Nothing is installed outside the tree besides Debian packages.
set -eu
cd "$(dirname "$0")/.."
pkgs=$(grep -v '^#' contrib/debian-packages.txt | grep -v '^$')
missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $missing
fi
[ -x configure ] || autoreconf -fi
# Out of tree, so that tests/run-all.sh can build beside it.
mkdir -p _build/quick
cd _build/quick
[ -f Makefile ] || ../../configure
make -j"$(nproc)"
# 1 (findings) and 2 (incomplete) are results, not failures of this script.
./smeaudit --all "$@" || [ $? -le 2 ]
