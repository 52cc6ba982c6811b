/* SPDX-License-Identifier: MIT */
/*
 * The password plugin's rule files and checker, against a mock host
 * whose PCRE2 and record-file services are the core's own (rx, recfile)
 * and whose log is kept for the assertions: every error path of the
 * rule-file parser, the word table in both its modes, and the checker's
 * conditions.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>

#include "recfile.h"
#include "rx.h"
#include "unit.h"

#include "../../plugins/password/pwcheck.h"
#include "../../plugins/password/pwpolicy.h"
#include "../../plugins/password/pwrules.h"
#include "../../plugins/password/pwtext.h"
#include "../../plugins/password/pwwords.h"

/* ---- the mock host ---- */

static struct sbuf mock_log;
static const char *mock_lists[4];	/* extra_word_lists */
static size_t mock_n_lists;
static const char *mock_names[4];	/* organisation_names */
static size_t mock_n_names;

static void
mock_vlog(struct sa_ctx *ctx, enum sa_log_level level, const char *fmt, ...)
{
	va_list ap;

	(void)ctx;
	sb_printf(&mock_log, "%s: ", level == SA_LOG_ERROR ? "error" :
	    level == SA_LOG_WARNING ? "warning" : "info");
	va_start(ap, fmt);
	sb_vprintf(&mock_log, fmt, ap);
	va_end(ap);
	sb_addc(&mock_log, '\n');
}

static int
mock_config_list(struct sa_ctx *ctx, const char *sub, const char *key,
    const char *const **ret, size_t *n)
{
	(void)ctx;
	(void)sub;
	if (strcmp(key, "extra_word_lists") == 0) {
		*ret = mock_lists;
		*n = mock_n_lists;
	} else if (strcmp(key, "organisation_names") == 0) {
		*ret = mock_names;
		*n = mock_n_names;
	} else
		return -EINVAL;
	return 0;
}

static int
mock_config_string(struct sa_ctx *ctx, const char *sub, const char *key,
    const char **ret)
{
	(void)ctx;
	(void)sub;
	if (strcmp(key, "single_list") == 0)
		return -ENOENT;
	(void)ret;
	return -EINVAL;
}

static int
mock_rx_compile(struct sa_ctx *ctx, const char *pattern, unsigned int flags,
    struct sa_rx **ret, struct sa_rx_error *err)
{
	(void)ctx;
	return rx_compile(pattern, flags, ret, err);
}

static int
mock_rx_match(struct sa_ctx *ctx, const struct sa_rx *rx, const char *s,
    size_t len, size_t *ov, size_t pairs)
{
	(void)ctx;
	return rx_match(rx, s, len, ov, pairs);
}

static int
mock_parse_records(struct sa_ctx *ctx, const char *path,
    const char *const *repeatable, sa_record_handler handler, void *user)
{
	struct sbuf err;
	int r;

	sb_init(&err);
	r = rf_parse_file(path, repeatable, handler, user, &err);
	if (r < 0)
		mock_vlog(ctx, SA_LOG_ERROR, "%s", err.data);
	sb_free(&err);
	return r;
}

static const struct sa_host mock_host = {
	.abi_version = SA_ABI_VERSION,
	.struct_size = sizeof(struct sa_host),
	.log = mock_vlog,
	.config_string = mock_config_string,
	.config_list = mock_config_list,
	.rx_compile = mock_rx_compile,
	.rx_match = mock_rx_match,
	.rx_free = rx_free,
	.parse_records = mock_parse_records,
	.free = free,
};

