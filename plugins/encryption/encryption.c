/* SPDX-License-Identifier: MIT */
/*
 * encryption: the machine-checkable part of self-diagnosis item 13
 * (measures against theft and loss of devices and media).  Every local
 * filesystem and swap area that holds data must sit on dm-crypt (LUKS);
 * USB mass storage may be switched off by modprobe configuration where
 * the organisation's policy wants that.
 *
 * On the live host the mounts come from /proc/mounts and each device is
 * followed through sysfs (/sys/class/block/NAME/dm/uuid and slaves/),
 * the way lsblk does.  Under --root the mounts come from /etc/fstab and
 * the devices from /etc/crypttab, the kernel command line and LVM's
 * metadata backups; what those cannot settle is "cannot tell".
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <smeaudit/plugin.h>

#include "../lib/cfgchk.h"
#include "../lib/hostfiles.h"
#include "../lib/tr.h"
#include "encryption.h"

static const struct sa_check enc_checks[] = {
	{ "volume", 13, 0, SA_SEV_HIGH,
	  "Filesystem or swap holding data is not encrypted",
	  "データを保存するファイルシステムまたはスワップが暗号化されていない",
	  "Keep data on LUKS-encrypted volumes (cryptsetup luksFormat; the "
	  "Debian and Ubuntu installers offer \"encrypted LVM\"). Moving an "
	  "existing system means a backup, a reinstall with encryption and a "
	  "restore; plan it with the device's next replacement if needed.",
	  "データは LUKS で暗号化したボリュームに保存してください(cryptsetup "
	  "luksFormat。Debian や Ubuntu のインストーラーでは「暗号化 LVM」を選べます)。"
	  "既存のシステムはバックアップ、暗号化を有効にした再インストール、"
	  "復元の順で移行します。必要なら機器の次回更新時に計画してください。" },
	{ "usb-storage", 13, 0, SA_SEV_MEDIUM,
	  "USB storage devices can be used",
	  "USB ストレージが使える",
	  "If policy forbids USB memory sticks and disks, add a file "
	  "/etc/modprobe.d/usb-storage.conf with \"install usb-storage /bin/false\" "
	  "(and \"blacklist usb-storage\"), then rebuild the initramfs.",
	  "方針として USB メモリーや USB ディスクを禁止する場合は、"
	  "/etc/modprobe.d/usb-storage.conf に「install usb-storage /bin/false」"
	  "(と「blacklist usb-storage」)を書き、initramfs を作り直してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key enc_config[] = {
	{ "usb_storage", SA_CONFIG_STRING, "inform", 0,
	  "USB storage policy: require (usable USB storage fails item 13), "
	  "inform (reported as not applicable, no effect on the score; a "
	  "block still counts as a measure) or ignore (not checked).",
	  "USB ストレージの方針。require(使える場合は項目 13 の不備)、inform"
	  "(該当なしとして報告し点数に影響しない。禁止設定があれば対策として"
	  "数える)、ignore(確認しない)。" },
	{ "ignore_mount", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "A mount point holding no data worth encrypting (repeatable); /boot, "
	  "/boot/efi and /efi are never checked.",
	  "暗号化の対象外とするマウントポイント(複数指定可)。/boot、"
	  "/boot/efi、/efi は常に対象外です。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

#define ENC_MAX_DEPTH 8
#define ENC_MAX_VOLUMES 128

enum enc_state { ENC_NOT = 0, ENC_YES = 1, ENC_UNKNOWN = -1 };

enum enc_usb_policy { ENC_USB_REQUIRE, ENC_USB_INFORM, ENC_USB_IGNORE };

/* [plugin.encryption], checked. */
struct enc_settings {
	enum enc_usb_policy usb;
	const char *const *ignored;	/* ignore_mount: absolute mount points */
	size_t n_ignored;
};

struct enc_volume {
	char target[512];	/* mount point, or "swap" */
	char source[512];
	char fstype[64];
};

