/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "aptlists.h"
#include "debver.h"

enum apt_list_kind
apt_list_kind(const char *name)
{
	const char *p = strstr(name, "_Packages");

	if (p != NULL && (p[9] == '\0' || p[9] == '.'))
		return APT_LIST_PACKAGES;
	if (hf_has_suffix(name, "_InRelease") || hf_has_suffix(name, "_Release"))
		return APT_LIST_RELEASE;
	return APT_LIST_OTHER;
}

struct apt_rel_state {
	struct apt_release *r;
	int para;		/* the signed text's "Hash:" block comes first */
	int have;
};

static void
apt_set(char **slot, const char *v, size_t n)
{
	free(*slot);
	*slot = hf_strndup(v, n);
}

static int
apt_rel_field(void *user, const char *name, size_t nlen, const char *v,
    size_t vlen)
{
	struct apt_rel_state *st = user;
	struct apt_release *r = st->r;

	if (st->have)
		return 0;
	if (d8_is(name, nlen, "Suite"))
		apt_set(&r->suite, v, vlen);
	else if (d8_is(name, nlen, "Codename"))
		apt_set(&r->codename, v, vlen);
	else if (d8_is(name, nlen, "Label"))
		apt_set(&r->label, v, vlen);
	else if (d8_is(name, nlen, "NotAutomatic"))
		r->not_automatic = vlen == 3 && strncasecmp(v, "yes", 3) == 0;
	return 0;
}

static int
apt_rel_end(void *user)
{
	struct apt_rel_state *st = user;

	/* The release paragraph is the first one that names a suite. */
	if (st->r->suite != NULL || st->r->codename != NULL)
		st->have = 1;
	return 0;
}

void
apt_release_parse(const char *name, const char *data, size_t len,
    struct apt_release *r)
{
	static const struct d8_handler h = { apt_rel_field, apt_rel_end };
	struct apt_rel_state st = { .r = r };
	size_t n = strlen(name);

	memset(r, 0, sizeof(*r));
	if (hf_has_suffix(name, "_InRelease"))
		n -= strlen("InRelease");
	else if (hf_has_suffix(name, "_Release"))
		n -= strlen("Release");
	r->prefix = hf_strndup(name, n);
	d8_parse_buffer(data, len, &h, &st);
	r->security = (r->suite != NULL && hf_has_suffix(r->suite, "-security")) ||
	    (r->codename != NULL && hf_has_suffix(r->codename, "-security")) ||
	    (r->label != NULL && strcmp(r->label, "Debian-Security") == 0);
}

void
apt_release_free(struct apt_release *r)
{
	free(r->prefix);
	free(r->suite);
	free(r->codename);
	free(r->label);
	memset(r, 0, sizeof(*r));
}

const struct apt_release *
apt_release_of(const struct apt_release *v, size_t n, const char *list_name)
{
	const struct apt_release *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (hf_has_prefix(list_name, v[i].prefix) &&
		    (best == NULL || strlen(v[i].prefix) > strlen(best->prefix)))
			best = &v[i];
	return best;
}

int
apt_name_is_security(const char *list_name)
{
	return strstr(list_name, "-security_") != NULL;
}

struct apt_pkg_state {
	struct pkg_db *db;
	int security;
	struct pkg_entry *hit;	/* installed package of this paragraph */
	char version[256];
	char arch[64];
	int bad;		/* a field too long for the buffers above */
};

static void
apt_copy(char *dst, size_t size, const char *v, size_t n, int *bad)
{
	if (n >= size) {
		*bad = 1;
		return;
	}
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static int
apt_pkg_field(void *user, const char *name, size_t nlen, const char *v,
    size_t vlen)
{
	struct apt_pkg_state *st = user;

	if (d8_is(name, nlen, "Package"))
		st->hit = pkg_find(st->db, v, vlen);
	else if (d8_is(name, nlen, "Version"))
		apt_copy(st->version, sizeof(st->version), v, vlen, &st->bad);
	else if (d8_is(name, nlen, "Architecture"))
		apt_copy(st->arch, sizeof(st->arch), v, vlen, &st->bad);
	return 0;
}

static int
apt_arch_matches(const char *list_arch, const char *installed)
{
	return strcmp(list_arch, installed) == 0 || strcmp(list_arch, "all") == 0 ||
	    strcmp(installed, "all") == 0;
}

static int
apt_pkg_end(void *user)
{
	struct apt_pkg_state *st = user;
	struct pkg_entry *e;

	if (st->hit != NULL && !st->bad && st->version[0] != '\0') {
		for (e = st->hit;; e = &st->db->v[e->next]) {
			if (apt_arch_matches(st->arch, e->arch) &&
			    dv_compare(st->version, e->version) > 0) {
				if (st->security)
					e->candidate_security = 1;
				if (e->candidate == NULL ||
				    dv_compare(st->version, e->candidate) > 0) {
					free(e->candidate);
					e->candidate = hf_strdup(st->version);
				}
			}
			if (e->next < 0)
				break;
		}
	}
	st->hit = NULL;
	st->version[0] = st->arch[0] = '\0';
	st->bad = 0;
	return 0;
}

int
apt_apply_packages(struct pkg_db *db, d8_read_fn read_fn, void *src,
    int security)
{
	static const struct d8_handler h = { apt_pkg_field, apt_pkg_end };
	struct apt_pkg_state st;

	memset(&st, 0, sizeof(st));
	st.db = db;
	st.security = security;
	return d8_parse(read_fn, src, &h, &st);
}
