/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the risk ledger (core/ledger.c) as CSV (UTF-8 with
 * or without a BOM, or CP932) and as a record file, against the shipped
 * scale, then sorted and written as JSON.  Aborts when a broken ledger
 * leaves anything behind, an error is not one "FILE:LINE: message" line,
 * or a loaded asset's values leave the scale.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_SCALE SA_ABS_SRCDIR "/rules/risk-3.0.rules"

static struct ldg_scale fz_scale;

static void
fz_check(const struct ldg_ledger *l)
{
	const struct ldg_asset *a;
	size_t i;

	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		if (a->line == 0 || a->confidentiality < fz_scale.cia_min ||
		    a->confidentiality > fz_scale.cia_max ||
		    a->integrity < fz_scale.cia_min || a->integrity > fz_scale.cia_max ||
		    a->availability < fz_scale.cia_min ||
		    a->availability > fz_scale.cia_max ||
		    a->threat < fz_scale.threat_min || a->threat > fz_scale.threat_max ||
		    a->vulnerability < fz_scale.vuln_min ||
		    a->vulnerability > fz_scale.vuln_max || a->band == NULL ||
		    a->risk != a->importance * a->likelihood)
			abort();
	}
}

static void
fz_one(const char *name, const uint8_t *data, size_t size)
{
	struct ldg_ledger l;
	struct sbuf err;
	struct jw w;
	char *out = NULL;
	size_t out_len = 0;
	FILE *f;
	int r;

	sb_init(&err);
	memset(&l, 0, sizeof(l));
	r = ldg_load_buffer(&l, &fz_scale, name, (const char *)data, size, &err);
	if (r < 0) {
		if (l.n != 0 || l.v != NULL || err.data == NULL ||
		    strncmp(err.data, name, strlen(name)) != 0 ||
		    err.data[strlen(name)] != ':' || strchr(err.data, '\n') != NULL)
			abort();
	} else if (r > 0)
		abort();
	else {
		fz_check(&l);
		ldg_sort(&l);
		if ((f = open_memstream(&out, &out_len)) == NULL)
			abort();
		jw_init(&w, f, 0);
		jw_object(&w, NULL);
		ldg_write_json(&w, &l, "ja");
		jw_end(&w, '}');
		jw_finish(&w);
		fclose(f);
		if (out == NULL || !ut_utf8_valid(out, out_len, NULL))
			abort();
		free(out);
	}
	ldg_free(&l);
	sb_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf err;

	if (fz_scale.path == NULL) {
		sb_init(&err);
		if (ldg_scale_load(&fz_scale, FZ_SCALE, &err) < 0)
			abort();
		sb_free(&err);
	}
	fz_one("ledger.csv", data, size);
	fz_one("ledger.ini", data, size);
	return 0;
}
