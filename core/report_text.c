/* SPDX-License-Identifier: MIT */
/*
 * The terminal report: the scores first, then what to fix, then what is
 * in place.  Colour only when writing to a terminal.  Anything that came
 * from the audited system has its control characters replaced so that a
 * file name cannot drive the terminal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "i18n.h"
#include "report.h"

#define RT_BAR 20

static const char *
rt_color(const struct report *rep, int score, int applicable)
{
	if (!rep->color)
		return "";
	if (!applicable)
		return "\033[36m";
	switch (score) {
	case 4: return "\033[32m";
	case 2: return "\033[33m";
	case 0: return "\033[31m";
	default: return "\033[35m";
	}
}

static const char *
rt_reset(const struct report *rep)
{
	return rep->color ? "\033[0m" : "";
}

static const char *
rt_bold(const struct report *rep)
{
	return rep->color ? "\033[1m" : "";
}

/*
 * Print s so that it cannot drive the terminal: control characters
 * become '?', bytes that are not UTF-8 the text \xHH (as in JSON).
 */
static void
rt_safe(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		if (p[i] < 0x20 || p[i] == 0x7f) {
			fputc('?', f);
			i++;
		} else if ((k = ut_utf8_seq(p + i, n - i)) == 0) {
			fprintf(f, "\\x%02x", p[i]);
			i++;
		} else {
			fwrite(p + i, 1, k, f);
			i += k;
		}
	}
}

/* s padded with spaces to width display columns. */
static void
rt_pad(FILE *f, const char *s, size_t width)
{
	size_t w = ut_display_width(s);

	rt_safe(f, s);
	while (w++ < width)
		fputc(' ', f);
}

static const char *
rt_pick(const struct report *rep, const char *en, const char *ja)
{
	return strcmp(rep->lang, "ja") == 0 && ja != NULL ? ja : en;
}

static void
rt_bar(FILE *f, int score, int max)
{
	int fill = 0, i;

	if (max > 0 && score > 0)
		fill = (score * RT_BAR + max / 2) / max;
	for (i = 0; i < RT_BAR; i++)
		fputs(i < fill ? "#" : ".", f);
}

static void
rt_header(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	char when[32];
	size_t i;

	ut_format_time_utc(rep->evaluated_at, when, sizeof(when));
	fprintf(f, "%ssmeaudit %s%s — %s\n", rt_bold(rep), rep->tool_version,
	    rt_reset(rep), cat_text(&cat->title, rep->lang));
	fprintf(f, "%s ", _("Host:"));
	rt_safe(f, rep->hostname);
	fprintf(f, " (%s ", _("root"));
	rt_safe(f, rep->root);
	fprintf(f, ")  %s %s\n", _("Evaluated:"), when);
	if (rep->ans->org_name != NULL) {
		fprintf(f, "%s ", _("Organization:"));
		rt_safe(f, rep->ans->org_name);
		if (rep->ans->site != NULL) {
			fputs(" / ", f);
			rt_safe(f, rep->ans->site);
		}
		fputc('\n', f);
	}
	if (!rep->complete)
		fprintf(f, "%s%s%s\n", rep->color ? "\033[1;31m" : "",
		    rep->interrupted ? _("INCOMPLETE: the audit was interrupted.") :
		    _("INCOMPLETE: a plugin did not finish; see Plugins below."),
		    rt_reset(rep));
	fputc('\n', f);
	fprintf(f, "%s%s %d / %d%s   (%s %d, %s %zu)\n", rt_bold(rep),
	    _("Total score"), sc->total.score, sc->total.max, rt_reset(rep),
	    _("unknown:"), sc->total.unknown, _("disagreements:"),
	    sc->disagreements);
	for (i = 0; i < sc->n_categories; i++) {
		fputs("  ", f);
		rt_pad(f, cat_text(&cat->categories[i].label, rep->lang), 28);
		fprintf(f, "%3d / %-3d ", sc->categories[i].score,
		    sc->categories[i].max);
		rt_bar(f, sc->categories[i].score, sc->categories[i].max);
		if (sc->categories[i].unknown > 0)
			fprintf(f, "  (%s %d)", _("unknown:"), sc->categories[i].unknown);
		fputc('\n', f);
	}
	if (sc->n_cloud > 0)
		fprintf(f, "  %s %d / %d  (%s %d)\n", _("Cloud checklist:"),
		    sc->cloud_total.score, sc->cloud_total.max, _("unknown:"),
		    sc->cloud_total.unknown);
	fputc('\n', f);
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Five basic rules"), rt_reset(rep));
	for (i = 0; i < sc->n_rules; i++) {
		fprintf(f, "  %zu ", i + 1);
		rt_pad(f, cat_text(&cat->rules[i].label, rep->lang), 40);
		fprintf(f, "%s%s%s\n", rt_color(rep, sc->rules[i], 1),
		    rep_level_label(sc->rules[i], 1), rt_reset(rep));
	}
	fputc('\n', f);
}

