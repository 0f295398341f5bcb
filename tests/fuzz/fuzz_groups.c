/*
 * fuzz_groups.c - /proc/net/igmp and igmp6 through groups_parse(), one
 * state for the whole input as for one -g pass.  A line holding only a
 * form feed starts the second file (line numbers restart at 0).  Lines
 * are passed as groups.c passes them: up to the first NUL, plus "\n".
 */
#include "fuzz_common.h"
#include "groups.h"

/* groups.c's fgets()-sized line buffer. */
#define LINE_MAX_BYTES 8192

struct groups_ctx {
	struct groups_state st;
	unsigned lnr;
};

static void
one_line(const char *line, size_t len, size_t index, void *ctx)
{
	struct groups_ctx *c = ctx;
	struct groups_row row;
	size_t n = strnlen(line, len);
	char *buf;

	(void)index;
	if (len == 1 && line[0] == '\f') {
		c->lnr = 0;
		return;
	}
	if (n > LINE_MAX_BYTES - 2)
		n = LINE_MAX_BYTES - 2;
	/* Exactly the line, its newline and the NUL. */
	buf = malloc(n + 2);
	if (buf == NULL)
		abort();
	memcpy(buf, line, n);
	buf[n] = '\n';
	buf[n + 1] = '\0';
	memset(&row, 0, sizeof(row));
	enum groups_line what = groups_parse(&c->st, c->lnr++, buf, &row);
	FUZZ_CHECK(
	    what == GROUPS_SKIP || what == GROUPS_ROW || what == GROUPS_BOGUS);
	FUZZ_CHECK(
	    strnlen(c->st.device, sizeof(c->st.device)) < sizeof(c->st.device));
	if (what == GROUPS_ROW)
		FUZZ_CHECK(row.v6 == c->st.v6_format);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct groups_ctx c;

	memset(&c, 0, sizeof(c));
	fuzz_lines(data, size, one_line, &c);
	return 0;
}
