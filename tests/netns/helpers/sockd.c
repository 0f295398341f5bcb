/*
 * sockd.c - test helper for the socket-listing suites.  Opens a known,
 * stable socket population (TCP in many states, UDP, UDP-Lite, RAW, UNIX)
 * in the current private network namespace and keeps it until SIGTERM.
 * Role processes re-exec this binary under other argv[0] values; the ready
 * line is written only once every role reports its sockets settled.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef IPPROTO_UDPLITE
#define IPPROTO_UDPLITE 136
#endif

#define NOBODY_ID	65534
#define UNNAMED_PROTO	253	/* no entry in the protocols database */
#define LONG_V6		"2001:db8:1234:5678:9abc:def0:1234:5678"
#define SETTLE_TRIES	500	/* 10 ms each */
#define ROLE_TIMEOUT_MS	20000

struct role {
	const char	*name;		/* value of -R */
	const char	*argv0;		/* what /proc/PID/cmdline shows */
	void		(*setup)(void);
};

static const char *who = "sockd";	/* prefix of error messages */
static const char *unix_dir;		/* -d: where path sockets live */
static int shared_fd = -1;		/* -S: listener inherited from main */

/* Error exits: fail() appends strerror(errno), failx() does not. */
static void __attribute__((noreturn, format(printf, 1, 2)))
failx(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sockd(%s): ", who);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void __attribute__((noreturn))
fail(const char *what)
{
	failx("%s: %s", what, strerror(errno));
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static void
set_int_opt(int fd, int level, int name, int value, const char *what)
{
	if (setsockopt(fd, level, name, &value, sizeof(value)) == -1)
		fail(what);
}

/* ---- addresses ------------------------------------------------------ */

struct endpoint {
	struct sockaddr_storage	ss;
	socklen_t		len;
};

/* HOST is numeric; a ':' in it means IPv6 (including ::ffff:a.b.c.d). */
static void
endpoint_set(struct endpoint *ep, const char *host, unsigned port)
{
	memset(ep, 0, sizeof(*ep));
	if (strchr(host, ':') != NULL) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ep->ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			failx("bad address %s", host);
		ep->len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ep->ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			failx("bad address %s", host);
		ep->len = sizeof(*s4);
	}
}

static int
inet_socket(const char *host, int type, int proto)
{
	int family = strchr(host, ':') != NULL ? AF_INET6 : AF_INET;
	int fd = socket(family, type | SOCK_CLOEXEC, proto);

	if (fd == -1)
		failx("socket(%s, type %d, proto %d): %s", host, type, proto,
		    strerror(errno));
	return fd;
}

static void
bind_to(int fd, const char *host, unsigned port)
{
	struct endpoint ep;

	endpoint_set(&ep, host, port);
	if (bind(fd, (struct sockaddr *)&ep.ss, ep.len) == -1)
		failx("bind %s port %u: %s", host, port, strerror(errno));
}

static int
connect_to(int fd, const char *host, unsigned port)
{
	struct endpoint ep;

	endpoint_set(&ep, host, port);
	return connect(fd, (struct sockaddr *)&ep.ss, ep.len);
}

/* ---- TCP ------------------------------------------------------------ */

/* V6ONLY: 1 for a v6-only socket, 0 for dual stack; ignored for IPv4. */
static int
tcp_listen(const char *host, unsigned port, int backlog, int v6only)
{
	int fd = inet_socket(host, SOCK_STREAM, 0);

	set_int_opt(fd, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR");
	if (strchr(host, ':') != NULL)
		set_int_opt(fd, IPPROTO_IPV6, IPV6_V6ONLY, v6only,
		    "IPV6_V6ONLY");
	bind_to(fd, host, port);
	if (listen(fd, backlog) == -1)
		fail("listen");
	return fd;
}

/* A blocking connect from SRC (NULL: any) to HOST:PORT. */
static int
tcp_connect(const char *src, const char *host, unsigned port)
{
	int fd = inet_socket(host, SOCK_STREAM, 0);

	if (src != NULL)
		bind_to(fd, src, 0);
	if (connect_to(fd, host, port) == -1)
		failx("connect %s port %u: %s", host, port, strerror(errno));
	return fd;
}

static int
tcp_accept(int lfd)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

	if (fd == -1)
		fail("accept");
	return fd;
}

/* What wait_for() watches on a socket. */
enum probe {
	PROBE_TCP_STATE,	/* tcpi_state */
	PROBE_ACCEPT_QUEUE,	/* listener: connections not yet accepted */
	PROBE_INQ,		/* SIOCINQ: unread bytes */
	PROBE_OUTQ,		/* SIOCOUTQ: unacknowledged/unsent bytes */
};

static int
probe_read(int fd, enum probe p)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	int n;

	if (p == PROBE_INQ || p == PROBE_OUTQ) {
		if (ioctl(fd, p == PROBE_INQ ? SIOCINQ : SIOCOUTQ, &n) == -1)
			fail("SIOCINQ/SIOCOUTQ");
		return n;
	}
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == -1)
		fail("TCP_INFO");
	/* For a listener the kernel reports its accept queue as unacked. */
	return p == PROBE_TCP_STATE ? ti.tcpi_state : (int)ti.tcpi_unacked;
}

