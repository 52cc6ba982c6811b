#!/bin/sh
# SPDX-License-Identifier: MIT
# The encryption plugin end to end over fixture roots: LVM on LUKS, plain
# disks, a mix, filesystems named by UUID, and the USB storage policy.
set -eu
. "$top_srcdir/tests/lib.sh"

F=$FIXTURES/encryption
out=$TMPDIR_TEST/out.json

count() {
	jq_py "$1" "sum(f['count'] for f in d['findings'] if f['check'] == '$2' and str(f['level']) == '$3')"
}
item() {
	jq_py "$1" "[(i['score'], i['applicable'], i.get('unknown_reason')) for i in d['items'] if i['number'] == $2][0]"
}
examples() {
	jq_py "$1" "sorted(e for f in d['findings'] if f['check'] == '$2' and str(f['level']) == '$3' for e in f['examples'])"
}

# Pass: /, /home and swap on LVM on LUKS; USB storage blocked; /boot skipped.
expect_status 0 "$SMEAUDIT" --plugin encryption --root "$F/pass" --format json --output "$out"
[ "$(item "$out" 13)" = '[4, true, null]' ] || fail "pass: item 13 is $(item "$out" 13)"
[ "$(count "$out" encryption.volume 4)" = 3 ] || fail "pass: volumes"
[ "$(examples "$out" encryption.volume 4)" = '["/ (/dev/mapper/debian--vg-root, ext4)", "/home (/dev/mapper/debian--vg-home, ext4)", "swap (/dev/mapper/debian--vg-swap_1, swap)"]' ] ||
    fail "pass: $(examples "$out" encryption.volume 4)"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'encryption.volume'][0]['evidence'] == 'LVM debian-vg/root on dm-crypt mapping sda3_crypt (/etc/crypttab)'"
[ "$(count "$out" encryption.usb-storage 4)" = 1 ] || fail "pass: usb-storage"

# Fail: nothing is unlocked at boot; the NFS home is not local data.
expect_status 1 "$SMEAUDIT" --plugin encryption --root "$F/fail" --format json --output "$out"
[ "$(item "$out" 13)" = '[0, true, null]' ] || fail "fail: item 13 is $(item "$out" 13)"
[ "$(count "$out" encryption.volume 0)" = 3 ] || fail "fail: volumes"
assert_py "$out" "not any('/home' in e for f in d['findings'] for e in f['examples'])" "NFS counted"
# The default policy reports usable USB storage without scoring it.
[ "$(count "$out" encryption.usb-storage na)" = 1 ] || fail "fail: usb-storage inform"
"$SMEAUDIT" --plugin encryption --root "$F/fail" --lang ja > "$TMPDIR_TEST/ja.txt" || true
grep -q 'データを保存するファイルシステムまたはスワップが暗号化されていない' "$TMPDIR_TEST/ja.txt" ||
    fail "Japanese title missing"
grep -q 'cryptsetup' "$TMPDIR_TEST/ja.txt" || fail "Japanese remediation missing"

# Policy: require makes usable USB storage a failure; ignore drops the check.
printf '[plugin.encryption]\nusb_storage = require\nignore_mount = /srv/share\n' > "$TMPDIR_TEST/req.ini"
expect_status 1 "$SMEAUDIT" -c "$TMPDIR_TEST/req.ini" --plugin encryption --root "$F/fail" \
    --format json --output "$out"
[ "$(count "$out" encryption.usb-storage 0)" = 1 ] || fail "require: usb-storage"
[ "$(count "$out" encryption.volume 0)" = 2 ] || fail "ignore_mount"
printf '[plugin.encryption]\nusb_storage = ignore\n' > "$TMPDIR_TEST/ign.ini"
expect_status 1 "$SMEAUDIT" -c "$TMPDIR_TEST/ign.ini" --plugin encryption --root "$F/fail" \
    --format json --output "$out"
assert_py "$out" "not any(f['check'] == 'encryption.usb-storage' for f in d['findings'])"
# A value the plugin cannot use stops smeaudit before the audit: exit 3,
# one line naming file and line, no report.
bad() { expect_bad_setting encryption "$F/fail" "$1" "$2"; }
bad '[plugin.encryption]\nusb_storage = never\n' '2: usb_storage: "never" is not one of require, inform, ignore'
bad '[plugin.encryption]\nignore_mount = /srv\nignore_mount = data\n' '3: ignore_mount: "data" is not a mount point'

# Partial: the root is LUKS, the data partition is not.
expect_status 1 "$SMEAUDIT" --plugin encryption --root "$F/partial" --format json --output "$out"
[ "$(item "$out" 13)" = '[2, true, null]' ] || fail "partial: item 13 is $(item "$out" 13)"
[ "$(examples "$out" encryption.volume 0)" = '["/srv/data (PARTUUID=6a0b1c2d-03, ext4)"]' ] || fail "partial: plain"

# Cannot tell: crypttab unlocks something, fstab names filesystems by UUID.
expect_status 2 "$SMEAUDIT" --plugin encryption --root "$F/unknown" --format json --output "$out"
[ "$(item "$out" 13)" = '[-1, true, "cannot-tell"]' ] || fail "unknown: item 13 is $(item "$out" 13)"
[ "$(count "$out" encryption.volume -1)" = 2 ] || fail "unknown: volumes"
# No fstab at all: cannot tell either.
expect_status 2 "$SMEAUDIT" --plugin encryption --root "$FIXTURES/roots/minimal" --format json --output "$out"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'encryption.volume'][0]['evidence'] == 'not found'"

"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'encryption'][0]['items'] == [13]"
exit 0
