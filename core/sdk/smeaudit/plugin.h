/* SPDX-License-Identifier: MIT */
/*
 * smeaudit plugin ABI.
 *
 * A plugin is a shared object that exports exactly one symbol,
 * `smeaudit_plugin`, a const struct sa_plugin.  The core checks that
 * descriptor before any plugin code runs, then calls run() in a forked
 * child with a struct sa_host: every service a plugin needs (log, report a
 * finding, read its configuration, read files under the audit root,
 * compile and match PCRE2 rules) comes through that table.  A plugin never
 * links against core symbols and never frees what the core allocated,
 * except through host->free().
 *
 * Versioning: SA_ABI_VERSION is major << 16 | minor.  The core refuses a
 * plugin whose major differs from its own.  Structs are append-only: a
 * newer minor only adds members at the end, and each side reads a member
 * only when the other side's struct_size says it is there.  Members are
 * marked with the minor that added them when it is not 0.
 *
 * Return values: unless stated otherwise, host functions return 0 on
 * success and a negative errno value on failure (-ENOENT, -EACCES, ...).
 */
#ifndef SMEAUDIT_PLUGIN_H
#define SMEAUDIT_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SA_ABI_MAJOR 1
#define SA_ABI_MINOR 1
#define SA_ABI_VERSION ((uint32_t)((SA_ABI_MAJOR << 16) | SA_ABI_MINOR))
#define SA_ABI_MAJOR_OF(v) ((uint32_t)(v) >> 16)
#define SA_ABI_MINOR_OF(v) ((uint32_t)(v) & 0xffffu)

#if defined(__GNUC__)
#define SA_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define SA_EXPORT __attribute__((visibility("default")))
#else
#define SA_PRINTF(fmt, args)
#define SA_EXPORT
#endif

/*
 * The guideline's four answers, plus "not applicable".  Values are the
 * guideline's points, so `level < SA_LEVEL_IMPLEMENTED` means "a problem".
 * SA_LEVEL_NA sorts above every real answer so that it never wins a min().
 */
enum sa_level {
	SA_LEVEL_UNKNOWN = -1,	/* the check could not tell (unreadable, ...) */
	SA_LEVEL_NOT = 0,	/* not implemented */
	SA_LEVEL_PARTLY = 2,	/* partly implemented */
	SA_LEVEL_IMPLEMENTED = 4,
	SA_LEVEL_NA = 5		/* nothing to check on this host */
};

/* Ordered: a larger value is worse.  0 in a finding means "the check's". */
enum sa_severity {
	SA_SEV_DEFAULT = 0,
	SA_SEV_INFO = 1,
	SA_SEV_LOW = 2,
	SA_SEV_MEDIUM = 3,
	SA_SEV_HIGH = 4,
	SA_SEV_CRITICAL = 5
};

enum sa_log_level {
	SA_LOG_ERROR = 0,
	SA_LOG_WARNING = 1,
	SA_LOG_INFO = 2,	/* shown with --verbose */
	SA_LOG_DEBUG = 3	/* shown with --verbose --verbose */
};

/* run() returns one of these, or a negative errno value for "error". */
enum sa_run_result {
	SA_RUN_OK = 0,
	SA_RUN_SKIPPED = 1,	/* nothing this plugin audits exists here */
	/*
	 * The plugin's own input (its rule files, word lists, configured
	 * paths) is broken: after logging FILE:LINE: why, return this and
	 * the whole run ends with the usage/input-error exit status.
	 */
	SA_RUN_BAD_INPUT = 2
};

/*
 * A check the plugin can perform.  The core names it "PLUGIN.NAME" in
 * reports (the stable id users filter and waive by) and scores the
 * self-diagnosis item from the levels reported against it.
 */
struct sa_check {
	const char *name;	/* [a-z0-9-]+; NULL ends the table */
	int item;		/* self-diagnosis item 1..25, or 0 */
	int cloud_item;		/* cloud checklist item 1..15, or 0 */
	enum sa_severity severity;	/* when the check fails */
	const char *title_en;
	const char *title_ja;	/* NULL: the English text is used */
	const char *remediation_en;
	const char *remediation_ja;
};

enum sa_config_type {
	SA_CONFIG_STRING = 1,
	SA_CONFIG_BOOL,		/* yes/no, true/false, on/off, 1/0 */
	SA_CONFIG_INT,		/* decimal, may be negative */
	SA_CONFIG_DURATION,	/* 90, 90s, 30m, 26h, 2d, 1w (seconds if bare) */
	SA_CONFIG_SIZE,		/* 512, 10k, 5M, 2G (bytes, powers of 1024) */
	SA_CONFIG_PATH		/* a path; under --root when it names audited files */
};

