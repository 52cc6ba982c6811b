/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "pwrules.h"
#include "pwtext.h"

/* The longest a rule may demand; keeps arithmetic far from overflow. */
#define PWR_MAX_NUMBER 100000L

struct pwr_load {
	struct pwr_set *set;
	const char *file;	/* owned by the set */
	char *dir;		/* of the file, for relative word lists */
	size_t cur;		/* index of the record being read + 1; 0 none */
};

void
pwr_init(struct pwr_set *set, const struct sa_host *host, struct sa_ctx *ctx,
    const struct sa_config_key *keys)
{
	memset(set, 0, sizeof(*set));
	set->host = host;
	set->ctx = ctx;
	set->keys = keys;
}

static void
pwr_rule_free(const struct pwr_set *set, struct pwr_rule *r)
{
	size_t i;

	free(r->id);
	free(r->message_en);
	free(r->message_ja);
	free(r->contains);
	free(r->pattern);
	if (r->rx != NULL)
		set->host->rx_free(r->rx);
	for (i = 0; i < r->n_sources; i++) {
		free(r->sources[i].path);
		free(r->sources[i].word);
	}
	free(r->sources);
}

void
pwr_free(struct pwr_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		pwr_rule_free(set, &set->v[i]);
	free(set->v);
	for (i = 0; i < set->n_files; i++)
		free(set->files[i]);
	free(set->files);
	memset(set, 0, sizeof(*set));
}

const struct pwr_rule *
pwr_find(const struct pwr_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].id, id) == 0)
			return &set->v[i];
	return NULL;
}

int
pwr_disable(struct pwr_set *set, const char *id)
{
	struct pwr_rule *r = (struct pwr_rule *)pwr_find(set, id);

	if (r == NULL)
		return -ENOENT;
	r->disabled = 1;
	return 0;
}

const char *
pwr_message(const struct pwr_rule *r, const char *lang)
{
	return lang != NULL && strcmp(lang, "ja") == 0 && r->message_ja != NULL ?
	    r->message_ja : r->message_en;
}

static int
pwr_fail(struct sa_record_error *err, unsigned int column, const char *fmt, ...)
    SA_PRINTF(3, 4);

static int
pwr_fail(struct sa_record_error *err, unsigned int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	err->column = column;
	return -EINVAL;
}

static int
pwr_number(const char *value, long *ret, struct sa_record_error *err)
{
	unsigned long long v;

	if (hf_parse_uint(value, &v) < 0 || v > PWR_MAX_NUMBER)
		return pwr_fail(err, 1, E_("expected a whole number from 0 to %ld, not \"%s\""),
		    PWR_MAX_NUMBER, value);
	*ret = (long)v;
	return 0;
}

static int
pwr_bool(const char *value, int *ret, struct sa_record_error *err)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };
	int i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(value, yes[i]) == 0) {
			*ret = 1;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(value, no[i]) == 0) {
			*ret = 0;
			return 0;
		}
	return pwr_fail(err, 1, E_("expected yes or no, not \"%s\""), value);
}

struct pwr_word_bit {
	const char *name;
	unsigned int bit;
};

static const struct pwr_word_bit pwr_classes[] = {
	{ "lower", PWT_LOWER },
	{ "upper", PWT_UPPER },
	{ "digit", PWT_DIGIT },
	{ "symbol", PWT_SYMBOL },
	{ "space", PWT_SPACE },
	{ "other", PWT_OTHER },
	{ "letter", PWT_LOWER | PWT_UPPER | PWT_OTHER },
	{ NULL, 0 }
};

static const struct pwr_word_bit pwr_flags[] = {
	{ "caseless", SA_RX_CASELESS },
	{ "utf", SA_RX_UTF },
	{ "extended", SA_RX_EXTENDED },
	{ "multiline", SA_RX_MULTILINE },
	{ "dotall", SA_RX_DOTALL },
	{ "anchored", SA_RX_ANCHORED },
	{ "full", SA_RX_FULL },
	{ NULL, 0 }
};

