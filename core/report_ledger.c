/* SPDX-License-Identifier: MIT */
/*
 * The risk-analysis ledger in a report: the ledger module reads and
 * scores it (core/ledger.c); this keeps what a report shows of each
 * asset, with the scale's band names in the report's language.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report.h"

/* Bands are listed highest risk first: the first is high, the last low. */
static int
rep_band_rank(const struct ldg_scale *scale, const struct ldg_band *b)
{
	size_t i = (size_t)(b - scale->bands);

	if (i == 0)
		return REP_RISK_HIGH;
	return i + 1 >= scale->n_bands ? REP_RISK_LOW : REP_RISK_MEDIUM;
}

/* "個人情報 · 事務所PC": what kind of personal data, and where it is kept. */
static char *
rep_risk_note(const struct ldg_asset *a)
{
	struct sbuf sb;

	sb_init(&sb);
	if (a->personal)
		sb_printf(&sb, "%s", _("personal information"));
	if (a->sensitive_personal)
		sb_printf(&sb, "%s%s", sb.len > 0 ? " · " : "",
		    _("special-care personal information"));
	if (a->my_number)
		sb_printf(&sb, "%s%s", sb.len > 0 ? " · " : "", _("My Number"));
	if (*a->text[LDG_LOCATION] != '\0')
		sb_printf(&sb, "%s%s", sb.len > 0 ? " · " : "", a->text[LDG_LOCATION]);
	return sb.len > 0 ? sb_steal(&sb) : (sb_free(&sb), NULL);
}

int
rep_ledger_load(struct rep_ledger_source *s, const char *path,
    const char *data_dir, const char *edition, const char *lang,
    struct sbuf *err)
{
	char *scale_path;
	size_t i;
	int r;

	memset(s, 0, sizeof(*s));
	s->scale = xcalloc(1, sizeof(*s->scale));
	s->ledger = xcalloc(1, sizeof(*s->ledger));
	scale_path = xasprintf("%s/risk-%s.rules", data_dir, edition);
	sb_reset(err);
	r = ldg_scale_load(s->scale, scale_path, err);
	free(scale_path);
	if (r < 0) {
		free(s->scale);
		s->scale = NULL;
		rep_ledger_free(s);
		return r;
	}
	if ((r = ldg_load(s->ledger, s->scale, path, err)) < 0) {
		free(s->ledger);
		s->ledger = NULL;
		rep_ledger_free(s);
		return r;
	}
	ldg_sort(s->ledger);
	s->rows = xcalloc(s->ledger->n + 1, sizeof(*s->rows));
	s->notes = xcalloc(s->ledger->n + 1, sizeof(*s->notes));
	for (i = 0; i < s->ledger->n; i++) {
		const struct ldg_asset *a = &s->ledger->v[i];
		struct rep_risk *row = &s->rows[i];

		row->asset = a->text[LDG_ASSET];
		row->business = *a->text[LDG_AREA] != '\0' ? a->text[LDG_AREA] : NULL;
		row->importance = a->importance;
		row->likelihood = a->likelihood;
		row->value = a->risk;
		row->band = a->band != NULL ? rep_band_rank(s->scale, a->band) :
		    REP_RISK_LOW;
		row->band_label = a->band != NULL ? cat_text(&a->band->label, lang) : NULL;
		row->treatment = a->treatment != NULL ?
		    cat_text(&a->treatment->label, lang) : NULL;
		row->untreated = ldg_untreated(a);
		row->note = s->notes[i] = rep_risk_note(a);
	}
	s->rep.file = s->ledger->path;
	s->rep.rows = s->rows;
	s->rep.n_rows = s->ledger->n;
	return 0;
}

void
rep_ledger_free(struct rep_ledger_source *s)
{
	size_t i;

	if (s->ledger != NULL) {
		for (i = 0; i < s->ledger->n && s->notes != NULL; i++)
			free(s->notes[i]);
		ldg_free(s->ledger);
		free(s->ledger);
	}
	if (s->scale != NULL) {
		ldg_scale_free(s->scale);
		free(s->scale);
	}
	free(s->notes);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}
