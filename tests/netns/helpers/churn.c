/*
 * churn.c - test helper for the robustness suite.  In the current private
 * network namespace it opens and closes TCP connections on loopback at a
 * given rate (several worker processes, every close style), forks
 * short-lived processes that hold sockets (some re-exec under other names),
 * and can hold N idle connections.  Bounded in time; dies with its parent.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS	8
#define MAX_KIDS	64
#define MAX_HOLDS	8
#define MAX_SECS	120	/* hard bound whatever -t says */
#define RING		64	/* connections a worker keeps open a while */
#define BATCH		20	/* connections between two pacing checks */
#define TW_BUDGET	400	/* TIME_WAIT entries a worker may leave */

struct counters {
	atomic_long	conns;		/* connections opened and closed */
	atomic_long	kids;		/* short-lived processes started */
	atomic_long	errors;		/* failed connects or accepts */
};

struct hold {
	char		addr[64];
	unsigned	port;
	unsigned	count;
};

static struct counters *ctr;
static volatile sig_atomic_t stop;
static pid_t parent_pid;

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fputs("churn: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(errno));
	exit(1);
}

static void
on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000L };

	nanosleep(&ts, NULL);
}

/* Dies with the process that started it (checked after the prctl). */
static void
bind_to_parent(int sig, pid_t want_parent)
{
	if (prctl(PR_SET_PDEATHSIG, sig) == -1)
		die("prctl");
	if (getppid() != want_parent)
		raise(sig);
}

static void
linger0(int fd)
{
	struct linger l = { 1, 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
}

/* A listener on ADDR:PORT (PORT 0: any); fills *SS with its address. */
static int
listen_on(const char *addr, unsigned port, struct sockaddr_storage *ss,
    socklen_t *len)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	int one = 1, fd;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((unsigned short)port);
		*len = sizeof(*s4);
	} else if (inet_pton(AF_INET6, addr, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((unsigned short)port);
		*len = sizeof(*s6);
	} else {
		errno = EINVAL;
		die("bad address %s", addr);
	}
	fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd == -1)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)ss, *len) == -1 ||
	    listen(fd, 1024) == -1 ||
	    getsockname(fd, (struct sockaddr *)ss, len) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* One connection through listener LFD; *SRV gets the accepted end. */
static int
pair(int lfd, const struct sockaddr_storage *ss, socklen_t len, int *srv)
{
	int c = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (c == -1)
		return -1;
	if (connect(c, (const struct sockaddr *)ss, len) == -1) {
		close(c);
		return -1;
	}
	*srv = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (*srv == -1) {
		close(c);
		return -1;
	}
	return c;
}

/* ---- connection workers ------------------------------------------- */

struct ring_ent {
	int	c, s;
};

enum close_style {
	CLOSE_RESET,		/* both ends reset: nothing lingers */
	CLOSE_SERVER_FIRST,	/* server closes first, client resets */
	CLOSE_ORDERLY,		/* client closes first: TIME_WAIT (budget) */
};

static void
close_pair(int c, int s, enum close_style style, long *tw_left)
{
	switch (style) {
	case CLOSE_SERVER_FIRST:
		close(s);
		linger0(c);
		close(c);
		break;
	case CLOSE_ORDERLY:
		if (*tw_left > 0) {
			(*tw_left)--;
			close(c);
			close(s);
			break;
		}
		/* FALLTHROUGH */
	case CLOSE_RESET:
		linger0(c);
		close(c);
		linger0(s);
		close(s);
		break;
	}
}

