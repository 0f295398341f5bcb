/*
 * bench-gen.c - socket population for scripts/bench.  Inside a private
 * network namespace it opens N loopback TCP connection pairs (a share over
 * ::1), listeners, UDP sockets, UNIX socketpairs, TIME_WAIT sockets and extra
 * non-socket fds, spread over worker processes so that none exceeds its
 * open-file limit, reports "READY ..." and holds everything until killed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PORT_CONN4 5000  /* listeners that carry the connections (v4) */
#define PORT_CONN6 6000  /* same, on ::1 */
#define PORT_IDLE 7000   /* idle listeners on the wildcard addresses */
#define PORT_TW 9000     /* listener used to make TIME_WAIT sockets */
#define PER_CLIENT_ADDR 8000 /* connections per 127.1.x.y source address */
#define TW_PERIOD 20     /* seconds between TIME_WAIT top-ups */
#define FD_MARGIN 64     /* fds kept free in every process */
#define MAX_PROCS 4096

struct config {
	long pairs;         /* TCP connection pairs */
	long pct6;          /* percent of the pairs over ::1 */
	long conn_listeners; /* listeners the pairs connect to, per family */
	long idle_listeners; /* extra listeners with no connections */
	long udp;           /* UDP sockets; every other one connected */
	long unixpairs;     /* UNIX stream socketpairs */
	long timewait;      /* TIME_WAIT sockets kept alive */
	long extra_fds;     /* non-socket fds (/dev/null duplicates) */
	long procs;         /* worker processes (raised when fds demand it) */
	bool single_peer;   /* every pair 127.0.0.2 -> 127.0.0.3:5000 */
	const char *ready_file;
};

/* Listener fds shared by all workers (created before fork). */
static int *lis4, *lis6;
static long nlis4, nlis6;
static pid_t children[MAX_PROCS + 1];
static long nchildren;
static volatile sig_atomic_t stop_sig;

static void
die(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	fprintf(stderr, "bench-gen[%d]: ", (int)getpid());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	exit(1);
}

static void
on_signal(int sig)
{
	stop_sig = sig;
}

/* Writes a per-netns sysctl; failures only warn. */
static void
sysctl_set(const char *name, const char *value)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/%s", name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, value, strlen(value)) < 0)
		fprintf(stderr, "bench-gen: warning: cannot set %s: %s\n", name,
		    strerror(errno));
	if (fd >= 0)
		close(fd);
}

/*
 * Refuses to run outside a private network namespace, so that sysctls and
 * sockets never touch the host's: the namespace must not be PID 1's and
 * must hold no interface but lo (a fresh "unshare -n").
 */
static void
require_private_netns(void)
{
	struct stat self, init;
	char line[256];
	bool alone = true;
	FILE *f;

	if (stat("/proc/self/ns/net", &self) < 0)
		die("stat /proc/self/ns/net");
	if (stat("/proc/1/ns/net", &init) == 0 && self.st_ino == init.st_ino &&
	    self.st_dev == init.st_dev)
		alone = false;
	if ((f = fopen("/proc/net/dev", "r")) == NULL)
		die("open /proc/net/dev");
	while (fgets(line, sizeof(line), f) != NULL) {
		char *colon = strchr(line, ':'), *name = line;
		if (colon == NULL)
			continue;
		*colon = '\0';
		while (*name == ' ')
			name++;
		if (strcmp(name, "lo") != 0)
			alone = false;
	}
	fclose(f);
	if (!alone) {
		fprintf(stderr, "bench-gen: run me inside a private network "
				"namespace with only lo (unshare -n)\n");
		exit(2);
	}
}

static rlim_t
raise_nofile(void)
{
	struct rlimit rl;
	long nr_open = 1048576;
	FILE *f = fopen("/proc/sys/fs/nr_open", "r");

	if (f != NULL) {
		if (fscanf(f, "%ld", &nr_open) != 1)
			nr_open = 1048576;
		fclose(f);
	}
	rl.rlim_cur = rl.rlim_max = (rlim_t)nr_open;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
		if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
			die("getrlimit");
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
			die("setrlimit");
	}
	return rl.rlim_cur;
}

