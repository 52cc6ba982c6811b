#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark of the shares plugin's file scan against GNU find and bfs.
#
# Builds (once, then reuses) audit roots with 100,000 and 1,000,000 files
# and planted problems (bench/shares-tree.py), then on the same warm tree
# times, RUNS times each and interleaved:
#   find TREE -xdev -perm -0002
#   bfs  TREE -xdev -perm -0002
#   smeaudit --plugin shares --root ROOT (every mode, owner and group
#            check on every entry), with jobs = 1 and jobs = 2
# and prints the medians, the ratios to find and smeaudit's peak RSS at
# both sizes.  Each smeaudit run must report exactly the planted counts;
# a run with acl = yes is timed and checked too.  Goals (a quiet 2-core
# machine): jobs=1 <= 1.1 x find, jobs=2 <= 0.75 x find, RSS <= 8 MB.
#
# Usage: bench/shares.sh [WORKDIR]      (as root: the trees need chown)
#   SMEAUDIT=path/to/smeaudit (default: _build/dev/smeaudit), RUNS=5,
#   FILES=1000000, KEEP=1 keeps the trees for the next run (default).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
SMEAUDIT=${SMEAUDIT:-$here/../_build/dev/smeaudit}
RUNS=${RUNS:-5}
FILES=${FILES:-1000000}
WORK=${1:-${TMPDIR:-/tmp}/smeaudit-bench-shares}
KEEP=${KEEP:-1}

[ "$(id -u)" -eq 0 ] || { echo "bench/shares.sh: run as root (the tree has other owners)" >&2; exit 2; }
[ -x "$SMEAUDIT" ] || { echo "bench/shares.sh: no smeaudit at $SMEAUDIT (set SMEAUDIT)" >&2; exit 2; }
for tool in find bfs python3 /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 ||
	    { echo "bench/shares.sh: needs $tool (Debian packages findutils, bfs, python3, time)" >&2; exit 2; }
done
mkdir -p "$WORK"

tree() {	# tree N: the root with N files, built unless already there
	root=$WORK/root-$1
	if ! python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["files"] != int(sys.argv[2]))' \
	    "$root/planted.json" "$1" 2>/dev/null; then
		rm -rf "$root"
		echo "building $root ($1 files)..." >&2
		python3 "$here/shares-tree.py" "$root" "$1"
	fi
	echo "$root"
}

config() {	# config JOBS ACL
	f=$WORK/jobs$1-acl$2.ini
	printf '[plugin.shares]\nscan_root = /data\nsamba = no\nnfs = no\njobs = %s\nacl = %s\n' \
	    "$1" "$2" > "$f"
	echo "$f"
}

now_ns() { date +%s%N; }

# run NAME CMD...: time one run into $WORK/times.NAME (seconds).
run() {
	name=$1
	shift
	t0=$(now_ns)
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ]	# smeaudit exits 1: findings
	t1=$(now_ns)
	echo "$(( (t1 - t0) / 1000 ))" >> "$WORK/times.$name"
}

median() {
	sort -n "$WORK/times.$1" | awk '{ v[NR] = $1 } END {
	    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	    printf "%.3f", m / 1e6 }'
}

# check_counts JSON ROOT WITH_ACL: the scan found exactly what was planted.
check_counts() {
	python3 - "$1" "$2/planted.json" "$3" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
planted = json.load(open(sys.argv[2]))["planted"]
with_acl = sys.argv[3] == "1"
bad = []
for check, want in planted.items():
    if check.startswith("acl-") and not with_acl:
        continue
    got = sum(f["count"] for f in d["findings"]
              if f["check"] == "shares." + check and f["level"] in (0, 2))
    if got != want:
        bad.append("%s: planted %d, reported %d" % (check, want, got))
extra = [f["check"] for f in d["findings"] if f["level"] in (0, 2, -1)
         and f["check"][len("shares."):] not in planted]
if extra:
    bad.append("unexpected findings: %s" % ", ".join(sorted(set(extra))))
if d["plugins"][0]["status"] != "ok":
    bad.append("plugin status %s" % d["plugins"][0]["status"])
if bad:
    sys.exit("COUNTS WRONG (%s): %s" % (sys.argv[1], "; ".join(bad)))
EOF
}

