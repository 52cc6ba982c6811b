/* SPDX-License-Identifier: MIT */
/* Name patterns, paths and ACLs: what the parts of the shares plugin share. */
#define _GNU_SOURCE

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "shares.h"

enum { SH_PAT_EXACT, SH_PAT_SUFFIX, SH_PAT_PREFIX, SH_PAT_GLOB };

char *
sh_normalize_path(const char *path)
{
	size_t len = strlen(path), o = 0, n;
	const char *p = path, *slash;
	char *out;

	if (path[0] != '/')
		return NULL;
	out = hf_grow(NULL, len + 2, 1);
	while (*p != '\0') {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		slash = strchr(p, '/');
		n = slash != NULL ? (size_t)(slash - p) : strlen(p);
		if (n == 1 && p[0] == '.') {
			p += n;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			/* A configured ".." is suspicious: refuse, not guess. */
			free(out);
			return NULL;
		}
		out[o++] = '/';
		memcpy(out + o, p, n);
		o += n;
		p += n;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	return out;
}

static int
sh_has_magic(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[' || s[i] == '\\')
			return 1;
	return 0;
}

#define SH_BIT_SET(map, c) ((map)[(c) >> 3] |= (unsigned char)(1u << ((c) & 7)))
#define SH_BIT(map, c) ((map)[(c) >> 3] & (1u << ((c) & 7)))

void
sh_patterns_add(struct sh_patterns *p, const char *pattern)
{
	struct sh_pat *pat;
	size_t len = strlen(pattern);
	unsigned char last;

	if (len == 0)
		return;
	p->v = hf_grow(p->v, p->n + 1, sizeof(*p->v));
	pat = &p->v[p->n++];
	memset(pat, 0, sizeof(*pat));
	last = (unsigned char)pattern[len - 1];
	if (!sh_has_magic(pattern, len)) {
		pat->kind = SH_PAT_EXACT;
		pat->text = hf_strdup(pattern);
		pat->len = len;
		SH_BIT_SET(p->last_char, last);
	} else if (len > 1 && pattern[0] == '*' &&
	    !sh_has_magic(pattern + 1, len - 1)) {
		pat->kind = SH_PAT_SUFFIX;
		pat->text = hf_strdup(pattern + 1);
		pat->len = len - 1;
		SH_BIT_SET(p->last_char, last);
	} else if (len > 1 && last == '*' && !sh_has_magic(pattern, len - 1)) {
		pat->kind = SH_PAT_PREFIX;
		pat->text = hf_strndup(pattern, len - 1);
		pat->len = len - 1;
		SH_BIT_SET(p->first_char, (unsigned char)pattern[0]);
	} else {
		pat->kind = SH_PAT_GLOB;
		pat->text = hf_strdup(pattern);
		pat->len = len;
		pat->literal_last = last != '*' && last != '?' && last != ']' &&
		    !(len > 1 && pattern[len - 2] == '\\');
		if (pat->literal_last)
			SH_BIT_SET(p->last_char, last);
		else
			p->any_glob = 1;
	}
}

void
sh_patterns_free(struct sh_patterns *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

int
sh_patterns_match(const struct sh_patterns *p, const char *name, size_t len)
{
	const struct sh_pat *pat;
	int by_last, by_first;
	size_t i;

	if (len == 0 || p->n == 0)
		return 0;
	by_last = SH_BIT(p->last_char, (unsigned char)name[len - 1]) != 0;
	by_first = SH_BIT(p->first_char, (unsigned char)name[0]) != 0;
	if (!by_last && !by_first && !p->any_glob)
		return 0;
	for (i = 0; i < p->n; i++) {
		pat = &p->v[i];
		switch (pat->kind) {
		case SH_PAT_EXACT:
			if (by_last && len == pat->len &&
			    memcmp(name, pat->text, len) == 0)
				return 1;
			break;
		case SH_PAT_SUFFIX:
			if (by_last && len >= pat->len &&
			    memcmp(name + len - pat->len, pat->text, pat->len) == 0)
				return 1;
			break;
		case SH_PAT_PREFIX:
			if (by_first && len >= pat->len &&
			    memcmp(name, pat->text, pat->len) == 0)
				return 1;
			break;
		default:
			if ((by_last || !pat->literal_last) &&
			    fnmatch(pat->text, name, 0) == 0)
				return 1;
			break;
		}
	}
	return 0;
}

int
sh_acl_decode(const void *data, size_t len, struct sh_acl_entry *ret, int max)
{
	const unsigned char *b = data;
	uint32_t version;
	size_t i, n;

	/* Little endian on every architecture: a 4-byte version, then
	 * 8-byte entries of tag (u16), permissions (u16) and id (u32). */
	if (len < 4 || (len - 4) % 8 != 0)
		return -1;
	version = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
	if (version != 2)
		return -1;
	n = (len - 4) / 8;
	if (n > (size_t)max)
		n = (size_t)max;
	for (i = 0; i < n; i++) {
		const unsigned char *e = b + 4 + i * 8;

		ret[i].tag = (unsigned int)e[0] | (unsigned int)e[1] << 8;
		ret[i].perm = (unsigned int)e[2] | (unsigned int)e[3] << 8;
		ret[i].id = (uint32_t)e[4] | (uint32_t)e[5] << 8 |
		    (uint32_t)e[6] << 16 | (uint32_t)e[7] << 24;
	}
	return (int)n;
}
