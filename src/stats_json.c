/*
 * stats_json.c - -s --json: every counter of /proc/net/snmp and
 * /proc/net/netstat (or /proc/net/snmp6 with -6) as one JSON object of
 * sections, {"Tcp": {"ActiveOpens": 12, ...}, ...}, with the kernel's own
 * names and unsigned 64-bit values, so monitoring needs no label parsing.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "opts.h"
#include "netstat.h"
#include "out.h"
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

static void
json_counter(struct json *j, const char *name, const char *text)
{
	const char *p = text;
	uint64_t v;

	json_key(j, name);
	if (util_parse_u64(&p, 10, &v) && *p == '\0')
		json_u64(j, v);
	else if (*text == '-' && (p = text + 1) && util_parse_u64(&p, 10, &v))
		json_i64(j, -(int64_t)v);
	else
		json_null(j);
}

/* One "Title: names" / "Title: values" pair, split in place. */
struct pair {
	char *title, *names, *values;
};

static void
json_pair_counters(struct json *j, struct pair *p)
{
	char *n;

	while ((n = next_token(&p->names)) != NULL) {
		char *v = next_token(&p->values);
		json_counter(j, n, v ? v : "0");
	}
}

/*
 * "Title: N1 N2" and "Title: v1 v2" pairs (snmp, netstat).  A title can
 * repeat (IcmpMsg): its pairs are merged into one object.
 */
static void
json_pairs(struct json *j, const struct opts *o, char *buf)
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
		json_key(j, pairs[i].title);
		json_open(j, '{');
		for (size_t k = i; k < n; k++)
			if (strcmp(pairs[k].title, pairs[i].title) == 0)
				json_pair_counters(j, &pairs[k]);
		json_close(j, '}');
	}
	free(pairs);
}

/* "Name value" lines; the section is the name up to its first '6'. */
static void
json_snmp6(struct json *j, const struct opts *o, char *buf)
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
				json_close(j, '}');
			memcpy(title, name, (size_t)(six - name + 1));
			title[six - name + 1] = '\0';
			open = section_wanted(o, title);
			if (open) {
				json_key(j, title);
				json_open(j, '{');
			} else {
				/* Remember the title; skip its counters. */
				open = false;
				continue;
			}
		}
		if (open)
			json_counter(j, name, val);
	}
	if (open)
		json_close(j, '}');
}

static void
json_file(struct json *j, const struct opts *o, const char *rel, bool snmp6)
{
	char *buf;
	size_t len;
	int fd = util_proc_open(rel);

	if (fd < 0)
		return;
	if (util_read_all(fd, &buf, &len) == 0) {
		if (snmp6)
			json_snmp6(j, o, buf);
		else
			json_pairs(j, o, buf);
		free(buf);
	}
	close(fd);
}

int
stats_json_run(const struct opts *o, bool v6)
{
	struct json j = { 0 };

	json_open(&j, '{');
	if (v6) {
		json_file(&j, o, "net/snmp6", true);
	} else {
		json_file(&j, o, "net/snmp", false);
		json_file(&j, o, "net/netstat", false);
	}
	json_close(&j, '}');
	out_write("\n", 1);
	return EXIT_OK;
}
