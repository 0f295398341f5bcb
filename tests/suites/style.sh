#!/usr/bin/env bash
# tests/suites/style.sh - runs scripts/check-style.sh (formatting, cppcheck,
# layering greps, file size budget) as part of make check, then shows that
# the layering greps can fail: each negative control plants one violation
# in a copy of the tree and expects that check's FAIL line.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" && scripts/check-style.sh

T=$(mktemp -d "${TMPDIR:-/tmp}/nlnetstat-style.XXXXXX")
trap 'rm -rf "$T"' EXIT

# control NAME FILE LINE: append LINE to FILE in a fresh copy; expect
# "FAIL: style: NAME".
control() {
	rm -rf "$T/tree" && mkdir "$T/tree"
	cp -r "$TOP/src" "$TOP/include" "$TOP/scripts" "$T/tree/"
	printf '%s\n' "$3" >>"$T/tree/$2"
	if STYLE_GREPS_ONLY=1 "$T/tree/scripts/check-style.sh" 2>&1 |
		grep -qF "FAIL: style: $1"; then
		echo "PASS: style: negative control: $1"
	else
		echo "FAIL: style: negative control: $1: not caught"
	fi
}

control "socket sources know no output format" src/sockets/filter.c \
	'#include "fmt.h"'
control "output reads no source" src/output/fmt.c '#include "procnet.h"'
control "stderr written only by report.c" src/output/fmt.c \
	'static void f(void) { fputs("x", stderr); }'
control "exit only in main.c and the option parsers" src/sockets/diag.c \
	'static void g(void) { exit(1); }'
control "getenv only in util.c" src/modes/route.c \
	'static char *h(void) { return getenv("X"); }'
control "header comment in every file" include/new.h '#define X 1'
exit 0
