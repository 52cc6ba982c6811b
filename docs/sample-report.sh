#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerate README's sample screenshots (docs/report-sample*.png): an
# --all audit of the machine this runs on, with the golden tests'
# answers file standing in for the organisation, rendered by headless
# Chromium in English and Japanese.  Needs chromium and a Japanese font
# (fonts-ipafont-gothic).  Usage: docs/sample-report.sh BUILDDIR
set -eu
build=${1:?usage: docs/sample-report.sh BUILDDIR}
docs=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for lang in en ja; do
	suffix=; [ "$lang" = en ] || suffix=-$lang
	"$build/smeaudit" --all -q --lang "$lang" \
	    --answers "$docs/../tests/golden/in/answers.ini" \
	    --format html --output "$tmp/report.html" || [ $? -le 2 ]
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --disable-dev-shm-usage \
	    --user-data-dir="$tmp/profile" --hide-scrollbars \
	    --window-size=1000,1305 --screenshot="$docs/report-sample$suffix.png" \
	    "file://$tmp/report.html" > /dev/null 2>&1
done