static void __attribute__((noreturn))
worker(int idx, double rate, double deadline, int ready_fd)
{
	static const char data[512];
	struct ring_ent ring[RING];
	struct sockaddr_storage ss[2];
	socklen_t len[2];
	int lfd[2], nl = 0, r = 0, i, reported = 0;
	long n = 0, tw_left = TW_BUDGET;
	double t0 = now();

	bind_to_parent(SIGKILL, parent_pid);
	for (i = 0; i < RING; i++)
		ring[i].c = ring[i].s = -1;
	lfd[nl] = listen_on("127.0.0.1", 0, &ss[nl], &len[nl]);
	if (lfd[nl] >= 0)
		nl++;
	/* IPv6 may be disabled in the namespace: then IPv4 only. */
	lfd[nl] = listen_on("::1", 0, &ss[nl], &len[nl]);
	if (lfd[nl] >= 0)
		nl++;
	if (nl == 0)
		die("worker %d: no listener", idx);
	while (!stop && now() < deadline) {
		for (i = 0; i < BATCH; i++, n++) {
			int k = (int)(n % nl), s, c = pair(lfd[k], &ss[k],
			    len[k], &s);
			unsigned style = (unsigned)(n % 16);

			if (c == -1) {
				atomic_fetch_add(&ctr->errors, 1);
				continue;
			}
			atomic_fetch_add(&ctr->conns, 1);
			if (style == 2 || style == 9) {
				/* Kept a while, with unread data both ways. */
				send(c, data, sizeof(data), MSG_NOSIGNAL);
				send(s, data, 100, MSG_NOSIGNAL);
				if (ring[r].c >= 0)
					close_pair(ring[r].c, ring[r].s,
					    CLOSE_RESET, &tw_left);
				ring[r].c = c;
				ring[r].s = s;
				r = (r + 1) % RING;
				continue;
			}
			if (style == 5) {
				/* A half-close: FIN_WAIT/CLOSE_WAIT briefly. */
				shutdown(c, SHUT_WR);
			}
			close_pair(c, s, style == 7 ? CLOSE_ORDERLY :
			    style == 3 ? CLOSE_SERVER_FIRST : CLOSE_RESET,
			    &tw_left);
		}
		if (!reported) {
			reported = 1;
			if (write(ready_fd, "1", 1) != 1)
				die("worker ready");
			close(ready_fd);
		}
		/* Pacing: no faster than RATE connections per second. */
		double ahead = (double)n / rate - (now() - t0);
		if (ahead > 0)
			sleep_us((long)(ahead * 1e6));
	}
	_exit(0);
}

/* ---- short-lived processes ---------------------------------------- */

/* The kid's body: a few sockets of every kind, held 1-40 ms. */
static void __attribute__((noreturn))
kid_body(unsigned seed)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int l, c, s = -1, u, sp[2];

	l = listen_on("127.0.0.1", 0, &ss, &len);
	c = l >= 0 ? pair(l, &ss, len, &s) : -1;
	u = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (u >= 0) {
		struct sockaddr_in a = { 0 };

		a.sin_family = AF_INET;
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		bind(u, (struct sockaddr *)&a, sizeof(a));
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) == -1)
		sp[0] = sp[1] = -1;
	sleep_us(1000 + (long)(seed % 40) * 1000);
	/* Half of them close some descriptors before exiting. */
	if (seed & 1) {
		if (c >= 0) {
			linger0(c);
			close(c);
		}
		close(sp[0]);
	}
	(void)s;
	_exit(0);
}

static const char *const kid_names[] = {
	"churn-kid",
	"/nonexistent/dir/churn-path-kid",
	"churn-kid-with-a-rather-long-program-name",
};

static pid_t
spawn_kid(unsigned seed)
{
	pid_t me = getpid(), pid = fork();

	if (pid != 0)
		return pid;
	bind_to_parent(SIGKILL, me);
	atomic_fetch_add(&ctr->kids, 1);
	if (seed % 3 == 0) {
		char s[32];
		const char *argv0 = kid_names[(seed / 3) % 3];
		char *args[] = { (char *)argv0, "-K", s, NULL };

		snprintf(s, sizeof(s), "%u", seed);
		execv("/proc/self/exe", args);
		_exit(1);
	}
	kid_body(seed);
}

/* ---- main process ------------------------------------------------- */

static int
parse_hold(const char *arg, struct hold *h)
{
	const char *p = strrchr(arg, ':'), *q;
	size_t alen;

	if (p == NULL)
		return -1;
	h->count = (unsigned)strtoul(p + 1, NULL, 10);
	for (q = p - 1; q > arg && *q != ':'; q--)
		;
	if (q <= arg)
		return -1;
	h->port = (unsigned)strtoul(q + 1, NULL, 10);
	alen = (size_t)(q - arg);
	if (alen >= sizeof(h->addr) || h->port > 65535)
		return -1;
	memcpy(h->addr, arg, alen);
	h->addr[alen] = '\0';
	return 0;
}

static void
raise_nofile(rlim_t want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < want) {
		rl.rlim_cur = want < rl.rlim_max ? want : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* Opens H's listener and its H->count connections; all stay open. */
static void
hold_open(const struct hold *h)
{
	struct sockaddr_storage ss;
	socklen_t len;
	unsigned i;
	int l = listen_on(h->addr, h->port, &ss, &len), s;

	if (l == -1)
		die("listen %s port %u", h->addr, h->port);
	for (i = 0; i < h->count; i++)
		if (pair(l, &ss, len, &s) == -1)
			die("hold connection %u to %s port %u", i, h->addr,
			    h->port);
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr,
	    "usage: churn [-t SECS] [-r CONNS_PER_SEC] [-w WORKERS] [-k KIDS]\n"
	    "             [-H ADDR:PORT:N]... [-R READYFILE] [-s STATSFILE]\n"
	    "  -H  listen on ADDR:PORT and hold N connections to it\n"
	    "  -R  written once everything runs; -s gets the counts at exit\n");
	exit(2);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) == EOF)
		die("%s", path);
}

