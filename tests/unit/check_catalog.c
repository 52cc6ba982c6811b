/* SPDX-License-Identifier: MIT */
/* catalog: the shipped guideline data, and broken catalogs refused with FILE:LINE. */
#include "config.h"

#include <errno.h>

#include "catalog.h"
#include "unit.h"

#define SHIPPED SA_ABS_SRCDIR "/rules/guideline-3.0.catalog"

static void
load_shipped(struct catalog *cat)
{
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(cat_load(cat, SHIPPED, &err) == 0, "%s", err.data);
	sb_free(&err);
}

static void
need_text(const struct cat_text *t, const char *what, int n)
{
	ck_assert_msg(t->en != NULL && t->en[0] != '\0', "%s %d: no English", what, n);
	ck_assert_msg(t->ja != NULL && t->ja[0] != '\0', "%s %d: no Japanese", what, n);
	ck_assert_msg(strcmp(t->en, t->ja) != 0, "%s %d: Japanese is the English", what, n);
}

START_TEST(test_shipped_items)
{
	static const char *const ids[] = { "basic", "employee", "organization" };
	static const int first[] = { 1, 6, 19 }, last[] = { 5, 18, 25 },
	    max[] = { 20, 52, 28 };
	struct catalog cat;
	size_t i;
	int sum = 0;

	load_shipped(&cat);
	ck_assert_str_eq(cat.edition, "3.0");
	ck_assert_str_eq(cat.path, SHIPPED);
	ck_assert_int_eq(cat.max_score, 100);
	ck_assert_ptr_nonnull(cat.title.ja);
	ck_assert_uint_eq(cat.n_categories, 3);
	for (i = 0; i < 3; i++) {
		ck_assert_str_eq(cat.categories[i].id, ids[i]);
		ck_assert_int_eq(cat.categories[i].first, first[i]);
		ck_assert_int_eq(cat.categories[i].last, last[i]);
		ck_assert_int_eq(cat_category_max(&cat.categories[i]), max[i]);
		need_text(&cat.categories[i].label, "category", (int)i);
		sum += cat_category_max(&cat.categories[i]);
	}
	ck_assert_int_eq(sum, 100);
	ck_assert_uint_eq(cat.n_items, 25);
	for (i = 0; i < 25; i++) {
		const struct cat_item *it = &cat.items[i];
		const struct cat_category *c;

		ck_assert_int_eq(it->number, (int)i + 1);
		ck_assert_ptr_eq(cat_item(&cat, (int)i + 1), it);
		ck_assert_int_ge(it->category, 0);
		c = &cat.categories[it->category];
		ck_assert_msg(it->number >= c->first && it->number <= c->last,
		    "item %d in category %s", it->number, c->id);
		need_text(&it->label, "item label", it->number);
		need_text(&it->question, "item question", it->number);
		need_text(&it->advice, "item advice", it->number);
	}
	ck_assert_ptr_null(cat_item(&cat, 0));
	ck_assert_ptr_null(cat_item(&cat, 26));
	ck_assert_ptr_null(cat_item(&cat, -1));
	cat_free(&cat);
	ck_assert_uint_eq(cat.n_items, 0);
	ck_assert_ptr_null(cat.edition);
}
END_TEST

