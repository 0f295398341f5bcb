/*
 * test_iface.c - the -i helpers without ioctls: natural order and merge
 * of the interface list, the /proc/net/dev name and counter parsers for
 * all three layouts, flag texts, byte humanisation, the short row and the
 * hardware-address printers.
 */
#include <arpa/inet.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "iface.h"

void test_group_iface(void);

static void
test_order(void)
{
	/* Inserted shuffled; the spec's observed order comes out. */
	static const char *const in[] = {
		"veth0",
		"eth1:foo",
		"eth10",
		"lo",
		"eth1:10",
		"tun0",
		"eth2",
		"eth1",
		"peth1",
		"eth1:5",
		"eth1",
		"lo",
	};
	static const char *const want[] = {
		"eth1",
		"eth1:5",
		"eth1:10",
		"eth2",
		"eth10",
		"eth1:foo",
		"lo",
		"peth1",
		"tun0",
		"veth0",
	};
	struct iface_list l = { 0 };

	t_begin("iface: natural order and merged duplicates");
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		iface_list_add(&l, in[i]);
	iface_list_sort(&l);
	T_CHECK(l.n == sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < l.n && i < sizeof(want) / sizeof(want[0]); i++)
		T_STREQ(l.v[i].name, want[i]);
	/* A merged entry keeps what was stored in it. */
	struct iface *e = iface_list_add(&l, "eth2");
	e->has_stats = true;
	T_CHECK(iface_list_add(&l, "eth2")->has_stats);
	iface_list_free(&l);
	T_CHECK(iface_name_cmp("eth01", "eth1") != 0);
	T_CHECK(iface_name_cmp("eth0:01", "eth0:1") < 0);
	T_CHECK(iface_name_cmp("a", "aa") < 0);
	T_CHECK(iface_name_cmp("eth2:10", "eth2:1") > 0);
	T_CHECK(iface_name_cmp("a1b12", "a1b2") > 0);
	T_CHECK(iface_name_cmp("a:", "a") > 0);
	T_CHECK(iface_name_cmp("eth13:1", "eth1:0") > 0);
	T_CHECK(iface_name_cmp("lo", "lo") == 0);
	t_end();
}

static void
test_dev_name(void)
{
	char name[IFNAMSIZ];
	const char *rest;

	t_begin("iface: /proc/net/dev names");
	rest = iface_dev_name("  eth0: 1 2 3", name, sizeof(name));
	T_STREQ(name, "eth0");
	T_STREQ(rest, " 1 2 3");
	rest = iface_dev_name(" eth0:5: 7", name, sizeof(name));
	T_STREQ(name, "eth0:5");
	T_STREQ(rest, " 7");
	/* Digits right after the colon are counters, not an alias. */
	rest = iface_dev_name("eth0:123 456", name, sizeof(name));
	T_STREQ(name, "eth0");
	T_STREQ(rest, "123 456");
	/* Fifteen characters: the counters are still found (Debian's build
	 * loses them, which nlnetstat does not copy). */
	rest = iface_dev_name("abcdefghijklmno: 5 6", name, sizeof(name));
	T_STREQ(name, "abcdefghijklmno");
	T_STREQ(rest, " 5 6");
	rest = iface_dev_name("abcdefghijklmnopqrst: 9", name, sizeof(name));
	T_STREQ(name, "abcdefghijklmno");
	T_STREQ(rest, " 9");
	t_end();
}

static void
test_dev_stats(void)
{
	struct iface_stats s;

	t_begin("iface: /proc/net/dev counters, three layouts");
	T_CHECK(iface_dev_version(" face |bytes    packets errs drop fifo "
	                          "frame compressed multicast|bytes") == 3);
	T_CHECK(iface_dev_version(" face |bytes    packets errs drop fifo "
	                          "frame|bytes    packets") == 2);
	T_CHECK(iface_dev_version(" face |packets errs drop fifo frame") == 1);
	memset(&s, 0, sizeof(s));
	iface_dev_stats(" 18446744073709551615 2 3 4 5 6 7 8 9 10 11 12 13 14 "
	                "15 16",
	    3, &s);
	T_CHECK(s.rx_bytes == 18446744073709551615ull);
	T_CHECK(s.rx_packets == 2 && s.rx_fifo == 5 && s.rx_multicast == 8);
	T_CHECK(s.tx_bytes == 9 && s.tx_fifo == 13 && s.collisions == 14);
	T_CHECK(s.tx_carrier == 15 && s.tx_compressed == 16);
	memset(&s, 0, sizeof(s));
	iface_dev_stats("1 2 3 4 5 6 7 8 9 10 11 12 13", 2, &s);
	T_CHECK(s.rx_bytes == 1 && s.rx_frame == 6 && s.tx_bytes == 7);
	T_CHECK(s.tx_carrier == 13 && s.rx_multicast == 0);
	memset(&s, 0, sizeof(s));
	iface_dev_stats("1 2 3 4 5 6 7 8 9 10 11", 1, &s);
	T_CHECK(s.rx_packets == 1 && s.tx_packets == 6 && s.tx_carrier == 11);
	T_CHECK(s.rx_bytes == 0 && s.tx_bytes == 0);
	/* A short line fills what it has; the rest is left alone. */
	s.tx_packets = 42;
	iface_dev_stats(" 7 8 garbage", 3, &s);
	T_CHECK(s.rx_bytes == 7 && s.rx_packets == 8 && s.tx_packets == 42);
	t_end();
}

