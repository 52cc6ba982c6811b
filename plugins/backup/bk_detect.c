/* SPDX-License-Identifier: MIT */
/*
 * Backup jobs nobody told us about: rsnapshot's and timeshift's own
 * configuration, restic/borg/duplicity commands in systemd units,
 * crontabs and the scripts they start, Proxmox VE backup jobs and
 * Proxmox Backup Server datastores.  What is found becomes a job like a
 * configured one, named after its tool and target, with the file it was
 * found in as its origin.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

#define BK_MAX_SCRIPTS 200	/* scripts read through units and crontabs */
#define BK_MAX_SCRIPT (256 * 1024)

struct bk_scan {
	struct bk_run *r;
	const char *file;
	struct bk_vars vars;
	int follow;		/* read scripts the lines start */
	int unit;		/* a systemd unit: commands only in Exec*= */
};

static void bk_scan_file(struct bk_run *r, const char *path, int follow,
    int unit, const struct bk_vars *inherit);

/* Normalised for comparison: no trailing slash, no "//". */
static char *
bk_norm(const char *path)
{
	struct bk_buf b = { 0 };
	const char *p;

	for (p = path; *p != '\0'; p++)
		if (!(*p == '/' && (p[1] == '/' || (p[1] == '\0' && p != path))))
			bk_buf_add(&b, p, 1);
	return bk_buf_take(&b);
}

void
bk_job_free(struct bk_job *j)
{
	free(j->name);
	free(j->path);
	free(j->remote);
	free(j->origin);
	hf_names_free(&j->sources);
	hf_names_free(&j->patterns);
	free(j->password_file);
	free(j->cloud_service);
	memset(j, 0, sizeof(*j));
}

struct bk_job *
bk_add_job(struct bk_run *r, const char *name, enum bk_type type,
    const char *path, const char *remote, const char *origin)
{
	struct bk_job *j;
	char *norm = path != NULL ? bk_norm(path) : NULL;
	size_t i;

	for (i = 0; i < r->n_jobs; i++) {
		j = &r->jobs[i];
		if (j->type != type)
			continue;
		if ((norm != NULL && j->path != NULL && strcmp(j->path, norm) == 0) ||
		    (remote != NULL && j->remote != NULL &&
		    strcmp(j->remote, remote) == 0) ||
		    (norm == NULL && remote == NULL && j->path == NULL &&
		    j->remote == NULL && strcmp(j->name, name) == 0)) {
			free(norm);
			return NULL;
		}
	}
	r->jobs = hf_grow(r->jobs, r->n_jobs + 1, sizeof(*r->jobs));
	j = &r->jobs[r->n_jobs++];
	memset(j, 0, sizeof(*j));
	j->name = hf_strdup(name);
	j->type = type;
	j->path = norm;
	j->remote = remote != NULL ? hf_strdup(remote) : NULL;
	j->origin = origin != NULL ? hf_strdup(origin) : NULL;
	j->offsite = -1;
	return j;
}

/* A command found in a unit, crontab or script. */
static void
bk_found_job(struct bk_scan *s, struct bk_found *f)
{
	const char *local = NULL;
	char *redacted = NULL, *name;
	struct bk_job *j;
	size_t i;

	if (f->repo != NULL && bk_repo_local(f->type, f->repo, &local) != 0)
		redacted = bk_redact_url(f->repo);
	if (local != NULL)
		name = hf_printf("%s:%s", bk_type_name(f->type), local);
	else if (redacted != NULL)
		name = hf_printf("%s:%s", bk_type_name(f->type), redacted);
	else
		name = hf_printf("%s:%s", bk_type_name(f->type), s->file);
	j = bk_add_job(s->r, name, f->type, local, redacted, s->file);
	if (j != NULL) {
		for (i = 0; i < f->sources.n; i++)
			hf_names_add(&j->sources, f->sources.v[i]);
		s->r->hf.host->log(s->r->hf.ctx, SA_LOG_INFO, E_("found %s job %s in %s"),
		    bk_type_name(f->type), name, s->file);
	}
	free(name);
	free(redacted);
}

/* EnvironmentFile=[-]PATH: its assignments (RESTIC_REPOSITORY, ...). */
static void
bk_env_file(struct bk_scan *s, const char *path)
{
	char *data, *p, *nl;
	size_t len;

	if (*path == '-')
		path++;
	if (path[0] != '/' || hf_read(&s->r->hf, path, BK_MAX_FILE, &data, &len) < 0)
		return;
	for (p = data; p < data + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (nl == NULL)
			nl = data + len;
		*nl = '\0';
		bk_learn_vars(p, &s->vars);
	}
	/* it may hold RESTIC_PASSWORD: gone from memory as soon as read */
	explicit_bzero(data, len);
	free(data);
}

