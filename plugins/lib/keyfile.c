/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>

#include "hostfiles.h"
#include "keyfile.h"

int
kf_parse(const char *data, size_t len, kf_fn fn, void *user)
{
	struct hf_lines it;
	const char *line, *eq, *close;
	char *section = hf_strdup(""), *key, *value;
	size_t n, klen, vlen;
	int r = 0;

	hf_lines_init(&it, data, len);
	while (r == 0 && hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#' || line[0] == ';')
			continue;
		if (line[0] == '[') {
			close = line + n - 1;
			while (close > line && *close != ']')
				close--;
			if (close == line)
				continue;	/* "[" without "]": not a header */
			free(section);
			section = hf_strndup(line + 1, (size_t)(close - line - 1));
			continue;
		}
		eq = memchr(line, '=', n);
		if (eq == NULL)
			continue;
		klen = (size_t)(eq - line);
		vlen = n - klen - 1;
		line = hf_trim(line, &klen);
		eq = hf_trim(eq + 1, &vlen);
		key = hf_strndup(line, klen);
		value = hf_strndup(eq, vlen);
		r = fn(user, section, key, value, it.number);
		free(key);
		free(value);
	}
	free(section);
	return r;
}

struct kf_want {
	const char *section;
	const char *key;
	char *found;
};

static int
kf_want_one(void *user, const char *section, const char *key,
    const char *value, unsigned int line)
{
	struct kf_want *w = user;

	(void)line;
	if (strcmp(section, w->section) == 0 && strcmp(key, w->key) == 0) {
		free(w->found);
		w->found = hf_strdup(value);
	}
	return 0;
}

char *
kf_get(const char *data, size_t len, const char *section, const char *key)
{
	struct kf_want w = { section, key, NULL };

	kf_parse(data, len, kf_want_one, &w);
	return w.found;
}
