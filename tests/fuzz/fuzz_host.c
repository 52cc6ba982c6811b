/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "fuzz_host.h"
#include "recfile.h"
#include "rx.h"

#define FZH_MAX_SECRETS 64
#define FZH_NOW ((time_t)1767225600)	/* 2026-01-01T00:00:00Z */

struct sa_ctx {
	int unused;
};

static struct sa_ctx fzh_the_ctx;
struct sa_ctx *const fzh_ctx = &fzh_the_ctx;

static char fzh_root_path[4096];
static int fzh_root_fd = -1;
static const struct sa_check *fzh_checks;
static char *fzh_secrets[FZH_MAX_SECRETS];
static size_t fzh_n_secrets;
static const struct fzh_config *fzh_values;
static size_t fzh_n_reports;

static int
fzh_rm(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (ftw->level == 0)
		return 0;
	if ((type == FTW_DP ? rmdir(path) : unlink(path)) < 0)
		abort();
	return 0;
}

static void
fzh_cleanup(void)
{
	if (fzh_root_path[0] == '\0')
		return;
	nftw(fzh_root_path, fzh_rm, 16, FTW_DEPTH | FTW_PHYS);
	rmdir(fzh_root_path);
}

void
fzh_setup(const struct sa_check *checks)
{
	const char *tmp = getenv("TMPDIR");

	fzh_checks = checks;
	if (fzh_root_fd >= 0)
		return;
	/* tmpfs when there is one: a harness rewrites files every run */
	if (tmp == NULL || *tmp == '\0')
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fzh_root_path, sizeof(fzh_root_path), "%s/smeaudit-fuzz.XXXXXX", tmp);
	if (mkdtemp(fzh_root_path) == NULL)
		abort();
	fzh_root_fd = open(fzh_root_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fzh_root_fd < 0)
		abort();
	atexit(fzh_cleanup);
}

void
fzh_reset(void)
{
	size_t i;

	if (nftw(fzh_root_path, fzh_rm, 16, FTW_DEPTH | FTW_PHYS) < 0)
		abort();
	for (i = 0; i < fzh_n_secrets; i++)
		free(fzh_secrets[i]);
	fzh_n_secrets = 0;
	fzh_values = NULL;
	fzh_n_reports = 0;
}

const char *
fzh_root(void)
{
	return fzh_root_path;
}

static const char *
fzh_rel(const char *path)
{
	while (*path == '/')
		path++;
	return *path == '\0' ? "." : path;
}

void
fzh_mkdir(const char *path)
{
	char buf[4096], *p;

	snprintf(buf, sizeof(buf), "%s", fzh_rel(path));
	for (p = buf; (p = strchr(p + 1, '/')) != NULL;) {
		*p = '\0';
		if (mkdirat(fzh_root_fd, buf, 0755) < 0 && errno != EEXIST)
			abort();
		*p = '/';
	}
	if (mkdirat(fzh_root_fd, buf, 0755) < 0 && errno != EEXIST)
		abort();
}

void
fzh_put(const char *path, const void *data, size_t len)
{
	char dir[4096], *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", fzh_rel(path));
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		fzh_mkdir(dir);
	}
	fd = openat(fzh_root_fd, fzh_rel(path), O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0 || (len > 0 && write(fd, data, len) != (ssize_t)len))
		abort();
	close(fd);
}

void
fzh_secret(const char *s, size_t len)
{
	char *copy;

	if (fzh_n_secrets == FZH_MAX_SECRETS || len == 0)
		return;
	if ((copy = strndup(s, len)) == NULL)
		abort();
	fzh_secrets[fzh_n_secrets++] = copy;
}

void
fzh_config(const struct fzh_config *values)
{
	fzh_values = values;
}

size_t
fzh_reports(void)
{
	return fzh_n_reports;
}

size_t
fzh_split(const uint8_t *data, size_t size, const char **parts, size_t *lens,
    size_t max)
{
	const char *p = (const char *)data, *end = p + size, *cut;
	size_t n = 0, cl = strlen(FZH_CUT);

	while (n < max) {
		cut = n + 1 < max ? memmem(p, (size_t)(end - p), FZH_CUT, cl) : NULL;
		parts[n] = p;
		lens[n] = cut != NULL ? (size_t)(cut - p) : (size_t)(end - p);
		n++;
		if (cut == NULL)
			break;
		p = cut + cl;
	}
	return n;
}

