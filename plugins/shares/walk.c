/* SPDX-License-Identifier: MIT */
/*
 * The file walk: every entry under the roots looked at once, with the
 * fewest system calls that keep it safe.
 *
 *   - getdents64() into a buffer per open directory; d_type lets
 *     symlinks go by without any stat, and FIFOs, sockets and devices
 *     are stat'ed (never opened) for their owner only.
 *   - One fstatat(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT) per entry.  A
 *     directory is then opened relative to its parent with O_NOFOLLOW and
 *     its device and inode checked again on the descriptor, so a rename
 *     or symlink swap between the two calls is caught, not followed.
 *   - No recursion: an explicit stack of levels.  Each open level keeps
 *     its descriptor and buffer; past max_open levels the shallowest one
 *     is closed and remembers only where to resume (the d_off of its last
 *     entry).  When the walk climbs back, the level is reopened through
 *     ".." of its child (which cannot be a symlink) and checked against
 *     its device and inode, or else component by component from an open
 *     ancestor.  Memory is O(depth) for the path and the level records
 *     and O(max_open) for buffers and descriptors, whatever the tree.
 *   - With jobs > 1, threads share a small queue of opened directories:
 *     a thread that finds a subdirectory while the queue is short hands
 *     it over (descriptor, path and flags) instead of descending itself.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#include "shares.h"

#define SH_BUF_SIZE (32 * 1024)
#define SH_QUEUE_TARGET 4
#define SH_PROGRESS_EVERY 65536u
#define SH_ACL_MAX 64
#define SH_ACL_BYTES (4 + SH_ACL_MAX * 8)

/* getxattrat() (Linux 6.13) has no libc wrapper yet; the number is the
 * same in every architecture's table that uses the generic one. */
#if !defined(SYS_getxattrat) && (defined(__x86_64__) || defined(__aarch64__))
#define SYS_getxattrat 464
#endif

struct sh_xattr_args {
	uint64_t value;
	uint32_t size;
	uint32_t flags;
};

struct sh_task {
	int fd;
	char *path;
	unsigned int flags;
	int is_root;		/* check the directory itself too */
	dev_t dev;		/* the walk root's file system */
	struct sh_task *next;
};

struct sh_level {
	int fd;			/* -1 while closed */
	int eof;
	off_t resume;		/* d_off after the last entry taken */
	size_t path_len;	/* this directory's path in worker.path */
	dev_t dev;
	ino_t ino;
	unsigned int flags;
	char *buf;
	size_t buf_len, buf_pos;
};

struct sh_idslot {
	uint32_t id;
	uint8_t valid;
	uint8_t state;
};

struct sh_walk;

struct sh_worker {
	struct sh_walk *walk;
	const struct sh_walk_cfg *cfg;
	struct sh_level *lv;
	size_t n_lv, cap_lv;
	size_t first_open;	/* levels 1 .. first_open-1 are closed */
	size_t n_open;		/* open levels above level 0 */
	char *path;
	size_t path_cap;
	char **pool;		/* free getdents buffers */
	size_t n_pool;
	dev_t root_dev;
	int noatime;
	int getxattrat;		/* the kernel has it */
	dev_t acl_unsupported;	/* a file system without ACLs: stop asking */
	int acl_unsupported_set;
	struct sh_idslot uids[256], gids[256];
	uint64_t entries, counted, next_progress;
};

struct sh_walk {
	const struct sh_walk_cfg *cfg;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct sh_task *head, *tail;
	atomic_size_t queued;
	int active;
	int done;
	atomic_uint_fast64_t entries;
};

