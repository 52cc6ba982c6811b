/* SPDX-License-Identifier: MIT */
/*
 * backup: when was the last good backup made?  Evidence for
 * self-diagnosis item 11 (backups) and cloud checklist item 10 (your own
 * copy of what lives in a cloud service).
 *
 * Each backup job, configured as [plugin.backup.NAME] or found on the
 * host, is read from disk without running its tool (unless exec = yes),
 * and judged by one result per check with the job as the object.  The
 * core scores item 11 from all of them together, so the results obey one
 * rule: a job without a fresh backup is not a working backup, and nothing
 * about it may count as done.  Its other problems are reported at level 0
 * and its passes are left out; a job whose target is missing or cannot
 * be read reports only that.  Hence: all jobs fresh -> 4, some stale -> 2,
 * all stale or none -> 0, nothing readable -> -1.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "../lib/cfgchk.h"
#include "bk.h"

#define BK_DEFAULT_MAX_AGE (26 * 3600)

static const struct sa_check backup_checks[] = {
	{ "job", 11, 0, SA_SEV_HIGH,
	  "No backup job was found",
	  "バックアップの仕組みが見つからない",
	  "Set up a scheduled backup of the important data (restic, borg, "
	  "rsnapshot, ...), or describe an existing one in a "
	  "[plugin.backup.NAME] section so that it can be checked.",
	  "重要なデータの定期バックアップ(restic、borg、rsnapshot など)を設定して"
	  "ください。既にある場合は [plugin.backup.名前] セクションに記述すると"
	  "確認できます。" },
	{ "target", 11, 0, SA_SEV_HIGH,
	  "A backup job's target is missing or cannot be read",
	  "バックアップ先が存在しない、または読み取れない",
	  "Check that the backup storage is mounted and that path = names it; "
	  "run smeaudit as root so that it can read the backups.",
	  "バックアップ先がマウントされているか、path = が正しいかを確認してください。"
	  "バックアップを読み取れるよう smeaudit は root で実行してください。" },
	{ "age", 11, 0, SA_SEV_HIGH,
	  "The newest backup is too old",
	  "最新のバックアップが古すぎる",
	  "Find out why the scheduled backup stopped (timer or cron job, its "
	  "log, a full disk), run it once by hand and watch the next scheduled "
	  "run.  Set max_age if the schedule is meant to be slower.",
	  "定期バックアップが止まった原因(タイマーや cron、ログ、ディスク容量)を"
	  "調べ、一度手動で実行し、次回の定期実行も確認してください。意図して"
	  "間隔が長い場合は max_age を設定してください。" },
	{ "count", 11, 0, SA_SEV_MEDIUM,
	  "Too few backup generations are kept",
	  "保存されているバックアップの世代が少なすぎる",
	  "Keep several generations (retain, keep-daily, ...): otherwise a copy "
	  "made after files were damaged or encrypted replaces the only good one.",
	  "複数の世代を残してください(retain、keep-daily など)。世代が一つだと、"
	  "壊れたり暗号化されたりしたファイルの写しが唯一の正常な写しを上書きします。" },
	{ "future", 11, 0, SA_SEV_MEDIUM,
	  "Backups are dated in the future (clock skew)",
	  "バックアップの日時が未来になっている(時計のずれ)",
	  "Synchronise the clocks of this host and of the backup storage (NTP: "
	  "systemd-timesyncd or chrony); ages computed from a wrong clock "
	  "cannot be trusted.",
	  "このホストとバックアップ先の時計を NTP(systemd-timesyncd や chrony)で"
	  "合わせてください。時計がずれていると経過時間を信頼できません。" },
	{ "lock", 11, 0, SA_SEV_MEDIUM,
	  "A stale lock stops the backup tool",
	  "古いロックがバックアップを止めている",
	  "Make sure no backup is still running, then remove the lock with the "
	  "tool (restic unlock, borg break-lock) or delete rsnapshot's lockfile.",
	  "バックアップが実行中でないことを確認してから、ツールでロックを解除して"
	  "ください(restic unlock、borg break-lock、rsnapshot はロックファイルを削除)。" },
	{ "last-run", 11, 0, SA_SEV_MEDIUM,
	  "The last backup run reported an error",
	  "前回のバックアップ実行がエラーを報告している",
	  "Read the tool's log, fix the cause and run the backup again; have "
	  "failed runs reported by mail or monitoring.",
	  "ツールのログを読んで原因を取り除き、バックアップを再実行してください。"
	  "失敗をメールや監視で知らせる設定もしてください。" },
	{ "partial", 11, 0, SA_SEV_MEDIUM,
	  "Unfinished, damaged or too small backups were found",
	  "未完了・破損・小さすぎるバックアップがある",
	  "Check free space and the job's log for interrupted runs, remove what "
	  "cannot be restored (duplicity cleanup, ...) and make sure the next "
	  "run completes.",
	  "空き容量とジョブのログで中断された実行を確認し、復元に使えないものを"
	  "削除して(duplicity cleanup など)、次の実行が完了するようにしてください。" },
	{ "full-age", 11, 0, SA_SEV_LOW,
	  "The last full backup is old",
	  "最後のフルバックアップが古い",
	  "Make a full backup regularly (duplicity --full-if-older-than 1M) so "
	  "that a restore does not depend on a long chain of incremental ones.",
	  "定期的にフルバックアップを取り(duplicity --full-if-older-than 1M など)、"
	  "復元が長い増分の連鎖に頼らないようにしてください。" },
	{ "same-device", 11, 0, SA_SEV_MEDIUM,
	  "The backup is on the same device as the data it protects",
	  "バックアップが元のデータと同じ装置にある",
	  "Keep backups on another disk, NAS or machine: one failed disk or one "
	  "lost file system must not take the data and its backup together.",
	  "バックアップは別のディスク、NAS、別のマシンに保管してください。ディスク"
	  "一台の故障で元データとバックアップを同時に失わないためです。" },
	{ "writable", 11, 0, SA_SEV_HIGH,
	  "Ordinary users can change or delete the backups",
	  "一般ユーザーがバックアップを変更・削除できる",
	  "Let only root or the backup account write to the backup directory "
	  "and the directories above it (chown root, chmod go-w): malware "
	  "running as a user must not reach the backups.",
	  "バックアップのディレクトリとその上位には root またはバックアップ用の"
	  "アカウントだけが書き込めるようにしてください(chown root、chmod go-w)。"
	  "利用者の権限で動くマルウェアがバックアップに届かないようにするためです。" },
	{ "offsite", 11, 0, SA_SEV_LOW,
	  "No off-site copy is declared (3-2-1 rule)",
	  "別の場所への保管が宣言されていない(3-2-1 ルール)",
	  "Keep one copy away from this site (another office, cloud storage, a "
	  "removable disk kept elsewhere) and mark that job with offsite = yes.",
	  "一つの写しはこの拠点の外(別の事業所、クラウドストレージ、別の場所に保管"
	  "する外付けディスク)に置き、そのジョブに offsite = yes を設定してください。" },
	{ "cloud-copy", 0, 10, SA_SEV_HIGH,
	  "Your own copy of a cloud service's data is missing or out of date",
	  "クラウドサービスのデータの自前の写しがない、または古い",
	  "Export or synchronise the service's important data on a schedule to "
	  "storage you control, and check that the copy stays current.",
	  "サービス上の重要なデータを、自社で管理する保管先へ定期的にエクスポート"
	  "または同期し、写しが最新であることを確認し続けてください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key backup_config[] = {
	{ "detect", SA_CONFIG_BOOL, "yes", 0,
	  "Also look for jobs not configured here (rsnapshot, timeshift, "
	  "restic/borg/duplicity in systemd units and crontabs, Proxmox). "
	  "Always done when no job is configured.",
	  "ここに設定していないジョブも探す(rsnapshot、timeshift、systemd ユニットや"
	  "crontab 内の restic/borg/duplicity、Proxmox)。ジョブの設定がなければ常に探す。" },
	{ "max_age", SA_CONFIG_DURATION, NULL, SA_CONFIG_MAIN_AND_SUB,
	  "Age after which the newest backup is stale (26h when unset; a found "
	  "timeshift job takes its schedule).",
	  "最新のバックアップを古いとみなす経過時間(未指定なら 26h。見つかった "
	  "timeshift はその実行間隔)。" },
	{ "min_count", SA_CONFIG_INT, "2", SA_CONFIG_MAIN_AND_SUB,
	  "Fewest backup generations to keep.",
	  "保存しておくべきバックアップの最少世代数。" },
	{ "min_size", SA_CONFIG_SIZE, "1", SA_CONFIG_MAIN_AND_SUB,
	  "Smallest size of a good archive or copy (tar, dir, vzdump).",
	  "正常なアーカイブや写しの最小サイズ(tar、dir、vzdump)。" },
	{ "max_full_age", SA_CONFIG_DURATION, "5w", SA_CONFIG_MAIN_AND_SUB,
	  "Age after which the last full backup is old (duplicity).",
	  "最後のフルバックアップを古いとみなす経過時間(duplicity)。" },
	{ "exec_timeout", SA_CONFIG_DURATION, "120s", SA_CONFIG_MAIN_AND_SUB,
	  "Time restic or borg may take when exec = yes.",
	  "exec = yes のとき restic や borg の実行に許す時間。" },
	{ "type", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB,
	  "The tool or layout: restic, borg, rsnapshot, duplicity, vzdump, pbs, "
	  "timeshift, tar or dir.",
	  "ツールまたは形式: restic、borg、rsnapshot、duplicity、vzdump、pbs、"
	  "timeshift、tar、dir のいずれか。" },
	{ "path", SA_CONFIG_PATH, NULL, SA_CONFIG_SUB,
	  "Repository, directory or (rsnapshot) configuration file, inside "
	  "--root.  rsnapshot: /etc/rsnapshot.conf, vzdump: /var/lib/vz/dump "
	  "when unset.",
	  "リポジトリ、ディレクトリ、または(rsnapshot の)設定ファイル。--root の中の"
	  "パス。未指定なら rsnapshot は /etc/rsnapshot.conf、vzdump は "
	  "/var/lib/vz/dump。" },
	{ "source", SA_CONFIG_PATH, NULL, SA_CONFIG_SUB | SA_CONFIG_MULTI,
	  "What the job backs up (for the same-device check); may be repeated.",
	  "このジョブがバックアップする対象(同一装置の確認用)。複数指定可。" },
	{ "pattern", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB | SA_CONFIG_MULTI,
	  "Shell pattern of the archives (tar; default *.tar, *.tar.*, *.tgz, "
	  "...) or of the top-level copies (dir; unset: the directory is one "
	  "copy); may be repeated.",
	  "アーカイブ(tar。既定は *.tar、*.tar.*、*.tgz など)または最上位の各写し"
	  "(dir。未指定ならディレクトリ全体で一つの写し)のパターン。複数指定可。" },
	{ "offsite", SA_CONFIG_BOOL, NULL, SA_CONFIG_SUB,
	  "yes: this job's copy is kept at another site (3-2-1).",
	  "yes: このジョブの写しは別の場所に保管されている(3-2-1)。" },
	{ "exec", SA_CONFIG_BOOL, "no", SA_CONFIG_SUB,
	  "yes: run restic or borg (read-only) for exact snapshot times and "
	  "counts.  Never done otherwise.",
	  "yes: 正確な日時と世代数を得るため restic や borg を読み取り専用で実行する。"
	  "それ以外では実行しない。" },
	{ "password_file", SA_CONFIG_PATH, NULL, SA_CONFIG_SUB,
	  "File whose first line is the repository passphrase (exec = yes), "
	  "inside --root; never shown.",
	  "リポジトリのパスフレーズを 1 行目に書いたファイル(exec = yes 用、"
	  "--root の中のパス)。内容は表示しない。" },
	{ "cloud_service", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB,
	  "ID of a [service.ID] of the answers file whose data this job copies "
	  "(cloud checklist item 10).",
	  "このジョブがデータを写しているクラウドサービスの ID(回答ファイルの "
	  "[service.ID]。クラウドチェックリスト項目 10)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

/* One result waiting for the job's verdict. */
struct bk_out {
	const char *check;
	int level;
	char *evidence;
};

