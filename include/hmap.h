/*
 * hmap.h - the one hash map: open addressing with linear probing, keyed by
 * a 64-bit integer (socket inodes) or by a byte string with its length
 * (IPv6 addresses, names), to a 64-bit value.  A zeroed struct hmap is an
 * empty map; its kind (integer or string keys) is fixed by the first use.
 */
#ifndef NLNETSTAT_HMAP_H
#define NLNETSTAT_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One slot: key 0 marks it empty (string keys store their hash, never 0). */
struct hmap_slot {
	uint64_t key;
	uint64_t val;
};

/* A string map's own copy of one key, parallel to its slot. */
struct hmap_str {
	char *bytes;
	size_t len;
};

struct hmap {
	struct hmap_slot *slots; /* key and value side by side: one line */
	struct hmap_str *strs;   /* string maps only, else NULL */
	size_t cap;              /* a power of two, or 0 before first use */
	size_t count;            /* keys present */
	unsigned shift;          /* 64 - log2(cap): hash bits taken */
	bool strings;            /* keyed by strings */
};

/*
 * Integer keys.  Key 0 is reserved: put and ref ignore it (ref returns
 * NULL) and get never finds it; a caller whose keys include 0 stores key+1.
 */

/* Insert key with val, or replace its value. */
void hmap_u64_put(struct hmap *m, uint64_t key, uint64_t val);
/* True with *val set (val may be NULL) when key is present. */
bool hmap_u64_get(const struct hmap *m, uint64_t key, uint64_t *val);
/*
 * The value of key, inserted as 0 when absent (*added then true; added
 * may be NULL).  The pointer is valid until the next insert.
 */
uint64_t *hmap_u64_ref(struct hmap *m, uint64_t key, bool *added);

/*
 * String keys: len bytes from key, which may hold any byte including NUL.
 * The map keeps its own copy of each key.
 */

/* Insert key with val, or replace its value. */
void hmap_str_put(struct hmap *m, const void *key, size_t len, uint64_t val);
/* True with *val set (val may be NULL) when key is present. */
bool hmap_str_get(
    const struct hmap *m, const void *key, size_t len, uint64_t *val);
/* As hmap_u64_ref, for a string key. */
uint64_t *hmap_str_ref(
    struct hmap *m, const void *key, size_t len, bool *added);

/* Room for n keys without growing (a sizing hint; never shrinks). */
void hmap_reserve(struct hmap *m, size_t n);
/* Free the slots and key copies (values are the caller's); m is empty. */
void hmap_free(struct hmap *m);

#endif
