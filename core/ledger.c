/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ledger.h"
#include "recfile.h"

#define LDG_MAX_FILE (32u * 1024 * 1024)

static const struct {
	const char *ja;
	const char *en;
	int required;
} ldg_columns[LDG_N_COLUMNS] = {
	[LDG_AREA] = { "業務分類", "area", 0 },
	[LDG_ASSET] = { "情報資産名称", "asset", 1 },
	[LDG_NOTE] = { "備考", "note", 0 },
	[LDG_USERS] = { "利用者範囲", "users", 0 },
	[LDG_OWNER] = { "管理部署", "owner", 0 },
	[LDG_LOCATION] = { "媒体・保存先", "location", 0 },
	[LDG_PERSONAL] = { "個人情報", "personal", 0 },
	[LDG_SENSITIVE] = { "要配慮個人情報", "sensitive_personal", 0 },
	[LDG_MY_NUMBER] = { "マイナンバー", "my_number", 0 },
	[LDG_CONFIDENTIALITY] = { "機密性", "confidentiality", 1 },
	[LDG_INTEGRITY] = { "完全性", "integrity", 1 },
	[LDG_AVAILABILITY] = { "可用性", "availability", 1 },
	[LDG_RETENTION] = { "保存期限", "retention", 0 },
	[LDG_REGISTERED] = { "登録日", "registered", 0 },
	[LDG_THREAT] = { "脅威", "threat", 1 },
	[LDG_VULNERABILITY] = { "脆弱性", "vulnerability", 1 },
	[LDG_TREATMENT] = { "対策", "treatment", 0 },
};

const char *
ldg_column_ja(enum ldg_column c)
{
	return ldg_columns[c].ja;
}

const char *
ldg_column_en(enum ldg_column c)
{
	return ldg_columns[c].en;
}

/*
 * A cell or header as smeaudit compares it: full-width ASCII (what an
 * input method types) as ASCII, lower case, without white space (Excel
 * headers often hold line breaks: "個人\n情報"); for a header also
 * without '_' and '-', so "Sensitive personal" is sensitive_personal.
 */