static const struct sa_config_key mock_keys[] = {
	{ "extra_word_lists", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "", "" },
	{ "organisation_names", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI, "", "" },
	{ "single_list", SA_CONFIG_PATH, NULL, 0, "", "" },
	{ "weak_severity", SA_CONFIG_STRING, "medium", 0, "", "" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static char *tmp;

static void
setup(void)
{
	sb_init(&mock_log);
	sb_adds(&mock_log, "");
	mock_n_lists = mock_n_names = 0;
	tmp = unit_tmpdir();
}

static void
teardown(void)
{
	sb_free(&mock_log);
	free(tmp);
	rx_cleanup();
}

/* Load rule text as rules.rules; returns pwr_load_file + pwr_finish. */
static int
load(struct pwr_set *set, const char *text)
{
	char *path = unit_write(tmp, "rules.rules", text);
	int r;

	pwr_init(set, &mock_host, NULL, mock_keys);
	r = pwr_load_file(set, path);
	if (r == 0)
		r = pwr_finish(set);
	free(path);
	return r;
}

/* The log must hold "<tmp>/rules.rules:<where>". */
static void
expect_error(const char *where)
{
	char *want = xasprintf("%s/rules.rules:%s", tmp, where);

	ck_assert_msg(strstr(mock_log.data, want) != NULL, "wanted \"%s\" in log:\n%s",
	    want, mock_log.data);
	free(want);
}

#define MSG "severity = high\nmessage.en = e\nmessage.ja = j\n"

/* ---- rule-file parser: every error path ---- */

START_TEST(t_bad_regex_column)
{
	struct pwr_set set;

	/* "pattern = " is 10 columns; the value starts in column 11 and
	 * PCRE2 stops at offset 5, the end of "ab(cd". */
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = ab(cd\n"), -EINVAL);
	expect_error("5:16: missing closing parenthesis");
	pwr_free(&set);
}
END_TEST

START_TEST(t_bad_regex_column_chars)
{
	struct pwr_set set;

	/* Columns count characters: 日本 are two, though six bytes. */
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "  pattern   =   日本[a-\n"), -EINVAL);
	expect_error("5:");
	ck_assert_msg(strstr(mock_log.data, "5:22: ") != NULL, "%s", mock_log.data);
	pwr_free(&set);
}
END_TEST

START_TEST(t_bad_regex_quantifier)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = a{2,1}\n"), -EINVAL);
	expect_error("5:");
	ck_assert_ptr_nonnull(strstr(mock_log.data, "out of order"));
	pwr_free(&set);
}
END_TEST

START_TEST(t_unknown_key)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "colour = red\npattern = x\n"), -EINVAL);
	expect_error("5: unknown key \"colour\" in a [rule] record");
	pwr_free(&set);
}
END_TEST

START_TEST(t_key_of_other_kind)
{
	struct pwr_set set;

	/* "file" belongs to [words], not to [length] */
	ck_assert_int_eq(load(&set, "[length l]\n" MSG "max_length = 3\nfile = x\n"), -EINVAL);
	expect_error("6: unknown key \"file\" in a [length] record");
	pwr_free(&set);
}
END_TEST

START_TEST(t_missing_pattern)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule first]\n" MSG "pattern = a\n\n[rule r]\n" MSG),
	    -EINVAL);
	expect_error("7: [rule r] has no pattern");
	pwr_free(&set);
}
END_TEST

START_TEST(t_missing_parts)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule r]\nmessage.en = e\nmessage.ja = j\npattern = a\n"),
	    -EINVAL);
	expect_error("1: [rule r] has no severity");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\nseverity = low\nmessage.en = e\npattern = a\n"),
	    -EINVAL);
	expect_error("1: [rule r] needs message.en and message.ja");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[length l]\n" MSG), -EINVAL);
	expect_error("1: [length l] needs min_length or max_length");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[words w]\n" MSG), -EINVAL);
	expect_error("1: [words w] needs a file or a word");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[length l]\n" MSG "min_length = 9\nmax_length = 3\n"),
	    -EINVAL);
	expect_error("1: [length l]: min_length is above max_length");
	pwr_free(&set);
}
END_TEST

START_TEST(t_unreadable_word_list)
{
	struct pwr_set set;
	char *text;

	text = xasprintf("[words w]\n" MSG "file = %s/nonexistent.txt\n", tmp);
	ck_assert_int_eq(load(&set, text), -EINVAL);
	expect_error("5: word list ");
	ck_assert_ptr_nonnull(strstr(mock_log.data, "nonexistent.txt: No such file or directory"));
	pwr_free(&set);
	free(text);
	/* a directory is no word list either, and relative names are
	 * relative to the rule file */
	text = xasprintf("%s/adir", tmp);
	ck_assert_int_eq(mkdir(text, 0755), 0);
	free(text);
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "file = adir\n"), -EINVAL);
	expect_error("5: word list ");
	ck_assert_ptr_nonnull(strstr(mock_log.data, "/adir: Is a directory"));
	pwr_free(&set);
}
END_TEST

