/* SPDX-License-Identifier: MIT */
/*
 * screenlock: self-diagnosis item 14, a screen that locks when its user
 * walks away.  Desktops: GNOME (system dconf keyfiles and their locks),
 * KDE Plasma (kscreenlockerrc, system-wide and per user) and XFCE
 * (xfce4-screensaver's xfconf channel, system-wide and per user).  Text
 * consoles and SSH sessions: TMOUT in the shell start-up files.
 *
 * A host with no desktop session installed has nothing to lock on
 * screen: the desktop checks are then not applicable, and TMOUT is what
 * protects a console left open (required by default on such a host).
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/hostfiles.h"
#include "../lib/keyfile.h"
#include "../lib/tr.h"
#include "screenlock.h"

static const struct sa_check sl_checks[] = {
	{ "gnome", 14, 0, SA_SEV_MEDIUM,
	  "GNOME does not lock the screen in time, or users can turn it off",
	  "GNOME の画面ロックが間に合わない、または利用者が無効にできる",
	  "Create /etc/dconf/profile/user (user-db:user, system-db:local), set "
	  "idle-delay (org/gnome/desktop/session) and lock-enabled=true, "
	  "lock-delay (org/gnome/desktop/screensaver) in "
	  "/etc/dconf/db/local.d/00-screenlock, list the three keys in "
	  "/etc/dconf/db/local.d/locks/screenlock and run \"dconf update\".",
	  "/etc/dconf/profile/user(user-db:user と system-db:local)を作り、"
	  "/etc/dconf/db/local.d/00-screenlock で idle-delay"
	  "(org/gnome/desktop/session)と lock-enabled=true、lock-delay"
	  "(org/gnome/desktop/screensaver)を設定し、3 つのキーを "
	  "/etc/dconf/db/local.d/locks/screenlock に書いて「dconf update」を"
	  "実行してください。" },
	{ "kde", 14, 0, SA_SEV_MEDIUM,
	  "KDE Plasma does not lock the screen in time, or users can turn it off",
	  "KDE Plasma の画面ロックが間に合わない、または利用者が無効にできる",
	  "In /etc/xdg/kscreenlockerrc write a group \"[Daemon][$i]\" with "
	  "Autolock=true, Timeout=MINUTES and LockGrace=SECONDS; the [$i] marker "
	  "keeps users from changing it.",
	  "/etc/xdg/kscreenlockerrc に「[Daemon][$i]」グループを作り、"
	  "Autolock=true、Timeout=分、LockGrace=秒 を書いてください。[$i] を"
	  "付けると利用者は変更できません。" },
	{ "xfce", 14, 0, SA_SEV_MEDIUM,
	  "XFCE does not lock the screen in time, or users can turn it off",
	  "XFCE の画面ロックが間に合わない、または利用者が無効にできる",
	  "Install xfce4-screensaver and set /saver/idle-activation/delay, "
	  "/lock/enabled and /lock/saver-activation in "
	  "/etc/xdg/xfce4/xfconf/xfce-perchannel-xml/xfce4-screensaver.xml, "
	  "with locked=\"*\" on the channel so that users cannot change them.",
	  "xfce4-screensaver を導入し、/etc/xdg/xfce4/xfconf/xfce-perchannel-xml/"
	  "xfce4-screensaver.xml で /saver/idle-activation/delay、/lock/enabled、"
	  "/lock/saver-activation を設定し、channel に locked=\"*\" を付けて"
	  "利用者が変更できないようにしてください。" },
	{ "desktop", 14, 0, SA_SEV_LOW,
	  "Desktop screen lock: no desktop here, or one smeaudit cannot assess",
	  "デスクトップの画面ロック: デスクトップがない、または smeaudit が判定できない",
	  "Check this desktop's automatic screen lock by hand and answer item 14 "
	  "in the answers file.",
	  "このデスクトップの自動画面ロックを手で確認し、項目 14 を回答ファイルで"
	  "回答してください。" },
	{ "console-timeout", 14, 0, SA_SEV_MEDIUM,
	  "Idle shell sessions are not logged out (TMOUT)",
	  "放置されたシェルが自動でログアウトされない(TMOUT)",
	  "Add /etc/profile.d/tmout.sh with \"readonly TMOUT=600; export TMOUT\" "
	  "(seconds, at most max_idle) so that consoles and SSH sessions left "
	  "open end by themselves.",
	  "/etc/profile.d/tmout.sh に「readonly TMOUT=600; export TMOUT」"
	  "(秒。max_idle 以下)を書き、放置されたコンソールや SSH の接続が"
	  "自動で終了するようにしてください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key sl_config[] = {
	{ "max_idle", SA_CONFIG_DURATION, "10m", 0,
	  "Longest idle time before the screen (or a shell) must be locked.",
	  "画面(またはシェル)をロックするまでに許す最長の放置時間。" },
	{ "require_enforced", SA_CONFIG_BOOL, "yes", 0,
	  "Count a lock setting as implemented only when users cannot change it "
	  "(dconf locks, KDE [$i], xfconf locked, readonly TMOUT); otherwise "
	  "it is partly implemented.",
	  "利用者が変更できない設定(dconf の locks、KDE の [$i]、xfconf の "
	  "locked、readonly の TMOUT)だけを実施済みとする。そうでなければ"
	  "一部実施とする。" },
	{ "console_timeout", SA_CONFIG_STRING, "auto", 0,
	  "TMOUT policy: require (a missing TMOUT fails item 14), inform "
	  "(reported, no effect on the score unless it is set), ignore, or auto "
	  "(require on hosts without a desktop, inform on desktops).",
	  "TMOUT の方針。require(未設定は項目 14 の不備)、inform(報告のみ。"
	  "設定されていれば対策として数える)、ignore(確認しない)、auto"
	  "(デスクトップのないホストでは require、デスクトップでは inform)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

enum sl_console { SL_CON_AUTO, SL_CON_REQUIRE, SL_CON_INFORM, SL_CON_IGNORE };

#define SL_MAX_USERS 512
#define SL_MAX_DBS 8

struct sl_user {
	char name[64];
	uid_t uid;
	char home[512];
};

struct sl_run {
	struct hf hf;
	int64_t max_idle;
	int require_enforced;
	enum sl_console console;
	int desktop;		/* a desktop session or display manager exists */
	int gnome, kde, xfce;
	char others[256];	/* sessions of desktops not assessed */
	struct sl_user *users;
	size_t n_users;
	int users_loaded;
};

