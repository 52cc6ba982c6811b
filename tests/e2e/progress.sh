#!/bin/sh
# SPDX-License-Identifier: MIT
# The progress display: one status line on a terminal's stderr for all
# running plugins, cleared before log lines and at the end, never on
# stdout, and nothing at all with --quiet, without a terminal or with
# TERM=dumb.  tests/e2e/progress.py drives smeaudit through a pty.
set -eu
. "$top_srcdir/tests/lib.sh"

python3 -c 'import pty, termios' 2>/dev/null || skip "needs python3 with pty and termios"
python3 "$top_srcdir/tests/e2e/progress.py" "$SMEAUDIT" \
    "$top_builddir/tests/progress/.libs" "$FIXTURES/roots/minimal" "$TMPDIR_TEST"
