/* SPDX-License-Identifier: MIT */
/*
 * The logging plugin's parsers: logrotate configuration, journald.conf
 * and time spans, journal file headers, syslog daemon configurations.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "unit.h"

#include "journal.h"
#include "logrotate.h"
#include "syslogconf.h"

static const char lr_main[] =
    "# see \"man logrotate\" for details\n"
    "weekly\nrotate 4\ncreate\n\n"
    "include /etc/logrotate.d\n\n"
    "/var/log/wtmp {\n    missingok\n    monthly\n    rotate 1\n}\n";
static const char lr_rsyslog[] =
    "/var/log/syslog\n/var/log/mail.log\n/var/log/auth.log\n{\n"
    "\trotate 4\n\tweekly\n\tmissingok\n\tsharedscripts\n\tpostrotate\n"
    "\t\t/usr/lib/rsyslog/rsyslog-rotate\n\t\trotate 99\n\tendscript\n}\n";
static const char lr_app[] =
    "\"/srv/app/*.log\" /var/log/app.log{\n  daily\n  rotate 30\n  maxage 14\n}\n"
    "/var/log/big.log {\n  size 100M\n  rotate 5\n}\n"
    "/var/log/keep.log {\n  rotate -1\n}\n";

static void
lr_inc(void *user, struct lr_conf *c, const char *path)
{
	int *calls = user;

	(*calls)++;
	ck_assert_str_eq(path, "/etc/logrotate.d");
	ck_assert_int_eq(lr_feed(c, "/etc/logrotate.d/rsyslog", lr_rsyslog,
	    strlen(lr_rsyslog), NULL, NULL, NULL), 0);
	ck_assert_int_eq(lr_feed(c, "/etc/logrotate.d/app", lr_app,
	    strlen(lr_app), NULL, NULL, NULL), 0);
}

START_TEST(lr_stanzas)
{
	const struct lr_stanza *s;
	struct lr_conf c;
	int calls = 0;

	lr_init(&c);
	ck_assert_int_eq(lr_feed(&c, "/etc/logrotate.conf", lr_main,
	    strlen(lr_main), lr_inc, &calls, NULL), 0);
	ck_assert_int_eq(calls, 1);
	ck_assert_uint_eq(c.n, 5);

	/* Paths over several lines; the script's "rotate 99" is not a directive. */
	s = lr_find(&c, "/var/log/auth.log");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->file, "/etc/logrotate.d/rsyslog");
	ck_assert_uint_eq(s->line, 4);
	ck_assert_int_eq(s->set.rotate, 4);
	ck_assert_int_eq(lr_retention(&s->set), 28 * 86400);

	/* Quoted globs and a brace against the path; maxage caps. */
	s = lr_find(&c, "/srv/app/web.log");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(lr_retention(&s->set), 14 * 86400);
	ck_assert_ptr_eq(lr_find(&c, "/var/log/app.log"), s);
	ck_assert_ptr_null(lr_find(&c, "/srv/app/sub/web.log"));

	/* Size-based: the days kept cannot be told; rotate -1 keeps all. */
	ck_assert_int_eq(lr_retention(&lr_find(&c, "/var/log/big.log")->set),
	    LR_UNKNOWN);
	ck_assert_int_eq(lr_retention(&lr_find(&c, "/var/log/keep.log")->set),
	    LR_KEEP_ALL);
	/* A stanza inherits the global weekly when it sets no period. */
	ck_assert_int_eq(lr_find(&c, "/var/log/keep.log")->set.period, 7 * 86400);
	ck_assert_int_eq(lr_retention(&lr_find(&c, "/var/log/wtmp")->set),
	    30 * 86400);
	ck_assert_ptr_null(lr_find(&c, "/var/log/messages"));
	lr_free(&c);
}
END_TEST

START_TEST(lr_errors_and_defaults)
{
	struct lr_conf c;
	struct lr_settings none;
	unsigned int line = 0;

	lr_init(&c);
	ck_assert_int_eq(lr_feed(&c, "x", "/var/log/a {\n daily\n", 19, NULL, NULL,
	    &line), -EINVAL);
	ck_assert_uint_eq(line, 2);
	lr_free(&c);
	lr_init(&c);
	ck_assert_int_eq(lr_feed(&c, "x", "weekly\n}\n", 9, NULL, NULL, &line),
	    -EINVAL);
	ck_assert_uint_eq(line, 2);
	lr_free(&c);
	/* No period at all and logrotate's default rotate 0. */
	memset(&none, 0, sizeof(none));
	ck_assert_int_eq(lr_retention(&none), LR_UNKNOWN);
	none.period = 86400;
	ck_assert_int_eq(lr_retention(&none), 0);
}
END_TEST

