#!/bin/sh
# SPDX-License-Identifier: MIT
# The wifi plugin end to end over fixture roots: pass, fail, partial,
# cannot tell and not applicable, item 9's score in the JSON report, and
# never a passphrase in any report.
set -eu
. "$top_srcdir/tests/lib.sh"

F=$FIXTURES/wifi
out=$TMPDIR_TEST/out.json

# count FILE CHECK LEVEL: the count of a finding, 0 when absent.
count() {
	jq_py "$1" "sum(f['count'] for f in d['findings'] if f['check'] == '$2' and str(f['level']) == '$3')"
}
item() {
	jq_py "$1" "[(i['score'], i['applicable'], i.get('unknown_reason')) for i in d['items'] if i['number'] == $2][0]"
}
no_secret() {
	! grep -q 'fixture-secret' "$@" || fail "a passphrase reached a report: $*"
}

# Pass: WPA2 and WPA3 profiles from all three tools, secrets in 0600 files.
cp -a "$F/pass" "$TMPDIR_TEST/pass"
chmod 600 "$TMPDIR_TEST/pass/etc/NetworkManager/system-connections/Office.nmconnection" \
    "$TMPDIR_TEST/pass/etc/wpa_supplicant/wpa_supplicant.conf"
expect_status 0 "$SMEAUDIT" --plugin wifi --root "$TMPDIR_TEST/pass" --format json --output "$out"
[ "$(item "$out" 9)" = '[4, true, null]' ] || fail "pass: item 9 is $(item "$out" 9)"
# Lab (SAE), Office, Branch, Corp, iwd Guest-Staff; the wired profile is ignored.
[ "$(count "$out" wifi.open-network 4)" = 5 ] || fail "pass: open-network ok $(count "$out" wifi.open-network 4)"
[ "$(count "$out" wifi.wep 4)" = 5 ] || fail "pass: wep ok"
[ "$(count "$out" wifi.wpa-tkip 4)" = 5 ] || fail "pass: wpa-tkip ok"
[ "$(count "$out" wifi.psk-readable 4)" = 2 ] || fail "pass: psk-readable ok"
assert_py "$out" "not any('Wired' in e for f in d['findings'] for e in f['examples'])" "wired profile listed"
no_secret "$out"

# Fail: open, WEP, WPA/TKIP-only, and passphrases in world-readable files.
cp -a "$F/fail" "$TMPDIR_TEST/fail"
chmod 644 "$TMPDIR_TEST/fail/etc/NetworkManager/system-connections/OldPrinter.nmconnection" \
    "$TMPDIR_TEST/fail/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"
expect_status 1 "$SMEAUDIT" --plugin wifi --root "$TMPDIR_TEST/fail" --format json --output "$out"
[ "$(item "$out" 9)" = '[0, true, null]' ] || fail "fail: item 9 is $(item "$out" 9)"
[ "$(count "$out" wifi.open-network 0)" = 3 ] || fail "fail: open networks"
[ "$(count "$out" wifi.wep 0)" = 1 ] || fail "fail: WEP"
[ "$(count "$out" wifi.wpa-tkip 0)" = 1 ] || fail "fail: TKIP"
[ "$(count "$out" wifi.psk-readable 0)" = 2 ] || fail "fail: readable secrets"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'wifi.wep'][0]['severity'] == 'high'"
assert_py "$out" "'wifi.wep:not' in [i for i in d['items'] if i['number'] == 9][0]['finding_ids']"
no_secret "$out"
"$SMEAUDIT" --plugin wifi --root "$TMPDIR_TEST/fail" --lang ja > "$TMPDIR_TEST/fail-ja.txt" || true
grep -q '無線LANの接続設定が WEP を使っている' "$TMPDIR_TEST/fail-ja.txt" || fail "Japanese title missing"
grep -q 'WPA2(AES/CCMP)または WPA3' "$TMPDIR_TEST/fail-ja.txt" || fail "Japanese remediation missing"
no_secret "$TMPDIR_TEST/fail-ja.txt"
"$SMEAUDIT" --plugin wifi --root "$TMPDIR_TEST/fail" > "$TMPDIR_TEST/fail-en.txt" || true
grep -q 'Wi-Fi profile uses WEP' "$TMPDIR_TEST/fail-en.txt" || fail "English title missing"
no_secret "$TMPDIR_TEST/fail-en.txt"

# Partial: one good profile, one with a TKIP fallback, one Enhanced Open.
expect_status 1 "$SMEAUDIT" --plugin wifi --root "$F/partial" --format json --output "$out"
[ "$(item "$out" 9)" = '[2, true, null]' ] || fail "partial: item 9 is $(item "$out" 9)"
[ "$(count "$out" wifi.wpa-tkip 2)" = 1 ] || fail "partial: TKIP fallback"
[ "$(count "$out" wifi.open-network 2)" = 1 ] || fail "partial: OWE"
[ "$(count "$out" wifi.open-network 4)" = 1 ] || fail "partial: the good profile"

# Cannot tell: a key management nobody knows, and a file smeaudit cannot read.
expect_status 2 "$SMEAUDIT" --plugin wifi --root "$F/unknown" --format json --output "$out"
[ "$(item "$out" 9)" = '[-1, true, "cannot-tell"]' ] || fail "unknown: item 9 is $(item "$out" 9)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'wifi.profiles'][0]['evidence'].startswith('unrecognised: key-mgmt=wpa-quantum')"
cp -a "$F/unknown" "$TMPDIR_TEST/unreadable"
chmod 000 "$TMPDIR_TEST/unreadable/etc/NetworkManager/system-connections/Future.nmconnection"
mkdir "$TMPDIR_TEST/nb" && chmod 777 "$TMPDIR_TEST/nb"
expect_status 2 as_nobody "$SMEAUDIT" --plugin wifi --root "$TMPDIR_TEST/unreadable" \
    --format json --output "$TMPDIR_TEST/nb/out.json"
assert_py "$TMPDIR_TEST/nb/out.json" "[f for f in d['findings'] if f['check'] == 'wifi.profiles'][0]['evidence'] == 'insufficient privilege: permission denied'"
[ "$(item "$TMPDIR_TEST/nb/out.json" 9)" = '[-1, true, "cannot-tell"]' ] || fail "unreadable: item 9"

# No Wi-Fi at all: not applicable, scored 4, the plugin skipped; nothing
# was assessed, so the run exits 2.
expect_status 2 "$SMEAUDIT" --plugin wifi --root "$FIXTURES/roots/minimal" --format json --output "$out"
[ "$(item "$out" 9)" = '[4, false, null]' ] || fail "none: item 9 is $(item "$out" 9)"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"
[ "$(count "$out" wifi.profiles na)" = 1 ] || fail "none: NA finding"
"$SMEAUDIT" --plugin wifi --root "$FIXTURES/roots/minimal" > "$TMPDIR_TEST/na.txt" || true
grep -q 'not applicable' "$TMPDIR_TEST/na.txt" || fail "text report does not say not applicable"

# --list shows the plugin and its item.
"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'wifi'][0]['items'] == [9]"
exit 0
