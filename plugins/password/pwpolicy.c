/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "pwpolicy.h"
#include "pwtext.h"

#define PWP_MAX_DEPTH 8		/* include nesting, as libpam limits it too */
/*
 * Files read for one stack.  Depth alone does not bound the work: a file
 * that includes itself (or another) k times costs k^depth reads.  A real
 * stack reads a handful.
 */
#define PWP_MAX_FILES 32
#define PWP_MAX_TOKENS 64

/* One module line of a resolved PAM stack. */
struct pwp_mod {
	char type[12];
	char name[64];		/* "pam_unix", without directory and .so */
	char **args;
	size_t n_args;
	char *file;
	unsigned int line;
};

struct pwp_stack {
	struct pwp_mod *v;
	size_t n;
	char *service_file;	/* the file the stack starts in */
	unsigned int files;	/* read for it so far (PWP_MAX_FILES) */
	int deep;		/* "nested too deeply" was said */
};

/* key = value settings (pwquality.conf, faillock.conf) or KEY VALUE (login.defs). */
struct pwp_conf {
	char **keys;
	char **values;		/* NULL for a bare flag */
	size_t n;
	int found;		/* some file of it exists */
	char *source;		/* the last file read */
};

struct pwp_ctx {
	const struct sa_host *host;
	struct sa_ctx *ctx;
	int any;		/* some file of the policy exists */
};

static void
pwp_stack_free(struct pwp_stack *st)
{
	size_t i, j;

	for (i = 0; i < st->n; i++) {
		for (j = 0; j < st->v[i].n_args; j++)
			free(st->v[i].args[j]);
		free(st->v[i].args);
		free(st->v[i].file);
	}
	free(st->v);
	free(st->service_file);
	memset(st, 0, sizeof(*st));
}

static void
pwp_conf_free(struct pwp_conf *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->keys[i]);
		free(c->values[i]);
	}
	free(c->keys);
	free(c->values);
	free(c->source);
	memset(c, 0, sizeof(*c));
}

static int
pwp_read(struct pwp_ctx *pc, const char *path, char **ret, size_t *len)
{
	const struct hf hf = { pc->host, pc->ctx };
	int r = hf_read(&hf, path, HF_MAX_CONFIG, ret, len);

	if (r == 0)
		pc->any = 1;
	else if (r != -ENOENT)
		pc->host->log(pc->ctx, SA_LOG_WARNING, "%s: %s", path, hf_strerror(r));
	return r;
}

static void
pwp_conf_set(struct pwp_conf *c, const char *key, const char *value)
{
	c->keys = hf_grow(c->keys, c->n + 1, sizeof(*c->keys));
	c->values = hf_grow(c->values, c->n + 1, sizeof(*c->values));
	c->keys[c->n] = hf_strdup(key);
	c->values[c->n] = value != NULL ? hf_strdup(value) : NULL;
	c->n++;
}

/* Append the settings of path; blank_sep: "KEY VALUE" (login.defs). */
static void
pwp_conf_read(struct pwp_ctx *pc, struct pwp_conf *c, const char *path,
    int blank_sep)
{
	char *data, *line, *key, *value, *sep;
	struct hf_lines it;
	size_t len;

	if (pwp_read(pc, path, &data, &len) < 0)
		return;
	c->found = 1;
	free(c->source);
	c->source = hf_strdup(path);
	hf_lines_init(&it, data, len);
	while ((line = hf_lines_cut(&it)) != NULL) {
		key = hf_strip(line);
		if (*key == '#' || *key == '\0')
			continue;
		sep = blank_sep ? key + strcspn(key, " \t") : strchr(key, '=');
		if (sep == NULL || *sep == '\0') {
			pwp_conf_set(c, hf_strip(key), NULL);
			continue;
		}
		*sep = '\0';
		value = hf_strip(sep + 1);
		/* login.defs allows a trailing comment */
		if (blank_sep && (sep = strchr(value, '#')) != NULL)
			*sep = '\0';
		pwp_conf_set(c, hf_strip(key), hf_strip(value));
	}
	free(data);
}

