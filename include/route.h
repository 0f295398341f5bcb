/*
 * route.h - internals of the -r mode shared by route.c, route_inet.c,
 * route_inet6.c and their unit tests: the /proc address parser, the
 * header-driven column finder, the readers and the record they emit
 * (formatted by fmt_route.c and fmt_json_route.c).
 */
#ifndef NLNETSTAT_ROUTE_H
#define NLNETSTAT_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opts.h"

/* net-tools cuts every IPv4 route address text to 15 characters. */
#define ROUTE_ADDR_KEEP 15

/* One named column of a /proc route file and its sscanf conversion. */
struct route_col {
	const char *name; /* header title, e.g. "Destination" */
	const char *conv; /* e.g. "%127s" */
};

/*
 * Parse a /proc route address: the first 8 characters must be hex digits
 * and give the address as stored in memory.  Returns false otherwise, and
 * *addr is left alone (net-tools keeps the previous row's value).
 */
bool route_hex4(const char *text, uint32_t *addr);

/*
 * Build the sscanf format for a /proc file from its header line: every
 * header title that is the next expected column gets its conversion, any
 * other title is skipped.  Returns 0, or -1 with *missing set to the first
 * expected column the header lacks.
 */
int route_fmt_build(const char *header, const struct route_col *cols,
    size_t ncols, char *fmt, size_t len, const char **missing);

/*
 * One route as the tables show it: addresses already turned into text
 * (names per -n, net-tools' 15-character cut for IPv4), numbers as parsed.
 */
struct route_rec {
	int family;        /* AF_INET or AF_INET6 */
	bool cache;        /* a routing-cache entry (-C) */
	const char *dst;   /* destination; IPv6 as "address/prefix" */
	const char *gw;    /* gateway, or the IPv6 next hop */
	const char *mask;  /* IPv4 FIB: genmask */
	const char *src;   /* IPv4 cache: source */
	const char *spec;  /* IPv4 cache: SpecDst */
	const char *iface; /* raw bytes of the file; escaped when printed */
	unsigned flags;    /* RTF_* bits (IPv4 cache rows: RTCF_* bits) */
	int metric, refcnt, use, mtu, window, irtt, tos, hhref, hhuptod;
};

struct emitter;

/* -r for inet: the FIB table, one record per route; returns the status. */
int route_inet_fib(struct emitter *e, bool numeric);
/* -r -C for inet: the routing cache (header only on kernels >= 3.6). */
int route_inet_cache(struct emitter *e, bool numeric);
/* -r for inet6: the FIB, or with cache the cache-flagged entries only. */
int route_inet6(struct emitter *e, bool cache, bool numeric);

#endif
