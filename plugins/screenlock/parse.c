/* SPDX-License-Identifier: MIT */
/*
 * screenlock: parsers for dconf values, KDE's kscreenlockerrc, xfconf's
 * per-channel XML and TMOUT assignments in shell start-up files.
 */
#define _GNU_SOURCE

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "screenlock.h"

int
sl_gvariant_uint(const char *value, unsigned long long *ret)
{
	const char *p = value;
	size_t n;

	while (*p == ' ' || *p == '\t')
		p++;
	/* A type in front: "uint32 300", "@u 300". */
	n = strcspn(p, " \t");
	if (p[n] != '\0' && (p[0] == '@' || (p[0] >= 'a' && p[0] <= 'z'))) {
		p += n;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	{
		char num[32];

		if (n == 0 || n >= sizeof(num))
			return -EINVAL;
		memcpy(num, p, n);
		num[n] = '\0';
		return hf_parse_uint(num, ret);
	}
}

int
sl_gvariant_bool(const char *value, int *ret)
{
	size_t n = strlen(value);
	const char *p = hf_trim(value, &n);

	if (hf_word_eq(p, n, "true", 0))
		*ret = 1;
	else if (hf_word_eq(p, n, "false", 0))
		*ret = 0;
	else
		return -EINVAL;
	return 0;
}

void
sl_kde_init(struct sl_kde *k)
{
	memset(k, 0, sizeof(*k));
	k->autolock = -1;
	k->timeout_min = -1;
	k->grace_s = -1;
	k->require_password = -1;
}

static int
sl_kde_bool(const char *v, size_t n, int *ret)
{
	if (hf_word_eq(v, n, "true", 1) || hf_word_eq(v, n, "1", 0) ||
	    hf_word_eq(v, n, "yes", 1) || hf_word_eq(v, n, "on", 1))
		*ret = 1;
	else if (hf_word_eq(v, n, "false", 1) || hf_word_eq(v, n, "0", 0) ||
	    hf_word_eq(v, n, "no", 1) || hf_word_eq(v, n, "off", 1))
		*ret = 0;
	else
		return -EINVAL;
	return 0;
}

void
sl_kde_parse(const char *data, size_t len, struct sl_kde *k)
{
	struct hf_lines it;
	const char *line, *eq, *br;
	char value[64], *end;
	size_t n, kn, vn;
	int in_daemon = 0, seen_group = 0, immutable, b;
	double d;
	long l;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		if (line[0] == '[') {
			/* "[$i]" before any group locks the whole file. */
			if (!seen_group && hf_word_eq(line, n, "[$i]", 0)) {
				k->immutable_file = 1;
				continue;
			}
			seen_group = 1;
			in_daemon = n >= 8 && strncmp(line, "[Daemon]", 8) == 0 &&
			    (n == 8 || line[8] == '[');
			if (in_daemon && n > 8 && memmem(line + 8, n - 8, "$i", 2) != NULL)
				k->immutable_group = 1;
			continue;
		}
		if (!in_daemon || (eq = memchr(line, '=', n)) == NULL)
			continue;
		kn = (size_t)(eq - line);
		vn = n - kn - 1;
		line = hf_trim(line, &kn);
		eq = hf_trim(eq + 1, &vn);
		/* "Timeout[$i]=10": the key, with its own lock marker. */
		immutable = 0;
		if ((br = memchr(line, '[', kn)) != NULL) {
			immutable = memmem(br, kn - (size_t)(br - line), "$i", 2) != NULL;
			kn = (size_t)(br - line);
		}
		if (vn >= sizeof(value))
			vn = sizeof(value) - 1;
		memcpy(value, eq, vn);
		value[vn] = '\0';
		if (hf_word_eq(line, kn, "Autolock", 0)) {
			if (sl_kde_bool(value, vn, &b) < 0)
				k->bad_value = 1;
			else
				k->autolock = b;
			k->immutable_autolock |= immutable;
		} else if (hf_word_eq(line, kn, "Timeout", 0)) {
			d = strtod(value, &end);
			if (end == value || *end != '\0' || d < 0)
				k->bad_value = 1;
			else
				k->timeout_min = d;
			k->immutable_timeout |= immutable;
		} else if (hf_word_eq(line, kn, "LockGrace", 0)) {
			l = strtol(value, &end, 10);
			if (end == value || *end != '\0' || l < 0)
				k->bad_value = 1;
			else
				k->grace_s = l;
			k->immutable_grace |= immutable;
		} else if (hf_word_eq(line, kn, "RequirePassword", 0)) {
			if (sl_kde_bool(value, vn, &b) < 0)
				k->bad_value = 1;
			else
				k->require_password = b;
		}
	}
}

/* XML: just enough of it for xfconf's flat, generated files. */

#define SL_XML_DEPTH 16

