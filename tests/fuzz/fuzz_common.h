/*
 * fuzz_common.h - helpers shared by the fuzz targets: the libFuzzer entry
 * points' prototypes, an invariant check that aborts, a line splitter that
 * hands out exact-size heap copies (so that ASan sees any over-read), a
 * private /proc root in a temporary directory, and a byte toucher.
 */
#ifndef NLNETSTAT_FUZZ_COMMON_H
#define NLNETSTAT_FUZZ_COMMON_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Abort (a crash libFuzzer records) when an invariant does not hold. */
#define FUZZ_CHECK(cond) fuzz_check_at((cond), #cond, __FILE__, __LINE__)

static inline void
fuzz_check_at(bool ok, const char *what, const char *file, int line)
{
	if (ok)
		return;
	/* Straight to fd 2: a target may point the stderr stream elsewhere. */
	dprintf(
	    STDERR_FILENO, "%s:%d: invariant failed: %s\n", file, line, what);
	abort();
}

/* Called for each line: a NUL-terminated heap copy of exactly len + 1. */
typedef void fuzz_line_fn(
    const char *line, size_t len, size_t index, void *ctx);

/*
 * Split data at '\n' as the /proc line reader does (a last line without a
 * newline counts, an empty tail does not).  Returns the number of lines.
 */
static inline size_t
fuzz_lines(const uint8_t *data, size_t size, fuzz_line_fn *fn, void *ctx)
{
	size_t start = 0, index = 0;

	while (start < size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t len = nl ? (size_t)(nl - (data + start)) : size - start;
		char *copy = malloc(len + 1);

		if (copy == NULL)
			abort();
		memcpy(copy, data + start, len);
		copy[len] = '\0';
		fn(copy, len, index++, ctx);
		free(copy);
		start += len + (nl ? 1 : 0);
	}
	return index;
}

/* Read every byte so that ASan checks the whole range. */
static inline void
fuzz_touch(const void *p, size_t n)
{
	const volatile unsigned char *b = p;
	unsigned char sum = 0;

	for (size_t i = 0; i < n; i++)
		sum ^= b[i];
	(void)sum;
}

/* The private /proc root: DIR with DIR/net, removed at exit. */
static char fuzz_root[4096];
static const char *fuzz_written[16];
static size_t fuzz_nwritten;

static inline void
fuzz_root_cleanup(void)
{
	char path[4200];

	for (size_t i = 0; i < fuzz_nwritten; i++) {
		snprintf(
		    path, sizeof(path), "%s/%s", fuzz_root, fuzz_written[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/net", fuzz_root);
	rmdir(path);
	rmdir(fuzz_root);
}

/* Make the root and point NLNETSTAT_PROC_ROOT at it (once). */
static inline void
fuzz_root_init(void)
{
	const char *tmp = getenv("TMPDIR");
	char net[4200];

	if (fuzz_root[0] != '\0')
		return;
	snprintf(fuzz_root, sizeof(fuzz_root), "%s/nlnetstat-fuzz.XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if (mkdtemp(fuzz_root) == NULL) {
		perror("mkdtemp");
		abort();
	}
	snprintf(net, sizeof(net), "%s/net", fuzz_root);
	if (mkdir(net, 0700) < 0) {
		perror("mkdir");
		abort();
	}
	setenv("NLNETSTAT_PROC_ROOT", fuzz_root, 1);
	atexit(fuzz_root_cleanup);
}

/* Replace ROOT/rel ("net/unix") with data. */
static inline void
fuzz_root_write(const char *rel, const uint8_t *data, size_t size)
{
	char path[4200];
	size_t i;
	int fd;

	for (i = 0; i < fuzz_nwritten; i++)
		if (strcmp(fuzz_written[i], rel) == 0)
			break;
	if (i == fuzz_nwritten && fuzz_nwritten < 16)
		fuzz_written[fuzz_nwritten++] = rel;
	snprintf(path, sizeof(path), "%s/%s", fuzz_root, rel);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		perror(path);
		abort();
	}
	while (size > 0) {
		ssize_t n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror(path);
			abort();
		}
		data += n;
		size -= (size_t)n;
	}
	close(fd);
}

/* Send stdout (out.c's table output) to /dev/null. */
static inline void
fuzz_stdout_to_null(void)
{
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		perror("/dev/null");
		abort();
	}
	close(fd);
}

/*
 * Drop what the code under test prints to stderr (route.c's warnings):
 * glibc's stderr is a plain variable, so only the stream moves; fd 2,
 * where sanitizer reports and libFuzzer's own lines go, is kept.
 */
static inline void
fuzz_stderr_stream_to_null(void)
{
	FILE *f = fopen("/dev/null", "w");

	if (f == NULL) {
		perror("/dev/null");
		abort();
	}
	stderr = f;
}

#endif
