/*
 * emit_core.c - the emitter interface the modes call (see emit.h): thin
 * dispatchers that skip the hooks a format leaves out, and the record
 * shorthands.  Which format runs is main.c's choice, made once.
 */
#include <stdlib.h>

#include "emit.h"

void
emit_free(struct emitter *e)
{
	if (e == NULL)
		return;
	if (e->ops->release != NULL)
		e->ops->release(e);
	free(e);
}

void
emit_set_netns(struct emitter *e, const char *label)
{
	e->netns = label;
}

void
emit_doc_begin(struct emitter *e, enum emit_doc doc)
{
	if (e->ops->doc_begin != NULL)
		e->ops->doc_begin(e, doc);
}

void
emit_doc_end(struct emitter *e, enum emit_doc doc)
{
	if (e->ops->doc_end != NULL)
		e->ops->doc_end(e, doc);
}

void
emit_section_begin(struct emitter *e, enum emit_sec sec)
{
	emit_section_titled(e, sec, NULL);
}

void
emit_section_titled(struct emitter *e, enum emit_sec sec, const char *title)
{
	if (e->ops->section_begin != NULL)
		e->ops->section_begin(e, sec, title);
}

void
emit_section_end(struct emitter *e, enum emit_sec sec)
{
	if (e->ops->section_end != NULL)
		e->ops->section_end(e, sec);
}

void
emit_row(struct emitter *e, const struct emit_row *row)
{
	if (e->ops->row != NULL)
		e->ops->row(e, row);
}

void
emit_all_netns_begin(struct emitter *e)
{
	if (e->ops->all_netns_begin != NULL)
		e->ops->all_netns_begin(e);
}

void
emit_netns_title(struct emitter *e, const char *label)
{
	if (e->ops->netns_title != NULL)
		e->ops->netns_title(e, label);
}

void
emit_all_netns_end(struct emitter *e)
{
	if (e->ops->all_netns_end != NULL)
		e->ops->all_netns_end(e);
}

void
emit_sock(struct emitter *e, const struct sock_rec *r, const char *label,
    const struct procmap *owners)
{
	struct emit_row row = { .kind = EMIT_SOCK };

	row.u.sock = (struct emit_sock){ r, label, owners };
	emit_row(e, &row);
}

void
emit_group(struct emitter *e, const char *device, const struct groups_row *row)
{
	struct emit_row er = { .kind = EMIT_GROUP };

	er.u.group = (struct emit_group){ device, row };
	emit_row(e, &er);
}

void
emit_route(struct emitter *e, const struct route_rec *r)
{
	struct emit_row row = { .kind = EMIT_ROUTE };

	row.u.route = r;
	emit_row(e, &row);
}

void
emit_counter(struct emitter *e, const char *name, const char *value)
{
	struct emit_row row = { .kind = EMIT_COUNTER };

	row.u.counter = (struct emit_counter){ name, value };
	emit_row(e, &row);
}

void
emit_iface(
    struct emitter *e, const struct iface *ifc, const struct iface_inet6 *inet6)
{
	struct emit_row row = { .kind = EMIT_IFACE };

	row.u.iface = (struct emit_iface){ ifc, inet6 };
	emit_row(e, &row);
}
