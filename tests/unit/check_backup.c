/* SPDX-License-Identifier: MIT */
/* The backup plugin's pure parsers: JSON, times, file names, command lines. */
#include "config.h"

#include <errno.h>

#include "unit.h"

#include "bk.h"

/* ---- JSON ---- */

struct jseen {
	int n;
	char created[32];
	int created_depth;
	int times;
};

static void
jseen_fn(void *user, const struct bk_json_value *v)
{
	struct jseen *s = user;

	s->n++;
	if (bk_json_key_is(v, "created") && v->len < sizeof(s->created)) {
		memcpy(s->created, v->text, v->len);
		s->created[v->len] = '\0';
		s->created_depth = v->depth;
	}
	if (bk_json_key_is(v, "time"))
		s->times++;
}

START_TEST(json_valid)
{
	static const char doc[] =
	    "{\n  \"created\" : \"1704164645\",\n  \"tags\": \"D\",\n"
	    "  \"n\": -1.5e+3, \"ok\": true, \"none\": null,\n"
	    "  \"list\": [ {\"time\": \"x\"}, {\"time\": \"y\\u00e9\\n\"} ],\n"
	    "  \"empty\": {}, \"arr\": []\n}\n";
	struct jseen s = { 0 };
	struct bk_json_error err;

	ck_assert_int_eq(bk_json_walk(doc, strlen(doc), jseen_fn, &s, &err), 0);
	ck_assert_str_eq(s.created, "1704164645");
	ck_assert_int_eq(s.created_depth, 1);
	ck_assert_int_eq(s.times, 2);
	/* the root, 8 members, 2 elements and their 2 members */
	ck_assert_int_eq(s.n, 13);
}
END_TEST

static const struct {
	const char *doc;
	unsigned int line;
	const char *message;
} json_bad[] = {
	{ "{\n \"created\": \"17041", 2, "unterminated string" },
	{ "{\n \"created\": \"1\",\n", 3, "unexpected end of JSON" },
	{ "{\"a\": tru}", 1, "unexpected character" },
	{ "{\"a\": \"\\q\"}", 1, "bad escape in a string" },
	{ "{\"a\": \"\\u12g4\"}", 1, "bad \\u escape" },
	{ "{\"a\": 01}", 1, "expected ',' or '}'" },
	{ "{\"a\": 1,}", 1, "expected a member name" },
	{ "{\"a\" 1}", 1, "expected ':'" },
	{ "[1, 2", 1, "unexpected end of JSON" },
	{ "{}\n\nx", 3, "text after the JSON value" },
	{ "", 1, "unexpected end of JSON" },
	{ "{\"a\": \"x\ty\"}", 1, "control character in a string" },
	{ "{\"a\": -}", 1, "bad number" },
};

START_TEST(json_invalid)
{
	struct jseen s = { 0 };
	struct bk_json_error err;
	const char *doc = json_bad[_i].doc;

	ck_assert_int_eq(bk_json_walk(doc, strlen(doc), jseen_fn, &s, &err),
	    -EINVAL);
	ck_assert_uint_eq(err.line, json_bad[_i].line);
	ck_assert_str_eq(err.message, json_bad[_i].message);
}
END_TEST

START_TEST(json_depth)
{
	char doc[300];
	struct jseen s = { 0 };
	struct bk_json_error err;

	memset(doc, '[', 100);
	memset(doc + 100, ']', 100);
	doc[200] = '\0';
	ck_assert_int_eq(bk_json_walk(doc, 200, jseen_fn, &s, &err), -EINVAL);
	ck_assert_str_eq(err.message, "nested too deeply");
	/* a byte-order mark is fine */
	ck_assert_int_eq(bk_json_walk("\xef\xbb\xbf{}", 5, jseen_fn, &s, &err), 0);
}
END_TEST

/* ---- times ---- */

static const struct {
	const char *s;
	int ok;
	int64_t t;
} iso_cases[] = {
	{ "2026-01-02T03:04:05Z", 1, 1767323045 },
	{ "2026-01-02T03:04:05.119835254Z", 1, 1767323045 },
	{ "2026-01-02T12:04:05+09:00", 1, 1767323045 },
	{ "2026-01-01T22:04:05-0500", 1, 1767323045 },
	{ "2026-01-02T03:04:05.000000", 1, 1767323045 },	/* borg: UTC */
	{ "2026-01-02 03:04:05", 1, 1767323045 },
	{ "2026-13-02T03:04:05Z", 0, 0 },
	{ "2026-01-02T03:04", 0, 0 },
	{ "2026-01-02T03:04:05Zjunk", 0, 0 },
	{ "2026-01-02T03:04:05.Z", 0, 0 },
	{ "1969-12-31T23:59:59Z", 0, 0 },
	{ "", 0, 0 },
};

