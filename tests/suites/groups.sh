#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/groups.sh - the group memberships section (-g).
#  * golden: nlnetstat on tests/fixtures/groups/<case> (NLNETSTAT_PROC_ROOT,
#    with NLNETSTAT_SOURCE=proc so the Internet tables -4/-6 bring are read
#    from the same tree) against tests/golden/groups/<case>.<v>.*; as root
#    each golden is re-checked against net-tools netstat on the same tree.
#  * live: in fresh network, mount and PID namespaces with veths (one with
#    a 15-character name) that joined IPv4 and IPv6 groups, private hosts
#    and resolver files, netstat against nlnetstat for every combination,
#    and -c: the first pass equal; from the second pass on netstat misreads
#    /proc/net/igmp (a static flag it never resets), nlnetstat does not.
# GROUPS_REGEN=1 rewrites the goldens.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"
# shellcheck source=../netns/common.sh
source "$TOP/tests/netns/common.sh"

FIX=$TOP/tests/fixtures/groups
GOLD=$TOP/tests/golden/groups
SELF=$TOP/tests/suites/groups.sh
# Device names with control bytes: netstat prints them raw.
GROUPS_HANDWRITTEN="ctrlname"
export NLNETSTAT_SOURCE=proc

groups_args() {
	case $1 in
	gn) echo "-gn" ;;
	gnh) echo "-g --numeric-hosts" ;;
	gnv) echo "-gnv" ;;
	gn4) echo "-gn -4" ;;
	gn6) echo "-gn -6" ;;
	gnA) echo "-gn -A inet6,inet" ;;
	gnx) echo "--groups --numeric -a -e -W -o" ;;
	*) return 1 ;;
	esac
}

GROUPS_VARIANTS="gn gnh gnv gn4 gn6 gnA gnx"

is_handwritten() {
	[[ " $GROUPS_HANDWRITTEN " == *" $1 "* ]]
}

groups_regen() {
	local dir c v
	mkdir -p "$GOLD"
	rm -f "$GOLD"/*.out "$GOLD"/*.err "$GOLD"/*.rc
	for dir in "$FIX"/*/; do
		c=$(basename "$dir")
		for v in $GROUPS_VARIANTS; do
			# shellcheck disable=SC2046
			if is_handwritten "$c"; then
				NLNETSTAT_PROC_ROOT=$dir run_capture ref \
				    "$NLNETSTAT" $(groups_args "$v")
			else
				ref_capture ref "$dir" $(groups_args "$v")
			fi
			golden_keep ref "$c.$v"
		done
	done
	echo "regenerated $(find "$GOLD" -name '*.out' | wc -l) goldens"
}

same_as_golden() {
	local tag=$1 base=$2 want_err=/dev/null want_rc=0
	[ -f "$GOLD/$base.err" ] && want_err=$GOLD/$base.err
	[ -f "$GOLD/$base.rc" ] && want_rc=$(cat "$GOLD/$base.rc")
	cmp -s "$GOLD/$base.out" "$T_TMP/$tag.out" &&
		cmp -s "$want_err" "$T_TMP/$tag.err" &&
		[ "$(cat "$T_TMP/$tag.rc")" = "$want_rc" ]
}

golden_report() {
	local tag=$1 base=$2 want_err=/dev/null
	[ -f "$GOLD/$base.err" ] && want_err=$GOLD/$base.err
	show_diff "$GOLD/$base.out" "$T_TMP/$tag.out"
	show_diff "$want_err" "$T_TMP/$tag.err"
	echo "    exit: got $(cat "$T_TMP/$tag.rc")"
}

groups_goldens() {
	local f base c v args bad
	for f in "$GOLD"/*.out; do
		base=$(basename "$f" .out)
		c=${base%.*} v=${base##*.}
		args=$(groups_args "$v") || args=
		# shellcheck disable=SC2086
		NLNETSTAT_PROC_ROOT=$FIX/$c run_capture got "$NLNETSTAT" $args
		if [ -n "$args" ] && same_as_golden got "$base"; then
			pass "groups golden $base"
		else
			fail "groups golden $base" "differs (args: $args)"
			golden_report got "$base"
		fi
	done
	for c in "$FIX"/*/; do
		c=$(basename "$c")
		is_handwritten "$c" && continue
		if [ "$(id -u)" -ne 0 ] || [ ! -x "$NETSTAT" ]; then
			skip "groups golden $c: netstat check" \
			    "needs root and net-tools netstat"
			continue
		fi
		bad=
		for v in $GROUPS_VARIANTS; do
			# shellcheck disable=SC2046
			ref_capture ref "$FIX/$c" $(groups_args "$v")
			same_as_golden ref "$c.$v" || bad="$bad $v"
		done
		if [ -z "$bad" ]; then
			pass "groups golden $c: netstat prints the goldens"
		else
			fail "groups golden $c" "netstat no longer prints:$bad"
		fi
	done
}

# ---- live namespace ----

