/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "fleet.h"
#include "i18n.h"

int
fleet_combine(const int *levels, size_t n)
{
	int ok = 0, partly = 0, not = 0, unknown = 0, na = 0;
	size_t i;

	for (i = 0; i < n; i++)
		switch (levels[i]) {
		case 4: ok = 1; break;
		case 2: partly = 1; break;
		case 0: not = 1; break;
		case -1: unknown = 1; break;
		case SA_LEVEL_NA: na = 1; break;
		default: break;		/* no evidence from that host */
		}
	if (ok || partly || not)
		return score_combine(ok, partly, not);
	if (unknown)
		return SA_LEVEL_UNKNOWN;
	if (na)
		return SA_LEVEL_NA;
	return SCORE_NO_EVIDENCE;
}

int
fleet_load(struct fleet *fl, char *const *files, size_t n,
    const struct catalog *cat, const char *lang, struct sbuf *err)
{
	size_t i, k;
	int r;

	memset(fl, 0, sizeof(*fl));
	fl->inputs = xcalloc(n + 1, sizeof(*fl->inputs));
	fl->used = xcalloc(n + 1, sizeof(*fl->used));
	fl->dropped = xcalloc(n + 1, sizeof(*fl->dropped));
	for (i = 0; i < n; i++) {
		struct rl_report *in = &fl->inputs[i];

		r = rl_load(in, files[i], cat, lang, err);
		fl->n_inputs = i + 1;
		if (r < 0)
			return r;
		if (in->is_fleet) {
			sb_reset(err);
			sb_printf(err, _("%s: is already a merged report; merge the hosts' own reports"),
			    files[i]);
			return -EINVAL;
		}
		for (k = 0; k < fl->n_used; k++)
			if (strcmp(fl->inputs[fl->used[k]].hostname, in->hostname) == 0)
				break;
		if (k == fl->n_used) {
			fl->used[fl->n_used++] = i;
			continue;
		}
		/* the same host twice: the newer report wins, the later on a tie */
		if (in->generated_at >= fl->inputs[fl->used[k]].generated_at) {
			fl->dropped[fl->n_dropped].file = fl->inputs[fl->used[k]].path;
			fl->dropped[fl->n_dropped].kept = in->path;
			fl->used[k] = i;
		} else {
			fl->dropped[fl->n_dropped].file = in->path;
			fl->dropped[fl->n_dropped].kept = fl->inputs[fl->used[k]].path;
		}
		fl->dropped[fl->n_dropped++].hostname = in->hostname;
	}
	return 0;
}

static struct fnd_finding *
fleet_finding(struct fnd_store *st, const struct fnd_finding *f)
{
	struct fnd_finding *m;
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].id, f->id) == 0)
			return &st->v[i];
	st->v = xreallocarray(st->v, st->n + 1, sizeof(*st->v));
	m = &st->v[st->n++];
	memset(m, 0, sizeof(*m));
	m->id = xstrdup(f->id);
	m->plugin = xstrdup(f->plugin);
	m->check = xstrdup(f->check);
	m->item = f->item;
	m->cloud_item = f->cloud_item;
	m->level = f->level;
	m->severity = f->severity;
#define FLEET_DUP(x) (m->x = (f->x) != NULL ? xstrdup(f->x) : NULL)
	FLEET_DUP(title_en);
	FLEET_DUP(title_ja);
	FLEET_DUP(remediation_en);
	FLEET_DUP(remediation_ja);
	FLEET_DUP(detail_en);
	FLEET_DUP(detail_ja);
#undef FLEET_DUP
	return m;
}

static void
fleet_example(struct fnd_finding *m, char *s, size_t max)
{
	if (m->n_examples >= max) {
		free(s);
		return;
	}
	m->examples = xreallocarray(m->examples, m->n_examples + 1,
	    sizeof(*m->examples));
	m->examples[m->n_examples++] = s;
}

static int
fleet_has_example(const struct fnd_finding *m, const char *s)
{
	size_t i;

	for (i = 0; i < m->n_examples; i++)
		if (strcmp(m->examples[i], s) == 0)
			return 1;
	return 0;
}

/* One host's findings joined into the fleet's. */
static void
fleet_add_findings(struct fnd_store *st, const struct rl_report *in,
    size_t max)
{
	size_t i, k;

	for (i = 0; i < in->store.n; i++) {
		const struct fnd_finding *f = &in->store.v[i];
		struct fnd_finding *m = fleet_finding(st, f);

		m->count += f->count;
		m->scored |= f->scored;
		if (m->evidence == NULL && f->evidence != NULL)
			m->evidence = xasprintf("%s: %s", in->hostname, f->evidence);
		/*
		 * A cloud-checklist finding's object names a service, which is
		 * the organisation's, not the host's: it stays as it is, once.
		 */
		for (k = 0; k < f->n_examples; k++)
			if (f->cloud_item == 0)
				fleet_example(m, xasprintf("%s: %s", in->hostname,
				    f->examples[k]), max);
			else if (!fleet_has_example(m, f->examples[k]))
				fleet_example(m, xstrdup(f->examples[k]), max);
		if (f->n_examples == 0)
			fleet_example(m, xstrdup(in->hostname), max);
	}
}

