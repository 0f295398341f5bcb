/*
 * stats.c - the -s mode: counters of /proc/net/snmp, /proc/net/netstat,
 * /proc/net/sctp/snmp (IPv4) and /proc/net/snmp6 (IPv6), printed through
 * the tables of stats_tables.c by one printer that mirrors net-tools 2.10:
 * bisection lookups, hide-if-zero, histogram titles, inherited indentation
 * of unknown sections, its line-length limits and its messages.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "modes.h"
#include "netstat.h"
#include "opts.h"
#include "out.h"
#include "stats.h"
#include "util.h"

/* net-tools reads snmp6 and sctp/snmp with fgets() into 1024 bytes. */
#define STATS_CHUNK 1023

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

const struct stats_known *
stats_known_find(const struct stats_known *list, const char *title)
{
	for (; list->title != NULL; list++)
		if (strcmp(list->title, title) == 0)
			return list;
	return NULL;
}

void
stats_printer_init(struct stats_printer *p, const struct stats_known *k,
    unsigned protos, stats_emit_fn *emit, void *ctx)
{
	memset(p, 0, sizeof(*p));
	p->emit = emit;
	p->ctx = ctx;
	p->protos = protos;
	p->known = k;
	p->enabled = true;
	p->indent = STATS_PLAIN;
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
stats_section(struct stats_printer *p, const char *title)
{
	const struct stats_known *k = stats_known_find(p->known, title);

	if (k != NULL) {
		p->table = k->table;
		p->enabled = (p->protos & k->proto) != 0;
		p->indent = STATS_PLAIN;
	} else {
		p->table = NULL;
		p->enabled = true;
	}
	if (p->enabled) {
		stats_puts(p, title);
		stats_puts(p, ":\n");
	}
}

/* pad + template with its "%llu" replaced by v + newline. */
static void
stats_render(
    struct stats_printer *p, const char *pad, const char *text, uint64_t v)
{
	char num[24];
	const char *hole = strstr(text, "%llu");

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
		stats_puts(p, want == STATS_IN ? "ICMP input histogram:\n"
		                               : "ICMP output histogram:\n");
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

/*
 * One pair's counters: names split at blanks, values read one per name
 * with strtoull, which stops for good at the first non-number and reads a
 * missing value as 0, as in net-tools.
 */
static void
stats_pair_values(struct stats_printer *p, char *names, const char *vals)
{
	char *s = names;

	if (!p->enabled)
		return;
	for (;;) {
		s += strspn(s, " \t\n");
		if (*s == '\0')
			return;
		size_t n = strcspn(s, " \t\n");
		bool last = s[n] == '\0';
		char *end;

		s[n] = '\0';
		vals += strspn(vals, " \t\n");
		uint64_t v = strtoull(vals, &end, 10);
		vals = end;
		stats_counter(p, s, v);
		if (last)
			return;
		s += n + 1;
	}
}

/* Keep a copy of the names line: the reader reuses its buffer. */
static char *
stats_keep(char **copy, size_t *cap, const char *line, size_t len)
{
	if (len + 1 > *cap) {
		*cap = len + 1;
		*copy = xrealloc(*copy, *cap);
	}
	memcpy(*copy, line, len + 1);
	return *copy;
}

void
stats_read_pairs(
    struct stats_printer *p, int fd, const char *prefix, struct stats_src *src)
{
	struct lineio li;
	char *line, *names = NULL, *cn, *cv;
	size_t len, cap = 0;
	int rc;

	lineio_init(&li, fd);
	while ((rc = lineio_next(&li, &line, &len)) > 0) {
		if (len == 0)
			continue; /* an empty line, only where a pair starts */
		stats_keep(&names, &cap, line, len);
		if ((rc = lineio_next(&li, &line, &len)) <= 0)
			break;
		cn = strchr(names, ':');
		cv = strchr(line, ':');
		if (cn == NULL || cv == NULL) {
			src->format_err = true;
			break;
		}
		*cn = '\0';
		if (prefix != NULL &&
		    strncmp(names, prefix, strlen(prefix)) != 0)
			continue;
		stats_section(p, names);
		stats_pair_values(p, cn + 1, cv + 1);
	}
	if (rc < 0)
		src->read_err = -rc;
	free(names);
	lineio_free(&li);
}

/* fgets() over an fd: the same chunks a 1024-byte stdio buffer would get. */
struct stats_fgets {
	int fd;
	int err;
	bool eof;
	unsigned long lineno; /* physical line the next chunk starts on */
	size_t pos, end;
	char buf[4096];
};

static size_t
stats_fgets(struct stats_fgets *f, char dst[STATS_CHUNK + 1])
{
	size_t n = 0;

	while (n < STATS_CHUNK) {
		if (f->pos == f->end) {
			ssize_t r;

			if (f->eof || f->err != 0)
				break;
			do
				r = read(f->fd, f->buf, sizeof(f->buf));
			while (r < 0 && errno == EINTR);
			if (r <= 0) {
				if (r < 0)
					f->err = errno;
				f->eof = r == 0;
				break;
			}
			f->pos = 0;
			f->end = (size_t)r;
		}
		dst[n] = f->buf[f->pos++];
		if (dst[n++] == '\n')
			break;
	}
	dst[n] = '\0';
	return f->err != 0 ? 0 : n;
}

/* A line netstat would print stale data for, if the section prints. */
static void
stats_bad(
    const struct stats_printer *p, struct stats_src *src, unsigned long lineno)
{
	if (!p->enabled)
		return;
	if (src->nbad++ == 0)
		src->first_bad = lineno;
}

/* Chunks, numbered by the physical line each one starts on. */
static size_t
stats_next_chunk(struct stats_fgets *f, char *dst, unsigned long *lineno)
{
	size_t n;

	*lineno = f->lineno + 1;
	n = stats_fgets(f, dst);
	if (n > 0 && dst[n - 1] == '\n')
		f->lineno++;
	return n;
}

static bool
stats_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

/*
 * net-tools' sscanf(line, "%s %llu"): returns how many of name and value
 * were read (0, 1 or 2).  Short of 2, netstat prints a stale counter.
 */
static int
stats_scan6(char *s, char **name, uint64_t *v)
{
	char *end;

	while (stats_space(*s))
		s++;
	if (*s == '\0')
		return 0;
	*name = s;
	while (*s != '\0' && !stats_space(*s))
		s++;
	if (*s != '\0')
		*s++ = '\0';
	*v = strtoull(s, &end, 10);
	return end != s ? 2 : 1;
}

void
stats_read_snmp6(struct stats_printer *p, int fd, struct stats_src *src)
{
	struct stats_fgets f = { .fd = fd };
	char chunk[STATS_CHUNK + 1], title[STATS_CHUNK + 1];
	unsigned long lineno;
	bool started = false;
	uint64_t v;
	char *name;

	while (stats_next_chunk(&f, chunk, &lineno) > 0) {
		int got = stats_scan6(chunk, &name, &v);
		if (got == 0) {
			/* netstat would repeat the previous counter. */
			stats_bad(p, src, lineno);
			continue;
		}
		/* A section is titled by the name up to its first '6'. */
		if (!started || strstr(name, title) == NULL) {
			const char *six = strchr(name, '6');
			size_t tl;

			tl = six ? (size_t)(six - name) + 1 : strlen(name);
			memcpy(title, name, tl);
			title[tl] = '\0';
			stats_section(p, title);
			started = true;
		}
		if (got == 1) {
			/* A name without a number: netstat prints a stale one.
			 */
			stats_bad(p, src, lineno);
			continue;
		}
		stats_counter(p, name, v);
	}
	src->read_err = f.err;
}

void
stats_read_sctp(struct stats_printer *p, int fd, struct stats_src *src)
{
	struct stats_fgets f = { .fd = fd };
	char chunk[STATS_CHUNK + 1];
	unsigned long lineno;
	size_t n, i;

	stats_section(p, "Sctp");
	while ((n = stats_next_chunk(&f, chunk, &lineno)) > 0) {
		/* "Name<blank>value": the name ends at a blank or NUL. */
		for (i = 0; i < n && chunk[i] != '\0'; i++)
			if (chunk[i] == ' ' || chunk[i] == '\t' ||
			    chunk[i] == '\n')
				break;
		if (i == n) {
			/* No blank, no newline: netstat reads stale bytes. */
			stats_bad(p, src, lineno);
			continue;
		}
		chunk[i] = '\0';
		char *val = chunk + i + 1;
		val += strspn(val, " \t\n");
		if (*val != '\0')
			stats_counter(p, chunk, strtoull(val, NULL, 10));
	}
	src->read_err = f.err;
}

static void
stats_emit_out(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	out_write(s, n);
}

/* Open net/<file> below the /proc root; on failure say so when asked. */
static int
stats_open(const char *rel, bool loud)
{
	int fd = util_proc_open(rel);

	if (fd < 0 && loud) {
		out_sync_for_stderr();
		fprintf(
		    stderr, "cannot open /proc/%s: %s\n", rel, strerror(-fd));
	}
	return fd;
}

/* netstat's messages for one file, then ours for lines we skipped. */
static void
stats_report(const char *rel, const struct stats_src *src, bool parse_msg)
{
	if (src->read_err == 0 && !(parse_msg && src->format_err) &&
	    src->nbad == 0)
		return;
	out_sync_for_stderr();
	if (src->read_err != 0)
		fprintf(stderr, "/proc/%s: %s\n", rel, strerror(src->read_err));
	if (parse_msg && src->format_err)
		fprintf(stderr, "Problem while parsing /proc/%s\n", rel);
	if (src->nbad != 0)
		fprintf(stderr,
		    "nlnetstat: warning: /proc/%s: %lu malformed line%s "
		    "ignored (first: line %lu)\n",
		    rel, src->nbad, src->nbad == 1 ? "" : "s", src->first_bad);
}

enum stats_reader { STATS_PAIRS, STATS_PAIRS_TCP, STATS_SNMP6, STATS_SCTP };

/* Read one file with one reader; false when it could not be opened. */
static bool
stats_file(
    struct stats_printer *p, const char *rel, enum stats_reader r, bool loud)
{
	struct stats_src src = { 0 };
	int fd = stats_open(rel, loud);

	if (fd < 0)
		return false;
	switch (r) {
	case STATS_PAIRS: stats_read_pairs(p, fd, NULL, &src); break;
	case STATS_PAIRS_TCP: stats_read_pairs(p, fd, "Tcp", &src); break;
	case STATS_SNMP6: stats_read_snmp6(p, fd, &src); break;
	case STATS_SCTP: stats_read_sctp(p, fd, &src); break;
	}
	close(fd);
	/* The Tcp pass of IPv6 mode stops silently on a bad pair. */
	stats_report(rel, &src, r != STATS_PAIRS_TCP);
	return true;
}

/* net-tools' report: its readers, tables and printer (spec 4.5). */
static void
stats_netstat_report(const struct opts *o, bool v4)
{
	struct stats_printer p;

	stats_printer_init(&p, v4 ? stats_known_v4 : stats_known_v6, o->protos,
	    stats_emit_out, NULL);
	if (v4) {
		if (stats_file(&p, "net/snmp", STATS_PAIRS, true)) {
			stats_file(&p, "net/netstat", STATS_PAIRS, false);
			stats_file(&p, "net/sctp/snmp", STATS_SCTP, false);
		}
		return;
	}
	/* IPv6: snmp6, then the Tcp MIB of snmp, which IPv6 shares. */
	if (stats_file(&p, "net/snmp6", STATS_SNMP6, true)) {
		p.known = stats_known_v4;
		stats_file(&p, "net/snmp", STATS_PAIRS_TCP, true);
	}
}

int
stats_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	bool v4 = o->afname[0] == '\0' || strcmp(o->afname, "inet") == 0;

	if (!v4 && strcmp(o->afname, "inet6") != 0) {
		out_printf("netstat: No statistics support for specified "
		           "address family: %s\n",
		    o->afname);
		return EXIT_FAIL;
	}
	emit_doc_begin(c->emit, EMIT_DOC_STATS);
	if (c->emit->caps & EMIT_CAP_NETSTAT_STATS)
		stats_netstat_report(o, v4);
	else
		stats_counters(c->emit, o, !v4);
	emit_doc_end(c->emit, EMIT_DOC_STATS);
	return EXIT_OK;
}