struct enc_run {
	struct hf hf;
	int live;
	struct enc_crypt crypt;
	struct enc_settings cfg;
	struct enc_volume *vols;
	size_t n_vols;
	size_t malformed;
};

/* Is target the mount point ignore names?  "/srv/" names "/srv". */
static int
enc_same_mount(const char *target, const char *ignore)
{
	size_t n = strlen(ignore);

	while (n > 1 && ignore[n - 1] == '/')
		n--;
	return strncmp(target, ignore, n) == 0 && target[n] == '\0';
}

static int
enc_ignored(const struct enc_run *e, const char *target)
{
	static const char *const never[] = { "/boot", "/boot/efi", "/efi", NULL };
	size_t i;

	for (i = 0; never[i] != NULL; i++)
		if (strcmp(target, never[i]) == 0)
			return 1;
	for (i = 0; i < e->cfg.n_ignored; i++)
		if (enc_same_mount(target, e->cfg.ignored[i]))
			return 1;
	return 0;
}

static void
enc_on_mount(void *user, const struct enc_mount *m)
{
	struct enc_run *e = user;
	struct enc_volume *v;
	struct stat st;
	size_t i;

	if (!enc_disk_fstype(m->fstype) || enc_ignored(e, m->target))
		return;
	if (strcmp(m->fstype, "swap") == 0 && strncmp(m->source, "/dev/zram", 9) == 0)
		return;		/* compressed RAM, not a disk */
	/* Containers bind-mount single files (/etc/hosts) from the host disk. */
	if (e->live && strcmp(m->fstype, "swap") != 0 &&
	    e->hf.host->stat(e->hf.ctx, m->target, 0, &st) == 0 && !S_ISDIR(st.st_mode))
		return;
	/* A later mount on the same point hides the earlier one. */
	for (i = 0; i < e->n_vols; i++)
		if (strcmp(m->fstype, "swap") != 0 &&
		    strcmp(e->vols[i].target, m->target) == 0)
			break;
	if (i == e->n_vols) {
		if (e->n_vols == ENC_MAX_VOLUMES)
			return;
		e->n_vols++;
	}
	v = &e->vols[i];
	snprintf(v->target, sizeof(v->target), "%s",
	    strcmp(m->fstype, "swap") == 0 ? "swap" : m->target);
	snprintf(v->source, sizeof(v->source), "%s", m->source);
	snprintf(v->fstype, sizeof(v->fstype), "%s", m->fstype);
}

/* Live host: follow a block device through sysfs. */
static enum enc_state
enc_sysfs_device(struct enc_run *e, const char *name, int depth, char *why,
    size_t why_size)
{
	struct hf_names slaves;
	char path[512], *uuid, *dmname;
	enum enc_state st, all = ENC_YES;
	size_t i, len;
	int r;

	if (depth > ENC_MAX_DEPTH) {
		hf_format(why, why_size, E_("device stack too deep at %s"), name);
		return ENC_UNKNOWN;
	}
	snprintf(path, sizeof(path), "/sys/class/block/%s/dm/uuid", name);
	r = hf_read(&e->hf, path, HF_MAX_SYSFS, &uuid, &len);
	if (r == 0) {
		uuid[strcspn(uuid, "\n")] = '\0';
		if (strncmp(uuid, "CRYPT-", 6) == 0) {
			snprintf(path, sizeof(path), "/sys/class/block/%s/dm/name", name);
			dmname = NULL;
			if (hf_read(&e->hf, path, HF_MAX_SYSFS, &dmname, &len) == 0)
				dmname[strcspn(dmname, "\n")] = '\0';
			/* "CRYPT-LUKS2-<uuid>-<name>": keep the kind. */
			hf_format(why, why_size, E_("dm-crypt %.*s on %s (%s)"),
			    (int)strcspn(uuid + 6, "-"), uuid + 6, name,
			    dmname != NULL ? dmname : "?");
			free(dmname);
			free(uuid);
			return ENC_YES;
		}
		free(uuid);
	} else if (r != -ENOENT) {
		hf_format(why, why_size, "%s: %s", path, hf_strerror(r));
		return ENC_UNKNOWN;
	}
	snprintf(path, sizeof(path), "/sys/class/block/%s/slaves", name);
	r = hf_list(&e->hf, path, NULL, &slaves);
	if (r < 0 && r != -ENOENT) {
		hf_format(why, why_size, "%s: %s", path, hf_strerror(r));
		return ENC_UNKNOWN;
	}
	if (r == -ENOENT || slaves.n == 0) {
		hf_names_free(&slaves);
		if (strncmp(name, "loop", 4) == 0) {
			hf_format(why, why_size, E_("%s is a loop device over a file"), name);
			return ENC_UNKNOWN;
		}
		hf_format(why, why_size, E_("%s is a plain disk or partition"), name);
		return ENC_NOT;
	}
	/* LVM, RAID, multipath: encrypted only if everything below is. */
	for (i = 0; i < slaves.n && all != ENC_NOT; i++) {
		st = enc_sysfs_device(e, slaves.v[i], depth + 1, why, why_size);
		if (st == ENC_NOT || (st == ENC_UNKNOWN && all == ENC_YES))
			all = st;
	}
	hf_names_free(&slaves);
	if (all == ENC_YES && depth == 0) {
		char below[256];

		hf_format(below, sizeof(below), "%s", why);
		hf_format(why, why_size, E_("%s over %s"), name, below);
	}
	return all;
}

