/*
 * groups.h - the -g section's line parser and the record it gives, for
 * groups.c, its formatters (fmt_groups.c, fmt_json_group.c) and the unit
 * tests.  /proc/net/igmp has a header, interface lines and TAB-led group
 * lines; /proc/net/igmp6 has one group per line and no header.
 */
#ifndef NLNETSTAT_GROUPS_H
#define NLNETSTAT_GROUPS_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opts.h"

/* Bytes of an interface name as net-tools keeps it ("%15c" and NUL). */
#define GROUPS_DEVICE_LEN 16

/* Parser state carried across the lines of both files of one pass. */
struct groups_state {
	bool v6_format; /* a first line without "Device": igmp6 layout */
	bool has_index; /* igmp header starts with "Idx" (since 2.1) */
	char device[GROUPS_DEVICE_LEN]; /* current interface */
};

/* One membership. */
struct groups_row {
	bool v6;
	uint32_t addr4; /* network order */
	struct in6_addr addr6;
	int refcnt;
};

/* What one line gave. */
enum groups_line {
	GROUPS_SKIP,  /* header or interface line: nothing to print */
	GROUPS_ROW,   /* a membership for st->device, in *row */
	GROUPS_BOGUS, /* unreadable: warn with the line number */
};

/*
 * Parse line lnr (0-based within its file) the way net-tools does: line
 * 0 decides the layout (a header mentioning "Device" is igmp's), later
 * lines are read in that layout.  Start each pass with a zeroed state.
 */
enum groups_line groups_parse(struct groups_state *st, unsigned lnr,
    const char *line, struct groups_row *row);

#endif
