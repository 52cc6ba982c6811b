/* SPDX-License-Identifier: MIT */
/*
 * wire: child-to-core messages.  Round trips, a message cut anywhere
 * ("need more"), and every malformed length refused with -EPROTO, since
 * the bytes come from plugin code.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>

#include <smeaudit/plugin.h>

#include "unit.h"
#include "wire.h"

#define HEAD 22			/* u32 len, u8 type, i32 a, i32 b, u64 c, u8 count */

static const char *long_string;	/* WIRE_MAX_STRING + 10 bytes of 'L' */

static void
setup(void)
{
	char *s = xmalloc(WIRE_MAX_STRING + 11);

	memset(s, 'L', WIRE_MAX_STRING + 10);
	s[WIRE_MAX_STRING + 10] = '\0';
	long_string = s;
}

static void
teardown(void)
{
	free((char *)long_string);
}

static struct wire_msg
msg_of(int i)
{
	struct wire_msg m;

	memset(&m, 0, sizeof(m));
	switch (i) {
	case 0:
		m.type = WIRE_FINDING;
		m.a = SA_LEVEL_NOT;
		m.b = SA_SEV_HIGH;
		m.s[0] = "world-writable";
		m.s[1] = "/srv/日本語\n\xff";
		m.s[2] = NULL;
		m.s[3] = "";
		m.s[4] = "detail";
		m.n_strings = 5;
		break;
	case 1:
		m.type = WIRE_COUNT;
		m.a = SA_LEVEL_PARTLY;
		m.c = UINT64_MAX;
		m.s[0] = "check";
		m.n_strings = 1;
		break;
	case 2:
		m.type = WIRE_LOG;
		m.a = SA_LOG_ERROR;
		m.s[0] = "cannot read /etc/shadow: Permission denied";
		m.n_strings = 1;
		break;
	case 3:
		m.type = WIRE_PROGRESS;
		m.c = 123456789;
		m.s[0] = "scanning";
		m.n_strings = 1;
		break;
	case 4:
		m.type = WIRE_DONE;
		m.a = -EIO;
		m.b = INT32_MIN;
		break;
	default:
		m.type = WIRE_FINDING;
		m.a = INT32_MAX;
		m.s[0] = NULL;
		m.s[1] = NULL;
		m.n_strings = 2;
		break;
	}
	return m;
}

#define N_MSGS 6

START_TEST(test_roundtrip)
{
	struct wire_msg in = msg_of(_i), out;
	struct sbuf buf;
	size_t k;
	long used;

	sb_init(&buf);
	wire_encode(&buf, &in);
	used = wire_decode(buf.data, buf.len, &out);
	ck_assert_int_eq(used, (long)buf.len);
	ck_assert_int_eq(out.type, in.type);
	ck_assert_int_eq(out.a, in.a);
	ck_assert_int_eq(out.b, in.b);
	ck_assert(out.c == in.c);
	ck_assert_uint_eq(out.n_strings, in.n_strings);
	for (k = 0; k < in.n_strings; k++) {
		if (in.s[k] == NULL)
			ck_assert_ptr_null(out.s[k]);
		else
			ck_assert_str_eq(out.s[k], in.s[k]);
	}
	for (; k < WIRE_MAX_STRINGS; k++)
		ck_assert_ptr_null(out.s[k]);
	sb_free(&buf);
}
END_TEST

/* Every cut of a message asks for more bytes; never a message, never an error. */
START_TEST(test_truncated)
{
	struct wire_msg in = msg_of(_i), out;
	struct sbuf buf;
	char *copy;
	size_t cut;

	sb_init(&buf);
	wire_encode(&buf, &in);
	for (cut = 0; cut < buf.len; cut++) {
		/* a fresh allocation of exactly cut bytes: ASan sees any over-read */
		copy = xmalloc(cut ? cut : 1);
		memcpy(copy, buf.data, cut);
		ck_assert_msg(wire_decode(copy, cut, &out) == 0, "cut at %zu of %zu",
		    cut, buf.len);
		free(copy);
	}
	sb_free(&buf);
}
END_TEST

/* Several messages back to back, decoded one at a time. */
START_TEST(test_stream)
{
	struct wire_msg m, out;
	struct sbuf buf;
	size_t off = 0;
	long used;
	int i;

	sb_init(&buf);
	for (i = 0; i < N_MSGS; i++) {
		m = msg_of(i);
		wire_encode(&buf, &m);
	}
	for (i = 0; i < N_MSGS; i++) {
		used = wire_decode(buf.data + off, buf.len - off, &out);
		ck_assert_int_gt(used, 0);
		ck_assert_int_eq(out.type, msg_of(i).type);
		off += (size_t)used;
	}
	ck_assert_uint_eq(off, buf.len);
	ck_assert_int_eq(wire_decode(buf.data + off, 0, &out), 0);
	sb_free(&buf);
}
END_TEST

