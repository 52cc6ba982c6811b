/* SPDX-License-Identifier: MIT */
/*
 * updates: evidence for self-diagnosis item 1 (OS and software kept up
 * to date).  Everything is read from files of the audited system, with
 * no network access, so it works the same on a live host and under
 * --root: pending upgrades from dpkg's status against apt's lists, how
 * fresh the lists are, when packages were last upgraded, whether
 * upgrades install themselves, whether a reboot is pending, whether the
 * release still gets security fixes, and snap/flatpak refresh state.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../lib/cfgchk.h"
#include "../lib/tr.h"
#include "eol.h"
#include "jsonpath.h"
#include "pkglog.h"
#include "updates.h"
#include "zread.h"

static const struct sa_check updates_checks[] = {
	{ "pending", 1, 0, SA_SEV_MEDIUM,
	  "Package upgrades are waiting to be installed",
	  "未適用のパッケージ更新がある",
	  "Install the pending upgrades (apt upgrade, dnf upgrade) and keep "
	  "automatic updates on so that they do not pile up.",
	  "未適用の更新をインストールし(apt upgrade、dnf upgrade など)、"
	  "更新がたまらないよう自動更新を有効にしてください。" },
	{ "pending-security", 1, 0, SA_SEV_HIGH,
	  "Security upgrades are waiting to be installed",
	  "未適用のセキュリティ更新がある",
	  "Install the pending security upgrades now (apt upgrade) and enable "
	  "unattended-upgrades so that security fixes install by themselves.",
	  "未適用のセキュリティ更新を直ちに適用し(apt upgrade)、"
	  "unattended-upgrades を有効にしてセキュリティ修正が自動で入るように"
	  "してください。" },
	{ "list-age", 1, 0, SA_SEV_MEDIUM,
	  "The package lists are out of date",
	  "パッケージ情報が古いまま更新されていない",
	  "Refresh the package lists (apt update, dnf makecache) and keep the "
	  "daily timers (apt-daily.timer, dnf-makecache.timer) enabled, so that "
	  "the system learns about new updates.",
	  "パッケージ情報を更新し(apt update、dnf makecache)、毎日のタイマー"
	  "(apt-daily.timer、dnf-makecache.timer)を有効にして、新しい更新を"
	  "把握できるようにしてください。" },
	{ "last-upgrade", 1, 0, SA_SEV_MEDIUM,
	  "No upgrade has been installed for a long time",
	  "長期間、更新が適用されていない",
	  "Updates are available but none was installed for a long time: "
	  "upgrade now and make upgrades regular, ideally automatic.",
	  "更新が出ているのに長い間適用されていません。今すぐ更新し、定期的"
	  "(できれば自動)に適用する運用にしてください。" },
	{ "auto-upgrades", 1, 0, SA_SEV_MEDIUM,
	  "Security updates do not install automatically",
	  "セキュリティ更新が自動で適用されない",
	  "Install and enable unattended-upgrades (dpkg-reconfigure -plow "
	  "unattended-upgrades), or dnf-automatic with apply_updates = yes, so "
	  "that security fixes install without waiting for someone.",
	  "unattended-upgrades を導入して有効にする(dpkg-reconfigure -plow "
	  "unattended-upgrades)か、dnf-automatic を apply_updates = yes で有効"
	  "にし、担当者を待たずにセキュリティ修正が入るようにしてください。" },
	{ "reboot-required", 1, 0, SA_SEV_MEDIUM,
	  "A reboot is needed to finish installed updates",
	  "更新を反映するための再起動が済んでいない",
	  "Reboot at the next maintenance window: updated kernels and "
	  "libraries take effect only after a restart.",
	  "次の保守時間帯に再起動してください。更新したカーネルやライブラリ"
	  "は再起動するまで有効になりません。" },
	{ "eol", 1, 0, SA_SEV_HIGH,
	  "The OS release is at or past the end of its security support",
	  "OS のリリースがセキュリティサポートの終了時期を迎えている",
	  "Upgrade to a supported release, or replace the machine, before its "
	  "security support ends; until then keep it away from the Internet.",
	  "セキュリティサポートが終わる前に、サポート中のリリースへ"
	  "アップグレードするか機器を入れ替えてください。それまではインター"
	  "ネットからの接続を最小限にしてください。" },
	{ "snap", 1, 0, SA_SEV_LOW,
	  "Snap packages do not refresh automatically",
	  "Snap パッケージが自動更新されない",
	  "Let snapd refresh snaps by itself: remove refresh holds "
	  "(snap refresh --unhold) and keep snapd.service enabled.",
	  "snapd による自動更新を有効にしてください。更新の保留を解除し"
	  "(snap refresh --unhold)、snapd.service を有効のままにしてください。" },
	{ "flatpak", 1, 0, SA_SEV_LOW,
	  "Flatpak applications are not updated automatically",
	  "Flatpak アプリが自動更新されていない",
	  "Update Flatpak applications regularly: turn on automatic updates in "
	  "GNOME Software or KDE Discover for every user, or add a systemd "
	  "timer that runs \"flatpak update -y\".",
	  "Flatpak アプリを定期的に更新してください。各ユーザーの GNOME "
	  "ソフトウェアや KDE Discover で自動更新を有効にするか、"
	  "\"flatpak update -y\" を実行する systemd タイマーを追加してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key updates_config[] = {
	{ "max_pending", SA_CONFIG_INT, "0", 0,
	  "Pending upgrades (of any kind) tolerated before updates.pending "
	  "reports \"not implemented\".",
	  "updates.pending を「実施していない」とするまでに許容する未適用更新の"
	  "数(種類を問わない)。" },
	{ "max_pending_security", SA_CONFIG_INT, "0", 0,
	  "Pending security upgrades tolerated before updates.pending-security "
	  "reports \"not implemented\".",
	  "updates.pending-security を「実施していない」とするまでに許容する"
	  "未適用のセキュリティ更新の数。" },
	{ "max_list_age", SA_CONFIG_DURATION, "7d", 0,
	  "Oldest acceptable package lists (last apt update / dnf makecache).",
	  "許容するパッケージ情報の古さ(最後の apt update / dnf makecache から"
	  "の経過時間)。" },
	{ "max_upgrade_age", SA_CONFIG_DURATION, "30d", 0,
	  "Longest time without any upgrade while upgrades are pending.",
	  "未適用の更新がある状態で、更新を一度も適用しない期間の上限。" },
	{ "eol_warning", SA_CONFIG_DURATION, "90d", 0,
	  "Report \"partly\" this long before the release's security support "
	  "ends.",
	  "リリースのセキュリティサポート終了のこの期間前から「一部実施」と"
	  "する。" },
	{ "eol_table", SA_CONFIG_STRING, NULL, 0,
	  "Release table to use instead of the shipped os-eol.rules (a file "
	  "on the auditing host, not under --root).",
	  "同梱の os-eol.rules の代わりに使うリリース表(監査する側のホストの"
	  "ファイル。--root の下ではない)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

int
up_read_any(struct up_run *u, const char *path, char **ret, size_t *ret_len)
{
	size_t cap = 64 * 1024, len = 0;
	char *buf;
	struct zr *z;
	ssize_t n;
	int fd, r;

	*ret = NULL;
	*ret_len = 0;
	r = u->hf.host->open(u->hf.ctx, path, 0, &fd);
	if (r < 0)
		return r;
	if ((r = zr_open(&z, fd, path)) < 0)
		return r;
	buf = hf_alloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap >= UP_MAX_FILE) {
				r = -EFBIG;
				break;
			}
			cap *= 2;
			buf = hf_grow(buf, cap + 1, 1);
		}
		n = zr_read(z, buf + len, cap - len);
		if (n < 0) {
			r = (int)n;
			break;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	zr_close(z);
	if (r < 0) {
		free(buf);
		return r;
	}
	buf[len] = '\0';
	*ret = buf;
	*ret_len = len;
	return 0;
}

void
up_when(struct up_run *u, time_t t, char *buf, size_t size)
{
	char stamp[64];
	long long age = (long long)(u->now - t);

	tf_stamp(t, stamp, sizeof(stamp));
	if (age < 0)
		snprintf(buf, size, E_("at %s (in the future)"), stamp);
	else
		snprintf(buf, size, tf_days(age) == 1 ? E_("at %s, %lld day ago") :
		    E_("at %s, %lld days ago"), stamp, tf_days(age));
}

/* Judge the last upgrade against what is pending. */
static void
up_judge_upgrade(struct up_run *u, const struct pl_scan *s, const char *log)
{
	char when[128], evidence[320];
	long long age;
	int level;

	if (s->last_upgrade == 0 && s->first == 0) {
		snprintf(evidence, sizeof(evidence), E_("%s: no readable entries"), log);
		hf_report(&u->hf, "last-upgrade", SA_LEVEL_UNKNOWN, log, evidence, NULL,
		    NULL);
		return;
	}
	if (s->last_upgrade != 0) {
		age = (long long)(u->now - s->last_upgrade);
		up_when(u, s->last_upgrade, when, sizeof(when));
		snprintf(evidence, sizeof(evidence), E_("last upgrade %s"), when);
	} else {
		/* No upgrade in the whole log: at least as old as the log. */
		age = (long long)(u->now - s->first);
		up_when(u, s->first, when, sizeof(when));
		snprintf(evidence, sizeof(evidence),
		    E_("no upgrade recorded since the log starts %s"), when);
		if (age <= u->max_upgrade_age) {
			hf_report(&u->hf, "last-upgrade", SA_LEVEL_UNKNOWN, log, evidence,
			    NULL, NULL);
			return;
		}
	}
	if (age <= u->max_upgrade_age)
		level = SA_LEVEL_IMPLEMENTED;
	else if (u->pending == 0)
		level = SA_LEVEL_IMPLEMENTED;	/* nothing was there to install */
	else if (u->pending > 0)
		level = SA_LEVEL_NOT;
	else
		level = SA_LEVEL_UNKNOWN;
	if (age > u->max_upgrade_age) {
		size_t n = strlen(evidence);

		snprintf(evidence + n, sizeof(evidence) - n, E_("; %s"),
		    u->pending == 0 ? E_("nothing pending") : u->pending > 0 ?
		    E_("upgrades are pending") : E_("pending upgrades unknown"));
	}
	hf_report(&u->hf, "last-upgrade", level, log, evidence, NULL, NULL);
}

