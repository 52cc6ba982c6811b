/* SPDX-License-Identifier: MIT */
/*
 * logging: the machine-checkable part of self-diagnosis item 24
 * (readiness for incidents).  Whether an incident can be investigated
 * depends on logs that survive a reboot, an audit trail, and logs kept
 * long enough; the procedures and contacts that make up the rest of the
 * item only a person can answer.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/dpkgdb.h"
#include "../lib/hostfiles.h"
#include "../lib/timefmt.h"
#include "../lib/tr.h"
#include "../lib/units.h"
#include "journal.h"
#include "logrotate.h"
#include "syslogconf.h"

#define LG_MAX_CONF (4u * 1024 * 1024)

static const struct sa_check lg_checks[] = {
	{ "persistent", 24, 0, SA_SEV_MEDIUM,
	  "System logs do not survive a reboot",
	  "システムのログが再起動で消える",
	  "Keep logs on disk: set Storage=persistent in "
	  "/etc/systemd/journald.conf (or create /var/log/journal), or run "
	  "rsyslog writing to /var/log.",
	  "ログをディスクに残してください。/etc/systemd/journald.conf で "
	  "Storage=persistent を設定する(または /var/log/journal を作る)か、"
	  "/var/log に書き出す rsyslog を動かしてください。" },
	{ "auditd", 24, 0, SA_SEV_LOW,
	  "No audit trail (auditd) is recorded",
	  "監査ログ(auditd)が記録されていない",
	  "Install and enable auditd (apt install auditd; systemctl enable --now "
	  "auditd) so that logins, privilege use and changes to key files are "
	  "recorded.",
	  "auditd を導入して有効にし(apt install auditd、systemctl enable --now "
	  "auditd)、ログイン・権限の使用・重要ファイルの変更が記録されるように"
	  "してください。" },
	{ "retention", 24, 0, SA_SEV_MEDIUM,
	  "Logs are not kept long enough to investigate an incident",
	  "事故の調査に必要な期間、ログが保存されていない",
	  "Keep logs at least as long as min_retention: raise \"rotate\" in the "
	  "logrotate file for syslog (e.g. rotate 13 with weekly), or "
	  "MaxRetentionSec/SystemMaxUse for the journal, or ship logs to a log "
	  "server.",
	  "ログを min_retention 以上保存してください。syslog の logrotate 設定で "
	  "rotate を増やす(例: weekly で rotate 13)、journal の "
	  "MaxRetentionSec/SystemMaxUse を見直す、またはログサーバーへ転送して"
	  "ください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key lg_config[] = {
	{ "min_retention", SA_CONFIG_DURATION, "90d", 0,
	  "How long logs must be kept for logging.retention to pass.",
	  "logging.retention を満たすのに必要なログの保存期間。" },
	{ "require_auditd", SA_CONFIG_BOOL, "yes", 0,
	  "Whether a missing auditd counts against the item; \"no\" reports it "
	  "as not applicable.",
	  "auditd がないことを減点対象にするか。\"no\" なら対象外として扱う。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

struct lg_run {
	struct hf hf;
	time_t now;
	int64_t min_retention;
	int require_auditd;
	struct pkg_db pkgs;
	int have_dpkg, pkgs_err;
	struct unit_db units;

	/* journald */
	struct jd_conf jd;
	int jd_err;		/* a configuration file could not be read */
	char jd_err_path[256];
	int journal_dir;	/* /var/log/journal exists */
	int journald_persistent;	/* 1 yes, 0 no, -1 a config file is unread */

	/* syslog daemon */
	const char *syslog_name;	/* "rsyslog", "syslog-ng" or NULL */
	enum unit_state syslog_unit;
	struct hf_names syslog_files;	/* files its rules write */
	int syslog_forwards;	/* rules sending logs to another host */
	int syslog_err;
	char syslog_err_path[256];
};