groups_names() {
	printf '%s\n' "127.0.0.1	localhost" \
	    "224.0.0.251	mdns.mcast.test" \
	    "239.1.2.3	a-very-long-multicast-group-name.test" \
	    "::1	ip6-localhost ip6-loopback" "ff02::1	ip6-allnodes" \
	    "ff02::fb	mdns6.mcast.test" >"$T_TMP/hosts"
	printf '%s\n' "nameserver 127.0.0.1" "options attempts:1 timeout:1" \
	    >"$T_TMP/resolv.conf"
	chmod 644 "$T_TMP/hosts" "$T_TMP/resolv.conf"
	mount --bind "$T_TMP/hosts" /etc/hosts &&
		mount --bind "$T_TMP/resolv.conf" /etc/resolv.conf
}

groups_setup() {
	local l
	ip link set lo up &&
		ip link add vethA type veth peer name vethB &&
		ip link add abcdefghijklmno type veth peer name eth1 &&
		ip link add abcdefghijk type veth peer name eth2 &&
		for l in vethA vethB abcdefghijklmno eth1 abcdefghijk eth2; do
			ip link set "$l" up || return 1
		done &&
		ip addr add 192.0.2.1/24 dev vethA &&
		ip addr add 239.1.2.3/32 dev vethA autojoin &&
		ip addr add 239.1.2.3/32 dev abcdefghijklmno autojoin &&
		ip addr add 224.0.0.251/32 dev abcdefghijk autojoin &&
		ip -6 addr add 2001:db8:1::1/64 dev vethA nodad &&
		ip -6 addr add ff15::1234/128 dev vethA autojoin &&
		ip -6 addr add ff02::fb/128 dev abcdefghijklmno autojoin
}

groups_population() {
	run_capture pop "$NETSTAT" -g
	expect_rows "groups live: population" "$T_TMP/pop.out" \
	    '^abcdefghijklmno 1 +a-very-long-multicast-group-name\.test$' \
	    '^abcdefghijk +1 +mdns\.mcast\.test$' \
	    '^vethA +1 +ff15::1234$' '^abcdefghijklmno 1 +mdns6\.mcast\.test$' \
	    '^lo +1 +ip6-allnodes$'
}

GROUPS_LIVE_CASES=(
	-g -gn "-g -4" "-g -6" "-gn -4" "-gn -6" "-g -A inet" "-g -A inet6"
	"-g -A inet6,inet" "-g --inet6" "-g --inet" --groups "--groups --numeric"
	"-g --numeric-hosts" "-g --numeric-ports" -gv -gnv -ga -gl -ge -gee
	-gW -go -gp -gN -gt -gtn -gu -gw -gx -gtu "-g -x -4" "-g -A unix"
	"-g -A inet,unix" -gan -gln "-g -r" "-g -s"
)

# -c: pass 1 must match netstat; pass 2 differs by design (the -gc bug).
groups_continuous() {
	local n b
	n=$("$NETSTAT" -gn | wc -l)
	for b in ref got; do
		local bin=$NETSTAT
		[ $b = got ] && bin=$NLNETSTAT
		timeout 20 "$bin" -gnc 2>"$T_TMP/$b.err" |
			head -n $((2 * n)) >"$T_TMP/$b.out"
	done
	if cmp -s <(head -n "$n" "$T_TMP/ref.out") \
		<(head -n "$n" "$T_TMP/got.out"); then
		pass "groups live: -gnc, first pass"
	else
		fail "groups live: -gnc, first pass" "differs from netstat"
		show_diff <(head -n "$n" "$T_TMP/ref.out") \
		    <(head -n "$n" "$T_TMP/got.out")
	fi
	# Deliberate difference: every nlnetstat pass is the first one again.
	if cmp -s <(head -n "$n" "$T_TMP/got.out") \
		<(tail -n +$((n + 1)) "$T_TMP/got.out") &&
		[ ! -s "$T_TMP/got.err" ] &&
		grep -q '^warning, got bogus igmp6 line' "$T_TMP/ref.err"; then
		pass "groups live: -gnc, second pass correct (netstat's is not)"
	else
		fail "groups live: -gnc, second pass" \
		    "not a repeat of the first, or netstat's bug not seen"
	fi
}

# Very low descriptor limits: netstat opens one /proc file at a time and
# completes at ulimit -n 4; so must nlnetstat (no sock_diag socket and no
# kept /proc directory descriptor for -g alone).
groups_low_fds() {
	local n a
	for n in 4 5 6; do
		for a in -gn -g "-g --numeric-hosts" "-gn -4" "-gn -6" "-gan"; do
			local -a argv=()
			read -r -a argv <<<"$a"
			RUN_PREFIX="prlimit --nofile=$n" \
			    compare "groups live: ulimit -n $n: $a" "${argv[@]}"
		done
	done
}

groups_inside() {
	local a
	if ! groups_names 2>"$T_TMP/setup.err" ||
		! groups_setup 2>>"$T_TMP/setup.err"; then
		fail "groups live: setup" "$(tr '\n' ' ' <"$T_TMP/setup.err")"
		return
	fi
	unset NLNETSTAT_SOURCE
	groups_population
	for a in "${GROUPS_LIVE_CASES[@]}"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		compare "groups live: $a" "${argv[@]}"
	done
	groups_continuous
	groups_low_fds
}

if [ "${1:-}" = --inside ]; then
	groups_inside
	exit 0
fi
if [ -n "${GROUPS_REGEN:-}" ]; then
	groups_regen
	exit
fi
groups_goldens
if why=$(netns_unusable); then
	skip "groups live" "$why"
else
	netns_enter "$SELF" --inside
fi
