/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "eol.h"

int
eol_parse_date(const char *s, time_t *ret)
{
	struct tm tm;
	int y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 ||
	    d > 31 || y < 1970)
		return -EINVAL;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + 1;	/* support lasts through the named day */
	*ret = timegm(&tm);
	/* timegm normalises 2023-02-30: refuse dates that do not exist. */
	{
		struct tm back;
		time_t day = *ret - 86400;

		gmtime_r(&day, &back);
		if (back.tm_mday != d || back.tm_mon != m - 1)
			return -EINVAL;
	}
	return 0;
}

void
eol_add(struct eol_table *t, const struct eol_entry *e)
{
	t->v = hf_grow(t->v, t->n + 1, sizeof(*t->v));
	t->v[t->n++] = *e;
}

static void
eol_entry_free(struct eol_entry *e)
{
	free(e->name);
	free(e->id);
	free(e->version);
	free(e->os_name);
	free(e->label);
	free(e->extended_label);
	free(e->extended_source);
}

void
eol_free(struct eol_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		eol_entry_free(&t->v[i]);
	free(t->v);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

static int
eol_record(void *user, const struct sa_record *rec, struct sa_record_error *err)
{
	struct eol_table *t = user;
	struct eol_entry *e;
	char **slot = NULL;
	time_t *when = NULL;

	if (rec->key == NULL) {
		struct eol_entry fresh;

		if (strcmp(rec->type, "release") != 0) {
			snprintf(err->message, sizeof(err->message),
			    "expected a [release NAME] record, not [%s%s%s]",
			    rec->type, rec->type[0] != '\0' ? " " : "", rec->name);
			return -1;
		}
		memset(&fresh, 0, sizeof(fresh));
		fresh.name = hf_strdup(rec->name);
		fresh.line = rec->line;
		eol_add(t, &fresh);
		return 0;
	}
	e = &t->v[t->n - 1];
	if (strcmp(rec->key, "id") == 0)
		slot = &e->id;
	else if (strcmp(rec->key, "version") == 0)
		slot = &e->version;
	else if (strcmp(rec->key, "os_name") == 0)
		slot = &e->os_name;
	else if (strcmp(rec->key, "label") == 0)
		slot = &e->label;
	else if (strcmp(rec->key, "extended_label") == 0)
		slot = &e->extended_label;
	else if (strcmp(rec->key, "extended_source") == 0)
		slot = &e->extended_source;
	else if (strcmp(rec->key, "eol") == 0)
		when = &e->eol;
	else if (strcmp(rec->key, "extended") == 0)
		when = &e->extended;
	else {
		snprintf(err->message, sizeof(err->message),
		    "unknown key \"%s\" in [release %s]", rec->key, e->name);
		return -1;
	}
	if (when != NULL) {
		if (eol_parse_date(rec->value, when) < 0) {
			snprintf(err->message, sizeof(err->message),
			    "%s: \"%s\" is not a date (YYYY-MM-DD)", rec->key,
			    rec->value);
			return -1;
		}
		return 0;
	}
	if (rec->value[0] == '\0') {
		snprintf(err->message, sizeof(err->message), "%s is empty",
		    rec->key);
		return -1;
	}
	*slot = hf_strdup(rec->value);
	return 0;
}

int
eol_load(struct eol_table *t, const struct hf *hf, const char *path)
{
	size_t i;
	int r;

	memset(t, 0, sizeof(*t));
	t->path = hf_strdup(path);
	r = hf->host->parse_records(hf->ctx, path, NULL, eol_record, t);
	if (r < 0)
		return r;
	for (i = 0; i < t->n; i++) {
		struct eol_entry *e = &t->v[i];

		if (e->id == NULL || e->version == NULL || e->eol == 0) {
			hf->host->log(hf->ctx, SA_LOG_ERROR,
			    E_("%s:%u: [release %s] needs id, version and eol"), path,
			    e->line, e->name);
			return -EINVAL;
		}
		if (e->extended != 0 && e->extended < e->eol) {
			hf->host->log(hf->ctx, SA_LOG_ERROR,
			    E_("%s:%u: [release %s] ends its extended support before "
			    "its regular support"), path, e->line, e->name);
			return -EINVAL;
		}
	}
	return 0;
}

/* "9" matches VERSION_ID "9.3": RHEL-family point releases share a life. */
static int
eol_version_matches(const char *want, const char *have)
{
	size_t n = strlen(want);

	if (strcmp(want, have) == 0)
		return 1;
	return strchr(want, '.') == NULL && strncmp(want, have, n) == 0 &&
	    have[n] == '.';
}

const struct eol_entry *
eol_match(const struct eol_table *t, const struct osr *os)
{
	const struct eol_entry *best = NULL;
	size_t i;

	if (os->id == NULL || os->version_id == NULL)
		return NULL;
	for (i = 0; i < t->n; i++) {
		const struct eol_entry *e = &t->v[i];

		if (strcmp(e->id, os->id) != 0 ||
		    !eol_version_matches(e->version, os->version_id))
			continue;
		if (e->os_name != NULL) {
			if (os->name == NULL || strcmp(e->os_name, os->name) != 0)
				continue;
			return e;	/* the more specific record wins */
		}
		if (best == NULL)
			best = e;
	}
	return best;
}
