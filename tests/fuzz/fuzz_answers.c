/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: answers files against the shipped catalog, and the
 * arithmetic on top.  The input holds up to two files separated by a
 * line "--8<--"; the second is laid over the first.  Aborts when a broken
 * file changes anything, an error is not one FILE:LINE line, or a score
 * leaves its range.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_CATALOG SA_ABS_SRCDIR "/rules/guideline-3.0.catalog"
#define FZ_CUT "\n--8<--\n"

static struct catalog fz_cat;

static void
fz_check_error(int r, const struct sbuf *err, const char *name)
{
	if (r == 0)
		return;
	if (r > 0 || err->data == NULL || strncmp(err->data, name, strlen(name)) != 0 ||
	    err->data[strlen(name)] != ':' || strchr(err->data, '\n') != NULL)
		abort();
}

static int
fz_valid(int v)
{
	return v == 4 || v == 2 || v == 0 || v == -1 || v == ANS_NA || v == ANS_UNSET;
}

static void
fz_check_total(const struct score_total *t, int n)
{
	if (t->max != 4 * n || t->min != -n || t->score < t->min || t->score > t->max ||
	    t->unknown < 0 || t->unknown > n)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *cut;
	struct answers a;
	struct fnd_store store;
	struct score sc;
	struct sbuf err;
	int before[CAT_MAX_ITEMS], r;
	size_t first, i, n_services;

	if (fz_cat.n_items == 0) {
		sb_init(&err);
		if (cat_load(&fz_cat, FZ_CATALOG, &err) < 0)
			abort();
		sb_free(&err);
	}
	cut = size >= strlen(FZ_CUT) ? memmem(text, size, FZ_CUT, strlen(FZ_CUT)) : NULL;
	first = cut != NULL ? (size_t)(cut - text) + 1 : size;

	ans_init(&a);
	sb_init(&err);
	r = ans_load_buffer(&a, &fz_cat, "one.ini", text, first, &err);
	fz_check_error(r, &err, "one.ini");
	if (r < 0 && (a.n_files != 0 || a.n_services != 0 || a.org_name != NULL))
		abort();
	if (cut != NULL) {
		for (i = 0; i < CAT_MAX_ITEMS; i++)
			before[i] = a.diagnosis[i].value;
		n_services = a.n_services;
		sb_reset(&err);
		r = ans_load_buffer(&a, &fz_cat, "two.ini", cut + strlen(FZ_CUT),
		    size - (size_t)(cut - text) - strlen(FZ_CUT), &err);
		fz_check_error(r, &err, "two.ini");
		/* a broken file changes nothing */
		if (r < 0) {
			for (i = 0; i < CAT_MAX_ITEMS; i++)
				if (a.diagnosis[i].value != before[i])
					abort();
			if (a.n_services != n_services)
				abort();
		}
	}
	for (i = 0; i < CAT_MAX_ITEMS; i++)
		if (!fz_valid(a.diagnosis[i].value) || (i >= fz_cat.n_items &&
		    (a.diagnosis[i].value != ANS_UNSET || a.diagnosis[i].note != NULL)))
			abort();
	for (i = 0; i < CAT_MAX_CLOUD; i++)
		if (!fz_valid(a.cloud[i].value))
			abort();

	fnd_init(&store, 10);
	score_compute(&sc, &fz_cat, &store, &a, NULL, NULL);
	fz_check_total(&sc.total, (int)fz_cat.n_items);
	fz_check_total(&sc.cloud_total, (int)fz_cat.n_cloud);
	for (i = 0; i < sc.n_items; i++)
		if (sc.items[i].score != 4 && sc.items[i].score != 2 &&
		    sc.items[i].score != 0 && sc.items[i].score != -1)
			abort();
	for (i = 0; i < sc.n_rules; i++)
		if (sc.rules[i] != 4 && sc.rules[i] != 2 && sc.rules[i] != 0 && sc.rules[i] != -1)
			abort();
	if (sc.disagreements != 0)	/* no evidence, nothing to disagree with */
		abort();
	score_free(&sc);
	fnd_free(&store);
	ans_free(&a);
	sb_free(&err);
	return 0;
}
