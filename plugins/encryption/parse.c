/* SPDX-License-Identifier: MIT */
/*
 * encryption: parsers for mount tables, crypttab, the kernel command
 * line, LVM metadata backups and modprobe configuration.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/hostfiles.h"
#include "encryption.h"

/* strcspn within s[0..n): a line handed to a parser need not end in NUL. */
static size_t
enc_span(const char *s, size_t n, const char *reject)
{
	size_t i = 0;

	while (i < n && s[i] != '\0' && strchr(reject, s[i]) == NULL)
		i++;
	return i;
}

/* Copy one whitespace-separated field, decoding \ooo octal escapes. */
static const char *
enc_field(const char *p, const char *end, char *out, size_t size)
{
	size_t n = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (p < end && *p != ' ' && *p != '\t') {
		char c = *p++;

		if (c == '\\' && end - p >= 3 && p[0] >= '0' && p[0] <= '3' &&
		    p[1] >= '0' && p[1] <= '7' && p[2] >= '0' && p[2] <= '7') {
			c = (char)((p[0] - '0') << 6 | (p[1] - '0') << 3 | (p[2] - '0'));
			p += 3;
		}
		if (n + 1 < size)
			out[n++] = c;
	}
	if (size > 0)
		out[n] = '\0';
	return p;
}

size_t
enc_mounts_parse(const char *data, size_t len, enc_mount_fn fn, void *user)
{
	struct enc_mount m;
	struct hf_lines it;
	const char *line, *end;
	size_t n, bad = 0;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		end = line + n;
		memset(&m, 0, sizeof(m));
		line = enc_field(line, end, m.source, sizeof(m.source));
		line = enc_field(line, end, m.target, sizeof(m.target));
		line = enc_field(line, end, m.fstype, sizeof(m.fstype));
		enc_field(line, end, m.options, sizeof(m.options));
		if (m.target[0] == '\0' || m.fstype[0] == '\0') {
			bad++;
			continue;
		}
		m.line = it.number;
		fn(user, &m);
	}
	return bad;
}

int
enc_disk_fstype(const char *fstype)
{
	static const char *const types[] = {
		"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "reiserfs",
		"vfat", "exfat", "ntfs", "ntfs3", "hfsplus", "nilfs2", "zfs",
		"bcachefs", "ecryptfs", "swap", NULL
	};
	size_t i;

	for (i = 0; types[i] != NULL; i++)
		if (strcmp(fstype, types[i]) == 0)
			return 1;
	return 0;
}

static void
enc_crypt_add(struct enc_crypt *c, const char *name, size_t n)
{
	if (c->n == ENC_MAX_CRYPT || n == 0 || n >= sizeof(c->names[0]))
		return;
	memcpy(c->names[c->n], name, n);
	c->names[c->n][n] = '\0';
	if (!enc_crypt_has(c, c->names[c->n]))
		c->n++;
}

void
enc_crypttab_parse(const char *data, size_t len, struct enc_crypt *c)
{
	struct hf_lines it;
	const char *line;
	size_t n, k;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		/* "name device [keyfile [options]]": the name is the mapping. */
		k = enc_span(line, n, " \t");
		if (k < n)
			enc_crypt_add(c, line, k);
	}
}

void
enc_cmdline_parse(const char *data, struct enc_crypt *c)
{
	const char *p = data, *v, *eq;
	char name[128];
	size_t n;

	while ((p = strstr(p, "rd.luks.")) != NULL) {
		/* Only whole words: "xrd.luks.uuid" is something else. */
		if (p > data && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '"' &&
		    p[-1] != '\'') {
			p++;
			continue;
		}
		p += 8;
		n = strcspn(p, " \t\"'\n");
		if (strncmp(p, "uuid=", 5) == 0 && n > 5) {
			v = p + 5;
			if (strncmp(v, "luks-", 5) == 0)
				v += 5;
			snprintf(name, sizeof(name), "luks-%.*s",
			    (int)(n - (size_t)(v - p)), v);
			enc_crypt_add(c, name, strlen(name));
			c->from_cmdline = 1;
		} else if (strncmp(p, "name=", 5) == 0 &&
		    (eq = memchr(p + 5, '=', n - 5)) != NULL) {
			enc_crypt_add(c, eq + 1, n - (size_t)(eq + 1 - p));
			c->from_cmdline = 1;
		}
		p += n;
	}
}

