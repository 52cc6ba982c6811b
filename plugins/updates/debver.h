/* SPDX-License-Identifier: MIT */
/*
 * Debian package version comparison as Debian Policy 5.6.12 defines it:
 * [epoch:]upstream[-revision], epochs numerically, then upstream and
 * revision alternately by non-digit runs ("~" before everything, even
 * the end; letters before other characters) and digit runs (numerically).
 */
#ifndef SA_DEBVER_H
#define SA_DEBVER_H

/* <0, 0 or >0 as a is older than, the same as, or newer than b. */
int dv_compare(const char *a, const char *b);

/* 1 if s is a well-formed version (epoch digits, upstream starts with a digit). */
int dv_valid(const char *s);

#endif /* SA_DEBVER_H */
