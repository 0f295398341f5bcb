/*
 * route_inet.c - the IPv4 tables of -r: /proc/net/route (FIB) and
 * /proc/net/rt_cache (-C).  Columns are found by their header titles and
 * parsed with net-tools' conversions; values the parser cannot read keep
 * the previous row's, as in net-tools.  Symbolic names come from the hosts
 * and networks databases through names.c (cached, made printable there).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "names.h"
#include "netstat.h"
#include "out.h"
#include "report.h"
#include "route.h"
#include "route_fast.h"
#include "util.h"

#define RTF_UP 0x0001u
#define RTF_HOST 0x0004u

/* Conversion widths of net-tools' buffers: char iface[16], addr[128]. */
#define CONV_IFACE "%15s"
#define CONV_ADDR "%127s"

/* FIB rows need these many columns parsed, cache rows these many. */
#define FIB_MIN_FIELDS 10
#define CACHE_MIN_FIELDS 12

/*
 * The rt_cache columns, in the order struct rt4_row is scanned.  The FIB
 * has the first FIB_NCOLS of them, with its genmask ("Mask") in the
 * place of the cache's source.
 */
static const struct route_col cache_cols[] = {
	{ "Iface", CONV_IFACE },
	{ "Destination", CONV_ADDR },
	{ "Gateway", CONV_ADDR },
	{ "Flags", "%X" },
	{ "RefCnt", "%d" },
	{ "Use", "%d" },
	{ "Metric", "%d" },
	{ "Source", CONV_ADDR },
	{ "MTU", "%d" },
	{ "Window", "%d" },
	{ "IRTT", "%d" },
	{ "TOS", "%d" },
	{ "HHRef", "%d" },
	{ "HHUptod", "%d" },
	{ "SpecDst", CONV_ADDR },
};
#define FIB_NCOLS 11
#define RT4_SOURCE_COL 7

/* One row as sscanf leaves it; fields it could not read keep old values. */
struct rt4_row {
	char iface[16];
	char dst[128], gw[128], mask[128], src[128], spec[128];
	unsigned flags;
	int refcnt, use, metric, mtu, window, irtt, tos, hhref, hhuptod;
};

/* Binary addresses, kept across rows like net-tools' sockaddrs. */
struct rt4_addrs {
	uint32_t dst, gw, mask, src, spec;
};

/* Copy a name cut to net-tools' 15 characters. */
static void
rt4_keep(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%.*s", ROUTE_ADDR_KEEP, name);
}

static void
rt4_numeric(uint32_t addr, char *buf, size_t len)
{
	if (len >= INET_ADDRSTRLEN)
		route_fast_ntoa(addr, buf);
	else
		inet_ntop(AF_INET, &addr, buf, (socklen_t)len);
}

/* name cut to 15 characters, or the dotted quad when there is none. */
static void
rt4_name_or_number(const char *name, uint32_t addr, char *buf, size_t len)
{
	if (name != NULL)
		rt4_keep(buf, len, name);
	else
		rt4_numeric(addr, buf, len);
}

/* Gateway and cache addresses: 0.0.0.0 stays numeric, else a host name. */
static void
rt4_host_text(uint32_t addr, bool numeric, char *buf, size_t len)
{
	const char *name = NULL;

	if (!numeric && addr != 0)
		name = names_lookup4(addr);
	rt4_name_or_number(name, addr, buf, len);
}

/*
 * FIB destination: "default" for 0/0, a host name for host routes and
 * addresses with bits outside the mask, else a networks-database name.
 */
static void
rt4_dest_text(uint32_t dst, uint32_t mask, unsigned flags, bool numeric,
    char *buf, size_t len)
{
	const char *name = NULL;

	if (!numeric && dst == 0 && mask == 0) {
		snprintf(buf, len, "default");
		return;
	}
	if (!numeric && dst != 0) {
		if ((flags & RTF_HOST) || (dst & ~mask) != 0)
			name = names_lookup4(dst);
		else
			name = names_lookup_net4(dst);
	}
	rt4_name_or_number(name, dst, buf, len);
}

/* Read the next address column, keeping the old value when unreadable. */
static void
rt4_addr(const char *text, uint32_t *addr)
{
	route_hex4(text, addr);
}

/* The record of a row's numbers, the same for the FIB and the cache. */
static void
rt4_numbers(const struct rt4_row *r, struct route_rec *rec)
{
	*rec = (struct route_rec){ .family = AF_INET,
		.iface = r->iface,
		.flags = r->flags,
		.metric = r->metric,
		.refcnt = r->refcnt,
		.use = r->use,
		.mtu = r->mtu,
		.window = r->window,
		.irtt = r->irtt,
		.tos = r->tos,
		.hhref = r->hhref,
		.hhuptod = r->hhuptod };
}

