/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "osrelease.h"

/* The value of one assignment, unquoted; caller frees. */
static char *
osr_unquote(const char *v, size_t n)
{
	char *out = hf_alloc(n + 1), *o = out;
	size_t i = 0;
	char q;

	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	while (n > i && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (i < n && (v[i] == '"' || v[i] == '\'')) {
		q = v[i++];
		for (; i < n && v[i] != q; i++) {
			if (q == '"' && v[i] == '\\' && i + 1 < n &&
			    strchr("\"\\$`", v[i + 1]) != NULL)
				i++;
			*o++ = v[i];
		}
	} else {
		for (; i < n; i++)
			*o++ = v[i];
	}
	*o = '\0';
	return out;
}

static void
osr_set(char **slot, const char *v, size_t n)
{
	free(*slot);
	*slot = osr_unquote(v, n);
	if ((*slot)[0] == '\0') {
		free(*slot);
		*slot = NULL;
	}
}

void
osr_parse(const char *data, size_t len, struct osr *ret)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "ID", offsetof(struct osr, id) },
		{ "ID_LIKE", offsetof(struct osr, id_like) },
		{ "VERSION_ID", offsetof(struct osr, version_id) },
		{ "VERSION_CODENAME", offsetof(struct osr, codename) },
		{ "NAME", offsetof(struct osr, name) },
		{ "PRETTY_NAME", offsetof(struct osr, pretty_name) },
	};
	struct hf_lines it;
	const char *line, *eq;
	size_t n, k, i;

	memset(ret, 0, sizeof(*ret));
	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		while (n > 0 && (*line == ' ' || *line == '\t')) {
			line++;
			n--;
		}
		if (n == 0 || *line == '#')
			continue;
		eq = memchr(line, '=', n);
		if (eq == NULL)
			continue;
		k = (size_t)(eq - line);
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strlen(keys[i].key) == k &&
			    memcmp(keys[i].key, line, k) == 0)
				osr_set((char **)((char *)ret + keys[i].off), eq + 1,
				    n - k - 1);
	}
}

void
osr_free(struct osr *osr)
{
	free(osr->id);
	free(osr->id_like);
	free(osr->version_id);
	free(osr->codename);
	free(osr->name);
	free(osr->pretty_name);
	memset(osr, 0, sizeof(*osr));
}

int
osr_is_like(const struct osr *osr, const char *word)
{
	const char *p;
	size_t n = strlen(word);

	if (osr->id != NULL && strcmp(osr->id, word) == 0)
		return 1;
	for (p = osr->id_like; p != NULL && *p != '\0';) {
		while (*p == ' ')
			p++;
		if (strncmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p = strchr(p, ' ');
	}
	return 0;
}

char *
osr_label(const struct osr *osr)
{
	if (osr->pretty_name != NULL)
		return hf_strdup(osr->pretty_name);
	return hf_printf("%s %s", osr->id != NULL ? osr->id : "unknown",
	    osr->version_id != NULL ? osr->version_id : "");
}
