#!/bin/sh
# SPDX-License-Identifier: MIT
# The screenlock plugin end to end over fixture roots: headless servers
# (TMOUT), GNOME with dconf locks, KDE with users' own files (read only
# when they are the user's regular files), XFCE, and a desktop smeaudit
# cannot assess.
set -eu
. "$top_srcdir/tests/lib.sh"

F=$FIXTURES/screenlock
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
run() {
	want=$1
	shift
	expect_status "$want" "$SMEAUDIT" --plugin screenlock --format json --output "$out" "$@"
}

# Headless server: the desktop is not applicable, a readonly TMOUT passes.
run 0 --root "$F/headless-pass"
[ "$(item "$out" 14)" = '[4, true, null]' ] || fail "headless: item 14 is $(item "$out" 14)"
[ "$(count "$out" screenlock.desktop na)" = 1 ] || fail "headless: desktop NA"
[ "$(evidence "$out" screenlock.console-timeout 4)" = 'TMOUT=600s, readonly' ] || fail "headless: evidence"
# A stricter policy: ten minutes is too long.
printf '[plugin.screenlock]\nmax_idle = 5m\n' > "$TMPDIR_TEST/5m.ini"
run 1 -c "$TMPDIR_TEST/5m.ini" --root "$F/headless-pass"
[ "$(item "$out" 14)" = '[2, true, null]' ] || fail "5m: item 14"
# Headless and TMOUT=0: nothing locks.
run 1 --root "$F/headless-fail"
[ "$(item "$out" 14)" = '[0, true, null]' ] || fail "headless-fail: item 14 is $(item "$out" 14)"
[ "$(evidence "$out" screenlock.console-timeout 0)" = 'TMOUT=0 (never)' ] || fail "headless-fail evidence"
# Only the desktop checks become not applicable: with TMOUT ignored too,
# the item is not applicable as a whole (nothing assessed: exit 2).
printf '[plugin.screenlock]\nconsole_timeout = ignore\n' > "$TMPDIR_TEST/ign.ini"
run 2 -c "$TMPDIR_TEST/ign.ini" --root "$F/headless-fail"
[ "$(item "$out" 14)" = '[4, false, null]' ] || fail "ignore: item 14 is $(item "$out" 14)"

# GNOME: system dconf settings, locked and compiled.
cp -a "$F/gnome-pass" "$TMPDIR_TEST/gnome"
G=$TMPDIR_TEST/gnome/etc/dconf/db
touch -d '2025-01-01 00:00' "$G/local.d/00-screensaver" "$G/local.d/locks/screensaver"
touch -d '2025-01-02 00:00' "$G/local"
run 0 --root "$TMPDIR_TEST/gnome"
[ "$(item "$out" 14)" = '[4, true, null]' ] || fail "gnome: item 14 is $(item "$out" 14)"
[ "$(count "$out" screenlock.console-timeout na)" = 1 ] || fail "gnome: TMOUT only informs on a desktop"
# A keyfile changed after the last "dconf update": not in effect yet.
touch -d '2025-01-03 00:00' "$G/local.d/00-screensaver"
run 1 --root "$TMPDIR_TEST/gnome"
[ "$(count "$out" screenlock.gnome 2)" = 1 ] || fail "gnome stale: partly"
case "$(evidence "$out" screenlock.gnome 2)" in
*"run dconf update: local"*) ;;
*) fail "gnome stale: $(evidence "$out" screenlock.gnome 2)" ;;
esac
touch -d '2025-01-04 00:00' "$G/local"
# Without the locks users may change it: partly, unless policy accepts that.
rm "$G/local.d/locks/screensaver"
run 1 --root "$TMPDIR_TEST/gnome"
[ "$(count "$out" screenlock.gnome 2)" = 1 ] || fail "gnome unlocked: partly"
printf '[plugin.screenlock]\nrequire_enforced = no\n' > "$TMPDIR_TEST/loose.ini"
run 0 -c "$TMPDIR_TEST/loose.ini" --root "$TMPDIR_TEST/gnome"
[ "$(count "$out" screenlock.gnome 4)" = 1 ] || fail "gnome unlocked, not required: ok"
sed -i 's/lock-enabled=true/lock-enabled=false/' "$G/local.d/00-screensaver"
touch -d '2025-01-05 00:00' "$G/local"
run 1 --root "$TMPDIR_TEST/gnome"
[ "$(item "$out" 14)" = '[0, true, null]' ] || fail "gnome lock disabled: item 14 is $(item "$out" 14)"
# No profile: the system databases do not apply; GNOME's defaults do.
rm "$TMPDIR_TEST/gnome/etc/dconf/profile/user"
run 1 --root "$TMPDIR_TEST/gnome"
case "$(evidence "$out" screenlock.gnome 2)" in
*"idle-delay=300s (default)"*"no /etc/dconf/profile/user"*) ;;
*) fail "gnome no profile: $(evidence "$out" screenlock.gnome 2)" ;;
esac

# KDE: the system default may be changed; alice turned it off.  bob's file
# links to /etc/shadow and carol's is a FIFO: neither is read.
cp -a "$F/kde-partial" "$TMPDIR_TEST/kde"
K=$TMPDIR_TEST/kde
# git keeps no empty directories: carol has nothing but the FIFO.
mkdir -p "$K/home/carol/.config"
mkfifo "$K/home/carol/.config/kscreenlockerrc"
if [ "$(id -u)" -eq 0 ]; then
	chown -R 1000:1000 "$K/home/alice"
	chown -R 1002:1002 "$K/home/carol"
