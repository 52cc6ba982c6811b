/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "i18n.h"
#include "recfile.h"

enum ans_section { ANS_SEC_NONE, ANS_SEC_ORG, ANS_SEC_DIAGNOSIS, ANS_SEC_CLOUD,
	ANS_SEC_SERVICE };

struct ans_parse {
	struct answers *a;	/* the file's own answers, merged on success */
	const struct catalog *cat;
	enum ans_section section;
	struct ans_service *service;
	unsigned int org_line;	/* where [organization] opened, 0 if not yet */
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
		v[i].note_line = 0;
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

const char *
ans_cloud_word(int value)
{
	switch (value) {
	case 4: return "yes";
	case 2: return "partly";
	case 0: return "no";
	case -1: return "unknown";
	case ANS_NA: return "na";
	default: return "unset";
	}
}

int
ans_valid_service_id(const char *s)
{
	size_t n = 0;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++, n++)
		if (n >= ANS_MAX_ID ||
		    !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

struct ans_service *
ans_find_service(const struct answers *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n_services; i++)
		if (strcmp(a->services[i].id, id) == 0)
			return &a->services[i];
	return NULL;
}

struct ans_service *
ans_add_service(struct answers *a, const char *id)
{
	struct ans_service *s = ans_find_service(a, id);

	if (s != NULL)
		return s;
	a->services = xreallocarray(a->services, a->n_services + 1,
	    sizeof(*a->services));
	s = &a->services[a->n_services++];
	memset(s, 0, sizeof(*s));
	s->id = xstrdup(id);
	ans_value_init(s->cloud, CAT_MAX_CLOUD);
	return s;
}

const struct ans_value *
ans_cloud_effective(const struct answers *a, const struct ans_service *s, int n)
{
	if (s != NULL && s->cloud[n - 1].value != ANS_UNSET)
		return &s->cloud[n - 1];
	return &a->cloud[n - 1];
}

void
ans_set_str(char **dst, const char *s)
{
	char *copy = s != NULL ? xstrdup(s) : NULL;

	free(*dst);
	*dst = copy;
}

void
ans_set(struct ans_value *v, int value, const char *note)
{
	v->value = value;
	ans_set_str(&v->note, note != NULL && *note != '\0' ? note : NULL);
	v->file = NULL;
	v->line = v->note_line = 0;
}

static int
ans_header(struct ans_parse *p, const struct sa_record *r,
    struct sa_record_error *err)
{
	if (*r->type != '\0')
		goto unknown;
	if (strcmp(r->name, "organization") == 0 ||
	    strcmp(r->name, "organisation") == 0) {
		/* The two spellings are one section: a second one is a repeat. */
		if (p->org_line != 0)
			return rf_error(err, _("[%s] repeats the [organization] section of line %u"),
			    r->name, p->org_line);
		p->org_line = r->line;
		p->section = ANS_SEC_ORG;
	} else if (strcmp(r->name, "diagnosis") == 0)
		p->section = ANS_SEC_DIAGNOSIS;
	else if (strcmp(r->name, "cloud") == 0)
		p->section = ANS_SEC_CLOUD;
	else if (strncmp(r->name, "service.", 8) == 0) {
		if (!ans_valid_service_id(r->name + 8))
			return rf_error(err, _("service ids hold 1-%d letters, digits, '_' and '-'"),
			    ANS_MAX_ID);
		p->section = ANS_SEC_SERVICE;
		p->service = ans_add_service(p->a, r->name + 8);
	} else
		goto unknown;
	return 0;
unknown:
	return rf_error(err, _("unknown section [%s%s%s]; expected [organization], "
	    "[diagnosis], [cloud] or [service.ID]"), r->type, *r->type ? " " : "",
	    r->name);
}

static int
ans_org_field(struct ans_parse *p, const struct sa_record *r,
    struct sa_record_error *err)
{
	struct answers *a = p->a;
	int b;

	if (strcmp(r->key, "name") == 0)
		ans_set_str(&a->org_name, r->value);
	else if (strcmp(r->key, "site") == 0)
		ans_set_str(&a->site, r->value);
	else if (strcmp(r->key, "basic_policy") == 0) {
		if (ut_parse_bool(r->value, &b) < 0)
			return rf_error(err, _("basic_policy must be yes or no"));
		a->basic_policy = b;
	} else if (strcmp(r->key, "basic_policy_location") == 0)
		ans_set_str(&a->basic_policy_location, r->value);
	else
		return rf_error(err, _("unknown key \"%s\" in [organization]; expected "
		    "name, site, basic_policy or basic_policy_location"), r->key);
	return 0;
}

static int
ans_item_field(struct ans_parse *p, const struct sa_record *r,
    struct ans_value *v, int max, int cloud, struct sa_record_error *err)
{
	const char *key = r->key;
	int n, value, is_note = 0, dummy;

