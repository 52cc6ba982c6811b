/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "syslogconf.h"

/* The quoted value after key= in [p, end), e.g. file="/var/log/x". */
static char *
sl_attr(const char *p, const char *end, const char *key)
{
	size_t n = strlen(key);
	const char *q, *v;

	for (q = p; q + n < end; q++) {
		if (strncasecmp(q, key, n) != 0 ||
		    (q > p && ((q[-1] >= 'a' && q[-1] <= 'z') ||
		    (q[-1] >= 'A' && q[-1] <= 'Z'))))
			continue;
		v = q + n;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		if (v >= end || *v != '=')
			continue;
		v++;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		if (v >= end || *v != '"')
			continue;
		q = ++v;
		while (q < end && *q != '"')
			q++;
		return q < end ? hf_strndup(v, (size_t)(q - v)) : NULL;
	}
	return NULL;
}

/* Whether the line holding p starts with "#". */
static int
sl_commented(const char *data, const char *p)
{
	const char *s = p;

	while (s > data && s[-1] != '\n')
		s--;
	while (s < p && (*s == ' ' || *s == '\t'))
		s++;
	return *s == '#';
}

/* Whether p lies inside a "destination NAME { ... };" block. */
static int
sl_in_destination(const char *data, const char *p)
{
	const char *s = p, *open = NULL;
	int depth = 0;

	/* Walk back to the brace that opens the enclosing block. */
	while (s > data) {
		s--;
		if (*s == '}')
			depth++;
		else if (*s == '{') {
			if (depth == 0) {
				open = s;
				break;
			}
			depth--;
		}
	}
	if (open == NULL)
		return 0;
	/* The words before it: "destination d_name". */
	s = open;
	while (s > data && (s[-1] == ' ' || s[-1] == '\t' || s[-1] == '\n'))
		s--;
	while (s > data && s[-1] != ' ' && s[-1] != '\t' && s[-1] != '\n')
		s--;
	while (s > data && (s[-1] == ' ' || s[-1] == '\t' || s[-1] == '\n'))
		s--;
	return s - data >= 11 && strncmp(s - 11, "destination", 11) == 0;
}

/* RainerScript: every action(...) of type omfile with a static file. */
static void
sl_actions(const char *data, size_t len, sl_file_fn fn, void *user)
{
	const char *p = data, *end = data + len, *a, *close;
	char *type, *file;

	while ((a = memmem(p, (size_t)(end - p), "action(", 7)) != NULL) {
		close = memchr(a, ')', (size_t)(end - a));
		if (close == NULL)
			break;
		if (sl_commented(data, a)) {
			p = close + 1;
			continue;
		}
		type = sl_attr(a + 7, close, "type");
		file = sl_attr(a + 7, close, "file");
		if (type != NULL && strcasecmp(type, "omfile") == 0 && file != NULL &&
		    file[0] == '/')
			fn(user, file);
		free(type);
		free(file);
		p = close + 1;
	}
}

void
sl_rsyslog_files(const char *data, size_t len, sl_file_fn fn, void *user)
{
	struct hf_lines it;
	const char *line;
	char *copy, *s, *sel, *act;
	size_t n;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		copy = hf_strndup(line, n);
		s = hf_strip(copy);
		/* "selector<blanks>action"; the selector names facility.priority. */
		if (*s != '#' && *s != '$' && *s != '\0' && strchr(s, '(') == NULL) {
			sel = s;
			act = sel + strcspn(sel, " \t");
			if (*act != '\0') {
				*act++ = '\0';
				act = hf_strip(act);
				if (*act == '-')
					act++;
				/* "/var/log/x;TemplateName": the template is not the path. */
				act[strcspn(act, "; \t")] = '\0';
				if (strchr(sel, '.') != NULL && act[0] == '/')
					fn(user, act);
			}
		}
		free(copy);
	}
	sl_actions(data, len, fn, user);
}

void
sl_syslogng_files(const char *data, size_t len, sl_file_fn fn, void *user)
{
	const char *p = data, *end = data + len, *f, *q;
	char *path;

	while ((f = memmem(p, (size_t)(end - p), "file(", 5)) != NULL) {
		p = f + 5;
		/* Not "logfile(" or "pipe-file(": a word of its own. */
		if (f > data && ((f[-1] >= 'a' && f[-1] <= 'z') || f[-1] == '_' ||
		    f[-1] == '-'))
			continue;
		if (sl_commented(data, f))
			continue;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end || *p != '"')
			continue;
		q = ++p;
		while (q < end && *q != '"')
			q++;
		if (q >= end)
			break;
		if (*p == '/' && memchr(p, '$', (size_t)(q - p)) == NULL) {
			path = hf_strndup(p, (size_t)(q - p));
			fn(user, path);
			free(path);
		}
		p = q + 1;
	}
}

int
sl_rsyslog_forwards(const char *data, size_t len)
{
	const char *pos, *end = data + len, *line, *a, *close;
	struct hf_lines it;
	char *copy, *s, *act, *type;
	size_t n;
	int count = 0;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		copy = hf_strndup(line, n);
		s = hf_strip(copy);
		if (*s != '#' && *s != '$' && strchr(s, '(') == NULL) {
			act = s + strcspn(s, " \t");
			act = hf_strip(act);
			if (strchr(s, '.') != NULL && act[0] == '@' && act[1] != '\0')
				count++;
		}
		free(copy);
	}
	for (pos = data; (a = memmem(pos, (size_t)(end - pos), "action(", 7)) != NULL;
	    pos = close + 1) {
		close = memchr(a, ')', (size_t)(end - a));
		if (close == NULL)
			break;
		if (sl_commented(data, a))
			continue;
		type = sl_attr(a + 7, close, "type");
		if (type != NULL && strcasecmp(type, "omfwd") == 0)
			count++;
		free(type);
	}
	return count;
}

int
sl_syslogng_forwards(const char *data, size_t len)
{
	static const char *const kinds[] = { "network(", "syslog(", "tcp(", "udp(",
		"tcp6(", "udp6(", NULL };
	const char *p, *end = data + len, *f;
	size_t k;
	int count = 0;

	for (k = 0; kinds[k] != NULL; k++) {
		size_t n = strlen(kinds[k]);

		for (p = data; (f = memmem(p, (size_t)(end - p), kinds[k], n)) != NULL;
		    p = f + n) {
			/* A destination driver: a word of its own, not in a comment. */
			if ((f > data && ((f[-1] >= 'a' && f[-1] <= 'z') ||
			    f[-1] == '_' || f[-1] == '-')) || sl_commented(data, f))
				continue;
			/* Sources use the same drivers; only destinations forward. */
			if (sl_in_destination(data, f))
				count++;
		}
	}
	return count;
}