static int
lg_installed(struct lg_run *g, const char *const *packages,
    const char *const *files)
{
	struct stat st;
	size_t i;

	for (i = 0; packages[i] != NULL; i++)
		if (g->have_dpkg && g->pkgs_err == 0 &&
		    pkg_find(&g->pkgs, packages[i], strlen(packages[i])) != NULL)
			return 1;
	for (i = 0; files[i] != NULL; i++)
		if (g->hf.host->stat(g->hf.ctx, files[i], 0, &st) == 0)
			return 1;
	return 0;
}

struct lg_dropin {
	char *name;
	size_t dir;		/* index in dropin_dirs: lower wins */
};

static int
lg_dropin_cmp(const void *a, const void *b)
{
	const struct lg_dropin *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r != 0 ? r : (x->dir > y->dir) - (x->dir < y->dir);
}

static void
lg_journald_file(struct lg_run *g, const char *path, int missing_ok)
{
	char *data;
	size_t len;
	int r;

	r = hf_read(&g->hf, path, LG_MAX_CONF, &data, &len);
	if (r == 0) {
		jd_apply(&g->jd, data, len);
		free(data);
	} else if (!(missing_ok && r == -ENOENT) && g->jd_err == 0) {
		g->jd_err = r;
		snprintf(g->jd_err_path, sizeof(g->jd_err_path), "%s", path);
	}
}

/*
 * journald.conf, then the drop-ins of all directories in name order; a
 * name in /etc hides the same name in /run and /usr/lib.
 */
static void
lg_journald(struct lg_run *g)
{
	static const char *const dropin_dirs[] = { "/etc/systemd/journald.conf.d",
		"/run/systemd/journald.conf.d", "/usr/local/lib/systemd/journald.conf.d",
		"/usr/lib/systemd/journald.conf.d", NULL };
	struct lg_dropin *d = NULL;
	struct hf_names names;
	struct stat st;
	size_t n = 0, i, k;
	char *path;

	jd_init(&g->jd);
	if (g->hf.host->stat(g->hf.ctx, "/etc/systemd/journald.conf", 0, &st) == -ENOENT)
		lg_journald_file(g, "/usr/lib/systemd/journald.conf", 1);
	else
		lg_journald_file(g, "/etc/systemd/journald.conf", 0);
	for (k = 0; dropin_dirs[k] != NULL; k++) {
		if (hf_list(&g->hf, dropin_dirs[k], ".conf", &names) < 0)
			continue;
		for (i = 0; i < names.n; i++) {
			d = hf_grow(d, n + 1, sizeof(*d));
			d[n].name = hf_strdup(names.v[i]);
			d[n++].dir = k;
		}
		hf_names_free(&names);
	}
	if (n > 1)
		qsort(d, n, sizeof(*d), lg_dropin_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(d[i].name, d[i - 1].name) == 0)
			continue;	/* hidden by a higher-priority directory */
		path = hf_join(dropin_dirs[d[i].dir], d[i].name);
		lg_journald_file(g, path, 0);
		free(path);
	}
	for (i = 0; i < n; i++)
		free(d[i].name);
	free(d);
	g->journal_dir = g->hf.host->stat(g->hf.ctx, "/var/log/journal", 0, &st) == 0 &&
	    S_ISDIR(st.st_mode);
	g->journald_persistent = strcmp(g->jd.storage, "persistent") == 0 ||
	    (strcmp(g->jd.storage, "auto") == 0 && g->journal_dir);
	/* An unread file may set Storage= either way. */
	if (g->jd_err < 0)
		g->journald_persistent = -1;
}

static void
lg_add_file(void *user, const char *path)
{
	hf_names_add_new(user, path);
}

struct lg_syslog_kind {
	void (*files)(const char *, size_t, sl_file_fn, void *);
	int (*forwards)(const char *, size_t);
};

static const struct lg_syslog_kind lg_rsyslog = { sl_rsyslog_files,
	sl_rsyslog_forwards };
static const struct lg_syslog_kind lg_syslogng = { sl_syslogng_files,
	sl_syslogng_forwards };

