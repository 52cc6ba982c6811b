/* SPDX-License-Identifier: MIT */
/*
 * Times and durations for evidence, and the ISO 8601 times tools write
 * into their state files.  Every time is UTC: a report must read the same
 * wherever it is printed.
 */
#ifndef TF_TIMEFMT_H
#define TF_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/*
 * t in UTC into buf, or "@SECONDS" when it cannot be (a time far outside
 * the calendar).  Each returns buf.
 */
/* "2025-02-26 10:00 UTC", for ages measured in days. */
const char *tf_stamp(time_t t, char *buf, size_t size);
/* "2025-02-26T10:00:00Z". */
const char *tf_iso(time_t t, char *buf, size_t size);
/* "2025-02-26". */
const char *tf_date(time_t t, char *buf, size_t size);

/* Whole days in an age (negative ages, clock skew, count as 0). */
long long tf_days(long long seconds);

/*
 * A configured limit as it would be written: the largest unit that
 * divides it, "3d", "26h", "40m", "20s".  Returns buf.
 */
const char *tf_limit(long long seconds, char *buf, size_t size);

/*
 * ISO 8601 / RFC 3339 extended format, the whole of (s, len):
 * "2026-01-02T03:04:05[.frac][Z|+09:00|+0900]" ('T' or a space between
 * date and time; no zone means UTC).  Returns 0 or -EINVAL.
 */
int tf_parse_iso(const char *s, size_t len, int64_t *ret);

/* ISO 8601 basic format, exactly "20260102T030405Z"; 0 or -EINVAL. */
int tf_parse_iso_basic(const char *s, size_t len, int64_t *ret);

#endif /* TF_TIMEFMT_H */
