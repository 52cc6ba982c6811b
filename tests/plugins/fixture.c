/* SPDX-License-Identifier: MIT */
/*
 * Fixture plugins for the loader and runner tests, one source built
 * several times: FX_KIND selects the behaviour and FX_NAME the name.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#define FX_GOOD 1
#define FX_CRASH 2
#define FX_HANG 3
#define FX_EXIT 4
#define FX_ERROR 5
#define FX_ABI 6
#define FX_MANY 7
#define FX_GARBAGE 8
#define FX_UNKNOWN 9
#define FX_SKIP 10
#define FX_ABORT 11
#define FX_BADINPUT 12
#define FX_SPAWN 13	/* a child of its own that ignores SIGINT/SIGTERM, then hangs */

static const struct sa_check fx_checks[] = {
	{ "pass", 1, 0, SA_SEV_LOW, "Fixture check that passes",
	  "合格するフィクスチャ", "Nothing to do.", "対応不要。" },
	{ "partly", 2, 0, SA_SEV_MEDIUM, "Fixture check that partly passes",
	  NULL, "Do the rest.", NULL },
	{ "fail", 4, 0, SA_SEV_HIGH, "Fixture check that fails",
	  "不合格のフィクスチャ", "Fix the objects.", "対象を直してください。" },
	{ "na", 9, 0, SA_SEV_LOW, "Fixture check not applicable here",
	  NULL, NULL, NULL },
	{ "unknown", 6, 0, SA_SEV_LOW, "Fixture check that cannot tell",
	  NULL, NULL, NULL },
	{ "cloud", 0, 10, SA_SEV_MEDIUM, "Fixture cloud check",
	  NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key fx_config[] = {
	{ "count", SA_CONFIG_INT, "100000", 0, "Objects test-many reports.", NULL },
	{ "label", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB, "A per-job label.", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static int
fx_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	char obj[64];
	long long i, n;
	int fd;

	switch (FX_KIND) {
	case FX_GOOD:
		sa_report(host, ctx, "pass", SA_LEVEL_IMPLEMENTED, NULL, "all fine");
		sa_report(host, ctx, "partly", SA_LEVEL_PARTLY, "/srv/half", NULL);
		sa_report(host, ctx, "fail", SA_LEVEL_NOT, "/srv/a",
		    "password=hunter2 in $6$abcdefgh$ijklmnopqrstuvwxyz0123");
		sa_report(host, ctx, "fail", SA_LEVEL_NOT, "/srv/b", "mode 0666");
		sa_report(host, ctx, "fail", SA_LEVEL_NOT, "/srv/c\n<script>\xff", NULL);
		sa_report(host, ctx, "na", SA_LEVEL_NA, NULL, "no wifi");
		sa_report(host, ctx, "cloud", SA_LEVEL_IMPLEMENTED, "mail", NULL);
		host->log(ctx, SA_LOG_INFO, "good fixture done");
		return SA_RUN_OK;
	case FX_CRASH:
		sa_report(host, ctx, "pass", SA_LEVEL_IMPLEMENTED, NULL, "before crash");
		raise(SIGSEGV);
		return SA_RUN_OK;
	case FX_ABORT:
		abort();
	case FX_HANG:
		sa_report(host, ctx, "pass", SA_LEVEL_IMPLEMENTED, NULL, "before hang");
		for (;;)
			pause();
	case FX_SPAWN:
		/* like a tool the plugin runs: stopping the plugin must stop it */
		if (fork() == 0) {
			signal(SIGINT, SIG_IGN);
			signal(SIGTERM, SIG_IGN);
			for (;;)
				pause();
		}
		sa_report(host, ctx, "pass", SA_LEVEL_IMPLEMENTED, NULL, "spawned");
		for (;;)
			pause();
	case FX_EXIT:
		_exit(0);
	case FX_ERROR:
		host->log(ctx, SA_LOG_ERROR, "cannot read /etc/fixture: %s",
		    strerror(EIO));
		return -EIO;
	case FX_MANY:
		if (host->config_int(ctx, NULL, "count", &n) < 0)
			return -EINVAL;
		for (i = 0; i < n; i++) {
			snprintf(obj, sizeof(obj), "/srv/file%lld", i);
			sa_report(host, ctx, "fail", SA_LEVEL_NOT, obj, NULL);
		}
		sa_report(host, ctx, "pass", SA_LEVEL_IMPLEMENTED, NULL, NULL);
		return SA_RUN_OK;
	case FX_GARBAGE:
		/* Scribble over every descriptor the core might listen on. */
		for (fd = 3; fd < 64; fd++)
			if (write(fd, "\xff\xff\xff\x7fgarbage", 11) < 0) {
				/* not ours */
			}
		return SA_RUN_OK;
	case FX_UNKNOWN:
		sa_report(host, ctx, "unknown", SA_LEVEL_UNKNOWN, "/etc/unreadable",
		    "permission denied");
		return SA_RUN_OK;
	case FX_SKIP:
		return SA_RUN_SKIPPED;
	case FX_BADINPUT:
		host->log(ctx, SA_LOG_ERROR, "/etc/fixture.rules:3:7: missing )");
		return SA_RUN_BAD_INPUT;
	}
	return -EINVAL;
}

/* Shows plugin-side validation naming the file and line (ABI 1.1). */
static int
fx_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	const char *file;
	unsigned int line;
	long long n;

	if (host->config_int(ctx, NULL, "count", &n) < 0 || n >= 0)
		return 0;
	if (host->config_where(ctx, NULL, "count", 0, &file, &line) == 0)
		host->log(ctx, SA_LOG_ERROR, "%s:%u: count must not be negative",
		    file, line);
	return SA_RUN_BAD_INPUT;
}

SA_PLUGIN_DEFINE = {
#if FX_KIND == FX_ABI
	.abi_version = (2u << 16) | 0,
	.struct_size = sizeof(struct sa_plugin),
#else
	SA_PLUGIN_HEADER,
#endif
	.name = FX_NAME,
	.version = "0.1",
	.description_en = "Test fixture " FX_NAME,
	.description_ja = "テスト用フィクスチャ " FX_NAME,
	.checks = fx_checks,
	.config = fx_config,
	.run = fx_run,
	.check_config = fx_check_config,
};
