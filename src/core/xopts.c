/*
 * xopts.c - nlnetstat's long-only options.  They are taken out of argv
 * before getopt runs: exact names always, and unambiguous prefixes only
 * when they abbreviate no netstat option (so "--s" stays netstat's
 * ambiguity error and "--stat" stays --statistics).
 */
#include "xopts.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	XOPT_METRICS,
	XOPT_METRICS_FILE,
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
	{ "metrics", false, XOPT_METRICS,
	    "socket metrics for Prometheus (or OpenMetrics)" },
	{ "metrics-file", true, XOPT_METRICS_FILE,
	    "write --metrics atomically to this file" },
};
#define XOPT_COUNT (sizeof(xopt_table) / sizeof(xopt_table[0]))

/* The "[=VALUE]" of an option whose value is optional, else NULL. */
static const char *
xopt_optional_arg(const struct xopt *x)
{
	return x->id == XOPT_METRICS ? "[=openmetrics]" : NULL;
}

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

/* Fill *err with a bad-value message; returns -EINVAL for the caller. */
static int
xopt_bad(struct xopts_error *err, const struct xopt *x, const char *what,
    const char *val)
{
	snprintf(err->msg, sizeof(err->msg), "nlnetstat: --%s: %s `%s'.\n",
	    x->name, what, val);
	err->usage = false;
	return -EINVAL;
}

/* Fill *err with a getopt-style message (usage follows); -EINVAL. */
static int
xopt_misuse(struct xopts_error *err, const char *argv0, const struct xopt *x,
    const char *what)
{
	snprintf(err->msg, sizeof(err->msg), "%s: option '--%s' %s\n", argv0,
	    x->name, what);
	err->usage = true;
	return -EINVAL;
}

typedef int (*xopt_one_fn)(const struct xopt *, const char *,
    struct xopts_values *, struct xopts_error *);

