/* SPDX-License-Identifier: MIT */
/*
 * A reader for smb.conf that follows Samba's own rules rather than INI
 * conventions (which is why inih cannot be used):
 *   - only a line whose first non-blank byte is '#' or ';' is a comment,
 *     so "a = b ; c" has the value "b ; c";
 *   - a line ending in '\' (blanks may follow) continues on the next one,
 *     whose leading blanks are dropped; a comment line never continues;
 *   - parameter names ignore case and blanks ("Guest OK" = "guestok"),
 *     section names ignore case, and a section may be reopened;
 *   - synonyms ("public" = "guest ok", "writable" = not "read only"),
 *     "include" read in place (the current section carries over, in and
 *     out), "copy" clones an earlier section below this one's own values;
 *   - parameters before any section belong to [global], and share
 *     parameters in [global] are every share's default.
 * Values Samba rejects outright (a bad boolean, an unknown protocol) make
 * it refuse the whole file; that is recorded, not guessed around.
 */
#define _GNU_SOURCE

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shares.h"

#define SMB_MAX_INCLUDE_DEPTH 16
/*
 * Included files read in one parse.  Depth alone does not bound the
 * work: a file including k others that each do the same costs k^depth
 * reads.
 */
#define SMB_MAX_INCLUDES 64
/* Warnings kept for the log: a hostile file must not flood it. */
#define SMB_MAX_WARNINGS 32

struct smb_synonym {
	const char *alias;
	const char *key;
	int inverted;
};

/* Canonical names without blanks; aliases in the same form. */
static const struct smb_synonym smb_synonyms[] = {
	{ "public", "guestok", 0 },
	{ "onlyguest", "guestonly", 0 },
	{ "writable", "readonly", 1 },
	{ "writeable", "readonly", 1 },
	{ "writeok", "readonly", 1 },
	{ "allowhosts", "hostsallow", 0 },
	{ "denyhosts", "hostsdeny", 0 },
	{ "createmode", "createmask", 0 },
	{ "directorymode", "directorymask", 0 },
	{ "browsable", "browseable", 0 },
	{ "printok", "printable", 0 },
	{ "directory", "path", 0 },
	{ "minprotocol", "serverminprotocol", 0 },
	{ "maxprotocol", "servermaxprotocol", 0 },
	{ "protocol", "servermaxprotocol", 0 },
	{ "group", "forcegroup", 0 },
	{ NULL, NULL, 0 }
};

/* Parameters whose value must be a boolean, or Samba refuses the file. */
static const char *const smb_bool_keys[] = {
	"guestok", "readonly", "guestonly", "widelinks", "available",
	"printable", "browseable", "usershareallowguests", "followsymlinks",
	"unixextensions", "allowinsecurewidelinks", NULL
};

struct smb_enum {
	const char *key;
	const char *const *values;	/* lower case, blanks removed */
};

static const char *const smb_guest_values[] = {
	"never", "baduser", "badpassword", "baduid", NULL
};
static const char *const smb_ntlm_values[] = {
	"yes", "true", "1", "no", "false", "0", "ntlmv1-permitted",
	"ntlmv2-only", "mschapv2-and-ntlmv2-only", "disabled", NULL
};
/* In protocol order: the index says how old. */
static const char *const smb_protocols[] = {
	"core", "coreplus", "lanman1", "lanman2", "nt1", "smb2", "smb2_02",
	"smb2_10", "smb3", "smb3_00", "smb3_02", "smb3_11", "default", NULL
};
#define SMB_PROTO_NT1 4

static const struct smb_enum smb_enums[] = {
	{ "maptoguest", smb_guest_values },
	{ "ntlmauth", smb_ntlm_values },
	{ "serverminprotocol", smb_protocols },
	{ "servermaxprotocol", smb_protocols },
	{ NULL, NULL }
};

struct smb_parser {
	struct smb_conf *conf;
	size_t cur;		/* index of the current section */
	int testparm_mode;
	sh_load_fn load;
	void *load_user;
	const char *stack[SMB_MAX_INCLUDE_DEPTH];
	int depth;
	unsigned int includes;	/* read so far (SMB_MAX_INCLUDES) */
};

