/*
 * filter.c - which rows the socket listing prints.  Carries net-tools'
 * definitions of a "server": TCP by remote port 0 (not by state), UDP and
 * RAW by an all-zero remote address, UNIX by an unconnected socket with
 * the ACC flag.  -a wins over -l.
 */
#include "filter.h"

#include "diag.h"

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

bool
filter_match(const struct opts *o, const struct sock_rec *r)
{
	bool listening;

	if (o->show == SHOW_ALL)
		return true;
	listening = r->table == SKT_UNIX ? is_listening_unix(r) :
					   is_listening_inet(r);
	return o->show == SHOW_LISTENING ? listening : !listening;
}

uint32_t
filter_tcp_states(const struct opts *o, bool with_listeners)
{
	uint32_t all = diag_states_all();
	uint32_t listen = 1u << SK_LISTEN;

	switch (o->show) {
	case SHOW_LISTENING: return listen;
	case SHOW_CONNECTED: return with_listeners ? all : all & ~listen;
	case SHOW_ALL: break;
	}
	return all;
}
