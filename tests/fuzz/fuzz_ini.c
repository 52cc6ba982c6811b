/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: smeaudit.ini through the inih wrapper and the whole
 * cfg path (load, plugin validation against a key table, the look-ups a
 * plugin makes).  Aborts when a contract breaks: names over 49
 * characters or lines over 198 bytes reaching a handler, an error that
 * is not one FILE:LINE line, or [core] values outside their ranges after
 * a successful load.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cfg.h"
#include "iniread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fz_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	return 0;
}

static const struct sa_check fz_checks[] = {
	{ "c", 1, 0, SA_SEV_LOW, "C", NULL, NULL, NULL },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key fz_keys[] = {
	{ "count", SA_CONFIG_INT, "1", 0, "n", NULL },
	{ "flag", SA_CONFIG_BOOL, "no", SA_CONFIG_MAIN_AND_SUB, "b", NULL },
	{ "age", SA_CONFIG_DURATION, NULL, 0, "d", NULL },
	{ "size", SA_CONFIG_SIZE, NULL, 0, "s", NULL },
	{ "path", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI, "p", NULL },
	{ "label", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB, "l", NULL },
	{ "tag", SA_CONFIG_STRING, NULL, SA_CONFIG_SUB | SA_CONFIG_MULTI, "t", NULL },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static const struct sa_plugin fz_plugin = {
	SA_PLUGIN_HEADER,
	.name = "fz",
	.version = "1",
	.description_en = "fuzz",
	.checks = fz_checks,
	.config = fz_keys,
	.run = fz_run,
};

static const struct sa_plugin *
fz_find(void *user, const char *name)
{
	return strcmp(name, "fz") == 0 ? &fz_plugin : NULL;
}

static int
fz_on_section(void *user, const char *section, unsigned int line,
    struct sbuf *err)
{
	if (line == 0)
		abort();
	if (section[0] == 'x') {
		sb_adds(err, "refused");
		return -1;
	}
	return 0;
}

static int
fz_on_key(void *user, const char *section, const char *key, const char *value,
    unsigned int line, struct sbuf *err)
{
	if (line == 0 || strlen(section) > IR_MAX_NAME || strlen(key) > IR_MAX_NAME ||
	    strlen(value) > IR_MAX_LINE || strchr(value, '\n') != NULL ||
	    !ut_utf8_valid(value, strlen(value), NULL))
		abort();
	if (value[0] == 'x') {
		sb_adds(err, "refused");
		return -1;
	}
	return 0;
}

static void
fz_check_error(int r, const struct sbuf *err, const char *name)
{
	if (r == 0)
		return;
	if (r > 0 || err->data == NULL || strncmp(err->data, name, strlen(name)) != 0 ||
	    err->data[strlen(name)] != ':' || strchr(err->data, '\n') != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	const char **v;
	struct sbuf err;
	struct cfg cfg;
	size_t n, i;
	int r;

	/* cfg reads files: hand it this input as one, without touching disk */
	if (fd < 0) {
		fd = memfd_create("fuzz.ini", MFD_CLOEXEC);
		if (fd < 0)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();

	sb_init(&err);
	r = ir_parse_buffer("fuzz.ini", (const char *)data, size, fz_on_section,
	    fz_on_key, NULL, &err);
	fz_check_error(r, &err, "fuzz.ini");
	sb_reset(&err);

	cfg_init(&cfg);
	r = cfg_load(&cfg, path, &err);
	fz_check_error(r, &err, path);
	if (r == 0) {
		if (cfg.timeout < 1 || cfg.jobs < 0 || cfg.jobs > 64 ||
		    cfg.memory_limit < 16 * 1024 * 1024 || cfg.max_examples < 0 ||
		    cfg.max_examples > 1000)
			abort();
		r = cfg_validate_plugins(&cfg, fz_find, NULL, &err);
		fz_check_error(r, &err, path);
		(void)cfg_value(&cfg, "fz", NULL, "count");
		(void)cfg_value(&cfg, "fz", "a", "label");
		n = cfg_values(&cfg, "fz", NULL, "path", &v);
		free(v);
		n = cfg_subsections(&cfg, "fz", &v);
		for (i = 0; i < n; i++) {
			const char **tags;

			(void)cfg_values(&cfg, "fz", v[i], "tag", &tags);
			free(tags);
		}
		free(v);
		(void)cfg_plugin_enabled(&cfg, "fz");
		if (cfg_plugin_timeout(&cfg, "fz") < 1)
			abort();
	}
	cfg_free(&cfg);
	sb_free(&err);
	return 0;
}
