/* SPDX-License-Identifier: MIT */
/*
 * Whether a service or timer starts at boot, read from the files that
 * decide it rather than from a running manager (so it works under
 * --root): systemd's *.wants/ and *.requires/ links and masks, or
 * SysV rc?.d start links on hosts without systemd.
 */
#ifndef SA_UNITS_H
#define SA_UNITS_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#include "hostfs.h"

enum unit_state {
	UNIT_ABSENT = 0,	/* no unit file or init script of that name */
	UNIT_DISABLED,		/* installed, not started at boot */
	UNIT_MASKED,		/* linked to /dev/null: cannot start at all */
	UNIT_ENABLED		/* pulled in by a target at boot */
};

struct unit_db {
	int systemd;		/* the root uses systemd */
	struct hf_names enabled;	/* names found in *.wants / *.requires */
	struct hf_names masked;
	struct hf_names present;	/* unit files and init scripts */
	int sysv;		/* no systemd: enabled = rc[2-5].d S links */
};

/* Read the unit directories of the audit root.  Never fails: an
 * unreadable directory simply contributes nothing. */
void unit_db_load(struct unit_db *db, const struct sa_host *host,
    struct sa_ctx *ctx);
void unit_db_free(struct unit_db *db);

/*
 * The state of "name.service" / "name.timer".  For a template ("clamd@"
 * plus suffix ".service"), any enabled instance counts: pass the name
 * with "@" and the state of the best instance is returned.
 */
enum unit_state unit_state(const struct unit_db *db, const char *name);

const char *unit_state_name(enum unit_state s);

#endif /* SA_UNITS_H */
