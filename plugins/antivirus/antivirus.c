/* SPDX-License-Identifier: MIT */
/*
 * antivirus: evidence for self-diagnosis item 2 (anti-malware software
 * with current signatures).  ClamAV is checked in detail: packages,
 * boot-time services, the build time in its signature database headers,
 * and on-access scanning (clamonacc).  Commercial anti-malware and EDR
 * agents are recognised from a data table (rules/av-agents.rules) by
 * their packages, files and services; their signatures and real-time
 * policy live in their own consoles and are reported as unknown.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/dpkgdb.h"
#include "../lib/hostfiles.h"
#include "../lib/timefmt.h"
#include "../lib/tr.h"
#include "../lib/units.h"
#include "cvd.h"

#define AV_MAX_CONF (4u * 1024 * 1024)

static const struct sa_check av_checks[] = {
	{ "installed", 2, 0, SA_SEV_HIGH,
	  "No anti-malware software is installed",
	  "ウイルス対策ソフトが導入されていない",
	  "Install anti-malware software: ClamAV (clamav-daemon and "
	  "clamav-freshclam) or the endpoint protection product your company "
	  "uses.",
	  "ウイルス対策ソフトを導入してください。ClamAV(clamav-daemon と "
	  "clamav-freshclam)か、会社で利用しているエンドポイント保護製品を"
	  "入れてください。" },
	{ "service", 2, 0, SA_SEV_MEDIUM,
	  "The anti-malware service does not start at boot",
	  "ウイルス対策のサービスが起動時に動かない",
	  "Enable the scanner and its signature updater at boot "
	  "(systemctl enable --now clamav-daemon clamav-freshclam, or the "
	  "agent's service).",
	  "スキャナーとパターンファイル更新のサービスを起動時に動くようにして"
	  "ください(systemctl enable --now clamav-daemon clamav-freshclam、"
	  "またはエージェントのサービス)。" },
	{ "signatures", 2, 0, SA_SEV_HIGH,
	  "Anti-malware signatures are out of date",
	  "ウイルス対策のパターンファイルが古い",
	  "Let freshclam update the signatures automatically (clamav-freshclam "
	  "service) and check that it can reach the update server.",
	  "freshclam によるパターンファイルの自動更新を有効にし"
	  "(clamav-freshclam サービス)、更新サーバーに接続できることを確認"
	  "してください。" },
	{ "on-access", 2, 0, SA_SEV_MEDIUM,
	  "Files are not scanned when they are opened (no real-time protection)",
	  "ファイルを開いたときの検査(リアルタイム保護)が行われていない",
	  "Turn on on-access scanning: set OnAccessIncludePath in clamd.conf "
	  "for the directories users write to and enable "
	  "clamav-clamonacc.service.",
	  "オンアクセス検査を有効にしてください。clamd.conf の "
	  "OnAccessIncludePath に利用者が書き込むディレクトリを指定し、"
	  "clamav-clamonacc.service を有効にしてください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key av_config[] = {
	{ "max_signature_age", SA_CONFIG_DURATION, "3d", 0,
	  "Oldest acceptable signature database (its build time).",
	  "許容するパターンファイルの古さ(作成日時からの経過時間)。" },
	{ "require_on_access", SA_CONFIG_BOOL, "yes", 0,
	  "Whether missing on-access (real-time) scanning counts against the "
	  "item; \"no\" reports it as not applicable.",
	  "オンアクセス(リアルタイム)検査がないことを減点対象にするか。"
	  "\"no\" なら対象外として扱う。" },
	{ "agents_table", SA_CONFIG_STRING, NULL, 0,
	  "Agent table to use instead of the shipped av-agents.rules (a file "
	  "on the auditing host, not under --root).",
	  "同梱の av-agents.rules の代わりに使うエージェント表(監査する側の"
	  "ホストのファイル。--root の下ではない)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

struct av_agent {
	char *key;
	char *name;
	struct hf_names packages, services, paths;
	unsigned int line;
};

struct av_table {
	struct av_agent *v;
	size_t n;
};

struct av_run {
	struct hf hf;
	time_t now;
	int64_t max_age;
	int require_on_access;
	struct pkg_db pkgs;
	int pkgs_err;		/* 0, or why dpkg's status could not be read */
	int have_dpkg;
	struct unit_db units;
};

