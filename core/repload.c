/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <smeaudit/plugin.h>

#include "i18n.h"
#include "repload.h"

/* Where we are in the document, for messages: "items[3].score". */
struct rl_ctx {
	const char *name;
	struct sbuf *err;
	int failed;
};

static void rl_fail(struct rl_ctx *c, const char *where, const char *fmt, ...)
    UT_PRINTF(3, 4);

static void
rl_fail(struct rl_ctx *c, const char *where, const char *fmt, ...)
{
	va_list ap;

	if (c->failed)
		return;	/* the first problem is the one to report */
	c->failed = 1;
	sb_reset(c->err);
	sb_printf(c->err, "%s: ", c->name);
	if (where != NULL && *where != '\0')
		sb_printf(c->err, "%s: ", where);
	va_start(ap, fmt);
	sb_vprintf(c->err, fmt, ap);
	va_end(ap);
}

static char *
rl_path(const char *where, const char *key)
{
	if (where == NULL || *where == '\0')
		return xstrdup(key);
	return xasprintf("%s.%s", where, key);
}

/*
 * The member key of o with type t.  NULL when it is missing or JSON
 * null; that fails c when the member is required, as a wrong type does.
 */
static struct json_object *
rl_get(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, enum json_type t, int required)
{
	struct json_object *v = NULL;
	char *p;

	if (c->failed)
		return NULL;
	if (!json_object_object_get_ex(o, key, &v) || v == NULL) {
		if (required) {
			p = rl_path(where, key);
			if (v == NULL && json_object_object_get_ex(o, key, NULL))
				rl_fail(c, p, "expected %s, found null", json_type_to_name(t));
			else
				rl_fail(c, p, "missing");
			free(p);
		}
		return NULL;
	}
	if (!json_object_is_type(v, t)) {
		p = rl_path(where, key);
		rl_fail(c, p, "expected %s, found %s", json_type_to_name(t),
		    json_type_to_name(json_object_get_type(v)));
		free(p);
		return NULL;
	}
	return v;
}

/* A string member, or NULL (missing or null). */
static char *
rl_str(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, int required)
{
	struct json_object *v = rl_get(c, o, where, key, json_type_string, required);

	return v != NULL ? xstrdup(json_object_get_string(v)) : NULL;
}

static int
rl_int(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, int64_t lo, int64_t hi, int64_t dflt)
{
	struct json_object *v = rl_get(c, o, where, key, json_type_int, 1);
	int64_t n;
	char *p;

	if (v == NULL)
		return (int)dflt;
	n = json_object_get_int64(v);
	if (n < lo || n > hi) {
		p = rl_path(where, key);
		rl_fail(c, p, "%lld is out of range %lld..%lld", (long long)n,
		    (long long)lo, (long long)hi);
		free(p);
		return (int)dflt;
	}
	return (int)n;
}

static int
rl_bool(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, int required, int dflt)
{
	struct json_object *v = rl_get(c, o, where, key, json_type_boolean, required);

	return v != NULL ? json_object_get_boolean(v) : dflt;
}

static int64_t
rl_time(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key)
{
	struct json_object *v = rl_get(c, o, where, key, json_type_string, 1);
	int64_t t = 0;
	char *p;

	if (v != NULL && ut_parse_time(json_object_get_string(v), &t) < 0) {
		p = rl_path(where, key);
		rl_fail(c, p, "\"%s\" is not a time", json_object_get_string(v));
		free(p);
	}
	return t;
}

/*
 * A level member: 4/2/0/-1, "na" (SA_LEVEL_NA) or null (none, which is
 * returned as none).  Missing fails c.
 */
