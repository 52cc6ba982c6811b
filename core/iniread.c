/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "i18n.h"
#include "iniread.h"

struct ir_state {
	const char *name;
	const char *p;
	const char *end;
	unsigned int line;
	int failed;
	ir_section_handler on_section;
	ir_handler on_key;
	void *user;
	struct sbuf *err;
	struct sbuf msg;
};

static void
ir_fail(struct ir_state *st, const char *fmt, ...) UT_PRINTF(2, 3);

static void
ir_fail(struct ir_state *st, const char *fmt, ...)
{
	va_list ap;

	if (st->failed)
		return;
	st->failed = 1;
	sb_reset(st->err);
	sb_printf(st->err, "%s:%u: ", st->name, st->line);
	va_start(ap, fmt);
	sb_vprintf(st->err, fmt, ap);
	va_end(ap);
}

/* Checks inih would not make; returns 0 or fails the parse. */
static int
ir_check_line(struct ir_state *st, const char *s, size_t n)
{
	const char *close, *delim;
	size_t i, name_len;

	if (n > IR_MAX_LINE) {
		ir_fail(st, _("line is %zu bytes long; at most %u fit (libinih limit)"),
		    n, IR_MAX_LINE);
		return -1;
	}
	if (n == 0 || s[0] == ';' || s[0] == '#')
		return 0;
	if (s[0] == '[') {
		close = memchr(s, ']', n);
		if (close == NULL) {
			ir_fail(st, _("section header without ']'"));
			return -1;
		}
		name_len = (size_t)(close - s - 1);
		if (name_len > IR_MAX_NAME) {
			ir_fail(st, _("section name longer than %u characters"),
			    IR_MAX_NAME);
			return -1;
		}
		delim = close + 1;
	} else {
		delim = NULL;
		for (i = 0; i < n; i++)
			if (s[i] == '=' || s[i] == ':') {
				delim = s + i;
				break;
			}
		if (delim == NULL) {
			ir_fail(st, _("expected \"key = value\" or \"[section]\""));
			return -1;
		}
		name_len = (size_t)(delim - s);
		while (name_len > 0 && (s[name_len - 1] == ' ' || s[name_len - 1] == '\t'))
			name_len--;
		if (name_len > IR_MAX_NAME) {
			ir_fail(st, _("key name longer than %u characters"), IR_MAX_NAME);
			return -1;
		}
	}
	for (i = (size_t)(delim - s); i + 1 < n; i++) {
		if ((s[i] == ' ' || s[i] == '\t') && s[i + 1] == ';') {
			ir_fail(st, _("';' after a space starts a comment in this file; "
			    "put comments on their own line"));
			return -1;
		}
	}
	return 0;
}

/* inih's reader: hands over one line at a time, left-trimmed. */
static char *
ir_reader(char *buf, int num, void *stream)
{
	struct ir_state *st = stream;
	const char *nl, *s;
	size_t n, off;

	if (st->failed || st->p >= st->end)
		return NULL;
	st->line++;
	nl = memchr(st->p, '\n', (size_t)(st->end - st->p));
	n = nl != NULL ? (size_t)(nl - st->p) : (size_t)(st->end - st->p);
	s = st->p;
	st->p += n + (nl != NULL);
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (!ut_utf8_valid(s, n, &off)) {
		ir_fail(st, _("%s at byte %zu"), s[off] == '\0' ? _("NUL byte") :
		    _("invalid UTF-8"), off + 1);
		return NULL;
	}
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	/* Comments may be any length: inih never needs to see them. */
	if (n > 0 && (*s == ';' || *s == '#'))
		n = 0;
	if (ir_check_line(st, s, n) < 0)
		return NULL;
	if ((size_t)num < n + 2)
		return NULL;	/* cannot happen: ir_check_line bounds n */
	memcpy(buf, s, n);
	buf[n] = '\n';
	buf[n + 1] = '\0';
	return buf;
}

static int
ir_on_ini(void *user, const char *section, const char *name, const char *value)
{
	struct ir_state *st = user;

	if (st->failed)
		return 0;
	sb_reset(&st->msg);
	if (st->on_key(st->user, section, name, value, st->line, &st->msg) < 0) {
		ir_fail(st, "%s", st->msg.data ? st->msg.data : "invalid");
		return 0;
	}
	return 1;
}

int
ir_parse_buffer(const char *name, const char *data, size_t len,
    ir_section_handler on_section, ir_handler on_key, void *user,
    struct sbuf *err)
{
	struct ir_state st;
	const char *p, *lend, *s, *close;
	char *section;
	int r;

	memset(&st, 0, sizeof(st));
	st.name = name;
	st.on_section = on_section;
	st.on_key = on_key;
	st.user = user;
	st.err = err;
	sb_init(&st.msg);

	/*
	 * inih reports sections only together with a key; walk the headers
	 * first so that an empty misspelt section is an error too.
	 */
	if (on_section != NULL) {
		/* Skipped as the main pass skips it: "\xef\xbb\xbf[x]" is a header. */
		p = data;
		if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
			p += 3;
		for (; p < data + len; p = lend + 1) {
			st.line++;
			lend = memchr(p, '\n', (size_t)(data + len - p));
			if (lend == NULL)
				lend = data + len;
			for (s = p; s < lend && (*s == ' ' || *s == '\t'); s++)
				;
			if (s >= lend || *s != '[')
				continue;
			close = memchr(s, ']', (size_t)(lend - s));
			if (close == NULL)
				continue;	/* the main pass reports it */
			section = xstrndup(s + 1, (size_t)(close - s - 1));
			sb_reset(&st.msg);
			r = on_section(user, section, st.line, &st.msg);
			free(section);
			if (r < 0) {
				ir_fail(&st, "%s", st.msg.data ? st.msg.data : "invalid section");
				sb_free(&st.msg);
				return -EINVAL;
			}
		}
		st.line = 0;
	}

	st.p = data;
	st.end = data + len;
	if (len >= 3 && memcmp(st.p, "\xef\xbb\xbf", 3) == 0)
		st.p += 3;
	r = ini_parse_stream(ir_reader, &st, ir_on_ini, &st);
	if (r > 0 && !st.failed) {
		st.line = (unsigned int)r;
		ir_fail(&st, _("expected \"key = value\" or \"[section]\""));
	}
	sb_free(&st.msg);
	return st.failed ? -EINVAL : 0;
}

int
ir_parse_file(const char *path, ir_section_handler on_section,
    ir_handler on_key, void *user, struct sbuf *err)
{
	char *data;
	size_t len;
	int r;

	r = ut_read_file(path, IR_MAX_FILE, &data, &len);
	if (r < 0) {
		sb_reset(err);
		if (r == -EFBIG)
			sb_printf(err, _("%s: larger than %u bytes"), path, IR_MAX_FILE);
		else if (r == -EINVAL)
			sb_printf(err, _("%s: not a regular file"), path);
		else
			sb_printf(err, "%s: %s", path, strerror(-r));
		return r;
	}
	r = ir_parse_buffer(path, data, len, on_section, on_key, user, err);
	free(data);
	return r;
}
