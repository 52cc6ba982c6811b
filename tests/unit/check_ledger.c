/* SPDX-License-Identifier: MIT */
/* The risk-analysis ledger: scales, CSV and record files, encodings, errors. */
#include "config.h"

#include "unit.h"

#include "ledger.h"

static struct ldg_scale scale;

static void
setup(void)
{
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(ldg_scale_load(&scale, SA_ABS_SRCDIR "/rules/risk-3.0.rules",
	    &err) == 0, "%s", err.data);
	sb_free(&err);
}

static void
teardown(void)
{
	ldg_scale_free(&scale);
}

static int
load(struct ldg_ledger *l, const char *name, const char *data, size_t len,
    struct sbuf *err)
{
	return ldg_load_buffer(l, &scale, name, data, len, err);
}

static const struct ldg_asset *
find(const struct ldg_ledger *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].text[LDG_ASSET], name) == 0)
			return &l->v[i];
	ck_abort_msg("no asset %s", name);
	return NULL;
}

/* The guideline's threat x vulnerability table, rows threat 3, 2, 1. */
START_TEST(test_likelihood_table)
{
	static const int want[4][4] = {
		[3] = { 0, 1, 2, 3 },
		[2] = { 0, 1, 1, 2 },
		[1] = { 0, 1, 1, 1 },
	};
	int t, v;

	for (t = 1; t <= 3; t++)
		for (v = 1; v <= 3; v++)
			ck_assert_msg(scale.likelihood[t][v] == want[t][v],
			    "threat %d vulnerability %d: %d", t, v, scale.likelihood[t][v]);
	ck_assert_int_eq(scale.cia_min, 0);
	ck_assert_int_eq(scale.cia_max, 2);
	ck_assert_uint_eq(scale.n_bands, 3);
	ck_assert_str_eq(scale.bands[0].id, "large");
	ck_assert_int_eq(scale.bands[0].min, 4);
	ck_assert_int_eq(scale.bands[0].max, 6);
	ck_assert(scale.bands[0].needs_treatment);
	ck_assert_str_eq(scale.bands[0].label.ja, "大");
	ck_assert_str_eq(scale.bands[1].id, "medium");
	ck_assert_str_eq(scale.bands[2].id, "small");
	ck_assert_int_eq(scale.bands[2].max, 0);
}
END_TEST

/* The seed's worked example and its ledger rows. */
START_TEST(test_seed_examples)
{
	static const char csv[] =
	    "業務分類,情報資産名称,備考,個人情報,要配慮個人情報,マイナンバー,機密性,完全性,可用性,脅威,脆弱性,対策\n"
	    "人事,社員名簿,社員基本情報,有,,,2,0,0,2,2,低減\n"
	    "人事,健康診断の結果,雇入時・定期,,有,,2,2,1,1,1,保有\n"
	    "経理,当社宛請求書,原本,,,,1,1,1,2,3,\n"
	    "営業,ECサイトの顧客DB,Webサーバ内 SQLインジェクション未対策,有,,,2,1,1,3,3,\n";
	struct ldg_ledger l;
	struct sbuf err;
	const struct ldg_asset *a;

	sb_init(&err);
	ck_assert_msg(load(&l, "seed.csv", csv, strlen(csv), &err) == 0, "%s", err.data);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(l.format, "csv");
	ck_assert_str_eq(l.encoding, "UTF-8");
	a = find(&l, "ECサイトの顧客DB");
	ck_assert_int_eq(a->importance, 2);
	ck_assert_int_eq(a->likelihood, 3);
	ck_assert_int_eq(a->risk, 6);
	ck_assert_str_eq(a->band->id, "large");
	ck_assert_ptr_null(a->treatment);
	ck_assert(ldg_untreated(a));
	ck_assert_int_eq(a->personal, 1);
	ck_assert_uint_eq(a->line, 5);
	a = find(&l, "社員名簿");
	ck_assert_int_eq(a->importance, 2);
	ck_assert_int_eq(a->likelihood, 1);
	ck_assert_int_eq(a->risk, 2);
	ck_assert_str_eq(a->band->id, "medium");
	ck_assert_str_eq(a->treatment->id, "reduce");
	a = find(&l, "健康診断の結果");
	ck_assert_int_eq(a->importance, 2);
	ck_assert_int_eq(a->sensitive_personal, 1);
	ck_assert_int_eq(a->personal, 0);
	ck_assert_str_eq(a->treatment->id, "retain");
	a = find(&l, "当社宛請求書");
	ck_assert_int_eq(a->importance, 1);
	ck_assert_int_eq(a->likelihood, 2);
	ck_assert_int_eq(a->risk, 2);
	ck_assert(!ldg_untreated(a));
	ldg_sort(&l);
	ck_assert_str_eq(l.v[0].text[LDG_ASSET], "ECサイトの顧客DB");
	/* equal risk: higher importance first, then the ledger's order */
	ck_assert_str_eq(l.v[1].text[LDG_ASSET], "社員名簿");
	ck_assert_str_eq(l.v[2].text[LDG_ASSET], "健康診断の結果");
	ck_assert_str_eq(l.v[3].text[LDG_ASSET], "当社宛請求書");
	ldg_free(&l);
	sb_free(&err);
}
END_TEST

