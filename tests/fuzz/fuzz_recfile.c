/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the record-file reader (catalog, rule files, plugin
 * data) on arbitrary bytes.  Besides crashes and sanitizer reports it
 * aborts when the reader breaks its contract: every field a handler sees
 * is valid UTF-8 with a well-formed key and a trimmed value, and every
 * error is one line starting with FILE:LINE.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"

static void
fz_check_text(const char *s)
{
	if (s == NULL || !ut_utf8_valid(s, strlen(s), NULL) || strchr(s, '\n') != NULL)
		abort();
}

static int
fz_handler(void *user, const struct sa_record *rec, struct sa_record_error *err)
{
	unsigned int *calls = user;
	size_t n;

	if (rec->line == 0 || strcmp(rec->file, "fuzz.rec") != 0)
		abort();
	fz_check_text(rec->type);
	fz_check_text(rec->name);
	if (rec->name[0] == '\0' || strspn(rec->name, FZ_NAME_CHARS) != strlen(rec->name) ||
	    strspn(rec->type, FZ_NAME_CHARS) != strlen(rec->type))
		abort();
	if (rec->key != NULL) {
		fz_check_text(rec->key);
		fz_check_text(rec->value);
		if (rec->key[0] == '\0' || strspn(rec->key, FZ_NAME_CHARS) != strlen(rec->key))
			abort();
		n = strlen(rec->value);
		if (n > 0 && (rec->value[0] == ' ' || rec->value[0] == '\t' ||
		    rec->value[n - 1] == ' ' || rec->value[n - 1] == '\t'))
			abort();
		/* let the input drive the handler's error path too */
		if (rec->value[0] == '!') {
			err->column = n > 1 ? (unsigned char)rec->value[1] : 0;
			snprintf(err->message, sizeof(err->message), "refused %s", rec->key);
			return -EINVAL;
		}
	}
	(*calls)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const repeatable[] = { "path", "r", NULL };
	struct sbuf err;
	unsigned int calls = 0;
	int r;

	sb_init(&err);
	r = rf_parse_buffer("fuzz.rec", (const char *)data, size, repeatable,
	    fz_handler, &calls, &err);
	if (r < 0 && (err.data == NULL || strncmp(err.data, "fuzz.rec:", 9) != 0 ||
	    strchr(err.data, '\n') != NULL || !ut_utf8_valid(err.data, err.len, NULL)))
		abort();
	if (r > 0)
		abort();
	sb_free(&err);
	return 0;
}