static char *
ldg_norm(const char *s, int header)
{
	const unsigned char *p = (const unsigned char *)s;
	struct sbuf sb;
	size_t k;
	uint32_t cp;
	char c;

	sb_init(&sb);
	while (*p != '\0') {
		k = ut_utf8_seq(p, strlen((const char *)p));
		if (k == 3) {
			cp = ((uint32_t)(p[0] & 0x0f) << 12) |
			    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
			if (cp == 0x3000) {
				p += 3;
				continue;
			}
			if (cp >= 0xff01 && cp <= 0xff5e) {
				c = (char)(cp - 0xfee0);
				p += 3;
				goto ascii;
			}
		}
		if (k > 1) {
			sb_add(&sb, p, k);
			p += k;
			continue;
		}
		c = (char)*p++;
ascii:
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (header && (c == '_' || c == '-'))
			continue;
		sb_addc(&sb, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
	}
	return sb_steal(&sb);
}

struct ldg_scale_parse {
	struct ldg_scale *s;
	int have_scale;
};

static int
ldg_set_text(struct cat_text *t, const char *key, const char *value)
{
	char **slot;

	if (strcmp(key, ".en") == 0)
		slot = &t->en;
	else if (strcmp(key, ".ja") == 0)
		slot = &t->ja;
	else
		return -1;
	free(*slot);
	*slot = xstrdup(value);
	return 0;
}

static int
ldg_scale_field(struct ldg_scale_parse *p, const struct sa_record *r,
    struct sa_record_error *err)
{
	struct ldg_scale *s = p->s;
	int t, v, lik;

	if (*r->type == '\0') {
		if (strcmp(r->key, "edition") == 0) {
			free(s->edition);
			s->edition = xstrdup(r->value);
			return 0;
		}
		if (strcmp(r->key, "cia") == 0) {
			if (ut_parse_span(r->value, 0, LDG_MAX_VALUE, &s->cia_min, &s->cia_max) < 0)
				return rf_error(err, _("cia must be a range like 0-2 within 0-%d"),
				    LDG_MAX_VALUE);
			return 0;
		}
		if (strcmp(r->key, "threat") == 0 || strcmp(r->key, "vulnerability") == 0) {
			int *lo = *r->key == 't' ? &s->threat_min : &s->vuln_min;
			int *hi = *r->key == 't' ? &s->threat_max : &s->vuln_max;

			if (ut_parse_span(r->value, 1, LDG_MAX_VALUE, lo, hi) < 0)
				return rf_error(err, _("%s must be a range like 1-3 within 1-%d"),
				    r->key, LDG_MAX_VALUE);
			return 0;
		}
		return rf_error(err, _("unknown key \"%s\" in [scale]"), r->key);
	}
	if (strcmp(r->type, "likelihood") == 0) {
		t = atoi(r->name);
		if (ut_parse_int_in(r->key, 1, LDG_MAX_VALUE, &v) < 0)
			return rf_error(err, _("keys of [likelihood %s] are vulnerability values 1-%d"),
			    r->name, LDG_MAX_VALUE);
		if (ut_parse_int_in(r->value, 0, LDG_MAX_VALUE, &lik) < 0)
			return rf_error(err, _("a likelihood is a number 0-%d"), LDG_MAX_VALUE);
		s->likelihood[t][v] = lik;
		return 0;
	}
	if (strcmp(r->type, "band") == 0) {
		struct ldg_band *b = &s->bands[s->n_bands - 1];

		if (strcmp(r->key, "risk") == 0) {
			if (ut_parse_span(r->value, 0, LDG_MAX_VALUE * LDG_MAX_VALUE,
			    &b->min, &b->max) < 0)
				return rf_error(err, _("risk must be a range like 4-6"));
			return 0;
		}
		if (strcmp(r->key, "needs_treatment") == 0) {
			if (ut_parse_bool(r->value, &b->needs_treatment) < 0)
				return rf_error(err, _("needs_treatment must be yes or no"));
			return 0;
		}
		if (strncmp(r->key, "label", 5) == 0 &&
		    ldg_set_text(&b->label, r->key + 5, r->value) == 0)
			return 0;
		if (strncmp(r->key, "meaning", 7) == 0 &&
		    ldg_set_text(&b->meaning, r->key + 7, r->value) == 0)
			return 0;
		return rf_error(err, _("unknown key \"%s\" in a band"), r->key);
	}
	if (strcmp(r->type, "treatment") == 0) {
		struct ldg_treatment *tr = &s->treatments[s->n_treatments - 1];
		char *copy, *tok, *save = NULL;

		if (strcmp(r->key, "names") == 0) {
			copy = xstrdup(r->value);
			for (tok = strtok_r(copy, ",", &save); tok != NULL;
			    tok = strtok_r(NULL, ",", &save)) {
				if (*ut_trim(tok) == '\0')
					continue;
				tr->names = xreallocarray(tr->names, tr->n_names + 1,
				    sizeof(*tr->names));
				tr->names[tr->n_names++] = ldg_norm(tok, 0);
			}
			free(copy);
			return 0;
		}
		if (strncmp(r->key, "label", 5) == 0 &&
		    ldg_set_text(&tr->label, r->key + 5, r->value) == 0)
			return 0;
		if (strncmp(r->key, "meaning", 7) == 0 &&
		    ldg_set_text(&tr->meaning, r->key + 7, r->value) == 0)
			return 0;
		return rf_error(err, _("unknown key \"%s\" in a treatment"), r->key);
	}
	return rf_error(err, _("field of an unknown record"));
}

static int
ldg_scale_record(void *user, const struct sa_record *r,
    struct sa_record_error *err)
{
	struct ldg_scale_parse *p = user;
	struct ldg_scale *s = p->s;
	int t;

	if (r->key != NULL)
		return ldg_scale_field(p, r, err);
	if (*r->type == '\0' && strcmp(r->name, "scale") == 0) {
		p->have_scale = 1;
		return 0;
	}
	if (strcmp(r->type, "likelihood") == 0) {
		if (ut_parse_int_in(r->name, 1, LDG_MAX_VALUE, &t) < 0)
			return rf_error(err, _("[likelihood THREAT]: THREAT is 1-%d"), LDG_MAX_VALUE);
		return 0;
	}
	if (strcmp(r->type, "band") == 0) {
		s->bands = xreallocarray(s->bands, s->n_bands + 1, sizeof(*s->bands));
		memset(&s->bands[s->n_bands], 0, sizeof(*s->bands));
		s->bands[s->n_bands].id = xstrdup(r->name);
		s->bands[s->n_bands].min = -1;
		s->n_bands++;
		return 0;
	}
	if (strcmp(r->type, "treatment") == 0) {
		s->treatments = xreallocarray(s->treatments, s->n_treatments + 1,
		    sizeof(*s->treatments));
		memset(&s->treatments[s->n_treatments], 0, sizeof(*s->treatments));
		s->treatments[s->n_treatments].id = xstrdup(r->name);
		s->n_treatments++;
		return 0;
	}
	return rf_error(err, _("unknown record; expected [scale], [likelihood N], "
	    "[band ID] or [treatment ID]"));
}

static int
ldg_band_cmp(const void *a, const void *b)
{
	const struct ldg_band *x = a, *y = b;

	return (y->min > x->min) - (y->min < x->min);
}

/* Every value the arithmetic can give must be defined, once. */
static int
ldg_scale_check(struct ldg_scale *s, struct sbuf *err)
{
	int t, v, risk, hits, max_lik = 0;
	size_t i;

	if (s->cia_max < 0 || s->threat_max < 1 || s->vuln_max < 1) {
		sb_printf(err, _("[scale] needs cia, threat and vulnerability ranges"));
		return -EINVAL;
	}
	for (t = s->threat_min; t <= s->threat_max; t++)
		for (v = s->vuln_min; v <= s->vuln_max; v++) {
			if (s->likelihood[t][v] < 0) {
				sb_printf(err, _("no likelihood for threat %d and vulnerability %d"),
				    t, v);
				return -EINVAL;
			}
			if (s->likelihood[t][v] > max_lik)
				max_lik = s->likelihood[t][v];
		}
	for (i = 0; i < s->n_bands; i++)
		if (s->bands[i].min < 0 || s->bands[i].label.en == NULL) {
			sb_printf(err, _("band %s needs risk and label.en"), s->bands[i].id);
			return -EINVAL;
		}
	for (risk = 0; risk <= s->cia_max * max_lik; risk++) {
		hits = 0;
		for (i = 0; i < s->n_bands; i++)
			hits += risk >= s->bands[i].min && risk <= s->bands[i].max;
		if (hits != 1) {
			sb_printf(err, _("risk %d falls in %d bands; it must fall in exactly one"),
			    risk, hits);
			return -EINVAL;
		}
	}
	for (i = 0; i < s->n_treatments; i++)
		if (s->treatments[i].n_names == 0 || s->treatments[i].label.en == NULL) {
			sb_printf(err, _("treatment %s needs names and label.en"),
			    s->treatments[i].id);
			return -EINVAL;
		}
	qsort(s->bands, s->n_bands, sizeof(*s->bands), ldg_band_cmp);
	return 0;
}

int
ldg_scale_load(struct ldg_scale *s, const char *path, struct sbuf *err)
{
	struct ldg_scale_parse p;
	int t, v, r;

	memset(s, 0, sizeof(*s));
	s->cia_max = s->threat_max = s->vuln_max = -1;
	for (t = 0; t <= LDG_MAX_VALUE; t++)
		for (v = 0; v <= LDG_MAX_VALUE; v++)
			s->likelihood[t][v] = -1;
	memset(&p, 0, sizeof(p));
	p.s = s;
	r = rf_parse_file(path, NULL, ldg_scale_record, &p, err);
	if (r == 0) {
		sb_reset(err);
		sb_printf(err, "%s: ", path);
		r = ldg_scale_check(s, err);
	}
	if (r < 0) {
		ldg_scale_free(s);
		return r;
	}
	sb_reset(err);
	s->path = xstrdup(path);
	return 0;
}

static void
ldg_text_free(struct cat_text *t)
{
	free(t->en);
	free(t->ja);
}

void
ldg_scale_free(struct ldg_scale *s)
{
	size_t i, j;

	for (i = 0; i < s->n_bands; i++) {
		free(s->bands[i].id);
		ldg_text_free(&s->bands[i].label);
		ldg_text_free(&s->bands[i].meaning);
	}
	free(s->bands);
	for (i = 0; i < s->n_treatments; i++) {
		free(s->treatments[i].id);
		for (j = 0; j < s->treatments[i].n_names; j++)
			free(s->treatments[i].names[j]);
		free(s->treatments[i].names);
		ldg_text_free(&s->treatments[i].label);
		ldg_text_free(&s->treatments[i].meaning);
	}
	free(s->treatments);
	free(s->path);
	free(s->edition);
	memset(s, 0, sizeof(*s));
}

static unsigned int
ldg_line_of(const char *data, size_t offset)
{
	unsigned int line = 1;
	size_t i;

	for (i = 0; i < offset; i++)
		line += data[i] == '\n';
	return line;
}

/* Whether the first n bytes hold a three-byte UTF-8 character (kana, kanji). */
static int
ldg_utf8_before(const char *data, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = ut_utf8_seq((const unsigned char *)data + i, n - i);
		if (k >= 3)
			return 1;
		i += k > 0 ? k : 1;
	}
	return 0;
}

