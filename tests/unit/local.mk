# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
UNIT_TESTS += tests/unit/check_backup
tests_unit_check_backup_SOURCES = tests/unit/check_backup.c \
	plugins/backup/bk_json.c plugins/backup/bk_parse.c
tests_unit_check_backup_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) -I$(top_srcdir)/plugins/backup
tests_unit_check_backup_LDADD = $(UNIT_TEST_LIBS)
