/*
 * test_emit.c - the emitter layer: a recording emitter that the socket
 * listing writes into (documents, sections and records, no text), the
 * text emitter's bytes for one record, and the JSON emitter's documents
 * and --all-netns framing.  The listing reads a /proc tree made here.
 */
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit.h"
#include "groups.h"
#include "capture.h"
#include "harness.h"
#include "modes.h"
#include "out.h"
#include "route.h"
#include "sockrec.h"

void test_group_emit(void);

/* What a mode told the recording emitter, in order. */
struct recorder {
	struct emitter base;
	char trace[512]; /* "D(S(rrr)S())d" style: docs, sections, rows */
	unsigned socks, unix_socks, groups, routes;
};

static void
rec_add(struct recorder *r, const char *s)
{
	size_t n = strlen(r->trace);

	snprintf(r->trace + n, sizeof(r->trace) - n, "%s", s);
}

static void
rec_doc_begin(struct emitter *e, enum emit_doc doc)
{
	rec_add((struct recorder *)e, doc == EMIT_DOC_SOCKETS ? "D"
	                              : doc == EMIT_DOC_ROUTE ? "R"
	                                                      : "?");
}

static void
rec_doc_end(struct emitter *e, enum emit_doc doc)
{
	(void)doc;
	rec_add((struct recorder *)e, "d");
}

static void
rec_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	(void)title;
	switch (sec) {
	case EMIT_SEC_INET: rec_add((struct recorder *)e, "inet("); break;
	case EMIT_SEC_UNIX: rec_add((struct recorder *)e, "unix("); break;
	case EMIT_SEC_GROUPS: rec_add((struct recorder *)e, "groups("); break;
	case EMIT_SEC_ROUTE4: rec_add((struct recorder *)e, "route4("); break;
	default: rec_add((struct recorder *)e, "other("); break;
	}
}

static void
rec_section_end(struct emitter *e, enum emit_sec sec)
{
	(void)sec;
	rec_add((struct recorder *)e, ")");
}

static void
rec_row(struct emitter *e, const struct emit_row *row)
{
	struct recorder *r = (struct recorder *)e;

	if (row->kind == EMIT_ROUTE) {
		/* Addresses arrive as text, flags and numbers as parsed. */
		T_STREQ(row->u.route->iface, "eth0");
		T_CHECK(row->u.route->flags & 1);
		r->routes++;
	} else if (row->kind == EMIT_GROUP) {
		r->groups++;
	} else if (row->u.sock.rec->table == SKT_UNIX) {
		r->unix_socks++;
	} else {
		r->socks++;
		/* The record arrives whole: no text was made of it. */
		T_CHECK(row->u.sock.rec->lport == 22 ||
		        row->u.sock.rec->lport == 5000);
		T_STREQ(row->u.sock.label, "tcp");
	}
	rec_add(r, "r");
}

static const struct emit_ops rec_ops = {
	.doc_begin = rec_doc_begin,
	.section_begin = rec_section_begin,
	.row = rec_row,
	.section_end = rec_section_end,
	.doc_end = rec_doc_end,
};

static struct opts
parse(const char *a1, const char *a2)
{
	char *argv[4] = { (char *)"netstat", (char *)a1, (char *)a2, NULL };
	struct opts o;

	optind = 0;
	opts_parse(a2 ? 3 : 2, argv, &o);
	return o;
}

static char root[64];

