#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/iface.sh - the -i mode, net-tools netstat against nlnetstat
# inside fresh network, mount and PID namespaces (root only: the table comes
# from interface ioctls, so it needs interfaces made for it):
#  * live: veths with alias labels and a 15-character name that carried
#    traffic, a bridge, tap, tun, ifb, vxlan and down interfaces with the
#    flags ip can set, every option combination and -c over three passes;
#  * fixtures: tests/fixtures/iface/<case>/net/{dev,if_inet6} bind-mounted
#    over /proc for netstat and given to nlnetstat through
#    NLNETSTAT_PROC_ROOT (64-bit counters and every byte unit, alias lines,
#    the 11- and 13-column layouts, broken lines, a vanished interface, no
#    /proc/net/dev at all);
#  * ioctl shim: tests/fixtures/iface/ioctl_shim.c (built here, preloaded
#    into both programs) fakes flags, hardware types and device maps.
# Deliberate differences, asserted on nlnetstat alone: Debian's netstat
# shows all-zero counters for a 15-character name (the comparisons mask
# that row); nlnetstat escapes control bytes in names.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"
# shellcheck source=../netns/common.sh
source "$TOP/tests/netns/common.sh"

FIX=$TOP/tests/fixtures/iface
SELF=$TOP/tests/suites/iface.sh
LONG=abcdefghijklmno
# The 15-character interface's counters: zero in netstat, real in ours.
MASK_LONG="s/^($LONG +-?[0-9]+ ).*( [^ ]+)\$/\\1<counters>\\2/
/^$LONG: /,/^\$/s/^( +(RX|TX) (packets|errors)) .*/\\1 <counters>/"
# Read by normalize in tests/lib.sh.
# shellcheck disable=SC2034
NORMALIZE=$MASK_LONG

# Optional link types: a missing kernel module drops that row, on both.
iface_setup_optional() {
	ip link add br0 type bridge 2>/dev/null &&
		ip link set br0 allmulticast on up &&
		ip addr add 10.9.0.1/16 brd + dev br0
	ip tuntap add mode tap name tap0 2>/dev/null &&
		ip link set tap0 promisc on up
	ip tuntap add mode tun name tun0 2>/dev/null &&
		ip link set tun0 up && ip addr add 10.1.1.1 peer 10.1.1.2 dev tun0
	ip link add ifb0 type ifb 2>/dev/null && ip link set ifb0 up
	ip link add vx0 type vxlan id 5 dstport 4789 2>/dev/null &&
		ip link set vx0 dynamic on trailers on up
	ip link add link vethA name mv0 type macvlan 2>/dev/null
	return 0
}

iface_setup() {
	local l
	sysctl -qw net.ipv6.conf.default.router_solicitations=0 \
	    net.ipv6.conf.default.dad_transmits=0 2>/dev/null
	ip link set lo up &&
		ip link add vethA type veth peer name vethB &&
		ip link add "$LONG" type veth peer name eth1 &&
		ip link add eth2 type veth peer name eth10 &&
		ip link add peth1 type veth peer name veth0 &&
		for l in vethA vethB "$LONG" eth1 eth2; do
			ip link set "$l" up || return 1
		done &&
		ip link set vethB multicast off arp off &&
		ip addr add 192.0.2.1/24 dev vethA &&
		ip addr add 192.0.2.5/24 dev vethA label vethA:5 &&
		ip addr add 192.0.2.6/24 dev vethA label vethA:10 &&
		ip addr add 198.51.100.1/24 brd + dev vethB &&
		ip addr add 198.51.100.9/24 dev vethB label vethB:foo &&
		ip addr add 203.0.113.1/24 dev "$LONG" &&
		ip addr add 203.0.113.5/24 dev eth2 label eth2:7 &&
		ip -6 addr add 2001:db8::1/64 dev vethA nodad &&
		iface_setup_optional
}