/* The last value of key (later settings win), or NULL; *present for flags. */
static const char *
pwp_conf_get(const struct pwp_conf *c, const char *key, int *present)
{
	size_t i = c->n;

	if (present != NULL)
		*present = 0;
	while (i-- > 0)
		if (strcasecmp(c->keys[i], key) == 0) {
			if (present != NULL)
				*present = 1;
			return c->values[i];
		}
	return NULL;
}

static int
pwp_long(const char *s, long *ret)
{
	long long v;

	if (hf_parse_int(s, &v) < 0 || v < LONG_MIN || v > LONG_MAX)
		return -EINVAL;
	*ret = (long)v;
	return 0;
}

/*
 * PAM tokens: blank separated, except that "[...]" (control values and
 * arguments with blanks) is one token.
 */
static size_t
pwp_tokens(char *s, char **tok, size_t max)
{
	size_t n = 0;
	char *end;

	for (;;) {
		s += strspn(s, " \t");
		if (*s == '\0' || n == max)
			break;
		tok[n++] = s;
		if (*s == '[') {
			end = strchr(s, ']');
			s = end != NULL ? end + 1 : s + strlen(s);
		} else
			s += strcspn(s, " \t");
		if (*s == '\0')
			break;
		*s++ = '\0';
	}
	return n;
}

static void
pwp_push(struct pwp_stack *st, const char *type, const char *module,
    char **args, size_t n_args, const char *file, unsigned int line)
{
	struct pwp_mod *m;
	const char *base = strrchr(module, '/');
	size_t i;

	st->v = hf_grow(st->v, st->n + 1, sizeof(*st->v));
	m = &st->v[st->n];
	memset(m, 0, sizeof(*m));
	snprintf(m->type, sizeof(m->type), "%s", type);
	snprintf(m->name, sizeof(m->name), "%s", base != NULL ? base + 1 : module);
	if (hf_has_suffix(m->name, ".so") && strlen(m->name) > 3)
		m->name[strlen(m->name) - 3] = '\0';
	m->line = line;
	m->file = hf_strdup(file);
	if (n_args > 0)
		m->args = hf_grow(NULL, n_args, sizeof(*m->args));
	for (i = 0; i < n_args; i++)
		/* "[arg with blanks]" */
		m->args[i] = args[i][0] == '[' && args[i][strlen(args[i]) - 1] == ']' ?
		    hf_strndup(args[i] + 1, strlen(args[i]) - 2) : hf_strdup(args[i]);
	m->n_args = n_args;
	st->n++;
}

static int pwp_service(struct pwp_ctx *pc, struct pwp_stack *st,
    const char *service, const char *type, int depth);

/* One logical line of a PAM file (comments and continuations removed). */
static int
pwp_pam_line(struct pwp_ctx *pc, struct pwp_stack *st, char *line,
    const char *file, unsigned int lineno, const char *type, int depth)
{
	char *tok[PWP_MAX_TOKENS], *ltype;
	size_t n = pwp_tokens(line, tok, PWP_MAX_TOKENS);

	if (n == 0)
		return 0;
	if (strcmp(tok[0], "@include") == 0)
		return n >= 2 ? pwp_service(pc, st, tok[1], type, depth + 1) : 0;
	if (n < 3)
		return 0;
	ltype = tok[0][0] == '-' ? tok[0] + 1 : tok[0];
	if (type != NULL && strcasecmp(ltype, type) != 0)
		return 0;
	if (strcmp(tok[1], "include") == 0 || strcmp(tok[1], "substack") == 0)
		return pwp_service(pc, st, tok[2], ltype, depth + 1);
	pwp_push(st, ltype, tok[2], tok + 3, n - 3, file, lineno);
	return 0;
}

