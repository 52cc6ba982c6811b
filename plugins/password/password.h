/* SPDX-License-Identifier: MIT */
/*
 * Shared between the password plugin's audit (password.c) and its
 * password-check command (pwcmd.c).
 */
#ifndef PW_PASSWORD_H
#define PW_PASSWORD_H

#include <smeaudit/plugin.h>

#include "pwrules.h"

extern const struct sa_config_key pw_config[];

/*
 * Load the configured rule files (rule_files, or every *.rules in the
 * shipped rules/password directory, then extra_rule_files), check them,
 * apply disable_rules.  0, or a negative errno after the reason was
 * logged (-EINVAL for broken input, also a missing rule file).
 */
int pw_load_rules(const struct sa_host *host, struct sa_ctx *ctx,
    struct pwr_set *set);

/* weak_severity as an enum sa_severity: 0 or -EINVAL (logged). */
int pw_weak_severity(const struct sa_host *host, struct sa_ctx *ctx,
    int *ret);

/* smeaudit password-check */
int pwx_main(const struct sa_host *host, struct sa_ctx *ctx, int argc,
    char **argv);

#endif /* PW_PASSWORD_H */