static const struct {
	unsigned long magic;
	int kind;
	const char *name;
} sh_fs_types[] = {
	{ 0x6969, 1, "nfs" },
	{ 0xff534d42, 1, "cifs" },
	{ 0xfe534d42, 1, "smb2" },
	{ 0x517b, 1, "smb" },
	{ 0x564c, 1, "ncp" },
	{ 0x6b414653, 1, "afs" },
	{ 0x5346414f, 1, "openafs" },
	{ 0x00c36400, 1, "ceph" },
	{ 0x01021997, 1, "9p" },
	{ 0x73757245, 1, "coda" },
	{ 0x0bd00bd0, 1, "lustre" },
	{ 0x47504653, 1, "gpfs" },
	{ 0x65735546, 1, "fuse (may be remote)" },
	{ 0x9fa0, 2, "proc" },
	{ 0x62656572, 2, "sysfs" },
	{ 0x1cd1, 2, "devpts" },
	{ 0x27e0eb, 2, "cgroup" },
	{ 0x63677270, 2, "cgroup2" },
	{ 0x64626720, 2, "debugfs" },
	{ 0x74726163, 2, "tracefs" },
	{ 0x73636673, 2, "securityfs" },
	{ 0x6165676c, 2, "pstore" },
	{ 0xcafe4a11, 2, "bpf" },
	{ 0x62656570, 2, "configfs" },
	{ 0x19800202, 2, "mqueue" },
	{ 0x958458f6, 2, "hugetlbfs" },
	{ 0x0187, 2, "autofs" },
	{ 0x42494e4d, 2, "binfmt_misc" },
	{ 0xde5e81e4, 2, "efivarfs" },
	{ 0xf97cff8c, 2, "selinuxfs" },
	{ 0x6e736673, 2, "nsfs" },
};

int
sh_fs_kind(long f_type)
{
	size_t i;

	for (i = 0; i < sizeof(sh_fs_types) / sizeof(sh_fs_types[0]); i++)
		if (sh_fs_types[i].magic == (unsigned long)f_type)
			return sh_fs_types[i].kind;
	return 0;
}

const char *
sh_fs_name(long f_type)
{
	size_t i;

	for (i = 0; i < sizeof(sh_fs_types) / sizeof(sh_fs_types[0]); i++)
		if (sh_fs_types[i].magic == (unsigned long)f_type)
			return sh_fs_types[i].name;
	return "local";
}

/* --- reporting helpers ----------------------------------------------- */

static void
sh_emit(struct sh_worker *w, enum sh_check check, int level, const char *path,
    const char *evidence)
{
	w->cfg->emit(w->cfg->user, check, level, path, evidence);
}

