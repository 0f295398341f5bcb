/*
 * fmt_json.c - one JSON object per socket.  Keys and value types follow
 * jc's netstat parser so `nlnetstat ARGS --json` matches
 * `netstat ARGS | jc --netstat` record for record, but addresses are never
 * truncated, every owner is listed, and state, timers and listener queues
 * get their own numeric fields (timer_*, next to jc's "timer" string).
 */
#include "fmt_json.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt.h"
#include "names.h"
#include "sockstate.h"

static void
json_port(struct json *j, const char *key, const char *text, unsigned num)
{
	char numkey[32];

	json_key(j, key);
	json_cstr(j, text);
	snprintf(numkey, sizeof(numkey), "%s_num", key);
	json_key(j, numkey);
	json_u64(j, num);
}

static void
json_owners(struct json *j, const struct opts *o, const struct procmap *m,
    uint64_t inode)
{
	struct procmap_iter it;
	struct procmap_owner ow;
	bool any;

	if (!o->programs)
		return;
	procmap_iter_init(&it, m, inode);
	any = procmap_iter_next(&it, &ow);
	json_key(j, "program_name");
	json_cstr(j, any ? ow.name : NULL);
	json_key(j, "pid");
	if (any)
		json_i64(j, ow.pid);
	else
		json_null(j);
	/* Every owner, however many: a prefork listener has hundreds. */
	json_key(j, "owners");
	json_open(j, '[');
	for (; any; any = procmap_iter_next(&it, &ow)) {
		json_item(j);
		json_open(j, '{');
		json_key(j, "pid");
		json_i64(j, ow.pid);
		json_key(j, "program_name");
		json_cstr(j, ow.name);
		json_close(j, '}');
	}
	json_close(j, ']');
}

static void
json_user(struct json *j, const struct opts *o, uint32_t uid)
{
	char user[64];

	json_key(j, "user");
	json_cstr(j,
	    names_user(uid, (o->numeric & NUM_USER) != 0, user, sizeof(user)));
	json_key(j, "uid");
	json_u64(j, uid);
}

/*
 * "timer" is the -o text, a string as jc gives it ("off (0.00/0/0)"); the
 * same facts as numbers go under timer_state, timer_seconds,
 * timer_retransmits and timer_probes.
 */
static void
json_timer(struct json *j, const struct sock_rec *r)
{
	char name[24], text[96];

	fmt_timer(text, sizeof(text), r);
	json_key(j, "timer");
	json_cstr(j, text);
	json_key(j, "timer_state");
	json_cstr(j, fmt_timer_name(r, name, sizeof(name)));
	json_key(j, "timer_seconds");
	json_double2(
	    j, r->timer == 0 ? 0.0 : (double)(r->timer_ms / 10) / 100.0);
	json_key(j, "timer_retransmits");
	json_u64(j, r->table == SKT_TCP ? r->retrans : 0);
	json_key(j, "timer_probes");
	json_u64(j, r->probes);
}

static const char *
transport_name(enum sk_table t)
{
	switch (t) {
	case SKT_TCP: return "tcp";
	case SKT_UDP: return "udp";
	case SKT_UDPLITE: return "udplite";
	case SKT_RAW: return "raw";
	default: return NULL;
	}
}

static void
json_state(struct json *j, const struct sock_rec *r, const char *text)
{
	json_key(j, "state");
	if (text[0] != '\0')
		json_cstr(j, text);
	else
		json_null(j);
	json_key(j, "state_num");
	json_u64(j, r->state);
}

static void
json_listener(struct json *j, const struct sock_rec *r)
{
	if (r->table != SKT_TCP || r->state != SK_LISTEN)
		return;
	json_key(j, "accept_queue");
	json_u64(j, r->rxq);
	json_key(j, "backlog");
	if (r->have & HAVE_BACKLOG)
		json_u64(j, r->backlog);
	else
		json_null(j); /* /proc does not show it */
}

