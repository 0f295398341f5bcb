/*
 * route_inet6.c - the IPv6 table of -r from /proc/net/ipv6_route, with
 * net-tools' conversions: every line is shown (no field-count check, so
 * unreadable fields keep the previous line's values), cache-flagged lines
 * only with -C.  Addresses follow the socket-table IPv6 rules.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "names.h"
#include "netstat.h"
#include "out.h"
#include "report.h"
#include "route.h"
#include "util.h"

#define RTF_CACHE 0x01000000u

/* One line as net-tools' sscanf leaves it: 4-character address groups. */
struct rt6_row {
	char dst[8][5], src[8][5], hop[8][5];
	unsigned plen, slen, metric, refcnt, use, flags;
	char iface[16];
};

/* Addresses kept across lines, like net-tools' sockaddrs. */
struct rt6_addrs {
	struct in6_addr dst, hop;
};

static int
rt6_scan(const char *line, struct rt6_row *r)
{
	return sscanf(line,
	    "%4s%4s%4s%4s%4s%4s%4s%4s %02x "
	    "%4s%4s%4s%4s%4s%4s%4s%4s %02x "
	    "%4s%4s%4s%4s%4s%4s%4s%4s %08x %08x %08x %08x %15s",
	    r->dst[0], r->dst[1], r->dst[2], r->dst[3], r->dst[4], r->dst[5],
	    r->dst[6], r->dst[7], &r->plen, r->src[0], r->src[1], r->src[2],
	    r->src[3], r->src[4], r->src[5], r->src[6], r->src[7], &r->slen,
	    r->hop[0], r->hop[1], r->hop[2], r->hop[3], r->hop[4], r->hop[5],
	    r->hop[6], r->hop[7], &r->metric, &r->refcnt, &r->use, &r->flags,
	    r->iface);
}

/* Join the groups with ':' and parse; an unreadable text keeps *a. */
static void
rt6_addr(char groups[8][5], struct in6_addr *a)
{
	char text[64];
	struct in6_addr tmp;

	snprintf(text, sizeof(text), "%s:%s:%s:%s:%s:%s:%s:%s", groups[0],
	    groups[1], groups[2], groups[3], groups[4], groups[5], groups[6],
	    groups[7]);
	if (inet_pton(AF_INET6, text, &tmp) == 1)
		*a = tmp;
}

/* Texts of one line: dst is "address/prefix" (NI_MAXHOST + 16 bytes). */
static void
rt6_record(const struct rt6_row *r, const struct rt6_addrs *a, bool numeric,
    struct route_rec *rec, char *dst, char *hop)
{
	char host[NI_MAXHOST];

	names_host6(&a->dst, numeric, host, sizeof(host));
	snprintf(dst, NI_MAXHOST + 16, "%s/%d", host, (int)r->plen);
	names_host6(&a->hop, numeric, hop, NI_MAXHOST);
	*rec = (struct route_rec){ .family = AF_INET6,
		.cache = (r->flags & RTF_CACHE) != 0,
		.dst = dst,
		.gw = hop,
		.iface = r->iface,
		.flags = r->flags,
		.metric = (int)r->metric,
		.refcnt = (int)r->refcnt,
		.use = (int)r->use };
}

int
route_inet6(struct emitter *e, bool cache, bool numeric)
{
	struct rt6_row r;
	struct rt6_addrs a;
	struct route_rec rec;
	char dst[NI_MAXHOST + 16], hop[NI_MAXHOST];
	struct lineio l;
	char *line;
	size_t len;
	int fd = util_proc_open("net/ipv6_route");

	if (fd < 0) {
		report_errno("/proc/net/ipv6_route", -fd);
		out_str(tr_("INET6 (IPv6) not configured in this system.\n"));
		return EXIT_FAIL;
	}
	emit_section_begin(e, cache ? EMIT_SEC_ROUTE6_CACHE : EMIT_SEC_ROUTE6);
	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	lineio_init(&l, fd);
	while (lineio_next(&l, &line, &len) == 1) {
		/* net-tools never checks how many fields were read. */
		rt6_scan(line, &r);
		if (((r.flags & RTF_CACHE) != 0) != cache)
			continue;
		rt6_addr(r.dst, &a.dst);
		rt6_addr(r.hop, &a.hop);
		rt6_record(&r, &a, numeric, &rec, dst, hop);
		emit_route(e, &rec);
	}
	close(fd);
	lineio_free(&l);
	emit_section_end(e, cache ? EMIT_SEC_ROUTE6_CACHE : EMIT_SEC_ROUTE6);
	return EXIT_OK;
}
