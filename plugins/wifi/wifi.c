/* SPDX-License-Identifier: MIT */
/*
 * wifi: self-diagnosis item 9, Wi-Fi with proper encryption.  Reads the
 * Wi-Fi profiles this host keeps (NetworkManager keyfiles, wpa_supplicant
 * configurations, iwd network files) and flags open networks, WEP and
 * WPA/TKIP; WPA2 and WPA3 pass.  Passphrases are read only to notice that
 * a file holds one: no secret ever reaches a report.  A host with no
 * profile and no wireless interface has no Wi-Fi: the item is then not
 * applicable (SA_LEVEL_NA).
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <smeaudit/plugin.h>

#include "../lib/hostfiles.h"
#include "../lib/keyfile.h"
#include "wifi.h"

static const struct sa_check wifi_checks[] = {
	{ "open-network", 9, 0, SA_SEV_HIGH,
	  "Wi-Fi profile for a network without encryption",
	  "暗号化されていない無線LANへの接続設定がある",
	  "Connect only to networks protected with WPA2 or WPA3. Delete the "
	  "profile (nmcli connection delete NAME, or remove the network block "
	  "from wpa_supplicant.conf) or switch the access point to WPA2/WPA3.",
	  "WPA2 または WPA3 で保護されたネットワークにだけ接続してください。"
	  "接続設定を削除する(nmcli connection delete 名前、または "
	  "wpa_supplicant.conf の network ブロックを削除)か、アクセスポイントを "
	  "WPA2/WPA3 に設定し直してください。" },
	{ "wep", 9, 0, SA_SEV_HIGH,
	  "Wi-Fi profile uses WEP",
	  "無線LANの接続設定が WEP を使っている",
	  "WEP can be broken in minutes. Reconfigure the access point and this "
	  "profile for WPA2 (AES/CCMP) or WPA3 (SAE).",
	  "WEP は数分で解読されます。アクセスポイントとこの接続設定を WPA2"
	  "(AES/CCMP)または WPA3(SAE)に変更してください。" },
	{ "wpa-tkip", 9, 0, SA_SEV_MEDIUM,
	  "Wi-Fi profile allows WPA (version 1) or the TKIP cipher",
	  "無線LANの接続設定が WPA(初代)または TKIP を許している",
	  "Use WPA2 or WPA3 with the CCMP (AES) cipher only: in NetworkManager "
	  "set wifi-security.proto to rsn and pairwise to ccmp; in "
	  "wpa_supplicant set proto=RSN and pairwise=CCMP.",
	  "WPA2 または WPA3 と CCMP(AES)暗号だけを使ってください。"
	  "NetworkManager では wifi-security.proto を rsn、pairwise を ccmp に、"
	  "wpa_supplicant では proto=RSN、pairwise=CCMP に設定します。" },
	{ "psk-readable", 9, 0, SA_SEV_HIGH,
	  "Wi-Fi passphrase stored in a file other users can read",
	  "無線LANのパスフレーズが他のユーザーも読めるファイルに保存されている",
	  "Make the file readable by root only (chmod 600) and change the "
	  "passphrase if untrusted users had access.",
	  "ファイルを root だけが読めるようにし(chmod 600)、信頼できない"
	  "ユーザーが読めた可能性があればパスフレーズを変更してください。" },
	{ "profiles", 9, 0, SA_SEV_INFO,
	  "Wi-Fi profiles that could not be assessed, or no Wi-Fi on this host",
	  "判定できなかった無線LAN設定、またはこのホストに無線LANがない",
	  "Make the profile readable to smeaudit (run it as root) or answer "
	  "item 9 by hand.",
	  "smeaudit が設定を読めるようにする(root で実行する)か、項目 9 を"
	  "回答ファイルで回答してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

#define WIFI_NM_DIR "/etc/NetworkManager/system-connections"
#define WIFI_NM_RUN_DIR "/run/NetworkManager/system-connections"
#define WIFI_WPAS_DIR "/etc/wpa_supplicant"
#define WIFI_IWD_DIR "/var/lib/iwd"

struct wifi_run {
	struct hf hf;
	unsigned int profiles;	/* Wi-Fi profiles seen, assessed or not */
};

