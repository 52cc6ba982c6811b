/* SPDX-License-Identifier: MIT */
/*
 * The JSON report, a public contract: docs/report-schema.json describes
 * it.  Keys are only ever added; "schema" changes when one changes
 * meaning.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "json.h"
#include "report.h"

#define REP_SCHEMA "smeaudit-report/1"

static void
rj_time(struct jw *w, const char *key, int64_t t)
{
	char buf[32];

	ut_format_time_utc(t, buf, sizeof(buf));
	jw_string(w, key, buf);
}

/* 4/2/0/-1 as a number, "not applicable" and "nothing" as null. */
static void
rj_level(struct jw *w, const char *key, int v)
{
	if (v == 4 || v == 2 || v == 0 || v == -1)
		jw_int(w, key, v);
	else if (v == SA_LEVEL_NA)
		jw_string(w, key, "na");
	else
		jw_null(w, key);
}

static void
rj_total(struct jw *w, const struct score_total *t)
{
	jw_int(w, "score", t->score);
	jw_int(w, "max", t->max);
	jw_int(w, "min", t->min);
	jw_int(w, "unknown", t->unknown);
}

static void
rj_entry(struct jw *w, const struct report *rep, const struct score_entry *e)
{
	size_t i;

	jw_int(w, "score", e->score);
	jw_bool(w, "applicable", e->applicable);
	jw_string(w, "source", score_source_name(e->source));
	rj_level(w, "evidence", e->evidence);
	if (e->answer == ANS_UNSET)
		jw_null(w, "answer");
	else
		rj_level(w, "answer", e->answer);
	jw_bool(w, "disagreement", e->disagreement);
	jw_string(w, "unknown_reason", score_unknown_name(e->unknown));
	jw_string(w, "failed_plugins", e->failed_plugins);
	jw_string(w, "note", e->note);
	jw_array(w, "finding_ids");
	for (i = 0; i < e->n_findings; i++)
		jw_string(w, NULL, rep->store->v[e->findings[i]].id);
	jw_end(w, ']');
}

static void
rj_texts(struct jw *w, const char *lang, const char *title, const char *detail,
    const char *remediation)
{
	jw_object(w, lang);
	jw_string(w, "title", title);
	jw_string(w, "detail", detail);
	jw_string(w, "remediation", remediation);
	jw_end(w, '}');
}

static const char *
rj_pick(const char *lang, const char *en, const char *ja)
{
	return strcmp(lang, "ja") == 0 && ja != NULL ? ja : en;
}

static void
rj_finding(struct jw *w, const struct report *rep, const struct fnd_finding *f)
{
	size_t i;

	jw_object(w, NULL);
	jw_string(w, "id", f->id);
	jw_string(w, "plugin", f->plugin);
	jw_string(w, "check", f->check);
	if (f->item > 0)
		jw_int(w, "item", f->item);
	else
		jw_null(w, "item");
	if (f->cloud_item > 0)
		jw_int(w, "cloud_item", f->cloud_item);
	else
		jw_null(w, "cloud_item");
	rj_level(w, "level", f->level);
	jw_string(w, "severity", fnd_severity_name(f->severity));
	jw_string(w, "title", rj_pick(rep->lang, f->title_en, f->title_ja));
	jw_string(w, "object", f->n_examples > 0 ? f->examples[0] : NULL);
	jw_int(w, "count", (long long)f->count);
	jw_array(w, "examples");
	for (i = 0; i < f->n_examples; i++)
		jw_string(w, NULL, f->examples[i]);
	jw_end(w, ']');
	jw_string(w, "evidence", f->evidence);
	jw_string(w, "detail", rj_pick(rep->lang, f->detail_en, f->detail_ja));
	jw_string(w, "remediation", rj_pick(rep->lang, f->remediation_en,
	    f->remediation_ja));
	jw_bool(w, "scored", f->scored);
	jw_object(w, "texts");
	rj_texts(w, "en", f->title_en, f->detail_en, f->remediation_en);
	rj_texts(w, "ja", rj_pick("ja", f->title_en, f->title_ja),
	    rj_pick("ja", f->detail_en, f->detail_ja),
	    rj_pick("ja", f->remediation_en, f->remediation_ja));
	jw_end(w, '}');
	jw_end(w, '}');
}

static void
rj_numbers(struct jw *w, const char *key, const unsigned char *set, size_t max)
{
	size_t i;

	jw_array(w, key);
	for (i = 1; set != NULL && i <= max; i++)
		if (set[i])
			jw_int(w, NULL, (long long)i);
	jw_end(w, ']');
}

