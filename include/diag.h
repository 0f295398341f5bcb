/*
 * diag.h - TCP, UDP, UDP-Lite, RAW and UNIX sockets over NETLINK_SOCK_DIAG
 * (libmnl), converted to what the /proc/net files would show.  A dump that
 * fails before its first record tells the caller to fall back to /proc.
 */
#ifndef NLNETSTAT_DIAG_H
#define NLNETSTAT_DIAG_H

#include <linux/netlink.h>
#include <stdbool.h>
#include <stdint.h>

#include "sockrec.h"

struct diag_sock;

/* What one dump asks the kernel for. */
struct diag_req {
	int family;          /* AF_INET or AF_INET6 */
	enum sk_table table; /* SKT_TCP, SKT_UDP, SKT_UDPLITE, SKT_RAW */
	uint32_t states;     /* 1 << state for every wanted state */
	bool want_info; /* ask for tcp_info (exact -o retransmits/probes) */
	bool want_uids; /* fill SYN_RECV uids from their listeners (-e) */
	uint16_t sport; /* exact local port wanted, 0 for any (host order) */
	uint16_t dport; /* exact remote port wanted, 0 for any */
};

/*
 * Open a diag socket (or the replay directory of NLNETSTAT_DIAG_REPLAY).
 * Returns 0 with *out set, or -errno.
 */
int diag_open(struct diag_sock **out);
void diag_close(struct diag_sock *d);

/*
 * Dump one (table, family) into sink.  *emitted counts records pushed.
 * Returns 0, the sink's negative return, or -errno (a kernel error carried
 * in NLMSG_ERROR or NLMSG_DONE, or a socket error).
 */
int diag_dump(struct diag_sock *d, const struct diag_req *req,
    sock_sink_fn sink, void *ctx, unsigned long *emitted);

/* One UNIX socket as unix_diag reports it. */
struct diag_unix {
	uint64_t inode;
	uint64_t peer; /* peer's inode, 0 for none */
	uint32_t type; /* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET */
	uint8_t state; /* kernel sk_state: 1 established, 7 close, 10 listen */
	uint32_t nicons; /* listener: connections not yet accepted */
	uint32_t rqueue, wqueue;
	bool have_rqlen;
	const char *name; /* sun_path bytes as bound (NUL-led if abstract),
	                     inside the reply; NULL when unbound */
	size_t name_len;
};

/*
 * Decode one unix_diag reply message into *u (name points into nlh).
 * Pure: no I/O.  Returns 0 or -EINVAL for a short or malformed message.
 */
int diag_decode_unix(const struct nlmsghdr *nlh, struct diag_unix *u);

/*
 * Dump every UNIX socket the kernel lists (those with an inode: embryonic
 * connections are not listed) with name and pending connections, and with
 * peers only when peers is set (the kernel locks each socket for its
 * peer), calling fn for each; a negative return from fn stops the dump.
 * Returns 0, fn's negative return, or -errno (-ENOTSUP on a replay).
 */
int diag_unix_dump(struct diag_sock *d, bool peers,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx);

/*
 * diag_unix_dump in two halves, so that another thread may receive the
 * replies: _start connects and sends the request (0 or -errno, and then
 * nothing is left open); after a 0, _finish receives every reply for fn
 * and closes the netlink socket, returning as diag_unix_dump.  The two
 * may run on different threads; d is not to be used by another meanwhile.
 */
int diag_unix_dump_start(struct diag_sock *d, bool peers);
int diag_unix_dump_finish(struct diag_sock *d,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx);

/* True when err (negative) means "no handler here: read /proc instead". */
bool diag_is_unsupported(int err);

/*
 * Decode one SOCK_DIAG_BY_FAMILY reply message into *r, in /proc terms.
 * Pure: no I/O.  Returns 0 or -EINVAL for a short or malformed message.
 */
int diag_decode_inet(
    const struct nlmsghdr *nlh, enum sk_table table, struct sock_rec *r);

/* Bit mask of TCP states for a netstat view (see filter.c). */
uint32_t diag_states_all(void);

#endif
