/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "jsonpath.h"

#define JS_MAX_DEPTH 128

struct js {
	const char *p, *end;
};

static void
js_ws(struct js *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

/* A string at j->p: its raw contents between the quotes. */
static int
js_string(struct js *j, const char **s, size_t *n)
{
	if (j->p >= j->end || *j->p != '"')
		return -EINVAL;
	*s = ++j->p;
	while (j->p < j->end && *j->p != '"') {
		if (*j->p == '\\') {
			if (++j->p >= j->end)
				return -EINVAL;
		} else if ((unsigned char)*j->p < 0x20)
			return -EINVAL;
		j->p++;
	}
	if (j->p >= j->end)
		return -EINVAL;
	*n = (size_t)(j->p - *s);
	j->p++;
	return 0;
}

static int
js_skip(struct js *j, int depth)
{
	const char *s;
	size_t n;
	char close;

	if (depth > JS_MAX_DEPTH)
		return -EINVAL;
	js_ws(j);
	if (j->p >= j->end)
		return -EINVAL;
	if (*j->p == '"')
		return js_string(j, &s, &n);
	if (*j->p == '{' || *j->p == '[') {
		close = *j->p == '{' ? '}' : ']';
		j->p++;
		js_ws(j);
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		for (;;) {
			if (close == '}') {
				js_ws(j);
				if (js_string(j, &s, &n) < 0)
					return -EINVAL;
				js_ws(j);
				if (j->p >= j->end || *j->p++ != ':')
					return -EINVAL;
			}
			if (js_skip(j, depth + 1) < 0)
				return -EINVAL;
			js_ws(j);
			if (j->p >= j->end)
				return -EINVAL;
			if (*j->p == ',') {
				j->p++;
				continue;
			}
			if (*j->p++ != close)
				return -EINVAL;
			return 0;
		}
	}
	/* number, true, false, null */
	s = j->p;
	while (j->p < j->end && strchr(",}] \t\r\n", *j->p) == NULL)
		j->p++;
	return j->p > s ? 0 : -EINVAL;
}

static char *
js_unescape(const char *s, size_t n)
{
	char *out = hf_alloc(n + 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			*o++ = s[i];
			continue;
		}
		i++;
		switch (s[i]) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'r': *o++ = '\r'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'u': {
			unsigned int v = 0, k;

			for (k = 1; k <= 4 && i + k < n; k++) {
				char c = s[i + k];

				v = v * 16 + (unsigned int)(c >= 'a' ? c - 'a' + 10 :
				    c >= 'A' ? c - 'A' + 10 : c - '0');
			}
			*o++ = v > 0 && v < 0x80 ? (char)v : '?';
			i += 4;
			break;
		}
		default: *o++ = s[i]; break;
		}
	}
	*o = '\0';
	return out;
}

int
js_get(const char *json, size_t len, const char *const *path, char **ret)
{
	struct js j = { json, json + len };
	const char *s, *start;
	size_t n, depth = 0;

	*ret = NULL;
	for (;;) {
		js_ws(&j);
		if (path[depth] == NULL) {
			if (j.p >= j.end)
				return -EINVAL;
			if (*j.p == '"') {
				if (js_string(&j, &s, &n) < 0)
					return -EINVAL;
				*ret = js_unescape(s, n);
				return 1;
			}
			if (*j.p == '{' || *j.p == '[') {
				*ret = hf_strdup(*j.p == '{' ? "{}" : "[]");
				return 1;
			}
			start = j.p;
			if (js_skip(&j, 0) < 0)
				return -EINVAL;
			*ret = hf_strndup(start, (size_t)(j.p - start));
			return 1;
		}
		if (j.p >= j.end || *j.p != '{')
			return j.p < j.end ? 0 : -EINVAL;
		j.p++;
		for (;;) {
			js_ws(&j);
			if (j.p < j.end && *j.p == '}')
				return 0;
			if (js_string(&j, &s, &n) < 0)
				return -EINVAL;
			js_ws(&j);
			if (j.p >= j.end || *j.p++ != ':')
				return -EINVAL;
			if (strlen(path[depth]) == n && memcmp(s, path[depth], n) == 0) {
				depth++;
				break;
			}
			if (js_skip(&j, 0) < 0)
				return -EINVAL;
			js_ws(&j);
			if (j.p < j.end && *j.p == ',') {
				j.p++;
				continue;
			}
			if (j.p < j.end && *j.p == '}')
				return 0;
			return -EINVAL;
		}
	}
}
