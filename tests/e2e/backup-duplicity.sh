#!/bin/sh
# SPDX-License-Identifier: MIT
# A real duplicity target: a full backup back-dated 40 days and an
# incremental one a day old (--current-time), then one made now.  Times
# come from the manifests' names; the last full backup is too old.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
command -v duplicity >/dev/null 2>&1 || skip "duplicity is not installed (Debian package duplicity)"
out=$TMPDIR_TEST/out.json
T=$TMPDIR_TEST
export TZ=UTC
mkdir -p "$T/src"
printf 'contracts\n' > "$T/src/contracts.txt"
T0=$(date +%s)
dup() {
	duplicity "$@" --no-encryption --archive-dir "$T/cache" "$T/src" "file://$T/dup" \
	    >/dev/null 2>"$T/dup.err" || fail "duplicity $*: $(cat "$T/dup.err")"
}
dup full --current-time $((T0 - 40 * DAY))
printf 'amended\n' >> "$T/src/contracts.txt"
dup incr --current-time $((T0 - DAY))
ls "$T/dup" | grep -q '\.manifest' || fail "duplicity wrote no manifest"

c=$(cfg dup <<EOF
[plugin.backup.offsite-disk]
type = duplicity
path = $T/dup
offsite = yes
EOF
)
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" age offsite-disk 4
expect_evidence "$out" age offsite-disk "1d 0h old (max_age 1d 2h; time in each manifest's name)"
expect_level "$out" count offsite-disk 4
expect_evidence "$out" count offsite-disk "2 backups, min_count 2"
expect_level "$out" full-age offsite-disk 2
expect_evidence "$out" full-age offsite-disk "40d 0h old (max_full_age 35d 0h)"
expect_level "$out" partial offsite-disk 4

# max_full_age 6w accepts it; a day later the backup is stale
printf 'max_full_age = 6w\n' >> "$c"
bk_live 0 "$c" "$out" "$T0"
expect_level "$out" full-age offsite-disk 4
bk_live 1 "$c" "$out" $((T0 + DAY + 3 * HOUR))
expect_level "$out" age offsite-disk 0

# One made now: three backups, the newest not older than this test.
printf 'signed\n' >> "$T/src/contracts.txt"
dup incr
T1=$(date +%s)
bk_live 0 "$c" "$out" "$T1"
expect_level "$out" age offsite-disk 4
expect_evidence "$out" count offsite-disk "3 backups"
exit 0
