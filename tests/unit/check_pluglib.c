/* SPDX-License-Identifier: MIT */
/*
 * The plugin-side library (plugins/lib) against trees built in a
 * temporary root, through the core's real host table: reading and
 * listing, links, lines and strings, the keyfile parser, time formats,
 * boot-time unit states and the configuration error helpers.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>

#include "unit.h"
#include "plugin_harness.h"

#include "cfgchk.h"
#include "hostfiles.h"
#include "keyfile.h"
#include "timefmt.h"
#include "units.h"

static const struct sa_check pl_checks[] = {
	{ "x", 1, 0, SA_SEV_LOW, "Library test check", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key pl_keys[] = {
	{ "limit", SA_CONFIG_INT, "1", SA_CONFIG_MAIN_AND_SUB, "A limit.", NULL },
	{ "port", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI, "Ports.", NULL },
	{ "unset", SA_CONFIG_STRING, "d", 0, "Never set.", NULL },
	{ "kind", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB, "A job's kind.", NULL },
	{ "path", SA_CONFIG_PATH, NULL, SA_CONFIG_SUB, "A job's path.", NULL },
	{ "table", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "Host tables.", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static int
pl_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	(void)host;
	(void)ctx;
	return SA_RUN_OK;
}

static const struct sa_plugin pl_desc = {
	SA_PLUGIN_HEADER,
	.name = "pluglib",
	.version = "1",
	.description_en = "plugin library test",
	.checks = pl_checks,
	.config = pl_keys,
	.run = pl_run,
};

/* A harness over a fresh root; hf is the handle the library takes. */
static char *
pl_setup(struct ph *ph, struct hf *hf, const char *ini)
{
	char *root = unit_tmpdir();

	ph_init(ph, &pl_desc, root, 0, ini);
	hf->host = &ph->host;
	hf->ctx = &ph->ctx;
	return root;
}

static void
pl_file(const char *root, const char *name, const char *data)
{
	free(unit_write(root, name, data));
}

/* A tree to build: a directory ("dir/"), an empty file, or a symlink. */
struct pl_node {
	const char *path;
	const char *link;	/* the symlink's target, or NULL */
};

static void
pl_build(const char *root, const struct pl_node *n)
{
	char *p;

	for (; n->path != NULL; n++) {
		p = xasprintf("%s/%s", root, n->path);
		if (n->link != NULL)
			ck_assert_msg(symlink(n->link, p) == 0, "symlink %s", p);
		else if (p[strlen(p) - 1] == '/')
			ck_assert_msg(mkdir(p, 0755) == 0, "mkdir %s", p);
		else
			pl_file(root, n->path, "");
		free(p);
	}
}

