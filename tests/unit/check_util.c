/* SPDX-License-Identifier: MIT */
/* util: the unit parsers, UTF-8, display width, string set, file reading. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "unit.h"

#define BAD (-1)		/* the parser must refuse the input */

static const struct {
	const char *in;
	int64_t want;		/* seconds, or BAD */
} duration_cases[] = {
	{ "0", 0 }, { "90", 90 }, { "90s", 90 }, { "30m", 1800 },
	{ "26h", 93600 }, { "2d", 172800 }, { "1w", 604800 },
	{ "9223372036854775807", INT64_MAX }, { "9223372036854775807s", INT64_MAX },
	{ "", BAD }, { "s", BAD }, { "-5", BAD }, { "+5", BAD }, { " 5", BAD },
	{ "5 ", BAD }, { "5 s", BAD }, { "5ss", BAD }, { "5x", BAD }, { "5S", BAD },
	{ "1.5h", BAD }, { "0x10", BAD }, { "soon", BAD },
	{ "9223372036854775808", BAD }, { "9223372036854775807m", BAD },
	{ "153722867280912931m", BAD }, { "99999999999999999999", BAD },
};

START_TEST(test_duration)
{
	int64_t v = -42;
	int r = ut_parse_duration(duration_cases[_i].in, &v);

	if (duration_cases[_i].want == BAD) {
		ck_assert_msg(r == -EINVAL, "\"%s\" accepted as %lld",
		    duration_cases[_i].in, (long long)v);
		ck_assert_int_eq(v, -42);	/* nothing stored */
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", duration_cases[_i].in);
		ck_assert_int_eq(v, duration_cases[_i].want);
	}
}
END_TEST

static const struct {
	const char *in;
	int64_t want;
} size_cases[] = {
	{ "0", 0 }, { "512", 512 }, { "1k", 1024 }, { "1K", 1024 },
	{ "10M", 10485760 }, { "10m", 10485760 }, { "2G", 2147483648LL },
	{ "2g", 2147483648LL }, { "1T", 1099511627776LL }, { "1t", 1099511627776LL },
	{ "8388607T", 8388607LL << 40 },
	{ "", BAD }, { "k", BAD }, { "1E", BAD }, { "1P", BAD }, { "1kb", BAD },
	{ "1KiB", BAD }, { "-1k", BAD }, { "1 k", BAD }, { "8388608T", BAD },
	{ "1.5G", BAD },
};

START_TEST(test_size)
{
	int64_t v = -42;
	int r = ut_parse_size(size_cases[_i].in, &v);

	if (size_cases[_i].want == BAD) {
		ck_assert_msg(r == -EINVAL, "\"%s\" accepted as %lld",
		    size_cases[_i].in, (long long)v);
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", size_cases[_i].in);
		ck_assert_int_eq(v, size_cases[_i].want);
	}
}
END_TEST

static const struct {
	const char *in;
	int want;		/* 1, 0 or BAD */
} bool_cases[] = {
	{ "yes", 1 }, { "YES", 1 }, { "true", 1 }, { "True", 1 }, { "on", 1 },
	{ "1", 1 }, { "no", 0 }, { "No", 0 }, { "false", 0 }, { "OFF", 0 },
	{ "0", 0 }, { "", BAD }, { "y", BAD }, { "n", BAD }, { "2", BAD },
	{ "yes ", BAD }, { " no", BAD }, { "enabled", BAD }, { "-1", BAD },
};

START_TEST(test_bool)
{
	int v = 42;
	int r = ut_parse_bool(bool_cases[_i].in, &v);

	if (bool_cases[_i].want == BAD) {
		ck_assert_msg(r == -EINVAL, "\"%s\" accepted", bool_cases[_i].in);
		ck_assert_int_eq(v, 42);
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", bool_cases[_i].in);
		ck_assert_int_eq(v, bool_cases[_i].want);
	}
}
END_TEST

