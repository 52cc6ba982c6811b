#!/bin/sh
# SPDX-License-Identifier: MIT
# A real rsnapshot: two runs make alpha.0 and alpha.1, back-dated with
# touch -d; the count against retain, the success line in its log, a
# failed run, and the configuration rsnapshot itself refuses.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
command -v rsnapshot >/dev/null 2>&1 || skip "rsnapshot is not installed (Debian package rsnapshot)"
command -v rsync >/dev/null 2>&1 || skip "rsync is not installed (needed by rsnapshot)"
out=$TMPDIR_TEST/out.json
T=$TMPDIR_TEST
mkdir -p "$T/src"
printf 'invoices\n' > "$T/src/invoices.txt"
conf=$T/rsnapshot.conf
printf 'config_version\t1.2\nsnapshot_root\t%s/snap/\ncmd_cp\t/bin/cp\ncmd_rm\t/bin/rm\ncmd_rsync\t%s\nretain\talpha\t3\nretain\tbeta\t2\nlogfile\t%s/rsnapshot.log\nlockfile\t%s/rsnapshot.pid\nbackup\t%s/src/\tlocalhost/\n' \
    "$T" "$(command -v rsync)" "$T" "$T" "$T" > "$conf"
rsnapshot -c "$conf" configtest >/dev/null || fail "rsnapshot rejects the test's configuration"
rsnapshot -c "$conf" alpha
rsnapshot -c "$conf" alpha
[ -d "$T/snap/alpha.1" ] || fail "rsnapshot made no second snapshot"
T0=$(date +%s)
touch -d "@$((T0 - HOUR))" "$T/snap/alpha.0"
touch -d "@$((T0 - DAY))" "$T/snap/alpha.1"

c=$(cfg rsnapshot <<EOF
[plugin.backup.snap]
type = rsnapshot
path = $conf
offsite = yes
EOF
)
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" age snap 4
expect_evidence "$out" age snap "1h 0m old (max_age 1d 2h; time rsnapshot stamped on each LEVEL.N directory)"
expect_level "$out" count snap 4
expect_evidence "$out" count snap "2 snapshots, min_count 2; alpha 2 of 3, beta 0 of 2"
expect_level "$out" last-run snap 4
expect_evidence "$out" last-run snap "alpha: completed successfully"
expect_level "$out" lock snap 4
# the source is on the snapshots' own file system
expect_level "$out" same-device snap 2
expect_evidence "$out" same-device snap "its source $T/src/ are on the same device"

# Stale: the newest snapshot two days old.
touch -d "@$((T0 - 2 * DAY))" "$T/snap/alpha.0"
touch -d "@$((T0 - 3 * DAY))" "$T/snap/alpha.1"
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" age snap 0
expect_evidence "$out" age snap "2d 0h old"
expect_item "$out" 0

# A failed run: a source that is gone.  rsnapshot logs its errors.
printf 'backup\t%s/gone/\tlocalhost/\n' "$T" >> "$conf"
set +e
rsnapshot -c "$conf" alpha 2>/dev/null
st=$?
set -e
[ "$st" -ne 0 ] || fail "rsnapshot did not fail"
touch -d "@$((T0 - HOUR))" "$T/snap/alpha.0"
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" last-run snap 2
expect_evidence "$out" last-run snap "ERROR: "
expect_evidence "$out" last-run snap "$T/gone/"

# Spaces instead of tabs: rsnapshot refuses the file, and so do we.
sed 's/^retain\talpha\t3$/retain alpha 3/' "$conf" | grep -v gone > "$T/spaces.conf"
if rsnapshot -c "$T/spaces.conf" configtest >/dev/null 2>&1; then
	fail "rsnapshot accepted spaces"
fi
c=$(cfg spaces <<EOF
[plugin.backup.snap]
type = rsnapshot
path = $T/spaces.conf
EOF
)
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" target snap 0
expect_evidence "$out" target snap "$T/spaces.conf:6: fields separated by spaces; rsnapshot needs tabs and refuses to run"
exit 0
