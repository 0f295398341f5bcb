/*
 * fmt_groups.h - the -g section as netstat's text (fmt_groups.c): its
 * title and column header, one row per membership (struct groups_row,
 * groups.h), and the group address as -g shows it.
 */
#ifndef NLNETSTAT_FMT_GROUPS_H
#define NLNETSTAT_FMT_GROUPS_H

#include <stddef.h>

#include "groups.h"
#include "opts.h"

/* The group address as -g shows it (a name unless -n), into host. */
void fmt_groups_host(
    const struct opts *o, const struct groups_row *row, char *host, size_t len);
/* netstat's section title and column header, through out.c. */
void fmt_groups_header(void);
/* One row of netstat's table for device (escaped here), through out.c. */
void fmt_groups_row(
    const struct opts *o, const char *device, const struct groups_row *row);

#endif