/* The kernel's name of a block device number: /sys/dev/block/M:m -> ../sda1 */
static int
enc_sysfs_name(struct enc_run *e, dev_t dev, char *name, size_t size)
{
	char path[128], target[512];
	const char *base;
	int r;

	snprintf(path, sizeof(path), "/sys/dev/block/%u:%u", major(dev), minor(dev));
	r = hf_readlink(&e->hf, path, target, sizeof(target));
	if (r < 0)
		return r;
	base = strrchr(target, '/');
	hf_format(name, size, "%s", base != NULL ? base + 1 : target);
	return 0;
}

static enum enc_state
enc_live_volume(struct enc_run *e, const struct enc_volume *v, char *why,
    size_t why_size)
{
	struct stat st;
	char name[256];
	int r = -ENOENT;

	if (strcmp(v->fstype, "ecryptfs") == 0) {
		hf_format(why, why_size, E_("eCryptfs over %s"), v->source);
		return ENC_YES;
	}
	if (strcmp(v->fstype, "zfs") == 0) {
		hf_format(why, why_size, E_("ZFS dataset %s: native encryption is not "
		    "visible in sysfs"), v->source);
		return ENC_UNKNOWN;
	}
	/* The source device when it is one, else the device of the mount. */
	if (strncmp(v->source, "/dev/", 5) == 0 &&
	    e->hf.host->stat(e->hf.ctx, v->source, 0, &st) == 0 && S_ISBLK(st.st_mode))
		r = enc_sysfs_name(e, st.st_rdev, name, sizeof(name));
	if (r < 0 && strcmp(v->target, "swap") != 0 &&
	    e->hf.host->stat(e->hf.ctx, v->target, 0, &st) == 0 && major(st.st_dev) != 0)
		r = enc_sysfs_name(e, st.st_dev, name, sizeof(name));
	if (r < 0 && strcmp(v->target, "swap") == 0 &&
	    e->hf.host->stat(e->hf.ctx, v->source, 0, &st) == 0 &&
	    S_ISREG(st.st_mode) && major(st.st_dev) != 0)
		r = enc_sysfs_name(e, st.st_dev, name, sizeof(name));	/* swap file */
	if (r < 0) {
		hf_format(why, why_size, E_("%s (%s): no block device found"), v->source,
		    v->fstype);
		return ENC_UNKNOWN;
	}
	return enc_sysfs_device(e, name, 0, why, why_size);
}

/* Under --root: follow fstab's source through crypttab and LVM backups. */
static enum enc_state enc_offline_source(struct enc_run *e, const char *source,
    int depth, char *why, size_t why_size);

