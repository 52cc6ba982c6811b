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
#include "fuzz_shares.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fz_emit(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	fzs_finding(check, SH_NFS_CONFIG, level, object, evidence);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hf_names paths = { 0 };
	struct nfs_audit_env env = {
		.emit = fz_emit, .wide_prefix4 = 16, .wide_prefix6 = 48,
		.paths = &paths,
	};
	size_t n;

	n = nfs_audit("/etc/exports", (const char *)data, size, &env);
	if (paths.n > n)
		abort();
	fzs_scan_paths(&paths);
	hf_names_free(&paths);
	return 0;
}
