/*
 * fmt_route.h - the -r tables as netstat's text (fmt_route.c): the -e
 * layout selector, net-tools' flag letters, titles, column headers and
 * one row per struct route_rec (route.h), written through out.c.
 */
#ifndef NLNETSTAT_FMT_ROUTE_H
#define NLNETSTAT_FMT_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "route.h"

/*
 * Layout selector for the IPv4 tables from the -e count: 2 for none, 1 for
 * one -e, 3 for two, 0 (title only) for three, then repeating.
 */
int fmt_route_ext(int extend);

/* Flag letters of an IPv4 FIB row ("UG", "!H", ...) into buf. */
void fmt_route_flags_fib(unsigned flags, char *buf, size_t len);
/* Flag letters of an IPv4 routing-cache row (RTCF_* bits) into buf. */
void fmt_route_flags_cache(unsigned flags, char *buf, size_t len);
/* Flag letters of an IPv6 row ("U", "UG", "!n", ...) into buf. */
void fmt_route_flags6(unsigned flags, char *buf, size_t len);

/*
 * Title and column header of an IPv4 table (cache or FIB; title only when
 * columns is false) for the layout ext (fmt_route_ext()).
 */
void fmt_route_header4(bool cache, bool columns, int ext);
/* Title and column header of the IPv6 table or its cache. */
void fmt_route_header6(bool cache);
/*
 * One row of its table: IPv6 in netstat's one layout, IPv4 (FIB or cache)
 * in layout ext, which for 0 prints nothing.
 */
void fmt_route_row(const struct route_rec *r, int ext);

#endif
