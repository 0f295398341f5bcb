#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/route.sh - the -r mode.
#  * golden: nlnetstat on the fake /proc trees of tests/fixtures/route/<case>
#    (through NLNETSTAT_PROC_ROOT) against tests/golden/route/<case>.<v>.out
#    (+ .err, .rc when not empty / not 0).  As root each golden is also
#    checked against net-tools netstat reading the same fixture
#    bind-mounted over /proc, so a golden cannot drift from the reference.
#  * live: in fresh network, mount and PID namespaces with veths, IPv4 and
#    IPv6 routes (gateways, metrics, MTU/window/rtt, host, unreachable,
#    prohibit and blackhole routes, a 15-character interface) and private
#    hosts, networks and resolver files, net-tools netstat against nlnetstat
#    for every option combination, and -c over its first passes.
# ROUTE_REGEN=1 rewrites the goldens (from netstat, or from nlnetstat for
# the cases in ROUTE_HANDWRITTEN).

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"
# shellcheck source=../netns/common.sh
source "$TOP/tests/netns/common.sh"

FIX=$TOP/tests/fixtures/route
GOLD=$TOP/tests/golden/route
SELF=$TOP/tests/suites/route.sh
# netstat prints uninitialised memory for these; see the README there.
ROUTE_HANDWRITTEN="cachebad ctrlname"

# Variant name -> netstat arguments (numeric only: no resolver traffic).
route_args() {
	case $1 in
	rn) echo "-rn" ;;
	rne) echo "-rne" ;;
	rnee) echo "-rnee" ;;
	rneee) echo "-rneee" ;;
	rneeee) echo "-rneeee" ;;
	rN) echo "-rN" ;;
	rNee) echo "-rNee" ;;
	rnC) echo "-rnC" ;;
	rnCe) echo "-rnCe" ;;
	rnCee) echo "-rnCee" ;;
	rnCeee) echo "-rnCeee" ;;
	rnFC) echo "-rn -F -C" ;;
	rn6) echo "-rn -6" ;;
	rnC6) echo "-rnC -6" ;;
	rnFC6) echo "-rnFC -6" ;;
	rn46) echo "-rn -4 -6" ;;
	rn64) echo "-rn -6 -4" ;;
	rnux) echo "-rn -A inet,unix,inet6" ;;
	rnv) echo "-rnvWa" ;;
	*) return 1 ;;
	esac
}

ROUTE_VARIANTS="rn rne rnee rneee rneeee rN rNee rnC rnCe rnCee rnCeee rnFC
	rn6 rnC6 rnFC6 rn46 rn64 rnux rnv"

route_is_handwritten() {
	[[ " $ROUTE_HANDWRITTEN " == *" $1 "* ]]
}

route_regen() {
	local dir c v
	mkdir -p "$GOLD"
	rm -f "$GOLD"/*.out "$GOLD"/*.err "$GOLD"/*.rc
	for dir in "$FIX"/*/; do
		c=$(basename "$dir")
		for v in $ROUTE_VARIANTS; do
			# shellcheck disable=SC2046
			if route_is_handwritten "$c"; then
				NLNETSTAT_PROC_ROOT=$dir run_capture ref \
				    "$NLNETSTAT" $(route_args "$v")
			else
				ref_capture ref "$dir" $(route_args "$v")
			fi
			golden_keep ref "$c.$v"
		done
	done
	echo "regenerated $(find "$GOLD" -name '*.out' | wc -l) goldens"
}

# same_as_golden TAG BASE: the capture equals the golden files.
same_as_golden() {
	local tag=$1 base=$2 want_err=/dev/null want_rc=0
	[ -f "$GOLD/$base.err" ] && want_err=$GOLD/$base.err
	[ -f "$GOLD/$base.rc" ] && want_rc=$(cat "$GOLD/$base.rc")
	cmp -s "$GOLD/$base.out" "$T_TMP/$tag.out" &&
		cmp -s "$want_err" "$T_TMP/$tag.err" &&
		[ "$(cat "$T_TMP/$tag.rc")" = "$want_rc" ]
}

