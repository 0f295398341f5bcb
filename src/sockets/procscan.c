/*
 * procscan.c - the /proc fd walk for -p, in parallel.  PIDs are listed
 * once, cut into chunks of consecutive PIDs, and threads take chunks from
 * an atomic counter; each chunk keeps its own results, and the chunks are
 * joined in order afterwards, so /proc order holds.  Given the inodes that
 * will be printed, the walk stops once a finished prefix of processes owns
 * them all (the only lock: taken once per process, only in that mode).
 */
#include "procscan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "hmap.h"
#include "util.h"

#define CHUNK_PIDS 32
/* Below this many processes a thread costs more than it saves. */
#define THREADED_MIN_PIDS 64

struct chunk {
	bool done;
	struct procscan_proc *procs;
	size_t nprocs, procs_cap;
	uint64_t *inodes;
	size_t ninodes, inodes_cap;
	size_t counted; /* inodes already checked against the wanted set */
	unsigned long visited, denied, denied_own, sockets;
};

struct job {
	int procfd;
	const int *pids;
	size_t npids;
	struct chunk *chunks;
	size_t nchunks;
	atomic_size_t next;
	/* Early stop: NULL wanted means walk every process. */
	const struct hmap *wanted;
	struct hmap found; /* wanted inodes owned within the prefix */
	size_t prefix;     /* chunks 0..prefix-1 are done and counted */
	atomic_bool stop;
	pthread_mutex_t lock;
};

static void
chunk_inode(struct chunk *c, uint64_t inode)
{
	c->inodes = xgrow(
	    c->inodes, &c->inodes_cap, c->ninodes, sizeof(*c->inodes), 256);
	c->inodes[c->ninodes++] = inode;
}

/* Real uid of a process from /proc/PID/status, or -1. */
static long
real_uid(int procfd, int pid)
{
	char path[64], buf[4096];
	uint64_t uid;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%d/status", pid);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	const char *p = strstr(buf, "\nUid:");
	if (p == NULL)
		return -1;
	p = util_skip_blanks(p + 5);
	return util_parse_u64(&p, 10, &uid) ? (long)uid : -1;
}

/* The command line, or NULL when it cannot be opened (as netstat, the
 * process then owns nothing: gone, or no descriptor left). */
static char *
read_cmdline(int procfd, int pid, size_t *len)
{
	char path[64];
	char *buf;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%d/cmdline", pid);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	buf = xmalloc(PROCSCAN_CMDLINE_MAX);
	n = read(fd, buf, PROCSCAN_CMDLINE_MAX);
	close(fd);
	*len = n > 0 ? (size_t)n : 0; /* exiting process: an empty name */
	return buf;
}

