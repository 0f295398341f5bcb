/*
 * rtnl.c - the rtnetlink side of -i: one RTM_GETLINK dump and one AF_INET
 * RTM_GETADDR dump through libmnl, decoded into the values the SIOCGIF*
 * ioctls and /proc/net/dev give for the same devices (counters folded as
 * the kernel folds them for /proc/net/dev).
 */
#include "rtnl.h"

#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#ifndef MNL_SOCKET_DUMP_SIZE
#define MNL_SOCKET_DUMP_SIZE 32768
#endif

/* Attribute table callback: keep each known attribute, last one wins. */
struct attr_tab {
	const struct nlattr **tb;
	unsigned max;
};

static int
attr_keep(const struct nlattr *a, void *data)
{
	struct attr_tab *t = data;
	unsigned type = mnl_attr_get_type(a);

	if (type <= t->max)
		t->tb[type] = a;
	return MNL_CB_OK;
}

/* The name of an IFNAMSIZ string attribute, cut at its first NUL. */
static void
attr_name(const struct nlattr *a, char *buf, size_t len)
{
	size_t n = mnl_attr_get_payload_len(a);

	if (n >= len)
		n = len - 1;
	memcpy(buf, mnl_attr_get_payload(a), n);
	buf[n] = '\0';
	buf[strnlen(buf, len)] = '\0';
}

/* An attribute's payload into dst[0..size), cut or zero-filled to size. */
static void
attr_copy(const struct nlattr *a, void *dst, size_t size)
{
	size_t n = mnl_attr_get_payload_len(a);

	memset(dst, 0, size);
	memcpy(dst, mnl_attr_get_payload(a), n < size ? n : size);
}

/*
 * The fixed header of a message of type and its attributes into tb[0..max]
 * (zeroed first).  Returns the header, or NULL for another type, a short
 * message or bad attributes.
 */
