/* SPDX-License-Identifier: MIT */
/*
 * The backup plugin's own interfaces, shared by its source files (one
 * prefix, bk_).  bk_json.c and bk_parse.c are pure: they touch neither
 * the host table nor any file, so the unit suite links them alone (with
 * the plugin library).
 */
#ifndef BK_H
#define BK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include <smeaudit/plugin.h>

#include "../lib/hostfiles.h"
#include "../lib/timefmt.h"

#define BK_MAX_FILE (4u * 1024 * 1024)	/* config files, unit files, logs */
#define BK_LOG_TAIL (256u * 1024)	/* the end of a tool's log is enough */
#define BK_SKEW 600		/* seconds a time may lie ahead of "now" */
#define BK_WRITING 60		/* a file changed this recently may be half written */
#define BK_RESTIC_STALE_LOCK 1800	/* restic's own staleness rule */

enum bk_type {
	BK_RESTIC,
	BK_BORG,
	BK_RSNAPSHOT,
	BK_DUPLICITY,
	BK_VZDUMP,
	BK_PBS,
	BK_TIMESHIFT,
	BK_TAR,
	BK_DIR,
	BK_N_TYPES
};

/* ---- strings (bk_parse.c); memory, name lists and paths: plugins/lib ---- */

/* A growing string. */
struct bk_buf {
	char *p;
	size_t len, cap;
};
void bk_buf_add(struct bk_buf *b, const char *s, size_t n);
void bk_buf_printf(struct bk_buf *b, const char *fmt, ...) SA_PRINTF(2, 3);
char *bk_buf_take(struct bk_buf *b);	/* "" when empty; caller frees */

const char *bk_type_name(enum bk_type t);
int bk_type_parse(const char *s, enum bk_type *ret);

/* ---- times (bk_parse.c); formatting and ISO 8601 parsing: plugins/lib ---- */

/* "2d 3h", "5h 12m", "7m", "30s" (negative: the same, of the absolute). */
const char *bk_fmt_age(int64_t seconds, char *buf, size_t size);

/* ---- names of the tools' files (bk_parse.c) ---- */

/*
 * A duplicity manifest name, with any --file-prefix:
 * [PREFIX]duplicity-full.T.manifest[.gpg|.gz]
 * [PREFIX]duplicity-inc.T1.to.T2.manifest[.gpg|.gz]
 * *ret_time is the time the backup stands for (T, or T2).
 */
int bk_duplicity_manifest(const char *name, int *ret_full, int64_t *ret_time);

/*
 * A vzdump archive or log: vzdump-KIND-VMID-YYYY_MM_DD-HH_MM_SS.EXT.
 * Returns 1 archive, 2 log, 0 other; *ret_guest gets "KIND-VMID".
 */
int bk_vzdump_name(const char *name, char *ret_guest, size_t size);

/* rsnapshot.conf: one line split at tabs.  Returns the field count. */
size_t bk_rsnapshot_fields(char *line, char **fields, size_t max);

/* ---- command lines that run a backup tool (bk_parse.c) ---- */

/* Variables seen in a unit, crontab or script: NAME=value. */
struct bk_vars {
	struct hf_names names, values;
};
void bk_vars_set(struct bk_vars *vars, const char *name, const char *value);
const char *bk_vars_get(const struct bk_vars *vars, const char *name);
void bk_vars_free(struct bk_vars *vars);

/* Split a shell-ish line into words: quotes and backslashes honoured. */
void bk_split_words(const char *line, struct hf_names *ret);

/*
 * Learn "NAME=value" assignments from one line (shell "export X=...",
 * systemd "Environment=X=... Y=...", an environment file).  Returns the
 * number learnt.
 */
int bk_learn_vars(const char *line, struct bk_vars *vars);

struct bk_found {
	enum bk_type type;
	char *repo;		/* path or URL; NULL if none could be told */
	struct hf_names sources;	/* absolute paths it backs up */
};
/*
 * Does the line run restic backup, borg create or duplicity?  Returns 1
 * and fills *ret (caller frees with bk_found_free), else 0.
 */
int bk_parse_command(const char *line, const struct bk_vars *vars,
    struct bk_found *ret);
void bk_found_free(struct bk_found *f);

/*
 * Is a repository location remote?  A restic "sftp:/rest:/s3:..." URL, a
 * borg "ssh://" or "host:path", a duplicity URL other than file://.
 * Returns 1 remote, 0 local; *ret_local gets the local path (a pointer
 * into repo) when local.
 */
int bk_repo_local(enum bk_type type, const char *repo, const char **ret_local);
/* A copy of a URL with any password in it replaced by "***". */
char *bk_redact_url(const char *url);

/* Text from an audited file, made safe to show: controls become '?',
 * cut at max bytes (on a UTF-8 boundary). */
char *bk_clean_text(const char *s, size_t len, size_t max);

/* ---- JSON (bk_json.c) ---- */

enum bk_json_kind {
	BK_JSON_STRING,
	BK_JSON_NUMBER,
	BK_JSON_LITERAL,	/* true, false, null */
	BK_JSON_OBJECT,
	BK_JSON_ARRAY
};

