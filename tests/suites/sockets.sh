#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/sockets.sh - differential tests of the socket listing.  Each
# case runs net-tools netstat and nlnetstat with the same arguments inside a
# private network, mount and PID namespace that the sockd helper fills with
# a known socket population.  The case list runs three ways: as root, as
# nobody, and as root with NLNETSTAT_SOURCE=proc.  A few deliberate
# differences (escaped program names, whole unix paths) are asserted on
# nlnetstat alone.  Each run uses its own namespaces; a namespace lives at
# most CHUNK_SECS, then the rest of the list continues in a fresh one
# (TIME_WAIT sockets expire after 60 s).
#
# SOCKETS_SELF_CHECK=1 substitutes netstat for nlnetstat, which validates
# the suite itself: every differential case must then pass.
# SOCKETS_NLNETSTAT=PATH tests another binary than ./nlnetstat.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"

SELF="$TOP/tests/suites/sockets.sh"
# Read by run_capture and normalize in tests/lib.sh.
# shellcheck disable=SC2034
RUN_PREFIX=
# shellcheck disable=SC2034
NORMALIZE=
CHUNK_SECS=40		# TIME_WAIT lasts 60 s: renew the namespace before
NOBODY_PREFIX="setpriv --reuid=65534 --regid=65534 --clear-groups --"
NOUSER_PREFIX="setpriv --reuid=4242 --regid=4242 --clear-groups --"
# Timers tick between the two runs: mask the seconds, keep kind and counts.
TIMER_SED='s/\((-?[0-9]+\.[0-9]+)\//(#.##\//g'

# One argument string per case; word-split into argv.
CASES=(
	""
	-t -u -U -w -x -S
	-a -l -n --numeric-hosts --numeric-ports --numeric-users
	-e -ee -o -p -W -v
	-4 -6 "-A inet" "-A inet6" "-A inet,unix" "-A unix" "-A inet6,inet"
	"-A ip" "-A ip6,unix" --inet --inet6 --unix
	--tcp --udp --udplite --raw --all --listening --numeric --extend
	--timers --programs --wide "--numeric --all --programs --extend"
	-ta -tl -tn -tan -tln -tW -taW -tae -tap -tao
	-ua -ul -uan -uln -Ua -Uan -Uln -wa -wl -wan -wln
	-xa -xl -xn -xe -xo -xW -xp -xap -xlp
	-tanp -tanep -taneop -tanop -tano -tapW
	-anW -tanW -antpeW -lntup -lntu -an6 -an4 -al6 -ane4
	-ae -ap -aep -aeo -ao -aW -aee -anp -anpe -anpeo -anpeoW
	-lp -le -lo -lW -lep -leop -ln
	-tuwan -tuwanp -tuUwxaneopW -tuUwl
	"-a --numeric-hosts" "-a --numeric-ports" "-ae --numeric-users"
	"-ae --numeric-hosts" "-tap --numeric-ports" "-W --numeric-hosts -a"
	"-ta -6" "-ua -4" "-xa -4" "-wa -A inet6" "-a -A inet6,unix"
	"-an -A inet -A unix" "-al --inet6" "-ae --unix"
	-St -Sa -S6 -tS -Sx
	-va -vl -vx -aN "-tan ignored-operand"
)

# Cases re-run as a user that owns no process ("No info could be read").
NOUSER_CASES=(-p -tlnp -xap -taep)

label_for() {
	case $1 in
	root) echo "sockets" ;;
	user) echo "sockets(user)" ;;
	proc) echo "sockets(proc)" ;;
	quirks) echo "sockets(quirks)" ;;
	quirks-proc) echo "sockets(quirks,proc)" ;;
	esac
}

# has_timers ARGS...: true when -o / --timers is among ARGS.
has_timers() {
	local a
	for a; do
		[[ $a == --timers ]] && return 0
		[[ $a == -[!-]* && $a == *o* ]] && return 0
	done
	return 1
}

