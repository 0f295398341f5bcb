/*
 * diag.c - sock_diag dumps through libmnl: one request per (protocol,
 * family) in netstat's order, replies decoded into struct sock_rec with the
 * values /proc would print (listener Send-Q 0, timers in ms, tcp_info for
 * the -o numbers).  Errors carried inside NLMSG_DONE are honoured, so a
 * missing handler (raw_diag) is reported instead of an empty table.
 */
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

/* libmnl >= 1.0.5 names this; the kernel caps dump datagrams near 32 KiB. */
#ifndef MNL_SOCKET_DUMP_SIZE
#define MNL_SOCKET_DUMP_SIZE 32768
#endif

/* States netstat can show: 1..11 (SYN_RECV also matches request socks). */
#define DIAG_STATES_ALL 0xffeu

struct diag_sock {
	struct mnl_socket *nl;
	unsigned portid;
	unsigned seq;
	int replay_dirfd; /* >= 0: read recorded replies instead */
	int record_fd;    /* >= 0: copy every reply datagram here */
	char buf[MNL_SOCKET_DUMP_SIZE];
};

/* A listener's uid, for SYN_RECV rows (diag reports 0, /proc the owner). */
struct listen_uid {
	struct in6_addr addr;
	uint16_t port;
	uint32_t ifindex; /* SO_BINDTODEVICE, 0 when unbound */
	uint32_t uid;
};

struct dump_ctx {
	const struct diag_req *req;
	sock_sink_fn sink; /* NULL: only note the listeners */
	void *sink_ctx;
	unsigned long emitted;
	int sink_err;
	struct listen_uid *listeners;
	size_t nlisteners, cap;
};

uint32_t
diag_states_all(void)
{
	return DIAG_STATES_ALL;
}

bool
diag_is_unsupported(int err)
{
	return err == -ENOENT || err == -EINVAL || err == -EOPNOTSUPP ||
	       err == -EPROTONOSUPPORT || err == -EAFNOSUPPORT;
}

