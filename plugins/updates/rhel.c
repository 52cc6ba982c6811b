/* SPDX-License-Identifier: MIT */
/*
 * Red Hat family (RHEL, CentOS, Rocky, Alma, Oracle): what can be read
 * without rpm's database or dnf's repository metadata.  Pending updates
 * need both, so they are reported as unknown with the reason.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../lib/keyfile.h"
#include "pkglog.h"
#include "updates.h"

/* dnf 4 and dnf 5 keep one directory per repository, with repodata/repomd.xml. */
static const char *const rh_caches[] = { "/var/cache/dnf", "/var/cache/libdnf5",
	NULL };

static void
rh_list_age(struct up_run *u)
{
	struct hf_names repos;
	struct stat st;
	time_t newest = 0;
	char when[128], evidence[256], *path;
	size_t i, k;
	int any_dir = 0, denied = 0, r;

	for (k = 0; rh_caches[k] != NULL; k++) {
		r = hf_list(&u->hf, rh_caches[k], NULL, &repos);
		if (r < 0) {
			if (r != -ENOENT)
				denied = r;
			continue;
		}
		any_dir = 1;
		for (i = 0; i < repos.n; i++) {
			path = hf_printf("%s/%s/repodata/repomd.xml", rh_caches[k],
			    repos.v[i]);
			if (u->hf.host->stat(u->hf.ctx, path, 0, &st) == 0 &&
			    st.st_mtime > newest)
				newest = st.st_mtime;
			free(path);
		}
		hf_names_free(&repos);
	}
	if (newest == 0) {
		snprintf(evidence, sizeof(evidence), "%s",
		    denied < 0 ? strerror(-denied) : any_dir ?
		    "no repository metadata in /var/cache/dnf (dnf makecache never ran)" :
		    "no dnf cache directory");
		hf_report(&u->hf, "list-age", SA_LEVEL_UNKNOWN, "/var/cache/dnf", evidence,
		    NULL, NULL);
		return;
	}
	up_when(u, newest, when, sizeof(when));
	snprintf(evidence, sizeof(evidence), "repository metadata fetched %s",
	    when);
	hf_report(&u->hf, "list-age", u->now - newest <= u->max_list_age ?
	    SA_LEVEL_IMPLEMENTED : SA_LEVEL_NOT, "/var/cache/dnf", evidence,
	    NULL, NULL);
}

static int
rh_yes(const char *v)
{
	return v != NULL && (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0);
}

static void
rh_auto_upgrades(struct up_run *u)
{
	static const char *const install_timers[] = { "dnf-automatic-install.timer",
		NULL };
	static const char *const config_timers[] = { "dnf-automatic.timer",
		"dnf5-automatic.timer", NULL };
	char evidence[300], *data = NULL, *apply = NULL, *type = NULL;
	const char *object = "/etc/dnf/automatic.conf", *timer = NULL;
	size_t len, i;
	int r, installs = 0, level;

	r = hf_read(&u->hf, object, UP_MAX_FILE, &data, &len);
	if (r == 0) {
		apply = kf_get(data, len, "commands", "apply_updates");
		type = kf_get(data, len, "commands", "upgrade_type");
		free(data);
	} else if (r != -ENOENT) {
		snprintf(evidence, sizeof(evidence), "%s: %s", object, strerror(-r));
		hf_report(&u->hf, "auto-upgrades", SA_LEVEL_UNKNOWN, object, evidence,
		    NULL, NULL);
		return;
	}
	for (i = 0; install_timers[i] != NULL && timer == NULL; i++)
		if (unit_state(&u->units, install_timers[i]) == UNIT_ENABLED) {
			timer = install_timers[i];
			installs = 1;
		}
	for (i = 0; config_timers[i] != NULL && timer == NULL; i++)
		if (unit_state(&u->units, config_timers[i]) == UNIT_ENABLED) {
			timer = config_timers[i];
			installs = rh_yes(apply);
		}
	if (r == -ENOENT && timer == NULL) {
		/* EL7: yum-cron. */
		object = "/etc/yum/yum-cron.conf";
		r = hf_read(&u->hf, object, UP_MAX_FILE, &data, &len);
		if (r == 0) {
			apply = kf_get(data, len, "commands", "apply_updates");
			type = kf_get(data, len, "commands", "update_cmd");
			free(data);
			if (unit_state(&u->units, "yum-cron.service") == UNIT_ENABLED) {
				timer = "yum-cron.service";
				installs = rh_yes(apply);
			}
		} else if (r != -ENOENT) {
			snprintf(evidence, sizeof(evidence), "%s: %s", object,
			    strerror(-r));
			hf_report(&u->hf, "auto-upgrades", SA_LEVEL_UNKNOWN, object,
			    evidence, NULL, NULL);
			return;
		}
	}
	if (timer == NULL) {
		level = SA_LEVEL_NOT;
		snprintf(evidence, sizeof(evidence), "%s",
		    r == 0 ? "dnf-automatic/yum-cron is configured but no timer is "
		    "enabled" : "dnf-automatic is not installed");
	} else if (!installs) {
		level = SA_LEVEL_PARTLY;
		snprintf(evidence, sizeof(evidence), "%s enabled, but apply_updates "
		    "is \"%s\": updates are only downloaded or announced", timer,
		    apply != NULL ? apply : "no");
	} else {
		level = SA_LEVEL_IMPLEMENTED;
		snprintf(evidence, sizeof(evidence), "%s enabled, updates applied "
		    "automatically (upgrade_type %s)", timer,
		    type != NULL ? type : "default");
	}
	hf_report(&u->hf, "auto-upgrades", level, object, evidence, NULL, NULL);
	free(apply);
	free(type);
}

void
up_rhel(struct up_run *u)
{
	static const char why[] = "pending updates need rpm's database and dnf's "
	    "repository metadata, which smeaudit does not evaluate; run "
	    "\"dnf check-update --security\"";

	hf_report(&u->hf, "pending", SA_LEVEL_UNKNOWN, "dnf", why, NULL, NULL);
	hf_report(&u->hf, "pending-security", SA_LEVEL_UNKNOWN, "dnf", why, NULL, NULL);
	rh_list_age(u);
	/* dnf rotates its logs itself: dnf.rpm.log, dnf.rpm.log.1 ... */
	up_last_upgrade(u, "/var/log/dnf.rpm.log", 4, 0, pl_dnf_scan);
	rh_auto_upgrades(u);
}