# run_case LABEL ARGSTRING: one differential case.
run_case() {
	local label=$1 args=$2
	local -a argv=()
	read -r -a argv <<<"$args"
	NORMALIZE=
	has_timers "${argv[@]}" && NORMALIZE=$TIMER_SED
	compare "$label: ${args:-(no options)}" "${argv[@]}"
	NORMALIZE=
	# Guards the harness itself: every case prints at least a header.
	if [ ! -s "$T_TMP/ref.out" ] && [ ! -s "$T_TMP/ref.err" ]; then
		fail "$label: ${args:-(no options)}" "netstat printed nothing"
	fi
}

# ---- population checks: the reference netstat must show every item ----

pop_tcp() {
	local u=$1
	run_capture pop "$NETSTAT" -anpeWo
	expect_rows "$u: population tcp" "$T_TMP/pop.out" \
		'^tcp +0 +0 0\.0\.0\.0:22 +0\.0\.0\.0:\* +LISTEN ' \
		'^tcp6 +0 +0 :::22 +:::\* +LISTEN ' \
		"^tcp +0 +0 0\\.0\\.0\\.0:80 .*LISTEN +0 +[0-9]+ +$SOCKD_PID/sockd " \
		'^tcp6 +0 +0 :::80 .*LISTEN .*/sockd-web ' \
		'^tcp6 +0 +0 :::30004 .*LISTEN ' \
		'^tcp +0 +0 127\.0\.0\.1:5432 .*LISTEN .*/sockd-db ' \
		'^tcp6 +0 +0 ::1:5432 .*LISTEN ' \
		'^tcp +2 +0 127\.0\.0\.1:30010 .*LISTEN ' \
		'^tcp +0 +0 127\.0\.0\.1:30010 +127\.0\.0\.1:[0-9]+ +ESTABLISHED +0 +0 +- ' \
		'^tcp +1 +0 127\.0\.0\.1:30011 .*LISTEN ' \
		'^tcp +0 +1 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:30011 +SYN_SENT .* on \(' \
		'^tcp +0 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:30070 +TIME_WAIT +0 +0 +- +timewait \(' \
		'^tcp6 +0 +0 ::1:[0-9]+ +::1:30071 +TIME_WAIT ' \
		'^tcp +0 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:30070 +FIN_WAIT2 ' \
		'^tcp +1 +0 127\.0\.0\.1:30070 +127\.0\.0\.1:[0-9]+ +CLOSE_WAIT ' \
		'^tcp +[1-9][0-9]* +0 127\.0\.0\.1:30050 +127\.0\.0\.1:[0-9]+ +ESTABLISHED ' \
		'^tcp +0 +[1-9][0-9]* 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:30050 +ESTABLISHED .* probe \(' \
		'^tcp +5 +0 127\.0\.0\.1:80 +127\.0\.0\.1:[0-9]+ +ESTABLISHED .*/sockd-web ' \
		'^tcp +0 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:22 +ESTABLISHED .* keepalive \(' \
		'^tcp6 +0 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:5432 +ESTABLISHED ' \
		'^tcp6 +0 +0 127\.0\.0\.1:30004 +127\.0\.0\.1:[0-9]+ +ESTABLISHED ' \
		'^tcp6 +0 +0 ::1:[0-9]+ +::1:5432 +ESTABLISHED ' \
		"^tcp6 +0 +0 $LONG_V6:31234 +$LONG_V6:[0-9]+ +ESTABLISHED " \
		'^tcp +0 +0 0\.0\.0\.0:30040 .*LISTEN +65534 .*/sockd-nobody ' \
		'^tcp +0 +0 127\.0\.0\.1:30042 .*LISTEN +0 .*/sockd-nobody ' \
		'^tcp +0 +0 127\.0\.0\.1:30001 .*LISTEN .*/sockd-with-a-ve' \
		'^tcp +0 +0 127\.0\.0\.2:1812 +127\.0\.0\.1:[0-9]+ +ESTABLISHED '
	run_capture popt "$NETSTAT" -tan
	expect_rows "$u: population address truncation" "$T_TMP/popt.out" \
		'^tcp6 +0 +0 2001:db8:1234:567:31234 2001:db8:1234:567:[0-9]{5} ESTABLISHED$'
}

