/*
 * test_fmt.c - record in, exact row out: column widths, trailing blanks,
 * the 23-column host:port cut and -W, states, the -e/-p/-o tail and the
 * UNIX table, all in numeric mode so no resolver is involved.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt.h"
#include "sockstate.h"
#include "harness.h"
#include "util.h"

void test_group_fmt(void);

static struct opts
numeric_opts(void)
{
	struct opts o;

	memset(&o, 0, sizeof(o));
	o.numeric = NUM_HOST | NUM_PORT | NUM_USER;
	return o;
}

static struct sock_rec
tcp4(const char *l, unsigned lp, const char *r, unsigned rp, int state)
{
	struct sock_rec s;

	memset(&s, 0, sizeof(s));
	s.family = AF_INET;
	s.table = SKT_TCP;
	inet_pton(AF_INET, l, &s.laddr.s6_addr32[0]);
	inet_pton(AF_INET, r, &s.raddr.s6_addr32[0]);
	s.lport = (uint16_t)lp;
	s.rport = (uint16_t)rp;
	s.state = (uint8_t)state;
	return s;
}

static void
test_tcp_rows(void)
{
	struct opts o = numeric_opts();
	struct sock_rec s = tcp4("0.0.0.0", 22, "0.0.0.0", 0, 10);
	char buf[FMT_ROW_MAX];

	t_begin("fmt: tcp listener row");
	s.rxq = 1;
	fmt_inet_row(buf, sizeof(buf), &o, &s, "tcp", NULL);
	T_STREQ(buf,
	    "tcp        1      0 0.0.0.0:22              0.0.0.0:*      "
	    "         LISTEN     \n");
	t_end();

	t_begin("fmt: tail -e -p -o");
	o.extend = 1;
	o.programs = true;
	o.timers = true;
	s.inode = 11066;
	fmt_inet_row(buf, sizeof(buf), &o, &s, "tcp", "6256/python3");
	T_STREQ(buf,
	    "tcp        1      0 0.0.0.0:22              0.0.0.0:*      "
	    "         LISTEN      0          11066      6256/python3   "
	    "      off (0.00/0/0)\n");
	t_end();
}

static void
test_truncation(void)
{
	struct opts o = numeric_opts();
	struct sock_rec s;
	char buf[128];

	memset(&s, 0, sizeof(s));
	s.family = AF_INET6;
	s.table = SKT_TCP;
	inet_pton(AF_INET6, "2001:db8:1234:5678:9abc:def0:1234:5678", &s.laddr);
	s.lport = 54321;
	t_begin("fmt: 23-column cut of host:port");
	fmt_endpoint(buf, sizeof(buf), &o, &s, 1);
	T_STREQ(buf, "2001:db8:1234:567:54321");
	o.wide = true;
	fmt_endpoint(buf, sizeof(buf), &o, &s, 1);
	T_STREQ(buf, "2001:db8:1234:5678:9abc:def0:1234:5678:54321");
	t_end();

	t_begin("fmt: IPv6 wildcard and mapped");
	o.wide = false;
	memset(&s.laddr, 0, sizeof(s.laddr));
	s.lport = 0;
	fmt_endpoint(buf, sizeof(buf), &o, &s, 1);
	T_STREQ(buf, ":::*");
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &s.laddr);
	s.lport = 5432;
	fmt_endpoint(buf, sizeof(buf), &o, &s, 1);
	T_STREQ(buf, "127.0.0.1:5432");
	t_end();
}

static void
test_udp_raw_rows(void)
{
	struct opts o = numeric_opts();
	struct sock_rec s = tcp4("127.0.0.1", 123, "0.0.0.0", 0, 7);
	char buf[FMT_ROW_MAX];

	t_begin("fmt: udp unconnected row ends in 11 blanks");
	s.table = SKT_UDP;
	s.rxq = 832;
	fmt_inet_row(buf, sizeof(buf), &o, &s, "udp", NULL);
	T_STREQ(buf,
	    "udp      832      0 127.0.0.1:123           0.0.0.0:*      "
	    "                    \n");
	s.state = 1;
	T_STREQ(sockstate_text(&s, NULL, 0), "ESTABLISHED");
	s.state = 3;
	T_STREQ(sockstate_text(&s, NULL, 0), "UNKNOWN");
	t_end();

	t_begin("fmt: raw row shows the state number");
	s = tcp4("0.0.0.0", 1, "0.0.0.0", 0, 7);
	s.table = SKT_RAW;
	fmt_inet_row(buf, sizeof(buf), &o, &s, "raw", NULL);
	T_STREQ(buf,
	    "raw        0      0 0.0.0.0:1               0.0.0.0:*      "
	    "         7          \n");
	t_end();
}

static void
test_timers(void)
{
	struct sock_rec s = tcp4("0.0.0.0", 1, "0.0.0.0", 2, 1);
	char buf[64];

	t_begin("fmt: timer texts");
	s.timer = 2;
	s.timer_ms = 3429; /* 342 ticks */
	fmt_timer(buf, sizeof(buf), &s);
	T_STREQ(buf, "keepalive (3.42/0/0)");
	s.timer = 0;
	s.retrans = 2;
	fmt_timer(buf, sizeof(buf), &s);
	T_STREQ(buf, "off (0.00/2/0)");
	s.timer = 9;
	fmt_timer(buf, sizeof(buf), &s);
	T_STREQ(buf, "unkn-9 (3.42/2/0)");
	s.table = SKT_UDP;
	s.timer = 1;
	fmt_timer(buf, sizeof(buf), &s);
	T_STREQ(buf, "on1 (3.42/0/0)");
	t_end();
}

