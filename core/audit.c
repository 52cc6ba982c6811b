/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "host.h"
#include "i18n.h"
#include "json.h"
#include "report.h"
#include "repload.h"
#include "rootfs.h"
#include "runner.h"
#include "rx.h"
#include "score.h"
#include "wire.h"

static volatile int audit_interrupted;

static void
audit_on_signal(int sig)
{
	(void)sig;
	audit_interrupted = 1;
}

static int
audit_in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (len == n && strncmp(p, name, n) == 0)
			return 1;
		p += len + (end != NULL);
	}
	return 0;
}

/* Every name of a --plugin list must exist. */
static int
audit_check_names(const struct ldr_set *set, const char *list)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	int r = 0;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (ldr_find(set, tok) == NULL) {
			app_error(_("no plugin named \"%s\" (see smeaudit --list)"), tok);
			r = APP_EXIT_USAGE;
		}
	free(copy);
	return r;
}

struct audit_failed {
	const struct run_job *jobs;
	size_t n;
};

static char *
audit_failed_plugins(void *user, int item, int cloud)
{
	const struct audit_failed *af = user;
	struct sbuf sb;
	size_t i;

	sb_init(&sb);
	for (i = 0; i < af->n; i++) {
		const struct run_job *j = &af->jobs[i];

		if (j->status == RUN_OK || j->status == RUN_SKIPPED)
			continue;
		if ((item > 0 && j->plugin->items[item]) ||
		    (cloud > 0 && j->plugin->cloud[cloud])) {
			if (sb.len > 0)
				sb_adds(&sb, ", ");
			sb_printf(&sb, "%s (%s)", j->plugin->name,
			    run_status_name(j->status));
		}
	}
	return sb.len > 0 ? sb_steal(&sb) : (sb_free(&sb), NULL);
}

static char *
audit_hostname(const struct rootfs *rfs)
{
	char buf[256], *data, *nl;
	size_t len;

	if (rfs->live) {
		if (gethostname(buf, sizeof(buf)) == 0) {
			buf[sizeof(buf) - 1] = '\0';
			return xstrdup(buf);
		}
		return xstrdup("unknown");
	}
	if (rfs_read_file(rfs, "/etc/hostname", 4096, &data, &len) == 0) {
		nl = strpbrk(data, "\r\n");
		if (nl != NULL)
			*nl = '\0';
		if (*ut_trim(data) != '\0') {
			char *h = xstrdup(ut_trim(data));

			free(data);
			return h;
		}
		free(data);
	}
	return xstrdup("unknown");
}

static void audit_command_sink(struct sa_ctx *ctx, const char *data,
    size_t len);

/* What plugins see of this run; ans NULL for a command (no answers). */
static void
audit_env(struct host_env *env, const struct app *app, const struct rootfs *rfs,
    const struct answers *ans)
{
	memset(env, 0, sizeof(*env));
	env->cfg = &app->cfg;
	env->rfs = rfs;
	env->now = (time_t)app->now;
	env->lang = app->lang;
	env->data_dir = app->paths.data_dir;
	env->verbosity = app->verbosity;
	env->max_examples = (size_t)app->cfg.max_examples;
	env->ans = ans;
}

void
audit_extras_init(struct audit_extras *ex)
{
	memset(ex, 0, sizeof(*ex));
	ans_init(&ex->previous.ans);
}

int
audit_extras_load(struct audit_extras *ex, struct app *app)
{
	struct sbuf err;
	int r = 0;

	sb_init(&err);
	if ((app->previous != NULL && rl_load(&ex->previous, app->previous,
	    &app->cat, app->lang, &err) < 0) ||
	    (app->ledger != NULL && rep_ledger_load(&ex->ledger, app->ledger,
	    app->paths.data_dir, app->cfg.edition, app->lang, &err) < 0)) {
		app_error("%s", err.data);
		r = APP_EXIT_USAGE;
	}
	sb_free(&err);
	return r;
}

void
audit_extras_attach(const struct audit_extras *ex, const struct app *app,
    struct report *rep)
{
	if (app->previous != NULL) {
		rep->previous = &ex->previous.score;
		rep->previous_at = ex->previous.generated_at;
	}
	if (app->ledger != NULL)
		rep->ledger = &ex->ledger.rep;
}

