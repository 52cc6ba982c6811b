/* SPDX-License-Identifier: MIT */
/*
 * encryption: parsers of the plugin, free of the host table so that unit
 * tests drive them with strings.
 */
#ifndef ENC_ENCRYPTION_H
#define ENC_ENCRYPTION_H

#include <stddef.h>

/* One line of /etc/fstab or /proc/mounts, octal escapes (\040) decoded. */
struct enc_mount {
	char source[512];
	char target[512];
	char fstype[64];
	char options[256];
	unsigned int line;
};

typedef void (*enc_mount_fn)(void *user, const struct enc_mount *m);
/* Calls fn for each entry; returns the number of malformed lines. */
size_t enc_mounts_parse(const char *data, size_t len, enc_mount_fn fn,
    void *user);

/* Filesystems that keep data on a local block device. */
int enc_disk_fstype(const char *fstype);

/* The dm-crypt mappings set up at boot: crypttab plus the kernel line. */
#define ENC_MAX_CRYPT 64

struct enc_crypt {
	char names[ENC_MAX_CRYPT][128];	/* /dev/mapper names */
	size_t n;
	int from_cmdline;	/* rd.luks.* on the kernel command line */
};

void enc_crypttab_parse(const char *data, size_t len, struct enc_crypt *c);
/* rd.luks.uuid=U (name luks-U) and rd.luks.name=U=NAME in a kernel line. */
void enc_cmdline_parse(const char *data, struct enc_crypt *c);
int enc_crypt_has(const struct enc_crypt *c, const char *name);

/*
 * A device-mapper name of an LVM volume, "vg--data-lv--home" ->
 * "vg-data" and "lv-home" (LVM doubles dashes inside names).  Returns 0
 * or -EINVAL when the name has no single dash.
 */
int enc_lvm_split(const char *dm_name, char *vg, size_t vg_size, char *lv,
    size_t lv_size);

/*
 * The physical volumes an LVM metadata backup names: calls fn with each
 * device = "..." of its physical_volumes section.  Returns the count.
 */
size_t enc_lvm_pvs(const char *data, size_t len,
    void (*fn)(void *user, const char *device), void *user);

/* What modprobe configuration does with usb-storage. */
struct enc_usb {
	int blacklisted;	/* "blacklist usb-storage" */
	int install_blocked;	/* "install usb-storage /bin/false" (no modprobe) */
	char where[256];	/* the first file:line that blocks it */
};

void enc_modprobe_parse(const char *data, size_t len, const char *file,
    struct enc_usb *usb);

#endif /* ENC_ENCRYPTION_H */
