/* SPDX-License-Identifier: MIT */
/*
 * One report over many hosts (smeaudit merge).  Each host's evidence for
 * a self-diagnosis item is the level its own report recorded; the
 * fleet's evidence is those levels combined like findings are: every host that could tell
 * at 4 -> 4, every one at 0 -> 0, anything else -> 2; hosts at -1 count
 * only when no host could tell (-> -1), not-applicable hosts only when
 * every host is not applicable.  The organisation's answers are then
 * applied once, to the fleet's entries, exactly as for one host.
 */
#ifndef SA_FLEET_H
#define SA_FLEET_H

#include "repload.h"

struct fleet_levels {
	int items[CAT_MAX_ITEMS];
	int cloud[CAT_MAX_CLOUD];
};

struct fleet {
	struct rl_report *inputs;	/* every file given, in order */
	size_t n_inputs;
	size_t *used;		/* inputs kept, one per host, in order */
	size_t n_used;
	struct rep_dropped *dropped;
	size_t n_dropped;

	struct fleet_levels *levels;	/* [n_used] */
	int merged[CAT_MAX_ITEMS];	/* the fleet's evidence per item */
	struct rep_host *hosts;	/* [n_used] */
	struct rep_fleet rep_fleet;
	struct fnd_store store;
	struct score score;
	struct rep_plugin *plugins;
	size_t n_plugins;
	char *hostname;		/* "web1, web2, db1" */
	struct report rep;
};

/*
 * Read the n files.  A host given twice is kept once: the report with
 * the newest generated_at wins (the later file on a tie) and the other
 * is listed in fl->dropped.  A report that is itself a merge is refused.
 * Returns 0, or a negative errno with one line naming the file in err.
 */
int fleet_load(struct fleet *fl, char *const *files, size_t n,
    const struct catalog *cat, const char *lang, struct sbuf *err);

/*
 * Build fl->rep from the loaded hosts and the organisation's answers
 * (which must outlive fl).  Findings of the same check and level are
 * joined, their objects prefixed with the host; at most max_examples
 * are kept.  generated_at is the merge's time.
 */
void fleet_merge(struct fleet *fl, const struct catalog *cat,
    const struct answers *ans, size_t max_examples, int64_t generated_at);

/* The combined level of n host levels (see above). */
int fleet_combine(const int *levels, size_t n);

void fleet_free(struct fleet *fl);

#endif /* SA_FLEET_H */
