/* SPDX-License-Identifier: MIT */
/*
 * cfg: smeaudit.ini.  Every error path with FILE:LINE, [core] values and
 * defaults, plugin sections checked against a plugin's key table, and the
 * look-ups plugins use.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include "cfg.h"
#include "unit.h"

static const struct sa_check fake_checks[] = {
	{ "one", 1, 0, SA_SEV_LOW, "One", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key fake_keys[] = {
	{ "count", SA_CONFIG_INT, "10", 0, "How many.", NULL },
	{ "label", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB, "Per job.", NULL },
	{ "path", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "Where.", NULL },
	{ "mode", SA_CONFIG_BOOL, "no", SA_CONFIG_MAIN_AND_SUB, "Both.", NULL },
	{ "size", SA_CONFIG_SIZE, "1M", 0, "How big.", NULL },
	{ "age", SA_CONFIG_DURATION, "1d", 0, "How old.", NULL },
	{ "tag", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB | SA_CONFIG_MULTI, "Tags.", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static int
fake_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	return SA_RUN_OK;
}

static const struct sa_plugin fake_plugin = {
	SA_PLUGIN_HEADER,
	.name = "fake",
	.version = "1",
	.description_en = "Fake",
	.checks = fake_checks,
	.config = fake_keys,
	.run = fake_run,
};

static const struct sa_plugin bare_plugin = {
	SA_PLUGIN_HEADER,
	.name = "bare",
	.version = "1",
	.description_en = "No config table",
	.checks = fake_checks,
	.run = fake_run,
};

static const struct sa_plugin *
fake_find(void *user, const char *name)
{
	if (strcmp(name, "fake") == 0)
		return &fake_plugin;
	if (strcmp(name, "bare") == 0)
		return &bare_plugin;
	return NULL;
}

/*
 * Load text as a file; then (validate) check the plugin sections.
 * *where is set to the message after the file name ("" on success).
 */
struct cfg_try {
	struct cfg cfg;
	struct sbuf err;
	char *dir, *path;
	const char *where;
	int r;
};

static void
cfg_try(struct cfg_try *t, const char *text, int validate)
{
	memset(t, 0, sizeof(*t));
	t->dir = unit_tmpdir();
	t->path = unit_write(t->dir, "smeaudit.ini", text);
	cfg_init(&t->cfg);
	sb_init(&t->err);
	t->r = cfg_load(&t->cfg, t->path, &t->err);
	if (t->r == 0 && validate)
		t->r = cfg_validate_plugins(&t->cfg, fake_find, NULL, &t->err);
	t->where = "";
	if (t->r < 0) {
		ck_assert_ptr_nonnull(t->err.data);
		ck_assert_msg(strncmp(t->err.data, t->path, strlen(t->path)) == 0,
		    "error does not start with the file name: %s", t->err.data);
		t->where = t->err.data + strlen(t->path);
		ck_assert_ptr_null(strchr(t->where, '\n'));
	}
}

static void
cfg_try_free(struct cfg_try *t)
{
	cfg_free(&t->cfg);
	sb_free(&t->err);
	unlink(t->path);
	rmdir(t->dir);
	free(t->path);
	free(t->dir);
}

