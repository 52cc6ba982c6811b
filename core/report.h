/* SPDX-License-Identifier: MIT */
/*
 * One audit's result, ready to print, and the formats that print it.
 * Adding a format is one writer function and one line in rep_formats.
 */
#ifndef SA_REPORT_H
#define SA_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "answers.h"
#include "catalog.h"
#include "findings.h"
#include "ledger.h"
#include "score.h"

struct rep_plugin {
	const char *name;
	const char *version;
	const char *status;	/* ok, error, crashed, timeout, skipped */
	const char *reason;	/* NULL when ok */
	int64_t duration_ms;
	const unsigned char *items;	/* [n] != 0: evidence for item n */
	const unsigned char *cloud;
	const char *host;	/* fleet reports: the host it ran on, else NULL */
};

/*
 * One host of a fleet report (smeaudit merge).  items[n - 1] is the
 * host's evidence level for item n as the merge used it: 4/2/0/-1,
 * SA_LEVEL_NA or SCORE_NO_EVIDENCE; score[n - 1] the host's own score.
 */
struct rep_host {
	const char *hostname;
	const char *file;	/* the JSON report it was read from */
	const char *root;
	int64_t generated_at;
	int complete;
	const struct score *score;	/* as that host's report recorded it */
	const int *items;
	const int *cloud;
};

/* A report left out of a merge because a newer one of its host was given. */
struct rep_dropped {
	const char *hostname;
	const char *file;
	const char *kept;	/* the file used instead */
};

struct rep_fleet {
	const struct rep_host *hosts;
	size_t n_hosts;
	const struct rep_dropped *dropped;
	size_t n_dropped;
};

/*
 * A row of the risk analysis ledger as a report shows it.  The risk
 * module reads and scores the ledger; a report only carries the result.
 */
struct rep_risk {
	const char *asset;	/* 情報資産名称 */
	const char *business;	/* 業務分類, may be NULL */
	int importance;		/* 0-2, max of C/I/A */
	int likelihood;		/* 1-3 */
	int value;		/* importance x likelihood, 0-6 */
	int band;		/* REP_RISK_HIGH, _MEDIUM or _LOW */
	const char *treatment;	/* may be NULL */
	const char *note;	/* may be NULL */
	const char *band_label;	/* the scale's name of the band, or NULL */
	int untreated;		/* its band needs a treatment; none is decided */
};

enum rep_risk_band {
	REP_RISK_LOW = 0,	/* 小 */
	REP_RISK_MEDIUM = 1,	/* 中 */
	REP_RISK_HIGH = 2	/* 大 */
};

struct rep_ledger {
	const char *file;
	const struct rep_risk *rows;
	size_t n_rows;
};

/* A ledger read and scored by the ledger module, kept for a report. */
struct rep_ledger_source {
	struct ldg_scale *scale;
	struct ldg_ledger *ledger;
	struct rep_risk *rows;
	char **notes;
	struct rep_ledger rep;
};

/*
 * Read the ledger at path (docs/risk-ledger.md) with the risk scale of
 * the guideline edition found in data_dir, for a report in lang.  Returns
 * 0, or a negative errno with one line "FILE[:LINE]: message" in err and
 * s empty (rep_ledger_free is safe either way).
 */
int rep_ledger_load(struct rep_ledger_source *s, const char *path,
    const char *data_dir, const char *edition, const char *lang,
    struct sbuf *err);
void rep_ledger_free(struct rep_ledger_source *s);

struct report {
	const char *tool_version;
	const char *pcre2_version;
	int jit;
	const char *hostname;
	const char *root;
	int live;
	int64_t generated_at;
	int64_t evaluated_at;	/* --now, or generated_at */
	const char *lang;
	const struct catalog *cat;
	const struct answers *ans;
	const struct score *score;
	const struct fnd_store *store;
	const struct rep_plugin *plugins;
	size_t n_plugins;
	int interrupted;
	int complete;		/* every selected plugin finished */
	int color;		/* text: ANSI colours */
	const struct rep_fleet *fleet;	/* smeaudit merge, else NULL */
	const struct score *previous;	/* an earlier run (--previous), or NULL */
	int64_t previous_at;	/* its generated_at */
	const struct rep_ledger *ledger;	/* the risk ledger, or NULL */
};

