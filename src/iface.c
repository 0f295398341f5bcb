/*
 * iface.c - -i: the interface list from /proc/net/dev plus the IPv4
 * address labels of SIOCGIFCONF (so aliases such as eth0:5 get rows), in
 * net-tools' natural order, then per interface the SIOCGIF* ioctls that
 * net-tools' if_fetch() makes, and the short or long (-e) table.
 */
#include "iface.h"

#include <arpa/inet.h>
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
#include "json.h"
#include "modes.h"
#include "netstat.h"
#include "out.h"
#include "util.h"

/* net-tools reads /proc/net/dev with fgets() into a buffer this big. */
#define DEV_LINE_MAX 512

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Cut a trailing ":digits" alias off name; returns the digits or NULL. */
static char *
name_cut_alias(char *name)
{
	bool digit = false;

	for (size_t pos = strlen(name); pos > 0; pos--) {
		if (name[pos - 1] == ':' && digit) {
			name[pos - 1] = '\0';
			return name + pos;
		}
		if (!is_digit(name[pos - 1]))
			break;
		digit = true;
	}
	return NULL;
}

/* Length of name without its trailing digits. */
static size_t
name_stem(const char *name)
{
	size_t pos = strlen(name);

	while (pos > 0 && is_digit(name[pos - 1]))
		pos--;
	return pos;
}

/* atoi() as net-tools uses it: strtol() truncated to int. */
static int
name_number(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

static int
sign_of(int v)
{
	return (v > 0) - (v < 0);
}

int
iface_name_cmp(const char *ap, const char *bp)
{
	char a[64], b[64];

	snprintf(a, sizeof(a), "%s", ap);
	snprintf(b, sizeof(b), "%s", bp);
	char *aalias = name_cut_alias(a), *balias = name_cut_alias(b);
	size_t ai = name_stem(a), bi = name_stem(b);
	int res = strncmp(a, b, ai < bi ? ai : bi);

	if (res != 0)
		return sign_of(res);
	if (ai != bi)
		return ai > bi ? 1 : -1;
	int av = name_number(a + ai), bv = name_number(b + bi);
	if (av != bv)
		return av < bv ? -1 : 1;
	if ((res = strcmp(a, b)) != 0)
		return sign_of(res);
	av = aalias ? name_number(aalias) : -1;
	bv = balias ? name_number(balias) : -1;
	if (av != bv)
		return av < bv ? -1 : 1;
	return aalias && balias ? sign_of(strcmp(aalias, balias)) : 0;
}

size_t
iface_name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of name in l's index: its row's or the empty one to fill. */
static size_t *
list_slot(const struct iface_list *l, const char *name)
{
	size_t mask = l->names.cap - 1, i = iface_name_hash(name) & mask;

	while (l->names.slot[i] != 0 &&
	       strcmp(l->v[l->names.slot[i] - 1].name, name) != 0)
		i = (i + 1) & mask;
	return &l->names.slot[i];
}

/* Rebuild the index at twice the row capacity (load factor <= 1/2). */
static void
list_rehash(struct iface_list *l)
{
	free(l->names.slot);
	l->names.cap = 64;
	while (l->names.cap < 2 * l->cap)
		l->names.cap *= 2;
	l->names.slot = xcalloc(l->names.cap, sizeof(*l->names.slot));
	for (size_t i = 0; i < l->n; i++)
		*list_slot(l, l->v[i].name) = i + 1;
}

struct iface *
iface_list_find(const struct iface_list *l, const char *name)
{
	if (l->names.cap == 0)
		return NULL;
	size_t row = *list_slot(l, name);
	return row != 0 ? &l->v[row - 1] : NULL;
}

struct iface *
iface_list_add(struct iface_list *l, const char *name)
{
	char key[IFNAMSIZ];
	struct iface *old;

	snprintf(key, sizeof(key), "%s", name);
	if ((old = iface_list_find(l, key)) != NULL)
		return old;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		list_rehash(l);
	}
	struct iface *ifc = &l->v[l->n++];
	memset(ifc, 0, sizeof(*ifc));
	snprintf(ifc->name, sizeof(ifc->name), "%s", key);
	*list_slot(l, key) = l->n;
	return ifc;
}

static int
iface_entry_cmp(const void *a, const void *b)
{
	return iface_name_cmp(
	    ((const struct iface *)a)->name, ((const struct iface *)b)->name);
}

void
iface_list_sort(struct iface_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), iface_entry_cmp);
	if (l->cap > 0)
		list_rehash(l);
}

void
iface_list_free(struct iface_list *l)
{
	free(l->v);
	free(l->names.slot);
	memset(l, 0, sizeof(*l));
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
		out_sync_for_stderr();
		fprintf(stderr,
		    "Warning: cannot open /proc/net/dev (%s). "
		    "Limited output.\n",
		    strerror(-fd));
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
			out_sync_for_stderr();
			fprintf(stderr, "SIOCGIFCONF: %s\n", strerror(errno));
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
	out_sync_for_stderr();
	fprintf(stderr, "%s: error fetching interface information: %s\n", name,
	    err == ENODEV ? "Device not found" : strerror(err));
	fprintf(stderr, "missing interface information: %s\n", strerror(err));
}

static void
iface_json_u64(struct json *j, const char *key, bool known, uint64_t v)
{
	json_key(j, key);
	if (known)
		json_u64(j, v);
	else
		json_null(j); /* an alias label has no statistics */
}

/* One interface with jc's -i keys plus bytes, flags and the address. */
void
iface_row_json(struct json *j, const struct iface *ifc)
{
	const struct iface_stats *st = &ifc->st;
	bool k = ifc->has_stats;
	char flg[64];

	iface_flags_short(ifc->flags, flg, sizeof(flg));
	json_item(j);
	json_open(j, '{');
	json_key(j, "iface");
	json_str(j, ifc->name, strnlen(ifc->name, sizeof(ifc->name)));
	json_key(j, "mtu");
	json_i64(j, ifc->mtu);
	iface_json_u64(j, "rx_ok", k, st->rx_packets);
	iface_json_u64(j, "rx_err", k, st->rx_errors);
	iface_json_u64(j, "rx_drp", k, st->rx_dropped);
	iface_json_u64(j, "rx_ovr", k, st->rx_fifo);
	iface_json_u64(j, "tx_ok", k, st->tx_packets);
	iface_json_u64(j, "tx_err", k, st->tx_errors);
	iface_json_u64(j, "tx_drp", k, st->tx_dropped);
	iface_json_u64(j, "tx_ovr", k, st->tx_fifo);
	json_key(j, "flg");
	json_cstr(j, flg);
	json_key(j, "kind");
	json_cstr(j, "interface");
	iface_json_u64(j, "rx_bytes", k, st->rx_bytes);
	iface_json_u64(j, "tx_bytes", k, st->tx_bytes);
	json_key(j, "flags");
	json_i64(j, ifc->flags);
	json_key(j, "ipv4_addr");
	if (ifc->has_ip && ifc->addr.sa_family == AF_INET) {
		char addr[INET_ADDRSTRLEN];
		struct sockaddr_in sin;
		memcpy(&sin, &ifc->addr, sizeof(sin));
		inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr));
		json_cstr(j, addr);
	} else {
		json_null(j);
	}
	json_close(j, '}');
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
		out_sync_for_stderr();
		fprintf(stderr, "missing interface information: %s\n",
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
			out_sync_for_stderr();
			fprintf(stderr, "socket: %s\n", strerror(errno));
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
