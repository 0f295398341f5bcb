/*
 * hmap.c - open addressing with linear probing, at most half full, doubled
 * when an insert would pass that.  Keys are spread by Fibonacci hashing
 * (socket inodes and uids are sequential); string keys are first reduced
 * to a 64-bit FNV-1a hash, which then stands in the slot as the key.
 */
#include "hmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define HMAP_MIN_CAP 16

static size_t
hmap_home(const struct hmap *m, uint64_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ull) >> m->shift);
}

/*
 * The slot of key, or the empty slot where it would go.  s is NULL for an
 * integer key; for a string key, key is its hash and s/len its bytes.
 */
static size_t
hmap_probe(const struct hmap *m, uint64_t key, const void *s, size_t len)
{
	size_t mask = m->cap - 1, h = hmap_home(m, key);

	for (;; h = (h + 1) & mask) {
		uint64_t k = m->slots[h].key;
		if (k == 0)
			return h;
		if (k == key &&
		    (s == NULL || (m->strs[h].len == len &&
		                      memcmp(m->strs[h].bytes, s, len) == 0)))
			return h;
	}
}

/* Move every key into a table of cap slots (a power of two). */
static void
hmap_rehash(struct hmap *m, size_t cap)
{
	struct hmap old = *m;
	unsigned bits = 0;

	while (((size_t)1 << bits) < cap)
		bits++;
	m->cap = cap;
	m->shift = 64 - bits;
	m->slots = xcalloc(cap, sizeof(*m->slots));
	m->strs = m->strings ? xcalloc(cap, sizeof(*m->strs)) : NULL;
	for (size_t i = 0; i < old.cap; i++) {
		if (old.slots[i].key == 0)
			continue;
		size_t h = hmap_home(m, old.slots[i].key);
		while (m->slots[h].key != 0) /* keys are distinct: first gap */
			h = (h + 1) & (cap - 1);
		m->slots[h] = old.slots[i];
		if (m->strs != NULL)
			m->strs[h] = old.strs[i];
	}
	free(old.slots);
	free(old.strs);
}

void
hmap_reserve(struct hmap *m, size_t n)
{
	size_t cap = HMAP_MIN_CAP;

	while (cap / 2 < n && cap < SIZE_MAX / 4)
		cap *= 2;
	if (cap > m->cap)
		hmap_rehash(m, cap);
}

/* Find or insert (key; s, len as for hmap_probe) and return its value. */
static uint64_t *
hmap_ref(struct hmap *m, uint64_t key, const void *s, size_t len, bool *added)
{
	if (added != NULL)
		*added = false;
	if ((m->count + 1) * 2 > m->cap)
		hmap_rehash(m, m->cap ? m->cap * 2 : HMAP_MIN_CAP);
	size_t h = hmap_probe(m, key, s, len);
	if (m->slots[h].key == 0) {
		m->slots[h].key = key;
		m->slots[h].val = 0;
		if (s != NULL) {
			m->strs[h].bytes = xmalloc(len + 1);
			memcpy(m->strs[h].bytes, s, len);
			m->strs[h].bytes[len] = '\0';
			m->strs[h].len = len;
		}
		m->count++;
		if (added != NULL)
			*added = true;
	}
	return &m->slots[h].val;
}

static bool
hmap_get(const struct hmap *m, uint64_t key, const void *s, size_t len,
    uint64_t *val)
{
	if (m->cap == 0)
		return false;
	size_t h = hmap_probe(m, key, s, len);
	if (m->slots[h].key == 0)
		return false;
	if (val != NULL)
		*val = m->slots[h].val;
	return true;
}

uint64_t *
hmap_u64_ref(struct hmap *m, uint64_t key, bool *added)
{
	if (added != NULL)
		*added = false;
	return key == 0 ? NULL : hmap_ref(m, key, NULL, 0, added);
}

void
hmap_u64_put(struct hmap *m, uint64_t key, uint64_t val)
{
	uint64_t *v = hmap_u64_ref(m, key, NULL);

	if (v != NULL)
		*v = val;
}

bool
hmap_u64_get(const struct hmap *m, uint64_t key, uint64_t *val)
{
	return key != 0 && hmap_get(m, key, NULL, 0, val);
}

/* FNV-1a over the bytes; 0 is the empty mark, so it becomes 1. */
static uint64_t
hmap_str_hash(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h != 0 ? h : 1;
}

uint64_t *
hmap_str_ref(struct hmap *m, const void *key, size_t len, bool *added)
{
	/* An empty key still needs a non-NULL pointer to mean "string". */
	const void *s = len > 0 ? key : "";

	if (!m->strings) { /* first use (or only hmap_reserve) */
		m->strings = true;
		if (m->cap != 0)
			hmap_rehash(m, m->cap);
	}
	return hmap_ref(m, hmap_str_hash(s, len), s, len, added);
}

void
hmap_str_put(struct hmap *m, const void *key, size_t len, uint64_t val)
{
	*hmap_str_ref(m, key, len, NULL) = val;
}

bool
hmap_str_get(const struct hmap *m, const void *key, size_t len, uint64_t *val)
{
	const void *s = len > 0 ? key : "";

	return hmap_get(m, hmap_str_hash(s, len), s, len, val);
}

void
hmap_free(struct hmap *m)
{
	if (m->strs != NULL)
		for (size_t i = 0; i < m->cap; i++)
			free(m->strs[i].bytes);
	free(m->slots);
	free(m->strs);
	memset(m, 0, sizeof(*m));
}