/* Flags of a configuration key. */
#define SA_CONFIG_MULTI 0x1	/* may be given several times */
#define SA_CONFIG_SUB 0x2	/* belongs in [plugin.NAME.SUB], not [plugin.NAME] */
#define SA_CONFIG_MAIN_AND_SUB 0x4	/* allowed in both */

/*
 * A key of the plugin's [plugin.NAME] section.  The core validates the
 * whole configuration file against these tables before any plugin runs,
 * so run() sees only well-typed values.
 */
struct sa_config_key {
	const char *name;	/* NULL ends the table */
	enum sa_config_type type;
	const char *default_value;	/* as it would be written; may be NULL */
	unsigned int flags;
	const char *help_en;
	const char *help_ja;
};

/*
 * One observation.  All strings are borrowed for the duration of the call:
 * the core copies what it keeps.  Evidence must never hold a secret
 * (password, hash, key); the core additionally masks anything that looks
 * like a crypt(3) hash or a "password=" assignment.
 *
 * The core aggregates: reports of the same check at the same level become
 * one finding with a count and the first few objects as examples, so a
 * plugin may report once per offending file.
 */
struct sa_finding {
	size_t struct_size;	/* sizeof(struct sa_finding) */
	const char *check;	/* a name from the plugin's check table */
	int level;		/* enum sa_level */
	const char *object;	/* path, account, share, job...; may be NULL */
	const char *evidence;	/* what was seen; may be NULL */
	const char *detail_en;	/* optional, specific to this object */
	const char *detail_ja;
	enum sa_severity severity;	/* SA_SEV_DEFAULT: the check's */
};

/* Flags of host->open() and host->stat(). */
#define SA_OPEN_NOFOLLOW 0x1	/* refuse any symlink on the path */
#define SA_OPEN_DIRECTORY 0x2	/* the path must be a directory */
#define SA_OPEN_ANY 0x4		/* allow FIFOs, sockets, devices (never read them) */

/* Flags of host->rx_compile(). */
#define SA_RX_CASELESS 0x1
#define SA_RX_UTF 0x2		/* pattern and subjects are UTF-8 */
#define SA_RX_EXTENDED 0x4
#define SA_RX_MULTILINE 0x8
#define SA_RX_DOTALL 0x10
#define SA_RX_ANCHORED 0x20	/* must match at the start */
#define SA_RX_FULL 0x40		/* must match the whole subject */

struct sa_rx;			/* a compiled pattern, owned by the core */
struct sa_ctx;			/* the core's per-run state, opaque */

struct sa_rx_error {
	size_t offset;		/* byte offset in the pattern */
	char message[256];
};

/* A field of a record file (docs/record-format.md). */
struct sa_record {
	const char *file;
	unsigned int line;
	const char *type;	/* "item" in [item 3]; "" in [edition] */
	const char *name;	/* "3" in [item 3]; the name in [edition] */
	const char *key;	/* NULL: the record header itself */
	const char *value;
};

/*
 * Called once per record header and once per field.  Return 0 to go on,
 * or a negative value after filling *err (message, and column if known)
 * to stop the parse; the core then reports FILE:LINE[:COL]: message.
 */
struct sa_record_error {
	unsigned int column;	/* 1-based in the value's line; 0 if unknown */
	char message[256];
};
typedef int (*sa_record_handler)(void *user, const struct sa_record *rec,
    struct sa_record_error *err);

/* An account or group as the audited system resolves it. */
struct sa_user {
	const char *name;
	uid_t uid;
	gid_t gid;
	const char *home;
	const char *shell;
	int locked;		/* 1 locked, 0 not, -1 cannot tell (shadow unreadable) */
};

struct sa_group {
	const char *name;
	gid_t gid;
};

/*
 * Since 1.1: a human answer (docs/answers-format.md).  The caller sets
 * struct_size; the core fills only the members that fit.
 */
struct sa_answer {
	size_t struct_size;	/* sizeof(struct sa_answer) */
	int value;		/* 4, 2, 0, -1 (enum sa_level) or SA_LEVEL_NA */
	const char *note;	/* NULL when there is none */
	const char *file;	/* the answers file that gave the value */
	unsigned int line;
};

struct sa_host {
	uint32_t abi_version;	/* the core's SA_ABI_VERSION */
	uint32_t struct_size;	/* sizeof(struct sa_host) in the core */

	/* Logging, prefixed with the plugin's name; goes to stderr. */
	void (*log)(struct sa_ctx *ctx, enum sa_log_level level,
	    const char *fmt, ...) SA_PRINTF(3, 4);

	/*
	 * Report an observation.  -EINVAL if the check is not in the
	 * plugin's table or the level is not an enum sa_level.
	 */
	int (*report)(struct sa_ctx *ctx, const struct sa_finding *finding);

	/* Tell the user what is going on in a long scan (TTY only). */
	void (*progress)(struct sa_ctx *ctx, const char *what, uint64_t done);