struct bk_outs {
	struct bk_out *v;
	size_t n;
	int target_level;
	int age_level;		/* the job's verdict: age, or target */
	const char *age_evidence;
};

static void
bk_out(struct bk_outs *o, const char *check, int level, const char *fmt, ...)
	SA_PRINTF(4, 5);

static void
bk_out(struct bk_outs *o, const char *check, int level, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = hf_vprintf(fmt, ap);
	va_end(ap);
	o->v = hf_grow(o->v, o->n + 1, sizeof(*o->v));
	o->v[o->n].check = check;
	o->v[o->n].level = level;
	o->v[o->n].evidence = s;
	o->n++;
}

static const char *
bk_level_name(int level)
{
	switch (level) {
	case SA_LEVEL_IMPLEMENTED: return "ok";
	case SA_LEVEL_PARTLY: return "partly";
	case SA_LEVEL_NOT: return "not";
	case SA_LEVEL_UNKNOWN: return "unknown";
	default: return "na";
	}
}

/* ---- configuration ---- */

static int
bk_service_id_ok(const char *s)
{
	const char *p;

	if (*s == '\0')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

/* The limits a job takes from its section, [plugin.backup] or defaults. */
static void
bk_job_limits(struct bk_run *r, const char *sub, struct bk_job *j)
{
	const struct sa_host *h = r->hf.host;
	int64_t v;

	if (h->config_number(r->hf.ctx, sub, "max_age", &v) == 0 && v > 0)
		j->max_age = v;
	else if (j->max_age <= 0)
		j->max_age = BK_DEFAULT_MAX_AGE;
	if (h->config_int(r->hf.ctx, sub, "min_count", &j->min_count) < 0)
		j->min_count = 2;
	if (h->config_number(r->hf.ctx, sub, "min_size", &j->min_size) < 0)
		j->min_size = 1;
	if (h->config_number(r->hf.ctx, sub, "max_full_age", &j->max_full_age) < 0)
		j->max_full_age = 35 * 86400;
	if (h->config_number(r->hf.ctx, sub, "exec_timeout", &j->exec_timeout) < 0 ||
	    j->exec_timeout < 1)
		j->exec_timeout = 120;
}

static int
bk_bad(struct bk_run *r, const char *sub, const char *key, size_t index,
    const char *fmt, ...) SA_PRINTF(5, 6);

/*
 * A value the plugin cannot use: "FILE:LINE: [plugin.backup(.SUB)] why",
 * at the index-th value of key, or (key NULL) at the section's first key.
 * Returns SA_RUN_BAD_INPUT.
 */
static int
bk_bad(struct bk_run *r, const char *sub, const char *key, size_t index,
    const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	s = hf_vprintf(fmt, ap);
	va_end(ap);
	if (key != NULL)
		rc = cfgchk_fail(&r->hf, sub, key, index, "[plugin.backup%s%s] %s",
		    sub != NULL ? "." : "", sub != NULL ? sub : "", s);
	else
		rc = cfgchk_fail_section(&r->hf, backup_config, sub,
		    "[plugin.backup.%s] %s", sub, s);
	free(s);
	return rc;
}

/* The limits of [plugin.backup] or one job's section, as it sets them. */
static int
bk_check_limits(struct bk_run *r, const char *sub)
{
	static const char *const durations[] = { "max_age", "max_full_age",
		"exec_timeout", NULL };
	const struct sa_host *h = r->hf.host;
	const char *v;
	long long count;
	int64_t n;
	size_t i;

	for (i = 0; durations[i] != NULL; i++)
		if (h->config_number(r->hf.ctx, sub, durations[i], &n) == 0 &&
		    n <= 0 && h->config_string(r->hf.ctx, sub, durations[i], &v) == 0)
			return bk_bad(r, sub, durations[i], 0, E_("%s = %s: must be "
			    "longer than 0"), durations[i], v);
	if (h->config_int(r->hf.ctx, sub, "min_count", &count) == 0 && count < 0)
		return bk_bad(r, sub, "min_count", 0, E_("min_count = %lld: must be 0 "
		    "or more"), count);
	return 0;
}

/*
 * The jobs of the [plugin.backup.NAME] sections, added to r.  probe: the
 * audited system may be looked at (run(), not check_config()), which
 * only the default target of timeshift needs.  Returns 0, or
 * SA_RUN_BAD_INPUT after naming the line of the first problem.
 */
static int
bk_configure(struct bk_run *r, int probe)
{
	const struct sa_host *h = r->hf.host;
	const char *const *subs, *const *list, *type, *path, *s;
	enum bk_type t;
	struct bk_job *j;
	size_t n_subs, n, i, k;
	int b, rc, path_given;

	if (h->config_subsections(r->hf.ctx, &subs, &n_subs) < 0)
		return -EINVAL;
	if ((rc = bk_check_limits(r, NULL)) != 0)
		return rc;
	for (i = 0; i < n_subs; i++) {
		if (h->config_string(r->hf.ctx, subs[i], "type", &type) < 0)
			return bk_bad(r, subs[i], NULL, 0, E_("has no type = (restic, "
			    "borg, rsnapshot, duplicity, vzdump, pbs, timeshift, tar "
			    "or dir)"));
		if (bk_type_parse(type, &t) < 0)
			return bk_bad(r, subs[i], "type", 0, E_("type = %s: not one of "
			    "restic, borg, rsnapshot, duplicity, vzdump, pbs, "
			    "timeshift, tar, dir"), type);
		path_given = h->config_string(r->hf.ctx, subs[i], "path", &path) == 0;
		if (!path_given) {
			/* timeshift's may be unmounted: "cannot tell" later */
			path = t == BK_TIMESHIFT && !probe ? NULL :
			    bk_default_path(r, t);
			if (path == NULL && t != BK_TIMESHIFT)
				return bk_bad(r, subs[i], NULL, 0, E_("has no path = "
				    "(where the %s backups are)"), type);
		}
		if (path != NULL && path[0] != '/')
			return bk_bad(r, subs[i], "path", 0, E_("path = %s: must be "
			    "absolute (inside --root)"), path);
		j = bk_add_job(r, subs[i], t, path, NULL, NULL);
		if (j == NULL)
			return bk_bad(r, subs[i], path_given ? "path" : NULL, 0,
			    "describes the same %s target as another section", type);
		if (h->config_list(r->hf.ctx, subs[i], "source", &list, &n) == 0)
			for (k = 0; k < n; k++) {
				if (list[k][0] != '/')
					return bk_bad(r, subs[i], "source", k, E_("source = %s: "
					    "must be absolute"), list[k]);
				hf_names_add(&j->sources, list[k]);
			}
		if (h->config_list(r->hf.ctx, subs[i], "pattern", &list, &n) == 0)
			for (k = 0; k < n; k++)
				hf_names_add(&j->patterns, list[k]);
		if (j->patterns.n > 0 && t != BK_TAR && t != BK_DIR)
			return bk_bad(r, subs[i], "pattern", 0, E_("pattern = applies to "
			    "type tar and dir only"));
		if (h->config_bool(r->hf.ctx, subs[i], "offsite", &b) == 0)
			j->offsite = b;
		if (h->config_bool(r->hf.ctx, subs[i], "exec", &b) == 0)
			j->exec = b;
		if (h->config_string(r->hf.ctx, subs[i], "password_file", &s) == 0) {
			if (s[0] != '/')
				return bk_bad(r, subs[i], "password_file", 0,
				    E_("password_file = %s: must be absolute"), s);
			j->password_file = hf_strdup(s);
		}
		if (h->config_string(r->hf.ctx, subs[i], "cloud_service", &s) == 0) {
			if (!bk_service_id_ok(s))
				return bk_bad(r, subs[i], "cloud_service", 0,
				    E_("cloud_service = %s: a service ID holds letters, "
				    "digits, '_' and '-'"), s);
			j->cloud_service = hf_strdup(s);
		}
		if ((rc = bk_check_limits(r, subs[i])) != 0)
			return rc;
		bk_job_limits(r, subs[i], j);
	}
	return 0;
}

static void
bk_free_jobs(struct bk_run *r)
{
	size_t i;

	for (i = 0; i < r->n_jobs; i++)
		bk_job_free(&r->jobs[i]);
	free(r->jobs);
	r->jobs = NULL;
	r->n_jobs = 0;
}

/* Before anything is audited: every job section must make sense. */
static int
backup_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct bk_run r = { .hf = { host, ctx } };
	int rc;

	rc = bk_configure(&r, 0);
	bk_free_jobs(&r);
	hf_names_free(&r.scanned);
	return rc;
}

