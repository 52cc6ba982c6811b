#!/bin/sh
# SPDX-License-Identifier: MIT
# contrib/ansible/smeaudit.yml against localhost with the local connection
# (make installcheck): three inventory hosts, each unpacking the installed
# smeaudit from a tarball into a root of its own and auditing a fixture
# tree; one of them with a bad option, which fails that host only.  The
# reports are fetched and, when the local smeaudit has merge, merged.
set -eu
. "$top_srcdir/tests/lib.sh"
T=$TMPDIR_TEST

command -v ansible-playbook >/dev/null 2>&1 ||
    skip "needs ansible-playbook (Debian package ansible-core)"

# The installed smeaudit's own files, as "make install DESTDIR=..." and
# tar would give them to an administrator.
(cd / && tar -czf "$T/smeaudit.tar.gz" "${bindir#/}/smeaudit" "${pluginsdir#/}" \
    "${rulesdir#/}" "${smeauditconfdir#/}" "${localedir#/}/ja/LC_MESSAGES/smeaudit.mo")

mkdir -p "$T/hosts/web1" "$T/hosts/db1" "$T/hosts/bad" "$T/reports" "$T/ansible"
cat > "$T/inventory.ini" <<INVENTORY
[audited]
web1 smeaudit_archive_root=$T/hosts/web1 smeaudit_command=$T/hosts/web1$bindir/smeaudit smeaudit_options='["--root", "$FIXTURES/wifi/pass"]'
db1 smeaudit_archive_root=$T/hosts/db1 smeaudit_command=$T/hosts/db1$bindir/smeaudit smeaudit_options='["--root", "$FIXTURES/firewall/pass-ufw"]'
bad smeaudit_archive_root=$T/hosts/bad smeaudit_command=$T/hosts/bad$bindir/smeaudit smeaudit_options='["--now", "not a time"]'

[audited:vars]
ansible_connection=local
ansible_python_interpreter="{{ ansible_playbook_python }}"
INVENTORY
cat > "$T/vars.json" <<VARS
{"smeaudit_become": false, "smeaudit_archive": "$T/smeaudit.tar.gz",
 "smeaudit_report_dir": "$T/reports", "smeaudit_local_command": "$SMEAUDIT",
 "smeaudit_lang": "ja"}
VARS
: > "$T/ansible.cfg"

set +e
ANSIBLE_CONFIG=$T/ansible.cfg ANSIBLE_HOME=$T/ansible ANSIBLE_LOCAL_TEMP=$T/ansible/tmp \
ANSIBLE_REMOTE_TEMP=$T/ansible/remote ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 \
ANSIBLE_DEPRECATION_WARNINGS=0 \
    ansible-playbook -i "$T/inventory.ini" -e "@$T/vars.json" \
    "$top_srcdir/contrib/ansible/smeaudit.yml" > "$T/playbook.log" 2>&1
status=$?
set -e
cat "$T/playbook.log"
# 2: a host failed (bad), which must not stop the others.
[ "$status" -eq 2 ] || fail "ansible-playbook exited $status, not 2 (one host failed)"
grep -q '^bad *: ok=[0-9]* *changed=[0-9]* *unreachable=0 *failed=1' "$T/playbook.log" ||
    fail "the host with a bad option did not fail"

[ -x "$T/hosts/web1$bindir/smeaudit" ] || fail "the archive was not unpacked on web1"
for h in web1:pass-host db1:ufw-host; do
	f=$T/reports/${h%%:*}.json
	[ -f "$f" ] || fail "no report fetched from ${h%%:*}"
	assert_py "$f" "d['host']['hostname'] == '${h#*:}' and len(d['plugins']) > 0" "report of ${h%%:*}"
	assert_py "$f" "d['lang'] == 'ja'" "smeaudit_lang did not reach ${h%%:*}"
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is readable by others"
done
[ ! -e "$T/reports/bad.json" ] || fail "a report was fetched from the failed host"
[ "$(stat -c %a "$T/reports")" = 700 ] || fail "the report directory is open to others"

if "$SMEAUDIT" --lang en --help | grep -q '^  merge '; then
	set -- "$T"/reports/fleet-*.json
	[ -f "$1" ] || fail "no merged report"
	assert_py "$1" "sorted(h['hostname'] for h in d['fleet']['hosts']) == ['pass-host', 'ufw-host']" \
	    "the merged report does not hold both hosts"
	assert_py "$1" "d['lang'] == 'ja'" "smeaudit_lang did not reach the merge"
	if "$SMEAUDIT" --lang en --help | grep -q 'report format: .*\bhtml\b'; then
		set -- "$T"/reports/fleet-*.html
		[ -f "$1" ] || fail "no merged HTML report"
		grep -q '^<html lang="ja">' "$1" || fail "the merged HTML report is not in Japanese"
	fi
else
	grep -q 'not merged: this smeaudit has no merge command' "$T/playbook.log" ||
	    fail "the playbook does not say why it did not merge"
	! ls "$T"/reports/fleet-* > /dev/null 2>&1 || fail "a merged report without merge"
fi
