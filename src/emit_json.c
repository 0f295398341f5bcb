/*
 * emit_json.c - the --json emitter: one JSON document per pass, written
 * as it goes (an array of record objects; with --all-netns one array for
 * every namespace's sockets, each record labelled).  The record objects
 * come from fmt_json.c and fmt_json_{group,route,iface}.c, over json.c.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "emit.h"
#include "fmt_json.h"
#include "json.h"
#include "out.h"
#include "sockrec.h"
#include "util.h"

struct emit_json {
	struct emitter base;
	struct json j;
	bool framed; /* --all-netns: one array around the namespaces */
};

static void
json_doc_begin(struct emitter *e, enum emit_doc doc)
{
	struct emit_json *x = (struct emit_json *)e;

	if (x->framed)
		return;
	/*
	 * One value per pass, on one line (so -c gives JSON lines): an
	 * array of records, or for -s one object of counter sections.
	 */
	memset(&x->j, 0, sizeof(x->j));
	json_open(&x->j, doc == EMIT_DOC_STATS ? '{' : '[');
}

static void
json_doc_end(struct emitter *e, enum emit_doc doc)
{
	struct emit_json *x = (struct emit_json *)e;

	if (x->framed)
		return;
	json_close(&x->j, doc == EMIT_DOC_STATS ? '}' : ']');
	out_write("\n", 1);
}

/* -s: {"Section": {"Name": value}}, one member object per section. */
static void
json_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct emit_json *x = (struct emit_json *)e;

	if (sec != EMIT_SEC_COUNTERS)
		return;
	json_key(&x->j, title);
	json_open(&x->j, '{');
}

static void
json_section_end(struct emitter *e, enum emit_sec sec)
{
	struct emit_json *x = (struct emit_json *)e;

	if (sec == EMIT_SEC_COUNTERS)
		json_close(&x->j, '}');
}

/* An unsigned or negative decimal as a number, anything else as null. */
static void
json_counter(struct json *j, const struct emit_counter *c)
{
	const char *p = c->value;
	uint64_t v;

	json_key(j, c->name);
	if (util_parse_u64(&p, 10, &v) && *p == '\0')
		json_u64(j, v);
	else if (*c->value == '-' && (p = c->value + 1) &&
	         util_parse_u64(&p, 10, &v))
		json_i64(j, -(int64_t)v);
	else
		json_null(j);
}

static void
json_row(struct emitter *e, const struct emit_row *row)
{
	struct emit_json *x = (struct emit_json *)e;
	const struct emit_sock *s = &row->u.sock;

	switch (row->kind) {
	case EMIT_SOCK:
		if (s->rec->table == SKT_UNIX)
			fmt_json_unix(&x->j, e->o, s->rec, s->owners, e->netns);
		else
			fmt_json_inet(
			    &x->j, e->o, s->rec, s->label, s->owners, e->netns);
		break;
	case EMIT_GROUP:
		fmt_json_group(
		    &x->j, e->o, row->u.group.device, row->u.group.row);
		break;
	case EMIT_ROUTE: fmt_json_route(&x->j, row->u.route); break;
	case EMIT_COUNTER: json_counter(&x->j, &row->u.counter); break;
	case EMIT_IFACE: fmt_json_iface(&x->j, row->u.iface.ifc); break;
	}
}

static void
json_all_netns_begin(struct emitter *e)
{
	struct emit_json *x = (struct emit_json *)e;

	/* Socket records carry their namespace: one array holds them all. */
	if (e->o->mode != MODE_SOCKETS)
		return;
	memset(&x->j, 0, sizeof(x->j));
	json_open(&x->j, '[');
	x->framed = true;
}

static void
json_netns_title(struct emitter *e, const char *label)
{
	struct emit_json *x = (struct emit_json *)e;

	if (!x->framed)
		out_printf("Network namespace: %s\n", label);
}

static void
json_all_netns_end(struct emitter *e)
{
	struct emit_json *x = (struct emit_json *)e;

	if (!x->framed)
		return;
	json_close(&x->j, ']');
	out_write("\n", 1);
	x->framed = false;
}

static void
json_free(struct emitter *e)
{
	free(e);
}

static const struct emit_ops json_ops = {
	.doc_begin = json_doc_begin,
	.section_begin = json_section_begin,
	.row = json_row,
	.section_end = json_section_end,
	.doc_end = json_doc_end,
	.all_netns_begin = json_all_netns_begin,
	.netns_title = json_netns_title,
	.all_netns_end = json_all_netns_end,
	.free = json_free,
};

struct emitter *
emit_json_new(const struct opts *o)
{
	struct emit_json *x = xcalloc(1, sizeof(*x));

	x->base = (struct emitter){ &json_ops, o, EMIT_CAP_PEERS, NULL };
	return &x->base;
}
