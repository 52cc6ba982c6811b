/* SPDX-License-Identifier: MIT */
/*
 * firewall: the parsers behind the plugin, kept free of the host table
 * so that unit tests drive them with strings.
 */
#ifndef FW_FIREWALL_H
#define FW_FIREWALL_H

#include <stddef.h>
#include <stdint.h>

/* Does a ruleset deny inbound traffic by default, per address family? */
enum fw_deny {
	FW_DENY_UNKNOWN = -1,	/* cannot tell (a variable, a syntax we skip) */
	FW_DENY_NO = 0,
	FW_DENY_YES = 1
};

/*
 * iptables-save output (/etc/iptables/rules.v4, /etc/sysconfig/iptables):
 * the filter table's INPUT chain denies by default when its policy is
 * DROP or its last rule is an unconditional DROP or REJECT.  why gets a
 * short explanation ("INPUT policy DROP").
 */
enum fw_deny fw_iptables_deny(const char *data, size_t len, char *why,
    size_t why_size);

/*
 * nftables.  The parser keeps every base chain on the input hook it
 * sees, across files (include) and syntaxes (nested "table { chain { } }"
 * and flat "add chain ... / add rule ...").
 */
#define FW_NFT_MAX_CHAINS 64

struct fw_nft_chain {
	char family[16];	/* ip, ip6, inet, ... */
	char table[64];
	char name[64];
	int input_hook;		/* type filter hook input */
	enum fw_deny policy;	/* YES drop, NO accept (also unset), UNKNOWN $var */
	int last_rule_drops;	/* the last rule is an unconditional drop/reject */
};

struct fw_nft {
	struct fw_nft_chain chains[FW_NFT_MAX_CHAINS];
	size_t n_chains;
	/*
	 * Called for include "PATTERN"; returns 0 to go on.  NULL: includes
	 * are ignored.
	 */
	int (*include)(void *user, const char *pattern, int depth);
	void *user;
	int depth;
};

void fw_nft_init(struct fw_nft *nft);
/* Parse one file's text into nft.  Returns 0, or what include returned. */
int fw_nft_parse(struct fw_nft *nft, const char *data, size_t len);
/* The verdict per family; why explains it. */
void fw_nft_verdict(const struct fw_nft *nft, enum fw_deny *ret_v4,
    enum fw_deny *ret_v6, char *why, size_t why_size);

/* A socket of /proc/net/{tcp,tcp6,udp,udp6} that listens. */
struct fw_socket {
	int udp;
	int v6;
	int any_address;	/* bound to 0.0.0.0 or :: (every interface) */
	char address[48];	/* printable local address */
	unsigned int port;
	unsigned long inode;
};

typedef void (*fw_socket_fn)(void *user, const struct fw_socket *sock);
/*
 * Call fn for every listening socket of a /proc/net table (TCP in LISTEN,
 * UDP unconnected).  Returns the number of lines that could not be
 * parsed (0 for a well-formed table).
 */
size_t fw_proc_net_parse(const char *data, size_t len, int udp, int v6,
    fw_socket_fn fn, void *user);

/* The allowlist of ports that may listen on every interface. */
#define FW_MAX_ALLOW 256

struct fw_allow {
	int proto;		/* 0 both, 1 tcp, 2 udp */
	unsigned int lo;
	unsigned int hi;
};

/*
 * Add the entries of spec ("tcp/22, udp/68 443 tcp/8000-8099") to list.
 * Returns 0, or -EINVAL with the offending entry copied to bad.
 */
int fw_allow_parse(const char *spec, struct fw_allow *list, size_t *count,
    char *bad, size_t bad_size);
int fw_allow_match(const struct fw_allow *list, size_t count, int udp,
    unsigned int port);

#endif /* FW_FIREWALL_H */