void
audit_extras_free(struct audit_extras *ex)
{
	rl_free(&ex->previous);
	rep_ledger_free(&ex->ledger);
}

/*
 * Let every selected plugin check its own configuration before anything
 * runs: a bad value costs a second, not a whole audit.  Returns 0 or
 * APP_EXIT_USAGE.
 */
static int
audit_check_configs(const struct run_job *jobs, size_t n,
    const struct host_env *env)
{
	struct sa_ctx ctx;
	struct sbuf buf;
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		const struct sa_plugin *d = jobs[i].plugin->desc;

		if (d == NULL || !SA_PLUGIN_HAS(d, check_config) ||
		    d->check_config == NULL)
			continue;
		sb_init(&buf);
		host_ctx_init(&ctx, env, jobs[i].plugin, -1, audit_command_sink, &buf);
		if (d->check_config(&host_table, &ctx) != 0)
			bad = 1;
		host_ctx_free(&ctx);
		sb_free(&buf);
	}
	return bad ? APP_EXIT_USAGE : 0;
}

int
audit_run(struct app *app, const char *names)
{
	const struct rep_format *fmt;
	struct run_job *jobs = NULL;
	struct rep_plugin *rplugins = NULL;
	struct audit_failed af;
	struct host_env env;
	struct run_opts ro;
	struct fnd_store store;
	struct answers ans;
	struct rootfs rfs;
	struct report rep;
	struct audit_extras extras;
	struct score sc;
	struct sigaction sa, old_int, old_term;
	struct sbuf err;
	char pcre[64], *hostname = NULL;
	size_t i, n = 0;
	int r, status = APP_EXIT_USAGE, complete;

	sb_init(&err);
	ans_init(&ans);
	fnd_init(&store, 10);
	memset(&sc, 0, sizeof(sc));
	audit_extras_init(&extras);
	rfs.fd = -1;
	rfs.path = NULL;

	if ((fmt = rep_find_format(app->format)) == NULL) {
		app_error(_("unknown format \"%s\"; choose one of: %s"), app->format,
		    rep_format_names());
		goto out;
	}
	if ((r = app_load_plugins(app)) != 0)
		goto out;
	if (names != NULL && (r = audit_check_names(&app->plugins, names)) != 0)
		goto out;
	if (rfs_open_root(&rfs, app->root, &err) < 0) {
		app_error(_("cannot use --root: %s"), err.data);
		goto out;
	}
	if ((r = app_load_answers(app, &ans)) != 0)
		goto out;
	if ((r = audit_extras_load(&extras, app)) != 0)
		goto out;
	fnd_free(&store);
	fnd_init(&store, (size_t)app->cfg.max_examples);

	jobs = xcalloc(app->plugins.n + 1, sizeof(*jobs));
	for (i = 0; i < app->plugins.n; i++) {
		const struct ldr_plugin *p = &app->plugins.v[i];

		if (names != NULL ? !audit_in_list(names, p->name) :
		    !cfg_plugin_enabled(&app->cfg, p->name))
			continue;
		if (p->desc != NULL && p->desc->run == NULL) {
			if (names != NULL)
				app_error(_("plugin %s only provides commands; it audits nothing"),
				    p->name);
			continue;
		}
		jobs[n].plugin = p;
		jobs[n].timeout_s = cfg_plugin_timeout(&app->cfg, p->name);
		if (p->desc == NULL) {
			jobs[n].status = RUN_ERROR;
			jobs[n].reason = xasprintf("refused: %s", p->refusal);
		}
		n++;
	}

	audit_env(&env, app, &rfs, &ans);
	memset(&ro, 0, sizeof(ro));
	ro.env = &env;
	ro.jobs = app->cfg.jobs > 0 ? (size_t)app->cfg.jobs :
	    (size_t)(sysconf(_SC_NPROCESSORS_ONLN) > 0 ?
	    sysconf(_SC_NPROCESSORS_ONLN) : 1);
	ro.no_fork = app->no_fork;
	ro.memory_limit = app->cfg.memory_limit;
	ro.progress = app->verbosity >= 0 && isatty(STDERR_FILENO);
	ro.interrupted = &audit_interrupted;

	if ((r = audit_check_configs(jobs, n, &env)) != 0)
		goto out;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = audit_on_signal;
	sigemptyset(&sa.sa_mask);
	/* In-process plugins cannot be stopped: there, the first signal asks
	 * for the report after the plugin at hand and a second one stops
	 * smeaudit at once. */
	if (app->no_fork)
		sa.sa_flags = SA_RESETHAND;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	run_all(jobs, n, &ro, &store);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	fnd_sort(&store);

	af.jobs = jobs;
	af.n = n;
	score_compute(&sc, &app->cat, &store, &ans, audit_failed_plugins, &af);

	rplugins = xcalloc(n + 1, sizeof(*rplugins));
	complete = !audit_interrupted;
	for (i = 0; i < n; i++) {
		const struct ldr_plugin *p = jobs[i].plugin;

		rplugins[i].name = p->name;
		rplugins[i].version = p->desc != NULL ? p->desc->version : NULL;
		rplugins[i].status = run_status_name(jobs[i].status);
		rplugins[i].reason = jobs[i].reason;
		rplugins[i].duration_ms = jobs[i].duration_ms;
		rplugins[i].items = p->desc != NULL ? p->items : NULL;
		rplugins[i].cloud = p->desc != NULL ? p->cloud : NULL;
		if (jobs[i].status != RUN_OK && jobs[i].status != RUN_SKIPPED)
			complete = 0;
	}
	if (n == 0 && app->verbosity >= 0)
		app_error(_("no plugin was selected; nothing was checked by a machine"));

	hostname = audit_hostname(&rfs);
	rx_version(pcre, sizeof(pcre));
	memset(&rep, 0, sizeof(rep));
	rep.tool_version = PACKAGE_VERSION;
	rep.pcre2_version = pcre;
	rep.jit = rx_jit_available();
	rep.hostname = hostname;
	rep.root = rfs.path;
	rep.live = rfs.live;
	rep.generated_at = (int64_t)time(NULL);
	rep.evaluated_at = app->now;
	rep.lang = app->lang;
	rep.cat = &app->cat;
	rep.ans = &ans;
	rep.score = &sc;
	rep.store = &store;
	rep.plugins = rplugins;
	rep.n_plugins = n;
	rep.interrupted = audit_interrupted;
	rep.complete = complete;
	rep.color = strcmp(app->output, "-") == 0 && isatty(STDOUT_FILENO) &&
	    getenv("NO_COLOR") == NULL && strcmp(fmt->name, "text") == 0;
	audit_extras_attach(&extras, app, &rep);
	sb_reset(&err);
	if (rep_output(&rep, fmt, app->output, &err) < 0) {
		app_error("%s", err.data);
		status = APP_EXIT_USAGE;
		goto out;
	}
	status = rep_format_status(fmt, &rep);
	for (i = 0; i < n; i++)
		if (jobs[i].bad_input)
			status = APP_EXIT_USAGE;
out:
	for (i = 0; jobs != NULL && i < n; i++)
		run_job_free(&jobs[i]);
	free(jobs);
	free(rplugins);
	free(hostname);
	score_free(&sc);
	fnd_free(&store);
	ans_free(&ans);
	audit_extras_free(&extras);
	if (rfs.path != NULL)
		rfs_close(&rfs);
	sb_free(&err);
	return status;
}

