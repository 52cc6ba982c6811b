/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "recfile.h"

enum ans_section { ANS_SEC_ORG, ANS_SEC_DIAGNOSIS, ANS_SEC_CLOUD, ANS_SEC_SERVICE };

struct ans_parse {
	struct answers *a;	/* the file's own answers, merged on success */
	const struct catalog *cat;
	enum ans_section section;
	struct ans_service *service;
};

static void
ans_value_init(struct ans_value *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].value = ANS_UNSET;
		v[i].note = NULL;
		v[i].file = NULL;
		v[i].line = 0;
	}
}

static void
ans_value_free(struct ans_value *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].note);
	ans_value_init(v, n);
}

void
ans_init(struct answers *a)
{
	memset(a, 0, sizeof(*a));
	ans_value_init(a->diagnosis, CAT_MAX_ITEMS);
	ans_value_init(a->cloud, CAT_MAX_CLOUD);
	a->basic_policy = ANS_UNSET;
}

void
ans_free(struct answers *a)
{
	size_t i;

	ans_value_free(a->diagnosis, CAT_MAX_ITEMS);
	ans_value_free(a->cloud, CAT_MAX_CLOUD);
	for (i = 0; i < a->n_services; i++) {
		free(a->services[i].id);
		free(a->services[i].label);
		ans_value_free(a->services[i].cloud, CAT_MAX_CLOUD);
	}
	free(a->services);
	for (i = 0; i < a->n_files; i++)
		free(a->files[i]);
	free(a->files);
	free(a->org_name);
	free(a->site);
	free(a->basic_policy_location);
	ans_init(a);
}

int
ans_parse_value(const char *s, int cloud, int *ret)
{
	static const struct {
		const char *name;
		int value;
		int cloud_only;
	} names[] = {
		{ "4", 4, 0 }, { "2", 2, 0 }, { "0", 0, 0 }, { "-1", -1, 0 },
		{ "na", ANS_NA, 0 }, { "n/a", ANS_NA, 0 },
		{ "yes", 4, 1 }, { "partly", 2, 1 }, { "no", 0, 1 },
		{ "unknown", -1, 1 },
	};
	size_t i;

	for (i = 0; i < UT_ARRAY_LEN(names); i++)
		if (ut_streq_ci(s, names[i].name) && (cloud || !names[i].cloud_only)) {
			*ret = names[i].value;
			return 0;
		}
	return -EINVAL;
}

const char *
ans_value_name(int value)
{
	switch (value) {
	case 4: return "4";
	case 2: return "2";
	case 0: return "0";
	case -1: return "-1";
	case ANS_NA: return "na";
	default: return "unset";
	}
}

static int
ans_fail(struct sa_record_error *err, const char *fmt, ...) UT_PRINTF(2, 3);

static int
ans_fail(struct sa_record_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int
ans_number(const char *s, int max)
{
	long long v;

	if (ut_parse_int(s, &v) < 0 || v < 1 || v > max)
		return -1;
	return (int)v;
}

static int
ans_valid_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

static int
ans_header(struct ans_parse *p, const struct sa_record *r,
    struct sa_record_error *err)
{
	struct answers *a = p->a;
	struct ans_service *s;

	if (*r->type != '\0')
		goto unknown;
	if (strcmp(r->name, "organization") == 0 ||
	    strcmp(r->name, "organisation") == 0)
		p->section = ANS_SEC_ORG;
	else if (strcmp(r->name, "diagnosis") == 0)
		p->section = ANS_SEC_DIAGNOSIS;
	else if (strcmp(r->name, "cloud") == 0)
		p->section = ANS_SEC_CLOUD;
	else if (strncmp(r->name, "service.", 8) == 0) {
		if (!ans_valid_id(r->name + 8))
			return ans_fail(err, "service names may hold letters, digits, '_' and '-'");
		p->section = ANS_SEC_SERVICE;
		a->services = xreallocarray(a->services, a->n_services + 1,
		    sizeof(*a->services));
		s = &a->services[a->n_services++];
		memset(s, 0, sizeof(*s));
		s->id = xstrdup(r->name + 8);
		ans_value_init(s->cloud, CAT_MAX_CLOUD);
		p->service = s;
	} else
		goto unknown;
	return 0;
unknown:
	return ans_fail(err, "unknown section; expected [organization], "
	    "[diagnosis], [cloud] or [service.NAME]");
}

static int
ans_org_field(struct ans_parse *p, const struct sa_record *r,
    struct sa_record_error *err)
{
	struct answers *a = p->a;
	int b;

	if (strcmp(r->key, "name") == 0)
		a->org_name = xstrdup(r->value);
	else if (strcmp(r->key, "site") == 0)
		a->site = xstrdup(r->value);
	else if (strcmp(r->key, "basic_policy") == 0) {
		if (ut_parse_bool(r->value, &b) < 0)
			return ans_fail(err, "basic_policy must be yes or no");
		a->basic_policy = b;
	} else if (strcmp(r->key, "basic_policy_location") == 0)
		a->basic_policy_location = xstrdup(r->value);
	else
		return ans_fail(err, "unknown key \"%s\" in [organization]", r->key);
	return 0;
}

static int
ans_item_field(struct ans_parse *p, const struct sa_record *r,
    struct ans_value *v, int max, int cloud, struct sa_record_error *err)
{
	const char *key = r->key;
	int n, value, is_note = 0;

	if (strncmp(key, "note.", 5) == 0) {
		key += 5;
		is_note = 1;
	}
	n = ans_number(key, max);
	if (n < 0)
		return ans_fail(err, "\"%s\": %s %s 1-%d", r->key,
		    is_note ? "a note needs an" : "expected an",
		    cloud ? "cloud item" : "item", max);
	if (is_note) {
		v[n - 1].note = xstrdup(r->value);
		return 0;
	}
	if (ans_parse_value(r->value, cloud, &value) < 0)
		return ans_fail(err, "item %d: \"%s\" is not an answer; use 4, 2, 0, -1%s or na",
		    n, r->value, cloud ? ", yes, partly, no, unknown" : "");
	v[n - 1].value = value;
	v[n - 1].line = r->line;
	return 0;
}

static int
ans_on_record(void *user, const struct sa_record *r, struct sa_record_error *err)
{
	struct ans_parse *p = user;

	if (r->key == NULL)
		return ans_header(p, r, err);
	switch (p->section) {
	case ANS_SEC_ORG:
		return ans_org_field(p, r, err);
	case ANS_SEC_DIAGNOSIS:
		return ans_item_field(p, r, p->a->diagnosis,
		    (int)p->cat->n_items, 0, err);
	case ANS_SEC_CLOUD:
		return ans_item_field(p, r, p->a->cloud, (int)p->cat->n_cloud, 1, err);
	case ANS_SEC_SERVICE:
		if (strcmp(r->key, "label") == 0) {
			p->service->label = xstrdup(r->value);
			return 0;
		}
		return ans_item_field(p, r, p->service->cloud,
		    (int)p->cat->n_cloud, 1, err);
	}
	return -EINVAL;
}

static void
ans_take_str(char **dst, char **src)
{
	if (*src == NULL)
		return;
	free(*dst);
	*dst = *src;
	*src = NULL;
}

static void
ans_take_values(struct ans_value *dst, struct ans_value *src, size_t n,
    const char *file)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (src[i].value != ANS_UNSET) {
			dst[i].value = src[i].value;
			dst[i].file = file;
			dst[i].line = src[i].line;
		}
		ans_take_str(&dst[i].note, &src[i].note);
	}
}