/* The socket inodes of one process's fd directory, into the chunk. */
static void
scan_fd_dir(struct chunk *c, int fdfd, size_t *found)
{
	union procscan_dents dbuf;
	char link[64];
	long n;

	while ((n = getdents64(fdfd, dbuf.bytes, sizeof(dbuf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d =
			    (struct dirent64 *)(dbuf.bytes + off);
			off += d->d_reclen;
			if (d->d_name[0] < '0' || d->d_name[0] > '9')
				continue;
			ssize_t len =
			    readlinkat(fdfd, d->d_name, link, sizeof(link));
			uint64_t inode;
			if (len <= 0 || (size_t)len >= sizeof(link) ||
			    !procscan_parse_link(link, (size_t)len, &inode))
				continue;
			chunk_inode(c, inode);
			(*found)++;
		}
	}
}

static void
scan_pid(struct chunk *c, int procfd, int pid)
{
	char path[64];
	size_t first = c->ninodes, found = 0;

	c->visited++;
	snprintf(path, sizeof(path), "%d/fd", pid);
	int fdfd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fdfd < 0) {
		if (errno == EACCES) {
			c->denied++;
			if (real_uid(procfd, pid) == (long)geteuid())
				c->denied_own++;
		}
		return; /* gone (ENOENT) or not ours */
	}
	scan_fd_dir(c, fdfd, &found);
	/*
	 * The command line is read with the fd directory still open, as
	 * netstat reads it: at a low descriptor limit both find the same
	 * owners (none when three descriptors are not free).
	 */
	size_t cmdline_len = 0;
	char *cmdline =
	    found > 0 ? read_cmdline(procfd, pid, &cmdline_len) : NULL;
	close(fdfd);
	if (cmdline == NULL) {
		c->ninodes = first;
		return;
	}
	c->sockets += found;
	c->procs =
	    xgrow(c->procs, &c->procs_cap, c->nprocs, sizeof(*c->procs), 8);
	struct procscan_proc *p = &c->procs[c->nprocs++];
	p->pid = pid;
	p->cmdline = cmdline;
	p->cmdline_len = cmdline_len;
	/* An offset until the chunk stops growing; a pointer after the join. */
	p->inodes = (const uint64_t *)(uintptr_t)first;
	p->ninodes = found;
}

/* Note the wanted inodes of a prefix chunk not yet counted (lock held). */
static void
prefix_count(struct job *j, struct chunk *c)
{
	for (; c->counted < c->ninodes; c->counted++) {
		uint64_t inode = c->inodes[c->counted];
		if (hmap_u64_get(j->wanted, inode, NULL))
			hmap_u64_put(&j->found, inode, 1);
	}
}

/*
 * Extend the done prefix and count what it owns, plus the processes chunk
 * k (the caller's own, so not growing meanwhile) has finished so far if
 * every earlier chunk is done; SIZE_MAX for no such chunk (lock held).  Once
 * the prefix owns every wanted inode, later processes cannot change a
 * first owner (they have higher PIDs), so the walk may stop.
 */
static void
prefix_advance(struct job *j, size_t k)
{
	while (j->prefix < j->nchunks && j->chunks[j->prefix].done)
		prefix_count(j, &j->chunks[j->prefix++]);
	if (j->prefix == k)
		prefix_count(j, &j->chunks[k]);
	if (j->found.count == j->wanted->count)
		atomic_store(&j->stop, true);
}

/*
 * One process of chunk k is finished.  Checked per process, not per
 * chunk: a daemon's listeners are often followed by busy neighbours with
 * adjacent PIDs in the same chunk, and those are what the stop saves.
 */
static void
pid_done(struct job *j, size_t k)
{
	/* Locked even without new inodes: an earlier chunk may have ended. */
	if (j->wanted == NULL)
		return;
	pthread_mutex_lock(&j->lock);
	prefix_advance(j, k);
	pthread_mutex_unlock(&j->lock);
}

/* Chunk k is finished, or abandoned after a stop. */
static void
chunk_done(struct job *j, size_t k)
{
	if (j->wanted == NULL)
		return;
	pthread_mutex_lock(&j->lock);
	j->chunks[k].done = true;
	prefix_advance(j, SIZE_MAX);
	pthread_mutex_unlock(&j->lock);
}

static void *
worker(void *arg)
{
	struct job *j = arg;
	size_t k;

	while (!atomic_load(&j->stop) &&
	       (k = atomic_fetch_add(&j->next, 1)) < j->nchunks) {
		size_t lo = k * CHUNK_PIDS;
		size_t hi =
		    lo + CHUNK_PIDS < j->npids ? lo + CHUNK_PIDS : j->npids;
		for (size_t i = lo; i < hi && !atomic_load(&j->stop); i++) {
			scan_pid(&j->chunks[k], j->procfd, j->pids[i]);
			pid_done(j, k);
		}
		chunk_done(j, k);
	}
	return NULL;
}

static int
pid_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * Our PID as the tree names it: /proc/self, so a /proc of another PID
 * namespace is read right, and a fixture tree (no "self") skips nobody;
 * getpid() would hide whichever fixture process happened to share it.
 */
static int
self_pid(int procfd)
{
	char buf[32];
	ssize_t n = readlinkat(procfd, "self", buf, sizeof(buf) - 1);

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	int pid = atoi(buf);
	return pid > 0 ? pid : -1;
}

/*
 * PIDs of /proc in ascending order, without our own.  /proc lists them so
 * already (netstat's "first owner" is the lowest PID); sorting keeps that
 * true for fixture trees on ordinary filesystems too.
 */
static int *
list_pids(int procfd, size_t *n, bool *unreadable)
{
	union procscan_dents dbuf;
	int *pids = NULL, self = self_pid(procfd);
	size_t cap = 0;
	long got;

	/* Listed through procfd itself: no second descriptor. */
	*n = 0;
	if (lseek(procfd, 0, SEEK_SET) < 0) {
		*unreadable = true;
		return NULL;
	}
	while ((got = getdents64(procfd, dbuf.bytes, sizeof(dbuf))) > 0) {
		for (long off = 0; off < got;) {
			struct dirent64 *d =
			    (struct dirent64 *)(dbuf.bytes + off);
			const char *s = d->d_name;
			off += d->d_reclen;
			if (*s < '1' || *s > '9' ||
			    strspn(s, "0123456789") != strlen(s))
				continue;
			int pid = atoi(s);
			if (pid == self)
				continue; /* our diag socket is never a row */
			if (*n == cap) {
				cap = cap ? cap * 2 : 1024;
				pids = xrealloc(pids, cap * sizeof(*pids));
			}
			pids[(*n)++] = pid;
		}
	}
	if (got < 0 && *n == 0)
		*unreadable = true;
	if (*n > 1)
		qsort(pids, *n, sizeof(*pids), pid_cmp);
	return pids;
}

static void
run_threads(struct job *j, unsigned threads)
{
	pthread_t tid[4];
	unsigned started = 0;

	if (threads > 4)
		threads = 4;
	/* The calling thread works too; a failed create only loses speed. */
	for (unsigned t = 1; t < threads; t++)
		if (pthread_create(&tid[started], NULL, worker, j) == 0)
			started++;
	worker(j);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

/* Join the chunks in order into one list; inode offsets become pointers. */
static void
join_chunks(struct job *j, struct procscan *out)
{
	size_t total = 0;

	for (size_t k = 0; k < j->nchunks; k++)
		total += j->chunks[k].nprocs;
	out->procs = xcalloc(total ? total : 1, sizeof(*out->procs));
	for (size_t k = 0; k < j->nchunks; k++) {
		struct chunk *c = &j->chunks[k];
		for (size_t i = 0; i < c->nprocs; i++) {
			struct procscan_proc p = c->procs[i];
			p.inodes = c->inodes + (uintptr_t)p.inodes;
			out->procs[out->nprocs++] = p;
		}
		out->visited += c->visited;
		out->denied += c->denied;
		out->denied_own += c->denied_own;
		out->sockets += c->sockets;
	}
}

void
procscan_run(int procfd, unsigned threads, const struct hmap *wanted,
    struct procscan *out)
{
	struct job *j = xcalloc(1, sizeof(*j));
	int *pids;

	memset(out, 0, sizeof(*out));
	pids = list_pids(procfd, &j->npids, &out->unreadable);
	j->procfd = procfd;
	j->pids = pids;
	j->nchunks = (j->npids + CHUNK_PIDS - 1) / CHUNK_PIDS;
	j->chunks = xcalloc(j->nchunks ? j->nchunks : 1, sizeof(*j->chunks));
	atomic_init(&j->next, 0);
	j->wanted = wanted;
	atomic_init(&j->stop, wanted != NULL && wanted->count == 0);
	pthread_mutex_init(&j->lock, NULL);
	if (threads > 1 && j->npids >= THREADED_MIN_PIDS)
		run_threads(j, threads);
	else
		worker(j);
	out->stopped_early = atomic_load(&j->stop);
	pthread_mutex_destroy(&j->lock);
	hmap_free(&j->found);
	join_chunks(j, out);
	free(pids);
	out->mem = j;
}

void
procscan_free(struct procscan *s)
{
	struct job *j = s->mem;

	for (size_t i = 0; i < s->nprocs; i++)
		free(s->procs[i].cmdline);
	free(s->procs);
	if (j != NULL) {
		for (size_t k = 0; k < j->nchunks; k++) {
			free(j->chunks[k].procs);
			free(j->chunks[k].inodes);
		}
		free(j->chunks);
		free(j);
	}
	memset(s, 0, sizeof(*s));
}

unsigned
procscan_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	struct rlimit rl;

	/* Few descriptors: one walker, so owners are what netstat finds. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 64)
		return 1;
	return n < 1 ? 1 : n > 4 ? 4 : (unsigned)n;
}

bool
procscan_parse_link(const char *target, size_t len, uint64_t *inode)
{
	char t[64];
	const char *p;

	/* Work on a NUL-terminated copy: link texts are not terminated. */
	if (len >= sizeof(t))
		return false;
	memcpy(t, target, len);
	t[len] = '\0';
	if (len > 8 && memcmp(t, "socket:[", 8) == 0) {
		p = t + 8;
		return util_parse_u64(&p, 10, inode) && p[0] == ']' &&
		       p[1] == '\0';
	}
	if (len > 7 && memcmp(t, "[0000]:", 7) == 0) {
		p = t + 7;
		return util_parse_u64(&p, 10, inode) && *p == '\0';
	}
	return false;
}
