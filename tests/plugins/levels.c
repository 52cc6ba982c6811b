/* SPDX-License-Identifier: MIT */
/*
 * A fixture plugin whose evidence is whatever the configuration says,
 * for report, merge and diff tests: [plugin.test-levels] levels = 25
 * comma-separated entries, one per self-diagnosis item: 4, 2, 0, -1, na
 * or - (no report).  Each report names the object /srv/item-N.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smeaudit/plugin.h>

#define LV_ITEMS 25

#define LV_CHECK(n) { "item-" #n, n, 0, SA_SEV_HIGH, "Crafted evidence for item " #n, \
	"項目" #n "の作られた根拠", "Fix item " #n ".", "項目" #n "を直してください。" }

static const struct sa_check lv_checks[] = {
	LV_CHECK(1), LV_CHECK(2), LV_CHECK(3), LV_CHECK(4), LV_CHECK(5),
	LV_CHECK(6), LV_CHECK(7), LV_CHECK(8), LV_CHECK(9), LV_CHECK(10),
	LV_CHECK(11), LV_CHECK(12), LV_CHECK(13), LV_CHECK(14), LV_CHECK(15),
	LV_CHECK(16), LV_CHECK(17), LV_CHECK(18), LV_CHECK(19), LV_CHECK(20),
	LV_CHECK(21), LV_CHECK(22), LV_CHECK(23), LV_CHECK(24), LV_CHECK(25),
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct sa_config_key lv_config[] = {
	{ "levels", SA_CONFIG_STRING, NULL, 0,
	  "25 comma-separated levels: 4, 2, 0, -1, na or -.",
	  "25個のカンマ区切りのレベル: 4、2、0、-1、na、-。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static int
lv_level(const char *s, int *ret)
{
	static const struct { const char *name; int level; } names[] = {
		{ "4", SA_LEVEL_IMPLEMENTED }, { "2", SA_LEVEL_PARTLY },
		{ "0", SA_LEVEL_NOT }, { "-1", SA_LEVEL_UNKNOWN },
		{ "na", SA_LEVEL_NA }, { "-", -2 },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0) {
			*ret = names[i].level;
			return 0;
		}
	return -EINVAL;
}

static int
lv_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	const char *levels;
	char *copy, *tok, *save = NULL, obj[32];
	int n = 0, level, r = SA_RUN_OK;

	if (host->config_string(ctx, NULL, "levels", &levels) < 0) {
		host->log(ctx, SA_LOG_ERROR, "levels is not set");
		return -EINVAL;
	}
	copy = strdup(levels);
	if (copy == NULL)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && n < LV_ITEMS;
	    tok = strtok_r(NULL, ",", &save), n++) {
		if (lv_level(tok, &level) < 0) {
			host->log(ctx, SA_LOG_ERROR, "levels: \"%s\" is not a level", tok);
			r = -EINVAL;
			break;
		}
		if (level == -2)
			continue;
		snprintf(obj, sizeof(obj), "/srv/item-%d", n + 1);
		sa_report(host, ctx, lv_checks[n].name, level, obj, NULL);
	}
	free(copy);
	return r;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "test-levels",
	.version = "0.1",
	.description_en = "Test fixture: evidence from the configuration",
	.description_ja = "テスト用フィクスチャ: 設定どおりの根拠",
	.checks = lv_checks,
	.config = lv_config,
	.run = lv_run,
};