static void
smb_warn(struct smb_conf *conf, const char *fmt, ...)
    SA_PRINTF(2, 3);

static void
smb_warn(struct smb_conf *conf, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (conf->warnings.n > SMB_MAX_WARNINGS)
		return;
	if (conf->warnings.n == SMB_MAX_WARNINGS) {
		hf_names_add(&conf->warnings, "more warnings about the Samba "
		    "configuration are not shown");
		return;
	}
	va_start(ap, fmt);
	s = hf_vprintf(fmt, ap);
	va_end(ap);
	hf_names_add(&conf->warnings, s);
	free(s);
}

static void
smb_refuse(struct smb_conf *conf, const char *file, unsigned int line,
    const char *why)
{
	if (conf->refused != NULL)
		return;		/* the first reason is the one to fix first */
	conf->refused = hf_printf("%s:%u: %s", file, line, why);
}

void
smb_init(struct smb_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->sections = hf_grow(NULL, 1, sizeof(*conf->sections));
	memset(&conf->sections[0], 0, sizeof(conf->sections[0]));
	conf->sections[0].name = hf_strdup("global");
	conf->n_sections = 1;
}

void
smb_free(struct smb_conf *conf)
{
	size_t i, j;

	for (i = 0; i < conf->n_sections; i++) {
		for (j = 0; j < conf->sections[i].n_params; j++) {
			free(conf->sections[i].params[j].key);
			free(conf->sections[i].params[j].value);
		}
		free(conf->sections[i].params);
		free(conf->sections[i].name);
	}
	free(conf->sections);
	hf_names_free(&conf->files);
	hf_names_free(&conf->warnings);
	free(conf->refused);
	memset(conf, 0, sizeof(*conf));
}

/* "Guest  OK" -> "guestok". */
static char *
smb_canonical_key(const char *s, size_t n)
{
	/* Not strndup: a NUL byte in the name would make the copy shorter
	 * than the n bytes the loop writes. */
	char *out = hf_grow(NULL, n + 1, 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			*o++ = (char)tolower((unsigned char)s[i]);
	*o = '\0';
	return out;
}

/* Lower case, blanks removed: how enum values compare. */
static void
smb_squeeze(const char *s, char *out, size_t size)
{
	size_t o = 0;

	for (; *s != '\0' && o + 1 < size; s++)
		if (!isspace((unsigned char)*s))
			out[o++] = (char)tolower((unsigned char)*s);
	out[o] = '\0';
}

int
smb_bool(const char *v)
{
	if (v == NULL)
		return -1;
	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0)
		return 1;
	if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
	    strcasecmp(v, "off") == 0 || strcmp(v, "0") == 0)
		return 0;
	return -1;
}

static int
smb_enum_index(const char *const *values, const char *v)
{
	char sq[64];
	int i;

	smb_squeeze(v, sq, sizeof(sq));
	for (i = 0; values[i] != NULL; i++)
		if (strcmp(values[i], sq) == 0)
			return i;
	return -1;
}

static size_t
smb_find_section(const struct smb_conf *conf, const char *name)
{
	size_t i;

	for (i = 0; i < conf->n_sections; i++)
		if (strcasecmp(conf->sections[i].name, name) == 0)
			return i;
	return (size_t)-1;
}

static void
smb_add_param(struct smb_section *sec, const char *key, const char *value,
    const char *file, unsigned int line, int front)
{
	struct smb_param *p;

	/* an smb.conf may repeat one line 100,000 times */
	sec->params = hf_grow_one(sec->params, sec->n_params, sizeof(*sec->params));
	if (front) {
		memmove(sec->params + 1, sec->params,
		    sec->n_params * sizeof(*sec->params));
		p = &sec->params[0];
	} else
		p = &sec->params[sec->n_params];
	sec->n_params++;
	p->key = hf_strdup(key);
	p->value = hf_strdup(value);
	p->file = file;
	p->line = line;
}

