/*
 * metrics_text.c - the text pieces of a metrics exposition (metrics.h):
 * a reusable buffer, label escaping over untrusted bytes (program names
 * and namespace names come from other users' processes), family headers
 * and samples.
 */
#include "metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

static const char metrics_replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

void
metrics_buf_add(struct metrics_buf *b, const char *s, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void
metrics_buf_str(struct metrics_buf *b, const char *s)
{
	metrics_buf_add(b, s, strlen(s));
}

void
metrics_buf_u64(struct metrics_buf *b, uint64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%llu", (unsigned long long)v);

	metrics_buf_add(b, num, (size_t)n);
}

void
metrics_buf_free(struct metrics_buf *b)
{
	free(b->p);
	*b = (struct metrics_buf){ 0 };
}

void
metrics_label_escape(struct metrics_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t k = escape_utf8_len(u + i, n - i);
		if (k == 0 || u[i] == 0x7f || (u[i] < 0x20 && u[i] != '\n')) {
			metrics_buf_str(b, metrics_replacement);
			i++;
		} else if (u[i] == '\\') {
			metrics_buf_add(b, "\\\\", 2);
			i++;
		} else if (u[i] == '"') {
			metrics_buf_add(b, "\\\"", 2);
			i++;
		} else if (u[i] == '\n') {
			metrics_buf_add(b, "\\n", 2);
			i++;
		} else {
			metrics_buf_add(b, s + i, k);
			i += k;
		}
	}
}

void
metrics_sample_text(struct metrics_buf *b, const char *name,
    const struct metrics_label *labels, size_t nlabels, const char *value)
{
	bool open = false;

	metrics_buf_str(b, name);
	for (size_t i = 0; i < nlabels; i++) {
		if (labels[i].value == NULL)
			continue;
		metrics_buf_add(b, open ? "," : "{", 1);
		open = true;
		metrics_buf_str(b, labels[i].name);
		metrics_buf_add(b, "=\"", 2);
		metrics_label_escape(
		    b, labels[i].value, strlen(labels[i].value));
		metrics_buf_add(b, "\"", 1);
	}
	if (open)
		metrics_buf_add(b, "}", 1);
	metrics_buf_add(b, " ", 1);
	metrics_buf_str(b, value);
	metrics_buf_add(b, "\n", 1);
}

void
metrics_sample(struct metrics_buf *b, const char *name,
    const struct metrics_label *labels, size_t nlabels, uint64_t value)
{
	char num[24];

	snprintf(num, sizeof(num), "%llu", (unsigned long long)value);
	metrics_sample_text(b, name, labels, nlabels, num);
}

void
metrics_header(struct metrics_buf *b, const char *name, const char *type,
    const char *help, bool openmetrics)
{
	const char *suffix =
	    (!openmetrics && strcmp(type, "counter") == 0) ? "_total" : "";

	metrics_buf_str(b, "# HELP ");
	metrics_buf_str(b, name);
	metrics_buf_str(b, suffix);
	metrics_buf_add(b, " ", 1);
	metrics_buf_str(b, help);
	metrics_buf_str(b, "\n# TYPE ");
	metrics_buf_str(b, name);
	metrics_buf_str(b, suffix);
	metrics_buf_add(b, " ", 1);
	metrics_buf_str(b, type);
	metrics_buf_add(b, "\n", 1);
}

/* How many upper-case letters end at name[i - 1]. */
static size_t
upper_run(const char *name, size_t i)
{
	size_t n = 0;

	while (n < i && name[i - 1 - n] >= 'A' && name[i - 1 - n] <= 'Z')
		n++;
	return n;
}

void
metrics_snake_case(struct metrics_buf *b, const char *name)
{
	for (size_t i = 0; name[i] != '\0'; i++) {
		char c = name[i];
		bool up = c >= 'A' && c <= 'Z';
		if (up && i > 0) {
			char prev = name[i - 1], next = name[i + 1];
			bool prev_low = (prev >= 'a' && prev <= 'z') ||
			                (prev >= '0' && prev <= '9');
			/* "TCPSyn" -> tcp_syn, but "HMac" -> hmac. */
			bool acronym_end = upper_run(name, i) >= 2 &&
			                   next >= 'a' && next <= 'z';
			if (prev_low || acronym_end)
				metrics_buf_add(b, "_", 1);
		}
		if (up)
			c = (char)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '_';
		metrics_buf_add(b, &c, 1);
	}
}

bool
metrics_snmp_is_gauge(const char *section, const char *name)
{
	static const char *const ip[] = { "Forwarding", "DefaultTTL" };
	static const char *const tcp[] = { "RtoAlgorithm", "RtoMin", "RtoMax",
		"MaxConn", "CurrEstab" };

	if (strcmp(section, "Ip") == 0) {
		for (size_t i = 0; i < sizeof(ip) / sizeof(ip[0]); i++)
			if (strcmp(name, ip[i]) == 0)
				return true;
	} else if (strcmp(section, "MPTcpExt") == 0) {
		return strcmp(name, "MPCurrEstab") == 0;
	} else if (strcmp(section, "Tcp") == 0) {
		for (size_t i = 0; i < sizeof(tcp) / sizeof(tcp[0]); i++)
			if (strcmp(name, tcp[i]) == 0)
				return true;
	}
	return false;
}