START_TEST(test_read)
{
	static const struct pl_node tree[] = {
		{ "escape", "/etc/shadow" }, { NULL, NULL }
	};
	struct ph ph;
	struct hf hf;
	char *root = pl_setup(&ph, &hf, NULL), *data;
	size_t len;

	pl_build(root, tree);
	pl_file(root, "a.txt", "hello\n");
	ck_assert_int_eq(hf_read(&hf, "/a.txt", 100, &data, &len), 0);
	ck_assert_uint_eq(len, 6);
	ck_assert_str_eq(data, "hello\n");
	free(data);
	/* Exactly max bytes is fine; one more is refused. */
	ck_assert_int_eq(hf_read(&hf, "/a.txt", 6, &data, &len), 0);
	free(data);
	ck_assert_int_eq(hf_read(&hf, "/a.txt", 5, &data, &len), -EFBIG);
	ck_assert_int_eq(hf_read(&hf, "/none", 100, &data, &len), -ENOENT);
	ck_assert_int_lt(hf_read(&hf, "/", 100, &data, &len), 0);
	/* An absolute link resolves inside the root, never to the host's file. */
	ck_assert_int_eq(hf_read(&hf, "/escape", 100, &data, &len), -ENOENT);
	ck_assert_int_eq(hf_read_owned(&hf, "/a.txt", getuid(), 100, &data,
	    &len), 0);
	ck_assert_str_eq(data, "hello\n");
	free(data);
	ck_assert_int_eq(hf_read_owned(&hf, "/a.txt", getuid() + 1, 100, &data,
	    &len), -EPERM);
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_list)
{
	static const struct pl_node tree[] = {
		{ "d/", NULL }, { "d/b.conf", NULL }, { "d/a.conf", NULL },
		{ "d/.hidden.conf", NULL }, { "d/x.txt", NULL }, { NULL, NULL }
	};
	struct hf_names names;
	struct ph ph;
	struct hf hf;
	char *root = pl_setup(&ph, &hf, NULL);

	pl_build(root, tree);
	ck_assert_int_eq(hf_list(&hf, "/d", ".conf", &names), 0);
	ck_assert_uint_eq(names.n, 2);
	ck_assert_str_eq(names.v[0], "a.conf");
	ck_assert_str_eq(names.v[1], "b.conf");
	hf_names_free(&names);
	ck_assert_int_eq(hf_list(&hf, "/d", NULL, &names), 0);
	ck_assert_uint_eq(names.n, 3);
	ck_assert_str_eq(names.v[2], "x.txt");
	hf_names_free(&names);
	ck_assert_int_eq(hf_list(&hf, "/nothere", NULL, &names), -ENOENT);
	ck_assert_uint_eq(names.n, 0);
	ck_assert_int_eq(hf_list(&hf, "/d/x.txt", NULL, &names), -ENOTDIR);
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_links)
{
	static const struct pl_node tree[] = {
		{ "file", NULL }, { "dangling", "/nowhere" }, { NULL, NULL }
	};
	struct ph ph;
	struct hf hf;
	struct stat st;
	char *root = pl_setup(&ph, &hf, NULL), buf[64];

	pl_build(root, tree);
	ck_assert_int_eq(hf_exists(&hf, "/dangling"), 1);
	ck_assert_int_eq(hf_exists(&hf, "/file"), 1);
	ck_assert_int_eq(hf_exists(&hf, "/missing"), 0);
	ck_assert_int_eq(hf_exists(&hf, "/file/below"), 0);
	ck_assert_int_eq(hf_readlink(&hf, "/dangling", buf, sizeof(buf)), 8);
	ck_assert_str_eq(buf, "/nowhere");
	ck_assert_int_eq(hf_readlink(&hf, "/dangling", buf, 4), 3);
	ck_assert_str_eq(buf, "/no");
	ck_assert_int_eq(hf_readlink(&hf, "/file", buf, sizeof(buf)), -EINVAL);
	ck_assert_int_eq(hf_lstat(&hf, "/dangling", &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_grow_one)
{
	size_t *v = NULL, n;

	/* appending one at a time keeps every element, 100,000 times over */
	for (n = 0; n < 100000; n++) {
		v = hf_grow_one(v, n, sizeof(*v));
		v[n] = n;
	}
	for (n = 0; n < 100000; n++)
		ck_assert_uint_eq(v[n], n);
	free(v);
}
END_TEST

START_TEST(test_text)
{
	struct hf_names names = { 0 };
	struct hf_lines it;
	unsigned long long v;
	long long sv;
	const char *line, *want[] = { "a", "b", "", "c" };
	char *s, *cut, *field[3], buf[8];
	size_t n, k = 0;

	s = hf_join("/", "x");
	ck_assert_str_eq(s, "/x");
	free(s);
	s = hf_join("/a//", "b");
	ck_assert_str_eq(s, "/a/b");
	free(s);
	s = hf_join("a", "b");
	ck_assert_str_eq(s, "a/b");
	free(s);
	n = 7;
	line = hf_trim(" \tab \r\n", &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(strncmp(line, "ab", 2), 0);
	s = hf_strdup("  x y \n");
	ck_assert_str_eq(hf_strip(s), "x y");
	free(s);
	hf_lines_init(&it, "a\r\nb\n\nc", 7);
	while (hf_lines_next(&it, &line, &n)) {
		ck_assert_uint_lt(k, 4);
		ck_assert_uint_eq(n, strlen(want[k]));
		ck_assert_int_eq(strncmp(line, want[k], n), 0);
		ck_assert_uint_eq(it.number, k + 1);
		k++;
	}
	ck_assert_uint_eq(k, 4);
	/* The same lines as strings, cut in place; the last needs the NUL after it. */
	s = hf_strdup("a:1\r\n\nb::c:d");
	hf_lines_init(&it, s, strlen(s));
	ck_assert_str_eq(hf_lines_cut(&it), "a:1");
	ck_assert_str_eq(hf_lines_cut(&it), "");
	cut = hf_lines_cut(&it);
	ck_assert_str_eq(cut, "b::c:d");
	ck_assert_uint_eq(it.number, 3);
	ck_assert_ptr_null(hf_lines_cut(&it));
	ck_assert_uint_eq(hf_split(cut, ':', field, 3), 3);
	ck_assert_str_eq(field[0], "b");
	ck_assert_str_eq(field[1], "");
	ck_assert_str_eq(field[2], "c:d");	/* the last field keeps the rest */
	ck_assert_uint_eq(hf_split(field[2], ':', field, 3), 2);
	ck_assert_str_eq(field[1], "d");
	ck_assert_uint_eq(hf_split(s, ':', field, 3), 2);	/* "a:1" */
	ck_assert_str_eq(field[1], "1");
	ck_assert_uint_eq(hf_split(field[1], ':', field, 3), 1);
	ck_assert_uint_eq(hf_split(field[1], ':', field, 0), 0);
	free(s);
	ck_assert_int_eq(hf_parse_uint("18446744073709551615", &v), 0);
	ck_assert_int_eq(hf_parse_uint("18446744073709551616", &v), -EINVAL);
	ck_assert_int_eq(hf_parse_uint("", &v), -EINVAL);
	ck_assert_int_eq(hf_parse_uint("12a", &v), -EINVAL);
	ck_assert_int_eq(hf_parse_int("-1", &sv), 0);
	ck_assert_int_eq(sv, -1);
	ck_assert_int_eq(hf_parse_int("+12", &sv), 0);
	ck_assert_int_eq(sv, 12);
	ck_assert_int_eq(hf_parse_int("-9223372036854775808", &sv), 0);
	ck_assert(sv == LLONG_MIN);
	ck_assert_int_eq(hf_parse_int("9223372036854775807", &sv), 0);
	ck_assert(sv == LLONG_MAX);
	ck_assert_int_eq(hf_parse_int("9223372036854775808", &sv), -EINVAL);
	ck_assert_int_eq(hf_parse_int("-9223372036854775809", &sv), -EINVAL);
	ck_assert_int_eq(hf_parse_int("-", &sv), -EINVAL);
	ck_assert_int_eq(hf_parse_int(" 1", &sv), -EINVAL);
	ck_assert_int_eq(hf_parse_int("1 ", &sv), -EINVAL);
	ck_assert(hf_word_eq("Yes", 3, "yes", 1));
	ck_assert(!hf_word_eq("Yes", 3, "yes", 0));
	ck_assert(hf_has_prefix("abc", "ab") && !hf_has_prefix("a", "ab"));
	ck_assert(hf_has_suffix("abc", "bc") && !hf_has_suffix("c", "bc"));
	ck_assert_int_eq(hf_names_add_new(&names, "b"), 1);
	ck_assert_int_eq(hf_names_add_new(&names, "a"), 1);
	ck_assert_int_eq(hf_names_add_new(&names, "b"), 0);
	hf_names_sort(&names);
	ck_assert_str_eq(names.v[0], "a");
	ck_assert(hf_names_find(&names, "b") && !hf_names_find(&names, "c"));
	ck_assert(hf_names_has(&names, "a"));
	hf_names_free(&names);
	ck_assert_uint_eq(names.n, 0);
	ck_assert_str_eq(hf_format(buf, sizeof(buf), "%s", "truncated"), "truncat");
}
END_TEST

static int
pl_kf_stop(void *user, const char *section, const char *key,
    const char *value, unsigned int line)
{
	(void)section;
	(void)value;
	*(unsigned int *)user = line;
	return strcmp(key, "stop") == 0 ? 7 : 0;
}

START_TEST(test_keyfile)
{
	static const char data[] = "top=1\n[a]\n k = v \n#c=d\n;e=f\n"
	    "[Daemon][$i]\nx=1\n[a]\nk=w\n[broken\ny=2\nstop=here\nz=3\n";
	unsigned int line = 0;
	char *v;

	v = kf_get(data, strlen(data), "a", "k");
	ck_assert_str_eq(v, "w");	/* the last one wins */
	free(v);
	v = kf_get(data, strlen(data), "", "top");
	ck_assert_str_eq(v, "1");
	free(v);
	v = kf_get(data, strlen(data), "Daemon][$i", "x");
	ck_assert_str_eq(v, "1");
	free(v);
	ck_assert_ptr_null(kf_get(data, strlen(data), "a", "c"));
	ck_assert_ptr_null(kf_get(data, strlen(data), "a", "e"));
	/* "[broken" is no header: y still belongs to [a]. */
	v = kf_get(data, strlen(data), "a", "y");
	ck_assert_str_eq(v, "2");
	free(v);
	ck_assert_int_eq(kf_parse(data, strlen(data), pl_kf_stop, &line), 7);
	ck_assert_uint_eq(line, 12);
}
END_TEST

static const struct {
	const char *text;
	int ok;
	int64_t t;
} iso_cases[] = {
	{ "2026-01-02T03:04:05Z", 1, 1767323045 },
	{ "2026-01-02 03:04:05", 1, 1767323045 },
	{ "2026-01-02T12:04:05+09:00", 1, 1767323045 },
	{ "2026-01-02T12:04:05+0900", 1, 1767323045 },
	{ "2026-01-01T22:04:05.123456789-05:00", 1, 1767323045 },
	{ "2026-01-02T03:04", 0, 0 },
	{ "2026-13-01T00:00:00Z", 0, 0 },
	{ "2026-01-02T03:04:05Zjunk", 0, 0 },
	{ "1969-12-31T23:59:59Z", 0, 0 },
	{ "2026-01-02T03:04:05.Z", 0, 0 },
};

START_TEST(test_iso)
{
	int64_t t = -1;
	int r = tf_parse_iso(iso_cases[_i].text, strlen(iso_cases[_i].text), &t);

	if (iso_cases[_i].ok) {
		ck_assert_int_eq(r, 0);
		ck_assert_int_eq(t, iso_cases[_i].t);
	} else
		ck_assert_int_eq(r, -EINVAL);
}
END_TEST

START_TEST(test_timefmt)
{
	char buf[64];
	int64_t t;

	ck_assert_str_eq(tf_stamp(0, buf, sizeof(buf)), "1970-01-01 00:00 UTC");
	ck_assert_str_eq(tf_iso(1767323045, buf, sizeof(buf)),
	    "2026-01-02T03:04:05Z");
	ck_assert_str_eq(tf_date(1767323045, buf, sizeof(buf)), "2026-01-02");
	ck_assert_str_eq(tf_limit(26 * 3600, buf, sizeof(buf)), "26h");
	ck_assert_str_eq(tf_limit(3 * 86400, buf, sizeof(buf)), "3d");
	ck_assert_str_eq(tf_limit(120, buf, sizeof(buf)), "2m");
	ck_assert_str_eq(tf_limit(90, buf, sizeof(buf)), "90s");
	ck_assert_str_eq(tf_limit(0, buf, sizeof(buf)), "0s");
	ck_assert_int_eq(tf_days(-5), 0);
	ck_assert_int_eq(tf_days(86399), 0);
	ck_assert_int_eq(tf_days(2 * 86400), 2);
	ck_assert_int_eq(tf_parse_iso_basic("20260102T030405Z", 16, &t), 0);
	ck_assert_int_eq(t, 1767323045);
	ck_assert_int_eq(tf_parse_iso_basic("20260102T030405", 15, &t), -EINVAL);
	ck_assert_int_eq(tf_parse_iso_basic("20260102X030405Z", 16, &t), -EINVAL);
}
END_TEST

struct pl_unit_want {
	const char *name;
	enum unit_state state;
	const char *via;
};

static const struct {
	struct pl_node tree[32];
	int systemd, sysv, openrc;
	struct pl_unit_want want[10];
} unit_cases[] = {
	/* systemd: wants in /etc and /usr, a mask, a template instance, an
	 * init script without a unit (the sysv generator), and a unit that
	 * overrides a stale rc link. */
	{ {
		{ "etc/", NULL }, { "etc/systemd/", NULL },
		{ "etc/systemd/system/", NULL },
		{ "etc/systemd/system/multi-user.target.wants/", NULL },
		{ "etc/systemd/system/timers.target.wants/", NULL },
		{ "lib/", NULL }, { "lib/systemd/", NULL },
		{ "lib/systemd/system/", NULL }, { "usr/", NULL },
		{ "usr/lib/", NULL }, { "usr/lib/systemd/", NULL },
		{ "usr/lib/systemd/system/", NULL },
		{ "usr/lib/systemd/system/sysinit.target.wants/", NULL },
		{ "etc/init.d/", NULL }, { "etc/rc2.d/", NULL },
		{ "etc/rc3.d/", NULL },
		{ "lib/systemd/system/a.service", NULL },
		{ "lib/systemd/system/b.service", NULL },
		{ "lib/systemd/system/c.service", NULL },
		{ "lib/systemd/system/tpl@.service", NULL },
		{ "usr/lib/systemd/system/d.service", NULL },
		{ "etc/systemd/system/multi-user.target.wants/a.service",
		  "/lib/systemd/system/a.service" },
		{ "etc/systemd/system/multi-user.target.wants/c.service",
		  "/lib/systemd/system/c.service" },
		{ "etc/systemd/system/c.service", "/dev/null" },
		{ "etc/systemd/system/timers.target.wants/tpl@x.service",
		  "/lib/systemd/system/tpl@.service" },
		{ "usr/lib/systemd/system/sysinit.target.wants/d.service",
		  "../d.service" },
		{ "etc/init.d/legacy", NULL },
		{ "etc/rc3.d/S02legacy", "../init.d/legacy" },
		{ "etc/init.d/b", NULL },
		{ "etc/rc2.d/S01b", "../init.d/b" },
		{ NULL, NULL } },
	  1, 1, 0, {
		{ "a.service", UNIT_ENABLED, "multi-user.target.wants" },
		{ "b.service", UNIT_DISABLED, NULL },
		{ "c.service", UNIT_MASKED, NULL },
		{ "tpl@.service", UNIT_ENABLED, "timers.target.wants" },
		{ "d.service", UNIT_ENABLED, "sysinit.target.wants" },
		{ "legacy.service", UNIT_ENABLED, "/etc/rc3.d/S02legacy" },
		{ "legacy.timer", UNIT_ABSENT, NULL },
		{ "nothing.service", UNIT_ABSENT, NULL },
		{ NULL, 0, NULL } } },
	/* No systemd: a SysV start link and an OpenRC runlevel. */
	{ {
		{ "etc/", NULL }, { "etc/init.d/", NULL }, { "etc/rcS.d/", NULL },
		{ "etc/runlevels/", NULL }, { "etc/runlevels/default/", NULL },
		{ "etc/init.d/x", NULL }, { "etc/init.d/y", NULL },
		{ "etc/init.d/w", NULL },
		{ "etc/rcS.d/S10x", "../init.d/x" },
		{ "etc/runlevels/default/y", "/etc/init.d/y" },
		{ NULL, NULL } },
	  0, 1, 1, {
		{ "x.service", UNIT_ENABLED, "/etc/rcS.d/S10x" },
		{ "y.service", UNIT_ENABLED, "/etc/runlevels/default/y" },
		{ "w.service", UNIT_DISABLED, NULL },
		{ "z.service", UNIT_ABSENT, NULL },
		{ "x@.service", UNIT_ABSENT, NULL },
		{ NULL, 0, NULL } } },
};

START_TEST(test_units)
{
	const struct pl_unit_want *w;
	struct unit_db db;
	struct ph ph;
	struct hf hf;
	char *root = pl_setup(&ph, &hf, NULL);
	const char *via;
	enum unit_state s;

	pl_build(root, unit_cases[_i].tree);
	unit_db_load(&db, &hf);
	ck_assert_int_eq(db.systemd, unit_cases[_i].systemd);
	ck_assert_int_eq(db.sysv, unit_cases[_i].sysv);
	ck_assert_int_eq(db.openrc, unit_cases[_i].openrc);
	for (w = unit_cases[_i].want; w->name != NULL; w++) {
		s = unit_lookup(&db, w->name, &via);
		ck_assert_msg(s == w->state, "%s: %s, want %s", w->name,
		    unit_state_name(s), unit_state_name(w->state));
		if (w->via == NULL)
			ck_assert_ptr_null(via);
		else
			ck_assert_str_eq(via, w->via);
		ck_assert_int_eq(unit_state(&db, w->name), w->state);
	}
	unit_db_free(&db);
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_cfgchk)
{
	static const char ini[] = "[plugin.pluglib]\nlimit = 5\nport = a\n"
	    "port = b\n\n[plugin.pluglib.job]\nkind = x\n";
	struct ph ph;
	struct hf hf;
	char *root = pl_setup(&ph, &hf, ini);
	const char *file;
	unsigned int line;

	ck_assert_int_eq(cfgchk_where(&hf, NULL, "port", 1, &file, &line), 0);
	ck_assert_str_eq(file, ph.ini_path);
	ck_assert_uint_eq(line, 4);
	ck_assert_int_eq(cfgchk_where(&hf, NULL, "port", 2, &file, &line), -ENOENT);
	/* A key the job inherits from [plugin.pluglib]. */
	ck_assert_int_eq(cfgchk_where(&hf, "job", "limit", 0, &file, &line), 0);
	ck_assert_uint_eq(line, 2);
	ck_assert_int_eq(cfgchk_where(&hf, "job", "kind", 0, &file, &line), 0);
	ck_assert_uint_eq(line, 7);
	ck_assert_int_eq(cfgchk_where(&hf, NULL, "unset", 0, &file, &line), -ENOENT);

	ck_assert_int_eq(cfgchk_fail(&hf, NULL, "port", 1, "bad %s", "b"),
	    SA_RUN_BAD_INPUT);
	ck_assert_ptr_eq(ph.logs[ph.n_logs - 1], ph_config_error(&ph, 4, "bad b"));
	ck_assert_int_eq(cfgchk_fail_section(&hf, pl_keys, "job", "has no path"),
	    SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 7, "has no path"));
	/* No place known: the message alone. */
	cfgchk_fail(&hf, NULL, "unset", 0, "default broken");
	ck_assert_str_eq(ph.logs[ph.n_logs - 1], "0: default broken");
	/* A core older than ABI 1.1 has no config_where. */
	ph.host.struct_size = offsetof(struct sa_host, config_where);
	ck_assert_int_eq(cfgchk_where(&hf, NULL, "port", 0, &file, &line), -ENOENT);
	cfgchk_fail(&hf, NULL, "port", 0, "old core");
	ck_assert_str_eq(ph.logs[ph.n_logs - 1], "0: old core");
	ph_free(&ph);
	free(root);
}
END_TEST

/* Limits and host-side tables, each error at the line of its value. */
START_TEST(test_cfgchk_values)
{
	struct ph ph;
	struct hf hf;
	char *dir = unit_tmpdir(), *ini, *root;
	long long v = 0;

	pl_file(dir, "a.rules", "");
	ini = xasprintf("[plugin.pluglib]\nlimit = 70\ntable = %s/a.rules\n"
	    "table = %s\ntable = %s/none.rules\n", dir, dir, dir);
	root = pl_setup(&ph, &hf, ini);
	ck_assert_int_eq(cfgchk_int(&hf, NULL, "limit", 1, 70, &v), 0);
	ck_assert_int_eq(v, 70);
	ck_assert_int_eq(cfgchk_int(&hf, NULL, "limit", 1, 69, &v),
	    SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 2,
	    "limit = 70: must be between 1 and 69"));
	/* A [plugin.NAME.SUB] that does not set it has the main value. */
	ck_assert_int_eq(cfgchk_int(&hf, "job", "limit", 71, 80, &v),
	    SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 2, "limit = 70: must be "
	    "between 71 and 80"));
	/* The second table is a directory: named at line 4, before line 5. */
	ck_assert_int_eq(cfgchk_host_files(&hf, NULL, "table"), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 4, "table: "));
	ck_assert_ptr_nonnull(strstr(ph.logs[ph.n_logs - 1], ": not a regular file"));
	ck_assert_ptr_null(ph_config_error(&ph, 5, "table: "));
	/* An unset key is fine. */
	ck_assert_int_eq(cfgchk_host_files(&hf, NULL, "port"), 0);
	ck_assert_int_eq(cfgchk_host_file(&hf, NULL, "port"), 0);
	ph_free(&ph);
	free(root);
	free(ini);

	ini = xasprintf("[plugin.pluglib]\ntable = %s/a.rules\n\n"
	    "table = %s/none.rules\n", dir, dir);
	root = pl_setup(&ph, &hf, ini);
	ck_assert_int_eq(cfgchk_host_files(&hf, NULL, "table"), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 4, "table: "));
	ck_assert_ptr_nonnull(strstr(ph.logs[ph.n_logs - 1],
	    "none.rules: No such file or directory"));
	ph_free(&ph);
	free(root);
	free(ini);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("pluglib");
	TCase *tc = tcase_create("lib");

	tcase_add_test(tc, test_read);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_links);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_grow_one);
	tcase_add_test(tc, test_keyfile);
	tcase_add_loop_test(tc, test_iso, 0, (int)UT_ARRAY_LEN(iso_cases));
	tcase_add_test(tc, test_timefmt);
	tcase_add_loop_test(tc, test_units, 0, (int)UT_ARRAY_LEN(unit_cases));
	tcase_add_test(tc, test_cfgchk);
	tcase_add_test(tc, test_cfgchk_values);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
