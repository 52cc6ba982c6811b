/* SPDX-License-Identifier: MIT */
/*
 * smeaudit interview: the questionnaire for what no machine can see.
 *
 * Line by line on a plain terminal, so it works over SSH and through a
 * serial console, without curses: the organisation, every item that no
 * loaded plugin can fully decide (all 25 with --all), then the cloud
 * checklist of each cloud service.  Every answer is saved the moment it
 * is given (ans_save writes a new 0600 file and renames it over the old
 * one), so a killed session loses nothing, and the next run resumes
 * after the last question answered.
 *
 * The file written is the last --answers (else the last [core] answers,
 * else ./smeaudit-answers.ini).  Earlier answers files are read as
 * inherited answers and never written: a site answers over the
 * company's file, and the audit combines them.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "answers.h"
#include "app.h"
#include "commands.h"
#include "i18n.h"
#include "recfile.h"

#define IV_DEFAULT_FILE "smeaudit-answers.ini"

enum iv_kind {
	IV_ORG_NAME,
	IV_ORG_SITE,
	IV_ORG_POLICY,
	IV_ITEM,		/* self-diagnosis item number */
	IV_SERVICES,		/* which cloud services are used */
	IV_CLOUD		/* cloud item number of service (NULL: [cloud]) */
};

enum iv_step { IV_NEXT, IV_BACK, IV_QUIT, IV_FAIL };

enum iv_cmd { IV_CMD_NONE, IV_CMD_BACK, IV_CMD_SKIP, IV_CMD_QUIT, IV_CMD_HELP,
	IV_CMD_CLEAR };

struct iv_question {
	enum iv_kind kind;
	int number;
	const char *service;	/* the answers' string */
};

struct iv {
	const struct catalog *cat;
	const char *lang;
	const char *path;	/* the answers file written */
	struct answers own;	/* what path holds */
	struct answers base;	/* earlier files: inherited, read only */
	int all;
	unsigned char needed[CAT_MAX_ITEMS + 1];
	struct iv_question *q;
	size_t n_q;
	FILE *in, *out;
	char *line;
	size_t line_cap;
	char norm[256];		/* the last input, normalised for matching */
	size_t width;
};

/*
 * An input method often leaves full-width digits and signs ("－１",
 * "ー１"); match answers and commands on their ASCII forms, lower case.
 * Notes are kept as typed.
 */
static void
iv_normalize(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, k;
	uint32_t cp;

	while (*p != '\0' && o + 5 < size) {
		k = ut_utf8_seq(p, strlen((const char *)p));
		if (k == 3) {
			cp = ((uint32_t)(p[0] & 0x0f) << 12) |
			    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				out[o++] = (char)(cp - 0xfee0);
				p += 3;
				continue;
			}
			if (cp == 0x3000) {
				out[o++] = ' ';
				p += 3;
				continue;
			}
			if (cp == 0x2212 || cp == 0x30fc || cp == 0x2015) {
				out[o++] = '-';
				p += 3;
				continue;
			}
		}
		if (k <= 1) {
			out[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
			continue;
		}
		memcpy(out + o, p, k);
		o += k;
		p += k;
	}
	out[o] = '\0';
	/* trim what the conversion turned into spaces */
	memmove(out, ut_trim(out), strlen(ut_trim(out)) + 1);
}

/* Print prompt and read one line; NULL at end of input. */
static char *
iv_read(struct iv *iv, const char *prompt)
{
	ssize_t n;
	char *s;

	fputs(prompt, iv->out);
	fflush(iv->out);
	n = getline(&iv->line, &iv->line_cap, iv->in);
	if (n < 0) {
		fputc('\n', iv->out);
		return NULL;
	}
	while (n > 0 && (iv->line[n - 1] == '\n' || iv->line[n - 1] == '\r'))
		iv->line[--n] = '\0';
	s = ut_trim(iv->line);
	/* a note must be one valid line: drop what could break the file */
	if (!ut_utf8_valid(s, strlen(s), NULL)) {
		fprintf(iv->out, "  %s\n", _("That was not valid UTF-8 text; please type it again."));
		iv->norm[0] = '\0';
		*s = '\0';
		return s;
	}
	iv_normalize(s, iv->norm, sizeof(iv->norm));
	return s;
}

