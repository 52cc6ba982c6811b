/* SPDX-License-Identifier: MIT */
/*
 * The plugin-side helper library, core part: files and directories of
 * the audited system read through the host table, memory that never comes
 * back NULL, lists of names, lines of text and small string tools.  The
 * library (plugins/lib) is built once as a libtool convenience library
 * and linked into each plugin module: it includes only <smeaudit/plugin.h>
 * and libc, and a module still exports nothing but smeaudit_plugin.
 *
 * Ownership, for every function here: what is returned belongs to the
 * caller and is released with free() (a list with hf_names_free()).
 * Nothing the core allocated is handed on, so no caller ever needs
 * host->free.  Functions that touch files return 0 (or a count) on
 * success and a negative errno value on failure, as the host table does.
 */
#ifndef HF_HOSTFILES_H
#define HF_HOSTFILES_H

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <smeaudit/plugin.h>

/*
 * The host table and the run it serves: the first argument of every
 * library call that reaches the core.  Borrowed; the library keeps no
 * copy beyond the call.
 */
struct hf {
	const struct sa_host *host;
	struct sa_ctx *ctx;
};

/* Upper bounds for what the plugins read; a larger file is refused (-EFBIG). */
#define HF_MAX_CONFIG (1024 * 1024)	/* one configuration file */
#define HF_MAX_USER_FILE (64 * 1024)	/* a file in a user's home */
#define HF_MAX_SYSFS (64 * 1024)	/* a sysfs or procfs attribute */
#define HF_MAX_PROC_TABLE (64 * 1024 * 1024)	/* /proc/net/tcp and kin */
#define HF_MAX_NAMES 65536	/* entries taken from one directory */

/*
 * Memory.  Running out of it aborts: a plugin runs in a child of its own
 * and the core reports the crash, which beats a half-made result.
 * hf_alloc returns zeroed memory; hf_grow resizes p to n elements of size
 * bytes (an overflowing product aborts too).
 */
void *hf_alloc(size_t size);
void *hf_grow(void *p, size_t n, size_t size);
/*
 * Room for element n of an array p holding n elements that only ever
 * grows through this call.  The capacity follows from n (8, 16, 32, ...),
 * so appending is linear without a stored capacity; growing by one with
 * hf_grow is quadratic where realloc copies (ASan's always does).
 */
void *hf_grow_one(void *p, size_t n, size_t size);
char *hf_strdup(const char *s);
/* A NUL-terminated copy of the first n bytes of s. */
char *hf_strndup(const char *s, size_t n);
char *hf_printf(const char *fmt, ...) SA_PRINTF(1, 2);
char *hf_vprintf(const char *fmt, va_list ap) SA_PRINTF(1, 0);
/*
 * snprintf for evidence and messages, where cutting a long path short is
 * the intended behaviour (the compiler's truncation warnings do not look
 * through this wrapper).  Returns buf.
 */
char *hf_format(char *buf, size_t size, const char *fmt, ...) SA_PRINTF(3, 4);

/*
 * Report one observation, with a detail for this object in both languages
 * (NULL: none).  The strings are borrowed for the call.  Returns what
 * host->report returns.
 */
int hf_report(const struct hf *hf, const char *check, int level,
    const char *object, const char *evidence, const char *detail_en,
    const char *detail_ja);

/* A list of strings the list owns.  Zero-initialise ({ 0 }) before use. */
struct hf_names {
	char **v;
	size_t n;
};

/* Append a copy of s. */
void hf_names_add(struct hf_names *names, const char *s);
/* Append a copy of s unless the list holds it already; 1 added, 0 not. */
int hf_names_add_new(struct hf_names *names, const char *s);
int hf_names_has(const struct hf_names *names, const char *s);
/* Sort bytewise; then hf_names_find may be used. */
void hf_names_sort(struct hf_names *names);
/* Binary search of a sorted list: 1 found, 0 not. */
int hf_names_find(const struct hf_names *names, const char *s);
/* Free the strings and the array; the list is empty (and reusable) after. */
void hf_names_free(struct hf_names *names);

/*
 * Read a whole regular file (path as seen inside the audit root) into a
 * NUL-terminated buffer the caller frees.  Returns 0, or a negative errno
 * (-ENOENT, -EACCES, -EFBIG for a file over max bytes, -EINVAL for a
 * device or FIFO).  Nothing is returned on failure.
 */
int hf_read(const struct hf *hf, const char *path, size_t max,
    char **ret_data, size_t *ret_len);

