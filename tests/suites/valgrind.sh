#!/usr/bin/env bash
# tests/suites/valgrind.sh - every mode under valgrind memcheck: any
# invalid read or write, use of uninitialised memory or bad free makes the
# case fail (--error-exitcode).  Runs on the live tables of this machine.
source "$(dirname "$0")/../lib.sh"

if [ "$BUILD" = build-san ]; then
	skip "valgrind" "a sanitizer build cannot run under valgrind"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	skip "valgrind" "valgrind not installed"
	exit 0
fi
for args in "-an" "-anp" "-aneo" "-anW --numeric-users" "-x" "-s" "-s -6" \
	"-rn" "-rne" "-rn6" "-i" "-ie" "-gn" "-an --json" "-anp --json --peers" \
	"--summary" "-s --json" "-rn --json" "-i --json" "--port 22 -an" "-V" "-h"; do
	# shellcheck disable=SC2086
	valgrind -q --error-exitcode=99 --track-origins=no "$NLNETSTAT" $args \
		>/dev/null 2>"$T_TMP/vg.err"
	if [ $? = 99 ]; then
		fail "valgrind: $args" "$(grep -m3 '==' "$T_TMP/vg.err" | tr '\n' ';')"
	else
		pass "valgrind: $args"
	fi
done