pop_dgram() {
	local u=$1
	expect_rows "$u: population udp, udplite, raw" "$T_TMP/pop.out" \
		'^udp +0 +0 0\.0\.0\.0:123 +0\.0\.0\.0:\* {27}0 ' \
		'^udp6 +0 +0 :::123 +:::\* ' \
		'^udp +0 +0 127\.0\.0\.1:30020 +127\.0\.0\.1:30021 +ESTABLISHED ' \
		'^udp +[1-9][0-9]* +0 127\.0\.0\.1:30021 +0\.0\.0\.0:\* ' \
		'^udp6 +0 +0 ::1:30022 +::1:30023 +ESTABLISHED ' \
		'^udp6 +0 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:123 +ESTABLISHED ' \
		'^udp +0 +0 0\.0\.0\.0:30041 .* 65534 ' \
		'^udpl +0 +0 0\.0\.0\.0:30030 +0\.0\.0\.0:\* ' \
		'^udpl6 +0 +0 :::30031 +:::\* ' \
		'^udpl +0 +0 127\.0\.0\.1:30032 +127\.0\.0\.1:30030 +ESTABLISHED ' \
		'^raw +0 +0 0\.0\.0\.0:1 +0\.0\.0\.0:\* +7 ' \
		'^raw +0 +0 127\.0\.0\.1:1 +127\.0\.0\.1:\* +1 ' \
		'^raw6 +0 +0 :::58 +:::\* +7 ' \
		'^raw +0 +0 0\.0\.0\.0:253 +0\.0\.0\.0:\* +7 ' \
		'^raw6 +0 +0 :::253 +:::\* +7 '
}

pop_unix() {
	local u=$1 d=$UNIX_DIR
	expect_rows "$u: population unix" "$T_TMP/pop.out" \
		"STREAM +LISTENING +[0-9]+ +$SOCKD_PID/sockd +$d/stream\\.sock\$" \
		"STREAM +CONNECTED +[0-9]+ +$SOCKD_PID/sockd +$d/stream\\.sock\$" \
		"SEQPACKET +LISTENING +[0-9]+ .* $d/seqpacket\\.sock\$" \
		"STREAM +CONNECTING +0 +- +$d/embryo\\.sock\$" \
		"DGRAM +CONNECTED +[0-9]+ .* $d/dgram\\.sock\$" \
		"STREAM {19}[0-9]+ .* $d/bound-only\\.sock\$" \
		'DGRAM {20}[0-9]+ +[0-9]+/sockd +$' \
		'SEQPACKET +CONNECTED +[0-9]+ +[0-9]+/sockd +$' \
		'LISTENING +[0-9]+ .* @sockd-abstract$' \
		'LISTENING +[0-9]+ .* @sockd@embedded$' \
		'DGRAM .* @sockd-padded@@@@@@@@' \
		'LISTENING +[0-9]+ +[0-9]+/sockd-nobody +@sockd-nobody$'
}

pop_names() {
	local u=$1
	run_capture popr "$NETSTAT" -ae
	expect_rows "$u: population resolved names" "$T_TMP/popr.out" \
		'^tcp +0 +0 0\.0\.0\.0:ssh +0\.0\.0\.0:\* +LISTEN +root ' \
		'^tcp6 +0 +0 \[::\]:ssh +\[::\]:\* +LISTEN ' \
		'^tcp +0 +0 localhost:postgresql +0\.0\.0\.0:\* +LISTEN ' \
		'^tcp +5 +0 localhost:http +localhost:[0-9a-z-]+ +ESTABLISHED ' \
		'^tcp +0 +0 0\.0\.0\.0:30040 .*LISTEN +nobody ' \
		'^tcp6 +0 +0 a-very-long-hostn:31234 a-very-long-hostn:[0-9]+ +ESTABLISHED ' \
		'^tcp +0 +0 a-very-long-host:radius localhost:[0-9a-z-]+ +ESTABLISHED ' \
		'^tcp6 +0 +0 ip6-localhos:postgresql \[::\]:\* +LISTEN ' \
		'^udp +0 +0 0\.0\.0\.0:ntp ' \
		'^udp +0 +0 localhost:snmp ' \
		'^raw +0 +0 0\.0\.0\.0:icmp ' \
		'^raw6 +0 +0 \[::\]:ipv6-icmp ' \
		'^raw +0 +0 0\.0\.0\.0:253 '
}

