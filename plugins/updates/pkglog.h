/* SPDX-License-Identifier: MIT */
/*
 * When were packages last upgraded: dpkg's log ("2024-05-01 10:00:00
 * upgrade pkg:arch old new", local time) and dnf's rpm log
 * ("2024-05-01T10:00:00+0000 SUBDEBUG Upgrade: pkg-1.2-3.el9.x86_64").
 */
#ifndef SA_PKGLOG_H
#define SA_PKGLOG_H

#include <stddef.h>
#include <time.h>

struct pl_scan {
	time_t first;		/* oldest line seen (0: none) */
	time_t last_upgrade;	/* newest upgrade (0: none) */
	size_t upgrades;
};

/* Fold one log's lines into s (start from a zeroed struct). */
void pl_dpkg_scan(const char *data, size_t len, struct pl_scan *s);
void pl_dnf_scan(const char *data, size_t len, struct pl_scan *s);

#endif /* SA_PKGLOG_H */