static const char *
audit_pick(const char *lang, const char *en, const char *ja)
{
	return strcmp(lang, "ja") == 0 && ja != NULL ? ja : en;
}

int
audit_list_plugins(struct app *app)
{
	const struct sa_check *c;
	struct jw w;
	size_t i, k;
	int r, json = strcmp(app->format, "json") == 0;

	if (!json && strcmp(app->format, "text") != 0) {
		app_error(_("--list prints text or json"));
		return APP_EXIT_USAGE;
	}
	if ((r = app_load_plugins(app)) != 0)
		return r;
	if (json) {
		jw_init(&w, stdout, 1);
		jw_array(&w, NULL);
	}
	for (i = 0; i < app->plugins.n; i++) {
		const struct ldr_plugin *p = &app->plugins.v[i];
		const struct sa_plugin *d = p->desc;

		if (json) {
			jw_object(&w, NULL);
			jw_string(&w, "name", p->name);
			jw_string(&w, "path", p->path);
			jw_string(&w, "version", d != NULL ? d->version : NULL);
			jw_string(&w, "description", d != NULL ? audit_pick(app->lang,
			    d->description_en, d->description_ja) : NULL);
			jw_bool(&w, "enabled", cfg_plugin_enabled(&app->cfg, p->name));
			jw_string(&w, "refused", p->refusal);
			jw_array(&w, "items");
			for (k = 1; d != NULL && k <= app->cat.n_items; k++)
				if (p->items[k])
					jw_int(&w, NULL, (long long)k);
			jw_end(&w, ']');
			jw_array(&w, "cloud_items");
			for (k = 1; d != NULL && k <= app->cat.n_cloud; k++)
				if (p->cloud[k])
					jw_int(&w, NULL, (long long)k);
			jw_end(&w, ']');
			jw_array(&w, "checks");
			for (c = d != NULL ? d->checks : NULL; c != NULL && c->name != NULL; c++) {
				char *id = xasprintf("%s.%s", p->name, c->name);

				jw_object(&w, NULL);
				jw_string(&w, "id", id);
				jw_int(&w, "item", c->item);
				jw_int(&w, "cloud_item", c->cloud_item);
				jw_string(&w, "title", audit_pick(app->lang, c->title_en,
				    c->title_ja));
				jw_end(&w, '}');
				free(id);
			}
			jw_end(&w, ']');
			jw_array(&w, "commands");
			for (k = 0; d != NULL && d->commands != NULL &&
			    d->commands[k].name != NULL; k++)
				jw_string(&w, NULL, d->commands[k].name);
			jw_end(&w, ']');
			jw_end(&w, '}');
			continue;
		}
		if (d == NULL) {
			printf("%-14s %-9s %s %s\n", p->name, "-", _("REFUSED:"), p->refusal);
			continue;
		}
		printf("%-14s %-9s %s%s\n", p->name, d->version,
		    audit_pick(app->lang, d->description_en, d->description_ja),
		    cfg_plugin_enabled(&app->cfg, p->name) ? "" : _(" (disabled)"));
		printf("%-14s %-9s %s", "", "", _("items:"));
		for (k = 1; k <= app->cat.n_items; k++)
			if (p->items[k])
				printf(" %zu", k);
		for (k = 1; k <= app->cat.n_cloud; k++)
			if (p->cloud[k])
				printf(" %s%zu", _("cloud-"), k);
		putchar('\n');
	}
	if (json) {
		jw_end(&w, ']');
		jw_finish(&w);
	}
	return fflush(stdout) == 0 ? APP_EXIT_OK : APP_EXIT_USAGE;
}