/* What Excel and people really write. */
START_TEST(test_csv_shapes)
{
	static const char csv[] =
	    "\xef\xbb\xbf" "社内資産台帳 2026年度,,,\r\n"
	    ",,,\r\n"
	    "Vulnerability,THREAT,Asset,Confidentiality,Integrity,Availability,"
	    "\"Sensitive personal\",my-number,担当者メモ,\"個人\n情報\"\r\n"
	    "1,1,\"顧客名簿, 2025年\",2,1,0,,○,\"彼は\"\"至急\"\"と\",有\r\n"
	    ",,,,,,,,,\r\n"
	    "３,２,\"複数行\nの名前\",１,１,１,,,,\r\n";
	static const char tsv[] =
	    "asset\tconfidentiality\tintegrity\tavailability\tthreat\tvulnerability\n"
	    "db\t2\t2\t2\t3\t3\n";
	struct ldg_ledger l;
	struct sbuf err;
	const struct ldg_asset *a;

	sb_init(&err);
	ck_assert_msg(load(&l, "x.csv", csv, strlen(csv), &err) == 0, "%s", err.data);
	ck_assert_uint_eq(l.n, 2);
	a = &l.v[0];
	ck_assert_str_eq(a->text[LDG_ASSET], "顧客名簿, 2025年");
	ck_assert_uint_eq(a->line, 5);
	ck_assert_int_eq(a->my_number, 1);
	ck_assert_int_eq(a->personal, 1);
	ck_assert_int_eq(a->importance, 2);
	ck_assert_int_eq(a->risk, 2);
	ck_assert_uint_eq(a->n_extra, 1);
	ck_assert_str_eq(a->extra[0].name, "担当者メモ");
	ck_assert_str_eq(a->extra[0].value, "彼は\"至急\"と");
	a = &l.v[1];
	/* the row after a blank one, with a two-line cell and full-width digits */
	ck_assert_uint_eq(a->line, 7);
	ck_assert_str_eq(a->text[LDG_ASSET], "複数行 の名前");
	ck_assert_int_eq(a->vulnerability, 3);
	ck_assert_int_eq(a->threat, 2);
	ck_assert_int_eq(a->likelihood, 2);
	ck_assert_int_eq(a->risk, 2);
	ldg_free(&l);

	/* tab-separated */
	ck_assert_msg(load(&l, "x.tsv", tsv, strlen(tsv), &err) == 0, "%s", err.data);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].risk, 6);
	ldg_free(&l);

	/* only the header: an empty ledger is a ledger */
	ck_assert_int_eq(load(&l, "e.csv", "asset,confidentiality,integrity,availability,threat,vulnerability\n",
	    66, &err), 0);
	ck_assert_uint_eq(l.n, 0);
	ldg_free(&l);
	sb_free(&err);
}
END_TEST

