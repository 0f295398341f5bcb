/*
 * summary.c - the counts admins build with `netstat -nat | awk | sort |
 * uniq -c`: sockets per protocol and state, listening ports with the
 * number of connections to each, and the top remote addresses per
 * listening port.  Addresses and ports are always numeric here.
 */
#include "summary.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "json.h"
#include "out.h"
#include "sockstate.h"
#include "util.h"

struct state_count {
	char proto[8];
	char state[16];
	unsigned long count;
};

struct conn {
	char proto[8];
	uint8_t family;
	struct in6_addr laddr, raddr;
	uint16_t lport;
	bool listening;
};

struct summary {
	struct state_count *states;
	size_t nstates, states_cap;
	struct conn *conns; /* TCP sockets: listeners and connections */
	size_t nconns, conns_cap;
};

struct summary *
summary_new(void)
{
	return xcalloc(1, sizeof(struct summary));
}

void
summary_free(struct summary *s)
{
	if (s == NULL)
		return;
	free(s->states);
	free(s->conns);
	free(s);
}

static void
count_state(struct summary *s, const char *proto, const char *state)
{
	for (size_t i = 0; i < s->nstates; i++)
		if (strcmp(s->states[i].proto, proto) == 0 &&
		    strcmp(s->states[i].state, state) == 0) {
			s->states[i].count++;
			return;
		}
	if (s->nstates == s->states_cap) {
		s->states_cap = s->states_cap ? s->states_cap * 2 : 32;
		s->states =
		    xrealloc(s->states, s->states_cap * sizeof(*s->states));
	}
	struct state_count *c = &s->states[s->nstates++];
	snprintf(c->proto, sizeof(c->proto), "%s", proto);
	snprintf(c->state, sizeof(c->state), "%s", state);
	c->count = 1;
}

void
summary_add(struct summary *s, const struct sock_rec *r, const char *label)
{
	char num[16];

	count_state(s, label, sockstate_label(r, num, sizeof(num)));
	if (r->table != SKT_TCP || r->state == SK_TIME_WAIT)
		return;
	if (s->nconns == s->conns_cap) {
		s->conns_cap = s->conns_cap ? s->conns_cap * 2 : 1024;
		s->conns = xrealloc(s->conns, s->conns_cap * sizeof(*s->conns));
	}
	struct conn *c = &s->conns[s->nconns++];
	snprintf(c->proto, sizeof(c->proto), "%s", label);
	c->family = r->family;
	c->laddr = r->laddr;
	c->raddr = r->raddr;
	c->lport = r->lport;
	c->listening = r->state == SK_LISTEN;
}

static void
addr_text(uint8_t family, const struct in6_addr *a, char *buf, size_t len)
{
	inet_ntop(family,
	    family == AF_INET ? (const void *)&a->s6_addr32[0]
	                      : (const void *)a,
	    buf, (socklen_t)len);
}

static bool
is_wildcard(uint8_t family, const struct in6_addr *a)
{
	static const struct in6_addr zero;

	if (family == AF_INET)
		return a->s6_addr32[0] == 0;
	return memcmp(a, &zero, sizeof(zero)) == 0;
}

/*
 * Connections accepted through listener l: same family (an accepted socket
 * keeps its listener's family, IPv4-mapped peers included), same port and
 * the same address unless l is a wildcard.
 */
static bool
conn_of(const struct conn *l, const struct conn *c)
{
	if (c->listening || c->lport != l->lport || c->family != l->family)
		return false;
	if (is_wildcard(l->family, &l->laddr))
		return true;
	return memcmp(&c->laddr, &l->laddr, sizeof(c->laddr)) == 0;
}

struct remote_count {
	uint8_t family;
	struct in6_addr addr;
	unsigned long count;
};

static int
remote_cmp(const void *a, const void *b)
{
	const struct remote_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return memcmp(&x->addr, &y->addr, sizeof(x->addr));
}

/* Remote addresses of a listener's connections, busiest first. */
static size_t
remotes_of(const struct summary *s, const struct conn *l,
    struct remote_count **out, unsigned long *total)
{
	struct remote_count *rc = NULL;
	size_t n = 0, cap = 0;

