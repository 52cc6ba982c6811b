/* SPDX-License-Identifier: MIT */
/*
 * shares: evidence for self-diagnosis item 4 (access to important
 * information is restricted) and rule 4 of the five basic rules (review
 * what is shared, including what departed staff leave behind).
 *
 * Four sources, all read through the host so that --root is honoured:
 *   - the file system: one pass over the scan roots (walk.c) for
 *     world-writable files and directories, setuid/setgid programs,
 *     files owned by accounts that no longer exist or are locked,
 *     secrets and anything under a share or sensitive path that every
 *     local user can read, and optionally POSIX ACLs;
 *   - people's home directories from /etc/passwd;
 *   - smb.conf and its includes (smbconf.c), cross-checked against
 *     testparm on a live host;
 *   - /etc/exports and the *.exports files of /etc/exports.d (exports.c).
 * A check that found nothing reports a pass; a source that does not
 * exist (no Samba, no NFS) reports "not applicable".
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "shares.h"

#define SH_MAX_CONFIG (16u * 1024 * 1024)
#define SH_TESTPARM_TIMEOUT_MS 30000

static const struct sa_check shares_checks[] = {
	[SH_WW_FILE] = { "world-writable-file", 4, 0, SA_SEV_HIGH,
	  "Files anyone on the system can change",
	  "誰でも書き換えられるファイルがある",
	  "Remove write permission for others (chmod o-w FILE) and give write "
	  "access through the owning group instead.",
	  "その他のユーザーの書き込み権限を外し(chmod o-w ファイル)、必要な"
	  "人にはグループで書き込み権限を与えてください。" },
	[SH_WW_DIR] = { "world-writable-dir", 4, 0, SA_SEV_HIGH,
	  "Directories anyone can write to, without the sticky bit",
	  "誰でも書き込めてスティッキービットのないディレクトリがある",
	  "Remove write permission for others (chmod o-w DIR); if it really is "
	  "a shared drop box, set the sticky bit (chmod +t DIR) so that people "
	  "cannot delete each other's files.",
	  "その他の書き込み権限を外してください(chmod o-w ディレクトリ)。"
	  "共用の置き場として必要な場合はスティッキービットを付け(chmod +t)、"
	  "他人のファイルを消せないようにしてください。" },
	[SH_SETUID] = { "setuid", 4, 0, SA_SEV_HIGH,
	  "Unexpected setuid programs",
	  "想定外の setuid プログラムがある",
	  "Find out who installed the program and why it runs as its owner; "
	  "remove the bit (chmod u-s FILE) or the file, or add it to "
	  "setuid_allow if it is a known system program.",
	  "誰が何のために設置したか確認し、setuid ビットを外す(chmod u-s)か"
	  "削除してください。正規のシステムプログラムなら setuid_allow に"
	  "追加してください。" },
	[SH_SETGID] = { "setgid", 4, 0, SA_SEV_MEDIUM,
	  "Unexpected setgid programs",
	  "想定外の setgid プログラムがある",
	  "Remove the bit (chmod g-s FILE) unless the program needs its group; "
	  "add known system programs to setuid_allow.",
	  "グループ権限が必要なプログラムでなければ setgid ビットを外して"
	  "ください(chmod g-s)。正規のものは setuid_allow に追加してください。" },
	[SH_ORPHAN_OWNER] = { "orphan-owner", 4, 0, SA_SEV_MEDIUM,
	  "Files owned by accounts or groups that no longer exist",
	  "存在しないアカウント・グループが所有するファイルがある",
	  "These usually belong to staff who have left.  Give the files to "
	  "their new owner (chown) or delete them; a new account that reuses "
	  "the number would silently own them.",
	  "退職者などのファイルであることが多いです。引き継ぐ人に所有者を変更"
	  "(chown)するか削除してください。同じ番号で作られた新しいアカウントが"
	  "知らないうちに所有者になります。" },
	[SH_LOCKED_OWNER] = { "locked-owner", 4, 0, SA_SEV_LOW,
	  "Files owned by locked accounts",
	  "ロックされたアカウントが所有するファイルがある",
	  "A locked account is usually someone who left: hand the files over "
	  "to whoever needs them now and remove the account.",
	  "ロックされたアカウントは退職者であることが多いです。必要な人に"
	  "ファイルを引き継ぎ、アカウントを削除してください。" },
	[SH_OTHER_READABLE] = { "other-readable-sensitive", 4, 0, SA_SEV_HIGH,
	  "Files in shared or sensitive places that every local user can read",
	  "共有・重要フォルダ内に全ユーザーが読めるファイルがある",
	  "Remove access for others (chmod -R o-rwx DIR) and grant it through "
	  "a group of the people who need it.",
	  "その他のユーザーの権限を外し(chmod -R o-rwx ディレクトリ)、必要な"
	  "人だけのグループで権限を与えてください。" },
	[SH_SECRET_READABLE] = { "secret-file-readable", 4, 0, SA_SEV_HIGH,
	  "Private keys, .env files and backups that every local user can read",
	  "秘密鍵・.env・バックアップが全ユーザーから読める",
	  "Make them readable by their owner only (chmod 600 FILE) and move "
	  "backups out of shared and web directories.",
	  "所有者だけが読めるようにし(chmod 600 ファイル)、バックアップは共有"
	  "フォルダや Web 公開ディレクトリの外へ移してください。" },
	[SH_HOME_OPEN] = { "home-too-open", 4, 0, SA_SEV_MEDIUM,
	  "Home directories others can enter, or not owned by their user",
	  "他人が入れる、または本人の所有でないホームディレクトリがある",
	  "Set home directories to 0750 or stricter (chmod 750 HOME) and owned "
	  "by their user (chown USER HOME).",
	  "ホームディレクトリは 0750 以下(chmod 750)にし、所有者を本人に"
	  "してください(chown ユーザー ホーム)。" },
	[SH_ACL_OTHER_WRITE] = { "acl-other-write", 4, 0, SA_SEV_HIGH,
	  "ACLs that make new files writable by everyone",
	  "新しいファイルを誰でも書き込めるようにする ACL がある",
	  "Remove write from the default ACL's \"other\" entry "
	  "(setfacl -d -m o::rx DIR).",
	  "デフォルト ACL の other から書き込みを外してください"
	  "(setfacl -d -m o::rx ディレクトリ)。" },
	[SH_ACL_ORPHAN] = { "acl-orphan-user", 4, 0, SA_SEV_MEDIUM,
	  "ACL entries for users or groups that no longer exist",
	  "存在しないユーザー・グループの ACL エントリがある",
	  "Remove the entry (setfacl -x u:UID FILE): whoever gets that number "
	  "next inherits the access.",
	  "エントリを削除してください(setfacl -x u:UID ファイル)。次にその番号"
	  "を割り当てられた人が権限を引き継いでしまいます。" },
	[SH_ACL_BROAD_MASK] = { "acl-broad-mask", 4, 0, SA_SEV_LOW,
	  "ACLs that let whole groups write",
	  "グループ全体に書き込みを許す ACL がある",
	  "Check that every member of the group still needs write access; "
	  "narrow the mask (setfacl -m m::rx FILE) or the entry if not.",
	  "そのグループの全員に書き込みが必要か確認し、不要ならマスクや"
	  "エントリを狭めてください(setfacl -m m::rx ファイル)。" },
	[SH_UNREADABLE] = { "unreadable", 4, 0, SA_SEV_LOW,
	  "Places the scan could not look into",
	  "確認できなかった場所がある",
	  "Run the audit as root, or check these places by hand.",
	  "root で監査を実行するか、該当箇所を手作業で確認してください。" },
	[SH_SMB_CONFIG] = { "samba-config", 4, 0, SA_SEV_MEDIUM,
	  "Samba configuration that could not be checked",
	  "Samba の設定を確認できない",
	  "Fix the error shown (testparm -s shows what Samba reads).",
	  "表示されたエラーを修正してください(testparm -s で Samba が読む内容を"
	  "確認できます)。" },
	[SH_SMB_GUEST_WRITE] = { "samba-guest-write", 4, 0, SA_SEV_CRITICAL,
	  "Samba shares anyone can write to without a password",
	  "パスワードなしで誰でも書き込める Samba 共有がある",
	  "Set \"guest ok = no\" and list the people who need the share in "
	  "\"valid users\".",
	  "\"guest ok = no\" にし、必要な人を \"valid users\" に列挙してください。" },
	[SH_SMB_GUEST_ACCESS] = { "samba-guest-access", 4, 0, SA_SEV_HIGH,
	  "Samba shares open without a password",
	  "パスワードなしで開ける Samba 共有がある",
	  "Set \"guest ok = no\" unless the share holds only public material.",
	  "公開して問題ない物だけの共有でなければ \"guest ok = no\" にして"
	  "ください。" },
	[SH_SMB_GUEST_ONLY] = { "samba-guest-only", 4, 0, SA_SEV_MEDIUM,
	  "Samba shares where everyone is the same guest",
	  "全員が同じゲストとして接続する Samba 共有がある",
	  "Remove \"guest only\" so that people log in as themselves and the "
	  "files show who changed them.",
	  "\"guest only\" を外し、各自のアカウントで接続して誰が変更したか"
	  "分かるようにしてください。" },
	[SH_SMB_NO_VALID_USERS] = { "samba-no-valid-users", 4, 0, SA_SEV_MEDIUM,
	  "Samba shares every account may open",
	  "すべてのアカウントが開ける Samba 共有がある",
	  "List who may connect with \"valid users = @group\" (for [homes]: "
	  "\"valid users = %S\").",
	  "\"valid users = @グループ\" で接続できる人を限定してください"
	  "([homes] は \"valid users = %S\")。" },
	[SH_SMB_ADMIN_USERS] = { "samba-admin-users", 4, 0, SA_SEV_MEDIUM,
	  "Samba shares with admin users (who act as root there)",
	  "admin users(root として操作できる人)がある Samba 共有",
	  "Remove \"admin users\"; give the people write access instead.",
	  "\"admin users\" を削除し、代わりに書き込み権限を与えてください。" },
	[SH_SMB_FORCE_ROOT] = { "samba-force-root", 4, 0, SA_SEV_CRITICAL,
	  "Samba shares where every file operation runs as root",
	  "すべての操作が root として行われる Samba 共有がある",
	  "Remove \"force user = root\" / \"force group = root\"; force an "
	  "unprivileged account if one owner is needed.",
	  "\"force user = root\" / \"force group = root\" を削除し、必要なら"
	  "権限のない専用アカウントを指定してください。" },
	[SH_SMB_NO_HOSTS_ALLOW] = { "samba-no-hosts-allow", 4, 0, SA_SEV_LOW,
	  "Samba shares reachable from any network",
	  "どのネットワークからでも接続できる Samba 共有がある",
	  "Set \"hosts allow\" in [global] to the office networks "
	  "(for example \"hosts allow = 192.168.1. 127.\").",
	  "[global] の \"hosts allow\" に社内ネットワークを指定してください"
	  "(例: \"hosts allow = 192.168.1. 127.\")。" },
	[SH_SMB_MASK_OTHER_WRITE] = { "samba-mask-other-write", 4, 0, SA_SEV_HIGH,
	  "Samba shares that create files everyone can write",
	  "誰でも書き込めるファイルを作る Samba 共有がある",
	  "Use \"create mask = 0660\" and \"directory mask = 0770\" (or "
	  "stricter) and no \"force ... mode\" with the 0002 bit.",
	  "\"create mask = 0660\"、\"directory mask = 0770\"(またはより厳しく)に"
	  "し、0002 を含む \"force ... mode\" は使わないでください。" },
	[SH_SMB_WIDE_LINKS] = { "samba-wide-links", 4, 0, SA_SEV_MEDIUM,
	  "Samba shares that follow links out of the share",
	  "共有の外へのリンクをたどる Samba 共有がある",
	  "Set \"wide links = no\" (the default).",
	  "\"wide links = no\"(既定値)にしてください。" },
	[SH_SMB_PATH_OPEN] = { "samba-path-open", 4, 0, SA_SEV_HIGH,
	  "Samba share directories open to every local user",
	  "全ローカルユーザーに開かれた Samba 共有ディレクトリがある",
	  "Restrict the share directory (chmod o-rwx DIR, no \"other\" write "
	  "in its ACL) so that only the share's users get in.",
	  "共有ディレクトリの権限を絞り(chmod o-rwx、ACL の other に書き込み"
	  "を与えない)、共有の利用者だけが入れるようにしてください。" },
	[SH_SMB_UNKNOWN_USER] = { "samba-unknown-user", 4, 0, SA_SEV_MEDIUM,
	  "Samba user lists naming accounts that no longer exist",
	  "存在しないアカウントを指定した Samba の利用者リスト",
	  "Remove departed people from valid users, write list, read list and "
	  "admin users: a new account with the same name would get their access.",
	  "valid users などから退職者を削除してください。同じ名前で作られた"
	  "新しいアカウントが権限を引き継いでしまいます。" },
	[SH_SMB_MAP_TO_GUEST] = { "samba-map-to-guest", 4, 0, SA_SEV_HIGH,
	  "Samba turns failed logins into guest logins",
	  "Samba がログイン失敗をゲスト接続に切り替える",
	  "Set \"map to guest = never\" (the default) in [global].",
	  "[global] で \"map to guest = never\"(既定値)にしてください。" },
	[SH_SMB_SMB1] = { "samba-smb1", 4, 0, SA_SEV_HIGH,
	  "Samba accepts the obsolete SMB1 protocol",
	  "Samba が旧式の SMB1 プロトコルを受け付ける",
	  "Set \"server min protocol = SMB2_10\" or later in [global] and "
	  "replace clients that need SMB1.",
	  "[global] で \"server min protocol = SMB2_10\" 以上にし、SMB1 が"
	  "必要な機器は更新してください。" },
	[SH_SMB_NTLMV1] = { "samba-ntlmv1", 4, 0, SA_SEV_HIGH,
	  "Samba accepts NTLMv1 logins",
	  "Samba が NTLMv1 認証を受け付ける",
	  "Set \"ntlm auth = ntlmv2-only\" (the default) in [global].",
	  "[global] で \"ntlm auth = ntlmv2-only\"(既定値)にしてください。" },
	[SH_SMB_RESTRICT_ANON] = { "samba-restrict-anonymous", 4, 0, SA_SEV_LOW,
	  "Samba lists shares and users to anonymous clients",
	  "Samba が匿名の相手に共有やユーザーの一覧を見せる",
	  "Set \"restrict anonymous = 2\" in [global].",
	  "[global] で \"restrict anonymous = 2\" にしてください。" },
	[SH_SMB_USERSHARE_GUESTS] = { "samba-usershare-guests", 4, 0, SA_SEV_MEDIUM,
	  "Users may publish their folders to guests",
	  "利用者が自分のフォルダをゲストに公開できる",
	  "Set \"usershare allow guests = no\" in [global].",
	  "[global] で \"usershare allow guests = no\" にしてください。" },
	[SH_NFS_CONFIG] = { "nfs-config", 4, 0, SA_SEV_MEDIUM,
	  "NFS exports that could not be checked",
	  "NFS の公開設定を確認できない",
	  "Make sure the audit can read /etc/exports and /etc/exports.d.",
	  "監査が /etc/exports と /etc/exports.d を読めるようにしてください。" },
	[SH_NFS_NO_ROOT_SQUASH] = { "nfs-no-root-squash", 4, 0, SA_SEV_CRITICAL,
	  "NFS exports that trust the client's root",
	  "クライアントの root をそのまま信用する NFS 公開がある",
	  "Remove no_root_squash from the export (root_squash is the default) "
	  "and run exportfs -ra.",
	  "no_root_squash を削除し(root_squash が既定値)、exportfs -ra を"
	  "実行してください。" },
	[SH_NFS_WORLD_EXPORT] = { "nfs-world-export", 4, 0, SA_SEV_CRITICAL,
	  "NFS exports writable from anywhere",
	  "どこからでも書き込める NFS 公開がある",
	  "Export read-write only to named hosts or a small subnet, written "
	  "without a space: \"host(rw)\", never \"host (rw)\".",
	  "書き込み可の公開は特定のホストや狭いサブネットに限り、空白なしで"
	  "\"host(rw)\" と書いてください(\"host (rw)\" は全体への公開です)。" },
	[SH_NFS_WORLD_READ] = { "nfs-world-read", 4, 0, SA_SEV_MEDIUM,
	  "NFS exports readable from anywhere",
	  "どこからでも読める NFS 公開がある",
	  "Name the clients that may mount the export.",
	  "マウントしてよいクライアントを指定してください。" },
	[SH_NFS_INSECURE] = { "nfs-insecure", 4, 0, SA_SEV_MEDIUM,
	  "NFS exports that accept requests from unprivileged ports",
	  "特権ポート以外からの要求を受け付ける NFS 公開がある",
	  "Remove \"insecure\" unless a known client needs it.",
	  "必要なクライアントがない限り \"insecure\" を削除してください。" },
	[SH_NFS_ANON_ROOT] = { "nfs-anonuid-root", 4, 0, SA_SEV_CRITICAL,
	  "NFS exports that map anonymous users to root",
	  "匿名ユーザーを root に対応付ける NFS 公開がある",
	  "Remove anonuid=0 / anongid=0: squashed users would become root.",
	  "anonuid=0 / anongid=0 を削除してください。制限したはずの利用者が"
	  "root になります。" },
	[SH_NFS_SEC_SYS] = { "nfs-sec-sys", 4, 0, SA_SEV_LOW,
	  "NFS exports that believe the user id the client sends",
	  "クライアントが申告するユーザー ID を信用する NFS 公開がある",
	  "Where the network is not fully trusted, use Kerberos "
	  "(sec=krb5p) or restrict the export to trusted hosts.",
	  "信頼できないネットワークでは Kerberos(sec=krb5p)を使うか、"
	  "信頼できるホストだけに公開してください。" },
	[SH_N_CHECKS] = { NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key shares_config[] = {
	{ "scan_root", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Directory to scan (repeatable).  When given, replaces the defaults "
	  "/home, /srv, /var/www and /opt.",
	  "走査するディレクトリ(複数指定可)。指定すると既定の /home、/srv、"
	  "/var/www、/opt の代わりになります。" },
	{ "sensitive_path", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Directory holding important information (repeatable): scanned, and "
	  "whatever in it every local user can read or write is reported.",
	  "重要な情報を置くディレクトリ(複数指定可)。走査し、全ローカル"
	  "ユーザーが読み書きできるものを報告します。" },
	{ "share_paths", SA_CONFIG_BOOL, "yes", 0,
	  "Scan the paths of Samba shares and NFS exports too, as sensitive "
	  "paths.",
	  "Samba 共有と NFS 公開のパスも重要なパスとして走査する。" },
	{ "exclude", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Directory left out of the scan with everything below it "
	  "(repeatable).",
	  "配下も含めて走査しないディレクトリ(複数指定可)。" },
	{ "one_filesystem", SA_CONFIG_BOOL, "yes", 0,
	  "Stay on the file system of each scan root (like find -xdev).",
	  "走査ルートごとに同じファイルシステム内だけを走査する(find -xdev と"
	  "同様)。" },
	{ "network_filesystems", SA_CONFIG_BOOL, "no", 0,
	  "Also scan NFS, SMB and other network (and FUSE) file systems.",
	  "NFS・SMB などのネットワーク(および FUSE)ファイルシステムも走査する。" },
	{ "pseudo_filesystems", SA_CONFIG_BOOL, "no", 0,
	  "Also scan pseudo file systems such as /proc and /sys.",
	  "/proc や /sys などの疑似ファイルシステムも走査する。" },
	{ "jobs", SA_CONFIG_INT, "1", 0,
	  "Threads scanning files at the same time (1-64; 0 = one per CPU).",
	  "ファイルを同時に走査するスレッド数(1〜64、0 なら CPU 数)。" },
	{ "max_open_dirs", SA_CONFIG_INT, "64", 0,
	  "Directories each thread keeps open (4-1024); deeper ones are "
	  "reopened when the scan returns to them.",
	  "スレッドごとに開いたままにするディレクトリ数(4〜1024)。それより深い"
	  "ものは戻るときに開き直します。" },
	{ "acl", SA_CONFIG_BOOL, "no", 0,
	  "Also read every file's POSIX ACLs (one more system call per file).",
	  "すべてのファイルの POSIX ACL も読む(ファイルごとにシステムコールが"
	  "1 回増えます)。" },
	{ "setuid_allow", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Shell pattern of a full path allowed to be setuid or setgid "
	  "(repeatable).",
	  "setuid/setgid を許可するフルパスのパターン(複数指定可)。" },
	{ "setuid_builtin", SA_CONFIG_BOOL, "yes", 0,
	  "Also allow the standard setuid/setgid programs of Debian-like "
	  "systems (passwd, su, sudo, mount, ...).",
	  "Debian 系の標準的な setuid/setgid プログラム(passwd、su、sudo、"
	  "mount など)も許可する。" },
	{ "secret_name", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Shell pattern of a file name that holds secrets (repeatable).",
	  "秘密情報を含むファイル名のパターン(複数指定可)。" },
	{ "secret_builtin", SA_CONFIG_BOOL, "yes", 0,
	  "Also use the built-in secret names: private keys, .env, database "
	  "dumps and backup archives.",
	  "組み込みの秘密ファイル名(秘密鍵、.env、DB ダンプ、バックアップ"
	  "アーカイブ)も使う。" },
	{ "human_uid_min", SA_CONFIG_INT, "1000", 0,
	  "Lowest uid of people's accounts (home directories, locked owners).",
	  "人のアカウントとみなす最小の uid(ホームディレクトリ、ロック済み"
	  "所有者の判定)。" },
	{ "samba", SA_CONFIG_BOOL, "yes", 0,
	  "Check the Samba configuration.",
	  "Samba の設定を確認する。" },
	{ "samba_config", SA_CONFIG_PATH, "/etc/samba/smb.conf", 0,
	  "smb.conf to read, inside the audit root.",
	  "読み込む smb.conf(監査対象ルート内のパス)。" },
	{ "testparm", SA_CONFIG_STRING, "/usr/bin/testparm", 0,
	  "testparm program used to cross-check smb.conf on a live host; "
	  "empty to skip.",
	  "稼働中のホストで smb.conf を照合する testparm。空なら照合しない。" },
	{ "nfs", SA_CONFIG_BOOL, "yes", 0,
	  "Check the NFS exports.",
	  "NFS の公開設定を確認する。" },
	{ "nfs_exports", SA_CONFIG_PATH, "/etc/exports", 0,
	  "NFS exports file, inside the audit root.",
	  "NFS の exports ファイル(監査対象ルート内のパス)。" },
	{ "nfs_exports_dir", SA_CONFIG_PATH, "/etc/exports.d", 0,
	  "Directory of further *.exports files, inside the audit root.",
	  "追加の *.exports ファイルのディレクトリ(監査対象ルート内のパス)。" },
	{ "nfs_wide_prefix", SA_CONFIG_INT, "16", 0,
	  "IPv4 networks with a shorter prefix than this count as wide (0-32).",
	  "これより短いプレフィックスの IPv4 ネットワークを広すぎるとみなす"
	  "(0〜32)。" },
	{ "nfs_wide_prefix6", SA_CONFIG_INT, "48", 0,
	  "IPv6 networks with a shorter prefix than this count as wide (0-128).",
	  "これより短いプレフィックスの IPv6 ネットワークを広すぎるとみなす"
	  "(0〜128)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static const char *const shares_default_roots[] = {
	"/home", "/srv", "/var/www", "/opt", NULL
};

/* Standard setuid/setgid programs of Debian and its relatives. */
static const char *const shares_setuid_builtin[] = {
	"/usr/bin/passwd", "/usr/bin/chsh", "/usr/bin/chfn", "/usr/bin/gpasswd",
	"/usr/bin/newgrp", "/usr/bin/su", "/usr/bin/sudo", "/usr/bin/mount",
	"/usr/bin/umount", "/usr/bin/pkexec", "/usr/bin/fusermount",
	"/usr/bin/fusermount3", "/usr/bin/ntfs-3g", "/usr/bin/chage",
	"/usr/bin/expiry", "/usr/bin/crontab", "/usr/bin/ssh-agent",
	"/usr/bin/wall", "/usr/bin/write", "/usr/bin/bsd-write",
	"/usr/bin/dotlockfile", "/usr/bin/at", "/usr/bin/plocate",
	"/usr/bin/mlocate", "/usr/bin/newuidmap", "/usr/bin/newgidmap",
	"/usr/sbin/unix_chkpwd", "/usr/sbin/pam_extrausers_chkpwd",
	"/usr/sbin/mount.nfs", "/usr/sbin/mount.cifs", "/usr/sbin/pppd",
	"/usr/sbin/exim4", "/usr/lib/dbus-1.0/dbus-daemon-launch-helper",
	"/usr/lib/openssh/ssh-keysign",
	"/usr/lib/policykit-1/polkit-agent-helper-1",
	"/usr/lib/polkit-1/polkit-agent-helper-1",
	"/usr/libexec/polkit-agent-helper-1", "/usr/lib/eject/dmcrypt-get-device",
	"/usr/lib/xorg/Xorg.wrap", "/usr/lib/snapd/snap-confine",
	"/usr/lib/*/utempter/utempter", "/usr/libexec/utempter/utempter",
	NULL
};

