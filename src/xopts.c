/*
 * xopts.c - nlnetstat's long-only options.  They are taken out of argv
 * before getopt runs: exact names always, and unambiguous prefixes only
 * when they abbreviate no netstat option (so "--s" stays netstat's
 * ambiguity error and "--stat" stays --statistics).
 */
#include "xopts.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <getopt.h>
#include <netdb.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "netstat.h"
#include "out.h"

enum xopt_id {
	XOPT_JSON,
	XOPT_SUMMARY,
	XOPT_PEERS,
	XOPT_PORT,
	XOPT_SPORT,
	XOPT_DPORT,
	XOPT_STATE,
	XOPT_PID,
	XOPT_USER,
	XOPT_ADDR,
	XOPT_NETNS,
	XOPT_ALL_NETNS,
};

struct xopt {
	const char *name;
	bool has_arg;
	enum xopt_id id;
	const char *help;
};

static const struct xopt xopt_table[] = {
	{ "json", false, XOPT_JSON, "print JSON instead of tables" },
	{ "summary", false, XOPT_SUMMARY,
	    "count sockets per protocol and state" },
	{ "peers", false, XOPT_PEERS, "show the peer of UNIX sockets" },
	{ "port", true, XOPT_PORT,
	    "only sockets with this local or remote port" },
	{ "sport", true, XOPT_SPORT, "only sockets with this local port" },
	{ "dport", true, XOPT_DPORT, "only sockets with this remote port" },
	{ "state", true, XOPT_STATE,
	    "only sockets in these states (LISTEN,...)" },
	{ "pid", true, XOPT_PID, "only sockets owned by these processes" },
	{ "user", true, XOPT_USER, "only sockets of this user (name or uid)" },
	{ "addr", true, XOPT_ADDR,
	    "only sockets with an address in ADDR[/LEN]" },
	{ "netns", true, XOPT_NETNS,
	    "run inside network namespace NAME or PATH" },
	{ "all-netns", false, XOPT_ALL_NETNS,
	    "every network namespace in turn" },
};
#define XOPT_COUNT (sizeof(xopt_table) / sizeof(xopt_table[0]))

static const char *xopt_argv0 = "netstat";

static bool
name_prefixes(const char *name, size_t len, const char *full)
{
	return strncmp(full, name, len) == 0;
}

static int
netstat_matches(const char *name, size_t len, const struct option *lo)
{
	int n = 0;

	for (; lo->name != NULL; lo++)
		if (name_prefixes(name, len, lo->name))
			n++;
	return n;
}

/* The option a "--name" token selects, or NULL when it is netstat's. */
static const struct xopt *
xopt_find(const char *name, size_t len, const struct option *lo)
{
	const struct xopt *hit = NULL;
	int hits = 0;

	for (size_t i = 0; i < XOPT_COUNT; i++) {
		if (strlen(xopt_table[i].name) == len &&
		    strncmp(xopt_table[i].name, name, len) == 0)
			return &xopt_table[i];
		if (name_prefixes(name, len, xopt_table[i].name)) {
			hit = &xopt_table[i];
			hits++;
		}
	}
	if (hits != 1 || netstat_matches(name, len, lo) > 0)
		return NULL;
	return hit;
}

static void
xopt_usage_exit(void)
{
	opts_usage(true);
	exit(EXIT_USAGE);
}

static void
xopt_bad(const struct xopt *x, const char *what, const char *val)
{
	fprintf(stderr, "nlnetstat: --%s: %s `%s'.\n", x->name, what, val);
	exit(EXIT_USAGE);
}

/* Split a comma list, calling one() per element; at most XF_MAX. */
static void
xopt_each(const struct xopt *x, const char *arg, struct opts *o,
    void (*one)(const struct xopt *, const char *, struct opts *))
{
	char buf[1024];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *t = strtok_r(buf, ",", &save); t;
	     t = strtok_r(NULL, ",", &save))
		one(x, t, o);
}

static uint16_t
xopt_port_value(const struct xopt *x, const char *t)
{
	char *end;
	unsigned long v = strtoul(t, &end, 10);

	if (*t != '\0' && *end == '\0' && v <= 65535)
		return (uint16_t)v;
	struct servent *se = getservbyname(t, NULL);
	if (se == NULL)
		xopt_bad(x, "unknown port", t);
	return ntohs((uint16_t)se->s_port);
}

static void
xopt_one_port(const struct xopt *x, const char *t, struct opts *o)
{
	struct xfilter *f = &o->xf;
	uint16_t *list = x->id == XOPT_PORT    ? f->ports
	                 : x->id == XOPT_SPORT ? f->sports
	                                       : f->dports;
	unsigned *n = x->id == XOPT_PORT    ? &f->nports
	              : x->id == XOPT_SPORT ? &f->nsports
	                                    : &f->ndports;

	if (*n >= XF_MAX)
		xopt_bad(x, "too many values at", t);
	list[(*n)++] = xopt_port_value(x, t);
}

static void
xopt_one_state(const struct xopt *x, const char *t, struct opts *o)
{
	struct xfilter *f = &o->xf;
	size_t i;

	if (f->nstates >= XF_MAX || strlen(t) >= sizeof(f->states[0]))
		xopt_bad(x, "bad state", t);
	for (i = 0; t[i]; i++)
		f->states[f->nstates][i] = (char)toupper((unsigned char)t[i]);
	f->states[f->nstates++][i] = '\0';
}

static void
xopt_one_pid(const struct xopt *x, const char *t, struct opts *o)
{
	char *end;
	long v = strtol(t, &end, 10);

	if (*t == '\0' || *end != '\0' || v <= 0 || v > 0x7fffffff ||
	    o->xf.npids >= XF_MAX)
		xopt_bad(x, "bad process id", t);
	o->xf.pids[o->xf.npids++] = (int)v;
}

