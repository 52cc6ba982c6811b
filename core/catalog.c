/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "recfile.h"

struct cat_loader {
	struct catalog *cat;
	struct sa_record_error *err;
};

/* "3, 5-7" into v; returns the count or -EINVAL. */
static int
cat_number_list(const char *s, int hi, int *v, size_t max, size_t *n)
{
	char *copy = xstrdup(s), *save = NULL, *tok;
	int first, last, i, r = 0;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (*ut_trim(tok) == '\0')
			continue;
		if (ut_parse_span(ut_trim(tok), 1, hi, &first, &last) < 0) {
			r = -EINVAL;
			break;
		}
		for (i = first; i <= last; i++) {
			if (*n >= max) {
				r = -EINVAL;
				goto out;
			}
			v[(*n)++] = i;
		}
	}
out:
	free(copy);
	return r;
}

/* Handles KEY.en / KEY.ja for the names in keys; 1 if it took the field. */
static int
cat_set_text(const char *key, const char *value, const char *const *names,
    struct cat_text *const *texts)
{
	size_t i, n;
	char **slot;

	for (i = 0; names[i] != NULL; i++) {
		n = strlen(names[i]);
		if (strncmp(key, names[i], n) != 0 || key[n] != '.')
			continue;
		if (strcmp(key + n + 1, "en") == 0)
			slot = &texts[i]->en;
		else if (strcmp(key + n + 1, "ja") == 0)
			slot = &texts[i]->ja;
		else
			return 0;
		free(*slot);
		*slot = xstrdup(value);
		return 1;
	}
	return 0;
}

