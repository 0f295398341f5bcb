/*
 * prefork.c - test helper for the owners suite: a prefork server.  It
 * opens one TCP listener, one UNIX stream listener and a connected UNIX
 * socket pair (optionally as another uid), then forks workers that all
 * hold them, like nginx, Apache prefork or gunicorn.  Writes every PID, the master first, one a line,
 * to the ready file; ends (with its workers) on SIGTERM or after 120 s.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_PROCS 4096

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: prefork -n PROCS -p PORT -s UNIX_PATH "
	                "-r READY_FILE [-u UID]\n");
	exit(2);
}

static int
listen_tcp(unsigned port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 ||
	    listen(fd, 16) < 0) {
		perror("prefork: tcp listener");
		exit(1);
	}
	return fd;
}

static int
listen_unix(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (strlen(path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "prefork: path too long\n");
		exit(1);
	}
	strcpy(sun.sun_path, path);
	unlink(path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    listen(fd, 16) < 0) {
		perror("prefork: unix listener");
		exit(1);
	}
	return fd;
}

/* A worker: holds the inherited listeners until its parent goes. */
static void __attribute__((noreturn))
worker(pid_t master)
{
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != master)
		_exit(0);
	for (;;)
		pause();
}

int
main(int argc, char **argv)
{
	static pid_t pids[MAX_PROCS];
	const char *ready = NULL, *upath = NULL;
	unsigned port = 0;
	long uid = -1;
	int n = 0, c;

	while ((c = getopt(argc, argv, "n:p:s:r:u:")) != -1) {
		switch (c) {
		case 'n': n = atoi(optarg); break;
		case 'p': port = (unsigned)atoi(optarg); break;
		case 's': upath = optarg; break;
		case 'r': ready = optarg; break;
		case 'u': uid = atol(optarg); break;
		default: usage();
		}
	}
	if (n < 1 || n > MAX_PROCS || port == 0 || !ready || !upath)
		usage();
	if (uid >= 0 && (setgid((gid_t)uid) < 0 || setuid((uid_t)uid) < 0)) {
		perror("prefork: setuid");
		return 1;
	}
	sigset_t block, none;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGALRM);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &block, NULL);
	signal(SIGTERM, on_term);
	signal(SIGALRM, on_term);
	alarm(120);
	int pair[2];
	listen_tcp(port);
	listen_unix(upath);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0) {
		perror("prefork: socketpair");
		return 1;
	}
	pids[0] = getpid();
	for (int i = 1; i < n; i++) {
		pid_t p = fork();
		if (p < 0) {
			perror("prefork: fork");
			n = i;
			stop = 1;
			break;
		}
		if (p == 0) {
			sigprocmask(SIG_SETMASK, &none, NULL);
			signal(SIGTERM, SIG_DFL);
			worker(pids[0]);
		}
		pids[i] = p;
	}
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.tmp", ready);
	FILE *f = fopen(tmp, "w");
	if (f == NULL) {
		perror(tmp);
		stop = 1;
	} else {
		for (int i = 0; i < n; i++)
			fprintf(f, "%d\n", (int)pids[i]);
		if (fclose(f) != 0 || rename(tmp, ready) != 0)
			stop = 1;
	}
	while (!stop)
		sigsuspend(&none);
	for (int i = 1; i < n; i++)
		kill(pids[i], SIGKILL);
	while (wait(NULL) > 0)
		;
	unlink(upath);
	return 0;
}
