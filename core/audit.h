/* SPDX-License-Identifier: MIT */
/* The audit itself: run the chosen plugins, score, report. */
#ifndef SA_AUDIT_H
#define SA_AUDIT_H

#include "app.h"
#include "report.h"
#include "repload.h"

/*
 * What --previous and --ledger add to a report, for the audit and for
 * merge alike.
 */
struct audit_extras {
	struct rl_report previous;
	struct rep_ledger_source ledger;
};

void audit_extras_init(struct audit_extras *ex);
/* Load what app asks for; 0, or APP_EXIT_USAGE after printing why. */
int audit_extras_load(struct audit_extras *ex, struct app *app);
/* Point rep at what was loaded. */
void audit_extras_attach(const struct audit_extras *ex, const struct app *app,
    struct report *rep);
void audit_extras_free(struct audit_extras *ex);

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
