/* SPDX-License-Identifier: MIT */
/*
 * The pure half of the backup plugin: strings, times, the tools' file
 * names and the command lines that run them.  Nothing here reads a file
 * or calls the host, so the unit suite tests it directly.
 */
#define _GNU_SOURCE

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

void
bk_buf_add(struct bk_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = hf_grow(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
bk_buf_printf(struct bk_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->p = hf_grow(b->p, b->cap, 1);
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
bk_buf_take(struct bk_buf *b)
{
	char *p = b->p != NULL ? b->p : hf_strdup("");

	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

static const char *const bk_type_names[BK_N_TYPES] = {
	[BK_RESTIC] = "restic",
	[BK_BORG] = "borg",
	[BK_RSNAPSHOT] = "rsnapshot",
	[BK_DUPLICITY] = "duplicity",
	[BK_VZDUMP] = "vzdump",
	[BK_PBS] = "pbs",
	[BK_TIMESHIFT] = "timeshift",
	[BK_TAR] = "tar",
	[BK_DIR] = "dir",
};

const char *
bk_type_name(enum bk_type t)
{
	return (unsigned int)t < BK_N_TYPES ? bk_type_names[t] : "?";
}

int
bk_type_parse(const char *s, enum bk_type *ret)
{
	int i;

	for (i = 0; i < BK_N_TYPES; i++)
		if (strcmp(s, bk_type_names[i]) == 0) {
			*ret = (enum bk_type)i;
			return 0;
		}
	return -EINVAL;
}

const char *
bk_fmt_age(int64_t s, char *buf, size_t size)
{
	if (s < 0)
		s = -s;
	if (s >= 86400)
		snprintf(buf, size, "%lldd %lldh", (long long)(s / 86400),
		    (long long)(s % 86400 / 3600));
	else if (s >= 3600)
		snprintf(buf, size, "%lldh %lldm", (long long)(s / 3600),
		    (long long)(s % 3600 / 60));
	else if (s >= 60)
		snprintf(buf, size, "%lldm", (long long)(s / 60));
	else
		snprintf(buf, size, "%llds", (long long)s);
	return buf;
}

/* ".manifest" then nothing, ".gpg" or ".gz": the manifest itself. */
static int
bk_manifest_tail(const char *s)
{
	if (strncmp(s, ".manifest", 9) != 0)
		return 0;
	s += 9;
	return *s == '\0' || strcmp(s, ".gpg") == 0 || strcmp(s, ".gz") == 0;
}

int
bk_duplicity_manifest(const char *name, int *ret_full, int64_t *ret_time)
{
	const char *p;

	if ((p = strstr(name, "duplicity-full.")) != NULL) {
		p += 15;
		if (strlen(p) < 16 || tf_parse_iso_basic(p, 16, ret_time) < 0 ||
		    !bk_manifest_tail(p + 16))
			return 0;
		*ret_full = 1;
		return 1;
	}
	if ((p = strstr(name, "duplicity-inc.")) != NULL) {
		p += 14;
		if (strlen(p) < 16 + 4 + 16 || strncmp(p + 16, ".to.", 4) != 0 ||
		    tf_parse_iso_basic(p + 20, 16, ret_time) < 0 ||
		    !bk_manifest_tail(p + 36))
			return 0;
		*ret_full = 0;
		return 1;
	}
	return 0;
}

int
bk_vzdump_name(const char *name, char *ret_guest, size_t size)
{
	static const char *const kinds[] = { "qemu-", "lxc-", "openvz-" };
	static const char *const exts[] = {
		"vma", "vma.gz", "vma.lzo", "vma.zst", "tar", "tar.gz",
		"tar.lzo", "tar.zst", "tgz", NULL
	};
	const char *p = name, *vmid, *stamp;
	size_t i, klen = 0;
	int64_t t;
	char iso[20];

	if (strncmp(p, "vzdump-", 7) != 0)
		return 0;
	p += 7;
	for (i = 0; i < 3; i++)
		if (strncmp(p, kinds[i], strlen(kinds[i])) == 0) {
			klen = strlen(kinds[i]);
			break;
		}
	if (klen == 0)
		return 0;
	vmid = p + klen;
	for (p = vmid; isdigit((unsigned char)*p); p++)
		;
	if (p == vmid || *p != '-')
		return 0;
	stamp = p + 1;
	/* YYYY_MM_DD-HH_MM_SS: check it is a real time */
	if (strlen(stamp) < 20 || stamp[19] != '.')
		return 0;
	snprintf(iso, sizeof(iso), "%.19s", stamp);
	iso[4] = iso[7] = '-';
	iso[10] = 'T';
	iso[13] = iso[16] = ':';
	if (stamp[4] != '_' || stamp[7] != '_' || stamp[10] != '-' ||
	    stamp[13] != '_' || stamp[16] != '_' ||
	    tf_parse_iso(iso, 19, &t) < 0)
		return 0;
	snprintf(ret_guest, size, "%.*s", (int)(stamp - 1 - (name + 7)), name + 7);
	if (strcmp(stamp + 20, "log") == 0)
		return 2;
	for (i = 0; exts[i] != NULL; i++)
		if (strcmp(stamp + 20, exts[i]) == 0)
			return 1;
	return 0;
}

size_t
bk_rsnapshot_fields(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	/* rsnapshot splits at runs of tabs; a trailing newline is no field */
	p[strcspn(p, "\r\n")] = '\0';
	while (*p != '\0' && n < max) {
		fields[n++] = p;
		p += strcspn(p, "\t");
		if (*p == '\0')
			break;
		*p++ = '\0';
		while (*p == '\t')
			p++;
	}
	return n;
}

void
bk_vars_set(struct bk_vars *vars, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < vars->names.n; i++)
		if (strcmp(vars->names.v[i], name) == 0) {
			free(vars->values.v[i]);
			vars->values.v[i] = hf_strdup(value);
			return;
		}
	hf_names_add(&vars->names, name);
	hf_names_add(&vars->values, value);
}

const char *
bk_vars_get(const struct bk_vars *vars, const char *name)
{
	size_t i;

	for (i = vars->names.n; i-- > 0;)
		if (strcmp(vars->names.v[i], name) == 0)
			return vars->values.v[i];
	return NULL;
}

void
bk_vars_free(struct bk_vars *vars)
{
	hf_names_free(&vars->names);
	hf_names_free(&vars->values);
}

void
bk_split_words(const char *line, struct hf_names *ret)
{
	struct bk_buf w = { 0 };
	const char *p = line;
	char quote;
	int have;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '\n' || *p == '\r')
			break;
		have = 0;
		w.len = 0;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != '\r') {
			if (*p == '"' || *p == '\'') {
				quote = *p++;
				while (*p != '\0' && *p != quote) {
					if (quote == '"' && *p == '\\' && p[1] != '\0')
						p++;
					bk_buf_add(&w, p++, 1);
				}
				if (*p == quote)
					p++;
				have = 1;
				continue;
			}
			if (*p == '\\' && p[1] != '\0')
				p++;
			bk_buf_add(&w, p++, 1);
			have = 1;
		}
		if (have)
			hf_names_add(ret, w.p != NULL ? w.p : "");
	}
	free(w.p);
}

