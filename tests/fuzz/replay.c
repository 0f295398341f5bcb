/*
 * replay.c - runs a fuzz target without libFuzzer: links with one target's
 * LLVMFuzzerTestOneInput (and LLVMFuzzerInitialize, when it has one) and
 * feeds it every file named on the command line, each in a heap buffer of
 * exactly the file's size.  Used by tests/suites/fuzz_regress.sh.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			grown = realloc(buf, cap);
			if (grown == NULL) {
				perror("replay: realloc");
				exit(2);
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	/* An exact-size copy, so that a sanitizer sees any over-read. */
	uint8_t *exact = malloc(len ? len : 1);
	if (exact == NULL) {
		perror("replay: malloc");
		exit(2);
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

int
main(int argc, char **argv)
{
	int bad = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		fprintf(stderr, "replay: %s\n", argv[i]);
		if (run_file(argv[i]) < 0)
			bad = 1;
	}
	return bad;
}
