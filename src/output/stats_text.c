/*
 * stats_text.c - net-tools 2.10's -s report of the counter records, for
 * the text emitter: the tables of stats_tables.c looked up by bisection,
 * hide-if-zero, histogram titles, the inherited indentation of unknown
 * sections, and values read from the kernel's text with strtoull.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "i18n.h"
#include "out.h"
#include "stats.h"

static const char stats_pad4[] = "    ";
static const char stats_pad8[] = "        ";

const struct stats_entry *
stats_lookup(const struct stats_table *t, const char *name)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, t->ent[mid].name);

		if (c < 0)
			hi = mid;
		else if (c > 0)
			lo = mid + 1;
		else
			return &t->ent[mid];
	}
	return NULL;
}

void
stats_printer_init(struct stats_printer *p, stats_emit_fn *emit, void *ctx)
{
	memset(p, 0, sizeof(*p));
	p->emit = emit;
	p->ctx = ctx;
	p->enabled = true;
	p->indent = STATS_PLAIN;
}

void
stats_out(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	out_write(s, n);
}

static void
stats_puts(struct stats_printer *p, const char *s)
{
	p->emit(p->ctx, s, strlen(s));
}

static const char *
stats_pad(enum stats_indent s)
{
	return s == STATS_PLAIN ? stats_pad4 : stats_pad8;
}

void
stats_section(struct stats_printer *p, enum emit_sec sec, const char *title)
{
	const struct stats_known *k = NULL;

	p->table = NULL;
	p->enabled = sec != EMIT_SEC_COUNTERS_HIDDEN;
	if (p->enabled)
		k = stats_known_find(
		    sec == EMIT_SEC_COUNTERS6 ? stats_known_v6 : stats_known_v4,
		    title);
	/* A known title starts plain, even one that is left out. */
	if (k != NULL || !p->enabled)
		p->indent = STATS_PLAIN;
	if (k != NULL)
		p->table = k->table;
	if (p->enabled) {
		/* netstat looks the file's section names up too. */
		stats_puts(p, tr_dyn(title));
		stats_puts(p, ":\n");
	}
}

/* pad + template with its "%llu" replaced by v + newline. */
static void
stats_render(
    struct stats_printer *p, const char *pad, const char *text, uint64_t v)
{
	char num[24];
	const char *hole;

	text = tr_(text);
	hole = strstr(text, "%llu");

	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	stats_puts(p, pad);
	if (hole == NULL) {
		stats_puts(p, text);
	} else {
		p->emit(p->ctx, text, (size_t)(hole - text));
		stats_puts(p, num);
		stats_puts(p, hole + 4);
	}
	stats_puts(p, "\n");
}

/* A name no table knows: "Name: value" with the current indent, if != 0. */
static void
stats_generic(struct stats_printer *p, const char *name, uint64_t v)
{
	char num[24];

	if (v == 0)
		return;
	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	stats_puts(p, stats_pad(p->indent));
	stats_puts(p, name);
	stats_puts(p, ": ");
	stats_puts(p, num);
	stats_puts(p, "\n");
}

/* A histogram line; the title comes first when the state changes. */
static void
stats_hist(struct stats_printer *p, const struct stats_entry *e, uint64_t v)
{
	enum stats_indent want;

	want = e->kind == STATS_IN_HIST ? STATS_IN : STATS_OUT;

	if (p->indent != want) {
		stats_puts(p, stats_pad(p->indent));
		stats_puts(p, want == STATS_IN ? tr_("ICMP input histogram:")
		                               : tr_("ICMP output histogram:"));
		stats_puts(p, "\n");
	}
	if (v > 0)
		stats_render(p, stats_pad8, e->text, v);
	p->indent = want;
}

void
stats_counter(struct stats_printer *p, const char *name, uint64_t v)
{
	const struct stats_entry *e;

	if (!p->enabled)
		return;
	e = p->table != NULL ? stats_lookup(p->table, name) : NULL;
	if (e == NULL) {
		stats_generic(p, name, v);
		return;
	}
	switch (e->kind) {
	case STATS_STATIC: break;
	case STATS_IN_HIST:
	case STATS_OUT_HIST: stats_hist(p, e, v); break;
	case STATS_ALWAYS:
	case STATS_NONZERO:
		if (e->kind == STATS_ALWAYS || v != 0)
			stats_render(p, stats_pad4, e->text, v);
		p->indent = STATS_PLAIN;
		break;
	}
}

void
stats_counter_text(struct stats_printer *p, const struct emit_counter *c)
{
	/* "-1" reads as 18446744073709551615, "" as 0, as in netstat. */
	stats_counter(p, c->name, strtoull(c->value, NULL, 10));
}
