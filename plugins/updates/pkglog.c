/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../lib/hostfiles.h"
#include "pkglog.h"

static void
pl_note(struct pl_scan *s, time_t t, int upgrade)
{
	if (s->first == 0 || t < s->first)
		s->first = t;
	if (upgrade) {
		s->upgrades++;
		if (t > s->last_upgrade)
			s->last_upgrade = t;
	}
}

static int
pl_fields(const char *line, size_t n, struct tm *tm, int *consumed)
{
	char buf[32];

	if (n < 19)
		return -1;
	memcpy(buf, line, 19);
	buf[19] = '\0';
	memset(tm, 0, sizeof(*tm));
	*consumed = 0;
	if (sscanf(buf, "%4d-%2d-%2d%*1[ T]%2d:%2d:%2d%n", &tm->tm_year,
	    &tm->tm_mon, &tm->tm_mday, &tm->tm_hour, &tm->tm_min, &tm->tm_sec,
	    consumed) != 6 || *consumed != 19)
		return -1;
	if (tm->tm_mon < 1 || tm->tm_mon > 12 || tm->tm_mday < 1 ||
	    tm->tm_mday > 31 || tm->tm_hour > 23 || tm->tm_min > 59 ||
	    tm->tm_sec > 60)
		return -1;
	tm->tm_year -= 1900;
	tm->tm_mon -= 1;
	return 0;
}

void
pl_dpkg_scan(const char *data, size_t len, struct pl_scan *s)
{
	struct hf_lines it;
	const char *line;
	struct tm tm;
	size_t n;
	int used;
	time_t t;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		if (pl_fields(line, n, &tm, &used) < 0 || line[10] != ' ')
			continue;
		/* dpkg writes local time: read it as the local zone. */
		tm.tm_isdst = -1;
		t = mktime(&tm);
		if (t == (time_t)-1)
			continue;
		pl_note(s, t, n > 28 && memcmp(line + 19, " upgrade ", 9) == 0);
	}
}

void
pl_dnf_scan(const char *data, size_t len, struct pl_scan *s)
{
	struct hf_lines it;
	const char *line, *z;
	struct tm tm;
	size_t n, rest;
	int used, oh, om;
	long off = 0;
	time_t t;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		if (pl_fields(line, n, &tm, &used) < 0 || line[10] != 'T')
			continue;
		z = line + 19;
		rest = n - 19;
		off = 0;
		if (rest >= 1 && *z == 'Z') {
			z++;
			rest--;
		} else if (rest >= 5 && (*z == '+' || *z == '-') &&
		    sscanf(z + 1, "%2d%2d", &oh, &om) == 2) {
			off = (oh * 3600L + om * 60L) * (*z == '-' ? -1 : 1);
			z += 5;
			rest -= 5;
		} else
			continue;
		t = timegm(&tm) - off;
		pl_note(s, t, memmem(z, rest, " Upgrade: ", 10) != NULL ||
		    memmem(z, rest, " Upgraded: ", 11) != NULL);
	}
}
