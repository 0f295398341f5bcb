/*
 * main.c - argv to options, mode dispatch, the -c loop and the exit status.
 * The only file besides opts.c that exits.  Mirrors net-tools' dispatch
 * order: -M, then -s, then -r, then -i, else the socket listing.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "modes.h"
#include "netstat.h"
#include "opts.h"
#include "out.h"

static int
main_pass(const struct opts *o, unsigned pass)
{
	switch (o->mode) {
	case MODE_MASQ: return masq_run(o);
	case MODE_STATS: return stats_run(o);
	case MODE_ROUTE: return route_run(o, pass);
	case MODE_IFACE: return iface_run(o, pass);
	case MODE_SOCKETS: break;
	}
	return sockets_run(o, pass);
}

/* netstat's -c pause: flush what was printed, then sleep one second. */
static int
main_wait(void)
{
	struct timespec ts = {1, 0};

	if (out_flush() < 0)
		return -1;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}

int
main(int argc, char **argv)
{
	struct opts parsed;
	int status;

	setlocale(LC_ALL, "");
	out_init();
	opts_parse(argc, argv, &parsed);
	const struct opts *o = &parsed;

	/* -s ignores -c, as net-tools does. */
	bool repeat = o->continuous && o->mode != MODE_STATS;
	for (unsigned pass = 0;; pass++) {
		status = main_pass(o, pass);
		if (!repeat || status != EXIT_OK)
			break;
		if (main_wait() < 0)
			break;
	}
	int werr = out_flush();
	if (werr < 0) {
		fprintf(stderr, "nlnetstat: write error: %s\n", strerror(-werr));
		return EXIT_FAIL;
	}
	return status;
}
