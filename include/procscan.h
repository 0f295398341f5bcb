/*
 * procscan.h - the /proc/PID/fd walk behind -p, split over up to four
 * threads: the per-descriptor cost is kernel work (instantiating the fd
 * entry, the ptrace check), so on a many-core host the scan parallelises.
 * Results come back in /proc order, so the lowest PID still wins.
 */
#ifndef NLNETSTAT_PROCSCAN_H
#define NLNETSTAT_PROCSCAN_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* net-tools reads at most this much of /proc/PID/cmdline. */
#define PROCSCAN_CMDLINE_MAX 511

/*
 * A getdents64 buffer.  The kernel writes struct dirent64 records (each
 * d_reclen a multiple of 8) from its first byte, and the walk reads them
 * through struct dirent64 pointers: the buffer must be aligned for that
 * type, which a plain char array is not guaranteed to be.
 */
union procscan_dents {
	struct dirent64 first;
	char bytes[32768];
};

/* One process that holds at least one socket. */
struct procscan_proc {
	pid_t pid;
	char *cmdline; /* raw /proc/PID/cmdline, at most PROCSCAN_CMDLINE_MAX */
	size_t cmdline_len;
	const uint64_t *inodes; /* its socket inodes, in fd order */
	size_t ninodes;
};

struct procscan {
	struct procscan_proc *procs; /* in /proc (ascending PID) order */
	size_t nprocs;
	unsigned long visited;    /* process directories seen */
	unsigned long denied;     /* fd directories that gave EACCES */
	unsigned long denied_own; /* ...of processes with our uid */
	unsigned long sockets;    /* socket descriptors found */
	bool unreadable;          /* the /proc root could not be listed */
	bool stopped_early;       /* the wanted inodes were all owned */
	void *mem;                /* chunk storage, freed by procscan_free */
};

struct hmap;

/*
 * Walk every /proc/PID/fd below procfd except our own process and fill
 * *out.  Never fails: vanished and unreadable processes are counted or
 * skipped.  threads <= 1 (or few processes) scans on the calling thread.
 * With wanted (a set of socket inodes, values ignored) the walk may stop
 * once processes in ascending PID order own every wanted inode: the first
 * owner of each stays right, later owners and the counts may be missing.
 */
void procscan_run(int procfd, unsigned threads, const struct hmap *wanted,
    struct procscan *out);
void procscan_free(struct procscan *s);

/* Threads worth using here: the online CPUs, at most 4. */
unsigned procscan_threads(void);

/*
 * Parse a /proc/PID/fd link target: "socket:[N]" or the old "[0000]:N".
 * Returns true with *inode set when it names a socket.
 */
bool procscan_parse_link(const char *target, size_t len, uint64_t *inode);

#endif
