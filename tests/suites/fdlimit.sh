#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/fdlimit.sh - differential runs at very low descriptor limits
# (RLIMIT_NOFILE 4, 5 and 6: one, two and three descriptors beyond stdin,
# stdout and stderr).  netstat completes there, finding owners only from
# three free descriptors on; nlnetstat must print the same bytes, and never
# call a descriptor shortage missing privileges.  Socket and statistics
# modes, inside a private namespace filled by the sockd helper.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"

SELF="$TOP/tests/suites/fdlimit.sh"
# Read by run_capture and normalize in tests/lib.sh.
# shellcheck disable=SC2034
RUN_PREFIX=
# shellcheck disable=SC2034
NORMALIZE=
TIMER_SED='s/\((-?[0-9]+\.[0-9]+)\//(#.##\//g'

CASES=(
	-xa -xap -xl -x -anp -tanp -tan -tlnp -an -ap -p -lp -a -ta -tae
	-tape -uan -Ua -wa -aee -tanpo -ln -s -st -su -sw -s6 -sx
)

inner() {
	local n args
	local -a argv
	cd / || exit 1
	if ! netns_setup || ! sockd_start; then
		fail "fdlimit: setup" "$NETNS_ERROR"
		return
	fi
	for n in 4 5 6; do
		RUN_PREFIX="prlimit --nofile=$n:$n --"
		for args in "${CASES[@]}"; do
			read -r -a argv <<<"$args"
			NORMALIZE=
			[[ $args == *o* && $args != -s* ]] && NORMALIZE=$TIMER_SED
			compare "fdlimit: ulimit -n $n: $args" "${argv[@]}"
			if grep -q 'should be root' "$T_TMP/got.err"; then
				fail "fdlimit: ulimit -n $n: $args" \
					"descriptor shortage reported as missing privileges"
			fi
		done
	done
	RUN_PREFIX=
	if ! sockd_alive; then
		fail "fdlimit: population" "sockd died during the run: $NETNS_ERROR"
	fi
	sockd_stop
}

main() {
	local why
	if why=$(netns_unusable); then
		skip "fdlimit" "$why"
		return 0
	fi
	if ! command -v prlimit >/dev/null; then
		skip "fdlimit" "prlimit (util-linux) not installed"
		return 0
	fi
	if [ ! -x "$SOCKD" ]; then
		fail "fdlimit: setup" "helper $BUILD/helpers/sockd not built (make helpers)"
		return 0
	fi
	export TOP BUILD
	netns_enter "$SELF" --inner
}

if [ "${1:-}" = --inner ]; then
	inner
else
	main
fi
