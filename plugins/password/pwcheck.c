/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/tr.h"
#include "pwcheck.h"
#include "pwtext.h"

#define PWC_LETTER (PWT_LOWER | PWT_UPPER | PWT_OTHER)

/* One password being checked, and everything the rules ask about it. */
struct pwc_pass {
	char text[PWC_MAX_BYTES];	/* narrowed (pwt_narrow) */
	char fold[PWC_MAX_BYTES];	/* folded text */
	size_t len;
	size_t chars;
	unsigned int classes;
	unsigned int digits;
	unsigned int unique;	/* distinct bytes */
	unsigned int run;	/* longest run of one character */
	unsigned int seq;	/* longest run in alphabet or digit order */
	unsigned int walk;	/* longest run of neighbouring keys */
	unsigned int repeats;	/* the text is one piece this many times; 0: not known yet */
	int bare;		/* no letter at all */
	size_t base_off, base_len;	/* 0 length: nothing was stripped */
	/* the same, keeping padding that reads as a letter: t4r0! -> t4r0 */
	size_t leet_off, leet_len;
	size_t split_off, split_len;	/* what two-word splits cut; 0: none */
	size_t sep;		/* offset of the one separator in it, or 0 */
};

int
pwc_init(struct pwc_engine *e, const struct pwr_set *rules, int weak_severity)
{
	size_t i;

	memset(e, 0, sizeof(*e));
	pwt_init();
	e->rules = rules;
	e->weak_severity = weak_severity;
	if ((e->gave_up = calloc(rules->n + 1, sizeof(*e->gave_up))) == NULL)
		return -ENOMEM;
	for (i = 0; i < rules->n; i++) {
		const struct pwr_rule *r = &rules->v[i];

		if (r->kind != PWR_WORDS || r->disabled)
			continue;
		if (r->strip)
			e->strippable |= 1u << r->list;
		if (r->combine)
			e->combinable |= 1u << r->list;
	}
	return 0;
}

void
pwc_free(struct pwc_engine *e)
{
	if (e->indexed)
		pww_free(&e->index);
	free(e->gave_up);
	memset(e, 0, sizeof(*e));
}

void
pwc_result_free(struct pwc_result *res)
{
	if (res->hits != res->inline_hits)
		free(res->hits);
	res->hits = NULL;
	res->n_hits = 0;
}

static int
pwc_is_sep(unsigned char c)
{
	return c == '-' || c == '_' || c == '.' || c == ' ';
}

/* The part of the folded text two-word splits may cut: letters only. */
static void
pwc_split_region(struct pwc_pass *p, size_t off, size_t len)
{
	size_t i, sep = 0;
	unsigned char c;

	if (len < 2 * PWC_MIN_PART || len > PWC_MAX_SPLIT)
		return;
	for (i = 0; i < len; i++) {
		c = (unsigned char)p->fold[off + i];
		if ((c >= 'a' && c <= 'z') || c >= 0x80)
			continue;
		/* "yamada.hanako": one separator, not at either end */
		if (pwc_is_sep(c) && sep == 0 && i > 0 && i + 1 < len) {
			sep = i;
			continue;
		}
		return;
	}
	p->split_off = off;
	p->split_len = len;
	p->sep = sep;
}

/*
 * The walk after one more key: a keyboard walk keeps its sideways
 * direction (qwer, 1q2w3e, poiu); "were" turns back and is no walk.
 */
static unsigned int
pwc_walk(unsigned int walk, int *wdir, int step)
{
	int d = step - 2;

	if (step == 0) {
		*wdir = 0;
		return 1;
	}
	if (d != 0 && *wdir != 0 && d != *wdir) {
		*wdir = d;
		return 2;
	}
	if (d != 0)
		*wdir = d;
	return walk + 1;
}

/* A digit that stands for a letter (0 for o, 4 for a), not a symbol. */
static int
pwc_leet_digit(const struct pwc_pass *p, size_t i)
{
	return p->text[i] >= '0' && p->text[i] <= '9' &&
	    p->fold[i] >= 'a' && p->fold[i] <= 'z';
}

