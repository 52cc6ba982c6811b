#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit risk: the seed's worked example and ledger rows, CSV in UTF-8
# (with and without BOM) and CP932, the record-file form, the scales as
# data, and every input error with its FILE:LINE and exit status 3.
set -eu
. "$top_srcdir/tests/lib.sh"

L=$FIXTURES/ledger
T=$TMPDIR_TEST
out=$T/risk.json

asset() { echo "[a for a in d['assets'] if a['name'] == '$1'][0]"; }

# --- the seed's examples -----------------------------------------------------
expect_status 1 "$SMEAUDIT" risk --ledger "$L/seed.csv" --format json > "$out"
ec=$(asset ECサイトの顧客DB)
assert_py "$out" "$ec['importance'] == 2 and $ec['likelihood'] == 3 and $ec['risk'] == 6"
assert_py "$out" "$ec['band'] == 'large' and $ec['treatment'] is None and $ec['needs_treatment'] is True"
assert_py "$out" "$ec['line'] == 6 and $ec['personal'] is True"
assert_py "$out" "$(asset 社員名簿)['importance'] == 2 and $(asset 社員名簿)['treatment'] == 'reduce'"
assert_py "$out" "$(asset 健康診断の結果)['importance'] == 2 and $(asset 健康診断の結果)['sensitive_personal'] is True"
assert_py "$out" "$(asset 健康診断の結果)['note'] == '入社時と定期の 健康診断'" "a two-line cell"
assert_py "$out" "$(asset 当社宛請求書)['importance'] == 1 and $(asset 当社宛請求書)['risk'] == 2"
assert_py "$out" "$(asset 当社宛請求書)['note'] == '原本(過去3年分、\"写し\"を含む)'" "doubled quotes"
assert_py "$out" "$(asset 給与システムデータ)['my_number'] is True and $(asset 給与システムデータ)['treatment'] == 'transfer'"
assert_py "$out" "$(asset 公開済みカタログ)['band'] == 'medium' and $(asset 公開済みカタログ)['risk'] == 1"
assert_py "$out" "[a['risk'] for a in d['assets']] == sorted([a['risk'] for a in d['assets']], reverse=True)"
assert_py "$out" "d['assets'][0]['name'] == 'ECサイトの顧客DB'"
assert_py "$out" "$ec['extra'] == {'重要度': '2'}" "unknown columns are kept"
assert_py "$out" "d['bands'] == {'large': 1, 'medium': 5, 'small': 0} and d['needs_treatment'] == 1"
assert_py "$out" "d['encoding'] == 'UTF-8' and d['format'] == 'csv'"
assert_py "$out" "all(set(a) >= {'name', 'importance', 'likelihood', 'risk', 'band', 'treatment', 'line'} for a in d['assets'])"

# text: sorted by risk in bands, the untreated large risk flagged, personal data listed
expect_status 1 "$SMEAUDIT" risk --ledger "$L/seed.csv" > "$T/risk.txt"
grep -q '^large (risk value 4-6; 1 assets)' "$T/risk.txt" || fail "large band heading: $(cat "$T/risk.txt")"
grep -q '^  ! 6 = 2 × 3  ECサイトの顧客DB \[personal information\]  (line 6)' "$T/risk.txt" || fail "the worked example line"
grep -q 'NONE DECIDED' "$T/risk.txt" || fail "untreated large risk not flagged"
grep -q '^Assets that need a treatment decision (marked !): 1' "$T/risk.txt" || fail "untreated summary"
grep -q '給与システムデータ \[My Number\]' "$T/risk.txt" || fail "My Number not highlighted"
grep -q '健康診断の結果 \[special-care personal information\]' "$T/risk.txt" || fail "special-care not highlighted"
python3 - "$T/risk.txt" <<'X' || fail "text not in risk order"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
assert t.index("ECサイトの顧客DB") < t.index("社員名簿") < t.index("当社宛請求書") < t.index("公開済みカタログ")
X
"$SMEAUDIT" --lang ja risk --ledger "$L/seed.csv" > "$T/risk-ja.txt" || true
grep -q '^大 (リスク値 4-6; 資産 1 件)' "$T/risk-ja.txt" || fail "Japanese band heading: $(head -5 "$T/risk-ja.txt")"
grep -q 'ECサイトの顧客DB \[個人情報\]' "$T/risk-ja.txt" || fail "Japanese personal mark"