/* ---- judging one job ---- */

static int
bk_ordinary_uid(uid_t uid)
{
	/* Debian's range for people's accounts (adduser's FIRST_UID..) */
	return uid >= 1000 && uid < 60000;
}

static int
bk_ordinary_gid(gid_t gid)
{
	return gid == 100 || (gid >= 1000 && gid < 60000);
}

static void
bk_check_writable(struct bk_run *r, const char *dir, struct bk_outs *o)
{
	struct sa_user u;
	struct sa_group g;
	struct stat st;
	char *path = hf_strdup(dir), *slash, *why = NULL;
	int level = SA_LEVEL_IMPLEMENTED, first = 1, sticky;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';

	/* Whoever can write to the directory or a parent can delete it. */
	for (;;) {
		if (r->hf.host->stat(r->hf.ctx, path, 0, &st) == 0) {
			sticky = !first && (st.st_mode & S_ISVTX);
			if ((st.st_mode & S_IWOTH) && !sticky) {
				free(why);
				why = hf_printf(E_("%s is writable by everyone (mode %04o)"),
				    path, (unsigned int)(st.st_mode & 07777));
				level = SA_LEVEL_NOT;
				break;
			}
			if (level == SA_LEVEL_IMPLEMENTED && (st.st_mode & S_IWUSR) &&
			    bk_ordinary_uid(st.st_uid)) {
				why = r->hf.host->user_by_uid(r->hf.ctx, st.st_uid, &u) == 0 ?
				    hf_printf(E_("%s belongs to user %s (uid %u), who can "
				    "change or delete it"), path, u.name,
				    (unsigned int)st.st_uid) :
				    hf_printf(E_("%s belongs to uid %u, who can change or "
				    "delete it"), path, (unsigned int)st.st_uid);
				level = SA_LEVEL_PARTLY;
			} else if (level == SA_LEVEL_IMPLEMENTED &&
			    (st.st_mode & S_IWGRP) && !sticky &&
			    bk_ordinary_gid(st.st_gid)) {
				why = r->hf.host->group_by_gid(r->hf.ctx, st.st_gid, &g) == 0 ?
				    hf_printf(E_("%s is writable by group %s (gid %u)"),
				    path, g.name, (unsigned int)st.st_gid) :
				    hf_printf(E_("%s is writable by gid %u"), path,
				    (unsigned int)st.st_gid);
				level = SA_LEVEL_PARTLY;
			}
		}
		first = 0;
		if (strcmp(path, "/") == 0)
			break;
		slash = strrchr(path, '/');
		if (slash == path)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	if (level == SA_LEVEL_IMPLEMENTED)
		bk_out(o, "writable", level, E_("%s and the directories above it are "
		    "writable only by root and system accounts"), dir);
	else
		bk_out(o, "writable", level, "%s", why);
	free(why);
	free(path);
}

static void
bk_check_device(struct bk_run *r, const struct bk_job *j,
    const struct bk_ev *ev, struct bk_outs *o)
{
	struct hf_names all = { 0 };
	struct stat dst, sst;
	size_t i, checked = 0;
	const char *same = NULL;

	for (i = 0; i < j->sources.n; i++)
		hf_names_add(&all, j->sources.v[i]);
	for (i = 0; i < ev->sources.n; i++)
		if (!hf_names_has(&all, ev->sources.v[i]))
			hf_names_add(&all, ev->sources.v[i]);
	if (all.n == 0 || r->hf.host->stat(r->hf.ctx, ev->dir, 0, &dst) < 0) {
		hf_names_free(&all);
		return;
	}
	for (i = 0; i < all.n; i++) {
		if (r->hf.host->stat(r->hf.ctx, all.v[i], 0, &sst) < 0)
			continue;
		checked++;
		if (sst.st_dev == dst.st_dev && same == NULL)
			same = all.v[i];
	}
	if (same != NULL)
		bk_out(o, "same-device", SA_LEVEL_PARTLY, E_("%s and its source %s are "
		    "on the same device (%u:%u)"), ev->dir, same,
		    major(dst.st_dev), minor(dst.st_dev));
	else if (checked > 0)
		bk_out(o, "same-device", SA_LEVEL_IMPLEMENTED, checked == 1 ?
		    E_("%s is on another device than its %zu source") :
		    E_("%s is on another device than its %zu sources"), ev->dir,
		    checked);
	hf_names_free(&all);
}

/* A job's unit ("snapshot", "archive", "copy", "backup") to print. */
static const char *
bk_unit(const char *unit, int plural)
{
	if (strcmp(unit, "snapshot") == 0)
		return plural ? E_("snapshots") : E_("snapshot");
	if (strcmp(unit, "archive") == 0)
		return plural ? E_("archives") : E_("archive");
	if (strcmp(unit, "copy") == 0)
		return plural ? E_("copies") : E_("copy");
	return plural ? E_("backups") : E_("backup");
}

/* "1 copy", "2 copies", "3 snapshots" */
static const char *
bk_many(const char *unit, size_t n, char *buf, size_t size)
{
	/* a count and a unit, "3 snapshots" */
	snprintf(buf, size, E_("%zu %s"), n, bk_unit(unit, n != 1));
	return buf;
}

static void
bk_assess(struct bk_run *r, const struct bk_job *j, struct bk_ev *ev,
    struct bk_outs *o)
{
	char t1[32], t2[32], t3[32], n1[48], *origin, *exact;
	int64_t age;
	int level;

	origin = j->origin != NULL ? hf_printf(E_("%s found in %s: "),
	    bk_type_name(j->type), j->origin) : hf_strdup("");
	if (ev->exec_why != NULL)
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING, E_("job %s: exec = yes: %s; read "
		    "from disk instead"), j->name, ev->exec_why);
	o->target_level = ev->target;
	if (ev->target != SA_LEVEL_IMPLEMENTED) {
		bk_out(o, "target", ev->target, "%s%s", origin, ev->target_why);
		o->age_level = ev->target;
		o->age_evidence = o->v[o->n - 1].evidence;
		free(origin);
		return;
	}
	bk_out(o, "target", SA_LEVEL_IMPLEMENTED, "%s%s %s", origin,
	    bk_type_name(j->type), ev->dir != NULL ? ev->dir : j->path);

	exact = ev->exec_why != NULL ? hf_printf(E_("; exec = yes failed (%s), "
	    "so read from disk"), ev->exec_why) : hf_strdup("");
	if (ev->newest == 0) {
		if (ev->n_future > 0)
			bk_out(o, "age", SA_LEVEL_UNKNOWN, E_("%severy %s in %s is dated "
			    "in the future (up to %s ahead): its age cannot be told"),
			    origin, bk_unit(ev->unit, 0), ev->dir != NULL ? ev->dir : j->path,
			    bk_fmt_age(ev->future_max - r->now, t1, sizeof(t1)));
		else
			bk_out(o, "age", SA_LEVEL_NOT, E_("%sno %s in %s%s%s%s"), origin,
			    bk_unit(ev->unit, 0), ev->dir != NULL ? ev->dir : j->path,
			    ev->n_partial > 0 ? E_(" (only unfinished or damaged "
			    "ones: ") : "", ev->n_partial > 0 ?
			    ev->partial_why : "", ev->n_partial > 0 ? ")" : "");
	} else {
		age = r->now - ev->newest;
		level = age > j->max_age ? SA_LEVEL_NOT :
		    ev->n_stale_groups > 0 ? SA_LEVEL_PARTLY : SA_LEVEL_IMPLEMENTED;
		bk_out(o, "age", level, E_("%snewest %s %s, %s old (max_age %s; %s)%s%s%s%s"),
		    origin, bk_unit(ev->unit, 0), tf_iso(ev->newest, t1, sizeof(t1)),
		    bk_fmt_age(age, t2, sizeof(t2)),
		    bk_fmt_age(j->max_age, t3, sizeof(t3)), ev->basis,
		    level == SA_LEVEL_PARTLY ? E_("; not backed up within max_age: ") : "",
		    level == SA_LEVEL_PARTLY ? ev->stale_groups : "",
		    ev->writing != 0 ? E_("; another one is being written now") : "",
		    exact);
	}
	o->age_level = o->v[o->n - 1].level;
	o->age_evidence = o->v[o->n - 1].evidence;
	free(exact);
	free(origin);

	if (!ev->count_known)
		bk_out(o, "count", SA_LEVEL_UNKNOWN, E_("%s keeps its list of %s "
		    "encrypted; %s"), bk_type_name(j->type),
		    bk_unit(ev->unit, 1), j->exec ?
		    E_("exec = yes failed, so they could not be counted") :
		    E_("set exec = yes and password_file to count them"));
	else if (ev->count > 0 && (long long)ev->count < j->min_count)
		bk_out(o, "count", SA_LEVEL_PARTLY, "%s, min_count %lld%s%s",
		    bk_many(ev->unit, ev->count, n1, sizeof(n1)), j->min_count,
		    ev->count_note != NULL ? "; " : "",
		    ev->count_note != NULL ? ev->count_note : "");
	else if (ev->count > 0 && ev->count_gap != NULL)
		bk_out(o, "count", SA_LEVEL_PARTLY, "%s", ev->count_gap);
	else if (ev->count > 0)
		bk_out(o, "count", SA_LEVEL_IMPLEMENTED, "%s, min_count %lld%s%s",
		    bk_many(ev->unit, ev->count, n1, sizeof(n1)), j->min_count,
		    ev->count_note != NULL ? "; " : "",
		    ev->count_note != NULL ? ev->count_note : "");

	if (ev->n_future > 0)
		bk_out(o, "future", SA_LEVEL_PARTLY, E_("%s dated up to %s after "
		    "%s (now)"), bk_many(ev->unit, ev->n_future, n1, sizeof(n1)),
		    bk_fmt_age(ev->future_max - r->now, t1, sizeof(t1)),
		    tf_iso(r->now, t2, sizeof(t2)));
	else if (ev->count > 0)
		bk_out(o, "future", SA_LEVEL_IMPLEMENTED, E_("no %s is dated in the "
		    "future"), bk_unit(ev->unit, 0));

	if (ev->lock_why != NULL)
		bk_out(o, "lock", SA_LEVEL_PARTLY, "%s", ev->lock_why);
	else if (j->type == BK_RESTIC || j->type == BK_BORG ||
	    j->type == BK_RSNAPSHOT)
		bk_out(o, "lock", SA_LEVEL_IMPLEMENTED, E_("no stale lock"));

	if (ev->last_run == 0)
		bk_out(o, "last-run", SA_LEVEL_PARTLY, "%s", ev->last_run_why);
	else if (ev->last_run == 1)
		bk_out(o, "last-run", SA_LEVEL_IMPLEMENTED, "%s", ev->last_run_why);

	if (ev->n_partial > 0)
		bk_out(o, "partial", SA_LEVEL_PARTLY, E_("%zu unfinished, damaged or "
		    "too small: %s"), ev->n_partial, ev->partial_why);
	else if (j->type != BK_RESTIC && j->type != BK_BORG &&
	    j->type != BK_RSNAPSHOT && ev->count > 0)
		bk_out(o, "partial", SA_LEVEL_IMPLEMENTED, E_("no unfinished or damaged "
		    "%s"), bk_unit(ev->unit, 0));

	if (ev->full_kind && ev->count > 0) {
		if (ev->last_full == 0)
			bk_out(o, "full-age", SA_LEVEL_PARTLY, E_("no full backup in %s, "
			    "only incremental ones"), j->path);
		else
			bk_out(o, "full-age", r->now - ev->last_full > j->max_full_age ?
			    SA_LEVEL_PARTLY : SA_LEVEL_IMPLEMENTED, E_("last full backup "
			    "%s, %s old (max_full_age %s)"),
			    tf_iso(ev->last_full, t1, sizeof(t1)),
			    bk_fmt_age(r->now - ev->last_full, t2, sizeof(t2)),
			    bk_fmt_age(j->max_full_age, t3, sizeof(t3)));
	}

	if (ev->dir != NULL) {
		bk_check_device(r, j, ev, o);
		bk_check_writable(r, ev->dir, o);
	}
}

