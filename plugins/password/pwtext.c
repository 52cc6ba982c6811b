/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "pwtext.h"

#define L PWT_LOWER
#define U PWT_UPPER
#define D PWT_DIGIT
#define S PWT_SYMBOL
#define W PWT_SPACE
#define O PWT_OTHER
#define O16 O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O
const unsigned char pwt_class_of[256] = {
	/* controls count as symbols: they are neither letters nor digits */
	S, S, S, S, S, S, S, S, S, W, S, S, S, S, S, S,
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	W, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
	D, D, D, D, D, D, D, D, D, D, S, S, S, S, S, S,
	S, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, S, S, S, S, S,
	S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, S, S, S, S, S,
	O16, O16, O16, O16, O16, O16, O16, O16
};
#undef L
#undef U
#undef D
#undef S
#undef W
#undef O
#undef O16

const unsigned char pwt_fold_of[256] = {
#define R(a) a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7
	R(0x00), R(0x08), R(0x10), R(0x18),
	/*  sp    !    "    #    $    %    &    '  */
	' ', 'i', '"', '#', 's', '%', '&', '\'',
	'(', ')', '*', 't', ',', '-', '.', '/',
	/*  0    1    2    3    4    5    6    7  */
	'o', 'i', '2', 'e', 'a', 's', 'g', 't',
	'b', 'g', ':', ';', '<', '=', '>', '?',
	'a', 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'i', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', '[', '\\', ']', '^', '_',
	'`', 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'i', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', '{', 'i', '}', '~', 0x7f,
	R(0x80), R(0x88), R(0x90), R(0x98), R(0xa0), R(0xa8), R(0xb0), R(0xb8),
	R(0xc0), R(0xc8), R(0xd0), R(0xd8), R(0xe0), R(0xe8), R(0xf0), R(0xf8)
#undef R
};

/* Length of the UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t
pwt_seq(const unsigned char *p, size_t n)
{
	uint32_t cp;
	size_t k, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		k = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		k = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		k = 4, cp = p[0] & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return k;
}

int
pwt_utf8_valid(const char *s, size_t n, size_t *ret_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] == 0)
			goto bad;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = pwt_seq(p + i, n - i)) == 0)
			goto bad;
		i += k;
	}
	return 1;
bad:
	if (ret_offset != NULL)
		*ret_offset = i;
	return 0;
}

size_t
pwt_utf8_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	return chars;
}

size_t
pwt_narrow(char *s, size_t n)
{
	unsigned char *p = (unsigned char *)s;
	size_t i = 0, o = 0;
	uint32_t cp;

	while (i < n) {
		/* U+FF01..U+FF3F: EF BC 81..BF; U+FF40..U+FF5E: EF BD 80..9E */
		if (i + 2 < n && p[i] == 0xef && (p[i + 1] == 0xbc || p[i + 1] == 0xbd)) {
			cp = 0xff00 | (uint32_t)(p[i + 1] & 0x03) << 6 | (p[i + 2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				p[o++] = (unsigned char)(cp - 0xff01 + 0x21);
				i += 3;
				continue;
			}
		}
		if (i + 2 < n && p[i] == 0xe3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
			p[o++] = ' ';
			i += 3;
			continue;
		}
		p[o++] = p[i++];
	}
	return o;
}

void
pwt_fold(const char *src, size_t n, char *dst)
{
	size_t i;

	for (i = 0; i < n; i++)
		dst[i] = (char)pwt_fold_of[(unsigned char)src[i]];
}

static const char *const pwt_severities[] = {
	[SA_SEV_INFO] = "info",
	[SA_SEV_LOW] = "low",
	[SA_SEV_MEDIUM] = "medium",
	[SA_SEV_HIGH] = "high",
	[SA_SEV_CRITICAL] = "critical",
};

int
pwt_severity(const char *name)
{
	int i;

	for (i = SA_SEV_INFO; i <= SA_SEV_CRITICAL; i++)
		if (strcmp(name, pwt_severities[i]) == 0)
			return i;
	return -1;
}

const char *
pwt_severity_name(int severity)
{
	return severity >= SA_SEV_INFO && severity <= SA_SEV_CRITICAL ?
	    pwt_severities[severity] : "?";
}

unsigned char pwt_key_steps[128][128];

void
pwt_init(void)
{
	static const char *const rows[] = {
		"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"
	};
	static const char shifted[] = "!@#$%^&*()";
	signed char row[128], col[128];
	int r, c, a, b, dr, dc;

	memset(row, -1, sizeof(row));
	memset(col, 0, sizeof(col));
	for (r = 0; r < 4; r++)
		for (c = 0; rows[r][c] != '\0'; c++) {
			a = (unsigned char)rows[r][c];
			row[a] = (signed char)r;
			col[a] = (signed char)c;
			if (a >= 'a' && a <= 'z') {
				row[a - 32] = (signed char)r;
				col[a - 32] = (signed char)c;
			}
		}
	for (c = 0; shifted[c] != '\0'; c++) {
		row[(unsigned char)shifted[c]] = 0;
		col[(unsigned char)shifted[c]] = (signed char)c;
	}
	memset(pwt_key_steps, 0, sizeof(pwt_key_steps));
	for (a = 0; a < 128; a++)
		for (b = 0; b < 128; b++) {
			if (row[a] < 0 || row[b] < 0 ||
			    (row[a] == row[b] && col[a] == col[b]))
				continue;
			/* along the digits is a sequence (1234), not a walk */
			if (a >= '0' && a <= '9' && b >= '0' && b <= '9')
				continue;
			dr = row[b] - row[a];
			dc = col[b] - col[a];
			/* neighbours, or the end of a column to the next one:
			 * z -> 2 and z -> w (1qaz2wsx), 1 -> x (zaq1xsw2) */
			if ((dr >= -1 && dr <= 1 && dc >= -1 && dc <= 1) ||
			    ((dc == 1 || dc == -1) && (dr < -1 || dr > 1)))
				pwt_key_steps[a][b] = (unsigned char)(dc + 2);
		}
}