static void
sin4(struct sockaddr_in *a, uint32_t host_order_addr, unsigned port)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(host_order_addr);
	a->sin_port = htons((uint16_t)port);
}

static void
sin6(struct sockaddr_in6 *a, const struct in6_addr *addr, unsigned port)
{
	memset(a, 0, sizeof(*a));
	a->sin6_family = AF_INET6;
	a->sin6_addr = *addr;
	a->sin6_port = htons((uint16_t)port);
}

static int
tcp_listen(int family, const struct sockaddr *sa, socklen_t len)
{
	int one = 1;
	int s = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		die("socket");
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (family == AF_INET6)
		setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(s, sa, len) < 0)
		die("bind listener");
	if (listen(s, 4096) < 0)
		die("listen");
	return s;
}

static void
make_listeners(const struct config *c)
{
	struct sockaddr_in a4;
	struct sockaddr_in6 a6;
	uint32_t where = c->single_peer ? 0x7f000003 : 0x7f000001;

	nlis4 = c->single_peer ? 1 : c->conn_listeners;
	nlis6 = c->single_peer ? 1 : c->conn_listeners;
	lis4 = calloc((size_t)nlis4, sizeof(int));
	lis6 = calloc((size_t)nlis6, sizeof(int));
	if (lis4 == NULL || lis6 == NULL)
		die("calloc");
	for (long i = 0; i < nlis4; i++) {
		sin4(&a4, where, PORT_CONN4 + (unsigned)i);
		lis4[i] = tcp_listen(AF_INET, (struct sockaddr *)&a4, sizeof(a4));
	}
	for (long i = 0; i < nlis6; i++) {
		unsigned port = (c->single_peer ? PORT_CONN4 : PORT_CONN6) +
		    (unsigned)i;
		sin6(&a6, &in6addr_loopback, port);
		lis6[i] = tcp_listen(AF_INET6, (struct sockaddr *)&a6, sizeof(a6));
	}
	/* Idle listeners: wildcard v4 and v6, alternating. */
	for (long i = 0; i < c->idle_listeners; i++) {
		if (i % 2 == 0) {
			sin4(&a4, INADDR_ANY, PORT_IDLE + (unsigned)i);
			tcp_listen(AF_INET, (struct sockaddr *)&a4, sizeof(a4));
		} else {
			sin6(&a6, &in6addr_any, PORT_IDLE + (unsigned)i);
			tcp_listen(AF_INET6, (struct sockaddr *)&a6, sizeof(a6));
		}
	}
}

/*
 * Closing with linger 0 sends RST: killing the generator leaves no
 * TIME_WAIT behind to pollute the next population.
 */
static void
abortive_close(int fd)
{
	struct linger lg = {1, 0};

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
}

