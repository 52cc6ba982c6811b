/* SPDX-License-Identifier: MIT */
/*
 * The risk-analysis ledger (guideline 3.0, 付録7 リスク分析シート): one
 * row per information asset with its C/I/A values, threat and
 * vulnerability; importance = max(C, I, A), likelihood from the threat x
 * vulnerability table, risk = importance x likelihood, and a band.
 *
 * The scales (value ranges, likelihood table, bands, treatments) are data
 * (rules/risk-EDITION.rules, docs/risk-ledger.md), so a later edition is a
 * new file.  A ledger is CSV with a header row (UTF-8 with or without a
 * BOM, or Excel's CP932, converted with iconv) or a record file with one
 * [asset ID] per asset.  Every error is one line "FILE:LINE: message" and
 * nothing of a broken ledger is returned.
 *
 * For other formats (the HTML report): ldg_scale_load, ldg_load,
 * ldg_sort, then read ledger.v[0..n); ldg_write_json writes the JSON
 * "assets" array.
 */
#ifndef SA_LEDGER_H
#define SA_LEDGER_H

#include "catalog.h"
#include "json.h"
#include "util.h"

#define LDG_MAX_VALUE 9		/* largest C/I/A, threat or vulnerability value */

struct ldg_band {
	char *id;		/* "large", "medium", "small": the JSON value */
	int min, max;		/* risk values in the band */
	int needs_treatment;	/* flag its assets without a treatment */
	struct cat_text label, meaning;
};

struct ldg_treatment {
	char *id;		/* "reduce", "retain", "avoid", "transfer" */
	char **names;		/* what a ledger may write, normalised */
	size_t n_names;
	struct cat_text label, meaning;
};

struct ldg_scale {
	char *path;
	char *edition;
	int cia_min, cia_max;
	int threat_min, threat_max;
	int vuln_min, vuln_max;
	int likelihood[LDG_MAX_VALUE + 1][LDG_MAX_VALUE + 1];	/* [threat][vuln] */
	struct ldg_band *bands;	/* highest risk first */
	size_t n_bands;
	struct ldg_treatment *treatments;
	size_t n_treatments;
};

/* A column the ledger may have, in the sheet's order. */
enum ldg_column {
	LDG_AREA, LDG_ASSET, LDG_NOTE, LDG_USERS, LDG_OWNER, LDG_LOCATION,
	LDG_PERSONAL, LDG_SENSITIVE, LDG_MY_NUMBER, LDG_CONFIDENTIALITY,
	LDG_INTEGRITY, LDG_AVAILABILITY, LDG_RETENTION, LDG_REGISTERED,
	LDG_THREAT, LDG_VULNERABILITY, LDG_TREATMENT, LDG_N_COLUMNS
};

/* The sheet's Japanese header and the English one (also the record-file key). */
const char *ldg_column_ja(enum ldg_column c);
const char *ldg_column_en(enum ldg_column c);

struct ldg_extra {
	char *name;		/* the header as written */
	char *value;
};

struct ldg_asset {
	unsigned int line;	/* where its row (or record) starts */
	char *text[LDG_N_COLUMNS];	/* every cell as written ("" if absent) */
	int personal, sensitive_personal, my_number;	/* 1 or 0 */
	int confidentiality, integrity, availability;
	int threat, vulnerability;
	int importance, likelihood, risk;
	const struct ldg_band *band;
	const struct ldg_treatment *treatment;	/* NULL: none decided */
	struct ldg_extra *extra;	/* columns smeaudit does not know */
	size_t n_extra;
};

struct ldg_ledger {
	char *path;
	const char *encoding;	/* "UTF-8" or "CP932" */
	const char *format;	/* "csv" or "ini" */
	struct ldg_asset *v;
	size_t n;
};

/* Returns 0, or -errno with "FILE[:LINE]: message" in err. */
int ldg_scale_load(struct ldg_scale *scale, const char *path, struct sbuf *err);
void ldg_scale_free(struct ldg_scale *scale);

/*
 * Read a ledger.  Returns 0, or -errno with "FILE:LINE: message" in err
 * and l empty.  ldg_load_buffer takes the file's bytes; name is used in
 * messages and chooses the format with its extension (.ini: records).
 */
int ldg_load(struct ldg_ledger *l, const struct ldg_scale *scale,
    const char *path, struct sbuf *err);
int ldg_load_buffer(struct ldg_ledger *l, const struct ldg_scale *scale,
    const char *name, const char *data, size_t len, struct sbuf *err);
void ldg_free(struct ldg_ledger *l);

/* Highest risk first, then importance, then the ledger's own order. */
void ldg_sort(struct ldg_ledger *l);
/* In a band that needs a treatment, and none decided. */
int ldg_untreated(const struct ldg_asset *a);

/*
 * Write "assets": [...] (inside an open object): name, importance,
 * likelihood, risk, band, treatment, line and every other column.
 */
void ldg_write_json(struct jw *w, const struct ldg_ledger *l,
    const char *lang);

#endif /* SA_LEDGER_H */
