/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pwtext.h"
#include "pwwords.h"

static size_t
pww_slots_for(size_t n)
{
	size_t s = 64;

	/* at most half full: probes stay short */
	while (s < n * 2)
		s <<= 1;
	return s;
}

int
pww_init(struct pww_table *t, size_t expect, int scan)
{
	size_t size = pww_slots_for(expect);

	memset(t, 0, sizeof(*t));
	t->slots = calloc(size, sizeof(*t->slots));
	if (t->slots == NULL)
		return -ENOMEM;
	t->mask = size - 1;
	if (scan && (t->pairs = calloc(65536 / 64, sizeof(*t->pairs))) == NULL) {
		free(t->slots);
		t->slots = NULL;
		return -ENOMEM;
	}
	return 0;
}

void
pww_free(struct pww_table *t)
{
	free(t->slots);
	free(t->pairs);
	memset(t, 0, sizeof(*t));
}

static struct pww_entry *
pww_slot(const struct pww_table *t, uint64_t fp)
{
	size_t i = (size_t)fp & t->mask;

	while (t->slots[i].fp != 0 && t->slots[i].fp != fp)
		i = (i + 1) & t->mask;
	return &t->slots[i];
}

static int
pww_grow(struct pww_table *t)
{
	size_t size = (t->mask + 1) * 2, i, k;
	struct pww_entry *slots = calloc(size, sizeof(*slots));

	if (slots == NULL)
		return -ENOMEM;
	for (i = 0; i <= t->mask; i++) {
		if (t->slots[i].fp == 0)
			continue;
		k = (size_t)t->slots[i].fp & (size - 1);
		while (slots[k].fp != 0)
			k = (k + 1) & (size - 1);
		slots[k] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->mask = size - 1;
	return 0;
}

/* The entry of fp, made if new; NULL only when memory runs out. */
static struct pww_entry *
pww_enter(struct pww_table *t, uint64_t fp)
{
	struct pww_entry *e = pww_slot(t, fp);

	if (e->fp != 0)
		return e;
	if ((t->n + 1) * 2 > t->mask + 1) {
		if (pww_grow(t) < 0)
			return NULL;
		e = pww_slot(t, fp);
	}
	e->fp = fp;
	t->n++;
	return e;
}

int
pww_add(struct pww_table *t, const char *key, size_t len, uint32_t mask,
    int bare)
{
	struct pww_entry *e;
	unsigned int pair;

	if (len < PWW_MIN_WORD || len > PWW_MAX_WORD)
		return 0;
	if ((e = pww_enter(t, pwt_hash(key, len))) == NULL)
		return -ENOMEM;
	if (bare)
		e->bare |= mask;
	else
		e->lists |= mask;
	if (t->pairs != NULL) {
		t->lengths[len >> 6] |= 1ull << (len & 63);
		pair = (unsigned int)(unsigned char)key[0] << 8 | (unsigned char)key[1];
		t->pairs[pair >> 6] |= 1ull << (pair & 63);
	}
	return 0;
}

#define PWW_LETTERISH (PWT_LOWER | PWT_UPPER | PWT_OTHER)

static int
pww_is_bare(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pwt_class_of[(unsigned char)s[i]] & PWW_LETTERISH)
			return 0;
	return 1;
}

int
pww_add_word(struct pww_table *t, const char *word, size_t len, uint32_t mask)
{
	char key[PWW_MAX_WORD];

	if (len < PWW_MIN_WORD || len > PWW_MAX_WORD)
		return 0;
	pwt_fold(word, len, key);
	return pww_add(t, key, len, mask, pww_is_bare(word, len));
}

const struct pww_entry *
pww_find(const struct pww_table *t, const char *key, size_t len)
{
	const struct pww_entry *e;

	if (len < PWW_MIN_WORD || len > PWW_MAX_WORD)
		return NULL;
	e = pww_slot(t, pwt_hash(key, len));
	return e->fp != 0 ? e : NULL;
}

struct pww_pass {
	struct pww_table *t;
	uint32_t mask;
	int scan;
	int error;
};

