/*
 * names.c - host, service and user names, cached for the whole run (the
 * caches survive -c refreshes).  Uses net-tools' resolver calls so that the
 * same databases give the same text: gethostbyaddr for IPv4, getnameinfo
 * for IPv6, getnetbyaddr for networks, one full getservent/getprotoent
 * scan, getpwuid.  Every name is made printable as it enters a cache:
 * control bytes become '?', one for one (reverse DNS answers and the /etc
 * files are not trusted to be free of terminal escapes).
 */
#include "names.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "escape.h"
#include "hmap.h"
#include "util.h"

/* net-tools' get_sname() buffer is 64 bytes: longer names are cut. */
#define NAMES_PORT_MAX 63

/*
 * The caches, for the whole run (they survive -c refreshes): file-scope
 * because the formatters ask for names row by row.  Every value is a name
 * the cache owns, as a pointer; NULL means looked up and nothing found.
 */
static struct {
	struct hmap host4; /* names_key32(address) -> gethostbyaddr name */
	struct hmap net4;  /* names_key32(address) -> getnetbyaddr name */
	struct hmap user;  /* names_key32(uid) -> getpwuid name */
	struct hmap host6; /* the 16 address bytes -> getnameinfo text */
	struct hmap ports; /* names_port_key(list, port) -> service name */
	bool ports_loaded;
} names;

/* A 32-bit key (address, uid) as a map key: hmap reserves key 0. */
static uint64_t
names_key32(uint32_t v)
{
	return (uint64_t)v + 1;
}

/* A cache's own copy of a looked-up name: at most max bytes, printable. */
static char *
names_save(const char *name, size_t max)
{
	size_t n = strlen(name);
	if (n > max)
		n = max;
	char *copy = xmalloc(n + 1);

	memcpy(copy, name, n);
	copy[n] = '\0';
	escape_in_place(copy, n);
	return copy;
}

/* Returns true when key is cached, with *val set (possibly NULL). */
static bool
cache_get(const struct hmap *c, uint64_t key, const char **val)
{
	uint64_t v;

	if (!hmap_u64_get(c, key, &v))
		return false;
	*val = (const char *)(uintptr_t)v;
	return true;
}

/* Cache a printable copy of name (NULL: none found) and return it. */
static const char *
cache_put(struct hmap *c, uint64_t key, const char *name)
{
	char *copy = name != NULL ? names_save(name, SIZE_MAX) : NULL;

	hmap_u64_put(c, key, (uintptr_t)copy);
	return copy;
}

const char *
names_lookup4(uint32_t addr)
{
	const char *name = NULL;

	if (cache_get(&names.host4, names_key32(addr), &name))
		return name;
	struct hostent *he = gethostbyaddr(&addr, sizeof(addr), AF_INET);
	return cache_put(
	    &names.host4, names_key32(addr), he ? he->h_name : NULL);
}

const char *
names_lookup_net4(uint32_t addr)
{
	const char *name = NULL;

	if (cache_get(&names.net4, names_key32(addr), &name))
		return name;
	struct netent *ne = getnetbyaddr(ntohl(addr), AF_INET);
	return cache_put(
	    &names.net4, names_key32(addr), ne ? ne->n_name : NULL);
}

/* Dotted quad without inet_ntop's printf machinery (the hot path of -n). */
static void
names_quad(uint32_t addr, char *buf, size_t len)
{
	const unsigned char *b = (const unsigned char *)&addr;
	char tmp[16];
	size_t n = 0;

	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (v >= 100)
			tmp[n++] = (char)('0' + v / 100);
		if (v >= 10)
			tmp[n++] = (char)('0' + v / 10 % 10);
		tmp[n++] = (char)('0' + v % 10);
		tmp[n++] = i < 3 ? '.' : '\0';
	}
	util_copy(buf, len, tmp);
}

char *
names_host4(uint32_t addr, bool numeric, char *buf, size_t len)
{
	const char *name = NULL;

	/*
	 * net-tools tests its "network address" case on the wrong byte on
	 * little-endian CPUs; the net effect is a host lookup for every
	 * address whose first octet is not zero, a networks-database lookup
	 * for the others (0.0.0.1 can be "weirdnet"), and 0.0.0.0 stays
	 * numeric.
	 */
	if (!numeric && addr != 0)
		name = (ntohl(addr) >> 24) != 0 ? names_lookup4(addr)
		                                : names_lookup_net4(addr);
	if (name != NULL)
		util_copy(buf, len, name);
	else if (len >= 16)
		names_quad(addr, buf, len);
	else
		inet_ntop(AF_INET, &addr, buf, (socklen_t)len);
	return buf;
}