const char *
wifi_sec_name(enum wifi_sec sec)
{
	switch (sec) {
	case WIFI_SEC_WPA2: return "WPA2/WPA3";
	case WIFI_SEC_OPEN: return "open (no encryption)";
	case WIFI_SEC_OWE: return "Enhanced Open (OWE)";
	case WIFI_SEC_WEP: return "WEP";
	case WIFI_SEC_TKIP_ONLY: return "WPA/TKIP only";
	case WIFI_SEC_TKIP_MIXED: return "WPA2 with WPA/TKIP fallback";
	default: return "unrecognised";
	}
}

/* Does the list (separated by any of seps) hold word, ignoring case? */
static int
wifi_list_has(const char *list, const char *seps, const char *word)
{
	const char *p = list, *end;
	size_t n;

	if (list == NULL)
		return 0;
	while (*p != '\0') {
		p += strspn(p, seps);
		end = p + strcspn(p, seps);
		n = (size_t)(end - p);
		if (n > 0 && hf_word_eq(hf_trim(p, &n), n, word, 1))
			return 1;
		p = end;
	}
	return 0;
}

/* Any element at all (an empty list is "unset")? */
static int
wifi_list_empty(const char *list, const char *seps)
{
	return list == NULL || list[strspn(list, seps)] == '\0';
}

/* WPA protocol and cipher restrictions of a WPA-family profile. */
static enum wifi_sec
wifi_classify_wpa(const char *proto, const char *pairwise, const char *seps)
{
	int wpa1 = 0, rsn = 1, tkip = 0, strong = 1;

	if (!wifi_list_empty(proto, seps)) {
		wpa1 = wifi_list_has(proto, seps, "wpa");
		rsn = wifi_list_has(proto, seps, "rsn") ||
		    wifi_list_has(proto, seps, "wpa2");
	}
	if (!wifi_list_empty(pairwise, seps)) {
		tkip = wifi_list_has(pairwise, seps, "tkip");
		strong = wifi_list_has(pairwise, seps, "ccmp") ||
		    wifi_list_has(pairwise, seps, "ccmp-256") ||
		    wifi_list_has(pairwise, seps, "gcmp") ||
		    wifi_list_has(pairwise, seps, "gcmp-256");
	}
	if (!rsn || !strong)
		return wpa1 || tkip ? WIFI_SEC_TKIP_ONLY : WIFI_SEC_UNKNOWN;
	if (wpa1 || tkip)
		return WIFI_SEC_TKIP_MIXED;
	return WIFI_SEC_WPA2;
}

enum wifi_sec
wifi_classify_nm(int has_security, const char *key_mgmt, const char *proto,
    const char *pairwise)
{
	if (!has_security)
		return WIFI_SEC_OPEN;
	if (key_mgmt == NULL || *key_mgmt == '\0')
		return WIFI_SEC_UNKNOWN;	/* NetworkManager requires it */
	/* NetworkManager's "none" is static WEP, "ieee8021x" dynamic WEP. */
	if (strcasecmp(key_mgmt, "none") == 0 ||
	    strcasecmp(key_mgmt, "ieee8021x") == 0)
		return WIFI_SEC_WEP;
	if (strcasecmp(key_mgmt, "owe") == 0)
		return WIFI_SEC_OWE;
	if (strcasecmp(key_mgmt, "wpa-none") == 0)
		return WIFI_SEC_TKIP_ONLY;
	if (strcasecmp(key_mgmt, "sae") == 0)
		return WIFI_SEC_WPA2;	/* WPA3 has neither WPA1 nor TKIP */
	if (strcasecmp(key_mgmt, "wpa-psk") == 0 ||
	    strcasecmp(key_mgmt, "wpa-eap") == 0 ||
	    strcasecmp(key_mgmt, "wpa-eap-suite-b-192") == 0)
		return wifi_classify_wpa(proto, pairwise, ";,");
	return WIFI_SEC_UNKNOWN;
}

