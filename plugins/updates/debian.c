/* SPDX-License-Identifier: MIT */
/*
 * Debian and Ubuntu: pending upgrades from dpkg's status against apt's
 * lists, the age of the lists and of the last upgrade, and whether
 * unattended-upgrades installs security fixes by itself.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/tr.h"
#include "aptconf.h"
#include "aptlists.h"
#include "pkglog.h"
#include "updates.h"
#include "zread.h"

#define DEB_STATUS "/var/lib/dpkg/status"
#define DEB_LISTS "/var/lib/apt/lists"

struct deb_lists {
	struct apt_release *rels;
	size_t n_rels;
	size_t n_packages;	/* Packages lists read */
	time_t newest;		/* newest sign of an "apt update" */
	const char *newest_what;
	char *unreadable;	/* first list that could not be read, and why */
	int unreadable_err;
	size_t n_unreadable;
};

static void
deb_newer(struct deb_lists *dl, time_t t, const char *what)
{
	if (t > dl->newest) {
		dl->newest = t;
		dl->newest_what = what;
	}
}

static void
deb_unreadable(struct deb_lists *dl, const char *name, int err)
{
	if (dl->unreadable == NULL) {
		dl->unreadable = hf_strdup(name);
		dl->unreadable_err = err;
	}
	dl->n_unreadable++;
}

static void
deb_read_releases(struct up_run *u, struct deb_lists *dl)
{
	const struct hf_names *names = &u->lists;
	struct stat st;
	size_t i, len;
	char *path, *data;

	for (i = 0; i < names->n; i++) {
		enum apt_list_kind kind = apt_list_kind(names->v[i]);

		path = hf_join(DEB_LISTS, names->v[i]);
		if (kind != APT_LIST_OTHER && hf_lstat(&u->hf, path, &st) == 0)
			deb_newer(dl, st.st_mtime, E_("lists"));
		if (kind != APT_LIST_RELEASE) {
			free(path);
			continue;
		}
		if (hf_read(&u->hf, path, UP_MAX_FILE, &data, &len) == 0) {
			dl->rels = hf_grow(dl->rels, dl->n_rels + 1, sizeof(*dl->rels));
			apt_release_parse(names->v[i], data, len, &dl->rels[dl->n_rels++]);
			free(data);
		}
		free(path);
	}
}

static void
deb_read_packages(struct up_run *u, struct deb_lists *dl, struct pkg_db *db)
{
	const struct hf_names *names = &u->lists;
	const struct apt_release *rel;
	struct zr *z;
	size_t i;
	char *path;
	int fd, r, security;

	for (i = 0; i < names->n; i++) {
		const char *name = names->v[i];

		if (apt_list_kind(name) != APT_LIST_PACKAGES)
			continue;
		rel = apt_release_of(dl->rels, dl->n_rels, name);
		/* Backports and experimental are never upgrade candidates. */
		if (rel != NULL && rel->not_automatic)
			continue;
		security = rel != NULL ? rel->security : apt_name_is_security(name);
		path = hf_join(DEB_LISTS, name);
		r = u->hf.host->open(u->hf.ctx, path, 0, &fd);
		free(path);
		if (r == 0)
			r = zr_open(&z, fd, name);
		if (r == 0) {
			r = apt_apply_packages(db, zr_read, z, security);
			zr_close(z);
		}
		if (r < 0)
			deb_unreadable(dl, name, r);
		else
			dl->n_packages++;
		u->hf.host->progress(u->hf.ctx, "apt lists", i + 1);
	}
}

