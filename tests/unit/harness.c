/*
 * harness.c - runs every unit-test group and reports one line per case.
 * Groups are listed in the table below; each is a function in a test_*.c
 * file.  Exit status is 1 when any case failed.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "unit_tests.h"

static const char *t_name;
static int t_failed_checks;
static int t_failed_cases;

void
t_begin(const char *name)
{
	t_name = name;
	t_failed_checks = 0;
}

void
t_end(void)
{
	if (t_failed_checks == 0) {
		printf("PASS: unit: %s\n", t_name);
	} else {
		printf("FAIL: unit: %s\n", t_name);
		t_failed_cases++;
	}
	fflush(stdout);
}

bool
t_check(bool ok, const char *what, const char *file, int line)
{
	if (!ok) {
		printf("  %s:%d: check failed: %s\n", file, line, what);
		t_failed_checks++;
	}
	return ok;
}

bool
t_check_str(const char *got, const char *want, const char *what,
    const char *file, int line)
{
	if (got != NULL && want != NULL && strcmp(got, want) == 0)
		return true;
	printf("  %s:%d: %s\n    got:  [%s]\n    want: [%s]\n", file, line,
	    what, got ? got : "(null)", want ? want : "(null)");
	t_failed_checks++;
	return false;
}

int
main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;

	for (const struct unit_group *g = unit_groups; g->name; g++)
		if (only == NULL || strcmp(only, g->name) == 0)
			g->run();
	return t_failed_cases ? 1 : 0;
}
