/* SPDX-License-Identifier: MIT */
/*
 * smeaudit.ini: [core] and one [plugin.NAME] (or [plugin.NAME.SUB])
 * section per plugin.  The file is read whole and checked twice: [core]
 * when it is loaded, plugin sections once the plugins' descriptors are
 * known.  Any problem is a FILE:LINE error and the run stops: a config
 * is never used half.
 */
#ifndef SA_CFG_H
#define SA_CFG_H

#include <stdint.h>

#include <smeaudit/plugin.h>

#include "util.h"

struct cfg_entry {
	char *section;
	char *key;
	char *value;
	unsigned int line;
};

struct cfg_list {
	char **v;
	size_t n;
};

struct cfg {
	char *path;		/* NULL when no file was read */
	struct cfg_entry *entries;
	size_t n_entries;
	struct strset sections;	/* every section header seen */
	struct cfg_entry *headers;	/* the same, with lines (key, value NULL) */
	size_t n_headers;

	/* [core] */
	struct cfg_list plugin_dirs;
	struct cfg_list enable;
	struct cfg_list disable;
	struct cfg_list answers;
	int64_t timeout;	/* seconds, per plugin */
	long long jobs;		/* plugins run at once */
	int64_t memory_limit;	/* bytes of address space per plugin */
	long long max_examples;	/* objects listed per finding */
	char *edition;
};

/* Defaults only, no file. */
void cfg_init(struct cfg *cfg);
void cfg_free(struct cfg *cfg);

/*
 * Read path into cfg (after cfg_init).  Returns 0, or a negative errno
 * with "FILE:LINE: message" in err.
 */
int cfg_load(struct cfg *cfg, const char *path, struct sbuf *err);

/* Check a value against a key's type; on error a message in err. */
int cfg_check_value(enum sa_config_type type, const char *value,
    struct sbuf *err);

/*
 * Check every [plugin.NAME...] section against the plugin's key table.
 * find() returns the descriptor of a known plugin or NULL.  Returns 0 or
 * -EINVAL with "FILE:LINE: message" in err.
 */
int cfg_validate_plugins(const struct cfg *cfg,
    const struct sa_plugin *(*find)(void *user, const char *name), void *user,
    struct sbuf *err);

/*
 * The value of KEY in [plugin.NAME] (sub NULL) or [plugin.NAME.SUB]: the
 * file's or NULL.  cfg_values: every value of a repeatable key, in file
 * order, as an array the caller frees (the strings are the cfg's).
 */
const char *cfg_value(const struct cfg *cfg, const char *plugin,
    const char *sub, const char *key);
size_t cfg_values(const struct cfg *cfg, const char *plugin, const char *sub,
    const char *key, const char ***ret);
/*
 * Where the index-th value of KEY in [plugin.NAME(.SUB)] was set: 0 and
 * the file and line, or -ENOENT.
 */
int cfg_where(const struct cfg *cfg, const char *plugin, const char *sub,
    const char *key, size_t index, const char **ret_file,
    unsigned int *ret_line);
/* The SUB names of [plugin.NAME.SUB] in file order; caller frees the array. */
size_t cfg_subsections(const struct cfg *cfg, const char *plugin,
    const char ***ret);

/* [plugin.NAME] enabled / [core] enable, disable: 1 run it, 0 don't. */
int cfg_plugin_enabled(const struct cfg *cfg, const char *plugin);
int64_t cfg_plugin_timeout(const struct cfg *cfg, const char *plugin);

/* Keys every [plugin.NAME] section may hold besides the plugin's own. */
extern const struct sa_config_key cfg_generic_plugin_keys[];
extern const struct sa_config_key cfg_core_keys[];

#endif /* SA_CFG_H */
