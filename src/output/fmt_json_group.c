/*
 * fmt_json_group.c - one JSON object per multicast group membership for
 * -g --json: interface (without the igmp file's padding), refcnt, group
 * address as the text table shows it, family and kind.
 */
#include "fmt_json.h"

#include <string.h>

#include "fmt_groups.h"

void
fmt_json_group(struct json *j, const struct opts *o, const char *device,
    const struct groups_row *row)
{
	char host[1100];
	size_t n = strlen(device);

	fmt_groups_host(o, row, host, sizeof(host));
	json_item(j);
	json_open(j, '{');
	/* The igmp file pads names with blanks; JSON gets the bare name. */
	while (n > 0 && (device[n - 1] == ' ' || device[n - 1] == '\n'))
		n--;
	json_key(j, "interface");
	json_str(j, device, n);
	json_key(j, "refcnt");
	json_i64(j, row->refcnt);
	json_key(j, "group");
	json_cstr(j, host);
	json_key(j, "family");
	json_cstr(j, row->v6 ? "inet6" : "inet");
	json_key(j, "kind");
	json_cstr(j, "group");
	json_close(j, '}');
}
