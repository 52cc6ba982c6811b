/* SPDX-License-Identifier: MIT */
/*
 * The shares plugin's pure parts: the smb.conf reader and its checks,
 * the exports reader, name patterns, ACL decoding and path clean-up.
 * Findings are recorded as "check level object" lines and compared
 * with what each case expects, so a missing or an extra finding fails.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "unit.h"
#include "shares.h"

static const char *const check_names[SH_N_CHECKS] = {
	[SH_WW_FILE] = "world-writable-file",
	[SH_WW_DIR] = "world-writable-dir",
	[SH_SETUID] = "setuid",
	[SH_SETGID] = "setgid",
	[SH_ORPHAN_OWNER] = "orphan-owner",
	[SH_LOCKED_OWNER] = "locked-owner",
	[SH_OTHER_READABLE] = "other-readable-sensitive",
	[SH_SECRET_READABLE] = "secret-file-readable",
	[SH_HOME_OPEN] = "home-too-open",
	[SH_ACL_OTHER_WRITE] = "acl-other-write",
	[SH_ACL_ORPHAN] = "acl-orphan-user",
	[SH_ACL_BROAD_MASK] = "acl-broad-mask",
	[SH_UNREADABLE] = "unreadable",
	[SH_SMB_CONFIG] = "samba-config",
	[SH_SMB_GUEST_WRITE] = "samba-guest-write",
	[SH_SMB_GUEST_ACCESS] = "samba-guest-access",
	[SH_SMB_GUEST_ONLY] = "samba-guest-only",
	[SH_SMB_NO_VALID_USERS] = "samba-no-valid-users",
	[SH_SMB_ADMIN_USERS] = "samba-admin-users",
	[SH_SMB_FORCE_ROOT] = "samba-force-root",
	[SH_SMB_NO_HOSTS_ALLOW] = "samba-no-hosts-allow",
	[SH_SMB_MASK_OTHER_WRITE] = "samba-mask-other-write",
	[SH_SMB_WIDE_LINKS] = "samba-wide-links",
	[SH_SMB_PATH_OPEN] = "samba-path-open",
	[SH_SMB_UNKNOWN_USER] = "samba-unknown-user",
	[SH_SMB_MAP_TO_GUEST] = "samba-map-to-guest",
	[SH_SMB_SMB1] = "samba-smb1",
	[SH_SMB_NTLMV1] = "samba-ntlmv1",
	[SH_SMB_RESTRICT_ANON] = "samba-restrict-anonymous",
	[SH_SMB_USERSHARE_GUESTS] = "samba-usershare-guests",
	[SH_NFS_CONFIG] = "nfs-config",
	[SH_NFS_NO_ROOT_SQUASH] = "nfs-no-root-squash",
	[SH_NFS_WORLD_EXPORT] = "nfs-world-export",
	[SH_NFS_WORLD_READ] = "nfs-world-read",
	[SH_NFS_INSECURE] = "nfs-insecure",
	[SH_NFS_ANON_ROOT] = "nfs-anonuid-root",
	[SH_NFS_SEC_SYS] = "nfs-sec-sys",
};

/* Findings as lines; evidence of the last one kept for spot checks. */
static char recorded[8192];
static char last_evidence[1024];

static void
record(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	size_t used = strlen(recorded);

	(void)user;
	snprintf(recorded + used, sizeof(recorded) - used, "%s %d %s\n",
	    check_names[check], level, object != NULL ? object : "-");
	snprintf(last_evidence, sizeof(last_evidence), "%s",
	    evidence != NULL ? evidence : "");
}

/* Accounts of the fixture system: alice, bob, root; groups staff, root. */
static int
user_exists(void *user, const char *name)
{
	(void)user;
	return strcmp(name, "alice") == 0 || strcmp(name, "bob") == 0 ||
	    strcmp(name, "root") == 0 || strcmp(name, "toor") == 0 ||
	    strcmp(name, "nobody") == 0;
}

static int
group_exists(void *user, const char *name)
{
	(void)user;
	return strcmp(name, "staff") == 0 || strcmp(name, "root") == 0 ||
	    strcmp(name, "wheel") == 0;
}

