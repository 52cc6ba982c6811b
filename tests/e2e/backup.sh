#!/bin/sh
# SPDX-License-Identifier: MIT
# The backup plugin against fixture trees of every tool's layout: ages,
# counts, each check's pass and failure, bad input, and item 11's score.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
out=$TMPDIR_TEST/out.json

# ---- restic: snapshot files, their count, stale locks ----
mkrestic /srv/restic $((2 * HOUR)) $DAY $((2 * DAY))
c=$(cfg restic <<'EOF'
[plugin.backup.nightly]
type = restic
path = /srv/restic
offsite = yes
EOF
)
bk_run 0 "$c" "$out"
expect_item "$out" 4
expect_level "$out" age nightly 4
expect_evidence "$out" age nightly "newest snapshot 2026-01-02T01:04:05Z, 2h 0m old (max_age 1d 2h"
expect_level "$out" count nightly 4
expect_evidence "$out" count nightly "3 snapshots, min_count 2"
expect_level "$out" lock nightly 4
expect_level "$out" future nightly 4
expect_level "$out" target nightly 4
expect_level "$out" writable nightly 4
expect_level "$out" offsite nightly 4

# max_age from the section: 1h makes the same repository stale
c=$(cfg restic-1h <<'EOF'
[plugin.backup.nightly]
type = restic
path = /srv/restic
offsite = yes
max_age = 1h
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age nightly 0
expect_evidence "$out" age nightly "2h 0m old (max_age 1h 0m"
expect_item "$out" 0
# a stale job's passes are left out and its problems count as "not"
expect_level "$out" count nightly none
expect_level "$out" writable nightly none

# [plugin.backup] sets max_age and min_count for every job
c=$(cfg restic-main <<'EOF'
[plugin.backup]
detect = no
max_age = 1w
min_count = 5
[plugin.backup.nightly]
type = restic
path = /srv/restic
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age nightly 4
expect_evidence "$out" age nightly "(max_age 7d 0h"
expect_level "$out" count nightly 2
expect_evidence "$out" count nightly "3 snapshots, min_count 5"
expect_item "$out" 2

# a lock older than restic's 30 minutes is stale; a recent one is not
lock=$ROOT/srv/restic/locks/$(printf lock | sha256sum | cut -c1-64)
printf 'l' > "$lock"
at $((10 * MIN)) "$lock"
c=$TMPDIR_TEST/restic.ini
bk_run 0 "$c" "$out"
expect_level "$out" lock nightly 4
at $((2 * HOUR)) "$lock"
bk_run 1 "$c" "$out"
expect_level "$out" lock nightly 2
expect_evidence "$out" lock nightly "1 stale lock in locks/, the oldest 2h 0m old"
expect_item "$out" 2
rm "$lock"

# one snapshot dated two days ahead: clock skew, the age uses the rest
f=$ROOT/srv/restic/snapshots/$(printf future | sha256sum | cut -c1-64)
printf 'x' > "$f"
at $((-2 * DAY)) "$f"
bk_run 1 "$c" "$out"
expect_level "$out" future nightly 2
expect_evidence "$out" future nightly "1 snapshot dated up to 2d 0h after 2026-01-02T03:04:05Z"
expect_level "$out" age nightly 4
expect_evidence "$out" count nightly "4 snapshots"
rm "$f"

# ---- borg: the last commit (hints.N/index.N), an old lock ----
mkborg /srv/borg $((3 * HOUR))
c=$(cfg borg <<'EOF'
[plugin.backup.borg]
type = borg
path = /srv/borg
offsite = yes
EOF
)
bk_run 0 "$c" "$out"
expect_level "$out" age borg 4
expect_evidence "$out" age borg "newest archive 2026-01-02T00:04:05Z, 3h 0m old"
expect_evidence "$out" age borg "prune, delete and compact commit too"
expect_level "$out" count borg -1
expect_evidence "$out" count borg "set exec = yes and password_file to count them"
expect_item "$out" 4
mkdir "$ROOT/srv/borg/lock.exclusive"
at $((2 * DAY)) "$ROOT/srv/borg/lock.exclusive"
bk_run 1 "$c" "$out"
expect_level "$out" lock borg 2
expect_evidence "$out" lock borg "lock.exclusive/lock.roster left 2d 0h ago"
rmdir "$ROOT/srv/borg/lock.exclusive"
# too old
at $((3 * DAY)) "$ROOT/srv/borg/hints.3" "$ROOT/srv/borg/index.3"
bk_run 1 "$c" "$out"
expect_level "$out" age borg 0
expect_evidence "$out" age borg "3d 0h old"
# a directory that is no borg repository
mkdir -p "$ROOT/srv/notborg"
printf 'hello' > "$ROOT/srv/notborg/README"
c=$(cfg notborg <<'EOF'
[plugin.backup.x]
type = borg
path = /srv/notborg
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" target x 0
expect_evidence "$out" target x "/srv/notborg is not a borg repository"
expect_item "$out" 0
# a data/ directory alone does not make one either
mkdir "$ROOT/srv/notborg/data"
bk_run 1 "$c" "$out"
expect_evidence "$out" target x "/srv/notborg is not a borg repository"

# ---- rsnapshot: TAB-separated configuration, LEVEL.N, retain, log ----
mkdir -p "$ROOT/etc" "$ROOT/var/log" "$ROOT/var/run" "$ROOT/home/alice"
cp "$BK_FIXTURES/rsnapshot.conf" "$ROOT/etc/rsnapshot.conf"
mkdir -p "$ROOT/srv/snap"
for s in alpha.0 alpha.1 alpha.2 alpha.3 alpha.4 alpha.5 beta.0; do
	mkdir "$ROOT/srv/snap/$s"
done
at $((4 * HOUR)) "$ROOT/srv/snap/alpha.0"
at $((1 * DAY)) "$ROOT/srv/snap/alpha.1"
at $((2 * DAY)) "$ROOT/srv/snap/alpha.2" "$ROOT/srv/snap/alpha.3" \
    "$ROOT/srv/snap/alpha.4" "$ROOT/srv/snap/alpha.5"
at $((8 * DAY)) "$ROOT/srv/snap/beta.0"
cp "$BK_FIXTURES/rsnapshot.log" "$ROOT/var/log/rsnapshot.log"
c=$(cfg rsnapshot <<'EOF'
[plugin.backup.snap]
type = rsnapshot
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age snap 4
expect_evidence "$out" age snap "newest snapshot 2026-01-01T23:04:05Z, 4h 0m old"
expect_level "$out" count snap 4
expect_evidence "$out" count snap "7 snapshots, min_count 2; alpha 6 of 6, beta 1 of 7"
expect_level "$out" last-run snap 4
expect_evidence "$out" last-run snap "/usr/bin/rsnapshot alpha: completed successfully"
expect_level "$out" lock snap 4
# /home and /srv/snap share the fixture's file system
expect_level "$out" same-device snap 2
expect_evidence "$out" same-device snap "/srv/snap/ and its source /home/ are on the same device"
expect_item "$out" 2

# a run that failed after the last success; a level that lost copies;
# a lockfile left for days
printf '[2026-01-02T02:00:01] /usr/bin/rsnapshot alpha: started\n[2026-01-02T02:00:03] ERROR: /usr/bin/rsync returned 12 while processing /home/\n' \
    >> "$ROOT/var/log/rsnapshot.log"
rmdir "$ROOT/srv/snap/alpha.4" "$ROOT/srv/snap/alpha.5"
printf '1234\n' > "$ROOT/var/run/rsnapshot.pid"
at $((3 * DAY)) "$ROOT/var/run/rsnapshot.pid"
bk_run 1 "$c" "$out"
expect_level "$out" last-run snap 2
expect_evidence "$out" last-run snap "ERROR: /usr/bin/rsync returned 12"
expect_level "$out" count snap 2
expect_evidence "$out" count snap "alpha has 4 of 6 snapshots although beta has some"
expect_level "$out" lock snap 2
expect_evidence "$out" lock snap "lockfile /var/run/rsnapshot.pid left 3d 0h ago"
rm "$ROOT/var/run/rsnapshot.pid"

# spaces instead of tabs: rsnapshot refuses to run
sed 's/^retain\tbeta\t7$/retain beta 7/' "$BK_FIXTURES/rsnapshot.conf" > "$ROOT/etc/rsnapshot-spaces.conf"
c=$(cfg rsnapshot-spaces <<'EOF'
[plugin.backup.snap]
type = rsnapshot
path = /etc/rsnapshot-spaces.conf
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" target snap 0
expect_evidence "$out" target snap "/etc/rsnapshot-spaces.conf:5: fields separated by spaces; rsnapshot needs tabs"
# snapshot_root that was never created
sed 's|/srv/snap/|/srv/never/|' "$BK_FIXTURES/rsnapshot.conf" > "$ROOT/etc/rsnapshot-never.conf"
c=$(cfg rsnapshot-never <<'EOF'
[plugin.backup.snap]
type = rsnapshot
path = /etc/rsnapshot-never.conf
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" target snap 0
expect_evidence "$out" target snap "snapshot_root /srv/never/ (from /etc/rsnapshot-never.conf) does not exist"

# ---- duplicity: manifests by name, age of the last full backup ----
mkdir -p "$ROOT/srv/dup"
for n in duplicity-full.20251120T030405Z.manifest.gpg \
    duplicity-full.20251120T030405Z.vol1.difftar.gpg \
    duplicity-inc.20251120T030405Z.to.20260101T030405Z.manifest.gpg \
    duplicity-inc.20251120T030405Z.to.20260101T030405Z.vol1.difftar.gpg \
    duplicity-full-signatures.20251120T030405Z.sigtar.gpg; do
	printf 'x' > "$ROOT/srv/dup/$n"
done
c=$(cfg dup <<'EOF'
[plugin.backup.dup]
type = duplicity
path = /srv/dup
offsite = yes
source = /home/alice
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age dup 4
expect_evidence "$out" age dup "newest backup 2026-01-01T03:04:05Z, 1d 0h old"
expect_level "$out" count dup 4
expect_evidence "$out" count dup "2 backups"
expect_level "$out" full-age dup 2
expect_evidence "$out" full-age dup "last full backup 2025-11-20T03:04:05Z, 43d 0h old (max_full_age 35d 0h)"
expect_level "$out" partial dup 4
expect_level "$out" same-device dup 2
# an interrupted run: volumes without their manifest
printf 'x' > "$ROOT/srv/dup/duplicity-inc.20260101T030405Z.to.20260102T020000Z.vol1.difftar.gpg"
printf 'x' > "$ROOT/srv/dup/duplicity-inc.20260101T030405Z.to.20260102T020000Z.vol2.difftar.gpg"
bk_run 1 "$c" "$out"
expect_level "$out" partial dup 2
expect_evidence "$out" partial dup "1 unfinished, damaged or too small: volumes of 2026-01-02T02:00:00Z without a manifest"
# the source on another device: audit the live root, where /proc is
# never the file system the fixture lives on
c=$(cfg dup-proc <<EOF
[plugin.backup.dup]
type = duplicity
path = $ROOT/srv/dup
source = /proc
offsite = yes
EOF
)
expect_status 1 "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root / -c "$c" \
    --now "@$NOW" --plugin backup --format json --output "$out"
expect_level "$out" same-device dup 4
expect_evidence "$out" same-device dup "$ROOT/srv/dup is on another device than its 1 source"

# ---- Proxmox vzdump: archives per guest, task logs, tiny archives ----
dump=$ROOT/var/lib/vz/dump
mkdir -p "$dump" "$ROOT/var/log/vzdump"
for n in vzdump-qemu-100-2026_01_01-03_00_00.vma.zst vzdump-qemu-100-2025_12_31-03_00_00.vma.zst \
    vzdump-lxc-101-2025_12_25-03_00_00.tar.zst vzdump-lxc-101-2025_12_24-03_00_00.tar.zst; do
	printf 'archive' > "$dump/$n"
done
printf 'INFO: Finished Backup of VM 100 (00:01:02)\n' > "$dump/vzdump-qemu-100-2026_01_01-03_00_00.log"
at $DAY "$dump/vzdump-qemu-100-2026_01_01-03_00_00.vma.zst"
at $((2 * DAY)) "$dump/vzdump-qemu-100-2025_12_31-03_00_00.vma.zst"
at $((8 * DAY)) "$dump/vzdump-lxc-101-2025_12_25-03_00_00.tar.zst"
at $((9 * DAY)) "$dump/vzdump-lxc-101-2025_12_24-03_00_00.tar.zst"
c=$(cfg vzdump <<'EOF'
[plugin.backup.pve]
type = vzdump
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age pve 2
expect_evidence "$out" age pve "not backed up within max_age: lxc-101 8d 0h"
expect_level "$out" count pve 4
expect_evidence "$out" count pve "per guest: qemu-100 2, lxc-101 2"
expect_item "$out" 2
# the last task of guest 100 failed; an empty archive is no backup
printf 'INFO: starting new backup job\nERROR: Backup of VM 100 failed - no space left on device\n' \
    > "$ROOT/var/log/vzdump/qemu-100.log"
: > "$dump/vzdump-qemu-100-2026_01_02-03_00_00.vma.zst"
at $HOUR "$dump/vzdump-qemu-100-2026_01_02-03_00_00.vma.zst"
printf 'INFO: Finished Backup of VM 101 (00:00:09)\n' > "$ROOT/var/log/vzdump/lxc-101.log"
bk_run 1 "$c" "$out"
expect_level "$out" last-run pve 2
expect_evidence "$out" last-run pve "/var/log/vzdump/qemu-100.log: ERROR: Backup of VM 100 failed - no space left on device"
expect_level "$out" partial pve 2
expect_evidence "$out" partial pve "vzdump-qemu-100-2026_01_02-03_00_00.vma.zst is only 0 bytes"

# ---- Proxmox Backup Server: snapshot directories, namespaces ----
ds=$ROOT/srv/pbs
mkdir -p "$ds/.chunks" "$ds/vm/100/2026-01-02T01:00:00Z" "$ds/vm/100/2026-01-01T01:00:00Z" \
    "$ds/ns/dev/ct/200/2026-01-01T22:00:00Z" "$ds/ct/101/2026-01-02T02:00:00Z"
for s in vm/100/2026-01-02T01:00:00Z vm/100/2026-01-01T01:00:00Z ns/dev/ct/200/2026-01-01T22:00:00Z; do
	printf 'm' > "$ds/$s/index.json.blob"
done
# no manifest, and not touched for an hour: unfinished
at $HOUR "$ds/ct/101/2026-01-02T02:00:00Z"
c=$(cfg pbs <<'EOF'
[plugin.backup.pbs]
type = pbs
path = /srv/pbs
offsite = yes
min_count = 1
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age pbs 4
expect_evidence "$out" age pbs "newest snapshot 2026-01-02T01:00:00Z, 2h 4m old"
expect_level "$out" count pbs 4
expect_evidence "$out" count pbs "per guest: vm/100 2, ns/dev/ct/200 1"
expect_level "$out" partial pbs 2
expect_evidence "$out" partial pbs "ct/101/2026-01-02T02:00:00Z has no index.json.blob"
mkdir -p "$ROOT/srv/notpbs"
c=$(cfg notpbs <<'EOF'
[plugin.backup.pbs]
type = pbs
path = /srv/notpbs
EOF
)
bk_run 1 "$c" "$out"
expect_evidence "$out" target pbs "/srv/notpbs is not a Proxmox Backup Server datastore"

# ---- timeshift: info.json "created", corrupt and missing ones ----
ts=$ROOT/timeshift/snapshots
mkdir -p "$ts/2026-01-01_03-00-01" "$ts/2025-12-31_03-00-01" "$ts/2025-12-30_03-00-01" "$ts/2025-12-29_03-00-01"
printf '{\n  "created" : "%s",\n  "sys-uuid" : "0b0b",\n  "tags" : "D",\n  "comments" : ""\n}\n' \
    $((NOW - DAY)) > "$ts/2026-01-01_03-00-01/info.json"
printf '{\n  "created" : "%s",\n  "tags" : "D"\n}\n' $((NOW - 2 * DAY)) > "$ts/2025-12-31_03-00-01/info.json"
# cut off mid-file, as by a full disk
printf '{\n  "created" : "17670' > "$ts/2025-12-30_03-00-01/info.json"
at $HOUR "$ts/2025-12-29_03-00-01"
c=$(cfg timeshift <<'EOF'
[plugin.backup.ts]
type = timeshift
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age ts 4
expect_evidence "$out" age ts "newest snapshot 2026-01-01T03:04:05Z, 1d 0h old"
expect_evidence "$out" age ts "\"created\" in each snapshot's info.json"
expect_level "$out" count ts 4
expect_evidence "$out" count ts "2 snapshots"
expect_level "$out" partial ts 2
expect_evidence "$out" partial ts "2 unfinished, damaged or too small: "
expect_evidence "$out" partial ts "info.json"
# name the corrupt file with its line: check it alone
mv "$ts/2025-12-29_03-00-01" "$TMPDIR_TEST/ts-missing"
bk_run 1 "$c" "$out"
expect_evidence "$out" partial ts "/timeshift/snapshots/2025-12-30_03-00-01/info.json:2: unterminated string"
# only a corrupt snapshot: no usable snapshot at all
rm -r "$ts/2026-01-01_03-00-01" "$ts/2025-12-31_03-00-01"
bk_run 1 "$c" "$out"
expect_level "$out" age ts 0
expect_evidence "$out" age ts "no snapshot in /timeshift/snapshots (only unfinished or damaged ones"
expect_level "$out" partial ts 0
expect_item "$out" 0

# ---- tar: newest whole archive, min_size, still being written ----
tb=$ROOT/backup/tar
mkdir -p "$tb/old"
tar -C "$BK_FIXTURES" -cf "$tb/etc-20260101.tar" rsnapshot.conf
gzip -c "$tb/etc-20260101.tar" > "$tb/old/etc-20251231.tar.gz"
head -c 1024 "$tb/etc-20260101.tar" > "$tb/etc-20260102.tar"
printf 'not gzip' > "$tb/etc-20260102b.tar.gz"
printf 'notes' > "$tb/README"
at $DAY "$tb/etc-20260101.tar"
at $((2 * DAY)) "$tb/old/etc-20251231.tar.gz"
at $HOUR "$tb/etc-20260102.tar"
at $((30 * MIN)) "$tb/etc-20260102b.tar.gz"
c=$(cfg tar <<'EOF'
[plugin.backup.tar]
type = tar
path = /backup/tar
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age tar 4
expect_evidence "$out" age tar "newest archive 2026-01-01T03:04:05Z, 1d 0h old"
expect_evidence "$out" count tar "2 archives"
expect_level "$out" partial tar 2
expect_evidence "$out" partial tar "2 unfinished, damaged or too small: etc-20260102b.tar.gz: does not start like its format"
rm "$tb/etc-20260102b.tar.gz"
bk_run 1 "$c" "$out"
expect_evidence "$out" partial tar "etc-20260102.tar: no end-of-archive blocks: truncated"
rm "$tb/etc-20260102.tar"
# min_size, and a newer archive being written right now
c=$(cfg tar-size <<'EOF'
[plugin.backup.tar]
type = tar
path = /backup/tar
pattern = *.tar
min_size = 100k
offsite = yes
EOF
)
cp "$tb/etc-20260101.tar" "$tb/etc-now.tar"
at 10 "$tb/etc-now.tar"
bk_run 1 "$c" "$out"
expect_level "$out" age tar 0
expect_evidence "$out" age tar "no archive in /backup/tar (only unfinished or damaged ones: etc-20260101.tar: 10240 bytes, below min_size)"
rm "$tb/etc-now.tar"

# ---- dir: dated copies by pattern; a mirror is one generation ----
db=$ROOT/backup/dir
mkdir -p "$db/2026-01-01/etc" "$db/2025-12-31/etc" "$db/lost+found"
printf 'data' > "$db/2026-01-01/etc/hosts"
printf 'data' > "$db/2025-12-31/etc/hosts"
at $((5 * HOUR)) "$db/2026-01-01/etc/hosts"
at $((29 * HOUR)) "$db/2025-12-31/etc/hosts" "$db/2026-01-01/etc" "$db/2026-01-01"
at $((30 * HOUR)) "$db/2025-12-31/etc" "$db/2025-12-31"
c=$(cfg dir <<'EOF'
[plugin.backup.copies]
type = dir
path = /backup/dir
pattern = 20??-??-??
offsite = yes
EOF
)
bk_run 0 "$c" "$out"
expect_level "$out" age copies 4
expect_evidence "$out" age copies "newest copy 2026-01-01T22:04:05Z, 5h 0m old"
expect_evidence "$out" count copies "2 copies"
c=$(cfg mirror <<'EOF'
[plugin.backup.mirror]
type = dir
path = /backup/dir/2026-01-01
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" count mirror 2
expect_evidence "$out" count mirror "1 copy, min_count 2"
# an empty directory holds no backup
mkdir -p "$ROOT/backup/empty"
c=$(cfg empty <<'EOF'
[plugin.backup.empty]
type = dir
path = /backup/empty
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age empty 0
expect_evidence "$out" age empty "no copy in /backup/empty"
expect_item "$out" 0

# ---- writable: by everyone, by a person, through a parent ----
c=$TMPDIR_TEST/restic.ini
chmod 777 "$ROOT/srv/restic"
bk_run 1 "$c" "$out"
expect_level "$out" writable nightly 0
expect_evidence "$out" writable nightly "/srv/restic is writable by everyone (mode 0777)"
chmod 700 "$ROOT/srv/restic"
printf 'root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nalice:x:1000:\n' > "$ROOT/etc/group"
chown 1000 "$ROOT/srv/restic"
bk_run 1 "$c" "$out"
expect_level "$out" writable nightly 2
expect_evidence "$out" writable nightly "/srv/restic belongs to user alice (uid 1000), who can change or delete it"
chown 0 "$ROOT/srv/restic"
chmod 1777 "$ROOT/srv"
bk_run 0 "$c" "$out"
expect_level "$out" writable nightly 4
chmod 777 "$ROOT/srv"
bk_run 1 "$c" "$out"
expect_level "$out" writable nightly 0
expect_evidence "$out" writable nightly "/srv is writable by everyone (mode 0777)"
chmod 755 "$ROOT/srv"
chmod 775 "$ROOT/srv/restic"
chgrp 100 "$ROOT/srv/restic"
bk_run 1 "$c" "$out"
expect_level "$out" writable nightly 2
expect_evidence "$out" writable nightly "/srv/restic is writable by gid 100"
chgrp 0 "$ROOT/srv/restic"
chmod 700 "$ROOT/srv/restic"

# ---- offsite (3-2-1) across jobs ----
c=$(cfg offsite <<'EOF'
[plugin.backup.local]
type = restic
path = /srv/restic
[plugin.backup.remote]
type = pbs
path = /srv/pbs
offsite = yes
min_count = 1
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" offsite local 4
expect_evidence "$out" offsite local "off-site copy: job remote"
expect_level "$out" offsite remote 4
c=$(cfg no-offsite <<'EOF'
[plugin.backup.local]
type = restic
path = /srv/restic
offsite = no
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" offsite local 2
expect_evidence "$out" offsite local "offsite = no, and no job is declared off-site"
expect_item "$out" 2

# ---- cloud_service: the job is evidence for cloud item 10 ----
printf '[service.crm]\nlabel = Customer database (SaaS)\n' > "$TMPDIR_TEST/answers.ini"
c=$(cfg cloud <<'EOF'
[plugin.backup.crm-export]
type = tar
path = /backup/tar
cloud_service = crm
offsite = yes
EOF
)
bk_run 0 "$c" "$out" --answers "$TMPDIR_TEST/answers.ini"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'backup.cloud-copy'][0]['object'] == 'crm'"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'backup.cloud-copy'][0]['cloud_item'] == 10"
assert_py "$out" "d['cloud']['items'][9]['score'] == 4 and d['cloud']['items'][9]['source'] == 'evidence'"
expect_evidence "$out" cloud-copy crm "job crm-export: newest archive"
# stale: the service has no current copy
at $((40 * DAY)) "$tb/etc-20260101.tar" "$tb/old/etc-20251231.tar.gz"
bk_run 1 "$c" "$out" --answers "$TMPDIR_TEST/answers.ini"
expect_level "$out" cloud-copy crm 0
assert_py "$out" "d['cloud']['items'][9]['score'] == 0"

# ---- item 11 end to end: fresh 4, one of two stale 2, all stale 0 ----
mkrestic /srv/fresh $HOUR $((25 * HOUR))
mkrestic /srv/stale $((5 * DAY)) $((6 * DAY))
c=$(cfg two-fresh <<'EOF'
[plugin.backup.a]
type = restic
path = /srv/fresh
offsite = yes
[plugin.backup.b]
type = restic
path = /srv/restic
offsite = yes
EOF
)
bk_run 0 "$c" "$out"
expect_item "$out" 4
c=$(cfg one-stale <<'EOF'
[plugin.backup.a]
type = restic
path = /srv/fresh
offsite = yes
[plugin.backup.b]
type = restic
path = /srv/stale
offsite = yes
EOF
)
bk_run 1 "$c" "$out"
expect_item "$out" 2
expect_level "$out" age a 4
expect_level "$out" age b 0
c=$(cfg all-stale <<'EOF'
[plugin.backup.b]
type = restic
path = /srv/stale
EOF
)
bk_run 1 "$c" "$out"
expect_item "$out" 0
# no off-site copy either, but that is counted as "not" here
expect_level "$out" offsite b 0
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'backup.offsite'][0]['texts']['ja']['detail'].startswith('このジョブには')"

# ---- a configured path that leads nowhere: a finding, not a crash ----
c=$(cfg nowhere <<'EOF'
[plugin.backup.gone]
type = restic
path = /mnt/usb-disk/restic
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" target gone 0
expect_evidence "$out" target gone "/mnt/usb-disk/restic does not exist"
expect_item "$out" 0
assert_py "$out" "d['plugins'][0]['status'] == 'ok'"

# ---- unreadable: -1, said as such ----
mkrestic /srv/private $HOUR $DAY
chmod 700 "$ROOT/srv/private"
c=$(cfg private <<'EOF'
[plugin.backup.private]
type = restic
path = /srv/private
EOF
)
chmod 644 "$c"
chmod 755 "$TMPDIR_TEST"
set +e
as_nobody "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root "$ROOT" -c "$c" --now "@$NOW" \
    --plugin backup --format json > "$out"
st=$?
set -e
[ "$st" -eq 2 ] || fail "unreadable repository: exit $st, want 2 (nothing assessed)"
expect_level "$out" target private -1
expect_evidence "$out" target private "/srv/private cannot be read: Permission denied"
expect_item "$out" -1
assert_py "$out" "[i for i in d['items'] if i['number'] == 11][0]['unknown_reason'] == 'cannot-tell'"

# ---- no job at all: item 11 is 0, with a finding saying so ----
mkdir -p "$TMPDIR_TEST/bare/etc"
printf '[plugin.backup]\ndetect = yes\n' > "$TMPDIR_TEST/none.ini"
expect_status 1 "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root "$TMPDIR_TEST/bare" \
    -c "$TMPDIR_TEST/none.ini" --plugin backup --format json --output "$out"
expect_item "$out" 0
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'backup.job'][0]['level'] == 0"
assert_py "$out" "'none was found' in [f for f in d['findings'] if f['check'] == 'backup.job'][0]['evidence']"
"$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root "$TMPDIR_TEST/bare" --plugin backup --lang ja \
    > "$TMPDIR_TEST/ja.txt" || true
grep -q 'バックアップの仕組みが見つからない' "$TMPDIR_TEST/ja.txt" || fail "Japanese title missing"

# ---- bad configuration: exit 3 before anything is audited, one line
# naming the file and line (of the value, or of the section's first key
# for a key it lacks), and no report ----
bad() {
	printf '%b' "$1" > "$TMPDIR_TEST/bad.ini"
	expect_config_error "$TMPDIR_TEST/never.json" "$2" "$SMEAUDIT" \
	    --plugin-dir "$BK_PLUGINS" --root "$ROOT" -c "$TMPDIR_TEST/bad.ini" \
	    --plugin backup --format json --output "$TMPDIR_TEST/never.json"
}
bad '[plugin.backup.x]\npath = /srv/restic\n' 'bad.ini:2: \[plugin.backup.x\] has no type = '
bad '[plugin.backup.x]\ntype = rsync\npath = /srv\n' 'bad.ini:2: \[plugin.backup.x\] type = rsync: not one of restic, borg'
bad '[plugin.backup.x]\ntype = restic\n' 'bad.ini:2: \[plugin.backup.x\] has no path = '
bad '[plugin.backup.x]\ntype = restic\npath = srv/restic\n' 'bad.ini:3: \[plugin.backup.x\] path = srv/restic: must be absolute'
bad '[plugin.backup.x]\ntype = restic\npath = /srv/restic\npattern = *.tar\n' 'bad.ini:4: \[plugin.backup.x\] pattern = applies to type tar and dir only'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\ncloud_service = a b\n' 'bad.ini:4: \[plugin.backup.x\] cloud_service = a b: a service ID'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\nsource = /home\nsource = home\n' 'bad.ini:5: \[plugin.backup.x\] source = home: must be absolute'
bad '[plugin.backup.x]\ntype = restic\npath = /srv/r\nexec = yes\npassword_file = pw\n' 'bad.ini:5: \[plugin.backup.x\] password_file = pw: must be absolute'
bad '[plugin.backup]\nmax_age = 0\n' 'bad.ini:2: \[plugin.backup\] max_age = 0: must be longer than 0'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\nexec_timeout = 0s\n' 'bad.ini:4: \[plugin.backup.x\] exec_timeout = 0s: must be longer than 0'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\nmin_count = -1\n' 'bad.ini:4: \[plugin.backup.x\] min_count = -1: must be 0 or more'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\nmax_age = soon\n' 'bad.ini:4: max_age'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\nretain = 7\n' 'bad.ini:4: unknown key "retain" in \[plugin.backup.x\]'
bad '[plugin.backup]\ntype = tar\n' 'bad.ini:2: unknown key "type" in \[plugin.backup\]'
bad '[plugin.backup.x]\ntype = tar\npath = /srv\n[plugin.backup.y]\ntype = tar\npath = /srv/\n' 'bad.ini:6: \[plugin.backup.y\] describes the same tar target as another section'

# the JSON validates against the published schema
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out" "$top_srcdir/docs/report-schema.json" || fail "schema validation"
exit 0
