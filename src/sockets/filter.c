/*
 * filter.c - which rows the socket listing prints.  Carries net-tools'
 * definitions of a "server": TCP by remote port 0 (not by state), UDP and
 * RAW by an all-zero remote address, UNIX by an unconnected socket with
 * the ACC flag.  -a wins over -l.
 */
#include "filter.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "diag.h"
#include "sockstate.h"

/* net-tools treats rport == 0 as listening for TCP. */
static bool
is_listening_inet(const struct sock_rec *r)
{
	if (r->table == SKT_TCP)
		return r->rport == 0;
	/* UDP, UDP-Lite, RAW: "no remote address" is a server. */
	return sockrec_addr_is_zero(r, &r->raddr);
}

static bool
is_listening_unix(const struct sock_rec *r)
{
	return r->state == SKU_UNCONNECTED && (r->unix_flags & SKU_FLAG_ACC);
}

static bool
port_in(const uint16_t *list, unsigned n, uint16_t port)
{
	for (unsigned i = 0; i < n; i++)
		if (list[i] == port)
			return true;
	return false;
}

static bool
state_matches(const struct xfilter *f, const struct sock_rec *r)
{
	char buf[24];
	const char *text = sockstate_label(r, buf, sizeof(buf));
	for (unsigned i = 0; i < f->nstates; i++)
		if (strcmp(f->states[i], text) == 0)
			return true;
	return false;
}

/* True when an IPv6 prefix lies inside ::ffff:0:0/96 (IPv4 addresses). */
static bool
prefix_is_v4mapped(const uint8_t *want, unsigned prefix)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
		0xff };

	return prefix >= 96 && memcmp(want, mapped, sizeof(mapped)) == 0;
}

/*
 * Does the prefix match this address?  An IPv4 address and its IPv4-mapped
 * form (::ffff:a.b.c.d, how a dual-stack socket shows it) are the same
 * address, whichever way the filter or the row writes it.
 */
static bool
addr_in_prefix(const struct sock_rec *r, const struct in6_addr *a, int family,
    const uint8_t *want, unsigned prefix)
{
	const uint8_t *b = a->s6_addr;

	if (family == AF_INET && r->family == AF_INET6) {
		if (!IN6_IS_ADDR_V4MAPPED(a))
			return false;
		b += 12;
	} else if (family == AF_INET6 && r->family == AF_INET) {
		if (!prefix_is_v4mapped(want, prefix))
			return false;
		want += 12;
		prefix -= 96;
	} else if (family != r->family) {
		return false;
	}
	for (unsigned bit = 0; bit < prefix; bit += 8) {
		unsigned n = prefix - bit >= 8 ? 8 : prefix - bit;
		uint8_t mask = (uint8_t)(0xff00 >> n);
		if ((b[bit / 8] ^ want[bit / 8]) & mask)
			return false;
	}
	return true;
}

static bool
addr_matches(const struct xfilter *f, const struct sock_rec *r)
{
	for (unsigned i = 0; i < f->naddrs; i++) {
		int fam = f->addrs[i].family;
		const uint8_t *w = f->addrs[i].bytes;
		unsigned p = f->addrs[i].prefix;
		if (addr_in_prefix(r, &r->laddr, fam, w, p) ||
		    addr_in_prefix(r, &r->raddr, fam, w, p))
			return true;
	}
	return false;
}

/* nlnetstat's filters; UNIX rows have no ports, addresses or uid. */
static bool
xfilter_match(const struct xfilter *f, const struct sock_rec *r)
{
	bool is_unix = r->table == SKT_UNIX;

	if (f->nports &&
	    (is_unix || (!port_in(f->ports, f->nports, r->lport) &&
	                    !port_in(f->ports, f->nports, r->rport))))
		return false;
	if (f->nsports &&
	    (is_unix || !port_in(f->sports, f->nsports, r->lport)))
		return false;
	if (f->ndports &&
	    (is_unix || !port_in(f->dports, f->ndports, r->rport)))
		return false;
	if (f->nstates && !state_matches(f, r))
		return false;
	if (f->has_uid && (is_unix || r->uid != f->uid))
		return false;
	if (f->naddrs && (is_unix || !addr_matches(f, r)))
		return false;
	return true;
}

bool
filter_match(const struct opts *o, const struct sock_rec *r)
{
	bool listening;

	if (o->ext.xf.active && !xfilter_match(&o->ext.xf, r))
		return false;
	if (o->show == SHOW_ALL)
		return true;
	listening =
	    r->table == SKT_UNIX ? is_listening_unix(r) : is_listening_inet(r);
	return o->show == SHOW_LISTENING ? listening : !listening;
}

bool
filter_owner_match(const struct opts *o, const int *pids, size_t n)
{
	if (o->ext.xf.npids == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		for (unsigned k = 0; k < o->ext.xf.npids; k++)
			if (pids[i] == o->ext.xf.pids[k])
				return true;
	return false;
}

uint16_t
filter_push_port(const struct opts *o, bool local)
{
	if (local)
		return o->ext.xf.nsports == 1 ? o->ext.xf.sports[0] : 0;
	return o->ext.xf.ndports == 1 ? o->ext.xf.dports[0] : 0;
}

/* --state as a TCP mask, or all states when a name is not a TCP one. */
static uint32_t
xfilter_tcp_mask(const struct opts *o)
{
	uint32_t mask = 0;

	if (o->ext.xf.nstates == 0)
		return UINT32_MAX;
	for (unsigned i = 0; i < o->ext.xf.nstates; i++) {
		int st = sockstate_tcp_number(o->ext.xf.states[i]);
		if (st < 0)
			return UINT32_MAX;
		mask |= 1u << st;
	}
	return mask;
}

uint32_t
filter_tcp_states(const struct opts *o, bool with_listeners)
{
	uint32_t all = diag_states_all();
	uint32_t listen = 1u << SK_LISTEN;

	uint32_t want = xfilter_tcp_mask(o);

	if (with_listeners)
		want |= listen;
	switch (o->show) {
	case SHOW_LISTENING: return listen & want;
	case SHOW_CONNECTED:
		return (with_listeners ? all : all & ~listen) & want;
	case SHOW_ALL: break;
	}
	return all & want;
}
