/*
 * stats_json.c - -s as records: every counter of /proc/net/snmp and
 * /proc/net/netstat (or /proc/net/snmp6 with -6) in sections, with the
 * kernel's own names and value texts, for emitters that take counters
 * rather than net-tools' report (--json gives {"Tcp": {...}, ...}).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "netstat.h"
#include "opts.h"
#include "stats.h"
#include "util.h"

/* Known sections that -t/-u/-w select; others are always printed. */
static bool
section_wanted(const struct opts *o, const char *title)
{
	static const struct {
		const char *title;
		unsigned proto;
	} known[] = {
		{ "Ip", PROTO_RAW },
		{ "Icmp", PROTO_RAW },
		{ "Tcp", PROTO_TCP },
		{ "TcpExt", PROTO_TCP },
		{ "Udp", PROTO_UDP },
		{ "Sctp", PROTO_SCTP },
		{ "Ip6", PROTO_RAW },
		{ "Icmp6", PROTO_RAW },
		{ "Udp6", PROTO_UDP },
		{ "Tcp6", PROTO_TCP },
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].title, title) == 0)
			return (o->protos & known[i].proto) != 0;
	return true;
}

static char *
next_token(char **p)
{
	char *s = *p + strspn(*p, " \t");
	char *e;

	if (*s == '\0')
		return NULL;
	e = s + strcspn(s, " \t");
	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

/* One "Title: names" / "Title: values" pair, split in place. */
struct pair {
	char *title, *names, *values;
};

static void
pair_counters(struct emitter *e, struct pair *p)
{
	char *n;

	while ((n = next_token(&p->names)) != NULL) {
		char *v = next_token(&p->values);
		emit_counter(e, n, v ? v : "0");
	}
}

/*
 * "Title: N1 N2" and "Title: v1 v2" pairs (snmp, netstat).  A title can
 * repeat (IcmpMsg): its pairs are merged into one object.
 */
static void
counters_pairs(struct emitter *e, const struct opts *o, char *buf)
{
	struct pair *pairs = NULL;
	size_t n = 0, cap = 0;
	char *save = NULL, *names, *next = buf;

	while ((names = strtok_r(next, "\n", &save)) != NULL) {
		next = NULL; /* strtok_r continues from save after the first */
		char *values = strtok_r(NULL, "\n", &save);
		char *nc = strchr(names, ':');
		char *vc = values ? strchr(values, ':') : NULL;
		if (nc == NULL || vc == NULL)
			break; /* malformed: stop, as netstat does */
		*nc = '\0';
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			pairs = xrealloc(pairs, cap * sizeof(*pairs));
		}
		pairs[n++] = (struct pair){ names, nc + 1, vc + 1 };
	}
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen =
			    seen || strcmp(pairs[k].title, pairs[i].title) == 0;
		if (seen || !section_wanted(o, pairs[i].title))
			continue;
		emit_section_titled(e, EMIT_SEC_COUNTERS, pairs[i].title);
		for (size_t k = i; k < n; k++)
			if (strcmp(pairs[k].title, pairs[i].title) == 0)
				pair_counters(e, &pairs[k]);
		emit_section_end(e, EMIT_SEC_COUNTERS);
	}
	free(pairs);
}

/* "Name value" lines; the section is the name up to its first '6'. */
static void
counters_snmp6(struct emitter *e, const struct opts *o, char *buf)
{
	char *save = NULL, title[64] = "";
	bool open = false;

	for (char *l = strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		char *p = l, *name = next_token(&p), *val = next_token(&p);
		char *six = name ? strchr(name, '6') : NULL;
		if (name == NULL || val == NULL || six == NULL ||
		    (size_t)(six - name + 1) >= sizeof(title))
			continue;
		if (!open || strncmp(name, title, strlen(title)) != 0) {
			if (open)
				emit_section_end(e, EMIT_SEC_COUNTERS);
			memcpy(title, name, (size_t)(six - name + 1));
			title[six - name + 1] = '\0';
			open = section_wanted(o, title);
			if (open) {
				emit_section_titled(
				    e, EMIT_SEC_COUNTERS, title);
			} else {
				/* Remember the title; skip its counters. */
				open = false;
				continue;
			}
		}
		if (open)
			emit_counter(e, name, val);
	}
	if (open)
		emit_section_end(e, EMIT_SEC_COUNTERS);
}

static void
counters_file(
    struct emitter *e, const struct opts *o, const char *rel, bool snmp6)
{
	char *buf;
	size_t len;
	int fd = util_proc_open(rel);

	if (fd < 0)
		return;
	if (util_read_all(fd, &buf, &len) == 0) {
		if (snmp6)
			counters_snmp6(e, o, buf);
		else
			counters_pairs(e, o, buf);
		free(buf);
	}
	close(fd);
}

void
stats_counters(struct emitter *e, const struct opts *o, bool v6)
{
	if (v6) {
		counters_file(e, o, "net/snmp6", true);
	} else {
		counters_file(e, o, "net/snmp", false);
		counters_file(e, o, "net/netstat", false);
	}
}
