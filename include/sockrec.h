/*
 * sockrec.h - the one socket record every source fills (sock_diag in diag.c,
 * the /proc/net files in procnet.c) and the filter and formatter read.
 * Values are already in /proc's meaning: host-order ports, the state number
 * the /proc file would show, timers in milliseconds.
 */
#ifndef NLNETSTAT_SOCKREC_H
#define NLNETSTAT_SOCKREC_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

enum sk_table {
	SKT_TCP,
	SKT_UDP,
	SKT_UDPLITE,
	SKT_RAW,
	SKT_UNIX,
	SKT_COUNT,
};

/* TCP states as the kernel numbers them (and /proc/net/tcp prints them). */
enum sk_state {
	SK_ESTABLISHED = 1,
	SK_SYN_SENT = 2,
	SK_SYN_RECV = 3,
	SK_FIN_WAIT1 = 4,
	SK_FIN_WAIT2 = 5,
	SK_TIME_WAIT = 6,
	SK_CLOSE = 7,
	SK_CLOSE_WAIT = 8,
	SK_LAST_ACK = 9,
	SK_LISTEN = 10,
	SK_CLOSING = 11,
};

/* /proc/net/unix "St" values (socket states, SS_*). */
enum sk_unix_state {
	SKU_FREE = 0,
	SKU_UNCONNECTED = 1,
	SKU_CONNECTING = 2,
	SKU_CONNECTED = 3,
	SKU_DISCONNECTING = 4,
};

/* /proc/net/unix Flags bit for a listening socket (__SO_ACCEPTCON). */
#define SKU_FLAG_ACC 0x10000u
#define SKU_FLAG_W 0x20000u
#define SKU_FLAG_N 0x40000u

/* Optional fields that hold real data. */
#define HAVE_TIMER_DETAIL 0x1u /* retrans and probes are exact */
#define HAVE_PEER 0x2u         /* unix peer inode known */
#define HAVE_BACKLOG 0x4u      /* TCP listener: backlog limit known */
#define HAVE_NO_REFCNT 0x8u    /* unix: RefCnt unknown (no /proc/net/unix) */

struct sock_rec {
	uint8_t family; /* AF_INET, AF_INET6, AF_UNIX */
	uint8_t table;  /* enum sk_table */
	uint8_t state;  /* inet: kernel sk_state; unix: enum sk_unix_state */
	uint8_t timer;  /* 0 off, 1 on, 2 keepalive, 3 timewait, 4 probe */
	uint16_t lport; /* host order; raw: the protocol number */
	uint16_t rport; /* host order */
	struct in6_addr laddr; /* IPv4 in the first 4 bytes, network order */
	struct in6_addr raddr;
	uint64_t rxq, txq; /* Recv-Q and Send-Q as /proc shows them */
	uint64_t timer_ms; /* time until the timer fires */
	uint32_t retrans;  /* retransmits (the middle -o number) */
	uint32_t probes;   /* timeout/probes (the last -o number) */
	uint32_t uid;
	uint64_t inode;
	uint32_t backlog; /* TCP listener's accept-queue limit (HAVE_BACKLOG) */
	/* UNIX only */
	uint32_t refcnt;
	uint32_t unix_proto;
	uint32_t unix_flags; /* SKU_FLAG_* */
	uint32_t unix_type;  /* SOCK_STREAM, SOCK_DGRAM, ... */
	const char *path;    /* bound name as /proc prints it, or NULL */
	size_t path_len;
	uint64_t peer_inode; /* HAVE_PEER */
	unsigned have;       /* HAVE_* bits */
};

/* Sources push each record into a sink; a negative return stops the dump. */
typedef int (*sock_sink_fn)(const struct sock_rec *rec, void *ctx);

/* True when the address (family-sized) is all zero. */
static inline int
sockrec_addr_is_zero(const struct sock_rec *r, const struct in6_addr *a)
{
	if (r->family == AF_INET)
		return a->s6_addr32[0] == 0;
	return a->s6_addr32[0] == 0 && a->s6_addr32[1] == 0 &&
	       a->s6_addr32[2] == 0 && a->s6_addr32[3] == 0;
}

#endif