static void
deb_report_pending(struct up_run *u, const struct pkg_db *db, size_t n_lists)
{
	char object[512], evidence[640];
	long long pending = 0, security = 0, held = 0;
	size_t i;

	for (i = 0; i < db->n; i++) {
		if (db->v[i].candidate == NULL)
			continue;
		pending++;
		held += db->v[i].held;
		security += db->v[i].candidate_security;
	}
	u->pending = pending;
	u->pending_security = security;
	for (i = 0; i < db->n; i++) {
		const struct pkg_entry *e = &db->v[i];

		if (e->candidate == NULL)
			continue;
		snprintf(object, sizeof(object), "%s%s%s", e->name,
		    e->arch[0] != '\0' ? ":" : "", e->arch);
		snprintf(evidence, sizeof(evidence), E_("installed %s, available %s%s%s"),
		    e->version, e->candidate, e->candidate_security ?
		    E_(" (security)") : "", e->held ? E_(", held") : "");
		if (pending > u->max_pending)
			hf_report(&u->hf, "pending", SA_LEVEL_NOT, object, evidence,
			    NULL, NULL);
		if (e->candidate_security && security > u->max_pending_security)
			hf_report(&u->hf, "pending-security", SA_LEVEL_NOT, object,
			    evidence, NULL, NULL);
	}
	if (pending <= u->max_pending) {
		snprintf(evidence, sizeof(evidence), pending == 1 ?
		    E_("%lld pending upgrade (limit %lld); %zu installed packages "
		    "compared with %zu lists") :
		    E_("%lld pending upgrades (limit %lld); %zu installed packages "
		    "compared with %zu lists"), pending,
		    u->max_pending, db->n, n_lists);
		hf_report(&u->hf, "pending", SA_LEVEL_IMPLEMENTED, DEB_STATUS, evidence,
		    NULL, NULL);
	}
	if (security <= u->max_pending_security) {
		snprintf(evidence, sizeof(evidence), security == 1 ?
		    E_("%lld pending security upgrade (limit %lld)") :
		    E_("%lld pending security upgrades (limit %lld)"), security,
		    u->max_pending_security);
		hf_report(&u->hf, "pending-security", SA_LEVEL_IMPLEMENTED, DEB_STATUS,
		    evidence, NULL, NULL);
	}
	if (held > 0)
		u->hf.host->log(u->hf.ctx, SA_LOG_INFO, E_("%lld pending upgrades are held "
		    "back by dpkg selections"), held);
}

static void
deb_pending_unknown(struct up_run *u, const char *object, const char *why)
{
	hf_report(&u->hf, "pending", SA_LEVEL_UNKNOWN, object, why, NULL, NULL);
	hf_report(&u->hf, "pending-security", SA_LEVEL_UNKNOWN, object, why, NULL, NULL);
}

static void
deb_list_age(struct up_run *u, struct deb_lists *dl, int lists_err)
{
	static const char *const stamps[] = {
		"/var/lib/apt/periodic/update-success-stamp",
		"/var/lib/apt/lists/partial",
		NULL
	};
	char when[128], evidence[256];
	struct stat st;
	size_t i;

	for (i = 0; stamps[i] != NULL; i++)
		if (u->hf.host->stat(u->hf.ctx, stamps[i], 0, &st) == 0)
			deb_newer(dl, st.st_mtime, stamps[i]);
	if (dl->newest == 0) {
		snprintf(evidence, sizeof(evidence), "%s: %s", DEB_LISTS,
		    lists_err < 0 ? strerror(-lists_err) :
		    E_("no package lists (apt update never ran, or the lists were removed)"));
		hf_report(&u->hf, "list-age", SA_LEVEL_UNKNOWN, DEB_LISTS, evidence,
		    NULL, NULL);
		return;
	}
	up_when(u, dl->newest, when, sizeof(when));
	snprintf(evidence, sizeof(evidence), E_("last apt update %s (newest of %s)"),
	    when, dl->newest_what);
	hf_report(&u->hf, "list-age", u->now - dl->newest <= u->max_list_age ?
	    SA_LEVEL_IMPLEMENTED : SA_LEVEL_NOT, DEB_LISTS, evidence, NULL, NULL);
}

/* What apt's configuration says about periodic runs and u-u's origins. */
struct deb_aptconf {
	char *unattended;	/* APT::Periodic::Unattended-Upgrade */
	char *update_lists;	/* APT::Periodic::Update-Package-Lists */
	char *enable;		/* APT::Periodic::Enable */
	int security_origin;	/* an origin pattern mentions security */
	int n_origins;
	char error[300];	/* a file apt would refuse to read */
};

static void
deb_set(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? hf_strdup(v) : NULL;
}