void
up_last_upgrade(struct up_run *u, const char *log, int rotations,
    int gz_from, up_scan_fn scan)
{
	struct pl_scan s;
	char *path, *data;
	size_t len;
	int i, r, any = 0, denied = 0;

	memset(&s, 0, sizeof(s));
	for (i = 0; i <= rotations && s.last_upgrade == 0; i++) {
		if (i == 0)
			path = hf_strdup(log);
		else
			path = hf_printf("%s.%d%s", log, i,
			    gz_from > 0 && i >= gz_from ? ".gz" : "");
		r = up_read_any(u, path, &data, &len);
		free(path);
		if (r == -ENOENT)
			continue;
		if (r < 0) {
			denied = denied != 0 ? denied : r;
			continue;
		}
		any = 1;
		scan(data, len, &s);
		free(data);
	}
	if (!any) {
		char evidence[200];

		snprintf(evidence, sizeof(evidence), "%s: %s", log,
		    strerror(denied != 0 ? -denied : ENOENT));
		hf_report(&u->hf, "last-upgrade", SA_LEVEL_UNKNOWN, log, evidence,
		    NULL, NULL);
		return;
	}
	up_judge_upgrade(u, &s, log);
}

/* The last day of support: the table stores the first second after it. */
static void
up_day(time_t end, char *buf, size_t size)
{
	tf_date(end - 86400, buf, size);
}

