/*
 * emit_metrics.c - the --metrics emitter: socket records are aggregated
 * (sockets per protocol and state, TCP listeners with accept queue and
 * backlog, connections and queue bytes per listening port, sockets per
 * program) and written as one Prometheus or OpenMetrics exposition per
 * pass, to stdout or atomically to --metrics-file.  Memory is reused
 * from pass to pass; nothing grows with the number of connections.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "atomic_file.h"
#include "emit.h"
#include "fmt.h"
#include "metrics.h"
#include "out.h"
#include "procmap.h"
#include "report.h"
#include "sockrec.h"
#include "sockstate.h"
#include "util.h"

#define MX_NONE UINT32_MAX
/* Per-table state slots: the state byte, and one for LISTENING UNIX. */
#define MX_STATES 257
#define MX_UNIX_LISTENING 256
#define MX_TCP_STATES 12
#define MX_PORTS 65536

enum mx_family {
	MXF_SOCKETS,
	MXF_LISTEN_QUEUE,
	MXF_LISTEN_BACKLOG,
	MXF_LISTEN_SOCKETS,
	MXF_PORT_CONN,
	MXF_PORT_RXQ,
	MXF_PORT_TXQ,
	MXF_PROGRAM,
	MXF_COUNT,
};

static const struct {
	const char *name;
	const char *help;
} mx_families[MXF_COUNT] = {
	[MXF_SOCKETS] = { "nlnetstat_sockets",
	    "Sockets per protocol and state (the --summary counts)." },
	[MXF_LISTEN_QUEUE] = { "nlnetstat_listen_accept_queue",
	    "Connections waiting in a TCP listener's accept queue." },
	[MXF_LISTEN_BACKLOG] = { "nlnetstat_listen_backlog",
	    "Accept-queue limit (listen backlog) of a TCP listener; "
	    "the kernel queues up to backlog+1." },
	[MXF_LISTEN_SOCKETS] = { "nlnetstat_listen_sockets",
	    "TCP LISTEN sockets on this address and port (SO_REUSEPORT); "
	    "queue and backlog are their sums." },
	[MXF_PORT_CONN] = { "nlnetstat_port_connections",
	    "TCP connections on a listening port, per state." },
	[MXF_PORT_RXQ] = { "nlnetstat_port_receive_queue_bytes",
	    "Recv-Q bytes summed over the connections of a listening port." },
	[MXF_PORT_TXQ] = { "nlnetstat_port_send_queue_bytes",
	    "Send-Q bytes summed over the connections of a listening port." },
	[MXF_PROGRAM] = { "nlnetstat_program_sockets",
	    "Sockets per owning program (the first owner, as -p shows it) "
	    "and protocol; \"-\" when no process could be seen." },
};

/* A TCP listener (address, port, program); SO_REUSEPORT twins merged. */
struct mx_listener {
	uint32_t next; /* next listener on the same port, or MX_NONE */
	uint32_t prog; /* program index, or MX_NONE without -p */
	struct in6_addr addr;
	uint64_t queue, backlog;
	unsigned long sockets;
	bool have_backlog;
};

/* A listening TCP port of one family and its connections. */
struct mx_port {
	uint16_t port;
	uint8_t v6;
	uint32_t first; /* first listener */
	uint64_t states[MX_TCP_STATES];
	uint64_t rxq, txq;
};

/* One -s value's family, kept (with its memory) from pass to pass. */
struct mx_cfam {
	uint32_t name_off, help_off; /* into cnames */
	uint32_t doc; /* the document (x->doc_no) of its last sample */
	bool gauge;
	struct metrics_buf samples; /* this document's samples */
};

/* A program name (-p) and its sockets per table and family. */
struct mx_prog {
	uint32_t name_off, hash;
	uint64_t count[SKT_COUNT][2];
};

