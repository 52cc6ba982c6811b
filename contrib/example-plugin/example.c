/* SPDX-License-Identifier: MIT */
/*
 * example: a small but real smeaudit plugin, written to show the whole
 * plugin API in one file.  It reads the OpenSSH server configuration of
 * the audited system and reports two checks:
 *
 *   example.root-login       (item 4, access restriction): may root log
 *                            in over SSH?
 *   example.empty-passwords  (item 3, passwords): may an account with an
 *                            empty password log in over SSH?
 *
 * What it demonstrates:
 *   - the one exported descriptor, with its check and configuration tables;
 *   - reading files of the audited system through host->read_file and
 *     listing a directory through host->open (never fopen(): that would
 *     read the auditing host's files under --root);
 *   - a PCRE2 rule compiled once through host->rx_compile and matched
 *     with captures through host->rx_match;
 *   - typed configuration (host->config_bool) and logging (host->log);
 *   - reporting passes, failures, "could not tell" and "not applicable".
 *
 * Build it out of tree with the installed SDK (Makefile beside this file,
 * flags from pkg-config smeaudit-plugin):
 *   make
 * and try it with: smeaudit --plugin-dir . --plugin example
 * smeaudit-plugin(7) describes the whole interface.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#define EX_MAX_FILE (1024 * 1024)
#define EX_MAX_DEPTH 8		/* Include nesting, as sshd limits it too */

static const struct sa_check example_checks[] = {
	{ "root-login", 4, 0, SA_SEV_HIGH,
	  "SSH lets root log in",
	  "SSH で root がログインできる",
	  "Set \"PermitRootLogin no\" in /etc/ssh/sshd_config, log in as a "
	  "named user and use sudo.",
	  "/etc/ssh/sshd_config に \"PermitRootLogin no\" を設定し、個人の"
	  "アカウントでログインして sudo を使ってください。" },
	{ "empty-passwords", 3, 0, SA_SEV_CRITICAL,
	  "SSH accepts empty passwords",
	  "SSH が空のパスワードを受け付ける",
	  "Set \"PermitEmptyPasswords no\" (the default) in /etc/ssh/sshd_config.",
	  "/etc/ssh/sshd_config で \"PermitEmptyPasswords no\"(既定値)に"
	  "してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key example_config[] = {
	{ "config_file", SA_CONFIG_PATH, "/etc/ssh/sshd_config", 0,
	  "sshd configuration to read, inside the audit root.",
	  "読み込む sshd の設定ファイル(監査対象ルート内のパス)。" },
	{ "allow_key_login", SA_CONFIG_BOOL, "no", 0,
	  "Treat root login with keys only (prohibit-password) as implemented.",
	  "鍵認証のみの root ログイン(prohibit-password)を実施済みとみなす。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

/* The first value of each keyword wins, as in sshd. */
struct ex_state {
	const struct sa_host *host;
	struct sa_ctx *ctx;
	struct sa_rx *line_rx;
	char *root_login;
	char *empty_passwords;
	int in_match;
};

static void ex_read_config(struct ex_state *st, const char *path, int depth);

static void
ex_set(char **slot, const char *value, size_t len)
{
	if (*slot != NULL)
		return;
	*slot = strndup(value, len);
}

static int
ex_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "Include /etc/ssh/sshd_config.d/ *.conf": each match in name order. */
static void
ex_include(struct ex_state *st, const char *pattern, int depth)
{
	char dir[4096], path[4096], *slash, **names = NULL, **grown;
	const char *glob;
	struct dirent *de;
	size_t n = 0, i;
	DIR *d;
	int fd;

	/* Relative includes are relative to /etc/ssh. */
	snprintf(dir, sizeof(dir), "%s%s", pattern[0] == '/' ? "" : "/etc/ssh/",
	    pattern);
	if (strpbrk(dir, "*?[") == NULL) {
		ex_read_config(st, dir, depth + 1);
		return;
	}
	slash = strrchr(dir, '/');
	*slash = '\0';
	glob = slash + 1;
	/* List the directory through the host: it lies under the root. */
	if (st->host->open(st->ctx, dir[0] != '\0' ? dir : "/",
	    SA_OPEN_DIRECTORY, &fd) < 0)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (fnmatch(glob, de->d_name, FNM_PERIOD) != 0)
			continue;
		grown = realloc(names, (n + 1) * sizeof(*names));
		if (grown == NULL)
			break;
		names = grown;
		if ((names[n] = strdup(de->d_name)) == NULL)
			break;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), ex_cmp);
	for (i = 0; i < n; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, names[i]) <
		    sizeof(path))
			ex_read_config(st, path, depth + 1);
		free(names[i]);
	}
	free(names);
}