START_TEST(t_optional_word_list)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[words w]\n" MSG "optional = yes\nfile = gone.txt\n"), 0);
	ck_assert_ptr_nonnull(strstr(mock_log.data, "warning: "));
	ck_assert_ptr_nonnull(strstr(mock_log.data, "gone.txt is missing"));
	ck_assert_uint_eq(set.v[0].n_sources, 0);
	pwr_free(&set);
}
END_TEST

START_TEST(t_pattern_with_semicolon_and_hash)
{
	struct pwr_set set;

	/* ';' and '#' are part of the value, '=' too: no inline comments */
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = ^a;b#c=d$ ; # not a comment\n"), 0);
	ck_assert_str_eq(set.v[0].pattern, "^a;b#c=d$ ; # not a comment");
	ck_assert_int_eq(rx_match(set.v[0].rx, "a;b#c=d$ ; # not a comment", 26, NULL, 0), 0);
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = ^a;b#c=d$\n"), 0);
	ck_assert_int_eq(rx_match(set.v[0].rx, "a;b#c=d", 7, NULL, 0), 1);
	pwr_free(&set);
}
END_TEST

START_TEST(t_long_pattern)
{
	struct pwr_set set;
	struct sbuf text, pat;
	int i;

	/* far beyond inih's 200 bytes: 600 alternatives, over 3 KB */
	sb_init(&pat);
	sb_adds(&pat, "^(?:");
	for (i = 0; i < 600; i++)
		sb_printf(&pat, "%sw%04d", i > 0 ? "|" : "", i);
	sb_adds(&pat, ")$");
	ck_assert_uint_gt(pat.len, 3000);
	sb_init(&text);
	sb_printf(&text, "[rule r]\n" MSG "pattern = %s\n", pat.data);
	ck_assert_int_eq(load(&set, text.data), 0);
	ck_assert_str_eq(set.v[0].pattern, pat.data);
	ck_assert_int_eq(rx_match(set.v[0].rx, "w0599", 5, NULL, 0), 1);
	ck_assert_int_eq(rx_match(set.v[0].rx, "w0600", 5, NULL, 0), 0);
	pwr_free(&set);
	sb_free(&text);
	sb_free(&pat);
}
END_TEST

START_TEST(t_flags)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "flags = caseless, utf\npattern = ^ß$\n"), 0);
	ck_assert_uint_eq(set.v[0].rx_flags, SA_RX_CASELESS | SA_RX_UTF);
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "flags = utf shouty\npattern = a\n"), -EINVAL);
	expect_error("5:13: unknown flag \"shouty\"");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = a\nflags = utf\n"), -EINVAL);
	expect_error("6: flags must come before pattern");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "pattern = a\npattern = b\n"), -EINVAL);
	expect_error("6: key \"pattern\" given twice");
	pwr_free(&set);
}
END_TEST

START_TEST(t_bad_values)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[rule r]\nseverity = dire\n"), -EINVAL);
	expect_error("2:12: unknown severity \"dire\"");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "min_digits = many\n"), -EINVAL);
	expect_error("5:14: expected a whole number");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "requires = digit, vowel\n"), -EINVAL);
	expect_error("5:19: unknown character class \"vowel\"");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule r]\n" MSG "max_unique = 150%\n"), -EINVAL);
	expect_error("5:14: a percentage is at most 100%");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "combine = perhaps\n"), -EINVAL);
	expect_error("5:11: expected yes or no");
	pwr_free(&set);
}
END_TEST

START_TEST(t_records)
{
	struct pwr_set set;

	ck_assert_int_eq(load(&set, "[filter r]\n" MSG), -EINVAL);
	expect_error("1: unknown record [filter r]");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[loose]\n" MSG), -EINVAL);
	expect_error("1: unknown record [loose]");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[rule a]\n" MSG "pattern = x\n[length a]\n" MSG
	    "max_length = 2\n"), -EINVAL);
	expect_error("6: rule \"a\" is already defined at ");
	pwr_free(&set);
	/* the record format's own errors come through with their line */
	ck_assert_int_eq(load(&set, "pattern = x\n"), -EINVAL);
	expect_error("1: a field before the first record header");
	pwr_free(&set);
}
END_TEST