static void
sl_xml_unescape(char *s)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	char *r = s, *w = s;
	size_t i, n;

	while (*r != '\0') {
		if (*r == '&') {
			for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
				n = strlen(ents[i].ent);
				if (strncmp(r, ents[i].ent, n) == 0) {
					*w++ = ents[i].c;
					r += n;
					break;
				}
			}
			if (i < sizeof(ents) / sizeof(ents[0]))
				continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

struct sl_xml_tag {
	char name[32];
	char attr_name[128];
	char attr_type[32];
	char attr_value[256];
	int has_value;
	int locked;
	int closing;
	int self_closing;
};

/* Parse "<name a="1" b='2'/>" at p (after '<'); returns the end or NULL. */
static const char *
sl_xml_tag(const char *p, const char *end, struct sl_xml_tag *t)
{
	char aname[32], aval[256];
	size_t n;
	char q;

	memset(t, 0, sizeof(*t));
	if (p < end && *p == '/') {
		t->closing = 1;
		p++;
	}
	n = 0;
	while (p < end && (isalnum((unsigned char)*p) || *p == '-' || *p == '_' ||
	    *p == ':')) {
		if (n + 1 < sizeof(t->name))
			t->name[n++] = *p;
		p++;
	}
	t->name[n] = '\0';
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		if (p >= end)
			return NULL;
		if (*p == '>')
			return p + 1;
		if (*p == '/' && p + 1 < end && p[1] == '>') {
			t->self_closing = 1;
			return p + 2;
		}
		n = 0;
		while (p < end && *p != '=' && *p != ' ' && *p != '>' && *p != '/') {
			if (n + 1 < sizeof(aname))
				aname[n++] = *p;
			p++;
		}
		aname[n] = '\0';
		if (p >= end || *p != '=' || n == 0)
			return NULL;
		p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return NULL;
		q = *p++;
		n = 0;
		while (p < end && *p != q) {
			if (n + 1 < sizeof(aval))
				aval[n++] = *p;
			p++;
		}
		if (p >= end)
			return NULL;
		p++;
		aval[n] = '\0';
		sl_xml_unescape(aval);
		if (strcmp(aname, "name") == 0)
			hf_format(t->attr_name, sizeof(t->attr_name), "%s", aval);
		else if (strcmp(aname, "type") == 0)
			hf_format(t->attr_type, sizeof(t->attr_type), "%s", aval);
		else if (strcmp(aname, "value") == 0) {
			snprintf(t->attr_value, sizeof(t->attr_value), "%s", aval);
			t->has_value = 1;
		} else if (strcmp(aname, "locked") == 0 && aval[0] != '\0')
			t->locked = 1;
		else if (strcmp(aname, "unlocked") == 0)
			t->locked = 1;	/* everyone not listed is locked out */
	}
}

int
sl_xfconf_parse(const char *data, size_t len, sl_xfconf_fn fn, void *user)
{
	const char *p = data, *end = data + len, *s;
	char stack[SL_XML_DEPTH][128], path[SL_XML_DEPTH * 129 + 1];
	struct sl_xfconf_prop prop;
	struct sl_xml_tag t;
	int depth = 0, channel_locked = 0, in_channel = 0, i;
	size_t off;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (end - p >= 3 && strncmp(p, "!--", 3) == 0) {
			s = memmem(p, (size_t)(end - p), "-->", 3);
			if (s == NULL)
				return -EINVAL;
			p = s + 3;
			continue;
		}
		if (p < end && (*p == '?' || *p == '!')) {
			s = memchr(p, '>', (size_t)(end - p));
			if (s == NULL)
				return -EINVAL;
			p = s + 1;
			continue;
		}
		if ((p = sl_xml_tag(p, end, &t)) == NULL)
			return -EINVAL;
		if (strcmp(t.name, "channel") == 0) {
			if (t.closing)
				return depth == 0 ? 0 : -EINVAL;
			in_channel = 1;
			channel_locked = t.locked;
			continue;
		}
		if (strcmp(t.name, "property") != 0 || !in_channel)
			continue;
		if (t.closing) {
			if (depth == 0)
				return -EINVAL;
			depth--;
			continue;
		}
		off = 0;
		for (i = 0; i < depth; i++)
			off += (size_t)snprintf(path + off, sizeof(path) - off, "/%s",
			    stack[i]);
		snprintf(path + off, sizeof(path) - off, "/%s", t.attr_name);
		if (t.has_value) {
			prop.path = path;
			prop.type = t.attr_type;
			prop.value = t.attr_value;
			prop.locked = t.locked || channel_locked;
			fn(user, &prop);
		}
		if (!t.self_closing) {
			if (depth == SL_XML_DEPTH)
				return -EINVAL;
			snprintf(stack[depth], sizeof(stack[depth]), "%s", t.attr_name);
			depth++;
		}
	}
	return in_channel && depth == 0 ? 0 : -EINVAL;
}