/* Polls FD until probe P reads WANT; fatal after about five seconds. */
static void
wait_for(int fd, enum probe p, int want, const char *what)
{
	int i;

	for (i = 0; i < SETTLE_TRIES; i++) {
		if (probe_read(fd, p) == want)
			return;
		sleep_ms(10);
	}
	failx("%s: reads %d, want %d", what, probe_read(fd, p), want);
}

static void
send_all(int fd, const char *buf, size_t len)
{
	if (send(fd, buf, len, MSG_NOSIGNAL) != (ssize_t)len)
		fail("send");
}

/* A connected pair through listener LFD; *SRV gets the accepted end. */
static int
tcp_pair(int lfd, const char *host, unsigned port, int *srv)
{
	int cfd = tcp_connect(NULL, host, port);

	*srv = tcp_accept(lfd);
	wait_for(cfd, PROBE_TCP_STATE, TCP_ESTABLISHED, "pair client");
	return cfd;
}

/*
 * Active close into TIME_WAIT: the client half-closes, the server sees
 * EOF and closes, the client receives the FIN and its socket moves to a
 * time-wait entry; then both descriptors are gone and only that entry
 * (uid 0, inode 0) remains for 60 seconds.
 */
static void
make_time_wait(int lfd, const char *host, unsigned port)
{
	char c;
	int srv, cfd = tcp_pair(lfd, host, port, &srv);

	if (shutdown(cfd, SHUT_WR) == -1)
		fail("shutdown");
	if (recv(srv, &c, 1, 0) != 0)
		failx("time-wait: server did not see EOF");
	close(srv);
	if (recv(cfd, &c, 1, 0) != 0)
		failx("time-wait: client did not see EOF");
	wait_for(cfd, PROBE_TCP_STATE, TCP_CLOSE, "time-wait client");
	close(cfd);
}

/* Client half-closes, server never reacts: FIN_WAIT2 and CLOSE_WAIT. */
static void
make_half_closed(int lfd, const char *host, unsigned port)
{
	int srv, cfd = tcp_pair(lfd, host, port, &srv);

	if (shutdown(cfd, SHUT_WR) == -1)
		fail("shutdown");
	wait_for(cfd, PROBE_TCP_STATE, TCP_FIN_WAIT2, "fin-wait2 client");
	wait_for(srv, PROBE_TCP_STATE, TCP_CLOSE_WAIT, "close-wait server");
}

/*
 * A receiver with a tiny SO_RCVBUF that never reads, and a sender that
 * writes until EAGAIN: non-zero Send-Q on one side and Recv-Q on the
 * other.  Returns once both queues stopped moving.
 */
