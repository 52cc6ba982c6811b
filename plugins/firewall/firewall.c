/* SPDX-License-Identifier: MIT */
/*
 * firewall: the machine-checkable part of self-diagnosis item 10.  A host
 * firewall (nftables, iptables-persistent or the RHEL iptables service,
 * ufw, firewalld) must be set to start at boot and must deny inbound
 * traffic by default; on the live host, services listening on every
 * interface are listed against an allowlist.  Everything is read from
 * configuration files and /proc: no command is run, so the same checks
 * work on a mounted image under --root (except the sockets, which exist
 * only on the running system).
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "../lib/units.h"
#include "firewall.h"

static const struct sa_check fw_checks[] = {
	{ "enabled", 10, 0, SA_SEV_HIGH,
	  "No host firewall is set to start at boot",
	  "起動時に有効になるホストファイアウォールがない",
	  "Enable a host firewall: \"ufw enable\" (Ubuntu), \"systemctl enable "
	  "--now firewalld\" (RHEL family) or write /etc/nftables.conf and run "
	  "\"systemctl enable --now nftables\" (Debian).",
	  "ホストファイアウォールを有効にしてください。Ubuntu では「ufw enable」、"
	  "RHEL 系では「systemctl enable --now firewalld」、Debian では "
	  "/etc/nftables.conf を書いて「systemctl enable --now nftables」を"
	  "実行します。" },
	{ "default-deny", 10, 0, SA_SEV_HIGH,
	  "The firewall does not deny inbound traffic by default",
	  "ファイアウォールが受信通信を既定で拒否していない",
	  "Deny inbound by default and allow only the services this host must "
	  "offer: ufw default deny incoming; nftables \"policy drop\" in the "
	  "input chain; iptables \":INPUT DROP\"; a firewalld zone other than "
	  "trusted. Cover IPv6 as well as IPv4.",
	  "受信は既定で拒否し、このホストが提供すべきサービスだけを許可して"
	  "ください。ufw では default deny incoming、nftables では input チェーンに "
	  "\"policy drop\"、iptables では \":INPUT DROP\"、firewalld では trusted "
	  "以外のゾーンを使います。IPv4 だけでなく IPv6 も対象にしてください。" },
	{ "exposed-services", 10, 0, SA_SEV_MEDIUM,
	  "A service listens on every network interface",
	  "すべてのネットワークインターフェースで待ち受けているサービスがある",
	  "Bind the service to localhost or the one interface that needs it, "
	  "stop it if unused, or, if it must be reachable, add its port to "
	  "allow_listen in [plugin.firewall] and allow it in the firewall only "
	  "from the networks that need it.",
	  "サービスを localhost か必要なインターフェースだけに限定し、使って"
	  "いなければ停止してください。外部から使う必要がある場合は "
	  "[plugin.firewall] の allow_listen にポートを加え、ファイアウォールで"
	  "必要なネットワークからだけ許可してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key fw_config[] = {
	{ "allow_listen", SA_CONFIG_STRING, "tcp/22 udp/68 udp/546", SA_CONFIG_MULTI,
	  "Ports that may listen on every interface: tcp/PORT, udp/PORT, PORT "
	  "(both) or ranges such as tcp/8000-8099, separated by spaces or commas. "
	  "The default allows SSH and the DHCP clients.",
	  "すべてのインターフェースで待ち受けてよいポート。tcp/番号、udp/番号、"
	  "番号(両方)、tcp/8000-8099 のような範囲を空白かカンマで区切って"
	  "書きます。既定値は SSH と DHCP クライアントを許可します。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

#define FW_MAX_INCLUDE_DEPTH 8

struct fw_run {
	struct hf hf;
	struct unit_db units;
	int init_known;		/* some init system's enablement directory exists */
	int enabled_any;
	int unknown_any;	/* a configuration whose start-up cannot be read */
	int deny4;		/* an enabled firewall denies IPv4 inbound by default */
	int deny6;
	int ipv6_off;		/* IPv6 is disabled: an IPv4-only ruleset covers all */
	char present[512];	/* configurations seen but not enabled */
	struct fw_allow allow[FW_MAX_ALLOW];
	size_t n_allow;
};