static void
test_flags(void)
{
	char buf[256];

	t_begin("iface: flag texts");
	iface_flags_short(
	    IFF_UP | IFF_LOOPBACK | IFF_RUNNING, buf, sizeof(buf));
	T_STREQ(buf, "LRU");
	iface_flags_short(IFF_UP | IFF_POINTOPOINT | IFF_NOARP | IFF_MULTICAST,
	    buf, sizeof(buf));
	T_STREQ(buf, "MOPU");
	iface_flags_short(0, buf, sizeof(buf));
	T_STREQ(buf, "[NO FLAGS]");
	iface_flags_short((short)0xffff, buf, sizeof(buf));
	T_STREQ(buf, "ABDLMdPNOPsmRU");
	iface_flags_long(0x1043, buf, sizeof(buf));
	T_STREQ(buf, "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>");
	iface_flags_long(0, buf, sizeof(buf));
	T_STREQ(buf, "flags=0<");
	iface_flags_long(0x2000, buf, sizeof(buf));
	T_STREQ(buf, "flags=8192");
	iface_flags_long((short)0x9043, buf, sizeof(buf));
	T_STREQ(buf, "flags=-28605<UP,BROADCAST,RUNNING,MULTICAST,DYNAMIC>");
	t_end();
}

static const char *
human(uint64_t v)
{
	static char buf[32];

	iface_human(v, buf, sizeof(buf));
	return buf;
}

static void
test_human(void)
{
	t_begin("iface: byte humanisation");
	T_STREQ(human(0), "0.0 B");
	T_STREQ(human(1024), "1024.0 B");
	T_STREQ(human(1025), "1.0 KiB");
	T_STREQ(human(5587), "5.4 KiB");
	T_STREQ(human(1048576), "1024.0 KiB");
	T_STREQ(human(1048577), "1.0 MiB");
	T_STREQ(human(1073741825), "1.0 GiB");
	T_STREQ(human(1099511627777ull), "1.0 TiB");
	T_STREQ(human(1125899906842625ull), "1.0 PiB");
	T_STREQ(human(1152921504606846977ull), "1.0 EiB");
	T_STREQ(human(18446744073709551615ull), "16.0 EiB");
	t_end();
}

static void
test_short_row(void)
{
	struct iface ifc;
	char row[512];

	t_begin("iface: short rows");
	memset(&ifc, 0, sizeof(ifc));
	snprintf(ifc.name, sizeof(ifc.name), "lo");
	ifc.mtu = 65536;
	ifc.flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
	ifc.has_stats = true;
	ifc.st.rx_packets = 29;
	ifc.st.tx_packets = 29;
	iface_format_short(&ifc, row, sizeof(row));
	/* The row net-tools printed for these values. */
	T_STREQ(row, "lo              65536       29      0      0 0        "
	             "    29      0      0      0 LRU\n");
	/* Alias rows have no counters; control bytes are escaped. */
	snprintf(ifc.name, sizeof(ifc.name), "ab\033c:5");
	ifc.has_stats = false;
	ifc.mtu = 1500;
	iface_format_short(&ifc, row, sizeof(row));
	T_STREQ(row, "ab?c:5           1500      - no statistics available - "
	             "                       LRU\n");
	t_end();
}

static const char *
hw(int type, const char *bytes, size_t n, const char **title)
{
	static struct iface ifc;
	static char buf[160];

	memset(&ifc, 0, sizeof(ifc));
	ifc.hwtype = type;
	memcpy(ifc.hwaddr, bytes, n);
	iface_hw_text(&ifc, buf, sizeof(buf), title);
	return buf;
}

static void
test_hw(void)
{
	const char *title;
	const char *b = "\x01\x23\x45\x67\x89\xab\xcd\xef";

	t_begin("iface: hardware types");
	T_STREQ(hw(ARPHRD_ETHER, b, 8, &title), "ether 01:23:45:67:89:ab");
	T_STREQ(title, "Ethernet");
	T_STREQ(hw(ARPHRD_LOOPBACK, b, 8, &title), "loop");
	T_STREQ(title, "Local Loopback");
	T_STREQ(hw(ARPHRD_NONE, b, 8, &title),
	    "unspec 01-23-45-67-89-AB-CD-EF-00-00-00-00-00-00-00-00");
	T_STREQ(title, "UNSPEC");
	T_STREQ(hw(ARPHRD_TUNNEL, b, 8, &title), "tunnel ");
	T_STREQ(
	    hw(ARPHRD_EUI64, b, 8, &title), "eui64 01:23:45:67:89:AB:CD:EF");
	T_STREQ(hw(ARPHRD_FDDI, b, 8, &title), "fddi 01-23-45-67-89-AB");
	T_STREQ(hw(ARPHRD_IRDA, b, 8, &title), "irda 67:45:23:01");
	T_STREQ(hw(ARPHRD_DLCI, b, 8, &title), "dlci 8961");
	T_STREQ(hw(ARPHRD_AX25, "\x82\x84\x86\x88\x90\x40\x0e", 7, &title),
	    "ax25 ABCDH-7");
	T_STREQ(hw(ARPHRD_X25,
	            "AB\x01"
	            "C",
	            4, &title),
	    "x25 AB?C");
	T_STREQ(hw(ARPHRD_SIT, b, 8, &title), "sit");
	T_STREQ(title, "IPv6-in-IPv4");
	/* InfiniBand is not in net-tools 2.10 as Debian builds it. */
	T_STREQ(hw(ARPHRD_INFINIBAND, b, 8, &title),
	    "unspec 01-23-45-67-89-AB-CD-EF-00-00-00-00-00-00-00-00");
	t_end();
}

void
test_group_iface(void)
{
	test_order();
	test_dev_name();
	test_dev_stats();
	test_flags();
	test_human();
	test_short_row();
	test_hw();
}
