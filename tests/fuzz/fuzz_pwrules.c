/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: password rule files (docs/password-rules.md) through
 * the password plugin's own loader (pwrules.c, pwwords.c) and, for a set
 * that loaded, the checker (pwcheck.c) on a few passwords in both of its
 * word-table modes.  The input is a rule file, optionally followed by
 * "--8<--" and a word list the rules can name as "words.txt" or
 * "$extra_word_lists".  Aborts when a loaded set breaks its own
 * invariants or a result names a rule that does not exist.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

#include "../../plugins/password/pwcheck.h"
#include "../../plugins/password/pwrules.h"
#include "../../plugins/password/pwtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct sa_config_key fz_keys[] = {
	{ "extra_word_lists", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "", "" },
	{ "organisation_names", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI, "", "" },
	{ "single_list", SA_CONFIG_PATH, NULL, 0, "", "" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static const char *const fz_passwords[] = {
	"", "a", "password", "P@ssw0rd2026", "qwerty123", "1qaz2wsx", "aaaaaaaa",
	"abcdefgh", "acme2026!", "correct horse battery staple",
	"\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86", "Tr0ub4dor&3", "zaq1xsw2cde3",
};
#define FZ_N (sizeof(fz_passwords) / sizeof(fz_passwords[0]))

static void
fz_check_results(const struct pwr_set *set, const struct pwc_result *res, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (res[i].n_hits > set->n)
			abort();
		for (j = 0; j < res[i].n_hits; j++)
			if (res[i].hits[j] >= set->n ||
			    (j > 0 && res[i].hits[j] <= res[i].hits[j - 1]) ||
			    set->v[res[i].hits[j]].disabled)
				abort();
	}
}

static void
fz_check(const struct pwr_set *set, const char *extra, size_t extra_len)
{
	const char *pw[FZ_N + 1];
	size_t len[FZ_N + 1], n = FZ_N, i;
	struct pwc_result res[FZ_N + 1];
	struct pwc_engine e;
	int pass;

	for (i = 0; i < FZ_N; i++) {
		pw[i] = fz_passwords[i];
		len[i] = strlen(pw[i]);
	}
	/* the first word of the list: a password the lists must catch */
	if (extra_len > 0 && extra_len <= PWC_MAX_BYTES &&
	    pwt_utf8_valid(extra, extra_len, NULL)) {
		pw[n] = extra;
		len[n++] = extra_len;
	}
	/* scanned for a small batch, then indexed */
	for (pass = 0; pass < 2; pass++) {
		if (pwc_init(&e, set, SA_SEV_MEDIUM) < 0)
			abort();
		if (pass == 1 && pwc_index(&e) < 0) {
			pwc_free(&e);
			return;
		}
		if (pwc_check(&e, pw, len, n, res) == 0) {
			fz_check_results(set, res, n);
			for (i = 0; i < n; i++)
				pwc_result_free(&res[i]);
		}
		pwc_free(&e);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char rules_path[4200], words_path[4200];
	static int once;
	struct fzh_config values[3];
	const char *parts[2];
	size_t lens[2], n, i, first = 0;
	struct pwr_set set;
	int r;

	if (!once) {
		pwt_init();
		fzh_setup(NULL);
		snprintf(rules_path, sizeof(rules_path), "%s/rules/fuzz.rules", fzh_root());
		snprintf(words_path, sizeof(words_path), "%s/rules/words.txt", fzh_root());
		once = 1;
	}
	fzh_reset();
	n = fzh_split(data, size, parts, lens, 2);
	fzh_put("/rules/fuzz.rules", parts[0], lens[0]);
	if (n > 1) {
		fzh_put("/rules/words.txt", parts[1], lens[1]);
		while (first < lens[1] && parts[1][first] != '\n' && parts[1][first] != '\r')
			first++;
	}
	values[0] = (struct fzh_config){ "extra_word_lists", words_path };
	values[1] = (struct fzh_config){ "organisation_names", "acme" };
	values[2] = (struct fzh_config){ NULL, NULL };
	fzh_config(values);

	pwr_init(&set, &fzh_host, fzh_ctx, fz_keys);
	r = pwr_load_file(&set, rules_path);
	if (r == 0)
		r = pwr_finish(&set);
	if (r == 0) {
		for (i = 0; i < set.n; i++)
			if (set.v[i].id == NULL || set.v[i].file == NULL ||
			    pwr_find(&set, set.v[i].id) == NULL ||
			    (set.v[i].kind == PWR_PATTERN && set.v[i].rx == NULL))
				abort();
		if (set.n > 0 && pwr_disable(&set, set.v[0].id) != 0)
			abort();
		if (pwr_disable(&set, "no such rule id") != -ENOENT)
			abort();
		fz_check(&set, n > 1 ? parts[1] : NULL, first);
	} else if (r > 0)
		abort();
	pwr_free(&set);
	return 0;
}