static void
xopt_user(const struct xopt *x, const char *t, struct opts *o)
{
	char *end;
	unsigned long v = strtoul(t, &end, 10);

	o->xf.has_uid = true;
	if (*t != '\0' && *end == '\0' && v <= UINT32_MAX) {
		o->xf.uid = (uint32_t)v;
		return;
	}
	struct passwd *pw = getpwnam(t);
	if (pw == NULL)
		xopt_bad(x, "unknown user", t);
	o->xf.uid = pw->pw_uid;
}

static void
xopt_one_addr(const struct xopt *x, const char *t, struct opts *o)
{
	char buf[128];
	char *slash;
	struct xfilter *f = &o->xf;

	if (f->naddrs >= XF_MAX)
		xopt_bad(x, "too many values at", t);
	snprintf(buf, sizeof(buf), "%s", t);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	int fam = strchr(buf, ':') ? AF_INET6 : AF_INET;
	unsigned max = fam == AF_INET ? 32 : 128;
	if (inet_pton(fam, buf, f->addrs[f->naddrs].bytes) != 1)
		xopt_bad(x, "bad address", t);
	unsigned long len = max;
	if (slash) {
		char *end;
		len = strtoul(slash, &end, 10);
		if (*slash == '\0' || *end != '\0' || len > max)
			xopt_bad(x, "bad prefix length", t);
	}
	f->addrs[f->naddrs].family = fam;
	f->addrs[f->naddrs].prefix = (unsigned)len;
	f->naddrs++;
}

static void
xopt_apply(struct opts *o, const struct xopt *x, const char *arg)
{
	switch (x->id) {
	case XOPT_JSON: o->format = FORMAT_JSON; return;
	case XOPT_SUMMARY:
		o->summary = true;
		o->summary_all = true; /* until -l or -a say otherwise */
		return;
	case XOPT_PEERS: o->peers = true; return;
	case XOPT_NETNS: o->netns = arg; return;
	case XOPT_ALL_NETNS: o->all_netns = true; return;
	case XOPT_PORT:
	case XOPT_SPORT:
	case XOPT_DPORT: xopt_each(x, arg, o, xopt_one_port); break;
	case XOPT_STATE: xopt_each(x, arg, o, xopt_one_state); break;
	case XOPT_PID: xopt_each(x, arg, o, xopt_one_pid); break;
	case XOPT_USER: xopt_user(x, arg, o); break;
	case XOPT_ADDR: xopt_each(x, arg, o, xopt_one_addr); break;
	}
	o->xf.active = true;
}

/* Does this netstat token take the next argv element as its argument? */
static bool
netstat_wants_arg(const char *tok, const struct option *lo)
{
	if (tok[0] == '-' && tok[1] == '-') {
		const char *name = tok + 2;
		size_t len = strcspn(name, "=");
		const struct option *hit = NULL;

		if (name[len] == '=')
			return false;
		for (; lo->name != NULL; lo++) {
			if (strlen(lo->name) == len &&
			    strncmp(lo->name, name, len) == 0)
				return lo->has_arg == required_argument;
			if (name_prefixes(name, len, lo->name))
				hit = hit ? hit : lo;
		}
		return hit != NULL && hit->has_arg == required_argument;
	}
	/* A short cluster: only -A takes an argument, and only at the end. */
	const char *a = strchr(tok + 1, 'A');
	return a != NULL && a[1] == '\0';
}

int
xopts_extract(
    int argc, char **argv, struct opts *o, const struct option *netstat_opts)
{
	int out = 1;

	if (argc > 0 && argv[0] != NULL)
		xopt_argv0 = argv[0];
	for (int i = 1; i < argc; i++) {
		const char *tok = argv[i];

		if (strcmp(tok, "--") == 0) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (tok[0] != '-' || tok[1] == '\0') {
			argv[out++] = argv[i];
			continue;
		}
		const struct xopt *x = NULL;
		const char *name = tok + 2;
		size_t len = strcspn(name, "=");
		if (tok[1] == '-')
			x = xopt_find(name, len, netstat_opts);
		if (x == NULL) {
			argv[out++] = argv[i];
			if (netstat_wants_arg(tok, netstat_opts) &&
			    i + 1 < argc)
				argv[out++] = argv[++i];
			continue;
		}
		const char *arg = NULL;
		if (name[len] == '=') {
			if (!x->has_arg) {
				fprintf(stderr,
				    "%s: option '--%s' doesn't allow "
				    "an argument\n",
				    xopt_argv0, x->name);
				xopt_usage_exit();
			}
			arg = name + len + 1;
		} else if (x->has_arg) {
			if (i + 1 >= argc) {
				fprintf(stderr,
				    "%s: option '--%s' requires an "
				    "argument\n",
				    xopt_argv0, x->name);
				xopt_usage_exit();
			}
			arg = argv[++i];
		}
		xopt_apply(o, x, arg);
	}
	argv[out] = NULL;
	return out;
}

static void
xopts_usage_line(char *buf, size_t len, const struct xopt *x)
{
	char left[40];

	snprintf(
	    left, sizeof(left), "--%s%s", x->name, x->has_arg ? " ARG" : "");
	snprintf(buf, len, "        %-25s%s\n", left, x->help);
}

void
xopts_usage_out(void)
{
	char line[160];

	out_str("\n  nlnetstat extensions (long options only):\n");
	for (size_t i = 0; i < XOPT_COUNT; i++) {
		xopts_usage_line(line, sizeof(line), &xopt_table[i]);
		out_str(line);
	}
}

void
xopts_version_out(void)
{
	out_str("libraries: libmnl, libcap\n");
}