/*
 * The file's text as UTF-8.  Excel saves "CSV" in CP932 on a Japanese
 * Windows and "CSV UTF-8" with a BOM; anything else is refused with the
 * line of the first byte that fits neither.
 */
static int
ldg_decode(const char *name, const char *data, size_t len, char **ret,
    size_t *ret_len, const char **ret_encoding, struct sbuf *err)
{
	const unsigned char *u = (const unsigned char *)data;
	char *in, *out, *buf;
	size_t off, in_left, out_left, cap;
	iconv_t cd;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		sb_printf(err, _("%s:1: UTF-16 text; save the sheet as \"CSV UTF-8\" or \"CSV\""), name);
		return -EILSEQ;
	}
	if ((len >= 4 && memcmp(data, "PK\003\004", 4) == 0) ||
	    (len >= 4 && memcmp(data, "\xd0\xcf\x11\xe0", 4) == 0)) {
		sb_printf(err, _("%s:1: a spreadsheet workbook, not a ledger; save the sheet as \"CSV UTF-8\""),
		    name);
		return -EILSEQ;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		if (!ut_utf8_valid(data + 3, len - 3, &off)) {
			sb_printf(err, _("%s:%u: %s after a UTF-8 byte-order mark"), name,
			    ldg_line_of(data, off + 3), data[off + 3] == '\0' ?
			    _("NUL byte") : _("invalid UTF-8"));
			return -EILSEQ;
		}
		*ret = xstrndup(data + 3, len - 3);
		*ret_len = len - 3;
		*ret_encoding = "UTF-8";
		return 0;
	}
	if (ut_utf8_valid(data, len, &off)) {
		*ret = xstrndup(data, len);
		*ret_len = len;
		*ret_encoding = "UTF-8";
		return 0;
	}
	if (ldg_utf8_before(data, off)) {
		/* Japanese UTF-8 up to there: a damaged UTF-8 file, not CP932 */
		sb_printf(err, _("%s:%u: invalid UTF-8 (the text before it is UTF-8)"),
		    name, ldg_line_of(data, off));
		return -EILSEQ;
	}
	if (memchr(data, '\0', len) != NULL) {
		off = (size_t)((const char *)memchr(data, '\0', len) - data);
		sb_printf(err, _("%s:%u: NUL byte: not a text file"), name,
		    ldg_line_of(data, off));
		return -EILSEQ;
	}
	cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1) {
		sb_printf(err, _("%s:%u: not UTF-8, and CP932 cannot be converted here (%s)"),
		    name, ldg_line_of(data, off), strerror(errno));
		return -EILSEQ;
	}
	/* one CP932 byte (half-width kana) can become three UTF-8 bytes */
	cap = 3 * len + 1;
	buf = xmalloc(cap);
	in = (char *)data;
	in_left = len;
	out = buf;
	out_left = cap - 1;
	if (iconv(cd, &in, &in_left, &out, &out_left) == (size_t)-1) {
		sb_printf(err, _("%s:%u: neither UTF-8 nor CP932 (Shift_JIS) text; "
		    "save the sheet as \"CSV UTF-8\""), name,
		    ldg_line_of(data, (size_t)(in - data)));
		iconv_close(cd);
		free(buf);
		return -EILSEQ;
	}
	iconv_close(cd);
	*out = '\0';
	*ret = buf;
	*ret_len = (size_t)(out - buf);
	*ret_encoding = "CP932";
	return 0;
}

