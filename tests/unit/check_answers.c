/* SPDX-License-Identifier: MIT */
/* The answers files: parsing, every error path, merging, writing back. */
#include "config.h"

#include <sys/stat.h>

#include "unit.h"

#include "answers.h"
#include "catalog.h"

static struct catalog cat;

static void
setup(void)
{
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(cat_load(&cat, SA_ABS_SRCDIR "/rules/guideline-3.0.catalog",
	    &err) == 0, "%s", err.data);
	sb_free(&err);
}

static void
teardown(void)
{
	cat_free(&cat);
}

static int
load(struct answers *a, const char *name, const char *text, struct sbuf *err)
{
	return ans_load_buffer(a, &cat, name, text, strlen(text), err);
}

START_TEST(test_values)
{
	static const char text[] =
	    "[organization]\nname = Example 株式会社\nsite = 大阪\nbasic_policy = yes\n"
	    "[diagnosis]\n1 = 4\n2 = 2\n3 = 0\n4 = -1\n7 = na\nnote.3 = we  use = signs; and # too\n"
	    "[cloud]\n1 = yes\n2 = partly\n3 = NO\n4 = unknown\n5 = 4\n"
	    "[service.mail]\nlabel = Google Workspace\n10 = no\nnote.10 = no export\n";
	struct answers a;
	struct sbuf err;

	ans_init(&a);
	sb_init(&err);
	ck_assert_msg(load(&a, "a.ini", text, &err) == 0, "%s", err.data);
	ck_assert_str_eq(a.org_name, "Example 株式会社");
	ck_assert_str_eq(a.site, "大阪");
	ck_assert_int_eq(a.basic_policy, 1);
	ck_assert_int_eq(a.diagnosis[0].value, 4);
	ck_assert_int_eq(a.diagnosis[1].value, 2);
	ck_assert_int_eq(a.diagnosis[2].value, 0);
	ck_assert_int_eq(a.diagnosis[3].value, -1);
	ck_assert_int_eq(a.diagnosis[6].value, ANS_NA);
	ck_assert_int_eq(a.diagnosis[4].value, ANS_UNSET);
	ck_assert_str_eq(a.diagnosis[2].note, "we  use = signs; and # too");
	ck_assert_str_eq(a.diagnosis[0].file, "a.ini");
	ck_assert_uint_eq(a.diagnosis[0].line, 6);
	ck_assert_int_eq(a.cloud[0].value, 4);
	ck_assert_int_eq(a.cloud[1].value, 2);
	ck_assert_int_eq(a.cloud[2].value, 0);
	ck_assert_int_eq(a.cloud[3].value, -1);
	ck_assert_int_eq(a.cloud[4].value, 4);
	ck_assert_uint_eq(a.n_services, 1);
	ck_assert_str_eq(a.services[0].id, "mail");
	ck_assert_str_eq(a.services[0].label, "Google Workspace");
	ck_assert_int_eq(a.services[0].cloud[9].value, 0);
	ck_assert_str_eq(a.services[0].cloud[9].note, "no export");
	/* a service inherits the organisation-wide [cloud] answer */
	ck_assert_int_eq(ans_cloud_effective(&a, &a.services[0], 1)->value, 4);
	ck_assert_int_eq(ans_cloud_effective(&a, &a.services[0], 10)->value, 0);
	ck_assert_int_eq(ans_cloud_effective(&a, &a.services[0], 11)->value, ANS_UNSET);
	ans_free(&a);
	sb_free(&err);
}
END_TEST

