/* SPDX-License-Identifier: MIT */
/*
 * password: evidence for self-diagnosis item 3 (strong passwords; rule 3
 * of the five basic rules).
 *
 * The audit reads what the host enforces (PAM quality, lockout and
 * history modules, login.defs) and how its accounts stand (/etc/shadow:
 * empty passwords, weak hash schemes, aging, extra UID 0).  Passwords
 * themselves cannot be judged from a host, so the plugin also provides
 * "smeaudit password-check": staff type the passwords they use and learn,
 * per line, whether a rule (docs/password-rules.md) calls them weak.
 * The audit loads the same rules, so a broken rule file is caught by the
 * nightly run rather than in front of the staff.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/tr.h"
#include "password.h"
#include "pwaccounts.h"
#include "pwpolicy.h"
#include "pwtext.h"

static const struct sa_check pw_checks[] = {
	{ "min-length", 3, 0, SA_SEV_HIGH,
	  "The minimum password length is too short",
	  "パスワードの最低文字数が短すぎる",
	  "Enforce at least the configured length (12 by default) for new "
	  "passwords: install libpam-pwquality and set \"minlen = 12\" in "
	  "/etc/security/pwquality.conf.",
	  "新しいパスワードに設定した文字数(既定は12文字)以上を強制してくだ"
	  "さい。libpam-pwquality を導入し、/etc/security/pwquality.conf に "
	  "\"minlen = 12\" を設定します。" },
	{ "dictionary-check", 3, 0, SA_SEV_MEDIUM,
	  "New passwords are not checked against a dictionary",
	  "新しいパスワードが辞書と照合されていない",
	  "Add pam_pwquality to the password stack (libpam-pwquality) and keep "
	  "\"dictcheck = 1\" and \"enforcing = 1\" in /etc/security/pwquality.conf.",
	  "パスワードの PAM 設定に pam_pwquality(libpam-pwquality)を加え、"
	  "/etc/security/pwquality.conf の \"dictcheck = 1\" と \"enforcing = 1\" "
	  "を維持してください。" },
	{ "complexity", 3, 0, SA_SEV_MEDIUM,
	  "Passwords need not mix character types",
	  "パスワードに文字の種類を混ぜることが求められていない",
	  "Set \"minclass\" in /etc/security/pwquality.conf to the number of "
	  "character types (lower, upper, digits, symbols) your rules demand.",
	  "社内ルールで求める文字の種類(小文字・大文字・数字・記号)の数を "
	  "/etc/security/pwquality.conf の \"minclass\" に設定してください。" },
	{ "lockout", 3, 0, SA_SEV_MEDIUM,
	  "Accounts are not locked after repeated failed logins",
	  "ログインの失敗を繰り返してもアカウントがロックされない",
	  "Add pam_faillock to the auth stack (Debian: pam-auth-update) and set "
	  "\"deny\" in /etc/security/faillock.conf, so that password guessing "
	  "stops after a few tries.",
	  "auth の PAM 設定に pam_faillock を加え(Debian では pam-auth-update)、"
	  "/etc/security/faillock.conf の \"deny\" を設定して、パスワードの"
	  "総当たりを数回で止めてください。" },
	{ "history", 3, 0, SA_SEV_LOW,
	  "Old passwords may be used again",
	  "以前のパスワードを再利用できる",
	  "Add pam_pwhistory with \"remember=N\" to the password stack so that "
	  "a changed password cannot simply be changed back.",
	  "パスワードの PAM 設定に pam_pwhistory(remember=N)を加え、変更した"
	  "パスワードを元に戻せないようにしてください。" },
	{ "hash-method", 3, 0, SA_SEV_HIGH,
	  "New passwords are stored with a weak hash",
	  "新しいパスワードが弱いハッシュで保存される",
	  "Use yescrypt or SHA-512 for new passwords: the pam_unix option "
	  "\"yescrypt\" (or \"sha512\") and ENCRYPT_METHOD in /etc/login.defs.",
	  "新しいパスワードには yescrypt か SHA-512 を使ってください。pam_unix "
	  "のオプション \"yescrypt\"(または \"sha512\")と /etc/login.defs の "
	  "ENCRYPT_METHOD で設定します。" },
	{ "max-age", 3, 0, SA_SEV_LOW,
	  "New accounts get no maximum password age",
	  "新しいアカウントにパスワードの有効期限が設定されない",
	  "Your policy asks for password aging: set PASS_MAX_DAYS in "
	  "/etc/login.defs to at most max_password_age.",
	  "社内ルールでパスワードの有効期限を求めています。/etc/login.defs の "
	  "PASS_MAX_DAYS を max_password_age 以下にしてください。" },
	{ "empty", 3, 0, SA_SEV_CRITICAL,
	  "An account has an empty password",
	  "パスワードが空のアカウントがある",
	  "Lock the account (passwd -l NAME) or give it a strong password at "
	  "once; remove \"nullok\" from pam_unix so that empty passwords never "
	  "let anyone in.",
	  "すぐにアカウントをロック(passwd -l 名前)するか強いパスワードを設定"
	  "してください。pam_unix から \"nullok\" を外し、空のパスワードで"
	  "ログインできないようにします。" },
	{ "unshadowed", 3, 0, SA_SEV_CRITICAL,
	  "A password hash is kept in the world-readable /etc/passwd",
	  "誰でも読める /etc/passwd にパスワードのハッシュがある",
	  "Move hashes to /etc/shadow with pwconv and change the passwords: "
	  "every local user could copy the hash and guess it offline.",
	  "pwconv でハッシュを /etc/shadow に移し、パスワードを変更してくだ"
	  "さい。ローカルの利用者なら誰でもハッシュを持ち出して解析できます。" },
	{ "hash-scheme", 3, 0, SA_SEV_HIGH,
	  "A password is stored with a weak hash (DES, MD5, SHA-256)",
	  "弱いハッシュ(DES、MD5、SHA-256)で保存されたパスワードがある",
	  "Have the account's owner set a new password once the system hashes "
	  "with yescrypt or SHA-512 (see password.hash-method); old hashes are "
	  "only replaced when the password changes.",
	  "システムが yescrypt か SHA-512 でハッシュするよう設定したうえで"
	  "(password.hash-method 参照)、アカウントの利用者にパスワードを変更"
	  "してもらってください。古いハッシュはパスワードの変更時にだけ置き"
	  "換わります。" },
	{ "account-aging", 3, 0, SA_SEV_LOW,
	  "An account's password never expires although the policy wants it to",
	  "方針で求めているのに有効期限のないパスワードがある",
	  "Set the maximum age with \"chage -M DAYS NAME\" for each account "
	  "listed.",
	  "該当する各アカウントに \"chage -M 日数 名前\" で有効期限を設定して"
	  "ください。" },
	{ "uid0", 3, 0, SA_SEV_CRITICAL,
	  "An account besides root has UID 0",
	  "root 以外に UID 0 のアカウントがある",
	  "An extra UID 0 account has every right of root under another name. "
	  "Remove it, or give it its own UID and use sudo.",
	  "UID 0 のアカウントは別名の root で、すべての権限を持ちます。削除"
	  "するか、別の UID を割り当てて sudo を使ってください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

const struct sa_config_key pw_config[] = {
	{ "min_length", SA_CONFIG_INT, "12", 0,
	  "Shortest password length the host must enforce (password.min-length).",
	  "ホストが強制すべきパスワードの最低文字数(password.min-length)。" },
	{ "min_classes", SA_CONFIG_INT, "3", 0,
	  "Character types (lower, upper, digits, symbols) the host must demand; "
	  "0 turns password.complexity off.",
	  "ホストが求めるべき文字の種類(小文字・大文字・数字・記号)の数。"
	  "0 で password.complexity を行わない。" },
	{ "require_dictionary_check", SA_CONFIG_BOOL, "yes", 0,
	  "Whether new passwords must be checked against a dictionary "
	  "(password.dictionary-check).",
	  "新しいパスワードの辞書照合を求めるか(password.dictionary-check)。" },
	{ "require_lockout", SA_CONFIG_BOOL, "yes", 0,
	  "Whether failed logins must lock the account (password.lockout).",
	  "ログイン失敗によるアカウントのロックを求めるか(password.lockout)。" },
	{ "max_auth_failures", SA_CONFIG_INT, "10", 0,
	  "Most failed logins allowed before the lockout (pam_faillock deny).",
	  "ロックまでに許すログイン失敗の最大回数(pam_faillock の deny)。" },
	{ "remember_passwords", SA_CONFIG_INT, "0", 0,
	  "Old passwords the host must refuse to take again; 0 turns "
	  "password.history off.",
	  "再利用を拒むべき過去のパスワードの数。0 で password.history を"
	  "行わない。" },
	{ "max_password_age", SA_CONFIG_DURATION, NULL, 0,
	  "Longest a password may live (e.g. 90d); unset: aging is not required "
	  "(password.max-age, password.account-aging).",
	  "パスワードの最長有効期間(例: 90d)。未設定なら有効期限を求めない"
	  "(password.max-age、password.account-aging)。" },
	{ "accepted_hash_schemes", SA_CONFIG_STRING,
	  "yescrypt gost-yescrypt sha512 bcrypt scrypt", 0,
	  "Hash schemes counted as strong (of yescrypt, gost-yescrypt, sha512, "
	  "bcrypt, scrypt, sha256, md5, des, ...).",
	  "強いとみなすハッシュ方式(yescrypt、gost-yescrypt、sha512、bcrypt、"
	  "scrypt、sha256、md5、des など)。" },
	{ "rule_files", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Password rule files to use instead of the shipped ones (paths on the "
	  "machine running smeaudit, not under --root).",
	  "同梱のルールの代わりに使うパスワードルールファイル(--root の下では"
	  "なく smeaudit を実行するマシン上のパス)。" },
	{ "extra_rule_files", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Password rule files read after the shipped ones (your own rules).",
	  "同梱のルールに加えて読むパスワードルールファイル(独自のルール)。" },
	{ "disable_rules", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Rule ids password-check ignores (comma separated).",
	  "password-check で使わないルールの ID(カンマ区切り)。" },
	{ "weak_severity", SA_CONFIG_STRING, "medium", 0,
	  "A rule hit at least this severe (low, medium, high, critical) makes "
	  "a password weak.",
	  "この重要度(low、medium、high、critical)以上のルールに該当すると"
	  "パスワードを「弱い」と判定する。" },
	{ "common_password_list", SA_CONFIG_PATH, "/usr/share/john/password.lst", 0,
	  "List of common passwords (Debian package john-data).",
	  "よく使われるパスワードの一覧(Debian パッケージ john-data)。" },
	{ "english_word_list", SA_CONFIG_PATH, "/usr/share/dict/american-english", 0,
	  "English dictionary (Debian package wamerican).",
	  "英語の辞書(Debian パッケージ wamerican)。" },
	{ "extra_word_lists", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Your own word lists, one word per line (customer names, products, "
	  "local words).",
	  "独自の単語リスト。1行に1語(取引先名、製品名、地域の言葉など)。" },
	{ "organisation_names", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Names of the company and its products; passwords built on them are "
	  "weak.",
	  "会社名や製品名。これをもとにしたパスワードは弱いと判定する。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

/* The shipped rules: every *.rules of DATADIR/password, in name order. */
static int
pw_load_shipped(const struct sa_host *host, struct sa_ctx *ctx,
    struct pwr_set *set)
{
	struct hf_names names = { 0 };
	struct dirent *de;
	char *dir, *path;
	size_t i;
	DIR *d;
	int r = 0;

