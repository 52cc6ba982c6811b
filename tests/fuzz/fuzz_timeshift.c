/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: timeshift's per-snapshot info.json, through the
 * backup plugin's JSON reader (plugins/backup/bk_json.c) alone and
 * through its timeshift code (bk_tools.c) over a snapshots directory.
 * The input holds up to three info.json files separated by "--8<--"
 * lines.  Aborts when the reader hands out a value that is not inside
 * the document, a negative depth, or calls on after an error it reports
 * at a line the document does not have.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "fuzz_backup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz_doc {
	const char *text;
	size_t len;
	size_t calls;
};

static void
fz_value(void *user, const struct bk_json_value *v)
{
	struct fz_doc *doc = user;

	if (v->depth < 0 || v->text < doc->text || v->len > doc->len ||
	    v->text + v->len > doc->text + doc->len)
		abort();
	if (v->key != NULL && (v->key < doc->text ||
	    v->key + v->key_len > doc->text + doc->len))
		abort();
	if (v->depth == 1 && v->key != NULL)
		(void)bk_json_key_is(v, "created");
	doc->calls++;
}

static void
fz_walk(const char *text, size_t len)
{
	struct fz_doc doc = { text, len, 0 };
	struct bk_json_error err;
	unsigned int lines = 1;
	size_t i;

	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (bk_json_walk(text, len, fz_value, &doc, &err) < 0) {
		if (err.line < 1 || err.line > lines ||
		    memchr(err.message, '\0', sizeof(err.message)) == NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const files[] = {
		"/timeshift/snapshots/2025-12-30_03-00-01/info.json",
		"/timeshift/snapshots/2025-12-31_03-00-01/info.json",
		"/timeshift/snapshots/2026-01-01_03-00-01/info.json",
	};
	const char *parts[3];
	size_t lens[3], n, i;

	fzh_setup(NULL);
	fzh_reset();
	n = fzh_split(data, size, parts, lens, 3);
	for (i = 0; i < n; i++) {
		fz_walk(parts[i], lens[i]);
		fzh_put(files[i], parts[i], lens[i]);
	}
	fzh_mkdir("/timeshift/snapshots/2026-01-01_04-00-01");	/* no info.json */
	fzb_run(BK_TIMESHIFT, "/timeshift/snapshots");
	return 0;
}
