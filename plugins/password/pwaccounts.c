/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "pwaccounts.h"
#include "pwpolicy.h"
#include "pwtext.h"

#define PWA_MAX_FILE (64u * 1024 * 1024)

/* A line of /etc/passwd or /etc/shadow, cut into its fields in place. */
struct pwa_entry {
	const char *name;
	const char *secret;	/* field 2: never reported, only classified */
	const char *f3;		/* passwd: UID; shadow: last change */
	const char *max;	/* shadow field 5: maximum age in days */
	unsigned int line;
};

struct pwa_file {
	char *data;
	size_t len;
	struct pwa_entry *v;
	size_t n;
	int error;		/* 0, or why it could not be read */
};

static void
pwa_file_free(struct pwa_file *f)
{
	/* the buffer held hashes: wipe it before it goes back */
	if (f->data != NULL) {
		explicit_bzero(f->data, f->len);
		free(f->data);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* Split "a:b:c..." in place; NIS "+" and "-" lines and junk are skipped. */
static void
pwa_read(const struct hf *hf, const char *path, struct pwa_file *f)
{
	struct hf_lines it;
	char *p, *field[9];
	size_t k;

	memset(f, 0, sizeof(*f));
	f->error = hf_read(hf, path, PWA_MAX_FILE, &f->data, &f->len);
	if (f->error < 0)
		return;
	hf_lines_init(&it, f->data, f->len);
	while ((p = hf_lines_cut(&it)) != NULL) {
		if (*p == '\0' || *p == '#' || *p == '+' || *p == '-')
			continue;
		k = hf_split(p, ':', field, 9);
		if (k < 3 || field[0][0] == '\0')
			continue;
		f->v = hf_grow(f->v, f->n + 1, sizeof(*f->v));
		f->v[f->n].name = field[0];
		f->v[f->n].secret = field[1];
		f->v[f->n].f3 = field[2];
		f->v[f->n].max = k > 4 ? field[4] : "";
		f->v[f->n].line = it.number;
		f->n++;
	}
}

static int
pwa_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pwa_entry *)a)->name,
	    ((const struct pwa_entry *)b)->name);
}

static const struct pwa_entry *
pwa_lookup(const struct pwa_file *sorted, const char *name)
{
	struct pwa_entry key = { .name = name };

	return sorted->n == 0 ? NULL :
	    bsearch(&key, sorted->v, sorted->n, sizeof(key), pwa_cmp);
}

/* The hash behind any '!' lock marks; NULL when there is none. */
static const char *
pwa_hash(const char *secret, int *locked)
{
	*locked = secret[0] == '!';
	while (*secret == '!')
		secret++;
	if (*secret == '\0' || *secret == '*')
		return NULL;
	return secret;
}

static void
pwa_uid0(const struct sa_host *host, struct sa_ctx *ctx,
    const struct pwa_file *pw)
{
	size_t i, bad = 0;

	for (i = 0; i < pw->n; i++)
		if (strcmp(pw->v[i].f3, "0") == 0 && strcmp(pw->v[i].name, "root") != 0) {
			sa_report(host, ctx, "uid0", SA_LEVEL_NOT, pw->v[i].name,
			    E_("UID 0 (full root rights) in /etc/passwd"));
			bad++;
		}
	if (bad == 0)
		sa_report(host, ctx, "uid0", SA_LEVEL_IMPLEMENTED, "/etc/passwd",
		    E_("only root has UID 0"));
}

