/* SPDX-License-Identifier: MIT */
/*
 * Accounts of the audited system (/etc/passwd and /etc/shadow under
 * --root): empty passwords, hashes in the world-readable passwd file,
 * weak hash schemes, passwords that never expire where the policy wants
 * them to, and UID 0 besides root.  Findings name the account and the
 * kind of problem; a hash or any part of one is never reported.
 */
#ifndef PW_ACCOUNTS_H
#define PW_ACCOUNTS_H

#include <smeaudit/plugin.h>

struct pwa_wanted {
	const char *hash_schemes;	/* accepted, as in pwp_scheme_accepted */
	long max_age_days;		/* -1: aging not required */
};

/*
 * Report password.empty, .unshadowed, .hash-scheme, .account-aging and
 * .uid0.  Returns 1 when /etc/passwd exists, 0 when it does not.
 */
int pwa_audit(const struct sa_host *host, struct sa_ctx *ctx,
    const struct pwa_wanted *want);

#endif /* PW_ACCOUNTS_H */
