/*
 * procscan.h - the /proc/PID/fd walk behind -p, split over up to four
 * threads: the per-descriptor cost is kernel work (instantiating the fd
 * entry, the ptrace check), so on a many-core host the scan parallelises.
 * Results come back in /proc order, so the lowest PID still wins.
 */
#ifndef NLNETSTAT_PROCSCAN_H
#define NLNETSTAT_PROCSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* One process that holds at least one socket. */
struct procscan_proc {
	pid_t pid;
	char *cmdline; /* raw /proc/PID/cmdline, at most 511 bytes */
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

struct u64map;

/*
 * Walk every /proc/PID/fd below procfd except our own process and fill
 * *out.  Never fails: vanished and unreadable processes are counted or
 * skipped.  threads <= 1 (or few processes) scans on the calling thread.
 * With wanted (a set of socket inodes, values ignored) the walk may stop
 * once processes in ascending PID order own every wanted inode: the first
 * owner of each stays right, later owners and the counts may be missing.
 */
void procscan_run(int procfd, unsigned threads, const struct u64map *wanted,
    struct procscan *out);
void procscan_free(struct procscan *s);

/* Threads worth using here: the online CPUs, at most 4. */
unsigned procscan_threads(void);

#endif