static void
rt_finding(const struct report *rep, FILE *f, const struct fnd_finding *fd)
{
	const char *detail = rt_pick(rep, fd->detail_en, fd->detail_ja);
	const char *fix = rt_pick(rep, fd->remediation_en, fd->remediation_ja);
	size_t i;

	fprintf(f, "      %s[%s]%s ", rt_color(rep, fd->level, fd->level != SA_LEVEL_NA),
	    rep_level_label(fd->level == SA_LEVEL_NA ? 4 : fd->level,
	    fd->level != SA_LEVEL_NA), rt_reset(rep));
	rt_safe(f, rt_pick(rep, fd->title_en, fd->title_ja));
	fprintf(f, "  (%s", fd->check);
	if (fd->level < SA_LEVEL_IMPLEMENTED && fd->level != SA_LEVEL_UNKNOWN)
		fprintf(f, ", %s", rep_severity_label(fd->severity));
	if (fd->count > 1)
		fprintf(f, ", %s %llu", _("count"), (unsigned long long)fd->count);
	fputs(")", f);
	if (!fd->scored)
		fprintf(f, " %s", _("[not scored: plugin failed]"));
	fputc('\n', f);
	if (detail != NULL) {
		fputs("          ", f);
		rt_safe(f, detail);
		fputc('\n', f);
	}
	for (i = 0; i < fd->n_examples; i++) {
		fputs("          - ", f);
		rt_safe(f, fd->examples[i]);
		fputc('\n', f);
	}
	if (fd->count > fd->n_examples && fd->n_examples > 0)
		fprintf(f, "          ... %s %llu\n", _("and more:"),
		    (unsigned long long)(fd->count - fd->n_examples));
	if (fd->evidence != NULL) {
		fprintf(f, "          %s ", _("evidence:"));
		rt_safe(f, fd->evidence);
		fputc('\n', f);
	}
	if (fix != NULL && fd->level < SA_LEVEL_IMPLEMENTED) {
		fprintf(f, "          %s ", _("fix:"));
		rt_safe(f, fix);
		fputc('\n', f);
	}
}

/* An answer or evidence level (4/2/0/-1/na) in words. */
static const char *
rt_value_label(int v)
{
	return v == ANS_NA ? rep_level_label(4, 0) : rep_level_label(v, 1);
}

static void
rt_item(const struct report *rep, FILE *f, const struct score_entry *e,
    const struct cat_text *label, const struct cat_text *advice, int detail)
{
	size_t i;

	fprintf(f, "  %s[%2d]%s %2d ", rt_color(rep, e->score, e->applicable),
	    e->score, rt_reset(rep), e->number);
	rt_pad(f, cat_text(label, rep->lang), 34);
	fprintf(f, " %s%s%s", rt_color(rep, e->score, e->applicable),
	    e->score == -1 ? rep_unknown_label(e->unknown) :
	    rep_level_label(e->score, e->applicable), rt_reset(rep));
	if (e->source != SCORE_SRC_NONE)
		fprintf(f, "  (%s)", e->source == SCORE_SRC_EVIDENCE ? _("evidence") :
		    e->source == SCORE_SRC_ANSWER ? _("answer") :
		    _("evidence and answer"));
	fputc('\n', f);
	if (e->disagreeing_services > 0) {
		fprintf(f, "      %s", rep->color ? "\033[1;31m" : "");
		fprintf(f, _("DISAGREEMENT: the answers of %zu service(s) contradict the evidence (see below)"),
		    e->disagreeing_services);
		fprintf(f, "%s\n", rt_reset(rep));
	} else if (e->disagreement)
		fprintf(f, "      %s%s %s, %s %s%s\n", rep->color ? "\033[1;31m" : "",
		    _("DISAGREEMENT: answered"), ans_value_name(e->answer),
		    _("evidence says"), ans_value_name(e->evidence), rt_reset(rep));
	else if (e->source == SCORE_SRC_BOTH && e->answer != ANS_UNSET &&
	    e->evidence != SCORE_NO_EVIDENCE) {
		fputs("      ", f);
		fprintf(f, _("answered %s (%s) · evidence %s (%s)"),
		    ans_value_name(e->answer), rt_value_label(e->answer),
		    ans_value_name(e->evidence), rt_value_label(e->evidence));
		fputc('\n', f);
	}
	if (e->failed_plugins != NULL && e->unknown == SCORE_UNK_CHECK_FAILED) {
		fprintf(f, "      %s ", _("failed plugin:"));
		rt_safe(f, e->failed_plugins);
		fputc('\n', f);
	}
	if (e->note != NULL) {
		fprintf(f, "      %s ", _("note:"));
		rt_safe(f, e->note);
		fputc('\n', f);
	}
	if (!detail)
		return;
	for (i = 0; i < e->n_findings; i++)
		rt_finding(rep, f, &rep->store->v[e->findings[i]]);
	if (e->score < 4 && advice != NULL && advice->en != NULL) {
		fprintf(f, "      %s ", _("What to do:"));
		rt_safe(f, cat_text(advice, rep->lang));
		fputc('\n', f);
	}
}

