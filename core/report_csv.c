/* SPDX-License-Identifier: MIT */
/*
 * The CSV report, for Excel and scripts: RFC 4180 (CRLF, quotes doubled
 * in quoted fields), UTF-8 with a byte order mark so that Excel in Japan
 * does not read it as Shift_JIS ("csv-nobom" leaves the mark out).
 *
 * One file, several tables separated by an empty line; each begins with
 * a header row whose first cell is "record", and the first cell of each
 * data row names its table (report, item, cloud, service, finding,
 * plugin, host, risk).  Columns are documented in docs/reports.md and
 * are only ever added at the end.
 *
 * Text that came from audited files could start a formula in a
 * spreadsheet (=, +, -, @): such cells get a leading apostrophe.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "report.h"

#define RC_EOL "\r\n"

static void
rc_sep(FILE *f, int *col)
{
	if ((*col)++ > 0)
		fputc(',', f);
}

/* One text cell; NULL is an empty cell. */
static void
rc_text(FILE *f, int *col, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i, k;

	rc_sep(f, col);
	if (s == NULL)
		return;
	n = strlen(s);
	fputc('"', f);
	if (strchr("=+-@\t\r", p[0]) != NULL && p[0] != '\0')
		fputc('\'', f);
	for (i = 0; i < n;) {
		if (p[i] == '"') {
			fputs("\"\"", f);
			i++;
		} else if (p[i] == '\n' || p[i] == '\t') {
			fputc(p[i++], f);
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			fputc('?', f);
			i++;
		} else if (p[i] < 0x80) {
			fputc(p[i++], f);
		} else if ((k = ut_utf8_seq(p + i, n - i)) == 0) {
			fprintf(f, "\\x%c%c", hex[p[i] >> 4], hex[p[i] & 15]);
			i++;
		} else {
			fwrite(p + i, 1, k, f);
			i += k;
		}
	}
	fputc('"', f);
}

static void
rc_int(FILE *f, int *col, long long v)
{
	rc_sep(f, col);
	fprintf(f, "%lld", v);
}

static void
rc_bool(FILE *f, int *col, int v)
{
	rc_sep(f, col);
	fputs(v ? "yes" : "no", f);
}

/* 4/2/0/-1, "na", or empty for none. */
static void
rc_level(FILE *f, int *col, int v)
{
	rc_sep(f, col);
	if (v == 4 || v == 2 || v == 0 || v == -1)
		fprintf(f, "%d", v);
	else if (v == SA_LEVEL_NA || v == ANS_NA)
		fputs("na", f);
}

/* A header row: "record" and the names, comma-separated in names. */
static void
rc_header(FILE *f, const char *names)
{
	fprintf(f, "record,%s" RC_EOL, names);
}

static void
rc_end(FILE *f, int *col)
{
	fputs(RC_EOL, f);
	*col = 0;
}

static const char *
rc_pick(const struct report *rep, const char *en, const char *ja)
{
	return strcmp(rep->lang, "ja") == 0 && ja != NULL ? ja : en;
}

static void
rc_summary(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	char when[32];
	size_t i;
	int col = 0;

	fputs("record,hostname,generated_at,evaluated_at,edition,lang,complete,"
	    "total,max,min,unknown,disagreements", f);
	for (i = 0; i < cat->n_categories; i++)
		fprintf(f, ",%s", cat->categories[i].id);
	fputs(",cloud,org_name" RC_EOL, f);
	rc_text(f, &col, "report");
	rc_text(f, &col, rep->hostname);
	ut_format_time_utc(rep->generated_at, when, sizeof(when));
	rc_text(f, &col, when);
	ut_format_time_utc(rep->evaluated_at, when, sizeof(when));
	rc_text(f, &col, when);
	rc_text(f, &col, cat->edition);
	rc_text(f, &col, rep->lang);
	rc_bool(f, &col, rep->complete);
	rc_int(f, &col, sc->total.score);
	rc_int(f, &col, sc->total.max);
	rc_int(f, &col, sc->total.min);
	rc_int(f, &col, sc->total.unknown);
	rc_int(f, &col, (long long)sc->disagreements);
	for (i = 0; i < sc->n_categories; i++)
		rc_int(f, &col, sc->categories[i].score);
	rc_int(f, &col, sc->cloud_total.score);
	rc_text(f, &col, rep->ans->org_name);
	rc_end(f, &col);
}