# Send datagrams out of the long-named veth to its own peer, so its
# counters are not zero (the point of the Debian comparison).
iface_traffic() {
	local mac i
	mac=$(ip -o link show eth1 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
	ip neigh replace 203.0.113.2 lladdr "$mac" dev "$LONG" nud permanent ||
		return 1
	for i in 1 2 3 4 5; do
		echo "datagram $i" >"/dev/udp/203.0.113.2/9" || return 1
	done
}

# Wait until no counter moves for a second (IPv6 and IGMP chatter).
iface_settle() {
	local i
	for ((i = 0; i < 20; i++)); do
		cat /proc/net/dev >"$T_TMP/dev.a"
		sleep 1
		cmp -s "$T_TMP/dev.a" /proc/net/dev && return 0
	done
	return 0
}

iface_population() {
	run_capture pop "$NETSTAT" -ia
	expect_rows "iface live: population" "$T_TMP/pop.out" \
	    '^lo +65536 +[0-9]+ .* LRU$' \
	    '^vethA:5 +1500 +- no statistics available - {24}BMRU$' \
	    '^vethA:10 +1500 +- no statistics available - ' \
	    '^vethB:foo +1500 ' '^eth2:7 +1500 ' '^eth10 +1500 .* BM$' \
	    '^vethB +1500 .* BORU$' "^$LONG  1500 "
	expect_rows "iface live: natural order" \
	    <(awk 'NR > 2 { printf "%s ", $1 }' "$T_TMP/pop.out") \
	    "^$LONG .*eth1 eth2 eth2:7 eth10 .*lo .*peth1 .*veth0 vethA vethA:5 vethA:10 vethB vethB:foo "
}

# Debian's 15-character bug is not copied: nlnetstat shows the counters.
iface_long_name() {
	local want got ref
	want=$(awk -v n="$LONG:" '$1 == n { print $3, $11 }' /proc/net/dev)
	run_capture got "$NLNETSTAT" -i
	run_capture ref "$NETSTAT" -i
	got=$(awk -v n="$LONG" '$1 == n { print $3, $7 }' "$T_TMP/got.out")
	ref=$(awk -v n="$LONG" '$1 == n { print $3, $7 }' "$T_TMP/ref.out")
	if [ -n "$want" ] && [ "$want" = "$got" ] && [ "${want#* }" -gt 0 ] &&
		[ "$ref" = "0 0" ]; then
		pass "iface live: 15-character name shows its counters ($got)"
	else
		fail "iface live: 15-character name" \
		    "/proc/net/dev '$want', nlnetstat '$got', netstat '$ref'"
	fi
}

IFACE_CASES=(
	-i -ia -in -iv -iW -ie -iea -iee -ieee -ieeee -ien -iev -ieW -ieaW
	-ip -iap -io -il -ix -it -iN -iNe -ig "-i -4" "-i -6" "-i -A inet6"
	"-i -A unix" "-i --numeric-hosts" --interfaces "--interfaces --all"
	"--interfaces --extend --all" "-i -C" "-i -F" "-i -r" -ii "-i -s"
	"-i -M"
)

# passes_once LINES ARGS...: both programs' first LINES lines of a -c run.
passes_once() {
	local lines=$1 b bin
	shift
	for b in ref got; do
		bin=$NETSTAT
		[ $b = got ] && bin=$NLNETSTAT
		timeout 20 "$bin" "$@" 2>"$T_TMP/$b.err" | head -n "$lines" |
			normalize >"$T_TMP/$b.out"
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
}

# fixture_compare CASE ARGS...: both programs on one fake /proc.
fixture_compare() {
	local c=$1 k
	shift
	# shellcheck disable=SC2016
	run_capture ref unshare -m bash -c \
	    'mount --bind "$0" /proc && exec -a netstat "$1" "${@:2}"' \
	    "$FIX/$c" "$NETSTAT" "$@"
	NLNETSTAT_PROC_ROOT=$FIX/$c run_capture got "$NLNETSTAT" "$@"
	for k in out err; do
		normalize <"$T_TMP/ref.$k" >"$T_TMP/ref.$k.n"
		normalize <"$T_TMP/got.$k" >"$T_TMP/got.$k.n"
	done
	if cmp -s "$T_TMP/ref.out.n" "$T_TMP/got.out.n" &&
		cmp -s "$T_TMP/ref.err.n" "$T_TMP/got.err.n" &&
		cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"; then
		pass "iface fixture $c: $*"
	else
		fail "iface fixture $c: $*" "differs from netstat"
		show_diff "$T_TMP/ref.out.n" "$T_TMP/got.out.n"
		show_diff "$T_TMP/ref.err.n" "$T_TMP/got.err.n"
	fi
}

iface_fixtures() {
	local c a
	for c in huge v2 v1 malformed vanished nodev; do
		for a in -i -ia -iea; do
			fixture_compare "$c" "$a"
		done
	done
	# A name with control bytes: escaped by nlnetstat, raw in netstat.
	NLNETSTAT_PROC_ROOT=$FIX/ctrl run_capture got "$NLNETSTAT" -i
	if grep -qx 'a?\[1mb: error fetching interface information: Device not found' \
		"$T_TMP/got.err" && [ "$(cat "$T_TMP/got.rc")" = 1 ] &&
		! grep -q $'\033' "$T_TMP/got.err"; then
		pass "iface fixture ctrl: control bytes escaped"
	else
		fail "iface fixture ctrl" "$(cat -v "$T_TMP/got.err")"
	fi
}

# shim_compare NAME VAR=VALUE...: -ie and -i with faked ioctl answers.
shim_compare() {
	local name=$1
	shift
	# The shim answers ioctls: nlnetstat takes its /proc + ioctl path.
	RUN_PREFIX="env NLNETSTAT_SOURCE=proc LD_PRELOAD=$T_TMP/shim.so SHIM_IF=lo $*"
	compare "iface shim: $name -ie" -ie
	compare "iface shim: $name -i" -i
	# shellcheck disable=SC2034
	RUN_PREFIX=
}

iface_shim() {
	local t f p
	if ldd "$NLNETSTAT" 2>/dev/null | grep -q libasan; then
		skip "iface shim" "a sanitizer build cannot take LD_PRELOAD"
		return
	fi
	if ! cc -shared -fPIC -o "$T_TMP/shim.so" "$FIX/ioctl_shim.c" \
		2>"$T_TMP/cc.err" &&
		! cc -shared -fPIC -o "$T_TMP/shim.so" "$FIX/ioctl_shim.c" -ldl \
			2>"$T_TMP/cc.err"; then
		skip "iface shim" "cannot build the ioctl shim: $(head -c 200 "$T_TMP/cc.err")"
		return
	fi
	for t in 0 1 3 7 15 27 32 256 257 258 259 264 270 512 513 516 768 770 \
		772 774 776 778 780 782 783 800 801 65534 65535; do
		shim_compare "hwtype $t" SHIM_HWTYPE=$t \
		    SHIM_HWADDR=0123456789abcdef112233445566
	done
	shim_compare "ax25 callsign" SHIM_HWTYPE=3 SHIM_HWADDR=8284868890400e
	shim_compare "x25 text" SHIM_HWTYPE=271 SHIM_HWADDR=41424344000000
	for f in 0 0x7fff -1 0x2000 0x6000 0x8000 0x1 0x4 0x10 0x800 0x1000; do
		shim_compare "flags $f" SHIM_FLAGS=$f
	done
	for p in 0 3 6 7; do
		shim_compare "media port $p" SHIM_FLAGS=0x7049 SHIM_PORT=$p
	done
	shim_compare "device map" SHIM_IRQ=11 SHIM_BASE=0x300 SHIM_MEM=0xd0000 \
	    SHIM_DMA=3
	shim_compare "small base" SHIM_BASE=0xff
	shim_compare "no mtu, no txqueuelen" SHIM_NOMTU=1 SHIM_NOTXQ=1
}

# Both sources: the live cases again through NLNETSTAT_SOURCE=proc and
# with rtnetlink refused (the shim's socket()), which must fall back.
iface_sources() {
	local a
	for a in -i -ia -iea -ieaW -ien; do
		local -a argv=()
		read -r -a argv <<<"$a"
		RUN_PREFIX="env NLNETSTAT_SOURCE=proc" \
		    compare "iface live, /proc source: $a" "${argv[@]}"
		[ -f "$T_TMP/shim.so" ] || continue
		RUN_PREFIX="env LD_PRELOAD=$T_TMP/shim.so SHIM_NONETLINK=1" \
		    compare "iface live, rtnetlink refused: $a" "${argv[@]}"
	done
}

# The rtnetlink source needs no /proc/net/dev: with a net directory
# without it over /proc/PID/net, netstat (and the /proc source) warn and
# show no counters, nlnetstat still shows them; with rtnetlink refused it
# falls back to netstat's "Limited output" table.
iface_no_procdev() {
	local fake=$T_TMP/fakenet v
	mkdir -p "$fake"
	cp /proc/net/if_inet6 "$fake/"
	for v in nl proc ref; do
		# shellcheck disable=SC2016
		unshare -m bash -c 'mount --bind "$0" /proc/$$/net &&
			case $3 in
			nl) exec "$1" -i ;;
			proc) NLNETSTAT_SOURCE=proc exec "$1" -i ;;
			ref) LD_PRELOAD="$2" SHIM_NONETLINK=1 exec "$1" -i ;;
			esac' "$fake" "$NLNETSTAT" "$T_TMP/shim.so" "$v" \
		    >"$T_TMP/np.$v" 2>&1
	done
	if grep -Eq '^vethA +1500 +[0-9]+ +0 ' "$T_TMP/np.nl" &&
		! grep -q 'Limited output' "$T_TMP/np.nl" &&
		grep -q 'Limited output' "$T_TMP/np.proc" &&
		grep -q '^vethA .*no statistics available' "$T_TMP/np.proc"; then
		pass "iface live: rtnetlink counters without /proc/net/dev"
	else
		fail "iface live: rtnetlink counters without /proc/net/dev" \
		    "$(head -c 400 "$T_TMP/np.nl")"
	fi
	if [ -f "$T_TMP/shim.so" ] && cmp -s "$T_TMP/np.proc" "$T_TMP/np.ref"; then
		pass "iface live: rtnetlink refused falls back to /proc"
	elif [ -f "$T_TMP/shim.so" ]; then
		fail "iface live: rtnetlink refused falls back to /proc" "differs"
		show_diff "$T_TMP/np.proc" "$T_TMP/np.ref"
	fi
}