START_TEST(t_duplicate_across_files)
{
	struct pwr_set set;
	char *a = unit_write(tmp, "a.rules", "[rule same]\n" MSG "pattern = x\n");
	char *b = unit_write(tmp, "b.rules", "\n[rule same]\n" MSG "pattern = y\n");

	pwr_init(&set, &mock_host, NULL, mock_keys);
	ck_assert_int_eq(pwr_load_file(&set, a), 0);
	ck_assert_int_eq(pwr_load_file(&set, b), -EINVAL);
	ck_assert_ptr_nonnull(strstr(mock_log.data, "b.rules:2: rule \"same\" is already defined at "));
	ck_assert_ptr_nonnull(strstr(mock_log.data, "a.rules:1"));
	pwr_free(&set);
	free(a);
	free(b);
}
END_TEST

START_TEST(t_unreadable_rule_file)
{
	struct pwr_set set;

	pwr_init(&set, &mock_host, NULL, mock_keys);
	ck_assert_int_eq(pwr_load_file(&set, "/nonexistent/x.rules"), -ENOENT);
	ck_assert_ptr_nonnull(strstr(mock_log.data, "/nonexistent/x.rules: No such file"));
	pwr_free(&set);
}
END_TEST

START_TEST(t_settings)
{
	struct pwr_set set;
	char *list = unit_write(tmp, "mine.txt", "zebra\n");

	mock_lists[0] = list;
	mock_n_lists = 1;
	mock_names[0] = "Acme Trading";
	mock_n_names = 1;
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "file = $extra_word_lists\n"
	    "word = $organisation_names\nword = literal\n"), 0);
	ck_assert_uint_eq(set.v[0].n_sources, 3);
	ck_assert_str_eq(set.v[0].sources[0].path, list);
	ck_assert_str_eq(set.v[0].sources[1].word, "Acme Trading");
	ck_assert_str_eq(set.v[0].sources[2].word, "literal");
	pwr_free(&set);
	/* an unset single-valued setting gives no file */
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "file = $single_list\n"), 0);
	ck_assert_uint_eq(set.v[0].n_sources, 0);
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "file = $nosuch\n"), -EINVAL);
	expect_error("5:9: \"nosuch\" is not a setting of [plugin.password]");
	pwr_free(&set);
	ck_assert_int_eq(load(&set, "[words w]\n" MSG "file = $organisation_names\n"), -EINVAL);
	expect_error("5:9: setting \"organisation_names\" does not hold word list paths");
	pwr_free(&set);
	free(list);
}
END_TEST

START_TEST(t_too_many_lists)
{
	struct pwr_set set;
	struct sbuf text;
	int i;

	sb_init(&text);
	for (i = 0; i <= PWW_MAX_LISTS; i++)
		sb_printf(&text, "[words w%d]\n" MSG "word = w%d\n", i, i);
	ck_assert_int_eq(load(&set, text.data), -EINVAL);
	ck_assert_ptr_nonnull(strstr(mock_log.data, "more than 32 [words] records"));
	pwr_free(&set);
	sb_free(&text);
}
END_TEST

/* ---- text helpers ---- */

START_TEST(t_fold_and_narrow)
{
	char buf[64];
	size_t n;

	pwt_fold("P@$$w0rD", 8, buf);
	ck_assert_int_eq(memcmp(buf, "password", 8), 0);
	pwt_fold("He11o!|L", 8, buf);
	ck_assert_int_eq(memcmp(buf, "heiioiii", 8), 0);
	strcpy(buf, "ｐａｓｓ\xe3\x80\x80１２");
	n = pwt_narrow(buf, strlen(buf));
	ck_assert_uint_eq(n, 7);
	ck_assert_int_eq(memcmp(buf, "pass 12", 7), 0);
	ck_assert_uint_eq(pwt_utf8_chars("日本a", strlen("日本a")), 3);
	ck_assert(pwt_utf8_valid("abc", 3, NULL));
	ck_assert(!pwt_utf8_valid("a\xff", 2, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert(!pwt_utf8_valid("a\0b", 3, NULL));
	ck_assert(!pwt_utf8_valid("\xed\xa0\x80", 3, NULL));	/* surrogate */
	pwt_init();
	ck_assert_int_eq(pwt_key_step('q', 'w'), 3);
	ck_assert_int_eq(pwt_key_step('W', 'q'), 1);
	ck_assert_int_eq(pwt_key_step('1', 'q'), 2);
	ck_assert_int_eq(pwt_key_step('z', 'w'), 3);	/* up to the next column */
	ck_assert_int_eq(pwt_key_step('!', '@'), 3);
	ck_assert_int_eq(pwt_key_step('1', 'x'), 3);	/* zaq1xsw2 */
	ck_assert_int_eq(pwt_key_step('1', '2'), 0);	/* a sequence, not a walk */
	ck_assert_int_eq(pwt_key_step('q', 'p'), 0);
	ck_assert_int_eq(pwt_key_step('a', 'a'), 0);
	ck_assert_int_eq(pwt_seq_step('9', '0'), 1);
	ck_assert_int_eq(pwt_seq_step('C', 'b'), -1);
	ck_assert_int_eq(pwt_seq_step('a', 'c'), 0);
}
END_TEST

START_TEST(t_word_table)
{
	struct pww_table t;
	const struct pww_entry *e;
	char key[16];
	int i;

	ck_assert_int_eq(pww_init(&t, 4, 0), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "word%d", i);
		ck_assert_int_eq(pww_add(&t, key, strlen(key), 1u << (i % 3), 0), 0);
	}
	ck_assert_uint_eq(t.n, 5000);
	e = pww_find(&t, "word4999", 8);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->lists, 1u << (4999 % 3));
	ck_assert_ptr_null(pww_find(&t, "word5000", 8));
	/* a word without letters keeps its own mask */
	ck_assert_int_eq(pww_add_word(&t, "123456", 6, 4), 0);
	pwt_fold("123456", 6, key);
	e = pww_find(&t, key, 6);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->bare, 4);
	ck_assert_uint_eq(e->lists, 0);
	/* too short and too long are not words */
	ck_assert_int_eq(pww_add(&t, "a", 1, 1, 0), 0);
	ck_assert_ptr_null(pww_find(&t, "a", 1));
	pww_free(&t);
}
END_TEST

