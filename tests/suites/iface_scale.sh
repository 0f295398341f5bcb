#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/iface_scale.sh - -i, -ie, -ia and --json at a few hundred
# interfaces, net-tools netstat against nlnetstat through both sources
# (rtnetlink and NLNETSTAT_SOURCE=proc), inside fresh namespaces (root
# only): veth pairs named with every length from 1 to 15, alias labels,
# point-to-point peers, IPv6 addresses of every scope (several per
# interface, so if_inet6's hash order shows), interfaces left down, and
# interfaces going down and vanishing while both programs run.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"
# shellcheck source=../netns/common.sh
source "$TOP/tests/netns/common.sh"

SELF=$TOP/tests/suites/iface_scale.sh
# Debian's netstat shows zero counters for 15-character names: masked.
# shellcheck disable=SC2034
NORMALIZE='s/^([^ ]{15} +-?[0-9]+ ).*( [^ ]+)$/\1<counters>\2/
/^[^ ]{15}: /,/^$/s/^( +(RX|TX) (packets|errors)) .*/\1 <counters>/'

# 300 names: 20 of each length 1..15, digits at the end of most of them
# (net-tools' natural order sorts on the stem, then the number).
scale_names() {
	awk 'BEGIN {
		L = "abcdefghijklmnopqrst"
		for (len = 1; len <= 15; len++)
			for (k = 0; k < 20; k++) {
				c = substr(L, k + 1, 1)
				if (len == 1) { print c; continue }
				if (len == 2) { print c (k % 10); continue }
				num = (k % 3 == 2) ? "" : sprintf("%d", k * 7 + len)
				s = c
				while (length(s) + length(num) < len) s = s "q"
				print s num
			}
	}'
}

