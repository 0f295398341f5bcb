/*
 * fuzz_procmap.c - the -p column from a raw /proc/PID/cmdline and the
 * /proc/PID/fd link parser.  Input: 2 bytes of name buffer size, 4 bytes
 * of PID, then the cmdline bytes, which are also given to
 * procscan_parse_link() as a link target of exactly that length (no NUL).
 */
#include <sys/types.h>

#include "fuzz_common.h"
#include "procmap.h"
#include "procscan.h"

/* procmap.h: the column buffer holds "PID/name" cut to 19 bytes. */
#define COLUMN_LEN 20

static void
check_owner(pid_t pid, const char *cmd, size_t n, size_t name_len)
{
	char *column = malloc(COLUMN_LEN), *name = malloc(name_len);
	char prefix[24];
	size_t clen, plen;

	if (column == NULL || name == NULL)
		abort();
	procmap_format_owner(pid, cmd, n, column, name, name_len);
	clen = strnlen(column, COLUMN_LEN);
	FUZZ_CHECK(clen < COLUMN_LEN);
	for (size_t i = 0; i < clen; i++)
		FUZZ_CHECK((unsigned char)column[i] >= 0x20 &&
		           (unsigned char)column[i] != 0x7f);
	plen = (size_t)snprintf(prefix, sizeof(prefix), "%d/", (int)pid);
	FUZZ_CHECK(strncmp(column, prefix, clen < plen ? clen : plen) == 0);
	FUZZ_CHECK(strnlen(name, name_len) < name_len);
	/* The raw name is argv[0] (its basename when it starts with '/'). */
	if (n > 0 && cmd[0] == '/')
		FUZZ_CHECK(strchr(name, '/') == NULL);
	else
		FUZZ_CHECK(strncmp(name, cmd, strlen(name)) == 0);
	free(column);
	free(name);
}

static void
check_link(const char *target, size_t len)
{
	uint64_t inode = 0;

	if (!procscan_parse_link(target, len, &inode))
		return;
	FUZZ_CHECK((len > 8 && memcmp(target, "socket:[", 8) == 0) ||
	           (len > 7 && memcmp(target, "[0000]:", 7) == 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t name_len, n;
	uint32_t pid;
	char *cmd;

	if (size < 6)
		return 0;
	name_len = 1 + ((size_t)data[0] | (size_t)data[1] << 8) % 1024;
	memcpy(&pid, data + 2, sizeof(pid));
	n = size - 6;
	/* Exactly n bytes: any read past them is an ASan report. */
	cmd = malloc(n ? n : 1);
	if (cmd == NULL)
		abort();
	memcpy(cmd, data + 6, n);
	check_owner((pid_t)(pid & 0x7fffffff), cmd, n, name_len);
	check_link(cmd, n);
	free(cmd);
	return 0;
}
