/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: rsnapshot's configuration (tab-separated fields,
 * include_conf, also of itself), its log and the snapshot directories,
 * read by the backup plugin's own code (plugins/backup/bk_tools.c).  The
 * input is /etc/rsnapshot.conf, then after "--8<--" lines the included
 * /etc/rsnapshot.d/local.conf and /var/log/rsnapshot.log.  A few
 * LEVEL.N directories exist under /snapshots.
 */
#include "config.h"

#include <stdint.h>

#include "fuzz_backup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const files[] = {
		"/etc/rsnapshot.conf", "/etc/rsnapshot.d/local.conf",
		"/var/log/rsnapshot.log",
	};
	static const char *const dirs[] = {
		"/snapshots/daily.0", "/snapshots/daily.1", "/snapshots/weekly.0",
		"/snapshots/alpha.x", "/snapshots/.sync",
	};
	const char *parts[3];
	size_t lens[3], n, i;

	fzh_setup(NULL);
	fzh_reset();
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		fzh_mkdir(dirs[i]);
	n = fzh_split(data, size, parts, lens, 3);
	for (i = 0; i < n; i++)
		fzh_put(files[i], parts[i], lens[i]);
	fzb_run(BK_RSNAPSHOT, "/etc/rsnapshot.conf");
	return 0;
}
