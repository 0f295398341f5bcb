/*
 * fuzz_procnet_unix.c - /proc/net/unix: procnet_parse_unix() on every
 * input line, then the whole input as NLNETSTAT_PROC_ROOT/net/unix through
 * procnet_read(SKT_UNIX), which joins paths broken by newlines.  The sink
 * reads every path byte and counts records against the input's lines.
 */
#include <sys/socket.h>

#include "fuzz_common.h"
#include "procnet.h"

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
	struct sock_rec r;
	int rc = procnet_parse_unix(line, len, &r);

	(void)index;
	(void)ctx;
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	if (rc != 0)
		return;
	FUZZ_CHECK(r.family == AF_UNIX && r.table == SKT_UNIX);
	if (r.path != NULL) {
		/* The path is the rest of the line, inside the caller's text.
		 */
		FUZZ_CHECK(r.path > line && r.path <= line + len);
		FUZZ_CHECK(r.path + r.path_len == line + len);
	} else {
		FUZZ_CHECK(r.path_len == 0);
	}
}

struct count {
	unsigned long records;
	size_t path_bytes;
};

static int
count_sink(const struct sock_rec *r, void *ctx)
{
	struct count *c = ctx;

	FUZZ_CHECK(r->family == AF_UNIX);
	if (r->path != NULL)
		fuzz_touch(r->path, r->path_len);
	else
		FUZZ_CHECK(r->path_len == 0);
	c->path_bytes += r->path_len;
	c->records++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t lines = fuzz_lines(data, size, one_line, NULL);
	struct procnet_result res;
	struct count c = { 0, 0 };

	fuzz_root_write("net/unix", data, size);
	FUZZ_CHECK(procnet_read(SKT_UNIX, AF_UNIX, count_sink, &c, &res) == 0);
	/* Continuation lines are neither records nor bogus. */
	FUZZ_CHECK(c.records + res.bogus <= (lines > 0 ? lines - 1 : 0));
	FUZZ_CHECK(c.path_bytes <= size);
	FUZZ_CHECK(res.bogus == 0 || res.first_bogus >= 2);
	return 0;
}
