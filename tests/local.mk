# SPDX-License-Identifier: MIT
# Test suite.  Unit suites use check(3) in fork mode; script tests run
# the real binary.  Fixture plugins for the loader and runner tests are
# built from one source, one module per behaviour.

TEST_PLUGIN_LDFLAGS = $(PLUGIN_LDFLAGS) -rpath /nowhere
check_LTLIBRARIES += tests/plugins/test-good.la
tests_plugins_test_good_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_good_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_GOOD -DFX_NAME='"test-good"'
tests_plugins_test_good_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-crash.la
tests_plugins_test_crash_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_crash_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_CRASH -DFX_NAME='"test-crash"'
tests_plugins_test_crash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-hang.la
tests_plugins_test_hang_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_hang_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_HANG -DFX_NAME='"test-hang"'
tests_plugins_test_hang_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-exit.la
tests_plugins_test_exit_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_exit_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_EXIT -DFX_NAME='"test-exit"'
tests_plugins_test_exit_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-error.la
tests_plugins_test_error_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_error_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_ERROR -DFX_NAME='"test-error"'
tests_plugins_test_error_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-abi.la
tests_plugins_test_abi_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_abi_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_ABI -DFX_NAME='"test-abi"'
tests_plugins_test_abi_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-many.la
tests_plugins_test_many_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_many_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_MANY -DFX_NAME='"test-many"'
tests_plugins_test_many_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-garbage.la
tests_plugins_test_garbage_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_garbage_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_GARBAGE -DFX_NAME='"test-garbage"'
tests_plugins_test_garbage_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-unknown.la
tests_plugins_test_unknown_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_unknown_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_UNKNOWN -DFX_NAME='"test-unknown"'
tests_plugins_test_unknown_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-skip.la
tests_plugins_test_skip_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_skip_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_SKIP -DFX_NAME='"test-skip"'
tests_plugins_test_skip_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-abort.la
tests_plugins_test_abort_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_abort_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_ABORT -DFX_NAME='"test-abort"'
tests_plugins_test_abort_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/plugins/test-badinput.la
tests_plugins_test_badinput_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_badinput_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_BADINPUT -DFX_NAME='"test-badinput"'
tests_plugins_test_badinput_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)

UNIT_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(CORE_DEFS) $(CHECK_CFLAGS) $(INIH_CFLAGS) $(PCRE2_CFLAGS)
UNIT_TEST_LIBS = $(CORE_LIBS) $(CHECK_LIBS)
EXTRA_DIST += tests/unit/unit.h tests/lib.sh tests/run-all.sh tests/fixtures

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	SMEAUDIT='$(abs_top_builddir)/smeaudit'; \
	export top_srcdir top_builddir SMEAUDIT;
# check's fork mode; a hung test is killed after a while.
AM_TESTS_ENVIRONMENT += CK_FORK=yes CK_DEFAULT_TIMEOUT=60; export CK_FORK CK_DEFAULT_TIMEOUT;

if HAVE_CHECK
UNIT_TESTS =
include tests/unit/local.mk
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
endif

TESTS += tests/e2e/core.sh tests/e2e/example.sh
EXTRA_DIST += tests/e2e/core.sh tests/e2e/example.sh
TESTS += tests/e2e/core.sh
EXTRA_DIST += tests/e2e/core.sh
TESTS += tests/e2e/wifi.sh
EXTRA_DIST += tests/e2e/wifi.sh
TESTS += tests/e2e/firewall.sh
EXTRA_DIST += tests/e2e/firewall.sh
TESTS += tests/e2e/encryption.sh
EXTRA_DIST += tests/e2e/encryption.sh
TESTS += tests/e2e/screenlock.sh
EXTRA_DIST += tests/e2e/screenlock.sh
TESTS += tests/e2e/interview.sh
EXTRA_DIST += tests/e2e/interview.sh tests/e2e/interview.py
TESTS += tests/e2e/answers.sh
EXTRA_DIST += tests/e2e/answers.sh
TESTS += tests/e2e/risk.sh
EXTRA_DIST += tests/e2e/risk.sh
# Under ASan, a fixture plugin's deliberate SIGSEGV must stay a signal: ASan's
# own handler would turn it into exit 1 ("error" instead of "crashed").
AM_TESTS_ENVIRONMENT += ASAN_OPTIONS="handle_segv=0$${ASAN_OPTIONS:+:$$ASAN_OPTIONS}"; export ASAN_OPTIONS;
TESTS += tests/e2e/cloud.sh
EXTRA_DIST += tests/e2e/cloud.sh