struct emit_metrics {
	struct emitter base;
	bool openmetrics;
	bool all_netns; /* inside --all-netns: write when it ends */
	bool failed;    /* --metrics-file: the last write failed */
	uint64_t socks[SKT_COUNT][2][MX_STATES];
	uint32_t *port_idx; /* [v6 * MX_PORTS + port]: into ports */
	struct mx_port *ports;
	size_t nports, ports_cap;
	struct mx_listener *lis;
	size_t nlis, lis_cap;
	struct mx_prog *progs;
	size_t nprogs, progs_cap;
	uint32_t *prog_slots; /* hash of program names: into progs */
	size_t nslots;
	struct metrics_buf names; /* program names, NUL-terminated */
	const char *last_name;    /* the owner map's text of the last owner */
	uint32_t last_prog;       /* ...and its program index */
	struct metrics_buf fam[MXF_COUNT];
	struct mx_cfam *cfams; /* -s: one family per counter */
	size_t ncfams, cfams_cap, cnext;
	struct metrics_buf cnames; /* their names and help texts */
	char section[64];          /* -s: the section being read ("Tcp") */
	uint32_t doc_no;           /* documents begun, for mx_cfam.doc */
	struct metrics_buf scratch;
	struct metrics_buf doc;
};

static uint32_t
mx_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
mx_slots_rehash(struct emit_metrics *x, size_t nslots)
{
	free(x->prog_slots);
	x->nslots = nslots;
	x->prog_slots = xmalloc(nslots * sizeof(*x->prog_slots));
	memset(x->prog_slots, 0xff, nslots * sizeof(*x->prog_slots));
	for (size_t i = 0; i < x->nprogs; i++) {
		size_t h = x->progs[i].hash & (nslots - 1);
		while (x->prog_slots[h] != MX_NONE)
			h = (h + 1) & (nslots - 1);
		x->prog_slots[h] = (uint32_t)i;
	}
}

/* The index of program name, added on first sight. */
static uint32_t
mx_prog_index(struct emit_metrics *x, const char *name)
{
	uint32_t hash = mx_hash(name);
	size_t h = hash & (x->nslots - 1);

	for (; x->prog_slots[h] != MX_NONE; h = (h + 1) & (x->nslots - 1)) {
		const struct mx_prog *p = &x->progs[x->prog_slots[h]];
		if (p->hash == hash &&
		    strcmp(x->names.p + p->name_off, name) == 0)
			return x->prog_slots[h];
	}
	x->progs =
	    xgrow(x->progs, &x->progs_cap, x->nprogs, sizeof(*x->progs), 64);
	struct mx_prog *p = &x->progs[x->nprogs];
	memset(p, 0, sizeof(*p));
	p->hash = hash;
	p->name_off = (uint32_t)x->names.len;
	metrics_buf_add(&x->names, name, strlen(name) + 1);
	x->prog_slots[h] = (uint32_t)x->nprogs++;
	if (x->nprogs * 2 > x->nslots)
		mx_slots_rehash(x, x->nslots * 2);
	return (uint32_t)(x->nprogs - 1);
}

/* -p: the program of the socket's first owner ("-" when unseen). */
static uint32_t
mx_prog_of(struct emit_metrics *x, const struct emit_sock *s)
{
	struct procmap_owner ow;
	const char *name = "-";

	if (s->owners != NULL && s->rec->inode != 0 &&
	    procmap_owners(s->owners, s->rec->inode, &ow, 1) > 0 &&
	    ow.name != NULL)
		name = ow.name;
	/* Neighbouring sockets mostly share an owner: skip the hash. */
	if (name == x->last_name)
		return x->last_prog;
	x->last_prog = mx_prog_index(x, name);
	x->last_name = name;
	return x->last_prog;
}

static struct mx_port *
mx_port_add(struct emit_metrics *x, unsigned v6, uint16_t port)
{
	uint32_t *slot = &x->port_idx[v6 * MX_PORTS + port];

	if (*slot != MX_NONE)
		return &x->ports[*slot];
	x->ports =
	    xgrow(x->ports, &x->ports_cap, x->nports, sizeof(*x->ports), 64);
	struct mx_port *p = &x->ports[x->nports];
	memset(p, 0, sizeof(*p));
	p->port = port;
	p->v6 = (uint8_t)v6;
	p->first = MX_NONE;
	*slot = (uint32_t)x->nports++;
	return p;
}

