/* SPDX-License-Identifier: MIT */
/*
 * screenlock: parsers of the plugin, free of the host table so that
 * unit tests drive them with strings.
 */
#ifndef SL_SCREENLOCK_H
#define SL_SCREENLOCK_H

#include <stddef.h>

/*
 * A dconf keyfile value as GVariant text: "uint32 300", "300", "true".
 * Returns 0 or -EINVAL.
 */
int sl_gvariant_uint(const char *value, unsigned long long *ret);
int sl_gvariant_bool(const char *value, int *ret);

/* KDE kscreenlockerrc, [Daemon] group. */
struct sl_kde {
	int autolock;		/* -1 unset, else 0/1 */
	double timeout_min;	/* < 0 unset */
	long grace_s;		/* < 0 unset */
	int require_password;	/* -1 unset */
	int bad_value;		/* a value that is not a number or boolean */
	/* Kiosk "[$i]": the whole file, the [Daemon] group, single keys. */
	int immutable_file;
	int immutable_group;
	int immutable_autolock;
	int immutable_timeout;
	int immutable_grace;
};

void sl_kde_init(struct sl_kde *k);
void sl_kde_parse(const char *data, size_t len, struct sl_kde *k);

/* xfconf per-channel XML: one callback per <property> with a value. */
struct sl_xfconf_prop {
	const char *path;	/* "/lock/saver-activation/delay" */
	const char *type;
	const char *value;
	int locked;		/* the property or the channel carries a lock */
};

typedef void (*sl_xfconf_fn)(void *user, const struct sl_xfconf_prop *p);
/* Returns 0, or -EINVAL on XML it cannot follow (then nothing is trusted). */
int sl_xfconf_parse(const char *data, size_t len, sl_xfconf_fn fn, void *user);

/* TMOUT in shell start-up files. */
struct sl_tmout {
	int set;		/* an assignment was seen */
	int readonly;		/* readonly / declare -r: later files cannot change it */
	int conditional;	/* the effective assignment sits in if/&&/|| */
	int dynamic;		/* the value is not a plain number ($VAR, ...) */
	unsigned long long seconds;
	char where[300];	/* FILE:LINE of the effective assignment */
};

/* Apply one file's assignments, in order, on top of what t holds. */
void sl_tmout_parse(const char *data, size_t len, const char *file,
    struct sl_tmout *t);

#endif /* SL_SCREENLOCK_H */
