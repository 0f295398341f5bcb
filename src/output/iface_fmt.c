/*
 * iface_fmt.c - the two layouts of -i: net-tools' short table and its
 * ifconfig-like long format (-e), with the hardware types and address
 * printers of the net-tools 2.10 build, the IPv6 addresses of
 * /proc/net/if_inet6 and the byte-count humanisation.
 */
#include "iface.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "i18n.h"
#include "names.h"
#include "out.h"
#include "util.h"

/* Flags above the 16 bits of SIOCGIFFLAGS that net-tools names. */
#define IFF_PORTSEL_BIT 0x2000
#define IFF_AUTOMEDIA_BIT 0x4000

/* if_inet6 scope bits (include/net/ipv6.h). */
#define SCOPE_LOOPBACK 0x10u
#define SCOPE_LINKLOCAL 0x20u
#define SCOPE_SITELOCAL 0x40u
#define SCOPE_COMPATV4 0x80u

/* How a hardware type's address is shown. */
enum hw_print {
	HWP_NONE,   /* name only */
	HWP_EMPTY,  /* name and a space: the IPIP tunnel printer */
	HWP_ETHER,  /* 6 bytes, lower-case hex, ':' */
	HWP_UNSPEC, /* 16 bytes, upper-case hex, '-' */
	HWP_AX25,   /* shifted callsign and SSID */
	HWP_ROSE,   /* 5 bytes, lower-case hex, no separator */
	HWP_ARCNET, /* 1 byte */
	HWP_DLCI,   /* 16-bit number */
	HWP_FDDI,   /* 6 bytes, upper-case hex, '-' */
	HWP_HIPPI,  /* 6 bytes, upper-case hex, ':' */
	HWP_IRDA,   /* 4 bytes reversed, lower-case hex, ':' */
	HWP_X25,    /* the bytes as text */
	HWP_EUI64,  /* 8 bytes, upper-case hex, ':' */
};

struct hw_type {
	int type;
	const char *name, *title;
	enum hw_print print;
};

/* net-tools 2.10 as Debian builds it (no Token Ring, no InfiniBand). */
static const struct hw_type hw_types[] = {
	{ ARPHRD_LOOPBACK, "loop", "Local Loopback", HWP_NONE },
	{ ARPHRD_SLIP, "slip", "Serial Line IP", HWP_NONE },
	{ ARPHRD_CSLIP, "cslip", "VJ Serial Line IP", HWP_NONE },
	{ ARPHRD_SLIP6, "slip6", "6-bit Serial Line IP", HWP_NONE },
	{ ARPHRD_CSLIP6, "cslip6", "VJ 6-bit Serial Line IP", HWP_NONE },
	{ ARPHRD_ADAPT, "adaptive", "Adaptive Serial Line IP", HWP_NONE },
	/* net-tools' Ash printer reads past the address; name only here. */
	{ ARPHRD_ASH, "ash", "Ash", HWP_NONE },
	{ ARPHRD_ETHER, "ether", "Ethernet", HWP_ETHER },
	{ ARPHRD_AX25, "ax25", "AMPR AX.25", HWP_AX25 },
	{ ARPHRD_NETROM, "netrom", "AMPR NET/ROM", HWP_AX25 },
	{ ARPHRD_ROSE, "rose", "AMPR ROSE", HWP_ROSE },
	{ ARPHRD_TUNNEL, "tunnel", "IPIP Tunnel", HWP_EMPTY },
	{ ARPHRD_PPP, "ppp", "Point-to-Point Protocol", HWP_NONE },
	{ ARPHRD_HDLC, "hdlc", "(Cisco)-HDLC", HWP_NONE },
	{ ARPHRD_LAPB, "lapb", "LAPB", HWP_NONE },
	{ ARPHRD_ARCNET, "arcnet", "ARCnet", HWP_ARCNET },
	{ ARPHRD_DLCI, "dlci", "Frame Relay DLCI", HWP_DLCI },
	{ ARPHRD_FRAD, "frad", "Frame Relay Access Device", HWP_NONE },
	{ ARPHRD_SIT, "sit", "IPv6-in-IPv4", HWP_NONE },
	{ ARPHRD_FDDI, "fddi", "Fiber Distributed Data Interface", HWP_FDDI },
	{ ARPHRD_HIPPI, "hippi", "HIPPI", HWP_HIPPI },
	{ ARPHRD_IRDA, "irda", "IrLAP", HWP_IRDA },
	{ ARPHRD_ECONET, "ec", "Econet", HWP_NONE },
	{ ARPHRD_X25, "x25", "generic X.25", HWP_X25 },
	{ ARPHRD_EUI64, "eui64", "Generic EUI-64", HWP_EUI64 },
};