/*
 * "a, b c": items separated by commas or blanks, each a word of table or
 * (with alternatives) several joined by '|'.  Each item's bits go to
 * ret[i] when ret_n is given; otherwise all are or-ed into ret[0].
 */
static int
pwr_words_of(const char *value, const struct pwr_word_bit *table,
    const char *what, int alternatives, unsigned int *ret, size_t *ret_n,
    size_t max, struct sa_record_error *err)
{
	const char *p = value, *start;
	unsigned int bits = 0, item = 0;
	size_t n, i, count = 0;

	for (;;) {
		p += strspn(p, " \t,");
		if (*p == '\0')
			break;
		start = p;
		n = strcspn(p, alternatives ? " \t,|" : " \t,");
		for (i = 0; table[i].name != NULL; i++)
			if (strlen(table[i].name) == n &&
			    strncmp(table[i].name, start, n) == 0)
				break;
		if (table[i].name == NULL) {
			char known[160] = "";

			for (i = 0; table[i].name != NULL; i++) {
				strncat(known, i > 0 ? ", " : "", sizeof(known) - strlen(known) - 1);
				strncat(known, table[i].name, sizeof(known) - strlen(known) - 1);
			}
			return pwr_fail(err, (unsigned int)pwt_utf8_chars(value,
			    (size_t)(start - value)) + 1, "unknown %s \"%.*s\" (known: %s)",
			    what, (int)n, start, known);
		}
		item |= table[i].bit;
		p += n;
		if (alternatives && *p == '|') {
			p++;
			continue;
		}
		if (ret_n != NULL) {
			if (count == max)
				return pwr_fail(err, 0, E_("more than %zu %ss"), max, what);
			ret[count] = item;
		}
		count++;
		bits |= item;
		item = 0;
	}
	if (count == 0)
		return pwr_fail(err, 1, E_("no %s given"), what);
	if (ret_n != NULL)
		*ret_n = count;
	else
		*ret = bits;
	return 0;
}

