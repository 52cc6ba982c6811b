/* SPDX-License-Identifier: MIT */
/* The encryption plugin: its parsers, and a live-host run over fixture sysfs. */
#include "config.h"

#include <errno.h>

#include "unit.h"
#include "plugin_harness.h"
#include "../../plugins/encryption/encryption.h"

extern const struct sa_plugin smeaudit_plugin;

struct mounts {
	struct enc_mount v[8];
	size_t n;
};

static void
collect(void *user, const struct enc_mount *m)
{
	struct mounts *ms = user;

	ck_assert_uint_lt(ms->n, 8);
	ms->v[ms->n++] = *m;
}

START_TEST(test_mounts)
{
	static const char text[] =
	    "# comment\n"
	    "/dev/sda2 /srv/my\\040data xfs rw 0 2\n"
	    "\n"
	    "UUID=abc\t/\text4\terrors=remount-ro\t0\t1\n"
	    "broken-line-without-fields\n";
	struct mounts ms = { .n = 0 };

	ck_assert_uint_eq(enc_mounts_parse(text, strlen(text), collect, &ms), 1);
	ck_assert_uint_eq(ms.n, 2);
	ck_assert_str_eq(ms.v[0].target, "/srv/my data");
	ck_assert_str_eq(ms.v[0].fstype, "xfs");
	ck_assert_uint_eq(ms.v[0].line, 2);
	ck_assert_str_eq(ms.v[1].source, "UUID=abc");
	ck_assert_str_eq(ms.v[1].options, "errors=remount-ro");
	ck_assert(enc_disk_fstype("ext4") && enc_disk_fstype("swap"));
	ck_assert(!enc_disk_fstype("tmpfs") && !enc_disk_fstype("nfs") &&
	    !enc_disk_fstype("squashfs"));
}
END_TEST

START_TEST(test_crypt)
{
	static const char tab[] =
	    "# <target> <source> <key> <options>\n"
	    "sda3_crypt UUID=9d2c none luks,discard\n"
	    "  cryptswap /dev/sda4 /dev/urandom swap,cipher=aes-xts-plain64\n"
	    "sda3_crypt UUID=9d2c none luks\n";
	struct enc_crypt c;

	memset(&c, 0, sizeof(c));
	enc_crypttab_parse(tab, strlen(tab), &c);
	ck_assert_uint_eq(c.n, 2);
	ck_assert(enc_crypt_has(&c, "sda3_crypt") && enc_crypt_has(&c, "cryptswap"));
	ck_assert(!c.from_cmdline);
	enc_cmdline_parse("GRUB_CMDLINE_LINUX=\"rd.luks.uuid=luks-1234 "
	    "rd.luks.name=5678=cryptroot quiet xrd.luks.uuid=nope\"", &c);
	ck_assert(c.from_cmdline);
	ck_assert(enc_crypt_has(&c, "luks-1234"));
	ck_assert(enc_crypt_has(&c, "cryptroot"));
	ck_assert(!enc_crypt_has(&c, "luks-nope"));
	ck_assert_uint_eq(c.n, 4);
}
END_TEST

static const struct {
	const char *dm, *vg, *lv;
	int rc;
} lvm_cases[] = {
	{ "debian--vg-root", "debian-vg", "root", 0 },
	{ "vg-lv", "vg", "lv", 0 },
	{ "my--vg-swap_1", "my-vg", "swap_1", 0 },
	{ "a--b--c-d--e", "a-b-c", "d-e", 0 },
	{ "sda3_crypt", NULL, NULL, -EINVAL },
	{ "vg--only", NULL, NULL, -EINVAL },
	{ "-lv", NULL, NULL, -EINVAL },
};

START_TEST(test_lvm_split)
{
	char vg[64], lv[64];

	ck_assert_int_eq(enc_lvm_split(lvm_cases[_i].dm, vg, sizeof(vg), lv,
	    sizeof(lv)), lvm_cases[_i].rc);
	if (lvm_cases[_i].rc == 0) {
		ck_assert_str_eq(vg, lvm_cases[_i].vg);
		ck_assert_str_eq(lv, lvm_cases[_i].lv);
	}
}
END_TEST

