/*
 * groups.c - the "IPv6/IPv4 Group Memberships" section of the socket
 * listing (-g): IPv4 groups from /proc/net/igmp, IPv6 groups from
 * /proc/net/igmp6, parsed with net-tools' conversions.  Unlike net-tools,
 * the layout detection starts afresh every -c pass (net-tools keeps it
 * and misreads the IPv4 file from the second pass on).
 */
#include "groups.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "i18n.h"
#include "modes.h"
#include "netstat.h"
#include "report.h"
#include "util.h"

/* net-tools reads these files with fgets() into a buffer this big. */
#define GROUPS_LINE_MAX 8192

static enum groups_line
groups_parse6(struct groups_state *st, const char *line, struct groups_row *row)
{
	char hex[65];
	unsigned w[4] = { 0, 0, 0, 0 };
	int idx;

	if (sscanf(line, "%d %15s %64[0-9A-Fa-f] %d", &idx, st->device, hex,
	        &row->refcnt) != 4)
		return GROUPS_BOGUS;
	/* Four 32-bit words of hex: the address bytes in order. */
	sscanf(hex, "%08X%08X%08X%08X", &w[0], &w[1], &w[2], &w[3]);
	for (int i = 0; i < 4; i++) {
		uint32_t be = htonl(w[i]);

		memcpy(&row->addr6.s6_addr[4 * i], &be, 4);
	}
	row->v6 = true;
	return GROUPS_ROW;
}

static enum groups_line
groups_parse4(struct groups_state *st, const char *line, struct groups_row *row)
{
	char hex[9];
	int idx;
	unsigned v;

	if (line[0] != '\t') {
		/* "Idx<TAB>name      :..." - 15 bytes, cut at the last ':'. */
		int n = st->has_index
		            ? sscanf(line, "%d\t%15c", &idx, st->device)
		            : sscanf(line, "%15c", st->device);
		if (n < (st->has_index ? 2 : 1))
			return GROUPS_BOGUS;
		char *colon = strrchr(st->device, ':');
		if (colon != NULL)
			*colon = '\0';
		return GROUPS_SKIP;
	}
	if (sscanf(line, "\t%8[0-9A-Fa-f] %d", hex, &row->refcnt) < 2)
		return GROUPS_BOGUS;
	/* The kernel prints the in-memory word, so read it back as such. */
	sscanf(hex, "%X", &v);
	row->addr4 = v;
	row->v6 = false;
	return GROUPS_ROW;
}

enum groups_line
groups_parse(struct groups_state *st, unsigned lnr, const char *line,
    struct groups_row *row)
{
	if (lnr == 0) {
		if (strstr(line, "Device") == NULL) {
			st->v6_format = true;
		} else {
			st->has_index = strncmp(line, "Idx", 3) == 0;
			return GROUPS_SKIP;
		}
	}
	st->device[sizeof(st->device) - 1] = '\0';
	if (st->v6_format)
		return groups_parse6(st, line, row);
	return groups_parse4(st, line, row);
}

static void
groups_read(struct emitter *e, int fd, struct groups_state *st)
{
	struct lineio l;
	struct groups_row row;
	char *line, buf[GROUPS_LINE_MAX];
	size_t len;

	lineio_init(&l, fd);
	for (unsigned lnr = 0; lineio_next(&l, &line, &len) == 1; lnr++) {
		/*
		 * Keep the newline as fgets() does: a short interface line
		 * then leaves it in the 15 bytes net-tools takes.
		 */
		snprintf(buf, sizeof(buf), "%s\n", line);
		memset(&row, 0, sizeof(row));
		switch (groups_parse(st, lnr, buf, &row)) {
		case GROUPS_ROW: emit_group(e, st->device, &row); break;
		case GROUPS_BOGUS:
			if (st->v6_format)
				report_plain(
				    tr_("warning, got bogus igmp6 line %d.\n"),
				    (int)lnr);
			else
				report_plain(
				    tr_("warning, got bogus igmp line %d.\n"),
				    (int)lnr);
			break;
		case GROUPS_SKIP: break;
		}
	}
	lineio_free(&l);
	close(fd);
}

int
groups_print(const struct opts *o, struct emitter *e)
{
	struct groups_state st;
	int rc = EXIT_OK;

	/* Every pass reads both files afresh. */
	memset(&st, 0, sizeof(st));
	emit_section_begin(e, EMIT_SEC_GROUPS);
	if (opts_has_af(o, NAF_INET)) {
		int fd = util_proc_open("net/igmp");
		/* Families alone (-4, -6, -A) make a missing file silent. */
		bool asked = !o->no_proto_given && o->explicit_sel;

		if (fd == -ENOENT || fd == -EACCES) {
			if (asked || (!o->no_proto_given && o->verbose))
				report_plain(
				    tr_("%s: no support for `%s' on this "
				        "system.\n"),
				    "netstat", "AF INET (igmp)");
			if (asked)
				rc = EXIT_FAIL;
		} else if (fd < 0) {
			report_errno("/proc/net/igmp", -fd);
			return EXIT_OPEN;
		} else {
			groups_read(e, fd, &st);
		}
	}
	if (opts_has_af(o, NAF_INET6)) {
		int fd = util_proc_open("net/igmp6");

		if (fd >= 0)
			groups_read(e, fd, &st);
	}
	emit_section_end(e, EMIT_SEC_GROUPS);
	return rc;
}
