/*
 * fuzz_stats.c - the -s readers of /proc/net/snmp, netstat, snmp6 and
 * sctp/snmp.  Input: one byte choosing the reader and the IPv4 or IPv6
 * title list, one byte of PROTO_* bits, then the file, served from a
 * memfd.  The printer's output is read byte by byte and then dropped.
 */
#include <sys/mman.h>

#include "fuzz_common.h"
#include "stats.h"

static int fuzz_memfd = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_memfd = memfd_create("stats-in", MFD_CLOEXEC);
	if (fuzz_memfd < 0) {
		perror("memfd_create");
		abort();
	}
	return 0;
}

static void
discard(void *ctx, const char *s, size_t n)
{
	size_t *total = ctx;

	fuzz_touch(s, n);
	/* Text comes from C strings: no NUL can be inside a chunk. */
	FUZZ_CHECK(memchr(s, '\0', n) == NULL);
	*total += n;
}

static void
load(const uint8_t *data, size_t size)
{
	FUZZ_CHECK(ftruncate(fuzz_memfd, 0) == 0);
	FUZZ_CHECK(lseek(fuzz_memfd, 0, SEEK_SET) == 0);
	while (size > 0) {
		ssize_t n = write(fuzz_memfd, data, size);
		FUZZ_CHECK(n > 0);
		data += n;
		size -= (size_t)n;
	}
	FUZZ_CHECK(lseek(fuzz_memfd, 0, SEEK_SET) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stats_printer p;
	struct stats_src src = { 0 };
	size_t total = 0;

	if (size < 2)
		return 0;
	unsigned mode = data[0] & 3;
	bool v6 = (data[0] & 4) != 0;
	load(data + 2, size - 2);
	stats_printer_init(
	    &p, v6 ? stats_known_v6 : stats_known_v4, data[1], discard, &total);
	switch (mode) {
	case 0: stats_read_pairs(&p, fuzz_memfd, NULL, &src); break;
	case 1: stats_read_pairs(&p, fuzz_memfd, "Tcp", &src); break;
	case 2: stats_read_snmp6(&p, fuzz_memfd, &src); break;
	default: stats_read_sctp(&p, fuzz_memfd, &src); break;
	}
	FUZZ_CHECK(src.read_err == 0);
	FUZZ_CHECK(src.nbad == 0 || src.first_bad >= 1);
	return 0;
}