static struct ans_service *
ans_find_service(struct answers *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n_services; i++)
		if (strcmp(a->services[i].id, id) == 0)
			return &a->services[i];
	return NULL;
}

/* Lay the fresh file's answers over a's. */
static void
ans_merge(struct answers *a, struct answers *f, const char *name)
{
	struct ans_service *s;
	const char *file;
	size_t i;

	a->files = xreallocarray(a->files, a->n_files + 1, sizeof(*a->files));
	a->files[a->n_files] = xstrdup(name);
	file = a->files[a->n_files++];
	ans_take_values(a->diagnosis, f->diagnosis, CAT_MAX_ITEMS, file);
	ans_take_values(a->cloud, f->cloud, CAT_MAX_CLOUD, file);
	ans_take_str(&a->org_name, &f->org_name);
	ans_take_str(&a->site, &f->site);
	ans_take_str(&a->basic_policy_location, &f->basic_policy_location);
	if (f->basic_policy != ANS_UNSET)
		a->basic_policy = f->basic_policy;
	for (i = 0; i < f->n_services; i++) {
		s = ans_find_service(a, f->services[i].id);
		if (s == NULL) {
			a->services = xreallocarray(a->services, a->n_services + 1,
			    sizeof(*a->services));
			s = &a->services[a->n_services++];
			memset(s, 0, sizeof(*s));
			s->id = xstrdup(f->services[i].id);
			ans_value_init(s->cloud, CAT_MAX_CLOUD);
		}
		ans_take_str(&s->label, &f->services[i].label);
		ans_take_values(s->cloud, f->services[i].cloud, CAT_MAX_CLOUD, file);
	}
}

int
ans_load_buffer(struct answers *a, const struct catalog *cat, const char *name,
    const char *data, size_t len, struct sbuf *err)
{
	struct answers fresh;
	struct ans_parse p;
	int r;

	ans_init(&fresh);
	memset(&p, 0, sizeof(p));
	p.a = &fresh;
	p.cat = cat;
	p.section = (enum ans_section)-1;
	r = rf_parse_buffer(name, data, len, NULL, ans_on_record, &p, err);
	if (r == 0)
		ans_merge(a, &fresh, name);
	ans_free(&fresh);
	return r;
}

int
ans_load(struct answers *a, const struct catalog *cat, const char *path,
    struct sbuf *err)
{
	char *data;
	size_t len;
	int r;

	r = ut_read_file(path, RF_MAX_FILE, &data, &len);
	if (r < 0) {
		sb_reset(err);
		sb_printf(err, "%s: %s", path, r == -EINVAL ? "not a regular file" :
		    r == -EFBIG ? "too large for an answers file" : strerror(-r));
		return r;
	}
	r = ans_load_buffer(a, cat, path, data, len, err);
	free(data);
	return r;
}