/* The netlink socket, opened when a dump needs it.  Returns 0 or -errno. */
static int
diag_connect(struct diag_sock *d)
{
	if (d->nl != NULL)
		return 0;
	d->nl = mnl_socket_open2(NETLINK_SOCK_DIAG, SOCK_CLOEXEC);
	if (d->nl == NULL ||
	    mnl_socket_bind(d->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		int e = errno;
		if (d->nl)
			mnl_socket_close(d->nl);
		d->nl = NULL;
		return -e;
	}
	d->portid = mnl_socket_get_portid(d->nl);
	return 0;
}

/*
 * Closed after every dump: the descriptor is free for the /proc files that
 * follow, which matters at a very low RLIMIT_NOFILE (ulimit -n 4).
 */
static void
diag_disconnect(struct diag_sock *d)
{
	if (d->nl != NULL)
		mnl_socket_close(d->nl);
	d->nl = NULL;
}

int
diag_open(struct diag_sock **out)
{
	struct diag_sock *d = xcalloc(1, sizeof(*d));
	const char *replay = util_env("DIAG_REPLAY");
	int rc;

	d->replay_dirfd = -1;
	d->record_fd = -1;
	if (replay != NULL && replay[0] != '\0') {
		d->replay_dirfd =
		    open(replay, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (d->replay_dirfd < 0) {
			int e = errno;
			free(d);
			return -e;
		}
		*out = d;
		return 0;
	}
	/* Whether sock_diag exists at all is known from the first try. */
	if ((rc = diag_connect(d)) < 0) {
		free(d);
		return rc;
	}
	diag_disconnect(d);
	*out = d;
	return 0;
}

void
diag_close(struct diag_sock *d)
{
	if (d == NULL)
		return;
	diag_disconnect(d);
	if (d->replay_dirfd >= 0)
		close(d->replay_dirfd);
	free(d);
}

static int
proto_of(enum sk_table t)
{
	switch (t) {
	case SKT_TCP: return IPPROTO_TCP;
	case SKT_UDP: return IPPROTO_UDP;
	case SKT_UDPLITE: return IPPROTO_UDPLITE;
	case SKT_RAW: return IPPROTO_RAW; /* every raw socket of the family */
	default: return -1;
	}
}

static void
decode_addrs(const struct inet_diag_msg *m, struct sock_rec *r)
{
	size_t n = m->idiag_family == AF_INET ? 4 : 16;

	memcpy(&r->laddr, m->id.idiag_src, n);
	memcpy(&r->raddr, m->id.idiag_dst, n);
}

struct attrs {
	const struct nlattr *info;
	const struct nlattr *protocol;
};

static int
attr_cb(const struct nlattr *a, void *data)
{
	struct attrs *tb = data;

	/* Newer kernels add attributes; skip what we do not know. */
	if (mnl_attr_type_valid(a, INET_DIAG_MAX) < 0)
		return MNL_CB_OK;
	switch (mnl_attr_get_type(a)) {
	case INET_DIAG_INFO: tb->info = a; break;
	case INET_DIAG_PROTOCOL:
		if (mnl_attr_validate(a, MNL_TYPE_U8) == 0)
			tb->protocol = a;
		break;
	default: break;
	}
	return MNL_CB_OK;
}

/* The -o numbers (/proc's retrnsmt and timeout columns). */
static void
decode_timer_detail(
    const struct inet_diag_msg *m, const struct attrs *tb, struct sock_rec *r)
{
	if (tb->info != NULL) {
		struct tcp_info ti;
		size_t n = mnl_attr_get_payload_len(tb->info);

		/* tcp_info grows between kernels: copy what both know. */
		memset(&ti, 0, sizeof(ti));
		memcpy(&ti, mnl_attr_get_payload(tb->info),
		    n < sizeof(ti) ? n : sizeof(ti));
		r->retrans = ti.tcpi_retransmits;
		r->probes = ti.tcpi_probes;
		r->have |= HAVE_TIMER_DETAIL;
	} else if (m->idiag_state == SK_TIME_WAIT) {
		r->have |= HAVE_TIMER_DETAIL;
	} else if (m->idiag_state == SK_SYN_RECV) {
		r->retrans = m->idiag_retrans;
		r->have |= HAVE_TIMER_DETAIL;
	} else if (m->idiag_timer == 1) {
		r->retrans = m->idiag_retrans;
	} else if (m->idiag_timer == 2 || m->idiag_timer == 4) {
		r->probes = m->idiag_retrans; /* icsk_probes_out */
	}
}

int
diag_decode_inet(
    const struct nlmsghdr *nlh, enum sk_table table, struct sock_rec *r)
{
	const struct inet_diag_msg *m;
	struct attrs tb = { 0 };

	if (nlh->nlmsg_len < NLMSG_HDRLEN ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*m))
		return -EINVAL;
	m = mnl_nlmsg_get_payload(nlh);
	if (m->idiag_family != AF_INET && m->idiag_family != AF_INET6)
		return -EINVAL;
	if (mnl_attr_parse(nlh, sizeof(*m), attr_cb, &tb) < 0)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->family = m->idiag_family;
	r->table = (uint8_t)table;
	r->state = m->idiag_state;
	r->lport = ntohs(m->id.idiag_sport);
	r->rport = ntohs(m->id.idiag_dport);
	decode_addrs(m, r);
	if (table == SKT_RAW && r->lport == 0 && tb.protocol != NULL)
		r->lport = mnl_attr_get_u8(tb.protocol);
	r->rxq = m->idiag_rqueue;
	/* inet_diag gives a listener's backlog limit; /proc shows 0. */
	r->txq = (table == SKT_TCP && m->idiag_state == SK_LISTEN)
	             ? 0
	             : m->idiag_wqueue;
	if (table == SKT_TCP && m->idiag_state == SK_LISTEN) {
		r->backlog = m->idiag_wqueue;
		r->have |= HAVE_BACKLOG;
	}
	r->timer = m->idiag_timer;
	r->timer_ms = m->idiag_expires;
	r->uid = m->idiag_uid;
	r->inode = m->idiag_inode;
	if (table == SKT_TCP)
		decode_timer_detail(m, &tb, r);
	else
		r->have |= HAVE_TIMER_DETAIL;
	return 0;
}

static void
listeners_note(struct dump_ctx *c, const struct sock_rec *r, uint32_t ifindex)
{
	c->listeners = xgrow(
	    c->listeners, &c->cap, c->nlisteners, sizeof(*c->listeners), 16);
	struct listen_uid *l = &c->listeners[c->nlisteners++];
	l->addr = r->laddr;
	l->port = r->lport;
	l->ifindex = ifindex;
	l->uid = r->uid;
}

/*
 * How well listener l explains request sock r that arrived for device
 * ifindex (the request's idiag_if: its listener's bound device, or for an
 * IPv6 link-local peer the incoming device), or -1 when it cannot.  The
 * kernel tries listeners on the exact address before the wildcard ones and
 * prefers a device-bound listener; the request inherits the device of the
 * one it chose.
 */
static int
listener_score(
    const struct listen_uid *l, const struct sock_rec *r, uint32_t ifindex)
{
	int score = 0;

	if (l->port != r->lport)
		return -1;
	if (memcmp(&l->addr, &r->laddr, sizeof(l->addr)) == 0)
		score += 1;
	else if (!sockrec_addr_is_zero(r, &l->addr))
		return -1;
	if (l->ifindex == ifindex)
		score += 2;
	else if (l->ifindex != 0)
		return -1;
	return score;
}

/* /proc shows a request sock's listener's uid; find that listener. */
static void
listeners_fill_uid(
    const struct dump_ctx *c, struct sock_rec *r, uint32_t ifindex)
{
	int best = -1;

	for (size_t i = 0; i < c->nlisteners; i++) {
		int score = listener_score(&c->listeners[i], r, ifindex);
		if (score > best) {
			best = score;
			r->uid = c->listeners[i].uid;
		}
	}
}

static int
data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct sock_rec r;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return MNL_CB_OK;
	if (diag_decode_inet(nlh, c->req->table, &r) < 0) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (c->req->want_uids && r.table == SKT_TCP) {
		const struct inet_diag_msg *m = mnl_nlmsg_get_payload(nlh);
		if (r.state == SK_LISTEN)
			listeners_note(c, &r, m->id.idiag_if);
		else if (r.state == SK_SYN_RECV && r.inode == 0)
			listeners_fill_uid(c, &r, m->id.idiag_if);
	}
	if (c->sink == NULL)
		return MNL_CB_OK;
	c->emitted++;
	int rc = c->sink(&r, c->sink_ctx);
	if (rc < 0) {
		c->sink_err = rc;
		return MNL_CB_STOP;
	}
	return MNL_CB_OK;
}

