/* SPDX-License-Identifier: MIT */
/*
 * One audit's result, ready to print, and the formats that print it.
 * Adding a format is one writer function and one line in rep_formats.
 */
#ifndef SA_REPORT_H
#define SA_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "answers.h"
#include "catalog.h"
#include "findings.h"
#include "score.h"

struct rep_plugin {
	const char *name;
	const char *version;
	const char *status;	/* ok, error, crashed, timeout, skipped */
	const char *reason;	/* NULL when ok */
	int64_t duration_ms;
	const unsigned char *items;	/* [n] != 0: evidence for item n */
	const unsigned char *cloud;
};

struct report {
	const char *tool_version;
	const char *pcre2_version;
	int jit;
	const char *hostname;
	const char *root;
	int live;
	int64_t generated_at;
	int64_t evaluated_at;	/* --now, or generated_at */
	const char *lang;
	const struct catalog *cat;
	const struct answers *ans;
	const struct score *score;
	const struct fnd_store *store;
	const struct rep_plugin *plugins;
	size_t n_plugins;
	int interrupted;
	int complete;		/* every selected plugin finished */
	int color;		/* text: ANSI colours */
};

struct rep_format {
	const char *name;
	int (*write)(const struct report *rep, FILE *f);
};

extern const struct rep_format rep_formats[];

const struct rep_format *rep_find_format(const char *name);
/* "text, json" for --help and error messages. */
const char *rep_format_names(void);

int rep_write_text(const struct report *rep, FILE *f);
int rep_write_json(const struct report *rep, FILE *f);

/*
 * Write a report to path safely: a new 0600 file in the same directory,
 * renamed over path when complete, so a symlink planted at path is
 * replaced, never followed.  path "-" is stdout; an existing character
 * device or FIFO (/dev/null, a named pipe) is written in place, never
 * replaced; a block device or socket is refused.  Returns 0 or -errno
 * with a message in err.
 */
int rep_output(const struct report *rep, const struct rep_format *fmt,
    const char *path, struct sbuf *err);

/* Helpers shared by the formats. */
const char *rep_level_label(int score, int applicable);
const char *rep_unknown_label(int reason);
const char *rep_severity_label(int severity);

#endif /* SA_REPORT_H */