int
audit_list_items(struct app *app)
{
	static const char *const modes[] = { "human", "partly", "auto" };
	struct jw w;
	size_t i, k;
	int r, json = strcmp(app->format, "json") == 0, any;

	if (!json && strcmp(app->format, "text") != 0) {
		app_error(_("--list-items prints text or json"));
		return APP_EXIT_USAGE;
	}
	if ((r = app_load_plugins(app)) != 0)
		return r;
	if (json) {
		jw_init(&w, stdout, 1);
		jw_array(&w, NULL);
	}
	for (i = 0; i < app->cat.n_items; i++) {
		const struct cat_item *it = &app->cat.items[i];

		if (json) {
			jw_object(&w, NULL);
			jw_int(&w, "number", it->number);
			jw_string(&w, "category", app->cat.categories[it->category].id);
			jw_string(&w, "label", cat_text(&it->label, app->lang));
			jw_string(&w, "mode", modes[it->mode]);
			jw_array(&w, "plugins");
			for (k = 0; k < app->plugins.n; k++)
				if (app->plugins.v[k].desc != NULL &&
				    app->plugins.v[k].items[it->number])
					jw_string(&w, NULL, app->plugins.v[k].name);
			jw_end(&w, ']');
			jw_bool(&w, "needs_answer", it->mode != CAT_MODE_AUTO);
			jw_end(&w, '}');
			continue;
		}
		printf("%2d  ", it->number);
		fputs(cat_text(&it->label, app->lang), stdout);
		/* at least one space, even after a label wider than the column */
		k = ut_display_width(cat_text(&it->label, app->lang));
		do
			putchar(' ');
		while (++k < 34);
		any = 0;
		for (k = 0; k < app->plugins.n; k++)
			if (app->plugins.v[k].desc != NULL &&
			    app->plugins.v[k].items[it->number]) {
				printf("%s%s", any ? ", " : "", app->plugins.v[k].name);
				any = 1;
			}
		if (!any)
			fputs(_("(no plugin)"), stdout);
		if (it->mode != CAT_MODE_AUTO)
			printf("  %s", it->mode == CAT_MODE_HUMAN ? _("[needs an answer]") :
			    _("[evidence covers part; answer too]"));
		putchar('\n');
	}
	if (json) {
		jw_end(&w, ']');
		jw_finish(&w);
	}
	return fflush(stdout) == 0 ? APP_EXIT_OK : APP_EXIT_USAGE;
}

