/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef HAVE_LINUX_OPENAT2_H
#include <linux/openat2.h>
#endif

#include <smeaudit/plugin.h>

#include "rootfs.h"

#define RFS_MAX_LINKS 40

int
rfs_open_root(struct rootfs *rfs, const char *path, struct sbuf *err)
{
	struct stat st;
	int fd;

	memset(rfs, 0, sizeof(*rfs));
	rfs->fd = -1;
	fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		sb_printf(err, "%s: %s", path, strerror(errno));
		return -errno;
	}
	if (fstat(fd, &st) < 0) {
		sb_printf(err, "%s: %s", path, strerror(errno));
		close(fd);
		return -errno;
	}
	rfs->fd = fd;
	rfs->path = xstrdup(path);
	rfs->live = strcmp(path, "/") == 0;
	return 0;
}

void
rfs_close(struct rootfs *rfs)
{
	if (rfs->fd >= 0)
		close(rfs->fd);
	free(rfs->path);
	rfs->fd = -1;
	rfs->path = NULL;
}

/* "/etc/x" -> "etc/x"; "/" -> "." */
static const char *
rfs_relative(const char *path)
{
	while (*path == '/')
		path++;
	return *path == '\0' ? "." : path;
}

#if defined(HAVE_LINUX_OPENAT2_H) && defined(SYS_openat2)
static int
rfs_openat2(const struct rootfs *rfs, const char *path, int nofollow)
{
	struct open_how how;
	int fd;

	memset(&how, 0, sizeof(how));
	/*
	 * No O_NOFOLLOW: with O_PATH it makes RESOLVE_NO_SYMLINKS hand back
	 * a trailing symlink itself instead of failing with ELOOP.
	 */
	how.flags = O_PATH | O_CLOEXEC;
	how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS |
	    (nofollow ? RESOLVE_NO_SYMLINKS : 0);
	fd = (int)syscall(SYS_openat2, rfs->fd, rfs_relative(path), &how,
	    sizeof(how));
	return fd < 0 ? -errno : fd;
}
#endif

/*
 * The fallback resolver: one component at a time, each opened O_PATH |
 * O_NOFOLLOW relative to the previous one, symlinks read and spliced in
 * by hand, ".." never above the root.
 */
static int
rfs_walk(const struct rootfs *rfs, const char *path, int nofollow)
{
	struct sbuf rest;
	int stack[PATH_MAX / 2];
	size_t depth = 0, links = 0, n;
	char comp[NAME_MAX + 1], target[PATH_MAX];
	const char *p, *slash;
	struct stat st;
	ssize_t len;
	int fd, r;
	char *tail;

	sb_init(&rest);
	sb_adds(&rest, path);
	stack[0] = dup(rfs->fd);
	if (stack[0] < 0)
		return -errno;
	p = rest.data;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		slash = strchr(p, '/');
		n = slash != NULL ? (size_t)(slash - p) : strlen(p);
		if (n > NAME_MAX) {
			r = -ENAMETOOLONG;
			goto fail;
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		if (strcmp(comp, ".") == 0)
			continue;
		if (strcmp(comp, "..") == 0) {
			if (depth > 0)
				close(stack[depth--]);
			continue;
		}
		fd = openat(stack[depth], comp, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) {
			r = -errno;
			goto fail;
		}
		if (fstat(fd, &st) < 0) {
			r = -errno;
			close(fd);
			goto fail;
		}
		if (S_ISLNK(st.st_mode)) {
			if (nofollow || ++links > RFS_MAX_LINKS) {
				close(fd);
				r = -ELOOP;
				goto fail;
			}
			len = readlinkat(fd, "", target, sizeof(target) - 1);
			close(fd);
			if (len < 0) {
				r = -errno;
				goto fail;
			}
			target[len] = '\0';
			/* Splice: the target replaces this component. */
			tail = xstrdup(p);
			sb_reset(&rest);
			sb_adds(&rest, target);
			sb_adds(&rest, "/");
			sb_adds(&rest, tail);
			free(tail);
			p = rest.data;
			if (target[0] == '/')
				while (depth > 0)
					close(stack[depth--]);
			continue;
		}
		if (depth + 1 >= UT_ARRAY_LEN(stack)) {
			close(fd);
			r = -ENAMETOOLONG;
			goto fail;
		}
		stack[++depth] = fd;
	}
	fd = stack[depth];
	while (depth > 0)
		close(stack[--depth]);
	sb_free(&rest);
	return fd;
fail:
	for (;;) {
		close(stack[depth]);
		if (depth == 0)
			break;
		depth--;
	}
	sb_free(&rest);
	return r;
}