START_TEST(time_iso)
{
	int64_t t = 0;
	int r = tf_parse_iso(iso_cases[_i].s, strlen(iso_cases[_i].s), &t);

	ck_assert_int_eq(r == 0, iso_cases[_i].ok);
	if (iso_cases[_i].ok)
		ck_assert_int_eq(t, iso_cases[_i].t);
}
END_TEST

START_TEST(time_compact_and_format)
{
	char buf[32];
	int64_t t;

	ck_assert_int_eq(tf_parse_iso_basic("20260102T030405Z", 16, &t), 0);
	ck_assert_int_eq(t, 1767323045);
	ck_assert_int_eq(tf_parse_iso_basic("20260102T030405", 15, &t), -EINVAL);
	ck_assert_int_eq(tf_parse_iso_basic("20260102X030405Z", 16, &t), -EINVAL);
	ck_assert_str_eq(tf_iso(1767323045, buf, sizeof(buf)),
	    "2026-01-02T03:04:05Z");
	ck_assert_str_eq(bk_fmt_age(0, buf, sizeof(buf)), "0s");
	ck_assert_str_eq(bk_fmt_age(59, buf, sizeof(buf)), "59s");
	ck_assert_str_eq(bk_fmt_age(7 * 60 + 5, buf, sizeof(buf)), "7m");
	ck_assert_str_eq(bk_fmt_age(5 * 3600 + 12 * 60, buf, sizeof(buf)), "5h 12m");
	ck_assert_str_eq(bk_fmt_age(2 * 86400 + 3 * 3600 + 59, buf, sizeof(buf)),
	    "2d 3h");
	ck_assert_str_eq(bk_fmt_age(-90, buf, sizeof(buf)), "1m");
}
END_TEST

/* ---- file names ---- */

static const struct {
	const char *name;
	int ok, full;
	int64_t t;
} dup_cases[] = {
	{ "duplicity-full.20260102T030405Z.manifest.gpg", 1, 1, 1767323045 },
	{ "duplicity-full.20260102T030405Z.manifest", 1, 1, 1767323045 },
	{ "host1_duplicity-full.20260102T030405Z.manifest.gpg", 1, 1, 1767323045 },
	{ "duplicity-inc.20260101T030405Z.to.20260102T030405Z.manifest.gpg",
	  1, 0, 1767323045 },
	{ "duplicity-full.20260102T030405Z.vol1.difftar.gpg", 0, 0, 0 },
	{ "duplicity-full-signatures.20260102T030405Z.sigtar.gpg", 0, 0, 0 },
	{ "duplicity-new-signatures.20260101T030405Z.to.20260102T030405Z.sigtar.gpg",
	  0, 0, 0 },
	{ "duplicity-full.20260102T030405Z.manifest.gpg.part", 0, 0, 0 },
	{ "duplicity-inc.20260101T030405Z.20260102T030405Z.manifest", 0, 0, 0 },
};

START_TEST(name_duplicity)
{
	int full = -1;
	int64_t t = 0;

	ck_assert_int_eq(bk_duplicity_manifest(dup_cases[_i].name, &full, &t),
	    dup_cases[_i].ok);
	if (dup_cases[_i].ok) {
		ck_assert_int_eq(full, dup_cases[_i].full);
		ck_assert_int_eq(t, dup_cases[_i].t);
	}
}
END_TEST

static const struct {
	const char *name;
	int kind;
	const char *guest;
} vz_cases[] = {
	{ "vzdump-qemu-100-2026_01_02-03_04_05.vma.zst", 1, "qemu-100" },
	{ "vzdump-lxc-101-2026_01_02-03_04_05.tar.gz", 1, "lxc-101" },
	{ "vzdump-lxc-101-2026_01_02-03_04_05.log", 2, "lxc-101" },
	{ "vzdump-qemu-100-2026_01_02-03_04_05.vma.zst.notes", 0, NULL },
	{ "vzdump-qemu-100-2026_01_02-03_04_05.vma.dat", 0, NULL },
	{ "vzdump-qemu-100-2026_13_02-03_04_05.vma", 0, NULL },
	{ "vzdump-kvm-100-2026_01_02-03_04_05.vma", 0, NULL },
	{ "vzdump-qemu-x-2026_01_02-03_04_05.vma", 0, NULL },
	{ "vzdump-qemu-100-2026-01-02-03_04_05.vma", 0, NULL },
};