/*
 * The level of a lock setting: never locks -> 0; locks later than
 * max_idle -> 2; in time but users may change it -> 2 when enforcement
 * is required; in time and enforced -> 4.
 */
static int
sl_level(const struct sl_run *s, int locks, unsigned long long seconds,
    int enforced)
{
	if (!locks)
		return SA_LEVEL_NOT;
	if (seconds > (unsigned long long)s->max_idle)
		return SA_LEVEL_PARTLY;
	if (!enforced && s->require_enforced)
		return SA_LEVEL_PARTLY;
	return SA_LEVEL_IMPLEMENTED;
}

static void
sl_append(char *buf, size_t size, const char *what)
{
	size_t len = strlen(buf);

	if (len + 1 < size)
		hf_format(buf + len, size - len, "%s%s", len > 0 ? " " : "", what);
}

/* Which desktops are installed: their session files. */
static void
sl_detect_desktops(struct sl_run *s)
{
	static const char *const dirs[] = {
		"/usr/share/xsessions", "/usr/share/wayland-sessions", NULL
	};
	struct hf_names names;
	char base[128];
	size_t i, k;

	for (k = 0; dirs[k] != NULL; k++) {
		if (hf_list(&s->hf, dirs[k], ".desktop", &names) < 0)
			continue;
		for (i = 0; i < names.n; i++) {
			hf_format(base, sizeof(base), "%.*s",
			    (int)(strlen(names.v[i]) - 8), names.v[i]);
			s->desktop = 1;
			if (strncasecmp(base, "gnome", 5) == 0 ||
			    strncasecmp(base, "ubuntu", 6) == 0)
				s->gnome = 1;
			else if (strncasecmp(base, "plasma", 6) == 0 ||
			    strncasecmp(base, "kde", 3) == 0)
				s->kde = 1;
			else if (strncasecmp(base, "xfce", 4) == 0)
				s->xfce = 1;
			else if (strstr(s->others, base) == NULL)
				sl_append(s->others, sizeof(s->others), base);
		}
		hf_names_free(&names);
	}
	if (!s->desktop && hf_exists(&s->hf,
	    "/etc/systemd/system/display-manager.service") == 1) {
		s->desktop = 1;
		sl_append(s->others, sizeof(s->others),
		    E_("(display manager enabled, no session file)"));
	}
}