/* 3-2-1: does some job with a fresh backup keep its copy elsewhere? */
static void
bk_offsite(struct bk_run *r, struct bk_outs *outs)
{
	const struct bk_job *fresh = NULL, *stale = NULL, *j;
	size_t i;

	for (i = 0; i < r->n_jobs; i++) {
		if (r->jobs[i].offsite != 1)
			continue;
		if (outs[i].age_level == SA_LEVEL_IMPLEMENTED ||
		    outs[i].age_level == SA_LEVEL_PARTLY) {
			if (fresh == NULL)
				fresh = &r->jobs[i];
		} else if (stale == NULL)
			stale = &r->jobs[i];
	}
	for (i = 0; i < r->n_jobs; i++) {
		j = &r->jobs[i];
		if (j->offsite == 1)
			bk_out(&outs[i], "offsite", SA_LEVEL_IMPLEMENTED,
			    E_("declared off-site (offsite = yes)"));
		else if (fresh != NULL)
			bk_out(&outs[i], "offsite", SA_LEVEL_IMPLEMENTED,
			    E_("off-site copy: job %s"), fresh->name);
		else if (stale != NULL)
			bk_out(&outs[i], "offsite", SA_LEVEL_PARTLY, E_("job %s is "
			    "declared off-site but has no fresh backup"), stale->name);
		else
			bk_out(&outs[i], "offsite", SA_LEVEL_PARTLY, "%s",
			    j->offsite == 0 ? E_("offsite = no, and no job is declared "
			    "off-site") : E_("no job is declared off-site (offsite = yes)"));
	}
}