static void
mx_listener(struct emit_metrics *x, const struct sock_rec *r, unsigned v6,
    uint32_t prog)
{
	struct mx_port *p = mx_port_add(x, v6, r->lport);
	uint32_t *link = &p->first;
	struct mx_listener *l;

	for (; *link != MX_NONE; link = &x->lis[*link].next) {
		l = &x->lis[*link];
		if (l->prog == prog &&
		    memcmp(&l->addr, &r->laddr, sizeof(l->addr)) == 0)
			break;
	}
	if (*link == MX_NONE) {
		x->lis =
		    xgrow(x->lis, &x->lis_cap, x->nlis, sizeof(*x->lis), 64);
		l = &x->lis[x->nlis];
		memset(l, 0, sizeof(*l));
		l->next = MX_NONE;
		l->prog = prog;
		l->addr = r->laddr;
		l->have_backlog = true;
		*link = (uint32_t)x->nlis++;
	}
	l = &x->lis[*link];
	l->queue += r->rxq;
	l->sockets++;
	if (r->have & HAVE_BACKLOG)
		l->backlog += r->backlog;
	else
		l->have_backlog = false;
}

/*
 * A TCP socket.  Both sources list a table's listeners before its
 * connections (the listening hash is walked first), so a connection's
 * port is known to be listening when it arrives.
 */
static void
mx_tcp(struct emit_metrics *x, const struct sock_rec *r, unsigned v6,
    uint32_t prog)
{
	if (r->state == SK_LISTEN) {
		mx_listener(x, r, v6, prog);
		return;
	}
	uint32_t idx = x->port_idx[v6 * MX_PORTS + r->lport];
	if (idx == MX_NONE)
		return;
	struct mx_port *p = &x->ports[idx];
	p->states[r->state < MX_TCP_STATES ? r->state : 0]++;
	p->rxq += r->rxq;
	p->txq += r->txq;
}

/* The family fname (flen bytes), added on first sight. */
static struct mx_cfam *
mx_cfam(struct emit_metrics *x, const char *fname, size_t flen,
    const char *section, const char *name)
{
	/* The kernel lists its counters in the same order every time. */
	for (size_t k = 0; k < x->ncfams; k++) {
		size_t i = (x->cnext + k) % x->ncfams;
		const char *have = x->cnames.p + x->cfams[i].name_off;
		if (strncmp(have, fname, flen) == 0 && have[flen] == '\0') {
			x->cnext = i + 1;
			return &x->cfams[i];
		}
	}
	x->cfams =
	    xgrow(x->cfams, &x->cfams_cap, x->ncfams, sizeof(*x->cfams), 64);
	struct mx_cfam *c = &x->cfams[x->ncfams++];
	memset(c, 0, sizeof(*c));
	c->gauge = metrics_snmp_is_gauge(section, name);
	c->name_off = (uint32_t)x->cnames.len;
	metrics_buf_add(&x->cnames, fname, flen);
	metrics_buf_add(&x->cnames, "", 1);
	c->help_off = (uint32_t)x->cnames.len;
	metrics_buf_str(&x->cnames, section);
	metrics_buf_add(&x->cnames, " ", 1);
	metrics_buf_str(&x->cnames, name);
	metrics_buf_str(&x->cnames, " (netstat -s).");
	metrics_buf_add(&x->cnames, "", 1);
	x->cnext = x->ncfams;
	return c;
}

/* An integer as the kernel prints it: optional '-', then digits. */
static bool
mx_integer(const char *v)
{
	if (*v == '-')
		v++;
	return *v != '\0' && strspn(v, "0123456789") == strlen(v);
}

/*
 * -s: one value, as nlnetstat_snmp_<section>_<name>_total (a counter) or
 * without _total (the few levels).
 */
