/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostfiles.h"
#include "tr.h"

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

void *
hf_grow_one(void *p, size_t n, size_t size)
{
	if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
		return p;
	return hf_grow(p, n < 8 ? 8 : n * 2, size);
}

char *
hf_strdup(const char *s)
{
	return hf_strndup(s, strlen(s));
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
hf_vprintf(const char *fmt, va_list ap)
{
	char *p;

	if (vasprintf(&p, fmt, ap) < 0)
		abort();
	return p;
}

char *
hf_printf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = hf_vprintf(fmt, ap);
	va_end(ap);
	return p;
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

int
hf_report(const struct hf *hf, const char *check, int level,
    const char *object, const char *evidence, const char *detail_en,
    const char *detail_ja)
{
	struct sa_finding f = {
		.struct_size = sizeof(f),
		.check = check,
		.level = level,
		.object = object,
		.evidence = evidence,
		.detail_en = detail_en,
		.detail_ja = detail_ja,
	};

	return hf->host->report(hf->ctx, &f);
}

void
hf_names_add(struct hf_names *names, const char *s)
{
	names->v = hf_grow_one(names->v, names->n, sizeof(*names->v));
	names->v[names->n++] = hf_strdup(s);
}

int
hf_names_add_new(struct hf_names *names, const char *s)
{
	if (hf_names_has(names, s))
		return 0;
	hf_names_add(names, s);
	return 1;
}

int
hf_names_has(const struct hf_names *names, const char *s)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		if (strcmp(names->v[i], s) == 0)
			return 1;
	return 0;
}

static int
hf_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
hf_names_sort(struct hf_names *names)
{
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(*names->v), hf_name_cmp);
}