# Very low descriptor limits: netstat opens three sockets first and at
# ulimit -n 4 to 6 warns and prints a limited table; nlnetstat needs one
# descriptor at a time and prints the whole table (a deliberate
# difference), the same as without a limit.
iface_low_fds() {
	local n a
	for n in 4 5 6; do
		for a in -ia -iea; do
			for _ in 1 2 3; do
				prlimit --nofile=$n "$NLNETSTAT" $a >"$T_TMP/lo.out" \
				    2>&1
				"$NLNETSTAT" $a >"$T_TMP/hi.out" 2>&1
				cmp -s "$T_TMP/lo.out" "$T_TMP/hi.out" && break
				sleep 0.3
			done
			if cmp -s "$T_TMP/lo.out" "$T_TMP/hi.out"; then
				pass "iface live: ulimit -n $n: $a whole"
			else
				fail "iface live: ulimit -n $n: $a whole" "differs"
				show_diff "$T_TMP/hi.out" "$T_TMP/lo.out"
			fi
		done
	done
}

iface_inside() {
	local a rows
	if ! iface_setup 2>"$T_TMP/setup.err" ||
		! iface_traffic 2>>"$T_TMP/setup.err"; then
		fail "iface live: setup" "$(tr '\n' ' ' <"$T_TMP/setup.err")"
		return
	fi
	iface_settle
	iface_population
	iface_long_name
	for a in "${IFACE_CASES[@]}"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		compare "iface live: $a" "${argv[@]}"
	done
	# The title only once; header and rows every pass.
	rows=$(($("$NETSTAT" -i | wc -l) - 2))
	compare_passes "iface live: -ic, 3 passes" $((2 + rows + 2 * (1 + rows))) -ic
	rows=$("$NETSTAT" -iea | wc -l)
	compare_passes "iface live: -ieac, 2 passes" $((2 * rows - 1)) -ieac
	iface_fixtures
	iface_shim
	iface_sources
	iface_no_procdev
	iface_low_fds
}

if [ "${1:-}" = --inside ]; then
	iface_inside
	exit 0
fi
if why=$(netns_unusable); then
	skip "iface" "$why"
else
	netns_enter "$SELF" --inside
fi