/* Every way a file can be wrong: FILE:LINE and the answers untouched. */
static const struct {
	const char *text;
	const char *error;
} bad[] = {
	{ "[diagnosis]\n26 = 4\n", "b.ini:2: \"26\" is not a self-diagnosis item 1-25" },
	{ "[diagnosis]\n0 = 4\n", "b.ini:2: \"0\" is not a self-diagnosis item" },
	{ "[diagnosis]\nfive = 4\n", "b.ini:2: \"five\" is not a self-diagnosis item" },
	{ "[diagnosis]\n5 = 3\n", "b.ini:2: item 5: \"3\" is not an answer; use 4, 2, 0, -1 or na" },
	{ "[diagnosis]\n5 = \n", "b.ini:2: item 5: \"\" is not an answer" },
	{ "[diagnosis]\n5 = 4.0\n", "b.ini:2: item 5: \"4.0\" is not an answer" },
	{ "[diagnosis]\n5 = yes\n", "b.ini:2: item 5: \"yes\" is a cloud checklist answer" },
	{ "[diagnosis]\n5 = 4\n5 = 2\n", "b.ini:3: key \"5\" given twice in [diagnosis]" },
	{ "[diagnosis]\n5 = 4\n05 = 2\n", "b.ini:3: item 5 answered twice (first on line 2)" },
	{ "[diagnosis]\nnote.5 = a\nnote.05 = b\n", "b.ini:3: note for item 5 given twice (first on line 2)" },
	{ "[diagnosis]\nnote.30 = a\n", "b.ini:2: \"note.30\": a note needs an item number 1-25" },
	{ "[diagnosis]\n4 = 4\n[diagnosis]\n", "b.ini:3: this record appears twice in the file" },
	{ "[cloud]\n16 = yes\n", "b.ini:2: \"16\" is not a cloud checklist item 1-15" },
	{ "[cloud]\n3 = maybe\n", "b.ini:2: cloud item 3: \"maybe\" is not an answer; use 4, 2, 0, -1, yes, partly, no, unknown or na" },
	{ "[diagnostics]\n5 = 4\n", "b.ini:1: unknown section [diagnostics]" },
	{ "[item 5]\n", "b.ini:1: unknown section [item 5]" },
	{ "[organization]\n5 = 4\n", "b.ini:2: unknown key \"5\" in [organization]" },
	{ "[organization]\nbasic_policy = perhaps\n", "b.ini:2: basic_policy must be yes or no" },
	{ "[organization]\nname = a\n[organisation]\nsite = b\n",
	  "b.ini:3: [organisation] repeats the [organization] section of line 1" },
	{ "[service.mail]\nname = x\n", "b.ini:2: \"name\" is not a cloud checklist item 1-15, label or note.N" },
	{ "[service.mail]\n1 = yes\n[service.mail]\n", "b.ini:3: this record appears twice in the file" },
	{ "[service.]\n", "b.ini:1: service ids hold" },
	{ "5 = 4\n", "b.ini:1: a field before the first record header" },
	{ "[diagnosis]\n5 = 4\ngarbage\n", "b.ini:3: expected" },
	{ "[diagnosis]\nnote.5 = \xff\n", "b.ini:2:" },
};

START_TEST(test_errors)
{
	struct answers a;
	struct sbuf err;

	ans_init(&a);
	sb_init(&err);
	ck_assert_int_eq(load(&a, "a.ini", "[diagnosis]\n5 = 4\n[service.mail]\n1 = yes\n",
	    &err), 0);
	ck_assert_int_lt(load(&a, "b.ini", bad[_i].text, &err), 0);
	ck_assert_msg(strncmp(err.data, bad[_i].error, strlen(bad[_i].error)) == 0,
	    "case %d: got \"%s\", want \"%s...\"", _i, err.data, bad[_i].error);
	ck_assert_ptr_null(strchr(err.data, '\n'));
	/* nothing of the broken file was applied */
	ck_assert_int_eq(a.diagnosis[4].value, 4);
	ck_assert_str_eq(a.diagnosis[4].file, "a.ini");
	ck_assert_uint_eq(a.n_services, 1);
	ck_assert_int_eq(a.services[0].cloud[0].value, 4);
	ck_assert_int_eq(a.services[0].cloud[2].value, ANS_UNSET);
	ck_assert_uint_eq(a.n_files, 1);
	ans_free(&a);
	sb_free(&err);
}
END_TEST

