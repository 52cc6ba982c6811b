/* SPDX-License-Identifier: MIT */
/* The audit itself: run the chosen plugins, score, report. */
#ifndef SA_AUDIT_H
#define SA_AUDIT_H

#include "app.h"

/*
 * names: comma-separated plugins (--plugin), or NULL for --all.  Returns
 * an APP_EXIT_* status.
 */
int audit_run(struct app *app, const char *names);

/* --list and --list-items, in app->format ("text" or "json"). */
int audit_list_plugins(struct app *app);
int audit_list_items(struct app *app);
/* --list-config: every key of [core] and of each plugin (ini or json). */
int audit_list_config(struct app *app);

/* Run a plugin-provided subcommand; -1 when no plugin has it. */
int audit_plugin_command(struct app *app, int argc, char **argv);

#endif /* SA_AUDIT_H */
