/*
 * capture.h - the unit tests' capture of what the code under test writes
 * to standard output (through out.c) or standard error (report.c): the
 * descriptor is pointed at a temporary file until capture_end().
 */
#ifndef NLNETSTAT_CAPTURE_H
#define NLNETSTAT_CAPTURE_H

/*
 * Send fd (STDOUT_FILENO or STDERR_FILENO) to a temporary file; for
 * stdout, what out.c and stdio hold is written out first.  One capture at
 * a time; a setup failure aborts the test binary.
 */
void capture_begin(int fd);

/*
 * Restore the descriptor and return what was written to it, NUL-terminated
 * and cut at 8191 bytes, in a buffer valid until the next capture.  For
 * stdout, out.c's buffer is flushed into the capture first (a failed flush
 * is a failed check).
 */
const char *capture_end(void);

#endif
