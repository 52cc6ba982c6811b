/* SPDX-License-Identifier: MIT */
/*
 * Users and groups as the audited system resolves them: NSS on the live
 * host (so LDAP/SSSD users count), the root's /etc/passwd, /etc/group and
 * /etc/shadow for a --root audit.  Of the shadow file only whether an
 * account is locked is kept; no hash is ever stored.
 *
 * "Locked" means the password field starts with '!' (passwd -l, usermod
 * -L) or the account expired; '*' alone is how system accounts say "no
 * password login" and does not count as locked.
 */
#ifndef SA_ACCOUNTS_H
#define SA_ACCOUNTS_H

#include <sys/types.h>
#include <time.h>

#include <smeaudit/plugin.h>

#include "rootfs.h"

struct acct_user {
	char *name;
	uid_t uid;
	gid_t gid;
	char *home;
	char *shell;
	int locked;
};

struct acct_group {
	char *name;
	gid_t gid;
};

struct acct {
	const struct rootfs *rfs;
	time_t now;
	int files_loaded;	/* --root: the files were read */
	int shadow_state;	/* 1 read, 0 not yet, -1 unreadable */
	struct acct_user *users;
	size_t n_users;
	struct acct_group *groups;
	size_t n_groups;
	/* Live host: ids NSS did not know, so a million orphan files ask once. */
	uid_t *missing_uids;
	size_t n_missing_uids;
	gid_t *missing_gids;
	size_t n_missing_gids;
};

void acct_init(struct acct *a, const struct rootfs *rfs, time_t now);
void acct_free(struct acct *a);

/* 0, or -ENOENT when the system has no such entry.  Strings live in a. */
int acct_user_by_uid(struct acct *a, uid_t uid, struct sa_user *ret);
int acct_user_by_name(struct acct *a, const char *name, struct sa_user *ret);
int acct_group_by_gid(struct acct *a, gid_t gid, struct sa_group *ret);
int acct_group_by_name(struct acct *a, const char *name, struct sa_group *ret);

/* Lock state from a shadow line's password and expiry fields. */
int acct_shadow_locked(const char *password_field, const char *expire_field,
    time_t now);

#endif /* SA_ACCOUNTS_H */
