/*
 * capture.c - point stdout or stderr at a temporary file and read back
 * what the code under test wrote there, for exact-byte assertions.  A
 * file rather than a pipe, so a large write cannot block the test.
 */
#include "capture.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "out.h"

static char cap_text[8192];
static int cap_fd = -1;
static int cap_saved = -1;
static FILE *cap_file;

void
capture_begin(int fd)
{
	if (fd == STDOUT_FILENO) {
		fflush(stdout);
		out_flush();
	}
	cap_fd = fd;
	cap_file = tmpfile();
	cap_saved = dup(fd);
	if (cap_file == NULL || cap_saved < 0 || dup2(fileno(cap_file), fd) < 0)
		abort();
}

const char *
capture_end(void)
{
	size_t n;

	if (cap_fd == STDOUT_FILENO)
		T_CHECK(out_flush() == 0);
	if (dup2(cap_saved, cap_fd) < 0)
		abort();
	close(cap_saved);
	rewind(cap_file);
	n = fread(cap_text, 1, sizeof(cap_text) - 1, cap_file);
	cap_text[n] = '\0';
	fclose(cap_file);
	cap_fd = -1;
	return cap_text;
}