static void
lg_syslog_conf(struct lg_run *g, const char *path,
    const struct lg_syslog_kind *kind)
{
	char *data;
	size_t len;
	int r;

	r = hf_read(&g->hf, path, LG_MAX_CONF, &data, &len);
	if (r == 0) {
		kind->files(data, len, lg_add_file, &g->syslog_files);
		g->syslog_forwards += kind->forwards(data, len);
		free(data);
	} else if (r != -ENOENT && g->syslog_err == 0) {
		g->syslog_err = r;
		snprintf(g->syslog_err_path, sizeof(g->syslog_err_path), "%s", path);
	}
}

static void
lg_syslog_dir(struct lg_run *g, const char *dir, const char *suffix,
    const struct lg_syslog_kind *kind)
{
	struct hf_names names;
	char *path;
	size_t i;
	int r;

	r = hf_list(&g->hf, dir, suffix, &names);
	if (r < 0) {
		if (r != -ENOENT && g->syslog_err == 0) {
			g->syslog_err = r;
			snprintf(g->syslog_err_path, sizeof(g->syslog_err_path), "%s",
			    dir);
		}
		return;
	}
	for (i = 0; i < names.n; i++) {
		path = hf_join(dir, names.v[i]);
		lg_syslog_conf(g, path, kind);
		free(path);
	}
	hf_names_free(&names);
}

/* The syslog daemon that runs at boot, if any, and the files it writes. */
static void
lg_syslog(struct lg_run *g)
{
	static const char *const rs_pkgs[] = { "rsyslog", NULL };
	static const char *const rs_files[] = { "/usr/sbin/rsyslogd", NULL };
	static const char *const ng_pkgs[] = { "syslog-ng-core", "syslog-ng", NULL };
	static const char *const ng_files[] = { "/usr/sbin/syslog-ng", NULL };

	if (lg_installed(g, rs_pkgs, rs_files)) {
		g->syslog_name = "rsyslog";
		g->syslog_unit = unit_state(&g->units, "rsyslog.service");
		lg_syslog_conf(g, "/etc/rsyslog.conf", &lg_rsyslog);
		lg_syslog_dir(g, "/etc/rsyslog.d", ".conf", &lg_rsyslog);
	} else if (lg_installed(g, ng_pkgs, ng_files)) {
		g->syslog_name = "syslog-ng";
		g->syslog_unit = unit_state(&g->units, "syslog-ng.service");
		lg_syslog_conf(g, "/etc/syslog-ng/syslog-ng.conf", &lg_syslogng);
		lg_syslog_dir(g, "/etc/syslog-ng/conf.d", ".conf", &lg_syslogng);
	}
}

static void
lg_persistent(struct lg_run *g)
{
	char evidence[800], journal[400], syslog[256];
	int syslog_on = g->syslog_name != NULL && g->syslog_unit == UNIT_ENABLED;
	int syslog_ok = syslog_on && (g->syslog_files.n > 0 ||
	    g->syslog_forwards > 0);

	if (g->units.systemd && g->journald_persistent < 0)
		snprintf(journal, sizeof(journal), "journald: %s: %s",
		    g->jd_err_path, strerror(-g->jd_err));
	else if (g->units.systemd)
		snprintf(journal, sizeof(journal), E_("journald Storage=%s, "
		    "/var/log/journal %s"), g->jd.storage,
		    g->journal_dir ? E_("exists") : E_("missing"));
	else
		snprintf(journal, sizeof(journal), E_("no systemd journal"));
	if (g->syslog_name == NULL)
		snprintf(syslog, sizeof(syslog), E_("no syslog daemon"));
	else
		snprintf(syslog, sizeof(syslog), g->syslog_files.n == 1 ?
		    E_("%s %s, %zu log file configured%s") :
		    E_("%s %s, %zu log files configured%s"),
		    g->syslog_name, unit_state_name(g->syslog_unit),
		    g->syslog_files.n,
		    g->syslog_forwards > 0 ? E_(", forwards to a log server") : "");
	snprintf(evidence, sizeof(evidence), E_("%s; %s"), journal, syslog);

	if ((g->units.systemd && g->journald_persistent == 1) || syslog_ok) {
		hf_report(&g->hf, "persistent", SA_LEVEL_IMPLEMENTED,
		    syslog_ok && !(g->units.systemd && g->journald_persistent == 1) ?
		    g->syslog_name : "journald", evidence, NULL, NULL);
		return;
	}
	/* Nothing persistent seen: say "cannot tell" if a file was unread. */
	if ((g->units.systemd && g->journald_persistent < 0) || g->syslog_err < 0) {
		hf_report(&g->hf, "persistent", SA_LEVEL_UNKNOWN, g->syslog_err < 0 ?
		    g->syslog_err_path : g->jd_err_path, evidence, NULL, NULL);
		return;
	}
	hf_report(&g->hf, "persistent", SA_LEVEL_NOT, g->units.systemd ? "journald" :
	    "syslog", evidence, NULL, NULL);
}

