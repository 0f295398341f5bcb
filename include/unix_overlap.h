/*
 * unix_overlap.h - the unix_diag dump on a worker thread while the calling
 * thread reads /proc/net/unix ahead, so that the two walks of the kernel's
 * UNIX table share two CPUs; then the join of what was read ahead and the
 * rest of the file with the dump's list.
 */
#ifndef NLNETSTAT_UNIX_OVERLAP_H
#define NLNETSTAT_UNIX_OVERLAP_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "procnet.h"

/* /proc/net/unix, open, with its first len bytes read into buf. */
struct unix_ahead {
	int fd; /* -1: not open (the file is read later, from its start) */
	char *buf;
	size_t len, cap;
};

/* Nothing open, nothing read. */
#define UNIX_AHEAD_NONE ((struct unix_ahead){ -1, NULL, 0, 0 })

/*
 * diag_unix_dump(d, peers, fn, ctx) with fn called on a worker thread
 * (fn must touch nothing the caller uses meanwhile, and print nothing),
 * which then indexes k (the list fn fills; NULL for none), while this
 * thread opens /proc/net/unix into *a and reads it ahead.  With one CPU,
 * NLNETSTAT_UNIX_OVERLAP=0, or when the file does not open or the thread
 * does not start, the dump runs here and a->fd is -1.  Returns as
 * diag_unix_dump; a is to be joined or dropped either way.
 */
int unix_overlap_dump(struct diag_sock *d, bool peers,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx,
    struct procnet_unix_known *k, struct unix_ahead *a);

/*
 * procnet_read_unix_known, going on from what a read ahead (from the
 * start when a->fd is -1); closes and frees a.  Returns as it does.
 */
int unix_ahead_join(struct unix_ahead *a, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res);

/* Close and free a without reading on (a->fd -1 is fine). */
void unix_ahead_drop(struct unix_ahead *a);

#endif
