#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit --all over hostile fixture roots (built by hostile-root.py):
# symlink loops and links out of the root, a 10,000-deep directory chain,
# 100,000 files in one directory, files that grow while read, FIFOs and
# devices where configuration files should be, 2 GB sparse files, NUL
# bytes and CRLF, includes that multiply, names with newlines, escapes,
# invalid UTF-8 and HTML.  Every run: no crash, no plugin timeout, done
# well within the plugin timeout, bounded peak memory, a clear finding or
# error for what was planted, and reports that escape what they show.
set -eu
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip "needs root (device nodes, other owners)"
command -v timeout >/dev/null 2>&1 || skip "needs timeout (coreutils)"
[ -x /usr/bin/time ] || skip "needs /usr/bin/time (Debian package time)"

T=$TMPDIR_TEST
OUT=$T/outside
HOSTILE="python3 $top_srcdir/tests/e2e/hostile-root.py"
PLUGIN_TIMEOUT=30
printf '[core]\ntimeout = %ss\n' "$PLUGIN_TIMEOUT" > "$T/t.ini"
# Peak RSS of a whole run (the core and every plugin process; GNU time
# reports the largest): a few MB normally; ASan's shadow memory and
# quarantine need far more, and still no reader may take gigabytes.
MAX_KB=65536
if ldd "$SMEAUDIT" 2>/dev/null | grep -q libasan; then
	MAX_KB=1048576
fi

# audit KIND: smeaudit --all over $T/KIND, as JSON ($T/KIND.json) and as
# text ($T/KIND.txt), with the run's stderr in $T/KIND.err; checks what
# every run must hold.
audit() {
	root=$T/$1
	set +e
	/usr/bin/time -f '%e %M' -o "$T/$1.time" timeout $((PLUGIN_TIMEOUT * 3)) \
	    "$SMEAUDIT" -c "$T/t.ini" --all --root "$root" --format json \
	    --output "$T/$1.json" 2> "$T/$1.err"
	st=$?
	set -e
	case $st in
	1|2) ;;
	124) fail "$1: smeaudit hung (killed after $((PLUGIN_TIMEOUT * 3))s)" ;;
	*) fail "$1: exit status $st: $(tail -5 "$T/$1.err")" ;;
	esac
	# GNU time says "Command exited with non-zero status N" first
	tail -n 1 "$T/$1.time" > "$T/$1.time1"
	read -r secs kb < "$T/$1.time1" || fail "$1: no timing"
	echo "$1: ${secs}s, peak RSS ${kb} KB"
	[ "$kb" -le "$MAX_KB" ] || fail "$1: peak RSS $kb KB over $MAX_KB KB"
	python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" \
	    "$secs" "$PLUGIN_TIMEOUT" || fail "$1: took ${secs}s, the plugin timeout is ${PLUGIN_TIMEOUT}s"
	# no plugin crashed, hung or failed: each finished or had nothing to do
	assert_py "$T/$1.json" "all(p['status'] in ('ok', 'skipped') for p in d['plugins'])" \
	    "$1: a plugin did not finish: $(jq_py "$T/$1.json" "[(p['name'], p['status'], p.get('reason')) for p in d['plugins'] if p['status'] not in ('ok', 'skipped')]")"
	assert_py "$T/$1.json" "d['complete'] is True and len(d['plugins']) >= 11" "$1: incomplete"
	set +e
	timeout $((PLUGIN_TIMEOUT * 3)) "$SMEAUDIT" -c "$T/t.ini" --all --root "$root" \
	    --output "$T/$1.txt" 2>/dev/null
	st=$?
	set -e
	[ $st -eq 1 ] || [ $st -eq 2 ] || fail "$1: text run exit status $st"
	text_is_clean "$T/$1.txt"
	html_is_clean "$1"
}

# text_is_clean FILE: valid UTF-8, no control character but newline.
text_is_clean() {
	python3 - "$1" <<'EOF' || fail "raw control characters or bad UTF-8 in $1"
import sys
data = open(sys.argv[1], "rb").read()
data.decode("utf-8")
bad = [c for c in data if (c < 0x20 and c != 0x0a) or c == 0x7f]
sys.exit(1 if bad else 0)
EOF
}

# html_is_clean KIND: with an HTML report (the report branch), nothing
# planted comes out as markup.
HTML=0
if "$SMEAUDIT" --plugin-dir "$TEST_PLUGINS" --root "$FIXTURES/roots/minimal" \
    --plugin test-good --format html --output "$T/probe.html" 2>/dev/null ||
    [ $? -eq 1 ]; then
	HTML=1
