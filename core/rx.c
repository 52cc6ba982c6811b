/* SPDX-License-Identifier: MIT */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "rx.h"
#include "util.h"

struct sa_rx {
	pcre2_code *code;
	int jit;
};

static pcre2_match_data *rx_md;
static pcre2_match_context *rx_mctx;
static pcre2_jit_stack *rx_jit_stack;

static void
rx_setup(void)
{
	if (rx_mctx != NULL)
		return;
	rx_mctx = pcre2_match_context_create(NULL);
	rx_md = pcre2_match_data_create(16, NULL);
	if (rx_mctx == NULL || rx_md == NULL)
		ut_oom();
	pcre2_set_match_limit(rx_mctx, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(rx_mctx, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(rx_mctx, RX_HEAP_LIMIT_KIB);
	/* The default 32 KiB JIT stack is small for long alternations. */
	rx_jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (rx_jit_stack != NULL)
		pcre2_jit_stack_assign(rx_mctx, NULL, rx_jit_stack);
}

int
rx_compile(const char *pattern, unsigned int flags, struct sa_rx **ret_rx,
    struct sa_rx_error *err)
{
	uint32_t opts = 0;
	PCRE2_SIZE off = 0;
	int code = 0;
	struct sa_rx *rx;
	pcre2_code *re;

	if (flags & SA_RX_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & SA_RX_UTF)
		opts |= PCRE2_UTF | PCRE2_UCP;
	if (flags & SA_RX_EXTENDED)
		opts |= PCRE2_EXTENDED;
	if (flags & SA_RX_MULTILINE)
		opts |= PCRE2_MULTILINE;
	if (flags & SA_RX_DOTALL)
		opts |= PCRE2_DOTALL;
	if (flags & (SA_RX_ANCHORED | SA_RX_FULL))
		opts |= PCRE2_ANCHORED;
	if (flags & SA_RX_FULL)
		opts |= PCRE2_ENDANCHORED;
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
	    &code, &off, NULL);
	if (re == NULL) {
		if (err != NULL) {
			err->offset = off;
			pcre2_get_error_message(code, (PCRE2_UCHAR *)err->message,
			    sizeof(err->message));
		}
		return -EINVAL;
	}
	rx = xcalloc(1, sizeof(*rx));
	rx->code = re;
	rx->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	*ret_rx = rx;
	return 0;
}

int
rx_match(const struct sa_rx *rx, const char *subject, size_t length,
    size_t *ret_ovector, size_t pairs)
{
	PCRE2_SIZE *ov;
	uint32_t have;
	size_t i;
	int r;

	rx_setup();
	r = pcre2_match(rx->code, (PCRE2_SPTR)subject, length, 0, 0, rx_md,
	    rx_mctx);
	if (r >= 0) {
		if (ret_ovector != NULL) {
			ov = pcre2_get_ovector_pointer(rx_md);
			have = pcre2_get_ovector_count(rx_md);
			for (i = 0; i < pairs; i++) {
				/* Groups past the match count are unset too. */
				if (i < have && (r == 0 || i < (size_t)r) &&
				    ov[2 * i] != PCRE2_UNSET) {
					ret_ovector[2 * i] = ov[2 * i];
					ret_ovector[2 * i + 1] = ov[2 * i + 1];
				} else
					ret_ovector[2 * i] = ret_ovector[2 * i + 1] = SIZE_MAX;
			}
		}
		return 1;
	}
	if (r == PCRE2_ERROR_NOMATCH || r == PCRE2_ERROR_PARTIAL)
		return 0;
	if (r == PCRE2_ERROR_MATCHLIMIT || r == PCRE2_ERROR_DEPTHLIMIT ||
	    r == PCRE2_ERROR_HEAPLIMIT || r == PCRE2_ERROR_JIT_STACKLIMIT ||
	    r == PCRE2_ERROR_NOMEMORY)
		return -E2BIG;
	if (r <= PCRE2_ERROR_UTF8_ERR1 && r >= PCRE2_ERROR_UTF8_ERR21)
		return -EILSEQ;
	return -EINVAL;
}

void
rx_free(struct sa_rx *rx)
{
	if (rx == NULL)
		return;
	pcre2_code_free(rx->code);
	free(rx);
}

int
rx_is_jit(const struct sa_rx *rx)
{
	return rx->jit;
}

void
rx_version(char *buf, size_t size)
{
	char v[64];

	if (pcre2_config(PCRE2_CONFIG_VERSION, v) < 0)
		strcpy(v, "unknown");
	snprintf(buf, size, "%s", v);
}

int
rx_jit_available(void)
{
	uint32_t jit = 0;
	struct sa_rx *rx;
	int ok;

	if (pcre2_config(PCRE2_CONFIG_JIT, &jit) < 0 || !jit)
		return 0;
	/* Built with JIT is not enough: the kernel may refuse the memory. */
	if (rx_compile("a+b", 0, &rx, NULL) < 0)
		return 0;
	ok = rx->jit;
	rx_free(rx);
	return ok;
}

void
rx_cleanup(void)
{
	pcre2_match_data_free(rx_md);
	pcre2_match_context_free(rx_mctx);
	pcre2_jit_stack_free(rx_jit_stack);
	rx_md = NULL;
	rx_mctx = NULL;
	rx_jit_stack = NULL;
}