static const struct hw_type hw_unspec = { -1, "unspec", "UNSPEC", HWP_UNSPEC };

static const struct hw_type *
hw_lookup(int type)
{
	for (size_t i = 0; i < sizeof(hw_types) / sizeof(hw_types[0]); i++)
		if (hw_types[i].type == type)
			return &hw_types[i];
	return &hw_unspec;
}

/* Bytes as hex with a separator (0 for none) into buf. */
static void
hw_hex(const unsigned char *b, size_t n, bool upper, char sep, char *buf,
    size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used + 4 < len; i++) {
		if (i > 0 && sep != 0)
			buf[used++] = sep;
		used += (size_t)snprintf(
		    buf + used, len - used, upper ? "%02X" : "%02x", b[i]);
	}
}

/* AX.25 and NET/ROM: six shifted characters, a space ends, then SSID. */
static void
hw_ax25(const unsigned char *b, char *buf, size_t len)
{
	char call[8];
	int ssid = (b[6] & 0x1e) >> 1;

	for (int i = 0; i < 6; i++) {
		call[i] = (char)(b[i] >> 1);
		if (call[i] == ' ')
			call[i] = '\0';
	}
	call[6] = '\0';
	if (ssid != 0)
		snprintf(buf, len, "%s-%d", call, ssid);
	else
		snprintf(buf, len, "%s", call);
}

static void
hw_address(
    const struct hw_type *hw, const unsigned char *b, char *buf, size_t len)
{
	unsigned char rev[4] = { b[3], b[2], b[1], b[0] };
	short dlci;

	switch (hw->print) {
	case HWP_ETHER: hw_hex(b, 6, false, ':', buf, len); break;
	case HWP_UNSPEC: hw_hex(b, 16, true, '-', buf, len); break;
	case HWP_ROSE: hw_hex(b, 5, false, 0, buf, len); break;
	case HWP_ARCNET: hw_hex(b, 1, true, 0, buf, len); break;
	case HWP_FDDI: hw_hex(b, 6, true, '-', buf, len); break;
	case HWP_HIPPI: hw_hex(b, 6, true, ':', buf, len); break;
	case HWP_IRDA: hw_hex(rev, 4, false, ':', buf, len); break;
	case HWP_EUI64: hw_hex(b, 8, true, ':', buf, len); break;
	case HWP_AX25: hw_ax25(b, buf, len); break;
	case HWP_DLCI:
		memcpy(&dlci, b, sizeof(dlci));
		snprintf(buf, len, "%i", dlci);
		break;
	case HWP_X25: snprintf(buf, len, "%.31s", (const char *)b); break;
	case HWP_EMPTY:
	case HWP_NONE: buf[0] = '\0'; break;
	}
}

void
iface_hw_text(
    const struct iface *ifc, char *buf, size_t len, const char **title)
{
	const struct hw_type *hw = hw_lookup(ifc->hwtype);
	char addr[128], clean[128];

	*title = hw->title;
	if (hw->print == HWP_NONE) {
		snprintf(buf, len, "%s", hw->name);
		return;
	}
	hw_address(hw, ifc->hwaddr, addr, sizeof(addr));
	escape_copy(clean, sizeof(clean), addr, strlen(addr));
	snprintf(buf, len, "%s %s", hw->name, clean);
}

/* One flag: its bit, the short letter and the long name. */
struct if_flag {
	int bit;
	char letter;
	const char *name;
};

