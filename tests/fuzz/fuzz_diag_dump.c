/*
 * fuzz_diag_dump.c - a whole recorded sock_diag dump (the concatenated
 * datagrams NLNETSTAT_DIAG_REPLAY reads): the input is replayed as tcp.nl
 * and raw6.nl through diag_dump(), covering the message walk, the DONE
 * and ERROR handlers and the SYN_RECV listener-uid lookup.
 */
#include <sys/socket.h>

#include "diag.h"
#include "fuzz_common.h"

static struct diag_sock *fuzz_diag;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_root_init();
	setenv("NLNETSTAT_DIAG_REPLAY", fuzz_root, 1);
	if (diag_open(&fuzz_diag) != 0) {
		fprintf(stderr, "diag_open on the replay directory failed\n");
		abort();
	}
	return 0;
}

static int
count_sink(const struct sock_rec *r, void *ctx)
{
	unsigned long *n = ctx;

	FUZZ_CHECK(r->family == AF_INET || r->family == AF_INET6);
	(*n)++;
	return 0;
}

static void
dump_one(int family, enum sk_table table)
{
	struct diag_req req = {
		.family = family,
		.table = table,
		.states = diag_states_all(),
		.want_info = true,
		.want_uids = true,
	};
	unsigned long n = 0, emitted = 0;
	int rc = diag_dump(fuzz_diag, &req, count_sink, &n, &emitted);

	FUZZ_CHECK(rc <= 0);
	FUZZ_CHECK(n == emitted);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_root_write("tcp.nl", data, size);
	fuzz_root_write("raw6.nl", data, size);
	dump_one(AF_INET, SKT_TCP);
	dump_one(AF_INET6, SKT_RAW);
	return 0;
}
