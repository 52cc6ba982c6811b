/* SPDX-License-Identifier: MIT */
/*
 * Shared by the backup plugin's harnesses: one job of a type read from
 * the mock host's root by the plugin's own code (bk_read_target), and the
 * evidence it gathered checked for consistency.
 */
#ifndef FUZZ_BACKUP_H
#define FUZZ_BACKUP_H

#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

#include "../../plugins/backup/bk.h"

static inline void
fzb_run(enum bk_type type, const char *path)
{
	struct bk_run r = { .hf = { &fzh_host, fzh_ctx } };
	struct bk_job job;
	struct bk_ev ev;
	size_t i;

	r.now = (int64_t)fzh_host.now(fzh_ctx);
	memset(&job, 0, sizeof(job));
	job.name = (char *)"fuzz";
	job.type = type;
	job.path = (char *)path;
	job.offsite = -1;
	job.max_age = 2 * 86400;
	job.min_count = 1;
	bk_ev_init(&ev);
	bk_read_target(&r, &job, &ev);
	if (ev.target != SA_LEVEL_IMPLEMENTED && ev.target != SA_LEVEL_NOT &&
	    ev.target != SA_LEVEL_UNKNOWN)
		abort();
	if (ev.target != SA_LEVEL_IMPLEMENTED && ev.target_why == NULL)
		abort();	/* a target that failed says why */
	if (ev.newest != 0 && (ev.oldest == 0 || ev.oldest > ev.newest ||
	    ev.newest > r.now + BK_SKEW))
		abort();
	if (ev.count_known && ev.count < ev.n_future)
		abort();
	for (i = 0; i < ev.sources.n; i++)
		if (ev.sources.v[i][0] != '/')
			abort();
	/* every text meant for a report is a string */
	(void)strlen(ev.target_why != NULL ? ev.target_why : "");
	(void)strlen(ev.partial_why != NULL ? ev.partial_why : "");
	(void)strlen(ev.last_run_why != NULL ? ev.last_run_why : "");
	(void)strlen(ev.count_note != NULL ? ev.count_note : "");
	(void)strlen(ev.count_gap != NULL ? ev.count_gap : "");
	(void)strlen(ev.lock_why != NULL ? ev.lock_why : "");
	bk_ev_free(&ev);
}

#endif /* FUZZ_BACKUP_H */
