#!/bin/sh
# SPDX-License-Identifier: MIT
# The firewall plugin end to end over fixture roots: nftables (with an
# included file), ufw, iptables-persistent and firewalld, item 10's score,
# the listening check's "cannot tell" under --root and a bad allowlist.
set -eu
. "$top_srcdir/tests/lib.sh"

F=$FIXTURES/firewall
out=$TMPDIR_TEST/out.json

count() {
	jq_py "$1" "sum(f['count'] for f in d['findings'] if f['check'] == '$2' and str(f['level']) == '$3')"
}
item() {
	jq_py "$1" "[(i['score'], i['applicable'], i.get('unknown_reason')) for i in d['items'] if i['number'] == $2][0]"
}
evidence() {
	jq_py "$1" "[f['evidence'] for f in d['findings'] if f['check'] == '$2' and str(f['level']) == '$3'][0]"
}

# Pass: nftables enabled at boot, input policy drop from an included file.
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$F/pass-nft" --format json --output "$out"
[ "$(item "$out" 10)" = '[4, true, null]' ] || fail "nft: item 10 is $(item "$out" 10)"
[ "$(evidence "$out" firewall.default-deny 4)" = 'inet filter input: policy drop' ] ||
    fail "nft: $(evidence "$out" firewall.default-deny 4)"
[ "$(evidence "$out" firewall.enabled 4)" = 'nftables.service enabled (sysinit.target.wants)' ] ||
    fail "nft: $(evidence "$out" firewall.enabled 4)"
# Under --root the sockets cannot be seen: said so, and not scored as a pass.
[ "$(count "$out" firewall.exposed-services -1)" = 1 ] || fail "nft: listening check"
case "$(evidence "$out" firewall.exposed-services -1)" in
*"--root"*) ;;
*) fail "the listening check gives no reason" ;;
esac

# Pass: ufw enabled with its default deny, IPv6 included.
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$F/pass-ufw" --format json --output "$out"
[ "$(item "$out" 10)" = '[4, true, null]' ] || fail "ufw: item 10 is $(item "$out" 10)"
[ "$(evidence "$out" firewall.default-deny 4)" = 'DEFAULT_INPUT_POLICY=DROP, IPV6=yes' ] || fail "ufw evidence"

# ufw switched to accept: enabled, but inbound is open.
cp -a "$F/pass-ufw" "$TMPDIR_TEST/ufw-accept"
sed -i 's/^DEFAULT_INPUT_POLICY=.*/DEFAULT_INPUT_POLICY="ACCEPT"/' "$TMPDIR_TEST/ufw-accept/etc/default/ufw"
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$TMPDIR_TEST/ufw-accept" --format json --output "$out"
[ "$(item "$out" 10)" = '[2, true, null]' ] || fail "ufw accept: item 10 is $(item "$out" 10)"
[ "$(count "$out" firewall.default-deny 0)" = 1 ] || fail "ufw accept: default-deny"
# ENABLED=no: nothing starts a firewall.
sed -i 's/^ENABLED=yes/ENABLED=no/' "$TMPDIR_TEST/ufw-accept/etc/ufw/ufw.conf"
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$TMPDIR_TEST/ufw-accept" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 0)" = '/etc/ufw/ufw.conf present, ENABLED=no' ] ||
    fail "ufw disabled: $(evidence "$out" firewall.enabled 0)"

# Fail: Debian's accept-all nftables.conf, and the service never enabled.
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$F/fail" --format json --output "$out"
[ "$(item "$out" 10)" = '[0, true, null]' ] || fail "fail: item 10 is $(item "$out" 10)"
[ "$(evidence "$out" firewall.enabled 0)" = '/etc/nftables.conf present, nftables.service not enabled' ] ||
    fail "fail: $(evidence "$out" firewall.enabled 0)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'firewall.enabled'][0]['severity'] == 'high'"
# Enabled, the same ruleset is enabled but still open.
cp -a "$F/fail" "$TMPDIR_TEST/fail-enabled"
mkdir -p "$TMPDIR_TEST/fail-enabled/etc/systemd/system/sysinit.target.wants"
ln -s /lib/systemd/system/nftables.service "$TMPDIR_TEST/fail-enabled/etc/systemd/system/sysinit.target.wants/"
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$TMPDIR_TEST/fail-enabled" --format json --output "$out"
[ "$(evidence "$out" firewall.default-deny 0)" = 'inet filter input: policy accept and no final drop/reject' ] ||
    fail "fail-enabled: $(evidence "$out" firewall.default-deny 0)"
# Masked: a wants link does not start a masked unit.
ln -s /dev/null "$TMPDIR_TEST/fail-enabled/etc/systemd/system/nftables.service"
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$TMPDIR_TEST/fail-enabled" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 0)" = '/etc/nftables.conf present, nftables.service is masked' ] ||
    fail "masked: $(evidence "$out" firewall.enabled 0)"