struct enc_pv_walk {
	struct enc_run *e;
	int depth;
	enum enc_state all;
	size_t count;
	char why[256];
};

static void
enc_on_pv(void *user, const char *device)
{
	struct enc_pv_walk *w = user;
	enum enc_state st;
	char why[256];

	w->count++;
	if (w->all == ENC_NOT)
		return;
	st = enc_offline_source(w->e, device, w->depth + 1, why, sizeof(why));
	if (st == ENC_NOT || (st == ENC_UNKNOWN && w->all == ENC_YES)) {
		w->all = st;
		hf_format(w->why, sizeof(w->why), "%s", why);
	} else if (w->why[0] == '\0')
		hf_format(w->why, sizeof(w->why), "%s", why);
}

static enum enc_state
enc_offline_lvm(struct enc_run *e, const char *vg, const char *lv, int depth,
    char *why, size_t why_size)
{
	struct enc_pv_walk w = { e, depth, ENC_YES, 0, "" };
	char path[512], *data;
	size_t len;
	int r;

	snprintf(path, sizeof(path), "/etc/lvm/backup/%s", vg);
	r = hf_read(&e->hf, path, HF_MAX_CONFIG, &data, &len);
	if (r < 0) {
		hf_format(why, why_size, E_("LVM volume %s/%s: %s %s"), vg, lv, path,
		    hf_strerror(r));
		return ENC_UNKNOWN;
	}
	enc_lvm_pvs(data, len, enc_on_pv, &w);
	free(data);
	if (w.count == 0) {
		hf_format(why, why_size, E_("LVM volume %s/%s: %s names no device"), vg,
		    lv, path);
		return ENC_UNKNOWN;
	}
	hf_format(why, why_size, E_("LVM %s/%s on %s"), vg, lv, w.why);
	return w.all;
}

static enum enc_state
enc_offline_source(struct enc_run *e, const char *source, int depth, char *why,
    size_t why_size)
{
	static const char *const raw[] = {
		"/dev/sd", "/dev/hd", "/dev/vd", "/dev/xvd", "/dev/nvme",
		"/dev/mmcblk", "/dev/md", "PARTUUID=", "PARTLABEL=",
		"/dev/disk/by-partuuid/", "/dev/disk/by-partlabel/",
		"/dev/disk/by-path/", NULL
	};
	char vg[128], lv[128], name[256];
	const char *p;
	size_t i;

	if (depth > ENC_MAX_DEPTH) {
		hf_format(why, why_size, E_("device stack too deep at %s"), source);
		return ENC_UNKNOWN;
	}
	if (hf_has_prefix(source, "/dev/mapper/") ||
	    hf_has_prefix(source, "/dev/disk/by-id/dm-name-")) {
		p = strrchr(source, '/') + 1;
		if (hf_has_prefix(p, "dm-name-"))
			p += 8;
		if (enc_crypt_has(&e->crypt, p)) {
			hf_format(why, why_size, E_("dm-crypt mapping %s (%s)"), p,
			    e->crypt.from_cmdline ? E_("crypttab or kernel command line") :
			    "/etc/crypttab");
			return ENC_YES;
		}
		if (enc_lvm_split(p, vg, sizeof(vg), lv, sizeof(lv)) == 0)
			return enc_offline_lvm(e, vg, lv, depth, why, why_size);
		hf_format(why, why_size, E_("device-mapper %s is not in /etc/crypttab"), p);
		return ENC_UNKNOWN;
	}
	if (hf_has_prefix(source, "/dev/disk/by-id/dm-uuid-CRYPT-")) {
		hf_format(why, why_size, E_("dm-crypt device %s"), source);
		return ENC_YES;
	}
	for (i = 0; raw[i] != NULL; i++)
		if (hf_has_prefix(source, raw[i])) {
			hf_format(why, why_size, E_("%s is a disk, partition or RAID "
			    "mounted directly"), source);
			return ENC_NOT;
		}
	if (hf_has_prefix(source, "UUID=") || hf_has_prefix(source, "LABEL=") ||
	    hf_has_prefix(source, "/dev/disk/by-uuid/") ||
	    hf_has_prefix(source, "/dev/disk/by-label/")) {
		/* A filesystem's own id: it may live inside a LUKS container. */
		if (e->crypt.n == 0) {
			hf_format(why, why_size, E_("%s, and nothing is unlocked at boot "
			    "(no /etc/crypttab entry, no rd.luks)"), source);
			return ENC_NOT;
		}
		hf_format(why, why_size, E_("%s names a filesystem; which device holds it "
		    "shows only on the live host"), source);
		return ENC_UNKNOWN;
	}
	/* /dev/VG/LV */
	if (hf_has_prefix(source, "/dev/") && (p = strchr(source + 5, '/')) != NULL &&
	    strchr(p + 1, '/') == NULL) {
		snprintf(name, sizeof(name), "%.*s", (int)(p - source - 5), source + 5);
		snprintf(lv, sizeof(lv), "%s", p + 1);
		return enc_offline_lvm(e, name, lv, depth, why, why_size);
	}
	hf_format(why, why_size, E_("%s: unknown kind of device"), source);
	return ENC_UNKNOWN;
}