/*
 * Is a service set to start at boot?  1 yes, 0 no; how says which link
 * (or mask) decided.
 */
static int
fw_service_enabled(struct fw_run *f, const char *service, char *how,
    size_t how_size)
{
	char unit[128];
	const char *via;
	enum unit_state s;

	snprintf(unit, sizeof(unit), "%s.service", service);
	s = unit_lookup(&f->units, unit, &via);
	if (s == UNIT_ENABLED && via[0] == '/')
		hf_format(how, how_size, "%.200s", via);	/* SysV, OpenRC link */
	else if (s == UNIT_ENABLED)
		snprintf(how, how_size, E_("%s enabled (%s)"), unit, via);
	else if (s == UNIT_MASKED)
		snprintf(how, how_size, E_("%s is masked"), unit);
	else
		snprintf(how, how_size, E_("%s not enabled"), unit);
	return s == UNIT_ENABLED;
}

static void
fw_note_present(struct fw_run *f, const char *what)
{
	size_t len = strlen(f->present);

	snprintf(f->present + len, sizeof(f->present) - len, "%s%s",
	    len > 0 ? "; " : "", what);
}

/*
 * One firewall that starts at boot: report it, and whether it denies
 * inbound by default.
 */
static void
fw_report_enabled(struct fw_run *f, const char *object, const char *how,
    enum fw_deny v4, enum fw_deny v6, const char *why)
{
	char evidence[512];
	int level;

	f->enabled_any = 1;
	sa_report(f->hf.host, f->hf.ctx, "enabled", SA_LEVEL_IMPLEMENTED, object,
	    how);
	if (v4 == FW_DENY_YES)
		f->deny4 = 1;
	if (v6 == FW_DENY_YES)
		f->deny6 = 1;
	if (v4 == FW_DENY_YES && (v6 == FW_DENY_YES || f->ipv6_off))
		level = SA_LEVEL_IMPLEMENTED;
	else if (v4 == FW_DENY_YES || v6 == FW_DENY_YES)
		level = SA_LEVEL_PARTLY;
	else if (v4 == FW_DENY_UNKNOWN || v6 == FW_DENY_UNKNOWN)
		level = SA_LEVEL_UNKNOWN;
	else
		level = SA_LEVEL_NOT;
	snprintf(evidence, sizeof(evidence), "%s%s", why,
	    level == SA_LEVEL_IMPLEMENTED && v6 != FW_DENY_YES ?
	    E_(" (IPv6 is disabled)") : "");
	sa_report(f->hf.host, f->hf.ctx, "default-deny", level, object, evidence);
}

/* A configuration exists but enablement cannot be read: say so. */
static int
fw_enabled_or_note(struct fw_run *f, const char *object, const char *service,
    char *how, size_t how_size)
{
	char note[600];

	if (fw_service_enabled(f, service, how, how_size))
		return 1;
	if (!f->init_known) {
		snprintf(how, how_size, E_("no systemd, SysV or OpenRC service "
		    "directory: cannot tell whether %s starts"), service);
		sa_report(f->hf.host, f->hf.ctx, "enabled", SA_LEVEL_UNKNOWN, object,
		    how);
		f->unknown_any = 1;
		return 0;
	}
	snprintf(note, sizeof(note), E_("%s present, %s"), object, how);
	fw_note_present(f, note);
	return 0;
}

/* nftables */

struct fw_nft_ctx {
	struct fw_run *f;
	struct fw_nft *nft;
	int unreadable;
	char first_error[256];
};

static int fw_nft_file(struct fw_nft_ctx *nc, const char *path, int depth);

