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
	/* rtnetlink source only: the row is a link (not only a label). */
	bool is_link;
	int ifindex;
};

/* Open-addressed name index over a table of rows: slot holds row + 1. */
struct iface_hash {
	size_t *slot;
	size_t cap; /* a power of two, or 0 */
};

/* The interface list: one entry per name, sorted by iface_list_sort(). */
struct iface_list {
	struct iface *v;
	size_t n, cap;
	struct iface_hash names;
};

/* The rtnetlink snapshot: links are rows; IPv4 addresses by label. */
struct rtnl_addr4;
struct iface_snap {
	struct iface_list *list;
	struct rtnl_addr4 *addr;
	size_t *next; /* next address with the same label + 1, or 0 */
	size_t n, cap;
	size_t *first; /* per slot: first address with a label + 1 */
	size_t slots;
};

/* The lines of /proc/net/if_inet6, grouped by device name. */
struct iface_inet6 {
	char *text; /* the whole file, NUL-terminated; owned */
	struct iface_inet6_line {
		size_t off, len; /* the line within text */
		size_t next;     /* next line of the same device + 1, or 0 */
		char dev[21];
	} * line;
	size_t n, cap;
	size_t *first; /* per slot: first line + 1 */
	size_t *last;  /* per slot: last line + 1 */
	size_t slots;  /* a power of two, or 0 */
};

/*
 * net-tools' natural name order: a ":digits" alias suffix aside, names
 * compare by their text before the trailing digits, then by the length of
 * that text, then by the trailing number, then as strings, then by alias
 * number (no alias first).  Returns <0, 0 or >0.
 */
int iface_name_cmp(const char *a, const char *b);

/*
 * The entry named name: an existing one (merged, as net-tools merges an
 * equal name) or a new zeroed one appended.  Constant time; entries stay
 * in insertion order until iface_list_sort().
 */
struct iface *iface_list_add(struct iface_list *l, const char *name);
/* FNV-1a hash of a NUL-terminated name. */
size_t iface_name_hash(const char *s);
/* The entry named exactly name, or NULL. */
struct iface *iface_list_find(const struct iface_list *l, const char *name);
/*
 * Sort the entries once into net-tools' natural order (the order its
 * insertion walk gives, since iface_name_cmp() is a total order).
 */
void iface_list_sort(struct iface_list *l);
/* Free the list's entries. */
void iface_list_free(struct iface_list *l);

/*
 * Index text (the whole /proc/net/if_inet6, or NULL; taken over) by the
 * device name of each line that net-tools' sscanf() reads whole.
 */
void iface_inet6_index(struct iface_inet6 *x, char *text);
/* Free the index and its text. */
void iface_inet6_free(struct iface_inet6 *x);

/*
 * Read links and IPv4 labels over rtnetlink into list (empty on entry),
 * sorted.  Returns 0, or -errno (list and *s freed) when rtnetlink is
 * refused: the caller then takes the /proc + ioctl path.
 */
int iface_snap_read(struct iface_snap *s, struct iface_list *list);
/*
 * The steps of iface_snap_read(), for the fuzz target: add one link (a
 * row) or one IPv4 address (a row for its label) to the snapshot whose
 * list is s->list; then index the labels and sort the list once.
 */
struct rtnl_link;
int iface_snap_link(const struct rtnl_link *link, void *ctx);
int iface_snap_addr(const struct rtnl_addr4 *addr, void *ctx);
void iface_snap_finish(struct iface_snap *s);
/*
 * Fill a sorted row from the snapshot as the ioctls would (the device is
 * the name up to its first ':').  Returns 0, or -ENODEV when no such
 * device was listed.
 */
int iface_snap_fetch(const struct iface_snap *s, struct iface *ifc);
/* Free the snapshot (not the list). */
void iface_snap_free(struct iface_snap *s);

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
 * Print the long (-e) block of one interface through out.c; inet6 is the
 * indexed /proc/net/if_inet6 (NULL when missing).
 */
void iface_print_long(const struct iface *ifc, const struct iface_inet6 *inet6);

#endif
