/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "findings.h"
#include "i18n.h"

void
fnd_init(struct fnd_store *st, size_t max_examples)
{
	memset(st, 0, sizeof(*st));
	st->max_examples = max_examples;
}

static void
fnd_finding_free(struct fnd_finding *f)
{
	size_t i;

	free(f->id);
	free(f->plugin);
	free(f->check);
	free(f->title_en);
	free(f->title_ja);
	free(f->remediation_en);
	free(f->remediation_ja);
	free(f->evidence);
	free(f->detail_en);
	free(f->detail_ja);
	for (i = 0; i < f->n_examples; i++)
		free(f->examples[i]);
	free(f->examples);
}

void
fnd_free(struct fnd_store *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		fnd_finding_free(&st->v[i]);
	free(st->v);
	st->v = NULL;
	st->n = 0;
}

const char *
fnd_level_name(int level)
{
	switch (level) {
	case SA_LEVEL_IMPLEMENTED: return "ok";
	case SA_LEVEL_PARTLY: return "partly";
	case SA_LEVEL_NOT: return "not";
	case SA_LEVEL_NA: return "na";
	default: return "unknown";
	}
}

const char *
fnd_severity_name(int severity)
{
	switch (severity) {
	case SA_SEV_INFO: return "info";
	case SA_SEV_LOW: return "low";
	case SA_SEV_MEDIUM: return "medium";
	case SA_SEV_HIGH: return "high";
	case SA_SEV_CRITICAL: return "critical";
	default: return "info";
	}
}

static char *
fnd_dup_redacted(const char *s)
{
	return s != NULL ? fnd_redact(xstrdup(s)) : NULL;
}

struct fnd_finding *
fnd_get(struct fnd_store *st, const char *plugin, const struct sa_check *check,
    int level)
{
	struct fnd_finding *f;
	char *full;
	size_t i;

	full = xasprintf("%s.%s", plugin, check->name);
	for (i = 0; i < st->n; i++)
		if (st->v[i].level == level && strcmp(st->v[i].check, full) == 0) {
			free(full);
			return &st->v[i];
		}
	st->v = xreallocarray(st->v, st->n + 1, sizeof(*st->v));
	f = &st->v[st->n++];
	memset(f, 0, sizeof(*f));
	f->check = full;
	f->id = xasprintf("%s:%s", full, fnd_level_name(level));
	f->plugin = xstrdup(plugin);
	f->item = check->item;
	f->cloud_item = check->cloud_item;
	f->level = level;
	f->severity = level < SA_LEVEL_IMPLEMENTED && level != SA_LEVEL_UNKNOWN ?
	    (check->severity != SA_SEV_DEFAULT ? (int)check->severity : SA_SEV_MEDIUM) :
	    SA_SEV_INFO;
	f->title_en = xstrdup(check->title_en != NULL ? check->title_en : check->name);
	f->title_ja = check->title_ja != NULL ? xstrdup(check->title_ja) : NULL;
	f->remediation_en = check->remediation_en != NULL ?
	    xstrdup(check->remediation_en) : NULL;
	f->remediation_ja = check->remediation_ja != NULL ?
	    xstrdup(check->remediation_ja) : NULL;
	f->scored = 1;
	return f;
}

/*
 * A check that could not tell because the run lacks a permission says so
 * in the same words for every plugin (also third-party ones): evidence
 * of a -1 report naming EACCES or EPERM, as strerror or the shipped
 * plugins' library words them (in English or the report's language),
 * gets "insufficient privilege: " (or its translation) in front.
 */
static char *
fnd_privilege(char *evidence)
{
	const char *denied[] = {
		"permission denied", "operation not permitted",
		strerror(EACCES), strerror(EPERM),
		_("permission denied"), _("operation not permitted")
	};
	const char *marker = _(FND_PRIVILEGE);
	char *marked;
	size_t i;

	if (strstr(evidence, FND_PRIVILEGE) != NULL ||
	    strstr(evidence, marker) != NULL)
		return evidence;
	for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++)
		if (strcasestr(evidence, denied[i]) != NULL)
			break;
	if (i == sizeof(denied) / sizeof(denied[0]))
		return evidence;
	marked = xasprintf("%s: %s", marker, evidence);
	free(evidence);
	return marked;
}