/*
 * hf_read for a file in a user's home: the file must also belong to uid,
 * so that a link to another user's or the system's file (/etc/shadow) is
 * never read on the user's behalf (-EPERM).  Ownership and contents come
 * from the same descriptor.
 */
int hf_read_owned(const struct hf *hf, const char *path, uid_t uid,
    size_t max, char **ret_data, size_t *ret_len);

/*
 * The names in directory dir that end in suffix (NULL or "": every name),
 * hidden names (".x") left out as the tools reading these directories
 * leave them out, sorted bytewise, at most HF_MAX_NAMES.  *ret is always
 * initialised and freed with hf_names_free().  Returns 0 or the negative
 * errno of opening the directory.
 */
int hf_list(const struct hf *hf, const char *dir, const char *suffix,
    struct hf_names *ret);

/*
 * Directory dir as a stream the caller closes with closedir(); entries
 * are to be looked at relative to dirfd() with AT_SYMLINK_NOFOLLOW, which
 * cannot leave the directory.  A directory that opens but cannot be
 * listed fails here (negative errno), not half-way through a walk.
 */
int hf_opendir(const struct hf *hf, const char *dir, DIR **ret);

/*
 * lstat of path: the directories above its last component resolve inside
 * the root, the last component itself is not followed (a symlink is
 * reported as one).  Returns 0 or a negative errno.
 */
int hf_lstat(const struct hf *hf, const char *path, struct stat *ret);

/*
 * Whether path exists inside the root, symlinks included even when their
 * target is missing (a systemd "wants" link into /usr that a partial image
 * lacks is still an enabled unit): 1 yes, 0 no, negative errno when it
 * cannot tell.
 */
int hf_exists(const struct hf *hf, const char *path);

/*
 * The target of the symlink path (not followed; the directories above it
 * resolve inside the root).  Returns the length stored in buf
 * (NUL-terminated, cut at size - 1), -EINVAL when path is not a symlink,
 * or another negative errno.
 */
int hf_readlink(const struct hf *hf, const char *path, char *buf, size_t size);

/* "dir/name", trailing slashes of dir folded ("/" + "x" is "/x"). */
char *hf_join(const char *dir, const char *name);

/* A short English text for a negative errno from the host table ("not found"). */
const char *hf_strerror(int negative_errno);

/*
 * Lines of a buffer, numbered from 1.  A line is handed out without its
 * "\n" or "\r\n" and points into the buffer (not NUL-terminated).
 */
struct hf_lines {
	const char *p;
	const char *end;
	unsigned int number;	/* of the line last returned */
};

void hf_lines_init(struct hf_lines *it, const char *data, size_t len);
/* 1 and the next line, or 0 at the end. */
int hf_lines_next(struct hf_lines *it, const char **ret_line, size_t *ret_len);
/*
 * The next line of a buffer the caller owns and may change, as a string:
 * its "\n" (or "\r\n") is overwritten with a NUL.  NULL at the end.  The
 * buffer needs one byte after its last, as hf_read's have (a NUL), for a
 * last line without "\n".  For parsers that cut lines up in place.
 */
char *hf_lines_cut(struct hf_lines *it);

/* Blanks (space, tab, CR, LF) off both ends of (s, *len); returns the new start. */
const char *hf_trim(const char *s, size_t *len);
/* The same for a NUL-terminated string, in place; returns the new start. */
char *hf_strip(char *s);
/* 1 if (s, n) equals word (ASCII case-insensitive when ci). */
int hf_word_eq(const char *s, size_t n, const char *word, int ci);
int hf_has_prefix(const char *s, const char *prefix);
int hf_has_suffix(const char *s, const char *suffix);
/*
 * Cut s at every sep into at most max fields, in place (a separator
 * becomes a NUL); the last field keeps the separators after it.  Returns
 * the number of fields, 1 for a string without sep (0 when max is 0).
 * "a:b::c" with ':' is "a", "b", "", "c".
 */
size_t hf_split(char *s, char sep, char **ret, size_t max);
/* An unsigned decimal number, the whole string: 0, or -EINVAL (also on overflow). */
int hf_parse_uint(const char *s, unsigned long long *ret);
/*
 * A decimal number with an optional sign ("-1", "+12"), the whole string:
 * 0, or -EINVAL (also outside the range of long long).
 */
int hf_parse_int(const char *s, long long *ret);

#endif /* HF_HOSTFILES_H */
