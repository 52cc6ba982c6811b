/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deb822.h"
#include "dpkgdb.h"
#include "hostfiles.h"

struct pkg_para {
	struct pkg_db *db;
	char *name, *arch, *version;
	int present, held, have_status;
};

static uint64_t
pkg_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void
pkg_para_reset(struct pkg_para *p)
{
	free(p->name);
	free(p->arch);
	free(p->version);
	p->name = p->arch = p->version = NULL;
	p->present = p->held = p->have_status = 0;
}

static int
pkg_word(const char **s, const char *end, const char **w, size_t *n)
{
	while (*s < end && **s == ' ')
		(*s)++;
	*w = *s;
	while (*s < end && **s != ' ')
		(*s)++;
	*n = (size_t)(*s - *w);
	return *n > 0;
}

static int
pkg_field(void *user, const char *name, size_t nlen, const char *v, size_t vlen)
{
	struct pkg_para *p = user;
	const char *s = v, *end = v + vlen, *w;
	size_t n;

	if (d8_is(name, nlen, "Package")) {
		free(p->name);
		p->name = hf_strndup(v, vlen);
	} else if (d8_is(name, nlen, "Architecture")) {
		free(p->arch);
		p->arch = hf_strndup(v, vlen);
	} else if (d8_is(name, nlen, "Version")) {
		free(p->version);
		p->version = hf_strndup(v, vlen);
	} else if (d8_is(name, nlen, "Status")) {
		/* "want flag status", e.g. "hold ok installed". */
		p->have_status = 1;
		if (!pkg_word(&s, end, &w, &n))
			return 0;
		p->held = n == 4 && memcmp(w, "hold", 4) == 0;
		if (!pkg_word(&s, end, &w, &n) || !pkg_word(&s, end, &w, &n))
			return 0;
		p->present = !(n == 13 && memcmp(w, "not-installed", 13) == 0) &&
		    !(n == 12 && memcmp(w, "config-files", 12) == 0);
	}
	return 0;
}

static int
pkg_end(void *user)
{
	struct pkg_para *p = user;
	struct pkg_db *db = p->db;
	struct pkg_entry *e;

	if (p->name == NULL) {
		pkg_para_reset(p);
		return -EINVAL;
	}
	if (p->present && p->version != NULL) {
		db->v = hf_grow_one(db->v, db->n, sizeof(*db->v));
		e = &db->v[db->n++];
		memset(e, 0, sizeof(*e));
		e->name = p->name;
		e->arch = p->arch != NULL ? p->arch : hf_strdup("");
		e->version = p->version;
		e->held = p->held;
		e->next = -1;
		p->name = p->arch = p->version = NULL;
	}
	pkg_para_reset(p);
	return 0;
}

static void
pkg_index(struct pkg_db *db)
{
	size_t i, mask, slot;
	/* the last entry of each name's chain, so that a status repeating
	 * one name 100,000 times is not walked 100,000 times */
	long j, *tail = hf_grow(NULL, db->n + 1, sizeof(*tail));

	db->n_slots = 64;
	while (db->n_slots < db->n * 2)
		db->n_slots *= 2;
	db->slots = hf_grow(NULL, db->n_slots, sizeof(*db->slots));
	for (i = 0; i < db->n_slots; i++)
		db->slots[i] = -1;
	mask = db->n_slots - 1;
	for (i = 0; i < db->n; i++) {
		struct pkg_entry *e = &db->v[i];

		slot = (size_t)pkg_hash(e->name, strlen(e->name)) & mask;
		for (;;) {
			j = db->slots[slot];
			if (j < 0) {
				db->slots[slot] = (long)i;
				tail[i] = (long)i;
				break;
			}
			if (strcmp(db->v[j].name, e->name) == 0) {
				/* Another architecture of the same package. */
				db->v[tail[j]].next = (long)i;
				tail[j] = (long)i;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	free(tail);
}

static const struct d8_handler pkg_handler = { pkg_field, pkg_end };

static int
pkg_done(struct pkg_db *db, struct pkg_para *p, int r)
{
	pkg_para_reset(p);
	if (r < 0) {
		pkg_free(db);
		return r;
	}
	pkg_index(db);
	return 0;
}

struct pkg_src {
	int fd;
	size_t left;
};

/* d8_read_fd, but a file longer than PKG_MAX_STATUS (one that grows
 * while read, say) ends in -EFBIG instead of being read for ever. */
static ssize_t
pkg_read_bounded(void *src, char *buf, size_t size)
{
	struct pkg_src *s = src;
	ssize_t n;

	if (s->left == 0) {
		n = d8_read_fd(&s->fd, buf, 1);
		return n > 0 ? -EFBIG : n;
	}
	n = d8_read_fd(&s->fd, buf, size < s->left ? size : s->left);
	if (n > 0)
		s->left -= (size_t)n;
	return n;
}

int
pkg_load_fd(struct pkg_db *db, int fd)
{
	struct pkg_para p = { .db = db };
	struct pkg_src src = { fd, PKG_MAX_STATUS };

	memset(db, 0, sizeof(*db));
	return pkg_done(db, &p, d8_parse(pkg_read_bounded, &src, &pkg_handler, &p));
}

int
pkg_load_buffer(struct pkg_db *db, const char *data, size_t len)
{
	struct pkg_para p = { .db = db };

	memset(db, 0, sizeof(*db));
	return pkg_done(db, &p, d8_parse_buffer(data, len, &pkg_handler, &p));
}

int
pkg_load(struct pkg_db *db, const struct hf *hf, const char *path)
{
	int fd, r;

	memset(db, 0, sizeof(*db));
	r = hf->host->open(hf->ctx, path, 0, &fd);
	if (r < 0)
		return r;
	r = pkg_load_fd(db, fd);
	close(fd);
	return r;
}

struct pkg_entry *
pkg_find(const struct pkg_db *db, const char *name, size_t n)
{
	size_t slot, mask;
	long j;

	if (db->n_slots == 0)
		return NULL;
	mask = db->n_slots - 1;
	slot = (size_t)pkg_hash(name, n) & mask;
	while ((j = db->slots[slot]) >= 0) {
		/* a name asked for may hold a NUL byte (an apt list's
		 * "Package: a\0b"): strncmp would stop there and name[n]
		 * lie past a shorter entry's end */
		if (strnlen(db->v[j].name, n + 1) == n &&
		    memcmp(db->v[j].name, name, n) == 0)
			return &db->v[j];
		slot = (slot + 1) & mask;
	}
	return NULL;
}

void
pkg_free(struct pkg_db *db)
{
	size_t i;

	for (i = 0; i < db->n; i++) {
		free(db->v[i].name);
		free(db->v[i].arch);
		free(db->v[i].version);
		free(db->v[i].candidate);
	}
	free(db->v);
	free(db->slots);
	memset(db, 0, sizeof(*db));
}
