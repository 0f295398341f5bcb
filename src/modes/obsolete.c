/*
 * obsolete.c - -M and the obsolete socket families (IPX, AX.25, X.25,
 * NET/ROM, ROSE): their /proc files are absent on modern kernels, and this
 * prints exactly what net-tools 2.10 prints then.
 */
#include <stdio.h>
#include <unistd.h>

#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "obsolete.h"
#include "out.h"
#include "report.h"
#include "util.h"

int
masq_run(const struct opts *o)
{
	(void)o;
	report_plain(tr_("%s: no support for `%s' on this system.\n"),
	    "netstat", "ip_masquerade");
	return EXIT_FAIL;
}

struct obsolete_af {
	int af;               /* enum ns_af */
	const char *title;    /* in net-tools' "no support" message */
	const char *files[2]; /* /proc files that would hold the table */
};

/* net-tools' order: IPX, AX.25, X.25, NET/ROM, ROSE. */
static const struct obsolete_af obsolete_afs[] = {
	{ NAF_IPX, "AF IPX", { "net/ipx/socket", "net/ipx_socket" } },
	{ NAF_AX25, "AF AX25", { "net/ax25", NULL } },
	{ NAF_X25, "AF X25", { "net/x25", NULL } },
	{ NAF_NETROM, "AF NETROM", { "net/nr", NULL } },
	{ NAF_ROSE, "AF ROSE", { "net/rose", NULL } },
};

static bool
obsolete_present(const struct obsolete_af *a)
{
	for (int i = 0; i < 2 && a->files[i]; i++) {
		int fd = util_proc_open(a->files[i]);
		if (fd >= 0) {
			close(fd);
			return true;
		}
	}
	return false;
}

int
obsolete_sockets(const struct opts *o)
{
	for (size_t i = 0; i < sizeof(obsolete_afs) / sizeof(obsolete_afs[0]);
	     i++) {
		const struct obsolete_af *a = &obsolete_afs[i];
		if (o->explicit_sel && !opts_has_af(o, (enum ns_af)a->af))
			continue;
		if (obsolete_present(a)) {
			/* Honest about the gap instead of an empty table. */
			report_warn("the %s socket table is not "
			            "supported.\n",
			    a->title);
			if (o->explicit_sel)
				return EXIT_FAIL;
			continue;
		}
		if (o->explicit_sel || o->verbose)
			report_plain(
			    tr_("%s: no support for `%s' on this system.\n"),
			    "netstat", a->title);
		if (o->explicit_sel)
			return EXIT_FAIL;
	}
	return EXIT_OK;
}

int
obsolete_bluetooth(const struct opts *o)
{
	if (!o->bluetooth)
		return EXIT_OK;
	report_plain(
	    tr_("%s: feature `%s' not supported.\n"
	        "Please recompile `net-tools' with newer kernel source or full "
	        "configuration.\n"),
	    "netstat", "AF BLUETOOTH");
	return EXIT_FAIL;
}
