/*
 * metrics_snmp.c - the counters of -s for --metrics: /proc/net/snmp and
 * /proc/net/netstat ("Section: names" / "Section: values" line pairs) or
 * /proc/net/snmp6 ("Name value" lines) read whole, every value handed on
 * with its section and the kernel's name; -t -u -w select sections as
 * they do for the table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "metrics.h"
#include "netstat.h"
#include "opts.h"
#include "util.h"

/* Known sections that -t/-u/-w select; others are always kept. */
static bool
snmp_section_wanted(const struct opts *o, const char *title)
{
	static const struct {
		const char *title;
		unsigned proto;
	} known[] = {
		{ "Ip", PROTO_RAW },
		{ "Icmp", PROTO_RAW },
		{ "IcmpMsg", PROTO_RAW },
		{ "Tcp", PROTO_TCP },
		{ "TcpExt", PROTO_TCP },
		{ "Udp", PROTO_UDP },
		{ "UdpLite", PROTO_UDPLITE | PROTO_UDP },
		{ "Ip6", PROTO_RAW },
		{ "Icmp6", PROTO_RAW },
		{ "Udp6", PROTO_UDP },
		{ "UdpLite6", PROTO_UDPLITE | PROTO_UDP },
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].title, title) == 0)
			return (o->protos & known[i].proto) != 0;
	return true;
}

static char *
snmp_token(char **p)
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

struct snmp_ctx {
	const struct opts *o;
	const char *only; /* keep this section only (snmp's Tcp with -6) */
	metrics_counter_fn fn;
	void *arg;
};

/* "Title: N1 N2 ..." then "Title: v1 v2 ..."; stops at a malformed pair. */
static void
snmp_pairs(const struct snmp_ctx *c, char *buf)
{
	char *save = NULL, *names, *next = buf;

	while ((names = strtok_r(next, "\n", &save)) != NULL) {
		next = NULL;
		char *values = strtok_r(NULL, "\n", &save);
		char *nc = strchr(names, ':');
		char *vc = values ? strchr(values, ':') : NULL;
		if (nc == NULL || vc == NULL)
			break;
		*nc++ = '\0';
		vc++;
		if ((c->only && strcmp(names, c->only) != 0) ||
		    !snmp_section_wanted(c->o, names))
			continue;
		char *n, *v;
		while ((n = snmp_token(&nc)) != NULL &&
		       (v = snmp_token(&vc)) != NULL)
			c->fn(c->arg, names, n, v);
	}
}

/* "Ip6InReceives 12" lines; the section is the name up to its '6'. */
static void
snmp_six(const struct snmp_ctx *c, char *buf)
{
	char *save = NULL, title[32];

	for (char *l = strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		char *p = l, *name = snmp_token(&p), *val = snmp_token(&p);
		char *six = name ? strchr(name, '6') : NULL;
		if (val == NULL || six == NULL ||
		    (size_t)(six - name + 1) >= sizeof(title))
			continue;
		memcpy(title, name, (size_t)(six - name + 1));
		title[six - name + 1] = '\0';
		if (snmp_section_wanted(c->o, title))
			c->fn(c->arg, title, name, val);
	}
}

static int
snmp_file(const struct snmp_ctx *c, const char *rel, bool six)
{
	char *buf;
	size_t len;
	int fd = util_proc_open(rel);
	int rc;

	if (fd < 0)
		return fd;
	rc = util_read_all(fd, &buf, &len);
	close(fd);
	if (rc < 0)
		return rc;
	if (six)
		snmp_six(c, buf);
	else
		snmp_pairs(c, buf);
	free(buf);
	return 0;
}

int
metrics_snmp_read(const struct opts *o, metrics_counter_fn fn, void *ctx)
{
	struct snmp_ctx c = { o, NULL, fn, ctx };
	bool v6 = strcmp(o->afname, "inet6") == 0;
	int rc;

	if (v6) {
		rc = snmp_file(&c, "net/snmp6", true);
		c.only = "Tcp"; /* IPv6 shares the Tcp MIB, as netstat -6 -s */
		if (rc == 0)
			(void)snmp_file(&c, "net/snmp", false);
		return rc;
	}
	rc = snmp_file(&c, "net/snmp", false);
	if (rc == 0)
		(void)snmp_file(&c, "net/netstat", false);
	return rc;
}
