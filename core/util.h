/* SPDX-License-Identifier: MIT */
/*
 * Small helpers shared by the core modules: allocation that cannot fail
 * (out of memory is fatal, as in tmux), a growable string buffer, UTF-8
 * checks and the unit parsers used by configuration and answers files.
 */
#ifndef SA_UTIL_H
#define SA_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define UT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define UT_NORETURN __attribute__((noreturn))
#else
#define UT_PRINTF(f, a)
#define UT_NORETURN
#endif

#define UT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Print "smeaudit: out of memory" and exit(3); never returns. */
UT_NORETURN void ut_oom(void);

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) UT_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) UT_PRINTF(1, 0);

/* A NUL-terminated growable byte buffer. */
struct sbuf {
	char *data;
	size_t len;
	size_t cap;
};

void sb_init(struct sbuf *sb);
void sb_free(struct sbuf *sb);
void sb_reset(struct sbuf *sb);
void sb_add(struct sbuf *sb, const void *data, size_t len);
void sb_adds(struct sbuf *sb, const char *s);
void sb_addc(struct sbuf *sb, char c);
void sb_printf(struct sbuf *sb, const char *fmt, ...) UT_PRINTF(2, 3);
void sb_vprintf(struct sbuf *sb, const char *fmt, va_list ap) UT_PRINTF(2, 0);
/* Hand over the buffer (never NULL); sb is empty afterwards. */
char *sb_steal(struct sbuf *sb);
/*
 * An error message quotes what it read, which may hold a line break, a
 * tab or any control character: escape them (\n, \r, \xNN) so that
 * the message stays one line.
 */
void sb_one_line(struct sbuf *err);

/*
 * Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes at s
 * are not valid UTF-8 (overlong forms, surrogates and code points above
 * U+10FFFF included).  n is the number of bytes available.
 */
size_t ut_utf8_seq(const unsigned char *s, size_t n);
/* 1 if the n bytes are valid UTF-8 without NUL; else 0 and *ret_offset. */
int ut_utf8_valid(const char *s, size_t n, size_t *ret_offset);
/* Display columns of a UTF-8 string on a terminal (East Asian wide = 2). */
size_t ut_display_width(const char *s);

/* Trim ASCII spaces and tabs in place; returns s advanced. */
char *ut_trim(char *s);
int ut_streq_ci(const char *a, const char *b);

/*
 * Parsers returning 0 or -EINVAL.  Durations accept a bare number
 * (seconds) or a number followed by s, m, h, d or w; sizes a bare number
 * (bytes) or k, M, G, T (powers of 1024).  Booleans accept yes/no,
 * true/false, on/off, 1/0 in any case.
 */
int ut_parse_bool(const char *s, int *ret);
int ut_parse_int(const char *s, long long *ret);
/* A whole number within [lo, hi]. */
int ut_parse_int_in(const char *s, int lo, int hi, int *ret);
/* "N" or "FIRST-LAST" (spaces allowed), each within [lo, hi], FIRST <= LAST. */
int ut_parse_span(const char *s, int lo, int hi, int *first, int *last);
int ut_parse_duration(const char *s, int64_t *ret_seconds);
int ut_parse_size(const char *s, int64_t *ret_bytes);
/*
 * ISO 8601 ("2026-11-26", "2026-11-26T09:30", "2026-11-26 09:30:00",
 * with an optional Z or +09:00 offset; local time without one) or
 * "@EPOCH".  Returns 0 or -EINVAL.
 */
int ut_parse_time(const char *s, int64_t *ret_epoch);
/* "2026-11-26T09:30:00Z" into buf of at least 21 bytes. */
void ut_format_time_utc(int64_t epoch, char *buf, size_t size);

/*
 * A set of strings (open addressing, FNV-1a).  ss_add copies the key and
 * returns 1 if it was new, 0 if it was already there.
 */
struct strset {
	char **slots;
	size_t cap;
	size_t count;
};

void ss_init(struct strset *ss);
void ss_free(struct strset *ss);
int ss_add(struct strset *ss, const char *key);
int ss_has(const struct strset *ss, const char *key);
uint64_t ut_hash(const char *s, size_t n);

/*
 * Read a regular file of the host (not the audit root: data files,
 * answers, reports) into a NUL-terminated buffer the caller frees.
 * Opens without blocking on FIFOs and refuses anything but a regular
 * file (-EINVAL) or a file over max bytes (-EFBIG).  Returns 0 or -errno.
 */
int ut_read_file(const char *path, size_t max, char **ret_data, size_t *ret_len);
int ut_read_fd(int fd, size_t max, char **ret_data, size_t *ret_len);

/*
 * Replace path with what writer(user, f) writes, atomically: a new 0600
 * file in path's directory, flushed and synced, renamed over path, the
 * directory synced.  rename() replaces a symlink planted at path; it never
 * writes through one.  Returns 0, or the writer's negative value / -errno
 * with "PATH: cannot ...: why" in err (the temporary file is removed).
 */
int ut_write_atomic(const char *path, int (*writer)(void *user, FILE *f),
    void *user, struct sbuf *err);

/* Monotonic milliseconds. */
int64_t ut_now_ms(void);

#endif /* SA_UTIL_H */
