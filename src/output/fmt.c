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
#include "i18n.h"
#include "names.h"
#include "netstat.h"
#include "sockstate.h"

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

/* msgid translated for the table, untranslated for --json. */
static const char *__attribute__((format_arg(2)))
timer_fmt(bool translate, const char *msgid)
{
	return translate ? tr_(msgid) : msgid;
}

/* The -o text through net-tools' (translatable) formats. */
static size_t
timer_text(char *buf, size_t len, const struct sock_rec *r, bool tr)
{
	/* /proc prints 1/100 s ticks; netstat divides them by 100. */
	double secs = (double)(r->timer_ms / 10) / 100.0;
	long retr = (long)r->retrans;
	int probes = (int)r->probes;
	int t = (int)r->timer, n;

	if (r->table == SKT_TCP && t == 0)
		n = snprintf(
		    buf, len, timer_fmt(tr, "off (0.00/%ld/%d)"), retr, probes);
	else if (r->table == SKT_TCP && t == 1)
		n = snprintf(buf, len, timer_fmt(tr, "on (%2.2f/%ld/%d)"), secs,
		    retr, probes);
	else if (r->table == SKT_TCP && t == 2)
		n = snprintf(buf, len,
		    timer_fmt(tr, "keepalive (%2.2f/%ld/%d)"), secs, retr,
		    probes);
	else if (r->table == SKT_TCP && t == 3)
		n = snprintf(buf, len, timer_fmt(tr, "timewait (%2.2f/%ld/%d)"),
		    secs, retr, probes);
	else if (r->table == SKT_TCP && t == 4)
		n = snprintf(buf, len, timer_fmt(tr, "probe (%2.2f/%ld/%d)"),
		    secs, retr, probes);
	else if (r->table == SKT_TCP)
		n = snprintf(buf, len, timer_fmt(tr, "unkn-%d (%2.2f/%ld/%d)"),
		    t, secs, retr, probes);
	else if (t == 0)
		n = snprintf(
		    buf, len, timer_fmt(tr, "off (0.00/%ld/%d)"), 0L, probes);
	else if (t == 1 || t == 2)
		n = snprintf(buf, len, timer_fmt(tr, "on%d (%2.2f/%ld/%d)"), t,
		    secs, 0L, probes);
	else
		n = snprintf(buf, len, timer_fmt(tr, "unkn-%d (%2.2f/%ld/%d)"),
		    t, secs, 0L, probes);
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

size_t
fmt_timer(char *buf, size_t len, const struct sock_rec *r)
{
	return timer_text(buf, len, r, false);
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
		timer_text(t, sizeof(t), r, true);
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
	/* Raw sockets show a number, which no catalog translates. */
	const char *st = sockstate_text(r, q, sizeof(q));
	sb_left(&b, r->table == SKT_RAW ? st : tr_(st), W_STATE);
	fmt_tail(&b, o, r, prog);
	sb_put(&b, "\n", 1);
	return b.len;
}

static const char *
show_suffix(const struct opts *o)
{
	switch (o->show) {
	case SHOW_ALL: return tr_("(servers and established)");
	case SHOW_LISTENING: return tr_("(only servers)");
	case SHOW_CONNECTED: break;
	}
	return tr_("(w/o servers)");
}

/* Both listings' header start: title, the view it shows, the columns. */
static void
header_start(
    struct sb *b, const char *title, const struct opts *o, const char *columns)
{
	b->p[0] = '\0';
	sb_str(b, title);
	sb_str(b, show_suffix(o));
	sb_str(b, columns);
}

size_t
fmt_inet_header(char *buf, size_t len, const struct opts *o)
{
	struct sb b = { buf, 0, len };

	header_start(&b, tr_("Active Internet connections "), o,
	    tr_("\nProto Recv-Q Send-Q Local Address           Foreign "
	        "Address         State      "));
	if (o->extend > 0)
		sb_str(&b, tr_(" User       Inode     "));
	if (o->programs)
		sb_str(&b, " PID/Program name    ");
	if (o->timers)
		sb_str(&b, tr_(" Timer"));
	sb_put(&b, "\n", 1);
	return b.len;
}

size_t
fmt_unix_header(char *buf, size_t len, const struct opts *o)
{
	struct sb b = { buf, 0, len };

	header_start(&b, tr_("Active UNIX domain sockets "), o,
	    tr_("\nProto RefCnt Flags       Type       State         "
	        "I-Node  "));
	if (o->programs)
		sb_str(&b, " PID/Program name    ");
	if (o->ext.peers) {
		/* nlnetstat's "Peer" after netstat's (translated) " Path". */
		const char *path = tr_(" Path\n");
		size_t n = strcspn(path, "\n");
		sb_put(&b, path, n);
		sb_str(&b, " Peer\n");
	} else {
		sb_str(&b, tr_(" Path\n"));
	}
	return b.len;
}

static void
unix_flags_text(struct sb *b, uint32_t flags)
{
	char f[16];
	struct sb fb = { f, 0, sizeof(f) };

	char words[16];

	f[0] = '\0';
	sb_str(&fb, "[ ");
	sb_str(&fb, sockstate_unix_flags(flags, words, sizeof(words)));
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
	sb_left(&b, tr_(sockstate_unix_type(r->unix_type)), W_UNIX_TYPE);
	sb_put(&b, " ", 1);
	sb_left(&b, tr_(sockstate_text(r, NULL, 0)), W_UNIX_STATE);
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
	if (o->ext.peers) {
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