static int
lg_count_rules(struct lg_run *g, const char *path, int *rules)
{
	struct hf_lines it;
	const char *line;
	char *data;
	size_t len, n;
	int r;

	r = hf_read(&g->hf, path, LG_MAX_CONF, &data, &len);
	if (r < 0)
		return r;
	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n))
		if (n > 3 && (memcmp(line, "-w ", 3) == 0 ||
		    (memcmp(line, "-a ", 3) == 0 &&
		    memmem(line, n, "never", 5) == NULL)))
			(*rules)++;
	free(data);
	return 0;
}

/*
 * Count "-w" and "-a" rules: augenrules builds audit.rules from
 * the *.rules files of rules.d, so audit.rules counts only when rules.d
 * has none.
 */
static int
lg_audit_rules(struct lg_run *g, int *ret_rules)
{
	struct hf_names names;
	char *path;
	size_t i;
	int r, err = 0;

	*ret_rules = 0;
	r = hf_list(&g->hf, "/etc/audit/rules.d", ".rules", &names);
	if (r < 0 && r != -ENOENT)
		err = r;
	for (i = 0; i < names.n; i++) {
		path = hf_join("/etc/audit/rules.d", names.v[i]);
		r = lg_count_rules(g, path, ret_rules);
		if (r < 0 && r != -ENOENT)
			err = r;
		free(path);
	}
	hf_names_free(&names);
	if (*ret_rules == 0) {
		r = lg_count_rules(g, "/etc/audit/audit.rules", ret_rules);
		if (r < 0 && r != -ENOENT)
			err = r;
	}
	return err;
}

static void
lg_auditd(struct lg_run *g)
{
	static const char *const pkgs[] = { "auditd", NULL };
	static const char *const files[] = { "/sbin/auditd", "/usr/sbin/auditd",
		NULL };
	enum unit_state s;
	char evidence[300];
	int rules = 0, err;

	if (!lg_installed(g, pkgs, files)) {
		if (g->have_dpkg && g->pkgs_err < 0) {
			snprintf(evidence, sizeof(evidence), "/var/lib/dpkg/status: %s",
			    strerror(-g->pkgs_err));
			hf_report(&g->hf, "auditd", SA_LEVEL_UNKNOWN, "auditd", evidence,
			    NULL, NULL);
			return;
		}
		hf_report(&g->hf, "auditd", g->require_auditd ? SA_LEVEL_NOT : SA_LEVEL_NA,
		    "auditd", E_("auditd is not installed"),
		    g->require_auditd ? NULL : "Not required by the configuration "
		    "(require_auditd = no).",
		    g->require_auditd ? NULL : "設定により対象外です"
		    "(require_auditd = no)。");
		return;
	}
	s = unit_state(&g->units, "auditd.service");
	if (s != UNIT_ENABLED) {
		snprintf(evidence, sizeof(evidence), E_("auditd installed; auditd.service "
		    "is %s"), unit_state_name(s));
		hf_report(&g->hf, "auditd", SA_LEVEL_NOT, "auditd", evidence, NULL, NULL);
		return;
	}
	err = lg_audit_rules(g, &rules);
	if (err < 0 && rules == 0)
		snprintf(evidence, sizeof(evidence), E_("auditd enabled; rules "
		    "unreadable (%s)"), strerror(-err));
	else
		snprintf(evidence, sizeof(evidence), rules == 1 ?
		    E_("auditd enabled; %d watch/syscall rule%s") :
		    E_("auditd enabled; %d watch/syscall rules%s"), rules, rules == 0 ?
		    E_(" (only logins and authentication are recorded)") : "");
	hf_report(&g->hf, "auditd", SA_LEVEL_IMPLEMENTED, "auditd", evidence, NULL,
	    NULL);
}

