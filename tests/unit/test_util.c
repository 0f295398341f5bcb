/*
 * test_util.c - the allocation helpers: xgrow keeps the array while there
 * is room, doubles from its first size, keeps the contents, jumps far
 * enough for an index past twice the capacity, and exits (in a child)
 * rather than wrap its size arithmetic.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "util.h"

void test_group_util(void);

static void
test_xgrow_doubles(void)
{
	size_t cap = 0;
	int *v = NULL, *before;

	t_begin("util: xgrow starts at first, doubles, keeps contents");
	v = xgrow(v, &cap, 0, sizeof(*v), 4);
	T_CHECK(v != NULL && cap == 4);
	for (int i = 0; i < 4; i++)
		v[i] = i * 7;
	before = v;
	T_CHECK(xgrow(v, &cap, 3, sizeof(*v), 4) == before && cap == 4);
	v = xgrow(v, &cap, 4, sizeof(*v), 4);
	T_CHECK(cap == 8);
	T_CHECK(v[0] == 0 && v[3] == 21);
	v = xgrow(v, &cap, 40, sizeof(*v), 4);
	T_CHECK(cap == 64);
	v[40] = 1;
	free(v);
	t_end();
}

/* Exit status of a child that asks xgrow for an impossible size. */
static int
xgrow_child(size_t cap, size_t n, size_t size)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		/* The child's stderr would only repeat the message. */
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 2);
		xgrow(NULL, &cap, n, size, 1);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
test_xgrow_overflow(void)
{
	t_begin("util: xgrow exits instead of wrapping its size");
	T_CHECK(xgrow_child(SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 1, 1) == 1);
	T_CHECK(xgrow_child(1, (SIZE_MAX / 16) + 1, 16) == 1);
	t_end();
}

void
test_group_util(void)
{
	test_xgrow_doubles();
	test_xgrow_overflow();
}
