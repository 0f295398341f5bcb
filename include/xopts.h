/*
 * xopts.h - nlnetstat's own long-only options (--json, ...).  They are
 * removed from argv before getopt parses netstat's options, and a prefix
 * that could also abbreviate a netstat option is left to netstat's rules,
 * so no netstat command line changes meaning or messages.
 */
#ifndef NLNETSTAT_XOPTS_H
#define NLNETSTAT_XOPTS_H

#include <stdio.h>

#include "opts.h"

/*
 * Take nlnetstat's own options out of argv (compacting it) and apply them
 * to *o.  netstat_opts is netstat's long-option table, used to leave
 * shared prefixes alone.  Returns the new argc; exits 3 on a bad value.
 */
int xopts_extract(
    int argc, char **argv, struct opts *o, const struct option *netstat_opts);

/* Lines describing the extra options, for the -h text. */
void xopts_usage_out(void);
/* Extra -V lines: the libraries nlnetstat was built with. */
void xopts_version_out(void);

#endif
