/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <strings.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <libgen.h>
#include <sys/stat.h>

#include "i18n.h"
#include "util.h"

void
ut_oom(void)
{
	static const char msg[] = "smeaudit: out of memory\n";

	/* stdio may need memory itself; write(2) does not. */
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
		/* nothing left to tell anyone */
	}
	_exit(3);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		ut_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		ut_oom();
	return p;
}

void *
xreallocarray(void *ptr, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		ut_oom();
	p = realloc(ptr, n * size != 0 ? n * size : 1);
	if (p == NULL)
		ut_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		ut_oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (p == NULL)
		ut_oom();
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *p;

	if (vasprintf(&p, fmt, ap) < 0)
		ut_oom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
sb_init(struct sbuf *sb)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void
sb_free(struct sbuf *sb)
{
	free(sb->data);
	sb_init(sb);
}

void
sb_reset(struct sbuf *sb)
{
	sb->len = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

static void
sb_reserve(struct sbuf *sb, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - sb->len - 1)
		ut_oom();
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->cap < need) {
		if (sb->cap > SIZE_MAX / 2)
			ut_oom();
		sb->cap *= 2;
	}
	sb->data = xreallocarray(sb->data, sb->cap, 1);
}

void
sb_add(struct sbuf *sb, const void *data, size_t len)
{
	sb_reserve(sb, len);
	if (len > 0)
		memcpy(sb->data + sb->len, data, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

void
sb_adds(struct sbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_addc(struct sbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void
sb_vprintf(struct sbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sb_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void
sb_one_line(struct sbuf *err)
{
	struct sbuf out;
	size_t i;
	unsigned char c;

	if (err->data == NULL || strcspn(err->data, "\001\002\003\004\005\006\007"
	    "\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027"
	    "\030\031\032\033\034\035\036\037\177") == err->len)
		return;
	sb_init(&out);
	for (i = 0; i < err->len; i++) {
		c = (unsigned char)err->data[i];
		if (c == '\n')
			sb_adds(&out, "\\n");
		else if (c == '\r')
			sb_adds(&out, "\\r");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(&out, "\\x%02x", c);
		else
			sb_addc(&out, (char)c);
	}
	sb_reset(err);
	sb_add(err, out.data, out.len);
	sb_free(&out);
}

char *
sb_steal(struct sbuf *sb)
{
	char *p;

	if (sb->data == NULL)
		return xstrdup("");
	p = sb->data;
	sb_init(sb);
	return p;
}

size_t
ut_utf8_seq(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

int
ut_utf8_valid(const char *s, size_t n, size_t *ret_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] == 0)
			goto bad;
		k = ut_utf8_seq(p + i, n - i);
		if (k == 0)
			goto bad;
		i += k;
	}
	return 1;
bad:
	if (ret_offset != NULL)
		*ret_offset = i;
	return 0;
}

static int
ut_is_wide(uint32_t cp)
{
	/* The East Asian Wide and Fullwidth blocks a report can contain. */
	return (cp >= 0x1100 && cp <= 0x115f) ||
	    (cp >= 0x2e80 && cp <= 0x303e) ||
	    (cp >= 0x3041 && cp <= 0x33ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xa000 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) ||
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) ||
	    (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x20000 && cp <= 0x3fffd);
}

size_t
ut_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, w = 0, k;
	uint32_t cp;

	while (i < n) {
		k = ut_utf8_seq(p + i, n - i);
		if (k == 0) {
			i++;
			w++;
			continue;
		}
		if (k == 1)
			cp = p[i];
		else if (k == 2)
			cp = ((uint32_t)(p[i] & 0x1f) << 6) | (p[i + 1] & 0x3f);
		else if (k == 3)
			cp = ((uint32_t)(p[i] & 0x0f) << 12) |
			    ((uint32_t)(p[i + 1] & 0x3f) << 6) | (p[i + 2] & 0x3f);
		else
			cp = ((uint32_t)(p[i] & 0x07) << 18) |
			    ((uint32_t)(p[i + 1] & 0x3f) << 12) |
			    ((uint32_t)(p[i + 2] & 0x3f) << 6) | (p[i + 3] & 0x3f);
		w += ut_is_wide(cp) ? 2 : 1;
		i += k;
	}
	return w;
}

char *
ut_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

int
ut_streq_ci(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

int
ut_parse_bool(const char *s, int *ret)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < UT_ARRAY_LEN(yes); i++) {
		if (ut_streq_ci(s, yes[i])) {
			*ret = 1;
			return 0;
		}
		if (ut_streq_ci(s, no[i])) {
			*ret = 0;
			return 0;
		}
	}
	return -EINVAL;
}