static const char *
smb_intern_file(struct smb_conf *conf, const char *path)
{
	size_t i;

	for (i = 0; i < conf->files.n; i++)
		if (strcmp(conf->files.v[i], path) == 0)
			return conf->files.v[i];
	hf_names_add(&conf->files, path);
	return conf->files.v[conf->files.n - 1];
}

static void smb_parse_text(struct smb_parser *ps, const char *file,
    const char *data, size_t len);

static void
smb_include(struct smb_parser *ps, const char *file, unsigned int line,
    const char *value)
{
	char *path, *data;
	size_t len;
	int i, r;

	if (strcasecmp(value, "registry") == 0) {
		smb_warn(ps->conf, "%s:%u: shares in the registry are not audited",
		    file, line);
		return;
	}
	if (strchr(value, '%') != NULL) {
		/* Per-client includes (%m, %I, %U) depend on who connects. */
		smb_warn(ps->conf, "%s:%u: include \"%s\" depends on the client; not read",
		    file, line, value);
		return;
	}
	/* smbd runs from "/": a relative name is relative to it. */
	path = hf_printf("%s%s", value[0] == '/' ? "" : "/", value);
	for (i = 0; i < ps->depth; i++)
		if (strcmp(ps->stack[i], path) == 0) {
			smb_warn(ps->conf, "%s:%u: include of %s loops; ignored",
			    file, line, path);
			free(path);
			return;
		}
	if (ps->depth >= SMB_MAX_INCLUDE_DEPTH || ps->load == NULL) {
		smb_warn(ps->conf, "%s:%u: include of %s nested too deeply; ignored",
		    file, line, path);
		free(path);
		return;
	}
	if (ps->includes >= SMB_MAX_INCLUDES) {
		if (ps->includes == SMB_MAX_INCLUDES) {
			smb_warn(ps->conf, "%s:%u: include of %s: more than %d "
			    "included files; ignored", file, line, path,
			    SMB_MAX_INCLUDES);
			ps->includes++;	/* said once */
		}
		free(path);
		return;
	}
	ps->includes++;
	r = ps->load(ps->load_user, path, &data, &len);
	if (r < 0) {
		/* Samba skips a missing include too, but it may hide shares. */
		smb_warn(ps->conf, "%s:%u: cannot read include %s: %s",
		    file, line, path, strerror(-r));
		free(path);
		return;
	}
	smb_parse_text(ps, smb_intern_file(ps->conf, path), data, len);
	free(data);
	free(path);
}

static void
smb_copy(struct smb_parser *ps, const char *file, unsigned int line,
    const char *from)
{
	struct smb_section *dst = &ps->conf->sections[ps->cur], *src;
	size_t i, j, k;
	int have;

	k = smb_find_section(ps->conf, from);
	if (k == (size_t)-1 || k == ps->cur) {
		smb_warn(ps->conf, "%s:%u: copy of unknown section [%s]", file,
		    line, from);
		return;
	}
	src = &ps->conf->sections[k];
	/* Copied values rank below everything this section sets itself,
	 * before or after the copy line: prepend them, newest last. */
	for (i = src->n_params; i-- > 0;) {
		have = 0;
		for (j = 0; j < dst->n_params; j++)
			if (strcmp(dst->params[j].key, src->params[i].key) == 0)
				have = 1;
		if (!have)
			smb_add_param(dst, src->params[i].key, src->params[i].value,
			    src->params[i].file, src->params[i].line, 1);
	}
}

static void
smb_check_value(struct smb_parser *ps, const char *file, unsigned int line,
    const char *key, const char *value)
{
	char why[512];
	size_t i;

	for (i = 0; smb_bool_keys[i] != NULL; i++)
		if (strcmp(smb_bool_keys[i], key) == 0 && smb_bool(value) < 0) {
			snprintf(why, sizeof(why),
			    E_("\"%.200s\" is not a boolean; Samba refuses this configuration"),
			    value);
			smb_refuse(ps->conf, file, line, why);
			return;
		}
	for (i = 0; smb_enums[i].key != NULL; i++)
		if (strcmp(smb_enums[i].key, key) == 0 &&
		    smb_enum_index(smb_enums[i].values, value) < 0) {
			snprintf(why, sizeof(why),
			    E_("\"%.200s\" is not a valid value; Samba refuses this configuration"),
			    value);
			smb_refuse(ps->conf, file, line, why);
			return;
		}
}

