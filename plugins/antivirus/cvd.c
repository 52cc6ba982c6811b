/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cvd.h"

#define CVD_MAGIC "ClamAV-VDB:"

static int
cvd_number(const char *s, size_t len, unsigned long long *ret)
{
	unsigned long long v = 0;
	size_t i;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0 || len > 19)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	*ret = v;
	return 0;
}

int
cvd_parse_time(const char *s, size_t len, time_t *ret)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char buf[40], mon[4], *p;
	struct tm tm;
	const char *m;
	int day, year, hour, min, off;
	long offset;

	if (len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* "16 Mar 2016 23-17 +0000"; the zone may be missing in old files. */
	day = (int)strtol(buf, &p, 10);
	if (p == buf || *p++ != ' ' || strlen(p) < 3)
		return -EINVAL;
	memcpy(mon, p, 3);
	mon[3] = '\0';
	p += 3;
	m = strstr(months, mon);
	if (m == NULL || (m - months) % 3 != 0 || *p++ != ' ')
		return -EINVAL;
	year = (int)strtol(p, &p, 10);
	if (*p++ != ' ')
		return -EINVAL;
	hour = (int)strtol(p, &p, 10);
	if (*p++ != '-')
		return -EINVAL;
	min = (int)strtol(p, &p, 10);
	offset = 0;
	while (*p == ' ')
		p++;
	if (*p == '+' || *p == '-') {
		char sign = *p++;

		off = (int)strtol(p, &p, 10);
		offset = ((off / 100) * 3600L + (off % 100) * 60L) *
		    (sign == '-' ? -1 : 1);
	}
	while (*p == ' ')
		p++;
	if (*p != '\0' || day < 1 || day > 31 || year < 1990 || hour > 23 ||
	    min > 59 || hour < 0 || min < 0)
		return -EINVAL;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = (int)((m - months) / 3);
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	*ret = timegm(&tm) - offset;
	return 0;
}

int
cvd_parse(const char *buf, size_t len, struct cvd_header *ret)
{
	const char *field[9], *end;
	size_t flen[9], n = 0, magic = strlen(CVD_MAGIC);
	unsigned long long v;
	const char *p, *colon;
	time_t t;

	memset(ret, 0, sizeof(*ret));
	if (len > CVD_HEADER_SIZE)
		len = CVD_HEADER_SIZE;
	if (len < magic || memcmp(buf, CVD_MAGIC, magic) != 0)
		return -EINVAL;
	end = memchr(buf, '\0', len);
	if (end == NULL)
		end = buf + len;
	for (p = buf + magic; n < 9 && p <= end; p = colon + 1) {
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon == NULL)
			colon = end;
		field[n] = p;
		flen[n++] = (size_t)(colon - p);
		if (colon == end)
			break;
	}
	if (n < 4)
		return -EINVAL;
	if (cvd_number(field[1], flen[1], &v) < 0)
		return -EINVAL;
	ret->version = (unsigned long)v;
	if (cvd_number(field[2], flen[2], &v) == 0)
		ret->signatures = (unsigned long)v;
	if (cvd_number(field[3], flen[3], &v) == 0)
		ret->level = (unsigned int)v;
	if (n >= 7) {
		size_t b = flen[6] < sizeof(ret->builder) ? flen[6] :
		    sizeof(ret->builder) - 1;

		memcpy(ret->builder, field[6], b);
		ret->builder[b] = '\0';
	}
	/* STIME is exact; the text time only has minutes. */
	if (n >= 8 && cvd_number(field[7], flen[7], &v) == 0 && v > 0)
		ret->built = (time_t)v;
	else if (cvd_parse_time(field[0], flen[0], &t) == 0)
		ret->built = t;
	return 0;
}
