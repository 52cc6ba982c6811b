/* SPDX-License-Identifier: MIT */
/*
 * accounts: users and groups of a --root system from its /etc/passwd,
 * /etc/group and /etc/shadow; whether an account is locked.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include "accounts.h"
#include "unit.h"

#define DAY 86400LL
#define NOW ((time_t)(20000 * DAY))	/* 2024-10-04 */

static char *root;

static void
make_root(const char *passwd, const char *group, const char *shadow)
{
	char *etc;

	root = unit_tmpdir();
	etc = xasprintf("%s/etc", root);
	ck_assert_int_eq(mkdir(etc, 0755), 0);
	if (passwd != NULL)
		free(unit_write(etc, "passwd", passwd));
	if (group != NULL)
		free(unit_write(etc, "group", group));
	if (shadow != NULL)
		free(unit_write(etc, "shadow", shadow));
	free(etc);
}

static void
drop_root(void)
{
	unit_rmtree(root);
	free(root);
}

static const char passwd_file[] =
    "root:x:0:0:root:/root:/bin/bash\n"
    "# a comment line\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n"
    "bob:x:1001:100::/home/bob:/bin/sh\n"
    "carol:x:1002:100::/home/carol:/bin/bash\n"
    "dave:x:1003:100::/home/dave:/bin/bash\n"
    "erin:x:1004:100::/home/erin:/bin/bash\n"
    "frank:x:1005:100::/home/frank:/bin/bash\n"
    "grace:x:1006:100::/home/grace:/bin/bash\n"
    "nosh:x:1007:100::/home/nosh:\n"
    "+nisuser\n"
    "-excluded:x:2000:2000::/:/bin/sh\n"
    "short:x:3000\n"
    "badid:x:abc:1::/:/bin/sh\n"
    "negative:x:-5:1::/:/bin/sh\n"
    "huge:x:4294967295:1::/:/bin/sh\n"
    "\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin";

static const char group_file[] =
    "root:x:0:\n"
    "users:x:100:bob,carol\n"
    "alice:x:1000:\n"
    "bad:x:notanumber:\n"
    "nogroup:x:65534:";

/* locked: '!' (passwd -l) or expired; '*' is only "no password login" */
static const char shadow_file[] =
    "root:$6$saltsalt$abcdefghijklmnopqrstuvwxyz:19000:0:99999:7:::\n"
    "daemon:*:19000:0:99999:7:::\n"
    "alice:!$6$saltsalt$abcdefghijklmnop:19000:0:99999:7:::\n"
    "bob:!:19000::::::\n"
    "carol:$y$j9T$abc$def:19000:0:99999:7::19999:\n"	/* expired yesterday */
    "dave:$y$j9T$abc$def:19000:0:99999:7::20000:\n"	/* expires today */
    "erin:$y$j9T$abc$def:19000:0:99999:7::20001:\n"	/* tomorrow */
    "frank:$y$j9T$abc$def:19000:0:99999:7::999999999999999999:\n"
    "grace:!*:19000:0:99999:7:::\n"
    "nobody:*:19000:0:99999:7:::";

static const struct {
	const char *name;
	uid_t uid;
	gid_t gid;
	const char *home, *shell;
	int locked;
} user_cases[] = {
	{ "root", 0, 0, "/root", "/bin/bash", 0 },
	{ "daemon", 1, 1, "/usr/sbin", "/usr/sbin/nologin", 0 },
	{ "alice", 1000, 1000, "/home/alice", "/bin/bash", 1 },
	{ "bob", 1001, 100, "/home/bob", "/bin/sh", 1 },
	{ "carol", 1002, 100, "/home/carol", "/bin/bash", 1 },
	{ "dave", 1003, 100, "/home/dave", "/bin/bash", 1 },
	{ "erin", 1004, 100, "/home/erin", "/bin/bash", 0 },
	{ "frank", 1005, 100, "/home/frank", "/bin/bash", 0 },
	{ "grace", 1006, 100, "/home/grace", "/bin/bash", 1 },
	{ "nosh", 1007, 100, "/home/nosh", "", -1 },	/* no shadow line */
	{ "nobody", 65534, 65534, "/nonexistent", "/usr/sbin/nologin", 0 },
};

START_TEST(test_users)
{
	struct rootfs rfs;
	struct acct a;
	struct sa_user u;
	struct sbuf err;

	make_root(passwd_file, group_file, shadow_file);
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	acct_init(&a, &rfs, NOW);
	memset(&u, 0, sizeof(u));
	ck_assert_int_eq(acct_user_by_name(&a, user_cases[_i].name, &u), 0);
	ck_assert_str_eq(u.name, user_cases[_i].name);
	ck_assert_int_eq(u.uid, user_cases[_i].uid);
	ck_assert_int_eq(u.gid, user_cases[_i].gid);
	ck_assert_str_eq(u.home, user_cases[_i].home);
	ck_assert_str_eq(u.shell, user_cases[_i].shell);
	ck_assert_msg(u.locked == user_cases[_i].locked, "%s locked %d, want %d",
	    u.name, u.locked, user_cases[_i].locked);
	memset(&u, 0, sizeof(u));
	ck_assert_int_eq(acct_user_by_uid(&a, user_cases[_i].uid, &u), 0);
	ck_assert_str_eq(u.name, user_cases[_i].name);
	/* the files are read once */
	ck_assert_int_eq(a.files_loaded, 1);
	ck_assert_int_eq(a.shadow_state, 1);
	acct_free(&a);
	rfs_close(&rfs);
	sb_free(&err);
	drop_root();
}
END_TEST

