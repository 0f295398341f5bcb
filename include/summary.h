/*
 * summary.h - --summary: socket counts per protocol and state, listening
 * ports with their connection counts, and the busiest remote addresses per
 * listening port; as a table or, with --json, as one JSON object.
 */
#ifndef NLNETSTAT_SUMMARY_H
#define NLNETSTAT_SUMMARY_H

#include "opts.h"
#include "sockrec.h"

struct summary;

struct summary *summary_new(void);
/* Count one selected socket; label is its Proto text ("tcp6"). */
void summary_add(
    struct summary *s, const struct sock_rec *r, const char *label);
/*
 * Print everything counted (table or JSON per o->ext.format); with JSON, a
 * netns label (NULL: none) goes in as the "netns" member.
 */
void summary_print(
    const struct summary *s, const struct opts *o, const char *netns);
void summary_free(struct summary *s);

/* How many remote addresses are listed per listening port. */
#define SUMMARY_TOP 5

#endif
