/*
 * hostile.c - test helper for the robustness suite.  Binds UNIX sockets to
 * paths with spaces, newlines, escape and non-UTF-8 bytes and runs roles
 * whose argv[0] holds escape sequences and newlines, listing them in hex in
 * the ready file; -O opens odd values instead (ports 0, 1 and 65535,
 * multi-megabyte queues, a ten-digit uid).  Holds until SIGTERM.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define BASE_PORT	31000	/* role I listens on 127.0.0.1:BASE_PORT+I */
#define LONG_NAME_LEN	300
#define HUGE_UID	4000000000u
#define BIG_BUF		(16 * 1024 * 1024)

/* Program names (argv[0]) of the role processes; index = role number. */
static const char *const role_names[] = {
	"\033]0;pwned\007",
	"\033[2J",
	"a\nb",
	"tab\there\rdel\177x",
	"\xff\xfe-not-utf8",
	"caf\xc3\xa9-\xe2\x98\x83-unicode",
	NULL,			/* role 6: LONG_NAME_LEN bytes, built below */
};
#define NROLES (sizeof(role_names) / sizeof(role_names[0]))

/* Paths below -d (listening stream sockets). */
static const char *const unix_names[] = {
	"with space.sock",
	"new\nline.sock",
	"esc\033[31mred.sock",
	"bel\007del\177.sock",
	"\xff\xfe-not-utf8.sock",
	"caf\xc3\xa9.sock",
};
#define NUNIX (sizeof(unix_names) / sizeof(unix_names[0]))

/* Abstract name (after the leading NUL) with control bytes. */
static const char abstract_name[] = "hostile\001\002\033[0m\nend";

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fputs("hostile: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(errno));
	exit(1);
}

static void
long_name(char *buf, size_t len)
{
	static const char piece[] = "\033[31mLONG\n";
	size_t i;

	for (i = 0; i + 1 < len; i++)
		buf[i] = piece[i % (sizeof(piece) - 1)];
	buf[len - 1] = '\0';
}

static int
unix_listen(const char *name, size_t namelen, int abstract)
{
	struct sockaddr_un sun;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	size_t off = abstract ? 1 : 0;

	if (fd == -1)
		die("socket");
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (namelen + off >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		die("unix name");
	}
	memcpy(sun.sun_path + off, name, namelen);
	if (bind(fd, (struct sockaddr *)&sun,
	    (socklen_t)(offsetof(struct sockaddr_un, sun_path) + off +
	    namelen + (abstract ? 0 : 1))) == -1 || listen(fd, 8) == -1)
		die("bind/listen unix socket");
	return fd;
}

/* HOST (numeric, ':' for IPv6) and PORT into *SS; returns its length. */
static socklen_t
sockaddr_set(struct sockaddr_storage *ss, const char *host, unsigned port)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (strchr(host, ':') != NULL) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((unsigned short)port);
		inet_pton(AF_INET6, host, &s6->sin6_addr);
		return sizeof(*s6);
	}
	s4->sin_family = AF_INET;
	s4->sin_port = htons((unsigned short)port);
	inet_pton(AF_INET, host, &s4->sin_addr);
	return sizeof(*s4);
}

/*
 * A socket of TYPE/PROTO bound to HOST:PORT (PORT 0 and TYPE SOCK_RAW: not
 * bound), listening for SOCK_STREAM, connected to PEER:PPORT when PEER is
 * set.  Returns -1 on failure (IPv6 may be disabled); never fatal.
 */
static int
inet_open(int type, int proto, const char *host, unsigned port,
    const char *peer, unsigned pport)
{
	struct sockaddr_storage ss;
	socklen_t len = sockaddr_set(&ss, host, port);
	int one = 1, fd = socket(ss.ss_family, type | SOCK_CLOEXEC, proto);

	if (fd == -1)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ss.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if ((port != 0 || type != SOCK_RAW) &&
	    bind(fd, (struct sockaddr *)&ss, len) == -1)
		goto bad;
	if (peer != NULL) {
		len = sockaddr_set(&ss, peer, pport);
		if (connect(fd, (struct sockaddr *)&ss, len) == -1)
			goto bad;
	} else if (type == SOCK_STREAM && listen(fd, 64) == -1) {
		goto bad;
	}
	return fd;
bad:
	close(fd);
	return -1;
}

static void
tcp_listen(unsigned port)
{
	if (inet_open(SOCK_STREAM, 0, "127.0.0.1", port, NULL, 0) == -1)
		die("tcp listener on port %u", port);
}

/* ---- odd values (-O) ---------------------------------------------- */

static void
set_buf(int fd, int opt, int size)
{
	setsockopt(fd, SOL_SOCKET, opt, &size, sizeof(size));
}