/* One row of cells as read, before it means anything. */
struct ldg_row {
	unsigned int line;
	char **cells;
	size_t n;
};

static void
ldg_rows_free(struct ldg_row *rows, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < rows[i].n; j++)
			free(rows[i].cells[j]);
		free(rows[i].cells);
	}
	free(rows);
}

/* A comma file, or a tab file when the header has tabs and no commas. */
static char
ldg_delimiter(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);
	size_t n = nl != NULL ? (size_t)(nl - s) : len, i, commas = 0, tabs = 0;

	for (i = 0; i < n; i++) {
		commas += s[i] == ',';
		tabs += s[i] == '\t';
	}
	return tabs > 0 && commas == 0 ? '\t' : ',';
}

/*
 * RFC 4180 CSV as Excel writes it: quoted cells may hold the delimiter,
 * doubled quotes and line breaks; CRLF or LF line ends.
 */
static int
ldg_csv(const char *name, const char *s, size_t len, struct ldg_row **ret,
    size_t *ret_n, struct sbuf *err)
{
	struct ldg_row *rows = NULL, *row;
	struct sbuf cell;
	unsigned int line = 1, qline;
	size_t p = 0, n = 0;
	char delim = ldg_delimiter(s, len);

	sb_init(&cell);
	while (p < len) {
		rows = xreallocarray(rows, n + 1, sizeof(*rows));
		row = &rows[n++];
		memset(row, 0, sizeof(*row));
		row->line = line;
		for (;;) {
			sb_reset(&cell);
			sb_adds(&cell, "");
			if (p < len && s[p] == '"') {
				qline = line;
				for (p++;; p++) {
					if (p >= len) {
						sb_printf(err, _("%s:%u: a quoted cell is never closed "
						    "(its \" opens here)"), name, qline);
						goto fail;
					}
					if (s[p] == '"') {
						if (p + 1 < len && s[p + 1] == '"') {
							sb_addc(&cell, '"');
							p++;
							continue;
						}
						p++;
						break;
					}
					line += s[p] == '\n';
					sb_addc(&cell, s[p]);
				}
				if (p < len && s[p] != delim && s[p] != '\n' && s[p] != '\r') {
					sb_printf(err, _("%s:%u: text after the closing quote of a cell"),
					    name, line);
					goto fail;
				}
			} else
				while (p < len && s[p] != delim && s[p] != '\n' && s[p] != '\r')
					sb_addc(&cell, s[p++]);
			row->cells = xreallocarray(row->cells, row->n + 1,
			    sizeof(*row->cells));
			row->cells[row->n++] = xstrdup(cell.data);
			if (p < len && s[p] == delim) {
				p++;
				continue;
			}
			if (p < len && s[p] == '\r')
				p++;
			if (p < len && s[p] == '\n')
				p++;
			line++;
			break;
		}
	}
	sb_free(&cell);
	*ret = rows;
	*ret_n = n;
	return 0;
fail:
	sb_free(&cell);
	ldg_rows_free(rows, n);
	return -EINVAL;
}

static int
ldg_row_empty(const struct ldg_row *row)
{
	size_t i;
	char *t;
	int empty;

	for (i = 0; i < row->n; i++) {
		t = ldg_norm(row->cells[i], 0);
		empty = *t == '\0';
		free(t);
		if (!empty)
			return 0;
	}
	return 1;
}

static int
ldg_find_column(const char *header)
{
	char *h = ldg_norm(header, 1), *ja, *en;
	int c, found = -1;

	for (c = 0; c < LDG_N_COLUMNS && found < 0; c++) {
		ja = ldg_norm(ldg_columns[c].ja, 1);
		en = ldg_norm(ldg_columns[c].en, 1);
		if (*h != '\0' && (strcmp(h, ja) == 0 || strcmp(h, en) == 0))
			found = c;
		free(ja);
		free(en);
	}
	free(h);
	return found;
}

