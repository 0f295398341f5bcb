#!/usr/bin/env bash
# tests/run.sh - runs every test suite and prints the closing tally
# "N passed, N failed, N skipped".  Suites: the unit-test binary, then every
# tests/suites/*.sh (golden and differential tests; the differential ones
# enter private network namespaces and say SKIP without root).
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
export TOP BUILD
cd "$TOP" || exit 2

LOG=$(mktemp "${TMPDIR:-/tmp}/nlnetstat-check.XXXXXX")
trap 'rm -f "$LOG"' EXIT

run_suite() {
	local label=$1
	shift
	local start=$SECONDS
	"$@" 2>&1 | tee -a "$LOG"
	echo "# $label: $((SECONDS - start))s"
}

run_suite unit "$BUILD/unit_tests"
for s in tests/suites/*.sh; do
	[ -e "$s" ] || continue
	if [ -n "${SUITES:-}" ] && ! [[ " $SUITES " == *" $(basename "$s" .sh) "* ]]; then
		continue
	fi
	run_suite "$(basename "$s" .sh)" bash "$s"
done

passed=$(grep -c '^PASS: ' "$LOG")
failed=$(grep -c '^FAIL: ' "$LOG")
skipped=$(grep -c '^SKIP: ' "$LOG")
if [ "$failed" -gt 0 ]; then
	echo "failed cases:"
	grep '^FAIL: ' "$LOG" | sed 's/^/  /'
fi
if [ "$skipped" -gt 0 ]; then
	echo "skipped cases:"
	grep '^SKIP: ' "$LOG" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
