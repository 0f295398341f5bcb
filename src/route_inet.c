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
#include "escape.h"
#include "i18n.h"
#include "json.h"
#include "names.h"
#include "netstat.h"
#include "out.h"
#include "report.h"
#include "route.h"
#include "route_fast.h"
#include "util.h"

#define RTF_UP 0x0001u
#define RTF_HOST 0x0004u
#define RTF_REJECT 0x0200u

/* Conversion widths of net-tools' buffers: char iface[16], addr[128]. */
#define CONV_IFACE "%15s"
#define CONV_ADDR "%127s"

/* FIB rows need these many columns parsed, cache rows these many. */
#define FIB_MIN_FIELDS 10
#define CACHE_MIN_FIELDS 12

static const char *const fib_headers[4] = {
	"",
	"Destination     Gateway         Genmask         Flags Metric Ref    "
	"Use Iface\n",
	"Destination     Gateway         Genmask         Flags   MSS Window  "
	"irtt Iface\n",
	"Destination     Gateway         Genmask         Flags Metric Ref    "
	"Use Iface    MSS   Window irtt\n",
};

static const char *const cache_headers[4] = {
	"",
	"Source          Destination     Gateway         Flags Metric Ref    "
	"Use Iface\n",
	"Source          Destination     Gateway         Flags   MSS Window  "
	"irtt Iface\n",
	"Source          Destination     Gateway         Flags Metric Ref    "
	"Use Iface    MSS   Window irtt  TOS HHRef HHUptod     SpecDst\n",
};

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

static void
rt4_clean_iface(const char *iface, char *buf, size_t len)
{
	escape_copy(buf, len, iface, strlen(iface));
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

/* The texts of one FIB row; bufs holds them. */
static void
fib_record(const struct rt4_row *r, const struct rt4_addrs *a, bool numeric,
    struct route_rec *rec, char bufs[3][64])
{
	rt4_dest_text(a->dst, a->mask, r->flags, numeric, bufs[0], 64);
	rt4_host_text(a->gw, numeric, bufs[1], 64);
	rt4_numeric(a->mask, bufs[2], 64);
	rt4_numbers(r, rec);
	rec->dst = bufs[0];
	rec->gw = bufs[1];
	rec->mask = bufs[2];
}

static void
fib_print(const struct route_rec *r, int ext)
{
	char flags[64], ifc[64], line[512];
	const char *dst = r->dst, *gw = r->gw, *mask = r->mask;

	route_flags_fib(r->flags, flags, sizeof(flags));
	rt4_clean_iface(r->iface, ifc, sizeof(ifc));
	bool reject = (r->flags & RTF_REJECT) != 0;

	if (ext == 1 && reject)
		snprintf(line, sizeof(line),
		    "%-15s -               %-15s %-5s "
		    "%-6d -  %7d -\n",
		    dst, mask, flags, r->metric, r->use);
	else if (ext == 1)
		snprintf(line, sizeof(line),
		    "%-15s %-15s %-15s %-5s %-6d %-2d "
		    "%7d %s\n",
		    dst, gw, mask, flags, r->metric, r->refcnt, r->use, ifc);
	else if (ext == 2 && reject)
		snprintf(line, sizeof(line),
		    "%-15s -               %-15s %-5s "
		    "    - -          - -\n",
		    dst, mask, flags);
	else if (ext == 2) {
		if (route_fast_fib_row(line, sizeof(line), dst, gw, mask, flags,
		        r->mtu, r->window, r->irtt, ifc) < 0)
			snprintf(line, sizeof(line),
			    "%-15s %-15s %-15s %-5s %5d %-5d "
			    "%6d %s\n",
			    dst, gw, mask, flags, r->mtu, r->window, r->irtt,
			    ifc);
	} else if (reject)
		snprintf(line, sizeof(line),
		    "%-15s -               %-15s %-5s "
		    "%-6d -  %7d -        -     -      -\n",
		    dst, mask, flags, r->metric, r->use);
	else
		snprintf(line, sizeof(line),
		    "%-15s %-15s %-15s %-5s %-6d %-3d "
		    "%6d %-6.6s   %-5d %-6d %d\n",
		    dst, gw, mask, flags, r->metric, r->refcnt, r->use, ifc,
		    r->mtu, r->window, r->irtt);
	out_str(line);
}

/* jc's names for the flag letters. */
static void
route_json_flags(struct json *j, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		/* The RTF_* bits of <linux/route.h>. */
		{ 0x0001, "UP" },
		{ 0x0002, "GATEWAY" },
		{ 0x0004, "HOST" },
		{ 0x0008, "REINSTATE" },
		{ 0x0010, "DYNAMIC" },
		{ 0x0020, "MODIFIED" },
		{ 0x0200, "REJECT" },
	};

	json_key(j, "route_flags_pretty");
	json_open(j, '[');
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit) {
			json_item(j);
			json_cstr(j, names[i].name);
		}
	json_close(j, ']');
}

