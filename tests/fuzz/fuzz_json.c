/*
 * fuzz_json.c - JSON string escaping.  json_escape() into a buffer of the
 * documented minimum size (6 * n + 1) and json_str() through out.c (stdout
 * captured in a memfd) must both give valid UTF-8 with no raw control
 * bytes that decodes back to the input, invalid bytes as U+FFFD.
 */
#include <sys/mman.h>

#include "fuzz_common.h"
#include "json.h"
#include "out.h"

/* The smallest json_escape() buffer json.h documents for n bytes. */
#define ESCAPE_MIN_DSTLEN(n) (6 * (n) + 1)

static int fuzz_memfd = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_memfd = memfd_create("json-out", MFD_CLOEXEC);
	if (fuzz_memfd < 0 || dup2(fuzz_memfd, STDOUT_FILENO) < 0) {
		perror("memfd");
		abort();
	}
	return 0;
}

static bool
in_range(unsigned char c, unsigned char lo, unsigned char hi)
{
	return c >= lo && c <= hi;
}

/*
 * Length (1-4) of the well-formed UTF-8 sequence at s, or 0: the byte
 * ranges of the Unicode standard's table of well-formed sequences.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need;

	if (c < 0x80)
		return 1;
	if (in_range(c, 0xc2, 0xdf))
		need = 2;
	else if (in_range(c, 0xe0, 0xef))
		need = 3;
	else if (in_range(c, 0xf0, 0xf4))
		need = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (n < need || !in_range(s[1], lo, hi))
		return 0;
	for (size_t i = 2; i < need; i++)
		if (!in_range(s[i], 0x80, 0xbf))
			return 0;
	return need;
}

static int
hex4(const unsigned char *s)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int d;
		if (in_range(s[i], '0', '9'))
			d = s[i] - '0';
		else if (in_range(s[i], 'a', 'f'))
			d = s[i] - 'a' + 10;
		else if (in_range(s[i], 'A', 'F'))
			d = s[i] - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/*
 * Walk the escaped body out[0..olen) against the input in[0..n): every
 * token must be a JSON escape or a well-formed raw sequence, and it must
 * stand for the input bytes at the same place.
 */
static void
check_body(
    const unsigned char *out, size_t olen, const unsigned char *in, size_t n)
{
	size_t o = 0, i = 0;

	while (o < olen) {
		unsigned char c = out[o];

		FUZZ_CHECK(c >= 0x20 && c != 0x7f && c != '"');
		if (c == '\\') {
			FUZZ_CHECK(o + 1 < olen);
			if (out[o + 1] == '"' || out[o + 1] == '\\') {
				FUZZ_CHECK(i < n && in[i] == out[o + 1]);
				o += 2;
				i++;
				continue;
			}
			FUZZ_CHECK(out[o + 1] == 'u' && o + 6 <= olen);
			int v = hex4(out + o + 2);
			FUZZ_CHECK(i < n);
			if (v == 0xfffd) {
				/* Only a byte that starts no valid sequence. */
				FUZZ_CHECK(utf8_seq(in + i, n - i) == 0);
			} else {
				FUZZ_CHECK(v >= 0 && (v < 0x20 || v == 0x7f));
				FUZZ_CHECK(in[i] == v);
			}
			o += 6;
			i++;
			continue;
		}
		size_t k = utf8_seq(out + o, olen - o);
		FUZZ_CHECK(k > 0);
		FUZZ_CHECK(i + k <= n && memcmp(out + o, in + i, k) == 0);
		o += k;
		i += k;
	}
	/* Nothing of the input is lost. */
	FUZZ_CHECK(i == n);
}

static void
check_escape(const uint8_t *data, size_t size)
{
	size_t dstlen = ESCAPE_MIN_DSTLEN(size);
	char *dst = malloc(dstlen);

	if (dst == NULL)
		abort();
	size_t olen = json_escape(dst, dstlen, (const char *)data, size);
	FUZZ_CHECK(olen < dstlen && dst[olen] == '\0');
	FUZZ_CHECK(strlen(dst) == olen);
	check_body((const unsigned char *)dst, olen, data, size);
	free(dst);
}

static void
check_str(const uint8_t *data, size_t size)
{
	struct json j = { 0 };
	struct stat st;
	unsigned char *got;
	ssize_t n;

	FUZZ_CHECK(ftruncate(fuzz_memfd, 0) == 0);
	FUZZ_CHECK(lseek(fuzz_memfd, 0, SEEK_SET) == 0);
	json_str(&j, (const char *)data, size);
	FUZZ_CHECK(out_flush() == 0);
	FUZZ_CHECK(fstat(fuzz_memfd, &st) == 0 && st.st_size >= 2);
	got = malloc((size_t)st.st_size);
	if (got == NULL)
		abort();
	n = pread(fuzz_memfd, got, (size_t)st.st_size, 0);
	FUZZ_CHECK(n == st.st_size);
	FUZZ_CHECK(got[0] == '"' && got[n - 1] == '"');
	check_body(got + 1, (size_t)n - 2, data, size);
	free(got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_escape(data, size);
	check_str(data, size);
	return 0;
}
