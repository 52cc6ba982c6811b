# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
PLUGIN_HARNESS_SOURCES = tests/unit/plugin_harness.c tests/unit/plugin_harness.h plugins/lib/hostfiles.c plugins/lib/hostfiles.h
UNIT_TESTS += tests/unit/check_wifi
tests_unit_check_wifi_SOURCES = tests/unit/check_wifi.c $(PLUGIN_HARNESS_SOURCES) plugins/wifi/wifi.c
tests_unit_check_wifi_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_wifi_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_firewall
tests_unit_check_firewall_SOURCES = tests/unit/check_firewall.c $(PLUGIN_HARNESS_SOURCES) plugins/firewall/firewall.c plugins/firewall/parse.c
tests_unit_check_firewall_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_firewall_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_encryption
tests_unit_check_encryption_SOURCES = tests/unit/check_encryption.c $(PLUGIN_HARNESS_SOURCES) plugins/encryption/encryption.c plugins/encryption/parse.c
tests_unit_check_encryption_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_encryption_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_screenlock
tests_unit_check_screenlock_SOURCES = tests/unit/check_screenlock.c $(PLUGIN_HARNESS_SOURCES) plugins/screenlock/screenlock.c plugins/screenlock/parse.c
tests_unit_check_screenlock_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_screenlock_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_answers
tests_unit_check_answers_SOURCES = tests/unit/check_answers.c
tests_unit_check_answers_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_answers_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_ledger
tests_unit_check_ledger_SOURCES = tests/unit/check_ledger.c
tests_unit_check_ledger_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_ledger_LDADD = $(UNIT_TEST_LIBS)
# Plugin parsers, compiled from the plugins' own sources.
UNIT_TESTS += tests/unit/check_updates
tests_unit_check_updates_SOURCES = tests/unit/check_updates.c \
	plugins/updates/aptconf.c plugins/updates/aptlists.c \
	plugins/updates/debver.c plugins/updates/eol.c \
	plugins/updates/jsonpath.c plugins/updates/osrelease.c \
	plugins/updates/pkglog.c plugins/updates/zread.c
tests_unit_check_updates_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) \
	-I$(top_srcdir)/plugins/lib -I$(top_srcdir)/plugins/updates \
	$(LZ4_CFLAGS) $(ZLIB_CFLAGS)
tests_unit_check_updates_LDADD = $(UNIT_TEST_LIBS) $(LZ4_LIBS) $(ZLIB_LIBS)
UNIT_TESTS += tests/unit/check_antivirus
tests_unit_check_antivirus_SOURCES = tests/unit/check_antivirus.c \
	plugins/antivirus/cvd.c
tests_unit_check_antivirus_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) \
	-I$(top_srcdir)/plugins/antivirus
tests_unit_check_antivirus_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_logging
tests_unit_check_logging_SOURCES = tests/unit/check_logging.c \
	plugins/logging/journal.c plugins/logging/logrotate.c \
	plugins/logging/syslogconf.c
tests_unit_check_logging_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) \
	-I$(top_srcdir)/plugins/logging
tests_unit_check_logging_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_backup
tests_unit_check_backup_SOURCES = tests/unit/check_backup.c \
	plugins/backup/bk_json.c plugins/backup/bk_parse.c
tests_unit_check_backup_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) -I$(top_srcdir)/plugins/backup
tests_unit_check_backup_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_shares
tests_unit_check_shares_SOURCES = tests/unit/check_shares.c plugins/shares/smbconf.c plugins/shares/exports.c plugins/shares/common.c
tests_unit_check_shares_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) -I$(top_srcdir)/plugins/shares
tests_unit_check_shares_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_util
tests_unit_check_util_SOURCES = tests/unit/check_util.c tests/unit/unit.h
tests_unit_check_util_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_util_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_recfile
tests_unit_check_recfile_SOURCES = tests/unit/check_recfile.c tests/unit/unit.h
tests_unit_check_recfile_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_recfile_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_iniread
tests_unit_check_iniread_SOURCES = tests/unit/check_iniread.c tests/unit/unit.h
tests_unit_check_iniread_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_iniread_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_cfg
tests_unit_check_cfg_SOURCES = tests/unit/check_cfg.c tests/unit/unit.h
tests_unit_check_cfg_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_cfg_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_catalog
tests_unit_check_catalog_SOURCES = tests/unit/check_catalog.c tests/unit/unit.h
tests_unit_check_catalog_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_catalog_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_score
tests_unit_check_score_SOURCES = tests/unit/check_score.c tests/unit/unit.h
tests_unit_check_score_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_score_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_findings
tests_unit_check_findings_SOURCES = tests/unit/check_findings.c tests/unit/unit.h
tests_unit_check_findings_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_findings_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_json
tests_unit_check_json_SOURCES = tests/unit/check_json.c tests/unit/unit.h
tests_unit_check_json_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_json_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_wire
tests_unit_check_wire_SOURCES = tests/unit/check_wire.c tests/unit/unit.h
tests_unit_check_wire_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_wire_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_rootfs
tests_unit_check_rootfs_SOURCES = tests/unit/check_rootfs.c tests/unit/unit.h
tests_unit_check_rootfs_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_rootfs_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_accounts
tests_unit_check_accounts_SOURCES = tests/unit/check_accounts.c tests/unit/unit.h
tests_unit_check_accounts_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_accounts_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_loader
tests_unit_check_loader_SOURCES = tests/unit/check_loader.c tests/unit/unit.h
tests_unit_check_loader_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_loader_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_runner
tests_unit_check_runner_SOURCES = tests/unit/check_runner.c tests/unit/unit.h
tests_unit_check_runner_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_runner_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_password
tests_unit_check_password_SOURCES = tests/unit/check_password.c \
	$(PASSWORD_ENGINE_SOURCES) \
	plugins/password/pwpolicy.c plugins/password/pwpolicy.h
tests_unit_check_password_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_password_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_report
tests_unit_check_report_SOURCES = tests/unit/check_report.c
tests_unit_check_report_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_report_LDADD = $(UNIT_TEST_LIBS)
# Plugin code under test links the plugin-side library as the modules do.
PLUGIN_LIB = plugins/lib/libplugin.la
tests_unit_check_wifi_LDADD += $(PLUGIN_LIB)
tests_unit_check_firewall_LDADD += $(PLUGIN_LIB)
tests_unit_check_encryption_LDADD += $(PLUGIN_LIB)
tests_unit_check_screenlock_LDADD += $(PLUGIN_LIB)
tests_unit_check_updates_LDADD += $(PLUGIN_LIB)
tests_unit_check_logging_LDADD += $(PLUGIN_LIB)
tests_unit_check_backup_LDADD += $(PLUGIN_LIB)
UNIT_TESTS += tests/unit/check_pluglib
tests_unit_check_pluglib_SOURCES = tests/unit/check_pluglib.c $(PLUGIN_HARNESS_SOURCES)
tests_unit_check_pluglib_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) -I$(top_srcdir)/plugins/lib
tests_unit_check_pluglib_LDADD = $(UNIT_TEST_LIBS) $(PLUGIN_LIB)