/* A service's scored checklist, inside its entry of cloud.services. */
static void
rj_service(struct jw *w, const struct report *rep, const struct score_service *ss)
{
	const struct catalog *cat = rep->cat;
	size_t i;

	jw_int(w, "score", ss->total.score);
	jw_int(w, "max", ss->total.max);
	jw_int(w, "unknown", ss->total.unknown);
	jw_int(w, "disagreements", (long long)ss->disagreements);
	jw_array(w, "groups");
	for (i = 0; i < cat->n_groups; i++) {
		jw_object(w, NULL);
		jw_string(w, "id", cat->groups[i].id);
		jw_string(w, "label", cat_text(&cat->groups[i].label, rep->lang));
		rj_total(w, &ss->groups[i]);
		jw_end(w, '}');
	}
	jw_end(w, ']');
	jw_array(w, "items");
	for (i = 0; i < cat->n_cloud; i++) {
		jw_object(w, NULL);
		jw_int(w, "number", (long long)i + 1);
		jw_string(w, "group", cat->groups[cat->cloud[i].group].id);
		jw_string(w, "label", cat_text(&cat->cloud[i].label, rep->lang));
		rj_entry(w, rep, &ss->items[i]);
		jw_end(w, '}');
	}
	jw_end(w, ']');
}

static void
rj_disagreement(struct jw *w, const struct report *rep, const char *kind,
    int number, const char *service, const struct score_entry *e)
{
	size_t i;

	jw_object(w, NULL);
	jw_string(w, "kind", kind);
	jw_int(w, "number", number);
	jw_string(w, "service", service);
	rj_level(w, "answer", e->answer);
	rj_level(w, "evidence", e->evidence);
	jw_int(w, "score", e->score);
	jw_array(w, "finding_ids");
	for (i = 0; i < e->n_findings; i++)
		jw_string(w, NULL, rep->store->v[e->findings[i]].id);
	jw_end(w, ']');
	jw_end(w, '}');
}

/* Every answer the evidence contradicts, in one list (the flags stay too). */
static void
rj_disagreements(struct jw *w, const struct report *rep)
{
	const struct score *sc = rep->score;
	size_t i, j;

	jw_array(w, "disagreements");
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].disagreement)
			rj_disagreement(w, rep, "item", sc->items[i].number, NULL,
			    &sc->items[i]);
	if (sc->n_services == 0)
		for (i = 0; i < sc->n_cloud; i++)
			if (sc->cloud[i].disagreement)
				rj_disagreement(w, rep, "cloud", sc->cloud[i].number,
				    NULL, &sc->cloud[i]);
	for (j = 0; j < sc->n_services; j++)
		for (i = 0; i < sc->n_cloud; i++)
			if (sc->services[j].items[i].disagreement)
				rj_disagreement(w, rep, "cloud", (int)i + 1,
				    sc->services[j].id, &sc->services[j].items[i]);
	jw_end(w, ']');
}

static void
rj_readiness(struct jw *w, const struct report *rep)
{
	const struct catalog *cat = rep->cat;
	const struct score *sc = rep->score;
	const struct answers *ans = rep->ans;
	struct rep_readiness r;
	size_t i, j;

	rep_readiness(rep, &r);
	jw_object(w, "security_action");
	for (i = 0; i < cat->n_declarations; i++)
		if (strcmp(cat->declarations[i].id, "one-star") == 0)
			jw_string(w, "note", cat_text(&cat->declarations[i].note, rep->lang));
	jw_object(w, "one_star");
	jw_bool(w, "supported", r.one_star);
	jw_array(w, "rules_not_in_place");
	for (i = 0; i < sc->n_rules; i++) {
		if (sc->rules[i] == 4)
			continue;
		jw_object(w, NULL);
		jw_int(w, "number", (long long)i + 1);
		jw_string(w, "label", cat_text(&cat->rules[i].label, rep->lang));
		jw_int(w, "score", sc->rules[i]);
		jw_array(w, "items");
		for (j = 0; j < cat->rules[i].n_items; j++) {
			const struct score_entry *e = &sc->items[cat->rules[i].items[j] - 1];

			jw_object(w, NULL);
			jw_int(w, "number", e->number);
			jw_int(w, "score", e->score);
			jw_string(w, "unknown_reason", score_unknown_name(e->unknown));
			jw_end(w, '}');
		}
		jw_end(w, ']');
		jw_end(w, '}');
	}
	jw_end(w, ']');
	jw_end(w, '}');
	jw_object(w, "two_star");
	jw_bool(w, "supported", r.two_star);
	jw_bool(w, "diagnosis_done", r.diagnosis_done);
	jw_array(w, "unknown_items");
	for (i = 0; i < sc->n_items; i++)
		if (sc->items[i].score == -1)
			jw_int(w, NULL, sc->items[i].number);
	jw_end(w, ']');
	if (ans->basic_policy == ANS_UNSET)
		jw_null(w, "basic_policy");
	else
		jw_bool(w, "basic_policy", ans->basic_policy);
	jw_string(w, "basic_policy_location", ans->basic_policy_location);
	jw_end(w, '}');
	jw_end(w, '}');
}

