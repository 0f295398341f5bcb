/*
 * fuzz_diag.c - the sock_diag reply decoders: diag_decode_inet() on the
 * input as one netlink message, for every inet table, and
 * diag_decode_unix().  nlmsg_len is cut
 * to the input size and the message sits in a heap buffer of exactly its
 * aligned length, so any read past the message is an ASan report.
 */
#include <linux/netlink.h>
#include <sys/socket.h>

#include "diag.h"
#include "fuzz_common.h"

static const enum sk_table fuzz_tables[] = { SKT_TCP, SKT_UDP, SKT_UDPLITE,
	SKT_RAW };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr hdr;
	size_t len, keep, own;
	void *buf;

	/* The decoder is handed a whole header; shorter input is not one. */
	if (size < NLMSG_HDRLEN)
		return 0;
	memcpy(&hdr, data, sizeof(hdr));
	len = hdr.nlmsg_len < size ? hdr.nlmsg_len : size;
	/*
	 * Netlink frames a message in NLMSG_ALIGN(nlmsg_len) bytes: that is
	 * the buffer the decoder may read, padding zeroed, nothing more.
	 */
	keep = len < NLMSG_HDRLEN ? NLMSG_HDRLEN : len;
	own = NLMSG_ALIGN(keep);
	buf = calloc(1, own);
	if (buf == NULL)
		abort();
	memcpy(buf, data, keep);
	((struct nlmsghdr *)buf)->nlmsg_len = (uint32_t)len;
	for (size_t i = 0; i < sizeof(fuzz_tables) / sizeof(fuzz_tables[0]);
	     i++) {
		struct sock_rec r;
		int rc = diag_decode_inet(buf, fuzz_tables[i], &r);

		FUZZ_CHECK(rc == 0 || rc == -EINVAL);
		if (rc != 0)
			continue;
		FUZZ_CHECK(r.family == AF_INET || r.family == AF_INET6);
		FUZZ_CHECK(r.table == fuzz_tables[i]);
		FUZZ_CHECK(r.path == NULL);
	}
	struct diag_unix u;
	int urc = diag_decode_unix(buf, &u);
	FUZZ_CHECK(urc == 0 || urc == -EINVAL);
	if (urc == 0 && u.name != NULL) {
		/* The name lies inside the message. */
		FUZZ_CHECK(
		    (const char *)u.name >= (const char *)buf &&
		    (const char *)u.name + u.name_len <= (char *)buf + own);
		fuzz_touch(u.name, u.name_len);
	}
	free(buf);
	return 0;
}
