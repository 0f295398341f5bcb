/*
 * test_metrics.c - the --metrics pieces: label escaping of hostile bytes,
 * samples and family headers in both formats, the emitter's aggregation
 * (listener queue and backlog, connections per listening port, sockets
 * per state) and the atomic file write it ends with.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "emit.h"
#include "harness.h"
#include "metrics.h"
#include "opts.h"
#include "sockrec.h"

void test_group_metrics(void);

/* The escaped form of n bytes of s, as a NUL-terminated static string. */
static const char *
esc(const char *s, size_t n)
{
	static char out[256];
	struct metrics_buf b = { 0 };

	metrics_label_escape(&b, s, n);
	snprintf(out, sizeof(out), "%.*s", (int)b.len, b.p ? b.p : "");
	metrics_buf_free(&b);
	return out;
}

#define ESC(lit) esc(lit, sizeof(lit) - 1)
#define FFFD "\xef\xbf\xbd"

static void
test_escape(void)
{
	t_begin("metrics: label values escape quote, backslash, newline");
	T_STREQ(ESC("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
	T_STREQ(ESC("plain-name_1.2"), "plain-name_1.2");
	t_end();

	t_begin("metrics: label values keep valid UTF-8, replace the rest");
	T_STREQ(ESC("caf\xc3\xa9-\xe2\x98\x83"), "caf\xc3\xa9-\xe2\x98\x83");
	T_STREQ(ESC("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
	T_STREQ(ESC("\xff\xfe-x"), FFFD FFFD "-x");
	T_STREQ(ESC("\xc0\xaf"), FFFD FFFD);          /* overlong '/' */
	T_STREQ(ESC("\xed\xa0\x80"), FFFD FFFD FFFD); /* a surrogate */
	T_STREQ(ESC("\xf4\x90\x80\x80"), FFFD FFFD FFFD FFFD); /* > 10FFFF */
	T_STREQ(ESC("end\xe2\x98"), "end" FFFD FFFD);          /* cut short */
	T_STREQ(ESC("\033]0;x\007\t\177"), FFFD "]0;x" FFFD FFFD FFFD);
	t_end();
}

static void
test_samples(void)
{
	struct metrics_buf b = { 0 };
	struct metrics_label l[] = { { "netns", NULL }, { "port", "80" },
		{ "program", "a\"b" } };

	t_begin("metrics: samples skip NULL labels, headers per format");
	metrics_sample(&b, "x_y", l, 3, 42);
	metrics_sample(&b, "plain", NULL, 0, 0);
	metrics_buf_add(&b, "", 1);
	T_STREQ(b.p, "x_y{port=\"80\",program=\"a\\\"b\"} 42\nplain 0\n");
	b.len = 0;
	metrics_header(&b, "c", "counter", "Help.", false);
	metrics_header(&b, "c", "counter", "Help.", true);
	metrics_header(&b, "g", "gauge", "G.", false);
	metrics_buf_add(&b, "", 1);
	T_STREQ(b.p, "# HELP c_total Help.\n# TYPE c_total counter\n"
	             "# HELP c Help.\n# TYPE c counter\n"
	             "# HELP g G.\n# TYPE g gauge\n");
	metrics_buf_free(&b);
	t_end();
}

static char *
slurp(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n = 0;

	buf[0] = '\0';
	if (f == NULL)
		return buf;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static struct sock_rec
tcp4(const char *addr, uint16_t port, uint8_t state, uint64_t rxq, uint64_t txq)
{
	struct sock_rec r = { .family = AF_INET, .table = SKT_TCP };

	inet_pton(AF_INET, addr, &r.laddr.s6_addr32[0]);
	r.lport = port;
	r.state = state;
	r.rxq = rxq;
	r.txq = txq;
	return r;
}

/* A pass of a listener, its connections and others, into dir/m.prom. */
static void
test_emitter(const char *dir)
{
	char path[512];
	struct opts o = { .ext.metrics = METRICS_OPENMETRICS };
	struct sock_rec lis = tcp4("0.0.0.0", 80, SK_LISTEN, 5, 0);
	struct sock_rec twin = tcp4("0.0.0.0", 80, SK_LISTEN, 1, 0);
	struct sock_rec c1 = tcp4("10.0.0.1", 80, SK_ESTABLISHED, 10, 20);
	struct sock_rec c2 = tcp4("10.0.0.1", 80, SK_ESTABLISHED, 1, 2);
	struct sock_rec tw = tcp4("10.0.0.1", 80, SK_TIME_WAIT, 0, 0);
	struct sock_rec out = tcp4("10.0.0.1", 40000, SK_ESTABLISHED, 7, 7);
	struct sock_rec ux = { .family = AF_UNIX,
		.table = SKT_UNIX,
		.state = SKU_UNCONNECTED,
		.unix_flags = SKU_FLAG_ACC };

	snprintf(path, sizeof(path), "%s/m.prom", dir);
	o.ext.metrics_file = path;
	lis.backlog = 4;
	twin.backlog = 4;
	lis.have = twin.have = HAVE_BACKLOG;
	struct emitter *e = emit_metrics_new(&o);
	emit_set_netns(e, "ns\"1");
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &lis, "tcp", NULL);
	emit_sock(e, &twin, "tcp", NULL);
	emit_sock(e, &c1, "tcp", NULL);
	emit_sock(e, &c2, "tcp", NULL);
	emit_sock(e, &tw, "tcp", NULL);
	emit_sock(e, &out, "tcp", NULL);
	emit_sock(e, &ux, "unix", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	const char *got = slurp(path);

	t_begin("metrics: emitter sums a listener, its port and its states");
	T_CHECK(!emit_metrics_failed(e));
	T_CHECK(strstr(got, "nlnetstat_sockets{netns=\"ns\\\"1\",protocol="
	                    "\"tcp\",state=\"ESTABLISHED\"} 3\n") != NULL);
	T_CHECK(strstr(got, "protocol=\"unix\",state=\"LISTENING\"} 1\n"));
	T_CHECK(strstr(got, "nlnetstat_listen_accept_queue{netns=\"ns\\\"1\","
	                    "protocol=\"tcp\",address=\"0.0.0.0\",port=\"80\"}"
	                    " 6\n") != NULL);
	T_CHECK(strstr(got, "nlnetstat_listen_backlog{netns=\"ns\\\"1\","
	                    "protocol=\"tcp\",address=\"0.0.0.0\",port=\"80\"}"
	                    " 8\n") != NULL);
	T_CHECK(strstr(got, "port=\"80\"} 2\n") != NULL); /* two sockets */
	T_CHECK(strstr(got, "port=\"80\",state=\"ESTABLISHED\"} 2\n"));
	T_CHECK(strstr(got, "port=\"80\",state=\"TIME_WAIT\"} 1\n"));
	T_CHECK(strstr(got, "nlnetstat_port_receive_queue_bytes{netns=\"ns\\"
	                    "\"1\",protocol=\"tcp\",port=\"80\"} 11\n"));
	T_CHECK(strstr(got, "nlnetstat_port_send_queue_bytes{netns=\"ns\\"
	                    "\"1\",protocol=\"tcp\",port=\"80\"} 22\n"));
	T_CHECK(strstr(got, "40000") == NULL);    /* no ephemeral ports */
	T_CHECK(strstr(got, "program=") == NULL); /* no -p */
	size_t n = strlen(got);
	T_CHECK(n > 6 && strcmp(got + n - 6, "# EOF\n") == 0);
	t_end();

	/* A second pass starts from zero: nothing is carried over. */
	emit_doc_begin(e, EMIT_DOC_SOCKETS);
	emit_sock(e, &ux, "unix", NULL);
	emit_doc_end(e, EMIT_DOC_SOCKETS);
	got = slurp(path);
	t_begin("metrics: every pass rewrites the file from fresh counts");
	T_CHECK(strstr(got, "LISTENING\"} 1\n") != NULL);
	T_CHECK(strstr(got, "tcp") == NULL);
	t_end();
	emit_free(e);
	unlink(path);
}

static void
test_atomic(const char *dir)
{
	char path[512], bad[600];
	struct stat st;

	snprintf(path, sizeof(path), "%s/a.prom", dir);
	snprintf(bad, sizeof(bad), "%s/missing/a.prom", dir);
	t_begin("metrics: atomic_file_write replaces, mode 0644, no leftovers");
	T_CHECK(atomic_file_write(path, "old\n", 4) == 0);
	T_CHECK(atomic_file_write(path, "new\n", 4) == 0);
	T_STREQ(slurp(path), "new\n");
	T_CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
	T_CHECK(atomic_file_write(bad, "x", 1) == -ENOENT);
	T_STREQ(slurp(path), "new\n");
	unlink(path);
	T_CHECK(rmdir(dir) == 0); /* empty: no temporary file was left */
	t_end();
}

static const char *
snake(const char *name)
{
	static char out[128];
	struct metrics_buf b = { 0 };

	metrics_snake_case(&b, name);
	snprintf(out, sizeof(out), "%.*s", (int)b.len, b.p ? b.p : "");
	metrics_buf_free(&b);
	return out;
}

static void
test_snake(void)
{
	t_begin("metrics: kernel counter names in snake_case");
	T_STREQ(snake("ActiveOpens"), "active_opens");
	T_STREQ(snake("TCPSynRetrans"), "tcp_syn_retrans");
	T_STREQ(snake("TCPOFOQueue"), "tcpofo_queue");
	T_STREQ(snake("InCsumErrors"), "in_csum_errors");
	T_STREQ(snake("MPJoinAckHMacFailure"), "mp_join_ack_hmac_failure");
	T_STREQ(snake("InType3"), "in_type3");
	T_STREQ(snake("Icmp6InType133"), "icmp6_in_type133");
	T_STREQ(snake("TcpExt"), "tcp_ext");
	T_STREQ(snake("IPReversePathFilter"), "ip_reverse_path_filter");
	T_CHECK(metrics_snmp_is_gauge("Tcp", "CurrEstab"));
	T_CHECK(metrics_snmp_is_gauge("Ip", "Forwarding"));
	T_CHECK(!metrics_snmp_is_gauge("Tcp", "ActiveOpens"));
	T_CHECK(!metrics_snmp_is_gauge("Udp", "CurrEstab"));
	t_end();
}

/*
 * Two -s passes of feed(e, pass) through a metrics emitter writing
 * dir/name; returns what the file holds after the second (static).
 */
static const char *
counters_run(const char *dir, const char *name,
    void (*feed)(struct emitter *e, int pass))
{
	char path[512];
	struct opts o = { .ext.metrics = METRICS_PROMETHEUS };

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	o.ext.metrics_file = path;
	struct emitter *e = emit_metrics_new(&o);
	for (int pass = 0; pass < 2; pass++) {
		emit_doc_begin(e, EMIT_DOC_STATS);
		feed(e, pass);
		emit_doc_end(e, EMIT_DOC_STATS);
	}
	const char *got = slurp(path);
	emit_free(e);
	unlink(path);
	return got;
}

/* -s records (as stats.c emits them). */
static void
feed_counters(struct emitter *e, int pass)
{
	emit_section_titled(e, EMIT_SEC_COUNTERS, "Tcp");
	emit_counter(e, "RtoAlgorithm", "1");
	emit_counter(e, "MaxConn", "-1");
	emit_counter(e, "ActiveOpens", pass ? "13" : "12");
	emit_counter(e, "InErrs", "x");
	emit_counter(e, "OutRsts", "-3");
	emit_section_end(e, EMIT_SEC_COUNTERS);
	emit_section_titled(e, EMIT_SEC_COUNTERS, "TcpExt");
	emit_counter(e, "TCPSynRetrans", "18446744073709551615");
	emit_section_end(e, EMIT_SEC_COUNTERS);
	emit_section_titled(e, EMIT_SEC_COUNTERS, "Ip6");
	emit_counter(e, "Ip6InReceives", "5");
	emit_section_end(e, EMIT_SEC_COUNTERS);
}

static void
test_counters(const char *dir)
{
	const char *got = counters_run(dir, "s.prom", feed_counters);

	t_begin("metrics: -s counters as _total, levels as gauges");
	T_CHECK(strstr(got, "# TYPE nlnetstat_snmp_tcp_active_opens_total "
	                    "counter\nnlnetstat_snmp_tcp_active_opens_total "
	                    "13\n") != NULL);
	T_CHECK(strstr(got, "# TYPE nlnetstat_snmp_tcp_max_conn gauge\n"
	                    "nlnetstat_snmp_tcp_max_conn -1\n") != NULL);
	T_CHECK(strstr(got, "nlnetstat_snmp_tcp_rto_algorithm 1\n") != NULL);
	T_CHECK(strstr(got, "in_errs") == NULL);  /* "x" is no number */
	T_CHECK(strstr(got, "out_rsts") == NULL); /* nor a negative counter */
	T_CHECK(strstr(got, "nlnetstat_snmp_tcp_ext_tcp_syn_retrans_total "
	                    "18446744073709551615\n") != NULL);
	T_CHECK(strstr(got, "nlnetstat_snmp_ip6_in_receives_total 5\n"));
	T_CHECK(strstr(got, " 12\n") == NULL); /* the second pass only */
	t_end();
}

/* A damaged file: a counter without a name, one name twice. */
static void
feed_damaged(struct emitter *e, int pass)
{
	(void)pass;
	emit_section_titled(e, EMIT_SEC_COUNTERS, "Sctp");
	emit_counter(e, "", "5");
	emit_counter(e, "SctpFoo", "4");
	emit_counter(e, "SctpFoo", "7");
	emit_counter(e, "Sctp", "9");
	emit_section_end(e, EMIT_SEC_COUNTERS);
}

static void
test_counters_damaged(const char *dir)
{
	const char *got = counters_run(dir, "d.prom", feed_damaged);

	t_begin("metrics: a nameless or repeated counter makes no bad sample");
	T_CHECK(strstr(got, "sctp__total") == NULL);
	T_CHECK(strstr(got, "\nnlnetstat_snmp_sctp_foo_total 4\n") != NULL);
	T_CHECK(strstr(got, " 7\n") == NULL);
	T_CHECK(strstr(got, "nlnetstat_snmp_sctp_sctp_total 9\n") != NULL);
	t_end();
}

void
test_group_metrics(void)
{
	char dir[] = "/tmp/nlnetstat-unit-metrics.XXXXXX";

	test_escape();
	test_samples();
	test_snake();
	if (mkdtemp(dir) == NULL) {
		t_begin("metrics: make a temporary directory");
		T_CHECK(!"mkdtemp failed");
		t_end();
		return;
	}
	test_emitter(dir);
	test_counters(dir);
	test_counters_damaged(dir);
	test_atomic(dir);
}
