/* SPDX-License-Identifier: MIT */
/*
 * The guideline as data: categories, the self-diagnosis items, the five
 * basic rules, the cloud checklist and the answer scale, loaded from
 * rules/guideline-EDITION.catalog so that a later edition is a new file,
 * not new code.
 */
#ifndef SA_CATALOG_H
#define SA_CATALOG_H

#include "util.h"

#define CAT_MAX_ITEMS 64
#define CAT_MAX_CATEGORIES 8
#define CAT_MAX_RULES 16
#define CAT_MAX_CLOUD 64
#define CAT_MAX_GROUPS 8
#define CAT_MAX_DECLARATIONS 4

struct cat_text {
	char *en;
	char *ja;
};

enum cat_mode {
	CAT_MODE_HUMAN = 0,	/* only a person can answer */
	CAT_MODE_PARTLY,	/* host evidence covers part of it */
	CAT_MODE_AUTO		/* a machine can mostly check it */
};

struct cat_category {
	char *id;		/* "basic", "employee", "organization" */
	int first, last;	/* item range */
	struct cat_text label, summary;
};

struct cat_item {
	int number;
	int category;		/* index into categories */
	enum cat_mode mode;
	struct cat_text label, question, good, advice, evidence;
};

struct cat_rule {
	int number;
	int items[CAT_MAX_ITEMS];	/* primary items first */
	size_t n_items;
	int related[CAT_MAX_ITEMS];
	size_t n_related;
	int related_cloud[CAT_MAX_CLOUD];
	size_t n_related_cloud;
	struct cat_text label, advice;
};

struct cat_group {
	char *id;
	int first, last;
	struct cat_text label;
};

struct cat_cloud {
	int number;
	int group;		/* index into groups */
	struct cat_text label, question, good, advice;
};

struct cat_answer {
	int value;
	struct cat_text label;
};

struct cat_declaration {
	char *id;		/* "one-star", "two-star" */
	struct cat_text label, requirement, note;
};

struct catalog {
	char *path;
	char *edition;
	char *publisher;
	int max_score;
	struct cat_text title;
	struct cat_category categories[CAT_MAX_CATEGORIES];
	size_t n_categories;
	struct cat_item items[CAT_MAX_ITEMS];	/* items[i].number == i + 1 */
	size_t n_items;
	struct cat_rule rules[CAT_MAX_RULES];
	size_t n_rules;
	struct cat_group groups[CAT_MAX_GROUPS];
	size_t n_groups;
	struct cat_cloud cloud[CAT_MAX_CLOUD];	/* cloud[i].number == i + 1 */
	size_t n_cloud;
	struct cat_answer answers[4];
	size_t n_answers;
	struct cat_declaration declarations[CAT_MAX_DECLARATIONS];
	size_t n_declarations;
};

/*
 * Load and check a catalog file.  Returns 0, or a negative errno with
 * one line "FILE[:LINE]: message" in err; cat is then empty.
 */
int cat_load(struct catalog *cat, const char *path, struct sbuf *err);
void cat_free(struct catalog *cat);

/* The text in lang ("ja" or "en"); English when there is no Japanese. */
const char *cat_text(const struct cat_text *t, const char *lang);
const struct cat_item *cat_item(const struct catalog *cat, int number);
const struct cat_cloud *cat_cloud_item(const struct catalog *cat, int number);
const char *cat_answer_label(const struct catalog *cat, int value,
    const char *lang);
/* Maximum score of a category: 4 per item. */
int cat_category_max(const struct cat_category *c);

#endif /* SA_CATALOG_H */