/* Found by fuzz_logging: rotate times a yearly period overflowed. */
START_TEST(lr_huge_counts)
{
	static const char text[] =
	    "/var/log/a {\n yearly\n rotate 9223372036854775807\n"
	    " maxage 9223372036854775807\n}\n"
	    "/var/log/b {\n rotate -9223372036854775808\n"
	    " maxage 9223372036854775807\n}\n";
	const struct lr_stanza *s;
	struct lr_conf c;

	lr_init(&c);
	ck_assert_int_eq(lr_feed(&c, "x", text, strlen(text), NULL, NULL, NULL), 0);
	s = lr_find(&c, "/var/log/a");
	ck_assert_ptr_nonnull(s);
	/* A million years or days: kept far longer than any threshold. */
	ck_assert_int_eq(lr_retention(&s->set), 1000000LL * 86400);
	s = lr_find(&c, "/var/log/b");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->set.rotate, -1);
	ck_assert_int_eq(lr_retention(&s->set), 1000000LL * 86400);
	lr_free(&c);
}
END_TEST

START_TEST(jd_config)
{
	static const char main_conf[] =
	    "#  This file is part of systemd.\n[Journal]\n#Storage=auto\n"
	    "Storage=volatile\nSystemMaxUse=500M\n[Other]\nStorage=none\n";
	static const char dropin[] =
	    "[Journal]\nStorage = persistent\nMaxRetentionSec=1month\n";
	struct jd_conf c;

	jd_init(&c);
	ck_assert_str_eq(c.storage, "auto");
	jd_apply(&c, main_conf, strlen(main_conf));
	ck_assert_str_eq(c.storage, "volatile");
	ck_assert_str_eq(c.system_max_use, "500M");
	jd_apply(&c, dropin, strlen(dropin));
	ck_assert_str_eq(c.storage, "persistent");
	ck_assert_int_eq(c.max_retention, 2629800);
	/* An empty assignment resets to the default. */
	jd_apply(&c, "[Journal]\nStorage=\nMaxRetentionSec=\n", 35);
	ck_assert_str_eq(c.storage, "auto");
	ck_assert_int_eq(c.max_retention, 0);
}
END_TEST

START_TEST(jd_spans)
{
	static const struct {
		const char *s;
		long long v;
	} ok[] = {
		{ "3600", 3600 }, { "90d", 90 * 86400 }, { "2weeks", 14 * 86400 },
		{ "1w 2d", 9 * 86400 }, { "6h30min", 6 * 3600 + 1800 },
		{ "1y", 31557600 }, { "1 month", 2629800 }, { "5m", 300 },
		{ "1M", 2629800 }, { "10s 500ms", 10 }, { "1.5h", 3600 },
	};
	long long v;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ck_assert_msg(jd_timespan(ok[i].s, &v) == 0, "%s refused", ok[i].s);
		ck_assert_msg(v == ok[i].v, "%s: %lld", ok[i].s, v);
	}
	ck_assert_int_eq(jd_timespan("", &v), -EINVAL);
	ck_assert_int_eq(jd_timespan("soon", &v), -EINVAL);
	ck_assert_int_eq(jd_timespan("3 fortnights", &v), -EINVAL);
	/* overflow is refused, as journald does (it was undefined behaviour) */
	ck_assert_int_eq(jd_timespan("99999999999999999999d", &v), -EINVAL);
	ck_assert_int_eq(jd_timespan("9223372036854775807 9223372036854775807", &v), -EINVAL);
	ck_assert_int_eq(jd_timespan("99999999999999999999", &v), -EINVAL);
	ck_assert_int_eq(jd_timespan("106751991167301d", &v), -EINVAL);
	/* the largest span that fits is still one */
	ck_assert_int_eq(jd_timespan("106751991167300d", &v), 0);
	ck_assert(v == 106751991167300LL * 86400);
}
END_TEST

static void
jh_put64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