/* Files that must be refused, with the message after FILE. */
static const struct {
	const char *text;
	const char *where;
} bad_cases[] = {
	/* [core] types and ranges */
	{ "[core]\ntimeout = soon\n",
	  ":2: \"soon\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)" },
	{ "[core]\ntimeout = 0\n", ":2: timeout must be at least 1s" },
	{ "[core]\ntimeout = -5s\n",
	  ":2: \"-5s\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)" },
	{ "[core]\ntimeout =\n", ":2: \"\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)" },
	{ "[core]\njobs = two\n", ":2: \"two\" is not a whole number" },
	{ "[core]\njobs = -1\n", ":2: jobs must be between 0 and 64" },
	{ "[core]\njobs = 65\n", ":2: jobs must be between 0 and 64" },
	{ "[core]\njobs = 4.5\n", ":2: \"4.5\" is not a whole number" },
	{ "[core]\nmemory_limit = lots\n", ":2: \"lots\" is not a size (e.g. 512k, 10M, 2G)" },
	{ "[core]\nmemory_limit = 1M\n", ":2: memory_limit must be at least 16M" },
	{ "[core]\nmemory_limit = 16383k\n", ":2: memory_limit must be at least 16M" },
	{ "[core]\nmax_examples = many\n", ":2: \"many\" is not a whole number" },
	{ "[core]\nmax_examples = 1001\n", ":2: max_examples must be between 0 and 1000" },
	{ "[core]\nmax_examples = -1\n", ":2: max_examples must be between 0 and 1000" },
	{ "[core]\nplugin_dir =\n", ":2: empty path" },
	{ "[core]\nanswers =\n", ":2: empty path" },
	/* unknown keys and sections, duplicates */
	{ "[core]\nnosuch = 1\n", ":2: unknown key \"nosuch\" in [core]" },
	{ "[core]\nTimeout = 5\n", ":2: unknown key \"Timeout\" in [core]" },
	{ "[core]\ntimeout = 5\njobs = 1\ntimeout = 6\n",
	  ":4: \"timeout\" given twice in [core]" },
	{ "[core]\nedition = 3.0\nedition = 3.1\n", ":3: \"edition\" given twice in [core]" },
	{ "[core]\n[plugin.fake]\n[core]\n", ":3: section [core] appears twice" },
	{ "[plugin.fake]\n[plugin.fake]\n", ":2: section [plugin.fake] appears twice" },
	{ "[bogus]\n", ":1: unknown section [bogus]; expected [core] or [plugin.NAME]" },
	{ "[core]\ntimeout = 5\n\n[Core]\n",
	  ":4: unknown section [Core]; expected [core] or [plugin.NAME]" },
	{ "[plugin]\n", ":1: unknown section [plugin]; expected [core] or [plugin.NAME]" },
	{ "[plugin.]\n", ":1: unknown section [plugin.]; expected [core] or [plugin.NAME]" },
	{ "[plugin.fake.]\n",
	  ":1: unknown section [plugin.fake.]; expected [core] or [plugin.NAME]" },
	{ "[plugin.fa ke]\n",
	  ":1: unknown section [plugin.fa ke]; expected [core] or [plugin.NAME]" },
	{ "[plugin.fake/x]\n",
	  ":1: unknown section [plugin.fake/x]; expected [core] or [plugin.NAME]" },
	{ "[]\n", ":1: unknown section []; expected [core] or [plugin.NAME]" },
	{ "timeout = 5\n[core]\n", ":1: \"timeout\" outside any section" },
	/* inih pitfalls through the whole config path */
	{ "[core]\ntimeout = 5s ; five seconds\n",
	  ":2: ';' after a space starts a comment in this file; put comments on their own line" },
	{ "[core]\nenable = a,\n  b\n", ":3: expected \"key = value\" or \"[section]\"" },
	{ "[core\n", ":1: section header without ']'" },
	{ "[core]\ntimeout = 5\xff\n", ":2: invalid UTF-8 at byte 12" },
	{ "[core]\n"
	  "enable = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n",
	  ":2: line is 205 bytes long; at most 198 fit (libinih limit)" },
	{ "[plugin.fake_with_a_very_long_name_that_inih_would_cut]\n",
	  ":1: section name longer than 49 characters" },
	{ "[core]\nan_extremely_long_key_name_that_libinih_would_cut_short = 1\n",
	  ":2: key name longer than 49 characters" },
};

START_TEST(test_bad)
{
	struct cfg_try t;

	cfg_try(&t, bad_cases[_i].text, 0);
	ck_assert_msg(t.r < 0, "case %d accepted: %s", _i, bad_cases[_i].text);
	ck_assert_str_eq(t.where, bad_cases[_i].where);
	cfg_try_free(&t);
}
END_TEST