static int
up_has_list_from(struct up_run *u, const char *host)
{
	size_t i;

	for (i = 0; i < u->lists.n; i++)
		if (hf_has_prefix(u->lists.v[i], host))
			return 1;
	return 0;
}

static void
up_eol(struct up_run *u, const struct eol_table *t)
{
	const struct eol_entry *e;
	char evidence[400], ends[16], ext[16], detail_en[300], detail_ja[400];
	char *label;
	long long left;

	if (!u->have_os && u->os_error != -ENOENT) {
		/* there, but too large, a FIFO, unreadable...: say so */
		snprintf(evidence, sizeof(evidence), E_("cannot read /etc/os-release: "
		    "%s; the release cannot be identified"), hf_strerror(u->os_error));
		hf_report(&u->hf, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release",
		    evidence, NULL, NULL);
		return;
	}
	if (!u->have_os) {
		hf_report(&u->hf, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release",
		    E_("no os-release file: the release cannot be identified"), NULL, NULL);
		return;
	}
	label = osr_label(&u->os);
	if (u->os.version_id == NULL) {
		snprintf(evidence, sizeof(evidence), E_("%s has no VERSION_ID "
		    "(a testing, unstable or rolling release has no fixed end of "
		    "support)"), label);
		hf_report(&u->hf, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release", evidence,
		    NULL, NULL);
		free(label);
		return;
	}
	e = eol_match(t, &u->os);
	if (e == NULL) {
		snprintf(evidence, sizeof(evidence), E_("%s (ID %s, VERSION_ID %s) is "
		    "not in the release table %s"), label, u->os.id != NULL ?
		    u->os.id : "-", u->os.version_id, t->path);
		hf_report(&u->hf, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release", evidence,
		    NULL, NULL);
		free(label);
		return;
	}
	free(label);
	label = hf_strdup(e->label != NULL ? e->label : e->name);
	up_day(e->eol, ends, sizeof(ends));
	left = (long long)(e->eol - u->now);
	if (left > u->eol_warning) {
		snprintf(evidence, sizeof(evidence), E_("%s: security support until %s"),
		    label, ends);
		hf_report(&u->hf, "eol", SA_LEVEL_IMPLEMENTED, label, evidence, NULL, NULL);
	} else if (left > 0) {
		snprintf(evidence, sizeof(evidence), E_("%s: security support ends %s "
		    "(in %lld days)"), label, ends, tf_days(left));
		hf_report(&u->hf, "eol", SA_LEVEL_PARTLY, label, evidence,
		    "Plan the upgrade now: support ends soon.",
		    "サポート終了が近づいています。今のうちにアップグレードを計画して"
		    "ください。");
	} else if (e->extended != 0 && u->now < e->extended) {
		up_day(e->extended, ext, sizeof(ext));
		if (e->extended_source != NULL &&
		    !up_has_list_from(u, e->extended_source)) {
			snprintf(evidence, sizeof(evidence), E_("%s: regular security "
			    "support ended %s; %s (until %s) is not set up (no apt "
			    "lists from %s)"), label, ends, e->extended_label != NULL ?
			    e->extended_label : E_("extended support"), ext,
			    e->extended_source);
			hf_report(&u->hf, "eol", SA_LEVEL_NOT, label, evidence, NULL, NULL);
		} else {
			snprintf(evidence, sizeof(evidence), E_("%s: regular security "
			    "support ended %s; only %s until %s"), label, ends,
			    e->extended_label != NULL ? e->extended_label :
			    E_("extended support"), ext);
			snprintf(detail_en, sizeof(detail_en), "Extended support fixes "
			    "fewer packages than regular support; upgrade before %s.",
			    ext);
			snprintf(detail_ja, sizeof(detail_ja), "延長サポートで修正される"
			    "パッケージは通常より少なくなります。%s までにアップグレードして"
			    "ください。", ext);
			hf_report(&u->hf, "eol", SA_LEVEL_PARTLY, label, evidence, detail_en,
			    detail_ja);
		}
	} else {
		if (e->extended != 0) {
			up_day(e->extended, ext, sizeof(ext));
			snprintf(evidence, sizeof(evidence), E_("%s: security support "
			    "ended %s, extended support %s"), label, ends, ext);
		} else
			snprintf(evidence, sizeof(evidence), E_("%s: security support "
			    "ended %s"), label, ends);
		hf_report(&u->hf, "eol", SA_LEVEL_NOT, label, evidence, NULL, NULL);
	}
	free(label);
}