/* TMOUT */

/* The next shell word of s (up to n bytes); returns its length. */
static size_t
sl_word(const char *s, size_t n)
{
	size_t i = 0;
	char q = 0;

	while (i < n) {
		if (q != 0) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			q = s[i];
		else if (s[i] == ' ' || s[i] == '\t')
			break;
		i++;
	}
	return i;
}

static void
sl_skip_blank(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
}

/* One simple command: "[export|readonly|declare -r ...] TMOUT=600". */
static void
sl_tmout_command(const char *s, size_t n, int conditional, const char *file,
    unsigned int line, struct sl_tmout *t)
{
	int readonly = 0, declaring = 0;
	size_t w, vn;
	char value[64];
	const char *v;

	for (;;) {
		sl_skip_blank(&s, &n);
		w = sl_word(s, n);
		if (w == 0)
			return;
		if (hf_word_eq(s, w, "export", 0) || hf_word_eq(s, w, "local", 0)) {
			declaring = 1;
		} else if (hf_word_eq(s, w, "readonly", 0)) {
			declaring = readonly = 1;
		} else if (hf_word_eq(s, w, "declare", 0) ||
		    hf_word_eq(s, w, "typeset", 0)) {
			declaring = 1;
		} else if (declaring && s[0] == '-') {
			readonly |= memchr(s, 'r', w) != NULL;
		} else
			break;
		s += w;
		n -= w;
	}
	/* The remaining words: names, or NAME=VALUE. */
	while ((w = sl_word(s, n)) > 0) {
		if (w >= 6 && strncmp(s, "TMOUT=", 6) == 0) {
			const char *rest = s + w;
			size_t rn = n - w;

			sl_skip_blank(&rest, &rn);
			if (t->readonly || (!declaring && rn > 0))
				return;	/* refused by the shell, or "TMOUT=1 cmd" */
			/* vn, not w: w still has to step over the whole word
			 * ("export TMOUT=" once looped forever on w == 0) */
			v = s + 6;
			vn = w - 6;
			if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) {
				v++;
				vn -= 2;
			}
			snprintf(value, sizeof(value), "%.*s", (int)(vn < 63 ? vn : 63), v);
			t->set = 1;
			t->dynamic = hf_parse_uint(value, &t->seconds) < 0;
			if (t->dynamic)
				t->seconds = 0;
			t->conditional = conditional;
			t->readonly = readonly;
			hf_format(t->where, sizeof(t->where), "%s:%u", file, line);
		} else if (hf_word_eq(s, w, "TMOUT", 0) && readonly && t->set &&
		    !conditional) {
			t->readonly = 1;
		}
		s += w;
		n -= w;
		sl_skip_blank(&s, &n);
		if (!declaring)
			break;
	}
}

void
sl_tmout_parse(const char *data, size_t len, const char *file,
    struct sl_tmout *t)
{
	struct hf_lines it;
	const char *line, *s, *e;
	size_t n, k, w;
	int depth = 0, cond;
	char q;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		/* Statements end at ';', '&&', '||' and the line's end. */
		s = line;
		cond = 0;
		while (s < line + n) {
			q = 0;
			for (e = s; e < line + n; e++) {
				if (q != 0) {
					if (*e == q)
						q = 0;
				} else if (*e == '"' || *e == '\'')
					q = *e;
				else if (*e == ';' || *e == '#' ||
				    (e + 1 < line + n && ((e[0] == '&' && e[1] == '&') ||
				    (e[0] == '|' && e[1] == '|'))))
					break;
			}
			k = (size_t)(e - s);
			s = hf_trim(s, &k);
			w = sl_word(s, k);
			if (hf_word_eq(s, w, "if", 0) || hf_word_eq(s, w, "case", 0) ||
			    hf_word_eq(s, w, "while", 0) || hf_word_eq(s, w, "until", 0) ||
			    hf_word_eq(s, w, "for", 0))
				depth++;
			else if ((hf_word_eq(s, w, "fi", 0) || hf_word_eq(s, w, "esac", 0) ||
			    hf_word_eq(s, w, "done", 0)) && depth > 0)
				depth--;
			else if (hf_word_eq(s, w, "then", 0) || hf_word_eq(s, w, "else", 0) ||
			    hf_word_eq(s, w, "do", 0))
				sl_tmout_command(s + w, k - w, 1, file, it.number, t);
			else if (hf_word_eq(s, w, "unset", 0)) {
				if (memmem(s, k, "TMOUT", 5) != NULL && !t->readonly &&
				    depth == 0 && !cond)
					t->set = 0;
			} else
				sl_tmout_command(s, k, depth > 0 || cond, file, it.number, t);
			if (e >= line + n || *e == '#')
				break;
			/* What follows && or || runs only on a condition. */
			if (*e != ';') {
				cond = 1;
				e++;
			}
			s = e + 1;
		}
	}
}
