/*
 * iface_rtnl.c - -i from one rtnetlink snapshot: the links and IPv4
 * address labels of rtnl.c become the rows of the interface list (joined
 * by name and ifindex in hash tables, sorted once), and each row gets the
 * answers the SIOCGIF* ioctls would give, chained as devinet_ioctl() is.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iface.h"
#include "rtnl.h"
#include "util.h"

int
iface_snap_link(const struct rtnl_link *link, void *ctx)
{
	struct iface_snap *s = ctx;
	struct iface *ifc = iface_list_add(s->list, link->name);

	ifc->is_link = true;
	ifc->ifindex = link->index;
	/* SIOCGIFFLAGS hands back dev_get_flags() in a short. */
	ifc->flags = (short)link->flags;
	ifc->mtu = link->mtu;
	ifc->hwtype = link->type;
	memcpy(ifc->hwaddr, link->hwaddr, sizeof(link->hwaddr));
	ifc->map = link->map;
	ifc->txqlen = link->txqlen;
	ifc->has_stats = link->has_stats;
	ifc->st = link->st;
	return 0;
}

int
iface_snap_addr(const struct rtnl_addr4 *addr, void *ctx)
{
	struct iface_snap *s = ctx;

	s->addr = xgrow(s->addr, &s->cap, s->n, sizeof(*s->addr), 64);
	s->addr[s->n++] = *addr;
	iface_list_add(s->list, addr->label);
	return 0;
}

/* Chain the addresses by label, keeping the kernel's order in each. */
void
iface_snap_finish(struct iface_snap *s)
{
	size_t *last;

	s->slots = 64;
	while (s->slots < 2 * s->n)
		s->slots *= 2;
	s->first = xcalloc(s->slots, sizeof(*s->first));
	last = xcalloc(s->slots, sizeof(*last));
	s->next = xcalloc(s->n + 1, sizeof(*s->next));
	for (size_t i = 0; i < s->n; i++) {
		size_t k = iface_name_hash(s->addr[i].label) & (s->slots - 1);

		while (
		    s->first[k] != 0 && strcmp(s->addr[s->first[k] - 1].label,
		                            s->addr[i].label) != 0)
			k = (k + 1) & (s->slots - 1);
		if (s->first[k] == 0)
			s->first[k] = i + 1;
		else
			s->next[last[k] - 1] = i + 1;
		last[k] = i + 1;
	}
	free(last);
	iface_list_sort(s->list);
}

/*
 * devinet_ioctl()'s choice for a SIOCGIF* request on label with the
 * address of the previous answer: the label's first address whose local
 * address equals it, else the label's first address.  NULL if none.
 */
static const struct rtnl_addr4 *
snap_pick(const struct iface_snap *s, const char *label, int index,
    const uint32_t *want)
{
	const struct rtnl_addr4 *first = NULL;
	size_t k = iface_name_hash(label) & (s->slots - 1);

	while (
	    s->first[k] != 0 && strcmp(s->addr[s->first[k] - 1].label, label))
		k = (k + 1) & (s->slots - 1);
	for (size_t i = s->first[k]; i != 0; i = s->next[i - 1]) {
		const struct rtnl_addr4 *a = &s->addr[i - 1];

		if (a->index != index)
			continue;
		if (want != NULL && a->local == *want)
			return a;
		if (first == NULL)
			first = a;
	}
	return first;
}

/* inet_make_mask(): the netmask of a prefix length, network order. */
static uint32_t
prefix_mask(unsigned plen)
{
	uint64_t ones = 0xffffffffull << (32 - (plen > 32 ? 32 : plen));

	return htonl((uint32_t)ones);
}

static void
put_in4(struct sockaddr *sa, uint32_t addr)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = addr;
	memcpy(sa, &sin, sizeof(sin));
}

/* The four IPv4 answers net-tools asks for, chained as the ioctls are. */
static void
snap_fetch_inet(const struct iface_snap *s, struct iface *ifc, int index)
{
	uint32_t v = 0;
	const struct rtnl_addr4 *a = snap_pick(s, ifc->name, index, &v);

	if (a == NULL)
		return;
	ifc->has_ip = true;
	put_in4(&ifc->addr, v = a->local);
	a = snap_pick(s, ifc->name, index, &v);
	put_in4(&ifc->dstaddr, v = a->address);
	a = snap_pick(s, ifc->name, index, &v);
	put_in4(&ifc->broadaddr, v = a->broadcast);
	a = snap_pick(s, ifc->name, index, &v);
	put_in4(&ifc->netmask, prefix_mask(a->prefixlen));
}

/*
 * A row's answers from the snapshot, as the ioctls would give them: the
 * device is the name up to its first ':'.  -ENODEV when there is none.
 */
int
iface_snap_fetch(const struct iface_snap *s, struct iface *ifc)
{
	char base[IFNAMSIZ];
	const struct iface *link;

	snprintf(base, sizeof(base), "%.*s", (int)strcspn(ifc->name, ":"),
	    ifc->name);
	link = iface_list_find(s->list, base);
	if (link == NULL || !link->is_link)
		return -ENODEV;
	if (link != ifc) {
		ifc->flags = link->flags;
		ifc->mtu = link->mtu;
		ifc->hwtype = link->hwtype;
		memcpy(ifc->hwaddr, link->hwaddr, sizeof(ifc->hwaddr));
		ifc->map = link->map;
		ifc->txqlen = link->txqlen;
	}
	snap_fetch_inet(s, ifc, link->ifindex);
	return 0;
}

void
iface_snap_free(struct iface_snap *s)
{
	free(s->addr);
	free(s->next);
	free(s->first);
	memset(s, 0, sizeof(*s));
}

/* Links and IPv4 labels over rtnetlink, sorted; 0 or -errno. */
int
iface_snap_read(struct iface_snap *s, struct iface_list *list)
{
	int rc = -EINTR;

	/*
	 * A link or address change during a dump marks it interrupted
	 * (NLM_F_DUMP_INTR, -EINTR here): take a fresh snapshot, a few
	 * times, before leaving the table to /proc and the ioctls.
	 */
	for (int try = 0; try < 8 && rc == -EINTR; try++) {
		iface_list_free(list);
		memset(s, 0, sizeof(*s));
		s->list = list;
		rc = rtnl_dump(iface_snap_link, iface_snap_addr, s);
		if (rc < 0)
			iface_snap_free(s);
	}
	if (rc < 0) {
		iface_list_free(list);
		return rc;
	}
	iface_snap_finish(s);
	return 0;
}
