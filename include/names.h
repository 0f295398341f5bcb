/*
 * names.h - host, service, network and user names with per-process caches,
 * using the same libc calls as net-tools netstat (gethostbyaddr for IPv4,
 * getnameinfo for IPv6, a full getservent/getprotoent scan, getpwuid), so
 * that the same databases give the same text.  Every name returned is
 * printable: control bytes (below 0x20, and DEL) are replaced by '?'.
 */
#ifndef NLNETSTAT_NAMES_H
#define NLNETSTAT_NAMES_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Which services list a port is looked up in. */
enum names_proto {
	NAMES_TCP, /* tcp, tcp6 */
	NAMES_UDP, /* udp, udp6, udplite, udplite6 */
	NAMES_RAW, /* raw, raw6: protocol names from the protocols database */
};

/*
 * IPv4 host text, socket-table rules: numeric gives the dotted quad;
 * otherwise 0.0.0.0 stays numeric, an address whose first octet is 0 is
 * looked up in the networks database and anything else with
 * gethostbyaddr (cached, failures too).  addr is in network byte order.
 * Writes a NUL-terminated string into buf and returns buf.
 */
char *names_host4(uint32_t addr, bool numeric, char *buf, size_t len);

/*
 * IPv6 host text, socket-table rules: numeric gives inet_ntop text;
 * otherwise :: becomes "[::]" and anything else goes through getnameinfo.
 * In both cases an IPv4-mapped address is cut to its dotted quad.
 */
char *names_host6(
    const struct in6_addr *a, bool numeric, char *buf, size_t len);

/*
 * Cached gethostbyaddr(AF_INET) canonical name, or NULL when the lookup
 * failed.  addr in network byte order.  Shared with the route table.
 */
const char *names_lookup4(uint32_t addr);

/*
 * Cached getnetbyaddr(AF_INET) name, or NULL when there is none.  addr in
 * network byte order.  Shared with the route table.
 */
const char *names_lookup_net4(uint32_t addr);

/*
 * Port text: "*" for 0, decimal when numeric or unknown, else the service
 * (or, for NAMES_RAW, protocol) name cut to 63 bytes, as net-tools'
 * 64-byte buffer cuts it.  Returns a pointer to buf or to a
 * cached name valid for the life of the process.
 */
const char *names_port(
    unsigned port, enum names_proto p, bool numeric, char *buf, size_t len);

/* User name for uid, or decimal uid when numeric or unknown; into buf. */
char *names_user(uid_t uid, bool numeric, char *buf, size_t len);

#endif
