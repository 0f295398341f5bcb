/*
 * route_fast.h - the fast path of the IPv4 route table at BGP scale: the
 * kernel's standard /proc/net/route line read without sscanf(), and the
 * default -r row and dotted quads written without printf().  Each gives
 * exactly what the general code gives, or declines so that it runs.
 */
#ifndef NLNETSTAT_ROUTE_FAST_H
#define NLNETSTAT_ROUTE_FAST_H

#include <stddef.h>
#include <stdint.h>

/* The sscanf() format of the kernel's own /proc/net/route header. */
#define ROUTE_FAST_FIB_FMT "%15s %127s %127s %X %d %d %d %127s %d %d %d"

/*
 * Read one line as sscanf(line, ROUTE_FAST_FIB_FMT, ...) would, when every
 * field is plain (names within their widths, hex and decimal numbers that
 * fit).  Returns 11, or -1 when the line is not plain: the caller then
 * runs sscanf() itself.  Buffers as the format's widths + 1.
 */
int route_fast_fib_scan(const char *line, char *iface, char *dst, char *gw,
    unsigned *flags, int *refcnt, int *use, int *metric, char *mask, int *mtu,
    int *window, int *irtt);

/* inet_ntop(AF_INET) of a network-order address into buf (>= 16 bytes). */
void route_fast_ntoa(uint32_t addr, char *buf);

/*
 * snprintf(buf, len, "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n", ...);
 * returns 0, or -1 (nothing written) when it might not fit in len.
 */
int route_fast_fib_row(char *buf, size_t len, const char *dst, const char *gw,
    const char *mask, const char *flags, int mss, int window, int irtt,
    const char *iface);

#endif