START_TEST(test_defaults)
{
	struct cfg cfg;

	cfg_init(&cfg);
	ck_assert_ptr_null(cfg.path);
	ck_assert_int_eq(cfg.timeout, 300);
	ck_assert_int_eq(cfg.jobs, 0);
	ck_assert_int_eq(cfg.memory_limit, 1024LL * 1024 * 1024);
	ck_assert_int_eq(cfg.max_examples, 10);
	ck_assert_str_eq(cfg.edition, "3.0");
	ck_assert_uint_eq(cfg.plugin_dirs.n + cfg.enable.n + cfg.disable.n +
	    cfg.answers.n, 0);
	ck_assert_int_eq(cfg_plugin_enabled(&cfg, "anything"), 1);
	ck_assert_int_eq(cfg_plugin_timeout(&cfg, "anything"), 300);
	cfg_free(&cfg);
}
END_TEST

START_TEST(test_core_values)
{
	struct cfg_try t;

	cfg_try(&t, "# smeaudit.ini\n"
	    "[core]\n"
	    "plugin_dir = /opt/a\n"
	    "plugin_dir = /opt/b c\n"
	    "enable = one, two,,three \n"
	    "enable = four\n"
	    "disable = five\n"
	    "answers = /etc/a.ini\n"
	    "answers = /etc/b.ini\n"
	    "timeout = 2m\n"
	    "jobs = 64\n"
	    "memory_limit = 16M\n"
	    "max_examples = 0\n"
	    "edition = 3.1\n", 1);
	ck_assert_msg(t.r == 0, "%s", t.where);
	ck_assert_str_eq(t.cfg.path, t.path);
	ck_assert_uint_eq(t.cfg.plugin_dirs.n, 2);
	ck_assert_str_eq(t.cfg.plugin_dirs.v[0], "/opt/a");
	ck_assert_str_eq(t.cfg.plugin_dirs.v[1], "/opt/b c");
	ck_assert_uint_eq(t.cfg.enable.n, 4);
	ck_assert_str_eq(t.cfg.enable.v[0], "one");
	ck_assert_str_eq(t.cfg.enable.v[1], "two");
	ck_assert_str_eq(t.cfg.enable.v[2], "three");
	ck_assert_str_eq(t.cfg.enable.v[3], "four");
	ck_assert_uint_eq(t.cfg.disable.n, 1);
	ck_assert_uint_eq(t.cfg.answers.n, 2);
	ck_assert_str_eq(t.cfg.answers.v[1], "/etc/b.ini");
	ck_assert_int_eq(t.cfg.timeout, 120);
	ck_assert_int_eq(t.cfg.jobs, 64);
	ck_assert_int_eq(t.cfg.memory_limit, 16 * 1024 * 1024);
	ck_assert_int_eq(t.cfg.max_examples, 0);
	ck_assert_str_eq(t.cfg.edition, "3.1");
	cfg_try_free(&t);
}
END_TEST

/* Indented lines are keys of their own: nothing merges into "timeout". */
START_TEST(test_indented)
{
	struct cfg_try t;

	cfg_try(&t, "[core]\n  timeout = 5s\n    jobs = 2\n\tmax_examples = 3\n", 1);
	ck_assert_msg(t.r == 0, "%s", t.where);
	ck_assert_int_eq(t.cfg.timeout, 5);
	ck_assert_int_eq(t.cfg.jobs, 2);
	ck_assert_int_eq(t.cfg.max_examples, 3);
	cfg_try_free(&t);
	/* ';' glued to a value is part of it */
	cfg_try(&t, "[core]\nedition = 3.0;x\n", 1);
	ck_assert_msg(t.r == 0, "%s", t.where);
	ck_assert_str_eq(t.cfg.edition, "3.0;x");
	cfg_try_free(&t);
}
END_TEST

