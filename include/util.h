/*
 * util.h - allocation that cannot fail silently, the /proc root and the
 * NLNETSTAT_* test seams (read here and nowhere else), and a line reader
 * for /proc files that never truncates a line.
 */
#ifndef NLNETSTAT_UTIL_H
#define NLNETSTAT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/*
 * Room for element n (0-based) of an array of size-byte elements at p
 * with capacity *cap: returns p when n < *cap, else the array reallocated
 * to twice the capacity (first elements when empty), *cap updated.  Exits
 * like xrealloc when memory or the size arithmetic runs out.
 */
void *xgrow(void *p, size_t *cap, size_t n, size_t size, size_t first);
char *xstrdup(const char *s);

/*
 * Value of the test seam NLNETSTAT_<name>, or NULL.  Ignored (NULL) when
 * the process runs with elevated privileges (secure_getenv).
 */
const char *util_env(const char *name);

/* The /proc root: "/proc", or NLNETSTAT_PROC_ROOT. */
const char *util_proc_root(void);

/*
 * Directory descriptor of the /proc root, opened once and kept until
 * util_proc_release().  Returns -errno on failure.
 */
int util_proc_dirfd(void);

/* Close the descriptor of util_proc_dirfd() (reopened when next asked). */
void util_proc_release(void);

/*
 * Open a file below the /proc root ("net/tcp") read-only, by path (no
 * other descriptor is held).  Returns an fd or -errno.
 */
int util_proc_open(const char *rel);

/* A reader of newline-terminated lines from an fd, any line length. */
struct lineio {
	int fd;
	char *buf;
	size_t cap, start, end;
	bool eof;
	int err;              /* positive errno of a failed read, else 0 */
	unsigned long lineno; /* 1-based number of the last line returned */
};

/* Start reading fd (the reader does not close it). */
void lineio_init(struct lineio *l, int fd);
/*
 * Next line, without its newline, NUL-terminated in place.  Returns 1 with
 * *line and *len set, 0 at end of file, or -errno on a read error.  A final
 * line without a newline is returned as well.
 */
int lineio_next(struct lineio *l, char **line, size_t *len);
/* Free the buffer (does not close the fd). */
void lineio_free(struct lineio *l);

/*
 * Parse an unsigned number in base (10 or 16) from *p, advancing *p.
 * Returns false if no digit was found or the value overflows 64 bits.
 */
bool util_parse_u64(const char **p, int base, uint64_t *out);

/*
 * Read everything from fd into a new buffer (NUL-terminated, *len excludes
 * the NUL).  Returns 0 or -errno; the caller frees *buf.
 */
int util_read_all(int fd, char **buf, size_t *len);

/* Value of a hex (or decimal) digit, or -1. */
int util_hex_digit(char c);

/* Skip spaces and tabs. */
const char *util_skip_blanks(const char *p);

/*
 * Copy s into buf as snprintf(buf, len, "%s", s) would (cut to len - 1
 * bytes, always terminated when len > 0), without printf's setup cost on
 * hot paths.  Returns buf.
 */
char *util_copy(char *buf, size_t len, const char *s);

#endif