static void
ex_line(struct ex_state *st, const char *line, size_t len, int depth)
{
	size_t ov[6];
	const char *key, *value;
	size_t klen, vlen;
	char *copy;

	if (st->host->rx_match(st->ctx, st->line_rx, line, len, ov, 3) != 1)
		return;
	key = line + ov[2];
	klen = ov[3] - ov[2];
	value = line + ov[4];
	vlen = ov[5] - ov[4];
	if (klen == 5 && strncasecmp(key, "match", 5) == 0) {
		/* Match blocks apply to some connections only. */
		st->in_match = 1;
		return;
	}
	if (st->in_match)
		return;
	if (klen == 7 && strncasecmp(key, "include", 7) == 0) {
		copy = strndup(value, vlen);
		if (copy != NULL) {
			/* Several patterns may follow one Include. */
			for (char *save = NULL, *tok = strtok_r(copy, " \t", &save);
			    tok != NULL; tok = strtok_r(NULL, " \t", &save))
				ex_include(st, tok, depth);
			free(copy);
		}
	} else if (klen == 15 && strncasecmp(key, "permitrootlogin", 15) == 0)
		ex_set(&st->root_login, value, vlen);
	else if (klen == 20 && strncasecmp(key, "permitemptypasswords", 20) == 0)
		ex_set(&st->empty_passwords, value, vlen);
}

static void
ex_read_config(struct ex_state *st, const char *path, int depth)
{
	char *data, *p, *nl;
	size_t len;
	int r;

	if (depth > EX_MAX_DEPTH) {
		st->host->log(st->ctx, SA_LOG_WARNING,
		    "%s: Include nested too deeply; ignored", path);
		return;
	}
	r = st->host->read_file(st->ctx, path, EX_MAX_FILE, &data, &len);
	if (r < 0) {
		if (depth > 0)
			st->host->log(st->ctx, SA_LOG_WARNING, "%s: %s", path,
			    strerror(-r));
		return;
	}
	for (p = data; p < data + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (nl == NULL)
			nl = data + len;
		ex_line(st, p, (size_t)(nl - p), depth);
	}
	st->host->free(data);
}

static int
example_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct ex_state st = { .host = host, .ctx = ctx };
	struct sa_rx_error rxerr;
	const char *config_file;
	struct stat sb;
	int allow_keys = 0, level, r;

	if (host->config_string(ctx, NULL, "config_file", &config_file) < 0 ||
	    host->config_bool(ctx, NULL, "allow_key_login", &allow_keys) < 0)
		return -EINVAL;
	r = host->stat(ctx, config_file, 0, &sb);
	if (r == -ENOENT) {
		/* No SSH server here: nothing to restrict. */
		sa_report(host, ctx, "root-login", SA_LEVEL_NA, config_file,
		    "no sshd configuration");
		sa_report(host, ctx, "empty-passwords", SA_LEVEL_NA, config_file,
		    "no sshd configuration");
		return SA_RUN_SKIPPED;
	}
	if (r < 0) {
		/* Present but unreadable: say so instead of guessing. */
		sa_report(host, ctx, "root-login", SA_LEVEL_UNKNOWN, config_file,
		    strerror(-r));
		sa_report(host, ctx, "empty-passwords", SA_LEVEL_UNKNOWN,
		    config_file, strerror(-r));
		return SA_RUN_OK;
	}
	/* "Keyword value" or "Keyword=value"; '#' starts a comment line. */
	if (host->rx_compile(ctx, "^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+)([^#]*?)\\s*$",
	    0, &st.line_rx, &rxerr) < 0) {
		host->log(ctx, SA_LOG_ERROR, "internal pattern: %s at %zu",
		    rxerr.message, rxerr.offset);
		return -EINVAL;
	}
	ex_read_config(&st, config_file, 0);
	host->rx_free(st.line_rx);

	/* OpenSSH's default since 7.0 is prohibit-password. */
	if (st.root_login == NULL || strcasecmp(st.root_login, "prohibit-password") == 0 ||
	    strcasecmp(st.root_login, "without-password") == 0 ||
	    strcasecmp(st.root_login, "forced-commands-only") == 0)
		level = allow_keys ? SA_LEVEL_IMPLEMENTED : SA_LEVEL_PARTLY;
	else if (strcasecmp(st.root_login, "no") == 0)
		level = SA_LEVEL_IMPLEMENTED;
	else
		level = SA_LEVEL_NOT;
	{
		char evidence[160];

		snprintf(evidence, sizeof(evidence), "PermitRootLogin %s%s",
		    st.root_login != NULL ? st.root_login : "prohibit-password",
		    st.root_login != NULL ? "" : " (default)");
		sa_report(host, ctx, "root-login", level, config_file, evidence);
		snprintf(evidence, sizeof(evidence), "PermitEmptyPasswords %s",
		    st.empty_passwords != NULL ? st.empty_passwords : "no (default)");
		sa_report(host, ctx, "empty-passwords",
		    st.empty_passwords != NULL &&
		    strcasecmp(st.empty_passwords, "yes") == 0 ?
		    SA_LEVEL_NOT : SA_LEVEL_IMPLEMENTED, config_file, evidence);
	}
	host->log(ctx, SA_LOG_INFO, "read %s", config_file);
	free(st.root_login);
	free(st.empty_passwords);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "example",
	.version = "1.0",
	.description_en = "Example plugin: SSH root login and empty passwords",
	.description_ja = "サンプルプラグイン: SSH の root ログインと空パスワード",
	.checks = example_checks,
	.config = example_config,
	.run = example_run,
};