static int
av_record(void *user, const struct sa_record *rec, struct sa_record_error *err)
{
	struct av_table *t = user;
	struct av_agent *e;

	if (rec->key == NULL) {
		if (strcmp(rec->type, "agent") != 0) {
			snprintf(err->message, sizeof(err->message),
			    "expected an [agent NAME] record, not [%s%s%s]", rec->type,
			    rec->type[0] != '\0' ? " " : "", rec->name);
			return -1;
		}
		t->v = hf_grow(t->v, t->n + 1, sizeof(*t->v));
		e = &t->v[t->n++];
		memset(e, 0, sizeof(*e));
		e->key = hf_strdup(rec->name);
		e->line = rec->line;
		return 0;
	}
	e = &t->v[t->n - 1];
	if (rec->value[0] == '\0') {
		snprintf(err->message, sizeof(err->message), "%s is empty", rec->key);
		return -1;
	}
	if (strcmp(rec->key, "name") == 0)
		e->name = hf_strdup(rec->value);
	else if (strcmp(rec->key, "package") == 0)
		hf_names_add(&e->packages, rec->value);
	else if (strcmp(rec->key, "service") == 0)
		hf_names_add(&e->services, rec->value);
	else if (strcmp(rec->key, "path") == 0) {
		if (rec->value[0] != '/') {
			snprintf(err->message, sizeof(err->message),
			    "path \"%s\" is not absolute", rec->value);
			return -1;
		}
		hf_names_add(&e->paths, rec->value);
	} else {
		snprintf(err->message, sizeof(err->message),
		    "unknown key \"%s\" in [agent %s]", rec->key, e->key);
		return -1;
	}
	return 0;
}

static void
av_table_free(struct av_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].key);
		free(t->v[i].name);
		hf_names_free(&t->v[i].packages);
		hf_names_free(&t->v[i].services);
		hf_names_free(&t->v[i].paths);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static int
av_table_load(struct av_run *a, struct av_table *t, const char *path)
{
	static const char *const repeatable[] = { "package", "service", "path",
		NULL };
	size_t i;
	int r;

	memset(t, 0, sizeof(*t));
	r = a->hf.host->parse_records(a->hf.ctx, path, repeatable, av_record, t);
	if (r < 0)
		return r;
	for (i = 0; i < t->n; i++) {
		const struct av_agent *e = &t->v[i];

		if (e->name == NULL || e->packages.n + e->services.n + e->paths.n == 0) {
			a->hf.host->log(a->hf.ctx, SA_LOG_ERROR, E_("%s:%u: [agent %s] needs a "
			    "name and at least one package, service or path"), path,
			    e->line, e->key);
			return -EINVAL;
		}
	}
	return 0;
}

static const struct pkg_entry *
av_package(const struct av_run *a, const char *name)
{
	return a->pkgs_err == 0 && a->have_dpkg ?
	    pkg_find(&a->pkgs, name, strlen(name)) : NULL;
}

static int
av_exists(const struct av_run *a, const char *path)
{
	struct stat st;

	return a->hf.host->stat(a->hf.ctx, path, 0, &st) == 0;
}

/* An agent's best service state (enabled beats disabled beats masked). */
static enum unit_state
av_agent_services(const struct av_run *a, const struct av_agent *e,
    const char **ret_unit)
{
	enum unit_state best = UNIT_ABSENT, s;
	size_t i;

	*ret_unit = NULL;
	for (i = 0; i < e->services.n; i++) {
		s = unit_state(&a->units, e->services.v[i]);
		if (s == UNIT_ABSENT)
			continue;
		if (best == UNIT_ABSENT || s == UNIT_ENABLED ||
		    (s == UNIT_DISABLED && best == UNIT_MASKED)) {
			best = s;
			*ret_unit = e->services.v[i];
		}
	}
	return best;
}