static void
rc_entry(const struct report *rep, FILE *f, const char *record,
    const struct score_entry *e, const char *group, const struct cat_text *label)
{
	int col = 0;
	size_t i;
	struct sbuf ids;

	rc_text(f, &col, record);
	rc_int(f, &col, e->number);
	rc_text(f, &col, group);
	rc_text(f, &col, cat_text(label, rep->lang));
	rc_int(f, &col, e->score);
	rc_text(f, &col, e->score == -1 ? rep_unknown_label(e->unknown) :
	    rep_level_label(e->score, e->applicable));
	rc_bool(f, &col, e->applicable);
	rc_text(f, &col, score_source_name(e->source));
	rc_level(f, &col, e->evidence);
	rc_level(f, &col, e->answer);
	rc_bool(f, &col, e->disagreement);
	rc_text(f, &col, score_unknown_name(e->unknown));
	rc_text(f, &col, e->failed_plugins);
	rc_text(f, &col, e->note);
	sb_init(&ids);
	for (i = 0; i < e->n_findings; i++)
		sb_printf(&ids, "%s%s", i > 0 ? " " : "",
		    rep->store->v[e->findings[i]].id);
	rc_text(f, &col, ids.len > 0 ? ids.data : NULL);
	sb_free(&ids);
	rc_end(f, &col);
}

static void
rc_entries(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	const struct catalog *cat = rep->cat;
	static const char columns[] = "number,category,label,score,status,"
	    "applicable,source,evidence,answer,disagreement,unknown_reason,"
	    "failed_plugins,note,findings";
	size_t i;

	fputs(RC_EOL, f);
	rc_header(f, columns);
	for (i = 0; i < sc->n_items; i++)
		rc_entry(rep, f, "item", &sc->items[i],
		    cat->categories[cat->items[i].category].id, &cat->items[i].label);
	fputs(RC_EOL, f);
	rc_header(f, columns);
	for (i = 0; i < sc->n_cloud; i++)
		rc_entry(rep, f, "cloud", &sc->cloud[i],
		    cat->groups[cat->cloud[i].group].id, &cat->cloud[i].label);
}

/* Each declared service's checklist: its own score per cloud item. */
static void
rc_services(const struct report *rep, FILE *f)
{
	const struct score *sc = rep->score;
	size_t i, j;
	int col = 0;

	if (sc->n_services == 0)
		return;
	fputs(RC_EOL, f);
	rc_header(f, "service,label,number,score,status,source,evidence,answer,"
	    "disagreement,note");
	for (i = 0; i < sc->n_services; i++)
		for (j = 0; j < sc->n_cloud; j++) {
			const struct score_entry *e = &sc->services[i].items[j];

			rc_text(f, &col, "service");
			rc_text(f, &col, sc->services[i].id);
			rc_text(f, &col, sc->services[i].label);
			rc_int(f, &col, (long long)j + 1);
			rc_int(f, &col, e->score);
			rc_text(f, &col, e->score == -1 ? rep_unknown_label(e->unknown) :
			    rep_level_label(e->score, e->applicable));
			rc_text(f, &col, score_source_name(e->source));
			rc_level(f, &col, e->evidence);
			rc_level(f, &col, e->answer);
			rc_bool(f, &col, e->disagreement);
			rc_text(f, &col, e->note);
			rc_end(f, &col);
		}
}

static void
rc_findings(const struct report *rep, FILE *f)
{
	struct sbuf ex;
	size_t i, k;
	int col = 0;

	fputs(RC_EOL, f);
	rc_header(f, "id,check,plugin,item,cloud_item,level,severity,count,title,"
	    "object,examples,evidence,detail,remediation,scored");
	sb_init(&ex);
	for (i = 0; i < rep->store->n; i++) {
		const struct fnd_finding *fd = &rep->store->v[i];

		rc_text(f, &col, "finding");
		rc_text(f, &col, fd->id);
		rc_text(f, &col, fd->check);
		rc_text(f, &col, fd->plugin);
		if (fd->item > 0)
			rc_int(f, &col, fd->item);
		else
			rc_text(f, &col, NULL);
		if (fd->cloud_item > 0)
			rc_int(f, &col, fd->cloud_item);
		else
			rc_text(f, &col, NULL);
		rc_level(f, &col, fd->level);
		rc_text(f, &col, fnd_severity_name(fd->severity));
		rc_int(f, &col, (long long)fd->count);
		rc_text(f, &col, rc_pick(rep, fd->title_en, fd->title_ja));
		rc_text(f, &col, fd->n_examples > 0 ? fd->examples[0] : NULL);
		sb_reset(&ex);
		for (k = 0; k < fd->n_examples; k++)
			sb_printf(&ex, "%s%s", k > 0 ? "\n" : "", fd->examples[k]);
		rc_text(f, &col, ex.len > 0 ? ex.data : NULL);
		rc_text(f, &col, fd->evidence);
		rc_text(f, &col, rc_pick(rep, fd->detail_en, fd->detail_ja));
		rc_text(f, &col, rc_pick(rep, fd->remediation_en, fd->remediation_ja));
		rc_bool(f, &col, fd->scored);
		rc_end(f, &col);
	}
	sb_free(&ex);
}

