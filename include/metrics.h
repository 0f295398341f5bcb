/*
 * metrics.h - pieces of the Prometheus / OpenMetrics text exposition used
 * by the --metrics emitter (emit_metrics.c): a growable byte buffer, label
 * value escaping that keeps any input valid UTF-8, family headers and
 * samples.
 */
#ifndef NLNETSTAT_METRICS_H
#define NLNETSTAT_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct emitter;

/* A growable buffer; its memory is kept (and reused) until freed. */
struct metrics_buf {
	char *p;
	size_t len, cap;
};

void metrics_buf_add(struct metrics_buf *b, const char *s, size_t n);
void metrics_buf_str(struct metrics_buf *b, const char *s);
void metrics_buf_u64(struct metrics_buf *b, uint64_t v);
void metrics_buf_free(struct metrics_buf *b);

/*
 * Append s (n bytes, any content) as the inside of a label value:
 * backslash, double quote and newline escaped as the format says, other
 * control bytes and every byte that is not part of valid UTF-8 replaced
 * by U+FFFD, so the exposition stays parseable whatever s holds.
 */
void metrics_label_escape(struct metrics_buf *b, const char *s, size_t n);

/* A label of a sample; value NULL leaves the label out. */
struct metrics_label {
	const char *name;
	const char *value;
};

/* "name{l1="v1",...} value\n"; labels with a NULL value are skipped. */
void metrics_sample(struct metrics_buf *b, const char *name,
    const struct metrics_label *labels, size_t nlabels, uint64_t value);

/* The same with the value as text (an integer the caller checked). */
void metrics_sample_text(struct metrics_buf *b, const char *name,
    const struct metrics_label *labels, size_t nlabels, const char *value);

/*
 * "# HELP" and "# TYPE" lines of a family.  type is "gauge" or "counter";
 * for a counter, name is the family name without "_total" and, in the
 * Prometheus 0.0.4 format (openmetrics false), the lines name the sample
 * ("name_total") as Prometheus' own client libraries do.
 */
void metrics_header(struct metrics_buf *b, const char *name, const char *type,
    const char *help, bool openmetrics);

/* Append name in snake_case: "TCPSynRetrans" -> "tcp_syn_retrans". */
void metrics_snake_case(struct metrics_buf *b, const char *name);

/*
 * True for the -s values that are levels, not counters (Ip Forwarding
 * and DefaultTTL, Tcp RtoAlgorithm, RtoMin, RtoMax, MaxConn, CurrEstab,
 * MPTcpExt MPCurrEstab).
 */
bool metrics_snmp_is_gauge(const char *section, const char *name);

/*
 * --metrics-file: true when writing the file failed in the last pass (it
 * was reported on stderr and the old file kept).  False for any emitter
 * that is not the metrics one.
 */
bool emit_metrics_failed(const struct emitter *e);

#endif
