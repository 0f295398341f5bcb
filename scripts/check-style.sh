#!/usr/bin/env bash
# scripts/check-style.sh - the cheap guards of the design: clang-format dry
# run, cppcheck, and greps that keep the layering (the folders of src/ as
# layers, only main.c and the option parsers exit, only util.c reads the
# environment, nothing prints with bare printf, only report.c writes
# stderr).  Prints one PASS/FAIL/SKIP line per check.
set -u
cd "$(dirname "$0")/.." || exit 2
status=0
report() { # NAME OK DETAIL
	if [ "$2" = ok ]; then echo "PASS: style: $1"; else
		echo "FAIL: style: $1: $3"
		status=1
	fi
}

src=$(ls src/*/*.c include/*.h)
# STYLE_GREPS_ONLY=1 runs only the greps (the style suite's negative
# controls run them on a copy of the tree).
if [ -n "${STYLE_GREPS_ONLY:-}" ]; then
	:
elif command -v clang-format >/dev/null; then
	bad=$(for f in $src tests/unit/*.[ch]; do
		clang-format --dry-run "$f" 2>&1 | grep -q warning && echo "$f"
	done)
	report "clang-format" "$([ -z "$bad" ] && echo ok)" "$(echo $bad)"
else
	echo "SKIP: style: clang-format: not installed"
fi

if [ -n "${STYLE_GREPS_ONLY:-}" ]; then
	:
elif command -v cppcheck >/dev/null; then
	out=$(cppcheck --quiet --enable=warning,style,performance,portability \
		--std=c11 -D_GNU_SOURCE -Iinclude --suppress=missingIncludeSystem \
		--inline-suppr --error-exitcode=1 src/ 2>&1)
	report "cppcheck" "$([ -z "$out" ] && echo ok)" "$(echo "$out" | head -3)"
else
	echo "SKIP: style: cppcheck: not installed"
fi

# Only main.c and the option parsers (opts.c, xopts.c) exit.
hits=$(grep -nE '\b(exit|_exit)\(' src/*/*.c | grep -vE '^src/core/(main|opts)\.c:')
report "exit only in main.c and the option parsers" "$([ -z "$hits" ] && echo ok)" "$hits"
# Only util.c reads the environment.
hits=$(grep -nE '\b(secure_)?getenv\(' src/*/*.c | grep -v '^src/core/util\.c:')
report "getenv only in util.c" "$([ -z "$hits" ] && echo ok)" "$hits"
# Tables go through out.c.
hits=$(grep -nE '(^|[^a-z_])(printf|puts|putchar)\(' src/*/*.c | grep -vE ':[0-9]+:\s*(\/\*|\*)')
report "no bare printf/puts/putchar" "$([ -z "$hits" ] && echo ok)" "$hits"
hits=$(grep -nE 'fprintf\(stdout|fputs\([^;]*stdout|fwrite\(' src/*/*.c)
report "no stdio writes to stdout" "$([ -z "$hits" ] && echo ok)" "$hits"
# Diagnostics go through report.c (stdout synced first, one place).
hits=$(grep -nE '\b(stderr|perror|v?warnx?)\b|\b(write|dprintf)\(\s*(2|STDERR_FILENO)\b' \
	src/*/*.c | grep -vE ':[0-9]+:\s*(\/\*|\*)' | grep -v '^src/core/report\.c:')
report "stderr written only by report.c" "$([ -z "$hits" ] && echo ok)" "$hits"
# The folders are the layers: the socket sources, filter and owner map
# (src/sockets/ but its driver sockets.c) never see an output format, and
# the output side never reads a source.
hits=$(grep -lE '#include "(emit|fmt|fmt_json|json|out)\.h"' src/sockets/*.c |
	grep -v '^src/sockets/sockets\.c$')
report "socket sources know no output format" "$([ -z "$hits" ] && echo ok)" "$(echo $hits)"
hits=$(grep -lE '#include "(diag|procnet|procscan|rtnl|modes)\.h"' src/output/*.c)
report "output reads no source" "$([ -z "$hits" ] && echo ok)" "$(echo $hits)"
# Every source file starts with a header comment.
hits=$(for f in src/*/*.c include/*.h; do head -1 "$f" | grep -q '^/\*' || echo "$f"; done)
report "header comment in every file" "$([ -z "$hits" ] && echo ok)" "$(echo $hits)"
# Size budget: no file over 800 lines.
hits=$(wc -l src/*/*.c | awk '$2 != "total" && $1 > 800 {print $2 "(" $1 ")"}')
report "no source file over 800 lines" "$([ -z "$hits" ] && echo ok)" "$hits"
exit $status