static void
test_unix_rows(void)
{
	struct opts o = numeric_opts();
	struct sock_rec s;
	char buf[FMT_ROW_MAX];
	const char path[] = "/run/x\033[31my z";

	memset(&s, 0, sizeof(s));
	s.table = SKT_UNIX;
	s.family = AF_UNIX;
	s.refcnt = 2;
	s.unix_type = 2;
	s.state = 1;
	s.inode = 13128;
	t_begin("fmt: unix row without path keeps its trailing blank");
	fmt_unix_row(buf, sizeof(buf), &o, &s, NULL, NULL);
	T_STREQ(buf,
	    "unix  2      [ ]         DGRAM                    13128    \n");
	t_end();

	t_begin("fmt: unix listener with -p and an escaped path");
	s.unix_type = 1;
	s.unix_flags = 0x10000;
	s.path = path;
	s.path_len = sizeof(path) - 1;
	o.programs = true;
	fmt_unix_row(buf, sizeof(buf), &o, &s, "12/sockd", NULL);
	T_STREQ(buf,
	    "unix  2      [ ACC ]     STREAM     LISTENING     13128    "
	    "12/sockd             /run/x?[31my z\n");
	t_end();

	t_begin("fmt: --peers column");
	o.ext.peers = true;
	s.have |= HAVE_PEER;
	s.peer_inode = 777;
	fmt_unix_row(buf, sizeof(buf), &o, &s, "12/sockd", "13/peer");
	T_STREQ(buf,
	    "unix  2      [ ACC ]     STREAM     LISTENING     13128    "
	    "12/sockd             /run/x?[31my z peer=777 13/peer\n");
	o.ext.peers = false;
	t_end();

	t_begin("fmt: headers");
	o.programs = false;
	o.show = SHOW_ALL;
	fmt_unix_header(buf, sizeof(buf), &o);
	T_STREQ(buf,
	    "Active UNIX domain sockets (servers and established)\n"
	    "Proto RefCnt Flags       Type       State         I-Node   "
	    "Path\n");
	o.show = SHOW_LISTENING;
	o.extend = 2;
	o.timers = true;
	fmt_inet_header(buf, sizeof(buf), &o);
	T_STREQ(buf, "Active Internet connections (only servers)\nProto Recv-Q "
	             "Send-Q Local Address           Foreign Address         "
	             "State       User       Inode      Timer\n");
	t_end();
}

/* util_copy must cut exactly as snprintf("%s") does: it replaced it. */
static void
test_copy(void)
{
	char a[8], b[8];
	const char *in[] = { "", "abc", "1234567", "12345678", "123456789012" };

	t_begin("fmt: util_copy cuts like snprintf %s");
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		for (size_t len = 1; len <= sizeof(a); len++) {
			memset(a, 'x', sizeof(a));
			memset(b, 'x', sizeof(b));
			util_copy(a, len, in[i]);
			snprintf(b, len, "%s", in[i]);
			T_CHECK(memcmp(a, b, sizeof(a)) == 0);
		}
	}
	a[0] = 'q';
	util_copy(a, 0, "zz");
	T_CHECK(a[0] == 'q');
	t_end();
}

void
test_group_fmt(void)
{
	test_copy();
	test_tcp_rows();
	test_truncation();
	test_udp_raw_rows();
	test_timers();
	test_unix_rows();
}