/* Connects one pair to listener l and accepts it (any worker's). */
static void
tcp_pair(const struct config *c, long g)
{
	int one = 1, s, a;
	bool v6 = (g % 100) < c->pct6;

	if (v6) {
		struct sockaddr_in6 dst;
		long li = g % nlis6;
		unsigned port = (c->single_peer ? PORT_CONN4 : PORT_CONN6) +
		    (unsigned)li;
		s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s < 0)
			die("socket v6 client");
		sin6(&dst, &in6addr_loopback, port);
		if (connect(s, (struct sockaddr *)&dst, sizeof(dst)) < 0)
			die("connect [::1]:%u", port);
		if ((a = accept4(lis6[li], NULL, NULL, SOCK_CLOEXEC)) < 0)
			die("accept v6");
		abortive_close(s);
		abortive_close(a);
		return;
	}
	struct sockaddr_in src, dst;
	long li = g % nlis4;
	uint32_t from = c->single_peer ? 0x7f000002 :
	    0x7f010001 + (uint32_t)(g / PER_CLIENT_ADDR);
	uint32_t to = c->single_peer ? 0x7f000003 : 0x7f000001;
	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		die("socket v4 client");
	/* The port is chosen at connect time, per 4-tuple. */
	setsockopt(s, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof(one));
	sin4(&src, from, 0);
	if (bind(s, (struct sockaddr *)&src, sizeof(src)) < 0)
		die("bind client");
	sin4(&dst, to, PORT_CONN4 + (unsigned)li);
	if (connect(s, (struct sockaddr *)&dst, sizeof(dst)) < 0)
		die("connect port %ld (pair %ld)", PORT_CONN4 + li, g);
	if ((a = accept4(lis4[li], NULL, NULL, SOCK_CLOEXEC)) < 0)
		die("accept v4");
	abortive_close(s);
	abortive_close(a);
}

static void
udp_socket(long i)
{
	struct sockaddr_in a;
	struct sockaddr_in6 a6;
	socklen_t len = sizeof(a);
	static struct sockaddr_in prev;
	static bool have_prev;
	int s;

	if (i % 10 == 9) {
		s = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		sin6(&a6, &in6addr_loopback, 0);
		if (s < 0 || bind(s, (struct sockaddr *)&a6, sizeof(a6)) < 0)
			die("udp6");
		return;
	}
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	sin4(&a, 0x7f020001, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("udp bind");
	if (have_prev && i % 2 == 1) {
		if (connect(s, (struct sockaddr *)&prev, sizeof(prev)) < 0)
			die("udp connect");
		return;
	}
	if (getsockname(s, (struct sockaddr *)&prev, &len) < 0)
		die("getsockname");
	have_prev = true;
}

static void
unix_listener(long k)
{
	struct sockaddr_un a;
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int n;

	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	/* Abstract name: per netns, nothing to clean up on disk. */
	n = snprintf(a.sun_path + 1, sizeof(a.sun_path) - 1, "bench-gen-%ld", k);
	if (s < 0 || bind(s, (struct sockaddr *)&a,
			 (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n)) < 0 ||
	    listen(s, 16) < 0)
		die("unix listener");
}

static void
extra_fds(long n)
{
	int base = open("/dev/null", O_RDONLY | O_CLOEXEC);

	if (base < 0)
		die("open /dev/null");
	for (long i = 1; i < n; i++)
		if (fcntl(base, F_DUPFD_CLOEXEC, 0) < 0)
			die("dup");
}

/* Share i of total split over n parts: [*first, *first + *count). */
static void
share(long total, long n, long i, long *first, long *count)
{
	long q = total / n, r = total % n;

	*first = i * q + (i < r ? i : r);
	*count = q + (i < r ? 1 : 0);
}

static void
die_with_parent(void)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		_exit(1);
}

static void
worker(const struct config *c, long k, long nworkers, int ready_fd)
{
	long first, count;

	die_with_parent();
	share(c->pairs, nworkers, k, &first, &count);
	for (long g = first; g < first + count; g++)
		tcp_pair(c, g);
	share(c->udp, nworkers, k, &first, &count);
	for (long i = first; i < first + count; i++)
		udp_socket(i);
	share(c->unixpairs, nworkers, k, &first, &count);
	for (long i = 0; i < count; i++) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
			die("socketpair");
	}
	if (!c->single_peer)
		unix_listener(k);
	share(c->extra_fds, nworkers, k, &first, &count);
	if (count > 0)
		extra_fds(count);
	if (write(ready_fd, "k", 1) != 1)
		die("write ready");
	close(ready_fd);
	for (;;)
		pause();
}

