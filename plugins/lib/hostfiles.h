/* SPDX-License-Identifier: MIT */
/*
 * Helpers the host-evidence plugins (wifi, firewall, encryption,
 * screenlock) share: reading files and listing directories of the audited
 * system through the host table, walking lines, and the "keyfile" syntax
 * (INI-like [section] key=value) that NetworkManager, dconf and KDE use.
 * Compiled into each plugin: the plugin boundary stays <smeaudit/plugin.h>
 * plus libc, and nothing here is exported from the modules.
 */
#ifndef HF_HOSTFILES_H
#define HF_HOSTFILES_H

#include <stddef.h>
#include <sys/types.h>

#include <smeaudit/plugin.h>

/* Upper bounds for what the plugins read; a larger file is refused. */
#define HF_MAX_CONFIG (1024 * 1024)	/* one configuration file */
#define HF_MAX_USER_FILE (64 * 1024)	/* a file in a user's home */
#define HF_MAX_SYSFS (64 * 1024)	/* a sysfs or procfs attribute */
#define HF_MAX_PROC_TABLE (64 * 1024 * 1024)	/* /proc/net/tcp and kin */
#define HF_MAX_NAMES 4096	/* entries taken from one directory */

struct hf {
	const struct sa_host *host;
	struct sa_ctx *ctx;
};

/*
 * Read a whole regular file into a NUL-terminated buffer the caller frees
 * with hf_free().  Returns 0 or a negative errno (-ENOENT, -EACCES,
 * -EFBIG for a file over max, -EINVAL for a device or FIFO).
 */
int hf_read(const struct hf *hf, const char *path, size_t max,
    char **ret_data, size_t *ret_len);
void hf_free(const struct hf *hf, void *data);

/*
 * Read a file in a user's home: like hf_read (symlinks resolve inside
 * the root, devices and FIFOs are refused, at most max bytes, -EFBIG
 * beyond), and the file must belong to uid, so that a link to another
 * user's or the system's file (/etc/shadow) is never read on the user's
 * behalf (-EPERM).  The buffer is freed with free(), not hf_free().
 */
int hf_read_user(const struct hf *hf, const char *path, uid_t uid, size_t max,
    char **ret_data, size_t *ret_len);

/*
 * The names in directory dir that end in suffix (NULL or "": every name),
 * dot files excluded, sorted bytewise, at most HF_MAX_NAMES.  The array
 * and its strings are freed with hf_names_free().  Returns 0 or a
 * negative errno of opening the directory.
 */
int hf_list_dir(const struct hf *hf, const char *dir, const char *suffix,
    char ***ret_names, size_t *ret_count);
void hf_names_free(char **names, size_t count);

/*
 * Whether path exists inside the root, symlinks included even when their
 * target is missing (a systemd "wants" link into /usr that a partial
 * image lacks is still an enabled unit): 1 yes, 0 no, negative errno when
 * it cannot tell.
 */
int hf_exists(const struct hf *hf, const char *path);

/*
 * The target of the symlink path (its last component is not followed;
 * the directories above it resolve inside the root).  Returns the
 * length stored in buf (NUL-terminated, truncated to size - 1), -EINVAL
 * when path is not a symlink, or another negative errno.
 */
int hf_readlink(const struct hf *hf, const char *path, char *buf,
    size_t size);

/* Iterate over the lines of a buffer; line numbers start at 1. */
struct hf_lines {
	const char *p;
	const char *end;
	unsigned int number;
};

void hf_lines_init(struct hf_lines *it, const char *data, size_t len);
/* 1 and the next line (without its newline), or 0 at the end. */
int hf_lines_next(struct hf_lines *it, const char **ret_line,
    size_t *ret_len);

/* Trim spaces, tabs and CRs from both ends of (s, *len); returns the start. */
const char *hf_trim(const char *s, size_t *len);
/* A NUL-terminated copy of n bytes (never NULL: out of memory aborts). */
char *hf_strndup(const char *s, size_t n);
/* 1 if (s, n) equals word (ASCII case-insensitive when ci). */
int hf_word_eq(const char *s, size_t n, const char *word, int ci);

/*
 * An unsigned decimal number, the whole string: 0 or -EINVAL (also on
 * overflow).
 */
int hf_parse_uint(const char *s, unsigned long long *ret);

/*
 * Keyfile syntax: "[section]" headers and "key=value" lines, '#' and ';'
 * starting comment lines.  section is what stands between the first '['
 * and the last ']' of the header ("Daemon][$i" for KDE's "[Daemon][$i]");
 * key and value are trimmed.  Lines before any header have section "".
 * The callback returns 0 to go on; anything else stops the parse and is
 * returned.  Lines that are neither are skipped.
 */
typedef int (*hf_keyfile_fn)(void *user, const char *section, const char *key,
    const char *value, unsigned int line);
int hf_keyfile_parse(const char *data, size_t len, hf_keyfile_fn fn,
    void *user);

/*
 * snprintf for evidence and messages, where cutting a long path short is
 * the intended behaviour (the compiler's truncation warnings do not look
 * through this wrapper).  Returns buf.
 */
char *hf_format(char *buf, size_t size, const char *fmt, ...)
    SA_PRINTF(3, 4);

/* A short English text for a negative errno from the host table. */
const char *hf_strerror(int negative_errno);

#endif /* HF_HOSTFILES_H */