/* An asset as the file gave it: cells by column, before any checking. */
struct ldg_raw {
	unsigned int line;
	const char *text[LDG_N_COLUMNS];	/* NULL: no such column */
	const char *label[LDG_N_COLUMNS];	/* the column's name in the file */
	unsigned int lines[LDG_N_COLUMNS];	/* a record file's key lines */
	const char *const *extra_names;
	const char *const *extra_values;
	size_t n_extra;
	const char *record;	/* a record file's [asset ID]: the ID */
};

static unsigned int
ldg_raw_line(const struct ldg_raw *raw, int c)
{
	return raw->lines[c] != 0 ? raw->lines[c] : raw->line;
}

static int
ldg_level(const char *name, const struct ldg_raw *raw, int c, int lo, int hi,
    int *ret, struct sbuf *err)
{
	char *t = ldg_norm(raw->text[c], 0);
	int r = ut_parse_int_in(t, lo, hi, ret);

	free(t);
	if (r < 0)
		sb_printf(err, _("%s:%u: %s is \"%s\"; expected a whole number %d-%d"), name,
		    ldg_raw_line(raw, c), raw->label[c], raw->text[c], lo, hi);
	return r;
}

/* 有 / yes marks the asset as holding that kind of data; empty / 無 / no not. */
static int
ldg_flag(const char *name, const struct ldg_raw *raw, int c, int *ret,
    struct sbuf *err)
{
	static const char *const yes[] = { "有", "有り", "あり", "○", "◯", "〇", "●",
		"✓", "✔", "yes", "y", "true", "1", "x" };
	static const char *const no[] = { "", "無", "無し", "なし", "×", "-", "no", "n",
		"false", "0" };
	char *t;
	size_t i;

	*ret = 0;
	if (raw->text[c] == NULL)
		return 0;
	t = ldg_norm(raw->text[c], 0);
	for (i = 0; i < UT_ARRAY_LEN(yes); i++)
		if (strcmp(t, yes[i]) == 0)
			*ret = 1;
	for (i = 0; i < UT_ARRAY_LEN(no) && !*ret; i++)
		if (strcmp(t, no[i]) == 0) {
			free(t);
			return 0;
		}
	free(t);
	if (*ret)
		return 0;
	sb_printf(err, _("%s:%u: %s is \"%s\"; mark it 有 or yes, or leave it empty"),
	    name, ldg_raw_line(raw, c), raw->label[c], raw->text[c]);
	return -EINVAL;
}

static int
ldg_treatment(const char *name, const struct ldg_scale *scale,
    const struct ldg_raw *raw, const struct ldg_treatment **ret,
    struct sbuf *err)
{
	char *t;
	size_t i, j;

	*ret = NULL;
	if (raw->text[LDG_TREATMENT] == NULL)
		return 0;
	t = ldg_norm(raw->text[LDG_TREATMENT], 0);
	for (i = 0; i < scale->n_treatments && *ret == NULL && *t != '\0'; i++)
		for (j = 0; j < scale->treatments[i].n_names; j++)
			if (strcmp(t, scale->treatments[i].names[j]) == 0)
				*ret = &scale->treatments[i];
	if (*t == '\0' || *ret != NULL) {
		free(t);
		return 0;
	}
	free(t);
	sb_printf(err, _("%s:%u: %s is \"%s\"; expected one of"), name,
	    ldg_raw_line(raw, LDG_TREATMENT), raw->label[LDG_TREATMENT],
	    raw->text[LDG_TREATMENT]);
	for (i = 0; i < scale->n_treatments; i++)
		sb_printf(err, "%s %s/%s", i > 0 ? "," : "",
		    scale->treatments[i].label.ja != NULL ?
		    scale->treatments[i].label.ja : scale->treatments[i].id,
		    scale->treatments[i].id);
	sb_adds(err, _(", or empty"));
	return -EINVAL;
}

