/*
 * test_summary.c - --summary from records built here: counts per protocol
 * and state (UDP's blank state as UNCONN, raw's number, UNIX states),
 * listening ports with their connections and busiest remote addresses,
 * the exact table text and the JSON object.  Output is captured by
 * pointing stdout at a temporary file around out_flush().
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture.h"
#include "harness.h"
#include "out.h"
#include "summary.h"

void test_group_summary(void);

/* An Internet record: "addr" is IPv4 or IPv6 text by the family. */
static struct sock_rec
inet(int table, int family, int state, const char *la, unsigned lp,
    const char *ra, unsigned rp)
{
	struct sock_rec r;

	memset(&r, 0, sizeof(r));
	r.table = (uint8_t)table;
	r.family = (uint8_t)family;
	r.state = (uint8_t)state;
	r.lport = (uint16_t)lp;
	r.rport = (uint16_t)rp;
	if (inet_pton(family, la, &r.laddr) != 1 ||
	    inet_pton(family, ra, &r.raddr) != 1)
		abort();
	return r;
}

static void
add(struct summary *s, struct sock_rec r, const char *label)
{
	summary_add(s, &r, label);
}

static const char *
print(const struct summary *s, enum ns_format format)
{
	struct opts o;

	memset(&o, 0, sizeof(o));
	o.ext.format = format;
	capture_begin(STDOUT_FILENO);
	summary_print(s, &o, NULL);
	return capture_end();
}

static void
test_counts(void)
{
	struct summary *s = summary_new();
	struct sock_rec u;

	add(s, inet(SKT_TCP, AF_INET, SK_LISTEN, "0.0.0.0", 22, "0.0.0.0", 0),
	    "tcp");
	add(s,
	    inet(SKT_TCP, AF_INET, SK_ESTABLISHED, "10.0.0.1", 22, "10.0.0.9",
	        40000),
	    "tcp");
	add(s,
	    inet(SKT_TCP, AF_INET, SK_TIME_WAIT, "10.0.0.1", 22, "10.0.0.8",
	        40001),
	    "tcp");
	add(s, inet(SKT_TCP, AF_INET, 12, "10.0.0.1", 5, "10.0.0.8", 6), "tcp");
	add(s, inet(SKT_UDP, AF_INET, SK_CLOSE, "0.0.0.0", 53, "0.0.0.0", 0),
	    "udp");
	add(s, inet(SKT_UDP, AF_INET6, SK_CLOSE, "::", 53, "::", 0), "udp6");
	add(s, inet(SKT_UDP, AF_INET6, SK_CLOSE, "::1", 54, "::", 0), "udp6");
	add(s,
	    inet(SKT_UDP, AF_INET, SK_ESTABLISHED, "127.0.0.1", 9, "127.0.0.1",
	        53),
	    "udp");
	add(s, inet(SKT_RAW, AF_INET, 7, "0.0.0.0", 1, "0.0.0.0", 0), "raw");
	memset(&u, 0, sizeof(u));
	u.table = SKT_UNIX;
	u.family = AF_UNIX;
	u.state = SKU_UNCONNECTED;
	u.unix_flags = SKU_FLAG_ACC;
	summary_add(s, &u, "unix");
	u.unix_flags = 0;
	summary_add(s, &u, "unix");
	u.state = SKU_CONNECTED;
	summary_add(s, &u, "unix");
	summary_add(s, &u, "unix");

	t_begin("summary: counts per protocol and state, as a table");
	T_STREQ(print(s, FORMAT_TABLE),
	    "Sockets by protocol and state:\n"
	    "  tcp    LISTEN               1\n"
	    "  tcp    ESTABLISHED          1\n"
	    "  tcp    TIME_WAIT            1\n"
	    "  tcp    UNKNOWN              1\n"
	    "  udp    UNCONN               1\n"
	    "  udp6   UNCONN               2\n"
	    "  udp    ESTABLISHED          1\n"
	    "  raw    7                    1\n"
	    "  unix   LISTENING            1\n"
	    "  unix   UNCONN               1\n"
	    "  unix   CONNECTED            2\n"
	    "Listening ports:\n"
	    "  Proto  Local Address                                  "
	    "Connections\n"
	    "  tcp    0.0.0.0:22                                               "
	    "1\n"
	    "         from 10.0.0.9                                            "
	    "1\n");
	t_end();

	t_begin("summary: counts per protocol and state, as JSON");
	T_STREQ(print(s, FORMAT_JSON),
	    "{\"tcp\":{\"LISTEN\":1,\"ESTABLISHED\":1,\"TIME_WAIT\":1,"
	    "\"UNKNOWN\":1},\"udp\":{\"UNCONN\":1,\"ESTABLISHED\":1},"
	    "\"udp6\":{\"UNCONN\":2},\"raw\":{\"7\":1},"
	    "\"unix\":{\"LISTENING\":1,\"UNCONN\":1,\"CONNECTED\":2},"
	    "\"listening\":[{\"proto\":\"tcp\",\"local_address\":\"0.0.0.0\","
	    "\"local_port\":22,\"connections\":1,\"top_remote\":"
	    "[{\"address\":\"10.0.0.9\",\"connections\":1}]}]}\n");
	t_end();
	summary_free(s);
}

