/*
 * fmt_route.c - the route tables of -r as netstat's text: titles, column
 * headers and rows of the IPv4 FIB and cache and of the IPv6 table, for
 * every -e layout, with net-tools' flag letters (which --json shares).
 * The records come from route_inet.c and route_inet6.c, already resolved.
 */
#include "fmt_route.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "escape.h"
#include "i18n.h"
#include "out.h"
#include "route_fast.h"

/* Kernel route flags (linux/route.h, linux/ipv6_route.h). */
#define RTF_UP 0x0001u
#define RTF_GATEWAY 0x0002u
#define RTF_HOST 0x0004u
#define RTF_REINSTATE 0x0008u
#define RTF_DYNAMIC 0x0010u
#define RTF_MODIFIED 0x0020u
#define RTF_MTU 0x0040u
#define RTF_WINDOW 0x0080u
#define RTF_IRTT 0x0100u
#define RTF_REJECT 0x0200u
#define RTF_NONEXTHOP 0x00200000u
#define RTF_DEFAULT 0x00010000u
#define RTF_ALLONLINK 0x00020000u
#define RTF_ADDRCONF 0x00040000u
#define RTF_EXPIRES 0x00400000u
#define RTF_CACHE 0x01000000u
#define RTF_FLOW 0x02000000u
#define RTF_POLICY 0x04000000u
#define RTF_LOCAL 0x80000000u

/* One flag bit and the text net-tools appends for it. */
struct route_flag {
	unsigned bit;
	const char *text;
};

/* net-tools' letters and order for each table. */
static const struct route_flag fib_letters[] = {
	{ RTF_UP, "U" },
	{ RTF_GATEWAY, "G" },
	{ RTF_REJECT, "!" },
	{ RTF_HOST, "H" },
	{ RTF_REINSTATE, "R" },
	{ RTF_DYNAMIC, "D" },
	{ RTF_MODIFIED, "M" },
	{ RTF_DEFAULT, "d" },
	{ RTF_ALLONLINK, "a" },
	{ RTF_ADDRCONF, "c" },
	{ RTF_NONEXTHOP, "o" },
	{ RTF_EXPIRES, "e" },
	{ RTF_CACHE, "c" },
	{ RTF_FLOW, "f" },
	{ RTF_POLICY, "p" },
	{ RTF_LOCAL, "l" },
	{ RTF_MTU, "u" },
	{ RTF_WINDOW, "w" },
	{ RTF_IRTT, "i" },
	{ 0x0400u, "n" },
};

/* The cache rows carry RTCF_* bits. */
static const struct route_flag cache_letters[] = {
	{ 0x00000002u, "G" },
	{ 0x00000200u, "!" },
	{ 0x00000008u, "R" },
	{ 0x00000010u, "D" },
	{ 0x00000020u, "M" },
	{ 0x00000001u, "-" },
	{ 0x00000004u, "o" },
	{ 0x00010000u, "n" },
	{ 0x00020000u, "d" },
	{ 0x00080000u, "t" },
	{ 0x00200000u, "f" },
	{ 0x00400000u, "q" },
	{ 0x00800000u, "Ns" },
	{ 0x01000000u, "r" },
	{ 0x04000000u, "i" },
	{ 0x08000000u, "Nd" },
	{ 0x10000000u, "b" },
	{ 0x20000000u, "m" },
	{ 0x40000000u, "#" },
	{ 0x80000000u, "l" },
};

static const struct route_flag inet6_letters[] = {
	{ RTF_UP, "U" },
	{ RTF_REJECT, "!" },
	{ RTF_GATEWAY, "G" },
	{ RTF_HOST, "H" },
	{ RTF_DEFAULT, "D" },
	{ RTF_ADDRCONF, "A" },
	{ RTF_CACHE, "C" },
	{ RTF_ALLONLINK, "a" },
	{ RTF_EXPIRES, "e" },
	{ RTF_MODIFIED, "m" },
	{ RTF_NONEXTHOP, "n" },
	{ RTF_FLOW, "f" },
};