# The unprivileged view: nobody's own sockets named, the rest "-".
pop_user() {
	local u=$1
	run_capture popu "$NETSTAT" -tlnp
	expect_rows "$u: population -p as nobody" "$T_TMP/popu.out" \
		'^tcp +0 +0 0\.0\.0\.0:30040 .*LISTEN +[0-9]+/sockd-nobody ' \
		'^tcp +0 +0 0\.0\.0\.0:22 .*LISTEN +- '
	expect_rows "$u: population -p notice as nobody" "$T_TMP/popu.err" \
		'^\(Not all processes could be identified'
}

# -l -p as root stops the /proc scan once every listed socket has its first
# owner: processes started after the population are not all opened, and
# the table still equals netstat's.  -a must still read every process.
# The scan works in chunks of 32 PIDs on up to 4 threads, so 160 late
# processes put the last one beyond anything read ahead.
pop_early_stop() {
	local u=$1 late=() last maxown args seen want i
	if ! command -v strace >/dev/null 2>&1; then
		skip "$u: -tlnp stops the /proc scan early" "strace not installed"
		return
	fi
	for ((i = 0; i < 160; i++)); do
		sleep 120 &
		late+=($!)
	done
	last=${late[159]}
	maxown=$("$NETSTAT" -lnp 2>/dev/null | grep -oE ' [0-9]+/' | tr -d ' /' | sort -n | tail -1)
	if [ -z "$maxown" ] || [ "${late[0]}" -le "$maxown" ] || [ "$last" -le "${late[0]}" ]; then
		skip "$u: -tlnp stops the /proc scan early" "PIDs wrapped (late ${late[0]}..$last, owners up to ${maxown:-none})"
	else
		for args in -tlnp -lnp -anp; do
			strace -f -qq -e trace=openat -o "$T_TMP/es.trace" \
				"$NLNETSTAT" $args >/dev/null 2>&1
			if grep -q "\"$last/fd\"" "$T_TMP/es.trace"; then seen=yes; else seen=no; fi
			want=no
			[ "$args" = -anp ] && want=yes
			if [ "$seen" = "$want" ]; then
				pass "$u: $args reads the fds of the last process: $seen"
			else
				fail "$u: $args reads the fds of the last process" "$seen, want $want"
			fi
		done
		compare "$u: -tlnp with later processes" -tlnp
		compare "$u: -lnp with later processes" -lnp
	fi
	kill "${late[@]}" 2>/dev/null
	wait "${late[@]}" 2>/dev/null
}

# ---- deliberate differences: asserted on nlnetstat alone ----

quirk_cases() {
	local u=$1 d=$UNIX_DIR
	run_capture qref "$NETSTAT" -xa
	expect_rows "$u: population path with a space" "$T_TMP/qref.out" \
		"LISTENING +[0-9]+ +$d/with\$"
	run_capture qref "$NETSTAT" -tlnp
	expect_rows "$u: population escape byte in argv[0]" "$T_TMP/qref.out" \
		$'127\\.0\\.0\\.1:30099 .*LISTEN +[0-9]+/sockd\e\\[7mesc'
	if [ -n "${SOCKETS_SELF_CHECK:-}" ]; then
		skip "$u: deliberate differences" "netstat itself does not pass them"
		return
	fi
	run_capture qgot "$NLNETSTAT" -xa
	expect_rows "$u: unix path with a space printed whole" \
		"$T_TMP/qgot.out" "LISTENING +[0-9]+ +$d/with space\\.sock\$"
	local pat=$'127\\.0\\.0\\.1:30099 .*LISTEN +[0-9]+/sockd\\?\\[7mesc'
	for args in -tlnp -xap; do
		run_capture qgot "$NLNETSTAT" "$args"
		[ "$args" = -xap ] && pat='LISTENING +[0-9]+ +[0-9]+/sockd\?\[7mesc +@sockd-esc$'
		if grep -q $'\e' "$T_TMP/qgot.out"; then
			fail "$u: escape byte in program name ($args)" \
				"raw ESC byte printed"
		else
			expect_rows "$u: escape byte in program name ($args)" \
				"$T_TMP/qgot.out" "$pat"
		fi
	done
}