static int
fw_nft_include(void *user, const char *pattern, int depth)
{
	struct fw_nft_ctx *nc = user;
	char full[4096], dir[4096], path[4200];
	struct hf_names names;
	const char *slash;
	size_t i;

	if (depth > FW_MAX_INCLUDE_DEPTH)
		return 0;
	/* nft looks for relative includes in its default include path, /etc. */
	snprintf(full, sizeof(full), "%s%s", pattern[0] == '/' ? "" : "/etc/",
	    pattern);
	slash = strrchr(full, '/');
	if (strpbrk(slash + 1, "*?[") == NULL)
		return fw_nft_file(nc, full, depth);
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - full), full);
	if (hf_list(&nc->f->hf, dir[0] != '\0' ? dir : "/", NULL, &names) < 0)
		return 0;	/* a glob matching nothing is no error for nft */
	for (i = 0; i < names.n; i++)
		if (fnmatch(slash + 1, names.v[i], FNM_PERIOD) == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, names.v[i]);
			fw_nft_file(nc, path, depth);
		}
	hf_names_free(&names);
	return 0;
}

static int
fw_nft_file(struct fw_nft_ctx *nc, const char *path, int depth)
{
	char *data;
	size_t len;
	int r, saved = nc->nft->depth;

	r = hf_read(&nc->f->hf, path, HF_MAX_CONFIG, &data, &len);
	if (r < 0) {
		if (!nc->unreadable)
			snprintf(nc->first_error, sizeof(nc->first_error), "%s: %s",
			    path, hf_strerror(r));
		nc->unreadable = 1;
		return 0;
	}
	nc->nft->depth = depth;
	fw_nft_parse(nc->nft, data, len);
	nc->nft->depth = saved;
	free(data);
	return 0;
}

static void
fw_nftables(struct fw_run *f)
{
	static const char conf[] = "/etc/nftables.conf";
	struct fw_nft_ctx nc = { f, NULL, 0, "" };
	enum fw_deny v4, v6;
	char how[256], why[512];
	struct fw_nft *nft;
	int r;

	r = hf_exists(&f->hf, conf);
	if (r == 0)
		return;
	if (!fw_enabled_or_note(f, conf, "nftables", how, sizeof(how)))
		return;
	nft = calloc(1, sizeof(*nft));
	if (nft == NULL)
		abort();
	fw_nft_init(nft);
	nft->include = fw_nft_include;
	nft->user = &nc;
	nc.nft = nft;
	fw_nft_file(&nc, conf, 0);
	if (nc.unreadable) {
		/* Part of the ruleset is missing: its verdict could be anything. */
		sa_report(f->hf.host, f->hf.ctx, "enabled", SA_LEVEL_IMPLEMENTED,
		    conf, how);
		f->enabled_any = 1;
		sa_report(f->hf.host, f->hf.ctx, "default-deny", SA_LEVEL_UNKNOWN,
		    conf, nc.first_error);
	} else {
		fw_nft_verdict(nft, &v4, &v6, why, sizeof(why));
		fw_report_enabled(f, conf, how, v4, v6, why);
	}
	free(nft);
}

/* One iptables-save file: does it deny inbound by default? */
static enum fw_deny
fw_iptables_file(struct fw_run *f, const char *path, char *why,
    size_t why_size)
{
	enum fw_deny d;
	char *data;
	size_t len;
	int r;

	r = hf_read(&f->hf, path, HF_MAX_CONFIG, &data, &len);
	if (r < 0) {
		snprintf(why, why_size, "%s", hf_strerror(r));
		return FW_DENY_UNKNOWN;
	}
	d = fw_iptables_deny(data, len, why, why_size);
	free(data);
	return d;
}

