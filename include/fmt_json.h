/*
 * fmt_json.h - records as JSON objects for --json, each an item of the
 * pass's array, with the field names and value types of the widely used
 * jc netstat schema plus nlnetstat's extras (owners, numeric state,
 * timer_* numbers, accept queue and backlog).  Sockets in fmt_json.c;
 * groups, routes and interfaces in fmt_json_group/route/iface.c.
 */
#ifndef NLNETSTAT_FMT_JSON_H
#define NLNETSTAT_FMT_JSON_H

#include "json.h"
#include "opts.h"
#include "procmap.h"
#include "sockrec.h"

struct groups_row;
struct iface;
struct route_rec;

/* One inet socket; owners may be NULL (no -p); netns NULL unless
 * --all-netns or --netns named one. */
void fmt_json_inet(struct json *j, const struct opts *o,
    const struct sock_rec *r, const char *label, const struct procmap *owners,
    const char *netns);

/* One UNIX socket; owners may be NULL; peers from r->peer_inode. */
void fmt_json_unix(struct json *j, const struct opts *o,
    const struct sock_rec *r, const struct procmap *owners, const char *netns);

/* One -g membership of device (the igmp file's padding dropped). */
void fmt_json_group(struct json *j, const struct opts *o, const char *device,
    const struct groups_row *row);

/*
 * One route with jc's route keys (destination, gateway or next_hop,
 * genmask, route_flags, metric, route_refs, use, iface, mss, window,
 * irtt) plus kind and family; IPv4 also route_flags_pretty.  Every column
 * whatever the -e count; an IPv4 cache entry writes nothing.
 */
void fmt_json_route(struct json *j, const struct route_rec *r);

/* One interface with jc's -i keys and rx/tx bytes, flags, ipv4_addr. */
void fmt_json_iface(struct json *j, const struct iface *ifc);

#endif