static void
rt_items(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	static const int order[] = { 0, 2, -1 };
	size_t i, k, unanswered = 0;
	int any = 0;

	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Items to act on"), rt_reset(rep));
	for (k = 0; k < UT_ARRAY_LEN(order); k++)
		for (i = 0; i < sc->n_items; i++) {
			const struct score_entry *e = &sc->items[i];

			if (e->score != order[k])
				continue;
			if (e->unknown == SCORE_UNK_NOBODY) {
				unanswered++;
				continue;
			}
			rt_item(rep, f, e, &cat->items[i].label, &cat->items[i].advice, 1);
			any = 1;
		}
	if (unanswered > 0) {
		fprintf(f, "  %s[-1]%s %s:", rt_color(rep, -1, 1), rt_reset(rep),
		    _("Nobody answered (answer them with smeaudit interview or --answers)"));
		for (i = 0; i < sc->n_items; i++)
			if (sc->items[i].unknown == SCORE_UNK_NOBODY)
				fprintf(f, " %d", sc->items[i].number);
		fputc('\n', f);
		any = 1;
	}
	if (!any)
		fprintf(f, "  %s\n", _("none"));
	fputc('\n', f);
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Items in place"), rt_reset(rep));
	any = 0;
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].score == 4) {
			rt_item(rep, f, &sc->items[i], &cat->items[i].label, NULL, 0);
			any = 1;
		}
	if (!any)
		fprintf(f, "  %s\n", _("none"));
	fputc('\n', f);
}

static void
rt_cloud(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t i;

	if (rep->ans->n_services == 0 && sc->cloud_total.unknown == (int)sc->n_cloud)
		return;
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Cloud services checklist"),
	    rt_reset(rep));
	for (i = 0; i < sc->n_cloud; i++)
		rt_item(rep, f, &sc->cloud[i], &cat->cloud[i].label,
		    &cat->cloud[i].advice, sc->cloud[i].score < 4);
	fputc('\n', f);
}

/* The findings behind a disagreement: what contradicts the answer. */
static void
rt_contradicting(const struct report *rep, FILE *f, const struct score_entry *e)
{
	const struct fnd_finding *fd;
	size_t i, k;

	for (i = 0; i < e->n_findings; i++) {
		fd = &rep->store->v[e->findings[i]];
		/* what agrees with the answer does not explain the disagreement */
		if (!fd->scored || fd->level == SA_LEVEL_UNKNOWN ||
		    fd->level == e->answer)
			continue;
		fprintf(f, "        %s [%s]", fd->check, fnd_level_name(fd->level));
		for (k = 0; k < fd->n_examples && k < 3; k++) {
			fputs(k == 0 ? " " : ", ", f);
			rt_safe(f, fd->examples[k]);
		}
		if (fd->count > 3 || fd->count > fd->n_examples)
			fprintf(f, " (%s %llu)", _("count"), (unsigned long long)fd->count);
		fputc('\n', f);
	}
}

static void
rt_disagreement(const struct report *rep, FILE *f, int cloud, int number,
    const struct cat_text *label, const char *service, const char *service_label,
    const struct score_entry *e)
{
	fprintf(f, "  %s", rep->color ? "\033[1;31m" : "");
	fprintf(f, cloud ? _("Cloud item %d") : _("Item %d"), number);
	fprintf(f, "%s ", rt_reset(rep));
	rt_safe(f, cat_text(label, rep->lang));
	if (service != NULL) {
		fputs(" — ", f);
		rt_safe(f, service);
		if (service_label != NULL) {
			fputs(" (", f);
			rt_safe(f, service_label);
			fputc(')', f);
		}
	}
	fputs("\n      ", f);
	fprintf(f, _("answered %s (%s); the evidence says %s (%s)"),
	    ans_value_name(e->answer), rt_value_label(e->answer),
	    ans_value_name(e->evidence), rt_value_label(e->evidence));
	fputc('\n', f);
	rt_contradicting(rep, f, e);
}