int
ut_parse_int(const char *s, long long *ret)
{
	char *end;
	long long v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -EINVAL;
	*ret = v;
	return 0;
}

int
ut_parse_int_in(const char *s, int lo, int hi, int *ret)
{
	long long v;

	if (ut_parse_int(s, &v) < 0 || v < lo || v > hi)
		return -EINVAL;
	*ret = (int)v;
	return 0;
}

int
ut_parse_span(const char *s, int lo, int hi, int *first, int *last)
{
	/* A leading '-' belongs to a negative first number, not the dash. */
	char *copy = xstrdup(s), *dash = strchr(copy + (*copy == '-'), '-');
	int r;

	if (dash == NULL) {
		r = ut_parse_int_in(ut_trim(copy), lo, hi, first);
		*last = *first;
	} else {
		*dash = '\0';
		r = ut_parse_int_in(ut_trim(copy), lo, hi, first) < 0 ||
		    ut_parse_int_in(ut_trim(dash + 1), lo, hi, last) < 0 ||
		    *last < *first ? -EINVAL : 0;
	}
	free(copy);
	return r;
}

static int
ut_parse_scaled(const char *s, const char *units, const int64_t *factors,
    int64_t *ret)
{
	char *end;
	unsigned long long v;
	const char *u;
	int64_t f = 1;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -EINVAL;
	if (*end != '\0') {
		if (end[1] != '\0' || (u = strchr(units, *end)) == NULL)
			return -EINVAL;
		f = factors[u - units];
	}
	if (v > (unsigned long long)(INT64_MAX / f))
		return -EINVAL;
	*ret = (int64_t)v * f;
	return 0;
}

int
ut_parse_duration(const char *s, int64_t *ret_seconds)
{
	static const int64_t f[] = { 1, 60, 3600, 86400, 604800 };

	return ut_parse_scaled(s, "smhdw", f, ret_seconds);
}

int
ut_parse_size(const char *s, int64_t *ret_bytes)
{
	static const int64_t f[] = { 1024, 1024 * 1024, 1024LL * 1024 * 1024,
		1024LL * 1024 * 1024 * 1024, 1024, 1024 * 1024,
		1024LL * 1024 * 1024, 1024LL * 1024 * 1024 * 1024 };

	return ut_parse_scaled(s, "kMGTKmgt", f, ret_bytes);
}

static int
ut_digits(const char **sp, int n, int *ret)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*sp)[i]))
			return -EINVAL;
		v = v * 10 + ((*sp)[i] - '0');
	}
	*sp += n;
	*ret = v;
	return 0;
}

static int
ut_days_in_month(int y, int mo)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return mo == 2 && leap ? 29 : days[mo - 1];
}

int
ut_parse_time(const char *s, int64_t *ret_epoch)
{
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, sec = 0, oh, om, sign;
	int have_zone = 0;
	long offset = 0;
	time_t t;
	long long ep;

	if (*s == '@') {
		if (ut_parse_int(s + 1, &ep) < 0)
			return -EINVAL;
		*ret_epoch = ep;
		return 0;
	}
	if (ut_digits(&s, 4, &y) < 0 || *s++ != '-' ||
	    ut_digits(&s, 2, &mo) < 0 || *s++ != '-' ||
	    ut_digits(&s, 2, &d) < 0)
		return -EINVAL;
	if (*s == 'T' || *s == ' ') {
		s++;
		if (ut_digits(&s, 2, &h) < 0 || *s++ != ':' ||
		    ut_digits(&s, 2, &mi) < 0)
			return -EINVAL;
		if (*s == ':') {
			s++;
			if (ut_digits(&s, 2, &sec) < 0)
				return -EINVAL;
		}
	}
	if (*s == 'Z') {
		have_zone = 1;
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if (ut_digits(&s, 2, &oh) < 0)
			return -EINVAL;
		if (*s == ':')
			s++;
		if (ut_digits(&s, 2, &om) < 0 || oh > 23 || om > 59)
			return -EINVAL;
		have_zone = 1;
		offset = sign * (oh * 3600L + om * 60L);
	}
	/* mktime() would quietly turn February 30 into March 2. */
	if (*s != '\0' || mo < 1 || mo > 12 || d < 1 ||
	    d > ut_days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60)
		return -EINVAL;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	if (have_zone) {
		t = timegm(&tm);
		t -= offset;
	} else
		t = mktime(&tm);
	if (t == (time_t)-1 && !(y == 1969 && mo == 12 && d == 31))
		return -EINVAL;
	*ret_epoch = (int64_t)t;
	return 0;
}