/* One connection closed actively by the client: it stays in TIME_WAIT. */
static void
timewait_one(int lis, unsigned long seq)
{
	int one = 1;
	struct sockaddr_in src, dst;
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		die("socket tw");
	setsockopt(s, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof(one));
	sin4(&src, 0x7f030001 + (uint32_t)(seq % 64), 0);
	sin4(&dst, 0x7f000004, PORT_TW);
	if (bind(s, (struct sockaddr *)&src, sizeof(src)) < 0 ||
	    connect(s, (struct sockaddr *)&dst, sizeof(dst)) < 0)
		die("connect tw");
	int a = accept4(lis, NULL, NULL, SOCK_CLOEXEC);
	if (a < 0)
		die("accept tw");
	close(s);
	close(a);
}

/* Keeps about c->timewait sockets in TIME_WAIT (they expire after 60 s). */
static void
timewait_keeper(const struct config *c, int ready_fd)
{
	struct sockaddr_in a;
	unsigned long seq = 0;

	die_with_parent();
	for (long i = 0; i < nlis4; i++)
		close(lis4[i]);
	for (long i = 0; i < nlis6; i++)
		close(lis6[i]);
	sin4(&a, 0x7f000004, PORT_TW);
	int lis = tcp_listen(AF_INET, (struct sockaddr *)&a, sizeof(a));
	for (long i = 0; i < c->timewait; i++)
		timewait_one(lis, seq++);
	if (write(ready_fd, "k", 1) != 1)
		die("write ready");
	close(ready_fd);
	long batch = (c->timewait + 2) / 3;
	for (;;) {
		sleep(TW_PERIOD);
		for (long i = 0; i < batch; i++)
			timewait_one(lis, seq++);
	}
}

static void
kill_children(void)
{
	for (long i = 0; i < nchildren; i++)
		kill(children[i], SIGKILL);
	for (long i = 0; i < nchildren; i++)
		waitpid(children[i], NULL, 0);
	nchildren = 0;
}

static void
forget_child(pid_t pid)
{
	for (long i = 0; i < nchildren; i++)
		if (children[i] == pid)
			children[i] = children[--nchildren];
}

static pid_t
spawn(const struct config *c, long k, long nworkers, int pipefd[2])
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(pipefd[0]);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		if (k < 0)
			timewait_keeper(c, pipefd[1]);
		worker(c, k, nworkers, pipefd[1]);
	}
	children[nchildren++] = pid;
	return pid;
}

static long
arg_long(const char *s, char opt)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0) {
		fprintf(stderr, "bench-gen: bad number for -%c: %s\n", opt, s);
		exit(2);
	}
	return v;
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: bench-gen [-n pairs] [-6 pct_v6] [-L conn_listeners]"
	    " [-l idle_listeners]\n"
	    "                 [-u udp] [-x unix_pairs] [-w timewait]"
	    " [-f extra_fds] [-P procs]\n"
	    "                 [-S] [-r ready_file]\n");
	exit(2);
}

static void
parse_args(int argc, char **argv, struct config *c)
{
	int ch;

	*c = (struct config){.pairs = 1000, .pct6 = 10, .conn_listeners = 4,
	    .idle_listeners = 8, .procs = 8};
	while ((ch = getopt(argc, argv, "n:6:L:l:u:x:w:f:P:Sr:h")) != -1) {
		switch (ch) {
		case 'n': c->pairs = arg_long(optarg, 'n'); break;
		case '6': c->pct6 = arg_long(optarg, '6'); break;
		case 'L': c->conn_listeners = arg_long(optarg, 'L'); break;
		case 'l': c->idle_listeners = arg_long(optarg, 'l'); break;
		case 'u': c->udp = arg_long(optarg, 'u'); break;
		case 'x': c->unixpairs = arg_long(optarg, 'x'); break;
		case 'w': c->timewait = arg_long(optarg, 'w'); break;
		case 'f': c->extra_fds = arg_long(optarg, 'f'); break;
		case 'P': c->procs = arg_long(optarg, 'P'); break;
		case 'S': c->single_peer = true; break;
		case 'r': c->ready_file = optarg; break;
		default: usage();
		}
	}
	if (optind != argc || c->pct6 > 100 || c->conn_listeners < 1 ||
	    c->procs < 1)
		usage();
	if (c->single_peer)
		c->idle_listeners = 0;
}