/* wpa_supplicant key_mgmt values that are WPA2 or newer. */
static const char *const wifi_wpas_wpa[] = {
	"WPA-PSK", "WPA-EAP", "FT-PSK", "FT-EAP", "FT-EAP-SHA384",
	"WPA-PSK-SHA256", "WPA-EAP-SHA256", "WPA-EAP-SUITE-B",
	"WPA-EAP-SUITE-B-192", "FILS-SHA256", "FILS-SHA384",
	"FT-FILS-SHA256", "FT-FILS-SHA384", "OSEN", NULL
};

static const char *const wifi_wpas_wpa3[] = {
	"SAE", "FT-SAE", "SAE-EXT-KEY", "FT-SAE-EXT-KEY", "DPP", NULL
};

static int
wifi_in(const char *s, size_t n, const char *const *set)
{
	for (; *set != NULL; set++)
		if (hf_word_eq(s, n, *set, 1))
			return 1;
	return 0;
}

enum wifi_sec
wifi_classify_wpas(const char *key_mgmt, const char *proto,
    const char *pairwise, int has_wep_key)
{
	static const char seps[] = " \t";
	enum wifi_sec worst = WIFI_SEC_WPA2, sec;
	const char *p, *end;
	size_t n;

	/* wpa_supplicant's default is "WPA-PSK WPA-EAP". */
	if (wifi_list_empty(key_mgmt, seps))
		key_mgmt = "WPA-PSK WPA-EAP";
	for (p = key_mgmt; *p != '\0'; p = end) {
		p += strspn(p, seps);
		end = p + strcspn(p, seps);
		n = (size_t)(end - p);
		if (n == 0)
			continue;
		if (hf_word_eq(p, n, "NONE", 1))
			sec = has_wep_key ? WIFI_SEC_WEP : WIFI_SEC_OPEN;
		else if (hf_word_eq(p, n, "IEEE8021X", 1))
			sec = WIFI_SEC_WEP;
		else if (hf_word_eq(p, n, "WPA-NONE", 1))
			sec = WIFI_SEC_TKIP_ONLY;
		else if (hf_word_eq(p, n, "OWE", 1))
			sec = WIFI_SEC_OWE;
		else if (wifi_in(p, n, wifi_wpas_wpa3))
			sec = WIFI_SEC_WPA2;
		else if (wifi_in(p, n, wifi_wpas_wpa))
			sec = wifi_classify_wpa(proto, pairwise, seps);
		else
			sec = WIFI_SEC_UNKNOWN;
		if (sec > worst)
			worst = sec;
	}
	return worst;
}

/* Report one classified profile against the check its class belongs to. */
static void
wifi_report_profile(struct wifi_run *w, const char *object, enum wifi_sec sec,
    const char *evidence)
{
	const struct sa_host *h = w->hf.host;
	struct sa_ctx *c = w->hf.ctx;

	w->profiles++;
	switch (sec) {
	case WIFI_SEC_WPA2:
		/* Each problem this profile does not have is evidence too. */
		sa_report(h, c, "open-network", SA_LEVEL_IMPLEMENTED, object, evidence);
		sa_report(h, c, "wep", SA_LEVEL_IMPLEMENTED, object, evidence);
		sa_report(h, c, "wpa-tkip", SA_LEVEL_IMPLEMENTED, object, evidence);
		break;
	case WIFI_SEC_OPEN:
		sa_report(h, c, "open-network", SA_LEVEL_NOT, object, evidence);
		break;
	case WIFI_SEC_OWE:
		hf_report(&w->hf, "open-network", SA_LEVEL_PARTLY, object, evidence,
		    "Enhanced Open encrypts the traffic but lets anyone join the "
		    "network.",
		    "Enhanced Open(OWE)は通信を暗号化しますが、誰でもネットワークに"
		    "参加できます。");
		break;
	case WIFI_SEC_WEP:
		sa_report(h, c, "wep", SA_LEVEL_NOT, object, evidence);
		break;
	case WIFI_SEC_TKIP_ONLY:
		sa_report(h, c, "wpa-tkip", SA_LEVEL_NOT, object, evidence);
		break;
	case WIFI_SEC_TKIP_MIXED:
		sa_report(h, c, "wpa-tkip", SA_LEVEL_PARTLY, object, evidence);
		break;
	default:
		sa_report(h, c, "profiles", SA_LEVEL_UNKNOWN, object, evidence);
		break;
	}
}