void
iface_flags_short(short flags, char *buf, size_t len)
{
	/* net-tools' letters and order; P is both PROMISC and POINTOPOINT. */
	static const struct if_flag tab[] = {
		{ IFF_ALLMULTI, 'A', 0 },
		{ IFF_BROADCAST, 'B', 0 },
		{ IFF_DEBUG, 'D', 0 },
		{ IFF_LOOPBACK, 'L', 0 },
		{ IFF_MULTICAST, 'M', 0 },
		{ IFF_DYNAMIC, 'd', 0 },
		{ IFF_PROMISC, 'P', 0 },
		{ IFF_NOTRAILERS, 'N', 0 },
		{ IFF_NOARP, 'O', 0 },
		{ IFF_POINTOPOINT, 'P', 0 },
		{ IFF_SLAVE, 's', 0 },
		{ IFF_MASTER, 'm', 0 },
		{ IFF_RUNNING, 'R', 0 },
		{ IFF_UP, 'U', 0 },
	};
	size_t n = 0;

	if (flags == 0) {
		snprintf(buf, len, "[NO FLAGS]");
		return;
	}
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if ((flags & tab[i].bit) && n + 1 < len)
			buf[n++] = tab[i].letter;
	buf[n] = '\0';
}

void
iface_flags_long(short flags, char *buf, size_t len)
{
	static const struct if_flag tab[] = {
		{ IFF_UP, 0, "UP," },
		{ IFF_BROADCAST, 0, "BROADCAST," },
		{ IFF_DEBUG, 0, "DEBUG," },
		{ IFF_LOOPBACK, 0, "LOOPBACK," },
		{ IFF_POINTOPOINT, 0, "POINTOPOINT," },
		{ IFF_NOTRAILERS, 0, "NOTRAILERS," },
		{ IFF_RUNNING, 0, "RUNNING," },
		{ IFF_NOARP, 0, "NOARP," },
		{ IFF_PROMISC, 0, "PROMISC," },
		{ IFF_ALLMULTI, 0, "ALLMULTI," },
		{ IFF_SLAVE, 0, "SLAVE," },
		{ IFF_MASTER, 0, "MASTER," },
		{ IFF_MULTICAST, 0, "MULTICAST," },
		{ IFF_DYNAMIC, 0, "DYNAMIC," },
	};
	size_t used = (size_t)snprintf(buf, len, "flags=%d<", flags);

	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if ((flags & tab[i].bit) && used < len)
			used += (size_t)snprintf(
			    buf + used, len - used, "%s", tr_(tab[i].name));
	if (used >= len)
		used = len - 1;
	/*
	 * net-tools turns the last ',' into '>', or else drops the last
	 * character: with no flags that is the '>' it added, giving "0<".
	 */
	if (buf[used - 1] == ',')
		buf[used - 1] = '>';
	else if (flags != 0)
		buf[used - 1] = '\0';
}

/* net-tools' humanisation: tenths of a unit and the unit. */
static uint64_t
human_split(uint64_t bytes, const char **unitp)
{
	static const struct {
		uint64_t above;
		const char *unit;
	} units[] = {
		{ 1ull << 50, "PiB" },
		{ 1ull << 40, "TiB" },
		{ 1ull << 30, "GiB" },
		{ 1ull << 20, "MiB" },
		{ 1ull << 10, "KiB" },
	};
	/* Tenths of the unit; net-tools multiplies by 10 first (wrapping). */
	uint64_t tenths = bytes * 10;
	const char *unit = "B";

	if (bytes > (1ull << 60)) {
		tenths = bytes / 115292150460684697ull;
		unit = "EiB";
	} else {
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (bytes > units[i].above) {
				tenths /= units[i].above;
				unit = units[i].unit;
				break;
			}
	}
	*unitp = unit;
	return tenths;
}

void
iface_human(uint64_t bytes, char *buf, size_t len)
{
	const char *unit;
	uint64_t tenths = human_split(bytes, &unit);

	snprintf(buf, len, "%" PRIu64 ".%" PRIu64 " %s", tenths / 10,
	    tenths % 10, unit);
}