static int
bk_is_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || (!isalpha((unsigned char)s[0]) && s[0] != '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/* "NAME=value" -> learnt; returns 1, or 0 if the word is no assignment. */
static int
bk_learn_word(const char *w, struct bk_vars *vars)
{
	const char *eq = strchr(w, '=');
	char *name;

	if (eq == NULL || !bk_is_name(w, (size_t)(eq - w)))
		return 0;
	name = hf_strndup(w, (size_t)(eq - w));
	bk_vars_set(vars, name, eq + 1);
	free(name);
	return 1;
}

int
bk_learn_vars(const char *line, struct bk_vars *vars)
{
	struct hf_names words = { 0 };
	size_t i = 0;
	int n = 0;

	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '#')
		return 0;
	if (strncmp(line, "Environment=", 12) == 0) {
		bk_split_words(line + 12, &words);
		for (i = 0; i < words.n; i++)
			n += bk_learn_word(words.v[i], vars);
		hf_names_free(&words);
		return n;
	}
	bk_split_words(line, &words);
	if (i < words.n && (strcmp(words.v[i], "export") == 0 ||
	    strcmp(words.v[i], "local") == 0 || strcmp(words.v[i], "readonly") == 0))
		i++;
	for (; i < words.n && bk_learn_word(words.v[i], vars); i++)
		n++;
	hf_names_free(&words);
	return n;
}