# The ip -batch script: pairs, addresses, labels, IPv6 of every scope.
scale_batch() {
	local -a n
	mapfile -t n < <(scale_names)
	local i a b
	for ((i = 0; i < ${#n[@]}; i += 2)); do
		a=${n[i]} b=${n[i + 1]}
		echo "link add name $a type veth peer name $b"
		# Every seventh pair stays down: rows only with -a.
		if ((i % 14 != 0)); then
			echo "link set dev $a up"
			echo "link set dev $b up"
		fi
		echo "addr add 10.$((i / 200)).$((i % 200)).1/24 brd + dev $a"
		if ((i % 6 == 0)); then
			echo "addr add 10.100.$((i % 200)).1 peer 10.100.$((i % 200)).2 dev $b"
		fi
		if ((${#a} <= 12 && i % 4 == 0)); then
			echo "addr add 10.$((i / 200)).$((i % 200)).5/24 dev $a label $a:5"
			echo "addr add 10.$((i / 200)).$((i % 200)).6/24 dev $a label $a:10"
		fi
		if ((i % 8 == 0)); then
			echo "addr add 2001:db8:$i::1/64 dev $a nodad"
			echo "addr add fd00:$i::1/64 dev $a nodad"
			echo "addr add fec0:$i::1/64 dev $a nodad"
			echo "addr add 2001:db8:$i::2/128 dev $a nodad"
			echo "addr add ::10.200.$((i % 200)).1/96 dev $a nodad"
		fi
	done
}

scale_setup() {
	sysctl -qw net.ipv6.conf.default.router_solicitations=0 \
	    net.ipv6.conf.default.dad_transmits=0 \
	    net.ipv6.conf.default.mldv1_unsolicited_report_interval=0 \
	    net.ipv6.conf.default.mldv2_unsolicited_report_interval=0 \
	    2>/dev/null
	ip link set lo up &&
		scale_batch >"$T_TMP/batch" &&
		ip -batch "$T_TMP/batch"
}

# Wait until no counter moves for a second (IPv6 and IGMP chatter).
scale_settle() {
	local i
	for ((i = 0; i < 30; i++)); do
		cat /proc/net/dev >"$T_TMP/dev.a"
		sleep 1
		cmp -s "$T_TMP/dev.a" /proc/net/dev && return 0
	done
}

SCALE_CASES=(-i -ia -ie -iea -ieaW -ian -iv "-i -A inet6" -ieee)

# Rows the population must have, so an empty table cannot pass.
scale_population() {
	local rows
	rows=$("$NLNETSTAT" -ia | wc -l)
	if [ "$rows" -ge 300 ] &&
		"$NLNETSTAT" -ia | grep -q '^aq3:5 ' &&
		"$NLNETSTAT" -iea | grep -q 'inet6 fec0:' &&
		"$NLNETSTAT" -iea | grep -q 'inet6 ::10.200.0.1  prefixlen 96  scopeid 0x80<compat,global>' &&
		"$NLNETSTAT" -ia | grep -q '^bqqqqqqqqqqqq22 '; then
		pass "iface scale: population ($rows rows)"
	else
		fail "iface scale: population" "$rows rows"
	fi
}

# The same rows through both sources, on nlnetstat alone (no counters
# move between two runs a few ms apart often enough to matter: retried).
scale_sources_agree() {
	local a
	for a in -ia -iea "-ia --json" "-iea --json"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		for _ in 1 2 3; do
			"$NLNETSTAT" "${argv[@]}" >"$T_TMP/nl.out" 2>&1
			NLNETSTAT_SOURCE=proc "$NLNETSTAT" "${argv[@]}" \
			    >"$T_TMP/proc.out" 2>&1
			cmp -s "$T_TMP/nl.out" "$T_TMP/proc.out" && break
			sleep 0.3
		done
		if cmp -s "$T_TMP/nl.out" "$T_TMP/proc.out"; then
			pass "iface scale: rtnetlink = /proc + ioctls: $a"
		else
			fail "iface scale: rtnetlink = /proc + ioctls: $a" "differ"
			show_diff "$T_TMP/proc.out" "$T_TMP/nl.out"
		fi
	done
}

# Interfaces going down, vanishing and coming back while -ie runs: through
# rtnetlink every run is one consistent snapshot (exit 0, whole blocks);
# through /proc a vanished one ends the table with netstat's message.
scale_churn() {
	local i bad=0 rc why=""
	(
		for ((i = 0; i < 400; i++)); do
			ip link add zchurn$((i % 8)) type veth peer name \
			    ychurn$((i % 8)) 2>/dev/null
			ip link set zchurn$((i % 8)) up 2>/dev/null
			ip link set zchurn$(((i + 3) % 8)) down 2>/dev/null
			ip link del zchurn$(((i + 5) % 8)) 2>/dev/null
		done
	) &
	local churn=$!
	for ((i = 0; i < 15; i++)); do
		"$NLNETSTAT" -iea >"$T_TMP/c.out" 2>"$T_TMP/c.err"
		rc=$?
		if [ $rc -ne 0 ] || [ -s "$T_TMP/c.err" ] ||
			[ "$(grep -c '^[^ ].*: flags=' "$T_TMP/c.out")" -lt 300 ]; then
			bad=1
			why="rtnetlink: exit $rc, $(grep -c '^[^ ].*: flags=' \
			    "$T_TMP/c.out") blocks, $(head -c 200 "$T_TMP/c.err")"
		fi
		NLNETSTAT_SOURCE=proc "$NLNETSTAT" -ia >"$T_TMP/p.out" \
		    2>"$T_TMP/p.err"
		rc=$?
		if [ $rc -ne 0 ] && ! grep -qE '^(z|y)churn[0-7]: error fetching interface information: Device not found$' \
			"$T_TMP/p.err"; then
			bad=1
			why="/proc: exit $rc, $(head -c 200 "$T_TMP/p.err")"
		fi
	done
	kill "$churn" 2>/dev/null
	wait "$churn" 2>/dev/null
	if [ $bad -eq 0 ]; then
		pass "iface scale: interfaces vanishing mid-run, both sources"
	else
		fail "iface scale: interfaces vanishing mid-run" "$why"
	fi
	for i in 0 1 2 3 4 5 6 7; do ip link del zchurn$i 2>/dev/null; done
	return 0
}

# Labels iproute2 refuses but the kernel takes: one naming no device
# (the ioctls then fail: the table ends there) and one naming another
# device (whose flags, but no address, the row then shows).  Added over
# rtnetlink by a few lines of Python; compared through both sources.
scale_odd_labels() {
	local a
	if ! command -v python3 >/dev/null; then
		skip "iface scale: odd labels" "needs python3"
		return
	fi
	if ! ip link add name oddA type veth peer name oddB ||
		! ip link set dev oddA up ||
		! python3 "$TOP/tests/netns/add_label.py" oddA 198.18.0.9 oddB:3 ||
		! python3 "$TOP/tests/netns/add_label.py" oddA 198.18.0.10 zz:1; then
		fail "iface scale: odd labels" "cannot add the labels"
		return
	fi
	for a in -ia -iea; do
		compare "iface scale: odd labels: $a" "$a"
		RUN_PREFIX="env NLNETSTAT_SOURCE=proc" \
		    compare "iface scale, /proc source: odd labels: $a" "$a"
	done
	ip link del oddA
}

scale_inside() {
	local a
	if ! scale_setup 2>"$T_TMP/setup.err"; then
		fail "iface scale: setup" "$(head -c 300 "$T_TMP/setup.err")"
		return
	fi
	scale_settle
	scale_population
	for a in "${SCALE_CASES[@]}"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		compare "iface scale: $a" "${argv[@]}"
		RUN_PREFIX="env NLNETSTAT_SOURCE=proc" \
		    compare "iface scale, /proc source: $a" "${argv[@]}"
	done
	scale_sources_agree
	scale_churn
	scale_odd_labels
}

if [ "${1:-}" = --inside ]; then
	scale_inside
	exit 0
fi
if why=$(netns_unusable); then
	skip "iface scale" "$why"
else
	netns_enter "$SELF" --inside
fi
