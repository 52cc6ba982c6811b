/* SPDX-License-Identifier: MIT */
/* The antivirus plugin's ClamAV database header parser. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <time.h>

#include "unit.h"

#include "cvd.h"

static void
cvd_pad(char *buf, const char *text)
{
	memset(buf, ' ', CVD_HEADER_SIZE);
	memcpy(buf, text, strlen(text));
}

START_TEST(cvd_full_header)
{
	char buf[CVD_HEADER_SIZE];
	struct cvd_header h;

	cvd_pad(buf, "ClamAV-VDB:16 Apr 2020 07-58 -0400:25784:2267600:63:"
	    "92baacd59fd26e6bcf03077add78d209:4Jp9JtGJY6nUk8+/x3Uj:raynman:"
	    "1587038339");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), 0);
	ck_assert_uint_eq(h.version, 25784);
	ck_assert_uint_eq(h.signatures, 2267600);
	ck_assert_uint_eq(h.level, 63);
	ck_assert_str_eq(h.builder, "raynman");
	/* STIME wins; the text time says the same to the minute. */
	ck_assert_int_eq((long long)h.built, 1587038339LL);
}
END_TEST

START_TEST(cvd_text_time)
{
	char buf[CVD_HEADER_SIZE];
	struct cvd_header h;
	time_t t;

	/* No STIME (older builders): the text time, with its zone. */
	cvd_pad(buf, "ClamAV-VDB:16 Mar 2016 23-17 +0000:57:4218790:60:"
	    "06386f34a16ebeea2733ab037f0536be:");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), 0);
	ck_assert_int_eq((long long)h.built, 1458170220LL);	/* 2016-03-16 23:17 UTC */
	ck_assert_int_eq(cvd_parse_time("18 Feb 2026 09-30 +0900", 23, &t), 0);
	ck_assert_int_eq((long long)t, 1771374600LL);	/* 2026-02-18 00:30 UTC */
	ck_assert_int_eq(cvd_parse_time("01 Jan 2026 00-00 -0130", 23, &t), 0);
	ck_assert_int_eq((long long)t, 1767231000LL);	/* 2026-01-01 01:30 UTC */
	ck_assert_int_eq(cvd_parse_time("01 Foo 2026 00-00 +0000", 23, &t), -EINVAL);
	ck_assert_int_eq(cvd_parse_time("01 Jan 2026 25-00 +0000", 23, &t), -EINVAL);
	ck_assert_int_eq(cvd_parse_time("01 Jan 2026 00:00 +0000", 23, &t), -EINVAL);
	ck_assert_int_eq(cvd_parse_time("", 0, &t), -EINVAL);
}
END_TEST

START_TEST(cvd_bad_and_partial)
{
	char buf[CVD_HEADER_SIZE];
	struct cvd_header h;

	cvd_pad(buf, "ClamAV-Diff:50:4228877:");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), -EINVAL);
	cvd_pad(buf, "ClamAV-VDB:garbled");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), -EINVAL);
	cvd_pad(buf, "ClamAV-VDB:x:notanumber:1:2:");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), -EINVAL);
	/* A header cut short still gives what it has; no time means 0. */
	ck_assert_int_eq(cvd_parse("ClamAV-VDB:bad time:12:34", 26, &h), -EINVAL);
	ck_assert_int_eq(cvd_parse("ClamAV-VDB:bad time:12:34:5", 27, &h), 0);
	ck_assert_uint_eq(h.version, 12);
	ck_assert_int_eq((long long)h.built, 0);
	/* NULs end the header, and nothing past 512 bytes is read. */
	memset(buf, 0, sizeof(buf));
	strcpy(buf, "ClamAV-VDB:01 Jan 2026 00-00 +0000:1:2:3:m:s:b:");
	ck_assert_int_eq(cvd_parse(buf, sizeof(buf), &h), 0);
	ck_assert_int_eq((long long)h.built, 1767225600LL);
	ck_assert_int_eq(cvd_parse("ClamAV", 6, &h), -EINVAL);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("antivirus");
	TCase *tc = tcase_create("cvd");

	tcase_add_test(tc, cvd_full_header);
	tcase_add_test(tc, cvd_text_time);
	tcase_add_test(tc, cvd_bad_and_partial);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
