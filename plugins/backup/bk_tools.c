/* SPDX-License-Identifier: MIT */
/*
 * Each tool's on-disk layout, read without the tool: what makes a
 * generation, when it was made, and what the tool left behind about its
 * last run (locks, logs, unfinished files).
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

#define BK_WALK_MAX_DEPTH 8
#define BK_WALK_MAX_ENTRIES 200000u
#define BK_MAX_NOTE 6		/* guests or levels named in a note */

static int
bk_dot(const char *name)
{
	return name[0] == '.' && (name[1] == '\0' ||
	    (name[1] == '.' && name[2] == '\0'));
}

/* A subdirectory of an open stream, never through a symlink. */
static DIR *
bk_subdir(DIR *parent, const char *name)
{
	DIR *d;
	int fd;

	fd = openat(dirfd(parent), name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	if ((d = fdopendir(fd)) == NULL)
		close(fd);
	return d;
}

static int
bk_has_entry(DIR *d, const char *name, int want_dir)
{
	struct stat st;

	if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return 0;
	return want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
}

static int
bk_is_hex(const char *s, size_t n)
{
	size_t i;

	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* Open the job's directory; on failure the target says why. */
static DIR *
bk_target_dir(struct bk_run *r, const char *path, struct bk_ev *ev)
{
	DIR *d;
	int rc;

	if ((rc = hf_opendir(&r->hf, path, &d)) < 0) {
		bk_ev_target_error(ev, path, rc);
		return NULL;
	}
	free(ev->dir);
	ev->dir = hf_strdup(path);
	return d;
}

/* ---- guests of vzdump and PBS ---- */

struct bk_group {
	char *key;
	int64_t newest;
	size_t count;
};

struct bk_groups {
	struct bk_group *v;
	size_t n;
};

static struct bk_group *
bk_group(struct bk_groups *g, const char *key)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i].key, key) == 0)
			return &g->v[i];
	g->v = hf_grow(g->v, g->n + 1, sizeof(*g->v));
	memset(&g->v[g->n], 0, sizeof(g->v[g->n]));
	g->v[g->n].key = hf_strdup(key);
	return &g->v[g->n++];
}

static void
bk_group_add(struct bk_run *r, struct bk_ev *ev, struct bk_groups *g,
    const char *key, int64_t t)
{
	struct bk_group *e = bk_group(g, key);

	e->count++;
	if (t <= r->now + BK_SKEW && t > e->newest)
		e->newest = t;
	bk_ev_add(r, ev, t);
}

/* Per guest: generation count (the fewest decides) and staleness. */
static void
bk_groups_done(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev,
    struct bk_groups *g)
{
	struct bk_buf note = { 0 }, stale = { 0 };
	char age[32];
	size_t i, fewest = (size_t)-1;

	ev->n_groups = g->n;
	for (i = 0; i < g->n; i++) {
		if (g->v[i].count < fewest)
			fewest = g->v[i].count;
		if (i < BK_MAX_NOTE)
			bk_buf_printf(&note, "%s%s %zu", i > 0 ? ", " : "",
			    g->v[i].key, g->v[i].count);
		if (g->v[i].newest == 0 || r->now - g->v[i].newest > j->max_age) {
			if (ev->n_stale_groups < BK_MAX_NOTE)
				bk_buf_printf(&stale, "%s%s %s", ev->n_stale_groups > 0 ?
				    ", " : "", g->v[i].key, g->v[i].newest == 0 ?
				    E_("never") : bk_fmt_age(r->now - g->v[i].newest, age,
				    sizeof(age)));
			ev->n_stale_groups++;
		}
		free(g->v[i].key);
	}
	if (g->n > BK_MAX_NOTE)
		bk_buf_printf(&note, ", ...");
	if (ev->n_stale_groups > BK_MAX_NOTE)
		bk_buf_printf(&stale, ", ...");
	free(g->v);
	g->v = NULL;
	g->n = 0;
	if (note.p != NULL) {
		free(ev->count_note);
		ev->count_note = hf_printf(E_("per guest: %s"), note.p);
		free(note.p);
		/* the guest with the fewest copies is what is at risk */
		ev->count = fewest;
	}
	ev->stale_groups = stale.p;
}

/* ---- restic ---- */

