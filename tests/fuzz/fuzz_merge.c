/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: report JSON read back (core/repload.c, json-c) and
 * merged over hosts (core/fleet.c), as "smeaudit merge" does, then
 * written again as JSON, text, HTML and CSV.  The input holds up to
 * three reports separated by a line "--8<--", each written to a file of
 * a private directory.  Aborts when an error is not one line naming its
 * file, a loaded report lacks its host, or a score leaves its range.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fleet.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_CATALOG SA_ABS_SRCDIR "/rules/guideline-3.0.catalog"
#define FZ_CUT "\n--8<--\n"
#define FZ_MAX_FILES 3

static struct catalog fz_cat;
static char fz_dir[64];
static FILE *fz_null;

static void
fz_setup(void)
{
	const char *tmp = getenv("TMPDIR");
	struct sbuf err;

	sb_init(&err);
	if (cat_load(&fz_cat, FZ_CATALOG, &err) < 0)
		abort();
	sb_free(&err);
	snprintf(fz_dir, sizeof(fz_dir), "%.40s/fuzz-merge.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(fz_dir) == NULL || (fz_null = fopen("/dev/null", "w")) == NULL)
		abort();
}

static void
fz_write(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || (len > 0 && fwrite(text, 1, len, f) != len) || fclose(f) != 0)
		abort();
}

static void
fz_check_total(const struct score_total *t, size_t n)
{
	if (t->max > 4 * (int)n || t->min < -(int)n || t->score < t->min ||
	    t->score > t->max || t->unknown < 0 || t->unknown > (int)n)
		abort();
}

static void
fz_check_score(const struct score *sc)
{
	size_t i;

	fz_check_total(&sc->total, sc->n_items);
	fz_check_total(&sc->cloud_total, sc->n_cloud);
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].score != 4 && sc->items[i].score != 2 &&
		    sc->items[i].score != 0 && sc->items[i].score != -1)
			abort();
}

/* One line, "FILE: ..." or "FILE:LINE:COL: ...", naming a file given. */
static void
fz_check_error(const struct sbuf *err, char *const *files, size_t n)
{
	size_t i, k;

	if (err->data == NULL)
		abort();
	for (i = 0; i < n && strchr(err->data, '\n') == NULL; i++) {
		k = strlen(files[i]);
		if (strncmp(err->data, files[i], k) == 0 && err->data[k] == ':')
			return;
	}
	fprintf(stderr, "bad error message: \"%s\"\n", err->data);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char paths[FZ_MAX_FILES][96], *files[FZ_MAX_FILES];
	const char *text = (const char *)data, *cut;
	struct answers ans;
	struct fleet fl;
	struct sbuf err;
	size_t n = 0, left = size, i, part;

	if (fz_null == NULL)
		fz_setup();
	while (n < FZ_MAX_FILES) {
		cut = n + 1 < FZ_MAX_FILES && left >= strlen(FZ_CUT) ?
		    memmem(text, left, FZ_CUT, strlen(FZ_CUT)) : NULL;
		part = cut != NULL ? (size_t)(cut - text) + 1 : left;
		snprintf(paths[n], sizeof(paths[n]), "%s/host%zu.json", fz_dir, n);
		fz_write(paths[n], text, part);
		files[n] = paths[n];
		n++;
		if (cut == NULL)
			break;
		text = cut + strlen(FZ_CUT);
		left = size - (size_t)(text - (const char *)data);
	}

	sb_init(&err);
	ans_init(&ans);
	if (fleet_load(&fl, files, n, &fz_cat, "en", &err) < 0) {
		fz_check_error(&err, files, n);
	} else {
		for (i = 0; i < fl.n_inputs; i++) {
			if (fl.inputs[i].hostname == NULL || fl.inputs[i].rep.cat != &fz_cat)
				abort();
			fz_check_score(&fl.inputs[i].score);
		}
		if (fl.n_used == 0 || fl.n_used + fl.n_dropped != fl.n_inputs)
			abort();
		fleet_merge(&fl, &fz_cat, &ans, 3, 0);
		fz_check_score(&fl.score);
		(void)rep_write_json(&fl.rep, fz_null);
		(void)rep_write_text(&fl.rep, fz_null);
		(void)rep_write_html(&fl.rep, fz_null);
		(void)rep_write_csv(&fl.rep, fz_null);
		/* one host's report printed again, as --previous and diff read it */
		(void)rep_write_text(&fl.inputs[0].rep, fz_null);
	}
	fleet_free(&fl);
	ans_free(&ans);
	sb_free(&err);
	for (i = 0; i < n; i++)
		unlink(paths[i]);
	return 0;
}
