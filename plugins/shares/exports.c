/* SPDX-License-Identifier: MIT */
/*
 * /etc/exports as exportfs(8) reads it: "PATH [-DEFAULTS] CLIENT(OPTS)...",
 * '#' to the end of the line is a comment, '\' at the end continues the
 * line, a path may be quoted and use \NNN octal escapes.  A client with
 * no options gets the defaults (ro, root_squash, secure, sec=sys); a
 * path with no client is exported to everyone; and "host (rw)" -- with a
 * space -- exports to "host" with the defaults and read-write to the
 * whole world, the classic mistake this reader exists to catch.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shares.h"

enum nfs_reach { NFS_HOST, NFS_WIDE, NFS_WORLD };

struct nfs_opts {
	int rw;
	int root_squash;
	int all_squash;
	int insecure;
	long anonuid;
	long anongid;
	int sec_sys_only;
	char sec[128];
};

struct nfs_line {
	const char *file;
	unsigned int line;
	const char *path;
	const struct nfs_audit_env *env;
	int any_sec_strong;
	int n_clients;
	char first_client[256];
};

static void
nfs_defaults(struct nfs_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->root_squash = 1;
	o->anonuid = 65534;
	o->anongid = 65534;
	o->sec_sys_only = 1;
	snprintf(o->sec, sizeof(o->sec), "sys");
}

/* Apply "rw,no_root_squash,sec=krb5p:sys,anonuid=0" left to right. */
static void
nfs_apply(struct nfs_opts *o, const char *opts, size_t n)
{
	const char *p = opts, *end = opts + n, *comma;
	char opt[128];
	size_t len;

	while (p < end) {
		comma = memchr(p, ',', (size_t)(end - p));
		if (comma == NULL)
			comma = end;
		len = (size_t)(comma - p);
		if (len >= sizeof(opt))
			len = sizeof(opt) - 1;
		memcpy(opt, p, len);
		opt[len] = '\0';
		p = comma + 1;
		if (strcmp(opt, "rw") == 0)
			o->rw = 1;
		else if (strcmp(opt, "ro") == 0)
			o->rw = 0;
		else if (strcmp(opt, "root_squash") == 0)
			o->root_squash = 1;
		else if (strcmp(opt, "no_root_squash") == 0)
			o->root_squash = 0;
		else if (strcmp(opt, "all_squash") == 0)
			o->all_squash = 1;
		else if (strcmp(opt, "no_all_squash") == 0)
			o->all_squash = 0;
		else if (strcmp(opt, "insecure") == 0)
			o->insecure = 1;
		else if (strcmp(opt, "secure") == 0)
			o->insecure = 0;
		else if (strncmp(opt, "anonuid=", 8) == 0)
			o->anonuid = strtol(opt + 8, NULL, 10);
		else if (strncmp(opt, "anongid=", 8) == 0)
			o->anongid = strtol(opt + 8, NULL, 10);
		else if (strncmp(opt, "sec=", 4) == 0) {
			const char *s = opt + 4;

			snprintf(o->sec, sizeof(o->sec), "%s", s);
			/* Any flavour other than sys is a real check. */
			o->sec_sys_only = 1;
			while (*s != '\0') {
				size_t k = strcspn(s, ":");

				if (!(k == 3 && strncmp(s, "sys", 3) == 0) &&
				    !(k == 4 && strncmp(s, "none", 4) == 0))
					o->sec_sys_only = 0;
				s += k;
				if (*s == ':')
					s++;
			}
		}
	}
}

static int
nfs_prefix(const char *mask, int bits_max, int is_v6)
{
	unsigned char b[16];
	char *end;
	long v;
	int i, n = 0;

	v = strtol(mask, &end, 10);
	if (*end == '\0' && end != mask)
		return v < 0 || v > bits_max ? bits_max : (int)v;
	if (is_v6 || inet_pton(AF_INET, mask, b) != 1)
		return bits_max;
	/* A dotted mask: count its leading ones. */
	for (i = 0; i < 4; i++) {
		unsigned char c = b[i];

		while (c & 0x80) {
			n++;
			c = (unsigned char)(c << 1);
		}
		if (b[i] != 0xff)
			break;
	}
	return n;
}