#define LETTERS(tab) (tab), (sizeof(tab) / sizeof((tab)[0]))

/* The IPv4 column headers by layout (fmt_route_ext()); 0 has none. */
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

int
fmt_route_ext(int extend)
{
	/* net-tools counts -e from 1, swaps 1 and 2, then masks with 3. */
	int e = extend + 1;

	if (e == 1)
		e = 2;
	else if (e == 2)
		e = 1;
	return e & 3;
}

/*
 * Append the texts of the bits set in flags to buf, cut to len.  With
 * bang_resets, a bit whose text is "!" replaces everything before it, as
 * net-tools does for IPv4 reject routes (IPv6 shows it as a letter).
 */
static void
flags_text(unsigned flags, const struct route_flag *tab, size_t n,
    bool bang_resets, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!(flags & tab[i].bit))
			continue;
		if (bang_resets && strcmp(tab[i].text, "!") == 0)
			used = 0;
		size_t room = len - used;
		int w = snprintf(buf + used, room, "%s", tab[i].text);

		if (w > 0)
			used += (size_t)w < room ? (size_t)w : room - 1;
	}
}

void
fmt_route_flags_fib(unsigned flags, char *buf, size_t len)
{
	flags_text(flags, LETTERS(fib_letters), true, buf, len);
}

void
fmt_route_flags_cache(unsigned flags, char *buf, size_t len)
{
	flags_text(flags, LETTERS(cache_letters), true, buf, len);
}

void
fmt_route_flags6(unsigned flags, char *buf, size_t len)
{
	flags_text(flags, LETTERS(inet6_letters), false, buf, len);
}

/* The interface name with unprintable bytes escaped. */
static void
clean_iface(const char *iface, char *buf, size_t len)
{
	escape_copy(buf, len, iface, strlen(iface));
}

static void
fib_print(const struct route_rec *r, int ext)
{
	char flags[64], ifc[64], line[512];
	const char *dst = r->dst, *gw = r->gw, *mask = r->mask;

	fmt_route_flags_fib(r->flags, flags, sizeof(flags));
	clean_iface(r->iface, ifc, sizeof(ifc));
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

static void
cache_print(const struct route_rec *r, int ext)
{
	char flags[64], ifc[64];
	char line[512];
	const char *src = r->src, *dst = r->dst, *gw = r->gw;

	fmt_route_flags_cache(r->flags, flags, sizeof(flags));
	clean_iface(r->iface, ifc, sizeof(ifc));
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

static void
inet6_print(const struct route_rec *r)
{
	char flags[32], ifc[64];

	fmt_route_flags6(r->flags, flags, sizeof(flags));
	clean_iface(r->iface, ifc, sizeof(ifc));
	out_printf("%-30s %-26s %-4s %-3d %-1d %6d %s\n", r->dst, r->gw, flags,
	    r->metric, r->refcnt, r->use, ifc);
}

void
fmt_route_row(const struct route_rec *r, int ext)
{
	if (r->family == AF_INET6)
		inet6_print(r);
	else if (ext == 0)
		return; /* the IPv4 layout of three -e: title only */
	else if (r->cache)
		cache_print(r, ext);
	else
		fib_print(r, ext);
}

void
fmt_route_header4(bool cache, bool columns, int ext)
{
	out_str(cache ? tr_("Kernel IP routing cache\n")
	              : tr_("Kernel IP routing table\n"));
	if (columns)
		out_str(tr_(cache ? cache_headers[ext] : fib_headers[ext]));
}

void
fmt_route_header6(bool cache)
{
	out_str(cache ? tr_("Kernel IPv6 routing cache\n")
	              : tr_("Kernel IPv6 routing table\n"));
	out_str(tr_("Destination                    Next Hop                   "
	            "Flag Met Ref  Use If\n"));
}
