/* SPDX-License-Identifier: MIT */
/*
 * score: the guideline's arithmetic.  Totals and categories, evidence
 * against answers, the reasons an item is unknown, the five rules and
 * the cloud checklist with per-service answers.
 */
#include "config.h"

#include "score.h"
#include "unit.h"

#define SHIPPED SA_ABS_SRCDIR "/rules/guideline-3.0.catalog"
#define U ANS_UNSET
#define NA ANS_NA

static struct catalog cat;
static struct fnd_store store;
static struct answers ans;
static struct score sc;
static int failed_items[64];	/* items whose covering plugin failed */
static int failed_cloud[64];

static void
setup(void)
{
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(cat_load(&cat, SHIPPED, &err) == 0, "%s", err.data);
	sb_free(&err);
	fnd_init(&store, 10);
	ans_init(&ans);
	memset(&sc, 0, sizeof(sc));
	memset(failed_items, 0, sizeof(failed_items));
	memset(failed_cloud, 0, sizeof(failed_cloud));
}

static void
teardown(void)
{
	score_free(&sc);
	ans_free(&ans);
	fnd_free(&store);
	cat_free(&cat);
}

static char *
failed_fn(void *user, int item, int cloud)
{
	(void)user;
	if ((item > 0 && failed_items[item]) || (cloud > 0 && failed_cloud[cloud]))
		return xstrdup("test-crash (crashed)");
	return NULL;
}

/* One report of a check for item (or cloud item) at level. */
static void
evidence(int item, int cloud, int level, int scored)
{
	static int serial;
	struct sa_check check;
	struct fnd_finding *f;
	char name[32];

	snprintf(name, sizeof(name), "check-%d", serial++);
	memset(&check, 0, sizeof(check));
	check.name = name;
	check.item = item;
	check.cloud_item = cloud;
	check.title_en = "A check";
	f = fnd_get(&store, "test", &check, level);
	fnd_add(f, &store, NULL, NULL, NULL, NULL, 0);
	f->scored = scored;
}

static void
answer_all(const int *v)
{
	size_t i;

	for (i = 0; i < 25; i++)
		ans.diagnosis[i].value = v[i];
}

static void
compute(void)
{
	score_free(&sc);
	score_compute(&sc, &cat, &store, &ans, failed_fn, NULL);
}

START_TEST(test_all_four)
{
	int v[25], i;

	for (i = 0; i < 25; i++)
		v[i] = 4;
	answer_all(v);
	compute();
	ck_assert_uint_eq(sc.n_items, 25);
	ck_assert_int_eq(sc.total.score, 100);
	ck_assert_int_eq(sc.total.max, 100);
	ck_assert_int_eq(sc.total.min, -25);
	ck_assert_int_eq(sc.total.unknown, 0);
	ck_assert_uint_eq(sc.n_categories, 3);
	ck_assert_int_eq(sc.categories[0].score, 20);
	ck_assert_int_eq(sc.categories[0].max, 20);
	ck_assert_int_eq(sc.categories[1].score, 52);
	ck_assert_int_eq(sc.categories[1].max, 52);
	ck_assert_int_eq(sc.categories[2].score, 28);
	ck_assert_int_eq(sc.categories[2].max, 28);
	ck_assert_int_eq(sc.categories[0].min, -5);
	ck_assert_int_eq(sc.categories[1].min, -13);
	ck_assert_int_eq(sc.categories[2].min, -7);
	for (i = 0; i < 25; i++) {
		ck_assert_int_eq(sc.items[i].number, i + 1);
		ck_assert_int_eq(sc.items[i].source, SCORE_SRC_ANSWER);
		ck_assert_int_eq(sc.items[i].unknown, SCORE_UNK_NONE);
		ck_assert_int_eq(sc.items[i].applicable, 1);
	}
	ck_assert_uint_eq(sc.n_rules, 5);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(sc.rules[i], 4);
	ck_assert_uint_eq(sc.disagreements, 0);
}
END_TEST