	/* The auditing host's data directory, not a path under --root. */
	dir = hf_printf("%s/password", host->data_dir(ctx));
	if ((d = opendir(dir)) == NULL) {
		r = -errno;
		host->log(ctx, SA_LOG_ERROR, "%s: %s", dir, strerror(-r));
		free(dir);
		return r == -ENOMEM ? r : -EINVAL;
	}
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && strlen(de->d_name) > 6 &&
		    hf_has_suffix(de->d_name, ".rules"))
			hf_names_add(&names, de->d_name);
	closedir(d);
	if (names.n == 0) {
		host->log(ctx, SA_LOG_ERROR, E_("%s: no *.rules file"), dir);
		r = -EINVAL;
	}
	hf_names_sort(&names);
	for (i = 0; r == 0 && i < names.n; i++) {
		path = hf_join(dir, names.v[i]);
		r = pwr_load_file(set, path);
		free(path);
	}
	hf_names_free(&names);
	free(dir);
	return r;
}

/* The files of a list key; a file that is not there is named at its line. */
static int
pw_load_list(const struct hf *hf, struct pwr_set *set, const char *key,
    int *ret_count)
{
	const char *const *files;
	size_t n, i;
	int r;

	if ((r = hf->host->config_list(hf->ctx, NULL, key, &files, &n)) < 0)
		return r;
	if (cfgchk_host_files(hf, NULL, key) != 0)
		return -EINVAL;
	*ret_count = (int)n;
	for (i = 0; i < n; i++)
		if ((r = pwr_load_file(set, files[i])) < 0)
			return r;
	return 0;
}