static void
test_listeners(void)
{
	struct summary *s = summary_new();
	/* Remote hosts .1 to .7; host k connects k times (7 is busiest). */
	char ra[32];

	add(s, inet(SKT_TCP, AF_INET, SK_LISTEN, "0.0.0.0", 80, "0.0.0.0", 0),
	    "tcp");
	add(s,
	    inet(SKT_TCP, AF_INET, SK_LISTEN, "127.0.0.1", 631, "0.0.0.0", 0),
	    "tcp");
	for (int k = 1; k <= 7; k++)
		for (int n = 0; n < k; n++) {
			snprintf(ra, sizeof(ra), "192.0.2.%d", k);
			add(s,
			    inet(SKT_TCP, AF_INET, SK_ESTABLISHED, "10.0.0.1",
			        80, ra, (unsigned)(1000 + n)),
			    "tcp");
		}
	/* Same port, another local address: not through the 631 listener. */
	add(s,
	    inet(SKT_TCP, AF_INET, SK_ESTABLISHED, "10.0.0.1", 631,
	        "192.0.2.50", 1),
	    "tcp");
	add(s,
	    inet(SKT_TCP, AF_INET, SK_CLOSE_WAIT, "127.0.0.1", 631, "127.0.0.1",
	        2),
	    "tcp");
	/* Closed connections do not count. */
	add(s,
	    inet(SKT_TCP, AF_INET, SK_TIME_WAIT, "127.0.0.1", 631, "127.0.0.1",
	        3),
	    "tcp");

	t_begin("summary: listeners, their connections and top 5 remotes");
	const char *got = print(s, FORMAT_TABLE);
	const char *want = "Listening ports:\n"
	                   "  Proto  Local Address                             "
	                   "     Connections\n"
	                   "  tcp    0.0.0.0:80                                "
	                   "              28\n"
	                   "         from 192.0.2.7                            "
	                   "               7\n"
	                   "         from 192.0.2.6                            "
	                   "               6\n"
	                   "         from 192.0.2.5                            "
	                   "               5\n"
	                   "         from 192.0.2.4                            "
	                   "               4\n"
	                   "         from 192.0.2.3                            "
	                   "               3\n"
	                   "  tcp    127.0.0.1:631                             "
	                   "               1\n"
	                   "         from 127.0.0.1                            "
	                   "               1\n";
	const char *part = strstr(got, "Listening ports:\n");
	T_STREQ(part ? part : got, want);
	T_CHECK(strstr(got, "  tcp    ESTABLISHED         29\n") != NULL);
	t_end();
	summary_free(s);
}

static void
test_families(void)
{
	struct summary *s = summary_new();

	/* An IPv4 and an IPv6 wildcard listener on one port (V6ONLY). */
	add(s, inet(SKT_TCP, AF_INET, SK_LISTEN, "0.0.0.0", 22, "0.0.0.0", 0),
	    "tcp");
	add(s, inet(SKT_TCP, AF_INET6, SK_LISTEN, "::", 22, "::", 0), "tcp6");
	add(s,
	    inet(SKT_TCP, AF_INET, SK_ESTABLISHED, "10.0.0.1", 22, "10.0.0.9",
	        1),
	    "tcp");
	add(s,
	    inet(SKT_TCP, AF_INET6, SK_ESTABLISHED, "2001:db8::1", 22,
	        "2001:db8::9", 1),
	    "tcp6");
	add(s,
	    inet(SKT_TCP, AF_INET6, SK_ESTABLISHED, "::ffff:10.0.0.1", 22,
	        "::ffff:10.0.0.7", 2),
	    "tcp6");

	t_begin("summary: a connection counts for the listener of its family");
	const char *got = print(s, FORMAT_TABLE);
	const char *part = strstr(got, "Listening ports:\n");
	T_STREQ(part ? part : got,
	    "Listening ports:\n"
	    "  Proto  Local Address                                  "
	    "Connections\n"
	    "  tcp    0.0.0.0:22                                               "
	    "1\n"
	    "         from 10.0.0.9                                            "
	    "1\n"
	    "  tcp6   :::22                                                    "
	    "2\n"
	    "         from ::ffff:10.0.0.7                                     "
	    "1\n"
	    "         from 2001:db8::9                                         "
	    "1\n");
	t_end();
	summary_free(s);
}

void
test_group_summary(void)
{
	test_counts();
	test_listeners();
	test_families();
}
