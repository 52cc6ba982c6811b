/* SPDX-License-Identifier: MIT */
/*
 * loader: trust checks on plugin files and directories, descriptor
 * validation, and scanning directories of real modules (the fixture
 * plugins built for the tests, and copies of them made untrustworthy).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <ini.h>

#include "loader.h"
#include "unit.h"

#define FIXTURES SA_ABS_BUILDDIR "/tests/plugins/.libs"

static const struct {
	uid_t uid;
	mode_t mode;
	const char *why;	/* NULL: trusted */
} trust_cases[] = {
	{ 0, S_IFREG | 0644, NULL },
	{ 0, S_IFREG | 0755, NULL },
	{ 0, S_IFREG | 0400, NULL },
	{ 1000, S_IFREG | 0644, NULL },	/* the user running smeaudit */
	{ 0, S_IFDIR | 0755, NULL },
	{ 0, S_IFDIR | 01755, NULL },
	{ 1234, S_IFREG | 0644, "plugin /p/x.so belongs to uid 1234, not to root or the user running smeaudit" },
	{ 65534, S_IFREG | 0600, "plugin /p/x.so belongs to uid 65534, not to root or the user running smeaudit" },
	{ 0, S_IFREG | 0666, "plugin /p/x.so is writable by everyone" },
	{ 0, S_IFREG | 0646, "plugin /p/x.so is writable by everyone" },
	{ 0, S_IFREG | 0664, "plugin /p/x.so is writable by its group" },
	{ 1000, S_IFREG | 0620, "plugin /p/x.so is writable by its group" },
	{ 0, S_IFDIR | 01777, "plugin /p/x.so is writable by everyone" },
};

START_TEST(test_trust)
{
	struct stat st;
	struct sbuf why;
	int r;

	memset(&st, 0, sizeof(st));
	st.st_uid = trust_cases[_i].uid;
	st.st_mode = trust_cases[_i].mode;
	sb_init(&why);
	r = ldr_check_trust(&st, 1000, "plugin", "/p/x.so", &why);
	if (trust_cases[_i].why == NULL) {
		ck_assert_int_eq(r, 0);
		ck_assert_ptr_null(why.data);
	} else {
		ck_assert_int_eq(r, -EPERM);
		ck_assert_str_eq(why.data, trust_cases[_i].why);
	}
	sb_free(&why);
}
END_TEST

static int
fake_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	return SA_RUN_OK;
}

static int
fake_cmd(const struct sa_host *host, struct sa_ctx *ctx, int argc, char **argv)
{
	return 0;
}