/*
 * A connection whose receiver never reads, both buffers forced to
 * BIG_BUF: Recv-Q and Send-Q reach millions of bytes.  Returns once
 * both queues stop moving (about 3 s at most).
 */
static void
huge_queues(const char *host, unsigned port)
{
	static char chunk[65536];
	struct sockaddr_storage ss;
	socklen_t len = sockaddr_set(&ss, host, port);
	int l, c, s, i, in = -1, out = -1, stable = 0;

	l = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l == -1)
		return;
	set_buf(l, SO_RCVBUFFORCE, BIG_BUF);
	if (bind(l, (struct sockaddr *)&ss, len) == -1 || listen(l, 4) == -1)
		die("huge-queue listener");
	c = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	set_buf(c, SO_SNDBUFFORCE, BIG_BUF);
	if (c == -1 || connect(c, (struct sockaddr *)&ss, len) == -1 ||
	    (s = accept4(l, NULL, NULL, SOCK_CLOEXEC)) == -1)
		die("huge-queue connection");
	if (fcntl(c, F_SETFL, O_NONBLOCK) == -1)
		die("O_NONBLOCK");
	for (i = 0; i < 300 && stable < 20; i++) {
		int nin = 0, nout = 0;

		while (send(c, chunk, sizeof(chunk), MSG_NOSIGNAL) > 0)
			;
		ioctl(s, SIOCINQ, &nin);
		ioctl(c, SIOCOUTQ, &nout);
		stable = (nin == in && nout == out) ? stable + 1 : 0;
		in = nin;
		out = nout;
		usleep(10000);
	}
}

/* A listener owned by a uid with ten digits (no name in any database). */
static pid_t
huge_uid_listener(unsigned port)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) == -1)
		die("pipe");
	pid = fork();
	if (pid == -1)
		die("fork");
	if (pid == 0) {
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    setgroups(0, NULL) == -1 ||
		    setresgid(HUGE_UID, HUGE_UID, HUGE_UID) == -1 ||
		    setresuid(HUGE_UID, HUGE_UID, HUGE_UID) == -1)
			die("dropping to uid %u", HUGE_UID);
		tcp_listen(port);
		if (write(p[1], "1", 1) != 1)
			die("ready");
		for (;;)
			pause();
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		die("uid %u listener", HUGE_UID);
	close(p[0]);
	return pid;
}

static pid_t
odd_population(void)
{
	int l4 = inet_open(SOCK_STREAM, 0, "0.0.0.0", 65535, NULL, 0);
	int l6 = inet_open(SOCK_STREAM, 0, "::", 65535, NULL, 0);

	if (l4 == -1)
		die("listener on port 65535");
	/* Clients from ports 1 and 65534, left in the accept queue. */
	if (inet_open(SOCK_STREAM, 0, "127.0.0.1", 1, "127.0.0.1",
	    65535) == -1 ||
	    inet_open(SOCK_STREAM, 0, "127.0.0.1", 65534, "127.0.0.1",
	    65535) == -1)
		die("connections to port 65535");
	if (l6 != -1)
		inet_open(SOCK_STREAM, 0, "::1", 65534, "::1", 65535);
	/* UDP on 65535; UDP connected to remote port 0. */
	if (inet_open(SOCK_DGRAM, 0, "0.0.0.0", 65535, NULL, 0) == -1 ||
	    inet_open(SOCK_DGRAM, 0, "127.0.0.1", 65533, "127.0.0.1",
	    0) == -1)
		die("udp sockets");
	inet_open(SOCK_DGRAM, 0, "::", 65535, NULL, 0);
	inet_open(SOCK_DGRAM, 0, "::1", 65533, "::1", 0);
	/* Raw sockets of protocol 255 (the highest). */
	if (inet_open(SOCK_RAW, IPPROTO_RAW, "0.0.0.0", 0, NULL, 0) == -1)
		die("raw socket");
	inet_open(SOCK_RAW, IPPROTO_RAW, "::", 0, NULL, 0);
	huge_queues("127.0.0.1", 65531);
	return huge_uid_listener(65532);
}

/*
 * A role: a TCP listener and an abstract UNIX listener "hostile-role-I",
 * then one byte on READY_FD, then wait.
 */
static void __attribute__((noreturn))
role_run(unsigned idx, int ready_fd)
{
	char name[32];
	int n = snprintf(name, sizeof(name), "hostile-role-%u", idx);

	if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1)
		die("prctl");
	tcp_listen(BASE_PORT + idx);
	unix_listen(name, (size_t)n, 1);
	if (write(ready_fd, "1", 1) != 1)
		die("ready");
	close(ready_fd);
	for (;;)
		pause();
}

