/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "i18n.h"
#include "report.h"

#include <smeaudit/plugin.h>

const struct rep_format rep_formats[] = {
	{ "text", rep_write_text, NULL },
	{ "json", rep_write_json, NULL },
	{ "html", rep_write_html, NULL },
	{ "csv", rep_write_csv, NULL },
	{ "csv-nobom", rep_write_csv_nobom, NULL },
	{ "nagios", rep_write_nagios, rep_nagios_status },
	{ "junit", rep_write_junit, NULL },
	{ NULL, NULL, NULL }
};

const struct rep_format *
rep_find_format(const char *name)
{
	const struct rep_format *f;

	for (f = rep_formats; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const char *
rep_format_names(void)
{
	static char buf[256];
	const struct rep_format *f;

	if (buf[0] != '\0')
		return buf;
	for (f = rep_formats; f->name != NULL; f++) {
		if (f != rep_formats)
			strncat(buf, ", ", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, f->name, sizeof(buf) - strlen(buf) - 1);
	}
	return buf;
}

const char *
rep_level_label(int score, int applicable)
{
	if (!applicable)
		return _("not applicable");
	switch (score) {
	case 4: return _("implemented");
	case 2: return _("partly");
	case 0: return _("not implemented");
	default: return _("unknown");
	}
}

const char *
rep_unknown_label(int reason)
{
	switch (reason) {
	case SCORE_UNK_NOBODY: return _("unknown: nobody answered");
	case SCORE_UNK_CHECK_FAILED: return _("unknown: a check failed");
	case SCORE_UNK_CANNOT_TELL: return _("unknown: the checks could not tell");
	case SCORE_UNK_ANSWERED: return _("unknown: answered \"don't know\"");
	default: return "";
	}
}

const char *
rep_severity_label(int severity)
{
	switch (severity) {
	case SA_SEV_LOW: return _("low");
	case SA_SEV_MEDIUM: return _("medium");
	case SA_SEV_HIGH: return _("high");
	case SA_SEV_CRITICAL: return _("critical");
	default: return _("info");
	}
}

/* A plugin's run status, a JSON value ("ok", "crashed" ...), for people. */
const char *
rep_status_label(const char *status)
{
	static const struct {
		const char *status, *label;
	} labels[] = {
		{ "ok", N_("ok") },
		{ "skipped", N_("skipped") },
		{ "error", N_("error") },
		{ "crashed", N_("crashed") },
		{ "timeout", N_("timeout") },
	};
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(status, labels[i].status) == 0)
			return _(labels[i].label);
	return status;
}

int
rep_exit_status(const struct report *rep)
{
	const struct score *sc = rep->score;
	size_t i, assessed = 0;
	int below = 0;

	for (i = 0; i < sc->n_items; i++) {
		if (sc->items[i].score == -1 || !sc->items[i].applicable)
			continue;
		assessed++;
		if (sc->items[i].score < 4)
			below = 1;
	}
	if (!rep->complete || assessed == 0)
		return APP_EXIT_INCOMPLETE;
	return below ? APP_EXIT_FINDINGS : APP_EXIT_OK;
}

int
rep_format_status(const struct rep_format *fmt, const struct report *rep)
{
	return fmt->status != NULL ? fmt->status(rep) : rep_exit_status(rep);
}

void
rep_readiness(const struct report *rep, struct rep_readiness *r)
{
	const struct score *sc = rep->score;
	const struct answers *ans = rep->ans;
	size_t i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < sc->n_rules; i++)
		if (sc->rules[i] != 4)
			r->rules_missing++;
	r->one_star = sc->n_rules > 0 && r->rules_missing == 0;
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].score == -1)
			r->unknown_items++;
	r->diagnosis_done = sc->n_items > 0 && r->unknown_items == 0;
	r->policy = ans->basic_policy == 1 && ans->basic_policy_location != NULL &&
	    ans->basic_policy_location[0] != '\0';
	r->two_star = r->diagnosis_done && r->policy;
}

/* Sort key of an item to fix: lower comes first. */
static long
rep_fix_rank(const struct report *rep, size_t i)
{
	const struct score_entry *e = &rep->score->items[i];
	const struct catalog *cat = rep->cat;
	int basic = 0, severity = 0;
	size_t k, j;

	for (k = 0; k < cat->n_rules && !basic; k++)
		for (j = 0; j < cat->rules[k].n_items; j++)
			if (cat->rules[k].items[j] == e->number)
				basic = 1;
	for (k = 0; k < e->n_findings; k++) {
		const struct fnd_finding *f = &rep->store->v[e->findings[k]];

		if (f->scored && f->level < SA_LEVEL_IMPLEMENTED &&
		    f->level != SA_LEVEL_UNKNOWN && f->severity > severity)
			severity = f->severity;
	}
	return (long)(e->score == 0 ? 0 : 1) * 100000 + (basic ? 0 : 10000) +
	    (10 - severity) * 100 + e->number;
}

