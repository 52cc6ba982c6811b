/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the logging plugin's parsers (plugins/logging):
 * journald.conf and systemd time spans, journal file headers, logrotate
 * configuration (includes of the same text, nested, as the plugin
 * does), rsyslog and syslog-ng configuration.  The first byte picks the
 * parser.  Aborts when a field is not terminated, a retention is
 * negative other than the two markers, or a count is negative.
 */
#include "config.h"

#include "fuzz_hostparse.h"

#include "../../plugins/logging/journal.h"
#include "../../plugins/logging/logrotate.h"
#include "../../plugins/logging/syslogconf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fz_text;
static size_t fz_len;

static void
fz_include(void *user, struct lr_conf *conf, const char *path)
{
	unsigned int line;

	(void)strlen(path);
	/* lr_feed counts the depth itself; three levels are plenty here */
	if (conf->depth > 3)
		return;
	(void)lr_feed(conf, path, fz_text, fz_len, fz_include, user, &line);
}

static void
fz_file(void *user, const char *path)
{
	(void)strlen(path);
}

static void
fz_retention(const struct lr_settings *s)
{
	long long r = lr_retention(s);

	if (r < 0 && r != LR_KEEP_ALL && r != LR_UNKNOWN)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jd_conf jd;
	struct lr_conf lr;
	unsigned int line;
	long long span;
	uint64_t usec;
	size_t i;
	char *s;

	if (size < 1)
		return 0;
	fz_text = (const char *)data + 1;
	fz_len = size - 1;
	switch (data[0] % 5) {
	case 0:
		jd_init(&jd);
		jd_apply(&jd, fz_text, fz_len);
		FZP_TERMINATED(jd.storage);
		FZP_TERMINATED(jd.system_max_use);
		if (jd.max_retention < 0)
			abort();
		s = fzp_str(data + 1, fz_len);
		if (jd_timespan(s, &span) == 0 && span < 0)
			abort();
		free(s);
		break;
	case 1:
		(void)jh_head_realtime(data + 1, fz_len, &usec);
		break;
	case 2:
		lr_init(&lr);
		(void)lr_feed(&lr, "/etc/logrotate.conf", fz_text, fz_len, fz_include,
		    NULL, &line);
		fz_retention(&lr.global);
		for (i = 0; i < lr.n; i++)
			fz_retention(&lr.v[i].set);
		(void)lr_find(&lr, "/var/log/syslog");
		(void)lr_find(&lr, "/var/log/auth.log");
		lr_free(&lr);
		break;
	case 3:
		sl_rsyslog_files(fz_text, fz_len, fz_file, NULL);
		if (sl_rsyslog_forwards(fz_text, fz_len) < 0)
			abort();
		break;
	case 4:
		sl_syslogng_files(fz_text, fz_len, fz_file, NULL);
		if (sl_syslogng_forwards(fz_text, fz_len) < 0)
			abort();
		break;
	}
	return 0;
}
