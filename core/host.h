/* SPDX-License-Identifier: MIT */
/*
 * The services the core lends a plugin (struct sa_host) and the state
 * behind them (struct sa_ctx).  In a plugin's child process, reports go
 * out as wire messages; the first examples of each check and level are
 * written at once so that a crash loses little, later ones only counted.
 */
#ifndef SA_HOST_H
#define SA_HOST_H

#include <stdint.h>
#include <time.h>

#include <smeaudit/plugin.h>

#include "accounts.h"
#include "answers.h"
#include "cfg.h"
#include "loader.h"
#include "rootfs.h"
#include "util.h"

struct host_tally {
	const struct sa_check *check;
	int level;
	uint64_t sent;		/* reports sent as full messages */
	uint64_t pending;	/* reports counted, not yet sent */
};

struct host_env {
	const struct cfg *cfg;
	const struct rootfs *rfs;
	time_t now;
	const char *lang;
	const char *data_dir;
	int verbosity;		/* -1 quiet, 0 normal, 1 -v, 2 -vv */
	size_t max_examples;
	const struct answers *ans;	/* NULL: nobody answered anything */
};

struct sa_ctx {
	const struct host_env *env;
	const struct ldr_plugin *plugin;
	struct acct acct;
	/* where wire messages go */
	void (*sink)(struct sa_ctx *ctx, const char *data, size_t len);
	void *sink_user;
	int wire_fd;
	struct sbuf out;
	struct host_tally *tally;
	size_t n_tally;
	void **keep;		/* arrays handed to the plugin, freed at the end */
	size_t n_keep;
	int64_t last_progress_ms;
};

extern const struct sa_host host_table;

/* sink NULL: messages are written to wire_fd. */
void host_ctx_init(struct sa_ctx *ctx, const struct host_env *env,
    const struct ldr_plugin *plugin, int wire_fd,
    void (*sink)(struct sa_ctx *, const char *, size_t), void *sink_user);
/* Send counted reports and anything buffered. */
void host_flush(struct sa_ctx *ctx);
/* Tell the parent run() returned result. */
void host_done(struct sa_ctx *ctx, int result);
void host_ctx_free(struct sa_ctx *ctx);

/* A log line on stderr, as the core prints it for a plugin. */
void host_print_log(const char *plugin, int level, const char *text,
    int verbosity);

#endif /* SA_HOST_H */
