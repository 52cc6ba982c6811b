/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "score.h"

int
score_combine(int seen_ok, int seen_partly, int seen_not)
{
	if (seen_ok && !seen_partly && !seen_not)
		return 4;
	if (seen_not && !seen_ok && !seen_partly)
		return 0;
	return 2;
}

const char *
score_source_name(enum score_source s)
{
	switch (s) {
	case SCORE_SRC_EVIDENCE: return "evidence";
	case SCORE_SRC_ANSWER: return "answer";
	case SCORE_SRC_BOTH: return "both";
	default: return "none";
	}
}

const char *
score_unknown_name(enum score_unknown u)
{
	switch (u) {
	case SCORE_UNK_NOBODY: return "unanswered";
	case SCORE_UNK_CHECK_FAILED: return "check-failed";
	case SCORE_UNK_CANNOT_TELL: return "cannot-tell";
	case SCORE_UNK_ANSWERED: return "answered-unknown";
	default: return NULL;
	}
}

/* Whether f was reported against object (one of its listed objects). */
static int
score_has_object(const struct fnd_finding *f, const char *object)
{
	size_t i;

	for (i = 0; i < f->n_examples; i++)
		if (strcmp(f->examples[i], object) == 0)
			return 1;
	return 0;
}

int
score_evidence(struct score_entry *e, const struct fnd_store *store, int cloud,
    const char *object)
{
	int ok = 0, partly = 0, not = 0, unknown = 0, na = 0;
	size_t i;

	for (i = 0; i < store->n; i++) {
		const struct fnd_finding *f = &store->v[i];

		if ((cloud ? f->cloud_item : f->item) != e->number)
			continue;
		if (object != NULL && !score_has_object(f, object))
			continue;
		e->findings = xreallocarray(e->findings, e->n_findings + 1,
		    sizeof(*e->findings));
		e->findings[e->n_findings++] = i;
		if (!f->scored)
			continue;
		switch (f->level) {
		case SA_LEVEL_IMPLEMENTED: ok = 1; break;
		case SA_LEVEL_PARTLY: partly = 1; break;
		case SA_LEVEL_NOT: not = 1; break;
		case SA_LEVEL_NA: na = 1; break;
		default: unknown = 1; break;
		}
	}
	if (ok || partly || not)
		return score_combine(ok, partly, not);
	if (unknown)
		return SA_LEVEL_UNKNOWN;
	if (na)
		return SA_LEVEL_NA;
	return SCORE_NO_EVIDENCE;
}

/*
 * partial: the machine can see only part of what the item asks (the
 * catalog's mode "partly" or "human").  Evidence then can lower a
 * person's answer but never raise it: good logs on one server do not make
 * an incident procedure exist.  Where the item is machine-checkable, and
 * for cloud items (whose only evidence is a copy declared for that very
 * service), the evidence decides either way.
 */
static void
score_entry(struct score_entry *e, int number, const struct fnd_store *store,
    const struct ans_value *answer, score_failed_fn failed, void *user,
    int cloud, const char *object, int partial, const int *level)
{
	int ev, an;

	memset(e, 0, sizeof(*e));
	e->number = number;
	e->applicable = 1;
	e->evidence = ev = score_evidence(e, store, cloud, object);
	if (level != NULL)	/* combined elsewhere: smeaudit merge */
		e->evidence = ev = *level;
	e->answer = an = answer != NULL ? answer->value : ANS_UNSET;
	e->note = answer != NULL ? answer->note : NULL;
	if (ev == SCORE_NO_EVIDENCE || ev == SA_LEVEL_UNKNOWN)
		e->failed_plugins = failed != NULL ?
		    failed(user, cloud ? 0 : number, cloud ? number : 0) : NULL;

	if (ev == 4 || ev == 2 || ev == 0) {
		e->score = ev;
		e->source = an != ANS_UNSET ? SCORE_SRC_BOTH : SCORE_SRC_EVIDENCE;
		/* "don't know" is no claim; an answer of 4/2/0/na is one. */
		if (an == ANS_UNSET || an == -1)
			return;
		if (an == ANS_NA)
			e->disagreement = 1;
		else if (partial && an < ev)
			e->score = an;	/* the person knows of more than we saw */
		else
			e->disagreement = an != ev;
		return;
	}
	if (an != ANS_UNSET) {
		e->source = ev == SA_LEVEL_UNKNOWN ? SCORE_SRC_BOTH : SCORE_SRC_ANSWER;
		if (an == ANS_NA) {
			e->score = 4;
			e->applicable = 0;
		} else
			e->score = an;
		if (an == -1)
			e->unknown = SCORE_UNK_ANSWERED;
		return;
	}
	if (ev == SA_LEVEL_NA) {
		e->score = 4;
		e->applicable = 0;
		e->source = SCORE_SRC_EVIDENCE;
		return;
	}
	e->score = -1;
	if (ev == SA_LEVEL_UNKNOWN) {
		e->source = SCORE_SRC_EVIDENCE;
		e->unknown = e->failed_plugins != NULL ? SCORE_UNK_CHECK_FAILED :
		    SCORE_UNK_CANNOT_TELL;
	} else {
		e->source = SCORE_SRC_NONE;
		e->unknown = e->failed_plugins != NULL ? SCORE_UNK_CHECK_FAILED :
		    SCORE_UNK_NOBODY;
	}
}

