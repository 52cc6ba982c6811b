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