/* Everything in one pass over the password. */
static void
pwc_prepare(struct pwc_pass *p, const char *pw, size_t len)
{
	uint64_t seen[4] = { 0, 0, 0, 0 };
	const unsigned char *t;
	size_t i, lead, trail, el, er, prev = 0, prev_len = 0, cur_len, run = 1;
	unsigned int cls, seq = 1, walk = 1, high = 0;
	unsigned char c;
	int step, dir = 0, wdir = 0;

	memcpy(p->text, pw, len);
	t = (const unsigned char *)p->text;
	for (i = 0; i < len; i++)
		high |= t[i];
	/* fullwidth forms start with 0xe3 or 0xef: plain ASCII skips the rewrite */
	p->len = high >= 0xe3 ? pwt_narrow(p->text, len) : len;
	p->classes = 0;
	p->digits = 0;
	p->unique = 0;
	p->run = p->seq = p->walk = p->len > 0;
	p->repeats = 0;
	if (high < 0x80) {
		/* ASCII, the common case: a byte is a character */
		p->chars = p->len;
		for (i = 0; i < p->len; i++) {
			c = t[i];
			cls = pwt_class_of[c];
			p->classes |= cls;
			p->digits += cls == PWT_DIGIT;
			p->fold[i] = (char)pwt_fold_of[c];
			if (!(seen[c >> 6] >> (c & 63) & 1)) {
				seen[c >> 6] |= 1ull << (c & 63);
				p->unique++;
			}
			if (i == 0)
				continue;
			run = c == t[i - 1] ? run + 1 : 1;
			/* 1234, dcba: each step the same way */
			step = pwt_seq_step(t[i - 1], c);
			seq = step != 0 && step == dir ? seq + 1 : step != 0 ? 2 : 1;
			dir = step;
			walk = pwc_walk(walk, &wdir, pwt_key_step(t[i - 1], c));
			if (run > p->run)
				p->run = (unsigned int)run;
			if (seq > p->seq)
				p->seq = seq;
			if (walk > p->walk)
				p->walk = walk;
		}
	} else {
		p->chars = 0;
		run = 0;
		for (i = 0; i < p->len; i += cur_len) {
			cls = pwt_class_of[t[i]];
			p->classes |= cls;
			p->digits += cls == PWT_DIGIT;
			p->fold[i] = (char)pwt_fold_of[t[i]];
			cur_len = 1;
			while (i + cur_len < p->len && (t[i + cur_len] & 0xc0) == 0x80) {
				p->fold[i + cur_len] = (char)t[i + cur_len];
				cur_len++;
			}
			p->chars++;
			/* a run counts whole characters, also multi-byte ones */
			if (prev_len == cur_len && memcmp(t + prev, t + i, cur_len) == 0)
				run++;
			else
				run = 1;
			if (run > p->run)
				p->run = (unsigned int)run;
			if (i > 0 && cur_len == 1 && prev_len == 1) {
				step = pwt_seq_step(t[prev], t[i]);
				seq = step != 0 && step == dir ? seq + 1 : step != 0 ? 2 : 1;
				dir = step;
				walk = pwc_walk(walk, &wdir, pwt_key_step(t[prev], t[i]));
			} else {
				seq = walk = 1;
				dir = wdir = 0;
			}
			if (seq > p->seq)
				p->seq = seq;
			if (walk > p->walk)
				p->walk = walk;
			prev = i;
			prev_len = cur_len;
		}
		for (i = 0; i < p->len; i++)
			if (!(seen[t[i] >> 6] >> (t[i] & 63) & 1)) {
				seen[t[i] >> 6] |= 1ull << (t[i] & 63);
				p->unique++;
			}
	}
	p->bare = !(p->classes & PWC_LETTER);

	/* The base: padding of digits and symbols taken off both ends. */
	p->base_off = p->base_len = 0;
	p->leet_off = p->leet_len = 0;
	p->split_off = p->split_len = p->sep = 0;
	for (lead = 0; lead < p->len && !(pwt_class_of[t[lead]] & PWC_LETTER); lead++)
		;
	if (lead == p->len)
		return;
	for (trail = 0; !(pwt_class_of[t[p->len - 1 - trail]] & PWC_LETTER); trail++)
		;
	if (lead > PWC_MAX_AFFIX)
		lead = 0;
	if (trail > PWC_MAX_AFFIX)
		trail = 0;
	if ((lead > 0 || trail > 0) &&
	    pwt_utf8_chars(p->text + lead, p->len - lead - trail) >= PWC_MIN_BASE) {
		p->base_off = lead;
		p->base_len = p->len - lead - trail;
		pwc_split_region(p, p->base_off, p->base_len);
	} else
		pwc_split_region(p, 0, p->len);
	/* the same, but digits that read as letters stay: t4r0! -> t4r0 */
	for (el = 0; el < lead && pwc_leet_digit(p, lead - 1 - el); el++)
		;
	for (er = 0; er < trail && pwc_leet_digit(p, p->len - trail + er); er++)
		;
	if ((el > 0 || er > 0) && (lead > el || trail > er) &&
	    pwt_utf8_chars(p->text + lead - el, p->len - lead + el - trail + er) >= PWC_MIN_BASE) {
		p->leet_off = lead - el;
		p->leet_len = p->len - (lead - el) - (trail - er);
	}
}