struct bk_json_value {
	int depth;		/* 1: a member of the top-level container */
	const char *key;	/* raw member name, NULL in an array */
	size_t key_len;
	enum bk_json_kind kind;
	const char *text;	/* string content without quotes, or the token */
	size_t len;
	int escaped;		/* the string holds backslash escapes */
};

struct bk_json_error {
	unsigned int line;
	char message[96];
};

typedef void (*bk_json_fn)(void *user, const struct bk_json_value *v);

/*
 * Check a whole JSON document and call fn for every value in it, in
 * document order (containers before their members).  Returns 0, or
 * -EINVAL with the line and reason in *err and after calls for what came
 * before the error: callers decide only once the walk succeeded.
 */
int bk_json_walk(const char *text, size_t len, bk_json_fn fn, void *user,
    struct bk_json_error *err);
/* key == name? */
int bk_json_key_is(const struct bk_json_value *v, const char *name);

/* ---- one audit run (backup.c, bk_files.c, bk_tools.c, bk_detect.c, bk_exec.c) ---- */

struct bk_job {
	char *name;		/* the report's object: the INI SUB, or made up */
	enum bk_type type;
	char *path;		/* inside the root; NULL: not known */
	char *remote;		/* a remote location (redacted), instead of path */
	char *origin;		/* file it was found in; NULL when configured */
	struct hf_names sources;
	struct hf_names patterns;
	int offsite;		/* 1 yes, 0 no, -1 not declared */
	int exec;
	char *password_file;
	char *cloud_service;
	int64_t max_age;
	long long min_count;
	int64_t min_size;
	int64_t max_full_age;
	int64_t exec_timeout;
};

/* What a job's target showed. */
struct bk_ev {
	int target;		/* SA_LEVEL_IMPLEMENTED, _NOT or _UNKNOWN */
	char *target_why;	/* why not, or what it is */
	char *dir;		/* directory holding the backups, inside the root */
	struct hf_names sources;	/* learnt from the tool's configuration */
	const char *unit;	/* "snapshot", "archive", "backup", ... */
	const char *basis;	/* where the times come from */
	int exact;		/* times reported by the tool itself (exec) */
	char *exec_why;		/* exec = yes failed: why */

	size_t count;		/* generations, future-dated ones included */
	int count_known;
	char *count_note;	/* per level or guest */
	char *count_gap;	/* generations missing that the tool keeps */

	int64_t newest, oldest;	/* of generations not in the future; 0 none */
	size_t n_future;
	int64_t future_max;

	size_t n_partial;	/* newer entries skipped: unfinished or small */
	char *partial_why;
	int64_t writing;	/* mtime of one still being written, 0 none */

	char *lock_why;		/* a stale lock, NULL none */
	int last_run;		/* -1 no record, 0 failed, 1 succeeded */
	char *last_run_why;
	int full_kind;		/* the tool has full and incremental backups */
	int64_t last_full;	/* 0: no full backup */

	size_t n_groups;	/* guests (vzdump, pbs) */
	size_t n_stale_groups;
	char *stale_groups;
};

struct bk_run {
	struct hf hf;
	int64_t now;
	struct bk_job *jobs;
	size_t n_jobs;
	struct hf_names scanned;	/* scripts already read by detection */
};

/* bk_files.c: the audited system's files, through the host only. */
void bk_ev_init(struct bk_ev *ev);
void bk_ev_free(struct bk_ev *ev);
/* One generation dated t: counted, and newest/oldest unless in the future. */
void bk_ev_add(const struct bk_run *r, struct bk_ev *ev, int64_t t);
/* The target could not be used: -ENOENT/-ENOTDIR are "not there" (0),
 * anything else "cannot tell" (-1). */
void bk_ev_target_error(struct bk_ev *ev, const char *path, int err);
void bk_ev_target_not(struct bk_ev *ev, const char *fmt, ...) SA_PRINTF(2, 3);
/* The last max bytes of a regular file, and its stat. */
int bk_read_tail(const struct bk_run *r, const char *path, size_t max,
    char **ret_data, size_t *ret_len, struct stat *ret_st);
/* Call fn for each line of data (backslash-newline joins lines). */
void bk_lines(const char *data, size_t len,
    void (*fn)(void *user, const char *line, unsigned int lineno), void *user);

/* bk_tools.c: read one job's target from disk. */
void bk_read_target(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev);
/* The default target of a type when the job names none (NULL: none). */
const char *bk_default_path(const struct bk_run *r, enum bk_type type);

/* bk_exec.c: exec = yes: ask restic or borg for the exact times. */
int bk_exec_times(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev);

/* bk_detect.c: jobs nobody configured, added to r->jobs. */
void bk_detect(struct bk_run *r);
/* Add a job; NULL if the same type and target is already known. */
struct bk_job *bk_add_job(struct bk_run *r, const char *name,
    enum bk_type type, const char *path, const char *remote,
    const char *origin);
void bk_job_free(struct bk_job *j);

#endif /* BK_H */
