/* SPDX-License-Identifier: MIT */
/*
 * firewall: parsers for iptables-save files, nftables rulesets,
 * /proc/net socket tables and the port allowlist.  Nothing here touches
 * the audited system; firewall.c feeds these with what it read.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "firewall.h"

#define FW_MAX_TOKENS 96

struct fw_tok {
	const char *s;
	size_t n;
};

static int
fw_tok_is(const struct fw_tok *t, const char *word)
{
	return hf_word_eq(t->s, t->n, word, 0);
}

/* Split a line into words; "double quoted" strings stay one token. */
static size_t
fw_split(const char *s, size_t n, struct fw_tok *toks, size_t max)
{
	const char *end = s + n, *start;
	size_t count = 0;

	while (s < end && count < max) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (s >= end)
			break;
		start = s;
		if (*s == '"') {
			for (s++; s < end && *s != '"'; s++)
				if (*s == '\\' && s + 1 < end)
					s++;
			if (s < end)
				s++;
		} else
			while (s < end && *s != ' ' && *s != '\t' && *s != '\r')
				s++;
		toks[count].s = start;
		toks[count].n = (size_t)(s - start);
		count++;
	}
	return count;
}

/*
 * "-A INPUT [-m comment --comment X] -j DROP|REJECT [--reject-with T]":
 * a rule that drops whatever reached it.
 */
static int
fw_iptables_final(const struct fw_tok *t, size_t n)
{
	int verdict = 0;
	size_t i;

	for (i = 2; i < n; i++) {
		if (fw_tok_is(&t[i], "-m") && i + 1 < n && fw_tok_is(&t[i + 1], "comment"))
			i++;
		else if (fw_tok_is(&t[i], "--comment") && i + 1 < n)
			i++;
		else if ((fw_tok_is(&t[i], "-j") || fw_tok_is(&t[i], "--jump")) &&
		    i + 1 < n) {
			verdict = fw_tok_is(&t[i + 1], "DROP") ||
			    fw_tok_is(&t[i + 1], "REJECT");
			if (!verdict)
				return 0;
			i++;
		} else if (fw_tok_is(&t[i], "--reject-with") && i + 1 < n)
			i++;
		else
			return 0;	/* a match: the rule is conditional */
	}
	return verdict;
}

enum fw_deny
fw_iptables_deny(const char *data, size_t len, char *why, size_t why_size)
{
	struct fw_tok t[FW_MAX_TOKENS];
	struct hf_lines it;
	const char *line;
	char policy[16] = "";
	int in_filter = 0, saw_filter = 0, last_drops = 0;
	size_t n, nt;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		if (line[0] == '*') {
			in_filter = hf_word_eq(line, n, "*filter", 0);
			saw_filter |= in_filter;
			continue;
		}
		if (!in_filter)
			continue;
		if (hf_word_eq(line, n, "COMMIT", 0)) {
			in_filter = 0;
			continue;
		}
		nt = fw_split(line, n, t, FW_MAX_TOKENS);
		if (nt >= 2 && fw_tok_is(&t[0], ":INPUT")) {
			snprintf(policy, sizeof(policy), "%.*s", (int)t[1].n, t[1].s);
			continue;
		}
		if (nt >= 2 && (fw_tok_is(&t[0], "-A") || fw_tok_is(&t[0], "--append")) &&
		    fw_tok_is(&t[1], "INPUT"))
			last_drops = fw_iptables_final(t, nt);
	}
	if (!saw_filter) {
		snprintf(why, why_size, E_("no *filter table"));
		return FW_DENY_NO;
	}
	if (strcmp(policy, "DROP") == 0) {
		snprintf(why, why_size, E_("INPUT policy DROP"));
		return FW_DENY_YES;
	}
	if (last_drops) {
		snprintf(why, why_size, E_("INPUT ends with an unconditional DROP/REJECT"));
		return FW_DENY_YES;
	}
	snprintf(why, why_size, E_("INPUT policy %s and no final DROP/REJECT rule"),
	    policy[0] != '\0' ? policy : E_("ACCEPT (unset)"));
	return FW_DENY_NO;
}

