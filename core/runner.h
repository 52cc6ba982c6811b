/* SPDX-License-Identifier: MIT */
/*
 * Running plugins.  Each plugin's run() executes in a forked child with
 * its own process group, resource limits and a time limit; what it
 * reports comes back over a pipe.  A child that crashes, hangs, exits
 * early or writes garbage only loses its own results.
 */
#ifndef SA_RUNNER_H
#define SA_RUNNER_H

#include <stdint.h>
#include <sys/types.h>

#include "findings.h"
#include "host.h"
#include "loader.h"

enum run_status {
	RUN_PENDING = 0,
	RUN_OK,
	RUN_SKIPPED,
	RUN_ERROR,
	RUN_CRASHED,
	RUN_TIMEOUT
};

struct run_job {
	const struct ldr_plugin *plugin;	/* desc NULL: refused, not run */
	enum run_status status;
	char *reason;		/* one line for anything but ok */
	int64_t duration_ms;
	int64_t timeout_s;
	/* while running */
	pid_t pid;
	int fd;
	int64_t started_ms;
	int done;		/* WIRE_DONE seen */
	int bad_input;		/* run() returned SA_RUN_BAD_INPUT */
	int result;		/* run()'s return value */
	struct sbuf in;
	char *last_error;	/* last error logged, the likeliest reason */
};

struct run_opts {
	const struct host_env *env;
	size_t jobs;		/* at most this many children at once */
	int no_fork;		/* run in-process, for debuggers */
	int64_t memory_limit;	/* bytes of address space, 0 none */
	int progress;		/* show progress on stderr (a TTY) */
	volatile int *interrupted;	/* set by a signal handler */
};

const char *run_status_name(enum run_status s);

/*
 * Run every job and fill store.  Findings of a job that did not finish
 * well stay in the store but are not scored.  Returns 0, or -EINTR when
 * *opts->interrupted stopped the run (unfinished jobs become errors).
 */
int run_all(struct run_job *jobs, size_t n, const struct run_opts *opts,
    struct fnd_store *store);
void run_job_free(struct run_job *job);

#endif /* SA_RUNNER_H */
