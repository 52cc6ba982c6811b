#!/bin/sh
# SPDX-License-Identifier: MIT
# The shares plugin end to end: a clean root scores 4 on item 4, a weak
# root triggers every check with exact counts, an adversarial tree
# (symlink loops and escapes, 10,000 levels, unreadable directories, a
# FIFO, odd names) is walked safely, smb.conf is cross-checked with
# testparm on the live host, and bad configuration exits 3.
set -eu
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip "needs root to build fixture trees with other owners"
FX=$FIXTURES/shares
out=$TMPDIR_TEST/out.json
err=$TMPDIR_TEST/err.txt

# count FILE CHECK LEVEL: the count of a finding (0 when absent).
count() {
	lvl=$3
	[ "$lvl" = na ] && lvl="'na'"
	jq_py "$1" "sum(f['count'] for f in d['findings'] if f['check'] == 'shares.$2' and f['level'] == $lvl)"
}
expect_count() {
	got=$(count "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "shares.$2 at level $3: expected $4, got $got"
}
# expect_counts FILE "CHECK LEVEL COUNT"...: all at once, one Python.
expect_counts() {
	file=$1
	shift
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
bad = []
for spec in sys.argv[2:]:
    check, level, want = spec.split()
    level = level if level == "na" else int(level)
    got = sum(f["count"] for f in d["findings"]
              if f["check"] == "shares." + check and f["level"] == level)
    if got != int(want):
        bad.append("shares.%s at level %s: expected %s, got %d" % (check, level, want, got))
if bad:
    sys.exit("\n".join(bad))' "$file" "$@" || fail "counts in $file"
}
examples() {
	jq_py "$1" "sorted(e for f in d['findings'] if f['check'] == 'shares.$2' and f['level'] == $3 for e in f['examples'])"
}

# A Python helper builds what a shell cannot say portably: owners,
# FIFOs, sockets, ACLs (as raw xattrs), names with odd bytes.
mk() {
	python3 - "$@" <<'EOF'
import os, socket, struct, sys
def acl(entries):
    data = struct.pack("<I", 2)
    for tag, perm, ident in sorted(entries, key=lambda e: (e[0], e[2])):
        data += struct.pack("<HHI", tag, perm, ident)
    return data
U = 0xFFFFFFFF
cmd, path = sys.argv[1], os.fsencode(sys.argv[2])
args = sys.argv[3:]
if cmd == "file":          # file PATH MODE [UID [GID]]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, int(args[0], 8))
    if len(args) > 1:
        os.chown(path, int(args[1]), int(args[2]) if len(args) > 2 else -1)
elif cmd == "dir":         # dir PATH MODE [UID [GID]]
    os.makedirs(path, exist_ok=True)
    os.chmod(path, int(args[0], 8))
    if len(args) > 1:
        os.chown(path, int(args[1]), int(args[2]) if len(args) > 2 else -1)
elif cmd == "fifo":        # fifo PATH MODE UID
    os.mkfifo(path)
    os.chmod(path, int(args[0], 8))
    os.chown(path, int(args[1]), -1)
elif cmd == "socket":
    s = socket.socket(socket.AF_UNIX)
    s.bind(path)
    s.close()
    os.chmod(path, 0o777)
elif cmd == "acl-user":    # a named user entry with rw
    os.setxattr(path, "system.posix_acl_access", acl([(1, 6, U), (2, 6, int(args[0])),
        (4, 4, U), (0x10, 6, U), (0x20, 4, U)]))
elif cmd == "acl-group":   # a named group entry with rw under a rw mask
    os.setxattr(path, "system.posix_acl_access", acl([(1, 6, U), (4, 4, U),
        (8, 6, int(args[0])), (0x10, 6, U), (0x20, 4, U)]))
elif cmd == "acl-default-other-write":
    os.setxattr(path, "system.posix_acl_default", acl([(1, 7, U), (4, 5, U),
        (0x20, 7, U)]))
elif cmd == "deep":        # deep PATH LEVELS: a chain of "d", a 0666 file
    os.makedirs(path, exist_ok=True)
    fd = os.open(path, os.O_RDONLY)
    for i in range(int(args[0])):
        os.mkdir(b"d", dir_fd=fd)
        nfd = os.open(b"d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nfd
        if i == int(args[0]) // 2 or i == int(args[0]) - 1:
            f = os.open(b"ww", os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=fd)
            os.fchmod(f, 0o666)
            os.close(f)
    os.close(fd)
elif cmd == "many":        # many DIR N: N world-writable files
    os.makedirs(path, exist_ok=True)
    for i in range(int(args[0])):
        p = os.path.join(path, b"f%d" % i)
        os.close(os.open(p, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(p, 0o666)
elif cmd == "oddnames":    # a newline and an invalid UTF-8 byte
    for n in (b"new\nline", b"bad\xff\xfename"):
        p = os.path.join(path, n)
        os.close(os.open(p, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(p, 0o666)
EOF
}

accounts() {
	mkdir -p "$1/etc"
	cat > "$1/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
alice:x:1000:1000:Alice:/home/alice:/bin/sh
bob:x:1001:1001:Bob (left):/home/bob:/bin/sh
carol:x:1002:1002:Carol:/home/carol:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
	cat > "$1/etc/group" <<'EOF'
root:x:0:
alice:x:1000:
bob:x:1001:
carol:x:1002:
staff:x:1500:alice,carol
nogroup:x:65534:
EOF
	cat > "$1/etc/shadow" <<'EOF'
root:*:19000:0:99999:7:::
alice:$6$saltsalt$Secrethashvaluethatmustnotleak0123456789:19000:0:99999:7:::
bob:!$6$saltsalt$Lockedhashvaluethatmustnotleak012345678:19000:0:99999:7:::
carol:$6$saltsalt$Anotherhashthatmustnotleak0123456789abc:19000:0:99999:7:::
EOF
	chmod 640 "$1/etc/shadow"
}

# --- a clean root ------------------------------------------------------
CLEAN=$TMPDIR_TEST/clean
accounts "$CLEAN"
mkdir -p "$CLEAN/etc/samba" "$CLEAN/var/www/html"
cp "$FX/smb-clean.conf" "$CLEAN/etc/samba/smb.conf"
cp "$FX/exports-clean" "$CLEAN/etc/exports"
mk dir "$CLEAN/home/alice" 0750 1000 1000
mk file "$CLEAN/home/alice/.ssh/id_rsa" 0600 1000 1000
chown 1000:1000 "$CLEAN/home/alice/.ssh" && chmod 700 "$CLEAN/home/alice/.ssh"
mk dir "$CLEAN/home/carol" 0700 1002 1002
mk dir "$CLEAN/srv/team" 0770 0 1500
mk file "$CLEAN/srv/team/plan.odt" 0660 1000 1500
mk dir "$CLEAN/srv/tmp" 1777
mk file "$CLEAN/var/www/html/index.html" 0644
mk file "$CLEAN/srv/team/shared.txt" 0660 1002 1500
mk acl-user "$CLEAN/srv/team/shared.txt" 1000
printf '[plugin.shares]\nacl = yes\n' > "$TMPDIR_TEST/clean.ini"
expect_status 0 "$SMEAUDIT" --plugin shares --root "$CLEAN" -c "$TMPDIR_TEST/clean.ini" \
    --format json --output "$out"
[ "$(item_score "$out" 4)" = 4 ] || fail "clean root: item 4 is $(item_score "$out" 4)"
assert_py "$out" "all(f['level'] in (4, 'na') for f in d['findings'])" "clean root has a problem"
assert_py "$out" "d['plugins'][0]['status'] == 'ok'"
# Every check reports a pass here: no silent gaps.
set --
for c in world-writable-file world-writable-dir setuid setgid orphan-owner \
    locked-owner other-readable-sensitive secret-file-readable home-too-open \
    acl-other-write acl-orphan-user acl-broad-mask unreadable samba-config \
    samba-guest-write samba-guest-access samba-guest-only samba-no-valid-users \
    samba-admin-users samba-force-root samba-no-hosts-allow \
    samba-mask-other-write samba-wide-links samba-path-open samba-unknown-user \
    samba-map-to-guest samba-smb1 samba-ntlmv1 samba-restrict-anonymous \
    samba-usershare-guests nfs-config nfs-no-root-squash nfs-world-export \
    nfs-world-read nfs-insecure nfs-anonuid-root nfs-sec-sys; do
	set -- "$@" "$c 4 1"
done
expect_counts "$out" "$@"
# Without ACL checks asked for, they report nothing at all.
expect_status 0 "$SMEAUDIT" --plugin shares --root "$CLEAN" --format json --output "$out"
assert_py "$out" "not [f for f in d['findings'] if f['check'].startswith('shares.acl-')]"

# Nothing to audit: no roots, no Samba, no NFS, no people -> skipped,
# and item 4 is "not applicable" rather than a pass; nothing was
# assessed, so the run exits 2.
mkdir -p "$TMPDIR_TEST/empty/etc"
expect_status 2 "$SMEAUDIT" --plugin shares --root "$TMPDIR_TEST/empty" --format json --output "$out"
assert_py "$out" "d['plugins'][0]['status'] == 'skipped'"
assert_py "$out" "[i for i in d['items'] if i['number'] == 4][0]['applicable'] is False"
expect_count "$out" samba-guest-write na 1
expect_count "$out" nfs-world-export na 1
expect_count "$out" world-writable-file na 1

# --- a weak root: every check fires, with exact counts ------------------
WEAK=$TMPDIR_TEST/weak
accounts "$WEAK"
mkdir -p "$WEAK/etc/samba" "$WEAK/etc/exports.d" "$WEAK/var/www/html"
cp "$FX/smb-weak.conf" "$WEAK/etc/samba/smb.conf"
cp "$FX/smb-weak-extra.conf" "$WEAK/etc/samba/weak-extra.conf"
cp "$FX/exports-weak" "$WEAK/etc/exports"
cp "$FX/exports-weak-more.exports" "$WEAK/etc/exports.d/10-more.exports"
cp "$FX/exports-weak-ignored.conf" "$WEAK/etc/exports.d/ignored.conf"
mk dir "$WEAK/home/alice" 0755 1000 1000
mk dir "$WEAK/home/alice/.ssh" 0755 1000 1000
mk file "$WEAK/home/alice/.ssh/id_rsa" 0644 1000 1000
mk file "$WEAK/home/alice/.ssh/id_rsa.pub" 0644 1000 1000
mk dir "$WEAK/home/bob" 0700 1001 1001
mk file "$WEAK/home/bob/notes" 0600 1001 1001
mk dir "$WEAK/home/carol" 0750 0 0
mk file "$WEAK/srv/ww-file" 0666
mk dir "$WEAK/srv/ww-dir" 0777
mk dir "$WEAK/srv/sticky" 1777
mk file "$WEAK/srv/tool-suid" 4755
mk file "$WEAK/srv/allowed-suid" 4755
mk file "$WEAK/srv/tool-sgid" 2755
mk dir "$WEAK/srv/group-dir" 2775
mk file "$WEAK/srv/orphan-file" 0644 4242
mk file "$WEAK/srv/orphan-group" 0644 0 4343
mk fifo "$WEAK/srv/pipe" 0666 4242
mk dir "$WEAK/srv/secret" 0755
mk file "$WEAK/srv/secret/report.txt" 0644
mk dir "$WEAK/srv/secret/inner" 0700
mk file "$WEAK/srv/secret/inner/deep.txt" 0644
mk dir "$WEAK/srv/public" 0777
mk file "$WEAK/srv/public/readme.txt" 0644
mk dir "$WEAK/srv/team" 0770 0 1500
mk dir "$WEAK/srv/web" 0755
mk file "$WEAK/srv/web/.env" 0644
mk file "$WEAK/srv/web/backup.sql.gz" 0644
mk file "$WEAK/srv/web/id_rsa" 0600
mk file "$WEAK/srv/acl-orphan" 0644
mk acl-user "$WEAK/srv/acl-orphan" 7777
mk dir "$WEAK/srv/acl-inherit" 0755
mk acl-default-other-write "$WEAK/srv/acl-inherit"
mk file "$WEAK/srv/acl-group" 0644
mk acl-group "$WEAK/srv/acl-group" 1500
mk file "$WEAK/var/www/html/index.html" 0644
cat > "$TMPDIR_TEST/weak.ini" <<'EOF'
[plugin.shares]
sensitive_path = /srv/secret
setuid_allow = /srv/allowed-*
acl = yes
EOF
weak_checks() {
	expect_counts "$1" \
	    "world-writable-file 0 1" \
	    "world-writable-dir 0 2" \
	    "setuid 0 1" \
	    "setgid 2 1" \
	    "orphan-owner 2 3" \
	    "locked-owner 2 2" \
	    "other-readable-sensitive 0 4" \
	    "secret-file-readable 0 3" \
	    "home-too-open 0 1" \
	    "home-too-open 2 1" \
	    "acl-other-write 0 1" \
	    "acl-orphan-user 2 1" \
	    "acl-broad-mask 2 1" \
	    "unreadable 4 1" \
	    "samba-config 4 1" \
	    "samba-guest-write 0 1" \
	    "samba-guest-access 2 1" \
	    "samba-guest-only 2 1" \
	    "samba-no-valid-users 2 2" \
	    "samba-admin-users 2 1" \
	    "samba-force-root 0 1" \
	    "samba-no-hosts-allow 2 4" \
	    "samba-mask-other-write 0 2" \
	    "samba-wide-links 2 1" \
	    "samba-path-open 0 1" \
	    "samba-unknown-user 2 2" \
	    "samba-map-to-guest 2 1" \
	    "samba-smb1 0 1" \
	    "samba-ntlmv1 0 1" \
	    "samba-restrict-anonymous 2 1" \
	    "samba-usershare-guests 2 1" \
	    "nfs-config 4 1" \
	    "nfs-world-export 0 2" \
	    "nfs-world-export 2 2" \
	    "nfs-world-read 2 1" \
	    "nfs-no-root-squash 0 1" \
	    "nfs-insecure 2 1" \
	    "nfs-anonuid-root 0 1" \
	    "nfs-sec-sys 2 4"
}
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/weak.ini" \
    --format json --output "$out"
weak_checks "$out"
[ "$(item_score "$out" 4)" = 2 ] || fail "weak root: item 4 is $(item_score "$out" 4)"
# The objects are the right ones, not just the right number.
[ "$(examples "$out" other-readable-sensitive 0)" = \
    '["/srv/public", "/srv/public/readme.txt", "/srv/secret", "/srv/secret/report.txt"]' ] ||
    fail "other-readable: $(examples "$out" other-readable-sensitive 0)"
[ "$(examples "$out" secret-file-readable 0)" = \
    '["/home/alice/.ssh/id_rsa", "/srv/web/.env", "/srv/web/backup.sql.gz"]' ] ||
    fail "secrets: $(examples "$out" secret-file-readable 0)"
[ "$(examples "$out" orphan-owner 2)" = '["/srv/orphan-file", "/srv/orphan-group", "/srv/pipe"]' ] ||
    fail "orphans: $(examples "$out" orphan-owner 2)"
[ "$(examples "$out" home-too-open 0)" = '["/home/carol"]' ] || fail "carol's home"
[ "$(examples "$out" samba-unknown-user 2)" = '["/etc/samba/smb.conf [team]", "/etc/samba/smb.conf [team]"]' ] ||
    fail "unknown users: $(examples "$out" samba-unknown-user 2)"
[ "$(examples "$out" samba-no-valid-users 2)" = '["/etc/samba/smb.conf [extra]", "/etc/samba/smb.conf [homes]"]' ] ||
    fail "no valid users: $(examples "$out" samba-no-valid-users 2)"
[ "$(examples "$out" nfs-world-export 0)" = '["/etc/exports:2 /srv/nfs/open", "/etc/exports:3 /srv/nfs/pitfall"]' ] ||
    fail "world exports: $(examples "$out" nfs-world-export 0)"
[ "$(examples "$out" nfs-world-export 2)" = '["/etc/exports.d/10-more.exports:1 /srv/nfs/quoted dir", "/etc/exports:4 /srv/nfs/lan"]' ] ||
    fail "wide exports: $(examples "$out" nfs-world-export 2)"
grep -q 'ignored' "$out" && fail "a file of exports.d without .exports was read"
grep -q 'mode 0666' "$out" || fail "evidence lacks the mode"
grep -q "create mask = 0666 (/etc/samba/weak-extra.conf:5)" "$out" || fail "evidence lacks the include's FILE:LINE"
grep -qi 'hashvalue\|Secrethash' "$out" && fail "a password hash leaked into the report"
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out" "$top_srcdir/docs/report-schema.json" || fail "schema validation"
# Titles and remedies in Japanese too.
"$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/weak.ini" --lang ja \
    > "$TMPDIR_TEST/weak-ja.txt" 2>/dev/null || true
grep -q '誰でも書き換えられるファイルがある' "$TMPDIR_TEST/weak-ja.txt" || fail "no Japanese title"
grep -q 'exportfs -ra を実行してください' "$TMPDIR_TEST/weak-ja.txt" || fail "no Japanese remedy"
# The same, walked by two threads and with very few open directories.
printf 'jobs = 2\nmax_open_dirs = 4\n' >> "$TMPDIR_TEST/weak.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/weak.ini" \
    --format json --output "$out"
weak_checks "$out"
# share_paths = no: the share directories are not scanned as sensitive.
printf '[plugin.shares]\nshare_paths = no\nsamba = no\nnfs = no\n' > "$TMPDIR_TEST/noshare.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/noshare.ini" \
    --format json --output "$out"
expect_count "$out" other-readable-sensitive 0 0
expect_count "$out" setuid 0 2
expect_count "$out" samba-guest-write 0 0
assert_py "$out" "not [f for f in d['findings'] if f['check'].startswith('shares.samba')]"
# exclude and scan_root: only what is asked for.
printf '[plugin.shares]\nscan_root = /srv\nexclude = /srv/public\nexclude = /srv/web\nsamba = no\nnfs = no\n' \
    > "$TMPDIR_TEST/exclude.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/exclude.ini" \
    --format json --output "$out"
expect_count "$out" world-writable-dir 0 1
expect_count "$out" secret-file-readable 0 0
expect_count "$out" locked-owner 2 0
# A configured root that is not there is worth a warning (a default not).
printf '[plugin.shares]\nscan_root = /srv\nscan_root = /nowhere\nsamba = no\nnfs = no\n' \
    > "$TMPDIR_TEST/missing.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" -c "$TMPDIR_TEST/missing.ini" \
    --format json --output "$out" 2>"$err"
grep -q 'shares: warning: /nowhere: No such file or directory; not scanned' "$err" ||
    fail "missing root: $(cat "$err")"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$WEAK" --format json --output "$out" 2>"$err"
grep -q 'opt' "$err" && fail "a missing default root was warned about: $(cat "$err")"

# --- Samba that Samba itself would refuse --------------------------------
BAD=$TMPDIR_TEST/badsmb
accounts "$BAD"
mkdir -p "$BAD/etc/samba"
printf '[global]\n   workgroup = X\n[data]\n   path = /srv/data\n   guest ok = maybe\n' > "$BAD/etc/samba/smb.conf"
expect_status 2 "$SMEAUDIT" --plugin shares --root "$BAD" --format json --output "$out"
expect_count "$out" samba-config -1 1
assert_py "$out" "[f for f in d['findings'] if f['check'] == 'shares.samba-config'][0]['evidence'].startswith('/etc/samba/smb.conf:5: ')"
assert_py "$out" "not [f for f in d['findings'] if f['check'].startswith('shares.samba-') and f['check'] != 'shares.samba-config']" \
    "checks of a refused smb.conf must not pass"

# --- an adversarial tree -------------------------------------------------
ADV=$TMPDIR_TEST/adv
accounts "$ADV"
mkdir -p "$ADV/data" "$TMPDIR_TEST/outside"
mk file "$TMPDIR_TEST/outside/outside-ww" 0666
ln -s loop-b "$ADV/data/loop-a"
ln -s loop-a "$ADV/data/loop-b"
ln -s .. "$ADV/data/up"
ln -s / "$ADV/data/slash"
ln -s ../../../../../../.. "$ADV/data/escape"
ln -s "$TMPDIR_TEST/outside" "$ADV/data/outside"
mk deep "$ADV/data/deep" 10000
mk fifo "$ADV/data/pipe" 0666 0
mk socket "$ADV/data/sock"
mknod "$ADV/data/null" c 1 3 && chmod 666 "$ADV/data/null"
mk oddnames "$ADV/data"
mk many "$ADV/data/many" 2000
mk dir "$ADV/data/locked" 0700
mk file "$ADV/data/locked/hidden-ww" 0666
mk dir "$ADV/data/listonly" 0744
mk file "$ADV/data/listonly/file" 0644
cat > "$TMPDIR_TEST/adv.ini" <<'EOF'
[plugin.shares]
scan_root = /data
max_open_dirs = 4
timeout = 120s
EOF
expect_status 1 "$SMEAUDIT" --plugin shares --root "$ADV" -c "$TMPDIR_TEST/adv.ini" \
    --format json --output "$out"
assert_py "$out" "d['plugins'][0]['status'] == 'ok'"
# 2 in the deep chain, 2 odd names, 2000 in many/, 1 in locked/.
expect_count "$out" world-writable-file 0 2005
assert_py "$out" "len([f for f in d['findings'] if f['check'] == 'shares.world-writable-file'][0]['examples']) == 10" \
    "a big finding keeps only its first examples"
expect_count "$out" unreadable 4 1
grep -q outside-ww "$out" && fail "a symlink led the walk out of the root"
# The deepest file, 10,000 levels down, is there with its whole path.
printf '[plugin.shares]\nscan_root = /data/deep\nmax_open_dirs = 4\njobs = 2\n' > "$TMPDIR_TEST/deep.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$ADV" -c "$TMPDIR_TEST/deep.ini" \
    --format json --output "$out"
expect_count "$out" world-writable-file 0 2
assert_py "$out" "max(len(e) for f in d['findings'] if f['check'] == 'shares.world-writable-file' for e in f['examples']) == len('/data/deep') + 2 * 10000 + 3"
# Odd names survive into valid JSON, bytes marked, nothing lost.
printf '[plugin.shares]\nscan_root = /data\nexclude = /data/many\nexclude = /data/deep\n' > "$TMPDIR_TEST/odd.ini"
expect_status 1 "$SMEAUDIT" --plugin shares --root "$ADV" -c "$TMPDIR_TEST/odd.ini" \
    --format json --output "$out"
[ "$(examples "$out" world-writable-file 0)" = '["/data/bad\\xff\\xfename", "/data/locked/hidden-ww", "/data/new\nline"]' ] ||
    fail "odd names: $(examples "$out" world-writable-file 0)"
# As an unprivileged user: the locked directory becomes "could not check".
chmod 755 "$ADV" "$ADV/data"
mkdir "$TMPDIR_TEST/nobody" && chown 65534 "$TMPDIR_TEST/nobody"
nobody_out=$TMPDIR_TEST/nobody/out.json
expect_status 1 as_nobody "$SMEAUDIT" --plugin shares --root "$ADV" -c "$TMPDIR_TEST/odd.ini" \
    --format json --output "$nobody_out"
expect_count "$nobody_out" unreadable -1 2
[ "$(examples "$nobody_out" unreadable -1)" = '["/data/listonly", "/data/locked"]' ] ||
    fail "unreadable: $(examples "$nobody_out" unreadable -1)"
expect_count "$nobody_out" world-writable-file 0 2
# Every root unreadable: "could not check", and no file check passes.
printf '[plugin.shares]\nscan_root = /data/locked\nsamba = no\nnfs = no\n' > "$TMPDIR_TEST/locked.ini"
expect_status 2 as_nobody "$SMEAUDIT" --plugin shares --root "$ADV" -c "$TMPDIR_TEST/locked.ini" \
    --format json --output "$nobody_out"
expect_counts "$nobody_out" "unreadable -1 1" "world-writable-file 4 0" "setuid 4 0" \
    "world-writable-file na 0"

# --- testparm cross-check on the live host ------------------------------
if [ -x /usr/bin/testparm ]; then
	LIVE=$TMPDIR_TEST/live
	mkdir -p "$LIVE/samba" "$LIVE/scan"
	sed "s|/etc/samba/weak-extra.conf|$LIVE/samba/weak-extra.conf|" "$FX/smb-weak.conf" \
	    > "$LIVE/samba/smb.conf"
	cp "$FX/smb-weak-extra.conf" "$LIVE/samba/weak-extra.conf"
	cat > "$TMPDIR_TEST/live.ini" <<EOF
[plugin.shares]
scan_root = $LIVE/scan
share_paths = no
nfs = no
samba_config = $LIVE/samba/smb.conf
EOF
	"$SMEAUDIT" -v --plugin shares --root / -c "$TMPDIR_TEST/live.ini" --format json \
	    --output "$out" 2>"$err" || true
	grep -q 'cross-checked with testparm' "$err" || fail "testparm did not run: $(cat "$err")"
	grep -q 'testparm disagrees' "$err" && fail "reader and testparm disagree: $(cat "$err")"
	# (Which user names exist depends on this host: not compared.)
	for c in "samba-guest-write 0 1" "samba-no-valid-users 2 2" "samba-no-hosts-allow 2 4" \
	    "samba-smb1 0 1" "samba-ntlmv1 0 1" \
	    "samba-force-root 0 1" "samba-mask-other-write 0 2"; do
		set -- $c
		expect_count "$out" "$1" "$2" "$3"
	done
	# A testparm that sees otherwise wins, and says so.
	cat > "$TMPDIR_TEST/fake-testparm" <<'EOF'
#!/bin/sh
printf '[global]\n\tmap to guest = Bad Password\n\trestrict anonymous = 2\n\thosts allow = 10.\n'
EOF
	chmod 755 "$TMPDIR_TEST/fake-testparm"
	printf 'testparm = %s\n' "$TMPDIR_TEST/fake-testparm" >> "$TMPDIR_TEST/live.ini"
	"$SMEAUDIT" --plugin shares --root / -c "$TMPDIR_TEST/live.ini" --format json \
	    --output "$out" 2>"$err" || true
	grep -q 'testparm disagrees: it sees shares.samba-map-to-guest' "$err" || fail "no disagreement logged"
	expect_count "$out" samba-map-to-guest 0 1
	expect_count "$out" samba-map-to-guest 2 0
	expect_count "$out" samba-guest-write 0 0
	# One file read in whole is what smbd reads: testparm is not run.
	printf '#!/bin/sh\ntouch "%s/testparm-ran"\n' "$TMPDIR_TEST" > "$TMPDIR_TEST/fake-testparm"
	printf '[global]\n  map to guest = never\n[plain]\n  path = /srv\n  valid users = root\n' \
	    > "$LIVE/samba/plain.conf"
	sed "s|^samba_config = .*|samba_config = $LIVE/samba/plain.conf|" "$TMPDIR_TEST/live.ini" \
	    > "$TMPDIR_TEST/plain.ini"
	"$SMEAUDIT" -v -v --plugin shares --root / -c "$TMPDIR_TEST/plain.ini" --format json \
	    --output "$out" 2>"$err" || true
	[ ! -e "$TMPDIR_TEST/testparm-ran" ] || fail "testparm ran for a plain single file"
	grep -q 'one file read in whole; no testparm cross-check needed' "$err" ||
	    fail "the skipped cross-check is not logged: $(cat "$err")"
	printf '#!/bin/sh\necho "Error loading services."\nexit 1\n' > "$TMPDIR_TEST/fake-testparm"
	"$SMEAUDIT" --plugin shares --root / -c "$TMPDIR_TEST/live.ini" --format json \
	    --output "$out" 2>/dev/null || true
	expect_count "$out" samba-config -1 1
	assert_py "$out" "not [f for f in d['findings'] if f['check'] == 'shares.samba-smb1' and f['level'] == 4]"
else
	echo "testparm not installed: cross-check not tested" >&2
fi

# --- bad configuration: exit 3 before anything is audited, one line
# naming the file and line of the value, and no report -------------------
bad() { expect_bad_setting shares "$CLEAN" "$1" "$2"; }
bad '[plugin.shares]\njobs = 99\n' '2: jobs = 99: must be between 0 and 64$'
bad '[plugin.shares]\nmax_open_dirs = 2\n' '2: max_open_dirs = 2: must be between 4 and 1024$'
bad '[plugin.shares]\nsensitive_path = srv/data\n' '2: sensitive_path = srv/data: must be an absolute path without ".."$'
bad '[plugin.shares]\nexclude = /srv\n\nexclude = /srv/../etc\n' '4: exclude = /srv/../etc: must be an absolute path'
bad '[plugin.shares]\nnfs_wide_prefix = 40\n' '2: nfs_wide_prefix = 40: must be between 0 and 32$'
bad '[plugin.shares]\nhuman_uid_min = -1\n' '2: human_uid_min = -1: must be between 0 and 4294967294$'
bad '[plugin.shares]\nsamba = no\nsamba_config = etc/samba/smb.conf\n' '3: samba_config = etc/samba/smb.conf: must be an absolute path$'
bad '[plugin.shares]\nnfs_exports_dir = exports.d\n' '2: nfs_exports_dir = exports.d: must be an absolute path$'
bad '[plugin.shares]\ntestparm = testparm\n' '2: testparm = testparm: must be an absolute path or empty$'
printf '[plugin.shares]\nroots = /srv\n' > "$TMPDIR_TEST/bad.ini"
expect_status 3 "$SMEAUDIT" --plugin shares --root "$CLEAN" -c "$TMPDIR_TEST/bad.ini" 2>"$err"
grep -q 'bad.ini:2: unknown key "roots"' "$err" || fail "unknown key: $(cat "$err")"
exit 0