/* Accounts that may log in to a desktop: /etc/passwd, UID_MIN and up. */
static void
sl_load_users(struct sl_run *s)
{
	struct hf_lines it;
	const char *line;
	char *data, field[7][512];
	unsigned long long uid, uid_min = 1000, v;
	size_t n, f, k, fl;
	char *p;

	if (s->users_loaded)
		return;
	s->users_loaded = 1;
	if (hf_read(&s->hf, "/etc/login.defs", HF_MAX_CONFIG, &data, &n) == 0) {
		for (p = data; (p = strstr(p, "UID_MIN")) != NULL; p += 7)
			if ((p == data || p[-1] == '\n') &&
			    sscanf(p + 7, " %llu", &v) == 1)
				uid_min = v;
		free(data);
	}
	if (hf_read(&s->hf, "/etc/passwd", HF_MAX_CONFIG * 16, &data, &n) < 0)
		return;
	s->users = calloc(SL_MAX_USERS, sizeof(*s->users));
	if (s->users == NULL)
		abort();
	hf_lines_init(&it, data, n);
	while (hf_lines_next(&it, &line, &n) && s->n_users < SL_MAX_USERS) {
		for (f = 0, k = 0; f < 7; f++) {
			fl = 0;
			while (k < n && line[k] != ':') {
				if (fl + 1 < sizeof(field[f]))
					field[f][fl++] = line[k];
				k++;
			}
			field[f][fl] = '\0';
			k++;
		}
		if (field[0][0] == '\0' || field[0][0] == '#' || field[0][0] == '+' ||
		    hf_parse_uint(field[2], &uid) < 0 || uid < uid_min ||
		    uid >= 65534 || field[5][0] != '/')
			continue;
		fl = strlen(field[6]);
		if ((fl >= 7 && strcmp(field[6] + fl - 7, "nologin") == 0) ||
		    (fl >= 5 && strcmp(field[6] + fl - 5, "false") == 0))
			continue;	/* cannot log in to a session */
		hf_format(s->users[s->n_users].name, sizeof(s->users[0].name), "%s",
		    field[0]);
		s->users[s->n_users].uid = (uid_t)uid;
		hf_format(s->users[s->n_users].home, sizeof(s->users[0].home), "%s",
		    field[5]);
		s->n_users++;
	}
	free(data);
}

/*
 * A user's file that was not read.  Several users' reasons end up in one
 * finding, which keeps one evidence text: each object carries its own.
 */
static void
sl_user_unreadable(struct sl_run *s, const char *check, const char *object,
    int error)
{
	char what[800];

	hf_format(what, sizeof(what), "%s: %s", object,
	    error == -EPERM ? E_("not owned by the user, not read") :
	    error == -EBADMSG ? E_("a setting is not understood") : hf_strerror(error));
	sa_report(s->hf.host, s->hf.ctx, check, SA_LEVEL_UNKNOWN, what,
	    E_("a user's settings could not be assessed"));
}

/* GNOME: system dconf databases. */

enum { SL_G_IDLE, SL_G_LOCK_ENABLED, SL_G_LOCK_DELAY, SL_G_KEYS };

static const char *const sl_gnome_keys[SL_G_KEYS] = {
	"/org/gnome/desktop/session/idle-delay",
	"/org/gnome/desktop/screensaver/lock-enabled",
	"/org/gnome/desktop/screensaver/lock-delay",
};

struct sl_gnome_db {
	int set[SL_G_KEYS];
	unsigned long long value[SL_G_KEYS];
	int bad[SL_G_KEYS];
	char file[SL_G_KEYS][300];
	const char *current;	/* the keyfile being read */
};

static int
sl_gnome_key(void *user, const char *section, const char *key,
    const char *value, unsigned int line)
{
	struct sl_gnome_db *db = user;
	char full[512];
	int k, b = 0;

	hf_format(full, sizeof(full), "/%s/%s", section, key);
	for (k = 0; k < SL_G_KEYS; k++) {
		if (strcmp(full, sl_gnome_keys[k]) != 0)
			continue;
		/* Later keyfiles of a database override earlier ones. */
		db->set[k] = 1;
		if (k == SL_G_LOCK_ENABLED) {
			db->bad[k] = sl_gvariant_bool(value, &b) < 0;
			db->value[k] = (unsigned long long)(b == 1);
		} else
			db->bad[k] = sl_gvariant_uint(value, &db->value[k]) < 0;
		hf_format(db->file[k], sizeof(db->file[k]), "%s:%u", db->current, line);
	}
	return 0;
}

