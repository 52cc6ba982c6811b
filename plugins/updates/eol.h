/* SPDX-License-Identifier: MIT */
/*
 * The distribution release table (rules/os-eol.rules): which release
 * gets security fixes until when.  See docs/plugins/updates.md for the
 * format.
 */
#ifndef SA_EOL_H
#define SA_EOL_H

#include <stddef.h>
#include <time.h>

#include "../lib/hostfiles.h"
#include "osrelease.h"

struct eol_entry {
	char *name;		/* the record name, "debian-12" */
	char *id;		/* os-release ID */
	char *version;		/* VERSION_ID, or its major part if no "." */
	char *os_name;		/* optional: NAME must equal this */
	char *label;		/* for messages */
	time_t eol;		/* first second without regular security support */
	time_t extended;	/* same for LTS/ESM; 0 if none */
	char *extended_label;
	char *extended_source;	/* apt lists from this host prove the extended phase */
	unsigned int line;
};

struct eol_table {
	struct eol_entry *v;
	size_t n;
	char *path;
};

/*
 * Load path (a host file).  Errors are logged as FILE:LINE: message and
 * returned as -EINVAL; an unreadable file returns its -errno.
 */
int eol_load(struct eol_table *t, const struct hf *hf, const char *path);
void eol_free(struct eol_table *t);

/* The entry for this os-release, or NULL. */
const struct eol_entry *eol_match(const struct eol_table *t,
    const struct osr *os);

/* "YYYY-MM-DD" -> the first second of the next day, UTC; -EINVAL if bad. */
int eol_parse_date(const char *s, time_t *ret);

/* For unit tests: add an entry as the loader would (no validation). */
void eol_add(struct eol_table *t, const struct eol_entry *e);

#endif /* SA_EOL_H */