/* Split a comma list, calling one() per element; stops at an error. */
static int
xopt_each(const struct xopt *x, const char *arg, struct xopts_values *xv,
    struct xopts_error *err, xopt_one_fn one)
{
	char buf[1024];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *t = strtok_r(buf, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		int rc = one(x, t, xv, err);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Port number or service name t; -EINVAL when it is neither. */
static int
xopt_port_value(const char *t, uint16_t *port)
{
	char *end;
	unsigned long v = strtoul(t, &end, 10);

	if (*t != '\0' && *end == '\0' && v <= 65535) {
		*port = (uint16_t)v;
		return 0;
	}
	struct servent *se = getservbyname(t, NULL);
	if (se == NULL)
		return -EINVAL;
	*port = ntohs((uint16_t)se->s_port);
	return 0;
}

static int
xopt_one_port(const struct xopt *x, const char *t, struct xopts_values *xv,
    struct xopts_error *err)
{
	struct xfilter *f = &xv->xf;
	uint16_t *list = x->id == XOPT_PORT    ? f->ports
	                 : x->id == XOPT_SPORT ? f->sports
	                                       : f->dports;
	unsigned *n = x->id == XOPT_PORT    ? &f->nports
	              : x->id == XOPT_SPORT ? &f->nsports
	                                    : &f->ndports;

	if (*n >= XF_MAX)
		return xopt_bad(err, x, "too many values at", t);
	if (xopt_port_value(t, &list[*n]) < 0)
		return xopt_bad(err, x, "unknown port", t);
	(*n)++;
	return 0;
}

static int
xopt_one_state(const struct xopt *x, const char *t, struct xopts_values *xv,
    struct xopts_error *err)
{
	struct xfilter *f = &xv->xf;
	size_t i;

	if (f->nstates >= XF_MAX || strlen(t) >= sizeof(f->states[0]))
		return xopt_bad(err, x, "bad state", t);
	for (i = 0; t[i]; i++)
		f->states[f->nstates][i] = (char)toupper((unsigned char)t[i]);
	f->states[f->nstates++][i] = '\0';
	return 0;
}

static int
xopt_one_pid(const struct xopt *x, const char *t, struct xopts_values *xv,
    struct xopts_error *err)
{
	char *end;
	long v = strtol(t, &end, 10);

	if (*t == '\0' || *end != '\0' || v <= 0 || v > 0x7fffffff ||
	    xv->xf.npids >= XF_MAX)
		return xopt_bad(err, x, "bad process id", t);
	xv->xf.pids[xv->xf.npids++] = (int)v;
	return 0;
}

static int
xopt_user(const struct xopt *x, const char *t, struct xopts_values *xv,
    struct xopts_error *err)
{
	char *end;
	unsigned long v = strtoul(t, &end, 10);

	xv->xf.has_uid = true;
	if (*t != '\0' && *end == '\0' && v <= UINT32_MAX) {
		xv->xf.uid = (uint32_t)v;
		return 0;
	}
	struct passwd *pw = getpwnam(t);
	if (pw == NULL)
		return xopt_bad(err, x, "unknown user", t);
	xv->xf.uid = pw->pw_uid;
	return 0;
}

static int
xopt_one_addr(const struct xopt *x, const char *t, struct xopts_values *xv,
    struct xopts_error *err)
{
	char buf[128];
	char *slash;
	struct xfilter *f = &xv->xf;

	if (f->naddrs >= XF_MAX)
		return xopt_bad(err, x, "too many values at", t);
	snprintf(buf, sizeof(buf), "%s", t);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	int fam = strchr(buf, ':') ? AF_INET6 : AF_INET;
	unsigned max = fam == AF_INET ? 32 : 128;
	if (inet_pton(fam, buf, f->addrs[f->naddrs].bytes) != 1)
		return xopt_bad(err, x, "bad address", t);
	unsigned long len = max;
	if (slash) {
		char *end;
		len = strtoul(slash, &end, 10);
		if (*slash == '\0' || *end != '\0' || len > max)
			return xopt_bad(err, x, "bad prefix length", t);
	}
	f->addrs[f->naddrs].family = fam;
	f->addrs[f->naddrs].prefix = (unsigned)len;
	f->naddrs++;
	return 0;
}

/* --metrics[=FORMAT]: "prometheus" (the default) or "openmetrics". */
static int
xopt_metrics(const struct xopt *x, const char *arg, struct xopts_values *xv,
    struct xopts_error *err)
{
	if (arg == NULL || strcmp(arg, "prometheus") == 0)
		xv->metrics = METRICS_PROMETHEUS;
	else if (strcmp(arg, "openmetrics") == 0)
		xv->metrics = METRICS_OPENMETRICS;
	else
		return xopt_bad(err, x, "unknown format", arg);
	return 0;
}

/* --metrics-file PATH: implies --metrics unless a format was chosen. */
static int
xopt_metrics_file(const struct xopt *x, const char *arg,
    struct xopts_values *xv, struct xopts_error *err)
{
	if (arg[0] == '\0')
		return xopt_bad(err, x, "empty path", arg);
	xv->metrics_file = arg;
	if (xv->metrics == METRICS_OFF)
		xv->metrics = METRICS_PROMETHEUS;
	return 0;
}

static int
xopt_apply(struct xopts_values *xv, const struct xopt *x, const char *arg,
    struct xopts_error *err)
{
	int rc = 0;

	switch (x->id) {
	case XOPT_METRICS: return xopt_metrics(x, arg, xv, err);
	case XOPT_METRICS_FILE: return xopt_metrics_file(x, arg, xv, err);
	case XOPT_JSON: xv->format = FORMAT_JSON; return 0;
	case XOPT_SUMMARY:
		xv->summary = true;
		xv->summary_all = true; /* until -l or -a say otherwise */
		return 0;
	case XOPT_PEERS: xv->peers = true; return 0;
	case XOPT_NETNS: xv->netns = arg; return 0;
	case XOPT_ALL_NETNS: xv->all_netns = true; return 0;
	case XOPT_PORT:
	case XOPT_SPORT:
	case XOPT_DPORT: rc = xopt_each(x, arg, xv, err, xopt_one_port); break;
	case XOPT_STATE: rc = xopt_each(x, arg, xv, err, xopt_one_state); break;
	case XOPT_PID: rc = xopt_each(x, arg, xv, err, xopt_one_pid); break;
	case XOPT_USER: rc = xopt_user(x, arg, xv, err); break;
	case XOPT_ADDR: rc = xopt_each(x, arg, xv, err, xopt_one_addr); break;
	}
	xv->xf.active = true;
	return rc;
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

/* Where xopts_extract() is in argv; passed to the per-token step. */
struct xscan {
	int argc;
	char **argv;
	int in;  /* next token to read */
	int out; /* next slot to keep a token in */
	const char *argv0;
	const struct option *lo;
	struct xopts_values *xv;
	struct xopts_error *err;
};

/* Keep the option argv[in] (and the argument it reads) for getopt. */
static void
xscan_keep(struct xscan *sc, const char *tok)
{
	sc->argv[sc->out++] = sc->argv[sc->in++];
	if (netstat_wants_arg(tok, sc->lo) && sc->in < sc->argc)
		sc->argv[sc->out++] = sc->argv[sc->in++];
}

/* Handle the token at argv[in]: keep it or apply it.  0 or -EINVAL. */
static int
xscan_step(struct xscan *sc)
{
	const char *tok = sc->argv[sc->in];

	if (tok[0] != '-' || tok[1] == '\0') {
		sc->argv[sc->out++] = sc->argv[sc->in++]; /* not an option */
		return 0;
	}
	if (tok[1] != '-') {
		xscan_keep(sc, tok); /* a cluster of netstat's short options */
		return 0;
	}
	const char *name = tok + 2;
	size_t len = strcspn(name, "=");
	const struct xopt *x = xopt_find(name, len, sc->lo);
	if (x == NULL) {
		xscan_keep(sc, tok);
		return 0;
	}
	sc->in++;
	const char *arg = NULL;
	if (name[len] == '=' && xopt_optional_arg(x) != NULL) {
		arg = name + len + 1; /* an optional value: only as --name=V */
	} else if (name[len] == '=') {
		if (!x->has_arg)
			return xopt_misuse(
			    sc->err, sc->argv0, x, "doesn't allow an argument");
		arg = name + len + 1;
	} else if (x->has_arg) {
		if (sc->in >= sc->argc)
			return xopt_misuse(
			    sc->err, sc->argv0, x, "requires an argument");
		arg = sc->argv[sc->in++];
	}
	return xopt_apply(sc->xv, x, arg, sc->err);
}

int
xopts_extract(int argc, char **argv, struct xopts_values *xv,
    const struct option *netstat_opts, struct xopts_error *err)
{
	struct xscan sc = { argc, argv, 1, 1, "netstat", netstat_opts, xv,
		err };

	memset(xv, 0, sizeof(*xv));
	if (argc > 0 && argv[0] != NULL)
		sc.argv0 = argv[0];
	while (sc.in < argc) {
		if (strcmp(argv[sc.in], "--") == 0) {
			while (sc.in < argc)
				argv[sc.out++] = argv[sc.in++];
			break;
		}
		int rc = xscan_step(&sc);
		if (rc < 0)
			return rc;
	}
	argv[sc.out] = NULL;
	return sc.out;
}

static void
xopts_usage_line(char *buf, size_t len, const struct xopt *x)
{
	char left[40];

	snprintf(left, sizeof(left), "--%s%s", x->name,
	    xopt_optional_arg(x) ? xopt_optional_arg(x)
	    : x->has_arg         ? " ARG"
	                         : "");
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
