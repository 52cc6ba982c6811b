/* SPDX-License-Identifier: MIT */
/*
 * smeaudit diff OLD.json NEW.json: what improved and what regressed
 * between two runs, per item, category and in total (the guideline's
 * periodic review made concrete).  Exit 0 when nothing regressed, 1 when
 * an item scores lower or became unknown, 3 on bad input.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "json.h"
#include "repload.h"

#define DIFF_SCHEMA "smeaudit-diff/1"

enum diff_change {
	DIFF_UNCHANGED = 0,
	DIFF_IMPROVED,
	DIFF_REGRESSED,
	DIFF_NOW_KNOWN,		/* was -1 */
	DIFF_NOW_UNKNOWN	/* is -1 */
};

struct diff {
	const struct rl_report *old, *new;
	const struct catalog *cat;
	const char *lang;
	size_t counts[5];	/* per enum diff_change, items and cloud */
};

static const struct option diff_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "lang", required_argument, NULL, 'L' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static enum diff_change
diff_change(const struct score_entry *o, const struct score_entry *n)
{
	if (o->score == -1 && n->score == -1)
		return DIFF_UNCHANGED;
	if (o->score == -1)
		return DIFF_NOW_KNOWN;
	if (n->score == -1)
		return DIFF_NOW_UNKNOWN;
	if (n->score > o->score)
		return DIFF_IMPROVED;
	return n->score < o->score ? DIFF_REGRESSED : DIFF_UNCHANGED;
}

static const char *
diff_change_name(enum diff_change c)
{
	static const char *const names[] = { "unchanged", "improved", "regressed",
	    "now-known", "now-unknown" };

	return names[c];
}

static void
diff_count(struct diff *d)
{
	size_t i;

	memset(d->counts, 0, sizeof(d->counts));
	for (i = 0; i < d->cat->n_items; i++)
		d->counts[diff_change(&d->old->score.items[i], &d->new->score.items[i])]++;
	for (i = 0; i < d->cat->n_cloud; i++)
		d->counts[diff_change(&d->old->score.cloud[i], &d->new->score.cloud[i])]++;
}

/* Print s without control characters (labels and host names). */
static void
diff_safe(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(((unsigned char)*s < 0x20 || *s == 0x7f) ? '?' : *s, f);
}

static void
diff_text_side(FILE *f, const char *label, const struct rl_report *r)
{
	char when[32];

	ut_format_time_utc(r->generated_at, when, sizeof(when));
	fprintf(f, "%s ", label);
	diff_safe(f, r->hostname);
	fprintf(f, "  %s  (", when);
	diff_safe(f, r->path);
	fputs(")\n", f);
}

static void
diff_text_total(FILE *f, const char *label, const struct score_total *o,
    const struct score_total *n, int indent)
{
	size_t w = ut_display_width(label);

	fprintf(f, "%*s%s", indent, "", label);
	while (w++ < (size_t)(32 - indent))
		fputc(' ', f);
	fprintf(f, "%4d -> %4d  (%+d)\n", o->score, n->score, n->score - o->score);
}

static void
diff_text_entries(const struct diff *d, FILE *f, enum diff_change which,
    const char *title)
{
	const struct catalog *cat = d->cat;
	size_t i, n = 0;

	for (i = 0; i < cat->n_items + cat->n_cloud; i++) {
		int cloud = i >= cat->n_items;
		size_t k = cloud ? i - cat->n_items : i;
		const struct score_entry *o = cloud ? &d->old->score.cloud[k] :
		    &d->old->score.items[k];
		const struct score_entry *nw = cloud ? &d->new->score.cloud[k] :
		    &d->new->score.items[k];

		if (diff_change(o, nw) != which)
			continue;
		if (n++ == 0)
			fprintf(f, "%s\n", title);
		fprintf(f, "  [%2d -> %2d] %s%2zu ", o->score, nw->score,
		    cloud ? _("cloud ") : "", k + 1);
		diff_safe(f, cat_text(cloud ? &cat->cloud[k].label : &cat->items[k].label,
		    d->lang));
		fputc('\n', f);
	}
	if (n > 0)
		fputc('\n', f);
}

