/*
 * test_route_fast.c - the -r fast path against the general code it
 * replaces: route_fast_fib_scan() against sscanf() on plain and unusual
 * /proc/net/route lines, route_fast_fib_row() against snprintf(), and
 * route_fast_ntoa() against inet_ntop().
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "route_fast.h"

void test_group_route_fast(void);

struct fib_fields {
	char iface[16], dst[128], gw[128], mask[128];
	unsigned flags;
	int refcnt, use, metric, mtu, window, irtt;
};

static int
scan_fast(const char *line, struct fib_fields *f)
{
	return route_fast_fib_scan(line, f->iface, f->dst, f->gw, &f->flags,
	    &f->refcnt, &f->use, &f->metric, f->mask, &f->mtu, &f->window,
	    &f->irtt);
}

static int
scan_slow(const char *line, struct fib_fields *f)
{
	return sscanf(line, ROUTE_FAST_FIB_FMT, f->iface, f->dst, f->gw,
	    &f->flags, &f->refcnt, &f->use, &f->metric, f->mask, &f->mtu,
	    &f->window, &f->irtt);
}

static void
test_scan(void)
{
	static const char *const plain[] = {
		"eth0\t00000000\t0102A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0",
		"veth1\t0000FEA9\t00000000\t0001\t0\t0\t1000\t0000FFFF\t0\t0\t0"
		"  ",
		"abcdefghijklmno 0A000000 00000000 0201 -1 5 -20 000000FF 1500 "
		"64 300 extra",
	};
	static const char *const unusual[] = {
		"abcdefghijklmnop\t00000000\t00000000\t0001\t0\t0\t0\t0\t0\t0\t"
		"0",
		"eth0\t00000000\t00000000\t0x1\t0\t0\t0\t00000000\t0\t0\t0",
		"eth0\t00000000\t00000000\t0001\t+5\t0\t0\t00000000\t0\t0\t0",
		"eth0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0",
		"eth0\t00000000\t00000000\t0001\t0\t0\t12345678901\t0\t0\t0\t0",
		"eth0\t00000000\t00000000\t000000001\t0\t0\t0\t0\t0\t0\t0",
		"",
	};
	struct fib_fields a, b;

	t_begin("route_fast: plain lines read as sscanf reads them");
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		T_CHECK(scan_fast(plain[i], &a) == 11);
		T_CHECK(scan_slow(plain[i], &b) == 11);
		T_CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	}
	/* Unusual lines are declined and leave the fields untouched. */
	for (size_t i = 0; i < sizeof(unusual) / sizeof(unusual[0]); i++) {
		memset(&a, 0x5a, sizeof(a));
		memset(&b, 0x5a, sizeof(b));
		T_CHECK(scan_fast(unusual[i], &a) == -1);
		T_CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	}
	t_end();
}

static void
test_row(void)
{
	static const int nums[] = { 0, 1, -1, 99999, 100000, -12345, 2147483647,
		-2147483647 - 1, 42 };
	char fast[512], slow[512], ip[INET_ADDRSTRLEN], ref[INET_ADDRSTRLEN];
	bool same = true;

	t_begin("route_fast: rows and dotted quads as printf writes them");
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		int m = nums[i], w = nums[(i + 3) % 9], t = nums[(i + 5) % 9];

		T_CHECK(route_fast_fib_row(fast, sizeof(fast), "default",
		            "192.168.100.200", "255.255.255.0", "UG", m, w, t,
		            "eth0") == 0);
		snprintf(slow, sizeof(slow),
		    "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n", "default",
		    "192.168.100.200", "255.255.255.0", "UG", m, w, t, "eth0");
		same = same && strcmp(fast, slow) == 0;
	}
	T_CHECK(same);
	/* Longer than the widths: printf pushes the columns; so do we. */
	T_CHECK(route_fast_fib_row(fast, sizeof(fast), "a-very-long-network",
	            "0.0.0.0", "255.255.255.255", "UGHRDM", 0, 0, 0,
	            "abcdefghijklmno") == 0);
	snprintf(slow, sizeof(slow), "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n",
	    "a-very-long-network", "0.0.0.0", "255.255.255.255", "UGHRDM", 0, 0,
	    0, "abcdefghijklmno");
	T_STREQ(fast, slow);
	T_CHECK(route_fast_fib_row(
	            fast, 40, "x", "y", "z", "U", 0, 0, 0, "e") == -1);
	for (uint32_t v = 0; v < 70000; v += 997) {
		uint32_t addr = v * 2654435761u;

		route_fast_ntoa(addr, ip);
		inet_ntop(AF_INET, &addr, ref, sizeof(ref));
		same = same && strcmp(ip, ref) == 0;
	}
	T_CHECK(same);
	t_end();
}

void
test_group_route_fast(void)
{
	test_scan();
	test_row();
}
