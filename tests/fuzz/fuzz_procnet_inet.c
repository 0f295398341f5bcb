/*
 * fuzz_procnet_inet.c - /proc/net/{tcp,tcp6,udp,udp6,raw,raw6} lines:
 * procnet_parse_inet() on every input line, then the whole input as one
 * socket file through procnet_read(), the line reader included.  Checks
 * the return codes, the record's family and table, and the line counts.
 */
#include <sys/socket.h>

#include "fuzz_common.h"
#include "procnet.h"

static const enum sk_table fuzz_tables[] = { SKT_TCP, SKT_UDP, SKT_UDPLITE,
	SKT_RAW };
#define NTABLES (sizeof(fuzz_tables) / sizeof(fuzz_tables[0]))

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_root_init();
	return 0;
}

static void
one_line(const char *line, size_t len, size_t index, void *ctx)
{
	enum sk_table t = fuzz_tables[index % NTABLES];
	struct sock_rec r;
	int rc = procnet_parse_inet(line, t, &r);

	(void)len;
	(void)ctx;
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	if (rc != 0)
		return;
	FUZZ_CHECK(r.family == AF_INET || r.family == AF_INET6);
	FUZZ_CHECK(r.table == t);
	FUZZ_CHECK(r.path == NULL);
}

static int
count_sink(const struct sock_rec *r, void *ctx)
{
	unsigned long *n = ctx;

	FUZZ_CHECK(r->family == AF_INET || r->family == AF_INET6);
	(*n)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t lines = fuzz_lines(data, size, one_line, NULL);
	enum sk_table t = fuzz_tables[size % NTABLES];
	int family = size % 2 ? AF_INET6 : AF_INET;
	struct procnet_result res;
	unsigned long n = 0;

	fuzz_root_write(procnet_path(t, family), data, size);
	FUZZ_CHECK(procnet_read(t, family, count_sink, &n, &res) == 0);
	/* The first line is the header; every other one is a record or bogus.
	 */
	FUZZ_CHECK(n + res.bogus == (lines > 0 ? lines - 1 : 0));
	FUZZ_CHECK(res.bogus == 0 || res.first_bogus >= 2);
	return 0;
}