/* nftables */

enum fw_block { FW_B_TOP, FW_B_TABLE, FW_B_CHAIN, FW_B_OPAQUE };

struct fw_nft_parser {
	struct fw_nft *nft;
	struct {
		enum fw_block kind;
		char family[16];
		char table[64];
		int chain;		/* index in nft->chains, or -1 */
	} stack[16];
	int depth;		/* stack[depth] is the current block */
	struct fw_tok toks[FW_MAX_TOKENS];
	size_t n_toks;
	int inline_depth;	/* inside an anonymous { set } of a rule */
	int stop;		/* what include returned */
};

void
fw_nft_init(struct fw_nft *nft)
{
	memset(nft, 0, sizeof(*nft));
}

static void
fw_copy(char *dst, size_t size, const struct fw_tok *t)
{
	snprintf(dst, size, "%.*s", (int)t->n, t->s);
}

static int
fw_nft_chain(struct fw_nft *nft, const char *family, const char *table,
    const struct fw_tok *name)
{
	char cname[64];
	size_t i;

	fw_copy(cname, sizeof(cname), name);
	for (i = 0; i < nft->n_chains; i++)
		if (strcmp(nft->chains[i].family, family) == 0 &&
		    strcmp(nft->chains[i].table, table) == 0 &&
		    strcmp(nft->chains[i].name, cname) == 0)
			return (int)i;
	if (nft->n_chains == FW_NFT_MAX_CHAINS)
		return -1;
	i = nft->n_chains++;
	memset(&nft->chains[i], 0, sizeof(nft->chains[i]));
	snprintf(nft->chains[i].family, sizeof(nft->chains[i].family), "%s", family);
	snprintf(nft->chains[i].table, sizeof(nft->chains[i].table), "%s", table);
	snprintf(nft->chains[i].name, sizeof(nft->chains[i].name), "%s", cname);
	nft->chains[i].policy = FW_DENY_NO;
	return (int)i;
}

static int
fw_nft_is_family(const struct fw_tok *t)
{
	static const char *const families[] = {
		"ip", "ip6", "inet", "arp", "bridge", "netdev", NULL
	};
	size_t i;

	for (i = 0; families[i] != NULL; i++)
		if (fw_tok_is(t, families[i]))
			return 1;
	return 0;
}

/*
 * "[family] table chain" after a keyword: fills family/table, returns
 * the index of the chain name token, or 0 if the shape is wrong.
 */
static size_t
fw_nft_spec(const struct fw_tok *t, size_t n, size_t i, char *family,
    size_t fsize, char *table, size_t tsize)
{
	if (i < n && fw_nft_is_family(&t[i]) && i + 2 < n) {
		fw_copy(family, fsize, &t[i]);
		fw_copy(table, tsize, &t[i + 1]);
		return i + 2;
	}
	if (i + 1 < n) {
		snprintf(family, fsize, "ip");
		fw_copy(table, tsize, &t[i]);
		return i + 1;
	}
	return 0;
}

/* "[counter] [log ...] [comment "x"] drop|reject [with ...]" */
static int
fw_nft_final(const struct fw_tok *t, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (fw_tok_is(&t[i], "counter")) {
			i++;
			while (i + 1 < n && (fw_tok_is(&t[i], "packets") ||
			    fw_tok_is(&t[i], "bytes")))
				i += 2;
		} else if (fw_tok_is(&t[i], "log")) {
			i++;
			while (i + 1 < n && (fw_tok_is(&t[i], "prefix") ||
			    fw_tok_is(&t[i], "level") || fw_tok_is(&t[i], "flags") ||
			    fw_tok_is(&t[i], "group") || fw_tok_is(&t[i], "snaplen") ||
			    fw_tok_is(&t[i], "queue-threshold")))
				i += 2;
		} else if (fw_tok_is(&t[i], "comment") && i + 1 < n)
			i += 2;
		else if (fw_tok_is(&t[i], "drop"))
			return i + 1 == n ||
			    (i + 3 == n && fw_tok_is(&t[i + 1], "comment"));
		else if (fw_tok_is(&t[i], "reject"))
			return 1;	/* "with icmpx type ..." only shapes the reply */
		else
			return 0;
	}
	return 0;
}