static enum iv_cmd
iv_command(const struct iv *iv)
{
	static const struct {
		const char *word;
		enum iv_cmd cmd;
	} words[] = {
		{ "b", IV_CMD_BACK }, { "back", IV_CMD_BACK }, { "戻る", IV_CMD_BACK },
		{ "もどる", IV_CMD_BACK },
		{ "s", IV_CMD_SKIP }, { "skip", IV_CMD_SKIP },
		{ "スキップ", IV_CMD_SKIP }, { "とばす", IV_CMD_SKIP },
		{ "q", IV_CMD_QUIT }, { "quit", IV_CMD_QUIT }, { "exit", IV_CMD_QUIT },
		{ "終了", IV_CMD_QUIT }, { "中断", IV_CMD_QUIT },
		{ "?", IV_CMD_HELP }, { "h", IV_CMD_HELP }, { "help", IV_CMD_HELP },
		{ "ヘルプ", IV_CMD_HELP },
		{ "-", IV_CMD_CLEAR }, { "clear", IV_CMD_CLEAR }, { "消去", IV_CMD_CLEAR },
	};
	size_t i;

	for (i = 0; i < UT_ARRAY_LEN(words); i++)
		if (strcmp(iv->norm, words[i].word) == 0)
			return words[i].cmd;
	return IV_CMD_NONE;
}

/* The answer typed, on the item scale or (cloud) the checklist's words. */
static int
iv_parse_answer(const struct iv *iv, int cloud, int *ret)
{
	static const struct {
		const char *word;
		int value;
		int cloud_only;
	} words[] = {
		{ "4", 4, 0 }, { "2", 2, 0 }, { "0", 0, 0 }, { "-1", -1, 0 },
		{ "na", ANS_NA, 0 }, { "n/a", ANS_NA, 0 }, { "該当なし", ANS_NA, 0 },
		{ "不明", -1, 0 }, { "わからない", -1, 0 },
		{ "yes", 4, 1 }, { "y", 4, 1 }, { "はい", 4, 1 },
		{ "partly", 2, 1 }, { "p", 2, 1 }, { "一部", 2, 1 },
		{ "no", 0, 1 }, { "n", 0, 1 }, { "いいえ", 0, 1 },
		{ "unknown", -1, 1 }, { "u", -1, 1 },
	};
	size_t i;

	for (i = 0; i < UT_ARRAY_LEN(words); i++)
		if (strcmp(iv->norm, words[i].word) == 0 &&
		    (cloud || !words[i].cloud_only)) {
			*ret = words[i].value;
			return 0;
		}
	return -EINVAL;
}

static int
iv_yes_no(const struct iv *iv, int *ret)
{
	if (strcmp(iv->norm, "y") == 0 || strcmp(iv->norm, "yes") == 0 ||
	    strcmp(iv->norm, "はい") == 0) {
		*ret = 1;
		return 0;
	}
	if (strcmp(iv->norm, "n") == 0 || strcmp(iv->norm, "no") == 0 ||
	    strcmp(iv->norm, "いいえ") == 0) {
		*ret = 0;
		return 0;
	}
	return -EINVAL;
}

/* Japanese closing punctuation must not start a line (kinsoku). */
static int
iv_no_line_start(const char *c, size_t k)
{
	static const char *const marks[] = { "、", "。", ",", ".", ")", "」",
		"』", "】", "ー", "・", "?", "!", ":" };
	size_t i;

	for (i = 0; i < UT_ARRAY_LEN(marks); i++)
		if (strlen(marks[i]) == k && memcmp(c, marks[i], k) == 0)
			return 1;
	return 0;
}

/*
 * text wrapped to the terminal, every line indented: English breaks at
 * spaces, Japanese between any two characters.
 */
static void
iv_wrap(struct iv *iv, size_t indent, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t col = 0, len, w, k, i;
	char unit[8], *word;
	int space = 0;

	for (i = 0; i < indent; i++)
		fputc(' ', iv->out);
	col = indent;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p < 0x20) {
			space = col > indent;
			p++;
			continue;
		}
		if (*p < 0x80) {
			len = 0;
			while (p[len] > 0x20 && p[len] < 0x80)
				len++;
			word = xstrndup((const char *)p, len);
			w = len;
			p += len;
		} else {
			k = ut_utf8_seq(p, strlen((const char *)p));
			if (k == 0)
				k = 1;
			memcpy(unit, p, k);
			unit[k] = '\0';
			word = xstrdup(unit);
			w = ut_display_width(unit);
			if (iv_no_line_start(unit, k)) {
				/* hang it on the line it closes */
				fputs(word, iv->out);
				col += w;
				free(word);
				p += k;
				space = 0;
				continue;
			}
			p += k;
		}
		if (col > indent && col + (size_t)space + w > iv->width) {
			fputc('\n', iv->out);
			for (i = 0; i < indent; i++)
				fputc(' ', iv->out);
			col = indent;
		} else if (space) {
			fputc(' ', iv->out);
			col++;
		}
		fputs(word, iv->out);
		col += w;
		space = 0;
		free(word);
	}
	fputc('\n', iv->out);
}

/* "4 Implemented", or for the cloud checklist "yes (4)". */
static const char *
iv_value_text(const struct iv *iv, int value, int cloud, char *buf, size_t size)
{
	if (value == ANS_NA)
		snprintf(buf, size, "na (%s)", _("not applicable here"));
	else if (cloud)
		snprintf(buf, size, "%s (%s)", ans_cloud_word(value),
		    ans_value_name(value));
	else
		snprintf(buf, size, "%s %s", ans_value_name(value),
		    cat_answer_label(iv->cat, value, iv->lang));
	return buf;
}