/* Check raw and add it to l. */
static int
ldg_add(struct ldg_ledger *l, const struct ldg_scale *scale, const char *name,
    const struct ldg_raw *raw, struct sbuf *err)
{
	struct ldg_asset a;
	size_t i;
	int c, r;
	char *t;

	memset(&a, 0, sizeof(a));
	a.line = raw->line;
	t = raw->text[LDG_ASSET] != NULL ? ldg_norm(raw->text[LDG_ASSET], 0) :
	    xstrdup("");
	r = *t == '\0' && raw->record == NULL;
	free(t);
	if (r) {
		sb_printf(err, _("%s:%u: %s is empty: every row needs the asset's name"),
		    name, raw->line, raw->label[LDG_ASSET]);
		return -EINVAL;
	}
	if (ldg_level(name, raw, LDG_CONFIDENTIALITY, scale->cia_min, scale->cia_max,
	    &a.confidentiality, err) < 0 ||
	    ldg_level(name, raw, LDG_INTEGRITY, scale->cia_min, scale->cia_max,
	    &a.integrity, err) < 0 ||
	    ldg_level(name, raw, LDG_AVAILABILITY, scale->cia_min, scale->cia_max,
	    &a.availability, err) < 0 ||
	    ldg_level(name, raw, LDG_THREAT, scale->threat_min, scale->threat_max,
	    &a.threat, err) < 0 ||
	    ldg_level(name, raw, LDG_VULNERABILITY, scale->vuln_min, scale->vuln_max,
	    &a.vulnerability, err) < 0 ||
	    ldg_flag(name, raw, LDG_PERSONAL, &a.personal, err) < 0 ||
	    ldg_flag(name, raw, LDG_SENSITIVE, &a.sensitive_personal, err) < 0 ||
	    ldg_flag(name, raw, LDG_MY_NUMBER, &a.my_number, err) < 0 ||
	    ldg_treatment(name, scale, raw, &a.treatment, err) < 0)
		return -EINVAL;
	a.importance = a.confidentiality;
	if (a.integrity > a.importance)
		a.importance = a.integrity;
	if (a.availability > a.importance)
		a.importance = a.availability;
	a.likelihood = scale->likelihood[a.threat][a.vulnerability];
	a.risk = a.importance * a.likelihood;
	for (i = 0; i < scale->n_bands; i++)
		if (a.risk >= scale->bands[i].min && a.risk <= scale->bands[i].max)
			a.band = &scale->bands[i];
	for (c = 0; c < LDG_N_COLUMNS; c++) {
		t = xstrdup(raw->text[c] != NULL ? raw->text[c] : "");
		/* a cell may span lines in Excel; one line reads better */
		for (i = 0; t[i] != '\0'; i++)
			if (t[i] == '\r' || t[i] == '\n' || t[i] == '\t')
				t[i] = ' ';
		a.text[c] = xstrdup(ut_trim(t));
		free(t);
	}
	if (*a.text[LDG_ASSET] == '\0' && raw->record != NULL) {
		free(a.text[LDG_ASSET]);
		a.text[LDG_ASSET] = xstrdup(raw->record);
	}
	a.extra = raw->n_extra > 0 ? xcalloc(raw->n_extra, sizeof(*a.extra)) : NULL;
	for (i = 0; i < raw->n_extra; i++) {
		a.extra[i].name = xstrdup(raw->extra_names[i]);
		a.extra[i].value = xstrdup(raw->extra_values[i]);
	}
	a.n_extra = raw->n_extra;
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = a;
	return 0;
}

static int
ldg_missing(const char *name, unsigned int line, const char *what,
    const int *column_of, struct sbuf *err)
{
	int c;

	for (c = 0; c < LDG_N_COLUMNS; c++)
		if (ldg_columns[c].required && column_of[c] < 0) {
			sb_printf(err, _("%s:%u: %s lacks the column %s (%s)"), name, line,
			    what, ldg_columns[c].ja, ldg_columns[c].en);
			return -EINVAL;
		}
	return 0;
}

static int
ldg_from_csv(struct ldg_ledger *l, const struct ldg_scale *scale,
    const char *name, const char *text, size_t len, struct sbuf *err)
{
	struct ldg_row *rows = NULL, *hdr = NULL;
	struct ldg_raw raw;
	const char **extra_names = NULL, **extra_values = NULL;
	int column_of[LDG_N_COLUMNS], *col = NULL, c, r;
	size_t n = 0, i, j, k, n_extra;

	if ((r = ldg_csv(name, text, len, &rows, &n, err)) < 0)
		return r;
	/* title rows above the header are skipped: the header names a column */
	for (i = 0; i < n && hdr == NULL; i++)
		for (j = 0; j < rows[i].n && hdr == NULL; j++)
			if (ldg_find_column(rows[i].cells[j]) >= 0)
				hdr = &rows[i];
	r = -EINVAL;
	if (hdr == NULL) {
		sb_printf(err, _("%s:1: no header row: expected column names such as "
		    "情報資産名称 or asset, 機密性 or confidentiality"), name);
		goto out;
	}
	for (c = 0; c < LDG_N_COLUMNS; c++)
		column_of[c] = -1;
	col = xcalloc(hdr->n + 1, sizeof(*col));
	for (j = 0; j < hdr->n; j++) {
		col[j] = c = ldg_find_column(hdr->cells[j]);
		if (c < 0)
			continue;
		if (column_of[c] >= 0) {
			sb_printf(err, _("%s:%u: the column %s appears twice (columns %d and %zu)"),
			    name, hdr->line, hdr->cells[j], column_of[c] + 1, j + 1);
			goto out;
		}
		column_of[c] = (int)j;
	}
	if (ldg_missing(name, hdr->line, _("the header"), column_of, err) < 0)
		goto out;
	extra_names = xcalloc(hdr->n + 1, sizeof(*extra_names));
	extra_values = xcalloc(hdr->n + 1, sizeof(*extra_values));
	for (i = (size_t)(hdr - rows) + 1; i < n; i++) {
		if (ldg_row_empty(&rows[i]))
			continue;
		for (k = hdr->n; k < rows[i].n; k++)
			if (*ut_trim(rows[i].cells[k]) != '\0') {
				sb_printf(err, _("%s:%u: cell %zu is beyond the %zu columns of "
				    "the header (line %u)"), name, rows[i].line, k + 1,
				    hdr->n, hdr->line);
				goto out;
			}
		memset(&raw, 0, sizeof(raw));
		raw.line = rows[i].line;
		n_extra = 0;
		for (j = 0; j < hdr->n; j++) {
			const char *cell = j < rows[i].n ? rows[i].cells[j] : "";

			if (col[j] >= 0) {
				raw.text[col[j]] = cell;
				raw.label[col[j]] = hdr->cells[j];
			} else if (*ut_trim(hdr->cells[j]) != '\0') {
				extra_names[n_extra] = hdr->cells[j];
				extra_values[n_extra++] = cell;
			}
		}
		raw.extra_names = extra_names;
		raw.extra_values = extra_values;
		raw.n_extra = n_extra;
		if (ldg_add(l, scale, name, &raw, err) < 0)
			goto out;
	}
	r = 0;
out:
	free(extra_names);
	free(extra_values);
	free(col);
	ldg_rows_free(rows, n);
	return r;
}