static void
make_send_queue(const char *host, unsigned port)
{
	static const char chunk[1024];
	int lfd, cfd, srv, i, stable = 0, in = -1, out = -1;

	lfd = inet_socket(host, SOCK_STREAM, 0);
	set_int_opt(lfd, SOL_SOCKET, SO_RCVBUF, 2048, "SO_RCVBUF");
	bind_to(lfd, host, port);
	if (listen(lfd, 4) == -1)
		fail("listen");
	cfd = tcp_pair(lfd, host, port, &srv);
	set_int_opt(cfd, SOL_SOCKET, SO_SNDBUF, 4096, "SO_SNDBUF");
	if (fcntl(cfd, F_SETFL, O_NONBLOCK) == -1)
		fail("O_NONBLOCK");
	while (send(cfd, chunk, sizeof(chunk), MSG_NOSIGNAL) > 0)
		;
	if (errno != EAGAIN)
		fail("send-queue fill");
	for (i = 0; i < SETTLE_TRIES && stable < 30; i++) {
		int nin = probe_read(srv, PROBE_INQ), nout = probe_read(cfd,
		    PROBE_OUTQ);

		stable = (nin == in && nout == out) ? stable + 1 : 0;
		in = nin;
		out = nout;
		sleep_ms(10);
	}
	if (stable < 30 || out == 0)
		failx("send-queue pair did not settle (in %d, out %d)", in, out);
}

/* COUNT connections left in an accept queue (rows with inode 0). */
static void
make_accept_queue(const char *host, unsigned port, int count)
{
	int lfd = tcp_listen(host, port, 8, 1), i;

	for (i = 0; i < count; i++)
		tcp_connect(NULL, host, port);
	wait_for(lfd, PROBE_ACCEPT_QUEUE, count, "accept queue");
}

/*
 * A listener with backlog 0 takes one connection into its accept queue
 * and then drops further SYNs, so a non-blocking connect stays in
 * SYN_SENT (retransmitting) as long as nobody accepts.
 */
static void
make_syn_sent(const char *host, unsigned port)
{
	int lfd = tcp_listen(host, port, 0, 1), fd;

	tcp_connect(NULL, host, port);
	wait_for(lfd, PROBE_ACCEPT_QUEUE, 1, "syn-sent listener");
	fd = inet_socket(host, SOCK_STREAM | SOCK_NONBLOCK, 0);
	/* Keep retrying the SYN far longer than any test run lasts. */
	set_int_opt(fd, IPPROTO_TCP, TCP_SYNCNT, 100, "TCP_SYNCNT");
	if (connect_to(fd, host, port) == 0 || errno != EINPROGRESS)
		failx("syn-sent connect was not left pending");
	sleep_ms(50);
	if (probe_read(fd, PROBE_TCP_STATE) != TCP_SYN_SENT)
		failx("syn-sent socket left SYN_SENT");
}

/* ---- UDP, UDP-Lite, RAW --------------------------------------------- */

static int
dgram_bind(const char *host, unsigned port, int proto)
{
	int fd = inet_socket(host, SOCK_DGRAM, proto);

	if (strchr(host, ':') != NULL)
		set_int_opt(fd, IPPROTO_IPV6, IPV6_V6ONLY, 1, "IPV6_V6ONLY");
	bind_to(fd, host, port);
	return fd;
}

/* Bound to SRC:SPORT (SRC NULL: left to connect) and connected to DST. */
static int
dgram_connect(const char *src, unsigned sport, const char *dst,
    unsigned dport, int proto)
{
	int fd = src != NULL ? dgram_bind(src, sport, proto) :
	    inet_socket(dst, SOCK_DGRAM, proto);

	if (connect_to(fd, dst, dport) == -1)
		failx("connect %s port %u: %s", dst, dport, strerror(errno));
	return fd;
}

static int
raw_open(const char *host, int proto)
{
	return inet_socket(host, SOCK_RAW, proto);
}

/* ---- UNIX ----------------------------------------------------------- */

/*
 * Fills SUN for NAME: a file under unix_dir, or, when NAME[0] is '\0', an
 * abstract name of exactly LEN bytes (embedded NULs allowed).
 */