START_TEST(name_vzdump)
{
	char guest[64] = "";

	ck_assert_int_eq(bk_vzdump_name(vz_cases[_i].name, guest, sizeof(guest)),
	    vz_cases[_i].kind);
	if (vz_cases[_i].kind != 0)
		ck_assert_str_eq(guest, vz_cases[_i].guest);
}
END_TEST

START_TEST(rsnapshot_fields)
{
	char line1[] = "retain\t\talpha\t6\n", line2[] = "retain alpha 6",
	    line3[] = "backup\t/home/\tlocalhost/\t+rsync_long_args=--x\r\n";
	char *f[5];

	ck_assert_uint_eq(bk_rsnapshot_fields(line1, f, 5), 3);
	ck_assert_str_eq(f[0], "retain");
	ck_assert_str_eq(f[1], "alpha");
	ck_assert_str_eq(f[2], "6");
	ck_assert_uint_eq(bk_rsnapshot_fields(line2, f, 5), 1);
	ck_assert_uint_eq(bk_rsnapshot_fields(line3, f, 5), 4);
	ck_assert_str_eq(f[3], "+rsync_long_args=--x");
}
END_TEST

/* ---- command lines ---- */

START_TEST(words_and_vars)
{
	struct hf_names w = { 0 };
	struct bk_vars v = { { 0 }, { 0 } };

	bk_split_words("a 'b c' \"d \\\"e\\\"\" f\\ g", &w);
	ck_assert_uint_eq(w.n, 4);
	ck_assert_str_eq(w.v[1], "b c");
	ck_assert_str_eq(w.v[2], "d \"e\"");
	ck_assert_str_eq(w.v[3], "f g");
	hf_names_free(&w);
	ck_assert_int_eq(bk_learn_vars("export RESTIC_REPOSITORY=/srv/r", &v), 1);
	ck_assert_int_eq(bk_learn_vars("Environment=\"BORG_REPO=/srv/b\" X=1", &v), 2);
	ck_assert_int_eq(bk_learn_vars("# A=1", &v), 0);
	ck_assert_int_eq(bk_learn_vars("restic backup /home", &v), 0);
	ck_assert_str_eq(bk_vars_get(&v, "RESTIC_REPOSITORY"), "/srv/r");
	ck_assert_str_eq(bk_vars_get(&v, "BORG_REPO"), "/srv/b");
	ck_assert_ptr_null(bk_vars_get(&v, "NOPE"));
	bk_vars_free(&v);
}
END_TEST

static const struct {
	const char *line;
	int found;
	enum bk_type type;
	const char *repo;	/* NULL: not told */
	size_t sources;
} cmd_cases[] = {
	{ "/usr/bin/restic -r /srv/restic backup /home /etc", 1, BK_RESTIC,
	  "/srv/restic", 2 },
	{ "restic --repo=/srv/r --password-file /etc/pw backup --exclude /tmp /home",
	  1, BK_RESTIC, "/srv/r", 1 },
	{ "restic backup /home", 1, BK_RESTIC, "/from/env", 1 },
	{ "RESTIC_REPOSITORY=/inline restic backup /var", 1, BK_RESTIC,
	  "/inline", 1 },
	{ "restic -r $BASE/repo backup /home", 1, BK_RESTIC, "/base/repo", 1 },
	{ "restic -r ${UNKNOWN}/repo backup /home", 1, BK_RESTIC, NULL, 1 },
	{ "restic -r /srv/restic forget --keep-daily 7", 0, BK_RESTIC, NULL, 0 },
	{ "restic -r sftp:u@h:/r backup /home", 1, BK_RESTIC, "sftp:u@h:/r", 1 },
	{ "borg create --stats /srv/borg::{hostname}-{now} /home /etc", 1,
	  BK_BORG, "/srv/borg", 2 },
	{ "borg create -C zstd ::x /home", 1, BK_BORG, "/env/borg", 1 },
	{ "borg prune --keep-daily 7 /srv/borg", 0, BK_BORG, NULL, 0 },
	{ "duplicity --encrypt-key ABC /home file:///mnt/dup", 1, BK_DUPLICITY,
	  "file:///mnt/dup", 1 },
	{ "duplicity full /etc sftp://u@h/dup", 1, BK_DUPLICITY, "sftp://u@h/dup", 1 },
	{ "duplicity restore file:///mnt/dup /tmp/x", 0, BK_DUPLICITY, NULL, 0 },
	{ "duplicity collection-status file:///mnt/dup", 0, BK_DUPLICITY, NULL, 0 },
	{ "# restic -r /srv/r backup /home", 0, BK_RESTIC, NULL, 0 },
	{ "echo restore done", 0, BK_RESTIC, NULL, 0 },
};