static void
fw_nft_rule(struct fw_nft *nft, int chain, const struct fw_tok *t, size_t n)
{
	if (chain >= 0)
		nft->chains[chain].last_rule_drops = fw_nft_final(t, n);
}

static void
fw_nft_chain_statement(struct fw_nft_parser *p, int chain)
{
	struct fw_nft_chain *c = chain >= 0 ? &p->nft->chains[chain] : NULL;
	const struct fw_tok *t = p->toks;
	size_t n = p->n_toks, i;

	if (fw_tok_is(&t[0], "type")) {
		for (i = 1; i + 1 < n; i++)
			if (fw_tok_is(&t[i], "hook") && fw_tok_is(&t[i + 1], "input") &&
			    c != NULL)
				c->input_hook = 1;
	} else if (fw_tok_is(&t[0], "policy")) {
		if (c != NULL && n >= 2)
			c->policy = fw_tok_is(&t[1], "drop") ? FW_DENY_YES :
			    fw_tok_is(&t[1], "accept") ? FW_DENY_NO : FW_DENY_UNKNOWN;
	} else if (fw_tok_is(&t[0], "comment") || fw_tok_is(&t[0], "devices") ||
	    fw_tok_is(&t[0], "device"))
		return;
	else
		fw_nft_rule(p->nft, chain, t, n);
}

/* A top-level command: include, flush ruleset, add rule ... */
static void
fw_nft_top_statement(struct fw_nft_parser *p)
{
	const struct fw_tok *t = p->toks;
	size_t n = p->n_toks, i = 0, c;
	char family[16], table[64], pattern[4096];

	if (fw_tok_is(&t[0], "include") && n >= 2) {
		if (t[1].n >= 2 && t[1].s[0] == '"')
			snprintf(pattern, sizeof(pattern), "%.*s", (int)t[1].n - 2,
			    t[1].s + 1);
		else
			fw_copy(pattern, sizeof(pattern), &t[1]);
		if (p->nft->include != NULL && p->stop == 0)
			p->stop = p->nft->include(p->nft->user, pattern,
			    p->nft->depth + 1);
		return;
	}
	if (n >= 2 && fw_tok_is(&t[0], "flush") && fw_tok_is(&t[1], "ruleset")) {
		p->nft->n_chains = 0;
		return;
	}
	if (fw_tok_is(&t[0], "add") || fw_tok_is(&t[0], "create"))
		i = 1;
	if (i < n && fw_tok_is(&t[i], "rule")) {
		c = fw_nft_spec(t, n, i + 1, family, sizeof(family), table,
		    sizeof(table));
		if (c != 0 && c < n)
			fw_nft_rule(p->nft, fw_nft_chain(p->nft, family, table, &t[c]),
			    t + c + 1, n - c - 1);
	}
}

static void
fw_nft_statement(struct fw_nft_parser *p)
{
	if (p->n_toks == 0)
		return;
	switch (p->stack[p->depth].kind) {
	case FW_B_TOP:
		fw_nft_top_statement(p);
		break;
	case FW_B_CHAIN:
		fw_nft_chain_statement(p, p->stack[p->depth].chain);
		break;
	default:
		break;
	}
	p->n_toks = 0;
}

