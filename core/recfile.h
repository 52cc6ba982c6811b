/* SPDX-License-Identifier: MIT */
/*
 * Reader for smeaudit's record files (docs/record-format.md): the
 * catalog, password rules and plugin data.  Not inih: values are taken
 * verbatim and nothing is ever truncated.
 */
#ifndef SA_RECFILE_H
#define SA_RECFILE_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#include "util.h"

/* Largest record file read, and longest line. */
#define RF_MAX_FILE (16u * 1024 * 1024)
#define RF_MAX_LINE 65536u

/*
 * Parse data (len bytes, need not be NUL-terminated) named name in
 * messages.  On error returns -EINVAL (or the handler's negative value)
 * and leaves one line "NAME:LINE[:COL]: message" in *err.
 */
int rf_parse_buffer(const char *name, const char *data, size_t len,
    const char *const *repeatable, sa_record_handler handler, void *user,
    struct sbuf *err);
/*
 * For record handlers: format the message into err and return -EINVAL,
 * so a handler can say "return rf_error(err, ...);".
 */
int rf_error(struct sa_record_error *err, const char *fmt, ...) UT_PRINTF(2, 3);

/* Same for a file of the host; open errors come back as -errno. */
int rf_parse_file(const char *path, const char *const *repeatable,
    sa_record_handler handler, void *user, struct sbuf *err);

#endif /* SA_RECFILE_H */