static void
smb_parameter(struct smb_parser *ps, const char *file, unsigned int line,
    const char *text, size_t n)
{
	const char *eq = memchr(text, '=', n), *v, *end = text + n;
	const struct smb_synonym *syn;
	char *key, *value;
	size_t kn;

	if (eq == NULL) {
		smb_warn(ps->conf, "%s:%u: line without \"=\" ignored", file, line);
		return;
	}
	kn = (size_t)(eq - text);
	key = smb_canonical_key(text, kn);
	for (v = eq + 1; v < end && isspace((unsigned char)*v); v++)
		;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	value = hf_strndup(v, (size_t)(end - v));
	if (key[0] == '\0')
		goto out;
	for (syn = smb_synonyms; syn->alias != NULL; syn++)
		if (strcmp(syn->alias, key) == 0) {
			free(key);
			key = hf_strdup(syn->key);
			if (syn->inverted) {
				int b = smb_bool(value);

				if (b >= 0) {
					free(value);
					value = hf_strdup(b ? "no" : "yes");
				}
			}
			break;
		}
	if (strcmp(key, "include") == 0) {
		if (!ps->testparm_mode)
			smb_include(ps, file, line, value);
		goto out;
	}
	if (strcmp(key, "configfile") == 0) {
		smb_warn(ps->conf, "%s:%u: \"config file\" switches to %s; not followed",
		    file, line, value);
		goto out;
	}
	if (strcmp(key, "copy") == 0) {
		smb_copy(ps, file, line, value);
		goto out;
	}
	smb_check_value(ps, file, line, key, value);
	smb_add_param(&ps->conf->sections[ps->cur], key, value, file, line, 0);
out:
	free(key);
	free(value);
}

static void
smb_section(struct smb_parser *ps, const char *file, unsigned int line,
    const char *text, size_t n)
{
	const char *close = memchr(text, ']', n);
	struct smb_conf *conf = ps->conf;
	char *name;
	size_t k;

	if (close == NULL) {
		smb_refuse(conf, file, line,
		    E_("section name without \"]\"; Samba refuses this configuration"));
		return;
	}
	name = hf_strndup(text + 1, (size_t)(close - text - 1));
	if (name[0] == '\0') {
		smb_warn(conf, "%s:%u: empty section name", file, line);
		free(name);
		return;
	}
	k = smb_find_section(conf, name);
	if (k == (size_t)-1) {
		conf->sections = hf_grow(conf->sections, conf->n_sections + 1,
		    sizeof(*conf->sections));
		k = conf->n_sections++;
		memset(&conf->sections[k], 0, sizeof(conf->sections[k]));
		conf->sections[k].name = name;
	} else
		free(name);
	ps->cur = k;
}

/* One logical line (continuations joined), numbered by its first line. */
static void
smb_logical_line(struct smb_parser *ps, const char *file, unsigned int line,
    const char *text, size_t n)
{
	while (n > 0 && isspace((unsigned char)*text)) {
		text++;
		n--;
	}
	if (n == 0)
		return;
	if (*text == '[')
		smb_section(ps, file, line, text, n);
	else
		smb_parameter(ps, file, line, text, n);
}

static int
smb_is_comment(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p) && *p != '\n')
		p++;
	return p < end && (*p == '#' || *p == ';');
}

