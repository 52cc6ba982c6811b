/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: /etc/exports through the shares plugin's own reader
 * (plugins/shares/exports.c) and its NFS checks.  Aborts when a finding
 * names no check or has no level, when an exported path handed to the
 * file scan is not absolute (or normalises differently twice), or when
 * more paths come back than exports were counted.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

#include "../../plugins/shares/shares.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fz_emit(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	if (check < SH_NFS_CONFIG || check >= SH_N_CHECKS ||
	    (level != SA_LEVEL_UNKNOWN && level != SA_LEVEL_NOT &&
	    level != SA_LEVEL_PARTLY && level != SA_LEVEL_IMPLEMENTED &&
	    level != SA_LEVEL_NA))
		abort();
	if (object != NULL)
		(void)strlen(object);
	if (evidence != NULL)
		(void)strlen(evidence);
}

static int
fz_normal_again(const char *norm)
{
	char *twice = sh_normalize_path(norm);
	int same = twice != NULL && strcmp(twice, norm) == 0;

	free(twice);
	return same;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hf_names paths = { 0 };
	struct nfs_audit_env env = {
		.emit = fz_emit, .wide_prefix4 = 16, .wide_prefix6 = 48,
		.paths = &paths,
	};
	size_t n, i;
	char *again;

	n = nfs_audit("/etc/exports", (const char *)data, size, &env);
	if (paths.n > n)
		abort();
	for (i = 0; i < paths.n; i++) {
		again = sh_normalize_path(paths.v[i]);
		/* normalising the normal form changes nothing */
		if (paths.v[i][0] != '/' || (again != NULL &&
		    !fz_normal_again(again)))
			abort();
		free(again);
	}
	hf_names_free(&paths);
	return 0;
}
