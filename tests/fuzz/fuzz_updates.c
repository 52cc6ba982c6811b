/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the updates and antivirus plugins' parsers: dpkg's
 * status (plugins/lib/dpkgdb.c over deb822.c), an apt Packages list
 * applied to it and a Release file (aptlists.c), apt.conf (aptconf.c),
 * os-release (osrelease.c), dpkg and dnf logs (pkglog.c), Debian version
 * comparison (debver.c), snapd's JSON (jsonpath.c) and ClamAV database
 * headers (antivirus/cvd.c).  The first byte picks the parser; a
 * Packages list follows the status after a "--8<--" line.  Aborts when
 * version comparison is not antisymmetric or a found package is not the
 * one asked for.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/types.h>

#include "fuzz_hostparse.h"

#include "../../plugins/antivirus/cvd.h"
#include "../../plugins/lib/deb822.h"
#include "../../plugins/lib/dpkgdb.h"
#include "../../plugins/updates/aptconf.h"
#include "../../plugins/updates/aptlists.h"
#include "../../plugins/updates/debver.h"
#include "../../plugins/updates/jsonpath.h"
#include "../../plugins/updates/osrelease.h"
#include "../../plugins/updates/pkglog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_mem {
	const char *p;
	size_t left;
};

static ssize_t
fz_read(void *src, char *buf, size_t size)
{
	struct fz_mem *m = src;
	/* short reads, as a pipe or a decompressor gives them */
	size_t n = m->left < size ? m->left : size;

	if (n > 7)
		n = n / 2 + 1;
	memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return (ssize_t)n;
}

static void
fz_value(void *user, const char *key, const char *value)
{
	(void)strlen(key);
	if (value != NULL)
		(void)strlen(value);
}

static int
fz_sign(int v)
{
	return (v > 0) - (v < 0);
}

static void
fz_status(const char *text, size_t len)
{
	static const char *const names[] = { "libc6", "openssh-server", "p", "" };
	const char *cut = memmem(text, len, "\n--8<--\n", 8);
	size_t status_len = cut != NULL ? (size_t)(cut - text) : len;
	struct pkg_entry *e;
	struct pkg_db db;
	size_t i;

	if (pkg_load_buffer(&db, text, status_len) == 0) {
		for (i = 0; i < db.n; i++) {
			e = pkg_find(&db, db.v[i].name, strlen(db.v[i].name));
			if (e == NULL || strcmp(e->name, db.v[i].name) != 0)
				abort();
		}
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			(void)pkg_find(&db, names[i], strlen(names[i]));
		if (cut != NULL) {
			struct fz_mem m = { cut + 8, len - status_len - 8 };

			(void)apt_apply_packages(&db, fz_read, &m, 0);
		}
	}
	pkg_free(&db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const path[] = { "system", "refresh", "last", NULL };
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	struct apt_release rel;
	struct cvd_header cvd;
	struct pl_scan scan;
	struct osr osr;
	unsigned int line;
	char *s, *nl, *out;
	time_t t;

	if (size < 1)
		return 0;
	switch (data[0] % 8) {
	case 0:
		fz_status(text, len);
		break;
	case 1:
		(void)ac_parse(text, len, fz_value, NULL, &line);
		s = fzp_str(data + 1, len);
		(void)ac_name_ok(s);
		free(s);
		break;
	case 2:
		memset(&rel, 0, sizeof(rel));
		apt_release_parse("deb.debian.org_debian-security_dists_bookworm-security_InRelease",
		    text, len, &rel);
		apt_release_free(&rel);
		break;
	case 3:
		memset(&osr, 0, sizeof(osr));
		osr_parse(text, len, &osr);
		free(osr_label(&osr));
		(void)osr_is_like(&osr, "debian");
		osr_free(&osr);
		break;
	case 4:
		memset(&scan, 0, sizeof(scan));
		pl_dpkg_scan(text, len, &scan);
		pl_dnf_scan(text, len, &scan);
		break;
	case 5:
		/* two versions, one per line */
		s = fzp_str(data + 1, len);
		nl = strchr(s, '\n');
		if (nl != NULL) {
			*nl = '\0';
			if (dv_valid(s) && dv_valid(nl + 1) &&
			    fz_sign(dv_compare(s, nl + 1)) != -fz_sign(dv_compare(nl + 1, s)))
				abort();
			if (dv_valid(s) && dv_compare(s, s) != 0)
				abort();
		}
		free(s);
		break;
	case 6:
		if (js_get(text, len, path, &out) == 1)
			free(out);
		break;
	case 7:
		(void)cvd_parse(text, len, &cvd);
		(void)cvd_parse_time(text, len < 64 ? len : 64, &t);
		break;
	}
	return 0;
}