/*
 * Open /proc/<rel> and read its header line into *header (NULL when there
 * is none).  Returns the descriptor, or -1 after net-tools' messages.
 */
static int
rt4_open(const char *rel, struct lineio *l, char **header)
{
	size_t len;
	int fd = util_proc_open(rel);

	if (fd < 0) {
		char path[64];

		snprintf(path, sizeof(path), "/proc/%s", rel);
		report_errno(path, -fd);
		out_str(tr_("INET (IPv4) not configured in this system.\n"));
		return -1;
	}
	lineio_init(l, fd);
	if (lineio_next(l, header, &len) != 1)
		*header = NULL;
	return fd;
}

/*
 * The sscanf format of the columns from header into fmt; false, with
 * net-tools' warning, when /proc/<rel> lacks one of them.
 */
static bool
rt4_format(const char *rel, const char *header, const struct route_col *cols,
    size_t ncols, char *fmt, size_t len)
{
	const char *missing;

	if (route_fmt_build(header, cols, ncols, fmt, len, &missing) == 0)
		return true;
	report_plain("warning: /proc/%s does not contain required field %s\n",
	    rel, missing);
	return false;
}

static void
rt4_close(struct lineio *l)
{
	close(l->fd);
	lineio_free(l);
}

/*
 * One FIB line: scanned into *r and *a (unread fields keep the previous
 * line's), then, when the route is shown, its record with the texts in
 * bufs.  False for a line that is not shown.
 */
static bool
fib_line(const char *line, const char *fmt, bool numeric, struct rt4_row *r,
    struct rt4_addrs *a, struct route_rec *rec, char bufs[4][64])
{
	int num = -1;

	if (strcmp(fmt, ROUTE_FAST_FIB_FMT) == 0)
		num = route_fast_fib_scan(line, r->iface, r->dst, r->gw,
		    &r->flags, &r->refcnt, &r->use, &r->metric, r->mask,
		    &r->mtu, &r->window, &r->irtt);
	if (num < 0)
		num = sscanf(line, fmt, r->iface, r->dst, r->gw, &r->flags,
		    &r->refcnt, &r->use, &r->metric, r->mask, &r->mtu,
		    &r->window, &r->irtt);
	if (num < FIB_MIN_FIELDS || !(r->flags & RTF_UP))
		return false;
	rt4_addr(r->dst, &a->dst);
	rt4_addr(r->gw, &a->gw);
	rt4_addr(r->mask, &a->mask);
	rt4_dest_text(a->dst, a->mask, r->flags, numeric, bufs[0], 64);
	rt4_host_text(a->gw, numeric, bufs[1], 64);
	rt4_numeric(a->mask, bufs[2], 64);
	rt4_numbers(r, rec);
	rec->dst = bufs[0];
	rec->gw = bufs[1];
	rec->mask = bufs[2];
	return true;
}

/*
 * The four cache addresses: net-tools converts them through one shared
 * sockaddr, in this order, so an unreadable one shows the address
 * converted just before it (the previous line's SpecDst for the first).
 */
static void
cache_addrs(const struct rt4_row *r, struct rt4_addrs *a)
{
	uint32_t last = a->spec;

	rt4_addr(r->dst, &last);
	a->dst = last;
	rt4_addr(r->gw, &last);
	a->gw = last;
	rt4_addr(r->src, &last);
	a->src = last;
	rt4_addr(r->spec, &last);
	a->spec = last;
}

/* One cache line, as fib_line() does a FIB line. */
static bool
cache_line(const char *line, const char *fmt, bool numeric, struct rt4_row *r,
    struct rt4_addrs *a, struct route_rec *rec, char bufs[4][64])
{
	int num = sscanf(line, fmt, r->iface, r->dst, r->gw, &r->flags,
	    &r->refcnt, &r->use, &r->metric, r->src, &r->mtu, &r->window,
	    &r->irtt, &r->tos, &r->hhref, &r->hhuptod, r->spec);

	/* Unlike the FIB, cache rows are shown without RTF_UP. */
	if (num < CACHE_MIN_FIELDS)
		return false;
	cache_addrs(r, a);
	rt4_host_text(a->src, numeric, bufs[0], 64);
	rt4_host_text(a->dst, numeric, bufs[1], 64);
	rt4_host_text(a->gw, numeric, bufs[2], 64);
	rt4_host_text(a->spec, numeric, bufs[3], 64);
	rt4_numbers(r, rec);
	rec->cache = true;
	rec->src = bufs[0];
	rec->dst = bufs[1];
	rec->gw = bufs[2];
	rec->spec = bufs[3];
	return true;
}

/*
 * net-tools writes the shown texts back over the parsed columns, so a
 * later row lacking SpecDst re-reads a name, not hex digits.
 */
