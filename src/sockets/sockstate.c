/*
 * sockstate.c - netstat's names of socket states, UNIX types and UNIX
 * flags (net-tools' tcp_state[] and unix_print() words), kept in one place
 * so that the table, --json, --state and --summary cannot drift apart.
 * Translation, where a locale asks for it, happens only in the text table.
 */
#include "sockstate.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* Indexed by the kernel's TCP state number (enum sk_state). */
static const char *const tcp_names[] = {
	"",
	"ESTABLISHED",
	"SYN_SENT",
	"SYN_RECV",
	"FIN_WAIT1",
	"FIN_WAIT2",
	"TIME_WAIT",
	"CLOSE",
	"CLOSE_WAIT",
	"LAST_ACK",
	"LISTEN",
	"CLOSING",
};

#define TCP_NAMES (sizeof(tcp_names) / sizeof(tcp_names[0]))

static const char *
unix_state(const struct sock_rec *r)
{
	switch (r->state) {
	case SKU_FREE: return "FREE";
	case SKU_UNCONNECTED:
		return (r->unix_flags & SKU_FLAG_ACC) ? "LISTENING" : "";
	case SKU_CONNECTING: return "CONNECTING";
	case SKU_CONNECTED: return "CONNECTED";
	case SKU_DISCONNECTING: return "DISCONNECTING";
	default: return "UNKNOWN";
	}
}

const char *
sockstate_text(const struct sock_rec *r, char *buf, size_t len)
{
	/* netstat's raw table prints the state as a number. */
	if (r->table == SKT_RAW) {
		snprintf(buf, len, "%u", r->state);
		return buf;
	}
	if (r->table == SKT_UNIX)
		return unix_state(r);
	if (r->table == SKT_TCP)
		return r->state < TCP_NAMES ? tcp_names[r->state] : "UNKNOWN";
	/* UDP and UDP-Lite: only "connected" and "unconnected" exist. */
	if (r->state == SK_ESTABLISHED)
		return "ESTABLISHED";
	return r->state == SK_CLOSE ? "" : "UNKNOWN";
}

const char *
sockstate_label(const struct sock_rec *r, char *buf, size_t len)
{
	const char *t = sockstate_text(r, buf, len);

	return t[0] != '\0' ? t : "UNCONN";
}

int
sockstate_tcp_number(const char *name)
{
	for (size_t st = 1; st < TCP_NAMES; st++)
		if (strcmp(name, tcp_names[st]) == 0)
			return (int)st;
	return -1;
}

const char *
sockstate_unix_type(uint32_t type)
{
	static const char *const names[] = { "UNKNOWN", "STREAM", "DGRAM",
		"RAW", "RDM", "SEQPACKET" };

	return type < sizeof(names) / sizeof(names[0]) ? names[type]
	                                               : "UNKNOWN";
}

char *
sockstate_unix_flags(uint32_t flags, char *buf, size_t len)
{
	static const struct {
		uint32_t bit;
		const char *word;
	} words[] = { { SKU_FLAG_ACC, "ACC " }, { SKU_FLAG_W, "W " },
		{ SKU_FLAG_N, "N " } };
	size_t n = 0;

	/* Once a UNIX row: appended by hand, cut as snprintf would. */
	if (len == 0)
		return buf;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		for (const char *w = words[i].word;
		     (flags & words[i].bit) && *w != '\0' && n + 1 < len; w++)
			buf[n++] = *w;
	}
	buf[n] = '\0';
	return buf;
}