static enum enc_state
enc_offline_volume(struct enc_run *e, const struct enc_volume *v, char *why,
    size_t why_size)
{
	if (strcmp(v->fstype, "ecryptfs") == 0) {
		hf_format(why, why_size, E_("eCryptfs over %s"), v->source);
		return ENC_YES;
	}
	if (strcmp(v->fstype, "zfs") == 0) {
		hf_format(why, why_size, E_("ZFS dataset %s: native encryption is not "
		    "visible in configuration files"), v->source);
		return ENC_UNKNOWN;
	}
	if (strcmp(v->target, "swap") == 0 && v->source[0] == '/' &&
	    !hf_has_prefix(v->source, "/dev/")) {
		hf_format(why, why_size, E_("swap file %s: its filesystem decides"),
		    v->source);
		return ENC_UNKNOWN;
	}
	return enc_offline_source(e, v->source, 0, why, why_size);
}

/* crypttab and the kernel command line: which mappings boot sets up. */
static void
enc_load_crypt(struct enc_run *e)
{
	static const char *const cmdlines[] = {
		"/etc/default/grub", "/etc/kernel/cmdline", NULL
	};
	char *data;
	size_t len, i;

	if (hf_read(&e->hf, "/etc/crypttab", HF_MAX_CONFIG, &data, &len) == 0) {
		enc_crypttab_parse(data, len, &e->crypt);
		free(data);
	}
	for (i = 0; cmdlines[i] != NULL; i++)
		if (hf_read(&e->hf, cmdlines[i], HF_MAX_CONFIG, &data, &len) == 0) {
			enc_cmdline_parse(data, &e->crypt);
			free(data);
		}
}

