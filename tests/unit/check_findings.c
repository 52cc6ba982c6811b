/* SPDX-License-Identifier: MIT */
/* findings: aggregation into count + examples, severities, redaction. */
#include "config.h"

#include "findings.h"
#include "unit.h"

static const struct sa_check chk_fail = {
	"world-writable", 4, 0, SA_SEV_HIGH, "World-writable files", "誰でも書ける",
	"Remove the write bit.", "書き込み権を外す。"
};
static const struct sa_check chk_plain = {
	"plain", 7, 3, SA_SEV_DEFAULT, "Plain", NULL, NULL, NULL
};
static const struct sa_check chk_untitled = {
	"untitled", 2, 0, SA_SEV_LOW, NULL, NULL, NULL, NULL
};

START_TEST(test_aggregate)
{
	struct fnd_store st;
	struct fnd_finding *f, *g;
	char obj[32];
	int i;

	fnd_init(&st, 3);
	for (i = 0; i < 5; i++) {
		snprintf(obj, sizeof(obj), "/srv/f%d", i);
		f = fnd_get(&st, "shares", &chk_fail, SA_LEVEL_NOT);
		fnd_add(f, &st, obj, i == 0 ? NULL : "mode 0666", NULL,
		    i == 2 ? "詳細" : NULL, SA_SEV_DEFAULT);
	}
	ck_assert_uint_eq(st.n, 1);
	f = &st.v[0];
	ck_assert_str_eq(f->id, "shares.world-writable:not");
	ck_assert_str_eq(f->check, "shares.world-writable");
	ck_assert_str_eq(f->plugin, "shares");
	ck_assert_int_eq(f->item, 4);
	ck_assert_int_eq(f->cloud_item, 0);
	ck_assert_uint_eq(f->count, 5);
	ck_assert_uint_eq(f->n_examples, 3);
	ck_assert_str_eq(f->examples[0], "/srv/f0");
	ck_assert_str_eq(f->examples[2], "/srv/f2");
	/* the first report that has evidence or a detail gives it */
	ck_assert_str_eq(f->evidence, "mode 0666");
	ck_assert_ptr_null(f->detail_en);
	ck_assert_str_eq(f->detail_ja, "詳細");
	ck_assert_str_eq(f->title_en, "World-writable files");
	ck_assert_str_eq(f->title_ja, "誰でも書ける");
	ck_assert_str_eq(f->remediation_ja, "書き込み権を外す。");
	ck_assert_int_eq(f->scored, 1);

	/* another level of the same check is another finding */
	g = fnd_get(&st, "shares", &chk_fail, SA_LEVEL_IMPLEMENTED);
	fnd_add(g, &st, NULL, NULL, NULL, NULL, 0);
	ck_assert_uint_eq(st.n, 2);
	ck_assert_str_eq(st.v[1].id, "shares.world-writable:ok");
	ck_assert_uint_eq(st.v[1].n_examples, 0);
	/* reports without an object take no example slot */
	f = fnd_get(&st, "shares", &chk_fail, SA_LEVEL_NOT);
	ck_assert_ptr_eq(f, &st.v[0]);
	fnd_add_count(f, 1000000);
	ck_assert_uint_eq(f->count, 1000005);
	ck_assert_uint_eq(f->n_examples, 3);
	/* the same check name in another plugin is another finding */
	f = fnd_get(&st, "other", &chk_fail, SA_LEVEL_NOT);
	ck_assert_uint_eq(st.n, 3);
	ck_assert_str_eq(f->check, "other.world-writable");
	fnd_free(&st);
	ck_assert_uint_eq(st.n, 0);
}
END_TEST

START_TEST(test_no_examples)
{
	struct fnd_store st;
	struct fnd_finding *f;

	fnd_init(&st, 0);
	f = fnd_get(&st, "p", &chk_plain, SA_LEVEL_NOT);
	fnd_add(f, &st, "/x", NULL, NULL, NULL, 0);
	fnd_add(f, &st, "/y", NULL, NULL, NULL, 0);
	ck_assert_uint_eq(f->count, 2);
	ck_assert_uint_eq(f->n_examples, 0);
	fnd_free(&st);
}
END_TEST

/*
 * Severity: the check's for problems (medium when it has none), info for
 * passes, unknowns and not-applicable; a report may raise it, never lower.
 */
