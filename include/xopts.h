/*
 * xopts.h - nlnetstat's own long-only options (--json, ...).  They are
 * removed from argv before getopt parses netstat's options, and a prefix
 * that could also abbreviate a netstat option is left to netstat's rules,
 * so no netstat command line changes meaning or messages.
 */
#ifndef NLNETSTAT_XOPTS_H
#define NLNETSTAT_XOPTS_H

#include <stdbool.h>
#include <stdint.h>

/* nlnetstat's own output format. */
enum ns_format {
	FORMAT_TABLE, /* netstat's text */
	FORMAT_JSON,  /* --json */
};

/* --metrics: the exposition format of the socket metrics. */
enum ns_metrics {
	METRICS_OFF,
	METRICS_PROMETHEUS,  /* --metrics: Prometheus text format 0.0.4 */
	METRICS_OPENMETRICS, /* --metrics=openmetrics: OpenMetrics 1.0 text */
};

/* nlnetstat's row filters (--port, --state, ...); empty lists match all. */
#define XF_MAX 32
struct xfilter {
	bool active;            /* any filter given */
	uint16_t ports[XF_MAX]; /* --port: local or remote */
	unsigned nports;
	uint16_t sports[XF_MAX]; /* --sport: local */
	unsigned nsports;
	uint16_t dports[XF_MAX]; /* --dport: remote */
	unsigned ndports;
	char states[XF_MAX][16]; /* --state: upper-case state texts */
	unsigned nstates;
	int pids[XF_MAX]; /* --pid */
	unsigned npids;
	bool has_uid; /* --user */
	uint32_t uid;
	struct {
		int family; /* AF_INET or AF_INET6 */
		uint8_t bytes[16];
		unsigned prefix; /* bits */
	} addrs[XF_MAX];         /* --addr */
	unsigned naddrs;
};

/* What nlnetstat's own options set: struct opts' member ext (opts.h). */
struct xopts_values {
	enum ns_format format; /* --json */
	bool summary;          /* --summary */
	bool summary_all;  /* --summary: count every socket (-a/-l narrow) */
	bool peers;        /* --peers */
	const char *netns; /* --netns NAME|PATH */
	bool all_netns;    /* --all-netns */
	struct xfilter xf; /* --port --sport --dport --state --pid ... */
	enum ns_metrics metrics;  /* --metrics[=openmetrics] */
	const char *metrics_file; /* --metrics-file PATH (implies --metrics),
	                           * or NULL: stdout */
};

struct option;

/* Why xopts_extract() failed: the message to print, and what follows. */
struct xopts_error {
	char msg[320]; /* one line, newline included */
	bool usage;    /* netstat's usage text follows, as after getopt */
};

/*
 * Take nlnetstat's own options out of argv (compacting it) and store them
 * in *v (zeroed first).  netstat_opts is netstat's long-option table, used to
 * leave shared prefixes alone.  Returns the new argc, or -EINVAL on a bad
 * option or value with *err filled in; it never prints or exits, the caller
 * reports the error (exit status 3).
 */
int xopts_extract(int argc, char **argv, struct xopts_values *v,
    const struct option *netstat_opts, struct xopts_error *err);

/* Lines describing the extra options, for the -h text. */
void xopts_usage_out(void);
/* Extra -V lines: the libraries nlnetstat was built with. */
void xopts_version_out(void);

#endif
