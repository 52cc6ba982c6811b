#!/bin/sh
# SPDX-License-Identifier: MIT
# A real restic repository: one snapshot made now, one back-dated with
# --time.  Read from disk, the snapshot files' times and count; with
# exec = yes, restic's own times; the repository is never changed.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
command -v restic >/dev/null 2>&1 || skip "restic is not installed (Debian package restic)"
out=$TMPDIR_TEST/out.json
T=$TMPDIR_TEST
export TZ=UTC RESTIC_PASSWORD_FILE="$T/restic.pw" RESTIC_CACHE_DIR="$T/cache"
printf 'correct horse battery\n' > "$T/restic.pw"
chmod 600 "$T/restic.pw"
mkdir -p "$T/src"
printf 'ledger\n' > "$T/src/accounts.txt"

restic init -q -r "$T/repo" >/dev/null
T0=$(date +%s)
restic backup -q -r "$T/repo" "$T/src"
restic backup -q -r "$T/repo" --time "2020-01-02 03:04:05" "$T/src"
restic init -q -r "$T/old" >/dev/null
restic backup -q -r "$T/old" --time "2020-01-02 03:04:05" "$T/src"

c=$(cfg disk <<EOF
[plugin.backup.repo]
type = restic
path = $T/repo
offsite = yes
[plugin.backup.old]
type = restic
path = $T/old
offsite = yes
min_count = 1
EOF
)
# From disk: two snapshot files, both written just now.
bk_live 0 "$c" "$out" $((T0 + 2 * HOUR))
expect_level "$out" age repo 4
expect_level "$out" count repo 4
expect_evidence "$out" count repo "2 snapshots, min_count 2"
expect_evidence "$out" age repo "time each snapshot file was written"
# a back-dated snapshot's file is new too: the disk cannot tell
expect_level "$out" age old 4

# Back-date the files themselves: exact ages from disk.
for f in "$T/repo/snapshots/"*; do touch -d "@$((T0 - 3 * DAY))" "$f"; done
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" age repo 0
expect_evidence "$out" age repo "3d 0h old (max_age 1d 2h"

# exec = yes: restic's own times, exact; nothing in the repository changes.
before=$(bk_tree_state "$T/repo")
c=$(cfg exec <<EOF
[plugin.backup.repo]
type = restic
path = $T/repo
exec = yes
password_file = $T/restic.pw
offsite = yes
[plugin.backup.old]
type = restic
path = $T/old
exec = yes
password_file = $T/restic.pw
offsite = yes
min_count = 1
EOF
)
mkdir "$T/scratch"
TMPDIR=$T/scratch bk_live 1 "$c" "$out" $((T0 + 2 * HOUR))
expect_level "$out" age repo 4
expect_evidence "$out" age repo "snapshot times reported by restic"
expect_evidence "$out" count repo "2 snapshots"
# the back-dated repository is stale once restic is asked
expect_level "$out" age old 0
expect_evidence "$out" age old "newest snapshot 2020-01-02T03:04:05Z"
[ "$(bk_tree_state "$T/repo")" = "$before" ] || fail "exec = yes changed the repository"
[ -z "$(ls -A "$T/scratch")" ] || fail "exec left its scratch directory behind"
grep -q 'correct horse' "$out" && fail "the passphrase leaked"

# A wrong passphrase: a warning, and the files are read instead.
printf 'wrong\n' > "$T/wrong.pw"
sed "s|$T/restic.pw|$T/wrong.pw|" "$c" > "$T/wrong.ini"
bk_live 1 "$T/wrong.ini" "$out" $((T0 + 2 * HOUR)) 2>"$T/err"
grep -q 'job repo: exec = yes: restic failed (exit 1): Fatal: wrong password or no key found; read from disk instead' "$T/err" ||
    fail "wrong passphrase: $(cat "$T/err")"
expect_evidence "$out" age old "exec = yes failed"
expect_level "$out" age old 4
exit 0