static void
mx_counter(struct emit_metrics *x, const char *name, const char *value)
{
	const char *section = x->section;
	size_t sl = strlen(section);
	/* snmp6 names repeat their section: Ip6InReceives. */
	const char *rest = strncmp(name, section, sl) == 0 && name[sl] != '\0'
	                       ? name + sl
	                       : name;

	if (!mx_integer(value))
		return;
	x->scratch.len = 0;
	metrics_buf_str(&x->scratch, "nlnetstat_snmp_");
	metrics_snake_case(&x->scratch, section);
	metrics_buf_add(&x->scratch, "_", 1);
	size_t plen = x->scratch.len;
	metrics_snake_case(&x->scratch, rest);
	size_t flen = x->scratch.len;
	if (flen == plen)
		return; /* no name left: no family to put it in */
	metrics_buf_add(&x->scratch, "_total", 7); /* with its NUL */
	struct mx_cfam *c = mx_cfam(x, x->scratch.p, flen, section, name);
	/* A second counter of one name (a damaged file) would be a duplicate
	 * sample, which scrapers reject: the first one stands. */
	if (c->doc == x->doc_no)
		return;
	c->doc = x->doc_no;
	if (c->gauge)
		x->scratch.p[flen] = '\0';
	else if (value[0] == '-')
		return; /* a counter is never negative */
	struct metrics_label l[] = { { "netns", x->base.netns } };
	metrics_sample_text(&c->samples, x->scratch.p, l, 1, value);
}

static void
mx_row(struct emitter *e, const struct emit_row *row)
{
	struct emit_metrics *x = (struct emit_metrics *)e;
	const struct sock_rec *r;

	if (row->kind == EMIT_COUNTER)
		mx_counter(x, row->u.counter.name, row->u.counter.value);
	if (row->kind != EMIT_SOCK)
		return;
	r = row->u.sock.rec;
	if (r->table >= SKT_COUNT)
		return;
	unsigned v6 = r->family == AF_INET6;
	unsigned st = r->state;
	if (r->table == SKT_UNIX && st == SKU_UNCONNECTED &&
	    (r->unix_flags & SKU_FLAG_ACC))
		st = MX_UNIX_LISTENING;
	x->socks[r->table][v6][st]++;
	uint32_t prog = MX_NONE;
	if (e->o->programs) {
		prog = mx_prog_of(x, &row->u.sock);
		x->progs[prog].count[r->table][v6]++;
	}
	if (r->table == SKT_TCP)
		mx_tcp(x, r, v6, prog);
}

/* The state label of a socket-count slot, as --summary names it. */
static const char *
mx_state_text(enum sk_table t, unsigned v6, unsigned st, char *buf, size_t len)
{
	struct sock_rec r = { .table = (uint8_t)t, .state = (uint8_t)st };

	r.family = t == SKT_UNIX ? AF_UNIX : v6 ? AF_INET6 : AF_INET;
	if (t == SKT_UNIX && st == MX_UNIX_LISTENING) {
		r.state = SKU_UNCONNECTED;
		r.unix_flags = SKU_FLAG_ACC;
	}
	return sockstate_label(&r, buf, len);
}

static const char *
mx_proto(enum sk_table t, unsigned v6)
{
	return fmt_proto_label(t, v6 ? AF_INET6 : AF_INET);
}

static void
mx_render_sockets(struct emit_metrics *x)
{
	char buf[16];

	for (int t = 0; t < SKT_COUNT; t++)
		for (unsigned v6 = 0; v6 < 2; v6++)
			for (unsigned st = 0; st < MX_STATES; st++) {
				if (x->socks[t][v6][st] == 0)
					continue;
				struct metrics_label l[] = {
					{ "netns", x->base.netns },
					{ "protocol", mx_proto(t, v6) },
					{ "state", mx_state_text(t, v6, st, buf,
					               sizeof(buf)) },
				};
				metrics_sample(&x->fam[MXF_SOCKETS],
				    mx_families[MXF_SOCKETS].name, l, 3,
				    x->socks[t][v6][st]);
			}
}

static const char *
mx_prog_name(const struct emit_metrics *x, uint32_t prog)
{
	return prog == MX_NONE ? NULL : x->names.p + x->progs[prog].name_off;
}

