/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef HAVE_SYS_PRCTL_H
#include <sys/prctl.h>
#endif

#include "i18n.h"
#include "rx.h"
#include "runner.h"
#include "wire.h"

#define RUN_READ_CHUNK 65536
#define RUN_MAX_BUFFER (8u * 1024 * 1024)
/* The status line is redrawn at most this often: a terminal is slow. */
#define RUN_STATUS_MS 100
/* What a plugin says it counts is cut to this many bytes. */
#define RUN_STATUS_WHAT 48

/* What a running job last said about its progress. */
struct run_progress {
	int running;
	char what[RUN_STATUS_WHAT + 1];
	uint64_t done;
	int said;		/* what/done are set */
};

struct run_state {
	const struct run_opts *opts;
	struct fnd_store *store;
	struct run_job *jobs;
	size_t n;
	/* run_all's poll arrays, held here so that a forked child (which
	 * never frees them) still reaches them: valgrind --leak-check then
	 * has nothing to report of a plugin's process. */
	struct pollfd *pfd;
	struct run_job **map;
	/*
	 * One status line on a terminal's stderr for every running plugin,
	 * "[1/3] shares: entries 12000, updates: apt lists 4, wifi",
	 * cleared before any log line and at the end.
	 */
	int status_on;		/* stderr is a terminal that can take it */
	int status_shown;	/* a status line is on the screen now */
	int status_dirty;	/* something changed since it was drawn */
	int64_t status_drawn_ms;
	size_t finished, total;
	struct run_progress *progress;	/* one per job */
};

const char *
run_status_name(enum run_status s)
{
	switch (s) {
	case RUN_OK: return "ok";
	case RUN_SKIPPED: return "skipped";
	case RUN_ERROR: return "error";
	case RUN_CRASHED: return "crashed";
	case RUN_TIMEOUT: return "timeout";
	default: return "error";
	}
}

void
run_job_free(struct run_job *job)
{
	free(job->reason);
	free(job->last_error);
	sb_free(&job->in);
	job->reason = NULL;
	job->last_error = NULL;
}

static void
run_set_reason(struct run_job *job, const char *fmt, ...) UT_PRINTF(2, 3);

static void
run_set_reason(struct run_job *job, const char *fmt, ...)
{
	va_list ap;

	free(job->reason);
	va_start(ap, fmt);
	job->reason = xvasprintf(fmt, ap);
	va_end(ap);
}