/* An O_PATH descriptor of path, resolved inside the root. */
static int
rfs_resolve(const struct rootfs *rfs, const char *path, int nofollow)
{
	int fd;

	if (path[0] != '/')
		return -EINVAL;
#if defined(HAVE_LINUX_OPENAT2_H) && defined(SYS_openat2)
	if (!rfs->force_walk) {
		fd = rfs_openat2(rfs, path, nofollow);
		if (fd != -ENOSYS && fd != -EPERM)
			return fd;
	}
#endif
	fd = rfs_walk(rfs, path, nofollow);
	return fd;
}

int
rfs_stat(const struct rootfs *rfs, const char *path, int flags,
    struct stat *ret_st)
{
	int fd, r = 0;

	fd = rfs_resolve(rfs, path, flags & SA_OPEN_NOFOLLOW);
	if (fd < 0)
		return fd;
	if (fstat(fd, ret_st) < 0)
		r = -errno;
	close(fd);
	return r;
}

int
rfs_open(const struct rootfs *rfs, const char *path, int flags, int *ret_fd)
{
	char proc[64];
	struct stat st;
	int pfd, fd, oflags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;

	pfd = rfs_resolve(rfs, path, flags & SA_OPEN_NOFOLLOW);
	if (pfd < 0)
		return pfd;
	if (fstat(pfd, &st) < 0) {
		fd = -errno;
		goto out;
	}
	if (flags & SA_OPEN_DIRECTORY) {
		if (!S_ISDIR(st.st_mode)) {
			fd = -ENOTDIR;
			goto out;
		}
		oflags |= O_DIRECTORY;
	} else if (S_ISDIR(st.st_mode)) {
		fd = -EISDIR;
		goto out;
	} else if (!S_ISREG(st.st_mode)) {
		/* Even SA_OPEN_ANY gets the O_PATH descriptor only: opening a
		 * device can have effects (a tape rewinds). */
		if (!(flags & SA_OPEN_ANY)) {
			fd = -EINVAL;
			goto out;
		}
		*ret_fd = pfd;
		return 0;
	}
	/* Re-open the very inode that was checked, not the path again. */
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pfd);
	fd = open(proc, oflags);
	if (fd < 0 && errno == ENOENT) {
		/* No /proc: the checked path again, with the same guards. */
		fd = openat(rfs->fd, rfs_relative(path), oflags | O_NOFOLLOW);
		if (fd >= 0) {
			struct stat st2;

			if (fstat(fd, &st2) < 0 || st2.st_dev != st.st_dev ||
			    st2.st_ino != st.st_ino) {
				close(fd);
				fd = -ESTALE;
			}
		} else
			fd = -errno;
	} else if (fd < 0)
		fd = -errno;
	if (fd >= 0) {
		/* Regular files and directories read normally. */
		int fl = fcntl(fd, F_GETFL);

		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
		*ret_fd = fd;
		fd = 0;
	}
out:
	close(pfd);
	return fd < 0 ? fd : 0;
}

int
rfs_read_file(const struct rootfs *rfs, const char *path, size_t max,
    char **ret_data, size_t *ret_len)
{
	struct stat st;
	int fd, r;

	r = rfs_open(rfs, path, 0, &fd);
	if (r < 0)
		return r;
	if (fstat(fd, &st) == 0 && (uint64_t)st.st_size > max) {
		close(fd);
		return -EFBIG;
	}
	r = ut_read_fd(fd, max, ret_data, ret_len);
	close(fd);
	return r;
}
