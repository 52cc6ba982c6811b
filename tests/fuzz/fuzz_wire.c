/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: what a plugin's child sends the core, decoded
 * message by message as run_consume does.  The buffer is exactly the
 * input's size, so AddressSanitizer catches any read past a length the
 * decoder trusted; every decoded message must re-encode to the same
 * message.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fz_same(const struct wire_msg *a, const struct wire_msg *b)
{
	size_t i;

	if (a->type != b->type || a->a != b->a || a->b != b->b || a->c != b->c ||
	    a->n_strings != b->n_strings)
		abort();
	for (i = 0; i < a->n_strings; i++) {
		if ((a->s[i] == NULL) != (b->s[i] == NULL))
			abort();
		if (a->s[i] != NULL && strcmp(a->s[i], b->s[i]) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wire_msg m, again;
	struct sbuf enc;
	char *buf = malloc(size ? size : 1);
	size_t off = 0;
	long used;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	sb_init(&enc);
	while (off < size) {
		used = wire_decode(buf + off, size - off, &m);
		if (used <= 0)
			break;
		if ((size_t)used > size - off || m.n_strings > WIRE_MAX_STRINGS)
			abort();
		sb_reset(&enc);
		wire_encode(&enc, &m);
		if (enc.len != (size_t)used || memcmp(enc.data, buf + off, enc.len) != 0)
			abort();
		if (wire_decode(enc.data, enc.len, &again) != used)
			abort();
		fz_same(&m, &again);
		off += (size_t)used;
	}
	sb_free(&enc);
	free(buf);
	return 0;
}
