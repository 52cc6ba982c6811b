/* SPDX-License-Identifier: MIT */
/*
 * A streaming reader of Debian control files (deb822): dpkg's status
 * file, apt's Packages lists and Release files.  Paragraphs are
 * separated by blank lines; a field is "Name: value".  Only the first
 * line of a value is passed on: no caller needs a multi-line field
 * (Description, Conffiles), and skipping them keeps big lists fast.
 * Lines without a colon (the armour of a signed InRelease) are ignored.
 * What a handler is given points into the parser's buffer and lives for
 * the call only.
 */
#ifndef D8_DEB822_H
#define D8_DEB822_H

#include <stddef.h>
#include <sys/types.h>

/* Read up to size bytes: the count, 0 at the end, or -errno. */
typedef ssize_t (*d8_read_fn)(void *src, char *buf, size_t size);

struct d8_handler {
	/*
	 * One field of the current paragraph; value is trimmed and not
	 * NUL-terminated.  Return a negative value to stop the parse.
	 */
	int (*field)(void *user, const char *name, size_t name_len,
	    const char *value, size_t value_len);
	/* The end of a paragraph that had at least one field; may be NULL. */
	int (*end)(void *user);
};

/*
 * The longest line accepted; a longer one fails the parse with -EFBIG,
 * which callers show as "File too large" (a 2 GB file of NULs is one
 * line, not "Argument list too long").
 */
#define D8_MAX_LINE (16u * 1024 * 1024)

/*
 * Parse everything read() yields.  Returns 0, the read error, -EFBIG for
 * an overlong line, or the first negative value a handler returned.
 */
int d8_parse(d8_read_fn read, void *src, const struct d8_handler *h,
    void *user);

/* Parse a buffer in memory. */
int d8_parse_buffer(const char *data, size_t len, const struct d8_handler *h,
    void *user);

/* A d8_read_fn over a file descriptor (src points to the int). */
ssize_t d8_read_fd(void *src, char *buf, size_t size);

/* Case-insensitive comparison of a field name with a C string. */
int d8_is(const char *name, size_t len, const char *want);

#endif /* D8_DEB822_H */
