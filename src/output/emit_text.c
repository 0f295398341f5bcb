/*
 * emit_text.c - the text emitter: netstat's section titles, column
 * headers and rows, byte for byte, through the formatters of fmt.c,
 * fmt_groups.c, fmt_route.c and iface_fmt.c, into out.c.  The default
 * output format.
 */
#include <stdlib.h>
#include <sys/socket.h>

#include "emit.h"
#include "fmt.h"
#include "fmt_groups.h"
#include "fmt_route.h"
#include "i18n.h"
#include "iface.h"
#include "out.h"
#include "procmap.h"
#include "sockrec.h"
#include "stats.h"
#include "util.h"

struct emit_text {
	struct emitter base;
	char row[FMT_ROW_MAX];
	struct stats_printer stats; /* -s: net-tools' report (stats_text.c) */
};

/* The PID/Program text of -p for inode (NULL prints "-"). */
static const char *
text_owner(
    const struct emitter *e, const struct procmap *owners, uint64_t inode)
{
	if (!e->o->programs || owners == NULL || inode == 0)
		return NULL;
	return procmap_lookup(owners, inode);
}

static void
text_sock(struct emit_text *t, const struct emit_sock *s)
{
	const struct emitter *e = &t->base;
	const struct sock_rec *r = s->rec;
	size_t n;

	if (r->table == SKT_UNIX)
		n = fmt_unix_row(t->row, sizeof(t->row), e->o, r,
		    text_owner(e, s->owners, r->inode),
		    (r->have & HAVE_PEER)
		        ? text_owner(e, s->owners, r->peer_inode)
		        : NULL);
	else
		n = fmt_inet_row(t->row, sizeof(t->row), e->o, r, s->label,
		    text_owner(e, s->owners, r->inode));
	out_write(t->row, n);
}

/* -i: the short table's row, or with -e the long block. */
static void
text_iface(struct emit_text *t, const struct emit_iface *i)
{
	if (t->base.o->extend > 0) {
		iface_print_long(i->ifc, i->inet6);
		return;
	}
	iface_format_short(i->ifc, t->row, sizeof(t->row));
	out_str(t->row);
}

/* -i: netstat's title (first pass only) and the short table's columns. */
static void
text_iface_header(const struct emitter *e, bool title)
{
	if (title)
		out_str(tr_("Kernel Interface table\n"));
	if (e->o->extend == 0)
		out_str(tr_("Iface             MTU    RX-OK RX-ERR RX-DRP "
		            "RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n"));
}

static void
text_row(struct emitter *e, const struct emit_row *row)
{
	struct emit_text *t = (struct emit_text *)e;

	switch (row->kind) {
	case EMIT_SOCK: text_sock(t, &row->u.sock); break;
	case EMIT_GROUP:
		fmt_groups_row(e->o, row->u.group.device, row->u.group.row);
		break;
	case EMIT_ROUTE:
		fmt_route_row(row->u.route, fmt_route_ext(e->o->extend));
		break;
	case EMIT_COUNTER:
		stats_counter_text(&t->stats, &row->u.counter);
		break;
	case EMIT_IFACE: text_iface(t, &row->u.iface); break;
	}
}

static void
text_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct emit_text *t = (struct emit_text *)e;

	switch (sec) {
	case EMIT_SEC_INET:
		out_write(
		    t->row, fmt_inet_header(t->row, sizeof(t->row), e->o));
		break;
	case EMIT_SEC_UNIX:
		out_write(
		    t->row, fmt_unix_header(t->row, sizeof(t->row), e->o));
		break;
	case EMIT_SEC_GROUPS: fmt_groups_header(); break;
	case EMIT_SEC_ROUTE4:
	case EMIT_SEC_ROUTE4_CACHE:
	case EMIT_SEC_ROUTE4_CACHE_TITLE:
		fmt_route_header4(sec != EMIT_SEC_ROUTE4,
		    sec != EMIT_SEC_ROUTE4_CACHE_TITLE,
		    fmt_route_ext(e->o->extend));
		break;
	case EMIT_SEC_ROUTE6:
	case EMIT_SEC_ROUTE6_CACHE:
		fmt_route_header6(sec == EMIT_SEC_ROUTE6_CACHE);
		break;
	case EMIT_SEC_COUNTERS:
	case EMIT_SEC_COUNTERS6:
	case EMIT_SEC_COUNTERS_HIDDEN:
		stats_section(&t->stats, sec, title);
		break;
	case EMIT_SEC_IFACE:
	case EMIT_SEC_IFACE_AGAIN:
		text_iface_header(e, sec == EMIT_SEC_IFACE);
		break;
	}
}

/* -s: each pass starts net-tools' report afresh. */
static void
text_doc_begin(struct emitter *e, enum emit_doc doc)
{
	struct emit_text *t = (struct emit_text *)e;

	if (doc == EMIT_DOC_STATS)
		stats_printer_init(&t->stats, stats_out, NULL);
}

static void
text_netns_title(struct emitter *e, const char *label)
{
	(void)e;
	out_printf("Network namespace: %s\n", label);
}

static const struct emit_ops text_ops = {
	.doc_begin = text_doc_begin,
	.section_begin = text_section_begin,
	.row = text_row,
	.netns_title = text_netns_title,
};

struct emitter *
emit_text_new(const struct opts *o)
{
	struct emit_text *t = xcalloc(1, sizeof(*t));

	t->base = (struct emitter){ &text_ops, o,
		EMIT_CAP_FIRST_OWNER | EMIT_CAP_RT4_CACHE, NULL };
	return &t->base;
}