START_TEST(test_cp932)
{
	/* 顧客 (CP932 8c da 8b 71), a half-width katakana ｶ (b6) */
	static const char csv[] =
	    "asset,confidentiality,integrity,availability,threat,vulnerability,location\r\n"
	    "\x8c\xda\x8b\x71,2,2,2,3,2,\xb6\r\n";
	struct ldg_ledger l;
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(load(&l, "sj.csv", csv, sizeof(csv) - 1, &err) == 0, "%s", err.data);
	ck_assert_str_eq(l.encoding, "CP932");
	ck_assert_str_eq(l.v[0].text[LDG_ASSET], "顧客");
	ck_assert_str_eq(l.v[0].text[LDG_LOCATION], "ｶ");
	ck_assert_int_eq(l.v[0].risk, 4);
	ldg_free(&l);
	sb_free(&err);
}
END_TEST

#define HDR "asset,confidentiality,integrity,availability,threat,vulnerability"

static const struct {
	const char *data;
	size_t len;		/* 0: strlen */
	const char *error;
} bad[] = {
	{ HDR ",personal\nok,1,1,1,1,1,\nx,3,0,0,1,1,\n", 0,
	  "b.csv:3: confidentiality is \"3\"; expected a whole number 0-2" },
	{ HDR "\nx,1,-1,0,1,1\n", 0, "b.csv:2: integrity is \"-1\"; expected a whole number 0-2" },
	{ HDR "\nx,1,1,high,1,1\n", 0, "b.csv:2: availability is \"high\"; expected" },
	{ HDR "\nx,1,1,,1,1\n", 0, "b.csv:2: availability is \"\"; expected" },
	{ HDR "\nx,1,1,1,4,1\n", 0, "b.csv:2: threat is \"4\"; expected a whole number 1-3" },
	{ HDR "\nx,1,1,1,1,0\n", 0, "b.csv:2: vulnerability is \"0\"; expected a whole number 1-3" },
	{ HDR "\nx,1,1,1,1\n", 0, "b.csv:2: vulnerability is \"\"" },
	{ "情報資産名称,機密性,完全性,可用性,脅威\nx,1,1,1,1\n", 0,
	  "b.csv:1: the header lacks the column 脆弱性 (vulnerability)" },
	{ "title\n\n資産,機密性\n", 0, "b.csv:3: the header lacks the column 情報資産名称 (asset)" },
	{ "a,b,c\n1,2,3\n", 0, "b.csv:1: no header row" },
	{ HDR ",機密性\nx,1,1,1,1,1,1\n", 0, "b.csv:1: the column 機密性 appears twice (columns 2 and 7)" },
	{ HDR "\nx,1,1,1,1,1\n\"y,1,1,1,1,1\nz,1,1,1,1,1\n", 0,
	  "b.csv:3: a quoted cell is never closed" },
	{ HDR "\n\"x\"y,1,1,1,1,1\n", 0, "b.csv:2: text after the closing quote" },
	{ HDR "\nx,1,1,1,1,1\ny,1,1,1,1,1\n\x80z,1,1,1,1,1\n", 0,
	  "b.csv:4: neither UTF-8 nor CP932 (Shift_JIS) text" },
	{ "情報資産名称,機密性,完全性,可用性,脅威,脆弱性\nx,1,1,1,1,1\n\xff,1\n", 0,
	  "b.csv:3: invalid UTF-8 (the text before it is UTF-8)" },
	{ "\xff\xfe" "a\0s\0", 6, "b.csv:1: UTF-16 text" },
	{ "PK\003\004rest of a zip", 0, "b.csv:1: a spreadsheet workbook" },
	{ HDR "\nx,1,1,1,1,1\ny\0,1", sizeof(HDR) + 16, "b.csv:3: NUL byte" },
	{ "\xef\xbb\xbf" HDR "\nx\xff,1,1,1,1,1\n", 0, "b.csv:2: invalid UTF-8 after a UTF-8 byte-order mark" },
	{ HDR ",personal\nx,1,1,1,1,1,maybe\n", 0,
	  "b.csv:2: personal is \"maybe\"; mark it 有 or yes, or leave it empty" },
	{ HDR ",treatment\nx,1,1,1,1,1,ignore it\n", 0,
	  "b.csv:2: treatment is \"ignore it\"; expected one of 低減/reduce, 保有/retain, 回避/avoid, 移転/transfer, or empty" },
	{ HDR "\n,1,1,1,1,1\n", 0, "b.csv:2: asset is empty" },
	/* a quoted line break or tab in a cell stays out of the one-line message */
	{ HDR "\nx,\"1\n2\",1,1,1,1\n", 0,
	  "b.csv:2: confidentiality is \"1\\n2\"; expected a whole number 0-2" },
	{ HDR ",personal\nx,1,1,1,1,1,\"may\tbe\r\"\n", 0,
	  "b.csv:2: personal is \"may\\x09be\\r\"; mark it" },
	{ HDR "\nx,1,1,1,1,1,,extra\n", 0, "b.csv:2: cell 8 is beyond the 6 columns" },
	{ "# ledger\n[asset db]\nconfidentiality = 2\nintegrity = 2\navailability = 2\nthreat = 3\n", 0,
	  "b.ini:2: [asset db] lacks the column 脆弱性 (vulnerability)" },
	{ "[asset db]\nconfidentiality = 2\nintegrity = 2\navailability = 2\nthreat = 3\nvulnerability = 5\n", 0,
	  "b.ini:6: vulnerability is \"5\"" },
	{ "[asset db]\nconfidentiality = 2\nConfidentiality = 1\n", 0,
	  "b.ini:3: confidentiality is given twice (as Confidentiality)" },
	{ "[db]\n", 0, "b.ini:1: expected [asset ID]" },
	{ "asset,confidentiality\n", 0, "b.ini:1: expected" },
};

