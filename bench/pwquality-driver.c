/* SPDX-License-Identifier: MIT */
/*
 * The peer of bench/password.sh: libpwquality's pwquality_check() with
 * its default settings (as a program would get them without reading
 * /etc/security/pwquality.conf) over a file of passwords, one per line.
 * Prints "N REJECTED SECONDS", SECONDS for the checking loop alone, and
 * with a second argument writes there one line per password: 1 rejected
 * or 0 accepted, and the nanoseconds its check took.
 *
 *   cc -O2 -o pwquality-driver pwquality-driver.c $(pkg-config --cflags --libs pwquality)
 */
#define _POSIX_C_SOURCE 200809L

#include <pwquality.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
main(int argc, char **argv)
{
	pwquality_settings_t *pwq;
	struct timespec t0, t1, a, b;
	char **pw = NULL, *line = NULL;
	size_t n = 0, cap = 0, len = 0, i, rejected = 0;
	ssize_t got;
	void *aux;
	char *verdict;
	long long *ns;
	FILE *f;

	if (argc < 2 || argc > 3 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: pwquality-driver FILE [VERDICTS]\n");
		return 2;
	}
	/* read first: the loop times pwquality_check() and nothing else */
	while ((got = getline(&line, &len, f)) >= 0) {
		if (got > 0 && line[got - 1] == '\n')
			line[got - 1] = '\0';
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((pw = realloc(pw, cap * sizeof(*pw))) == NULL)
				return 2;
		}
		if ((pw[n++] = strdup(line)) == NULL)
			return 2;
	}
	fclose(f);
	if ((pwq = pwquality_default_settings()) == NULL ||
	    (verdict = calloc(n + 1, 1)) == NULL || (ns = calloc(n + 1, sizeof(*ns))) == NULL)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		aux = NULL;
		clock_gettime(CLOCK_MONOTONIC, &a);
		if (pwquality_check(pwq, pw[i], NULL, NULL, &aux) < 0) {
			verdict[i] = 1;
			rejected++;
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		ns[i] = (long long)(b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu %zu %.6f\n", n, rejected, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (argc == 3) {
		if ((f = fopen(argv[2], "w")) == NULL)
			return 2;
		for (i = 0; i < n; i++)
			fprintf(f, "%d %lld\n", verdict[i], ns[i]);
		if (fclose(f) != 0)
			return 2;
	}
	free(verdict);
	free(ns);
	for (i = 0; i < n; i++)
		free(pw[i]);
	free(pw);
	free(line);
	pwquality_free_settings(pwq);
	return 0;
}
