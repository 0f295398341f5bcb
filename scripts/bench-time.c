/*
 * bench-time.c - run one command for scripts/bench and report its cost.
 * The command's stdout (unless -o names a file or FIFO) and stderr (unless
 * -e names a file) go to /dev/null; wait4() gives its CPU time and peak RSS.
 * Prints one line: "wall_s user_s sys_s maxrss_kib status" (status: exit code,
 * 128+signal).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void
on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: bench-time [-e stderr_file] [-o stdout_file] "
	                "[-t timeout_s] command [arg...]\n");
	exit(2);
}

static double
seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

/* Child side: redirect and exec; 127 when the command cannot run. */
static void
run_child(char **argv, const char *errfile, const char *outfile)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	int err = errfile ? open(errfile,
	                        O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)
	                  : null;
	/* No O_TRUNC: the file may be a FIFO with a reader waiting. */
	int out = outfile ? open(outfile, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)
	                  : null;

	if (null < 0 || err < 0 || out < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0)
		_exit(127);
	execvp(argv[0], argv);
	_exit(127);
}

int
main(int argc, char **argv)
{
	const char *errfile = NULL, *outfile = NULL;
	unsigned timeout = 0;
	struct timespec t0, t1;
	struct rusage ru;
	int ch, status;
	pid_t pid, w;

	while ((ch = getopt(argc, argv, "+e:o:t:")) != -1) {
		switch (ch) {
		case 'e': errfile = optarg; break;
		case 'o': outfile = optarg; break;
		case 't': timeout = (unsigned)strtoul(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("bench-time: fork");
		return 1;
	}
	if (pid == 0)
		run_child(argv + optind, errfile, outfile);
	if (timeout > 0)
		alarm(timeout);
	while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR) {
		if (timed_out)
			kill(pid, SIGKILL);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (w < 0) {
		perror("bench-time: wait4");
		return 1;
	}
	double wall = (double)(t1.tv_sec - t0.tv_sec) +
	              (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int code =
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	printf("%.6f %.6f %.6f %ld %d\n", wall, seconds(&ru.ru_utime),
	    seconds(&ru.ru_stime), ru.ru_maxrss, code);
	return 0;
}
