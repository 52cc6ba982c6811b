/* SPDX-License-Identifier: MIT */
/* The firewall plugin: its parsers, and a live-host run over a fixture /proc. */
#include "config.h"

#include <errno.h>

#include "unit.h"
#include "plugin_harness.h"
#include "../../plugins/firewall/firewall.h"

extern const struct sa_plugin smeaudit_plugin;

static const struct {
	const char *text;
	enum fw_deny want;
	const char *why;
} ipt_cases[] = {
	{ "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\nCOMMIT\n",
	  FW_DENY_YES, "INPUT policy DROP" },
	{ "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i lo -j ACCEPT\n"
	  "-A INPUT -m comment --comment \"the rest\" -j REJECT --reject-with "
	  "icmp-port-unreachable\nCOMMIT\n", FW_DENY_YES, "unconditional" },
	{ "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\n-A INPUT -p tcp "
	  "--dport 22 -j ACCEPT\nCOMMIT\n", FW_DENY_NO, "INPUT policy ACCEPT" },
	{ "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m conntrack --ctstate INVALID "
	  "-j DROP\nCOMMIT\n", FW_DENY_NO, "no final" },
	/* A DROP policy in another table is not the filter table's. */
	{ "*raw\n:INPUT DROP [0:0]\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n",
	  FW_DENY_NO, "ACCEPT" },
	{ "*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n", FW_DENY_NO, "no *filter" },
	{ "", FW_DENY_NO, "no *filter" },
};

START_TEST(test_iptables)
{
	char why[200];

	ck_assert_int_eq(fw_iptables_deny(ipt_cases[_i].text,
	    strlen(ipt_cases[_i].text), why, sizeof(why)), ipt_cases[_i].want);
	ck_assert_msg(strstr(why, ipt_cases[_i].why) != NULL, "why: %s", why);
}
END_TEST

static const struct {
	const char *text;
	enum fw_deny v4, v6;
} nft_cases[] = {
	{ "table inet filter {\n chain input {\n  type filter hook input priority 0; "
	  "policy drop;\n  tcp dport { 22, 80 } accept\n }\n}\n",
	  FW_DENY_YES, FW_DENY_YES },
	/* One line, semicolons, a comment and a quoted string with a brace. */
	{ "table inet f { chain i { type filter hook input priority 0; policy accept; "
	  "iif \"lo{\" accept; counter drop comment \"x\" } } # } policy drop\n",
	  FW_DENY_YES, FW_DENY_YES },
	{ "table ip filter {\n chain INPUT {\n  type filter hook input priority 0;"
	  " policy drop;\n }\n}\n", FW_DENY_YES, FW_DENY_NO },
	{ "table ip6 filter {\n chain input {\n  type filter hook input priority 0;\n"
	  "  reject with icmpv6 type admin-prohibited\n }\n}\n", FW_DENY_NO,
	  FW_DENY_YES },
	/* Debian's shipped file: accept everything. */
	{ "flush ruleset\ntable inet filter {\n\tchain input {\n\t\ttype filter hook "
	  "input priority filter;\n\t}\n}\n", FW_DENY_NO, FW_DENY_NO },
	/* A drop policy on another hook does not guard input. */
	{ "table inet filter { chain forward { type filter hook forward priority 0; "
	  "policy drop; } }\n", FW_DENY_NO, FW_DENY_NO },
	{ "table inet filter { chain input { type filter hook input priority 0; "
	  "policy $POLICY; } }\n", FW_DENY_UNKNOWN, FW_DENY_UNKNOWN },
	/* The flat syntax. */
	{ "add table inet filter\nadd chain inet filter input { type filter hook "
	  "input priority 0 ; }\nadd rule inet filter input ct state established "
	  "accept\nadd rule inet filter input counter drop\n", FW_DENY_YES,
	  FW_DENY_YES },
	{ "add chain inet filter input { type filter hook input priority 0 ; }\n"
	  "add rule inet filter input counter drop\nadd rule inet filter input "
	  "tcp dport 22 accept\n", FW_DENY_NO, FW_DENY_NO },
	/* A flushed ruleset forgets what came before it. */
	{ "table inet a { chain i { type filter hook input priority 0; policy drop; } }\n"
	  "flush ruleset\ntable inet b { chain i { type filter hook input priority 0; } }\n",
	  FW_DENY_NO, FW_DENY_NO },
	/* Sets, maps and multi-line anonymous sets do not confuse the blocks. */
	{ "table inet filter {\n set allowed { type ipv4_addr; elements = { 192.0.2.1,\n"
	  "  192.0.2.2 } }\n map m { type ipv4_addr : verdict; }\n chain input {\n"
	  "  type filter hook input priority 0;\n  ip saddr { 192.0.2.1,\n"
	  "   192.0.2.9 } accept\n  drop\n }\n}\n", FW_DENY_YES, FW_DENY_YES },
	{ "", FW_DENY_NO, FW_DENY_NO },
	{ "table inet filter { chain input { type filter hook input priority 0; "
	  "policy drop;", FW_DENY_YES, FW_DENY_YES },	/* cut short */
};

