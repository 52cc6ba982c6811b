/* SPDX-License-Identifier: MIT */
/*
 * The HTML report: what the owner reads and the consultant hands over.
 * One self-contained file: inline CSS and SVG, no script, nothing fetched
 * (a Content-Security-Policy says so to the browser too), system fonts
 * only.  Page 1 is the management summary; print CSS lays the report out
 * on A4 with page breaks, and it reflows on a phone.
 *
 * Everything that came from a file (host names, objects, notes, plugin
 * reasons, answers) goes through rep_markup(): a file named <script> is
 * text here, never markup.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "i18n.h"
#include "report.h"

#define RH_FIX_FIRST 5

static const char rh_css[] =
":root{--ink:#1d2733;--mute:#5b6675;--line:#d5dbe3;--paper:#fff;--navy:#1f4e79;"
"--ok:#2e7d32;--part:#f2a900;--not:#c62828;--unk:#8a939e;--na:#cfd8dc;"
"--ok-bg:#e8f5e9;--part-bg:#fff6dc;--not-bg:#fdecea;--unk-bg:#f0f2f4}\n"
"*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
"html{background:#eef1f5}\n"
"body{margin:0;color:var(--ink);font:14px/1.55 \"IPAPGothic\",\"IPAGothic\","
"\"Noto Sans CJK JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Meiryo\",system-ui,sans-serif}\n"
"main{max-width:860px;margin:0 auto;padding:16px}\n"
".page{background:var(--paper);padding:28px 32px;margin:0 0 16px;"
"box-shadow:0 1px 3px rgba(0,0,0,.12);border-radius:4px}\n"
"h1{font-size:24px;margin:2px 0 6px;letter-spacing:.02em}\n"
"h2{font-size:17px;margin:22px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--navy)}\n"
".page>h2:first-child{margin-top:0}\n"
"h3{font-size:15px;margin:18px 0 6px}\n"
"p{margin:6px 0}\n"
"a{color:var(--navy);text-decoration:none}a:hover{text-decoration:underline}\n"
".kicker{color:var(--mute);font-size:12px}\n"
".meta{display:flex;flex-wrap:wrap;gap:2px 18px;margin:0;color:var(--mute);font-size:13px}\n"
".meta div{display:flex;gap:6px}.meta dt{font-weight:bold}.meta dd{margin:0}\n"
".head{border-bottom:4px solid var(--navy);padding-bottom:10px;margin-bottom:14px}\n"
".alert{background:var(--not-bg);border-left:5px solid var(--not);padding:8px 12px;"
"margin:10px 0;font-weight:bold}\n"
".hero{display:flex;gap:24px;align-items:center}\n"
".gauge{width:150px;height:150px;display:block;margin:0 auto}\n"
".g-num{font-size:36px;font-weight:bold;fill:var(--ink)}\n"
".g-max{font-size:13px;fill:var(--mute)}\n"
".total{flex:none;text-align:center}.g-prev{font-size:13px;color:var(--mute);line-height:1.3}\n"
".tick{display:inline-block;width:3px;height:12px;background:#c0392b;vertical-align:-1px}\n"
".bars{flex:1;min-width:0}\n"
".bars svg{display:block;overflow:visible}\n"
".bars text{font-size:14px;fill:var(--ink)}\n"
".bars .sub{fill:var(--mute);font-size:12px}\n"
".lead{font-size:15px;margin:12px 0}\n"
".grid{display:grid;grid-template-columns:repeat(5,1fr);gap:5px;margin:6px 0}\n"
".cell{border-radius:4px;padding:4px 6px 5px;min-height:58px;"
"display:flex;flex-direction:column;text-decoration:none}\n"
".cell .top{display:flex;justify-content:space-between;font-weight:bold;font-size:13px}\n"
".cell .lab{font-size:11px;line-height:1.3}\n"
".s4{background:var(--ok);color:#fff}.s2{background:var(--part);color:#2b2100}"
".s0{background:var(--not);color:#fff}"
".su{background:repeating-linear-gradient(135deg,#8a939e 0 6px,#97a0aa 6px 12px);color:#fff}"
".sna{background:var(--na);color:#263238}\n"
".legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--mute);margin:4px 0 0}\n"
".legend span.b{min-width:26px}\n"
".b{display:inline-block;min-width:30px;padding:0 6px;border-radius:10px;"
"text-align:center;font-weight:bold;font-size:12px;line-height:20px}\n"
".cols{display:grid;grid-template-columns:1.25fr 1fr;gap:0 24px}\n"
"ol.fix{margin:0;padding-left:1.3em}ol.fix li{margin:0 0 6px}ol.fix .why{margin-left:4px}\n"
".why{color:var(--mute);font-size:12px}\n"
"ul.plain{list-style:none;margin:0;padding:0}\n"
"ul.plain li{display:flex;gap:8px;align-items:baseline;padding:3px 0;"
"border-bottom:1px solid #eef0f3}\n"
"ul.plain li .b{flex:none}\n"
".star{border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:6px 0}\n"
".star strong{font-size:14px}\n"
".yes{color:var(--ok);font-weight:bold}.no{color:var(--not);font-weight:bold}\n"
".note{color:var(--mute);font-size:12px}\n"
"table{border-collapse:collapse;width:100%;font-size:13px}\n"
"th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}\n"
"th{background:#f4f6f9;font-weight:bold}\n"
".scroll{overflow-x:auto}\n"
"table.matrix{width:auto}\n"
"table.matrix td,table.matrix th{padding:2px;text-align:center;min-width:24px;font-size:12px}\n"
"table.matrix td.host,table.matrix th.host{text-align:left;padding-right:8px;white-space:nowrap}\n"
".card{border:1px solid var(--line);border-left:6px solid var(--unk);border-radius:4px;"
"padding:8px 12px;margin:8px 0;break-inside:avoid}\n"
".card.c4{border-left-color:var(--ok)}.card.c2{border-left-color:var(--part)}"
".card.c0{border-left-color:var(--not)}.card.cna{border-left-color:var(--na)}\n"
".card h4{margin:0;font-size:14px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}\n"
".card .src{color:var(--mute);font-weight:normal;font-size:12px}\n"
".card .q{color:var(--mute);font-size:12px;margin:2px 0 4px}\n"
".finding{margin:6px 0 0 4px;padding-left:8px;border-left:2px solid #e3e7ee}\n"
".finding .id{color:var(--mute);font-size:11px;font-family:monospace}\n"
".finding ul{margin:2px 0;padding-left:18px;font-family:monospace;font-size:12px;"
"overflow-wrap:anywhere;white-space:pre-wrap}\n"
".fix-hint{background:#f4f8fc;border-radius:4px;padding:4px 8px;margin-top:6px;font-size:13px}\n"
".disagree{color:var(--not);font-weight:bold}\n"
".st-ok{color:var(--ok);font-weight:bold}.st-bad{color:var(--not);font-weight:bold}"
".st-skip{color:var(--mute)}\n"
"footer{color:var(--mute);font-size:11px;text-align:center;margin:8px 0 24px}\n"
"@media (max-width:640px){main{padding:0}.page{padding:16px 14px;border-radius:0}"
".hero{flex-direction:column;align-items:stretch}.gauge{margin:0 auto}"
".grid{grid-template-columns:repeat(3,1fr)}.cols{grid-template-columns:1fr}"
"h1{font-size:20px}}\n"
"@page{size:A4;margin:11mm 12mm}\n"
"@media print{html{background:#fff}body{font-size:9pt;line-height:1.45}main{max-width:none;padding:0}"
"h1{font-size:17pt}h2{font-size:12pt;margin:10px 0 5px}h3{margin:10px 0 4px}"
".head{padding-bottom:6px;margin-bottom:8px}.alert{padding:4px 10px;margin:6px 0}"
".gauge{width:112px;height:112px}.lead{font-size:10pt;margin:6px 0}"
".cell{min-height:40px;padding:2px 5px}.cell .lab{font-size:7.5pt;line-height:1.2}"
"h2{margin:8px 0 4px}ol.fix li{margin-bottom:2px}.star{padding:3px 8px;margin:4px 0}"
"ul.plain li{padding:1px 0}.legend{margin:2px 0 0}th,td{padding:2px 5px}"
".page{box-shadow:none;padding:0;margin:0;border-radius:0;break-after:page}"
".page:last-of-type{break-after:auto}h2,h3{break-after:avoid}"
"tr,.card,.star,.cell{break-inside:avoid}.scroll{overflow:visible}footer{display:none}}\n";

static void
rh_t(FILE *f, const char *s)
{
	if (s != NULL)
		rep_markup(f, s);
}

static const char *
rh_pick(const struct report *rep, const char *en, const char *ja)
{
	return strcmp(rep->lang, "ja") == 0 && ja != NULL ? ja : en;
}

static const char *
rh_class(int score, int applicable)
{
	if (!applicable)
		return "sna";
	switch (score) {
	case 4: return "s4";
	case 2: return "s2";
	case 0: return "s0";
	default: return "su";
	}
}

static void
rh_badge(FILE *f, int score, int applicable)
{
	fprintf(f, "<span class=\"b %s\">", rh_class(score, applicable));
	if (!applicable)
		fputs(_("n/a"), f);
	else
		fprintf(f, "%d", score);
	fputs("</span>", f);
}

static const char *
rh_state(const struct score_entry *e)
{
	return e->score == -1 ? rep_unknown_label(e->unknown) :
	    rep_level_label(e->score, e->applicable);
}

static const char *
rh_source(enum score_source s)
{
	switch (s) {
	case SCORE_SRC_EVIDENCE: return _("from evidence");
	case SCORE_SRC_ANSWER: return _("from the answer");
	case SCORE_SRC_BOTH: return _("evidence and answer");
	default: return _("no evidence, no answer");
	}
}

/* A host's level in the fleet matrix: a coloured cell, 4/2/0/-1, n/a or –. */
static void
rh_matrix_cell(FILE *f, int v)
{
	if (v == 4 || v == 2 || v == 0 || v == -1)
		fprintf(f, "<td class=\"%s\">%d</td>", rh_class(v, 1), v);
	else if (v == SA_LEVEL_NA)
		fputs("<td class=\"sna\">n/a</td>", f);
	else
		fputs("<td>–</td>", f);
}

