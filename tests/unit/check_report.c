/* SPDX-License-Identifier: MIT */
/*
 * The report model's helpers (escaping, readiness, what to fix first,
 * the ledger seam), the fleet's combination rule and the JSON report
 * reader's failure paths.
 */
#include "config.h"

#include <smeaudit/plugin.h>

#include "app.h"
#include "fleet.h"
#include "repload.h"
#include "unit.h"

static struct catalog unit_cat;

static void
unit_setup(void)
{
	struct sbuf err;

	sb_init(&err);
	if (cat_load(&unit_cat, SA_ABS_SRCDIR "/rules/guideline-3.0.catalog", &err) < 0)
		ck_abort_msg("catalog: %s", err.data);
	sb_free(&err);
}

static void
unit_teardown(void)
{
	cat_free(&unit_cat);
}

/* rep_markup(s) as a malloc'd string. */
static char *
unit_capture_markup(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	rep_markup(f, s);
	fclose(f);
	return buf;
}

static const struct {
	const char *in, *out;
} markup_cases[] = {
	{ "plain", "plain" },
	{ "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;" },
	{ "line\nnext\ttab", "line\nnext\ttab" },
	{ "bell\a", "bell\xef\xbf\xbd" },
	{ "bad \xff byte", "bad \\xff byte" },
	{ "日本語 <b>", "日本語 &lt;b&gt;" },
	{ "\xe3\x81", "\\xe3\\x81" },	/* a truncated sequence */
};

START_TEST(test_markup)
{
	char *got = unit_capture_markup(markup_cases[_i].in);

	ck_assert_str_eq(got, markup_cases[_i].out);
	free(got);
}
END_TEST

#define NONE SCORE_NO_EVIDENCE
#define NA SA_LEVEL_NA

static const struct {
	int levels[4];
	size_t n;
	int want;
} combine_cases[] = {
	{ { 4, 4, 4 }, 3, 4 },		/* every host passes */
	{ { 4, 0, 4 }, 3, 2 },		/* some */
	{ { 0, 0 }, 2, 0 },		/* none */
	{ { 2, 2 }, 2, 2 },
	{ { 4, 2 }, 2, 2 },
	{ { 0, 2 }, 2, 2 },
	{ { -1, -1 }, 2, -1 },		/* no host could tell */
	{ { 4, -1 }, 2, 4 },		/* unknown hosts do not count */
	{ { 0, -1, NONE }, 3, 0 },
	{ { NA, 4 }, 2, 4 },		/* not-applicable hosts do not count */
	{ { NA, 0, NA }, 3, 0 },
	{ { NA, NA }, 2, NA },		/* nowhere applicable */
	{ { NA, -1 }, 2, -1 },
	{ { NONE, NONE }, 2, NONE },	/* no host has evidence */
	{ { NONE, 4 }, 2, 4 },
	{ { 4 }, 1, 4 },
};

START_TEST(test_fleet_combine)
{
	ck_assert_int_eq(fleet_combine(combine_cases[_i].levels, combine_cases[_i].n),
	    combine_cases[_i].want);
}
END_TEST

/* A report over unit_cat with every item at score unless set later. */
struct unit_rep {
	struct answers ans;
	struct fnd_store store;
	struct score sc;
	struct report rep;
};

static void
unit_rep_init(struct unit_rep *u, int score)
{
	size_t i;

	ans_init(&u->ans);
	fnd_init(&u->store, 10);
	memset(&u->sc, 0, sizeof(u->sc));
	u->sc.n_items = unit_cat.n_items;
	u->sc.n_cloud = unit_cat.n_cloud;
	for (i = 0; i < unit_cat.n_items; i++) {
		u->sc.items[i].number = (int)i + 1;
		u->sc.items[i].score = score;
		u->sc.items[i].applicable = 1;
		u->sc.items[i].evidence = NONE;
		u->sc.items[i].answer = ANS_UNSET;
	}
	for (i = 0; i < unit_cat.n_cloud; i++) {
		u->sc.cloud[i].number = (int)i + 1;
		u->sc.cloud[i].score = -1;
		u->sc.cloud[i].applicable = 1;
	}
	score_sum(&u->sc, &unit_cat);
	memset(&u->rep, 0, sizeof(u->rep));
	u->rep.tool_version = "test";
	u->rep.hostname = "unit-host";
	u->rep.root = "/";
	u->rep.lang = "en";
	u->rep.cat = &unit_cat;
	u->rep.ans = &u->ans;
	u->rep.score = &u->sc;
	u->rep.store = &u->store;
	u->rep.complete = 1;
}