/* "{" after the current tokens: a new block, or an anonymous set. */
static void
fw_nft_open(struct fw_nft_parser *p)
{
	const struct fw_tok *t = p->toks;
	size_t n = p->n_toks, i = 0, c;
	enum fw_block cur = p->stack[p->depth].kind, kind = FW_B_OPAQUE;
	char family[16] = "", table[64] = "";
	int chain = -1;

	if (n > 0 && (fw_tok_is(&t[0], "add") || fw_tok_is(&t[0], "create")))
		i = 1;
	if (cur == FW_B_CHAIN || (cur == FW_B_TOP && i < n &&
	    fw_tok_is(&t[i], "rule")) || (n > 0 && cur != FW_B_OPAQUE &&
	    fw_tok_is(&t[n - 1], "="))) {
		/* "tcp dport { 22, 80 } accept", "elements = { ... }" */
		p->inline_depth = 1;
		return;
	}
	if (cur == FW_B_TOP && i < n && fw_tok_is(&t[i], "table")) {
		kind = FW_B_TABLE;
		if (i + 2 < n) {
			fw_copy(family, sizeof(family), &t[i + 1]);
			fw_copy(table, sizeof(table), &t[i + 2]);
		} else if (i + 1 < n) {
			snprintf(family, sizeof(family), "ip");
			fw_copy(table, sizeof(table), &t[i + 1]);
		}
	} else if (cur == FW_B_TABLE && n >= 2 && fw_tok_is(&t[0], "chain")) {
		kind = FW_B_CHAIN;
		snprintf(family, sizeof(family), "%s", p->stack[p->depth].family);
		snprintf(table, sizeof(table), "%s", p->stack[p->depth].table);
		chain = fw_nft_chain(p->nft, family, table, &t[1]);
	} else if (cur == FW_B_TOP && i < n && fw_tok_is(&t[i], "chain")) {
		c = fw_nft_spec(t, n, i + 1, family, sizeof(family), table,
		    sizeof(table));
		if (c != 0 && c < n) {
			kind = FW_B_CHAIN;
			chain = fw_nft_chain(p->nft, family, table, &t[c]);
		}
	}
	p->n_toks = 0;
	if (p->depth + 1 >= (int)(sizeof(p->stack) / sizeof(p->stack[0]))) {
		p->inline_depth = 1;	/* too deep to matter: skip it whole */
		return;
	}
	p->depth++;
	p->stack[p->depth].kind = kind;
	snprintf(p->stack[p->depth].family, sizeof(p->stack[p->depth].family),
	    "%s", family);
	snprintf(p->stack[p->depth].table, sizeof(p->stack[p->depth].table),
	    "%s", table);
	p->stack[p->depth].chain = chain;
}

int
fw_nft_parse(struct fw_nft *nft, const char *data, size_t len)
{
	struct fw_nft_parser p;
	const char *s = data, *end = data + len, *start;

	memset(&p, 0, sizeof(p));
	p.nft = nft;
	p.stack[0].kind = FW_B_TOP;
	p.stack[0].chain = -1;
	while (s < end && p.stop == 0) {
		/* a NUL byte separates words too: a word never starts with
		 * one, so the scan below always moves on */
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\0') {
			s++;
		} else if (*s == '\\' && s + 1 < end && s[1] == '\n') {
			s += 2;		/* a continued line */
		} else if (*s == '#') {
			while (s < end && *s != '\n')
				s++;
		} else if (*s == '{') {
			s++;
			if (p.inline_depth > 0)
				p.inline_depth++;
			else
				fw_nft_open(&p);
		} else if (*s == '}') {
			s++;
			if (p.inline_depth > 0) {
				p.inline_depth--;
				continue;
			}
			fw_nft_statement(&p);
			if (p.depth > 0)
				p.depth--;
		} else if (*s == '\n' || *s == ';') {
			s++;
			if (p.inline_depth == 0)
				fw_nft_statement(&p);
		} else {
			start = s;
			if (*s == '"') {
				for (s++; s < end && *s != '"' && *s != '\n'; s++)
					if (*s == '\\' && s + 1 < end)
						s++;
				if (s < end && *s == '"')
					s++;
			} else
				while (s < end && strchr(" \t\r\n;{}#\"", *s) == NULL)
					s++;
			/* Words inside an anonymous set do not shape the rule. */
			if (p.inline_depth == 0 && p.n_toks < FW_MAX_TOKENS) {
				p.toks[p.n_toks].s = start;
				p.toks[p.n_toks].n = (size_t)(s - start);
				p.n_toks++;
			} else if (p.inline_depth > 0 && p.n_toks < FW_MAX_TOKENS &&
			    (p.n_toks == 0 || !fw_tok_is(&p.toks[p.n_toks - 1], "{set}"))) {
				p.toks[p.n_toks].s = "{set}";
				p.toks[p.n_toks].n = 5;
				p.n_toks++;
			}
		}
	}
	fw_nft_statement(&p);
	return p.stop;
}

