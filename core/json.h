/* SPDX-License-Identifier: MIT */
/*
 * A streaming JSON writer.  Strings are always valid UTF-8 JSON, whatever
 * bytes they held: control characters become \uXXXX and a byte that is
 * not part of valid UTF-8 becomes the six characters "\\xHH" (a visible
 * backslash, x and two hex digits), so a file name with broken bytes stays
 * recognisable and never breaks a parser.
 */
#ifndef SA_JSON_H
#define SA_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "util.h"

#define JW_MAX_DEPTH 32

struct jw {
	FILE *f;
	int depth;
	int count[JW_MAX_DEPTH];	/* members written at each level */
	int pretty;
};

void jw_init(struct jw *w, FILE *f, int pretty);
/* key is NULL inside arrays and at the top. */
void jw_object(struct jw *w, const char *key);
void jw_array(struct jw *w, const char *key);
void jw_end(struct jw *w, char close);	/* '}' or ']' */
void jw_string(struct jw *w, const char *key, const char *s);	/* NULL: null */
void jw_int(struct jw *w, const char *key, long long v);
void jw_bool(struct jw *w, const char *key, int v);
void jw_null(struct jw *w, const char *key);
/* Finish the document with a newline. */
void jw_finish(struct jw *w);

/* Append s as a JSON string literal (with quotes) to sb. */
void jw_escape(struct sbuf *sb, const char *s);

#endif /* SA_JSON_H */