/* Agents from the table: returns how many are installed. */
static int
av_agents(struct av_run *a, const struct av_table *t)
{
	char evidence[400];
	const char *unit;
	enum unit_state s;
	size_t i, k;
	int found = 0;

	for (i = 0; i < t->n; i++) {
		const struct av_agent *e = &t->v[i];
		const struct pkg_entry *p = NULL;
		const char *path = NULL;

		for (k = 0; k < e->packages.n && p == NULL; k++)
			p = av_package(a, e->packages.v[k]);
		for (k = 0; k < e->paths.n && path == NULL; k++)
			if (av_exists(a, e->paths.v[k]))
				path = e->paths.v[k];
		s = av_agent_services(a, e, &unit);
		if (p == NULL && path == NULL && s == UNIT_ABSENT)
			continue;
		found++;
		if (p != NULL)
			snprintf(evidence, sizeof(evidence), E_("package %s %s"), p->name,
			    p->version);
		else if (path != NULL)
			snprintf(evidence, sizeof(evidence), E_("%s present"), path);
		else
			snprintf(evidence, sizeof(evidence), E_("unit %s present"), unit);
		hf_report(&a->hf, "installed", SA_LEVEL_IMPLEMENTED, e->name, evidence,
		    NULL, NULL);
		if (s == UNIT_ABSENT) {
			snprintf(evidence, sizeof(evidence), E_("no service unit of %s "
			    "found; cannot tell whether it runs"), e->name);
			hf_report(&a->hf, "service", SA_LEVEL_UNKNOWN, e->name, evidence,
			    NULL, NULL);
		} else {
			snprintf(evidence, sizeof(evidence), E_("%s is %s"), unit,
			    unit_state_name(s));
			hf_report(&a->hf, "service", s == UNIT_ENABLED ?
			    SA_LEVEL_IMPLEMENTED : SA_LEVEL_NOT, e->name, evidence,
			    NULL, NULL);
		}
		snprintf(evidence, sizeof(evidence), E_("%s keeps its signatures and "
		    "real-time policy in its own format; check its console"), e->name);
		hf_report(&a->hf, "signatures", SA_LEVEL_UNKNOWN, e->name, evidence, NULL,
		    NULL);
		hf_report(&a->hf, "on-access", SA_LEVEL_UNKNOWN, e->name, evidence, NULL,
		    NULL);
	}
	return found;
}

/* ClamAV's pieces, by package (Debian, Fedora/EPEL) or by file. */
struct av_clam {
	const struct pkg_entry *daemon, *updater, *scanner;
	int has_clamd, has_freshclam, has_clamscan, has_clamonacc;
	enum unit_state clamd_unit, freshclam_unit, onacc_unit;
	const char *clamd_name, *freshclam_name;
	char *freshclam_cron;	/* a cron file that runs freshclam */
	char *clamd_conf;	/* the clamd configuration found */
	int clamd_conf_err;	/* why it could not be read, or 0 */
	char *db_dir;
	int onacc_paths;	/* OnAccessIncludePath/MountPath lines */
};

static const struct pkg_entry *
av_first_package(const struct av_run *a, const char *const *names)
{
	const struct pkg_entry *p;
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if ((p = av_package(a, names[i])) != NULL)
			return p;
	return NULL;
}

static int
av_first_path(const struct av_run *a, const char *const *paths)
{
	size_t i;

	for (i = 0; paths[i] != NULL; i++)
		if (av_exists(a, paths[i]))
			return 1;
	return 0;
}

/*
 * "Key value" lines of clamd.conf/freshclam.conf: call fn for each
 * uncommented line whose key matches (case-insensitive).
 */
static int
av_conf_lines(struct av_run *a, const char *path, const char *key,
    void (*fn)(void *user, const char *value), void *user)
{
	struct hf_lines it;
	const char *line;
	char *data, *copy, *k, *v;
	size_t len, n;
	int r;

	r = hf_read(&a->hf, path, AV_MAX_CONF, &data, &len);
	if (r < 0)
		return r;
	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		copy = hf_strndup(line, n);
		k = hf_strip(copy);
		if (*k != '#' && *k != '\0') {
			v = k + strcspn(k, " \t");
			if (*v != '\0')
				*v++ = '\0';
			if (strcasecmp(k, key) == 0)
				fn(user, hf_strip(v));
		}
		free(copy);
	}
	free(data);
	return 0;
}

