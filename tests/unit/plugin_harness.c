/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "plugin_harness.h"

static struct ph *
ph_of(struct sa_ctx *ctx)
{
	/* ctx is the first member of struct ph. */
	return (struct ph *)(void *)ctx;
}

static void
ph_sink(struct sa_ctx *ctx, const char *data, size_t len)
{
	(void)ctx;
	(void)data;
	(void)len;
}

static int
ph_is_live(struct sa_ctx *ctx)
{
	return ph_of(ctx)->live;
}

static void
ph_log(struct sa_ctx *ctx, enum sa_log_level level, const char *fmt, ...)
{
	struct ph *ph = ph_of(ctx);
	struct sbuf line;
	va_list ap;

	sb_init(&line);
	sb_printf(&line, "%d: ", (int)level);
	va_start(ap, fmt);
	sb_vprintf(&line, fmt, ap);
	va_end(ap);
	fprintf(stderr, "plugin log %s\n", line.data);
	ph->logs = xreallocarray(ph->logs, ph->n_logs + 1, sizeof(*ph->logs));
	ph->logs[ph->n_logs++] = xstrdup(line.data);
	sb_free(&line);
}

static int
ph_report_cb(struct sa_ctx *ctx, const struct sa_finding *f)
{
	struct ph *ph = ph_of(ctx);
	struct ph_report *r;
	int rc;

	/* The core's own checks decide whether the report is valid. */
	rc = host_table.report(ctx, f);
	if (rc < 0) {
		ph->rejected++;
		return rc;
	}
	ph->reports = xreallocarray(ph->reports, ph->n_reports + 1,
	    sizeof(*ph->reports));
	r = &ph->reports[ph->n_reports++];
	r->check = xstrdup(f->check);
	r->level = f->level;
	r->object = f->object != NULL ? xstrdup(f->object) : NULL;
	r->evidence = f->evidence != NULL ? xstrdup(f->evidence) : NULL;
	return 0;
}

static int
ph_stat(struct sa_ctx *ctx, const char *path, int flags, struct stat *ret)
{
	struct ph *ph = ph_of(ctx);
	size_t i;

	for (i = 0; i < ph->n_devs; i++)
		if (strcmp(ph->devs[i].path, path) == 0) {
			memset(ret, 0, sizeof(*ret));
			ret->st_mode = S_IFBLK | 0660;
			ret->st_rdev = makedev(ph->devs[i].major, ph->devs[i].minor);
			return 0;
		}
	return host_table.stat(ctx, path, flags, ret);
}

static const struct sa_plugin *ph_desc;

static const struct sa_plugin *
ph_find_desc(void *user, const char *name)
{
	(void)user;
	return strcmp(name, ph_desc->name) == 0 ? ph_desc : NULL;
}

void
ph_init(struct ph *ph, const struct sa_plugin *desc, const char *root,
    int live, const char *ini)
{
	struct sbuf err;
	FILE *f;
	int fd;

	memset(ph, 0, sizeof(*ph));
	sb_init(&err);
	cfg_init(&ph->cfg);
	ph_desc = desc;
	if (ini != NULL) {
		ph->ini_path = xstrdup("/tmp/smeaudit-harness-XXXXXX");
		fd = mkstemp(ph->ini_path);
		ck_assert_int_ge(fd, 0);
		f = fdopen(fd, "w");
		ck_assert_ptr_nonnull(f);
		fputs(ini, f);
		fclose(f);
		ck_assert_msg(cfg_load(&ph->cfg, ph->ini_path, &err) == 0, "%s", err.data);
		ck_assert_msg(cfg_validate_plugins(&ph->cfg, ph_find_desc, NULL, &err) == 0,
		    "%s", err.data);
	}
	ck_assert_msg(rfs_open_root(&ph->rfs, root, &err) == 0, "%s", err.data);
	ph->rfs.live = live;
	ph->live = live;
	sb_free(&err);
	ph->env.cfg = &ph->cfg;
	ph->env.rfs = &ph->rfs;
	ph->env.now = 1767225600;	/* 2026-01-01 */
	ph->env.lang = "en";
	ph->env.data_dir = SA_ABS_SRCDIR "/rules";
	ph->env.verbosity = 0;
	ph->env.max_examples = 1000;
	ph->plugin.name = xstrdup(desc->name);
	ph->plugin.desc = desc;
	ph->plugin.fd = -1;
	host_ctx_init(&ph->ctx, &ph->env, &ph->plugin, -1, ph_sink, NULL);
	ph->host = host_table;
	ph->host.is_live = ph_is_live;
	ph->host.log = ph_log;
	ph->host.report = ph_report_cb;
	ph->host.stat = ph_stat;
}

