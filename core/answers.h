/* SPDX-License-Identifier: MIT */
/*
 * Human answers: what no machine can see.  An answers file is INI-shaped
 * and read with the record-file reader (no length limits, values
 * verbatim, no inline comments):
 *
 *   [organization]  name, site, basic_policy = yes|no, basic_policy_location
 *   [diagnosis]     N = 4|2|0|-1|na, note.N = text   (N a self-diagnosis item)
 *   [cloud]         N = 4|2|0|-1|na or yes|partly|no|unknown, note.N
 *   [service.ID]    label = text, then like [cloud], for one cloud service
 *
 * Several files may be loaded; a later file's answer replaces an earlier
 * one.  A file with any error changes nothing.
 */
#ifndef SA_ANSWERS_H
#define SA_ANSWERS_H

#include "catalog.h"
#include "util.h"

#define ANS_UNSET (-2)
#define ANS_NA 5		/* "not applicable", as SA_LEVEL_NA */

struct ans_value {
	int value;		/* 4, 2, 0, -1, ANS_NA or ANS_UNSET */
	char *note;
	const char *file;	/* points into answers.files */
	unsigned int line;
};

struct ans_service {
	char *id;
	char *label;
	struct ans_value cloud[CAT_MAX_CLOUD];
};

struct answers {
	struct ans_value diagnosis[CAT_MAX_ITEMS];
	struct ans_value cloud[CAT_MAX_CLOUD];
	struct ans_service *services;
	size_t n_services;
	char *org_name;
	char *site;
	int basic_policy;	/* 1, 0, or ANS_UNSET */
	char *basic_policy_location;
	char **files;
	size_t n_files;
};

void ans_init(struct answers *a);
void ans_free(struct answers *a);

/*
 * Read path and lay its answers over a's.  Returns 0, or a negative
 * errno with "FILE:LINE: message" in err and a unchanged.
 */
int ans_load(struct answers *a, const struct catalog *cat, const char *path,
    struct sbuf *err);
int ans_load_buffer(struct answers *a, const struct catalog *cat,
    const char *name, const char *data, size_t len, struct sbuf *err);

/* Parse one answer value; cloud also takes yes/partly/no/unknown. */
int ans_parse_value(const char *s, int cloud, int *ret);
/* "4", "2", "0", "-1", "na" */
const char *ans_value_name(int value);

#endif /* SA_ANSWERS_H */
