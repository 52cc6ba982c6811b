/* SPDX-License-Identifier: MIT */
/*
 * Whether a service or timer starts at boot, read from the files that
 * decide it rather than from a running manager, so that it works under
 * --root: systemd's *.wants/ and *.requires/ links and masks, SysV
 * rc?.d start links and OpenRC runlevels.  On a systemd host an init
 * script without a unit of its name still starts from its rc?.d link, as
 * systemd-sysv-generator makes it.
 */
#ifndef UNIT_UNITS_H
#define UNIT_UNITS_H

#include <stddef.h>

#include "hostfiles.h"

enum unit_state {
	UNIT_ABSENT = 0,	/* no unit file or init script of that name */
	UNIT_DISABLED,		/* installed, not started at boot */
	UNIT_MASKED,		/* linked to /dev/null: cannot start at all */
	UNIT_ENABLED		/* pulled in by a target or runlevel at boot */
};

/* A name and what starts it; sorted by name in a unit_links. */
struct unit_link {
	char *name;		/* "rsyslog.service"; the script's name for SysV/OpenRC */
	char *via;		/* "multi-user.target.wants", "/etc/rc2.d/S01rsyslog" */
	size_t order;		/* reading order: the first link found wins */
};

struct unit_links {
	struct unit_link *v;
	size_t n;
};

struct unit_db {
	int systemd;		/* the root uses systemd */
	int sysv;		/* it has SysV rc?.d directories */
	int openrc;		/* it has OpenRC runlevels */
	struct unit_links enabled;	/* systemd: *.wants and *.requires links */
	struct unit_links started;	/* SysV start links, OpenRC runlevel links */
	struct hf_names masked;	/* /etc/systemd/system links to /dev/null */
	struct hf_names present;	/* unit files */
	struct hf_names scripts;	/* /etc/init.d */
};

/*
 * Read the audit root's unit, rc?.d and runlevel directories.  Never
 * fails: an unreadable directory contributes nothing.  Free with
 * unit_db_free().
 */
void unit_db_load(struct unit_db *db, const struct hf *hf);
void unit_db_free(struct unit_db *db);

/*
 * The state of "name.service" / "name.timer".  For a template ("clamd@"
 * plus ".service") any instance counts: the best one's state is returned.
 * *ret_via (may be NULL) gets what enables it, or NULL: the *.wants or
 * *.requires directory's name for a systemd link, the path of the link
 * for SysV and OpenRC (these start with '/').  It lives as long as db.
 */
enum unit_state unit_lookup(const struct unit_db *db, const char *name,
    const char **ret_via);
enum unit_state unit_state(const struct unit_db *db, const char *name);

/* "enabled", "disabled", "masked", "absent". */
const char *unit_state_name(enum unit_state s);

#endif /* UNIT_UNITS_H */
