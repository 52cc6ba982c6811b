/* SPDX-License-Identifier: MIT */
/*
 * os-release(5): shell-style KEY=value lines, values optionally quoted
 * with "..." (backslash escapes " \ $ `) or '...'.
 */
#ifndef SA_OSRELEASE_H
#define SA_OSRELEASE_H

#include <stddef.h>

struct osr {
	char *id;		/* "debian", "ubuntu", "rocky" ... */
	char *id_like;		/* space-separated */
	char *version_id;	/* "12", "22.04", "9.3"; NULL on testing/rolling */
	char *codename;		/* VERSION_CODENAME */
	char *name;
	char *pretty_name;
};

/* Fill ret from the file's text.  Unknown keys are ignored; never fails. */
void osr_parse(const char *data, size_t len, struct osr *ret);
void osr_free(struct osr *osr);

/* 1 if word is ID or one of ID_LIKE's words. */
int osr_is_like(const struct osr *osr, const char *word);

/* A name for messages: PRETTY_NAME, else "ID VERSION_ID". Caller frees. */
char *osr_label(const struct osr *osr);

#endif /* SA_OSRELEASE_H */
