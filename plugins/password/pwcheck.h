/* SPDX-License-Identifier: MIT */
/*
 * The password checker: a loaded rule set (pwrules.h) applied to
 * candidate passwords.
 *
 * Each password is read once to compute what every rule's conditions
 * ask about (length, classes, digits, distinct bytes, longest run) and
 * its word forms (folded whole, base with padding stripped, two-word
 * splits); a pattern only runs when its conditions hold, so a typical
 * password meets three or four of the thirty-odd patterns.  Word forms
 * are answered by the word table, which is filled the cheap way for the
 * batch at hand (pwwords.h): scanned for a few passwords, indexed once
 * for many.
 *
 * Nothing here keeps, logs or returns the password or a piece of it.
 */
#ifndef PW_CHECK_H
#define PW_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "pwrules.h"
#include "pwwords.h"

#define PWC_MAX_BYTES 1024	/* longest password checked (bytes) */
#define PWC_MAX_AFFIX 8		/* longest padding stripped at either end */
#define PWC_MIN_BASE 3		/* shortest word left after stripping */
#define PWC_MIN_PART 3		/* shortest half of a two-word split (bytes) */
#define PWC_MAX_SPLIT 24	/* longest run of letters split in two */
/*
 * Batches up to this size scan the word lists for their questions: one
 * pass over a 100 000-word list that skips most lines on their length and
 * first two bytes costs a fraction of indexing it.  (Measured: indexing
 * pays off from about 250 passwords on.)
 */
#define PWC_SCAN_MAX 128

struct pwc_engine {
	const struct pwr_set *rules;
	int weak_severity;	/* a hit this severe makes a password weak */
	uint32_t strippable;	/* lists with strip = yes */
	uint32_t combinable;	/* lists with combine = yes */
	struct pww_table index;
	int indexed;
	int *gave_up;		/* per rule: a limit was hit (logged once) */
};

/* A result points into itself while its hits fit: never copy one. */
#define PWC_INLINE_HITS 12

struct pwc_result {
	int weak;
	int incomplete;		/* a pattern gave up on a match limit */
	size_t *hits;		/* indexes into rules->v, in rule order */
	size_t n_hits;
	size_t inline_hits[PWC_INLINE_HITS];	/* hits points here while they fit */
};

/* 0 or -ENOMEM.  The rule set must outlive the engine. */
int pwc_init(struct pwc_engine *e, const struct pwr_set *rules,
    int weak_severity);
void pwc_free(struct pwc_engine *e);

/*
 * Index the word lists now rather than on the first large batch (for a
 * caller that wants to time loading and checking apart).  0, or a
 * negative errno when a word list could not be read (logged).
 */
int pwc_index(struct pwc_engine *e);

/*
 * Check n passwords (valid UTF-8, at most PWC_MAX_BYTES each; the
 * caller guarantees both).  out[i] is filled for each; free each with
 * pwc_result_free.  0, -EINVAL for a password over PWC_MAX_BYTES, or a
 * negative errno when a word list could not be read (logged).
 */
int pwc_check(struct pwc_engine *e, const char *const *pw, const size_t *len,
    size_t n, struct pwc_result *out);
void pwc_result_free(struct pwc_result *res);

#endif /* PW_CHECK_H */