/* $NAME and ${NAME} from vars; NULL if one is unknown. */
static char *
bk_expand(const char *w, const struct bk_vars *vars)
{
	struct bk_buf b = { 0 };
	const char *p = w, *s, *v;
	size_t n;
	char *name;

	while (*p != '\0') {
		if (*p != '$') {
			bk_buf_add(&b, p++, 1);
			continue;
		}
		p++;
		if (*p == '{') {
			s = ++p;
			n = strcspn(s, "}");
			if (s[n] != '}')
				goto fail;
			p = s + n + 1;
		} else {
			s = p;
			for (n = 0; isalnum((unsigned char)s[n]) || s[n] == '_'; n++)
				;
			p = s + n;
		}
		if (!bk_is_name(s, n))
			goto fail;
		name = hf_strndup(s, n);
		v = bk_vars_get(vars, name);
		free(name);
		if (v == NULL || strchr(v, '$') != NULL)
			goto fail;
		bk_buf_add(&b, v, strlen(v));
	}
	return bk_buf_take(&b);
fail:
	free(b.p);
	return NULL;
}

static int
bk_in_list(const char *w, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Options of restic and borg that take the next word as their value. */
static const char *const bk_restic_valued[] = {
	"-r", "--repo", "--repository-file", "-p", "--password-file",
	"--password-command", "-e", "--exclude", "--iexclude", "--exclude-file",
	"--iexclude-file", "--exclude-if-present", "--exclude-larger-than",
	"--files-from", "--files-from-verbatim", "--files-from-raw", "--tag",
	"--host", "-H", "--parent", "--cache-dir", "--time", "--limit-upload",
	"--limit-download", "-o", "--option", "--key-hint", "--pack-size",
	"--stdin-filename", "--compression", "--tls-client-cert", "--cacert",
	"-v", NULL
};
static const char *const bk_borg_valued[] = {
	"-e", "--exclude", "--exclude-from", "--pattern", "--patterns-from",
	"--comment", "--timestamp", "-C", "--compression", "--chunker-params",
	"--checkpoint-interval", "--exclude-if-present", "--files-cache",
	"--remote-path", "--rsh", "--lock-wait", "--upload-ratelimit",
	"--upload-buffer", "--stdin-name", "--stdin-user", "--stdin-group",
	"--stdin-mode", "--umask", "--remote-ratelimit", "--paths-from-command",
	NULL
};
static const char *const bk_duplicity_not_backup[] = {
	"verify", "collection-status", "list-current-files", "restore",
	"remove-older-than", "remove-all-but-n-full", "remove-all-inc-of-but-n-full",
	"cleanup", NULL
};

static const char *
bk_basename(const char *w)
{
	const char *s = strrchr(w, '/');

	return s != NULL ? s + 1 : w;
}

static int
bk_parse_restic(const struct hf_names *w, size_t i, const struct bk_vars *vars,
    struct bk_found *f)
{
	const char *repo = NULL, *a;
	int sub = 0;

	for (; i < w->n; i++) {
		a = w->v[i];
		if (strcmp(a, "-r") == 0 || strcmp(a, "--repo") == 0) {
			if (i + 1 < w->n)
				repo = w->v[++i];
			continue;
		}
		if (strncmp(a, "--repo=", 7) == 0) {
			repo = a + 7;
			continue;
		}
		if (a[0] == '-') {
			if (strchr(a, '=') == NULL && bk_in_list(a, bk_restic_valued))
				i++;
			continue;
		}
		if (!sub) {
			if (strcmp(a, "backup") != 0)
				return 0;
			sub = 1;
			continue;
		}
		if (a[0] == '/')
			hf_names_add(&f->sources, a);
	}
	if (!sub)
		return 0;
	if (repo == NULL)
		repo = bk_vars_get(vars, "RESTIC_REPOSITORY");
	f->repo = repo != NULL ? bk_expand(repo, vars) : NULL;
	return 1;
}

static int
bk_parse_borg(const struct hf_names *w, size_t i, const struct bk_vars *vars,
    struct bk_found *f)
{
	const char *a, *sep, *env;
	char *repo = NULL;
	int sub = 0, spec = 0;

	for (; i < w->n; i++) {
		a = w->v[i];
		if (a[0] == '-') {
			if (strchr(a, '=') == NULL && bk_in_list(a, bk_borg_valued))
				i++;
			continue;
		}
		if (!sub) {
			if (strcmp(a, "create") != 0)
				return 0;
			sub = 1;
			continue;
		}
		if (!spec) {
			/* REPO::ARCHIVE, or ::ARCHIVE with BORG_REPO */
			spec = 1;
			if ((sep = strstr(a, "::")) == NULL)
				return 0;
			if (sep == a) {
				env = bk_vars_get(vars, "BORG_REPO");
				repo = env != NULL ? hf_strdup(env) : NULL;
			} else
				repo = hf_strndup(a, (size_t)(sep - a));
			continue;
		}
		if (a[0] == '/')
			hf_names_add(&f->sources, a);
	}
	if (!spec)
		return 0;
	f->repo = repo != NULL ? bk_expand(repo, vars) : NULL;
	free(repo);
	return 1;
}

static int
bk_parse_duplicity(const struct hf_names *w, size_t i, const struct bk_vars *vars,
    struct bk_found *f)
{
	size_t url = 0, j;
	int have = 0;

	for (j = i; j < w->n; j++) {
		if (w->v[j][0] == '-')
			continue;
		if (bk_in_list(w->v[j], bk_duplicity_not_backup))
			return 0;
		if (strstr(w->v[j], "://") != NULL) {
			url = j;
			have = 1;
		}
	}
	if (!have)
		return 0;
	/* A URL before the path is a restore. */
	if (url + 1 < w->n && w->v[url + 1][0] == '/')
		return 0;
	if (url > i && w->v[url - 1][0] == '/')
		hf_names_add(&f->sources, w->v[url - 1]);
	f->repo = bk_expand(w->v[url], vars);
	return 1;
}

int
bk_parse_command(const char *line, const struct bk_vars *vars,
    struct bk_found *ret)
{
	struct hf_names words = { 0 };
	struct bk_vars local = { { 0 }, { 0 } };
	const char *base;
	size_t i;
	int found = 0;

	memset(ret, 0, sizeof(*ret));
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '#')
		return 0;
	bk_split_words(line, &words);
	for (i = 0; i < vars->names.n; i++)
		bk_vars_set(&local, vars->names.v[i], vars->values.v[i]);
	for (i = 0; i < words.n && !found; i++) {
		base = bk_basename(words.v[i]);
		if (strcmp(base, "restic") == 0) {
			ret->type = BK_RESTIC;
			found = bk_parse_restic(&words, i + 1, &local, ret);
		} else if (strcmp(base, "borg") == 0) {
			ret->type = BK_BORG;
			found = bk_parse_borg(&words, i + 1, &local, ret);
		} else if (strcmp(base, "duplicity") == 0) {
			ret->type = BK_DUPLICITY;
			found = bk_parse_duplicity(&words, i + 1, &local, ret);
		} else {
			/* "RESTIC_REPOSITORY=/srv/r restic backup ..." */
			bk_learn_word(words.v[i], &local);
			continue;
		}
		if (!found) {
			bk_found_free(ret);
			break;
		}
	}
	for (i = 0; i < local.values.n; i++)
		explicit_bzero(local.values.v[i], strlen(local.values.v[i]));
	bk_vars_free(&local);
	hf_names_free(&words);
	return found;
}