static void
json_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_i64(j, v);
}

/* One FIB row as a JSON object (every column, whatever the -e count). */
void
route_inet_row_json(struct json *j, const struct route_rec *r)
{
	char flags[64];

	if (r->cache)
		return; /* the IPv4 cache is not listed */
	route_flags_fib(r->flags, flags, sizeof(flags));
	json_item(j);
	json_open(j, '{');
	json_key(j, "destination");
	json_cstr(j, r->dst);
	json_key(j, "gateway");
	json_cstr(j, r->gw);
	json_key(j, "genmask");
	json_cstr(j, r->mask);
	json_key(j, "route_flags");
	json_cstr(j, flags);
	json_int(j, "metric", r->metric);
	json_int(j, "route_refs", r->refcnt);
	json_int(j, "use", r->use);
	json_key(j, "iface");
	json_str(j, r->iface, strlen(r->iface));
	json_int(j, "mss", r->mtu);
	json_int(j, "window", r->window);
	json_int(j, "irtt", r->irtt);
	json_key(j, "kind");
	json_cstr(j, "route");
	json_key(j, "family");
	json_cstr(j, "inet");
	route_json_flags(j, r->flags);
	json_close(j, '}');
}

/* Open a /proc route file and read its header line into *l. */
static int
rt4_open(const char *rel, struct lineio *l, char **header)
{
	size_t len;
	int fd = util_proc_open(rel);

	if (fd < 0)
		return fd;
	lineio_init(l, fd);
	if (lineio_next(l, header, &len) != 1)
		*header = NULL;
	return fd;
}

static void
rt4_close(struct lineio *l)
{
	close(l->fd);
	lineio_free(l);
}

static void
fib_rows(struct emitter *e, struct lineio *l, const char *fmt, bool numeric)
{
	struct rt4_row r;
	struct rt4_addrs a;
	struct route_rec rec;
	char bufs[3][64];
	char *line;
	size_t len;

	bool plain = strcmp(fmt, ROUTE_FAST_FIB_FMT) == 0;

	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	while (lineio_next(l, &line, &len) == 1) {
		int num = plain
		              ? route_fast_fib_scan(line, r.iface, r.dst, r.gw,
		                    &r.flags, &r.refcnt, &r.use, &r.metric,
		                    r.mask, &r.mtu, &r.window, &r.irtt)
		              : -1;

		if (num < 0)
			num = sscanf(line, fmt, r.iface, r.dst, r.gw, &r.flags,
			    &r.refcnt, &r.use, &r.metric, r.mask, &r.mtu,
			    &r.window, &r.irtt);

		if (num < FIB_MIN_FIELDS || !(r.flags & RTF_UP))
			continue;
		rt4_addr(r.dst, &a.dst);
		rt4_addr(r.gw, &a.gw);
		rt4_addr(r.mask, &a.mask);
		fib_record(&r, &a, numeric, &rec, bufs);
		emit_route(e, &rec);
	}
}

int
route_inet_fib(struct emitter *e, bool numeric)
{
	static const struct route_col cols[] = {
		{ "Iface", CONV_IFACE },
		{ "Destination", CONV_ADDR },
		{ "Gateway", CONV_ADDR },
		{ "Flags", "%X" },
		{ "RefCnt", "%d" },
		{ "Use", "%d" },
		{ "Metric", "%d" },
		{ "Mask", CONV_ADDR },
		{ "MTU", "%d" },
		{ "Window", "%d" },
		{ "IRTT", "%d" },
	};
	struct lineio l;
	char *header;
	const char *missing;
	int fd = rt4_open("net/route", &l, &header);

	if (fd < 0) {
		report_errno("/proc/net/route", -fd);
		out_str(tr_("INET (IPv4) not configured in this system.\n"));
		return EXIT_FAIL;
	}
	emit_section_begin(e, EMIT_SEC_ROUTE4);
	int rc = EXIT_FAIL; /* no header line: net-tools gives up silently */
	if (header != NULL) {
		size_t ncols = sizeof(cols) / sizeof(cols[0]);
		char fmt[512];

		if (route_fmt_build(
		        header, cols, ncols, fmt, sizeof(fmt), &missing) == 0) {
			fib_rows(e, &l, fmt, numeric);
			rc = EXIT_OK;
		} else {
			report_plain("warning: /proc/net/route does not "
			             "contain required field %s\n",
			    missing);
		}
	}
	rt4_close(&l);
	emit_section_end(e, EMIT_SEC_ROUTE4);
	return rc;
}

