/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"

#define ACCT_MAX_FILE (64u * 1024 * 1024)

void
acct_init(struct acct *a, const struct rootfs *rfs, time_t now)
{
	memset(a, 0, sizeof(*a));
	a->rfs = rfs;
	a->now = now;
}

void
acct_free(struct acct *a)
{
	size_t i;

	for (i = 0; i < a->n_users; i++) {
		free(a->users[i].name);
		free(a->users[i].home);
		free(a->users[i].shell);
	}
	free(a->users);
	for (i = 0; i < a->n_groups; i++)
		free(a->groups[i].name);
	free(a->groups);
	free(a->missing_uids);
	free(a->missing_gids);
	memset(a, 0, sizeof(*a));
}

int
acct_shadow_locked(const char *password_field, const char *expire_field,
    time_t now)
{
	long long days;

	if (password_field != NULL && password_field[0] == '!')
		return 1;
	/* Divide, not multiply: a far-future expiry must not overflow. */
	if (expire_field != NULL && *expire_field != '\0' &&
	    ut_parse_int(expire_field, &days) == 0 && days >= 0 &&
	    (long long)now >= 0 && days <= (long long)now / 86400)
		return 1;
	return 0;
}

static struct acct_user *
acct_add_user(struct acct *a, const char *name, uid_t uid, gid_t gid,
    const char *home, const char *shell)
{
	struct acct_user *u;

	a->users = xreallocarray(a->users, a->n_users + 1, sizeof(*a->users));
	u = &a->users[a->n_users++];
	u->name = xstrdup(name);
	u->uid = uid;
	u->gid = gid;
	u->home = xstrdup(home != NULL ? home : "");
	u->shell = xstrdup(shell != NULL ? shell : "");
	u->locked = -1;
	return u;
}

static void
acct_add_group(struct acct *a, const char *name, gid_t gid)
{
	a->groups = xreallocarray(a->groups, a->n_groups + 1, sizeof(*a->groups));
	a->groups[a->n_groups].name = xstrdup(name);
	a->groups[a->n_groups++].gid = gid;
}

/* Split a colon-separated line in place; returns the field count. */
static size_t
acct_fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	f[n++] = line;
	while (n < max && (line = strchr(line, ':')) != NULL) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

static int
acct_id(const char *s, unsigned long *ret)
{
	long long v;

	if (ut_parse_int(s, &v) < 0 || v < 0 || v > 0xfffffffeLL)
		return -1;
	*ret = (unsigned long)v;
	return 0;
}

static void
acct_each_line(char *data, void (*fn)(struct acct *, char **, size_t),
    struct acct *a, size_t nfields)
{
	char *save = NULL, *line, *f[16];
	size_t n;

	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '+' || line[0] == '-')
			continue;
		n = acct_fields(line, f, nfields);
		fn(a, f, n);
	}
}

static void
acct_passwd_line(struct acct *a, char **f, size_t n)
{
	unsigned long uid, gid;

	if (n < 7 || acct_id(f[2], &uid) < 0 || acct_id(f[3], &gid) < 0)
		return;
	acct_add_user(a, f[0], (uid_t)uid, (gid_t)gid, f[5], f[6]);
}

static void
acct_group_line(struct acct *a, char **f, size_t n)
{
	unsigned long gid;

	if (n < 3 || acct_id(f[2], &gid) < 0)
		return;
	acct_add_group(a, f[0], (gid_t)gid);
}

static void
acct_shadow_line(struct acct *a, char **f, size_t n)
{
	size_t i;

	if (n < 2)
		return;
	for (i = 0; i < a->n_users; i++)
		if (strcmp(a->users[i].name, f[0]) == 0)
			a->users[i].locked = acct_shadow_locked(f[1],
			    n >= 8 ? f[7] : NULL, a->now);
	/* The hash went through this buffer; wipe it before it is freed. */
	explicit_bzero(f[1], strlen(f[1]));
}

static void
acct_load_files(struct acct *a)
{
	char *data;
	size_t len;

	if (a->files_loaded)
		return;
	a->files_loaded = 1;
	if (rfs_read_file(a->rfs, "/etc/passwd", ACCT_MAX_FILE, &data, &len) == 0) {
		acct_each_line(data, acct_passwd_line, a, 7);
		free(data);
	}
	if (rfs_read_file(a->rfs, "/etc/group", ACCT_MAX_FILE, &data, &len) == 0) {
		acct_each_line(data, acct_group_line, a, 4);
		free(data);
	}
	if (rfs_read_file(a->rfs, "/etc/shadow", ACCT_MAX_FILE, &data, &len) == 0) {
		acct_each_line(data, acct_shadow_line, a, 9);
		explicit_bzero(data, len);
		free(data);
		a->shadow_state = 1;
	} else
		a->shadow_state = -1;
}

