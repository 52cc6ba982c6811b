/* SPDX-License-Identifier: MIT */
/*
 * smeaudit risk: the risk-analysis ledger (付録7) read, computed and
 * listed by risk, highest first.  Assets in a band that needs a
 * treatment but have none are flagged; assets holding personal
 * information, special-care personal information or My Number are
 * marked.  Exit 0, 1 when a flagged asset exists, 3 on any input error.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "i18n.h"
#include "json.h"
#include "ledger.h"

struct risk_out {
	FILE *f;
	const char *lang;
	int color;
};

static const char *
risk_on(const struct risk_out *o, const char *code)
{
	return o->color ? code : "";
}

static void
risk_safe(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(((unsigned char)*s < 0x20 || *s == 0x7f) ? '?' : *s, f);
}

/* The personal-data marks of an asset, e.g. " [個人情報][マイナンバー]". */
static void
risk_marks(const struct risk_out *o, const struct ldg_asset *a)
{
	if (!a->personal && !a->sensitive_personal && !a->my_number)
		return;
	fputs(risk_on(o, "\033[1;35m"), o->f);
	if (a->personal)
		fprintf(o->f, " [%s]", _("personal information"));
	if (a->sensitive_personal)
		fprintf(o->f, " [%s]", _("special-care personal information"));
	if (a->my_number)
		fprintf(o->f, " [%s]", _("My Number"));
	fputs(risk_on(o, "\033[0m"), o->f);
}

static void
risk_asset(const struct risk_out *o, const struct ldg_asset *a)
{
	const char *loc = a->text[LDG_LOCATION], *area = a->text[LDG_AREA];

	fprintf(o->f, "  %s%s%2d = %d × %d%s  ", ldg_untreated(a) ? "!" : " ",
	    risk_on(o, "\033[1m"), a->risk, a->importance, a->likelihood,
	    risk_on(o, "\033[0m"));
	risk_safe(o->f, a->text[LDG_ASSET]);
	risk_marks(o, a);
	fputs("  (", o->f);
	fprintf(o->f, _("line %u"), a->line);
	fputs(")\n", o->f);
	fprintf(o->f, "            C/I/A %d/%d/%d · ", a->confidentiality,
	    a->integrity, a->availability);
	fprintf(o->f, _("threat %d · vulnerability %d"), a->threat, a->vulnerability);
	if (*area != '\0') {
		fputs(" · ", o->f);
		risk_safe(o->f, area);
	}
	if (*loc != '\0') {
		fputs(" · ", o->f);
		risk_safe(o->f, loc);
	}
	fputc('\n', o->f);
	fprintf(o->f, "            %s ", _("treatment:"));
	if (a->treatment != NULL)
		risk_safe(o->f, cat_text(&a->treatment->label, o->lang));
	else if (ldg_untreated(a))
		fprintf(o->f, "%s%s%s", risk_on(o, "\033[1;31m"),
		    _("NONE DECIDED — choose reduce, retain, avoid or transfer"),
		    risk_on(o, "\033[0m"));
	else
		fputs(_("not decided"), o->f);
	fputc('\n', o->f);
}

static int
risk_text(const struct ldg_ledger *l, const struct ldg_scale *scale,
    const struct risk_out *o)
{
	const struct ldg_asset *a;
	size_t i, b, n, untreated = 0, personal = 0, sensitive = 0, my_number = 0;

	fprintf(o->f, "%s%s%s ", risk_on(o, "\033[1m"), _("Risk analysis ledger:"),
	    risk_on(o, "\033[0m"));
	risk_safe(o->f, l->path);
	fputs("  (", o->f);
	fprintf(o->f, _("%zu assets"), l->n);
	fprintf(o->f, ", %s)\n", l->encoding);
	fprintf(o->f, "%s\n", _("risk = importance (the largest of C, I, A) × likelihood (from threat and vulnerability)"));
	for (b = 0; b < scale->n_bands; b++) {
		const struct ldg_band *band = &scale->bands[b];

		for (i = n = 0; i < l->n; i++)
			n += l->v[i].band == band;
		fprintf(o->f, "\n%s%s%s (%s ", risk_on(o, b == 0 ?
		    "\033[1;31m" : "\033[1m"), cat_text(&band->label, o->lang),
		    risk_on(o, "\033[0m"), _("risk value"));
		if (band->min == band->max)
			fprintf(o->f, "%d", band->min);
		else
			fprintf(o->f, "%d-%d", band->min, band->max);
		fputs("; ", o->f);
		fprintf(o->f, _("%zu assets"), n);
		fputs("): ", o->f);
		fputs(cat_text(&band->meaning, o->lang), o->f);
		fputc('\n', o->f);
		for (i = 0; i < l->n; i++)
			if (l->v[i].band == band)
				risk_asset(o, &l->v[i]);
		if (n == 0)
			fprintf(o->f, "  %s\n", _("no assets"));
	}
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		untreated += (size_t)ldg_untreated(a);
		personal += (size_t)a->personal;
		sensitive += (size_t)a->sensitive_personal;
		my_number += (size_t)a->my_number;
	}
	fputc('\n', o->f);
	if (untreated > 0) {
		fprintf(o->f, "%s", risk_on(o, "\033[1;31m"));
		fprintf(o->f, _("Assets that need a treatment decision (marked !): %zu"), untreated);
		fputs(risk_on(o, "\033[0m"), o->f);
		for (i = 0; i < l->n; i++)
			if (ldg_untreated(&l->v[i])) {
				fputs("\n  - ", o->f);
				risk_safe(o->f, l->v[i].text[LDG_ASSET]);
				fputs(" (", o->f);
				fprintf(o->f, _("line %u"), l->v[i].line);
				fputc(')', o->f);
			}
		fputc('\n', o->f);
	} else
		fprintf(o->f, "%s\n", _("Every asset that needs a treatment has one."));
	if (personal + sensitive + my_number > 0) {
		fprintf(o->f, _("Assets holding personal data: personal information %zu, special-care personal information %zu, My Number %zu"),
		    personal, sensitive, my_number);
		for (i = 0; i < l->n; i++) {
			a = &l->v[i];
			if (!a->personal && !a->sensitive_personal && !a->my_number)
				continue;
			fputs("\n  - ", o->f);
			risk_safe(o->f, a->text[LDG_ASSET]);
			risk_marks(o, a);
			fputs(" (", o->f);
			fprintf(o->f, _("risk value %d"), a->risk);
			fputc(')', o->f);
		}
		fputc('\n', o->f);
	}
	return ferror(o->f) ? -1 : 0;
}