static void
av_count(void *user, const char *value)
{
	if (value[0] != '\0')
		(*(int *)user)++;
}

static void
av_set_dir(void *user, const char *value)
{
	char **dir = user;

	if (value[0] == '/') {
		free(*dir);
		*dir = hf_strdup(value);
	}
}

/* A cron file that mentions freshclam (Debian without systemd, old RPMs). */
static char *
av_freshclam_cron(struct av_run *a)
{
	static const char *const dirs[] = { "/etc/cron.d", "/etc/cron.hourly",
		"/etc/cron.daily", NULL };
	struct hf_names names;
	char *path, *data, *found = NULL;
	size_t i, k, len;

	for (k = 0; dirs[k] != NULL && found == NULL; k++) {
		if (hf_list(&a->hf, dirs[k], NULL, &names) < 0)
			continue;
		for (i = 0; i < names.n && found == NULL; i++) {
			path = hf_join(dirs[k], names.v[i]);
			if (hf_read(&a->hf, path, AV_MAX_CONF, &data,
			    &len) == 0) {
				if (memmem(data, len, "freshclam", 9) != NULL)
					found = hf_strdup(path);
				free(data);
			}
			free(path);
		}
		hf_names_free(&names);
	}
	return found;
}

static void
av_clam_probe(struct av_run *a, struct av_clam *c)
{
	static const char *const daemon_pkgs[] = { "clamav-daemon", "clamd", NULL };
	static const char *const updater_pkgs[] = { "clamav-freshclam",
		"clamav-update", NULL };
	static const char *const scanner_pkgs[] = { "clamav", "clamav-base", NULL };
	static const char *const clamd_files[] = { "/usr/sbin/clamd",
		"/usr/local/sbin/clamd", NULL };
	static const char *const freshclam_files[] = { "/usr/bin/freshclam",
		"/usr/local/bin/freshclam", NULL };
	static const char *const clamscan_files[] = { "/usr/bin/clamscan",
		"/usr/local/bin/clamscan", NULL };
	static const char *const clamonacc_files[] = { "/usr/sbin/clamonacc",
		"/usr/bin/clamonacc", "/usr/local/sbin/clamonacc", NULL };
	static const char *const clamd_confs[] = { "/etc/clamav/clamd.conf",
		"/etc/clamd.d/scan.conf", "/etc/clamd.conf", NULL };
	static const char *const fresh_confs[] = { "/etc/clamav/freshclam.conf",
		"/etc/freshclam.conf", NULL };
	size_t i;

	memset(c, 0, sizeof(*c));
	c->daemon = av_first_package(a, daemon_pkgs);
	c->updater = av_first_package(a, updater_pkgs);
	c->scanner = av_first_package(a, scanner_pkgs);
	c->has_clamd = c->daemon != NULL || av_first_path(a, clamd_files);
	c->has_freshclam = c->updater != NULL || av_first_path(a, freshclam_files);
	c->has_clamscan = c->scanner != NULL || av_first_path(a, clamscan_files);
	c->has_clamonacc = av_first_path(a, clamonacc_files);

	/* Debian names the units after the packages; Fedora uses clamd@scan. */
	c->clamd_name = "clamav-daemon.service";
	c->clamd_unit = unit_state(&a->units, c->clamd_name);
	if (c->clamd_unit == UNIT_ABSENT) {
		c->clamd_name = "clamd@.service";
		c->clamd_unit = unit_state(&a->units, c->clamd_name);
	}
	c->freshclam_name = "clamav-freshclam.service";
	c->freshclam_unit = unit_state(&a->units, c->freshclam_name);
	c->onacc_unit = unit_state(&a->units, "clamav-clamonacc.service");
	if (c->freshclam_unit != UNIT_ENABLED)
		c->freshclam_cron = av_freshclam_cron(a);

	for (i = 0; clamd_confs[i] != NULL; i++) {
		int r = av_conf_lines(a, clamd_confs[i], "OnAccessIncludePath",
		    av_count, &c->onacc_paths);

		if (r == -ENOENT)
			continue;
		c->clamd_conf = hf_strdup(clamd_confs[i]);
		c->clamd_conf_err = r;
		if (r == 0)
			av_conf_lines(a, clamd_confs[i], "OnAccessMountPath", av_count,
			    &c->onacc_paths);
		break;
	}
	for (i = 0; fresh_confs[i] != NULL; i++)
		if (av_conf_lines(a, fresh_confs[i], "DatabaseDirectory", av_set_dir,
		    &c->db_dir) == 0)
			break;
	if (c->db_dir == NULL)
		c->db_dir = hf_strdup("/var/lib/clamav");
}