/* 4/2/0/-1 per entry, "na", or null for no evidence. */
static void
rj_levels(struct jw *w, const char *key, const int *levels, size_t n)
{
	size_t i;

	jw_array(w, key);
	for (i = 0; i < n; i++)
		rj_level(w, NULL, levels[i]);
	jw_end(w, ']');
}

static void
rj_fleet(struct jw *w, const struct report *rep)
{
	const struct rep_fleet *fl = rep->fleet;
	size_t i;

	if (fl == NULL)
		return;
	jw_object(w, "fleet");
	jw_array(w, "hosts");
	for (i = 0; i < fl->n_hosts; i++) {
		const struct rep_host *h = &fl->hosts[i];

		jw_object(w, NULL);
		jw_string(w, "hostname", h->hostname);
		jw_string(w, "file", h->file);
		jw_string(w, "root", h->root);
		rj_time(w, "generated_at", h->generated_at);
		jw_bool(w, "complete", h->complete);
		jw_int(w, "total", h->score->total.score);
		rj_levels(w, "evidence", h->items, rep->cat->n_items);
		rj_levels(w, "cloud_evidence", h->cloud, rep->cat->n_cloud);
		jw_end(w, '}');
	}
	jw_end(w, ']');
	jw_array(w, "dropped");
	for (i = 0; i < fl->n_dropped; i++) {
		jw_object(w, NULL);
		jw_string(w, "hostname", fl->dropped[i].hostname);
		jw_string(w, "file", fl->dropped[i].file);
		jw_string(w, "kept", fl->dropped[i].kept);
		jw_end(w, '}');
	}
	jw_end(w, ']');
	jw_end(w, '}');
}

/* The risk ledger attached with --ledger, highest risk first. */
static void
rj_ledger(struct jw *w, const struct report *rep)
{
	static const char *const bands[] = { "low", "medium", "high" };
	const struct rep_ledger *lg = rep->ledger;
	const struct rep_risk **rows;
	size_t i;

	if (lg == NULL)
		return;
	rows = rep_ledger_sorted(lg);
	jw_object(w, "risk_ledger");
	jw_string(w, "file", lg->file);
	jw_array(w, "assets");
	for (i = 0; i < lg->n_rows; i++) {
		jw_object(w, NULL);
		jw_string(w, "asset", rows[i]->asset);
		jw_string(w, "business", rows[i]->business);
		jw_int(w, "importance", rows[i]->importance);
		jw_int(w, "likelihood", rows[i]->likelihood);
		jw_int(w, "risk", rows[i]->value);
		jw_string(w, "band", bands[rows[i]->band]);
		jw_string(w, "band_label", rows[i]->band_label);
		jw_string(w, "treatment", rows[i]->treatment);
		jw_bool(w, "untreated", rows[i]->untreated);
		jw_string(w, "note", rows[i]->note);
		jw_end(w, '}');
	}
	jw_end(w, ']');
	jw_end(w, '}');
	free(rows);
}

