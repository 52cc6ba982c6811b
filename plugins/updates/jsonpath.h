/* SPDX-License-Identifier: MIT */
/*
 * Pick one value out of a JSON document by a path of object keys, without
 * building a tree: enough for snapd's state.json, which can be megabytes.
 */
#ifndef SA_JSONPATH_H
#define SA_JSONPATH_H

#include <stddef.h>

/*
 * path is a NULL-terminated list of keys.  On 1 (found), *ret holds the
 * value: a string unescaped (\uXXXX outside ASCII becomes "?"), any
 * other scalar as written ("true", "12"); an object or array yields
 * "{}"/"[]".  Caller frees.  0: not there.  -EINVAL: not valid JSON on
 * the way (the rest of the document is not checked).
 */
int js_get(const char *json, size_t len, const char *const *path, char **ret);

#endif /* SA_JSONPATH_H */
