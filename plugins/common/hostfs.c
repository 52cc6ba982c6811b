/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostfs.h"

void *
hf_alloc(size_t size)
{
	void *p = calloc(1, size != 0 ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
hf_grow(void *p, size_t n, size_t size)
{
	if (size != 0 && n > (size_t)-1 / size)
		abort();
	p = realloc(p, n * size != 0 ? n * size : 1);
	if (p == NULL)
		abort();
	return p;
}

char *
hf_strdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		abort();
	return p;
}

char *
hf_strndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (p == NULL)
		abort();
	return p;
}

char *
hf_printf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (r < 0)
		abort();
	return p;
}

static int
hf_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
hf_list(const struct sa_host *host, struct sa_ctx *ctx, const char *dir,
    struct hf_names *ret)
{
	struct dirent *de;
	DIR *d;
	int fd, r;

	ret->v = NULL;
	ret->n = 0;
	r = host->open(ctx, dir, SA_OPEN_DIRECTORY, &fd);
	if (r < 0)
		return r;
	if ((d = fdopendir(fd)) == NULL) {
		r = -errno;
		close(fd);
		return r;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		ret->v = hf_grow(ret->v, ret->n + 1, sizeof(*ret->v));
		ret->v[ret->n++] = hf_strdup(de->d_name);
	}
	closedir(d);
	if (ret->n > 1)
		qsort(ret->v, ret->n, sizeof(*ret->v), hf_cmp);
	return 0;
}

void
hf_names_free(struct hf_names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	names->v = NULL;
	names->n = 0;
}

int
hf_lstat(const struct sa_host *host, struct sa_ctx *ctx, const char *dir,
    const char *name, struct stat *ret)
{
	int fd, r;

	if (strchr(name, '/') != NULL)
		return -EINVAL;
	r = host->open(ctx, dir, SA_OPEN_DIRECTORY, &fd);
	if (r < 0)
		return r;
	r = fstatat(fd, name, ret, AT_SYMLINK_NOFOLLOW) < 0 ? -errno : 0;
	close(fd);
	return r;
}

int
hf_readlink(const struct sa_host *host, struct sa_ctx *ctx, const char *dir,
    const char *name, char *buf, size_t size)
{
	ssize_t n;
	int fd, r;

	if (strchr(name, '/') != NULL || size == 0)
		return -EINVAL;
	r = host->open(ctx, dir, SA_OPEN_DIRECTORY, &fd);
	if (r < 0)
		return r;
	n = readlinkat(fd, name, buf, size - 1);
	r = n < 0 ? -errno : 0;
	close(fd);
	if (r == 0)
		buf[n] = '\0';
	return r;
}

char *
hf_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	return hf_printf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    name);
}

int
hf_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int
hf_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
hf_next_line(const char **pos, const char *end, const char **line,
    size_t *len)
{
	const char *p = *pos, *nl;

	if (p >= end)
		return 0;
	nl = memchr(p, '\n', (size_t)(end - p));
	*line = p;
	*len = (size_t)((nl != NULL ? nl : end) - p);
	if (*len > 0 && p[*len - 1] == '\r')
		(*len)--;
	*pos = nl != NULL ? nl + 1 : end;
	return 1;
}

char *
hf_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

void
hf_format_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(buf, size, "%Y-%m-%d %H:%M UTC",
	    &tm) == 0)
		snprintf(buf, size, "@%lld", (long long)t);
}

long long
hf_days(long long seconds)
{
	return seconds > 0 ? seconds / 86400 : 0;
}

void
hf_format_duration(long long s, char *buf, size_t size)
{
	if (s % 86400 == 0 && s != 0)
		snprintf(buf, size, "%lldd", s / 86400);
	else if (s % 3600 == 0 && s != 0)
		snprintf(buf, size, "%lldh", s / 3600);
	else if (s % 60 == 0 && s != 0)
		snprintf(buf, size, "%lldm", s / 60);
	else
		snprintf(buf, size, "%llds", s);
}
