/* SPDX-License-Identifier: MIT */
/* The wifi plugin: profile classification and its runs over fixture roots. */
#include "config.h"

#include "unit.h"
#include "plugin_harness.h"
#include "../../plugins/wifi/wifi.h"

extern const struct sa_plugin smeaudit_plugin;

static const struct {
	int has_security;
	const char *key_mgmt, *proto, *pairwise;
	enum wifi_sec want;
} nm_cases[] = {
	{ 0, NULL, NULL, NULL, WIFI_SEC_OPEN },
	{ 1, NULL, NULL, NULL, WIFI_SEC_UNKNOWN },
	{ 1, "none", NULL, NULL, WIFI_SEC_WEP },
	{ 1, "ieee8021x", NULL, NULL, WIFI_SEC_WEP },
	{ 1, "owe", NULL, NULL, WIFI_SEC_OWE },
	{ 1, "wpa-none", NULL, NULL, WIFI_SEC_TKIP_ONLY },
	{ 1, "sae", "wpa", "tkip", WIFI_SEC_WPA2 },
	{ 1, "wpa-psk", NULL, NULL, WIFI_SEC_WPA2 },
	{ 1, "wpa-psk", "rsn", "ccmp", WIFI_SEC_WPA2 },
	{ 1, "wpa-eap", "rsn;", "ccmp;", WIFI_SEC_WPA2 },
	{ 1, "wpa-psk", "wpa", NULL, WIFI_SEC_TKIP_ONLY },
	{ 1, "wpa-psk", NULL, "tkip", WIFI_SEC_TKIP_ONLY },
	{ 1, "wpa-psk", "wpa;rsn", "tkip;ccmp", WIFI_SEC_TKIP_MIXED },
	{ 1, "wpa-psk", "rsn", "tkip;ccmp", WIFI_SEC_TKIP_MIXED },
	{ 1, "WPA-PSK", "RSN", "CCMP", WIFI_SEC_WPA2 },
	{ 1, "wpa-quantum", NULL, NULL, WIFI_SEC_UNKNOWN },
};

START_TEST(test_classify_nm)
{
	ck_assert_int_eq(wifi_classify_nm(nm_cases[_i].has_security,
	    nm_cases[_i].key_mgmt, nm_cases[_i].proto, nm_cases[_i].pairwise),
	    nm_cases[_i].want);
}
END_TEST

static const struct {
	const char *key_mgmt, *proto, *pairwise;
	int wep;
	enum wifi_sec want;
} wpas_cases[] = {
	{ NULL, NULL, NULL, 0, WIFI_SEC_WPA2 },		/* WPA-PSK WPA-EAP */
	{ "NONE", NULL, NULL, 0, WIFI_SEC_OPEN },
	{ "NONE", NULL, NULL, 1, WIFI_SEC_WEP },
	{ "IEEE8021X", NULL, NULL, 0, WIFI_SEC_WEP },
	{ "WPA-PSK", "WPA", "TKIP", 0, WIFI_SEC_TKIP_ONLY },
	{ "WPA-PSK", "RSN", "CCMP TKIP", 0, WIFI_SEC_TKIP_MIXED },
	{ "WPA-PSK SAE", "RSN", "CCMP", 0, WIFI_SEC_WPA2 },
	{ "SAE", NULL, NULL, 0, WIFI_SEC_WPA2 },
	{ "OWE", NULL, NULL, 0, WIFI_SEC_OWE },
	/* The weakest option of a list decides. */
	{ "WPA-PSK NONE", "RSN", "CCMP", 0, WIFI_SEC_OPEN },
	{ "SAE OWE", NULL, NULL, 0, WIFI_SEC_OWE },
	{ "WPA-PSK FUTURE-KM", NULL, NULL, 0, WIFI_SEC_UNKNOWN },
	{ "   ", NULL, NULL, 0, WIFI_SEC_WPA2 },
};

