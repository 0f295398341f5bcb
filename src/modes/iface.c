/*
 * iface.c - -i: the interface list from /proc/net/dev plus the IPv4
 * address labels of SIOCGIFCONF (so aliases such as eth0:5 get rows), in
 * net-tools' natural order, then per interface the SIOCGIF* ioctls that
 * net-tools' if_fetch() makes, and one record (iface_fmt.c formats it).
 */
#include "iface.h"

#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "emit.h"
#include "escape.h"
#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "report.h"
#include "util.h"

/* net-tools reads /proc/net/dev with fgets() into a buffer this big. */
#define DEV_LINE_MAX 512

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
iface_dev_version(const char *header)
{
	if (strstr(header, "compressed") != NULL)
		return 3;
	if (strstr(header, "bytes") != NULL)
		return 2;
	return 1;
}

static bool
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

const char *
iface_dev_name(const char *p, char *name, size_t len)
{
	size_t n = 0;

	/* Names longer than len - 1 are cut but still fully skipped. */
#define NAME_PUT(c)                                                            \
	do {                                                                   \
		if (n + 1 < len)                                               \
			name[n++] = (c);                                       \
	} while (0)
	while (is_space(*p))
		p++;
	while (*p != '\0' && !is_space(*p)) {
		if (*p == ':') {
			const char *colon = p++;

			while (is_digit(*p))
				p++;
			if (*p == ':') {
				/* "name:digits:" is an alias row: keep it. */
				for (const char *q = colon; q < p; q++)
					NAME_PUT(*q);
				p++;
			} else {
				p = colon + 1;
			}
			break;
		}
		NAME_PUT(*p);
		p++;
	}
#undef NAME_PUT
	name[n] = '\0';
	return p;
}

void
iface_dev_stats(const char *text, int version, struct iface_stats *s)
{
	switch (version) {
	case 3:
		sscanf(text,
		    "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64,
		    &s->rx_bytes, &s->rx_packets, &s->rx_errors, &s->rx_dropped,
		    &s->rx_fifo, &s->rx_frame, &s->rx_compressed,
		    &s->rx_multicast, &s->tx_bytes, &s->tx_packets,
		    &s->tx_errors, &s->tx_dropped, &s->tx_fifo, &s->collisions,
		    &s->tx_carrier, &s->tx_compressed);
		break;
	case 2:
		sscanf(text,
		    "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64 " %" SCNu64 " %" SCNu64,
		    &s->rx_bytes, &s->rx_packets, &s->rx_errors, &s->rx_dropped,
		    &s->rx_fifo, &s->rx_frame, &s->tx_bytes, &s->tx_packets,
		    &s->tx_errors, &s->tx_dropped, &s->tx_fifo, &s->collisions,
		    &s->tx_carrier);
		s->rx_multicast = 0;
		break;
	default:
		sscanf(text,
		    "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
		    " %" SCNu64,
		    &s->rx_packets, &s->rx_errors, &s->rx_dropped, &s->rx_fifo,
		    &s->rx_frame, &s->tx_packets, &s->tx_errors, &s->tx_dropped,
		    &s->tx_fifo, &s->collisions, &s->tx_carrier);
		s->rx_bytes = s->tx_bytes = s->rx_multicast = 0;
		break;
	}
}

/* Next line of at most DEV_LINE_MAX - 1 bytes, as fgets() would cut it. */
static bool
dev_next(struct lineio *l, char *buf)
{
	char *line;
	size_t len;

	if (lineio_next(l, &line, &len) != 1)
		return false;
	snprintf(buf, DEV_LINE_MAX, "%s", line);
	return true;
}

/* Add /proc/net/dev's interfaces with their counters; -errno if absent. */
static int
iface_read_dev(struct iface_list *list)
{
	char buf[DEV_LINE_MAX], name[IFNAMSIZ];
	struct lineio l;
	int fd = util_proc_open("net/dev");

	if (fd < 0) {
		report_plain(
		    tr_("Warning: cannot open %s (%s). Limited output.\n"),
		    "/proc/net/dev", strerror(-fd));
		return fd;
	}
	lineio_init(&l, fd);
	buf[0] = '\0';
	dev_next(&l, buf);
	dev_next(&l, buf);
	int version = iface_dev_version(buf);
	while (dev_next(&l, buf)) {
		const char *rest = iface_dev_name(buf, name, sizeof(name));
		struct iface *ifc = iface_list_add(list, name);

		iface_dev_stats(rest, version, &ifc->st);
		ifc->has_stats = true;
	}
	close(fd);
	lineio_free(&l);
	return 0;
}

