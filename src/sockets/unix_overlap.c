/*
 * unix_overlap.c - the unix_diag dump on a worker thread while the main
 * thread opens /proc/net/unix (in its own namespace) and reads it ahead.
 * The worker only receives the replies into the caller's list and prints
 * nothing; the thread is made only after the request went out and the
 * file opened, so any failure leaves the sequential order: dump, then read.
 */
#include "unix_overlap.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

/*
 * Read ahead at most this much (at 10,000 sockets some 300 KiB are read
 * while the dump runs); past it the main thread waits for the dump, and
 * the join goes on through its small window.
 */
#define AHEAD_MAX (512 * 1024)

struct unix_worker {
	struct diag_sock *d;
	int (*fn)(const struct diag_unix *u, void *ctx);
	void *ctx;
	struct procnet_unix_known *k; /* indexed after the dump, or NULL */
	int rc;
	atomic_bool done;
};

static void *
worker_run(void *arg)
{
	struct unix_worker *w = arg;

	w->rc = diag_unix_dump_finish(w->d, w->fn, w->ctx);
	if (w->rc == 0 && w->k != NULL)
		procnet_unix_known_index(w->k);
	atomic_store_explicit(&w->done, true, memory_order_release);
	return NULL;
}

/* NLNETSTAT_UNIX_OVERLAP=0 never, =1 always; else with 2+ CPUs to use. */
static bool
overlap_wanted(void)
{
	const char *s = util_env("UNIX_OVERLAP");
	cpu_set_t set;

	if (s != NULL && (strcmp(s, "0") == 0 || strcmp(s, "1") == 0))
		return s[0] == '1';
	return sched_getaffinity(0, sizeof(set), &set) == 0 &&
	       CPU_COUNT(&set) >= 2;
}

/* The worker, with every signal blocked: they stay the main thread's. */
static bool
worker_start(pthread_t *t, struct unix_worker *w)
{
	sigset_t all, old;
	int rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(t, NULL, worker_run, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc == 0;
}

/*
 * Read while the worker runs, up to AHEAD_MAX.  The end of the file or a
 * read error stops it: the join then reads on (and meets the error).
 */
static void
ahead_read(struct unix_ahead *a, struct unix_worker *w)
{
	while (a->len < AHEAD_MAX &&
	       !atomic_load_explicit(&w->done, memory_order_acquire)) {
		a->buf = xgrow(a->buf, &a->cap, a->len + 4096, 1, 65536);
		ssize_t got = read(a->fd, a->buf + a->len, a->cap - a->len - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		a->len += (size_t)got;
	}
}

int
unix_overlap_dump(struct diag_sock *d, bool peers,
    int (*fn)(const struct diag_unix *u, void *ctx), void *ctx,
    struct procnet_unix_known *k, struct unix_ahead *a)
{
	struct unix_worker w = { d, fn, ctx, k, 0, false };
	pthread_t t;
	int rc;

	*a = UNIX_AHEAD_NONE;
	if (!overlap_wanted())
		return diag_unix_dump(d, peers, fn, ctx);
	if ((rc = diag_unix_dump_start(d, peers)) < 0)
		return rc;
	a->fd = util_proc_open(procnet_path(SKT_UNIX, AF_UNIX));
	if (a->fd < 0 || !worker_start(&t, &w)) {
		unix_ahead_drop(a); /* read later, after the dump, as usual */
		return diag_unix_dump_finish(d, fn, ctx);
	}
	ahead_read(a, &w);
	pthread_join(t, NULL);
	return w.rc;
}

int
unix_ahead_join(struct unix_ahead *a, struct procnet_unix_known *k,
    sock_sink_fn sink, void *ctx, struct procnet_result *res)
{
	int rc;

	if (a->fd < 0) {
		unix_ahead_drop(a);
		return procnet_read_unix_known(k, sink, ctx, res);
	}
	rc = procnet_unix_join_fd_after(
	    a->fd, a->buf, a->len, PROCNET_UNIX_WINDOW, k, sink, ctx, res);
	a->buf = NULL;
	unix_ahead_drop(a);
	return rc;
}

void
unix_ahead_drop(struct unix_ahead *a)
{
	if (a->fd >= 0)
		close(a->fd);
	free(a->buf);
	*a = UNIX_AHEAD_NONE;
}