static const void *
msg_parse(const struct nlmsghdr *nlh, uint16_t type, size_t hdrlen,
    const struct nlattr **tb, unsigned max)
{
	struct attr_tab t = { tb, max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (nlh->nlmsg_type != type ||
	    nlh->nlmsg_len < mnl_nlmsg_size(hdrlen) ||
	    mnl_attr_parse(nlh, (unsigned)hdrlen, attr_keep, &t) < 0)
		return NULL;
	return mnl_nlmsg_get_payload(nlh);
}

/* /proc/net/dev's sums (net/core/net-procfs.c) of the 64-bit counters. */
static void
link_stats_sum(const struct rtnl_link_stats64 *s, struct iface_stats *st)
{
	st->rx_bytes = s->rx_bytes;
	st->rx_packets = s->rx_packets;
	st->rx_errors = s->rx_errors;
	st->rx_dropped = s->rx_dropped + s->rx_missed_errors;
	st->rx_fifo = s->rx_fifo_errors;
	st->rx_frame = s->rx_length_errors + s->rx_over_errors +
	               s->rx_crc_errors + s->rx_frame_errors;
	st->rx_compressed = s->rx_compressed;
	st->rx_multicast = s->multicast;
	st->tx_bytes = s->tx_bytes;
	st->tx_packets = s->tx_packets;
	st->tx_errors = s->tx_errors;
	st->tx_dropped = s->tx_dropped;
	st->tx_fifo = s->tx_fifo_errors;
	st->collisions = s->collisions;
	st->tx_carrier = s->tx_carrier_errors + s->tx_aborted_errors +
	                 s->tx_window_errors + s->tx_heartbeat_errors;
	st->tx_compressed = s->tx_compressed;
}

static void
link_stats64(const struct nlattr *a, struct iface_stats *st)
{
	struct rtnl_link_stats64 s;

	attr_copy(a, &s, sizeof(s));
	link_stats_sum(&s, st);
}

/*
 * The same from the 32-bit block, for kernels without IFLA_STATS64: its
 * first 23 counters are the 64-bit block's, in the same order.
 */
static void
link_stats32(const struct nlattr *a, struct iface_stats *st)
{
	uint32_t v[sizeof(struct rtnl_link_stats) / sizeof(uint32_t)];
	uint64_t w[sizeof(struct rtnl_link_stats64) / sizeof(uint64_t)];
	struct rtnl_link_stats64 s;

	_Static_assert(sizeof(v) / sizeof(v[0]) <= sizeof(w) / sizeof(w[0]),
	    "the 32-bit block is a prefix of the 64-bit one");
	attr_copy(a, v, sizeof(v));
	memset(w, 0, sizeof(w));
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		w[i] = v[i];
	memcpy(&s, w, sizeof(s));
	link_stats_sum(&s, st);
}

static void
link_map(const struct nlattr *a, struct rtnl_link *l)
{
	struct rtnl_link_ifmap m;

	attr_copy(a, &m, sizeof(m));
	l->has_map = true;
	l->map.mem_start = (unsigned long)m.mem_start;
	l->map.mem_end = (unsigned long)m.mem_end;
	l->map.base_addr = (unsigned short)m.base_addr;
	l->map.irq = (unsigned char)m.irq;
	l->map.dma = m.dma;
	l->map.port = m.port;
}

static uint32_t
attr_u32_or(const struct nlattr *a, uint32_t dflt)
{
	if (a == NULL || mnl_attr_get_payload_len(a) < sizeof(uint32_t))
		return dflt;
	return mnl_attr_get_u32(a);
}

int
rtnl_link_parse(const struct nlmsghdr *nlh, struct rtnl_link *out)
{
	const struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi =
	    msg_parse(nlh, RTM_NEWLINK, sizeof(struct ifinfomsg), tb, IFLA_MAX);

	if (ifi == NULL || tb[IFLA_IFNAME] == NULL)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	out->index = ifi->ifi_index;
	out->flags = ifi->ifi_flags;
	out->type = ifi->ifi_type;
	attr_name(tb[IFLA_IFNAME], out->name, sizeof(out->name));
	out->mtu = (int)attr_u32_or(tb[IFLA_MTU], 0);
	out->txqlen =
	    tb[IFLA_TXQLEN] != NULL ? (int)attr_u32_or(tb[IFLA_TXQLEN], 0) : -1;
	if (tb[IFLA_ADDRESS] != NULL)
		attr_copy(tb[IFLA_ADDRESS], out->hwaddr, sizeof(out->hwaddr));
	if (tb[IFLA_MAP] != NULL)
		link_map(tb[IFLA_MAP], out);
	if (tb[IFLA_STATS64] != NULL) {
		link_stats64(tb[IFLA_STATS64], &out->st);
		out->has_stats = true;
	} else if (tb[IFLA_STATS] != NULL) {
		link_stats32(tb[IFLA_STATS], &out->st);
		out->has_stats = true;
	}
	return 0;
}

static uint32_t
attr_in4(const struct nlattr *a)
{
	uint32_t v = 0;

	if (a != NULL && mnl_attr_get_payload_len(a) >= sizeof(v))
		memcpy(&v, mnl_attr_get_payload(a), sizeof(v));
	return v;
}

int
rtnl_addr4_parse(const struct nlmsghdr *nlh, struct rtnl_addr4 *out)
{
	const struct nlattr *tb[IFA_MAX + 1];
	const struct ifaddrmsg *ifa =
	    msg_parse(nlh, RTM_NEWADDR, sizeof(struct ifaddrmsg), tb, IFA_MAX);

	if (ifa == NULL || ifa->ifa_family != AF_INET || tb[IFA_LABEL] == NULL)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	out->index = (int)ifa->ifa_index;
	out->prefixlen = ifa->ifa_prefixlen;
	attr_name(tb[IFA_LABEL], out->label, sizeof(out->label));
	out->local = attr_in4(tb[IFA_LOCAL]);
	out->address = attr_in4(tb[IFA_ADDRESS]);
	out->broadcast = attr_in4(tb[IFA_BROADCAST]);
	return 0;
}

/* What one dump hands to the callbacks. */
struct dump_ctx {
	rtnl_link_fn *link_fn;
	rtnl_addr4_fn *addr_fn;
	void *ctx;
	int err; /* < 0 once a callback failed */
};

static int
dump_one(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *d = data;
	struct rtnl_link link;
	struct rtnl_addr4 addr;
	int rc = 0;

	if (d->link_fn != NULL && rtnl_link_parse(nlh, &link) == 0)
		rc = d->link_fn(&link, d->ctx);
	else if (d->addr_fn != NULL && rtnl_addr4_parse(nlh, &addr) == 0)
		rc = d->addr_fn(&addr, d->ctx);
	if (rc < 0) {
		d->err = rc;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

/* One dump request of type (family) and its replies; 0 or -errno. */
static int
dump_run(struct mnl_socket *nl, uint16_t type, uint8_t family,
    struct dump_ctx *d, char *buf)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	unsigned portid = mnl_socket_get_portid(nl);
	unsigned seq = (unsigned)time(NULL) ^ type;
	struct rtgenmsg *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq;
	/* The request's own header, zeroed but for the family. */
	g = mnl_nlmsg_put_extra_header(nlh, type == RTM_GETLINK
	                                        ? sizeof(struct ifinfomsg)
	                                        : sizeof(struct ifaddrmsg));
	g->rtgen_family = family;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, MNL_SOCKET_DUMP_SIZE);

		if (n < 0)
			return -errno;
		int rc = mnl_cb_run(buf, (size_t)n, seq, portid, dump_one, d);
		if (rc == MNL_CB_STOP)
			return 0;
		if (rc < 0)
			return d->err < 0 ? d->err : -errno;
	}
}

int
rtnl_dump(rtnl_link_fn *link_fn, rtnl_addr4_fn *addr_fn, void *ctx)
{
	struct mnl_socket *nl = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	struct dump_ctx d = { link_fn, NULL, ctx, 0 };
	char *buf;
	int rc;

	if (nl == NULL)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		rc = -errno;
		mnl_socket_close(nl);
		return rc;
	}
	buf = xmalloc(MNL_SOCKET_DUMP_SIZE);
	rc = dump_run(nl, RTM_GETLINK, AF_UNSPEC, &d, buf);
	if (rc == 0 && addr_fn != NULL) {
		d.link_fn = NULL;
		d.addr_fn = addr_fn;
		rc = dump_run(nl, RTM_GETADDR, AF_INET, &d, buf);
	}
	free(buf);
	mnl_socket_close(nl);
	return rc;
}