static void
rc_plugins(const struct report *rep, FILE *f)
{
	size_t i;
	int col = 0;

	fputs(RC_EOL, f);
	rc_header(f, "host,name,version,status,reason,duration_ms");
	for (i = 0; i < rep->n_plugins; i++) {
		const struct rep_plugin *p = &rep->plugins[i];

		rc_text(f, &col, "plugin");
		rc_text(f, &col, p->host != NULL ? p->host : rep->hostname);
		rc_text(f, &col, p->name);
		rc_text(f, &col, p->version);
		rc_text(f, &col, p->status);
		rc_text(f, &col, p->reason);
		rc_int(f, &col, p->duration_ms);
		rc_end(f, &col);
	}
}

/* The hosts x items matrix of a fleet: each host's evidence level. */
static void
rc_hosts(const struct report *rep, FILE *f)
{
	const struct rep_fleet *fl = rep->fleet;
	char when[32];
	size_t i, k;
	int col = 0;

	if (fl == NULL)
		return;
	fputs(RC_EOL, f);
	fputs("record,host,file,generated_at,complete,total", f);
	for (i = 0; i < rep->cat->n_items; i++)
		fprintf(f, ",%zu", i + 1);
	fputs(RC_EOL, f);
	for (k = 0; k < fl->n_hosts; k++) {
		const struct rep_host *h = &fl->hosts[k];

		rc_text(f, &col, "host");
		rc_text(f, &col, h->hostname);
		rc_text(f, &col, h->file);
		ut_format_time_utc(h->generated_at, when, sizeof(when));
		rc_text(f, &col, when);
		rc_bool(f, &col, h->complete);
		rc_int(f, &col, h->score->total.score);
		for (i = 0; i < rep->cat->n_items; i++)
			rc_level(f, &col, h->items[i]);
		rc_end(f, &col);
	}
}

static void
rc_ledger(const struct report *rep, FILE *f)
{
	static const char *const bands[] = { "low", "medium", "high" };
	const struct rep_ledger *lg = rep->ledger;
	const struct rep_risk **rows;
	size_t i;
	int col = 0;

	if (lg == NULL)
		return;
	fputs(RC_EOL, f);
	rc_header(f, "band,value,importance,likelihood,asset,business,treatment,note,"
	    "untreated");
	rows = rep_ledger_sorted(lg);
	for (i = 0; i < lg->n_rows; i++) {
		const struct rep_risk *r = rows[i];

		rc_text(f, &col, "risk");
		rc_text(f, &col, r->band >= 0 && r->band <= 2 ? bands[r->band] : NULL);
		rc_int(f, &col, r->value);
		rc_int(f, &col, r->importance);
		rc_int(f, &col, r->likelihood);
		rc_text(f, &col, r->asset);
		rc_text(f, &col, r->business);
		rc_text(f, &col, r->treatment);
		rc_text(f, &col, r->note);
		rc_bool(f, &col, r->untreated);
		rc_end(f, &col);
	}
	free(rows);
}

static int
rc_write(const struct report *rep, FILE *f, int bom)
{
	if (bom)
		fputs("\xef\xbb\xbf", f);
	rc_summary(rep, f);
	rc_entries(rep, f);
	rc_services(rep, f);
	rc_findings(rep, f);
	rc_plugins(rep, f);
	rc_hosts(rep, f);
	rc_ledger(rep, f);
	return ferror(f) ? -1 : 0;
}

int
rep_write_csv(const struct report *rep, FILE *f)
{
	return rc_write(rep, f, 1);
}

int
rep_write_csv_nobom(const struct report *rep, FILE *f)
{
	return rc_write(rep, f, 0);
}