	if (strncmp(key, "note.", 5) == 0) {
		key += 5;
		is_note = 1;
	}
	if (ut_parse_int_in(key, 1, max, &n) < 0) {
		if (is_note)
			return rf_error(err, _("\"%s\": a note needs %s number 1-%d"),
			    r->key, cloud ? _("a cloud item") : _("an item"), max);
		return rf_error(err, _("\"%s\" is not %s 1-%d%s"), r->key,
		    cloud ? _("a cloud checklist item") : _("a self-diagnosis item"), max,
		    p->section == ANS_SEC_SERVICE ? _(", label or note.N") :
		    _(" or note.N"));
	}
	if (is_note) {
		if (v[n - 1].note_line != 0)
			return rf_error(err, _("note for %s %d given twice (first on line %u)"),
			    cloud ? _("cloud item") : _("item"), n, v[n - 1].note_line);
		v[n - 1].note_line = r->line;
		if (*r->value != '\0')
			v[n - 1].note = xstrdup(r->value);
		return 0;
	}
	if (v[n - 1].line != 0)
		return rf_error(err, _("%s %d answered twice (first on line %u)"),
		    cloud ? _("cloud item") : _("item"), n, v[n - 1].line);
	if (ans_parse_value(r->value, cloud, &value) < 0) {
		if (!cloud && ans_parse_value(r->value, 1, &dummy) == 0)
			return rf_error(err, _("item %d: \"%s\" is a cloud checklist answer; "
			    "self-diagnosis items take 4, 2, 0, -1 or na"), n, r->value);
		return rf_error(err, _("%s %d: \"%s\" is not an answer; use 4, 2, 0, -1%s or na"),
		    cloud ? _("cloud item") : _("item"), n, r->value,
		    cloud ? _(", yes, partly, no, unknown") : "");
	}
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
			ans_set_str(&p->service->label, r->value);
			return 0;
		}
		return ans_item_field(p, r, p->service->cloud,
		    (int)p->cat->n_cloud, 1, err);
	case ANS_SEC_NONE:
		break;
	}
	return rf_error(err, _("a field outside any section"));
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

/*
 * A later file's answer replaces the value and its note together (the
 * note explains that value); a note given alone replaces only the note.
 */
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
			free(dst[i].note);
			dst[i].note = NULL;
			dst[i].note_line = 0;
		}
		if (src[i].note != NULL) {
			ans_take_str(&dst[i].note, &src[i].note);
			dst[i].note_line = src[i].note_line;
		}
	}
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
		s = ans_add_service(a, f->services[i].id);
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
	p.section = ANS_SEC_NONE;
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
		sb_printf(err, "%s: %s", path, r == -EINVAL ? _("not a regular file") :
		    r == -EFBIG ? _("too large for an answers file") : strerror(-r));
		return r;
	}
	r = ans_load_buffer(a, cat, path, data, len, err);
	free(data);
	return r;
}

/* A value on one line: control characters (a pasted newline) become spaces. */
static void
ans_put_text(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
}

static void
ans_put_field(FILE *f, const char *key, const char *value)
{
	fprintf(f, "%s = ", key);
	ans_put_text(f, value);
	fputc('\n', f);
}

static void
ans_write_values(FILE *f, const struct ans_value *v, size_t n, int cloud)
{
	char key[32];
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].value != ANS_UNSET)
			fprintf(f, "%zu = %s\n", i + 1, cloud ?
			    ans_cloud_word(v[i].value) : ans_value_name(v[i].value));
		if (v[i].note != NULL) {
			snprintf(key, sizeof(key), "note.%zu", i + 1);
			ans_put_field(f, key, v[i].note);
		}
	}
}

static int
ans_any(const struct ans_value *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].value != ANS_UNSET || v[i].note != NULL)
			return 1;
	return 0;
}

const char ans_file_header[] =
    "# smeaudit answers (docs/answers-format.md).\n"
    "# Written by \"smeaudit interview\", which rewrites this file after every\n"
    "# answer; hand edits are kept, comments are not.\n";

int
ans_write(const struct answers *a, const struct catalog *cat, FILE *f)
{
	size_t i;

	fputs(ans_file_header, f);
	if (a->org_name != NULL || a->site != NULL || a->basic_policy != ANS_UNSET ||
	    a->basic_policy_location != NULL) {
		fputs("\n[organization]\n", f);
		if (a->org_name != NULL)
			ans_put_field(f, "name", a->org_name);
		if (a->site != NULL)
			ans_put_field(f, "site", a->site);
		if (a->basic_policy != ANS_UNSET)
			fprintf(f, "basic_policy = %s\n", a->basic_policy ? "yes" : "no");
		if (a->basic_policy_location != NULL)
			ans_put_field(f, "basic_policy_location", a->basic_policy_location);
	}
	if (ans_any(a->diagnosis, cat->n_items)) {
		fputs("\n[diagnosis]\n", f);
		ans_write_values(f, a->diagnosis, cat->n_items, 0);
	}
	if (ans_any(a->cloud, cat->n_cloud)) {
		fputs("\n[cloud]\n", f);
		ans_write_values(f, a->cloud, cat->n_cloud, 1);
	}
	for (i = 0; i < a->n_services; i++) {
		fprintf(f, "\n[service.%s]\n", a->services[i].id);
		if (a->services[i].label != NULL)
			ans_put_field(f, "label", a->services[i].label);
		ans_write_values(f, a->services[i].cloud, cat->n_cloud, 1);
	}
	return ferror(f) ? -EIO : 0;
}

struct ans_save_args {
	const struct answers *a;
	const struct catalog *cat;
};

static int
ans_save_writer(void *user, FILE *f)
{
	const struct ans_save_args *args = user;

	return ans_write(args->a, args->cat, f);
}

int
ans_save(const struct answers *a, const struct catalog *cat, const char *path,
    struct sbuf *err)
{
	struct ans_save_args args = { a, cat };

	return ut_write_atomic(path, ans_save_writer, &args, err);
}