/* The texts of one cache row; bufs holds them. */
static void
cache_record(const struct rt4_row *r, const struct rt4_addrs *a, bool numeric,
    struct route_rec *rec, char bufs[4][64])
{
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
}

static void
cache_print(const struct route_rec *r, int ext)
{
	char flags[64], ifc[64];
	char line[512];
	const char *src = r->src, *dst = r->dst, *gw = r->gw;

	route_flags_cache(r->flags, flags, sizeof(flags));
	rt4_clean_iface(r->iface, ifc, sizeof(ifc));
	if (ext == 1)
		snprintf(line, sizeof(line),
		    "%-15s %-15s %-15s %-5s %-6d %-2d "
		    "%7d %s\n",
		    src, dst, gw, flags, r->metric, r->refcnt, r->use, ifc);
	else if (ext == 2)
		snprintf(line, sizeof(line),
		    "%-15s %-15s %-15s %-5s %5d %-5d "
		    "%6d %s\n",
		    src, dst, gw, flags, r->mtu, r->window, r->irtt, ifc);
	else
		snprintf(line, sizeof(line),
		    "%-15s %-15s %-15s %-5s %-6d %-3d "
		    "%6d %-6.6s   %-5d %-6d %-5d %-3d %-3d   %-3d %15s\n",
		    src, dst, gw, flags, r->metric, r->refcnt, r->use, ifc,
		    r->mtu, r->window, r->irtt, r->tos, r->hhref, r->hhuptod,
		    r->spec);
	out_str(line);
}

void
route_inet_row_text(const struct route_rec *r, int ext)
{
	if (ext == 0)
		return; /* the layout of three -e: title only */
	if (r->cache)
		cache_print(r, ext);
	else
		fib_print(r, ext);
}

void
route_inet_header_text(bool cache, bool columns, int ext)
{
	out_str(cache ? tr_("Kernel IP routing cache\n")
	              : tr_("Kernel IP routing table\n"));
	if (columns)
		out_str(tr_(cache ? cache_headers[ext] : fib_headers[ext]));
}

static void
cache_rows(struct emitter *e, struct lineio *l, const char *fmt, bool numeric)
{
	struct rt4_row r;
	struct rt4_addrs a;
	struct route_rec rec;
	char bufs[4][64];
	uint32_t last = 0;
	char *line;
	size_t len;

	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	while (lineio_next(l, &line, &len) == 1) {
		int num = sscanf(line, fmt, r.iface, r.dst, r.gw, &r.flags,
		    &r.refcnt, &r.use, &r.metric, r.src, &r.mtu, &r.window,
		    &r.irtt, &r.tos, &r.hhref, &r.hhuptod, r.spec);

		/* Unlike the FIB, cache rows are shown without RTF_UP. */
		if (num < CACHE_MIN_FIELDS)
			continue;
		/*
		 * net-tools converts the four addresses through one shared
		 * sockaddr, in this order: an unreadable one shows the
		 * address converted just before it.
		 */
		rt4_addr(r.dst, &last);
		a.dst = last;
		rt4_addr(r.gw, &last);
		a.gw = last;
		rt4_addr(r.src, &last);
		a.src = last;
		rt4_addr(r.spec, &last);
		a.spec = last;
		cache_record(&r, &a, numeric, &rec, bufs);
		emit_route(e, &rec);
		/*
		 * net-tools writes the shown texts back over the parsed
		 * columns, so a later row lacking SpecDst re-reads a name,
		 * not hex digits.
		 */
		snprintf(r.src, sizeof(r.src), "%s", bufs[0]);
		snprintf(r.dst, sizeof(r.dst), "%s", bufs[1]);
		snprintf(r.gw, sizeof(r.gw), "%s", bufs[2]);
		snprintf(r.spec, sizeof(r.spec), "%s", bufs[3]);
	}
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
	static const struct route_col cols[] = {
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
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	struct lineio l;
	char *header;
	const char *missing;
	int fd = rt4_open("net/rt_cache", &l, &header);

	if (fd < 0) {
		report_errno("/proc/net/rt_cache", -fd);
		out_str(tr_("INET (IPv4) not configured in this system.\n"));
		return EXIT_FAIL;
	}
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
	if (cache_layout_known(header, cols, ncols)) {
		char fmt[512];

		if (route_fmt_build(
		        header, cols, ncols, fmt, sizeof(fmt), &missing) == 0) {
			cache_rows(e, &l, fmt, numeric);
		} else {
			report_plain("warning: /proc/net/rt_cache does not "
			             "contain required field %s\n",
			    missing);
		}
	}
	rt4_close(&l);
	emit_section_end(e, EMIT_SEC_ROUTE4_CACHE);
	return EXIT_OK;
}