static void
up_reboot(struct up_run *u, int debian)
{
	static const char *const markers[] = { "/run/reboot-required",
		"/var/run/reboot-required", NULL };
	struct hf_names run;
	struct stat st;
	char evidence[400], when[128], *pkgs, *path;
	size_t len, i, n;
	int r;

	if (!debian) {
		hf_report(&u->hf, "reboot-required", SA_LEVEL_UNKNOWN, "/run",
		    E_("this distribution keeps no reboot-required marker; run "
		    "\"needs-restarting -r\""), NULL, NULL);
		return;
	}
	for (i = 0; markers[i] != NULL; i++) {
		r = u->hf.host->stat(u->hf.ctx, markers[i], 0, &st);
		if (r == -ENOENT || r == -ENOTDIR)
			continue;
		if (r < 0) {
			snprintf(evidence, sizeof(evidence), "%s: %s", markers[i],
			    strerror(-r));
			hf_report(&u->hf, "reboot-required", SA_LEVEL_UNKNOWN, markers[i],
			    evidence, NULL, NULL);
			return;
		}
		up_when(u, st.st_mtime, when, sizeof(when));
		n = (size_t)snprintf(evidence, sizeof(evidence), E_("reboot requested %s"),
		    when);
		path = hf_printf("%s.pkgs", markers[i]);
		if (hf_read(&u->hf, path, 64 * 1024, &pkgs, &len) == 0) {
			char *p;

			for (p = pkgs; *p != '\0'; p++)
				if (*p == '\n')
					*p = ' ';
			if (n < sizeof(evidence))
				snprintf(evidence + n, sizeof(evidence) - n, E_(" by %s"),
				    hf_strip(pkgs));
			free(pkgs);
		}
		free(path);
		hf_report(&u->hf, "reboot-required", SA_LEVEL_PARTLY, markers[i], evidence,
		    NULL, NULL);
		return;
	}
	/*
	 * No marker.  On a mounted image /run is an empty mount point: its
	 * emptiness says nothing about the machine when it runs.
	 */
	if (!u->hf.host->is_live(u->hf.ctx)) {
		r = hf_list(&u->hf, "/run", NULL, &run);
		n = run.n;
		hf_names_free(&run);
		if (r < 0 || n == 0) {
			hf_report(&u->hf, "reboot-required", SA_LEVEL_UNKNOWN, "/run",
			    E_("/run is empty under --root: no run-time state to read"),
			    NULL, NULL);
			return;
		}
	}
	hf_report(&u->hf, "reboot-required", SA_LEVEL_IMPLEMENTED, "/run/reboot-required",
	    E_("no reboot-required marker"), NULL, NULL);
}