static void
smb_parse_text(struct smb_parser *ps, const char *file, const char *data,
    size_t len)
{
	const char *p = data, *end = data + len, *nl, *stop;
	char *logical = NULL;
	size_t cap = 0, n;
	unsigned int line = 0, first;
	int more;

	if (ps->depth >= SMB_MAX_INCLUDE_DEPTH)
		return;
	ps->stack[ps->depth++] = file;
	while (p < end) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (smb_is_comment(p, nl)) {
			p = nl + (nl < end);
			continue;
		}
		first = line;
		n = 0;
		for (;;) {
			/* Trailing blanks, then maybe a continuation mark. */
			stop = nl;
			while (stop > p && (stop[-1] == ' ' || stop[-1] == '\t' ||
			    stop[-1] == '\r'))
				stop--;
			more = stop > p && stop[-1] == '\\' && nl < end;
			if (more)
				stop--;
			if (n + (size_t)(stop - p) + 1 > cap) {
				cap = (n + (size_t)(stop - p) + 1) * 2;
				logical = hf_grow(logical, cap, 1);
			}
			memcpy(logical + n, p, (size_t)(stop - p));
			n += (size_t)(stop - p);
			p = nl + (nl < end);
			if (!more)
				break;
			line++;
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL)
				nl = end;
			while (p < nl && (*p == ' ' || *p == '\t'))
				p++;
		}
		if (logical != NULL)
			logical[n] = '\0';
		smb_logical_line(ps, file, first, logical != NULL ? logical : "", n);
	}
	free(logical);
	ps->depth--;
}

void
smb_parse(struct smb_conf *conf, const char *path, const char *data,
    size_t len, int testparm_mode, sh_load_fn load, void *load_user)
{
	struct smb_parser ps;

	memset(&ps, 0, sizeof(ps));
	ps.conf = conf;
	ps.testparm_mode = testparm_mode;
	ps.load = load;
	ps.load_user = load_user;
	smb_parse_text(&ps, smb_intern_file(conf, path), data, len);
}

static const char *
smb_lookup(const struct smb_section *sec, const char *key,
    const struct smb_param **ret)
{
	size_t i;

	for (i = sec->n_params; i-- > 0;)
		if (strcmp(sec->params[i].key, key) == 0) {
			if (ret != NULL)
				*ret = &sec->params[i];
			return sec->params[i].value;
		}
	return NULL;
}

const char *
smb_get(const struct smb_conf *conf, const struct smb_section *sec,
    const char *key, const struct smb_param **ret_param)
{
	const char *v;

	if (ret_param != NULL)
		*ret_param = NULL;
	v = smb_lookup(sec, key, ret_param);
	if (v == NULL && sec != &conf->sections[0])
		v = smb_lookup(&conf->sections[0], key, ret_param);
	return v;
}

/* --- the audit ------------------------------------------------------- */

struct smb_auditor {
	const struct smb_conf *conf;
	const struct smb_audit_env *env;
	char object[1024];
	char evidence[1024];
};

static int
smb_is_printable(const struct smb_conf *conf, const struct smb_section *sec)
{
	return strcasecmp(sec->name, "printers") == 0 ||
	    smb_bool(smb_get(conf, sec, "printable", NULL)) == 1;
}

/* A disk share smbd would serve. */
static int
smb_is_disk_share(const struct smb_conf *conf, const struct smb_section *sec)
{
	const char *path;

	if (sec == &conf->sections[0] || smb_is_printable(conf, sec))
		return 0;
	if (smb_bool(smb_get(conf, sec, "available", NULL)) == 0)
		return 0;
	path = smb_get(conf, sec, "path", NULL);
	/* Without a path only [homes] works; smbd disables the others. */
	return strcasecmp(sec->name, "homes") == 0 ||
	    (path != NULL && path[0] != '\0');
}

/* Append "guest ok = yes (/etc/samba/smb.conf:12)" or "... (default)". */
static void
smb_describe(struct smb_auditor *a, const char *name,
    const struct smb_param *p, const char *value)
{
	size_t used = strlen(a->evidence);
	char where[600];

	if (p != NULL)
		snprintf(where, sizeof(where), "%s:%u", p->file, p->line);
	else
		snprintf(where, sizeof(where), "%s", E_("default"));
	snprintf(a->evidence + used, sizeof(a->evidence) - used, "%s%s = %s (%s)",
	    used > 0 ? ", " : "", name, value, where);
}

static void
smb_emit(struct smb_auditor *a, enum sh_check check, int level)
{
	a->env->emit(a->env->emit_user, check, level, a->object, a->evidence);
	a->evidence[0] = '\0';
}