static void
tune_netns(const struct config *c)
{
	char buf[32];

	sysctl_set("net/ipv4/ip_local_port_range", "10000 65535");
	sysctl_set("net/core/somaxconn", "65535");
	sysctl_set("net/ipv4/tcp_max_syn_backlog", "65535");
	/* Reusing loopback TIME_WAIT tuples would shorten their life. */
	sysctl_set("net/ipv4/tcp_tw_reuse", "0");
	snprintf(buf, sizeof(buf), "%ld", c->timewait * 3 + 65536);
	sysctl_set("net/ipv4/tcp_max_tw_buckets", buf);
}

static void
announce(const struct config *c, long nworkers, rlim_t nofile)
{
	char line[512];

	snprintf(line, sizeof(line),
	    "READY pairs=%ld v6pct=%ld listeners=%ld udp=%ld unixpairs=%ld "
	    "timewait=%ld extra_fds=%ld procs=%ld nofile=%llu\n",
	    c->pairs, c->pct6, nlis4 + nlis6 + c->idle_listeners, c->udp,
	    c->unixpairs, c->timewait, c->extra_fds, nworkers + 1,
	    (unsigned long long)nofile);
	if (c->ready_file != NULL) {
		FILE *f = fopen(c->ready_file, "w");
		if (f == NULL || fputs(line, f) == EOF || fclose(f) != 0)
			die("write %s", c->ready_file);
	}
	fputs(line, stdout);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	struct config c;
	int pipefd[2];
	struct sigaction sa;

	parse_args(argc, argv, &c);
	require_private_netns();
	/* Die with the script that started us, even on SIGKILL. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	tune_netns(&c);
	rlim_t nofile = raise_nofile();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: wait() returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	make_listeners(&c);
	long shared = nlis4 + nlis6 + c.idle_listeners + 8;
	long total = 2 * c.pairs + c.udp + 2 * c.unixpairs + c.extra_fds + 1;
	long room = (long)nofile - FD_MARGIN - shared;
	if (room < 16) {
		errno = EMFILE;
		die("open-file limit %llu too low", (unsigned long long)nofile);
	}
	long nworkers = c.procs;
	if ((total + room - 1) / room > nworkers)
		nworkers = (total + room - 1) / room;
	if (nworkers > MAX_PROCS) {
		errno = EMFILE;
		die("%ld processes needed", nworkers);
	}
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		die("pipe");
	/*
	 * The TIME_WAIT maker holds a listener: start it first, as a host
	 * starts its daemons before the processes that fill the tables.
	 */
	if (c.timewait > 0)
		spawn(&c, -1, nworkers, pipefd);
	for (long k = 0; k < nworkers; k++)
		spawn(&c, k, nworkers, pipefd);
	close(pipefd[1]);

	long ready = 0;
	char b;
	while (ready < nchildren && !stop_sig) {
		ssize_t n = read(pipefd[0], &b, 1);
		if (n == 1)
			ready++;
		else if (n == 0 || errno != EINTR)
			break; /* a child died before it was ready */
	}
	close(pipefd[0]);
	if (ready < nchildren) {
		fprintf(stderr, "bench-gen: %ld of %ld processes failed to set "
				"up\n", nchildren - ready, nchildren);
		kill_children();
		return 1;
	}
	announce(&c, nworkers, nofile);
	while (!stop_sig) {
		pid_t pid = wait(NULL);
		if (pid > 0 && !stop_sig) {
			fprintf(stderr, "bench-gen: process %d exited\n", (int)pid);
			forget_child(pid);
			break;
		}
	}
	kill_children();
	return stop_sig ? 0 : 1;
}
