/*
 * procnet.h - readers of /proc/net/{tcp,udp,udplite,raw}[6] and
 * /proc/net/unix.  The line parsers are pure functions (no I/O) so the unit
 * tests and fuzzers can call them directly.
 */
#ifndef NLNETSTAT_PROCNET_H
#define NLNETSTAT_PROCNET_H

#include <stdbool.h>

#include "hmap.h"
#include "sockrec.h"

/*
 * Parse one data line of an inet socket file into *r (table set by the
 * caller's argument).  Returns 0, or -EINVAL for a malformed line.
 */
int procnet_parse_inet(
    const char *line, enum sk_table table, struct sock_rec *r);

/*
 * Parse one data line of /proc/net/unix.  r->path points into line (the
 * whole rest of the line, spaces included).  Returns 0 or -EINVAL.
 */
int procnet_parse_unix(const char *line, size_t len, struct sock_rec *r);

/*
 * The fields of a /proc/net/unix record up to its inode into *r; *after
 * then points just past the inode.  Returns 0 or -EINVAL.
 */
int procnet_unix_fields(
    const char *line, struct sock_rec *r, const char **after);

/* Name of the /proc file for a table and family, relative to /proc. */
const char *procnet_path(enum sk_table table, int family);

/* Result of reading one file. */
struct procnet_result {
	unsigned long bogus;       /* malformed lines skipped */
	unsigned long first_bogus; /* 1-based line number of the first */
};

/*
 * Read a socket file below the /proc root and push every record into sink.
 * Returns 0, -errno from open or read (-ENOENT when the file is absent), or
 * the sink's negative return.  Malformed lines are counted in *res.
 */
int procnet_read(enum sk_table table, int family, sock_sink_fn sink, void *ctx,
    struct procnet_result *res);

/* One UNIX socket the kernel reported over sock_diag, for the join. */
struct procnet_unix_sock {
	uint32_t inode;    /* unix_diag's inodes are 32 bits wide */
	uint32_t name_off; /* the name's first byte in the names arena */
	uint16_t name_len; /* as /proc/net/unix prints it */
	uint8_t type;      /* SOCK_* (the kernel's byte) */
	uint8_t bits;      /* PROCNET_UNIX_* */
};

/* procnet_unix_sock.bits */
enum {
	PROCNET_UNIX_NAMED = 1,     /* bound: it has a name, maybe empty */
	PROCNET_UNIX_ACC = 2,       /* a listener: /proc's ACC flag */
	PROCNET_UNIX_CONNECTED = 4, /* /proc's St is CONNECTED */
	PROCNET_UNIX_DUP = 8,       /* a later socket has the same inode */
	PROCNET_UNIX_EMITTED = 16,  /* taken by the running join */
};

/* A named listener with embryonic connections pending. */
struct procnet_unix_listener {
	uint32_t pos;     /* in socks */
	uint32_t icons;   /* embryonic connections */
	uint32_t pending; /* of those, not yet matched by the running join */
};

/*
 * Every UNIX socket of one sock_diag dump, in the kernel's order: a fixed
 * size entry per socket, the names back to back in one arena, the few
 * listeners with pending connections aside, and an index by inode that
 * the first join sorts.
 */
struct procnet_unix_known {
	struct procnet_unix_sock *socks;
	size_t n, cap;
	char *names; /* the names arena */
	size_t names_len, names_cap;
	size_t name_max; /* the longest name */
	struct procnet_unix_listener *listeners;
	size_t nlisteners, listeners_cap;
	uint32_t *byino; /* positions in socks, by inode, then position */
	size_t nino;
	bool indexed; /* byino and the DUP bits are up to date */
};

/*
 * Add a socket: inode, type, kernel sk_state, its raw sun_path bytes
 * (name_len 0 when unbound) and pending embryonic connections.  A socket
 * no kernel can report (inode above 32 bits, a name of 64 KiB or more) is
 * not added: /proc's record of it then matches nothing.
 */
void procnet_unix_known_add(struct procnet_unix_known *k, uint64_t inode,
    uint32_t type, uint8_t sk_state, const char *name, size_t name_len,
    uint32_t pending);
void procnet_unix_known_free(struct procnet_unix_known *k);

/*
 * Index k by inode now (the first join does it otherwise), so that
 * another thread can do it while this one reads the text.
 */
void procnet_unix_known_index(struct procnet_unix_known *k);

/*
 * The /proc/net/unix text in buf (header line first, NUL after len),
 * joined with the kernel's list k: a record whose inode k holds is taken
 * only when its name is exactly the one k holds, and ends there, so a
 * name cannot smuggle in records.  Records k does not hold (inode 0:
 * embryonic connections, matched to a listener with pending connections)
 * are kept only while the reading is in step; anything else is skipped up
 * to the next line that starts a record of k.  Each inode once.  Rows get
 * k's name, type and flags and /proc's RefCnt.  Returns 0 or the sink's
 * negative return; res counts lines that parse as nothing while in step.
 */
int procnet_unix_join(const char *buf, size_t len, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res);

/*
 * procnet_unix_join over the text read from fd, through a window of
 * window bytes (grown only for a line it cannot hold), so the file is
 * never held whole; rows, their order and res are as procnet_unix_join
 * gives for the whole text.  Returns 0, -errno from read, or the sink's
 * negative return.
 */
int procnet_unix_join_fd(int fd, size_t window, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res);

/*
 * procnet_unix_join_fd when the first have bytes of the text were read
 * already into buf (NULL, or from malloc with have + 1 bytes at least;
 * taken and freed); the window holds them all at first.
 */
int procnet_unix_join_fd_after(int fd, char *buf, size_t have, size_t window,
    struct procnet_unix_known *k, sock_sink_fn sink, void *ctx,
    struct procnet_result *res);

/*
 * The window for /proc/net/unix: some 250 records of unnamed sockets
 * (the kernel hands out at most a page a read anyway).
 */
#define PROCNET_UNIX_WINDOW 16384

/*
 * Read /proc/net/unix and join it with k (procnet_unix_join_fd).  Returns
 * 0, -errno from open or read, or the sink's negative return.
 */
int procnet_read_unix_known(struct procnet_unix_known *k, sock_sink_fn sink,
    void *ctx, struct procnet_result *res);

/*
 * Without /proc/net/unix: every socket of k in the kernel's order with
 * HAVE_NO_REFCNT set, each listener followed by one embryonic row per
 * pending connection (as /proc would list them).  Returns 0 or the
 * sink's negative return.
 */
int procnet_unix_known_emit(
    const struct procnet_unix_known *k, sock_sink_fn sink, void *ctx);

#endif
