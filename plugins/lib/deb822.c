/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "deb822.h"
#include "hostfiles.h"

#define D8_CHUNK (256u * 1024)

struct d8_state {
	const struct d8_handler *h;
	void *user;
	int have_fields;
};

static int
d8_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}

static int
d8_line(struct d8_state *st, const char *p, size_t n)
{
	const char *colon, *v, *ve;
	int r;

	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (d8_blank(p, n)) {
		if (!st->have_fields)
			return 0;
		st->have_fields = 0;
		return st->h->end != NULL ? st->h->end(st->user) : 0;
	}
	/* Continuation lines and comments. */
	if (p[0] == ' ' || p[0] == '\t' || p[0] == '#')
		return 0;
	colon = memchr(p, ':', n);
	if (colon == NULL || colon == p)
		return 0;
	v = colon + 1;
	ve = p + n;
	while (v < ve && (*v == ' ' || *v == '\t'))
		v++;
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
		ve--;
	st->have_fields = 1;
	r = st->h->field(st->user, p, (size_t)(colon - p), v, (size_t)(ve - v));
	return r < 0 ? r : 0;
}

static int
d8_finish(struct d8_state *st)
{
	if (!st->have_fields)
		return 0;
	st->have_fields = 0;
	return st->h->end != NULL ? st->h->end(st->user) : 0;
}

int
d8_parse(d8_read_fn read_fn, void *src, const struct d8_handler *h,
    void *user)
{
	struct d8_state st = { .h = h, .user = user };
	size_t cap = D8_CHUNK, start = 0, end = 0, scan = 0;
	char *buf = hf_alloc(cap), *nl;
	ssize_t got;
	int r = 0, eof = 0;

	for (;;) {
		nl = memchr(buf + scan, '\n', end - scan);
		if (nl != NULL) {
			r = d8_line(&st, buf + start, (size_t)(nl - (buf + start)));
			if (r < 0)
				break;
			start = scan = (size_t)(nl - buf) + 1;
			continue;
		}
		if (eof) {
			if (end > start)
				r = d8_line(&st, buf + start, end - start);
			if (r == 0)
				r = d8_finish(&st);
			break;
		}
		/* Keep the unfinished line, make room, read more. */
		if (start > 0) {
			memmove(buf, buf + start, end - start);
			end -= start;
			start = 0;
		}
		scan = end;
		if (end == cap) {
			if (cap >= D8_MAX_LINE) {
				r = -EFBIG;
				break;
			}
			cap *= 2;
			buf = hf_grow(buf, cap, 1);
		}
		got = read_fn(src, buf + end, cap - end);
		if (got < 0) {
			r = (int)got;
			break;
		}
		if (got == 0)
			eof = 1;
		end += (size_t)got;
	}
	free(buf);
	return r;
}

struct d8_mem {
	const char *p;
	size_t left;
};

static ssize_t
d8_read_mem(void *src, char *buf, size_t size)
{
	struct d8_mem *m = src;
	size_t n = m->left < size ? m->left : size;

	memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return (ssize_t)n;
}

int
d8_parse_buffer(const char *data, size_t len, const struct d8_handler *h,
    void *user)
{
	struct d8_mem m = { data, len };

	return d8_parse(d8_read_mem, &m, h, user);
}

ssize_t
d8_read_fd(void *src, char *buf, size_t size)
{
	ssize_t n;

	do
		n = read(*(int *)src, buf, size);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

int
d8_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && strncasecmp(name, want, len) == 0;
}
