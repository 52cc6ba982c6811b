#!/bin/sh
# SPDX-License-Identifier: MIT
# The antivirus plugin (item 2) on fixture roots: ClamAV complete, none,
# partly set up, a commercial agent, an RPM layout, cannot-tell, and a
# broken agent table.
set -eu
. "$top_srcdir/tests/lib.sh"

export TZ=UTC
F=$FIXTURES/antivirus
out=$TMPDIR_TEST/out.json
NOW=2026-03-01T00:00:00Z

stage() {
	rm -rf "${TMPDIR_TEST:?}/$1"
	cp -a "$F/$1" "$TMPDIR_TEST/$1"
	echo "$TMPDIR_TEST/$1"
}
run() {
	root=$1
	shift
	"$SMEAUDIT" --plugin antivirus --root "$root" --now "$NOW" --format json \
	    --output "$out" "$@"
}
levels() { jq_py "$out" "sorted(f['level'] for f in d['findings'] if f['check'] == 'antivirus.$1')"; }
expect_levels() {
	got=$(levels "$1")
	[ "$got" = "$2" ] || fail "antivirus.$1: levels $got, expected $2"
}
evidence() { jq_py "$out" "[f['evidence'] for f in d['findings'] if f['check'] == 'antivirus.$1'][0]"; }
objects() { jq_py "$out" "sorted(e for f in d['findings'] if f['check'] == 'antivirus.$1' for e in f['examples'])"; }

"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'antivirus'][0]['items'] == [2]"
assert_py "$TMPDIR_TEST/list.json" "sorted(c['id'] for c in [p for p in d if p['name'] == 'antivirus'][0]['checks']) == ['antivirus.installed', 'antivirus.on-access', 'antivirus.service', 'antivirus.signatures']"

# --- pass: clamd, freshclam and clamonacc enabled, signatures a day old ---
R=$(stage pass)
expect_status 0 run "$R"
[ "$(item_score "$out" 2)" = 4 ] || fail "pass: item 2 is $(item_score "$out" 2)"
for c in installed service signatures on-access; do
	expect_levels "$c" "[4]"
done
evidence installed | grep -q '^package clamav-daemon 1.0.7+dfsg-1~deb12u1$' || fail "pass: $(evidence installed)"
evidence service | grep -q 'clamav-daemon.service enabled; clamav-freshclam.service enabled' || fail "pass: $(evidence service)"
# daily.cld's STIME: 2026-02-28 12:26 UTC, not the file's mtime.
evidence signatures | grep -q '^daily.cld built 2026-02-28 12:26 UTC (header), 0 days old; limit 3d$' ||
    fail "pass: $(evidence signatures)"
evidence on-access | grep -q '2 watched paths in /etc/clamav/clamd.conf' || fail "pass: $(evidence on-access)"
# max_signature_age comes from the INI; the header time is what counts.
touch -d "2026-02-28 23:00" "$R/var/lib/clamav/daily.cld"
expect_status 1 run "$R" --now 2026-03-10T00:00:00Z
expect_levels signatures "[2]"
evidence signatures | grep -q '9 days old; limit 3d' || fail "stale: $(evidence signatures)"
printf '[plugin.antivirus]\nmax_signature_age = 2w\n' > "$TMPDIR_TEST/a.ini"
expect_status 0 run "$R" --now 2026-03-10T00:00:00Z -c "$TMPDIR_TEST/a.ini"
expect_levels signatures "[4]"
# Masking freshclam stops updates.
ln -s /dev/null "$R/etc/systemd/system/clamav-freshclam.service"
expect_status 1 run "$R"
expect_levels service "[2]"
evidence service | grep -q 'clamav-freshclam.service masked' || fail "masked: $(evidence service)"