static void
sh_logf(struct sh_worker *w, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
sh_logf(struct sh_worker *w, int level, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	w->cfg->log(w->cfg->user, level, text);
}

/* strerror() may share a buffer between threads; this does not. */
static const char *
sh_strerror(int e, char *buf, size_t size)
{
	/* The usual ones in the reader's language, like plugins/lib's. */
	if (e == EACCES || e == EPERM)
		return (char *)hf_strerror(-e);
	return strerror_r(e, buf, size);
}

static void
sh_path_reserve(struct sh_worker *w, size_t need)
{
	if (need <= w->path_cap)
		return;
	while (w->path_cap < need)
		w->path_cap = w->path_cap > 0 ? w->path_cap * 2 : 4096;
	w->path = hf_grow(w->path, w->path_cap, 1);
}

/* The path of entry name in level i, NUL-terminated in w->path. */
static const char *
sh_entry_path(struct sh_worker *w, size_t i, const char *name, size_t nlen)
{
	size_t base = w->lv[i].path_len;

	sh_path_reserve(w, base + nlen + 2);
	w->path[base] = '/';
	memcpy(w->path + base + 1, name, nlen);
	w->path[base + 1 + nlen] = '\0';
	return w->path;
}

/* The path of level i itself. */
static const char *
sh_level_path(struct sh_worker *w, size_t i)
{
	size_t len = w->lv[i].path_len;

	sh_path_reserve(w, len + 2);
	if (len == 0) {
		/* The root of the audited system. */
		w->path[0] = '/';
		w->path[1] = '\0';
	} else
		w->path[len] = '\0';
	return w->path;
}

static unsigned int
sh_id_state(struct sh_worker *w, struct sh_idslot *table, uint32_t id,
    int is_group)
{
	struct sh_idslot *s = &table[id & 255];

	if (s->valid && s->id == id)
		return s->state;
	s->id = id;
	s->valid = 1;
	s->state = (uint8_t)(is_group ?
	    w->cfg->gid_state(w->cfg->user, (gid_t)id) :
	    w->cfg->uid_state(w->cfg->user, (uid_t)id));
	return s->state;
}

static int
sh_setuid_allowed(struct sh_worker *w, const char *path)
{
	const struct sh_patterns *allow = w->cfg->setuid_allow;
	char alt[PATH_MAX];
	size_t len = strlen(path);

	if (allow == NULL || allow->n == 0)
		return 0;
	if (sh_patterns_match(allow, path, len))
		return 1;
	/* /bin is /usr/bin on merged systems: one list for both. */
	if ((strncmp(path, "/bin/", 5) == 0 || strncmp(path, "/sbin/", 6) == 0 ||
	    strncmp(path, "/lib/", 5) == 0) && len + 5 < sizeof(alt)) {
		snprintf(alt, sizeof(alt), "/usr%s", path);
		return sh_patterns_match(allow, alt, len + 4);
	}
	return 0;
}

static void
sh_mode_text(char *buf, size_t size, const struct stat *st, const char *what)
{
	if (what != NULL)
		snprintf(buf, size, E_("%s, mode %04o, owner uid %lu, group gid %lu"),
		    what, (unsigned int)(st->st_mode & 07777),
		    (unsigned long)st->st_uid, (unsigned long)st->st_gid);
	else
		snprintf(buf, size, E_("mode %04o, owner uid %lu, group gid %lu"),
		    (unsigned int)(st->st_mode & 07777), (unsigned long)st->st_uid,
		    (unsigned long)st->st_gid);
}

/* --- POSIX ACLs --------------------------------------------------------- */

static int
sh_acl_read(struct sh_worker *w, int dirfd, const char *name,
    const char *attr, unsigned char *buf, size_t size, dev_t dev)
{
	char proc[64 + NAME_MAX + 1];
	ssize_t n;

	n = -1;
	if (name == NULL)
		n = fgetxattr(dirfd, attr, buf, size);
#ifdef SYS_getxattrat
	else if (w->getxattrat) {
		struct sh_xattr_args args = {
			.value = (uint64_t)(uintptr_t)buf, .size = (uint32_t)size,
		};

		n = syscall(SYS_getxattrat, dirfd, name, AT_SYMLINK_NOFOLLOW,
		    attr, &args, sizeof(args));
		/* Older kernels, or a seccomp filter that does not know it. */
		if (n < 0 && (errno == ENOSYS || errno == EPERM))
			w->getxattrat = 0;
	}
#endif
	if (name != NULL && !w->getxattrat) {
		/* Before Linux 6.13: the parent's descriptor through /proc;
		 * l-getxattr never follows the name itself. */
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d/%s", dirfd, name);
		n = lgetxattr(proc, attr, buf, size);
	}
	if (n < 0) {
		if (errno == EOPNOTSUPP) {
			w->acl_unsupported = dev;
			w->acl_unsupported_set = 1;
		}
		return -1;
	}
	return (int)n;
}

static void
sh_acl_check(struct sh_worker *w, size_t level, int dirfd, const char *name,
    size_t nlen, const struct stat *st)
{
	static const char *const attrs[2] = {
		"system.posix_acl_access", "system.posix_acl_default"
	};
	struct sh_acl_entry e[SH_ACL_MAX];
	unsigned char buf[SH_ACL_BYTES];
	char ev[256], orphan_ev[128], broad_ev[128];
	int a, n, i, mask, other_write = 0, orphan = 0, broad = 0;
	const char *path;

	if (w->acl_unsupported_set && w->acl_unsupported == st->st_dev)
		return;
	orphan_ev[0] = broad_ev[0] = '\0';
	for (a = 0; a < (S_ISDIR(st->st_mode) ? 2 : 1); a++) {
		n = sh_acl_read(w, dirfd, name, attrs[a], buf, sizeof(buf), st->st_dev);
		if (n <= 0)
			continue;
		n = sh_acl_decode(buf, (size_t)n, e, SH_ACL_MAX);
		if (n < 0)
			continue;
		mask = 7;
		for (i = 0; i < n; i++)
			if (e[i].tag == SH_ACL_MASK)
				mask = (int)e[i].perm;
		for (i = 0; i < n; i++) {
			if (e[i].tag == SH_ACL_USER &&
			    sh_id_state(w, w->uids, e[i].id, 0) == SH_ID_MISSING) {
				if (!orphan)
					snprintf(orphan_ev, sizeof(orphan_ev),
					    E_("%suser:%lu has no account"),
					    a ? "default:" : "", (unsigned long)e[i].id);
				orphan = 1;
			}
			if (e[i].tag == SH_ACL_GROUP &&
			    sh_id_state(w, w->gids, e[i].id, 1) == SH_ID_MISSING) {
				if (!orphan)
					snprintf(orphan_ev, sizeof(orphan_ev),
					    E_("%sgroup:%lu has no group"),
					    a ? "default:" : "", (unsigned long)e[i].id);
				orphan = 1;
			}
			if (e[i].tag == SH_ACL_GROUP && (e[i].perm & mask & 2)) {
				if (!broad)
					snprintf(broad_ev, sizeof(broad_ev),
					    E_("%smask allows write, group:%lu has write"),
					    a ? "default:" : "", (unsigned long)e[i].id);
				broad = 1;
			}
			/* The access ACL's "other" is the mode's: reported as
			 * world-writable already.  The default ACL's is not
			 * visible in any mode yet: every new file gets it. */
			if (a == 1 && e[i].tag == SH_ACL_OTHER && (e[i].perm & 2))
				other_write = 1;
		}
	}
	if (!other_write && !orphan && !broad)
		return;
	path = name != NULL ? sh_entry_path(w, level, name, nlen) :
	    sh_level_path(w, level);
	if (other_write) {
		snprintf(ev, sizeof(ev), "%s",
		    E_("default ACL gives others write: new files will be world-writable"));
		sh_emit(w, SH_ACL_OTHER_WRITE, SA_LEVEL_NOT, path, ev);
	}
	if (orphan)
		sh_emit(w, SH_ACL_ORPHAN, SA_LEVEL_PARTLY, path, orphan_ev);
	if (broad)
		sh_emit(w, SH_ACL_BROAD_MASK, SA_LEVEL_PARTLY, path, broad_ev);
}

/* --- the checks on one entry ------------------------------------------ */

/*
 * level: the directory holding the entry; name NULL means the level's
 * directory itself (a walk root).  flags: the entry's own zone and
 * reachability (for a directory, as its contents will see them).
 */
static void
sh_check_entry(struct sh_worker *w, size_t level, const char *name,
    size_t nlen, const struct stat *st, unsigned int flags)
{
	mode_t m = st->st_mode;
	const char *path = NULL;
	unsigned int us, gs;
	char ev[256];

#define SH_PATH() (path != NULL ? path : (path = name != NULL ? \
	sh_entry_path(w, level, name, nlen) : sh_level_path(w, level)))
	if (S_ISREG(m)) {
		if (m & (S_IWOTH | S_ISUID | S_ISGID)) {
			if (m & S_IWOTH) {
				sh_mode_text(ev, sizeof(ev), st, NULL);
				sh_emit(w, SH_WW_FILE, SA_LEVEL_NOT, SH_PATH(), ev);
			}
			if ((m & S_ISUID) && !sh_setuid_allowed(w, SH_PATH())) {
				sh_mode_text(ev, sizeof(ev), st, NULL);
				sh_emit(w, SH_SETUID, SA_LEVEL_NOT, SH_PATH(), ev);
			}
			if ((m & S_ISGID) && !sh_setuid_allowed(w, SH_PATH())) {
				sh_mode_text(ev, sizeof(ev), st, NULL);
				sh_emit(w, SH_SETGID, SA_LEVEL_PARTLY, SH_PATH(), ev);
			}
		}
		if ((m & S_IROTH) && (w->lv[level].flags & SH_REACHABLE) &&
		    name != NULL && sh_patterns_match(w->cfg->secret_names, name, nlen)) {
			sh_mode_text(ev, sizeof(ev), st,
			    E_("readable by every local user"));
			sh_emit(w, SH_SECRET_READABLE, SA_LEVEL_NOT, SH_PATH(), ev);
		}
	} else if (S_ISDIR(m) && (m & S_IWOTH) && !(m & S_ISVTX)) {
		sh_mode_text(ev, sizeof(ev), st, E_("no sticky bit"));
		sh_emit(w, SH_WW_DIR, SA_LEVEL_NOT, SH_PATH(), ev);
	}
	/* Inside a share or sensitive path, only where others can get to
	 * it: a 0644 file below a 0750 directory is not exposed. */
	if ((flags & SH_IN_ZONE) && (m & (S_IROTH | S_IWOTH)) &&
	    (S_ISREG(m) || S_ISDIR(m)) &&
	    (w->lv[level].flags & SH_REACHABLE || name == NULL)) {
		sh_mode_text(ev, sizeof(ev), st, (m & S_IWOTH) ?
		    E_("writable by every local user") :
		    E_("readable by every local user"));
		sh_emit(w, SH_OTHER_READABLE, SA_LEVEL_NOT, SH_PATH(), ev);
	}
	us = sh_id_state(w, w->uids, (uint32_t)st->st_uid, 0);
	gs = sh_id_state(w, w->gids, (uint32_t)st->st_gid, 1);
	if (us == SH_ID_MISSING || gs == SH_ID_MISSING) {
		if (us == SH_ID_MISSING && gs == SH_ID_MISSING)
			snprintf(ev, sizeof(ev), E_("uid %lu has no account, gid %lu has no group"),
			    (unsigned long)st->st_uid, (unsigned long)st->st_gid);
		else if (us == SH_ID_MISSING)
			snprintf(ev, sizeof(ev), E_("uid %lu has no account"),
			    (unsigned long)st->st_uid);
		else
			snprintf(ev, sizeof(ev), E_("gid %lu has no group"),
			    (unsigned long)st->st_gid);
		sh_emit(w, SH_ORPHAN_OWNER, SA_LEVEL_PARTLY, SH_PATH(), ev);
	} else if (us == SH_ID_LOCKED) {
		snprintf(ev, sizeof(ev), E_("owner uid %lu: the account is locked"),
		    (unsigned long)st->st_uid);
		sh_emit(w, SH_LOCKED_OWNER, SA_LEVEL_PARTLY, SH_PATH(), ev);
	}
	if (w->cfg->acl)
		sh_acl_check(w, level, w->lv[level].fd, name, nlen, st);