static void
json_netns(struct json *j, const char *netns)
{
	if (netns == NULL)
		return;
	json_key(j, "netns");
	json_cstr(j, netns);
}

void
fmt_json_inet(struct json *j, const struct opts *o, const struct sock_rec *r,
    const char *label, const struct procmap *owners, const char *netns)
{
	char host[1025], pbuf[16];
	const char *port;

	json_item(j);
	json_open(j, '{');
	json_key(j, "proto");
	json_cstr(j, label);
	json_key(j, "recv_q");
	json_u64(j, r->rxq);
	json_key(j, "send_q");
	json_u64(j, r->txq);
	port = fmt_host_port(o, r, 1, host, sizeof(host), pbuf, sizeof(pbuf));
	json_key(j, "local_address");
	json_cstr(j, host);
	json_port(j, "local_port", port, r->lport);
	port = fmt_host_port(o, r, 0, host, sizeof(host), pbuf, sizeof(pbuf));
	json_key(j, "foreign_address");
	json_cstr(j, host);
	json_port(j, "foreign_port", port, r->rport);
	char num[24];
	json_state(j, r, sockstate_text(r, num, sizeof(num)));
	json_user(j, o, r->uid);
	json_key(j, "inode");
	json_u64(j, r->inode);
	json_owners(j, o, owners, r->inode);
	json_key(j, "kind");
	json_cstr(j, "network");
	json_key(j, "transport_protocol");
	json_cstr(j, transport_name((enum sk_table)r->table));
	json_key(j, "network_protocol");
	json_cstr(j, r->family == AF_INET6 ? "ipv6" : "ipv4");
	json_listener(j, r);
	json_timer(j, r);
	json_netns(j, netns);
	json_close(j, '}');
}

static void
json_unix_flags(struct json *j, uint32_t flags)
{
	char f[16];

	sockstate_unix_flags(flags, f, sizeof(f));
	json_key(j, "flags");
	if (f[0] == '\0') {
		json_null(j);
		return;
	}
	f[strlen(f) - 1] = '\0';
	json_cstr(j, f);
}

/* The other end of a connected UNIX socket: inode, and owner with -p. */
static void
json_unix_peer(
    struct json *j, const struct sock_rec *r, const struct procmap *owners)
{
	struct procmap_owner ow[1];
	size_t n = 0;
	bool known = (r->have & HAVE_PEER) != 0;

	if (known && owners != NULL)
		n = procmap_owners(owners, r->peer_inode, ow, 1);
	json_key(j, "peer_inode");
	if (known)
		json_u64(j, r->peer_inode);
	else
		json_null(j);
	json_key(j, "peer_pid");
	if (n)
		json_i64(j, ow[0].pid);
	else
		json_null(j);
	json_key(j, "peer_program");
	json_cstr(j, n ? ow[0].name : NULL);
}

void
fmt_json_unix(struct json *j, const struct opts *o, const struct sock_rec *r,
    const struct procmap *owners, const char *netns)
{
	json_item(j);
	json_open(j, '{');
	json_key(j, "proto");
	json_cstr(j, r->unix_proto == 0 ? "unix" : "??");
	json_key(j, "refcnt");
	if (r->have & HAVE_NO_REFCNT)
		json_null(j);
	else
		json_u64(j, r->refcnt);
	json_unix_flags(j, r->unix_flags);
	json_key(j, "type");
	json_cstr(j, sockstate_unix_type(r->unix_type));
	json_state(j, r, sockstate_text(r, NULL, 0));
	json_key(j, "inode");
	json_u64(j, r->inode);
	json_owners(j, o, owners, r->inode);
	if (r->path != NULL) {
		json_key(j, "path");
		json_str(j, r->path, r->path_len);
	}
	json_unix_peer(j, r, owners);
	json_key(j, "kind");
	json_cstr(j, "socket");
	json_netns(j, netns);
	json_close(j, '}');
}