static int
bk_combine(int ok, int partly, int not, int unknown)
{
	if (ok || partly || not)
		return ok && !partly && !not ? SA_LEVEL_IMPLEMENTED :
		    not && !ok && !partly ? SA_LEVEL_NOT : SA_LEVEL_PARTLY;
	return unknown ? SA_LEVEL_UNKNOWN : SA_LEVEL_NA;
}

/* Apply the verdict rule (top of file) and hand the results over. */
static void
bk_flush(struct bk_run *r, const struct bk_job *j, struct bk_outs *o)
{
	static const char clamp_en[] = "Counted as not implemented: this job has "
	    "no fresh backup.";
	static const char clamp_ja[] = "このジョブには新しいバックアップがないため、"
	    "未実施として数えています。";
	struct sa_finding f;
	int working = o->age_level == SA_LEVEL_IMPLEMENTED ||
	    o->age_level == SA_LEVEL_PARTLY;
	int ok = 0, partly = 0, not = 0, unknown = 0, level;
	char *ev;
	size_t i;

	for (i = 0; i < o->n; i++) {
		level = o->v[i].level;
		if (level == SA_LEVEL_IMPLEMENTED && !working)
			continue;
		/* nothing else is known about a target that is not there */
		if (o->target_level != SA_LEVEL_IMPLEMENTED &&
		    strcmp(o->v[i].check, "target") != 0)
			continue;
		memset(&f, 0, sizeof(f));
		f.struct_size = sizeof(f);
		f.check = o->v[i].check;
		f.object = j->name;
		f.evidence = o->v[i].evidence;
		if (level == SA_LEVEL_PARTLY && o->age_level == SA_LEVEL_NOT) {
			level = SA_LEVEL_NOT;
			f.detail_en = clamp_en;
			f.detail_ja = clamp_ja;
		}
		f.level = level;
		r->hf.host->report(r->hf.ctx, &f);
		r->hf.host->log(r->hf.ctx, SA_LOG_INFO, E_("job %s: %s: %s: %s"), j->name,
		    o->v[i].check, bk_level_name(level), o->v[i].evidence);
		ok |= level == SA_LEVEL_IMPLEMENTED;
		partly |= level == SA_LEVEL_PARTLY;
		not |= level == SA_LEVEL_NOT;
		unknown |= level == SA_LEVEL_UNKNOWN;
	}
	if (j->cloud_service == NULL)
		return;
	/* The job's own score, as evidence for the service's cloud item 10. */
	level = bk_combine(ok, partly, not, unknown);
	ev = hf_printf(E_("job %s: %s"), j->name, o->age_evidence != NULL ?
	    o->age_evidence : E_("no result"));
	sa_report(r->hf.host, r->hf.ctx, "cloud-copy", level, j->cloud_service, ev);
	r->hf.host->log(r->hf.ctx, SA_LOG_INFO, E_("service %s: cloud-copy: %s: %s"),
	    j->cloud_service, bk_level_name(level), ev);
	free(ev);
}

