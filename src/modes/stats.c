/*
 * stats.c - the -s mode: /proc/net/snmp, /proc/net/netstat and
 * /proc/net/sctp/snmp (IPv4) or /proc/net/snmp6 and snmp's Tcp (IPv6),
 * read as net-tools 2.10 reads them and described to the emitter as
 * counter sections and records, with netstat's messages on the files;
 * -t/-u/-w/-S hide the known sections they leave out.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "opts.h"
#include "out.h"
#include "report.h"
#include "stats.h"
#include "util.h"

/* net-tools reads snmp6 and sctp/snmp with fgets() into 1024 bytes. */
#define STATS_CHUNK 1023

void
stats_reader_init(struct stats_reader *r, struct emitter *e, unsigned protos)
{
	memset(r, 0, sizeof(*r));
	r->e = e;
	r->protos = protos;
}

/* End the section begun last, if any. */
static void
stats_end(struct stats_reader *r)
{
	if (r->in_section)
		emit_section_end(r->e, r->open);
	r->in_section = false;
}

/* Begin a section of kind sec: hidden when known and not selected. */
static void
stats_begin(struct stats_reader *r, enum emit_sec sec, const char *title)
{
	const struct stats_known *k = stats_known_find(
	    sec == EMIT_SEC_COUNTERS6 ? stats_known_v6 : stats_known_v4, title);

	stats_end(r);
	r->shown = k == NULL || (r->protos & k->proto) != 0;
	r->open = r->shown ? sec : EMIT_SEC_COUNTERS_HIDDEN;
	r->in_section = true;
	emit_section_titled(r->e, r->open, title);
}

/*
 * The number netstat's strtoull reads at s: returns where it stops, with
 * *text at its sign or first digit, or "" when it reads none.
 */
static char *
stats_number(char *s, const char **text)
{
	char *end;

	(void)strtoull(s, &end, 10);
	if (end == s) {
		*text = "";
		return s;
	}
	while (isspace((unsigned char)*s))
		s++;
	*text = s;
	return end;
}

/* A counter whose value is the number at s; returns where it stopped. */
static char *
stats_value(struct stats_reader *r, const char *name, char *s)
{
	const char *text;
	char *end = stats_number(s, &text);
	char keep = *end;

	*end = '\0';
	emit_counter(r->e, name, text);
	*end = keep;
	return end;
}

/*
 * One pair's counters: names split at blanks, values read one per name
 * with strtoull, which stops for good at the first non-number, as in
 * net-tools; a missing value reads as 0.
 */
static void
stats_pair_values(struct stats_reader *r, char *names, char *vals)
{
	char *s = names;

	if (!r->shown)
		return;
	for (;;) {
		s += strspn(s, " \t\n");
		if (*s == '\0')
			return;
		size_t n = strcspn(s, " \t\n");
		bool last = s[n] == '\0';

		s[n] = '\0';
		vals += strspn(vals, " \t\n");
		if (*vals == '\0')
			emit_counter(r->e, s, "0");
		else
			vals = stats_value(r, s, vals);
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
    struct stats_reader *r, int fd, const char *prefix, struct stats_src *src)
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
		stats_begin(r, EMIT_SEC_COUNTERS, names);
		stats_pair_values(r, cn + 1, cv + 1);
		stats_end(r);
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
    const struct stats_reader *r, struct stats_src *src, unsigned long lineno)
{
	if (!r->shown)
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
 * were read (0, 1 or 2), the value as its text, cut in place.  Short of 2,
 * netstat prints a stale counter.
 */
static int
stats_scan6(char *s, char **name, const char **v)
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
	end = stats_number(s, v);
	*end = '\0';
	return end != s ? 2 : 1;
}

void
stats_read_snmp6(struct stats_reader *r, int fd, struct stats_src *src)
{
	struct stats_fgets f = { .fd = fd };
	char chunk[STATS_CHUNK + 1], title[STATS_CHUNK + 1];
	unsigned long lineno;
	bool started = false;
	const char *v;
	char *name;

	while (stats_next_chunk(&f, chunk, &lineno) > 0) {
		int got = stats_scan6(chunk, &name, &v);
		if (got == 0) {
			/* netstat would repeat the previous counter. */
			stats_bad(r, src, lineno);
			continue;
		}
		/* A section is titled by the name up to its first '6'. */
		if (!started || strstr(name, title) == NULL) {
			const char *six = strchr(name, '6');
			size_t tl;

			tl = six ? (size_t)(six - name) + 1 : strlen(name);
			memcpy(title, name, tl);
			title[tl] = '\0';
			stats_begin(r, EMIT_SEC_COUNTERS6, title);
			started = true;
		}
		if (got == 1) {
			/* A name without a number: netstat prints a stale one.
			 */
			stats_bad(r, src, lineno);
			continue;
		}
		if (r->shown)
			emit_counter(r->e, name, v);
	}
	stats_end(r);
	src->read_err = f.err;
}

