/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/keyfile.h"
#include "journal.h"

void
jd_init(struct jd_conf *c)
{
	memset(c, 0, sizeof(*c));
	strcpy(c->storage, "auto");
}

static void
jd_copy(char *dst, size_t size, const char *v)
{
	size_t n = strlen(v);

	if (n >= size)
		n = size - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static int
jd_key(void *user, const char *section, const char *key, const char *value,
    unsigned int line)
{
	struct jd_conf *c = user;
	long long t;

	(void)line;
	if (strcmp(section, "Journal") != 0)
		return 0;
	if (strcmp(key, "Storage") == 0)
		jd_copy(c->storage, sizeof(c->storage), value[0] != '\0' ? value :
		    "auto");
	else if (strcmp(key, "MaxRetentionSec") == 0)
		c->max_retention = value[0] != '\0' && jd_timespan(value, &t) == 0 ?
		    t : 0;
	else if (strcmp(key, "SystemMaxUse") == 0)
		jd_copy(c->system_max_use, sizeof(c->system_max_use), value);
	return 0;
}

void
jd_apply(struct jd_conf *c, const char *data, size_t len)
{
	kf_parse(data, len, jd_key, c);
}

int
jd_timespan(const char *s, long long *ret)
{
	static const struct {
		const char *unit;
		long long sec;
	} units[] = {
		/* longest first so that "min" is not read as "m" + "in" */
		{ "seconds", 1 }, { "second", 1 }, { "minutes", 60 },
		{ "minute", 60 }, { "months", 2629800 }, { "month", 2629800 },
		{ "hours", 3600 }, { "hour", 3600 }, { "weeks", 604800 },
		{ "week", 604800 }, { "years", 31557600 }, { "year", 31557600 },
		{ "days", 86400 }, { "day", 86400 }, { "msec", 0 }, { "usec", 0 },
		{ "sec", 1 }, { "min", 60 }, { "hr", 3600 }, { "ms", 0 },
		{ "us", 0 }, { "s", 1 }, { "m", 60 }, { "h", 3600 }, { "d", 86400 },
		{ "w", 604800 }, { "M", 2629800 }, { "y", 31557600 },
	};
	long long total = 0, v;
	const char *p = s;
	char *end;
	size_t i, n;
	int any = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (*p < '0' || *p > '9')
			return -EINVAL;
		errno = 0;
		v = strtoll(p, &end, 10);
		if (errno == ERANGE)
			return -EINVAL;
		p = end;
		if (*p == '.') {	/* fractions do not matter at this scale */
			p++;
			while (*p >= '0' && *p <= '9')
				p++;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			n = strlen(units[i].unit);
			if (strncmp(p, units[i].unit, n) == 0 &&
			    !((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z')))
				break;
		}
		/* journald refuses a span that overflows; so does this (a
		 * signed overflow here was undefined behaviour) */
		if (i < sizeof(units) / sizeof(units[0])) {
			p += strlen(units[i].unit);
			if (__builtin_mul_overflow(v, units[i].sec, &v) ||
			    __builtin_add_overflow(total, v, &total))
				return -EINVAL;
		} else if (*p == '\0' || *p == ' ') {
			/* a bare number is seconds */
			if (__builtin_add_overflow(total, v, &total))
				return -EINVAL;
		} else
			return -EINVAL;
		any = 1;
	}
	if (!any)
		return -EINVAL;
	*ret = total;
	return 0;
}

static uint64_t
jh_le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

int
jh_head_realtime(const unsigned char *buf, size_t len, uint64_t *ret_usec)
{
	if (len < JH_HEADER_SIZE || memcmp(buf, "LPKSHHRH", 8) != 0)
		return -EINVAL;
	/* n_entries at 152, head_entry_realtime at 184 (little-endian). */
	if (jh_le64(buf + 152) == 0 || jh_le64(buf + 184) == 0)
		return -ENODATA;
	*ret_usec = jh_le64(buf + 184);
	return 0;
}
