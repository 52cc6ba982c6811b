# SPDX-License-Identifier: MIT
# Shared by the backup plugin's script tests (sourced after tests/lib.sh).
# Every tree is built under $ROOT with explicit times, and every run
# evaluates "as of" $NOW (--now), so ages are exact.
BK_PLUGINS=$top_builddir/plugins/.libs
BK_FIXTURES=$FIXTURES/backup
NOW=1767323045		# 2026-01-02T03:04:05Z
MIN=60
HOUR=3600
DAY=86400
ROOT=$TMPDIR_TEST/root
mkdir -p "$ROOT"

# The trees must belong to root, as real backups do: ownership decides
# the "writable" check.
[ "$(id -u)" -eq 0 ] || skip "builds root-owned backup trees; run as root (CI does)"
umask 022

# at SECONDS-BEFORE-NOW PATH...: set the modification time.
at() {
	when=$((NOW - $1))
	shift
	touch -h -d "@$when" "$@"
}

# bk_run STATUS CONFIG OUT [ARGS...]: one audit of $ROOT by the plugin.
bk_run() {
	want=$1 cfg=$2 out=$3
	shift 3
	expect_status "$want" "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" \
	    --root "$ROOT" -c "$cfg" --now "@$NOW" --plugin backup \
	    --format json --output "$out" "$@"
}

# The level reported for OBJECT by backup.CHECK, or "none".
bk_level() {
	jq_py "$1" "next((f['level'] for f in d['findings'] if f['check'] == 'backup.$2' and '$3' in f['examples']), 'none')"
}

# expect_level FILE CHECK OBJECT LEVEL
expect_level() {
	got=$(bk_level "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "backup.$2 of $3: level $got, want $4 ($(bk_dump "$1"))"
}

# The evidence of the finding whose first object is OBJECT.
bk_evidence() {
	jq_py "$1" "next((f['evidence'] for f in d['findings'] if f['check'] == 'backup.$2' and f['object'] == '$3'), '')"
}

# expect_evidence FILE CHECK OBJECT TEXT: the evidence holds TEXT.
expect_evidence() {
	ev=$(bk_evidence "$1" "$2" "$3")
	case $ev in
	*"$4"*) ;;
	*) fail "backup.$2 of $3: evidence \"$ev\" lacks \"$4\"" ;;
	esac
}

# expect_item FILE SCORE: self-diagnosis item 11.
expect_item() {
	got=$(item_score "$1" 11)
	[ "$got" = "$2" ] || fail "item 11 scored $got, want $2 ($(bk_dump "$1"))"
}

# For failure messages: every finding in one line each.
bk_dump() {
	jq_py "$1" "'; '.join('%s=%s %s' % (f['check'], f['level'], f['examples']) for f in d['findings'])"
}

# Config files: cfg NAME <<EOF ... EOF, prints the path.  Detection is
# off unless the text has its own [plugin.backup]: the fixture root
# collects tools' configuration files as the tests go.
cfg() {
	text=$(cat)
	case $text in
	*"[plugin.backup]"*) printf '%s\n' "$text" ;;
	*) printf '[plugin.backup]\ndetect = no\n%s\n' "$text" ;;
	esac > "$TMPDIR_TEST/$1.ini"
	echo "$TMPDIR_TEST/$1.ini"
}

# A restic repository's layout: mkrestic DIR AGE... (one snapshot per age).
mkrestic() {
	dir=$ROOT$1
	shift
	mkdir -p "$dir/data/00" "$dir/index" "$dir/keys" "$dir/locks" "$dir/snapshots"
	printf 'encrypted' > "$dir/config"
	printf 'key' > "$dir/keys/$(printf k | sha256sum | cut -c1-64)"
	n=0
	for age in "$@"; do
		n=$((n + 1))
		f=$dir/snapshots/$(printf 'snap%s' "$n" | sha256sum | cut -c1-64)
		printf 'x' > "$f"
		at "$age" "$f"
	done
	chmod 700 "$dir"
}

# A borg repository's layout whose last commit is AGE ago: mkborg DIR AGE.
mkborg() {
	dir=$ROOT$1
	mkdir -p "$dir/data/0"
	printf 'This is a Borg Backup repository.\nSee https://borgbackup.readthedocs.io/\n' > "$dir/README"
	printf '[repository]\nversion = 1\nappend_only = 0\n' > "$dir/config"
	printf 'seg' > "$dir/data/0/5"
	printf 'hints' > "$dir/hints.3"
	printf 'index' > "$dir/index.3"
	printf 'old' > "$dir/hints.1"
	at $(($2 + DAY)) "$dir/hints.1"
	at "$2" "$dir/hints.3" "$dir/index.3"
	chmod 700 "$dir"
}

# bk_live STATUS CONFIG OUT NOW [ARGS...]: audit the live root "as of"
# NOW: the real tools' repositories hold real paths.
bk_live() {
	want=$1 cfg=$2 out=$3 when=$4
	shift 4
	expect_status "$want" "$SMEAUDIT" --plugin-dir "$BK_PLUGINS" --root / \
	    -c "$cfg" --now "@$when" --plugin backup --format json --output "$out" "$@"
}

# A listing of a tree that changes if anything in it is written.
bk_tree_state() {
	find "$1" -printf '%p %s %T@ %m\n' | sort
}