/* Add every IPv4 address label SIOCGIFCONF lists; -errno on failure. */
static int
iface_read_conf(int sk, struct iface_list *list)
{
	struct ifconf ifc;
	int numreqs = 30, rc = 0;

	ifc.ifc_buf = NULL;
	for (;;) {
		ifc.ifc_len = (int)sizeof(struct ifreq) * numreqs;
		ifc.ifc_buf = xrealloc(ifc.ifc_buf, (size_t)ifc.ifc_len);
		if (ioctl(sk, SIOCGIFCONF, &ifc) < 0) {
			rc = -errno;
			report_errno("SIOCGIFCONF", -rc);
			break;
		}
		if (ifc.ifc_len == (int)sizeof(struct ifreq) * numreqs) {
			numreqs *= 2; /* it may have been cut: ask again */
			continue;
		}
		for (int i = 0; i < ifc.ifc_len / (int)sizeof(struct ifreq);
		     i++) {
			char name[IFNAMSIZ];

			snprintf(
			    name, sizeof(name), "%s", ifc.ifc_req[i].ifr_name);
			iface_list_add(list, name);
		}
		break;
	}
	free(ifc.ifc_buf);
	return rc;
}

static int
iface_ioctl(int sk, unsigned long req, const char *name, struct ifreq *ifr)
{
	snprintf(ifr->ifr_name, sizeof(ifr->ifr_name), "%s", name);
	return ioctl(sk, req, ifr);
}

/* The IPv4 address, netmask, broadcast and destination of a label. */
static void
iface_fetch_inet(int sk, struct iface *ifc)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_addr.sa_family = AF_INET;
	if (iface_ioctl(sk, SIOCGIFADDR, ifc->name, &ifr) < 0)
		return;
	ifc->has_ip = true;
	ifc->addr = ifr.ifr_addr;
	if (iface_ioctl(sk, SIOCGIFDSTADDR, ifc->name, &ifr) == 0)
		ifc->dstaddr = ifr.ifr_dstaddr;
	if (iface_ioctl(sk, SIOCGIFBRDADDR, ifc->name, &ifr) == 0)
		ifc->broadaddr = ifr.ifr_broadaddr;
	if (iface_ioctl(sk, SIOCGIFNETMASK, ifc->name, &ifr) == 0)
		ifc->netmask = ifr.ifr_netmask;
}

/* net-tools' if_fetch(): returns 0, or -errno when the flags fail. */
static int
iface_fetch(int sk, struct iface *ifc)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	if (iface_ioctl(sk, SIOCGIFFLAGS, ifc->name, &ifr) < 0)
		return -errno;
	ifc->flags = ifr.ifr_flags;
	/* On failure the type is what the flags left in the union. */
	if (iface_ioctl(sk, SIOCGIFHWADDR, ifc->name, &ifr) == 0)
		memcpy(ifc->hwaddr, ifr.ifr_hwaddr.sa_data, 8);
	ifc->hwtype = ifr.ifr_hwaddr.sa_family;
	if (iface_ioctl(sk, SIOCGIFMTU, ifc->name, &ifr) == 0)
		ifc->mtu = ifr.ifr_mtu;
	if (iface_ioctl(sk, SIOCGIFMAP, ifc->name, &ifr) == 0)
		ifc->map = ifr.ifr_map;
	ifc->txqlen = -1;
	if (iface_ioctl(sk, SIOCGIFTXQLEN, ifc->name, &ifr) == 0)
		ifc->txqlen = ifr.ifr_qlen;
	iface_fetch_inet(sk, ifc);
	return 0;
}

/* Whole /proc/net/if_inet6 as one string, or NULL. */
static char *
iface_read_inet6(void)
{
	int fd = util_proc_open("net/if_inet6");
	size_t len = 0, cap = 4096;
	char *text;

	if (fd < 0)
		return NULL;
	text = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap)
			text = xrealloc(text, cap *= 2);
		ssize_t n = read(fd, text + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	text[len] = '\0';
	close(fd);
	return text;
}