static void
iv_show_current(struct iv *iv, const struct ans_value *own,
    const struct ans_value *inherited, int cloud)
{
	char buf[128];

	if (own != NULL && own->value != ANS_UNSET) {
		fprintf(iv->out, "  %s %s\n", _("Current answer:"),
		    iv_value_text(iv, own->value, cloud, buf, sizeof(buf)));
		if (own->note != NULL) {
			fprintf(iv->out, "  %s ", _("Note:"));
			fputs(own->note, iv->out);
			fputc('\n', iv->out);
		}
	} else if (inherited != NULL && inherited->value != ANS_UNSET) {
		fprintf(iv->out, "  %s %s", _("Inherited answer:"),
		    iv_value_text(iv, inherited->value, cloud, buf, sizeof(buf)));
		if (inherited->file != NULL)
			fprintf(iv->out, "  (%s)", inherited->file);
		fputc('\n', iv->out);
	}
	if (own != NULL && own->value == ANS_UNSET && own->note != NULL) {
		fprintf(iv->out, "  %s ", _("Note:"));
		fputs(own->note, iv->out);
		fputc('\n', iv->out);
	}
}

static void
iv_help(struct iv *iv, int cloud)
{
	size_t i;

	fprintf(iv->out, "  %s\n", _("Answers:"));
	if (cloud)
		fprintf(iv->out, "    %s\n", _("yes (4) · partly (2) · no (0) · unknown (-1) · na (not applicable)"));
	else {
		for (i = 0; i < iv->cat->n_answers; i++)
			fprintf(iv->out, "    %2d  %s\n", iv->cat->answers[i].value,
			    cat_text(&iv->cat->answers[i].label, iv->lang));
		fprintf(iv->out, "    na  %s\n", _("not applicable here"));
	}
	fprintf(iv->out, "  %s\n", _("Commands:"));
	fprintf(iv->out, "    %s\n", _("b  back to the previous question"));
	fprintf(iv->out, "    %s\n", _("s  skip this question (it stays unanswered)"));
	fprintf(iv->out, "    %s\n", _("-  delete the answer given in this file"));
	fprintf(iv->out, "    %s\n", _("q  quit; every answer so far is already saved"));
	fprintf(iv->out, "    %s\n", _("Enter keeps the current answer."));
}

static int
iv_save(struct iv *iv)
{
	sigset_t block, old;
	struct sbuf err;
	int r;

	/* Ctrl-C in the middle of a save would leave the temporary file behind */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old);
	sb_init(&err);
	r = ans_save(&iv->own, iv->cat, iv->path, &err);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (r < 0)
		app_error("%s", err.data);
	sb_free(&err);
	return r;
}

/* own's value of q, or NULL if q has no value (create: make room). */
static struct ans_value *
iv_own_value(struct iv *iv, const struct iv_question *q, int create)
{
	struct ans_service *s;

	if (q->kind == IV_ITEM)
		return &iv->own.diagnosis[q->number - 1];
	if (q->service == NULL)
		return &iv->own.cloud[q->number - 1];
	s = create ? ans_add_service(&iv->own, q->service) :
	    ans_find_service(&iv->own, q->service);
	return s != NULL ? &s->cloud[q->number - 1] : NULL;
}

/* What applies when this file says nothing: the file's [cloud], then earlier files. */
static const struct ans_value *
iv_inherited(struct iv *iv, const struct iv_question *q)
{
	const struct ans_service *s;

	if (q->kind == IV_ITEM)
		return &iv->base.diagnosis[q->number - 1];
	if (q->service == NULL)
		return &iv->base.cloud[q->number - 1];
	if (iv->own.cloud[q->number - 1].value != ANS_UNSET)
		return &iv->own.cloud[q->number - 1];
	s = ans_find_service(&iv->base, q->service);
	return ans_cloud_effective(&iv->base, s, q->number);
}

static int
iv_answered(struct iv *iv, const struct iv_question *q)
{
	const struct ans_value *v;

	switch (q->kind) {
	case IV_ORG_NAME: return iv->own.org_name != NULL;
	case IV_ORG_SITE: return iv->own.site != NULL;
	case IV_ORG_POLICY: return iv->own.basic_policy != ANS_UNSET;
	case IV_SERVICES: return iv->own.n_services > 0;
	case IV_ITEM:
	case IV_CLOUD:
		v = iv_own_value(iv, q, 0);
		return v != NULL && v->value != ANS_UNSET;
	}
	return 0;
}

static void
iv_push(struct iv *iv, enum iv_kind kind, int number, const char *service)
{
	iv->q = xreallocarray(iv->q, iv->n_q + 1, sizeof(*iv->q));
	iv->q[iv->n_q].kind = kind;
	iv->q[iv->n_q].number = number;
	iv->q[iv->n_q].service = service;
	iv->n_q++;
}

