/*
 * test_rtnl.c - the rtnetlink decoders of -i on hand-built messages: a
 * link with 64-bit counters folded as /proc/net/dev folds them, the
 * 32-bit fallback, the device map and hardware address, and IPv4
 * address records with labels; other families and short messages refused.
 */
#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if_arp.h>
#include <string.h>

#include "harness.h"
#include "rtnl.h"

void test_group_rtnl(void);

static struct nlmsghdr *
link_msg(char *buf, bool stats64)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	static const unsigned char mac[6] = { 2, 0, 0, 0xaa, 0xbb, 0xcc };

	nlh->nlmsg_type = RTM_NEWLINK;
	ifi->ifi_index = 7;
	ifi->ifi_type = ARPHRD_ETHER;
	ifi->ifi_flags = 0x11043; /* IFF_LOWER_UP above the 16 bits */
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "veth7");
	mnl_attr_put_u32(nlh, IFLA_MTU, 9000);
	mnl_attr_put_u32(nlh, IFLA_TXQLEN, 500);
	mnl_attr_put(nlh, IFLA_ADDRESS, sizeof(mac), mac);
	struct rtnl_link_ifmap map = { .mem_start = 0xd0000,
		.mem_end = 0xdffff,
		.base_addr = 0x300,
		.irq = 11,
		.dma = 3,
		.port = 4 };
	mnl_attr_put(nlh, IFLA_MAP, sizeof(map), &map);
	if (stats64) {
		struct rtnl_link_stats64 s;

		memset(&s, 0, sizeof(s));
		s.rx_packets = 10;
		s.rx_bytes = 5000000000ull;
		s.rx_dropped = 1;
		s.rx_missed_errors = 2;
		s.rx_length_errors = 1;
		s.rx_crc_errors = 2;
		s.rx_frame_errors = 3;
		s.rx_over_errors = 4;
		s.tx_carrier_errors = 1;
		s.tx_aborted_errors = 2;
		s.tx_window_errors = 3;
		s.tx_heartbeat_errors = 4;
		s.multicast = 6;
		s.rx_compressed = 7;
		s.tx_compressed = 8;
		s.collisions = 9;
		mnl_attr_put(nlh, IFLA_STATS64, sizeof(s), &s);
	} else {
		struct rtnl_link_stats s;

		memset(&s, 0, sizeof(s));
		s.rx_packets = 12;
		s.rx_dropped = 4;
		s.rx_missed_errors = 4;
		mnl_attr_put(nlh, IFLA_STATS, sizeof(s), &s);
	}
	return nlh;
}

static void
test_link(void)
{
	char buf[4096];
	struct rtnl_link l;

	t_begin("rtnl: link record, counters folded as /proc/net/dev");
	T_CHECK(rtnl_link_parse(link_msg(buf, true), &l) == 0);
	T_STREQ(l.name, "veth7");
	T_CHECK(l.index == 7 && l.mtu == 9000 && l.txqlen == 500);
	T_CHECK(l.type == ARPHRD_ETHER && l.flags == 0x11043);
	T_CHECK((short)l.flags == 0x1043);
	T_CHECK(l.hwaddr[3] == 0xaa && l.hwaddr[5] == 0xcc && l.hwaddr[6] == 0);
	T_CHECK(l.has_map && l.map.irq == 11 && l.map.base_addr == 0x300 &&
	        l.map.mem_start == 0xd0000 && l.map.dma == 3 &&
	        l.map.port == 4);
	T_CHECK(l.has_stats && l.st.rx_packets == 10);
	T_CHECK(l.st.rx_bytes == 5000000000ull);
	T_CHECK(l.st.rx_dropped == 3);  /* dropped + missed */
	T_CHECK(l.st.rx_frame == 10);   /* length + over + crc + frame */
	T_CHECK(l.st.tx_carrier == 10); /* carrier + aborted + window + hb */
	T_CHECK(l.st.rx_multicast == 6 && l.st.rx_compressed == 7 &&
	        l.st.tx_compressed == 8 && l.st.collisions == 9);
	T_CHECK(rtnl_link_parse(link_msg(buf, false), &l) == 0);
	T_CHECK(l.has_stats && l.st.rx_packets == 12 && l.st.rx_dropped == 8);
	t_end();
}

