/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the encryption plugin's parsers (plugins/encryption/
 * parse.c): fstab and /proc/mounts lines with octal escapes, crypttab,
 * the kernel command line's rd.luks options, modprobe.d for usb-storage,
 * LVM metadata backups and device-mapper names.  The first byte picks
 * the parser.  Aborts when a field is not terminated, a count leaves
 * its array, or a split name does not add up.
 */
#include "config.h"

#include "fuzz_hostparse.h"

#include "../../plugins/encryption/encryption.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fz_mount(void *user, const struct enc_mount *m)
{
	FZP_TERMINATED(m->source);
	FZP_TERMINATED(m->target);
	FZP_TERMINATED(m->fstype);
	FZP_TERMINATED(m->options);
	(void)enc_disk_fstype(m->fstype);
}

static void
fz_pv(void *user, const char *device)
{
	(void)strlen(device);
	(*(size_t *)user)++;
}

static void
fz_crypt(const struct enc_crypt *c)
{
	size_t i;

	if (c->n > ENC_MAX_CRYPT)
		abort();
	for (i = 0; i < c->n; i++) {
		FZP_TERMINATED(c->names[i]);
		if (!enc_crypt_has(c, c->names[i]))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1;
	struct enc_crypt *c;
	struct enc_usb usb;
	char vg[128], lv[128], *s;
	size_t len = size - 1, n = 0;

	if (size < 1)
		return 0;
	switch (data[0] % 5) {
	case 0:
		(void)enc_mounts_parse(text, len, fz_mount, NULL);
		break;
	case 1:
		if ((c = calloc(1, sizeof(*c))) == NULL)
			abort();
		enc_crypttab_parse(text, len, c);
		fz_crypt(c);
		s = fzp_str(data + 1, len);
		enc_cmdline_parse(s, c);
		fz_crypt(c);
		free(s);
		free(c);
		break;
	case 2:
		memset(&usb, 0, sizeof(usb));
		enc_modprobe_parse(text, len, "/etc/modprobe.d/fuzz.conf", &usb);
		FZP_TERMINATED(usb.where);
		break;
	case 3:
		if (enc_lvm_pvs(text, len, fz_pv, &n) != n)
			abort();
		break;
	case 4:
		s = fzp_str(data + 1, len);
		if (enc_lvm_split(s, vg, sizeof(vg), lv, sizeof(lv)) == 0) {
			FZP_TERMINATED(vg);
			FZP_TERMINATED(lv);
		}
		free(s);
		break;
	}
	return 0;
}
