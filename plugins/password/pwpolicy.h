/* SPDX-License-Identifier: MIT */
/*
 * The password policy a Linux host enforces, as its files say: the PAM
 * stacks (pam_pwquality, pam_cracklib, pam_passwdqc, pam_unix,
 * pam_pwhistory, pam_faillock, pam_tally2 in /etc/pam.d), their
 * configuration files (/etc/security/pwquality.conf and .conf.d,
 * /etc/security/faillock.conf) and /etc/login.defs.  Everything is read
 * through the host, under --root.
 */
#ifndef PW_POLICY_H
#define PW_POLICY_H

#include <smeaudit/plugin.h>

/* What the checks compare against ([plugin.password] settings). */
struct pwp_wanted {
	long min_length;
	long min_classes;		/* 0: not required */
	int dictionary_check;
	int lockout;
	long max_auth_failures;
	long remember;			/* 0: not required */
	long max_age_days;		/* -1: not required */
	const char *hash_schemes;	/* accepted, blank or comma separated */
};

/*
 * Report password.min-length, .dictionary-check, .complexity,
 * .lockout, .history, .hash-method and .max-age ("cannot tell" where
 * the files are missing).  Returns 1 when the root holds any of the
 * files read, 0 when none exists.
 */
int pwp_audit(const struct sa_host *host, struct sa_ctx *ctx,
    const struct pwp_wanted *want);

/* "yescrypt", "sha512", ... for "$y$...", "$6$...", "des" for DES. */
const char *pwp_hash_scheme(const char *hash);
/* Is scheme in the accepted list ("yescrypt sha512,bcrypt")? */
int pwp_scheme_accepted(const char *list, const char *scheme);

#endif /* PW_POLICY_H */
