/*
 * obsolete.c - -M and the obsolete socket families (IPX, AX.25, X.25,
 * NET/ROM, ROSE): their /proc files are absent on modern kernels, and this
 * prints exactly what net-tools 2.10 prints then.
 */
#include <stdio.h>

#include "modes.h"
#include "netstat.h"

int
masq_run(const struct opts *o)
{
	(void)o;
	fprintf(stderr, "netstat: no support for `ip_masquerade' on this "
			"system.\n");
	return EXIT_FAIL;
}
