/* SPDX-License-Identifier: MIT */
/*
 * Files of the audited system, read only through the host table: paths
 * resolve inside --root, symlinks never leave it.  Entries of a listed
 * directory are looked at with fstatat(AT_SYMLINK_NOFOLLOW) on the
 * stream's descriptor, which cannot leave it either.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

void
bk_ev_init(struct bk_ev *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->target = SA_LEVEL_IMPLEMENTED;
	ev->count_known = 1;
	ev->last_run = -1;
	ev->unit = "backup";
	ev->basis = E_("file time");
}

void
bk_ev_free(struct bk_ev *ev)
{
	free(ev->target_why);
	free(ev->dir);
	hf_names_free(&ev->sources);
	free(ev->exec_why);
	free(ev->count_note);
	free(ev->count_gap);
	free(ev->partial_why);
	free(ev->lock_why);
	free(ev->last_run_why);
	free(ev->stale_groups);
	memset(ev, 0, sizeof(*ev));
}

void
bk_ev_add(const struct bk_run *r, struct bk_ev *ev, int64_t t)
{
	ev->count++;
	if (t > r->now + BK_SKEW) {
		ev->n_future++;
		if (t > ev->future_max)
			ev->future_max = t;
		return;
	}
	if (t > ev->newest)
		ev->newest = t;
	if (ev->oldest == 0 || t < ev->oldest)
		ev->oldest = t;
}

void
bk_ev_target_error(struct bk_ev *ev, const char *path, int err)
{
	free(ev->target_why);
	if (err == -ENOENT || err == -ENOTDIR) {
		ev->target = SA_LEVEL_NOT;
		ev->target_why = hf_printf(E_("%s does not exist"), path);
	} else if (err == -EINVAL) {
		/* host->open refuses FIFOs, devices and sockets unread */
		ev->target = SA_LEVEL_NOT;
		ev->target_why = hf_printf(E_("%s is not a regular file or "
		    "directory"), path);
	} else {
		ev->target = SA_LEVEL_UNKNOWN;
		ev->target_why = hf_printf(E_("%s cannot be read: %s"), path,
		    strerror(-err));
	}
}

void
bk_ev_target_not(struct bk_ev *ev, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = hf_vprintf(fmt, ap);
	va_end(ap);
	free(ev->target_why);
	ev->target_why = s;
	ev->target = SA_LEVEL_NOT;
}

int
bk_read_tail(const struct bk_run *r, const char *path, size_t max,
    char **ret_data, size_t *ret_len, struct stat *ret_st)
{
	struct stat st;
	off_t off;
	ssize_t n;
	size_t len, got = 0;
	char *data;
	int fd, rc;

	if ((rc = r->hf.host->open(r->hf.ctx, path, 0, &fd)) < 0)
		return rc;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	len = (size_t)st.st_size < max ? (size_t)st.st_size : max;
	off = st.st_size - (off_t)len;
	data = hf_alloc(len + 1);
	while (got < len) {
		n = pread(fd, data + got, len - got, off + (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -errno;
			free(data);
			close(fd);
			return rc;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*ret_data = data;
	*ret_len = got;
	if (ret_st != NULL)
		*ret_st = st;
	return 0;
}

void
bk_lines(const char *data, size_t len,
    void (*fn)(void *user, const char *line, unsigned int lineno), void *user)
{
	struct bk_buf line = { 0 };
	const char *p = data, *end = data + len, *nl;
	unsigned int lineno = 0, first = 0;
	size_t n;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		lineno++;
		if (line.len == 0)
			first = lineno;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		/* shell and unit files continue a line with a backslash */
		if (n > 0 && p[n - 1] == '\\' && nl != NULL) {
			bk_buf_add(&line, p, n - 1);
			bk_buf_add(&line, " ", 1);
		} else {
			bk_buf_add(&line, p, n);
			/* NUL bytes would cut the line short: not text */
			if (memchr(line.p, '\0', line.len) == NULL)
				fn(user, line.p, first);
			line.len = 0;
		}
		p = nl != NULL ? nl + 1 : end;
	}
	if (line.len > 0)
		fn(user, line.p, first);
	free(line.p);
}
