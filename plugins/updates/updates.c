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

#include "eol.h"
#include "jsonpath.h"
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

void
up_report(struct up_run *u, const char *check, int level, const char *object,
    const char *evidence, const char *detail_en, const char *detail_ja)
{
	struct sa_finding f = {
		.struct_size = sizeof(f),
		.check = check,
		.level = level,
		.object = object,
		.evidence = evidence,
		.detail_en = detail_en,
		.detail_ja = detail_ja,
	};

	u->host->report(u->ctx, &f);
}

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
	r = u->host->open(u->ctx, path, 0, &fd);
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

	hf_format_time(t, stamp, sizeof(stamp));
	if (age < 0)
		snprintf(buf, size, "at %s (in the future)", stamp);
	else
		snprintf(buf, size, "at %s, %lld day%s ago", stamp, hf_days(age),
		    hf_days(age) == 1 ? "" : "s");
}

static void
up_day(time_t end, char *buf, size_t size)
{
	struct tm tm;
	time_t day = end - 86400;	/* the table stores the first day after */

	gmtime_r(&day, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
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
		snprintf(evidence, sizeof(evidence), "cannot read /etc/os-release: "
		    "%s; the release cannot be identified", u->os_error == -EINVAL ?
		    "not a regular file" : strerror(-u->os_error));
		up_report(u, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release", evidence,
		    NULL, NULL);
		return;
	}
	if (!u->have_os) {
		up_report(u, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release",
		    "no os-release file: the release cannot be identified", NULL, NULL);
		return;
	}
	label = osr_label(&u->os);
	if (u->os.version_id == NULL) {
		snprintf(evidence, sizeof(evidence), "%s has no VERSION_ID "
		    "(a testing, unstable or rolling release has no fixed end of "
		    "support)", label);
		up_report(u, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release", evidence,
		    NULL, NULL);
		free(label);
		return;
	}
	e = eol_match(t, &u->os);
	if (e == NULL) {
		snprintf(evidence, sizeof(evidence), "%s (ID %s, VERSION_ID %s) is "
		    "not in the release table %s", label, u->os.id != NULL ?
		    u->os.id : "-", u->os.version_id, t->path);
		up_report(u, "eol", SA_LEVEL_UNKNOWN, "/etc/os-release", evidence,
		    NULL, NULL);
		free(label);
		return;
	}
	free(label);
	label = hf_strdup(e->label != NULL ? e->label : e->name);
	up_day(e->eol, ends, sizeof(ends));
	left = (long long)(e->eol - u->now);
	if (left > u->eol_warning) {
		snprintf(evidence, sizeof(evidence), "%s: security support until %s",
		    label, ends);
		up_report(u, "eol", SA_LEVEL_IMPLEMENTED, label, evidence, NULL, NULL);
	} else if (left > 0) {
		snprintf(evidence, sizeof(evidence), "%s: security support ends %s "
		    "(in %lld days)", label, ends, hf_days(left));
		up_report(u, "eol", SA_LEVEL_PARTLY, label, evidence,
		    "Plan the upgrade now: support ends soon.",
		    "サポート終了が近づいています。今のうちにアップグレードを計画して"
		    "ください。");
	} else if (e->extended != 0 && u->now < e->extended) {
		up_day(e->extended, ext, sizeof(ext));
		if (e->extended_source != NULL &&
		    !up_has_list_from(u, e->extended_source)) {
			snprintf(evidence, sizeof(evidence), "%s: regular security "
			    "support ended %s; %s (until %s) is not set up (no apt "
			    "lists from %s)", label, ends, e->extended_label != NULL ?
			    e->extended_label : "extended support", ext,
			    e->extended_source);
			up_report(u, "eol", SA_LEVEL_NOT, label, evidence, NULL, NULL);
		} else {
			snprintf(evidence, sizeof(evidence), "%s: regular security "
			    "support ended %s; only %s until %s", label, ends,
			    e->extended_label != NULL ? e->extended_label :
			    "extended support", ext);
			snprintf(detail_en, sizeof(detail_en), "Extended support fixes "
			    "fewer packages than regular support; upgrade before %s.",
			    ext);
			snprintf(detail_ja, sizeof(detail_ja), "延長サポートで修正される"
			    "パッケージは通常より少なくなります。%s までにアップグレードして"
			    "ください。", ext);
			up_report(u, "eol", SA_LEVEL_PARTLY, label, evidence, detail_en,
			    detail_ja);
		}
	} else {
		if (e->extended != 0) {
			up_day(e->extended, ext, sizeof(ext));
			snprintf(evidence, sizeof(evidence), "%s: security support "
			    "ended %s, extended support %s", label, ends, ext);
		} else
			snprintf(evidence, sizeof(evidence), "%s: security support "
			    "ended %s", label, ends);
		up_report(u, "eol", SA_LEVEL_NOT, label, evidence, NULL, NULL);
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
		up_report(u, "reboot-required", SA_LEVEL_UNKNOWN, "/run",
		    "this distribution keeps no reboot-required marker; run "
		    "\"needs-restarting -r\"", NULL, NULL);
		return;
	}
	for (i = 0; markers[i] != NULL; i++) {
		r = u->host->stat(u->ctx, markers[i], 0, &st);
		if (r == -ENOENT || r == -ENOTDIR)
			continue;
		if (r < 0) {
			snprintf(evidence, sizeof(evidence), "%s: %s", markers[i],
			    strerror(-r));
			up_report(u, "reboot-required", SA_LEVEL_UNKNOWN, markers[i],
			    evidence, NULL, NULL);
			return;
		}
		up_when(u, st.st_mtime, when, sizeof(when));
		n = (size_t)snprintf(evidence, sizeof(evidence), "reboot requested %s",
		    when);
		path = hf_printf("%s.pkgs", markers[i]);
		if (u->host->read_file(u->ctx, path, 64 * 1024, &pkgs, &len) == 0) {
			char *p;

			for (p = pkgs; *p != '\0'; p++)
				if (*p == '\n')
					*p = ' ';
			if (n < sizeof(evidence))
				snprintf(evidence + n, sizeof(evidence) - n, " by %s",
				    hf_trim(pkgs));
			u->host->free(pkgs);
		}
		free(path);
		up_report(u, "reboot-required", SA_LEVEL_PARTLY, markers[i], evidence,
		    NULL, NULL);
		return;
	}
	/*
	 * No marker.  On a mounted image /run is an empty mount point: its
	 * emptiness says nothing about the machine when it runs.
	 */
	if (!u->host->is_live(u->ctx)) {
		r = hf_list(u->host, u->ctx, "/run", &run);
		n = run.n;
		hf_names_free(&run);
		if (r < 0 || n == 0) {
			up_report(u, "reboot-required", SA_LEVEL_UNKNOWN, "/run",
			    "/run is empty under --root: no run-time state to read",
			    NULL, NULL);
			return;
		}
	}
	up_report(u, "reboot-required", SA_LEVEL_IMPLEMENTED, "/run/reboot-required",
	    "no reboot-required marker", NULL, NULL);
}