static void
smb_set_object(struct smb_auditor *a, const struct smb_section *sec)
{
	snprintf(a->object, sizeof(a->object), "%s [%s]", a->env->config_path,
	    sec->name);
}

/*
 * Names in a user list: "alice, @staff +admins "John Doe"".  Names
 * with macros or a domain cannot be resolved here and are skipped.
 */
static void
smb_check_names(struct smb_auditor *a, const struct smb_section *sec,
    const char *key, const char *label)
{
	const struct smb_param *p;
	const char *v = smb_get(a->conf, sec, key, &p), *s, *e;
	char name[256];
	int is_group, netgroup_only, exists;
	size_t n;

	if (v == NULL)
		return;
	for (s = v; *s != '\0';) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		if (*s == '"') {
			e = strchr(s + 1, '"');
			if (e == NULL)
				e = s + strlen(s);
			n = (size_t)(e - s - 1);
			if (n >= sizeof(name))
				n = sizeof(name) - 1;
			memcpy(name, s + 1, n);
			s = *e == '"' ? e + 1 : e;
		} else {
			e = s;
			while (*e != '\0' && *e != ',' && !isspace((unsigned char)*e))
				e++;
			n = (size_t)(e - s);
			if (n >= sizeof(name))
				n = sizeof(name) - 1;
			memcpy(name, s, n);
			s = e;
		}
		name[n] = '\0';
		is_group = netgroup_only = 0;
		{
			char *q = name;

			/* @ = netgroup or group, + = group, & = netgroup. */
			while (*q == '@' || *q == '+' || *q == '&') {
				if (*q == '&' && q[1] != '+')
					netgroup_only = 1;
				is_group = 1;
				q++;
			}
			memmove(name, q, strlen(q) + 1);
		}
		if (name[0] == '\0' || netgroup_only || strchr(name, '%') != NULL ||
		    strchr(name, '\\') != NULL || strchr(name, '@') != NULL)
			continue;
		exists = is_group ?
		    a->env->group_exists(a->env->names_user, name) :
		    a->env->user_exists(a->env->names_user, name);
		if (exists)
			continue;
		a->evidence[0] = '\0';
		snprintf(a->evidence, sizeof(a->evidence), is_group ?
		    E_("group @%s in %s has no account") :
		    E_("user %s in %s has no account"), name, label);
		if (p != NULL) {
			size_t used = strlen(a->evidence);

			snprintf(a->evidence + used, sizeof(a->evidence) - used,
			    " (%s:%u)", p->file, p->line);
		}
		smb_emit(a, SH_SMB_UNKNOWN_USER, 2);
	}
}

static long
smb_octal(const char *v, long dflt)
{
	char *end;
	long r;

	if (v == NULL)
		return dflt;
	r = strtol(v, &end, 8);
	return end == v ? 0 : r;
}