#undef SH_PATH
}

/* --- buffers and levels ----------------------------------------------- */

static char *
sh_buf_get(struct sh_worker *w)
{
	if (w->n_pool > 0)
		return w->pool[--w->n_pool];
	return hf_grow(NULL, SH_BUF_SIZE, 1);
}

static void
sh_buf_put(struct sh_worker *w, char *buf)
{
	if (buf == NULL)
		return;
	w->pool = hf_grow(w->pool, w->n_pool + 1, sizeof(*w->pool));
	w->pool[w->n_pool++] = buf;
}

static int
sh_open_dir(struct sh_worker *w, int at, const char *name)
{
	int fd, fl = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;

	/* Reading a directory must not change its atime either. */
	if (w->noatime) {
		fd = openat(at, name, fl | O_NOATIME);
		if (fd >= 0 || errno != EPERM)
			return fd;
		w->noatime = 0;
	}
	return openat(at, name, fl);
}

/* Close the shallowest open level to stay within max_open descriptors. */
static void
sh_evict(struct sh_worker *w)
{
	size_t i = w->first_open > 0 ? w->first_open : 1;
	struct sh_level *l;

	while (i < w->n_lv && w->lv[i].fd < 0)
		i++;
	if (i >= w->n_lv)
		return;
	l = &w->lv[i];
	close(l->fd);
	l->fd = -1;
	sh_buf_put(w, l->buf);
	l->buf = NULL;
	l->buf_len = l->buf_pos = 0;
	w->n_open--;
	w->first_open = i + 1;
}

