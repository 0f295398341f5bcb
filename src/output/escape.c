/*
 * escape.c - makes untrusted strings safe to print.  net-tools 2.10 prints
 * program names and UNIX paths raw, so a process can inject terminal escape
 * sequences (CVE-2024-58251); nlnetstat replaces control bytes with '?',
 * one byte for one byte, so column widths stay what the name's length says.
 */
#include "escape.h"

size_t
escape_copy(char *dst, size_t dstlen, const char *src, size_t srclen)
{
	size_t n = 0;

	if (dstlen == 0)
		return 0;
	for (; n < srclen && n + 1 < dstlen; n++) {
		unsigned char c = (unsigned char)src[n];
		dst[n] = escape_is_control(c) ? '?' : (char)c;
	}
	dst[n] = '\0';
	return n;
}

void
escape_in_place(char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '\0'; i++)
		if (escape_is_control((unsigned char)s[i]))
			s[i] = '?';
}

size_t
escape_utf8_len(const unsigned char *s, size_t n)
{
	size_t need;
	unsigned min;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		need = 2;
		min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		need = 3;
		min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		need = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	unsigned cp = s[0] & (0x7f >> need);
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return need;
}
