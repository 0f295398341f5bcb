/*
 * stats.h - the -s statistics mode, in two halves.  Mode side (stats.c):
 * the readers of /proc/net/snmp, netstat, snmp6 and sctp/snmp, which
 * describe every file as counter sections and records to any emitter.
 * Output side (stats_text.c over the tables of stats_tables.c): net-tools'
 * report, which the text emitter prints those records with.  Exposed so
 * that unit tests and the fuzz target can drive both without root.
 */
#ifndef NLNETSTAT_STATS_H
#define NLNETSTAT_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emit.h"
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

/* A section title netstat knows, and the -t/-u/-w/-S bit. */
struct stats_known {
	const char *title;
	unsigned proto; /* PROTO_* bit enabling it */
	const struct stats_table *table;
};

/*
 * Known titles, ended by a NULL title: of EMIT_SEC_COUNTERS sections
 * (snmp, netstat, sctp/snmp) and of EMIT_SEC_COUNTERS6 ones (snmp6).
 */
extern const struct stats_known stats_known_v4[];
extern const struct stats_known stats_known_v6[];

/* Find title in a NULL-terminated known list; NULL when it is unknown. */
const struct stats_known *stats_known_find(
    const struct stats_known *list, const char *title);

/* ---- Mode side (stats.c): the readers. ---- */

/* Where the readers send their sections, and the section they are in. */
struct stats_reader {
	struct emitter *e;
	unsigned protos;    /* PROTO_* bits: known sections without one hide */
	enum emit_sec open; /* kind of the section begun last */
	bool in_section;    /* a section is begun and not yet ended */
	bool shown;         /* it is not hidden: its counters are emitted */
};

/* What a reader met in one file, for the caller's messages. */
struct stats_src {
	int read_err;       /* errno of a failed read, else 0 */
	bool format_err;    /* a line pair without ':' ended the file */
	unsigned long nbad; /* lines skipped where netstat prints garbage */
	unsigned long first_bad; /* line number of the first of them */
};

/* Start a reader that describes files to e, selecting by protos. */
void stats_reader_init(
    struct stats_reader *r, struct emitter *e, unsigned protos);

/*
 * Read "Title: names" / "Title: values" line pairs from fd (/proc/net/snmp
 * or /proc/net/netstat): one EMIT_SEC_COUNTERS section per pair, values
 * read as netstat reads them (strtoull from where the last one stopped).
 * With prefix, only titles starting with it are described.  Problems are
 * recorded in *src, never printed.
 */
void stats_read_pairs(
    struct stats_reader *r, int fd, const char *prefix, struct stats_src *src);

/*
 * Read /proc/net/snmp6 ("Name value" lines, sections by title, cut into
 * netstat's 1023-byte chunks) as EMIT_SEC_COUNTERS6 sections.
 */
void stats_read_snmp6(struct stats_reader *r, int fd, struct stats_src *src);

/* Read /proc/net/sctp/snmp as one EMIT_SEC_COUNTERS section, "Sctp". */
void stats_read_sctp(struct stats_reader *r, int fd, struct stats_src *src);

/* ---- Output side (stats_text.c): net-tools' report of the records. ---- */

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
	const struct stats_table *table; /* current section; NULL if unknown */
	bool enabled;                    /* current section prints */
	enum stats_indent indent;
};

/*
 * Search t for name exactly as net-tools does: a bisection with strcmp over
 * the table order, so some names present in an unsorted table are not
 * found.  Returns the entry or NULL.
 */
const struct stats_entry *stats_lookup(
    const struct stats_table *t, const char *name);

/* Start a printer in the "plain" state that sends bytes to emit(ctx). */
void stats_printer_init(
    struct stats_printer *p, stats_emit_fn *emit, void *ctx);

/* A stats_emit_fn writing to standard output through out.c. */
void stats_out(void *ctx, const char *s, size_t n);

/*
 * Start a section of kind sec (EMIT_SEC_COUNTERS, _COUNTERS6 or _HIDDEN):
 * prints "Title:" unless it is hidden.  A title of the kind's known list,
 * or a hidden one, resets the indentation; an unknown one inherits it.
 */
void stats_section(
    struct stats_printer *p, enum emit_sec sec, const char *title);

/* Print one counter of the current section by netstat's rules (spec 4.5). */
void stats_counter(struct stats_printer *p, const char *name, uint64_t v);

/* Print a counter record, its value text read with strtoull as netstat. */
void stats_counter_text(struct stats_printer *p, const struct emit_counter *c);

#endif