/* iptables-save files restored at boot. */
static void
fw_iptables_pair(struct fw_run *f, const char *v4_path, const char *v6_path,
    const char *service4, const char *service6)
{
	enum fw_deny d4 = FW_DENY_NO, d6 = FW_DENY_NO;
	char how[256], how6[256], why4[200] = "", why6[200] = "", why[512];
	int have4 = hf_exists(&f->hf, v4_path) == 1;
	int have6 = hf_exists(&f->hf, v6_path) == 1;

	if (!have4 && !have6)
		return;
	if (!fw_enabled_or_note(f, have4 ? v4_path : v6_path, service4, how,
	    sizeof(how)))
		return;
	/* RHEL restores IPv6 rules with a service of its own. */
	if (service6 != NULL && have6 && !fw_service_enabled(f, service6, how6,
	    sizeof(how6)))
		have6 = 0;
	if (have4)
		d4 = fw_iptables_file(f, v4_path, why4, sizeof(why4));
	else
		snprintf(why4, sizeof(why4), E_("missing"));
	if (have6)
		d6 = fw_iptables_file(f, v6_path, why6, sizeof(why6));
	else
		snprintf(why6, sizeof(why6), E_("missing or not restored at boot"));
	snprintf(why, sizeof(why), E_("IPv4 (%s): %s; IPv6 (%s): %s"), v4_path, why4,
	    v6_path, why6);
	fw_report_enabled(f, have4 ? v4_path : v6_path, how, d4, d6, why);
}

/* "KEY=value" or KEY="value" in a shell-style file. */
static int
fw_shell_value(const char *data, size_t len, const char *key, char *out,
    size_t out_size)
{
	struct hf_lines it;
	const char *line;
	size_t n, kl = strlen(key);
	int found = 0;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n <= kl || strncmp(line, key, kl) != 0 || line[kl] != '=')
			continue;
		line += kl + 1;
		n -= kl + 1;
		line = hf_trim(line, &n);
		if (n >= 2 && (line[0] == '"' || line[0] == '\'') &&
		    line[n - 1] == line[0]) {
			line++;
			n -= 2;
		}
		snprintf(out, out_size, "%.*s", (int)n, line);
		found = 1;	/* the last assignment wins, as in a shell */
	}
	return found;
}

/*
 * key of a firewall's own shell-style configuration file into out (left
 * as it is when the file does not set it).  1 read; 0 no such file, or
 * one that cannot be read, which is reported: whether that firewall
 * starts cannot be told.
 */
static int
fw_conf_value(struct fw_run *f, const char *conf, const char *key, char *out,
    size_t out_size)
{
	char *data;
	size_t len;
	int r;

	r = hf_read(&f->hf, conf, HF_MAX_CONFIG, &data, &len);
	if (r == -ENOENT)
		return 0;
	if (r < 0) {
		sa_report(f->hf.host, f->hf.ctx, "enabled", SA_LEVEL_UNKNOWN, conf,
		    hf_strerror(r));
		f->unknown_any = 1;
		return 0;
	}
	fw_shell_value(data, len, key, out, out_size);
	free(data);
	return 1;
}