START_TEST(test_file_errors)
{
	struct cfg cfg;
	struct sbuf err;
	char *dir = unit_tmpdir(), *fifo, *want;

	cfg_init(&cfg);
	sb_init(&err);
	fifo = xasprintf("%s/fifo.ini", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(cfg_load(&cfg, fifo, &err), -EINVAL);
	want = xasprintf("%s: not a regular file", fifo);
	ck_assert_str_eq(err.data, want);
	free(want);
	ck_assert_int_eq(cfg_load(&cfg, "/dev/zero", &err), -EINVAL);
	ck_assert_str_eq(err.data, "/dev/zero: not a regular file");
	ck_assert_int_eq(cfg_load(&cfg, dir, &err), -EISDIR);
	unlink(fifo);
	free(fifo);
	rmdir(dir);
	free(dir);
	cfg_free(&cfg);
	sb_free(&err);
}
END_TEST

/* Plugin sections against the fake plugin's key table. */
static const struct {
	const char *text;
	const char *where;	/* "" when it must pass */
} plugin_cases[] = {
	{ "[plugin.fake]\ncount = 5\nmode = yes\nsize = 2M\nage = 2h\npath = /a\n", "" },
	{ "[plugin.fake]\nenabled = no\ntimeout = 30s\n", "" },
	{ "[plugin.bare]\nenabled = yes\n", "" },
	{ "[plugin.fake]\npath = /a\npath = /b\npath = /c\n", "" },
	{ "[plugin.fake.job1]\nlabel = x\nmode = no\ntag = a\ntag = b\n"
	  "[plugin.fake.job2]\nlabel = y\n", "" },
	{ "[plugin.fake]\n[plugin.fake.empty]\n", "" },
	{ "[core]\ntimeout = 5\n", "" },
	/* unknown plugins, with or without keys, as sub-sections too */
	{ "[plugin.ghost]\nk = 1\n",
	  ":2: [plugin.ghost] names plugin \"ghost\", which is not installed" },
	{ "[core]\n\n[plugin.ghost]\n",
	  ":3: [plugin.ghost] names plugin \"ghost\", which is not installed" },
	{ "[plugin.fake.sub]\n[plugin.ghost.sub]\n",
	  ":2: [plugin.ghost.sub] names plugin \"ghost\", which is not installed" },
	{ "[plugin.FAKE]\n", ":1: [plugin.FAKE] names plugin \"FAKE\", which is not installed" },
	{ "[plugin.fakeother]\n",
	  ":1: [plugin.fakeother] names plugin \"fakeother\", which is not installed" },
	/* unknown keys, keys in the wrong kind of section */
	{ "[plugin.fake]\nnosuch = 1\n", ":2: unknown key \"nosuch\" in [plugin.fake]" },
	{ "[plugin.bare]\ncount = 1\n", ":2: unknown key \"count\" in [plugin.bare]" },
	{ "[plugin.fake]\nlabel = x\n", ":2: unknown key \"label\" in [plugin.fake]" },
	{ "[plugin.fake]\ntag = x\n", ":2: unknown key \"tag\" in [plugin.fake]" },
	{ "[plugin.fake.job]\ncount = 1\n", ":2: unknown key \"count\" in [plugin.fake.job]" },
	{ "[plugin.fake.job]\nenabled = no\n",
	  ":2: unknown key \"enabled\" in [plugin.fake.job]" },
	{ "[plugin.fake.job]\ntimeout = 5\n",
	  ":2: unknown key \"timeout\" in [plugin.fake.job]" },
	/* duplicates: only MULTI keys repeat */
	{ "[plugin.fake]\ncount = 1\ncount = 2\n",
	  ":3: \"count\" given twice in [plugin.fake]" },
	{ "[plugin.fake]\nenabled = yes\nenabled = no\n",
	  ":3: \"enabled\" given twice in [plugin.fake]" },
	{ "[plugin.fake.a]\nlabel = 1\n[plugin.fake.b]\nlabel = 2\nlabel = 3\n",
	  ":5: \"label\" given twice in [plugin.fake.b]" },
	/* types */
	{ "[plugin.fake]\ncount = many\n", ":2: count: \"many\" is not a whole number" },
	{ "[plugin.fake]\nmode = maybe\n", ":2: mode: \"maybe\" is not yes or no" },
	{ "[plugin.fake.j]\nmode = 2\n", ":2: mode: \"2\" is not yes or no" },
	{ "[plugin.fake]\nsize = big\n",
	  ":2: size: \"big\" is not a size (e.g. 512k, 10M, 2G)" },
	{ "[plugin.fake]\nage = old\n",
	  ":2: age: \"old\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)" },
	{ "[plugin.fake]\npath =\n", ":2: path: empty path" },
	{ "[plugin.fake]\nenabled = perhaps\n", ":2: enabled: \"perhaps\" is not yes or no" },
	{ "[plugin.fake]\ntimeout = never\n",
	  ":2: timeout: \"never\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)" },
};

START_TEST(test_plugins)
{
	struct cfg_try t;

	cfg_try(&t, plugin_cases[_i].text, 1);
	if (plugin_cases[_i].where[0] == '\0')
		ck_assert_msg(t.r == 0, "case %d refused: %s", _i, t.where);
	else
		ck_assert_msg(t.r == -EINVAL, "case %d accepted", _i);
	ck_assert_str_eq(t.where, plugin_cases[_i].where);
	cfg_try_free(&t);
}
END_TEST

static const struct {
	enum sa_config_type type;
	const char *value;
	int ok;
} value_cases[] = {
	{ SA_CONFIG_STRING, "", 1 }, { SA_CONFIG_STRING, "anything ; # =", 1 },
	{ SA_CONFIG_BOOL, "on", 1 }, { SA_CONFIG_BOOL, "0", 1 }, { SA_CONFIG_BOOL, "", 0 },
	{ SA_CONFIG_INT, "-12", 1 }, { SA_CONFIG_INT, "12k", 0 },
	{ SA_CONFIG_DURATION, "90", 1 }, { SA_CONFIG_DURATION, "1w", 1 },
	{ SA_CONFIG_DURATION, "1y", 0 }, { SA_CONFIG_SIZE, "512k", 1 },
	{ SA_CONFIG_SIZE, "512kB", 0 }, { SA_CONFIG_PATH, "/x", 1 },
	{ SA_CONFIG_PATH, "relative", 1 }, { SA_CONFIG_PATH, "", 0 },
	{ (enum sa_config_type)99, "x", 0 },
};

START_TEST(test_check_value)
{
	struct sbuf err;
	int r;

	sb_init(&err);
	r = cfg_check_value(value_cases[_i].type, value_cases[_i].value, &err);
	if (value_cases[_i].ok) {
		ck_assert_int_eq(r, 0);
		ck_assert_ptr_null(err.data);
	} else {
		ck_assert_int_eq(r, -EINVAL);
		ck_assert_ptr_nonnull(err.data);
		ck_assert_uint_gt(strlen(err.data), 0);
	}
	sb_free(&err);
}
END_TEST

START_TEST(test_lookups)
{
	struct cfg_try t;
	const char **v;
	size_t n;

	cfg_try(&t, "[plugin.fake]\n"
	    "count = 5\n"
	    "path = /a\n"
	    "path = /b\n"
	    "[plugin.fake.job1]\n"
	    "label = one\n"
	    "tag = x\n"
	    "tag = y\n"
	    "[plugin.fake.empty]\n"
	    "[plugin.fake.job2]\n"
	    "label = two\n"
	    "mode = yes\n"
	    "[plugin.fake.a.b]\n"
	    "label = dotted\n"
	    "[plugin.bare]\n"
	    "enabled = yes\n", 1);
	ck_assert_msg(t.r == 0, "%s", t.where);
	ck_assert_str_eq(cfg_value(&t.cfg, "fake", NULL, "count"), "5");
	ck_assert_ptr_null(cfg_value(&t.cfg, "fake", NULL, "label"));
	ck_assert_ptr_null(cfg_value(&t.cfg, "fake", NULL, "size"));	/* defaults are not the cfg's */
	ck_assert_str_eq(cfg_value(&t.cfg, "fake", "job1", "label"), "one");
	ck_assert_str_eq(cfg_value(&t.cfg, "fake", "job2", "label"), "two");
	ck_assert_str_eq(cfg_value(&t.cfg, "fake", "a.b", "label"), "dotted");
	ck_assert_ptr_null(cfg_value(&t.cfg, "fake", "job3", "label"));
	ck_assert_ptr_null(cfg_value(&t.cfg, "fake", "job2", "count"));
	ck_assert_ptr_null(cfg_value(&t.cfg, "fak", NULL, "count"));
	ck_assert_ptr_null(cfg_value(&t.cfg, "bare", NULL, "count"));
	ck_assert_str_eq(cfg_value(&t.cfg, "bare", NULL, "enabled"), "yes");

	n = cfg_values(&t.cfg, "fake", NULL, "path", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "/a");
	ck_assert_str_eq(v[1], "/b");
	free(v);
	n = cfg_values(&t.cfg, "fake", "job1", "tag", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "x");
	ck_assert_str_eq(v[1], "y");
	free(v);
	n = cfg_values(&t.cfg, "fake", "job2", "tag", &v);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(v);

	/* every [plugin.fake.SUB] in file order, the empty one included */
	n = cfg_subsections(&t.cfg, "fake", &v);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(v[0], "job1");
	ck_assert_str_eq(v[1], "empty");
	ck_assert_str_eq(v[2], "job2");
	ck_assert_str_eq(v[3], "a.b");
	free(v);
	n = cfg_subsections(&t.cfg, "bare", &v);
	ck_assert_uint_eq(n, 0);
	free(v);
	n = cfg_subsections(&t.cfg, "fak", &v);
	ck_assert_uint_eq(n, 0);
	free(v);
	cfg_try_free(&t);
}
END_TEST

/* --all's choice: [plugin.NAME] enabled, [core] enable and disable. */
static const struct {
	const char *text;
	const char *on;		/* plugins that run, space-separated */
} enable_cases[] = {
	{ "", "fake bare other" },
	{ "[plugin.fake]\nenabled = no\n", "bare other" },
	{ "[plugin.fake]\nenabled = yes\n", "fake bare other" },
	{ "[core]\ndisable = fake, other\n", "bare" },
	{ "[core]\nenable = fake\n", "fake" },
	{ "[core]\nenable = fake\nenable = other\n", "fake other" },
	{ "[core]\nenable = fake, bare\ndisable = bare\n", "fake" },
	{ "[core]\nenable = fake\n[plugin.fake]\nenabled = off\n", "" },
	{ "[core]\ndisable = ,\n", "fake bare other" },
};

START_TEST(test_enable)
{
	static const char *const names[] = { "fake", "bare", "other" };
	struct cfg_try t;
	struct sbuf on;
	size_t i;

	cfg_try(&t, enable_cases[_i].text, 0);
	ck_assert_msg(t.r == 0, "%s", t.where);
	sb_init(&on);
	sb_adds(&on, "");
	for (i = 0; i < UT_ARRAY_LEN(names); i++)
		if (cfg_plugin_enabled(&t.cfg, names[i]))
			sb_printf(&on, "%s%s", on.len ? " " : "", names[i]);
	ck_assert_str_eq(on.data, enable_cases[_i].on);
	sb_free(&on);
	cfg_try_free(&t);
}
END_TEST

START_TEST(test_timeouts)
{
	struct cfg_try t;

	cfg_try(&t, "[core]\ntimeout = 1m\n[plugin.fake]\ntimeout = 5m\n"
	    "[plugin.bare]\nenabled = yes\n", 1);
	ck_assert_msg(t.r == 0, "%s", t.where);
	ck_assert_int_eq(cfg_plugin_timeout(&t.cfg, "fake"), 300);
	ck_assert_int_eq(cfg_plugin_timeout(&t.cfg, "bare"), 60);
	cfg_try_free(&t);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("cfg");
	TCase *tc;

	tc = tcase_create("load");
	tcase_add_loop_test(tc, test_bad, 0, (int)UT_ARRAY_LEN(bad_cases));
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_core_values);
	tcase_add_test(tc, test_indented);
	tcase_add_test(tc, test_file_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("plugins");
	tcase_add_loop_test(tc, test_plugins, 0, (int)UT_ARRAY_LEN(plugin_cases));
	tcase_add_loop_test(tc, test_check_value, 0, (int)UT_ARRAY_LEN(value_cases));
	tcase_add_test(tc, test_lookups);
	tcase_add_loop_test(tc, test_enable, 0, (int)UT_ARRAY_LEN(enable_cases));
	tcase_add_test(tc, test_timeouts);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