static void
score_add(struct score_total *t, const struct score_entry *e)
{
	t->score += e->score;
	t->max += 4;
	t->min -= 1;
	if (e->score == -1)
		t->unknown++;
}

/*
 * What the services answered to cloud item number, taken together for
 * the overall line: every service 4 -> 4, every service 0 -> 0, a mix
 * -> 2, nobody knows -> -1.  Without services it is the [cloud] answer.
 */
static struct ans_value
score_cloud_answer(const struct answers *ans, int number)
{
	struct ans_value v = ans->cloud[number - 1];
	int ok = 0, partly = 0, not = 0, unknown = 0, na = 0;
	size_t i;

	if (ans->n_services == 0)
		return v;
	for (i = 0; i < ans->n_services; i++) {
		switch (ans_cloud_effective(ans, &ans->services[i], number)->value) {
		case 4: ok = 1; break;
		case 2: partly = 1; break;
		case 0: not = 1; break;
		case -1: unknown = 1; break;
		case ANS_NA: na = 1; break;
		default: break;
		}
	}
	v.note = NULL;
	v.value = ANS_UNSET;
	if (ok || partly || not)
		v.value = score_combine(ok, partly, not);
	else if (unknown)
		v.value = -1;
	else if (na)
		v.value = ANS_NA;
	return v;
}

/* Whether f names one of the declared services. */
static int
score_names_service(const struct fnd_finding *f, const struct answers *ans)
{
	size_t i;

	for (i = 0; i < ans->n_services; i++)
		if (score_has_object(f, ans->services[i].id))
			return 1;
	return 0;
}

/*
 * An overall cloud item when services are declared: the services' scores
 * and the evidence that names none of them, combined like evidence
 * except that an unknown service keeps a full score from being claimed
 * (4 with one service unanswered is only 2: that service is a gap).
 */
static void
score_cloud_overall(struct score *sc, struct score_entry *e, int number,
    const struct fnd_store *store, const struct answers *ans,
    score_failed_fn failed, void *user)
{
	struct ans_value cv = score_cloud_answer(ans, number);
	int ok = 0, partly = 0, not = 0, unknown = 0, na = 0;
	int said_unknown = 0, any_evidence = 0, any_answer = 0;
	size_t i;

	memset(e, 0, sizeof(*e));
	e->number = number;
	e->applicable = 1;
	e->evidence = score_evidence(e, store, 1, NULL);
	e->answer = cv.value;
	e->note = ans->cloud[number - 1].note;
	for (i = 0; i < sc->n_services; i++) {
		const struct score_entry *se = &sc->services[i].items[number - 1];

		if (!se->applicable)
			na = 1;
		else if (se->score == 4)
			ok = 1;
		else if (se->score == 2)
			partly = 1;
		else if (se->score == 0)
			not = 1;
		else
			unknown = 1;
		said_unknown |= se->unknown == SCORE_UNK_ANSWERED;
		any_evidence |= se->source == SCORE_SRC_EVIDENCE ||
		    se->source == SCORE_SRC_BOTH;
		any_answer |= se->source == SCORE_SRC_ANSWER ||
		    se->source == SCORE_SRC_BOTH;
		e->disagreement |= se->disagreement;
		e->disagreeing_services += (size_t)se->disagreement;
	}
	for (i = 0; i < store->n; i++) {
		const struct fnd_finding *f = &store->v[i];

		if (f->cloud_item != number || !f->scored ||
		    score_names_service(f, ans))
			continue;
		any_evidence = 1;
		switch (f->level) {
		case SA_LEVEL_IMPLEMENTED: ok = 1; break;
		case SA_LEVEL_PARTLY: partly = 1; break;
		case SA_LEVEL_NOT: not = 1; break;
		case SA_LEVEL_NA: na = 1; break;
		default: unknown = 1; break;
		}
	}
	e->source = any_evidence && any_answer ? SCORE_SRC_BOTH :
	    any_evidence ? SCORE_SRC_EVIDENCE : any_answer ? SCORE_SRC_ANSWER :
	    SCORE_SRC_NONE;
	if (ok || partly || not) {
		e->score = score_combine(ok, partly, not);
		if (unknown && e->score == 4)
			e->score = 2;
		return;
	}
	if (!unknown && na) {
		e->score = 4;
		e->applicable = 0;
		return;
	}
	e->score = -1;
	e->failed_plugins = failed != NULL ? failed(user, 0, number) : NULL;
	if (said_unknown)
		e->unknown = SCORE_UNK_ANSWERED;
	else if (e->failed_plugins != NULL)
		e->unknown = SCORE_UNK_CHECK_FAILED;
	else if (any_evidence)
		e->unknown = SCORE_UNK_CANNOT_TELL;
	else
		e->unknown = SCORE_UNK_NOBODY;
}

