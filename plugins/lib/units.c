/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "units.h"

static const char *const unit_dirs[] = {
	"/etc/systemd/system",
	"/usr/local/lib/systemd/system",
	"/usr/lib/systemd/system",
	"/lib/systemd/system",
	NULL
};

static const char *const unit_rc_dirs[] = {
	"/etc/rcS.d", "/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d", NULL
};

static const char *const unit_runlevels[] = {
	"/etc/runlevels/boot", "/etc/runlevels/default", NULL
};

static void
unit_link_add(struct unit_links *l, const char *name, const char *via)
{
	struct unit_link *e;

	l->v = hf_grow(l->v, l->n + 1, sizeof(*l->v));
	e = &l->v[l->n];
	e->name = hf_strdup(name);
	e->via = hf_strdup(via);
	e->order = l->n++;
}

static int
unit_link_cmp(const void *a, const void *b)
{
	const struct unit_link *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r != 0 ? r : (x->order > y->order) - (x->order < y->order);
}

static int
unit_link_key(const void *key, const void *elem)
{
	return strcmp(key, ((const struct unit_link *)elem)->name);
}

/* The first link of name in a sorted list, or NULL. */
static const struct unit_link *
unit_link_find(const struct unit_links *l, const char *name)
{
	const struct unit_link *e;

	if (l->n == 0)
		return NULL;
	e = bsearch(name, l->v, l->n, sizeof(*l->v), unit_link_key);
	while (e != NULL && e > l->v && strcmp(e[-1].name, name) == 0)
		e--;
	return e;
}

