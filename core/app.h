/* SPDX-License-Identifier: MIT */
/*
 * What every smeaudit command shares: global options, where things are
 * installed (or the build tree, when run from it), and the configuration,
 * catalog and plugins, each loaded on first use.  Only main() exits.
 */
#ifndef SA_APP_H
#define SA_APP_H

#include <stdint.h>

#include "answers.h"
#include "catalog.h"
#include "cfg.h"
#include "loader.h"
#include "util.h"

/* Exit statuses: a public contract (README, smeaudit(1)). */
#define APP_EXIT_OK 0		/* every assessed item fully implemented */
#define APP_EXIT_FINDINGS 1	/* some item below 4 */
#define APP_EXIT_INCOMPLETE 2	/* a plugin failed, or nothing was assessed */
#define APP_EXIT_USAGE 3	/* usage or input error */

struct app_paths {
	char *plugin_dir;
	char *data_dir;
	char *locale_dir;
	char *default_config;	/* NULL in the build tree */
	int in_tree;
};

struct app {
	struct app_paths paths;
	const char *lang;	/* "en" or "ja" */
	int verbosity;		/* -1 quiet, 0, 1, 2 */
	const char *config_path;	/* --config */
	char **plugin_dirs;	/* --plugin-dir, in order */
	size_t n_plugin_dirs;
	char **answer_files;	/* --answers, in order */
	size_t n_answer_files;
	const char *root;	/* --root, "/" by default */
	const char *format;	/* --format */
	const char *output;	/* --output, "-" for stdout */
	const char *previous;	/* --previous: an earlier JSON report */
	const char *ledger;	/* --ledger: the risk-analysis ledger */
	int64_t now;		/* --now, or the time at start */
	int now_given;
	int no_fork;

	int cfg_loaded;
	struct cfg cfg;
	int cat_loaded;
	struct catalog cat;
	int plugins_loaded;
	struct ldr_set plugins;
};

void app_init(struct app *app);
void app_free(struct app *app);
void app_find_paths(struct app_paths *p);

/* Print "smeaudit: message" on stderr (never localised prefixes). */
void app_error(const char *fmt, ...) UT_PRINTF(1, 2);

/*
 * Load on first use.  Return 0, or an APP_EXIT_* status after printing
 * why on stderr.
 */
int app_load_config(struct app *app);
int app_load_catalog(struct app *app);
int app_load_plugins(struct app *app);
/* Answers from [core] answers and every --answers, later files winning. */
int app_load_answers(struct app *app, struct answers *ans);

#endif /* SA_APP_H */
