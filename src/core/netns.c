/*
 * netns.c - finding and entering network namespaces.  A namespace is
 * identified by the device and inode of its nsfs file, so one reachable
 * through a name and through many processes is listed once.  Entering
 * needs CAP_SYS_ADMIN; /proc/net then shows the entered namespace.
 */
#include "netns.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define NETNS_RUN_DIR "/run/netns"

int
netns_open(const char *name)
{
	char path[4096];
	int fd;

	if (strchr(name, '/') != NULL)
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int
netns_enter(int fd)
{
	return setns(fd, CLONE_NEWNET) < 0 ? -errno : 0;
}

struct ns_list {
	struct netns_ent *v;
	dev_t *devs;
	ino_t *inos;
	size_t n, cap;
};

/* Add fd under label unless that namespace is listed; takes the fd. */
static void
list_add(struct ns_list *l, int fd, const char *label)
{
	struct stat st;

	/* A file left in /run/netns by a failed `ip netns add` (no
	 * namespace mounted on it) is not a namespace: leave it out. */
	if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET || fstat(fd, &st) < 0) {
		close(fd);
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->devs[i] == st.st_dev && l->inos[i] == st.st_ino) {
			close(fd);
			return;
		}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		l->devs = xrealloc(l->devs, l->cap * sizeof(*l->devs));
		l->inos = xrealloc(l->inos, l->cap * sizeof(*l->inos));
	}
	l->v[l->n].fd = fd;
	snprintf(l->v[l->n].label, sizeof(l->v[l->n].label), "%s", label);
	l->devs[l->n] = st.st_dev;
	l->inos[l->n] = st.st_ino;
	l->n++;
}

static void
list_named(struct ns_list *l)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		int fd = netns_open(e->d_name);
		if (fd >= 0)
			list_add(l, fd, e->d_name);
	}
	closedir(d);
}

static void
list_by_pid(struct ns_list *l)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char path[300], label[300];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/net", e->d_name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue; /* exited, or not ours to see */
		snprintf(label, sizeof(label), "pid %s", e->d_name);
		list_add(l, fd, label);
	}
	closedir(d);
}

size_t
netns_list(struct netns_ent **out)
{
	struct ns_list l = { 0 };
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);

	if (self >= 0)
		list_add(&l, self, "current");
	list_named(&l);
	list_by_pid(&l);
	free(l.devs);
	free(l.inos);
	*out = l.v;
	return l.n;
}

void
netns_list_free(struct netns_ent *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		close(list[i].fd);
	free(list);
}
