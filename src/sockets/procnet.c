/*
 * procnet.c - the /proc/net socket files: tcp, tcp6, udp, udp6, udplite,
 * udplite6, raw, raw6 and unix.  This is nlnetstat's fallback source for
 * inet sockets (when sock_diag is missing); where sock_diag works, UNIX
 * rows are /proc/net/unix joined with unix_diag's list (procnet_unix.c).
 * Lines are parsed by hand into struct sock_rec, with the kernel's
 * host-endian hex words and clock ticks as net-tools reads them.
 */
#include "procnet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

/* USER_HZ: /proc prints timers in 1/100 s ticks. */
#define PROC_TICK_MS 10u

static bool
expect_char(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

static bool
parse_blank_u64(const char **p, int base, uint64_t *v)
{
	*p = util_skip_blanks(*p);
	return util_parse_u64(p, base, v);
}

/* How many hex digits s starts with. */
static size_t
hex_span(const char *s)
{
	size_t n = 0;

	while (util_hex_digit(s[n]) >= 0)
		n++;
	return n;
}

/* One 32-bit word of 8 hex digits, as the kernel prints it with %08X. */
static uint32_t
hex_word(const char *s)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];
		uint32_t d =
		    (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
		v = v << 4 | d;
	}
	return v;
}

/*
 * "ADDR:PORT" where ADDR is 8 (IPv4) or 32 (IPv6) hex digits, each 32-bit
 * word holding the host-endian value of network-order bytes.  Sets *family
 * from the length, as net-tools decides per line.
 */
static bool
parse_endpoint(const char **p, struct in6_addr *a, uint16_t *port, int *family)
{
	const char *s = util_skip_blanks(*p);
	size_t n = hex_span(s);
	uint64_t v;

	if (n != 8 && n != 32)
		return false;
	memset(a, 0, sizeof(*a));
	for (size_t i = 0; i < n / 8; i++) {
		uint32_t w = hex_word(s + 8 * i);
		memcpy(&a->s6_addr32[i], &w, sizeof(w));
	}
	*family = n == 8 ? AF_INET : AF_INET6;
	s += n;
	if (!expect_char(&s, ':') || !util_parse_u64(&s, 16, &v) || v > 0xffff)
		return false;
	*port = (uint16_t)v;
	*p = s;
	return true;
}

int
procnet_parse_inet(const char *line, enum sk_table table, struct sock_rec *r)
{
	const char *p = line;
	uint64_t sl, st, txq, rxq, tr, when, retr, uid, timeout, inode;
	int lfam, rfam;

	memset(r, 0, sizeof(*r));
	if (!parse_blank_u64(&p, 10, &sl) || !expect_char(&p, ':'))
		return -EINVAL;
	if (!parse_endpoint(&p, &r->laddr, &r->lport, &lfam) ||
	    !parse_endpoint(&p, &r->raddr, &r->rport, &rfam) || lfam != rfam)
		return -EINVAL;
	if (!parse_blank_u64(&p, 16, &st) || st > 0xff)
		return -EINVAL;
	if (!parse_blank_u64(&p, 16, &txq) || !expect_char(&p, ':') ||
	    !util_parse_u64(&p, 16, &rxq))
		return -EINVAL;
	if (!parse_blank_u64(&p, 16, &tr) || tr > 0xff ||
	    !expect_char(&p, ':') || !util_parse_u64(&p, 16, &when))
		return -EINVAL;
	if (!parse_blank_u64(&p, 16, &retr) || !parse_blank_u64(&p, 10, &uid) ||
	    !parse_blank_u64(&p, 10, &timeout) ||
	    !parse_blank_u64(&p, 10, &inode))
		return -EINVAL;
	r->family = (uint8_t)lfam;
	r->table = (uint8_t)table;
	r->state = (uint8_t)st;
	r->txq = txq;
	r->rxq = rxq;
	r->timer = (uint8_t)tr;
	r->timer_ms =
	    when > UINT64_MAX / PROC_TICK_MS ? UINT64_MAX : when * PROC_TICK_MS;
	r->retrans = (uint32_t)retr;
	r->uid = (uint32_t)uid;
	r->probes = (uint32_t)timeout;
	r->inode = inode;
	r->have = HAVE_TIMER_DETAIL;
	return 0;
}

