/* SPDX-License-Identifier: MIT */
/* The updates plugin's parts share one run state. */
#ifndef SA_UPDATES_H
#define SA_UPDATES_H

#include <stdint.h>
#include <time.h>

#include <smeaudit/plugin.h>

#include "dpkgdb.h"
#include "hostfs.h"
#include "osrelease.h"
#include "units.h"

#define UP_MAX_FILE (64u * 1024 * 1024)

struct up_run {
	const struct sa_host *host;
	struct sa_ctx *ctx;
	time_t now;
	long long max_pending;
	long long max_pending_security;
	int64_t max_list_age;
	int64_t max_upgrade_age;
	int64_t eol_warning;

	struct osr os;
	int have_os;
	int os_error;		/* why /etc/os-release was not read, when it was not */
	struct unit_db units;

	/* Pending upgrades: -1 unknown, else the count (Debian family). */
	long long pending;
	long long pending_security;
	/* apt list names, for the EOL check's extended_source. */
	struct hf_names lists;
};

/* Report one finding with per-object detail in both languages. */
void up_report(struct up_run *u, const char *check, int level,
    const char *object, const char *evidence, const char *detail_en,
    const char *detail_ja);

/* Read a whole, possibly compressed file (.gz/.lz4) inside the root. */
int up_read_any(struct up_run *u, const char *path, char **ret, size_t *ret_len);

/* "at 2025-02-26 10:00 UTC, 3 days ago" into buf. */
void up_when(struct up_run *u, time_t t, char *buf, size_t size);

struct pl_scan;
/*
 * Judge the age of the last upgrade (from a package log scan) against
 * max_upgrade_age and what is pending, and report last-upgrade.
 */
void up_judge_upgrade(struct up_run *u, const struct pl_scan *s,
    const char *log);

/* Debian family: pending, pending-security, list-age, last-upgrade, auto-upgrades. */
void up_debian(struct up_run *u);
/* RHEL family: list-age, last-upgrade, auto-upgrades; pending is unknown. */
void up_rhel(struct up_run *u);

#endif /* SA_UPDATES_H */
