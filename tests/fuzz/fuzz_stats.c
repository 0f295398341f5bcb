/*
 * fuzz_stats.c - the -s readers of /proc/net/snmp, netstat, snmp6 and
 * sctp/snmp, and the text printer their records feed.  Input: one byte
 * choosing the reader, one byte of PROTO_* bits, then the file, served
 * from a memfd.  Sections, records and printed bytes are checked, dropped.
 */
#include <sys/mman.h>

#include "emit.h"
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

/* What the text emitter does with -s records, plus the records' rules. */
struct checker {
	struct emitter base;
	struct stats_printer p;
	bool open, hidden;
	size_t total;
};

static void
chk_section_begin(struct emitter *e, enum emit_sec sec, const char *title)
{
	struct checker *c = (struct checker *)e;

	FUZZ_CHECK(!c->open && title != NULL);
	FUZZ_CHECK(sec == EMIT_SEC_COUNTERS || sec == EMIT_SEC_COUNTERS6 ||
	           sec == EMIT_SEC_COUNTERS_HIDDEN);
	c->open = true;
	c->hidden = sec == EMIT_SEC_COUNTERS_HIDDEN;
	stats_section(&c->p, sec, title);
}

/* A value is what strtoull read: [sign]digits, "" or a missing "0". */
static bool
chk_value(const char *v)
{
	if (*v == '+' || *v == '-')
		v++;
	else if (*v == '\0')
		return true;
	return *v != '\0' && strspn(v, "0123456789") == strlen(v);
}

static void
chk_row(struct emitter *e, const struct emit_row *row)
{
	struct checker *c = (struct checker *)e;

	FUZZ_CHECK(row->kind == EMIT_COUNTER && c->open && !c->hidden);
	fuzz_touch(row->u.counter.name, strlen(row->u.counter.name));
	FUZZ_CHECK(chk_value(row->u.counter.value));
	stats_counter_text(&c->p, &row->u.counter);
}

static void
chk_section_end(struct emitter *e, enum emit_sec sec)
{
	struct checker *c = (struct checker *)e;

	(void)sec;
	FUZZ_CHECK(c->open);
	c->open = false;
}

static const struct emit_ops chk_ops = {
	.section_begin = chk_section_begin,
	.row = chk_row,
	.section_end = chk_section_end,
};

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
	struct checker c = { .base = { .ops = &chk_ops } };
	struct stats_reader r;
	struct stats_src src = { 0 };

	if (size < 2)
		return 0;
	load(data + 2, size - 2);
	stats_printer_init(&c.p, discard, &c.total);
	stats_reader_init(&r, &c.base, data[1]);
	switch (data[0] & 3) {
	case 0: stats_read_pairs(&r, fuzz_memfd, NULL, &src); break;
	case 1: stats_read_pairs(&r, fuzz_memfd, "Tcp", &src); break;
	case 2: stats_read_snmp6(&r, fuzz_memfd, &src); break;
	default: stats_read_sctp(&r, fuzz_memfd, &src); break;
	}
	FUZZ_CHECK(!c.open); /* every reader ends its last section */
	FUZZ_CHECK(src.read_err == 0);
	FUZZ_CHECK(src.nbad == 0 || src.first_bad >= 1);
	return 0;
}