/* RFC 3339 as snapd writes it: 2024-05-01T10:11:12.123456789+09:00 or Z. */
static int
up_rfc3339(const char *s, time_t *ret)
{
	struct tm tm;
	int n = 0, oh = 0, om = 0;
	long off = 0;
	const char *p;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 || n != 19)
		return -EINVAL;
	p = s + n;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p == '+' || *p == '-') {
		if (sscanf(p + 1, "%2d:%2d", &oh, &om) != 2)
			return -EINVAL;
		off = (oh * 3600L + om * 60L) * (*p == '-' ? -1 : 1);
	} else if (*p != 'Z')
		return -EINVAL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*ret = timegm(&tm) - off;
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

	if (hf_list(u->host, u->ctx, "/var/lib/snapd/snaps", &snaps) < 0)
		return;
	for (i = 0; i < snaps.n; i++)
		n += hf_has_suffix(snaps.v[i], ".snap");
	hf_names_free(&snaps);
	if (n == 0)
		return;
	svc = unit_state(&u->units, "snapd.service");
	if (u->units.systemd && (svc == UNIT_MASKED || svc == UNIT_DISABLED)) {
		snprintf(evidence, sizeof(evidence), "%zu snap%s installed; "
		    "snapd.service is %s: nothing refreshes them", n,
		    n == 1 ? "" : "s", unit_state_name(svc));
		up_report(u, "snap", SA_LEVEL_NOT, "snapd.service", evidence, NULL,
		    NULL);
		return;
	}
	r = u->host->read_file(u->ctx, state, 256u * 1024 * 1024, &data, &len);
	if (r < 0) {
		snprintf(evidence, sizeof(evidence), "%s: %s", state, strerror(-r));
		up_report(u, "snap", SA_LEVEL_UNKNOWN, state, evidence, NULL, NULL);
		return;
	}
	if (js_get(data, len, hold_path, &hold) < 0 ||
	    js_get(data, len, last_path, &last) < 0) {
		u->host->free(data);
		free(hold);
		up_report(u, "snap", SA_LEVEL_UNKNOWN, state, "not valid JSON", NULL,
		    NULL);
		return;
	}
	u->host->free(data);
	level = SA_LEVEL_IMPLEMENTED;
	if (hold != NULL && strcmp(hold, "forever") == 0) {
		level = SA_LEVEL_NOT;
		snprintf(evidence, sizeof(evidence), "%zu snap%s; refreshes are held "
		    "forever (refresh.hold)", n, n == 1 ? "" : "s");
	} else if (hold != NULL && up_rfc3339(hold, &t) == 0 && t > u->now) {
		level = SA_LEVEL_PARTLY;
		hf_format_time(t, when, sizeof(when));
		snprintf(evidence, sizeof(evidence), "%zu snap%s; refreshes are held "
		    "until %s", n, n == 1 ? "" : "s", when);
	} else if (last == NULL || up_rfc3339(last, &t) < 0) {
		level = SA_LEVEL_UNKNOWN;
		snprintf(evidence, sizeof(evidence), "%zu snap%s; no last refresh "
		    "time in %s", n, n == 1 ? "" : "s", state);
	} else {
		up_when(u, t, when, sizeof(when));
		snprintf(evidence, sizeof(evidence), "%zu snap%s; last refresh %s", n,
		    n == 1 ? "" : "s", when);
		if (u->now - t > u->max_list_age)
			level = SA_LEVEL_PARTLY;
	}
	up_report(u, "snap", level, state, evidence, NULL, NULL);
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
	char evidence[400], when[128], *a, *b, *c;
	const char *timer = NULL;
	size_t i, j, k;

	if (hf_list(u->host, u->ctx, base, &apps) < 0)
		return;
	if (apps.n == 0) {
		hf_names_free(&apps);
		return;
	}
	for (i = 0; i < apps.n; i++) {
		a = hf_join(base, apps.v[i]);
		if (hf_list(u->host, u->ctx, a, &arches) == 0) {
			for (j = 0; j < arches.n; j++) {
				b = hf_join(a, arches.v[j]);
				if (hf_list(u->host, u->ctx, b, &branches) == 0) {
					for (k = 0; k < branches.n; k++) {
						c = hf_join(b, branches.v[k]);
						if (hf_lstat(u->host, u->ctx, c, "active",
						    &st) == 0 && st.st_mtime > newest)
							newest = st.st_mtime;
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
		if (strstr(u->units.enabled.v[i], "flatpak") != NULL &&
		    hf_has_suffix(u->units.enabled.v[i], ".timer"))
			timer = u->units.enabled.v[i];
	if (newest != 0)
		up_when(u, newest, when, sizeof(when));
	else
		snprintf(when, sizeof(when), "unknown");
	if (timer != NULL) {
		snprintf(evidence, sizeof(evidence), "%zu flatpak app%s; %s enabled; "
		    "newest deploy %s", apps.n, apps.n == 1 ? "" : "s", timer, when);
		up_report(u, "flatpak", SA_LEVEL_IMPLEMENTED, base, evidence, NULL,
		    NULL);
	} else {
		snprintf(evidence, sizeof(evidence), "%zu flatpak app%s, newest "
		    "deploy %s; no system timer updates them", apps.n,
		    apps.n == 1 ? "" : "s", when);
		up_report(u, "flatpak", SA_LEVEL_UNKNOWN, base, evidence,
		    "Per-user automatic updates (GNOME Software, KDE Discover) are "
		    "not visible to smeaudit.",
		    "ユーザーごとの自動更新(GNOME ソフトウェア、KDE Discover)の設定"
		    "は smeaudit からは見えません。");
	}
	hf_names_free(&apps);
}

static int
up_config(struct up_run *u)
{
	const struct sa_host *h = u->host;

	if (h->config_int(u->ctx, NULL, "max_pending", &u->max_pending) < 0 ||
	    h->config_int(u->ctx, NULL, "max_pending_security",
	    &u->max_pending_security) < 0 ||
	    h->config_number(u->ctx, NULL, "max_list_age", &u->max_list_age) < 0 ||
	    h->config_number(u->ctx, NULL, "max_upgrade_age",
	    &u->max_upgrade_age) < 0 ||
	    h->config_number(u->ctx, NULL, "eol_warning", &u->eol_warning) < 0) {
		h->log(u->ctx, SA_LOG_ERROR, "cannot read the plugin's configuration");
		return -EINVAL;
	}
	return 0;
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
	u.host = host;
	u.ctx = ctx;
	u.now = host->now(ctx);
	u.pending = u.pending_security = -1;
	if ((r = up_config(&u)) < 0)
		return r;
	/* The table is our own input: a broken one stops the run (exit 3). */
	if (host->config_string(ctx, NULL, "eol_table", &table_path) == 0 &&
	    table_path[0] != '\0')
		path = hf_strdup(table_path);
	else
		path = hf_join(host->data_dir(ctx), "os-eol.rules");
	r = eol_load(&table, host, ctx, path);
	free(path);
	if (r < 0) {
		eol_free(&table);
		return SA_RUN_BAD_INPUT;
	}

	if ((u.os_error = host->read_file(ctx, "/etc/os-release", 1024 * 1024,
	    &data, &len)) == 0 || host->read_file(ctx, "/usr/lib/os-release",
	    1024 * 1024, &data, &len) == 0) {
		osr_parse(data, len, &u.os);
		host->free(data);
		u.have_os = 1;
	}
	debian = host->stat(ctx, "/var/lib/dpkg/status", 0, &st) != -ENOENT;
	rhel = !debian && (host->stat(ctx, "/var/lib/rpm", 0, &st) == 0 ||
	    host->stat(ctx, "/usr/lib/sysimage/rpm", 0, &st) == 0 ||
	    (u.have_os && (osr_is_like(&u.os, "rhel") ||
	    osr_is_like(&u.os, "fedora") || osr_is_like(&u.os, "centos"))));
	if (!debian && !rhel && !u.have_os) {
		host->log(ctx, SA_LOG_INFO, "no os-release and no dpkg or rpm "
		    "database: nothing to audit");
		eol_free(&table);
		return SA_RUN_SKIPPED;
	}
	unit_db_load(&u.units, host, ctx);
	if (debian)
		up_debian(&u);
	else if (rhel)
		up_rhel(&u);
	else {
		char why[200];

		if (osr_is_like(&u.os, "debian"))
			snprintf(why, sizeof(why), "no /var/lib/dpkg/status on a "
			    "Debian-family system");
		else
			snprintf(why, sizeof(why), "package manager of %s is not "
			    "supported (dpkg/apt and rpm/dnf are)", u.os.id != NULL ?
			    u.os.id : "this system");
		up_report(&u, "pending", SA_LEVEL_UNKNOWN, "/etc/os-release", why,
		    NULL, NULL);
		up_report(&u, "pending-security", SA_LEVEL_UNKNOWN, "/etc/os-release",
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
};