/* Programs from the distribution are no backup scripts. */
static int
bk_system_dir(const char *path)
{
	static const char *const dirs[] = {
		"/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/lib/", "/usr/lib/",
		"/usr/libexec/", NULL
	};
	size_t i;

	for (i = 0; dirs[i] != NULL; i++)
		if (strncmp(path, dirs[i], strlen(dirs[i])) == 0)
			return 1;
	return 0;
}

/* A script a unit or crontab starts: the words that are absolute paths
 * of files under the root. */
static void
bk_follow(struct bk_scan *s, const char *command)
{
	struct hf_names words = { 0 };
	struct stat st;
	size_t i;

	bk_split_words(command, &words);
	for (i = 0; i < words.n; i++) {
		const char *w = words.v[i];

		if (w[0] != '/' || bk_system_dir(w) ||
		    hf_names_has(&s->r->scanned, w) ||
		    s->r->scanned.n >= BK_MAX_SCRIPTS ||
		    s->r->hf.host->stat(s->r->hf.ctx, w, 0, &st) < 0 ||
		    !S_ISREG(st.st_mode) || !(st.st_mode & 0111) ||
		    st.st_size > BK_MAX_SCRIPT)
			continue;
		hf_names_add(&s->r->scanned, w);
		bk_scan_file(s->r, w, 0, 0, &s->vars);
	}
	hf_names_free(&words);
}

static void
bk_scan_line(void *user, const char *line, unsigned int lineno)
{
	struct bk_scan *s = user;
	struct bk_found f;
	const char *cmd = line;
	int unit_key = 0;

	(void)lineno;
	while (*cmd == ' ' || *cmd == '\t')
		cmd++;
	if (*cmd == '#' || *cmd == '\0')
		return;
	if (strncmp(cmd, "EnvironmentFile=", 16) == 0) {
		bk_env_file(s, cmd + 16);
		return;
	}
	if (strncmp(cmd, "Exec", 4) == 0 && strchr(cmd, '=') != NULL &&
	    strchr(cmd, '=') < cmd + strcspn(cmd, " \t")) {
		cmd = strchr(cmd, '=') + 1;
		/* systemd's prefixes: - @ : + ! */
		while (*cmd != '\0' && strchr("-@:+!", *cmd) != NULL)
			cmd++;
	} else if (s->unit)
		unit_key = 1;
	if (!unit_key && bk_parse_command(cmd, &s->vars, &f)) {
		bk_found_job(s, &f);
		bk_found_free(&f);
		return;
	}
	bk_learn_vars(cmd, &s->vars);
	if (s->follow && !unit_key)
		bk_follow(s, cmd);
}

static void
bk_scan_file(struct bk_run *r, const char *path, int follow, int unit,
    const struct bk_vars *inherit)
{
	struct bk_scan s = { .r = r, .file = path, .follow = follow,
	    .unit = unit };
	char *data;
	size_t len, i;

	if (hf_read(&r->hf, path, BK_MAX_FILE, &data, &len) < 0)
		return;
	if (inherit != NULL)
		for (i = 0; i < inherit->names.n; i++)
			bk_vars_set(&s.vars, inherit->names.v[i], inherit->values.v[i]);
	/* binaries are no scripts */
	if (memchr(data, '\0', len) == NULL)
		bk_lines(data, len, bk_scan_line, &s);
	explicit_bzero(data, len);
	free(data);
	for (i = 0; i < s.vars.values.n; i++)
		explicit_bzero(s.vars.values.v[i], strlen(s.vars.values.v[i]));
	bk_vars_free(&s.vars);
}

/* Every regular file of dir whose name ends in suffix ("" for all). */
static void
bk_scan_dir(struct bk_run *r, const char *dir, const char *suffix, int follow,
    int unit)
{
	struct hf_names names = { 0 };
	struct dirent *de;
	struct stat st;
	DIR *d;
	size_t i, n, k = strlen(suffix);
	char *p;

	if (hf_opendir(&r->hf, dir, &d) < 0)
		return;
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n < k ||
		    strcmp(de->d_name + n - k, suffix) != 0 ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		hf_names_add(&names, de->d_name);
	}
	closedir(d);
	for (i = 0; i < names.n; i++) {
		p = hf_join(dir, names.v[i]);
		bk_scan_file(r, p, follow, unit, NULL);
		free(p);
	}
	hf_names_free(&names);
}