TESTS += tests/e2e/updates.sh
EXTRA_DIST += tests/e2e/updates.sh
TESTS += tests/e2e/antivirus.sh
EXTRA_DIST += tests/e2e/antivirus.sh
TESTS += tests/e2e/logging.sh
EXTRA_DIST += tests/e2e/logging.sh
# The progress display on a terminal (tests/e2e/progress.sh): two slow
# fixture plugins that report progress, in a directory of their own so
# that tests listing tests/plugins do not see them.
check_LTLIBRARIES += tests/progress/test-progress.la
tests_progress_test_progress_la_SOURCES = tests/plugins/progress.c
tests_progress_test_progress_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_NAME='"test-progress"'
tests_progress_test_progress_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/progress/test-progress-b.la
tests_progress_test_progress_b_la_SOURCES = tests/plugins/progress.c
tests_progress_test_progress_b_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_NAME='"test-progress-b"'
tests_progress_test_progress_b_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
TESTS += tests/e2e/progress.sh
EXTRA_DIST += tests/e2e/progress.sh tests/e2e/progress.py
TESTS += tests/e2e/completion.sh
EXTRA_DIST += tests/e2e/completion.sh
TESTS += tests/e2e/i18n.sh
EXTRA_DIST += tests/e2e/i18n.sh
TESTS += tests/e2e/docs.sh
EXTRA_DIST += tests/e2e/docs.sh
TESTS += tests/e2e/systemd.sh
EXTRA_DIST += tests/e2e/systemd.sh
EXTRA_DIST += tests/debian.sh
TESTS += tests/e2e/backup.sh
EXTRA_DIST += tests/e2e/backup.sh tests/e2e/backup-lib.sh
TESTS += tests/e2e/backup-detect.sh
EXTRA_DIST += tests/e2e/backup-detect.sh
TESTS += tests/e2e/backup-restic.sh
EXTRA_DIST += tests/e2e/backup-restic.sh
TESTS += tests/e2e/backup-borg.sh tests/e2e/backup-rsnapshot.sh tests/e2e/backup-duplicity.sh
EXTRA_DIST += tests/e2e/backup-borg.sh tests/e2e/backup-rsnapshot.sh tests/e2e/backup-duplicity.sh
TESTS += tests/e2e/shares.sh
EXTRA_DIST += tests/e2e/shares.sh
TESTS += tests/e2e/cli.sh
EXTRA_DIST += tests/e2e/cli.sh
include tests/fuzz/local.mk
TESTS += tests/e2e/password.sh tests/e2e/password-check.sh
EXTRA_DIST += tests/e2e/password.sh tests/e2e/password-check.sh
TESTS += tests/e2e/adversarial.sh
EXTRA_DIST += tests/e2e/adversarial.sh tests/e2e/hostile-root.py
check_LTLIBRARIES += tests/plugins/test-spawn.la
tests_plugins_test_spawn_la_SOURCES = tests/plugins/fixture.c
tests_plugins_test_spawn_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -DFX_KIND=FX_SPAWN -DFX_NAME='"test-spawn"'
tests_plugins_test_spawn_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
TESTS += tests/e2e/guarantees.sh
EXTRA_DIST += tests/e2e/guarantees.sh
TESTS += tests/e2e/valgrind.sh
EXTRA_DIST += tests/e2e/valgrind.sh
# Reports, merge and diff: a fixture plugin whose evidence is configured.
check_LTLIBRARIES += tests/plugins/test-levels.la
tests_plugins_test_levels_la_SOURCES = tests/plugins/levels.c
tests_plugins_test_levels_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
tests_plugins_test_levels_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
TESTS += tests/e2e/report-formats.sh
EXTRA_DIST += tests/e2e/report-formats.sh
TESTS += tests/e2e/merge.sh
EXTRA_DIST += tests/e2e/merge.sh
TESTS += tests/e2e/diff.sh
EXTRA_DIST += tests/e2e/diff.sh
TESTS += tests/e2e/golden.sh
EXTRA_DIST += tests/e2e/golden.sh tests/golden
TESTS += tests/e2e/html-browser.sh
EXTRA_DIST += tests/e2e/html-browser.sh
TESTS += tests/e2e/plugin-exports.sh
EXTRA_DIST += tests/e2e/plugin-exports.sh
TESTS += tests/e2e/evidence-i18n.sh
EXTRA_DIST += tests/e2e/evidence-i18n.sh
