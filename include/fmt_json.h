/*
 * fmt_json.h - socket records as JSON objects for --json, with the field
 * names and value types of the widely used jc netstat schema plus
 * nlnetstat's extras (owners, numeric state, timer_* numbers, accept
 * queue and backlog).
 */
#ifndef NLNETSTAT_FMT_JSON_H
#define NLNETSTAT_FMT_JSON_H

#include "json.h"
#include "opts.h"
#include "procmap.h"
#include "sockrec.h"

/* One inet socket; owners may be NULL (no -p); netns NULL unless
 * --all-netns or --netns named one. */
void fmt_json_inet(struct json *j, const struct opts *o,
    const struct sock_rec *r, const char *label, const struct procmap *owners,
    const char *netns);

/* One UNIX socket; owners may be NULL; peers from r->peer_inode. */
void fmt_json_unix(struct json *j, const struct opts *o,
    const struct sock_rec *r, const struct procmap *owners, const char *netns);

#endif