# --- the same ledger as Excel writes it: CP932, or UTF-8 with a BOM, CRLF ---
python3 -c 'import sys; d = open(sys.argv[1], encoding="utf-8").read().replace("\n", "\r\n"); open(sys.argv[2], "wb").write(d.encode("cp932"))' \
    "$L/seed.csv" "$T/sjis.csv"
expect_status 1 "$SMEAUDIT" risk --ledger "$T/sjis.csv" --format json > "$T/sjis.json"
assert_py "$T/sjis.json" "d['encoding'] == 'CP932' and len(d['assets']) == 6"
assert_py "$T/sjis.json" "[(a['name'], a['risk'], a['line']) for a in d['assets']] == [(a['name'], a['risk'], a['line']) for a in json.load(open('$out'))['assets']]"
printf '\357\273\277' > "$T/bom.csv"
cat "$L/seed.csv" >> "$T/bom.csv"
expect_status 1 "$SMEAUDIT" risk --ledger "$T/bom.csv" --format json > "$T/bom.json"
assert_py "$T/bom.json" "d['encoding'] == 'UTF-8' and d['assets'][0]['name'] == 'ECサイトの顧客DB'"

# --- the record-file form ------------------------------------------------------
expect_status 1 "$SMEAUDIT" risk --ledger "$L/seed.ini" --format json > "$out"
assert_py "$out" "d['format'] == 'ini' and [a['name'] for a in d['assets']] == ['ECサイトの顧客DB', '社員名簿']"
assert_py "$out" "d['assets'][0]['risk'] == 6 and d['assets'][0]['line'] == 2"

# every large risk treated: exit 0
sed 's/Webサーバ,有,,,2,2,2,2,,2016\/7\/1,3,3,$/Webサーバ,有,,,2,2,2,2,,2016\/7\/1,3,3,低減/' "$L/seed.csv" > "$T/treated.csv"
expect_status 0 "$SMEAUDIT" risk --ledger "$T/treated.csv" > "$T/risk.txt"
grep -q 'Every asset that needs a treatment has one' "$T/risk.txt" || fail "treated summary"

# --- the scales are data: a stricter table changes the bands, not the code ---
sed 's/^risk = 4-6$/risk = 2-6/; s/^risk = 1-3$/risk = 1/' "$top_srcdir/rules/risk-3.0.rules" > "$T/strict.rules"
expect_status 1 "$SMEAUDIT" risk --ledger "$L/seed.csv" --scale "$T/strict.rules" --format json > "$out"
assert_py "$out" "d['bands'] == {'large': 5, 'medium': 1, 'small': 0} and d['needs_treatment'] == 2"
sed 's/^risk = 1-3$/risk = 1-2/' "$top_srcdir/rules/risk-3.0.rules" > "$T/gap.rules"
expect_status 3 "$SMEAUDIT" risk --ledger "$L/seed.csv" --scale "$T/gap.rules" 2>"$T/err"
grep -qF "$T/gap.rules: risk 3 falls in 0 bands" "$T/err" || fail "scale gap: $(cat "$T/err")"

