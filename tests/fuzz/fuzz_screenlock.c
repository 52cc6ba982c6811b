/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the screenlock plugin's parsers (plugins/screenlock/
 * parse.c): KDE's kscreenlockerrc with kiosk markers, xfconf channel XML,
 * TMOUT assignments in shell start-up files (two files in a row) and
 * dconf GVariant values.  The first byte picks the parser.  Aborts when
 * a field is not terminated or a flag is not 0 or 1.
 */
#include "config.h"

#include "fuzz_hostparse.h"

#include "../../plugins/screenlock/screenlock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fz_prop(void *user, const struct sl_xfconf_prop *p)
{
	if (p->path == NULL || (p->locked != 0 && p->locked != 1))
		abort();
	(void)strlen(p->path);
	if (p->type != NULL)
		(void)strlen(p->type);
	if (p->value != NULL)
		(void)strlen(p->value);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1;
	struct sl_tmout t;
	struct sl_kde k;
	unsigned long long u;
	size_t len = size - 1;
	char *s;
	int b;

	if (size < 1)
		return 0;
	switch (data[0] % 4) {
	case 0:
		sl_kde_init(&k);
		sl_kde_parse(text, len, &k);
		if (k.autolock < -1 || k.autolock > 1 || k.require_password < -1 ||
		    k.require_password > 1)
			abort();
		break;
	case 1:
		(void)sl_xfconf_parse(text, len, fz_prop, NULL);
		break;
	case 2:
		memset(&t, 0, sizeof(t));
		sl_tmout_parse(text, len, "/etc/profile", &t);
		sl_tmout_parse(text, len, "/etc/profile.d/tmout.sh", &t);
		FZP_TERMINATED(t.where);
		break;
	case 3:
		s = fzp_str(data + 1, len);
		(void)sl_gvariant_uint(s, &u);
		if (sl_gvariant_bool(s, &b) == 0 && b != 0 && b != 1)
			abort();
		free(s);
		break;
	}
	return 0;
}
