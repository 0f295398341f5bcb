/*
 * test_report.c - the diagnostics module: exact stderr bytes for each kind
 * of message, a long message written whole, errno left as it was, a failed
 * write to stderr ignored, and a partial table line on a terminal flushed
 * before the message (stdout and stderr on one pseudo-terminal, as 2>&1).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "capture.h"
#include "harness.h"
#include "out.h"
#include "report.h"

void test_group_report(void);

static void
test_shapes(void)
{
	t_begin("report: prefix, verbatim and errno shapes");
	capture_begin(STDERR_FILENO);
	report_warn("cannot drop capabilities: %s\n", strerror(EPERM));
	report_plain("warning, got bogus %s line.\n", "tcp");
	report_plain(
	    "netstat: no support for `%s' on this system.\n", "AF INET (sctp)");
	report_errno("/proc/net/route", ENOENT);
	report_errno(NULL, EACCES);
	T_STREQ(capture_end(),
	    "nlnetstat: cannot drop capabilities: Operation not permitted\n"
	    "warning, got bogus tcp line.\n"
	    "netstat: no support for `AF INET (sctp)' on this system.\n"
	    "/proc/net/route: No such file or directory\n"
	    "Permission denied\n");
	t_end();
}

static void
test_long(void)
{
	char path[3000];
	char want[3100];

	t_begin("report: a message longer than the stack buffer is whole");
	memset(path, 'p', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	snprintf(want, sizeof(want), "nlnetstat: cannot read %s\n", path);
	capture_begin(STDERR_FILENO);
	report_warn("cannot read %s\n", path);
	T_STREQ(capture_end(), want);
	t_end();
}

static void
test_errno_and_write_error(void)
{
	int saved = dup(STDERR_FILENO);
	int ro = open("/dev/null", O_RDONLY);

	t_begin("report: errno is kept and a failed stderr write ignored");
	T_CHECK(saved >= 0 && ro >= 0);
	if (saved >= 0 && ro >= 0 && dup2(ro, STDERR_FILENO) >= 0) {
		errno = ERANGE;
		report_warn("lost: %d\n", 1); /* write() fails with EBADF */
		report_errno("/proc/net/route", ENOENT);
		T_CHECK(errno == ERANGE);
		dup2(saved, STDERR_FILENO);
	}
	if (ro >= 0)
		close(ro);
	if (saved >= 0)
		close(saved);
	t_end();
}

/* Read what is waiting on the pty master; short non-blocking reads. */
static size_t
pty_drain(int master, char *buf, size_t len)
{
	size_t n = 0;
	ssize_t r;

	while (n < len - 1 && (r = read(master, buf + n, len - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	return n;
}

static void
test_terminal_order(void)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	int out_saved = dup(STDOUT_FILENO), err_saved = dup(STDERR_FILENO);
	int slave = -1;
	struct termios tio;
	char got[256];

	t_begin("report: a partial table line on a terminal comes first");
	fflush(stdout);
	T_CHECK(out_flush() == 0);
	if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0)
		slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	T_CHECK(slave >= 0);
	if (slave >= 0 && tcgetattr(slave, &tio) == 0) {
		cfmakeraw(&tio); /* no "\r\n" for "\n" */
		tcsetattr(slave, TCSANOW, &tio);
		fcntl(master, F_SETFL, O_NONBLOCK);
		dup2(slave, STDOUT_FILENO);
		dup2(slave, STDERR_FILENO);
		out_init(); /* stdout is a terminal: line mode */
		out_str("Proto Recv-Q");
		report_plain("warning, got bogus %s line.\n", "udp");
		out_str(" Send-Q\n");
		dup2(out_saved, STDOUT_FILENO);
		dup2(err_saved, STDERR_FILENO);
		out_init(); /* back to the block mode of a pipe or file */
		usleep(10000);
		pty_drain(master, got, sizeof(got));
		T_STREQ(got, "Proto Recv-Q"
		             "warning, got bogus udp line.\n"
		             " Send-Q\n");
	}
	if (slave >= 0)
		close(slave);
	if (master >= 0)
		close(master);
	close(out_saved);
	close(err_saved);
	t_end();
}

/*
 * In a child, since out.c keeps its first write error for good: stdout
 * that cannot be written, one row, then report_finish()'s status.
 */
static void
test_finish(void)
{
	pid_t pid;
	int status = -1;

	t_begin("report: a write error on stdout is reported at the end");
	fflush(stdout);
	T_CHECK(out_flush() == 0);
	T_CHECK(report_finish() == 0);
	capture_begin(STDERR_FILENO);
	pid = fork();
	if (pid == 0) {
		int ro = open("/dev/null", O_RDONLY);

		if (ro < 0 || dup2(ro, STDOUT_FILENO) < 0)
			_exit(9);
		out_str("row\n");
		_exit(report_finish());
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	T_STREQ(capture_end(), "nlnetstat: write error: Bad file descriptor\n");
	T_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	t_end();
}

void
test_group_report(void)
{
	test_shapes();
	test_long();
	test_errno_and_write_error();
	test_terminal_order();
	test_finish();
}
