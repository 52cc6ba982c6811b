#!/bin/sh
# SPDX-License-Identifier: MIT
# Jobs nobody configured: found in rsnapshot's and timeshift's
# configuration, systemd units, crontabs and the scripts they start,
# Proxmox VE jobs and PBS datastores.  No secret read on the way shows.
set -eu
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/e2e/backup-lib.sh"
out=$TMPDIR_TEST/out.json
err=$TMPDIR_TEST/err.txt

cp -R "$BK_FIXTURES/detect/." "$ROOT/"
chmod 755 "$ROOT/usr/local/sbin/borg-nightly.sh"
# the targets the jobs point at, all fresh
mkrestic /srv/restic $HOUR $DAY
mkborg /srv/borg $((2 * HOUR))
mkdir -p "$ROOT/mnt/dup" "$ROOT/srv/snap/alpha.0" "$ROOT/srv/snap/alpha.1" \
    "$ROOT/timeshift/snapshots/2025-12-30_03-00-01" "$ROOT/var/lib/vz/dump" \
    "$ROOT/srv/pbs/.chunks" "$ROOT/srv/pbs/vm/100/2026-01-02T01:00:00Z"
printf 'x' > "$ROOT/mnt/dup/duplicity-full.20260101T030405Z.manifest"
at $HOUR "$ROOT/srv/snap/alpha.0"
at $DAY "$ROOT/srv/snap/alpha.1"
printf '{"created": "%s"}\n' $((NOW - 3 * DAY)) > "$ROOT/timeshift/snapshots/2025-12-30_03-00-01/info.json"
printf 'a' > "$ROOT/var/lib/vz/dump/vzdump-qemu-100-2026_01_01-03_00_00.vma.zst"
at $DAY "$ROOT/var/lib/vz/dump/vzdump-qemu-100-2026_01_01-03_00_00.vma.zst"
printf 'm' > "$ROOT/srv/pbs/vm/100/2026-01-02T01:00:00Z/index.json.blob"
: > "$TMPDIR_TEST/empty.ini"

expect_status 1 "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root "$ROOT" \
    -c "$TMPDIR_TEST/empty.ini" --now "@$NOW" --plugin backup --format json \
    --output "$out" --verbose 2>"$err"

# every job, named after its tool and target
for job in restic:/srv/restic borg:/srv/borg duplicity:/mnt/dup rsnapshot \
    timeshift vzdump:local vzdump:pbs1 pbs:store1 \
    "restic:rest:https://backup:***@rest.example:8000/host1" \
    restic:/var/spool/cron/crontabs/alice; do
	assert_py "$out" "any('$job' in f['examples'] for f in d['findings'])" "job $job found"
done
assert_py "$out" "len(set(e for f in d['findings'] for e in f['examples'])) == 10" \
    "ten jobs, the disabled Proxmox job and sshd left out"

# what each was found in, and what it showed
expect_level "$out" age restic:/srv/restic 4
grep -q 'job restic:/srv/restic: age: ok: restic found in /etc/systemd/system/restic-backup.service: newest snapshot 2026-01-02T02:04:05Z, 1h 0m old' "$err" ||
    fail "restic job's evidence: $(grep 'restic:/srv/restic: age' "$err")"
grep -q 'job borg:/srv/borg: age: ok: borg found in /usr/local/sbin/borg-nightly.sh: ' "$err" ||
    fail "borg job found through cron.d and its script"
grep -q 'job duplicity:/mnt/dup: age: ok: duplicity found in /etc/crontab: ' "$err" ||
    fail "duplicity job in /etc/crontab"
# sources learnt from the command lines and rsnapshot.conf
grep -q 'job restic:/srv/restic: same-device: partly: /srv/restic and its source /etc are on the same device' "$err" ||
    fail "restic's sources from ExecStart"
grep -q 'job borg:/srv/borg: same-device: partly: /srv/borg and its source /etc' "$err" ||
    fail "borg's sources from its script"
# timeshift's weekly schedule sets its max_age; three days is fine
expect_level "$out" age timeshift 4
grep -q 'job timeshift: age: ok: timeshift found in /etc/timeshift/timeshift.json: newest snapshot 2025-12-30T03:04:05Z, 3d 0h old (max_age 8d 0h' "$err" ||
    fail "timeshift schedule: $(grep 'job timeshift: age' "$err")"
expect_level "$out" age vzdump:local 4
expect_level "$out" age pbs:store1 4
expect_level "$out" age rsnapshot 4
# what cannot be read from this disk says so
expect_level "$out" target vzdump:pbs1 -1
expect_level "$out" target "restic:rest:https://backup:***@rest.example:8000/host1" -1
grep -q 'restic:rest:https://backup:\*\*\*@rest.example:8000/host1: target: unknown: restic found in /etc/systemd/system/restic-offsite.service: remote repository' "$err" ||
    fail "remote restic repository"
expect_level "$out" target restic:/var/spool/cron/crontabs/alice -1
grep -q 'crontabs/alice: target: unknown: .*the repository location could not be told' "$err" ||
    fail "unknown repository location"

# secrets from the environment file, the script and the URL never show
for secret in hunter2-secret topsecret s3cr3t; do
	grep -q "$secret" "$out" "$err" && fail "secret $secret leaked"
done

# a configured job takes the place of the one found at the same target
c=$(cfg mine <<'EOF'
[plugin.backup]
detect = yes
[plugin.backup.mine]
type = restic
path = /srv/restic/
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age mine 4
expect_level "$out" age restic:/srv/restic none
expect_level "$out" age borg:/srv/borg 4
# detect = no: only what is configured
c=$(cfg only-mine <<'EOF'
[plugin.backup]
detect = no
[plugin.backup.mine]
type = restic
path = /srv/restic
offsite = yes
EOF
)
bk_run 0 "$c" "$out"
assert_py "$out" "set(e for f in d['findings'] for e in f['examples']) == {'mine'}"
# max_age of [plugin.backup] wins over timeshift's schedule
c=$(cfg main-age <<'EOF'
[plugin.backup]
max_age = 2d
EOF
)
bk_run 1 "$c" "$out"
expect_level "$out" age timeshift 0
exit 0
