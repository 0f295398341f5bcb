/*
 * route_common.c - what the IPv4 and IPv6 route readers share: the -e
 * layout selector, net-tools' flag letters, the /proc address parser,
 * the header-driven sscanf formats and net-tools' perror() spelling.
 * Kept apart from route.c so that the readers do not depend on the mode.
 */
#include "route.h"

#include <stdio.h>
#include <string.h>

#include "out.h"
#include "util.h"

/* Kernel route flags (linux/route.h, linux/ipv6_route.h). */
#define RTF_UP 0x0001u
#define RTF_GATEWAY 0x0002u
#define RTF_HOST 0x0004u
#define RTF_REINSTATE 0x0008u
#define RTF_DYNAMIC 0x0010u
#define RTF_MODIFIED 0x0020u
#define RTF_MTU 0x0040u
#define RTF_WINDOW 0x0080u
#define RTF_IRTT 0x0100u
#define RTF_REJECT 0x0200u
#define RTF_NONEXTHOP 0x00200000u
#define RTF_DEFAULT 0x00010000u
#define RTF_ALLONLINK 0x00020000u
#define RTF_ADDRCONF 0x00040000u
#define RTF_EXPIRES 0x00400000u
#define RTF_CACHE 0x01000000u
#define RTF_FLOW 0x02000000u
#define RTF_POLICY 0x04000000u
#define RTF_LOCAL 0x80000000u

/* One flag bit and the text net-tools appends for it. */
struct route_flag {
	unsigned bit;
	const char *text;
};

int
route_ext(int extend)
{
	/* net-tools counts -e from 1, swaps 1 and 2, then masks with 3. */
	int e = extend + 1;

	if (e == 1)
		e = 2;
	else if (e == 2)
		e = 1;
	return e & 3;
}

/*
 * Append the texts of the bits set in flags to buf; a bit whose text is
 * "!" replaces everything before it, as net-tools does for reject routes.
 */
static void
route_flags_text(unsigned flags, const struct route_flag *tab, size_t n,
    char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!(flags & tab[i].bit))
			continue;
		if (strcmp(tab[i].text, "!") == 0)
			used = 0;
		size_t room = len - used;
		int w = snprintf(buf + used, room, "%s", tab[i].text);

		if (w > 0)
			used += (size_t)w < room ? (size_t)w : room - 1;
	}
}

void
route_flags_fib(unsigned flags, char *buf, size_t len)
{
	static const struct route_flag tab[] = {
		{ RTF_UP, "U" },
		{ RTF_GATEWAY, "G" },
		{ RTF_REJECT, "!" },
		{ RTF_HOST, "H" },
		{ RTF_REINSTATE, "R" },
		{ RTF_DYNAMIC, "D" },
		{ RTF_MODIFIED, "M" },
		{ RTF_DEFAULT, "d" },
		{ RTF_ALLONLINK, "a" },
		{ RTF_ADDRCONF, "c" },
		{ RTF_NONEXTHOP, "o" },
		{ RTF_EXPIRES, "e" },
		{ RTF_CACHE, "c" },
		{ RTF_FLOW, "f" },
		{ RTF_POLICY, "p" },
		{ RTF_LOCAL, "l" },
		{ RTF_MTU, "u" },
		{ RTF_WINDOW, "w" },
		{ RTF_IRTT, "i" },
		{ 0x0400u, "n" },
	};

	route_flags_text(flags, tab, sizeof(tab) / sizeof(tab[0]), buf, len);
}

void
route_flags_cache(unsigned flags, char *buf, size_t len)
{
	/* The cache rows carry RTCF_* bits; net-tools' letters and order. */
	static const struct route_flag tab[] = {
		{ 0x00000002u, "G" },
		{ 0x00000200u, "!" },
		{ 0x00000008u, "R" },
		{ 0x00000010u, "D" },
		{ 0x00000020u, "M" },
		{ 0x00000001u, "-" },
		{ 0x00000004u, "o" },
		{ 0x00010000u, "n" },
		{ 0x00020000u, "d" },
		{ 0x00080000u, "t" },
		{ 0x00200000u, "f" },
		{ 0x00400000u, "q" },
		{ 0x00800000u, "Ns" },
		{ 0x01000000u, "r" },
		{ 0x04000000u, "i" },
		{ 0x08000000u, "Nd" },
		{ 0x10000000u, "b" },
		{ 0x20000000u, "m" },
		{ 0x40000000u, "#" },
		{ 0x80000000u, "l" },
	};

	route_flags_text(flags, tab, sizeof(tab) / sizeof(tab[0]), buf, len);
}

void
route_flags6(unsigned flags, char *buf, size_t len)
{
	static const struct route_flag tab[] = {
		{ RTF_UP, "U" },
		{ RTF_REJECT, "!" },
		{ RTF_GATEWAY, "G" },
		{ RTF_HOST, "H" },
		{ RTF_DEFAULT, "D" },
		{ RTF_ADDRCONF, "A" },
		{ RTF_CACHE, "C" },
		{ RTF_ALLONLINK, "a" },
		{ RTF_EXPIRES, "e" },
		{ RTF_MODIFIED, "m" },
		{ RTF_NONEXTHOP, "n" },
		{ RTF_FLOW, "f" },
	};
	size_t used = 0;

	/* Here "!" is just a letter: nothing before it is replaced. */
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if ((flags & tab[i].bit) && used + 1 < len) {
			buf[used++] = tab[i].text[0];
			buf[used] = '\0';
		}
}

bool
route_hex4(const char *text, uint32_t *addr)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		int d = util_hex_digit(text[i]);

		if (d < 0)
			return false;
		v = v << 4 | (uint32_t)d;
	}
	*addr = v;
	return true;
}

int
route_fmt_build(const char *header, const struct route_col *cols, size_t ncols,
    char *fmt, size_t len, const char **missing)
{
	size_t next = 0, used = 0;
	const char *p = header;

	fmt[0] = '\0';
	for (;;) {
		p = util_skip_blanks(p);
		if (*p == '\0' || *p == '\n')
			break;
		size_t n = strcspn(p, " \t\n");
		const char *conv = "%*s";

		if (next < ncols && strlen(cols[next].name) == n &&
		    strncmp(p, cols[next].name, n) == 0)
			conv = cols[next++].conv;
		int w = snprintf(
		    fmt + used, len - used, "%s%s", used ? " " : "", conv);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
		p += n;
	}
	if (next < ncols) {
		*missing = cols[next].name;
		return -1;
	}
	return 0;
}

void
route_perror(const char *path, int err)
{
	out_sync_for_stderr();
	fprintf(stderr, "%s: %s\n", path, strerror(err));
}
