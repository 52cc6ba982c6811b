#!/bin/sh
# SPDX-License-Identifier: MIT
# The logging plugin (the machine-checkable part of item 24) on fixture
# roots: pass, fail, partial and cannot-tell, plus journald details.
set -eu
. "$top_srcdir/tests/lib.sh"

export TZ=UTC
F=$FIXTURES/logging
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
	"$SMEAUDIT" --plugin logging --root "$root" --now "$NOW" --format json \
	    --output "$out" "$@"
}
levels() { jq_py "$out" "sorted(f['level'] for f in d['findings'] if f['check'] == 'logging.$1')"; }
expect_levels() {
	got=$(levels "$1")
	[ "$got" = "$2" ] || fail "logging.$1: levels $got, expected $2"
}
evidence() { jq_py "$out" "[f['evidence'] for f in d['findings'] if f['check'] == 'logging.$1'][0]"; }
objects() { jq_py "$out" "sorted(e for f in d['findings'] if f['check'] == 'logging.$1' for e in f['examples'])"; }

"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'logging'][0]['items'] == [24]"
assert_py "$TMPDIR_TEST/list.json" "sorted(c['id'] for c in [p for p in d if p['name'] == 'logging'][0]['checks']) == ['logging.auditd', 'logging.persistent', 'logging.retention']"
# Item 24 is still a question for a person; the plugin only adds evidence.
"$SMEAUDIT" --list-items --format json > "$TMPDIR_TEST/items.json"
assert_py "$TMPDIR_TEST/items.json" "[i for i in d if i['number'] == 24][0]['needs_answer'] is True and 'logging' in [i for i in d if i['number'] == 24][0]['plugins']"

# --- pass: rsyslog keeps 13 weeks, the journal 5 months, auditd records ---
R=$(stage pass)
expect_status 0 run "$R"
[ "$(item_score "$out" 24)" = 4 ] || fail "pass: item 24 is $(item_score "$out" 24)"
expect_levels persistent "[4]"
expect_levels auditd "[4]"
expect_levels retention "[4]"
evidence persistent | grep -q 'journald Storage=auto, /var/log/journal exists; rsyslog enabled, 2 log files configured, forwards to a log server$' ||
    fail "pass: $(evidence persistent)"
evidence auditd | grep -q 'auditd enabled; 3 watch/syscall rules$' || fail "pass: $(evidence auditd)"
[ "$(objects retention)" = '["/var/log/auth.log", "/var/log/journal", "/var/log/syslog"]' ] ||
    fail "pass: retention objects $(objects retention)"
evidence retention | grep -q 'logrotate.d/rsyslog:7: 13 rotations of a week kept, about 91d (need 90d)$' ||
    fail "pass: $(evidence retention)"
# Without rsyslog the journal carries the logs: its oldest entry comes
# from the file headers (the corrupt-marked .journal~ is skipped).
rm "$R/etc/systemd/system/multi-user.target.wants/rsyslog.service"
expect_status 0 run "$R"
evidence persistent | grep -q 'rsyslog disabled' || fail "no rsyslog: $(evidence persistent)"
evidence retention | grep -q '^the journal reaches back to 2025-10-01 06:00 UTC (need 90d)$' ||
    fail "journal: $(evidence retention)"
# A stricter site wants half a year.
printf '[plugin.logging]\nmin_retention = 26w\n' > "$TMPDIR_TEST/l.ini"
expect_status 0 run "$R" -c "$TMPDIR_TEST/l.ini"
expect_levels retention "[-1]"
evidence retention | grep -q 'reaches back to 2025-10-01 06:00 UTC, less than 182d' ||
    fail "26w: $(evidence retention)"
# MaxRetentionSec shorter than the need is a finding of its own.
mkdir -p "$R/etc/systemd/journald.conf.d"
printf '[Journal]\nMaxRetentionSec=2weeks\n' > "$R/etc/systemd/journald.conf.d/retain.conf"
expect_status 1 run "$R"
assert_py "$out" "any(f['level'] == 2 and 'MaxRetentionSec=14d removes' in f['evidence'] for f in d['findings'] if f['check'] == 'logging.retention')"

# --- fail: logs live in RAM only, no audit trail ---
R=$(stage fail)
expect_status 1 run "$R"
[ "$(item_score "$out" 24)" = 0 ] || fail "fail: item 24 is $(item_score "$out" 24)"
expect_levels persistent "[0]"
expect_levels auditd "[0]"
expect_levels retention "[0]"
evidence persistent | grep -q 'journald Storage=volatile, /var/log/journal missing; no syslog daemon' ||
    fail "fail: $(evidence persistent)"
