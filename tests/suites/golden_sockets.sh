#!/usr/bin/env bash
# tests/suites/golden_sockets.sh - the socket listing on fixture trees
# (NLNETSTAT_PROC_ROOT): values at the limits (64-bit inodes, 32-bit
# queues, port 65535, uid 2^32-2, unknown states and types) and hostile
# data (paths with spaces, newlines and escapes, malformed lines).
# tests/golden/sockets/CASE/args lists the argument strings; CASE/source
# says where the expected files came from: "netstat" (captured from
# /usr/bin/netstat reading the same files, GOLDEN_REGEN=1 redoes it, needs
# root) or "reviewed" (written by nlnetstat and checked by hand; also
# checked without any golden by golden_checks.sh, and GOLDEN_REGEN rewrites
# a reviewed case only when those checks pass on the new output).
source "$(dirname "$0")/../lib.sh"

slug() {
	local s=${1:-none}
	s=${s// /_}
	echo "args${s}"
}

regen_one() {
	local fix=$1 args=$2 out=$3 how=$4
	if [ "$how" = netstat ]; then
		# /proc/net is /proc/self/net: mount over our own PID's copy,
		# then exec netstat so it keeps that PID.
		unshare -m sh -c "mount --bind '$fix/net' /proc/\$\$/net && exec '$NETSTAT' $args" \
			>"$out.out" 2>"$out.err"
	else
		# shellcheck disable=SC2086
		NLNETSTAT_PROC_ROOT="$fix" "$NLNETSTAT" $args >"$out.out" 2>"$out.err"
		# Messages name the fixture path; the golden says /proc.
		sed -i "s#$fix#/proc#g" "$out.err"
	fi
	echo $? >"$out.rc"
}

# may_regen CASE HOW: GOLDEN_REGEN may rewrite this case's goldens.  A
# reviewed case is nlnetstat's own output: only when golden_checks.sh,
# which asserts from the fixture and netstat, passes on it.
may_regen() {
	local case=$1 how=$2 checks
	[ -n "${GOLDEN_REGEN:-}" ] || return 1
	[ "$how" = reviewed ] || return 0
	checks=$(GOLDEN_CHECKS_ONLY=sockets/$case bash "$TOP/tests/suites/golden_checks.sh")
	if ! grep -q '^PASS: ' <<<"$checks" || grep -q '^FAIL: ' <<<"$checks"; then
		fail "golden sockets: $case: GOLDEN_REGEN" \
		    "golden_checks.sh does not pass; goldens left as they were"
		grep '^FAIL: ' <<<"$checks" | sed 's/^/    /'
		return 1
	fi
	return 0
}

for dir in "$TOP"/tests/golden/sockets/*/; do
	case=$(basename "$dir")
	fix="$TOP/tests/fixtures/sockets/$case"
	how=$(head -1 "$dir/source")
	regen=
	may_regen "$case" "$how" && regen=1
	while IFS= read -r args; do
		base="$dir$(slug "$args")"
		if [ -n "$regen" ]; then
			regen_one "$fix" "$args" "$base" "$how"
		fi
		name="golden sockets: $case: ${args:-(no options)}"
		# shellcheck disable=SC2086
		NLNETSTAT_PROC_ROOT="$fix" "$NLNETSTAT" $args >"$T_TMP/g.out" 2>"$T_TMP/g.err"
		echo $? >"$T_TMP/g.rc"
		# Messages name the fixture path; the expectation says /proc.
		sed -i "s#$fix#/proc#g" "$T_TMP/g.err"
		if cmp -s "$T_TMP/g.out" "$base.out" && cmp -s "$T_TMP/g.err" "$base.err" &&
			cmp -s "$T_TMP/g.rc" "$base.rc"; then
			pass "$name"
		else
			fail "$name" "differs from $(basename "$base")"
			show_diff "$base.out" "$T_TMP/g.out"
			show_diff "$base.err" "$T_TMP/g.err"
		fi
	done <"$dir/args"
done