static int
av_updater_on(const struct av_clam *c)
{
	return c->freshclam_unit == UNIT_ENABLED || c->freshclam_cron != NULL;
}

static void
av_clam_service(struct av_run *a, const struct av_clam *c)
{
	char evidence[400], updater[200];
	int level;

	if (c->freshclam_unit == UNIT_ENABLED)
		snprintf(updater, sizeof(updater), E_("%s enabled"), c->freshclam_name);
	else if (c->freshclam_cron != NULL)
		snprintf(updater, sizeof(updater), E_("freshclam runs from %s"),
		    c->freshclam_cron);
	else if (c->has_freshclam)
		snprintf(updater, sizeof(updater), E_("%s %s"), c->freshclam_name,
		    unit_state_name(c->freshclam_unit));
	else
		snprintf(updater, sizeof(updater), E_("freshclam not installed"));

	if (!c->has_clamd) {
		level = av_updater_on(c) ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
		snprintf(evidence, sizeof(evidence), E_("no resident scanner (clamd), "
		    "on-demand clamscan only; %s"), updater);
	} else {
		int daemon_on = c->clamd_unit == UNIT_ENABLED;

		level = daemon_on && av_updater_on(c) ? SA_LEVEL_IMPLEMENTED :
		    daemon_on || av_updater_on(c) ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
		snprintf(evidence, sizeof(evidence), E_("%s %s; %s"), c->clamd_name,
		    unit_state_name(c->clamd_unit), updater);
	}
	hf_report(&a->hf, "service", level, "ClamAV", evidence, NULL, NULL);
}

static void
av_clam_signatures(struct av_run *a, const struct av_clam *c)
{
	static const char *const bases[] = { "daily", "main", "bytecode", NULL };
	struct cvd_header h;
	struct stat st;
	time_t daily = 0;
	char evidence[512], when[64], age[32], *path, buf[CVD_HEADER_SIZE];
	const char *daily_file = NULL, *how = E_("header");
	size_t i, k, n = 0;
	int r, fd, denied = 0, daily_from_mtime = 0;
	ssize_t got;

	for (i = 0; bases[i] != NULL; i++) {
		for (k = 0; k < 2; k++) {
			path = hf_printf("%s/%s.%s", c->db_dir, bases[i],
			    k == 0 ? "cld" : "cvd");
			r = a->hf.host->open(a->hf.ctx, path, 0, &fd);
			if (r < 0) {
				if (r != -ENOENT)
					denied = r;
				free(path);
				continue;
			}
			n++;
			got = read(fd, buf, sizeof(buf));
			if (fstat(fd, &st) < 0)
				memset(&st, 0, sizeof(st));
			close(fd);
			if (got > 0 && cvd_parse(buf, (size_t)got, &h) == 0 &&
			    h.built != 0) {
				if (i == 0 && h.built > daily) {
					daily = h.built;
					daily_file = k == 0 ? "daily.cld" : "daily.cvd";
					daily_from_mtime = 0;
				}
			} else if (i == 0 && st.st_mtime > daily) {
				/* No usable header: fall back to when it was written. */
				daily = st.st_mtime;
				daily_file = k == 0 ? "daily.cld" : "daily.cvd";
				daily_from_mtime = 1;
			}
			free(path);
		}
	}
	if (daily == 0) {
		if (denied < 0) {
			snprintf(evidence, sizeof(evidence), "%s: %s", c->db_dir,
			    strerror(-denied));
			hf_report(&a->hf, "signatures", SA_LEVEL_UNKNOWN, c->db_dir, evidence,
			    NULL, NULL);
		} else {
			snprintf(evidence, sizeof(evidence), E_("no daily.cvd or daily.cld "
			    "in %s (%zu other databases): freshclam has not run"), c->db_dir,
			    n);
			hf_report(&a->hf, "signatures", SA_LEVEL_NOT, c->db_dir, evidence,
			    NULL, NULL);
		}
		return;
	}
	if (daily_from_mtime)
		how = E_("file time, the header has no build time");
	tf_stamp(daily, when, sizeof(when));
	tf_limit(a->max_age, age, sizeof(age));
	snprintf(evidence, sizeof(evidence), E_("%s built %s (%s), %lld days old; "
	    "limit %s"), daily_file, when, how, tf_days((long long)(a->now - daily)),
	    age);
	path = hf_join(c->db_dir, daily_file);
	hf_report(&a->hf, "signatures", a->now - daily <= a->max_age ?
	    SA_LEVEL_IMPLEMENTED : SA_LEVEL_PARTLY, path, evidence, NULL, NULL);
	free(path);
}