# Partial: iptables-persistent covers IPv4 only, firewalld sits in "trusted".
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$F/partial" --format json --output "$out"
[ "$(item "$out" 10)" = '[2, true, null]' ] || fail "partial: item 10 is $(item "$out" 10)"
[ "$(count "$out" firewall.enabled 4)" = 2 ] || fail "partial: two firewalls enabled"
[ "$(count "$out" firewall.default-deny 2)" = 1 ] || fail "partial: IPv4-only rules"
[ "$(count "$out" firewall.default-deny 0)" = 1 ] || fail "partial: trusted zone"
[ "$(evidence "$out" firewall.default-deny 0)" = 'default zone trusted (built-in), target ACCEPT' ] ||
    fail "partial: $(evidence "$out" firewall.default-deny 0)"
# With IPv6 switched off in sysctl, IPv4 rules cover everything.
cp -a "$F/partial" "$TMPDIR_TEST/v6off"
rm "$TMPDIR_TEST/v6off/etc/firewalld/firewalld.conf"
mkdir -p "$TMPDIR_TEST/v6off/etc/sysctl.d"
printf '# no IPv6 here\nnet.ipv6.conf.all.disable_ipv6 = 1\n' > "$TMPDIR_TEST/v6off/etc/sysctl.d/10-noipv6.conf"
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$TMPDIR_TEST/v6off" --format json --output "$out"
[ "$(item "$out" 10)" = '[4, true, null]' ] || fail "v6off: item 10 is $(item "$out" 10)"

# Cannot tell: a ruleset, but no init system says whether it is loaded.
expect_status 2 "$SMEAUDIT" --plugin firewall --root "$F/unknown" --format json --output "$out"
[ "$(item "$out" 10)" = '[-1, true, "cannot-tell"]' ] || fail "unknown: item 10 is $(item "$out" 10)"
[ "$(count "$out" firewall.enabled -1)" = 1 ] || fail "unknown: enabled"
[ "$(count "$out" firewall.default-deny -1)$(count "$out" firewall.default-deny 4)" = 00 ] ||
    fail "unknown: a ruleset that may not run was judged"

# Init systems other than systemd: a SysV start link, an OpenRC runlevel.
sysv=$TMPDIR_TEST/sysv
cp -a "$F/unknown" "$sysv"
mkdir -p "$sysv/etc/init.d" "$sysv/etc/rc2.d"
printf '#!/bin/sh\n' > "$sysv/etc/init.d/nftables"
ln -s ../init.d/nftables "$sysv/etc/rc2.d/S01nftables"
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$sysv" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 4)" = '/etc/rc2.d/S01nftables' ] ||
    fail "sysv: $(evidence "$out" firewall.enabled 4)"
openrc=$TMPDIR_TEST/openrc
cp -a "$F/unknown" "$openrc"
mkdir -p "$openrc/etc/init.d" "$openrc/etc/runlevels/default"
printf '#!/sbin/openrc-run\n' > "$openrc/etc/init.d/nftables"
ln -s /etc/init.d/nftables "$openrc/etc/runlevels/default/nftables"
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$openrc" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 4)" = '/etc/runlevels/default/nftables' ] ||
    fail "openrc: $(evidence "$out" firewall.enabled 4)"
# On systemd an init script without a unit starts from its rc link (the
# sysv generator); once a unit of that name exists, only systemd decides.
mkdir -p "$sysv/etc/systemd/system"
expect_status 0 "$SMEAUDIT" --plugin firewall --root "$sysv" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 4)" = '/etc/rc2.d/S01nftables' ] ||
    fail "sysv generator: $(evidence "$out" firewall.enabled 4)"
mkdir -p "$sysv/lib/systemd/system"
printf '[Unit]\n' > "$sysv/lib/systemd/system/nftables.service"
expect_status 1 "$SMEAUDIT" --plugin firewall --root "$sysv" --format json --output "$out"
[ "$(evidence "$out" firewall.enabled 0)" = '/etc/nftables.conf present, nftables.service not enabled' ] ||
    fail "unit beats rc link: $(evidence "$out" firewall.enabled 0)"

# A bad allowlist entry stops the run before anything is audited: exit 3,
# the file and line of the entry, and no report.
printf '[plugin.firewall]\nallow_listen = tcp/22\nallow_listen = udp/68 http\n' > "$TMPDIR_TEST/bad.ini"
expect_config_error "$out" \
    '^smeaudit: firewall: error: .*/bad.ini:3: allow_listen: bad entry "http"' \
    "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" --plugin firewall --root "$F/pass-nft" \
    --format json --output "$out"

"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'firewall'][0]['items'] == [10]"
exit 0