static const char *const shares_secret_builtin[] = {
	"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
	"id_ed25519_sk", ".env", ".env.*", ".netrc", ".pgpass", ".my.cnf",
	".git-credentials", ".htpasswd", "secring.gpg", "*.key", "*-key.pem",
	"*_key.pem", "*.key.pem", "*privkey*.pem", "*.p12", "*.pfx", "*.jks",
	"*.keystore", "*.ppk", "*.kdbx", "*.bak", "*.backup", "*.sql",
	"*.sql.gz", "*.sql.bz2", "*.sql.xz", "*.sql.zst", "*.dump", "*.dmp",
	"*.tar", "*.tar.gz", "*.tgz", "*.tar.bz2", "*.tbz2", "*.tar.xz",
	"*.txz", "*.tar.zst", "*.zip", "*.7z", "*.rar",
	NULL
};

enum sh_source { SH_SRC_FILES, SH_SRC_ACL, SH_SRC_HOMES, SH_SRC_SAMBA,
	SH_SRC_NFS, SH_N_SOURCES };

/* Which source each check belongs to, for pass and n/a reports. */
static enum sh_source
sh_source_of(enum sh_check c)
{
	if (c == SH_HOME_OPEN)
		return SH_SRC_HOMES;
	if (c == SH_ACL_OTHER_WRITE || c == SH_ACL_ORPHAN || c == SH_ACL_BROAD_MASK)
		return SH_SRC_ACL;
	if (c >= SH_SMB_CONFIG && c <= SH_SMB_USERSHARE_GUESTS)
		return SH_SRC_SAMBA;
	if (c >= SH_NFS_CONFIG && c <= SH_NFS_SEC_SYS)
		return SH_SRC_NFS;
	return SH_SRC_FILES;
}

