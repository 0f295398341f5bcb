/*
 * fmt_groups.c - the "IPv6/IPv4 Group Memberships" section of -g as
 * netstat's text: title, column header and one row per membership that
 * groups.c parsed, plus the group address text the JSON rows share.
 */
#include "fmt_groups.h"

#include <string.h>

#include "escape.h"
#include "i18n.h"
#include "names.h"
#include "out.h"

void
fmt_groups_host(
    const struct opts *o, const struct groups_row *row, char *host, size_t len)
{
	bool numeric = (o->numeric & NUM_HOST) != 0;

	if (row->v6)
		names_host6(&row->addr6, numeric, host, len);
	else
		names_host4(row->addr4, numeric, host, len);
}

void
fmt_groups_row(
    const struct opts *o, const char *device, const struct groups_row *row)
{
	char dev[GROUPS_DEVICE_LEN], host[1100];

	fmt_groups_host(o, row, host, sizeof(host));
	escape_copy(dev, sizeof(dev), device, strlen(device));
	out_printf("%-15s %-6d %s\n", dev, row->refcnt, host);
}

void
fmt_groups_header(void)
{
	out_str("IPv6/");
	out_str(tr_("IPv4 Group Memberships\n"));
	out_str(tr_("Interface       RefCnt Group\n"));
	out_str("--------------- ------ ---------------------\n");
}