START_TEST(command_lines)
{
	struct bk_vars v = { { 0 }, { 0 } };
	struct bk_found f;
	int r;

	bk_vars_set(&v, "RESTIC_REPOSITORY", "/from/env");
	bk_vars_set(&v, "BORG_REPO", "/env/borg");
	bk_vars_set(&v, "BASE", "/base");
	r = bk_parse_command(cmd_cases[_i].line, &v, &f);
	ck_assert_int_eq(r, cmd_cases[_i].found);
	if (r) {
		ck_assert_int_eq(f.type, cmd_cases[_i].type);
		if (cmd_cases[_i].repo == NULL)
			ck_assert_ptr_null(f.repo);
		else
			ck_assert_str_eq(f.repo, cmd_cases[_i].repo);
		ck_assert_uint_eq(f.sources.n, cmd_cases[_i].sources);
		bk_found_free(&f);
	}
	bk_vars_free(&v);
}
END_TEST

START_TEST(repo_locations)
{
	const char *local = NULL;
	char *s;

	ck_assert_int_eq(bk_repo_local(BK_RESTIC, "/srv/r", &local), 0);
	ck_assert_str_eq(local, "/srv/r");
	ck_assert_int_eq(bk_repo_local(BK_RESTIC, "local:/srv/r", &local), 0);
	ck_assert_str_eq(local, "/srv/r");
	ck_assert_int_eq(bk_repo_local(BK_RESTIC, "sftp:u@h:/r", &local), 1);
	ck_assert_int_eq(bk_repo_local(BK_RESTIC, "rest:https://h/", &local), 1);
	ck_assert_int_eq(bk_repo_local(BK_BORG, "ssh://u@h/./r", &local), 1);
	ck_assert_int_eq(bk_repo_local(BK_BORG, "u@h:r", &local), 1);
	ck_assert_int_eq(bk_repo_local(BK_BORG, "relative/r", &local), 1);
	ck_assert_int_eq(bk_repo_local(BK_DUPLICITY, "file:///mnt/d", &local), 0);
	ck_assert_str_eq(local, "/mnt/d");
	ck_assert_int_eq(bk_repo_local(BK_DUPLICITY, "/mnt/d", &local), 1);
	s = bk_redact_url("rest:https://user:s3cret@host:8000/repo");
	ck_assert_str_eq(s, "rest:https://user:***@host:8000/repo");
	free(s);
	s = bk_redact_url("sftp://user@host/x");
	ck_assert_str_eq(s, "sftp://user@host/x");
	free(s);
	s = bk_redact_url("/plain/path");
	ck_assert_str_eq(s, "/plain/path");
	free(s);
	s = bk_clean_text("a\x1b[31mb\xe3\x81\x82", 9, 8);
	ck_assert_str_eq(s, "a?[31mb");
	free(s);
}
END_TEST

START_TEST(type_names)
{
	enum bk_type t;
	int i;

	for (i = 0; i < BK_N_TYPES; i++) {
		ck_assert_int_eq(bk_type_parse(bk_type_name((enum bk_type)i), &t), 0);
		ck_assert_int_eq(t, i);
	}
	ck_assert_int_eq(bk_type_parse("rsync", &t), -EINVAL);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("backup");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, json_valid);
	tcase_add_loop_test(tc, json_invalid, 0,
	    (int)(sizeof(json_bad) / sizeof(json_bad[0])));
	tcase_add_test(tc, json_depth);
	tcase_add_loop_test(tc, time_iso, 0,
	    (int)(sizeof(iso_cases) / sizeof(iso_cases[0])));
	tcase_add_test(tc, time_compact_and_format);
	tcase_add_loop_test(tc, name_duplicity, 0,
	    (int)(sizeof(dup_cases) / sizeof(dup_cases[0])));
	tcase_add_loop_test(tc, name_vzdump, 0,
	    (int)(sizeof(vz_cases) / sizeof(vz_cases[0])));
	tcase_add_test(tc, rsnapshot_fields);
	tcase_add_test(tc, words_and_vars);
	tcase_add_loop_test(tc, command_lines, 0,
	    (int)(sizeof(cmd_cases) / sizeof(cmd_cases[0])));
	tcase_add_test(tc, repo_locations);
	tcase_add_test(tc, type_names);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
