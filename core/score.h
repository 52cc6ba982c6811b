/* SPDX-License-Identifier: MIT */
/*
 * The guideline's arithmetic.  Evidence for an item is every scored
 * report against it: all implemented -> 4, all not -> 0, anything in
 * between -> 2; checks that could not tell (-1) count only when nothing
 * else does; "not applicable" counts only when nothing else does and
 * then scores like an implemented item, flagged as not applicable.
 * Evidence beats an answer; a disagreement between them is flagged.
 */
#ifndef SA_SCORE_H
#define SA_SCORE_H

#include "answers.h"
#include "catalog.h"
#include "findings.h"

enum score_source {
	SCORE_SRC_NONE = 0,
	SCORE_SRC_EVIDENCE,
	SCORE_SRC_ANSWER,
	SCORE_SRC_BOTH
};

/* Why an item is -1. */
enum score_unknown {
	SCORE_UNK_NONE = 0,
	SCORE_UNK_NOBODY,	/* no plugin covers it, nobody answered */
	SCORE_UNK_CHECK_FAILED,	/* the plugin that covers it failed */
	SCORE_UNK_CANNOT_TELL,	/* its checks ran but could not tell */
	SCORE_UNK_ANSWERED	/* a person answered "don't know" */
};

#define SCORE_NO_EVIDENCE (-2)

struct score_entry {
	int number;
	int score;		/* 4, 2, 0 or -1 */
	int applicable;		/* 0: not applicable here (scores as 4) */
	enum score_source source;
	int evidence;		/* 4/2/0/-1, SA_LEVEL_NA or SCORE_NO_EVIDENCE */
	int answer;		/* 4/2/0/-1, ANS_NA or ANS_UNSET */
	int disagreement;
	size_t disagreeing_services;	/* overall cloud item: services that disagree */
	enum score_unknown unknown;
	char *failed_plugins;	/* for SCORE_UNK_CHECK_FAILED: "a, b" */
	const char *note;	/* the answer's note, may be NULL */
	size_t *findings;	/* indexes into the store */
	size_t n_findings;
};

struct score_total {
	int score;
	int max;
	int min;
	int unknown;		/* entries at -1 */
};

/*
 * The cloud checklist of one service ([service.ID]): its answers (or the
 * organisation-wide [cloud] ones it inherits) against the evidence that
 * plugins reported for that service (a finding of the cloud item whose
 * object is the service id, e.g. the backup plugin's copy of its data).
 */
struct score_service {
	const char *id;		/* the answers' strings */
	const char *label;	/* may be NULL */
	struct score_entry items[CAT_MAX_CLOUD];
	struct score_total total;
	struct score_total groups[CAT_MAX_GROUPS];
	size_t disagreements;
};

struct score {
	struct score_entry items[CAT_MAX_ITEMS];
	size_t n_items;
	struct score_total categories[CAT_MAX_CATEGORIES];
	size_t n_categories;
	struct score_total total;
	int rules[CAT_MAX_RULES];	/* 4/2/0/-1 per basic rule */
	size_t n_rules;
	struct score_entry cloud[CAT_MAX_CLOUD];
	size_t n_cloud;
	struct score_total cloud_total;
	/*
	 * With services, an overall cloud item combines the services' scores
	 * and any evidence that names no service; its disagreement flag says
	 * that some service disagrees (counted once per service).
	 */
	struct score_service *services;
	size_t n_services;
	size_t disagreements;	/* items, cloud items and service items */
};

/*
 * failed(user, item, cloud) names the plugins covering that item whose
 * run failed, as a malloc'd "a, b", or NULL when none did.
 */
typedef char *(*score_failed_fn)(void *user, int item, int cloud);

void score_compute(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    score_failed_fn failed, void *user);
/*
 * As score_compute, for self-diagnosis evidence combined elsewhere
 * (smeaudit merge): the evidence level of item n is item_levels[n - 1],
 * one of 4/2/0/-1, SA_LEVEL_NA or SCORE_NO_EVIDENCE.  The store's
 * findings are still linked to their entries, and the cloud checklist
 * is scored from the store as score_compute does.
 */
void score_compute_levels(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    const int *item_levels, score_failed_fn failed, void *user);
void score_free(struct score *sc);

/*
 * For scores read back from a report: score_evidence links the store's
 * findings about e (an item, or a cloud item when cloud; only those
 * naming object when it is not NULL) to e and returns their combined
 * level; score_sum recomputes the totals, category, rule and service
 * scores and the disagreement count from sc's entries.
 */
int score_evidence(struct score_entry *e, const struct fnd_store *store,
    int cloud, const char *object);
void score_sum(struct score *sc, const struct catalog *cat);

/* all 4 -> 4, all 0 -> 0, mixed -> 2, from a set of seen levels. */
int score_combine(int seen_ok, int seen_partly, int seen_not);

const char *score_source_name(enum score_source s);
const char *score_unknown_name(enum score_unknown u);

#endif /* SA_SCORE_H */
