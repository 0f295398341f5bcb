/*
 * groups.c - -g: placeholder until the group-membership table lands.
 * Prints nothing and fails, so no test can pass against it.
 */
#include <stdio.h>

#include "modes.h"
#include "netstat.h"

int
groups_print(const struct opts *o, unsigned pass)
{
	(void)o;
	(void)pass;
	fprintf(stderr, "nlnetstat: -g is not implemented yet\n");
	return EXIT_FAIL;
}