/* A level as a badge in a table cell: 4/2/0/-1, n/a, or – for none. */
static void
rh_level_badge(FILE *f, int v)
{
	fputs("<td>", f);
	if (v == 4 || v == 2 || v == 0 || v == -1)
		rh_badge(f, v, 1);
	else if (v == SA_LEVEL_NA)	/* == ANS_NA */
		rh_badge(f, 4, 0);
	else
		fputs("–", f);
	fputs("</td>", f);
}

static void
rh_time(FILE *f, int64_t t)
{
	char buf[32];

	ut_format_time_utc(t, buf, sizeof(buf));
	rh_t(f, buf);
}

static void
rh_date(FILE *f, int64_t t)
{
	char buf[32];

	ut_format_time_utc(t, buf, sizeof(buf));
	buf[10] = '\0';
	rh_t(f, buf);
}

/* The first sentence of a catalog text, for the summary page. */
static void
rh_first_sentence(FILE *f, const char *s)
{
	const char *end = strstr(s, "。");
	const char *dot = strstr(s, ". ");
	char *cut;

	if (end != NULL)
		end += strlen("。");
	else if (dot != NULL)
		end = dot + 1;
	if (end == NULL) {
		rh_t(f, s);
		return;
	}
	cut = xstrndup(s, (size_t)(end - s));
	rh_t(f, cut);
	free(cut);
}

static void
rh_head(const struct report *rep, FILE *f)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	    strcmp(rep->lang, "ja") == 0 ? "ja" : "en");
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; img-src data:\">\n"
	    "<meta name=\"generator\" content=\"smeaudit ", f);
	rh_t(f, rep->tool_version);
	fputs("\">\n<title>", f);
	rh_t(f, _("Information security self-diagnosis report"));
	fputs(" — ", f);
	rh_t(f, rep->ans->org_name != NULL ? rep->ans->org_name : rep->hostname);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", rh_css);
}

static void
rh_meta_item(FILE *f, const char *label, const char *value)
{
	fputs("<div><dt>", f);
	rh_t(f, label);
	fputs("</dt><dd>", f);
	rh_t(f, value);
	fputs("</dd></div>", f);
}

static void
rh_title(const struct report *rep, FILE *f)
{
	char *hosts = NULL;
	char when[32];

	fputs("<header class=\"head\">\n<div class=\"kicker\">", f);
	rh_t(f, cat_text(&rep->cat->title, rep->lang));
	fputs(" — ", f);
	rh_t(f, _("self-diagnosis (25 items) and checklists"));
	fputs("</div>\n<h1>", f);
	rh_t(f, _("Information security self-diagnosis report"));
	fputs("</h1>\n<dl class=\"meta\">", f);
	if (rep->ans->org_name != NULL) {
		rh_meta_item(f, _("Organization"), rep->ans->org_name);
		if (rep->ans->site != NULL)
			rh_meta_item(f, _("Site"), rep->ans->site);
	}
	if (rep->fleet != NULL) {
		hosts = xasprintf(_("%zu hosts"), rep->fleet->n_hosts);
		rh_meta_item(f, _("Audited"), hosts);
		free(hosts);
	} else
		rh_meta_item(f, _("Host"), rep->hostname);
	ut_format_time_utc(rep->evaluated_at, when, sizeof(when));
	when[10] = '\0';
	rh_meta_item(f, _("Date"), when);
	fputs("</dl>\n</header>\n", f);
	if (!rep->complete) {
		fputs("<div class=\"alert\">", f);
		rh_t(f, rep->interrupted ? _("Incomplete: the audit was interrupted; the scores below are not the whole picture.") :
		    _("Incomplete: a plugin did not finish (see \"How the audit ran\"); items it covers may show as unknown."));
		fputs("</div>\n", f);
	}
}

