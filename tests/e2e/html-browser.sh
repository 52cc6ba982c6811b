#!/bin/sh
# SPDX-License-Identifier: MIT
# The HTML report in a real browser: headless Chromium renders the
# English, the Japanese and a merged report; each screenshot must show a
# page (not a blank one) with the item grid's colours, and the DOM must
# hold the title and no script element.  Skipped only without Chromium
# (Debian package chromium; .ci/run installs it).
set -eu
. "$top_srcdir/tests/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip "chromium is not installed (Debian package chromium)"
T=$TMPDIR_TEST

# browse HTML NAME: NAME.png (a 900x1300 screenshot) and NAME.dom.
browse() {
	for what in "--screenshot=$T/$2.png" --dump-dom; do
		profile=$(mktemp -d "$T/profile.XXXXXX")
		set +e
		# shellcheck disable=SC2086
		timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		    --disable-quic --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync --disable-dev-shm-usage \
		    --user-data-dir="$profile" --hide-scrollbars --window-size=900,1300 \
		    $what "file://$1" > "$T/$2.out" 2> "$T/$2.err"
		status=$?
		set -e
		[ "$status" -eq 0 ] || fail "chromium exited $status on $1: $(tail -3 "$T/$2.err")"
		rm -rf "$profile"
	done
	mv "$T/$2.out" "$T/$2.dom"
	[ -s "$T/$2.png" ] || fail "no screenshot of $1"
}

# looks_rendered PNG: a real page with the grid's green, amber and red.
looks_rendered() {
	python3 - "$1" <<'EOF' || fail "screenshot $1 does not look like a rendered report"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b"IHDR":
        w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, rows, i = bytearray(stride), [], 0
for y in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + ((a + b) >> 1)) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
counts = {}
for line in rows:
    for x in range(0, stride, bpp):
        px = line[x:x + 3]
        counts[px] = counts.get(px, 0) + 1
total = w * h
background = max(counts.values())
assert total - background > total // 10, "mostly one colour: blank"
assert len(counts) > 200, "too few colours for text and charts"
def near(rgb):
    return sum(n for px, n in counts.items() if all(abs(px[k] - rgb[k]) <= 6 for k in range(3)))
for name, rgb in (("green", (0x2e, 0x7d, 0x32)), ("amber", (0xf2, 0xa9, 0x00)), ("red", (0xc6, 0x28, 0x28))):
    assert near(rgb) > 500, "no %s cells in the item grid" % name
EOF
}

# dom_ok NAME TITLE: the rendered DOM has the title and no script.
dom_ok() {
	grep -q "<title>$2" "$T/$1.dom" || fail "$1: title \"$2\" missing from the DOM"
	grep -q "<h1>$2</h1>" "$T/$1.dom" || fail "$1: heading missing from the DOM"
	grep -qi '<script' "$T/$1.dom" && fail "$1: a script element in the DOM"
	grep -q 'class="grid"' "$T/$1.dom" || fail "$1: no item grid in the DOM"
	return 0
}

mkdir -p "$T/root/etc"
printf 'web-01<script>alert(1)</script>\n' > "$T/root/etc/hostname"
P="--plugin-dir $TEST_PLUGINS --root $T/root --now=2026-11-26T09:00:00Z"
A="--answers $top_srcdir/tests/golden/in/answers.ini"

"$SMEAUDIT" $P $A --plugin test-good --format html --output "$T/en.html" || true
browse "$T/en.html" en
looks_rendered "$T/en.png"
dom_ok en "Information security self-diagnosis report"
grep -q 'web-01&lt;script&gt;alert(1)&lt;/script&gt;' "$T/en.dom" || fail "host name not text in the DOM"
grep -q '&lt;script&gt;\\xff' "$T/en.dom" || fail "file name <script> not text in the DOM"

"$SMEAUDIT" --lang ja $P $A --plugin test-good --format html --output "$T/ja.html" || true
browse "$T/ja.html" ja
looks_rendered "$T/ja.png"
dom_ok ja "情報セキュリティ自社診断 結果報告書"
grep -q '優先して取り組む項目' "$T/ja.dom" || fail "Japanese summary heading missing"

G=$top_srcdir/tests/golden/in
"$SMEAUDIT" --lang ja merge "$G/web1.json" "$G/db1.json" "$G/mail.json" $A \
    --previous "$G/web1-old.json" --format html --output "$T/fleet.html" || true
browse "$T/fleet.html" fleet
looks_rendered "$T/fleet.png"
dom_ok fleet "情報セキュリティ自社診断 結果報告書"
grep -q 'id="hosts"' "$T/fleet.dom" || fail "fleet matrix missing from the DOM"

# Keep the screenshots for a human to look at when asked to.
if [ -n "${SMEAUDIT_KEEP_SCREENSHOTS:-}" ]; then
	mkdir -p "$SMEAUDIT_KEEP_SCREENSHOTS"
	cp "$T"/*.png "$T"/*.html "$SMEAUDIT_KEEP_SCREENSHOTS/"
fi
exit 0