static void
sl_gnome(struct sl_run *s)
{
	char *data, dbs[SL_MAX_DBS][64], dir[256], path[600], why[1024];
	char object[320], locked_list[128] = "", stale[128] = "";
	unsigned long long value[SL_G_KEYS] = { 300, 1, 0 };
	char from[SL_G_KEYS][300] = { "default", "default", "default" };
	int set[SL_G_KEYS] = { 0, 0, 0 }, locked[SL_G_KEYS] = { 0, 0, 0 };
	struct sl_gnome_db *db;
	struct hf_lines it;
	struct stat st;
	const char *line;
	size_t n_dbs = 0, n, i, k, len;
	struct hf_names names;
	time_t newest;
	int r, level, enforced, profile;

	for (k = 0; k < SL_G_KEYS; k++)
		hf_format(from[k], sizeof(from[k]), "%s", E_("default"));
	/* Which system databases the user profile layers under the user's own. */
	r = hf_read(&s->hf, "/etc/dconf/profile/user", HF_MAX_CONFIG, &data, &len);
	profile = r == 0;
	if (r < 0 && r != -ENOENT) {
		sa_report(s->hf.host, s->hf.ctx, "gnome", SA_LEVEL_UNKNOWN,
		    "/etc/dconf/profile/user", hf_strerror(r));
		return;
	}
	if (r == 0) {
		hf_lines_init(&it, data, len);
		while (hf_lines_next(&it, &line, &n) && n_dbs < SL_MAX_DBS) {
			line = hf_trim(line, &n);
			if (n > 10 && strncmp(line, "system-db:", 10) == 0)
				hf_format(dbs[n_dbs++], sizeof(dbs[0]), "%.*s", (int)(n - 10),
				    line + 10);
		}
		free(data);
	}
	db = calloc(SL_MAX_DBS, sizeof(*db));
	if (db == NULL)
		abort();
	for (i = 0; i < n_dbs; i++) {
		hf_format(dir, sizeof(dir), "/etc/dconf/db/%s.d", dbs[i]);
		newest = 0;
		if (hf_list(&s->hf, dir, NULL, &names) < 0)
			continue;
		for (k = 0; k < names.n; k++) {
			hf_format(path, sizeof(path), "%s/%s", dir, names.v[k]);
			if (hf_read(&s->hf, path, HF_MAX_CONFIG, &data, &len) < 0)
				continue;	/* the locks directory, mostly */
			if (s->hf.host->stat(s->hf.ctx, path, 0, &st) == 0 &&
			    st.st_mtime > newest)
				newest = st.st_mtime;
			db[i].current = path;
			kf_parse(data, len, sl_gnome_key, &db[i]);
			free(data);
		}
		hf_names_free(&names);
		/* Locks: one key path per line, in any file of locks/. */
		hf_format(path, sizeof(path), "%s/locks", dir);
		if (hf_list(&s->hf, path, NULL, &names) == 0) {
			for (k = 0; k < names.n; k++) {
				hf_format(path, sizeof(path), "%s/locks/%s", dir,
				    names.v[k]);
				if (hf_read(&s->hf, path, HF_MAX_CONFIG, &data, &len) < 0)
					continue;
				if (s->hf.host->stat(s->hf.ctx, path, 0, &st) == 0 &&
				    st.st_mtime > newest)
					newest = st.st_mtime;
				hf_lines_init(&it, data, len);
				while (hf_lines_next(&it, &line, &n)) {
					line = hf_trim(line, &n);
					for (r = 0; r < SL_G_KEYS; r++)
						if (hf_word_eq(line, n, sl_gnome_keys[r], 0))
							locked[r] = 1;
				}
				free(data);
			}
			hf_names_free(&names);
		}
		/* dconf reads the compiled database, not the keyfiles. */
		hf_format(path, sizeof(path), "/etc/dconf/db/%s", dbs[i]);
		if (newest > 0 && (s->hf.host->stat(s->hf.ctx, path, 0, &st) < 0 ||
		    st.st_mtime < newest))
			sl_append(stale, sizeof(stale), dbs[i]);
		/* The first database in the profile that sets a key wins. */
		for (r = 0; r < SL_G_KEYS; r++) {
			if (!db[i].set[r] || set[r])
				continue;
			if (db[i].bad[r]) {
				hf_format(why, sizeof(why), E_("%s: value of %s not understood"),
				    db[i].file[r], sl_gnome_keys[r]);
				sa_report(s->hf.host, s->hf.ctx, "gnome", SA_LEVEL_UNKNOWN,
				    "GNOME (dconf)", why);
				free(db);
				return;
			}
			set[r] = 1;
			value[r] = db[i].value[r];
			hf_format(from[r], sizeof(from[r]), "%s", db[i].file[r]);
		}
	}
	free(db);
	for (r = 0; r < SL_G_KEYS; r++)
		if (locked[r])
			sl_append(locked_list, sizeof(locked_list),
			    strrchr(sl_gnome_keys[r], '/') + 1);
	enforced = locked[SL_G_IDLE] && locked[SL_G_LOCK_ENABLED] &&
	    locked[SL_G_LOCK_DELAY] && stale[0] == '\0';
	level = sl_level(s, value[SL_G_LOCK_ENABLED] != 0 && value[SL_G_IDLE] != 0,
	    value[SL_G_IDLE] + value[SL_G_LOCK_DELAY], enforced);
	if (stale[0] != '\0' && level == SA_LEVEL_IMPLEMENTED)
		level = SA_LEVEL_PARTLY;
	hf_format(why, sizeof(why), E_("idle-delay=%llus (%s), lock-enabled=%s (%s), "
	    "lock-delay=%llus (%s); locked: %s%s%s%s"),
	    value[SL_G_IDLE], from[SL_G_IDLE],
	    value[SL_G_LOCK_ENABLED] ? "true" : "false", from[SL_G_LOCK_ENABLED],
	    value[SL_G_LOCK_DELAY], from[SL_G_LOCK_DELAY],
	    locked_list[0] != '\0' ? locked_list : E_("none"),
	    stale[0] != '\0' ? E_("; not compiled, run dconf update: ") : "", stale,
	    profile ? "" : E_("; no /etc/dconf/profile/user, so no system settings apply"));
	hf_format(object, sizeof(object), "GNOME (%s)", n_dbs > 0 ?
	    E_("dconf system databases") : E_("built-in defaults"));
	sa_report(s->hf.host, s->hf.ctx, "gnome", level, object, why);
}