/* One line of a word list: '#' comments and "noun's" are not words. */
static void
pww_line(struct pww_pass *ps, const char *s, size_t n)
{
	struct pww_table *t = ps->t;
	char key[PWW_MAX_WORD];
	unsigned int pair, letters = 0;
	struct pww_entry *e;
	uint64_t fp;
	size_t i;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n < PWW_MIN_WORD || n > PWW_MAX_WORD)
		return;
	if (ps->scan) {
		/* Most lines end here: nobody asked about this length or start. */
		if (!(t->lengths[n >> 6] >> (n & 63) & 1))
			return;
		pair = (unsigned int)pwt_fold_of[(unsigned char)s[0]] << 8 |
		    pwt_fold_of[(unsigned char)s[1]];
		if (!(t->pairs[pair >> 6] >> (pair & 63) & 1))
			return;
	}
	if (s[0] == '#' || (s[n - 2] == '\'' && s[n - 1] == 's'))
		return;
	for (i = 0; i < n; i++) {
		key[i] = (char)pwt_fold_of[(unsigned char)s[i]];
		letters |= pwt_class_of[(unsigned char)s[i]];
	}
	fp = pwt_hash(key, n);
	if (ps->scan) {
		/* only the words asked about are marked */
		if ((e = pww_slot(t, fp))->fp == 0)
			return;
	} else if ((e = pww_enter(t, fp)) == NULL) {
		ps->error = -ENOMEM;
		return;
	}
	if (letters & PWW_LETTERISH)
		e->lists |= ps->mask;
	else
		e->bare |= ps->mask;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PWW_SWAR 1
#endif

/*
 * Is the line [s, s + n) worth pww_line's time?  In scan mode most are
 * not, and deciding here, inline, saves a call per dictionary line.
 */
static inline int
pww_wanted(const struct pww_pass *ps, const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	return !ps->scan || (n <= PWW_MAX_WORD &&
	    (ps->t->lengths[n >> 6] >> (n & 63) & 1));
}

/* Every line of buf; a dictionary has 100 000 short lines, hence SWAR. */
static void
pww_each_line(struct pww_pass *ps, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n, *line = buf;
#ifdef PWW_SWAR
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t w, x, m;
	unsigned int b;

	for (; (size_t)(end - p) >= 8; p += 8) {
		memcpy(&w, p, 8);
		x = w ^ (ones * '\n');
		/* a set high bit above a real zero byte may be a borrow: recheck */
		m = (x - ones) & ~x & highs;
		while (m != 0) {
			b = (unsigned int)__builtin_ctzll(m) >> 3;
			if (p[b] == '\n') {
				if (pww_wanted(ps, line, (size_t)(p + b - line)))
					pww_line(ps, line, (size_t)(p + b - line));
				line = p + b + 1;
			}
			m &= m - 1;
		}
	}
#endif
	for (; p < end; p++)
		if (*p == '\n') {
			if (pww_wanted(ps, line, (size_t)(p - line)))
				pww_line(ps, line, (size_t)(p - line));
			line = p + 1;
		}
	if (line < end && pww_wanted(ps, line, (size_t)(end - line)))
		pww_line(ps, line, (size_t)(end - line));
}

static int
pww_open(const char *path, int *ret_fd, size_t *ret_size)
{
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		int r = -errno;

		close(fd);
		return r;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
	}
	if ((uintmax_t)st.st_size > PWW_MAX_FILE) {
		close(fd);
		return -EFBIG;
	}
	*ret_fd = fd;
	*ret_size = (size_t)st.st_size;
	return 0;
}

int
pww_check_file(const char *path, size_t *ret_size)
{
	size_t size;
	int fd, r;
	char c;

	if ((r = pww_open(path, &fd, &size)) < 0)
		return r;
	/* Readable, not just present: an EIO or a FUSE refusal shows here. */
	r = size > 0 && read(fd, &c, 1) < 0 ? -errno : 0;
	close(fd);
	if (ret_size != NULL)
		*ret_size = size;
	return r;
}

static int
pww_pass_file(struct pww_table *t, const char *path, uint32_t mask, int scan)
{
	struct pww_pass ps = { .t = t, .mask = mask, .scan = scan };
	size_t size;
	void *map;
	int fd, r;

	if ((r = pww_open(path, &fd, &size)) < 0)
		return r;
	if (size == 0) {
		close(fd);
		return 0;
	}
	map = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	r = map == MAP_FAILED ? -errno : 0;
	close(fd);
	if (r < 0)
		return r;
	pww_each_line(&ps, map, size);
	munmap(map, size);
	return ps.error;
}

int
pww_index_file(struct pww_table *t, const char *path, uint32_t mask)
{
	return pww_pass_file(t, path, mask, 0);
}

int
pww_scan_file(struct pww_table *t, const char *path, uint32_t mask)
{
	return pww_pass_file(t, path, mask, 1);
}
