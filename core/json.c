/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "json.h"

void
jw_init(struct jw *w, FILE *f, int pretty)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
	w->pretty = pretty;
}

void
jw_escape(struct sbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;
	char u[8];

	sb_addc(sb, '"');
	while (i < n) {
		unsigned char c = p[i];

		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
			i++;
		} else if (c == '\n') {
			sb_adds(sb, "\\n");
			i++;
		} else if (c == '\t') {
			sb_adds(sb, "\\t");
			i++;
		} else if (c == '\r') {
			sb_adds(sb, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(u, sizeof(u), "\\u%04x", c);
			sb_adds(sb, u);
			i++;
		} else if (c < 0x80) {
			sb_addc(sb, (char)c);
			i++;
		} else if ((k = ut_utf8_seq(p + i, n - i)) == 0) {
			sb_adds(sb, "\\\\x");
			sb_addc(sb, hex[c >> 4]);
			sb_addc(sb, hex[c & 15]);
			i++;
		} else if (k == 3 && p[i] == 0xe2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xa8 || p[i + 2] == 0xa9)) {
			/* U+2028/2029 end lines in JavaScript. */
			sb_adds(sb, p[i + 2] == 0xa8 ? "\\u2028" : "\\u2029");
			i += 3;
		} else {
			sb_add(sb, p + i, k);
			i += k;
		}
	}
	sb_addc(sb, '"');
}

static void
jw_newline(struct jw *w)
{
	int i;

	if (!w->pretty)
		return;
	fputc('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

static void
jw_key(struct jw *w, const char *key)
{
	struct sbuf sb;

	if (w->depth > 0 && w->count[w->depth - 1]++ > 0)
		fputc(',', w->f);
	if (w->depth > 0)
		jw_newline(w);
	if (key != NULL) {
		sb_init(&sb);
		jw_escape(&sb, key);
		fputs(sb.data, w->f);
		fputs(w->pretty ? ": " : ":", w->f);
		sb_free(&sb);
	}
}

static void
jw_open(struct jw *w, const char *key, char c)
{
	jw_key(w, key);
	fputc(c, w->f);
	if (w->depth < JW_MAX_DEPTH - 1)
		w->count[w->depth++] = 0;
}

void
jw_object(struct jw *w, const char *key)
{
	jw_open(w, key, '{');
}

void
jw_array(struct jw *w, const char *key)
{
	jw_open(w, key, '[');
}

void
jw_end(struct jw *w, char close)
{
	int had = w->depth > 0 ? w->count[w->depth - 1] : 0;

	if (w->depth > 0)
		w->depth--;
	if (had > 0)
		jw_newline(w);
	fputc(close, w->f);
}

void
jw_string(struct jw *w, const char *key, const char *s)
{
	struct sbuf sb;

	if (s == NULL) {
		jw_null(w, key);
		return;
	}
	jw_key(w, key);
	sb_init(&sb);
	jw_escape(&sb, s);
	fputs(sb.data, w->f);
	sb_free(&sb);
}

void
jw_int(struct jw *w, const char *key, long long v)
{
	jw_key(w, key);
	fprintf(w->f, "%lld", v);
}

void
jw_bool(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	fputs(v ? "true" : "false", w->f);
}

void
jw_null(struct jw *w, const char *key)
{
	jw_key(w, key);
	fputs("null", w->f);
}

void
jw_finish(struct jw *w)
{
	fputc('\n', w->f);
}