static long
uid_of(void *user, const char *name)
{
	(void)user;
	return strcmp(name, "toor") == 0 || strcmp(name, "root") == 0 ? 0 :
	    user_exists(NULL, name) ? 1000 : -1;
}

static long
gid_of(void *user, const char *name)
{
	(void)user;
	return strcmp(name, "wheel") == 0 || strcmp(name, "root") == 0 ? 0 :
	    group_exists(NULL, name) ? 100 : -1;
}

/* Included files of the fixture system. */
static int
load(void *user, const char *path, char **ret, size_t *len)
{
	const char *data = NULL;

	(void)user;
	if (strcmp(path, "/etc/samba/inc.conf") == 0)
		data = "[fromInclude]\n  path = /srv/inc\n  guest ok = yes\n";
	else if (strcmp(path, "/rel.conf") == 0)
		data = "read only = no\n";
	else if (strcmp(path, "/etc/samba/loop.conf") == 0)
		data = "include = /etc/samba/loop.conf\n[afterloop]\npath=/l\n";
	if (data == NULL)
		return -ENOENT;
	*ret = strdup(data);
	*len = strlen(data);
	return 0;
}

static void
parse(struct smb_conf *conf, const char *text)
{
	smb_init(conf);
	smb_parse(conf, "/etc/samba/smb.conf", text, strlen(text), 0, load, NULL);
}

static const struct smb_section *
section(const struct smb_conf *conf, const char *name)
{
	size_t i;

	for (i = 0; i < conf->n_sections; i++)
		if (strcasecmp(conf->sections[i].name, name) == 0)
			return &conf->sections[i];
	ck_abort_msg("no section [%s]", name);
	return NULL;
}

static const char *
get(const struct smb_conf *conf, const char *sec, const char *key)
{
	return smb_get(conf, section(conf, sec), key, NULL);
}

START_TEST(smb_syntax)
{
	struct smb_conf c;
	const struct smb_param *p;

	parse(&c,
	    "workgroup = EARLY\n"
	    "   [Global]\n"
	    "\tMap  To Guest = Bad User\n"
	    "  ; a comment\n"
	    "    # another = one\n"
	    "[Data]\n"
	    "  comment = keeps ; and # inside\n"
	    "  path = /srv/da\\   \n"
	    "         ta\n"
	    "  valid users = alice, \\\n"
	    "     @staff\n"
	    "  # a comment does not continue \\\n"
	    "  read only = no\n"
	    "  eaten = x \\\n"
	    "[Ghost]\n"
	    "[data]\n"
	    "  Guest OK = yes\n");
	ck_assert_ptr_null(c.refused);
	ck_assert_str_eq(get(&c, "global", "workgroup"), "EARLY");
	ck_assert_str_eq(get(&c, "global", "maptoguest"), "Bad User");
	ck_assert_str_eq(get(&c, "data", "comment"), "keeps ; and # inside");
	ck_assert_str_eq(get(&c, "data", "path"), "/srv/data");
	ck_assert_str_eq(get(&c, "data", "validusers"), "alice, @staff");
	ck_assert_str_eq(get(&c, "data", "readonly"), "no");
	/* The continuation swallowed the [Ghost] header. */
	ck_assert_str_eq(get(&c, "data", "eaten"), "x [Ghost]");
	/* [data] reopens [Data]. */
	ck_assert_str_eq(get(&c, "DATA", "guestok"), "yes");
	ck_assert_uint_eq(c.n_sections, 2);
	/* Share parameters of [global] are every share's default. */
	smb_get(&c, section(&c, "data"), "maptoguest", &p);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->line, 3);
	smb_get(&c, section(&c, "data"), "path", &p);
	ck_assert_uint_eq(p->line, 8);
	smb_free(&c);
}
END_TEST