void
stats_read_sctp(struct stats_reader *r, int fd, struct stats_src *src)
{
	struct stats_fgets f = { .fd = fd };
	char chunk[STATS_CHUNK + 1];
	unsigned long lineno;
	size_t n, i;

	stats_begin(r, EMIT_SEC_COUNTERS, "Sctp");
	while ((n = stats_next_chunk(&f, chunk, &lineno)) > 0) {
		/* "Name<blank>value": the name ends at a blank or NUL. */
		for (i = 0; i < n && chunk[i] != '\0'; i++)
			if (chunk[i] == ' ' || chunk[i] == '\t' ||
			    chunk[i] == '\n')
				break;
		if (i == n) {
			/* No blank, no newline: netstat reads stale bytes. */
			stats_bad(r, src, lineno);
			continue;
		}
		chunk[i] = '\0';
		char *val = chunk + i + 1;
		val += strspn(val, " \t\n");
		if (*val != '\0' && r->shown)
			stats_value(r, chunk, val);
	}
	stats_end(r);
	src->read_err = f.err;
}

/* Open net/<file> below the /proc root; on failure say so when asked. */
static int
stats_open(const char *rel, bool loud)
{
	int fd = util_proc_open(rel);

	if (fd < 0 && loud) {
		if (strcmp(rel, "net/snmp") == 0)
			report_plain("%s: %s\n",
			    tr_("cannot open /proc/net/snmp"), strerror(-fd));
		else if (strcmp(rel, "net/snmp6") == 0)
			report_plain("%s: %s\n",
			    tr_("cannot open /proc/net/snmp6"), strerror(-fd));
		else
			report_plain(
			    "cannot open /proc/%s: %s\n", rel, strerror(-fd));
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
	if (src->read_err != 0)
		report_plain("/proc/%s: %s\n", rel, strerror(src->read_err));
	if (parse_msg && src->format_err) {
		if (strcmp(rel, "net/snmp") == 0)
			report_plain("%s",
			    tr_("Problem while parsing /proc/net/snmp\n"));
		else if (strcmp(rel, "net/netstat") == 0)
			report_plain("%s",
			    tr_("Problem while parsing /proc/net/netstat\n"));
		else
			report_plain("Problem while parsing /proc/%s\n", rel);
	}
	if (src->nbad != 0)
		report_warn("warning: /proc/%s: %lu malformed line%s "
		            "ignored (first: line %lu)\n",
		    rel, src->nbad, src->nbad == 1 ? "" : "s", src->first_bad);
}

/* How a file is laid out, hence which reader reads it. */
enum stats_layout { STATS_PAIRS, STATS_PAIRS_TCP, STATS_SNMP6, STATS_SCTP };

/* Read one file with one reader; false when it could not be opened. */
static bool
stats_file(
    struct stats_reader *r, const char *rel, enum stats_layout l, bool loud)
{
	struct stats_src src = { 0 };
	int fd = stats_open(rel, loud);

	if (fd < 0)
		return false;
	switch (l) {
	case STATS_PAIRS: stats_read_pairs(r, fd, NULL, &src); break;
	case STATS_PAIRS_TCP: stats_read_pairs(r, fd, "Tcp", &src); break;
	case STATS_SNMP6: stats_read_snmp6(r, fd, &src); break;
	case STATS_SCTP: stats_read_sctp(r, fd, &src); break;
	}
	close(fd);
	/* The Tcp pass of IPv6 mode stops silently on a bad pair. */
	stats_report(rel, &src, l != STATS_PAIRS_TCP);
	return true;
}

/* The files netstat reads for the family, in its order (spec 4.5). */
static void
stats_files(struct emitter *e, const struct opts *o, bool v4)
{
	struct stats_reader r;

	stats_reader_init(&r, e, o->protos);
	if (v4) {
		if (stats_file(&r, "net/snmp", STATS_PAIRS, true)) {
			stats_file(&r, "net/netstat", STATS_PAIRS, false);
			stats_file(&r, "net/sctp/snmp", STATS_SCTP, false);
		}
		return;
	}
	/* IPv6: snmp6, then the Tcp MIB of snmp, which IPv6 shares. */
	if (stats_file(&r, "net/snmp6", STATS_SNMP6, true))
		stats_file(&r, "net/snmp", STATS_PAIRS_TCP, true);
}

int
stats_run(struct run_ctx *c)
{
	const struct opts *o = c->o;
	bool v4 = o->afname[0] == '\0' || strcmp(o->afname, "inet") == 0;

	if (!v4 && strcmp(o->afname, "inet6") != 0) {
		out_printf(tr_("netstat: No statistics support for specified "
		               "address family: %s\n"),
		    o->afname);
		return EXIT_FAIL;
	}
	emit_doc_begin(c->emit, EMIT_DOC_STATS);
	stats_files(c->emit, o, v4);
	emit_doc_end(c->emit, EMIT_DOC_STATS);
	return EXIT_OK;
}