static int
sh_same(int fd, const struct sh_level *l)
{
	struct stat st;

	return fstat(fd, &st) == 0 && st.st_dev == l->dev && st.st_ino == l->ino;
}

/* Reopen level i from its nearest open ancestor, one name at a time. */
static int
sh_reopen_by_path(struct sh_worker *w, size_t i)
{
	char name[NAME_MAX + 1];
	size_t a = i, j, start, len;
	int cur, next;

	while (a > 0 && w->lv[a - 1].fd < 0)
		a--;
	if (a == 0)
		return -1;	/* level 0 is never closed: cannot happen */
	cur = w->lv[a - 1].fd;
	for (j = a; j <= i; j++) {
		start = w->lv[j - 1].path_len + 1;
		len = w->lv[j].path_len - start;
		if (len > NAME_MAX)
			goto fail;
		memcpy(name, w->path + start, len);
		name[len] = '\0';
		next = sh_open_dir(w, cur, name);
		if (cur != w->lv[a - 1].fd)
			close(cur);
		cur = next;
		if (cur < 0 || !sh_same(cur, &w->lv[j]))
			goto fail;
	}
	return cur;
fail:
	if (cur >= 0 && cur != w->lv[a - 1].fd)
		close(cur);
	return -1;
}

/* Level i is closed and the walk comes back to it from level i+1. */
static void
sh_restore(struct sh_worker *w, size_t i)
{
	struct sh_level *l = &w->lv[i], *child = &w->lv[i + 1];
	int fd = -1;

	/* ".." of the child is its real parent, never a symlink. */
	if (child->fd >= 0) {
		fd = sh_open_dir(w, child->fd, "..");
		if (fd >= 0 && !sh_same(fd, l)) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0)
		fd = sh_reopen_by_path(w, i);
	if (fd >= 0 && !l->eof && lseek(fd, l->resume, SEEK_SET) < 0) {
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		sh_emit(w, SH_UNREADABLE, SA_LEVEL_UNKNOWN, sh_level_path(w, i),
		    E_("the directory moved while it was being scanned"));
		l->eof = 1;
		return;
	}
	l->fd = fd;
	w->n_open++;
	if (w->first_open > i)
		w->first_open = i;
}