int
enc_crypt_has(const struct enc_crypt *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->names[i], name) == 0)
			return 1;
	return 0;
}

int
enc_lvm_split(const char *dm_name, char *vg, size_t vg_size, char *lv,
    size_t lv_size)
{
	const char *p;
	size_t n = 0;

	for (p = dm_name; *p != '\0'; p++) {
		if (*p != '-')
			continue;
		if (p[1] == '-') {
			p++;	/* "--" is a dash inside a name */
			continue;
		}
		break;
	}
	if (*p != '-' || p == dm_name || p[1] == '\0')
		return -EINVAL;
	/* Undouble the dashes of each half. */
	for (const char *q = dm_name; q < p && n + 1 < vg_size; q++) {
		vg[n++] = *q;
		if (*q == '-' && q[1] == '-')
			q++;
	}
	vg[n] = '\0';
	n = 0;
	for (const char *q = p + 1; *q != '\0' && n + 1 < lv_size; q++) {
		lv[n++] = *q;
		if (*q == '-' && q[1] == '-')
			q++;
	}
	lv[n] = '\0';
	return 0;
}

size_t
enc_lvm_pvs(const char *data, size_t len,
    void (*fn)(void *user, const char *device), void *user)
{
	struct hf_lines it;
	const char *line, *q, *e;
	char device[512];
	size_t n, count = 0;
	int in_pvs = 0, depth = 0;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		if (!in_pvs) {
			if (n >= 16 && strncmp(line, "physical_volumes", 16) == 0 &&
			    memchr(line, '{', n) != NULL) {
				in_pvs = 1;
				depth = 1;
			}
			continue;
		}
		if (memchr(line, '{', n) != NULL)
			depth++;
		if (memchr(line, '}', n) != NULL && --depth == 0) {
			in_pvs = 0;
			continue;
		}
		/* device = "/dev/mapper/sda5_crypt"	# Hint only */
		if (n > 6 && strncmp(line, "device", 6) == 0 &&
		    (line[6] == ' ' || line[6] == '\t' || line[6] == '=') &&
		    (q = memchr(line, '"', n)) != NULL &&
		    (e = memchr(q + 1, '"', (size_t)(line + n - q - 1))) != NULL) {
			snprintf(device, sizeof(device), "%.*s", (int)(e - q - 1), q + 1);
			fn(user, device);
			count++;
		}
	}
	return count;
}

/* usb-storage and usb_storage are one module to modprobe. */
static int
enc_is_usb_storage(const char *s, size_t n)
{
	return hf_word_eq(s, n, "usb-storage", 0) || hf_word_eq(s, n, "usb_storage", 0);
}

void
enc_modprobe_parse(const char *data, size_t len, const char *file,
    struct enc_usb *usb)
{
	struct hf_lines it;
	const char *line, *word, *rest;
	size_t n, wn, mn;

	hf_lines_init(&it, data, len);
	while (hf_lines_next(&it, &line, &n)) {
		line = hf_trim(line, &n);
		if (n == 0 || line[0] == '#')
			continue;
		wn = enc_span(line, n, " \t");
		if (wn >= n)
			continue;
		word = line;
		rest = line + wn;
		while (rest < line + n && (*rest == ' ' || *rest == '\t'))
			rest++;
		mn = enc_span(rest, (size_t)(line + n - rest), " \t");
		if (!enc_is_usb_storage(rest, mn))
			continue;
		if (hf_word_eq(word, wn, "blacklist", 0)) {
			if (!usb->blacklisted && !usb->install_blocked)
				hf_format(usb->where, sizeof(usb->where), "%s:%u: blacklist",
				    file, it.number);
			usb->blacklisted = 1;
		} else if (hf_word_eq(word, wn, "install", 0)) {
			/* A command that does not load the module blocks it. */
			char cmd[256];

			snprintf(cmd, sizeof(cmd), "%.*s", (int)(line + n - rest - mn),
			    rest + mn);
			if (strstr(cmd, "modprobe") == NULL && strstr(cmd, "insmod") == NULL) {
				if (!usb->install_blocked)
					hf_format(usb->where, sizeof(usb->where),
					    "%s:%u: install%s", file, it.number, cmd);
				usb->install_blocked = 1;
			}
		}
	}
}