START_TEST(test_skipped_lines)
{
	static const char *const missing[] = { "+nisuser", "-excluded", "excluded",
		"short", "badid", "negative", "huge", "# a comment line", "" };
	struct rootfs rfs;
	struct acct a;
	struct sa_user u;
	struct sbuf err;
	size_t i;

	make_root(passwd_file, group_file, shadow_file);
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	acct_init(&a, &rfs, NOW);
	for (i = 0; i < UT_ARRAY_LEN(missing); i++)
		ck_assert_msg(acct_user_by_name(&a, missing[i], &u) == -ENOENT,
		    "\"%s\" found", missing[i]);
	ck_assert_int_eq(acct_user_by_uid(&a, 2000, &u), -ENOENT);
	ck_assert_int_eq(acct_user_by_uid(&a, 4242, &u), -ENOENT);
	/* a --root audit never asks the auditing host's NSS */
	ck_assert_int_eq(acct_user_by_uid(&a, (uid_t)getuid() + 12345, &u), -ENOENT);
	ck_assert_uint_eq(a.n_users, 11);
	acct_free(&a);
	rfs_close(&rfs);
	sb_free(&err);
	drop_root();
}
END_TEST

START_TEST(test_groups)
{
	struct rootfs rfs;
	struct acct a;
	struct sa_group g;
	struct sbuf err;

	make_root(passwd_file, group_file, shadow_file);
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	acct_init(&a, &rfs, NOW);
	ck_assert_int_eq(acct_group_by_gid(&a, 100, &g), 0);
	ck_assert_str_eq(g.name, "users");
	ck_assert_int_eq(acct_group_by_name(&a, "nogroup", &g), 0);
	ck_assert_int_eq(g.gid, 65534);
	ck_assert_int_eq(acct_group_by_gid(&a, 0, &g), 0);
	ck_assert_str_eq(g.name, "root");
	ck_assert_int_eq(acct_group_by_name(&a, "bad", &g), -ENOENT);
	ck_assert_int_eq(acct_group_by_gid(&a, 4242, &g), -ENOENT);
	ck_assert_int_eq(acct_group_by_name(&a, "wheel", &g), -ENOENT);
	ck_assert_uint_eq(a.n_groups, 4);
	acct_free(&a);
	rfs_close(&rfs);
	sb_free(&err);
	drop_root();
}
END_TEST

/* Without a readable shadow file nobody's lock state is known. */
START_TEST(test_no_shadow)
{
	struct rootfs rfs;
	struct acct a;
	struct sa_user u;
	struct sa_group g;
	struct sbuf err;

	make_root(passwd_file, NULL, NULL);
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	acct_init(&a, &rfs, NOW);
	ck_assert_int_eq(acct_user_by_name(&a, "alice", &u), 0);
	ck_assert_int_eq(u.locked, -1);
	ck_assert_int_eq(acct_user_by_name(&a, "root", &u), 0);
	ck_assert_int_eq(u.locked, -1);
	ck_assert_int_eq(a.shadow_state, -1);
	ck_assert_int_eq(acct_group_by_gid(&a, 100, &g), -ENOENT);
	acct_free(&a);
	rfs_close(&rfs);
	sb_free(&err);
	drop_root();
}
END_TEST

/* A shadow file that is a symlink out of the root is not followed out. */
START_TEST(test_shadow_symlink)
{
	struct rootfs rfs;
	struct acct a;
	struct sa_user u;
	struct sbuf err;
	char *link;

	make_root(passwd_file, group_file, NULL);
	link = xasprintf("%s/etc/shadow", root);
	ck_assert_int_eq(symlink("/etc/shadow", link), 0);
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	acct_init(&a, &rfs, NOW);
	ck_assert_int_eq(acct_user_by_name(&a, "root", &u), 0);
	ck_assert_int_eq(u.locked, -1);
	acct_free(&a);
	rfs_close(&rfs);
	sb_free(&err);
	free(link);
	drop_root();
}
END_TEST

static const struct {
	const char *password, *expire;
	long long now_days;
	int want;
} lock_cases[] = {
	{ "$6$x$y", "", 20000, 0 },
	{ "$6$x$y", NULL, 20000, 0 },
	{ "!$6$x$y", "", 20000, 1 },
	{ "!", "", 20000, 1 },
	{ "!!", "", 20000, 1 },
	{ "!*", "", 20000, 1 },
	{ "*", "", 20000, 0 },
	{ "*LK*", "", 20000, 0 },
	{ "", "", 20000, 0 },
	{ NULL, NULL, 20000, 0 },
	{ "$6$x$y", "19999", 20000, 1 },
	{ "$6$x$y", "20000", 20000, 1 },
	{ "$6$x$y", "20001", 20000, 0 },
	{ "*", "1", 20000, 1 },
	{ "$6$x$y", "-1", 20000, 0 },
	{ "$6$x$y", "never", 20000, 0 },
	{ "$6$x$y", "99999999999999999", 20000, 0 },
	{ "$6$x$y", "9223372036854775807", 20000, 0 },
};

START_TEST(test_locked)
{
	ck_assert_int_eq(acct_shadow_locked(lock_cases[_i].password,
	    lock_cases[_i].expire, (time_t)(lock_cases[_i].now_days * DAY)),
	    lock_cases[_i].want);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("accounts");
	TCase *tc = tcase_create("accounts");

	tcase_add_loop_test(tc, test_users, 0, (int)UT_ARRAY_LEN(user_cases));
	tcase_add_test(tc, test_skipped_lines);
	tcase_add_test(tc, test_groups);
	tcase_add_test(tc, test_no_shadow);
	tcase_add_test(tc, test_shadow_symlink);
	tcase_add_loop_test(tc, test_locked, 0, (int)UT_ARRAY_LEN(lock_cases));
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
