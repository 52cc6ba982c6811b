/* SPDX-License-Identifier: MIT */
/*
 * INI files through Debian's libinih, with every one of its silent
 * behaviours turned into an error that names the file and line: lines
 * over its 200-byte buffer, section and key names over 49 characters
 * (truncated by inih), ';' after a space (an inline comment to inih) and
 * indented lines (continuations to inih, silently merged into the
 * previous value).  Indentation is removed before inih sees a line, so an
 * indented file means what it looks like, and comment lines never reach
 * inih, so they may be of any length.
 */
#ifndef SA_INIREAD_H
#define SA_INIREAD_H

#include "util.h"

#define IR_MAX_FILE (1024u * 1024)
#define IR_MAX_LINE 198u	/* inih's 200-byte buffer minus "\n\0" */
#define IR_MAX_NAME 49u

/*
 * Called for every key.  Return 0 to go on; on error fill err with a
 * message (without the FILE:LINE prefix) and return a negative value.
 */
typedef int (*ir_handler)(void *user, const char *section, const char *key,
    const char *value, unsigned int line, struct sbuf *err);

/*
 * Called for every section header, also for empty sections, so that a
 * misspelt section is caught even when it holds nothing.  May be NULL.
 */
typedef int (*ir_section_handler)(void *user, const char *section,
    unsigned int line, struct sbuf *err);

/*
 * Parse the file.  Returns 0, or a negative errno with one line
 * "FILE:LINE: message" (or "FILE: message") in *err.
 */
int ir_parse_file(const char *path, ir_section_handler on_section,
    ir_handler on_key, void *user, struct sbuf *err);
int ir_parse_buffer(const char *name, const char *data, size_t len,
    ir_section_handler on_section, ir_handler on_key, void *user,
    struct sbuf *err);

#endif /* SA_INIREAD_H */
