/* SPDX-License-Identifier: MIT */
/*
 * smeaudit password-check [--format text|json] [--list-rules] [FILE]
 *
 * Reads one candidate password per line (FILE, or standard input) and
 * prints, per line number, "weak" or "ok" and the ids of the rules the
 * password hit.  Never the password: not in the output, not in a log,
 * not echoed by the terminal.
 *
 * Exit status: 0 every password ok; 1 at least one weak; 2 none weak
 * but a rule gave up on a match limit for some line; 3 usage or input
 * error (bad option, unreadable file, invalid UTF-8, over-long line,
 * broken rules or settings).
 *
 * A file or pipe is read and checked whole before anything is printed,
 * so broken input yields an error and no half a report.  A terminal is
 * answered line by line with echo off.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../lib/tr.h"
#include "password.h"
#include "pwcheck.h"
#include "pwtext.h"

#define PWX_EXIT_OK 0
#define PWX_EXIT_WEAK 1
#define PWX_EXIT_INCOMPLETE 2
#define PWX_EXIT_USAGE 3

#define PWX_MAX_INPUT (256u * 1024 * 1024)
#define PWX_CHUNK 4096		/* passwords checked per batch */

struct pwx {
	const struct sa_host *host;
	struct sa_ctx *ctx;
	const struct pwr_set *rules;
	struct pwc_engine engine;
	int json;
	int ja;
	const char *input_name;
	size_t printed;		/* lines reported so far */
	size_t n_weak;
	size_t n_incomplete;
};

static int
pwx_usage(const struct pwx *x, FILE *f)
{
	if (x->ja)
		fputs("使い方: smeaudit password-check [--format text|json] [--list-rules] [ファイル]\n"
		    "パスワードの候補を1行に1つずつ読み(ファイル、なければ標準入力)、行番号\n"
		    "ごとに「弱い」か「問題なし」と、該当したルールの ID を表示します。\n"
		    "パスワード自体は表示しません。端末から入力した文字も画面に出ません。\n"
		    "\n"
		    "  -f, --format text|json  出力形式(json は {\"line\", \"weak\", \"rules\"} の配列)\n"
		    "      --list-rules        読み込んだルールの一覧を表示して終了\n"
		    "  -h, --help              このヘルプ\n"
		    "\n"
		    "終了コード: 0 すべて問題なし、1 弱いパスワードあり、\n"
		    "  2 一部のルールが照合の上限で打ち切られた、3 使い方・入力の誤り\n", f);
	else
		fputs("Usage: smeaudit password-check [--format text|json] [--list-rules] [FILE]\n"
		    "Read candidate passwords, one per line, from FILE or standard input and\n"
		    "print per line number whether the password is weak and which rules it\n"
		    "hit.  The password itself is never printed, nor echoed by a terminal.\n"
		    "\n"
		    "  -f, --format text|json  output format (json: an array of\n"
		    "                          {\"line\", \"weak\", \"rules\"})\n"
		    "      --list-rules        list the rules loaded and exit\n"
		    "  -h, --help              print this help\n"
		    "\n"
		    "Exit status: 0 every password ok, 1 at least one weak,\n"
		    "  2 a rule gave up on a match limit, 3 usage or input error\n", f);
	return f == stdout ? PWX_EXIT_OK : PWX_EXIT_USAGE;
}

static const char *
pwx_severity(const struct pwx *x, int sev)
{
	static const char *const ja[] = { "", "情報", "低", "中", "高", "重大" };

	if (x->ja && sev >= SA_SEV_INFO && sev <= SA_SEV_CRITICAL)
		return ja[sev];
	return pwt_severity_name(sev);
}

/* One output line at a time, written at once: thousands of lines a second. */
struct pwx_line {
	char buf[8192];
	size_t len;
};