void
iface_format_short(const struct iface *ifc, char *buf, size_t len)
{
	char name[IFNAMSIZ], flags[32];
	const struct iface_stats *s = &ifc->st;
	int used;

	escape_copy(name, sizeof(name), ifc->name, strlen(ifc->name));
	iface_flags_short(ifc->flags, flags, sizeof(flags));
	if (ifc->has_stats)
		used = snprintf(buf, len,
		    "%-15.15s %5d %8" PRIu64 " %6" PRIu64 " %6" PRIu64
		    " %-6" PRIu64 " %8" PRIu64 " %6" PRIu64 " %6" PRIu64
		    " %6" PRIu64 " ",
		    name, ifc->mtu, s->rx_packets, s->rx_errors, s->rx_dropped,
		    s->rx_fifo, s->tx_packets, s->tx_errors, s->tx_dropped,
		    s->tx_fifo);
	else
		used = snprintf(buf, len, "%-15.15s %5d %-56s", name, ifc->mtu,
		    tr_("     - no statistics available -"));
	if (used > 0 && (size_t)used < len)
		snprintf(buf + used, len - (size_t)used, "%s\n",
		    ifc->flags == 0 ? tr_("[NO FLAGS]") : flags);
}

/* net-tools' INET_sprint(): "[NONE SET]" for an unset sockaddr. */
static const char *
inet_text(const struct sockaddr *sa, char *buf, size_t len)
{
	struct sockaddr_in sin;

	/* Copied out: the sockaddr inside struct iface may be misaligned. */
	memcpy(&sin, sa, sizeof(sin));
	if (sin.sin_family == 0 || sin.sin_family == 0xffff)
		snprintf(buf, len, "%s", tr_("[NONE SET]"));
	else
		inet_ntop(AF_INET, &sin.sin_addr, buf, (socklen_t)len);
	return buf;
}

static void
print_inet(const struct iface *ifc)
{
	char a[64], m[64];

	if (!ifc->has_ip)
		return;
	out_printf(
	    tr_("        %s %s"), "inet", inet_text(&ifc->addr, a, sizeof(a)));
	out_printf(tr_("  netmask %s"), inet_text(&ifc->netmask, m, sizeof(m)));
	if (ifc->flags & IFF_BROADCAST)
		out_printf(tr_("  broadcast %s"),
		    inet_text(&ifc->broadaddr, a, sizeof(a)));
	if (ifc->flags & IFF_POINTOPOINT)
		out_printf(tr_("  destination %s"),
		    inet_text(&ifc->dstaddr, a, sizeof(a)));
	out_str("\n");
}

/* "<link>", "<global>", ... or "" for an if_inet6 scope. */
static void
scope_text(unsigned scope, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "<");

	if (scope & SCOPE_COMPATV4) {
		used += (size_t)snprintf(
		    buf + used, len - used, "%s", tr_("compat,"));
		scope -= SCOPE_COMPATV4;
	}
	if (scope == 0)
		used += (size_t)snprintf(
		    buf + used, len - used, "%s", tr_("global,"));
	if (scope & SCOPE_LINKLOCAL)
		used += (size_t)snprintf(
		    buf + used, len - used, "%s", tr_("link,"));
	if (scope & SCOPE_SITELOCAL)
		used += (size_t)snprintf(
		    buf + used, len - used, "%s", tr_("site,"));
	if (scope & SCOPE_LOOPBACK)
		used += (size_t)snprintf(
		    buf + used, len - used, "%s", tr_("host,"));
	if (buf[used - 1] == ',')
		buf[used - 1] = '>';
	else
		buf[used - 1] = '\0';
}

/*
 * One if_inet6 line, if it is this interface's.  An address inet_pton()
 * cannot read shows the previous one (*a), as in net-tools.
 */
static void
print_inet6_line(const char *line, const char *name, struct in6_addr *a)
{
	char g[8][5], dev[21], text[64], host[INET6_ADDRSTRLEN + 8], sc[64];
	unsigned idx, plen, scope, dad;
	struct in6_addr tmp;

	if (sscanf(line, "%4s%4s%4s%4s%4s%4s%4s%4s %08x %02x %02x %02x %20s",
	        g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], &idx, &plen,
	        &scope, &dad, dev) != 13 ||
	    strcmp(dev, name) != 0)
		return;
	snprintf(text, sizeof(text), "%s:%s:%s:%s:%s:%s:%s:%s", g[0], g[1],
	    g[2], g[3], g[4], g[5], g[6], g[7]);
	if (inet_pton(AF_INET6, text, &tmp) == 1)
		*a = tmp;
	names_host6(a, true, host, sizeof(host));
	scope_text(scope, sc, sizeof(sc));
	out_printf(
	    tr_("        %s %s  prefixlen %d"), "inet6", host, (int)plen);
	out_printf(tr_("  scopeid 0x%x"), scope);
	out_printf("%s\n", sc);
}

