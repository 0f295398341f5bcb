/*
 * procnet.c - the /proc/net socket files: tcp, tcp6, udp, udp6, udplite,
 * udplite6, raw, raw6 and unix.  This is nlnetstat's fallback source for
 * inet sockets (when sock_diag is missing); UNIX rows are /proc/net/unix
 * joined by inode with unix_diag's list where sock_diag works.  Lines are
 * parsed by hand into struct sock_rec, converting the kernel's host-endian hex
 * words and clock ticks as net-tools reads them.
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
	size_t n = strspn(s, "0123456789abcdefABCDEF");
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

/*
 * The fields of a /proc/net/unix record up to its inode; *after points
 * just past the inode.  Returns 0 or -EINVAL.
 */
static int
unix_fields(const char *line, struct sock_rec *r, const char **after)
{
	const char *p = line;
	uint64_t refcnt, proto, flags, type, st, inode;

	memset(r, 0, sizeof(*r));
	p = util_skip_blanks(p);
	/* The kernel pointer (%pK), then a colon. */
	p += strspn(p, "0123456789abcdefABCDEF");
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

	if (unix_fields(line, r, &p) < 0 || p > end)
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

	memset(res, 0, sizeof(*res));
	fd = util_proc_open(procnet_path(table, family));
	if (fd < 0)
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

/* ---- UNIX sockets: /proc/net/unix joined with sock_diag's list ---- */

void
procnet_unix_known_add(struct procnet_unix_known *k, uint64_t inode,
    uint32_t type, uint8_t sk_state, const char *name, size_t name_len,
    uint32_t pending)
{
	struct procnet_unix_sock *s;

	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->socks = xrealloc(k->socks, k->cap * sizeof(*k->socks));
	}
	s = &k->socks[k->n++];
	memset(s, 0, sizeof(*s));
	s->inode = inode;
	s->type = type;
	/* /proc: ACC for a listener; CONNECTED when established. */
	s->flags = sk_state == SK_LISTEN ? SKU_FLAG_ACC : 0;
	s->st = sk_state == SK_ESTABLISHED ? SKU_CONNECTED : SKU_UNCONNECTED;
	s->icons = pending;
	if (name != NULL && name_len > 0) {
		/*
		 * As the kernel prints it: a path without its closing NUL,
		 * an abstract name with '@' for its leading NUL; any other
		 * NUL is '@' too.
		 */
		size_t n = name[0] != '\0' ? name_len - 1 : name_len;
		s->name = xmalloc(n + 1);
		for (size_t i = 0; i < n; i++)
			s->name[i] = name[i] != '\0' ? name[i] : '@';
		s->name[n] = '\0';
		s->name_len = n;
	}
	if (inode != 0)
		hmap_u64_put(&k->index, inode, k->n);
}

void
procnet_unix_known_free(struct procnet_unix_known *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->socks[i].name);
	free(k->socks);
	hmap_free(&k->index);
	memset(k, 0, sizeof(*k));
}

static struct procnet_unix_sock *
known_get(struct procnet_unix_known *k, uint64_t inode)
{
	uint64_t pos;

	if (inode == 0 || !hmap_u64_get(&k->index, inode, &pos) || pos == 0 ||
	    pos > k->n)
		return NULL;
	return &k->socks[pos - 1];
}

/*
 * True when the text at p, after a record's inode, is exactly " NAME\n"
 * (or "\n" for no name; the newline may be missing at the end of the
 * text); *next is then the start of the following record.
 */
static bool
unix_name_at(const char *p, const char *end, const char *name, size_t len,
    const char **next)
{
	if (name != NULL) {
		if ((size_t)(end - p) < len + 1 || p[0] != ' ' ||
		    memcmp(p + 1, name, len) != 0)
			return false;
		p += 1 + len;
	}
	if (p < end && *p != '\n')
		return false;
	*next = p < end ? p + 1 : p;
	return true;
}

struct unix_join {
	const char *buf, *end;
	struct procnet_unix_known *k;
	size_t *listeners; /* positions of sockets with pending embryos */
	size_t nlisteners;
	bool listeners_built;
	bool in_step;
	struct procnet_result *res;
};

static void
join_listeners(struct unix_join *j)
{
	if (j->listeners_built)
		return;
	j->listeners_built = true;
	for (size_t i = 0; i < j->k->n; i++) {
		if (j->k->socks[i].pending == 0 || j->k->socks[i].name == NULL)
			continue;
		j->listeners = xrealloc(
		    j->listeners, (j->nlisteners + 1) * sizeof(size_t));
		j->listeners[j->nlisteners++] = i;
	}
}

/*
 * An embryonic connection (inode 0) shows its listener's name: the
 * longest name of a listener that still has pending connections.
 */
