/*
 * filter.h - the one row predicate of the socket listing (-a, -l, default)
 * and the kernel-side state masks derived from it.
 */
#ifndef NLNETSTAT_FILTER_H
#define NLNETSTAT_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opts.h"
#include "sockrec.h"

/* True when netstat would print this row under the given options. */
bool filter_match(const struct opts *o, const struct sock_rec *r);

/*
 * idiag_states for a TCP dump: only what the view can show, plus LISTEN
 * when with_listeners (SYN_RECV rows take their uid from the listener).
 * An optimisation only: filter_match() still decides.
 */
uint32_t filter_tcp_states(const struct opts *o, bool with_listeners);

/* --pid: does any of the socket's owners match?  True without --pid. */
bool filter_owner_match(const struct opts *o, const int *pids, size_t n);

/* A single --sport (local) or --dport to put in the diag request, or 0. */
uint16_t filter_push_port(const struct opts *o, bool local);

#endif