assert_py "$out" "'Storage=persistent' in [f for f in d['findings'] if f['check'] == 'logging.persistent'][0]['texts']['ja']['remediation']"
# A site without auditd by policy: not applicable instead of a finding.
printf '[plugin.logging]\nrequire_auditd = no\n' > "$TMPDIR_TEST/l.ini"
expect_status 1 run "$R" -c "$TMPDIR_TEST/l.ini"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'logging.auditd'][0]['level'] == 'na'"
# Drop-ins apply in name order: a later one overrides the volatile one.
mkdir -p "$R/etc/systemd/journald.conf.d"
printf '[Journal]\nStorage=persistent\n' > "$R/etc/systemd/journald.conf.d/20-disk.conf"
expect_status 1 run "$R"
expect_levels persistent "[4]"

# --- partial: rsyslog keeps Debian's default 4 weeks, auditd installed but off ---
R=$(stage partial)
expect_status 1 run "$R"
[ "$(item_score "$out" 24)" = 2 ] || fail "partial: item 24 is $(item_score "$out" 24)"
expect_levels persistent "[4]"
expect_levels auditd "[0]"
expect_levels retention "[2]"
evidence auditd | grep -q 'auditd.service is disabled' || fail "partial: $(evidence auditd)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'logging.retention'][0]['count'] == 2"
evidence retention | grep -q '4 rotations of a week kept, about 28d (need 90d)' || fail "partial: $(evidence retention)"
# The vendor drop-in made the journal volatile: its old files do not count.
evidence persistent | grep -q 'Storage=volatile' || fail "partial: $(evidence persistent)"
# An /etc drop-in of the same name hides the vendor one.
mkdir -p "$R/etc/systemd/journald.conf.d"
printf '[Journal]\n' > "$R/etc/systemd/journald.conf.d/syslog.conf"
expect_status 1 run "$R"
evidence persistent | grep -q 'Storage=auto, /var/log/journal exists' || fail "hidden drop-in: $(evidence persistent)"
# The journal there only reaches back two weeks: cannot tell (young or capped).
assert_py "$out" "any(f['level'] == -1 and 'reaches back to 2026-02-15' in f['evidence'] for f in d['findings'] if f['check'] == 'logging.retention')"

# Forwarding only, journal in RAM: the logs persist on the log server,
# whose retention this host cannot show.
printf '*.* @@logs.example.jp:6514\n' > "$R/etc/rsyslog.conf"
rm "$R/etc/systemd/journald.conf.d/syslog.conf"
expect_status 1 run "$R"
expect_levels persistent "[4]"
expect_levels retention "[-1]"
evidence persistent | grep -q 'rsyslog enabled, 0 log files configured, forwards to a log server' ||
    fail "forwarding: $(evidence persistent)"
evidence retention | grep -q 'forwarded to a log server' || fail "forwarding: $(evidence retention)"

# --- cannot tell: journald.conf and the package list unreadable ---
R=$(stage unknown)
mkdir -p "$R/var/log/journal"
chmod 000 "$R/etc/systemd/journald.conf" "$R/var/lib/dpkg/status"
mkdir -m 1777 "$TMPDIR_TEST/nobody"
set +e
as_nobody "$SMEAUDIT" --plugin logging --root "$R" --now "$NOW" --format json \
    --output "$TMPDIR_TEST/nobody/out.json"
status=$?
set -e
out=$TMPDIR_TEST/nobody/out.json
[ "$status" = 2 ] || fail "cannot-tell: exit $status"
assert_py "$out" "[i for i in d['items'] if i['number'] == 24][0]['unknown_reason'] == 'cannot-tell'"
expect_levels persistent "[-1]"
expect_levels auditd "[-1]"
expect_levels retention "[-1]"
evidence persistent | grep -q '/etc/systemd/journald.conf: Permission denied' || fail "cannot-tell: $(evidence persistent)"
# --- a limit that cannot work stops smeaudit before the audit ---
R=$(stage unknown)
printf '[plugin.logging]\nrequire_auditd = no\nmin_retention = 0\n' > "$TMPDIR_TEST/bad.ini"
expect_config_error "$TMPDIR_TEST/bad.json" \
    '^smeaudit: logging: error: .*/bad.ini:3: min_retention: must be longer than 0$' \
    "$SMEAUDIT" --plugin logging --root "$R" -c "$TMPDIR_TEST/bad.ini" \
    --format json --output "$TMPDIR_TEST/bad.json"
exit 0
