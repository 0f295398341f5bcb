/*
 * unit_tests.h - the registry of unit-test groups.  Each tests/unit/test_X.c
 * defines "void test_group_X(void)"; the Makefile generates the table from
 * the file names, so adding a file is all it takes to add a group.
 */
#ifndef NLNETSTAT_UNIT_TESTS_H
#define NLNETSTAT_UNIT_TESTS_H

struct unit_group {
	const char *name;
	void (*run)(void);
};

extern const struct unit_group unit_groups[];

#endif