START_TEST(test_errors)
{
	struct ldg_ledger l;
	struct sbuf err;
	size_t len = bad[_i].len != 0 ? bad[_i].len : strlen(bad[_i].data);
	/* the record-file cases are named .ini, the extension picks the reader */
	const char *name = strncmp(bad[_i].error, "b.ini", 5) == 0 ? "b.ini" : "b.csv";

	sb_init(&err);
	ck_assert_int_lt(load(&l, name, bad[_i].data, len, &err), 0);
	ck_assert_msg(strncmp(err.data, bad[_i].error, strlen(bad[_i].error)) == 0,
	    "case %d: got \"%s\", want \"%s...\"", _i, err.data, bad[_i].error);
	ck_assert_ptr_null(strchr(err.data, '\n'));
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.v);
	sb_free(&err);
}
END_TEST

START_TEST(test_records)
{
	static const char text[] =
	    "# the EC site\n"
	    "[asset ec-db]\n"
	    "asset = ECサイトの顧客DB\n"
	    "location = Webサーバ\n"
	    "personal = yes\n"
	    "confidentiality = 2\nintegrity = 2\navailability = 1\n"
	    "threat = 3\nvulnerability = 3\n"
	    "treatment = 低減\n"
	    "reviewed_by = 山田\n"
	    "\n[asset invoices]\n"
	    "confidentiality = 1\nintegrity = 1\navailability = 1\nthreat = 1\nvulnerability = 1\n";
	struct ldg_ledger l;
	struct sbuf err;

	sb_init(&err);
	ck_assert_msg(load(&l, "ledger.ini", text, strlen(text), &err) == 0, "%s", err.data);
	ck_assert_str_eq(l.format, "ini");
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].text[LDG_ASSET], "ECサイトの顧客DB");
	ck_assert_uint_eq(l.v[0].line, 2);
	ck_assert_int_eq(l.v[0].risk, 6);
	ck_assert_str_eq(l.v[0].treatment->id, "reduce");
	ck_assert_uint_eq(l.v[0].n_extra, 1);
	ck_assert_str_eq(l.v[0].extra[0].name, "reviewed_by");
	/* no name: the record's id stands for it */
	ck_assert_str_eq(l.v[1].text[LDG_ASSET], "invoices");
	ck_assert_int_eq(l.v[1].risk, 1);
	ldg_free(&l);
	sb_free(&err);
}
END_TEST

