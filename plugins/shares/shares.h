/* SPDX-License-Identifier: MIT */
/*
 * The shares plugin's own interfaces between its parts: the file walk
 * (walk.c), the Samba reader (smbconf.c), the NFS exports reader
 * (exports.c) and POSIX ACL decoding (acl.c).  The readers are pure:
 * they get file contents and account look-ups through callbacks, so the
 * unit tests drive them without a host.
 */
#ifndef SHARES_H
#define SHARES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Indexes into shares_checks[]; the names there are the public ids. */
enum sh_check {
	SH_WW_FILE,
	SH_WW_DIR,
	SH_SETUID,
	SH_SETGID,
	SH_ORPHAN_OWNER,
	SH_LOCKED_OWNER,
	SH_OTHER_READABLE,
	SH_SECRET_READABLE,
	SH_HOME_OPEN,
	SH_ACL_OTHER_WRITE,
	SH_ACL_ORPHAN,
	SH_ACL_BROAD_MASK,
	SH_UNREADABLE,
	SH_SMB_CONFIG,
	SH_SMB_GUEST_WRITE,
	SH_SMB_GUEST_ACCESS,
	SH_SMB_GUEST_ONLY,
	SH_SMB_NO_VALID_USERS,
	SH_SMB_ADMIN_USERS,
	SH_SMB_FORCE_ROOT,
	SH_SMB_NO_HOSTS_ALLOW,
	SH_SMB_MASK_OTHER_WRITE,
	SH_SMB_WIDE_LINKS,
	SH_SMB_PATH_OPEN,
	SH_SMB_UNKNOWN_USER,
	SH_SMB_MAP_TO_GUEST,
	SH_SMB_SMB1,
	SH_SMB_NTLMV1,
	SH_SMB_RESTRICT_ANON,
	SH_SMB_USERSHARE_GUESTS,
	SH_NFS_CONFIG,
	SH_NFS_NO_ROOT_SQUASH,
	SH_NFS_WORLD_EXPORT,
	SH_NFS_WORLD_READ,
	SH_NFS_INSECURE,
	SH_NFS_ANON_ROOT,
	SH_NFS_SEC_SYS,
	SH_N_CHECKS
};

/* Where a finding goes: the plugin reports it, a unit test records it. */
typedef void (*sh_emit_fn)(void *user, enum sh_check check, int level,
    const char *object, const char *evidence);

/* Does a user or group of this name exist on the audited system? */
typedef int (*sh_name_fn)(void *user, const char *name);

/*
 * Read an included file.  Returns 0 and a NUL-terminated buffer the
 * caller frees with free(), or a negative errno value.
 */
typedef int (*sh_load_fn)(void *user, const char *path, char **ret_data,
    size_t *ret_len);

/* A growable list of strings, owned. */
struct sh_strv {
	char **v;
	size_t n;
};

void sh_strv_add(struct sh_strv *l, const char *s);
void sh_strv_free(struct sh_strv *l);
int sh_strv_has(const struct sh_strv *l, const char *s);

/*
 * Why a file of the audited system could not be read, for evidence:
 * strerror, except for host->open's -EINVAL (a FIFO, device or socket,
 * refused unread).
 */
const char *sh_read_error(int negative_errno);

/* "/a//b/./c/" -> "/a/b/c"; NULL when it is not absolute or has "..". */
char *sh_normalize_path(const char *path);

/* --- smb.conf ------------------------------------------------------- */

struct smb_param {
	char *key;		/* canonical: lower case, no blanks, synonyms mapped */
	char *value;
	const char *file;	/* points into smb_conf.files */
	unsigned int line;
};

struct smb_section {
	char *name;		/* as first written */
	struct smb_param *params;
	size_t n_params;
};

struct smb_conf {
	struct smb_section *sections;	/* [0] is always [global] */
	size_t n_sections;
	struct sh_strv files;	/* every file read, for the evidence */
	/* Samba would refuse this configuration: why, where (else NULL). */
	char *refused;
	struct sh_strv warnings;	/* "FILE:LINE: ..." worth a log line */
};

/*
 * Parse one smb.conf the way Samba does.  testparm_mode: the text is
 * testparm's dump (includes already expanded, so include lines are
 * skipped).  load reads included files; it may be NULL.
 */
void smb_init(struct smb_conf *conf);
void smb_parse(struct smb_conf *conf, const char *path, const char *data,
    size_t len, int testparm_mode, sh_load_fn load, void *load_user);
void smb_free(struct smb_conf *conf);

/* A parameter's effective value in a section (global fallback). */
const char *smb_get(const struct smb_conf *conf, const struct smb_section *sec,
    const char *key, const struct smb_param **ret_param);

/* Samba's boolean: 1, 0, or -1 when not a boolean. */
int smb_bool(const char *value);

