/*
 * harness.h - a small assertion harness for the unit tests.  A test case is
 * t_begin()..t_end(); every failed check inside it is printed with its line,
 * and t_end() prints one "PASS: name" or "FAIL: name" line for tests/run.sh.
 */
#ifndef NLNETSTAT_HARNESS_H
#define NLNETSTAT_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

void t_begin(const char *name);
void t_end(void);
bool t_check(bool ok, const char *what, const char *file, int line);
bool t_check_str(const char *got, const char *want, const char *what,
    const char *file, int line);

#define T_CHECK(c) t_check((c), #c, __FILE__, __LINE__)
#define T_STREQ(got, want) t_check_str((got), (want), #got, __FILE__, __LINE__)

#endif
