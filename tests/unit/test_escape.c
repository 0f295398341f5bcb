/*
 * test_escape.c - the printable-copy helpers: every byte below 0x20 and
 * DEL becomes '?', one for one (newlines and escape sequences included),
 * bytes from 0x80 up (UTF-8) are kept, and lengths never change.
 */
#include <string.h>

#include "escape.h"
#include "harness.h"

void test_group_escape(void);

static void
test_in_place(void)
{
	char s[] = "h\033[31m\n\177X\r\t\x80\xc3\xa9";

	t_begin("escape: in place, one byte for one");
	escape_in_place(s, strlen(s));
	T_STREQ(s, "h?[31m??X??\x80\xc3\xa9");
	t_end();

	char t[] = "a\nb\nc";
	t_begin("escape: in place stops after n bytes");
	escape_in_place(t, 2);
	T_CHECK(memcmp(t, "a?b\nc", 6) == 0);
	t_end();
}

static void
test_copy(void)
{
	char dst[8];

	t_begin("escape: copy cuts and terminates");
	T_CHECK(escape_copy(dst, sizeof(dst), "\033]0;title\007", 10) == 7);
	T_STREQ(dst, "?]0;tit");
	T_CHECK(escape_copy(dst, sizeof(dst), "ok", 2) == 2);
	T_STREQ(dst, "ok");
	t_end();
}

void
test_group_escape(void)
{
	test_in_place();
	test_copy();
}