struct lg_include {
	struct lg_run *g;
	int err;
	char err_path[256];
};

static void lg_logrotate_file(struct lg_include *inc, struct lr_conf *c,
    const char *path);

/* logrotate skips these in an included directory. */
static int
lg_logrotate_name_ok(const char *name)
{
	static const char *const taboo[] = { ".dpkg-old", ".dpkg-dist",
		".dpkg-new", ".dpkg-bak", ".dpkg-del", ".dpkg-tmp", ".disabled",
		".rpmsave", ".rpmorig", ".rpmnew", ".swp", ".bak", ".old", ".orig",
		".save", ".cfsaved", ".ucf-old", ".ucf-dist", ".ucf-new", "~",
		",v", NULL };
	size_t i;

	if (name[0] == '.')
		return 0;
	for (i = 0; taboo[i] != NULL; i++)
		if (hf_has_suffix(name, taboo[i]))
			return 0;
	return 1;
}

static void
lg_logrotate_include(void *user, struct lr_conf *c, const char *path)
{
	struct lg_include *inc = user;
	struct hf_names names;
	struct stat st;
	char *sub;
	size_t i;

	if (inc->g->hf.host->stat(inc->g->hf.ctx, path, 0, &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		if (hf_list(&inc->g->hf, path, NULL, &names) < 0)
			return;
		for (i = 0; i < names.n; i++) {
			if (!lg_logrotate_name_ok(names.v[i]))
				continue;
			sub = hf_join(path, names.v[i]);
			lg_logrotate_file(inc, c, sub);
			free(sub);
		}
		hf_names_free(&names);
		return;
	}
	lg_logrotate_file(inc, c, path);
}

static void
lg_logrotate_file(struct lg_include *inc, struct lr_conf *c, const char *path)
{
	char *data;
	size_t len;
	unsigned int line;
	int r;

	r = hf_read(&inc->g->hf, path, LG_MAX_CONF, &data, &len);
	if (r < 0) {
		if (r != -ENOENT && inc->err == 0) {
			inc->err = r;
			snprintf(inc->err_path, sizeof(inc->err_path), "%s", path);
		}
		return;
	}
	if (lr_feed(c, path, data, len, lg_logrotate_include, inc, &line) < 0)
		inc->g->hf.host->log(inc->g->hf.ctx, SA_LOG_WARNING,
		    E_("%s:%u: unbalanced braces (logrotate skips this file)"), path, line);
	free(data);
}

static void
lg_retention_file(struct lg_run *g, const struct lr_conf *lr,
    const struct lg_include *inc, const char *log)
{
	const struct lr_stanza *s = lr_find(lr, log);
	char evidence[400], want[32], kept[32];
	long long r;

	tf_limit(g->min_retention, want, sizeof(want));
	if (s == NULL) {
		if (inc->err < 0) {
			snprintf(evidence, sizeof(evidence), "%s: %s", inc->err_path,
			    strerror(-inc->err));
			hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, log, evidence, NULL,
			    NULL);
			return;
		}
		hf_report(&g->hf, "retention", SA_LEVEL_IMPLEMENTED, log,
		    E_("not rotated by logrotate: kept until removed"), NULL, NULL);
		return;
	}
	r = lr_retention(&s->set);
	if (r == LR_KEEP_ALL) {
		snprintf(evidence, sizeof(evidence), E_("%s:%u: rotated copies are never "
		    "removed (rotate -1)"), s->file, s->line);
		hf_report(&g->hf, "retention", SA_LEVEL_IMPLEMENTED, log, evidence, NULL,
		    NULL);
	} else if (r == LR_UNKNOWN) {
		snprintf(evidence, sizeof(evidence), E_("%s:%u: rotated by %s, rotate %lld: "
		    "the days kept depend on how much is logged"), s->file, s->line,
		    s->set.size_based ? E_("size") : E_("no fixed period"), s->set.rotate);
		hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, log, evidence, NULL, NULL);
	} else {
		tf_limit(r, kept, sizeof(kept));
		snprintf(evidence, sizeof(evidence), s->set.rotate == 1 ?
		    E_("%s:%u: %lld rotation of %s kept, about %s (need %s)%s") :
		    E_("%s:%u: %lld rotations of %s kept, about %s (need %s)%s"),
		    s->file, s->line, s->set.rotate, s->set.period == 86400 ? E_("a day") :
		    s->set.period == 7 * 86400 ? E_("a week") : s->set.period == 30 * 86400 ?
		    E_("a month") : s->set.period == 365 * 86400 ? E_("a year") : E_("an hour"),
		    r == 0 ? "0s" : kept, want, s->set.maxage > 0 ? E_(", capped by maxage") :
		    "");
		hf_report(&g->hf, "retention", r >= g->min_retention ? SA_LEVEL_IMPLEMENTED :
		    r == 0 ? SA_LEVEL_NOT : SA_LEVEL_PARTLY, log, evidence, NULL, NULL);
	}
}