static void
enc_volumes(struct enc_run *e)
{
	const char *table = e->live ? "/proc/self/mounts" : "/etc/fstab";
	char object[1100], why[512];
	enum enc_state st;
	char *data;
	size_t len, i;
	int r, level;

	r = hf_read(&e->hf, table, HF_MAX_CONFIG, &data, &len);
	if (r < 0) {
		sa_report(e->hf.host, e->hf.ctx, "volume", SA_LEVEL_UNKNOWN, table,
		    hf_strerror(r));
		return;
	}
	e->malformed = enc_mounts_parse(data, len, enc_on_mount, e);
	free(data);
	if (e->live && hf_read(&e->hf, "/proc/swaps", HF_MAX_SYSFS, &data, &len) == 0) {
		struct hf_lines it;
		const char *line;
		struct enc_mount m;
		size_t n;

		/* "Filename Type Size Used Priority", one swap area per line. */
		hf_lines_init(&it, data, len);
		while (hf_lines_next(&it, &line, &n)) {
			if (it.number == 1 || n == 0)
				continue;
			memset(&m, 0, sizeof(m));
			snprintf(m.source, sizeof(m.source), "%.*s",
			    (int)strcspn(line, " \t"), line);
			snprintf(m.target, sizeof(m.target), "swap");
			snprintf(m.fstype, sizeof(m.fstype), "swap");
			enc_on_mount(e, &m);
		}
		free(data);
	}
	if (e->malformed > 0)
		e->hf.host->log(e->hf.ctx, SA_LOG_WARNING,
		    E_("%s: %zu malformed line(s) skipped"), table, e->malformed);
	if (e->n_vols == 0) {
		sa_report(e->hf.host, e->hf.ctx, "volume", SA_LEVEL_UNKNOWN, table,
		    E_("no local filesystem holding data found (container, network "
		    "or in-memory root?)"));
		return;
	}
	for (i = 0; i < e->n_vols; i++) {
		st = e->live ? enc_live_volume(e, &e->vols[i], why, sizeof(why)) :
		    enc_offline_volume(e, &e->vols[i], why, sizeof(why));
		hf_format(object, sizeof(object), "%s (%s, %s)", e->vols[i].target,
		    e->vols[i].source, e->vols[i].fstype);
		level = st == ENC_YES ? SA_LEVEL_IMPLEMENTED :
		    st == ENC_NOT ? SA_LEVEL_NOT : SA_LEVEL_UNKNOWN;
		sa_report(e->hf.host, e->hf.ctx, "volume", level, object, why);
	}
}

/* Is the usb-storage driver compiled into some installed kernel? */
static int
enc_usb_builtin(struct enc_run *e, char *kernel, size_t size)
{
	struct hf_names names;
	char path[512], *data;
	size_t i, len;
	int found = 0;

	if (hf_list(&e->hf, "/lib/modules", NULL, &names) < 0)
		return 0;
	for (i = 0; i < names.n && !found; i++) {
		snprintf(path, sizeof(path), "/lib/modules/%s/modules.builtin",
		    names.v[i]);
		if (hf_read(&e->hf, path, 16 * 1024 * 1024, &data, &len) < 0)
			continue;
		if (strstr(data, "/usb-storage.ko\n") != NULL) {
			found = 1;
			snprintf(kernel, size, "%s", names.v[i]);
		}
		free(data);
	}
	hf_names_free(&names);
	return found;
}

static void
enc_usb_storage(struct enc_run *e, int require)
{
	static const char *const dirs[] = {
		"/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d",
		"/usr/lib/modprobe.d", "/lib/modprobe.d", NULL
	};
	struct enc_usb usb;
	struct hf_names names;
	char path[512], evidence[600], kernel[128], *data;
	size_t i, k, len;
	int level, blocked, loaded = 0, r;

	memset(&usb, 0, sizeof(usb));
	for (k = 0; dirs[k] != NULL; k++) {
		r = hf_list(&e->hf, dirs[k], ".conf", &names);
		if (r < 0 && r != -ENOENT) {
			hf_format(evidence, sizeof(evidence), "%s: %s", dirs[k],
			    hf_strerror(r));
			sa_report(e->hf.host, e->hf.ctx, "usb-storage", SA_LEVEL_UNKNOWN,
			    dirs[k], evidence);
			return;
		}
		for (i = 0; i < names.n; i++) {
			snprintf(path, sizeof(path), "%s/%s", dirs[k], names.v[i]);
			if (hf_read(&e->hf, path, HF_MAX_CONFIG, &data, &len) < 0)
				continue;
			enc_modprobe_parse(data, len, path, &usb);
			free(data);
		}
		hf_names_free(&names);
	}
	if (hf_read(&e->hf, "/etc/default/grub", HF_MAX_CONFIG, &data, &len) == 0) {
		const char *p = strstr(data, "modprobe.blacklist=");

		if (p != NULL && (strstr(p, "usb-storage") != NULL ||
		    strstr(p, "usb_storage") != NULL) && !usb.blacklisted) {
			usb.blacklisted = 1;
			snprintf(usb.where, sizeof(usb.where), "/etc/default/grub: "
			    "modprobe.blacklist");
		}
		free(data);
	}
	if (e->live)
		loaded = hf_exists(&e->hf, "/sys/module/usb_storage") == 1;
	blocked = usb.blacklisted || usb.install_blocked;
	if (blocked && enc_usb_builtin(e, kernel, sizeof(kernel))) {
		hf_format(evidence, sizeof(evidence), E_("%s, but usb-storage is built "
		    "into kernel %s: modprobe settings cannot stop it"), usb.where,
		    kernel);
		blocked = 0;
	} else if (blocked)
		hf_format(evidence, sizeof(evidence), "%s%s", usb.where,
		    loaded ? E_(" (the module is loaded now: reboot or rmmod)") : "");
	else
		hf_format(evidence, sizeof(evidence), E_("no blacklist or install rule for "
		    "usb-storage in modprobe.d%s%s"), loaded ? E_("; the module is loaded") : "",
		    require ? "" : E_(" (policy: inform)"));
	if (blocked)
		level = loaded ? SA_LEVEL_PARTLY : SA_LEVEL_IMPLEMENTED;
	else
		level = require ? SA_LEVEL_NOT : SA_LEVEL_NA;
	sa_report(e->hf.host, e->hf.ctx, "usb-storage", level, "usb-storage",
	    evidence);
}

