/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostfiles.h"

int
hf_read(const struct hf *hf, const char *path, size_t max, char **ret_data,
    size_t *ret_len)
{
	return hf->host->read_file(hf->ctx, path, max, ret_data, ret_len);
}

void
hf_free(const struct hf *hf, void *data)
{
	if (data != NULL)
		hf->host->free(data);
}

int
hf_read_user(const struct hf *hf, const char *path, uid_t uid, size_t max,
    char **ret_data, size_t *ret_len)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0;
	ssize_t n;
	int fd, r = 0;

	/* One descriptor for the owner check and the read: no swap between. */
	r = hf->host->open(hf->ctx, path, 0, &fd);
	if (r < 0)
		return r;
	if (fstat(fd, &st) < 0)
		r = -errno;
	else if (st.st_uid != uid)
		r = -EPERM;
	else if ((buf = malloc(max + 1)) == NULL)
		r = -ENOMEM;
	while (r == 0) {
		n = read(fd, buf + len, max + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			r = -errno;
		else if (n == 0)
			break;
		else if ((len += (size_t)n) > max)
			r = -EFBIG;
	}
	close(fd);
	if (r < 0) {
		free(buf);
		return r;
	}
	buf[len] = '\0';
	*ret_data = buf;
	*ret_len = len;
	return 0;
}

static int
hf_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
hf_list_dir(const struct hf *hf, const char *dir, const char *suffix,
    char ***ret_names, size_t *ret_count)
{
	char **names = NULL, **grown;
	size_t n = 0, cap = 0, slen = suffix != NULL ? strlen(suffix) : 0, len;
	struct dirent *de;
	DIR *d;
	int fd, r;

	*ret_names = NULL;
	*ret_count = 0;
	r = hf->host->open(hf->ctx, dir, SA_OPEN_DIRECTORY, &fd);
	if (r < 0)
		return r;
	if ((d = fdopendir(fd)) == NULL) {
		r = -errno;
		close(fd);
		return r;
	}
	while ((de = readdir(d)) != NULL && n < HF_MAX_NAMES) {
		if (de->d_name[0] == '.')
			continue;
		len = strlen(de->d_name);
		if (slen > 0 && (len <= slen ||
		    strcmp(de->d_name + len - slen, suffix) != 0))
			continue;
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			grown = realloc(names, cap * sizeof(*names));
			if (grown == NULL)
				abort();
			names = grown;
		}
		names[n++] = hf_strndup(de->d_name, len);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), hf_name_cmp);
	*ret_names = names;
	*ret_count = n;
	return 0;
}

void
hf_names_free(char **names, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

/* Open the directory holding path's last component; *ret_name points into path. */
static int
hf_open_parent(const struct hf *hf, const char *path, int *ret_fd,
    const char **ret_name)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int r;

	if (slash == NULL || slash[1] == '\0')
		return -EINVAL;
	dir = hf_strndup(path, slash == path ? 1 : (size_t)(slash - path));
	r = hf->host->open(hf->ctx, dir, SA_OPEN_DIRECTORY, ret_fd);
	free(dir);
	*ret_name = slash + 1;
	return r;
}

int
hf_exists(const struct hf *hf, const char *path)
{
	const char *name;
	struct stat st;
	int fd, r;

	/*
	 * The directory resolves inside the root (following symlinks such
	 * as /lib -> usr/lib); the last component is looked at, not
	 * followed, so a dangling link still counts.
	 */
	r = hf_open_parent(hf, path, &fd, &name);
	if (r == -ENOENT || r == -ENOTDIR)
		return 0;
	if (r < 0)
		return r;
	r = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW);
	r = r == 0 ? 1 : errno == ENOENT || errno == ENOTDIR ? 0 : -errno;
	close(fd);
	return r;
}

int
hf_readlink(const struct hf *hf, const char *path, char *buf, size_t size)
{
	const char *name;
	ssize_t n;
	int fd, r;

	if (size == 0)
		return -EINVAL;
	r = hf_open_parent(hf, path, &fd, &name);
	if (r < 0)
		return r;
	n = readlinkat(fd, name, buf, size - 1);
	r = n < 0 ? -errno : (int)n;
	close(fd);
	if (r >= 0)
		buf[r] = '\0';
	return r;
}

void
hf_lines_init(struct hf_lines *it, const char *data, size_t len)
{
	it->p = data;
	it->end = data + len;
	it->number = 0;
}

int
hf_lines_next(struct hf_lines *it, const char **ret_line, size_t *ret_len)
{
	const char *nl;

	if (it->p >= it->end)
		return 0;
	nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	if (nl == NULL)
		nl = it->end;
	*ret_line = it->p;
	*ret_len = (size_t)(nl - it->p);
	it->p = nl < it->end ? nl + 1 : it->end;
	it->number++;
	return 1;
}

const char *
hf_trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	*len = n;
	return s;
}

char *
hf_strndup(const char *s, size_t n)
{
	/* Out of memory in a plugin's child: crash it, the core reports it. */
	char *p = strndup(s, n);

	if (p == NULL)
		abort();
	return p;
}

int
hf_word_eq(const char *s, size_t n, const char *word, int ci)
{
	size_t wl = strlen(word);

	if (n != wl)
		return 0;
	return ci ? strncasecmp(s, word, n) == 0 : memcmp(s, word, n) == 0;
}

int
hf_parse_uint(const char *s, unsigned long long *ret)
{
	unsigned long long v = 0;
	const char *p;

	if (s == NULL || *s == '\0')
		return -EINVAL;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -EINVAL;
		if (v > (~0ULL - (unsigned)(*p - '0')) / 10)
			return -EINVAL;
		v = v * 10 + (unsigned)(*p - '0');
	}
	*ret = v;
	return 0;
}

int
hf_keyfile_parse(const char *data, size_t len, hf_keyfile_fn fn, void *user)
{
	struct hf_lines it;
	const char *line, *eq, *close;
	char *section = hf_strndup("", 0), *key, *value;
	size_t n, klen, vlen;
	int r = 0;

	hf_lines_init(&it, data, len);
	while (r == 0 && hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#' || line[0] == ';')
			continue;
		if (line[0] == '[') {
			close = line + n - 1;
			while (close > line && *close != ']')
				close--;
			if (close == line)
				continue;	/* "[" without "]": not a header */
			free(section);
			section = hf_strndup(line + 1, (size_t)(close - line - 1));
			continue;
		}
		eq = memchr(line, '=', n);
		if (eq == NULL)
			continue;
		klen = (size_t)(eq - line);
		vlen = n - klen - 1;
		line = hf_trim(line, &klen);
		eq = hf_trim(eq + 1, &vlen);
		key = hf_strndup(line, klen);
		value = hf_strndup(eq, vlen);
		r = fn(user, section, key, value, it.number);
		free(key);
		free(value);
	}
	free(section);
	return r;
}

char *
hf_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	if (size == 0)
		return buf;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return buf;
}

const char *
hf_strerror(int negative_errno)
{
	switch (-negative_errno) {
	case ENOENT: return "not found";
	case EACCES: return "permission denied";
	case EPERM: return "operation not permitted";
	case EFBIG: return "file too large";
	case EINVAL: return "not a regular file";
	case ELOOP: return "symlink loop or refused symlink";
	case ENOTDIR: return "not a directory";
	case EISDIR: return "is a directory";
	default: return strerror(-negative_errno);
	}
}