static socklen_t
unix_addr(struct sockaddr_un *sun, const char *name, size_t len)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (name[0] != '\0') {
		int n = snprintf(sun->sun_path, sizeof(sun->sun_path), "%s/%s",
		    unix_dir, name);

		if (n < 0 || (size_t)n >= sizeof(sun->sun_path))
			failx("unix path too long under %s", unix_dir);
		len = (size_t)n + 1;
	} else {
		if (len > sizeof(sun->sun_path))
			failx("abstract unix name too long");
		memcpy(sun->sun_path, name, len);
	}
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
}

static int
unix_socket(int type)
{
	int fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);

	if (fd == -1)
		fail("unix socket");
	return fd;
}

/* Binds a TYPE socket to NAME; listens unless BACKLOG < 0. */
static int
unix_bind(int type, const char *name, size_t len, int backlog)
{
	struct sockaddr_un sun;
	socklen_t alen = unix_addr(&sun, name, len);
	int fd = unix_socket(type);

	if (sun.sun_path[0] != '\0')
		unlink(sun.sun_path);
	if (bind(fd, (struct sockaddr *)&sun, alen) == -1)
		failx("bind unix %s: %s", name[0] ? name : name + 1,
		    strerror(errno));
	if (backlog >= 0 && listen(fd, backlog) == -1)
		fail("unix listen");
	return fd;
}

static int
unix_connect(int type, const char *name, size_t len)
{
	struct sockaddr_un sun;
	socklen_t alen = unix_addr(&sun, name, len);
	int fd = unix_socket(type);

	if (connect(fd, (struct sockaddr *)&sun, alen) == -1)
		failx("connect unix %s: %s", name[0] ? name : name + 1,
		    strerror(errno));
	return fd;
}

static void
unix_pair(int type)
{
	int sv[2];

	if (socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, sv) == -1)
		fail("socketpair");
}

static void
unix_abstract_listen(const char *name)
{
	char buf[108];
	size_t len = strlen(name);

	buf[0] = '\0';
	memcpy(buf + 1, name, len);
	unix_bind(SOCK_STREAM, buf, len + 1, 8);
}

static void
setup_unix(void)
{
	static const char embedded[] = "\0sockd\0embedded";
	char padded[108] = "\0sockd-padded";
	int lfd;

	lfd = unix_bind(SOCK_STREAM, "stream.sock", 0, 8);
	unix_connect(SOCK_STREAM, "stream.sock", 0);
	if (accept4(lfd, NULL, NULL, SOCK_CLOEXEC) == -1)
		fail("unix accept");
	unix_abstract_listen("sockd-abstract");
	unix_bind(SOCK_STREAM, embedded, sizeof(embedded) - 1, 8);
	unix_bind(SOCK_DGRAM, padded, sizeof(padded), -1);
	unix_pair(SOCK_STREAM);
	unix_pair(SOCK_DGRAM);
	unix_pair(SOCK_SEQPACKET);
	unix_socket(SOCK_DGRAM);
	unix_bind(SOCK_DGRAM, "dgram.sock", 0, -1);
	unix_connect(SOCK_DGRAM, "dgram.sock", 0);
	lfd = unix_bind(SOCK_SEQPACKET, "seqpacket.sock", 0, 8);
	unix_connect(SOCK_SEQPACKET, "seqpacket.sock", 0);
	if (accept4(lfd, NULL, NULL, SOCK_CLOEXEC) == -1)
		fail("unix seqpacket accept");
	unix_bind(SOCK_STREAM, "embryo.sock", 0, 8);
	unix_connect(SOCK_STREAM, "embryo.sock", 0);
	unix_bind(SOCK_STREAM, "bound-only.sock", 0, -1);
}

/* ---- roles ---------------------------------------------------------- */

/* Main process: RAW sockets and the UNIX population. */
static void
setup_main(void)
{
	raw_open("0.0.0.0", IPPROTO_ICMP);
	if (connect_to(raw_open("0.0.0.0", IPPROTO_ICMP), "127.0.0.1", 0))
		fail("raw connect");
	raw_open("::", IPPROTO_ICMPV6);
	raw_open("0.0.0.0", UNNAMED_PROTO);
	raw_open("::", UNNAMED_PROTO);
	setup_unix();
}