START_TEST(test_bad_scales)
{
	static const struct {
		const char *text;
		const char *error;
	} cases[] = {
		{ "[scale]\ncia = 0-2\nthreat = 1-2\nvulnerability = 1-2\n"
		  "[likelihood 1]\n1 = 1\n2 = 1\n[likelihood 2]\n1 = 1\n"
		  "[band all]\nrisk = 0-4\nlabel.en = all\n",
		  "no likelihood for threat 2 and vulnerability 2" },
		{ "[scale]\ncia = 0-2\nthreat = 1-1\nvulnerability = 1-1\n"
		  "[likelihood 1]\n1 = 2\n[band low]\nrisk = 0-2\nlabel.en = low\n"
		  "[band high]\nrisk = 2-4\nlabel.en = high\n",
		  "risk 2 falls in 2 bands" },
		{ "[scale]\ncia = 0-2\nthreat = 1-1\nvulnerability = 1-1\n"
		  "[likelihood 1]\n1 = 2\n[band low]\nrisk = 0-2\nlabel.en = low\n",
		  "risk 3 falls in 0 bands" },
		{ "[scale]\ncia = 0-x\n", ":2: cia must be a range" },
	};
	struct ldg_scale s;
	struct sbuf err;
	char *dir = unit_tmpdir(), *path;
	size_t i;

	sb_init(&err);
	for (i = 0; i < UT_ARRAY_LEN(cases); i++) {
		path = unit_write(dir, "s.rules", cases[i].text);
		ck_assert_int_lt(ldg_scale_load(&s, path, &err), 0);
		ck_assert_msg(strstr(err.data, cases[i].error) != NULL,
		    "case %zu: %s", i, err.data);
		ck_assert_msg(strncmp(err.data, path, strlen(path)) == 0, "%s", err.data);
		unlink(path);
		free(path);
	}
	rmdir(dir);
	free(dir);
	sb_free(&err);
}
END_TEST

static unsigned int
next_random(unsigned int *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/*
 * Mangled ledgers never crash the reader and fail with one FILE:LINE
 * line; whatever is accepted is computed by the rules.
 */
START_TEST(test_mutations)
{
	static const char seeds[][200] = {
	    "業務分類,情報資産名称,個人情報,機密性,完全性,可用性,脅威,脆弱性,対策\r\n"
	    "営業,\"顧客\"\"DB\"\"\",有,2,1,0,3,3,低減\r\n経理,請求書,,1,1,1,2,2,\r\n",
	    "[asset a]\nconfidentiality = 2\nintegrity = 1\navailability = 0\n"
	    "threat = 3\nvulnerability = 2\n[asset b]\nconfidentiality = 1\n"
	    "integrity = 1\navailability = 1\nthreat = 1\nvulnerability = 1\n",
	};
	static const char bytes[] = "\",\n\r[]=0123\x82\xa0\xff\xe6 ";
	struct ldg_ledger l;
	struct sbuf text, err;
	unsigned int state = 7, i, accepted = 0;
	size_t at, n, k;
	const char *name;

	sb_init(&text);
	sb_init(&err);
	for (i = 0; i < 4000; i++) {
		name = i % 2 == 0 ? "m.csv" : "m.ini";
		sb_reset(&text);
		sb_adds(&text, seeds[i % 2]);
		for (n = 1 + next_random(&state) % 3; n > 0 && text.len > 0; n--) {
			at = next_random(&state) % text.len;
			if (next_random(&state) % 2)
				text.data[at] = bytes[next_random(&state) % (sizeof(bytes) - 1)];
			else {
				memmove(text.data + at, text.data + at + 1, text.len - at);
				text.len--;
			}
		}
		if (ldg_load_buffer(&l, &scale, name, text.data, text.len, &err) < 0) {
			ck_assert_msg(strncmp(err.data, name, 5) == 0 && err.data[5] == ':',
			    "%s", err.data);
			ck_assert_ptr_null(strchr(err.data, '\n'));
			continue;
		}
		accepted++;
		for (k = 0; k < l.n; k++) {
			ck_assert_int_eq(l.v[k].risk, l.v[k].importance * l.v[k].likelihood);
			ck_assert_ptr_nonnull(l.v[k].band);
		}
		ldg_free(&l);
	}
	ck_assert_uint_gt(accepted, 100);
	sb_free(&text);
	sb_free(&err);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("ledger");
	TCase *tc = tcase_create("ledger");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_likelihood_table);
	tcase_add_test(tc, test_seed_examples);
	tcase_add_test(tc, test_csv_shapes);
	tcase_add_test(tc, test_cp932);
	tcase_add_loop_test(tc, test_errors, 0, (int)UT_ARRAY_LEN(bad));
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_bad_scales);
	tcase_add_test(tc, test_mutations);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
