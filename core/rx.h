/* SPDX-License-Identifier: MIT */
/*
 * The one owner of PCRE2.  Patterns are JIT-compiled where the host
 * allows it and quietly interpreted where it does not (hardened kernels
 * refuse executable memory).  Every match runs under match, depth and
 * heap limits, so no rule can run away; one match-data block is reused
 * (plugins run single-threaded in their own process).
 */
#ifndef SA_RX_H
#define SA_RX_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#define RX_MATCH_LIMIT 1000000u
#define RX_DEPTH_LIMIT 10000u
#define RX_HEAP_LIMIT_KIB 20480u

int rx_compile(const char *pattern, unsigned int flags, struct sa_rx **ret_rx,
    struct sa_rx_error *err);
/* 1 match, 0 no match, -E2BIG a limit stopped it, -EILSEQ bad UTF-8. */
int rx_match(const struct sa_rx *rx, const char *subject, size_t length,
    size_t *ret_ovector, size_t pairs);
void rx_free(struct sa_rx *rx);
/* 1 when this rule runs JIT-compiled. */
int rx_is_jit(const struct sa_rx *rx);

/* "10.42 2022-12-11" and whether JIT works here. */
void rx_version(char *buf, size_t size);
int rx_jit_available(void);
/* Free the reused match state (at exit, for leak checkers). */
void rx_cleanup(void);

#endif /* SA_RX_H */