int
hf_names_find(const struct hf_names *names, const char *s)
{
	return names->n > 0 && bsearch(&s, names->v, names->n,
	    sizeof(*names->v), hf_name_cmp) != NULL;
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

/*
 * Read what an open descriptor holds, at most max bytes; uid, unless
 * (uid_t)-1, must own the file.  Closes fd.
 */
static int
hf_read_fd(int fd, uid_t uid, size_t max, char **ret_data, size_t *ret_len)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int r = 0;

	if (fstat(fd, &st) < 0)
		r = -errno;
	else if (uid != (uid_t)-1 && st.st_uid != uid)
		r = -EPERM;
	else if ((unsigned long long)st.st_size > max)
		r = -EFBIG;
	else
		cap = (size_t)st.st_size + 1 < 4096 ? 4096 : (size_t)st.st_size + 1;
	if (cap > max + 1)
		cap = max + 1;
	if (r == 0)
		buf = hf_grow(NULL, cap, 1);
	/* procfs and sysfs files say size 0, and files may grow: read to the end. */
	while (r == 0) {
		if (len == cap) {
			if (cap > max) {
				r = -EFBIG;
				break;
			}
			cap = cap * 2 < max + 1 ? cap * 2 : max + 1;
			buf = hf_grow(buf, cap, 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			r = -errno;
		else if (n == 0)
			break;
		else
			len += (size_t)n;
	}
	close(fd);
	if (r < 0) {
		free(buf);
		return r;
	}
	buf = hf_grow(buf, len + 1, 1);
	buf[len] = '\0';
	*ret_data = buf;
	*ret_len = len;
	return 0;
}

int
hf_read(const struct hf *hf, const char *path, size_t max, char **ret_data,
    size_t *ret_len)
{
	int fd, r;

	r = hf->host->open(hf->ctx, path, 0, &fd);
	if (r < 0)
		return r;
	return hf_read_fd(fd, (uid_t)-1, max, ret_data, ret_len);
}

int
hf_read_owned(const struct hf *hf, const char *path, uid_t uid, size_t max,
    char **ret_data, size_t *ret_len)
{
	int fd, r;

	/* One descriptor for the owner check and the read: no swap between. */
	r = hf->host->open(hf->ctx, path, 0, &fd);
	if (r < 0)
		return r;
	return hf_read_fd(fd, uid, max, ret_data, ret_len);
}

int
hf_opendir(const struct hf *hf, const char *dir, DIR **ret)
{
	DIR *d;
	int fd, r;

	*ret = NULL;
	r = hf->host->open(hf->ctx, dir, SA_OPEN_DIRECTORY, &fd);
	if (r < 0)
		return r;
	if ((d = fdopendir(fd)) == NULL) {
		r = -errno;
		close(fd);
		return r;
	}
	errno = 0;
	if (readdir(d) == NULL && errno != 0) {
		r = -errno;
		closedir(d);
		return r;
	}
	rewinddir(d);
	*ret = d;
	return 0;
}

int
hf_list(const struct hf *hf, const char *dir, const char *suffix,
    struct hf_names *ret)
{
	struct dirent *de;
	DIR *d;
	int r;

	ret->v = NULL;
	ret->n = 0;
	if ((r = hf_opendir(hf, dir, &d)) < 0)
		return r;
	while ((de = readdir(d)) != NULL && ret->n < HF_MAX_NAMES) {
		if (de->d_name[0] == '.')
			continue;
		if (suffix != NULL && suffix[0] != '\0' &&
		    (strlen(de->d_name) <= strlen(suffix) ||
		    !hf_has_suffix(de->d_name, suffix)))
			continue;
		hf_names_add(ret, de->d_name);
	}
	closedir(d);
	hf_names_sort(ret);
	return 0;
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
hf_lstat(const struct hf *hf, const char *path, struct stat *ret)
{
	const char *name;
	int fd, r;

	r = hf_open_parent(hf, path, &fd, &name);
	if (r < 0)
		return r;
	r = fstatat(fd, name, ret, AT_SYMLINK_NOFOLLOW) < 0 ? -errno : 0;
	close(fd);
	return r;
}

int
hf_exists(const struct hf *hf, const char *path)
{
	struct stat st;
	int r;

	/*
	 * The directory resolves inside the root (following symlinks such
	 * as /lib -> usr/lib); the last component is looked at, not
	 * followed, so a dangling link still counts.
	 */
	r = hf_lstat(hf, path, &st);
	if (r == 0)
		return 1;
	return r == -ENOENT || r == -ENOTDIR ? 0 : r;
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

char *
hf_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		return hf_printf("/%s", name);
	return hf_printf("%.*s/%s", (int)n, dir, name);
}

const char *
hf_strerror(int negative_errno)
{
	switch (-negative_errno) {
	case ENOENT: return E_("not found");
	case EACCES: return E_("permission denied");
	case EPERM: return E_("operation not permitted");
	case EFBIG: return E_("file too large");
	case EINVAL: return E_("not a regular file");
	case ELOOP: return E_("symlink loop or refused symlink");
	case ENOTDIR: return E_("not a directory");
	case EISDIR: return E_("is a directory");
	default: return strerror(-negative_errno);
	}
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
	size_t n;

	if (it->p >= it->end)
		return 0;
	nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	if (nl == NULL)
		nl = it->end;
	n = (size_t)(nl - it->p);
	if (n > 0 && it->p[n - 1] == '\r')
		n--;
	*ret_line = it->p;
	*ret_len = n;
	it->p = nl < it->end ? nl + 1 : it->end;
	it->number++;
	return 1;
}

char *
hf_lines_cut(struct hf_lines *it)
{
	const char *line;
	size_t len;
	char *s;

	if (!hf_lines_next(it, &line, &len))
		return NULL;
	/* The iterator has moved past the line: its end is the caller's now. */
	s = (char *)line;
	s[len] = '\0';
	return s;
}

size_t
hf_split(char *s, char sep, char **ret, size_t max)
{
	size_t n = 0;
	char *p;

	while (n < max) {
		ret[n++] = s;
		if (n == max || (p = strchr(s, sep)) == NULL)
			break;
		*p = '\0';
		s = p + 1;
	}
	return n;
}

static int
hf_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *
hf_trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && hf_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && hf_blank(s[n - 1]))
		n--;
	*len = n;
	return s;
}

char *
hf_strip(char *s)
{
	size_t n = strlen(s);
	char *start = (char *)hf_trim(s, &n);

	start[n] = '\0';
	return start;
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
hf_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
hf_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
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
hf_parse_int(const char *s, long long *ret)
{
	unsigned long long v;
	int negative = 0;

	if (s != NULL && (*s == '-' || *s == '+'))
		negative = *s++ == '-';
	if (hf_parse_uint(s, &v) < 0)
		return -EINVAL;
	if (negative ? v > (unsigned long long)LLONG_MAX + 1 : v > LLONG_MAX)
		return -EINVAL;
	*ret = negative ? (v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN :
	    -(long long)v) : (long long)v;
	return 0;
}
