/*
 * fuzz_route.c - the -r readers: /proc/net/route, rt_cache and ipv6_route
 * with their header-driven sscanf formats.  Input: one byte choosing the
 * file, the -e layout and -C, then the file, written below a private
 * NLNETSTAT_PROC_ROOT.  Numeric only (no resolver); output is dropped.
 */
#include "fuzz_common.h"
#include "netstat.h"
#include "out.h"
#include "route.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_root_init();
	fuzz_stdout_to_null();
	fuzz_stderr_stream_to_null();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc;

	if (size < 1)
		return 0;
	unsigned file = data[0] % 3;
	int ext = route_ext((data[0] >> 2) & 7);
	bool cache = (data[0] & 0x20) != 0;

	FUZZ_CHECK(ext >= 0 && ext <= 3);
	data++;
	size--;
	switch (file) {
	case 0:
		fuzz_root_write("net/route", data, size);
		rc = route_inet_fib(ext, true);
		break;
	case 1:
		fuzz_root_write("net/rt_cache", data, size);
		rc = route_inet_cache(ext, true);
		break;
	default:
		fuzz_root_write("net/ipv6_route", data, size);
		rc = route_inet6(cache, true);
		break;
	}
	FUZZ_CHECK(rc == EXIT_OK || rc == EXIT_FAIL || rc == EXIT_OPEN);
	FUZZ_CHECK(out_flush() == 0);
	return 0;
}
