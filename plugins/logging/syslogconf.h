/* SPDX-License-Identifier: MIT */
/*
 * Which files a syslog daemon writes, from its configuration: rsyslog's
 * traditional "facility.priority  /path" rules and RainerScript
 * action(type="omfile" file="/path"), and syslog-ng's file("/path")
 * destinations.  Dynamic file names (templates) are not followed.
 */
#ifndef SA_SYSLOGCONF_H
#define SA_SYSLOGCONF_H

#include <stddef.h>

typedef void (*sl_file_fn)(void *user, const char *path);

void sl_rsyslog_files(const char *data, size_t len, sl_file_fn fn, void *user);
void sl_syslogng_files(const char *data, size_t len, sl_file_fn fn, void *user);

/*
 * How many rules send logs to another host: rsyslog "sel @host" /
 * "sel @@host" and action(type="omfwd"); syslog-ng network(), syslog(),
 * tcp() and udp() destinations.
 */
int sl_rsyslog_forwards(const char *data, size_t len);
int sl_syslogng_forwards(const char *data, size_t len);

#endif /* SA_SYSLOGCONF_H */