static size_t
run_term_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void
run_status_write(const char *s, size_t len)
{
	while (len > 0) {
		ssize_t w = write(STDERR_FILENO, s, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;		/* stderr is gone; nothing to tell */
		s += w;
		len -= (size_t)w;
	}
}

static void
run_status_clear(struct run_state *rs)
{
	if (!rs->status_shown)
		return;
	run_status_write("\r\033[K", 4);
	rs->status_shown = 0;
	rs->status_dirty = 1;
}

/* Append s to line up to max display columns; returns the columns used. */
static size_t
run_status_add(struct sbuf *line, const char *s, size_t cols, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	char one[5];
	size_t k, w;

	while (*p != '\0' && cols < max) {
		k = ut_utf8_seq(p, strlen((const char *)p));
		if (k == 0 || (k == 1 && (*p < 0x20 || *p == 0x7f))) {
			/* A plugin's text must not drive the terminal. */
			sb_addc(line, '?');
			cols++;
			p++;
			continue;
		}
		memcpy(one, p, k);
		one[k] = '\0';
		w = ut_display_width(one);
		if (cols + w > max)
			break;
		sb_add(line, one, k);
		cols += w;
		p += k;
	}
	return cols;
}

/* Redraw the status line if it changed and was not drawn just now. */
static void
run_status_draw(struct run_state *rs, int force)
{
	struct sbuf line;
	char buf[RUN_STATUS_WHAT + 64];
	size_t i, cols, max;
	int64_t now;
	int any = 0;

	if (!rs->status_on || !rs->status_dirty)
		return;
	now = ut_now_ms();
	if (!force && rs->status_shown && now - rs->status_drawn_ms < RUN_STATUS_MS)
		return;
	/* Stay off the last column: writing there wraps on some terminals. */
	max = run_term_width() - 1;
	sb_init(&line);
	sb_add(&line, "\r\033[K", 4);
	snprintf(buf, sizeof(buf), "[%zu/%zu]", rs->finished, rs->total);
	cols = run_status_add(&line, buf, 0, max);
	for (i = 0; i < rs->n && cols < max; i++) {
		const struct run_progress *pr = &rs->progress[i];

		if (!pr->running)
			continue;
		if (pr->said)
			snprintf(buf, sizeof(buf), "%s %s: %s %llu", any ? "," : "",
			    rs->jobs[i].plugin->name, pr->what,
			    (unsigned long long)pr->done);
		else
			snprintf(buf, sizeof(buf), "%s %s", any ? "," : "",
			    rs->jobs[i].plugin->name);
		cols = run_status_add(&line, buf, cols, max);
		any = 1;
	}
	run_status_write(line.data, line.len);
	sb_free(&line);
	rs->status_shown = 1;
	rs->status_dirty = 0;
	rs->status_drawn_ms = now;
}

static void
run_status_job(struct run_state *rs, struct run_job *job, int running)
{
	struct run_progress *pr = &rs->progress[job - rs->jobs];

	if (pr->running && !running)
		rs->finished++;
	pr->running = running;
	rs->status_dirty = 1;
}

/* One message from a job's child; -EPROTO when it makes no sense. */
static int
run_deliver(struct run_state *rs, struct run_job *job, const struct wire_msg *m)
{
	const struct sa_plugin *d = job->plugin->desc;
	const struct sa_check *check;
	struct fnd_finding *f;

	switch (m->type) {
	case WIRE_FINDING:
	case WIRE_COUNT:
		if (m->n_strings < 1 || m->s[0] == NULL ||
		    (check = ldr_find_check(d, m->s[0])) == NULL)
			return -EPROTO;
		if (m->a != SA_LEVEL_UNKNOWN && m->a != SA_LEVEL_NOT &&
		    m->a != SA_LEVEL_PARTLY && m->a != SA_LEVEL_IMPLEMENTED &&
		    m->a != SA_LEVEL_NA)
			return -EPROTO;
		f = fnd_get(rs->store, job->plugin->name, check, m->a);
		if (m->type == WIRE_COUNT)
			fnd_add_count(f, m->c);
		else
			fnd_add(f, rs->store, m->n_strings > 1 ? m->s[1] : NULL,
			    m->n_strings > 2 ? m->s[2] : NULL,
			    m->n_strings > 3 ? m->s[3] : NULL,
			    m->n_strings > 4 ? m->s[4] : NULL, m->b);
		return 0;
	case WIRE_LOG:
		if (m->n_strings < 1 || m->s[0] == NULL)
			return -EPROTO;
		/* A log line starts on a line of its own, never after the status. */
		run_status_clear(rs);
		host_print_log(job->plugin->name, m->a, m->s[0],
		    rs->opts->env->verbosity);
		if (m->a == SA_LOG_ERROR) {
			free(job->last_error);
			job->last_error = xstrdup(m->s[0]);
		}
		return 0;
	case WIRE_PROGRESS:
		if (m->n_strings >= 1 && m->s[0] != NULL) {
			struct run_progress *pr = &rs->progress[job - rs->jobs];

			snprintf(pr->what, sizeof(pr->what), "%s", m->s[0]);
			pr->done = m->c;
			pr->said = 1;
			rs->status_dirty = 1;
			run_status_draw(rs, 0);
		}
		return 0;
	case WIRE_DONE:
		job->done = 1;
		job->result = m->a;
		return 0;
	}
	return -EPROTO;
}

/* Decode what has arrived; -EPROTO on garbage. */
static int
run_consume(struct run_state *rs, struct run_job *job)
{
	struct wire_msg msg;
	size_t off = 0;
	long used;
	int r = 0;

	while (off < job->in.len) {
		used = wire_decode(job->in.data + off, job->in.len - off, &msg);
		if (used == 0)
			break;
		if (used < 0 || run_deliver(rs, job, &msg) < 0) {
			r = -EPROTO;
			break;
		}
		off += (size_t)used;
	}
	if (off > 0) {
		memmove(job->in.data, job->in.data + off, job->in.len - off);
		job->in.len -= off;
	}
	return r;
}

static void
run_limits(const struct run_opts *opts)
{
	struct rlimit rl;

	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &rl);
#ifndef SA_SANITIZERS
	/* ASan reserves terabytes of address space; no limit under it. */
	if (opts->memory_limit > 0) {
		rl.rlim_cur = rl.rlim_max = (rlim_t)opts->memory_limit;
		setrlimit(RLIMIT_AS, &rl);
	}
#endif
	rl.rlim_cur = rl.rlim_max = 4096;
	setrlimit(RLIMIT_NOFILE, &rl);
#ifdef HAVE_SYS_PRCTL_H
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
#endif
}