# --- fail: nothing that protects against malware ---
R=$(stage fail)
expect_status 1 run "$R"
[ "$(item_score "$out" 2)" = 0 ] || fail "fail: item 2 is $(item_score "$out" 2)"
expect_levels installed "[0]"
assert_py "$out" "len([f for f in d['findings'] if f['plugin'] == 'antivirus']) == 1"
assert_py "$out" "'ClamAV' in [f for f in d['findings'] if f['check'] == 'antivirus.installed'][0]['texts']['ja']['remediation']"

# --- partial: clamd only, updater off, no on-access, signatures 10 days old ---
R=$(stage partial)
expect_status 1 run "$R"
[ "$(item_score "$out" 2)" = 2 ] || fail "partial: item 2 is $(item_score "$out" 2)"
expect_levels installed "[4]"
expect_levels service "[2]"
expect_levels signatures "[2]"
expect_levels on-access "[2]"
evidence service | grep -q 'clamav-freshclam.service disabled' || fail "partial: $(evidence service)"
# Text time "18 Feb 2026 09-30 +0900" (no STIME in this header).
evidence signatures | grep -q 'daily.cvd built 2026-02-18 00:30 UTC (header), 10 days old' ||
    fail "partial: $(evidence signatures)"
evidence on-access | grep -q 'clamonacc is not installed' || fail "partial: $(evidence on-access)"
# Sites that do not want on-access scanning say so; it is then not applicable.
printf '[plugin.antivirus]\nrequire_on_access = no\n' > "$TMPDIR_TEST/a.ini"
expect_status 1 run "$R" -c "$TMPDIR_TEST/a.ini"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'antivirus.on-access'][0]['level'] == 'na'"
# No database at all: freshclam never ran.
rm "$R"/var/lib/clamav/*
expect_status 1 run "$R"
expect_levels signatures "[0]"
evidence signatures | grep -q 'no daily.cvd or daily.cld in /var/lib/clamav' || fail "no db: $(evidence signatures)"

# --- a commercial agent: found by its files and service, the rest is its console's ---
R=$(stage agent)
expect_status 0 run "$R"
[ "$(item_score "$out" 2)" = 4 ] || fail "agent: item 2 is $(item_score "$out" 2)"
expect_levels installed "[4]"
expect_levels service "[4]"
expect_levels signatures "[-1]"
expect_levels on-access "[-1]"
[ "$(objects installed)" = '["CrowdStrike Falcon"]' ] || fail "agent: $(objects installed)"
evidence installed | grep -q '/opt/CrowdStrike/falconctl present' || fail "agent: $(evidence installed)"
rm "$R/etc/systemd/system/multi-user.target.wants/falcon-sensor.service"
expect_status 1 run "$R"
expect_levels service "[0]"
evidence service | grep -q 'falcon-sensor.service is disabled' || fail "agent off: $(evidence service)"

# --- RPM layout: clamd@scan, freshclam from cron, DatabaseDirectory elsewhere ---
R=$(stage rpm)
touch -d "2026-02-28 18:00" "$R/var/lib/clamav-alt/daily.cld"
expect_status 1 run "$R"
expect_levels installed "[4]"
expect_levels service "[4]"
expect_levels signatures "[4]"
expect_levels on-access "[2]"
evidence service | grep -q 'clamd@.service enabled; freshclam runs from /etc/cron.d/clamav-update' ||
    fail "rpm: $(evidence service)"
# The damaged header falls back to the file's time, and says so.
evidence signatures | grep -q 'daily.cld built 2026-02-28 18:00 UTC (file time, the header has no build time)' ||
    fail "rpm: $(evidence signatures)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'antivirus.signatures'][0]['object'] == '/var/lib/clamav-alt/daily.cld'"

# --- cannot tell: the package list and database are unreadable ---
R=$(stage fail)
chmod 000 "$R/var/lib/dpkg/status"
mkdir -m 1777 "$TMPDIR_TEST/nobody"
set +e
as_nobody "$SMEAUDIT" --plugin antivirus --root "$R" --now "$NOW" --format json \
    --output "$TMPDIR_TEST/nobody/out.json"
status=$?
set -e
out=$TMPDIR_TEST/nobody/out.json
[ "$status" = 2 ] || fail "cannot-tell: exit $status"
assert_py "$out" "[i for i in d['items'] if i['number'] == 2][0]['unknown_reason'] == 'cannot-tell'"
expect_levels installed "[-1]"
evidence installed | grep -q 'Permission denied' || fail "cannot-tell: $(evidence installed)"
R=$(stage pass)
chmod 000 "$R/var/lib/clamav" "$R/etc/clamav/clamd.conf"
set +e
as_nobody "$SMEAUDIT" --plugin antivirus --root "$R" --now "$NOW" --format json \
    --output "$out"
set -e
chmod 755 "$R/var/lib/clamav"
expect_levels signatures "[-1]"
expect_levels on-access "[-1]"
evidence signatures | grep -q '/var/lib/clamav: Permission denied' || fail "db denied: $(evidence signatures)"
out=$TMPDIR_TEST/out.json

# A broken agent table is an input error naming file and line.
printf '[agent x]\nname = X\npath = relative/path\n' > "$TMPDIR_TEST/bad.rules"
printf '[plugin.antivirus]\nagents_table = %s\n' "$TMPDIR_TEST/bad.rules" > "$TMPDIR_TEST/a.ini"
expect_status 3 run "$TMPDIR_TEST/pass" -c "$TMPDIR_TEST/a.ini" 2>"$TMPDIR_TEST/err"
grep -q 'bad.rules:3: path "relative/path" is not absolute' "$TMPDIR_TEST/err" ||
    fail "bad table: $(cat "$TMPDIR_TEST/err")"
printf '[agent x]\nname = X\n' > "$TMPDIR_TEST/bad.rules"
expect_status 3 run "$TMPDIR_TEST/pass" -c "$TMPDIR_TEST/a.ini" 2>"$TMPDIR_TEST/err"
grep -q 'bad.rules:1: \[agent x\] needs a name and at least one package, service or path' "$TMPDIR_TEST/err" ||
    fail "incomplete table: $(cat "$TMPDIR_TEST/err")"
# A site's own table: an in-house agent recognised by its unit.
printf '[agent inhouse]\nname = In-house scanner\nservice = inhouse-av.service\n' > "$TMPDIR_TEST/own.rules"
printf '[plugin.antivirus]\nagents_table = %s\n' "$TMPDIR_TEST/own.rules" > "$TMPDIR_TEST/a.ini"
R=$(stage fail)
printf '[Unit]\n' > "$R/lib/systemd/system/inhouse-av.service"
ln -s /lib/systemd/system/inhouse-av.service "$R/etc/systemd/system/multi-user.target.wants/"
expect_status 0 run "$R" -c "$TMPDIR_TEST/a.ini"
[ "$(objects installed)" = '["In-house scanner"]' ] || fail "own table: $(objects installed)"
# A limit that cannot work, and an agent table that is not there, stop
# smeaudit before the audit: exit 3, FILE:LINE, no report.
printf '[plugin.antivirus]\nmax_signature_age = 0\n' > "$TMPDIR_TEST/bad.ini"
expect_config_error "$out" \
    '^smeaudit: antivirus: error: .*/bad.ini:2: max_signature_age: must be longer than 0$' \
    run "$TMPDIR_TEST/pass" -c "$TMPDIR_TEST/bad.ini"
printf '[plugin.antivirus]\n\nagents_table = %s/none.rules\n' "$TMPDIR_TEST" > "$TMPDIR_TEST/bad.ini"
expect_config_error "$out" \
    "^smeaudit: antivirus: error: .*/bad.ini:3: agents_table: $TMPDIR_TEST/none.rules: No such file or directory\$" \
    run "$TMPDIR_TEST/pass" -c "$TMPDIR_TEST/bad.ini"
exit 0