/* Look a word up the way the checker does: folded. */
static const struct pww_entry *
find_word(const struct pww_table *t, const char *word)
{
	char key[64];

	pwt_fold(word, strlen(word), key);
	return pww_find(t, key, strlen(word));
}

START_TEST(t_word_file_modes)
{
	struct pww_table idx, scan;
	const struct pww_entry *a, *b;
	const char *asks[] = { "apple", "banana", "cherry", "durian", "zebras", "PASSWORD" };
	char *path, key[64];
	size_t i;

	/* comments, CRLF, possessives, blank lines and no final newline */
	path = unit_write(tmp, "list.txt", "# fruit\napple\r\nbanana\nbanana's\n\nCherry\n"
	    "p@ssw0rd\n12\nzebra");
	ck_assert_int_eq(pww_check_file(path, NULL), 0);
	ck_assert_int_eq(pww_init(&idx, 16, 0), 0);
	ck_assert_int_eq(pww_index_file(&idx, path, 2), 0);
	ck_assert_int_eq(pww_init(&scan, 16, 1), 0);
	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		pwt_fold(asks[i], strlen(asks[i]), key);
		ck_assert_int_eq(pww_add(&scan, key, strlen(asks[i]), 0, 0), 0);
	}
	ck_assert_int_eq(pww_scan_file(&scan, path, 2), 0);
	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		a = find_word(&idx, asks[i]);
		b = find_word(&scan, asks[i]);
		ck_assert_ptr_nonnull(b);
		/* both modes answer alike */
		ck_assert_uint_eq(a != NULL ? a->lists : 0, b->lists);
	}
	ck_assert_uint_eq(find_word(&idx, "apple")->lists, 2);
	ck_assert_uint_eq(find_word(&idx, "cherry")->lists, 2);
	ck_assert_uint_eq(find_word(&idx, "Password")->lists, 2);
	ck_assert_uint_eq(find_word(&scan, "password")->lists, 2);
	ck_assert_ptr_null(find_word(&idx, "durian"));
	ck_assert_ptr_null(find_word(&idx, "banana's"));
	ck_assert_ptr_null(find_word(&idx, "# fruit"));
	ck_assert_ptr_nonnull(find_word(&idx, "zebra"));
	/* "12" has no letter: it answers only letterless questions */
	ck_assert_uint_eq(find_word(&idx, "12")->bare, 2);
	ck_assert_uint_eq(find_word(&idx, "12")->lists, 0);
	ck_assert_uint_eq(idx.n, 6);
	ck_assert_int_eq(pww_index_file(&idx, "/nonexistent", 1), -ENOENT);
	pww_free(&idx);
	pww_free(&scan);
	free(path);
}
END_TEST

/* ---- the checker ---- */

