/*
 * route.c - -r: walks the family list (afname, default "inet") in command
 * line order and describes each family's table to the emitter, as
 * net-tools' route_info() does, with the messages of the obsolete
 * families whose /proc route files modern kernels lack.
 */
#include "route.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "out.h"
#include "report.h"
#include "util.h"

/* Errno of opening a /proc file (0 when it exists: closed again). */
static int
route_probe(const char *rel)
{
	int fd = util_proc_open(rel);

	if (fd < 0)
		return -fd;
	close(fd);
	return 0;
}

/*
 * The obsolete families' route tables.  Their /proc files do not exist on
 * current kernels; nlnetstat prints net-tools' messages for that case
 * (streams as net-tools uses them) and never reads the tables.
 */
static int
route_obsolete(const char *af)
{
	int e;

	if (strcmp(af, "ipx") == 0) {
		route_probe("net/ipx/route");
		e = route_probe("net/ipx_route");
		report_plain("%s\n", strerror(e ? e : ENOENT));
		out_printf(tr_("IPX routing not in file %s or %s found.\n"),
		    "/proc/net/ipx/route", "/proc/net/ipx_route");
	} else if (strcmp(af, "ddp") == 0) {
		e = route_probe("net/atalk_route");
		report_errno(
		    "Error opening /proc/net/atalk_route", e ? e : ENOENT);
		report_plain("DDP (AppleTalk) not configured on this "
		             "system.\n");
	} else if (strcmp(af, "ax25") == 0) {
		e = route_probe("net/ax25_route");
		report_errno("/proc/net/ax25_route", e ? e : ENOENT);
		out_str(tr_("AX.25 not configured in this system.\n"));
	} else if (strcmp(af, "netrom") == 0) {
		e = route_probe("net/nr_nodes");
		report_errno("/proc/net/nr_nodes", e ? e : ENOENT);
		/* net-tools reports the second file with a stale EINVAL. */
		report_errno("/proc/net/nr_neigh", EINVAL);
		out_str(tr_("NET/ROM not configured in this system.\n"));
	} else if (strcmp(af, "rose") == 0) {
		e = route_probe("net/rose_nodes");
		report_errno("/proc/net/rose_nodes", e ? e : ENOENT);
		report_plain(
		    "%s", tr_("ROSE not configured in this system.\n"));
	} else {
		out_str(tr_("X.25 not configured in this system.\n"));
	}
	return EXIT_FAIL;
}

/* One family of the list; returns its status (0 lets the loop go on). */
static int
route_family(
    const struct opts *o, struct emitter *e, const char *af, bool numeric)
{
	bool fib = (o->route & ROUTE_FIB) || o->route == 0;
	bool cache = (o->route & ROUTE_CACHE) != 0;

	/* -F -C: the FIB, then the cache unless the FIB failed. */
	if (strcmp(af, "inet") == 0) {
		int rc = fib ? route_inet_fib(e, numeric) : EXIT_OK;

		if (rc == EXIT_OK && cache)
			rc = route_inet_cache(e, numeric);
		return rc;
	}
	if (strcmp(af, "inet6") == 0) {
		int rc = fib ? route_inet6(e, false, numeric) : EXIT_OK;

		if (rc == EXIT_OK && cache)
			rc = route_inet6(e, true, numeric);
		return rc;
	}
	if (strcmp(af, "ipx") == 0 || strcmp(af, "ddp") == 0 ||
	    strcmp(af, "ax25") == 0 || strcmp(af, "netrom") == 0 ||
	    strcmp(af, "rose") == 0 || strcmp(af, "x25") == 0)
		return route_obsolete(af);
	/* Families net-tools knows but cannot route, and compiled-out ones. */
	if (strcmp(af, "unix") == 0 || strcmp(af, "ec") == 0 ||
	    strcmp(af, "ash") == 0)
		report_plain(tr_("No routing for address family `%s'.\n"), af);
	else
		report_plain(tr_("Address family `%s' not supported.\n"), af);
	return EXIT_USAGE;
}

int
route_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	char list[sizeof(o->afname)];
	/* net-tools takes -N ("symbolic") as a numeric flag for routes. */
	bool numeric = (o->numeric & NUM_HOST) || o->symbolic;
	int rc = EXIT_OK;

	/* Every -c pass prints titles, headers and rows. */
	emit_doc_begin(c->emit, EMIT_DOC_ROUTE);
	snprintf(list, sizeof(list), "%s", o->afname[0] ? o->afname : "inet");
	for (char *af = list, *next; af != NULL; af = next) {
		next = strchr(af, ',');
		if (next != NULL)
			*next++ = '\0';
		if ((rc = route_family(o, c->emit, af, numeric)) != EXIT_OK)
			break;
	}
	emit_doc_end(c->emit, EMIT_DOC_ROUTE);
	return rc;
}