	/*
	 * Configuration of this plugin.  sub is NULL for [plugin.NAME] or the
	 * SUB of [plugin.NAME.SUB].  Returned strings live until run() ends.
	 * A key that is not set yields its default; -ENOENT if it has none.
	 */
	int (*config_string)(struct sa_ctx *ctx, const char *sub,
	    const char *key, const char **ret_value);
	int (*config_bool)(struct sa_ctx *ctx, const char *sub,
	    const char *key, int *ret_value);
	int (*config_int)(struct sa_ctx *ctx, const char *sub,
	    const char *key, long long *ret_value);
	/* DURATION in seconds, SIZE in bytes. */
	int (*config_number)(struct sa_ctx *ctx, const char *sub,
	    const char *key, int64_t *ret_value);
	/* Every value of a SA_CONFIG_MULTI key, in file order (may be 0). */
	int (*config_list)(struct sa_ctx *ctx, const char *sub,
	    const char *key, const char *const **ret_values, size_t *ret_count);
	/* The SUB names of [plugin.NAME.SUB] sections, in file order. */
	int (*config_subsections)(struct sa_ctx *ctx,
	    const char *const **ret_names, size_t *ret_count);

	/* The run: root is "/" for the live host. */
	const char *(*root)(struct sa_ctx *ctx);
	int (*is_live)(struct sa_ctx *ctx);
	/* "now" for age checks: the real time, or --now. */
	time_t (*now)(struct sa_ctx *ctx);
	/* "en" or "ja". */
	const char *(*lang)(struct sa_ctx *ctx);
	/* Where shipped data lives (rules/...); a host path, not under root. */
	const char *(*data_dir)(struct sa_ctx *ctx);

	/*
	 * Files of the audited system.  path is absolute as seen from inside
	 * the audit root ("/etc/shadow").  Symlinks resolve inside the root
	 * and never leave it; SA_OPEN_NOFOLLOW refuses them altogether.
	 * Non-regular files are refused with -EINVAL unless SA_OPEN_ANY or
	 * SA_OPEN_DIRECTORY, and are never opened in a way that blocks.
	 * open() returns a read-only O_CLOEXEC descriptor the caller closes.
	 */
	int (*open)(struct sa_ctx *ctx, const char *path, int flags,
	    int *ret_fd);
	int (*stat)(struct sa_ctx *ctx, const char *path, int flags,
	    struct stat *ret_st);
	/*
	 * Read a whole regular file of at most max_size bytes into a
	 * NUL-terminated buffer freed with host->free.  -EFBIG if it is
	 * larger (nothing is returned).
	 */
	int (*read_file)(struct sa_ctx *ctx, const char *path, size_t max_size,
	    char **ret_data, size_t *ret_len);
	void (*free)(void *ptr);

	/*
	 * PCRE2 rules.  rx_compile: -EINVAL with *err filled on a bad
	 * pattern.  rx_match: 1 match, 0 no match, -E2BIG when a match or
	 * heap limit stopped it, -EILSEQ for invalid UTF-8 under SA_RX_UTF.
	 * With ret_ovector, up to pairs (start, end) byte offsets of the
	 * whole match and its groups are stored; an unset group is
	 * (SIZE_MAX, SIZE_MAX).  A compiled rule may be used until rx_free.
	 */
	int (*rx_compile)(struct sa_ctx *ctx, const char *pattern,
	    unsigned int flags, struct sa_rx **ret_rx, struct sa_rx_error *err);
	int (*rx_match)(struct sa_ctx *ctx, const struct sa_rx *rx,
	    const char *subject, size_t length, size_t *ret_ovector,
	    size_t pairs);
	void (*rx_free)(struct sa_rx *rx);

	/*
	 * Read a record file (docs/record-format.md) from the host
	 * filesystem.  repeatable lists keys that may occur more than once
	 * per record (NULL-terminated, may be NULL).  Errors are printed as
	 * FILE:LINE[:COL]: message; the return is then -EINVAL (syntax or
	 * handler error) or the open error.
	 */
	int (*parse_records)(struct sa_ctx *ctx, const char *path,
	    const char *const *repeatable, sa_record_handler handler,
	    void *user);

	/*
	 * Accounts as the audited system sees them: NSS on the live host,
	 * the root's /etc/passwd, /etc/group and /etc/shadow otherwise.
	 * -ENOENT when there is no such entry.  The struct's strings live
	 * until run() ends.
	 */
	int (*user_by_uid)(struct sa_ctx *ctx, uid_t uid, struct sa_user *ret);
	int (*user_by_name)(struct sa_ctx *ctx, const char *name,
	    struct sa_user *ret);
	int (*group_by_gid)(struct sa_ctx *ctx, gid_t gid, struct sa_group *ret);
	int (*group_by_name)(struct sa_ctx *ctx, const char *name,
	    struct sa_group *ret);

