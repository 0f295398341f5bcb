/*
 * test_opts.c - argv in, struct opts out: defaults, family lists, the
 * protocol and family derivations, mode selection, -a over -l, counted -e,
 * and nlnetstat's own options taken out before getopt.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "opts.h"

void test_group_opts(void);

static struct opts
parse(const char *a1, const char *a2, const char *a3)
{
	char *argv[5] = { (char *)"netstat", NULL, NULL, NULL, NULL };
	int argc = 1;
	struct opts o;

	if (a1)
		argv[argc++] = (char *)a1;
	if (a2)
		argv[argc++] = (char *)a2;
	if (a3)
		argv[argc++] = (char *)a3;
	optind = 0; /* glibc: reinitialise getopt for a new argv */
	opts_parse(argc, argv, &o);
	return o;
}

static void
test_defaults(void)
{
	struct opts o = parse(NULL, NULL, NULL);

	t_begin("opts: no arguments");
	T_CHECK(o.mode == MODE_SOCKETS && o.show == SHOW_CONNECTED);
	T_CHECK(!o.explicit_sel && o.protos == 0 && o.families == 0);
	T_CHECK(o.afname[0] == '\0' && o.ext.format == FORMAT_TABLE);
	t_end();
}

static void
test_protocols(void)
{
	struct opts o = parse("-tuln", NULL, NULL);

	t_begin("opts: -tuln");
	T_CHECK(o.protos == (PROTO_TCP | PROTO_UDP));
	T_CHECK(o.show == SHOW_LISTENING);
	T_CHECK(o.numeric == (NUM_HOST | NUM_PORT | NUM_USER));
	T_CHECK(opts_has_af(&o, NAF_INET) && opts_has_af(&o, NAF_INET6));
	T_CHECK(o.explicit_sel && !o.no_proto_given);
	t_end();

	o = parse("-4", NULL, NULL);
	t_begin("opts: -4 implies every inet protocol");
	T_CHECK(o.protos == PROTO_INET_ALL && o.no_proto_given);
	T_CHECK(opts_has_af(&o, NAF_INET) && !opts_has_af(&o, NAF_INET6));
	T_STREQ(o.afname, "inet");
	t_end();

	o = parse("-A", "inet6,unix", "-la");
	t_begin("opts: -A list and -a over -l");
	T_STREQ(o.afname, "inet6,unix");
	T_CHECK(opts_has_af(&o, NAF_UNIX) && opts_has_af(&o, NAF_INET6));
	T_CHECK(o.show == SHOW_ALL);
	t_end();

	o = parse("--numeric-ports", "-x", "--appletalk");
	t_begin("opts: long families and --numeric-ports");
	T_CHECK(o.numeric == NUM_PORT);
	T_STREQ(o.afname, "unix,ddp");
	T_CHECK(o.explicit_sel && o.protos == 0);
	t_end();
}

static void
test_modes(void)
{
	struct opts o = parse("-s", NULL, NULL);

	t_begin("opts: modes");
	T_CHECK(o.mode == MODE_STATS && o.protos == PROTO_INET_ALL);
	o = parse("-ree", NULL, NULL);
	T_CHECK(o.mode == MODE_ROUTE && o.extend == 2);
	o = parse("-i", "-c", NULL);
	T_CHECK(o.mode == MODE_IFACE && o.continuous);
	o = parse("-M", NULL, NULL);
	T_CHECK(o.mode == MODE_MASQ);
	o = parse("-rFC", NULL, NULL);
	T_CHECK(o.route == (ROUTE_FIB | ROUTE_CACHE));
	t_end();
}

static void
test_extensions(void)
{
	struct opts o = parse("--json", "-t", NULL);

	t_begin("opts: nlnetstat options leave argv before getopt");
	T_CHECK(o.ext.format == FORMAT_JSON && o.protos == PROTO_TCP);
	/* "--stat" abbreviates netstat's --statistics, whatever we add. */
	o = parse("--stat", NULL, NULL);
	T_CHECK(o.mode == MODE_STATS);
	/* The argument of -A is not mistaken for an option. */
	o = parse("-A", "inet", "--js");
	T_CHECK(o.ext.format == FORMAT_JSON);
	T_STREQ(o.afname, "inet");
	t_end();
}

/*
 * Parse argv in a child with stderr in a temporary file: the exit status,
 * and the first line of stderr in line.  Returns whether usage followed.
 */
static bool
parse_fails(const char *a1, int *status, char *line, size_t len)
{
	FILE *err = tmpfile();
	char more[256];
	pid_t pid;

	line[0] = '\0';
	*status = -1;
	if (err == NULL)
		return false;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fileno(err), STDERR_FILENO);
		parse(a1, NULL, NULL);
		_exit(99); /* opts_parse returned: no error was seen */
	}
	if (pid > 0 && waitpid(pid, status, 0) == pid && WIFEXITED(*status))
		*status = WEXITSTATUS(*status);
	rewind(err);
	if (fgets(line, (int)len, err) == NULL)
		line[0] = '\0';
	bool usage = fgets(more, sizeof(more), err) != NULL &&
	             strncmp(more, "usage: netstat ", 15) == 0;
	fclose(err);
	return usage;
}

static void
test_extension_errors(void)
{
	char line[256];
	int status;

	t_begin("opts: a bad nlnetstat option prints usage and exits 3");
	T_CHECK(parse_fails("--json=x", &status, line, sizeof(line)));
	T_CHECK(status == 3);
	T_STREQ(line, "netstat: option '--json' doesn't allow an argument\n");
	t_end();

	t_begin("opts: a bad nlnetstat value exits 3 without usage");
	T_CHECK(!parse_fails("--pid=0", &status, line, sizeof(line)));
	T_CHECK(status == 3);
	T_STREQ(line, "nlnetstat: --pid: bad process id `0'.\n");
	t_end();
}

void
test_group_opts(void)
{
	test_defaults();
	test_protocols();
	test_modes();
	test_extensions();
	test_extension_errors();
}
