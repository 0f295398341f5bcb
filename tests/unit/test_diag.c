/*
 * test_diag.c - the sock_diag reply decoder on hand-built messages: byte
 * order, the listener Send-Q rule, tcp_info for -o, the raw protocol
 * attribute, short and truncated messages; plus the row filter.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>

#include "diag.h"
#include "filter.h"
#include "harness.h"

void test_group_diag(void);

static char msgbuf[4096];

static struct nlmsghdr *
build(int family, int state, uint16_t sport, uint16_t dport,
    struct inet_diag_msg **out)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(msgbuf);
	struct inet_diag_msg *m;

	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));
	m->idiag_family = (uint8_t)family;
	m->idiag_state = (uint8_t)state;
	m->id.idiag_sport = htons(sport);
	m->id.idiag_dport = htons(dport);
	*out = m;
	return nlh;
}

static void
test_listener(void)
{
	struct inet_diag_msg *m;
	struct nlmsghdr *nlh = build(AF_INET, 10, 22, 0, &m);
	struct sock_rec r;

	m->id.idiag_src[0] = htonl(0x7f000001);
	m->idiag_rqueue = 3;
	m->idiag_wqueue = 128; /* the backlog limit */
	m->idiag_uid = 1000;
	m->idiag_inode = 4242;
	t_begin("diag: tcp listener decoded in /proc terms");
	T_CHECK(diag_decode_inet(nlh, SKT_TCP, &r) == 0);
	T_CHECK(r.family == AF_INET && r.state == 10);
	T_CHECK(r.lport == 22 && r.rport == 0);
	T_CHECK(r.laddr.s6_addr32[0] == htonl(0x7f000001));
	T_CHECK(r.rxq == 3 && r.txq == 0);
	T_CHECK(r.uid == 1000 && r.inode == 4242);
	t_end();
}

static void
test_established_info(void)
{
	struct inet_diag_msg *m;
	struct nlmsghdr *nlh = build(AF_INET6, 1, 443, 50000, &m);
	struct tcp_info ti;
	struct sock_rec r;

	m->id.idiag_src[3] = htonl(1);
	m->idiag_wqueue = 77;
	m->idiag_timer = 2;
	m->idiag_expires = 7129;
	m->idiag_retrans = 1;
	memset(&ti, 0, sizeof(ti));
	ti.tcpi_retransmits = 4;
	ti.tcpi_probes = 2;
	/* An older kernel's shorter tcp_info must still decode. */
	mnl_attr_put(nlh, INET_DIAG_INFO, 40, &ti);
	t_begin("diag: tcp_info gives the -o numbers");
	T_CHECK(diag_decode_inet(nlh, SKT_TCP, &r) == 0);
	T_CHECK(r.family == AF_INET6 && r.txq == 77);
	T_CHECK(r.timer == 2 && r.timer_ms == 7129);
	T_CHECK(r.retrans == 4 && r.probes == 2);
	T_CHECK(r.laddr.s6_addr[15] == 1);
	t_end();
}

static void
test_raw_and_bad(void)
{
	struct inet_diag_msg *m;
	struct nlmsghdr *nlh = build(AF_INET, 7, 0, 0, &m);
	struct sock_rec r;

	mnl_attr_put_u8(nlh, INET_DIAG_PROTOCOL, 58);
	t_begin("diag: raw protocol attribute is the local port");
	T_CHECK(diag_decode_inet(nlh, SKT_RAW, &r) == 0);
	T_CHECK(r.lport == 58 && r.state == 7);
	t_end();

	t_begin("diag: short and foreign messages rejected");
	nlh = build(AF_INET, 1, 1, 1, &m);
	nlh->nlmsg_len = NLMSG_HDRLEN + 8;
	T_CHECK(diag_decode_inet(nlh, SKT_TCP, &r) == -EINVAL);
	nlh = build(AF_UNIX, 1, 1, 1, &m);
	T_CHECK(diag_decode_inet(nlh, SKT_TCP, &r) == -EINVAL);
	T_CHECK(diag_is_unsupported(-ENOENT) && !diag_is_unsupported(-EIO));
	t_end();
}

static void
test_filter(void)
{
	struct opts o;
	struct sock_rec r;

	memset(&o, 0, sizeof(o));
	memset(&r, 0, sizeof(r));
	t_begin("filter: net-tools server definitions");
	r.family = AF_INET;
	r.table = SKT_TCP;
	r.state = 6; /* TIME_WAIT with a remote port: not a server */
	r.rport = 80;
	T_CHECK(filter_match(&o, &r));
	r.rport = 0;
	T_CHECK(!filter_match(&o, &r));
	r.table = SKT_UDP;
	r.rport = 53; /* UDP: the remote address decides, not the port */
	T_CHECK(!filter_match(&o, &r));
	r.raddr.s6_addr32[0] = htonl(0x7f000001);
	T_CHECK(filter_match(&o, &r));
	r.table = SKT_UNIX;
	r.state = 1;
	r.unix_flags = 0x10000;
	T_CHECK(!filter_match(&o, &r));
	o.show = SHOW_LISTENING;
	T_CHECK(filter_match(&o, &r));
	o.show = SHOW_ALL;
	r.unix_flags = 0;
	T_CHECK(filter_match(&o, &r));
	o.show = SHOW_LISTENING;
	T_CHECK(filter_tcp_states(&o, false) == 1u << 10);
	o.show = SHOW_CONNECTED;
	T_CHECK((filter_tcp_states(&o, false) & (1u << 10)) == 0);
	T_CHECK((filter_tcp_states(&o, true) & (1u << 10)) != 0);
	T_CHECK((filter_tcp_states(&o, true) & (1u << 13)) == 0);
	t_end();
}

static void
test_unix_decode(void)
{
	static const char name[] = "\0abs\nfake";
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(msgbuf);
	struct unix_diag_msg *m;
	struct unix_diag_rqlen q = { 2, 128 };
	uint32_t icons[3] = { 11, 12, 13 };
	struct diag_unix u;

	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));
	m->udiag_family = AF_UNIX;
	m->udiag_type = SOCK_STREAM;
	m->udiag_state = 10;
	m->udiag_ino = 777;
	mnl_attr_put(nlh, UNIX_DIAG_NAME, sizeof(name) - 1, name);
	mnl_attr_put_u32(nlh, UNIX_DIAG_PEER, 778);
	mnl_attr_put(nlh, UNIX_DIAG_ICONS, sizeof(icons), icons);
	mnl_attr_put(nlh, UNIX_DIAG_RQLEN, sizeof(q), &q);
	t_begin("diag: unix_diag message with name, peer, icons, queues");
	T_CHECK(diag_decode_unix(nlh, &u) == 0);
	T_CHECK(u.inode == 777 && u.type == SOCK_STREAM && u.state == 10);
	T_CHECK(u.name_len == sizeof(name) - 1);
	T_CHECK(memcmp(u.name, name, u.name_len) == 0);
	T_CHECK(u.peer == 778 && u.nicons == 3);
	T_CHECK(u.have_rqlen && u.rqueue == 2 && u.wqueue == 128);
	m->udiag_family = AF_INET;
	T_CHECK(diag_decode_unix(nlh, &u) == -EINVAL);
	nlh->nlmsg_len = NLMSG_HDRLEN + 4;
	T_CHECK(diag_decode_unix(nlh, &u) == -EINVAL);
	t_end();
}

void
test_group_diag(void)
{
	test_listener();
	test_established_info();
	test_raw_and_bad();
	test_filter();
	test_unix_decode();
}