static int
rl_level(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, int none)
{
	struct json_object *v = NULL;
	int64_t n;
	char *p;

	if (c->failed)
		return none;
	if (!json_object_object_get_ex(o, key, &v)) {
		p = rl_path(where, key);
		rl_fail(c, p, "missing");
		free(p);
		return none;
	}
	if (v == NULL)
		return none;
	if (json_object_is_type(v, json_type_int)) {
		n = json_object_get_int64(v);
		if (n == 4 || n == 2 || n == 0 || n == -1)
			return (int)n;
	} else if (json_object_is_type(v, json_type_string) &&
	    strcmp(json_object_get_string(v), "na") == 0)
		return SA_LEVEL_NA;
	p = rl_path(where, key);
	rl_fail(c, p, "expected 4, 2, 0, -1, \"na\" or null");
	free(p);
	return none;
}

/* s among names[0..n), or -1 after failing c. */
static int
rl_enum(struct rl_ctx *c, const char *where, const char *key, const char *s,
    const char *const *names, size_t n)
{
	size_t i;
	char *p;

	for (i = 0; i < n; i++)
		if (names[i] != NULL && s != NULL && strcmp(s, names[i]) == 0)
			return (int)i;
	p = rl_path(where, key);
	rl_fail(c, p, "unknown value \"%s\"", s != NULL ? s : "null");
	free(p);
	return -1;
}

static void
rl_entry(struct rl_ctx *c, struct json_object *o, const char *where,
    struct score_entry *e, struct ans_value *answer)
{
	static const char *const sources[] = { "none", "evidence", "answer", "both" };
	static const char *const unknowns[] = { NULL, "unanswered", "check-failed",
	    "cannot-tell", "answered-unknown" };
	struct json_object *v;
	char *s;
	int k;

	e->score = rl_level(c, o, where, "score", SA_LEVEL_NA);
	if (!c->failed && (e->score == SA_LEVEL_NA)) {
		s = rl_path(where, "score");
		rl_fail(c, s, "expected 4, 2, 0 or -1");
		free(s);
	}
	e->applicable = rl_bool(c, o, where, "applicable", 1, 1);
	s = rl_str(c, o, where, "source", 1);
	k = c->failed ? 0 : rl_enum(c, where, "source", s, sources, UT_ARRAY_LEN(sources));
	e->source = k > 0 ? (enum score_source)k : SCORE_SRC_NONE;
	free(s);
	e->evidence = rl_level(c, o, where, "evidence", SCORE_NO_EVIDENCE);
	e->answer = rl_level(c, o, where, "answer", ANS_UNSET);
	if (e->answer == SA_LEVEL_NA)
		e->answer = ANS_NA;
	e->disagreement = rl_bool(c, o, where, "disagreement", 1, 0);
	v = rl_get(c, o, where, "unknown_reason", json_type_string, 0);
	if (v != NULL) {
		k = rl_enum(c, where, "unknown_reason", json_object_get_string(v),
		    unknowns, UT_ARRAY_LEN(unknowns));
		e->unknown = k > 0 ? (enum score_unknown)k : SCORE_UNK_NONE;
	}
	e->failed_plugins = rl_str(c, o, where, "failed_plugins", 0);
	answer->value = e->answer;
	answer->note = rl_str(c, o, where, "note", 0);
	e->note = answer->note;
}

/* Fill entries[0..n) from the array arr of objects numbered 1..n. */
static void
rl_entries(struct rl_ctx *c, struct json_object *arr, const char *what,
    size_t n, struct score_entry *entries, struct ans_value *answers)
{
	unsigned char seen[CAT_MAX_ITEMS + CAT_MAX_CLOUD + 1] = { 0 };
	size_t i, len;
	char *where;
	int number;

	if (arr == NULL)
		return;
	len = json_object_array_length(arr);
	if (len != n) {
		rl_fail(c, what, "%zu entries, the catalog has %zu", len, n);
		return;
	}
	for (i = 0; i < len && !c->failed; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);

		where = xasprintf("%s[%zu]", what, i);
		if (!json_object_is_type(o, json_type_object)) {
			rl_fail(c, where, "expected an object");
			free(where);
			break;
		}
		number = rl_int(c, o, where, "number", 1, (int64_t)n, 1);
		if (!c->failed && seen[number])
			rl_fail(c, where, "number %d appears twice", number);
		if (!c->failed) {
			seen[number] = 1;
			entries[number - 1].number = number;
			rl_entry(c, o, where, &entries[number - 1], &answers[number - 1]);
		}
		free(where);
	}
}