void
ut_format_time_utc(int64_t epoch, char *buf, size_t size)
{
	time_t t = (time_t)epoch;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "@%lld", (long long)epoch);
}

int64_t
ut_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint64_t
ut_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
ss_init(struct strset *ss)
{
	ss->slots = NULL;
	ss->cap = 0;
	ss->count = 0;
}

void
ss_free(struct strset *ss)
{
	size_t i;

	for (i = 0; i < ss->cap; i++)
		free(ss->slots[i]);
	free(ss->slots);
	ss_init(ss);
}

static size_t
ss_find(char *const *slots, size_t cap, const char *key)
{
	size_t i = (size_t)ut_hash(key, strlen(key)) & (cap - 1);

	while (slots[i] != NULL && strcmp(slots[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

int
ss_has(const struct strset *ss, const char *key)
{
	if (ss->cap == 0)
		return 0;
	return ss->slots[ss_find(ss->slots, ss->cap, key)] != NULL;
}

int
ss_add(struct strset *ss, const char *key)
{
	char **old;
	size_t i, oldcap;

	if (ss_has(ss, key))
		return 0;
	if ((ss->count + 1) * 2 > ss->cap) {
		old = ss->slots;
		oldcap = ss->cap;
		ss->cap = oldcap ? oldcap * 2 : 16;
		ss->slots = xcalloc(ss->cap, sizeof(*ss->slots));
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				ss->slots[ss_find(ss->slots, ss->cap, old[i])] = old[i];
		free(old);
	}
	ss->slots[ss_find(ss->slots, ss->cap, key)] = xstrdup(key);
	ss->count++;
	return 1;
}

int
ut_read_fd(int fd, size_t max, char **ret_data, size_t *ret_len)
{
	struct sbuf sb;
	char chunk[65536];
	ssize_t n;

	sb_init(&sb);
	sb_add(&sb, "", 0);
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			n = -errno;
			sb_free(&sb);
			return (int)n;
		}
		if (n == 0)
			break;
		/* A file that grows while read still stops at max. */
		if ((size_t)n > max - sb.len) {
			sb_free(&sb);
			return -EFBIG;
		}
		sb_add(&sb, chunk, (size_t)n);
	}
	*ret_len = sb.len;
	*ret_data = sb_steal(&sb);
	return 0;
}

int
ut_read_file(const char *path, size_t max, char **ret_data, size_t *ret_len)
{
	struct stat st;
	int fd, r;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		r = -errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		r = -EISDIR;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		r = -EINVAL;
		goto out;
	}
	if ((uint64_t)st.st_size > max) {
		r = -EFBIG;
		goto out;
	}
	r = ut_read_fd(fd, max, ret_data, ret_len);
out:
	close(fd);
	return r;
}

int
ut_write_atomic(const char *path, int (*writer)(void *user, FILE *f),
    void *user, struct sbuf *err)
{
	char *copy, *dir, *tmp;
	FILE *f;
	int fd, dfd, r;

	copy = xstrdup(path);
	dir = xstrdup(dirname(copy));
	free(copy);
	copy = xstrdup(path);
	tmp = xasprintf("%s/.%s.XXXXXX", dir, basename(copy));
	free(copy);
	fd = mkostemp(tmp, O_CLOEXEC);	/* mode 0600 */
	if (fd < 0) {
		r = -errno;
		sb_printf(err, _("%s: cannot create a file next to it: %s"), path,
		    strerror(errno));
		goto out;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		r = -errno;
		close(fd);
		goto fail_unlink;
	}
	r = writer(user, f);
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
	/* The rename itself must survive a power cut. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	r = 0;
	goto out;
fail_unlink:
	sb_printf(err, _("%s: cannot write: %s"), path, strerror(r < 0 ? -r : EIO));
	unlink(tmp);
out:
	free(tmp);
	free(dir);
	return r;
}
