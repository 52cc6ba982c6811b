#!/bin/sh
# SPDX-License-Identifier: MIT
# The scheduled audit: contrib/systemd/smeaudit-scheduled (what
# smeaudit.service runs) writes a date-stamped JSON report, mode 0600, to
# the state directory, renders HTML only when smeaudit can, and passes
# the audit's exit status on; the units pass systemd-analyze verify.
set -eu
. "$top_srcdir/tests/lib.sh"
T=$TMPDIR_TEST
SCHEDULED=$top_builddir/contrib/systemd/smeaudit-scheduled
[ -x "$SCHEDULED" ] || fail "$SCHEDULED was not built"

printf '[core]\nenable = test-good\n' > "$T/good.ini"
OPTS="--config $T/good.ini --plugin-dir $TEST_PLUGINS --root $FIXTURES/roots/minimal"
host=$(uname -n | tr -c 'A-Za-z0-9.\n-' '_')

# As systemd starts it: STATE_DIRECTORY set, UMask=0077.
expect_status 1 env SMEAUDIT="$SMEAUDIT" SMEAUDIT_OPTS="$OPTS" STATE_DIRECTORY="$T/state" \
    "$SCHEDULED" > "$T/out" 2> "$T/err"
set -- "$T"/state/smeaudit-*.json
[ $# -eq 1 ] && [ -f "$1" ] || fail "expected one report in $T/state: $(ls -la "$T/state")"
report=$1
case ${report##*/} in
smeaudit-"$host"-[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]-[0-2][0-9][0-5][0-9][0-5][0-9].json) ;;
*) fail "report name ${report##*/} is not smeaudit-$host-YYYY-MM-DD-HHMMSS.json" ;;
esac
[ "$(stat -c %a "$report")" = 600 ] || fail "report mode $(stat -c %a "$report")"
[ "$(stat -c %a "$T/state")" = 700 ] || fail "state directory mode $(stat -c %a "$T/state")"
assert_py "$report" "[p['name'] for p in d['plugins']] == ['test-good'] and d['host']['root'] == '$FIXTURES/roots/minimal'"
grep -qx "smeaudit-scheduled: report $report (exit status 1)" "$T/out" || fail "stdout: $(cat "$T/out")"
[ ! -s "$T/err" ] || fail "stderr: $(cat "$T/err")"
if "$SMEAUDIT" --lang en --help | grep -q 'report format: .*\bhtml\b' &&
    "$SMEAUDIT" --lang en --help | grep -q '^  merge '; then
	[ -s "${report%.json}.html" ] || fail "no HTML report beside $report"
	[ "$(stat -c %a "${report%.json}.html")" = 600 ] || fail "HTML report mode"
else
	[ -z "$(ls "$T"/state/*.html 2>/dev/null)" ] ||
	    fail "HTML written by a smeaudit without --format html or merge"
fi

# systemd may list several state directories: the first is the reports'.
expect_status 1 env SMEAUDIT="$SMEAUDIT" SMEAUDIT_OPTS="$OPTS" \
    STATE_DIRECTORY="$T/first:$T/second" "$SCHEDULED" > /dev/null
[ -n "$(ls "$T"/first/smeaudit-*.json)" ] && [ ! -e "$T/second" ] ||
    fail "STATE_DIRECTORY with two directories"

# An input error is the audit's status 3, with no report left behind.
expect_status 3 env SMEAUDIT="$SMEAUDIT" SMEAUDIT_OPTS="--config $T/missing.ini" \
    SMEAUDIT_REPORT_DIR="$T/bad" "$SCHEDULED" > /dev/null 2> "$T/err"
grep -q 'missing.ini' "$T/err" || fail "the error is not shown: $(cat "$T/err")"
grep -q 'the audit failed (exit status 3)' "$T/err" || fail "no failure line: $(cat "$T/err")"
[ -z "$(ls "$T/bad")" ] || fail "a failed audit left $(ls "$T/bad")"

# A report directory it cannot write: 4.
mkdir "$T/locked"
chmod 755 "$T/locked"
expect_status 4 as_nobody env SMEAUDIT="$SMEAUDIT" SMEAUDIT_OPTS="$OPTS" \
    SMEAUDIT_REPORT_DIR="$T/locked" "$SCHEDULED" > /dev/null 2> "$T/err"
grep -q "cannot write reports to $T/locked" "$T/err" || fail "unwritable: $(cat "$T/err")"