static void
fw_ufw(struct fw_run *f)
{
	static const char conf[] = "/etc/ufw/ufw.conf", defaults[] = "/etc/default/ufw";
	char enabled[16] = "no", policy[32] = "DROP", ipv6[16] = "yes";
	char how[256], why[256], note[400];
	enum fw_deny v4, v6;
	char *data;
	size_t len;
	int r;

	if (!fw_conf_value(f, conf, "ENABLED", enabled, sizeof(enabled)))
		return;
	if (strcasecmp(enabled, "yes") != 0) {
		snprintf(note, sizeof(note), E_("%s present, ENABLED=%s"), conf, enabled);
		fw_note_present(f, note);
		return;
	}
	/* ufw.conf says yes; the service still has to run at boot. */
	if (!fw_enabled_or_note(f, conf, "ufw", how, sizeof(how)))
		return;
	snprintf(how + strlen(how), sizeof(how) - strlen(how), E_(", ENABLED=yes"));
	r = hf_read(&f->hf, defaults, HF_MAX_CONFIG, &data, &len);
	if (r < 0 && r != -ENOENT) {
		snprintf(why, sizeof(why), "%s: %s", defaults, hf_strerror(r));
		fw_report_enabled(f, conf, how, FW_DENY_UNKNOWN, FW_DENY_UNKNOWN, why);
		return;
	}
	if (r == 0) {
		fw_shell_value(data, len, "DEFAULT_INPUT_POLICY", policy,
		    sizeof(policy));
		fw_shell_value(data, len, "IPV6", ipv6, sizeof(ipv6));
		free(data);
	}
	v4 = strcasecmp(policy, "DROP") == 0 || strcasecmp(policy, "REJECT") == 0 ?
	    FW_DENY_YES : FW_DENY_NO;
	v6 = strcasecmp(ipv6, "yes") == 0 ? v4 : FW_DENY_NO;
	snprintf(why, sizeof(why), "DEFAULT_INPUT_POLICY=%s, IPV6=%s%s", policy,
	    ipv6, r == -ENOENT ? E_(" (no /etc/default/ufw: ufw's defaults)") : "");
	fw_report_enabled(f, conf, how, v4, v6, why);
}

/* firewalld's own zones and the target each starts with. */
static const char *
fw_firewalld_builtin_target(const char *zone)
{
	static const char *const zones[] = {
		"block", "dmz", "drop", "external", "home", "internal", "public",
		"work", "nm-shared", NULL
	};
	size_t i;

	if (strcmp(zone, "trusted") == 0)
		return "ACCEPT";
	if (strcmp(zone, "drop") == 0)
		return "DROP";
	if (strcmp(zone, "block") == 0)
		return "%%REJECT%%";
	for (i = 0; zones[i] != NULL; i++)
		if (strcmp(zone, zones[i]) == 0)
			return "default";
	return NULL;
}

static void
fw_firewalld(struct fw_run *f)
{
	static const char conf[] = "/etc/firewalld/firewalld.conf";
	char zone[128] = "public", target[64] = "", how[256], why[512];
	char path[300], *data, *p, *q;
	const char *builtin, *where = NULL;
	enum fw_deny v;
	size_t len;
	int r, i;

	if (!fw_conf_value(f, conf, "DefaultZone", zone, sizeof(zone)))
		return;
	if (!fw_enabled_or_note(f, conf, "firewalld", how, sizeof(how)))
		return;
	/* The administrator's copy of a zone overrides the shipped one. */
	for (i = 0; i < 2 && where == NULL; i++) {
		snprintf(path, sizeof(path), "%s/%s.xml", i == 0 ?
		    "/etc/firewalld/zones" : "/usr/lib/firewalld/zones", zone);
		r = hf_read(&f->hf, path, HF_MAX_CONFIG, &data, &len);
		if (r < 0)
			continue;
		where = i == 0 ? "/etc/firewalld/zones" : "/usr/lib/firewalld/zones";
		snprintf(target, sizeof(target), "default");
		p = strstr(data, "<zone");
		if (p != NULL && (p = strstr(p, "target=")) != NULL &&
		    (p[7] == '"' || p[7] == '\'') &&
		    (q = strchr(p + 8, p[7])) != NULL)
			snprintf(target, sizeof(target), "%.*s", (int)(q - p - 8), p + 8);
		free(data);
	}
	if (where == NULL && (builtin = fw_firewalld_builtin_target(zone)) != NULL) {
		where = E_("built-in");
		snprintf(target, sizeof(target), "%s", builtin);
	}
	if (where == NULL) {
		snprintf(why, sizeof(why), E_("default zone %s: no zone file found"), zone);
		fw_report_enabled(f, conf, how, FW_DENY_UNKNOWN, FW_DENY_UNKNOWN, why);
		return;
	}
	/* "default" rejects what the zone does not allow, like %%REJECT%%. */
	v = strcmp(target, "ACCEPT") == 0 ? FW_DENY_NO : FW_DENY_YES;
	snprintf(why, sizeof(why), E_("default zone %s (%s), target %s"), zone, where,
	    target);
	fw_report_enabled(f, conf, how, v, v, why);
}

