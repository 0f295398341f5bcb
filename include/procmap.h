/*
 * procmap.h - socket inode -> owning processes, built by one scan of
 * /proc/PID/fd.  Used for -p; the first owner in /proc order (lowest PID)
 * is the one netstat prints.
 */
#ifndef NLNETSTAT_PROCMAP_H
#define NLNETSTAT_PROCMAP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct procmap;

/* What the scan could and could not see. */
struct procmap_stats {
	bool proc_unreadable; /* the /proc root itself could not be read */
	unsigned long procs;  /* process directories visited */
	unsigned long denied; /* fd directories that gave EACCES */
	unsigned long
	    denied_own;        /* ...of processes with our uid (non-dumpable) */
	unsigned long sockets; /* socket fds found */
	bool partial; /* stopped once every wanted inode had an owner */
};

/* One owner of a socket. */
struct procmap_owner {
	pid_t pid;
	const char *column; /* "PID/name" cut to 19 bytes, control bytes '?' */
	const char *name;   /* the whole program name, raw bytes */
};

struct hmap;

/*
 * Scan /proc (below the NLNETSTAT_PROC_ROOT seam) and return the map in
 * *out with what was seen in *st.  Never fails: unreadable processes and
 * processes that exit mid-scan are counted or skipped.  wanted NULL scans
 * every process; a set of inodes lets the scan stop once each has its
 * first owner (then only procmap_lookup of those inodes is complete, and
 * *st counts only the processes visited).
 */
void procmap_build(
    struct procmap **out, struct procmap_stats *st, const struct hmap *wanted);

/* The -p column text of the first owner of inode, or NULL. */
const char *procmap_lookup(const struct procmap *m, uint64_t inode);

/*
 * A walk over every owner of one inode, lowest PID first, however many
 * there are (a prefork listener can have thousands).  The map must
 * outlive the walk.
 */
struct procmap_iter {
	const struct procmap *m;
	uint32_t next; /* internal */
};

/* Start a walk over the owners of inode; m may be NULL (no owners). */
void procmap_iter_init(
    struct procmap_iter *it, const struct procmap *m, uint64_t inode);

/* The next owner into *out, or false when the walk is over. */
bool procmap_iter_next(struct procmap_iter *it, struct procmap_owner *out);

/*
 * Every owner of inode, lowest PID first: fills up to max entries and
 * returns how many owners there are (max 0 just counts them).
 */
size_t procmap_owners(const struct procmap *m, uint64_t inode,
    struct procmap_owner *owners, size_t max);

void procmap_free(struct procmap *m);

/*
 * Build the -p column text from a raw /proc/PID/cmdline read (n bytes):
 * argv[0], basename only when it starts with '/', as "PID/name" cut to 19
 * bytes, control bytes as '?'.  Writes column (>= 20 bytes) and the raw
 * name (at most name_len bytes with its NUL).
 */
void procmap_format_owner(pid_t pid, const char *cmdline, size_t n,
    char *column, char *name, size_t name_len);

#endif
