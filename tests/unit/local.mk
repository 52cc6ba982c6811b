# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
UNIT_TESTS += tests/unit/check_shares
tests_unit_check_shares_SOURCES = tests/unit/check_shares.c plugins/shares/smbconf.c plugins/shares/exports.c plugins/shares/common.c
tests_unit_check_shares_CPPFLAGS = $(UNIT_TEST_CPPFLAGS) -I$(top_srcdir)/plugins/shares
tests_unit_check_shares_LDADD = $(UNIT_TEST_LIBS)