static void
acct_fill(const struct acct_user *u, struct sa_user *ret)
{
	ret->name = u->name;
	ret->uid = u->uid;
	ret->gid = u->gid;
	ret->home = u->home;
	ret->shell = u->shell;
	ret->locked = u->locked;
}

/* Live host: ask NSS once per account and keep the answer. */
static struct acct_user *
acct_live_user(struct acct *a, const struct passwd *pw)
{
	struct acct_user *u;
	struct spwd *sp;
	char expire[32];

	u = acct_add_user(a, pw->pw_name, pw->pw_uid, pw->pw_gid, pw->pw_dir,
	    pw->pw_shell);
	sp = getspnam(pw->pw_name);
	if (sp != NULL) {
		if (sp->sp_expire >= 0)
			snprintf(expire, sizeof(expire), "%ld", sp->sp_expire);
		else
			expire[0] = '\0';
		u->locked = acct_shadow_locked(sp->sp_pwdp, expire, a->now);
	}
	return u;
}

int
acct_user_by_uid(struct acct *a, uid_t uid, struct sa_user *ret)
{
	struct passwd pw, *res = NULL;
	char buf[4096];
	size_t i;

	if (!a->rfs->live)
		acct_load_files(a);
	for (i = 0; i < a->n_users; i++)
		if (a->users[i].uid == uid) {
			acct_fill(&a->users[i], ret);
			return 0;
		}
	if (!a->rfs->live)
		return -ENOENT;
	for (i = 0; i < a->n_missing_uids; i++)
		if (a->missing_uids[i] == uid)
			return -ENOENT;
	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) != 0 || res == NULL) {
		a->missing_uids = xreallocarray(a->missing_uids,
		    a->n_missing_uids + 1, sizeof(*a->missing_uids));
		a->missing_uids[a->n_missing_uids++] = uid;
		return -ENOENT;
	}
	acct_fill(acct_live_user(a, res), ret);
	return 0;
}

int
acct_user_by_name(struct acct *a, const char *name, struct sa_user *ret)
{
	struct passwd pw, *res = NULL;
	char buf[4096];
	size_t i;

	if (!a->rfs->live)
		acct_load_files(a);
	for (i = 0; i < a->n_users; i++)
		if (strcmp(a->users[i].name, name) == 0) {
			acct_fill(&a->users[i], ret);
			return 0;
		}
	if (!a->rfs->live)
		return -ENOENT;
	if (getpwnam_r(name, &pw, buf, sizeof(buf), &res) != 0 || res == NULL)
		return -ENOENT;
	acct_fill(acct_live_user(a, res), ret);
	return 0;
}

static int
acct_group_lookup(struct acct *a, const char *name, gid_t gid,
    struct sa_group *ret)
{
	struct group gr, *res = NULL;
	char buf[16384];
	size_t i;

	if (!a->rfs->live)
		acct_load_files(a);
	for (i = 0; i < a->n_groups; i++)
		if (name != NULL ? strcmp(a->groups[i].name, name) == 0 :
		    a->groups[i].gid == gid) {
			ret->name = a->groups[i].name;
			ret->gid = a->groups[i].gid;
			return 0;
		}
	if (!a->rfs->live)
		return -ENOENT;
	if (name == NULL)
		for (i = 0; i < a->n_missing_gids; i++)
			if (a->missing_gids[i] == gid)
				return -ENOENT;
	if (name != NULL)
		getgrnam_r(name, &gr, buf, sizeof(buf), &res);
	else
		getgrgid_r(gid, &gr, buf, sizeof(buf), &res);
	if (res == NULL) {
		if (name == NULL) {
			a->missing_gids = xreallocarray(a->missing_gids,
			    a->n_missing_gids + 1, sizeof(*a->missing_gids));
			a->missing_gids[a->n_missing_gids++] = gid;
		}
		return -ENOENT;
	}
	acct_add_group(a, res->gr_name, res->gr_gid);
	ret->name = a->groups[a->n_groups - 1].name;
	ret->gid = res->gr_gid;
	return 0;
}

int
acct_group_by_gid(struct acct *a, gid_t gid, struct sa_group *ret)
{
	return acct_group_lookup(a, NULL, gid, ret);
}

int
acct_group_by_name(struct acct *a, const char *name, struct sa_group *ret)
{
	return acct_group_lookup(a, name, 0, ret);
}
