/*
 * procnet.h - readers of /proc/net/{tcp,udp,udplite,raw}[6] and
 * /proc/net/unix.  The line parsers are pure functions (no I/O) so the unit
 * tests and fuzzers can call them directly.
 */
#ifndef NLNETSTAT_PROCNET_H
#define NLNETSTAT_PROCNET_H

#include <stdbool.h>

#include "hmap.h"
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

/* One UNIX socket the kernel reported over sock_diag, for the join. */
struct procnet_unix_sock {
	uint64_t inode;
	char *name; /* the name as /proc/net/unix prints it, or NULL */
	size_t name_len;
	uint32_t type;    /* SOCK_* */
	uint32_t flags;   /* SKU_FLAG_ACC for a listener */
	uint8_t st;       /* SKU_* as /proc derives it */
	uint32_t icons;   /* listener: embryonic connections pending */
	uint32_t pending; /* of those, not yet matched by the join */
	bool emitted;
};

/* Every UNIX socket of one sock_diag dump, by inode. */
struct procnet_unix_known {
	struct procnet_unix_sock *socks;
	size_t n, cap;
	struct hmap index; /* inode -> position + 1 */
};

/*
 * Add a socket: inode, type, kernel sk_state, its raw sun_path bytes
 * (name_len 0 when unbound) and pending embryonic connections.
 */
void procnet_unix_known_add(struct procnet_unix_known *k, uint64_t inode,
    uint32_t type, uint8_t sk_state, const char *name, size_t name_len,
    uint32_t pending);
void procnet_unix_known_free(struct procnet_unix_known *k);

/*
 * The /proc/net/unix text in buf (header line first, NUL after len),
 * joined with the kernel's list k: a record whose inode k holds is taken
 * only when its name is exactly the one k holds, and ends there, so a
 * name cannot smuggle in records.  Records k does not hold (inode 0:
 * embryonic connections, matched to a listener with pending connections)
 * are kept only while the reading is in step; anything else is skipped up
 * to the next line that starts a record of k.  Each inode once.  Rows get
 * k's name, type and flags and /proc's RefCnt.  Returns 0 or the sink's
 * negative return; res counts lines that parse as nothing while in step.
 */
int procnet_unix_join(const char *buf, size_t len, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res);

/*
 * Read /proc/net/unix and join it with k (procnet_unix_join).  Returns 0,
 * -errno from open or read, or the sink's negative return.
 */
int procnet_read_unix_known(struct procnet_unix_known *k, sock_sink_fn sink,
    void *ctx, struct procnet_result *res);

/*
 * Without /proc/net/unix: every socket of k in the kernel's order with
 * HAVE_NO_REFCNT set, each listener followed by one embryonic row per
 * pending connection (as /proc would list them).  Returns 0 or the
 * sink's negative return.
 */
int procnet_unix_known_emit(
    const struct procnet_unix_known *k, sock_sink_fn sink, void *ctx);

#endif