static void
smb_audit_share(struct smb_auditor *a, const struct smb_section *sec)
{
	const struct smb_conf *conf = a->conf;
	const struct smb_param *pg, *pr, *p, *pf;
	const char *v, *wl;
	int guest, ro, writable, is_homes = strcasecmp(sec->name, "homes") == 0;
	long mask, force;

	smb_set_object(a, sec);
	a->evidence[0] = '\0';
	v = smb_get(conf, sec, "guestok", &pg);
	guest = smb_bool(v) == 1;
	v = smb_get(conf, sec, "readonly", &pr);
	ro = v == NULL ? 1 : smb_bool(v) != 0;
	/* A write list lets its members write even on a read-only share. */
	wl = smb_get(conf, sec, "writelist", NULL);
	writable = !ro || (wl != NULL && wl[0] != '\0');
	if (guest) {
		if (!ro) {
			smb_describe(a, "guest ok", pg, "yes");
			smb_describe(a, "read only", pr, "no");
			smb_emit(a, SH_SMB_GUEST_WRITE, 0);
		}
		smb_describe(a, "guest ok", pg, "yes");
		smb_emit(a, SH_SMB_GUEST_ACCESS, 2);
		v = smb_get(conf, sec, "guestonly", &p);
		if (smb_bool(v) == 1) {
			smb_describe(a, "guest only", p, "yes");
			smb_emit(a, SH_SMB_GUEST_ONLY, 2);
		}
	} else if (!(strcmp(sec->name, "print$") == 0 && !writable)) {
		/* (Read-only printer drivers are for every user to fetch.) */
		v = smb_get(conf, sec, "validusers", &p);
		if (v == NULL || v[0] == '\0') {
			snprintf(a->evidence, sizeof(a->evidence), "%s",
			    is_homes ? E_("no \"valid users\" (suggest %S): "
			    "any user may open another's home") :
			    E_("no \"valid users\": every account may connect"));
			smb_emit(a, SH_SMB_NO_VALID_USERS, 2);
		}
	}
	v = smb_get(conf, sec, "adminusers", &p);
	if (v != NULL && v[0] != '\0') {
		smb_describe(a, "admin users", p, v);
		smb_emit(a, SH_SMB_ADMIN_USERS, 2);
	}
	v = smb_get(conf, sec, "forceuser", &p);
	if (v != NULL && v[0] != '\0' && (strcmp(v, "root") == 0 ||
	    (a->env->uid_of != NULL && a->env->uid_of(a->env->names_user, v) == 0))) {
		smb_describe(a, "force user", p, v);
		smb_emit(a, SH_SMB_FORCE_ROOT, 0);
	}
	v = smb_get(conf, sec, "forcegroup", &p);
	if (v != NULL && v[0] != '\0') {
		const char *g = v;

		while (*g == '+')
			g++;
		if (strcmp(g, "root") == 0 || (a->env->gid_of != NULL &&
		    a->env->gid_of(a->env->names_user, g) == 0)) {
			smb_describe(a, "force group", p, v);
			smb_emit(a, SH_SMB_FORCE_ROOT, 0);
		}
	}
	v = smb_get(conf, sec, "hostsallow", &p);
	if (v == NULL || v[0] == '\0') {
		snprintf(a->evidence, sizeof(a->evidence), "%s",
		    E_("no \"hosts allow\" here or in [global]: any network may connect"));
		smb_emit(a, SH_SMB_NO_HOSTS_ALLOW, 2);
	}
	if (writable) {
		v = smb_get(conf, sec, "createmask", &p);
		mask = smb_octal(v, 0744);
		force = smb_octal(smb_get(conf, sec, "forcecreatemode", &pf), 0);
		if ((mask | force) & 02) {
			char text[32];

			snprintf(text, sizeof(text), "%04lo", (mask & 02) ? mask : force);
			smb_describe(a, (mask & 02) ? "create mask" : "force create mode",
			    (mask & 02) ? p : pf, text);
			smb_emit(a, SH_SMB_MASK_OTHER_WRITE, 0);
		}
		v = smb_get(conf, sec, "directorymask", &p);
		mask = smb_octal(v, 0755);
		force = smb_octal(smb_get(conf, sec, "forcedirectorymode", &pf), 0);
		if ((mask | force) & 02) {
			char text[32];

			snprintf(text, sizeof(text), "%04lo", (mask & 02) ? mask : force);
			smb_describe(a, (mask & 02) ? "directory mask" :
			    "force directory mode", (mask & 02) ? p : pf, text);
			smb_emit(a, SH_SMB_MASK_OTHER_WRITE, 0);
		}
	}
	v = smb_get(conf, sec, "widelinks", &p);
	if (smb_bool(v) == 1) {
		smb_describe(a, "wide links", p, "yes");
		smb_emit(a, SH_SMB_WIDE_LINKS, 2);
	}
	smb_check_names(a, sec, "validusers", "valid users");
	smb_check_names(a, sec, "writelist", "write list");
	smb_check_names(a, sec, "readlist", "read list");
	smb_check_names(a, sec, "adminusers", "admin users");
	v = smb_get(conf, sec, "forceuser", &p);
	if (v != NULL && v[0] != '\0' && strchr(v, '%') == NULL &&
	    !a->env->user_exists(a->env->names_user, v)) {
		snprintf(a->evidence, sizeof(a->evidence),
		    E_("user %s in force user has no account"), v);
		smb_emit(a, SH_SMB_UNKNOWN_USER, 2);
	}
}