START_TEST(smb_synonyms)
{
	struct smb_conf c;

	parse(&c,
	    "[a]\n public = yes\n writable = yes\n only guest = true\n"
	    " allow hosts = 10.\n deny hosts = ALL\n create mode = 0777\n"
	    " directory mode = 0770\n browsable = no\n directory = /srv/a\n"
	    " group = wheel\n print ok = no\n"
	    "[b]\n path = /b\n writeable = on\n read only = 1\n"
	    "[c]\n path = /c\n write ok = off\n"
	    "[global]\n min protocol = NT1\n protocol = SMB3\n");
	ck_assert_ptr_null(c.refused);
	ck_assert_str_eq(get(&c, "a", "guestok"), "yes");
	ck_assert_str_eq(get(&c, "a", "readonly"), "no");
	ck_assert_str_eq(get(&c, "a", "guestonly"), "true");
	ck_assert_str_eq(get(&c, "a", "hostsallow"), "10.");
	ck_assert_str_eq(get(&c, "a", "hostsdeny"), "ALL");
	ck_assert_str_eq(get(&c, "a", "createmask"), "0777");
	ck_assert_str_eq(get(&c, "a", "directorymask"), "0770");
	ck_assert_str_eq(get(&c, "a", "browseable"), "no");
	ck_assert_str_eq(get(&c, "a", "path"), "/srv/a");
	ck_assert_str_eq(get(&c, "a", "forcegroup"), "wheel");
	ck_assert_str_eq(get(&c, "a", "printable"), "no");
	/* The later of two spellings wins. */
	ck_assert_str_eq(get(&c, "b", "readonly"), "1");
	ck_assert_str_eq(get(&c, "c", "readonly"), "yes");
	ck_assert_str_eq(get(&c, "global", "serverminprotocol"), "NT1");
	ck_assert_str_eq(get(&c, "global", "servermaxprotocol"), "SMB3");
	smb_free(&c);
}
END_TEST

START_TEST(smb_include_and_copy)
{
	struct smb_conf c;

	parse(&c,
	    "[first]\n path = /srv/first\n"
	    "  include = /etc/samba/inc.conf\n"
	    "  read only = no\n"
	    "[rel]\n path = /r\n include = rel.conf\n"
	    "[missing]\n path = /m\n include = /etc/samba/none.conf\n"
	    "[macro]\n path = /mm\n include = /etc/samba/%m.conf\n"
	    "[loop]\n path = /lp\n include = /etc/samba/loop.conf\n"
	    "[tmpl]\n path = /t\n guest ok = yes\n writable = yes\n"
	    "[clone]\n path = /clone\n copy = tmpl\n read only = yes\n");
	ck_assert_ptr_null(c.refused);
	/* The section the include left open stays current after it. */
	ck_assert_str_eq(get(&c, "frominclude", "readonly"), "no");
	ck_assert_str_eq(get(&c, "frominclude", "guestok"), "yes");
	ck_assert_ptr_null(get(&c, "first", "readonly"));
	/* Relative to smbd's working directory "/". */
	ck_assert_str_eq(get(&c, "rel", "readonly"), "no");
	/* copy: below the section's own values, before or after it. */
	ck_assert_str_eq(get(&c, "clone", "path"), "/clone");
	ck_assert_str_eq(get(&c, "clone", "readonly"), "yes");
	ck_assert_str_eq(get(&c, "clone", "guestok"), "yes");
	ck_assert_str_eq(get(&c, "afterloop", "path"), "/l");
	ck_assert_uint_eq(c.files.n, 4);
	ck_assert_uint_eq(c.warnings.n, 3);
	ck_assert_ptr_nonnull(strstr(c.warnings.v[0], "none.conf"));
	ck_assert_ptr_nonnull(strstr(c.warnings.v[1], "depends on the client"));
	ck_assert_ptr_nonnull(strstr(c.warnings.v[2], "loops"));
	smb_free(&c);
	/* testparm's dump has the includes expanded already. */
	smb_init(&c);
	smb_parse(&c, "testparm", "[a]\ninclude = /etc/samba/inc.conf\n", 34, 1,
	    load, NULL);
	ck_assert_uint_eq(c.n_sections, 2);
	smb_free(&c);
}
END_TEST