static void
pwx_put(struct pwx_line *l, const char *s)
{
	size_t n = strlen(s);

	if (l->len + n >= sizeof(l->buf)) {
		fwrite(l->buf, 1, l->len, stdout);
		l->len = 0;
	}
	if (n >= sizeof(l->buf)) {
		fwrite(s, 1, n, stdout);
		return;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
}

static void
pwx_print(struct pwx *x, size_t line, const struct pwc_result *res)
{
	const struct pwr_rule *r;
	struct pwx_line out;
	char num[24], *d = num + sizeof(num);
	size_t i;

	if (res->weak)
		x->n_weak++;
	if (res->incomplete)
		x->n_incomplete++;
	out.len = 0;
	*--d = '\0';
	do
		*--d = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	if (x->json) {
		pwx_put(&out, x->printed > 0 ? ",\n  {\"line\": " : "\n  {\"line\": ");
		pwx_put(&out, d);
		pwx_put(&out, res->weak ? ", \"weak\": true, \"rules\": [" :
		    ", \"weak\": false, \"rules\": [");
		for (i = 0; i < res->n_hits; i++) {
			/* ids need no escaping: the record format allows [A-Za-z0-9._-] */
			pwx_put(&out, i > 0 ? ", \"" : "\"");
			pwx_put(&out, x->rules->v[res->hits[i]].id);
			pwx_put(&out, "\"");
		}
		pwx_put(&out, "]}");
	} else {
		if (x->ja) {
			pwx_put(&out, d);
			pwx_put(&out, res->weak ? "行目: 弱い\n" : "行目: 問題なし\n");
		} else {
			pwx_put(&out, "line ");
			pwx_put(&out, d);
			pwx_put(&out, res->weak ? ": weak\n" : ": ok\n");
		}
		for (i = 0; i < res->n_hits; i++) {
			r = &x->rules->v[res->hits[i]];
			pwx_put(&out, "    ");
			pwx_put(&out, r->id);
			pwx_put(&out, " (");
			pwx_put(&out, pwx_severity(x, r->severity));
			pwx_put(&out, "): ");
			pwx_put(&out, pwr_message(r, x->ja ? "ja" : "en"));
			pwx_put(&out, "\n");
		}
	}
	fwrite(out.buf, 1, out.len, stdout);
	x->printed++;
}

static void
pwx_begin(const struct pwx *x)
{
	if (x->json)
		fputs("[", stdout);
}

static void
pwx_end(const struct pwx *x)
{
	if (x->json) {
		fputs(x->printed > 0 ? "\n]\n" : "]\n", stdout);
		return;
	}
	if (x->ja)
		printf("%zu 件を確認: 弱い %zu 件、問題なし %zu 件\n", x->printed,
		    x->n_weak, x->printed - x->n_weak);
	else
		printf("%zu password%s checked: %zu weak, %zu ok\n", x->printed,
		    x->printed == 1 ? "" : "s", x->n_weak, x->printed - x->n_weak);
}

/* Why a line cannot be checked, or NULL when it can. */
static const char *
pwx_line_problem(const char *s, size_t n)
{
	if (n > PWC_MAX_BYTES)
		return E_("line longer than 1024 bytes");
	if (!pwt_utf8_valid(s, n, NULL))
		return memchr(s, '\0', n) != NULL ? E_("NUL byte in the line") :
		    E_("not valid UTF-8 (convert the file, e.g. iconv -f SHIFT_JIS -t UTF-8)");
	return NULL;
}

static int
pwx_status(const struct pwx *x)
{
	if (x->n_weak > 0)
		return PWX_EXIT_WEAK;
	return x->n_incomplete > 0 ? PWX_EXIT_INCOMPLETE : PWX_EXIT_OK;
}

static int
pwx_read_all(struct pwx *x, int fd, char **ret, size_t *ret_len)
{
	size_t len = 0, cap = 0;
	char *buf = NULL, *grown;
	ssize_t n;

	for (;;) {
		if (cap - len < 65536) {
			cap = cap == 0 ? 65536 : cap * 2;
			if (cap > PWX_MAX_INPUT + 65536 || (grown = malloc(cap)) == NULL) {
				x->host->log(x->ctx, SA_LOG_ERROR, "%s: %s", x->input_name,
				    cap > PWX_MAX_INPUT + 65536 ? E_("input larger than 256 MiB") :
				    strerror(ENOMEM));
				goto fail;
			}
			/* grow by copy, not realloc: the old block is wiped */
			if (buf != NULL) {
				memcpy(grown, buf, len);
				explicit_bzero(buf, len);
				free(buf);
			}
			buf = grown;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			x->host->log(x->ctx, SA_LOG_ERROR, "%s: %s", x->input_name,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*ret = buf;
	*ret_len = len;
	return 0;
fail:
	if (buf != NULL)
		explicit_bzero(buf, len);
	free(buf);
	return -EINVAL;
}

static int
pwx_grow(const char ***pw, size_t **len, size_t **lines, size_t *cap)
{
	size_t want = *cap == 0 ? 1024 : *cap * 2;
	void *p;

	if ((p = reallocarray(*pw, want, sizeof(**pw))) == NULL)
		return -ENOMEM;
	*pw = p;
	if ((p = reallocarray(*len, want, sizeof(**len))) == NULL)
		return -ENOMEM;
	*len = p;
	if ((p = reallocarray(*lines, want, sizeof(**lines))) == NULL)
		return -ENOMEM;
	*lines = p;
	*cap = want;
	return 0;
}

/* A file or a pipe: everything is read and checked before any output. */
static int
pwx_batch(struct pwx *x, int fd)
{
	const char **pw = NULL;
	size_t *len = NULL, *lines = NULL, n = 0, cap = 0, size, i, k, line = 0, chunk;
	struct pwc_result *res = NULL;
	struct timespec t0, t1;
	const char *problem;
	char *buf, *p, *end, *nl;
	double ms;
	int rc = PWX_EXIT_USAGE;

	if (pwx_read_all(x, fd, &buf, &size) < 0)
		return PWX_EXIT_USAGE;
	for (p = buf, end = buf + size; p < end; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		k = (size_t)(nl - p);
		if (k > 0 && p[k - 1] == '\r')
			k--;
		if ((problem = pwx_line_problem(p, k)) != NULL) {
			x->host->log(x->ctx, SA_LOG_ERROR, "%s:%zu: %s", x->input_name,
			    line, problem);
			goto out;
		}
		if (n == cap && pwx_grow(&pw, &len, &lines, &cap) < 0) {
			x->host->log(x->ctx, SA_LOG_ERROR, "%s", strerror(ENOMEM));
			goto out;
		}
		pw[n] = p;
		len[n] = k;
		lines[n] = line;
		n++;
	}
	if ((res = calloc(PWX_CHUNK, sizeof(*res))) == NULL)
		goto out;
	if (n > PWC_SCAN_MAX) {
		/* many passwords: index the word lists once, before the clock runs */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (pwc_index(&x->engine) < 0)
			goto out;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		x->host->log(x->ctx, SA_LOG_INFO, E_("word lists indexed in %.3f ms"),
		    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pwx_begin(x);
	for (i = 0; i < n; i += chunk) {
		chunk = n - i < PWX_CHUNK ? n - i : PWX_CHUNK;
		if (pwc_check(&x->engine, pw + i, len + i, chunk, res) < 0)
			goto out;
		for (k = 0; k < chunk; k++) {
			pwx_print(x, lines[i + k], &res[k]);
			pwc_result_free(&res[k]);
		}
	}
	pwx_end(x);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	/* for benchmarks (shown with -v): the checking alone, lists loaded */
	x->host->log(x->ctx, SA_LOG_INFO, E_("checked %zu passwords in %.3f ms (%.0f per second)"),
	    n, ms, ms > 0 ? (double)n * 1e3 / ms : 0.0);
	rc = pwx_status(x);
out:
	explicit_bzero(buf, size);
	free(buf);
	free(pw);
	free(len);
	free(lines);
	free(res);
	return rc;
}

/* The terminal's settings while echo is off, to put back on any exit. */
static struct termios pwx_saved_tty;
static volatile sig_atomic_t pwx_tty_fd = -1;

static void
pwx_echo_off(void)
{
	struct termios t = pwx_saved_tty;

	t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
	tcsetattr(pwx_tty_fd, TCSAFLUSH, &t);
}

static void
pwx_on_signal(int sig)
{
	int saved = errno;

	if (pwx_tty_fd >= 0)
		tcsetattr(pwx_tty_fd, TCSAFLUSH, &pwx_saved_tty);
	if (sig == SIGTSTP) {
		/* stop with the echo back on; SIGCONT turns it off again */
		raise(SIGSTOP);
		errno = saved;
		return;
	}
	if (sig == SIGCONT) {
		if (pwx_tty_fd >= 0)
			pwx_echo_off();
		errno = saved;
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

static const int pwx_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT };
#define PWX_N_SIGNALS (sizeof(pwx_signals) / sizeof(pwx_signals[0]))

/* A person at a terminal: one answer per line, nothing echoed. */
static int
pwx_interactive(struct pwx *x, int fd)
{
	struct sigaction sa, old[PWX_N_SIGNALS];
	struct pwc_result res;
	const char *problem, *one;
	char *line = NULL;
	size_t cap = 0, lineno = 0, k;
	ssize_t n;
	FILE *in;
	int bad = 0, rc;

	if ((in = fdopen(dup(fd), "r")) == NULL) {
		x->host->log(x->ctx, SA_LOG_ERROR, "%s: %s", x->input_name, strerror(errno));
		return PWX_EXIT_USAGE;
	}
	/* no stdio buffer: what was typed stays in one place we wipe */
	setvbuf(in, NULL, _IONBF, 0);
	if (tcgetattr(fd, &pwx_saved_tty) == 0) {
		pwx_tty_fd = fd;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = pwx_on_signal;
		sigemptyset(&sa.sa_mask);
		for (k = 0; k < PWX_N_SIGNALS; k++)
			sigaction(pwx_signals[k], &sa, &old[k]);
		pwx_echo_off();
	}
	fputs(x->ja ? "パスワードを1行ずつ入力してください(画面には表示されません)。Ctrl-D で終了します。\n" :
	    "Type one password per line (nothing is shown); Ctrl-D ends.\n", stderr);
	pwx_begin(x);
	fflush(stdout);
	while ((n = getline(&line, &cap, in)) >= 0) {
		lineno++;
		k = (size_t)n;
		if (k > 0 && line[k - 1] == '\n')
			k--;
		if (k > 0 && line[k - 1] == '\r')
			k--;
		if ((problem = pwx_line_problem(line, k)) != NULL) {
			x->host->log(x->ctx, SA_LOG_ERROR, "%s:%zu: %s", x->input_name,
			    lineno, problem);
			bad = 1;
			explicit_bzero(line, cap);
			continue;
		}
		one = line;
		rc = pwc_check(&x->engine, &one, &k, 1, &res);
		explicit_bzero(line, cap);
		if (rc < 0) {
			bad = 1;
			break;
		}
		pwx_print(x, lineno, &res);
		pwc_result_free(&res);
		if (!x->json)
			fflush(stdout);
	}
	if (line != NULL)
		explicit_bzero(line, cap);
	free(line);
	fclose(in);
	if (pwx_tty_fd >= 0) {
		tcsetattr(pwx_tty_fd, TCSAFLUSH, &pwx_saved_tty);
		pwx_tty_fd = -1;
		for (k = 0; k < PWX_N_SIGNALS; k++)
			sigaction(pwx_signals[k], &old[k], NULL);
	}
	pwx_end(x);
	return bad ? PWX_EXIT_USAGE : pwx_status(x);
}

static int
pwx_list_rules(const struct pwx *x)
{
	static const char *const kinds[] = { "", "length", "rule", "words" };
	const struct pwr_rule *r;
	size_t i;

	for (i = 0; i < x->rules->n; i++) {
		r = &x->rules->v[i];
		printf("%-22s %-6s %-8s%s %s\n", r->id, kinds[r->kind],
		    pwt_severity_name(r->severity), r->disabled ? " (off)" : "",
		    pwr_message(r, x->ja ? "ja" : "en"));
	}
	return fflush(stdout) == 0 ? PWX_EXIT_OK : PWX_EXIT_USAGE;
}

int
pwx_main(const struct sa_host *host, struct sa_ctx *ctx, int argc, char **argv)
{
	struct pwx x;
	struct pwr_set rules;
	const char *file = NULL, *format = "text";
	int i, weak, fd, rc, list = 0, opts_done = 0;

	memset(&x, 0, sizeof(x));
	x.host = host;
	x.ctx = ctx;
	x.ja = strcmp(host->lang(ctx), "ja") == 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
			if (file != NULL) {
				host->log(ctx, SA_LOG_ERROR, E_("password-check reads one file, not \"%s\" too"), a);
				return PWX_EXIT_USAGE;
			}
			file = a;
		} else if (strcmp(a, "--") == 0)
			opts_done = 1;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			return pwx_usage(&x, stdout);
		else if (strcmp(a, "--list-rules") == 0)
			list = 1;
		else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
			if (++i == argc) {
				host->log(ctx, SA_LOG_ERROR, E_("%s needs text or json"), a);
				return PWX_EXIT_USAGE;
			}
			format = argv[i];
		} else if (strncmp(a, "--format=", 9) == 0)
			format = a + 9;
		else {
			host->log(ctx, SA_LOG_ERROR, E_("unknown option \"%s\""), a);
			return pwx_usage(&x, stderr);
		}
	}
	if (strcmp(format, "json") == 0)
		x.json = 1;
	else if (strcmp(format, "text") != 0) {
		host->log(ctx, SA_LOG_ERROR, E_("--format takes text or json, not \"%s\""), format);
		return PWX_EXIT_USAGE;
	}
	if (pw_load_rules(host, ctx, &rules) < 0)
		return PWX_EXIT_USAGE;
	x.rules = &rules;
	if (pw_weak_severity(host, ctx, &weak) < 0) {
		pwr_free(&rules);
		return PWX_EXIT_USAGE;
	}
	if (list) {
		rc = pwx_list_rules(&x);
		pwr_free(&rules);
		return rc;
	}
	if (pwc_init(&x.engine, &rules, weak) < 0) {
		pwr_free(&rules);
		return PWX_EXIT_USAGE;
	}
	if (file == NULL || strcmp(file, "-") == 0) {
		x.input_name = "<stdin>";
		fd = STDIN_FILENO;
	} else {
		x.input_name = file;
		if ((fd = open(file, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0) {
			host->log(ctx, SA_LOG_ERROR, "%s: %s", file, strerror(errno));
			pwc_free(&x.engine);
			pwr_free(&rules);
			return PWX_EXIT_USAGE;
		}
	}
	rc = isatty(fd) ? pwx_interactive(&x, fd) : pwx_batch(&x, fd);
	if (fd != STDIN_FILENO)
		close(fd);
	if (fflush(stdout) != 0 && rc != PWX_EXIT_USAGE) {
		host->log(ctx, SA_LOG_ERROR, E_("cannot write the result: %s"), strerror(errno));
		rc = PWX_EXIT_USAGE;
	}
	if (x.n_incomplete > 0)
		host->log(ctx, SA_LOG_WARNING,
		    E_("%zu line(s) could not be checked by every rule (match limit)"),
		    x.n_incomplete);
	pwc_free(&x.engine);
	pwr_free(&rules);
	return rc;
}