static const char *const checker_rules =
	"[length short]\nmax_length = 7\n" MSG
	"[rule digits]\nonly = digit\n" MSG "pattern = ^[0-9]+$\n"
	"[rule mixed]\nrequires = letter, digit|symbol\n" MSG "pattern = .\n"
	"[rule year]\nmin_digits = 4\nmax_rest = 4\nseverity = medium\n"
	"message.en = e\nmessage.ja = j\npattern = (?:19|20)[0-9]{2}\n"
	"[rule at]\ncontains = @\nseverity = low\nmessage.en = e\nmessage.ja = j\n"
	"pattern = @\n"
	"[rule walk]\nmin_walk = 4\n" MSG "flags = caseless\npattern = qwer\n"
	"[rule repeat]\nmax_unique = 50%\n" MSG "flags = dotall\npattern = ^(.+?)\\1+$\n"
	"[words names]\nseverity = medium\nmessage.en = e\nmessage.ja = j\n"
	"combine = yes\nword = taro\nword = tanaka\n"
	"[words common]\n" MSG "strip = no\nword = 123456\nword = letmein\n";

/* The ids a password hits, blank separated. */
static char *
hits(struct pwc_engine *e, const struct pwr_set *set, const char *pw, int *weak)
{
	struct pwc_result res;
	struct sbuf out;
	size_t len = strlen(pw), i;

	ck_assert_int_eq(pwc_check(e, &pw, &len, 1, &res), 0);
	sb_init(&out);
	sb_adds(&out, "");
	for (i = 0; i < res.n_hits; i++)
		sb_printf(&out, "%s%s", i > 0 ? " " : "", set->v[res.hits[i]].id);
	if (weak != NULL)
		*weak = res.weak;
	pwc_result_free(&res);
	return sb_steal(&out);
}

#define HITS(pw, want) do { \
		char *got_ = hits(&e, &set, pw, NULL); \
		ck_assert_msg(strcmp(got_, want) == 0, "%s: got \"%s\", wanted \"%s\"", \
		    pw, got_, want); \
		free(got_); \
	} while (0)

START_TEST(t_checker_conditions)
{
	struct pwr_set set;
	struct pwc_engine e;
	char *got;
	int weak;

	ck_assert_int_eq(load(&set, checker_rules), 0);
	ck_assert_int_eq(pwc_init(&e, &set, SA_SEV_MEDIUM), 0);
	HITS("", "short");
	HITS("123456", "short digits common");
	HITS("letmein", "short common");
	HITS("1985abcdefgh", "mixed");		/* rest 8 > 4: year does not count */
	HITS("xy1985", "short mixed year");
	HITS("a@b.example", "mixed at");
	HITS("zqwerz99", "mixed walk");
	HITS("abcabcabc", "repeat");
	HITS("Taro1985", "mixed year names");	/* stripped and folded */
	HITS("t4r0!", "short mixed names");	/* leetspeak */
	HITS("tanaka.taro", "mixed names");	/* two words, one separator */
	HITS("tanakataro", "names");		/* two words run together */
	HITS("tanaka-taro-x", "mixed");		/* three parts: no */
	HITS("letmein1", "mixed");		/* strip = no */
	HITS("ｔａｒｏ", "short names");	/* fullwidth */
	/* low severity alone does not make a password weak */
	got = hits(&e, &set, "plain@sentence", &weak);
	ck_assert_str_eq(got, "mixed at");
	ck_assert_int_eq(weak, 1);		/* "mixed" is high */
	free(got);
	ck_assert_int_eq(pwr_disable(&set, "mixed"), 0);
	pwc_free(&e);
	ck_assert_int_eq(pwc_init(&e, &set, SA_SEV_MEDIUM), 0);
	got = hits(&e, &set, "plain@sentence", &weak);
	ck_assert_str_eq(got, "at");
	ck_assert_int_eq(weak, 0);
	free(got);
	ck_assert_int_eq(pwr_disable(&set, "nosuch"), -ENOENT);
	pwc_free(&e);
	pwr_free(&set);
}
END_TEST

