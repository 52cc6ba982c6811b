/* SPDX-License-Identifier: MIT */
/*
 * rootfs: files under the audit root.  Both resolvers (openat2 with
 * RESOLVE_IN_ROOT, and the component walk used where openat2 is missing)
 * must give the same answers and never leave the root: absolute
 * symlinks, ".." chains and links to the auditing host's own files all
 * resolve inside it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <smeaudit/plugin.h>

#include "rootfs.h"
#include "unit.h"

static char *tmp;		/* holds root/ and outside.txt */
static char *root;

static void
mk(const char *rel, const char *data)
{
	free(unit_write(root, rel, data));
}

static void
ln(const char *target, const char *rel)
{
	char *p = xasprintf("%s/%s", root, rel);

	ck_assert_msg(symlink(target, p) == 0, "symlink %s", p);
	free(p);
}

static void
mkd(const char *rel)
{
	char *p = xasprintf("%s/%s", root, rel);

	ck_assert_int_eq(mkdir(p, 0755), 0);
	free(p);
}

static void
setup(void)
{
	char *p, *outside;

	tmp = unit_tmpdir();
	root = xasprintf("%s/root", tmp);
	ck_assert_int_eq(mkdir(root, 0755), 0);
	outside = unit_write(tmp, "outside.txt", "OUTSIDE\n");
	mkd("etc");
	mkd("dir");
	mk("etc/passwd", "inside\n");
	mk("dir/f", "f\n");
	ln("/etc/passwd", "etc/abs");
	ln("../../../../../../../../etc/passwd", "etc/rel-up");
	ln("/etc", "etc/dir-abs");
	ln("hop2", "etc/hop1");
	ln("/etc/../etc/abs", "etc/hop2");
	ln("/../../../..", "etc/to-top");
	ln(outside, "outside-link");	/* the host path of a real file */
	ln("../outside.txt", "outside-rel");
	ln("loop2", "loop1");
	ln("loop1", "loop2");
	ln("self", "self");
	ln("/nonexistent", "dangling");
	ln("dir", "dirlink");
	p = xasprintf("%s/fifo", root);
	ck_assert_int_eq(mkfifo(p, 0600), 0);
	free(p);
	free(outside);
}

static void
teardown(void)
{
	unit_rmtree(tmp);
	free(root);
	free(tmp);
}

#define DIR_OK "<dir>"
#define ANY_OK "<any>"

