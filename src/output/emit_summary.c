/*
 * emit_summary.c - the --summary emitter: socket records are counted by
 * summary.c and printed, as a table or JSON, when the listing's document
 * ends.  Other records (the -g section) keep netstat's text.
 */
#include <stdlib.h>

#include "emit.h"
#include "out.h"
#include "summary.h"
#include "util.h"

struct emit_summary {
	struct emitter base;
	struct emitter *text; /* for the sections that are not counted */
	struct summary *sum;  /* this pass's counts */
	bool framed;          /* --all-netns --json: "[" was written */
	size_t docs;          /* objects written inside the brackets */
};

static void
summary_doc_begin(struct emitter *e, enum emit_doc doc)
{
	struct emit_summary *x = (struct emit_summary *)e;

	(void)doc;
	summary_free(x->sum);
	x->sum = summary_new();
}

static void
summary_doc_end(struct emitter *e, enum emit_doc doc)
{
	struct emit_summary *x = (struct emit_summary *)e;

	(void)doc;
	if (x->sum == NULL)
		return;
	if (x->framed && x->docs++ > 0)
		out_write(",", 1); /* one JSON array of the passes' objects */
	summary_print(x->sum, e->o, e->netns);
	summary_free(x->sum);
	x->sum = NULL;
}

static void
summary_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct emit_summary *x = (struct emit_summary *)e;

	if (sec != EMIT_SEC_INET && sec != EMIT_SEC_UNIX)
		emit_section_titled(x->text, sec, title);
}

static void
summary_row(struct emitter *e, const struct emit_row *row)
{
	struct emit_summary *x = (struct emit_summary *)e;

	if (row->kind != EMIT_SOCK)
		emit_row(x->text, row);
	else if (x->sum != NULL)
		summary_add(x->sum, row->u.sock.rec, row->u.sock.label);
}

/*
 * --all-netns --json: one JSON array holding each namespace's summary
 * object (with its "netns" label), one object per line.
 */
static void
summary_all_netns_begin(struct emitter *e)
{
	struct emit_summary *x = (struct emit_summary *)e;

	if (e->o->ext.format != FORMAT_JSON || e->o->mode != MODE_SOCKETS)
		return;
	out_write("[", 1);
	x->framed = true;
	x->docs = 0;
}

static void
summary_netns_title(struct emitter *e, const char *label)
{
	struct emit_summary *x = (struct emit_summary *)e;

	if (!x->framed)
		out_printf("Network namespace: %s\n", label);
}

static void
summary_all_netns_end(struct emitter *e)
{
	struct emit_summary *x = (struct emit_summary *)e;

	if (!x->framed)
		return;
	out_write("]\n", 2);
	x->framed = false;
}

static void
summary_release(struct emitter *e)
{
	struct emit_summary *x = (struct emit_summary *)e;

	summary_free(x->sum);
	emit_free(x->text);
}

static const struct emit_ops summary_ops = {
	.doc_begin = summary_doc_begin,
	.section_begin = summary_section_begin,
	.row = summary_row,
	.doc_end = summary_doc_end,
	.all_netns_begin = summary_all_netns_begin,
	.netns_title = summary_netns_title,
	.all_netns_end = summary_all_netns_end,
	.release = summary_release,
};

struct emitter *
emit_summary_new(const struct opts *o)
{
	struct emit_summary *x = xcalloc(1, sizeof(*x));

	x->base = (struct emitter){ &summary_ops, o, 0, NULL };
	x->text = emit_text_new(o);
	return &x->base;
}
