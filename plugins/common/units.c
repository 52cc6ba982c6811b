/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
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

static void
unit_add(struct hf_names *set, const char *name)
{
	set->v = hf_grow(set->v, set->n + 1, sizeof(*set->v));
	set->v[set->n++] = hf_strdup(name);
}

static int
unit_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
unit_sort(struct hf_names *set)
{
	if (set->n > 1)
		qsort(set->v, set->n, sizeof(*set->v), unit_cmp);
}

static int
unit_is_dir(const struct sa_host *host, struct sa_ctx *ctx, const char *path)
{
	struct stat st;

	return host->stat(ctx, path, 0, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
unit_load_systemd_dir(struct unit_db *db, const struct sa_host *host,
    struct sa_ctx *ctx, const char *dir, int is_etc)
{
	struct hf_names names, links;
	char target[256];
	size_t i, k;

	if (hf_list(host, ctx, dir, &names) < 0)
		return;
	for (i = 0; i < names.n; i++) {
		const char *n = names.v[i];

		if (hf_has_suffix(n, ".wants") || hf_has_suffix(n, ".requires")) {
			char *sub = hf_join(dir, n);

			if (hf_list(host, ctx, sub, &links) == 0) {
				for (k = 0; k < links.n; k++)
					unit_add(&db->enabled, links.v[k]);
				hf_names_free(&links);
			}
			free(sub);
			continue;
		}
		unit_add(&db->present, n);
		if (is_etc && hf_readlink(host, ctx, dir, n, target,
		    sizeof(target)) == 0 && strcmp(target, "/dev/null") == 0)
			unit_add(&db->masked, n);
	}
	hf_names_free(&names);
}

static void
unit_load_sysv(struct unit_db *db, const struct sa_host *host,
    struct sa_ctx *ctx)
{
	static const char *const rc[] = { "/etc/rc2.d", "/etc/rc3.d",
	    "/etc/rc4.d", "/etc/rc5.d", NULL };
	struct hf_names names;
	size_t i, k;

	if (hf_list(host, ctx, "/etc/init.d", &names) == 0) {
		for (i = 0; i < names.n; i++)
			unit_add(&db->present, names.v[i]);
		hf_names_free(&names);
	}
	for (k = 0; rc[k] != NULL; k++) {
		if (hf_list(host, ctx, rc[k], &names) < 0)
			continue;
		/* "S01rsyslog": start link with a two-digit order. */
		for (i = 0; i < names.n; i++)
			if (names.v[i][0] == 'S' && strlen(names.v[i]) > 3 &&
			    names.v[i][1] >= '0' && names.v[i][1] <= '9' &&
			    names.v[i][2] >= '0' && names.v[i][2] <= '9')
				unit_add(&db->enabled, names.v[i] + 3);
		hf_names_free(&names);
	}
}

void
unit_db_load(struct unit_db *db, const struct sa_host *host,
    struct sa_ctx *ctx)
{
	struct stat st;
	size_t i;

	memset(db, 0, sizeof(*db));
	db->systemd = unit_is_dir(host, ctx, "/etc/systemd/system") ||
	    host->stat(ctx, "/usr/lib/systemd/systemd", 0, &st) == 0 ||
	    host->stat(ctx, "/lib/systemd/systemd", 0, &st) == 0;
	if (db->systemd) {
		for (i = 0; unit_dirs[i] != NULL; i++)
			unit_load_systemd_dir(db, host, ctx, unit_dirs[i], i == 0);
	} else {
		db->sysv = 1;
		unit_load_sysv(db, host, ctx);
	}
	unit_sort(&db->enabled);
	unit_sort(&db->masked);
	unit_sort(&db->present);
}

void
unit_db_free(struct unit_db *db)
{
	hf_names_free(&db->enabled);
	hf_names_free(&db->masked);
	hf_names_free(&db->present);
}

static int
unit_has(const struct hf_names *set, const char *name)
{
	return set->n > 0 && bsearch(&name, set->v, set->n, sizeof(*set->v),
	    unit_cmp) != NULL;
}

/* "clamd@.service" matches "clamd@scan.service". */
static int
unit_has_instance(const struct hf_names *set, const char *tmpl)
{
	const char *at = strchr(tmpl, '@');
	size_t plen = (size_t)(at - tmpl) + 1, i;
	const char *suffix = at + 1;

	for (i = 0; i < set->n; i++)
		if (strncmp(set->v[i], tmpl, plen) == 0 &&
		    strlen(set->v[i]) > plen + strlen(suffix) &&
		    hf_has_suffix(set->v[i], suffix))
			return 1;
	return 0;
}

enum unit_state
unit_state(const struct unit_db *db, const char *name)
{
	char base[256];
	const char *q = name;
	int tmpl;

	if (db->sysv) {
		/* Init scripts are named without the unit suffix. */
		const char *dot = strrchr(name, '.');
		size_t n = dot != NULL ? (size_t)(dot - name) : strlen(name);

		if (n >= sizeof(base) || strchr(name, '@') != NULL)
			return UNIT_ABSENT;
		memcpy(base, name, n);
		base[n] = '\0';
		q = base;
		if (unit_has(&db->enabled, q))
			return UNIT_ENABLED;
		return unit_has(&db->present, q) ? UNIT_DISABLED : UNIT_ABSENT;
	}
	tmpl = strstr(name, "@.") != NULL;
	if (tmpl ? unit_has_instance(&db->masked, name) || unit_has(&db->masked, name) :
	    unit_has(&db->masked, name))
		return UNIT_MASKED;
	if (tmpl ? unit_has_instance(&db->enabled, name) :
	    unit_has(&db->enabled, name))
		return UNIT_ENABLED;
	if (unit_has(&db->present, name))
		return UNIT_DISABLED;
	return UNIT_ABSENT;
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