void
fw_nft_verdict(const struct fw_nft *nft, enum fw_deny *ret_v4,
    enum fw_deny *ret_v6, char *why, size_t why_size)
{
	enum fw_deny v4 = FW_DENY_NO, v6 = FW_DENY_NO;
	int unknown4 = 0, unknown6 = 0, inputs = 0, deny, fam4, fam6;
	char first_deny[200] = "", first_open[200] = "";
	size_t i;

	for (i = 0; i < nft->n_chains; i++) {
		const struct fw_nft_chain *c = &nft->chains[i];

		if (!c->input_hook)
			continue;
		fam4 = strcmp(c->family, "inet") == 0 || strcmp(c->family, "ip") == 0;
		fam6 = strcmp(c->family, "inet") == 0 || strcmp(c->family, "ip6") == 0;
		if (!fam4 && !fam6)
			continue;
		inputs++;
		/* Base chains on one hook all see the packet: one drop suffices. */
		deny = c->policy == FW_DENY_YES || c->last_rule_drops;
		if (deny) {
			if (fam4)
				v4 = FW_DENY_YES;
			if (fam6)
				v6 = FW_DENY_YES;
			if (first_deny[0] == '\0')
				snprintf(first_deny, sizeof(first_deny), "%s %s %s: %s",
				    c->family, c->table, c->name,
				    c->policy == FW_DENY_YES ? "policy drop" :
				    E_("ends with an unconditional drop/reject"));
		} else {
			unknown4 |= fam4 && c->policy == FW_DENY_UNKNOWN;
			unknown6 |= fam6 && c->policy == FW_DENY_UNKNOWN;
			if (first_open[0] == '\0')
				snprintf(first_open, sizeof(first_open), "%s %s %s: %s",
				    c->family, c->table, c->name,
				    c->policy == FW_DENY_UNKNOWN ? E_("policy set from a variable") :
				    E_("policy accept and no final drop/reject"));
		}
	}
	if (v4 == FW_DENY_NO && unknown4)
		v4 = FW_DENY_UNKNOWN;
	if (v6 == FW_DENY_NO && unknown6)
		v6 = FW_DENY_UNKNOWN;
	*ret_v4 = v4;
	*ret_v6 = v6;
	if (inputs == 0)
		snprintf(why, why_size, E_("no ip/ip6/inet base chain on the input hook"));
	else if (v4 == FW_DENY_YES && v6 == FW_DENY_YES)
		snprintf(why, why_size, "%s", first_deny);
	else if (v4 == FW_DENY_YES || v6 == FW_DENY_YES)
		snprintf(why, why_size, E_("%s; only IPv%c is covered"), first_deny,
		    v4 == FW_DENY_YES ? '4' : '6');
	else
		snprintf(why, why_size, "%s", first_open);
}

/* /proc/net/{tcp,udp}{,6} */

static int
fw_hex32(const char *s, uint32_t *ret)
{
	uint32_t v = 0;
	int i, d;

	for (i = 0; i < 8; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else
			return -EINVAL;
		v = v << 4 | (uint32_t)d;
	}
	*ret = v;
	return 0;
}

/*
 * "0100007F:0035": the kernel prints each 32-bit word of the address as
 * a number in the host's byte order, the port in the usual order.  The
 * table is always the live host's own, so storing the words back in
 * host order gives the address bytes.
 */
