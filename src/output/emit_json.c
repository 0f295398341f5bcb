/*
 * emit_json.c - the --json emitter: one JSON document per pass, written
 * as it goes (an array of record objects; with --all-netns one array for
 * every namespace's sockets, each record labelled).  The record objects
 * come from fmt_json.c and fmt_json_{group,route,iface}.c, over json.c.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "fmt_json.h"
#include "json.h"
#include "out.h"
#include "sockrec.h"
#include "util.h"

/* -s: a counter kept until its document ends. */
struct json_ctr {
	size_t title; /* 1 + index in struct json_stats's titles */
	char *name, *value;
};

/*
 * -s: the titles in the order first seen, each with every counter of its
 * sections: a title can come back (the kernel splits IcmpMsg into several
 * pairs of lines), and a JSON object cannot repeat a key.
 */
struct json_stats {
	char **titles;
	size_t ntitles;
	struct json_ctr *ctrs;
	size_t nctrs, cap;
	size_t cur; /* 1 + title of the section counters go to; 0: none */
};

struct emit_json {
	struct emitter base;
	struct json j;
	bool framed; /* --all-netns: one array around the namespaces */
	struct json_stats stats;
};

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
json_stats_add(struct json_stats *s, const struct emit_counter *c)
{
	if (s->cur == 0)
		return;
	if (s->nctrs == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->ctrs = xrealloc(s->ctrs, s->cap * sizeof(*s->ctrs));
	}
	s->ctrs[s->nctrs++] =
	    (struct json_ctr){ s->cur, xstrdup(c->name), xstrdup(c->value) };
}

/* -s: {"Section": {"Name": value}}, one member object per title. */
static void
json_stats_write(struct json *j, struct json_stats *s)
{
	for (size_t t = 0; t < s->ntitles; t++) {
		json_key(j, s->titles[t]);
		json_open(j, '{');
		for (size_t i = 0; i < s->nctrs; i++)
			if (s->ctrs[i].title == t + 1)
				json_counter(
				    j, &(struct emit_counter){
				           s->ctrs[i].name, s->ctrs[i].value });
		json_close(j, '}');
	}
}

/* -s: forget what json_stats_write wrote (or a document left unended). */
static void
json_stats_free(struct json_stats *s)
{
	for (size_t i = 0; i < s->nctrs; i++) {
		free(s->ctrs[i].name);
		free(s->ctrs[i].value);
	}
	for (size_t t = 0; t < s->ntitles; t++)
		free(s->titles[t]);
	free(s->ctrs);
	free(s->titles);
	memset(s, 0, sizeof(*s));
}

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

	json_stats_write(&x->j, &x->stats);
	json_stats_free(&x->stats);
	if (x->framed)
		return;
	json_close(&x->j, doc == EMIT_DOC_STATS ? '}' : ']');
	out_write("\n", 1);
}

/* -s: counters go to title's object; hidden sections have none. */
static void
json_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct json_stats *s = &((struct emit_json *)e)->stats;

	if (sec != EMIT_SEC_COUNTERS && sec != EMIT_SEC_COUNTERS6)
		return;
	for (s->cur = 1; s->cur <= s->ntitles; s->cur++)
		if (strcmp(s->titles[s->cur - 1], title) == 0)
			return;
	s->titles = xrealloc(s->titles, (s->ntitles + 1) * sizeof(char *));
	s->titles[s->ntitles++] = xstrdup(title);
}

static void
json_section_end(struct emitter *e, enum emit_sec sec)
{
	(void)sec;
	((struct emit_json *)e)->stats.cur = 0;
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
	case EMIT_COUNTER: json_stats_add(&x->stats, &row->u.counter); break;
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
json_release(struct emitter *e)
{
	json_stats_free(&((struct emit_json *)e)->stats);
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
	.release = json_release,
};

struct emitter *
emit_json_new(const struct opts *o)
{
	struct emit_json *x = xcalloc(1, sizeof(*x));

	x->base = (struct emitter){ &json_ops, o, EMIT_CAP_PEERS, NULL };
	return &x->base;
}
