/*
 * opts.c - command-line parsing into struct opts.  netstat's own options go
 * through glibc getopt_long with net-tools 2.10's exact option string and
 * long-option table, so every getopt message, abbreviation and ambiguity list
 * is the same.  nlnetstat's long-only options are taken out of argv first,
 * so they can never change how a netstat option is parsed.
 */
#include "opts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "netstat.h"
#include "out.h"
#include "report.h"
#include "xopts.h"

/* Value getopt_long returns for the address-family long options. */
#define OPT_FAMILY 1
/* Values of the --numeric-* options in net-tools. */
#define OPT_NUM_HOSTS '!'
#define OPT_NUM_PORTS '@'
#define OPT_NUM_USERS '#'
/* net-tools range-checks the family index against 12 of its 13 entries. */
#define FAMILY_LONGOPTS_CHECKED 12

static const char short_opts[] = "A:CFMacdeghilnNoprsStuUvVWw2fx64?Z";

/* net-tools 2.10 order; the order decides glibc's ambiguity messages. */
static const struct option long_opts[] = {
	{ "ax25", no_argument, NULL, OPT_FAMILY },
	{ "x25", no_argument, NULL, OPT_FAMILY },
	{ "ip", no_argument, NULL, OPT_FAMILY },
	{ "ipx", no_argument, NULL, OPT_FAMILY },
	{ "appletalk", no_argument, NULL, OPT_FAMILY },
	{ "netrom", no_argument, NULL, OPT_FAMILY },
	{ "inet", no_argument, NULL, OPT_FAMILY },
	{ "inet6", no_argument, NULL, OPT_FAMILY },
	{ "ddp", no_argument, NULL, OPT_FAMILY },
	{ "rose", no_argument, NULL, OPT_FAMILY },
	{ "unix", no_argument, NULL, OPT_FAMILY },
	{ "bluetooth", no_argument, NULL, OPT_FAMILY },
	{ "tcpip", no_argument, NULL, OPT_FAMILY },
	{ "version", no_argument, NULL, 'V' },
	{ "interfaces", no_argument, NULL, 'i' },
	{ "help", no_argument, NULL, 'h' },
	{ "route", no_argument, NULL, 'r' },
	{ "masquerade", no_argument, NULL, 'M' },
	{ "protocol", required_argument, NULL, 'A' },
	{ "tcp", no_argument, NULL, 't' },
	{ "sctp", no_argument, NULL, 'S' },
	{ "udp", no_argument, NULL, 'u' },
	{ "udplite", no_argument, NULL, 'U' },
	{ "raw", no_argument, NULL, 'w' },
	{ "unix", no_argument, NULL, 'x' },
	{ "l2cap", no_argument, NULL, '2' },
	{ "rfcomm", no_argument, NULL, 'f' },
	{ "listening", no_argument, NULL, 'l' },
	{ "all", no_argument, NULL, 'a' },
	{ "timers", no_argument, NULL, 'o' },
	{ "continuous", no_argument, NULL, 'c' },
	{ "extend", no_argument, NULL, 'e' },
	{ "programs", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "statistics", no_argument, NULL, 's' },
	{ "wide", no_argument, NULL, 'W' },
	{ "numeric", no_argument, NULL, 'n' },
	{ "numeric-hosts", no_argument, NULL, OPT_NUM_HOSTS },
	{ "numeric-ports", no_argument, NULL, OPT_NUM_PORTS },
	{ "numeric-users", no_argument, NULL, OPT_NUM_USERS },
	{ "symbolic", no_argument, NULL, 'N' },
	{ "cache", no_argument, NULL, 'C' },
	{ "fib", no_argument, NULL, 'F' },
	{ "groups", no_argument, NULL, 'g' },
	{ "context", no_argument, NULL, 'Z' },
	{ NULL, 0, NULL, 0 },
};

/* net-tools' alias table: what -A accepts and the family it selects. */
struct af_alias {
	const char *alias;
	const char *name; /* canonical name appended to afname */
	int af;           /* enum ns_af */
};