static uint32_t
pwc_lookup(const struct pww_table *t, const char *key, size_t len, int bare)
{
	const struct pww_entry *e = pww_find(t, key, len);

	if (e == NULL)
		return 0;
	return bare ? e->bare : e->lists | e->bare;
}

/* Can a split be made at byte k of the region (not inside a character)? */
static int
pwc_split_ok(const struct pwc_pass *p, size_t k)
{
	return ((unsigned char)p->fold[p->split_off + k] & 0xc0) != 0x80;
}

/* The lists the password's word forms were found in. */
static uint32_t
pwc_words(const struct pwc_engine *e, const struct pww_table *t,
    const struct pwc_pass *p)
{
	uint32_t lists, m1, m2;
	const char *r;
	size_t k;

	lists = pwc_lookup(t, p->fold, p->len, p->bare);
	if (p->base_len > 0)
		lists |= pwc_lookup(t, p->fold + p->base_off, p->base_len, 0) &
		    e->strippable;
	if (p->leet_len > 0)
		lists |= pwc_lookup(t, p->fold + p->leet_off, p->leet_len, 0) &
		    e->strippable;
	if (p->split_len == 0 || e->combinable == 0)
		return lists;
	r = p->fold + p->split_off;
	if (p->sep > 0) {
		m1 = pwc_lookup(t, r, p->sep, 0) & e->combinable;
		m2 = m1 != 0 ? pwc_lookup(t, r + p->sep + 1,
		    p->split_len - p->sep - 1, 0) & e->combinable : 0;
		return m2 != 0 ? lists | m1 | m2 : lists;
	}
	for (k = PWC_MIN_PART; k + PWC_MIN_PART <= p->split_len; k++) {
		if (!pwc_split_ok(p, k))
			continue;
		if ((m1 = pwc_lookup(t, r, k, 0) & e->combinable) == 0)
			continue;
		m2 = pwc_lookup(t, r + k, p->split_len - k, 0) & e->combinable;
		if (m2 != 0)
			lists |= m1 | m2;
	}
	return lists;
}

/* The same forms, as questions for a scan of the word lists. */
static int
pwc_ask(struct pww_table *t, const struct pwc_pass *p)
{
	const char *r = p->fold + p->split_off;
	size_t k;
	int rc = 0;

	rc |= pww_add(t, p->fold, p->len, 0, 0);
	if (p->base_len > 0)
		rc |= pww_add(t, p->fold + p->base_off, p->base_len, 0, 0);
	if (p->leet_len > 0)
		rc |= pww_add(t, p->fold + p->leet_off, p->leet_len, 0, 0);
	if (p->split_len == 0)
		return rc;
	if (p->sep > 0) {
		rc |= pww_add(t, r, p->sep, 0, 0);
		rc |= pww_add(t, r + p->sep + 1, p->split_len - p->sep - 1, 0, 0);
		return rc;
	}
	for (k = PWC_MIN_PART; k + PWC_MIN_PART <= p->split_len; k++)
		if (pwc_split_ok(p, k)) {
			rc |= pww_add(t, r, k, 0, 0);
			rc |= pww_add(t, r + k, p->split_len - k, 0, 0);
		}
	return rc < 0 ? -ENOMEM : 0;
}

/*
 * A word from a rule file or a setting.  Names of several words ("Kumoya
 * Shoten") are also added run together: KumoyaShoten2024.
 */