START_TEST(test_precedence)
{
	struct answers a;
	struct sbuf err;

	ans_init(&a);
	sb_init(&err);
	ck_assert_int_eq(load(&a, "org.ini",
	    "[organization]\nname = Example\n"
	    "[diagnosis]\n5 = 4\nnote.5 = company newsletter\n6 = 2\nnote.6 = org note\n"
	    "[service.mail]\nlabel = Mail\n9 = yes\n10 = yes\n", &err), 0);
	ck_assert_int_eq(load(&a, "site.ini",
	    "[organization]\nsite = Osaka\n"
	    "[diagnosis]\n5 = 0\nnote.6 = site note\n"
	    "[service.mail]\n9 = no\n[service.files]\n1 = partly\n", &err), 0);
	/* a later value replaces the earlier value and its note */
	ck_assert_int_eq(a.diagnosis[4].value, 0);
	ck_assert_ptr_null(a.diagnosis[4].note);
	ck_assert_str_eq(a.diagnosis[4].file, "site.ini");
	/* a later note alone replaces only the note */
	ck_assert_int_eq(a.diagnosis[5].value, 2);
	ck_assert_str_eq(a.diagnosis[5].file, "org.ini");
	ck_assert_str_eq(a.diagnosis[5].note, "site note");
	ck_assert_str_eq(a.org_name, "Example");
	ck_assert_str_eq(a.site, "Osaka");
	ck_assert_uint_eq(a.n_services, 2);
	ck_assert_str_eq(a.services[0].label, "Mail");
	ck_assert_int_eq(a.services[0].cloud[8].value, 0);
	ck_assert_int_eq(a.services[0].cloud[9].value, 4);
	ck_assert_str_eq(a.services[1].id, "files");
	ck_assert_int_eq(a.services[1].cloud[0].value, 2);
	ck_assert_uint_eq(a.n_files, 2);
	ans_free(&a);
	sb_free(&err);
}
END_TEST