/* Total score as a ring. */
static void
rh_gauge(const struct report *rep, FILE *f)
{
	const struct score_total *t = &rep->score->total;
	const double circ = 2 * 3.14159265 * 50;
	double ratio = t->max > 0 && t->score > 0 ? (double)t->score / t->max : 0;

	fprintf(f, "<div class=\"total\"><svg class=\"gauge\" viewBox=\"0 0 120 120\" "
	    "role=\"img\" aria-label=\"%d / %d\">\n", t->score, t->max);
	fputs("<circle cx=\"60\" cy=\"60\" r=\"50\" fill=\"none\" stroke=\"#e3e7ee\" "
	    "stroke-width=\"13\"/>\n", f);
	fprintf(f, "<circle cx=\"60\" cy=\"60\" r=\"50\" fill=\"none\" stroke=\"#1f4e79\" "
	    "stroke-width=\"13\" stroke-dasharray=\"%.1f %.1f\" "
	    "transform=\"rotate(-90 60 60)\"/>\n", circ * ratio, circ);
	fprintf(f, "<text x=\"60\" y=\"64\" text-anchor=\"middle\" class=\"g-num\">%d</text>\n",
	    t->score);
	fprintf(f, "<text x=\"60\" y=\"82\" text-anchor=\"middle\" class=\"g-max\">/ %d</text>\n",
	    t->max);
	fputs("</svg>\n", f);
	if (rep->previous != NULL) {
		fputs("<div class=\"g-prev\">", f);
		fprintf(f, _("previous %d (%+d)"), rep->previous->total.score,
		    t->score - rep->previous->total.score);
		fputs("<br><span class=\"tick\"></span> ", f);
		rh_date(f, rep->previous_at);
		fputs("</div>", f);
	}
	fputs("</div>\n", f);
}

/*
 * The category scores as horizontal bars, the previous run as a tick.
 * Lengths are percentages and there is no viewBox, so the text keeps its
 * size from a phone to A4.
 */
static void
rh_bars(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	const double track = 84.0;	/* % of the width; the rest is for the numbers */
	const int row = 46;
	size_t i;

	fprintf(f, "<div class=\"bars\"><svg width=\"100%%\" height=\"%zu\" role=\"img\" "
	    "aria-label=\"", sc->n_categories * row + 2);
	rh_t(f, _("Scores by category"));
	fputs("\">\n", f);
	for (i = 0; i < sc->n_categories; i++) {
		const struct score_total *t = &sc->categories[i];
		int y = (int)i * row;
		double fill = t->max > 0 && t->score > 0 ? track * t->score / t->max : 0;

		fprintf(f, "<text x=\"0\" y=\"%d\">", y + 14);
		rh_t(f, cat_text(&cat->categories[i].label, rep->lang));
		fputs("</text>\n", f);
		fprintf(f, "<rect x=\"0\" y=\"%d\" width=\"%.1f%%\" height=\"16\" rx=\"3\" "
		    "fill=\"#e3e7ee\"/>\n", y + 21, track);
		if (fill > 0)
			fprintf(f, "<rect x=\"0\" y=\"%d\" width=\"%.1f%%\" height=\"16\" "
			    "rx=\"3\" fill=\"#1f4e79\"/>\n", y + 21, fill);
		fprintf(f, "<text x=\"100%%\" y=\"%d\" text-anchor=\"end\">"
		    "<tspan font-weight=\"bold\" font-size=\"16\">%d</tspan><tspan class=\"sub\"> / %d</tspan>"
		    "</text>\n", y + 34, t->score, t->max);
		if (t->unknown > 0) {
			fprintf(f, "<text x=\"%.1f%%\" y=\"%d\" class=\"sub\" "
			    "text-anchor=\"end\">", track, y + 14);
			fprintf(f, _("%d unknown"), t->unknown);
			fputs("</text>\n", f);
		}
		if (rep->previous != NULL && t->max > 0) {
			const struct score_total *p = &rep->previous->categories[i];
			double px = p->score > 0 ? track * p->score / t->max : 0;

			fprintf(f, "<rect x=\"%.1f%%\" y=\"%d\" width=\"3\" height=\"24\" "
			    "fill=\"#c0392b\"><title>", px, y + 17);
			fprintf(f, _("previous %d (%+d)"), p->score, t->score - p->score);
			fputs("</title></rect>\n", f);
		}
	}
	fputs("</svg>\n</div>\n", f);
}

static void
rh_counts(const struct score *sc, int *ok, int *partly, int *not, int *unknown,
    int *na)
{
	size_t i;

	*ok = *partly = *not = *unknown = *na = 0;
	for (i = 0; i < sc->n_items; i++) {
		const struct score_entry *e = &sc->items[i];

		if (!e->applicable)
			(*na)++;
		else if (e->score == 4)
			(*ok)++;
		else if (e->score == 2)
			(*partly)++;
		else if (e->score == 0)
			(*not)++;
		else
			(*unknown)++;
	}
}

static void
rh_lead(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	int ok, partly, not, unknown, na;

	rh_counts(sc, &ok, &partly, &not, &unknown, &na);
	fputs("<p class=\"lead\">", f);
	fprintf(f, _("The total score is %d out of %d."), sc->total.score,
	    sc->total.max);
	fputc(' ', f);
	fprintf(f, _("Of the %zu items: %d in place, %d partly, %d not in place, %d unknown."),
	    sc->n_items, ok, partly, not, unknown);
	if (na > 0) {
		fputc(' ', f);
		fprintf(f, _("Not applicable here: %d."), na);
	}
	if (rep->fleet != NULL) {
		fputc(' ', f);
		fprintf(f, _("An item counts as in place only when it is in place on every host."));
	}
	fputs("</p>\n", f);
}

