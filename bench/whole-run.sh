#!/bin/sh
# SPDX-License-Identifier: MIT
# Whole-run benchmark: smeaudit --all against Lynis on the same machine in
# the same run.
#
#   smeaudit --all (default configuration, the live host, a JSON report)
#   lynis audit system --quick (Debian's lynis; its log and report files
#                               go to the work directory)
#
# One untimed run of each warms the caches; then RUNS alternating timed
# runs.  Wall time and peak RSS come from GNU time: the peak is that of
# the largest process of the run (the core or a plugin for smeaudit, the
# shell or a tool it started for Lynis).  Prints both medians, smeaudit's
# share of Lynis's, and the goals: wall time <= 1/50 and peak RSS <= 1/8
# of Lynis's.  Then smeaudit's peak RSS for the shares scan of trees of
# 100,000 and 1,000,000 files (bench/shares-tree.py; goal: flat, <= 8 MB).
# The load average is printed before and after: figures from a busy
# machine are only indicative.
#
# Usage: bench/whole-run.sh [WORKDIR]       (as root, like the audits)
#   SMEAUDIT=path/to/smeaudit (default: _build/dev/smeaudit), RUNS=5,
#   LYNIS=lynis, TREES="100000 1000000" ("" skips the trees; they are
#   built once in WORKDIR and kept), KEEP=0 removes them afterwards.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
SMEAUDIT=${SMEAUDIT:-$here/../_build/dev/smeaudit}
LYNIS=${LYNIS:-lynis}
RUNS=${RUNS:-5}
TREES=${TREES-100000 1000000}
WORK=${1:-${TMPDIR:-/tmp}/smeaudit-bench-whole}
KEEP=${KEEP:-1}

die() { echo "bench/whole-run.sh: $*" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "run as root (both audits read what only root may)"
[ -x "$SMEAUDIT" ] || die "no smeaudit at $SMEAUDIT (set SMEAUDIT)"
command -v "$LYNIS" >/dev/null 2>&1 || die "needs lynis (Debian package lynis)"
[ -x /usr/bin/time ] || die "needs GNU time (Debian package time)"
command -v python3 >/dev/null 2>&1 || die "needs python3"
mkdir -p "$WORK"
rm -f "$WORK"/runs.*

load() { cut -d' ' -f1-3 /proc/loadavg; }

# measure NAME CMD...: one run; "seconds peak-KiB" appended to runs.NAME.
measure() {
	name=$1
	shift
	set +e
	/usr/bin/time -f '%e %M' -o "$WORK/time.out" "$@" > "$WORK/out.$name" 2> "$WORK/err.$name"
	st=$?
	set -e
	case $name in
	smeaudit*) [ $st -le 2 ] || die "$* exited $st: $(tail -3 "$WORK/err.$name")" ;;
	*) [ $st -eq 0 ] || die "$* exited $st: $(tail -3 "$WORK/err.$name")" ;;
	esac
	tail -n 1 "$WORK/time.out" >> "$WORK/runs.$name"
}

smeaudit_all() {
	measure smeaudit "$SMEAUDIT" --all -q --format json --output "$WORK/smeaudit.json"
}
lynis_quick() {
	measure lynis "$LYNIS" audit system --quick --no-colors \
	    --log-file "$WORK/lynis.log" --report-file "$WORK/lynis-report.dat"
}

echo "machine: $(nproc) CPUs, load average $(load) at start"
echo "smeaudit: $("$SMEAUDIT" --version | head -1)"
echo "lynis: $("$LYNIS" show version 2>/dev/null || echo unknown)"

# warm-up, untimed
smeaudit_all
lynis_quick
rm -f "$WORK"/runs.*
i=0
while [ $i -lt "$RUNS" ]; do
	smeaudit_all
	lynis_quick
	i=$((i + 1))
done
# what was measured audited something: every plugin finished or skipped
python3 - "$WORK/smeaudit.json" <<'EOF' || die "the smeaudit run was incomplete"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
bad = [(p["name"], p["status"]) for p in d["plugins"] if p["status"] not in ("ok", "skipped")]
if bad:
    print("plugins that did not finish:", bad, file=sys.stderr)
    sys.exit(1)
EOF
echo "load average $(load) after the whole runs"

python3 - "$WORK/runs.smeaudit" "$WORK/runs.lynis" "$RUNS" <<'EOF'
import statistics, sys

def runs(path):
    rows = [l.split() for l in open(path) if l.strip()]
    return [float(r[0]) for r in rows], [int(r[1]) for r in rows]

st, sm = runs(sys.argv[1])
lt, lm = runs(sys.argv[2])
mst, msm = statistics.median(st), statistics.median(sm)
mlt, mlm = statistics.median(lt), statistics.median(lm)
print()
print("%d alternating runs each, medians" % int(sys.argv[3]))
print("%-34s %12s %16s" % ("", "wall time (s)", "peak RSS (KiB)"))
print("%-34s %12.3f %16d" % ("smeaudit --all", mst, msm))
print("%-34s %12.3f %16d" % ("lynis audit system --quick", mlt, mlm))
tr = mst / mlt if mlt > 0 else float("inf")
rr = msm / mlm if mlm > 0 else float("inf")
print("%-34s %12s %16s" % ("smeaudit / lynis", "1/%.0f" % (1 / tr) if tr > 0 else "-",
                            "1/%.1f" % (1 / rr) if rr > 0 else "-"))
print("%-34s %12s %16s" % ("goal", "<= 1/50", "<= 1/8"))
print("%-34s %12s %16s" % ("", "met" if tr <= 1 / 50 else "MISSED",
                            "met" if rr <= 1 / 8 else "MISSED"))
print("all smeaudit runs (s, KiB):", ", ".join("%.2f/%d" % x for x in zip(st, sm)))
print("all lynis runs (s, KiB):   ", ", ".join("%.2f/%d" % x for x in zip(lt, lm)))
EOF

# --- the shares scan over large trees: peak RSS must not grow with them --
[ -n "$TREES" ] || exit 0
echo
printf '[plugin.shares]\nscan_root = /data\nsamba = no\nnfs = no\n' > "$WORK/shares.ini"
for n in $TREES; do
	root=$WORK/tree-$n
	if ! python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["files"] != int(sys.argv[2]))' \
	    "$root/planted.json" "$n" 2>/dev/null; then
		rm -rf "$root"
		echo "building $root ($n files)..." >&2
		python3 "$here/shares-tree.py" "$root" "$n"
	fi
	rm -f "$WORK/runs.shares-$n"
	for i in 1 2 3; do
		measure "smeaudit-shares-$n" "$SMEAUDIT" -c "$WORK/shares.ini" --plugin shares \
		    --root "$root" --format json --output "$WORK/shares-$n.json"
	done
	python3 - "$WORK/runs.smeaudit-shares-$n" "$n" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
t = statistics.median(float(r[0]) for r in rows)
m = statistics.median(int(r[1]) for r in rows)
print("shares scan, %9s files: %7.2f s, peak RSS %6d KiB (goal <= 8192 KiB: %s)"
      % ("{:,}".format(int(sys.argv[2])), t, m, "met" if m <= 8192 else "MISSED"))
EOF
done
[ "$KEEP" = 1 ] || for n in $TREES; do rm -rf "$WORK/tree-$n"; done
echo "load average $(load) at the end"