/* RFC 3339 as snapd writes it: 2024-05-01T10:11:12.123456789+09:00 or Z. */
static int
up_rfc3339(const char *s, time_t *ret)
{
	int64_t t;

	if (tf_parse_iso(s, strlen(s), &t) < 0)
		return -EINVAL;
	*ret = (time_t)t;
	return 0;
}

static void
up_snap(struct up_run *u)
{
	static const char *const hold_path[] = { "data", "config", "core",
		"refresh", "hold", NULL };
	static const char *const last_path[] = { "data", "last-refresh", NULL };
	const char *state = "/var/lib/snapd/state.json";
	struct hf_names snaps;
	enum unit_state svc;
	char evidence[300], when[128], *data, *hold = NULL, *last = NULL;
	size_t len, i, n = 0;
	time_t t;
	int r, level;

	if (hf_list(&u->hf, "/var/lib/snapd/snaps", NULL, &snaps) < 0)
		return;
	for (i = 0; i < snaps.n; i++)
		n += hf_has_suffix(snaps.v[i], ".snap");
	hf_names_free(&snaps);
	if (n == 0)
		return;
	svc = unit_state(&u->units, "snapd.service");
	if (u->units.systemd && (svc == UNIT_MASKED || svc == UNIT_DISABLED)) {
		snprintf(evidence, sizeof(evidence), n == 1 ?
		    E_("%zu snap installed; snapd.service is %s: nothing refreshes them") :
		    E_("%zu snaps installed; snapd.service is %s: nothing refreshes them"),
		    n, unit_state_name(svc));
		hf_report(&u->hf, "snap", SA_LEVEL_NOT, "snapd.service", evidence, NULL,
		    NULL);
		return;
	}
	r = hf_read(&u->hf, state, 256u * 1024 * 1024, &data, &len);
	if (r < 0) {
		snprintf(evidence, sizeof(evidence), "%s: %s", state, strerror(-r));
		hf_report(&u->hf, "snap", SA_LEVEL_UNKNOWN, state, evidence, NULL, NULL);
		return;
	}
	if (js_get(data, len, hold_path, &hold) < 0 ||
	    js_get(data, len, last_path, &last) < 0) {
		free(data);
		free(hold);
		hf_report(&u->hf, "snap", SA_LEVEL_UNKNOWN, state, E_("not valid JSON"), NULL,
		    NULL);
		return;
	}
	free(data);
	level = SA_LEVEL_IMPLEMENTED;
	if (hold != NULL && strcmp(hold, "forever") == 0) {
		level = SA_LEVEL_NOT;
		snprintf(evidence, sizeof(evidence), n == 1 ?
		    E_("%zu snap; refreshes are held forever (refresh.hold)") :
		    E_("%zu snaps; refreshes are held forever (refresh.hold)"), n);
	} else if (hold != NULL && up_rfc3339(hold, &t) == 0 && t > u->now) {
		level = SA_LEVEL_PARTLY;
		tf_stamp(t, when, sizeof(when));
		snprintf(evidence, sizeof(evidence), n == 1 ?
		    E_("%zu snap; refreshes are held until %s") :
		    E_("%zu snaps; refreshes are held until %s"), n, when);
	} else if (last == NULL || up_rfc3339(last, &t) < 0) {
		level = SA_LEVEL_UNKNOWN;
		snprintf(evidence, sizeof(evidence), n == 1 ?
		    E_("%zu snap; no last refresh time in %s") :
		    E_("%zu snaps; no last refresh time in %s"), n, state);
	} else {
		up_when(u, t, when, sizeof(when));
		snprintf(evidence, sizeof(evidence), n == 1 ?
		    E_("%zu snap; last refresh %s") : E_("%zu snaps; last refresh %s"),
		    n, when);
		if (u->now - t > u->max_list_age)
			level = SA_LEVEL_PARTLY;
	}
	hf_report(&u->hf, "snap", level, state, evidence, NULL, NULL);
	free(hold);
	free(last);
}

