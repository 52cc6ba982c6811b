/* SPDX-License-Identifier: MIT */
/*
 * Word lists: a hash set of folded words (pwtext.h), each remembering
 * which lists (one bit per [words] rule, at most 32) hold it.  Word lists
 * are never compiled into a regex: a lookup costs one hash of the
 * password, whatever the size of the list.
 *
 * Two ways to fill a table:
 *   - pww_index_file: every word of a list (what a batch of many
 *     passwords needs; a 100 000-word dictionary takes a few ms);
 *   - pww_scan_file: only the words a small batch asks about, which
 *     are put in the table first.  One pass over the list skips almost
 *     every line on its length and first two bytes, so a single password
 *     is checked without ever indexing the dictionary.
 * Either way, pww_find answers the same questions.
 */
#ifndef PW_WORDS_H
#define PW_WORDS_H

#include <stddef.h>
#include <stdint.h>

#define PWW_MAX_LISTS 32
#define PWW_MIN_WORD 2		/* shorter entries are skipped */
#define PWW_MAX_WORD 255	/* longer entries are skipped */
#define PWW_MAX_FILE (256u * 1024 * 1024)

/*
 * A word is kept as the 64-bit hash of its folded form, not as text:
 * two of a list's 100 000 words share a hash with odds of about one in
 * 10^9, and a password matches a word it is not with odds of one in
 * 10^14 per lookup, while a set without text builds a third faster.
 */
struct pww_entry {
	uint64_t fp;		/* pwt_hash of the folded word; 0: empty slot */
	uint32_t lists;		/* lists holding it as a word with letters */
	uint32_t bare;		/* lists holding it without letters ("123456") */
};

struct pww_table {
	struct pww_entry *slots;
	size_t mask;		/* slots - 1 */
	size_t n;		/* words held */
	/* scan mode: which lengths and first two bytes are asked about */
	uint64_t lengths[4];
	uint64_t *pairs;	/* 65536 bits */
};

/* expect: entries to size for; scan: a table of questions for pww_scan_file. */
int pww_init(struct pww_table *t, size_t expect, int scan);
void pww_free(struct pww_table *t);

/*
 * Add a folded key to the lists in mask (0 for a scan-mode question).
 * bare: the word it came from has no letter.  0 or -ENOMEM.
 */
int pww_add(struct pww_table *t, const char *key, size_t len, uint32_t mask,
    int bare);
/* Fold and add a word as it is written (inline words, config values). */
int pww_add_word(struct pww_table *t, const char *word, size_t len,
    uint32_t mask);
const struct pww_entry *pww_find(const struct pww_table *t, const char *key,
    size_t len);

/*
 * Read the list at path (one word per line; '#' lines, blank lines and
 * English possessives "word's" are skipped) into every entry (index) or
 * only into the entries already present (scan).  0, or a negative errno
 * (-ENOENT, -EACCES, -EISDIR, -EFBIG, -ENOMEM, ...).
 */
int pww_index_file(struct pww_table *t, const char *path, uint32_t mask);
int pww_scan_file(struct pww_table *t, const char *path, uint32_t mask);

/*
 * Open path the way the two above will and read a byte: 0 (and the size)
 * or the negative errno.
 */
int pww_check_file(const char *path, size_t *ret_size);

#endif /* PW_WORDS_H */
