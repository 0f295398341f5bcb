/*
 * json.c - streaming JSON output for --json.  Values are written straight
 * into the out.c buffer; strings are checked as UTF-8, so bytes from
 * /proc (program names, UNIX paths) can never make the document invalid.
 */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "out.h"
#include "util.h"

/* The has-items flag of nesting level lvl (0-based, < j->depth). */
static bool *
json_level(struct json *j, int lvl)
{
	if (lvl < JSON_INLINE_DEPTH)
		return &j->has_items[lvl];
	size_t k = (size_t)(lvl - JSON_INLINE_DEPTH);
	if (k >= j->deep_cap) {
		size_t cap = j->deep_cap ? j->deep_cap * 2 : JSON_INLINE_DEPTH;
		j->deep = xrealloc(j->deep, cap * sizeof(*j->deep));
		j->deep_cap = cap;
	}
	return &j->deep[k];
}

static void
json_comma(struct json *j)
{
	if (j->depth == 0)
		return;
	bool *has = json_level(j, j->depth - 1);
	if (*has)
		out_write(",", 1);
	*has = true;
}

void
json_item(struct json *j)
{
	json_comma(j);
}

void
json_key(struct json *j, const char *key)
{
	json_comma(j);
	out_write("\"", 1);
	out_str(key);
	out_write("\":", 2);
}

void
json_open(struct json *j, char c)
{
	out_write(&c, 1);
	*json_level(j, j->depth) = false;
	j->depth++;
}

void
json_close(struct json *j, char c)
{
	out_write(&c, 1);
	if (j->depth > 0)
		j->depth--;
	if (j->depth <= JSON_INLINE_DEPTH && j->deep != NULL) {
		free(j->deep); /* back within the inline levels */
		j->deep = NULL;
		j->deep_cap = 0;
	}
}

size_t
json_escape(char *dst, size_t dstlen, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;

	if (dstlen == 0)
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		size_t k = 1;
		char esc[8];
		const char *out = esc;
		size_t len;

		if (c == '"' || c == '\\') {
			len = (size_t)snprintf(esc, sizeof(esc), "\\%c", c);
		} else if (c < 0x20 || c == 0x7f) {
			len = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", c);
		} else if ((k = escape_utf8_len(u + i, n - i)) == 0) {
			out = "\\ufffd";
			len = 6;
			k = 1;
		} else {
			out = s + i;
			len = k;
		}
		if (o + len >= dstlen)
			break; /* the caller's buffer is full: stop cleanly */
		memcpy(dst + o, out, len);
		o += len;
		i += k;
	}
	dst[o] = '\0';
	return o;
}

void
json_str(struct json *j, const char *s, size_t n)
{
	char small[6 * 256 + 1];
	/* 6 bytes per input byte is the worst case (\u00XX). */
	char *buf = n <= 256 ? small : xmalloc(6 * n + 1);

	(void)j;
	out_write("\"", 1);
	out_write(buf, json_escape(buf, 6 * n + 1, s, n));
	out_write("\"", 1);
	if (buf != small)
		free(buf);
}

void
json_cstr(struct json *j, const char *s)
{
	if (s == NULL)
		json_null(j);
	else
		json_str(j, s, strlen(s));
}

void
json_u64(struct json *j, uint64_t v)
{
	(void)j;
	out_printf("%llu", (unsigned long long)v);
}

void
json_i64(struct json *j, int64_t v)
{
	(void)j;
	out_printf("%lld", (long long)v);
}

void
json_double2(struct json *j, double v)
{
	char buf[64];
	long long whole = (long long)v;
	int cents = (int)((v - (double)whole) * 100.0 + 0.5);

	(void)j;
	/* Locale-independent: JSON needs a '.' whatever LC_NUMERIC says. */
	if (cents >= 100) {
		whole++;
		cents -= 100;
	}
	snprintf(buf, sizeof(buf), "%lld.%02d", whole, cents);
	out_str(buf);
}

void
json_null(struct json *j)
{
	(void)j;
	out_write("null", 4);
}

void
json_bool(struct json *j, bool v)
{
	(void)j;
	out_str(v ? "true" : "false");
}
