/*
 * test_stats.c - unit tests of the -s mode: the bisection lookup over
 * net-tools' partly unsorted tables, the text printer's indentation state
 * machine, and the records the readers of snmp/netstat pairs, snmp6 and
 * sctp/snmp make of in-memory files, printed.  No root or /proc needed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "opts.h"
#include "stats.h"

void test_group_stats(void);

static char cap_buf[16384];
static size_t cap_len;

static void
cap_emit(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (n > sizeof(cap_buf) - 1 - cap_len)
		n = sizeof(cap_buf) - 1 - cap_len;
	memcpy(cap_buf + cap_len, s, n);
	cap_len += n;
	cap_buf[cap_len] = '\0';
}

static void
cap_start(struct stats_printer *p)
{
	cap_len = 0;
	cap_buf[0] = '\0';
	stats_printer_init(p, cap_emit, NULL);
}

/*
 * An emitter that traces the readers' records ("[Tcp] A=1 /", "[6:Ip6]",
 * "[-Icmp]" for a hidden section) and prints them through a printer into
 * cap_buf, as the text emitter does into out.c.
 */
struct fwd {
	struct emitter base;
	struct stats_printer p;
	char trace[1024];
};

static void
fwd_add(struct fwd *f, const char *a, const char *b, const char *c)
{
	size_t n = strlen(f->trace);

	snprintf(f->trace + n, sizeof(f->trace) - n, "%s%s%s", a, b, c);
}

static void
fwd_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct fwd *f = (struct fwd *)e;

	fwd_add(f,
	    sec == EMIT_SEC_COUNTERS6         ? "[6:"
	    : sec == EMIT_SEC_COUNTERS_HIDDEN ? "[-"
	                                      : "[",
	    title, "]");
	stats_section(&f->p, sec, title);
}

static void
fwd_row(struct emitter *e, const struct emit_row *row)
{
	struct fwd *f = (struct fwd *)e;

	T_CHECK(row->kind == EMIT_COUNTER);
	fwd_add(f, " ", row->u.counter.name, "=");
	fwd_add(f, row->u.counter.value, "", "");
	stats_counter_text(&f->p, &row->u.counter);
}

static void
fwd_section_end(struct emitter *e, enum emit_sec sec)
{
	(void)sec;
	fwd_add((struct fwd *)e, " /", "", "");
}

static const struct emit_ops fwd_ops = {
	.section_begin = fwd_section_begin,
	.row = fwd_row,
	.section_end = fwd_section_end,
};

/* A reader selecting by protos, into a fresh trace and cap_buf. */
static void
fwd_start(struct fwd *f, struct stats_reader *r, unsigned protos)
{
	memset(f, 0, sizeof(*f));
	f->base.ops = &fwd_ops;
	cap_start(&f->p);
	stats_reader_init(r, &f->base, protos);
}