static int
diff_write_text(void *user, FILE *f)
{
	struct diff *d = user;
	const struct catalog *cat = d->cat;
	const struct score *o = &d->old->score, *n = &d->new->score;
	size_t i;

	fprintf(f, "smeaudit diff — %s\n", cat_text(&cat->title, d->lang));
	diff_text_side(f, _("Old:"), d->old);
	diff_text_side(f, _("New:"), d->new);
	if (strcmp(d->old->hostname, d->new->hostname) != 0)
		fprintf(f, "%s\n", _("Note: the two reports are of different hosts."));
	fputc('\n', f);
	diff_text_total(f, _("Total score"), &o->total, &n->total, 0);
	for (i = 0; i < cat->n_categories; i++)
		diff_text_total(f, cat_text(&cat->categories[i].label, d->lang),
		    &o->categories[i], &n->categories[i], 2);
	diff_text_total(f, _("Cloud checklist"), &o->cloud_total, &n->cloud_total, 2);
	fprintf(f, "  %s %d -> %d\n\n", _("unknown items:"), o->total.unknown,
	    n->total.unknown);
	fprintf(f, "%s\n", _("Five basic rules"));
	for (i = 0; i < cat->n_rules; i++) {
		fprintf(f, "  %zu ", i + 1);
		diff_safe(f, cat_text(&cat->rules[i].label, d->lang));
		fprintf(f, ": %s -> %s\n", rep_level_label(o->rules[i], 1),
		    rep_level_label(n->rules[i], 1));
	}
	fputc('\n', f);
	diff_text_entries(d, f, DIFF_REGRESSED, _("Regressed"));
	diff_text_entries(d, f, DIFF_NOW_UNKNOWN, _("No longer known (now -1)"));
	diff_text_entries(d, f, DIFF_IMPROVED, _("Improved"));
	diff_text_entries(d, f, DIFF_NOW_KNOWN, _("Newly assessed (was -1)"));
	fprintf(f, _("%zu improved, %zu regressed, %zu newly assessed, %zu no longer known, %zu unchanged\n"),
	    d->counts[DIFF_IMPROVED], d->counts[DIFF_REGRESSED],
	    d->counts[DIFF_NOW_KNOWN], d->counts[DIFF_NOW_UNKNOWN],
	    d->counts[DIFF_UNCHANGED]);
	return ferror(f) ? -1 : 0;
}

static void
diff_json_side(struct jw *w, const char *key, const struct rl_report *r)
{
	char when[32];

	ut_format_time_utc(r->generated_at, when, sizeof(when));
	jw_object(w, key);
	jw_string(w, "file", r->path);
	jw_string(w, "hostname", r->hostname);
	jw_string(w, "generated_at", when);
	jw_int(w, "total", r->score.total.score);
	jw_end(w, '}');
}

static void
diff_json_total(struct jw *w, const struct score_total *o,
    const struct score_total *n)
{
	jw_int(w, "old", o->score);
	jw_int(w, "new", n->score);
	jw_int(w, "change", n->score - o->score);
}

static void
diff_json_entries(struct jw *w, const struct diff *d, int cloud)
{
	const struct catalog *cat = d->cat;
	size_t i, n = cloud ? cat->n_cloud : cat->n_items;

	jw_array(w, "items");
	for (i = 0; i < n; i++) {
		const struct score_entry *o = cloud ? &d->old->score.cloud[i] :
		    &d->old->score.items[i];
		const struct score_entry *nw = cloud ? &d->new->score.cloud[i] :
		    &d->new->score.items[i];

		jw_object(w, NULL);
		jw_int(w, "number", (long long)i + 1);
		if (!cloud)
			jw_string(w, "category",
			    cat->categories[cat->items[i].category].id);
		jw_string(w, "label", cat_text(cloud ? &cat->cloud[i].label :
		    &cat->items[i].label, d->lang));
		jw_int(w, "old", o->score);
		jw_int(w, "new", nw->score);
		jw_int(w, "change", nw->score - o->score);
		jw_string(w, "status", diff_change_name(diff_change(o, nw)));
		jw_end(w, '}');
	}
	jw_end(w, ']');
}