/* Is IPv6 switched off (sysctl, kernel command line, or live)? */
static int
fw_ipv6_disabled(struct fw_run *f)
{
	struct hf_names names;
	char path[512], value[16], *data, *p;
	size_t i, len, k;
	int off = 0;

	if (f->hf.host->is_live(f->hf.ctx)) {
		if (hf_read(&f->hf, "/proc/sys/net/ipv6/conf/all/disable_ipv6",
		    HF_MAX_SYSFS, &data, &len) == 0) {
			off = data[0] == '1';
			free(data);
			return off;
		}
		return hf_exists(&f->hf, "/proc/net/if_inet6") == 0;
	}
	if (hf_read(&f->hf, "/etc/default/grub", HF_MAX_CONFIG, &data, &len) == 0) {
		off = strstr(data, "ipv6.disable=1") != NULL;
		free(data);
	}
	for (k = 0; k < 2 && !off; k++) {
		const char *dir = k == 0 ? "/etc/sysctl.d" : "/etc";

		if (hf_list(&f->hf, dir, ".conf", &names) < 0)
			continue;
		for (i = 0; i < names.n && !off; i++) {
			if (k == 1 && strcmp(names.v[i], "sysctl.conf") != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, names.v[i]);
			if (hf_read(&f->hf, path, HF_MAX_CONFIG, &data, &len) < 0)
				continue;
			for (p = data; (p = strstr(p, "net.ipv6.conf.all.disable_ipv6")) != NULL;
			    p++) {
				/* Only an uncommented assignment counts. */
				const char *bol = p;

				while (bol > data && bol[-1] != '\n')
					bol--;
				if (*bol == '#' || *bol == ';')
					continue;
				if (sscanf(p, "net.ipv6.conf.all.disable_ipv6 = %15s",
				    value) == 1 && strcmp(value, "1") == 0)
					off = 1;
			}
			free(data);
		}
		hf_names_free(&names);
	}
	return off;
}

/* Listening sockets on the live host. */

#define FW_MAX_EXPOSED 512

struct fw_exposed {
	int udp;
	unsigned int port;
	char addresses[64];	/* "0.0.0.0 ::" */
	int v4;
	int v6;
	unsigned long inodes[4];
	size_t n_inodes;
	char process[64];
};

struct fw_listen {
	struct fw_run *f;
	struct fw_exposed *v;
	size_t n;
	size_t allowed;
};

static void
fw_on_socket(void *user, const struct fw_socket *s)
{
	struct fw_listen *l = user;
	struct fw_exposed *e = NULL;
	size_t i, len;

	if (!s->any_address)
		return;
	if (fw_allow_match(l->f->allow, l->f->n_allow, s->udp, s->port)) {
		l->allowed++;
		return;
	}
	for (i = 0; i < l->n; i++)
		if (l->v[i].udp == s->udp && l->v[i].port == s->port)
			e = &l->v[i];
	if (e == NULL) {
		if (l->n == FW_MAX_EXPOSED)
			return;
		e = &l->v[l->n++];
		memset(e, 0, sizeof(*e));
		e->udp = s->udp;
		e->port = s->port;
	}
	if ((s->v6 ? e->v6 : e->v4) == 0) {
		len = strlen(e->addresses);
		snprintf(e->addresses + len, sizeof(e->addresses) - len, "%s%s",
		    len > 0 ? " " : "", s->address);
	}
	if (s->v6)
		e->v6 = 1;
	else
		e->v4 = 1;
	if (e->n_inodes < 4 && s->inode != 0)
		e->inodes[e->n_inodes++] = s->inode;
}

