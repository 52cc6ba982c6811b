/* SPDX-License-Identifier: MIT */
/*
 * wifi: the classification of one Wi-Fi profile, separate from the file
 * walking so that unit tests can drive it directly.
 */
#ifndef WIFI_WIFI_H
#define WIFI_WIFI_H

/* Ordered from acceptable to worst; a profile takes its worst option. */
enum wifi_sec {
	WIFI_SEC_WPA2 = 0,	/* WPA2 or WPA3, personal or enterprise */
	WIFI_SEC_UNKNOWN,	/* a setting smeaudit does not know */
	WIFI_SEC_TKIP_MIXED,	/* TKIP or WPA1 allowed next to WPA2/CCMP */
	WIFI_SEC_OWE,		/* Enhanced Open: encrypted, anyone may join */
	WIFI_SEC_TKIP_ONLY,	/* WPA1 or the TKIP cipher only */
	WIFI_SEC_WEP,		/* static or dynamic WEP, LEAP */
	WIFI_SEC_OPEN		/* no encryption at all */
};

/*
 * NetworkManager keyfile [wifi-security]: has_security says whether the
 * section exists; key_mgmt, proto and pairwise may be NULL (unset).
 * proto and pairwise are ';'-separated lists.
 */
enum wifi_sec wifi_classify_nm(int has_security, const char *key_mgmt,
    const char *proto, const char *pairwise);

/*
 * One wpa_supplicant network={} block: key_mgmt, proto and pairwise are
 * space-separated lists or NULL (the defaults); has_wep_key says whether
 * a wep_key0..3 is set.
 */
enum wifi_sec wifi_classify_wpas(const char *key_mgmt, const char *proto,
    const char *pairwise, int has_wep_key);

/* A short English name of the class, for evidence. */
const char *wifi_sec_name(enum wifi_sec sec);

#endif /* WIFI_WIFI_H */