static void
cache_keep(struct rt4_row *r, char bufs[4][64])
{
	snprintf(r->src, sizeof(r->src), "%s", bufs[0]);
	snprintf(r->dst, sizeof(r->dst), "%s", bufs[1]);
	snprintf(r->gw, sizeof(r->gw), "%s", bufs[2]);
	snprintf(r->spec, sizeof(r->spec), "%s", bufs[3]);
}

/* How the lines of one table become records. */
struct rt4_table {
	bool (*line)(const char *line, const char *fmt, bool numeric,
	    struct rt4_row *r, struct rt4_addrs *a, struct route_rec *rec,
	    char bufs[4][64]);
	void (*keep)(struct rt4_row *r, char bufs[4][64]); /* or NULL */
};

static const struct rt4_table fib_table = { fib_line, NULL };
static const struct rt4_table cache_table = { cache_line, cache_keep };

/* Emit a record for every shown line; unread fields keep old values. */
static void
rt4_rows(struct emitter *e, struct lineio *l, const char *fmt, bool numeric,
    const struct rt4_table *t)
{
	struct rt4_row r;
	struct rt4_addrs a;
	struct route_rec rec;
	char bufs[4][64];
	char *line;
	size_t len;

	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	while (lineio_next(l, &line, &len) == 1) {
		if (!t->line(line, fmt, numeric, &r, &a, &rec, bufs))
			continue;
		emit_route(e, &rec);
		if (t->keep != NULL)
			t->keep(&r, bufs);
	}
}

/* The FIB's columns: the cache's first FIB_NCOLS, Mask for Source. */
static void
fib_columns(struct route_col cols[FIB_NCOLS])
{
	memcpy(cols, cache_cols, FIB_NCOLS * sizeof(cols[0]));
	cols[RT4_SOURCE_COL] = (struct route_col){ "Mask", CONV_ADDR };
}

int
route_inet_fib(struct emitter *e, bool numeric)
{
	struct route_col cols[FIB_NCOLS];
	struct lineio l;
	char *header, fmt[512];
	int rc = EXIT_FAIL; /* no header line: net-tools gives up silently */

	if (rt4_open("net/route", &l, &header) < 0)
		return EXIT_FAIL;
	fib_columns(cols);
	emit_section_begin(e, EMIT_SEC_ROUTE4);
	if (header != NULL && rt4_format("net/route", header, cols, FIB_NCOLS,
	                          fmt, sizeof(fmt))) {
		rt4_rows(e, &l, fmt, numeric, &fib_table);
		rc = EXIT_OK;
	}
	rt4_close(&l);
	emit_section_end(e, EMIT_SEC_ROUTE4);
	return rc;
}

/* True when every title of the current rt_cache layout is present. */
static bool
cache_layout_known(
    const char *header, const struct route_col *cols, size_t ncols)
{
	for (size_t i = 1; i < ncols; i++) {
		const char *p = header, *hit = NULL;
		size_t n = strlen(cols[i].name);

		while ((p = strstr(p, cols[i].name)) != NULL) {
			if ((p == header || p[-1] == ' ' || p[-1] == '\t') &&
			    (p[n] == '\0' || strchr(" \t\n", p[n]) != NULL)) {
				hit = p;
				break;
			}
			p += n;
		}
		if (hit == NULL)
			return false;
	}
	return true;
}

/* net-tools reports an empty rt_cache with a stale ENOENT, under a title. */
static int
cache_no_header(struct emitter *e, struct lineio *l)
{
	emit_section_begin(e, EMIT_SEC_ROUTE4_CACHE_TITLE);
	report_errno("/proc/net/rt_cache", ENOENT);
	rt4_close(l);
	return EXIT_OPEN;
}

int
route_inet_cache(struct emitter *e, bool numeric)
{
	const size_t ncols = sizeof(cache_cols) / sizeof(cache_cols[0]);
	struct lineio l;
	char *header, fmt[512];

	if (rt4_open("net/rt_cache", &l, &header) < 0)
		return EXIT_FAIL;
	if (!(e->caps & EMIT_CAP_RT4_CACHE)) {
		/* Modern kernels keep no IPv4 route cache: nothing to list. */
		rt4_close(&l);
		return EXIT_OK;
	}
	if (header == NULL)
		return cache_no_header(e, &l);
	emit_section_begin(e, EMIT_SEC_ROUTE4_CACHE);
	/*
	 * Layouts of kernels before 2.2 (and damaged headers) make net-tools
	 * print uninitialised memory; nlnetstat shows no rows for them.
	 */
	if (cache_layout_known(header, cache_cols, ncols) &&
	    rt4_format(
	        "net/rt_cache", header, cache_cols, ncols, fmt, sizeof(fmt)))
		rt4_rows(e, &l, fmt, numeric, &cache_table);
	rt4_close(&l);
	emit_section_end(e, EMIT_SEC_ROUTE4_CACHE);
	return EXIT_OK;
}