static const struct {
	const char *text;
	const char *where;
} refused_cases[] = {
	{ "[a]\n path = /a\n guest ok = maybe\n", "smb.conf:3:" },
	{ "[a]\n read only = Y\n", "smb.conf:2:" },
	{ "[global]\nmap to guest = bad user ; comment\n", "smb.conf:2:" },
	{ "[global]\nserver min protocol = SMB9\n", "smb.conf:2:" },
	{ "[global]\nntlm auth = on\n", "smb.conf:2:" },
	{ "[a\npath = /a\n", "smb.conf:1:" },
};

START_TEST(smb_refused)
{
	struct smb_conf c;

	parse(&c, refused_cases[_i].text);
	ck_assert_ptr_nonnull(c.refused);
	ck_assert_msg(strstr(c.refused, refused_cases[_i].where) != NULL,
	    "%s", c.refused);
	ck_assert_ptr_nonnull(strstr(c.refused, "Samba refuses"));
	smb_free(&c);
}
END_TEST

static void
audit(const char *text)
{
	struct smb_audit_env env = {
		.config_path = "smb.conf",
		.emit = record,
		.user_exists = user_exists,
		.group_exists = group_exists,
		.uid_of = uid_of,
		.gid_of = gid_of,
	};
	struct smb_conf c;

	recorded[0] = '\0';
	parse(&c, text);
	ck_assert_ptr_null(c.refused);
	smb_audit(&c, &env);
	smb_free(&c);
}

/* A [global] that raises nothing, so each case shows only its share. */
#define QUIET_GLOBAL "[global]\n restrict anonymous = 2\n hosts allow = 10.1.\n"

