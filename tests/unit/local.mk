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