static const struct {
	const struct sa_check *check;
	int level;
	int reported;		/* severity of the one report */
	int want;
} severity_cases[] = {
	{ &chk_fail, SA_LEVEL_NOT, SA_SEV_DEFAULT, SA_SEV_HIGH },
	{ &chk_fail, SA_LEVEL_PARTLY, SA_SEV_DEFAULT, SA_SEV_HIGH },
	{ &chk_fail, SA_LEVEL_NOT, SA_SEV_CRITICAL, SA_SEV_CRITICAL },
	{ &chk_fail, SA_LEVEL_NOT, SA_SEV_LOW, SA_SEV_HIGH },
	{ &chk_fail, SA_LEVEL_NOT, 9, SA_SEV_HIGH },
	{ &chk_fail, SA_LEVEL_NOT, -3, SA_SEV_HIGH },
	{ &chk_fail, SA_LEVEL_IMPLEMENTED, SA_SEV_DEFAULT, SA_SEV_INFO },
	{ &chk_fail, SA_LEVEL_IMPLEMENTED, SA_SEV_CRITICAL, SA_SEV_INFO },
	{ &chk_fail, SA_LEVEL_UNKNOWN, SA_SEV_DEFAULT, SA_SEV_INFO },
	{ &chk_fail, SA_LEVEL_NA, SA_SEV_HIGH, SA_SEV_INFO },
	{ &chk_plain, SA_LEVEL_NOT, SA_SEV_DEFAULT, SA_SEV_MEDIUM },
	{ &chk_plain, SA_LEVEL_PARTLY, SA_SEV_HIGH, SA_SEV_HIGH },
	{ &chk_untitled, SA_LEVEL_NOT, SA_SEV_DEFAULT, SA_SEV_LOW },
};

START_TEST(test_severity)
{
	struct fnd_store st;
	struct fnd_finding *f;

	fnd_init(&st, 10);
	f = fnd_get(&st, "p", severity_cases[_i].check, severity_cases[_i].level);
	fnd_add(f, &st, NULL, NULL, NULL, NULL, severity_cases[_i].reported);
	ck_assert_int_eq(f->severity, severity_cases[_i].want);
	fnd_free(&st);
}
END_TEST

START_TEST(test_names)
{
	struct fnd_store st;
	struct fnd_finding *f;

	ck_assert_str_eq(fnd_level_name(SA_LEVEL_IMPLEMENTED), "ok");
	ck_assert_str_eq(fnd_level_name(SA_LEVEL_PARTLY), "partly");
	ck_assert_str_eq(fnd_level_name(SA_LEVEL_NOT), "not");
	ck_assert_str_eq(fnd_level_name(SA_LEVEL_UNKNOWN), "unknown");
	ck_assert_str_eq(fnd_level_name(SA_LEVEL_NA), "na");
	ck_assert_str_eq(fnd_severity_name(SA_SEV_INFO), "info");
	ck_assert_str_eq(fnd_severity_name(SA_SEV_LOW), "low");
	ck_assert_str_eq(fnd_severity_name(SA_SEV_MEDIUM), "medium");
	ck_assert_str_eq(fnd_severity_name(SA_SEV_HIGH), "high");
	ck_assert_str_eq(fnd_severity_name(SA_SEV_CRITICAL), "critical");
	/* a check without a title shows its name */
	fnd_init(&st, 1);
	f = fnd_get(&st, "p", &chk_untitled, SA_LEVEL_NOT);
	ck_assert_str_eq(f->title_en, "untitled");
	ck_assert_ptr_null(f->title_ja);
	ck_assert_ptr_null(f->remediation_en);
	f = fnd_get(&st, "p", &chk_plain, SA_LEVEL_NOT);
	ck_assert_int_eq(f->cloud_item, 3);
	fnd_free(&st);
}
END_TEST

