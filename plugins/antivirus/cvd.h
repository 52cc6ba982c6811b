/* SPDX-License-Identifier: MIT */
/*
 * The 512-byte ASCII header of a ClamAV signature database (.cvd, .cld):
 * "ClamAV-VDB:BUILD TIME:VERSION:SIGNATURES:LEVEL:MD5:DSIG:BUILDER:STIME"
 * padded with blanks.  BUILD TIME reads "16 Mar 2016 23-17 +0000" (a "-"
 * where the colon would clash with the separator); STIME, when present,
 * is the same moment in seconds since the epoch.
 */
#ifndef SA_CVD_H
#define SA_CVD_H

#include <stddef.h>
#include <time.h>

#define CVD_HEADER_SIZE 512

struct cvd_header {
	time_t built;		/* 0 if neither time field parses */
	unsigned long version;
	unsigned long signatures;
	unsigned int level;	/* functionality level */
	char builder[64];
};

/* Returns 0, or -EINVAL when buf is not a database header. */
int cvd_parse(const char *buf, size_t len, struct cvd_header *ret);

/* "16 Mar 2016 23-17 +0000" -> epoch seconds; -EINVAL if malformed. */
int cvd_parse_time(const char *s, size_t len, time_t *ret);

#endif /* SA_CVD_H */