/* KDE Plasma */

struct sl_kde_eff {
	int autolock;
	double timeout_min;
	long grace_s;
	int require_password;
};

static void
sl_kde_apply(struct sl_kde_eff *e, const struct sl_kde *k, int respect_locks,
    const struct sl_kde *sys)
{
	int all = respect_locks && (sys->immutable_file || sys->immutable_group);

	if (k->autolock >= 0 && !(all || (respect_locks && sys->immutable_autolock)))
		e->autolock = k->autolock;
	if (k->timeout_min >= 0 && !(all || (respect_locks && sys->immutable_timeout)))
		e->timeout_min = k->timeout_min;
	if (k->grace_s >= 0 && !(all || (respect_locks && sys->immutable_grace)))
		e->grace_s = k->grace_s;
	if (k->require_password >= 0 && !all)
		e->require_password = k->require_password;
}

static int
sl_kde_level(const struct sl_run *s, const struct sl_kde_eff *e, int enforced,
    char *why, size_t size, const char *from)
{
	unsigned long long secs = (unsigned long long)(e->timeout_min * 60.0) +
	    (unsigned long long)e->grace_s;

	hf_format(why, size, E_("Autolock=%s, Timeout=%g min, LockGrace=%lds%s (%s)"),
	    e->autolock ? "true" : "false", e->timeout_min, e->grace_s,
	    e->require_password == 0 ? ", RequirePassword=false" : "", from);
	return sl_level(s, e->autolock && e->require_password != 0 &&
	    e->timeout_min > 0, secs, enforced);
}

static void
sl_kde(struct sl_run *s)
{
	static const char sys_path[] = "/etc/xdg/kscreenlockerrc";
	struct sl_kde_eff def = { 1, 5, 5, 1 }, eff;
	struct sl_kde sys, usr;
	char why[600], object[700], path[700], *data;
	size_t len, i;
	int r, enforced, level;

	sl_kde_init(&sys);
	r = hf_read(&s->hf, sys_path, HF_MAX_CONFIG, &data, &len);
	if (r < 0 && r != -ENOENT) {
		sa_report(s->hf.host, s->hf.ctx, "kde", SA_LEVEL_UNKNOWN, sys_path,
		    hf_strerror(r));
		return;
	}
	if (r == 0) {
		sl_kde_parse(data, len, &sys);
		free(data);
		if (sys.bad_value) {
			sa_report(s->hf.host, s->hf.ctx, "kde", SA_LEVEL_UNKNOWN, sys_path,
			    E_("a [Daemon] value is not understood"));
			return;
		}
	}
	eff = def;
	sl_kde_apply(&eff, &sys, 0, &sys);
	enforced = sys.immutable_file || sys.immutable_group ||
	    (sys.immutable_autolock && sys.immutable_timeout && sys.immutable_grace);
	level = sl_kde_level(s, &eff, enforced, why, sizeof(why),
	    r == 0 ? (enforced ? E_("system, immutable") : E_("system, users may change it")) :
	    E_("built-in defaults, users may change them"));
	sa_report(s->hf.host, s->hf.ctx, "kde", level,
	    r == 0 ? sys_path : E_("KDE Plasma (no /etc/xdg/kscreenlockerrc)"), why);
	if (sys.immutable_file || sys.immutable_group)
		return;		/* nobody can differ from the system's values */
	/* Users' own settings, where readable. */
	sl_load_users(s);
	for (i = 0; i < s->n_users; i++) {
		hf_format(path, sizeof(path), "%s/.config/kscreenlockerrc",
		    s->users[i].home);
		hf_format(object, sizeof(object), E_("%s (user %s)"), path,
		    s->users[i].name);
		r = hf_read_owned(&s->hf, path, s->users[i].uid, HF_MAX_USER_FILE,
		    &data, &len);
		if (r == -ENOENT || r == -ENOTDIR)
			continue;
		if (r < 0) {
			sl_user_unreadable(s, "kde", object, r);
			continue;
		}
		sl_kde_init(&usr);
		sl_kde_parse(data, len, &usr);
		free(data);
		if (usr.autolock < 0 && usr.timeout_min < 0 && usr.grace_s < 0 &&
		    usr.require_password < 0)
			continue;	/* the system's values apply */
		if (usr.bad_value) {
			sl_user_unreadable(s, "kde", object, -EBADMSG);
			continue;
		}
		eff = def;
		sl_kde_apply(&eff, &sys, 0, &sys);
		sl_kde_apply(&eff, &usr, 1, &sys);
		/* The user's own choice: judged by its timing only. */
		level = sl_kde_level(s, &eff, 1, why, sizeof(why), E_("user's settings"));
		sa_report(s->hf.host, s->hf.ctx, "kde", level, object, why);
	}
}

