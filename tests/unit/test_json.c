/*
 * test_json.c - the JSON writer: escaping of quotes, backslashes, control
 * bytes and invalid UTF-8 (exact bytes out), commas between members and
 * items, and nesting deeper than the writer's inline stack.  Output is
 * captured by pointing stdout at a temporary file around out_flush().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "harness.h"
#include "json.h"
#include "out.h"

void test_group_json(void);

/* json_escape() of n bytes, as a string. */
static const char *
esc(const char *s, size_t n)
{
	static char buf[512];

	json_escape(buf, sizeof(buf), s, n);
	return buf;
}

static void
test_escape(void)
{
	t_begin("json: quotes, backslashes and control bytes");
	T_STREQ(esc("a\"b\\c/", 6), "a\\\"b\\\\c/");
	T_STREQ(
	    esc("\n\t\r\x01\x1f", 5), "\\u000a\\u0009\\u000d\\u0001\\u001f");
	T_STREQ(esc("\x7f ~", 3), "\\u007f ~");
	T_STREQ(esc("a\0b", 3), "a\\u0000b");
	T_CHECK(json_escape(NULL, 0, "x", 1) == 0);
	t_end();

	t_begin("json: valid UTF-8 kept, invalid bytes as U+FFFD");
	T_STREQ(esc("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9),
	    "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	/* A lone continuation byte and a truncated sequence. */
	T_STREQ(esc("a\x80z", 3), "a\\ufffdz");
	T_STREQ(esc("\xe2\x82", 2), "\\ufffd\\ufffd");
	/* Overlong '/', a surrogate, a value past U+10FFFF, 0xff. */
	T_STREQ(esc("\xc0\xaf", 2), "\\ufffd\\ufffd");
	T_STREQ(esc("\xed\xa0\x80", 3), "\\ufffd\\ufffd\\ufffd");
	T_STREQ(esc("\xf4\x90\x80\x80", 4), "\\ufffd\\ufffd\\ufffd\\ufffd");
	T_STREQ(esc("\xff", 1), "\\ufffd");
	t_end();

	t_begin("json: escaping stops cleanly at the end of the buffer");
	char small[8];
	/* "ab" fits, the 6-byte \u0001 would not: nothing of it is written. */
	T_CHECK(json_escape(small, sizeof(small), "ab\x01", 3) == 2);
	T_STREQ(small, "ab");
	T_CHECK(json_escape(small, sizeof(small), "abcdefghij", 10) == 7);
	T_STREQ(small, "abcdefg");
	t_end();
}

static void
test_document(void)
{
	struct json j = { 0 };

	t_begin("json: commas between members and items, values");
	capture_begin(STDOUT_FILENO);
	json_open(&j, '{');
	json_key(&j, "s");
	json_cstr(&j, "q\"\x01");
	json_key(&j, "n");
	json_cstr(&j, NULL);
	json_key(&j, "a");
	json_open(&j, '[');
	json_item(&j);
	json_u64(&j, 18446744073709551615u);
	json_item(&j);
	json_i64(&j, -5);
	json_item(&j);
	json_bool(&j, true);
	json_item(&j);
	json_double2(&j, 2.5);
	json_item(&j);
	json_open(&j, '{');
	json_close(&j, '}');
	json_close(&j, ']');
	json_key(&j, "e");
	json_open(&j, '[');
	json_close(&j, ']');
	json_close(&j, '}');
	T_STREQ(capture_end(),
	    "{\"s\":\"q\\\"\\u0001\",\"n\":null,\"a\":"
	    "[18446744073709551615,-5,true,2.50,{}],\"e\":[]}");
	T_CHECK(j.depth == 0);
	t_end();

	t_begin("json: long strings are escaped whole");
	char big[1000];
	memset(big, 'x', sizeof(big));
	big[0] = '\x02';
	big[999] = '"';
	capture_begin(STDOUT_FILENO);
	json_str(&j, big, sizeof(big));
	const char *got = capture_end();
	T_CHECK(strlen(got) == 1 + 6 + 998 + 2 + 1);
	T_CHECK(strncmp(got, "\"\\u0002xx", 9) == 0);
	T_CHECK(strcmp(got + strlen(got) - 5, "xx\\\"\"") == 0);
	t_end();
}

/* Open depth arrays, each the second item of its parent, then close. */
static void
nest(struct json *j, int depth, char *want, size_t len)
{
	size_t o = 0;

	for (int i = 0; i < depth; i++) {
		if (i > 0) {
			json_item(j);
			json_u64(j, (uint64_t)i);
			json_item(j);
			o += (size_t)snprintf(want + o, len - o, "%d,", i);
		}
		json_open(j, '[');
		want[o++] = '[';
	}
	json_item(j);
	json_u64(j, 0);
	want[o++] = '0';
	for (int i = depth; i > 0; i--) {
		json_close(j, ']');
		want[o++] = ']';
		if (i > 1) {
			/* A member after each inner array needs its comma. */
			json_item(j);
			json_u64(j, 9);
			want[o++] = ',';
			want[o++] = '9';
		}
	}
	want[o] = '\0';
}

static void
test_nesting(void)
{
	/* The writer state, with a guard zone after it in the same object. */
	struct {
		struct json j;
		unsigned char guard[64];
	} s;
	char want[2048];
	bool guard_ok = true;

	t_begin("json: nesting 40 deep stays valid and in bounds");
	memset(&s, 0, sizeof(s));
	memset(s.guard, 0xa5, sizeof(s.guard));
	capture_begin(STDOUT_FILENO);
	nest(&s.j, 40, want, sizeof(want));
	T_STREQ(capture_end(), want);
	T_CHECK(s.j.depth == 0);
	T_CHECK(s.j.deep == NULL); /* closed: nothing left allocated */
	for (size_t i = 0; i < sizeof(s.guard); i++)
		guard_ok = guard_ok && s.guard[i] == 0xa5;
	T_CHECK(guard_ok);
	t_end();

	t_begin("json: a document can be written again after deep nesting");
	capture_begin(STDOUT_FILENO);
	nest(&s.j, 3, want, sizeof(want));
	T_STREQ(capture_end(), "[1,[2,[0],9],9]");
	T_STREQ(want, "[1,[2,[0],9],9]");
	t_end();
}

void
test_group_json(void)
{
	test_escape();
	test_document();
	test_nesting();
}
