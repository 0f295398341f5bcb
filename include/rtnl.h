/*
 * rtnl.h - rtnetlink dumps for -i: links (RTM_GETLINK, with the counters
 * /proc/net/dev would print) and IPv4 addresses with their labels
 * (RTM_GETADDR), decoded into plain records.  The decoders are exported so
 * that the unit tests and the fuzz target can feed them messages.
 */
#ifndef NLNETSTAT_RTNL_H
#define NLNETSTAT_RTNL_H

#include <linux/netlink.h>
#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "iface.h"

/* One link: what the SIOCGIF* ioctls and /proc/net/dev give for it. */
struct rtnl_link {
	int index;
	char name[IFNAMSIZ];
	unsigned flags; /* dev_get_flags(), as SIOCGIFFLAGS */
	int mtu;
	int type;                /* ARPHRD_* */
	unsigned char hwaddr[8]; /* first 8 address bytes, rest 0 */
	bool has_map;
	struct ifmap map;
	int txqlen; /* -1 when not reported */
	bool has_stats;
	struct iface_stats st; /* folded as /proc/net/dev folds them */
};

/* One IPv4 address: the fields of struct in_ifaddr the ioctls return. */
struct rtnl_addr4 {
	int index;
	char label[IFNAMSIZ];
	uint32_t local, address, broadcast; /* network order, 0 if absent */
	uint8_t prefixlen;
};

typedef int rtnl_link_fn(const struct rtnl_link *link, void *ctx);
typedef int rtnl_addr4_fn(const struct rtnl_addr4 *addr, void *ctx);

/*
 * Decode one RTM_NEWLINK message into *out.  Returns 0, or -EINVAL when
 * the message is not a usable link (too short, no name).
 */
int rtnl_link_parse(const struct nlmsghdr *nlh, struct rtnl_link *out);
/* Decode one AF_INET RTM_NEWADDR message; 0 or -EINVAL (other families). */
int rtnl_addr4_parse(const struct nlmsghdr *nlh, struct rtnl_addr4 *out);

/*
 * Dump every link, then (when addr_fn is not NULL) every IPv4 address of
 * the current network namespace, over one rtnetlink socket opened here
 * and closed before returning.  Callbacks returning < 0 stop the dump.
 * Returns 0, or -errno when rtnetlink is refused or a dump fails (the
 * caller then falls back to /proc and the ioctls).
 */
int rtnl_dump(rtnl_link_fn *link_fn, rtnl_addr4_fn *addr_fn, void *ctx);

#endif