int
pw_load_rules(const struct sa_host *host, struct sa_ctx *ctx,
    struct pwr_set *set)
{
	const struct hf hf = { host, ctx };
	const char *const *ids;
	char *copy, *tok, *save;
	size_t n, i;
	int r, given;

	pwr_init(set, host, ctx, pw_config);
	if ((r = pw_load_list(&hf, set, "rule_files", &given)) < 0)
		goto fail;
	if (given == 0 && (r = pw_load_shipped(host, ctx, set)) < 0)
		goto fail;
	if ((r = pw_load_list(&hf, set, "extra_rule_files", &given)) < 0)
		goto fail;
	if ((r = pwr_finish(set)) < 0)
		goto fail;
	if ((r = host->config_list(ctx, NULL, "disable_rules", &ids, &n)) < 0)
		goto fail;
	for (i = 0; i < n; i++) {
		copy = hf_strdup(ids[i]);
		save = NULL;
		for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
		    tok = strtok_r(NULL, ", \t", &save))
			if (pwr_disable(set, tok) < 0) {
				cfgchk_fail(&hf, NULL, "disable_rules", i,
				    E_("disable_rules: no rule \"%s\""), tok);
				r = -EINVAL;
			}
		free(copy);
		if (r < 0)
			goto fail;
	}
	return 0;
