#!/bin/sh
# SPDX-License-Identifier: MIT
# How the updates plugin's offline pending-upgrade count compares with
# asking apt itself on this host: wall time and peak memory, as ratios.
# Usage: bench/updates.sh [RUNS]   (from a build directory, or with
# SMEAUDIT set).  Numbers on a busy machine are noisy; compare ratios.
set -eu
runs=${1:-10}
smeaudit=${SMEAUDIT:-./smeaudit}
command -v apt >/dev/null || { echo "apt not found: nothing to compare with" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 77; }

now_ns() { date +%s%N; }

# mean wall seconds of RUNS executions of a command
wall() {
	start=$(now_ns)
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$@" >/dev/null 2>&1 || true
		i=$((i + 1))
	done
	end=$(now_ns)
	echo "$start $end $runs" | awk '{ printf "%.4f", ($2 - $1) / 1e9 / $3 }'
}

# peak resident set (KiB) of one execution
rss() {
	/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1
}

ours_t=$(wall "$smeaudit" -q --plugin updates --format json --output /dev/null)
apt_t=$(wall apt list --upgradable)
ours_m=$(rss "$smeaudit" -q --no-fork --plugin updates --format json --output /dev/null)
apt_m=$(rss apt list --upgradable)
pending=$(apt list --upgradable 2>/dev/null | tail -n +2 | wc -l)
echo "pending upgrades (apt): $pending"
printf 'wall  smeaudit --plugin updates %ss  apt list --upgradable %ss  ratio %s\n' \
    "$ours_t" "$apt_t" "$(echo "$apt_t $ours_t" | awk '{ printf "%.1fx", $1 / $2 }')"
printf 'rss   smeaudit %s KiB  apt %s KiB  ratio %s\n' "$ours_m" "$apt_m" \
    "$(echo "$apt_m $ours_m" | awk '{ printf "%.1fx", $1 / $2 }')"
