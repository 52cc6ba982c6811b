/* SPDX-License-Identifier: MIT */
/*
 * iniread: every libinih pitfall becomes a FILE:LINE error, and what
 * passes reaches the handlers exactly as written.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "iniread.h"
#include "unit.h"

/*
 * Transcript: "L<line> [SECTION]" per header (from the section pass),
 * "L<line> SECTION/KEY=<VALUE>" per key.  A section "[reject]" or a
 * value "reject" makes the handler fail with a message.
 */
static int
ini_on_section(void *user, const char *section, unsigned int line,
    struct sbuf *err)
{
	struct sbuf *log = user;

	sb_printf(log, "L%u [%s]\n", line, section);
	if (strcmp(section, "reject") == 0) {
		sb_printf(err, "section [%s] refused", section);
		return -EINVAL;
	}
	return 0;
}

static int
ini_on_key(void *user, const char *section, const char *key, const char *value,
    unsigned int line, struct sbuf *err)
{
	struct sbuf *log = user;

	sb_printf(log, "L%u %s/%s=<%s>\n", line, section, key, value);
	if (strcmp(value, "reject") == 0) {
		sb_printf(err, "\"%s\" refused", key);
		return -EINVAL;
	}
	return 0;
}

static int
ini_parse(const char *data, size_t len, struct sbuf *log, struct sbuf *err)
{
	sb_init(log);
	sb_adds(log, "");
	sb_init(err);
	return ir_parse_buffer("t.ini", data, len, ini_on_section, ini_on_key, log,
	    err);
}

#define S(x) x, sizeof(x) - 1

static const struct {
	const char *data;
	size_t len;
	const char *log;
} good_cases[] = {
	{ S(""), "" },
	{ S("[core]\n"), "L1 [core]\n" },
	{ S("[a]\nk = v\n"), "L1 [a]\nL2 a/k=<v>\n" },
	{ S("[a]\nk: v\n"), "L1 [a]\nL2 a/k=<v>\n" },
	/* comments and blank lines keep the line count */
	{ S("; c\n# c\n\n[a]\n  ; indented comment\nk=v\n"), "L4 [a]\nL6 a/k=<v>\n" },
	/* ';' and '#' inside a value without a space before them stay */
	{ S("[a]\nk = x;y#z\n"), "L1 [a]\nL2 a/k=<x;y#z>\n" },
	{ S("[a]\nk = a # not a comment\n"), "L1 [a]\nL2 a/k=<a # not a comment>\n" },
	/* indented lines are their own keys, never continuations */
	{ S("[a]\nk = v\n  j = w\n\tx = y\n"),
	  "L1 [a]\nL2 a/k=<v>\nL3 a/j=<w>\nL4 a/x=<y>\n" },
	{ S("  [a]\n    k = v\n"), "L1 [a]\nL2 a/k=<v>\n" },
	/* CRLF and a BOM */
	{ S("[a]\r\nk = v\r\n"), "L1 [a]\nL2 a/k=<v>\n" },
	{ S("\xef\xbb\xbf[a]\nk = v\n"), "L1 [a]\nL2 a/k=<v>\n" },
	{ S("[a]\nk = 日本語\n"), "L1 [a]\nL2 a/k=<日本語>\n" },
	{ S("[a]\nk =\n"), "L1 [a]\nL2 a/k=<>\n" },
	/* a key before any section reaches the handler with section "" */
	{ S("k = v\n"), "L1 /k=<v>\n" },
	/* empty sections are reported too */
	{ S("[a]\n[b]\n[c]\nk=1\n"), "L1 [a]\nL2 [b]\nL3 [c]\nL4 c/k=<1>\n" },
	{ S("[a]\nk = v"), "L1 [a]\nL2 a/k=<v>\n" },
};

START_TEST(test_good)
{
	struct sbuf log, err;
	int r = ini_parse(good_cases[_i].data, good_cases[_i].len, &log, &err);

	ck_assert_msg(r == 0, "case %d: %s", _i, err.data ? err.data : "");
	ck_assert_str_eq(log.data, good_cases[_i].log);
	sb_free(&log);
	sb_free(&err);
}
END_TEST