START_TEST(test_shipped_cloud_rules)
{
	static const char *const groups[] = { "select", "operate", "security" };
	static const int first[] = { 1, 7, 11 }, last[] = { 6, 10, 15 };
	struct catalog cat;
	size_t i;
	int seen[5] = { 0 };

	load_shipped(&cat);
	ck_assert_uint_eq(cat.n_groups, 3);
	for (i = 0; i < 3; i++) {
		ck_assert_str_eq(cat.groups[i].id, groups[i]);
		ck_assert_int_eq(cat.groups[i].first, first[i]);
		ck_assert_int_eq(cat.groups[i].last, last[i]);
	}
	ck_assert_uint_eq(cat.n_cloud, 15);
	for (i = 0; i < 15; i++) {
		const struct cat_cloud *c = &cat.cloud[i];
		const struct cat_group *g;

		ck_assert_int_eq(c->number, (int)i + 1);
		ck_assert_ptr_eq(cat_cloud_item(&cat, (int)i + 1), c);
		g = &cat.groups[c->group];
		ck_assert_msg(c->number >= g->first && c->number <= g->last,
		    "cloud item %d in group %s", c->number, g->id);
		need_text(&c->label, "cloud label", c->number);
		need_text(&c->question, "cloud question", c->number);
	}
	ck_assert_ptr_null(cat_cloud_item(&cat, 16));
	ck_assert_ptr_null(cat_cloud_item(&cat, 0));

	/* the five basic rules: rule k is about item k first */
	ck_assert_uint_eq(cat.n_rules, 5);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(cat.rules[i].number, (int)i + 1);
		ck_assert_uint_eq(cat.rules[i].n_items, 1);
		ck_assert_int_eq(cat.rules[i].items[0], (int)i + 1);
		need_text(&cat.rules[i].label, "rule", (int)i + 1);
	}

	/* the answer scale, each with a label */
	ck_assert_uint_eq(cat.n_answers, 4);
	for (i = 0; i < 4; i++) {
		switch (cat.answers[i].value) {
		case 4: seen[0]++; break;
		case 2: seen[1]++; break;
		case 0: seen[2]++; break;
		case -1: seen[3]++; break;
		default: seen[4]++; break;
		}
		need_text(&cat.answers[i].label, "answer", cat.answers[i].value);
	}
	ck_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1 && seen[3] == 1 &&
	    seen[4] == 0);
	ck_assert_str_eq(cat_answer_label(&cat, 4, "ja"), cat.answers[0].label.ja);
	ck_assert_str_eq(cat_answer_label(&cat, 4, "en"), cat.answers[0].label.en);
	ck_assert_str_eq(cat_answer_label(&cat, 3, "en"), "");
	cat_free(&cat);
}
END_TEST

START_TEST(test_text)
{
	struct cat_text both = { (char *)"en", (char *)"ja" };
	struct cat_text en_only = { (char *)"en", NULL };
	struct cat_text none = { NULL, NULL };

	ck_assert_str_eq(cat_text(&both, "ja"), "ja");
	ck_assert_str_eq(cat_text(&both, "en"), "en");
	ck_assert_str_eq(cat_text(&both, NULL), "en");
	ck_assert_str_eq(cat_text(&en_only, "ja"), "en");
	ck_assert_str_eq(cat_text(&none, "ja"), "");
}
END_TEST

/* A small sound catalog the broken ones are made from. */
#define ED "[edition]\nid = 9.9\ntitle.en = Test\ntitle.ja = テスト\n"	/* lines 1-4 */
#define CAT2 "[category basic]\nitems = 1-2\nlabel.en = B\nlabel.ja = 基\n"	/* 4 lines */
#define ITEM_BODY "category = basic\nlabel.en = L\nlabel.ja = ラ\n" \
	"question.en = Q\nquestion.ja = 問\nadvice.en = A\nadvice.ja = 助\n"
#define ITEM(n) "[item " #n "]\n" ITEM_BODY	/* 8 lines */
#define GROUP "[cloud-group g]\nitems = 1-2\nlabel.en = G\nlabel.ja = グ\n"
#define CLOUD(n) "[cloud " #n "]\ngroup = g\nlabel.en = C\nlabel.ja = ク\n" \
	"question.en = Q\nquestion.ja = 問\n"