static char pv_seen[2][64];

static void
on_pv(void *user, const char *device)
{
	size_t *n = user;

	ck_assert_uint_lt(*n, 2);
	snprintf(pv_seen[(*n)++], sizeof(pv_seen[0]), "%s", device);
}

START_TEST(test_lvm_pvs)
{
	static const char text[] =
	    "vg {\n\tphysical_volumes {\n\t\tpv0 {\n"
	    "\t\t\tdevice = \"/dev/mapper/sda3_crypt\"\t# Hint only\n\t\t}\n"
	    "\t\tpv1 {\n\t\t\tdevice=\"/dev/sdb1\"\n\t\t}\n\t}\n"
	    "\tlogical_volumes {\n\t\troot {\n\t\t\tdevice = \"/dev/ignored\"\n"
	    "\t\t}\n\t}\n}\n";
	size_t n = 0;

	ck_assert_uint_eq(enc_lvm_pvs(text, strlen(text), on_pv, &n), 2);
	ck_assert_str_eq(pv_seen[0], "/dev/mapper/sda3_crypt");
	ck_assert_str_eq(pv_seen[1], "/dev/sdb1");
}
END_TEST

static const struct {
	const char *text;
	int blacklisted, blocked;
} usb_cases[] = {
	{ "blacklist usb-storage\n", 1, 0 },
	{ "blacklist usb_storage # no sticks\n", 1, 0 },
	{ "install usb-storage /bin/false\n", 0, 1 },
	{ "install usb_storage /bin/true\n", 0, 1 },
	/* Loads the module after all. */
	{ "install usb-storage /sbin/modprobe --ignore-install usb-storage\n", 0, 0 },
	{ "# blacklist usb-storage\nblacklist usbhid\n", 0, 0 },
	{ "blacklist usb-storage-extra\n", 0, 0 },
	{ "options usb-storage quirks=abcd:1234:u\n", 0, 0 },
};

START_TEST(test_modprobe)
{
	struct enc_usb usb;

	memset(&usb, 0, sizeof(usb));
	enc_modprobe_parse(usb_cases[_i].text, strlen(usb_cases[_i].text),
	    "/etc/modprobe.d/x.conf", &usb);
	ck_assert_int_eq(usb.blacklisted, usb_cases[_i].blacklisted);
	ck_assert_int_eq(usb.install_blocked, usb_cases[_i].blocked);
	if (usb.blacklisted || usb.install_blocked)
		ck_assert_ptr_nonnull(strstr(usb.where, "/etc/modprobe.d/x.conf:"));
}
END_TEST

/* A parser reads its buffer's length, not up to a NUL (under ASan an
 * over-read of these exact-size copies fails the test). */
static char *
exact_copy(const char *text)
{
	size_t n = strlen(text);
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	memcpy(p, text, n);
	return p;
}

START_TEST(test_unterminated)
{
	static const char modprobe[] = "blacklist usb_storage";
	static const char tab[] = "# x\nsda3_crypt UUID=9d2c";
	struct enc_crypt c;
	struct enc_usb usb;
	char *p;

	memset(&usb, 0, sizeof(usb));
	p = exact_copy(modprobe);
	enc_modprobe_parse(p, strlen(modprobe), "/etc/modprobe.d/x.conf", &usb);
	free(p);
	ck_assert_int_eq(usb.blacklisted, 1);
	memset(&c, 0, sizeof(c));
	p = exact_copy(tab);
	enc_crypttab_parse(p, strlen(tab), &c);
	free(p);
	ck_assert_uint_eq(c.n, 1);
	ck_assert(enc_crypt_has(&c, "sda3_crypt"));
}
END_TEST

/*
 * The live host: / on LVM on LUKS, a data disk mounted straight from a
 * partition, swap on plain dm-crypt, zram and /boot skipped.
 */
