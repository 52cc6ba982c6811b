#!/bin/sh
# SPDX-License-Identifier: MIT
# contrib/bash-completion/smeaudit through bash-completion itself: option
# values (--format, --plugin, --lang), options and commands, also in a
# Japanese locale, where smeaudit's help is translated.
set -eu
. "$top_srcdir/tests/lib.sh"

BASH_COMPLETION=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
command -v bash >/dev/null 2>&1 || skip "needs bash"
[ -r "$BASH_COMPLETION" ] || skip "needs the bash-completion package ($BASH_COMPLETION)"

# What the completion must offer, from smeaudit itself.
formats=$("$SMEAUDIT" --lang en --help | sed -n 's/.*report format: //p' | tr -d ',' |
    tr ' ' '\n' | sort | tr '\n' ' ')
plugins=$("$SMEAUDIT" --list --format json |
    python3 -c 'import json,sys; print("".join(p["name"] + " " for p in sorted(json.load(sys.stdin), key=lambda p: p["name"])))')
case " $formats " in *" json "*) ;; *) fail "smeaudit --help lists no json format: $formats" ;; esac
case " $plugins " in *" wifi "*) ;; *) fail "the tree's plugins lack wifi: $plugins" ;; esac

cat > "$TMPDIR_TEST/complete.bash" <<'SCRIPT'
. "$BASH_COMPLETION"
. "$top_srcdir/contrib/bash-completion/smeaudit"
# Outside of a real completion compopt refuses to work; what it would do
# to the terminal's display is not tested here.
compopt() { :; }
# complete WORD...: what bash offers for the last word of "smeaudit WORD...",
# sorted, on one line.
complete_line() {
	COMP_WORDS=(smeaudit "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_smeaudit smeaudit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
	echo
}
expect() {
	want=$1
	shift
	got=$(complete_line "$@")
	if [ "$got" != "$want" ]; then
		echo "FAIL: smeaudit $*<TAB>: expected \"$want\", got \"$got\"" >&2
		exit 1
	fi
}
expect "$FORMATS" --format ''
expect "json " --format js
expect "json " -f jso
expect "$PLUGINS" --plugin ''
expect "firewall " --plugin fi
expect "wifi,firewall " --plugin wifi,fi
expect "wifi " -p wi
expect "en ja " --lang ''
expect "ja " --lang j
expect "en " -L e
expect "--plugin --plugin-dir " --plu
expect "--list --list-config --list-items " --list
expect "interview " int
expect "risk " --all ri
# Plugins from a --plugin-dir given earlier on the line count too.
expect "test-abi test-abort " --plugin-dir "$TEST_PLUGINS" --plugin test-ab
SCRIPT

run_completion() {
	PATH="$top_builddir:$PATH" FORMATS="$formats" PLUGINS="$plugins" \
	    BASH_COMPLETION="$BASH_COMPLETION" TEST_PLUGINS="$TEST_PLUGINS" \
	    bash --norc --noprofile "$TMPDIR_TEST/complete.bash" || fail "completion ($*)"
}
run_completion LANG=C.UTF-8
# smeaudit's help in Japanese must not change what is completed.
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= run_completion LANG=ja_JP.UTF-8
LC_ALL=ja_JP.UTF-8 run_completion LC_ALL=ja_JP.UTF-8
