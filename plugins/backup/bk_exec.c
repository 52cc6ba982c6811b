/* SPDX-License-Identifier: MIT */
/*
 * exec = yes: ask restic or borg itself for the list of snapshots or
 * archives, with their recorded times.  Off by default: smeaudit never
 * runs a backup tool unless told to.  The tool is kept from changing
 * anything: restic runs with --no-lock --no-cache, borg with
 * --bypass-lock, both with a private, throw-away HOME; the repository is
 * opened through the host (inside --root, no symlink out of it) and
 * handed over as /proc/self/fd/N; the passphrase goes through a pipe,
 * never the command line or the environment.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include "bk.h"

#define BK_EXEC_MAX_OUT (64u * 1024 * 1024)
#define BK_EXEC_REPO_FD 5
#define BK_EXEC_PASS_FD 3
/* Go reserves address space far beyond what it uses (restic aborts
 * under the core's default 1 GiB); the tool is bounded by time. */
#define BK_EXEC_AS ((rlim_t)8 << 30)
#define BK_EXEC_STACK ((rlim_t)1 << 20)

struct bk_times {
	int depth;		/* where "time" members live */
	int64_t *v;
	size_t n;
	int bad;
};

static void
bk_times_member(void *user, const struct bk_json_value *v)
{
	struct bk_times *t = user;
	int64_t when;

	if (v->depth != t->depth || !bk_json_key_is(v, "time") ||
	    v->kind != BK_JSON_STRING)
		return;
	if (v->escaped || tf_parse_iso(v->text, v->len, &when) < 0) {
		t->bad = 1;
		return;
	}
	t->v = hf_grow(t->v, t->n + 1, sizeof(*t->v));
	t->v[t->n++] = when;
}

static int
bk_rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Read the child's output until both pipes close or time runs out. */
static int
bk_collect(int out, int err, int64_t timeout, struct bk_buf *obuf,
    struct bk_buf *ebuf)
{
	struct pollfd p[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	struct timespec start, now;
	char chunk[65536];
	int open = 2, i, ms;
	ssize_t n;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (open > 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (int)((timeout - (now.tv_sec - start.tv_sec)) * 1000);
		if (ms <= 0)
			return -ETIMEDOUT;
		if (poll(p, 2, ms) < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (i = 0; i < 2; i++) {
			if (p[i].fd < 0 || p[i].revents == 0)
				continue;
			n = read(p[i].fd, chunk, sizeof(chunk));
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) {
				p[i].fd = -1;
				open--;
				continue;
			}
			if (i == 0) {
				if (obuf->len + (size_t)n > BK_EXEC_MAX_OUT)
					return -EFBIG;
				bk_buf_add(obuf, chunk, (size_t)n);
			} else if (ebuf->len < 4096)
				bk_buf_add(ebuf, chunk, (size_t)n);
		}
	}
	return 0;
}

static void
bk_child(const struct bk_job *j, int repo_fd, int pass_fd, int out, int err,
    const char *home)
{
	char repo[32], *argv[10], *envp[16], *path_env;
	const char *path = getenv("PATH");
	struct rlimit rl;
	int null, k = 0, e = 0;

	/* No controlling terminal: a tool that wants a passphrase must not
	 * ask the person at the console; and it dies with the plugin even
	 * though it leaves the plugin's process group. */
	setsid();
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
#endif
	/* Move every descriptor clear of the numbers it is wanted at. */
	null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	repo_fd = fcntl(repo_fd, F_DUPFD_CLOEXEC, 10);
	pass_fd = pass_fd >= 0 ? fcntl(pass_fd, F_DUPFD_CLOEXEC, 10) : -1;
	out = fcntl(out, F_DUPFD_CLOEXEC, 10);
	err = fcntl(err, F_DUPFD_CLOEXEC, 10);
	if (null < 0 || repo_fd < 0 || out < 0 || err < 0)
		_exit(126);
	if (dup2(j->type == BK_RESTIC && pass_fd >= 0 ? pass_fd : null, 0) < 0 ||
	    dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    dup2(repo_fd, BK_EXEC_REPO_FD) < 0 ||
	    (j->type == BK_BORG && pass_fd >= 0 &&
	    dup2(pass_fd, BK_EXEC_PASS_FD) < 0))
		_exit(126);
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < BK_EXEC_AS) {
		rl.rlim_cur = rl.rlim_max = BK_EXEC_AS;
		setrlimit(RLIMIT_AS, &rl);	/* needs CAP_SYS_RESOURCE */
	}
	/* Without that: Go's threads reserve their stacks at the size of
	 * RLIMIT_STACK (8 MiB each); 1 MiB lets restic start under the
	 * core's 1 GiB.  Python (borg) keeps the default. */
	if (j->type == BK_RESTIC && getrlimit(RLIMIT_STACK, &rl) == 0 &&
	    (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > BK_EXEC_STACK)) {
		rl.rlim_cur = BK_EXEC_STACK;
		setrlimit(RLIMIT_STACK, &rl);
	}
	snprintf(repo, sizeof(repo), "/proc/self/fd/%d", BK_EXEC_REPO_FD);
	if (j->type == BK_RESTIC) {
		argv[k++] = (char *)"restic";
		argv[k++] = (char *)"--no-lock";
		argv[k++] = (char *)"--no-cache";
		argv[k++] = (char *)"--quiet";
		argv[k++] = (char *)"-r";
		argv[k++] = repo;
		argv[k++] = (char *)"snapshots";
		argv[k++] = (char *)"--json";
	} else {
		argv[k++] = (char *)"borg";
		argv[k++] = (char *)"--bypass-lock";
		argv[k++] = (char *)"list";
		argv[k++] = (char *)"--json";
		argv[k++] = repo;
	}
	argv[k] = NULL;
	path_env = hf_printf("PATH=%s", path != NULL ? path :
	    "/usr/local/bin:/usr/bin:/bin");
	envp[e++] = path_env;
	envp[e++] = hf_printf("HOME=%s", home);
	envp[e++] = hf_printf("XDG_CACHE_HOME=%s", home);
	envp[e++] = hf_printf("XDG_CONFIG_HOME=%s", home);
	/* times without a zone (borg's) are then UTC */
	envp[e++] = (char *)"TZ=UTC0";
	envp[e++] = (char *)"LC_ALL=C.UTF-8";
	envp[e++] = (char *)"GOMAXPROCS=2";
	if (j->type == BK_BORG) {
		envp[e++] = hf_printf("BORG_BASE_DIR=%s", home);
		/* an empty passphrase fails at once where one is needed */
		envp[e++] = pass_fd >= 0 ? (char *)"BORG_PASSPHRASE_FD=3" :
		    (char *)"BORG_PASSPHRASE=";
		envp[e++] = (char *)"BORG_RELOCATED_REPO_ACCESS_IS_OK=yes";
		envp[e++] = (char *)"BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes";
		envp[e++] = (char *)"BORG_DISPLAY_PASSPHRASE=no";
	}
	envp[e] = NULL;
	execvpe(argv[0], argv, envp);
	_exit(127);
}

