/*
 * nss_hostile.c - a glibc NSS module ("hostile") for tests/suites/names.sh.
 * It answers host, network, service and user lookups with names holding
 * terminal escapes, DEL and newlines, which no /etc file can carry but a
 * directory service or another NSS module can.  Built as
 * libnss_hostile.so.2 and found through LD_LIBRARY_PATH.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <nss.h>
#include <pwd.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

/* The same bytes are listed in names.sh (HOSTILE_NAMES). */
#define H_HOST4 "h4\033[31m\n\177X"
#define H_HOST6 "h6\033[7m\nY"
#define H_GW "gw\033[1m\nG"
#define H_GROUP "grp\033]0;T\007\nM"
#define H_NET0 "n0\033[4m\nZ"
#define H_NETR "nr\033[9m\nR"
#define H_SERV "s\033[2J\nQ"
#define H_USER "u\033[5m\nW"

enum nss_status _nss_hostile_gethostbyaddr_r(const void *addr, socklen_t len,
    int af, struct hostent *he, char *buf, size_t buflen, int *errnop,
    int *h_errnop);
enum nss_status _nss_hostile_getnetbyaddr_r(uint32_t net, int type,
    struct netent *ne, char *buf, size_t buflen, int *errnop, int *herrnop);
enum nss_status _nss_hostile_getpwuid_r(
    uid_t uid, struct passwd *pw, char *buf, size_t buflen, int *errnop);
enum nss_status _nss_hostile_setservent(int stayopen);
enum nss_status _nss_hostile_endservent(void);
enum nss_status _nss_hostile_getservent_r(
    struct servent *se, char *buf, size_t buflen, int *errnop);

static const char *
host_name(const unsigned char *a, socklen_t len, int af)
{
	static const unsigned char lo6[16] = { [15] = 1 };

	if (af == AF_INET6 && len == 16 && memcmp(a, lo6, 16) == 0)
		return H_HOST6;
	if (af != AF_INET || len != 4)
		return NULL;
	if (a[0] == 127 && a[1] == 0 && a[2] == 0 && a[3] == 2)
		return H_HOST4;
	if (a[0] == 192 && a[1] == 0 && a[2] == 2 && a[3] == 7)
		return H_GW;
	if (a[0] == 239 && a[1] == 1 && a[2] == 2 && a[3] == 3)
		return H_GROUP;
	return NULL;
}

/* Lays out name, an empty alias list and one address in buf. */
enum nss_status
_nss_hostile_gethostbyaddr_r(const void *addr, socklen_t len, int af,
    struct hostent *he, char *buf, size_t buflen, int *errnop, int *h_errnop)
{
	const char *name = host_name(addr, len, af);
	size_t n = name ? strlen(name) + 1 : 0;
	size_t need = n + len + 4 * sizeof(char *);

	if (name == NULL) {
		*h_errnop = HOST_NOT_FOUND;
		return NSS_STATUS_NOTFOUND;
	}
	if (buflen < need + sizeof(char *)) {
		*errnop = ERANGE;
		*h_errnop = NETDB_INTERNAL;
		return NSS_STATUS_TRYAGAIN;
	}
	char **ptrs = (char **)(void *)buf; /* buf is pointer-aligned */
	char *p = buf + 4 * sizeof(char *);
	memcpy(p, addr, len);
	memcpy(p + len, name, n);
	ptrs[0] = NULL; /* aliases */
	ptrs[1] = p;    /* the one address */
	ptrs[2] = NULL;
	he->h_name = p + len;
	he->h_aliases = &ptrs[0];
	he->h_addrtype = af;
	he->h_length = (int)len;
	he->h_addr_list = &ptrs[1];
	return NSS_STATUS_SUCCESS;
}

enum nss_status
_nss_hostile_getnetbyaddr_r(uint32_t net, int type, struct netent *ne,
    char *buf, size_t buflen, int *errnop, int *herrnop)
{
	const char *name = net == 1            ? H_NET0
	                   : net == 0x0a090000 ? H_NETR
	                                       : NULL;

	if (name == NULL || type != AF_INET) {
		*herrnop = HOST_NOT_FOUND;
		return NSS_STATUS_NOTFOUND;
	}
	if (buflen < strlen(name) + 1 + sizeof(char *)) {
		*errnop = ERANGE;
		return NSS_STATUS_TRYAGAIN;
	}
	char **aliases = (char **)(void *)buf;
	aliases[0] = NULL;
	strcpy(buf + sizeof(char *), name);
	ne->n_name = buf + sizeof(char *);
	ne->n_aliases = aliases;
	ne->n_addrtype = AF_INET;
	ne->n_net = net;
	return NSS_STATUS_SUCCESS;
}

enum nss_status
_nss_hostile_getpwuid_r(
    uid_t uid, struct passwd *pw, char *buf, size_t buflen, int *errnop)
{
	if (uid != 4242)
		return NSS_STATUS_NOTFOUND;
	if (buflen < sizeof(H_USER) + 3) {
		*errnop = ERANGE;
		return NSS_STATUS_TRYAGAIN;
	}
	strcpy(buf, H_USER);
	strcpy(buf + sizeof(H_USER), "/");
	pw->pw_name = buf;
	pw->pw_passwd = buf + sizeof(H_USER) + 1; /* "" */
	pw->pw_uid = uid;
	pw->pw_gid = uid;
	pw->pw_gecos = pw->pw_passwd;
	pw->pw_dir = buf + sizeof(H_USER);
	pw->pw_shell = pw->pw_dir;
	return NSS_STATUS_SUCCESS;
}

/* Services: 7001/tcp and 7001/udp, both H_SERV. */
static int serv_next;

enum nss_status
_nss_hostile_setservent(int stayopen)
{
	(void)stayopen;
	serv_next = 0;
	return NSS_STATUS_SUCCESS;
}

enum nss_status
_nss_hostile_endservent(void)
{
	return NSS_STATUS_SUCCESS;
}

enum nss_status
_nss_hostile_getservent_r(
    struct servent *se, char *buf, size_t buflen, int *errnop)
{
	if (serv_next >= 2)
		return NSS_STATUS_NOTFOUND;
	if (buflen < sizeof(char *) + sizeof(H_SERV) + 4) {
		*errnop = ERANGE;
		return NSS_STATUS_TRYAGAIN;
	}
	char **aliases = (char **)(void *)buf;
	char *p = buf + sizeof(char *);
	aliases[0] = NULL;
	strcpy(p, H_SERV);
	strcpy(p + sizeof(H_SERV), serv_next == 0 ? "tcp" : "udp");
	se->s_name = p;
	se->s_aliases = aliases;
	se->s_port = (int)htons(7001);
	se->s_proto = p + sizeof(H_SERV);
	serv_next++;
	return NSS_STATUS_SUCCESS;
}
