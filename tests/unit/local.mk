# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
UNIT_TESTS += tests/unit/check_password
tests_unit_check_password_SOURCES = tests/unit/check_password.c \
	$(PASSWORD_ENGINE_SOURCES) \
	plugins/password/pwpolicy.c plugins/password/pwpolicy.h
tests_unit_check_password_CPPFLAGS = $(UNIT_TEST_CPPFLAGS)
tests_unit_check_password_LDADD = $(UNIT_TEST_LIBS)
