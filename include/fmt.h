/*
 * fmt.h - netstat-compatible section headers and rows for the socket
 * listing.  Every function writes into a caller buffer and returns the
 * length written (no shared static buffers).
 */
#ifndef NLNETSTAT_FMT_H
#define NLNETSTAT_FMT_H

#include <stddef.h>

#include "opts.h"
#include "sockrec.h"

/* Big enough for any row: two 127-byte endpoints, a path, the tail. */
#define FMT_ROW_MAX 1024

/* "Active Internet connections (...)" and the column header. */
size_t fmt_inet_header(char *buf, size_t len, const struct opts *o);
/* "Active UNIX domain sockets (...)" and the column header. */
size_t fmt_unix_header(char *buf, size_t len, const struct opts *o);

/*
 * One row of the Internet table.  label is the Proto text ("tcp6",
 * "udpl"); prog is the PID/Program text for -p (NULL prints "-").
 */
size_t fmt_inet_row(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, const char *label, const char *prog);

/*
 * One row of the UNIX table; prog as above.  With --peers a trailing
 * "peer=INODE" (plus the peer's PID/Program text with -p) is added.
 */
size_t fmt_unix_row(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, const char *prog, const char *peer_prog);

/*
 * "host:port" as netstat prints it: names per -n, then the 23-column cut
 * (unless -W).  local selects the local or the remote endpoint.
 */
size_t fmt_endpoint(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, int local);

/*
 * The untruncated pieces of an endpoint: host text (names per -n) into
 * host, and the port text ("*", a number or a service name).
 */
const char *fmt_host_port(const struct opts *o, const struct sock_rec *r,
    int local, char *host, size_t hlen, char *pbuf, size_t plen);

/* The -o text, e.g. "keepalive (7.12/0/0)". */
size_t fmt_timer(char *buf, size_t len, const struct sock_rec *r);

/* Timer name as -o prints it ("off", "keepalive", "on1", "unkn-9"). */
const char *fmt_timer_name(const struct sock_rec *r, char *buf, size_t len);

/* Label of the Proto column for a table and family ("tcp", "udpl6", ...). */
const char *fmt_proto_label(enum sk_table t, int family);

#endif
