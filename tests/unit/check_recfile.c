/* SPDX-License-Identifier: MIT */
/* recfile: the record-file reader, every error with its FILE:LINE[:COL]. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "recfile.h"
#include "unit.h"

/*
 * The handler writes one line per call into a transcript:
 *   "L<line> [TYPE NAME]" for a header, "L<line> KEY=<VALUE>" for a field.
 * A value "!fail@N" makes it refuse with column N ("bad value");
 * "!silent" refuses without a message; "!enoent" returns -ENOENT.
 */
struct rec_log {
	struct sbuf calls;
	const char *last_file;
};

static int
rec_handler(void *user, const struct sa_record *rec, struct sa_record_error *err)
{
	struct rec_log *log = user;
	unsigned int col;

	log->last_file = rec->file;
	if (rec->key == NULL) {
		sb_printf(&log->calls, "L%u [%s%s%s]\n", rec->line, rec->type,
		    *rec->type ? " " : "", rec->name);
		return 0;
	}
	sb_printf(&log->calls, "L%u %s=<%s>\n", rec->line, rec->key, rec->value);
	if (sscanf(rec->value, "!fail@%u", &col) == 1) {
		err->column = col;
		snprintf(err->message, sizeof(err->message), "bad value");
		return -EINVAL;
	}
	if (strcmp(rec->value, "!silent") == 0)
		return -1;
	if (strcmp(rec->value, "!enoent") == 0) {
		snprintf(err->message, sizeof(err->message), "no such thing");
		return -ENOENT;
	}
	return 0;
}

static const char *const rec_repeatable[] = { "path", "also", NULL };

static int
rec_parse(const char *data, size_t len, struct rec_log *log, struct sbuf *err)
{
	sb_init(&log->calls);
	sb_adds(&log->calls, "");
	sb_init(err);
	return rf_parse_buffer("t.rec", data, len, rec_repeatable, rec_handler, log,
	    err);
}

#define S(x) x, sizeof(x) - 1

/* Inputs that parse, with the exact calls the handler sees. */
static const struct {
	const char *data;
	size_t len;
	const char *calls;
} good_cases[] = {
	{ S(""), "" },
	{ S("\n\n   \n\t\n"), "" },
	{ S("[a]\n"), "L1 [a]\n" },
	{ S("[item 3]\nk = v\n"), "L1 [item 3]\nL2 k=<v>\n" },
	/* comments with # and ;, also indented; blank lines count */
	{ S("# c\n; c\n[a]\n  # x = 1\n\t; y = 2\n\nk=v"),
	  "L3 [a]\nL7 k=<v>\n" },
	/* a value is verbatim: ; # = and quotes mean nothing */
	{ S("[a]\nk = x ; y # z = w \"q\" 'r'\n"),
	  "L1 [a]\nL2 k=<x ; y # z = w \"q\" 'r'>\n" },
	{ S("[a]\nk=\n"), "L1 [a]\nL2 k=<>\n" },
	{ S("[a]\nk =\t  spaced out \t\n"), "L1 [a]\nL2 k=<spaced out>\n" },
	{ S("[a]\n  k.ja_2-x = 日本語\n"), "L1 [a]\nL2 k.ja_2-x=<日本語>\n" },
	/* CRLF line ends */
	{ S("[a]\r\nk = v\r\n\r\nj = w\r\n"), "L1 [a]\nL2 k=<v>\nL4 j=<w>\n" },
	/* a leading BOM is skipped; line 1 stays line 1 */
	{ S("\xef\xbb\xbf[a]\nk = v\n"), "L1 [a]\nL2 k=<v>\n" },
	/* repeatable keys may repeat; others may repeat in another record */
	{ S("[a]\npath = /x\npath = /y\nalso=1\nalso=2\n[b]\nk=1\n[c]\nk=2\n"),
	  "L1 [a]\nL2 path=</x>\nL3 path=</y>\nL4 also=<1>\nL5 also=<2>\n"
	  "L6 [b]\nL7 k=<1>\nL8 [c]\nL9 k=<2>\n" },
	/* the same NAME under two TYPEs is two records */
	{ S("[x n]\n[y n]\n[n]\n"), "L1 [x n]\nL2 [y n]\nL3 [n]\n" },
	{ S("  [a]  \nk = v"), "L1 [a]\nL2 k=<v>\n" },
};

START_TEST(test_good)
{
	struct rec_log log;
	struct sbuf err;
	int r;

	r = rec_parse(good_cases[_i].data, good_cases[_i].len, &log, &err);
	ck_assert_msg(r == 0, "case %d: %d %s", _i, r, err.data ? err.data : "");
	ck_assert_str_eq(log.calls.data, good_cases[_i].calls);
	sb_free(&log.calls);
	sb_free(&err);
}
END_TEST