/* An fd reading the given bytes from the start. */
static int
mem_fd(const char *data, size_t n)
{
	int fd = memfd_create("stats-test", 0);

	if (fd < 0)
		return -1;
	if (write(fd, data, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static const struct stats_table *
table_of(const struct stats_known *k, const char *title)
{
	const struct stats_known *e = stats_known_find(k, title);

	return e ? e->table : NULL;
}

static bool
in_list(const char *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return true;
	return false;
}

/* Every entry is found except those net-tools' bisection misses. */
static void
check_found_set(
    const char *title, const struct stats_known *k, const char *const *missed)
{
	const struct stats_table *t = table_of(k, title);
	size_t bad = 0;

	T_CHECK(t != NULL);
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++) {
		bool found = stats_lookup(t, t->ent[i].name) == &t->ent[i];

		if (found == in_list(t->ent[i].name, missed)) {
			printf("  %s: %s found=%d\n", title, t->ent[i].name,
			    found);
			bad++;
		}
	}
	T_CHECK(bad == 0);
}

static void
test_lookup(void)
{
	static const char *const none[] = { NULL };
	static const char *const ip[] = { "Forwarding", NULL };
	static const char *const tcpext[] = { "TCPDirectCopyFromPrequeue",
		"TCPDSACKOfoRecv", "TCPDSACKOfoSent", "TCPDSACKOldSent",
		"TCPDSACKRecv", "TCPDSackUndo", "TCPDSACKUndo", "TCPLoss",
		"TCPPrequeueDropped", "TCPRenoRecoveryFailed",
		"TCPRenoRecoveryFail", "TCPSackFailures", "TCPSackRecoveryFail",
		"TCPSackRecovery", "TCPSACKReneging", "TCPTimeouts", "TWKilled",
		NULL };

	t_begin("stats: bisection finds what net-tools finds");
	check_found_set("Ip", stats_known_v4, ip);
	check_found_set("Icmp", stats_known_v4, none);
	check_found_set("Tcp", stats_known_v4, none);
	check_found_set("Udp", stats_known_v4, none);
	check_found_set("TcpExt", stats_known_v4, tcpext);
	check_found_set("Sctp", stats_known_v4, none);
	check_found_set("Ip6", stats_known_v6, none);
	check_found_set("Icmp6", stats_known_v6, none);
	check_found_set("Udp6", stats_known_v6, none);
	T_CHECK(table_of(stats_known_v6, "Tcp6") ==
	        table_of(stats_known_v4, "Tcp"));
	/* The kernel's name lacks the table's trailing space. */
	T_CHECK(stats_lookup(table_of(stats_known_v6, "Icmp6"),
	            "Icmp6OutRouterAdvertisements") == NULL);
	T_CHECK(stats_lookup(table_of(stats_known_v4, "Tcp"), "Bogus") == NULL);
	T_CHECK(stats_known_find(stats_known_v4, "IcmpMsg") == NULL);
	T_CHECK(stats_known_find(stats_known_v4, "Tcp6") == NULL);
	T_CHECK(stats_known_find(stats_known_v6, "UdpLite6") == NULL);
	t_end();
}

static void
test_printer_icmp(void)
{
	struct stats_printer p;

	t_begin("stats: histograms and inherited indentation");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS, "Ip");
	stats_counter(&p, "Forwarding", 2);
	stats_counter(&p, "DefaultTTL", 64);
	stats_counter(&p, "ForwDatagrams", 0);
	stats_counter(&p, "FragOKs", 0);
	stats_counter(&p, "OutTransmits", 0);
	stats_section(&p, EMIT_SEC_COUNTERS, "Icmp");
	stats_counter(&p, "InMsgs", 1);
	stats_counter(&p, "InDestUnreachs", 1);
	stats_counter(&p, "InEchos", 0);
	stats_counter(&p, "OutMsgs", 0);
	stats_counter(&p, "OutEchos", 0);
	stats_section(&p, EMIT_SEC_COUNTERS, "IcmpMsg");
	stats_counter(&p, "InType3", 1);
	T_STREQ(cap_buf, "Ip:\n"
	                 "    Forwarding: 2\n"
	                 "    0 forwarded\n"
	                 "Icmp:\n"
	                 "    1 ICMP messages received\n"
	                 "    ICMP input histogram:\n"
	                 "        destination unreachable: 1\n"
	                 "    0 ICMP messages sent\n"
	                 "    ICMP output histogram:\n"
	                 "IcmpMsg:\n"
	                 "        InType3: 1\n");
	t_end();

	t_begin("stats: in to out histogram, title at 8");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS6, "Icmp6");
	stats_counter(&p, "Icmp6InEchos", 2);
	stats_counter(&p, "Icmp6OutEchoReplies", 2);
	stats_counter(&p, "Icmp6OutRouterAdvertisements", 3);
	T_STREQ(cap_buf, "Icmp6:\n"
	                 "    ICMP input histogram:\n"
	                 "        echo requests: 2\n"
	                 "        ICMP output histogram:\n"
	                 "        echo replies: 2\n"
	                 "        Icmp6OutRouterAdvertisements: 3\n");
	t_end();

	t_begin("stats: the section kind picks the title list");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS6, "Tcp");
	stats_counter(&p, "ActiveOpens", 1);
	stats_section(&p, EMIT_SEC_COUNTERS, "Tcp");
	stats_counter(&p, "ActiveOpens", 1);
	stats_section(&p, EMIT_SEC_COUNTERS, "Ip6");
	stats_counter(&p, "Ip6InReceives", 1);
	T_STREQ(cap_buf, "Tcp:\n"
	                 "    ActiveOpens: 1\n"
	                 "Tcp:\n"
	                 "    1 active connection openings\n"
	                 "Ip6:\n"
	                 "    Ip6InReceives: 1\n");
	t_end();
}

