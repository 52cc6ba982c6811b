/* SPDX-License-Identifier: MIT */
/* The screenlock plugin: its parsers, and runs over fixture roots. */
#include "config.h"

#include <errno.h>

#include "unit.h"
#include "plugin_harness.h"
#include "../../plugins/screenlock/screenlock.h"

extern const struct sa_plugin smeaudit_plugin;

START_TEST(test_gvariant)
{
	unsigned long long v;
	int b;

	ck_assert_int_eq(sl_gvariant_uint("uint32 300", &v), 0);
	ck_assert_uint_eq(v, 300);
	ck_assert_int_eq(sl_gvariant_uint(" 600 ", &v), 0);
	ck_assert_uint_eq(v, 600);
	ck_assert_int_eq(sl_gvariant_uint("@u 0", &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(sl_gvariant_uint("uint32 -5", &v), -EINVAL);
	ck_assert_int_eq(sl_gvariant_uint("'300'", &v), -EINVAL);
	ck_assert_int_eq(sl_gvariant_uint("", &v), -EINVAL);
	ck_assert_int_eq(sl_gvariant_bool("true", &b), 0);
	ck_assert_int_eq(b, 1);
	ck_assert_int_eq(sl_gvariant_bool(" false", &b), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(sl_gvariant_bool("yes", &b), -EINVAL);
}
END_TEST

START_TEST(test_kde)
{
	static const char plain[] =
	    "[Greeter]\nTimeout=99\n\n[Daemon]\nAutolock=false\nTimeout=7.5\n"
	    "LockGrace=30\n";
	static const char group_locked[] = "[Daemon][$i]\nTimeout=5\n";
	static const char file_locked[] = "[$i]\n[Daemon]\nAutolock=true\n";
	static const char key_locked[] =
	    "[Daemon]\nAutolock[$i]=true\nTimeout[$i]=3\nLockGrace[$i]=0\n"
	    "RequirePassword=false\n";
	static const char bad[] = "[Daemon]\nTimeout=soon\n";
	struct sl_kde k;

	sl_kde_init(&k);
	sl_kde_parse(plain, strlen(plain), &k);
	ck_assert_int_eq(k.autolock, 0);
	ck_assert(k.timeout_min > 7.4 && k.timeout_min < 7.6);
	ck_assert_int_eq(k.grace_s, 30);
	ck_assert(!k.immutable_group && !k.immutable_file && !k.bad_value);
	sl_kde_init(&k);
	sl_kde_parse(group_locked, strlen(group_locked), &k);
	ck_assert(k.immutable_group && !k.immutable_file);
	ck_assert_int_eq(k.autolock, -1);
	sl_kde_init(&k);
	sl_kde_parse(file_locked, strlen(file_locked), &k);
	ck_assert(k.immutable_file && k.autolock == 1);
	sl_kde_init(&k);
	sl_kde_parse(key_locked, strlen(key_locked), &k);
	ck_assert(k.immutable_autolock && k.immutable_timeout && k.immutable_grace);
	ck_assert(!k.immutable_group);
	ck_assert_int_eq(k.require_password, 0);
	sl_kde_init(&k);
	sl_kde_parse(bad, strlen(bad), &k);
	ck_assert(k.bad_value);
}
END_TEST

struct props {
	char path[8][64];
	char value[8][32];
	int locked[8];
	size_t n;
};

static void
on_prop(void *user, const struct sl_xfconf_prop *p)
{
	struct props *ps = user;

	ck_assert_uint_lt(ps->n, 8);
	snprintf(ps->path[ps->n], sizeof(ps->path[0]), "%s", p->path);
	snprintf(ps->value[ps->n], sizeof(ps->value[0]), "%s", p->value);
	ps->locked[ps->n] = p->locked;
	ps->n++;
}

START_TEST(test_xfconf)
{
	static const char doc[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<channel name=\"xfce4-screensaver\" version=\"1.0\">\n"
	    "  <!-- <property name=\"ghost\" value=\"1\"/> -->\n"
	    "  <property name=\"saver\" type=\"empty\">\n"
	    "    <property name='idle-activation' type='empty'>\n"
	    "      <property name=\"delay\" type=\"int\" value=\"15\" locked=\"*\"/>\n"
	    "    </property>\n"
	    "  </property>\n"
	    "  <property name=\"lock\" type=\"empty\">\n"
	    "    <property name=\"enabled\" type=\"bool\" value=\"true\"/>\n"
	    "  </property>\n"
	    "  <property name=\"x\" type=\"string\" value=\"a &amp; b\"/>\n"
	    "</channel>\n";
	static const char locked_channel[] =
	    "<channel name=\"c\" version=\"1.0\" locked=\"*\">"
	    "<property name=\"a\" type=\"int\" value=\"1\"/></channel>";
	static const char broken[] =
	    "<channel name=\"c\" version=\"1.0\"><property name=\"a\" type=\"empty\">"
	    "<property name=\"b\" type=\"int\" value=\"1\"/></channel>";
	struct props ps = { .n = 0 };

	ck_assert_int_eq(sl_xfconf_parse(doc, strlen(doc), on_prop, &ps), 0);
	ck_assert_uint_eq(ps.n, 3);
	ck_assert_str_eq(ps.path[0], "/saver/idle-activation/delay");
	ck_assert_str_eq(ps.value[0], "15");
	ck_assert_int_eq(ps.locked[0], 1);
	ck_assert_str_eq(ps.path[1], "/lock/enabled");
	ck_assert_int_eq(ps.locked[1], 0);
	ck_assert_str_eq(ps.value[2], "a & b");
	ps.n = 0;
	ck_assert_int_eq(sl_xfconf_parse(locked_channel, strlen(locked_channel),
	    on_prop, &ps), 0);
	ck_assert_int_eq(ps.locked[0], 1);
	ps.n = 0;
	ck_assert_int_eq(sl_xfconf_parse(broken, strlen(broken), on_prop, &ps), -EINVAL);
	ck_assert_int_eq(sl_xfconf_parse("", 0, on_prop, &ps), -EINVAL);
}
END_TEST

static const struct {
	const char *script;
	int set, readonly, conditional, dynamic;
	unsigned long long seconds;
} tmout_cases[] = {
	{ "TMOUT=600\n", 1, 0, 0, 0, 600 },
	{ "readonly TMOUT=900\nexport TMOUT\n", 1, 1, 0, 0, 900 },
	{ "TMOUT=900; readonly TMOUT; export TMOUT\n", 1, 1, 0, 0, 900 },
	{ "declare -rx TMOUT=\"300\"\n", 1, 1, 0, 0, 300 },
	{ "typeset -r TMOUT='120'\n", 1, 1, 0, 0, 120 },
	{ "export TMOUT=600\n", 1, 0, 0, 0, 600 },
	/* Once readonly, later assignments fail in the shell. */
	{ "readonly TMOUT=300\nTMOUT=0\n", 1, 1, 0, 0, 300 },
	{ "TMOUT=300\nTMOUT=0\n", 1, 0, 0, 0, 0 },
	{ "TMOUT=300\nunset TMOUT\n", 0, 0, 0, 0, 300 },
	{ "[ \"$UID\" -eq 0 ] && TMOUT=300\n", 1, 0, 1, 0, 300 },
	{ "if [ -n \"$SSH_TTY\" ]; then\n  TMOUT=600\nfi\n", 1, 0, 1, 0, 600 },
	{ "if [ -n \"$X\" ]; then TMOUT=600; fi\n", 1, 0, 1, 0, 600 },
	{ "TMOUT=${LIMIT:-900}\n", 1, 0, 0, 1, 0 },
	/* an empty value (these once looped forever) */
	{ "export TMOUT=\n", 1, 0, 0, 1, 0 },
	{ "readonly TMOUT=''\n", 1, 1, 0, 1, 0 },
	{ "export TMOUT=600 PATH\n", 1, 0, 0, 0, 600 },
	/* Not assignments of the shell's TMOUT. */
	{ "# TMOUT=600\necho TMOUT=600\nMYTMOUT=5\n", 0, 0, 0, 0, 0 },
	{ "TMOUT=60 some-command\n", 0, 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0, 0 },
};

START_TEST(test_tmout)
{
	struct sl_tmout t;

	memset(&t, 0, sizeof(t));
	sl_tmout_parse(tmout_cases[_i].script, strlen(tmout_cases[_i].script),
	    "/etc/profile.d/t.sh", &t);
	ck_assert_int_eq(t.set, tmout_cases[_i].set);
	if (!tmout_cases[_i].set)
		return;
	ck_assert_int_eq(t.readonly, tmout_cases[_i].readonly);
	ck_assert_int_eq(t.conditional, tmout_cases[_i].conditional);
	ck_assert_int_eq(t.dynamic, tmout_cases[_i].dynamic);
	ck_assert_uint_eq(t.seconds, tmout_cases[_i].seconds);
	ck_assert_ptr_nonnull(strstr(t.where, "/etc/profile.d/t.sh:"));
}
END_TEST

/* Values across files: a later file changes what an earlier one set. */
START_TEST(test_tmout_files)
{
	static const char a[] = "TMOUT=1200\n", b[] = "readonly TMOUT=600\n",
	    c[] = "TMOUT=0\n";
	struct sl_tmout t;

	memset(&t, 0, sizeof(t));
	sl_tmout_parse(a, strlen(a), "/etc/profile", &t);
	sl_tmout_parse(b, strlen(b), "/etc/profile.d/z.sh", &t);
	sl_tmout_parse(c, strlen(c), "/etc/bash.bashrc", &t);
	ck_assert_uint_eq(t.seconds, 600);
	ck_assert_str_eq(t.where, "/etc/profile.d/z.sh:1");
}
END_TEST

START_TEST(test_run_headless)
{
	char *root = ph_fixture("screenlock/headless-pass");
	const struct ph_report *r;
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 0, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph.rejected, 0);
	ck_assert_uint_eq(ph_count(&ph, "desktop", SA_LEVEL_NA), 1);
	r = ph_find(&ph, "console-timeout", SA_LEVEL_IMPLEMENTED,
	    "/etc/profile.d/tmout.sh:2");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(ph.n_reports, 2);
	ph_free(&ph);
	/* Five minutes allowed: TMOUT=600 is too long. */
	ph_init(&ph, &smeaudit_plugin, root, 0, "[plugin.screenlock]\nmax_idle = 5m\n");
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph_count(&ph, "console-timeout", SA_LEVEL_PARTLY), 1);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.screenlock]\nconsole_timeout = ignore\n");
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph.n_reports, 1);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.screenlock]\nmax_idle = 5m\nconsole_timeout = always\n");
	ck_assert_int_eq(ph_check_config(&ph), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 3, "console_timeout: \"always\" "
	    "is not one of auto, require, inform, ignore"));
	ck_assert_int_eq(ph_run(&ph), SA_RUN_BAD_INPUT);
	ck_assert_uint_eq(ph.n_reports, 0);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 0, "[plugin.screenlock]\nmax_idle = 0\n");
	ck_assert_int_eq(ph_check_config(&ph), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 2,
	    "max_idle: must be longer than 0"));
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_run_xfce_and_unknown)
{
	char *root = ph_fixture("screenlock/xfce-fail");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 0, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph_count(&ph, "xfce", SA_LEVEL_NOT), 1);
	/* A desktop host: a missing TMOUT is reported, not scored. */
	ck_assert_uint_eq(ph_count(&ph, "console-timeout", SA_LEVEL_NA), 1);
	ph_free(&ph);
	free(root);
	root = ph_fixture("screenlock/unknown");
	ph_init(&ph, &smeaudit_plugin, root, 0, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_ptr_nonnull(ph_find(&ph, "desktop", SA_LEVEL_UNKNOWN, "mate"));
	ck_assert_uint_eq(ph_count(&ph, "console-timeout", SA_LEVEL_UNKNOWN), 1);
	ck_assert_uint_eq(ph.n_reports, 2);
	ph_free(&ph);
	free(root);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("screenlock");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_gvariant);
	tcase_add_test(tc, test_kde);
	tcase_add_test(tc, test_xfconf);
	tcase_add_loop_test(tc, test_tmout, 0, (int)UT_ARRAY_LEN(tmout_cases));
	tcase_add_test(tc, test_tmout_files);
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_add_test(tc, test_run_headless);
	tcase_add_test(tc, test_run_xfce_and_unknown);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