/* A profile, or a place that may hold some, that cannot be assessed. */
static void
wifi_cannot_tell(struct wifi_run *w, const char *object, const char *why)
{
	w->profiles++;
	sa_report(w->hf.host, w->hf.ctx, "profiles", SA_LEVEL_UNKNOWN, object, why);
}

/* A file holding a passphrase or key must not be readable by others. */
static void
wifi_check_secret_mode(struct wifi_run *w, const char *path)
{
	struct stat st;
	char evidence[96];
	int r;

	r = w->hf.host->stat(w->hf.ctx, path, 0, &st);
	if (r < 0) {
		sa_report(w->hf.host, w->hf.ctx, "psk-readable", SA_LEVEL_UNKNOWN,
		    path, hf_strerror(r));
		return;
	}
	snprintf(evidence, sizeof(evidence), "mode %04o, holds a passphrase or key",
	    (unsigned int)(st.st_mode & 07777));
	sa_report(w->hf.host, w->hf.ctx, "psk-readable",
	    (st.st_mode & 044) != 0 ? SA_LEVEL_NOT : SA_LEVEL_IMPLEMENTED,
	    path, evidence);
}

/* NetworkManager keyfile: the settings of one connection. */
struct wifi_nm {
	int is_wifi;
	int has_security;
	int has_secret;
	char *ssid;
	char *mode;
	char *key_mgmt;
	char *proto;
	char *pairwise;
};

static void
wifi_set(char **slot, const char *value)
{
	free(*slot);
	*slot = hf_strndup(value, strlen(value));
}

static int
wifi_nm_key(void *user, const char *section, const char *key,
    const char *value, unsigned int line)
{
	struct wifi_nm *nm = user;
	int wifi = strcmp(section, "wifi") == 0 ||
	    strcmp(section, "802-11-wireless") == 0;
	int sec = strcmp(section, "wifi-security") == 0 ||
	    strcmp(section, "802-11-wireless-security") == 0;

	(void)line;
	if (strcmp(section, "connection") == 0 && strcmp(key, "type") == 0)
		nm->is_wifi = strcmp(value, "wifi") == 0 ||
		    strcmp(value, "802-11-wireless") == 0;
	else if (wifi && strcmp(key, "ssid") == 0)
		wifi_set(&nm->ssid, value);
	else if (wifi && strcmp(key, "mode") == 0)
		wifi_set(&nm->mode, value);
	if (sec) {
		nm->has_security = 1;
		if (strcmp(key, "key-mgmt") == 0)
			wifi_set(&nm->key_mgmt, value);
		else if (strcmp(key, "proto") == 0)
			wifi_set(&nm->proto, value);
		else if (strcmp(key, "pairwise") == 0)
			wifi_set(&nm->pairwise, value);
		else if ((strcmp(key, "psk") == 0 || strncmp(key, "wep-key", 7) == 0 ||
		    strcmp(key, "leap-password") == 0) && *value != '\0')
			nm->has_secret = 1;
	}
	if (strcmp(section, "802-1x") == 0 && *value != '\0' &&
	    (strcmp(key, "password") == 0 ||
	    strcmp(key, "private-key-password") == 0))
		nm->has_secret = 1;
	return 0;
}