	*total = 0;
	for (size_t i = 0; i < s->nconns; i++) {
		const struct conn *c = &s->conns[i];
		size_t k;
		if (!conn_of(l, c))
			continue;
		(*total)++;
		for (k = 0; k < n; k++)
			if (rc[k].family == c->family &&
			    memcmp(&rc[k].addr, &c->raddr, sizeof(c->raddr)) ==
			        0)
				break;
		if (k == n) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				rc = xrealloc(rc, cap * sizeof(*rc));
			}
			rc[n++] =
			    (struct remote_count){ c->family, c->raddr, 0 };
		}
		rc[k].count++;
	}
	if (n > 1)
		qsort(rc, n, sizeof(*rc), remote_cmp);
	*out = rc;
	return n;
}

/* A listener with its connection count and busiest remotes. */
struct listener_view {
	const struct conn *l;
	char addr[64];           /* its local address as text */
	struct remote_count *rc; /* n remotes, busiest first; free() it */
	size_t n;
	unsigned long total;
};

/* Fill v for c when c is a listener; false for any other socket. */
static bool
listener_view_of(
    const struct summary *s, const struct conn *c, struct listener_view *v)
{
	if (!c->listening)
		return false;
	v->l = c;
	v->n = remotes_of(s, c, &v->rc, &v->total);
	addr_text(c->family, &c->laddr, v->addr, sizeof(v->addr));
	return true;
}

static void
print_table(const struct summary *s)
{
	char a[64], r[80];

	out_str("Sockets by protocol and state:\n");
	for (size_t i = 0; i < s->nstates; i++)
		out_printf("  %-6s %-13s %8lu\n", s->states[i].proto,
		    s->states[i].state, s->states[i].count);
	out_str("Listening ports:\n");
	out_printf(
	    "  %-6s %-46s %11s\n", "Proto", "Local Address", "Connections");
	for (size_t i = 0; i < s->nconns; i++) {
		struct listener_view v;
		if (!listener_view_of(s, &s->conns[i], &v))
			continue;
		snprintf(r, sizeof(r), "%s:%u", v.addr, v.l->lport);
		out_printf("  %-6s %-46s %11lu\n", v.l->proto, r, v.total);
		for (size_t k = 0; k < v.n && k < SUMMARY_TOP; k++) {
			addr_text(v.rc[k].family, &v.rc[k].addr, a, sizeof(a));
			out_printf(
			    "         from %-41s %11lu\n", a, v.rc[k].count);
		}
		free(v.rc);
	}
}

static void
print_json_listeners(const struct summary *s, struct json *j)
{
	char a[64];

	json_key(j, "listening");
	json_open(j, '[');
	for (size_t i = 0; i < s->nconns; i++) {
		struct listener_view v;
		if (!listener_view_of(s, &s->conns[i], &v))
			continue;
		json_item(j);
		json_open(j, '{');
		json_key(j, "proto");
		json_cstr(j, v.l->proto);
		json_key(j, "local_address");
		json_cstr(j, v.addr);
		json_key(j, "local_port");
		json_u64(j, v.l->lport);
		json_key(j, "connections");
		json_u64(j, v.total);
		json_key(j, "top_remote");
		json_open(j, '[');
		for (size_t k = 0; k < v.n && k < SUMMARY_TOP; k++) {
			json_item(j);
			json_open(j, '{');
			addr_text(v.rc[k].family, &v.rc[k].addr, a, sizeof(a));
			json_key(j, "address");
			json_cstr(j, a);
			json_key(j, "connections");
			json_u64(j, v.rc[k].count);
			json_close(j, '}');
		}
		json_close(j, ']');
		json_close(j, '}');
		free(v.rc);
	}
	json_close(j, ']');
}

static void
print_json(const struct summary *s, const char *netns)
{
	struct json j = { 0 };

	json_open(&j, '{');
	if (netns != NULL) {
		json_key(&j, "netns");
		json_cstr(&j, netns);
	}
	for (size_t i = 0; i < s->nstates; i++) {
		const char *proto = s->states[i].proto;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen = seen || strcmp(s->states[k].proto, proto) == 0;
		if (seen)
			continue;
		json_key(&j, proto);
		json_open(&j, '{');
		for (size_t k = i; k < s->nstates; k++) {
			if (strcmp(s->states[k].proto, proto) != 0)
				continue;
			json_key(&j, s->states[k].state);
			json_u64(&j, s->states[k].count);
		}
		json_close(&j, '}');
	}
	print_json_listeners(s, &j);
	json_close(&j, '}');
	out_write("\n", 1);
}

void
summary_print(const struct summary *s, const struct opts *o, const char *netns)
{
	if (o->ext.format == FORMAT_JSON)
		print_json(s, netns);
	else
		print_table(s);
}
