/*
 * fuzz_rtnl.c - the rtnetlink side of -i: the input is a run of netlink
 * messages (RTM_NEWLINK and AF_INET RTM_NEWADDR, as a dump brings them),
 * decoded by rtnl_link_parse() and rtnl_addr4_parse(), joined into the
 * interface list by the snapshot code, then every row fetched and printed
 * in both layouts (to /dev/null).
 */
#include <libmnl/libmnl.h>

#include "fuzz_common.h"
#include "iface.h"
#include "out.h"
#include "rtnl.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_stdout_to_null();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iface_list list = { 0 };
	struct iface_snap snap;
	char row[512];
	/* Aligned, exact-size copy: ASan sees any read past the input. */
	void *copy = malloc(size ? size : 1);
	const struct nlmsghdr *nlh = copy;
	int len = (int)size;

	if (copy == NULL)
		abort();
	memcpy(copy, data, size);
	memset(&snap, 0, sizeof(snap));
	snap.list = &list;
	/* mnl_nlmsg_ok() takes a length above INT_MAX as negative: check. */
	while (mnl_nlmsg_ok(nlh, len) && nlh->nlmsg_len <= (unsigned)len) {
		struct rtnl_link l;
		struct rtnl_addr4 a;

		if (rtnl_link_parse(nlh, &l) == 0) {
			FUZZ_CHECK(strnlen(l.name, IFNAMSIZ) < IFNAMSIZ);
			iface_snap_link(&l, &snap);
		} else if (rtnl_addr4_parse(nlh, &a) == 0) {
			FUZZ_CHECK(strnlen(a.label, IFNAMSIZ) < IFNAMSIZ);
			iface_snap_addr(&a, &snap);
		}
		nlh = mnl_nlmsg_next(nlh, &len);
	}
	iface_snap_finish(&snap);
	for (size_t i = 0; i < list.n; i++) {
		struct iface *ifc = &list.v[i];

		if (iface_snap_fetch(&snap, ifc) < 0)
			continue;
		iface_format_short(ifc, row, sizeof(row));
		FUZZ_CHECK(strnlen(row, sizeof(row)) < sizeof(row));
		iface_print_long(ifc, NULL);
	}
	FUZZ_CHECK(out_flush() == 0);
	iface_snap_free(&snap);
	iface_list_free(&list);
	free(copy);
	return 0;
}
