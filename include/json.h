/*
 * json.h - a minimal streaming JSON writer over out.c: objects, arrays,
 * keys and values, with strings escaped so that any byte sequence (hostile
 * program names, UNIX paths) yields valid UTF-8 JSON.
 */
#ifndef NLNETSTAT_JSON_H
#define NLNETSTAT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Levels kept inside struct json; deeper ones go to a grown array. */
#define JSON_INLINE_DEPTH 16

/*
 * Writer state; zero-initialise it.  Any depth is allowed: levels past
 * JSON_INLINE_DEPTH are kept on the heap until the document closes back
 * to that depth, so a document closed to depth 0 holds no memory.
 */
struct json {
	int depth;
	bool has_items[JSON_INLINE_DEPTH];
	bool *deep; /* has_items of levels JSON_INLINE_DEPTH.. */
	size_t deep_cap;
};

/* Open '{' or '[' (as an array item or after a key). */
void json_open(struct json *j, char c);
/* Close '}' or ']'; a close without an open writes only the byte. */
void json_close(struct json *j, char c);
/* Start an object member: comma when needed, then "key":. */
void json_key(struct json *j, const char *key);
/* Start an array item: comma when needed. */
void json_item(struct json *j);

void json_str(struct json *j, const char *s, size_t n);
void json_cstr(struct json *j, const char *s); /* NULL writes null */
void json_u64(struct json *j, uint64_t v);
void json_i64(struct json *j, int64_t v);
void json_double2(struct json *j, double v); /* two decimals, C locale */
void json_null(struct json *j);
void json_bool(struct json *j, bool v);

/*
 * Escape n bytes as a JSON string body into dst (dstlen >= 6 * n + 1):
 * quotes, backslash and control bytes escaped, invalid UTF-8 bytes as
 * U+FFFD.  Returns the length written.  Pure; for tests and fuzzing.
 */
size_t json_escape(char *dst, size_t dstlen, const char *s, size_t n);

#endif
