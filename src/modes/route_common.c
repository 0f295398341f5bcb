/*
 * route_common.c - what the IPv4 and IPv6 route readers share: the /proc
 * address parser and the header-driven sscanf formats (the flag letters
 * and the -e layouts are output: fmt_route.c).
 * Kept apart from route.c so that the readers do not depend on the mode.
 */
#include "route.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

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
