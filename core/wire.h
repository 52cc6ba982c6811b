/* SPDX-License-Identifier: MIT */
/*
 * What a plugin's child process tells the core over its pipe.  Every
 * message is a length, a type, two integers, one counter and up to
 * WIRE_MAX_STRINGS strings; the parent checks every length before it
 * trusts a byte, because plugin code shares the child's memory.
 */
#ifndef SA_WIRE_H
#define SA_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define WIRE_MAX_MESSAGE (1024u * 1024)
#define WIRE_MAX_STRING (64u * 1024)
#define WIRE_MAX_STRINGS 5

enum wire_type {
	WIRE_FINDING = 1,	/* a: level, b: severity; s: check, object, evidence, detail_en, detail_ja */
	WIRE_COUNT = 2,		/* a: level, c: reports beyond the examples; s: check */
	WIRE_LOG = 3,		/* a: sa_log_level; s: text */
	WIRE_PROGRESS = 4,	/* c: done; s: what */
	WIRE_DONE = 5		/* a: run()'s result */
};

struct wire_msg {
	enum wire_type type;
	int32_t a, b;
	uint64_t c;
	const char *s[WIRE_MAX_STRINGS];	/* NULL when absent */
	size_t n_strings;
};

/* Append one message to out.  Strings over WIRE_MAX_STRING are cut. */
void wire_encode(struct sbuf *out, const struct wire_msg *msg);

/*
 * Decode the message at buf.  Returns the bytes it used (> 0), 0 when
 * more bytes are needed, -EPROTO on a malformed message.  Strings point
 * into buf and are NUL-terminated there.
 */
long wire_decode(char *buf, size_t len, struct wire_msg *msg);

#endif /* SA_WIRE_H */
