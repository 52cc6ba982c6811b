/* SPDX-License-Identifier: MIT */
/*
 * runner: run_all with the fixture plugins.  A plugin that crashes,
 * aborts, hangs, exits early, fails or writes garbage loses only its own
 * results: its status and reason say what happened and whatever it
 * reported before is kept but not scored.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include "runner.h"
#include "unit.h"

#define FIXTURES SA_ABS_BUILDDIR "/tests/plugins/.libs"
#define ROOT SA_ABS_SRCDIR "/tests/fixtures/roots/minimal"

static struct ldr_set set;
static struct cfg cfg;
static struct rootfs rfs;
static struct host_env env;
static struct run_opts opts;
static struct fnd_store store;
static struct run_job jobs[16];
static size_t n_jobs;

static void
setup(void)
{
	struct sbuf err;

	sb_init(&err);
	ldr_init(&set, geteuid(), 25, 15);
	ck_assert_msg(ldr_scan_dir(&set, FIXTURES, &err) == 0, "%s", err.data);
	cfg_init(&cfg);
	ck_assert_msg(rfs_open_root(&rfs, ROOT, &err) == 0, "%s", err.data);
	sb_free(&err);
	memset(&env, 0, sizeof(env));
	env.cfg = &cfg;
	env.rfs = &rfs;
	env.now = 1795685415;
	env.lang = "en";
	env.data_dir = SA_ABS_SRCDIR "/rules";
	env.verbosity = -1;
	env.max_examples = 10;
	memset(&opts, 0, sizeof(opts));
	opts.env = &env;
	opts.jobs = 4;
	fnd_init(&store, 10);
	memset(jobs, 0, sizeof(jobs));
	n_jobs = 0;
}

static void
teardown(void)
{
	size_t i;

	for (i = 0; i < n_jobs; i++)
		run_job_free(&jobs[i]);
	fnd_free(&store);
	rfs_close(&rfs);
	cfg_free(&cfg);
	ldr_free(&set);
}

static struct run_job *
add_job(const char *name, int64_t timeout_s)
{
	const struct ldr_plugin *p = ldr_find(&set, name);
	struct run_job *j = &jobs[n_jobs++];

	ck_assert_msg(p != NULL, "fixture %s not built", name);
	j->plugin = p;
	j->timeout_s = timeout_s;
	if (p->desc == NULL) {
		/* as audit_run does for a refused plugin */
		j->status = RUN_ERROR;
		j->reason = xasprintf("refused: %s", p->refusal);
	}
	return j;
}

static struct run_job *
job(const char *name)
{
	size_t i;

	for (i = 0; i < n_jobs; i++)
		if (strcmp(jobs[i].plugin->name, name) == 0)
			return &jobs[i];
	ck_abort_msg("no job %s", name);
	return NULL;
}

static const struct fnd_finding *
finding(const char *id)
{
	size_t i;

	for (i = 0; i < store.n; i++)
		if (strcmp(store.v[i].id, id) == 0)
			return &store.v[i];
	return NULL;
}

/*
 * test-garbage writes to every descriptor from 3 to 63 in its child,
 * which shares this process's open files: check's own result file
 * among them.  Park ours above 63 while plugins run.
 */
static int parked[64];
static int parked_flags[64];

static void
park_fds(void)
{
	int fd;

	for (fd = 3; fd < 64; fd++) {
		parked[fd] = -1;
		parked_flags[fd] = fcntl(fd, F_GETFD);
		if (parked_flags[fd] < 0)
			continue;
		parked[fd] = fcntl(fd, F_DUPFD_CLOEXEC, 64);
		if (parked[fd] >= 0)
			close(fd);
	}
}

static void
unpark_fds(void)
{
	int fd;

	for (fd = 3; fd < 64; fd++) {
		if (parked[fd] < 0)
			continue;
		dup2(parked[fd], fd);
		fcntl(fd, F_SETFD, parked_flags[fd]);
		close(parked[fd]);
	}
}

static int
run(void)
{
	int r;

	park_fds();
	r = run_all(jobs, n_jobs, &opts, &store);
	unpark_fds();
	return r;
}