/* Well-known ports, an unread request, keepalive, a dual-stack accept. */
static void
setup_web(void)
{
	int lfd, srv, cfd;

	tcp_listen("::", 80, 16, 1);
	lfd = tcp_listen("0.0.0.0", 22, 16, 0);
	tcp_listen("::", 22, 16, 1);
	if (shared_fd < 0)
		failx("web: no shared listener (-S)");
	cfd = tcp_pair(shared_fd, "127.0.0.1", 80, &srv);
	send_all(cfd, "hello", 5);
	wait_for(srv, PROBE_INQ, 5, "unread request");
	wait_for(cfd, PROBE_OUTQ, 0, "unread request ack");
	cfd = tcp_pair(lfd, "127.0.0.1", 22, &srv);
	set_int_opt(cfd, SOL_SOCKET, SO_KEEPALIVE, 1, "SO_KEEPALIVE");
	lfd = tcp_listen("::", 30004, 16, 0);
	tcp_pair(lfd, "127.0.0.1", 30004, &srv);
	unix_abstract_listen("sockd-web.ctl");
}

/* Database-like: loopback listeners, v6 and IPv4-mapped clients, UDP. */
static void
setup_db(void)
{
	int l4, l6, srv, fd;

	l4 = tcp_listen("127.0.0.1", 5432, 16, 1);
	l6 = tcp_listen("::1", 5432, 16, 1);
	tcp_pair(l6, "::1", 5432, &srv);
	tcp_pair(l4, "::ffff:127.0.0.1", 5432, &srv);
	dgram_bind("0.0.0.0", 123, 0);
	dgram_bind("::", 123, 0);
	dgram_bind("127.0.0.1", 161, 0);
	fd = dgram_bind("127.0.0.1", 30021, 0);
	send_all(dgram_connect("127.0.0.1", 30020, "127.0.0.1", 30021, 0),
	    "hello", 5);
	wait_for(fd, PROBE_INQ, 5, "unread datagram");
	dgram_bind("::1", 30023, 0);
	dgram_connect("::1", 30022, "::1", 30023, 0);
	dgram_connect(NULL, 0, "::ffff:127.0.0.1", 123, 0);
	unix_bind(SOCK_STREAM, "db.sock", 0, 8);
}

/* Connections in unusual TCP states, queues and a long IPv6 address. */
static void
setup_rel(void)
{
	int l4, l6, srv;

	l4 = tcp_listen("127.0.0.1", 30070, 16, 1);
	l6 = tcp_listen("::1", 30071, 16, 1);
	make_time_wait(l4, "127.0.0.1", 30070);
	make_time_wait(l6, "::1", 30071);
	make_half_closed(l4, "127.0.0.1", 30070);
	make_accept_queue("127.0.0.1", 30010, 2);
	make_syn_sent("127.0.0.1", 30011);
	make_send_queue("127.0.0.1", 30050);
	l6 = tcp_listen(LONG_V6, 31234, 16, 1);
	srv = tcp_connect(LONG_V6, LONG_V6, 31234);
	tcp_accept(l6);
	wait_for(srv, PROBE_TCP_STATE, TCP_ESTABLISHED, "long v6 client");
}

/*
 * High unnamed ports, UDP-Lite, and a connection to 127.0.0.2 (the suites
 * give it a long host name), owned by a long program name.
 */
static void
setup_long(void)
{
	int lfd, srv;

	lfd = tcp_listen("127.0.0.2", 1812, 16, 1);
	tcp_pair(lfd, "127.0.0.2", 1812, &srv);
	tcp_listen("127.0.0.1", 30001, 16, 1);
	tcp_listen("::1", 30002, 16, 1);
	tcp_listen("0.0.0.0", 30003, 16, 1);
	dgram_bind("0.0.0.0", 30030, IPPROTO_UDPLITE);
	dgram_bind("::", 30031, IPPROTO_UDPLITE);
	dgram_connect("127.0.0.1", 30032, "127.0.0.1", 30030,
	    IPPROTO_UDPLITE);
	unix_pair(SOCK_STREAM);
}

