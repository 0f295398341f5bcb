/*
 * report.c - diagnostics on stderr.  Every warning and error of the
 * program goes through here: stdout is synced first so that a terminal
 * shows lines in the order netstat prints them, then the message is
 * written whole.  Modules below the mode files return codes instead.
 */
#include "report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

#define REPORT_PREFIX "nlnetstat: "

/* Write n bytes to stderr; errors are ignored, as fprintf's would be. */
static void
report_write(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDERR_FILENO, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

/* Sync stdout, then write prefix and the formatted text as one message. */
static void
report_vemit(const char *prefix, const char *fmt, va_list ap)
{
	char small[1024];
	char *text = small;
	size_t plen = strlen(prefix);
	int saved = errno;
	va_list again;
	int n;

	va_copy(again, ap);
	memcpy(small, prefix, plen);
	n = vsnprintf(small + plen, sizeof(small) - plen, fmt, ap);
	if (n >= 0 && (size_t)n >= sizeof(small) - plen) {
		/* A long message (a long path): format it again in full. */
		char *big = malloc(plen + (size_t)n + 1);

		if (big != NULL) {
			memcpy(big, prefix, plen);
			vsnprintf(big + plen, (size_t)n + 1, fmt, again);
			text = big;
		} else {
			n = (int)(sizeof(small) - plen - 1);
		}
	}
	va_end(again);
	if (n >= 0) {
		out_sync_for_stderr();
		report_write(text, plen + (size_t)n);
	}
	if (text != small)
		free(text);
	errno = saved;
}

void
report_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vemit(REPORT_PREFIX, fmt, ap);
	va_end(ap);
}

void
report_plain(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vemit("", fmt, ap);
	va_end(ap);
}

void
report_errno(const char *what, int err)
{
	if (what == NULL)
		report_plain("%s\n", strerror(err));
	else
		report_plain("%s: %s\n", what, strerror(err));
}

int
report_finish(void)
{
	int err = out_flush();

	if (err == 0)
		return 0;
	report_warn("write error: %s\n", strerror(-err));
	return 1;
}