static int
pwc_add_inline(struct pww_table *t, const char *word, uint32_t mask)
{
	char joined[PWW_MAX_WORD + 1];
	size_t n = strlen(word), k = 0, i;
	int rc;

	if ((rc = pww_add_word(t, word, n, mask)) < 0 || n > PWW_MAX_WORD)
		return rc;
	for (i = 0; i < n; i++)
		if (!pwc_is_sep((unsigned char)word[i]))
			joined[k++] = word[i];
	return k < n ? pww_add_word(t, joined, k, mask) : 0;
}

/* Fill t from every word source: index it whole or answer its questions. */
static int
pwc_fill(const struct pwc_engine *e, struct pww_table *t, int scan)
{
	const struct pwr_set *set = e->rules;
	const struct pwr_source *s;
	size_t i, j;
	uint32_t mask;
	int rc;

	for (i = 0; i < set->n; i++) {
		const struct pwr_rule *r = &set->v[i];

		if (r->kind != PWR_WORDS || r->disabled)
			continue;
		mask = 1u << r->list;
		for (j = 0; j < r->n_sources; j++) {
			s = &r->sources[j];
			if (s->word != NULL)
				rc = pwc_add_inline(t, s->word, mask);
			else if (scan)
				rc = pww_scan_file(t, s->path, mask);
			else
				rc = pww_index_file(t, s->path, mask);
			if (rc < 0) {
				set->host->log(set->ctx, SA_LOG_ERROR, "%s: %s",
				    s->word != NULL ? r->id : s->path, strerror(-rc));
				return rc;
			}
		}
	}
	return 0;
}

static int
pwc_build_index(struct pwc_engine *e)
{
	const struct pwr_set *set = e->rules;
	size_t i, j, expect = 0;
	int rc;

	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->v[i].n_sources; j++)
			expect += set->v[i].sources[j].path != NULL ?
			    set->v[i].sources[j].size / 9 : 1;
	if ((rc = pww_init(&e->index, expect, 0)) < 0)
		return rc;
	if ((rc = pwc_fill(e, &e->index, 0)) < 0) {
		pww_free(&e->index);
		return rc;
	}
	e->indexed = 1;
	return 0;
}

/*
 * How often the shortest piece that makes up the whole text repeats (1:
 * no repetition), worked out only when a rule asks: abcabc is 2.
 */
static unsigned int
pwc_repeats(struct pwc_pass *p)
{
	size_t k;

	if (p->repeats != 0)
		return p->repeats;
	p->repeats = 1;
	for (k = 1; k <= p->len / 2; k++)
		if (p->len % k == 0 && memcmp(p->text, p->text + k, p->len - k) == 0) {
			p->repeats = (unsigned int)(p->len / k);
			break;
		}
	return p->repeats;
}

int
pwc_index(struct pwc_engine *e)
{
	return e->indexed ? 0 : pwc_build_index(e);
}

static int
pwc_conditions(const struct pwr_rule *r, struct pwc_pass *p)
{
	size_t i;

	if (r->min_length >= 0 && p->chars < (size_t)r->min_length)
		return 0;
	if (r->max_length >= 0 && p->chars > (size_t)r->max_length)
		return 0;
	if (r->kind != PWR_PATTERN)
		return 1;
	if (p->digits < (unsigned long)r->min_digits ||
	    p->run < (unsigned long)r->min_run ||
	    p->seq < (unsigned long)r->min_sequence ||
	    p->walk < (unsigned long)r->min_walk)
		return 0;
	for (i = 0; i < r->n_requires; i++)
		if ((p->classes & r->requires[i]) == 0)
			return 0;
	if (r->only != 0 && (p->classes & ~r->only) != 0)
		return 0;
	if (r->max_unique >= 0 && p->unique > (r->max_unique_pct ?
	    (unsigned long)r->max_unique * p->len / 100 : (unsigned long)r->max_unique))
		return 0;
	if (r->contains != NULL &&
	    memmem(p->text, p->len, r->contains, strlen(r->contains)) == NULL)
		return 0;
	if (r->min_repeats > 0 && pwc_repeats(p) < (unsigned long)r->min_repeats)
		return 0;
	return 1;
}

static int
pwc_hit(struct pwc_result *res, size_t rule, size_t cap)
{
	size_t *heap;

	if (res->hits == NULL)
		res->hits = res->inline_hits;
	if (res->n_hits == PWC_INLINE_HITS && res->hits == res->inline_hits) {
		/* a password that hits this many rules is rare: room for all */
		if ((heap = malloc(cap * sizeof(*heap))) == NULL)
			return -ENOMEM;
		memcpy(heap, res->inline_hits, sizeof(res->inline_hits));
		res->hits = heap;
	}
	res->hits[res->n_hits++] = rule;
	return 0;
}