# --- every ledger error: FILE:LINE, exit 3, nothing printed on stdout -----------
H='情報資産名称,機密性,完全性,可用性,脅威,脆弱性'
bad() {			# bad NAME 'expected message'; the ledger is $T/NAME.csv
	expect_status 3 "$SMEAUDIT" risk --ledger "$T/$1.csv" >"$T/stdout" 2>"$T/err"
	grep -qF "smeaudit: $T/$1.csv:$2" "$T/err" || fail "$1: expected \"$1.csv:$2\", got: $(cat "$T/err")"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "$1: more than one error line"
	[ ! -s "$T/stdout" ] || fail "$1: output despite the error"
}
printf '%s\n顧客DB,2,2,2,3,3\n社員名簿,3,0,0,2,2\n' "$H" > "$T/bad-c.csv"
bad bad-c '3: 機密性 is "3"; expected a whole number 0-2'
printf '%s\n顧客DB,2,two,2,3,3\n' "$H" > "$T/bad-i.csv"
bad bad-i '2: 完全性 is "two"; expected a whole number 0-2'
printf '%s\n顧客DB,2,2,,3,3\n' "$H" > "$T/bad-a.csv"
bad bad-a '2: 可用性 is ""; expected a whole number 0-2'
printf '%s\n顧客DB,2,2,2,0,3\n' "$H" > "$T/bad-threat.csv"
bad bad-threat '2: 脅威 is "0"; expected a whole number 1-3'
printf '%s\n顧客DB,2,2,2,3,4\n' "$H" > "$T/bad-vuln.csv"
bad bad-vuln '2: 脆弱性 is "4"; expected a whole number 1-3'
printf '情報資産名称,機密性,可用性,脅威,脆弱性\n顧客DB,2,2,3,3\n' > "$T/missing.csv"
bad missing '1: the header lacks the column 完全性 (integrity)'
printf '%s\n顧客DB,2,2,2,3,3\n"社員名簿,2,0,0,2,2\n' "$H" > "$T/quote.csv"
bad quote '3: a quoted cell is never closed'
printf '%s\n顧客DB,2,2,2,3,3\n\200\377,1,1,1,1,1\n' "$H" > "$T/encoding.csv"
bad encoding '3: invalid UTF-8 (the text before it is UTF-8)'
printf 'asset,confidentiality,integrity,availability,threat,vulnerability\ndb,2,2,2,3,3\n\200\377,1,1,1,1,1\n' > "$T/encoding2.csv"
bad encoding2 '3: neither UTF-8 nor CP932 (Shift_JIS) text'
python3 -c 'import sys; open(sys.argv[1], "wb").write(sys.argv[2].encode("utf-16"))' "$T/utf16.csv" "$H"
bad utf16 '1: UTF-16 text'
printf '%s,個人情報\n顧客DB,2,2,2,3,3,たぶん\n' "$H" > "$T/flag.csv"
bad flag '2: 個人情報 is "たぶん"; mark it 有 or yes, or leave it empty'
printf '%s,対策\n顧客DB,2,2,2,3,3,WAF導入\n' "$H" > "$T/treatment.csv"
bad treatment '2: 対策 is "WAF導入"; expected one of 低減/reduce'
printf '%s,機密性\n顧客DB,2,2,2,3,3,1\n' "$H" > "$T/twice.csv"
bad twice '1: the column 機密性 appears twice'
printf '%s\n,2,2,2,3,3\n' "$H" > "$T/noname.csv"
bad noname '2: 情報資産名称 is empty'
printf '[asset db]\nconfidentiality = 2\nintegrity = 2\navailability = 2\nthreat = 3\nvulnerability = 9\n' > "$T/bad.ini"
expect_status 3 "$SMEAUDIT" risk --ledger "$T/bad.ini" 2>"$T/err"
grep -qF "$T/bad.ini:6: vulnerability is \"9\"" "$T/err" || fail "record-file error: $(cat "$T/err")"

# usage errors
expect_status 3 "$SMEAUDIT" risk 2>/dev/null
expect_status 3 "$SMEAUDIT" risk --ledger "$T/none.csv" 2>"$T/err"
grep -qF "$T/none.csv: No such file" "$T/err" || fail "missing ledger: $(cat "$T/err")"
expect_status 3 "$SMEAUDIT" risk --ledger "$L/seed.csv" --format html 2>/dev/null
expect_status 3 "$SMEAUDIT" risk --ledger "$L/seed.csv" extra 2>/dev/null
expect_status 0 "$SMEAUDIT" risk --help > /dev/null
exit 0