/* The questions, in order; called again when services are added. */
static void
iv_build(struct iv *iv)
{
	size_t i, j;
	int n;

	iv->n_q = 0;
	iv_push(iv, IV_ORG_NAME, 0, NULL);
	iv_push(iv, IV_ORG_SITE, 0, NULL);
	iv_push(iv, IV_ORG_POLICY, 0, NULL);
	for (n = 1; n <= (int)iv->cat->n_items; n++)
		if (iv->needed[n])
			iv_push(iv, IV_ITEM, n, NULL);
	iv_push(iv, IV_SERVICES, 0, NULL);
	/* services the earlier files list come first, then this file's own */
	for (i = 0; i < iv->base.n_services; i++)
		for (n = 1; n <= (int)iv->cat->n_cloud; n++)
			iv_push(iv, IV_CLOUD, n, iv->base.services[i].id);
	for (i = 0; i < iv->own.n_services; i++) {
		if (ans_find_service(&iv->base, iv->own.services[i].id) != NULL)
			continue;
		for (n = 1; n <= (int)iv->cat->n_cloud; n++)
			iv_push(iv, IV_CLOUD, n, iv->own.services[i].id);
	}
	/* no service at all: with --all, the cloud use as a whole */
	if (iv->base.n_services == 0 && iv->own.n_services == 0 && iv->all)
		for (j = 1; j <= iv->cat->n_cloud; j++)
			iv_push(iv, IV_CLOUD, (int)j, NULL);
}

static size_t
iv_find(const struct iv *iv, enum iv_kind kind)
{
	size_t i;

	for (i = 0; i < iv->n_q; i++)
		if (iv->q[i].kind == kind)
			return i;
	return 0;
}

static const char *
iv_service_label(const struct iv *iv, const char *id)
{
	const struct ans_service *s = ans_find_service(&iv->own, id);

	if (s != NULL && s->label != NULL)
		return s->label;
	s = ans_find_service(&iv->base, id);
	return s != NULL ? s->label : NULL;
}

static void
iv_title(struct iv *iv, size_t k, size_t n, const char *text)
{
	fprintf(iv->out, "\n[%zu/%zu] ", k, n);
	fputs(text, iv->out);
	fputc('\n', iv->out);
}

/* A 4/2/0/-1 question: a self-diagnosis item or a cloud checklist item. */
static enum iv_step
iv_ask_scale(struct iv *iv, const struct iv_question *q, size_t k)
{
	const struct cat_text *question, *good, *advice, *label, *group;
	const struct ans_value *inherited = iv_inherited(iv, q);
	struct ans_value *own = iv_own_value(iv, q, 0);
	const char *service_label;
	int cloud = q->kind == IV_CLOUD, value;
	char *title, *number, *line;

	if (cloud) {
		const struct cat_cloud *c = cat_cloud_item(iv->cat, q->number);

		question = &c->question;
		good = &c->good;
		advice = &c->advice;
		label = &c->label;
		group = &iv->cat->groups[c->group].label;
		number = xasprintf(_("Cloud item %d"), q->number);
		if (q->service == NULL)
			title = xasprintf("%s · %s · %s  [%s]",
			    _("All cloud services"), number,
			    cat_text(label, iv->lang), cat_text(group, iv->lang));
		else {
			service_label = iv_service_label(iv, q->service);
			title = xasprintf("%s%s%s%s · %s · %s  [%s]", q->service,
			    service_label != NULL ? " (" : "",
			    service_label != NULL ? service_label : "",
			    service_label != NULL ? ")" : "", number,
			    cat_text(label, iv->lang), cat_text(group, iv->lang));
		}
	} else {
		const struct cat_item *it = cat_item(iv->cat, q->number);

		question = &it->question;
		good = &it->good;
		advice = &it->advice;
		label = &it->label;
		group = &iv->cat->categories[it->category].label;
		number = xasprintf(_("Item %d"), q->number);
		title = xasprintf("%s · %s  [%s]", number, cat_text(label, iv->lang),
		    cat_text(group, iv->lang));
	}
	iv_title(iv, k, iv->n_q, title);
	free(title);
	free(number);
	iv_wrap(iv, 2, cat_text(question, iv->lang));
	if (good->en != NULL) {
		fprintf(iv->out, "  %s\n", _("What good looks like:"));
		iv_wrap(iv, 4, cat_text(good, iv->lang));
	}
	iv_show_current(iv, own, inherited, cloud);
	fprintf(iv->out, "  %s\n", cloud ?
	    _("yes · partly · no · unknown · na    (b back, s skip, q quit, ? help)") :
	    _("4 · 2 · 0 · -1 · na    (b back, s skip, q quit, ? help)"));
	for (;;) {
		if ((line = iv_read(iv, "> ")) == NULL)
			return IV_QUIT;
		if (*iv->norm == '\0') {
			if ((own != NULL && own->value != ANS_UNSET) ||
			    inherited->value != ANS_UNSET)
				return IV_NEXT;
			fprintf(iv->out, "  %s\n", cloud ?
			    _("Type yes, partly, no or unknown (s skips, ? helps).") :
			    _("Type 4, 2, 0 or -1 (s skips, ? helps)."));
			continue;
		}
		switch (iv_command(iv)) {
		case IV_CMD_BACK: return IV_BACK;
		case IV_CMD_SKIP: return IV_NEXT;
		case IV_CMD_QUIT: return IV_QUIT;
		case IV_CMD_HELP:
			iv_help(iv, cloud);
			continue;
		case IV_CMD_CLEAR:
			if (own != NULL && (own->value != ANS_UNSET || own->note != NULL)) {
				ans_set(own, ANS_UNSET, NULL);
				if (iv_save(iv) < 0)
					return IV_FAIL;
				fprintf(iv->out, "  %s\n", _("Deleted."));
			}
			return IV_NEXT;
		case IV_CMD_NONE:
			break;
		}
		if (iv_parse_answer(iv, cloud, &value) == 0)
			break;
		fprintf(iv->out, "  ");
		fprintf(iv->out, cloud ?
		    _("\"%s\" is not an answer here: type yes, partly, no or unknown (? for help).") :
		    _("\"%s\" is not an answer here: type 4, 2, 0 or -1 (? for help)."), line);
		fputc('\n', iv->out);
	}
	own = iv_own_value(iv, q, 1);
	own->value = value;
	own->line = 0;
	/* saved before the note is asked: a session killed now keeps it */
	if (iv_save(iv) < 0)
		return IV_FAIL;
	if (value != 4 && value != ANS_NA && advice->en != NULL) {
		fprintf(iv->out, "  %s\n", _("How to improve:"));
		iv_wrap(iv, 4, cat_text(advice, iv->lang));
	}
	line = iv_read(iv, own->note != NULL ?
	    _("Note (optional; Enter keeps it, - deletes it)> ") :
	    _("Note (optional; Enter for none)> "));
	if (line == NULL)
		return IV_QUIT;
	if (strcmp(line, "-") == 0)
		ans_set_str(&own->note, NULL);
	else if (*line != '\0')
		ans_set_str(&own->note, line);
	else
		return IV_NEXT;
	return iv_save(iv) < 0 ? IV_FAIL : IV_NEXT;
}