/* Every error: the exact one-line message, and what the handler saw first. */
static const struct {
	const char *data;
	size_t len;
	int ret;
	const char *err;
} bad_cases[] = {
	{ S("k = v\n"), -EINVAL, "t.rec:1: a field before the first record header" },
	{ S("# fine\n\nk = v\n"), -EINVAL,
	  "t.rec:3: a field before the first record header" },
	{ S("[a]\nno equals sign\n"), -EINVAL,
	  "t.rec:2: expected \"[TYPE NAME]\", \"KEY = VALUE\", a '#' comment or a blank line" },
	{ S("[a]\nbad key = v\n"), -EINVAL,
	  "t.rec:2:1: key may only hold letters, digits, '.', '_' and '-'" },
	{ S("[a]\n   k/x = v\n"), -EINVAL,
	  "t.rec:2:4: key may only hold letters, digits, '.', '_' and '-'" },
	{ S("[a]\n = v\n"), -EINVAL,
	  "t.rec:2:2: key may only hold letters, digits, '.', '_' and '-'" },
	{ S("[a]\nk = 1\nk = 2\n"), -EINVAL, "t.rec:3: key \"k\" given twice in [a]" },
	{ S("[item 3]\nk = 1\nk=2\n"), -EINVAL,
	  "t.rec:3: key \"k\" given twice in [item 3]" },
	{ S("[a]\n[b]\n[a]\n"), -EINVAL, "t.rec:3: this record appears twice in the file" },
	{ S("[x n]\n[x n]\n"), -EINVAL, "t.rec:2: this record appears twice in the file" },
	{ S("[a"), -EINVAL,
	  "t.rec:1: record header must be \"[TYPE NAME]\" or \"[NAME]\"" },
	{ S("[a] junk\n"), -EINVAL,
	  "t.rec:1: record header must be \"[TYPE NAME]\" or \"[NAME]\"" },
	{ S("[a] # comment\n"), -EINVAL,
	  "t.rec:1: record header must be \"[TYPE NAME]\" or \"[NAME]\"" },
	{ S("[]\n"), -EINVAL,
	  "t.rec:1:2: record type and name may only hold letters, digits, '.', '_' and '-'" },
	{ S("[a b c]\n"), -EINVAL,
	  "t.rec:1:2: record type and name may only hold letters, digits, '.', '_' and '-'" },
	{ S("[ a]\n"), -EINVAL,
	  "t.rec:1:2: record type and name may only hold letters, digits, '.', '_' and '-'" },
	{ S("[a/b]\n"), -EINVAL,
	  "t.rec:1:2: record type and name may only hold letters, digits, '.', '_' and '-'" },
	/* invalid UTF-8 and NUL, with the byte's column */
	{ S("[a]\nk = \xff\n"), -EINVAL, "t.rec:2:5: invalid UTF-8" },
	{ S("[a]\nk = ok \xc0\xaf\n"), -EINVAL, "t.rec:2:8: invalid UTF-8" },
	{ S("[a]\nk = \xed\xa0\x80\n"), -EINVAL, "t.rec:2:5: invalid UTF-8" },
	{ S("# \xfe comment\n"), -EINVAL, "t.rec:1:3: invalid UTF-8" },
	{ S("[a]\nk = a\0b\n"), -EINVAL, "t.rec:2:6: NUL byte" },
	{ S("\xef\xbb\xbf\xef\xbb\xbf[a]\n"), -EINVAL,
	  "t.rec:1: expected \"[TYPE NAME]\", \"KEY = VALUE\", a '#' comment or a blank line" },
	/* handler errors: its column counts in the value */
	{ S("[a]\nkey =   !fail@1\n"), -EINVAL, "t.rec:2:9: bad value" },
	{ S("[a]\n  key = !fail@3\n"), -EINVAL, "t.rec:2:11: bad value" },
	{ S("[a]\nk=!fail@0\n"), -EINVAL, "t.rec:2: bad value" },
	{ S("[a]\nk = !silent\n"), -1, "t.rec:2: rejected" },
	{ S("[a]\n\n\nk = !enoent\n"), -ENOENT, "t.rec:4: no such thing" },
	/* CRLF does not shift line numbers */
	{ S("[a]\r\n\r\nk = 1\r\nk = 2\r\n"), -EINVAL,
	  "t.rec:4: key \"k\" given twice in [a]" },
};

START_TEST(test_bad)
{
	struct rec_log log;
	struct sbuf err;
	int r;

	r = rec_parse(bad_cases[_i].data, bad_cases[_i].len, &log, &err);
	ck_assert_msg(r == bad_cases[_i].ret, "case %d: returned %d", _i, r);
	ck_assert_ptr_nonnull(err.data);
	ck_assert_str_eq(err.data, bad_cases[_i].err);
	ck_assert_ptr_null(strchr(err.data, '\n'));
	sb_free(&log.calls);
	sb_free(&err);
}
END_TEST