static const struct {
	const char *data;
	size_t len;
	const char *err;
} bad_cases[] = {
	/* ';' after a space is an inline comment to inih: refused */
	{ S("[a]\nk = v ;comment\n"),
	  "t.ini:2: ';' after a space starts a comment in this file; put comments on their own line" },
	{ S("[a]\nk = v\t; comment\n"),
	  "t.ini:2: ';' after a space starts a comment in this file; put comments on their own line" },
	{ S("[a] ; comment\n"),
	  "t.ini:1: ';' after a space starts a comment in this file; put comments on their own line" },
	/* an indented line without '=' would be a continuation: refused */
	{ S("[a]\nk = v\n  more\n"), "t.ini:3: expected \"key = value\" or \"[section]\"" },
	{ S("[a]\njust words\n"), "t.ini:2: expected \"key = value\" or \"[section]\"" },
	{ S("[a\nk = v\n"), "t.ini:1: section header without ']'" },
	{ S("[a]\n[b\n"), "t.ini:2: section header without ']'" },
	{ S("[a]\nk = \xff\n"), "t.ini:2: invalid UTF-8 at byte 5" },
	{ S("[a]\nk = v\xed\xa0\x80\n"), "t.ini:2: invalid UTF-8 at byte 6" },
	{ S("[a]\nk = a\0b\n"), "t.ini:2: NUL byte at byte 6" },
	/* handler errors carry the line */
	{ S("[a]\nk = v\n\nj = reject\n"), "t.ini:4: \"j\" refused" },
	{ S("[a]\n\n[reject]\n"), "t.ini:3: section [reject] refused" },
	/* CRLF does not shift line numbers */
	{ S("[a]\r\n\r\nk = v ;x\r\n"),
	  "t.ini:3: ';' after a space starts a comment in this file; put comments on their own line" },
};

START_TEST(test_bad)
{
	struct sbuf log, err;
	int r = ini_parse(bad_cases[_i].data, bad_cases[_i].len, &log, &err);

	ck_assert_msg(r == -EINVAL, "case %d: returned %d", _i, r);
	ck_assert_ptr_nonnull(err.data);
	ck_assert_str_eq(err.data, bad_cases[_i].err);
	sb_free(&log);
	sb_free(&err);
}
END_TEST

/* A handler error stops the parse: later keys are never delivered. */
START_TEST(test_stops)
{
	struct sbuf log, err;

	ck_assert_int_eq(ini_parse(S("[a]\nk = reject\nj = 2\nx = 3\n"), &log, &err),
	    -EINVAL);
	ck_assert_str_eq(log.data, "L1 [a]\nL2 a/k=<reject>\n");
	sb_free(&log);
	sb_free(&err);
}
END_TEST

static char *
repeat(char c, size_t n)
{
	char *s = xmalloc(n + 1);

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* inih's limits: 198 bytes a line, 49 characters a name; never truncated. */
START_TEST(test_limits)
{
	struct sbuf log, err;
	char *name, *val, *doc, *want;

	/* a 198-byte line passes whole */
	val = repeat('v', 198 - 4);
	doc = xasprintf("[a]\nk = %s\n", val);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), 0);
	want = xasprintf("L1 [a]\nL2 a/k=<%s>\n", val);
	ck_assert_str_eq(log.data, want);
	free(want);
	free(doc);
	free(val);
	sb_free(&log);
	sb_free(&err);

	/* 199 bytes is an error naming the length */
	val = repeat('v', 199 - 4);
	doc = xasprintf("[a]\nk = %s\n", val);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), -EINVAL);
	ck_assert_str_eq(err.data,
	    "t.ini:2: line is 199 bytes long; at most 198 fit (libinih limit)");
	ck_assert_str_eq(log.data, "L1 [a]\n");
	free(doc);
	free(val);
	sb_free(&log);
	sb_free(&err);

	/* indentation does not count: it is removed before inih sees it */
	val = repeat('v', 198 - 4);
	doc = xasprintf("[a]\n        k = %s\n", val);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), 0);
	free(doc);
	free(val);
	sb_free(&log);
	sb_free(&err);

	/* comment lines never reach inih: any length is fine */
	val = repeat('c', 300);
	doc = xasprintf("# %s\n[a]\n   ; %s\nk = v\n", val, val);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), 0);
	ck_assert_str_eq(log.data, "L2 [a]\nL4 a/k=<v>\n");
	free(doc);
	free(val);
	sb_free(&log);
	sb_free(&err);

	/* names: 49 characters pass, 50 are an error */
	name = repeat('k', 49);
	doc = xasprintf("[%s]\n%s = v\n", name, name);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), 0);
	want = xasprintf("L1 [%s]\nL2 %s/%s=<v>\n", name, name, name);
	ck_assert_str_eq(log.data, want);
	free(want);
	free(doc);
	free(name);
	sb_free(&log);
	sb_free(&err);

	name = repeat('s', 50);
	doc = xasprintf("[a]\n[%s]\n", name);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), -EINVAL);
	ck_assert_str_eq(err.data, "t.ini:2: section name longer than 49 characters");
	free(doc);
	free(name);
	sb_free(&log);
	sb_free(&err);

	name = repeat('k', 50);
	doc = xasprintf("[a]\nx = 1\n%s   = v\n", name);
	ck_assert_int_eq(ini_parse(doc, strlen(doc), &log, &err), -EINVAL);
	ck_assert_str_eq(err.data, "t.ini:3: key name longer than 49 characters");
	ck_assert_str_eq(log.data, "L1 [a]\nL2 a/x=<1>\n");
	free(doc);
	free(name);
	sb_free(&log);
	sb_free(&err);
}
END_TEST