START_TEST(test_live_sysfs)
{
	char *root = ph_fixture("encryption/live");
	const struct ph_report *r;
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 1, NULL);
	ph_blockdev(&ph, "/dev/mapper/vg-root", 254, 1);
	ph_blockdev(&ph, "/dev/sda2", 8, 2);
	ph_blockdev(&ph, "/dev/dm-2", 254, 2);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph.rejected, 0);
	r = ph_find(&ph, "volume", SA_LEVEL_IMPLEMENTED, "/ (/dev/mapper/vg-root");
	ck_assert_ptr_nonnull(r);
	ck_assert_msg(strstr(r->evidence, "LUKS2") != NULL &&
	    strstr(r->evidence, "sda3_crypt") != NULL, "%s", r->evidence);
	r = ph_find(&ph, "volume", SA_LEVEL_NOT, "/srv/data (old)");
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r->evidence, "sda2 is a plain"));
	ck_assert_ptr_nonnull(ph_find(&ph, "volume", SA_LEVEL_IMPLEMENTED,
	    "swap (/dev/dm-2"));
	ck_assert_uint_eq(ph_count(&ph, "volume", SA_LEVEL_IMPLEMENTED), 2);
	ck_assert_uint_eq(ph_count(&ph, "volume", SA_LEVEL_NOT), 1);
	ck_assert_uint_eq(ph_count(&ph, "volume", SA_LEVEL_UNKNOWN), 0);
	/* Blacklisted, yet loaded right now. */
	r = ph_find(&ph, "usb-storage", SA_LEVEL_PARTLY, NULL);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r->evidence, "loaded now"));
	ph_free(&ph);
	free(root);
}
END_TEST

START_TEST(test_policy_values)
{
	char *root = ph_fixture("encryption/fail");
	struct ph ph;

	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.encryption]\nusb_storage = require\nignore_mount = /srv/share\n");
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_uint_eq(ph_count(&ph, "usb-storage", SA_LEVEL_NOT), 1);
	ck_assert_ptr_null(ph_find(&ph, "volume", SA_LEVEL_NOT, "/srv/share"));
	ck_assert_uint_eq(ph_count(&ph, "volume", SA_LEVEL_NOT), 2);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.encryption]\nignore_mount = /srv\nusb_storage = sometimes\n");
	ck_assert_int_eq(ph_check_config(&ph), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 3, "usb_storage: \"sometimes\" "
	    "is not one of require, inform, ignore"));
	ck_assert_int_eq(ph_run(&ph), SA_RUN_BAD_INPUT);
	ck_assert_uint_eq(ph.n_reports, 0);
	ph_free(&ph);
	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.encryption]\nignore_mount = /srv\nignore_mount = srv/share\n");
	ck_assert_int_eq(ph_check_config(&ph), SA_RUN_BAD_INPUT);
	ck_assert_ptr_nonnull(ph_config_error(&ph, 3,
	    "ignore_mount: \"srv/share\" is not a mount point"));
	ph_free(&ph);
	/* A trailing slash names the same mount point. */
	ph_init(&ph, &smeaudit_plugin, root, 0,
	    "[plugin.encryption]\nusb_storage = ignore\nignore_mount = /srv/share/\n");
	ck_assert_int_eq(ph_check_config(&ph), 0);
	ck_assert_int_eq(ph_run(&ph), SA_RUN_OK);
	ck_assert_ptr_null(ph_find(&ph, "volume", SA_LEVEL_NOT, "/srv/share"));
	ck_assert_uint_eq(ph_count(&ph, "volume", SA_LEVEL_NOT), 2);
	ph_free(&ph);
	free(root);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("encryption");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_mounts);
	tcase_add_test(tc, test_crypt);
	tcase_add_loop_test(tc, test_lvm_split, 0, (int)UT_ARRAY_LEN(lvm_cases));
	tcase_add_test(tc, test_lvm_pvs);
	tcase_add_loop_test(tc, test_modprobe, 0, (int)UT_ARRAY_LEN(usb_cases));
	tcase_add_test(tc, test_unterminated);
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_add_test(tc, test_live_sysfs);
	tcase_add_test(tc, test_policy_values);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
