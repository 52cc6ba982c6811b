/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

const char *
i18n_default_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		v = getenv(vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		return strncmp(v, "ja", 2) == 0 ? "ja" : "en";
	}
	return "en";
}

void
i18n_init(const char *lang, const char *localedir)
{
	const char *m;

	setlocale(LC_ALL, "");
	/* JSON and reports need '.' as the decimal point whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	m = setlocale(LC_MESSAGES, NULL);
	/* gettext ignores LANGUAGE in the C locale; C.UTF-8 is always there. */
	if (m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}
