/*
 * procnet.h - readers of /proc/net/{tcp,udp,udplite,raw}[6] and
 * /proc/net/unix.  The line parsers are pure functions (no I/O) so the unit
 * tests and fuzzers can call them directly.
 */
#ifndef NLNETSTAT_PROCNET_H
#define NLNETSTAT_PROCNET_H

#include <stdbool.h>

#include "sockrec.h"

/*
 * Parse one data line of an inet socket file into *r (table set by the
 * caller's argument).  Returns 0, or -EINVAL for a malformed line.
 */
int procnet_parse_inet(
    const char *line, enum sk_table table, struct sock_rec *r);

/*
 * Parse one data line of /proc/net/unix.  r->path points into line (the
 * whole rest of the line, spaces included).  Returns 0 or -EINVAL.
 */
int procnet_parse_unix(const char *line, size_t len, struct sock_rec *r);

/* Name of the /proc file for a table and family, relative to /proc. */
const char *procnet_path(enum sk_table table, int family);

/* Result of reading one file. */
struct procnet_result {
	unsigned long bogus;       /* malformed lines skipped */
	unsigned long first_bogus; /* 1-based line number of the first */
};

/*
 * Read a socket file below the /proc root and push every record into sink.
 * Returns 0, -errno from open or read (-ENOENT when the file is absent), or
 * the sink's negative return.  Malformed lines are counted in *res.
 */
int procnet_read(enum sk_table table, int family, sock_sink_fn sink, void *ctx,
    struct procnet_result *res);

#endif