/* _i: 0 one plugin at a time, 1 four at once. */
START_TEST(test_failures)
{
	const struct fnd_finding *f;
	struct run_job *j;
	int64_t t0;

	opts.jobs = _i ? 4 : 1;
	add_job("test-good", 30);
	add_job("test-crash", 30);
	add_job("test-abort", 30);
	add_job("test-hang", 1);
	add_job("test-exit", 30);
	add_job("test-error", 30);
	add_job("test-garbage", 30);
	add_job("test-skip", 30);
	add_job("test-unknown", 30);
	add_job("test-badinput", 30);
	add_job("test-abi", 30);
	t0 = ut_now_ms();
	ck_assert_int_eq(run(), 0);
	/* the hang costs its timeout and no more than a few seconds beyond */
	ck_assert_int_lt(ut_now_ms() - t0, 20000);

	j = job("test-good");
	ck_assert_str_eq(run_status_name(j->status), "ok");
	ck_assert_ptr_null(j->reason);
	ck_assert_int_eq(j->pid, 0);
	ck_assert_int_eq(j->fd, -1);

	j = job("test-crash");
	ck_assert_str_eq(run_status_name(j->status), "crashed");
	ck_assert_str_eq(j->reason, "crashed: killed by signal 11 (Segmentation fault)");
	j = job("test-abort");
	ck_assert_str_eq(run_status_name(j->status), "crashed");
	ck_assert_str_eq(j->reason, "crashed: killed by signal 6 (Aborted)");
	j = job("test-hang");
	ck_assert_str_eq(run_status_name(j->status), "timeout");
	ck_assert_str_eq(j->reason, "stopped after 1s without finishing");
	ck_assert_int_ge(j->duration_ms, 1000);
	ck_assert_int_lt(j->duration_ms, 10000);
	j = job("test-exit");
	ck_assert_str_eq(run_status_name(j->status), "error");
	ck_assert_str_eq(j->reason, "exited early with status 0 before finishing");
	j = job("test-error");
	ck_assert_str_eq(run_status_name(j->status), "error");
	ck_assert_str_eq(j->reason, "cannot read /etc/fixture: Input/output error");
	ck_assert_int_eq(j->result, -EIO);
	j = job("test-garbage");
	ck_assert_str_eq(run_status_name(j->status), "error");
	ck_assert_str_eq(j->reason, "sent malformed messages to the core");
	j = job("test-skip");
	ck_assert_str_eq(run_status_name(j->status), "skipped");
	ck_assert_str_eq(j->reason, "nothing to audit on this system");
	j = job("test-unknown");
	ck_assert_str_eq(run_status_name(j->status), "ok");
	j = job("test-badinput");
	ck_assert_str_eq(run_status_name(j->status), "error");
	ck_assert_int_eq(j->bad_input, 1);
	ck_assert_str_eq(j->reason, "/etc/fixture.rules:3:7: missing )");
	ck_assert_int_eq(job("test-error")->bad_input, 0);
	/* a refused plugin is never started */
	j = job("test-abi");
	ck_assert_int_eq(j->status, RUN_ERROR);
	ck_assert_int_eq(j->pid, 0);
	ck_assert_int_eq(j->duration_ms, 0);
	ck_assert_msg(strstr(j->reason, "ABI 2.0") != NULL, "%s", j->reason);

	/* the good plugin's findings, aggregated and scored */
	f = finding("test-good.fail:not");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->count, 3);
	ck_assert_uint_eq(f->n_examples, 3);
	ck_assert_str_eq(f->examples[0], "/srv/a");
	ck_assert_str_eq(f->evidence, "password=[redacted] in [redacted]");
	ck_assert_int_eq(f->scored, 1);
	ck_assert_int_eq(finding("test-good.na:na")->scored, 1);
	ck_assert_int_eq(finding("test-unknown.unknown:unknown")->scored, 1);
	/* reported before the crash or the hang: kept, not scored */
	f = finding("test-crash.pass:ok");
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->evidence, "before crash");
	ck_assert_int_eq(f->scored, 0);
	f = finding("test-hang.pass:ok");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->scored, 0);
	/* nothing from the garbage writer got through */
	for (f = store.v; f < store.v + store.n; f++)
		ck_assert_str_ne(f->plugin, "test-garbage");
}
END_TEST