/* score_failed_fn: the hosts whose plugins for this entry failed. */
static char *
fleet_failed(void *user, int item, int cloud)
{
	const struct fleet *fl = user;
	struct sbuf sb;
	size_t k;

	sb_init(&sb);
	for (k = 0; k < fl->n_used; k++) {
		const struct rl_report *in = &fl->inputs[fl->used[k]];
		const struct score_entry *e = item > 0 ? &in->score.items[item - 1] :
		    &in->score.cloud[cloud - 1];

		if (e->unknown != SCORE_UNK_CHECK_FAILED || e->failed_plugins == NULL)
			continue;
		if (sb.len > 0)
			sb_adds(&sb, "; ");
		sb_printf(&sb, "%s: %s", in->hostname, e->failed_plugins);
	}
	return sb.len > 0 ? sb_steal(&sb) : (sb_free(&sb), NULL);
}

void
fleet_merge(struct fleet *fl, const struct catalog *cat,
    const struct answers *ans, size_t max_examples, int64_t generated_at)
{
	struct sbuf names;
	int *column;
	size_t i, k, j, n = fl->n_used;
	int64_t evaluated = 0;
	int complete = 1, interrupted = 0;

	fl->levels = xcalloc(n + 1, sizeof(*fl->levels));
	fl->hosts = xcalloc(n + 1, sizeof(*fl->hosts));
	column = xcalloc(n + 1, sizeof(*column));
	sb_init(&names);
	fnd_init(&fl->store, max_examples);
	for (k = 0; k < n; k++) {
		const struct rl_report *in = &fl->inputs[fl->used[k]];
		struct rep_host *h = &fl->hosts[k];

		for (i = 0; i < cat->n_items; i++)
			fl->levels[k].items[i] = in->score.items[i].evidence;
		for (i = 0; i < cat->n_cloud; i++)
			fl->levels[k].cloud[i] = in->score.cloud[i].evidence;
		h->hostname = in->hostname;
		h->file = in->path;
		h->root = in->root;
		h->generated_at = in->generated_at;
		h->complete = in->complete;
		h->score = &in->score;
		h->items = fl->levels[k].items;
		h->cloud = fl->levels[k].cloud;
		complete &= in->complete;
		interrupted |= in->interrupted;
		if (in->evaluated_at > evaluated)
			evaluated = in->evaluated_at;
		sb_printf(&names, "%s%s", k > 0 ? ", " : "", in->hostname);
		fleet_add_findings(&fl->store, in, max_examples);
		fl->n_plugins += in->n_plugins;
	}
	for (i = 0; i < cat->n_items; i++) {
		for (k = 0; k < n; k++)
			column[k] = fl->levels[k].items[i];
		fl->merged[i] = fleet_combine(column, n);
	}
	free(column);
	fnd_sort(&fl->store);
	/*
	 * The cloud checklist is scored from the joined findings, which
	 * combine exactly as the hosts' levels would, and can still be
	 * matched to the organisation's services (see fleet_add_findings).
	 */
	score_compute_levels(&fl->score, cat, &fl->store, ans, fl->merged,
	    fleet_failed, fl);

	fl->plugins = xcalloc(fl->n_plugins + 1, sizeof(*fl->plugins));
	for (k = 0, j = 0; k < n; k++) {
		const struct rl_report *in = &fl->inputs[fl->used[k]];

		for (i = 0; i < in->n_plugins; i++, j++) {
			fl->plugins[j] = in->rplugins[i];
			fl->plugins[j].host = in->hostname;
		}
	}
	fl->hostname = sb_steal(&names);
	fl->rep_fleet.hosts = fl->hosts;
	fl->rep_fleet.n_hosts = n;
	fl->rep_fleet.dropped = fl->dropped;
	fl->rep_fleet.n_dropped = fl->n_dropped;

	memset(&fl->rep, 0, sizeof(fl->rep));
	fl->rep.tool_version = PACKAGE_VERSION;
	fl->rep.hostname = fl->hostname;
	fl->rep.root = "-";
	fl->rep.generated_at = generated_at;
	fl->rep.evaluated_at = evaluated;
	fl->rep.cat = cat;
	fl->rep.lang = n > 0 ? fl->inputs[fl->used[0]].rep.lang : "en";
	fl->rep.ans = ans;
	fl->rep.score = &fl->score;
	fl->rep.store = &fl->store;
	fl->rep.plugins = fl->plugins;
	fl->rep.n_plugins = fl->n_plugins;
	fl->rep.complete = complete;
	fl->rep.interrupted = interrupted;
	fl->rep.fleet = &fl->rep_fleet;
}

void
fleet_free(struct fleet *fl)
{
	size_t i;

	for (i = 0; i < fl->n_inputs; i++)
		rl_free(&fl->inputs[i]);
	free(fl->inputs);
	free(fl->used);
	free(fl->dropped);
	free(fl->levels);
	free(fl->hosts);
	fnd_free(&fl->store);
	score_free(&fl->score);
	free(fl->plugins);
	free(fl->hostname);
	memset(fl, 0, sizeof(*fl));
}