else
	echo "SKIP (part): --format html is not available here (the report branch adds it); HTML escaping not checked"
fi
html_is_clean() {
	[ $HTML -eq 1 ] || return 0
	timeout $((PLUGIN_TIMEOUT * 3)) "$SMEAUDIT" -c "$T/t.ini" --all --root "$T/$1" \
	    --format html --output "$T/$1.html" 2>/dev/null || true
	[ -s "$T/$1.html" ] || fail "$1: no HTML report"
	if grep -q '<script>alert\|<img src=x\|<script>x' "$T/$1.html"; then
		fail "$1: planted markup reached the HTML report unescaped"
	fi
}

# finding KIND CHECK LEVEL: the Python expression of that finding
finding() { printf "[f for f in d['findings'] if f['check'] == '%s' and f['level'] == %s][0]" "$1" "$2"; }
# has KIND CHECK LEVEL WORDS: that finding exists and its evidence says WORDS
has() {
	assert_py "$T/$1.json" "'''$4''' in $(finding "$2" "$3")['evidence']" \
	    "$1: $2 at $3 saying \"$4\""
}
# never WORDS FILE...: WORDS is nowhere in the files
never() {
	w=$1
	shift
	if grep -a -q -F -- "$w" "$@"; then
		fail "\"$w\" leaked into $(grep -a -l -F -- "$w" "$@" | tr '\n' ' ')"
	fi
}

for k in links special sparse crlf bombs names deep wide; do
	$HOSTILE $k "$T/$k" "$OUT"
done
# A real host's secrets, to prove they are never read: the hash fields of
# this machine's /etc/shadow (as root we can read them; the roots' own
# /etc/shadow point there).
python3 - > "$T/host-hashes" <<'EOF'
try:
    for line in open("/etc/shadow", encoding="utf-8", errors="replace"):
        f = line.split(":")
        if len(f) > 1 and f[1].lstrip("!*").startswith("$") and len(f[1]) > 12:
            print(f[1].lstrip("!*"))
except OSError:
    pass
EOF

# --- links: loops, and links out of the root -------------------------
audit links
has links password.empty -1 'symlink loop or refused symlink'
has links shares.samba-config -1 'symlink loop or refused symlink'
assert_py "$T/links.json" "$(finding password.min-length 0)['examples'] == ['/etc/login.defs']"
# the in-root twins were read, never the files outside: PASS_MIN_LEN 5
# (outside: 99), three accounts and no second UID 0 (outside: one, UID 0)
has links password.min-length 0 'PASS_MIN_LEN 5'
has links password.unshadowed 4 '3 accounts'
has links password.uid0 4 'only root has UID 0'
# the walk stays inside: the world-writable file outside is not seen
has links shares.world-writable-file 4 'entries checked'
never OUTSIDE-CANARY "$T/links.json" "$T/links.txt" "$T/links.err"
while read -r h; do
	never "$h" "$T/links.json" "$T/links.txt" "$T/links.err"
done < "$T/host-hashes"

# --- special: FIFOs and devices where files should be ----------------
audit special
grep -q '/etc/login.defs: not a regular file' "$T/special.err" || fail "special: login.defs FIFO"
has special password.empty -1 'not a regular file'
has special shares.samba-config -1 'not a regular file'
has special shares.nfs-config -1 'not a regular file'
has special wifi.profiles -1 'not a regular file'
has special encryption.volume -1 'not a regular file'
has special screenlock.console-timeout -1 'not a regular file'
has special backup.target 0 'is not a regular file or directory'

# --- sparse: 2 GB files, read no further than each reader's limit -------
audit sparse
grep -q '/etc/login.defs: file too large' "$T/sparse.err" || fail "sparse: login.defs"
has sparse shares.samba-config -1 'file too large'
has sparse shares.nfs-config -1 'file too large'
has sparse updates.eol -1 'cannot read /etc/os-release: file too large'
has sparse updates.pending -1 'File too large'
has sparse wifi.profiles -1 'too large'
has sparse encryption.volume -1 'too large'

# --- crlf: NUL bytes and CRLF line ends ---------------------------------
audit crlf
# CRLF is read as LF; a NUL ends what a reader takes from its line
has crlf password.lockout 4 'pam_faillock deny=3'
has crlf password.min-length 2 'minlen=8'
assert_py "$T/crlf.json" "'/etc/samba/smb.conf [nul]' in $(finding shares.samba-guest-access 2)['examples']"
has crlf shares.nfs-config 4 '2 exports checked'

