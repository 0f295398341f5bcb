/*
 * stats.h - the -s statistics mode: counter tables, the section printer and
 * the readers of /proc/net/snmp, netstat, snmp6 and sctp/snmp.  Exposed so
 * that unit tests can drive the printer and readers without root; stats_run()
 * in modes.h is the only entry point the program uses.
 */
#ifndef NLNETSTAT_STATS_H
#define NLNETSTAT_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opts.h"

/* How a counter found in a table is printed (net-tools 2.10 kinds). */
enum stats_kind {
	STATS_STATIC,   /* found, never printed (static or empty text) */
	STATS_ALWAYS,   /* "    " + text, even when 0 */
	STATS_NONZERO,  /* "    " + text, only when not 0 */
	STATS_IN_HIST,  /* "        " + text under "ICMP input histogram:" */
	STATS_OUT_HIST, /* "        " + text under "ICMP output histogram:" */
};

struct stats_entry {
	const char *name; /* kernel counter name, searched with strcmp */
	enum stats_kind kind;
	const char *text; /* template with one "%llu"; NULL if static */
};

/* One counter table, in net-tools' order (which is not always sorted). */
struct stats_table {
	const struct stats_entry *ent;
	size_t n;
};

/* A section title the current mode knows, and the -t/-u/-w/-S bit. */
struct stats_known {
	const char *title;
	unsigned proto; /* PROTO_* bit enabling it */
	const struct stats_table *table;
};

/* Known titles of IPv4 mode and of IPv6 mode, ended by a NULL title. */
extern const struct stats_known stats_known_v4[];
extern const struct stats_known stats_known_v6[];

/* Indentation state of the printer (net-tools' "plain/in-hist/out-hist"). */
enum stats_indent {
	STATS_PLAIN,
	STATS_IN,
	STATS_OUT,
};

typedef void stats_emit_fn(void *ctx, const char *s, size_t n);

/* The section printer: where output goes and what it remembers. */
struct stats_printer {
	stats_emit_fn *emit;
	void *ctx;
	unsigned protos; /* PROTO_* bits from the command line */
	const struct stats_known *known; /* titles recognised now */
	const struct stats_table *table; /* current section; NULL if unknown */
	bool enabled;                    /* current section prints */
	enum stats_indent indent;
};

/* What a reader met in one file, for the caller's messages. */
struct stats_src {
	int read_err;       /* errno of a failed read, else 0 */
	bool format_err;    /* a line pair without ':' ended the file */
	unsigned long nbad; /* lines skipped where netstat prints garbage */
	unsigned long first_bad; /* line number of the first of them */
};

/*
 * Search t for name exactly as net-tools does: a bisection with strcmp over
 * the table order, so some names present in an unsorted table are not
 * found.  Returns the entry or NULL.
 */
const struct stats_entry *stats_lookup(
    const struct stats_table *t, const char *name);

/* Find title in a NULL-terminated known list; NULL when it is unknown. */
const struct stats_known *stats_known_find(
    const struct stats_known *list, const char *title);

/* Start a printer in the "plain" state that sends bytes to emit(ctx). */
void stats_printer_init(struct stats_printer *p, const struct stats_known *k,
    unsigned protos, stats_emit_fn *emit, void *ctx);

/*
 * Start a section: prints "Title:" unless it is a known, deselected one.
 * A known title resets the indentation; an unknown one inherits it.
 */
void stats_section(struct stats_printer *p, const char *title);

/* Print one counter of the current section by netstat's rules (spec 4.5). */
void stats_counter(struct stats_printer *p, const char *name, uint64_t v);

/*
 * Read "Title: names" / "Title: values" line pairs from fd (/proc/net/snmp
 * or /proc/net/netstat) into p.  With prefix, only titles starting with it
 * are printed.  Problems are recorded in *src, never printed.
 */
void stats_read_pairs(
    struct stats_printer *p, int fd, const char *prefix, struct stats_src *src);

/* Read /proc/net/snmp6 ("Name value" lines, sections by title) into p. */
void stats_read_snmp6(struct stats_printer *p, int fd, struct stats_src *src);

/* Read /proc/net/sctp/snmp into p, under the "Sctp" section header. */
void stats_read_sctp(struct stats_printer *p, int fd, struct stats_src *src);

/*
 * -s for emitters that take counters (--json): every counter of the
 * family's files as EMIT_SEC_COUNTERS sections of EMIT_COUNTER records;
 * -t/-u/-w select known sections as in the table.
 */
struct emitter;
void stats_counters(struct emitter *e, const struct opts *o, bool v6);

#endif