static void
audit_command_sink(struct sa_ctx *ctx, const char *data, size_t len)
{
	struct wire_msg msg;
	struct sbuf *buf = ctx->sink_user;
	long used;

	/* A command has no report; only its log lines matter. */
	sb_add(buf, data, len);
	while ((used = wire_decode(buf->data, buf->len, &msg)) > 0) {
		if (msg.type == WIRE_LOG && msg.n_strings > 0 && msg.s[0] != NULL)
			host_print_log(ctx->plugin->name, msg.a, msg.s[0],
			    ctx->env->verbosity);
		memmove(buf->data, buf->data + used, buf->len - (size_t)used);
		buf->len -= (size_t)used;
	}
}

int
audit_plugin_command(struct app *app, int argc, char **argv)
{
	const struct sa_command *cmd = NULL;
	const struct ldr_plugin *owner = NULL;
	struct host_env env;
	struct rootfs rfs;
	struct sa_ctx ctx;
	struct sbuf buf, err;
	size_t i, k;
	int r;

	if ((r = app_load_plugins(app)) != 0)
		return r;
	for (i = 0; i < app->plugins.n && cmd == NULL; i++) {
		const struct sa_plugin *d = app->plugins.v[i].desc;

		for (k = 0; d != NULL && d->commands != NULL &&
		    d->commands[k].name != NULL; k++)
			if (strcmp(d->commands[k].name, argv[0]) == 0) {
				cmd = &d->commands[k];
				owner = &app->plugins.v[i];
				break;
			}
	}
	if (cmd == NULL)
		return -1;
	sb_init(&err);
	if (rfs_open_root(&rfs, app->root, &err) < 0) {
		app_error(_("cannot use --root: %s"), err.data);
		sb_free(&err);
		return APP_EXIT_USAGE;
	}
	sb_free(&err);
	audit_env(&env, app, &rfs, NULL);
	sb_init(&buf);
	host_ctx_init(&ctx, &env, owner, -1, audit_command_sink, &buf);
	r = cmd->main(&host_table, &ctx, argc, argv);
	host_ctx_free(&ctx);
	sb_free(&buf);
	rfs_close(&rfs);
	return r;
}

static const char *
audit_type_name(enum sa_config_type t)
{
	switch (t) {
	case SA_CONFIG_BOOL: return "bool";
	case SA_CONFIG_INT: return "int";
	case SA_CONFIG_DURATION: return "duration";
	case SA_CONFIG_SIZE: return "size";
	case SA_CONFIG_PATH: return "path";
	default: return "string";
	}
}