/* libmnl's default DONE handler drops an error carried in the payload. */
/* A kernel error code as a positive errno; INT_MIN cannot be negated. */
static int
errno_of(int e)
{
	if (e == INT_MIN || e == 0)
		return EBADMSG;
	return e < 0 ? -e : e;
}

static int
done_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)data;
	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int)) {
		int e;
		memcpy(&e, mnl_nlmsg_get_payload(nlh), sizeof(e));
		if (e < 0) {
			errno = errno_of(e);
			return MNL_CB_ERROR;
		}
	}
	return MNL_CB_STOP;
}

static int
error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

	(void)data;
	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (e->error == 0)
		return MNL_CB_STOP;
	errno = errno_of(e->error);
	return MNL_CB_ERROR;
}

/* Never written; not const only because mnl_cb_run2() takes it so. */
static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
};

/*
 * Connect and start a SOCK_DIAG_BY_FAMILY dump request in d->buf; the
 * caller fills the request header (size bytes, zeroed) that *req points
 * to and sends it with diag_request_send().  0 or -errno.
 */
static int
diag_request_begin(struct diag_sock *d, size_t size, void **req)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(d->buf);
	int rc;

	if ((rc = diag_connect(d)) < 0)
		return rc;
	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = ++d->seq;
	*req = mnl_nlmsg_put_extra_header(nlh, size);
	return 0;
}

