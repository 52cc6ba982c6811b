/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfgchk.h"
#include "tr.h"

/* A core older than ABI 1.1 cannot say where a value was set. */
static int
cfgchk_can_locate(const struct hf *hf)
{
	return SA_HOST_HAS(hf->host, config_where) &&
	    hf->host->config_where != NULL;
}

int
cfgchk_where(const struct hf *hf, const char *sub, const char *key,
    size_t index, const char **ret_file, unsigned int *ret_line)
{
	if (!cfgchk_can_locate(hf))
		return -ENOENT;
	if (sub != NULL && hf->host->config_where(hf->ctx, sub, key, index,
	    ret_file, ret_line) == 0)
		return 0;
	return hf->host->config_where(hf->ctx, NULL, key, index, ret_file,
	    ret_line);
}

static int cfgchk_log(const struct hf *hf, const char *file, unsigned int line,
    const char *fmt, va_list ap) SA_PRINTF(4, 0);

static int
cfgchk_log(const struct hf *hf, const char *file, unsigned int line,
    const char *fmt, va_list ap)
{
	char *msg = hf_vprintf(fmt, ap);

	if (file != NULL)
		hf->host->log(hf->ctx, SA_LOG_ERROR, "%s:%u: %s", file, line, msg);
	else
		hf->host->log(hf->ctx, SA_LOG_ERROR, "%s", msg);
	free(msg);
	return SA_RUN_BAD_INPUT;
}

int
cfgchk_fail(const struct hf *hf, const char *sub, const char *key,
    size_t index, const char *fmt, ...)
{
	const char *file = NULL;
	unsigned int line = 0;
	va_list ap;
	int r;

	if (cfgchk_where(hf, sub, key, index, &file, &line) < 0)
		file = NULL;
	va_start(ap, fmt);
	r = cfgchk_log(hf, file, line, fmt, ap);
	va_end(ap);
	return r;
}

int
cfgchk_fail_section(const struct hf *hf, const struct sa_config_key *keys,
    const char *sub, const char *fmt, ...)
{
	const char *file = NULL, *f;
	unsigned int line = 0, l;
	va_list ap;
	int r;

	for (; cfgchk_can_locate(hf) && keys != NULL && keys->name != NULL; keys++)
		if (hf->host->config_where(hf->ctx, sub, keys->name, 0, &f, &l) == 0 &&
		    (file == NULL || l < line)) {
			file = f;
			line = l;
		}
	va_start(ap, fmt);
	r = cfgchk_log(hf, file, line, fmt, ap);
	va_end(ap);
	return r;
}

/* 0 when path is a regular file smeaudit can open, else an errno value. */
static int
cfgchk_open_error(const char *path)
{
	struct stat st;
	int fd, err = 0;

	/* A table the plugin reads later with the auditing host's rights. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		err = errno;
	else if (fstat(fd, &st) < 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = EINVAL;
	if (fd >= 0)
		close(fd);
	return err;
}

static int
cfgchk_host_path(const struct hf *hf, const char *sub, const char *key,
    size_t index, const char *path)
{
	int err;

	if (path[0] == '\0' || (err = cfgchk_open_error(path)) == 0)
		return 0;
	return cfgchk_fail(hf, sub, key, index, "%s: %s: %s", key, path,
	    err == EINVAL ? E_("not a regular file") : strerror(err));
}

int
cfgchk_host_file(const struct hf *hf, const char *sub, const char *key)
{
	const char *path;

	if (hf->host->config_string(hf->ctx, sub, key, &path) < 0)
		return 0;
	return cfgchk_host_path(hf, sub, key, 0, path);
}

int
cfgchk_host_files(const struct hf *hf, const char *sub, const char *key)
{
	const char *const *paths;
	size_t n, i;
	int rc;

	if (hf->host->config_list(hf->ctx, sub, key, &paths, &n) < 0)
		return 0;
	for (i = 0; i < n; i++)
		if ((rc = cfgchk_host_path(hf, sub, key, i, paths[i])) != 0)
			return rc;
	return 0;
}

int
cfgchk_int(const struct hf *hf, const char *sub, const char *key,
    long long min, long long max, long long *ret)
{
	long long v;
	int rc;

	if ((rc = hf->host->config_int(hf->ctx, sub, key, &v)) < 0)
		return rc;
	if (v < min || v > max)
		return cfgchk_fail(hf, sub, key, 0, E_("%s = %lld: must be between "
		    "%lld and %lld"), key, v, min, max);
	*ret = v;
	return 0;
}
