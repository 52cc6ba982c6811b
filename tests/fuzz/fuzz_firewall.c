/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the firewall plugin's parsers (plugins/firewall/
 * parse.c): iptables-save output, nftables rulesets (with includes of
 * the same text, nested), /proc/net/{tcp,udp}{,6} tables and the
 * allowlist of ports.  The first byte picks the parser.  Aborts when a
 * verdict is not one of the three, a text field is not terminated, a
 * port is out of range, or an include's depth is not one more.
 */
#include "config.h"

#include <errno.h>

#include "fuzz_hostparse.h"

#include "../../plugins/firewall/firewall.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fz_text;
static size_t fz_len;

static int
fz_include(void *user, const char *pattern, int depth)
{
	struct fw_nft *nft = user;
	int r, saved = nft->depth;

	(void)strlen(pattern);
	if (depth != saved + 1)
		abort();	/* the depth handed on is one more */
	if (depth >= 3)
		return 0;
	/* as the plugin does: every include is the same text, nested */
	nft->depth = depth;
	r = fw_nft_parse(nft, fz_text, fz_len);
	nft->depth = saved;
	return r;
}

static void
fz_socket(void *user, const struct fw_socket *s)
{
	FZP_TERMINATED(s->address);
	if (s->port > 65535 || (s->udp != 0 && s->udp != 1) || (s->v6 != 0 && s->v6 != 1))
		abort();
}

static int
fz_deny(enum fw_deny d)
{
	return d == FW_DENY_UNKNOWN || d == FW_DENY_NO || d == FW_DENY_YES;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[200] = "", bad[64] = "", *s;
	struct fw_allow list[FW_MAX_ALLOW];
	struct fw_nft *nft;
	enum fw_deny v4, v6;
	size_t i, count = 0;

	if (size < 1)
		return 0;
	fz_text = (const char *)data + 1;
	fz_len = size - 1;
	switch (data[0] % 4) {
	case 0:
		if (!fz_deny(fw_iptables_deny(fz_text, fz_len, why, sizeof(why))))
			abort();
		FZP_TERMINATED(why);
		break;
	case 1:
		if ((nft = calloc(1, sizeof(*nft))) == NULL)
			abort();
		fw_nft_init(nft);
		nft->include = fz_include;
		nft->user = nft;
		(void)fw_nft_parse(nft, fz_text, fz_len);
		if (nft->n_chains > FW_NFT_MAX_CHAINS)
			abort();
		for (i = 0; i < nft->n_chains; i++) {
			FZP_TERMINATED(nft->chains[i].family);
			FZP_TERMINATED(nft->chains[i].table);
			FZP_TERMINATED(nft->chains[i].name);
		}
		fw_nft_verdict(nft, &v4, &v6, why, sizeof(why));
		if (!fz_deny(v4) || !fz_deny(v6))
			abort();
		FZP_TERMINATED(why);
		free(nft);
		break;
	case 2:
		for (i = 0; i < 4; i++)
			(void)fw_proc_net_parse(fz_text, fz_len, (int)(i & 1), (int)(i >> 1),
			    fz_socket, NULL);
		break;
	case 3:
		s = fzp_str((const uint8_t *)fz_text, fz_len);
		if (fw_allow_parse(s, list, &count, bad, sizeof(bad)) == 0 || count > 0) {
			if (count > FW_MAX_ALLOW)
				abort();
			for (i = 0; i < count; i++)
				if (list[i].lo > list[i].hi || list[i].hi > 65535 || list[i].proto > 2)
					abort();
			for (i = 0; i < 70000; i += 997)
				(void)fw_allow_match(list, count, (int)(i & 1), (unsigned int)i);
		}
		FZP_TERMINATED(bad);
		free(s);
		break;
	}
	return 0;
}