/* Resolve /etc/pam.d/SERVICE into st (modules of type, or all). */
static int
pwp_service(struct pwp_ctx *pc, struct pwp_stack *st, const char *service,
    const char *type, int depth)
{
	char path[512], *data, *p, *end, *nl, *hash, *logical = NULL;
	unsigned int lineno = 0, start = 0;
	size_t len, llen = 0;
	int r;

	if (depth > PWP_MAX_DEPTH) {
		if (!st->deep)
			pc->host->log(pc->ctx, SA_LOG_WARNING,
			    E_("PAM include of %s nested too deeply; ignored"), service);
		st->deep = 1;	/* said once per stack, not once per line */
		return 0;
	}
	if (st->files == PWP_MAX_FILES) {
		pc->host->log(pc->ctx, SA_LOG_WARNING,
		    E_("PAM include of %s: more than %d files in one stack; ignored"),
		    service, PWP_MAX_FILES);
		st->files++;	/* said once */
		return 0;
	}
	if (st->files > PWP_MAX_FILES)
		return 0;
	st->files++;
	if (service[0] == '/')
		snprintf(path, sizeof(path), "%s", service);
	else
		snprintf(path, sizeof(path), "/etc/pam.d/%s", service);
	if ((r = pwp_read(pc, path, &data, &len)) < 0)
		return r;
	if (st->service_file == NULL)
		st->service_file = hf_strdup(path);
	for (p = data, end = data + len; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		*nl = '\0';
		lineno++;
		if ((hash = strchr(p, '#')) != NULL)
			*hash = '\0';
		/* backslash-newline continues a line */
		{
			size_t pl = strlen(p);
			int cont = pl > 0 && p[pl - 1] == '\\';

			if (cont)
				p[--pl] = '\0';
			logical = hf_grow(logical, llen + pl + 2, 1);
			if (llen == 0)
				start = lineno;
			memcpy(logical + llen, p, pl);
			llen += pl;
			logical[llen++] = ' ';
			logical[llen] = '\0';
			if (cont && nl < end)
				continue;
		}
		pwp_pam_line(pc, st, logical, path, start, type, depth);
		llen = 0;
	}
	free(logical);
	free(data);
	return 0;
}

/* The first of services that exists, resolved; -ENOENT if none does. */
static int
pwp_stack_load(struct pwp_ctx *pc, struct pwp_stack *st,
    const char *const *services, const char *type)
{
	size_t i;

	memset(st, 0, sizeof(*st));
	for (i = 0; services[i] != NULL; i++)
		if (pwp_service(pc, st, services[i], type, 0) == 0)
			return 0;
	return -ENOENT;
}

static const struct pwp_mod *
pwp_find_mod(const struct pwp_stack *st, const char *name)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].name, name) == 0)
			return &st->v[i];
	return NULL;
}

/* "minlen=12" -> "12"; a bare "enforce_for_root" -> "" */
static const char *
pwp_arg(const struct pwp_mod *m, const char *key)
{
	size_t i, kl = strlen(key);
	const char *found = NULL;

	for (i = 0; m != NULL && i < m->n_args; i++) {
		if (strncmp(m->args[i], key, kl) != 0)
			continue;
		if (m->args[i][kl] == '=')
			found = m->args[i] + kl + 1;
		else if (m->args[i][kl] == '\0')
			found = "";
	}
	return found;
}

/* An integer setting: module argument, else config file, else default. */
static long
pwp_setting(const struct pwp_mod *m, const struct pwp_conf *c, const char *key,
    long def)
{
	long v;

	if (pwp_long(pwp_arg(m, key), &v) == 0)
		return v;
	if (c != NULL && pwp_long(pwp_conf_get(c, key, NULL), &v) == 0)
		return v;
	return def;
}

static void
pwp_report(struct pwp_ctx *pc, const char *check, int level, const char *object,
    const char *fmt, ...) SA_PRINTF(5, 6);

