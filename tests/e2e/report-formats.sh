#!/bin/sh
# SPDX-License-Identifier: MIT
# The report formats end to end: HTML (self-contained, escaped), CSV
# (BOM, RFC 4180, formula guard), nagios (line and exit statuses), junit,
# the SECURITY ACTION readiness section and --previous.
set -eu
. "$top_srcdir/tests/lib.sh"

NOW=--now=2026-11-26T09:00:00Z
out=$TMPDIR_TEST/out

# A host whose name and files try to inject markup and formulas.
root=$TMPDIR_TEST/root
mkdir -p "$root/etc"
printf '=1+2<script>alert(1)</script>\n' > "$root/etc/hostname"
cat > "$TMPDIR_TEST/answers.ini" <<'EOF'
[organization]
name = Example <b>Co</b> & "Sons"
basic_policy = yes
basic_policy_location = https://example.jp/policy?a=1&b=<2>
[diagnosis]
4 = 4
5 = 2
note.5 = shared at the <i>Monday</i> meeting
[service.mail]
label = Mail <svc>
1 = yes
9 = partly
EOF
P="--plugin-dir $TEST_PLUGINS --root $root $NOW"

# HTML: one file, no script, nothing to fetch, everything escaped.
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" \
    --format html --output "$out.html"
[ "$(stat -c %a "$out.html")" = 600 ] || fail "HTML report is not 0600"
grep -qi '<script' "$out.html" && fail "a <script> element in the HTML"
grep -q '=1+2&lt;script&gt;alert(1)&lt;/script&gt;' "$out.html" || fail "host name not escaped"
grep -q '/srv/c' "$out.html" || fail "finding object missing"
grep -q '&lt;script&gt;\\xff' "$out.html" || fail "object with <script> and a bad byte not shown as text"
grep -q 'Example &lt;b&gt;Co&lt;/b&gt; &amp; &quot;Sons&quot;' "$out.html" || fail "organisation name not escaped"
grep -q 'the &lt;i&gt;Monday&lt;/i&gt; meeting' "$out.html" || fail "answer note not escaped"
grep -q 'Mail &lt;svc&gt;' "$out.html" || fail "service label not escaped"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$out.html" || fail "no CSP"
grep -Eqi '(src|href)="(https?:)?//' "$out.html" && fail "the HTML refers to something outside itself"
grep -qi '@import\|url(' "$out.html" && fail "the CSS fetches something"
grep -q '@page{size:A4' "$out.html" || fail "no A4 print rules"
grep -q 'name="viewport"' "$out.html" || fail "no viewport for phones"
for id in summary readiness items cloud run; do
	grep -q "id=\"$id\"" "$out.html" || fail "HTML lacks section $id"
done
grep -q 'id="item-25"' "$out.html" || fail "HTML lacks item 25"
grep -q 'crashed' "$out.html" && fail "no plugin crashed, yet the HTML says so"
# The summary names what to fix first (item 4 is at 0) and the disagreement.
python3 - "$out.html" <<'EOF' || fail "summary page content"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
summary = html[html.index('id="summary"'):html.index('id="readiness"')]
fix = summary[summary.index('<ol class="fix">'):summary.index('</ol>')]
assert fix.index('#item-4') < fix.index('#item-2'), "item 4 (0) before item 2 (2)"
assert summary.count('class="cell ') == 25, "25 cells"
assert 'class="cell s0" href="#item-4"' in summary
assert 'class="cell s4" href="#item-1"' in summary
assert 'class="cell sna" href="#item-9"' in summary
# answered 4, evidence 0: a disagreement row
row = summary[summary.index('<a href="#item-4">4</a>'):]
row = row[:row.index('</tr>')]
assert '>4</span>' in row and '>0</span>' in row, row
EOF

# Japanese: the same report, Japanese headings.
expect_status 1 "$SMEAUDIT" --lang ja $P --plugin test-good --format html \
    --output "$out-ja.html"