/*
 * Where an answer and the evidence disagree, the evidence decides; the
 * consultant needs those places first, so they come right after the
 * scores.
 */
static void
rt_disagreements(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t i, j;

	if (sc->disagreements == 0)
		return;
	fprintf(f, "%s%s (%zu)%s\n", rep->color ? "\033[1;31m" : rt_bold(rep),
	    _("Answers contradicted by evidence"), sc->disagreements,
	    rt_reset(rep));
	fprintf(f, "  %s\n", _("The score follows the evidence. Check these answers with whoever gave them."));
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].disagreement)
			rt_disagreement(rep, f, 0, sc->items[i].number,
			    &cat->items[i].label, NULL, NULL, &sc->items[i]);
	if (sc->n_services == 0)
		for (i = 0; i < sc->n_cloud; i++)
			if (sc->cloud[i].disagreement)
				rt_disagreement(rep, f, 1,
				    sc->cloud[i].number, &cat->cloud[i].label, NULL,
				    NULL, &sc->cloud[i]);
	for (j = 0; j < sc->n_services; j++)
		for (i = 0; i < sc->n_cloud; i++)
			if (sc->services[j].items[i].disagreement)
				rt_disagreement(rep, f, 1, (int)i + 1,
				    &cat->cloud[i].label, sc->services[j].id,
				    sc->services[j].label, &sc->services[j].items[i]);
	fputc('\n', f);
}

/* One service's checklist: totals per group, then what is not in place. */
static void
rt_service(const struct report *rep, FILE *f, const struct score_service *ss)
{
	const struct catalog *cat = rep->cat;
	size_t i, shown = 0;

	fprintf(f, "  %s%s ", rt_bold(rep), _("Cloud service"));
	rt_safe(f, ss->id);
	if (ss->label != NULL) {
		fputs(" (", f);
		rt_safe(f, ss->label);
		fputc(')', f);
	}
	fprintf(f, "%s  %d / %d", rt_reset(rep), ss->total.score, ss->total.max);
	if (ss->total.unknown > 0)
		fprintf(f, "  (%s %d)", _("unknown:"), ss->total.unknown);
	if (ss->disagreements > 0)
		fprintf(f, "  (%s %zu)", _("disagreements:"), ss->disagreements);
	fputc('\n', f);
	fputs("     ", f);
	for (i = 0; i < cat->n_groups; i++) {
		if (i > 0)
			fputs(" · ", f);
		rt_safe(f, cat_text(&cat->groups[i].label, rep->lang));
		fprintf(f, " %d/%d", ss->groups[i].score, ss->groups[i].max);
	}
	fputc('\n', f);
	for (i = 0; i < cat->n_cloud; i++) {
		if (ss->items[i].score == 4)
			continue;
		fputs("   ", f);
		rt_item(rep, f, &ss->items[i], &cat->cloud[i].label, NULL, 0);
		shown++;
	}
	if (shown == 0)
		fprintf(f, "     %s\n", _("every item in place"));
}

static void
rt_services(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	size_t i;

	if (sc->n_services == 0)
		return;
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Cloud checklist per service"),
	    rt_reset(rep));
	for (i = 0; i < sc->n_services; i++)
		rt_service(rep, f, &sc->services[i]);
	fputc('\n', f);
}

static void
rt_plugins(const struct report *rep, FILE *f)
{
	size_t i;

	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Plugins"), rt_reset(rep));
	if (rep->n_plugins == 0)
		fprintf(f, "  %s\n", _("none ran"));
	for (i = 0; i < rep->n_plugins; i++) {
		const struct rep_plugin *p = &rep->plugins[i];
		int bad = strcmp(p->status, "ok") != 0 &&
		    strcmp(p->status, "skipped") != 0;

		fputs("  ", f);
		if (p->host != NULL) {
			rt_safe(f, p->host);
			fputs(": ", f);
		}
		rt_pad(f, p->name, 14);
		rt_pad(f, p->version != NULL ? p->version : "-", 9);
		fputs(bad && rep->color ? "\033[1;31m" : "", f);
		rt_pad(f, rep_status_label(p->status), 8);
		fprintf(f, "%s %6lld ms", rt_reset(rep), (long long)p->duration_ms);
		if (p->reason != NULL) {
			fputs("  ", f);
			rt_safe(f, p->reason);
		}
		fputc('\n', f);
	}
}