static const struct {
	const char *text;
	const char *expect;
} audit_cases[] = {
	/* 0: a well-kept share */
	{ QUIET_GLOBAL "[ok]\n path = /srv/ok\n valid users = @staff\n", "" },
	/* 1: anonymous write, through synonyms */
	{ QUIET_GLOBAL "[pub]\n path = /p\n public = yes\n writable = yes\n",
	  "samba-guest-write 0 smb.conf [pub]\n"
	  "samba-guest-access 2 smb.conf [pub]\n" },
	/* 2: guest read only, guest only */
	{ QUIET_GLOBAL "[ro]\n path = /p\n guest ok = yes\n guest only = yes\n",
	  "samba-guest-access 2 smb.conf [ro]\n"
	  "samba-guest-only 2 smb.conf [ro]\n" },
	/* 3: guest ok inherited from [global] */
	{ "[global]\n guest ok = yes\n restrict anonymous = 2\n hosts allow = 10.\n"
	  "[s]\n path = /s\n",
	  "samba-guest-access 2 smb.conf [s]\n" },
	/* 4: no valid users; [homes] too; printers and unavailable are not
	 * disk shares; a share without a path is unavailable */
	{ QUIET_GLOBAL "[open]\n path = /o\n[homes]\n browseable = no\n"
	  "[printers]\n path = /var/tmp\n printable = yes\n guest ok = yes\n"
	  "[off]\n path = /off\n available = no\n guest ok = yes\n"
	  "[nopath]\n guest ok = yes\n",
	  "samba-no-valid-users 2 smb.conf [open]\n"
	  "samba-no-valid-users 2 smb.conf [homes]\n" },
	/* 4b: read-only printer drivers are for every user to fetch */
	{ QUIET_GLOBAL "[print$]\n path = /var/lib/samba/printers\n", "" },
	/* 4c: but a writable [print$] is a share like any other */
	{ QUIET_GLOBAL "[print$]\n path = /var/lib/samba/printers\n"
	  "[other]\n path = /o\n valid users = alice\n"
	  "[Print$]\n write list = root\n",
	  "samba-no-valid-users 2 smb.conf [print$]\n" },
	/* 5: admin users, force user/group root (by name and by uid 0) */
	{ QUIET_GLOBAL "[adm]\n path = /a\n valid users = alice\n admin users = alice\n"
	  " force user = toor\n force group = +wheel\n",
	  "samba-admin-users 2 smb.conf [adm]\n"
	  "samba-force-root 0 smb.conf [adm]\n"
	  "samba-force-root 0 smb.conf [adm]\n" },
	/* 6: no hosts allow anywhere */
	{ "[global]\n restrict anonymous = 2\n[s]\n path = /s\n valid users = alice\n",
	  "samba-no-hosts-allow 2 smb.conf [s]\n" },
	/* 7: masks giving others write, only on writable shares */
	{ QUIET_GLOBAL "[w]\n path = /w\n valid users = alice\n read only = no\n"
	  " create mask = 0666\n force directory mode = 0777\n"
	  "[r]\n path = /r\n valid users = alice\n create mask = 0777\n"
	  "[wl]\n path = /wl\n valid users = alice\n write list = bob\n"
	  " create mode = 0646\n",
	  "samba-mask-other-write 0 smb.conf [w]\n"
	  "samba-mask-other-write 0 smb.conf [w]\n"
	  "samba-mask-other-write 0 smb.conf [wl]\n" },
	/* 8: wide links */
	{ QUIET_GLOBAL "[l]\n path = /l\n valid users = alice\n wide links = yes\n",
	  "samba-wide-links 2 smb.conf [l]\n" },
	/* 9: departed people in user lists, quoted names, groups, macros */
	{ QUIET_GLOBAL "[u]\n path = /u\n valid users = alice, carol \"Dave X\" @staff @gone +gone2 &netgrp %S DOM\\\\eve\n"
	  " write list = bob frank\n read list = @nogroup\n admin users = \n"
	  " force user = ghost\n",
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n"
	  "samba-unknown-user 2 smb.conf [u]\n" },
	/* 10: the global flags */
	{ "[global]\n map to guest = Bad User\n server min protocol = NT1\n"
	  " ntlm auth = yes\n usershare allow guests = yes\n hosts allow = 10.\n",
	  "samba-map-to-guest 2 smb.conf [global]\n"
	  "samba-smb1 0 smb.conf [global]\n"
	  "samba-ntlmv1 0 smb.conf [global]\n"
	  "samba-restrict-anonymous 2 smb.conf [global]\n"
	  "samba-usershare-guests 2 smb.conf [global]\n" },
	/* 11: the worse guest mapping, SMB1 through the maximum,
	 * usershares switched off */
	{ "[global]\n map to guest = bad password\n max protocol = LANMAN2\n"
	  " ntlm auth = ntlmv1-permitted\n restrict anonymous = 1\n"
	  " usershare allow guests = yes\n usershare max shares = 0\n",
	  "samba-map-to-guest 0 smb.conf [global]\n"
	  "samba-smb1 0 smb.conf [global]\n"
	  "samba-ntlmv1 0 smb.conf [global]\n" },
	/* 12: safe values of the same parameters */
	{ "[global]\n map to guest = never\n server min protocol = SMB2_10\n"
	  " ntlm auth = ntlmv2-only\n restrict anonymous = 2\n"
	  " usershare allow guests = no\n",
	  "" },
};

START_TEST(smb_audit_cases)
{
	audit(audit_cases[_i].text);
	ck_assert_str_eq(recorded, audit_cases[_i].expect);
}
END_TEST

START_TEST(smb_evidence)
{
	audit(QUIET_GLOBAL "[pub]\n path = /p\n\n public = yes\n");
	ck_assert_str_eq(last_evidence, "guest ok = yes (/etc/samba/smb.conf:7)");
	audit("[global]\n hosts allow = 10.\n");
	ck_assert_str_eq(last_evidence, "restrict anonymous = 0 (default)");
}
END_TEST

START_TEST(smb_paths)
{
	struct hf_names paths = { 0 }, names = { 0 };
	struct smb_conf c;

	parse(&c, "[a]\npath=/srv/a\n[homes]\n[printers]\npath=/var/tmp\n"
	    "[print$]\npath=/var/lib/samba/printers\n[m]\npath=/srv/%U\n"
	    "[off]\npath=/off\navailable=no\n[b]\ndirectory=/srv/b\n");
	smb_share_paths(&c, &paths, &names);
	ck_assert_uint_eq(paths.n, 2);
	ck_assert_str_eq(paths.v[0], "/srv/a");
	ck_assert_str_eq(paths.v[1], "/srv/b");
	ck_assert_str_eq(names.v[1], "b");
	hf_names_free(&paths);
	hf_names_free(&names);
	smb_free(&c);
}
END_TEST

