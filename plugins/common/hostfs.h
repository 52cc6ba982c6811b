/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the host-evidence plugins (updates, antivirus,
 * logging): directory listings and small files of the audited system
 * through the host table, sorted name lists, time and text formatting.
 * Compiled into each plugin that uses them; never part of the core.
 */
#ifndef SA_HOSTFS_H
#define SA_HOSTFS_H

#include <stddef.h>
#include <time.h>

#include <smeaudit/plugin.h>

/* Allocation failure in a plugin child ends it (the core reports the crash). */
void *hf_alloc(size_t size);
void *hf_grow(void *p, size_t n, size_t size);
char *hf_strdup(const char *s);
char *hf_strndup(const char *s, size_t n);
char *hf_printf(const char *fmt, ...) SA_PRINTF(1, 2);

/* Names of a directory's entries, sorted bytewise, without "." and "..". */
struct hf_names {
	char **v;
	size_t n;
};

/*
 * List dir (a path inside the audit root).  *ret is always initialised;
 * returns 0 or the negative errno of opening the directory.
 */
int hf_list(const struct sa_host *host, struct sa_ctx *ctx, const char *dir,
    struct hf_names *ret);
void hf_names_free(struct hf_names *names);

/*
 * lstat of dir/name without following a symlink in name; the directory
 * itself is resolved inside the root.  Returns 0 or -errno.
 */
int hf_lstat(const struct sa_host *host, struct sa_ctx *ctx, const char *dir,
    const char *name, struct stat *ret);

/* The target of the symlink dir/name (not followed); 0 or -errno. */
int hf_readlink(const struct sa_host *host, struct sa_ctx *ctx,
    const char *dir, const char *name, char *buf, size_t size);

/* "dir/name" without doubling the slash; caller frees. */
char *hf_join(const char *dir, const char *name);

int hf_has_suffix(const char *s, const char *suffix);
int hf_has_prefix(const char *s, const char *prefix);

/*
 * Next line of [*pos, end): sets *line and *len (without "\n" or "\r\n")
 * and advances *pos.  Returns 0 at the end.
 */
int hf_next_line(const char **pos, const char *end, const char **line,
    size_t *len);

/* Leading and trailing blanks removed in place; returns s. */
char *hf_trim(char *s);

/* "2025-02-26 10:00 UTC" */
void hf_format_time(time_t t, char *buf, size_t size);

/* Whole days in an age (negative ages, clock skew, count as 0). */
long long hf_days(long long seconds);

/* A duration for messages: "3d", "5h", "40m", "20s". */
void hf_format_duration(long long seconds, char *buf, size_t size);

#endif /* SA_HOSTFS_H */