static enum nfs_reach
nfs_classify(const char *client, const struct nfs_audit_env *env)
{
	const char *slash;
	char addr[128];
	unsigned char buf[16];
	size_t n;
	int is_v6, prefix;

	if (client[0] == '\0' || strcmp(client, "*") == 0)
		return NFS_WORLD;
	if (client[0] == '@')
		return NFS_HOST;	/* a netgroup: as wide as its members */
	if (strpbrk(client, "*?[") != NULL)
		return NFS_WIDE;
	slash = strchr(client, '/');
	if (slash == NULL)
		return NFS_HOST;
	n = (size_t)(slash - client);
	if (n >= sizeof(addr))
		return NFS_HOST;
	memcpy(addr, client, n);
	addr[n] = '\0';
	is_v6 = strchr(addr, ':') != NULL;
	if (inet_pton(is_v6 ? AF_INET6 : AF_INET, addr, buf) != 1) {
		/* "0/0" and friends: a shortened address with a prefix. */
		if (strspn(addr, "0.") != n)
			return NFS_HOST;
	}
	prefix = nfs_prefix(slash + 1, is_v6 ? 128 : 32, is_v6);
	if (prefix == 0)
		return NFS_WORLD;
	if (prefix < (is_v6 ? env->wide_prefix6 : env->wide_prefix4))
		return NFS_WIDE;
	return NFS_HOST;
}

static void
nfs_emit(const struct nfs_line *l, enum sh_check check, int level,
    const char *evidence)
{
	char object[4200];

	snprintf(object, sizeof(object), "%s:%u %s", l->file, l->line, l->path);
	l->env->emit(l->env->emit_user, check, level, object, evidence);
}

static void
nfs_client(struct nfs_line *l, const char *client, const char *line_defaults,
    const char *opts, size_t opts_len, int pitfall)
{
	struct nfs_opts o;
	enum nfs_reach reach;
	char ev[700];

	nfs_defaults(&o);
	if (line_defaults != NULL)
		nfs_apply(&o, line_defaults, strlen(line_defaults));
	if (opts != NULL)
		nfs_apply(&o, opts, opts_len);
	if (l->n_clients++ == 0)
		snprintf(l->first_client, sizeof(l->first_client), "%s",
		    client[0] != '\0' ? client : "*");
	reach = nfs_classify(client, l->env);
	if (pitfall)
		snprintf(ev, sizeof(ev),
		    E_("\"(%.*s)\" after a space applies to everyone, not the host before it"),
		    (int)(opts_len > 300 ? 300 : opts_len), opts);
	else if (client[0] == '\0')
		snprintf(ev, sizeof(ev), E_("no client given: exported to everyone (%s)"),
		    o.rw ? "rw" : "ro");
	else
		snprintf(ev, sizeof(ev), "%.300s(%.*s)", client,
		    (int)(opts_len > 300 ? 300 : opts_len), opts != NULL ? opts : "");
	if (reach == NFS_WORLD && o.rw)
		nfs_emit(l, SH_NFS_WORLD_EXPORT, 0, ev);
	else if (reach == NFS_WIDE && o.rw)
		nfs_emit(l, SH_NFS_WORLD_EXPORT, 2, ev);
	else if (reach == NFS_WORLD)
		nfs_emit(l, SH_NFS_WORLD_READ, 2, ev);
	if (!o.root_squash && !o.all_squash)
		nfs_emit(l, SH_NFS_NO_ROOT_SQUASH, 0, ev);
	if ((o.root_squash || o.all_squash) && (o.anonuid == 0 || o.anongid == 0))
		nfs_emit(l, SH_NFS_ANON_ROOT, 0, ev);
	if (o.insecure)
		nfs_emit(l, SH_NFS_INSECURE, 2, ev);
	if (!o.sec_sys_only)
		l->any_sec_strong = 1;
}

