/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "loader.h"

#define LDR_MAX_NAME 32

void
ldr_init(struct ldr_set *set, uid_t trusted_uid, int max_item, int max_cloud)
{
	memset(set, 0, sizeof(*set));
	set->trusted_uid = trusted_uid;
	set->max_item = max_item;
	set->max_cloud = max_cloud;
}

void
ldr_free(struct ldr_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (set->v[i].handle != NULL)
			dlclose(set->v[i].handle);
		if (set->v[i].fd >= 0)
			close(set->v[i].fd);
		free(set->v[i].name);
		free(set->v[i].path);
		free(set->v[i].refusal);
	}
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

int
ldr_valid_name(const char *name)
{
	size_t i;

	if (name[0] < 'a' || name[0] > 'z' || strlen(name) > LDR_MAX_NAME)
		return 0;
	for (i = 1; name[i] != '\0'; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_' ||
		    name[i] == '-'))
			return 0;
	return 1;
}

static int
ldr_valid_check_name(const char *name)
{
	size_t i;

	if (name[0] == '\0' || strlen(name) > 64)
		return 0;
	for (i = 0; name[i] != '\0'; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
			return 0;
	return 1;
}

int
ldr_check_trust(const struct stat *st, uid_t trusted_uid, const char *what,
    const char *path, struct sbuf *why)
{
	if (st->st_uid != 0 && st->st_uid != trusted_uid) {
		sb_printf(why, "%s %s belongs to uid %lu, not to root or the user "
		    "running smeaudit", what, path, (unsigned long)st->st_uid);
		return -EPERM;
	}
	if (st->st_mode & S_IWOTH) {
		sb_printf(why, "%s %s is writable by everyone", what, path);
		return -EPERM;
	}
	if (st->st_mode & S_IWGRP) {
		sb_printf(why, "%s %s is writable by its group", what, path);
		return -EPERM;
	}
	return 0;
}

const struct sa_check *
ldr_find_check(const struct sa_plugin *p, const char *name)
{
	const struct sa_check *c;

	for (c = p->checks; c != NULL && c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int
ldr_check_descriptor(const struct sa_plugin *d, const char *file_name,
    int max_item, int max_cloud, struct sbuf *why)
{
	const struct sa_check *c, *c2;
	const struct sa_config_key *k;
	const struct sa_command *cmd;

	if (SA_ABI_MAJOR_OF(d->abi_version) != SA_ABI_MAJOR) {
		sb_printf(why, "built for plugin ABI %u.%u; this smeaudit speaks %u.x",
		    SA_ABI_MAJOR_OF(d->abi_version), SA_ABI_MINOR_OF(d->abi_version),
		    SA_ABI_MAJOR);
		return -EINVAL;
	}
	/* Minor 0 already has every member up to commands. */
	if (d->struct_size < offsetof(struct sa_plugin, commands) +
	    sizeof(d->commands)) {
		sb_printf(why, "descriptor is %u bytes, too small for ABI %u.0",
		    d->struct_size, SA_ABI_MAJOR);
		return -EINVAL;
	}
	if (d->name == NULL || !ldr_valid_name(d->name)) {
		sb_printf(why, "descriptor has no valid name");
		return -EINVAL;
	}
	if (strcmp(d->name, file_name) != 0) {
		sb_printf(why, "descriptor names itself \"%s\" but the file is %s.so",
		    d->name, file_name);
		return -EINVAL;
	}
	if (d->version == NULL || d->description_en == NULL) {
		sb_printf(why, "descriptor lacks a version or an English description");
		return -EINVAL;
	}
	if (d->run == NULL && d->commands == NULL) {
		sb_printf(why, "descriptor has neither run() nor commands");
		return -EINVAL;
	}
	if (d->run != NULL && (d->checks == NULL || d->checks[0].name == NULL)) {
		sb_printf(why, "descriptor has run() but declares no checks");
		return -EINVAL;
	}
	for (c = d->checks; c != NULL && c->name != NULL; c++) {
		if (!ldr_valid_check_name(c->name)) {
			sb_printf(why, "check \"%s\": names hold a-z, 0-9 and '-'", c->name);
			return -EINVAL;
		}
		if (c->item < 0 || c->item > max_item || c->cloud_item < 0 ||
		    c->cloud_item > max_cloud || (c->item == 0 && c->cloud_item == 0)) {
			sb_printf(why, "check \"%s\" maps to no valid item (item %d, cloud %d)",
			    c->name, c->item, c->cloud_item);
			return -EINVAL;
		}
		if ((int)c->severity < SA_SEV_DEFAULT || c->severity > SA_SEV_CRITICAL) {
			sb_printf(why, "check \"%s\" has an unknown severity", c->name);
			return -EINVAL;
		}
		if (c->title_en == NULL) {
			sb_printf(why, "check \"%s\" has no English title", c->name);
			return -EINVAL;
		}
		for (c2 = d->checks; c2 != c; c2++)
			if (strcmp(c2->name, c->name) == 0) {
				sb_printf(why, "check \"%s\" declared twice", c->name);
				return -EINVAL;
			}
	}
	for (k = d->config; k != NULL && k->name != NULL; k++) {
		if (k->type < SA_CONFIG_STRING || k->type > SA_CONFIG_PATH) {
			sb_printf(why, "config key \"%s\" has an unknown type", k->name);
			return -EINVAL;
		}
		if (strcmp(k->name, "enabled") == 0 || strcmp(k->name, "timeout") == 0) {
			sb_printf(why, "config key \"%s\" is reserved for the core", k->name);
			return -EINVAL;
		}
	}
	for (cmd = d->commands; cmd != NULL && cmd->name != NULL; cmd++)
		if (cmd->main == NULL || !ldr_valid_name(cmd->name)) {
			sb_printf(why, "command \"%s\" is malformed", cmd->name);
			return -EINVAL;
		}
	return 0;
}

static struct ldr_plugin *
ldr_add(struct ldr_set *set, const char *name, const char *path)
{
	struct ldr_plugin *p;

	set->v = xreallocarray(set->v, set->n + 1, sizeof(*set->v));
	p = &set->v[set->n++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->path = xstrdup(path);
	p->fd = -1;
	return p;
}

static void
ldr_refuse(struct ldr_plugin *p, struct sbuf *why)
{
	p->refusal = xstrdup(why->data != NULL ? why->data : "refused");
	if (p->handle != NULL)
		dlclose(p->handle);
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	p->handle = NULL;
	p->desc = NULL;
}

static void
ldr_load_one(struct ldr_set *set, struct ldr_plugin *p, int dirfd,
    const char *file)
{
	const struct sa_check *c;
	struct stat lst, st;
	struct sbuf why;
	char proc[64];
	int fd;

	sb_init(&why);
	if (fstatat(dirfd, file, &lst, AT_SYMLINK_NOFOLLOW) < 0) {
		sb_printf(&why, "%s: %s", p->path, strerror(errno));
		goto refuse;
	}
	if (S_ISLNK(lst.st_mode)) {
		sb_printf(&why, "%s is a symlink; plugins must be regular files", p->path);
		goto refuse;
	}
	if (!S_ISREG(lst.st_mode)) {
		sb_printf(&why, "%s is not a regular file", p->path);
		goto refuse;
	}
	if (ldr_check_trust(&lst, set->trusted_uid, "plugin", p->path, &why) < 0)
		goto refuse;
	fd = openat(dirfd, file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_dev != lst.st_dev ||
	    st.st_ino != lst.st_ino) {
		sb_printf(&why, "%s changed while it was checked", p->path);
		if (fd >= 0)
			close(fd);
		goto refuse;
	}
	/*
	 * Load the inode that was checked, not whatever the name is now.  The
	 * descriptor stays open while the plugin is loaded: the dynamic
	 * loader knows objects by name, and a reused /proc/self/fd/N would
	 * hand back the previous plugin.
	 */
	p->fd = fd;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	p->handle = dlopen(access(proc, F_OK) == 0 ? proc : p->path,
	    RTLD_NOW | RTLD_LOCAL);
	if (p->handle == NULL) {
		sb_printf(&why, "%s: %s", p->path, dlerror());
		goto refuse;
	}
	p->desc = dlsym(p->handle, SA_PLUGIN_SYMBOL);
	if (p->desc == NULL) {
		sb_printf(&why, "%s exports no %s descriptor", p->path,
		    SA_PLUGIN_SYMBOL);
		goto refuse;
	}
	sb_printf(&why, "%s: ", p->path);
	if (ldr_check_descriptor(p->desc, p->name, set->max_item, set->max_cloud,
	    &why) < 0)
		goto refuse;
	for (c = p->desc->checks; c != NULL && c->name != NULL; c++) {
		p->items[c->item] = 1;
		p->cloud[c->cloud_item] = 1;
	}
	p->items[0] = p->cloud[0] = 0;
	sb_free(&why);
	return;
refuse:
	ldr_refuse(p, &why);
	sb_free(&why);
}

static int
ldr_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
ldr_scan_dir(struct ldr_set *set, const char *dir, struct sbuf *err)
{
	struct dirent *de;
	struct stat st;
	char **names = NULL, *name, *path;
	size_t n = 0, i, len;
	DIR *d;
	int fd;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		sb_printf(err, _("plugin directory %s: %s"), dir, strerror(errno));
		return -errno;
	}
	if (fstat(fd, &st) < 0 ||
	    ldr_check_trust(&st, set->trusted_uid, "plugin directory", dir, err) < 0) {
		close(fd);
		return -EPERM;
	}
	d = fdopendir(fd);
	if (d == NULL) {
		sb_printf(err, _("plugin directory %s: %s"), dir, strerror(errno));
		close(fd);
		return -errno;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 3 || strcmp(de->d_name + len - 3, ".so") != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	if (n > 1)
		qsort(names, n, sizeof(*names), ldr_cmp_names);
	for (i = 0; i < n; i++) {
		name = xstrndup(names[i], strlen(names[i]) - 3);
		path = xasprintf("%s/%s", dir, names[i]);
		if (ldr_find(set, name) == NULL) {
			struct ldr_plugin *p = ldr_add(set, name, path);

			if (!ldr_valid_name(name)) {
				struct sbuf why;

				sb_init(&why);
				sb_printf(&why, "%s: plugin names hold a-z, 0-9, '_' and '-'",
				    path);
				ldr_refuse(p, &why);
				sb_free(&why);
			} else
				ldr_load_one(set, p, dirfd(d), names[i]);
		}
		free(name);
		free(path);
		free(names[i]);
	}
	free(names);
	closedir(d);
	return 0;
}

const struct ldr_plugin *
ldr_find(const struct ldr_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	return NULL;
}