static void
test_printer_disabled(void)
{
	struct stats_printer p;

	t_begin("stats: a hidden known section still resets indent");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS_HIDDEN, "Icmp");
	stats_counter(&p, "InEchos", 5);
	stats_counter(&p, "InMsgs", 5);
	stats_section(&p, EMIT_SEC_COUNTERS, "IcmpMsg");
	stats_counter(&p, "InType8", 5);
	stats_counter(&p, "OutType0", 0);
	stats_section(&p, EMIT_SEC_COUNTERS, "Tcp");
	stats_counter(&p, "RtoMin", 200);
	stats_counter(&p, "ActiveOpens", 18446744073709551615ULL);
	stats_section(&p, EMIT_SEC_COUNTERS, "UdpLite");
	T_STREQ(cap_buf, "IcmpMsg:\n"
	                 "    InType8: 5\n"
	                 "Tcp:\n"
	                 "    18446744073709551615 active connection openings\n"
	                 "UdpLite:\n");
	t_end();

	t_begin("stats: known sections reset, unknown ones inherit");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS, "Icmp");
	stats_counter(&p, "InEchos", 5);
	stats_section(&p, EMIT_SEC_COUNTERS, "Foo");
	stats_counter(&p, "Bar", 1);
	stats_section(&p, EMIT_SEC_COUNTERS_HIDDEN, "Udp");
	stats_section(&p, EMIT_SEC_COUNTERS, "IcmpMsg");
	stats_counter(&p, "InType8", 5);
	T_STREQ(cap_buf, "Icmp:\n"
	                 "    ICMP input histogram:\n"
	                 "        echo requests: 5\n"
	                 "Foo:\n"
	                 "        Bar: 1\n"
	                 "IcmpMsg:\n"
	                 "    InType8: 5\n");
	t_end();

	t_begin("stats: value texts read with strtoull");
	cap_start(&p);
	stats_section(&p, EMIT_SEC_COUNTERS, "Foo");
	stats_counter_text(&p, &(struct emit_counter){ "A", "-1" });
	stats_counter_text(&p, &(struct emit_counter){ "B", "" });
	stats_counter_text(
	    &p, &(struct emit_counter){ "C", "99999999999999999999" });
	T_STREQ(cap_buf, "Foo:\n"
	                 "    A: 18446744073709551615\n"
	                 "    C: 18446744073709551615\n");
	t_end();
}

/* Feed data to a reader; returns the source report. */
enum rd { RD_PAIRS, RD_TCP, RD_SNMP6, RD_SCTP };

static struct stats_src
feed(struct stats_reader *r, enum rd which, const char *data, size_t n)
{
	struct stats_src src = { 0 };
	int fd = mem_fd(data, n);

	T_CHECK(fd >= 0);
	if (fd < 0)
		return src;
	switch (which) {
	case RD_PAIRS: stats_read_pairs(r, fd, NULL, &src); break;
	case RD_TCP: stats_read_pairs(r, fd, "Tcp", &src); break;
	case RD_SNMP6: stats_read_snmp6(r, fd, &src); break;
	case RD_SCTP: stats_read_sctp(r, fd, &src); break;
	}
	close(fd);
	return src;
}

#define FEED(r, w, lit) feed((r), (w), (lit), sizeof(lit) - 1)

static void
test_pairs(void)
{
	struct fwd f;
	struct stats_reader r;
	struct stats_src s;

	t_begin("stats: pairs, strtoull values, missing values");
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = FEED(&r, RD_PAIRS,
	    "\n\nFoo: A B\rC D  E F\n"
	    "Foo: -1 +5 0x10 7 8\n"
	    "Tcp: ActiveOpens PassiveOpens\n"
	    "Tcp: 3\n"
	    "Bar:\nBar:");
	T_STREQ(cap_buf, "Foo:\n"
	                 "    A: 18446744073709551615\n"
	                 "    B\rC: 5\n"
	                 "Tcp:\n"
	                 "    3 active connection openings\n"
	                 "    0 passive connection openings\n"
	                 "Bar:\n");
	T_STREQ(f.trace, "[Foo] A=-1 B\rC=+5 D=0 E= F= /"
	                 "[Tcp] ActiveOpens=3 PassiveOpens=0 /[Bar] /");
	T_CHECK(!s.format_err && s.read_err == 0 && s.nbad == 0);
	t_end();

	t_begin("stats: a pair without ':' stops the file");
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = FEED(&r, RD_PAIRS,
	    "Ip: Forwarding\nIp 1\nTcp: ActiveOpens\n"
	    "Tcp: 1\n");
	T_STREQ(cap_buf, "");
	T_CHECK(s.format_err);
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = FEED(&r, RD_PAIRS, "Udp: NoPorts\nUdp: 4\nTcp: ActiveOpens\n");
	T_STREQ(cap_buf, "Udp:\n    4 packets to unknown port received\n");
	T_CHECK(!s.format_err);
	t_end();

	t_begin("stats: IPv6 mode's Tcp pass keeps Tcp* titles only");
	fwd_start(&f, &r, PROTO_UDP);
	s = FEED(&r, RD_TCP,
	    "Ip: Forwarding\nIp: 1\nTcpFoo: X\nTcpFoo: 2\n"
	    "Tcp: ActiveOpens\nTcp: 1\n");
	T_STREQ(cap_buf, "TcpFoo:\n    X: 2\n");
	T_STREQ(f.trace, "[TcpFoo] X=2 /[-Tcp] /");
	t_end();
}