/* SH_FAILED: part of it could not be read, so no check of it passes. */
enum sh_state { SH_NOT_RUN, SH_CHECKED, SH_ABSENT, SH_FAILED };

struct sh_run {
	struct hf hf;
	pthread_mutex_t lock;
	uint64_t hits[SH_N_CHECKS];
	enum sh_state state[SH_N_SOURCES];
	char summary[SH_N_SOURCES][512];
	/* The settings (shares_configure) */
	long long human_uid_min, jobs, max_open, wide4, wide6;
	struct hf_names zones, excludes, roots;
	struct hf_names asked;	/* roots the configuration names */
	struct sh_patterns secret, setuid_allow;
	int share_paths, samba, nfs, one_filesystem, network_fs, pseudo_fs, acl;
	const char *samba_config, *testparm, *nfs_exports, *nfs_exports_dir;
};

/* --- host glue, safe from several threads ----------------------------- */

static void
sh_report(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	struct sh_run *r = user;

	pthread_mutex_lock(&r->lock);
	r->hits[check]++;
	sa_report(r->hf.host, r->hf.ctx, shares_checks[check].name, level,
	    object, evidence);
	pthread_mutex_unlock(&r->lock);
}

static unsigned int
sh_uid_state(void *user, uid_t uid)
{
	struct sh_run *r = user;
	struct sa_user u;
	unsigned int s;

	pthread_mutex_lock(&r->lock);
	if (r->hf.host->user_by_uid(r->hf.ctx, uid, &u) < 0)
		s = SH_ID_MISSING;
	else if (u.locked == 1 && (long long)uid >= r->human_uid_min)
		s = SH_ID_LOCKED;
	else
		s = SH_ID_KNOWN;
	pthread_mutex_unlock(&r->lock);
	return s;
}