/* ---- the host table ---- */

static void fzh_log(struct sa_ctx *ctx, enum sa_log_level level,
    const char *fmt, ...) SA_PRINTF(3, 4);

static void
fzh_log(struct sa_ctx *ctx, enum sa_log_level level, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (ctx != fzh_ctx || (unsigned int)level > SA_LOG_DEBUG)
		abort();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (getenv("FUZZ_HOST_LOG") != NULL)
		fprintf(stderr, "log %d: %s\n", (int)level, buf);
}

static void
fzh_no_secret(const char *text)
{
	size_t i;

	if (text == NULL)
		return;
	(void)strlen(text);	/* ASan: a string that runs off its buffer */
	for (i = 0; i < fzh_n_secrets; i++)
		if (strstr(text, fzh_secrets[i]) != NULL) {
			fprintf(stderr, "secret \"%s\" in report text \"%s\"\n",
			    fzh_secrets[i], text);
			abort();
		}
}

static int
fzh_report(struct sa_ctx *ctx, const struct sa_finding *f)
{
	const struct sa_check *c;

	if (ctx != fzh_ctx || f == NULL || f->struct_size < sizeof(*f) ||
	    f->check == NULL)
		abort();
	switch (f->level) {
	case SA_LEVEL_UNKNOWN: case SA_LEVEL_NOT: case SA_LEVEL_PARTLY:
	case SA_LEVEL_IMPLEMENTED: case SA_LEVEL_NA:
		break;
	default:
		abort();
	}
	if ((unsigned int)f->severity > SA_SEV_CRITICAL)
		abort();
	if (fzh_checks != NULL) {
		for (c = fzh_checks; c->name != NULL; c++)
			if (strcmp(c->name, f->check) == 0)
				break;
		if (c->name == NULL) {
			fprintf(stderr, "report of undeclared check %s\n", f->check);
			abort();
		}
	}
	fzh_no_secret(f->object);
	fzh_no_secret(f->evidence);
	fzh_no_secret(f->detail_en);
	fzh_no_secret(f->detail_ja);
	fzh_n_reports++;
	return 0;
}

static void
fzh_progress(struct sa_ctx *ctx, const char *what, uint64_t done)
{
}

static const struct fzh_config *
fzh_find(const char *key, size_t nth)
{
	const struct fzh_config *v;

	for (v = fzh_values; v != NULL && v->key != NULL; v++)
		if (strcmp(v->key, key) == 0 && nth-- == 0)
			return v;
	return NULL;
}

static int
fzh_config_string(struct sa_ctx *ctx, const char *sub, const char *key,
    const char **ret)
{
	const struct fzh_config *v = fzh_find(key, 0);

	if (v == NULL)
		return -ENOENT;
	*ret = v->value;
	return 0;
}

static int
fzh_config_bool(struct sa_ctx *ctx, const char *sub, const char *key, int *ret)
{
	const struct fzh_config *v = fzh_find(key, 0);

	if (v == NULL)
		return -ENOENT;
	*ret = strcmp(v->value, "yes") == 0;
	return 0;
}

static int
fzh_config_int(struct sa_ctx *ctx, const char *sub, const char *key,
    long long *ret)
{
	const struct fzh_config *v = fzh_find(key, 0);

	if (v == NULL)
		return -ENOENT;
	*ret = strtoll(v->value, NULL, 10);
	return 0;
}

static int
fzh_config_number(struct sa_ctx *ctx, const char *sub, const char *key,
    int64_t *ret)
{
	long long n;
	int r = fzh_config_int(ctx, sub, key, &n);

	if (r == 0)
		*ret = n;
	return r;
}

static int
fzh_config_list(struct sa_ctx *ctx, const char *sub, const char *key,
    const char *const **ret, size_t *n)
{
	static const char *list[16];
	const struct fzh_config *v;

	for (*n = 0; *n < 16 && (v = fzh_find(key, *n)) != NULL; (*n)++)
		list[*n] = v->value;
	*ret = list;
	return 0;
}

