/* SPDX-License-Identifier: MIT */
/*
 * json: the writer's escaping (quotes, backslashes, control characters,
 * invalid UTF-8 as literal \xHH text, U+2028/2029), and that what it
 * writes, a whole report included, parses with Python's json module and
 * validates against docs/report-schema.json.
 */
#include "config.h"

#include <limits.h>
#include <sys/wait.h>

#include "json.h"
#include "report.h"
#include "unit.h"

#define SHIPPED SA_ABS_SRCDIR "/rules/guideline-3.0.catalog"
#define SCHEMA SA_ABS_SRCDIR "/docs/report-schema.json"

static const struct {
	const char *in;
	const char *out;	/* exact JSON literal */
} escape_cases[] = {
	{ "", "\"\"" },
	{ "plain", "\"plain\"" },
	{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
	{ "C:\\dir\\", "\"C:\\\\dir\\\\\"" },
	{ "a\nb\tc\rd", "\"a\\nb\\tc\\rd\"" },
	{ "\x01\x02\x1f", "\"\\u0001\\u0002\\u001f\"" },
	{ "\x1b[31mred", "\"\\u001b[31mred\"" },
	{ "del\x7f", "\"del\\u007f\"" },
	{ "/slash/", "\"/slash/\"" },
	{ "日本語", "\"日本語\"" },
	{ "é😀", "\"é😀\"" },
	/* bytes that are not UTF-8 become visible \xHH text */
	{ "\xff", "\"\\\\xff\"" },
	{ "a\xfe" "b", "\"a\\\\xfeb\"" },
	{ "\xc0\xaf", "\"\\\\xc0\\\\xaf\"" },		/* overlong '/' */
	{ "\xed\xa0\x80", "\"\\\\xed\\\\xa0\\\\x80\"" },	/* surrogate */
	{ "\xe3\x81", "\"\\\\xe3\\\\x81\"" },		/* truncated */
	{ "\xf4\x90\x80\x80", "\"\\\\xf4\\\\x90\\\\x80\\\\x80\"" },
	{ "x\x80y", "\"x\\\\x80y\"" },
	/* line and paragraph separators end lines in JavaScript */
	{ "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "\"a\\u2028b\\u2029c\"" },
	{ "\xe2\x80\xa7", "\"\xe2\x80\xa7\"" },		/* U+2027 stays */
};

START_TEST(test_escape)
{
	struct sbuf sb;

	sb_init(&sb);
	jw_escape(&sb, escape_cases[_i].in);
	ck_assert_str_eq(sb.data, escape_cases[_i].out);
	ck_assert(ut_utf8_valid(sb.data, sb.len, NULL));
	sb_free(&sb);
}
END_TEST

/*
 * Run python3 on a file: mode "decode" prints the string the JSON holds
 * (UTF-8); "canon" prints the document re-serialised with sorted keys;
 * "schema" validates it against the report schema.  Returns the exit
 * status, output in *out.
 */
static int
python(const char *mode, const char *path, struct sbuf *out)
{
	static const char prog[] =
	    "import json,sys\n"
	    "mode, path = sys.argv[1], sys.argv[2]\n"
	    "raw = open(path, 'rb').read()\n"
	    "d = json.loads(raw.decode('utf-8', 'strict'))\n"
	    "if mode == 'decode':\n"
	    "    sys.stdout.buffer.write(d.encode('utf-8'))\n"
	    "elif mode == 'canon':\n"
	    "    sys.stdout.write(json.dumps(d, sort_keys=True, ensure_ascii=True))\n"
	    "else:\n"
	    "    import jsonschema\n"
	    "    jsonschema.validate(d, json.load(open(sys.argv[3])))\n";
	char *cmd, *progpath, *dir = unit_tmpdir(), buf[4096];
	FILE *p;
	size_t n;
	int status;

	progpath = unit_write(dir, "check.py", prog);
	cmd = xasprintf("python3 %s %s %s %s", progpath, mode, path, SCHEMA);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	sb_init(out);
	sb_adds(out, "");
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		sb_add(out, buf, n);
	status = pclose(p);
	unlink(progpath);
	rmdir(dir);
	free(progpath);
	free(cmd);
	free(dir);
	ck_assert_msg(WIFEXITED(status), "python3 did not run");
	return WEXITSTATUS(status);
}

/* What a parser reads back: the input, with broken bytes as \xHH text. */
START_TEST(test_escape_roundtrip)
{
	struct sbuf sb, got, want;
	char *dir = unit_tmpdir(), *path;
	const unsigned char *p = (const unsigned char *)escape_cases[_i].in;
	size_t i = 0, n = strlen(escape_cases[_i].in), k;

	sb_init(&sb);
	jw_escape(&sb, escape_cases[_i].in);
	path = unit_write(dir, "s.json", sb.data);
	ck_assert_int_eq(python("decode", path, &got), 0);
	sb_init(&want);
	sb_adds(&want, "");
	while (i < n) {
		k = ut_utf8_seq(p + i, n - i);
		if (k == 0) {
			sb_printf(&want, "\\x%02x", p[i]);
			i++;
		} else {
			sb_add(&want, p + i, k);
			i += k;
		}
	}
	ck_assert_uint_eq(got.len, want.len);
	ck_assert_int_eq(memcmp(got.data, want.data, want.len), 0);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	sb_free(&sb);
	sb_free(&got);
	sb_free(&want);
}
END_TEST

static char *
write_doc(int pretty, const char *dir)
{
	char *path = xasprintf("%s/doc-%d.json", dir, pretty);
	FILE *f = fopen(path, "w");
	struct jw w;

	ck_assert_ptr_nonnull(f);
	jw_init(&w, f, pretty);
	jw_object(&w, NULL);
	jw_string(&w, "s", "x\"y");
	jw_string(&w, "key \"quoted\"\n\xff", "v");
	jw_string(&w, "null", NULL);
	jw_int(&w, "min", LLONG_MIN);
	jw_int(&w, "max", LLONG_MAX);
	jw_bool(&w, "t", 1);
	jw_bool(&w, "f", 0);
	jw_null(&w, "n");
	jw_array(&w, "empty_array");
	jw_end(&w, ']');
	jw_object(&w, "empty_object");
	jw_end(&w, '}');
	jw_array(&w, "mixed");
	jw_int(&w, NULL, 1);
	jw_string(&w, NULL, "two");
	jw_object(&w, NULL);
	jw_array(&w, "deep");
	jw_array(&w, NULL);
	jw_bool(&w, NULL, 0);
	jw_end(&w, ']');
	jw_end(&w, ']');
	jw_end(&w, '}');
	jw_null(&w, NULL);
	jw_end(&w, ']');
	jw_end(&w, '}');
	jw_finish(&w);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

START_TEST(test_writer)
{
	static const char want[] =
	    "{\"empty_array\": [], \"empty_object\": {}, \"f\": false, "
	    "\"key \\\"quoted\\\"\\n\\\\xff\": \"v\", "
	    "\"max\": 9223372036854775807, \"min\": -9223372036854775808, "
	    "\"mixed\": [1, \"two\", {\"deep\": [[false]]}, null], \"n\": null, "
	    "\"null\": null, \"s\": \"x\\\"y\", \"t\": true}";
	struct sbuf got;
	char *dir = unit_tmpdir(), *path;
	int pretty;

	for (pretty = 0; pretty <= 1; pretty++) {
		path = write_doc(pretty, dir);
		ck_assert_int_eq(python("canon", path, &got), 0);
		ck_assert_str_eq(got.data, want);
		sb_free(&got);
		unlink(path);
		free(path);
	}
	rmdir(dir);
	free(dir);
}
END_TEST

/* A whole report full of hostile strings parses and meets the schema. */
START_TEST(test_report)
{
	static const struct sa_check chk = {
		"hostile", 4, 10, SA_SEV_HIGH, "Title \"q\" \x01", "題\xff",
		"Fix\u2028it", NULL
	};
	static const unsigned char items[64] = { [4] = 1 };
	static const unsigned char cloud[64] = { [10] = 1 };
	struct catalog cat;
	struct answers ans;
	struct fnd_store store;
	struct fnd_finding *f;
	struct score sc;
	struct report rep;
	struct rep_plugin plugins[2];
	struct sbuf err, out;
	char *dir = unit_tmpdir(), *path;
	const char *text;
	FILE *fp;
	int lang;

	sb_init(&err);
	ck_assert_msg(cat_load(&cat, SHIPPED, &err) == 0, "%s", err.data);
	ans_init(&ans);
	text = "[organization]\nname = Bad \\ \"co\" \x01\x7f\n[diagnosis]\n1 = 4\n"
	    "note.1 = line two \x1b[2J\n[service.mail]\n1 = yes\n";
	ck_assert_msg(ans_load_buffer(&ans, &cat, "a.ini", text, strlen(text), &err) == 0,
	    "%s", err.data);
	fnd_init(&store, 10);
	f = fnd_get(&store, "evil", &chk, SA_LEVEL_NOT);
	fnd_add(f, &store, "/srv/\xff\xfe\n<script>\"", "password=hunter2 \x1b[2J",
	    "detail\xed\xa0\x80", NULL, SA_SEV_CRITICAL);
	fnd_add(f, &store, "/srv/ok", NULL, NULL, NULL, 0);
	f = fnd_get(&store, "evil", &chk, SA_LEVEL_IMPLEMENTED);
	fnd_add(f, &store, NULL, NULL, NULL, NULL, 0);
	score_compute(&sc, &cat, &store, &ans, NULL, NULL);

	memset(plugins, 0, sizeof(plugins));
	plugins[0].name = "evil";
	plugins[0].version = "1.0\xff";
	plugins[0].status = "ok";
	plugins[0].duration_ms = 12;
	plugins[0].items = items;
	plugins[0].cloud = cloud;
	plugins[1].name = "broken";
	plugins[1].version = NULL;
	plugins[1].status = "crashed";
	plugins[1].reason = "crashed: killed by signal 11 (Segmentation fault)\n\x01";
	memset(&rep, 0, sizeof(rep));
	rep.tool_version = "0.1.0";
	rep.pcre2_version = "10.42 2022-12-11";
	rep.hostname = "host\xff\"name";
	rep.root = "/mnt/\x01image";
	rep.generated_at = 1795685415;
	rep.evaluated_at = 1795685415;
	rep.cat = &cat;
	rep.ans = &ans;
	rep.score = &sc;
	rep.store = &store;
	rep.plugins = plugins;
	rep.n_plugins = 2;
	rep.complete = 0;
	for (lang = 0; lang < 2; lang++) {
		rep.lang = lang ? "ja" : "en";
		path = xasprintf("%s/report-%s.json", dir, rep.lang);
		fp = fopen(path, "w");
		ck_assert_ptr_nonnull(fp);
		ck_assert_int_ge(rep_write_json(&rep, fp), 0);
		ck_assert_int_eq(fclose(fp), 0);
		ck_assert_msg(python("schema", path, &out) == 0, "%s does not validate", path);
		sb_free(&out);
		ck_assert_int_eq(python("canon", path, &out), 0);
		/* the hostile bytes are there, escaped, and the password is not */
		ck_assert_ptr_nonnull(strstr(out.data, "\"host\\\\xff\\\"name\""));
		ck_assert_ptr_nonnull(strstr(out.data,
		    "\"/srv/\\\\xff\\\\xfe\\n<script>\\\"\""));
		ck_assert_ptr_nonnull(strstr(out.data, "\"schema\": \"smeaudit-report/1\""));
		ck_assert_ptr_null(strstr(out.data, "hunter2"));
		sb_free(&out);
		unlink(path);
		free(path);
	}
	score_free(&sc);
	fnd_free(&store);
	ans_free(&ans);
	cat_free(&cat);
	sb_free(&err);
	rmdir(dir);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");

	tcase_add_loop_test(tc, test_escape, 0, (int)UT_ARRAY_LEN(escape_cases));
	tcase_add_loop_test(tc, test_escape_roundtrip, 0, (int)UT_ARRAY_LEN(escape_cases));
	tcase_add_test(tc, test_writer);
	tcase_add_test(tc, test_report);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
