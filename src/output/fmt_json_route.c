/*
 * fmt_json_route.c - one JSON object per route for -r --json, with jc's
 * route keys: one field table serves the IPv4 FIB and the IPv6 table
 * (each takes the fields marked for its family, in the table's order).
 * The IPv4 cache is not listed.
 */
#include "fmt_json.h"

#include <stddef.h>
#include <sys/socket.h>

#include "fmt_route.h"

/* Which tables a field belongs to. */
enum { RJ_INET = 1, RJ_INET6 = 2, RJ_BOTH = RJ_INET | RJ_INET6 };

/* How a field's value is read from struct route_rec. */
enum rj_kind {
	RJ_TEXT,  /* a const char * at off */
	RJ_INT,   /* an int at off */
	RJ_FLAGS, /* the flag letters of the row's table */
};

struct rj_field {
	const char *key;
	enum rj_kind kind;
	unsigned families; /* RJ_INET, RJ_INET6 or both */
	size_t off;
};

#define RJ_AT(member) offsetof(struct route_rec, member)

/* Every column, whatever the -e count, in jc's order. */
static const struct rj_field rj_fields[] = {
	{ "destination", RJ_TEXT, RJ_BOTH, RJ_AT(dst) },
	{ "gateway", RJ_TEXT, RJ_INET, RJ_AT(gw) },
	{ "next_hop", RJ_TEXT, RJ_INET6, RJ_AT(gw) },
	{ "genmask", RJ_TEXT, RJ_INET, RJ_AT(mask) },
	{ "route_flags", RJ_FLAGS, RJ_BOTH, 0 },
	{ "metric", RJ_INT, RJ_BOTH, RJ_AT(metric) },
	{ "route_refs", RJ_INT, RJ_BOTH, RJ_AT(refcnt) },
	{ "use", RJ_INT, RJ_BOTH, RJ_AT(use) },
	{ "iface", RJ_TEXT, RJ_BOTH, RJ_AT(iface) },
	{ "mss", RJ_INT, RJ_INET, RJ_AT(mtu) },
	{ "window", RJ_INT, RJ_INET, RJ_AT(window) },
	{ "irtt", RJ_INT, RJ_INET, RJ_AT(irtt) },
};

static void
json_field(struct json *j, const struct route_rec *r, const struct rj_field *f)
{
	const char *at = (const char *)r + f->off;
	char flags[64];

	json_key(j, f->key);
	switch (f->kind) {
	case RJ_TEXT:
		json_cstr(j, *(const char *const *)(const void *)at);
		break;
	case RJ_INT: json_i64(j, *(const int *)(const void *)at); break;
	case RJ_FLAGS:
		if (r->family == AF_INET6)
			fmt_route_flags6(r->flags, flags, sizeof(flags));
		else
			fmt_route_flags_fib(r->flags, flags, sizeof(flags));
		json_cstr(j, flags);
		break;
	}
}

/* jc's names for the IPv4 flag letters. */
static void
json_flag_names(struct json *j, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		/* The RTF_* bits of <linux/route.h>. */
		{ 0x0001, "UP" },
		{ 0x0002, "GATEWAY" },
		{ 0x0004, "HOST" },
		{ 0x0008, "REINSTATE" },
		{ 0x0010, "DYNAMIC" },
		{ 0x0020, "MODIFIED" },
		{ 0x0200, "REJECT" },
	};

	json_key(j, "route_flags_pretty");
	json_open(j, '[');
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit) {
			json_item(j);
			json_cstr(j, names[i].name);
		}
	json_close(j, ']');
}

void
fmt_json_route(struct json *j, const struct route_rec *r)
{
	bool v6 = r->family == AF_INET6;
	unsigned family = v6 ? RJ_INET6 : RJ_INET;

	if (!v6 && r->cache)
		return;
	json_item(j);
	json_open(j, '{');
	for (size_t i = 0; i < sizeof(rj_fields) / sizeof(rj_fields[0]); i++)
		if (rj_fields[i].families & family)
			json_field(j, r, &rj_fields[i]);
	json_key(j, "kind");
	json_cstr(j, "route");
	json_key(j, "family");
	json_cstr(j, v6 ? "inet6" : "inet");
	if (!v6)
		json_flag_names(j, r->flags);
	json_close(j, '}');
}