rss_kb() {	# rss_kb ROOT CONFIG: peak RSS of smeaudit and its plugin child
	/usr/bin/time -f '%M' -o "$WORK/rss" "$SMEAUDIT" --plugin shares --root "$1" \
	    -c "$2" --format json --output "$WORK/rss.json" >/dev/null 2>&1 || true
	check_counts "$WORK/rss.json" "$1" 0
	tail -n 1 "$WORK/rss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) CPUs)"
small=$(tree $((FILES / 10)))
big=$(tree "$FILES")
j1=$(config 1 no)
j2=$(config 2 no)
acl=$(config 1 yes)
rm -f "$WORK"/times.*

# Warm the caches and check the counts once for every variant.
find "$big/data" -xdev -perm -0002 >/dev/null
bfs "$big/data" -xdev -perm -0002 >/dev/null 2>&1
for c in "$j1:0" "$j2:0" "$acl:1"; do
	"$SMEAUDIT" --plugin shares --root "$big" -c "${c%:*}" --format json \
	    --output "$WORK/check.json" >/dev/null 2>&1 || true
	check_counts "$WORK/check.json" "$big" "${c#*:}"
done

i=0
while [ "$i" -lt "$RUNS" ]; do
	run find find "$big/data" -xdev -perm -0002
	run bfs bfs "$big/data" -xdev -perm -0002
	run sme1 "$SMEAUDIT" --plugin shares --root "$big" -c "$j1" --format json --output "$WORK/run.json"
	run sme2 "$SMEAUDIT" --plugin shares --root "$big" -c "$j2" --format json --output "$WORK/run.json"
	run acl1 "$SMEAUDIT" --plugin shares --root "$big" -c "$acl" --format json --output "$WORK/run.json"
	i=$((i + 1))
done

find_s=$(median find)
ratio() { awk -v a="$1" -v b="$find_s" 'BEGIN { printf "%.2f", a / b }'; }
goal() { awk -v a="$1" -v g="$2" 'BEGIN { print (a <= g) ? "goal met" : "goal MISSED" }'; }
bfs_s=$(median bfs); sme1_s=$(median sme1); sme2_s=$(median sme2); acl_s=$(median acl1)
entries=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"])' "$big/planted.json")
echo
echo "tree: $big/data ($entries files, $RUNS runs each, medians, warm cache)"
printf '%-44s %8ss %6sx\n' "find -xdev -perm -0002" "$find_s" "1.00"
printf '%-44s %8ss %6sx\n' "bfs -xdev -perm -0002" "$bfs_s" "$(ratio "$bfs_s")"
printf '%-44s %8ss %6sx  (<= 1.10: %s)\n' "smeaudit shares, jobs = 1" "$sme1_s" "$(ratio "$sme1_s")" \
    "$(goal "$(ratio "$sme1_s")" 1.10)"
printf '%-44s %8ss %6sx  (<= 0.75: %s)\n' "smeaudit shares, jobs = 2" "$sme2_s" "$(ratio "$sme2_s")" \
    "$(goal "$(ratio "$sme2_s")" 0.75)"
printf '%-44s %8ss %6sx\n' "smeaudit shares, jobs = 1, acl = yes" "$acl_s" "$(ratio "$acl_s")"
echo
for r in "$small" "$big"; do
	n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"])' "$r/planted.json")
	for c in "$j1" "$j2"; do
		kb=$(rss_kb "$r" "$c")
		printf 'peak RSS, %8s files, %-10s %6s KB  (<= 8192: %s)\n' "$n" \
		    "$(basename "$c" .ini | cut -d- -f1)" "$kb" "$(goal "$kb" 8192)"
	done
done
echo "planted counts: all reported exactly"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$KEEP" = 1 ] || rm -rf "$WORK"