static const struct {
	const char *text;
	const char *expect;
} nfs_cases[] = {
	/* 0: a careful export */
	{ "/srv/a host1(rw,sec=krb5p) 10.1.2.0/24(ro,sec=krb5i:sys)\n", "" },
	/* 1: rw to everyone, and no_root_squash */
	{ "/srv/a *(rw,no_root_squash,sec=krb5)\n",
	  "nfs-world-export 0 e:1 /srv/a\nnfs-no-root-squash 0 e:1 /srv/a\n" },
	/* 2: the space pitfall: host gets defaults, the world gets rw */
	{ "/srv/a host1 (rw,sec=krb5)\n",
	  "nfs-world-export 0 e:1 /srv/a\n" },
	/* 3: no client at all: everyone, read-only by default */
	{ "\"/srv/with space\"\n",
	  "nfs-world-read 2 e:1 /srv/with space\nnfs-sec-sys 2 e:1 /srv/with space\n" },
	/* 4: wildcards and wide networks; an all-zero network is the world */
	{ "/srv/a *.corp(rw,sec=krb5) 10.0.0.0/8(rw,sec=krb5) 10.0.0.0/255.255.0.0(rw,sec=krb5) "
	  "192.168.0.0/16(rw,sec=krb5) 0.0.0.0/0(ro,sec=krb5) 2001:db8::/32(rw,sec=krb5) "
	  "2001:db8:1::/64(rw,sec=krb5) @trusted(rw,sec=krb5)\n",
	  "nfs-world-export 2 e:1 /srv/a\nnfs-world-export 2 e:1 /srv/a\n"
	  "nfs-world-read 2 e:1 /srv/a\nnfs-world-export 2 e:1 /srv/a\n" },
	/* 5: insecure, anonuid=0 with squashing, later options win */
	{ "/srv/a h1(insecure,sec=krb5) h2(all_squash,anonuid=0,sec=krb5) "
	  "h3(no_root_squash,root_squash,anongid=0,sec=krb5) h4(rw,ro,insecure,secure,sec=krb5)\n",
	  "nfs-insecure 2 e:1 /srv/a\nnfs-anonuid-root 0 e:1 /srv/a\n"
	  "nfs-anonuid-root 0 e:1 /srv/a\n" },
	/* 6: line defaults, continuation, comments, an escaped path */
	{ "# comment\n\n/srv/a\\040b -rw,no_root_squash \\\n   h1 h2(ro) # tail\n/srv/c h3(sec=krb5p)\n",
	  "nfs-no-root-squash 0 e:3 /srv/a b\nnfs-no-root-squash 0 e:3 /srv/a b\n"
	  "nfs-sec-sys 2 e:3 /srv/a b\n" },
};

START_TEST(nfs_audit_cases)
{
	struct nfs_audit_env env = {
		.emit = record, .wide_prefix4 = 16, .wide_prefix6 = 48,
	};

	recorded[0] = '\0';
	nfs_audit("e", nfs_cases[_i].text, strlen(nfs_cases[_i].text), &env);
	ck_assert_str_eq(recorded, nfs_cases[_i].expect);
}
END_TEST

START_TEST(nfs_counts_and_paths)
{
	struct hf_names paths = { 0 };
	struct nfs_audit_env env = {
		.emit = record, .wide_prefix4 = 16, .wide_prefix6 = 48,
		.paths = &paths,
	};
	const char *text = "/a h(sec=krb5)\n  # x\n/b h(sec=krb5)\n";

	recorded[0] = '\0';
	ck_assert_uint_eq(nfs_audit("e", text, strlen(text), &env), 2);
	ck_assert_uint_eq(paths.n, 2);
	ck_assert_str_eq(paths.v[1], "/b");
	ck_assert_str_eq(last_evidence, "");
	text = "/a h1 (rw,sec=krb5)\n";
	nfs_audit("e", text, strlen(text), &env);
	ck_assert_str_eq(last_evidence,
	    "\"(rw,sec=krb5)\" after a space applies to everyone, not the host before it");
	text = "/a h1 (rw)\n";
	nfs_audit("e", text, strlen(text), &env);
	ck_assert_ptr_nonnull(strstr(last_evidence, "sec=sys"));
	ck_assert_uint_eq(paths.n, 4);
	hf_names_free(&paths);
}
END_TEST