fail:
	pwr_free(set);
	/* anything but memory is a problem with the input */
	return r == -ENOMEM ? r : -EINVAL;
}

int
pw_weak_severity(const struct sa_host *host, struct sa_ctx *ctx, int *ret)
{
	const struct hf hf = { host, ctx };
	const char *v;
	int sev;

	if (host->config_string(ctx, NULL, "weak_severity", &v) < 0)
		return -EINVAL;
	if ((sev = pwt_severity(v)) < SA_SEV_LOW) {
		cfgchk_fail(&hf, NULL, "weak_severity", 0, E_("weak_severity: \"%s\" "
		    "is not low, medium, high or critical"), v);
		return -EINVAL;
	}
	*ret = sev;
	return 0;
}

/* accepted_hash_schemes: 0, or the error at its line. */
static int
pw_hash_schemes(const struct hf *hf, const char **ret)
{
	static const char *const schemes[] = {
		"yescrypt", "gost-yescrypt", "sha512", "bcrypt", "scrypt", "sha256",
		"sha1", "md5", "bsdi-des", "des", "nt", NULL
	};
	const char *p;
	size_t k, i;

	if (hf->host->config_string(hf->ctx, NULL, "accepted_hash_schemes", ret) < 0)
		return SA_RUN_BAD_INPUT;
	for (p = *ret; *p != '\0'; p += k) {
		p += strspn(p, " \t,");
		if ((k = strcspn(p, " \t,")) == 0)
			break;
		for (i = 0; schemes[i] != NULL; i++)
			if (strlen(schemes[i]) == k && strncmp(schemes[i], p, k) == 0)
				break;
		if (schemes[i] == NULL)
			return cfgchk_fail(hf, NULL, "accepted_hash_schemes", 0,
			    E_("accepted_hash_schemes: unknown scheme \"%.*s\""), (int)k, p);
	}
	return 0;
}

/*
 * Every setting of the audit, read and checked before anything is
 * looked at: by check_config() and again by run() (for a core that does
 * not call check_config).  The rules are loaded too, as password-check
 * will load them, so that a broken rule file shows in the nightly run
 * rather than in front of the staff; they are not needed after.  Returns
 * 0 or SA_RUN_BAD_INPUT after "FILE:LINE[:COL]: why".
 */
static int
pw_configure(const struct hf *hf, struct pwp_wanted *pw,
    struct pwa_wanted *acct)
{
	struct pwr_set rules;
	const char *text;
	long long v;
	int64_t age;
	int b, r, weak;

