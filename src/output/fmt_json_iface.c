/*
 * fmt_json_iface.c - one JSON object per interface for -i --json: jc's
 * keys of the short table (counters null for an alias label, which has
 * no statistics), plus byte counts, the numeric flags and the IPv4
 * address.
 */
#include "fmt_json.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "iface.h"

static void
json_counter(struct json *j, const char *key, bool known, uint64_t v)
{
	json_key(j, key);
	if (known)
		json_u64(j, v);
	else
		json_null(j);
}

static void
json_ipv4(struct json *j, const struct iface *ifc)
{
	char addr[INET_ADDRSTRLEN];
	struct sockaddr_in sin;

	json_key(j, "ipv4_addr");
	if (!ifc->has_ip || ifc->addr.sa_family != AF_INET) {
		json_null(j);
		return;
	}
	memcpy(&sin, &ifc->addr, sizeof(sin));
	inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr));
	json_cstr(j, addr);
}

void
fmt_json_iface(struct json *j, const struct iface *ifc)
{
	const struct iface_stats *st = &ifc->st;
	bool k = ifc->has_stats;
	char flg[64];

	iface_flags_short(ifc->flags, flg, sizeof(flg));
	json_item(j);
	json_open(j, '{');
	json_key(j, "iface");
	json_str(j, ifc->name, strnlen(ifc->name, sizeof(ifc->name)));
	json_key(j, "mtu");
	json_i64(j, ifc->mtu);
	json_counter(j, "rx_ok", k, st->rx_packets);
	json_counter(j, "rx_err", k, st->rx_errors);
	json_counter(j, "rx_drp", k, st->rx_dropped);
	json_counter(j, "rx_ovr", k, st->rx_fifo);
	json_counter(j, "tx_ok", k, st->tx_packets);
	json_counter(j, "tx_err", k, st->tx_errors);
	json_counter(j, "tx_drp", k, st->tx_dropped);
	json_counter(j, "tx_ovr", k, st->tx_fifo);
	json_key(j, "flg");
	json_cstr(j, flg);
	json_key(j, "kind");
	json_cstr(j, "interface");
	json_counter(j, "rx_bytes", k, st->rx_bytes);
	json_counter(j, "tx_bytes", k, st->tx_bytes);
	json_key(j, "flags");
	json_i64(j, ifc->flags);
	json_ipv4(j, ifc);
	json_close(j, '}');
}