/* A fleet's hosts, one line each: the evidence level per item. */
static void
rt_fleet(const struct report *rep, FILE *f)
{
	const struct rep_fleet *fl = rep->fleet;
	size_t i, k;

	if (fl == NULL)
		return;
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("Hosts (evidence per item, in groups of five: 4 2 0, ? unknown, - none, n n/a)"),
	    rt_reset(rep));
	for (k = 0; k < fl->n_hosts; k++) {
		const struct rep_host *h = &fl->hosts[k];

		fputs("  ", f);
		rt_pad(f, h->hostname, 16);
		for (i = 0; i < rep->cat->n_items; i++) {
			int v = h->items[i];

			if (i % 5 == 0)
				fputc(' ', f);	/* items in groups of five */
			fputs(v == 4 ? "4" : v == 2 ? "2" : v == 0 ? "0" : v == -1 ? "?" :
			    v == SA_LEVEL_NA ? "n" : "-", f);
		}
		fprintf(f, "  %3d%s\n", h->score->total.score,
		    h->complete ? "" : _("  (incomplete)"));
	}
	for (i = 0; i < fl->n_dropped; i++) {
		fprintf(f, "  %s ", _("left out (older report of the same host):"));
		rt_safe(f, fl->dropped[i].file);
		fputc('\n', f);
	}
	fputc('\n', f);
}

static void
rt_readiness(const struct report *rep, FILE *f)
{
	const struct catalog *cat = rep->cat;
	const struct score *sc = rep->score;
	struct rep_readiness r;
	size_t i, j;

	rep_readiness(rep, &r);
	fprintf(f, "%s%s%s\n", rt_bold(rep), _("SECURITY ACTION readiness (self-declaration support, not a certification)"),
	    rt_reset(rep));
	fprintf(f, "  %s: %s\n", _("One star (the five basic rules)"), r.one_star ?
	    _("the evidence supports declaring it") : _("not yet supported by the evidence"));
	for (i = 0; i < sc->n_rules; i++) {
		if (sc->rules[i] == 4)
			continue;
		fprintf(f, "    %s %zu ", _("rule"), i + 1);
		rt_safe(f, cat_text(&cat->rules[i].label, rep->lang));
		fputs(":", f);
		for (j = 0; j < cat->rules[i].n_items; j++) {
			const struct score_entry *e = &sc->items[cat->rules[i].items[j] - 1];

			fprintf(f, " %s %d %s", _("item"), e->number, e->score == -1 ?
			    rep_unknown_label(e->unknown) : rep_level_label(e->score, 1));
		}
		fputc('\n', f);
	}
	fprintf(f, "  %s: %s\n", _("Two stars (self-diagnosis and basic policy)"),
	    r.two_star ? _("the evidence supports declaring it") :
	    _("not yet supported by the evidence"));
	if (!r.diagnosis_done) {
		fprintf(f, "    %s", _("unknown items:"));
		for (i = 0; i < sc->n_items; i++)
			if (sc->items[i].score == -1)
				fprintf(f, " %d", sc->items[i].number);
		fputc('\n', f);
	}
	if (!r.policy)
		fprintf(f, "    %s\n", _("no published basic policy recorded ([organization] basic_policy, basic_policy_location)"));
	fputc('\n', f);
}

/* The risk ledger attached with --ledger: one line per asset, highest risk first. */
static void
rt_ledger(const struct report *rep, FILE *f)
{
	const struct rep_ledger *lg = rep->ledger;
	const struct rep_risk **rows;
	size_t i;

	if (lg == NULL)
		return;
	fprintf(f, "%s%s%s ", rt_bold(rep), _("Risk ledger"), rt_reset(rep));
	rt_safe(f, lg->file);
	fputc('\n', f);
	rows = rep_ledger_sorted(lg);
	for (i = 0; i < lg->n_rows; i++) {
		const struct rep_risk *r = rows[i];

		fprintf(f, "  %s%2d ", r->untreated ? "!" : " ", r->value);
		if (r->band_label != NULL) {
			rt_safe(f, r->band_label);
			fputc(' ', f);
		}
		rt_safe(f, r->asset);
		if (r->treatment != NULL) {
			fputs(" — ", f);
			rt_safe(f, r->treatment);
		}
		fputc('\n', f);
	}
	free(rows);
	fputc('\n', f);
}

int
rep_write_text(const struct report *rep, FILE *f)
{
	rt_header(rep, f);
	rt_fleet(rep, f);
	rt_disagreements(rep, f);
	rt_items(rep, f);
	rt_cloud(rep, f);
	rt_services(rep, f);
	rt_readiness(rep, f);
	rt_ledger(rep, f);
	rt_plugins(rep, f);
	return ferror(f) ? -1 : 0;
}