/* XFCE: xfce4-screensaver's xfconf channel. */

enum {
	SL_X_SAVER, SL_X_IDLE_ON, SL_X_IDLE_DELAY, SL_X_LOCK, SL_X_LOCK_SAVER,
	SL_X_LOCK_DELAY, SL_X_KEYS
};

static const char *const sl_xfce_props[SL_X_KEYS] = {
	"/saver/enabled", "/saver/idle-activation/enabled",
	"/saver/idle-activation/delay", "/lock/enabled",
	"/lock/saver-activation/enabled", "/lock/saver-activation/delay",
};

struct sl_xfce {
	long value[SL_X_KEYS];	/* -1 unset; bools 0/1, delays in minutes */
	int locked[SL_X_KEYS];
	int bad;
};

static void
sl_xfce_prop(void *user, const struct sl_xfconf_prop *p)
{
	struct sl_xfce *x = user;
	unsigned long long v;
	int k, b;

	for (k = 0; k < SL_X_KEYS; k++) {
		if (strcmp(p->path, sl_xfce_props[k]) != 0)
			continue;
		if (strcmp(p->type, "bool") == 0 && sl_gvariant_bool(p->value, &b) == 0)
			x->value[k] = b;
		else if (strcmp(p->type, "bool") != 0 &&
		    hf_parse_uint(p->value, &v) == 0 && v < 100000)
			x->value[k] = (long)v;
		else
			x->bad = 1;
		x->locked[k] |= p->locked;
	}
}

static void
sl_xfce_init(struct sl_xfce *x)
{
	int k;

	memset(x, 0, sizeof(*x));
	for (k = 0; k < SL_X_KEYS; k++)
		x->value[k] = -1;
}

/* 0 parsed (or absent: *present 0), or an error to report. */
static int
sl_xfce_read(struct sl_run *s, const char *path, uid_t uid, int user,
    struct sl_xfce *x, int *present)
{
	char *data;
	size_t len;
	int r;

	*present = 0;
	r = user ? hf_read_owned(&s->hf, path, uid, HF_MAX_USER_FILE, &data, &len) :
	    hf_read(&s->hf, path, HF_MAX_CONFIG, &data, &len);
	if (r == -ENOENT || r == -ENOTDIR)
		return 0;
	if (r < 0)
		return r;
	*present = 1;
	r = sl_xfconf_parse(data, len, sl_xfce_prop, x);
	free(data);
	return r < 0 || x->bad ? -EBADMSG : 0;
}

static int
sl_xfce_level(const struct sl_run *s, const long *v, int enforced, char *why,
    size_t size, const char *from)
{
	int locks = v[SL_X_SAVER] != 0 && v[SL_X_IDLE_ON] != 0 &&
	    v[SL_X_LOCK] != 0 && v[SL_X_LOCK_SAVER] != 0;

	hf_format(why, size, E_("saver %s, idle activation %s after %ld min, lock %s, "
	    "lock on activation %s after %ld min (%s)"),
	    v[SL_X_SAVER] ? E_("on") : E_("off"), v[SL_X_IDLE_ON] ? E_("on") : E_("off"),
	    v[SL_X_IDLE_DELAY], v[SL_X_LOCK] ? E_("on") : E_("off"),
	    v[SL_X_LOCK_SAVER] ? E_("on") : E_("off"), v[SL_X_LOCK_DELAY], from);
	return sl_level(s, locks, (unsigned long long)(v[SL_X_IDLE_DELAY] +
	    v[SL_X_LOCK_DELAY]) * 60, enforced);
}

