/*
 * test_filter.c - nlnetstat's row filters on hand-built records: --addr
 * treats an IPv4 address and its IPv4-mapped IPv6 form as one address,
 * whichever way the filter and the row write it, and --pid matches any
 * owner given to it.
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "filter.h"
#include "harness.h"

void test_group_filter(void);

/* A TCP row local:80 -> remote:5000 of the given family. */
static struct sock_rec
row(int family, const char *local, const char *remote)
{
	struct sock_rec r;

	memset(&r, 0, sizeof(r));
	r.family = (uint8_t)family;
	r.table = SKT_TCP;
	r.state = SK_ESTABLISHED;
	r.lport = 80;
	r.rport = 5000;
	inet_pton(family, local, &r.laddr);
	inet_pton(family, remote, &r.raddr);
	return r;
}

/* Options of `-a --addr TEXT/PREFIX`. */
static void
addr_opts(struct opts *o, int family, const char *text, unsigned prefix)
{
	memset(o, 0, sizeof(*o));
	o->show = SHOW_ALL;
	o->ext.xf.active = true;
	o->ext.xf.naddrs = 1;
	o->ext.xf.addrs[0].family = family;
	o->ext.xf.addrs[0].prefix = prefix;
	inet_pton(family, text, o->ext.xf.addrs[0].bytes);
}

static bool
addr_matches(
    int ffam, const char *filter, unsigned prefix, const struct sock_rec *r)
{
	struct opts o;

	addr_opts(&o, ffam, filter, prefix);
	return filter_match(&o, r);
}

static void
test_addr_mapped(void)
{
	struct sock_rec v4 = row(AF_INET, "127.0.0.1", "10.1.2.3");
	struct sock_rec mapped =
	    row(AF_INET6, "::ffff:127.0.0.1", "::ffff:10.1.2.3");
	struct sock_rec v6 = row(AF_INET6, "::1", "2001:db8::7");

	t_begin("filter: --addr IPv4 matches plain and v4-mapped rows");
	T_CHECK(addr_matches(AF_INET, "127.0.0.1", 32, &v4));
	T_CHECK(addr_matches(AF_INET, "127.0.0.1", 32, &mapped));
	T_CHECK(addr_matches(AF_INET, "10.0.0.0", 8, &mapped));
	T_CHECK(!addr_matches(AF_INET, "127.0.0.2", 32, &v4));
	T_CHECK(!addr_matches(AF_INET, "127.0.0.2", 32, &mapped));
	T_CHECK(!addr_matches(AF_INET, "0.0.0.0", 0, &v6));
	t_end();

	t_begin("filter: --addr ::ffff:a.b.c.d matches plain IPv4 rows too");
	T_CHECK(addr_matches(AF_INET6, "::ffff:127.0.0.1", 128, &mapped));
	T_CHECK(addr_matches(AF_INET6, "::ffff:127.0.0.1", 128, &v4));
	T_CHECK(addr_matches(AF_INET6, "::ffff:10.1.2.3", 128, &v4));
	T_CHECK(addr_matches(AF_INET6, "::ffff:10.0.0.0", 104, &v4));
	T_CHECK(addr_matches(AF_INET6, "::ffff:0.0.0.0", 96, &v4));
	T_CHECK(!addr_matches(AF_INET6, "::ffff:127.0.0.2", 128, &v4));
	T_CHECK(!addr_matches(AF_INET6, "::ffff:11.0.0.0", 104, &v4));
	t_end();

	t_begin("filter: other IPv6 prefixes never match IPv4 rows");
	T_CHECK(!addr_matches(AF_INET6, "::", 0, &v4));
	T_CHECK(!addr_matches(AF_INET6, "::", 80, &v4));
	T_CHECK(!addr_matches(AF_INET6, "::7f00:1", 128, &v4));
	T_CHECK(!addr_matches(AF_INET6, "::1", 128, &v4));
	T_CHECK(addr_matches(AF_INET6, "::", 0, &v6));
	T_CHECK(addr_matches(AF_INET6, "::1", 128, &v6));
	t_end();
}

static void
test_owner_match(void)
{
	struct opts o;
	int pids[3] = { 10, 20, 30 };

	memset(&o, 0, sizeof(o));
	t_begin("filter: --pid matches any owner");
	T_CHECK(filter_owner_match(&o, pids, 0));
	o.ext.xf.npids = 1;
	o.ext.xf.pids[0] = 30;
	T_CHECK(filter_owner_match(&o, pids, 3));
	T_CHECK(!filter_owner_match(&o, pids, 2));
	T_CHECK(filter_owner_match(&o, &pids[2], 1));
	t_end();
}

void
test_group_filter(void)
{
	test_addr_mapped();
	test_owner_match();
}