static void
score_services(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    score_failed_fn failed, void *user)
{
	size_t i, j;

	sc->n_services = ans->n_services;
	sc->services = ans->n_services > 0 ?
	    xcalloc(ans->n_services, sizeof(*sc->services)) : NULL;
	for (i = 0; i < ans->n_services; i++) {
		const struct ans_service *as = &ans->services[i];
		struct score_service *ss = &sc->services[i];

		ss->id = as->id;
		ss->label = as->label;
		for (j = 0; j < cat->n_cloud; j++) {
			struct score_entry *e = &ss->items[j];

			score_entry(e, (int)j + 1, store,
			    ans_cloud_effective(ans, as, (int)j + 1), failed, user,
			    1, as->id, 0, NULL);
			score_add(&ss->total, e);
			score_add(&ss->groups[cat->cloud[j].group], e);
			ss->disagreements += (size_t)e->disagreement;
		}
		sc->disagreements += ss->disagreements;
	}
}

void
score_sum(struct score *sc, const struct catalog *cat)
{
	size_t i, j;
	int any_unknown, all4, all0, s;

	memset(&sc->total, 0, sizeof(sc->total));
	memset(sc->categories, 0, sizeof(sc->categories));
	memset(&sc->cloud_total, 0, sizeof(sc->cloud_total));
	sc->disagreements = 0;
	sc->n_categories = cat->n_categories;
	for (i = 0; i < sc->n_items; i++) {
		score_add(&sc->total, &sc->items[i]);
		score_add(&sc->categories[cat->items[i].category], &sc->items[i]);
		sc->disagreements += (size_t)sc->items[i].disagreement;
	}
	sc->n_rules = cat->n_rules;
	for (i = 0; i < cat->n_rules; i++) {
		any_unknown = 0;
		all4 = all0 = 1;
		for (j = 0; j < cat->rules[i].n_items; j++) {
			s = sc->items[cat->rules[i].items[j] - 1].score;
			any_unknown |= s == -1;
			all4 &= s == 4;
			all0 &= s == 0;
		}
		sc->rules[i] = any_unknown ? -1 : all4 ? 4 : all0 ? 0 : 2;
	}
	for (i = 0; i < sc->n_services; i++) {
		struct score_service *ss = &sc->services[i];

		memset(&ss->total, 0, sizeof(ss->total));
		memset(ss->groups, 0, sizeof(ss->groups));
		ss->disagreements = 0;
		for (j = 0; j < sc->n_cloud; j++) {
			score_add(&ss->total, &ss->items[j]);
			score_add(&ss->groups[cat->cloud[j].group], &ss->items[j]);
			ss->disagreements += (size_t)ss->items[j].disagreement;
		}
		sc->disagreements += ss->disagreements;
	}
	for (i = 0; i < sc->n_cloud; i++) {
		score_add(&sc->cloud_total, &sc->cloud[i]);
		/* with services, each disagreeing service was counted above */
		if (sc->n_services == 0)
			sc->disagreements += (size_t)sc->cloud[i].disagreement;
	}
}

static void
score_run(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    const int *item_levels, score_failed_fn failed, void *user)
{
	struct ans_value cv;
	size_t i;

	memset(sc, 0, sizeof(*sc));
	sc->n_items = cat->n_items;
	for (i = 0; i < cat->n_items; i++)
		score_entry(&sc->items[i], (int)i + 1, store, &ans->diagnosis[i],
		    failed, user, 0, NULL, cat->items[i].mode != CAT_MODE_AUTO,
		    item_levels != NULL ? &item_levels[i] : NULL);
	sc->n_cloud = cat->n_cloud;
	score_services(sc, cat, store, ans, failed, user);
	for (i = 0; i < cat->n_cloud; i++) {
		if (sc->n_services > 0)
			score_cloud_overall(sc, &sc->cloud[i], (int)i + 1, store, ans,
			    failed, user);
		else {
			cv = score_cloud_answer(ans, (int)i + 1);
			score_entry(&sc->cloud[i], (int)i + 1, store, &cv, failed,
			    user, 1, NULL, 0, NULL);
		}
	}
	score_sum(sc, cat);
}

void
score_compute(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    score_failed_fn failed, void *user)
{
	score_run(sc, cat, store, ans, NULL, failed, user);
}

void
score_compute_levels(struct score *sc, const struct catalog *cat,
    const struct fnd_store *store, const struct answers *ans,
    const int *item_levels, score_failed_fn failed, void *user)
{
	score_run(sc, cat, store, ans, item_levels, failed, user);
}

void
score_free(struct score *sc)
{
	size_t i, j;

	for (i = 0; i < CAT_MAX_ITEMS; i++) {
		free(sc->items[i].findings);
		free(sc->items[i].failed_plugins);
	}
	for (i = 0; i < CAT_MAX_CLOUD; i++) {
		free(sc->cloud[i].findings);
		free(sc->cloud[i].failed_plugins);
	}
	for (i = 0; i < sc->n_services; i++)
		for (j = 0; j < CAT_MAX_CLOUD; j++) {
			free(sc->services[i].items[j].findings);
			free(sc->services[i].items[j].failed_plugins);
		}
	free(sc->services);
	memset(sc, 0, sizeof(*sc));
}