/*
 * usb_storage and ignore_mount.  Returns 0, or SA_RUN_BAD_INPUT after
 * naming the line of the value that cannot be used.
 */
static int
enc_load_config(const struct hf *hf, struct enc_settings *c)
{
	static const char *const policies[] = { "require", "inform", "ignore" };
	const char *policy;
	size_t i;

	if (hf->host->config_string(hf->ctx, NULL, "usb_storage", &policy) < 0 ||
	    hf->host->config_list(hf->ctx, NULL, "ignore_mount", &c->ignored,
	    &c->n_ignored) < 0)
		return -EINVAL;
	for (i = 0; i < sizeof(policies) / sizeof(policies[0]); i++)
		if (strcmp(policy, policies[i]) == 0)
			break;
	if (i == sizeof(policies) / sizeof(policies[0]))
		return cfgchk_fail(hf, NULL, "usb_storage", 0, E_("usb_storage: \"%s\" "
		    "is not one of require, inform, ignore"), policy);
	c->usb = (enum enc_usb_policy)i;
	for (i = 0; i < c->n_ignored; i++)
		if (c->ignored[i][0] != '/')
			return cfgchk_fail(hf, NULL, "ignore_mount", i, E_("ignore_mount: "
			    "\"%s\" is not a mount point (it must start with /)"),
			    c->ignored[i]);
	return 0;
}

static int
enc_check_config(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct hf hf = { host, ctx };
	struct enc_settings c;

	return enc_load_config(&hf, &c);
}

static int
enc_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	struct enc_run *e;
	int r;

	e = calloc(1, sizeof(*e));
	if (e == NULL)
		return -ENOMEM;
	e->hf.host = host;
	e->hf.ctx = ctx;
	/* Checked already by enc_check_config() unless the core predates it. */
	if ((r = enc_load_config(&e->hf, &e->cfg)) != 0) {
		free(e);
		return r;
	}
	e->vols = calloc(ENC_MAX_VOLUMES, sizeof(*e->vols));
	if (e->vols == NULL) {
		free(e);
		return -ENOMEM;
	}
	e->live = host->is_live(ctx);
	enc_load_crypt(e);
	enc_volumes(e);
	if (e->cfg.usb != ENC_USB_IGNORE)
		enc_usb_storage(e, e->cfg.usb == ENC_USB_REQUIRE);
	free(e->vols);
	free(e);
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "encryption",
	.version = "1.0",
	.description_en = "Disk encryption (LUKS) of data volumes and USB storage "
	    "policy",
	.description_ja = "データ領域のディスク暗号化(LUKS)と USB ストレージの"
	    "方針",
	.checks = enc_checks,
	.config = enc_config,
	.run = enc_run,
	.check_config = enc_check_config,
};