static const struct {
	const char *in;
	int ok;
	long long want;
} int_cases[] = {
	{ "0", 1, 0 }, { "42", 1, 42 }, { "-7", 1, -7 }, { "+7", 1, 7 },
	{ "-0", 1, 0 }, { "007", 1, 7 },
	{ "9223372036854775807", 1, INT64_MAX },
	{ "-9223372036854775808", 1, INT64_MIN },
	{ "9223372036854775808", 0, 0 }, { "-9223372036854775809", 0, 0 },
	{ "", 0, 0 }, { " 1", 0, 0 }, { "1 ", 0, 0 }, { "1e3", 0, 0 },
	{ "0x10", 0, 0 }, { "+", 0, 0 }, { "-", 0, 0 }, { "1.0", 0, 0 },
	{ "\t1", 0, 0 }, { "one", 0, 0 },
};

START_TEST(test_int)
{
	long long v = 42;
	int r = ut_parse_int(int_cases[_i].in, &v);

	if (!int_cases[_i].ok) {
		ck_assert_msg(r == -EINVAL, "\"%s\" accepted as %lld",
		    int_cases[_i].in, v);
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", int_cases[_i].in);
		ck_assert_int_eq(v, int_cases[_i].want);
	}
}
END_TEST

/*
 * Times: UTC forms checked against fixed epochs; local forms under a
 * fixed POSIX zone (JST-9, no tz database needed).
 */
static const struct {
	const char *in;
	int ok;
	int64_t want;
} time_cases[] = {
	{ "2026-11-26T00:00:00Z", 1, 1795651200 },
	{ "2026-11-26Z", 1, 1795651200 },
	{ "2026-11-26T09:30Z", 1, 1795685400 },
	{ "2026-11-26 09:30:15Z", 1, 1795685415 },
	{ "2026-11-26T09:30:00+09:00", 1, 1795653000 },
	{ "2026-11-26T09:30:00+0900", 1, 1795653000 },
	{ "2026-11-26T09:30:00-05:30", 1, 1795685400 + 19800 },
	{ "2026-11-26T09:30:00+00:00", 1, 1795685400 },
	{ "2024-02-29T00:00:00Z", 1, 1709164800 },
	{ "1970-01-01T00:00:00Z", 1, 0 },
	{ "1969-12-31T23:59:59Z", 1, -1 },
	{ "2026-11-26", 1, 1795618800 },	/* local midnight, JST */
	{ "2026-11-26T09:30", 1, 1795653000 },
	{ "@0", 1, 0 }, { "@1795651200", 1, 1795651200 }, { "@-86400", 1, -86400 },
	{ "@", 0, 0 }, { "@x", 0, 0 }, { "@1.5", 0, 0 }, { "@ 5", 0, 0 },
	{ "", 0, 0 }, { "2026", 0, 0 }, { "2026-11", 0, 0 }, { "26-11-26", 0, 0 },
	{ "2026-1-26", 0, 0 }, { "2026-11-26T9:30", 0, 0 }, { "2026-11-26T", 0, 0 },
	{ "2026-11-26X09:30", 0, 0 }, { "2026-13-01", 0, 0 }, { "2026-00-10", 0, 0 },
	{ "2026-11-00", 0, 0 }, { "2026-11-32", 0, 0 }, { "2026-11-26T24:00", 0, 0 },
	{ "2026-11-26T23:60", 0, 0 }, { "2026-11-26T23:59:61", 0, 0 },
	{ "2026-11-26T09:30:00+9", 0, 0 }, { "2026-11-26T09:30:00+09:0", 0, 0 },
	{ "2026-11-26T09:30:00ZZ", 0, 0 }, { "2026-11-26 ", 0, 0 },
	{ "yesterday", 0, 0 },
	/* dates and offsets that do not exist */
	{ "2026-02-29", 0, 0 }, { "2026-02-30T00:00Z", 0, 0 }, { "2026-04-31", 0, 0 },
	{ "2100-02-29", 0, 0 }, { "2026-11-26T09:30:00+24:00", 0, 0 },
	{ "2026-11-26T09:30:00+09:60", 0, 0 },
};

