/*
 * stats.c - -s: placeholder until the statistics mode lands.
 * Prints nothing and fails, so no test can pass against it.
 */
#include <stdio.h>

#include "modes.h"
#include "netstat.h"

int
stats_run(const struct opts *o)
{
	(void)o;
	fprintf(stderr, "nlnetstat: -s is not implemented yet\n");
	return EXIT_FAIL;
}