/* Which process holds each exposed socket: /proc/PID/fd -> socket:[INODE]. */
static void
fw_name_processes(struct fw_listen *l)
{
	struct hf_names pids, fds;
	char path[128], target[64], *comm;
	size_t i, k, e, j, len, missing = 0;
	unsigned long inode;

	for (e = 0; e < l->n; e++)
		missing += l->v[e].n_inodes > 0;
	if (missing == 0 || hf_list(&l->f->hf, "/proc", NULL, &pids) < 0)
		return;
	for (i = 0; i < pids.n && missing > 0; i++) {
		if (pids.v[i][0] < '1' || pids.v[i][0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd", pids.v[i]);
		if (hf_list(&l->f->hf, path, NULL, &fds) < 0)
			continue;
		for (k = 0; k < fds.n && missing > 0; k++) {
			snprintf(path, sizeof(path), "/proc/%s/fd/%s", pids.v[i],
			    fds.v[k]);
			if (hf_readlink(&l->f->hf, path, target, sizeof(target)) < 0 ||
			    sscanf(target, "socket:[%lu]", &inode) != 1)
				continue;
			for (e = 0; e < l->n; e++) {
				if (l->v[e].process[0] != '\0')
					continue;
				for (j = 0; j < l->v[e].n_inodes; j++)
					if (l->v[e].inodes[j] == inode)
						break;
				if (j == l->v[e].n_inodes)
					continue;
				snprintf(path, sizeof(path), "/proc/%s/comm", pids.v[i]);
				if (hf_read(&l->f->hf, path, HF_MAX_SYSFS, &comm, &len) < 0)
					continue;
				len = strcspn(comm, "\n");
				snprintf(l->v[e].process, sizeof(l->v[e].process), "%.*s",
				    (int)len, comm);
				free(comm);
				missing--;
			}
		}
		hf_names_free(&fds);
	}
	hf_names_free(&pids);
}

static void
fw_listening(struct fw_run *f)
{
	static const struct {
		const char *path;
		int udp;
		int v6;
	} tables[] = {
		{ "/proc/net/tcp", 0, 0 }, { "/proc/net/tcp6", 0, 1 },
		{ "/proc/net/udp", 1, 0 }, { "/proc/net/udp6", 1, 1 },
	};
	struct fw_listen l = { f, NULL, 0, 0 };
	char object[160], evidence[200];
	size_t i, read_ok = 0;
	char *data;
	size_t len;
	int r, covered;

	if (!f->hf.host->is_live(f->hf.ctx)) {
		sa_report(f->hf.host, f->hf.ctx, "exposed-services", SA_LEVEL_UNKNOWN,
		    NULL, E_("not the running system (--root): listening sockets "
		    "exist only on the live host"));
		return;
	}
	l.v = calloc(FW_MAX_EXPOSED, sizeof(*l.v));
	if (l.v == NULL)
		abort();
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		r = hf_read(&f->hf, tables[i].path, HF_MAX_PROC_TABLE, &data, &len);
		if (r == -ENOENT && tables[i].v6)
			continue;	/* no IPv6 in this kernel */
		if (r < 0) {
			sa_report(f->hf.host, f->hf.ctx, "exposed-services",
			    SA_LEVEL_UNKNOWN, tables[i].path, hf_strerror(r));
			continue;
		}
		read_ok++;
		if (fw_proc_net_parse(data, len, tables[i].udp, tables[i].v6,
		    fw_on_socket, &l) > 0)
			f->hf.host->log(f->hf.ctx, SA_LOG_WARNING,
			    E_("%s: some lines could not be parsed"), tables[i].path);
		free(data);
	}
	fw_name_processes(&l);
	for (i = 0; i < l.n; i++) {
		const struct fw_exposed *e = &l.v[i];

		snprintf(object, sizeof(object), E_("%s/%u on %s%s%s%s"),
		    e->udp ? "udp" : "tcp", e->port, e->addresses,
		    e->process[0] != '\0' ? " (" : "", e->process,
		    e->process[0] != '\0' ? ")" : "");
		/* A default-deny firewall blocks the port unless it was opened. */
		covered = (!e->v4 || f->deny4) && (!e->v6 || f->deny6 || f->ipv6_off);
		snprintf(evidence, sizeof(evidence), "%s", covered ?
		    E_("reachable only if the firewall allows the port") :
		    E_("reachable from the network: no default-deny firewall"));
		sa_report(f->hf.host, f->hf.ctx, "exposed-services",
		    covered ? SA_LEVEL_PARTLY : SA_LEVEL_NOT, object, evidence);
	}
	if (l.n == 0 && read_ok > 0) {
		snprintf(evidence, sizeof(evidence), E_("no service on every interface "
		    "outside allow_listen (%zu allowed)"), l.allowed);
		sa_report(f->hf.host, f->hf.ctx, "exposed-services",
		    SA_LEVEL_IMPLEMENTED, NULL, evidence);
	}
	free(l.v);
}

/*
 * allow_listen, every value of it.  Returns 0, or SA_RUN_BAD_INPUT after
 * naming the line of the first bad entry.
 */
static int
fw_load_allowlist(const struct hf *hf, struct fw_allow *allow, size_t *n_allow)
{
	const char *const *values;
	size_t n, i;
	char bad[64];

	*n_allow = 0;
	if (hf->host->config_list(hf->ctx, NULL, "allow_listen", &values, &n) < 0)
		return SA_RUN_BAD_INPUT;
	for (i = 0; i < n; i++)
		if (fw_allow_parse(values[i], allow, n_allow, bad, sizeof(bad)) < 0)
			return cfgchk_fail(hf, NULL, "allow_listen", i,
			    E_("allow_listen: bad entry \"%s\" (want tcp/PORT, udp/PORT, "
			    "PORT or PORT-PORT, 1-65535, at most %d)"), bad, FW_MAX_ALLOW);
	return 0;
}

/* Before anything is audited: the allowlist must parse. */
static int
fw_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct fw_allow *allow = hf_grow(NULL, FW_MAX_ALLOW, sizeof(*allow));
	size_t n;
	int r;

	r = fw_load_allowlist(&hf, allow, &n);
	free(allow);
	return r;
}

