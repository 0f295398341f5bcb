/*
 * fuzz_if_inet6.c - /proc/net/if_inet6 as the -i -e block reads it: the
 * input's first line names the interface (cut to IFNAMSIZ - 1 bytes), the
 * rest is the whole if_inet6 text, indexed by iface_inet6_index() and
 * handed to iface_print_long(), which picks that interface's lines.  The block
 * goes to stdout, /dev/null here.
 */
#include "fuzz_common.h"
#include "iface.h"
#include "out.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_stdout_to_null();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t nlen = nl ? (size_t)(nl - data) : size;
	size_t rest = nl ? size - nlen - 1 : 0;
	struct iface ifc;
	struct iface_inet6 idx;
	char *text;

	memset(&ifc, 0, sizeof(ifc));
	memcpy(ifc.name, data, nlen < IFNAMSIZ - 1 ? nlen : IFNAMSIZ - 1);
	ifc.has_stats = true;
	ifc.txqlen = -1;
	/* Exactly the text and its NUL, as iface.c reads the file. */
	text = malloc(rest + 1);
	if (text == NULL)
		abort();
	if (rest > 0)
		memcpy(text, nl + 1, rest);
	text[rest] = '\0';
	iface_inet6_index(&idx, text);
	iface_print_long(&ifc, &idx);
	FUZZ_CHECK(out_flush() == 0);
	iface_inet6_free(&idx);
	return 0;
}