static void
sh_push(struct sh_worker *w, int fd, size_t path_len, const struct stat *st,
    unsigned int flags)
{
	struct sh_level *l;

	if (w->n_lv > 0 && w->n_open >= (size_t)w->cfg->max_open)
		sh_evict(w);
	if (w->n_lv == w->cap_lv) {
		w->cap_lv = w->cap_lv > 0 ? w->cap_lv * 2 : 64;
		w->lv = hf_grow(w->lv, w->cap_lv, sizeof(*w->lv));
	}
	l = &w->lv[w->n_lv];
	memset(l, 0, sizeof(*l));
	l->fd = fd;
	l->path_len = path_len;
	l->dev = st->st_dev;
	l->ino = st->st_ino;
	l->flags = flags;
	if (w->n_lv > 0)
		w->n_open++;
	w->n_lv++;
}

static void
sh_pop(struct sh_worker *w)
{
	size_t t = w->n_lv - 1;
	struct sh_level *l = &w->lv[t];

	if (t >= 2 && w->lv[t - 1].fd < 0 && !w->lv[t - 1].eof)
		sh_restore(w, t - 1);
	if (l->fd >= 0) {
		close(l->fd);
		if (t > 0)
			w->n_open--;
	}
	sh_buf_put(w, l->buf);
	w->n_lv--;
}

/* The next entry of the top level, or NULL at its end. */
static struct dirent64 *
sh_next(struct sh_worker *w)
{
	struct sh_level *l = &w->lv[w->n_lv - 1];
	struct dirent64 *de;
	ssize_t n;
	char ev[160], eb[64];

	for (;;) {
		if (l->buf_pos < l->buf_len) {
			de = (struct dirent64 *)(void *)(l->buf + l->buf_pos);
			l->buf_pos += de->d_reclen;
			l->resume = de->d_off;
			if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
			    (de->d_name[1] == '.' && de->d_name[2] == '\0')))
				continue;
			return de;
		}
		if (l->eof || l->fd < 0)
			return NULL;
		if (l->buf == NULL)
			l->buf = sh_buf_get(w);
		n = getdents64(l->fd, l->buf, SH_BUF_SIZE);
		if (n <= 0) {
			if (n < 0) {
				snprintf(ev, sizeof(ev), E_("cannot list: %s"),
				    sh_strerror(errno, eb, sizeof(eb)));
				sh_emit(w, SH_UNREADABLE, SA_LEVEL_UNKNOWN,
				    sh_level_path(w, w->n_lv - 1), ev);
			}
			l->eof = 1;
			return NULL;
		}
		l->buf_len = (size_t)n;
		l->buf_pos = 0;
	}
}

/* --- the work queue ---------------------------------------------------- */

static void
sh_queue_push(struct sh_walk *walk, struct sh_task *t)
{
	pthread_mutex_lock(&walk->lock);
	t->next = NULL;
	if (walk->tail != NULL)
		walk->tail->next = t;
	else
		walk->head = t;
	walk->tail = t;
	atomic_fetch_add(&walk->queued, 1);
	pthread_cond_signal(&walk->cond);
	pthread_mutex_unlock(&walk->lock);
}

static struct sh_task *
sh_queue_take(struct sh_walk *walk, int finished_one)
{
	struct sh_task *t = NULL;

	pthread_mutex_lock(&walk->lock);
	if (finished_one)
		walk->active--;
	for (;;) {
		if (walk->head != NULL) {
			t = walk->head;
			walk->head = t->next;
			if (walk->head == NULL)
				walk->tail = NULL;
			atomic_fetch_sub(&walk->queued, 1);
			walk->active++;
			break;
		}
		if (walk->active == 0 || walk->done) {
			walk->done = 1;
			pthread_cond_broadcast(&walk->cond);
			break;
		}
		pthread_cond_wait(&walk->cond, &walk->lock);
	}
	pthread_mutex_unlock(&walk->lock);
	return t;
}