size_t
rep_fix_first(const struct report *rep, size_t *ret, size_t max)
{
	const struct score *sc = rep->score;
	size_t i, k, n = 0;

	for (i = 0; i < sc->n_items; i++) {
		if (sc->items[i].score != 0 && sc->items[i].score != 2)
			continue;
		/* insertion into the best max so far */
		for (k = n; k > 0 && rep_fix_rank(rep, ret[k - 1]) > rep_fix_rank(rep, i); k--)
			if (k < max)
				ret[k] = ret[k - 1];
		if (k < max)
			ret[k] = i;
		if (n < max)
			n++;
	}
	return n;
}

void
rep_markup(FILE *f, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		switch (p[i]) {
		case '&': fputs("&amp;", f); i++; continue;
		case '<': fputs("&lt;", f); i++; continue;
		case '>': fputs("&gt;", f); i++; continue;
		case '"': fputs("&quot;", f); i++; continue;
		case '\'': fputs("&#39;", f); i++; continue;
		case '\n': case '\t': fputc(p[i++], f); continue;
		default: break;
		}
		if (p[i] < 0x20 || p[i] == 0x7f) {
			fputs("\xef\xbf\xbd", f);	/* U+FFFD: XML 1.0 has no C0 controls */
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
}

static int
rep_risk_cmp(const void *a, const void *b)
{
	const struct rep_risk *x = *(const struct rep_risk *const *)a;
	const struct rep_risk *y = *(const struct rep_risk *const *)b;

	if (x->band != y->band)
		return y->band - x->band;
	if (x->value != y->value)
		return y->value - x->value;
	return (x > y) - (x < y);	/* the ledger's own order */
}

const struct rep_risk **
rep_ledger_sorted(const struct rep_ledger *lg)
{
	const struct rep_risk **v = xcalloc(lg->n_rows + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < lg->n_rows; i++)
		v[i] = &lg->rows[i];
	qsort(v, lg->n_rows, sizeof(*v), rep_risk_cmp);
	return v;
}

/*
 * "--output /dev/null" or a named pipe: write into the existing device or
 * FIFO.  Renaming a new file over it, as for regular files, would replace
 * the host's /dev/null with a report.
 */
static int
rep_output_in_place(const char *path, const struct stat *lst,
    int (*writer)(void *user, FILE *f), void *user, struct sbuf *err)
{
	struct stat st;
	FILE *f;
	int fd, r;

	fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		sb_printf(err, _("%s: cannot open: %s"), path, strerror(errno));
		return r;
	}
	if (fstat(fd, &st) < 0 || st.st_dev != lst->st_dev || st.st_ino != lst->st_ino) {
		close(fd);
		sb_printf(err, _("%s: changed while it was opened"), path);
		return -ESTALE;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		r = -errno;
		close(fd);
		sb_printf(err, _("%s: cannot write: %s"), path, strerror(-r));
		return r;
	}
	r = writer(user, f);
	if (r < 0 || fflush(f) != 0) {
		r = r < 0 ? r : -errno;
		fclose(f);
		sb_printf(err, _("%s: cannot write: %s"), path, strerror(-r));
		return r;
	}
	if (fclose(f) != 0) {
		r = -errno;
		sb_printf(err, _("%s: cannot write: %s"), path, strerror(-r));
		return r;
	}
	return 0;
}

struct rep_output_ctx {
	const struct report *rep;
	const struct rep_format *fmt;
};

static int
rep_output_report(void *user, FILE *f)
{
	const struct rep_output_ctx *c = user;

	return c->fmt->write(c->rep, f);
}

int
rep_output(const struct report *rep, const struct rep_format *fmt,
    const char *path, struct sbuf *err)
{
	struct rep_output_ctx c = { rep, fmt };

	return rep_output_with(path, rep_output_report, &c, err);
}

int
rep_output_with(const char *path, int (*writer)(void *user, FILE *f),
    void *user, struct sbuf *err)
{
	struct stat lst;
	int r;

	if (strcmp(path, "-") == 0) {
		r = writer(user, stdout);
		if (fflush(stdout) != 0 || r < 0) {
			sb_printf(err, _("standard output: %s"), strerror(errno));
			return -EIO;
		}
		return 0;
	}
	if (lstat(path, &lst) == 0) {
		if (S_ISCHR(lst.st_mode) || S_ISFIFO(lst.st_mode))
			return rep_output_in_place(path, &lst, writer, user, err);
		if (S_ISBLK(lst.st_mode) || S_ISSOCK(lst.st_mode)) {
			sb_printf(err, _("%s: not a regular file"), path);
			return -EINVAL;
		}
	}
	return ut_write_atomic(path, writer, user, err);
}