static int
diag_request_send(struct diag_sock *d)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)d->buf;

	if (mnl_socket_sendto(d->nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	return 0;
}

static int
diag_send(struct diag_sock *d, const struct diag_req *req)
{
	struct inet_diag_req_v2 *r;
	int rc;

	if ((rc = diag_request_begin(d, sizeof(*r), (void **)&r)) < 0)
		return rc;
	r->sdiag_family = (uint8_t)req->family;
	r->sdiag_protocol = (uint8_t)proto_of(req->table);
	r->idiag_states = req->states;
	/* TCP and UDP dumps skip sockets whose ports differ from these. */
	if (req->table != SKT_RAW) {
		r->id.idiag_sport = htons(req->sport);
		r->id.idiag_dport = htons(req->dport);
	}
	if (req->want_info)
		r->idiag_ext |= 1 << (INET_DIAG_INFO - 1);
	return diag_request_send(d);
}

static ssize_t
diag_recv(struct diag_sock *d)
{
	ssize_t n;

	do
		n = mnl_socket_recvfrom(d->nl, d->buf, sizeof(d->buf));
	while (n < 0 && (errno == EINTR || errno == EAGAIN));
	if (n < 0)
		return -errno;
	if (d->record_fd >= 0 && write(d->record_fd, d->buf, (size_t)n) != n)
		return -EIO;
	return n;
}

/* File name of a recorded dump: tcp.nl, tcp6.nl, udp.nl, ... */
static void
replay_name(const struct diag_req *req, char *buf, size_t len)
{
	static const char *names[] = { "tcp", "udp", "udplite", "raw" };

	snprintf(buf, len, "%s%s.nl", names[req->table],
	    req->family == AF_INET6 ? "6" : "");
}

static int
replay_open(struct diag_sock *d, const struct diag_req *req)
{
	char name[32];
	int fd;

	replay_name(req, name, sizeof(name));
	fd = openat(d->replay_dirfd, name, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* NLNETSTAT_DIAG_RECORD=DIR: save each dump's replies for replay tests. */
static int
diag_record_open(struct diag_sock *d, const struct diag_req *req)
{
	const char *dir = util_env("DIAG_RECORD");
	char path[4096], name[32];

	if (dir == NULL || dir[0] == '\0')
		return 0;
	replay_name(req, name, sizeof(name));
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	d->record_fd =
	    open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	return d->record_fd < 0 ? -errno : 0;
}

/*
 * Every message header must fit in what was read: libmnl compares
 * nlmsg_len as an int, so a length of 2^31 or more (possible in a replay
 * file) would walk it far past the buffer.
 */
static bool
messages_fit(const char *buf, size_t n)
{
	while (n >= NLMSG_HDRLEN) {
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
		size_t step = NLMSG_ALIGN((size_t)h->nlmsg_len);
		if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > n)
			return false;
		if (step >= n)
			return true;
		buf += step;
		n -= step;
	}
	return n == 0;
}

static int
diag_run_buffer(
    char *buf, size_t n, unsigned seq, unsigned portid, struct dump_ctx *c)
{
	if (!messages_fit(buf, n))
		return -EBADMSG;
	int rc = mnl_cb_run2(
	    buf, n, seq, portid, data_cb, c, ctl_cbs, NLMSG_MIN_TYPE);

	if (c->sink_err < 0)
		return c->sink_err;
	if (rc < 0)
		return -errno;
	return rc == MNL_CB_STOP ? 0 : 1;
}

static int
diag_run(struct diag_sock *d, struct dump_ctx *c)
{
	for (;;) {
		ssize_t n = diag_recv(d);
		if (n < 0)
			return (int)n;
		int rc =
		    diag_run_buffer(d->buf, (size_t)n, d->seq, d->portid, c);
		if (rc <= 0)
			return rc;
	}
}

/* A recorded dump: the datagrams of one reply, concatenated. */
static int
diag_run_replay(int fd, struct dump_ctx *c)
{
	char *buf;
	size_t len;
	int rc = util_read_all(fd, &buf, &len);

	if (rc < 0)
		return rc;
	rc = diag_run_buffer(buf, len, 0, 0, c);
	free(buf);
	/* A recording that ends before NLMSG_DONE is truncated. */
	return rc > 0 ? -EPIPE : rc;
}

/* One request and its replies (or a recorded reply) through c. */
static int
diag_exchange(
    struct diag_sock *d, const struct diag_req *req, struct dump_ctx *c)
{
	int rc;

	if (d->replay_dirfd >= 0) {
		int replay_fd = replay_open(d, req);
		if (replay_fd < 0)
			return replay_fd;
		rc = diag_run_replay(replay_fd, c);
		close(replay_fd);
		return rc;
	}
	if ((rc = diag_record_open(d, req)) < 0)
		return rc;
	rc = diag_send(d, req);
	if (rc == 0)
		rc = diag_run(d, c);
	if (d->record_fd >= 0) {
		close(d->record_fd);
		d->record_fd = -1;
	}
	/* No descriptor is held between dumps (low RLIMIT_NOFILE). */
	diag_disconnect(d);
	return rc;
}

/*
 * SYN_RECV rows take their uid from their listener, so with -e the
 * listeners must be known even when the request leaves them out: the
 * kernel skips every listener when a remote port is asked for.
 */
static bool
listeners_filtered_out(const struct diag_req *req)
{
	uint32_t syn_recv = 1u << SK_SYN_RECV, listen = 1u << SK_LISTEN;

	return req->want_uids && req->table == SKT_TCP &&
	       (req->states & syn_recv) &&
	       (req->dport != 0 || !(req->states & listen));
}

int
diag_dump(struct diag_sock *d, const struct diag_req *req, sock_sink_fn sink,
    void *ctx, unsigned long *emitted)
{
	struct dump_ctx c = { .req = req, .sink = sink, .sink_ctx = ctx };
	int rc = 0;

	*emitted = 0;
	if (proto_of(req->table) < 0)
		return -EINVAL;
	if (listeners_filtered_out(req)) {
		struct diag_req lreq = *req;
		lreq.states = 1u << SK_LISTEN;
		lreq.dport = 0;
		c.req = &lreq;
		c.sink = NULL;
		rc = diag_exchange(d, &lreq, &c);
		c.req = req;
		c.sink = sink;
	}
	if (rc == 0)
		rc = diag_exchange(d, req, &c);
	free(c.listeners);
	*emitted = c.emitted;
	return rc;
}

struct unix_cb_ctx {
	int (*fn)(const struct diag_unix *u, void *ctx);
	void *ctx;
	int err;
};

static int
unix_attr_cb(const struct nlattr *a, void *data)
{
	struct diag_unix *u = data;

	switch (mnl_attr_get_type(a)) {
	case UNIX_DIAG_NAME:
		u->name = mnl_attr_get_payload(a);
		u->name_len = mnl_attr_get_payload_len(a);
		break;
	case UNIX_DIAG_PEER:
		if (mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			u->peer = mnl_attr_get_u32(a);
		break;
	case UNIX_DIAG_ICONS:
		u->nicons = mnl_attr_get_payload_len(a) / sizeof(uint32_t);
		break;
	case UNIX_DIAG_RQLEN:
		if (mnl_attr_get_payload_len(a) >=
		    sizeof(struct unix_diag_rqlen)) {
			struct unix_diag_rqlen q;
			memcpy(&q, mnl_attr_get_payload(a), sizeof(q));
			u->rqueue = q.udiag_rqueue;
			u->wqueue = q.udiag_wqueue;
			u->have_rqlen = true;
		}
		break;
	default: break;
	}
	return MNL_CB_OK;
}

int
diag_decode_unix(const struct nlmsghdr *nlh, struct diag_unix *u)
{
	const struct unix_diag_msg *m;

	if (nlh->nlmsg_len < NLMSG_HDRLEN ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*m))
		return -EINVAL;
	m = mnl_nlmsg_get_payload(nlh);
	if (m->udiag_family != AF_UNIX)
		return -EINVAL;
	memset(u, 0, sizeof(*u));
	u->inode = m->udiag_ino;
	u->type = m->udiag_type;
	u->state = m->udiag_state;
	if (mnl_attr_parse(nlh, sizeof(*m), unix_attr_cb, u) < 0)
		return -EINVAL;
	/* The kernel never sends an empty name; treat one as unbound. */
	if (u->name_len == 0)
		u->name = NULL;
	return 0;
}

static int
unix_data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct unix_cb_ctx *uc = data;
	struct diag_unix u;
	int rc;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return MNL_CB_OK;
	if (diag_decode_unix(nlh, &u) < 0) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if ((rc = uc->fn(&u, uc->ctx)) < 0) {
		uc->err = rc;
		return MNL_CB_STOP;
	}
	return MNL_CB_OK;
}

static int
unix_send(struct diag_sock *d, bool peers)
{
	struct unix_diag_req *r;
	int rc;

	if ((rc = diag_request_begin(d, sizeof(*r), (void **)&r)) < 0)
		return rc;
	r->sdiag_family = AF_UNIX;
	r->udiag_states = UINT32_MAX;
	/* Only what the join and the columns use: no queue lengths. */
	r->udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_ICONS;
	if (peers)
		r->udiag_show |= UDIAG_SHOW_PEER;
	return diag_request_send(d);
}

/* The replies of the request unix_send sent, each decoded for fn. */
static int
unix_recv_all(struct diag_sock *d,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx)
{
	struct unix_cb_ctx uc = { fn, ctx, 0 };

	for (;;) {
		ssize_t n = diag_recv(d);
		if (n < 0)
			return (int)n;
		if (!messages_fit(d->buf, (size_t)n))
			return -EBADMSG;
		int rc = mnl_cb_run2(d->buf, (size_t)n, d->seq, d->portid,
		    unix_data_cb, &uc, ctl_cbs, NLMSG_MIN_TYPE);
		if (uc.err < 0)
			return uc.err;
		if (rc < 0)
			return -errno;
		if (rc == MNL_CB_STOP)
			return 0;
	}
}

int
diag_unix_dump_start(struct diag_sock *d, bool peers)
{
	int rc;

	if (d->replay_dirfd >= 0)
		return -ENOTSUP; /* replay directories hold inet dumps only */
	if ((rc = unix_send(d, peers)) < 0)
		diag_disconnect(d);
	return rc;
}

int
diag_unix_dump_finish(struct diag_sock *d,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx)
{
	int rc = unix_recv_all(d, fn, ctx);

	diag_disconnect(d);
	return rc;
}

int
diag_unix_dump(struct diag_sock *d, bool peers,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx)
{
	int rc = diag_unix_dump_start(d, peers);

	return rc < 0 ? rc : diag_unix_dump_finish(d, fn, ctx);
}
