/* SPDX-License-Identifier: MIT */
/*
 * JSON reports read back (json-c), for smeaudit merge, smeaudit diff and
 * --previous.  A loaded report is a struct report that any format can
 * print again: its entries are taken as recorded, its totals recomputed
 * from them with the catalog.
 */
#ifndef SA_REPLOAD_H
#define SA_REPLOAD_H

#include <stdint.h>

#include "report.h"

#define RL_SCHEMA "smeaudit-report/1"
#define RL_MAX_SIZE (64u << 20)

struct rl_plugin {
	char *name;
	char *version;
	char *status;
	char *reason;
	char *host;
	int64_t duration_ms;
	unsigned char items[CAT_MAX_ITEMS + 1];
	unsigned char cloud[CAT_MAX_CLOUD + 1];
};

struct rl_report {
	char *path;
	char *hostname;
	char *root;
	char *tool_version;
	char *pcre2;
	int live, jit, complete, interrupted;
	int is_fleet;		/* written by smeaudit merge */
	int64_t generated_at;
	int64_t evaluated_at;
	struct answers ans;	/* organization, answers and notes as recorded */
	struct score score;
	struct ans_value (*service_answers)[CAT_MAX_CLOUD];	/* [n_services] */
	struct fnd_store store;
	struct rl_plugin *plugins;
	size_t n_plugins;
	struct rep_plugin *rplugins;
	struct report rep;	/* points into the above */
};

/*
 * Read the report at path, written for the edition of cat.  The
 * returned rep prints in lang.  Returns 0, or a negative errno with one
 * line "FILE[:LINE:COL]: message" in err and r empty (rl_free is safe).
 */
int rl_load(struct rl_report *r, const char *path, const struct catalog *cat,
    const char *lang, struct sbuf *err);
/* The same from a buffer; name is used in messages. */
int rl_load_buffer(struct rl_report *r, const char *name, const char *data,
    size_t len, const struct catalog *cat, const char *lang, struct sbuf *err);
void rl_free(struct rl_report *r);

#endif /* SA_REPLOAD_H */
