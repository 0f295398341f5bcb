/*
 * atomic_file.h - replace a file's contents all at once: readers (such as
 * node_exporter's textfile collector) see the old file or the new one,
 * never a half-written one.
 */
#ifndef NLNETSTAT_ATOMIC_FILE_H
#define NLNETSTAT_ATOMIC_FILE_H

#include <stddef.h>

/*
 * Write len bytes of data to path: a temporary file in the same
 * directory (".NAME.XXXXXX", which no "*.prom" glob matches) is written,
 * fsync'ed, given mode 0644 and renamed over path; the directory is
 * fsync'ed last.  SIGTERM, SIGINT and SIGHUP wait until it is done.
 * Returns 0, or -errno with path untouched and the temporary file
 * removed.
 */
int atomic_file_write(const char *path, const char *data, size_t len);

#endif