START_TEST(test_all_unknown)
{
	int i;

	compute();
	ck_assert_int_eq(sc.total.score, -25);
	ck_assert_int_eq(sc.total.unknown, 25);
	ck_assert_int_eq(sc.categories[0].score, -5);
	ck_assert_int_eq(sc.categories[1].score, -13);
	ck_assert_int_eq(sc.categories[2].score, -7);
	ck_assert_int_eq(sc.categories[1].unknown, 13);
	for (i = 0; i < 25; i++) {
		ck_assert_int_eq(sc.items[i].score, -1);
		ck_assert_int_eq(sc.items[i].source, SCORE_SRC_NONE);
		ck_assert_int_eq(sc.items[i].unknown, SCORE_UNK_NOBODY);
		ck_assert_ptr_null(sc.items[i].failed_plugins);
	}
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(sc.rules[i], -1);
	/* the cloud checklist likewise */
	ck_assert_uint_eq(sc.n_cloud, 15);
	ck_assert_int_eq(sc.cloud_total.score, -15);
	ck_assert_int_eq(sc.cloud_total.max, 60);
	ck_assert_int_eq(sc.cloud_total.unknown, 15);
	/* all -1 answered explicitly: same sum, another reason */
	for (i = 0; i < 25; i++)
		ans.diagnosis[i].value = -1;
	compute();
	ck_assert_int_eq(sc.total.score, -25);
	ck_assert_int_eq(sc.items[7].unknown, SCORE_UNK_ANSWERED);
	ck_assert_int_eq(sc.items[7].source, SCORE_SRC_ANSWER);
}
END_TEST

/* Whole sheets of answers: total, categories, unknown count. */
static const struct {
	int v[25];
	int total, basic, employee, organization, unknown;
} sheet_cases[] = {
	{ { 4, 2, 0, -1, 4,  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  0, 0, 0, 0, 0, 0, 0 },
	  35, 9, 26, 0, 1 },
	{ { 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0 },
	  0, 0, 0, 0, 0 },
	{ { NA, NA, 4, 4, 4,  NA, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  -1, -1, -1, -1, -1, -1, -1 },
	  17, 20, 4, -7, 7 },
	{ { 4, 4, 4, 4, 4,  U, U, U, U, U, U, U, U, U, U, U, U, U,  2, 2, 2, 2, 2, 2, 2 },
	  20 - 13 + 14, 20, -13, 14, 13 },
	{ { 2, 2, 2, 2, 2,  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  2, 2, 2, 2, 2, 2, 2 },
	  50, 10, 26, 14, 0 },
};

START_TEST(test_sheet)
{
	answer_all(sheet_cases[_i].v);
	compute();
	ck_assert_int_eq(sc.total.score, sheet_cases[_i].total);
	ck_assert_int_eq(sc.categories[0].score, sheet_cases[_i].basic);
	ck_assert_int_eq(sc.categories[1].score, sheet_cases[_i].employee);
	ck_assert_int_eq(sc.categories[2].score, sheet_cases[_i].organization);
	ck_assert_int_eq(sc.total.unknown, sheet_cases[_i].unknown);
	ck_assert_int_eq(sc.categories[0].score + sc.categories[1].score +
	    sc.categories[2].score, sc.total.score);
	ck_assert_int_eq(sc.total.max, 100);
}
END_TEST

/*
 * One item from evidence and an answer.  ev lists levels (END ends it, a
 * level + 100 is reported but not scored).
 */
#define END 99
#define UNSCORED(l) ((l) + 100)

struct item_case {
	int ev[4];
	int answer;
	int failed;
	int score, applicable;
	enum score_source source;
	int disagreement;
	enum score_unknown unknown;
};

/* Item 1 is machine-checkable: the evidence decides either way. */
static const struct item_case item_cases[] = {
	/* evidence alone */
	{ { 4, END }, U, 0, 4, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 4, 4, END }, U, 0, 4, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 0, 0, END }, U, 0, 0, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 4, 0, END }, U, 0, 2, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 4, 2, END }, U, 0, 2, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 2, END }, U, 0, 2, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 2, 0, 4, END }, U, 0, 2, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	/* "cannot tell" counts only when nothing else does */
	{ { 4, -1, END }, U, 0, 4, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { -1, 0, END }, U, 0, 0, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { -1, END }, U, 0, -1, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_CANNOT_TELL },
	{ { -1, END }, U, 1, -1, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_CHECK_FAILED },
	/* not applicable: only when nothing else, then 4 flagged */
	{ { 5, END }, U, 0, 4, 0, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 5, 0, END }, U, 0, 0, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { 5, -1, END }, U, 0, -1, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_CANNOT_TELL },
	/* nothing */
	{ { END }, U, 0, -1, 1, SCORE_SRC_NONE, 0, SCORE_UNK_NOBODY },
	{ { END }, U, 1, -1, 1, SCORE_SRC_NONE, 0, SCORE_UNK_CHECK_FAILED },
	/* a failed plugin's reports are listed, never scored */
	{ { UNSCORED(0), END }, U, 1, -1, 1, SCORE_SRC_NONE, 0, SCORE_UNK_CHECK_FAILED },
	{ { UNSCORED(0), 4, END }, U, 0, 4, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { UNSCORED(4), END }, 2, 1, 2, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
	/* answers alone */
	{ { END }, 4, 0, 4, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
	{ { END }, 2, 0, 2, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
	{ { END }, 0, 0, 0, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
	{ { END }, -1, 0, -1, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_ANSWERED },
	{ { END }, NA, 0, 4, 0, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
	/* evidence beats an answer, and a contradiction is flagged */
	{ { 0, END }, 4, 0, 0, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 4, END }, 0, 0, 4, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 2, END }, 0, 0, 2, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 4, 0, END }, 2, 0, 2, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, END }, 4, 0, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, END }, NA, 0, 4, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	/* "don't know" is no claim: no disagreement */
	{ { 4, END }, -1, 0, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 0, END }, -1, 0, 0, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	/* checks that could not tell leave the answer in charge */
	{ { -1, END }, 4, 0, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { -1, END }, 4, 1, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 5, END }, 0, 0, 0, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
};

