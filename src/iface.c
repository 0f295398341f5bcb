/*
 * iface.c - -i: placeholder until the interface mode lands.
 * Prints nothing and fails, so no test can pass against it.
 */
#include <stdio.h>

#include "modes.h"
#include "netstat.h"

int
iface_run(const struct opts *o, unsigned pass)
{
	(void)o;
	(void)pass;
	fprintf(stderr, "nlnetstat: -i is not implemented yet\n");
	return EXIT_FAIL;
}