static void
mx_render_listener(struct emit_metrics *x, const struct mx_port *p,
    const struct mx_listener *l)
{
	char addr[INET6_ADDRSTRLEN], port[8];
	struct metrics_label lb[] = {
		{ "netns", x->base.netns },
		{ "protocol", mx_proto(SKT_TCP, p->v6) },
		{ "address", addr },
		{ "port", port },
		{ "program", mx_prog_name(x, l->prog) },
	};

	inet_ntop(p->v6 ? AF_INET6 : AF_INET, &l->addr, addr, sizeof(addr));
	snprintf(port, sizeof(port), "%u", p->port);
	metrics_sample(&x->fam[MXF_LISTEN_QUEUE],
	    mx_families[MXF_LISTEN_QUEUE].name, lb, 5, l->queue);
	if (l->have_backlog)
		metrics_sample(&x->fam[MXF_LISTEN_BACKLOG],
		    mx_families[MXF_LISTEN_BACKLOG].name, lb, 5, l->backlog);
	metrics_sample(&x->fam[MXF_LISTEN_SOCKETS],
	    mx_families[MXF_LISTEN_SOCKETS].name, lb, 5, l->sockets);
}

static void
mx_render_port(struct emit_metrics *x, const struct mx_port *p)
{
	char port[8];
	struct sock_rec r = { .table = SKT_TCP };
	struct metrics_label lb[] = {
		{ "netns", x->base.netns },
		{ "protocol", mx_proto(SKT_TCP, p->v6) },
		{ "port", port },
		{ "state", NULL },
	};

	snprintf(port, sizeof(port), "%u", p->port);
	/* ESTABLISHED always, so every listening port has a series. */
	for (unsigned st = 0; st < MX_TCP_STATES; st++) {
		if (p->states[st] == 0 && st != SK_ESTABLISHED)
			continue;
		r.state = (uint8_t)st;
		lb[3].value = st == 0 ? "UNKNOWN" : sockstate_text(&r, NULL, 0);
		metrics_sample(&x->fam[MXF_PORT_CONN],
		    mx_families[MXF_PORT_CONN].name, lb, 4, p->states[st]);
	}
	metrics_sample(&x->fam[MXF_PORT_RXQ], mx_families[MXF_PORT_RXQ].name,
	    lb, 3, p->rxq);
	metrics_sample(&x->fam[MXF_PORT_TXQ], mx_families[MXF_PORT_TXQ].name,
	    lb, 3, p->txq);
}

static void
mx_render_programs(struct emit_metrics *x)
{
	for (size_t i = 0; i < x->nprogs; i++)
		for (int t = 0; t < SKT_COUNT; t++)
			for (unsigned v6 = 0; v6 < 2; v6++) {
				if (x->progs[i].count[t][v6] == 0)
					continue;
				struct metrics_label l[] = {
					{ "netns", x->base.netns },
					{ "program",
					    mx_prog_name(x, (uint32_t)i) },
					{ "protocol", mx_proto(t, v6) },
				};
				metrics_sample(&x->fam[MXF_PROGRAM],
				    mx_families[MXF_PROGRAM].name, l, 3,
				    x->progs[i].count[t][v6]);
			}
}

/* Forget this document's counts; the memory stays for the next one. */
static void
mx_reset(struct emit_metrics *x)
{
	for (size_t i = 0; i < x->nports; i++)
		x->port_idx[x->ports[i].v6 * MX_PORTS + x->ports[i].port] =
		    MX_NONE;
	x->nports = x->nlis = x->nprogs = 0;
	x->last_name = NULL; /* the owner map is rebuilt every pass */
	memset(x->prog_slots, 0xff, x->nslots * sizeof(*x->prog_slots));
	x->names.len = 0;
	memset(x->socks, 0, sizeof(x->socks));
	x->doc_no++;
}

static void
mx_render(struct emit_metrics *x)
{
	mx_render_sockets(x);
	for (size_t i = 0; i < x->nports; i++) {
		const struct mx_port *p = &x->ports[i];
		for (uint32_t l = p->first; l != MX_NONE; l = x->lis[l].next)
			mx_render_listener(x, p, &x->lis[l]);
	}
	for (size_t i = 0; i < x->nports; i++)
		mx_render_port(x, &x->ports[i]);
	mx_render_programs(x);
	mx_reset(x);
}

/* The exposition to stdout, or atomically to --metrics-file. */
static void
mx_write(struct emit_metrics *x)
{
	const char *path = x->base.o->ext.metrics_file;
	int rc;

	if (path == NULL) {
		out_write(x->doc.p, x->doc.len);
		return;
	}
	rc = atomic_file_write(path, x->doc.p, x->doc.len);
	x->failed = rc < 0;
	if (rc < 0) {
		report_warn("--metrics-file %s: %s\n", path, strerror(-rc));
	}
}

