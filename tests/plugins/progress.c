/* SPDX-License-Identifier: MIT */
/*
 * A slow fixture plugin for the progress display: it "scans" for a
 * while, telling host->progress how far it got, may log a warning half
 * way, and passes.  Built twice (FX_NAME) so that two can run at once.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <time.h>

#include <smeaudit/plugin.h>

static const struct sa_check fx_progress_checks[] = {
	{ "scanned", 1, 0, SA_SEV_LOW, "Fixture scan finished", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key fx_progress_config[] = {
	{ "steps", SA_CONFIG_INT, "20", 0, "Progress reports to send.", NULL },
	{ "step_ms", SA_CONFIG_INT, "50", 0, "Milliseconds between them.", NULL },
	{ "what", SA_CONFIG_STRING, "files", 0, "What the progress counts.", NULL },
	{ "warn", SA_CONFIG_BOOL, "no", 0, "Log a warning half way.", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static int
fx_progress_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct timespec step;
	const char *what;
	long long steps, step_ms, i;
	int warn;

	if (host->config_int(ctx, NULL, "steps", &steps) < 0 ||
	    host->config_int(ctx, NULL, "step_ms", &step_ms) < 0 ||
	    host->config_string(ctx, NULL, "what", &what) < 0 ||
	    host->config_bool(ctx, NULL, "warn", &warn) < 0)
		return -EINVAL;
	step.tv_sec = step_ms / 1000;
	step.tv_nsec = (step_ms % 1000) * 1000000L;
	for (i = 1; i <= steps; i++) {
		nanosleep(&step, NULL);
		host->progress(ctx, what, (uint64_t)i * 100);
		if (warn && i == steps / 2)
			host->log(ctx, SA_LOG_WARNING, "half way through");
	}
	sa_report(host, ctx, "scanned", SA_LEVEL_IMPLEMENTED, NULL, NULL);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = FX_NAME,
	.version = "0.1",
	.description_en = "Test fixture " FX_NAME " (slow, shows progress)",
	.checks = fx_progress_checks,
	.config = fx_progress_config,
	.run = fx_progress_run,
};