static int
fw_proc_addr(const struct fw_tok *t, int v6, unsigned char *addr,
    unsigned int *port)
{
	size_t words = v6 ? 4 : 1, i;
	unsigned long p;
	uint32_t w;
	char *end;

	if (t->n != words * 8 + 5 || t->s[words * 8] != ':')
		return -EINVAL;
	for (i = 0; i < words; i++) {
		if (fw_hex32(t->s + i * 8, &w) < 0)
			return -EINVAL;
		memcpy(addr + i * 4, &w, 4);
	}
	p = strtoul(t->s + words * 8 + 1, &end, 16);
	if (end != t->s + t->n || p > 65535)
		return -EINVAL;
	*port = (unsigned int)p;
	return 0;
}

size_t
fw_proc_net_parse(const char *data, size_t len, int udp, int v6,
    fw_socket_fn fn, void *user)
{
	struct fw_tok t[16];
	struct hf_lines it;
	struct fw_socket sock;
	unsigned char local[16], remote[16];
	unsigned int rport;
	const char *line;
	size_t n, nt, bad = 0, i;
	unsigned long st;
	char *end;
	int zero;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		if (it.number == 1)
			continue;	/* the header */
		nt = fw_split(line, n, t, 16);
		if (nt == 0)
			continue;
		if (nt < 10) {
			bad++;
			continue;
		}
		memset(&sock, 0, sizeof(sock));
		if (fw_proc_addr(&t[1], v6, local, &sock.port) < 0 ||
		    fw_proc_addr(&t[2], v6, remote, &rport) < 0) {
			bad++;
			continue;
		}
		st = strtoul(t[3].s, &end, 16);
		if (end != t[3].s + t[3].n) {
			bad++;
			continue;
		}
		zero = 1;
		for (i = 0; i < (v6 ? 16u : 4u); i++)
			zero &= remote[i] == 0;
		/* TCP_LISTEN is 0x0A; an unconnected UDP socket is TCP_CLOSE. */
		if (udp ? st != 0x07 || !zero || rport != 0 : st != 0x0A)
			continue;
		sock.udp = udp;
		sock.v6 = v6;
		sock.any_address = 1;
		for (i = 0; i < (v6 ? 16u : 4u); i++)
			sock.any_address &= local[i] == 0;
		inet_ntop(v6 ? AF_INET6 : AF_INET, local, sock.address,
		    sizeof(sock.address));
		sock.inode = strtoul(t[9].s, &end, 10);
		fn(user, &sock);
	}
	return bad;
}

int
fw_allow_parse(const char *spec, struct fw_allow *list, size_t *count,
    char *bad, size_t bad_size)
{
	const char *p = spec, *end, *num;
	unsigned long lo, hi;
	struct fw_allow a;
	char *e, word[64];
	size_t n;

	while (*p != '\0') {
		p += strspn(p, ", \t");
		end = p + strcspn(p, ", \t");
		n = (size_t)(end - p);
		if (n == 0)
			break;
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		snprintf(bad, bad_size, "%s", word);
		if (n >= sizeof(word))
			return -EINVAL;
		a.proto = 0;
		num = word;
		if (strncasecmp(word, "tcp/", 4) == 0) {
			a.proto = 1;
			num = word + 4;
		} else if (strncasecmp(word, "udp/", 4) == 0) {
			a.proto = 2;
			num = word + 4;
		}
		if (*num < '0' || *num > '9')
			return -EINVAL;
		lo = strtoul(num, &e, 10);
		hi = lo;
		if (*e == '-') {
			if (e[1] < '0' || e[1] > '9')
				return -EINVAL;
			hi = strtoul(e + 1, &e, 10);
		}
		if (*e != '\0' || lo < 1 || hi > 65535 || lo > hi)
			return -EINVAL;
		if (*count >= FW_MAX_ALLOW)
			return -EINVAL;
		a.lo = (unsigned int)lo;
		a.hi = (unsigned int)hi;
		list[(*count)++] = a;
		p = end;
	}
	bad[0] = '\0';
	return 0;
}

int
fw_allow_match(const struct fw_allow *list, size_t count, int udp,
    unsigned int port)
{
	size_t i;

	for (i = 0; i < count; i++)
		if ((list[i].proto == 0 || list[i].proto == (udp ? 2 : 1)) &&
		    port >= list[i].lo && port <= list[i].hi)
			return 1;
	return 0;
}