START_TEST(test_classify_wpas)
{
	ck_assert_int_eq(wifi_classify_wpas(wpas_cases[_i].key_mgmt,
	    wpas_cases[_i].proto, wpas_cases[_i].pairwise, wpas_cases[_i].wep),
	    wpas_cases[_i].want);
}
END_TEST

START_TEST(test_run_fail_root)
{
	char *root = ph_fixture("wifi/fail");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 0, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph.rejected, 0);
	ck_assert_uint_eq(ph_count(&ph, "open-network", SA_LEVEL_NOT), 3);
	ck_assert_uint_eq(ph_count(&ph, "wep", SA_LEVEL_NOT), 1);
	ck_assert_uint_eq(ph_count(&ph, "wpa-tkip", SA_LEVEL_NOT), 1);
	ck_assert_uint_eq(ph_count(&ph, "open-network", SA_LEVEL_IMPLEMENTED), 0);
	ck_assert_ptr_nonnull(ph_find(&ph, "open-network", SA_LEVEL_NOT,
	    "SSID Cafe Free WiFi"));
	ck_assert_ptr_nonnull(ph_find(&ph, "open-network", SA_LEVEL_NOT,
	    "wpa_supplicant-wlan0.conf:8 (SSID Hotspot)"));
	ck_assert_ptr_nonnull(ph_find(&ph, "open-network", SA_LEVEL_NOT,
	    "/var/lib/iwd/Station.open"));
	/* Two files hold a secret (their mode is the checkout's umask). */
	ck_assert_uint_eq(ph_count(&ph, "psk-readable", SA_LEVEL_NOT) +
	    ph_count(&ph, "psk-readable", SA_LEVEL_IMPLEMENTED), 2);
	for (size_t i = 0; i < ph.n_reports; i++) {
		ck_assert_ptr_null(ph.reports[i].evidence == NULL ? NULL :
		    strstr(ph.reports[i].evidence, "fixture-secret"));
		ck_assert_ptr_null(ph.reports[i].object == NULL ? NULL :
		    strstr(ph.reports[i].object, "fixture-secret"));
	}
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_run_no_wifi_offline)
{
	char *root = ph_fixture("roots/minimal");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 0, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_SKIPPED);
	ck_assert_uint_eq(ph.n_reports, 1);
	ck_assert_uint_eq(ph_count(&ph, "profiles", SA_LEVEL_NA), 1);
	ph_free(&ph);
	free(root);
}
END_TEST

/* Live host: a wireless interface that is up, with no profile we can read. */
START_TEST(test_run_live_interface_up)
{
	char *root = ph_fixture("wifi/live-up");
	const struct ph_report *r;
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph_count(&ph, "profiles", SA_LEVEL_NA), 0);
	r = ph_find(&ph, "profiles", SA_LEVEL_UNKNOWN, "wlan0");
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(ph_find(&ph, "profiles", SA_LEVEL_UNKNOWN, "eth0"));
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_run_live_interface_down)
{
	char *root = ph_fixture("wifi/live-down");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1, NULL);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_SKIPPED);
	ck_assert_uint_eq(ph_count(&ph, "profiles", SA_LEVEL_NA), 1);
	ck_assert_ptr_nonnull(strstr(ph.reports[0].evidence, "wlp2s0 not connected"));
	ph_free(&ph);
	free(root);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("wifi");
	TCase *tc = tcase_create("classify");

	tcase_add_loop_test(tc, test_classify_nm, 0, (int)UT_ARRAY_LEN(nm_cases));
	tcase_add_loop_test(tc, test_classify_wpas, 0, (int)UT_ARRAY_LEN(wpas_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_add_test(tc, test_run_fail_root);
	tcase_add_test(tc, test_run_no_wifi_offline);
	tcase_add_test(tc, test_run_live_interface_up);
	tcase_add_test(tc, test_run_live_interface_down);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
