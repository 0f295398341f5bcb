/*
 * test_xopts.c - nlnetstat's own long options taken out of argv: every
 * option with and without '=', unambiguous abbreviations, prefixes left to
 * netstat, the exact error messages, the arguments of -A/--protocol, "--"
 * and the compacted argv handed on to getopt.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "harness.h"
#include "xopts.h"

void test_group_xopts(void);

/* Enough of netstat's table for the prefixes these tests use. */
static const struct option netstat_lo[] = {
	{ "netrom", no_argument, NULL, 1 },
	{ "inet", no_argument, NULL, 1 },
	{ "unix", no_argument, NULL, 1 },
	{ "protocol", required_argument, NULL, 'A' },
	{ "tcp", no_argument, NULL, 't' },
	{ "sctp", no_argument, NULL, 'S' },
	{ "udp", no_argument, NULL, 'u' },
	{ "all", no_argument, NULL, 'a' },
	{ "programs", no_argument, NULL, 'p' },
	{ "statistics", no_argument, NULL, 's' },
	{ "numeric", no_argument, NULL, 'n' },
	{ "symbolic", no_argument, NULL, 'N' },
	{ NULL, 0, NULL, 0 },
};

#define MAXARG 48

/* One extraction: argv in, opts, kept argv (space-joined) and error out. */
struct run {
	int rc;
	struct xopts_values o;
	struct xopts_error err;
	char kept[512];
};

static struct run
extract(const char *const *args)
{
	char *argv[MAXARG + 2] = { (char *)"netstat" };
	int argc = 1;
	struct run r;

	memset(&r, 0, sizeof(r));
	while (args[argc - 1] != NULL && argc <= MAXARG) {
		argv[argc] = (char *)args[argc - 1];
		argc++;
	}
	r.rc = xopts_extract(argc, argv, &r.o, netstat_lo, &r.err);
	for (int i = 1; r.rc > 0 && i < r.rc; i++) {
		size_t n = strlen(r.kept);
		snprintf(r.kept + n, sizeof(r.kept) - n, "%s%s",
		    i > 1 ? " " : "", argv[i]);
	}
	if (r.rc > 0)
		T_CHECK(argv[r.rc] == NULL);
	return r;
}

#define RUN(...) extract((const char *const[]){ __VA_ARGS__, NULL })

static void
test_flags(void)
{
	struct run r;

	t_begin("xopts: options without arguments, full and abbreviated");
	r = RUN("--json", "-t");
	T_CHECK(r.rc == 2 && r.o.format == FORMAT_JSON && !r.o.xf.active);
	T_STREQ(r.kept, "-t");
	r = RUN("--js");
	T_CHECK(r.rc == 1 && r.o.format == FORMAT_JSON);
	r = RUN("--summary", "-l");
	T_CHECK(r.o.summary && r.o.summary_all && !r.o.xf.active);
	T_STREQ(r.kept, "-l");
	r = RUN("--su");
	T_CHECK(r.rc == 1 && r.o.summary);
	r = RUN("--peers");
	T_CHECK(r.rc == 1 && r.o.peers);
	r = RUN("--pe");
	T_CHECK(r.rc == 1 && r.o.peers);
	r = RUN("--all-netns");
	T_CHECK(r.rc == 1 && r.o.all_netns);
	r = RUN("--all-");
	T_CHECK(r.rc == 1 && r.o.all_netns);
	t_end();
}

static void
test_values(void)
{
	struct run r;

	t_begin("xopts: options with a value, separate and after '='");
	r = RUN("--port", "80,ssh", "--sport=443", "--dport", "0,65535");
	T_CHECK(r.rc == 1 && r.o.xf.active);
	T_CHECK(r.o.xf.nports == 2 && r.o.xf.ports[0] == 80);
	T_CHECK(r.o.xf.ports[1] == 22);
	T_CHECK(r.o.xf.nsports == 1 && r.o.xf.sports[0] == 443);
	T_CHECK(r.o.xf.ndports == 2 && r.o.xf.dports[1] == 65535);
	r = RUN("--state=listen,Time_Wait", "--pid", "1,42");
	T_CHECK(r.rc == 1 && r.o.xf.nstates == 2);
	T_STREQ(r.o.xf.states[0], "LISTEN");
	T_STREQ(r.o.xf.states[1], "TIME_WAIT");
	T_CHECK(r.o.xf.npids == 2 && r.o.xf.pids[1] == 42);
	r = RUN("--user", "root");
	T_CHECK(r.o.xf.has_uid && r.o.xf.uid == 0);
	r = RUN("--user=4294967295");
	T_CHECK(r.o.xf.has_uid && r.o.xf.uid == 4294967295u);
	r = RUN("--netns", "blue", "-n");
	T_CHECK(r.rc == 2 && r.o.netns != NULL);
	T_STREQ(r.o.netns, "blue");
	T_STREQ(r.kept, "-n");
	r = RUN("--netns=/run/netns/red");
	T_STREQ(r.o.netns, "/run/netns/red");
	/* An empty value after '=' is a value, not a missing argument. */
	r = RUN("--netns=");
	T_CHECK(r.rc == 1 && r.o.netns != NULL && r.o.netns[0] == '\0');
	t_end();

	t_begin("xopts: --addr with and without a prefix length");
	r = RUN("--addr", "10.1.2.3/8,::1");
	T_CHECK(r.rc == 1 && r.o.xf.naddrs == 2);
	T_CHECK(r.o.xf.addrs[0].family == AF_INET);
	T_CHECK(r.o.xf.addrs[0].prefix == 8);
	T_CHECK(memcmp(r.o.xf.addrs[0].bytes, "\x0a\x01\x02\x03", 4) == 0);
	T_CHECK(r.o.xf.addrs[1].family == AF_INET6);
	T_CHECK(r.o.xf.addrs[1].prefix == 128);
	T_CHECK(
	    r.o.xf.addrs[1].bytes[15] == 1 && r.o.xf.addrs[1].bytes[0] == 0);
	r = RUN("--ad=192.0.2.1");
	T_CHECK(r.rc == 1 && r.o.xf.addrs[0].prefix == 32);
	t_end();
}