static void
unit_links_free(struct unit_links *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].via);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int
unit_is_dir(const struct hf *hf, const char *path)
{
	struct stat st;

	return hf->host->stat(hf->ctx, path, 0, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
unit_load_systemd_dir(struct unit_db *db, const struct hf *hf,
    const char *dir, int is_etc)
{
	struct hf_names names, links;
	char target[256], *path;
	size_t i, k;

	if (hf_list(hf, dir, NULL, &names) < 0)
		return;
	for (i = 0; i < names.n; i++) {
		const char *n = names.v[i];

		path = hf_join(dir, n);
		if (hf_has_suffix(n, ".wants") || hf_has_suffix(n, ".requires")) {
			if (hf_list(hf, path, NULL, &links) == 0) {
				for (k = 0; k < links.n; k++)
					unit_link_add(&db->enabled, links.v[k], n);
				hf_names_free(&links);
			}
		} else {
			hf_names_add(&db->present, n);
			if (is_etc && hf_readlink(hf, path, target,
			    sizeof(target)) >= 0 && strcmp(target, "/dev/null") == 0)
				hf_names_add(&db->masked, n);
		}
		free(path);
	}
	hf_names_free(&names);
}

/* "S01rsyslog": a start link with a two-digit order. */
static int
unit_rc_start(const char *name)
{
	return name[0] == 'S' && name[1] >= '0' && name[1] <= '9' &&
	    name[2] >= '0' && name[2] <= '9' && name[3] != '\0';
}

static void
unit_load_scripts(struct unit_db *db, const struct hf *hf)
{
	struct hf_names names;
	char *via;
	size_t i, k;

	if (hf_list(hf, "/etc/init.d", NULL, &db->scripts) < 0)
		hf_names_free(&db->scripts);
	for (k = 0; unit_rc_dirs[k] != NULL; k++) {
		if (hf_list(hf, unit_rc_dirs[k], NULL, &names) < 0)
			continue;
		db->sysv = 1;
		for (i = 0; i < names.n; i++) {
			if (!unit_rc_start(names.v[i]))
				continue;
			via = hf_join(unit_rc_dirs[k], names.v[i]);
			unit_link_add(&db->started, names.v[i] + 3, via);
			free(via);
		}
		hf_names_free(&names);
	}
	for (k = 0; unit_runlevels[k] != NULL; k++) {
		if (hf_list(hf, unit_runlevels[k], NULL, &names) < 0)
			continue;
		db->openrc = 1;
		for (i = 0; i < names.n; i++) {
			via = hf_join(unit_runlevels[k], names.v[i]);
			unit_link_add(&db->started, names.v[i], via);
			free(via);
		}
		hf_names_free(&names);
	}
}

void
unit_db_load(struct unit_db *db, const struct hf *hf)
{
	struct stat st;
	size_t i;

	memset(db, 0, sizeof(*db));
	db->systemd = unit_is_dir(hf, "/etc/systemd/system") ||
	    hf->host->stat(hf->ctx, "/usr/lib/systemd/systemd", 0, &st) == 0 ||
	    hf->host->stat(hf->ctx, "/lib/systemd/systemd", 0, &st) == 0;
	if (db->systemd)
		for (i = 0; unit_dirs[i] != NULL; i++)
			unit_load_systemd_dir(db, hf, unit_dirs[i], i == 0);
	unit_load_scripts(db, hf);
	if (db->enabled.n > 1)
		qsort(db->enabled.v, db->enabled.n, sizeof(*db->enabled.v),
		    unit_link_cmp);
	if (db->started.n > 1)
		qsort(db->started.v, db->started.n, sizeof(*db->started.v),
		    unit_link_cmp);
	hf_names_sort(&db->masked);
	hf_names_sort(&db->present);
}

void
unit_db_free(struct unit_db *db)
{
	unit_links_free(&db->enabled);
	unit_links_free(&db->started);
	hf_names_free(&db->masked);
	hf_names_free(&db->present);
	hf_names_free(&db->scripts);
}

/* Does name, a template such as "clamd@.service", match instance? */
static int
unit_instance_of(const char *instance, const char *tmpl)
{
	const char *at = strchr(tmpl, '@');
	size_t plen = (size_t)(at - tmpl) + 1;
	const char *suffix = at + 1;

	return strncmp(instance, tmpl, plen) == 0 &&
	    strlen(instance) > plen + strlen(suffix) &&
	    hf_has_suffix(instance, suffix);
}

static int
unit_masked(const struct unit_db *db, const char *name, int tmpl)
{
	size_t i;

	if (hf_names_find(&db->masked, name))
		return 1;
	for (i = 0; tmpl && i < db->masked.n; i++)
		if (unit_instance_of(db->masked.v[i], name))
			return 1;
	return 0;
}

static const struct unit_link *
unit_enabled(const struct unit_db *db, const char *name, int tmpl)
{
	size_t i;

	if (!tmpl)
		return unit_link_find(&db->enabled, name);
	for (i = 0; i < db->enabled.n; i++)
		if (unit_instance_of(db->enabled.v[i].name, name))
			return &db->enabled.v[i];
	return NULL;
}

/* An init script's state from its start links. */
static enum unit_state
unit_script(const struct unit_db *db, const char *name, const char **ret_via)
{
	const char *dot = strrchr(name, '.');
	const struct unit_link *e;
	char base[256];
	size_t n = dot != NULL ? (size_t)(dot - name) : strlen(name);

	/* Init scripts are named without the unit suffix, and have no templates. */
	if (n >= sizeof(base) || strchr(name, '@') != NULL)
		return UNIT_ABSENT;
	memcpy(base, name, n);
	base[n] = '\0';
	if ((e = unit_link_find(&db->started, base)) != NULL) {
		*ret_via = e->via;
		return UNIT_ENABLED;
	}
	return hf_names_has(&db->scripts, base) ? UNIT_DISABLED : UNIT_ABSENT;
}

enum unit_state
unit_lookup(const struct unit_db *db, const char *name, const char **ret_via)
{
	const struct unit_link *e;
	const char *via = NULL;
	enum unit_state s;
	int tmpl = strstr(name, "@.") != NULL;

	if (ret_via == NULL)
		ret_via = &via;
	*ret_via = NULL;
	if (!db->systemd)
		return unit_script(db, name, ret_via);
	if (unit_masked(db, name, tmpl))
		return UNIT_MASKED;
	if ((e = unit_enabled(db, name, tmpl)) != NULL) {
		*ret_via = e->via;
		return UNIT_ENABLED;
	}
	if (hf_names_find(&db->present, name))
		return UNIT_DISABLED;
	/* No unit: systemd-sysv-generator turns an init script into one. */
	s = hf_has_suffix(name, ".service") ? unit_script(db, name, ret_via) :
	    UNIT_ABSENT;
	return s;
}

enum unit_state
unit_state(const struct unit_db *db, const char *name)
{
	return unit_lookup(db, name, NULL);
}

const char *
unit_state_name(enum unit_state s)
{
	switch (s) {
	case UNIT_ENABLED: return "enabled";
	case UNIT_DISABLED: return "disabled";
	case UNIT_MASKED: return "masked";
	default: return "absent";
	}
}