static pid_t
spawn_role(unsigned idx)
{
	char longbuf[LONG_NAME_LEN + 1], ibuf[16], fbuf[16], c;
	int p[2];
	pid_t pid;
	sigset_t empty;

	sigemptyset(&empty);

	if (pipe2(p, O_CLOEXEC) == -1)
		die("pipe");
	pid = fork();
	if (pid == -1)
		die("fork");
	if (pid == 0) {
		const char *name = role_names[idx];
		char *args[] = { NULL, "-I", ibuf, "-F", fbuf, NULL };

		if (name == NULL) {
			long_name(longbuf, sizeof(longbuf));
			name = longbuf;
		}
		args[0] = (char *)name;
		snprintf(ibuf, sizeof(ibuf), "%u", idx);
		snprintf(fbuf, sizeof(fbuf), "%d", p[1]);
		if (fcntl(p[1], F_SETFD, 0) == -1 ||
		    sigprocmask(SIG_SETMASK, &empty, NULL) == -1)
			die("preparing role %u", idx);
		execv("/proc/self/exe", args);
		die("exec");
	}
	close(p[1]);
	struct pollfd pfd = { p[0], POLLIN, 0 };
	if (poll(&pfd, 1, 10000) != 1 || read(p[0], &c, 1) != 1) {
		errno = ETIMEDOUT;
		die("role %u not ready", idx);
	}
	close(p[0]);
	return pid;
}

/* One line of the ready file: "WHAT[TAG] HEX". */
static void
put_hex(FILE *f, const char *what, const char *tag, const char *s, size_t n)
{
	size_t i;

	fprintf(f, "%s%s ", what, tag);
	for (i = 0; i < n; i++)
		fprintf(f, "%02x", (unsigned char)s[i]);
	fputc('\n', f);
}

static void
on_term(int sig)
{
	(void)sig;
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: hostile -d DIR -r READYFILE\n"
	    "       hostile -O -r READYFILE\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *dir = NULL, *ready = NULL;
	pid_t pids[NROLES];
	int opt, ready_fd = -1, role = -1, odd = 0;
	unsigned i;
	sigset_t set;
	char tmp[4096];
	FILE *f;

	while ((opt = getopt(argc, argv, "Od:r:I:F:")) != -1) {
		switch (opt) {
		case 'O': odd = 1; break;
		case 'd': dir = optarg; break;
		case 'r': ready = optarg; break;
		case 'I': role = atoi(optarg); break;
		case 'F': ready_fd = atoi(optarg); break;
		default:
			usage();
		}
	}
	if (role >= 0 && (unsigned)role < NROLES)
		role_run((unsigned)role, ready_fd);
	if (ready == NULL || (!odd && dir == NULL))
		usage();
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGTERM, on_term);
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1)
		die("prctl");
	if (odd) {
		pid_t kid = odd_population();

		snprintf(tmp, sizeof(tmp), "%s.tmp", ready);
		f = fopen(tmp, "w");
		if (f == NULL || fprintf(f, "main %ld\n", (long)getpid()) < 0 ||
		    fclose(f) == EOF || rename(tmp, ready) == -1)
			die("%s", ready);
		sigwaitinfo(&set, NULL);
		kill(kid, SIGKILL);
		return 0;
	}
	/* Written aside and renamed: the file appears complete. */
	snprintf(tmp, sizeof(tmp), "%s.tmp", ready);
	f = fopen(tmp, "w");
	if (f == NULL)
		die("%s", tmp);
	for (i = 0; i < NUNIX; i++) {
		char full[108];
		int n = snprintf(full, sizeof(full), "%s/%s", dir,
		    unix_names[i]);

		if (n < 0 || (size_t)n >= sizeof(full)) {
			errno = ENAMETOOLONG;
			die("path below %s", dir);
		}
		unlink(full);
		unix_listen(full, (size_t)n, 0);
		put_hex(f, "path", "", full, (size_t)n);
	}
	unix_listen(abstract_name, sizeof(abstract_name) - 1, 1);
	put_hex(f, "abstract", "", abstract_name, sizeof(abstract_name) - 1);
	for (i = 0; i < NROLES; i++) {
		char tag[64], longbuf[LONG_NAME_LEN + 1];
		const char *name = role_names[i];

		if (name == NULL) {
			long_name(longbuf, sizeof(longbuf));
			name = longbuf;
		}
		pids[i] = spawn_role(i);
		snprintf(tag, sizeof(tag), " %ld %u", (long)pids[i],
		    BASE_PORT + i);
		put_hex(f, "role", tag, name, strlen(name));
	}
	fprintf(f, "main %ld\n", (long)getpid());
	if (fclose(f) == EOF || rename(tmp, ready) == -1)
		die("%s", ready);
	sigwaitinfo(&set, NULL);
	for (i = 0; i < NROLES; i++)
		kill(pids[i], SIGTERM);
	while (wait(NULL) > 0)
		;
	return 0;
}
