/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "wire.h"

/*
 * Layout, host byte order (both ends are the same binary):
 *   u32 length of the rest, u8 type, i32 a, i32 b, u64 c, u8 count,
 *   then per string: u32 length (0xffffffff = absent), bytes, NUL.
 */
#define WIRE_HEAD (4 + 1 + 4 + 4 + 8 + 1)
#define WIRE_ABSENT 0xffffffffu

void
wire_encode(struct sbuf *out, const struct wire_msg *msg)
{
	size_t start = out->len, i, n;
	uint32_t len, slen;
	uint8_t type = (uint8_t)msg->type, count = (uint8_t)msg->n_strings;

	len = 0;
	sb_add(out, &len, 4);
	sb_add(out, &type, 1);
	sb_add(out, &msg->a, 4);
	sb_add(out, &msg->b, 4);
	sb_add(out, &msg->c, 8);
	sb_add(out, &count, 1);
	for (i = 0; i < msg->n_strings && i < WIRE_MAX_STRINGS; i++) {
		if (msg->s[i] == NULL) {
			slen = WIRE_ABSENT;
			sb_add(out, &slen, 4);
			continue;
		}
		n = strlen(msg->s[i]);
		if (n > WIRE_MAX_STRING)
			n = WIRE_MAX_STRING;
		slen = (uint32_t)n;
		sb_add(out, &slen, 4);
		sb_add(out, msg->s[i], n);
		sb_addc(out, '\0');
	}
	len = (uint32_t)(out->len - start - 4);
	memcpy(out->data + start, &len, 4);
}

long
wire_decode(char *buf, size_t len, struct wire_msg *msg)
{
	uint32_t total, slen;
	uint8_t type, count;
	size_t off, i;

	if (len < 4)
		return 0;
	memcpy(&total, buf, 4);
	if (total > WIRE_MAX_MESSAGE || total < WIRE_HEAD - 4)
		return -EPROTO;
	if (len < 4 + (size_t)total)
		return 0;
	memset(msg, 0, sizeof(*msg));
	memcpy(&type, buf + 4, 1);
	memcpy(&msg->a, buf + 5, 4);
	memcpy(&msg->b, buf + 9, 4);
	memcpy(&msg->c, buf + 13, 8);
	memcpy(&count, buf + 21, 1);
	if (type < WIRE_FINDING || type > WIRE_DONE || count > WIRE_MAX_STRINGS)
		return -EPROTO;
	msg->type = (enum wire_type)type;
	msg->n_strings = count;
	off = WIRE_HEAD;
	for (i = 0; i < count; i++) {
		if (off + 4 > 4 + (size_t)total)
			return -EPROTO;
		memcpy(&slen, buf + off, 4);
		off += 4;
		if (slen == WIRE_ABSENT) {
			msg->s[i] = NULL;
			continue;
		}
		if (slen > WIRE_MAX_STRING || off + slen + 1 > 4 + (size_t)total ||
		    buf[off + slen] != '\0' || memchr(buf + off, '\0', slen) != NULL)
			return -EPROTO;
		msg->s[i] = buf + off;
		off += slen + 1;
	}
	if (off != 4 + (size_t)total)
		return -EPROTO;
	return (long)off;
}