/* --- walking ------------------------------------------------------------ */

/*
 * A subdirectory entry of the top level: open it safely, then hand it
 * to another thread or descend.
 */
static void
sh_descend(struct sh_worker *w, const char *name, size_t nlen,
    const struct stat *st, unsigned int flags)
{
	size_t top = w->n_lv - 1, path_len;
	struct statfs sfs;
	struct stat st2;
	const char *path;
	char ev[256], eb[64];
	int fd, kind;

	if (w->cfg->one_filesystem && st->st_dev != w->root_dev)
		return;		/* a mount point: its own file system */
	fd = sh_open_dir(w, w->lv[top].fd, name);
	if (fd < 0) {
		if (errno == ENOENT || errno == ELOOP || errno == ENOTDIR)
			return;	/* gone or swapped for a symlink: nothing to follow */
		snprintf(ev, sizeof(ev), E_("cannot open: %s"),
		    sh_strerror(errno, eb, sizeof(eb)));
		sh_emit(w, SH_UNREADABLE, SA_LEVEL_UNKNOWN,
		    sh_entry_path(w, top, name, nlen), ev);
		return;
	}
	if (fstat(fd, &st2) < 0 || st2.st_dev != st->st_dev ||
	    st2.st_ino != st->st_ino) {
		close(fd);
		sh_emit(w, SH_UNREADABLE, SA_LEVEL_UNKNOWN,
		    sh_entry_path(w, top, name, nlen),
		    E_("replaced while it was being scanned; not followed"));
		return;
	}
	if (st->st_dev != w->root_dev && fstatfs(fd, &sfs) == 0 &&
	    (kind = sh_fs_kind((long)sfs.f_type)) != 0 &&
	    ((kind == 1 && !w->cfg->network_fs) || (kind == 2 && !w->cfg->pseudo_fs))) {
		sh_logf(w, SA_LOG_INFO, "%s: %s file system not scanned",
		    sh_entry_path(w, top, name, nlen), sh_fs_name((long)sfs.f_type));
		close(fd);
		return;
	}
	path_len = w->lv[top].path_len + 1 + nlen;
	if (w->cfg->jobs > 1 && atomic_load(&w->walk->queued) < SH_QUEUE_TARGET) {
		struct sh_task *t = hf_grow(NULL, 1, sizeof(*t));

		path = sh_entry_path(w, top, name, nlen);
		t->fd = fd;
		t->path = hf_strndup(path, path_len);
		t->flags = flags;
		t->is_root = 0;
		t->dev = w->root_dev;
		sh_queue_push(w->walk, t);
		return;
	}
	/* The name goes into the path buffer for good now. */
	sh_entry_path(w, top, name, nlen);
	sh_push(w, fd, path_len, st, flags);
}

static unsigned int
sh_child_flags(struct sh_worker *w, size_t top, const char *name, size_t nlen,
    const struct stat *st)
{
	unsigned int f = w->lv[top].flags;

	if (!(st->st_mode & S_IXOTH))
		f &= ~(unsigned int)SH_REACHABLE;
	if (!(f & SH_IN_ZONE) && w->cfg->zones != NULL && w->cfg->zones->n > 0 &&
	    hf_names_has(w->cfg->zones, sh_entry_path(w, top, name, nlen)))
		f |= SH_IN_ZONE;
	return f;
}

