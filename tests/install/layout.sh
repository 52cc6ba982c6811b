#!/bin/sh
# SPDX-License-Identifier: MIT
# The installed smeaudit (make installcheck): everything where the FHS and
# configure put it, the installed program using the installed plugins,
# data, configuration and translations, and install-config keeping an
# administrator's smeaudit.ini.
set -eu
. "$top_srcdir/tests/lib.sh"
T=$TMPDIR_TEST

[ -x "$SMEAUDIT" ] || fail "$SMEAUDIT is not installed"
"$SMEAUDIT" --version | grep -qx "smeaudit $PACKAGE_VERSION" || fail "smeaudit --version"

# The installed program loads the installed plugins, every plugin built,
# without libtool's .la files, none refused.
"$SMEAUDIT" --list --format json > "$T/list.json"
assert_py "$T/list.json" "len(d) > 0 and all(p['refused'] is None for p in d)" "a plugin is refused"
assert_py "$T/list.json" "all(p['path'] == '$pluginsdir/' + p['name'] + '.so' for p in d)" \
    "plugins not loaded from $pluginsdir"
for la in "$top_builddir"/plugins/*.la; do
	name=$(basename "$la" .la)
	[ -f "$pluginsdir/$name.so" ] || fail "$name.so not installed in $pluginsdir"
	[ ! -e "$pluginsdir/$name.la" ] || fail "$name.la installed"
	assert_py "$T/list.json" "'$name' in [p['name'] for p in d]" "installed plugin $name not loaded"
done
[ -z "$(find "$pluginsdir" -perm /022)" ] || fail "plugins writable by group or others"

[ -f "$rulesdir/guideline-3.0.catalog" ] || fail "no catalog in $rulesdir"

# The configuration: every key commented out, exactly what the installed
# smeaudit says about itself, and the default it reads.
ini=$smeauditconfdir/smeaudit.ini
[ -f "$ini" ] || fail "$ini not installed"
if grep -v '^#' "$ini" | grep -v '^$' | grep -vx '\[core\]' | grep -q .; then
	fail "$ini sets something: $(grep -v '^#' "$ini" | grep -v '^$' | grep -vx '\[core\]' | head -3)"
fi
"$SMEAUDIT" --lang en --list-config > "$T/list-config.ini"
cmp -s "$T/list-config.ini" "$ini" || fail "$ini differs from smeaudit --list-config"
grep -q '^#\[plugin\.wifi\]$' "$ini" || fail "$ini lacks the wifi plugin"
"$SMEAUDIT" --lang en --help | grep -q "(default $ini)" || fail "the default configuration is not $ini"

# An audit with the installed data, and Japanese from the installed catalog.
set +e
"$SMEAUDIT" --all --root "$FIXTURES/roots/minimal" --format json --output "$T/report.json"
status=$?
set -e
[ "$status" -le 2 ] || fail "installed smeaudit --all: exit $status"
assert_py "$T/report.json" "sorted(p['name'] for p in d['plugins']) == sorted(p['name'] for p in json.load(open('$T/list.json')))" \
    "--all did not run every installed plugin"
[ -f "$localedir/ja/LC_MESSAGES/smeaudit.mo" ] || fail "no Japanese catalog in $localedir"
"$SMEAUDIT" --lang ja --help | head -1 | grep -q '^使い方' || fail "installed smeaudit --lang ja"

for page in man1/smeaudit.1 man5/smeaudit.ini.5 man5/smeaudit-answers.5 \
    man5/smeaudit-ledger.5 man7/smeaudit-plugin.7; do
	[ -f "$mandir/$page" ] || fail "$mandir/$page not installed"
done
[ -f "$bashcompletiondir/smeaudit" ] || fail "no bash completion in $bashcompletiondir"
[ -f "$sdkincludedir/plugin.h" ] || fail "no SDK header in $sdkincludedir"
[ -f "$pkgconfigdir/smeaudit-plugin.pc" ] || fail "no smeaudit-plugin.pc in $pkgconfigdir"

# The scheduled audit: the script, and the units when configured.
[ -x "$pkglibexecdir/smeaudit-scheduled" ] || fail "no $pkglibexecdir/smeaudit-scheduled"
grep -q "^smeaudit=\${SMEAUDIT:-$SMEAUDIT}\$" "$pkglibexecdir/smeaudit-scheduled" ||
    fail "smeaudit-scheduled does not run $SMEAUDIT"
if [ -n "${systemdsystemunitdir:-}" ]; then
	[ -f "$systemdsystemunitdir/smeaudit.timer" ] || fail "no smeaudit.timer in $systemdsystemunitdir"
	grep -qx "ExecStart=$pkglibexecdir/smeaudit-scheduled" "$systemdsystemunitdir/smeaudit.service" ||
	    fail "smeaudit.service does not run $pkglibexecdir/smeaudit-scheduled"
fi

# install-config: a fresh smeaudit.ini is installed, an edited one kept
# (the new defaults beside it), and uninstall removes only an unchanged one.
D=$T/destdir
dest=$D$smeauditconfdir/smeaudit.ini
${MAKE:-make} -s -C "$top_builddir" install-config DESTDIR="$D" > "$T/make.log" 2>&1 ||
    fail "install-config: $(cat "$T/make.log")"
cmp -s "$dest" "$ini" || fail "install-config into an empty DESTDIR"
sed -i 's/^#jobs = 0$/jobs = 2/' "$dest"
grep -qx 'jobs = 2' "$dest" || fail "could not edit $dest"
${MAKE:-make} -s -C "$top_builddir" install-config DESTDIR="$D" > "$T/make.log" 2>&1 ||
    fail "install-config over an edited file: $(cat "$T/make.log")"
grep -qx 'jobs = 2' "$dest" || fail "install-config replaced an edited smeaudit.ini"
cmp -s "$dest.new" "$ini" || fail "install-config did not put the new defaults in smeaudit.ini.new"
${MAKE:-make} -s -C "$top_builddir" uninstall-config DESTDIR="$D" > "$T/make.log" 2>&1 ||
    fail "uninstall-config: $(cat "$T/make.log")"
[ -f "$dest" ] || fail "uninstall-config removed an edited smeaudit.ini"
[ ! -e "$dest.new" ] || fail "uninstall-config left smeaudit.ini.new"
rm "$dest"
# One goal per make: under make -j (distcheck) two goals run at once.
${MAKE:-make} -s -C "$top_builddir" install-config DESTDIR="$D" > "$T/make.log" 2>&1 ||
    fail "install-config: $(cat "$T/make.log")"
[ -f "$dest" ] || fail "install-config did not reinstall smeaudit.ini"
${MAKE:-make} -s -C "$top_builddir" uninstall-config DESTDIR="$D" > "$T/make.log" 2>&1 ||
    fail "uninstall-config: $(cat "$T/make.log")"
[ ! -e "$dest" ] || fail "uninstall-config kept an unchanged smeaudit.ini"