/*
 * Item 4 is one a machine sees only part of (catalog mode "partly"):
 * evidence can lower an answer but never raise it.
 */
static const struct item_case partial_cases[] = {
	{ { 4, END }, 0, 0, 0, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, END }, 2, 0, 2, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 2, END }, 0, 0, 0, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, 0, END }, 0, 0, 0, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 0, END }, 4, 0, 0, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 2, END }, 4, 0, 2, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 4, END }, 4, 0, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, END }, -1, 0, 4, 1, SCORE_SRC_BOTH, 0, SCORE_UNK_NONE },
	{ { 4, END }, NA, 0, 4, 1, SCORE_SRC_BOTH, 1, SCORE_UNK_NONE },
	{ { 4, END }, U, 0, 4, 1, SCORE_SRC_EVIDENCE, 0, SCORE_UNK_NONE },
	{ { END }, 0, 0, 0, 1, SCORE_SRC_ANSWER, 0, SCORE_UNK_NONE },
};

/* Score item number (1 or 4) from case c; item 2 gets distracting evidence. */
static void
check_item(int number, const struct item_case *c)
{
	const struct score_entry *e;
	size_t n = 0, i;

	ck_assert_int_eq(cat.items[0].mode, CAT_MODE_AUTO);
	ck_assert_int_eq(cat.items[3].mode, CAT_MODE_PARTLY);
	for (i = 0; c->ev[i] != END; i++, n++) {
		int l = c->ev[i];

		evidence(number, 0, l >= 50 ? l - 100 : l, l < 50);
	}
	/* evidence for other items must not leak into this one */
	evidence(2, 0, SA_LEVEL_NOT, 1);
	evidence(0, number, SA_LEVEL_NOT, 1);
	ans.diagnosis[number - 1].value = c->answer;
	failed_items[number] = c->failed;
	compute();
	e = &sc.items[number - 1];
	ck_assert_int_eq(e->number, number);
	ck_assert_int_eq(e->score, c->score);
	ck_assert_int_eq(e->applicable, c->applicable);
	ck_assert_int_eq(e->source, c->source);
	ck_assert_int_eq(e->disagreement, c->disagreement);
	ck_assert_int_eq(e->unknown, c->unknown);
	ck_assert_int_eq(e->answer, c->answer);
	ck_assert_uint_eq(e->n_findings, n);
	if (e->unknown == SCORE_UNK_CHECK_FAILED)
		ck_assert_str_eq(e->failed_plugins, "test-crash (crashed)");
	ck_assert_uint_eq(sc.disagreements, (size_t)c->disagreement);
	ck_assert_int_eq(sc.items[1].score, 0);
	/* the item's score is in its category's and the total */
	ck_assert_int_eq(sc.total.score, c->score + 0 - 23);
}

START_TEST(test_item)
{
	check_item(1, &item_cases[_i]);
}
END_TEST

