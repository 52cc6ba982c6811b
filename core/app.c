/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "i18n.h"

void
app_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("smeaudit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
app_find_paths(struct app_paths *p)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n;

	memset(p, 0, sizeof(*p));
	/*
	 * Run from the build tree (README's first command), use the tree's
	 * plugins and data; once installed, the configured locations.
	 */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if (realpath(SA_ABS_BUILDDIR, build) != NULL &&
		    strcmp(dirname(exe), build) == 0)
			p->in_tree = 1;
	}
	if (p->in_tree) {
		p->plugin_dir = xstrdup(SA_ABS_BUILDDIR "/plugins/.libs");
		p->data_dir = xstrdup(SA_ABS_SRCDIR "/rules");
		p->locale_dir = xstrdup(SA_ABS_BUILDDIR "/po/locale");
		p->default_config = NULL;
	} else {
		p->plugin_dir = xstrdup(SA_PLUGINDIR);
		p->data_dir = xstrdup(SA_DATADIR);
		p->locale_dir = xstrdup(SA_LOCALEDIR);
		p->default_config = xstrdup(SA_SYSCONFDIR "/smeaudit/smeaudit.ini");
	}
}

void
app_init(struct app *app)
{
	memset(app, 0, sizeof(*app));
	app_find_paths(&app->paths);
	app->root = "/";
	app->format = "text";
	app->output = "-";
	app->now = (int64_t)time(NULL);
	cfg_init(&app->cfg);
}

void
app_free(struct app *app)
{
	size_t i;

	if (app->plugins_loaded)
		ldr_free(&app->plugins);
	if (app->cat_loaded)
		cat_free(&app->cat);
	cfg_free(&app->cfg);
	for (i = 0; i < app->n_plugin_dirs; i++)
		free(app->plugin_dirs[i]);
	free(app->plugin_dirs);
	for (i = 0; i < app->n_answer_files; i++)
		free(app->answer_files[i]);
	free(app->answer_files);
	free(app->paths.plugin_dir);
	free(app->paths.data_dir);
	free(app->paths.locale_dir);
	free(app->paths.default_config);
}

int
app_load_config(struct app *app)
{
	const char *path = app->config_path;
	struct sbuf err;
	int r;

	if (app->cfg_loaded)
		return 0;
	app->cfg_loaded = 1;
	if (path == NULL && app->paths.default_config != NULL &&
	    access(app->paths.default_config, F_OK) == 0)
		path = app->paths.default_config;
	if (path == NULL)
		return 0;
	sb_init(&err);
	r = cfg_load(&app->cfg, path, &err);
	if (r < 0) {
		app_error("%s", err.data);
		sb_free(&err);
		return APP_EXIT_USAGE;
	}
	sb_free(&err);
	return 0;
}

int
app_load_catalog(struct app *app)
{
	struct sbuf err;
	char *path;
	int r;

	if (app->cat_loaded)
		return 0;
	if ((r = app_load_config(app)) != 0)
		return r;
	path = xasprintf("%s/guideline-%s.catalog", app->paths.data_dir,
	    app->cfg.edition);
	sb_init(&err);
	r = cat_load(&app->cat, path, &err);
	free(path);
	if (r < 0) {
		app_error("%s", err.data);
		sb_free(&err);
		return APP_EXIT_USAGE;
	}
	sb_free(&err);
	app->cat_loaded = 1;
	return 0;
}

static const struct sa_plugin *
app_find_desc(void *user, const char *name)
{
	const struct ldr_plugin *p = ldr_find(user, name);

	return p != NULL ? p->desc : NULL;
}

int
app_load_plugins(struct app *app)
{
	struct sbuf err;
	size_t i;
	int r;

	if (app->plugins_loaded)
		return 0;
	if ((r = app_load_catalog(app)) != 0)
		return r;
	ldr_init(&app->plugins, geteuid(), (int)app->cat.n_items,
	    (int)app->cat.n_cloud);
	app->plugins_loaded = 1;
	sb_init(&err);
	/* --plugin-dir first: a plugin under development wins. */
	for (i = 0; i < app->n_plugin_dirs; i++)
		if (ldr_scan_dir(&app->plugins, app->plugin_dirs[i], &err) < 0)
			goto fail;
	for (i = 0; i < app->cfg.plugin_dirs.n; i++)
		if (ldr_scan_dir(&app->plugins, app->cfg.plugin_dirs.v[i], &err) < 0)
			goto fail;
	r = ldr_scan_dir(&app->plugins, app->paths.plugin_dir, &err);
	if (r < 0) {
		/* No built-in plugins is fine when others were given. */
		if (r != -ENOENT || app->plugins.n == 0)
			goto fail;
		sb_reset(&err);
	}
	for (i = 0; i < app->plugins.n; i++)
		if (app->plugins.v[i].refusal != NULL && app->verbosity >= 1)
			app_error(_("plugin %s refused: %s"), app->plugins.v[i].name,
			    app->plugins.v[i].refusal);
	if (cfg_validate_plugins(&app->cfg, app_find_desc, &app->plugins, &err) < 0)
		goto fail;
	sb_free(&err);
	return 0;
fail:
	app_error("%s", err.data != NULL ? err.data : _("cannot load plugins"));
	sb_free(&err);
	return APP_EXIT_USAGE;
}

int
app_load_answers(struct app *app, struct answers *ans)
{
	struct sbuf err;
	size_t i;
	int r;

	if ((r = app_load_catalog(app)) != 0)
		return r;
	sb_init(&err);
	for (i = 0; i < app->cfg.answers.n; i++)
		if (ans_load(ans, &app->cat, app->cfg.answers.v[i], &err) < 0)
			goto fail;
	for (i = 0; i < app->n_answer_files; i++)
		if (ans_load(ans, &app->cat, app->answer_files[i], &err) < 0)
			goto fail;
	sb_free(&err);
	return 0;
fail:
	app_error("%s", err.data);
	sb_free(&err);
	return APP_EXIT_USAGE;
}
