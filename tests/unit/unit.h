/* SPDX-License-Identifier: MIT */
/*
 * Shared by the check(3) unit suites: each suite file defines
 * unit_suite() and gets main() from here, run in fork mode so that a
 * crash fails one test, not the binary.
 */
#ifndef SA_UNIT_H
#define SA_UNIT_H

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

Suite *unit_suite(void);

/* A fresh temporary directory for this test; unit_rmtree removes it. */
static inline char *
unit_tmpdir(void)
{
	char *t = xstrdup("/tmp/smeaudit-unit-XXXXXX");

	ck_assert_ptr_nonnull(mkdtemp(t));
	return t;
}

/* Write data to dir/name and return the path (caller frees). */
static inline char *
unit_write(const char *dir, const char *name, const char *data)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(data, f);
	fclose(f);
	return path;
}

static inline int
unit_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) < 0 ? -1 : 0;
}

/* Remove dir and everything below it (symlinks themselves, not targets). */
static inline void
unit_rmtree(const char *dir)
{
	ck_assert_msg(nftw(dir, unit_rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0,
	    "cannot remove %s", dir);
}

#define UNIT_MAIN \
	int main(void) \
	{ \
		SRunner *sr = srunner_create(unit_suite()); \
		int failed; \
		srunner_run_all(sr, CK_ENV); \
		failed = srunner_ntests_failed(sr); \
		srunner_free(sr); \
		return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE; \
	}

#endif /* SA_UNIT_H */
