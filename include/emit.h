/*
 * emit.h - output emitters.  A mode describes documents, sections and
 * records; the emitter, chosen once from the options by main.c, turns
 * them into bytes: netstat's text (emit_text.c), --json (emit_json.c) or
 * --summary (emit_summary.c).  main.c picks one from the options and
 * passes it down; sources, filter and owner map never see it.
 */
#ifndef NLNETSTAT_EMIT_H
#define NLNETSTAT_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opts.h"

struct groups_row;
struct iface;
struct iface_inet6;
struct procmap;
struct route_rec;
struct sock_rec;

/* What one pass of a mode produces. */
enum emit_doc {
	EMIT_DOC_SOCKETS, /* the socket listing, -g included */
	EMIT_DOC_ROUTE,   /* -r */
	EMIT_DOC_IFACE,   /* -i */
	EMIT_DOC_STATS,   /* -s */
};

/* The sections a document is made of. */
enum emit_sec {
	EMIT_SEC_INET,   /* "Active Internet connections" */
	EMIT_SEC_UNIX,   /* "Active UNIX domain sockets" */
	EMIT_SEC_GROUPS, /* "IPv6/IPv4 Group Memberships" */
	EMIT_SEC_ROUTE4, /* "Kernel IP routing table" */
	EMIT_SEC_ROUTE4_CACHE,
	/* The cache file has no header line: netstat prints its title only. */
	EMIT_SEC_ROUTE4_CACHE_TITLE,
	EMIT_SEC_ROUTE6, /* "Kernel IPv6 routing table" */
	EMIT_SEC_ROUTE6_CACHE,
	/*
	 * -s: one group of kernel counters under the file's title.  The kind
	 * names the list of titles netstat looks it up in: IPv4's (snmp,
	 * netstat, sctp/snmp, and snmp's Tcp under -6) or IPv6's (snmp6);
	 * the text emitter prints a known one by its table (stats.h).
	 */
	EMIT_SEC_COUNTERS,
	EMIT_SEC_COUNTERS6,
	/*
	 * -s: a known group that -t/-u/-w/-S leave out; no counters follow.
	 * Only netstat's text notices it (its indentation starts again).
	 */
	EMIT_SEC_COUNTERS_HIDDEN,
	EMIT_SEC_IFACE, /* "Kernel Interface table" */
	/* A later -c pass of -i: netstat repeats the columns, not the title. */
	EMIT_SEC_IFACE_AGAIN,
};

/* The kinds of record a row carries. */
enum emit_kind {
	EMIT_SOCK,    /* an inet or UNIX socket */
	EMIT_GROUP,   /* a multicast group membership */
	EMIT_ROUTE,   /* a route (struct route_rec, route.h) */
	EMIT_COUNTER, /* a kernel counter of a shown -s section */
	EMIT_IFACE,   /* an interface (struct iface, iface.h) */
};

/* A socket; owners (NULL without -p or --pid) serve the -p columns. */
struct emit_sock {
	const struct sock_rec *rec;
	const char *label; /* Proto text: "tcp6", "udpl", "unix" */
	const struct procmap *owners;
};

/* A group membership of one interface (its name as the file pads it). */
struct emit_group {
	const char *device;
	const struct groups_row *row;
};

/*
 * A counter as the kernel names and prints it ("-1" stays signed): the
 * value is the text netstat's strtoull reads there, a sign and digits,
 * "" where it reads no number, or "0" where the file has no value.
 */
struct emit_counter {
	const char *name;
	const char *value;
};

/* An interface; inet6 is /proc/net/if_inet6 indexed for -e, or NULL. */
struct emit_iface {
	const struct iface *ifc;
	const struct iface_inet6 *inet6;
};

/* One record, tagged with its kind. */
struct emit_row {
	enum emit_kind kind;
	union {
		struct emit_sock sock;
		struct emit_group group;
		const struct route_rec *route;
		struct emit_counter counter;
		struct emit_iface iface;
	} u;
};

struct emitter;

/*
 * The operations of one format.  A NULL hook does nothing; an emitter
 * ignores the kinds of record it has no output for.
 */
struct emit_ops {
	void (*doc_begin)(struct emitter *e, enum emit_doc doc);
	/* title names the section where the kind does not (counters). */
	void (*section_begin)(
	    struct emitter *e, enum emit_sec sec, const char *title);
	void (*row)(struct emitter *e, const struct emit_row *row);
	void (*section_end)(struct emitter *e, enum emit_sec sec);
	void (*doc_end)(struct emitter *e, enum emit_doc doc);
	/* --all-netns: several documents, one per namespace, follow. */
	void (*all_netns_begin)(struct emitter *e);
	/* --all-netns: the next document is namespace label's. */
	void (*netns_title)(struct emitter *e, const char *label);
	void (*all_netns_end)(struct emitter *e);
	/* Release what the emitter holds; emit_free() then frees it. */
	void (*release)(struct emitter *e);
};

/* What an emitter needs from the modes besides its rows. */
enum emit_caps {
	/* Rows show UNIX peers even without --peers (fetch them). */
	EMIT_CAP_PEERS = 1u << 0,
	/* Rows show only the first owner of a socket (-p may stop early). */
	EMIT_CAP_FIRST_OWNER = 1u << 1,
	/* Lists the IPv4 routing cache (-r -C), which --json leaves out. */
	EMIT_CAP_RT4_CACHE = 1u << 2,
};

/* The state every emitter starts with; implementations embed it first. */
struct emitter {
	const struct emit_ops *ops;
	const struct opts *o;
	unsigned caps;     /* EMIT_CAP_* */
	const char *netns; /* --netns/--all-netns label, or NULL */
};

/* netstat's text, byte for byte. */
struct emitter *emit_text_new(const struct opts *o);
/* --json: one JSON document per pass (an array, or an object for -s). */
struct emitter *emit_json_new(const struct opts *o);
/* --summary: counts of the socket rows, printed when the document ends. */
struct emitter *emit_summary_new(const struct opts *o);
/* --metrics: Prometheus/OpenMetrics exposition of the rows (metrics.h). */
struct emitter *emit_metrics_new(const struct opts *o);

/* Release an emitter and what it holds (NULL is allowed). */
void emit_free(struct emitter *e);
/* Label every later record with network namespace label (NULL: none). */
void emit_set_netns(struct emitter *e, const char *label);

void emit_doc_begin(struct emitter *e, enum emit_doc doc);
void emit_doc_end(struct emitter *e, enum emit_doc doc);
void emit_section_begin(struct emitter *e, enum emit_sec sec);
void emit_section_titled(
    struct emitter *e, enum emit_sec sec, const char *title);
void emit_section_end(struct emitter *e, enum emit_sec sec);
void emit_row(struct emitter *e, const struct emit_row *row);
void emit_all_netns_begin(struct emitter *e);
void emit_netns_title(struct emitter *e, const char *label);
void emit_all_netns_end(struct emitter *e);

/* Shorthands for the records the modes emit. */
void emit_sock(struct emitter *e, const struct sock_rec *r, const char *label,
    const struct procmap *owners);
void emit_group(
    struct emitter *e, const char *device, const struct groups_row *row);
void emit_route(struct emitter *e, const struct route_rec *r);
void emit_counter(struct emitter *e, const char *name, const char *value);
void emit_iface(struct emitter *e, const struct iface *ifc,
    const struct iface_inet6 *inet6);

#endif