/* The newest "active" deploy link of flatpak apps: when one last changed. */
static void
up_flatpak(struct up_run *u)
{
	const char *base = "/var/lib/flatpak/app";
	struct hf_names apps, arches, branches;
	struct stat st;
	time_t newest = 0;
	char evidence[400], when[128], *a, *b, *c, *a_link;
	const char *timer = NULL;
	size_t i, j, k;

	if (hf_list(&u->hf, base, NULL, &apps) < 0)
		return;
	if (apps.n == 0) {
		hf_names_free(&apps);
		return;
	}
	for (i = 0; i < apps.n; i++) {
		a = hf_join(base, apps.v[i]);
		if (hf_list(&u->hf, a, NULL, &arches) == 0) {
			for (j = 0; j < arches.n; j++) {
				b = hf_join(a, arches.v[j]);
				if (hf_list(&u->hf, b, NULL, &branches) == 0) {
					for (k = 0; k < branches.n; k++) {
						c = hf_join(b, branches.v[k]);
						a_link = hf_join(c, "active");
						if (hf_lstat(&u->hf, a_link, &st) == 0 &&
						    st.st_mtime > newest)
							newest = st.st_mtime;
						free(a_link);
						free(c);
					}
					hf_names_free(&branches);
				}
				free(b);
			}
			hf_names_free(&arches);
		}
		free(a);
	}
	for (i = 0; i < u->units.enabled.n && timer == NULL; i++)
		if (strstr(u->units.enabled.v[i].name, "flatpak") != NULL &&
		    hf_has_suffix(u->units.enabled.v[i].name, ".timer"))
			timer = u->units.enabled.v[i].name;
	if (newest != 0)
		up_when(u, newest, when, sizeof(when));
	else
		snprintf(when, sizeof(when), E_("unknown"));
	if (timer != NULL) {
		snprintf(evidence, sizeof(evidence), apps.n == 1 ?
		    E_("%zu flatpak app; %s enabled; newest deploy %s") :
		    E_("%zu flatpak apps; %s enabled; newest deploy %s"), apps.n,
		    timer, when);
		hf_report(&u->hf, "flatpak", SA_LEVEL_IMPLEMENTED, base, evidence, NULL,
		    NULL);
	} else {
		snprintf(evidence, sizeof(evidence), apps.n == 1 ?
		    E_("%zu flatpak app, newest deploy %s; no system timer updates them") :
		    E_("%zu flatpak apps, newest deploy %s; no system timer updates them"),
		    apps.n, when);
		hf_report(&u->hf, "flatpak", SA_LEVEL_UNKNOWN, base, evidence,
		    "Per-user automatic updates (GNOME Software, KDE Discover) are "
		    "not visible to smeaudit.",
		    "ユーザーごとの自動更新(GNOME ソフトウェア、KDE Discover)の設定"
		    "は smeaudit からは見えません。");
	}
	hf_names_free(&apps);
}

