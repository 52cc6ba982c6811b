/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "recfile.h"

struct rf_state {
	const char *name;
	unsigned int line;
	const char *const *repeatable;
	struct strset records;
	struct strset keys;	/* keys of the current record */
	char *type;
	char *rname;
	int in_record;
};

static int
rf_name_char(int c, int allow_dot)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	    (allow_dot && c == '.');
}

static int
rf_valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!rf_name_char((unsigned char)s[i], 1))
			return 0;
	return 1;
}

static int
rf_repeatable(const struct rf_state *st, const char *key)
{
	const char *const *k;

	for (k = st->repeatable; k != NULL && *k != NULL; k++)
		if (strcmp(*k, key) == 0)
			return 1;
	return 0;
}

static int
rf_fail(struct rf_state *st, struct sbuf *err, unsigned int col,
    const char *msg)
{
	sb_reset(err);
	if (col > 0)
		sb_printf(err, "%s:%u:%u: %s", st->name, st->line, col, msg);
	else
		sb_printf(err, "%s:%u: %s", st->name, st->line, msg);
	return -EINVAL;
}

static int
rf_call(struct rf_state *st, sa_record_handler handler, void *user,
    const char *key, const char *value, size_t value_col, struct sbuf *err)
{
	struct sa_record rec = {
		.file = st->name,
		.line = st->line,
		.type = st->type,
		.name = st->rname,
		.key = key,
		.value = value,
	};
	struct sa_record_error e;
	int r;

	memset(&e, 0, sizeof(e));
	r = handler(user, &rec, &e);
	if (r >= 0)
		return 0;
	if (e.message[0] == '\0')
		snprintf(e.message, sizeof(e.message), "rejected");
	/* The handler counts columns in the value; the file, from the line. */
	rf_fail(st, err, e.column > 0 ? (unsigned int)(value_col + e.column - 1) : 0,
	    e.message);
	return r;
}

static int
rf_header(struct rf_state *st, char *line, sa_record_handler handler,
    void *user, struct sbuf *err)
{
	char *end = strchr(line, ']');
	char *sp, *full;
	int fresh;

	if (end == NULL || *ut_trim(end + 1) != '\0')
		return rf_fail(st, err, 0, _("record header must be \"[TYPE NAME]\" or \"[NAME]\""));
	*end = '\0';
	line++;
	sp = strchr(line, ' ');
	free(st->type);
	free(st->rname);
	if (sp != NULL) {
		st->type = xstrndup(line, (size_t)(sp - line));
		st->rname = xstrdup(sp + 1);
	} else {
		st->type = xstrdup("");
		st->rname = xstrdup(line);
	}
	if ((sp != NULL && !rf_valid_name(st->type, strlen(st->type))) ||
	    !rf_valid_name(st->rname, strlen(st->rname)))
		return rf_fail(st, err, 2, _("record type and name may only hold letters, digits, '.', '_' and '-'"));
	full = xasprintf("%s %s", st->type, st->rname);
	fresh = ss_add(&st->records, full);
	free(full);
	if (!fresh)
		return rf_fail(st, err, 0, _("this record appears twice in the file"));
	ss_free(&st->keys);
	st->in_record = 1;
	return rf_call(st, handler, user, NULL, NULL, 0, err);
}

static int
rf_field(struct rf_state *st, char *line, size_t indent,
    sa_record_handler handler, void *user, struct sbuf *err)
{
	char *eq = strchr(line, '=');
	char *key, *value, *msg;
	size_t klen;

	if (eq == NULL)
		return rf_fail(st, err, 0, _("expected \"[TYPE NAME]\", \"KEY = VALUE\", a '#' comment or a blank line"));
	if (!st->in_record)
		return rf_fail(st, err, 0, _("a field before the first record header"));
	*eq = '\0';
	key = ut_trim(line);
	klen = strlen(key);
	if (!rf_valid_name(key, klen))
		return rf_fail(st, err, (unsigned int)indent + 1, _("key may only hold letters, digits, '.', '_' and '-'"));
	value = eq + 1;
	while (*value == ' ' || *value == '\t')
		value++;
	value = ut_trim(value);
	if (!ss_add(&st->keys, key) && !rf_repeatable(st, key)) {
		msg = xasprintf(_("key \"%s\" given twice in [%s%s%s]"), key,
		    st->type, *st->type ? " " : "", st->rname);
		rf_fail(st, err, 0, msg);
		free(msg);
		return -EINVAL;
	}
	return rf_call(st, handler, user, key, value,
	    (size_t)(value - (line - indent)) + 1, err);
}

int
rf_error(struct sa_record_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

int
rf_parse_buffer(const char *name, const char *data, size_t len,
    const char *const *repeatable, sa_record_handler handler, void *user,
    struct sbuf *err)
{
	struct rf_state st;
	const char *p = data, *end = data + len, *nl;
	char *line = NULL;
	size_t n, off, indent;
	int r = 0;

	memset(&st, 0, sizeof(st));
	st.name = name;
	st.repeatable = repeatable;
	ss_init(&st.records);
	ss_init(&st.keys);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		st.line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > RF_MAX_LINE) {
			r = rf_fail(&st, err, 0, _("line longer than 65536 bytes"));
			break;
		}
		if (!ut_utf8_valid(p, n, &off)) {
			r = rf_fail(&st, err, (unsigned int)off + 1,
			    p[off] == '\0' ? _("NUL byte") : _("invalid UTF-8"));
			break;
		}
		free(line);
		line = xstrndup(p, n);
		p += n + (nl != NULL);
		if (n > 0 && line[n - 1] == '\r')
			line[n - 1] = '\0';
		indent = strspn(line, " \t");
		if (line[indent] == '\0' || line[indent] == '#' ||
		    line[indent] == ';')
			continue;
		if (line[indent] == '[')
			r = rf_header(&st, line + indent, handler, user, err);
		else
			r = rf_field(&st, line + indent, indent, handler, user, err);
		if (r < 0)
			break;
	}
	free(line);
	free(st.type);
	free(st.rname);
	ss_free(&st.records);
	ss_free(&st.keys);
	return r < 0 ? r : 0;
}

int
rf_parse_file(const char *path, const char *const *repeatable,
    sa_record_handler handler, void *user, struct sbuf *err)
{
	char *data;
	size_t len;
	int r;

	r = ut_read_file(path, RF_MAX_FILE, &data, &len);
	if (r < 0) {
		sb_reset(err);
		if (r == -EFBIG)
			sb_printf(err, _("%s: larger than %u bytes"), path, RF_MAX_FILE);
		else if (r == -EINVAL)
			sb_printf(err, _("%s: not a regular file"), path);
		else
			sb_printf(err, "%s: %s", path, strerror(-r));
		return r;
	}
	r = rf_parse_buffer(path, data, len, repeatable, handler, user, err);
	free(data);
	return r;
}