	memset(pw, 0, sizeof(*pw));
	memset(acct, 0, sizeof(*acct));
	if ((r = pw_load_rules(hf->host, hf->ctx, &rules)) < 0)
		return r == -EINVAL ? SA_RUN_BAD_INPUT : r;
	pwr_free(&rules);
	if (pw_weak_severity(hf->host, hf->ctx, &weak) < 0)
		return SA_RUN_BAD_INPUT;
	if ((r = cfgchk_int(hf, NULL, "min_length", 1, 1024, &v)) != 0)
		return r < 0 ? SA_RUN_BAD_INPUT : r;
	pw->min_length = (long)v;
	if ((r = cfgchk_int(hf, NULL, "min_classes", 0, 4, &v)) != 0)
		return r < 0 ? SA_RUN_BAD_INPUT : r;
	pw->min_classes = (long)v;
	if (hf->host->config_bool(hf->ctx, NULL, "require_dictionary_check", &b) < 0)
		return SA_RUN_BAD_INPUT;
	pw->dictionary_check = b;
	if (hf->host->config_bool(hf->ctx, NULL, "require_lockout", &b) < 0)
		return SA_RUN_BAD_INPUT;
	pw->lockout = b;
	if ((r = cfgchk_int(hf, NULL, "max_auth_failures", 1, 1000, &v)) != 0)
		return r < 0 ? SA_RUN_BAD_INPUT : r;
	pw->max_auth_failures = (long)v;
	if ((r = cfgchk_int(hf, NULL, "remember_passwords", 0, 400, &v)) != 0)
		return r < 0 ? SA_RUN_BAD_INPUT : r;
	pw->remember = (long)v;
	r = hf->host->config_number(hf->ctx, NULL, "max_password_age", &age);
	if (r == -ENOENT)
		pw->max_age_days = -1;
	else if (r < 0)
		return SA_RUN_BAD_INPUT;
	else if (age < 86400) {
		if (hf->host->config_string(hf->ctx, NULL, "max_password_age", &text) < 0)
			text = "?";
		return cfgchk_fail(hf, NULL, "max_password_age", 0,
		    E_("max_password_age = %s: must be a day or more"), text);
	} else
		pw->max_age_days = (long)(age / 86400);
	if ((r = pw_hash_schemes(hf, &pw->hash_schemes)) != 0)
		return r;
	acct->hash_schemes = pw->hash_schemes;
	acct->max_age_days = pw->max_age_days;
	return 0;
}

/* Before anything is audited: every setting and rule must make sense. */
static int
password_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	const struct hf hf = { host, ctx };
	struct pwp_wanted want;
	struct pwa_wanted acct;

	return pw_configure(&hf, &want, &acct);
}

static int
password_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	static const char *const marks[] = { "/etc/passwd", "/etc/login.defs", "/etc/pam.d" };
	const struct hf hf = { host, ctx };
	struct pwp_wanted want;
	struct pwa_wanted acct;
	struct stat st;
	size_t i;
	int r, found;

	/*
	 * Checked already by password_check_config() unless the core
	 * predates it.  Broken rules or settings stop the whole run: nothing
	 * half-applied.
	 */
	if ((r = pw_configure(&hf, &want, &acct)) != 0)
		return r;

	/* Not a Linux system (or not mounted yet): nothing to judge. */
	for (found = 0, i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (host->stat(ctx, marks[i], 0, &st) == 0 ||
		    host->stat(ctx, marks[i], SA_OPEN_DIRECTORY, &st) == 0)
			found = 1;
	if (!found) {
		host->log(ctx, SA_LOG_INFO,
		    E_("no /etc/passwd, /etc/login.defs or /etc/pam.d under the root"));
		return SA_RUN_SKIPPED;
	}
	pwp_audit(host, ctx, &want);
	pwa_audit(host, ctx, &acct);
	return SA_RUN_OK;
}

static const struct sa_command pw_commands[] = {
	{ "password-check",
	  "check candidate passwords against the password rules",
	  "パスワードの候補をパスワードルールで確認する",
	  pwx_main },
	{ NULL, NULL, NULL, NULL }
};

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "password",
	.version = "1.0",
	.description_en = "Password policy, accounts and candidate passwords (item 3)",
	.description_ja = "パスワードの方針・アカウント・候補の確認(項目3)",
	.checks = pw_checks,
	.config = pw_config,
	.run = password_run,
	.commands = pw_commands,
	.check_config = password_check_config,
};