static void
unit_rep_free(struct unit_rep *u)
{
	score_free(&u->sc);
	fnd_free(&u->store);
	ans_free(&u->ans);
}

START_TEST(test_readiness)
{
	struct unit_rep u;
	struct rep_readiness r;

	unit_rep_init(&u, 4);
	rep_readiness(&u.rep, &r);
	ck_assert_int_eq(r.one_star, 1);
	ck_assert_int_eq(r.diagnosis_done, 1);
	ck_assert_int_eq(r.policy, 0);	/* nobody answered basic_policy */
	ck_assert_int_eq(r.two_star, 0);

	u.ans.basic_policy = 1;
	rep_readiness(&u.rep, &r);
	ck_assert_int_eq(r.two_star, 0);	/* exists, but where is it published? */
	u.ans.basic_policy_location = xstrdup("https://example.jp/policy");
	rep_readiness(&u.rep, &r);
	ck_assert_int_eq(r.two_star, 1);

	/* rule 3 is item 3; an unknown item 20 breaks the self-diagnosis */
	u.sc.items[2].score = 2;
	u.sc.items[19].score = -1;
	score_sum(&u.sc, &unit_cat);
	rep_readiness(&u.rep, &r);
	ck_assert_int_eq(r.one_star, 0);
	ck_assert_uint_eq(r.rules_missing, 1);
	ck_assert_int_eq(r.diagnosis_done, 0);
	ck_assert_int_eq(r.unknown_items, 1);
	ck_assert_int_eq(r.two_star, 0);
	ck_assert_int_eq(rep_exit_status(&u.rep), APP_EXIT_FINDINGS);
	unit_rep_free(&u);
}
END_TEST

START_TEST(test_fix_first)
{
	struct unit_rep u;
	size_t order[5], n;

	unit_rep_init(&u, 4);
	n = rep_fix_first(&u.rep, order, 5);
	ck_assert_uint_eq(n, 0);
	/* 0 before 2; among equals, items behind a basic rule first */
	u.sc.items[19].score = 2;	/* item 20 */
	u.sc.items[9].score = 0;	/* item 10 */
	u.sc.items[1].score = 2;	/* item 2, rule 2 */
	u.sc.items[24].score = 0;	/* item 25 */
	u.sc.items[3].score = 0;	/* item 4, rule 4 */
	u.sc.items[6].score = 2;	/* item 7 */
	u.sc.items[7].score = -1;	/* unknown: not a fix */
	n = rep_fix_first(&u.rep, order, 5);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(u.sc.items[order[0]].number, 4);
	ck_assert_int_eq(u.sc.items[order[1]].number, 10);
	ck_assert_int_eq(u.sc.items[order[2]].number, 25);
	ck_assert_int_eq(u.sc.items[order[3]].number, 2);
	ck_assert_int_eq(u.sc.items[order[4]].number, 7);
	unit_rep_free(&u);
}
END_TEST

/* The seam for the risk module: a ledger on the report is printed, high band first. */
START_TEST(test_ledger_html)
{
	static const struct rep_risk rows[] = {
		{ "Staff list", NULL, 1, 1, 1, REP_RISK_MEDIUM, NULL, NULL, NULL, 0 },
		{ "Customer DB <b>", "Sales", 2, 3, 6, REP_RISK_HIGH, "reduce", NULL, NULL, 0 },
		{ "Brochures", NULL, 0, 3, 0, REP_RISK_LOW, "retain", NULL, NULL, 0 },
		{ "Payroll", "Admin", 2, 2, 4, REP_RISK_HIGH, NULL, "encrypted", "large", 1 },
	};
	struct rep_ledger lg = { "ledger.ini", rows, UT_ARRAY_LEN(rows) };
	struct unit_rep u;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	const char *a, *b, *c, *d;

	unit_rep_init(&u, 2);
	u.rep.ledger = &lg;
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(rep_write_html(&u.rep, f), 0);
	fclose(f);
	a = strstr(buf, "Customer DB &lt;b&gt;");
	b = strstr(buf, "Payroll");
	c = strstr(buf, "Staff list");
	d = strstr(buf, "Brochures");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(d);
	ck_assert(a < b && b < c && c < d);
	ck_assert_ptr_null(strstr(buf, "Customer DB <b>"));
	ck_assert_ptr_nonnull(strstr(buf, "<span class=\"b s0\">large 4</span>"));
	ck_assert_ptr_nonnull(strstr(buf, "not decided yet"));
	free(buf);

	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(rep_write_csv(&u.rep, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\"risk\",\"high\",6,2,3,\"Customer DB <b>\",\"Sales\",\"reduce\",,no\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\"risk\",\"high\",4,2,2,\"Payroll\",\"Admin\",,\"encrypted\",yes\r\n"));
	free(buf);
	unit_rep_free(&u);
}
END_TEST