	/*
	 * Since 1.1: what people answered (every answers file of the run
	 * merged, later files winning).  Test SA_HOST_HAS(host, answer_item)
	 * before use: an older core lacks these members.  Strings live until
	 * run() ends.  A plugin command sees no answers (-ENOENT, 0 services).
	 *
	 * answer_item: self-diagnosis item 1..25.  answer_cloud: cloud
	 * checklist item 1..15 of the service with that id ([service.ID]),
	 * or, when that service has no answer of its own, the
	 * organisation-wide [cloud] one; service NULL asks [cloud] itself.
	 * Both return 0 with *ret filled, -ENOENT when nobody answered, or
	 * -EINVAL for an item or service that does not exist.
	 */
	int (*answer_item)(struct sa_ctx *ctx, int item, struct sa_answer *ret);
	int (*answer_cloud)(struct sa_ctx *ctx, const char *service, int item,
	    struct sa_answer *ret);
	/*
	 * Since 1.1: the ids of the [service.ID] sections in the order first
	 * seen, with their labels (an entry is NULL when a service has none).
	 */
	int (*answer_services)(struct sa_ctx *ctx, const char *const **ret_ids,
	    const char *const **ret_labels, size_t *ret_count);

	/*
	 * Since 1.1: where the index-th value of a configuration key was set
	 * (index 0 for a key given once), so that a plugin that finds a value
	 * it cannot use names the file and line.  -ENOENT when the key is not
	 * set in any file (its default is in use) or there is no such index.
	 * *ret_file lives until run() ends.
	 */
	int (*config_where)(struct sa_ctx *ctx, const char *sub, const char *key,
	    size_t index, const char **ret_file, unsigned int *ret_line);
};

/* Whether the core's host table has member (added in a later minor). */
#define SA_HOST_HAS(host, member) \
	((host)->struct_size >= offsetof(struct sa_host, member) + \
	    sizeof((host)->member))

/*
 * An extra subcommand ("smeaudit NAME ARGS...").  It runs in the core's
 * process, not a child; argv[0] is NAME.  Returns the exit status.
 */
struct sa_command {
	const char *name;	/* NULL ends the table */
	const char *summary_en;
	const char *summary_ja;
	int (*main)(const struct sa_host *host, struct sa_ctx *ctx,
	    int argc, char **argv);
};

struct sa_plugin {
	uint32_t abi_version;	/* SA_ABI_VERSION */
	uint32_t struct_size;	/* sizeof(struct sa_plugin) */
	const char *name;	/* [a-z][a-z0-9_-]*, same as the file's */
	const char *version;
	const char *description_en;
	const char *description_ja;
	const struct sa_check *checks;	/* the items it covers come from here */
	const struct sa_config_key *config;	/* may be NULL */
	int (*run)(const struct sa_host *host, struct sa_ctx *ctx);
	const struct sa_command *commands;	/* may be NULL */

	/*
	 * Since 1.1, may be NULL: check the plugin's own configuration before
	 * anything is audited.  Runs in the core's process with only the
	 * host->config_* functions, config_where and log to use (nothing of the
	 * audited system).  Return 0, or SA_RUN_BAD_INPUT after logging
	 * "FILE:LINE: why": the run then ends at once with the input-error
	 * status and no report, so a typo never costs a whole audit.
	 */
	int (*check_config)(const struct sa_host *host, struct sa_ctx *ctx);
};

/* Whether plugin descriptor d has member (added in a later minor). */
#define SA_PLUGIN_HAS(d, member) \
	((d)->struct_size >= offsetof(struct sa_plugin, member) + \
	    sizeof((d)->member))

#define SA_PLUGIN_SYMBOL "smeaudit_plugin"

/* Start a descriptor: SA_PLUGIN_DEFINE = { SA_PLUGIN_HEADER, .name = ... }; */
#define SA_PLUGIN_DEFINE SA_EXPORT const struct sa_plugin smeaudit_plugin
#define SA_PLUGIN_HEADER \
	.abi_version = SA_ABI_VERSION, .struct_size = sizeof(struct sa_plugin)

/* Report a check's outcome with one call. */
static inline int
sa_report(const struct sa_host *host, struct sa_ctx *ctx, const char *check,
    int level, const char *object, const char *evidence)
{
	/* Every member, in order: C++ plugins built with -Wextra include this. */
	struct sa_finding f = {
		.struct_size = sizeof(f),
		.check = check,
		.level = level,
		.object = object,
		.evidence = evidence,
		.detail_en = NULL,
		.detail_ja = NULL,
		.severity = SA_SEV_DEFAULT,
	};
	return host->report(ctx, &f);
}

#ifdef __cplusplus
}
#endif

#endif /* SMEAUDIT_PLUGIN_H */