int
procnet_unix_fields(const char *line, struct sock_rec *r, const char **after)
{
	const char *p = line;
	uint64_t refcnt, proto, flags, type, st, inode;

	memset(r, 0, sizeof(*r));
	p = util_skip_blanks(p);
	/* The kernel pointer (%pK), then a colon. */
	p += hex_span(p);
	if (!expect_char(&p, ':'))
		return -EINVAL;
	if (!parse_blank_u64(&p, 16, &refcnt) ||
	    !parse_blank_u64(&p, 16, &proto) ||
	    !parse_blank_u64(&p, 16, &flags) ||
	    !parse_blank_u64(&p, 16, &type) || !parse_blank_u64(&p, 16, &st) ||
	    !parse_blank_u64(&p, 10, &inode))
		return -EINVAL;
	if (refcnt > UINT32_MAX || proto > UINT32_MAX || flags > UINT32_MAX ||
	    type > UINT32_MAX || st > 0xff)
		return -EINVAL;
	r->family = AF_UNIX;
	r->table = SKT_UNIX;
	r->refcnt = (uint32_t)refcnt;
	r->unix_proto = (uint32_t)proto;
	r->unix_flags = (uint32_t)flags;
	r->unix_type = (uint32_t)type;
	r->state = (uint8_t)st;
	r->inode = inode;
	*after = p;
	return 0;
}

int
procnet_parse_unix(const char *line, size_t len, struct sock_rec *r)
{
	const char *p, *end = line + len;

	if (procnet_unix_fields(line, r, &p) < 0 || p > end)
		return -EINVAL;
	/* The kernel prints " path" after the inode; keep every byte of it. */
	if (p < end && *p == ' ' && p + 1 < end) {
		r->path = p + 1;
		r->path_len = (size_t)(end - (p + 1));
	} else if (p != end) {
		return -EINVAL;
	}
	return 0;
}

const char *
procnet_path(enum sk_table table, int family)
{
	bool v6 = family == AF_INET6;

	switch (table) {
	case SKT_TCP: return v6 ? "net/tcp6" : "net/tcp";
	case SKT_UDP: return v6 ? "net/udp6" : "net/udp";
	case SKT_UDPLITE: return v6 ? "net/udplite6" : "net/udplite";
	case SKT_RAW: return v6 ? "net/raw6" : "net/raw";
	case SKT_UNIX: return "net/unix";
	case SKT_COUNT: break;
	}
	return NULL;
}

static int
procnet_parse_any(
    enum sk_table table, char *line, size_t len, struct sock_rec *r)
{
	if (table == SKT_UNIX)
		return procnet_parse_unix(line, len, r);
	return procnet_parse_inet(line, table, r);
}

/*
 * A UNIX record waiting for its line to end: a path containing a newline
 * continues on the next /proc line, which does not parse on its own.
 */
struct unix_pending {
	struct sock_rec rec;
	char path[8192];
	size_t len;
	bool set;
};

static int
unix_flush(struct unix_pending *p, sock_sink_fn sink, void *ctx)
{
	if (!p->set)
		return 0;
	p->set = false;
	if (p->rec.path != NULL)
		p->rec.path = p->path;
	p->rec.path_len = p->len;
	return sink(&p->rec, ctx);
}

static bool
unix_continue(struct unix_pending *p, const char *line, size_t len)
{
	if (!p->set || p->rec.path == NULL ||
	    p->len + 1 + len > sizeof(p->path))
		return false;
	p->path[p->len++] = '\n';
	memcpy(p->path + p->len, line, len);
	p->len += len;
	return true;
}

static void
unix_hold(struct unix_pending *p, const struct sock_rec *r)
{
	p->rec = *r;
	p->len = r->path ? r->path_len : 0;
	if (p->len > sizeof(p->path))
		p->len = sizeof(p->path);
	if (r->path)
		memcpy(p->path, r->path, p->len);
	p->set = true;
}

/* Open a socket file below the /proc root with *res zeroed: fd or -errno. */
static int
procnet_open(enum sk_table table, int family, struct procnet_result *res)
{
	memset(res, 0, sizeof(*res));
	return util_proc_open(procnet_path(table, family));
}

int
procnet_read(enum sk_table table, int family, sock_sink_fn sink, void *ctx,
    struct procnet_result *res)
{
	struct lineio l;
	struct sock_rec r;
	struct unix_pending *pend = NULL;
	char *line;
	size_t len;
	int fd, rc;

	if ((fd = procnet_open(table, family, res)) < 0)
		return fd;
	if (table == SKT_UNIX)
		pend = xcalloc(1, sizeof(*pend));
	lineio_init(&l, fd);
	while ((rc = lineio_next(&l, &line, &len)) > 0) {
		if (l.lineno == 1)
			continue; /* the column header */
		if (procnet_parse_any(table, line, len, &r) < 0) {
			if (pend != NULL && unix_continue(pend, line, len))
				continue;
			if (res->bogus++ == 0)
				res->first_bogus = l.lineno;
			continue;
		}
		if (pend != NULL) {
			if ((rc = unix_flush(pend, sink, ctx)) < 0)
				break;
			unix_hold(pend, &r);
			continue;
		}
		if ((rc = sink(&r, ctx)) < 0)
			break;
	}
	if (pend != NULL && rc >= 0)
		rc = unix_flush(pend, sink, ctx);
	free(pend);
	lineio_free(&l);
	close(fd);
	return rc < 0 ? rc : 0;
}