static void
rh_grid(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t i;

	fputs("<h2>", f);
	rh_t(f, _("The 25 items at a glance"));
	fputs("</h2>\n<div class=\"grid\">\n", f);
	for (i = 0; i < sc->n_items; i++) {
		const struct score_entry *e = &sc->items[i];

		fprintf(f, "<a class=\"cell %s\" href=\"#item-%d\" title=\"",
		    rh_class(e->score, e->applicable), e->number);
		rh_t(f, rh_state(e));
		fprintf(f, "\"><span class=\"top\"><span>%d</span><span>", e->number);
		if (!e->applicable)
			rh_t(f, _("n/a"));
		else
			fprintf(f, "%d", e->score);
		if (rep->previous != NULL && rep->previous->items[i].score != e->score)
			fprintf(f, " <small>(%+d)</small>",
			    e->score - rep->previous->items[i].score);
		fputs("</span></span><span class=\"lab\">", f);
		rh_t(f, cat_text(&cat->items[i].label, rep->lang));
		fputs("</span></a>\n", f);
	}
	fputs("</div>\n<div class=\"legend\">", f);
	fputs("<span><span class=\"b s4\">4</span> ", f);
	rh_t(f, _("in place"));
	fputs("</span><span><span class=\"b s2\">2</span> ", f);
	rh_t(f, _("partly"));
	fputs("</span><span><span class=\"b s0\">0</span> ", f);
	rh_t(f, _("not in place"));
	fputs("</span><span><span class=\"b su\">-1</span> ", f);
	rh_t(f, _("unknown"));
	fputs("</span><span><span class=\"b sna\">", f);
	rh_t(f, _("n/a"));
	fputs("</span> ", f);
	rh_t(f, _("does not apply (counts as 4)"));
	fputs("</span></div>\n", f);
}

/* Why an item is where it is, in a few words. */
static void
rh_reason(const struct report *rep, FILE *f, const struct score_entry *e)
{
	size_t k, bad = 0;
	const struct fnd_finding *first = NULL;

	for (k = 0; k < e->n_findings; k++) {
		const struct fnd_finding *fd = &rep->store->v[e->findings[k]];

		if (fd->scored && fd->level < SA_LEVEL_IMPLEMENTED &&
		    fd->level != SA_LEVEL_UNKNOWN) {
			if (first == NULL)
				first = fd;
			bad++;
		}
	}
	rh_t(f, rh_state(e));
	fputs(" · ", f);
	if (first != NULL) {
		rh_t(f, rh_pick(rep, first->title_en, first->title_ja));
		if (bad > 1) {
			fputs(" ", f);
			fprintf(f, _("(+%zu more findings)"), bad - 1);
		}
	} else
		rh_t(f, rh_source(e->source));
}

static void
rh_fix_first(const struct report *rep, FILE *f)
{
	const struct catalog *cat = rep->cat;
	size_t order[RH_FIX_FIRST], n, i;

	fputs("<h2>", f);
	rh_t(f, _("Fix these first"));
	fputs("</h2>\n", f);
	n = rep_fix_first(rep, order, RH_FIX_FIRST);
	if (n == 0) {
		fputs("<p>", f);
		rh_t(f, _("No item is below 4: keep it that way and review regularly."));
		fputs("</p>\n", f);
	} else
		fputs("<ol class=\"fix\">\n", f);
	for (i = 0; i < n; i++) {
		const struct score_entry *e = &rep->score->items[order[i]];
		const struct cat_item *it = &cat->items[order[i]];

		fputs("<li>", f);
		rh_badge(f, e->score, e->applicable);
		fprintf(f, " <a href=\"#item-%d\"><strong>No.%d ", e->number, e->number);
		rh_t(f, cat_text(&it->label, rep->lang));
		fputs("</strong></a> <span class=\"why\">", f);
		rh_reason(rep, f, e);
		fputs("</span><br>", f);
		rh_first_sentence(f, cat_text(&it->advice, rep->lang));
		fputs("</li>\n", f);
	}
	if (n > 0)
		fputs("</ol>\n", f);
}

static void
rh_rules(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	size_t i;

	fputs("<h2>", f);
	rh_t(f, _("The five basic rules (5か条)"));
	fputs("</h2>\n<ul class=\"plain\">\n", f);
	for (i = 0; i < sc->n_rules; i++) {
		fputs("<li>", f);
		rh_badge(f, sc->rules[i], 1);
		fprintf(f, "<span>%zu. ", i + 1);
		rh_t(f, cat_text(&rep->cat->rules[i].label, rep->lang));
		fputs("</span></li>\n", f);
	}
	fputs("</ul>\n", f);
}

static const struct cat_declaration *
rh_declaration(const struct catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->n_declarations; i++)
		if (strcmp(cat->declarations[i].id, id) == 0)
			return &cat->declarations[i];
	return NULL;
}

/* label (the catalog's, or short when NULL) and whether the evidence supports it. */
static void
rh_star_line(const struct report *rep, FILE *f, const char *id,
    const char *short_label, int supported)
{
	const struct cat_declaration *d = rh_declaration(rep->cat, id);

	fputs("<strong>", f);
	rh_t(f, short_label != NULL ? short_label : d != NULL ?
	    cat_text(&d->label, rep->lang) : "SECURITY ACTION");
	fputs("</strong> ", f);
	fprintf(f, "<span class=\"%s\">", supported ? "yes" : "no");
	rh_t(f, supported ? _("the evidence supports declaring it") :
	    _("not yet supported by the evidence"));
	fputs("</span>", f);
}

/* The two declarations in two lines; the readiness page has the reasons. */
static void
rh_action_summary(const struct report *rep, FILE *f)
{
	struct rep_readiness r;

	rep_readiness(rep, &r);
	fputs("<div class=\"star\">SECURITY ACTION<br>", f);
	rh_star_line(rep, f, "one-star", _("★ One star:"), r.one_star);
	fputs("<br>", f);
	rh_star_line(rep, f, "two-star", _("★★ Two stars:"), r.two_star);
	fputs("<br><span class=\"note\">", f);
	rh_t(f, _("Self-declaration support, not a certification."));
	fputs(" <a href=\"#readiness\">", f);
	rh_t(f, _("Why"));
	fputs("</a></span></div>\n", f);
}

static void
rh_facts(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t i, n = 0;

	fputs("<h2>", f);
	rh_t(f, _("Unknown and contradicted"));
	fputs("</h2>\n<p>", f);
	if (sc->total.unknown == 0)
		rh_t(f, _("Every item could be assessed."));
	else {
		fprintf(f, _("%d items are unknown (-1):"), sc->total.unknown);
		for (i = 0; i < sc->n_items; i++)
			if (sc->items[i].score == -1)
				fprintf(f, " <a href=\"#item-%d\">%d</a>", sc->items[i].number,
				    sc->items[i].number);
		fputs(". ", f);
		rh_t(f, _("Answer them in the answers file so the score is complete."));
	}
	fputs("</p>\n", f);
	for (i = 0; i < sc->n_items + sc->n_cloud; i++) {
		int cloud = i >= sc->n_items;
		const struct score_entry *e = cloud ? &sc->cloud[i - sc->n_items] :
		    &sc->items[i];

		if (!e->disagreement)
			continue;
		if (n++ == 0) {
			fputs("<p>", f);
			rh_t(f, _("Answer and evidence disagree (the evidence decides):"));
			fputs("</p>\n<table><thead><tr><th>", f);
			rh_t(f, _("Item"));
			fputs("</th><th>", f);
			rh_t(f, _("Answer"));
			fputs("</th><th>", f);
			rh_t(f, _("Evidence"));
			fputs("</th></tr></thead><tbody>\n", f);
		}
		fputs("<tr><td>", f);
		if (cloud) {
			rh_t(f, _("Cloud"));
			fputc(' ', f);
		}
		fprintf(f, "<a href=\"#%s-%d\">%d</a> ", cloud ? "cloud" : "item",
		    e->number, e->number);
		rh_t(f, cat_text(cloud ? &cat->cloud[e->number - 1].label :
		    &cat->items[e->number - 1].label, rep->lang));
		fputs("</td>", f);
		rh_level_badge(f, e->answer);
		rh_level_badge(f, e->evidence);
		fputs("</tr>\n", f);
	}
	if (n > 0)
		fputs("</tbody></table>\n", f);
	else {
		fputs("<p>", f);
		rh_t(f, _("No answer contradicts the evidence."));
		fputs("</p>\n", f);
	}
}

