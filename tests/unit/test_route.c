/*
 * test_route.c - the -r helpers without /proc or a resolver: the -e
 * layout selector, the three flag-letter tables, the address reader and
 * the header-driven sscanf format (extra, missing and reordered columns).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "fmt_route.h"
#include "route.h"

void test_group_route(void);

static const struct route_col fib_cols[] = {
	{ "Iface", "%15s" },
	{ "Destination", "%127s" },
	{ "Gateway", "%127s" },
	{ "Flags", "%X" },
	{ "RefCnt", "%d" },
	{ "Use", "%d" },
	{ "Metric", "%d" },
	{ "Mask", "%127s" },
	{ "MTU", "%d" },
	{ "Window", "%d" },
	{ "IRTT", "%d" },
};
#define NFIB (sizeof(fib_cols) / sizeof(fib_cols[0]))

static void
test_ext(void)
{
	/* -e count 0..8: net-tools' swap of 1 and 2, then "& 3". */
	static const int want[] = { 2, 1, 3, 0, 1, 2, 3, 0, 1 };

	t_begin("route: -e count to layout");
	for (int e = 0; e < 9; e++)
		T_CHECK(fmt_route_ext(e) == want[e]);
	t_end();
}

static const char *
fib(unsigned flags)
{
	static char buf[64];

	fmt_route_flags_fib(flags, buf, sizeof(buf));
	return buf;
}

static void
test_flags_fib(void)
{
	t_begin("route: FIB flag letters");
	T_STREQ(fib(0x0001), "U");
	T_STREQ(fib(0x0003), "UG");
	T_STREQ(fib(0x0005), "UH");
	/* Reject replaces what came before it, later letters follow. */
	T_STREQ(fib(0x0201), "!");
	T_STREQ(fib(0x0207), "!H");
	T_STREQ(fib(0xffffffff), "!HRDMdacoecfpluwin");
	T_STREQ(fib(0x87e701ff), "UGHRDMdacoecfpluwi");
	T_STREQ(fib(0), "");
	t_end();
}

static void
test_flags_cache_and_v6(void)
{
	char buf[64];

	t_begin("route: cache and IPv6 flag letters");
	fmt_route_flags_cache(0x80000003, buf, sizeof(buf));
	T_STREQ(buf, "G-l");
	fmt_route_flags_cache(0x00000201, buf, sizeof(buf));
	T_STREQ(buf, "!-");
	fmt_route_flags_cache(0xffffffff, buf, sizeof(buf));
	T_STREQ(buf, "!RDM-ondtfqNsriNdbm#l");
	fmt_route_flags_cache(0x0000000f, buf, sizeof(buf));
	T_STREQ(buf, "GR-o");
	fmt_route_flags6(0x00000001, buf, sizeof(buf));
	T_STREQ(buf, "U");
	fmt_route_flags6(0x00200001, buf, sizeof(buf));
	T_STREQ(buf, "Un");
	fmt_route_flags6(0x00200200, buf, sizeof(buf));
	T_STREQ(buf, "!n");
	fmt_route_flags6(0x01000003, buf, sizeof(buf));
	T_STREQ(buf, "UGC");
	fmt_route_flags6(0xffffffff, buf, sizeof(buf));
	T_STREQ(buf, "U!GHDACaemnf");
	/* A short buffer is cut, never overrun. */
	fmt_route_flags_fib(0xffffffff, buf, 4);
	T_STREQ(buf, "!HR");
	t_end();
}

static void
test_hex4(void)
{
	uint32_t a = 0x12345678;
	char text[16];

	t_begin("route: /proc hex addresses");
	T_CHECK(route_hex4("0100007F", &a));
	inet_ntop(AF_INET, &a, text, sizeof(text));
	T_STREQ(text, "127.0.0.1");
	T_CHECK(route_hex4("7f000001", &a));
	inet_ntop(AF_INET, &a, text, sizeof(text));
	T_STREQ(text, "1.0.0.127");
	/* Only the first eight digits count. */
	T_CHECK(route_hex4("1234567890", &a));
	T_CHECK(a == 0x12345678);
	/* Unreadable texts leave the old value. */
	T_CHECK(!route_hex4("7F", &a));
	T_CHECK(!route_hex4("0x7F0000", &a));
	T_CHECK(!route_hex4("0100A8CG", &a));
	T_CHECK(!route_hex4("", &a));
	T_CHECK(a == 0x12345678);
	t_end();
}