static void
deb_aptconf_value(void *user, const char *key, const char *value)
{
	struct deb_aptconf *c = user;

	if (strcasecmp(key, "APT::Periodic::Unattended-Upgrade") == 0)
		deb_set(&c->unattended, value);
	else if (strcasecmp(key, "APT::Periodic::Update-Package-Lists") == 0)
		deb_set(&c->update_lists, value);
	else if (strcasecmp(key, "APT::Periodic::Enable") == 0)
		deb_set(&c->enable, value);
	else if (strcasecmp(key, "APT::Periodic") == 0 ||
	    strcasecmp(key, "APT") == 0) {
		if (value == NULL) {
			deb_set(&c->unattended, NULL);
			deb_set(&c->update_lists, NULL);
			deb_set(&c->enable, NULL);
		}
	} else if (strcasecmp(key, "Unattended-Upgrade::Origins-Pattern") == 0 ||
	    strcasecmp(key, "Unattended-Upgrade::Allowed-Origins") == 0) {
		if (value == NULL) {
			c->security_origin = 0;
			c->n_origins = 0;
		} else {
			c->n_origins++;
			if (strcasestr(value, "security") != NULL)
				c->security_origin = 1;
		}
	}
}

/* apt.conf values are intervals in days; "0" or empty means off. */
static int
deb_on(const char *v)
{
	return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0 &&
	    strcasecmp(v, "false") != 0 && strcasecmp(v, "no") != 0;
}

static int
deb_read_aptconf(struct up_run *u, struct deb_aptconf *c, char *unreadable,
    size_t size)
{
	struct hf_names names;
	char *path, *data;
	unsigned int line;
	size_t i, len;
	int r;

	r = hf_list(&u->hf, "/etc/apt/apt.conf.d", NULL, &names);
	if (r < 0 && r != -ENOENT) {
		snprintf(unreadable, size, "/etc/apt/apt.conf.d: %s", strerror(-r));
		return r;
	}
	/* The parts directory first, then the main file, as apt reads them. */
	for (i = 0; i <= names.n; i++) {
		if (i < names.n && !ac_name_ok(names.v[i]))
			continue;
		path = i < names.n ? hf_join("/etc/apt/apt.conf.d", names.v[i]) :
		    hf_strdup("/etc/apt/apt.conf");
		r = hf_read(&u->hf, path, UP_MAX_FILE, &data, &len);
		if (r == -ENOENT || r == -EISDIR || r == -EINVAL) {
			free(path);
			continue;
		}
		if (r < 0) {
			snprintf(unreadable, size, "%s: %s", path, strerror(-r));
			free(path);
			hf_names_free(&names);
			return r;
		}
		if (ac_parse(data, len, deb_aptconf_value, c, &line) < 0 &&
		    c->error[0] == '\0')
			snprintf(c->error, sizeof(c->error),
			    E_("%s:%u: syntax error (apt refuses to run)"), path, line);
		free(data);
		free(path);
	}
	hf_names_free(&names);
	return 0;
}