static unsigned int
sh_gid_state(void *user, gid_t gid)
{
	struct sh_run *r = user;
	struct sa_group g;
	unsigned int s;

	pthread_mutex_lock(&r->lock);
	s = r->hf.host->group_by_gid(r->hf.ctx, gid, &g) < 0 ? SH_ID_MISSING :
	    SH_ID_KNOWN;
	pthread_mutex_unlock(&r->lock);
	return s;
}

static void
sh_progress(void *user, uint64_t entries)
{
	struct sh_run *r = user;

	pthread_mutex_lock(&r->lock);
	r->hf.host->progress(r->hf.ctx, "entries", entries);
	pthread_mutex_unlock(&r->lock);
}

static void
sh_log(void *user, int level, const char *text)
{
	struct sh_run *r = user;

	pthread_mutex_lock(&r->lock);
	r->hf.host->log(r->hf.ctx, (enum sa_log_level)level, "%s", text);
	pthread_mutex_unlock(&r->lock);
}

static int
sh_user_exists(void *user, const char *name)
{
	struct sh_run *r = user;
	struct sa_user u;

	return r->hf.host->user_by_name(r->hf.ctx, name, &u) == 0;
}

static int
sh_group_exists(void *user, const char *name)
{
	struct sh_run *r = user;
	struct sa_group g;

	return r->hf.host->group_by_name(r->hf.ctx, name, &g) == 0;
}

static long
sh_uid_of(void *user, const char *name)
{
	struct sh_run *r = user;
	struct sa_user u;

	return r->hf.host->user_by_name(r->hf.ctx, name, &u) == 0 ?
	    (long)u.uid : -1;
}

static long
sh_gid_of(void *user, const char *name)
{
	struct sh_run *r = user;
	struct sa_group g;

	return r->hf.host->group_by_name(r->hf.ctx, name, &g) == 0 ?
	    (long)g.gid : -1;
}

/* Files of the audited system, for smb.conf includes. */
static int
sh_load(void *user, const char *path, char **ret_data, size_t *ret_len)
{
	struct sh_run *r = user;

	return hf_read(&r->hf, path, SH_MAX_CONFIG, ret_data, ret_len);
}

/* --- configuration ------------------------------------------------------- */

/*
 * A PATH list key: absolute, normalized paths, or "FILE:LINE: key =
 * VALUE: why" at the first value that is not.
 */
static int
sh_path_list(struct sh_run *r, const char *key, struct hf_names *out)
{
	const char *const *v;
	size_t n, i;
	char *norm;

	if (r->hf.host->config_list(r->hf.ctx, NULL, key, &v, &n) < 0)
		return SA_RUN_BAD_INPUT;
	for (i = 0; i < n; i++) {
		if ((norm = sh_normalize_path(v[i])) == NULL)
			return cfgchk_fail(&r->hf, NULL, key, i, E_("%s = %s: must be "
			    "an absolute path without \"..\""), key, v[i]);
		hf_names_add(out, norm);
		free(norm);
	}
	return 0;
}

/*
 * A path of the audited system (or, allow_empty, a program that may be
 * left unset): an absolute path, else "FILE:LINE: key = VALUE: why".
 */
static int
sh_path_key(struct sh_run *r, const char *key, int allow_empty,
    const char **ret)
{
	if (r->hf.host->config_string(r->hf.ctx, NULL, key, ret) < 0)
		return SA_RUN_BAD_INPUT;
	if ((*ret)[0] == '/' || (allow_empty && (*ret)[0] == '\0'))
		return 0;
	return cfgchk_fail(&r->hf, NULL, key, 0, E_("%s = %s: must be an "
	    "absolute path%s"), key, *ret, allow_empty ? E_(" or empty") : "");
}