static const struct {
	const char *path;
	int flags;
	const char *want;	/* file content, DIR_OK, ANY_OK, or NULL */
	int err;		/* when want is NULL */
} open_cases[] = {
	{ "/etc/passwd", 0, "inside\n", 0 },
	{ "//etc//./passwd", 0, "inside\n", 0 },
	/* absolute symlinks, ".." chains: all inside the root */
	{ "/etc/abs", 0, "inside\n", 0 },
	{ "/etc/rel-up", 0, "inside\n", 0 },
	{ "/etc/dir-abs/passwd", 0, "inside\n", 0 },
	{ "/etc/hop1", 0, "inside\n", 0 },
	{ "/../../etc/passwd", 0, "inside\n", 0 },
	{ "/etc/../../../../etc/passwd", 0, "inside\n", 0 },
	{ "/etc/to-top/etc/passwd", 0, "inside\n", 0 },
	{ "/etc/to-top/../etc/abs", 0, "inside\n", 0 },
	/* a link to a host file outside the root names nothing in it */
	{ "/outside-link", 0, NULL, -ENOENT },
	{ "/outside-rel", 0, NULL, -ENOENT },
	{ "/../outside.txt", 0, NULL, -ENOENT },
	{ "/dangling", 0, NULL, -ENOENT },
	{ "/missing", 0, NULL, -ENOENT },
	{ "/loop1", 0, NULL, -ELOOP },
	{ "/self", 0, NULL, -ELOOP },
	{ "/self/x", 0, NULL, -ELOOP },
	{ "etc/passwd", 0, NULL, -EINVAL },
	{ "", 0, NULL, -EINVAL },
	{ "/etc/passwd/x", 0, NULL, -ENOTDIR },
	/* kinds of file */
	{ "/fifo", 0, NULL, -EINVAL },
	{ "/fifo", SA_OPEN_ANY, ANY_OK, 0 },
	{ "/dir", 0, NULL, -EISDIR },
	{ "/dir", SA_OPEN_DIRECTORY, DIR_OK, 0 },
	{ "/", SA_OPEN_DIRECTORY, DIR_OK, 0 },
	{ "/dirlink", SA_OPEN_DIRECTORY, DIR_OK, 0 },
	{ "/etc/to-top", SA_OPEN_DIRECTORY, DIR_OK, 0 },
	{ "/etc/passwd", SA_OPEN_DIRECTORY, NULL, -ENOTDIR },
	{ "/dir/f", 0, "f\n", 0 },
	{ "/dirlink/f", 0, "f\n", 0 },
	/* SA_OPEN_NOFOLLOW refuses any symlink on the path */
	{ "/etc/passwd", SA_OPEN_NOFOLLOW, "inside\n", 0 },
	{ "/etc/abs", SA_OPEN_NOFOLLOW, NULL, -ELOOP },
	{ "/etc/abs", SA_OPEN_NOFOLLOW | SA_OPEN_ANY, NULL, -ELOOP },
	{ "/dirlink/f", SA_OPEN_NOFOLLOW, NULL, -ELOOP },
	{ "/etc/dir-abs/passwd", SA_OPEN_NOFOLLOW, NULL, -ELOOP },
	{ "/dirlink", SA_OPEN_NOFOLLOW | SA_OPEN_DIRECTORY, NULL, -ELOOP },
	{ "/dangling", SA_OPEN_NOFOLLOW, NULL, -ELOOP },
};

#define N_OPEN ((int)UT_ARRAY_LEN(open_cases))