static void
rl_numbers(struct rl_ctx *c, struct json_object *o, const char *where,
    const char *key, unsigned char *set, size_t max)
{
	struct json_object *arr = rl_get(c, o, where, key, json_type_array, 0);
	size_t i;
	int64_t n;
	char *p;

	for (i = 0; arr != NULL && i < json_object_array_length(arr); i++) {
		struct json_object *v = json_object_array_get_idx(arr, i);

		n = json_object_is_type(v, json_type_int) ? json_object_get_int64(v) : 0;
		if (n < 1 || (size_t)n > max) {
			p = xasprintf("%s.%s[%zu]", where, key, i);
			rl_fail(c, p, "expected an item number 1..%zu", max);
			free(p);
			return;
		}
		set[n] = 1;
	}
}

static void
rl_plugins(struct rl_ctx *c, struct json_object *arr, struct rl_report *r,
    const struct catalog *cat)
{
	static const char *const statuses[] = { "ok", "error", "crashed",
	    "timeout", "skipped" };
	size_t i, n;
	char *where;

	if (arr == NULL)
		return;
	n = json_object_array_length(arr);
	r->plugins = xcalloc(n + 1, sizeof(*r->plugins));
	for (i = 0; i < n && !c->failed; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		struct rl_plugin *p = &r->plugins[r->n_plugins++];

		where = xasprintf("plugins[%zu]", i);
		if (!json_object_is_type(o, json_type_object)) {
			rl_fail(c, where, "expected an object");
			free(where);
			break;
		}
		p->name = rl_str(c, o, where, "name", 1);
		p->version = rl_str(c, o, where, "version", 0);
		p->status = rl_str(c, o, where, "status", 1);
		if (!c->failed)
			rl_enum(c, where, "status", p->status, statuses,
			    UT_ARRAY_LEN(statuses));
		p->reason = rl_str(c, o, where, "reason", 0);
		p->host = rl_str(c, o, where, "host", 0);
		p->duration_ms = rl_int(c, o, where, "duration_ms", 0, INT32_MAX, 0);
		rl_numbers(c, o, where, "items", p->items, cat->n_items);
		rl_numbers(c, o, where, "cloud_items", p->cloud, cat->n_cloud);
		free(where);
	}
}

