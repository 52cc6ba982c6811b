/* SPDX-License-Identifier: MIT */
/*
 * The core's copy of everything plugins reported.  Reports of one check
 * at one level become one finding: a count and the first few objects as
 * examples, so a million world-writable files make one finding, not a
 * million.
 */
#ifndef SA_FINDINGS_H
#define SA_FINDINGS_H

#include <stdint.h>

#include <smeaudit/plugin.h>

#include "util.h"

struct fnd_finding {
	char *id;		/* "CHECK:LEVEL", unique in a report */
	char *plugin;
	char *check;		/* "plugin.check-name" */
	int item;		/* 0: none */
	int cloud_item;		/* 0: none */
	int level;		/* enum sa_level */
	int severity;		/* enum sa_severity */
	char *title_en, *title_ja;
	char *remediation_en, *remediation_ja;
	char *evidence;		/* of the first report */
	char *detail_en, *detail_ja;
	char **examples;
	size_t n_examples;
	uint64_t count;		/* reports aggregated here */
	int scored;		/* 0 when its plugin failed: listed, not scored */
};

struct fnd_store {
	struct fnd_finding *v;
	size_t n;
	size_t max_examples;
};

void fnd_init(struct fnd_store *st, size_t max_examples);
void fnd_free(struct fnd_store *st);

/* The finding of (plugin, check, level), created from the check's table entry. */
struct fnd_finding *fnd_get(struct fnd_store *st, const char *plugin,
    const struct sa_check *check, int level);
/*
 * One report: object (may be NULL) joins the examples while there is
 * room; evidence/details are kept from the first report that has them.
 * The evidence of a "cannot tell" (-1) report that names EACCES or EPERM
 * starts with FND_PRIVILEGE (translated into the report's language).
 */
#define FND_PRIVILEGE N_("insufficient privilege")
void fnd_add(struct fnd_finding *f, const struct fnd_store *st,
    const char *object, const char *evidence, const char *detail_en,
    const char *detail_ja, int severity);
/* Reports counted by the plugin's process beyond the examples it sent. */
void fnd_add_count(struct fnd_finding *f, uint64_t n);
/* Mark every finding of plugin as not scored. */
void fnd_unscore_plugin(struct fnd_store *st, const char *plugin);
/* Sort: item, worst level, highest severity, check id. */
void fnd_sort(struct fnd_store *st);

/*
 * Mask secrets: crypt(3) hashes ($1$, $5$, $6$, $y$, $2b$, ...) and
 * "password=value" / "secret: value" assignments become "[redacted]".
 * Takes the malloc'd s and returns it or its masked replacement.
 */
char *fnd_redact(char *s);

const char *fnd_level_name(int level);	/* "ok", "partly", "not", "unknown", "na" */
const char *fnd_severity_name(int severity);	/* "info" ... "critical" */

#endif /* SA_FINDINGS_H */
