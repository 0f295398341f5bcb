/*
 * u64map.h - an open-addressing hash from 64-bit keys (socket inodes) to
 * 64-bit values, for lookups that must stay O(1) at hundreds of thousands
 * of sockets.
 */
#ifndef NLNETSTAT_U64MAP_H
#define NLNETSTAT_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64map {
	uint64_t *keys; /* 0 marks an empty slot: inode 0 is never a key */
	uint64_t *vals;
	size_t cap, count;
};

/* Insert or replace; key 0 is ignored. */
void u64map_put(struct u64map *m, uint64_t key, uint64_t val);
/* True with *val set when key is present. */
bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val);
void u64map_free(struct u64map *m);

#endif