static int
sh_pattern_list(struct sh_run *r, const char *key, const char *builtin_key,
    const char *const *builtin, struct sh_patterns *out)
{
	const char *const *v;
	size_t n, i;
	int use_builtin;

	if (r->hf.host->config_list(r->hf.ctx, NULL, key, &v, &n) < 0 ||
	    r->hf.host->config_bool(r->hf.ctx, NULL, builtin_key,
	    &use_builtin) < 0)
		return SA_RUN_BAD_INPUT;
	for (i = 0; i < n; i++)
		sh_patterns_add(out, v[i]);
	for (i = 0; use_builtin && builtin[i] != NULL; i++)
		sh_patterns_add(out, builtin[i]);
	return 0;
}

static int
sh_bool_key(struct sh_run *r, const char *key, int *ret)
{
	return r->hf.host->config_bool(r->hf.ctx, NULL, key, ret) < 0 ?
	    SA_RUN_BAD_INPUT : 0;
}

/*
 * Every setting, read and checked before anything is looked at: by
 * check_config() before the audit, and by run() again for a core that
 * does not call check_config().  Nothing here touches the audited
 * system; what only it can tell (a scan root that is not there, an
 * smb.conf Samba would refuse) is found and reported by run().  Returns
 * 0 or SA_RUN_BAD_INPUT after "FILE:LINE: key = VALUE: why".
 */
static int
shares_configure(struct sh_run *r)
{
	const char *const *d;
	size_t i;
	int rc;

	if ((rc = cfgchk_int(&r->hf, NULL, "human_uid_min", 0, 0xfffffffeLL,
	    &r->human_uid_min)) != 0 ||
	    (rc = cfgchk_int(&r->hf, NULL, "jobs", 0, 64, &r->jobs)) != 0 ||
	    (rc = cfgchk_int(&r->hf, NULL, "max_open_dirs", 4, 1024,
	    &r->max_open)) != 0 ||
	    (rc = cfgchk_int(&r->hf, NULL, "nfs_wide_prefix", 0, 32,
	    &r->wide4)) != 0 ||
	    (rc = cfgchk_int(&r->hf, NULL, "nfs_wide_prefix6", 0, 128,
	    &r->wide6)) != 0)
		return rc < 0 ? SA_RUN_BAD_INPUT : rc;
	if ((rc = sh_path_list(r, "sensitive_path", &r->zones)) != 0 ||
	    (rc = sh_path_list(r, "exclude", &r->excludes)) != 0 ||
	    (rc = sh_path_list(r, "scan_root", &r->roots)) != 0 ||
	    (rc = sh_path_key(r, "samba_config", 0, &r->samba_config)) != 0 ||
	    (rc = sh_path_key(r, "testparm", 1, &r->testparm)) != 0 ||
	    (rc = sh_path_key(r, "nfs_exports", 0, &r->nfs_exports)) != 0 ||
	    (rc = sh_path_key(r, "nfs_exports_dir", 0, &r->nfs_exports_dir)) != 0)
		return rc;
	if ((rc = sh_pattern_list(r, "secret_name", "secret_builtin",
	    shares_secret_builtin, &r->secret)) != 0 ||
	    (rc = sh_pattern_list(r, "setuid_allow", "setuid_builtin",
	    shares_setuid_builtin, &r->setuid_allow)) != 0 ||
	    (rc = sh_bool_key(r, "share_paths", &r->share_paths)) != 0 ||
	    (rc = sh_bool_key(r, "samba", &r->samba)) != 0 ||
	    (rc = sh_bool_key(r, "nfs", &r->nfs)) != 0 ||
	    (rc = sh_bool_key(r, "one_filesystem", &r->one_filesystem)) != 0 ||
	    (rc = sh_bool_key(r, "network_filesystems", &r->network_fs)) != 0 ||
	    (rc = sh_bool_key(r, "pseudo_filesystems", &r->pseudo_fs)) != 0 ||
	    (rc = sh_bool_key(r, "acl", &r->acl)) != 0)
		return rc;
	for (i = 0; i < r->roots.n; i++)
		hf_names_add(&r->asked, r->roots.v[i]);
	for (i = 0; i < r->zones.n; i++)
		hf_names_add(&r->asked, r->zones.v[i]);
	if (r->roots.n == 0)
		for (d = shares_default_roots; *d != NULL; d++)
			hf_names_add(&r->roots, *d);
	return 0;
}

static void
sh_run_init(struct sh_run *r, const struct sa_host *host, struct sa_ctx *ctx)
{
	memset(r, 0, sizeof(*r));
	r->hf.host = host;
	r->hf.ctx = ctx;
	pthread_mutex_init(&r->lock, NULL);
}

static void
sh_run_free(struct sh_run *r)
{
	hf_names_free(&r->zones);
	hf_names_free(&r->excludes);
	hf_names_free(&r->roots);
	hf_names_free(&r->asked);
	sh_patterns_free(&r->secret);
	sh_patterns_free(&r->setuid_allow);
	pthread_mutex_destroy(&r->lock);
}

/* --- Samba ------------------------------------------------------------- */

struct sh_record {
	enum sh_check check;
	int level;
	char *object;
	char *evidence;
};

struct sh_records {
	struct sh_record *v;
	size_t n;
};

static void
sh_record(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	struct sh_records *rs = user;
	struct sh_record *rec;

	rs->v = hf_grow(rs->v, rs->n + 1, sizeof(*rs->v));
	rec = &rs->v[rs->n++];
	rec->check = check;
	rec->level = level;
	rec->object = hf_strdup(object != NULL ? object : "");
	rec->evidence = hf_strdup(evidence != NULL ? evidence : "");
}

static void
sh_records_free(struct sh_records *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].object);
		free(rs->v[i].evidence);
	}
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static int
sh_same_record(const struct sh_record *a, const struct sh_record *b)
{
	return a->check == b->check && a->level == b->level &&
	    strcmp(a->object, b->object) == 0;
}

/*
 * Run "testparm -s FILE" and capture what Samba itself makes of the
 * configuration.  Returns 0 with the output, 1 when testparm rejected
 * the file, or a negative errno value when it could not be run.
 */