/* The first line of the passphrase file, read inside the root. */
static int
bk_passphrase(struct bk_run *r, const struct bk_job *j, char **ret)
{
	char *data;
	size_t len;
	int rc;

	*ret = NULL;
	if (j->password_file == NULL)
		return 0;
	if ((rc = hf_read(&r->hf, j->password_file, 4096, &data, &len)) < 0) {
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING, E_("job %s: password_file %s: %s"),
		    j->name, j->password_file, strerror(-rc));
		return rc;
	}
	*ret = hf_strndup(data, strcspn(data, "\r\n"));
	explicit_bzero(data, len);
	free(data);
	return 0;
}

static void
bk_forget(char *secret)
{
	if (secret != NULL) {
		explicit_bzero(secret, strlen(secret));
		free(secret);
	}
}

int
bk_exec_times(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_buf out = { 0 }, errtext = { 0 };
	struct bk_json_error jerr;
	struct bk_times times = { 0 };
	char home[4096], *pass = NULL;
	const char *tmp = getenv("TMPDIR");
	int repo_fd = -1, po[2] = { -1, -1 }, pe[2] = { -1, -1 },
	    pp[2] = { -1, -1 }, rc, status, have_home = 0;
	const char *tool = j->type == BK_RESTIC ? "restic" : "borg";
	pid_t pid;
	size_t i;

	if (j->type != BK_RESTIC && j->type != BK_BORG) {
		ev->exec_why = hf_printf(E_("it is implemented for restic and borg "
		    "only, not %s"), bk_type_name(j->type));
		return -ENOTSUP;
	}
	if (j->type == BK_RESTIC && j->password_file == NULL) {
		ev->exec_why = hf_strdup(E_("restic needs password_file"));
		return -EINVAL;
	}
	if ((rc = bk_passphrase(r, j, &pass)) < 0) {
		ev->exec_why = hf_printf(E_("password_file %s: %s"),
		    j->password_file, strerror(-rc));
		return rc;
	}
	if ((rc = r->hf.host->open(r->hf.ctx, j->path, SA_OPEN_DIRECTORY, &repo_fd)) < 0)
		goto fail;
	snprintf(home, sizeof(home), "%s/smeaudit-backup-XXXXXX",
	    tmp != NULL && tmp[0] == '/' && strlen(tmp) < 4000 ? tmp : "/tmp");
	if (mkdtemp(home) == NULL) {
		rc = -errno;
		home[0] = '\0';
		goto fail;
	}
	have_home = 1;
	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0 ||
	    (pass != NULL && pipe2(pp, O_CLOEXEC) < 0)) {
		rc = -errno;
		goto fail;
	}
	if ((pid = fork()) < 0) {
		rc = -errno;
		goto fail;
	}
	if (pid == 0)
		bk_child(j, repo_fd, pp[0], po[1], pe[1], home);
	close(po[1]);
	close(pe[1]);
	po[1] = pe[1] = -1;
	if (pass != NULL) {
		struct sigaction ign = { .sa_handler = SIG_IGN }, old;

		/* far below a pipe's buffer: this cannot block; a tool that
		 * exits first must not take the plugin down with SIGPIPE */
		close(pp[0]);
		pp[0] = -1;
		sigemptyset(&ign.sa_mask);
		sigaction(SIGPIPE, &ign, &old);
		if (write(pp[1], pass, strlen(pass)) < 0 || write(pp[1], "\n", 1) < 0) {
			/* the tool will say it has no passphrase */
		}
		sigaction(SIGPIPE, &old, NULL);
		close(pp[1]);
		pp[1] = -1;
	}
	bk_forget(pass);
	pass = NULL;
	rc = bk_collect(po[0], pe[0], j->exec_timeout, &out, &errtext);
	if (rc < 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (rc == -ETIMEDOUT) {
		ev->exec_why = hf_printf(E_("%s did not finish within %llds "
		    "(exec_timeout)"), tool,
		    (long long)j->exec_timeout);
		goto done;
	}
	if (rc < 0)
		goto fail;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char *last, *clean;

		bk_buf_add(&errtext, "", 0);
		/* the last line says why; restic first says it reads stdin */
		for (i = errtext.len; i > 0 && (errtext.p[i - 1] == '\n' ||
		    errtext.p[i - 1] == '\r'); i--)
			errtext.p[i - 1] = '\0';
		last = strrchr(errtext.p, '\n');
		last = last != NULL ? last + 1 : errtext.p;
		clean = bk_clean_text(last, strlen(last), 200);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			ev->exec_why = hf_printf(E_("%s is not installed"), tool);
		else
			ev->exec_why = hf_printf(E_("%s failed (exit %d): %s"), tool, WIFEXITED(status) ?
			    WEXITSTATUS(status) : 128 + WTERMSIG(status), clean);
		free(clean);
		rc = -EIO;
		goto done;
	}
	times.depth = j->type == BK_RESTIC ? 2 : 3;
	if (bk_json_walk(out.p != NULL ? out.p : "", out.len, bk_times_member,
	    &times, &jerr) < 0 || times.bad) {
		ev->exec_why = hf_printf(E_("%s printed JSON that cannot be read "
		    "(line %u: %s)"), tool,
		    times.bad ? 0 : jerr.line, times.bad ? "bad time" : jerr.message);
		rc = -EINVAL;
		goto done;
	}
	/* Exact answers replace what the files suggested. */
	ev->count = 0;
	ev->newest = ev->oldest = 0;
	ev->n_future = 0;
	ev->future_max = 0;
	ev->count_known = 1;
	for (i = 0; i < times.n; i++)
		bk_ev_add(r, ev, times.v[i]);
	ev->exact = 1;
	ev->basis = j->type == BK_RESTIC ? E_("snapshot times reported by restic") :
	    E_("archive times reported by borg");
	rc = 0;
	goto done;
fail:
	ev->exec_why = hf_printf(E_("cannot run %s: %s"),
	    tool, strerror(-rc));
done:
	bk_forget(pass);
	if (repo_fd >= 0)
		close(repo_fd);
	for (i = 0; i < 2; i++) {
		if (po[i] >= 0)
			close(po[i]);
		if (pe[i] >= 0)
			close(pe[i]);
		if (pp[i] >= 0)
			close(pp[i]);
	}
	/* our own scratch directory, on the auditing host */
	if (have_home)
		nftw(home, bk_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(out.p);
	free(errtext.p);
	free(times.v);
	return rc;
}
