/* SPDX-License-Identifier: MIT */
/*
 * The "keyfile" syntax of INI-like files: "[section]" headers and
 * "key=value" lines, '#' and ';' starting comment lines.  NetworkManager,
 * dconf, KDE, journald.conf and dnf's automatic.conf all use it.  section
 * is what stands between the first '[' and the last ']' of its header
 * ("Daemon][$i" for KDE's "[Daemon][$i]"); key and value are trimmed.
 * Lines before any header have section "".  Other lines are skipped.
 */
#ifndef KF_KEYFILE_H
#define KF_KEYFILE_H

#include <stddef.h>

/*
 * One assignment; the strings live for the call only.  Return 0 to go on;
 * anything else stops the parse and becomes kf_parse's return.
 */
typedef int (*kf_fn)(void *user, const char *section, const char *key,
    const char *value, unsigned int line);

int kf_parse(const char *data, size_t len, kf_fn fn, void *user);

/*
 * The value of key in section (the last one when it is given twice), as a
 * copy the caller frees, or NULL when it is not set.
 */
char *kf_get(const char *data, size_t len, const char *section,
    const char *key);

#endif /* KF_KEYFILE_H */