static struct procnet_unix_sock *
join_embryo(struct unix_join *j, const char *p, const char **next)
{
	struct procnet_unix_sock *best = NULL;
	const char *best_next = NULL, *nx;

	join_listeners(j);
	for (size_t i = 0; i < j->nlisteners; i++) {
		struct procnet_unix_sock *s = &j->k->socks[j->listeners[i]];
		if (s->pending == 0 ||
		    (best != NULL && s->name_len <= best->name_len))
			continue;
		if (unix_name_at(p, j->end, s->name, s->name_len, &nx)) {
			best = s;
			best_next = nx;
		}
	}
	if (best != NULL) {
		best->pending--;
		*next = best_next;
	}
	return best;
}

static const char *
line_end(const struct unix_join *j, const char *p)
{
	const char *nl = memchr(p, '\n', (size_t)(j->end - p));

	return nl != NULL ? nl + 1 : j->end;
}

static void
join_bogus(struct unix_join *j, const char *p)
{
	unsigned long line = 1;

	if (j->res->bogus++ != 0)
		return;
	for (const char *q = j->buf; q < p; q++)
		line += *q == '\n';
	j->res->first_bogus = line;
}

/*
 * One record at p (a line start).  Sets *next to where the following
 * record may start.  Returns 1 with *r to print, 0 for nothing.
 */
static int
join_record(
    struct unix_join *j, const char *p, struct sock_rec *r, const char **next)
{
	struct procnet_unix_sock *s;
	const char *after;

	*next = line_end(j, p);
	if (unix_fields(p, r, &after) < 0) {
		if (j->in_step)
			join_bogus(j, p);
		j->in_step = false;
		return 0;
	}
	s = known_get(j->k, r->inode);
	if (s != NULL && !s->emitted &&
	    unix_name_at(after, j->end, s->name, s->name_len, next)) {
		s->emitted = true;
		r->unix_proto = j->in_step ? r->unix_proto : 0;
		r->unix_flags = s->flags;
		r->unix_type = s->type;
		if (!j->in_step)
			r->state = s->st;
		r->path = s->name;
		r->path_len = s->name_len;
		j->in_step = true;
		return 1;
	}
	if (r->inode == 0 && j->in_step) {
		if (unix_name_at(after, j->end, NULL, 0, next))
			return 1; /* unnamed, unambiguous */
		if ((s = join_embryo(j, after, next)) != NULL) {
			r->path = s->name;
			r->path_len = s->name_len;
			return 1;
		}
	}
	/* Not a socket the kernel listed: its end is unknown. */
	*next = line_end(j, p);
	j->in_step = false;
	return 0;
}

int
procnet_unix_join(const char *buf, size_t len, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res)
{
	struct unix_join j = {
		.buf = buf,
		.end = buf + len,
		.k = k,
		.in_step = true,
		.res = res,
	};
	const char *p, *next;
	struct sock_rec r;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	for (size_t i = 0; i < k->n; i++) {
		k->socks[i].emitted = false;
		k->socks[i].pending = k->socks[i].icons;
	}
	p = line_end(&j, buf); /* the column header */
	for (; p < j.end; p = next) {
		if (join_record(&j, p, &r, &next) == 1 &&
		    (rc = sink(&r, ctx)) < 0)
			break;
	}
	free(j.listeners);
	return rc < 0 ? rc : 0;
}

int
procnet_read_unix_known(struct procnet_unix_known *k, sock_sink_fn sink,
    void *ctx, struct procnet_result *res)
{
	char *buf;
	size_t len;
	int fd, rc;

	memset(res, 0, sizeof(*res));
	fd = util_proc_open(procnet_path(SKT_UNIX, AF_UNIX));
	if (fd < 0)
		return fd;
	rc = util_read_all(fd, &buf, &len);
	close(fd);
	if (rc < 0)
		return rc;
	rc = procnet_unix_join(buf, len, k, sink, ctx, res);
	free(buf);
	return rc;
}

static void
known_rec(const struct procnet_unix_sock *s, struct sock_rec *r)
{
	memset(r, 0, sizeof(*r));
	r->family = AF_UNIX;
	r->table = SKT_UNIX;
	r->unix_type = s->type;
	r->path = s->name;
	r->path_len = s->name_len;
	r->have = HAVE_NO_REFCNT;
}

int
procnet_unix_known_emit(
    const struct procnet_unix_known *k, sock_sink_fn sink, void *ctx)
{
	struct sock_rec r;

	for (size_t i = 0; i < k->n; i++) {
		const struct procnet_unix_sock *s = &k->socks[i];
		int rc;
		known_rec(s, &r);
		r.unix_flags = s->flags;
		r.state = s->st;
		r.inode = s->inode;
		if ((rc = sink(&r, ctx)) < 0)
			return rc;
		for (uint32_t e = 0; s->name != NULL && e < s->icons; e++) {
			known_rec(s, &r);
			r.state = SKU_CONNECTING; /* no inode until accepted */
			if ((rc = sink(&r, ctx)) < 0)
				return rc;
		}
	}
	return 0;
}
