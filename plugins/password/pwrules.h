/* SPDX-License-Identifier: MIT */
/*
 * Password rule files (docs/password-rules.md), read through the host's
 * record-file parser.  Three kinds of record:
 *
 *   [length ID]  a length bound alone ("shorter than 8 characters");
 *   [rule ID]    a PCRE2 pattern, taken verbatim, with flags and cheap
 *                conditions that skip it where it cannot apply;
 *   [words ID]   word lists (files and inline words) looked up in a hash
 *                set, whole, with short digit/symbol padding stripped,
 *                or as two words run together.
 *
 * Everything is checked while loading: every pattern compiles (errors
 * as FILE:LINE:COL with PCRE2's offset), every word list can be read,
 * every record is complete.  A set that loaded is safe to run.
 */
#ifndef PW_RULES_H
#define PW_RULES_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#include "pwwords.h"

#define PWR_MAX_REQUIRES 8

enum pwr_kind {
	PWR_LENGTH = 1,
	PWR_PATTERN,
	PWR_WORDS
};

/* One "file =" or "word =" of a [words] record, expanded. */
struct pwr_source {
	char *path;		/* a word list on the host, or NULL */
	char *word;		/* an inline word, or NULL */
	unsigned int line;	/* where it was given */
	size_t size;		/* of the file, once checked */
};

struct pwr_rule {
	char *id;
	enum pwr_kind kind;
	int severity;		/* enum sa_severity */
	char *message_en;
	char *message_ja;
	const char *file;	/* owned by the set */
	unsigned int line;	/* of the record header */
	int disabled;

	/* Conditions; a rule only counts for a password meeting them all. */
	long min_length;	/* characters; -1: none */
	long max_length;
	long min_digits;	/* 0: none */
	long min_run;		/* longest run of one character; 0: none */
	long min_sequence;	/* longest run in alphabet or digit order */
	long min_walk;		/* longest run of neighbouring keys */
	long min_repeats;	/* the password is one piece this many times */
	long max_unique;	/* distinct bytes; -1: none */
	int max_unique_pct;	/* max_unique is a percentage of the length */
	long max_rest;		/* characters outside the match; -1: none */
	/* each entry: some class of these enum pwt_class bits must occur */
	unsigned int requires[PWR_MAX_REQUIRES];
	size_t n_requires;
	unsigned int only;	/* bits nothing outside of may occur; 0: any */
	char *contains;		/* a literal that must occur */

	/* PWR_PATTERN */
	char *pattern;
	unsigned int rx_flags;
	int flags_given;
	struct sa_rx *rx;

	/* PWR_WORDS */
	int list;		/* bit number in the word table */
	int strip;		/* also match with padding stripped */
	int combine;		/* also match two listed words run together */
	int optional;		/* a missing file is a warning, not an error */
	int sources_given;
	struct pwr_source *sources;
	size_t n_sources;
};

struct pwr_set {
	struct pwr_rule *v;
	size_t n;
	int n_lists;
	char **files;		/* names of the rule files read */
	size_t n_files;
	const struct sa_host *host;
	struct sa_ctx *ctx;
	/* "$key" in file/word values names one of these */
	const struct sa_config_key *keys;
};

void pwr_init(struct pwr_set *set, const struct sa_host *host,
    struct sa_ctx *ctx, const struct sa_config_key *keys);
void pwr_free(struct pwr_set *set);

/*
 * Read one rule file (a host path).  0, -EINVAL after the error was
 * logged as FILE:LINE[:COL]: message, or the open error (also logged).
 */
int pwr_load_file(struct pwr_set *set, const char *path);

/*
 * After the last file: every record complete, every word list readable
 * (missing optional lists are dropped with a warning).  0 or -EINVAL
 * after logging FILE:LINE: message.
 */
int pwr_finish(struct pwr_set *set);

/* Turn a rule off by id: 0, or -ENOENT when there is no such rule. */
int pwr_disable(struct pwr_set *set, const char *id);

const struct pwr_rule *pwr_find(const struct pwr_set *set, const char *id);

/* The message in "en" or "ja". */
const char *pwr_message(const struct pwr_rule *r, const char *lang);

#endif /* PW_RULES_H */
