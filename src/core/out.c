/*
 * out.c - buffered stdout writer.  Replaces stdio for table output: rows are
 * appended to a buffer and written with write(2) in stdio's block size.  The
 * first write error is kept and reported by out_flush(); SIGPIPE keeps its
 * default action, so a closed pipe ends the program silently, as it ends
 * net-tools netstat.
 */
#include "out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define OUT_BUFSZ 65536

/* Global: stdout is one stream, shared by every module that writes it. */
static char out_buf[OUT_BUFSZ];
static size_t out_len;
/*
 * Write in blocks of stdout's st_blksize, as stdio does (4 KiB for pipes
 * and files), so that stderr lines land at the same offsets in a 2>&1
 * capture as they do with netstat.
 */
static size_t out_block = OUT_BUFSZ;
static int out_err;       /* first write error, as a positive errno */
static bool out_linemode; /* stdout is a terminal: flush per line */

/*
 * A closed descriptor 0, 1 or 2 would be reused by the next open or
 * socket (the table would be written into the netlink socket): park
 * /dev/null there, and remember that stdout cannot be written.
 */
static void
out_guard_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		if (fd == STDOUT_FILENO)
			out_err = EBADF;
		int nfd = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (nfd >= 0 && nfd != fd) {
			dup2(nfd, fd);
			close(nfd);
		}
	}
}

void
out_init(void)
{
	struct stat st;

	out_guard_std_fds();
	out_linemode = isatty(STDOUT_FILENO) == 1;
	/*
	 * stdio's block size matters only when stderr goes to the same file
	 * (2>&1); otherwise write 64 KiB at a time.
	 */
	struct stat se;
	if (fstat(STDOUT_FILENO, &st) == 0 && fstat(STDERR_FILENO, &se) == 0 &&
	    st.st_dev == se.st_dev && st.st_ino == se.st_ino &&
	    st.st_blksize >= 512 && st.st_blksize <= OUT_BUFSZ)
		out_block = (size_t)st.st_blksize;
}

static void
out_drain(void)
{
	size_t off = 0;

	while (off < out_len && out_err == 0) {
		ssize_t n = write(STDOUT_FILENO, out_buf + off, out_len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			out_err = errno;
			break;
		}
		off += (size_t)n;
	}
	out_len = 0;
}

void
out_write(const char *s, size_t n)
{
	while (n > 0) {
		size_t room = out_block - out_len;
		size_t take = n < room ? n : room;

		memcpy(out_buf + out_len, s, take);
		out_len += take;
		s += take;
		n -= take;
		if (out_len == out_block)
			out_drain();
	}
	if (out_linemode && out_len > 0 && out_buf[out_len - 1] == '\n')
		out_drain();
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_printf(const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		out_write(small, (size_t)n);
		return;
	}
	/*
	 * Rare long text: format again into a heap buffer of the right size
	 * (not the stack: n can be anything up to INT_MAX).
	 */
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

int
out_flush(void)
{
	out_drain();
	return out_err ? -out_err : 0;
}

void
out_sync_for_stderr(void)
{
	if (out_linemode)
		out_drain();
}