static int
rl_severity(const char *s)
{
	static const char *const names[] = { "info", "info", "low", "medium",
	    "high", "critical" };
	size_t i;

	for (i = 1; s != NULL && i < UT_ARRAY_LEN(names); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* texts.LANG.key, or NULL. */
static char *
rl_text(struct rl_ctx *c, struct json_object *texts, const char *where,
    const char *lang, const char *key)
{
	struct json_object *t;
	char *p, *s;

	if (texts == NULL)
		return NULL;
	p = xasprintf("%s.texts", where);
	t = rl_get(c, texts, p, lang, json_type_object, 0);
	free(p);
	if (t == NULL)
		return NULL;
	p = xasprintf("%s.texts.%s", where, lang);
	s = rl_str(c, t, p, key, 0);
	free(p);
	return s;
}

static void
rl_finding(struct rl_ctx *c, struct json_object *o, const char *where,
    struct fnd_finding *f, const struct catalog *cat)
{
	struct json_object *arr, *texts, *v;
	char *sev, *p;
	size_t i, n;

	f->id = rl_str(c, o, where, "id", 1);
	f->plugin = rl_str(c, o, where, "plugin", 1);
	f->check = rl_str(c, o, where, "check", 1);
	v = rl_get(c, o, where, "item", json_type_int, 0);
	f->item = v != NULL ? rl_int(c, o, where, "item", 1, (int64_t)cat->n_items, 0) : 0;
	v = rl_get(c, o, where, "cloud_item", json_type_int, 0);
	f->cloud_item = v != NULL ?
	    rl_int(c, o, where, "cloud_item", 1, (int64_t)cat->n_cloud, 0) : 0;
	f->level = rl_level(c, o, where, "level", SA_LEVEL_UNKNOWN);
	sev = rl_str(c, o, where, "severity", 1);
	if (!c->failed && (f->severity = rl_severity(sev)) < 0) {
		p = rl_path(where, "severity");
		rl_fail(c, p, "unknown value \"%s\"", sev != NULL ? sev : "null");
		free(p);
	}
	free(sev);
	f->count = (uint64_t)rl_int(c, o, where, "count", 0, INT32_MAX, 0);
	arr = rl_get(c, o, where, "examples", json_type_array, 1);
	n = arr != NULL ? json_object_array_length(arr) : 0;
	f->examples = xcalloc(n + 1, sizeof(*f->examples));
	for (i = 0; i < n && !c->failed; i++) {
		v = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(v, json_type_string)) {
			p = xasprintf("%s.examples[%zu]", where, i);
			rl_fail(c, p, "expected a string");
			free(p);
			break;
		}
		f->examples[f->n_examples++] = xstrdup(json_object_get_string(v));
	}
	f->evidence = rl_str(c, o, where, "evidence", 0);
	f->scored = rl_bool(c, o, where, "scored", 0, 1);
	texts = rl_get(c, o, where, "texts", json_type_object, 0);
	if (texts != NULL) {
		f->title_en = rl_text(c, texts, where, "en", "title");
		f->title_ja = rl_text(c, texts, where, "ja", "title");
		f->detail_en = rl_text(c, texts, where, "en", "detail");
		f->detail_ja = rl_text(c, texts, where, "ja", "detail");
		f->remediation_en = rl_text(c, texts, where, "en", "remediation");
		f->remediation_ja = rl_text(c, texts, where, "ja", "remediation");
	}
	if (f->title_en == NULL) {
		f->title_en = rl_str(c, o, where, "title", 1);
		if (f->title_en == NULL)
			f->title_en = xstrdup(f->check != NULL ? f->check : "?");
	}
	if (f->remediation_en == NULL)
		f->remediation_en = rl_str(c, o, where, "remediation", 0);
	if (f->detail_en == NULL)
		f->detail_en = rl_str(c, o, where, "detail", 0);
}

static void
rl_findings(struct rl_ctx *c, struct json_object *arr, struct rl_report *r,
    const struct catalog *cat)
{
	size_t i, n;
	char *where;

	if (arr == NULL)
		return;
	n = json_object_array_length(arr);
	r->store.v = xcalloc(n + 1, sizeof(*r->store.v));
	for (i = 0; i < n && !c->failed; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);

		where = xasprintf("findings[%zu]", i);
		if (!json_object_is_type(o, json_type_object))
			rl_fail(c, where, "expected an object");
		else
			rl_finding(c, o, where, &r->store.v[r->store.n++], cat);
		free(where);
	}
}

/*
 * The services: their own answers into the answers, and their scored
 * checklists (each entry's effective answer and note go into
 * r->service_answers) into the score.
 */
