/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: smb.conf through the shares plugin's own reader
 * (plugins/shares/smbconf.c), both as a file Samba reads (includes
 * served from the second part of the input, also to themselves) and as
 * testparm's dump, then every Samba check on what was read.  Aborts when
 * [global] is not the first section, a parameter lacks its file or
 * line, a finding names no check or has no level, or a share path to
 * scan is not an absolute path (or normalises differently twice).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"
#include "fuzz_shares.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fz_include;
static size_t fz_include_len;

static void
fz_emit(void *user, enum sh_check check, int level, const char *object,
    const char *evidence)
{
	fzs_finding(check, 0, level, object, evidence);
}

static int
fz_user_exists(void *user, const char *name)
{
	return strcmp(name, "root") == 0 || strcmp(name, "alice") == 0 ||
	    strcmp(name, "nobody") == 0;
}

static int
fz_group_exists(void *user, const char *name)
{
	return strcmp(name, "root") == 0 || strcmp(name, "staff") == 0;
}

static long
fz_uid_of(void *user, const char *name)
{
	return strcmp(name, "root") == 0 ? 0 : fz_user_exists(user, name) ? 1000 : -1;
}

static long
fz_gid_of(void *user, const char *name)
{
	return strcmp(name, "root") == 0 ? 0 : fz_group_exists(user, name) ? 100 : -1;
}

/* Every included file has the second part's text, itself included. */
static int
fz_load(void *user, const char *path, char **ret, size_t *len)
{
	if (fz_include == NULL || path[0] != '/')
		return -ENOENT;
	if ((*ret = malloc(fz_include_len + 1)) == NULL)
		abort();
	memcpy(*ret, fz_include, fz_include_len);
	(*ret)[fz_include_len] = '\0';
	*len = fz_include_len;
	return 0;
}

static void
fz_one(const char *text, size_t len, int testparm)
{
	static const char *const keys[] = {
		"path", "guestok", "readonly", "validusers", "hostsallow",
		"createmask", "forceuser", "includes", "nosuchparameter", NULL
	};
	struct smb_audit_env env = {
		.config_path = "/etc/samba/smb.conf",
		.emit = fz_emit,
		.user_exists = fz_user_exists,
		.group_exists = fz_group_exists,
		.uid_of = fz_uid_of,
		.gid_of = fz_gid_of,
	};
	struct hf_names paths = { 0 }, names = { 0 };
	const struct smb_param *param;
	struct smb_conf conf;
	const char *v;
	size_t i, j;

	smb_init(&conf);
	smb_parse(&conf, "/etc/samba/smb.conf", text, len, testparm, fz_load, NULL);
	if (conf.n_sections == 0 || strcmp(conf.sections[0].name, "global") != 0)
		abort();
	for (i = 0; i < conf.n_sections; i++)
		for (j = 0; j < conf.sections[i].n_params; j++) {
			param = &conf.sections[i].params[j];
			if (param->key == NULL || param->value == NULL ||
			    param->file == NULL || param->line == 0)
				abort();
		}
	for (i = 0; i < conf.n_sections; i++)
		for (j = 0; keys[j] != NULL; j++) {
			v = smb_get(&conf, &conf.sections[i], keys[j], &param);
			if (v != NULL)
				(void)smb_bool(v);
		}
	smb_audit(&conf, &env);
	smb_share_paths(&conf, &paths, &names);
	if (paths.n != names.n)
		abort();
	fzs_scan_paths(&paths);
	hf_names_free(&paths);
	hf_names_free(&names);
	smb_free(&conf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *parts[2];
	size_t lens[2], n;

	n = fzh_split(data, size, parts, lens, 2);
	fz_include = n > 1 ? parts[1] : NULL;
	fz_include_len = n > 1 ? lens[1] : 0;
	fz_one(parts[0], lens[0], 0);
	fz_one(parts[0], lens[0], 1);
	return 0;
}
