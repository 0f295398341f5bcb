/*
 * test_procmap.c - the inode -> owner map over a fake /proc tree made of
 * symlinks named like /proc/PID/fd entries: lowest PID wins, every owner
 * is kept, argv[0] rules and the 19-byte cut, unreadable directories.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "hmap.h"
#include "procmap.h"
#include "procscan.h"

void test_group_procmap(void);

static char root[64];

static void
mkproc(int pid, const char *cmdline, size_t cmdlen)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%d", root, pid);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/%d/fd", root, pid);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/%d/cmdline", root, pid);
	FILE *f = fopen(p, "w");
	if (f) {
		fwrite(cmdline, 1, cmdlen, f);
		fclose(f);
	}
}

static void
mkfd(int pid, int fd, const char *target)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%d/fd/%d", root, pid, fd);
	if (symlink(target, p) != 0)
		perror(p);
}

/* A new empty fake /proc in root, used by the library; false on failure. */
static bool
tree_new(void)
{
	snprintf(root, sizeof(root), "/tmp/nlnetstat-procmap.XXXXXX");
	if (mkdtemp(root) == NULL) {
		t_begin("procmap: make a fake /proc tree");
		T_CHECK(!"mkdtemp failed");
		t_end();
		return false;
	}
	setenv("NLNETSTAT_PROC_ROOT", root, 1);
	return true;
}

static void
tree_remove(void)
{
	char cmd[128];

	unsetenv("NLNETSTAT_PROC_ROOT");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
}

/*
 * Processes 1000..1599 named procPID; each holds its own socket
 * 50000+PID as fd 3 and the shared socket 90000+PID%7 as fd 4.
 */
static void
tree_add_600(void)
{
	char p[64], name[32];

	for (int pid = 1000; pid < 1600; pid++) {
		snprintf(name, sizeof(name), "proc%d", pid);
		mkproc(pid, name, strlen(name) + 1);
		snprintf(p, sizeof(p), "socket:[%d]", 50000 + pid);
		mkfd(pid, 3, p);
		snprintf(p, sizeof(p), "socket:[%d]", 90000 + pid % 7);
		mkfd(pid, 4, p);
	}
}
static void
test_format_owner(void)
{
	char col[20], name[600];

	t_begin("procmap: argv[0] rules");
	procmap_format_owner(
	    42, "/usr/sbin/sshd\0-D", 17, col, name, sizeof(name));
	T_STREQ(col, "42/sshd");
	procmap_format_owner(42, "nginx: master", 13, col, name, sizeof(name));
	T_STREQ(col, "42/nginx: master");
	procmap_format_owner(
	    12609, "a-very-long-program-name", 24, col, name, sizeof(name));
	T_STREQ(col, "12609/a-very-long-p");
	T_STREQ(name, "a-very-long-program-name");
	procmap_format_owner(7, "/usr/bin/", 9, col, name, sizeof(name));
	T_STREQ(col, "7/");
	procmap_format_owner(7, "evil\033]0;x\n", 11, col, name, sizeof(name));
	T_STREQ(col, "7/evil?]0;x?");
	T_STREQ(name, "evil\033]0;x\n");
	procmap_format_owner(7, "", 0, col, name, sizeof(name));
	T_STREQ(col, "7/");
	t_end();
}

static void
test_parse_link(void)
{
	uint64_t ino;

	t_begin("procmap: link targets");
	T_CHECK(
	    procscan_parse_link("socket:[12345]", 14, &ino) && ino == 12345);
	T_CHECK(procscan_parse_link("[0000]:777", 10, &ino) && ino == 777);
	T_CHECK(!procscan_parse_link("pipe:[12]", 9, &ino));
	T_CHECK(!procscan_parse_link("socket:[12", 10, &ino));
	T_CHECK(!procscan_parse_link("/dev/null", 9, &ino));
	t_end();
}

/*
 * getdents64 records are read through struct dirent64 pointers: the
 * buffer type must carry that alignment, and a real directory read into
 * it must walk record by record.
 */
static void
test_dents_buffer(void)
{
	union procscan_dents buf;
	char dir[] = "/tmp/nlnetstat-dents.XXXXXX", p[64];
	size_t names = 0;
	long n;

	t_begin("procscan: the getdents64 buffer is aligned for dirent64");
	T_CHECK(_Alignof(union procscan_dents) >= _Alignof(struct dirent64));
	T_CHECK((uintptr_t)buf.bytes % _Alignof(struct dirent64) == 0);
	T_CHECK(sizeof(buf.bytes) >= 32768);
	T_CHECK(mkdtemp(dir) != NULL);
	for (int i = 0; i < 40; i++) {
		snprintf(p, sizeof(p), "%s/%d", dir, i);
		mkdir(p, 0700);
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	while (fd >= 0 && (n = getdents64(fd, buf.bytes, sizeof(buf))) > 0)
		for (long off = 0; off < n;) {
			const struct dirent64 *d =
			    (const struct dirent64 *)(buf.bytes + off);
			T_CHECK((uintptr_t)d % _Alignof(struct dirent64) == 0);
			names += d->d_name[0] != '.';
			off += d->d_reclen;
		}
	T_CHECK(names == 40);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 40; i++) {
		snprintf(p, sizeof(p), "%s/%d", dir, i);
		rmdir(p);
	}
	rmdir(dir);
	t_end();
}

