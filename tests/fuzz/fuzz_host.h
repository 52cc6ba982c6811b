/* SPDX-License-Identifier: MIT */
/*
 * A stand-in for the core's host table, for the harnesses that drive a
 * plugin's own parser sources (compiled into the harness, as the unit
 * suites do).  The audited system is a private temporary directory the
 * harness fills from each input; files are opened under it with
 * openat2(RESOLVE_IN_ROOT), as the core does.  PCRE2 and record files
 * are the core's own services (rx.c, recfile.c), which is what a plugin
 * gets in a real run.
 *
 * The host is also the oracle: it aborts when a report is malformed
 * (unknown level, check not in the table) or carries a secret the
 * harness planted (fzh_secret), and formats every log message.
 */
#ifndef FUZZ_HOST_H
#define FUZZ_HOST_H

#include <stddef.h>
#include <stdint.h>

#include <smeaudit/plugin.h>

/* The separator of the files packed into one input. */
#define FZH_CUT "\n--8<--\n"

/* One configuration value; a key given several times is a list. */
struct fzh_config {
	const char *key;
	const char *value;
};

extern const struct sa_host fzh_host;
extern struct sa_ctx *const fzh_ctx;

/*
 * Make the audit root once per process (under $TMPDIR; removed at exit).
 * checks: the plugin's check table, so reports are validated against it
 * (NULL: any name).
 */
void fzh_setup(const struct sa_check *checks);
/* Empty the root and forget secrets, reports and configuration. */
void fzh_reset(void);
/* The root's host path (for code that takes host paths). */
const char *fzh_root(void);

/* Create path (inside the root) holding data; parents are made. */
void fzh_put(const char *path, const void *data, size_t len);
void fzh_mkdir(const char *path);

/* Text that must never appear in a report (copied; at most 64). */
void fzh_secret(const char *s, size_t len);
/* Configuration the plugin reads (borrowed; ends with a NULL key). */
void fzh_config(const struct fzh_config *values);

/* Reports accepted since the last reset. */
size_t fzh_reports(void);

/*
 * Split data at FZH_CUT into at most max parts; returns how many.  The
 * parts point into data (not NUL-terminated).
 */
size_t fzh_split(const uint8_t *data, size_t size, const char **parts,
    size_t *lens, size_t max);

#endif /* FUZZ_HOST_H */