static void
tree_file(const char *rel, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	if (f == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

/* Two TCP sockets, three UNIX sockets, one IPv4 group membership. */
static bool
tree_new(void)
{
	char net[96];

	snprintf(root, sizeof(root), "/tmp/nlnetstat-emit.XXXXXX");
	if (mkdtemp(root) == NULL)
		return false;
	snprintf(net, sizeof(net), "%s/net", root);
	mkdir(net, 0700);
	tree_file("net/tcp",
	    "  sl  local_address rem_address   st tx_queue rx_queue tr "
	    "tm->when retrnsmt   uid  timeout inode\n"
	    "   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 "
	    "00:00000000 00000000     0        0 1001 1 0000000000000000 "
	    "100 0 0 10 0\n"
	    "   1: 0100007F:1388 0100007F:C000 01 00000000:00000000 "
	    "00:00000000 00000000     0        0 1002 1 0000000000000000 "
	    "20 4 30 10 -1\n");
	tree_file("net/unix",
	    "Num       RefCount Protocol Flags    Type St Inode Path\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 2001 "
	    "/run/a\n"
	    "0000000000000000: 00000002 00000000 00000000 0001 03 2002\n"
	    "0000000000000000: 00000002 00000000 00000000 0002 01 2003 "
	    "@abstract\n");
	tree_file("net/igmp",
	    "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n"
	    "1\tlo        :     1      V3\n"
	    "\t\t\t\t010000E0     1 0:00000000\t\t0\n");
	tree_file("net/snmp", "Ip: Forwarding DefaultTTL\nIp: 1 64\n"
	                      "Tcp: ActiveOpens MaxConn\nTcp: 7 -1\n");
	tree_file("net/netstat", "TcpExt: SyncookiesSent\nTcpExt: 0\n");
	tree_file("net/snmp6", "Ip6InReceives 3\nUdp6InDatagrams 2\n");
	/* Two routes up, one down (never shown). */
	tree_file("net/route",
	    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\t"
	    "Mask\t\tMTU\tWindow\tIRTT\n"
	    "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
	    "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
	    "eth1\t000300C0\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0\n");
	setenv("NLNETSTAT_PROC_ROOT", root, 1);
	setenv("NLNETSTAT_SOURCE", "proc", 1);
	return true;
}

static void
tree_remove(void)
{
	char cmd[128];

	unsetenv("NLNETSTAT_PROC_ROOT");
	unsetenv("NLNETSTAT_SOURCE");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
}

/* The listing describes its sections and records to any emitter. */
static void
test_listing_records(void)
{
	struct opts o = parse("-atxn", "-g");
	struct recorder r = { .base = { &rec_ops, &o, 0, NULL } };
	struct run_ctx c = { .o = &o, .emit = &r.base };

	t_begin("emit: the socket listing writes records into an emitter");
	T_CHECK(sockets_run(&c) == 0);
	T_STREQ(r.trace, "Dinet(rr)groups(r)unix(rrr)d");
	T_CHECK(r.socks == 2 && r.unix_socks == 3 && r.groups == 1);
	sockets_ctx_free(&c);
	t_end();

	/* The filter runs before the emitter: -l keeps the listeners. */
	o = parse("-ltn", NULL);
	memset(r.trace, 0, sizeof(r.trace));
	r.socks = 0;
	t_begin("emit: filtered rows never reach the emitter");
	T_CHECK(sockets_run(&c) == 0);
	T_STREQ(r.trace, "Dinet(r)d");
	T_CHECK(r.socks == 1);
	sockets_ctx_free(&c);
	t_end();
}

static struct sock_rec
listener(void)
{
	struct sock_rec r;

	memset(&r, 0, sizeof(r));
	r.family = AF_INET;
	r.table = SKT_TCP;
	r.state = SK_LISTEN;
	r.lport = 22;
	inet_pton(AF_INET, "127.0.0.1", &r.laddr.s6_addr32[0]);
	r.inode = 7;
	return r;
}

static void
test_text_bytes(void)
{
	struct opts o = parse("-tln", NULL);
	struct emitter *e = emit_text_new(&o);
	struct sock_rec r = listener();

	t_begin("emit: text emitter writes netstat's row for a record");
	capture_begin(STDOUT_FILENO);
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &r, "tcp", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	T_STREQ(capture_end(), "tcp        0      0 127.0.0.1:22            "
	                       "0.0.0.0:*               LISTEN     \n");
	T_CHECK((e->caps & EMIT_CAP_FIRST_OWNER) != 0);
	emit_free(e);
	t_end();
}

static void
test_json_documents(void)
{
	struct opts o = parse("-tln", "--json");
	struct emitter *e = emit_json_new(&o);
	struct sock_rec r = listener();
	const char *got;

	t_begin("emit: JSON emitter, one array per document");
	capture_begin(STDOUT_FILENO);
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &r, "tcp", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	got = capture_end();
	T_CHECK(strncmp(got, "[]\n[{\"proto\":\"tcp\",", 19) == 0);
	T_CHECK(strstr(got, "\"local_port_num\":22,") != NULL);
	T_CHECK(strstr(got, "netns") == NULL);
	T_CHECK(strcmp(got + strlen(got) - 3, "}]\n") == 0);
	t_end();

	t_begin("emit: JSON --all-netns, one array, records labelled");
	capture_begin(STDOUT_FILENO);
	emit_all_netns_begin(e);
	emit_set_netns(e, "a");
	emit_netns_title(e, "a");
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &r, "tcp", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	emit_set_netns(e, "b");
	emit_netns_title(e, "b");
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &r, "tcp", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	emit_all_netns_end(e);
	got = capture_end();
	T_CHECK(got[0] == '[' && strchr(got, '\n') == got + strlen(got) - 1);
	T_CHECK(strstr(got, "\"netns\":\"a\"}") != NULL);
	T_CHECK(strstr(got, "},{\"proto\"") != NULL);
	T_CHECK(strstr(got, "\"netns\":\"b\"}]\n") != NULL);
	T_CHECK(strstr(got, "Network namespace") == NULL);
	emit_free(e);
	t_end();
}

/* --summary counts socket records; a -g section keeps netstat's text. */
static void
test_summary_emitter(void)
{
	struct opts o = parse("-g", "--summary");
	struct emitter *e = emit_summary_new(&o);
	struct sock_rec r = listener();
	struct groups_row g;
	const char *got;

	memset(&g, 0, sizeof(g));
	g.addr4 = htonl(0xe0000001);
	g.refcnt = 1;
	t_begin("emit: summary emitter counts records, prints at the end");
	capture_begin(STDOUT_FILENO);
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_section_begin(e, EMIT_SEC_INET);
	emit_sock(e, &r, "tcp", NULL);
	emit_section_end(e, EMIT_SEC_INET);
	emit_section_begin(e, EMIT_SEC_GROUPS);
	emit_group(e, "lo", &g);
	emit_section_end(e, EMIT_SEC_GROUPS);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	got = capture_end();
	T_CHECK(strncmp(got, "IPv6/IPv4 Group Memberships\n", 28) == 0);
	T_CHECK(strstr(got, "\nlo              1      224.0.0.1\n") != NULL);
	T_CHECK(strstr(got, "  tcp    LISTEN               1\n") != NULL);
	T_CHECK(strstr(got, "Proto Recv-Q") == NULL);
	emit_free(e);
	t_end();
}

/* -r describes route records; the text emitter prints netstat's table. */
static void
test_route_records(void)
{
	struct opts o = parse("-rn", NULL);
	struct recorder r = { .base = { &rec_ops, &o, 0, NULL } };
	struct run_ctx c = { .o = &o, .emit = &r.base };
	struct emitter *text = emit_text_new(&o);

	t_begin("emit: -r writes route records into an emitter");
	T_CHECK(route_run(&c) == 0);
	T_STREQ(r.trace, "Rroute4(rr)d");
	T_CHECK(r.routes == 2);
	t_end();

	t_begin("emit: text emitter prints the route records as netstat");
	c.emit = text;
	capture_begin(STDOUT_FILENO);
	T_CHECK(route_run(&c) == 0);
	T_STREQ(capture_end(),
	    "Kernel IP routing table\n"
	    "Destination     Gateway         Genmask         Flags   MSS "
	    "Window  irtt Iface\n"
	    "0.0.0.0         192.0.2.1       0.0.0.0         UG        0 0 "
	    "         0 eth0\n"
	    "192.0.2.0       0.0.0.0         255.255.255.0   U         0 0 "
	    "         0 eth0\n");
	emit_free(text);
	t_end();
}

/* -i: the title only on the first -c pass, the columns on every one. */
static void
test_iface_sections(void)
{
	struct opts o = parse("-i", NULL);
	struct emitter *e = emit_text_new(&o);
	static const char cols[] = "Iface             MTU    RX-OK RX-ERR "
	                           "RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP "
	                           "TX-OVR Flg\n";
	char want[256];

	t_begin("emit: text emitter titles -i once, columns every pass");
	capture_begin(STDOUT_FILENO);
	emit_section_begin(e, EMIT_SEC_IFACE);
	emit_section_begin(e, EMIT_SEC_IFACE_AGAIN);
	snprintf(
	    want, sizeof(want), "Kernel Interface table\n%s%s", cols, cols);
	T_STREQ(capture_end(), want);
	emit_free(e);
	t_end();
}

/* -s gives counter records; the JSON emitter makes one object of them. */
static void
test_stats_counters(void)
{
	struct opts o = parse("-st", "--json");
	struct emitter *e = emit_json_new(&o);
	struct run_ctx c = { .o = &o, .emit = e };

	t_begin("emit: -s --json from counter records");
	capture_begin(STDOUT_FILENO);
	T_CHECK(stats_run(&c) == 0);
	T_STREQ(capture_end(), "{\"Tcp\":{\"ActiveOpens\":7,\"MaxConn\":-1},"
	                       "\"TcpExt\":{\"SyncookiesSent\":0}}\n");
	emit_free(e);
	t_end();
}

/* The same records make net-tools' report in the text emitter. */
static void
test_stats_text(void)
{
	struct opts o = parse("-st", NULL);
	struct emitter *e = emit_text_new(&o);
	struct run_ctx c = { .o = &o, .emit = e };

	t_begin("emit: -s text from counter records");
	capture_begin(STDOUT_FILENO);
	T_CHECK(stats_run(&c) == 0);
	T_STREQ(capture_end(), "Tcp:\n    7 active connection openings\n"
	                       "TcpExt:\n");
	emit_free(e);
	t_end();

	/* IPv6 shares snmp's Tcp: netstat -6 -s prints it, --json has it. */
	o = parse("-s6", "-t");
	e = emit_text_new(&o);
	c.emit = e;
	t_begin("emit: -s -6 text and --json take snmp's Tcp");
	capture_begin(STDOUT_FILENO);
	T_CHECK(stats_run(&c) == 0);
	T_STREQ(capture_end(), "Tcp:\n    7 active connection openings\n");
	emit_free(e);
	o = parse("-s6", "--json");
	e = emit_json_new(&o);
	c.emit = e;
	capture_begin(STDOUT_FILENO);
	T_CHECK(stats_run(&c) == 0);
	T_STREQ(capture_end(),
	    "{\"Ip6\":{\"Ip6InReceives\":3},\"Udp6\":{\"Udp6InDatagrams\":2},"
	    "\"Tcp\":{\"ActiveOpens\":7,\"MaxConn\":-1}}\n");
	emit_free(e);
	t_end();
}

/* One JSON object per title, however often the title comes back. */
static void
test_stats_json_titles(void)
{
	struct opts o = parse("-s", "--json");
	struct emitter *e = emit_json_new(&o);

	t_begin("emit: -s --json merges sections of one title");
	capture_begin(STDOUT_FILENO);
	emit_doc_begin(e, EMIT_DOC_STATS);
	emit_section_titled(e, EMIT_SEC_COUNTERS, "IcmpMsg");
	emit_counter(e, "InType0", "1");
	emit_section_end(e, EMIT_SEC_COUNTERS);
	emit_section_titled(e, EMIT_SEC_COUNTERS, "IcmpMsg");
	emit_counter(e, "InType3", "");
	emit_section_end(e, EMIT_SEC_COUNTERS);
	emit_section_titled(e, EMIT_SEC_COUNTERS_HIDDEN, "Tcp");
	emit_section_end(e, EMIT_SEC_COUNTERS_HIDDEN);
	emit_section_titled(e, EMIT_SEC_COUNTERS6, "Ip6");
	emit_section_end(e, EMIT_SEC_COUNTERS6);
	emit_section_titled(e, EMIT_SEC_COUNTERS, "IcmpMsg");
	emit_counter(e, "OutType0", "-2");
	emit_section_end(e, EMIT_SEC_COUNTERS);
	emit_doc_end(e, EMIT_DOC_STATS);
	T_STREQ(capture_end(), "{\"IcmpMsg\":{\"InType0\":1,\"InType3\":null,"
	                       "\"OutType0\":-2},\"Ip6\":{}}\n");
	emit_free(e);
	t_end();
}

void
test_group_emit(void)
{
	test_text_bytes();
	test_json_documents();
	test_summary_emitter();
	test_iface_sections();
	if (!tree_new()) {
		t_begin("emit: make a fake /proc tree");
		T_CHECK(!"mkdtemp failed");
		t_end();
		return;
	}
	test_listing_records();
	test_stats_counters();
	test_stats_text();
	test_stats_json_titles();
	test_route_records();
	tree_remove();
}