static void
test_snmp6(void)
{
	struct fwd f;
	struct stats_reader r;
	struct stats_src s;
	char big[2100];

	t_begin("stats: snmp6 sections by title substring");
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = FEED(&r, RD_SNMP6,
	    "Ip6InReceives 4\nFooIp6Bar\t2\n"
	    "Icmp6InMsgs 1\nUdpLite6InErrors 3\n"
	    "  Udp6NoPorts -1\nXyz 5\n");
	T_STREQ(cap_buf, "Ip6:\n"
	                 "    4 total packets received\n"
	                 "    FooIp6Bar: 2\n"
	                 "Icmp6:\n"
	                 "    1 ICMP messages received\n"
	                 "UdpLite6:\n"
	                 "    UdpLite6InErrors: 3\n"
	                 "Udp6:\n"
	                 "    18446744073709551615 packets to unknown port "
	                 "received\n"
	                 "Xyz:\n"
	                 "    Xyz: 5\n");
	T_STREQ(f.trace, "[6:Ip6] Ip6InReceives=4 FooIp6Bar=2 /"
	                 "[6:Icmp6] Icmp6InMsgs=1 /"
	                 "[6:UdpLite6] UdpLite6InErrors=3 /"
	                 "[6:Udp6] Udp6NoPorts=-1 /[6:Xyz] Xyz=5 /");
	T_CHECK(s.nbad == 0);
	t_end();

	t_begin("stats: snmp6 lines netstat would print stale are skipped");
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = FEED(&r, RD_SNMP6,
	    "Ip6InReceives 4\n\nUdp6InErrors x\n"
	    "Udp6NoPorts 1\n");
	T_STREQ(cap_buf, "Ip6:\n"
	                 "    4 total packets received\n"
	                 "Udp6:\n"
	                 "    1 packets to unknown port received\n");
	T_CHECK(s.nbad == 2 && s.first_bad == 2);
	fwd_start(&f, &r, PROTO_TCP);
	s = FEED(&r, RD_SNMP6, "Ip6InReceives 4\n\nUdp6InErrors x\n");
	T_STREQ(f.trace, "[-Ip6] /[-Udp6] /");
	T_CHECK(s.nbad == 0);
	t_end();

	t_begin("stats: snmp6 lines are cut into 1023-byte chunks");
	memset(big, 'Y', sizeof(big));
	memcpy(big, "Ip6", 3);
	memcpy(big + 1030, " 8\nUdp6X 0\n", 11);
	fwd_start(&f, &r, PROTO_INET_ALL);
	s = feed(&r, RD_SNMP6, big, 1041);
	T_STREQ(cap_buf, "Ip6:\nYYYYYYY:\n    YYYYYYY: 8\nUdp6:\n");
	T_CHECK(s.nbad == 1 && s.first_bad == 1);
	t_end();
}

static void
test_sctp(void)
{
	struct fwd f;
	struct stats_reader r;
	struct stats_src s;

	t_begin("stats: sctp/snmp name and value");
	fwd_start(&f, &r, PROTO_SCTP);
	s = FEED(&r, RD_SCTP,
	    "SctpCurrEstab  \t1\nSctpAborteds 0\n\nJunk\n"
	    " 5\nA\0 6\nSctpShutdowns");
	T_STREQ(cap_buf, "Sctp:\n"
	                 "    1 Current Associations\n"
	                 "    0 Number of Aborteds \n"
	                 "    : 5\n"
	                 "    A: 6\n");
	T_STREQ(f.trace, "[Sctp] SctpCurrEstab=1 SctpAborteds=0 =5 A=6 /");
	T_CHECK(s.nbad == 1 && s.first_bad == 7);
	t_end();

	t_begin("stats: sctp/snmp without -S prints nothing");
	fwd_start(&f, &r, PROTO_TCP);
	s = FEED(&r, RD_SCTP, "SctpCurrEstab 1\nFoo 2\n");
	T_STREQ(cap_buf, "");
	T_STREQ(f.trace, "[-Sctp] /");
	t_end();
}

void
test_group_stats(void)
{
	test_lookup();
	test_printer_icmp();
	test_printer_disabled();
	test_pairs();
	test_snmp6();
	test_sctp();
}
