/*
 * sockstate.h - the names of socket states, UNIX socket types and UNIX
 * flags, in netstat's (untranslated) words: one table that the text
 * formatter, the JSON writer, the --state filter and --summary share.
 */
#ifndef NLNETSTAT_SOCKSTATE_H
#define NLNETSTAT_SOCKSTATE_H

#include <stddef.h>
#include <stdint.h>

#include "sockrec.h"

/*
 * The State column's text for r: TCP's state names, UDP's "ESTABLISHED"
 * or "" (unconnected), UNIX "LISTENING", "CONNECTED", ... or "" (an
 * unconnected socket), "UNKNOWN" for numbers netstat has no name for, and
 * a raw socket's state number (written into buf, len >= 4).  Returns buf
 * or a static name.
 */
const char *sockstate_text(const struct sock_rec *r, char *buf, size_t len);

/* The same as --state and --summary name it: "UNCONN" for a blank one. */
const char *sockstate_label(const struct sock_rec *r, char *buf, size_t len);

/* TCP state number for a name of sockstate_name() ("LISTEN"), or -1. */
int sockstate_tcp_number(const char *name);

/* UNIX socket type name ("STREAM"), "UNKNOWN" when netstat has none. */
const char *sockstate_unix_type(uint32_t type);

/*
 * The UNIX Flags words ("ACC", "W", "N") of flags, each followed by one
 * blank ("ACC W "), into buf; "" when none is set.  Returns buf.
 */
char *sockstate_unix_flags(uint32_t flags, char *buf, size_t len);

#endif
