/* SPDX-License-Identifier: MIT */
/*
 * Subcommands of the core ("smeaudit NAME ..."), besides those plugins
 * provide.  Each takes the shared app state and argv with argv[0] = NAME
 * and returns an APP_EXIT_* status.  Add one: a cmd_NAME.c and a line in
 * main.c's table.
 */
#ifndef SA_COMMANDS_H
#define SA_COMMANDS_H

#include "app.h"

struct app_command {
	const char *name;
	const char *summary;	/* English msgid, translated when shown */
	int (*run)(struct app *app, int argc, char **argv);
};

extern const struct app_command app_commands[];

int cmd_interview(struct app *app, int argc, char **argv);
int cmd_risk(struct app *app, int argc, char **argv);
int cmd_merge(struct app *app, int argc, char **argv);
int cmd_diff(struct app *app, int argc, char **argv);

#endif /* SA_COMMANDS_H */