static void
rl_services(struct rl_ctx *c, struct json_object *arr, struct rl_report *r,
    const struct catalog *cat)
{
	struct answers *ans = &r->ans;
	struct score *sc = &r->score;
	size_t i, j, k, n;
	char *where, *p;
	int number;

	if (arr == NULL)
		return;
	n = json_object_array_length(arr);
	ans->services = xcalloc(n + 1, sizeof(*ans->services));
	sc->services = xcalloc(n + 1, sizeof(*sc->services));
	r->service_answers = xcalloc(n + 1, sizeof(*r->service_answers));
	for (i = 0; i < n && !c->failed; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i), *answers;
		struct ans_service *s = &ans->services[ans->n_services++];
		struct json_object *items;

		for (k = 0; k < CAT_MAX_CLOUD; k++) {
			s->cloud[k].value = ANS_UNSET;
			r->service_answers[i][k].value = ANS_UNSET;
		}

		for (k = 0; k < CAT_MAX_CLOUD; k++)
			s->cloud[k].value = ANS_UNSET;
		where = xasprintf("cloud.services[%zu]", i);
		if (!json_object_is_type(o, json_type_object)) {
			rl_fail(c, where, "expected an object");
			free(where);
			break;
		}
		s->id = rl_str(c, o, where, "id", 1);
		s->label = rl_str(c, o, where, "label", 0);
		items = rl_get(c, o, where, "items", json_type_array, 0);
		if (items != NULL) {
			struct score_service *ss = &sc->services[sc->n_services];

			ss->id = s->id;
			ss->label = s->label;
			p = xasprintf("%s.items", where);
			rl_entries(c, items, p, cat->n_cloud, ss->items,
			    r->service_answers[sc->n_services++]);
			free(p);
		}
		answers = rl_get(c, o, where, "answers", json_type_array, 1);
		for (j = 0; answers != NULL && j < json_object_array_length(answers) &&
		    !c->failed; j++) {
			struct json_object *a = json_object_array_get_idx(answers, j);

			p = xasprintf("%s.answers[%zu]", where, j);
			if (!json_object_is_type(a, json_type_object)) {
				rl_fail(c, p, "expected an object");
				free(p);
				break;
			}
			number = rl_int(c, a, p, "number", 1, (int64_t)cat->n_cloud, 1);
			if (!c->failed) {
				struct ans_value *v = &s->cloud[number - 1];

				v->value = rl_level(c, a, p, "answer", ANS_UNSET);
				if (v->value == SA_LEVEL_NA)
					v->value = ANS_NA;
				free(v->note);
				v->note = rl_str(c, a, p, "note", 0);
			}
			free(p);
		}
		free(where);
	}
}

static void
rl_organization(struct rl_ctx *c, struct json_object *o, struct answers *ans)
{
	struct json_object *v, *files;
	size_t i, n;

	if (o == NULL)
		return;
	ans->org_name = rl_str(c, o, "organization", "name", 0);
	ans->site = rl_str(c, o, "organization", "site", 0);
	v = rl_get(c, o, "organization", "basic_policy", json_type_boolean, 0);
	ans->basic_policy = v != NULL ? json_object_get_boolean(v) : ANS_UNSET;
	ans->basic_policy_location = rl_str(c, o, "organization",
	    "basic_policy_location", 0);
	files = rl_get(c, o, "organization", "answers_files", json_type_array, 0);
	n = files != NULL ? json_object_array_length(files) : 0;
	ans->files = xcalloc(n + 1, sizeof(*ans->files));
	for (i = 0; i < n; i++) {
		v = json_object_array_get_idx(files, i);
		if (json_object_is_type(v, json_type_string))
			ans->files[ans->n_files++] = xstrdup(json_object_get_string(v));
	}
}

/* "FILE:LINE:COL: message" for a syntax error at offset. */
static void
rl_syntax_error(struct rl_ctx *c, const char *data, size_t offset,
    const char *msg)
{
	size_t i, line = 1, col = 1;

	for (i = 0; i < offset; i++) {
		if (data[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)data[i] & 0xc0) != 0x80)
			col++;
	}
	c->failed = 1;
	sb_reset(c->err);
	sb_printf(c->err, "%s:%zu:%zu: not a JSON report: %s", c->name, line, col,
	    msg);
}

