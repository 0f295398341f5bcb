/*
 * fuzz_route.c - the -r readers: /proc/net/route, rt_cache and ipv6_route
 * with their header-driven sscanf formats.  Input: one byte choosing the
 * file, the -e layout, -C and the emitter (text or JSON), then the file,
 * written below a private NLNETSTAT_PROC_ROOT.  Numeric only (no
 * resolver); output is dropped.
 */
#include "emit.h"
#include "fuzz_common.h"
#include "netstat.h"
#include "out.h"
#include "fmt_route.h"
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
	struct opts o = { 0 };
	struct emitter *e;
	int rc;

	if (size < 1)
		return 0;
	unsigned file = data[0] % 3;
	o.extend = (data[0] >> 2) & 7;
	bool cache = (data[0] & 0x20) != 0;
	int ext = fmt_route_ext(o.extend);

	FUZZ_CHECK(ext >= 0 && ext <= 3);
	e = (data[0] & 0x40) ? emit_json_new(&o) : emit_text_new(&o);
	emit_doc_begin(e, EMIT_DOC_ROUTE);
	data++;
	size--;
	switch (file) {
	case 0:
		fuzz_root_write("net/route", data, size);
		rc = route_inet_fib(e, true);
		break;
	case 1:
		fuzz_root_write("net/rt_cache", data, size);
		rc = route_inet_cache(e, true);
		break;
	default:
		fuzz_root_write("net/ipv6_route", data, size);
		rc = route_inet6(e, cache, true);
		break;
	}
	emit_doc_end(e, EMIT_DOC_ROUTE);
	emit_free(e);
	FUZZ_CHECK(rc == EXIT_OK || rc == EXIT_FAIL || rc == EXIT_OPEN);
	FUZZ_CHECK(out_flush() == 0);
	return 0;
}