static size_t
dev_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of dev: the one holding its lines, or the empty one. */
static size_t
inet6_slot(const struct iface_inet6 *x, const char *dev)
{
	size_t k = dev_hash(dev) & (x->slots - 1);

	while (x->first[k] != 0 && strcmp(x->line[x->first[k] - 1].dev, dev))
		k = (k + 1) & (x->slots - 1);
	return k;
}

/* The device of one if_inet6 line, when net-tools' sscanf() reads it. */
static bool
inet6_line_dev(const char *p, size_t n, char *dev)
{
	char line[256], g[8][5];
	unsigned idx, plen, scope, dad;

	snprintf(line, sizeof(line), "%.*s", (int)n, p);
	return sscanf(line, "%4s%4s%4s%4s%4s%4s%4s%4s %08x %02x %02x %02x %20s",
	           g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], &idx, &plen,
	           &scope, &dad, dev) == 13;
}

static void
inet6_add(struct iface_inet6 *x, size_t off, size_t len, const char *dev)
{
	x->line = xgrow(x->line, &x->cap, x->n, sizeof(*x->line), 64);
	struct iface_inet6_line *l = &x->line[x->n++];
	l->off = off;
	l->len = len;
	l->next = 0;
	snprintf(l->dev, sizeof(l->dev), "%s", dev);
}

void
iface_inet6_index(struct iface_inet6 *x, char *text)
{
	memset(x, 0, sizeof(*x));
	x->text = text;
	for (const char *p = text; p != NULL && *p != '\0';) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char dev[21];

		if (inet6_line_dev(p, n, dev))
			inet6_add(x, (size_t)(p - text), n, dev);
		p = nl ? nl + 1 : NULL;
	}
	x->slots = 64;
	while (x->slots < 2 * x->n)
		x->slots *= 2;
	x->first = xcalloc(x->slots, sizeof(*x->first));
	x->last = xcalloc(x->slots, sizeof(*x->last));
	for (size_t i = 0; i < x->n; i++) {
		size_t k = inet6_slot(x, x->line[i].dev);

		if (x->first[k] == 0)
			x->first[k] = i + 1;
		else
			x->line[x->last[k] - 1].next = i + 1;
		x->last[k] = i + 1;
	}
}

void
iface_inet6_free(struct iface_inet6 *x)
{
	free(x->text);
	free(x->line);
	free(x->first);
	free(x->last);
	memset(x, 0, sizeof(*x));
}

/* One inet6 line per if_inet6 entry whose device is exactly this name. */
static void
print_inet6(const struct iface *ifc, const struct iface_inet6 *x)
{
	struct in6_addr last;

	if (x == NULL || x->slots == 0)
		return;
	memset(&last, 0, sizeof(last));
	for (size_t i = x->first[inet6_slot(x, ifc->name)]; i != 0;
	     i = x->line[i - 1].next) {
		const struct iface_inet6_line *l = &x->line[i - 1];
		char line[256];

		snprintf(
		    line, sizeof(line), "%.*s", (int)l->len, x->text + l->off);
		print_inet6_line(line, ifc->name, &last);
	}
}