START_TEST(test_unscore_sort)
{
	static const struct sa_check c1 = { "a", 1, 0, SA_SEV_LOW, "A", NULL, NULL, NULL };
	static const struct sa_check c9 = { "b", 9, 0, SA_SEV_LOW, "B", NULL, NULL, NULL };
	static const struct sa_check cc = { "c", 0, 2, SA_SEV_LOW, "C", NULL, NULL, NULL };
	static const struct sa_check c1h = { "z", 1, 0, SA_SEV_HIGH, "Z", NULL, NULL, NULL };
	struct fnd_store st;
	size_t i;

	fnd_init(&st, 10);
	fnd_get(&st, "p", &cc, SA_LEVEL_NOT);
	fnd_get(&st, "p", &c9, SA_LEVEL_NOT);
	fnd_get(&st, "q", &c1, SA_LEVEL_IMPLEMENTED);
	fnd_get(&st, "q", &c1, SA_LEVEL_NA);
	fnd_get(&st, "q", &c1, SA_LEVEL_UNKNOWN);
	fnd_get(&st, "p", &c1, SA_LEVEL_PARTLY);
	fnd_get(&st, "p", &c1, SA_LEVEL_NOT);
	fnd_get(&st, "p", &c1h, SA_LEVEL_NOT);
	fnd_unscore_plugin(&st, "q");
	for (i = 0; i < st.n; i++)
		ck_assert_int_eq(st.v[i].scored, strcmp(st.v[i].plugin, "q") != 0);
	fnd_sort(&st);
	/* item first (cloud-only last), worst level, highest severity, id */
	ck_assert_str_eq(st.v[0].id, "p.z:not");
	ck_assert_str_eq(st.v[1].id, "p.a:not");
	ck_assert_str_eq(st.v[2].id, "p.a:partly");
	ck_assert_str_eq(st.v[3].id, "q.a:unknown");
	ck_assert_str_eq(st.v[4].id, "q.a:ok");
	ck_assert_str_eq(st.v[5].id, "q.a:na");
	ck_assert_str_eq(st.v[6].id, "p.b:not");
	ck_assert_str_eq(st.v[7].id, "p.c:not");
	ck_assert_int_eq(st.v[3].scored, 0);
	fnd_free(&st);
}
END_TEST

