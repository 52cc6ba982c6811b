/* SPDX-License-Identifier: MIT */
/*
 * A small, strict JSON walker.  The plugin needs a handful of scalar
 * fields from three documents: timeshift's info.json ("created") and
 * timeshift.json (schedule_*), and the JSON that restic and borg print
 * when exec = yes ("time" of each snapshot or archive).  A plugin may
 * include only the SDK header and libc, and none of those fields is
 * worth a library: what matters is that a truncated or corrupt file is
 * recognised as such, with its line, and never half-believed.  So this
 * checks the whole grammar (RFC 8259) and reports values, not a tree.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bk.h"

#define BK_JSON_MAX_DEPTH 64

struct bk_json {
	const char *p, *end, *start;
	bk_json_fn fn;
	void *user;
	struct bk_json_error *err;
};

static int
bk_json_fail(struct bk_json *j, const char *why)
{
	const char *q;
	unsigned int line = 1;

	for (q = j->start; q < j->p && q < j->end; q++)
		line += *q == '\n';
	j->err->line = line;
	snprintf(j->err->message, sizeof(j->err->message), "%s", why);
	return -EINVAL;
}

static void
bk_json_space(struct bk_json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
bk_json_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* At the opening quote; leaves p after the closing one. */
static int
bk_json_string(struct bk_json *j, const char **ret, size_t *ret_len,
    int *ret_escaped)
{
	const char *s;
	int escaped = 0, i;

	j->p++;
	s = j->p;
	while (j->p < j->end && *j->p != '"') {
		unsigned char c = (unsigned char)*j->p;

		if (c < 0x20)
			return bk_json_fail(j, "control character in a string");
		if (c == '\\') {
			escaped = 1;
			if (++j->p >= j->end)
				break;
			if (*j->p == 'u') {
				for (i = 1; i <= 4; i++)
					if (j->p + i >= j->end || !bk_json_hex(j->p[i]))
						return bk_json_fail(j, "bad \\u escape");
				j->p += 4;
			} else if (strchr("\"\\/bfnrt", *j->p) == NULL)
				return bk_json_fail(j, "bad escape in a string");
		}
		j->p++;
	}
	if (j->p >= j->end)
		return bk_json_fail(j, "unterminated string");
	*ret = s;
	*ret_len = (size_t)(j->p - s);
	*ret_escaped = escaped;
	j->p++;
	return 0;
}

static int
bk_json_digits(struct bk_json *j)
{
	const char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s ? 0 : -1;
}

static int
bk_json_number(struct bk_json *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (bk_json_digits(j) < 0)
		return bk_json_fail(j, "bad number");
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (bk_json_digits(j) < 0)
			return bk_json_fail(j, "bad number");
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (bk_json_digits(j) < 0)
			return bk_json_fail(j, "bad number");
	}
	return 0;
}

static int bk_json_value(struct bk_json *j, int depth, const char *key,
    size_t key_len);

static int
bk_json_container(struct bk_json *j, int depth, int object)
{
	const char *key = NULL;
	size_t key_len = 0;
	int escaped, r;

	j->p++;
	bk_json_space(j);
	if (j->p < j->end && *j->p == (object ? '}' : ']')) {
		j->p++;
		return 0;
	}
	for (;;) {
		bk_json_space(j);
		if (object) {
			if (j->p >= j->end || *j->p != '"')
				return bk_json_fail(j, j->p >= j->end ?
				    "unexpected end of JSON" : "expected a member name");
			if ((r = bk_json_string(j, &key, &key_len, &escaped)) < 0)
				return r;
			bk_json_space(j);
			if (j->p >= j->end || *j->p != ':')
				return bk_json_fail(j, "expected ':'");
			j->p++;
		}
		if ((r = bk_json_value(j, depth + 1, key, key_len)) < 0)
			return r;
		bk_json_space(j);
		if (j->p >= j->end)
			return bk_json_fail(j, "unexpected end of JSON");
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p == (object ? '}' : ']')) {
			j->p++;
			return 0;
		}
		return bk_json_fail(j, object ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}

static int
bk_json_value(struct bk_json *j, int depth, const char *key, size_t key_len)
{
	struct bk_json_value v;
	const char *s;
	int r;

	if (depth > BK_JSON_MAX_DEPTH)
		return bk_json_fail(j, "nested too deeply");
	bk_json_space(j);
	if (j->p >= j->end)
		return bk_json_fail(j, "unexpected end of JSON");
	memset(&v, 0, sizeof(v));
	v.depth = depth;
	v.key = key;
	v.key_len = key_len;
	s = j->p;
	switch (*j->p) {
	case '{':
	case '[':
		v.kind = *j->p == '{' ? BK_JSON_OBJECT : BK_JSON_ARRAY;
		v.text = s;
		v.len = 1;
		j->fn(j->user, &v);
		return bk_json_container(j, depth, *j->p == '{');
	case '"':
		v.kind = BK_JSON_STRING;
		if ((r = bk_json_string(j, &v.text, &v.len, &v.escaped)) < 0)
			return r;
		break;
	case 't':
	case 'f':
	case 'n': {
		static const char *const lits[] = { "true", "false", "null" };
		size_t i, n;

		for (i = 0; i < 3; i++) {
			n = strlen(lits[i]);
			if ((size_t)(j->end - j->p) >= n &&
			    memcmp(j->p, lits[i], n) == 0)
				break;
		}
		if (i == 3)
			return bk_json_fail(j, "unexpected character");
		j->p += strlen(lits[i]);
		v.kind = BK_JSON_LITERAL;
		v.text = s;
		v.len = (size_t)(j->p - s);
		break;
	}
	default:
		if (*j->p != '-' && (*j->p < '0' || *j->p > '9'))
			return bk_json_fail(j, "unexpected character");
		if ((r = bk_json_number(j)) < 0)
			return r;
		v.kind = BK_JSON_NUMBER;
		v.text = s;
		v.len = (size_t)(j->p - s);
		break;
	}
	j->fn(j->user, &v);
	return 0;
}

int
bk_json_walk(const char *text, size_t len, bk_json_fn fn, void *user,
    struct bk_json_error *err)
{
	struct bk_json j = {
		.p = text, .end = text + len, .start = text,
		.fn = fn, .user = user, .err = err,
	};
	int r;

	/* A UTF-8 byte-order mark is tolerated, as most readers do. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		j.p += 3;
	if ((r = bk_json_value(&j, 0, NULL, 0)) < 0)
		return r;
	bk_json_space(&j);
	if (j.p != j.end)
		return bk_json_fail(&j, "text after the JSON value");
	return 0;
}

int
bk_json_key_is(const struct bk_json_value *v, const char *name)
{
	return v->key != NULL && v->key_len == strlen(name) &&
	    memcmp(v->key, name, v->key_len) == 0;
}