void
bk_found_free(struct bk_found *f)
{
	free(f->repo);
	hf_names_free(&f->sources);
	memset(f, 0, sizeof(*f));
}

int
bk_repo_local(enum bk_type type, const char *repo, const char **ret_local)
{
	if (strncmp(repo, "file://", 7) == 0 && repo[7] == '/') {
		*ret_local = repo + 7;
		return 0;
	}
	if (type == BK_DUPLICITY)
		return 1;
	if (type == BK_RESTIC && strncmp(repo, "local:", 6) == 0)
		repo += 6;
	if (repo[0] == '/') {
		*ret_local = repo;
		return 0;
	}
	/* ssh://, sftp:, rest:, s3:, host:path...: nothing to read on disk;
	 * a relative path is relative to a directory nobody can tell. */
	return 1;
}

char *
bk_redact_url(const char *url)
{
	const char *scheme = strstr(url, "://"), *host, *at, *colon;
	struct bk_buf b = { 0 };

	if (scheme == NULL)
		return hf_strdup(url);
	host = scheme + 3;
	at = host + strcspn(host, "@/");
	if (*at != '@')
		return hf_strdup(url);
	colon = memchr(host, ':', (size_t)(at - host));
	if (colon == NULL)
		return hf_strdup(url);
	bk_buf_add(&b, url, (size_t)(colon + 1 - url));
	bk_buf_add(&b, "***", 3);
	bk_buf_add(&b, at, strlen(at));
	return bk_buf_take(&b);
}

char *
bk_clean_text(const char *s, size_t len, size_t max)
{
	size_t n = len < max ? len : max, i;
	char *d;

	/* do not cut a UTF-8 sequence in two */
	while (n < len && n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	d = hf_strndup(s, n);
	for (i = 0; i < n; i++)
		if ((unsigned char)d[i] < 0x20 || d[i] == 0x7f)
			d[i] = '?';
	return d;
}