static int
cat_find_category(const struct catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->n_categories; i++)
		if (strcmp(cat->categories[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int
cat_find_group(const struct catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->n_groups; i++)
		if (strcmp(cat->groups[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int
cat_field_edition(struct catalog *cat, const struct sa_record *r,
    struct sa_record_error *err)
{
	static const char *const names[] = { "title", NULL };
	struct cat_text *const texts[] = { &cat->title };

	if (strcmp(r->key, "id") == 0) {
		free(cat->edition);
		cat->edition = xstrdup(r->value);
	} else if (strcmp(r->key, "publisher") == 0) {
		free(cat->publisher);
		cat->publisher = xstrdup(r->value);
	} else if (strcmp(r->key, "max_score") == 0) {
		if (ut_parse_int_in(r->value, 1, 10000, &cat->max_score) < 0)
			return rf_error(err, "max_score must be a positive number");
	} else if (!cat_set_text(r->key, r->value, names, texts))
		return rf_error(err, "unknown key \"%s\" in [edition]", r->key);
	return 0;
}

static int
cat_field(struct cat_loader *ld, const struct sa_record *r)
{
	struct catalog *cat = ld->cat;
	struct sa_record_error *err = ld->err;
	int n, idx;

	if (strcmp(r->type, "") == 0 && strcmp(r->name, "edition") == 0)
		return cat_field_edition(cat, r, err);
	if (strcmp(r->type, "category") == 0) {
		struct cat_category *c = &cat->categories[cat->n_categories - 1];
		static const char *const names[] = { "label", "summary", NULL };
		struct cat_text *const texts[] = { &c->label, &c->summary };

		if (strcmp(r->key, "items") == 0) {
			if (ut_parse_span(r->value, 1, CAT_MAX_ITEMS, &c->first, &c->last) < 0)
				return rf_error(err, "items must be a range like 1-5");
			return 0;
		}
		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in a category", r->key);
	}
	if (strcmp(r->type, "item") == 0) {
		struct cat_item *it = &cat->items[atoi(r->name) - 1];
		static const char *const names[] = { "label", "question", "good",
			"advice", "evidence", NULL };
		struct cat_text *const texts[] = { &it->label, &it->question,
			&it->good, &it->advice, &it->evidence };

		if (strcmp(r->key, "category") == 0) {
			idx = cat_find_category(cat, r->value);
			if (idx < 0)
				return rf_error(err, "category \"%s\" is not defined above", r->value);
			it->category = idx;
			return 0;
		}
		if (strcmp(r->key, "mode") == 0) {
			if (strcmp(r->value, "auto") == 0)
				it->mode = CAT_MODE_AUTO;
			else if (strcmp(r->value, "partly") == 0)
				it->mode = CAT_MODE_PARTLY;
			else if (strcmp(r->value, "human") == 0)
				it->mode = CAT_MODE_HUMAN;
			else
				return rf_error(err, "mode must be auto, partly or human");
			return 0;
		}
		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in an item", r->key);
	}
	if (strcmp(r->type, "rule") == 0) {
		struct cat_rule *ru = &cat->rules[cat->n_rules - 1];
		static const char *const names[] = { "label", "advice", NULL };
		struct cat_text *const texts[] = { &ru->label, &ru->advice };

		if (strcmp(r->key, "items") == 0) {
			if (cat_number_list(r->value, CAT_MAX_ITEMS, ru->items,
			    CAT_MAX_ITEMS, &ru->n_items) < 0)
				return rf_error(err, "items must be item numbers");
			return 0;
		}
		if (strcmp(r->key, "related") == 0) {
			if (cat_number_list(r->value, CAT_MAX_ITEMS, ru->related,
			    CAT_MAX_ITEMS, &ru->n_related) < 0)
				return rf_error(err, "related must be item numbers");
			return 0;
		}
		if (strcmp(r->key, "related_cloud") == 0) {
			if (cat_number_list(r->value, CAT_MAX_CLOUD, ru->related_cloud,
			    CAT_MAX_CLOUD, &ru->n_related_cloud) < 0)
				return rf_error(err, "related_cloud must be cloud item numbers");
			return 0;
		}
		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in a rule", r->key);
	}
	if (strcmp(r->type, "cloud-group") == 0) {
		struct cat_group *g = &cat->groups[cat->n_groups - 1];
		static const char *const names[] = { "label", NULL };
		struct cat_text *const texts[] = { &g->label };

		if (strcmp(r->key, "items") == 0) {
			if (ut_parse_span(r->value, 1, CAT_MAX_CLOUD, &g->first, &g->last) < 0)
				return rf_error(err, "items must be a range like 1-6");
			return 0;
		}
		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in a cloud group", r->key);
	}
	if (strcmp(r->type, "cloud") == 0) {
		struct cat_cloud *c = &cat->cloud[atoi(r->name) - 1];
		static const char *const names[] = { "label", "question", "good",
			"advice", NULL };
		struct cat_text *const texts[] = { &c->label, &c->question,
			&c->good, &c->advice };

		if (strcmp(r->key, "group") == 0) {
			idx = cat_find_group(cat, r->value);
			if (idx < 0)
				return rf_error(err, "cloud group \"%s\" is not defined above", r->value);
			c->group = idx;
			return 0;
		}
		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in a cloud item", r->key);
	}
	if (strcmp(r->type, "answer") == 0) {
		struct cat_answer *a = &cat->answers[cat->n_answers - 1];
		static const char *const names[] = { "label", NULL };
		struct cat_text *const texts[] = { &a->label };

		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in an answer", r->key);
	}
	if (strcmp(r->type, "declaration") == 0) {
		struct cat_declaration *d = &cat->declarations[cat->n_declarations - 1];
		static const char *const names[] = { "label", "requirement", "note", NULL };
		struct cat_text *const texts[] = { &d->label, &d->requirement, &d->note };

		if (cat_set_text(r->key, r->value, names, texts))
			return 0;
		return rf_error(err, "unknown key \"%s\" in a declaration", r->key);
	}
	(void)n;
	return rf_error(err, "field of an unknown record");
}

static int
cat_header(struct cat_loader *ld, const struct sa_record *r)
{
	struct catalog *cat = ld->cat;
	struct sa_record_error *err = ld->err;
	int n;

	if (strcmp(r->type, "") == 0 && strcmp(r->name, "edition") == 0)
		return 0;
	if (strcmp(r->type, "category") == 0) {
		if (cat->n_categories >= CAT_MAX_CATEGORIES)
			return rf_error(err, "too many categories");
		cat->categories[cat->n_categories++].id = xstrdup(r->name);
		return 0;
	}
	if (strcmp(r->type, "item") == 0) {
		if (ut_parse_int_in(r->name, 1, CAT_MAX_ITEMS, &n) < 0)
			return rf_error(err, "item number must be 1-%d", CAT_MAX_ITEMS);
		if (cat->items[n - 1].number != 0)
			return rf_error(err, "item %d defined twice", n);
		cat->items[n - 1].number = n;
		cat->items[n - 1].category = -1;
		if ((size_t)n > cat->n_items)
			cat->n_items = (size_t)n;
		return 0;
	}
	if (strcmp(r->type, "rule") == 0) {
		if (ut_parse_int_in(r->name, 1, CAT_MAX_RULES, &n) < 0 ||
		    (size_t)n != cat->n_rules + 1)
			return rf_error(err, "rules must be numbered 1, 2, 3... in order");
		cat->rules[cat->n_rules++].number = n;
		return 0;
	}
	if (strcmp(r->type, "cloud-group") == 0) {
		if (cat->n_groups >= CAT_MAX_GROUPS)
			return rf_error(err, "too many cloud groups");
		cat->groups[cat->n_groups++].id = xstrdup(r->name);
		return 0;
	}
	if (strcmp(r->type, "cloud") == 0) {
		if (ut_parse_int_in(r->name, 1, CAT_MAX_CLOUD, &n) < 0)
			return rf_error(err, "cloud item number must be 1-%d", CAT_MAX_CLOUD);
		cat->cloud[n - 1].number = n;
		cat->cloud[n - 1].group = -1;
		if ((size_t)n > cat->n_cloud)
			cat->n_cloud = (size_t)n;
		return 0;
	}
	if (strcmp(r->type, "answer") == 0) {
		if (ut_parse_int_in(r->name, -1, 4, &n) < 0 ||
		    (n != 4 && n != 2 && n != 0 && n != -1) || cat->n_answers >= 4)
			return rf_error(err, "answers are 4, 2, 0 and -1");
		cat->answers[cat->n_answers++].value = n;
		return 0;
	}
	if (strcmp(r->type, "declaration") == 0) {
		if (cat->n_declarations >= CAT_MAX_DECLARATIONS)
			return rf_error(err, "too many declarations");
		cat->declarations[cat->n_declarations++].id = xstrdup(r->name);
		return 0;
	}
	return rf_error(err, "unknown record [%s%s%s]", r->type,
	    *r->type ? " " : "", r->name);
}

static int
cat_on_record(void *user, const struct sa_record *r, struct sa_record_error *err)
{
	struct cat_loader *ld = user;

	ld->err = err;
	return r->key == NULL ? cat_header(ld, r) : cat_field(ld, r);
}

static int
cat_need(const struct cat_text *t, const char *what, int n, struct sbuf *err)
{
	if (t->en == NULL || t->ja == NULL) {
		sb_printf(err, "%s %d lacks its %s text", what, n,
		    t->en == NULL ? "English" : "Japanese");
		return -EINVAL;
	}
	return 0;
}

static int
cat_check(const struct catalog *cat, struct sbuf *err)
{
	size_t i, j;
	int k;

	if (cat->edition == NULL || cat->title.en == NULL) {
		sb_printf(err, "[edition] with id and title is required");
		return -EINVAL;
	}
	if (cat->n_items == 0 || cat->n_categories == 0) {
		sb_printf(err, "no items or categories");
		return -EINVAL;
	}
	for (i = 0; i < cat->n_items; i++) {
		const struct cat_item *it = &cat->items[i];

		if (it->number == 0) {
			sb_printf(err, "item %zu is missing", i + 1);
			return -EINVAL;
		}
		if (it->category < 0) {
			sb_printf(err, "item %d has no category", it->number);
			return -EINVAL;
		}
		if (it->number < cat->categories[it->category].first ||
		    it->number > cat->categories[it->category].last) {
			sb_printf(err, "item %d lies outside category %s's range",
			    it->number, cat->categories[it->category].id);
			return -EINVAL;
		}
		if (cat_need(&it->label, "item", it->number, err) < 0 ||
		    cat_need(&it->question, "item", it->number, err) < 0 ||
		    cat_need(&it->advice, "item", it->number, err) < 0)
			return -EINVAL;
	}
	for (i = 0; i < cat->n_categories; i++)
		if (cat->categories[i].first == 0 ||
		    (size_t)cat->categories[i].last > cat->n_items) {
			sb_printf(err, "category %s has no valid items range",
			    cat->categories[i].id);
			return -EINVAL;
		}
	for (i = 0; i < cat->n_cloud; i++) {
		if (cat->cloud[i].number == 0 || cat->cloud[i].group < 0) {
			sb_printf(err, "cloud item %zu is missing or has no group", i + 1);
			return -EINVAL;
		}
		if (cat_need(&cat->cloud[i].label, "cloud item", (int)i + 1, err) < 0 ||
		    cat_need(&cat->cloud[i].question, "cloud item", (int)i + 1, err) < 0)
			return -EINVAL;
	}
	for (i = 0; i < cat->n_rules; i++) {
		if (cat->rules[i].n_items == 0) {
			sb_printf(err, "rule %zu maps to no item", i + 1);
			return -EINVAL;
		}
		for (j = 0; j < cat->rules[i].n_items; j++) {
			k = cat->rules[i].items[j];
			if ((size_t)k > cat->n_items) {
				sb_printf(err, "rule %zu names item %d, which does not exist",
				    i + 1, k);
				return -EINVAL;
			}
		}
	}
	return 0;
}

int
cat_load(struct catalog *cat, const char *path, struct sbuf *err)
{
	struct cat_loader ld = { .cat = cat };
	int r;

	memset(cat, 0, sizeof(*cat));
	cat->max_score = 100;
	r = rf_parse_file(path, NULL, cat_on_record, &ld, err);
	if (r == 0) {
		sb_reset(err);
		sb_printf(err, "%s: ", path);
		r = cat_check(cat, err);
	}
	if (r < 0) {
		cat_free(cat);
		return r;
	}
	cat->path = xstrdup(path);
	sb_reset(err);
	return 0;
}

static void
cat_text_free(struct cat_text *t)
{
	free(t->en);
	free(t->ja);
	t->en = t->ja = NULL;
}

void
cat_free(struct catalog *cat)
{
	size_t i;

	free(cat->path);
	free(cat->edition);
	free(cat->publisher);
	cat_text_free(&cat->title);
	for (i = 0; i < CAT_MAX_CATEGORIES; i++) {
		free(cat->categories[i].id);
		cat_text_free(&cat->categories[i].label);
		cat_text_free(&cat->categories[i].summary);
	}
	for (i = 0; i < CAT_MAX_ITEMS; i++) {
		cat_text_free(&cat->items[i].label);
		cat_text_free(&cat->items[i].question);
		cat_text_free(&cat->items[i].good);
		cat_text_free(&cat->items[i].advice);
		cat_text_free(&cat->items[i].evidence);
	}
	for (i = 0; i < CAT_MAX_RULES; i++) {
		cat_text_free(&cat->rules[i].label);
		cat_text_free(&cat->rules[i].advice);
	}
	for (i = 0; i < CAT_MAX_GROUPS; i++) {
		free(cat->groups[i].id);
		cat_text_free(&cat->groups[i].label);
	}
	for (i = 0; i < CAT_MAX_CLOUD; i++) {
		cat_text_free(&cat->cloud[i].label);
		cat_text_free(&cat->cloud[i].question);
		cat_text_free(&cat->cloud[i].good);
		cat_text_free(&cat->cloud[i].advice);
	}
	for (i = 0; i < 4; i++)
		cat_text_free(&cat->answers[i].label);
	for (i = 0; i < CAT_MAX_DECLARATIONS; i++) {
		free(cat->declarations[i].id);
		cat_text_free(&cat->declarations[i].label);
		cat_text_free(&cat->declarations[i].requirement);
		cat_text_free(&cat->declarations[i].note);
	}
	memset(cat, 0, sizeof(*cat));
}

const char *
cat_text(const struct cat_text *t, const char *lang)
{
	if (lang != NULL && strcmp(lang, "ja") == 0 && t->ja != NULL)
		return t->ja;
	return t->en != NULL ? t->en : "";
}

const struct cat_item *
cat_item(const struct catalog *cat, int number)
{
	if (number < 1 || (size_t)number > cat->n_items)
		return NULL;
	return &cat->items[number - 1];
}

const struct cat_cloud *
cat_cloud_item(const struct catalog *cat, int number)
{
	if (number < 1 || (size_t)number > cat->n_cloud)
		return NULL;
	return &cat->cloud[number - 1];
}

const char *
cat_answer_label(const struct catalog *cat, int value, const char *lang)
{
	size_t i;

	for (i = 0; i < cat->n_answers; i++)
		if (cat->answers[i].value == value)
			return cat_text(&cat->answers[i].label, lang);
	return "";
}

int
cat_category_max(const struct cat_category *c)
{
	return 4 * (c->last - c->first + 1);
}