# A smeaudit that writes HTML and merges (a stand-in until this tree's
# does): the HTML is rendered from the JSON just written, beside it.
cat > "$T/fake-smeaudit" <<'FAKE'
#!/bin/sh
echo "$*" >> "$FAKE_LOG"
case " $* " in
*" --help "*)
	printf '  -f, --format FORMAT     report format: text, json, html%s\n' "$FAKE_EXTRA"
	printf 'Commands:\n  interview          ask\n%s\n' "$FAKE_MERGE"
	exit 0 ;;
*" merge "*)
	while [ "$1" != --output ]; do shift; done
	echo '<html>' > "$2"
	exit "${FAKE_MERGE_STATUS:-1}" ;;
esac
while [ "$1" != --output ]; do shift; done
echo '{}' > "$2"
exit 1
FAKE
chmod 755 "$T/fake-smeaudit"
expect_status 1 env SMEAUDIT="$T/fake-smeaudit" FAKE_LOG="$T/fake.log" FAKE_MERGE="  merge              one report" \
    FAKE_EXTRA=", csv" STATE_DIRECTORY="$T/html" \
    SMEAUDIT_OPTS="--answers /a.ini --plugin-dir /p -L ja --config=/c.ini" "$SCHEDULED" \
    > /dev/null 2> "$T/err"
[ ! -s "$T/err" ] || fail "rendering HTML: $(cat "$T/err")"
set -- "$T"/html/smeaudit-*.json
base=${1%.json}
[ -f "$base.html" ] || fail "no HTML beside $1: $(ls "$T/html")"
[ "$(stat -c %a "$base.html")" = 600 ] || fail "HTML report mode"
grep -qx -- "--config=/c.ini merge --quiet --answers /a.ini -L ja --format html --output $base.html $base.json" \
    "$T/fake.log" || fail "HTML not rendered from the JSON with the audit's answers: $(cat "$T/fake.log")"
grep -qx -- "--all --quiet --format json --output $base.json --answers /a.ini --plugin-dir /p -L ja --config=/c.ini" \
    "$T/fake.log" || fail "the audit was not run once, as JSON: $(cat "$T/fake.log")"
[ "$(grep -c -- '--all' "$T/fake.log")" = 1 ] || fail "audited more than once"
# A merge that fails is reported; the audit's status stays.
expect_status 1 env SMEAUDIT="$T/fake-smeaudit" FAKE_LOG="$T/fake.log" FAKE_MERGE="  merge  x" \
    FAKE_EXTRA="" FAKE_MERGE_STATUS=3 STATE_DIRECTORY="$T/badmerge" "$SCHEDULED" > /dev/null 2> "$T/err"
grep -q 'could not render .*/badmerge/smeaudit-.*\.html' "$T/err" || fail "failed merge: $(cat "$T/err")"
# html without merge: no HTML, and no second audit.
: > "$T/fake.log"
expect_status 1 env SMEAUDIT="$T/fake-smeaudit" FAKE_LOG="$T/fake.log" FAKE_MERGE="" FAKE_EXTRA="" \
    STATE_DIRECTORY="$T/nomerge" "$SCHEDULED" > /dev/null
[ -z "$(ls "$T"/nomerge/*.html 2>/dev/null)" ] || fail "HTML without a merge command"
[ "$(grep -c -- '--all' "$T/fake.log")" = 1 ] || fail "audited more than once"

# The units as systemd reads them (the service pointing at this build).
if command -v systemd-analyze >/dev/null 2>&1; then
	mkdir "$T/units"
	sed "s|^ExecStart=.*|ExecStart=$SCHEDULED|" "$top_builddir/contrib/systemd/smeaudit.service" \
	    > "$T/units/smeaudit.service"
	cp "$top_srcdir/contrib/systemd/smeaudit.timer" "$T/units/"
	systemd-analyze verify --man=no "$T/units/smeaudit.service" "$T/units/smeaudit.timer" \
	    > "$T/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$T/verify")"
	[ ! -s "$T/verify" ] || fail "systemd-analyze verify: $(cat "$T/verify")"
else
	echo "systemd-analyze not found: units not verified" >&2
fi
for key in ProtectSystem=strict ReadWritePaths=/var/lib/smeaudit StateDirectory=smeaudit \
    UMask=0077 NoNewPrivileges=yes PrivateTmp=yes SuccessExitStatus=1; do
	grep -qx "$key" "$top_srcdir/contrib/systemd/smeaudit.service.in" ||
	    fail "smeaudit.service lacks $key"
done
grep -qx 'OnCalendar=weekly' "$top_srcdir/contrib/systemd/smeaudit.timer" || fail "timer not weekly"
