/*
 * test_procnet.c - the /proc/net line parsers on real kernel lines, IPv6
 * word order, IPv4-mapped addresses, truncated and garbage lines, and UNIX
 * lines with abstract names, spaces and no path.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "harness.h"
#include "procnet.h"

void test_group_procnet(void);

static void
test_tcp4_line(void)
{
	struct sock_rec r;
	const char *line =
	    "   0: 0100007F:0016 00000000:0000 0A 00000003:00000002 "
	    "02:000000FA 00000005     0        0 12345 1 "
	    "0000000000000000 100 0 0 10 0";

	t_begin("procnet: tcp4 listener line");
	T_CHECK(procnet_parse_inet(line, SKT_TCP, &r) == 0);
	T_CHECK(r.family == AF_INET);
	T_CHECK(r.laddr.s6_addr32[0] == htonl(0x7f000001));
	T_CHECK(r.lport == 22 && r.rport == 0);
	T_CHECK(r.state == 10);
	T_CHECK(r.txq == 3 && r.rxq == 2);
	T_CHECK(r.timer == 2 && r.timer_ms == 2500);
	T_CHECK(r.retrans == 5 && r.uid == 0 && r.probes == 0);
	T_CHECK(r.inode == 12345);
	t_end();
}

static void
test_tcp6_word_order(void)
{
	struct sock_rec r;
	/* ::1 port 80 -> [2001:db8::1]:443, words are host-endian. */
	const char *line =
	    "   1: 00000000000000000000000001000000:0050 "
	    "B80D0120000000000000000001000000:01BB 01 "
	    "00000000:00000000 00:00000000 00000000  1000        0 "
	    "98765432109 1 0000000000000000 20 4 1 10 -1";
	char txt[64];

	t_begin("procnet: tcp6 word order");
	T_CHECK(procnet_parse_inet(line, SKT_TCP, &r) == 0);
	T_CHECK(r.family == AF_INET6);
	inet_ntop(AF_INET6, &r.laddr, txt, sizeof(txt));
	T_STREQ(txt, "::1");
	inet_ntop(AF_INET6, &r.raddr, txt, sizeof(txt));
	T_STREQ(txt, "2001:db8::1");
	T_CHECK(r.rport == 443 && r.uid == 1000);
	T_CHECK(r.inode == 98765432109ull);
	t_end();
}

static void
test_mapped(void)
{
	struct sock_rec r;
	const char *line =
	    "   2: 0000000000000000FFFF00000100007F:1F90 "
	    "0000000000000000FFFF00000100007F:D431 01 "
	    "00000000:00000000 00:00000000 00000000     0        0 "
	    "777 1 0000000000000000 20 4 30 10 -1";
	char txt[64];

	t_begin("procnet: IPv4-mapped IPv6");
	T_CHECK(procnet_parse_inet(line, SKT_TCP, &r) == 0);
	inet_ntop(AF_INET6, &r.laddr, txt, sizeof(txt));
	T_STREQ(txt, "::ffff:127.0.0.1");
	T_CHECK(r.lport == 8080 && r.rport == 54321);
	t_end();
}

static void
test_bad_lines(void)
{
	struct sock_rec r;

	t_begin("procnet: malformed inet lines rejected");
	T_CHECK(procnet_parse_inet("", SKT_TCP, &r) == -EINVAL);
	T_CHECK(procnet_parse_inet("garbage", SKT_UDP, &r) == -EINVAL);
	/* Truncated after the state. */
	T_CHECK(procnet_parse_inet("0: 0100007F:0016 00000000:0000 0A", SKT_TCP,
	            &r) == -EINVAL);
	/* Address of an impossible length. */
	T_CHECK(
	    procnet_parse_inet("0: 0100007:0016 00000000:0000 0A "
	                       "00000000:00000000 00:00000000 00000000 0 0 1",
	        SKT_TCP, &r) == -EINVAL);
	/* Families that differ within a line. */
	T_CHECK(
	    procnet_parse_inet("0: 0100007F:0016 "
	                       "00000000000000000000000000000000:0000 0A "
	                       "00000000:00000000 00:00000000 00000000 0 0 1",
	        SKT_TCP, &r) == -EINVAL);
	/* Port out of range. */
	T_CHECK(
	    procnet_parse_inet("0: 0100007F:10016 00000000:0000 0A "
	                       "00000000:00000000 00:00000000 00000000 0 0 1",
	        SKT_TCP, &r) == -EINVAL);
	/* Overflowing inode. */
	T_CHECK(procnet_parse_inet("0: 0100007F:0016 00000000:0000 0A "
	                           "00000000:00000000 00:00000000 00000000 0 0 "
	                           "99999999999999999999999",
	            SKT_TCP, &r) == -EINVAL);
	t_end();
}

static void
test_unix_lines(void)
{
	struct sock_rec r;
	const char *l1 = "0000000000000000: 00000002 00000000 00010000 0001 01 "
	                 "13122 @abstract@with@nul";
	const char *l2 = "0000000000000000: 00000003 00000000 00000000 0001 03 "
	                 "   42";
	const char *l3 = "ffff8880: 00000002 00000000 00000000 0002 01 7 "
	                 "/run/with space.sock";

	t_begin("procnet: unix lines");
	T_CHECK(procnet_parse_unix(l1, strlen(l1), &r) == 0);
	T_CHECK(r.refcnt == 2 && r.unix_flags == 0x10000);
	T_CHECK(r.unix_type == 1 && r.state == 1 && r.inode == 13122);
	T_CHECK(r.path != NULL && r.path_len == strlen("@abstract@with@nul"));
	T_CHECK(procnet_parse_unix(l2, strlen(l2), &r) == 0);
	T_CHECK(r.path == NULL && r.inode == 42 && r.state == 3);
	T_CHECK(procnet_parse_unix(l3, strlen(l3), &r) == 0);
	T_CHECK(r.path_len == strlen("/run/with space.sock"));
	T_CHECK(memcmp(r.path, "/run/with space.sock", r.path_len) == 0);
	T_CHECK(procnet_parse_unix("x", 1, &r) == -EINVAL);
	T_CHECK(
	    procnet_parse_unix("0000: 00000002 00000000", 23, &r) == -EINVAL);
	t_end();
}

void
test_group_procnet(void)
{
	test_tcp4_line();
	test_tcp6_word_order();
	test_mapped();
	test_bad_lines();
	test_unix_lines();
}
