/*
 * atomic_file.c - write-then-rename replacement of a file (see
 * atomic_file.h), for --metrics-file: the temporary file lives in the
 * target's directory so rename() stays on one file system.
 */
#include "atomic_file.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* "DIR/.BASE.XXXXXX" for path "DIR/BASE" (or ".BASE.XXXXXX"). */
static char *
atomic_temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dirlen;
	size_t n = dirlen + strlen(base) + 16;
	char *tmp = xmalloc(n);

	snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	return tmp;
}

static int
atomic_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		if (w == 0)
			return -EIO;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* fsync the directory holding path, so the rename itself is durable. */
static void
atomic_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir =
	    slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;

	if (fd >= 0) {
		(void)fsync(fd); /* best effort: the data is already safe */
		close(fd);
	}
	free(dir);
}

/* Write, sync and rename: the body of atomic_file_write(). */
static int
atomic_replace(const char *path, const char *data, size_t len)
{
	char *tmp = atomic_temp_name(path);
	int fd = mkostemp(tmp, O_CLOEXEC);
	int rc = 0;

	if (fd < 0) {
		rc = -errno;
		free(tmp);
		return rc;
	}
	rc = atomic_write_all(fd, data, len);
	if (rc == 0 && fchmod(fd, 0644) < 0)
		rc = -errno;
	if (rc == 0 && fsync(fd) < 0)
		rc = -errno;
	if (close(fd) < 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -errno;
	if (rc < 0)
		unlink(tmp);
	else
		atomic_sync_dir(path);
	free(tmp);
	return rc;
}

int
atomic_file_write(const char *path, const char *data, size_t len)
{
	sigset_t stop, old;
	int rc;

	/* A SIGTERM of a -c run lands after the rename: no temporary left. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, &old);
	rc = atomic_replace(path, data, len);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