static void
rh_summary(const struct report *rep, FILE *f)
{
	fputs("<section class=\"page\" id=\"summary\">\n", f);
	rh_title(rep, f);
	fputs("<div class=\"hero\">\n", f);
	rh_gauge(rep, f);
	rh_bars(rep, f);
	fputs("</div>\n", f);
	rh_lead(rep, f);
	rh_grid(rep, f);
	fputs("<div class=\"cols\">\n<div>\n", f);
	rh_fix_first(rep, f);
	fputs("</div>\n<div>\n", f);
	rh_rules(rep, f);
	rh_action_summary(rep, f);
	rh_facts(rep, f);
	fputs("</div>\n</div>\n</section>\n", f);
}

/* One basic rule that is not in place, and why: its items' states. */
static void
rh_rule_why(const struct report *rep, FILE *f, size_t r)
{
	const struct cat_rule *rule = &rep->cat->rules[r];
	size_t j;

	fputs("<li>", f);
	rh_badge(f, rep->score->rules[r], 1);
	fprintf(f, "<span><strong>%zu. ", r + 1);
	rh_t(f, cat_text(&rule->label, rep->lang));
	fputs("</strong><br><span class=\"why\">", f);
	for (j = 0; j < rule->n_items; j++) {
		const struct score_entry *e = &rep->score->items[rule->items[j] - 1];

		fprintf(f, "%s<a href=\"#item-%d\">%s %d</a>: ", j > 0 ? "; " : "",
		    e->number, _("item"), e->number);
		rh_reason(rep, f, e);
	}
	fputs("</span><br>", f);
	rh_t(f, cat_text(&rule->advice, rep->lang));
	fputs("</span></li>\n", f);
}

static void
rh_check(FILE *f, int ok, const char *text)
{
	fprintf(f, "<li><span class=\"b %s\">%s</span><span>", ok ? "s4" : "s0",
	    ok ? "✓" : "✗");
	rh_t(f, text);
	fputs("</span></li>\n", f);
}

static void
rh_readiness(const struct report *rep, FILE *f)
{
	const struct cat_declaration *one = rh_declaration(rep->cat, "one-star");
	const struct cat_declaration *two = rh_declaration(rep->cat, "two-star");
	const struct answers *ans = rep->ans;
	struct rep_readiness r;
	size_t i;
	char *s;

	rep_readiness(rep, &r);
	fputs("<section class=\"page\" id=\"readiness\">\n<h2>", f);
	rh_t(f, _("SECURITY ACTION readiness"));
	fputs("</h2>\n<p>", f);
	rh_t(f, _("Which SECURITY ACTION self-declaration the evidence in this report supports."));
	fputc(' ', f);
	if (one != NULL && one->note.en != NULL)
		rh_t(f, cat_text(&one->note, rep->lang));
	fputs("</p>\n<h3>", f);
	rh_star_line(rep, f, "one-star", NULL, r.one_star);
	fputs("</h3>\n", f);
	if (one != NULL) {
		fputs("<p class=\"note\">", f);
		rh_t(f, cat_text(&one->requirement, rep->lang));
		fputs("</p>\n", f);
	}
	if (r.one_star) {
		fputs("<p>", f);
		rh_t(f, _("All five basic rules are in place."));
		fputs("</p>\n", f);
	} else {
		fputs("<p>", f);
		rh_t(f, _("These basic rules are not fully in place yet:"));
		fputs("</p>\n<ul class=\"plain\">\n", f);
		for (i = 0; i < rep->score->n_rules; i++)
			if (rep->score->rules[i] != 4)
				rh_rule_why(rep, f, i);
		fputs("</ul>\n", f);
	}
	fputs("<h3>", f);
	rh_star_line(rep, f, "two-star", NULL, r.two_star);
	fputs("</h3>\n", f);
	if (two != NULL) {
		fputs("<p class=\"note\">", f);
		rh_t(f, cat_text(&two->requirement, rep->lang));
		fputs("</p>\n", f);
	}
	fputs("<ul class=\"plain\">\n", f);
	if (r.diagnosis_done)
		rh_check(f, 1, _("Self-diagnosis done: all 25 items are answered or assessed."));
	else {
		s = xasprintf(_("Self-diagnosis not finished: %d items are unknown."),
		    r.unknown_items);
		rh_check(f, 0, s);
		free(s);
	}
	rh_check(f, ans->basic_policy == 1, ans->basic_policy == 1 ?
	    _("A basic information security policy exists.") :
	    ans->basic_policy == 0 ? _("The answers say there is no basic information security policy.") :
	    _("Nobody answered whether a basic policy exists ([organization] basic_policy)."));
	if (ans->basic_policy_location != NULL && ans->basic_policy_location[0] != '\0') {
		s = xasprintf("%s %s", _("It is published at:"), ans->basic_policy_location);
		rh_check(f, 1, s);
		free(s);
	} else
		rh_check(f, 0, _("Where the policy is published is not recorded ([organization] basic_policy_location)."));
	fputs("</ul>\n</section>\n", f);
}

