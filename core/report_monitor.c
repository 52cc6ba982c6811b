/* SPDX-License-Identifier: MIT */
/*
 * Formats for monitoring and CI systems.
 *
 * nagios: one line in the monitoring-plugins format, "SMEAUDIT STATE -
 * text | perfdata", and the state as the exit status: UNKNOWN (3) when
 * the audit did not finish or assessed nothing, CRITICAL (2) when an
 * item is not implemented (0), WARNING (1) when one is partly (2), else
 * OK (0).  Items nobody could assess (-1) do not change the state; they
 * are counted in the text and the perfdata.
 *
 * junit: one test case per self-diagnosis item (below 4 fails, -1 is
 * skipped), for CI dashboards.
 */
#include "config.h"

#include <string.h>

#include <smeaudit/plugin.h>

#include "i18n.h"
#include "report.h"

enum rm_state {
	RM_OK = 0,
	RM_WARNING = 1,
	RM_CRITICAL = 2,
	RM_UNKNOWN = 3
};

struct rm_counts {
	int not, partly, unknown, assessed;
};

static void
rm_count(const struct report *rep, struct rm_counts *c)
{
	const struct score *sc = rep->score;
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < sc->n_items; i++)
		switch (sc->items[i].score) {
		case 0: c->not++; c->assessed++; break;
		case 2: c->partly++; c->assessed++; break;
		case -1: c->unknown++; break;
		default: c->assessed += sc->items[i].applicable; break;
		}
}

int
rep_nagios_status(const struct report *rep)
{
	struct rm_counts c;

	rm_count(rep, &c);
	if (!rep->complete || c.assessed == 0)
		return RM_UNKNOWN;
	if (c.not > 0)
		return RM_CRITICAL;
	return c.partly > 0 ? RM_WARNING : RM_OK;
}

/* Plugin output must stay on one line and must not contain '|'. */
static void
rm_safe(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(((unsigned char)*s < 0x20 || *s == 0x7f || *s == '|') ? '?' : *s, f);
}

static void
rm_perf(FILE *f, const char *label, const struct score_total *t)
{
	fprintf(f, " %s=%d;;;%d;%d", label, t->score, t->min, t->max);
}

int
rep_write_nagios(const struct report *rep, FILE *f)
{
	static const char *const states[] = { "OK", "WARNING", "CRITICAL", "UNKNOWN" };
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	struct rm_counts c;
	size_t i, failed = 0;
	int state = rep_nagios_status(rep);

	rm_count(rep, &c);
	fprintf(f, "SMEAUDIT %s - ", states[state]);
	if (!rep->complete) {
		fputs(rep->interrupted ? _("audit interrupted") : _("audit incomplete:"), f);
		for (i = 0; i < rep->n_plugins; i++) {
			const struct rep_plugin *p = &rep->plugins[i];

			if (strcmp(p->status, "ok") == 0 || strcmp(p->status, "skipped") == 0)
				continue;
			fputs(failed++ > 0 ? ", " : " ", f);
			if (p->host != NULL) {
				rm_safe(f, p->host);
				fputc('/', f);
			}
			rm_safe(f, p->name);
			fprintf(f, " %s", p->status);
		}
		fputs("; ", f);
	}
	fprintf(f, _("score %d/%d, %d not implemented, %d partly, %d unknown"),
	    sc->total.score, sc->total.max, c.not, c.partly, c.unknown);
	if (sc->disagreements > 0)
		fprintf(f, _(", %zu answers contradicted by evidence"), sc->disagreements);
	fputs(" |", f);
	rm_perf(f, "total", &sc->total);
	for (i = 0; i < sc->n_categories; i++)
		rm_perf(f, cat->categories[i].id, &sc->categories[i]);
	if (sc->n_cloud > 0)
		rm_perf(f, "cloud", &sc->cloud_total);
	fprintf(f, " not=%d;;;0;%zu partly=%d;;;0;%zu unknown=%d;;;0;%zu"
	    " disagreements=%zu;;;0;\n", c.not, sc->n_items, c.partly, sc->n_items,
	    c.unknown, sc->n_items, sc->disagreements);
	return ferror(f) ? -1 : 0;
}

static const char *
rm_pick(const struct report *rep, const char *en, const char *ja)
{
	return strcmp(rep->lang, "ja") == 0 && ja != NULL ? ja : en;
}

static void
rm_case(const struct report *rep, FILE *f, size_t i)
{
	const struct score_entry *e = &rep->score->items[i];
	const struct catalog *cat = rep->cat;
	const struct cat_item *it = &cat->items[i];
	size_t k;

	fputs("    <testcase classname=\"smeaudit.", f);
	rep_markup(f, cat->categories[it->category].id);
	fprintf(f, "\" name=\"%02d ", it->number);
	rep_markup(f, cat_text(&it->label, rep->lang));
	fputs("\">\n", f);
	if (e->score == -1) {
		fputs("      <skipped message=\"", f);
		rep_markup(f, rep_unknown_label(e->unknown));
		fputs("\"/>\n", f);
	} else if (e->score < 4) {
		fprintf(f, "      <failure type=\"%s\" message=\"", e->score == 0 ?
		    "not-implemented" : "partly");
		rep_markup(f, rep_level_label(e->score, e->applicable));
		fputs("\">", f);
		for (k = 0; k < e->n_findings; k++) {
			const struct fnd_finding *fd = &rep->store->v[e->findings[k]];

			if (fd->level >= SA_LEVEL_IMPLEMENTED)
				continue;
			rep_markup(f, fd->check);
			fputs(": ", f);
			rep_markup(f, rm_pick(rep, fd->title_en, fd->title_ja));
			if (fd->n_examples > 0) {
				fputs(" (", f);
				rep_markup(f, fd->examples[0]);
				fputc(')', f);
			}
			fputc('\n', f);
		}
		rep_markup(f, cat_text(&it->advice, rep->lang));
		fputs("</failure>\n", f);
	}
	fputs("    </testcase>\n", f);
}

int
rep_write_junit(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	struct rm_counts c;
	char when[32];
	size_t i;

	rm_count(rep, &c);
	ut_format_time_utc(rep->generated_at, when, sizeof(when));
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"smeaudit\" tests=\"%zu\" failures=\"%d\" skipped=\"%d\">\n",
	    sc->n_items, c.not + c.partly, c.unknown);
	fputs("  <testsuite name=\"", f);
	rep_markup(f, rep->hostname);
	fprintf(f, "\" tests=\"%zu\" failures=\"%d\" skipped=\"%d\" errors=\"0\""
	    " timestamp=\"%s\">\n", sc->n_items, c.not + c.partly, c.unknown, when);
	fprintf(f, "    <properties>\n"
	    "      <property name=\"total\" value=\"%d\"/>\n"
	    "      <property name=\"max\" value=\"%d\"/>\n"
	    "      <property name=\"complete\" value=\"%s\"/>\n"
	    "    </properties>\n", sc->total.score, sc->total.max,
	    rep->complete ? "true" : "false");
	for (i = 0; i < sc->n_items; i++)
		rm_case(rep, f, i);
	fputs("  </testsuite>\n</testsuites>\n", f);
	return ferror(f) ? -1 : 0;
}