/* A free-text field of [organization]. */
static enum iv_step
iv_ask_text(struct iv *iv, size_t k, const char *title, char **own,
    const char *inherited)
{
	char *line;

	iv_title(iv, k, iv->n_q, title);
	if (*own != NULL)
		fprintf(iv->out, "  %s %s\n", _("Current answer:"), *own);
	else if (inherited != NULL)
		fprintf(iv->out, "  %s %s\n", _("Inherited answer:"), inherited);
	fprintf(iv->out, "  %s\n", _("(Enter to keep or skip; b back, q quit, - delete)"));
	for (;;) {
		if ((line = iv_read(iv, "> ")) == NULL)
			return IV_QUIT;
		switch (iv_command(iv)) {
		case IV_CMD_BACK: return IV_BACK;
		case IV_CMD_QUIT: return IV_QUIT;
		case IV_CMD_SKIP: return IV_NEXT;
		case IV_CMD_CLEAR:
			if (*own == NULL)
				return IV_NEXT;
			ans_set_str(own, NULL);
			return iv_save(iv) < 0 ? IV_FAIL : IV_NEXT;
		case IV_CMD_HELP:
			fprintf(iv->out, "  %s\n", _("Type the text and press Enter."));
			continue;
		case IV_CMD_NONE:
			break;
		}
		break;
	}
	if (*line == '\0')
		return IV_NEXT;
	ans_set_str(own, line);
	return iv_save(iv) < 0 ? IV_FAIL : IV_NEXT;
}

static enum iv_step
iv_ask_policy(struct iv *iv, size_t k)
{
	int b;

	iv_title(iv, k, iv->n_q, _("Basic security policy"));
	iv_wrap(iv, 2, _("Has the organisation written down a basic information security policy (the policy SECURITY ACTION two stars asks for)?"));
	if (iv->own.basic_policy != ANS_UNSET)
		fprintf(iv->out, "  %s %s\n", _("Current answer:"),
		    iv->own.basic_policy ? "yes" : "no");
	else if (iv->base.basic_policy != ANS_UNSET)
		fprintf(iv->out, "  %s %s\n", _("Inherited answer:"),
		    iv->base.basic_policy ? "yes" : "no");
	fprintf(iv->out, "  %s\n", _("yes · no    (Enter to keep or skip; b back, q quit)"));
	for (;;) {
		if (iv_read(iv, "> ") == NULL)
			return IV_QUIT;
		if (*iv->norm == '\0')
			return IV_NEXT;
		switch (iv_command(iv)) {
		case IV_CMD_BACK: return IV_BACK;
		case IV_CMD_QUIT: return IV_QUIT;
		case IV_CMD_SKIP: return IV_NEXT;
		case IV_CMD_CLEAR:
			iv->own.basic_policy = ANS_UNSET;
			return iv_save(iv) < 0 ? IV_FAIL : IV_NEXT;
		case IV_CMD_HELP:
		case IV_CMD_NONE:
			break;
		}
		if (iv_yes_no(iv, &b) == 0)
			break;
		fprintf(iv->out, "  %s\n", _("Type yes or no."));
	}
	iv->own.basic_policy = b;
	return iv_save(iv) < 0 ? IV_FAIL : IV_NEXT;
}