static void
rh_fleet(const struct report *rep, FILE *f)
{
	const struct rep_fleet *fl = rep->fleet;
	const struct score *sc = rep->score;
	size_t i, k;

	if (fl == NULL)
		return;
	fputs("<section class=\"page\" id=\"hosts\">\n<h2>", f);
	rh_t(f, _("Hosts and items"));
	fputs("</h2>\n<p>", f);
	rh_t(f, _("What each host's own evidence says per item. The fleet row combines them: 4 only when every host that could tell is at 4, 0 only when every one is at 0, otherwise 2; -1 when no host could tell. Answers are applied once, to the fleet."));
	fputs("</p>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th class=\"host\">", f);
	rh_t(f, _("Host"));
	fputs("</th>", f);
	for (i = 0; i < sc->n_items; i++)
		fprintf(f, "<th>%zu</th>", i + 1);
	fputs("<th>", f);
	rh_t(f, _("Total"));
	fputs("</th></tr></thead><tbody>\n", f);
	for (k = 0; k < fl->n_hosts; k++) {
		const struct rep_host *h = &fl->hosts[k];

		fputs("<tr><td class=\"host\">", f);
		rh_t(f, h->hostname);
		if (!h->complete) {
			fputs(" <span class=\"st-bad\">", f);
			rh_t(f, _("(incomplete)"));
			fputs("</span>", f);
		}
		fputs("</td>", f);
		for (i = 0; i < sc->n_items; i++)
			rh_matrix_cell(f, h->items[i]);
		fprintf(f, "<td>%d</td></tr>\n", h->score->total.score);
	}
	fputs("<tr><th class=\"host\">", f);
	rh_t(f, _("Fleet (with answers)"));
	fputs("</th>", f);
	for (i = 0; i < sc->n_items; i++) {
		fprintf(f, "<td class=\"%s\">", rh_class(sc->items[i].score,
		    sc->items[i].applicable));
		if (sc->items[i].applicable)
			fprintf(f, "%d", sc->items[i].score);
		else
			rh_t(f, _("n/a"));
		fputs("</td>", f);
	}
	fprintf(f, "<td><strong>%d</strong></td></tr>\n</tbody></table></div>\n",
	    sc->total.score);
	fputs("<p class=\"note\">", f);
	rh_t(f, _("– no evidence from that host; n/a nothing of the kind there."));
	fputs("</p>\n", f);
	if (fl->n_dropped > 0) {
		fputs("<p class=\"note\">", f);
		rh_t(f, _("Left out as older reports of the same host:"));
		for (i = 0; i < fl->n_dropped; i++) {
			fputs(i > 0 ? ", " : " ", f);
			rh_t(f, fl->dropped[i].file);
			fputs(" (", f);
			rh_t(f, fl->dropped[i].hostname);
			fputs(")", f);
		}
		fputs("</p>\n", f);
	}
	fputs("</section>\n", f);
}

static void
rh_finding(const struct report *rep, FILE *f, const struct fnd_finding *fd)
{
	const char *detail = rh_pick(rep, fd->detail_en, fd->detail_ja);
	const char *fix = rh_pick(rep, fd->remediation_en, fd->remediation_ja);
	size_t i;

	fputs("<div class=\"finding\">", f);
	if (fd->level == SA_LEVEL_UNKNOWN || fd->level == SA_LEVEL_NA)
		rh_badge(f, fd->level == SA_LEVEL_NA ? 4 : -1, fd->level != SA_LEVEL_NA);
	else
		rh_badge(f, fd->level, 1);
	fputs(" <strong>", f);
	rh_t(f, rh_pick(rep, fd->title_en, fd->title_ja));
	fputs("</strong> <span class=\"id\">", f);
	rh_t(f, fd->check);
	if (fd->level < SA_LEVEL_IMPLEMENTED && fd->level != SA_LEVEL_UNKNOWN) {
		fputs(" · ", f);
		rh_t(f, rep_severity_label(fd->severity));
	}
	if (fd->count > 1)
		fprintf(f, " · ×%llu", (unsigned long long)fd->count);
	fputs("</span>", f);
	if (!fd->scored) {
		fputs(" <span class=\"st-bad\">", f);
		rh_t(f, _("not scored: its plugin failed"));
		fputs("</span>", f);
	}
	if (detail != NULL) {
		fputs("<br>", f);
		rh_t(f, detail);
	}
	if (fd->n_examples > 0) {
		fputs("<ul>", f);
		for (i = 0; i < fd->n_examples; i++) {
			fputs("<li>", f);
			rh_t(f, fd->examples[i]);
			fputs("</li>", f);
		}
		if (fd->count > fd->n_examples)
			fprintf(f, "<li>… %s %llu</li>", _("and more:"),
			    (unsigned long long)(fd->count - fd->n_examples));
		fputs("</ul>", f);
	}
	if (fd->evidence != NULL) {
		fputs("<div class=\"why\">", f);
		rh_t(f, _("evidence:"));
		fputc(' ', f);
		rh_t(f, fd->evidence);
		fputs("</div>", f);
	}
	if (fix != NULL && fd->level < SA_LEVEL_IMPLEMENTED &&
	    fd->level != SA_LEVEL_UNKNOWN) {
		fputs("<div class=\"fix-hint\">", f);
		rh_t(f, _("Remediation:"));
		fputc(' ', f);
		rh_t(f, fix);
		fputs("</div>", f);
	}
	fputs("</div>\n", f);
}

static void
rh_entry(const struct report *rep, FILE *f, const char *anchor,
    const struct score_entry *e, const struct score_entry *prev,
    const struct cat_text *label, const struct cat_text *question,
    const struct cat_text *advice)
{
	size_t i;

	fprintf(f, "<article class=\"card %s\" id=\"%s-%d\">\n<h4>",
	    !e->applicable ? "cna" : e->score == 4 ? "c4" : e->score == 2 ? "c2" :
	    e->score == 0 ? "c0" : "cu", anchor, e->number);
	rh_badge(f, e->score, e->applicable);
	fprintf(f, "<span>%d. ", e->number);
	rh_t(f, cat_text(label, rep->lang));
	fputs("</span><span class=\"src\">", f);
	rh_t(f, rh_state(e));
	fputs(" · ", f);
	rh_t(f, rh_source(e->source));
	if (prev != NULL) {
		fputs(" · ", f);
		fprintf(f, _("previous %d (%+d)"), prev->score, e->score - prev->score);
	}
	fputs("</span></h4>\n", f);
	if (question != NULL && question->en != NULL) {
		fputs("<div class=\"q\">", f);
		rh_t(f, cat_text(question, rep->lang));
		fputs("</div>\n", f);
	}
	if (e->disagreement) {
		fputs("<div class=\"disagree\">", f);
		fprintf(f, _("The answer says %s, the evidence says %s: the evidence decides."),
		    ans_value_name(e->answer), ans_value_name(e->evidence));
		fputs("</div>\n", f);
	}
	if (e->failed_plugins != NULL && e->unknown == SCORE_UNK_CHECK_FAILED) {
		fputs("<div class=\"st-bad\">", f);
		rh_t(f, _("The plugin that checks this failed:"));
		fputc(' ', f);
		rh_t(f, e->failed_plugins);
		fputs("</div>\n", f);
	}
	if (e->note != NULL) {
		fputs("<div>", f);
		rh_t(f, _("Note from the answers:"));
		fputc(' ', f);
		rh_t(f, e->note);
		fputs("</div>\n", f);
	}
	for (i = 0; i < e->n_findings; i++)
		rh_finding(rep, f, &rep->store->v[e->findings[i]]);
	if (e->unknown == SCORE_UNK_NOBODY && question != NULL) {
		fputs("<div class=\"why\">", f);
		fprintf(f, _("Nothing on the host shows this: answer it in the answers file ([diagnosis] %d = 4, 2, 0 or -1)."),
		    e->number);
		fputs("</div>\n", f);
	}
	if (e->score < 4 && advice != NULL && advice->en != NULL) {
		fputs("<div class=\"fix-hint\"><strong>", f);
		rh_t(f, _("What to do:"));
		fputs("</strong> ", f);
		rh_t(f, cat_text(advice, rep->lang));
		fputs("</div>\n", f);
	}
	fputs("</article>\n", f);
}