static void
print_hw(const struct iface *ifc)
{
	/* if_port names of <linux/netdevice.h>; net-tools has no others. */
	static const char *const ports[] = {
		"unknown",
		"10base2",
		"10baseT",
		"AUI",
		"100baseT",
		"100baseTX",
		"100baseFX",
		"(null)",
	};
	const char *title;
	char hw[160];

	iface_hw_text(ifc, hw, sizeof(hw), &title);
	/* "name address" or the name alone, as net-tools' two formats. */
	char *addr = strchr(hw, ' ');
	if (addr != NULL) {
		*addr++ = '\0';
		out_printf(tr_("        %s %s"), hw, addr);
	} else {
		out_printf(tr_("        %s"), hw);
	}
	if (ifc->txqlen != -1)
		out_printf(tr_("  txqueuelen %d"), ifc->txqlen);
	out_printf("  (%s)\n", tr_(title));
	if (ifc->flags & IFF_PORTSEL_BIT) {
		unsigned port = ifc->map.port;

		out_printf(tr_("        media %s"),
		    port < sizeof(ports) / sizeof(ports[0]) ? ports[port] : "");
		if (ifc->flags & IFF_AUTOMEDIA_BIT)
			out_str(tr_("autoselect"));
		out_str("\n");
	}
}

/*
 * One direction's "packets  bytes (human)" line and, on compressed SLIP
 * links, its compressed count: net-tools' formats and argument types
 * (%llu and %lu), each line indented by eight blanks.
 */
static void
print_packets(const char *fmt, uint64_t packets, uint64_t bytes,
    const char *compressed_fmt, const uint64_t *compressed)
{
	const char *unit;
	uint64_t tenths = human_split(bytes, &unit);

	out_str("        ");
	out_printf(fmt, (unsigned long long)packets, (unsigned long long)bytes,
	    (unsigned long)(tenths / 10), (unsigned long)(tenths % 10), unit);
	if (compressed != NULL) {
		out_str("        ");
		out_printf(compressed_fmt, (unsigned long)*compressed);
	}
}

static void
print_stats(const struct iface *ifc)
{
	const struct iface_stats *s = &ifc->st;
	bool compress =
	    ifc->hwtype == ARPHRD_CSLIP || ifc->hwtype == ARPHRD_CSLIP6;
	typedef unsigned long ul;

	print_packets(tr_("RX packets %llu  bytes %llu (%lu.%lu %s)\n"),
	    s->rx_packets, s->rx_bytes, tr_("RX compressed:%lu\n"),
	    compress ? &s->rx_compressed : NULL);
	out_str("        ");
	out_printf(tr_("RX errors %lu  dropped %lu  overruns %lu  frame %lu\n"),
	    (ul)s->rx_errors, (ul)s->rx_dropped, (ul)s->rx_fifo,
	    (ul)s->rx_frame);
	print_packets(tr_("TX packets %llu  bytes %llu (%lu.%lu %s)\n"),
	    s->tx_packets, s->tx_bytes, tr_("TX compressed %lu\n"),
	    compress ? &s->tx_compressed : NULL);
	out_str("        ");
	out_printf(tr_("TX errors %lu  dropped %lu overruns %lu  carrier %lu  "
	               "collisions %lu\n"),
	    (ul)s->tx_errors, (ul)s->tx_dropped, (ul)s->tx_fifo,
	    (ul)s->tx_carrier, (ul)s->collisions);
}

static void
print_map(const struct iface *ifc)
{
	const struct ifmap *m = &ifc->map;

	if (!m->irq && !m->mem_start && !m->dma && m->base_addr < 0x100)
		return;
	out_str("        device ");
	if (m->irq)
		out_printf(tr_("interrupt %d  "), m->irq);
	if (m->base_addr >= 0x100)
		out_printf(tr_("base 0x%x  "), m->base_addr);
	if (m->mem_start)
		out_printf(tr_("memory 0x%lx-%lx  "), m->mem_start, m->mem_end);
	if (m->dma)
		out_printf(tr_("  dma 0x%x"), m->dma);
	out_str("\n");
}

void
iface_print_long(const struct iface *ifc, const struct iface_inet6 *inet6)
{
	char name[IFNAMSIZ], flags[256];

	escape_copy(name, sizeof(name), ifc->name, strlen(ifc->name));
	iface_flags_long(ifc->flags, flags, sizeof(flags));
	out_printf(tr_("%s: %s  mtu %d"), name, flags, ifc->mtu);
	out_str("\n");
	print_inet(ifc);
	print_inet6(ifc, inet6);
	print_hw(ifc);
	if (ifc->has_stats)
		print_stats(ifc);
	print_map(ifc);
	out_str("\n");
}