static void
av_clam_on_access(struct av_run *a, const struct av_clam *c)
{
	char evidence[400];
	int level;

	if (c->onacc_unit == UNIT_ENABLED && c->onacc_paths > 0) {
		snprintf(evidence, sizeof(evidence), c->onacc_paths == 1 ?
		    E_("clamav-clamonacc.service enabled; %d watched path in %s") :
		    E_("clamav-clamonacc.service enabled; %d watched paths in %s"),
		    c->onacc_paths, c->clamd_conf);
		hf_report(&a->hf, "on-access", SA_LEVEL_IMPLEMENTED, "clamonacc", evidence,
		    NULL, NULL);
		return;
	}
	if (c->onacc_unit == UNIT_ENABLED && c->clamd_conf_err < 0) {
		snprintf(evidence, sizeof(evidence), E_("clamav-clamonacc.service "
		    "enabled; %s: %s"), c->clamd_conf, strerror(-c->clamd_conf_err));
		hf_report(&a->hf, "on-access", SA_LEVEL_UNKNOWN, "clamonacc", evidence,
		    NULL, NULL);
		return;
	}
	if (c->onacc_unit == UNIT_ENABLED)
		snprintf(evidence, sizeof(evidence), E_("clamav-clamonacc.service "
		    "enabled but %s has no OnAccessIncludePath: nothing is watched"),
		    c->clamd_conf != NULL ? c->clamd_conf : "clamd.conf");
	else if (c->has_clamonacc || c->onacc_unit != UNIT_ABSENT)
		snprintf(evidence, sizeof(evidence), E_("clamav-clamonacc.service %s"),
		    unit_state_name(c->onacc_unit));
	else
		snprintf(evidence, sizeof(evidence), E_("clamonacc is not installed"));
	level = a->require_on_access ? SA_LEVEL_PARTLY : SA_LEVEL_NA;
	hf_report(&a->hf, "on-access", level, "clamonacc", evidence,
	    a->require_on_access ? NULL : "Not required by the configuration "
	    "(require_on_access = no).",
	    a->require_on_access ? NULL : "設定により対象外です"
	    "(require_on_access = no)。");
}

static int
av_clamav(struct av_run *a)
{
	struct av_clam c;
	char evidence[300];

	av_clam_probe(a, &c);
	if (!c.has_clamd && !c.has_clamscan) {
		free(c.freshclam_cron);
		free(c.clamd_conf);
		free(c.db_dir);
		return 0;
	}
	if (c.daemon != NULL)
		snprintf(evidence, sizeof(evidence), E_("package %s %s"), c.daemon->name,
		    c.daemon->version);
	else if (c.scanner != NULL)
		snprintf(evidence, sizeof(evidence), E_("package %s %s (scanner only)"),
		    c.scanner->name, c.scanner->version);
	else
		snprintf(evidence, sizeof(evidence), E_("%s installed"),
		    c.has_clamd ? "clamd" : "clamscan");
	hf_report(&a->hf, "installed", SA_LEVEL_IMPLEMENTED, "ClamAV", evidence, NULL,
	    NULL);
	av_clam_service(a, &c);
	av_clam_signatures(a, &c);
	av_clam_on_access(a, &c);
	free(c.freshclam_cron);
	free(c.clamd_conf);
	free(c.db_dir);
	return 1;
}