static const struct af_alias af_aliases[] = {
	{ "ax25", "ax25", NAF_AX25 },
	{ "ip", "inet", NAF_INET },
	{ "ip6", "inet6", NAF_INET6 },
	{ "ipx", "ipx", NAF_IPX },
	{ "rose", "rose", NAF_ROSE },
	{ "appletalk", "ddp", NAF_DDP },
	{ "netrom", "netrom", NAF_NETROM },
	{ "inet", "inet", NAF_INET },
	{ "inet6", "inet6", NAF_INET6 },
	{ "ddp", "ddp", NAF_DDP },
	{ "unix", "unix", NAF_UNIX },
	{ "tcpip", "inet", NAF_INET },
	{ "econet", "ec", NAF_EC },
	{ "x25", "x25", NAF_X25 },
	{ "ash", "ash", NAF_ASH },
	{ "bluetooth", "bluetooth", NAF_BLUETOOTH },
};

/* Counters net-tools keeps while parsing; folded into struct opts after. */
struct parse_state {
	int route, iface, masq, stats;
	int tcp, sctp, udp, udplite, raw, l2cap, rfcomm;
	int all, listening;
};

/* net-tools' usage lines, each one of its msgids. */
static const char *const usage_main[] = {
	"usage: netstat [-vWeenNcCF] [<Af>] -r         netstat "
	"{-V|--version|-h|--help}\n",
	"       netstat [-vWnNcaeol] [<Socket> ...]\n",
	"       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n\n",
	"        -r, --route              display routing table\n",
	"        -i, --interfaces         display interface table\n",
	"        -g, --groups             display multicast group "
	"memberships\n",
	"        -s, --statistics         display networking statistics "
	"(like SNMP)\n",
	"        -M, --masquerade         display masqueraded connections\n\n",
	"        -v, --verbose            be verbose\n",
	"        -W, --wide               don't truncate IP addresses\n",
	"        -n, --numeric            don't resolve names\n",
	"        --numeric-hosts          don't resolve host names\n",
	"        --numeric-ports          don't resolve port names\n",
	"        --numeric-users          don't resolve user names\n",
	"        -N, --symbolic           resolve hardware names\n",
	"        -e, --extend             display other/more information\n",
	"        -p, --programs           display PID/Program name for "
	"sockets\n",
	"        -o, --timers             display timers\n",
	"        -c, --continuous         continuous listing\n\n",
	"        -l, --listening          display listening server "
	"sockets\n",
	"        -a, --all                display all sockets (default: "
	"connected)\n",
	"        -F, --fib                display Forwarding Information "
	"Base (default)\n",
	"        -C, --cache              display routing cache instead of "
	"FIB\n",
	"        -Z, --context            display SELinux security context "
	"for sockets\n",
};

/* The routable families of net-tools' list, with their titles. */
static const char *const usage_families[][2] = {
	{ "inet", "DARPA Internet" },
	{ "inet6", "IPv6" },
	{ "ax25", "AMPR AX.25" },
	{ "netrom", "AMPR NET/ROM" },
	{ "rose", "AMPR ROSE" },
	{ "ipx", "Novell IPX" },
	{ "ddp", "Appletalk DDP" },
	{ "x25", "CCITT X.25" },
};

/* One usage text to stderr or, for -h, through out.c. */
static void
usage_put(bool to_stderr, const char *s)
{
	if (to_stderr)
		report_plain("%s", s);
	else
		out_str(s);
}

static void
usage_tail(bool to_stderr)
{
	char line[256];

	usage_put(to_stderr, tr_("\n  <Socket>={-t|--tcp} {-u|--udp} "
	                         "{-U|--udplite} {-S|--sctp} {-w|--raw}\n"));
	usage_put(
	    to_stderr, tr_("           {-x|--unix} --ax25 --ipx --netrom\n"));
	snprintf(line, sizeof(line),
	    tr_("  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: %s\n"),
	    "inet");
	usage_put(to_stderr, line);
	usage_put(
	    to_stderr, tr_("  List of possible address families (which support "
	                   "routing):\n"));
}

void
opts_usage(bool to_stderr)
{
	size_t n = sizeof(usage_families) / sizeof(usage_families[0]);

	/* After an option error net-tools' text, byte for byte; -h the same
	 * layout with nlnetstat's options added. */
	for (size_t i = 0; i < sizeof(usage_main) / sizeof(usage_main[0]); i++)
		usage_put(to_stderr, tr_(usage_main[i]));
	if (!to_stderr)
		xopts_usage_out();
	usage_tail(to_stderr);
	/* net-tools writes the family list to stderr, even for -h. */
	for (size_t i = 0; i < n; i++)
		report_plain("%s%s (%s) ",
		    i == 0  ? "    "
		    : i % 3 ? ""
		            : "\n    ",
		    usage_families[i][0], tr_(usage_families[i][1]));
	report_plain("%s", "\n");
}

