/*
 * xopts.h - nlnetstat's own long-only options (--json, ...).  They are
 * removed from argv before getopt parses netstat's options, and a prefix
 * that could also abbreviate a netstat option is left to netstat's rules,
 * so no netstat command line changes meaning or messages.
 */
#ifndef NLNETSTAT_XOPTS_H
#define NLNETSTAT_XOPTS_H

#include <stdbool.h>

#include "opts.h"

/* Why xopts_extract() failed: the message to print, and what follows. */
struct xopts_error {
	char msg[320]; /* one line, newline included */
	bool usage;    /* netstat's usage text follows, as after getopt */
};

/*
 * Take nlnetstat's own options out of argv (compacting it) and apply them
 * to *o.  netstat_opts is netstat's long-option table, used to leave
 * shared prefixes alone.  Returns the new argc, or -EINVAL on a bad option
 * or value with *err filled in; it never prints or exits, the caller
 * reports the error (exit status 3).
 */
int xopts_extract(int argc, char **argv, struct opts *o,
    const struct option *netstat_opts, struct xopts_error *err);

/* Lines describing the extra options, for the -h text. */
void xopts_usage_out(void);
/* Extra -V lines: the libraries nlnetstat was built with. */
void xopts_version_out(void);

#endif
