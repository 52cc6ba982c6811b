/* SPDX-License-Identifier: MIT */
/*
 * Runs one plugin's run() in the test process against a fixture root,
 * with the core's real host table (root confinement, config typing,
 * check validation) and a few members replaced: is_live can be forced
 * on (so the live-host code paths read a fixture /proc and /sys), stat
 * can present fake block devices, and every report is recorded for the
 * test to inspect.
 */
#ifndef SA_PLUGIN_HARNESS_H
#define SA_PLUGIN_HARNESS_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#include "cfg.h"
#include "host.h"
#include "loader.h"
#include "rootfs.h"

struct ph_report {
	char *check;
	int level;
	char *object;
	char *evidence;
};

struct ph_blockdev {
	char *path;
	unsigned int major;
	unsigned int minor;
};

struct ph {
	struct sa_ctx ctx;	/* first: the host callbacks find ph from it */
	struct sa_host host;
	struct cfg cfg;
	struct rootfs rfs;
	struct host_env env;
	struct ldr_plugin plugin;
	int live;
	struct ph_report *reports;
	size_t n_reports;
	size_t rejected;	/* reports the core refused (undeclared check, ...) */
	char **logs;		/* every log line, "LEVEL: text" (0 error ... 3 debug) */
	size_t n_logs;
	struct ph_blockdev devs[8];
	size_t n_devs;
	char *ini_path;
};

/*
 * Set up a run of desc over root (a fixture directory).  ini is the text
 * of a smeaudit.ini to load and validate against desc, or NULL.
 */
void ph_init(struct ph *ph, const struct sa_plugin *desc, const char *root,
    int live, const char *ini);
/* Make stat() of path (inside the root) report a block device. */
void ph_blockdev(struct ph *ph, const char *path, unsigned int major,
    unsigned int minor);
/* Call run(); returns what it returned. */
int ph_run(struct ph *ph);
/* Call the descriptor's check_config() (0 when it has none). */
int ph_check_config(struct ph *ph);
/* The first log line containing part, or NULL. */
const char *ph_log_find(const struct ph *ph, const char *part);
/*
 * The error line "INI:LINE: text..." about the harness's configuration
 * file (text is a prefix of the message), or NULL.
 */
const char *ph_config_error(const struct ph *ph, unsigned int line,
    const char *text);
size_t ph_count(const struct ph *ph, const char *check, int level);
/* The first report of check at level whose object contains part (or NULL). */
const struct ph_report *ph_find(const struct ph *ph, const char *check,
    int level, const char *part);
void ph_free(struct ph *ph);

/* $top_srcdir/tests/fixtures/REL, for fixture roots. */
char *ph_fixture(const char *rel);

#endif /* SA_PLUGIN_HARNESS_H */
