/*
 * report.h - the one way to write a diagnostic.  Each call keeps terminal
 * order with the table (out_sync_for_stderr), then writes the whole
 * message to stderr in one write(2); a failed write to stderr is ignored,
 * as stdio's fprintf(stderr) would ignore it.
 */
#ifndef NLNETSTAT_REPORT_H
#define NLNETSTAT_REPORT_H

/*
 * nlnetstat's own warning or error: "nlnetstat: " then the formatted
 * text, written as given (end it with "\n").
 */
void report_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A message in netstat's exact wording (or other text that must keep its
 * own shape): the formatted text as given, without a prefix.
 */
void report_plain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * perror's shape: "what: <strerror(err)>\n", or only the error text when
 * what is NULL.  err is a positive errno value.
 */
void report_errno(const char *what, int err);

/*
 * Flush the table at exit.  Returns 0, or after a write error on stdout
 * reports "nlnetstat: write error: ..." and returns 1 (the exit status).
 */
int report_finish(void);

#endif
