/*
 * iface.h - internals of the -i mode shared by iface.c, iface_fmt.c and
 * their unit tests: the interface list in net-tools' natural order, the
 * /proc/net/dev parser, and the short and long (-e) formatters.
 */
#ifndef NLNETSTAT_IFACE_H
#define NLNETSTAT_IFACE_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* Counters of one /proc/net/dev line, in the file's order. */
struct iface_stats {
	uint64_t rx_bytes, rx_packets, rx_errors, rx_dropped, rx_fifo;
	uint64_t rx_frame, rx_compressed, rx_multicast;
	uint64_t tx_bytes, tx_packets, tx_errors, tx_dropped, tx_fifo;
	uint64_t collisions, tx_carrier, tx_compressed;
};

/* One row of the table: a /proc/net/dev entry or an IPv4 address label. */
struct iface {
	char name[IFNAMSIZ]; /* raw bytes; escaped only when printed */
	bool has_stats;      /* listed in /proc/net/dev */
	struct iface_stats st;
	/* Filled by the ioctls before printing. */
	short flags;              /* SIOCGIFFLAGS: signed, as net-tools shows */
	int mtu;                  /* 0 when the ioctl fails */
	int hwtype;               /* ARPHRD_* */
	unsigned char hwaddr[32]; /* first 8 bytes of the address, rest 0 */
	struct ifmap map;
	int txqlen; /* -1 when unknown */
	bool has_ip;
	struct sockaddr addr, netmask, broadaddr, dstaddr;
};

/* The interface list, kept sorted with iface_name_cmp(). */
struct iface_list {
	struct iface *v;
	size_t n, cap;
};

/*
 * net-tools' natural name order: a ":digits" alias suffix aside, names
 * compare by their text before the trailing digits, then by the length of
 * that text, then by the trailing number, then as strings, then by alias
 * number (no alias first).  Returns <0, 0 or >0.
 */
int iface_name_cmp(const char *a, const char *b);

/*
 * Insert name as net-tools does (walking back from the tail; an equal
 * name is merged).  Returns the entry, new entries zeroed.
 */
struct iface *iface_list_add(struct iface_list *l, const char *name);
/* Free the list's entries. */
void iface_list_free(struct iface_list *l);

/* Counter layout of /proc/net/dev from its second header line: 1, 2, 3. */
int iface_dev_version(const char *header);
/*
 * Interface name at the start of a /proc/net/dev line (an alias form
 * "name:digits:" is kept whole) into name; returns the counters' text.
 */
const char *iface_dev_name(const char *line, char *name, size_t len);
/* Parse the counters for the given layout into *st (unread ones kept). */
void iface_dev_stats(const char *text, int version, struct iface_stats *st);

/* Flag letters of the short table ("BMRU", "[NO FLAGS]") into buf. */
void iface_flags_short(short flags, char *buf, size_t len);
/* "flags=N<UP,...>" of the long format into buf. */
void iface_flags_long(short flags, char *buf, size_t len);
/* Byte count as net-tools shows it, "1.0 KiB", into buf. */
void iface_human(uint64_t bytes, char *buf, size_t len);
/* Hardware line text ("ether 02:..", "loop") and title, into buf/title. */
void iface_hw_text(
    const struct iface *ifc, char *buf, size_t len, const char **title);

/* One row of the short table, newline included, into buf. */
void iface_format_short(const struct iface *ifc, char *buf, size_t len);
/*
 * Print the long (-e) block of one interface through out.c; if_inet6 is
 * the text of /proc/net/if_inet6 (NULL when missing).
 */
void iface_print_long(const struct iface *ifc, const char *if_inet6);

#endif