static struct json_object *
rl_parse(struct rl_ctx *c, const char *data, size_t len)
{
	struct json_tokener *tok;
	struct json_object *root;
	enum json_tokener_error jerr;
	size_t end;

	if (len == 0) {
		rl_fail(c, NULL, "empty file, not a JSON report");
		return NULL;
	}
	if (len > INT32_MAX) {
		rl_fail(c, NULL, "too large for a report");
		return NULL;
	}
	tok = json_tokener_new();
	if (tok == NULL)
		ut_oom();
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	root = json_tokener_parse_ex(tok, data, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	/* strict mode also refuses anything but white space after the value */
	if (root == NULL) {
		if (jerr == json_tokener_continue)
			rl_syntax_error(c, data, len,
			    "unexpected end of file (truncated?)");
		else
			rl_syntax_error(c, data, end, json_tokener_error_desc(jerr));
	}
	json_tokener_free(tok);
	return root;
}

static void
rl_fill_rep(struct rl_report *r, const struct catalog *cat, const char *lang)
{
	size_t i;

	r->rplugins = xcalloc(r->n_plugins + 1, sizeof(*r->rplugins));
	for (i = 0; i < r->n_plugins; i++) {
		r->rplugins[i].name = r->plugins[i].name;
		r->rplugins[i].version = r->plugins[i].version;
		r->rplugins[i].status = r->plugins[i].status;
		r->rplugins[i].reason = r->plugins[i].reason;
		r->rplugins[i].duration_ms = r->plugins[i].duration_ms;
		r->rplugins[i].items = r->plugins[i].items;
		r->rplugins[i].cloud = r->plugins[i].cloud;
		r->rplugins[i].host = r->plugins[i].host;
	}
	memset(&r->rep, 0, sizeof(r->rep));
	r->rep.tool_version = r->tool_version;
	r->rep.pcre2_version = r->pcre2;
	r->rep.jit = r->jit;
	r->rep.hostname = r->hostname;
	r->rep.root = r->root;
	r->rep.live = r->live;
	r->rep.generated_at = r->generated_at;
	r->rep.evaluated_at = r->evaluated_at;
	r->rep.lang = lang;
	r->rep.cat = cat;
	r->rep.ans = &r->ans;
	r->rep.score = &r->score;
	r->rep.store = &r->store;
	r->rep.plugins = r->rplugins;
	r->rep.n_plugins = r->n_plugins;
	r->rep.interrupted = r->interrupted;
	r->rep.complete = r->complete;
}

int
rl_load_buffer(struct rl_report *r, const char *name, const char *data,
    size_t len, const struct catalog *cat, const char *lang, struct sbuf *err)
{
	struct rl_ctx c = { name, err, 0 };
	struct json_object *root, *o, *cloud;
	char *schema, *edition;
	size_t i, k;

	memset(r, 0, sizeof(*r));
	ans_init(&r->ans);
	r->path = xstrdup(name);
	if ((root = rl_parse(&c, data, len)) == NULL)
		goto fail;
	if (!json_object_is_type(root, json_type_object)) {
		rl_fail(&c, NULL, "not a smeaudit report (expected a JSON object)");
		goto fail_put;
	}
	schema = rl_str(&c, root, NULL, "schema", 1);
	if (!c.failed && strcmp(schema, RL_SCHEMA) != 0)
		rl_fail(&c, NULL, "report schema \"%s\", this smeaudit reads \"%s\"",
		    schema, RL_SCHEMA);
	free(schema);
	edition = rl_str(&c, root, NULL, "edition", 1);
	if (!c.failed && strcmp(edition, cat->edition) != 0)
		rl_fail(&c, NULL, "guideline edition %s, the catalog in use is %s",
		    edition, cat->edition);
	free(edition);
	o = rl_get(&c, root, NULL, "tool", json_type_object, 1);
	if (o != NULL) {
		r->tool_version = rl_str(&c, o, "tool", "version", 1);
		r->pcre2 = rl_str(&c, o, "tool", "pcre2", 0);
		r->jit = rl_bool(&c, o, "tool", "jit", 0, 0);
	}
	o = rl_get(&c, root, NULL, "host", json_type_object, 1);
	if (o != NULL) {
		r->hostname = rl_str(&c, o, "host", "hostname", 1);
		r->root = rl_str(&c, o, "host", "root", 1);
		r->live = rl_bool(&c, o, "host", "live", 0, 0);
	}
	r->generated_at = rl_time(&c, root, NULL, "generated_at");
	r->evaluated_at = rl_time(&c, root, NULL, "evaluated_at");
	r->complete = rl_bool(&c, root, NULL, "complete", 1, 0);
	r->interrupted = rl_bool(&c, root, NULL, "interrupted", 1, 0);
	r->is_fleet = rl_get(&c, root, NULL, "fleet", json_type_object, 0) != NULL;
	rl_organization(&c, rl_get(&c, root, NULL, "organization", json_type_object, 1),
	    &r->ans);
	rl_get(&c, root, NULL, "score", json_type_object, 1);

	r->score.n_items = cat->n_items;
	r->score.n_cloud = cat->n_cloud;
	rl_entries(&c, rl_get(&c, root, NULL, "items", json_type_array, 1), "items",
	    cat->n_items, r->score.items, r->ans.diagnosis);
	cloud = rl_get(&c, root, NULL, "cloud", json_type_object, 1);
	if (cloud != NULL) {
		rl_entries(&c, rl_get(&c, cloud, "cloud", "items", json_type_array, 1),
		    "cloud.items", cat->n_cloud, r->score.cloud, r->ans.cloud);
		rl_services(&c, rl_get(&c, cloud, "cloud", "services",
		    json_type_array, 0), r, cat);
	}
	rl_plugins(&c, rl_get(&c, root, NULL, "plugins", json_type_array, 1), r, cat);
	rl_findings(&c, rl_get(&c, root, NULL, "findings", json_type_array, 1), r, cat);
	if (c.failed)
		goto fail_put;
	json_object_put(root);

	/* the recorded answers are for the entries; cloud entries combine them */
	for (i = 0; i < cat->n_items; i++)
		score_evidence(&r->score.items[i], &r->store, 0, NULL);
	for (i = 0; i < cat->n_cloud; i++)
		score_evidence(&r->score.cloud[i], &r->store, 1, NULL);
	for (k = 0; k < r->score.n_services; k++)
		for (i = 0; i < cat->n_cloud; i++)
			score_evidence(&r->score.services[k].items[i], &r->store, 1,
			    r->score.services[k].id);
	score_sum(&r->score, cat);
	rl_fill_rep(r, cat, lang);
	return 0;
fail_put:
	json_object_put(root);
fail:
	/* messages quote the report's strings, which may hold "\n" */
	sb_one_line(err);
	rl_free(r);
	return -EINVAL;
}

int
rl_load(struct rl_report *r, const char *path, const struct catalog *cat,
    const char *lang, struct sbuf *err)
{
	char *data;
	size_t len;
	int ret;

	memset(r, 0, sizeof(*r));
	ans_init(&r->ans);
	ret = ut_read_file(path, RL_MAX_SIZE, &data, &len);
	if (ret < 0) {
		sb_reset(err);
		sb_printf(err, "%s: %s", path, ret == -EFBIG ?
		    _("too large for a report") : ret == -EINVAL ?
		    _("not a regular file") : strerror(-ret));
		return ret;
	}
	ret = rl_load_buffer(r, path, data, len, cat, lang, err);
	free(data);
	return ret;
}

void
rl_free(struct rl_report *r)
{
	size_t i, k;

	free(r->path);
	free(r->hostname);
	free(r->root);
	free(r->tool_version);
	free(r->pcre2);
	for (i = 0; i < r->n_plugins; i++) {
		free(r->plugins[i].name);
		free(r->plugins[i].version);
		free(r->plugins[i].status);
		free(r->plugins[i].reason);
		free(r->plugins[i].host);
	}
	free(r->plugins);
	free(r->rplugins);
	for (i = 0; i < r->score.n_services; i++)
		for (k = 0; k < CAT_MAX_CLOUD; k++)
			free(r->service_answers[i][k].note);
	free(r->service_answers);
	score_free(&r->score);
	fnd_free(&r->store);
	ans_free(&r->ans);
	memset(r, 0, sizeof(*r));
	ans_init(&r->ans);
}