static void
rh_items(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t c, i;

	fputs("<section class=\"page\" id=\"items\">\n<h2>", f);
	rh_t(f, _("The 25 items in detail"));
	fputs("</h2>\n", f);
	for (c = 0; c < cat->n_categories; c++) {
		fputs("<h3>", f);
		rh_t(f, cat_text(&cat->categories[c].label, rep->lang));
		fprintf(f, " — %d / %d</h3>\n<p class=\"note\">", sc->categories[c].score,
		    sc->categories[c].max);
		rh_t(f, cat_text(&cat->categories[c].summary, rep->lang));
		fputs("</p>\n", f);
		for (i = 0; i < sc->n_items; i++)
			if (cat->items[i].category == (int)c)
				rh_entry(rep, f, "item", &sc->items[i],
				    rep->previous != NULL ? &rep->previous->items[i] : NULL,
				    &cat->items[i].label, &cat->items[i].question,
				    &cat->items[i].advice);
	}
	fputs("</section>\n", f);
}

static void
rh_cloud(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	size_t i, k, g;

	if (sc->n_cloud == 0)
		return;
	fputs("<section class=\"page\" id=\"cloud\">\n<h2>", f);
	rh_t(f, _("Cloud services checklist"));
	fprintf(f, " — %d / %d</h2>\n", sc->cloud_total.score, sc->cloud_total.max);
	if (sc->n_services == 0 && sc->cloud_total.unknown == (int)sc->n_cloud) {
		fputs("<p>", f);
		rh_t(f, _("Nobody answered the cloud checklist. List your cloud services in the answers file ([service.ID] sections) to fill it in."));
		fputs("</p>\n</section>\n", f);
		return;
	}
	fputs("<p>", f);
	rh_t(f, _("Per service, its score from the answers and any evidence about it; the score column combines them: 4 only when every service is at 4, 0 when every one is at 0, otherwise 2 (a service nobody answered is a gap). ! marks an answer the evidence contradicts."));
	fputs("</p>\n<div class=\"scroll\"><table><thead><tr><th>", f);
	rh_t(f, _("Item"));
	fputs("</th><th>", f);
	rh_t(f, _("Score"));
	fputs("</th>", f);
	for (k = 0; k < sc->n_services; k++) {
		fputs("<th>", f);
		rh_t(f, sc->services[k].label != NULL ? sc->services[k].label :
		    sc->services[k].id);
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
	for (g = 0; g < cat->n_groups; g++) {
		fprintf(f, "<tr><th colspan=\"%zu\">", sc->n_services + 2);
		rh_t(f, cat_text(&cat->groups[g].label, rep->lang));
		fputs("</th></tr>\n", f);
		for (i = 0; i < sc->n_cloud; i++) {
			const struct score_entry *e = &sc->cloud[i];

			if (cat->cloud[i].group != (int)g)
				continue;
			fprintf(f, "<tr id=\"cloud-%d\"><td>%d. ", e->number, e->number);
			rh_t(f, cat_text(&cat->cloud[i].label, rep->lang));
			if (e->disagreement) {
				fputs(" <span class=\"disagree\">", f);
				rh_t(f, _("(answer contradicts evidence)"));
				fputs("</span>", f);
			}
			if (e->score < 4) {
				fputs("<br><span class=\"why\">", f);
				rh_t(f, cat_text(&cat->cloud[i].advice, rep->lang));
				fputs("</span>", f);
			}
			fputs("</td><td>", f);
			rh_badge(f, e->score, e->applicable);
			fputs("</td>", f);
			for (k = 0; k < sc->n_services; k++) {
				const struct score_entry *se = &sc->services[k].items[i];

				fputs("<td>", f);
				rh_badge(f, se->score, se->applicable);
				if (se->disagreement)
					fputs(" <span class=\"disagree\">!</span>", f);
				fputs("</td>", f);
			}
			fputs("</tr>\n", f);
		}
	}
	fputs("</tbody></table></div>\n", f);
	for (i = 0, k = 0; i < sc->n_cloud; i++) {
		if (sc->cloud[i].n_findings == 0)
			continue;
		if (k++ == 0) {
			fputs("<h3>", f);
			rh_t(f, _("What the hosts show about the cloud checklist"));
			fputs("</h3>\n", f);
		}
		rh_entry(rep, f, "cloud-evidence", &sc->cloud[i], NULL,
		    &cat->cloud[i].label, NULL, NULL);
	}
	fputs("</section>\n", f);
}

static void
rh_ledger(const struct report *rep, FILE *f)
{
	const struct rep_ledger *lg = rep->ledger;
	const struct rep_risk **rows;
	static const char *const bands[] = { "s4", "s2", "s0" };
	size_t i;

	if (lg == NULL)
		return;
	fputs("<section class=\"page\" id=\"risk\">\n<h2>", f);
	rh_t(f, _("Risk ledger"));
	fputs("</h2>\n<p>", f);
	rh_t(f, _("The information assets by risk, highest first: risk = importance (the highest of confidentiality, integrity and availability) × likelihood (from threat and vulnerability)."));
	fputs(" <span class=\"note\">", f);
	rh_t(f, lg->file);
	fputs("</span></p>\n<div class=\"scroll\"><table><thead><tr><th>", f);
	rh_t(f, _("Risk"));
	fputs("</th><th>", f);
	rh_t(f, _("Information asset"));
	fputs("</th><th>", f);
	rh_t(f, _("Business"));
	fputs("</th><th>", f);
	rh_t(f, _("Importance"));
	fputs("</th><th>", f);
	rh_t(f, _("Likelihood"));
	fputs("</th><th>", f);
	rh_t(f, _("Treatment"));
	fputs("</th></tr></thead><tbody>\n", f);
	rows = rep_ledger_sorted(lg);
	for (i = 0; i < lg->n_rows; i++) {
		const struct rep_risk *r = rows[i];
		int band = r->band >= REP_RISK_LOW && r->band <= REP_RISK_HIGH ? r->band : 0;

		fprintf(f, "<tr><td><span class=\"b %s\">", bands[band]);
		rh_t(f, r->band_label != NULL ? r->band_label : band == REP_RISK_HIGH ?
		    _("high risk") : band == REP_RISK_MEDIUM ? _("medium risk") :
		    _("low risk"));
		fprintf(f, " %d</span></td><td>", r->value);
		rh_t(f, r->asset);
		fputs("</td><td>", f);
		rh_t(f, r->business);
		fprintf(f, "</td><td>%d</td><td>%d</td><td>", r->importance, r->likelihood);
		rh_t(f, r->treatment);
		if (r->untreated) {
			fputs("<span class=\"st-bad\">", f);
			rh_t(f, _("not decided yet: choose to reduce, retain, avoid or transfer"));
			fputs("</span>", f);
		}
		if (r->note != NULL) {
			fputs("<br><span class=\"why\">", f);
			rh_t(f, r->note);
			fputs("</span>", f);
		}
		fputs("</td></tr>\n", f);
	}
	free(rows);
	fputs("</tbody></table></div>\n</section>\n", f);
}

static void
rh_plugins(const struct report *rep, FILE *f)
{
	size_t i;
	int fleet = rep->fleet != NULL;

	fputs("<section class=\"page\" id=\"run\">\n<h2>", f);
	rh_t(f, _("How the audit ran"));
	fputs("</h2>\n<div class=\"scroll\"><table><thead><tr>", f);
	if (fleet) {
		fputs("<th>", f);
		rh_t(f, _("Host"));
		fputs("</th>", f);
	}
	fputs("<th>", f);
	rh_t(f, _("Plugin"));
	fputs("</th><th>", f);
	rh_t(f, _("Version"));
	fputs("</th><th>", f);
	rh_t(f, _("Status"));
	fputs("</th><th>", f);
	rh_t(f, _("Time"));
	fputs("</th><th>", f);
	rh_t(f, _("Reason"));
	fputs("</th></tr></thead><tbody>\n", f);
	if (rep->n_plugins == 0) {
		fprintf(f, "<tr><td colspan=\"%d\">", fleet ? 6 : 5);
		rh_t(f, _("No plugin ran: nothing was checked by a machine."));
		fputs("</td></tr>\n", f);
	}
	for (i = 0; i < rep->n_plugins; i++) {
		const struct rep_plugin *p = &rep->plugins[i];
		int ok = strcmp(p->status, "ok") == 0;
		int skipped = strcmp(p->status, "skipped") == 0;

		fputs("<tr>", f);
		if (fleet) {
			fputs("<td>", f);
			rh_t(f, p->host);
			fputs("</td>", f);
		}
		fputs("<td>", f);
		rh_t(f, p->name);
		fputs("</td><td>", f);
		rh_t(f, p->version != NULL ? p->version : "–");
		fprintf(f, "</td><td class=\"%s\">", ok ? "st-ok" : skipped ? "st-skip" :
		    "st-bad");
		rh_t(f, rep_status_label(p->status));
		fprintf(f, "</td><td>%lld ms</td><td>", (long long)p->duration_ms);
		rh_t(f, p->reason);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div>\n", f);
}

static void
rh_meta(const struct report *rep, FILE *f)
{
	const struct answers *ans = rep->ans;
	char *s;
	size_t i;

	fputs("<h3>", f);
	rh_t(f, _("About this report"));
	fputs("</h3>\n<table><tbody>\n<tr><th>", f);
	rh_t(f, _("Generated"));
	fputs("</th><td>", f);
	rh_time(f, rep->generated_at);
	fputs("</td></tr>\n<tr><th>", f);
	rh_t(f, _("Evaluated as of"));
	fputs("</th><td>", f);
	rh_time(f, rep->evaluated_at);
	fputs("</td></tr>\n<tr><th>", f);
	rh_t(f, rep->fleet != NULL ? _("Hosts") : _("Host"));
	fputs("</th><td>", f);
	if (rep->fleet != NULL)
		for (i = 0; i < rep->fleet->n_hosts; i++) {
			const struct rep_host *h = &rep->fleet->hosts[i];

			fputs(i > 0 ? "<br>" : "", f);
			rh_t(f, h->hostname);
			fputs(" (", f);
			rh_t(f, h->file);
			fputs(", ", f);
			rh_time(f, h->generated_at);
			fputs(")", f);
		}
	else {
		rh_t(f, rep->hostname);
		fputs(" — ", f);
		rh_t(f, _("root"));
		fputc(' ', f);
		rh_t(f, rep->root);
		if (rep->live) {
			fputs(" (", f);
			rh_t(f, _("live system"));
			fputc(')', f);
		}
	}
	fputs("</td></tr>\n<tr><th>", f);
	rh_t(f, _("Guideline"));
	fputs("</th><td>", f);
	rh_t(f, cat_text(&rep->cat->title, rep->lang));
	fputs(" (", f);
	rh_t(f, rep->cat->publisher);
	fputs(", ", f);
	rh_t(f, rep->cat->edition);
	fputs(")</td></tr>\n<tr><th>", f);
	rh_t(f, _("Answers files"));
	fputs("</th><td>", f);
	if (ans->n_files == 0)
		rh_t(f, _("none"));
	for (i = 0; i < ans->n_files; i++) {
		fputs(i > 0 ? "<br>" : "", f);
		rh_t(f, ans->files[i]);
	}
	fputs("</td></tr>\n", f);
	if (rep->previous != NULL) {
		fputs("<tr><th>", f);
		rh_t(f, _("Compared with"));
		fputs("</th><td>", f);
		rh_time(f, rep->previous_at);
		fputs("</td></tr>\n", f);
	}
	fputs("<tr><th>", f);
	rh_t(f, _("Tool"));
	fputs("</th><td>smeaudit ", f);
	rh_t(f, rep->tool_version);
	if (rep->pcre2_version != NULL) {
		s = xasprintf(", PCRE2 %s, JIT %s", rep->pcre2_version,
		    rep->jit ? "on" : "off");
		rh_t(f, s);
		free(s);
	}
	fputs("</td></tr>\n</tbody></table>\n<p class=\"note\">", f);
	rh_t(f, _("Scores follow the self-diagnosis scale of the guideline: 4 in place, 2 partly, 0 not in place, -1 unknown; 25 items, 100 points at most. Evidence from the host decides over an answer; where they disagree the report says so."));
	fputs("</p>\n</section>\n", f);
}

int
rep_write_html(const struct report *rep, FILE *f)
{
	rh_head(rep, f);
	rh_summary(rep, f);
	rh_readiness(rep, f);
	rh_fleet(rep, f);
	rh_items(rep, f);
	rh_cloud(rep, f);
	rh_ledger(rep, f);
	rh_plugins(rep, f);
	rh_meta(rep, f);
	fputs("</main>\n<footer>smeaudit ", f);
	rh_t(f, rep->tool_version);
	fputs("</footer>\n</body>\n</html>\n", f);
	return ferror(f) ? -1 : 0;
}