START_TEST(test_minimal)
{
	struct catalog cat;
	struct sbuf err;
	char *dir = unit_tmpdir(), *path;

	path = unit_write(dir, "ok.catalog", ED CAT2 ITEM(1) ITEM(2) GROUP CLOUD(1)
	    CLOUD(2) "[rule 1]\nitems = 2, 1\nrelated = 1-2\nrelated_cloud = 2\n"
	    "label.en = R\nlabel.ja = ル\n[answer 4]\nlabel.en = yes\n");
	sb_init(&err);
	ck_assert_msg(cat_load(&cat, path, &err) == 0, "%s", err.data);
	ck_assert_str_eq(cat.edition, "9.9");
	ck_assert_uint_eq(cat.n_items, 2);
	ck_assert_uint_eq(cat.n_cloud, 2);
	ck_assert_uint_eq(cat.rules[0].n_items, 2);
	ck_assert_int_eq(cat.rules[0].items[0], 2);
	ck_assert_int_eq(cat.rules[0].items[1], 1);
	ck_assert_uint_eq(cat.rules[0].n_related, 2);
	ck_assert_uint_eq(cat.rules[0].n_related_cloud, 1);
	ck_assert_int_eq(cat.rules[0].related_cloud[0], 2);
	ck_assert_int_eq(cat.items[0].mode, CAT_MODE_HUMAN);
	cat_free(&cat);
	sb_free(&err);
	unit_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* Broken catalogs: the message after the file name, exactly. */
static const struct {
	const char *text;
	const char *where;
} bad_cases[] = {
	{ CAT2 ITEM(1) ITEM(2), ": [edition] with id and title is required" },
	{ "[edition]\nid = 1\n" CAT2 ITEM(1) ITEM(2),
	  ": [edition] with id and title is required" },
	{ ED, ": no items or categories" },
	{ ED CAT2, ": no items or categories" },
	{ ED CAT2 ITEM(2), ": item 1 is missing" },
	{ ED CAT2 ITEM(1), ": category basic has no valid items range" },
	{ ED "[category basic]\nlabel.en = B\n" ITEM(1),
	  ": item 1 lies outside category basic's range" },
	{ ED "[category basic]\nitems = 1\n" ITEM(1) ITEM(2),
	  ": item 2 lies outside category basic's range" },
	{ ED CAT2 ITEM(1) ITEM(2) "[item 3]\n", ": item 3 has no category" },
	{ ED CAT2 ITEM(1) "[item 2]\ncategory = basic\nlabel.en = L\n",
	  ": item 2 lacks its Japanese text" },
	{ ED CAT2 ITEM(1) "[item 2]\ncategory = basic\nlabel.en = L\nlabel.ja = ラ\n",
	  ": item 2 lacks its English text" },
	{ ED CAT2 ITEM(1) ITEM(2) "[cloud 2]\ngroup = g\n",
	  ":26: cloud group \"g\" is not defined above" },
	{ ED CAT2 ITEM(1) ITEM(2) GROUP CLOUD(2), ": cloud item 1 is missing or has no group" },
	{ ED CAT2 ITEM(1) ITEM(2) GROUP "[cloud 1]\ngroup = g\nlabel.en = C\nlabel.ja = ク\n",
	  ": cloud item 1 lacks its English text" },
	{ ED CAT2 ITEM(1) ITEM(2) "[rule 1]\nitems = 3\n",
	  ": rule 1 names item 3, which does not exist" },
	{ ED CAT2 ITEM(1) ITEM(2) "[rule 1]\nlabel.en = R\n", ": rule 1 maps to no item" },
	/* errors the reader meets on a line */
	{ ED "[item 1]\ncategory = basic\n", ":6: category \"basic\" is not defined above" },
	{ ED CAT2 "[item 0]\n", ":9: item number must be 1-64" },
	{ ED CAT2 "[item 65]\n", ":9: item number must be 1-64" },
	{ ED CAT2 "[item one]\n", ":9: item number must be 1-64" },
	{ ED CAT2 ITEM(1) "[item 1]\n", ":17: this record appears twice in the file" },
	{ ED CAT2 "[item 1]\ncategory = basic\ncolour = red\n",
	  ":11: unknown key \"colour\" in an item" },
	{ ED CAT2 "[item 1]\nmode = sometimes\n", ":10: mode must be auto, partly or human" },
	{ ED CAT2 "[item 1]\nlabel.fr = L\n", ":10: unknown key \"label.fr\" in an item" },
	{ ED "[widget x]\n", ":5: unknown record [widget x]" },
	{ ED "[widget]\n", ":5: unknown record [widget]" },
	{ ED "[edition]\n", ":5: this record appears twice in the file" },
	{ "[edition]\ncolour = red\n", ":2: unknown key \"colour\" in [edition]" },
	{ "[edition]\nmax_score = lots\n", ":2: max_score must be a positive number" },
	{ "[edition]\nmax_score = 0\n", ":2: max_score must be a positive number" },
	{ ED "[category basic]\nitems = 5-1\n", ":6: items must be a range like 1-5" },
	{ ED "[category basic]\nitems = 1-\n", ":6: items must be a range like 1-5" },
	{ ED "[category basic]\nitems = 0-3\n", ":6: items must be a range like 1-5" },
	{ ED "[category basic]\nsize = 3\n", ":6: unknown key \"size\" in a category" },
	{ ED "[rule 2]\n", ":5: rules must be numbered 1, 2, 3... in order" },
	{ ED "[rule 1]\n[rule 3]\n", ":6: rules must be numbered 1, 2, 3... in order" },
	{ ED "[rule 1]\nitems = one\n", ":6: items must be item numbers" },
	{ ED "[rule 1]\nrelated = 1-\n", ":6: related must be item numbers" },
	{ ED "[rule 1]\nrelated_cloud = 99\n", ":6: related_cloud must be cloud item numbers" },
	{ ED "[cloud-group g]\nitems = 7-1\n", ":6: items must be a range like 1-6" },
	{ ED "[cloud 65]\n", ":5: cloud item number must be 1-64" },
	{ ED "[cloud 1]\ngroup = nope\n", ":6: cloud group \"nope\" is not defined above" },
	{ ED "[answer 3]\n", ":5: answers are 4, 2, 0 and -1" },
	{ ED "[answer 4]\n[answer 2]\n[answer 0]\n[answer -1]\n[answer 05]\n",
	  ":9: answers are 4, 2, 0 and -1" },
	{ ED "[answer 4]\ncolour = x\n", ":6: unknown key \"colour\" in an answer" },
	{ ED "[declaration a]\n[declaration b]\n[declaration c]\n[declaration d]\n"
	  "[declaration e]\n", ":9: too many declarations" },
	{ ED "[item 1", ":5: record header must be \"[TYPE NAME]\" or \"[NAME]\"" },
	{ ED "label.en = \xff\n", ":5:12: invalid UTF-8" },
};

START_TEST(test_broken)
{
	struct catalog cat;
	struct sbuf err;
	char *dir = unit_tmpdir(), *path;

	path = unit_write(dir, "bad.catalog", bad_cases[_i].text);
	sb_init(&err);
	ck_assert_int_eq(cat_load(&cat, path, &err), -EINVAL);
	ck_assert_ptr_nonnull(err.data);
	ck_assert_msg(strncmp(err.data, path, strlen(path)) == 0, "%s", err.data);
	ck_assert_str_eq(err.data + strlen(path), bad_cases[_i].where);
	/* nothing of a broken catalog is kept */
	ck_assert_uint_eq(cat.n_items, 0);
	ck_assert_uint_eq(cat.n_categories, 0);
	ck_assert_ptr_null(cat.edition);
	ck_assert_ptr_null(cat.path);
	sb_free(&err);
	unit_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* The shipped catalog with one more item that fits no category. */
START_TEST(test_shipped_plus_item)
{
	struct catalog cat;
	struct sbuf err, text;
	char *dir = unit_tmpdir(), *path, *data, *want;
	size_t len;

	ck_assert_int_eq(ut_read_file(SHIPPED, 1 << 20, &data, &len), 0);
	sb_init(&text);
	sb_add(&text, data, len);
	free(data);
	sb_adds(&text, "\n[item 26]\ncategory = organization\n");
	path = unit_write(dir, "plus.catalog", text.data);
	sb_init(&err);
	ck_assert_int_eq(cat_load(&cat, path, &err), -EINVAL);
	want = xasprintf("%s: item 26 lies outside category organization's range", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	ck_assert_int_eq(cat_load(&cat, "/nonexistent/x.catalog", &err), -ENOENT);
	ck_assert_str_eq(err.data, "/nonexistent/x.catalog: No such file or directory");
	sb_free(&err);
	sb_free(&text);
	unit_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc;

	tc = tcase_create("shipped");
	tcase_add_test(tc, test_shipped_items);
	tcase_add_test(tc, test_shipped_cloud_rules);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_shipped_plus_item);
	suite_add_tcase(s, tc);

	tc = tcase_create("broken");
	tcase_add_test(tc, test_minimal);
	tcase_add_loop_test(tc, test_broken, 0, (int)UT_ARRAY_LEN(bad_cases));
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