START_TEST(jh_header)
{
	unsigned char buf[JH_HEADER_SIZE];
	uint64_t t;

	memset(buf, 0, sizeof(buf));
	memcpy(buf, "LPKSHHRH", 8);
	jh_put64(buf + 152, 1234);	/* n_entries */
	jh_put64(buf + 184, 1767225600123456ull);	/* head_entry_realtime */
	jh_put64(buf + 192, 1767312000000000ull);	/* tail: not the oldest */
	ck_assert_int_eq(jh_head_realtime(buf, sizeof(buf), &t), 0);
	ck_assert_uint_eq(t, 1767225600123456ull);
	jh_put64(buf + 152, 0);
	ck_assert_int_eq(jh_head_realtime(buf, sizeof(buf), &t), -ENODATA);
	buf[0] = 'X';
	ck_assert_int_eq(jh_head_realtime(buf, sizeof(buf), &t), -EINVAL);
	ck_assert_int_eq(jh_head_realtime(buf, 100, &t), -EINVAL);
}
END_TEST

struct sl_collect {
	char text[1024];
};

static void
sl_cb(void *user, const char *path)
{
	struct sl_collect *c = user;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%s;", path);
}

START_TEST(sl_rsyslog)
{
	static const char conf[] =
	    "module(load=\"imuxsock\")\n$FileOwner root\n"
	    "*.*;auth,authpriv.none\t\t-/var/log/syslog\n"
	    "auth,authpriv.*\t\t\t/var/log/auth.log;RSYSLOG_FileFormat\n"
	    "# kern.*  /var/log/kern.log\n"
	    "mail.*  @@logs.example.com:514\n"
	    "*.emerg  :omusrmsg:*\n"
	    "local0.* action(type=\"omfile\" file=\"/var/log/app.log\")\n"
	    "local1.* action(type=\"omfwd\" target=\"x\" file=\"/nope\")\n"
	    "#local2.* action(type=\"omfile\" file=\"/var/log/commented.log\")\n"
	    "local3.* action(type=\"omfile\" dynaFile=\"tpl\")\n";
	struct sl_collect c;

	memset(&c, 0, sizeof(c));
	sl_rsyslog_files(conf, strlen(conf), sl_cb, &c);
	ck_assert_str_eq(c.text, "/var/log/syslog;/var/log/auth.log;/var/log/app.log;");
}
END_TEST

START_TEST(sl_syslogng)
{
	static const char conf[] =
	    "destination d_auth { file(\"/var/log/auth.log\"); };\n"
	    "destination d_syslog { file( \"/var/log/syslog\" template(t)); };\n"
	    "# destination d_old { file(\"/var/log/old.log\"); };\n"
	    "destination d_host { file(\"/var/log/hosts/$HOST.log\"); };\n"
	    "destination d_pipe { pipe-file(\"/dev/x\"); logfile(\"/y\"); };\n";
	struct sl_collect c;

	memset(&c, 0, sizeof(c));
	sl_syslogng_files(conf, strlen(conf), sl_cb, &c);
	ck_assert_str_eq(c.text, "/var/log/auth.log;/var/log/syslog;");
}
END_TEST

START_TEST(sl_forwarding)
{
	static const char rs[] =
	    "*.* @@logs.example.jp:6514\nauth.* @10.0.0.5\n# *.* @@old:514\n"
	    "*.* action(type=\"omfwd\" target=\"logs\" port=\"514\")\n"
	    "mail.* -/var/log/mail.log\n*.emerg :omusrmsg:*\n";
	static const char ng[] =
	    "source s_net { network(port(514)); };\n"
	    "destination d_remote { network(\"logs.example.jp\" port(6514)); };\n"
	    "destination d_old {\n  udp(\"10.0.0.5\");\n};\n"
	    "# destination d_x { tcp(\"x\"); };\n"
	    "destination d_file { file(\"/var/log/messages\"); };\n";

	ck_assert_int_eq(sl_rsyslog_forwards(rs, strlen(rs)), 3);
	ck_assert_int_eq(sl_rsyslog_forwards("*.* /var/log/syslog\n", 20), 0);
	ck_assert_int_eq(sl_syslogng_forwards(ng, strlen(ng)), 2);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("logging");
	TCase *tc = tcase_create("parsers");

	tcase_add_test(tc, lr_stanzas);
	tcase_add_test(tc, lr_errors_and_defaults);
	tcase_add_test(tc, lr_huge_counts);
	tcase_add_test(tc, jd_config);
	tcase_add_test(tc, jd_spans);
	tcase_add_test(tc, jh_header);
	tcase_add_test(tc, sl_rsyslog);
	tcase_add_test(tc, sl_syslogng);
	tcase_add_test(tc, sl_forwarding);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