static void
iface_report_vanished(const struct iface *ifc, int err)
{
	char name[IFNAMSIZ];

	escape_copy(name, sizeof(name), ifc->name, strlen(ifc->name));
	report_plain(tr_("%s: error fetching interface information: %s\n"),
	    name, err == ENODEV ? tr_("Device not found") : strerror(err));
	report_plain(
	    "%s: %s\n", tr_("missing interface information"), strerror(err));
}

/* Where the per-row answers come from: the ioctls or a snapshot. */
struct iface_src {
	int sk;                      /* >= 0: ioctls on this socket */
	const struct iface_snap *nl; /* else the rtnetlink snapshot */
};

/* Fetch and print every listed interface; stops at a vanished one. */
static int
iface_print_all(const struct opts *o, const struct iface_src *src,
    struct iface_list *list, struct emitter *e)
{
	struct iface_inet6 inet6;
	int rc = EXIT_OK;

	memset(&inet6, 0, sizeof(inet6));
	if (o->extend > 0)
		iface_inet6_index(&inet6, iface_read_inet6());
	for (size_t i = 0; i < list->n; i++) {
		struct iface *ifc = &list->v[i];
		int err = src->sk >= 0 ? iface_fetch(src->sk, ifc)
		                       : iface_snap_fetch(src->nl, ifc);

		if (err < 0) {
			iface_report_vanished(ifc, -err);
			rc = EXIT_FAIL;
			break;
		}
		if (!(ifc->flags & IFF_UP) && o->show != SHOW_ALL)
			continue;
		emit_iface(e, ifc, inet6.text != NULL ? &inet6 : NULL);
	}
	iface_inet6_free(&inet6);
	return rc;
}

/* rtnetlink unless NLNETSTAT_SOURCE=proc or a fake /proc root is set. */
static bool
iface_want_rtnl(void)
{
	const char *s = util_env("SOURCE");

	if (s != NULL && strcmp(s, "proc") == 0)
		return false;
	return util_env("PROC_ROOT") == NULL;
}

/* The /proc + ioctl path (net-tools' sources and messages) on socket sk. */
static int
iface_run_proc(
    const struct opts *o, int sk, struct iface_list *list, struct emitter *e)
{
	struct iface_src src = { sk, NULL };
	int rc;

	int dev_err = iface_read_dev(list);
	int conf_err = iface_read_conf(src.sk, list);
	iface_list_sort(list);
	if (dev_err < 0 && conf_err < 0) {
		report_plain("%s: %s\n", tr_("missing interface information"),
		    strerror(-conf_err));
		rc = EXIT_FAIL;
	} else {
		rc = iface_print_all(o, &src, list, e);
	}
	return rc;
}

/* The document and its table; net-tools titles only the first -c pass. */
static enum emit_sec
iface_begin(struct run_ctx *c)
{
	enum emit_sec sec =
	    c->pass == 0 ? EMIT_SEC_IFACE : EMIT_SEC_IFACE_AGAIN;

	emit_doc_begin(c->emit, EMIT_DOC_IFACE);
	emit_section_begin(c->emit, sec);
	return sec;
}

int
iface_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	struct iface_list list = { 0 };
	struct iface_snap snap;
	enum emit_sec sec;
	int rc;

	if (iface_want_rtnl() && iface_snap_read(&snap, &list) == 0) {
		struct iface_src src = { -1, &snap };

		sec = iface_begin(c);
		rc = iface_print_all(o, &src, &list, c->emit);
		iface_snap_free(&snap);
	} else {
		/* rtnetlink refused (or not wanted): /proc and the ioctls. */
		int sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

		if (sk < 0) {
			report_errno("socket", errno);
			return EXIT_FAIL;
		}
		memset(&list, 0, sizeof(list));
		sec = iface_begin(c);
		rc = iface_run_proc(o, sk, &list, c->emit);
		close(sk);
	}
	emit_section_end(c->emit, sec);
	emit_doc_end(c->emit, EMIT_DOC_IFACE);
	iface_list_free(&list);
	return rc;
}
