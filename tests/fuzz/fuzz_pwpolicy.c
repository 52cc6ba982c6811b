/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the password policy files through the password
 * plugin's own reader (plugins/password/pwpolicy.c): /etc/login.defs,
 * PAM stacks with their includes, continuation lines and module
 * arguments, pwquality.conf (and .conf.d) and faillock.conf.  The input
 * holds those files separated by "--8<--" lines, in the order of
 * fz_files[].  Every report is checked by the mock host (a check of the
 * plugin's table, a real level).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

#include "../../plugins/password/pwpolicy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fz_files[] = {
	"/etc/login.defs",
	"/etc/pam.d/common-password",
	"/etc/pam.d/common-auth",
	"/etc/pam.d/sshd",
	"/etc/security/pwquality.conf",
	"/etc/security/faillock.conf",
	"/etc/security/pwquality.conf.d/50-local.conf",
	"/etc/pam.d/login",
};
#define FZ_N_FILES (sizeof(fz_files) / sizeof(fz_files[0]))

static const struct sa_check fz_checks[] = {
	{ "min-length", 3, 0, SA_SEV_HIGH, "", NULL, NULL, NULL },
	{ "dictionary-check", 3, 0, SA_SEV_MEDIUM, "", NULL, NULL, NULL },
	{ "complexity", 3, 0, SA_SEV_MEDIUM, "", NULL, NULL, NULL },
	{ "lockout", 3, 0, SA_SEV_MEDIUM, "", NULL, NULL, NULL },
	{ "history", 3, 0, SA_SEV_LOW, "", NULL, NULL, NULL },
	{ "hash-method", 3, 0, SA_SEV_HIGH, "", NULL, NULL, NULL },
	{ "max-age", 3, 0, SA_SEV_LOW, "", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pwp_wanted want = {
		.min_length = 12, .min_classes = 3, .dictionary_check = 1,
		.lockout = 1, .max_auth_failures = 10, .remember = 5,
		.max_age_days = 365, .hash_schemes = "yescrypt sha512",
	};
	const char *parts[FZ_N_FILES];
	size_t lens[FZ_N_FILES], n, i;
	int any;

	fzh_setup(fz_checks);
	fzh_reset();
	n = fzh_split(data, size, parts, lens, FZ_N_FILES);
	for (i = 0; i < n; i++)
		fzh_put(fz_files[i], parts[i], lens[i]);
	any = pwp_audit(&fzh_host, fzh_ctx, &want);
	/* login.defs is always there: the root holds a file that was read */
	if (any != 1)
		abort();
	/* min-length, dictionary-check, complexity, lockout at least */
	if (fzh_reports() < 4)
		abort();
	return 0;
}