START_TEST(test_item_partial)
{
	check_item(4, &partial_cases[_i]);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(score_source_name(SCORE_SRC_NONE), "none");
	ck_assert_str_eq(score_source_name(SCORE_SRC_EVIDENCE), "evidence");
	ck_assert_str_eq(score_source_name(SCORE_SRC_ANSWER), "answer");
	ck_assert_str_eq(score_source_name(SCORE_SRC_BOTH), "both");
	ck_assert_ptr_null(score_unknown_name(SCORE_UNK_NONE));
	ck_assert_str_eq(score_unknown_name(SCORE_UNK_NOBODY), "unanswered");
	ck_assert_str_eq(score_unknown_name(SCORE_UNK_CHECK_FAILED), "check-failed");
	ck_assert_str_eq(score_unknown_name(SCORE_UNK_CANNOT_TELL), "cannot-tell");
	ck_assert_str_eq(score_unknown_name(SCORE_UNK_ANSWERED), "answered-unknown");
	ck_assert_int_eq(score_combine(1, 0, 0), 4);
	ck_assert_int_eq(score_combine(0, 0, 1), 0);
	ck_assert_int_eq(score_combine(0, 1, 0), 2);
	ck_assert_int_eq(score_combine(1, 0, 1), 2);
	ck_assert_int_eq(score_combine(1, 1, 1), 2);
	ck_assert_int_eq(score_combine(0, 1, 1), 2);
}
END_TEST

/* Rule k follows item k in the shipped catalog. */
START_TEST(test_rules)
{
	int v[25] = { 4, 2, 0, -1, NA, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
		4, 4, 4, 4, 4, 4, 4 };

	answer_all(v);
	compute();
	ck_assert_int_eq(sc.rules[0], 4);
	ck_assert_int_eq(sc.rules[1], 2);
	ck_assert_int_eq(sc.rules[2], 0);
	ck_assert_int_eq(sc.rules[3], -1);
	ck_assert_int_eq(sc.rules[4], 4);	/* not applicable scores 4 */
}
END_TEST

/* A rule over several items: all 4, all 0, a mix, anything unknown. */
static const struct {
	int a, b;
	int want;
} rule_cases[] = {
	{ 4, 4, 4 }, { 0, 0, 0 }, { 4, 0, 2 }, { 2, 2, 2 }, { 4, 2, 2 },
	{ 4, -1, -1 }, { -1, 0, -1 }, { U, 4, -1 },
};

START_TEST(test_rule_combined)
{
	cat.rules[0].items[0] = 1;
	cat.rules[0].items[1] = 7;
	cat.rules[0].n_items = 2;
	ans.diagnosis[0].value = rule_cases[_i].a;
	ans.diagnosis[6].value = rule_cases[_i].b;
	compute();
	ck_assert_int_eq(sc.rules[0], rule_cases[_i].want);
}
END_TEST

/*
 * Cloud item 3 over three services.  The organisation-wide [cloud]
 * answer is every service's default; the overall item combines the
 * services: all 4 -> 4, all 0 -> 0, a mix -> 2, and a service that
 * cannot say (or says nothing) keeps the whole from 4.
 */
static const struct {
	int org;		/* [cloud] 3 = */
	int svc[3];		/* [service.sN] 3 =, U when not answered */
	int score, applicable;
	enum score_unknown unknown;
} cloud_cases[] = {
	{ U, { 4, 4, 4 }, 4, 1, SCORE_UNK_NONE },
	{ U, { 0, 0, 0 }, 0, 1, SCORE_UNK_NONE },
	{ U, { 4, 0, 4 }, 2, 1, SCORE_UNK_NONE },
	{ U, { 4, 0, U }, 2, 1, SCORE_UNK_NONE },
	{ U, { 2, U, U }, 2, 1, SCORE_UNK_NONE },
	{ U, { 4, -1, 4 }, 2, 1, SCORE_UNK_NONE },
	{ U, { 4, 4, U }, 2, 1, SCORE_UNK_NONE },
	{ U, { -1, -1, U }, -1, 1, SCORE_UNK_ANSWERED },
	{ U, { NA, NA, NA }, 4, 0, SCORE_UNK_NONE },
	{ U, { NA, NA, U }, -1, 1, SCORE_UNK_NOBODY },
	{ U, { NA, 0, NA }, 0, 1, SCORE_UNK_NONE },
	{ U, { U, U, U }, -1, 1, SCORE_UNK_NOBODY },
	/* the organisation's answer fills in for silent services only */
	{ 4, { U, U, U }, 4, 1, SCORE_UNK_NONE },
	{ 0, { 4, 4, 4 }, 4, 1, SCORE_UNK_NONE },
	{ 4, { 0, U, U }, 2, 1, SCORE_UNK_NONE },
	{ NA, { 0, 0, 0 }, 0, 1, SCORE_UNK_NONE },
	{ NA, { U, U, U }, 4, 0, SCORE_UNK_NONE },
	{ -1, { 4, U, U }, 2, 1, SCORE_UNK_NONE },
};