static void
wifi_nm_file(struct wifi_run *w, const char *path)
{
	struct wifi_nm nm;
	char object[4608], evidence[256];
	enum wifi_sec sec;
	char *data;
	size_t len;
	int r;

	r = hf_read(&w->hf, path, HF_MAX_CONFIG, &data, &len);
	if (r < 0) {
		/* Unreadable: it may or may not describe a Wi-Fi network. */
		wifi_cannot_tell(w, path, hf_strerror(r));
		return;
	}
	memset(&nm, 0, sizeof(nm));
	kf_parse(data, len, wifi_nm_key, &nm);
	free(data);
	if (nm.is_wifi) {
		sec = wifi_classify_nm(nm.has_security, nm.key_mgmt, nm.proto,
		    nm.pairwise);
		snprintf(object, sizeof(object), "%s (SSID %s%s%s)", path,
		    nm.ssid != NULL ? nm.ssid : "?",
		    nm.mode != NULL && strcmp(nm.mode, "infrastructure") != 0 ?
		    ", mode " : "", nm.mode != NULL &&
		    strcmp(nm.mode, "infrastructure") != 0 ? nm.mode : "");
		snprintf(evidence, sizeof(evidence),
		    "%s: key-mgmt=%s proto=%s pairwise=%s",
		    wifi_sec_name(sec), nm.has_security ?
		    (nm.key_mgmt != NULL ? nm.key_mgmt : "(unset)") : "(no security)",
		    nm.proto != NULL ? nm.proto : "(default)",
		    nm.pairwise != NULL ? nm.pairwise : "(default)");
		wifi_report_profile(w, object, sec, evidence);
		if (nm.has_secret)
			wifi_check_secret_mode(w, path);
	}
	free(nm.ssid);
	free(nm.mode);
	free(nm.key_mgmt);
	free(nm.proto);
	free(nm.pairwise);
}

/*
 * List a profile directory.  A directory that exists but cannot be read
 * may hold profiles: that is "cannot tell", never "no Wi-Fi".
 */
static int
wifi_list(struct wifi_run *w, const char *dir, const char *suffix,
    struct hf_names *ret)
{
	int r = hf_list(&w->hf, dir, suffix, ret);

	if (r < 0 && r != -ENOENT && r != -ENOTDIR)
		wifi_cannot_tell(w, dir, hf_strerror(r));
	return r;
}

static void
wifi_nm_dir(struct wifi_run *w, const char *dir)
{
	struct hf_names names;
	char path[4096];
	size_t i;

	if (wifi_list(w, dir, ".nmconnection", &names) < 0)
		return;
	for (i = 0; i < names.n; i++)
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, names.v[i]) <
		    sizeof(path))
			wifi_nm_file(w, path);
	hf_names_free(&names);
}

/* wpa_supplicant: one network={} block. */
struct wifi_wpas {
	char *ssid;
	char *key_mgmt;
	char *proto;
	char *pairwise;
	int has_wep_key;
	int has_secret;
	int disabled;
	int mode;
};

static void
wifi_wpas_reset(struct wifi_wpas *n)
{
	free(n->ssid);
	free(n->key_mgmt);
	free(n->proto);
	free(n->pairwise);
	memset(n, 0, sizeof(*n));
}

static void
wifi_wpas_network(struct wifi_run *w, const char *path, unsigned int line,
    const struct wifi_wpas *n)
{
	char object[4608], evidence[256];
	enum wifi_sec sec;

	sec = wifi_classify_wpas(n->key_mgmt, n->proto, n->pairwise,
	    n->has_wep_key);
	snprintf(object, sizeof(object), "%s:%u (SSID %s%s%s)", path, line,
	    n->ssid != NULL ? n->ssid : "?", n->mode == 1 ? ", ad-hoc" :
	    n->mode == 2 ? ", access point" : "", n->disabled ? ", disabled" : "");
	snprintf(evidence, sizeof(evidence), "%s: key_mgmt=%s proto=%s pairwise=%s",
	    wifi_sec_name(sec), n->key_mgmt != NULL ? n->key_mgmt :
	    "(default WPA-PSK WPA-EAP)", n->proto != NULL ? n->proto : "(default)",
	    n->pairwise != NULL ? n->pairwise : "(default)");
	wifi_report_profile(w, object, sec, evidence);
}

/* "ssid="Office"" keeps its quotes off; hex SSIDs stay as written. */
static char *
wifi_unquote(const char *v, size_t n)
{
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
		return hf_strndup(v + 1, n - 2);
	return hf_strndup(v, n);
}