static void
audit_keys_json(struct jw *w, const char *lang, const struct sa_config_key *k)
{
	for (; k != NULL && k->name != NULL; k++) {
		jw_object(w, NULL);
		jw_string(w, "name", k->name);
		jw_string(w, "type", audit_type_name(k->type));
		jw_string(w, "default", k->default_value);
		jw_bool(w, "repeatable", (k->flags & SA_CONFIG_MULTI) != 0);
		jw_string(w, "section", k->flags & SA_CONFIG_SUB ? "sub" :
		    k->flags & SA_CONFIG_MAIN_AND_SUB ? "both" : "main");
		jw_string(w, "help", audit_pick(lang, k->help_en, k->help_ja));
		jw_end(w, '}');
	}
}

/* Commented "#key = default" lines; want_sub selects the SUB-section keys. */
static int
audit_keys_ini(const char *lang, const struct sa_config_key *k, int want_sub)
{
	int n = 0;

	for (; k != NULL && k->name != NULL; k++) {
		int sub = (k->flags & (SA_CONFIG_SUB | SA_CONFIG_MAIN_AND_SUB)) != 0;

		if (want_sub ? !sub : (k->flags & SA_CONFIG_SUB) != 0)
			continue;
		printf("# %s (%s%s)\n", audit_pick(lang, k->help_en, k->help_ja),
		    audit_type_name(k->type),
		    k->flags & SA_CONFIG_MULTI ? _(", repeatable") : "");
		printf("#%s = %s\n", k->name, k->default_value != NULL ?
		    k->default_value : "");
		n++;
	}
	return n;
}

int
audit_list_config(struct app *app)
{
	const struct sa_config_key *k;
	struct jw w;
	size_t i;
	int r, json = strcmp(app->format, "json") == 0;

	if (!json && strcmp(app->format, "text") != 0 &&
	    strcmp(app->format, "ini") != 0) {
		app_error(_("--list-config prints ini (text) or json"));
		return APP_EXIT_USAGE;
	}
	if ((r = app_load_plugins(app)) != 0)
		return r;
	if (json) {
		jw_init(&w, stdout, 1);
		jw_object(&w, NULL);
		jw_array(&w, "core");
		audit_keys_json(&w, app->lang, cfg_core_keys);
		jw_end(&w, ']');
		jw_array(&w, "plugin_common");
		audit_keys_json(&w, app->lang, cfg_generic_plugin_keys);
		jw_end(&w, ']');
		jw_object(&w, "plugins");
		for (i = 0; i < app->plugins.n; i++) {
			if (app->plugins.v[i].desc == NULL)
				continue;
			jw_array(&w, app->plugins.v[i].name);
			audit_keys_json(&w, app->lang, app->plugins.v[i].desc->config);
			jw_end(&w, ']');
		}
		jw_end(&w, '}');
		jw_end(&w, '}');
		jw_finish(&w);
		return fflush(stdout) == 0 ? APP_EXIT_OK : APP_EXIT_USAGE;
	}
	printf(_("# smeaudit.ini: every setting, commented out, with its default.\n"
	    "# Remove the '#' before a key to change it.  Written by\n"
	    "# smeaudit --list-config (see smeaudit.ini(5)).\n"));
	printf("\n[core]\n");
	audit_keys_ini(app->lang, cfg_core_keys, 0);
	for (i = 0; i < app->plugins.n; i++) {
		const struct sa_plugin *d = app->plugins.v[i].desc;

		if (d == NULL)
			continue;
		printf("\n# %s\n", audit_pick(app->lang, d->description_en,
		    d->description_ja));
		printf("#[plugin.%s]\n", d->name);
		audit_keys_ini(app->lang, cfg_generic_plugin_keys, 0);
		audit_keys_ini(app->lang, d->config, 0);
		for (k = d->config; k != NULL && k->name != NULL; k++)
			if (k->flags & (SA_CONFIG_SUB | SA_CONFIG_MAIN_AND_SUB))
				break;
		if (k != NULL && k->name != NULL) {
			printf(_("# One section per NAME:\n"));
			printf("#[plugin.%s.NAME]\n", d->name);
			audit_keys_ini(app->lang, d->config, 1);
		}
	}
	return fflush(stdout) == 0 ? APP_EXIT_OK : APP_EXIT_USAGE;
}
