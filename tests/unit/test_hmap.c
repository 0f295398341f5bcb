/*
 * test_hmap.c - the one hash map: integer and string keys, insert, lookup,
 * update, growth from empty to 200k keys, keys that share a home slot (and
 * wrap past the table's end), string keys with embedded NULs and lengths,
 * and reserve/free leaving a usable map.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "hmap.h"

void test_group_hmap(void);

static void
test_u64_basic(void)
{
	struct hmap m = { 0 };
	uint64_t v = 99;
	bool added;

	t_begin("hmap: u64 insert, lookup, update");
	T_CHECK(!hmap_u64_get(&m, 5, &v) && v == 99); /* empty map */
	hmap_u64_put(&m, 5, 50);
	hmap_u64_put(&m, 6, 60);
	T_CHECK(hmap_u64_get(&m, 5, &v) && v == 50);
	T_CHECK(hmap_u64_get(&m, 6, &v) && v == 60);
	T_CHECK(hmap_u64_get(&m, 6, NULL));
	T_CHECK(!hmap_u64_get(&m, 7, &v));
	hmap_u64_put(&m, 5, 55);
	T_CHECK(hmap_u64_get(&m, 5, &v) && v == 55 && m.count == 2);
	uint64_t *r = hmap_u64_ref(&m, 8, &added);
	T_CHECK(r != NULL && added && *r == 0 && m.count == 3);
	*r = 80;
	r = hmap_u64_ref(&m, 8, &added);
	T_CHECK(r != NULL && !added && *r == 80);
	T_CHECK(hmap_u64_get(&m, UINT64_MAX - 1, &v) == false);
	hmap_u64_put(&m, UINT64_MAX, 1);
	T_CHECK(hmap_u64_get(&m, UINT64_MAX, &v) && v == 1);
	t_end();

	t_begin("hmap: u64 key 0 is reserved");
	hmap_u64_put(&m, 0, 1);
	T_CHECK(!hmap_u64_get(&m, 0, &v) && m.count == 4);
	T_CHECK(hmap_u64_ref(&m, 0, &added) == NULL && !added);
	t_end();
	hmap_free(&m);
	t_begin("hmap: free leaves an empty, usable map");
	T_CHECK(m.cap == 0 && m.count == 0 && !hmap_u64_get(&m, 5, &v));
	hmap_u64_put(&m, 5, 1);
	T_CHECK(hmap_u64_get(&m, 5, &v) && v == 1);
	t_end();
	hmap_free(&m);
}

static void
test_u64_many(void)
{
	struct hmap m = { 0 };
	const uint64_t n = 200000;
	uint64_t v;
	bool ok = true;

	t_begin("hmap: u64 grows to 200k sequential and spread keys");
	for (uint64_t i = 1; i <= n; i++) {
		hmap_u64_put(&m, i, i * 3);
		hmap_u64_put(&m, i << 40, i);
	}
	for (uint64_t i = 1; i <= n && ok; i++)
		ok = hmap_u64_get(&m, i, &v) && v == i * 3 &&
		     hmap_u64_get(&m, i << 40, &v) && v == i;
	T_CHECK(ok);
	T_CHECK(m.count == 2 * n && m.count * 2 <= m.cap);
	T_CHECK(
	    !hmap_u64_get(&m, n + 1, &v) && !hmap_u64_get(&m, 1ull << 39, &v));
	t_end();
	hmap_free(&m);
}

/* Home slot in a 16-slot table: the keys below are chosen to share one. */
static unsigned
home16(uint64_t k)
{
	return (unsigned)((k * 0x9e3779b97f4a7c15ull) >> 60);
}

static void
test_u64_collisions(void)
{
	struct hmap m = { 0 };
	uint64_t keys[6], v;
	size_t n = 0;
	bool ok = true;

	/* Six keys homed on the last slot: probes must wrap to slot 0. */
	for (uint64_t k = 1; n < 6; k++)
		if (home16(k) == 15)
			keys[n++] = k;
	t_begin("hmap: colliding keys probe on and wrap around");
	for (size_t i = 0; i < 6; i++)
		hmap_u64_put(&m, keys[i], 100 + i);
	T_CHECK(m.cap == 16); /* six keys: no growth yet */
	for (size_t i = 0; i < 6 && ok; i++)
		ok = hmap_u64_get(&m, keys[i], &v) && v == 100 + i;
	T_CHECK(ok);
	hmap_u64_put(&m, keys[3], 7);
	T_CHECK(hmap_u64_get(&m, keys[3], &v) && v == 7 && m.count == 6);
	uint64_t absent = keys[5] + 1;
	while (home16(absent) != 15)
		absent++;
	T_CHECK(!hmap_u64_get(&m, absent, &v)); /* walks the whole cluster */
	t_end();
	hmap_free(&m);
}

