/*
 * util.c - allocation wrappers, the NLNETSTAT_* test seams, the /proc root,
 * a line reader for /proc files and small number parsers.  This is the only
 * file that reads the environment (secure_getenv, so the seams are ignored
 * when nlnetstat runs with file capabilities).
 */
#include "util.h"

#include <err.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		err(1, "malloc");
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		err(1, "calloc");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		err(1, "realloc");
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t c = *cap ? *cap : first;

	if (n < *cap)
		return p;
	while (c <= n) {
		if (c > SIZE_MAX / 2)
			errx(1, "out of memory");
		c *= 2;
	}
	if (size != 0 && c > SIZE_MAX / size)
		errx(1, "out of memory");
	*cap = c;
	return xrealloc(p, c * size);
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		err(1, "strdup");
	return p;
}

const char *
util_env(const char *name)
{
	char full[64];

	snprintf(full, sizeof(full), "NLNETSTAT_%s", name);
	return secure_getenv(full);
}

const char *
util_proc_root(void)
{
	const char *r = util_env("PROC_ROOT");

	return (r != NULL && r[0] != '\0') ? r : "/proc";
}

/*
 * The cached /proc root descriptor; closed (and -1 returned) on release.
 * Static: one /proc root per process, opened once for every reader.
 */
static int
util_proc_dirfd_cache(bool release)
{
	static int fd = -1;
	static char opened[4096];
	const char *root = util_proc_root();

	if (release || (fd >= 0 && strcmp(opened, root) != 0)) {
		if (fd >= 0)
			close(fd);
		fd = -1;
		if (release)
			return -1;
	}
	/* Reopened only when the root changes (unit tests switch trees). */
	if (fd >= 0)
		return fd;
	fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	snprintf(opened, sizeof(opened), "%s", root);
	return fd;
}

int
util_proc_dirfd(void)
{
	return util_proc_dirfd_cache(false);
}

void
util_proc_release(void)
{
	(void)util_proc_dirfd_cache(true);
}

int
util_proc_open(const char *rel)
{
	char path[4096];
	int fd;

	/* By path, not below a held directory descriptor: at a low
	 * RLIMIT_NOFILE every descriptor counts. */
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", util_proc_root(),
	        rel) >= sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

void
lineio_init(struct lineio *l, int fd)
{
	memset(l, 0, sizeof(*l));
	l->fd = fd;
	l->cap = 65536;
	l->buf = xmalloc(l->cap + 1);
}

static int
lineio_fill(struct lineio *l)
{
	ssize_t n;

	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap) {
		l->cap *= 2;
		l->buf = xrealloc(l->buf, l->cap + 1);
	}
	do
		n = read(l->fd, l->buf + l->end, l->cap - l->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		l->err = errno;
		return -errno;
	}
	if (n == 0)
		l->eof = true;
	l->end += (size_t)n;
	return 0;
}

int
lineio_next(struct lineio *l, char **line, size_t *len)
{
	size_t scanned = 0;

	for (;;) {
		char *s = l->buf + l->start;
		size_t avail = l->end - l->start;
		char *nl = memchr(s + scanned, '\n', avail - scanned);

		if (nl != NULL || (l->eof && avail > 0)) {
			size_t n = nl ? (size_t)(nl - s) : avail;

			s[n] = '\0';
			*line = s;
			*len = n;
			l->start += nl ? n + 1 : n;
			l->lineno++;
			return 1;
		}
		if (l->eof)
			return 0;
		scanned = avail;
		int rc = lineio_fill(l);
		if (rc < 0)
			return rc;
	}
}

void
lineio_free(struct lineio *l)
{
	free(l->buf);
	l->buf = NULL;
}

int
util_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool
util_parse_u64(const char **p, int base, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	int d;

	if ((d = util_hex_digit(*s)) < 0 || d >= base)
		return false;
	while ((d = util_hex_digit(*s)) >= 0 && d < base) {
		/* No division a digit: the overflow checks are cheap. */
		if (__builtin_mul_overflow(v, (uint64_t)base, &v) ||
		    __builtin_add_overflow(v, (uint64_t)d, &v))
			return false;
		s++;
	}
	*p = s;
	*out = v;
	return true;
}

const char *
util_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

char *
util_copy(char *buf, size_t len, const char *s)
{
	if (len == 0)
		return buf;
	size_t n = strnlen(s, len - 1);
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

int
util_read_all(int fd, char **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *b = xmalloc(cap + 1);

	for (;;) {
		if (n == cap) {
			cap *= 2;
			b = xrealloc(b, cap + 1);
		}
		ssize_t r = read(fd, b + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(b);
			return -e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}
