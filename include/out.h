/*
 * out.h - the one stdout writer.  Every table byte goes through this buffer
 * so that rows are written with few syscalls, write errors are remembered,
 * and stdout and stderr interleave on a terminal as they do with stdio.
 */
#ifndef NLNETSTAT_OUT_H
#define NLNETSTAT_OUT_H

#include <stddef.h>

/* Set up the buffer; line-flushed when stdout is a terminal. */
void out_init(void);
/* Append n bytes. */
void out_write(const char *s, size_t n);
/* Append a NUL-terminated string. */
void out_str(const char *s);
/* Append formatted text (not for hot loops). */
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write everything buffered.  Returns 0 or -errno of the first failed write. */
int out_flush(void);
/* Call before writing a diagnostic to stderr: keeps terminal order. */
void out_sync_for_stderr(void);

#endif
