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

# audit LANG PLUGIN ROOT: a JSON report of PLUGIN on fixture ROOT in LANG.
audit() {
	out=$TMPDIR_TEST/$2-$(echo "$3" | tr / -)-$1.json
	set +e
	"$SMEAUDIT" -q --plugin "$2" --root "$F/$3" --now "$NOW" --lang "$1" \
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
for plugin in antivirus backup encryption firewall logging screenlock updates wifi; do
	for dir in "$F/$plugin"/*/; do
		root=$plugin/$(basename "$dir")
		en=$(audit en "$plugin" "$root")
		ja=$(audit ja "$plugin" "$root")
		python3 - "$en" "$ja" "$root" <<'EOF' || fail "untranslated evidence on $root"
import json, re, sys
en = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
ja = json.load(open(sys.argv[2], encoding="utf-8"))["findings"]
quoted = re.compile(r"^(/etc/modprobe\.d/[^:]+:\d+: |DEFAULT_INPUT_POLICY=\S+, IPV6=|\S+ \S+ \S+: policy drop$)")
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