/* A BOM must not hide the first section from the section pass. */
START_TEST(test_bom_section)
{
	struct sbuf log, err;

	ck_assert_int_eq(ini_parse(S("\xef\xbb\xbf[reject]\n"), &log, &err), -EINVAL);
	ck_assert_str_eq(err.data, "t.ini:1: section [reject] refused");
	sb_free(&log);
	sb_free(&err);
}
END_TEST

START_TEST(test_file)
{
	struct sbuf log, err;
	char *dir = unit_tmpdir(), *path, *want;
	int fd;

	sb_init(&log);
	sb_adds(&log, "");
	sb_init(&err);
	path = unit_write(dir, "ok.ini", "[a]\nk = v\n");
	ck_assert_int_eq(ir_parse_file(path, ini_on_section, ini_on_key, &log, &err), 0);
	ck_assert_str_eq(log.data, "L1 [a]\nL2 a/k=<v>\n");
	free(path);

	path = unit_write(dir, "bad.ini", "[a]\nk = v ; x\n");
	ck_assert_int_eq(ir_parse_file(path, NULL, ini_on_key, &log, &err), -EINVAL);
	want = xasprintf("%s:2: ';' after a space starts a comment in this file; "
	    "put comments on their own line", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	path = xasprintf("%s/fifo.ini", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	ck_assert_int_eq(ir_parse_file(path, NULL, ini_on_key, &log, &err), -EINVAL);
	want = xasprintf("%s: not a regular file", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	path = xasprintf("%s/missing.ini", dir);
	ck_assert_int_eq(ir_parse_file(path, NULL, ini_on_key, &log, &err), -ENOENT);
	want = xasprintf("%s: No such file or directory", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	ck_assert_int_eq(ir_parse_file(dir, NULL, ini_on_key, &log, &err), -EISDIR);

	path = xasprintf("%s/big.ini", dir);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, IR_MAX_FILE + 1), 0);
	close(fd);
	ck_assert_int_eq(ir_parse_file(path, NULL, ini_on_key, &log, &err), -EFBIG);
	want = xasprintf("%s: larger than 1048576 bytes", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	ck_assert_int_eq(ir_parse_file("/dev/zero", NULL, ini_on_key, &log, &err), -EINVAL);
	ck_assert_str_eq(err.data, "/dev/zero: not a regular file");
	sb_free(&log);
	sb_free(&err);
	unit_rmtree(dir);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("iniread");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_good, 0, (int)UT_ARRAY_LEN(good_cases));
	tcase_add_loop_test(tc, test_bad, 0, (int)UT_ARRAY_LEN(bad_cases));
	tcase_add_test(tc, test_stops);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_bom_section);
	tcase_add_test(tc, test_file);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