static void
opts_exit_usage(int status)
{
	opts_usage(status != EXIT_OK);
	exit(report_finish() == 0 ? status : EXIT_FAIL);
}

/* The version lives in the VERSION file; the Makefile passes it in. */
#ifndef NLNETSTAT_VERSION
#define NLNETSTAT_VERSION "unknown"
#endif

static void
opts_version(void)
{
	out_printf(
	    "nlnetstat %s (net-tools 2.10 compatible)\n", NLNETSTAT_VERSION);
	xopts_version_out();
	exit(report_finish() == 0 ? EXIT_OK : EXIT_FAIL);
}

/*
 * net-tools aftrans_opt(): select every family of a comma list, appending
 * canonical names to afname.  Returns false on an unknown name.
 */
static bool
opts_add_families(struct opts *o, const char *list)
{
	char buf[256];
	char *p = buf;

	snprintf(buf, sizeof(buf), "%s", list);
	while (p != NULL) {
		char *next = strchr(p, ',');
		const struct af_alias *a = NULL;

		if (next != NULL)
			*next++ = '\0';
		for (size_t i = 0;
		     i < sizeof(af_aliases) / sizeof(af_aliases[0]); i++)
			if (strcmp(p, af_aliases[i].alias) == 0) {
				a = &af_aliases[i];
				break;
			}
		if (a == NULL) {
			report_plain(tr_("Unknown address family `%s'.\n"), p);
			return false;
		}
		size_t have = strlen(o->afname);
		if (strlen(a->name) + have + 1 >= sizeof(o->afname)) {
			/* net-tools says so and ignores the rest of the list.
			 */
			report_plain(
			    "%s", tr_("Too much address family arguments.\n"));
			return true;
		}
		o->families |= NAF_BIT(a->af);
		snprintf(o->afname + have, sizeof(o->afname) - have, "%s%s",
		    have ? "," : "", a->name);
		p = next;
	}
	return true;
}

static void
opts_family_or_exit(struct opts *o, const char *list)
{
	if (!opts_add_families(o, list))
		exit(EXIT_FAIL);
}

/* One getopt result.  Exits for -V, -h, errors, -Z and bad families. */
static void
opts_apply(struct opts *o, struct parse_state *ps, int c, int longidx)
{
	switch (c) {
	case OPT_FAMILY:
		if (longidx < 0 || longidx >= FAMILY_LONGOPTS_CHECKED) {
			report_plain(tr_("%s: Internal Error `%s'.\n"),
			    "netstat.c", "longopts 1 range");
			break;
		}
		opts_family_or_exit(o, long_opts[longidx].name);
		break;
	case 'A': opts_family_or_exit(o, optarg); break;
	case '4': opts_family_or_exit(o, "inet"); break;
	case '6': opts_family_or_exit(o, "inet6"); break;
	case 'x': opts_family_or_exit(o, "unix"); break;
	case 'M': ps->masq++; break;
	case 'c': o->continuous = true; break;
	case 'd': break; /* accepted and ignored, as in net-tools */
	case 'g': o->groups = true; break;
	case 'e': o->extend++; break;
	case 'p': o->programs = true; break;
	case 'i': ps->iface++; break;
	case 'W': o->wide = true; break;
	case 'n': o->numeric |= NUM_HOST | NUM_PORT | NUM_USER; break;
	case OPT_NUM_HOSTS: o->numeric |= NUM_HOST; break;
	case OPT_NUM_PORTS: o->numeric |= NUM_PORT; break;
	case OPT_NUM_USERS: o->numeric |= NUM_USER; break;
	case 'N': o->symbolic = true; break;
	case 'C': o->route |= ROUTE_CACHE; break;
	case 'F': o->route |= ROUTE_FIB; break;
	case 'o': o->timers = true; break;
	case 'v': o->verbose++; break;
	case 'r': ps->route++; break;
	case 't': ps->tcp++; break;
	case 'S': ps->sctp++; break;
	case 'u': ps->udp++; break;
	case 'U': ps->udplite++; break;
	case 'w': ps->raw++; break;
	case '2': ps->l2cap++; break;
	case 'f': ps->rfcomm++; break;
	case 'l': ps->listening++; break;
	case 'a': ps->all++; break;
	case 's': ps->stats++; break;
	case 'Z':
		/* Built without SELinux support, as if it were disabled. */
		report_plain(
		    "%s", tr_("SELinux is not enabled on this machine.\n"));
		exit(EXIT_FAIL);
	case 'V': opts_version(); break;
	case 'h': opts_exit_usage(EXIT_OK); break;
	default: opts_exit_usage(EXIT_USAGE); break;
	}
}