static const struct sa_config_key *
pwr_key(const struct pwr_set *set, const char *name)
{
	const struct sa_config_key *k;

	for (k = set->keys; k != NULL && k->name != NULL; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

static void
pwr_add_source(struct pwr_rule *r, const char *path, const char *word,
    unsigned int line)
{
	struct pwr_source *s;

	r->sources = hf_grow(r->sources, r->n_sources + 1, sizeof(*r->sources));
	s = &r->sources[r->n_sources++];
	memset(s, 0, sizeof(*s));
	s->line = line;
	s->path = path != NULL ? hf_strdup(path) : NULL;
	s->word = word != NULL ? hf_strdup(word) : NULL;
}

/* file = PATH | $key, word = WORD | $key */
static int
pwr_source(struct pwr_load *ld, struct pwr_rule *r, const char *key,
    const char *value, unsigned int line, struct sa_record_error *err)
{
	const struct pwr_set *set = ld->set;
	const struct sa_config_key *k;
	const char *const *values, *one;
	int is_file = strcmp(key, "file") == 0, rc;
	size_t n, i;
	char *path;

	r->sources_given = 1;
	if (value[0] == '\0')
		return pwr_fail(err, 0, E_("%s needs a value"), key);
	if (value[0] != '$') {
		if (!is_file)
			pwr_add_source(r, NULL, value, line);
		else if (value[0] == '/' || ld->dir == NULL)
			pwr_add_source(r, value, NULL, line);
		else {
			path = hf_printf("%s/%s", ld->dir, value);
			pwr_add_source(r, path, NULL, line);
			free(path);
		}
		return 0;
	}
	/* A setting of [plugin.password] supplies the value(s). */
	k = pwr_key(set, value + 1);
	if (k == NULL)
		return pwr_fail(err, 2, E_("\"%s\" is not a setting of [plugin.password]"),
		    value + 1);
	if (is_file ? k->type != SA_CONFIG_PATH : k->type != SA_CONFIG_STRING)
		return pwr_fail(err, 2, E_("setting \"%s\" does not hold %s"), value + 1,
		    is_file ? E_("word list paths") : E_("words"));
	if (k->flags & SA_CONFIG_MULTI) {
		if (set->host->config_list(set->ctx, NULL, k->name, &values, &n) < 0)
			return pwr_fail(err, 2, E_("cannot read setting \"%s\""), k->name);
	} else {
		rc = set->host->config_string(set->ctx, NULL, k->name, &one);
		if (rc == -ENOENT)
			return 0;
		if (rc < 0)
			return pwr_fail(err, 2, E_("cannot read setting \"%s\""), k->name);
		values = &one;
		n = 1;
	}
	for (i = 0; i < n; i++)
		pwr_add_source(r, is_file ? values[i] : NULL,
		    is_file ? NULL : values[i], line);
	return 0;
}

static int
pwr_string(char **slot, const char *value, struct sa_record_error *err)
{
	if (value[0] == '\0')
		return pwr_fail(err, 0, E_("empty value"));
	free(*slot);
	*slot = hf_strdup(value);
	return 0;
}

static int
pwr_header(struct pwr_load *ld, const struct sa_record *rec,
    struct sa_record_error *err)
{
	struct pwr_set *set = ld->set;
	const struct pwr_rule *other;
	struct pwr_rule *r;
	enum pwr_kind kind;

	if (strcmp(rec->type, "length") == 0)
		kind = PWR_LENGTH;
	else if (strcmp(rec->type, "rule") == 0)
		kind = PWR_PATTERN;
	else if (strcmp(rec->type, "words") == 0)
		kind = PWR_WORDS;
	else
		return pwr_fail(err, 0, E_("unknown record [%s%s%s]: expected [length ID], [rule ID] or [words ID]"),
		    rec->type, rec->type[0] != '\0' ? " " : "", rec->name);
	if ((other = pwr_find(set, rec->name)) != NULL)
		return pwr_fail(err, 0, E_("rule \"%s\" is already defined at %s:%u"),
		    rec->name, other->file, other->line);
	if (kind == PWR_WORDS && set->n_lists >= PWW_MAX_LISTS)
		return pwr_fail(err, 0, E_("more than %d [words] records"), PWW_MAX_LISTS);
	set->v = hf_grow(set->v, set->n + 1, sizeof(*set->v));
	r = &set->v[set->n++];
	memset(r, 0, sizeof(*r));
	r->id = hf_strdup(rec->name);
	r->kind = kind;
	r->file = ld->file;
	r->line = rec->line;
	r->severity = -1;
	r->min_length = r->max_length = -1;
	r->max_unique = -1;
	r->max_rest = -1;
	r->strip = 1;
	if (kind == PWR_WORDS)
		r->list = set->n_lists++;
	ld->cur = set->n;
	return 0;
}

static int
pwr_pattern(struct pwr_load *ld, struct pwr_rule *r, const char *value,
    struct sa_record_error *err)
{
	const struct pwr_set *set = ld->set;
	struct sa_rx_error rxerr;
	size_t off;

	if (value[0] == '\0')
		return pwr_fail(err, 0, E_("empty pattern"));
	memset(&rxerr, 0, sizeof(rxerr));
	if (set->host->rx_compile(set->ctx, value, r->rx_flags, &r->rx, &rxerr) < 0) {
		/* PCRE2 counts bytes; an editor shows characters. */
		off = rxerr.offset <= strlen(value) ? rxerr.offset : strlen(value);
		return pwr_fail(err, (unsigned int)pwt_utf8_chars(value, off) + 1,
		    "%s", rxerr.message[0] != '\0' ? rxerr.message : "bad pattern");
	}
	r->pattern = hf_strdup(value);
	return 0;
}

static int
pwr_field(struct pwr_load *ld, const struct sa_record *rec,
    struct sa_record_error *err)
{
	struct pwr_rule *r = &ld->set->v[ld->cur - 1];
	const char *key = rec->key, *v = rec->value;
	int common = 1, b;
	unsigned int bits;

	if (strcmp(key, "severity") == 0) {
		if ((r->severity = pwt_severity(v)) < 0)
			return pwr_fail(err, 1, E_("unknown severity \"%s\" (info, low, medium, high, critical)"), v);
	} else if (strcmp(key, "message.en") == 0)
		return pwr_string(&r->message_en, v, err);
	else if (strcmp(key, "message.ja") == 0)
		return pwr_string(&r->message_ja, v, err);
	else if (strcmp(key, "min_length") == 0)
		return pwr_number(v, &r->min_length, err);
	else if (strcmp(key, "max_length") == 0)
		return pwr_number(v, &r->max_length, err);
	else
		common = 0;
	if (common)
		return 0;

	if (r->kind == PWR_PATTERN) {
		if (strcmp(key, "pattern") == 0) {
			if (r->pattern != NULL)
				return pwr_fail(err, 0, E_("pattern given twice"));
			return pwr_pattern(ld, r, v, err);
		}
		if (strcmp(key, "flags") == 0) {
			if (r->pattern != NULL)
				return pwr_fail(err, 0, E_("flags must come before pattern: the pattern is compiled on its own line"));
			if (pwr_words_of(v, pwr_flags, E_("flag"), 0, &bits, NULL, 1, err) < 0)
				return -EINVAL;
			r->rx_flags = bits;
			r->flags_given = 1;
			return 0;
		}
		if (strcmp(key, "min_digits") == 0)
			return pwr_number(v, &r->min_digits, err);
		if (strcmp(key, "min_run") == 0)
			return pwr_number(v, &r->min_run, err);
		if (strcmp(key, "min_sequence") == 0)
			return pwr_number(v, &r->min_sequence, err);
		if (strcmp(key, "min_walk") == 0)
			return pwr_number(v, &r->min_walk, err);
		if (strcmp(key, "min_repeats") == 0)
			return pwr_number(v, &r->min_repeats, err);
		if (strcmp(key, "max_rest") == 0)
			return pwr_number(v, &r->max_rest, err);
		if (strcmp(key, "max_unique") == 0) {
			size_t n = strlen(v);
			char num[32];

			r->max_unique_pct = n > 0 && v[n - 1] == '%';
			if (n - (size_t)r->max_unique_pct >= sizeof(num) || n == 0)
				return pwr_fail(err, 1, E_("expected a number or a percentage"));
			memcpy(num, v, n - (size_t)r->max_unique_pct);
			num[n - (size_t)r->max_unique_pct] = '\0';
			if (pwr_number(num, &r->max_unique, err) < 0)
				return -EINVAL;
			if (r->max_unique_pct && r->max_unique > 100)
				return pwr_fail(err, 1, E_("a percentage is at most 100%%"));
			return 0;
		}
		if (strcmp(key, "requires") == 0)
			return pwr_words_of(v, pwr_classes, E_("character class"), 1,
			    r->requires, &r->n_requires, PWR_MAX_REQUIRES, err);
		if (strcmp(key, "only") == 0)
			return pwr_words_of(v, pwr_classes, E_("character class"), 0,
			    &r->only, NULL, 1, err);
		if (strcmp(key, "contains") == 0)
			return pwr_string(&r->contains, v, err);
	}
	if (r->kind == PWR_WORDS) {
		if (strcmp(key, "file") == 0 || strcmp(key, "word") == 0)
			return pwr_source(ld, r, key, v, rec->line, err);
		if (strcmp(key, "strip") == 0)
			return pwr_bool(v, &r->strip, err);
		if (strcmp(key, "combine") == 0)
			return pwr_bool(v, &r->combine, err);
		if (strcmp(key, "optional") == 0) {
			if (pwr_bool(v, &b, err) < 0)
				return -EINVAL;
			r->optional = b;
			return 0;
		}
	}
	return pwr_fail(err, 0, E_("unknown key \"%s\" in a [%s] record"), key,
	    rec->type);
}

static int
pwr_handler(void *user, const struct sa_record *rec, struct sa_record_error *err)
{
	struct pwr_load *ld = user;

	if (rec->key == NULL)
		return pwr_header(ld, rec, err);
	return pwr_field(ld, rec, err);
}

static const char *const pwr_repeatable[] = { "file", "word", NULL };

int
pwr_load_file(struct pwr_set *set, const char *path)
{
	struct pwr_load ld;
	char *slash;
	int r;

	memset(&ld, 0, sizeof(ld));
	set->files = hf_grow(set->files, set->n_files + 1, sizeof(*set->files));
	set->files[set->n_files] = hf_strdup(path);
	ld.file = set->files[set->n_files++];
	ld.set = set;
	ld.dir = hf_strdup(path);
	slash = strrchr(ld.dir, '/');
	if (slash == NULL) {
		free(ld.dir);
		ld.dir = NULL;
	} else if (slash == ld.dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	r = set->host->parse_records(set->ctx, path, pwr_repeatable, pwr_handler, &ld);
	free(ld.dir);
	return r < 0 ? r : 0;
}

static int
pwr_error(const struct pwr_set *set, const struct pwr_rule *r, unsigned int line,
    const char *fmt, ...) SA_PRINTF(4, 5);

static int
pwr_error(const struct pwr_set *set, const struct pwr_rule *r, unsigned int line,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	set->host->log(set->ctx, SA_LOG_ERROR, "%s:%u: %s", r->file,
	    line != 0 ? line : r->line, msg);
	return -EINVAL;
}

/* One record, complete and consistent? */
static int
pwr_check_rule(struct pwr_set *set, struct pwr_rule *r)
{
	static const char *const kinds[] = { "", "length", "rule", "words" };
	struct pwr_source *s;
	size_t i, kept = 0;
	int rc;

	if (r->severity < 0)
		return pwr_error(set, r, 0, E_("[%s %s] has no severity"), kinds[r->kind], r->id);
	if (r->message_en == NULL || r->message_ja == NULL)
		return pwr_error(set, r, 0, E_("[%s %s] needs message.en and message.ja"),
		    kinds[r->kind], r->id);
	if (r->min_length >= 0 && r->max_length >= 0 && r->min_length > r->max_length)
		return pwr_error(set, r, 0, E_("[%s %s]: min_length is above max_length"),
		    kinds[r->kind], r->id);
	switch (r->kind) {
	case PWR_LENGTH:
		if (r->min_length < 0 && r->max_length < 0)
			return pwr_error(set, r, 0, E_("[length %s] needs min_length or max_length"), r->id);
		break;
	case PWR_PATTERN:
		if (r->pattern == NULL)
			return pwr_error(set, r, 0, E_("[rule %s] has no pattern"), r->id);
		break;
	case PWR_WORDS:
		if (!r->sources_given)
			return pwr_error(set, r, 0, E_("[words %s] needs a file or a word"), r->id);
		for (i = 0; i < r->n_sources; i++) {
			s = &r->sources[i];
			if (s->path == NULL ||
			    (rc = pww_check_file(s->path, &s->size)) == 0) {
				r->sources[kept++] = *s;
				continue;
			}
			if (rc == -ENOENT && r->optional) {
				set->host->log(set->ctx, SA_LOG_WARNING,
				    E_("%s:%u: word list %s is missing; [words %s] goes without it"),
				    r->file, s->line, s->path, r->id);
				free(s->path);
				continue;
			}
			return pwr_error(set, r, s->line, E_("word list %s: %s"), s->path,
			    strerror(-rc));
		}
		r->n_sources = kept;
		break;
	}
	return 0;
}

int
pwr_finish(struct pwr_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (pwr_check_rule(set, &set->v[i]) < 0)
			return -EINVAL;
	return 0;
}