START_TEST(test_time)
{
	int64_t v = 42;
	int r;

	setenv("TZ", "JST-9", 1);
	tzset();
	r = ut_parse_time(time_cases[_i].in, &v);
	if (!time_cases[_i].ok) {
		ck_assert_msg(r == -EINVAL, "\"%s\" accepted as %lld",
		    time_cases[_i].in, (long long)v);
	} else {
		ck_assert_msg(r == 0, "\"%s\" refused", time_cases[_i].in);
		ck_assert_msg(v == time_cases[_i].want, "\"%s\": %lld, want %lld",
		    time_cases[_i].in, (long long)v, (long long)time_cases[_i].want);
	}
}
END_TEST

START_TEST(test_format_time)
{
	char buf[32];

	ut_format_time_utc(1795685415, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2026-11-26T09:30:15Z");
	ut_format_time_utc(0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1970-01-01T00:00:00Z");
}
END_TEST

static const struct {
	const char *bytes;
	size_t n;
	size_t want;		/* sequence length, 0 invalid */
} utf8_cases[] = {
	{ "a", 1, 1 }, { "\x7f", 1, 1 },
	{ "\xc3\xa9", 2, 2 },			/* é */
	{ "\xe3\x81\x82", 3, 3 },		/* あ */
	{ "\xf0\x9f\x98\x80", 4, 4 },		/* U+1F600 */
	{ "\xf4\x8f\xbf\xbf", 4, 4 },		/* U+10FFFF */
	{ "\xee\x80\x80", 3, 3 },		/* U+E000, after the surrogates */
	{ "\xed\x9f\xbf", 3, 3 },		/* U+D7FF, before them */
	{ "\x80", 1, 0 },			/* lone continuation */
	{ "\xbf", 1, 0 },
	{ "\xc0\x80", 2, 0 },			/* overlong NUL */
	{ "\xc1\xbf", 2, 0 },			/* overlong */
	{ "\xe0\x80\xaf", 3, 0 },		/* overlong '/' */
	{ "\xe0\x9f\xbf", 3, 0 },		/* overlong U+07FF */
	{ "\xf0\x80\x80\xaf", 4, 0 },		/* overlong '/' */
	{ "\xf0\x8f\xbf\xbf", 4, 0 },		/* overlong U+FFFF */
	{ "\xed\xa0\x80", 3, 0 },		/* U+D800 surrogate */
	{ "\xed\xbf\xbf", 3, 0 },		/* U+DFFF surrogate */
	{ "\xf4\x90\x80\x80", 4, 0 },		/* U+110000 */
	{ "\xf5\x80\x80\x80", 4, 0 },
	{ "\xff", 1, 0 }, { "\xfe", 1, 0 },
	{ "\xe3\x81", 2, 0 },			/* truncated */
	{ "\xe3\x81\x82", 2, 0 },		/* n cuts it */
	{ "\xe3\x41\x82", 3, 0 },		/* bad continuation */
	{ "\xc3", 1, 0 },
	{ "", 0, 0 },
};

START_TEST(test_utf8_seq)
{
	size_t got = ut_utf8_seq((const unsigned char *)utf8_cases[_i].bytes,
	    utf8_cases[_i].n);

	ck_assert_msg(got == utf8_cases[_i].want, "case %d: %zu, want %zu",
	    _i, got, utf8_cases[_i].want);
}
END_TEST

START_TEST(test_utf8_valid)
{
	size_t off = 99;

	ck_assert_int_eq(ut_utf8_valid("", 0, &off), 1);
	ck_assert_int_eq(ut_utf8_valid("plain ascii", 11, &off), 1);
	ck_assert_int_eq(ut_utf8_valid("日本語 text", 14, &off), 1);
	ck_assert_int_eq(ut_utf8_valid("ab\xff" "cd", 5, &off), 0);
	ck_assert_uint_eq(off, 2);
	ck_assert_int_eq(ut_utf8_valid("日\xe6\x9c", 5, &off), 0);
	ck_assert_uint_eq(off, 3);
	ck_assert_int_eq(ut_utf8_valid("ab\0cd", 5, &off), 0);
	ck_assert_uint_eq(off, 2);
	ck_assert_int_eq(ut_utf8_valid("x\xed\xa0\x80", 4, &off), 0);
	ck_assert_uint_eq(off, 1);
	ck_assert_int_eq(ut_utf8_valid("x\xc0\xaf", 3, NULL), 0);
}
END_TEST

static const struct {
	const char *s;
	size_t want;
} width_cases[] = {
	{ "", 0 }, { "abc", 3 }, { "あい", 4 }, { "日本語abc", 9 },
	{ "基本的対策", 10 }, { "ｱｲ", 2 },	/* halfwidth katakana */
	{ "ＡＢ", 4 },				/* fullwidth latin */
	{ "é", 1 }, { "\xf0\x9f\x98\x80", 2 }, { "한국", 4 },
	{ "a\xff" "b", 3 },			/* a broken byte takes one column */
	{ "\xe3\x81", 2 },
};

START_TEST(test_display_width)
{
	ck_assert_uint_eq(ut_display_width(width_cases[_i].s), width_cases[_i].want);
}
END_TEST

START_TEST(test_trim)
{
	char a[] = "  \t x y \t ", b[] = "", c[] = "   ", d[] = "z";

	ck_assert_str_eq(ut_trim(a), "x y");
	ck_assert_str_eq(ut_trim(b), "");
	ck_assert_str_eq(ut_trim(c), "");
	ck_assert_str_eq(ut_trim(d), "z");
	ck_assert(ut_streq_ci("CoRe", "core"));
	ck_assert(!ut_streq_ci("core", "cores"));
}
END_TEST

START_TEST(test_strset)
{
	struct strset ss;
	char key[32];
	int i;

	ss_init(&ss);
	ck_assert(!ss_has(&ss, "a"));
	ck_assert_int_eq(ss_add(&ss, "a"), 1);
	ck_assert_int_eq(ss_add(&ss, "a"), 0);
	ck_assert_int_eq(ss_add(&ss, ""), 1);
	ck_assert_int_eq(ss_add(&ss, ""), 0);
	ck_assert(ss_has(&ss, "a"));
	ck_assert(ss_has(&ss, ""));
	ck_assert(!ss_has(&ss, "A"));
	ck_assert_uint_eq(ss.count, 2);
	/* grow through several rehashes; every key stays findable */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "key-%d", i);
		ck_assert_int_eq(ss_add(&ss, key), 1);
	}
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "key-%d", i);
		ck_assert_msg(ss_has(&ss, key), "%s lost", key);
		ck_assert_int_eq(ss_add(&ss, key), 0);
	}
	ck_assert(!ss_has(&ss, "key-1000"));
	ck_assert_uint_eq(ss.count, 1002);
	ck_assert_uint_ge(ss.cap, 2 * ss.count);
	ss_free(&ss);
	ck_assert_uint_eq(ss.count, 0);
	ck_assert(!ss_has(&ss, "a"));
}
END_TEST