static void
pwp_report(struct pwp_ctx *pc, const char *check, int level, const char *object,
    const char *fmt, ...)
{
	char evidence[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(evidence, sizeof(evidence), fmt, ap);
	va_end(ap);
	sa_report(pc->host, pc->ctx, check, level, object, evidence);
}

/* What the password-changing stack enforces. */
struct pwp_quality {
	const struct pwp_mod *module;	/* pwquality, cracklib, passwdqc or NULL */
	int enforcing;
	long min_length;	/* effective, credits taken into account */
	char length_why[256];
	const char *length_file;	/* where the deciding module is set up */
	int dictionary;
	long classes;		/* character classes demanded */
	long unix_minlen;
	long remember;
	const char *remember_by;
	const char *hash;	/* scheme new hashes get, or NULL */
	const char *hash_by;
	const char *hash_file;	/* where it is set */
};

static const char *
pwp_scheme_of_unix(const struct pwp_mod *m)
{
	static const char *const opts[][2] = {
		{ "yescrypt", "yescrypt" }, { "gost_yescrypt", "gost-yescrypt" },
		{ "sha512", "sha512" }, { "sha256", "sha256" },
		{ "blowfish", "bcrypt" }, { "bigcrypt", "des" }, { "md5", "md5" },
	};
	size_t i, j;
	const char *found = NULL;

	/* pam_unix takes the last hash option it reads */
	for (j = 0; m != NULL && j < m->n_args; j++)
		for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
			if (strcmp(m->args[j], opts[i][0]) == 0)
				found = opts[i][1];
	return found;
}

static const char *
pwp_scheme_of_defs(const char *method)
{
	static const char *const names[][2] = {
		{ "YESCRYPT", "yescrypt" }, { "GOST_YESCRYPT", "gost-yescrypt" },
		{ "SHA512", "sha512" }, { "SHA256", "sha256" }, { "BCRYPT", "bcrypt" },
		{ "MD5", "md5" }, { "DES", "des" },
	};
	size_t i;

	for (i = 0; method != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(method, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

static void
pwp_quality(struct pwp_ctx *pc, const struct pwp_stack *pw,
    const struct pwp_conf *defs, struct pwp_quality *q)
{
	const struct pwp_mod *unix_mod = pwp_find_mod(pw, "pam_unix");
	const struct pwp_mod *hist = pwp_find_mod(pw, "pam_pwhistory");
	static const char *const credits[] = { "dcredit", "ucredit", "lcredit", "ocredit" };
	struct pwp_conf conf;
	struct hf_names names;
	const struct hf hf = { pc->host, pc->ctx };
	char path[512];
	size_t i;
	long minlen, credit, bonus = 0, negative = 0, v;
	const char *arg;

	memset(q, 0, sizeof(*q));
	memset(&conf, 0, sizeof(conf));
	q->unix_minlen = unix_mod != NULL ? pwp_setting(unix_mod, NULL, "minlen", 6) : 0;
	if ((q->module = pwp_find_mod(pw, "pam_pwquality")) != NULL) {
		/* .conf.d first, then the main file: later files win */
		hf_list(&hf, "/etc/security/pwquality.conf.d", ".conf", &names);
		for (i = 0; i < names.n; i++) {
			snprintf(path, sizeof(path), "/etc/security/pwquality.conf.d/%s",
			    names.v[i]);
			pwp_conf_read(pc, &conf, path, 0);
		}
		hf_names_free(&names);
		pwp_conf_read(pc, &conf, "/etc/security/pwquality.conf", 0);
		minlen = pwp_setting(q->module, &conf, "minlen", 8);
		if (minlen < 6)
			minlen = 6;	/* libpwquality's floor */
		for (i = 0; i < 4; i++) {
			credit = pwp_setting(q->module, &conf, credits[i], 0);
			if (credit > 0)	/* bounded: four huge credits must not overflow */
				bonus += credit < 1024 ? credit : 1024;
			else if (credit < 0)
				negative++;
		}
		q->classes = pwp_setting(q->module, &conf, "minclass", 0);
		if (negative > q->classes)
			q->classes = negative;
		q->dictionary = pwp_setting(q->module, &conf, "dictcheck", 1) != 0;
		q->enforcing = pwp_setting(q->module, &conf, "enforcing", 1) != 0;
		q->min_length = minlen - bonus;
		snprintf(q->length_why, sizeof(q->length_why), bonus > 0 ?
		    E_("pam_pwquality minlen=%ld less credits") :
		    "pam_pwquality minlen=%ld", minlen);
	} else if ((q->module = pwp_find_mod(pw, "pam_cracklib")) != NULL) {
		/* cracklib's credits default to 1 each */
		minlen = pwp_setting(q->module, NULL, "minlen", 9);
		for (i = 0; i < 4; i++) {
			credit = pwp_setting(q->module, NULL, credits[i], 1);
			if (credit > 0)	/* bounded: four huge credits must not overflow */
				bonus += credit < 1024 ? credit : 1024;
			else if (credit < 0)
				negative++;
		}
		q->classes = pwp_setting(q->module, NULL, "minclass", 0);
		if (negative > q->classes)
			q->classes = negative;
		q->dictionary = 1;
		q->enforcing = 1;
		q->min_length = minlen - bonus;
		snprintf(q->length_why, sizeof(q->length_why), bonus > 0 ?
		    E_("pam_cracklib minlen=%ld less credits") :
		    "pam_cracklib minlen=%ld", minlen);
	} else if ((q->module = pwp_find_mod(pw, "pam_passwdqc")) != NULL) {
		/* min=N0,N1,N2,N3,N4: the smallest enabled one is the floor */
		const char *p = pwp_arg(q->module, "min");
		char spec[128], *tok, *save = NULL;

		snprintf(spec, sizeof(spec), "%s", p != NULL ? p : "disabled,24,11,8,7");
		q->min_length = -1;
		for (tok = strtok_r(spec, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			if (pwp_long(tok, &v) == 0 && (q->min_length < 0 || v < q->min_length))
				q->min_length = v;
		q->dictionary = 1;
		q->enforcing = (arg = pwp_arg(q->module, "enforce")) == NULL ||
		    strcmp(arg, "none") != 0;
		q->classes = 1;
		if (p != NULL)
			snprintf(q->length_why, sizeof(q->length_why), "pam_passwdqc min=%s", p);
		else
			snprintf(q->length_why, sizeof(q->length_why), "%s",
			    E_("pam_passwdqc min=disabled,24,11,8,7 (default)"));
	}
	if (q->module != NULL)
		q->length_file = q->module->file;
	if (q->module != NULL && !q->enforcing) {
		/* warns only: the user may keep the weak password */
		q->min_length = 0;
		q->dictionary = 0;
		q->classes = 0;
	}
	/* credits larger than minlen leave pwquality's floor below zero,
	 * and with no pam_unix line unix_minlen is 0: only a real pam_unix
	 * minlen can raise the length */
	if (unix_mod != NULL && q->unix_minlen > q->min_length) {
		q->min_length = q->unix_minlen;
		snprintf(q->length_why, sizeof(q->length_why), "pam_unix minlen=%ld",
		    q->unix_minlen);
		q->length_file = unix_mod->file;
	}
	if (hist != NULL) {
		q->remember = pwp_setting(hist, NULL, "remember", 10);
		q->remember_by = "pam_pwhistory";
	}
	if (unix_mod != NULL && (v = pwp_setting(unix_mod, NULL, "remember", 0)) > q->remember) {
		q->remember = v;
		q->remember_by = "pam_unix";
	}
	if ((q->hash = pwp_scheme_of_unix(unix_mod)) != NULL) {
		q->hash_by = "pam_unix";
		q->hash_file = unix_mod->file;
	}
	else if ((q->hash = pwp_scheme_of_defs(pwp_conf_get(defs, "ENCRYPT_METHOD", NULL))) != NULL)
		q->hash_by = "/etc/login.defs ENCRYPT_METHOD";
	else if ((arg = pwp_conf_get(defs, "MD5_CRYPT_ENAB", NULL)) != NULL &&
	    strcasecmp(arg, "yes") == 0) {
		q->hash = "md5";
		q->hash_by = "/etc/login.defs MD5_CRYPT_ENAB";
	}
	pwp_conf_free(&conf);
}

static void
pwp_audit_quality(struct pwp_ctx *pc, const struct pwp_wanted *want,
    const struct pwp_stack *pw, int have_stack, const struct pwp_conf *defs)
{
	struct pwp_quality q;
	const char *object = have_stack ? pw->service_file : "/etc/pam.d";
	long v;
	int level;

	pwp_quality(pc, pw, defs, &q);

	/* Minimum length */
	if (!have_stack) {
		if (pwp_long(pwp_conf_get(defs, "PASS_MIN_LEN", NULL), &v) == 0) {
			level = v >= want->min_length ? SA_LEVEL_IMPLEMENTED :
			    v >= 8 ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
			pwp_report(pc, "min-length", level, "/etc/login.defs",
			    E_("no PAM password stack; PASS_MIN_LEN %ld (wanted %ld)"),
			    v, want->min_length);
		} else
			pwp_report(pc, "min-length", SA_LEVEL_UNKNOWN, object,
			    "%s", E_("no PAM password stack (passwd, common-password, system-auth) found"));
	} else {
		level = q.min_length >= want->min_length ? SA_LEVEL_IMPLEMENTED :
		    q.min_length >= 8 ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
		if (q.min_length > 0)
			pwp_report(pc, "min-length", level,
			    q.length_file != NULL ? q.length_file : object,
			    E_("shortest password accepted: %ld characters (%s); wanted %ld"),
			    q.min_length, q.length_why, want->min_length);
		else
			pwp_report(pc, "min-length", SA_LEVEL_NOT, object,
			    q.module != NULL && !q.enforcing ?
			    E_("no minimum length enforced (quality module set to warn only); wanted %ld") :
			    E_("no minimum length enforced; wanted %ld"),
			    want->min_length);
	}

	/* Dictionary check */
	if (!want->dictionary_check)
		pwp_report(pc, "dictionary-check", SA_LEVEL_NA, object,
		    "%s", E_("not required (require_dictionary_check = no)"));
	else if (!have_stack)
		pwp_report(pc, "dictionary-check", SA_LEVEL_UNKNOWN, object,
		    "%s", E_("no PAM password stack found"));
	else if (q.dictionary)
		pwp_report(pc, "dictionary-check", SA_LEVEL_IMPLEMENTED, q.module->file,
		    E_("%s checks new passwords against a dictionary"), q.module->name);
	else if (q.module != NULL)
		pwp_report(pc, "dictionary-check", SA_LEVEL_NOT, q.module->file,
		    q.enforcing ? E_("%s is configured with dictcheck=0") :
		    E_("%s is configured to warn only (enforcing=0)"), q.module->name);
	else
		pwp_report(pc, "dictionary-check", SA_LEVEL_NOT, object,
		    "%s", E_("no password quality module (pam_pwquality, pam_cracklib, pam_passwdqc) in the password stack"));

	/* Character classes */
	if (want->min_classes <= 0)
		pwp_report(pc, "complexity", SA_LEVEL_NA, object,
		    "%s", E_("not required (min_classes = 0)"));
	else if (!have_stack)
		pwp_report(pc, "complexity", SA_LEVEL_UNKNOWN, object,
		    "%s", E_("no PAM password stack found"));
	else {
		level = q.classes >= want->min_classes ? SA_LEVEL_IMPLEMENTED :
		    q.classes > 0 ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
		pwp_report(pc, "complexity", level, q.module != NULL ? q.module->file : object,
		    E_("character classes demanded: %ld; wanted %ld"), q.classes,
		    want->min_classes);
	}

	/* History */
	if (want->remember <= 0)
		pwp_report(pc, "history", SA_LEVEL_NA, object,
		    "%s", E_("not required (remember_passwords = 0)"));
	else if (!have_stack)
		pwp_report(pc, "history", SA_LEVEL_UNKNOWN, object,
		    "%s", E_("no PAM password stack found"));
	else {
		level = q.remember >= want->remember ? SA_LEVEL_IMPLEMENTED :
		    q.remember > 0 ? SA_LEVEL_PARTLY : SA_LEVEL_NOT;
		if (q.remember > 0)
			pwp_report(pc, "history", level, object,
			    E_("%s remembers %ld old passwords; wanted %ld"), q.remember_by,
			    q.remember, want->remember);
		else
			pwp_report(pc, "history", level, object,
			    E_("old passwords may be reused (no pam_pwhistory, no pam_unix remember=); wanted %ld"),
			    want->remember);
	}

	/* Hash method for new passwords */
	if (q.hash == NULL)
		pwp_report(pc, "hash-method", SA_LEVEL_UNKNOWN, object,
		    "%s", E_("no hash method configured in pam_unix or /etc/login.defs"));
	else
		pwp_report(pc, "hash-method",
		    pwp_scheme_accepted(want->hash_schemes, q.hash) ?
		    SA_LEVEL_IMPLEMENTED : SA_LEVEL_NOT,
		    q.hash_file != NULL ? q.hash_file : "/etc/login.defs",
		    E_("new passwords are hashed with %s (%s)"), q.hash, q.hash_by);

	/* Maximum age */
	if (want->max_age_days < 0)
		pwp_report(pc, "max-age", SA_LEVEL_NA, "/etc/login.defs",
		    "%s", E_("not required (max_password_age unset)"));
	else if (!defs->found)
		pwp_report(pc, "max-age", SA_LEVEL_UNKNOWN, "/etc/login.defs",
		    "%s", E_("no /etc/login.defs"));
	else {
		if (pwp_long(pwp_conf_get(defs, "PASS_MAX_DAYS", NULL), &v) < 0)
			v = 99999;	/* shadow-utils' default: never */
		pwp_report(pc, "max-age",
		    v >= 0 && v <= want->max_age_days ? SA_LEVEL_IMPLEMENTED : SA_LEVEL_NOT,
		    "/etc/login.defs", E_("PASS_MAX_DAYS %ld for new accounts; wanted at most %ld"),
		    v, want->max_age_days);
	}
}

/* The lockout an auth stack sets up: deny count (0: none) and module. */
static long
pwp_lockout_of(struct pwp_ctx *pc, const struct pwp_stack *st,
    const struct pwp_mod **ret_mod)
{
	struct pwp_conf fconf;
	const struct pwp_mod *m;
	const char *conf;
	long deny = 0;

	memset(&fconf, 0, sizeof(fconf));
	if ((m = pwp_find_mod(st, "pam_faillock")) != NULL) {
		/* module arguments override faillock.conf; deny defaults to 3 */
		conf = pwp_arg(m, "conf");
		pwp_conf_read(pc, &fconf, conf != NULL && *conf != '\0' ? conf :
		    "/etc/security/faillock.conf", 0);
		deny = pwp_setting(m, &fconf, "deny", 3);
	} else if ((m = pwp_find_mod(st, "pam_tally2")) != NULL ||
	    (m = pwp_find_mod(st, "pam_tally")) != NULL)
		deny = pwp_setting(m, NULL, "deny", 0);
	pwp_conf_free(&fconf);
	*ret_mod = m;
	return deny > 0 ? deny : 0;
}

/* Lockout after failed logins, in the stacks people log in through. */
static void
pwp_audit_lockout(struct pwp_ctx *pc, const struct pwp_wanted *want)
{
	/* login and sshd; only without both, the shared auth stack */
	static const char *const services[] = {
		"login", "sshd", "common-auth", "system-auth"
	};
	const char *one[2] = { NULL, NULL };
	char seen[512] = "", shared[512];
	struct pwp_stack st;
	const struct pwp_mod *m;
	const char *object = "/etc/pam.d";
	size_t i, total = 0, good = 0, none = 0;
	long deny;

	if (!want->lockout) {
		pwp_report(pc, "lockout", SA_LEVEL_NA, object,
		    "%s", E_("not required (require_lockout = no)"));
		return;
	}
	for (i = 0; i < sizeof(services) / sizeof(services[0]); i++) {
		if (i >= 2 && total > 0)
			break;
		one[0] = services[i];
		if (pwp_stack_load(pc, &st, one, "auth") < 0) {
			pwp_stack_free(&st);
			continue;
		}
		if (i >= 2) {
			/* a copy: the stack is freed before the report */
			snprintf(shared, sizeof(shared), "%s", st.service_file != NULL ?
			    st.service_file : object);
			object = shared;
		}
		total++;
		deny = pwp_lockout_of(pc, &st, &m);
		if (deny == 0)
			none++;
		else if (deny <= want->max_auth_failures)
			good++;
		snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen),
		    seen[0] != '\0' ? E_(", %s: %s") : "%s: %s", one[0],
		    m == NULL ? E_("no lockout") : m->name);
		if (deny > 0)
			snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen),
			    " deny=%ld", deny);
		pwp_stack_free(&st);
		if (i >= 2)
			break;
	}
	if (total == 0) {
		pwp_report(pc, "lockout", SA_LEVEL_UNKNOWN, object,
		    "%s", E_("no login, sshd, common-auth or system-auth PAM service found"));
		return;
	}
	pwp_report(pc, "lockout", good == total ? SA_LEVEL_IMPLEMENTED :
	    none == total ? SA_LEVEL_NOT : SA_LEVEL_PARTLY, object,
	    E_("%s; wanted a lockout within %ld failures"), seen, want->max_auth_failures);
}

int
pwp_audit(const struct sa_host *host, struct sa_ctx *ctx,
    const struct pwp_wanted *want)
{
	static const char *const pw_services[] = {
		"passwd", "common-password", "system-auth", NULL
	};
	struct pwp_ctx pc = { .host = host, .ctx = ctx };
	struct pwp_stack pw;
	struct pwp_conf defs;
	int have_stack;

	memset(&defs, 0, sizeof(defs));
	pwp_conf_read(&pc, &defs, "/etc/login.defs", 1);
	have_stack = pwp_stack_load(&pc, &pw, pw_services, "password") == 0;
	pwp_audit_quality(&pc, want, &pw, have_stack, &defs);
	pwp_audit_lockout(&pc, want);
	pwp_stack_free(&pw);
	pwp_conf_free(&defs);
	return pc.any;
}

const char *
pwp_hash_scheme(const char *h)
{
	static const char *const prefixes[][2] = {
		{ "$y$", "yescrypt" }, { "$gy$", "gost-yescrypt" }, { "$7$", "scrypt" },
		{ "$2a$", "bcrypt" }, { "$2b$", "bcrypt" }, { "$2x$", "bcrypt" },
		{ "$2y$", "bcrypt" }, { "$6$", "sha512" }, { "$5$", "sha256" },
		{ "$1$", "md5" }, { "$md5", "md5" }, { "$sha1$", "sha1" },
		{ "$3$", "nt" },
	};
	size_t i, n = strlen(h);

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(h, prefixes[i][0], strlen(prefixes[i][0])) == 0)
			return prefixes[i][1];
	if (h[0] == '_' && n == 20)
		return "bsdi-des";
	if (n == 13 && strspn(h, "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == 13)
		return "des";
	return "unknown";
}

int
pwp_scheme_accepted(const char *list, const char *scheme)
{
	size_t n = strlen(scheme), k;
	const char *p = list;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t,");
		k = strcspn(p, " \t,");
		if (k == n && strncasecmp(p, scheme, n) == 0)
			return 1;
		p += k;
	}
	return 0;
}