/*
 * Drops to nobody after opening one socket as root; stays dumpable so
 * that nobody can read this process's fd table, then opens more.
 */
static void
setup_nobody(void)
{
	tcp_listen("127.0.0.1", 30042, 16, 1);
	if (setgroups(0, NULL) == -1 ||
	    setresgid(NOBODY_ID, NOBODY_ID, NOBODY_ID) == -1 ||
	    setresuid(NOBODY_ID, NOBODY_ID, NOBODY_ID) == -1)
		fail("dropping to nobody");
	if (prctl(PR_SET_DUMPABLE, 1) == -1 ||
	    prctl(PR_SET_PDEATHSIG, SIGTERM) == -1)
		fail("prctl");
	tcp_listen("0.0.0.0", 30040, 16, 1);
	dgram_bind("0.0.0.0", 30041, 0);
	unix_abstract_listen("sockd-nobody");
}

/* Quirk population: a program name with an escape sequence. */
static void
setup_esc(void)
{
	tcp_listen("127.0.0.1", 30099, 16, 1);
	unix_abstract_listen("sockd-esc");
}

static const struct role roles[] = {
	{ "web", "sockd-web", setup_web },
	{ "db", "/opt/fake/bin/sockd-db", setup_db },
	{ "rel", "relative/dir/sockd-rel", setup_rel },
	{ "long", "sockd-with-a-very-long-program-name", setup_long },
	{ "nobody", "sockd-nobody", setup_nobody },
	{ "esc", "sockd\033[7mesc", setup_esc },
};

static const struct role *
role_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].name, name) == 0)
			return &roles[i];
	failx("unknown role %s", name);
}

/* Role process: set up, report one byte on READY_FD, wait for SIGTERM. */
static void __attribute__((noreturn))
role_run(const struct role *r, int ready_fd)
{
	const char *base = strrchr(r->argv0, '/');

	who = r->name;
	/* comm would otherwise read "exe", from /proc/self/exe. */
	prctl(PR_SET_NAME, base != NULL ? base + 1 : r->argv0);
	r->setup();
	if (write(ready_fd, "1", 1) != 1)
		fail("reporting readiness");
	close(ready_fd);
	for (;;)
		pause();
}

/* ---- main process --------------------------------------------------- */

struct child {
	pid_t		 pid;
	const char	*name;
};

static sigset_t main_sigs;		/* blocked in the main process */

static void __attribute__((noreturn))
spawn_exec(const struct role *r, int wfd, int share)
{
	char fdbuf[16], sharebuf[16];
	char *args[] = { (char *)r->argv0, "-R", (char *)r->name, "-F",
	    fdbuf, "-d", (char *)unix_dir, NULL, NULL, NULL };

	snprintf(fdbuf, sizeof(fdbuf), "%d", wfd);
	if (share >= 0) {
		snprintf(sharebuf, sizeof(sharebuf), "%d", share);
		args[7] = "-S";
		args[8] = sharebuf;
		if (fcntl(share, F_SETFD, 0) == -1)
			fail("sharing a descriptor");
	}
	if (fcntl(wfd, F_SETFD, 0) == -1 ||
	    prctl(PR_SET_PDEATHSIG, SIGTERM) == -1 ||
	    sigprocmask(SIG_UNBLOCK, &main_sigs, NULL) == -1)
		fail("preparing role process");
	execv("/proc/self/exe", args);
	fail("exec");
}

/* Waits for the role's ready byte; EOF or timeout is fatal. */
static void
await_role(int rfd, const char *name)
{
	struct pollfd pfd = { rfd, POLLIN, 0 };
	char c;

	if (poll(&pfd, 1, ROLE_TIMEOUT_MS) != 1 || read(rfd, &c, 1) != 1)
		failx("role %s failed to set up", name);
	close(rfd);
}