static int
sh_testparm(const char *program, const char *config, char **ret_out,
    size_t *ret_len)
{
	static char *const envp[] = {
		(char *)"PATH=/usr/sbin:/usr/bin:/sbin:/bin", (char *)"LC_ALL=C", NULL
	};
	char *argv[] = { (char *)"testparm", (char *)"-s", (char *)config, NULL };
	posix_spawn_file_actions_t fa;
	struct pollfd pfd;
	char *out = NULL;
	size_t len = 0, cap = 0;
	int p[2], status, rc = 0;
	struct timespec start, now;
	long waited;
	pid_t pid;
	ssize_t n;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -errno;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, program, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	if (rc != 0) {
		close(p[0]);
		return -rc;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		waited = (now.tv_sec - start.tv_sec) * 1000 +
		    (now.tv_nsec - start.tv_nsec) / 1000000;
		if (waited >= SH_TESTPARM_TIMEOUT_MS ||
		    poll(&pfd, 1, (int)(SH_TESTPARM_TIMEOUT_MS - waited)) == 0) {
			rc = -ETIMEDOUT;
			break;
		}
		if (len + 65536 > cap) {
			cap = cap > 0 ? cap * 2 : 131072;
			if (cap > SH_MAX_CONFIG) {
				rc = -EFBIG;
				break;
			}
			out = hf_grow(out, cap + 1, 1);
		}
		n = read(p[0], out + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(p[0]);
	if (rc < 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (rc < 0) {
		free(out);
		return rc;
	}
	if (out == NULL)
		out = hf_grow(NULL, 1, 1);
	out[len] = '\0';
	*ret_out = out;
	*ret_len = len;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static void
sh_smb_audit_env(struct sh_run *r, const char *config, struct sh_records *rs,
    struct smb_audit_env *env)
{
	memset(env, 0, sizeof(*env));
	env->config_path = config;
	env->emit = sh_record;
	env->emit_user = rs;
	env->user_exists = sh_user_exists;
	env->group_exists = sh_group_exists;
	env->uid_of = sh_uid_of;
	env->gid_of = sh_gid_of;
	env->names_user = r;
}

/*
 * The findings both readers agree on are reported with this reader's
 * evidence (it names FILE:LINE); where testparm differs, Samba's own
 * parser is what smbd runs with, so its view wins and the difference is
 * logged for whoever maintains this reader.
 */
static void
sh_smb_crosscheck(struct sh_run *r, const char *program, const char *config,
    struct sh_records *ours)
{
	struct sh_records theirs = { 0 }, merged = { 0 };
	struct smb_audit_env env;
	struct smb_conf tp;
	char *out = NULL;
	size_t len = 0, i, j;
	int rc;
	unsigned char *used_ours, *used_theirs;

	rc = sh_testparm(program, config, &out, &len);
	if (rc < 0) {
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING, E_("cannot run %s: %s"),
		    program, strerror(-rc));
		return;
	}
	if (rc == 1) {
		free(out);
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING,
		    E_("testparm rejects %s; Samba may not be running with it"), config);
		sh_record(ours, SH_SMB_CONFIG, SA_LEVEL_UNKNOWN, config,
		    E_("testparm -s rejects this configuration"));
		return;
	}
	smb_init(&tp);
	smb_parse(&tp, "testparm -s", out, len, 1, NULL, NULL);
	free(out);
	sh_smb_audit_env(r, config, &theirs, &env);
	smb_audit(&tp, &env);
	smb_free(&tp);
	used_ours = hf_alloc(ours->n + 1);
	used_theirs = hf_alloc(theirs.n + 1);
	for (i = 0; i < ours->n; i++)
		for (j = 0; j < theirs.n; j++)
			if (!used_theirs[j] && sh_same_record(&ours->v[i], &theirs.v[j])) {
				used_ours[i] = used_theirs[j] = 1;
				break;
			}
	for (i = 0; i < ours->n; i++)
		if (used_ours[i] || ours->v[i].check == SH_SMB_CONFIG)
			sh_record(&merged, ours->v[i].check, ours->v[i].level,
			    ours->v[i].object, ours->v[i].evidence);
		else
			r->hf.host->log(r->hf.ctx, SA_LOG_WARNING,
			    E_("testparm disagrees: it does not see shares.%s for %s (%s)"),
			    shares_checks[ours->v[i].check].name, ours->v[i].object,
			    ours->v[i].evidence);
	for (j = 0; j < theirs.n; j++)
		if (!used_theirs[j]) {
			r->hf.host->log(r->hf.ctx, SA_LOG_WARNING,
			    E_("testparm disagrees: it sees shares.%s for %s (%s)"),
			    shares_checks[theirs.v[j].check].name, theirs.v[j].object,
			    theirs.v[j].evidence);
			sh_record(&merged, theirs.v[j].check, theirs.v[j].level,
			    theirs.v[j].object, theirs.v[j].evidence);
		}
	for (i = j = 0; i < ours->n; i++)
		j += used_ours[i];
	r->hf.host->log(r->hf.ctx, SA_LOG_INFO, dngettext(TR_DOMAIN,
	    "%s cross-checked with testparm: %zu finding agrees",
	    "%s cross-checked with testparm: %zu findings agree", j), config, j);
	free(used_ours);
	free(used_theirs);
	sh_records_free(&theirs);
	sh_records_free(ours);
	*ours = merged;
}

/* The share directory itself: its mode and its ACLs. */
static void
sh_share_dir(struct sh_run *r, const char *share, const char *path,
    struct sh_records *rs)
{
	static const char *const attrs[2] = {
		"system.posix_acl_access", "system.posix_acl_default"
	};
	struct sh_acl_entry e[64];
	unsigned char buf[4 + 64 * 8];
	char object[2048], ev[512];
	struct stat st;
	struct sa_user u;
	struct sa_group g;
	ssize_t len;
	int fd, a, n, i;

	snprintf(object, sizeof(object), E_("%s (share [%s])"), path, share);
	if (r->hf.host->open(r->hf.ctx, path, SA_OPEN_DIRECTORY, &fd) < 0) {
		r->hf.host->log(r->hf.ctx, SA_LOG_INFO,
		    E_("share [%s]: %s is not a directory here"), share, path);
		return;
	}
	if (fstat(fd, &st) == 0 && (st.st_mode & S_IWOTH)) {
		snprintf(ev, sizeof(ev), (st.st_mode & S_ISVTX) ?
		    E_("mode %04o: every local user can write (sticky)") :
		    E_("mode %04o: every local user can write"),
		    (unsigned int)(st.st_mode & 07777));
		sh_record(rs, SH_SMB_PATH_OPEN, SA_LEVEL_NOT, object, ev);
	}
	for (a = 0; a < 2; a++) {
		len = fgetxattr(fd, attrs[a], buf, sizeof(buf));
		if (len <= 0 || (n = sh_acl_decode(buf, (size_t)len, e, 64)) < 0)
			continue;
		for (i = 0; i < n; i++) {
			if (e[i].tag == SH_ACL_OTHER && (e[i].perm & 2)) {
				snprintf(ev, sizeof(ev), "%s", a ?
				    E_("default ACL gives others write") :
				    E_("ACL gives others write"));
				sh_record(rs, SH_SMB_PATH_OPEN, SA_LEVEL_NOT, object, ev);
			}
			if ((e[i].tag == SH_ACL_USER && r->hf.host->user_by_uid(
			    r->hf.ctx, (uid_t)e[i].id, &u) < 0) ||
			    (e[i].tag == SH_ACL_GROUP && r->hf.host->group_by_gid(
			    r->hf.ctx, (gid_t)e[i].id, &g) < 0)) {
				snprintf(ev, sizeof(ev), e[i].tag == SH_ACL_USER ?
				    (a ? E_("default ACL names user %lu, which no longer exists") :
				    E_("ACL names user %lu, which no longer exists")) :
				    (a ? E_("default ACL names group %lu, which no longer exists") :
				    E_("ACL names group %lu, which no longer exists")),
				    (unsigned long)e[i].id);
				sh_record(rs, SH_SMB_PATH_OPEN, SA_LEVEL_PARTLY, object, ev);
			}
		}
	}
	close(fd);
}

static void
sh_samba(struct sh_run *r, struct hf_names *share_paths)
{
	const char *config = r->samba_config, *testparm = r->testparm;
	struct sh_records rs = { 0 };
	struct smb_audit_env env;
	struct hf_names paths = { 0 }, names = { 0 };
	struct smb_conf conf;
	char *data;
	size_t len, i;
	int rc;

	if (!r->samba)
		return;
	rc = sh_load(r, config, &data, &len);
	if (rc == -ENOENT) {
		r->state[SH_SRC_SAMBA] = SH_ABSENT;
		snprintf(r->summary[SH_SRC_SAMBA], sizeof(r->summary[0]),
		    E_("no %s: Samba is not configured"), config);
		return;
	}
	r->state[SH_SRC_SAMBA] = SH_CHECKED;
	snprintf(r->summary[SH_SRC_SAMBA], sizeof(r->summary[0]), "%s", config);
	if (rc < 0) {
		char ev[256];

		snprintf(ev, sizeof(ev), E_("cannot read: %s"), hf_strerror(rc));
		sh_report(r, SH_SMB_CONFIG, SA_LEVEL_UNKNOWN, config, ev);
		r->state[SH_SRC_SAMBA] = SH_FAILED;
		return;
	}
	smb_init(&conf);
	smb_parse(&conf, config, data, len, 0, sh_load, r);
	free(data);
	for (i = 0; i < conf.warnings.n; i++)
		r->hf.host->log(r->hf.ctx, SA_LOG_WARNING, "%s",
		    conf.warnings.v[i]);
	if (conf.refused != NULL) {
		sh_report(r, SH_SMB_CONFIG, SA_LEVEL_UNKNOWN, config, conf.refused);
		r->state[SH_SRC_SAMBA] = SH_FAILED;
		smb_free(&conf);
		return;
	}
	sh_smb_audit_env(r, config, &rs, &env);
	smb_audit(&conf, &env);
	/*
	 * testparm shows what smbd makes of the configuration.  Of one file
	 * the reader took in whole (no include, "config file" or registry,
	 * no line it had to leave out: nothing to warn about), that is what
	 * the reader saw, and testparm would only add its 15 MB: four times
	 * the rest of an audit together (bench/whole-run.sh).  It runs where
	 * the reader's view may be incomplete.
	 */
	if (testparm[0] != '\0' && r->hf.host->is_live(r->hf.ctx) &&
	    (conf.files.n > 1 || conf.warnings.n > 0) && access(testparm, X_OK) == 0)
		sh_smb_crosscheck(r, testparm, config, &rs);
	else if (testparm[0] != '\0' && r->hf.host->is_live(r->hf.ctx))
		r->hf.host->log(r->hf.ctx, SA_LOG_DEBUG, E_("%s: one file read in whole; "
		    "no testparm cross-check needed"), config);
	for (i = 0; i < rs.n; i++)
		if (rs.v[i].check == SH_SMB_CONFIG)
			r->state[SH_SRC_SAMBA] = SH_FAILED;
	/* The share directories are file system facts, not testparm's. */
	smb_share_paths(&conf, &paths, &names);
	for (i = 0; i < paths.n; i++) {
		char *norm = sh_normalize_path(paths.v[i]);

		sh_share_dir(r, names.v[i], paths.v[i], &rs);
		if (norm != NULL)
			hf_names_add_new(share_paths, norm);
		free(norm);
	}
	hf_names_free(&paths);
	hf_names_free(&names);
	smb_free(&conf);
	for (i = 0; i < rs.n; i++)
		sh_report(r, rs.v[i].check, rs.v[i].level, rs.v[i].object,
		    rs.v[i].evidence);
	sh_records_free(&rs);
}

/* --- NFS --------------------------------------------------------------- */

static int
sh_nfs_file(struct sh_run *r, const char *path, const struct nfs_audit_env *env,
    size_t *count)
{
	char *data, ev[256];
	size_t len;
	int rc;

	rc = sh_load(r, path, &data, &len);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0) {
		snprintf(ev, sizeof(ev), E_("cannot read: %s"), hf_strerror(rc));
		sh_report(r, SH_NFS_CONFIG, SA_LEVEL_UNKNOWN, path, ev);
		return 1;
	}
	*count += nfs_audit(path, data, len, env);
	free(data);
	return 1;
}

static void
sh_nfs(struct sh_run *r, struct hf_names *share_paths)
{
	const char *dir = r->nfs_exports_dir;
	struct nfs_audit_env env;
	struct hf_names names = { 0 }, paths = { 0 };
	size_t count = 0, i;
	char *path;
	int seen;

	if (!r->nfs)
		return;
	memset(&env, 0, sizeof(env));
	env.emit = sh_report;
	env.emit_user = r;
	env.wide_prefix4 = (int)r->wide4;
	env.wide_prefix6 = (int)r->wide6;
	env.paths = &paths;
	seen = sh_nfs_file(r, r->nfs_exports, &env, &count);
	/* exportfs reads only *.exports there, in name order. */
	hf_list(&r->hf, dir, ".exports", &names);
	for (i = 0; i < names.n; i++) {
		path = hf_join(dir, names.v[i]);
		seen |= sh_nfs_file(r, path, &env, &count);
		free(path);
	}
	if (r->hits[SH_NFS_CONFIG] > 0) {
		r->state[SH_SRC_NFS] = SH_FAILED;
	} else if (!seen || count == 0) {
		r->state[SH_SRC_NFS] = SH_ABSENT;
		snprintf(r->summary[SH_SRC_NFS], sizeof(r->summary[0]),
		    "%s", E_("nothing exported over NFS"));
	} else {
		r->state[SH_SRC_NFS] = SH_CHECKED;
		snprintf(r->summary[SH_SRC_NFS], sizeof(r->summary[0]),
		    count == 1 ? E_("%zu export checked") : E_("%zu exports checked"),
		    count);
	}
	for (i = 0; i < paths.n; i++) {
		char *norm = sh_normalize_path(paths.v[i]);

		if (norm != NULL)
			hf_names_add_new(share_paths, norm);
		free(norm);
	}
	hf_names_free(&names);
	hf_names_free(&paths);
}

/* --- home directories ---------------------------------------------------- */

static void
sh_homes(struct sh_run *r)
{
	char *data, *line, *f[7], *p, ev[256];
	size_t len, checked = 0;
	struct hf_lines it;
	unsigned long uid;
	struct stat st;
	int rc, level;

	if (sh_load(r, "/etc/passwd", &data, &len) < 0) {
		r->state[SH_SRC_HOMES] = SH_ABSENT;
		snprintf(r->summary[SH_SRC_HOMES], sizeof(r->summary[0]),
		    "%s", E_("no /etc/passwd"));
		return;
	}
	hf_lines_init(&it, data, len);
	while ((line = hf_lines_cut(&it)) != NULL) {
		if (hf_split(line, ':', f, 7) < 7 || f[0][0] == '#' ||
		    f[0][0] == '+' || f[0][0] == '-')
			continue;
		uid = strtoul(f[2], &p, 10);
		if (*p != '\0' || (long long)uid < r->human_uid_min ||
		    uid == 65534 || f[5][0] != '/' || strcmp(f[5], "/") == 0)
			continue;
		/* A symlinked home (or /home) resolves inside the root. */
		rc = r->hf.host->stat(r->hf.ctx, f[5], 0, &st);
		if (rc == -ENOENT || rc == -ENOTDIR)
			continue;
		if (rc < 0) {
			snprintf(ev, sizeof(ev), E_("home of %s: %s"), f[0], hf_strerror(rc));
			sh_report(r, SH_UNREADABLE, SA_LEVEL_UNKNOWN, f[5], ev);
			continue;
		}
		if (!S_ISDIR(st.st_mode))
			continue;
		checked++;
		if (st.st_uid != (uid_t)uid) {
			snprintf(ev, sizeof(ev), E_("home of %s (uid %lu) is owned by uid %lu"),
			    f[0], uid, (unsigned long)st.st_uid);
			sh_report(r, SH_HOME_OPEN, SA_LEVEL_NOT, f[5], ev);
		} else if (st.st_mode & 027) {
			/* Write for group or others is worse than a look. */
			level = (st.st_mode & 022) ? SA_LEVEL_NOT : SA_LEVEL_PARTLY;
			snprintf(ev, sizeof(ev), E_("home of %s: mode %04o (more open than 0750)"),
			    f[0], (unsigned int)(st.st_mode & 07777));
			sh_report(r, SH_HOME_OPEN, level, f[5], ev);
		}
	}
	free(data);
	if (checked > 0) {
		r->state[SH_SRC_HOMES] = SH_CHECKED;
		snprintf(r->summary[SH_SRC_HOMES], sizeof(r->summary[0]),
		    checked == 1 ? E_("%zu home directory checked") :
		    E_("%zu home directories checked"), checked);
	} else {
		r->state[SH_SRC_HOMES] = SH_ABSENT;
		snprintf(r->summary[SH_SRC_HOMES], sizeof(r->summary[0]),
		    E_("no home directories of people (uid >= %lld)"), r->human_uid_min);
	}
}

/* --- the scan roots ------------------------------------------------------ */

static int
sh_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return 1;
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Can "other" search every directory from / down to path? */
static int
sh_reachable(struct sh_run *r, const char *path)
{
	char prefix[PATH_MAX];
	struct stat st;
	size_t i, n = strlen(path);

	if (n >= sizeof(prefix) ||
	    r->hf.host->stat(r->hf.ctx, "/", 0, &st) < 0 ||
	    !(st.st_mode & S_IXOTH))
		return 0;
	for (i = 2; i <= n; i++) {
		if (i < n && path[i] != '/')
			continue;
		memcpy(prefix, path, i);
		prefix[i] = '\0';
		if (r->hf.host->stat(r->hf.ctx, prefix, 0, &st) < 0 ||
		    !(st.st_mode & S_IXOTH))
			return 0;
	}
	return 1;
}

static int
sh_cmp_len(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);

	return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y);
}