static void
sl_xfce(struct sl_run *s)
{
	static const char sys_path[] =
	    "/etc/xdg/xfce4/xfconf/xfce-perchannel-xml/xfce4-screensaver.xml";
	/* xfce4-screensaver's defaults. */
	static const long def[SL_X_KEYS] = { 1, 1, 5, 1, 1, 0 };
	struct sl_xfce sys, usr;
	long eff[SL_X_KEYS];
	char why[600], object[700], path[700];
	int r, k, present, enforced, level, all_locked = 1, any;
	size_t i;

	if (hf_exists(&s->hf, "/usr/bin/xfce4-screensaver") != 1) {
		if (hf_exists(&s->hf, "/usr/bin/light-locker") == 1 ||
		    hf_exists(&s->hf, "/usr/bin/xscreensaver") == 1)
			sa_report(s->hf.host, s->hf.ctx, "xfce", SA_LEVEL_UNKNOWN,
			    "XFCE", E_("locks through light-locker or xscreensaver, whose "
			    "timing lives in per-session settings smeaudit does not read"));
		else
			sa_report(s->hf.host, s->hf.ctx, "xfce", SA_LEVEL_NOT, "XFCE",
			    E_("no screen locker installed (xfce4-screensaver, light-locker, "
			    "xscreensaver)"));
		return;
	}
	sl_xfce_init(&sys);
	r = sl_xfce_read(s, sys_path, 0, 0, &sys, &present);
	if (r < 0) {
		sa_report(s->hf.host, s->hf.ctx, "xfce", SA_LEVEL_UNKNOWN, sys_path,
		    r == -EBADMSG ? E_("not understood") : hf_strerror(r));
		return;
	}
	for (k = 0; k < SL_X_KEYS; k++) {
		eff[k] = sys.value[k] >= 0 ? sys.value[k] : def[k];
		all_locked &= sys.locked[k];
	}
	enforced = present && all_locked;
	level = sl_xfce_level(s, eff, enforced, why, sizeof(why),
	    !present ? E_("built-in defaults, users may change them") :
	    enforced ? E_("system, locked") : E_("system, users may change it"));
	sa_report(s->hf.host, s->hf.ctx, "xfce", level,
	    present ? sys_path : E_("XFCE (no system xfce4-screensaver.xml)"), why);
	if (enforced)
		return;
	sl_load_users(s);
	for (i = 0; i < s->n_users; i++) {
		hf_format(path, sizeof(path), "%s/.config/xfce4/xfconf/"
		    "xfce-perchannel-xml/xfce4-screensaver.xml", s->users[i].home);
		hf_format(object, sizeof(object), E_("%s (user %s)"), path,
		    s->users[i].name);
		sl_xfce_init(&usr);
		r = sl_xfce_read(s, path, s->users[i].uid, 1, &usr, &present);
		if (r < 0) {
			sl_user_unreadable(s, "xfce", object, r);
			continue;
		}
		for (k = 0, any = 0; k < SL_X_KEYS; k++)
			if (usr.value[k] >= 0 && !sys.locked[k]) {
				eff[k] = usr.value[k];
				any = 1;
			} else
				eff[k] = sys.value[k] >= 0 ? sys.value[k] : def[k];
		if (!present || !any)
			continue;
		level = sl_xfce_level(s, eff, 1, why, sizeof(why), E_("user's settings"));
		sa_report(s->hf.host, s->hf.ctx, "xfce", level, object, why);
	}
}