static int
fzh_config_subsections(struct sa_ctx *ctx, const char *const **ret, size_t *n)
{
	static const char *none[1];

	*ret = none;
	*n = 0;
	return 0;
}

static const char *
fzh_root_cb(struct sa_ctx *ctx)
{
	return "/";
}

static int
fzh_is_live(struct sa_ctx *ctx)
{
	return 0;
}

static time_t
fzh_now(struct sa_ctx *ctx)
{
	return FZH_NOW;
}

static const char *
fzh_lang(struct sa_ctx *ctx)
{
	return "en";
}

static const char *
fzh_data_dir(struct sa_ctx *ctx)
{
	return SA_ABS_SRCDIR "/rules";
}

/* An O_PATH descriptor of path, resolved inside the root. */
static int
fzh_resolve(const char *path, int flags)
{
	struct open_how how;
	int fd;

	if (path == NULL || path[0] != '/')
		return -EINVAL;
	memset(&how, 0, sizeof(how));
	how.flags = O_PATH | O_CLOEXEC;
	how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS |
	    (flags & SA_OPEN_NOFOLLOW ? RESOLVE_NO_SYMLINKS : 0);
	fd = (int)syscall(SYS_openat2, fzh_root_fd, fzh_rel(path), &how, sizeof(how));
	return fd < 0 ? -errno : fd;
}

static int
fzh_stat(struct sa_ctx *ctx, const char *path, int flags, struct stat *ret)
{
	int fd = fzh_resolve(path, flags), r = 0;

	if (fd < 0)
		return fd;
	if (fstat(fd, ret) < 0)
		r = -errno;
	close(fd);
	return r;
}

static int
fzh_open(struct sa_ctx *ctx, const char *path, int flags, int *ret_fd)
{
	char proc[64];
	struct stat st;
	int pfd, fd;

	if ((pfd = fzh_resolve(path, flags)) < 0)
		return pfd;
	if (fstat(pfd, &st) < 0)
		abort();
	if (flags & SA_OPEN_DIRECTORY)
		fd = S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
	else
		fd = S_ISDIR(st.st_mode) ? -EISDIR : S_ISREG(st.st_mode) ? 0 : -EINVAL;
	if (fd == 0) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pfd);
		fd = open(proc, O_RDONLY | O_CLOEXEC | O_NOCTTY |
		    (flags & SA_OPEN_DIRECTORY ? O_DIRECTORY : 0));
		if (fd < 0)
			fd = -errno;
		else
			*ret_fd = fd;
	}
	close(pfd);
	return fd < 0 ? fd : 0;
}

