/*
 * test_unix_overlap.c - the unix_diag dump on a worker thread while the
 * main thread reads /proc/net/unix ahead, against the sequential path, on
 * this namespace's own sockets: a listener whose abstract name holds a
 * forged record, its pending connection and a pair.  Same rows both ways.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "harness.h"
#include "unix_overlap.h"

void test_group_unix_overlap(void);

#define OV_FAKE_INO 4242426u

/* The test's sockets: listener, its pending client, a pair. */
struct own {
	int fd[4];
	uint64_t ino[4];
	char name[108]; /* the listener's name as /proc prints it */
	size_t name_len;
};

struct pass {
	pthread_t main;
	bool off_main; /* the dump's callback ran on another thread */
	struct procnet_unix_known k;
	const struct own *own;
	unsigned rows[4], embryos, forged;
	char path[4][108];
};

static int
own_open(struct own *o)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int n = snprintf(sa.sun_path + 1, sizeof(sa.sun_path) - 1,
	    "nlnetstat-ov-%d\n0000000000000000: 00000002 00000000 "
	    "00010000 0001 01 %u /run/FAKE.sock",
	    (int)getpid(), OV_FAKE_INO);
	socklen_t len = (socklen_t)(sizeof(sa.sun_family) + 1 + (size_t)n);
	struct stat st;
	int pair[2];

	o->fd[0] = socket(AF_UNIX, SOCK_STREAM, 0);
	o->fd[1] = socket(AF_UNIX, SOCK_STREAM, 0);
	if (o->fd[0] < 0 || o->fd[1] < 0 ||
	    bind(o->fd[0], (struct sockaddr *)&sa, len) < 0 ||
	    listen(o->fd[0], 4) < 0 ||
	    connect(o->fd[1], (struct sockaddr *)&sa, len) < 0 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
		return -errno;
	o->fd[2] = pair[0];
	o->fd[3] = pair[1];
	for (int i = 0; i < 4; i++) {
		if (fstat(o->fd[i], &st) < 0)
			return -errno;
		o->ino[i] = st.st_ino;
	}
	o->name[0] = '@';
	memcpy(o->name + 1, sa.sun_path + 1, (size_t)n);
	o->name_len = 1 + (size_t)n;
	return 0;
}

static int
ov_note(const struct diag_unix *u, void *ctx)
{
	struct pass *p = ctx;

	if (!pthread_equal(pthread_self(), p->main))
		p->off_main = true;
	procnet_unix_known_add(&p->k, u->inode, u->type, u->state, u->name,
	    u->name_len, u->nicons);
	return 0;
}

static int
ov_sink(const struct sock_rec *r, void *ctx)
{
	struct pass *p = ctx;
	bool ours = r->path_len == p->own->name_len &&
	            memcmp(r->path, p->own->name, r->path_len) == 0;

	if (r->inode == OV_FAKE_INO)
		p->forged++;
	if (r->inode == 0 && ours)
		p->embryos++;
	for (int i = 0; i < 4; i++) {
		if (r->inode != p->own->ino[i])
			continue;
		p->rows[i]++;
		snprintf(p->path[i], sizeof(p->path[i]), "%.*s",
		    (int)r->path_len, r->path != NULL ? r->path : "");
	}
	return 0;
}

/* One pass with NLNETSTAT_UNIX_OVERLAP=mode; 0 or -errno. */
static int
ov_pass(struct diag_sock *d, const char *mode, struct pass *p, bool *read_ahead)
{
	struct unix_ahead a;
	struct procnet_result res;
	int rc;

	setenv("NLNETSTAT_UNIX_OVERLAP", mode, 1);
	p->main = pthread_self();
	rc = unix_overlap_dump(d, false, ov_note, p, &p->k, &a);
	unsetenv("NLNETSTAT_UNIX_OVERLAP");
	*read_ahead = a.fd >= 0;
	if (rc < 0) {
		unix_ahead_drop(&a);
		return rc;
	}
	return unix_ahead_join(&a, &p->k, ov_sink, p, &res);
}

static void
test_overlap_same_rows(void)
{
	struct own o = { .fd = { -1, -1, -1, -1 } };
	struct pass ov = { .own = &o }, seq = { .own = &o };
	struct diag_sock *d = NULL;
	bool ahead_ov = false, ahead_seq = true;

	if (own_open(&o) < 0 || diag_open(&d) < 0 ||
	    access("/proc/net/unix", R_OK) < 0) {
		printf("SKIP: unit: unix overlap: no UNIX sockets, sock_diag "
		       "or /proc/net/unix here\n");
		goto out;
	}
	t_begin("unix overlap: the dump on a worker gives the sequential rows");
	T_CHECK(ov_pass(d, "1", &ov, &ahead_ov) == 0);
	T_CHECK(ov_pass(d, "0", &seq, &ahead_seq) == 0);
	T_CHECK(ov.off_main && ahead_ov);     /* it did overlap */
	T_CHECK(!seq.off_main && !ahead_seq); /* and this did not */
	for (int i = 0; i < 4; i++) {
		T_CHECK(ov.rows[i] == 1 && seq.rows[i] == 1);
		T_STREQ(ov.path[i], seq.path[i]);
	}
	T_CHECK(strlen(ov.path[0]) == o.name_len);
	T_CHECK(ov.embryos == 1 && seq.embryos == 1);
	T_CHECK(ov.forged == 0 && seq.forged == 0);
	t_end();
out:
	diag_close(d);
	procnet_unix_known_free(&ov.k);
	procnet_unix_known_free(&seq.k);
	for (int i = 0; i < 4; i++)
		if (o.fd[i] >= 0)
			close(o.fd[i]);
}

void
test_group_unix_overlap(void)
{
	test_overlap_same_rows();
}
