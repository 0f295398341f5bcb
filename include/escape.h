/*
 * escape.h - printable copies of untrusted strings (program names, UNIX
 * socket paths, names from the resolver and the /etc databases): control
 * characters never reach the terminal.
 */
#ifndef NLNETSTAT_ESCAPE_H
#define NLNETSTAT_ESCAPE_H

#include <stddef.h>

/*
 * Copy at most srclen bytes of src into dst (dstlen > 0), replacing every
 * byte below 0x20 and 0x7f with '?', as upstream net-tools does after the
 * CVE-2024-58251 fix.  Always NUL-terminates; returns the bytes written.
 */
size_t escape_copy(char *dst, size_t dstlen, const char *src, size_t srclen);

/*
 * Replace, in place, every control byte (as escape_copy() defines them) of
 * the first n bytes of s, stopping early at a NUL.  Length never changes.
 */
void escape_in_place(char *s, size_t n);

/* True when the byte would be replaced by escape_copy(). */
static inline int
escape_is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/*
 * Length (1-4) of the valid UTF-8 sequence at s, n bytes left, or 0 when
 * the bytes there are not one: overlong forms, surrogates and code points
 * past U+10FFFF are invalid.  Shared by the JSON and metrics escapers.
 */
size_t escape_utf8_len(const unsigned char *s, size_t n);

#endif