static int
fzh_read_file(struct sa_ctx *ctx, const char *path, size_t max, char **ret,
    size_t *ret_len)
{
	struct stat st;
	size_t len = 0;
	ssize_t n;
	char *buf;
	int fd, r;

	if ((r = fzh_open(ctx, path, 0, &fd)) < 0)
		return r;
	if (fstat(fd, &st) < 0)
		abort();
	if ((uintmax_t)st.st_size > max) {
		close(fd);
		return -EFBIG;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		abort();
	while (len < (size_t)st.st_size &&
	    (n = read(fd, buf + len, (size_t)st.st_size - len)) > 0)
		len += (size_t)n;
	close(fd);
	buf[len] = '\0';
	*ret = buf;
	*ret_len = len;
	return 0;
}

static void
fzh_free(void *p)
{
	free(p);
}

static int
fzh_rx_compile(struct sa_ctx *ctx, const char *pattern, unsigned int flags,
    struct sa_rx **ret, struct sa_rx_error *err)
{
	return rx_compile(pattern, flags, ret, err);
}

static int
fzh_rx_match(struct sa_ctx *ctx, const struct sa_rx *rx, const char *subject,
    size_t length, size_t *ov, size_t pairs)
{
	return rx_match(rx, subject, length, ov, pairs);
}

static int
fzh_parse_records(struct sa_ctx *ctx, const char *path,
    const char *const *repeatable, sa_record_handler handler, void *user)
{
	struct sbuf err;
	int r;

	sb_init(&err);
	r = rf_parse_file(path, repeatable, handler, user, &err);
	if (r < 0 && (err.data == NULL || strchr(err.data, '\n') != NULL))
		abort();	/* an error is one line */
	sb_free(&err);
	return r;
}

/* root (0) and one person (1000) exist; nobody else does */
static int
fzh_user(uid_t uid, const char *name, struct sa_user *ret)
{
	static const struct sa_user users[] = {
		{ "root", 0, 0, "/root", "/bin/bash", 0 },
		{ "alice", 1000, 1000, "/home/alice", "/bin/bash", 0 },
	};
	size_t i;

	for (i = 0; i < 2; i++)
		if (name != NULL ? strcmp(name, users[i].name) == 0 : uid == users[i].uid) {
			*ret = users[i];
			return 0;
		}
	return -ENOENT;
}

static int
fzh_user_by_uid(struct sa_ctx *ctx, uid_t uid, struct sa_user *ret)
{
	return fzh_user(uid, NULL, ret);
}

static int
fzh_user_by_name(struct sa_ctx *ctx, const char *name, struct sa_user *ret)
{
	return fzh_user(0, name, ret);
}

static int
fzh_group(gid_t gid, const char *name, struct sa_group *ret)
{
	static const struct sa_group groups[] = {
		{ "root", 0 }, { "alice", 1000 }, { "users", 100 },
	};
	size_t i;

	for (i = 0; i < 3; i++)
		if (name != NULL ? strcmp(name, groups[i].name) == 0 : gid == groups[i].gid) {
			*ret = groups[i];
			return 0;
		}
	return -ENOENT;
}

static int
fzh_group_by_gid(struct sa_ctx *ctx, gid_t gid, struct sa_group *ret)
{
	return fzh_group(gid, NULL, ret);
}

static int
fzh_group_by_name(struct sa_ctx *ctx, const char *name, struct sa_group *ret)
{
	return fzh_group(0, name, ret);
}

static int
fzh_answer_item(struct sa_ctx *ctx, int item, struct sa_answer *ret)
{
	return item >= 1 && item <= 25 ? -ENOENT : -EINVAL;
}

static int
fzh_answer_cloud(struct sa_ctx *ctx, const char *service, int item,
    struct sa_answer *ret)
{
	return -ENOENT;
}

static int
fzh_answer_services(struct sa_ctx *ctx, const char *const **ids,
    const char *const **labels, size_t *n)
{
	static const char *none[1];

	*ids = none;
	*labels = none;
	*n = 0;
	return 0;
}

static int
fzh_config_where(struct sa_ctx *ctx, const char *sub, const char *key,
    size_t index, const char **ret_file, unsigned int *ret_line)
{
	if (fzh_find(key, index) == NULL)
		return -ENOENT;
	*ret_file = "fuzz.ini";
	*ret_line = 1;
	return 0;
}

const struct sa_host fzh_host = {
	.abi_version = SA_ABI_VERSION,
	.struct_size = sizeof(struct sa_host),
	.log = fzh_log,
	.report = fzh_report,
	.progress = fzh_progress,
	.config_string = fzh_config_string,
	.config_bool = fzh_config_bool,
	.config_int = fzh_config_int,
	.config_number = fzh_config_number,
	.config_list = fzh_config_list,
	.config_subsections = fzh_config_subsections,
	.root = fzh_root_cb,
	.is_live = fzh_is_live,
	.now = fzh_now,
	.lang = fzh_lang,
	.data_dir = fzh_data_dir,
	.open = fzh_open,
	.stat = fzh_stat,
	.read_file = fzh_read_file,
	.free = fzh_free,
	.rx_compile = fzh_rx_compile,
	.rx_match = fzh_rx_match,
	.rx_free = rx_free,
	.parse_records = fzh_parse_records,
	.user_by_uid = fzh_user_by_uid,
	.user_by_name = fzh_user_by_name,
	.group_by_gid = fzh_group_by_gid,
	.group_by_name = fzh_group_by_name,
	.answer_item = fzh_answer_item,
	.answer_cloud = fzh_answer_cloud,
	.answer_services = fzh_answer_services,
	.config_where = fzh_config_where,
};