static const struct sa_check good_checks[] = {
	{ "first", 1, 0, SA_SEV_LOW, "First", NULL, NULL, NULL },
	{ "cloud-only", 0, 15, SA_SEV_DEFAULT, "Cloud", NULL, NULL, NULL },
	{ "last-item", 25, 0, SA_SEV_CRITICAL, "Last", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key good_keys[] = {
	{ "paths", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "Paths.", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static const struct sa_command good_cmds[] = {
	{ "do-it", "Does it", NULL, fake_cmd },
	{ NULL, NULL, NULL, NULL }
};

/* Each case breaks one thing of a sound descriptor. */
enum {
	D_GOOD, D_COMMANDS_ONLY, D_NEWER_MINOR, D_BIGGER, D_ABI_2, D_ABI_0,
	D_TOO_SMALL, D_NO_NAME, D_BAD_NAME, D_LONG_NAME, D_NAME_MISMATCH,
	D_NO_VERSION, D_NO_DESCRIPTION, D_NOTHING_TO_RUN, D_NO_CHECKS, D_EMPTY_CHECKS,
	D_CHECK_UPPER, D_CHECK_DOT, D_CHECK_EMPTY, D_ITEM_26, D_ITEM_NEG, D_CLOUD_16,
	D_NO_ITEM, D_SEVERITY, D_NO_TITLE, D_DUPLICATE, D_KEY_TYPE, D_KEY_ENABLED,
	D_KEY_TIMEOUT, D_CMD_NO_MAIN, D_CMD_NAME, N_DESC
};

static const char *const desc_why[N_DESC] = {
	[D_ABI_2] = "built for plugin ABI 2.0; this smeaudit speaks 1.x",
	[D_ABI_0] = "built for plugin ABI 0.9; this smeaudit speaks 1.x",
	[D_TOO_SMALL] = "descriptor is 32 bytes, too small for ABI 1.0",
	[D_NO_NAME] = "descriptor has no valid name",
	[D_BAD_NAME] = "descriptor has no valid name",
	[D_LONG_NAME] = "descriptor has no valid name",
	[D_NAME_MISMATCH] = "descriptor names itself \"other\" but the file is fake.so",
	[D_NO_VERSION] = "descriptor lacks a version or an English description",
	[D_NO_DESCRIPTION] = "descriptor lacks a version or an English description",
	[D_NOTHING_TO_RUN] = "descriptor has neither run() nor commands",
	[D_NO_CHECKS] = "descriptor has run() but declares no checks",
	[D_EMPTY_CHECKS] = "descriptor has run() but declares no checks",
	[D_CHECK_UPPER] = "check \"Bad\": names hold a-z, 0-9 and '-'",
	[D_CHECK_DOT] = "check \"a.b\": names hold a-z, 0-9 and '-'",
	[D_CHECK_EMPTY] = "check \"\": names hold a-z, 0-9 and '-'",
	[D_ITEM_26] = "check \"bad\" maps to no valid item (item 26, cloud 0)",
	[D_ITEM_NEG] = "check \"bad\" maps to no valid item (item -1, cloud 0)",
	[D_CLOUD_16] = "check \"bad\" maps to no valid item (item 0, cloud 16)",
	[D_NO_ITEM] = "check \"bad\" maps to no valid item (item 0, cloud 0)",
	[D_SEVERITY] = "check \"bad\" has an unknown severity",
	[D_NO_TITLE] = "check \"bad\" has no English title",
	[D_DUPLICATE] = "check \"first\" declared twice",
	[D_KEY_TYPE] = "config key \"odd\" has an unknown type",
	[D_KEY_ENABLED] = "config key \"enabled\" is reserved for the core",
	[D_KEY_TIMEOUT] = "config key \"timeout\" is reserved for the core",
	[D_CMD_NO_MAIN] = "command \"x\" is malformed",
	[D_CMD_NAME] = "command \"Do\" is malformed",
};

START_TEST(test_descriptor)
{
	struct sa_plugin d = {
		SA_PLUGIN_HEADER,
		.name = "fake",
		.version = "1.0",
		.description_en = "A fake",
		.checks = good_checks,
		.config = good_keys,
		.run = fake_run,
		.commands = good_cmds,
	};
	struct sa_check checks[3];
	struct sa_config_key keys[2];
	struct sa_command cmds[2];
	struct sbuf why;
	int r;

	memcpy(checks, good_checks, sizeof(good_checks[0]));
	memcpy(&checks[1], &good_checks[0], sizeof(good_checks[0]));
	memset(&checks[2], 0, sizeof(checks[2]));
	checks[1].name = "bad";
	memset(keys, 0, sizeof(keys));
	keys[0] = good_keys[0];
	memset(cmds, 0, sizeof(cmds));
	cmds[0] = good_cmds[0];

	switch (_i) {
	case D_GOOD: break;
	case D_COMMANDS_ONLY: d.run = NULL; d.checks = NULL; break;
	case D_NEWER_MINOR: d.abi_version = (1u << 16) | 7; break;
	case D_BIGGER: d.struct_size += 64; break;
	case D_ABI_2: d.abi_version = 2u << 16; break;
	case D_ABI_0: d.abi_version = 9; break;
	case D_TOO_SMALL: d.struct_size = 32; break;
	case D_NO_NAME: d.name = NULL; break;
	case D_BAD_NAME: d.name = "Fake"; break;
	case D_LONG_NAME: d.name = "abcdefghijklmnopqrstuvwxyz0123456"; break;
	case D_NAME_MISMATCH: d.name = "other"; break;
	case D_NO_VERSION: d.version = NULL; break;
	case D_NO_DESCRIPTION: d.description_en = NULL; break;
	case D_NOTHING_TO_RUN: d.run = NULL; d.commands = NULL; break;
	case D_NO_CHECKS: d.checks = NULL; break;
	case D_EMPTY_CHECKS: d.checks = &checks[2]; break;
	case D_CHECK_UPPER: checks[1].name = "Bad"; d.checks = checks; break;
	case D_CHECK_DOT: checks[1].name = "a.b"; d.checks = checks; break;
	case D_CHECK_EMPTY: checks[1].name = ""; d.checks = checks; break;
	case D_ITEM_26: checks[1].item = 26; d.checks = checks; break;
	case D_ITEM_NEG: checks[1].item = -1; d.checks = checks; break;
	case D_CLOUD_16: checks[1].item = 0; checks[1].cloud_item = 16; d.checks = checks; break;
	case D_NO_ITEM: checks[1].item = 0; d.checks = checks; break;
	case D_SEVERITY: checks[1].severity = (enum sa_severity)6; d.checks = checks; break;
	case D_NO_TITLE: checks[1].title_en = NULL; d.checks = checks; break;
	case D_DUPLICATE: checks[1].name = "first"; d.checks = checks; break;
	case D_KEY_TYPE: keys[0].name = "odd"; keys[0].type = (enum sa_config_type)7; d.config = keys; break;
	case D_KEY_ENABLED: keys[0].name = "enabled"; d.config = keys; break;
	case D_KEY_TIMEOUT: keys[0].name = "timeout"; d.config = keys; break;
	case D_CMD_NO_MAIN: cmds[0].name = "x"; cmds[0].main = NULL; d.commands = cmds; break;
	case D_CMD_NAME: cmds[0].name = "Do"; d.commands = cmds; break;
	}
	sb_init(&why);
	r = ldr_check_descriptor(&d, "fake", 25, 15, &why);
	if (desc_why[_i] == NULL) {
		ck_assert_msg(r == 0, "case %d: %s", _i, why.data);
	} else {
		ck_assert_msg(r == -EINVAL, "case %d accepted", _i);
		ck_assert_str_eq(why.data, desc_why[_i]);
	}
	sb_free(&why);
}
END_TEST

static const struct {
	const char *name;
	int ok;
} name_cases[] = {
	{ "a", 1 }, { "shares", 1 }, { "test-good", 1 }, { "x_1", 1 },
	{ "abcdefghijklmnopqrstuvwxyz012345", 1 },
	{ "abcdefghijklmnopqrstuvwxyz0123456", 0 },
	{ "", 0 }, { "1abc", 0 }, { "-a", 0 }, { "_a", 0 }, { "Shares", 0 },
	{ "a.b", 0 }, { "a b", 0 }, { "a/b", 0 }, { "日本", 0 },
};

START_TEST(test_valid_name)
{
	ck_assert_int_eq(ldr_valid_name(name_cases[_i].name), name_cases[_i].ok);
}
END_TEST

static const struct ldr_plugin *
must_find(const struct ldr_set *set, const char *name)
{
	const struct ldr_plugin *p = ldr_find(set, name);

	ck_assert_msg(p != NULL, "%s not found", name);
	return p;
}

/* The fixture modules: loaded, refused with the reason, in name order. */
START_TEST(test_scan_fixtures)
{
	struct ldr_set set;
	struct sbuf err;
	const struct ldr_plugin *p;
	size_t i;

	ldr_init(&set, geteuid(), 25, 15);
	sb_init(&err);
	ck_assert_msg(ldr_scan_dir(&set, FIXTURES, &err) == 0, "%s", err.data);
	ck_assert_uint_ge(set.n, 12);
	for (i = 1; i < set.n; i++)
		ck_assert_int_lt(strcmp(set.v[i - 1].name, set.v[i].name), 0);

	p = must_find(&set, "test-good");
	ck_assert_ptr_nonnull(p->desc);
	ck_assert_ptr_null(p->refusal);
	ck_assert_ptr_nonnull(p->handle);
	ck_assert_int_ge(p->fd, 0);
	ck_assert_str_eq(p->path, FIXTURES "/test-good.so");
	ck_assert_str_eq(p->desc->name, "test-good");
	for (i = 0; i <= 25; i++)
		ck_assert_int_eq(p->items[i], i == 1 || i == 2 || i == 4 || i == 6 || i == 9);
	for (i = 0; i <= 15; i++)
		ck_assert_int_eq(p->cloud[i], i == 10);
	ck_assert_ptr_nonnull(ldr_find_check(p->desc, "fail"));
	ck_assert_int_eq(ldr_find_check(p->desc, "fail")->item, 4);
	ck_assert_ptr_null(ldr_find_check(p->desc, "nosuch"));

	p = must_find(&set, "test-abi");
	ck_assert_ptr_null(p->desc);
	ck_assert_ptr_null(p->handle);
	ck_assert_int_eq(p->fd, -1);
	ck_assert_str_eq(p->refusal, FIXTURES "/test-abi.so: built for plugin ABI 2.0; "
	    "this smeaudit speaks 1.x");
	for (i = 0; i <= 25; i++)
		ck_assert_int_eq(p->items[i], 0);

	p = must_find(&set, "test-crash");
	ck_assert_ptr_nonnull(p->desc);
	ck_assert_ptr_null(ldr_find(&set, "nope"));
	ck_assert_ptr_null(ldr_find(&set, "test"));
	ldr_free(&set);
	ck_assert_uint_eq(set.n, 0);
	sb_free(&err);
}
END_TEST

static char *
copy_file(const char *from, const char *dir, const char *name, mode_t mode)
{
	char *data, *to = xasprintf("%s/%s", dir, name);
	size_t len;
	int fd;

	ck_assert_int_eq(ut_read_file(from, 64u << 20, &data, &len), 0);
	fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(fchmod(fd, mode), 0);
	close(fd);
	free(data);
	return to;
}

/* Plugin files that must not be loaded, each with the reason. */
START_TEST(test_scan_refusals)
{
	Dl_info info;
	struct ldr_set set;
	struct sbuf err;
	const struct ldr_plugin *p;
	char *dir = unit_tmpdir(), *path, *want, *other;

	ck_assert_int_eq(chmod(dir, 0755), 0);
	free(copy_file(FIXTURES "/test-good.so", dir, "test-good.so", 0644));
	free(copy_file(FIXTURES "/test-good.so", dir, "open.so", 0666));
	free(copy_file(FIXTURES "/test-good.so", dir, "group.so", 0664));
	free(copy_file(FIXTURES "/test-good.so", dir, "renamed.so", 0644));
	free(copy_file(FIXTURES "/test-good.so", dir, "Upper.so", 0644));
	free(copy_file(FIXTURES "/test-good.so", dir, "x.so.1", 0644));
	free(copy_file(FIXTURES "/test-good.so", dir, ".so", 0644));
	free(unit_write(dir, "junk.so", "this is not an ELF file\n"));
	path = xasprintf("%s/linked.so", dir);
	ck_assert_int_eq(symlink(FIXTURES "/test-crash.so", path), 0);
	free(path);
	path = xasprintf("%s/sub.so", dir);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	free(path);
	/* a real shared object without the descriptor symbol */
	ck_assert(dladdr((void *)ini_parse_stream, &info) != 0);
	free(copy_file(info.dli_fname, dir, "nodesc.so", 0644));
	if (geteuid() == 0) {
		path = copy_file(FIXTURES "/test-good.so", dir, "stranger.so", 0644);
		ck_assert_int_eq(chown(path, 65534, 65534), 0);
		free(path);
	}

	ldr_init(&set, geteuid(), 25, 15);
	sb_init(&err);
	ck_assert_msg(ldr_scan_dir(&set, dir, &err) == 0, "%s", err.data);
	ck_assert_uint_eq(set.n, geteuid() == 0 ? 10 : 9);

	p = must_find(&set, "test-good");
	ck_assert_ptr_nonnull(p->desc);

#define REFUSED(name, fmt) do { \
		p = must_find(&set, name); \
		ck_assert_ptr_null(p->desc); \
		want = xasprintf(fmt, dir); \
		ck_assert_str_eq(p->refusal, want); \
		free(want); \
	} while (0)

	REFUSED("open", "plugin %s/open.so is writable by everyone");
	REFUSED("group", "plugin %s/group.so is writable by its group");
	REFUSED("renamed", "%s/renamed.so: descriptor names itself \"test-good\" but the file is renamed.so");
	REFUSED("Upper", "%s/Upper.so: plugin names hold a-z, 0-9, '_' and '-'");
	REFUSED("linked", "%s/linked.so is a symlink; plugins must be regular files");
	REFUSED("sub", "%s/sub.so is not a regular file");
	REFUSED("nodesc", "%s/nodesc.so exports no smeaudit_plugin descriptor");
	if (geteuid() == 0)
		REFUSED("stranger", "plugin %s/stranger.so belongs to uid 65534, "
		    "not to root or the user running smeaudit");
#undef REFUSED
	/* dlopen's own message, after the file name */
	p = must_find(&set, "junk");
	ck_assert_ptr_null(p->desc);
	want = xasprintf("%s/junk.so: ", dir);
	ck_assert_msg(strncmp(p->refusal, want, strlen(want)) == 0, "%s", p->refusal);
	free(want);
	ck_assert_ptr_null(ldr_find(&set, "x"));

	/* an earlier directory wins: the fixture test-good is not loaded again */
	ck_assert_int_eq(ldr_scan_dir(&set, FIXTURES, &err), 0);
	p = must_find(&set, "test-good");
	other = xasprintf("%s/test-good.so", dir);
	ck_assert_str_eq(p->path, other);
	free(other);
	ck_assert_ptr_nonnull(must_find(&set, "test-crash")->desc);
	ldr_free(&set);
	sb_free(&err);
	unit_rmtree(dir);
	free(dir);
}
END_TEST

/* A directory that cannot be trusted or used stops the scan with why. */
START_TEST(test_scan_dir_errors)
{
	struct ldr_set set;
	struct sbuf err;
	char *dir = unit_tmpdir(), *want, *file;

	ldr_init(&set, geteuid(), 25, 15);
	sb_init(&err);
	free(copy_file(FIXTURES "/test-good.so", dir, "test-good.so", 0644));

	ck_assert_int_eq(chmod(dir, 0777), 0);
	ck_assert_int_eq(ldr_scan_dir(&set, dir, &err), -EPERM);
	want = xasprintf("plugin directory %s is writable by everyone", dir);
	ck_assert_str_eq(err.data, want);
	free(want);
	ck_assert_uint_eq(set.n, 0);

	sb_reset(&err);
	ck_assert_int_eq(chmod(dir, 0775), 0);
	ck_assert_int_eq(ldr_scan_dir(&set, dir, &err), -EPERM);
	want = xasprintf("plugin directory %s is writable by its group", dir);
	ck_assert_str_eq(err.data, want);
	free(want);

	sb_reset(&err);
	ck_assert_int_eq(ldr_scan_dir(&set, "/nonexistent/plugins", &err), -ENOENT);
	ck_assert_str_eq(err.data, "plugin directory /nonexistent/plugins: "
	    "No such file or directory");

	sb_reset(&err);
	file = xasprintf("%s/test-good.so", dir);
	ck_assert_int_eq(ldr_scan_dir(&set, file, &err), -ENOTDIR);
	free(file);
	ck_assert_uint_eq(set.n, 0);

	/* a sticky world-writable directory is still writable by everyone */
	sb_reset(&err);
	ck_assert_int_eq(chmod(dir, 01777), 0);
	ck_assert_int_eq(ldr_scan_dir(&set, dir, &err), -EPERM);

	ck_assert_int_eq(chmod(dir, 0755), 0);
	sb_reset(&err);
	ck_assert_int_eq(ldr_scan_dir(&set, dir, &err), 0);
	ck_assert_uint_eq(set.n, 1);
	ldr_free(&set);
	sb_free(&err);
	unit_rmtree(dir);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("loader");
	TCase *tc;

	tc = tcase_create("checks");
	tcase_add_loop_test(tc, test_trust, 0, (int)UT_ARRAY_LEN(trust_cases));
	tcase_add_loop_test(tc, test_descriptor, 0, N_DESC);
	tcase_add_loop_test(tc, test_valid_name, 0, (int)UT_ARRAY_LEN(name_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("scan");
	tcase_add_test(tc, test_scan_fixtures);
	tcase_add_test(tc, test_scan_refusals);
	tcase_add_test(tc, test_scan_dir_errors);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