static void
deb_auto_upgrades(struct up_run *u, const struct pkg_db *db, int db_err)
{
	struct deb_aptconf c;
	char unreadable[300], evidence[400];
	const char *why_en = NULL;
	enum unit_state upgrade_timer, update_timer;
	int level;

	memset(&c, 0, sizeof(c));
	if (db_err < 0) {
		snprintf(evidence, sizeof(evidence), "%s: %s", DEB_STATUS,
		    strerror(-db_err));
		hf_report(&u->hf, "auto-upgrades", SA_LEVEL_UNKNOWN, DEB_STATUS, evidence,
		    NULL, NULL);
		return;
	}
	if (pkg_find(db, "unattended-upgrades", strlen("unattended-upgrades")) ==
	    NULL) {
		hf_report(&u->hf, "auto-upgrades", SA_LEVEL_NOT, "unattended-upgrades",
		    E_("package unattended-upgrades is not installed"), NULL, NULL);
		return;
	}
	if (deb_read_aptconf(u, &c, unreadable, sizeof(unreadable)) < 0) {
		hf_report(&u->hf, "auto-upgrades", SA_LEVEL_UNKNOWN, "/etc/apt/apt.conf.d",
		    unreadable, NULL, NULL);
		goto out;
	}
	upgrade_timer = unit_state(&u->units, "apt-daily-upgrade.timer");
	update_timer = unit_state(&u->units, "apt-daily.timer");
	level = SA_LEVEL_IMPLEMENTED;
	if (c.error[0] != '\0') {
		level = SA_LEVEL_NOT;
		why_en = c.error;
	} else if ((c.enable != NULL && !deb_on(c.enable)) ||
	    !deb_on(c.unattended)) {
		level = SA_LEVEL_NOT;
		why_en = c.enable != NULL && !deb_on(c.enable) ?
		    E_("APT::Periodic::Enable is off") :
		    E_("APT::Periodic::Unattended-Upgrade is not enabled "
		    "(/etc/apt/apt.conf.d/20auto-upgrades)");
	} else if (u->units.systemd && (upgrade_timer == UNIT_MASKED ||
	    upgrade_timer == UNIT_DISABLED)) {
		level = SA_LEVEL_NOT;
		why_en = upgrade_timer == UNIT_MASKED ?
		    E_("apt-daily-upgrade.timer is masked") :
		    E_("apt-daily-upgrade.timer is disabled");
	} else if (!deb_on(c.update_lists)) {
		level = SA_LEVEL_PARTLY;
		why_en = E_("APT::Periodic::Update-Package-Lists is off: upgrades "
		    "run against stale lists");
	} else if (u->units.systemd && (update_timer == UNIT_MASKED ||
	    update_timer == UNIT_DISABLED)) {
		level = SA_LEVEL_PARTLY;
		why_en = E_("apt-daily.timer is not enabled: lists are not refreshed");
	} else if (c.n_origins > 0 && !c.security_origin) {
		level = SA_LEVEL_PARTLY;
		why_en = E_("no security origin in Unattended-Upgrade::Origins-Pattern");
	}
	if (why_en != NULL)
		snprintf(evidence, sizeof(evidence), "%s", why_en);
	else
		snprintf(evidence, sizeof(evidence),
		    E_("unattended-upgrades enabled (Unattended-Upgrade \"%s\", "
		    "Update-Package-Lists \"%s\")%s"), c.unattended,
		    c.update_lists, c.security_origin ?
		    E_(", security origin configured") : "");
	hf_report(&u->hf, "auto-upgrades", level, "unattended-upgrades", evidence,
	    NULL, NULL);
out:
	free(c.unattended);
	free(c.update_lists);
	free(c.enable);
}

void
up_debian(struct up_run *u)
{
	struct deb_lists dl;
	struct pkg_db db;
	char evidence[400];
	int db_err, lists_err;
	size_t i;

	memset(&dl, 0, sizeof(dl));
	db_err = pkg_load(&db, &u->hf, DEB_STATUS);
	lists_err = hf_list(&u->hf, DEB_LISTS, NULL, &u->lists);
	deb_read_releases(u, &dl);

	if (db_err < 0) {
		snprintf(evidence, sizeof(evidence), "%s: %s", DEB_STATUS,
		    db_err == -EINVAL ? E_("malformed (a paragraph without Package)") :
		    strerror(-db_err));
		deb_pending_unknown(u, DEB_STATUS, evidence);
	} else {
		deb_read_packages(u, &dl, &db);
		if (lists_err < 0) {
			snprintf(evidence, sizeof(evidence), "%s: %s", DEB_LISTS,
			    strerror(-lists_err));
			deb_pending_unknown(u, DEB_LISTS, evidence);
		} else if (dl.n_unreadable > 0) {
			snprintf(evidence, sizeof(evidence), E_("%zu of %zu lists "
			    "unreadable, first %s: %s"), dl.n_unreadable,
			    dl.n_unreadable + dl.n_packages, dl.unreadable,
			    dl.unreadable_err == -ENOTSUP ?
			    E_("compression not supported (only plain, .gz, .lz4)") :
			    dl.unreadable_err == -EIO ? E_("corrupt") :
			    strerror(-dl.unreadable_err));
			deb_pending_unknown(u, DEB_LISTS, evidence);
		} else if (dl.n_packages == 0) {
			deb_pending_unknown(u, DEB_LISTS, E_("no package lists "
			    "(apt update never ran, or the lists were removed)"));
		} else
			deb_report_pending(u, &db, dl.n_packages);
	}
	deb_list_age(u, &dl, lists_err);
	/* dpkg.log, dpkg.log.1, dpkg.log.2.gz ... until an upgrade shows. */
	up_last_upgrade(u, "/var/log/dpkg.log", 12, 2, pl_dpkg_scan);
	deb_auto_upgrades(u, &db, db_err);

	for (i = 0; i < dl.n_rels; i++)
		apt_release_free(&dl.rels[i]);
	free(dl.rels);
	free(dl.unreadable);
	if (db_err == 0)
		pkg_free(&db);
}