static void
run_child(struct run_state *rs, struct run_job *job, int wfd)
{
	struct sa_ctx ctx;
	struct sigaction sa;
	size_t i;
	int result;

	static const int deflt[] = { SIGINT, SIGTERM, SIGPIPE, SIGSEGV, SIGBUS,
		SIGFPE, SIGILL, SIGABRT };

	setpgid(0, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	/* A crash must kill the child by its signal, also under ASan, whose
	 * handlers would turn it into an ordinary exit. */
	for (i = 0; i < UT_ARRAY_LEN(deflt); i++)
		sigaction(deflt[i], &sa, NULL);
	for (i = 0; i < rs->n; i++)
		if (rs->jobs[i].fd >= 0)
			close(rs->jobs[i].fd);
	run_limits(rs->opts);
	host_ctx_init(&ctx, rs->opts->env, job->plugin, wfd, NULL, NULL);
	result = job->plugin->desc->run(&host_table, &ctx);
	host_done(&ctx, result);
	host_ctx_free(&ctx);
	/* _exit: the parent's stdio buffers must not be flushed twice. */
	_exit(0);
}

static int
run_start(struct run_state *rs, struct run_job *job)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0) {
		job->status = RUN_ERROR;
		run_set_reason(job, _("cannot create a pipe: %s"), strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		job->status = RUN_ERROR;
		run_set_reason(job, _("cannot fork: %s"), strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		run_child(rs, job, p[1]);
	}
	/* Also here, so that a kill before the child runs setpgid works. */
	setpgid(pid, pid);
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	job->pid = pid;
	job->fd = p[0];
	job->started_ms = ut_now_ms();
	run_status_job(rs, job, 1);
	return 0;
}

static void
run_classify(struct run_job *job, int wstatus, int protocol_error)
{
	if (job->status == RUN_TIMEOUT) {
		run_set_reason(job, _("stopped after %llds without finishing"),
		    (long long)job->timeout_s);
		return;
	}
	if (job->status == RUN_ERROR && job->reason != NULL)
		return;		/* interrupted */
	if (protocol_error) {
		job->status = RUN_ERROR;
		run_set_reason(job, _("sent malformed messages to the core"));
	} else if (WIFSIGNALED(wstatus)) {
		job->status = RUN_CRASHED;
		run_set_reason(job, _("crashed: killed by signal %d (%s)"),
		    WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)));
	} else if (!job->done) {
		job->status = RUN_ERROR;
		run_set_reason(job, _("exited early with status %d before finishing"),
		    WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
	} else if (job->result == SA_RUN_OK) {
		job->status = RUN_OK;
	} else if (job->result == SA_RUN_SKIPPED) {
		job->status = RUN_SKIPPED;
		run_set_reason(job, _("nothing to audit on this system"));
	} else if (job->result == SA_RUN_BAD_INPUT) {
		job->status = RUN_ERROR;
		job->bad_input = 1;
		run_set_reason(job, "%s", job->last_error != NULL ? job->last_error :
		    _("its input files are broken"));
	} else {
		job->status = RUN_ERROR;
		if (job->last_error != NULL)
			run_set_reason(job, "%s", job->last_error);
		else
			run_set_reason(job, _("failed: %s"), job->result < 0 ?
			    strerror(-job->result) : _("unknown result"));
	}
}

