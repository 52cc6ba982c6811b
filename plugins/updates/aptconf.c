/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "aptconf.h"

#define AC_MAX_DEPTH 32

enum ac_tok { AC_END, AC_WORD, AC_STRING, AC_OPEN, AC_CLOSE, AC_SEMI,
	AC_CLEAR, AC_INCLUDE, AC_ERROR };

struct ac_lexer {
	const char *p, *end;
	unsigned int line;
	char *text;		/* of the last WORD or STRING */
};

static void
ac_skip(struct ac_lexer *lx)
{
	for (;;) {
		while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' ||
		    *lx->p == '\n' || *lx->p == '\r')) {
			if (*lx->p == '\n')
				lx->line++;
			lx->p++;
		}
		if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '/') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
			continue;
		}
		if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '*') {
			lx->p += 2;
			while (lx->p < lx->end && !(lx->end - lx->p >= 2 &&
			    lx->p[0] == '*' && lx->p[1] == '/')) {
				if (*lx->p == '\n')
					lx->line++;
				lx->p++;
			}
			lx->p = lx->end - lx->p >= 2 ? lx->p + 2 : lx->end;
			continue;
		}
		return;
	}
}

static int
ac_word_char(char c)
{
	return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '{' &&
	    c != '}' && c != ';' && c != '"';
}

static enum ac_tok
ac_next(struct ac_lexer *lx)
{
	const char *s;

	free(lx->text);
	lx->text = NULL;
	for (;;) {
		ac_skip(lx);
		if (lx->p >= lx->end)
			return AC_END;
		if (*lx->p != '#')
			break;
		if (lx->end - lx->p >= 6 && strncmp(lx->p, "#clear", 6) == 0 &&
		    lx->end - lx->p > 6 && (lx->p[6] == ' ' || lx->p[6] == '\t')) {
			lx->p += 6;
			return AC_CLEAR;
		}
		if (lx->end - lx->p >= 8 && strncmp(lx->p, "#include", 8) == 0) {
			lx->p += 8;
			return AC_INCLUDE;
		}
		while (lx->p < lx->end && *lx->p != '\n')
			lx->p++;
	}
	switch (*lx->p) {
	case '{': lx->p++; return AC_OPEN;
	case '}': lx->p++; return AC_CLOSE;
	case ';': lx->p++; return AC_SEMI;
	case '"':
		s = ++lx->p;
		while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\n')
			lx->p++;
		if (lx->p >= lx->end || *lx->p != '"')
			return AC_ERROR;
		lx->text = hf_strndup(s, (size_t)(lx->p - s));
		lx->p++;
		return AC_STRING;
	default:
		s = lx->p;
		while (lx->p < lx->end && ac_word_char(*lx->p))
			lx->p++;
		lx->text = hf_strndup(s, (size_t)(lx->p - s));
		return AC_WORD;
	}
}

static char *
ac_key(char *const *scope, int depth, const char *word)
{
	char *key = hf_strdup(""), *grown;
	int i;

	for (i = 0; i < depth; i++) {
		grown = hf_printf("%s%s%s", key, i > 0 ? "::" : "", scope[i]);
		free(key);
		key = grown;
	}
	if (word != NULL) {
		grown = hf_printf("%s%s%s", key, depth > 0 ? "::" : "", word);
		free(key);
		key = grown;
	}
	return key;
}

int
ac_parse(const char *data, size_t len, ac_value_fn fn, void *user,
    unsigned int *ret_line)
{
	struct ac_lexer lx = { .p = data, .end = data + len, .line = 1 };
	char *scope[AC_MAX_DEPTH], *word = NULL, *key;
	enum ac_tok t;
	int depth = 0, r = 0, i;

	for (;;) {
		t = ac_next(&lx);
		if (t == AC_END) {
			if (depth != 0)
				r = -EINVAL;	/* unclosed scope */
			break;
		}
		if (t == AC_SEMI)
			continue;
		if (t == AC_CLOSE) {
			if (depth == 0) {
				r = -EINVAL;
				break;
			}
			free(scope[--depth]);
			continue;
		}
		if (t == AC_CLEAR || t == AC_INCLUDE) {
			enum ac_tok what = t;

			t = ac_next(&lx);
			if (t != AC_WORD && t != AC_STRING) {
				r = -EINVAL;
				break;
			}
			if (what == AC_CLEAR) {
				key = ac_key(scope, depth, lx.text);
				fn(user, key, NULL);
				free(key);
			}
			if (ac_next(&lx) != AC_SEMI) {
				r = -EINVAL;
				break;
			}
			continue;
		}
		if (t == AC_STRING) {
			/* A list item of the enclosing scope. */
			key = ac_key(scope, depth, NULL);
			fn(user, key, lx.text);
			free(key);
			if (ac_next(&lx) != AC_SEMI) {
				r = -EINVAL;
				break;
			}
			continue;
		}
		if (t != AC_WORD) {
			r = -EINVAL;
			break;
		}
		word = lx.text;
		lx.text = NULL;
		t = ac_next(&lx);
		if (t == AC_STRING || t == AC_WORD) {
			char *value = lx.text;

			lx.text = NULL;
			t = ac_next(&lx);
			if (t == AC_SEMI) {
				key = ac_key(scope, depth, word);
				fn(user, key, value);
				free(key);
				free(value);
				free(word);
				word = NULL;
				continue;
			}
			if (t != AC_OPEN) {
				free(value);
				r = -EINVAL;
				break;
			}
			/* "Name "tag" { ... }": a scope named by both. */
			key = hf_printf("%s::%s", word, value);
			free(value);
			free(word);
			word = key;
		}
		if (t == AC_OPEN) {
			if (depth == AC_MAX_DEPTH) {
				r = -EINVAL;
				break;
			}
			scope[depth++] = word;
			word = NULL;
			continue;
		}
		if (t == AC_SEMI) {
			/* "Key;" with no value: an empty assignment. */
			key = ac_key(scope, depth, word);
			fn(user, key, "");
			free(key);
			free(word);
			word = NULL;
			continue;
		}
		r = -EINVAL;
		break;
	}
	free(word);
	free(lx.text);
	for (i = 0; i < depth; i++)
		free(scope[i]);
	if (r < 0 && ret_line != NULL)
		*ret_line = lx.line;
	return r;
}

int
ac_name_ok(const char *name)
{
	static const char *const ignored[] = { ".disabled", ".bak", ".swp",
	    ".save", ".orig", "~", NULL };
	const char *p;
	size_t i;

	if (name[0] == '\0' || name[0] == '.')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
		    *p == '-'))
			return 0;
	for (i = 0; ignored[i] != NULL; i++)
		if (hf_has_suffix(name, ignored[i]))
			return 0;
	/* dpkg and ucf leave .dpkg-old, .dpkg-dist, .ucf-new ... */
	return strstr(name, ".dpkg-") == NULL && strstr(name, ".ucf-") == NULL;
}