/* Every family that has samples, each under one HELP and TYPE. */
static void
mx_flush(struct emit_metrics *x)
{
	x->doc.len = 0;
	for (int f = 0; f < MXF_COUNT; f++) {
		if (x->fam[f].len == 0)
			continue;
		metrics_header(&x->doc, mx_families[f].name, "gauge",
		    mx_families[f].help, x->openmetrics);
		metrics_buf_add(&x->doc, x->fam[f].p, x->fam[f].len);
		x->fam[f].len = 0;
	}
	for (size_t i = 0; i < x->ncfams; i++) {
		struct mx_cfam *c = &x->cfams[i];
		if (c->samples.len == 0)
			continue;
		metrics_header(&x->doc, x->cnames.p + c->name_off,
		    c->gauge ? "gauge" : "counter", x->cnames.p + c->help_off,
		    x->openmetrics);
		metrics_buf_add(&x->doc, c->samples.p, c->samples.len);
		c->samples.len = 0;
	}
	if (x->openmetrics)
		metrics_buf_str(&x->doc, "# EOF\n");
	mx_write(x);
}

/* -s: the counters that follow belong to section title ("TcpExt"). */
static void
mx_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct emit_metrics *x = (struct emit_metrics *)e;

	if (sec == EMIT_SEC_COUNTERS || sec == EMIT_SEC_COUNTERS6)
		snprintf(
		    x->section, sizeof(x->section), "%s", title ? title : "");
}

static void
mx_doc_begin(struct emitter *e, enum emit_doc doc)
{
	(void)doc;
	mx_reset((struct emit_metrics *)e);
}

static void
mx_doc_end(struct emitter *e, enum emit_doc doc)
{
	struct emit_metrics *x = (struct emit_metrics *)e;

	(void)doc;
	mx_render(x);
	if (!x->all_netns)
		mx_flush(x);
}

static void
mx_all_netns_begin(struct emitter *e)
{
	((struct emit_metrics *)e)->all_netns = true;
}

static void
mx_all_netns_end(struct emitter *e)
{
	struct emit_metrics *x = (struct emit_metrics *)e;

	x->all_netns = false;
	mx_flush(x);
}

static void
mx_release(struct emitter *e)
{
	struct emit_metrics *x = (struct emit_metrics *)e;

	free(x->port_idx);
	free(x->ports);
	free(x->lis);
	free(x->progs);
	free(x->prog_slots);
	metrics_buf_free(&x->names);
	for (size_t i = 0; i < x->ncfams; i++)
		metrics_buf_free(&x->cfams[i].samples);
	free(x->cfams);
	metrics_buf_free(&x->cnames);
	metrics_buf_free(&x->scratch);
	for (int f = 0; f < MXF_COUNT; f++)
		metrics_buf_free(&x->fam[f]);
	metrics_buf_free(&x->doc);
}

static const struct emit_ops metrics_ops = {
	.doc_begin = mx_doc_begin,
	.section_begin = mx_section_begin,
	.row = mx_row,
	.doc_end = mx_doc_end,
	.all_netns_begin = mx_all_netns_begin,
	.all_netns_end = mx_all_netns_end,
	.release = mx_release,
};

struct emitter *
emit_metrics_new(const struct opts *o)
{
	struct emit_metrics *x = xcalloc(1, sizeof(*x));

	/* Only the first owner of a socket is used (-l -p may stop early). */
	x->base =
	    (struct emitter){ &metrics_ops, o, EMIT_CAP_FIRST_OWNER, NULL };
	x->openmetrics = o->ext.metrics == METRICS_OPENMETRICS;
	x->port_idx = xmalloc(2 * MX_PORTS * sizeof(*x->port_idx));
	memset(x->port_idx, 0xff, 2 * MX_PORTS * sizeof(*x->port_idx));
	mx_slots_rehash(x, 64);
	return &x->base;
}

bool
emit_metrics_failed(const struct emitter *e)
{
	return e != NULL && e->ops == &metrics_ops &&
	       ((const struct emit_metrics *)e)->failed;
}
