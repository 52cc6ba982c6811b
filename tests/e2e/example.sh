#!/bin/sh
# SPDX-License-Identifier: MIT
# The example plugin (contrib/example-plugin) against fixture roots: it
# is documentation, so it must keep working.
set -eu
. "$top_srcdir/tests/lib.sh"

F=$FIXTURES/example
out=$TMPDIR_TEST/out.json
run() {
	"$SMEAUDIT" --plugin-dir "$EXAMPLE_PLUGINS" --plugin example --format json \
	    --output "$out" "$@"
}

# Drop-ins included first win over the main file: root login off.
expect_status 0 run --root "$F/strong"
[ "$(item_score "$out" 4)" = 4 ] || fail "strong: item 4"
[ "$(item_score "$out" 3)" = 4 ] || fail "strong: item 3"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'example.root-login'][0]['evidence'] == 'PermitRootLogin no'"

# Root login and empty passwords allowed; a Match block does not count.
expect_status 1 run --root "$F/weak"
[ "$(item_score "$out" 4)" = 0 ] || fail "weak: item 4"
[ "$(item_score "$out" 3)" = 0 ] || fail "weak: item 3"
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'example.empty-passwords'][0]['severity'] == 'critical'"

# OpenSSH's default (prohibit-password) is partly, or implemented when
# the configuration accepts key-only root logins.
expect_status 1 run --root "$F/keys"
[ "$(item_score "$out" 4)" = 2 ] || fail "keys: item 4"
printf '[plugin.example]\nallow_key_login = yes\n' > "$TMPDIR_TEST/keys.ini"
expect_status 0 run --root "$F/keys" -c "$TMPDIR_TEST/keys.ini"
[ "$(item_score "$out" 4)" = 4 ] || fail "keys with allow_key_login: item 4"

# No SSH server: not applicable, nothing assessed, plugin skipped.
expect_status 2 run --root "$F/none"
assert_py "$out" "[i for i in d['items'] if i['number'] == 4][0]['applicable'] is False"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"

# A symlink out of the root resolves inside it: the host's own
# sshd_config is never read.
mkdir -p "$TMPDIR_TEST/escape/etc/ssh"
ln -s /etc/ssh/../../../../etc/ssh/sshd_config.real "$TMPDIR_TEST/escape/etc/ssh/sshd_config"
printf 'PermitRootLogin no\n' > "$TMPDIR_TEST/escape/etc/ssh/sshd_config.real"
expect_status 0 run --root "$TMPDIR_TEST/escape"
[ "$(item_score "$out" 4)" = 4 ] || fail "symlinked config inside the root"

# Unreadable configuration: -1 with the reason, not a guess.
mkdir -p "$TMPDIR_TEST/locked/etc/ssh"
printf 'PermitRootLogin no\n' > "$TMPDIR_TEST/locked/etc/ssh/sshd_config"
chmod 000 "$TMPDIR_TEST/locked/etc/ssh"
expect_status 2 as_nobody "$SMEAUDIT" --plugin-dir "$EXAMPLE_PLUGINS" --plugin example \
    --root "$TMPDIR_TEST/locked" --format json > "$out"
assert_py "$out" "[i for i in d['items'] if i['number'] == 4][0]['unknown_reason'] == 'cannot-tell'"
chmod 755 "$TMPDIR_TEST/locked/etc/ssh"

# A bad value in the plugin's section is a usage error naming the line.
printf '[plugin.example]\nallow_key_login = maybe\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 run --root "$F/keys" -c "$TMPDIR_TEST/bad.ini" 2>"$TMPDIR_TEST/err"
grep -q 'bad.ini:2: allow_key_login: "maybe" is not yes or no' "$TMPDIR_TEST/err" ||
    fail "bad value: $(cat "$TMPDIR_TEST/err")"
exit 0
