/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "logrotate.h"

#define LR_MAX_INCLUDE 8

void
lr_init(struct lr_conf *c)
{
	memset(c, 0, sizeof(*c));
}

static const char *const lr_scripts[] = { "prerotate", "postrotate",
	"firstaction", "lastaction", "preremove", NULL };

static int
lr_word_is(const char *w, const char *const *set)
{
	size_t i;

	for (i = 0; set[i] != NULL; i++)
		if (strcmp(w, set[i]) == 0)
			return 1;
	return 0;
}

/*
 * A file may say "rotate 9223372036854775807"; capped here, rotate times
 * a year and maxage in seconds stay far inside a long long, and a
 * million rotations or days is as good as forever for the verdict.
 */
#define LR_COUNT_MAX 1000000LL

static void
lr_directive(struct lr_settings *s, char *key, char *arg)
{
	long long v;
	char *end;

	if (strcmp(key, "hourly") == 0) {
		s->period = 3600;
		s->size_based = 0;
	} else if (strcmp(key, "daily") == 0) {
		s->period = 86400;
		s->size_based = 0;
	} else if (strcmp(key, "weekly") == 0) {
		s->period = 7 * 86400;
		s->size_based = 0;
	} else if (strcmp(key, "monthly") == 0) {
		s->period = 30 * 86400;
		s->size_based = 0;
	} else if (strcmp(key, "yearly") == 0) {
		s->period = 365 * 86400;
		s->size_based = 0;
	} else if (strcmp(key, "size") == 0 || strcmp(key, "maxsize") == 0)
		s->size_based = 1;
	else if (strcmp(key, "rotate") == 0 && arg != NULL) {
		v = strtoll(arg, &end, 10);
		if (end != arg && *end == '\0')
			s->rotate = v < 0 ? -1 : v > LR_COUNT_MAX ? LR_COUNT_MAX : v;
	} else if (strcmp(key, "maxage") == 0 && arg != NULL) {
		v = strtoll(arg, &end, 10);
		if (end != arg && *end == '\0' && v >= 0)
			s->maxage = v > LR_COUNT_MAX ? LR_COUNT_MAX : v;
	}
}

/*
 * Split a line into blank-separated words, quoted words kept together;
 * braces are words of their own even when written against a path.
 * Returns the buffer holding the words (caller frees).
 */
static char *
lr_words(const char *raw, size_t len, char **w, size_t max, size_t *ret_n)
{
	char *buf = hf_alloc(3 * len + 1), *o = buf, *p, q;
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (raw[i] == '{' || raw[i] == '}') {
			*o++ = ' ';
			*o++ = raw[i];
			*o++ = ' ';
		} else
			*o++ = raw[i];
	}
	*o = '\0';
	p = buf;
	while (*p != '\0' && n < max) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		if (*p == '"' || *p == '\'') {
			q = *p++;
			w[n++] = p;
			while (*p != '\0' && *p != q)
				p++;
		} else {
			w[n++] = p;
			while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
				p++;
		}
		if (*p != '\0')
			*p++ = '\0';
	}
	*ret_n = n;
	return buf;
}

static void
lr_open_stanza(struct lr_conf *c, char ***pending, size_t *n_pending,
    const char *file, unsigned int line)
{
	struct lr_stanza *s;

	c->v = hf_grow(c->v, c->n + 1, sizeof(*c->v));
	s = &c->v[c->n++];
	memset(s, 0, sizeof(*s));
	s->paths = *pending;
	s->n_paths = *n_pending;
	s->set = c->global;
	s->file = hf_strdup(file);
	s->line = line;
	*pending = NULL;
	*n_pending = 0;
}

int
lr_feed(struct lr_conf *c, const char *file, const char *data, size_t len,
    lr_include_fn inc, void *user, unsigned int *ret_line)
{
	struct hf_lines it;
	const char *raw;
	char *copy, *w[64], **pending = NULL;
	size_t n, nw, i, n_pending = 0;
	unsigned int line = 0;
	int in_stanza = 0, in_script = 0, r = 0;
	struct lr_stanza *cur = NULL;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &raw, &n)) {
		line = it.number;
		copy = lr_words(raw, n, w, sizeof(w) / sizeof(w[0]), &nw);
		if (nw == 0 || w[0][0] == '#') {
			free(copy);
			continue;
		}
		if (in_script) {
			if (strcmp(w[0], "endscript") == 0)
				in_script = 0;
			free(copy);
			continue;
		}
		if (in_stanza) {
			if (strcmp(w[0], "}") == 0)
				in_stanza = 0;
			else if (lr_word_is(w[0], lr_scripts))
				in_script = 1;
			else
				lr_directive(&cur->set, w[0], nw > 1 ? w[1] : NULL);
			free(copy);
			continue;
		}
		if (strcmp(w[0], "}") == 0) {
			r = -EINVAL;
			free(copy);
			break;
		}
		if (strcmp(w[0], "include") == 0 && nw > 1) {
			if (inc != NULL && c->depth < LR_MAX_INCLUDE) {
				c->depth++;
				inc(user, c, w[1]);
				c->depth--;
			}
			free(copy);
			continue;
		}
		/* Paths (this line or earlier ones) up to an opening brace. */
		if (w[0][0] == '/' || w[0][0] == '~' || strcmp(w[0], "{") == 0 ||
		    n_pending > 0) {
			for (i = 0; i < nw; i++) {
				if (strcmp(w[i], "{") == 0) {
					lr_open_stanza(c, &pending, &n_pending, file, line);
					cur = &c->v[c->n - 1];
					in_stanza = 1;
					break;
				}
				pending = hf_grow(pending, n_pending + 1, sizeof(*pending));
				pending[n_pending++] = hf_strdup(w[i]);
			}
			free(copy);
			continue;
		}
		lr_directive(&c->global, w[0], nw > 1 ? w[1] : NULL);
		free(copy);
	}
	if (r == 0 && (in_stanza || n_pending > 0))
		r = -EINVAL;
	for (i = 0; i < n_pending; i++)
		free(pending[i]);
	free(pending);
	if (r < 0 && ret_line != NULL)
		*ret_line = line;
	return r;
}

const struct lr_stanza *
lr_find(const struct lr_conf *c, const char *log)
{
	size_t i, k;

	for (i = 0; i < c->n; i++)
		for (k = 0; k < c->v[i].n_paths; k++)
			if (fnmatch(c->v[i].paths[k], log, FNM_PATHNAME) == 0)
				return &c->v[i];
	return NULL;
}

long long
lr_retention(const struct lr_settings *s)
{
	long long kept;

	if (s->rotate < 0)
		return s->maxage > 0 ? s->maxage * 86400 : LR_KEEP_ALL;
	if (s->size_based || s->period == 0) {
		/* maxage alone still bounds it from above, not below. */
		return LR_UNKNOWN;
	}
	kept = s->rotate * s->period;
	if (s->maxage > 0 && s->maxage * 86400 < kept)
		kept = s->maxage * 86400;
	return kept;
}

void
lr_free(struct lr_conf *c)
{
	size_t i, k;

	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->v[i].n_paths; k++)
			free(c->v[i].paths[k]);
		free(c->v[i].paths);
		free(c->v[i].file);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