static void
test_fake_tree(void)
{
	struct procmap *m;
	struct procmap_stats st;
	struct procmap_owner ow[4];

	if (!tree_new())
		return;
	mkproc(100, "/usr/bin/first\0arg", 18);
	mkfd(100, 3, "socket:[500]");
	mkfd(100, 4, "socket:[501]");
	mkfd(100, 5, "/dev/null");
	mkproc(200, "second", 7);
	mkfd(200, 3, "socket:[500]");
	mkfd(200, 7, "socket:[4294967297]");
	mkproc(300, "nosockets", 10);
	mkfd(300, 0, "pipe:[9]");
	procmap_build(&m, &st, NULL);
	t_begin("procmap: fake /proc tree");
	T_CHECK(st.procs == 3 && st.sockets == 4 && st.denied == 0);
	T_STREQ(procmap_lookup(m, 500), "100/first");
	T_STREQ(procmap_lookup(m, 501), "100/first");
	T_STREQ(procmap_lookup(m, 4294967297ull), "200/second");
	T_CHECK(procmap_lookup(m, 9) == NULL);
	T_CHECK(procmap_owners(m, 500, ow, 4) == 2);
	T_CHECK(ow[0].pid == 100 && ow[1].pid == 200);
	T_STREQ(ow[1].name, "second");
	t_end();
	procmap_free(m);
	tree_remove();
}

static void
test_many_inodes(void)
{
	/* The hash grows: 100k sockets in one fake process. */
	struct procmap *m;
	struct procmap_stats st;
	char p[256];

	if (!tree_new())
		return;
	mkproc(1, "init", 5);
	for (int i = 0; i < 20000; i++) {
		snprintf(p, sizeof(p), "socket:[%d]", 1000000 + i * 7);
		mkfd(1, i, p);
	}
	procmap_build(&m, &st, NULL);
	t_begin("procmap: hash grows to 20000 sockets");
	T_CHECK(st.sockets == 20000);
	bool all = true;
	for (int i = 0; i < 20000; i++)
		all =
		    all && procmap_lookup(m, 1000000 + (uint64_t)i * 7) != NULL;
	T_CHECK(all);
	T_CHECK(procmap_lookup(m, 1000001) == NULL);
	t_end();
	procmap_free(m);
	tree_remove();
}

static void
test_threaded_order(void)
{
	/* 600 processes: the scan runs on several threads; order must hold. */
	struct procmap *m;
	struct procmap_stats st;
	struct procmap_owner ow[8];

	if (!tree_new())
		return;
	tree_add_600();
	procmap_build(&m, &st, NULL);
	t_begin("procmap: parallel scan keeps /proc order");
	T_CHECK(st.procs == 600 && st.sockets == 1200);
	bool ok = true;
	for (int pid = 1000; pid < 1600; pid++) {
		char want[32];
		snprintf(want, sizeof(want), "%d/proc%d", pid, pid);
		const char *got = procmap_lookup(m, 50000 + (uint64_t)pid);
		ok = ok && got != NULL && strcmp(got, want) == 0;
	}
	T_CHECK(ok);
	/* Shared sockets: the lowest PID first, then every other in order. */
	T_STREQ(procmap_lookup(m, 90000 + 1000 % 7), "1000/proc1000");
	size_t n = procmap_owners(m, 90003, ow, 8);
	T_CHECK(n == 600 / 7 || n == 600 / 7 + 1);
	bool ascending = true;
	for (size_t i = 1; i < n && i < 8; i++)
		ascending = ascending && ow[i - 1].pid < ow[i].pid;
	T_CHECK(ascending);
	t_end();
	procmap_free(m);
	tree_remove();
}

