/*
 * opts.h - the parsed command line: one struct, filled once by opts_parse()
 * and const everywhere after.  Field names carry their meaning; the option
 * letter that sets each field is in its comment.
 */
#ifndef NLNETSTAT_OPTS_H
#define NLNETSTAT_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "xopts.h"

enum ns_mode {
	MODE_SOCKETS, /* default listing, with -g inside it */
	MODE_STATS,   /* -s */
	MODE_ROUTE,   /* -r */
	MODE_IFACE,   /* -i */
	MODE_MASQ,    /* -M */
};

enum ns_show {
	SHOW_CONNECTED, /* default: "(w/o servers)" */
	SHOW_LISTENING, /* -l: "(only servers)" */
	SHOW_ALL,       /* -a: "(servers and established)" */
};

/* Protocol selection bits (-t -u -U -S -w). */
#define PROTO_TCP 0x01u
#define PROTO_UDP 0x02u
#define PROTO_UDPLITE 0x04u
#define PROTO_SCTP 0x08u
#define PROTO_RAW 0x10u
#define PROTO_INET_ALL 0x1fu

/* Address family bits (-A, -4, -6, --inet, -x, ...). */
enum ns_af {
	NAF_INET,
	NAF_INET6,
	NAF_UNIX,
	NAF_IPX,
	NAF_AX25,
	NAF_NETROM,
	NAF_X25,
	NAF_ROSE,
	NAF_DDP,
	NAF_EC,
	NAF_ASH,
	NAF_BLUETOOTH,
	NAF_COUNT,
};
#define NAF_BIT(af) (1u << (af))

/* Numeric bits (-n sets all three). */
#define NUM_HOST 0x1u
#define NUM_PORT 0x2u
#define NUM_USER 0x4u

/* Route table selection (-F -C). */
#define ROUTE_FIB 0x1u
#define ROUTE_CACHE 0x2u

struct opts {
	enum ns_mode mode;
	enum ns_show show; /* -a -l */
	unsigned protos;   /* PROTO_* from -t -u -U -S -w, defaults applied */
	unsigned families; /* NAF_BIT() of every family selected */
	char afname[256];  /* canonical family names, comma-joined, in order */
	bool explicit_sel; /* a protocol, -x, -g or an obsolete family given */
	bool no_proto_given; /* protocols were implied by a family or -s */
	bool groups;         /* -g */
	bool bluetooth;   /* --bluetooth, -2, -f: compiled out in net-tools */
	unsigned numeric; /* NUM_* from -n --numeric-hosts/ports/users */
	bool symbolic;    /* -N: makes -r numeric, as in net-tools */
	int extend;       /* count of -e */
	bool timers;      /* -o */
	bool programs;    /* -p */
	bool wide;        /* -W */
	int verbose;      /* count of -v */
	bool continuous;  /* -c */
	unsigned route;   /* ROUTE_* from -F -C */
	struct xopts_values ext; /* nlnetstat's own options: --json ... */
};

/*
 * Parse argv into *o.  Handles -V, -h, option errors, -Z and bad families
 * exactly as net-tools does: it prints and exits for them, in the order
 * they appear.  Returns only when a mode should run.
 */
void opts_parse(int argc, char **argv, struct opts *o);

/* Print netstat's usage text: stdout part to out, family list to stderr. */
void opts_usage(bool to_stderr);

/* True when a family was selected (bit test, readable at call sites). */
static inline bool
opts_has_af(const struct opts *o, enum ns_af af)
{
	return (o->families & NAF_BIT(af)) != 0;
}

#endif