/* A record-file ledger: [asset ID] with the English column names as keys. */
struct ldg_records {
	struct ldg_ledger *l;
	const struct ldg_scale *scale;
	const char *name;
	struct sbuf *err;	/* a checking error, already FILE:LINE */
	int failed;
	unsigned int line;
	char *id;
	char *text[LDG_N_COLUMNS];
	unsigned int lines[LDG_N_COLUMNS];
	char **extra_names, **extra_values;
	size_t n_extra;
};

static void
ldg_records_reset(struct ldg_records *p)
{
	size_t i;

	for (i = 0; i < LDG_N_COLUMNS; i++) {
		free(p->text[i]);
		p->text[i] = NULL;
		p->lines[i] = 0;
	}
	for (i = 0; i < p->n_extra; i++) {
		free(p->extra_names[i]);
		free(p->extra_values[i]);
	}
	free(p->extra_names);
	free(p->extra_values);
	p->extra_names = p->extra_values = NULL;
	p->n_extra = 0;
	free(p->id);
	p->id = NULL;
}

/* The record just read is complete: check it like a CSV row. */
static int
ldg_records_flush(struct ldg_records *p)
{
	struct ldg_raw raw;
	int column_of[LDG_N_COLUMNS], c, r;
	char *what;

	if (p->id == NULL)
		return 0;
	memset(&raw, 0, sizeof(raw));
	for (c = 0; c < LDG_N_COLUMNS; c++) {
		column_of[c] = p->text[c] != NULL ? c : -1;
		raw.text[c] = p->text[c];
		raw.label[c] = ldg_columns[c].en;
		raw.lines[c] = p->lines[c];
	}
	raw.line = p->line;
	raw.record = p->id;
	raw.extra_names = (const char *const *)p->extra_names;
	raw.extra_values = (const char *const *)p->extra_values;
	raw.n_extra = p->n_extra;
	/* a record may leave out its name: the ID stands for it */
	column_of[LDG_ASSET] = LDG_ASSET;
	what = xasprintf("[asset %s]", p->id);
	r = ldg_missing(p->name, p->line, what, column_of, p->err);
	free(what);
	if (r == 0)
		r = ldg_add(p->l, p->scale, p->name, &raw, p->err);
	ldg_records_reset(p);
	return r;
}

static int
ldg_record(void *user, const struct sa_record *r, struct sa_record_error *err)
{
	struct ldg_records *p = user;
	int c;

	if (r->key == NULL) {
		if (ldg_records_flush(p) < 0)
			goto failed;
		if (strcmp(r->type, "asset") != 0)
			return rf_error(err, _("expected [asset ID], one record per asset"));
		p->id = xstrdup(r->name);
		p->line = r->line;
		return 0;
	}
	c = ldg_find_column(r->key);
	if (c >= 0) {
		if (p->text[c] != NULL)
			return rf_error(err, _("%s is given twice (as %s)"), ldg_columns[c].en,
			    r->key);
		p->text[c] = xstrdup(r->value);
		p->lines[c] = r->line;
		return 0;
	}
	p->extra_names = xreallocarray(p->extra_names, p->n_extra + 1,
	    sizeof(*p->extra_names));
	p->extra_values = xreallocarray(p->extra_values, p->n_extra + 1,
	    sizeof(*p->extra_values));
	p->extra_names[p->n_extra] = xstrdup(r->key);
	p->extra_values[p->n_extra++] = xstrdup(r->value);
	return 0;
failed:
	/* the message is complete; the reader must not prefix it again */
	p->failed = 1;
	return rf_error(err, "%s", "");
}

static int
ldg_from_records(struct ldg_ledger *l, const struct ldg_scale *scale,
    const char *name, const char *text, size_t len, struct sbuf *err)
{
	struct ldg_records p;
	struct sbuf check;
	int r;

	memset(&p, 0, sizeof(p));
	sb_init(&check);
	p.l = l;
	p.scale = scale;
	p.name = name;
	p.err = &check;
	r = rf_parse_buffer(name, text, len, NULL, ldg_record, &p, err);
	if (r == 0 && ldg_records_flush(&p) < 0)
		p.failed = 1;
	if (p.failed) {
		sb_reset(err);
		sb_adds(err, check.data);
		r = -EINVAL;
	}
	ldg_records_reset(&p);
	sb_free(&check);
	return r;
}