/* How far back the persistent journal reaches, from its files' headers. */
static void
lg_retention_journal(struct lg_run *g)
{
	struct hf_names machines, files;
	unsigned char buf[JH_HEADER_SIZE];
	uint64_t usec, oldest = 0;
	char evidence[400], want[32], cap[32], when[64], *dir, *path;
	size_t i, k, n_files = 0;
	int fd, err = 0;
	ssize_t got;

	tf_limit(g->min_retention, want, sizeof(want));
	if (g->jd.max_retention > 0 && g->jd.max_retention < g->min_retention) {
		tf_limit(g->jd.max_retention, cap, sizeof(cap));
		snprintf(evidence, sizeof(evidence), E_("MaxRetentionSec=%s removes "
		    "journal entries sooner than %s"), cap, want);
		hf_report(&g->hf, "retention", SA_LEVEL_PARTLY, "journald", evidence, NULL,
		    NULL);
		return;
	}
	if (hf_list(&g->hf, "/var/log/journal", NULL, &machines) < 0) {
		hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, "/var/log/journal",
		    E_("/var/log/journal cannot be listed"), NULL, NULL);
		return;
	}
	for (i = 0; i < machines.n; i++) {
		dir = hf_join("/var/log/journal", machines.v[i]);
		if (hf_list(&g->hf, dir, ".journal", &files) == 0) {
			for (k = 0; k < files.n; k++) {
				path = hf_join(dir, files.v[k]);
				if (g->hf.host->open(g->hf.ctx, path, 0, &fd) == 0) {
					got = read(fd, buf, sizeof(buf));
					close(fd);
					n_files++;
					if (got == (ssize_t)sizeof(buf) &&
					    jh_head_realtime(buf, sizeof(buf), &usec) == 0 &&
					    (oldest == 0 || usec < oldest))
						oldest = usec;
				} else
					err = 1;
				free(path);
			}
			hf_names_free(&files);
		}
		free(dir);
	}
	hf_names_free(&machines);
	if (oldest == 0) {
		snprintf(evidence, sizeof(evidence), E_("%zu journal files%s; no entry "
		    "time readable"), n_files, err ? E_(" (some unreadable)") : "");
		hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, "/var/log/journal",
		    evidence, NULL, NULL);
		return;
	}
	tf_stamp((time_t)(oldest / 1000000), when, sizeof(when));
	if (g->now - (time_t)(oldest / 1000000) >= g->min_retention) {
		snprintf(evidence, sizeof(evidence), E_("the journal reaches back to %s "
		    "(need %s)"), when, want);
		hf_report(&g->hf, "retention", SA_LEVEL_IMPLEMENTED, "/var/log/journal",
		    evidence, NULL, NULL);
		return;
	}
	snprintf(evidence, sizeof(evidence), E_("the journal reaches back to %s, less "
	    "than %s; it is bounded by size (SystemMaxUse=%s), not by time"),
	    when, want, g->jd.system_max_use[0] != '\0' ? g->jd.system_max_use :
	    E_("default"));
	hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, "/var/log/journal", evidence,
	    "A young system has not had time to collect the history: check "
	    "again later, or set MaxRetentionSec and enough SystemMaxUse.",
	    "新しいシステムではまだ履歴がたまっていない可能性があります。"
	    "後で再確認するか、MaxRetentionSec と十分な SystemMaxUse を設定して"
	    "ください。");
}