static void
wifi_wpas_file(struct wifi_run *w, const char *path)
{
	struct wifi_wpas net;
	struct hf_lines it;
	const char *line, *eq, *v;
	unsigned int start = 0;
	int in_network = 0, secret = 0, r;
	size_t n, kn, vn;
	char *data;

	r = hf_read(&w->hf, path, HF_MAX_CONFIG, &data, &n);
	if (r < 0) {
		wifi_cannot_tell(w, path, hf_strerror(r));
		return;
	}
	memset(&net, 0, sizeof(net));
	hf_lines_init(&it, data, n);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		if (!in_network) {
			/* "network={" starts a block; '=' may have spaces around. */
			if (n >= 7 && strncmp(line, "network", 7) == 0 &&
			    memchr(line, '{', n) != NULL) {
				in_network = 1;
				start = it.number;
			}
			continue;
		}
		if (line[0] == '}') {
			wifi_wpas_network(w, path, start, &net);
			secret |= net.has_secret;
			wifi_wpas_reset(&net);
			in_network = 0;
			continue;
		}
		if ((eq = memchr(line, '=', n)) == NULL)
			continue;
		kn = (size_t)(eq - line);
		vn = n - kn - 1;
		line = hf_trim(line, &kn);
		v = hf_trim(eq + 1, &vn);
		if (hf_word_eq(line, kn, "ssid", 0)) {
			free(net.ssid);
			net.ssid = wifi_unquote(v, vn);
		} else if (hf_word_eq(line, kn, "key_mgmt", 0)) {
			free(net.key_mgmt);
			net.key_mgmt = hf_strndup(v, vn);
		} else if (hf_word_eq(line, kn, "proto", 0)) {
			free(net.proto);
			net.proto = hf_strndup(v, vn);
		} else if (hf_word_eq(line, kn, "pairwise", 0)) {
			free(net.pairwise);
			net.pairwise = hf_strndup(v, vn);
		} else if (kn == 8 && strncmp(line, "wep_key", 7) == 0 &&
		    line[7] >= '0' && line[7] <= '3' && vn > 0) {
			net.has_wep_key = 1;
			net.has_secret = 1;
		} else if ((hf_word_eq(line, kn, "psk", 0) ||
		    hf_word_eq(line, kn, "sae_password", 0) ||
		    hf_word_eq(line, kn, "password", 0) ||
		    hf_word_eq(line, kn, "private_key_passwd", 0)) && vn > 0)
			net.has_secret = 1;
		else if (hf_word_eq(line, kn, "disabled", 0))
			net.disabled = hf_word_eq(v, vn, "1", 0);
		else if (hf_word_eq(line, kn, "mode", 0))
			net.mode = vn == 1 && (v[0] == '1' || v[0] == '2') ?
			    v[0] - '0' : 0;
	}
	if (in_network) {
		/* An unterminated block: wpa_supplicant refuses the file. */
		wifi_cannot_tell(w, path, "network block without closing brace");
	}
	wifi_wpas_reset(&net);
	free(data);
	if (secret)
		wifi_check_secret_mode(w, path);
}

static void
wifi_wpas_dir(struct wifi_run *w)
{
	struct hf_names names;
	char path[4096];
	size_t i;

	if (wifi_list(w, WIFI_WPAS_DIR, ".conf", &names) < 0)
		return;
	for (i = 0; i < names.n; i++)
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", WIFI_WPAS_DIR,
		    names.v[i]) < sizeof(path))
			wifi_wpas_file(w, path);
	hf_names_free(&names);
}

/* iwd names its profiles SSID.open, SSID.psk and SSID.8021x. */
static void
wifi_iwd_dir(struct wifi_run *w)
{
	static const struct {
		const char *suffix;
		enum wifi_sec sec;
		const char *evidence;
	} kinds[] = {
		{ ".open", WIFI_SEC_OPEN, "iwd open network" },
		{ ".psk", WIFI_SEC_WPA2, "iwd WPA2/WPA3-Personal network" },
		{ ".8021x", WIFI_SEC_WPA2, "iwd WPA2/WPA3-Enterprise network" },
	};
	struct hf_names names;
	char path[4096], *data;
	size_t i, k, len, sl;

	if (wifi_list(w, WIFI_IWD_DIR, NULL, &names) < 0)
		return;
	for (i = 0; i < names.n; i++) {
		len = strlen(names.v[i]);
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			sl = strlen(kinds[k].suffix);
			if (len > sl && strcmp(names.v[i] + len - sl,
			    kinds[k].suffix) == 0)
				break;
		}
		if (k == sizeof(kinds) / sizeof(kinds[0]) ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", WIFI_IWD_DIR,
		    names.v[i]) >= sizeof(path))
			continue;
		wifi_report_profile(w, path, kinds[k].sec, kinds[k].evidence);
		if (kinds[k].sec == WIFI_SEC_OPEN)
			continue;
		/* iwd keeps the passphrase in the file's [Security] group. */
		if (hf_read(&w->hf, path, HF_MAX_CONFIG, &data, &len) == 0) {
			if (strstr(data, "Passphrase=") != NULL ||
			    strstr(data, "PreSharedKey=") != NULL ||
			    strstr(data, "Password=") != NULL)
				wifi_check_secret_mode(w, path);
			free(data);
		}
	}
	hf_names_free(&names);
}

