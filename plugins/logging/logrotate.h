/* SPDX-License-Identifier: MIT */
/*
 * logrotate.conf(5), as far as retention goes: global defaults, stanzas
 * of paths (possibly over several lines) with their period (hourly ...
 * yearly), rotate count, maxage and size options, "include", and script
 * blocks (skipped up to "endscript").
 */
#ifndef SA_LOGROTATE_H
#define SA_LOGROTATE_H

#include <stddef.h>

struct lr_settings {
	long long period;	/* seconds between rotations; 0 unknown */
	long long rotate;	/* old files kept; -1 keeps them all */
	long long maxage;	/* days; 0 none */
	int size_based;		/* size/maxsize: rotation follows volume */
};

struct lr_stanza {
	char **paths;
	size_t n_paths;
	struct lr_settings set;
	char *file;
	unsigned int line;
};

struct lr_conf {
	struct lr_stanza *v;
	size_t n;
	struct lr_settings global;
	int depth;		/* include nesting */
};

/* Called for "include PATH"; it may call lr_feed again. */
typedef void (*lr_include_fn)(void *user, struct lr_conf *conf,
    const char *path);

void lr_init(struct lr_conf *c);

/*
 * Parse one file.  Returns 0, or -EINVAL with *ret_line set (an
 * unbalanced brace: logrotate refuses such a file).
 */
int lr_feed(struct lr_conf *c, const char *file, const char *data, size_t len,
    lr_include_fn inc, void *user, unsigned int *ret_line);

/* The stanza whose path patterns match log, or NULL. */
const struct lr_stanza *lr_find(const struct lr_conf *c, const char *log);

#define LR_KEEP_ALL (-1)
#define LR_UNKNOWN (-2)
/* How long rotated copies are kept, in seconds: LR_KEEP_ALL, LR_UNKNOWN, or >= 0. */
long long lr_retention(const struct lr_settings *s);

void lr_free(struct lr_conf *c);

#endif /* SA_LOGROTATE_H */
