/* SPDX-License-Identifier: MIT */
/*
 * Evidence in the reader's language.  The core binds the text domain
 * "smeaudit" and sets LANGUAGE from --lang before any plugin runs, and
 * the forked child inherits both, so a shipped plugin translates its
 * run-time texts (evidence, prose object labels) from the core's own
 * catalogue: po/POTFILES lists the plugin's sources and xgettext
 * extracts these markers (-kE_ -kEN_).  <libintl.h> is libc, not a core
 * header.  An out-of-tree plugin cannot add to that catalogue: it binds
 * its own text domain or reports detail_en/detail_ja.
 */
#ifndef TR_TR_H
#define TR_TR_H

#include <libintl.h>

#define TR_DOMAIN "smeaudit"

/*
 * A translated text, most often a printf format: glibc's dgettext keeps
 * the format checks (format_arg), and a translation that reorders the
 * arguments uses positional conversions (%1$s), which msgfmt -c checks.
 */
#define E_(s) dgettext(TR_DOMAIN, s)
/* Marks a text in a static table for extraction; E_() it where it is used. */
#define EN_(s) (s)

#endif /* TR_TR_H */
