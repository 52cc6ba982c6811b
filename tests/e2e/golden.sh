#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden files: the text, CSV and JSON of fixed inputs must not change
# unnoticed.  Outputs are made deterministic with --now, a fixture host
# name and relative paths; what still varies by machine or run (the
# generation time of a live audit, plugin durations, PCRE2 version and
# JIT, the package version) is normalised before comparing.
#
# After an intended change, regenerate and review the diff:
#   SMEAUDIT_REGEN_GOLDEN=1 make check TESTS=tests/e2e/golden.sh
# (this also rebuilds the merge inputs in tests/golden/in/ from the
# test-levels fixture plugin).
set -eu
. "$top_srcdir/tests/lib.sh"

GOLDEN=tests/golden
NOW=--now=2026-11-26T09:00:00Z
VERSION=$("$SMEAUDIT" --version | sed -n '1s/^smeaudit //p')
REGEN=${SMEAUDIT_REGEN_GOLDEN:-}
cd "$top_srcdir"

normalise() {
	sed -e "s/$VERSION/VERSION/g" \
	    -e 's/^  "generated_at": "[^"]*"/  "generated_at": "GENERATED"/' \
	    -e 's/"duration_ms": [0-9]*/"duration_ms": 0/' \
	    -e 's/"pcre2": "[^"]*"/"pcre2": "PCRE2"/' \
	    -e 's/"jit": [a-z]*/"jit": false/' \
	    -e 's/[ 0-9]\{5\}[0-9] ms\( \|$\)/     0 ms\1/' \
	    -e 's/^\("report","[^"]*","\)[^"]*"/\1GENERATED"/' \
	    -e 's/^\("plugin",.*,\)[0-9]*\(\r\)$/\10\2/'
}

# golden NAME CMD...: CMD's standard output, normalised, is GOLDEN/NAME.
golden() {
	name=$1
	shift
	set +e
	"$@" > "$TMPDIR_TEST/raw"
	status=$?
	set -e
	[ "$status" -le 2 ] || fail "$name: exit $status: $*"
	normalise < "$TMPDIR_TEST/raw" > "$TMPDIR_TEST/$name"
	if [ -n "$REGEN" ]; then
		cp "$TMPDIR_TEST/$name" "$GOLDEN/$name"
		echo "regenerated $GOLDEN/$name"
		return
	fi
	diff -u "$GOLDEN/$name" "$TMPDIR_TEST/$name" ||
	    fail "$name differs from $GOLDEN/$name (SMEAUDIT_REGEN_GOLDEN=1 to accept)"
}

# input NAME LEVELS TIME: a host report made by the test-levels plugin,
# its run-dependent fields fixed so that regenerating changes nothing.
input() {
	mkdir -p "$TMPDIR_TEST/root-$1/etc"
	printf '%s\n' "${1%-old}" > "$TMPDIR_TEST/root-$1/etc/hostname"
	printf '[plugin.test-levels]\nlevels = %s\n' "$2" > "$TMPDIR_TEST/$1.ini"
	"$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --root "$TMPDIR_TEST/root-$1" \
	    -c "$TMPDIR_TEST/$1.ini" -q --now="$3" --plugin test-levels --format json \
	    --output "$TMPDIR_TEST/$1.json" || true
	python3 - "$TMPDIR_TEST/$1.json" "$GOLDEN/in/$1.json" "$3" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["generated_at"] = d["evaluated_at"] = sys.argv[3]
d["host"]["root"] = "/"
d["tool"]["pcre2"] = "10.42 2022-12-11"
for p in d["plugins"]:
    p["duration_ms"] = 0
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(d, f, ensure_ascii=False, indent=2)
    f.write("\n")
EOF
}
if [ -n "$REGEN" ]; then
	#                  1-5       6-10        11-15      16-20    21-25
	input web1     "4,4,0,-1,4,na,na,-,2,4,-,2,4,4,4,0,2,-,-,-,-,-,-,-,-" 2026-11-26T08:00:00Z
	input db1      "4,0,0,-1,-1,4,na,-,4,4,0,2,4,2,0,0,2,-,-,-,-,-,-,-,-" 2026-11-26T08:10:00Z
	input mail     "4,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-" 2026-11-26T08:20:00Z
	input web1-old "0,4,0,-1,2,na,na,-,2,0,-,2,4,-,-,-,-,-,-,-,-,-,-,-,-" 2026-10-01T08:00:00Z
fi

A="--answers $GOLDEN/in/answers.ini"
AUDIT="$SMEAUDIT --plugin-dir $TEST_PLUGINS --root tests/fixtures/roots/minimal --plugin test-good $NOW"
golden audit.txt $AUDIT $A
golden audit-ja.txt $AUDIT $A --lang ja
golden audit.csv $AUDIT $A --format csv
golden audit.json $AUDIT $A --format json

IN="$GOLDEN/in/web1.json $GOLDEN/in/db1.json $GOLDEN/in/mail.json"
golden merge.txt "$SMEAUDIT" merge $IN $A $NOW
golden merge.csv "$SMEAUDIT" merge $IN $A $NOW --format csv
golden merge.json "$SMEAUDIT" merge $IN $A $NOW --format json
golden merge.nagios "$SMEAUDIT" merge $IN $A $NOW --format nagios

golden diff.txt "$SMEAUDIT" diff "$GOLDEN/in/web1-old.json" "$GOLDEN/in/web1.json"
golden diff.json "$SMEAUDIT" diff "$GOLDEN/in/web1-old.json" "$GOLDEN/in/web1.json" --format json
exit 0
