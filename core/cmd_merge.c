/* SPDX-License-Identifier: MIT */
/*
 * smeaudit merge HOST.json...: one consolidated report over the JSON
 * reports of many hosts, with the organisation's answers applied once.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "commands.h"
#include "fleet.h"
#include "i18n.h"
#include "rx.h"

enum {
	MERGE_OPT_NOW = 256,
	MERGE_OPT_PREVIOUS,
	MERGE_OPT_LEDGER,
};

static const struct option merge_options[] = {
	{ "answers", required_argument, NULL, 'A' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "previous", required_argument, NULL, MERGE_OPT_PREVIOUS },
	{ "ledger", required_argument, NULL, MERGE_OPT_LEDGER },
	{ "now", required_argument, NULL, MERGE_OPT_NOW },
	{ "lang", required_argument, NULL, 'L' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static void
merge_usage(FILE *f)
{
	fprintf(f, _("Usage: smeaudit merge [OPTION]... REPORT.json...\n"
	    "Combine the JSON reports of several hosts into one report.\n"
	    "Per item: every host that could tell at 4 -> 4, every one at 0 -> 0,\n"
	    "otherwise 2; -1 only when no host could tell.  The organisation's\n"
	    "answers apply once, to the combined items.\n"
	    "\n"
	    "  -A, --answers FILE      the organisation's answers (repeatable)\n"
	    "  -f, --format FORMAT     %s\n"
	    "  -o, --output FILE       write the report to FILE (mode 0600)\n"
	    "      --previous FILE     an earlier merged report to compare with (html)\n"
	    "      --ledger FILE       include the risk-analysis ledger, by risk\n"
	    "      --now TIME          the time to record as the report's date\n"
	    "  -L, --lang ja|en        language of the report\n"
	    "  -q, --quiet             no warnings\n"), rep_format_names());
}

static void
merge_warn(const struct app *app, const struct fleet *fl,
    const struct answers *ans)
{
	size_t i;

	if (app->verbosity < 0)
		return;
	for (i = 0; i < fl->n_dropped; i++)
		app_error(_("warning: %s appears twice: using %s, leaving out %s (older)"),
		    fl->dropped[i].hostname, fl->dropped[i].kept, fl->dropped[i].file);
	if (ans->n_files > 0)
		return;
	for (i = 0; i < fl->n_used; i++)
		if (fl->inputs[fl->used[i]].ans.n_files > 0) {
			app_error(_("warning: %s was audited with answers; give the organisation's answers with --answers to apply them to the merged report"),
			    fl->inputs[fl->used[i]].path);
			break;
		}
}

int
cmd_merge(struct app *app, int argc, char **argv)
{
	const struct rep_format *fmt;
	struct audit_extras extras;
	struct answers ans;
	struct fleet fl;
	struct sbuf err;
	char pcre[64];
	int opt, r, status = APP_EXIT_USAGE;

	memset(&fl, 0, sizeof(fl));
	audit_extras_init(&extras);
	ans_init(&ans);
	sb_init(&err);
	optind = 0;
	while ((opt = getopt_long(argc, argv, "A:f:o:L:qh", merge_options,
	    NULL)) != -1) {
		switch (opt) {
		case 'A':
			app->answer_files = xreallocarray(app->answer_files,
			    app->n_answer_files + 1, sizeof(*app->answer_files));
			app->answer_files[app->n_answer_files++] = xstrdup(optarg);
			break;
		case 'f': app->format = optarg; break;
		case 'o': app->output = optarg; break;
		case MERGE_OPT_PREVIOUS: app->previous = optarg; break;
		case MERGE_OPT_LEDGER: app->ledger = optarg; break;
		case MERGE_OPT_NOW:
			if (ut_parse_time(optarg, &app->now) < 0) {
				app_error(_("--now: \"%s\" is not a time (2026-11-26T09:00 or @EPOCH)"),
				    optarg);
				goto out;
			}
			break;
		case 'L': break;	/* main() took it */
		case 'q': app->verbosity = -1; break;
		case 'h':
			merge_usage(stdout);
			status = APP_EXIT_OK;
			goto out;
		default:
			fprintf(stderr, _("Try 'smeaudit merge --help'.\n"));
			goto out;
		}
	}
	if (optind >= argc) {
		app_error(_("merge: give the JSON reports to merge (see smeaudit merge --help)"));
		goto out;
	}
	if ((fmt = rep_find_format(app->format)) == NULL) {
		app_error(_("unknown format \"%s\"; choose one of: %s"), app->format,
		    rep_format_names());
		goto out;
	}
	if ((r = app_load_answers(app, &ans)) != 0) {
		status = r;
		goto out;
	}
	if (fleet_load(&fl, argv + optind, (size_t)(argc - optind), &app->cat,
	    app->lang, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	if (audit_extras_load(&extras, app) != 0)
		goto out;
	merge_warn(app, &fl, &ans);
	fleet_merge(&fl, &app->cat, &ans, (size_t)app->cfg.max_examples, app->now);
	rx_version(pcre, sizeof(pcre));
	fl.rep.pcre2_version = pcre;
	fl.rep.jit = rx_jit_available();
	fl.rep.lang = app->lang;
	audit_extras_attach(&extras, app, &fl.rep);
	sb_reset(&err);
	if (rep_output(&fl.rep, fmt, app->output, &err) < 0) {
		app_error("%s", err.data);
		goto out;
	}
	status = rep_format_status(fmt, &fl.rep);
out:
	fleet_free(&fl);
	audit_extras_free(&extras);
	ans_free(&ans);
	sb_free(&err);
	return status;
}