void
ph_blockdev(struct ph *ph, const char *path, unsigned int major,
    unsigned int minor)
{
	ck_assert_uint_lt(ph->n_devs, UT_ARRAY_LEN(ph->devs));
	ph->devs[ph->n_devs].path = xstrdup(path);
	ph->devs[ph->n_devs].major = major;
	ph->devs[ph->n_devs].minor = minor;
	ph->n_devs++;
}

int
ph_run(struct ph *ph)
{
	return ph->plugin.desc->run(&ph->host, &ph->ctx);
}

int
ph_check_config(struct ph *ph)
{
	const struct sa_plugin *d = ph->plugin.desc;

	if (!SA_PLUGIN_HAS(d, check_config) || d->check_config == NULL)
		return 0;
	return d->check_config(&ph->host, &ph->ctx);
}

const char *
ph_log_find(const struct ph *ph, const char *part)
{
	size_t i;

	for (i = 0; i < ph->n_logs; i++)
		if (strstr(ph->logs[i], part) != NULL)
			return ph->logs[i];
	return NULL;
}

size_t
ph_count(const struct ph *ph, const char *check, int level)
{
	size_t i, n = 0;

	for (i = 0; i < ph->n_reports; i++)
		n += strcmp(ph->reports[i].check, check) == 0 &&
		    ph->reports[i].level == level;
	return n;
}

const struct ph_report *
ph_find(const struct ph *ph, const char *check, int level, const char *part)
{
	size_t i;

	for (i = 0; i < ph->n_reports; i++)
		if (strcmp(ph->reports[i].check, check) == 0 &&
		    ph->reports[i].level == level && (part == NULL ||
		    (ph->reports[i].object != NULL &&
		    strstr(ph->reports[i].object, part) != NULL)))
			return &ph->reports[i];
	return NULL;
}

const char *
ph_config_error(const struct ph *ph, unsigned int line, const char *text)
{
	char *want = xasprintf("%d: %s:%u: %s", SA_LOG_ERROR, ph->ini_path, line,
	    text);
	const char *found = NULL;
	size_t i;

	for (i = 0; i < ph->n_logs && found == NULL; i++)
		if (strncmp(ph->logs[i], want, strlen(want)) == 0)
			found = ph->logs[i];
	free(want);
	return found;
}

void
ph_free(struct ph *ph)
{
	size_t i;

	for (i = 0; i < ph->n_reports; i++) {
		free(ph->reports[i].check);
		free(ph->reports[i].object);
		free(ph->reports[i].evidence);
	}
	free(ph->reports);
	for (i = 0; i < ph->n_logs; i++)
		free(ph->logs[i]);
	free(ph->logs);
	for (i = 0; i < ph->n_devs; i++)
		free(ph->devs[i].path);
	host_ctx_free(&ph->ctx);
	rfs_close(&ph->rfs);
	cfg_free(&ph->cfg);
	free(ph->plugin.name);
	if (ph->ini_path != NULL) {
		unlink(ph->ini_path);
		free(ph->ini_path);
	}
}

char *
ph_fixture(const char *rel)
{
	return xasprintf("%s/tests/fixtures/%s", SA_ABS_SRCDIR, rel);
}
