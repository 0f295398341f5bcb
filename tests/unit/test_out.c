/*
 * test_out.c - the stdout writer: out_printf writes text of any length
 * whole, around its 512-byte stack buffer and far past it, in a child
 * whose output goes to a temporary file and which runs the writes on a
 * thread with a small stack (a long text must not live on the stack).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "out.h"

void test_group_out(void);

#define OUT_BIG ((size_t)2 << 20) /* 2 MiB, 16 times the thread's stack */

static char *big;

/* Writes 511, 512 and 513 bytes, then the big text, then flushes. */
static void *
writer(void *arg)
{
	static const char *tail = "|end\n";
	char s[514];

	(void)arg;
	for (size_t n = 511; n <= 513; n++) {
		memset(s, (int)('a' + n - 511), n);
		s[n] = '\0';
		out_printf("%s", s);
	}
	out_printf("%s%s", big, tail);
	return (void *)(long)out_flush();
}

/* In the child: stdout to path, the writer on a 128 KiB stack. */
static void
child_run(const char *path)
{
	pthread_attr_t attr;
	pthread_t t;
	void *rc = (void *)1L;
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
		_exit(2);
	out_init();
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 128 * 1024);
	if (pthread_create(&t, &attr, writer, NULL) != 0)
		_exit(3);
	pthread_join(t, &rc);
	_exit(rc == NULL ? 0 : 4);
}

/* True when the file holds exactly what writer() wrote. */
static bool
file_matches(const char *path)
{
	size_t want = 511 + 512 + 513 + OUT_BIG + 5, off = 0;
	char *got = malloc(want + 1);
	int fd = open(path, O_RDONLY);
	ssize_t n = 0;
	bool ok = got != NULL && fd >= 0;

	while (ok && (n = read(fd, got + off, want + 1 - off)) > 0)
		off += (size_t)n;
	ok = ok && off == want;
	for (size_t i = 0; ok && i < 511 + 512 + 513; i++)
		ok = got[i] == (i < 511 ? 'a' : i < 1023 ? 'b' : 'c');
	ok = ok && memcmp(got + 1536, big, OUT_BIG) == 0 &&
	     memcmp(got + 1536 + OUT_BIG, "|end\n", 5) == 0;
	if (fd >= 0)
		close(fd);
	free(got);
	return ok;
}

static void
test_long_printf(void)
{
	char path[] = "/tmp/nlnetstat-out.XXXXXX";
	int fd = mkstemp(path), status = -1;

	t_begin("out: out_printf writes 2 MiB whole, off the stack");
	big = malloc(OUT_BIG + 1);
	T_CHECK(fd >= 0 && big != NULL);
	if (fd < 0 || big == NULL) {
		t_end();
		free(big);
		return;
	}
	close(fd);
	for (size_t i = 0; i < OUT_BIG; i++)
		big[i] = (char)('A' + i % 26);
	big[OUT_BIG] = '\0';
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		child_run(path);
	T_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	T_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	T_CHECK(file_matches(path));
	t_end();
	unlink(path);
	free(big);
}

void
test_group_out(void)
{
	test_long_printf();
}