/* net-tools' derivations after all options were read (spec 1.5). */
static void
opts_finish(struct opts *o, const struct parse_state *ps)
{
	bool inet = opts_has_af(o, NAF_INET), inet6 = opts_has_af(o, NAF_INET6);
	bool anyproto =
	    ps->tcp || ps->sctp || ps->udp || ps->udplite || ps->raw;

	if (ps->iface + ps->route + ps->masq + ps->stats > 1)
		opts_exit_usage(EXIT_USAGE);
	o->protos = (ps->tcp ? PROTO_TCP : 0) | (ps->udp ? PROTO_UDP : 0) |
	            (ps->udplite ? PROTO_UDPLITE : 0) |
	            (ps->sctp ? PROTO_SCTP : 0) | (ps->raw ? PROTO_RAW : 0);
	if ((inet || inet6 || ps->stats) && !anyproto) {
		o->protos = PROTO_INET_ALL;
		o->no_proto_given = true;
	}
	if ((o->protos != 0 || o->groups) && !inet && !inet6)
		o->families |= NAF_BIT(NAF_INET) | NAF_BIT(NAF_INET6);
	if (opts_has_af(o, NAF_BLUETOOTH) && !ps->l2cap && !ps->rfcomm)
		o->bluetooth = true;
	if (ps->l2cap || ps->rfcomm)
		o->bluetooth = true;
	o->explicit_sel =
	    o->protos != 0 || o->groups || o->bluetooth ||
	    (o->families & (NAF_BIT(NAF_UNIX) | NAF_BIT(NAF_IPX) |
	                       NAF_BIT(NAF_AX25) | NAF_BIT(NAF_NETROM) |
	                       NAF_BIT(NAF_X25) | NAF_BIT(NAF_ROSE)));
	o->show = ps->all         ? SHOW_ALL
	          : ps->listening ? SHOW_LISTENING
	                          : SHOW_CONNECTED;
	/* --summary and --metrics count every socket unless -a or -l chose
	 * a view. */
	if ((o->ext.summary_all || o->ext.metrics != METRICS_OFF) && !ps->all &&
	    !ps->listening)
		o->show = SHOW_ALL;
	if (ps->masq)
		o->mode = MODE_MASQ;
	else if (ps->stats)
		o->mode = MODE_STATS;
	else if (ps->route)
		o->mode = MODE_ROUTE;
	else if (ps->iface)
		o->mode = MODE_IFACE;
	else
		o->mode = MODE_SOCKETS;
}

/* Report a bad nlnetstat option as getopt would, and exit 3. */
static void
opts_exit_xerror(const struct xopts_error *err)
{
	report_plain("%s", err->msg);
	if (err->usage)
		opts_usage(true);
	exit(EXIT_USAGE);
}

/* --metrics describes sockets and -s counters, nothing else: exit 3. */
static void
opts_check_metrics(const struct opts *o)
{
	if (o->ext.metrics == METRICS_OFF || o->mode == MODE_SOCKETS ||
	    o->mode == MODE_STATS)
		return;
	report_warn("--metrics: only the socket listing and -s have "
	            "metrics.\n");
	exit(EXIT_USAGE);
}

void
opts_parse(int argc, char **argv, struct opts *o)
{
	struct parse_state ps;
	struct xopts_error xerr = { .usage = false };

	memset(o, 0, sizeof(*o));
	memset(&ps, 0, sizeof(ps));
	/* nlnetstat's own long options leave argv before getopt sees it. */
	argc = xopts_extract(argc, argv, &o->ext, long_opts, &xerr);
	if (argc < 0)
		opts_exit_xerror(&xerr);
	for (;;) {
		int longidx = -1;
		int c =
		    getopt_long(argc, argv, short_opts, long_opts, &longidx);
		if (c == -1)
			break;
		opts_apply(o, &ps, c, longidx);
	}
	opts_finish(o, &ps);
	opts_check_metrics(o);
}
