/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L

#include <string.h>

#include "debver.h"

struct dv_part {
	const char *p;
	size_t n;
};

struct dv_version {
	struct dv_part epoch, upstream, revision;
};

static int
dv_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
dv_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void
dv_split(const char *s, struct dv_version *v)
{
	const char *colon = strchr(s, ':'), *dash;
	size_t n;

	memset(v, 0, sizeof(*v));
	v->epoch.p = "0";
	v->epoch.n = 1;
	if (colon != NULL) {
		v->epoch.p = s;
		v->epoch.n = (size_t)(colon - s);
		s = colon + 1;
	}
	n = strlen(s);
	dash = strrchr(s, '-');
	if (dash != NULL) {
		v->upstream.p = s;
		v->upstream.n = (size_t)(dash - s);
		v->revision.p = dash + 1;
		v->revision.n = n - v->upstream.n - 1;
	} else {
		v->upstream.p = s;
		v->upstream.n = n;
		v->revision.p = "";
		v->revision.n = 0;
	}
}

/* The sort weight of a character in a non-digit run; 0 is the end. */
static int
dv_order(const struct dv_part *x, size_t i)
{
	int c;

	if (i >= x->n)
		return 0;
	c = (unsigned char)x->p[i];
	if (dv_digit(c))
		return 0;
	if (dv_alpha(c))
		return c;
	if (c == '~')
		return -1;
	return c + 256;
}

static int
dv_at(const struct dv_part *x, size_t i)
{
	return i < x->n ? (unsigned char)x->p[i] : 0;
}

static int
dv_part_compare(const struct dv_part *a, const struct dv_part *b)
{
	size_t i = 0, j = 0;

	while (i < a->n || j < b->n) {
		int first = 0;

		/* Non-digit run: character by character. */
		while ((i < a->n && !dv_digit(dv_at(a, i))) ||
		    (j < b->n && !dv_digit(dv_at(b, j)))) {
			int ac = dv_order(a, i), bc = dv_order(b, j);

			if (ac != bc)
				return ac - bc;
			i++;
			j++;
		}
		/* Digit run: numerically, without overflow. */
		while (dv_at(a, i) == '0')
			i++;
		while (dv_at(b, j) == '0')
			j++;
		while (dv_digit(dv_at(a, i)) && dv_digit(dv_at(b, j))) {
			if (first == 0)
				first = dv_at(a, i) - dv_at(b, j);
			i++;
			j++;
		}
		if (dv_digit(dv_at(a, i)))
			return 1;
		if (dv_digit(dv_at(b, j)))
			return -1;
		if (first != 0)
			return first;
	}
	return 0;
}

static int
dv_number_compare(const struct dv_part *a, const struct dv_part *b)
{
	struct dv_part x = *a, y = *b;
	int r;

	while (x.n > 1 && x.p[0] == '0') {
		x.p++;
		x.n--;
	}
	while (y.n > 1 && y.p[0] == '0') {
		y.p++;
		y.n--;
	}
	if (x.n != y.n)
		return x.n < y.n ? -1 : 1;
	r = memcmp(x.p, y.p, x.n);
	return r;
}

int
dv_compare(const char *a, const char *b)
{
	struct dv_version va, vb;
	int r;

	dv_split(a, &va);
	dv_split(b, &vb);
	if ((r = dv_number_compare(&va.epoch, &vb.epoch)) != 0)
		return r;
	if ((r = dv_part_compare(&va.upstream, &vb.upstream)) != 0)
		return r;
	return dv_part_compare(&va.revision, &vb.revision);
}

int
dv_valid(const char *s)
{
	struct dv_version v;
	size_t i;

	if (s == NULL || *s == '\0')
		return 0;
	dv_split(s, &v);
	if (v.epoch.n == 0 || v.upstream.n == 0 || !dv_digit(v.upstream.p[0]))
		return 0;
	for (i = 0; i < v.epoch.n; i++)
		if (!dv_digit((unsigned char)v.epoch.p[i]))
			return 0;
	if (strchr(v.revision.p, ':') != NULL)
		return 0;
	for (i = 0; i < v.upstream.n; i++) {
		int c = (unsigned char)v.upstream.p[i];

		if (!dv_digit(c) && !dv_alpha(c) && strchr(".+-~:", c) == NULL)
			return 0;
	}
	return 1;
}