/* A link message carrying one stats block whose counters are 1, 2, 3... */
static struct nlmsghdr *
link_counted(char *buf, bool stats64)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));

	nlh->nlmsg_type = RTM_NEWLINK;
	ifi->ifi_index = 9;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "c9");
	if (stats64) {
		uint64_t v[sizeof(struct rtnl_link_stats) / sizeof(uint32_t)];
		struct rtnl_link_stats64 s;

		memset(&s, 0, sizeof(s));
		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			v[i] = i + 1;
		memcpy(&s, v, sizeof(v));
		mnl_attr_put(nlh, IFLA_STATS64, sizeof(s), &s);
	} else {
		uint32_t v[sizeof(struct rtnl_link_stats) / sizeof(uint32_t)];

		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			v[i] = (uint32_t)i + 1;
		mnl_attr_put(nlh, IFLA_STATS, sizeof(v), v);
	}
	return nlh;
}

/* Every counter of the 32-bit block lands where the 64-bit one puts it. */
static void
test_link_stats32(void)
{
	char buf[4096];
	struct rtnl_link a, b;

	t_begin("rtnl: 32-bit counters fold like the 64-bit ones");
	T_CHECK(rtnl_link_parse(link_counted(buf, true), &a) == 0);
	T_CHECK(rtnl_link_parse(link_counted(buf, false), &b) == 0);
	T_CHECK(a.has_stats && b.has_stats);
	T_CHECK(memcmp(&a.st, &b.st, sizeof(a.st)) == 0);
	T_CHECK(b.st.rx_packets == 1 && b.st.tx_packets == 2);
	T_CHECK(b.st.rx_bytes == 3 && b.st.tx_compressed == 23);
	T_CHECK(b.st.rx_dropped == 7 + 16);          /* dropped + missed */
	T_CHECK(b.st.rx_frame == 11 + 12 + 13 + 14); /* length..frame */
	t_end();
}

static struct nlmsghdr *
addr_msg(char *buf, int family, const char *label)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifaddrmsg *ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));

	nlh->nlmsg_type = RTM_NEWADDR;
	ifa->ifa_family = (unsigned char)family;
	ifa->ifa_prefixlen = 24;
	ifa->ifa_index = 3;
	mnl_attr_put_u32(nlh, IFA_LOCAL, htonl(0xc0000201));
	mnl_attr_put_u32(nlh, IFA_ADDRESS, htonl(0xc0000202));
	mnl_attr_put_u32(nlh, IFA_BROADCAST, htonl(0xc00002ff));
	if (label != NULL)
		mnl_attr_put_strz(nlh, IFA_LABEL, label);
	return nlh;
}

static void
test_addr(void)
{
	char buf[1024];
	struct rtnl_addr4 a;
	struct rtnl_link l;

	t_begin("rtnl: IPv4 address record with its label");
	T_CHECK(rtnl_addr4_parse(addr_msg(buf, AF_INET, "eth0:5"), &a) == 0);
	T_STREQ(a.label, "eth0:5");
	T_CHECK(a.index == 3 && a.prefixlen == 24);
	T_CHECK(a.local == htonl(0xc0000201) &&
	        a.address == htonl(0xc0000202) &&
	        a.broadcast == htonl(0xc00002ff));
	/* Other families, no label, the wrong type: refused. */
	T_CHECK(rtnl_addr4_parse(addr_msg(buf, AF_INET6, "eth0"), &a) < 0);
	T_CHECK(rtnl_addr4_parse(addr_msg(buf, AF_INET, NULL), &a) < 0);
	T_CHECK(rtnl_link_parse(addr_msg(buf, AF_INET, "eth0"), &l) < 0);
	T_CHECK(rtnl_addr4_parse(link_msg(buf, true), &a) < 0);
	/* A header cut short. */
	struct nlmsghdr *nlh = addr_msg(buf, AF_INET, "eth0");
	nlh->nlmsg_len = sizeof(*nlh) + 2;
	T_CHECK(rtnl_addr4_parse(nlh, &a) < 0);
	t_end();
}

void
test_group_rtnl(void)
{
	test_link();
	test_link_stats32();
	test_addr();
}
