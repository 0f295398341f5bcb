/*
 * modes.h - entry points of the modes main.c dispatches to.  Each prints its
 * tables through out.c, diagnostics to stderr, and returns the exit status
 * net-tools would end with (0, 1, 3 or 255).  pass counts -c refreshes from 0.
 */
#ifndef NLNETSTAT_MODES_H
#define NLNETSTAT_MODES_H

#include <stdbool.h>

#include "opts.h"

/* Socket listing (default mode), -g included. */
int sockets_run(const struct opts *o, unsigned pass);
/* -s: counters from /proc/net/snmp, netstat, snmp6, sctp/snmp. */
int stats_run(const struct opts *o);
/* -r: routing tables, families in afname order. */
int route_run(const struct opts *o, unsigned pass);
/* -i: interface table. */
int iface_run(const struct opts *o, unsigned pass);
/*
 * -g section of the socket listing: the group memberships table, or with
 * --json one object per membership added to the listing's array json.
 */
struct json;
int groups_print(const struct opts *o, unsigned pass, struct json *json);
/* -M: masqueraded connections (absent on modern kernels). */
int masq_run(const struct opts *o);

/*
 * --netns/--all-netns: the namespace now entered.  Its label goes into
 * every JSON record and the cached diag socket is reopened there.
 */
void sockets_set_netns(const char *label);
/* --all-netns --json: one JSON array around several listings. */
void sockets_json_frame_begin(void);
void sockets_json_frame_end(void);

#endif