struct rep_format {
	const char *name;
	int (*write)(const struct report *rep, FILE *f);
	/*
	 * NULL: the command exits with rep_exit_status(); else the format's
	 * own exit-status convention (nagios: 0-3 for OK..UNKNOWN).
	 */
	int (*status)(const struct report *rep);
};

/* What the evidence supports for a SECURITY ACTION self-declaration. */
struct rep_readiness {
	int one_star;		/* every basic rule at 4 */
	size_t rules_missing;	/* basic rules below 4 */
	int diagnosis_done;	/* no self-diagnosis item at -1 */
	int unknown_items;
	int policy;		/* basic_policy = yes and its location given */
	int two_star;		/* diagnosis_done && policy */
};

extern const struct rep_format rep_formats[];

const struct rep_format *rep_find_format(const char *name);
/* "text, json" for --help and error messages. */
const char *rep_format_names(void);

int rep_write_text(const struct report *rep, FILE *f);
int rep_write_json(const struct report *rep, FILE *f);
int rep_write_html(const struct report *rep, FILE *f);
int rep_write_csv(const struct report *rep, FILE *f);
int rep_write_csv_nobom(const struct report *rep, FILE *f);
int rep_write_nagios(const struct report *rep, FILE *f);
int rep_nagios_status(const struct report *rep);
int rep_write_junit(const struct report *rep, FILE *f);

/*
 * Write a report to path safely: a new 0600 file in the same directory,
 * renamed over path when complete, so a symlink planted at path is
 * replaced, never followed.  path "-" is stdout; an existing character
 * device or FIFO (/dev/null, a named pipe) is written in place, never
 * replaced; a block device or socket is refused.  Returns 0 or -errno
 * with a message in err.
 */
int rep_output(const struct report *rep, const struct rep_format *fmt,
    const char *path, struct sbuf *err);
/* The same for any writer: writer(user, f) returns 0 or < 0. */
int rep_output_with(const char *path, int (*writer)(void *user, FILE *f),
    void *user, struct sbuf *err);

/* Helpers shared by the formats. */
const char *rep_level_label(int score, int applicable);
const char *rep_unknown_label(int reason);
const char *rep_severity_label(int severity);
const char *rep_status_label(const char *status);

/*
 * APP_EXIT_OK when every assessed item is at 4, APP_EXIT_FINDINGS when
 * one is below, APP_EXIT_INCOMPLETE when the run (or a host of a fleet)
 * did not finish or nothing was assessed.  Unknown and not-applicable
 * items were not assessed.
 */
int rep_exit_status(const struct report *rep);
/* The exit status of a written report under fmt's convention. */
int rep_format_status(const struct rep_format *fmt, const struct report *rep);
void rep_readiness(const struct report *rep, struct rep_readiness *r);
/*
 * s for HTML and XML text or attribute values: & < > " ' as entities,
 * control characters (but newline and tab) as U+FFFD, bytes that are not
 * UTF-8 as the visible text \xHH.
 */
void rep_markup(FILE *f, const char *s);
/* The ledger's rows, high band first, then by value, then in their order: a malloc'd array. */
const struct rep_risk **rep_ledger_sorted(const struct rep_ledger *lg);
/*
 * Up to max self-diagnosis items to fix first, as indexes into
 * score->items: items at 0 before 2, those behind a basic rule first,
 * then the worst finding severity, then the item number.  Returns how
 * many were stored.
 */
size_t rep_fix_first(const struct report *rep, size_t *ret, size_t max);

#endif /* SA_REPORT_H */