static int
pwc_pattern(struct pwc_engine *e, size_t idx, const struct pwc_pass *p,
    struct pwc_result *res)
{
	const struct pwr_set *set = e->rules;
	const struct pwr_rule *r = &set->v[idx];
	size_t ov[2];
	int rc;

	rc = set->host->rx_match(set->ctx, r->rx, p->text, p->len, ov, 1);
	if (rc == 1) {
		if (r->max_rest >= 0 && p->chars - pwt_utf8_chars(p->text + ov[0],
		    ov[1] - ov[0]) > (size_t)r->max_rest)
			return 0;
		return 1;
	}
	if (rc < 0) {
		/* Say which rule, never on what: the input is a secret. */
		res->incomplete = 1;
		if (!e->gave_up[idx]) {
			e->gave_up[idx] = 1;
			set->host->log(set->ctx, SA_LOG_WARNING,
			    E_("%s:%u: rule %s gave up (%s); passwords it could not finish are marked incomplete"),
			    r->file, r->line, r->id, rc == -E2BIG ? "match limit" : strerror(-rc));
		}
	}
	return 0;
}

static int
pwc_one(struct pwc_engine *e, const struct pww_table *t,
    struct pwc_pass *p, struct pwc_result *res)
{
	const struct pwr_set *set = e->rules;
	uint32_t lists = pwc_words(e, t, p);
	size_t i;
	int hit;

	res->weak = res->incomplete = 0;
	res->hits = NULL;
	res->n_hits = 0;
	for (i = 0; i < set->n; i++) {
		const struct pwr_rule *r = &set->v[i];

		if (r->disabled || !pwc_conditions(r, p))
			continue;
		switch (r->kind) {
		case PWR_LENGTH:
			hit = 1;
			break;
		case PWR_WORDS:
			hit = (lists >> r->list) & 1;
			break;
		default:
			hit = pwc_pattern(e, i, p, res);
			break;
		}
		if (!hit)
			continue;
		if (pwc_hit(res, i, set->n) < 0)
			return -ENOMEM;
		if (r->severity >= e->weak_severity)
			res->weak = 1;
	}
	return 0;
}

int
pwc_check(struct pwc_engine *e, const char *const *pw, const size_t *len,
    size_t n, struct pwc_result *out)
{
	struct pww_table scan, *t = &e->index;
	struct pwc_pass *p;
	size_t i;
	int rc = 0, scanning = 0;

	for (i = 0; i < n; i++) {
		out[i].weak = out[i].incomplete = 0;
		out[i].hits = NULL;
		out[i].n_hits = 0;
		if (len[i] > PWC_MAX_BYTES)
			return -EINVAL;
	}
	if (n == 0)
		return 0;
	/* zeroed: the JIT may read past a subject's end within the buffer */
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return -ENOMEM;
	if (!e->indexed && n <= PWC_SCAN_MAX) {
		/* A few passwords: ask the lists about their forms only. */
		if ((rc = pww_init(&scan, n * 64, 1)) < 0)
			goto out;
		scanning = 1;
		t = &scan;
		for (i = 0; i < n && rc == 0; i++) {
			pwc_prepare(p, pw[i], len[i]);
			rc = pwc_ask(&scan, p);
		}
		if (rc == 0)
			rc = pwc_fill(e, &scan, 1);
	} else if (!e->indexed)
		rc = pwc_build_index(e);
	for (i = 0; i < n && rc == 0; i++) {
		pwc_prepare(p, pw[i], len[i]);
		rc = pwc_one(e, t, p, &out[i]);
	}
out:
	/* The copies held the passwords: wipe them before they are freed. */
	explicit_bzero(p, sizeof(*p));
	free(p);
	if (scanning) {
		/* hashes of the passwords' forms: wipe them too */
		explicit_bzero(scan.slots, (scan.mask + 1) * sizeof(*scan.slots));
		pww_free(&scan);
	}
	if (rc < 0)
		for (i = 0; i < n; i++)
			pwc_result_free(&out[i]);
	return rc;
}