/*
 * The limits and the release table's name.  Returns 0, or
 * SA_RUN_BAD_INPUT after naming the line of a value that cannot work.
 */
static int
up_load_config(const struct hf *hf, struct up_run *u)
{
	const struct sa_host *h = hf->host;

	if (h->config_int(hf->ctx, NULL, "max_pending", &u->max_pending) < 0 ||
	    h->config_int(hf->ctx, NULL, "max_pending_security",
	    &u->max_pending_security) < 0 ||
	    h->config_number(hf->ctx, NULL, "max_list_age", &u->max_list_age) < 0 ||
	    h->config_number(hf->ctx, NULL, "max_upgrade_age",
	    &u->max_upgrade_age) < 0 ||
	    h->config_number(hf->ctx, NULL, "eol_warning", &u->eol_warning) < 0) {
		h->log(hf->ctx, SA_LOG_ERROR, E_("cannot read the plugin's configuration"));
		return -EINVAL;
	}
	if (u->max_pending < 0)
		return cfgchk_fail(hf, NULL, "max_pending", 0,
		    E_("max_pending: must be 0 or more"));
	if (u->max_pending_security < 0)
		return cfgchk_fail(hf, NULL, "max_pending_security", 0,
		    E_("max_pending_security: must be 0 or more"));
	if (u->max_list_age <= 0)
		return cfgchk_fail(hf, NULL, "max_list_age", 0,
		    E_("max_list_age: must be longer than 0"));
	if (u->max_upgrade_age <= 0)
		return cfgchk_fail(hf, NULL, "max_upgrade_age", 0,
		    E_("max_upgrade_age: must be longer than 0"));
	return cfgchk_host_file(hf, NULL, "eol_table");
}