/* ---- timeshift ---- */

struct bk_ts_conf {
	int64_t max_age;	/* tightest schedule, 0 none */
};

static void
bk_ts_conf_member(void *user, const struct bk_json_value *v)
{
	static const struct { const char *key; int64_t age; } sched[] = {
		{ "schedule_hourly", 2 * 3600 },
		{ "schedule_daily", 26 * 3600 },
		{ "schedule_weekly", 8 * 86400 },
		{ "schedule_monthly", 32 * 86400 },
	};
	struct bk_ts_conf *c = user;
	size_t i;

	if (v->depth != 1 || v->kind != BK_JSON_STRING || v->len != 4 ||
	    memcmp(v->text, "true", 4) != 0)
		return;
	for (i = 0; i < sizeof(sched) / sizeof(sched[0]); i++)
		if (bk_json_key_is(v, sched[i].key) &&
		    (c->max_age == 0 || sched[i].age < c->max_age))
			c->max_age = sched[i].age;
}

static void
bk_detect_timeshift(struct bk_run *r)
{
	static const char *const confs[] = {
		"/etc/timeshift/timeshift.json", "/etc/timeshift.json", NULL
	};
	struct bk_ts_conf conf = { 0 };
	struct bk_json_error jerr;
	struct bk_job *j;
	char *data;
	size_t len, i;

	for (i = 0; confs[i] != NULL; i++)
		if (hf_read(&r->hf, confs[i], BK_MAX_FILE, &data, &len) == 0)
			break;
	if (confs[i] == NULL)
		return;
	if (bk_json_walk(data, len, bk_ts_conf_member, &conf, &jerr) < 0) {
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING, E_("%s:%u: %s; its schedule is "
		    "not known"), confs[i], jerr.line, jerr.message);
		conf.max_age = 0;
	}
	free(data);
	j = bk_add_job(r, "timeshift", BK_TIMESHIFT,
	    bk_default_path(r, BK_TIMESHIFT), NULL, confs[i]);
	if (j != NULL && conf.max_age > 0)
		j->max_age = conf.max_age;	/* kept unless [plugin.backup] sets one */
}

/* ---- Proxmox ---- */

/* "TYPE: NAME" sections with tab-indented "key value" lines. */
struct bk_pve_section {
	char *type, *name;
	struct bk_vars keys;
};

struct bk_pve {
	struct bk_pve_section *v;
	size_t n;
};

static void
bk_pve_line(void *user, const char *line, unsigned int lineno)
{
	struct bk_pve *c = user;
	struct bk_pve_section *s;
	const char *colon, *p;
	char *key;
	size_t n;

	(void)lineno;
	if (line[0] == '#' || line[0] == '\0')
		return;
	if (line[0] != ' ' && line[0] != '\t') {
		if ((colon = strchr(line, ':')) == NULL)
			return;
		c->v = hf_grow(c->v, c->n + 1, sizeof(*c->v));
		s = &c->v[c->n++];
		memset(s, 0, sizeof(*s));
		s->type = hf_strndup(line, (size_t)(colon - line));
		for (p = colon + 1; *p == ' ' || *p == '\t'; p++)
			;
		s->name = hf_strndup(p, strcspn(p, " \t"));
		return;
	}
	if (c->n == 0)
		return;
	for (p = line; *p == ' ' || *p == '\t'; p++)
		;
	n = strcspn(p, " \t");
	key = hf_strndup(p, n);
	for (p += n; *p == ' ' || *p == '\t'; p++)
		;
	bk_vars_set(&c->v[c->n - 1].keys, key, p);
	free(key);
}

static int
bk_pve_read(struct bk_run *r, const char *path, struct bk_pve *c)
{
	char *data;
	size_t len;

	memset(c, 0, sizeof(*c));
	if (hf_read(&r->hf, path, BK_MAX_FILE, &data, &len) < 0)
		return -1;
	bk_lines(data, len, bk_pve_line, c);
	free(data);
	return 0;
}

static void
bk_pve_free(struct bk_pve *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].type);
		free(c->v[i].name);
		bk_vars_free(&c->v[i].keys);
	}
	free(c->v);
}