static void
test_prefixes(void)
{
	struct run r;

	t_begin("xopts: prefixes shared with netstat stay netstat's");
	/* "--s" is ambiguous even among ours; "--stat" is --statistics. */
	r = RUN("--s", "--stat", "--sta");
	T_CHECK(r.rc == 4);
	T_STREQ(r.kept, "--s --stat --sta");
	/* "--all" is netstat's, "--net" could be --netrom. */
	r = RUN("--all", "--net", "--p");
	T_STREQ(r.kept, "--all --net --p");
	T_CHECK(!r.o.all_netns && r.o.netns == NULL && !r.o.peers);
	/* Unknown names are left for getopt to complain about. */
	r = RUN("--jsonx", "--bogus=1");
	T_STREQ(r.kept, "--jsonx --bogus=1");
	T_CHECK(r.o.format == FORMAT_TABLE);
	t_end();
}

static void
test_short_and_dashdash(void)
{
	struct run r;

	t_begin("xopts: the argument of -A and --protocol is not an option");
	r = RUN("-A", "--json", "-tA", "--port", "--protocol", "--peers");
	T_CHECK(r.rc == 7 && r.o.format == FORMAT_TABLE);
	T_CHECK(!r.o.xf.active && !r.o.peers);
	T_STREQ(r.kept, "-A --json -tA --port --protocol --peers");
	/* -A with its value attached, or --protocol=: the next is ours. */
	r = RUN("-Ainet", "--json", "--protocol=unix", "--peers");
	T_STREQ(r.kept, "-Ainet --protocol=unix");
	T_CHECK(r.o.format == FORMAT_JSON && r.o.peers);
	/* -A not at the end of a cluster takes no next argument. */
	r = RUN("-Atn", "--json");
	T_STREQ(r.kept, "-Atn");
	T_CHECK(r.o.format == FORMAT_JSON);
	/* A plain word ending in A is not an option cluster. */
	r = RUN("wordA", "--json", "-");
	T_STREQ(r.kept, "wordA -");
	T_CHECK(r.o.format == FORMAT_JSON);
	t_end();

	t_begin("xopts: everything after \"--\" is left alone");
	r = RUN("--peers", "--", "--json", "--port", "1");
	T_CHECK(r.rc == 5 && r.o.peers && r.o.format == FORMAT_TABLE);
	T_STREQ(r.kept, "-- --json --port 1");
	T_CHECK(!r.o.xf.active);
	t_end();
}

static void
check_error(struct run r, const char *msg, bool usage)
{
	T_CHECK(r.rc == -EINVAL);
	T_STREQ(r.err.msg, msg);
	T_CHECK(r.err.usage == usage);
}

static void
test_errors(void)
{
	t_begin("xopts: getopt-style errors, usage text follows");
	check_error(RUN("--json=1"),
	    "netstat: option '--json' doesn't allow an argument\n", true);
	check_error(RUN("--pee=x"),
	    "netstat: option '--peers' doesn't allow an argument\n", true);
	check_error(RUN("-t", "--port"),
	    "netstat: option '--port' requires an argument\n", true);
	check_error(RUN("--netn"),
	    "netstat: option '--netns' requires an argument\n", true);
	t_end();

	t_begin("xopts: bad values, exact messages, no usage text");
	check_error(RUN("--port=80,nosuchservice"),
	    "nlnetstat: --port: unknown port `nosuchservice'.\n", false);
	check_error(RUN("--dport", "65536"),
	    "nlnetstat: --dport: unknown port `65536'.\n", false);
	check_error(RUN("--pid", "1,0"),
	    "nlnetstat: --pid: bad process id `0'.\n", false);
	check_error(RUN("--pid=12x"),
	    "nlnetstat: --pid: bad process id `12x'.\n", false);
	check_error(RUN("--user", "no-such-user-here"),
	    "nlnetstat: --user: unknown user `no-such-user-here'.\n", false);
	check_error(RUN("--addr", "10.0.0.1/33"),
	    "nlnetstat: --addr: bad prefix length `10.0.0.1/33'.\n", false);
	check_error(RUN("--addr", "::1/"),
	    "nlnetstat: --addr: bad prefix length `::1/'.\n", false);
	check_error(RUN("--addr", "300.1.1.1"),
	    "nlnetstat: --addr: bad address `300.1.1.1'.\n", false);
	check_error(RUN("--state", "ESTABLISHED,ABCDEFGHIJKLMNOP"),
	    "nlnetstat: --state: bad state `ABCDEFGHIJKLMNOP'.\n", false);
	t_end();

	t_begin("xopts: at most 32 values per list");
	char many[200] = "";
	for (int i = 0; i < 33; i++) {
		size_t n = strlen(many);
		snprintf(many + n, sizeof(many) - n, "%s%d", i ? "," : "", i);
	}
	check_error(RUN("--sport", many),
	    "nlnetstat: --sport: too many values at `32'.\n", false);
	*strrchr(many, ',') = '\0'; /* 0..31: exactly the limit */
	struct run r = RUN("--sport", many);
	T_CHECK(r.rc == 1 && r.o.xf.nsports == 32 && r.o.xf.sports[31] == 31);
	t_end();
}

void
test_group_xopts(void)
{
	test_flags();
	test_values();
	test_prefixes();
	test_short_and_dashdash();
	test_errors();
}