START_TEST(t_checker_batches_agree)
{
	static const char *const pws[] = {
		"taro", "tanakataro99", "123456", "Xq3#kP9!zL2@wM7$", "qwerty12",
		"abab", "2024", "tanaka", "ok-long-passphrase-here", "t@n@k@",
		"日本語のパスワード", "taro.tanaka", "99taro99", "a", "letmein",
		"qwer", "zzzz", "tanakatanaka", "1985", "mixed1!"
	};
	size_t n = sizeof(pws) / sizeof(pws[0]), lens[20], i, k;
	struct pwc_result one, many[20];
	struct pwr_set set;
	struct pwc_engine scan, index;

	ck_assert_int_eq(load(&set, checker_rules), 0);
	ck_assert_int_eq(pwc_init(&scan, &set, SA_SEV_MEDIUM), 0);
	ck_assert_int_eq(pwc_init(&index, &set, SA_SEV_MEDIUM), 0);
	for (i = 0; i < n; i++)
		lens[i] = strlen(pws[i]);
	/* all at once with the lists indexed, one by one with them scanned */
	ck_assert_int_eq(pwc_index(&index), 0);
	ck_assert(index.indexed);
	ck_assert_int_eq(pwc_check(&index, pws, lens, n, many), 0);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(pwc_check(&scan, &pws[i], &lens[i], 1, &one), 0);
		ck_assert_msg(one.n_hits == many[i].n_hits && one.weak == many[i].weak,
		    "%s: scan and index disagree", pws[i]);
		for (k = 0; k < one.n_hits; k++)
			ck_assert_uint_eq(one.hits[k], many[i].hits[k]);
		pwc_result_free(&one);
		pwc_result_free(&many[i]);
	}
	ck_assert(!scan.indexed);
	pwc_free(&scan);
	pwc_free(&index);
	pwr_free(&set);
}
END_TEST

START_TEST(t_hash_schemes)
{
	ck_assert_str_eq(pwp_hash_scheme("$y$j9T$abc$def"), "yescrypt");
	ck_assert_str_eq(pwp_hash_scheme("$gy$j9T$abc$def"), "gost-yescrypt");
	ck_assert_str_eq(pwp_hash_scheme("$6$salt$hash"), "sha512");
	ck_assert_str_eq(pwp_hash_scheme("$5$salt$hash"), "sha256");
	ck_assert_str_eq(pwp_hash_scheme("$1$salt$hash"), "md5");
	ck_assert_str_eq(pwp_hash_scheme("$2b$10$abc"), "bcrypt");
	ck_assert_str_eq(pwp_hash_scheme("abcdefghijklm"), "des");
	ck_assert_str_eq(pwp_hash_scheme("_abcdefghijklmnopqrs"), "bsdi-des");
	ck_assert_str_eq(pwp_hash_scheme("$argon2id$v=19"), "unknown");
	ck_assert_str_eq(pwp_hash_scheme("abc"), "unknown");
	ck_assert(pwp_scheme_accepted("yescrypt sha512,bcrypt", "sha512"));
	ck_assert(pwp_scheme_accepted("yescrypt sha512,bcrypt", "bcrypt"));
	ck_assert(!pwp_scheme_accepted("yescrypt sha512,bcrypt", "sha256"));
	ck_assert(!pwp_scheme_accepted("gost-yescrypt", "yescrypt"));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("password");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, t_bad_regex_column);
	tcase_add_test(tc, t_bad_regex_column_chars);
	tcase_add_test(tc, t_bad_regex_quantifier);
	tcase_add_test(tc, t_unknown_key);
	tcase_add_test(tc, t_key_of_other_kind);
	tcase_add_test(tc, t_missing_pattern);
	tcase_add_test(tc, t_missing_parts);
	tcase_add_test(tc, t_unreadable_word_list);
	tcase_add_test(tc, t_optional_word_list);
	tcase_add_test(tc, t_pattern_with_semicolon_and_hash);
	tcase_add_test(tc, t_long_pattern);
	tcase_add_test(tc, t_flags);
	tcase_add_test(tc, t_bad_values);
	tcase_add_test(tc, t_records);
	tcase_add_test(tc, t_duplicate_across_files);
	tcase_add_test(tc, t_unreadable_rule_file);
	tcase_add_test(tc, t_settings);
	tcase_add_test(tc, t_too_many_lists);
	suite_add_tcase(s, tc);

	tc = tcase_create("checker");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, t_fold_and_narrow);
	tcase_add_test(tc, t_word_table);
	tcase_add_test(tc, t_word_file_modes);
	tcase_add_test(tc, t_checker_conditions);
	tcase_add_test(tc, t_checker_batches_agree);
	tcase_add_test(tc, t_hash_schemes);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