/* Secrets are masked wherever they appear; innocent text is left alone. */
static const struct {
	const char *in;
	const char *out;
} redact_cases[] = {
	{ "root:$1$saltsalt$qjQvJ8M0XQz1Dyoy9bXEl/:19000:0:99999:7:::",
	  "root:[redacted]:19000:0:99999:7:::" },
	{ "$5$rounds=5000$saltsalt$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
	  "[redacted]" },
	{ "hash $6$abcdefgh$ijklmnopqrstuvwxyz0123456789./ABCDEFGHIJ in shadow",
	  "hash [redacted] in shadow" },
	{ "$y$j9T$F5Jx5fExrKuJdf.mUhmbl/$qsmVBWbrKn9ogRoNAs2DgJtN3PDb6xBrBOBlLlBKJHD",
	  "[redacted]" },
	{ "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "[redacted]" },
	{ "$2y$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui", "[redacted]" },
	{ "a:$6$x$abcdefghij,b:$1$y$klmnopqrst", "a:[redacted],b:[redacted]" },
	/* assignments: the value goes, the key stays */
	{ "password=hunter2", "password=[redacted]" },
	{ "password = hunter2", "password = [redacted]" },
	{ "Password: hunter2 set by admin", "Password: [redacted] set by admin" },
	{ "PASSWD=x", "PASSWD=[redacted]" },
	{ "secret: s3cr3t", "secret: [redacted]" },
	{ "client_secret=abc", "client_secret=[redacted]" },
	{ "token=abc,next=1", "token=[redacted],next=1" },
	{ "api_key: AKIAXXXX; region=x", "api_key: [redacted]; region=x" },
	{ "apikey=k", "apikey=[redacted]" },
	{ "passphrase:\tlong words", "passphrase:\t[redacted] words" },
	{ "pwd=p", "pwd=[redacted]" },
	{ "db.password=p", "db.password=[redacted]" },
	{ "url=x password=a token=b", "url=x password=[redacted] token=[redacted]" },
	{ "mysql_password=hunter2", "mysql_password=[redacted]" },
	/* a secret word glued to a longer key is still a secret */
	{ "userPassword: {SSHA}abcdefgh", "userPassword: [redacted]" },
	{ "dbpassword=hunter2", "dbpassword=[redacted]" },
	{ "authtoken=abc", "authtoken=[redacted]" },
	/* innocent text */
	{ "mode 0666 on /srv/share", "mode 0666 on /srv/share" },
	{ "$HOME/bin is in PATH", "$HOME/bin is in PATH" },
	{ "costs $5 a month", "costs $5 a month" },
	{ "$1$short", "$1$short" },
	{ "$1$", "$1$" },
	{ "$", "$" },
	{ "password", "password" },
	{ "password is set", "password is set" },
	{ "passwords are rotated every 90 days", "passwords are rotated every 90 days" },
	{ "password=", "password=" },
	{ "password= ", "password= " },
	{ "PasswordAuthentication no", "PasswordAuthentication no" },
	{ "no token found", "no token found" },
	{ "/etc/secret", "/etc/secret" },
	{ "日本語のパスワード説明", "日本語のパスワード説明" },
	{ "", "" },
};

START_TEST(test_privilege)
{
	struct fnd_store st;
	struct fnd_finding *f;

	fnd_init(&st, 3);
	/* -1 because of a permission: the same words for every plugin */
	f = fnd_get(&st, "password", &chk_plain, SA_LEVEL_UNKNOWN);
	fnd_add(f, &st, "/etc/shadow", "cannot read /etc/shadow: Permission denied",
	    NULL, NULL, 0);
	ck_assert_str_eq(f->evidence,
	    "insufficient privilege: cannot read /etc/shadow: Permission denied");
	f = fnd_get(&st, "wifi", &chk_plain, SA_LEVEL_UNKNOWN);
	fnd_add(f, &st, NULL, "/proc/1/environ: Operation not permitted", NULL, NULL, 0);
	ck_assert_str_eq(f->evidence,
	    "insufficient privilege: /proc/1/environ: Operation not permitted");
	/* the plugin library's lower-case words (hf_strerror) too */
	f = fnd_get(&st, "backup", &chk_plain, SA_LEVEL_UNKNOWN);
	fnd_add(f, &st, NULL, "/srv cannot be read: permission denied", NULL, NULL, 0);
	ck_assert_str_eq(f->evidence,
	    "insufficient privilege: /srv cannot be read: permission denied");
	/* said once, not twice */
	f = fnd_get(&st, "shares", &chk_plain, SA_LEVEL_UNKNOWN);
	fnd_add(f, &st, NULL, "insufficient privilege (Permission denied)", NULL, NULL, 0);
	ck_assert_str_eq(f->evidence, "insufficient privilege (Permission denied)");
	/* other reasons and other levels stay as they are */
	f = fnd_get(&st, "logging", &chk_plain, SA_LEVEL_UNKNOWN);
	fnd_add(f, &st, NULL, "not found", NULL, NULL, 0);
	ck_assert_str_eq(f->evidence, "not found");
	f = fnd_get(&st, "shares", &chk_fail, SA_LEVEL_NOT);
	fnd_add(f, &st, NULL, "Permission denied for everyone but root", NULL, NULL, 0);
	ck_assert_str_eq(f->evidence, "Permission denied for everyone but root");
	fnd_free(&st);
}
END_TEST

START_TEST(test_redact)
{
	char *in = xstrdup(redact_cases[_i].in), *out;

	out = fnd_redact(in);
	ck_assert_str_eq(out, redact_cases[_i].out);
	if (strcmp(redact_cases[_i].in, redact_cases[_i].out) == 0)
		ck_assert_ptr_eq(out, in);	/* untouched text is not copied */
	free(out);
}
END_TEST

/* Objects, evidence and details are all masked when they are copied. */
START_TEST(test_redacted_on_add)
{
	struct fnd_store st;
	struct fnd_finding *f;

	fnd_init(&st, 5);
	f = fnd_get(&st, "p", &chk_fail, SA_LEVEL_NOT);
	fnd_add(f, &st, "/etc/app.conf password=hunter2", "token: abc",
	    "hash $6$abcdefgh$ijklmnopqrstu", "secret=x", 0);
	ck_assert_str_eq(f->examples[0], "/etc/app.conf password=[redacted]");
	ck_assert_str_eq(f->evidence, "token: [redacted]");
	ck_assert_str_eq(f->detail_en, "hash [redacted]");
	ck_assert_str_eq(f->detail_ja, "secret=[redacted]");
	fnd_free(&st);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("findings");
	TCase *tc = tcase_create("findings");

	tcase_add_test(tc, test_aggregate);
	tcase_add_test(tc, test_no_examples);
	tcase_add_loop_test(tc, test_severity, 0, (int)UT_ARRAY_LEN(severity_cases));
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_unscore_sort);
	tcase_add_loop_test(tc, test_redact, 0, (int)UT_ARRAY_LEN(redact_cases));
	tcase_add_test(tc, test_redacted_on_add);
	tcase_add_test(tc, test_privilege);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