/*
 * Wireless interfaces of the live host.  One that is up while no profile
 * was found has joined a network through a tool smeaudit does not read:
 * "cannot tell".  Interfaces that are all down with no profile mean the
 * host uses no Wi-Fi.  Returns 1 when that "not applicable" was reported.
 */
static int
wifi_interfaces_without_profiles(struct wifi_run *w)
{
	struct hf_names names;
	char path[512], list[256] = "", *state;
	unsigned int wireless = 0, up = 0;
	size_t i, len;

	hf_list(&w->hf, "/sys/class/net", NULL, &names);
	for (i = 0; i < names.n; i++) {
		snprintf(path, sizeof(path), "/sys/class/net/%s/wireless", names.v[i]);
		if (hf_exists(&w->hf, path) != 1) {
			snprintf(path, sizeof(path), "/sys/class/net/%s/phy80211",
			    names.v[i]);
			if (hf_exists(&w->hf, path) != 1)
				continue;
		}
		wireless++;
		len = strlen(list);
		snprintf(list + len, sizeof(list) - len, "%s%s", len > 0 ? " " : "",
		    names.v[i]);
		snprintf(path, sizeof(path), "/sys/class/net/%s/operstate", names.v[i]);
		if (hf_read(&w->hf, path, HF_MAX_SYSFS, &state, &len) < 0)
			continue;
		if (strncmp(state, "up", 2) == 0) {
			up++;
			sa_report(w->hf.host, w->hf.ctx, "profiles", SA_LEVEL_UNKNOWN,
			    names.v[i], "wireless interface is up, but no NetworkManager, "
			    "wpa_supplicant or iwd profile describes its network");
		}
		free(state);
	}
	hf_names_free(&names);
	if (up == 0) {
		char evidence[320];

		snprintf(evidence, sizeof(evidence), wireless > 0 ?
		    "no Wi-Fi profile; wireless interface(s) %s not connected" :
		    "no Wi-Fi profile and no wireless interface%s", list);
		sa_report(w->hf.host, w->hf.ctx, "profiles", SA_LEVEL_NA, NULL,
		    evidence);
	}
	return up == 0;
}

static int
wifi_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct wifi_run w = { { host, ctx }, 0 };
	int live = host->is_live(ctx);

	wifi_nm_dir(&w, WIFI_NM_DIR);
	if (live)
		wifi_nm_dir(&w, WIFI_NM_RUN_DIR);	/* netplan, nmcli --temporary */
	wifi_wpas_dir(&w);
	wifi_iwd_dir(&w);
	if (w.profiles > 0)
		return SA_RUN_OK;
	if (live)
		return wifi_interfaces_without_profiles(&w) ? SA_RUN_SKIPPED :
		    SA_RUN_OK;
	sa_report(host, ctx, "profiles", SA_LEVEL_NA, NULL,
	    "no Wi-Fi profile (NetworkManager, wpa_supplicant, iwd)");
	return SA_RUN_SKIPPED;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "wifi",
	.version = "1.0",
	.description_en = "Wi-Fi profiles: open networks, WEP and WPA/TKIP",
	.description_ja = "無線LAN接続設定: 暗号化なし・WEP・WPA/TKIP の検出",
	.checks = wifi_checks,
	.run = wifi_run,
};
