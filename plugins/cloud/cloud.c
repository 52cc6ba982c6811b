/* SPDX-License-Identifier: MIT */
/*
 * cloud: the cloud service checklist (cloud 1-15), answered per service
 * in [service.ID] sections of the answers file, as evidence for
 * self-diagnosis item 23 ("external services are chosen after checking
 * that they are safe").
 *
 * The core scores the checklist itself from the answers, per service and
 * overall, with machine evidence where a plugin reports some for a
 * service (the backup plugin's copy of its data, cloud 10).  What this
 * plugin adds is the link to item 23: the selection part of the
 * checklist (cloud 1-6 in guideline 3.0) records, service by service,
 * whether a service was checked before it was chosen, and that record is
 * more specific than one yes/no answer to item 23.  So each service
 * becomes one report of cloud.service-vetted:
 *
 *   every answered selection item 4               -> implemented
 *   every answered selection item 0               -> not implemented
 *   anything in between, or 4s with some items
 *   unanswered or "don't know"                    -> partly
 *   nothing answered but "don't know"             -> cannot tell
 *   every selection item "not applicable"         -> not applicable
 *
 * and the core combines the services like any evidence: an item-23
 * answer of 4 against a service chosen unchecked is a disagreement, and
 * the evidence decides.  Without [service.ID] sections, the
 * organisation-wide [cloud] answers stand for "our cloud services".
 * With no cloud answers at all the plugin has nothing to audit.
 *
 * Answers come through the host's answer functions (ABI 1.1); the plugin
 * never sees the core's structures.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <smeaudit/plugin.h>

#include "../lib/tr.h"

/* The "selecting a service" group of guideline 3.0's checklist. */
#define CLOUD_SELECT_FIRST 1
#define CLOUD_SELECT_LAST 6
#define CLOUD_UNANSWERED (-2)