START_TEST(test_sbuf)
{
	struct sbuf sb;
	char *s, big[300];

	sb_init(&sb);
	s = sb_steal(&sb);
	ck_assert_str_eq(s, "");
	free(s);
	sb_adds(&sb, "ab");
	sb_addc(&sb, 'c');
	sb_add(&sb, "d\0e", 3);
	ck_assert_uint_eq(sb.len, 6);
	ck_assert_int_eq(memcmp(sb.data, "abcd\0e", 7), 0);
	sb_reset(&sb);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(sb.data, "");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sb_printf(&sb, "%s-%d", big, 42);
	ck_assert_uint_eq(sb.len, 302);
	ck_assert_str_eq(sb.data + 299, "-42");
	s = sb_steal(&sb);
	ck_assert_ptr_null(sb.data);
	ck_assert_uint_eq(strlen(s), 302);
	free(s);
	s = xasprintf("%s:%u", "f", 7u);
	ck_assert_str_eq(s, "f:7");
	free(s);
}
END_TEST

START_TEST(test_read_file)
{
	char *dir = unit_tmpdir(), *path, *data = NULL, *fifo, *big;
	size_t len = 0;
	int fd;

	path = unit_write(dir, "f", "hello\n");
	ck_assert_int_eq(ut_read_file(path, 100, &data, &len), 0);
	ck_assert_uint_eq(len, 6);
	ck_assert_str_eq(data, "hello\n");
	free(data);
	ck_assert_int_eq(ut_read_file(path, 5, &data, &len), -EFBIG);
	ck_assert_int_eq(ut_read_file(path, 6, &data, &len), 0);
	free(data);
	free(path);
	path = unit_write(dir, "empty", "");
	ck_assert_int_eq(ut_read_file(path, 0, &data, &len), 0);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(data, "");
	free(data);
	free(path);
	ck_assert_int_eq(ut_read_file(dir, 100, &data, &len), -EISDIR);
	path = xasprintf("%s/missing", dir);
	ck_assert_int_eq(ut_read_file(path, 100, &data, &len), -ENOENT);
	free(path);
	/* A FIFO nobody writes to is refused at once, never waited on. */
	fifo = xasprintf("%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(ut_read_file(fifo, 100, &data, &len), -EINVAL);
	free(fifo);
	ck_assert_int_eq(ut_read_file("/dev/zero", 100, &data, &len), -EINVAL);
	/* A sparse file over the limit is refused before it is read. */
	big = xasprintf("%s/big", dir);
	fd = open(big, O_WRONLY | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 1LL << 40), 0);
	close(fd);
	ck_assert_int_eq(ut_read_file(big, 1 << 20, &data, &len), -EFBIG);
	unlink(big);
	free(big);
	unit_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_fd_limit)
{
	int p[2];
	char *data = NULL;
	size_t len;

	/* A stream (no size to stat) stops at the limit too. */
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(write(p[1], "0123456789", 10), 10);
	close(p[1]);
	ck_assert_int_eq(ut_read_fd(p[0], 9, &data, &len), -EFBIG);
	close(p[0]);
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(write(p[1], "0123456789", 10), 10);
	close(p[1]);
	ck_assert_int_eq(ut_read_fd(p[0], 10, &data, &len), 0);
	ck_assert_uint_eq(len, 10);
	ck_assert_str_eq(data, "0123456789");
	free(data);
	close(p[0]);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc;

	tc = tcase_create("parsers");
	tcase_add_loop_test(tc, test_duration, 0, (int)UT_ARRAY_LEN(duration_cases));
	tcase_add_loop_test(tc, test_size, 0, (int)UT_ARRAY_LEN(size_cases));
	tcase_add_loop_test(tc, test_bool, 0, (int)UT_ARRAY_LEN(bool_cases));
	tcase_add_loop_test(tc, test_int, 0, (int)UT_ARRAY_LEN(int_cases));
	tcase_add_loop_test(tc, test_time, 0, (int)UT_ARRAY_LEN(time_cases));
	tcase_add_test(tc, test_format_time);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	tcase_add_loop_test(tc, test_utf8_seq, 0, (int)UT_ARRAY_LEN(utf8_cases));
	tcase_add_test(tc, test_utf8_valid);
	tcase_add_loop_test(tc, test_display_width, 0, (int)UT_ARRAY_LEN(width_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("strings");
	tcase_add_test(tc, test_trim);
	tcase_add_test(tc, test_strset);
	tcase_add_test(tc, test_sbuf);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_read_fd_limit);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
