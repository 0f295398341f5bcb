/*
 * netns.h - network namespaces for --netns and --all-netns: open one by
 * name (/run/netns/NAME) or path, enter it, and list every namespace on
 * the host (named ones and those only held by a process).
 */
#ifndef NLNETSTAT_NETNS_H
#define NLNETSTAT_NETNS_H

#include <stddef.h>

struct netns_ent {
	int fd;          /* open namespace file */
	char label[300]; /* the name under /run/netns, or "pid PID" */
};

/* Open NAME under /run/netns, or a path when it contains '/'.  fd or -errno. */
int netns_open(const char *name);

/* Enter the namespace fd refers to (setns).  0 or -errno. */
int netns_enter(int fd);

/*
 * Every distinct network namespace: the current one first, then named
 * ones, then those reachable only through /proc/PID/ns/net.  Returns the
 * count with *out allocated (free with netns_list_free).
 */
size_t netns_list(struct netns_ent **out);
void netns_list_free(struct netns_ent *list, size_t n);

#endif
