/* SPDX-License-Identifier: MIT */
/*
 * systemd-journald: its configuration (journald.conf(5), [Journal]
 * section) and the header of its journal files, whose
 * head_entry_realtime says how far back the kept logs reach.
 */
#ifndef SA_JOURNAL_H
#define SA_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

struct jd_conf {
	char storage[16];	/* "auto" unless set */
	long long max_retention;	/* MaxRetentionSec in seconds, 0 unset */
	char system_max_use[32];	/* as written, "" unset */
};

/* Start from journald's defaults. */
void jd_init(struct jd_conf *c);

/* Apply one file's [Journal] assignments (later files override). */
void jd_apply(struct jd_conf *c, const char *data, size_t len);

/*
 * A systemd time span ("2weeks", "1month 2d", "3600", "6h30min") in
 * seconds.  Returns 0 or -EINVAL.
 */
int jd_timespan(const char *s, long long *ret);

#define JH_HEADER_SIZE 208

/*
 * From the first JH_HEADER_SIZE bytes of a journal file: the time of
 * its oldest entry in microseconds since the epoch.  Returns 0, -ENODATA
 * for a file without entries, -EINVAL for something that is no journal.
 */
int jh_head_realtime(const unsigned char *buf, size_t len, uint64_t *ret_usec);

#endif /* SA_JOURNAL_H */
