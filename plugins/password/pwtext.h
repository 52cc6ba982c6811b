/* SPDX-License-Identifier: MIT */
/*
 * Text helpers of the password plugin: UTF-8, the normal form every
 * password and word is compared in, and the hash of that form.
 *
 * Normal form ("folded"): ASCII letters lower-cased, and the leetspeak
 * digits and symbols mapped to the letter they stand for (4 and @ -> a,
 * 3 -> e, 0 -> o, 5 and $ -> s, ...).  1, !, | and the letter l all fold
 * to i, because "1" means i in "adm1n" and l in "he11o": folding both
 * sides of a comparison to one class makes either reading match.  The
 * fold maps one byte to one byte, so a folded string is as long as its
 * source and may be written over it.
 */
#ifndef PW_TEXT_H
#define PW_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Character classes of the rule conditions "requires" and "only". */
enum pwt_class {
	PWT_LOWER = 0x01,	/* a-z */
	PWT_UPPER = 0x02,	/* A-Z */
	PWT_DIGIT = 0x04,	/* 0-9 */
	PWT_SYMBOL = 0x08,	/* other printable ASCII */
	PWT_SPACE = 0x10,	/* space and tab */
	PWT_OTHER = 0x20	/* anything beyond ASCII (kana, kanji, accents) */
};

/* The class of an ASCII byte (bytes >= 0x80 are PWT_OTHER). */
extern const unsigned char pwt_class_of[256];
/* The fold of a byte; bytes >= 0x80 and controls fold to themselves. */
extern const unsigned char pwt_fold_of[256];

/*
 * 1 when s[0..n) is valid UTF-8 without NUL bytes; otherwise 0 and the
 * offset of the first bad byte in *ret_offset.
 */
int pwt_utf8_valid(const char *s, size_t n, size_t *ret_offset);
/* Characters (code points) of valid UTF-8. */
size_t pwt_utf8_chars(const char *s, size_t n);

/*
 * Rewrite fullwidth ASCII (U+FF01..U+FF5E, what a Japanese input method
 * types in zenkaku mode) and the ideographic space as plain ASCII, in
 * place.  Returns the new length.  "ｐａｓｓ" is as guessable as "pass".
 */
size_t pwt_narrow(char *s, size_t n);

/* Fold src[0..n) into dst (may be src). */
void pwt_fold(const char *src, size_t n, char *dst);

/*
 * A 64-bit hash of a folded word; never 0, which marks an empty slot.
 * Eight bytes per multiply: words are short, the loop runs 1-3 times.
 */
static inline uint64_t
pwt_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ (uint64_t)n, w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h != 0 ? h : 1;
}

/*
 * Is b next to a on a keyboard (US and JIS letter layout, shifted digits
 * as their digit), and which way?  0: not next to it; 1, 2, 3: one column
 * left, the same column, one column right.  Next to includes the
 * diagonals and the step from the end of one column to the next one,
 * which column walks (1qaz2wsx, zaq1xsw2) take.  Filled by pwt_init().
 */
extern unsigned char pwt_key_steps[128][128];
void pwt_init(void);

static inline int
pwt_key_step(unsigned char a, unsigned char b)
{
	return a < 128 && b < 128 ? pwt_key_steps[a][b] : 0;
}

/*
 * Does b follow a in alphabet or digit order, up (+1) or down (-1)?
 * Letters ignore case; digits wrap, so 7890 and 0987 are sequences.
 */
static inline int
pwt_seq_step(unsigned char a, unsigned char b)
{
	unsigned int la = a | 0x20u, lb = b | 0x20u;

	if (la - 'a' < 26u && lb - 'a' < 26u)
		return lb == la + 1 ? 1 : lb + 1 == la ? -1 : 0;
	if ((unsigned int)a - '0' < 10u && (unsigned int)b - '0' < 10u)
		return (b - a + 10) % 10 == 1 ? 1 : (a - b + 10) % 10 == 1 ? -1 : 0;
	return 0;
}

/*
 * Why a file of the audited system could not be read, for evidence:
 * strerror, except for host->open's -EINVAL, which means the path is a
 * FIFO, device or socket and was refused unread.
 */
const char *pwt_strerror(int negative_errno);

/* "low" -> SA_SEV_LOW...; -1 when unknown. */
int pwt_severity(const char *name);
const char *pwt_severity_name(int severity);

#endif /* PW_TEXT_H */