/* net-tools' fix_v4_address(): "::ffff:1.2.3.4" becomes "1.2.3.4". */
static void
names_cut_mapped(const struct in6_addr *a, char *buf)
{
	if (!IN6_IS_ADDR_V4MAPPED(a))
		return;
	char *dot = strchr(buf, '.');
	if (dot == NULL)
		return;
	char *colon = NULL;
	for (char *p = buf; p < dot; p++)
		if (*p == ':')
			colon = p;
	if (colon != NULL)
		memmove(buf, colon + 1, strlen(colon + 1) + 1);
}

/* getnameinfo() gives the numeric text when no name is found. */
static const char *
names_lookup6(const struct in6_addr *a)
{
	struct sockaddr_in6 sin6;
	char name[1025];
	uint64_t v;

	/* IPv6 names are cached too (net-tools looks them up every time). */
	if (hmap_str_get(&names.host6, a, sizeof(*a), &v))
		return (const char *)(uintptr_t)v;
	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_family = AF_INET6;
	sin6.sin6_addr = *a;
	if (getnameinfo((struct sockaddr *)&sin6, sizeof(sin6), name,
	        sizeof(name), NULL, 0, 0) != 0)
		inet_ntop(AF_INET6, a, name, sizeof(name));
	char *copy = names_save(name, sizeof(name));
	hmap_str_put(&names.host6, a, sizeof(*a), (uintptr_t)copy);
	return copy;
}

char *
names_host6(const struct in6_addr *a, bool numeric, char *buf, size_t len)
{
	if (numeric)
		inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	else if (IN6_IS_ADDR_UNSPECIFIED(a))
		snprintf(buf, len, "[::]");
	else
		util_copy(buf, len, names_lookup6(a));
	names_cut_mapped(a, buf);
	return buf;
}

/* The ports key of one services list's port. */
static uint64_t
names_port_key(enum names_proto p, unsigned port)
{
	return ((uint64_t)p << 16 | port) + 1;
}

/* The later database entry wins, as in net-tools. */
static void
ports_set(enum names_proto p, unsigned port, const char *name)
{
	if (port > 65535)
		return;
	uint64_t *v = hmap_u64_ref(&names.ports, names_port_key(p, port), NULL);
	free((char *)(uintptr_t)*v);
	*v = (uintptr_t)names_save(name, NAMES_PORT_MAX);
}

static void
ports_load(void)
{
	struct servent *se;
	struct protoent *pe;

	names.ports_loaded = true;
	setservent(0);
	while ((se = getservent()) != NULL) {
		unsigned port = ntohs((uint16_t)se->s_port);

		if (strcmp(se->s_proto, "tcp") == 0)
			ports_set(NAMES_TCP, port, se->s_name);
		else if (strcmp(se->s_proto, "udp") == 0)
			ports_set(NAMES_UDP, port, se->s_name);
		else if (strcmp(se->s_proto, "raw") == 0)
			ports_set(NAMES_RAW, port, se->s_name);
	}
	endservent();
	setprotoent(0);
	while ((pe = getprotoent()) != NULL)
		ports_set(NAMES_RAW, (unsigned)pe->p_proto, pe->p_name);
	endprotoent();
}

const char *
names_port(
    unsigned port, enum names_proto p, bool numeric, char *buf, size_t len)
{
	if (port == 0)
		return "*";
	if (!numeric && port <= 65535) {
		const char *name;
		if (!names.ports_loaded)
			ports_load();
		if (cache_get(&names.ports, names_port_key(p, port), &name))
			return name;
	}
	/* Decimal by hand: snprintf showed up in profiles of -tan. */
	char tmp[8], *d = tmp + sizeof(tmp);
	*--d = '\0';
	do {
		*--d = (char)('0' + port % 10);
		port /= 10;
	} while (port != 0);
	if ((size_t)(tmp + sizeof(tmp) - d) <= len)
		memcpy(buf, d, (size_t)(tmp + sizeof(tmp) - d));
	else if (len > 0)
		buf[0] = '\0';
	return buf;
}

char *
names_user(uid_t uid, bool numeric, char *buf, size_t len)
{
	const char *name = NULL;

	if (!numeric &&
	    !cache_get(&names.user, names_key32((uint32_t)uid), &name)) {
		struct passwd *pw = getpwuid(uid);
		name = cache_put(&names.user, names_key32((uint32_t)uid),
		    pw ? pw->pw_name : NULL);
	}
	/* net-tools prints an unknown uid with %d: 4294967294 shows as -2. */
	if (name != NULL)
		util_copy(buf, len, name);
	else
		snprintf(buf, len, "%d", (int)uid);
	return buf;
}
