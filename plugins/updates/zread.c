/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lz4frame.h>
#include <zlib.h>

#include "../lib/hostfiles.h"
#include "zread.h"

#define ZR_IN (128u * 1024)

enum zr_kind { ZR_PLAIN, ZR_GZIP, ZR_LZ4 };

struct zr {
	enum zr_kind kind;
	int fd;
	gzFile gz;
	LZ4F_dctx *lz4;
	char *in;
	size_t in_pos, in_len;
	int in_eof;
	size_t lz4_hint;	/* 0 between frames: a clean place to end */
};

static const char *const zr_unsupported[] = { ".xz", ".zst", ".bz2", ".lzma",
	NULL };

int
zr_supported(const char *name)
{
	size_t i;

	for (i = 0; zr_unsupported[i] != NULL; i++)
		if (hf_has_suffix(name, zr_unsupported[i]))
			return 0;
	return 1;
}

int
zr_open(struct zr **ret, int fd, const char *name)
{
	struct zr *z;

	*ret = NULL;
	if (!zr_supported(name)) {
		close(fd);
		return -ENOTSUP;
	}
	z = hf_alloc(sizeof(*z));
	z->fd = fd;
	if (hf_has_suffix(name, ".gz")) {
		z->kind = ZR_GZIP;
		z->gz = gzdopen(fd, "rb");
		if (z->gz == NULL) {
			close(fd);
			free(z);
			return -ENOMEM;
		}
		z->fd = -1;	/* gzclose closes it */
	} else if (hf_has_suffix(name, ".lz4")) {
		z->kind = ZR_LZ4;
		if (LZ4F_isError(LZ4F_createDecompressionContext(&z->lz4,
		    LZ4F_VERSION))) {
			close(fd);
			free(z);
			return -ENOMEM;
		}
		z->in = hf_alloc(ZR_IN);
	}
	*ret = z;
	return 0;
}

static ssize_t
zr_read_lz4(struct zr *z, char *buf, size_t size)
{
	size_t out, used;
	ssize_t n;

	for (;;) {
		if (z->in_pos == z->in_len && !z->in_eof) {
			do
				n = read(z->fd, z->in, ZR_IN);
			while (n < 0 && errno == EINTR);
			if (n < 0)
				return -errno;
			if (n == 0)
				z->in_eof = 1;
			z->in_pos = 0;
			z->in_len = (size_t)n;
		}
		if (z->in_pos == z->in_len)
			return z->lz4_hint != 0 ? -EIO : 0;	/* truncated frame */
		out = size;
		used = z->in_len - z->in_pos;
		z->lz4_hint = LZ4F_decompress(z->lz4, buf, &out,
		    z->in + z->in_pos, &used, NULL);
		if (LZ4F_isError(z->lz4_hint))
			return -EIO;
		z->in_pos += used;
		if (out > 0)
			return (ssize_t)out;
	}
}

ssize_t
zr_read(void *src, char *buf, size_t size)
{
	struct zr *z = src;
	ssize_t n;
	int got;

	switch (z->kind) {
	case ZR_GZIP:
		if (size > 1u << 30)
			size = 1u << 30;
		got = gzread(z->gz, buf, (unsigned int)size);
		if (got == 0) {
			int err;

			/* A truncated member ends with Z_BUF_ERROR, not EOF. */
			gzerror(z->gz, &err);
			if (err != Z_OK && err != Z_STREAM_END)
				return -EIO;
		}
		return got < 0 ? -EIO : got;
	case ZR_LZ4:
		return zr_read_lz4(z, buf, size);
	default:
		do
			n = read(z->fd, buf, size);
		while (n < 0 && errno == EINTR);
		return n < 0 ? -errno : n;
	}
}

void
zr_close(struct zr *z)
{
	if (z == NULL)
		return;
	if (z->gz != NULL)
		gzclose(z->gz);
	if (z->lz4 != NULL)
		LZ4F_freeDecompressionContext(z->lz4);
	if (z->fd >= 0)
		close(z->fd);
	free(z->in);
	free(z);
}
