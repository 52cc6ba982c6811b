/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "timefmt.h"

enum tf_style { TF_STAMP, TF_ISO, TF_DATE };

static const char *
tf_utc(time_t t, enum tf_style style, char *buf, size_t size)
{
	struct tm tm;
	size_t n = 0;

	if (gmtime_r(&t, &tm) != NULL) {
		/* Literal patterns, so that the compiler checks each of them. */
		if (style == TF_STAMP)
			n = strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
		else if (style == TF_ISO)
			n = strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
		else
			n = strftime(buf, size, "%Y-%m-%d", &tm);
	}
	if (n == 0)
		snprintf(buf, size, "@%lld", (long long)t);
	return buf;
}

const char *
tf_stamp(time_t t, char *buf, size_t size)
{
	return tf_utc(t, TF_STAMP, buf, size);
}

const char *
tf_iso(time_t t, char *buf, size_t size)
{
	return tf_utc(t, TF_ISO, buf, size);
}

const char *
tf_date(time_t t, char *buf, size_t size)
{
	return tf_utc(t, TF_DATE, buf, size);
}

long long
tf_days(long long seconds)
{
	return seconds > 0 ? seconds / 86400 : 0;
}

const char *
tf_limit(long long s, char *buf, size_t size)
{
	if (s % 86400 == 0 && s != 0)
		snprintf(buf, size, "%lldd", s / 86400);
	else if (s % 3600 == 0 && s != 0)
		snprintf(buf, size, "%lldh", s / 3600);
	else if (s % 60 == 0 && s != 0)
		snprintf(buf, size, "%lldm", s / 60);
	else
		snprintf(buf, size, "%llds", s);
	return buf;
}

/* n decimal digits at *s; advances it. */
static int
tf_digits(const char **s, const char *end, int n, int *ret)
{
	int v = 0;

	while (n-- > 0) {
		if (*s >= end || !isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (**s - '0');
		(*s)++;
	}
	*ret = v;
	return 0;
}

static int
tf_epoch(int y, int mo, int d, int h, int mi, int sec, int64_t *ret)
{
	struct tm tm;

	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || sec > 60)
		return -EINVAL;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*ret = (int64_t)timegm(&tm);
	return 0;
}

int
tf_parse_iso(const char *s, size_t len, int64_t *ret)
{
	const char *end = s + len;
	int y, mo, d, h, mi, sec, oh, om, sign;
	int64_t t;

	if (tf_digits(&s, end, 4, &y) < 0 || s >= end || *s++ != '-' ||
	    tf_digits(&s, end, 2, &mo) < 0 || s >= end || *s++ != '-' ||
	    tf_digits(&s, end, 2, &d) < 0 || s >= end ||
	    (*s != 'T' && *s != ' ') || (s++, tf_digits(&s, end, 2, &h)) < 0 ||
	    s >= end || *s++ != ':' || tf_digits(&s, end, 2, &mi) < 0 ||
	    s >= end || *s++ != ':' || tf_digits(&s, end, 2, &sec) < 0)
		return -EINVAL;
	if (s < end && *s == '.') {
		s++;
		if (s >= end || !isdigit((unsigned char)*s))
			return -EINVAL;
		while (s < end && isdigit((unsigned char)*s))
			s++;
	}
	if (tf_epoch(y, mo, d, h, mi, sec, &t) < 0)
		return -EINVAL;
	if (s < end && (*s == 'Z' || *s == 'z'))
		s++;
	else if (s < end && (*s == '+' || *s == '-')) {
		sign = *s++ == '-' ? -1 : 1;
		if (tf_digits(&s, end, 2, &oh) < 0)
			return -EINVAL;
		if (s < end && *s == ':')
			s++;
		if (tf_digits(&s, end, 2, &om) < 0 || oh > 23 || om > 59)
			return -EINVAL;
		t -= sign * (int64_t)(oh * 3600 + om * 60);
	}
	if (s != end)
		return -EINVAL;
	*ret = t;
	return 0;
}

int
tf_parse_iso_basic(const char *s, size_t len, int64_t *ret)
{
	const char *end = s + len;
	int y, mo, d, h, mi, sec;

	if (len != 16 || tf_digits(&s, end, 4, &y) < 0 ||
	    tf_digits(&s, end, 2, &mo) < 0 || tf_digits(&s, end, 2, &d) < 0 ||
	    *s++ != 'T' || tf_digits(&s, end, 2, &h) < 0 ||
	    tf_digits(&s, end, 2, &mi) < 0 || tf_digits(&s, end, 2, &sec) < 0 ||
	    *s != 'Z')
		return -EINVAL;
	return tf_epoch(y, mo, d, h, mi, sec, ret);
}
