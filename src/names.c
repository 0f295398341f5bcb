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
#include "util.h"

/* net-tools' get_sname() buffer is 64 bytes: longer names are cut. */
#define NAMES_PORT_MAX 63

/* Open-addressing cache keyed by a 32-bit value (IPv4 address or uid). */
struct name_cache {
	uint32_t *keys;
	char **vals; /* NULL value: looked up, nothing found */
	unsigned char *used;
	size_t cap, count;
};

/* Global: lookups are kept for the process, across -c passes and modes. */
static struct name_cache host4_cache, net4_cache, user_cache;

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

static size_t
cache_slot(const struct name_cache *c, uint32_t key)
{
	/* Fibonacci hashing spreads consecutive addresses and uids. */
	size_t h = (size_t)((key * 2654435761u) & (c->cap - 1));

	while (c->used[h] && c->keys[h] != key)
		h = (h + 1) & (c->cap - 1);
	return h;
}

static void
cache_grow(struct name_cache *c)
{
	struct name_cache old = *c;

	c->cap = old.cap ? old.cap * 2 : 64;
	c->keys = xcalloc(c->cap, sizeof(*c->keys));
	c->vals = xcalloc(c->cap, sizeof(*c->vals));
	c->used = xcalloc(c->cap, 1);
	c->count = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.used[i])
			continue;
		size_t h = cache_slot(c, old.keys[i]);
		c->used[h] = 1;
		c->keys[h] = old.keys[i];
		c->vals[h] = old.vals[i];
		c->count++;
	}
	free(old.keys);
	free(old.vals);
	free(old.used);
}

/* Returns true when key is cached, with *val set (possibly NULL). */
static bool
cache_get(struct name_cache *c, uint32_t key, const char **val)
{
	if (c->cap == 0)
		return false;
	size_t h = cache_slot(c, key);
	if (!c->used[h])
		return false;
	*val = c->vals[h];
	return true;
}

static void
cache_put(struct name_cache *c, uint32_t key, const char *val)
{
	if (c->count * 2 >= c->cap)
		cache_grow(c);
	size_t h = cache_slot(c, key);
	if (!c->used[h])
		c->count++;
	c->used[h] = 1;
	c->keys[h] = key;
	c->vals[h] = val ? names_save(val, SIZE_MAX) : NULL;
}

const char *
names_lookup4(uint32_t addr)
{
	const char *name = NULL;

	if (cache_get(&host4_cache, addr, &name))
		return name;
	struct hostent *he = gethostbyaddr(&addr, sizeof(addr), AF_INET);
	cache_put(&host4_cache, addr, he ? he->h_name : NULL);
	cache_get(&host4_cache, addr, &name);
	return name;
}

const char *
names_lookup_net4(uint32_t addr)
{
	const char *name = NULL;

	if (cache_get(&net4_cache, addr, &name))
		return name;
	struct netent *ne = getnetbyaddr(ntohl(addr), AF_INET);
	cache_put(&net4_cache, addr, ne ? ne->n_name : NULL);
	cache_get(&net4_cache, addr, &name);
	return name;
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

/* IPv6 names, cached like IPv4 ones (net-tools looks them up every time). */
struct host6_entry {
	struct in6_addr addr;
	char *name;
};

/* Global, as the caches above: one lookup per address per process. */
static struct host6_entry *host6_cache;
static size_t host6_cap, host6_count;

static size_t
host6_slot(const struct in6_addr *a)
{
	uint32_t h = 2166136261u; /* FNV-1a over the 16 bytes */

	for (int i = 0; i < 16; i++)
		h = (h ^ a->s6_addr[i]) * 16777619u;
	size_t s = h & (host6_cap - 1);
	while (host6_cache[s].name != NULL &&
	       memcmp(&host6_cache[s].addr, a, sizeof(*a)) != 0)
		s = (s + 1) & (host6_cap - 1);
	return s;
}

static void
host6_grow(void)
{
	struct host6_entry *old = host6_cache;
	size_t oldcap = host6_cap;

	host6_cap = oldcap ? oldcap * 2 : 64;
	host6_cache = xcalloc(host6_cap, sizeof(*host6_cache));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].name != NULL)
			host6_cache[host6_slot(&old[i].addr)] = old[i];
	free(old);
}

/* getnameinfo() gives the numeric text when no name is found. */
static const char *
names_lookup6(const struct in6_addr *a)
{
	struct sockaddr_in6 sin6;
	char name[1025];

	if (host6_cap != 0) {
		size_t s = host6_slot(a);
		if (host6_cache[s].name != NULL)
			return host6_cache[s].name;
	}
	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_family = AF_INET6;
	sin6.sin6_addr = *a;
	if (getnameinfo((struct sockaddr *)&sin6, sizeof(sin6), name,
	        sizeof(name), NULL, 0, 0) != 0)
		inet_ntop(AF_INET6, a, name, sizeof(name));
	if ((host6_count + 1) * 2 > host6_cap)
		host6_grow();
	size_t s = host6_slot(a);
	host6_cache[s].addr = *a;
	host6_cache[s].name = names_save(name, sizeof(name));
	host6_count++;
	return host6_cache[s].name;
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

/* Port names per list; the later database entry wins, as in net-tools. */
struct port_names {
	char **byport; /* 65536 entries, allocated on first use */
};

/* Global: the services database is read once per process. */
static struct port_names port_lists[3];
static bool ports_loaded;

static void
ports_set(enum names_proto p, unsigned port, const char *name)
{
	struct port_names *l = &port_lists[p];

	if (port > 65535)
		return;
	if (l->byport == NULL)
		l->byport = xcalloc(65536, sizeof(char *));
	free(l->byport[port]);
	l->byport[port] = names_save(name, NAMES_PORT_MAX);
}

static void
ports_load(void)
{
	struct servent *se;
	struct protoent *pe;

	ports_loaded = true;
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
	if (!numeric) {
		if (!ports_loaded)
			ports_load();
		if (port_lists[p].byport && port <= 65535 &&
		    port_lists[p].byport[port])
			return port_lists[p].byport[port];
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

	if (!numeric && !cache_get(&user_cache, (uint32_t)uid, &name)) {
		struct passwd *pw = getpwuid(uid);
		cache_put(&user_cache, (uint32_t)uid, pw ? pw->pw_name : NULL);
		cache_get(&user_cache, (uint32_t)uid, &name);
	}
	/* net-tools prints an unknown uid with %d: 4294967294 shows as -2. */
	if (name != NULL)
		util_copy(buf, len, name);
	else
		snprintf(buf, len, "%d", (int)uid);
	return buf;
}
