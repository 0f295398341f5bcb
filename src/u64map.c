/*
 * u64map.c - linear-probing hash keyed by socket inode, doubled at half
 * load.  Inodes are sequential, so keys are mixed with a multiplicative
 * hash before probing.
 */
#include "u64map.h"

#include <stdlib.h>

#include "util.h"

static size_t
u64map_slot(const struct u64map *m, uint64_t key)
{
	size_t h = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 17) & (m->cap - 1);

	while (m->keys[h] != 0 && m->keys[h] != key)
		h = (h + 1) & (m->cap - 1);
	return h;
}

static void
u64map_grow(struct u64map *m)
{
	struct u64map old = *m;

	m->cap = old.cap ? old.cap * 2 : 1024;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i] != 0)
			u64map_put(m, old.keys[i], old.vals[i]);
	free(old.keys);
	free(old.vals);
}

void
u64map_put(struct u64map *m, uint64_t key, uint64_t val)
{
	if (key == 0)
		return;
	if ((m->count + 1) * 2 > m->cap)
		u64map_grow(m);
	size_t h = u64map_slot(m, key);
	if (m->keys[h] == 0)
		m->count++;
	m->keys[h] = key;
	m->vals[h] = val;
}

bool
u64map_get(const struct u64map *m, uint64_t key, uint64_t *val)
{
	if (m->cap == 0 || key == 0)
		return false;
	size_t h = u64map_slot(m, key);
	if (m->keys[h] == 0)
		return false;
	*val = m->vals[h];
	return true;
}

void
u64map_free(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = m->vals = NULL;
	m->cap = m->count = 0;
}
