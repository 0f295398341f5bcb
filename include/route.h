/*
 * route.h - internals of the -r mode shared by route.c, route_inet.c,
 * route_inet6.c and their unit tests: the -e layout selector, flag
 * letters, the header-driven column finder and the table printers.
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
 * Layout selector for the IPv4 tables from the -e count: 2 for none, 1 for
 * one -e, 3 for two, 0 (title only) for three, then repeating.
 */
int route_ext(int extend);

/* Flag letters of an IPv4 FIB row ("UG", "!H", ...) into buf. */
void route_flags_fib(unsigned flags, char *buf, size_t len);
/* Flag letters of an IPv4 routing-cache row into buf. */
void route_flags_cache(unsigned flags, char *buf, size_t len);
/* Flag letters of an IPv6 row ("U", "UG", "!n", ...) into buf. */
void route_flags6(unsigned flags, char *buf, size_t len);

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

/* -r for inet: the FIB table.  ext is route_ext(); returns the status. */
int route_inet_fib(int ext, bool numeric);
/* -r -C for inet: the routing cache (header only on kernels >= 3.6). */
int route_inet_cache(int ext, bool numeric);
/* -r for inet6: the FIB, or with cache the cache-flagged entries only. */
int route_inet6(bool cache, bool numeric);

/*
 * --json: the document -r writes into, or NULL for the table.  Route rows
 * become objects with jc's route keys (destination, gateway, genmask,
 * route_flags, metric, route_refs, use, iface, mss, window, irtt).
 */
struct json *route_json(void);

#endif
