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