static void
lg_retention(struct lg_run *g)
{
	struct lg_include inc = { .g = g };
	struct lr_conf lr;
	size_t i;
	int syslog_on = g->syslog_name != NULL && g->syslog_unit == UNIT_ENABLED;

	if (syslog_on && g->syslog_files.n > 0) {
		lr_init(&lr);
		lg_logrotate_file(&inc, &lr, "/etc/logrotate.conf");
		for (i = 0; i < g->syslog_files.n; i++)
			lg_retention_file(g, &lr, &inc, g->syslog_files.v[i]);
		lr_free(&lr);
	}
	if (g->units.systemd && g->journald_persistent == 1)
		lg_retention_journal(g);
	else if (syslog_on && g->syslog_files.n > 0)
		return;
	else if (syslog_on && g->syslog_forwards > 0)
		hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, g->syslog_name,
		    E_("logs are forwarded to a log server; how long it keeps them "
		    "is not visible from this host"), NULL, NULL);
	else if ((g->units.systemd && g->journald_persistent < 0) ||
	    g->syslog_err < 0)
		hf_report(&g->hf, "retention", SA_LEVEL_UNKNOWN, E_("logs"),
		    E_("the logging configuration could not be read"), NULL, NULL);
	else
		hf_report(&g->hf, "retention", SA_LEVEL_NOT, E_("logs"),
		    E_("no persistent log is kept, so nothing is retained"), NULL, NULL);
}

/*
 * min_retention and require_auditd.  Returns 0, or SA_RUN_BAD_INPUT after
 * naming the line of a value that cannot work.
 */
static int
lg_load_config(const struct hf *hf, struct lg_run *g)
{
	if (hf->host->config_number(hf->ctx, NULL, "min_retention",
	    &g->min_retention) < 0 || hf->host->config_bool(hf->ctx, NULL,
	    "require_auditd", &g->require_auditd) < 0) {
		hf->host->log(hf->ctx, SA_LOG_ERROR,
		    E_("cannot read the plugin's configuration"));
		return -EINVAL;
	}
	if (g->min_retention <= 0)
		return cfgchk_fail(hf, NULL, "min_retention", 0,
		    E_("min_retention: must be longer than 0"));
	return 0;
}

static int
lg_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct lg_run g;

	memset(&g, 0, sizeof(g));
	return lg_load_config(&hf, &g);
}

static int
lg_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct lg_run g;
	struct stat st;
	int r;

	memset(&g, 0, sizeof(g));
	g.hf.host = host;
	g.hf.ctx = ctx;
	g.now = host->now(ctx);
	/* Checked already by lg_check_config() unless the core predates it. */
	if ((r = lg_load_config(&g.hf, &g)) != 0)
		return r;
	g.have_dpkg = host->stat(ctx, "/var/lib/dpkg/status", 0, &st) == 0;
	if (g.have_dpkg)
		g.pkgs_err = pkg_load(&g.pkgs, &g.hf, "/var/lib/dpkg/status");
	unit_db_load(&g.units, &g.hf);
	if (g.units.systemd)
		lg_journald(&g);
	lg_syslog(&g);

	lg_persistent(&g);
	lg_auditd(&g);
	lg_retention(&g);

	hf_names_free(&g.syslog_files);
	unit_db_free(&g.units);
	if (g.have_dpkg && g.pkgs_err == 0)
		pkg_free(&g.pkgs);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "logging",
	.version = "1.0",
	.description_en = "Logs for incident investigation: persistent journal "
	    "or syslog, auditd, retention",
	.description_ja = "事故調査のためのログ: 永続的な journal または syslog、"
	    "auditd、保存期間",
	.checks = lg_checks,
	.config = lg_config,
	.run = lg_run,
	.check_config = lg_check_config,
};