/* --no-fork: the same plugin in-process gives the same findings. */
START_TEST(test_no_fork)
{
	const struct fnd_finding *f;

	opts.no_fork = 1;
	add_job("test-good", 30);
	add_job("test-skip", 30);
	add_job("test-error", 30);
	add_job("test-abi", 30);
	ck_assert_int_eq(run_all(jobs, n_jobs, &opts, &store), 0);
	ck_assert_int_eq(job("test-good")->status, RUN_OK);
	ck_assert_int_eq(job("test-skip")->status, RUN_SKIPPED);
	ck_assert_int_eq(job("test-error")->status, RUN_ERROR);
	ck_assert_str_eq(job("test-error")->reason,
	    "cannot read /etc/fixture: Input/output error");
	f = finding("test-good.fail:not");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->count, 3);
	ck_assert_int_eq(f->scored, 1);
	ck_assert_int_eq(finding("test-good.pass:ok")->scored, 1);
}
END_TEST

/* More reports than examples: counted in the child, sent as one count. */
START_TEST(test_many)
{
	const struct fnd_finding *f;
	struct sbuf err;
	char *dir = unit_tmpdir(), *path;

	path = unit_write(dir, "c.ini", "[plugin.test-many]\ncount = 100000\n");
	sb_init(&err);
	ck_assert_msg(cfg_load(&cfg, path, &err) == 0, "%s", err.data);
	add_job("test-many", 60);
	ck_assert_int_eq(run(), 0);
	ck_assert_int_eq(job("test-many")->status, RUN_OK);
	f = finding("test-many.fail:not");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->count, 100000);
	ck_assert_uint_eq(f->n_examples, 10);
	ck_assert_str_eq(f->examples[9], "/srv/file9");
	sb_free(&err);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

static volatile int interrupted;

static void
on_usr1(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* An interrupt stops the run: what still runs is killed and says so. */
START_TEST(test_interrupted)
{
	struct sigaction sa;
	struct run_job *j;
	pid_t helper;
	int64_t t0;
	int st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	ck_assert_int_eq(sigaction(SIGUSR1, &sa, NULL), 0);
	interrupted = 0;
	opts.interrupted = &interrupted;
	opts.jobs = 1;
	add_job("test-good", 30);
	add_job("test-hang", 30);
	add_job("test-skip", 30);	/* never started: one job at a time */
	helper = fork();
	ck_assert_int_ge(helper, 0);
	if (helper == 0) {
		usleep(1000000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	t0 = ut_now_ms();
	ck_assert_int_eq(run(), -EINTR);
	ck_assert_int_lt(ut_now_ms() - t0, 10000);
	waitpid(helper, &st, 0);
	ck_assert_int_eq(job("test-good")->status, RUN_OK);
	j = job("test-hang");
	ck_assert_int_eq(j->status, RUN_ERROR);
	ck_assert_str_eq(j->reason, "interrupted before it finished");
	ck_assert_int_eq(finding("test-hang.pass:ok")->scored, 0);
	j = job("test-skip");
	ck_assert_int_eq(j->status, RUN_ERROR);
	ck_assert_str_eq(j->reason, "not run: the audit was interrupted");
	ck_assert_int_eq(j->pid, 0);
}
END_TEST

START_TEST(test_status_names)
{
	ck_assert_str_eq(run_status_name(RUN_OK), "ok");
	ck_assert_str_eq(run_status_name(RUN_SKIPPED), "skipped");
	ck_assert_str_eq(run_status_name(RUN_ERROR), "error");
	ck_assert_str_eq(run_status_name(RUN_CRASHED), "crashed");
	ck_assert_str_eq(run_status_name(RUN_TIMEOUT), "timeout");
	ck_assert_str_eq(run_status_name(RUN_PENDING), "error");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("runner");
	TCase *tc = tcase_create("runner");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_failures, 0, 2);
	tcase_add_test(tc, test_no_fork);
	tcase_add_test(tc, test_many);
	tcase_add_test(tc, test_interrupted);
	tcase_add_test(tc, test_status_names);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