struct smb_audit_env {
	const char *config_path;	/* names objects: "PATH [share]" */
	sh_emit_fn emit;
	void *emit_user;
	sh_name_fn user_exists;
	sh_name_fn group_exists;
	void *names_user;
	/* uid of a user name, or -1: for "force user = name-of-uid-0". */
	long (*uid_of)(void *user, const char *name);
	long (*gid_of)(void *user, const char *name);
};

/*
 * Every check of the Samba configuration except the share path's own
 * permissions (the plugin looks at the file system for those).
 */
void smb_audit(const struct smb_conf *conf, const struct smb_audit_env *env);

/* Share paths worth a file scan: available, not printers, no macros. */
void smb_share_paths(const struct smb_conf *conf, struct sh_strv *paths,
    struct sh_strv *names);

/* --- /etc/exports ----------------------------------------------------- */

struct nfs_audit_env {
	sh_emit_fn emit;
	void *emit_user;
	int wide_prefix4;	/* IPv4 networks shorter than this are wide */
	int wide_prefix6;
	struct sh_strv *paths;	/* exported paths are appended here */
};

/* Parse and check one exports file; returns the number of exports. */
size_t nfs_audit(const char *path, const char *data, size_t len,
    const struct nfs_audit_env *env);

/* --- POSIX ACLs ------------------------------------------------------- */

#define SH_ACL_USER_OBJ 0x01
#define SH_ACL_USER 0x02
#define SH_ACL_GROUP_OBJ 0x04
#define SH_ACL_GROUP 0x08
#define SH_ACL_MASK 0x10
#define SH_ACL_OTHER 0x20

struct sh_acl_entry {
	unsigned int tag;
	unsigned int perm;	/* 4 read, 2 write, 1 execute */
	uint32_t id;		/* for SH_ACL_USER and SH_ACL_GROUP */
};

/*
 * Decode the system.posix_acl_access/default extended attribute.
 * Returns the number of entries (at most max), or -1 when it is not a
 * version 2 ACL.
 */
int sh_acl_decode(const void *data, size_t len, struct sh_acl_entry *ret,
    int max);

/* --- name patterns ------------------------------------------------------ */

/*
 * A list of shell patterns, with fast paths for the plain forms used
 * by the built-in lists ("name", "*.suffix", "prefix*").
 */
struct sh_patterns {
	struct sh_pat {
		char *text;
		size_t len;	/* of the fixed part */
		int kind;	/* exact, suffix, prefix, glob */
		int literal_last;	/* a glob whose last byte is plain */
	} *v;
	size_t n;
	/* Bitmaps of the bytes a match can end or start with: most names
	 * are turned away by one test. */
	unsigned char last_char[32];
	unsigned char first_char[32];
	int any_glob;	/* a glob that can end with anything */
};

void sh_patterns_add(struct sh_patterns *p, const char *pattern);
void sh_patterns_free(struct sh_patterns *p);
int sh_patterns_match(const struct sh_patterns *p, const char *name,
    size_t len);

/* --- the file walk ---------------------------------------------------- */

/* What the account look-ups say about an owner. */
#define SH_ID_KNOWN 0
#define SH_ID_MISSING 1	/* no passwd/group entry */
#define SH_ID_LOCKED 2	/* a person's account, locked */

/* Flags of a directory in the walk. */
#define SH_IN_ZONE 0x1	/* under a sensitive or share path */
#define SH_REACHABLE 0x2	/* "other" can search every directory above */

struct sh_walk_cfg {
	int jobs;		/* threads */
	int max_open;		/* directory descriptors per thread */
	int one_filesystem;
	int network_fs;		/* descend into network file systems */
	int pseudo_fs;
	int acl;
	const struct sh_patterns *secret_names;
	const struct sh_patterns *setuid_allow;	/* full paths */
	const struct sh_strv *zones;	/* normalized paths */
	const struct sh_strv *excludes;
	/*
	 * Called from several threads: the plugin serializes them.  emit
	 * gets the path as it is, bytes and all.
	 */
	sh_emit_fn emit;
	unsigned int (*uid_state)(void *user, uid_t uid);
	unsigned int (*gid_state)(void *user, gid_t gid);
	void (*progress)(void *user, uint64_t entries);
	void (*log)(void *user, int level, const char *text);
	void *user;
};

struct sh_walk_root {
	const char *path;	/* normalized, as seen inside the audit root */
	int fd;			/* an O_RDONLY directory descriptor; the walk closes it */
	unsigned int flags;	/* SH_IN_ZONE, SH_REACHABLE */
};

/* Is this file system one the walk leaves alone unless asked? */
int sh_fs_kind(long f_type);	/* 0 local, 1 network, 2 pseudo */
const char *sh_fs_name(long f_type);

/* Walk the roots with cfg->jobs threads; returns the entries seen. */
uint64_t sh_walk(const struct sh_walk_cfg *cfg, struct sh_walk_root *roots,
    size_t n_roots);

#endif /* SHARES_H */