/* Starts role NAME and waits until its population is ready. */
static struct child
spawn_role(const char *name, int share)
{
	const struct role *r = role_find(name);
	struct child c = { -1, r->name };
	int p[2];

	if (pipe2(p, O_CLOEXEC) == -1)
		fail("pipe");
	c.pid = fork();
	if (c.pid == -1)
		fail("fork");
	if (c.pid == 0)
		spawn_exec(r, p[1], share);
	close(p[1]);
	await_role(p[0], r->name);
	return c;
}

static void
kill_children(const struct child *kids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (kids[i].pid > 0)
			kill(kids[i].pid, SIGTERM);
	for (i = 0; i < n; i++)
		if (kids[i].pid > 0)
			waitpid(kids[i].pid, NULL, 0);
}

static void
announce_ready(const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");

	if (f == NULL)
		fail(path);
	fprintf(f, "ready %ld\n", (long)getpid());
	if (fflush(f) == EOF || (f != stdout && fclose(f) == EOF))
		fail(path);
}

/* Waits for SIGTERM/SIGINT (exit 0) or a dying child (exit 1). */
static int
serve(struct child *kids, int n)
{
	siginfo_t si;
	int i;

	for (;;) {
		if (sigwaitinfo(&main_sigs, &si) == -1)
			continue;
		if (si.si_signo != SIGCHLD)
			break;
		for (i = 0; i < n; i++)
			if (kids[i].pid == si.si_pid) {
				fprintf(stderr, "sockd: role %s exited\n",
				    kids[i].name);
				waitpid(kids[i].pid, NULL, 0);
				kids[i].pid = -1;
				kill_children(kids, n);
				return 1;
			}
	}
	kill_children(kids, n);
	return 0;
}

/* The main population; returns the number of role processes. */
static int
spawn_population(struct child *kids)
{
	int n = 0, lfd;

	setup_main();
	/* Shared with sockd-web: the lower PID (this one) is shown. */
	lfd = tcp_listen("0.0.0.0", 80, 16, 1);
	kids[n++] = spawn_role("web", lfd);
	kids[n++] = spawn_role("db", -1);
	kids[n++] = spawn_role("rel", -1);
	kids[n++] = spawn_role("long", -1);
	kids[n++] = spawn_role("nobody", -1);
	return n;
}

/* Sockets that net-tools shows differently on purpose (-Q). */
static int
spawn_quirks(struct child *kids)
{
	unix_bind(SOCK_STREAM, "with space.sock", 0, 8);
	kids[0] = spawn_role("esc", -1);
	return 1;
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: sockd [-Q] -d UNIXDIR [-r READYFILE]\n"
	    "  -Q  open the quirk population (path with a space, program\n"
	    "      name with an escape byte) instead of the main one\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *ready = "-", *role = NULL;
	struct child kids[8];
	int opt, ready_fd = -1, quirks = 0, n;

	while ((opt = getopt(argc, argv, "QR:F:S:d:r:")) != -1) {
		switch (opt) {
		case 'Q': quirks = 1; break;
		case 'R': role = optarg; break;
		case 'F': ready_fd = atoi(optarg); break;
		case 'S': shared_fd = atoi(optarg); break;
		case 'd': unix_dir = optarg; break;
		case 'r': ready = optarg; break;
		default: usage();
		}
	}
	if (unix_dir == NULL || optind != argc)
		usage();
	if (role != NULL)
		role_run(role_find(role), ready_fd);

	/*
	 * SIGCHLD stays blocked for sigwaitinfo() in serve(); SIGTERM keeps
	 * its default action until the population is complete, so a stuck
	 * setup can still be killed.
	 */
	sigemptyset(&main_sigs);
	sigaddset(&main_sigs, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &main_sigs, NULL) == -1)
		fail("sigprocmask");
	sigaddset(&main_sigs, SIGTERM);
	sigaddset(&main_sigs, SIGINT);
	n = quirks ? spawn_quirks(kids) : spawn_population(kids);
	if (sigprocmask(SIG_BLOCK, &main_sigs, NULL) == -1)
		fail("sigprocmask");
	announce_ready(ready);
	return serve(kids, n);
}