static void
test_str(void)
{
	struct hmap m = { 0 };
	uint64_t v;
	bool added;

	t_begin("hmap: string keys by bytes and length");
	hmap_str_put(&m, "alpha", 5, 1);
	hmap_str_put(&m, "alphabet", 8, 2);
	hmap_str_put(&m, "alp", 3, 3);
	T_CHECK(hmap_str_get(&m, "alpha", 5, &v) && v == 1);
	T_CHECK(hmap_str_get(&m, "alphabet", 8, &v) && v == 2);
	T_CHECK(hmap_str_get(&m, "alphabet", 3, &v) && v == 3);
	T_CHECK(!hmap_str_get(&m, "alph", 4, &v));
	hmap_str_put(&m, "alpha", 5, 11);
	T_CHECK(hmap_str_get(&m, "alpha", 5, &v) && v == 11 && m.count == 3);
	t_end();

	t_begin("hmap: string keys with embedded NULs, and the empty key");
	hmap_str_put(&m, "a\0b", 3, 4);
	hmap_str_put(&m, "a\0c", 3, 5);
	hmap_str_put(&m, "a", 1, 6);
	hmap_str_put(&m, "a\0", 2, 7);
	T_CHECK(hmap_str_get(&m, "a\0b", 3, &v) && v == 4);
	T_CHECK(hmap_str_get(&m, "a\0c", 3, &v) && v == 5);
	T_CHECK(hmap_str_get(&m, "a", 1, &v) && v == 6);
	T_CHECK(hmap_str_get(&m, "a\0", 2, &v) && v == 7);
	T_CHECK(!hmap_str_get(&m, "", 0, &v));
	uint64_t *r = hmap_str_ref(&m, NULL, 0, &added);
	T_CHECK(added && *r == 0);
	*r = 8;
	T_CHECK(hmap_str_get(&m, "", 0, &v) && v == 8 && m.count == 8);
	t_end();
	hmap_free(&m);
}

static void
test_str_many(void)
{
	struct hmap m = { 0 };
	char key[32];
	uint64_t v;
	bool ok = true;

	t_begin("hmap: string map grows to 50k keys, copies kept");
	for (uint64_t i = 0; i < 50000; i++) {
		int n = snprintf(
		    key, sizeof(key), "host-%llu", (unsigned long long)i);
		hmap_str_put(&m, key, (size_t)n, i);
	}
	memset(key, 'x', sizeof(key)); /* the map must not point into key */
	for (uint64_t i = 0; i < 50000 && ok; i++) {
		int n = snprintf(
		    key, sizeof(key), "host-%llu", (unsigned long long)i);
		ok = hmap_str_get(&m, key, (size_t)n, &v) && v == i;
	}
	T_CHECK(ok && m.count == 50000);
	T_CHECK(!hmap_str_get(&m, "host-50000", 10, &v));
	t_end();
	hmap_free(&m);
}

static void
test_reserve(void)
{
	struct hmap m = { 0 }, s = { 0 };
	uint64_t v;

	t_begin("hmap: reserve sizes once, for either kind of key");
	hmap_reserve(&m, 1000);
	size_t cap = m.cap;
	T_CHECK(cap >= 2000);
	for (uint64_t i = 1; i <= 1000; i++)
		hmap_u64_put(&m, i, i);
	T_CHECK(m.cap == cap && hmap_u64_get(&m, 1000, &v) && v == 1000);
	hmap_reserve(&m, 10); /* never shrinks */
	T_CHECK(m.cap == cap);
	hmap_reserve(&s, 100);
	hmap_str_put(&s, "k", 1, 9);
	T_CHECK(hmap_str_get(&s, "k", 1, &v) && v == 9);
	t_end();
	hmap_free(&m);
	hmap_free(&s);
}

void
test_group_hmap(void)
{
	test_u64_basic();
	test_u64_many();
	test_u64_collisions();
	test_str();
	test_str_many();
	test_reserve();
}