static int
fw_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct fw_run *f;

	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return -ENOMEM;
	f->hf.host = host;
	f->hf.ctx = ctx;
	/* Checked already by fw_check_config() unless the core predates it. */
	if (fw_load_allowlist(&f->hf, f->allow, &f->n_allow) != 0) {
		free(f);
		return SA_RUN_BAD_INPUT;
	}
	unit_db_load(&f->units, &f->hf);
	f->init_known = f->units.systemd || f->units.sysv || f->units.openrc;
	f->ipv6_off = fw_ipv6_disabled(f);
	fw_nftables(f);
	fw_iptables_pair(f, "/etc/iptables/rules.v4", "/etc/iptables/rules.v6",
	    "netfilter-persistent", NULL);
	fw_iptables_pair(f, "/etc/sysconfig/iptables", "/etc/sysconfig/ip6tables",
	    "iptables", "ip6tables");
	fw_ufw(f);
	fw_firewalld(f);
	/* Nothing starts a firewall, and nothing left it open to doubt. */
	if (!f->enabled_any && !f->unknown_any)
		sa_report(host, ctx, "enabled", SA_LEVEL_NOT, NULL,
		    f->present[0] != '\0' ? f->present :
		    E_("no configuration of nftables, iptables, ufw or firewalld"));
	fw_listening(f);
	unit_db_free(&f->units);
	free(f);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "firewall",
	.version = "1.0",
	.description_en = "Host firewall enabled and denying inbound by default; "
	    "services exposed on every interface",
	.description_ja = "ホストファイアウォールの有効化と受信の既定拒否、"
	    "全インターフェースで待ち受けるサービス",
	.checks = fw_checks,
	.config = fw_config,
	.run = fw_run,
	.check_config = fw_check_config,
};
