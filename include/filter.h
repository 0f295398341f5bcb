/*
 * filter.h - the one row predicate of the socket listing (-a, -l, default)
 * and the kernel-side state masks derived from it.
 */
#ifndef NLNETSTAT_FILTER_H
#define NLNETSTAT_FILTER_H

#include <stdbool.h>
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

#endif