static void
iv_list_services(struct iv *iv)
{
	const char *label;
	size_t i, shown = 0;

	fprintf(iv->out, "  %s", _("Services so far:"));
	for (i = 0; i < iv->base.n_services + iv->own.n_services; i++) {
		const char *id = i < iv->base.n_services ? iv->base.services[i].id :
		    iv->own.services[i - iv->base.n_services].id;

		if (i >= iv->base.n_services && ans_find_service(&iv->base, id) != NULL)
			continue;
		label = iv_service_label(iv, id);
		fprintf(iv->out, "%s %s", shown++ > 0 ? "," : "", id);
		if (label != NULL)
			fprintf(iv->out, " (%s)", label);
	}
	if (shown == 0)
		fprintf(iv->out, " %s", _("none yet"));
	fputc('\n', iv->out);
}

/* Which cloud services are in use; each then gets the 15 checklist items. */
static enum iv_step
iv_ask_services(struct iv *iv, size_t k)
{
	struct ans_service *s;
	char *line, *id;

	iv_title(iv, k, iv->n_q, _("Cloud services"));
	iv_wrap(iv, 2, _("The cloud checklist (15 questions) is answered once for each cloud service the organisation uses: e-mail, file storage, accounting, web meetings and so on."));
	for (;;) {
		iv_list_services(iv);
		fprintf(iv->out, "  %s\n", _("Add a service: type a short id (letters, digits, - and _), or press Enter to go on."));
		if ((line = iv_read(iv, _("Service id> "))) == NULL)
			return IV_QUIT;
		if (*line == '\0')
			return IV_NEXT;
		switch (iv_command(iv)) {
		case IV_CMD_BACK: return IV_BACK;
		case IV_CMD_QUIT: return IV_QUIT;
		case IV_CMD_SKIP: return IV_NEXT;
		case IV_CMD_HELP:
		case IV_CMD_CLEAR:
			fprintf(iv->out, "  %s\n", _("Type an id such as mail, then its name; Enter alone goes on to the checklist."));
			continue;
		case IV_CMD_NONE:
			break;
		}
		if (!ans_valid_service_id(line)) {
			fprintf(iv->out, "  %s\n", _("An id holds only letters, digits, - and _ (for example mail or file-share)."));
			continue;
		}
		if (ans_find_service(&iv->own, line) != NULL ||
		    ans_find_service(&iv->base, line) != NULL) {
			fprintf(iv->out, "  %s\n", _("That service is already listed."));
			continue;
		}
		id = xstrdup(line);
		line = iv_read(iv, _("Name shown in the report (Enter: the id)> "));
		s = ans_add_service(&iv->own, id);
		if (line != NULL && *line != '\0')
			ans_set_str(&s->label, line);
		free(id);
		if (iv_save(iv) < 0)
			return IV_FAIL;
		if (line == NULL)
			return IV_QUIT;
	}
}

static enum iv_step
iv_ask(struct iv *iv, size_t i, size_t k)
{
	const struct iv_question *q = &iv->q[i];

	switch (q->kind) {
	case IV_ORG_NAME:
		return iv_ask_text(iv, k, _("Organisation name"), &iv->own.org_name,
		    iv->base.org_name);
	case IV_ORG_SITE:
		return iv_ask_text(iv, k, _("Site or department these answers are for"),
		    &iv->own.site, iv->base.site);
	case IV_ORG_POLICY:
		return iv_ask_policy(iv, k);
	case IV_SERVICES:
		return iv_ask_services(iv, k);
	case IV_ITEM:
	case IV_CLOUD:
		return iv_ask_scale(iv, q, k);
	}
	return IV_FAIL;
}

/*
 * Walk order[0..n) from start.  The services question may add services:
 * the questions are then rebuilt and order (all questions) follows.
 * Returns IV_NEXT at the end, IV_QUIT or IV_FAIL.
 */
