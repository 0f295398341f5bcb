/*
 * fmt.c - the exact bytes of netstat's socket tables: section titles,
 * column headers with their trailing blanks, the 23-column host:port cut,
 * state names, the -e/-p/-o tail and the UNIX table.  Rows are built with a
 * small append-only builder instead of printf, which keeps the hot loop fast.
 */
#include "fmt.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "escape.h"
#include "names.h"
#include "netstat.h"

/* Append-only string builder over a caller buffer; never overflows. */
struct sb {
	char *p;
	size_t len, cap;
};

static void
sb_put(struct sb *b, const char *s, size_t n)
{
	size_t room = b->cap - 1 - b->len;

	if (n > room)
		n = room;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_str(struct sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void
sb_spaces(struct sb *b, size_t n)
{
	static const char sp[] = "                                        ";

	while (n > 0) {
		size_t k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		sb_put(b, sp, k);
		n -= k;
	}
}

/* printf("%-*s"): left-justified, padded, never truncated. */
static void
sb_left(struct sb *b, const char *s, size_t width)
{
	size_t n = strlen(s);

	sb_put(b, s, n);
	if (n < width)
		sb_spaces(b, width - n);
}

/* printf("%*s"): right-justified. */
static void
sb_right(struct sb *b, const char *s, size_t width)
{
	size_t n = strlen(s);

	if (n < width)
		sb_spaces(b, width - n);
	sb_put(b, s, n);
}

static char *
dec_u64(char *end, uint64_t v)
{
	*--end = '\0';
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return end;
}

/* net-tools reads queues as unsigned long and prints them with %ld. */
static const char *
dec_signed(char *buf, size_t len, uint64_t v)
{
	if ((int64_t)v >= 0)
		return dec_u64(buf + len, v);
	snprintf(buf, len, "%lld", (long long)(int64_t)v);
	return buf;
}

static const char *const tcp_states[] = {
	"",
	"ESTABLISHED",
	"SYN_SENT",
	"SYN_RECV",
	"FIN_WAIT1",
	"FIN_WAIT2",
	"TIME_WAIT",
	"CLOSE",
	"CLOSE_WAIT",
	"LAST_ACK",
	"LISTEN",
	"CLOSING",
};

const char *
fmt_state_name(const struct sock_rec *r)
{
	if (r->table == SKT_TCP)
		return r->state < sizeof(tcp_states) / sizeof(tcp_states[0])
		           ? tcp_states[r->state]
		           : "UNKNOWN";
	/* UDP and UDP-Lite: only "connected" and "unconnected" exist. */
	if (r->state == SK_ESTABLISHED)
		return "ESTABLISHED";
	return r->state == SK_CLOSE ? "" : "UNKNOWN";
}

const char *
fmt_proto_label(enum sk_table t, int family)
{
	bool v6 = family == AF_INET6;

	switch (t) {
	case SKT_TCP: return v6 ? "tcp6" : "tcp";
	case SKT_UDP: return v6 ? "udp6" : "udp";
	case SKT_UDPLITE: return v6 ? "udpl6" : "udpl";
	case SKT_RAW: return v6 ? "raw6" : "raw";
	case SKT_UNIX: return "unix";
	case SKT_COUNT: break;
	}
	return "?";
}

static enum names_proto
names_list_of(enum sk_table t)
{
	if (t == SKT_TCP)
		return NAMES_TCP;
	return t == SKT_RAW ? NAMES_RAW : NAMES_UDP;
}

const char *
fmt_host_port(const struct opts *o, const struct sock_rec *r, int local,
    char *host, size_t hlen, char *pbuf, size_t plen)
{
	const struct in6_addr *a = local ? &r->laddr : &r->raddr;
	unsigned port = local ? r->lport : r->rport;
	bool numeric_host = o->numeric & NUM_HOST;

	if (r->family == AF_INET)
		names_host4(a->s6_addr32[0], numeric_host, host, hlen);
	else
		names_host6(a, numeric_host, host, hlen);
	return names_port(port, names_list_of(r->table),
	    (o->numeric & NUM_PORT) != 0, pbuf, plen);
}

size_t
fmt_endpoint(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, int local)
{
	char host[1025], pbuf[16];
	const char *ptext;
	size_t hlen, plen;

	ptext =
	    fmt_host_port(o, r, local, host, sizeof(host), pbuf, sizeof(pbuf));
	hlen = strlen(host);
	plen = strlen(ptext);
	/* net-tools' 23-column cut: keep up to 18 port bytes, cut the host. */
	if (!o->wide && hlen + plen > W_ADDR - 1) {
		if (plen > W_PORT_CUT)
			plen = W_PORT_CUT;
		size_t keep = W_ADDR - 1 - plen;
		if (hlen > keep)
			hlen = keep;
	}
	struct sb b = { buf, 0, len < W_ADDR_MAX + 1 ? len : W_ADDR_MAX + 1 };
	buf[0] = '\0';
	sb_put(&b, host, hlen);
	sb_put(&b, ":", 1);
	sb_put(&b, ptext, plen);
	return b.len;
}

static const char *
timer_kind_tcp(unsigned t, char *buf, size_t len)
{
	static const char *const kinds[] = { "off", "on", "keepalive",
		"timewait", "probe" };

	if (t < sizeof(kinds) / sizeof(kinds[0]))
		return kinds[t];
	snprintf(buf, len, "unkn-%u", t);
	return buf;
}

const char *
fmt_timer_name(const struct sock_rec *r, char *buf, size_t len)
{
	if (r->table == SKT_TCP)
		return timer_kind_tcp(r->timer, buf, len);
	if (r->timer == 0)
		return "off";
	snprintf(buf, len, "%s%u", r->timer <= 2 ? "on" : "unkn-", r->timer);
	return buf;
}

size_t
fmt_timer(char *buf, size_t len, const struct sock_rec *r)
{
	/* /proc prints 1/100 s ticks; netstat divides them by 100. */
	double secs = (double)(r->timer_ms / 10) / 100.0;
	int n;

	if (r->table == SKT_TCP) {
		char kind[24];
		const char *k = timer_kind_tcp(r->timer, kind, sizeof(kind));
		n = snprintf(buf, len, "%s (%2.2f/%u/%u)", k,
		    r->timer == 0 ? 0.0 : secs, r->retrans, r->probes);
	} else if (r->timer == 0) {
		n = snprintf(buf, len, "off (0.00/0/%u)", r->probes);
	} else if (r->timer == 1 || r->timer == 2) {
		n = snprintf(
		    buf, len, "on%u (%2.2f/0/%u)", r->timer, secs, r->probes);
	} else {
		n = snprintf(buf, len, "unkn-%u (%2.2f/0/%u)", r->timer, secs,
		    r->probes);
	}
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

/* The -e, -p and -o columns, in net-tools' order. */
static void
fmt_tail(struct sb *b, const struct opts *o, const struct sock_rec *r,
    const char *prog)
{
	if (o->extend > 0) {
		char num[24], user[64];
		sb_put(b, " ", 1);
		sb_left(b,
		    names_user(r->uid, (o->numeric & NUM_USER) != 0, user,
		        sizeof(user)),
		    W_USER);
		sb_put(b, " ", 1);
		sb_left(b, dec_u64(num + sizeof(num), r->inode), W_INODE);
	}
	if (o->programs) {
		sb_put(b, " ", 1);
		sb_left(b, prog ? prog : "-", W_PROG);
	}
	if (o->timers) {
		char t[96];
		sb_put(b, " ", 1);
		fmt_timer(t, sizeof(t), r);
		sb_str(b, t);
	}
}

size_t
fmt_inet_row(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, const char *label, const char *prog)
{
	struct sb b = { buf, 0, len };
	char q[24], ep[W_ADDR_MAX + 1];
	bool udp_like = r->table == SKT_UDP || r->table == SKT_UDPLITE;

	buf[0] = '\0';
	/* TCP and RAW: "%-4s  "; UDP and UDP-Lite: "%-5s ". */
	sb_left(&b, label, udp_like ? W_PROTO_UDP : W_PROTO_TCP);
	sb_put(&b, udp_like ? " " : "  ", udp_like ? 1 : 2);
	sb_right(&b, dec_signed(q, sizeof(q), r->rxq), W_QUEUE);
	sb_put(&b, " ", 1);
	sb_right(&b, dec_signed(q, sizeof(q), r->txq), W_QUEUE);
	sb_put(&b, " ", 1);
	fmt_endpoint(ep, sizeof(ep), o, r, 1);
	sb_left(&b, ep, W_ADDR);
	sb_put(&b, " ", 1);
	fmt_endpoint(ep, sizeof(ep), o, r, 0);
	sb_left(&b, ep, W_ADDR);
	sb_put(&b, " ", 1);
	if (r->table == SKT_RAW)
		sb_left(&b, dec_u64(q + sizeof(q), r->state), W_STATE);
	else
		sb_left(&b, fmt_state_name(r), W_STATE);
	fmt_tail(&b, o, r, prog);
	sb_put(&b, "\n", 1);
	return b.len;
}

static const char *
show_suffix(const struct opts *o)
{
	switch (o->show) {
	case SHOW_ALL: return "(servers and established)";
	case SHOW_LISTENING: return "(only servers)";
	case SHOW_CONNECTED: break;
	}
	return "(w/o servers)";
}

size_t
fmt_inet_header(char *buf, size_t len, const struct opts *o)
{
	struct sb b = { buf, 0, len };

	buf[0] = '\0';
	sb_str(&b, "Active Internet connections ");
	sb_str(&b, show_suffix(o));
	sb_str(&b, "\nProto Recv-Q Send-Q Local Address           Foreign "
	           "Address         State      ");
	if (o->extend > 0)
		sb_str(&b, " User       Inode     ");
	if (o->programs)
		sb_str(&b, " PID/Program name    ");
	if (o->timers)
		sb_str(&b, " Timer");
	sb_put(&b, "\n", 1);
	return b.len;
}

size_t
fmt_unix_header(char *buf, size_t len, const struct opts *o)
{
	struct sb b = { buf, 0, len };

	buf[0] = '\0';
	sb_str(&b, "Active UNIX domain sockets ");
	sb_str(&b, show_suffix(o));
	sb_str(
	    &b, "\nProto RefCnt Flags       Type       State         I-Node  ");
	if (o->programs)
		sb_str(&b, " PID/Program name    ");
	sb_str(&b, o->peers ? " Path Peer\n" : " Path\n");
	return b.len;
}

const char *
fmt_unix_type(uint32_t type)
{
	static const char *const names[] = { "UNKNOWN", "STREAM", "DGRAM",
		"RAW", "RDM", "SEQPACKET" };

	return type < sizeof(names) / sizeof(names[0]) ? names[type]
	                                               : "UNKNOWN";
}

const char *
fmt_unix_state(const struct sock_rec *r)
{
	switch (r->state) {
	case SKU_FREE: return "FREE";
	case SKU_UNCONNECTED:
		return (r->unix_flags & SKU_FLAG_ACC) ? "LISTENING" : "";
	case SKU_CONNECTING: return "CONNECTING";
	case SKU_CONNECTED: return "CONNECTED";
	case SKU_DISCONNECTING: return "DISCONNECTING";
	default: return "UNKNOWN";
	}
}

static void
unix_flags_text(struct sb *b, uint32_t flags)
{
	char f[16];
	struct sb fb = { f, 0, sizeof(f) };

	f[0] = '\0';
	sb_str(&fb, "[ ");
	if (flags & SKU_FLAG_ACC)
		sb_str(&fb, "ACC ");
	if (flags & SKU_FLAG_W)
		sb_str(&fb, "W ");
	if (flags & SKU_FLAG_N)
		sb_str(&fb, "N ");
	sb_str(&fb, "]");
	sb_left(b, f, W_UNIX_FLAGS);
}

size_t
fmt_unix_row(char *buf, size_t len, const struct opts *o,
    const struct sock_rec *r, const char *prog, const char *peer_prog)
{
	struct sb b = { buf, 0, len };
	char num[24];

	buf[0] = '\0';
	sb_left(&b, r->unix_proto == 0 ? "unix" : "??", W_UNIX_PROTO);
	sb_put(&b, " ", 1);
	sb_left(&b,
	    (r->have & HAVE_NO_REFCNT) ? "-"
	                               : dec_u64(num + sizeof(num), r->refcnt),
	    W_UNIX_REFCNT);
	sb_put(&b, " ", 1);
	unix_flags_text(&b, r->unix_flags);
	sb_put(&b, " ", 1);
	sb_left(&b, fmt_unix_type(r->unix_type), W_UNIX_TYPE);
	sb_put(&b, " ", 1);
	sb_left(&b, fmt_unix_state(r), W_UNIX_STATE);
	sb_put(&b, " ", 1);
	sb_left(&b, dec_u64(num + sizeof(num), r->inode), W_UNIX_INODE);
	if (o->programs) {
		sb_put(&b, " ", 1);
		sb_left(&b, prog ? prog : "-", W_PROG);
	}
	sb_put(&b, " ", 1);
	if (r->path != NULL) {
		char safe[FMT_ROW_MAX / 2];
		size_t n =
		    escape_copy(safe, sizeof(safe), r->path, r->path_len);
		sb_put(&b, safe, n);
	}
	if (o->peers) {
		/* nlnetstat's --peers column, after netstat's last one. */
		sb_str(&b, r->path != NULL ? " " : "");
		if (r->have & HAVE_PEER) {
			sb_str(&b, "peer=");
			sb_str(&b, dec_u64(num + sizeof(num), r->peer_inode));
			if (o->programs) {
				sb_put(&b, " ", 1);
				sb_str(&b, peer_prog ? peer_prog : "-");
			}
		} else {
			sb_put(&b, "-", 1);
		}
	}
	sb_put(&b, "\n", 1);
	return b.len;
}
