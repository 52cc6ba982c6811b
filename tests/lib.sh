# SPDX-License-Identifier: MIT
# Shared by the script tests: sourced with "set -eu" in effect.
# Provides: $SMEAUDIT, $TMPDIR_TEST, fail, expect_status, jq_py,
# as_nobody, skip, every_plugin_root and the helpers defined below.
: "${top_srcdir:?run through make check}"
: "${top_builddir:?run through make check}"
SMEAUDIT=${SMEAUDIT:-$top_builddir/smeaudit}
FIXTURES=$top_srcdir/tests/fixtures
TEST_PLUGINS=$top_builddir/tests/plugins/.libs
EXAMPLE_PLUGINS=$top_builddir/contrib/example-plugin/.libs
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR 2>/dev/null || true

TMPDIR_TEST=$(mktemp -d "${TMPDIR:-/tmp}/smeaudit-test.XXXXXX")
chmod 755 "$TMPDIR_TEST"
trap 'chmod -R u+rwx "$TMPDIR_TEST" 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# expect_status N CMD...: run CMD, fail unless it exits with N.
expect_status() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "expected exit $want, got $got: $*"
}

# jq_py FILE EXPR: print a Python expression over the JSON document d.
jq_py() {
	python3 -c 'import json,sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
r = eval(sys.argv[2])
print(json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r)' "$1" "$2"
}

# assert_py FILE EXPR [MESSAGE]: fail unless the expression is true.
assert_py() {
	python3 -c 'import json,sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" || fail "${3:-assertion failed}: $2 (in $1)"
}

# item_score FILE N: the score of self-diagnosis item N in a JSON report.
item_score() {
	jq_py "$1" "[i['score'] for i in d['items'] if i['number'] == $2][0]"
}

# as_nobody CMD...: run CMD as an unprivileged user (tests that need
# permissions to bite; root ignores them).  Skips when impossible.
as_nobody() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	elif command -v setpriv >/dev/null 2>&1; then
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		skip "needs setpriv to drop privileges"
	fi
}

# expect_config_error REPORT PATTERN CMD...: a configuration value a
# plugin cannot use stops CMD before anything is audited: exit 3, exactly
# one line on stderr, matching PATTERN (grep), and no REPORT written.
expect_config_error() {
	report=$1
	pattern=$2
	shift 2
	rm -f "$report"
	expect_status 3 "$@" 2>"$TMPDIR_TEST/config-error"
	grep -q "$pattern" "$TMPDIR_TEST/config-error" ||
	    fail "want \"$pattern\", got: $(cat "$TMPDIR_TEST/config-error")"
	[ "$(wc -l < "$TMPDIR_TEST/config-error")" -eq 1 ] ||
	    fail "more than one line: $(cat "$TMPDIR_TEST/config-error")"
	test ! -e "$report" || fail "a report was written: $*"
}

# expect_bad_setting PLUGIN ROOT INI LINE-PATTERN: INI (printf %b text)
# as the configuration of "smeaudit --plugin PLUGIN --root ROOT" is a
# configuration error (expect_config_error) naming bad.ini and matching
# ":LINE-PATTERN" after it.
expect_bad_setting() {
	printf '%b' "$3" > "$TMPDIR_TEST/bad.ini"
	expect_config_error "$TMPDIR_TEST/bad.json" \
	    "^smeaudit: $1: error: .*/bad.ini:$4" \
	    "$SMEAUDIT" -c "$TMPDIR_TEST/bad.ini" --plugin "$1" --root "$2" \
	    --format json --output "$TMPDIR_TEST/bad.json"
}

# every_plugin_root DIR: fill DIR with fixtures so that every shipped
# plugin has something to read (weak passwords, partial updates, a weak
# smb.conf and exports, ...): the root of the whole-run tests.
every_plugin_root() {
	mkdir -p "$1/etc/samba"
	for d in password/weak updates/partial logging/partial firewall/partial \
	    encryption/partial screenlock/kde-partial wifi/partial antivirus/partial \
	    backup/detect; do
		cp -a "$FIXTURES/$d/." "$1/"
	done
	cp "$FIXTURES/shares/smb-weak.conf" "$1/etc/samba/smb.conf"
	cp "$FIXTURES/shares/exports-weak" "$1/etc/exports"
}
