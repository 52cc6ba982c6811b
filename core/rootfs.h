/* SPDX-License-Identifier: MIT */
/*
 * Files of the audited system, under the audit root.  Every path is
 * resolved inside the root: ".." stops at it and symlinks, absolute ones
 * included, resolve against it (openat2 RESOLVE_IN_ROOT, or a walk one
 * component at a time with O_NOFOLLOW where openat2 is missing), so an
 * audit of a mounted image never reads the auditing host's files.
 * Nothing is opened for writing and nothing is opened in a way that could
 * block or touch a device.
 */
#ifndef SA_ROOTFS_H
#define SA_ROOTFS_H

#include <sys/stat.h>
#include <stddef.h>

#include "util.h"

struct rootfs {
	char *path;		/* as given, "/" for the live host */
	int fd;			/* O_PATH descriptor of the root */
	int live;
	int force_walk;		/* tests: use the fallback resolver */
};

/* Returns 0 or -errno with a message in err. */
int rfs_open_root(struct rootfs *rfs, const char *path, struct sbuf *err);
void rfs_close(struct rootfs *rfs);

/*
 * path is absolute inside the root.  flags are SA_OPEN_* from the plugin
 * ABI.  rfs_open returns a read-only O_CLOEXEC descriptor (a directory
 * stream descriptor for SA_OPEN_DIRECTORY); -EINVAL for a file of the
 * wrong type, -ELOOP for a symlink where none is allowed.
 */
int rfs_open(const struct rootfs *rfs, const char *path, int flags, int *ret_fd);
int rfs_stat(const struct rootfs *rfs, const char *path, int flags,
    struct stat *ret_st);
int rfs_read_file(const struct rootfs *rfs, const char *path, size_t max,
    char **ret_data, size_t *ret_len);

#endif /* SA_ROOTFS_H */