int
pwa_audit(const struct sa_host *host, struct sa_ctx *ctx,
    const struct pwa_wanted *want)
{
	struct pwa_file pw, sh;
	const struct pwa_entry *e, *s;
	const char *hash, *scheme;
	const struct hf hf = { host, ctx };
	char evidence[600], object[300];
	size_t i, empty = 0, unshadowed = 0, weak = 0, hashes = 0, aging_bad = 0,
	    usable = 0;
	long long max;
	int locked;

	pwa_read(&hf, "/etc/passwd", &pw);
	if (pw.error == -ENOENT) {
		pwa_file_free(&pw);
		return 0;
	}
	if (pw.error < 0) {
		snprintf(evidence, sizeof(evidence), E_("cannot read: %s"),
		    hf_strerror(pw.error));
		sa_report(host, ctx, "uid0", SA_LEVEL_UNKNOWN, "/etc/passwd", evidence);
		sa_report(host, ctx, "empty", SA_LEVEL_UNKNOWN, "/etc/passwd", evidence);
		pwa_file_free(&pw);
		return 1;
	}
	pwa_uid0(host, ctx, &pw);

	pwa_read(&hf, "/etc/shadow", &sh);
	if (sh.n > 0)
		qsort(sh.v, sh.n, sizeof(*sh.v), pwa_cmp);

	/* Passwords kept in /etc/passwd itself, empty or hashed. */
	for (i = 0; i < pw.n; i++) {
		e = &pw.v[i];
		if (e->secret[0] == '\0') {
			sa_report(host, ctx, "empty", SA_LEVEL_NOT, e->name,
			    E_("empty password field (no password needed to log in)"));
			empty++;
		} else if (strcmp(e->secret, "x") != 0 && pwa_hash(e->secret, &locked) != NULL) {
			sa_report(host, ctx, "unshadowed", SA_LEVEL_NOT, e->name,
			    E_("password hash kept in /etc/passwd, which every user can read"));
			unshadowed++;
		}
	}
	if (unshadowed == 0) {
		snprintf(evidence, sizeof(evidence),
		    E_("%zu accounts; no password hash in /etc/passwd"), pw.n);
		sa_report(host, ctx, "unshadowed", SA_LEVEL_IMPLEMENTED, "/etc/passwd",
		    evidence);
	}

	if (sh.error < 0) {
		/* Without shadow nothing more can be told, but say why. */
		if (sh.error == -ENOENT)
			snprintf(evidence, sizeof(evidence), "%s", E_("no /etc/shadow"));
		else
			snprintf(evidence, sizeof(evidence), E_("cannot read /etc/shadow: %s"),
			    hf_strerror(sh.error));
		if (empty == 0)
			sa_report(host, ctx, "empty", SA_LEVEL_UNKNOWN, "/etc/shadow", evidence);
		sa_report(host, ctx, "hash-scheme", SA_LEVEL_UNKNOWN, "/etc/shadow", evidence);
		sa_report(host, ctx, "account-aging", want->max_age_days < 0 ?
		    SA_LEVEL_NA : SA_LEVEL_UNKNOWN, "/etc/shadow", evidence);
		pwa_file_free(&sh);
		pwa_file_free(&pw);
		return 1;
	}

	for (i = 0; i < sh.n; i++) {
		s = &sh.v[i];
		if (s->secret[0] == '\0') {
			/* counted once even if passwd said so too */
			e = NULL;
			for (size_t k = 0; k < pw.n && e == NULL; k++)
				if (strcmp(pw.v[k].name, s->name) == 0 && pw.v[k].secret[0] == '\0')
					e = &pw.v[k];
			if (e == NULL) {
				sa_report(host, ctx, "empty", SA_LEVEL_NOT, s->name,
				    E_("empty password field (no password needed to log in)"));
				empty++;
			}
			continue;
		}
		if ((hash = pwa_hash(s->secret, &locked)) == NULL)
			continue;
		scheme = pwp_hash_scheme(hash);
		if (strcmp(scheme, "unknown") == 0) {
			if (hash[0] == '$')
				sa_report(host, ctx, "hash-scheme", SA_LEVEL_UNKNOWN, s->name,
				    E_("unrecognised hash scheme"));
			continue;
		}
		hashes++;
		if (!pwp_scheme_accepted(want->hash_schemes, scheme)) {
			/* the core keeps one evidence per finding: the scheme goes
			 * with the account */
			if (locked)
				snprintf(object, sizeof(object), E_("%s (%s, locked)"),
				    s->name, scheme);
			else
				snprintf(object, sizeof(object), "%s (%s)", s->name, scheme);
			snprintf(evidence, sizeof(evidence), E_("hash scheme not among: %s"),
			    want->hash_schemes);
			sa_report(host, ctx, "hash-scheme", locked ? SA_LEVEL_PARTLY :
			    SA_LEVEL_NOT, object, evidence);
			weak++;
		}
		if (locked || want->max_age_days < 0)
			continue;
		usable++;
		if (hf_parse_int(s->max, &max) < 0)
			max = -1;
		if (max < 0 || max > want->max_age_days) {
			if (max < 0)
				snprintf(object, sizeof(object), E_("%s (never expires)"), s->name);
			else
				snprintf(object, sizeof(object), E_("%s (%lld days)"), s->name, max);
			snprintf(evidence, sizeof(evidence),
			    E_("maximum password age above %ld days"), want->max_age_days);
			sa_report(host, ctx, "account-aging", SA_LEVEL_NOT, object, evidence);
			aging_bad++;
		}
	}
	/* accounts in passwd that shadow does not know have no password */
	for (i = 0; i < pw.n; i++)
		if (strcmp(pw.v[i].secret, "x") == 0 && pwa_lookup(&sh, pw.v[i].name) == NULL)
			host->log(ctx, SA_LOG_INFO, E_("%s: in /etc/passwd but not in /etc/shadow"),
			    pw.v[i].name);

	if (empty == 0) {
		snprintf(evidence, sizeof(evidence),
		    E_("%zu accounts; none with an empty password"), sh.n);
		sa_report(host, ctx, "empty", SA_LEVEL_IMPLEMENTED, "/etc/shadow", evidence);
	}
	if (weak == 0 && hashes == 0)
		sa_report(host, ctx, "hash-scheme", SA_LEVEL_NA, "/etc/shadow",
		    E_("no account has a password hash"));
	else if (weak == 0) {
		snprintf(evidence, sizeof(evidence),
		    E_("%zu password hashes, all with an accepted scheme"), hashes);
		sa_report(host, ctx, "hash-scheme", SA_LEVEL_IMPLEMENTED, "/etc/shadow",
		    evidence);
	}
	if (want->max_age_days < 0)
		sa_report(host, ctx, "account-aging", SA_LEVEL_NA, "/etc/shadow",
		    E_("not required (max_password_age unset)"));
	else if (aging_bad == 0)
		sa_report(host, ctx, "account-aging", usable == 0 ? SA_LEVEL_NA :
		    SA_LEVEL_IMPLEMENTED, "/etc/shadow", usable == 0 ?
		    E_("no account has a usable password") :
		    E_("every account with a password expires in time"));
	pwa_file_free(&sh);
	pwa_file_free(&pw);
	return 1;
}