static enum iv_step
iv_walk(struct iv *iv, size_t **order, size_t *n, size_t start, int full)
{
	size_t pos = start, before, i, at;
	enum iv_step r;

	while (pos < *n) {
		i = (*order)[pos];
		before = iv->own.n_services;
		r = iv_ask(iv, i, i + 1);
		if (r == IV_QUIT || r == IV_FAIL)
			return r;
		if (full && iv->q[i].kind == IV_SERVICES && iv->own.n_services != before) {
			iv_build(iv);
			*order = xreallocarray(*order, iv->n_q, sizeof(**order));
			for (at = 0; at < iv->n_q; at++)
				(*order)[at] = at;
			*n = iv->n_q;
			pos = iv_find(iv, IV_SERVICES);
		}
		if (r == IV_BACK) {
			if (pos == 0)
				fprintf(iv->out, "  %s\n", _("This is the first question."));
			else
				pos--;
		} else
			pos++;
	}
	return IV_NEXT;
}

/* Unanswered questions (the services question is optional, never listed). */
static size_t
iv_unanswered(struct iv *iv, size_t **ret)
{
	size_t i, n = 0;

	*ret = xcalloc(iv->n_q + 1, sizeof(**ret));
	for (i = 0; i < iv->n_q; i++)
		if ((iv->q[i].kind == IV_ITEM || iv->q[i].kind == IV_CLOUD) &&
		    !iv_answered(iv, &iv->q[i]) &&
		    !(iv_inherited(iv, &iv->q[i])->value != ANS_UNSET))
			(*ret)[n++] = i;
	return n;
}

static void
iv_summary(struct iv *iv)
{
	size_t i, items = 0, items_done = 0, cloud = 0, cloud_done = 0;

	for (i = 0; i < iv->n_q; i++) {
		if (iv->q[i].kind == IV_ITEM) {
			items++;
			items_done += iv_answered(iv, &iv->q[i]) ||
			    iv_inherited(iv, &iv->q[i])->value != ANS_UNSET;
		} else if (iv->q[i].kind == IV_CLOUD) {
			cloud++;
			cloud_done += iv_answered(iv, &iv->q[i]) ||
			    iv_inherited(iv, &iv->q[i])->value != ANS_UNSET;
		}
	}
	fputc('\n', iv->out);
	if (cloud == 0)
		fprintf(iv->out, _("Answered: %zu of %zu items."), items_done, items);
	else
		fprintf(iv->out, _("Answered: %zu of %zu items, %zu of %zu cloud checklist questions."),
		    items_done, items, cloud_done, cloud);
	fputc('\n', iv->out);
}

static void
iv_usage(FILE *f)
{
	fputs(_("Usage: smeaudit interview [--lang ja|en] [--answers FILE]... [--all] [--restart]\n"
	    "Ask, on this terminal, what no plugin can check, and save each answer\n"
	    "at once to the answers file (the last --answers; earlier ones are\n"
	    "shown as inherited answers).  Run it again to continue.\n"
	    "\n"
	    "  -A, --answers FILE  answers file (repeatable; the last is written)\n"
	    "  -a, --all           ask all 25 items and the whole cloud checklist\n"
	    "      --restart       start from the first question (answers are kept)\n"
	    "  -L, --lang ja|en    language of the questions\n"
	    "  -h, --help          print this help\n"), f);
}

/* Items an enabled, loaded plugin fully decides are not asked. */
static void
iv_needed(struct iv *iv, struct app *app)
{
	size_t i, n;

	for (n = 1; n <= iv->cat->n_items; n++) {
		const struct cat_item *it = cat_item(iv->cat, (int)n);
		int covered = 0;

		for (i = 0; i < app->plugins.n; i++) {
			const struct ldr_plugin *p = &app->plugins.v[i];

			if (p->desc != NULL && p->desc->run != NULL && p->items[n] &&
			    cfg_plugin_enabled(&app->cfg, p->name))
				covered = 1;
		}
		iv->needed[n] = iv->all || it->mode != CAT_MODE_AUTO || !covered;
	}
}

/* Comments in the file are lost when it is rewritten: say so first. */
static void
iv_warn_comments(struct iv *iv)
{
	char *data, *line, *save = NULL;
	size_t len;

	if (ut_read_file(iv->path, RF_MAX_FILE, &data, &len) < 0)
		return;
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		line = ut_trim(line);
		if ((*line == '#' || *line == ';') && strstr(ans_file_header, line) == NULL) {
			fprintf(iv->out, "%s\n", _("Note: this file has comments of its own; the interview rewrites the file and does not keep them."));
			break;
		}
	}
	free(data);
}

/* Say at once when the answers cannot be saved, not after the first answer. */
static int
iv_writable(const char *path)
{
	char *copy = xstrdup(path), *dir = dirname(copy);
	int r = access(dir, W_OK | X_OK);

	if (r < 0)
		app_error(_("%s: cannot save answers in %s: %s"), path, dir,
		    strerror(errno));
	free(copy);
	return r;
}