# ---- one namespace: a chunk of the case list ----

# inner MODE START STATEFILE: runs inside the fresh namespaces.
inner() {
	local mode=$1 start=$2 state=$3 u i t0
	u=$(label_for "$mode")
	cd / || exit 1
	if [ -n "${SOCKETS_NLNETSTAT:-}" ]; then NLNETSTAT=$SOCKETS_NLNETSTAT; fi
	if [ -n "${SOCKETS_SELF_CHECK:-}" ]; then NLNETSTAT=$NETSTAT; fi
	local qflag=
	[[ $mode == quirks* ]] && qflag=-Q
	if ! netns_setup || ! sockd_start $qflag; then
		fail "$u: setup" "$NETNS_ERROR"
		echo abort >"$state"
		return
	fi
	case $mode in
	user) RUN_PREFIX=$NOBODY_PREFIX ;;
	proc | quirks-proc) export NLNETSTAT_SOURCE=proc ;;
	esac
	t0=$SECONDS
	if [[ $mode == quirks* ]]; then
		quirk_cases "$u"
		i=${#CASES[@]}
	else
		if [ "$start" -eq 0 ]; then
			case $mode in
			root)
				pop_tcp "$u"; pop_dgram "$u"; pop_unix "$u"
				pop_names "$u"; pop_early_stop "$u" ;;
			user) pop_user "$u" ;;
			esac
		fi
		for ((i = start; i < ${#CASES[@]}; i++)); do
			if ((SECONDS - t0 >= CHUNK_SECS)); then break; fi
			run_case "$u" "${CASES[i]}"
		done
		if [ "$mode" = user ] && ((i == ${#CASES[@]})); then
			RUN_PREFIX=$NOUSER_PREFIX
			for args in "${NOUSER_CASES[@]}"; do
				run_case "sockets(uid 4242)" "$args"
			done
			RUN_PREFIX=
		fi
	fi
	if ! sockd_alive; then
		fail "$u: population" "sockd died during the run: $NETNS_ERROR"
	fi
	sockd_stop
	if ((i < ${#CASES[@]})); then echo "next $i" >"$state"; else echo "done" >"$state"; fi
}

# run_mode MODE: the whole case list, one fresh namespace per chunk.
run_mode() {
	local mode=$1 start=0 st
	while :; do
		rm -f "$T_TMP/state.$mode"
		netns_enter "$SELF" --inner "$mode" "$start" "$T_TMP/state.$mode"
		st=$(cat "$T_TMP/state.$mode" 2>/dev/null)
		case $st in
		"next "*) start=${st#next } ;;
		done | abort) return ;;
		*)
			fail "$(label_for "$mode"): namespace" \
				"run ended early (${st:-no state})"
			return ;;
		esac
	done
}

main() {
	local m why
	if why=$(netns_unusable); then
		for m in root user proc quirks; do skip "$(label_for "$m")" "$why"; done
		return 0
	fi
	if [ ! -x "$SOCKD" ]; then
		fail "sockets: setup" "helper $BUILD/helpers/sockd not built (make helpers)"
		return 0
	fi
	# The unprivileged run needs a binary that nobody may execute.
	chmod 755 "$T_TMP"
	if [ -n "${SOCKETS_NLNETSTAT:-}" ]; then NLNETSTAT=$SOCKETS_NLNETSTAT; fi
	if ! cp "$NLNETSTAT" "$T_TMP/nlnetstat"; then
		fail "sockets: setup" "no $NLNETSTAT to test"
		return 0
	fi
	chmod 755 "$T_TMP/nlnetstat"
	export SOCKETS_NLNETSTAT="$T_TMP/nlnetstat" SOCKD TOP BUILD
	export SOCKETS_SELF_CHECK="${SOCKETS_SELF_CHECK:-}"
	# One after the other: on a busy machine, parallel runs stretch the gap
	# between the two binaries of a case and let timers tick in between.
	for m in root user proc quirks quirks-proc; do
		run_mode "$m"
	done
}

if [ "${1:-}" = --inner ]; then
	shift
	inner "$@"
else
	main
fi
