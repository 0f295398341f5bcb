/*
 * test_sockstate.c - the shared state, type and flag names: the words
 * netstat prints, the --state/--summary labels, and the TCP name lookup
 * the kernel-side filter uses.
 */
#include <string.h>
#include <sys/socket.h>

#include "harness.h"
#include "sockstate.h"

void test_group_sockstate(void);

static struct sock_rec
rec(enum sk_table t, unsigned state, uint32_t unix_flags)
{
	struct sock_rec r;

	memset(&r, 0, sizeof(r));
	r.table = (uint8_t)t;
	r.family = t == SKT_UNIX ? AF_UNIX : AF_INET;
	r.state = (uint8_t)state;
	r.unix_flags = unix_flags;
	return r;
}

static void
test_names(void)
{
	char b[8];
	struct sock_rec r;

	t_begin("sockstate: the State column's words per table");
	r = rec(SKT_TCP, SK_LISTEN, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "LISTEN");
	r = rec(SKT_TCP, SK_CLOSING, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "CLOSING");
	r = rec(SKT_TCP, 12, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "UNKNOWN");
	r = rec(SKT_UDP, SK_ESTABLISHED, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "ESTABLISHED");
	r = rec(SKT_UDPLITE, SK_CLOSE, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "");
	r = rec(SKT_UDP, SK_LISTEN, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "UNKNOWN");
	r = rec(SKT_RAW, 7, 0);
	T_STREQ(sockstate_text(&r, b, sizeof(b)), "7");
	r = rec(SKT_UNIX, SKU_UNCONNECTED, SKU_FLAG_ACC);
	T_STREQ(sockstate_text(&r, NULL, 0), "LISTENING");
	r = rec(SKT_UNIX, SKU_UNCONNECTED, 0);
	T_STREQ(sockstate_text(&r, NULL, 0), "");
	r = rec(SKT_UNIX, SKU_CONNECTED, 0);
	T_STREQ(sockstate_text(&r, NULL, 0), "CONNECTED");
	r = rec(SKT_UNIX, 9, 0);
	T_STREQ(sockstate_text(&r, NULL, 0), "UNKNOWN");
	t_end();
}

static void
test_labels(void)
{
	char b[8];
	struct sock_rec r;

	t_begin("sockstate: --state labels, UNCONN for a blank state");
	r = rec(SKT_UDP, SK_CLOSE, 0);
	T_STREQ(sockstate_label(&r, b, sizeof(b)), "UNCONN");
	r = rec(SKT_UNIX, SKU_UNCONNECTED, 0);
	T_STREQ(sockstate_label(&r, b, sizeof(b)), "UNCONN");
	r = rec(SKT_RAW, 1, 0);
	T_STREQ(sockstate_label(&r, b, sizeof(b)), "1");
	r = rec(SKT_TCP, SK_TIME_WAIT, 0);
	T_STREQ(sockstate_label(&r, b, sizeof(b)), "TIME_WAIT");
	T_CHECK(sockstate_tcp_number("SYN_RECV") == SK_SYN_RECV);
	T_CHECK(sockstate_tcp_number("CLOSING") == SK_CLOSING);
	T_CHECK(sockstate_tcp_number("LISTENING") == -1);
	T_CHECK(sockstate_tcp_number("") == -1);
	T_CHECK(sockstate_tcp_number("UNCONN") == -1);
	t_end();
}

static void
test_unix(void)
{
	char f[16];

	t_begin("sockstate: UNIX types and flag words");
	T_STREQ(sockstate_unix_type(SOCK_STREAM), "STREAM");
	T_STREQ(sockstate_unix_type(SOCK_SEQPACKET), "SEQPACKET");
	T_STREQ(sockstate_unix_type(0), "UNKNOWN");
	T_STREQ(sockstate_unix_type(99), "UNKNOWN");
	T_STREQ(sockstate_unix_flags(0, f, sizeof(f)), "");
	T_STREQ(sockstate_unix_flags(SKU_FLAG_ACC, f, sizeof(f)), "ACC ");
	T_STREQ(sockstate_unix_flags(
	            SKU_FLAG_ACC | SKU_FLAG_W | SKU_FLAG_N, f, sizeof(f)),
	    "ACC W N ");
	T_STREQ(sockstate_unix_flags(SKU_FLAG_N, f, sizeof(f)), "N ");
	/* A short buffer is cut and terminated, as snprintf did. */
	T_STREQ(sockstate_unix_flags(SKU_FLAG_ACC | SKU_FLAG_W, f, 6), "ACC W");
	T_STREQ(sockstate_unix_flags(SKU_FLAG_ACC, f, 1), "");
	t_end();
}

void
test_group_sockstate(void)
{
	test_names();
	test_labels();
	test_unix();
}
