/*
 * test_names.c - the name caches: a uid, address or port asked for twice
 * gives the same text (the second time from the cache, key 0 included:
 * uid 0 and 0.0.0.x), unknown values stay numeric, and the socket-table
 * rules for 0.0.0.0, [::] and IPv4-mapped addresses hold.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <string.h>

#include "harness.h"
#include "names.h"

void test_group_names(void);

static void
test_user(void)
{
	char a[64], b[64];

	t_begin("names: uid 0 by name, twice (cached under key 0)");
	T_STREQ(names_user(0, false, a, sizeof(a)), "root");
	T_STREQ(names_user(0, false, b, sizeof(b)), "root");
	T_STREQ(names_user(0, true, a, sizeof(a)), "0");
	t_end();

	t_begin("names: an unknown uid prints as netstat's %d");
	T_STREQ(names_user(4294967294u, false, a, sizeof(a)), "-2");
	T_STREQ(names_user(4294967294u, false, b, sizeof(b)), "-2");
	T_STREQ(names_user(54321, false, a, sizeof(a)), "54321");
	t_end();
}

static void
test_port(void)
{
	char buf[64];
	struct servent *se = getservbyport(htons(22), "tcp");

	t_begin("names: ports, numeric and by service name");
	T_STREQ(names_port(0, NAMES_TCP, false, buf, sizeof(buf)), "*");
	T_STREQ(names_port(22, NAMES_TCP, true, buf, sizeof(buf)), "22");
	T_STREQ(names_port(65535, NAMES_UDP, true, buf, sizeof(buf)), "65535");
	T_STREQ(names_port(70000, NAMES_TCP, false, buf, sizeof(buf)), "70000");
	if (se != NULL) { /* a services database to compare with */
		T_STREQ(names_port(22, NAMES_TCP, false, buf, sizeof(buf)),
		    se->s_name);
		T_STREQ(names_port(22, NAMES_TCP, false, buf, sizeof(buf)),
		    se->s_name);
	}
	t_end();
}

static void
test_hosts(void)
{
	char a[128], b[128];
	struct in6_addr any6 = IN6ADDR_ANY_INIT, mapped;
	uint32_t lo = htonl(0x7f000001);

	t_begin("names: host text rules, and a cached lookup gives the same");
	T_STREQ(names_host4(0, false, a, sizeof(a)), "0.0.0.0");
	T_STREQ(names_host4(lo, true, a, sizeof(a)), "127.0.0.1");
	names_host4(lo, false, a, sizeof(a));
	T_STREQ(names_host4(lo, false, b, sizeof(b)), a);
	T_STREQ(names_host6(&any6, false, a, sizeof(a)), "[::]");
	T_STREQ(names_host6(&any6, true, a, sizeof(a)), "::");
	inet_pton(AF_INET6, "::ffff:10.1.2.3", &mapped);
	T_STREQ(names_host6(&mapped, true, a, sizeof(a)), "10.1.2.3");
	inet_pton(AF_INET6, "::1", &mapped);
	names_host6(&mapped, false, a, sizeof(a));
	T_STREQ(names_host6(&mapped, false, b, sizeof(b)), a);
	t_end();
}

void
test_group_names(void)
{
	test_user();
	test_port();
	test_hosts();
}
