/* SPDX-License-Identifier: MIT */
/*
 * A plugin's check of its own configuration values (ABI 1.1): where a
 * value was set, and the one error line "FILE:LINE: message" for a value
 * the plugin cannot use.  A plugin calls these from its check_config()
 * hook, which the core runs before anything is audited (the run then
 * ends with exit status 3 and no report), and again from run(), so that
 * a core that does not call check_config still refuses the value.
 */
#ifndef CFGCHK_CFGCHK_H
#define CFGCHK_CFGCHK_H

#include <stddef.h>

#include <smeaudit/plugin.h>

#include "hostfiles.h"

/*
 * Where the index-th value of key was set: in [plugin.NAME.SUB] when sub
 * is given, else (or when that section does not set it) in
 * [plugin.NAME].  Returns 0, or -ENOENT when no file sets it (its
 * default is in use) or the core is older than ABI 1.1.  *ret_file lives
 * until run() or check_config() returns.
 */
int cfgchk_where(const struct hf *hf, const char *sub, const char *key,
    size_t index, const char **ret_file, unsigned int *ret_line);

/*
 * Log "FILE:LINE: message" (the place of the index-th value of key) as an
 * error, or the message alone when the place is unknown.  Returns
 * SA_RUN_BAD_INPUT, for "return cfgchk_fail(...);".
 */
int cfgchk_fail(const struct hf *hf, const char *sub, const char *key,
    size_t index, const char *fmt, ...) SA_PRINTF(5, 6);

/*
 * The same for a problem of the whole [plugin.NAME.SUB] section, such as
 * a key it lacks: the place is the first line of keys (the plugin's key
 * table) that the section sets.
 */
int cfgchk_fail_section(const struct hf *hf, const struct sa_config_key *keys,
    const char *sub, const char *fmt, ...) SA_PRINTF(4, 5);

/*
 * A key naming a file of the auditing host (a data table, not a file
 * under --root): when the key is set to a non-empty value, the file must
 * be a regular file smeaudit can open, else "FILE:LINE: key: PATH: why"
 * is logged and SA_RUN_BAD_INPUT returned.  Its contents are the
 * plugin's to check when it loads them.  0 when the key is unset.
 */
int cfgchk_host_file(const struct hf *hf, const char *sub, const char *key);

#endif /* CFGCHK_CFGCHK_H */
