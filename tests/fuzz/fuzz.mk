# tests/fuzz/fuzz.mk - libFuzzer targets, included by the Makefile.
# make fuzz-build   build every tests/fuzz/fuzz_*.c into build-fuzz/
# make fuzz         build, then run each target on its seed corpus for
#                   FUZZ_SECONDS (default 10) seconds, one at a time; fails
#                   when a target crashes.  FUZZ_TARGETS="json stats" picks.
# Needs clang (FUZZ_CC); nothing here is defined unless a fuzz goal is asked.

ifneq ($(filter fuzz fuzz-build,$(MAKECMDGOALS)),)

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 10
FUZZ_DIR ?= build-fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
# The project's flags minus optimisation, sanitizer and -Werror settings:
# a clang-only warning in src/ must not stop the fuzzing run.
FUZZ_CFLAGS := $(filter-out -O% -Werror -fsanitize=% -fno-sanitize-recover=%,\
	$(ALL_CFLAGS)) -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_SRCS := $(filter-out src/core/main.c,$(SRCS))
FUZZ_OBJS := $(FUZZ_SRCS:src/%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_ALL := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
# Targets write their /proc files below a TMPDIR made here, removed after
# the run even when a target crashed: tmpfs is many times faster.
FUZZ_TMPDIR ?= $(if $(wildcard /dev/shm/.),/dev/shm,$(or $(TMPDIR),/tmp))
# libFuzzer options for every run; inputs beyond 64 KiB add nothing here.
FUZZ_RUN_FLAGS := -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
	-print_final_stats=1

.PHONY: fuzz-build fuzz-cc-check
# Objects are shared by every target: keep them between runs.
.SECONDARY: $(FUZZ_OBJS)

fuzz-cc-check:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
		echo "fuzz: $(FUZZ_CC) not found (the fuzz targets need clang" \
		     "with libFuzzer; scripts/install-deps installs it)" >&2; \
		exit 1; }
	@d=$$(mktemp -d) && \
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
		'{ (void)d; (void)n; return 0; }' >$$d/probe.c && \
	if $(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $$d/probe \
		$$d/probe.c >$$d/err 2>&1; then rm -rf $$d; else \
		sed 's/^/    /' $$d/err | head -n 5 >&2; rm -rf $$d; \
		echo "fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer: its" \
		     "runtime is missing (Debian: libclang-rt-dev)" >&2; \
		exit 1; fi

$(FUZZ_DIR)/obj/%.o: src/%.c $(wildcard include/*.h) | fuzz-cc-check
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJS) \
		$(wildcard include/*.h) | fuzz-cc-check
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) \
		$(DEPLIBS)

fuzz-build: $(FUZZ_BINS)

# One target at a time: new inputs go to build-fuzz/corpus/T, crashes to
# build-fuzz/artifacts/T/; the committed seeds and regressions are read only.
fuzz: fuzz-build
	@export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1; \
	TMPDIR=$$(mktemp -d $(FUZZ_TMPDIR)/nlnetstat-fuzz-run.XXXXXX) || exit 1; \
	export TMPDIR; trap 'rm -rf "$$TMPDIR"' EXIT; \
	failed=""; \
	for t in $(FUZZ_TARGETS); do \
		rm -rf $(FUZZ_DIR)/artifacts/$$t; \
		mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/artifacts/$$t \
			$(FUZZ_DIR)/logs; \
		dirs="$(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t"; \
		if [ -d tests/fuzz/regress/$$t ]; then \
			dirs="$$dirs tests/fuzz/regress/$$t"; fi; \
		log=$(FUZZ_DIR)/logs/$$t.log; \
		if $(FUZZ_DIR)/fuzz_$$t $(FUZZ_RUN_FLAGS) \
			-max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=$(FUZZ_DIR)/artifacts/$$t/ \
			$$dirs >$$log 2>&1; then \
			execs=$$(sed -n 's/^stat::number_of_executed_units: //p' $$log); \
			cov=$$(grep -o 'cov: [0-9]*' $$log | tail -n 1); \
			echo "fuzz: $$t: ok, $${execs:-?} runs in $(FUZZ_SECONDS)s, $${cov:-cov: ?}"; \
		else \
			echo "fuzz: $$t: CRASH (log $$log)"; \
			grep -m 16 -E 'ERROR|SUMMARY|invariant|runtime error|^ +#[0-9]+ ' \
				$$log | sed 's/^/    /'; \
			for a in $(FUZZ_DIR)/artifacts/$$t/*; do \
				[ -f "$$a" ] && echo "    reproducer: $$a"; done; \
			echo "    a new one belongs in tests/fuzz/regress/$$t/"; \
			failed="$$failed $$t"; \
		fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashed:$$failed"; exit 1; fi; \
	echo "fuzz: all $(words $(FUZZ_TARGETS)) targets ran $(FUZZ_SECONDS)s without a crash"

endif
