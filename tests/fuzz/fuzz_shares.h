/* SPDX-License-Identifier: MIT */
/*
 * The oracle shared by the smb.conf and exports harnesses: what the
 * shares plugin's parsers hand on must be a finding of a known check
 * with a level, and share paths the file scan can use.
 */
#ifndef FUZZ_SHARES_H
#define FUZZ_SHARES_H

#include <stdlib.h>
#include <string.h>

#include "../../plugins/shares/shares.h"

/* Abort unless check lies in [first, SH_N_CHECKS) and level is one of the ABI's. */
static inline void
fzs_finding(enum sh_check check, enum sh_check first, int level,
    const char *object, const char *evidence)
{
	if ((unsigned int)check < (unsigned int)first ||
	    (unsigned int)check >= SH_N_CHECKS ||
	    (level != SA_LEVEL_UNKNOWN && level != SA_LEVEL_NOT &&
	    level != SA_LEVEL_PARTLY && level != SA_LEVEL_IMPLEMENTED &&
	    level != SA_LEVEL_NA))
		abort();
	if (object != NULL)
		(void)strlen(object);
	if (evidence != NULL)
		(void)strlen(evidence);
}

/*
 * Abort unless every path is absolute and its normal form is a fixed
 * point: normalising it once more changes nothing.
 */
static inline void
fzs_scan_paths(const struct hf_names *paths)
{
	char *once, *twice;
	size_t i;

	for (i = 0; i < paths->n; i++) {
		if (paths->v[i][0] != '/')
			abort();
		once = sh_normalize_path(paths->v[i]);
		if (once == NULL)
			continue;
		twice = sh_normalize_path(once);
		if (twice == NULL || strcmp(twice, once) != 0)
			abort();
		free(twice);
		free(once);
	}
}

#endif /* FUZZ_SHARES_H */