static void
test_fmt_build(void)
{
	char fmt[512];
	const char *missing = NULL;

	t_begin("route: header-driven format");
	T_CHECK(route_fmt_build("Iface\tDestination\tGateway \tFlags\tRefCnt\t"
	                        "Use\tMetric\tMask\t\tMTU\tWindow\tIRTT   \n",
	            fib_cols, NFIB, fmt, sizeof(fmt), &missing) == 0);
	T_STREQ(fmt, "%15s %127s %127s %X %d %d %d %127s %d %d %d");
	/* Unknown titles are skipped with "%*s". */
	T_CHECK(route_fmt_build("Iface Foo Destination Gateway Flags RefCnt "
	                        "Use Metric Mask MTU Window IRTT Extra",
	            fib_cols, NFIB, fmt, sizeof(fmt), &missing) == 0);
	T_STREQ(fmt, "%15s %*s %127s %127s %X %d %d %d %127s %d %d %d %*s");
	/* A missing title is reported by name. */
	T_CHECK(route_fmt_build("Iface Destination Gateway Flags RefCnt Use "
	                        "Metric Mask MTU IRTT",
	            fib_cols, NFIB, fmt, sizeof(fmt), &missing) == -1);
	T_STREQ(missing, "Window");
	/* Titles must come in order: Destination first hides Iface's. */
	T_CHECK(route_fmt_build("Destination Iface Gateway Flags RefCnt Use "
	                        "Metric Mask MTU Window IRTT",
	            fib_cols, NFIB, fmt, sizeof(fmt), &missing) == -1);
	T_STREQ(missing, "Destination");
	/* Case matters. */
	T_CHECK(route_fmt_build(
	            "iface", fib_cols, NFIB, fmt, sizeof(fmt), &missing) == -1);
	T_STREQ(missing, "Iface");
	T_CHECK(route_fmt_build(
	            "", fib_cols, NFIB, fmt, sizeof(fmt), &missing) == -1);
	T_STREQ(missing, "Iface");
	t_end();
}

static void
test_fmt_parse(void)
{
	char fmt[512], iface[16], dst[128], gw[128], mask[128];
	const char *missing;
	unsigned flags = 0;
	int ref, use, metric, mtu, window, irtt = 77;

	t_begin("route: built format reads a kernel line");
	route_fmt_build("Iface Destination Gateway Flags RefCnt Use Metric "
	                "Mask MTU Window IRTT",
	    fib_cols, NFIB, fmt, sizeof(fmt), &missing);
	int n = sscanf("eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000"
	               "\t1500\t0\t0",
	    fmt, iface, dst, gw, &flags, &ref, &use, &metric, mask, &mtu,
	    &window, &irtt);
	T_CHECK(n == 11);
	T_STREQ(iface, "eth0");
	T_STREQ(gw, "010200C0");
	T_CHECK(flags == 3 && metric == 100 && mtu == 1500 && irtt == 0);
	/* Ten fields are enough for net-tools; IRTT keeps its value. */
	irtt = 77;
	n = sscanf("lo 0100007F 00000000 0005 1 2 3 FFFFFFFF 40 0", fmt, iface,
	    dst, gw, &flags, &ref, &use, &metric, mask, &mtu, &window, &irtt);
	T_CHECK(n == 10 && irtt == 77);
	t_end();
}

void
test_group_route(void)
{
	test_ext();
	test_flags_fib();
	test_flags_cache_and_v6();
	test_hex4();
	test_fmt_build();
	test_fmt_parse();
}
