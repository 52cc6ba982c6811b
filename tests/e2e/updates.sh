#!/bin/sh
# SPDX-License-Identifier: MIT
# The updates plugin (item 1) on fixture roots: pass, fail, partial,
# cannot-tell, the Red Hat family, compressed lists and a broken release
# table.  Fixtures are copied so that mtimes (which git does not keep)
# can be set; ages are judged against --now.
set -eu
. "$top_srcdir/tests/lib.sh"

export TZ=UTC
F=$FIXTURES/updates
out=$TMPDIR_TEST/out.json

stage() {
	rm -rf "${TMPDIR_TEST:?}/$1"
	cp -a "$F/$1" "$TMPDIR_TEST/$1"
	echo "$TMPDIR_TEST/$1"
}

# lists_at ROOT DATE: every apt list (and lists/partial) last changed at DATE.
lists_at() {
	for f in "$1"/var/lib/apt/lists/* "$1"/var/lib/apt/lists/partial; do
		touch -h -d "$2" "$f"
	done
}

run() {
	root=$1
	now=$2
	shift 2
	"$SMEAUDIT" --plugin updates --root "$root" --now "$now" --format json \
	    --output "$out" "$@"
}

# levels CHECK: the levels reported for a check, sorted, e.g. "[0, 4]".
levels() { jq_py "$out" "sorted(f['level'] for f in d['findings'] if f['check'] == 'updates.$1')"; }
expect_levels() {
	got=$(levels "$1")
	[ "$got" = "$2" ] || fail "updates.$1: levels $got, expected $2"
}
evidence() { jq_py "$out" "[f['evidence'] for f in d['findings'] if f['check'] == 'updates.$1'][0]"; }
count() { jq_py "$out" "sum(f['count'] for f in d['findings'] if f['check'] == 'updates.$1' and f['level'] == $2)"; }

# --list names the plugin with item 1, from its check table.
"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'updates'][0]['items'] == [1]"
assert_py "$TMPDIR_TEST/list.json" "sorted(c['id'] for c in [p for p in d if p['name'] == 'updates'][0]['checks']) == sorted(['updates.' + n for n in ['pending', 'pending-security', 'list-age', 'last-upgrade', 'auto-upgrades', 'reboot-required', 'eol', 'snap', 'flatpak']])"

# --- pass: Debian 12, nothing pending, lists fresh, u-u on, supported ---
R=$(stage pass)
lists_at "$R" "2026-02-28 10:00"
touch -d "2026-02-20 06:30" "$R/var/log/dpkg.log"
expect_status 0 run "$R" 2026-03-01T00:00:00Z
[ "$(item_score "$out" 1)" = 4 ] || fail "pass: item 1 is $(item_score "$out" 1)"
for c in pending pending-security list-age last-upgrade auto-upgrades reboot-required eol snap; do
	expect_levels "$c" "[4]"
done
# The backports list (NotAutomatic) offers a newer openssl: not pending.
evidence pending | grep -q '^0 pending upgrades (limit 0); 5 installed packages compared with 2 lists' ||
    fail "pass: pending evidence: $(evidence pending)"
evidence list-age | grep -q 'last apt update at 2026-02-28 10:00 UTC, 0 days ago' ||
    fail "pass: list-age evidence: $(evidence list-age)"
evidence last-upgrade | grep -q 'last upgrade at 2026-02-20 06:25 UTC, 8 days ago' ||
    fail "pass: last-upgrade evidence: $(evidence last-upgrade)"
evidence eol | grep -q 'Debian 12 (bookworm): security support until 2026-07-11' ||
    fail "pass: eol evidence: $(evidence eol)"
evidence snap | grep -q '2 snaps; last refresh at 2026-02-28 12:04 UTC' ||
    fail "pass: snap evidence: $(evidence snap)"
grep -q 'not-a-real-secret' "$out" && fail "snapd's state leaked into the report"
# Japanese texts exist for the checks.
assert_py "$out" "all(f['texts']['ja']['title'] != f['texts']['en']['title'] for f in d['findings'])"

# The same root a year later: lists stale, support nearly over, snaps stale.
expect_status 1 run "$R" 2026-06-01T00:00:00Z
expect_levels list-age "[0]"
expect_levels eol "[2]"
expect_levels snap "[2]"
evidence eol | grep -q 'security support ends 2026-07-11 (in 41 days)' || fail "eol warning: $(evidence eol)"
# Past regular support: only Debian LTS.
expect_status 1 run "$R" 2027-01-01T00:00:00Z
expect_levels eol "[2]"
evidence eol | grep -q 'only Debian LTS until 2028-06-30' || fail "eol LTS: $(evidence eol)"
# Thresholds come from the INI.
printf '[plugin.updates]\nmax_list_age = 200d\neol_warning = 1d\n' > "$TMPDIR_TEST/u.ini"
expect_status 0 run "$R" 2026-06-01T00:00:00Z -c "$TMPDIR_TEST/u.ini"
expect_levels list-age "[4]"
expect_levels eol "[4]"

# Snap refreshes held: until a date is partly, forever is not.
cp "$R/var/lib/snapd/state.json" "$TMPDIR_TEST/state.json"
sed -i 's/"refresh":{"timer"/"refresh":{"hold":"2026-04-01T00:00:00+09:00","timer"/' "$R/var/lib/snapd/state.json"
expect_status 1 run "$R" 2026-03-01T00:00:00Z
expect_levels snap "[2]"
evidence snap | grep -q '2 snaps; refreshes are held until 2026-03-31 15:00 UTC' || fail "hold: $(evidence snap)"
sed -i 's/"hold":"[^"]*"/"hold":"forever"/' "$R/var/lib/snapd/state.json"
expect_status 1 run "$R" 2026-03-01T00:00:00Z
expect_levels snap "[0]"
# A hold in the past no longer holds anything.
sed -i 's/"hold":"[^"]*"/"hold":"2026-01-01T00:00:00Z"/' "$R/var/lib/snapd/state.json"
expect_status 0 run "$R" 2026-03-01T00:00:00Z
expect_levels snap "[4]"
printf '{"data": {' > "$R/var/lib/snapd/state.json"
expect_status 0 run "$R" 2026-03-01T00:00:00Z
expect_levels snap "[-1]"
evidence snap | grep -q 'not valid JSON' || fail "broken state: $(evidence snap)"
cp "$TMPDIR_TEST/state.json" "$R/var/lib/snapd/state.json"

# A Packages list kept gzip-compressed (Acquire::GzipIndexes) reads the same.
L=$R/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages
gzip "$L"
sed -i 's/^Version: 2024b-0+deb12u1$/Version: 2024a-0+deb12u1/' "$R/var/lib/dpkg/status"
expect_status 1 run "$R" 2026-03-01T00:00:00Z
expect_levels pending "[0]"
[ "$(count pending 0)" = 1 ] || fail "gz list: pending count $(count pending 0)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'updates.pending'][0]['object'] == 'tzdata:all'"
evidence pending | grep -q 'installed 2024a-0+deb12u1, available 2024b-0+deb12u1$' ||
    fail "gz list: $(evidence pending)"
# A list compressed with xz cannot be read: pending is unknown, not 0.
gunzip "$L.gz"
cp "$L" "$L.xz"
expect_status 0 run "$R" 2026-03-01T00:00:00Z
expect_levels pending "[-1]"
expect_levels pending-security "[-1]"
evidence pending | grep -q 'compression not supported' || fail "xz: $(evidence pending)"

# --- fail: Debian 10 long past support, security fixes pending ---
R=$(stage fail)
lists_at "$R" "2025-06-01 00:00"
expect_status 1 run "$R" 2026-03-01T00:00:00Z
[ "$(item_score "$out" 1)" = 0 ] || fail "fail: item 1 is $(item_score "$out" 1)"
expect_levels pending "[0]"
expect_levels pending-security "[0]"
expect_levels list-age "[0]"
expect_levels last-upgrade "[0]"
expect_levels auto-upgrades "[0]"
expect_levels eol "[0]"
expect_levels snap "[0]"
# An image's empty /run says nothing about a pending reboot.
expect_levels reboot-required "[-1]"
# libc6 amd64 and i386 (multiarch), openssl (held), sudo: 4 pending, 2 security.
[ "$(count pending 0)" = 4 ] || fail "fail: pending count $(count pending 0)"
[ "$(count pending-security 0)" = 2 ] || fail "fail: security count $(count pending-security 0)"
assert_py "$out" "sorted([f for f in d['findings'] if f['check'] == 'updates.pending-security'][0]['examples']) == ['openssl:amd64', 'sudo:amd64']"
assert_py "$out" "'held' in [f for f in d['findings'] if f['check'] == 'updates.pending-security'][0]['evidence']"
evidence auto-upgrades | grep -q 'unattended-upgrades is not installed' || fail "fail: $(evidence auto-upgrades)"
evidence eol | grep -q 'security support ended 2022-09-10, extended support 2024-06-30' || fail "fail: $(evidence eol)"
evidence snap | grep -q 'snapd.service is masked' || fail "fail: $(evidence snap)"
evidence last-upgrade | grep -q 'upgrades are pending' || fail "fail: $(evidence last-upgrade)"
# The remediation is there in both languages.
assert_py "$out" "'unattended-upgrades' in [f for f in d['findings'] if f['check'] == 'updates.auto-upgrades'][0]['texts']['ja']['remediation']"
# Tolerating pending security fixes is a configuration choice.
printf '[plugin.updates]\nmax_pending_security = 2\nmax_pending = 10\n' > "$TMPDIR_TEST/u.ini"
expect_status 1 run "$R" 2026-03-01T00:00:00Z -c "$TMPDIR_TEST/u.ini"
expect_levels pending "[4]"
expect_levels pending-security "[4]"

# --- partial: Ubuntu 22.04 near its end, one update waiting, reboot due ---
R=$(stage partial)
lists_at "$R" "2027-05-24 00:00"
expect_status 1 run "$R" 2027-05-25T00:00:00Z
[ "$(item_score "$out" 1)" = 2 ] || fail "partial: item 1 is $(item_score "$out" 1)"
expect_levels pending "[0]"
expect_levels pending-security "[4]"
expect_levels list-age "[4]"
expect_levels last-upgrade "[4]"
expect_levels auto-upgrades "[2]"
expect_levels reboot-required "[2]"
expect_levels eol "[2]"
expect_levels flatpak "[-1]"
evidence auto-upgrades | grep -q 'Update-Package-Lists is off' || fail "partial: $(evidence auto-upgrades)"
evidence reboot-required | grep -q 'by linux-image-5.15.0-130-generic libssl3$' || fail "partial: $(evidence reboot-required)"
evidence flatpak | grep -q '^2 flatpak apps' || fail "partial: $(evidence flatpak)"
# Ubuntu after standard support without an ESM subscription: not supported.
expect_status 1 run "$R" 2027-07-01T00:00:00Z
expect_levels eol "[0]"
evidence eol | grep -q 'Ubuntu Pro (ESM) (until 2032-04-21) is not set up' || fail "esm: $(evidence eol)"
: > "$R/var/lib/apt/lists/esm.ubuntu.com_apps_ubuntu_dists_jammy-apps-security_InRelease"
expect_status 1 run "$R" 2027-07-01T00:00:00Z
expect_levels eol "[2]"
# Disabling the upgrade timer stops unattended-upgrades.
rm "$R/etc/systemd/system/timers.target.wants/apt-daily-upgrade.timer"
expect_status 1 run "$R" 2027-05-25T00:00:00Z
expect_levels auto-upgrades "[0]"
evidence auto-upgrades | grep -q 'apt-daily-upgrade.timer is disabled' || fail "timer: $(evidence auto-upgrades)"
# An apt.conf syntax error stops apt itself: no automatic upgrades.
printf 'APT::Periodic::Unattended-Upgrade "1"\n' > "$R/etc/apt/apt.conf.d/99broken"
expect_status 1 run "$R" 2027-05-25T00:00:00Z
expect_levels auto-upgrades "[0]"
evidence auto-upgrades | grep -q '99broken:2: syntax error' || fail "syntax: $(evidence auto-upgrades)"

# --- Red Hat family: what dnf leaves readable ---
R=$(stage rhel)
touch -d "2026-02-28 12:00" "$R"/var/cache/dnf/*/repodata/repomd.xml
expect_status 0 run "$R" 2026-03-01T00:00:00Z
expect_levels pending "[-1]"
expect_levels pending-security "[-1]"
expect_levels reboot-required "[-1]"
expect_levels list-age "[4]"
expect_levels last-upgrade "[4]"
expect_levels auto-upgrades "[4]"
expect_levels eol "[4]"
[ "$(item_score "$out" 1)" = 4 ] || fail "rhel: item 1 is $(item_score "$out" 1)"
evidence auto-upgrades | grep -q 'dnf-automatic.timer enabled, updates applied automatically (upgrade_type security)' ||
    fail "rhel: $(evidence auto-upgrades)"
evidence eol | grep -q 'Rocky Linux 9: security support until 2032-05-31' || fail "rhel: $(evidence eol)"
sed -i 's/^apply_updates = yes/apply_updates = no/' "$R/etc/dnf/automatic.conf"
expect_status 1 run "$R" 2026-03-01T00:00:00Z
expect_levels auto-upgrades "[2]"

# --- cannot tell: unreadable files, a release with no end date ---
R=$(stage unknown)
chmod 000 "$R/var/lib/dpkg/status" "$R/var/lib/apt/lists" "$R/var/log/dpkg.log"
mkdir -m 1777 "$TMPDIR_TEST/nobody"
set +e
as_nobody "$SMEAUDIT" --plugin updates --root "$R" --now 2026-03-01T00:00:00Z \
    --format json --output "$TMPDIR_TEST/nobody/out.json"
status=$?
set -e
chmod 755 "$R/var/lib/apt/lists"
out=$TMPDIR_TEST/nobody/out.json
[ "$status" = 2 ] || fail "cannot-tell: exit $status, expected 2 (nothing assessed)"
assert_py "$out" "[i for i in d['items'] if i['number'] == 1][0]['score'] == -1"
assert_py "$out" "[i for i in d['items'] if i['number'] == 1][0]['unknown_reason'] == 'cannot-tell'"
for c in pending pending-security list-age last-upgrade auto-upgrades reboot-required eol; do
	expect_levels "$c" "[-1]"
done
evidence pending | grep -q 'Permission denied' || fail "cannot-tell: $(evidence pending)"
evidence eol | grep -q 'has no VERSION_ID' || fail "cannot-tell: $(evidence eol)"
evidence reboot-required | grep -q '/run is empty under --root' || fail "cannot-tell: $(evidence reboot-required)"
out=$TMPDIR_TEST/out.json

# An unsupported package manager: unknown with the reason, not a guess.
mkdir -p "$TMPDIR_TEST/alpine/etc"
printf 'ID=alpine\nVERSION_ID=3.21.2\nPRETTY_NAME="Alpine Linux v3.21"\n' > "$TMPDIR_TEST/alpine/etc/os-release"
expect_status 2 "$SMEAUDIT" --plugin updates --root "$TMPDIR_TEST/alpine" --format json --output "$out"
expect_levels pending "[-1]"
evidence pending | grep -q 'package manager of alpine is not supported' || fail "alpine: $(evidence pending)"
evidence eol | grep -q 'Alpine Linux v3.21 (ID alpine, VERSION_ID 3.21.2) is not in the release table' ||
    fail "alpine: $(evidence eol)"

# Nothing to audit (no os-release, no package database): skipped.
expect_status 2 "$SMEAUDIT" --plugin updates --root "$FIXTURES/roots/minimal" \
    --format json --output "$out"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"

# A broken release table is an input error naming file and line; no report.
R=$TMPDIR_TEST/pass
printf '[release x]\nid = debian\nversion = 12\neol = 2026-02-30\n' > "$TMPDIR_TEST/bad.rules"
printf '[plugin.updates]\neol_table = %s\n' "$TMPDIR_TEST/bad.rules" > "$TMPDIR_TEST/u.ini"
expect_status 3 run "$R" 2026-03-01T00:00:00Z -c "$TMPDIR_TEST/u.ini" 2>"$TMPDIR_TEST/err"
grep -q "bad.rules:4: eol: \"2026-02-30\" is not a date" "$TMPDIR_TEST/err" ||
    fail "bad table: $(cat "$TMPDIR_TEST/err")"
printf '[release x]\nid = debian\n' > "$TMPDIR_TEST/bad.rules"
expect_status 3 run "$R" 2026-03-01T00:00:00Z -c "$TMPDIR_TEST/u.ini" 2>"$TMPDIR_TEST/err"
grep -q "bad.rules:1: \[release x\] needs id, version and eol" "$TMPDIR_TEST/err" ||
    fail "incomplete table: $(cat "$TMPDIR_TEST/err")"
# Limits that cannot work, and a release table that is not there, stop
# smeaudit before the audit: exit 3, FILE:LINE, no report.
bad() {
	printf '%b' "$1" > "$TMPDIR_TEST/bad.ini"
	expect_config_error "$out" "^smeaudit: updates: error: .*/bad.ini:$2" \
	    run "$R" 2026-03-01T00:00:00Z -c "$TMPDIR_TEST/bad.ini"
}
bad '[plugin.updates]\nmax_pending = -1\n' '2: max_pending: must be 0 or more$'
bad '[plugin.updates]\nmax_pending_security = -3\n' '2: max_pending_security: must be 0 or more$'
bad '[plugin.updates]\nmax_pending = 5\nmax_list_age = 0\n' '3: max_list_age: must be longer than 0$'
bad '[plugin.updates]\nmax_upgrade_age = 0d\n' '2: max_upgrade_age: must be longer than 0$'
bad "[plugin.updates]\neol_table = $TMPDIR_TEST/none.rules\n" "2: eol_table: $TMPDIR_TEST/none.rules: No such file or directory\$"
bad "[plugin.updates]\neol_table = $TMPDIR_TEST\n" "2: eol_table: $TMPDIR_TEST: not a regular file\$"
exit 0