START_TEST(test_nft)
{
	struct fw_nft *nft = xcalloc(1, sizeof(*nft));
	enum fw_deny v4, v6;
	char why[300];

	fw_nft_init(nft);
	ck_assert_int_eq(fw_nft_parse(nft, nft_cases[_i].text,
	    strlen(nft_cases[_i].text)), 0);
	fw_nft_verdict(nft, &v4, &v6, why, sizeof(why));
	ck_assert_msg(v4 == nft_cases[_i].v4 && v6 == nft_cases[_i].v6,
	    "case %d: v4 %d v6 %d (%s)", _i, v4, v6, why);
	free(nft);
}
END_TEST

/* A NUL byte in a ruleset used to stop the tokenizer in its tracks: the
 * parse never ended. */
START_TEST(test_nft_nul)
{
	static const char text[] = "table inet filter {\n\0\0 chain input {\n"
	    "  type filter hook input priority 0;\0 policy drop;\n }\n}\n";
	struct fw_nft *nft = xcalloc(1, sizeof(*nft));
	enum fw_deny v4, v6;
	char why[300];

	fw_nft_init(nft);
	ck_assert_int_eq(fw_nft_parse(nft, text, sizeof(text) - 1), 0);
	fw_nft_verdict(nft, &v4, &v6, why, sizeof(why));
	ck_assert_msg(v4 == FW_DENY_YES && v6 == FW_DENY_YES, "v4 %d v6 %d (%s)", v4,
	    v6, why);
	free(nft);
}
END_TEST

static int nft_includes;

static int
count_include(void *user, const char *pattern, int depth)
{
	(void)user;
	ck_assert_str_eq(pattern, "/etc/nftables.d/*.nft");
	ck_assert_int_eq(depth, 1);
	nft_includes++;
	return 0;
}

START_TEST(test_nft_include)
{
	static const char text[] = "include \"/etc/nftables.d/*.nft\"\n";
	struct fw_nft *nft = xcalloc(1, sizeof(*nft));

	fw_nft_init(nft);
	nft->include = count_include;
	nft_includes = 0;
	ck_assert_int_eq(fw_nft_parse(nft, text, strlen(text)), 0);
	ck_assert_int_eq(nft_includes, 1);
	free(nft);
}
END_TEST

struct seen {
	struct fw_socket v[16];
	size_t n;
};

static void
collect(void *user, const struct fw_socket *s)
{
	struct seen *seen = user;

	ck_assert_uint_lt(seen->n, 16);
	seen->v[seen->n++] = *s;
}

START_TEST(test_proc_net)
{
	static const char tcp[] =
	    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
	    "retrnsmt   uid  timeout inode\n"
	    "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 "
	    "00000000     0        0 1001 1 0 100 0 0 10 0\n"
	    "   1: 0F02000A:0016 0A02000A:D431 01 00000000:00000000 02:0009F5C2 "
	    "00000000     0        0 1004 4 0 20 4 29 10 -1\n"
	    "   2: garbage\n";
	static const char udp6[] =
	    "  sl  local_address remote_address st ...\n"
	    "   0: 00000000000000000000000000000000:0223 "
	    "00000000000000000000000000000000:0000 07 00000000:00000000 "
	    "00:00000000 00000000     0        0 3003 2 0 0\n";
	struct seen seen = { .n = 0 };

	ck_assert_uint_eq(fw_proc_net_parse(tcp, strlen(tcp), 0, 0, collect, &seen), 1);
	ck_assert_uint_eq(seen.n, 1);
	ck_assert(seen.v[0].any_address && !seen.v[0].udp && !seen.v[0].v6);
	ck_assert_uint_eq(seen.v[0].port, 22);
	ck_assert_uint_eq(seen.v[0].inode, 1001);
	ck_assert_str_eq(seen.v[0].address, "0.0.0.0");
	seen.n = 0;
	ck_assert_uint_eq(fw_proc_net_parse(udp6, strlen(udp6), 1, 1, collect, &seen), 0);
	ck_assert_uint_eq(seen.n, 1);
	ck_assert(seen.v[0].any_address && seen.v[0].udp && seen.v[0].v6);
	ck_assert_uint_eq(seen.v[0].port, 547);
	ck_assert_str_eq(seen.v[0].address, "::");
}
END_TEST