/* A vzdump job writing to storage NAME, described by storage.cfg. */
static void
bk_vzdump_storage(struct bk_run *r, const struct bk_pve *storage,
    const char *name, const char *origin)
{
	const char *path;
	char *dump, *job;
	size_t i;

	for (i = 0; i < storage->n; i++)
		if (strcmp(storage->v[i].name, name) == 0)
			break;
	job = hf_printf("vzdump:%s", name);
	if (i == storage->n) {
		bk_add_job(r, job, BK_VZDUMP, NULL, NULL, origin);
	} else if (strcmp(storage->v[i].type, "pbs") == 0) {
		/* the archive goes to a backup server: not on this disk */
		char *where = hf_printf("pbs:%s", name);

		bk_add_job(r, job, BK_VZDUMP, NULL, where, origin);
		free(where);
	} else if ((path = bk_vars_get(&storage->v[i].keys, "path")) != NULL) {
		dump = hf_join(path, "dump");
		bk_add_job(r, job, BK_VZDUMP, dump, NULL, origin);
		free(dump);
	} else if (strcmp(name, "local") == 0)
		bk_add_job(r, job, BK_VZDUMP, "/var/lib/vz/dump", NULL, origin);
	else
		bk_add_job(r, job, BK_VZDUMP, NULL, NULL, origin);
	free(job);
}

static void
bk_detect_proxmox(struct bk_run *r)
{
	struct bk_pve storage, jobs, stores;
	const char *name, *enabled;
	struct hf_names words = { 0 };
	char *data, *p, *nl;
	size_t i, k, len;

	if (bk_pve_read(r, "/etc/pve/storage.cfg", &storage) < 0)
		memset(&storage, 0, sizeof(storage));
	if (bk_pve_read(r, "/etc/pve/jobs.cfg", &jobs) == 0) {
		for (i = 0; i < jobs.n; i++) {
			if (strcmp(jobs.v[i].type, "vzdump") != 0)
				continue;
			enabled = bk_vars_get(&jobs.v[i].keys, "enabled");
			if (enabled != NULL && strcmp(enabled, "0") == 0)
				continue;
			name = bk_vars_get(&jobs.v[i].keys, "storage");
			bk_vzdump_storage(r, &storage, name != NULL ? name : "local",
			    "/etc/pve/jobs.cfg");
		}
		bk_pve_free(&jobs);
	}
	/* older Proxmox VE: crontab lines "... vzdump 100 --storage NAME" */
	if (hf_read(&r->hf, "/etc/pve/vzdump.cron", BK_MAX_FILE, &data, &len) == 0) {
		for (p = data; p < data + len; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(data + len - p));
			if (nl == NULL)
				nl = data + len;
			*nl = '\0';
			if (*p == '#' || strstr(p, "vzdump") == NULL)
				continue;
			bk_split_words(p, &words);
			name = "local";
			for (k = 0; k + 1 < words.n; k++)
				if (strcmp(words.v[k], "--storage") == 0)
					name = words.v[k + 1];
			bk_vzdump_storage(r, &storage, name, "/etc/pve/vzdump.cron");
			hf_names_free(&words);
		}
		free(data);
	}
	bk_pve_free(&storage);
	if (bk_pve_read(r, "/etc/proxmox-backup/datastore.cfg", &stores) == 0) {
		for (i = 0; i < stores.n; i++) {
			const char *path = bk_vars_get(&stores.v[i].keys, "path");
			char *job;

			if (strcmp(stores.v[i].type, "datastore") != 0)
				continue;
			job = hf_printf("pbs:%s", stores.v[i].name);
			bk_add_job(r, job, BK_PBS, path, NULL,
			    "/etc/proxmox-backup/datastore.cfg");
			free(job);
		}
		bk_pve_free(&stores);
	}
}

void
bk_detect(struct bk_run *r)
{
	static const char *const cron_dirs[] = {
		"/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly",
		"/etc/cron.monthly", NULL
	};
	struct stat st;
	size_t i;

	if (r->hf.host->stat(r->hf.ctx, "/etc/rsnapshot.conf", 0, &st) == 0)
		bk_add_job(r, "rsnapshot", BK_RSNAPSHOT, "/etc/rsnapshot.conf",
		    NULL, "/etc/rsnapshot.conf");
	bk_detect_timeshift(r);
	bk_detect_proxmox(r);
	bk_scan_dir(r, "/etc/systemd/system", ".service", 1, 1);
	bk_scan_dir(r, "/usr/local/lib/systemd/system", ".service", 1, 1);
	bk_scan_file(r, "/etc/crontab", 1, 0, NULL);
	bk_scan_dir(r, "/etc/cron.d", "", 1, 0);
	bk_scan_dir(r, "/var/spool/cron/crontabs", "", 1, 0);
	for (i = 0; cron_dirs[i] != NULL; i++)
		bk_scan_dir(r, cron_dirs[i], "", 1, 0);
}
