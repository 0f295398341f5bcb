/*
 * route_fast.c - the fast path of -r over a full BGP table: one pass over
 * each /proc/net/route line instead of sscanf(), and the default row and
 * dotted quads assembled by hand instead of printf().  Anything unusual
 * (a long name, a number with a sign or too many digits) is declined and
 * left to the general code, so the bytes are the same either way.
 */
#include "route_fast.h"

#include <stdbool.h>
#include <string.h>

static bool
is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The next token into buf (at most max bytes); false if longer or none. */
static bool
scan_word(const char **pp, char *buf, size_t max)
{
	const char *p = *pp;
	size_t n = 0;

	while (is_blank(*p))
		p++;
	while (*p != '\0' && !is_blank(*p)) {
		if (n == max)
			return false;
		buf[n++] = *p++;
	}
	if (n == 0)
		return false;
	buf[n] = '\0';
	*pp = p;
	return true;
}

/* A token of 1..8 hex digits. */
static bool
scan_hex(const char **pp, unsigned *out)
{
	char w[9];
	unsigned v = 0;

	if (!scan_word(pp, w, 8))
		return false;
	for (const char *c = w; *c != '\0'; c++) {
		int d = (*c >= '0' && *c <= '9')   ? *c - '0'
		        : (*c >= 'a' && *c <= 'f') ? *c - 'a' + 10
		        : (*c >= 'A' && *c <= 'F') ? *c - 'A' + 10
		                                   : -1;
		if (d < 0)
			return false;
		v = v << 4 | (unsigned)d;
	}
	*out = v;
	return true;
}

/* A token of 1..9 decimal digits, optionally after '-'. */
static bool
scan_int(const char **pp, int *out)
{
	char w[11];
	const char *c = w;
	int v = 0;
	bool neg;

	if (!scan_word(pp, w, 10))
		return false;
	neg = *c == '-';
	if (neg)
		c++;
	if (*c == '\0' || strlen(c) > 9)
		return false;
	for (; *c != '\0'; c++) {
		if (*c < '0' || *c > '9')
			return false;
		v = v * 10 + (*c - '0');
	}
	*out = neg ? -v : v;
	return true;
}

int
route_fast_fib_scan(const char *line, char *iface, char *dst, char *gw,
    unsigned *flags, int *refcnt, int *use, int *metric, char *mask, int *mtu,
    int *window, int *irtt)
{
	/* Into scratch first: a declined line must leave the row as it was. */
	char i[16], d[128], g[128], m[128];
	unsigned f;
	int v[6];
	const char *p = line;

	if (!scan_word(&p, i, 15) || !scan_word(&p, d, 127) ||
	    !scan_word(&p, g, 127) || !scan_hex(&p, &f) ||
	    !scan_int(&p, &v[0]) || !scan_int(&p, &v[1]) ||
	    !scan_int(&p, &v[2]) || !scan_word(&p, m, 127) ||
	    !scan_int(&p, &v[3]) || !scan_int(&p, &v[4]) ||
	    !scan_int(&p, &v[5]))
		return -1;
	memcpy(iface, i, strlen(i) + 1);
	memcpy(dst, d, strlen(d) + 1);
	memcpy(gw, g, strlen(g) + 1);
	memcpy(mask, m, strlen(m) + 1);
	*flags = f;
	*refcnt = v[0];
	*use = v[1];
	*metric = v[2];
	*mtu = v[3];
	*window = v[4];
	*irtt = v[5];
	return 11;
}

/* Decimal digits of v (>= 0) at p; returns the end. */
static char *
put_uint(char *p, unsigned v)
{
	char tmp[12];
	size_t n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

void
route_fast_ntoa(uint32_t addr, char *buf)
{
	const unsigned char *b = (const unsigned char *)&addr;
	char *p = buf;

	for (int i = 0; i < 4; i++) {
		if (i > 0)
			*p++ = '.';
		p = put_uint(p, b[i]);
	}
	*p = '\0';
}

/* s padded with blanks to width w on the right (%-ws). */
static char *
put_left(char *p, const char *s, size_t w)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	p += n;
	while (n++ < w)
		*p++ = ' ';
	return p;
}

/* %wd (right) or %-wd (left) of v. */
static char *
put_int(char *p, int v, size_t w, bool left)
{
	char tmp[16], *e = tmp;

	if (v < 0) {
		*e++ = '-';
		e = put_uint(e, 0u - (unsigned)v);
	} else {
		e = put_uint(e, (unsigned)v);
	}
	*e = '\0';
	if (left)
		return put_left(p, tmp, w);
	for (size_t n = (size_t)(e - tmp); n < w; n++)
		*p++ = ' ';
	memcpy(p, tmp, (size_t)(e - tmp));
	return p + (e - tmp);
}

int
route_fast_fib_row(char *buf, size_t len, const char *dst, const char *gw,
    const char *mask, const char *flags, int mss, int window, int irtt,
    const char *iface)
{
	/* Fields, blanks, three numbers of at most 11 characters, newline. */
	size_t need = strlen(dst) + strlen(gw) + strlen(mask) + strlen(flags) +
	              strlen(iface) + 15 * 3 + 5 + 7 + 3 * 12 + 2;
	char *p = buf;

	if (need > len)
		return -1;
	p = put_left(p, dst, 15);
	*p++ = ' ';
	p = put_left(p, gw, 15);
	*p++ = ' ';
	p = put_left(p, mask, 15);
	*p++ = ' ';
	p = put_left(p, flags, 5);
	*p++ = ' ';
	p = put_int(p, mss, 5, false);
	*p++ = ' ';
	p = put_int(p, window, 5, true);
	*p++ = ' ';
	p = put_int(p, irtt, 6, false);
	*p++ = ' ';
	memcpy(p, iface, strlen(iface));
	p += strlen(iface);
	*p++ = '\n';
	*p = '\0';
	return 0;
}