static int
iv_load(struct iv *iv, char **files, size_t n_files)
{
	struct sbuf err;
	size_t i;
	int r = 0;

	sb_init(&err);
	for (i = 0; i + 1 < n_files; i++)
		if ((r = ans_load(&iv->base, iv->cat, files[i], &err)) < 0)
			goto out;
	if (access(iv->path, F_OK) == 0 || errno != ENOENT)
		r = ans_load(&iv->own, iv->cat, iv->path, &err);
out:
	if (r < 0)
		app_error("%s", err.data);
	sb_free(&err);
	return r;
}

int
cmd_interview(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{ "answers", required_argument, NULL, 'A' },
		{ "all", no_argument, NULL, 'a' },
		{ "restart", no_argument, NULL, 'R' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct winsize ws;
	struct iv iv;
	char **files = NULL;
	size_t *order = NULL, n_order, start, i, n_files = 0;
	int opt, restart = 0, status = APP_EXIT_USAGE;
	enum iv_step r;

	memset(&iv, 0, sizeof(iv));
	ans_init(&iv.own);
	ans_init(&iv.base);
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+A:aL:h", options, NULL)) != -1) {
		switch (opt) {
		case 'A':
			app->answer_files = xreallocarray(app->answer_files,
			    app->n_answer_files + 1, sizeof(*app->answer_files));
			app->answer_files[app->n_answer_files++] = xstrdup(optarg);
			break;
		case 'a': iv.all = 1; break;
		case 'R': restart = 1; break;
		case 'L': break;	/* main() has set the language */
		case 'h':
			iv_usage(stdout);
			status = APP_EXIT_OK;
			goto out;
		default:
			fprintf(stderr, _("Try 'smeaudit interview --help'.\n"));
			goto out;
		}
	}
	if (optind < argc) {
		app_error(_("interview takes no arguments (\"%s\"); see smeaudit interview --help"),
		    argv[optind]);
		goto out;
	}
	if ((status = app_load_plugins(app)) != 0)
		goto out;
	status = APP_EXIT_USAGE;
	/* [core] answers, then --answers: the last one is the file written */
	for (i = 0; i < app->cfg.answers.n; i++) {
		files = xreallocarray(files, n_files + 1, sizeof(*files));
		files[n_files++] = app->cfg.answers.v[i];
	}
	for (i = 0; i < app->n_answer_files; i++) {
		files = xreallocarray(files, n_files + 1, sizeof(*files));
		files[n_files++] = app->answer_files[i];
	}
	iv.cat = &app->cat;
	iv.lang = app->lang;
	iv.path = n_files > 0 ? files[n_files - 1] : IV_DEFAULT_FILE;
	iv.in = stdin;
	iv.out = stdout;
	iv.width = 80;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		iv.width = ws.ws_col < 40 ? 40 : ws.ws_col > 100 ? 100 : ws.ws_col;
	iv.width -= 1;
	if (iv_load(&iv, files, n_files) < 0 || iv_writable(iv.path) < 0)
		goto out;
	iv_needed(&iv, app);
	iv_build(&iv);

	fprintf(iv.out, "%s\n", _("smeaudit interview: questions only a person can answer."));
	fprintf(iv.out, _("Every answer is saved at once to %s"), iv.path);
	fputc('\n', iv.out);
	iv_warn_comments(&iv);
	fprintf(iv.out, "%s\n", _("Type the answer and press Enter.  b = back, s = skip, q = quit, ? = help."));

	/* resume after the last question this file answers */
	start = 0;
	if (!restart)
		for (i = 0; i < iv.n_q; i++)
			if (iv_answered(&iv, &iv.q[i]))
				start = i + 1;
	if (start > 0 && start < iv.n_q)
		fprintf(iv.out, _("Resuming after your last answer, at question %zu of %zu."),
		    start + 1, iv.n_q);
	if (start > 0 && start < iv.n_q)
		fputc('\n', iv.out);
	n_order = iv.n_q;
	order = xcalloc(n_order + 1, sizeof(*order));
	for (i = 0; i < n_order; i++)
		order[i] = i;
	r = iv_walk(&iv, &order, &n_order, start, 1);
	if (r == IV_NEXT) {
		free(order);
		n_order = iv_unanswered(&iv, &order);
		if (n_order > 0) {
			iv_summary(&iv);
			fprintf(iv.out, _("%zu questions are still unanswered. Go through them now? (yes/no)"),
			    n_order);
			fputc('\n', iv.out);
			if (iv_read(&iv, "> ") != NULL && iv_yes_no(&iv, &opt) == 0 && opt)
				r = iv_walk(&iv, &order, &n_order, 0, 0);
		}
	}
	if (r == IV_FAIL)
		goto out;
	iv_summary(&iv);
	fprintf(iv.out, _("Saved in %s. Run smeaudit interview again to continue or change answers;\n"
	    "use the file with: smeaudit --all --answers %s"), iv.path, iv.path);
	fputc('\n', iv.out);
	status = APP_EXIT_OK;
out:
	free(order);
	free(files);
	free(iv.q);
	free(iv.line);
	ans_free(&iv.own);
	ans_free(&iv.base);
	return status;
}
