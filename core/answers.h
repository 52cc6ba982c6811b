/* SPDX-License-Identifier: MIT */
/*
 * Human answers: what no machine can see.  An answers file is INI-shaped
 * and read with the record-file reader (no length limits, values
 * verbatim, no inline comments); docs/answers-format.md is the contract:
 *
 *   [organization]  name, site, basic_policy = yes|no, basic_policy_location
 *   [diagnosis]     N = 4|2|0|-1|na, note.N = text   (N a self-diagnosis item)
 *   [cloud]         N = 4|2|0|-1|na or yes|partly|no|unknown, note.N
 *   [service.ID]    label = text, then like [cloud], for one cloud service
 *
 * Several files may be loaded; a later file's answer to an item replaces
 * an earlier one's value and note.  A file with any error changes nothing.
 */
#ifndef SA_ANSWERS_H
#define SA_ANSWERS_H

#include <stdio.h>

#include "catalog.h"
#include "util.h"

#define ANS_UNSET (-2)
#define ANS_NA 5		/* "not applicable", as SA_LEVEL_NA */

struct ans_value {
	int value;		/* 4, 2, 0, -1, ANS_NA or ANS_UNSET */
	char *note;
	const char *file;	/* points into answers.files */
	unsigned int line;	/* of the value */
	unsigned int note_line;
};

struct ans_service {
	char *id;
	char *label;
	struct ans_value cloud[CAT_MAX_CLOUD];
};

struct answers {
	struct ans_value diagnosis[CAT_MAX_ITEMS];
	struct ans_value cloud[CAT_MAX_CLOUD];	/* every service's default */
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
/* "yes", "partly", "no", "unknown", "na": the cloud checklist's words */
const char *ans_cloud_word(int value);

/* Service ids: [A-Za-z0-9_-]+, at most ANS_MAX_ID bytes. */
#define ANS_MAX_ID 64
int ans_valid_service_id(const char *id);
struct ans_service *ans_find_service(const struct answers *a, const char *id);
/* The service with that id, added (without answers) when missing. */
struct ans_service *ans_add_service(struct answers *a, const char *id);
/*
 * A service's answer to cloud item n, or the organisation-wide [cloud]
 * answer when the service has none of its own.
 */
const struct ans_value *ans_cloud_effective(const struct answers *a,
    const struct ans_service *s, int n);

/* Set v to value (ANS_UNSET clears it) with a copy of note (may be NULL). */
void ans_set(struct ans_value *v, int value, const char *note);
void ans_set_str(char **dst, const char *s);

/*
 * Write a in the answers format, answers only (files are not written).
 * ans_save writes path safely: a new 0600 file in the same directory,
 * flushed to disk and renamed over path, so a crash leaves either the old
 * or the new file, never half of one.  Both return 0 or -errno (ans_save
 * with "PATH: message" in err).
 */
int ans_write(const struct answers *a, const struct catalog *cat, FILE *f);
/* The comment ans_write puts at the top of the file. */
extern const char ans_file_header[];
int ans_save(const struct answers *a, const struct catalog *cat,
    const char *path, struct sbuf *err);

#endif /* SA_ANSWERS_H */
