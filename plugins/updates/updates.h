/* SPDX-License-Identifier: MIT */
/* The updates plugin's parts share one run state. */
#ifndef SA_UPDATES_H
#define SA_UPDATES_H

#include <stdint.h>
#include <time.h>

#include <smeaudit/plugin.h>

#include "../lib/dpkgdb.h"
#include "../lib/hostfiles.h"
#include "../lib/timefmt.h"
#include "../lib/units.h"
#include "osrelease.h"

#define UP_MAX_FILE (64u * 1024 * 1024)

struct up_run {
	struct hf hf;
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

/* Read a whole, possibly compressed file (.gz/.lz4) inside the root. */
int up_read_any(struct up_run *u, const char *path, char **ret, size_t *ret_len);

/* "at 2025-02-26 10:00 UTC, 3 days ago" into buf. */
void up_when(struct up_run *u, time_t t, char *buf, size_t size);

struct pl_scan;
/* Fold one package log's text into a scan (pl_dpkg_scan, pl_dnf_scan). */
typedef void (*up_scan_fn)(const char *data, size_t len, struct pl_scan *s);
/*
 * Read the package log and its rotations LOG.1 ... LOG.rotations (".gz"
 * from number gz_from on; 0: never) until one shows an upgrade, judge the
 * age of the last upgrade against max_upgrade_age and what is pending,
 * and report last-upgrade.
 */
void up_last_upgrade(struct up_run *u, const char *log, int rotations,
    int gz_from, up_scan_fn scan);

/* Debian family: pending, pending-security, list-age, last-upgrade, auto-upgrades. */
void up_debian(struct up_run *u);
/* RHEL family: list-age, last-upgrade, auto-upgrades; pending is unknown. */
void up_rhel(struct up_run *u);

#endif /* SA_UPDATES_H */