/* Strings longer than WIRE_MAX_STRING are cut when encoded. */
START_TEST(test_oversized_string)
{
	struct wire_msg in, out;
	struct sbuf buf;

	memset(&in, 0, sizeof(in));
	in.type = WIRE_LOG;
	in.s[0] = long_string;
	in.n_strings = 1;
	sb_init(&buf);
	wire_encode(&buf, &in);
	ck_assert_uint_eq(buf.len, HEAD + 4 + WIRE_MAX_STRING + 1);
	ck_assert_int_eq(wire_decode(buf.data, buf.len, &out), (long)buf.len);
	ck_assert_uint_eq(strlen(out.s[0]), WIRE_MAX_STRING);
	sb_free(&buf);
}
END_TEST

static void
put32(struct sbuf *b, size_t at, uint32_t v)
{
	memcpy(b->data + at, &v, 4);
}

/*
 * Hand-made bad messages.  Each starts from a good WIRE_LOG message
 * with one string "hello" (22 + 4 + 6 = 32 bytes) and breaks one thing.
 */
enum { BAD_TOTAL_HUGE, BAD_TOTAL_SMALL, BAD_TOTAL_ZERO, BAD_TYPE_0, BAD_TYPE_6,
	BAD_COUNT_6, BAD_COUNT_2, BAD_SLEN_PAST_END, BAD_SLEN_OVER_MAX, BAD_NO_NUL,
	BAD_EMBEDDED_NUL, BAD_TRAILING, BAD_SLEN_ABSENT_PLUS, N_BAD };

START_TEST(test_malformed)
{
	struct wire_msg m, out;
	struct sbuf b;
	uint8_t byte;

	memset(&m, 0, sizeof(m));
	m.type = WIRE_LOG;
	m.s[0] = "hello";
	m.n_strings = 1;
	sb_init(&b);
	wire_encode(&b, &m);
	ck_assert_uint_eq(b.len, 32);
	switch (_i) {
	case BAD_TOTAL_HUGE:
		put32(&b, 0, WIRE_MAX_MESSAGE + 1);
		break;
	case BAD_TOTAL_SMALL:
		put32(&b, 0, HEAD - 4 - 1);
		break;
	case BAD_TOTAL_ZERO:
		put32(&b, 0, 0);
		break;
	case BAD_TYPE_0:
		b.data[4] = 0;
		break;
	case BAD_TYPE_6:
		b.data[4] = 6;
		break;
	case BAD_COUNT_6:
		b.data[21] = WIRE_MAX_STRINGS + 1;
		break;
	case BAD_COUNT_2:	/* says two strings, holds one */
		b.data[21] = 2;
		break;
	case BAD_SLEN_PAST_END:
		put32(&b, HEAD, 6);
		break;
	case BAD_SLEN_OVER_MAX:
		put32(&b, HEAD, WIRE_MAX_STRING + 1);
		break;
	case BAD_NO_NUL:
		b.data[b.len - 1] = 'x';
		break;
	case BAD_EMBEDDED_NUL:
		b.data[HEAD + 4 + 2] = '\0';
		break;
	case BAD_TRAILING:	/* the length claims a byte nothing uses */
		byte = 0;
		sb_add(&b, &byte, 1);
		put32(&b, 0, (uint32_t)(b.len - 4));
		break;
	case BAD_SLEN_ABSENT_PLUS:
		put32(&b, HEAD, 0xfffffffeu);
		break;
	}
	ck_assert_msg(wire_decode(b.data, b.len, &out) == -EPROTO, "case %d", _i);
	sb_free(&b);
}
END_TEST

/* A huge announced length is refused at once, before waiting for it. */
START_TEST(test_refused_early)
{
	struct wire_msg out;
	char head[4];
	uint32_t total = 0x7fffffff;

	memcpy(head, &total, 4);
	ck_assert_int_eq(wire_decode(head, 4, &out), -EPROTO);
	ck_assert_int_eq(wire_decode(head, 3, &out), 0);
	/* the largest allowed message is waited for, not refused */
	total = WIRE_MAX_MESSAGE;
	memcpy(head, &total, 4);
	ck_assert_int_eq(wire_decode(head, 4, &out), 0);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("wire");
	TCase *tc = tcase_create("wire");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_roundtrip, 0, N_MSGS);
	tcase_add_loop_test(tc, test_truncated, 0, N_MSGS);
	tcase_add_test(tc, test_stream);
	tcase_add_test(tc, test_oversized_string);
	tcase_add_loop_test(tc, test_malformed, 0, N_BAD);
	tcase_add_test(tc, test_refused_early);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