int
main(int argc, char **argv)
{
	struct hold holds[MAX_HOLDS];
	pid_t workers[MAX_WORKERS], kids[MAX_KIDS];
	const char *ready = NULL, *stats = NULL;
	double secs = 60, rate = 3000, deadline;
	int opt, nworkers = 2, maxkids = 16, nholds = 0, i, p[2];
	unsigned seed = 1, kid_seed = 0;
	int kid_mode = 0;
	char buf[160];

	while ((opt = getopt(argc, argv, "t:r:w:k:H:R:s:K:")) != -1) {
		switch (opt) {
		case 't': secs = atof(optarg); break;
		case 'r': rate = atof(optarg); break;
		case 'w': nworkers = atoi(optarg); break;
		case 'k': maxkids = atoi(optarg); break;
		case 'H':
			if (nholds == MAX_HOLDS ||
			    parse_hold(optarg, &holds[nholds++]) == -1)
				usage();
			break;
		case 'R': ready = optarg; break;
		case 's': stats = optarg; break;
		case 'K': kid_mode = 1; kid_seed = (unsigned)atol(optarg); break;
		default: usage();
		}
	}
	if (optind != argc || secs <= 0 || rate <= 0 || nworkers < 0 ||
	    nworkers > MAX_WORKERS || maxkids < 0 || maxkids > MAX_KIDS)
		usage();
	if (kid_mode)
		kid_body(kid_seed);	/* the re-executed kid: alarm kept */
	if (secs > MAX_SECS)
		secs = MAX_SECS;
	/* The failsafe: whatever happens, nothing outlives this by much. */
	alarm((unsigned)secs + 10);
	parent_pid = getppid();
	bind_to_parent(SIGTERM, parent_pid);
	parent_pid = getpid();
	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	signal(SIGPIPE, SIG_IGN);
	ctr = mmap(NULL, sizeof(*ctr), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ctr == MAP_FAILED)
		die("mmap");
	deadline = now() + secs;

	unsigned long need = 64;
	for (i = 0; i < nholds; i++)
		need += 2UL * holds[i].count + 1;
	raise_nofile(need);
	for (i = 0; i < nholds; i++)
		hold_open(&holds[i]);

	if (pipe2(p, O_CLOEXEC) == -1)
		die("pipe");
	for (i = 0; i < nworkers; i++) {
		workers[i] = fork();
		if (workers[i] == -1)
			die("fork");
		if (workers[i] == 0) {
			close(p[0]);
			worker(i, rate / nworkers, deadline, p[1]);
		}
	}
	close(p[1]);
	for (i = 0; i < nworkers; i++) {
		struct pollfd pfd = { p[0], POLLIN, 0 };
		char c;

		if (poll(&pfd, 1, 10000) != 1 || read(p[0], &c, 1) != 1) {
			errno = ETIMEDOUT;
			die("worker %d not ready", i);
		}
	}
	close(p[0]);
	if (ready != NULL) {
		snprintf(buf, sizeof(buf), "ready %ld\n", (long)getpid());
		write_file(ready, buf);
	}

	for (i = 0; i < maxkids; i++)
		kids[i] = 0;
	while (!stop && now() < deadline) {
		pid_t w;
		int st;

		while ((w = waitpid(-1, &st, WNOHANG)) > 0)
			for (i = 0; i < maxkids; i++)
				if (kids[i] == w)
					kids[i] = 0;
		for (i = 0; i < maxkids; i++) {
			if (kids[i] != 0)
				continue;
			seed = seed * 1103515245u + 12345u;
			kids[i] = spawn_kid(seed >> 8);
			if (kids[i] == -1)
				kids[i] = 0;
			/* Some are killed mid-life instead of exiting. */
			else if ((seed >> 8) % 7 == 0)
				kill(kids[i], SIGKILL);
		}
		sleep_us(2000);
	}
	for (i = 0; i < nworkers; i++)
		kill(workers[i], SIGKILL);
	for (i = 0; i < maxkids; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGKILL);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	if (stats != NULL) {
		snprintf(buf, sizeof(buf), "conns %ld kids %ld errors %ld\n",
		    atomic_load(&ctr->conns), atomic_load(&ctr->kids),
		    atomic_load(&ctr->errors));
		write_file(stats, buf);
	}
	return 0;
}