/* Consoles: TMOUT, in the order a login shell sources the files. */
static void
sl_console(struct sl_run *s)
{
	static const char *const fixed[] = {
		"/etc/profile", NULL, "/etc/bash.bashrc", "/etc/bashrc"
	};
	struct sl_tmout t;
	enum sl_console mode = s->console;
	struct hf_names names;
	char path[512], why[600], *data;
	size_t i, f, len;
	int level, r;

	if (mode == SL_CON_IGNORE)
		return;
	if (mode == SL_CON_AUTO)
		mode = s->desktop ? SL_CON_INFORM : SL_CON_REQUIRE;
	memset(&t, 0, sizeof(t));
	r = hf_list(&s->hf, "/etc/profile.d", ".sh", &names);
	if (r < 0 && r != -ENOENT) {
		sa_report(s->hf.host, s->hf.ctx, "console-timeout", SA_LEVEL_UNKNOWN,
		    "/etc/profile.d", hf_strerror(r));
		return;
	}
	for (f = 0; f < sizeof(fixed) / sizeof(fixed[0]); f++) {
		/* fixed[1] stands for /etc/profile.d/\*.sh. */
		for (i = 0; i < (fixed[f] == NULL ? names.n : 1); i++) {
			if (fixed[f] == NULL)
				hf_format(path, sizeof(path), "/etc/profile.d/%s",
				    names.v[i]);
			else
				hf_format(path, sizeof(path), "%s", fixed[f]);
			r = hf_read(&s->hf, path, HF_MAX_CONFIG, &data, &len);
			if (r == -ENOENT)
				continue;
			if (r < 0) {
				/* An unread file may set or unset TMOUT. */
				sa_report(s->hf.host, s->hf.ctx, "console-timeout",
				    SA_LEVEL_UNKNOWN, path, hf_strerror(r));
				hf_names_free(&names);
				return;
			}
			sl_tmout_parse(data, len, path, &t);
			free(data);
		}
	}
	hf_names_free(&names);
	if (t.set && t.dynamic) {
		sa_report(s->hf.host, s->hf.ctx, "console-timeout", SA_LEVEL_UNKNOWN,
		    t.where, E_("TMOUT is set from a variable or command"));
		return;
	}
	if (!t.set || t.seconds == 0) {
		level = SA_LEVEL_NOT;
		hf_format(why, sizeof(why), "%s", t.set ? E_("TMOUT=0 (never)") :
		    E_("no TMOUT in /etc/profile, /etc/profile.d/*.sh, /etc/bash.bashrc"));
	} else {
		level = sl_level(s, 1, t.seconds, t.readonly && !t.conditional);
		if (t.conditional && level == SA_LEVEL_IMPLEMENTED)
			level = SA_LEVEL_PARTLY;
		hf_format(why, sizeof(why), "TMOUT=%llus%s%s", t.seconds,
		    t.readonly ? E_(", readonly") : E_(", not readonly (users may unset it)"),
		    t.conditional ? E_(", set only under a condition") : "");
	}
	if (mode == SL_CON_INFORM && level != SA_LEVEL_IMPLEMENTED) {
		/* A desktop host: the screen lock is what item 14 asks for. */
		len = strlen(why);
		hf_format(why + len, sizeof(why) - len, E_(" (console_timeout: inform)"));
		level = SA_LEVEL_NA;
	}
	sa_report(s->hf.host, s->hf.ctx, "console-timeout", level,
	    t.set ? t.where : "TMOUT", why);
}

/*
 * max_idle, require_enforced and console_timeout.  Returns 0, or
 * SA_RUN_BAD_INPUT after naming the line of the value that cannot be used.
 */
static int
sl_load_config(const struct hf *hf, struct sl_run *s)
{
	static const char *const modes[] = {
		[SL_CON_AUTO] = "auto", [SL_CON_REQUIRE] = "require",
		[SL_CON_INFORM] = "inform", [SL_CON_IGNORE] = "ignore",
	};
	const char *console;
	size_t i;

	if (hf->host->config_number(hf->ctx, NULL, "max_idle", &s->max_idle) < 0 ||
	    hf->host->config_bool(hf->ctx, NULL, "require_enforced",
	    &s->require_enforced) < 0 ||
	    hf->host->config_string(hf->ctx, NULL, "console_timeout", &console) < 0)
		return -EINVAL;
	if (s->max_idle <= 0)
		return cfgchk_fail(hf, NULL, "max_idle", 0,
		    E_("max_idle: must be longer than 0"));
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(console, modes[i]) == 0)
			break;
	if (i == sizeof(modes) / sizeof(modes[0]))
		return cfgchk_fail(hf, NULL, "console_timeout", 0, E_("console_timeout: "
		    "\"%s\" is not one of auto, require, inform, ignore"), console);
	s->console = (enum sl_console)i;
	return 0;
}

static int
sl_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct sl_run s;

	memset(&s, 0, sizeof(s));
	return sl_load_config(&hf, &s);
}

static int
sl_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct sl_run s;
	int r;

	memset(&s, 0, sizeof(s));
	s.hf.host = host;
	s.hf.ctx = ctx;
	/* Checked already by sl_check_config() unless the core predates it. */
	if ((r = sl_load_config(&s.hf, &s)) != 0)
		return r;
	sl_detect_desktops(&s);
	if (!s.desktop)
		sa_report(host, ctx, "desktop", SA_LEVEL_NA, NULL,
		    E_("no desktop session installed (/usr/share/xsessions, "
		    "/usr/share/wayland-sessions) and no display manager"));
	if (s.gnome)
		sl_gnome(&s);
	if (s.kde)
		sl_kde(&s);
	if (s.xfce)
		sl_xfce(&s);
	if (s.others[0] != '\0')
		sa_report(host, ctx, "desktop", SA_LEVEL_UNKNOWN, s.others,
		    E_("screen lock of this desktop is not assessed"));
	sl_console(&s);
	free(s.users);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "screenlock",
	.version = "1.0",
	.description_en = "Automatic screen lock of GNOME, KDE and XFCE, and "
	    "console TMOUT",
	.description_ja = "GNOME・KDE・XFCE の自動画面ロックとコンソールの "
	    "TMOUT",
	.checks = sl_checks,
	.config = sl_config,
	.run = sl_run,
	.check_config = sl_check_config,
};
