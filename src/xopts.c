/*
 * xopts.c - nlnetstat's long-only options.  They are taken out of argv
 * before getopt runs: exact names always, and unambiguous prefixes only
 * when they abbreviate no netstat option (so "--s" stays netstat's
 * ambiguity error and "--stat" stays --statistics).
 */
#include "xopts.h"

#include <getopt.h>
#include <libmnl/libmnl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>

#include "netstat.h"
#include "out.h"

enum xopt_id {
	XOPT_JSON,
};

struct xopt {
	const char *name;
	bool has_arg;
	enum xopt_id id;
	const char *help;
};

static const struct xopt xopt_table[] = {
	{"json", false, XOPT_JSON, "print JSON instead of tables"},
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
xopt_apply(struct opts *o, const struct xopt *x, const char *arg)
{
	(void)arg;
	switch (x->id) {
	case XOPT_JSON: o->format = FORMAT_JSON; break;
	}
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
			if (strlen(lo->name) == len && strncmp(lo->name, name, len) == 0)
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
xopts_extract(int argc, char **argv, struct opts *o,
    const struct option *netstat_opts)
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
			if (netstat_wants_arg(tok, netstat_opts) && i + 1 < argc)
				argv[out++] = argv[++i];
			continue;
		}
		const char *arg = NULL;
		if (name[len] == '=') {
			if (!x->has_arg) {
				fprintf(stderr, "%s: option '--%s' doesn't allow "
						"an argument\n",
				    xopt_argv0, x->name);
				xopt_usage_exit();
			}
			arg = name + len + 1;
		} else if (x->has_arg) {
			if (i + 1 >= argc) {
				fprintf(stderr, "%s: option '--%s' requires an "
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

	snprintf(left, sizeof(left), "--%s%s", x->name, x->has_arg ? " ARG" : "");
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
