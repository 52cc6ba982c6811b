/* SPDX-License-Identifier: MIT */
/*
 * Read a file that may be compressed the way apt and logrotate leave
 * them: plain, gzip (".gz", zlib) or LZ4 frames (".lz4", liblz4, which
 * apt uses for its lists with Acquire::GzipIndexes as in container
 * images).  xz, zstd and bzip2 are refused with -ENOTSUP.
 */
#ifndef SA_ZREAD_H
#define SA_ZREAD_H

#include <stddef.h>
#include <sys/types.h>

struct zr;

/* The kind a file name implies: 1 supported, 0 unsupported compression. */
int zr_supported(const char *name);

/*
 * Wrap fd (ownership passes to the reader, also on error) according to
 * name's suffix.  Returns 0, -ENOTSUP or -ENOMEM.
 */
int zr_open(struct zr **ret, int fd, const char *name);

/* A d8_read_fn: bytes read, 0 at the end, -EIO on corrupt data. */
ssize_t zr_read(void *zr, char *buf, size_t size);

void zr_close(struct zr *zr);

#endif /* SA_ZREAD_H */
