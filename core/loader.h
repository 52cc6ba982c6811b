/* SPDX-License-Identifier: MIT */
/*
 * Finding, trusting and opening plugins.  A plugin file is used only when
 * it and its directory belong to root or to the user running smeaudit and
 * nobody else can write them (smeaudit runs as root: a plugin anyone can
 * replace is a root shell for anyone).  Symlinked plugin files are
 * refused.  The descriptor is checked before any plugin code runs.
 */
#ifndef SA_LOADER_H
#define SA_LOADER_H

#include <sys/stat.h>
#include <sys/types.h>

#include <smeaudit/plugin.h>

#include "catalog.h"
#include "util.h"

struct ldr_plugin {
	char *name;
	char *path;
	void *handle;
	int fd;			/* the checked file, open while loaded */
	const struct sa_plugin *desc;	/* NULL when refused */
	char *refusal;		/* why it was refused, one line */
	unsigned char items[CAT_MAX_ITEMS + 1];	/* items[n]: gives evidence for n */
	unsigned char cloud[CAT_MAX_CLOUD + 1];
};

struct ldr_set {
	struct ldr_plugin *v;
	size_t n;
	uid_t trusted_uid;	/* besides root */
	int max_item;		/* from the catalog */
	int max_cloud;
};

void ldr_init(struct ldr_set *set, uid_t trusted_uid, int max_item,
    int max_cloud);
void ldr_free(struct ldr_set *set);

/*
 * Load every *.so of dir, in name order.  A plugin whose name is already
 * loaded (from an earlier directory) is skipped.  A refused file becomes
 * an entry with refusal set; it does not stop the scan.  Returns 0, or
 * -errno with a message in err when the directory itself cannot be used
 * (missing, not a directory, unsafe).
 */
int ldr_scan_dir(struct ldr_set *set, const char *dir, struct sbuf *err);

const struct ldr_plugin *ldr_find(const struct ldr_set *set, const char *name);

/* 0 when st (of path) may be trusted; otherwise -EPERM and why. */
int ldr_check_trust(const struct stat *st, uid_t trusted_uid, const char *what,
    const char *path, struct sbuf *why);

/* 0 when the descriptor is sound; otherwise -EINVAL and why. */
int ldr_check_descriptor(const struct sa_plugin *d, const char *file_name,
    int max_item, int max_cloud, struct sbuf *why);

/* A check of plugin p by its short name, or NULL. */
const struct sa_check *ldr_find_check(const struct sa_plugin *p,
    const char *name);

int ldr_valid_name(const char *name);

#endif /* SA_LOADER_H */