static void
smb_audit_global(struct smb_auditor *a)
{
	const struct smb_conf *conf = a->conf;
	const struct smb_section *g = &conf->sections[0];
	const struct smb_param *p, *pm;
	const char *v;
	long n;
	int i;

	smb_set_object(a, g);
	a->evidence[0] = '\0';
	v = smb_get(conf, g, "maptoguest", &p);
	i = v != NULL ? smb_enum_index(smb_guest_values, v) : 0;
	if (i > 0) {
		smb_describe(a, "map to guest", p, v);
		/* A wrong password turning into guest is worse than an
		 * unknown name doing so. */
		smb_emit(a, SH_SMB_MAP_TO_GUEST, i == 2 ? 0 : 2);
	}
	v = smb_get(conf, g, "serverminprotocol", &p);
	i = v != NULL ? smb_enum_index(smb_protocols, v) : -1;
	if (i >= 0 && i <= SMB_PROTO_NT1) {
		smb_describe(a, "server min protocol", p, v);
		smb_emit(a, SH_SMB_SMB1, 0);
	} else {
		v = smb_get(conf, g, "servermaxprotocol", &p);
		i = v != NULL ? smb_enum_index(smb_protocols, v) : -1;
		if (i >= 0 && i <= SMB_PROTO_NT1) {
			smb_describe(a, "server max protocol", p, v);
			smb_emit(a, SH_SMB_SMB1, 0);
		}
	}
	v = smb_get(conf, g, "ntlmauth", &p);
	i = v != NULL ? smb_enum_index(smb_ntlm_values, v) : -1;
	if (i >= 0 && (i <= 2 || i == 6)) {
		smb_describe(a, "ntlm auth", p, v);
		smb_emit(a, SH_SMB_NTLMV1, 0);
	}
	v = smb_get(conf, g, "restrictanonymous", &p);
	n = v != NULL ? strtol(v, NULL, 0) : 0;
	if (n == 0) {
		smb_describe(a, "restrict anonymous", p, "0");
		smb_emit(a, SH_SMB_RESTRICT_ANON, 2);
	}
	v = smb_get(conf, g, "usershareallowguests", &p);
	if (smb_bool(v) == 1) {
		const char *m = smb_get(conf, g, "usersharemaxshares", &pm);

		/* Samba 4's default allows 100 user shares. */
		n = m != NULL ? strtol(m, NULL, 0) : 100;
		if (n > 0) {
			smb_describe(a, "usershare allow guests", p, "yes");
			smb_emit(a, SH_SMB_USERSHARE_GUESTS, 2);
		}
	}
}

void
smb_audit(const struct smb_conf *conf, const struct smb_audit_env *env)
{
	struct smb_auditor a;
	size_t i;

	memset(&a, 0, sizeof(a));
	a.conf = conf;
	a.env = env;
	smb_audit_global(&a);
	for (i = 1; i < conf->n_sections; i++)
		if (smb_is_disk_share(conf, &conf->sections[i]))
			smb_audit_share(&a, &conf->sections[i]);
}

void
smb_share_paths(const struct smb_conf *conf, struct hf_names *paths,
    struct hf_names *names)
{
	const struct smb_section *sec;
	const char *path;
	size_t i;

	for (i = 1; i < conf->n_sections; i++) {
		sec = &conf->sections[i];
		if (!smb_is_disk_share(conf, sec) ||
		    strcasecmp(sec->name, "homes") == 0)
			continue;
		/* Printer drivers are meant for every client to read. */
		if (strcmp(sec->name, "print$") == 0)
			continue;
		path = smb_get(conf, sec, "path", NULL);
		if (path == NULL || path[0] != '/' || strchr(path, '%') != NULL)
			continue;
		hf_names_add(paths, path);
		if (names != NULL)
			hf_names_add(names, sec->name);
	}
}