START_TEST(test_cloud_services)
{
	const struct score_entry *e;
	struct sbuf err;
	char text[128];
	size_t i;

	/* a service that exists but says nothing about item 3 counts as silent */
	sb_init(&err);
	for (i = 0; i < 3; i++) {
		if (cloud_cases[_i].svc[i] == U)
			snprintf(text, sizeof(text), "[service.s%zu]\nlabel = S\n", i);
		else
			snprintf(text, sizeof(text), "[service.s%zu]\n3 = %s\n", i,
			    ans_value_name(cloud_cases[_i].svc[i]));
		ck_assert_msg(ans_load_buffer(&ans, &cat, "a.ini", text, strlen(text),
		    &err) == 0, "%s", err.data);
	}
	sb_free(&err);
	ans.cloud[2].value = cloud_cases[_i].org;
	ans.cloud[2].note = xstrdup("org note");
	compute();
	e = &sc.cloud[2];
	ck_assert_int_eq(e->number, 3);
	ck_assert_int_eq(e->score, cloud_cases[_i].score);
	ck_assert_int_eq(e->applicable, cloud_cases[_i].applicable);
	ck_assert_int_eq(e->unknown, cloud_cases[_i].unknown);
	ck_assert_str_eq(e->note, "org note");
	/* each service's own checklist: its answer, or the organisation's */
	ck_assert_uint_eq(sc.n_services, 3);
	for (i = 0; i < 3; i++) {
		int v = cloud_cases[_i].svc[i] != U ? cloud_cases[_i].svc[i] :
		    cloud_cases[_i].org;
		const struct score_entry *se = &sc.services[i].items[2];

		ck_assert_int_eq(se->score, v == U ? -1 : v == NA ? 4 : v);
		ck_assert_int_eq(se->applicable, v != NA);
	}
	ck_assert_int_eq(sc.cloud[1].score, -1);
	ck_assert_int_eq(sc.cloud_total.score, cloud_cases[_i].score - 14);
	ck_assert_int_eq(sc.cloud_total.max, 60);
	/* cloud answers never touch the self-diagnosis total */
	ck_assert_int_eq(sc.total.score, -25);
}
END_TEST

START_TEST(test_cloud_evidence)
{
	evidence(0, 10, SA_LEVEL_IMPLEMENTED, 1);
	evidence(2, 0, SA_LEVEL_IMPLEMENTED, 1);
	ans.cloud[9].value = 0;		/* contradicted by evidence */
	ans.cloud[10].value = 2;
	failed_cloud[12] = 1;
	compute();
	ck_assert_int_eq(sc.cloud[9].score, 4);
	ck_assert_int_eq(sc.cloud[9].source, SCORE_SRC_BOTH);
	ck_assert_int_eq(sc.cloud[9].disagreement, 1);
	ck_assert_uint_eq(sc.cloud[9].n_findings, 1);
	ck_assert_int_eq(sc.cloud[10].score, 2);
	ck_assert_int_eq(sc.cloud[10].source, SCORE_SRC_ANSWER);
	ck_assert_int_eq(sc.cloud[11].unknown, SCORE_UNK_CHECK_FAILED);
	ck_assert_str_eq(sc.cloud[11].failed_plugins, "test-crash (crashed)");
	ck_assert_int_eq(sc.items[1].score, 4);
	ck_assert_uint_eq(sc.items[1].n_findings, 1);
	ck_assert_int_eq(sc.cloud_total.score, 4 + 2 - 13);
	ck_assert_uint_eq(sc.disagreements, 1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("score");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_all_four);
	tcase_add_test(tc, test_all_unknown);
	tcase_add_loop_test(tc, test_sheet, 0, (int)UT_ARRAY_LEN(sheet_cases));
	tcase_add_loop_test(tc, test_item, 0, (int)UT_ARRAY_LEN(item_cases));
	tcase_add_loop_test(tc, test_item_partial, 0, (int)UT_ARRAY_LEN(partial_cases));
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_rules);
	tcase_add_loop_test(tc, test_rule_combined, 0, (int)UT_ARRAY_LEN(rule_cases));
	tcase_add_loop_test(tc, test_cloud_services, 0, (int)UT_ARRAY_LEN(cloud_cases));
	tcase_add_test(tc, test_cloud_evidence);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