static const struct {
	const char *data;
	const char *want;	/* in the error message */
} load_cases[] = {
	{ "", "t.json: empty file" },
	{ "{\"schema\": \"smeaudit-report/1\",", "t.json:1:32: not a JSON report: unexpected end of file (truncated?)" },
	{ "{\n  \"schema\": smeaudit\n}", "t.json:2:13: not a JSON report" },
	{ "{} trailing", "t.json:1:4: not a JSON report" },
	{ "[1, 2]", "t.json: not a smeaudit report" },
	{ "{\"schema\": \"smeaudit-report/2\"}", "report schema \"smeaudit-report/2\", this smeaudit reads \"smeaudit-report/1\"" },
	{ "{\"schema\": 1}", "t.json: schema: expected string, found int" },
	{ "{\"schema\": \"smeaudit-report/1\", \"edition\": \"9.9\"}", "guideline edition 9.9, the catalog in use is 3.0" },
	{ "{\"schema\": \"smeaudit-report/1\", \"edition\": \"3.0\"}", "t.json: tool: missing" },
	{ "{\"s\": \"\xff\"}", "t.json:1:" },	/* not UTF-8 */
	/* a quoted value's line break or escape stays out of the one line */
	{ "{\"schema\": \"smeaudit-report/1\\n\\u001b[2J\"}",
	  "t.json: report schema \"smeaudit-report/1\\n\\x1b[2J\", this smeaudit reads" },
};

START_TEST(test_load_errors)
{
	struct rl_report r;
	struct sbuf err;

	sb_init(&err);
	ck_assert_int_lt(rl_load_buffer(&r, "t.json", load_cases[_i].data,
	    strlen(load_cases[_i].data), &unit_cat, "en", &err), 0);
	ck_assert_msg(strstr(err.data, load_cases[_i].want) != NULL,
	    "error \"%s\" lacks \"%s\"", err.data, load_cases[_i].want);
	ck_assert_ptr_null(strchr(err.data, '\n'));
	rl_free(&r);
	sb_free(&err);
}
END_TEST

/* A report written by rep_write_json reads back with the same scores. */
START_TEST(test_round_trip)
{
	struct unit_rep u;
	struct rl_report r;
	struct sbuf err;
	struct fnd_finding *fd;
	static const struct sa_check check = { "thing", 4, 0, SA_SEV_HIGH,
	    "A thing", "あること", "Fix it.", NULL };
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	unit_rep_init(&u, -1);
	u.sc.items[0].score = 4;
	u.sc.items[3].score = 0;
	u.sc.items[3].evidence = 0;
	u.sc.items[8].score = 4;
	u.sc.items[8].applicable = 0;
	fd = fnd_get(&u.store, "unit", &check, SA_LEVEL_NOT);
	fnd_add(fd, &u.store, "/srv/<x>", "mode 0666", NULL, NULL, SA_SEV_DEFAULT);
	score_sum(&u.sc, &unit_cat);
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(rep_write_json(&u.rep, f), 0);
	fclose(f);
	sb_init(&err);
	ck_assert_msg(rl_load_buffer(&r, "rt.json", buf, len, &unit_cat, "en", &err) == 0,
	    "%s", err.data);
	ck_assert_int_eq(r.score.total.score, u.sc.total.score);
	ck_assert_int_eq(r.score.items[3].score, 0);
	ck_assert_int_eq(r.score.items[3].evidence, 0);
	ck_assert_int_eq(r.score.items[8].applicable, 0);
	ck_assert_uint_eq(r.store.n, 1);
	ck_assert_str_eq(r.store.v[0].examples[0], "/srv/<x>");
	ck_assert_str_eq(r.store.v[0].title_ja, "あること");
	ck_assert_uint_eq(r.score.items[3].n_findings, 1);
	ck_assert_str_eq(r.hostname, "unit-host");
	rl_free(&r);
	sb_free(&err);
	free(buf);
	unit_rep_free(&u);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_unchecked_fixture(tc, unit_setup, unit_teardown);
	tcase_add_loop_test(tc, test_markup, 0, (int)UT_ARRAY_LEN(markup_cases));
	tcase_add_loop_test(tc, test_fleet_combine, 0, (int)UT_ARRAY_LEN(combine_cases));
	tcase_add_test(tc, test_readiness);
	tcase_add_test(tc, test_fix_first);
	tcase_add_test(tc, test_ledger_html);
	tcase_add_loop_test(tc, test_load_errors, 0, (int)UT_ARRAY_LEN(load_cases));
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