static int
backup_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct bk_run r = { .hf = { host, ctx } };
	struct bk_outs *outs;
	struct bk_ev ev;
	size_t i, k, configured;
	int detect = 1, rc;

	r.now = (int64_t)host->now(ctx);
	/* Checked already by backup_check_config() unless the core predates it. */
	if ((rc = bk_configure(&r, 1)) != 0)
		goto out;
	configured = r.n_jobs;
	if (host->config_bool(ctx, NULL, "detect", &detect) < 0)
		detect = 1;
	if (detect || configured == 0) {
		bk_detect(&r);
		for (i = configured; i < r.n_jobs; i++)
			bk_job_limits(&r, NULL, &r.jobs[i]);
	}
	if (r.n_jobs == 0) {
		sa_report(host, ctx, "job", SA_LEVEL_NOT, NULL, E_("no backup job is "
		    "configured in [plugin.backup.NAME] and none was found (looked "
		    "for rsnapshot.conf, timeshift.json, restic, borg and duplicity "
		    "in systemd units, crontabs and cron scripts, Proxmox backup "
		    "jobs and datastores)"));
		rc = SA_RUN_OK;
		goto out;
	}
	outs = calloc(r.n_jobs, sizeof(*outs));
	if (outs == NULL)
		abort();
	for (i = 0; i < r.n_jobs; i++) {
		bk_ev_init(&ev);
		bk_read_target(&r, &r.jobs[i], &ev);
		if (r.jobs[i].exec && ev.target == SA_LEVEL_IMPLEMENTED)
			bk_exec_times(&r, &r.jobs[i], &ev);
		bk_assess(&r, &r.jobs[i], &ev, &outs[i]);
		bk_ev_free(&ev);
	}
	bk_offsite(&r, outs);
	for (i = 0; i < r.n_jobs; i++) {
		bk_flush(&r, &r.jobs[i], &outs[i]);
		for (k = 0; k < outs[i].n; k++)
			free(outs[i].v[k].evidence);
		free(outs[i].v);
	}
	free(outs);
	rc = SA_RUN_OK;
out:
	bk_free_jobs(&r);
	hf_names_free(&r.scanned);
	return rc;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "backup",
	.version = "1.0",
	.description_en = "Backups: age, generations and safety of each backup "
	    "job (restic, borg, rsnapshot, duplicity, Proxmox, timeshift, tar, "
	    "directories)",
	.description_ja = "バックアップ: 各バックアップジョブの鮮度・世代数・安全性"
	    "(restic、borg、rsnapshot、duplicity、Proxmox、timeshift、tar、"
	    "ディレクトリ)",
	.checks = backup_checks,
	.config = backup_config,
	.run = backup_run,
	.check_config = backup_check_config,
};
