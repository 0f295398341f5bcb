/*
 * test_privs.c - a capability drop that fails is reported, never ignored.
 * cap_set_proc() is defined here, so the test binary's definition wins
 * over libcap's: a drop can be made to fail without privileges or a
 * seccomp filter, and what would be set is seen without changing the
 * capabilities of the process running the tests.
 */
#include <errno.h>
#include <stdbool.h>
#include <sys/capability.h>

#include "harness.h"
#include "privs.h"

void test_group_privs(void);
int cap_set_proc(cap_t c);

static int fake_errno; /* 0: the call succeeds */
static int fake_calls;
static int fake_differs; /* cap_compare() of the set against empty */

int
cap_set_proc(cap_t c)
{
	cap_t empty = cap_init();

	fake_calls++;
	fake_differs = empty ? cap_compare(c, empty) : -1;
	cap_free(empty);
	if (fake_errno != 0) {
		errno = fake_errno;
		return -1;
	}
	return 0;
}

static void
fake_reset(int err)
{
	fake_errno = err;
	fake_calls = 0;
	fake_differs = -1;
}

static void
test_drop_ok(void)
{
	t_begin("privs: final drop clears every set");
	fake_reset(0);
	T_CHECK(privs_scan_end(true) == 0);
	T_CHECK(fake_calls == 1);
	T_CHECK(fake_differs == 0);
	T_CHECK(privs_error() == 0);
	t_end();

	t_begin("privs: drop between -c passes clears the effective set");
	fake_reset(0);
	T_CHECK(privs_scan_end(false) == 0);
	T_CHECK(fake_calls == 1);
	T_CHECK(fake_differs >= 0 && !CAP_DIFFERS(fake_differs, CAP_EFFECTIVE));
	T_CHECK(privs_error() == 0);
	t_end();
}

static void
test_start_plain(void)
{
	/* The test binary is not a set-id or file-capabilities exec. */
	t_begin("privs: start-up leaves a plain exec alone");
	fake_reset(EPERM);
	T_CHECK(privs_start(false) == 0);
	T_CHECK(privs_start(true) == 0);
	T_CHECK(fake_calls == 0);
	T_CHECK(privs_error() == 0);
	t_end();
}

/* Last: the first failure stays recorded for the rest of the run. */
static void
test_drop_fails(void)
{
	t_begin("privs: a refused drop is an error");
	fake_reset(EPERM);
	T_CHECK(privs_scan_end(false) == -EPERM);
	T_CHECK(privs_error() == -EPERM);
	fake_reset(EACCES);
	T_CHECK(privs_scan_end(true) == -EACCES);
	T_CHECK(privs_error() == -EPERM); /* the first failure is kept */
	fake_reset(0);
	t_end();
}

void
test_group_privs(void)
{
	test_drop_ok();
	test_start_plain();
	test_drop_fails();
}
