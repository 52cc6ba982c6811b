/* SPDX-License-Identifier: MIT */
/*
 * The packages dpkg has on a Debian-family system, read from its status
 * file (/var/lib/dpkg/status), with a name index.  A loaded database owns
 * all its strings; pkg_free() releases them (a failed load leaves nothing
 * to free).
 */
#ifndef PKG_DPKGDB_H
#define PKG_DPKGDB_H

#include <stddef.h>

#include "hostfiles.h"

struct pkg_entry {
	char *name;
	char *arch;		/* "" when the status has none */
	char *version;
	int held;		/* "hold" selection: apt will not upgrade it */
	long next;		/* next entry with the same name, or -1 */
	/* Free for the caller's use (the updates plugin's candidate). */
	char *candidate;
	int candidate_security;
};

struct pkg_db {
	struct pkg_entry *v;
	size_t n;
	long *slots;		/* open addressing over names, -1 empty */
	size_t n_slots;
};

/* A status file is a few MB even with thousands of packages. */
#define PKG_MAX_STATUS (64 * 1024 * 1024)

/*
 * Load the status file from fd.  Only unpacked-or-better packages are
 * kept: "config-files" and "not-installed" leave nothing to update.
 * Returns 0, -EINVAL (a paragraph without Package or Version), -EFBIG
 * (more than PKG_MAX_STATUS bytes), or a read error.
 */
int pkg_load_fd(struct pkg_db *db, int fd);
int pkg_load_buffer(struct pkg_db *db, const char *data, size_t len);

/* Load path (inside the audit root); the same returns, or the open error. */
int pkg_load(struct pkg_db *db, const struct hf *hf, const char *path);

/*
 * The first entry named (name, name_len) (any architecture; the others
 * follow through next), or NULL.  Points into db.
 */
struct pkg_entry *pkg_find(const struct pkg_db *db, const char *name,
    size_t name_len);

void pkg_free(struct pkg_db *db);

#endif /* PKG_DPKGDB_H */