/*
 * The limits and the agent table's name.  Returns 0, or SA_RUN_BAD_INPUT
 * after naming the line of a value that cannot work.
 */
static int
av_load_config(const struct hf *hf, struct av_run *a)
{
	if (hf->host->config_number(hf->ctx, NULL, "max_signature_age",
	    &a->max_age) < 0 || hf->host->config_bool(hf->ctx, NULL,
	    "require_on_access", &a->require_on_access) < 0) {
		hf->host->log(hf->ctx, SA_LOG_ERROR,
		    E_("cannot read the plugin's configuration"));
		return -EINVAL;
	}
	if (a->max_age <= 0)
		return cfgchk_fail(hf, NULL, "max_signature_age", 0,
		    E_("max_signature_age: must be longer than 0"));
	return cfgchk_host_file(hf, NULL, "agents_table");
}

/* Before anything is audited: a limit that can work, a table that opens. */
static int
av_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct av_run a;

	memset(&a, 0, sizeof(a));
	return av_load_config(&hf, &a);
}

static int
av_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct av_run a;
	struct av_table table;
	struct stat st;
	const char *table_path = NULL;
	char *path, evidence[300];
	int r, found;

	memset(&a, 0, sizeof(a));
	a.hf.host = host;
	a.hf.ctx = ctx;
	a.now = host->now(ctx);
	/* Checked already by av_check_config() unless the core predates it. */
	if ((r = av_load_config(&a.hf, &a)) != 0)
		return r;
	if (host->config_string(ctx, NULL, "agents_table", &table_path) == 0 &&
	    table_path[0] != '\0')
		path = hf_strdup(table_path);
	else
		path = hf_join(host->data_dir(ctx), "av-agents.rules");
	r = av_table_load(&a, &table, path);
	free(path);
	if (r < 0) {
		av_table_free(&table);
		return SA_RUN_BAD_INPUT;
	}

	a.have_dpkg = host->stat(ctx, "/var/lib/dpkg/status", 0, &st) == 0;
	if (a.have_dpkg)
		a.pkgs_err = pkg_load(&a.pkgs, &a.hf, "/var/lib/dpkg/status");
	unit_db_load(&a.units, &a.hf);

	found = av_clamav(&a);
	found += av_agents(&a, &table);
	if (found == 0) {
		if (a.have_dpkg && a.pkgs_err < 0) {
			/* Files and units said nothing; the package list is unread. */
			snprintf(evidence, sizeof(evidence), "/var/lib/dpkg/status: %s",
			    strerror(-a.pkgs_err));
			hf_report(&a.hf, "installed", SA_LEVEL_UNKNOWN, "/var/lib/dpkg/status",
			    evidence, NULL, NULL);
		} else
			hf_report(&a.hf, "installed", SA_LEVEL_NOT, NULL,
			    E_("neither ClamAV nor a known anti-malware/EDR agent found"),
			    NULL, NULL);
	}

	if (a.have_dpkg && a.pkgs_err == 0)
		pkg_free(&a.pkgs);
	unit_db_free(&a.units);
	av_table_free(&table);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "antivirus",
	.version = "1.0",
	.description_en = "Anti-malware: ClamAV services, signature age and "
	    "on-access scanning; known EDR/AV agents",
	.description_ja = "ウイルス対策: ClamAV のサービス・パターンファイルの"
	    "新しさ・オンアクセス検査、主な EDR/ウイルス対策エージェント",
	.checks = av_checks,
	.config = av_config,
	.run = av_run,
	.check_config = av_check_config,
};
