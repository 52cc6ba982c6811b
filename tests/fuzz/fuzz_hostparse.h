/* SPDX-License-Identifier: MIT */
/*
 * Shared by the harnesses of the host-evidence plugins' parsers: the
 * first byte of an input picks the parser (modulo their number), the
 * rest is its text, and fzp_str gives a NUL-terminated copy for parsers
 * that take a C string.
 */
#ifndef FUZZ_HOSTPARSE_H
#define FUZZ_HOSTPARSE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated copy of data[0..len) (NUL bytes inside stay). */
static inline char *
fzp_str(const uint8_t *data, size_t len)
{
	char *s = malloc(len + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

/* A string field of a parser's result must end inside its array. */
#define FZP_TERMINATED(arr) \
	do { \
		if (memchr((arr), '\0', sizeof(arr)) == NULL) \
			abort(); \
	} while (0)

#endif /* FUZZ_HOSTPARSE_H */