static int
diff_write_json(void *user, FILE *f)
{
	struct diff *d = user;
	const struct catalog *cat = d->cat;
	const struct score *o = &d->old->score, *n = &d->new->score;
	struct jw w;
	size_t i;

	jw_init(&w, f, 1);
	jw_object(&w, NULL);
	jw_string(&w, "schema", DIFF_SCHEMA);
	jw_string(&w, "edition", cat->edition);
	jw_string(&w, "lang", d->lang);
	diff_json_side(&w, "old", d->old);
	diff_json_side(&w, "new", d->new);
	jw_object(&w, "total");
	diff_json_total(&w, &o->total, &n->total);
	jw_end(&w, '}');
	jw_array(&w, "categories");
	for (i = 0; i < cat->n_categories; i++) {
		jw_object(&w, NULL);
		jw_string(&w, "id", cat->categories[i].id);
		jw_string(&w, "label", cat_text(&cat->categories[i].label, d->lang));
		diff_json_total(&w, &o->categories[i], &n->categories[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');
	jw_array(&w, "rules");
	for (i = 0; i < cat->n_rules; i++) {
		jw_object(&w, NULL);
		jw_int(&w, "number", (long long)i + 1);
		jw_string(&w, "label", cat_text(&cat->rules[i].label, d->lang));
		jw_int(&w, "old", o->rules[i]);
		jw_int(&w, "new", n->rules[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');
	diff_json_entries(&w, d, 0);
	jw_object(&w, "cloud");
	diff_json_total(&w, &o->cloud_total, &n->cloud_total);
	diff_json_entries(&w, d, 1);
	jw_end(&w, '}');
	jw_object(&w, "counts");
	for (i = 0; i < UT_ARRAY_LEN(d->counts); i++)
		jw_int(&w, diff_change_name((enum diff_change)i),
		    (long long)d->counts[i]);
	jw_end(&w, '}');
	jw_end(&w, '}');
	jw_finish(&w);
	return ferror(f) ? -1 : 0;
}

int
cmd_diff(struct app *app, int argc, char **argv)
{
	struct rl_report old, new;
	struct diff d;
	struct sbuf err;
	int opt, r, status = APP_EXIT_USAGE, json;

	memset(&old, 0, sizeof(old));
	memset(&new, 0, sizeof(new));
	sb_init(&err);
	optind = 0;
	while ((opt = getopt_long(argc, argv, "f:o:L:h", diff_options, NULL)) != -1) {
		switch (opt) {
		case 'f': app->format = optarg; break;
		case 'o': app->output = optarg; break;
		case 'L': break;	/* main() took it */
		case 'h':
			printf(_("Usage: smeaudit diff [--format text|json] [--output FILE] OLD.json NEW.json\n"
			    "What improved and what regressed between two JSON reports.\n"
			    "Exit 0: nothing regressed; 1: an item scores lower or became\n"
			    "unknown; 3: bad input.\n"));
			status = APP_EXIT_OK;
			goto out;
		default:
			fprintf(stderr, _("Try 'smeaudit diff --help'.\n"));
			goto out;
		}
	}
	if (argc - optind != 2) {
		app_error(_("diff: give two JSON reports, the older first"));
		goto out;
	}
	json = strcmp(app->format, "json") == 0;
	if (!json && strcmp(app->format, "text") != 0) {
		app_error(_("diff prints text or json, not \"%s\""), app->format);
		goto out;
	}
	if ((r = app_load_catalog(app)) != 0) {
		status = r;
		goto out;
	}
	if (rl_load(&old, argv[optind], &app->cat, app->lang, &err) < 0 ||
	    rl_load(&new, argv[optind + 1], &app->cat, app->lang, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	d.old = &old;
	d.new = &new;
	d.cat = &app->cat;
	d.lang = app->lang;
	diff_count(&d);
	sb_reset(&err);
	if (rep_output_with(app->output, json ? diff_write_json : diff_write_text,
	    &d, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	status = d.counts[DIFF_REGRESSED] + d.counts[DIFF_NOW_UNKNOWN] > 0 ?
	    APP_EXIT_FINDINGS : APP_EXIT_OK;
out:
	rl_free(&old);
	rl_free(&new);
	sb_free(&err);
	return status;
}