/* Before anything is audited: limits that can work, a table that opens. */
static int
updates_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct up_run u;

	memset(&u, 0, sizeof(u));
	return up_load_config(&hf, &u);
}

static int
updates_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct up_run u;
	struct eol_table table;
	struct stat st;
	const char *table_path = NULL;
	char *path, *data;
	size_t len;
	int r, debian, rhel;

	memset(&u, 0, sizeof(u));
	u.hf.host = host;
	u.hf.ctx = ctx;
	u.now = host->now(ctx);
	u.pending = u.pending_security = -1;
	/* Checked already by updates_check_config() unless the core predates it. */
	if ((r = up_load_config(&u.hf, &u)) != 0)
		return r;
	/* The table is our own input: a broken one stops the run (exit 3). */
	if (host->config_string(ctx, NULL, "eol_table", &table_path) == 0 &&
	    table_path[0] != '\0')
		path = hf_strdup(table_path);
	else
		path = hf_join(host->data_dir(ctx), "os-eol.rules");
	r = eol_load(&table, &u.hf, path);
	free(path);
	if (r < 0) {
		eol_free(&table);
		return SA_RUN_BAD_INPUT;
	}

	if ((u.os_error = hf_read(&u.hf, "/etc/os-release", 1024 * 1024, &data,
	    &len)) == 0 ||
	    hf_read(&u.hf, "/usr/lib/os-release", 1024 * 1024, &data, &len) == 0) {
		osr_parse(data, len, &u.os);
		free(data);
		u.have_os = 1;
	}
	debian = host->stat(ctx, "/var/lib/dpkg/status", 0, &st) != -ENOENT;
	rhel = !debian && (host->stat(ctx, "/var/lib/rpm", 0, &st) == 0 ||
	    host->stat(ctx, "/usr/lib/sysimage/rpm", 0, &st) == 0 ||
	    (u.have_os && (osr_is_like(&u.os, "rhel") ||
	    osr_is_like(&u.os, "fedora") || osr_is_like(&u.os, "centos"))));
	if (!debian && !rhel && !u.have_os) {
		host->log(ctx, SA_LOG_INFO, E_("no os-release and no dpkg or rpm "
		    "database: nothing to audit"));
		eol_free(&table);
		return SA_RUN_SKIPPED;
	}
	unit_db_load(&u.units, &u.hf);
	if (debian)
		up_debian(&u);
	else if (rhel)
		up_rhel(&u);
	else {
		char why[200];

		if (osr_is_like(&u.os, "debian"))
			snprintf(why, sizeof(why), E_("no /var/lib/dpkg/status on a "
			    "Debian-family system"));
		else
			snprintf(why, sizeof(why), E_("package manager of %s is not "
			    "supported (dpkg/apt and rpm/dnf are)"), u.os.id != NULL ?
			    u.os.id : E_("this system"));
		hf_report(&u.hf, "pending", SA_LEVEL_UNKNOWN, "/etc/os-release", why,
		    NULL, NULL);
		hf_report(&u.hf, "pending-security", SA_LEVEL_UNKNOWN, "/etc/os-release",
		    why, NULL, NULL);
	}
	up_eol(&u, &table);
	up_reboot(&u, debian);
	up_snap(&u);
	up_flatpak(&u);

	unit_db_free(&u.units);
	hf_names_free(&u.lists);
	osr_free(&u.os);
	eol_free(&table);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "updates",
	.version = "1.0",
	.description_en = "OS and software updates: pending and security "
	    "upgrades, automatic updates, end of support",
	.description_ja = "OS・ソフトウェアの更新: 未適用の更新とセキュリティ更新、"
	    "自動更新、サポート期限",
	.checks = updates_checks,
	.config = updates_config,
	.run = updates_run,
	.check_config = updates_check_config,
};