static const struct sa_check cloud_checks[] = {
	{ "service-vetted", 23, 0, SA_SEV_MEDIUM,
	  "Cloud service checked before it was chosen (from its checklist answers)",
	  "クラウドサービスを選ぶ前に安全性を確認した(チェック項目の回答から)",
	  "Go through the selection part of the cloud checklist (cloud 1-6) for "
	  "this service: what it is used for, the type of service, how important "
	  "the data is, your own rules, the provider and its service level. "
	  "Record the answers with smeaudit interview.",
	  "このサービスについて、クラウドのチェック項目のうち選定時の項目"
	  "(1〜6:用途、サービスの種類、扱う情報の重要度、社内ルールとの整合、"
	  "事業者の信頼性、サービス品質)を確認し、smeaudit interview で回答を"
	  "記録してください。" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const char *
cloud_word(int value)
{
	switch (value) {
	case SA_LEVEL_IMPLEMENTED: return E_("yes");
	case SA_LEVEL_PARTLY: return E_("partly");
	case SA_LEVEL_NOT: return E_("no");
	case SA_LEVEL_UNKNOWN: return E_("unknown");
	case SA_LEVEL_NA: return E_("na");
	default: return E_("unanswered");
	}
}

/* printf onto the end of buf, silently cut at its size. */
static void
cloud_append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/*
 * Report service (NULL: the organisation-wide [cloud] answers).  Returns
 * 1 when it reported, 0 when there was nothing to report, or -errno.
 */
static int
cloud_vet(const struct sa_host *host, struct sa_ctx *ctx, const char *service)
{
	struct sa_finding f;
	struct sa_answer a;
	char evidence[256] = "", gaps[64] = "", detail_en[128], detail_ja[160];
	int n, r, value, ok = 0, partly = 0, not = 0, open = 0, level;

	for (n = CLOUD_SELECT_FIRST; n <= CLOUD_SELECT_LAST; n++) {
		memset(&a, 0, sizeof(a));
		a.struct_size = sizeof(a);
		r = host->answer_cloud(ctx, service, n, &a);
		if (r < 0 && r != -ENOENT) {
			host->log(ctx, SA_LOG_ERROR, E_("cannot read the answer to cloud item %d: %s"),
			    n, strerror(-r));
			return r;
		}
		value = r == 0 ? a.value : CLOUD_UNANSWERED;
		switch (value) {
		case SA_LEVEL_IMPLEMENTED: ok++; break;
		case SA_LEVEL_PARTLY: partly++; break;
		case SA_LEVEL_NOT: not++; break;
		case SA_LEVEL_NA: break;
		default: open++; break;
		}
		cloud_append(evidence, sizeof(evidence), "%s%d %s",
		    n == CLOUD_SELECT_FIRST ? E_("selection answers: ") : ", ", n,
		    cloud_word(value));
		if (value != SA_LEVEL_IMPLEMENTED && value != SA_LEVEL_NA)
			cloud_append(gaps, sizeof(gaps), "%s%d", *gaps ? ", " : "", n);
	}
	if (ok + partly + not > 0) {
		level = ok > 0 && partly == 0 && not == 0 ? SA_LEVEL_IMPLEMENTED :
		    not > 0 && ok == 0 && partly == 0 ? SA_LEVEL_NOT : SA_LEVEL_PARTLY;
		/* a service checked only in part was not fully vetted */
		if (level == SA_LEVEL_IMPLEMENTED && open > 0)
			level = SA_LEVEL_PARTLY;
	} else if (open > 0) {
		/* organisation-wide, nothing answered means nothing to say */
		if (service == NULL && open == CLOUD_SELECT_LAST - CLOUD_SELECT_FIRST + 1)
			return 0;
		level = SA_LEVEL_UNKNOWN;
	} else
		level = SA_LEVEL_NA;
	memset(&f, 0, sizeof(f));
	f.struct_size = sizeof(f);
	f.check = "service-vetted";
	f.level = level;
	f.object = service;
	f.evidence = evidence;
	if (*gaps != '\0' && level != SA_LEVEL_IMPLEMENTED) {
		snprintf(detail_en, sizeof(detail_en),
		    "Not (fully) checked before choosing: cloud %s.", gaps);
		snprintf(detail_ja, sizeof(detail_ja),
		    "選定前に確認できていない項目: %s", gaps);
		f.detail_en = detail_en;
		f.detail_ja = detail_ja;
	}
	return host->report(ctx, &f) < 0 ? -EINVAL : 1;
}

static int
cloud_run(const struct sa_host *host, struct sa_ctx *ctx)
{
	const char *const *ids, *const *labels;
	size_t i, n;
	int r;

	if (!SA_HOST_HAS(host, answer_services)) {
		host->log(ctx, SA_LOG_INFO, E_("this smeaudit core cannot hand answers to plugins"));
		return SA_RUN_SKIPPED;
	}
	r = host->answer_services(ctx, &ids, &labels, &n);
	if (r < 0) {
		host->log(ctx, SA_LOG_ERROR, E_("cannot list the cloud services: %s"),
		    strerror(-r));
		return r;
	}
	if (n == 0) {
		r = cloud_vet(host, ctx, NULL);
		if (r < 0)
			return r;
		if (r == 0) {
			host->log(ctx, SA_LOG_INFO, E_("no cloud service is answered for "
			    "([service.ID] or [cloud] in an answers file)"));
			return SA_RUN_SKIPPED;
		}
		return SA_RUN_OK;
	}
	for (i = 0; i < n; i++)
		if ((r = cloud_vet(host, ctx, ids[i])) < 0)
			return r;
	return SA_RUN_OK;
}

SA_PLUGIN_DEFINE = {
	SA_PLUGIN_HEADER,
	.name = "cloud",
	.version = "1.0",
	.description_en = "Cloud service checklist: each service's selection answers "
	    "(cloud 1-6) as evidence for item 23",
	.description_ja = "クラウドサービスのチェック項目:サービスごとの選定時の回答"
	    "(1〜6)を項目23の根拠にする",
	.checks = cloud_checks,
	.run = cloud_run,
};