grep -q '<html lang="ja">' "$out-ja.html" || fail "lang attribute"
grep -q '情報セキュリティ自社診断 結果報告書' "$out-ja.html" || fail "Japanese title"
grep -q '優先して取り組む項目' "$out-ja.html" || fail "Japanese summary heading"
grep -q 'SECURITY ACTION 一つ星' "$out-ja.html" || fail "Japanese declaration label"

# A crashed and a hung plugin are shown as such.
printf '[core]\ntimeout = 2s\n' > "$TMPDIR_TEST/t.ini"
expect_status 2 "$SMEAUDIT" $P -c "$TMPDIR_TEST/t.ini" -q \
    --plugin test-good,test-crash,test-hang --format html --output "$out.html"
grep -q 'class="alert"' "$out.html" || fail "incomplete run without a warning"
grep -q '<td class="st-bad">crashed</td>' "$out.html" || fail "crash not shown"
grep -q '<td class="st-bad">timeout</td>' "$out.html" || fail "timeout not shown"
grep -q 'killed by signal 11' "$out.html" || fail "crash reason not shown"

# CSV: BOM, CRLF, quoting, one header per table, formula guard.
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" \
    --format csv --output "$out.csv"
[ "$(head -c 3 "$out.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "CSV without BOM"
python3 - "$out.csv" <<'EOF' || fail "CSV content"
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf")
text = raw[3:].decode("utf-8")
assert text.endswith("\r\n") and text.split("\r\n")[1].startswith('"report",')
rows = list(csv.reader(io.StringIO(text, newline="")))
by = {}
for r in rows:
    if r and r[0] != "record":
        by.setdefault(r[0], []).append(r)
headers = [r for r in rows if r and r[0] == "record"]
assert len(headers) >= 5, headers
assert len(by["item"]) == 25 and len(by["cloud"]) == 15
item4 = [r for r in by["item"] if r[1] == "4"][0]
assert item4[4] == "0" and item4[10] == "yes", item4    # score 0, disagreement
report = by["report"][0]
assert report[1] == "'=1+2<script>alert(1)</script>", report[1]   # formula guard
fail = [r for r in by["finding"] if r[2] == "test-good.fail"][0]
assert fail[8] == "3" and fail[11].split("\n")[2] == "/srv/c", fail  # count, multi-line examples
assert "hunter2" not in text and "[redacted]" in text
svc = by["service"]
assert ["service", "mail", "Mail <svc>", "1", "4", "implemented", "answer", "", "4", "no", ""] in svc, svc
# the plugin's cloud finding names the service: its evidence scores it
assert ["service", "mail", "Mail <svc>", "10", "4", "implemented", "evidence", "4", "", "no", ""] in svc, svc
EOF
grep -q 'hunter2' "$out.csv" && fail "a password leaked into the CSV"
"$SMEAUDIT" $P --plugin test-good --format csv-nobom > "$out-nobom.csv" || true
[ "$(head -c 6 "$out-nobom.csv")" = record ] || fail "csv-nobom starts with a BOM"

# nagios: one line, perfdata, and the monitoring-plugins exit statuses.
nagios() {
	set +e
	"$SMEAUDIT" $P "$@" --format nagios > "$out.nagios"
	echo $? > "$out.status"
	set -e
	[ "$(wc -l < "$out.nagios")" -eq 1 ] || fail "nagios output is not one line"
}
nagios --plugin test-good
[ "$(cat "$out.status")" = 2 ] || fail "nagios: item at 0 is CRITICAL (2), got $(cat "$out.status")"
grep -q '^SMEAUDIT CRITICAL - score -11/100, 1 not implemented, 1 partly, 21 unknown |' "$out.nagios" ||
    fail "nagios line: $(cat "$out.nagios")"
grep -q ' total=-11;;;-25;100 basic=4;;;-5;20 employee=-8;;;-13;52 organization=-7;;;-7;28 ' "$out.nagios" ||
    fail "nagios perfdata: $(cat "$out.nagios")"
printf '[diagnosis]\n6 = 2\n' > "$TMPDIR_TEST/warn.ini"
nagios --plugin test-unknown --answers "$TMPDIR_TEST/warn.ini"
[ "$(cat "$out.status")" = 1 ] || fail "nagios: partly is WARNING (1)"
grep -q '^SMEAUDIT WARNING - ' "$out.nagios" || fail "nagios WARNING line"
printf '[diagnosis]\n6 = 4\n' > "$TMPDIR_TEST/ok.ini"
nagios --plugin test-unknown --answers "$TMPDIR_TEST/ok.ini"
[ "$(cat "$out.status")" = 0 ] || fail "nagios: all assessed at 4 is OK (0)"
grep -q '^SMEAUDIT OK - score .* 24 unknown |' "$out.nagios" || fail "nagios OK line: $(cat "$out.nagios")"
nagios -c "$TMPDIR_TEST/t.ini" -q --plugin test-good,test-crash
[ "$(cat "$out.status")" = 3 ] || fail "nagios: incomplete is UNKNOWN (3)"
grep -q '^SMEAUDIT UNKNOWN - audit incomplete: test-crash crashed; ' "$out.nagios" ||
    fail "nagios UNKNOWN line: $(cat "$out.nagios")"
nagios --plugin test-skip
[ "$(cat "$out.status")" = 3 ] || fail "nagios: nothing assessed is UNKNOWN (3)"

# junit: well-formed, one case per item, failures and skips counted.
expect_status 1 "$SMEAUDIT" $P --plugin test-good --format junit --output "$out.xml"
python3 - "$out.xml" <<'EOF' || fail "junit"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find("testsuite")
cases = suite.findall("testcase")
assert len(cases) == 25
assert suite.get("failures") == "2" and suite.get("skipped") == "21", suite.attrib
assert suite.get("name") == "=1+2<script>alert(1)</script>"
c4 = [c for c in cases if c.get("name").startswith("04 ")][0]
assert c4.find("failure").get("type") == "not-implemented"
assert "/srv/a" in c4.find("failure").text
EOF

# JSON: the readiness section and the schema.
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" \
    --format json --output "$out.json"
assert_py "$out.json" "d['security_action']['one_star']['supported'] is False"
assert_py "$out.json" "[r['number'] for r in d['security_action']['one_star']['rules_not_in_place']] == [2, 3, 4, 5]"
assert_py "$out.json" "d['security_action']['two_star']['basic_policy'] is True"
assert_py "$out.json" "3 in d['security_action']['two_star']['unknown_items'] and d['security_action']['two_star']['supported'] is False"
assert_py "$out.json" "'not a certification' in d['security_action']['note']"
python3 -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' \
    "$out.json" "$top_srcdir/docs/report-schema.json" || fail "schema validation"
"$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" > "$out.txt" || true
grep -q 'SECURITY ACTION readiness (self-declaration support, not a certification)' "$out.txt" ||
    fail "text report lacks the readiness section"
grep -q '    rule 4 Review sharing settings: item 4 not implemented' "$out.txt" ||
    fail "text readiness lacks why rule 4 is missing"

# Two stars: every item answered or assessed, and a published policy.
{
	printf '[organization]\nbasic_policy = yes\nbasic_policy_location = https://example.jp/policy\n[diagnosis]\n'
	for i in $(seq 1 25); do
		printf '%s = 4\n' "$i"
	done
} > "$TMPDIR_TEST/all.ini"
expect_status 0 "$SMEAUDIT" $P --plugin test-skip --answers "$TMPDIR_TEST/all.ini" \
    --format json --output "$out.json"
assert_py "$out.json" "d['security_action']['two_star']['supported'] is True"
assert_py "$out.json" "d['security_action']['one_star']['supported'] is True"
sed -i '/^basic_policy_location/d' "$TMPDIR_TEST/all.ini"
expect_status 0 "$SMEAUDIT" $P --plugin test-skip --answers "$TMPDIR_TEST/all.ini" \
    --format json --output "$out.json"
assert_py "$out.json" "d['security_action']['two_star']['supported'] is False" "a policy nobody can find"

# --ledger: the risk ledger (read by the ledger module), highest risk
# first, in every format; a broken ledger stops the run before it starts.
L=$FIXTURES/ledger/seed.csv
expect_status 1 "$SMEAUDIT" $P --plugin test-good --ledger "$L" --format html --output "$out.html"
python3 - "$out.html" <<'EOF' || fail "HTML risk ledger"
import sys
html = open(sys.argv[1], encoding="utf-8").read()
risk = html[html.index('id="risk"'):]
risk = risk[:risk.index("</section>")]
order = [risk.index(a) for a in ("ECサイトの顧客DB", "社員名簿", "健康診断の結果", "給与システムデータ", "当社宛請求書", "公開済みカタログ")]
assert order == sorted(order), order
first = risk[risk.index("ECサイトの顧客DB"):risk.index("社員名簿")]
assert "not decided yet" in first and "personal information" in first, first
assert first.count('class="b s0"') == 0 and risk.count('class="b s0"') == 1, "one asset in the high band"
EOF
expect_status 1 "$SMEAUDIT" $P --plugin test-good --ledger "$L" --format json --output "$out.json"
assert_py "$out.json" "[a['asset'] for a in d['risk_ledger']['assets']][:2] == ['ECサイトの顧客DB', '社員名簿']"
assert_py "$out.json" "d['risk_ledger']['assets'][0]['band'] == 'high' and d['risk_ledger']['assets'][0]['untreated'] is True"
assert_py "$out.json" "len(d['risk_ledger']['assets']) == 6 and d['risk_ledger']['assets'][5]['risk'] == 1"
expect_status 1 "$SMEAUDIT" $P --plugin test-good --ledger "$L" --format csv --output "$out.csv"
[ "$(grep -c '^"risk",' "$out.csv")" -eq 6 ] || fail "CSV risk rows"
grep -q '^"risk","high",6,2,3,"ECサイトの顧客DB","営業",,".*",yes' "$out.csv" || fail "CSV first risk row"
printf 'a,b\n1,2\n' > "$TMPDIR_TEST/bad-ledger.csv"
expect_status 3 "$SMEAUDIT" $P --plugin test-good --ledger "$TMPDIR_TEST/bad-ledger.csv" \
    --format html --output "$out-never.html" 2>"$TMPDIR_TEST/err"
grep -q "^smeaudit: $TMPDIR_TEST/bad-ledger.csv:1: " "$TMPDIR_TEST/err" || fail "bad ledger: $(cat "$TMPDIR_TEST/err")"
test ! -e "$out-never.html" || fail "a report was written despite a bad ledger"

# --previous: the earlier run's scores beside these; a bad file stops
# the run before anything is written.
"$SMEAUDIT" $P --plugin test-good --format json --output "$out-old.json" || true
expect_status 1 "$SMEAUDIT" $P --plugin test-good --answers "$TMPDIR_TEST/answers.ini" \
    --previous "$out-old.json" --format html --output "$out.html"
grep -q 'previous -11 (+' "$out.html" || fail "previous total not shown"
grep -q 'fill="#c0392b"><title>previous' "$out.html" || fail "previous category tick not drawn"
printf '{"schema": "smeaudit-report/1", "tool": ' > "$TMPDIR_TEST/trunc.json"
expect_status 3 "$SMEAUDIT" $P --plugin test-good --previous "$TMPDIR_TEST/trunc.json" \
    --format html --output "$out-never.html" 2>"$TMPDIR_TEST/err"
grep -q "trunc.json:1:41: not a JSON report: unexpected end of file (truncated?)" "$TMPDIR_TEST/err" ||
    fail "truncated --previous: $(cat "$TMPDIR_TEST/err")"
[ "$(wc -l < "$TMPDIR_TEST/err")" -eq 1 ] || fail "more than one error line"
test ! -e "$out-never.html" || fail "a report was written despite a bad --previous"
exit 0