/* _i: case * 2 + resolver (0 openat2, 1 the walk). */
START_TEST(test_open)
{
	const int c = _i / 2;
	struct rootfs rfs;
	struct sbuf err;
	struct stat st;
	char buf[64];
	ssize_t n;
	int fd = -1, r;

	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	rfs.force_walk = _i % 2;
	ck_assert_int_eq(rfs.live, 0);
	r = rfs_open(&rfs, open_cases[c].path, open_cases[c].flags, &fd);
	if (open_cases[c].want == NULL) {
		ck_assert_msg(r == open_cases[c].err, "%s (%s): %d, want %d",
		    open_cases[c].path, _i % 2 ? "walk" : "openat2", r,
		    open_cases[c].err);
	} else {
		ck_assert_msg(r == 0, "%s (%s): %d", open_cases[c].path,
		    _i % 2 ? "walk" : "openat2", r);
		ck_assert_int_eq(fstat(fd, &st), 0);
		if (strcmp(open_cases[c].want, DIR_OK) == 0) {
			ck_assert(S_ISDIR(st.st_mode));
		} else if (strcmp(open_cases[c].want, ANY_OK) == 0) {
			/* an O_PATH descriptor: never opened for reading */
			ck_assert(S_ISFIFO(st.st_mode));
			ck_assert_int_eq(read(fd, buf, sizeof(buf)), -1);
			ck_assert_int_eq(errno, EBADF);
		} else {
			ck_assert(S_ISREG(st.st_mode));
			ck_assert_int_eq(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
			ck_assert(fcntl(fd, F_GETFD) & FD_CLOEXEC);
			n = read(fd, buf, sizeof(buf) - 1);
			ck_assert_int_ge(n, 0);
			buf[n] = '\0';
			ck_assert_str_eq(buf, open_cases[c].want);
		}
		close(fd);
	}
	rfs_close(&rfs);
	sb_free(&err);
}
END_TEST

/* stat and read_file resolve the same way. */
START_TEST(test_stat_read)
{
	struct rootfs rfs;
	struct sbuf err;
	struct stat st;
	char *data = NULL;
	size_t len;

	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	rfs.force_walk = _i;
	ck_assert_int_eq(rfs_stat(&rfs, "/etc/abs", 0, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_size, 7);
	ck_assert_int_eq(rfs_stat(&rfs, "/etc/abs", SA_OPEN_NOFOLLOW, &st), -ELOOP);
	ck_assert_int_eq(rfs_stat(&rfs, "/fifo", 0, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(rfs_stat(&rfs, "/loop1", 0, &st), -ELOOP);
	ck_assert_int_eq(rfs_stat(&rfs, "/outside-link", 0, &st), -ENOENT);
	ck_assert_int_eq(rfs_read_file(&rfs, "/etc/rel-up", 100, &data, &len), 0);
	ck_assert_str_eq(data, "inside\n");
	ck_assert_uint_eq(len, 7);
	free(data);
	ck_assert_int_eq(rfs_read_file(&rfs, "/etc/passwd", 6, &data, &len), -EFBIG);
	ck_assert_int_eq(rfs_read_file(&rfs, "/etc/passwd", 7, &data, &len), 0);
	free(data);
	ck_assert_int_eq(rfs_read_file(&rfs, "/fifo", 100, &data, &len), -EINVAL);
	ck_assert_int_eq(rfs_read_file(&rfs, "/dir", 100, &data, &len), -EISDIR);
	rfs_close(&rfs);
	sb_free(&err);
}
END_TEST

/* A device is never opened, even with SA_OPEN_ANY (needs CAP_MKNOD). */
START_TEST(test_device)
{
	struct rootfs rfs;
	struct sbuf err;
	char *p = xasprintf("%s/zero", root), buf[4];
	int fd;

	if (mknod(p, S_IFCHR | 0666, makedev(1, 5)) < 0) {
		free(p);
		return;		/* not allowed here; the FIFO cases cover the rest */
	}
	sb_init(&err);
	ck_assert_int_eq(rfs_open_root(&rfs, root, &err), 0);
	rfs.force_walk = _i;
	ck_assert_int_eq(rfs_open(&rfs, "/zero", 0, &fd), -EINVAL);
	ck_assert_int_eq(rfs_open(&rfs, "/zero", SA_OPEN_ANY, &fd), 0);
	ck_assert_int_eq(read(fd, buf, sizeof(buf)), -1);
	ck_assert_int_eq(errno, EBADF);
	close(fd);
	rfs_close(&rfs);
	sb_free(&err);
	free(p);
}
END_TEST

START_TEST(test_open_root)
{
	struct rootfs rfs;
	struct sbuf err;
	char *p, *want;

	sb_init(&err);
	p = xasprintf("%s/none", tmp);
	ck_assert_int_eq(rfs_open_root(&rfs, p, &err), -ENOENT);
	want = xasprintf("%s: No such file or directory", p);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(p);
	sb_reset(&err);
	p = xasprintf("%s/outside.txt", tmp);
	ck_assert_int_eq(rfs_open_root(&rfs, p, &err), -ENOTDIR);
	free(p);
	ck_assert_int_eq(rfs_open_root(&rfs, "/", &err), 0);
	ck_assert_int_eq(rfs.live, 1);
	ck_assert_str_eq(rfs.path, "/");
	rfs_close(&rfs);
	ck_assert_int_eq(rfs.fd, -1);
	sb_free(&err);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("rootfs");
	TCase *tc = tcase_create("rootfs");

	tcase_add_checked_fixture(tc, setup, teardown);
	/* a FIFO that blocked would hang: fail fast instead */
	tcase_set_timeout(tc, 10);
	tcase_add_loop_test(tc, test_open, 0, 2 * N_OPEN);
	tcase_add_loop_test(tc, test_stat_read, 0, 2);
	tcase_add_loop_test(tc, test_device, 0, 2);
	tcase_add_test(tc, test_open_root);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