/* Decode "\040" escapes in place. */
static void
nfs_unescape(char *s)
{
	char *o = s;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
		} else
			*o++ = *s++;
	}
	*o = '\0';
}

/* Next token: quoted strings keep their blanks. */
static char *
nfs_token(char **cursor)
{
	char *p = *cursor, *start, *o;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0') {
		*cursor = p;
		return NULL;
	}
	start = o = p;
	while (*p != '\0' && *p != ' ' && *p != '\t') {
		if (*p == '"') {
			p++;
			while (*p != '\0' && *p != '"')
				*o++ = *p++;
			if (*p == '"')
				p++;
			continue;
		}
		*o++ = *p++;
	}
	if (*p != '\0')
		p++;
	*o = '\0';
	*cursor = p;
	return start;
}

static void
nfs_logical_line(const char *file, unsigned int line, char *text,
    const struct nfs_audit_env *env, size_t *count)
{
	struct nfs_line l;
	char *cursor = text, *tok, *path, *paren, *close, *defaults = NULL;
	char sec_ev[300];
	int prev_bare = 0;

	path = nfs_token(&cursor);
	if (path == NULL)
		return;
	nfs_unescape(path);
	memset(&l, 0, sizeof(l));
	l.file = file;
	l.line = line;
	l.path = path;
	l.env = env;
	(*count)++;
	if (env->paths != NULL && path[0] == '/')
		hf_names_add(env->paths, path);
	while ((tok = nfs_token(&cursor)) != NULL) {
		if (tok[0] == '-' && l.n_clients == 0 && defaults == NULL) {
			defaults = tok + 1;
			continue;
		}
		paren = strchr(tok, '(');
		if (paren == NULL) {
			nfs_client(&l, tok, defaults, NULL, 0, 0);
			prev_bare = 1;
			continue;
		}
		close = strchr(paren, ')');
		*paren = '\0';
		nfs_client(&l, tok, defaults, paren + 1,
		    close != NULL ? (size_t)(close - paren - 1) : strlen(paren + 1),
		    tok[0] == '\0' && prev_bare);
		prev_bare = 0;
	}
	if (l.n_clients == 0)
		nfs_client(&l, "", defaults, NULL, 0, 0);
	if (!l.any_sec_strong) {
		snprintf(sec_ev, sizeof(sec_ev),
		    "%s", E_("only sec=sys: the server trusts the uid the client claims"));
		nfs_emit(&l, SH_NFS_SEC_SYS, 2, sec_ev);
	}
}

size_t
nfs_audit(const char *file, const char *data, size_t len,
    const struct nfs_audit_env *env)
{
	const char *p = data, *end = data + len, *nl;
	char *logical = NULL, *hash;
	size_t cap = 0, n = 0, count = 0, seg;
	unsigned int line = 0, first = 0;
	int more;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		line++;
		if (n == 0)
			first = line;
		seg = (size_t)(nl - p);
		if (n + seg + 2 > cap) {
			cap = (n + seg + 2) * 2;
			logical = hf_grow(logical, cap, 1);
		}
		memcpy(logical + n, p, seg);
		n += seg;
		logical[n] = '\0';
		p = nl + (nl < end);
		/* A comment ends the line; a '\' before it does not count. */
		hash = strchr(logical + n - seg, '#');
		if (hash != NULL) {
			*hash = '\0';
			n = (size_t)(hash - logical);
			more = 0;
		} else {
			while (n > 0 && (logical[n - 1] == ' ' ||
			    logical[n - 1] == '\t' || logical[n - 1] == '\r'))
				n--;
			more = n > 0 && logical[n - 1] == '\\';
			if (more) {
				logical[n - 1] = ' ';
				logical[n] = '\0';
				continue;
			}
		}
		logical[n] = '\0';
		nfs_logical_line(file, first, logical, env, &count);
		n = 0;
	}
	if (n > 0) {
		logical[n] = '\0';
		nfs_logical_line(file, first, logical, env, &count);
	}
	free(logical);
	return count;
}
