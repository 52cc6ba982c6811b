/* SPDX-License-Identifier: MIT */
/*
 * apt.conf(5) syntax: "A::B::C "value";", scopes "A { B "v"; };",
 * list items ""v";" inside a scope, "//", C-style and "#" comments,
 * and the "#clear" directive.  Keys are reported with their full scope
 * ("APT::Periodic::Unattended-Upgrade"); apt compares them without case.
 */
#ifndef SA_APTCONF_H
#define SA_APTCONF_H

#include <stddef.h>

/*
 * One assignment.  value is NULL for "#clear key;" (forget key and
 * everything under it).  A list item is reported with the scope as key.
 */
typedef void (*ac_value_fn)(void *user, const char *key, const char *value);

/*
 * Parse one file's text.  Returns 0, or -EINVAL with *ret_line set to
 * the line of a syntax error (values seen before it were reported).
 */
int ac_parse(const char *data, size_t len, ac_value_fn fn, void *user,
    unsigned int *ret_line);

/*
 * Whether apt reads a file of apt.conf.d by this name: only
 * [A-Za-z0-9_.-] and not a backup/packaging leftover.
 */
int ac_name_ok(const char *name);

#endif /* SA_APTCONF_H */