struct sh_open_root {
	char *path;
	int fd;
	dev_t dev;
	ino_t ino;
};

static size_t
sh_open_roots(struct sh_run *r, int network_fs, int pseudo_fs,
    struct sh_walk_root **ret)
{
	struct sh_walk_root *roots = NULL;
	struct sh_open_root *open_roots = NULL;
	struct statfs sfs;
	struct stat st, st2;
	size_t n = 0, i, j;
	char ev[256];
	int fd, rc, kind, skip;

	/* Shortest first: a root inside another one comes after it. */
	qsort(r->roots.v, r->roots.n, sizeof(*r->roots.v), sh_cmp_len);
	for (i = 0; i < r->roots.n; i++) {
		const char *path = r->roots.v[i];

		skip = 0;
		for (j = 0; j < r->excludes.n; j++)
			if (sh_under(path, r->excludes.v[j]))
				skip = 1;
		if (skip)
			continue;
		rc = r->hf.host->open(r->hf.ctx, path, SA_OPEN_DIRECTORY, &fd);
		if (rc == -ENOENT || rc == -ENOTDIR) {
			/* The defaults are guesses; a configured path is not. */
			r->hf.host->log(r->hf.ctx, hf_names_has(&r->asked, path) ?
			    SA_LOG_WARNING : SA_LOG_DEBUG, "%s: %s; not scanned",
			    path, strerror(-rc));
			continue;
		}
		if (rc < 0) {
			snprintf(ev, sizeof(ev), E_("cannot open: %s"), hf_strerror(rc));
			sh_report(r, SH_UNREADABLE, SA_LEVEL_UNKNOWN, path, ev);
			continue;
		}
		if (fstat(fd, &st) < 0) {
			close(fd);
			continue;
		}
		if (fstatfs(fd, &sfs) == 0 && (kind = sh_fs_kind((long)sfs.f_type)) != 0 &&
		    ((kind == 1 && !network_fs) || (kind == 2 && !pseudo_fs))) {
			r->hf.host->log(r->hf.ctx, SA_LOG_INFO,
			    E_("%s: %s file system not scanned"), path,
			    sh_fs_name((long)sfs.f_type));
			close(fd);
			continue;
		}
		for (j = 0; j < n && !skip; j++) {
			if (open_roots[j].dev == st.st_dev && open_roots[j].ino == st.st_ino)
				skip = 1;	/* the same directory twice */
			/* Inside another root on the same file system, reached
			 * without a symlink: that walk gets there anyway. */
			else if (sh_under(path, open_roots[j].path) &&
			    open_roots[j].dev == st.st_dev &&
			    r->hf.host->stat(r->hf.ctx, path, SA_OPEN_NOFOLLOW,
			    &st2) == 0 &&
			    st2.st_ino == st.st_ino)
				skip = 1;
		}
		if (skip) {
			close(fd);
			continue;
		}
		open_roots = hf_grow(open_roots, n + 1, sizeof(*open_roots));
		roots = hf_grow(roots, n + 1, sizeof(*roots));
		open_roots[n].path = r->roots.v[i];
		open_roots[n].fd = fd;
		open_roots[n].dev = st.st_dev;
		open_roots[n].ino = st.st_ino;
		roots[n].path = r->roots.v[i];
		roots[n].fd = fd;
		roots[n].flags = 0;
		for (j = 0; j < r->zones.n; j++)
			if (sh_under(path, r->zones.v[j]))
				roots[n].flags |= SH_IN_ZONE;
		if (sh_reachable(r, path))
			roots[n].flags |= SH_REACHABLE;
		n++;
	}
	free(open_roots);
	*ret = roots;
	return n;
}

