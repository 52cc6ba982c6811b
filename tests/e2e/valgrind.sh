#!/bin/sh
# SPDX-License-Identifier: MIT
# valgrind --leak-check=full over smeaudit --all --root (forked, so the
# core and each plugin process are checked, and --no-fork, so plugin
# code runs in the checked process with every leak reported at exit) and
# over password-check.  Every process's log must show no error and no
# leak.  Skipped in the ASan build (the two cannot run together).
#
# --error-exitcode is 99, not 1: smeaudit's own status 1 means "findings".
# The logs are read as well, since a plugin process's status does not
# reach the exit status of the run.
set -eu
. "$top_srcdir/tests/lib.sh"

command -v valgrind >/dev/null 2>&1 || skip "needs valgrind"
if ldd "$SMEAUDIT" 2>/dev/null | grep -q libasan; then
	skip "an ASan build does not run under valgrind"
fi

T=$TMPDIR_TEST
R=$T/root
every_plugin_root "$R"
python3 "$top_srcdir/tests/e2e/hostile-root.py" canaries "$R" "$T/outside" > /dev/null
printf '[core]\ntimeout = 300s\n' > "$T/t.ini"

VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99
    --child-silent-after-fork=no --track-fds=no"

# vg NAME EXPECTED CMD...: run CMD under valgrind, one log per process in
# $T/vg-NAME.PID; the exit status must be EXPECTED and every log clean.
vg() {
	name=$1
	want=$2
	shift 2
	set +e
	# shellcheck disable=SC2086
	$VG --log-file="$T/vg-$name.%p" "$@" > "$T/$name.out" 2> "$T/$name.err"
	st=$?
	set -e
	for log in "$T/vg-$name".*; do
		# valgrind 3.19 does not know openat2 (the core then resolves by
		# hand); that note is no error
		if grep -v -e 'unhandled amd64-linux syscall: 437' -e 'You may be able to write' \
		    -e 'README_MISSING_SYSCALL_OR_IOCTL' -e 'Nevertheless we consider' \
		    -e 'valgrind.org/support/bug_reports' "$log" | grep -q .; then
			cat "$log" >&2
			fail "$name: valgrind reported a problem ($log)"
		fi
	done
	[ "$st" -eq "$want" ] || fail "$name: exit $st, not $want: $(tail -3 "$T/$name.err")"
	ls "$T/vg-$name".* > /dev/null
}

vg all-forked 1 "$SMEAUDIT" -c "$T/t.ini" --all --root "$R" --format json --output "$T/forked.json"
[ "$(ls "$T"/vg-all-forked.* | wc -l)" -ge 11 ] || fail "the plugin processes were not checked"
vg all-no-fork 1 "$SMEAUDIT" -c "$T/t.ini" --no-fork --all --root "$R" --format json \
    --output "$T/no-fork.json"
vg all-text 1 "$SMEAUDIT" -c "$T/t.ini" --no-fork --all --root "$R" --lang ja --output "$T/ja.txt"
# the same results checked or not
for f in forked no-fork; do
	assert_py "$T/$f.json" "all(p['status'] in ('ok', 'skipped') for p in d['plugins'])"
done
python3 - "$T/forked.json" "$T/no-fork.json" <<'EOF' || fail "forked and in-process runs differ"
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
key = lambda d: [(i["number"], i["score"]) for i in d["items"]]
sys.exit(0 if key(a) == key(b) else 1)
EOF

# password-check: a file, standard input, JSON, a batch large enough for
# the indexed word table
: > "$T/plain.ini"
printf 'password\nTr0ub4dor&3\ncorrect horse battery staple\ntaro1985\n' > "$T/pw.txt"
vg pwcheck-file 1 "$SMEAUDIT" -c "$T/plain.ini" password-check "$T/pw.txt"
printf 'hunter2\n' > "$T/one.txt"
vg pwcheck-stdin 1 "$SMEAUDIT" -c "$T/plain.ini" password-check --format json < "$T/one.txt"
python3 -c 'import sys
for i in range(400):
    print("Summer%04d!" % i)' > "$T/many.txt"
vg pwcheck-many 1 "$SMEAUDIT" -c "$T/plain.ini" password-check --format json "$T/many.txt"
exit 0