static void
sh_walk_task(struct sh_worker *w, struct sh_task *t)
{
	struct dirent64 *de;
	struct stat st;
	size_t top, nlen, plen;
	unsigned int flags;
	char ev[160], eb[64];

	plen = strlen(t->path);
	if (plen == 1 && t->path[0] == '/')
		plen = 0;	/* "/" joins as "" + "/" + name */
	sh_path_reserve(w, plen + 2);
	memcpy(w->path, t->path, plen);
	w->path[plen] = '\0';
	w->root_dev = t->dev;
	w->first_open = 1;
	w->n_open = 0;
	if (fstat(t->fd, &st) < 0) {
		close(t->fd);
		free(t->path);
		free(t);
		return;
	}
	sh_push(w, t->fd, plen, &st, t->flags);
	if (t->is_root)
		sh_check_entry(w, 0, NULL, 0, &st, t->flags);
	while (w->n_lv > 0) {
		de = sh_next(w);
		if (de == NULL) {
			sh_pop(w);
			continue;
		}
		top = w->n_lv - 1;
		if (++w->entries >= w->next_progress) {
			w->next_progress = w->entries + SH_PROGRESS_EVERY;
			atomic_fetch_add(&w->walk->entries, w->entries - w->counted);
			w->counted = w->entries;
			w->cfg->progress(w->cfg->user, atomic_load(&w->walk->entries));
		}
		if (de->d_type == DT_LNK)
			continue;	/* never followed, never stat'ed */
		nlen = strlen(de->d_name);
		if (fstatat(w->lv[top].fd, de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT) < 0) {
			if (errno == ENOENT)
				continue;
			/* A directory readable but not searchable fails every
			 * entry: say so once and leave it. */
			snprintf(ev, sizeof(ev), E_("cannot look at its entries: %s"),
			    sh_strerror(errno, eb, sizeof(eb)));
			sh_emit(w, SH_UNREADABLE, SA_LEVEL_UNKNOWN,
			    sh_level_path(w, top), ev);
			w->lv[top].eof = 1;
			w->lv[top].buf_len = w->lv[top].buf_pos = 0;
			continue;
		}
		if (S_ISLNK(st.st_mode))
			continue;	/* no d_type on this file system */
		if (S_ISDIR(st.st_mode)) {
			if (w->cfg->excludes != NULL && w->cfg->excludes->n > 0 &&
			    hf_names_has(w->cfg->excludes,
			    sh_entry_path(w, top, de->d_name, nlen)))
				continue;
			flags = sh_child_flags(w, top, de->d_name, nlen, &st);
			sh_check_entry(w, top, de->d_name, nlen, &st, flags);
			sh_descend(w, de->d_name, nlen, &st, flags);
		} else
			sh_check_entry(w, top, de->d_name, nlen, &st,
			    w->lv[top].flags);
	}
	free(t->path);
	free(t);
}

static void *
sh_worker_main(void *arg)
{
	struct sh_worker *w = arg;
	struct sh_task *t;
	int finished = 0;

	w->noatime = 1;
#ifdef SYS_getxattrat
	w->getxattrat = 1;
#endif
	w->next_progress = SH_PROGRESS_EVERY;
	while ((t = sh_queue_take(w->walk, finished)) != NULL) {
		sh_walk_task(w, t);
		finished = 1;
	}
	atomic_fetch_add(&w->walk->entries, w->entries - w->counted);
	while (w->n_pool > 0)
		free(w->pool[--w->n_pool]);
	free(w->pool);
	free(w->lv);
	free(w->path);
	return NULL;
}

uint64_t
sh_walk(const struct sh_walk_cfg *cfg, struct sh_walk_root *roots,
    size_t n_roots)
{
	struct sh_walk walk;
	struct sh_worker *workers;
	pthread_t *threads;
	struct stat st;
	size_t i;
	int jobs = cfg->jobs > 0 ? cfg->jobs : 1, started = 0;

	memset(&walk, 0, sizeof(walk));
	walk.cfg = cfg;
	pthread_mutex_init(&walk.lock, NULL);
	pthread_cond_init(&walk.cond, NULL);
	atomic_init(&walk.queued, 0);
	atomic_init(&walk.entries, 0);
	for (i = 0; i < n_roots; i++) {
		struct sh_task *t;

		if (fstat(roots[i].fd, &st) < 0) {
			close(roots[i].fd);
			continue;
		}
		t = hf_grow(NULL, 1, sizeof(*t));
		t->fd = roots[i].fd;
		t->path = hf_strdup(roots[i].path);
		t->flags = roots[i].flags;
		t->is_root = 1;
		t->dev = st.st_dev;
		sh_queue_push(&walk, t);
		roots[i].fd = -1;
	}
	workers = hf_alloc((size_t)jobs * sizeof(*workers));
	threads = hf_alloc((size_t)jobs * sizeof(*threads));
	for (i = 0; i < (size_t)jobs; i++) {
		workers[i].walk = &walk;
		workers[i].cfg = cfg;
	}
	for (i = 1; i < (size_t)jobs; i++)
		if (pthread_create(&threads[i], NULL, sh_worker_main, &workers[i]) == 0)
			started++;
		else
			break;
	sh_worker_main(&workers[0]);
	for (i = 1; i <= (size_t)started; i++)
		pthread_join(threads[i], NULL);
	free(workers);
	free(threads);
	pthread_cond_destroy(&walk.cond);
	pthread_mutex_destroy(&walk.lock);
	return atomic_load(&walk.entries);
}