/* Parsing stops at the first error: nothing after it reaches the handler. */
START_TEST(test_stops_at_error)
{
	struct rec_log log;
	struct sbuf err;

	ck_assert_int_eq(rec_parse(S("[a]\nk = 1\nbad line\nj = 2\n[b]\n"), &log, &err),
	    -EINVAL);
	ck_assert_str_eq(log.calls.data, "L1 [a]\nL2 k=<1>\n");
	sb_free(&log.calls);
	sb_free(&err);
}
END_TEST

START_TEST(test_long_line)
{
	struct rec_log log;
	struct sbuf data, err;
	size_t head;

	/* A value of exactly RF_MAX_LINE bytes on its line is fine ... */
	sb_init(&data);
	sb_adds(&data, "[a]\nk=");
	head = data.len;
	while (data.len - head < RF_MAX_LINE - 2)
		sb_addc(&data, 'x');
	sb_addc(&data, '\n');
	ck_assert_int_eq(rec_parse(data.data, data.len, &log, &err), 0);
	ck_assert_uint_eq(strlen(log.calls.data), strlen("L1 [a]\nL2 k=<>\n") +
	    RF_MAX_LINE - 2);
	sb_free(&log.calls);
	sb_free(&err);
	/* ... one byte more is an error, never a truncated value. */
	data.len--;
	sb_adds(&data, "y\n");
	ck_assert_int_eq(rec_parse(data.data, data.len, &log, &err), -EINVAL);
	ck_assert_str_eq(err.data, "t.rec:2: line longer than 65536 bytes");
	ck_assert_str_eq(log.calls.data, "L1 [a]\n");
	sb_free(&log.calls);
	sb_free(&err);
	sb_free(&data);
}
END_TEST

/* The buffer need not be NUL-terminated: only len bytes are read. */
START_TEST(test_not_terminated)
{
	struct rec_log log;
	struct sbuf err;
	char *buf = xmalloc(9);

	memcpy(buf, "[a]\nk = v", 9);
	ck_assert_int_eq(rec_parse(buf, 9, &log, &err), 0);
	ck_assert_str_eq(log.calls.data, "L1 [a]\nL2 k=<v>\n");
	sb_free(&log.calls);
	sb_free(&err);
	free(buf);
}
END_TEST

START_TEST(test_file)
{
	struct rec_log log;
	struct sbuf err;
	char *dir = unit_tmpdir(), *path, *fifo, *big, *want;
	int fd;

	sb_init(&err);
	sb_init(&log.calls);
	sb_adds(&log.calls, "");
	path = unit_write(dir, "ok.rec", "[a]\nk = v\n");
	ck_assert_int_eq(rf_parse_file(path, NULL, rec_handler, &log, &err), 0);
	ck_assert_str_eq(log.calls.data, "L1 [a]\nL2 k=<v>\n");
	ck_assert_str_eq(log.last_file, path);
	free(path);

	path = unit_write(dir, "bad.rec", "[a]\nk = 1\nk = 2\n");
	ck_assert_int_eq(rf_parse_file(path, NULL, rec_handler, &log, &err), -EINVAL);
	want = xasprintf("%s:3: key \"k\" given twice in [a]", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	path = xasprintf("%s/missing.rec", dir);
	ck_assert_int_eq(rf_parse_file(path, NULL, rec_handler, &log, &err), -ENOENT);
	want = xasprintf("%s: No such file or directory", path);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(path);

	ck_assert_int_eq(rf_parse_file(dir, NULL, rec_handler, &log, &err), -EISDIR);

	fifo = xasprintf("%s/fifo.rec", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(rf_parse_file(fifo, NULL, rec_handler, &log, &err), -EINVAL);
	want = xasprintf("%s: not a regular file", fifo);
	ck_assert_str_eq(err.data, want);
	free(want);
	free(fifo);

	big = xasprintf("%s/big.rec", dir);
	fd = open(big, O_WRONLY | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, RF_MAX_FILE + 1), 0);
	close(fd);
	ck_assert_int_eq(rf_parse_file(big, NULL, rec_handler, &log, &err), -EFBIG);
	want = xasprintf("%s: larger than 16777216 bytes", big);
	ck_assert_str_eq(err.data, want);
	free(want);
	unlink(big);
	free(big);
	sb_free(&log.calls);
	sb_free(&err);
	unit_rmtree(dir);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("recfile");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_good, 0, (int)UT_ARRAY_LEN(good_cases));
	tcase_add_loop_test(tc, test_bad, 0, (int)UT_ARRAY_LEN(bad_cases));
	tcase_add_test(tc, test_stops_at_error);
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_not_terminated);
	tcase_add_test(tc, test_file);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
