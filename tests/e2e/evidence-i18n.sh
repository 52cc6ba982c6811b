#!/bin/sh
# SPDX-License-Identifier: MIT
# Evidence in the reader's language: the shipped plugins translate their
# evidence (and prose object labels) from smeaudit's catalogue, so --lang
# ja (or a Japanese locale) gives Japanese evidence and --lang en English,
# on the plugins' own fixture roots.  Texts quoted from the audited system
# (paths, package names, configuration lines) stay as they are.
set -eu
. "$top_srcdir/tests/lib.sh"

export TZ=UTC
F=$FIXTURES
NOW=2026-03-01T00:00:00Z

# audit LANG PLUGIN ROOT: a JSON report of PLUGIN on fixture ROOT (under
# tests/fixtures, or an absolute path the test built) in LANG.
audit() {
	out=$TMPDIR_TEST/$2-$(echo "$3" | tr / -)-$1.json
	case $3 in /*) where=$3 ;; *) where=$F/$3 ;; esac
	set +e
	"$SMEAUDIT" -q --plugin "$2" --root "$where" --now "$NOW" --lang "$1" \
	    --format json --output "$out"
	status=$?
	set -e
	[ "$status" -le 2 ] && [ -s "$out" ] || fail "$2 on $3 (--lang $1): exit $status"
	echo "$out"
}
# evidence_is LANG PLUGIN ROOT CHECK TEXT: the first finding of CHECK has
# exactly the evidence TEXT.
evidence_is() {
	report=$(audit "$1" "$2" "$3")
	got=$(jq_py "$report" "[f['evidence'] for f in d['findings'] if f['check'] == '$2.$4'][:1]")
	want=$(python3 -c 'import json,sys; print(json.dumps([sys.argv[1]], ensure_ascii=False))' "$5")
	[ "$got" = "$want" ] || fail "$2.$4 on $3 (--lang $1): evidence $got, expected $want"
}
# both ROOT-PLUGIN CHECK EN JA: the English and the Japanese evidence.
both() {
	evidence_is en "$1" "$2" "$3" "$4"
	evidence_is ja "$1" "$2" "$3" "$5"
}

both antivirus antivirus/fail installed \
    'neither ClamAV nor a known anti-malware/EDR agent found' \
    'ClamAV も、既知のウイルス対策/EDR エージェントも見つかりません'
# unit states come from plugins/lib (units.c), translated there too
both antivirus antivirus/partial service \
    'clamav-daemon.service enabled; clamav-freshclam.service disabled' \
    'clamav-daemon.service は有効。clamav-freshclam.service は無効'
# the translation puts the arguments in another order (%2$s ... %1$s)
both backup backup/detect target \
    'rsnapshot found in /etc/rsnapshot.conf: snapshot_root /srv/snap/ (from /etc/rsnapshot.conf) does not exist: no snapshot was ever made' \
    '/etc/rsnapshot.conf で rsnapshot を検出: snapshot_root /srv/snap/(/etc/rsnapshot.conf の設定)が存在しません。スナップショットは一度も作られていません'
both encryption encryption/fail usb-storage \
    'no blacklist or install rule for usb-storage in modprobe.d (policy: inform)' \
    'modprobe.d に usb-storage の blacklist も install の設定もありません(方針: inform)'
both firewall firewall/fail enabled \
    '/etc/nftables.conf present, nftables.service not enabled' \
    '/etc/nftables.conf あり、nftables.service は有効になっていません'
both logging logging/partial retention \
    '/etc/logrotate.d/rsyslog:7: 4 rotations of a week kept, about 28d (need 90d)' \
    '/etc/logrotate.d/rsyslog:7: 1週間ごとに 4 世代を保存、約 28d(必要: 90d)'
both screenlock screenlock/headless-fail console-timeout \
    'TMOUT=0 (never)' 'TMOUT=0(自動ログアウトしない)'
both updates updates/fail auto-upgrades \
    'package unattended-upgrades is not installed' \
    'パッケージ unattended-upgrades が導入されていません'
both updates updates/fail last-upgrade \
    'last upgrade at 2025-06-02 09:00 UTC, 271 days ago; upgrades are pending' \
    '最後の更新 2025-06-02 09:00 UTC(271 日前)。未適用の更新あり'
both wifi wifi/fail wpa-tkip \
    'WPA/TKIP only: key_mgmt=WPA-PSK proto=WPA pairwise=TKIP' \
    'WPA/TKIP のみ: key_mgmt=WPA-PSK proto=WPA pairwise=TKIP'

# password: policy and account evidence on its fixture roots; module
# names, options and account names stay as they are.
both password password/weak min-length \
    'shortest password accepted: 4 characters (pam_unix minlen=4); wanted 12' \
    '受け付ける最短のパスワード: 4 文字(pam_unix minlen=4)。必要: 12'
both password password/weak empty \
    'empty password field (no password needed to log in)' \
    'パスワード欄が空です(パスワードなしでログインできます)'
both password password/weak lockout \
    'login: no lockout, sshd: no lockout; wanted a lockout within 10 failures' \
    'login: ロックアウトなし、sshd: ロックアウトなし。必要: 10 回以内の失敗でロックアウト'
both password password/strong hash-scheme \
    '3 password hashes, all with an accepted scheme' \
    'パスワードのハッシュ 3 件、すべて認められた方式です'
both password password/strong dictionary-check \
    'pam_pwquality checks new passwords against a dictionary' \
    'pam_pwquality が新しいパスワードを辞書と照合しています'
# an object label of an account is translated, the account name is not
report=$(audit ja password password/weak)
assert_py "$report" "[f['examples'] for f in d['findings'] if f['check'] == 'password.empty'] == [['frank', 'alice']]" \
    "account names stay as they are"

# shares: a small root built here (ownership and modes git cannot hold),
# one finding per check so that the evidence shown is that one.
S=$TMPDIR_TEST/shares-root
mkdir -p "$S/etc/samba" "$S/home/alice" "$S/srv/public"
printf 'root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\n' > "$S/etc/passwd"
printf 'root:x:0:\nalice:x:1000:\n' > "$S/etc/group"
chown 1000:1000 "$S/home/alice" && chmod 0755 "$S/home/alice"
chmod 0750 "$S/srv/public"
: > "$S/srv/ww-file" && chmod 0666 "$S/srv/ww-file"
: > "$S/srv/orphan" && chown 4242:0 "$S/srv/orphan"
printf '[global]\n\tworkgroup = OFFICE\n[public]\n\tpath = /srv/public\n\tguest ok = yes\n\tvalid users = alice, ghost\n' \
    > "$S/etc/samba/smb.conf"
printf '/srv/nfs2 trusted.example (rw)\n/srv/nfs *(rw,no_root_squash)\n' > "$S/etc/exports"
both shares "$S" world-writable-file \
    'mode 0666, owner uid 0, group gid 0' 'モード 0666、所有者 uid 0、グループ gid 0'
both shares "$S" orphan-owner 'uid 4242 has no account' 'uid 4242 のアカウントがありません'
both shares "$S" home-too-open \
    'home of alice: mode 0755 (more open than 0750)' \
    'alice のホームディレクトリ: モード 0755(0750 より緩い)'
# the translation puts the arguments in another order (%2$s ... %1$s)
both shares "$S" samba-unknown-user \
    'user ghost in valid users has no account (/etc/samba/smb.conf:6)' \
    'valid users のユーザー ghost にはアカウントがありません (/etc/samba/smb.conf:6)'
both shares "$S" samba-restrict-anonymous \
    'restrict anonymous = 0 (default)' 'restrict anonymous = 0 (既定値)'
both shares "$S" samba-no-hosts-allow \
    'no "hosts allow" here or in [global]: any network may connect' \
    'この共有にも [global] にも "hosts allow" がありません。どのネットワークからも接続できます'
both shares "$S" nfs-sec-sys \
    'only sec=sys: the server trusts the uid the client claims' \
    'sec=sys のみ。サーバーはクライアントが名乗る uid をそのまま信用します'
both shares "$S" nfs-world-export \
    '"(rw)" after a space applies to everyone, not the host before it' \
    '空白の後の "(rw)" は直前のホストではなく、すべてのホストに適用されます'
both shares "$S" nfs-config '2 exports checked' '2 件の公開設定を確認'

# A prose object label is translated; a package name never is.
report=$(audit ja logging logging/fail)
assert_py "$report" "[f['examples'] for f in d['findings'] if f['check'] == 'logging.retention'] == [['ログ']]" \
    "logging.retention's object in Japanese"
report=$(audit en logging logging/fail)
assert_py "$report" "[f['examples'] for f in d['findings'] if f['check'] == 'logging.retention'] == [['logs']]" \
    "logging.retention's object in English"
report=$(audit ja updates updates/fail)
assert_py "$report" "'openssl:amd64' in [f for f in d['findings'] if f['check'] == 'updates.pending-security'][0]['examples']" \
    "package names stay as they are"

# The locale decides when --lang does not; --lang beats the locale.
env -u LC_ALL -u LANGUAGE LANG=ja_JP.UTF-8 "$SMEAUDIT" -q --plugin antivirus \
    --root "$F/antivirus/fail" --now "$NOW" --format text > "$TMPDIR_TEST/ja.txt" || true
grep -q '証拠: ClamAV も、既知のウイルス対策/EDR エージェントも見つかりません' "$TMPDIR_TEST/ja.txt" ||
    fail "text report under LANG=ja_JP.UTF-8 lacks the Japanese evidence: $(cat "$TMPDIR_TEST/ja.txt")"
env -u LC_ALL -u LANGUAGE LANG=ja_JP.UTF-8 "$SMEAUDIT" -q --plugin antivirus --lang en \
    --root "$F/antivirus/fail" --now "$NOW" --format text > "$TMPDIR_TEST/en.txt" || true
grep -q 'neither ClamAV nor a known anti-malware/EDR agent found' "$TMPDIR_TEST/en.txt" ||
    fail "--lang en under LANG=ja_JP.UTF-8 lacks the English evidence: $(cat "$TMPDIR_TEST/en.txt")"

# Every finding on every fixture root of these plugins reads differently
# in Japanese, except evidence that only quotes the audited system.
# (The shares root is the one built above, as an absolute path.)
for plugin in antivirus backup encryption firewall logging screenlock updates wifi \
    password shares; do
	roots=
	for dir in "$F/$plugin"/*/; do
		[ -d "$dir" ] && roots="$roots $plugin/$(basename "$dir")"
	done
	[ "$plugin" = shares ] && roots=$S
	for root in $roots; do
		en=$(audit en "$plugin" "$root")
		ja=$(audit ja "$plugin" "$root")
		python3 - "$en" "$ja" "$root" <<'EOF' || fail "untranslated evidence on $root"
import json, re, sys
en = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
ja = json.load(open(sys.argv[2], encoding="utf-8"))["findings"]
quoted = re.compile(r"^(/etc/modprobe\.d/[^:]+:\d+: |DEFAULT_INPUT_POLICY=\S+, IPV6=|\S+ \S+ \S+: policy drop$"
                    # smb.conf lines (key = value (FILE:LINE)), an export's client(options), a bare path
                    r"|([a-z ]+ = [^()]* \(/etc/samba/smb\.conf:\d+\)(, |$))+$|\S*\([^()]*\)$|/\S*$)")
if [f["check"] for f in en] != [f["check"] for f in ja]:
    sys.exit("%s: other findings in Japanese" % sys.argv[3])
bad = [(e["check"], e["evidence"]) for e, j in zip(en, ja)
       if e["evidence"] and e["evidence"] == j["evidence"] and not quoted.search(e["evidence"])]
for check, text in bad:
    print("%s: %s: still English: %s" % (sys.argv[3], check, text), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
	done
done
