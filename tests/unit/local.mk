# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
UNIT_TESTS += tests/unit/check_answers
tests_unit_check_answers_SOURCES = tests/unit/check_answers.c
tests_unit_check_answers_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_answers_LDADD = $(UNIT_TEST_LIBS)
UNIT_TESTS += tests/unit/check_ledger
tests_unit_check_ledger_SOURCES = tests/unit/check_ledger.c
tests_unit_check_ledger_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_ledger_LDADD = $(UNIT_TEST_LIBS)