/* Read what the child sent; 1 at end of file, -EPROTO, or 0. */
static int
run_read(struct run_state *rs, struct run_job *job)
{
	char buf[RUN_READ_CHUNK];
	ssize_t n;

	for (;;) {
		n = read(job->fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EAGAIN ? 0 : 1;
		if (n == 0)
			return 1;
		sb_add(&job->in, buf, (size_t)n);
		if (run_consume(rs, job) < 0 || job->in.len > RUN_MAX_BUFFER)
			return -EPROTO;
	}
}

/*
 * Reap a child without ever blocking for long: a plugin stuck in an
 * uninterruptible read (a dead NFS server) cannot die even of SIGKILL,
 * and the audit must still finish.  Returns 1 when reaped.
 */
static int
run_reap(struct run_job *job, int *wstatus, int64_t wait_ms)
{
	int64_t until = ut_now_ms() + wait_ms;
	pid_t r;

	for (;;) {
		r = waitpid(job->pid, wstatus, WNOHANG);
		if (r == job->pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return 1;	/* not our child any more */
		if (ut_now_ms() >= until)
			return 0;
		usleep(10000);
	}
}

static void
run_finish(struct run_state *rs, struct run_job *job, int wstatus,
    int protocol_error)
{
	/* Whatever the plugin started must not outlive it. */
	kill(-job->pid, SIGKILL);
	if (job->fd >= 0)
		close(job->fd);
	job->fd = -1;
	job->pid = 0;
	job->duration_ms = ut_now_ms() - job->started_ms;
	run_status_job(rs, job, 0);
	run_classify(job, wstatus, protocol_error);
	if (job->status != RUN_OK && job->status != RUN_SKIPPED)
		fnd_unscore_plugin(rs->store, job->plugin->name);
}

/* Stop a child that must not go on, and account for it. */
static void
run_kill(struct run_state *rs, struct run_job *job, int protocol_error)
{
	int wstatus = 0;

	kill(-job->pid, SIGKILL);
	if (job->fd >= 0) {
		/* Keep what it managed to say. */
		if (!protocol_error)
			run_read(rs, job);
	}
	if (!run_reap(job, &wstatus, 1000) && job->reason == NULL)
		run_set_reason(job, _("could not be stopped (stuck in the kernel)"));
	run_finish(rs, job, wstatus, protocol_error);
}

static void
run_in_process_sink(struct sa_ctx *ctx, const char *data, size_t len)
{
	struct run_state *rs = ctx->sink_user;
	struct run_job *job = NULL;
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (rs->jobs[i].plugin == ctx->plugin)
			job = &rs->jobs[i];
	sb_add(&job->in, data, len);
	run_consume(rs, job);
}

static void
run_no_fork(struct run_state *rs, struct run_job *job)
{
	struct sa_ctx ctx;
	int result;

	job->started_ms = ut_now_ms();
	run_status_job(rs, job, 1);
	run_status_draw(rs, 1);
	host_ctx_init(&ctx, rs->opts->env, job->plugin, -1, run_in_process_sink, rs);
	result = job->plugin->desc->run(&host_table, &ctx);
	host_done(&ctx, result);
	host_ctx_free(&ctx);
	job->duration_ms = ut_now_ms() - job->started_ms;
	run_status_job(rs, job, 0);
	run_classify(job, 0, 0);
	if (job->status != RUN_OK && job->status != RUN_SKIPPED)
		fnd_unscore_plugin(rs->store, job->plugin->name);
}

int
run_all(struct run_job *jobs, size_t n, const struct run_opts *opts,
    struct fnd_store *store)
{
	struct run_state rs;
	struct pollfd *pfd = NULL;
	struct run_job **map = NULL;
	const char *term = getenv("TERM");
	size_t next = 0, running = 0, i, k, max_jobs;
	int64_t now;
	int r;

	memset(&rs, 0, sizeof(rs));
	rs.opts = opts;
	rs.store = store;
	rs.jobs = jobs;
	rs.n = n;
	rs.progress = xcalloc(n + 1, sizeof(*rs.progress));
	/* A terminal that cannot erase a line gets no status line. */
	rs.status_on = opts->progress && (term == NULL || strcmp(term, "dumb") != 0);
	for (i = 0; i < n; i++) {
		jobs[i].fd = -1;
		sb_init(&jobs[i].in);
		if (jobs[i].plugin->desc != NULL)
			rs.total++;
	}
	if (opts->no_fork) {
		/* after a signal, no further plugin starts */
		for (i = 0; i < n; i++)
			if (jobs[i].plugin->desc != NULL &&
			    !(opts->interrupted != NULL && *opts->interrupted))
				run_no_fork(&rs, &jobs[i]);
		goto done;
	}
	max_jobs = opts->jobs > 0 ? opts->jobs : 1;
	pfd = rs.pfd = xcalloc(n + 1, sizeof(*pfd));
	map = rs.map = xcalloc(n + 1, sizeof(*map));
	for (;;) {
		while (running < max_jobs && next < n &&
		    !(opts->interrupted != NULL && *opts->interrupted)) {
			struct run_job *job = &jobs[next++];

			if (job->plugin->desc == NULL)
				continue;
			if (run_start(&rs, job) == 0)
				running++;
		}
		if (opts->interrupted != NULL && *opts->interrupted) {
			for (i = 0; i < n; i++)
				if (jobs[i].pid > 0) {
					jobs[i].status = RUN_ERROR;
					run_set_reason(&jobs[i], _("interrupted before it finished"));
					run_kill(&rs, &jobs[i], 0);
				}
			break;
		}
		if (running == 0)
			break;
		run_status_draw(&rs, 0);
		k = 0;
		for (i = 0; i < n; i++)
			if (jobs[i].pid > 0 && jobs[i].fd >= 0) {
				pfd[k].fd = jobs[i].fd;
				pfd[k].events = POLLIN;
				pfd[k].revents = 0;
				map[k++] = &jobs[i];
			}
		r = poll(pfd, k, k > 0 ? 100 : 20);
		if (r < 0 && errno != EINTR)
			break;
		for (i = 0; i < k; i++) {
			if (pfd[i].revents == 0)
				continue;
			r = run_read(&rs, map[i]);
			if (r < 0) {
				run_kill(&rs, map[i], 1);
				running--;
			} else if (r > 0) {
				/* End of file: the child is exiting, or closed
				 * its pipe and goes on; the timeout still holds. */
				close(map[i]->fd);
				map[i]->fd = -1;
			}
		}
		now = ut_now_ms();
		for (i = 0; i < n; i++) {
			struct run_job *job = &jobs[i];
			int wstatus = 0;

			if (job->pid <= 0)
				continue;
			if (job->fd < 0 && run_reap(job, &wstatus, 0)) {
				run_finish(&rs, job, wstatus, 0);
				running--;
			} else if (now - job->started_ms > job->timeout_s * 1000) {
				job->status = RUN_TIMEOUT;
				run_kill(&rs, job, 0);
				running--;
			}
		}
	}
done:
	run_status_clear(&rs);
	for (i = 0; i < n; i++)
		if (jobs[i].plugin->desc != NULL && jobs[i].status == RUN_PENDING) {
			jobs[i].status = RUN_ERROR;
			run_set_reason(&jobs[i], _("not run: the audit was interrupted"));
			fnd_unscore_plugin(store, jobs[i].plugin->name);
		}
	free(pfd);
	free(map);
	free(rs.progress);
	return opts->interrupted != NULL && *opts->interrupted ? -EINTR : 0;
}