START_TEST(test_allowlist)
{
	struct fw_allow list[FW_MAX_ALLOW];
	size_t n = 0;
	char bad[64];

	ck_assert_int_eq(fw_allow_parse("tcp/22, udp/68 443 TCP/8000-8099", list,
	    &n, bad, sizeof(bad)), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert(fw_allow_match(list, n, 0, 22));
	ck_assert(!fw_allow_match(list, n, 1, 22));
	ck_assert(fw_allow_match(list, n, 1, 68));
	ck_assert(fw_allow_match(list, n, 1, 443) && fw_allow_match(list, n, 0, 443));
	ck_assert(fw_allow_match(list, n, 0, 8050) && !fw_allow_match(list, n, 0, 8100));
	ck_assert_int_eq(fw_allow_parse("tcp/0", list, &n, bad, sizeof(bad)), -EINVAL);
	ck_assert_str_eq(bad, "tcp/0");
	ck_assert_int_eq(fw_allow_parse("22 sctp/9", list, &n, bad, sizeof(bad)), -EINVAL);
	ck_assert_str_eq(bad, "sctp/9");
	ck_assert_int_eq(fw_allow_parse("80-20", list, &n, bad, sizeof(bad)), -EINVAL);
	ck_assert_int_eq(fw_allow_parse("65536", list, &n, bad, sizeof(bad)), -EINVAL);
	ck_assert_int_eq(fw_allow_parse("tcp/", list, &n, bad, sizeof(bad)), -EINVAL);
}
END_TEST

/* The live host: ufw denies by default, three services beyond the allowlist. */
START_TEST(test_live_listening)
{
	char *root = ph_fixture("firewall/live");
	const struct ph_report *r;
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph.rejected, 0);
	ck_assert_uint_eq(ph_count(&ph, "enabled", SA_LEVEL_IMPLEMENTED), 1);
	ck_assert_uint_eq(ph_count(&ph, "default-deny", SA_LEVEL_IMPLEMENTED), 1);
	ck_assert_uint_eq(ph_count(&ph, "exposed-services", SA_LEVEL_PARTLY), 3);
	ck_assert_uint_eq(ph_count(&ph, "exposed-services", SA_LEVEL_NOT), 0);
	r = ph_find(&ph, "exposed-services", SA_LEVEL_PARTLY, "tcp/3306");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->object, "tcp/3306 on 0.0.0.0 (mysqld)");
	r = ph_find(&ph, "exposed-services", SA_LEVEL_PARTLY, "tcp/8080");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->object, "tcp/8080 on :: (nginx)");
	ck_assert_ptr_nonnull(ph_find(&ph, "exposed-services", SA_LEVEL_PARTLY,
	    "udp/5353 on 0.0.0.0"));
	/* SSH and DHCP are on the default allowlist; loopback is not exposed. */
	ck_assert_ptr_null(ph_find(&ph, "exposed-services", SA_LEVEL_PARTLY, "tcp/22 "));
	ck_assert_ptr_null(ph_find(&ph, "exposed-services", SA_LEVEL_PARTLY, "tcp/631"));
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_live_allowlist_config)
{
	char *root = ph_fixture("firewall/live");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1,
	    "[plugin.firewall]\nallow_listen = tcp/22 udp/68\n"
	    "allow_listen = 3306, 8080 udp/5353\n");
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph_count(&ph, "exposed-services", SA_LEVEL_PARTLY), 0);
	ck_assert_uint_eq(ph_count(&ph, "exposed-services", SA_LEVEL_IMPLEMENTED), 1);
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_bad_allowlist)
{
	char *root = ph_fixture("firewall/live");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1,
	    "[plugin.firewall]\nallow_listen = tcp/22 ssh\n");
	ck_assert_int_eq(ph_check_config(&ph), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 2,
	    "allow_listen: bad entry \"ssh\""));
	/* run() refuses it too, for a core that does not call check_config. */
	ck_assert_int_eq(ph_run(&ph), SA_RUN_BAD_INPUT);
	ck_assert_uint_eq(ph.n_reports, 0);
	ph_free(&ph);
	/* The default and a good list pass. */
	ph_init(&ph, &smeaudit_plugin, root, 1, NULL);
	ck_assert_int_eq(ph_check_config(&ph), 0);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 1,
	    "[plugin.firewall]\nallow_listen = tcp/22, 80\nallow_listen = udp/500-510\n");
	ck_assert_int_eq(ph_check_config(&ph), 0);
	ck_assert_uint_eq(ph.n_logs, 0);
	ph_free(&ph);
	free(root);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("firewall");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_iptables, 0, (int)UT_ARRAY_LEN(ipt_cases));
	tcase_add_loop_test(tc, test_nft, 0, (int)UT_ARRAY_LEN(nft_cases));
	tcase_add_test(tc, test_nft_nul);
	tcase_add_test(tc, test_nft_include);
	tcase_add_test(tc, test_proc_net);
	tcase_add_test(tc, test_allowlist);
	suite_add_tcase(s, tc);
	tc = tcase_create("live");
	tcase_add_test(tc, test_live_listening);
	tcase_add_test(tc, test_live_allowlist_config);
	tcase_add_test(tc, test_bad_allowlist);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