fi
run 1 --root "$K"
[ "$(item "$out" 14)" = '[2, true, null]' ] || fail "kde: item 14 is $(item "$out" 14)"
[ "$(count "$out" screenlock.kde 2)" = 1 ] || fail "kde: system default not enforced"
unread() {
	jq_py "$out" "sorted(e for f in d['findings'] if f['check'] == 'screenlock.kde' and f['level'] == -1 for e in f['examples'])"
}
case "$(unread)" in
*'"/home/bob/.config/kscreenlockerrc (user bob): not owned by the user, not read"'*) ;;
*) fail "kde: bob's link to /etc/shadow: $(unread)" ;;
esac
case "$(unread)" in
*'"/home/carol/.config/kscreenlockerrc (user carol): not a regular file"'*) ;;
*) fail "kde: carol's FIFO: $(unread)" ;;
esac
if [ "$(id -u)" -eq 0 ]; then
	[ "$(jq_py "$out" "sum(f['count'] for f in d['findings'] if f['check'] == 'screenlock.kde' and f['level'] == -1)")" = 2 ] ||
	    fail "kde: alice's own file was not read: $(unread)"
	[ "$(count "$out" screenlock.kde 0)" = 1 ] || fail "kde: alice's Autolock=false"
	case "$(evidence "$out" screenlock.kde 0)" in
	"Autolock=false, Timeout=5 min, LockGrace=5s (user's settings)") ;;
	*) fail "kde alice: $(evidence "$out" screenlock.kde 0)" ;;
	esac
	# A file over the size limit is refused, not read.
	rm "$K/home/carol/.config/kscreenlockerrc"
	head -c 70000 /dev/zero | tr '\0' '#' > "$K/home/carol/.config/kscreenlockerrc"
	chown 1002:1002 "$K/home/carol/.config/kscreenlockerrc"
	run 1 --root "$K"
	case "$(unread)" in
	*"(user carol): file too large"*) ;;
	*) fail "kde large file: $(unread)" ;;
	esac
	# A link to a device (here the root's own /dev/zero) is never opened.
	mkdir -p "$K/dev"
	if mknod "$K/dev/zero" c 1 5 2>/dev/null; then
		echo 'dave:x:1003:1003:Dave:/home/dave:/bin/bash' >> "$K/etc/passwd"
		mkdir -p "$K/home/dave/.config"
		ln -s /dev/zero "$K/home/dave/.config/kscreenlockerrc"
		run 1 --root "$K"
		case "$(unread)" in
		*"(user dave): not a regular file"*) ;;
		*) fail "kde device: $(unread)" ;;
		esac
	fi
fi
grep -q 'fixturehash' "$out" && fail "shadow content in the report"
# [Daemon][$i]: nobody can differ, users' files are not even opened.
printf '[Daemon][$i]\nAutolock=true\nTimeout=5\nLockGrace=5\n' > "$K/etc/xdg/kscreenlockerrc"
run 0 --root "$K"
[ "$(item "$out" 14)" = '[4, true, null]' ] || fail "kde immutable: item 14 is $(item "$out" 14)"
[ "$(count "$out" screenlock.kde -1)" = 0 ] || fail "kde immutable: users' files read"

# XFCE with locking switched off.
run 1 --root "$F/xfce-fail"
[ "$(item "$out" 14)" = '[0, true, null]' ] || fail "xfce: item 14 is $(item "$out" 14)"
"$SMEAUDIT" --plugin screenlock --root "$F/xfce-fail" --lang ja > "$TMPDIR_TEST/ja.txt" || true
grep -q 'XFCE の画面ロックが間に合わない' "$TMPDIR_TEST/ja.txt" || fail "Japanese title missing"

# A MATE desktop and a TMOUT computed at login: cannot tell.
run 2 --root "$F/unknown"
[ "$(item "$out" 14)" = '[-1, true, "cannot-tell"]' ] || fail "unknown: item 14 is $(item "$out" 14)"
[ "$(evidence "$out" screenlock.desktop -1)" = 'screen lock of this desktop is not assessed' ] || fail "unknown desktop"

# Values the plugin cannot use stop smeaudit before the audit: exit 3, one
# line naming file and line (the core's for a malformed duration, the
# plugin's for the others), no report.
bad() {
	printf '%b' "$1" > "$TMPDIR_TEST/bad.ini"
	expect_config_error "$out" "$2" "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" \
	    --plugin screenlock --root "$F/unknown" --format json --output "$out"
}
bad '[plugin.screenlock]\nconsole_timeout = sometimes\n' \
    '^smeaudit: screenlock: error: .*/bad.ini:2: console_timeout: "sometimes" is not one of auto, require, inform, ignore'
bad '[plugin.screenlock]\nmax_idle = 0\n' \
    '^smeaudit: screenlock: error: .*/bad.ini:2: max_idle: must be longer than 0'
bad '[plugin.screenlock]\nmax_idle = soon\n' 'bad.ini:2: '

"$SMEAUDIT" --list --format json > "$TMPDIR_TEST/list.json"
assert_py "$TMPDIR_TEST/list.json" "[p for p in d if p['name'] == 'screenlock'][0]['items'] == [14]"
exit 0
