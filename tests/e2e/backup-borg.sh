#!/bin/sh
# SPDX-License-Identifier: MIT
# A real borg repository: an archive made now and one back-dated with
# --timestamp.  From disk, the last commit (hints.N/index.N), which a
# prune makes too; with exec = yes, borg's own archive times and count;
# the repository is never changed.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
command -v borg >/dev/null 2>&1 || skip "borg is not installed (Debian package borgbackup)"
out=$TMPDIR_TEST/out.json
T=$TMPDIR_TEST
export TZ=UTC BORG_PASSPHRASE='tr0ub4dor&3' BORG_BASE_DIR="$T/borghome"
printf '%s\n' "$BORG_PASSPHRASE" > "$T/borg.pw"
chmod 600 "$T/borg.pw"
mkdir -p "$T/src"
printf 'payroll\n' > "$T/src/payroll.csv"

borg init -e repokey "$T/repo" 2>/dev/null
T0=$(date +%s)
borg create "$T/repo::now" "$T/src"
borg create --timestamp 2020-01-02T03:04:05 "$T/repo::old" "$T/src"

c=$(cfg disk <<EOF
[plugin.backup.repo]
type = borg
path = $T/repo
offsite = yes
EOF
)
# From disk: the last commit is fresh; the archives cannot be counted.
bk_live 0 "$c" "$out" $((T0 + 2 * HOUR))
expect_level "$out" age repo 4
expect_evidence "$out" age repo "last repository commit (prune, delete and compact commit too)"
expect_level "$out" count repo -1
# the commit's time is the hints file's: back-date it for an exact age
touch -d "@$((T0 - 2 * DAY))" "$T/repo/"hints.* "$T/repo/"index.*
bk_live 1 "$c" "$out" "$T0"
expect_level "$out" age repo 0
expect_evidence "$out" age repo "2d 0h old (max_age 1d 2h"

# exec = yes: two archives, the newest made now; nothing changes.
c=$(cfg exec <<EOF
[plugin.backup.repo]
type = borg
path = $T/repo
exec = yes
password_file = $T/borg.pw
offsite = yes
EOF
)
before=$(bk_tree_state "$T/repo")
mkdir "$T/scratch"
TMPDIR=$T/scratch bk_live 0 "$c" "$out" $((T0 + 2 * HOUR))
expect_level "$out" age repo 4
expect_evidence "$out" age repo "archive times reported by borg"
expect_level "$out" count repo 4
expect_evidence "$out" count repo "2 archives, min_count 2"
[ "$(bk_tree_state "$T/repo")" = "$before" ] || fail "exec = yes changed the repository"
[ -z "$(ls -A "$T/scratch")" ] || fail "exec left its scratch directory behind"
grep -q 'tr0ub4dor' "$out" && fail "the passphrase leaked"

# Only back-dated archives, and a prune that commits today: the disk
# says fresh, borg itself says 2020.
borg init -e repokey "$T/pruned" 2>/dev/null
borg create --timestamp 2019-06-01T00:00:00 "$T/pruned::a" "$T/src"
borg create --timestamp 2020-01-02T03:04:05 "$T/pruned::b" "$T/src"
borg prune --keep-last 1 "$T/pruned"
c=$(cfg pruned <<EOF
[plugin.backup.pruned]
type = borg
path = $T/pruned
offsite = yes
min_count = 1
EOF
)
bk_live 0 "$c" "$out" $((T0 + HOUR))
expect_level "$out" age pruned 4
printf 'exec = yes\npassword_file = %s\n' "$T/borg.pw" >> "$c"
bk_live 1 "$c" "$out" $((T0 + HOUR))
expect_level "$out" age pruned 0
expect_evidence "$out" age pruned "newest archive 2020-01-02T03:04:05Z"

# No passphrase for an encrypted repository: borg fails at once (it
# never asks at a terminal), and the disk is read instead.
c=$(cfg nopass <<EOF
[plugin.backup.repo]
type = borg
path = $T/repo
exec = yes
EOF
)
bk_live 1 "$c" "$out" $((T0 + 2 * HOUR)) 2>"$T/err"
grep -q 'job repo: exec = yes: borg failed (exit 2): passphrase supplied in BORG_PASSPHRASE' "$T/err" ||
    fail "no passphrase: $(cat "$T/err")"
expect_level "$out" count repo -1
expect_evidence "$out" count repo "exec = yes failed"

# A repository smeaudit cannot read: "cannot tell".
chmod 700 "$T/repo"
c=$(cfg private <<EOF
[plugin.backup.repo]
type = borg
path = $T/repo
EOF
)
chmod 755 "$T"
set +e
as_nobody "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root / -c "$c" --now "@$T0" \
    --plugin backup --format json > "$out"
st=$?
set -e
[ "$st" -eq 2 ] || fail "unreadable borg repository: exit $st, want 2"
expect_level "$out" target repo -1
expect_item "$out" -1
exit 0
