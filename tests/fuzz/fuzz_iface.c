/*
 * fuzz_iface.c - /proc/net/dev as iface.c reads it: the second line picks
 * the counter layout (iface_dev_version), every later line gives a name
 * (iface_dev_name) and counters (iface_dev_stats) for an entry of the
 * interface list (sorted once at the end), then each entry is formatted as a -i
 * row.
 */
#include "fuzz_common.h"
#include "iface.h"

struct dev_ctx {
	int version;
	struct iface_list list;
};

static void
one_line(const char *line, size_t len, size_t index, void *ctx)
{
	struct dev_ctx *c = ctx;
	char *name;
	const char *rest;

	if (index == 0)
		return;
	if (index == 1) {
		c->version = iface_dev_version(line);
		FUZZ_CHECK(c->version >= 1 && c->version <= 3);
		return;
	}
	/* Exactly IFNAMSIZ bytes, as the reader's buffer. */
	name = malloc(IFNAMSIZ);
	if (name == NULL)
		abort();
	rest = iface_dev_name(line, name, IFNAMSIZ);
	FUZZ_CHECK(rest >= line && rest <= line + len);
	FUZZ_CHECK(strnlen(name, IFNAMSIZ) < IFNAMSIZ);
	struct iface *ifc = iface_list_add(&c->list, name);
	FUZZ_CHECK(ifc != NULL && iface_name_cmp(ifc->name, name) == 0);
	iface_dev_stats(rest, c->version, &ifc->st);
	ifc->has_stats = true;
	free(name);
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dev_ctx c = { .version = 1 };
	char row[512];

	fuzz_lines(data, size, one_line, &c);
	iface_list_sort(&c.list);
	for (size_t i = 0; i < c.list.n; i++) {
		const struct iface *ifc = &c.list.v[i];

		FUZZ_CHECK(strnlen(ifc->name, IFNAMSIZ) < IFNAMSIZ);
		if (i > 0) {
			const char *a = c.list.v[i - 1].name;
			/* The order must at least be antisymmetric. */
			FUZZ_CHECK(sign(iface_name_cmp(a, ifc->name)) ==
			           -sign(iface_name_cmp(ifc->name, a)));
		}
		iface_format_short(ifc, row, sizeof(row));
		size_t rlen = strnlen(row, sizeof(row));
		FUZZ_CHECK(rlen < sizeof(row));
		for (size_t k = 0; k < rlen; k++)
			FUZZ_CHECK(row[k] == '\n' ||
			           ((unsigned char)row[k] >= 0x20 &&
			               (unsigned char)row[k] != 0x7f));
	}
	iface_list_free(&c.list);
	return 0;
}