golden_report() {
	local tag=$1 base=$2 want_err=/dev/null want_rc=0
	[ -f "$GOLD/$base.err" ] && want_err=$GOLD/$base.err
	[ -f "$GOLD/$base.rc" ] && want_rc=$(cat "$GOLD/$base.rc")
	show_diff "$GOLD/$base.out" "$T_TMP/$tag.out"
	show_diff "$want_err" "$T_TMP/$tag.err"
	echo "    exit: golden $want_rc, got $(cat "$T_TMP/$tag.rc")"
}

route_golden() {
	local base=$1 c=${1%.*} v=${1##*.} args
	if ! args=$(route_args "$v") || [ ! -d "$FIX/$c" ]; then
		fail "route golden $base" "unknown variant or fixture"
		return
	fi
	# shellcheck disable=SC2086
	NLNETSTAT_PROC_ROOT=$FIX/$c run_capture got "$NLNETSTAT" $args
	if same_as_golden got "$base"; then
		pass "route golden $base"
	else
		fail "route golden $base" "differs from golden (args: $args)"
		golden_report got "$base"
	fi
}

# As root: the goldens of one fixture still are what netstat prints.
route_golden_ref() {
	local c=$1 v bad=
	for v in $ROUTE_VARIANTS; do
		# shellcheck disable=SC2046
		ref_capture ref "$FIX/$c" $(route_args "$v")
		if ! same_as_golden ref "$c.$v"; then
			bad="$bad $v"
			golden_report ref "$c.$v" | head -n 8
		fi
	done
	if [ -z "$bad" ]; then
		pass "route golden $c: netstat prints the goldens"
	else
		fail "route golden $c" "netstat no longer prints:$bad"
	fi
}

route_goldens() {
	local f c
	for f in "$GOLD"/*.out; do
		route_golden "$(basename "$f" .out)"
	done
	for c in "$FIX"/*/; do
		c=$(basename "$c")
		if route_is_handwritten "$c"; then
			continue
		elif [ "$(id -u)" -ne 0 ] || [ ! -x "$NETSTAT" ]; then
			skip "route golden $c: netstat check" \
			    "needs root and net-tools netstat"
		else
			route_golden_ref "$c"
		fi
	done
}

# ---- live namespace ----

# Resolver files for this mount namespace only: fixed names, and a DNS
# server on loopback where nothing listens, so lookups fail at once.
route_names() {
	printf '%s\n' "127.0.0.1	localhost" \
	    "192.0.2.254	gateway-with-a-very-long-name.test" \
	    "192.0.2.2	gw2" "198.51.100.77	host77" \
	    "::1	ip6-localhost ip6-loopback" \
	    "2001:db8:1::fe	ip6-gateway" \
	    "2001:db8:1234:5678:9abc:def0:1234:5678	a-very-long-ipv6-name.test" \
	    >"$T_TMP/hosts"
	printf '%s\n' "default		0.0.0.0" "loopback	127.0.0.0" \
	    "link-local	169.254.0.0" "testnet-with-a-long-name 10.10.0.0" \
	    "ten20		10.20.0.0" >"$T_TMP/networks"
	printf '%s\n' "nameserver 127.0.0.1" "options attempts:1 timeout:1" \
	    >"$T_TMP/resolv.conf"
	chmod 644 "$T_TMP/hosts" "$T_TMP/networks" "$T_TMP/resolv.conf"
	mount --bind "$T_TMP/hosts" /etc/hosts &&
		mount --bind "$T_TMP/networks" /etc/networks &&
		mount --bind "$T_TMP/resolv.conf" /etc/resolv.conf
}

# Wait until the IPv6 chatter of new links is over (it moves refcounts).
route_settle() {
	local i
	for ((i = 0; i < 20; i++)); do
		cat /proc/net/ipv6_route /proc/net/dev >"$T_TMP/settle.a"
		sleep 1
		cat /proc/net/ipv6_route /proc/net/dev | cmp -s "$T_TMP/settle.a" - &&
			return 0
	done
	return 0
}

route_setup_links() {
	sysctl -qw net.ipv6.conf.default.router_solicitations=0 \
	    net.ipv6.conf.default.dad_transmits=0 2>/dev/null
	ip link set lo up &&
		ip link add vethA type veth peer name vethB &&
		ip link add abcdefghijklmno type veth peer name eth1 &&
		for l in vethA vethB abcdefghijklmno eth1; do
			ip link set "$l" up || return 1
		done &&
		ip addr add 192.0.2.1/24 dev vethA &&
		ip addr add 198.51.100.1/24 dev vethB &&
		ip addr add 203.0.113.1/24 dev abcdefghijklmno &&
		ip -6 addr add 2001:db8:1::1/64 dev vethA nodad &&
		ip -6 addr add 2001:db8:2::1/64 dev abcdefghijklmno nodad
}

route_setup_routes() {
	local v6=2001:db8:1234:5678:9abc:def0:1234:5678
	ip route add default via 192.0.2.254 dev vethA &&
		ip route add 10.10.0.0/16 via 192.0.2.2 metric 5 &&
		ip route add 10.20.0.0/16 via 192.0.2.3 mtu 1400 \
		    window 65535 rtt 300ms advmss 1360 &&
		ip route add unreachable 10.30.0.0/16 &&
		ip route add prohibit 10.31.0.0/16 metric 7 &&
		ip route add blackhole 10.32.0.0/16 &&
		ip route add 198.51.100.77/32 via 192.0.2.2 &&
		ip route add 10.50.0.0/24 via 203.0.113.7 dev abcdefghijklmno &&
		ip route add 169.254.0.0/16 dev vethB metric 1000 &&
		ip -6 route add default via 2001:db8:1::fe metric 1024 &&
		ip -6 route add 2001:db8:10::/48 via 2001:db8:1::2 metric 5 &&
		ip -6 route add unreachable 2001:db8:dead::/48 &&
		ip -6 route add prohibit 2001:db8:beef::/48 &&
		ip -6 route add blackhole 2001:db8:cafe::/48 &&
		ip -6 route add "$v6/128" via 2001:db8:1::3 &&
		ip -6 route add ::ffff:0:0/96 via 2001:db8:1::4
}

# The reference must show what the setup made, or the cases prove little.
route_population() {
	run_capture pop "$NETSTAT" -rnee
	expect_rows "route live: population IPv4" "$T_TMP/pop.out" \
	    '^0\.0\.0\.0 +192\.0\.2\.254 +0\.0\.0\.0 +UG +0 ' \
	    '^10\.20\.0\.0 +192\.0\.2\.3 .* 1400 +65535 +300$' \
	    '^10\.30\.0\.0 +- +255\.255\.0\.0 +! +0 +- +0 -  ' \
	    '^10\.31\.0\.0 +- +255\.255\.0\.0 +! +7 ' \
	    '^10\.32\.0\.0 +0\.0\.0\.0 +255\.255\.0\.0 +U .* \* ' \
	    '^198\.51\.100\.77 +192\.0\.2\.2 +255\.255\.255\.255 UGH ' \
	    ' abcdef   0 '
	run_capture pop6 "$NETSTAT" -r -6
	expect_rows "route live: population IPv6 and names" "$T_TMP/pop6.out" \
	    '^\[::\]/0 +ip6-gateway +UG +1024 ' \
	    '^2001:db8:dead::/48 +\[::\] +!n ' \
	    '^a-very-long-ipv6-name.test/128 ' '^0\.0\.0\.0/96 '
}

ROUTE_LIVE_CASES=(
	-r -rn -re -ree -reee -reeee -reeeee -reeeeee -rne -rnee -rneee
	-rN -rNe -rv -rW -ra -rvWa -rC -rCe -rCee -rCeee -rF -rFC -rFCee
	"-F -C -r" "-C -r" "-F -r" "-r -6" "-rn -6" "-rN -6" "-r -6 -ee"
	"-rC -6" "-rFC -6" "-rFC -6 -n" "-r -4 -6" "-r -6 -4" "-rn -4 -6"
	"-r -A inet6,inet" "-r -A inet,inet6" "-r -A ip6" "-r --inet6"
	"-r --inet" "-r -A inet,unix,inet6" "-r -A unix" "-r -x" "-r -A ipx"
	"-r -A ddp" "-r -A ax25" "-r -A netrom" "-r -A rose" "-r -A x25"
	"-r -A ash" "-r -A econet" "-r --bluetooth" "-r -A inet6,ddp,inet"
	--route "--route --numeric" "--route --extend --extend"
	"-r --numeric-hosts" "-r --numeric-ports" "-r --numeric-users"
	"-r --symbolic" "--route --cache" "--route --fib" "-r -t" "-r -g"
	"-r -p" "-r -o" "-rl" "-r -s" "-r -i" "-ri" "-rs"
)

# passes_once LINES ARGS...: both programs' first LINES lines of a -c run.
passes_once() {
	local lines=$1 b bin
	shift
	for b in ref got; do
		bin=$NETSTAT
		[ $b = got ] && bin=$NLNETSTAT
		# shellcheck disable=SC2016
		timeout 20 bash -c 'exec -a netstat "$0" "$@"' "$bin" "$@" \
		    2>"$T_TMP/$b.err" | head -n "$lines" >"$T_TMP/$b.out"
	done
	cmp -s "$T_TMP/ref.out" "$T_TMP/got.out" &&
		cmp -s "$T_TMP/ref.err" "$T_TMP/got.err" &&
		[ "$(wc -l <"$T_TMP/got.out")" -eq "$lines" ]
}

# compare_passes NAME LINES ARGS...: the first LINES lines of a -c run;
# like compare(), a difference must show three times (counters move).
compare_passes() {
	local name=$1 lines=$2 _
	shift 2
	for _ in 1 2 3; do
		if passes_once "$lines" "$@"; then
			pass "$name"
			return 0
		fi
		sleep 0.5
	done
	fail "$name" "first $lines lines differ (args: $*)"
	show_diff "$T_TMP/ref.out" "$T_TMP/got.out"
	show_diff "$T_TMP/ref.err" "$T_TMP/got.err"
}

# Very low descriptor limits: netstat opens one /proc file at a time and
# completes at ulimit -n 4; so must nlnetstat (no kept /proc directory
# descriptor).
route_low_fds() {
	local n a
	for n in 4 5 6; do
		for a in -rn -r -rne "-rn -A inet6" "-rn -4 -6" -rnC; do
			local -a argv=()
			read -r -a argv <<<"$a"
			RUN_PREFIX="prlimit --nofile=$n" \
			    compare "route live: ulimit -n $n: $a" "${argv[@]}"
		done
	done
}

route_inside() {
	local a n
	if ! route_names 2>"$T_TMP/setup.err" ||
		! route_setup_links 2>>"$T_TMP/setup.err" ||
		! route_setup_routes 2>>"$T_TMP/setup.err"; then
		fail "route live: setup" "$(tr '\n' ' ' <"$T_TMP/setup.err")"
		return
	fi
	route_settle
	route_population
	for a in "${ROUTE_LIVE_CASES[@]}"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		compare "route live: $a" "${argv[@]}"
	done
	# -c: every pass repeats title, header and rows.
	n=$("$NETSTAT" -rn | wc -l)
	compare_passes "route live: -rnc, 3 passes" $((3 * n)) -rnc
	n=$("$NETSTAT" -r -6 -4 | wc -l)
	compare_passes "route live: -rc -6 -4, 2 passes" $((2 * n)) -rc -6 -4
	n=$("$NETSTAT" -rnCFee | wc -l)
	compare_passes "route live: -rnCFeec, 2 passes" $((2 * n)) -rnCFeec
	# An error ends -c after the pass that met it.
	compare "route live: -rc -A inet,unix" -rc -A inet,unix
	route_low_fds
}

if [ "${1:-}" = --inside ]; then
	route_inside
	exit 0
fi
if [ -n "${ROUTE_REGEN:-}" ]; then
	route_regen
	exit
fi
route_goldens
if why=$(netns_unusable); then
	skip "route live" "$why"
else
	netns_enter "$SELF" --inside
fi