static void
bk_restic(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct dirent *de;
	struct stat st;
	DIR *d, *sub;
	size_t stale = 0;
	int64_t oldest_lock = 0;
	char age[32];

	ev->unit = "snapshot";
	ev->basis = E_("time each snapshot file was written");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	if (!bk_has_entry(d, "config", 0) || !bk_has_entry(d, "snapshots", 1) ||
	    !bk_has_entry(d, "keys", 1)) {
		bk_ev_target_not(ev, E_("%s is not a restic repository (no config, "
		    "keys/ or snapshots/)"), j->path);
		closedir(d);
		return;
	}
	if ((sub = bk_subdir(d, "snapshots")) == NULL) {
		char *p = hf_join(j->path, "snapshots");

		bk_ev_target_error(ev, p, -errno);
		free(p);
		closedir(d);
		return;
	}
	/* One write-once file per snapshot, named by its SHA-256. */
	while ((de = readdir(sub)) != NULL)
		if (bk_is_hex(de->d_name, 64) &&
		    fstatat(dirfd(sub), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode))
			bk_ev_add(r, ev, (int64_t)st.st_mtime);
	closedir(sub);
	/* restic refreshes a live lock every 5 minutes; 30 is stale. */
	if ((sub = bk_subdir(d, "locks")) != NULL) {
		while ((de = readdir(sub)) != NULL)
			if (bk_is_hex(de->d_name, 64) &&
			    fstatat(dirfd(sub), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISREG(st.st_mode) &&
			    r->now - (int64_t)st.st_mtime > BK_RESTIC_STALE_LOCK) {
				stale++;
				if (oldest_lock == 0 || st.st_mtime < oldest_lock)
					oldest_lock = (int64_t)st.st_mtime;
			}
		closedir(sub);
	}
	closedir(d);
	if (stale > 0)
		ev->lock_why = hf_printf(stale == 1 ?
		    E_("%zu stale lock in locks/, the oldest %s old") :
		    E_("%zu stale locks in locks/, the oldest %s old"), stale,
		    bk_fmt_age(r->now - oldest_lock, age, sizeof(age)));
}

/* ---- borg ---- */

static void
bk_borg(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct dirent *de;
	struct stat st, lst;
	char *readme = NULL, *end, age[32];
	size_t len;
	unsigned long long n, best = 0;
	int64_t commit = 0;
	int found = 0, rc;
	DIR *d;

	ev->unit = "archive";
	ev->basis = E_("last repository commit (prune, delete and compact "
	    "commit too)");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	{
		char *p = hf_join(j->path, "README");

		rc = hf_read(&r->hf, p, 4096, &readme, &len);
		free(p);
	}
	if (rc < 0 || strstr(readme, "Borg Backup repository") == NULL ||
	    !bk_has_entry(d, "data", 1)) {
		bk_ev_target_not(ev, E_("%s is not a borg repository (no README "
		    "naming Borg, or no data/)"), j->path);
		free(readme);
		closedir(d);
		return;
	}
	free(readme);
	/* hints.N and index.N are rewritten at every commit N. */
	while ((de = readdir(d)) != NULL) {
		const char *num;

		if (strncmp(de->d_name, "hints.", 6) == 0)
			num = de->d_name + 6;
		else if (strncmp(de->d_name, "index.", 6) == 0)
			num = de->d_name + 6;
		else
			continue;
		if (*num < '0' || *num > '9')
			continue;
		n = strtoull(num, &end, 10);
		if (*end != '\0' ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (!found || n > best || (n == best && st.st_mtime > commit)) {
			best = n;
			commit = (int64_t)st.st_mtime;
			found = 1;
		}
	}
	/* A lock left behind stops every later run. */
	if ((fstatat(dirfd(d), "lock.exclusive", &lst, AT_SYMLINK_NOFOLLOW) == 0 ||
	    fstatat(dirfd(d), "lock.roster", &lst, AT_SYMLINK_NOFOLLOW) == 0) &&
	    r->now - (int64_t)lst.st_mtime > j->max_age)
		ev->lock_why = hf_printf(E_("lock.exclusive/lock.roster left %s ago"),
		    bk_fmt_age(r->now - (int64_t)lst.st_mtime, age, sizeof(age)));
	closedir(d);
	if (!found) {
		bk_ev_target_not(ev, E_("%s is a borg repository without any commit "
		    "(no hints.N or index.N)"), j->path);
		return;
	}
	/* Archives are listed only inside the encrypted manifest. */
	bk_ev_add(r, ev, commit);
	ev->count_known = 0;
	ev->count = 0;
}

/* ---- rsnapshot ---- */

struct bk_rsn_level {
	char *name;
	long retain;
	size_t have;
};

struct bk_rsn {
	struct bk_run *r;
	const char *file;
	char *root;
	char *logfile;
	char *lockfile;
	struct bk_rsn_level *levels;
	size_t n_levels;
	struct hf_names sources;
	size_t remote_sources;
	char *error;		/* the configuration keeps rsnapshot from running */
	int depth;
	unsigned int files;	/* read so far (BK_RSN_MAX_FILES) */
};

/*
 * Files read for one configuration.  The depth limit alone lets a file
 * that includes itself k times cost k^4 reads.
 */
#define BK_RSN_MAX_FILES 32

static void bk_rsn_file(struct bk_rsn *c, const char *path);

static void
bk_rsn_line(void *user, const char *text, unsigned int lineno)
{
	static const char *const directives[] = {
		"snapshot_root", "retain", "interval", "backup", "logfile",
		"lockfile", "include_conf", "backup_script", "backup_exec", NULL
	};
	struct bk_rsn *c = user;
	char *line = hf_strdup(text), *f[5];
	size_t n, i, w;

	n = bk_rsnapshot_fields(line, f, 5);
	if (n == 0 || f[0][0] == '#' || f[0][0] == '\0') {
		free(line);
		return;
	}
	if (n == 1 && c->error == NULL) {
		/* "retain alpha 6" with spaces: rsnapshot refuses the file */
		w = strcspn(f[0], " ");
		for (i = 0; directives[i] != NULL; i++)
			if (strlen(directives[i]) == w &&
			    strncmp(f[0], directives[i], w) == 0 && f[0][w] == ' ')
				c->error = hf_printf(E_("%s:%u: fields separated by "
				    "spaces; rsnapshot needs tabs and refuses to run"),
				    c->file, lineno);
	}
	if (n >= 2 && strcmp(f[0], "snapshot_root") == 0) {
		free(c->root);
		c->root = hf_strdup(f[1]);
	} else if (n >= 3 && (strcmp(f[0], "retain") == 0 ||
	    strcmp(f[0], "interval") == 0)) {
		c->levels = hf_grow(c->levels, c->n_levels + 1,
		    sizeof(*c->levels));
		c->levels[c->n_levels].name = hf_strdup(f[1]);
		c->levels[c->n_levels].retain = strtol(f[2], NULL, 10);
		c->levels[c->n_levels].have = 0;
		c->n_levels++;
	} else if (n >= 2 && strcmp(f[0], "logfile") == 0) {
		free(c->logfile);
		c->logfile = hf_strdup(f[1]);
	} else if (n >= 2 && strcmp(f[0], "lockfile") == 0) {
		free(c->lockfile);
		c->lockfile = hf_strdup(f[1]);
	} else if (n >= 3 && strcmp(f[0], "backup") == 0) {
		/* host:/path and rsync:// sources live on another machine */
		if (f[1][0] == '/')
			hf_names_add(&c->sources, f[1]);
		else
			c->remote_sources++;
	} else if (n >= 2 && strcmp(f[0], "include_conf") == 0 &&
	    f[1][0] == '/' && c->depth < 4 && c->files >= BK_RSN_MAX_FILES) {
		if (c->files++ == BK_RSN_MAX_FILES)
			c->r->hf.host->log(c->r->hf.ctx, SA_LOG_WARNING, E_("%s:%u: "
			    "include_conf %s: more than %d files; ignored"),
			    c->file, lineno, f[1], BK_RSN_MAX_FILES);
	} else if (n >= 2 && strcmp(f[0], "include_conf") == 0 &&
	    f[1][0] == '/' && c->depth < 4) {
		const char *saved = c->file;
		char *inc = hf_strdup(f[1]);

		c->depth++;
		bk_rsn_file(c, inc);
		c->depth--;
		c->file = saved;
		free(inc);
	}
	free(line);
}

static void
bk_rsn_file(struct bk_rsn *c, const char *path)
{
	char *data;
	size_t len;
	int rc;

	if ((rc = hf_read(&c->r->hf, path, BK_MAX_FILE, &data, &len)) < 0) {
		if (c->depth > 0 && c->error == NULL)
			c->error = hf_printf("include_conf %s: %s", path,
			    strerror(-rc));
		return;
	}
	c->files++;
	c->file = path;
	bk_lines(data, len, bk_rsn_line, c);
	free(data);
}

/* The last run's outcome in rsnapshot's own log. */
static void
bk_rsn_log(struct bk_run *r, const char *logfile, struct bk_ev *ev)
{
	char *data, *p, *nl, *status = NULL, *error = NULL, *more = NULL, *e;
	size_t len, n;
	int ok = -1;

	if (bk_read_tail(r, logfile, BK_LOG_TAIL, &data, &len, NULL) < 0)
		return;
	for (p = data; p < data + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (nl == NULL)
			nl = data + len;
		*nl = '\0';
		if (strstr(p, ": completed successfully") != NULL ||
		    strstr(p, ": completed, but with some warnings") != NULL) {
			ok = 1;
			status = p;
			error = NULL;
		} else if (strstr(p, ": completed, but with some errors") != NULL ||
		    strstr(p, ": completed, but with no definite status") != NULL) {
			ok = 0;
			status = p;
			error = NULL;
		} else if (strstr(p, ": started") != NULL) {
			error = more = NULL;
		} else if ((e = strstr(p, "ERROR: ")) != NULL) {
			/* a run that died before saying "completed": its
			 * first error says why, continued on the next line
			 * when it ends with a colon */
			n = strlen(error != NULL ? error : "");
			if (error == NULL)
				error = p;
			else if (more == NULL && n > 0 && error[n - 1] == ':')
				more = e + 7;
		}
	}
	if (error != NULL) {
		ok = 0;
		status = error;
	}
	if (ok >= 0) {
		char *text = hf_printf("%s%s%s", status, more != NULL ? " " : "",
		    more != NULL ? more : "");
		char *clean = bk_clean_text(text, strlen(text), 240);

		ev->last_run = ok;
		ev->last_run_why = hf_printf("%s: %s", logfile, clean);
		free(clean);
		free(text);
	}
	free(data);
}

static void
bk_rsnapshot(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_rsn c = { .r = r };
	struct bk_buf note = { 0 };
	struct dirent *de;
	struct stat st;
	char *dot, *end, age[32];
	size_t i, len;
	long gen;
	int rc;
	DIR *d;

	ev->unit = "snapshot";
	ev->basis = E_("time rsnapshot stamped on each LEVEL.N directory");
	{
		char *probe;

		if ((rc = hf_read(&r->hf, j->path, BK_MAX_FILE, &probe, &len)) < 0) {
			bk_ev_target_error(ev, j->path, rc);
			return;
		}
		free(probe);
	}
	bk_rsn_file(&c, j->path);
	if (c.error != NULL) {
		bk_ev_target_not(ev, "%s", c.error);
		goto out;
	}
	if (c.root == NULL || c.n_levels == 0) {
		bk_ev_target_not(ev, E_("%s sets no %s"), j->path,
		    c.root == NULL ? "snapshot_root" : "retain level");
		goto out;
	}
	for (i = 0; i < c.sources.n; i++)
		hf_names_add(&ev->sources, c.sources.v[i]);
	if ((d = bk_target_dir(r, c.root, ev)) == NULL) {
		if (ev->target == SA_LEVEL_NOT)
			bk_ev_target_not(ev, E_("snapshot_root %s (from %s) does not "
			    "exist: no snapshot was ever made"), c.root, j->path);
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if ((dot = strrchr(de->d_name, '.')) == NULL || dot[1] == '\0')
			continue;
		gen = strtol(dot + 1, &end, 10);
		if (*end != '\0' || gen < 0)
			continue;
		for (i = 0; i < c.n_levels; i++)
			if (strlen(c.levels[i].name) == (size_t)(dot - de->d_name) &&
			    strncmp(de->d_name, c.levels[i].name,
			    (size_t)(dot - de->d_name)) == 0)
				break;
		if (i == c.n_levels ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		c.levels[i].have++;
		bk_ev_add(r, ev, (int64_t)st.st_mtime);
	}
	closedir(d);
	for (i = 0; i < c.n_levels; i++)
		bk_buf_printf(&note, E_("%s%s %zu of %ld"), i > 0 ? ", " : "",
		    c.levels[i].name, c.levels[i].have, c.levels[i].retain);
	ev->count_note = bk_buf_take(&note);
	/* A higher level is filled from the full lower one: a lower level
	 * short of its retain count while a higher one exists lost copies. */
	for (i = 0; i + 1 < c.n_levels; i++) {
		size_t k;

		for (k = i + 1; k < c.n_levels; k++)
			if (c.levels[k].have > 0 &&
			    (long)c.levels[i].have < c.levels[i].retain) {
				ev->count_gap = hf_printf(E_("%s has %zu of %ld "
				    "snapshots although %s has some: copies were "
				    "lost or deleted"), c.levels[i].name,
				    c.levels[i].have, c.levels[i].retain,
				    c.levels[k].name);
				break;
			}
		if (ev->count_gap != NULL)
			break;
	}
	if (c.logfile != NULL)
		bk_rsn_log(r, c.logfile, ev);
	if (c.lockfile != NULL && r->hf.host->stat(r->hf.ctx, c.lockfile, 0, &st) == 0 &&
	    r->now - (int64_t)st.st_mtime > j->max_age)
		ev->lock_why = hf_printf(E_("lockfile %s left %s ago"), c.lockfile,
		    bk_fmt_age(r->now - (int64_t)st.st_mtime, age, sizeof(age)));
out:
	for (i = 0; i < c.n_levels; i++)
		free(c.levels[i].name);
	free(c.levels);
	free(c.root);
	free(c.logfile);
	free(c.lockfile);
	free(c.error);
	hf_names_free(&c.sources);
}

/* ---- duplicity ---- */

/* A volume "duplicity-full.T.volN.difftar..." or "-inc.T1.to.T2.volN...":
 * the time it belongs to, or 0. */
static int64_t
bk_duplicity_volume(const char *name)
{
	const char *p;
	int64_t t;

	if ((p = strstr(name, "duplicity-full.")) != NULL)
		p += 15;
	else if ((p = strstr(name, "duplicity-inc.")) != NULL) {
		p += 14;
		if (strlen(p) < 20 || strncmp(p + 16, ".to.", 4) != 0)
			return 0;
		p += 20;
	} else
		return 0;
	if (strlen(p) < 20 || tf_parse_iso_basic(p, 16, &t) < 0 ||
	    strncmp(p + 16, ".vol", 4) != 0 || strstr(p, ".difftar") == NULL)
		return 0;
	return t;
}

static void
bk_duplicity(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct dirent *de;
	struct stat st;
	int64_t t, *times = NULL, *vols = NULL;
	size_t n_times = 0, n_vols = 0, i, k, files = 0;
	int full;
	DIR *d;

	ev->unit = "backup";
	ev->basis = E_("time in each manifest's name");
	ev->full_kind = 1;
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, "duplicity-") == NULL ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		files++;
		/* The manifest is written last: without it there is no backup. */
		if (bk_duplicity_manifest(de->d_name, &full, &t)) {
			bk_ev_add(r, ev, t);
			if (full && t > ev->last_full && t <= r->now + BK_SKEW)
				ev->last_full = t;
			times = hf_grow(times, n_times + 1, sizeof(*times));
			times[n_times++] = t;
		} else if ((t = bk_duplicity_volume(de->d_name)) != 0) {
			vols = hf_grow(vols, n_vols + 1, sizeof(*vols));
			vols[n_vols++] = t;
		}
	}
	closedir(d);
	if (files == 0)
		bk_ev_target_not(ev, E_("%s holds no duplicity backup"), j->path);
	for (i = 0; i < n_vols; i++) {
		for (k = 0; k < n_times && times[k] != vols[i]; k++)
			;
		if (k < n_times || vols[i] == 0)
			continue;
		/* volumes newer than any manifest: an interrupted run */
		if (ev->partial_why == NULL) {
			char when[32];

			ev->partial_why = hf_printf(E_("volumes of %s without a "
			    "manifest: that run did not finish"),
			    tf_iso(vols[i], when, sizeof(when)));
		}
		ev->n_partial++;
		/* every volume of that run matches; count it once */
		for (k = i + 1; k < n_vols; k++)
			if (vols[k] == vols[i])
				vols[k] = 0;
	}
	free(times);
	free(vols);
}

/* ---- Proxmox vzdump ---- */

/* The outcome of one guest's last run in a vzdump log. */
static int
bk_vzdump_log_ok(const char *data, char **ret_error)
{
	const char *e = strstr(data, "ERROR:");

	if (e != NULL) {
		*ret_error = bk_clean_text(e, strcspn(e, "\n"), 200);
		return 0;
	}
	return strstr(data, "Finished Backup of VM") != NULL ? 1 : -1;
}

static void
bk_vzdump(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_groups groups = { 0 };
	struct hf_names logs = { 0 };
	struct dirent *de;
	struct stat st;
	char guest[64], *data, *err, *p;
	size_t i, len;
	int kind, ok;
	DIR *d;

	ev->unit = "archive";
	ev->basis = E_("time each archive file was written");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if ((kind = bk_vzdump_name(de->d_name, guest, sizeof(guest))) == 0 ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (kind == 2)
			continue;
		if (st.st_size < j->min_size) {
			if (ev->partial_why == NULL)
				ev->partial_why = hf_printf(E_("%s is only %lld bytes"),
				    de->d_name, (long long)st.st_size);
			ev->n_partial++;
			continue;
		}
		bk_group_add(r, ev, &groups, guest, (int64_t)st.st_mtime);
		if (!hf_names_has(&logs, guest))
			hf_names_add(&logs, guest);
	}
	closedir(d);
	/* vzdump keeps each guest's last task log in /var/log/vzdump. */
	for (i = 0; i < logs.n; i++) {
		p = hf_printf("/var/log/vzdump/%s.log", logs.v[i]);
		if (bk_read_tail(r, p, BK_LOG_TAIL, &data, &len, NULL) == 0) {
			err = NULL;
			ok = bk_vzdump_log_ok(data, &err);
			if (ok == 0 && ev->last_run != 0) {
				free(ev->last_run_why);
				ev->last_run_why = hf_printf("%s: %s", p, err);
				ev->last_run = 0;
			} else if (ok == 1 && ev->last_run == -1) {
				ev->last_run = 1;
				ev->last_run_why = hf_printf(E_("%s: finished"), p);
			}
			free(err);
			free(data);
		}
		free(p);
	}
	hf_names_free(&logs);
	bk_groups_done(r, j, ev, &groups);
}

/* ---- Proxmox Backup Server datastore ---- */

static void
bk_pbs_walk(struct bk_run *r, struct bk_ev *ev, struct bk_groups *g, DIR *d,
    const char *ns, int depth)
{
	static const char *const types[] = { "vm", "ct", "host", NULL };
	struct dirent *ide, *sde;
	struct stat st;
	DIR *td, *id, *nd, *sd;
	char *key, *nsname;
	int64_t t;
	size_t i;

	for (i = 0; types[i] != NULL; i++) {
		if ((td = bk_subdir(d, types[i])) == NULL)
			continue;
		while ((ide = readdir(td)) != NULL) {
			if (bk_dot(ide->d_name) ||
			    (id = bk_subdir(td, ide->d_name)) == NULL)
				continue;
			key = hf_printf("%s%s/%s", ns, types[i], ide->d_name);
			while ((sde = readdir(id)) != NULL) {
				if (tf_parse_iso(sde->d_name, strlen(sde->d_name), &t) < 0 ||
				    (sd = bk_subdir(id, sde->d_name)) == NULL)
					continue;
				/* the manifest is written when the snapshot is done */
				if (bk_has_entry(sd, "index.json.blob", 0))
					bk_group_add(r, ev, g, key, t);
				else if (fstat(dirfd(sd), &st) == 0 &&
				    r->now - (int64_t)st.st_mtime < BK_WRITING)
					ev->writing = (int64_t)st.st_mtime;
				else {
					if (ev->partial_why == NULL)
						ev->partial_why = hf_printf(E_("%s/%s has no "
						    "index.json.blob: unfinished"), key,
						    sde->d_name);
					ev->n_partial++;
				}
				closedir(sd);
			}
			free(key);
			closedir(id);
		}
		closedir(td);
	}
	/* namespaces: ns/NAME/{vm,ct,host,ns} */
	if (depth >= BK_WALK_MAX_DEPTH || (td = bk_subdir(d, "ns")) == NULL)
		return;
	while ((ide = readdir(td)) != NULL) {
		if (bk_dot(ide->d_name) || (nd = bk_subdir(td, ide->d_name)) == NULL)
			continue;
		nsname = hf_printf("%sns/%s/", ns, ide->d_name);
		bk_pbs_walk(r, ev, g, nd, nsname, depth + 1);
		free(nsname);
		closedir(nd);
	}
	closedir(td);
}

static void
bk_pbs(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_groups groups = { 0 };
	DIR *d;

	ev->unit = "snapshot";
	ev->basis = E_("time in each snapshot directory's name");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	if (!bk_has_entry(d, ".chunks", 1)) {
		bk_ev_target_not(ev, E_("%s is not a Proxmox Backup Server datastore "
		    "(no .chunks/)"), j->path);
		closedir(d);
		return;
	}
	bk_pbs_walk(r, ev, &groups, d, "", 0);
	closedir(d);
	bk_groups_done(r, j, ev, &groups);
}

/* ---- timeshift ---- */

struct bk_ts_info {
	int64_t created;
	int have;
};

static void
bk_ts_member(void *user, const struct bk_json_value *v)
{
	struct bk_ts_info *info = user;
	char buf[24];
	char *end;
	long long t;

	/* "created": "1704164645" (seconds, as a string; a number is fine) */
	if (v->depth != 1 || !bk_json_key_is(v, "created") || v->escaped ||
	    (v->kind != BK_JSON_STRING && v->kind != BK_JSON_NUMBER) ||
	    v->len == 0 || v->len >= sizeof(buf))
		return;
	memcpy(buf, v->text, v->len);
	buf[v->len] = '\0';
	t = strtoll(buf, &end, 10);
	if (*end != '\0' || t <= 0)
		return;
	info->created = t;
	info->have = 1;
}

static void
bk_timeshift(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_json_error jerr;
	struct bk_ts_info info;
	struct dirent *de;
	struct stat st;
	char *p, *data, *why;
	size_t len;
	int rc;
	DIR *d;

	ev->unit = "snapshot";
	ev->basis = E_("\"created\" in each snapshot's info.json");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (bk_dot(de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		p = hf_printf("%s/%s/info.json", j->path, de->d_name);
		why = NULL;
		rc = hf_read(&r->hf, p, 65536, &data, &len);
		if (rc < 0)
			why = hf_printf("%s: %s", p, strerror(-rc));
		else {
			memset(&info, 0, sizeof(info));
			if (bk_json_walk(data, len, bk_ts_member, &info, &jerr) < 0)
				why = hf_printf("%s:%u: %s", p, jerr.line,
				    jerr.message);
			else if (!info.have)
				why = hf_printf("%s: no \"created\" time", p);
			else
				bk_ev_add(r, ev, info.created);
			free(data);
		}
		if (why != NULL) {
			/* timeshift ignores such a snapshot too */
			if (rc == -ENOENT && r->now - (int64_t)st.st_mtime < BK_WRITING)
				ev->writing = (int64_t)st.st_mtime;
			else {
				ev->n_partial++;
				if (ev->partial_why == NULL) {
					ev->partial_why = why;
					why = NULL;
				}
			}
			free(why);
		}
		free(p);
	}
	closedir(d);
}

/* ---- plain archives and directories ---- */

static const char *const bk_tar_patterns[] = {
	"*.tar", "*.tar.*", "*.tgz", "*.tbz2", "*.txz", "*.tzst", NULL
};

static int
bk_match(const struct bk_job *j, const char *name)
{
	size_t i;

	if (j->patterns.n == 0) {
		if (j->type != BK_TAR)
			return 1;
		for (i = 0; bk_tar_patterns[i] != NULL; i++)
			if (fnmatch(bk_tar_patterns[i], name, 0) == 0)
				return 1;
		return 0;
	}
	for (i = 0; i < j->patterns.n; i++)
		if (fnmatch(j->patterns.v[i], name, 0) == 0)
			return 1;
	return 0;
}

static int
bk_ends(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcmp(s + n - t, tail) == 0;
}

/*
 * Is an archive whole?  The format's own end marker where it has one:
 * two zero blocks end a tar, xz ends with "YZ"; compressed formats at
 * least start with their magic.  Returns NULL or why not.
 */
static const char *
bk_archive_whole(int dfd, const char *name, const struct stat *st)
{
	unsigned char head[6], tail[1024];
	size_t i;
	int fd, bad = 0;

	if ((fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) < 0)
		return NULL;
	if (pread(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head)) {
		close(fd);
		return E_("shorter than any archive");
	}
	if (bk_ends(name, ".tar")) {
		if (st->st_size % 512 != 0 || st->st_size < 1024 ||
		    pread(fd, tail, sizeof(tail), st->st_size - 1024) !=
		    (ssize_t)sizeof(tail))
			bad = 1;
		for (i = 0; !bad && i < sizeof(tail); i++)
			bad = tail[i] != 0;
		close(fd);
		return bad ? E_("no end-of-archive blocks: truncated") : NULL;
	}
	if (bk_ends(name, ".gz") || bk_ends(name, ".tgz"))
		bad = head[0] != 0x1f || head[1] != 0x8b;
	else if (bk_ends(name, ".bz2") || bk_ends(name, ".tbz2"))
		bad = memcmp(head, "BZh", 3) != 0;
	else if (bk_ends(name, ".zst") || bk_ends(name, ".tzst"))
		bad = memcmp(head, "\x28\xb5\x2f\xfd", 4) != 0;
	else if (bk_ends(name, ".xz") || bk_ends(name, ".txz")) {
		bad = memcmp(head, "\xfd" "7zXZ", 6) != 0 ||
		    pread(fd, tail, 2, st->st_size - 2) != 2 ||
		    memcmp(tail, "YZ", 2) != 0;
		close(fd);
		return bad ? E_("no xz end marker: truncated") : NULL;
	}
	close(fd);
	return bad ? E_("does not start like its format: damaged") : NULL;
}

struct bk_cand {
	char *name;
	int64_t time;
	int64_t size;
	const char *bad;	/* static text: why it is not a good copy */
};

struct bk_cands {
	struct bk_cand *v;
	size_t n;
	size_t entries;		/* walked, to bound the work */
};

static void
bk_cand_add(struct bk_cands *c, const char *name, int64_t t, int64_t size,
    const char *bad)
{
	c->v = hf_grow(c->v, c->n + 1, sizeof(*c->v));
	c->v[c->n].name = hf_strdup(name);
	c->v[c->n].time = t;
	c->v[c->n].size = size;
	c->v[c->n].bad = bad;
	c->n++;
}

static int
bk_cand_cmp(const void *a, const void *b)
{
	const struct bk_cand *x = a, *y = b;

	return x->time < y->time ? 1 : x->time > y->time ? -1 :
	    strcmp(x->name, y->name);
}

/* tar: every matching file under the target is a generation. */
static void
bk_tar_walk(const struct bk_job *j, DIR *d, const char *rel, int depth,
    struct bk_cands *c)
{
	struct dirent *de;
	struct stat st;
	char *name;
	DIR *sub;

	while ((de = readdir(d)) != NULL && c->entries < BK_WALK_MAX_ENTRIES) {
		if (bk_dot(de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		c->entries++;
		name = rel[0] != '\0' ? hf_printf("%s/%s", rel, de->d_name) :
		    hf_strdup(de->d_name);
		if (S_ISDIR(st.st_mode) && depth < BK_WALK_MAX_DEPTH &&
		    (sub = bk_subdir(d, de->d_name)) != NULL) {
			bk_tar_walk(j, sub, name, depth + 1, c);
			closedir(sub);
		} else if (S_ISREG(st.st_mode) && bk_match(j, de->d_name))
			bk_cand_add(c, name, (int64_t)st.st_mtime,
			    (int64_t)st.st_size, st.st_size < j->min_size ? NULL :
			    bk_archive_whole(dirfd(d), de->d_name, &st));
		free(name);
	}
}

/* The newest mtime and total size of everything under d. */
static void
bk_dir_sum(DIR *d, int depth, int64_t *newest, int64_t *size, size_t *entries)
{
	struct dirent *de;
	struct stat st;
	DIR *sub;

	while ((de = readdir(d)) != NULL && *entries < BK_WALK_MAX_ENTRIES) {
		if (bk_dot(de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		(*entries)++;
		if ((int64_t)st.st_mtime > *newest)
			*newest = (int64_t)st.st_mtime;
		if (S_ISREG(st.st_mode))
			*size += (int64_t)st.st_size;
		else if (S_ISDIR(st.st_mode) && depth < BK_WALK_MAX_DEPTH &&
		    (sub = bk_subdir(d, de->d_name)) != NULL) {
			bk_dir_sum(sub, depth + 1, newest, size, entries);
			closedir(sub);
		}
	}
}

/* dir: each matching top-level entry is a generation (the whole target
 * is one when no pattern is given: a mirror). */
static void
bk_dir_walk(const struct bk_job *j, DIR *d, struct bk_cands *c)
{
	struct dirent *de;
	struct stat st;
	int64_t newest, size;
	DIR *sub;

	if (j->patterns.n == 0) {
		newest = 0;
		size = 0;
		bk_dir_sum(d, 0, &newest, &size, &c->entries);
		if (c->entries > 0)
			bk_cand_add(c, ".", newest, size, NULL);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (bk_dot(de->d_name) || !bk_match(j, de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		newest = (int64_t)st.st_mtime;
		size = S_ISREG(st.st_mode) ? (int64_t)st.st_size : 0;
		if (S_ISDIR(st.st_mode) && (sub = bk_subdir(d, de->d_name)) != NULL) {
			bk_dir_sum(sub, 1, &newest, &size, &c->entries);
			closedir(sub);
		} else if (!S_ISREG(st.st_mode))
			continue;
		bk_cand_add(c, de->d_name, newest, size, NULL);
	}
}

static void
bk_files(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	struct bk_cands c = { 0 };
	int64_t good = 0;
	char size[32];
	size_t i;
	DIR *d;

	ev->unit = j->type == BK_TAR ? "archive" : "copy";
	ev->basis = j->type == BK_TAR ? E_("time each archive was last written") :
	    E_("newest file time inside each copy");
	if ((d = bk_target_dir(r, j->path, ev)) == NULL)
		return;
	if (j->type == BK_TAR)
		bk_tar_walk(j, d, "", 0, &c);
	else
		bk_dir_walk(j, d, &c);
	closedir(d);
	if (c.n > 1)
		qsort(c.v, c.n, sizeof(*c.v), bk_cand_cmp);
	for (i = 0; i < c.n; i++) {
		const char *bad = c.v[i].bad;

		if (c.v[i].time > r->now - BK_WRITING &&
		    c.v[i].time <= r->now + BK_SKEW) {
			/* still being written: neither good nor bad yet */
			if (ev->writing == 0)
				ev->writing = c.v[i].time;
			continue;
		}
		if (c.v[i].size < j->min_size) {
			snprintf(size, sizeof(size), E_("%lld bytes"),
			    (long long)c.v[i].size);
			bad = size;
		}
		if (bad != NULL) {
			/* the newest such is named; all are counted */
			if (ev->partial_why == NULL)
				ev->partial_why = hf_printf("%s: %s%s",
				    c.v[i].name, bad, bad == size ?
				    E_(", below min_size") : "");
			ev->n_partial++;
			continue;
		}
		if (good == 0 && c.v[i].time <= r->now + BK_SKEW)
			good = c.v[i].time;
		bk_ev_add(r, ev, c.v[i].time);
	}
	for (i = 0; i < c.n; i++)
		free(c.v[i].name);
	free(c.v);
}

/* ---- dispatch ---- */

static const char *const bk_timeshift_dirs[] = {
	"/timeshift/snapshots",
	"/run/timeshift/backup/timeshift/snapshots",
	"/run/timeshift/backup/timeshift-btrfs/snapshots",
	NULL
};

const char *
bk_default_path(const struct bk_run *r, enum bk_type type)
{
	struct stat st;
	size_t i;

	switch (type) {
	case BK_RSNAPSHOT:
		return "/etc/rsnapshot.conf";
	case BK_VZDUMP:
		return "/var/lib/vz/dump";
	case BK_TIMESHIFT:
		for (i = 0; bk_timeshift_dirs[i] != NULL; i++)
			if (r->hf.host->stat(r->hf.ctx, bk_timeshift_dirs[i], 0, &st) == 0)
				return bk_timeshift_dirs[i];
		return NULL;
	default:
		return NULL;
	}
}

void
bk_read_target(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev)
{
	if (j->remote != NULL) {
		ev->target = SA_LEVEL_UNKNOWN;
		ev->target_why = hf_printf(E_("remote repository %s: nothing to "
		    "read on this host"), j->remote);
		return;
	}
	if (j->path == NULL) {
		ev->target = SA_LEVEL_UNKNOWN;
		ev->target_why = j->type == BK_TIMESHIFT ?
		    hf_strdup(E_("timeshift's snapshot device is not mounted here "
		    "(set path = to where its snapshots/ are)")) :
		    hf_strdup(E_("the repository location could not be told "
		    "(set it in a [plugin.backup.NAME] section)"));
		return;
	}
	switch (j->type) {
	case BK_RESTIC: bk_restic(r, j, ev); break;
	case BK_BORG: bk_borg(r, j, ev); break;
	case BK_RSNAPSHOT: bk_rsnapshot(r, j, ev); break;
	case BK_DUPLICITY: bk_duplicity(r, j, ev); break;
	case BK_VZDUMP: bk_vzdump(r, j, ev); break;
	case BK_PBS: bk_pbs(r, j, ev); break;
	case BK_TIMESHIFT: bk_timeshift(r, j, ev); break;
	case BK_TAR:
	case BK_DIR: bk_files(r, j, ev); break;
	default: break;
	}
}