START_TEST(patterns)
{
	struct sh_patterns p = { 0 };

	sh_patterns_add(&p, "id_rsa");
	sh_patterns_add(&p, "*.key");
	sh_patterns_add(&p, ".env.*");
	sh_patterns_add(&p, "*privkey*.pem");
	sh_patterns_add(&p, "/usr/lib/*/utempter");
	ck_assert(sh_patterns_match(&p, "id_rsa", 6));
	ck_assert(!sh_patterns_match(&p, "id_rsa.pub", 10));
	ck_assert(sh_patterns_match(&p, "server.key", 10));
	ck_assert(!sh_patterns_match(&p, "key", 3));
	ck_assert(sh_patterns_match(&p, ".env.production", 15));
	ck_assert(!sh_patterns_match(&p, ".env", 4));
	ck_assert(sh_patterns_match(&p, "old-privkey1.pem", 16));
	ck_assert(!sh_patterns_match(&p, "cert.pem", 8));
	ck_assert(sh_patterns_match(&p, "/usr/lib/x86_64/utempter", 24));
	ck_assert(!sh_patterns_match(&p, "", 0));
	sh_patterns_free(&p);
	/* A glob ending in a wildcard must not be skipped by the bitmap. */
	sh_patterns_add(&p, "bak?");
	ck_assert(sh_patterns_match(&p, "bak1", 4));
	sh_patterns_free(&p);
}
END_TEST

START_TEST(acl_decode)
{
	static const unsigned char good[] = {
		2, 0, 0, 0,
		0x01, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,
		0x02, 0, 6, 0, 0x9f, 0x86, 0x01, 0,	/* user:99999:rw- */
		0x10, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,
	};
	struct sh_acl_entry e[8];

	ck_assert_int_eq(sh_acl_decode(good, sizeof(good), e, 8), 3);
	ck_assert_uint_eq(e[1].tag, SH_ACL_USER);
	ck_assert_uint_eq(e[1].perm, 6);
	ck_assert_uint_eq(e[1].id, 99999);
	ck_assert_uint_eq(e[2].tag, SH_ACL_MASK);
	ck_assert_int_eq(sh_acl_decode(good, sizeof(good), e, 2), 2);
	ck_assert_int_eq(sh_acl_decode(good, sizeof(good) - 1, e, 8), -1);
	ck_assert_int_eq(sh_acl_decode("\1\0\0\0", 4, e, 8), -1);
}
END_TEST

START_TEST(normalize)
{
	char *p;

	p = sh_normalize_path("//srv/./a//b/");
	ck_assert_str_eq(p, "/srv/a/b");
	free(p);
	p = sh_normalize_path("/");
	ck_assert_str_eq(p, "/");
	free(p);
	ck_assert_ptr_null(sh_normalize_path("srv"));
	ck_assert_ptr_null(sh_normalize_path("/srv/../etc"));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("shares");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, smb_syntax);
	tcase_add_test(tc, smb_synonyms);
	tcase_add_test(tc, smb_include_and_copy);
	tcase_add_loop_test(tc, smb_refused, 0,
	    (int)(sizeof(refused_cases) / sizeof(refused_cases[0])));
	tcase_add_loop_test(tc, smb_audit_cases, 0,
	    (int)(sizeof(audit_cases) / sizeof(audit_cases[0])));
	tcase_add_test(tc, smb_evidence);
	tcase_add_test(tc, smb_paths);
	tcase_add_loop_test(tc, nfs_audit_cases, 0,
	    (int)(sizeof(nfs_cases) / sizeof(nfs_cases[0])));
	tcase_add_test(tc, nfs_counts_and_paths);
	tcase_add_test(tc, patterns);
	tcase_add_test(tc, acl_decode);
	tcase_add_test(tc, normalize);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