static void
sh_files(struct sh_run *r)
{
	struct sh_walk_cfg cfg;
	struct sh_walk_root *roots;
	long long jobs = r->jobs;
	size_t n, i;
	uint64_t entries;

	memset(&cfg, 0, sizeof(cfg));
	cfg.one_filesystem = r->one_filesystem;
	cfg.network_fs = r->network_fs;
	cfg.pseudo_fs = r->pseudo_fs;
	cfg.acl = r->acl;
	if (jobs == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = cpus > 0 ? (cpus > 64 ? 64 : cpus) : 1;
	}
	cfg.jobs = (int)jobs;
	cfg.max_open = (int)r->max_open;
	cfg.secret_names = &r->secret;
	cfg.setuid_allow = &r->setuid_allow;
	cfg.zones = &r->zones;
	cfg.excludes = &r->excludes;
	cfg.emit = sh_report;
	cfg.uid_state = sh_uid_state;
	cfg.gid_state = sh_gid_state;
	cfg.progress = sh_progress;
	cfg.log = sh_log;
	cfg.user = r;
	n = sh_open_roots(r, cfg.network_fs, cfg.pseudo_fs, &roots);
	if (n == 0) {
		/* Roots that are there but unreadable: nothing may pass. */
		r->state[SH_SRC_FILES] = r->hits[SH_UNREADABLE] > 0 ?
		    SH_FAILED : SH_ABSENT;
		snprintf(r->summary[SH_SRC_FILES], sizeof(r->summary[0]),
		    "%s", E_("none of the scan roots exists"));
		free(roots);
		return;
	}
	entries = sh_walk(&cfg, roots, n);
	r->state[SH_SRC_FILES] = SH_CHECKED;
	if (cfg.acl)
		r->state[SH_SRC_ACL] = SH_CHECKED;
	{
		size_t used;

		used = (size_t)snprintf(r->summary[SH_SRC_FILES],
		    sizeof(r->summary[0]), E_("%llu entries checked under"),
		    (unsigned long long)entries);
		for (i = 0; i < n && used < sizeof(r->summary[0]); i++)
			used += (size_t)snprintf(r->summary[SH_SRC_FILES] + used,
			    sizeof(r->summary[0]) - used, " %s", roots[i].path);
		snprintf(r->summary[SH_SRC_ACL], sizeof(r->summary[0]), "%s",
		    r->summary[SH_SRC_FILES]);
	}
	r->hf.host->log(r->hf.ctx, SA_LOG_INFO, "%s", r->summary[SH_SRC_FILES]);
	free(roots);
}

/* Before anything is audited: every setting must make sense. */
static int
shares_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct sh_run r;
	int rc;

	sh_run_init(&r, host, ctx);
	rc = shares_configure(&r);
	sh_run_free(&r);
	return rc;
}

static int
shares_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct sh_run r;
	struct hf_names share_paths = { 0 };
	size_t i;
	int rc, anything = 0;

	sh_run_init(&r, host, ctx);
	/* Checked already by shares_check_config() unless the core predates it. */
	if ((rc = shares_configure(&r)) != 0)
		goto out;
	sh_samba(&r, &share_paths);
	sh_nfs(&r, &share_paths);
	for (i = 0; r.share_paths && i < share_paths.n; i++)
		hf_names_add_new(&r.zones, share_paths.v[i]);
	for (i = 0; i < r.zones.n; i++)
		hf_names_add_new(&r.roots, r.zones.v[i]);
	sh_homes(&r);
	sh_files(&r);
	/* A check that found nothing is evidence too. */
	for (i = 0; i < SH_N_CHECKS; i++) {
		enum sh_source src = sh_source_of((enum sh_check)i);

		if (r.state[src] == SH_CHECKED || r.state[src] == SH_FAILED)
			anything = 1;
		if (r.hits[i] > 0)
			continue;
		if (r.state[src] == SH_CHECKED)
			sa_report(host, ctx, shares_checks[i].name,
			    SA_LEVEL_IMPLEMENTED, NULL, r.summary[src]);
		else if (r.state[src] == SH_ABSENT)
			sa_report(host, ctx, shares_checks[i].name, SA_LEVEL_NA,
			    NULL, r.summary[src]);
	}
	rc = anything ? SA_RUN_OK : SA_RUN_SKIPPED;
out:
	hf_names_free(&share_paths);
	sh_run_free(&r);
	return rc;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "shares",
	.version = "1.0",
	.description_en = "Shared files, Samba and NFS: who can read and write what",
	.description_ja = "共有ファイル・Samba・NFS: 誰が何を読み書きできるか",
	.checks = shares_checks,
	.config = shares_config,
	.run = shares_run,
	.check_config = shares_check_config,
};
