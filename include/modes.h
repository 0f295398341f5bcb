/*
 * modes.h - entry points of the modes main.c dispatches to.  Each describes
 * its sections and records to the run's emitter, writes diagnostics to
 * stderr, and returns the exit status net-tools would end with (0, 1, 3 or
 * 255).
 */
#ifndef NLNETSTAT_MODES_H
#define NLNETSTAT_MODES_H

#include <stdbool.h>

#include "opts.h"

struct diag_sock;
struct emitter;

/*
 * What lives as long as the program: made by main.c, handed to every
 * pass.  Passes count -c refreshes from 0.
 */
struct run_ctx {
	const struct opts *o;
	struct emitter *emit; /* the output format, chosen once */
	unsigned pass;
	struct diag_sock *diag; /* sockets: sock_diag, kept across passes */
	bool diag_tried;        /* diag was opened (or failed to) already */
};

/* Socket listing (default mode), -g included. */
int sockets_run(struct run_ctx *c);
/*
 * --netns/--all-netns: another namespace was entered.  The cached diag
 * socket reports the one it was made in, so it is reopened.
 */
void sockets_netns_changed(struct run_ctx *c);
/* Close what the socket listing kept across passes. */
void sockets_ctx_free(struct run_ctx *c);
/* -s: counters from /proc/net/snmp, netstat, snmp6, sctp/snmp. */
int stats_run(struct run_ctx *c);
/* -r: routing tables, families in afname order. */
int route_run(struct run_ctx *c);
/* -i: interface table. */
int iface_run(struct run_ctx *c);
/* -g section of the socket listing: one record per group membership. */
int groups_print(const struct opts *o, struct emitter *e);
/* -M: masqueraded connections (absent on modern kernels). */
int masq_run(const struct opts *o);

#endif