/* 600 processes; the scan stops once the wanted inodes have owners. */
static void
test_early_stop(void)
{
	struct procmap *m;
	struct procmap_stats st;
	struct hmap want = { 0 };

	if (!tree_new())
		return;
	tree_add_600();
	t_begin("procmap: early stop keeps the first owners");
	hmap_u64_put(&want, 50000 + 1003, 1);
	hmap_u64_put(&want, 90000 + 1005 % 7, 1); /* shared: 1005 is first */
	procmap_build(&m, &st, &want);
	T_CHECK(st.partial && st.procs < 600 && st.procs >= 6);
	T_STREQ(procmap_lookup(m, 50000 + 1003), "1003/proc1003");
	T_STREQ(procmap_lookup(m, 90000 + 1005 % 7), "1005/proc1005");
	procmap_free(m);
	t_end();

	/* One thread: the stop comes right after 1005, not at a chunk end. */
	t_begin("procscan: early stop after the last first owner, mid-chunk");
	struct procscan scan;
	int rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	procscan_run(rootfd, 1, &want, &scan);
	T_CHECK(scan.stopped_early);
	T_CHECK(scan.visited == 6 && scan.nprocs == 6);
	T_CHECK(scan.nprocs > 0 && scan.procs[scan.nprocs - 1].pid == 1005);
	procscan_free(&scan);
	close(rootfd);
	t_end();

	t_begin("procmap: no early stop while a wanted inode has no owner");
	hmap_u64_put(&want, 12345, 1);
	procmap_build(&m, &st, &want);
	T_CHECK(!st.partial && st.procs == 600 && st.sockets == 1200);
	T_STREQ(procmap_lookup(m, 50000 + 1599), "1599/proc1599");
	procmap_free(m);
	t_end();

	t_begin("procmap: nothing wanted, nothing scanned");
	hmap_free(&want);
	procmap_build(&m, &st, &want);
	T_CHECK(st.partial && st.procs == 0);
	procmap_free(m);
	t_end();

	tree_remove();
}

/*
 * Our own process is left out only as the tree's "self" names it: a
 * fixture process with our PID is listed, and "self" hides its target.
 */
static void
test_self_skip(void)
{
	struct procmap *m;
	struct procmap_stats st;
	char p[256];
	int me = getpid();

	if (!tree_new())
		return;
	mkproc(me, "sameasus", 9);
	mkfd(me, 3, "socket:[700]");
	mkproc(me + 1, "other", 6);
	mkfd(me + 1, 3, "socket:[701]");
	t_begin("procmap: a fixture process with our PID is listed");
	procmap_build(&m, &st, NULL);
	T_CHECK(st.procs == 2);
	T_CHECK(procmap_lookup(m, 700) != NULL);
	procmap_free(m);
	t_end();

	t_begin("procmap: the tree's \"self\" is left out");
	snprintf(p, sizeof(p), "%s/self", root);
	char target[32];
	snprintf(target, sizeof(target), "%d", me + 1);
	T_CHECK(symlink(target, p) == 0);
	procmap_build(&m, &st, NULL);
	T_CHECK(st.procs == 1);
	T_CHECK(procmap_lookup(m, 700) != NULL);
	T_CHECK(procmap_lookup(m, 701) == NULL);
	procmap_free(m);
	t_end();

	tree_remove();
}

/*
 * A prefork listener: 500 processes share inode 777 (each twice, as a
 * dup), and every one of them is an owner, in PID order, without a cap.
 */
static void
test_many_owners(void)
{
	struct procmap *m;
	struct procmap_stats st;
	struct procmap_iter it;
	struct procmap_owner ow;
	char name[32];
	enum { NPROC = 500 };

	if (!tree_new())
		return;
	for (int pid = 2000; pid < 2000 + NPROC; pid++) {
		snprintf(name, sizeof(name), "worker%d", pid);
		mkproc(pid, name, strlen(name) + 1);
		mkfd(pid, 3, "socket:[777]");
		mkfd(pid, 9, "socket:[777]");
	}
	procmap_build(&m, &st, NULL);
	t_begin("procmap: every owner of a socket shared by 500 processes");
	T_CHECK(st.procs == NPROC && st.sockets == 2 * NPROC);
	T_CHECK(procmap_owners(m, 777, NULL, 0) == NPROC);
	T_STREQ(procmap_lookup(m, 777), "2000/worker2000");
	size_t n = 0;
	bool in_order = true;
	procmap_iter_init(&it, m, 777);
	while (procmap_iter_next(&it, &ow)) {
		snprintf(name, sizeof(name), "worker%d", 2000 + (int)n);
		in_order = in_order && ow.pid == 2000 + (pid_t)n &&
		           strcmp(ow.name, name) == 0;
		n++;
	}
	T_CHECK(n == NPROC && in_order);
	procmap_iter_init(&it, m, 778);
	T_CHECK(!procmap_iter_next(&it, &ow));
	procmap_iter_init(&it, NULL, 777);
	T_CHECK(!procmap_iter_next(&it, &ow));
	t_end();
	procmap_free(m);
	tree_remove();
}

void
test_group_procmap(void)
{
	test_many_owners();
	test_self_skip();
	test_early_stop();
	test_threaded_order();
	test_format_owner();
	test_parse_link();
	test_dents_buffer();
	test_fake_tree();
	test_many_inodes();
}
