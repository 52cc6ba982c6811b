/* SPDX-License-Identifier: MIT */
/*
 * apt's downloaded indexes in /var/lib/apt/lists: Release/InRelease
 * files say which suite a list belongs to; *_Packages lists say which
 * versions the archive offers.  Comparing them with dpkg's status gives
 * the pending upgrades without any network access.
 */
#ifndef SA_APTLISTS_H
#define SA_APTLISTS_H

#include <stddef.h>

#include "../lib/deb822.h"
#include "../lib/dpkgdb.h"

enum apt_list_kind {
	APT_LIST_OTHER = 0,
	APT_LIST_PACKAGES,	/* ..._Packages[.gz|.lz4|.xz|...] */
	APT_LIST_RELEASE	/* ..._InRelease or ..._Release */
};

struct apt_release {
	char *prefix;		/* list names of this release start with it */
	char *suite;
	char *codename;
	char *label;
	int not_automatic;	/* backports, experimental: never a candidate */
	int security;
};

enum apt_list_kind apt_list_kind(const char *name);

/* Parse a Release/InRelease text; name is the file name (for the prefix). */
void apt_release_parse(const char *name, const char *data, size_t len,
    struct apt_release *ret);
void apt_release_free(struct apt_release *r);

/* The release a list belongs to: the longest matching prefix, or NULL. */
const struct apt_release *apt_release_of(const struct apt_release *v,
    size_t n, const char *list_name);

/* Without a Release file: does the list's name say "...-security"? */
int apt_name_is_security(const char *list_name);

/*
 * Read one Packages list and record, on each installed package of db
 * that it offers a newer version of (same architecture, or "all"), the
 * newest such version as candidate and whether a security list offers
 * an upgrade.  Returns 0 or the parse/read error.
 */
int apt_apply_packages(struct pkg_db *db, d8_read_fn read, void *src,
    int security);

#endif /* SA_APTLISTS_H */
