/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "report.h"

#include <smeaudit/plugin.h>

const struct rep_format rep_formats[] = {
	{ "text", rep_write_text, NULL },
	{ "json", rep_write_json, NULL },
	{ NULL, NULL, NULL }
};

const struct rep_format *
rep_find_format(const char *name)
{
	const struct rep_format *f;

	for (f = rep_formats; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const char *
rep_format_names(void)
{
	static char buf[256];
	const struct rep_format *f;

	if (buf[0] != '\0')
		return buf;
	for (f = rep_formats; f->name != NULL; f++) {
		if (f != rep_formats)
			strncat(buf, ", ", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, f->name, sizeof(buf) - strlen(buf) - 1);
	}
	return buf;
}

const char *
rep_level_label(int score, int applicable)
{
	if (!applicable)
		return _("not applicable");
	switch (score) {
	case 4: return _("implemented");
	case 2: return _("partly");
	case 0: return _("not implemented");
	default: return _("unknown");
	}
}

const char *
rep_unknown_label(int reason)
{
	switch (reason) {
	case SCORE_UNK_NOBODY: return _("unknown: nobody answered");
	case SCORE_UNK_CHECK_FAILED: return _("unknown: a check failed");
	case SCORE_UNK_CANNOT_TELL: return _("unknown: the checks could not tell");
	case SCORE_UNK_ANSWERED: return _("unknown: answered \"don't know\"");
	default: return "";
	}
}

const char *
rep_severity_label(int severity)
{
	switch (severity) {
	case SA_SEV_LOW: return _("low");
	case SA_SEV_MEDIUM: return _("medium");
	case SA_SEV_HIGH: return _("high");
	case SA_SEV_CRITICAL: return _("critical");
	default: return _("info");
	}
}

/*
 * "--output /dev/null" or a named pipe: write into the existing device or
 * FIFO.  Renaming a new file over it, as for regular files, would replace
 * the host's /dev/null with a report.
 */
static int
rep_output_in_place(const struct report *rep, const struct rep_format *fmt,
    const char *path, const struct stat *lst, struct sbuf *err)
{
	struct stat st;
	FILE *f;
	int fd, r;

	fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		sb_printf(err, "%s: cannot open: %s", path, strerror(errno));
		return r;
	}
	if (fstat(fd, &st) < 0 || st.st_dev != lst->st_dev || st.st_ino != lst->st_ino) {
		close(fd);
		sb_printf(err, "%s: changed while it was opened", path);
		return -ESTALE;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		r = -errno;
		close(fd);
		sb_printf(err, "%s: cannot write: %s", path, strerror(-r));
		return r;
	}
	r = fmt->write(rep, f);
	if (r < 0 || fflush(f) != 0) {
		r = r < 0 ? r : -errno;
		fclose(f);
		sb_printf(err, "%s: cannot write: %s", path, strerror(-r));
		return r;
	}
	if (fclose(f) != 0) {
		r = -errno;
		sb_printf(err, "%s: cannot write: %s", path, strerror(-r));
		return r;
	}
	return 0;
}

int
rep_output(const struct report *rep, const struct rep_format *fmt,
    const char *path, struct sbuf *err)
{
	struct stat lst;
	char *dir_copy, *tmp;
	FILE *f;
	int fd, r;

	if (strcmp(path, "-") == 0) {
		r = fmt->write(rep, stdout);
		if (fflush(stdout) != 0 || r < 0) {
			sb_printf(err, "standard output: %s", strerror(errno));
			return -EIO;
		}
		return 0;
	}
	if (lstat(path, &lst) == 0) {
		if (S_ISCHR(lst.st_mode) || S_ISFIFO(lst.st_mode))
			return rep_output_in_place(rep, fmt, path, &lst, err);
		if (S_ISBLK(lst.st_mode) || S_ISSOCK(lst.st_mode)) {
			sb_printf(err, "%s: not a regular file", path);
			return -EINVAL;
		}
	}
	dir_copy = xstrdup(path);
	tmp = xasprintf("%s/.%s.XXXXXX", dirname(dir_copy),
	    strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path);
	free(dir_copy);
	fd = mkostemp(tmp, O_CLOEXEC);	/* mode 0600 */
	if (fd < 0) {
		r = -errno;
		sb_printf(err, "%s: cannot create: %s", path, strerror(errno));
		free(tmp);
		return r;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		r = -errno;
		close(fd);
		goto fail_unlink;
	}
	r = fmt->write(rep, f);
	if (r < 0 || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		r = r < 0 ? r : -errno;
		fclose(f);
		goto fail_unlink;
	}
	if (fclose(f) != 0) {
		r = -errno;
		goto fail_unlink;
	}
	if (rename(tmp, path) < 0) {
		r = -errno;
		goto fail_unlink;
	}
	free(tmp);
	return 0;
fail_unlink:
	sb_printf(err, "%s: cannot write: %s", path, strerror(-r));
	unlink(tmp);
	free(tmp);
	return r;
}