static int
ldg_is_records(const char *name, const char *text)
{
	const char *dot = strrchr(name, '.');
	const char *p = text;

	if (dot != NULL && ut_streq_ci(dot, ".ini"))
		return 1;
	if (dot != NULL && (ut_streq_ci(dot, ".csv") || ut_streq_ci(dot, ".tsv")))
		return 0;
	/* no telling extension: a record file starts with a comment or [ */
	for (;;) {
		p += strspn(p, " \t\r\n");
		if (*p != '#' && *p != ';')
			break;
		p += strcspn(p, "\n");
	}
	return *p == '[';
}

int
ldg_load_buffer(struct ldg_ledger *l, const struct ldg_scale *scale,
    const char *name, const char *data, size_t len, struct sbuf *err)
{
	char *text;
	size_t text_len;
	const char *encoding;
	int r, records;

	memset(l, 0, sizeof(*l));
	sb_reset(err);
	if ((r = ldg_decode(name, data, len, &text, &text_len, &encoding, err)) < 0)
		return r;
	records = ldg_is_records(name, text);
	r = records ? ldg_from_records(l, scale, name, text, text_len, err) :
	    ldg_from_csv(l, scale, name, text, text_len, err);
	free(text);
	if (r < 0) {
		sb_one_line(err);	/* a quoted cell may hold a line break */
		ldg_free(l);
		return r;
	}
	l->path = xstrdup(name);
	l->encoding = encoding;
	l->format = records ? "ini" : "csv";
	return 0;
}

int
ldg_load(struct ldg_ledger *l, const struct ldg_scale *scale, const char *path,
    struct sbuf *err)
{
	char *data;
	size_t len;
	int r;

	memset(l, 0, sizeof(*l));
	r = ut_read_file(path, LDG_MAX_FILE, &data, &len);
	if (r < 0) {
		sb_reset(err);
		sb_printf(err, "%s: %s", path, r == -EINVAL ? _("not a regular file") :
		    r == -EFBIG ? _("too large for a ledger") : strerror(-r));
		return r;
	}
	r = ldg_load_buffer(l, scale, path, data, len, err);
	free(data);
	return r;
}

void
ldg_free(struct ldg_ledger *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < LDG_N_COLUMNS; j++)
			free(l->v[i].text[j]);
		for (j = 0; j < l->v[i].n_extra; j++) {
			free(l->v[i].extra[j].name);
			free(l->v[i].extra[j].value);
		}
		free(l->v[i].extra);
	}
	free(l->v);
	free(l->path);
	memset(l, 0, sizeof(*l));
}

static int
ldg_asset_cmp(const void *x, const void *y)
{
	const struct ldg_asset *a = x, *b = y;

	if (a->risk != b->risk)
		return b->risk - a->risk;
	if (a->importance != b->importance)
		return b->importance - a->importance;
	return (a->line > b->line) - (a->line < b->line);
}

void
ldg_sort(struct ldg_ledger *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), ldg_asset_cmp);
}

int
ldg_untreated(const struct ldg_asset *a)
{
	return a->band != NULL && a->band->needs_treatment && a->treatment == NULL;
}

static void
ldg_json_text(struct jw *w, const struct ldg_asset *a, enum ldg_column c)
{
	jw_string(w, ldg_columns[c].en, *a->text[c] != '\0' ? a->text[c] : NULL);
}

void
ldg_write_json(struct jw *w, const struct ldg_ledger *l, const char *lang)
{
	const struct ldg_asset *a;
	size_t i, j;

	jw_array(w, "assets");
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		jw_object(w, NULL);
		jw_string(w, "name", a->text[LDG_ASSET]);
		jw_int(w, "importance", a->importance);
		jw_int(w, "likelihood", a->likelihood);
		jw_int(w, "risk", a->risk);
		jw_string(w, "band", a->band != NULL ? a->band->id : NULL);
		jw_string(w, "band_label", a->band != NULL ?
		    cat_text(&a->band->label, lang) : NULL);
		jw_string(w, "treatment", a->treatment != NULL ? a->treatment->id : NULL);
		jw_int(w, "line", a->line);
		jw_bool(w, "needs_treatment", ldg_untreated(a));
		ldg_json_text(w, a, LDG_AREA);
		ldg_json_text(w, a, LDG_NOTE);
		ldg_json_text(w, a, LDG_USERS);
		ldg_json_text(w, a, LDG_OWNER);
		ldg_json_text(w, a, LDG_LOCATION);
		jw_bool(w, "personal", a->personal);
		jw_bool(w, "sensitive_personal", a->sensitive_personal);
		jw_bool(w, "my_number", a->my_number);
		jw_int(w, "confidentiality", a->confidentiality);
		jw_int(w, "integrity", a->integrity);
		jw_int(w, "availability", a->availability);
		jw_int(w, "threat", a->threat);
		jw_int(w, "vulnerability", a->vulnerability);
		ldg_json_text(w, a, LDG_RETENTION);
		ldg_json_text(w, a, LDG_REGISTERED);
		jw_object(w, "extra");
		for (j = 0; j < a->n_extra; j++)
			jw_string(w, a->extra[j].name, a->extra[j].value);
		jw_end(w, '}');
		jw_end(w, '}');
	}
	jw_end(w, ']');
}