static int
risk_json(const struct ldg_ledger *l, const struct ldg_scale *scale,
    const struct risk_out *o)
{
	struct jw w;
	size_t i, b, n, untreated = 0;

	jw_init(&w, o->f, 1);
	jw_object(&w, NULL);
	jw_string(&w, "ledger", l->path);
	jw_string(&w, "format", l->format);
	jw_string(&w, "encoding", l->encoding);
	jw_string(&w, "scale", scale->path);
	jw_string(&w, "edition", scale->edition);
	ldg_write_json(&w, l, o->lang);
	jw_object(&w, "bands");
	for (b = 0; b < scale->n_bands; b++) {
		for (i = n = 0; i < l->n; i++)
			n += l->v[i].band == &scale->bands[b];
		jw_int(&w, scale->bands[b].id, (long long)n);
	}
	jw_end(&w, '}');
	for (i = 0; i < l->n; i++)
		untreated += (size_t)ldg_untreated(&l->v[i]);
	jw_int(&w, "needs_treatment", (long long)untreated);
	jw_end(&w, '}');
	jw_finish(&w);
	return ferror(o->f) ? -1 : 0;
}

static void
risk_usage(FILE *f)
{
	fputs(_("Usage: smeaudit risk --ledger FILE [--format text|json] [--scale FILE]\n"
	    "Read a risk-analysis ledger (CSV with a header row, UTF-8 or Excel's\n"
	    "CP932, or a record file of [asset ID] sections) and list its assets by\n"
	    "risk = importance x likelihood, flagging large risks without a treatment.\n"
	    "\n"
	    "  -l, --ledger FILE   the asset ledger (docs/risk-ledger.md)\n"
	    "  -f, --format FMT    text (default) or json\n"
	    "      --scale FILE    risk scales (default: rules/risk-EDITION.rules)\n"
	    "  -L, --lang ja|en    language of the text\n"
	    "  -h, --help          print this help\n"
	    "\n"
	    "Exit status: 0 listed, 1 a large risk has no treatment, 3 input error.\n"), f);
}

int
cmd_risk(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{ "ledger", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "scale", required_argument, NULL, 's' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *ledger = NULL, *scale_path = NULL, *format = app->format;
	struct ldg_scale scale;
	struct ldg_ledger l;
	struct risk_out o;
	struct sbuf err;
	char *path = NULL;
	size_t i;
	int opt, r, status = APP_EXIT_USAGE, scale_loaded = 0, ledger_loaded = 0;

	sb_init(&err);
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+l:f:L:h", options, NULL)) != -1) {
		switch (opt) {
		case 'l': ledger = optarg; break;
		case 'f': format = optarg; break;
		case 's': scale_path = optarg; break;
		case 'L': break;	/* main() has set the language */
		case 'h':
			risk_usage(stdout);
			status = APP_EXIT_OK;
			goto out;
		default:
			fprintf(stderr, _("Try 'smeaudit risk --help'.\n"));
			goto out;
		}
	}
	if (optind < argc) {
		app_error(_("risk takes no arguments (\"%s\"); give the ledger with --ledger"),
		    argv[optind]);
		goto out;
	}
	if (ledger == NULL) {
		app_error(_("risk needs --ledger FILE (see smeaudit risk --help)"));
		goto out;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		app_error(_("risk prints text or json, not \"%s\""), format);
		goto out;
	}
	if (scale_path == NULL) {
		if ((r = app_load_config(app)) != 0) {
			status = r;
			goto out;
		}
		path = xasprintf("%s/risk-%s.rules", app->paths.data_dir,
		    app->cfg.edition);
		scale_path = path;
	}
	if (ldg_scale_load(&scale, scale_path, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	scale_loaded = 1;
	if (ldg_load(&l, &scale, ledger, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	ledger_loaded = 1;
	ldg_sort(&l);
	o.f = stdout;
	o.lang = app->lang;
	o.color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL &&
	    strcmp(format, "text") == 0;
	r = strcmp(format, "json") == 0 ? risk_json(&l, &scale, &o) :
	    risk_text(&l, &scale, &o);
	if (r < 0 || fflush(stdout) != 0) {
		app_error(_("cannot write the output"));
		goto out;
	}
	status = APP_EXIT_OK;
	for (i = 0; i < l.n; i++)
		if (ldg_untreated(&l.v[i]))
			status = APP_EXIT_FINDINGS;
out:
	if (ledger_loaded)
		ldg_free(&l);
	if (scale_loaded)
		ldg_scale_free(&scale);
	free(path);
	sb_free(&err);
	return status;
}
