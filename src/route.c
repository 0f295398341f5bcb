/*
 * route.c - -r: placeholder until the routing mode lands.
 * Prints nothing and fails, so no test can pass against it.
 */
#include <stdio.h>

#include "modes.h"
#include "netstat.h"

int
route_run(const struct opts *o, unsigned pass)
{
	(void)o;
	(void)pass;
	fprintf(stderr, "nlnetstat: -r is not implemented yet\n");
	return EXIT_FAIL;
}