# --- bombs: includes that multiply; each plugin finishes, warns briefly --
audit bombs
[ "$(wc -l < "$T/bombs.err")" -le 100 ] || fail "bombs: $(wc -l < "$T/bombs.err") lines on stderr"
grep -q 'include_conf /etc/rsnapshot.conf: more than 32 files; ignored' "$T/bombs.err" ||
    fail "bombs: rsnapshot include limit not said"
grep -q 'more warnings about the Samba configuration are not shown' "$T/bombs.err" ||
    fail "bombs: samba warnings not capped"
has bombs backup.target 4 'rsnapshot /srv/snap/'

# --- names: newlines, escapes, invalid UTF-8, HTML ----------------------
audit names
python3 - "$T/names.json" <<'EOF' || fail "names: JSON examples are not the names, escaped"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ww = [f for f in d["findings"] if f["check"] == "shares.world-writable-file" and f["level"] == 0][0]
assert ww["count"] == 5, ww
ex = set(ww["examples"])
# JSON keeps every character, control ones escaped; an invalid UTF-8 byte
# is shown as \xNN
assert "/srv/share/new\nline<script>alert(1)<script>" in ex, ex
assert "/srv/share/esc\x1b[31mred\x1b[0m\x07bell" in ex, ex
assert "/srv/share/<img src=x onerror=alert(2)>&amp;\"'" in ex, ex
assert "/srv/share/tab\tcr\rdel\x7f" in ex, ex
assert "/srv/share/bad-utf8-\\xff\\xfe\\xc3(" in ex, ex
users = [f for f in d["findings"] if f["check"] == "password.uid0" and f["level"] == 0][0]
assert users["examples"] == ["ev\x1bil<b>"], users
shares = [f for f in d["findings"] if f["check"] == "shares.samba-guest-access"][0]
assert "/etc/samba/smb.conf [<script>x</script>]" in shares["examples"], shares
EOF
# raw bytes: the JSON file itself holds no control character and no
# invalid UTF-8 (text_is_clean has checked the text report)
text_is_clean "$T/names.json"
grep -q 'new?line<script>alert(1)<script>' "$T/names.txt" || fail "names: newline not shown as ?"
grep -q 'esc?\[31mred?\[0m?bell' "$T/names.txt" || fail "names: escape not shown as ?"

# --- deep: a 10,000-deep chain; the file at the bottom is found --------
audit deep
assert_py "$T/deep.json" "$(finding shares.world-writable-file 0)['count'] == 1"
assert_py "$T/deep.json" "$(finding shares.world-writable-file 0)['examples'][0].startswith('/srv/share/d/d/d/')"
assert_py "$T/deep.json" "int($(finding shares.orphan-owner 4)['evidence'].split()[0]) >= 10000" \
    "deep: fewer than 10,000 entries walked"

# --- wide: 100,000 files in one directory ------------------------------
audit wide
assert_py "$T/wide.json" "$(finding shares.world-writable-file 0)['count'] == 4"
assert_py "$T/wide.json" "int($(finding shares.orphan-owner 4)['evidence'].split()[0]) >= 100000" \
    "wide: fewer than 100,000 entries walked"

# --- grow: files that grow (and are cut back) while they are read -------
$HOSTILE base "$T/grow" "$OUT"
mkdir -p "$T/grow/var/lib/dpkg" "$T/grow/var/log/apt"
python3 - "$T/grow" > /dev/null 2>&1 <<'EOF' &
import os, sys, time
root = sys.argv[1]
files = {
    "etc/samba/smb.conf": b"[s]\n path = /srv/share\n guest ok = yes\n",
    "etc/login.defs": b"PASS_MIN_LEN 8\n",
    "var/log/rsnapshot.log": b"[2026-01-01T03:00:00] /usr/bin/rsnapshot daily: started\n",
    "var/lib/dpkg/status": b"Package: p\nStatus: install ok installed\nVersion: 1\n\n",
    "var/log/apt/history.log": b"Start-Date: 2026-01-01  03:00:00\nEnd-Date: 2026-01-01  03:00:01\n\n",
}
fds = {p: os.open(os.path.join(root, p), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
       for p in files}
deadline = time.time() + 300
while time.time() < deadline:
    for p, chunk in files.items():
        os.write(fds[p], chunk * 512)
        if os.fstat(fds[p]).st_size > (8 << 20):
            os.ftruncate(fds[p], 0)
EOF
writer=$!
sleep 1
audit grow
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
exit 0