int
rep_write_json(const struct report *rep, FILE *f)
{
	const struct catalog *cat = rep->cat;
	const struct score *sc = rep->score;
	const struct answers *ans = rep->ans;
	struct jw w;
	size_t i, j;

	jw_init(&w, f, 1);
	jw_object(&w, NULL);
	jw_string(&w, "schema", REP_SCHEMA);
	jw_object(&w, "tool");
	jw_string(&w, "name", "smeaudit");
	jw_string(&w, "version", rep->tool_version);
	jw_string(&w, "pcre2", rep->pcre2_version);
	jw_bool(&w, "jit", rep->jit);
	jw_end(&w, '}');
	jw_object(&w, "host");
	jw_string(&w, "hostname", rep->hostname);
	jw_string(&w, "root", rep->root);
	jw_bool(&w, "live", rep->live);
	jw_end(&w, '}');
	rj_time(&w, "generated_at", rep->generated_at);
	rj_time(&w, "evaluated_at", rep->evaluated_at);
	jw_string(&w, "edition", cat->edition);
	jw_string(&w, "lang", rep->lang);
	jw_bool(&w, "complete", rep->complete);
	jw_bool(&w, "interrupted", rep->interrupted);

	jw_object(&w, "organization");
	jw_string(&w, "name", ans->org_name);
	jw_string(&w, "site", ans->site);
	if (ans->basic_policy == ANS_UNSET)
		jw_null(&w, "basic_policy");
	else
		jw_bool(&w, "basic_policy", ans->basic_policy);
	jw_string(&w, "basic_policy_location", ans->basic_policy_location);
	jw_array(&w, "answers_files");
	for (i = 0; i < ans->n_files; i++)
		jw_string(&w, NULL, ans->files[i]);
	jw_end(&w, ']');
	jw_end(&w, '}');

	jw_object(&w, "score");
	jw_int(&w, "total", sc->total.score);
	jw_int(&w, "max", sc->total.max);
	jw_int(&w, "min", sc->total.min);
	jw_int(&w, "unknown", sc->total.unknown);
	jw_int(&w, "disagreements", (long long)sc->disagreements);
	jw_array(&w, "categories");
	for (i = 0; i < sc->n_categories; i++) {
		jw_object(&w, NULL);
		jw_string(&w, "id", cat->categories[i].id);
		jw_string(&w, "label", cat_text(&cat->categories[i].label, rep->lang));
		rj_total(&w, &sc->categories[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');
	jw_end(&w, '}');

	jw_array(&w, "rules");
	for (i = 0; i < sc->n_rules; i++) {
		jw_object(&w, NULL);
		jw_int(&w, "number", (long long)i + 1);
		jw_string(&w, "label", cat_text(&cat->rules[i].label, rep->lang));
		jw_array(&w, "items");
		for (j = 0; j < cat->rules[i].n_items; j++)
			jw_int(&w, NULL, cat->rules[i].items[j]);
		jw_end(&w, ']');
		jw_int(&w, "score", sc->rules[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');

	jw_array(&w, "items");
	for (i = 0; i < sc->n_items; i++) {
		const struct cat_item *it = &cat->items[i];

		jw_object(&w, NULL);
		jw_int(&w, "number", it->number);
		jw_string(&w, "category", cat->categories[it->category].id);
		jw_string(&w, "label", cat_text(&it->label, rep->lang));
		rj_entry(&w, rep, &sc->items[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');

	jw_object(&w, "cloud");
	jw_int(&w, "score", sc->cloud_total.score);
	jw_int(&w, "max", sc->cloud_total.max);
	jw_int(&w, "unknown", sc->cloud_total.unknown);
	jw_array(&w, "items");
	for (i = 0; i < sc->n_cloud; i++) {
		jw_object(&w, NULL);
		jw_int(&w, "number", (long long)i + 1);
		jw_string(&w, "group", cat->groups[cat->cloud[i].group].id);
		jw_string(&w, "label", cat_text(&cat->cloud[i].label, rep->lang));
		rj_entry(&w, rep, &sc->cloud[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');
	jw_array(&w, "services");
	for (i = 0; i < ans->n_services; i++) {
		jw_object(&w, NULL);
		jw_string(&w, "id", ans->services[i].id);
		jw_string(&w, "label", ans->services[i].label);
		jw_array(&w, "answers");
		for (j = 0; j < cat->n_cloud; j++) {
			const struct ans_value *v = &ans->services[i].cloud[j];

			if (v->value == ANS_UNSET && v->note == NULL)
				continue;
			jw_object(&w, NULL);
			jw_int(&w, "number", (long long)j + 1);
			if (v->value == ANS_UNSET)
				jw_null(&w, "answer");
			else
				rj_level(&w, "answer", v->value);
			jw_string(&w, "note", v->note);
			jw_end(&w, '}');
		}
		jw_end(&w, ']');
		if (i < sc->n_services)
			rj_service(&w, rep, &sc->services[i]);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');
	jw_end(&w, '}');

	rj_disagreements(&w, rep);

	jw_array(&w, "plugins");
	for (i = 0; i < rep->n_plugins; i++) {
		const struct rep_plugin *p = &rep->plugins[i];

		jw_object(&w, NULL);
		jw_string(&w, "name", p->name);
		jw_string(&w, "version", p->version);
		jw_string(&w, "status", p->status);
		jw_string(&w, "reason", p->reason);
		jw_int(&w, "duration_ms", p->duration_ms);
		rj_numbers(&w, "items", p->items, cat->n_items);
		rj_numbers(&w, "cloud_items", p->cloud, cat->n_cloud);
		if (p->host != NULL)
			jw_string(&w, "host", p->host);
		jw_end(&w, '}');
	}
	jw_end(&w, ']');

	jw_array(&w, "findings");
	for (i = 0; i < rep->store->n; i++)
		rj_finding(&w, rep, &rep->store->v[i]);
	jw_end(&w, ']');
	rj_readiness(&w, rep);
	rj_fleet(&w, rep);
	rj_ledger(&w, rep);
	jw_end(&w, '}');
	jw_finish(&w);
	return ferror(f) ? -1 : 0;
}
