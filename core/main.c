/* SPDX-License-Identifier: MIT */
/*
 * smeaudit: audits a host against IPA's SME information security
 * guideline.  main() parses the command line and is the only place that
 * exits.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "commands.h"
#include "i18n.h"
#include "report.h"
#include "rx.h"

const struct app_command app_commands[] = {
	{ "interview", N_("answer the questions no plugin can check"), cmd_interview },
	{ "risk", N_("compute the risk-analysis ledger (--ledger FILE)"), cmd_risk },
	{ "merge", N_("one report over many hosts' JSON reports"), cmd_merge },
	{ "diff", N_("what changed between two JSON reports"), cmd_diff },
	{ NULL, NULL, NULL }
};

enum {
	OPT_LIST_ITEMS = 256,
	OPT_LIST_CONFIG,
	OPT_NO_FORK,
	OPT_NOW,
	OPT_PLUGIN_DIR,
	OPT_PREVIOUS,
	OPT_LEDGER,
};

static const struct option main_options[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "plugin", required_argument, NULL, 'p' },
	{ "list", no_argument, NULL, 'l' },
	{ "list-items", no_argument, NULL, OPT_LIST_ITEMS },
	{ "list-config", no_argument, NULL, OPT_LIST_CONFIG },
	{ "root", required_argument, NULL, 'r' },
	{ "config", required_argument, NULL, 'c' },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },
	{ "answers", required_argument, NULL, 'A' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ "ledger", required_argument, NULL, OPT_LEDGER },
	{ "lang", required_argument, NULL, 'L' },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "no-fork", no_argument, NULL, OPT_NO_FORK },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static void
main_usage(FILE *f)
{
	const struct app_command *c;

	fprintf(f, _("Usage: smeaudit [OPTION]... --all | --plugin NAME[,NAME]...\n"
	    "       smeaudit [OPTION]... --list | --list-items | --list-config\n"
	    "       smeaudit [OPTION]... COMMAND [ARG]...\n"
	    "Audit this host (or the system under --root) against IPA's SME\n"
	    "Information Security Guideline and report the self-diagnosis score.\n"
	    "\n"));
	fprintf(f, _("Options:\n"
	    "  -a, --all               run every enabled plugin\n"
	    "  -p, --plugin NAME,...   run only these plugins\n"
	    "  -l, --list              list plugins and the items they cover\n"
	    "      --list-items        list the 25 items and what gives evidence\n"
	    "      --list-config       print every setting as a commented smeaudit.ini\n"
	    "  -r, --root DIR          audit the system mounted at DIR\n"
	    "  -c, --config FILE       configuration file (default %s)\n"
	    "      --plugin-dir DIR    also load plugins from DIR (repeatable)\n"
	    "  -A, --answers FILE      human answers (repeatable, later wins)\n"
	    "  -f, --format FORMAT     report format: %s\n"
	    "  -o, --output FILE       write the report to FILE (mode 0600)\n"
	    "      --previous FILE     show an earlier JSON report's scores beside\n"
	    "                          these (html)\n"
	    "      --ledger FILE       include the risk-analysis ledger, by risk\n"
	    "  -L, --lang ja|en        language of the report and messages\n"
	    "      --now TIME          evaluate ages as of TIME (ISO 8601 or @EPOCH)\n"
	    "      --no-fork           run plugins in-process (debugging only)\n"
	    "  -q, --quiet             only errors on stderr\n"
	    "  -v, --verbose           more detail on stderr (twice: debug)\n"
	    "  -V, --version           print version, PCRE2 version and JIT state\n"
	    "  -h, --help              print this help\n"
	    "\n"), SA_SYSCONFDIR "/smeaudit/smeaudit.ini", rep_format_names());
	if (app_commands[0].name != NULL) {
		fputs(_("Commands:\n"), f);
		for (c = app_commands; c->name != NULL; c++)
			fprintf(f, "  %-18s %s\n", c->name, _(c->summary));
		fputs(_("  (plugins add commands too: see smeaudit --list)\n\n"), f);
	}
	fputs(_("Exit status:\n"
	    "  0  every assessed item is fully implemented\n"
	    "  1  findings: some item scores below 4\n"
	    "  2  incomplete audit: a plugin failed, crashed or timed out,\n"
	    "     or nothing could be assessed\n"
	    "  3  usage or input error (bad option, config, answers, rules)\n"), f);
	fputs(_("  --format nagios uses the monitoring-plugins convention instead:\n"
	    "  0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (see docs/reports.md)\n"), f);
}

static void
main_version(void)
{
	char v[64];

	rx_version(v, sizeof(v));
	printf("smeaudit %s\n", PACKAGE_VERSION);
	printf(_("plugin ABI %d.%d\n"), SA_ABI_MAJOR, SA_ABI_MINOR);
	printf(_("PCRE2 %s, JIT %s\n"), v,
	    rx_jit_available() ? _("available") : _("not available"));
}

static void
main_push(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static const char *
main_lang_arg(int argc, char **argv)
{
	int i;

	/* The language decides how option errors are printed: find it first. */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if ((strcmp(argv[i], "--lang") == 0 || strcmp(argv[i], "-L") == 0) &&
		    i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	struct app app;
	const struct app_command *c;
	const char *plugins = NULL, *lang;
	int opt, all = 0, list = 0, list_items = 0, list_config = 0;
	int version = 0, help = 0;
	int status;

	app_init(&app);
	lang = main_lang_arg(argc, argv);
	if (lang != NULL && strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0) {
		app.lang = i18n_default_lang();
		i18n_init(app.lang, app.paths.locale_dir);
		app_error(_("--lang takes ja or en, not \"%s\""), lang);
		status = APP_EXIT_USAGE;
		goto out;
	}
	app.lang = lang != NULL ? lang : i18n_default_lang();
	i18n_init(app.lang, app.paths.locale_dir);

	/* '+': options end at the first command name. */
	while ((opt = getopt_long(argc, argv, "+ap:lr:c:A:f:o:L:qvVh",
	    main_options, NULL)) != -1) {
		switch (opt) {
		case 'a': all = 1; break;
		case 'p': plugins = optarg; break;
		case 'l': list = 1; break;
		case OPT_LIST_ITEMS: list_items = 1; break;
		case OPT_LIST_CONFIG: list_config = 1; break;
		case 'r': app.root = optarg; break;
		case 'c': app.config_path = optarg; break;
		case OPT_PLUGIN_DIR:
			main_push(&app.plugin_dirs, &app.n_plugin_dirs, optarg);
			break;
		case 'A':
			main_push(&app.answer_files, &app.n_answer_files, optarg);
			break;
		case 'f': app.format = optarg; break;
		case 'o': app.output = optarg; break;
		case OPT_PREVIOUS: app.previous = optarg; break;
		case OPT_LEDGER: app.ledger = optarg; break;
		case 'L': break;	/* taken above */
		case OPT_NOW:
			if (ut_parse_time(optarg, &app.now) < 0) {
				app_error(_("--now: \"%s\" is not a time (2026-11-26T09:00 or @EPOCH)"),
				    optarg);
				status = APP_EXIT_USAGE;
				goto out;
			}
			app.now_given = 1;
			break;
		case OPT_NO_FORK: app.no_fork = 1; break;
		case 'q': app.verbosity = -1; break;
		case 'v':
			if (app.verbosity >= 0 && app.verbosity < 2)
				app.verbosity++;
			break;
		case 'V': version = 1; break;
		case 'h': help = 1; break;
		default:
			fprintf(stderr, _("Try 'smeaudit --help'.\n"));
			status = APP_EXIT_USAGE;
			goto out;
		}
	}
	if (help) {
		main_usage(stdout);
		status = APP_EXIT_OK;
		goto out;
	}
	if (version) {
		main_version();
		status = APP_EXIT_OK;
		goto out;
	}
	if (optind < argc) {
		if (all || plugins != NULL || list || list_items || list_config) {
			app_error(_("a command (%s) cannot be combined with --all, --plugin or --list"),
			    argv[optind]);
			status = APP_EXIT_USAGE;
			goto out;
		}
		for (c = app_commands; c->name != NULL; c++)
			if (strcmp(c->name, argv[optind]) == 0) {
				status = c->run(&app, argc - optind, argv + optind);
				goto out;
			}
		status = audit_plugin_command(&app, argc - optind, argv + optind);
		if (status == -1) {
			app_error(_("unknown command \"%s\"; see smeaudit --help"),
			    argv[optind]);
			status = APP_EXIT_USAGE;
		}
		goto out;
	}
	if (list + list_items + list_config + all + (plugins != NULL) > 1) {
		app_error(_("choose one of --all, --plugin, --list, --list-items and --list-config"));
		status = APP_EXIT_USAGE;
		goto out;
	}
	if (list)
		status = audit_list_plugins(&app);
	else if (list_items)
		status = audit_list_items(&app);
	else if (list_config)
		status = audit_list_config(&app);
	else if (all || plugins != NULL)
		status = audit_run(&app, plugins);
	else {
		app_error(_("nothing to do: give --all, --plugin NAME or --list (see --help)"));
		status = APP_EXIT_USAGE;
	}
out:
	app_free(&app);
	rx_cleanup();
	return status;
}
