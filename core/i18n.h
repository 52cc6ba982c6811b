/* SPDX-License-Identifier: MIT */
/*
 * Language of everything smeaudit prints.  Messages are English msgids
 * translated through gettext (po/ja.po); --lang picks the catalog even
 * where no Japanese locale is installed.
 */
#ifndef SA_I18N_H
#define SA_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* "ja" when LC_ALL, LC_MESSAGES or LANG (in that order) start with "ja". */
const char *i18n_default_lang(void);
/* Set up gettext for lang ("ja" or "en") from localedir. */
void i18n_init(const char *lang, const char *localedir);

#endif /* SA_I18N_H */
