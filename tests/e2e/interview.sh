#!/bin/sh
# SPDX-License-Identifier: MIT
# smeaudit interview through a pseudo-terminal (the scenarios are in
# interview.py: English and Japanese, back/skip/quit/resume, SIGKILL).
set -eu
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "needs python3 for its pty module"
export SMEAUDIT TMPDIR_TEST TEST_PLUGINS
python3 "$top_srcdir/tests/e2e/interview.py"
