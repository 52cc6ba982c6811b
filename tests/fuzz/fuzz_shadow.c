/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: /etc/passwd and /etc/shadow lines (the input holds
 * both, separated by a "--8<--" line) through the password plugin's own
 * account audit (plugins/password/pwaccounts.c).  Every crypt hash in
 * either file is planted as a secret: the mock host aborts when one
 * turns up in a report, as does a report of a check outside the table.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

#include "../../plugins/password/pwaccounts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct sa_check fz_checks[] = {
	{ "empty", 3, 0, SA_SEV_CRITICAL, "", NULL, NULL, NULL },
	{ "unshadowed", 3, 0, SA_SEV_CRITICAL, "", NULL, NULL, NULL },
	{ "hash-scheme", 3, 0, SA_SEV_HIGH, "", NULL, NULL, NULL },
	{ "account-aging", 3, 0, SA_SEV_LOW, "", NULL, NULL, NULL },
	{ "uid0", 3, 0, SA_SEV_CRITICAL, "", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The second field of each line, when it looks like a crypt hash, is a
 * secret -- unless the same bytes also occur elsewhere in the input (a
 * user named like the hash may well be reported by name).
 */
static void
fz_plant(const uint8_t *all, size_t all_len, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *f, *fe;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		f = memchr(p, ':', (size_t)(nl - p));
		if (f == NULL)
			continue;
		f++;
		fe = memchr(f, ':', (size_t)(nl - f));
		if (fe == NULL)
			fe = nl;
		while (f < fe && (*f == '!' || *f == '*'))
			f++;
		if (fe - f < 12 || *f != '$' || memchr(f, '\0', (size_t)(fe - f)) != NULL)
			continue;
		/* once in the whole input: nothing else can explain it */
		{
			const uint8_t *hit = memmem(all, all_len, f, (size_t)(fe - f));

			if (hit != NULL && memmem(hit + 1, all_len - (size_t)(hit + 1 - all),
			    f, (size_t)(fe - f)) == NULL)
				fzh_secret(f, (size_t)(fe - f));
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pwa_wanted want = {
		.hash_schemes = "yescrypt sha512", .max_age_days = 365,
	};
	const char *parts[2];
	size_t lens[2], n;

	fzh_setup(fz_checks);
	fzh_reset();
	n = fzh_split(data, size, parts, lens, 2);
	fzh_put("/etc/passwd", parts[0], lens[0]);
	fz_plant(data, size, parts[0], lens[0]);
	if (n > 1) {
		fzh_put("/etc/shadow", parts[1], lens[1]);
		fz_plant(data, size, parts[1], lens[1]);
	}
	if (pwa_audit(&fzh_host, fzh_ctx, &want) != 1)
		abort();
	return 0;
}