void
fnd_add(struct fnd_finding *f, const struct fnd_store *st, const char *object,
    const char *evidence, const char *detail_en, const char *detail_ja,
    int severity)
{
	f->count++;
	if (object != NULL && f->n_examples < st->max_examples) {
		f->examples = xreallocarray(f->examples, f->n_examples + 1,
		    sizeof(*f->examples));
		f->examples[f->n_examples++] = fnd_dup_redacted(object);
	}
	if (f->evidence == NULL && evidence != NULL) {
		f->evidence = fnd_dup_redacted(evidence);
		if (f->level == SA_LEVEL_UNKNOWN)
			f->evidence = fnd_privilege(f->evidence);
	}
	if (f->detail_en == NULL && detail_en != NULL)
		f->detail_en = fnd_dup_redacted(detail_en);
	if (f->detail_ja == NULL && detail_ja != NULL)
		f->detail_ja = fnd_dup_redacted(detail_ja);
	if (severity > SA_SEV_DEFAULT && severity <= SA_SEV_CRITICAL &&
	    f->level < SA_LEVEL_IMPLEMENTED && severity > f->severity)
		f->severity = severity;
}

void
fnd_add_count(struct fnd_finding *f, uint64_t n)
{
	f->count += n;
}

void
fnd_unscore_plugin(struct fnd_store *st, const char *plugin)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].plugin, plugin) == 0)
			st->v[i].scored = 0;
}

static int
fnd_level_rank(int level)
{
	/* worst first: not, partly, unknown, ok, na */
	switch (level) {
	case SA_LEVEL_NOT: return 0;
	case SA_LEVEL_PARTLY: return 1;
	case SA_LEVEL_UNKNOWN: return 2;
	case SA_LEVEL_IMPLEMENTED: return 3;
	default: return 4;
	}
}

static int
fnd_cmp(const void *pa, const void *pb)
{
	const struct fnd_finding *a = pa, *b = pb;
	int ia = a->item ? a->item : 1000 + a->cloud_item;
	int ib = b->item ? b->item : 1000 + b->cloud_item;

	if (ia != ib)
		return ia < ib ? -1 : 1;
	if (fnd_level_rank(a->level) != fnd_level_rank(b->level))
		return fnd_level_rank(a->level) - fnd_level_rank(b->level);
	if (a->severity != b->severity)
		return b->severity - a->severity;
	return strcmp(a->id, b->id);
}

void
fnd_sort(struct fnd_store *st)
{
	if (st->n > 1)
		qsort(st->v, st->n, sizeof(*st->v), fnd_cmp);
}

static int
fnd_hash_char(int c)
{
	return isalnum(c) || c == '.' || c == '/' || c == '$' || c == '=' ||
	    c == '+' || c == '-' || c == '_';
}

/* At s: "$ID$" with ID 1-8 chars of [a-z0-9], then a hash-like run. */
static size_t
fnd_crypt_len(const char *s)
{
	size_t i = 1, n;

	if (s[0] != '$')
		return 0;
	while (i < 10 && (islower((unsigned char)s[i]) || isdigit((unsigned char)s[i])))
		i++;
	if (i == 1 || s[i] != '$')
		return 0;
	n = i + 1;
	while (fnd_hash_char((unsigned char)s[n]))
		n++;
	return n - i - 1 >= 8 ? n : 0;
}

static const char *const fnd_secret_words[] = {
	"password", "passwd", "passphrase", "secret", "token", "apikey",
	"api_key", "pwd", NULL
};

/* At s: "password" (any case) followed by optional spaces and = or :. */
static size_t
fnd_secret_key_len(const char *s)
{
	size_t i, n;

	for (i = 0; fnd_secret_words[i] != NULL; i++) {
		n = strlen(fnd_secret_words[i]);
		if (strncasecmp(s, fnd_secret_words[i], n) != 0)
			continue;
		while (s[n] == ' ' || s[n] == '\t')
			n++;
		if (s[n] == '=' || s[n] == ':')
			return n + 1;
	}
	return 0;
}

char *
fnd_redact(char *s)
{
	static const char mask[] = "[redacted]";
	struct sbuf out;
	size_t i = 0, n, k;
	int changed = 0;

	sb_init(&out);
	while (s[i] != '\0') {
		if ((n = fnd_crypt_len(s + i)) > 0) {
			sb_adds(&out, mask);
			i += n;
			changed = 1;
			continue;
		}
		/*
		 * No word boundary before the key: "userPassword:" (LDIF),
		 * "dbpassword=" and "authtoken=" hold secrets too.
		 */
		if ((k = fnd_secret_key_len(s + i)) > 0) {
			sb_add(&out, s + i, k);
			i += k;
			while (s[i] == ' ' || s[i] == '\t')
				sb_addc(&out, s[i++]);
			n = 0;
			while (s[i + n] != '\0' && s[i + n] != ' ' && s[i + n] != '\t' &&
			    s[i + n] != ',' && s[i + n] != ';' && s[i + n] != '\n')
				n++;
			if (n > 0) {
				sb_adds(&out, mask);
				i += n;
				changed = 1;
			}
			continue;
		}
		sb_addc(&out, s[i++]);
	}
	if (changed) {
		free(s);
		return sb_steal(&out);
	}
	sb_free(&out);
	return s;
}