START_TEST(test_write_read)
{
	struct answers a, b;
	struct sbuf err;
	struct stat st;
	char *dir = unit_tmpdir(), *path = xasprintf("%s/answers.ini", dir);
	size_t i;

	ans_init(&a);
	ans_init(&b);
	sb_init(&err);
	ck_assert_int_eq(load(&a, "a.ini",
	    "[organization]\nname = 例\nbasic_policy = no\n"
	    "[diagnosis]\n1 = 4\n5 = -1\nnote.5 = nobody knows\n7 = na\nnote.9 = only a note\n"
	    "[cloud]\n12 = yes\n"
	    "[service.acct-1]\nlabel = 会計\n3 = partly\n10 = no\n", &err), 0);
	/* a note typed with a line break must stay one line */
	ans_set(&a.diagnosis[1], 2, "line one\nline two");
	ck_assert_int_eq(ans_save(&a, &cat, path, &err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_msg(ans_load(&b, &cat, path, &err) == 0, "%s", err.data);
	for (i = 0; i < cat.n_items; i++) {
		ck_assert_int_eq(a.diagnosis[i].value, b.diagnosis[i].value);
		ck_assert_int_eq(a.diagnosis[i].note == NULL, b.diagnosis[i].note == NULL);
	}
	ck_assert_str_eq(b.diagnosis[1].note, "line one line two");
	ck_assert_str_eq(b.diagnosis[4].note, "nobody knows");
	ck_assert_str_eq(b.diagnosis[8].note, "only a note");
	ck_assert_int_eq(b.diagnosis[8].value, ANS_UNSET);
	ck_assert_int_eq(b.basic_policy, 0);
	ck_assert_str_eq(b.org_name, "例");
	ck_assert_int_eq(b.cloud[11].value, 4);
	ck_assert_str_eq(b.services[0].id, "acct-1");
	ck_assert_str_eq(b.services[0].label, "会計");
	ck_assert_int_eq(b.services[0].cloud[2].value, 2);
	ck_assert_int_eq(b.services[0].cloud[9].value, 0);
	/* a failed save names the file and leaves nothing behind */
	ck_assert_int_lt(ans_save(&a, &cat, "/nonexistent/dir/answers.ini", &err), 0);
	ck_assert_ptr_nonnull(strstr(err.data, "/nonexistent/dir/answers.ini"));
	ans_free(&a);
	ans_free(&b);
	sb_free(&err);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_service_ids)
{
	char long_id[ANS_MAX_ID + 2];

	ck_assert(ans_valid_service_id("mail"));
	ck_assert(ans_valid_service_id("File_Share-2"));
	ck_assert(!ans_valid_service_id(""));
	ck_assert(!ans_valid_service_id("a b"));
	ck_assert(!ans_valid_service_id("a.b"));
	ck_assert(!ans_valid_service_id("メール"));
	memset(long_id, 'a', sizeof(long_id) - 1);
	long_id[sizeof(long_id) - 1] = '\0';
	ck_assert(!ans_valid_service_id(long_id));
	long_id[ANS_MAX_ID] = '\0';
	ck_assert(ans_valid_service_id(long_id));
}
END_TEST

/* Deterministic pseudo-random numbers for the mutation test. */
static unsigned int
next_random(unsigned int *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

static void
mutate(struct sbuf *sb, unsigned int *state)
{
	static const char bytes[] = "[]=.\n\r#;-0123456789abnoteys \t\xff\xe3\x81";
	size_t at, n = 1 + next_random(state) % 4;
	char c;

	while (n-- > 0 && sb->len > 0) {
		at = next_random(state) % sb->len;
		c = bytes[next_random(state) % (sizeof(bytes) - 1)];
		switch (next_random(state) % 3) {
		case 0:
			sb->data[at] = c;
			break;
		case 1:
			memmove(sb->data + at, sb->data + at + 1, sb->len - at);
			sb->len--;
			break;
		default:
			sb_addc(sb, '\0');
			memmove(sb->data + at + 1, sb->data + at, sb->len - at - 1);
			sb->data[at] = c;
			break;
		}
	}
}

/*
 * Mangled files never crash the parser, fail with one FILE:LINE line, and
 * whatever is accepted is written back in a form that reads the same.
 */
START_TEST(test_mutations)
{
	static const char seed[] =
	    "[organization]\nname = A\nsite = B\nbasic_policy = yes\n"
	    "[diagnosis]\n1 = 4\n2 = 2\nnote.2 = x = y\n25 = -1\n7 = na\n"
	    "[cloud]\n1 = yes\n15 = no\nnote.15 = n\n"
	    "[service.mail]\nlabel = M\n10 = partly\n";
	struct answers a, b;
	struct sbuf text, err, out;
	unsigned int state = 20261126, i, accepted = 0;
	char *buf;
	size_t len, k;
	FILE *f;

	sb_init(&text);
	sb_init(&err);
	sb_init(&out);
	for (i = 0; i < 3000; i++) {
		sb_reset(&text);
		sb_add(&text, seed, sizeof(seed) - 1);
		mutate(&text, &state);
		ans_init(&a);
		if (ans_load_buffer(&a, &cat, "m.ini", text.data, text.len, &err) < 0) {
			ck_assert_msg(strncmp(err.data, "m.ini:", 6) == 0, "%s", err.data);
			ck_assert_ptr_null(strchr(err.data, '\n'));
			ck_assert_uint_eq(a.n_files, 0);
			ans_free(&a);
			continue;
		}
		accepted++;
		f = open_memstream(&buf, &len);
		ck_assert_int_eq(ans_write(&a, &cat, f), 0);
		fclose(f);
		ans_init(&b);
		ck_assert_msg(ans_load_buffer(&b, &cat, "w.ini", buf, len, &err) == 0,
		    "rewritten file rejected: %s", err.data);
		for (k = 0; k < cat.n_items; k++)
			ck_assert_int_eq(a.diagnosis[k].value, b.diagnosis[k].value);
		for (k = 0; k < cat.n_cloud; k++)
			ck_assert_int_eq(a.cloud[k].value, b.cloud[k].value);
		ck_assert_uint_eq(a.n_services, b.n_services);
		free(buf);
		ans_free(&a);
		ans_free(&b);
	}
	/* the mutations must leave some files valid, or the test proves little */
	ck_assert_uint_gt(accepted, 100);
	sb_free(&text);
	sb_free(&err);
	sb_free(&out);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("answers");
	TCase *tc = tcase_create("answers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_values);
	tcase_add_loop_test(tc, test_errors, 0, (int)UT_ARRAY_LEN(bad));
	tcase_add_test(tc, test_precedence);
	tcase_add_test(tc, test_write_read);
	tcase_add_test(tc, test_service_ids);
	tcase_add_test(tc, test_mutations);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
