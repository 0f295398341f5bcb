#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/extras.sh - nlnetstat's own options on a live population:
# --json against `netstat | jc --netstat`, --summary against the awk
# pipeline, every filter against netstat's rows filtered by awk, --netns
# and --all-netns with two named namespaces, UNIX peers across processes,
# and the -p diagnostics of an unprivileged user.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"
SELF="$TOP/tests/suites/extras.sh"
NL="$NLNETSTAT"

# rows FILE: the table rows of a listing (no section titles or headers).
rows() {
	grep -Ev '^(Active |Proto )' "$1"
}

# jc_match ARGS [SOURCE]: `netstat ARGS | jc --netstat` equals `nlnetstat
# ARGS --json` (NLNETSTAT_SOURCE=SOURCE) in every key jc gives, value and
# JSON type (tests/netns/jsoncmp.py); tried three times, as timers and
# queues can change between the two runs.
jc_match() {
	local args=$1 src=${2:-} _
	for _ in 1 2 3; do
		# shellcheck disable=SC2086
		$NETSTAT $args 2>/dev/null | jc --netstat >"$T_TMP/jc.json"
		# shellcheck disable=SC2086
		NLNETSTAT_SOURCE=$src $NL $args --json >"$T_TMP/nl.json" 2>/dev/null
		if python3 "$TOP/tests/netns/jsoncmp.py" "$T_TMP/jc.json" \
			"$T_TMP/nl.json" >"$T_TMP/cmp.out" 2>&1; then
			return 0
		fi
		sleep 0.2
	done
	return 1
}

# spaced_listener_start: a TCP listener whose program name has a space
# ("nl jc", through a symlink to python3), which jc cuts with -o.
spaced_listener_start() {
	local i
	ln -sf "$(python3 -c 'import sys; print(sys.executable)')" "$T_TMP/nl jc"
	"$T_TMP/nl jc" -c 'import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 30188))
s.listen()
time.sleep(300)' &
	SPACED_PID=$!
	for ((i = 0; i < 50; i++)); do
		$NETSTAT -tlnp 2>/dev/null | grep -q "$SPACED_PID/nl jc" && return 0
		sleep 0.1
	done
	return 1
}

json_cases() {
	local args
	if ! spaced_listener_start; then
		fail "extras: a listener named 'nl jc'" "not listening"
	fi
	# With -o jc misreads UDP rows whose state is blank (it takes the timer
	# for the state), so UDP is compared with -o on connected sockets only.
	for args in "-tanpeW" "-uanpeW" "-wanW" "-tlnW" "-xanp" "-xa" "-tanW" \
		"-tanpeoW" "-unpeoW" "-wanoW" "-tlnpoW" "-xanpo"; do
		if jc_match "$args"; then
			pass "extras: --json $args matches jc"
		else
			fail "extras: --json $args matches jc" "$(head -5 "$T_TMP/cmp.out" | tr '\n' ';')"
		fi
	done
	for args in "-tanpeoW" "-unpeoW" "-wanoW"; do
		if jc_match "$args" proc; then
			pass "extras: --json $args matches jc (proc)"
		else
			fail "extras: --json $args matches jc (proc)" "$(head -5 "$T_TMP/cmp.out" | tr '\n' ';')"
		fi
	done
	if "$NL" -tlnp --json 2>/dev/null | grep -q '"program_name": *"nl jc"'; then
		pass "extras: --json program_name keeps a name with a space whole"
	else
		fail "extras: --json program_name keeps a name with a space whole" "no 'nl jc'"
	fi
	kill "$SPACED_PID" 2>/dev/null
	wait "$SPACED_PID" 2>/dev/null
	"$NL" -anp --json --all-netns >"$T_TMP/all.json" 2>/dev/null
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all("netns" in r for r in d) and d' \
		"$T_TMP/all.json" 2>/dev/null; then
		pass "extras: --json --all-netns is one valid document with netns"
	else
		fail "extras: --json --all-netns is one valid document with netns" "invalid"
	fi
	timeout 2.5 "$NL" -tanc --json >"$T_TMP/c.json" 2>/dev/null
	if [ "$(wc -l <"$T_TMP/c.json")" -ge 2 ] &&
		python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T_TMP/c.json"; then
		pass "extras: -c --json prints one document per line per refresh"
	else
		fail "extras: -c --json prints one document per line per refresh" "bad lines"
	fi
}

# continuous_case ARGS: the first two passes of -c equal netstat's.
continuous_case() {
	local args=$1
	# shellcheck disable=SC2086
	timeout 2.6 "$NETSTAT" $args >"$T_TMP/c.ref" 2>&1
	# shellcheck disable=SC2086
	timeout 2.6 "$NL" $args >"$T_TMP/c.got" 2>&1
	# Keep exactly two passes: up to the third section title.
	local title
	title=$(head -1 "$T_TMP/c.ref")
	awk -v t="$title" '$0 == t && ++n == 3 {exit} {print}' "$T_TMP/c.ref" >"$T_TMP/c.ref2"
	awk -v t="$title" '$0 == t && ++n == 3 {exit} {print}' "$T_TMP/c.got" >"$T_TMP/c.got2"
	if [ "$(grep -cxF "$title" "$T_TMP/c.ref2")" = 2 ] &&
		cmp -s "$T_TMP/c.ref2" "$T_TMP/c.got2"; then
		pass "extras: $args: first two refreshes equal netstat's"
	else
		fail "extras: $args: first two refreshes equal netstat's" "differs"
		show_diff "$T_TMP/c.ref2" "$T_TMP/c.got2"
	fi
}

# Recorded sock_diag replies replay to the same table (the replay seam).
replay_cases() {
	local d="$T_TMP/replay" args
	mkdir -p "$d"
	for args in -tuan -tuaneo; do
		rm -f "$d"/*.nl
		# shellcheck disable=SC2086
		NLNETSTAT_DIAG_RECORD="$d" "$NL" $args >"$T_TMP/r.live" 2>&1
		# shellcheck disable=SC2086
		NLNETSTAT_DIAG_REPLAY="$d" NLNETSTAT_SOURCE=diag "$NL" $args \
			>"$T_TMP/r.replay" 2>&1
		if [ -s "$d/tcp.nl" ] && cmp -s "$T_TMP/r.live" "$T_TMP/r.replay"; then
			pass "extras: $args replayed from recorded sock_diag replies"
		else
			fail "extras: $args replayed from recorded sock_diag replies" "differs"
			show_diff "$T_TMP/r.live" "$T_TMP/r.replay"
		fi
	done
	# A recording cut short must be an error, never a silently short table.
	head -c 100 "$d/tcp.nl" >"$d/tcp.cut" && mv "$d/tcp.cut" "$d/tcp.nl"
	NLNETSTAT_DIAG_REPLAY="$d" NLNETSTAT_SOURCE=diag "$NL" -tan >/dev/null 2>"$T_TMP/r.err"
	if [ $? = 1 ] && grep -q 'sock_diag dump of tcp failed' "$T_TMP/r.err"; then
		pass "extras: a truncated sock_diag reply is an error"
	else
		fail "extras: a truncated sock_diag reply is an error" "$(cat "$T_TMP/r.err")"
	fi
}

# -r, -i, -g --json: jc's keys where jc parses the mode, valid JSON always.
mode_json_cases() {
	ip link add nlxj0 type veth peer name nlxj1 2>/dev/null
	ip link set nlxj0 up
	ip addr add 192.0.2.1/24 dev nlxj0
	ip addr add 192.0.2.5/24 dev nlxj0 label nlxj0:5
	ip route add 198.51.100.0/24 via 192.0.2.254 metric 7
	local args
	for args in -rn -rne -rnee -i -ia; do
		# shellcheck disable=SC2086
		$NETSTAT $args 2>/dev/null | jc --netstat >"$T_TMP/jc.json"
		# shellcheck disable=SC2086
		$NL $args --json >"$T_TMP/nl.json" 2>/dev/null
		if [ "$(head -c 2 "$T_TMP/jc.json")" != "[]" ] &&
			python3 "$TOP/tests/netns/jsoncmp.py" "$T_TMP/jc.json" \
				"$T_TMP/nl.json" >"$T_TMP/cmp.out" 2>&1; then
			pass "extras: $args --json matches jc"
		else
			fail "extras: $args --json matches jc" "$(head -3 "$T_TMP/cmp.out" | tr '\n' ';')"
		fi
	done
	for args in -rn6 "-rn -4 -6" -gn -ie; do
		# shellcheck disable=SC2086
		if $NL $args --json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d and all("kind" in r for r in d)'; then
			pass "extras: $args --json is valid and tagged"
		else
			fail "extras: $args --json is valid and tagged" "invalid"
		fi
	done
	ip link del nlxj0 2>/dev/null
}

# -c ends on SIGINT and SIGTERM exactly as netstat does (killed by them).
signal_cases() {
	local sig want got
	for sig in INT TERM; do
		timeout --preserve-status -s $sig 1.5 "$NETSTAT" -tanc >/dev/null 2>&1
		want=$?
		timeout --preserve-status -s $sig 1.5 "$NL" -tanc >/dev/null 2>&1
		got=$?
		if [ "$want" = "$got" ] && [ "$got" -gt 128 ]; then
			pass "extras: -c ends on SIG$sig like netstat (status $got)"
		else
			fail "extras: -c ends on SIG$sig like netstat" "netstat $want, nlnetstat $got"
		fi
	done
}

# -c: memory stays flat over thousands of refreshes (the interval seam
# NLNETSTAT_INTERVAL_MS shortens netstat's one-second pause).
refresh_memory_case() {
	local args=$1 p rss1 rss2 passes
	if [ "$BUILD" = build-san ]; then
		# ASan's quarantine keeps freed blocks resident by design.
		skip "extras: $args: RSS flat over thousands of refreshes" \
			"a sanitizer build keeps freed memory resident; the plain build measures this"
		return
	fi
	# shellcheck disable=SC2086
	NLNETSTAT_INTERVAL_MS=1 "$NL" $args >"$T_TMP/refresh.out" 2>/dev/null &
	p=$!
	sleep 2
	rss1=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status")
	sleep 8
	rss2=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status")
	kill $p
	wait $p 2>/dev/null
	# A table pass starts with its title; a JSON pass is one line.
	if [[ $args == *--json* ]]; then
		passes=$(wc -l <"$T_TMP/refresh.out")
	else
		passes=$(grep -c '^Active Internet' "$T_TMP/refresh.out")
	fi
	if [ "$passes" -ge 1000 ] && [ "$((rss2 - rss1))" -le 64 ]; then
		pass "extras: $args: RSS flat over $passes refreshes (${rss1} -> ${rss2} KiB)"
	else
		fail "extras: $args: RSS flat over thousands of refreshes" \
			"$passes passes, VmRSS $rss1 -> $rss2 KiB"
	fi
	rm -f "$T_TMP/refresh.out"
}

stats_json_cases() {
	"$NL" -s --json >"$T_TMP/s.json" 2>/dev/null
	if python3 - "$T_TMP/s.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = {}
for path in ("/proc/net/snmp", "/proc/net/netstat"):
    lines = open(path).read().splitlines()
    for names, values in zip(lines[::2], lines[1::2]):
        t, n = names.split(":", 1)
        want.setdefault(t, set()).update(n.split())
try:  # "Name value" lines, when the kernel has SCTP
    want["Sctp"] = {l.split()[0] for l in open("/proc/net/sctp/snmp") if l.split()}
except OSError:
    pass
got = {t: set(v) for t, v in d.items()}
sys.exit(0 if got == want else 1)
PY
	then
		pass "extras: -s --json has every section and counter of snmp, netstat and sctp/snmp"
	else
		fail "extras: -s --json has every section and counter of snmp, netstat and sctp/snmp" "keys differ"
	fi
	"$NL" -s -t --json >"$T_TMP/s.json" 2>/dev/null
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if "Tcp" in d and "Udp" not in d and "Ip" not in d else 1)' "$T_TMP/s.json"; then
		pass "extras: -s -t --json selects sections as the table does"
	else
		fail "extras: -s -t --json selects sections as the table does" "$(head -c 200 "$T_TMP/s.json")"
	fi
}

summary_cases() {
	"$NETSTAT" -an >"$T_TMP/an.out" 2>/dev/null
	"$NL" --summary --json >"$T_TMP/sum.json" 2>/dev/null
	if python3 "$TOP/tests/netns/summarycmp.py" "$T_TMP/an.out" "$T_TMP/sum.json" \
		>"$T_TMP/cmp.out" 2>&1; then
		pass "extras: --summary counts equal netstat -an | awk"
	else
		fail "extras: --summary counts equal netstat -an | awk" "$(tr '\n' ';' <"$T_TMP/cmp.out")"
	fi
	local want got
	want=$(awk '$1 ~ /^tcp/ && $6 == "LISTEN" && $4 ~ /:80$/' "$T_TMP/an.out" | wc -l)
	got=$("$NL" --summary | grep -Ec '^  tcp6? +[^ ]*:80 ')
	if [ "$want" -gt 0 ] && [ "$want" = "$got" ]; then
		pass "extras: --summary lists the port-80 listeners"
	else
		fail "extras: --summary lists the port-80 listeners" "want $want got $got"
	fi
}

# filter_case NAME 'NL ARGS' 'NETSTAT ARGS' 'AWK PROGRAM'
filter_case() {
	local name=$1 nlargs=$2 nsargs=$3 prog=$4
	# shellcheck disable=SC2086
	$NETSTAT $nsargs >"$T_TMP/f.ref" 2>/dev/null
	rows "$T_TMP/f.ref" | awk "$prog" >"$T_TMP/f.want"
	# shellcheck disable=SC2086
	$NL $nsargs $nlargs >"$T_TMP/f.got" 2>/dev/null
	rows "$T_TMP/f.got" >"$T_TMP/f.gotrows"
	if [ -s "$T_TMP/f.want" ] && cmp -s "$T_TMP/f.want" "$T_TMP/f.gotrows" &&
		[ "$(grep -c '^Active ' "$T_TMP/f.got")" = "$(grep -c '^Active ' "$T_TMP/f.ref")" ]; then
		pass "extras: $name"
	else
		fail "extras: $name" "rows differ from netstat | awk"
		show_diff "$T_TMP/f.want" "$T_TMP/f.gotrows"
	fi
}

filter_cases() {
	filter_case "--port 80" "--port 80" "-tan" '$4 ~ /:80$/ || $5 ~ /:80$/'
	filter_case "--port http (service name)" "--port http" "-tan" '$4 ~ /:80$/ || $5 ~ /:80$/'
	filter_case "--sport 80" "--sport 80" "-tan" '$4 ~ /:80$/'
	filter_case "--dport 5432" "--dport 5432" "-tan" '$5 ~ /:5432$/'
	filter_case "--port 80,5432" "--port 80,5432" "-tan" \
		'$4 ~ /:(80|5432)$/ || $5 ~ /:(80|5432)$/'
	filter_case "--state LISTEN" "--state listen" "-tan" '$6 == "LISTEN"'
	filter_case "--state ESTABLISHED,TIME_WAIT" "--state ESTABLISHED,TIME_WAIT" \
		"-tan" '$6 == "ESTABLISHED" || $6 == "TIME_WAIT"'
	filter_case "--state UNCONN (udp)" "--state UNCONN" "-uan" 'NF == 5'
	filter_case "--user 65534" "--user 65534" "-tane" '$7 == "65534"'
	filter_case "--addr 127.0.0.2" "--addr 127.0.0.2" "-tan" \
		'$4 ~ /^127\.0\.0\.2:/ || $5 ~ /^127\.0\.0\.2:/'
	filter_case "--addr ::1/128" "--addr ::1/128" "-tan" \
		'$4 ~ /^::1:/ || $5 ~ /^::1:/'
	# --pid matches any owner; sockd's own PID is the lowest of every
	# socket it shares, so netstat shows it on exactly those rows.
	filter_case "--pid" "--pid $SOCKD_PID" "-tanp" "\$7 == \"$SOCKD_PID/sockd\""
	filter_case "--pid (unix)" "--pid $SOCKD_PID" "-xanp" "\$0 ~ / $SOCKD_PID\\/sockd /"
}

netns_cases() {
	local a=nlx-extras-a b=nlx-extras-b
	ip netns add $a && ip netns add $b || {
		fail "extras: netns setup" "ip netns add failed"
		return
	}
	netns_listeners_start $a $b 30
	local pa=$NS_PID_A pb=$NS_PID_B
	ip netns exec $a "$NETSTAT" -tlnp >"$T_TMP/ns.ref" 2>&1
	"$NL" --netns $a -tlnp >"$T_TMP/ns.got" 2>&1
	if cmp -s "$T_TMP/ns.ref" "$T_TMP/ns.got" && grep -q ':4101 ' "$T_TMP/ns.got"; then
		pass "extras: --netns NAME equals netstat run inside it"
	else
		fail "extras: --netns NAME equals netstat run inside it" "differs"
		show_diff "$T_TMP/ns.ref" "$T_TMP/ns.got"
	fi
	"$NL" --netns "/proc/$pb/ns/net" -tln >"$T_TMP/ns.got" 2>&1
	if grep -q ':4202 ' "$T_TMP/ns.got" && ! grep -q ':4101 ' "$T_TMP/ns.got"; then
		pass "extras: --netns PATH"
	else
		fail "extras: --netns PATH" "$(tr '\n' ';' <"$T_TMP/ns.got")"
	fi
	# A name left in /run/netns by a failed `ip netns add` (nothing
	# mounted on it) is not a namespace and must not stop the listing.
	: >/run/netns/nlx-extras-stale
	"$NL" --all-netns -tln >"$T_TMP/all.got" 2>&1
	rm -f /run/netns/nlx-extras-stale
	if ! grep -q "cannot enter" "$T_TMP/all.got" &&
		grep -q "^Network namespace: $a\$" "$T_TMP/all.got" &&
		grep -q "^Network namespace: $b\$" "$T_TMP/all.got" &&
		grep -q ':4101 ' "$T_TMP/all.got" && grep -q ':4202 ' "$T_TMP/all.got"; then
		pass "extras: --all-netns lists both namespaces, skips a stale name"
	else
		fail "extras: --all-netns lists both namespaces, skips a stale name" "$(head -c 300 "$T_TMP/all.got")"
	fi
	"$NL" --summary --json --all-netns >"$T_TMP/sall.json" 2>/dev/null
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) >= 2 and all("netns" in r for r in d)' \
		"$T_TMP/sall.json" 2>/dev/null; then
		pass "extras: --summary --json --all-netns is one JSON array, netns in each"
	else
		fail "extras: --summary --json --all-netns is one JSON array, netns in each" \
			"$(head -c 200 "$T_TMP/sall.json")"
	fi
	# -p drops capabilities after each scan; setns for the next
	# namespace still needs CAP_SYS_ADMIN (it failed after the first).
	"$NL" --all-netns -tlnp >"$T_TMP/allp.got" 2>"$T_TMP/allp.err"
	local allp_rc=$?
	ip netns exec $b "$NETSTAT" -tlnp >"$T_TMP/allp.ref" 2>&1
	if [ "$allp_rc" = 0 ] && [ ! -s "$T_TMP/allp.err" ] &&
		sed -n "/^Network namespace: $b\$/,/^Network namespace:/p" "$T_TMP/allp.got" |
		grep -v '^Network namespace:' | cmp -s - "$T_TMP/allp.ref" &&
		grep -q ':4101 .*/python3' "$T_TMP/allp.got" &&
		grep -q ':4202 .*/python3' "$T_TMP/allp.got"; then
		pass "extras: --all-netns -p enters every namespace, owners as netstat's"
	else
		fail "extras: --all-netns -p enters every namespace, owners as netstat's" \
			"rc $allp_rc: $(head -c 300 "$T_TMP/allp.err")"
	fi
	"$NL" --netns nlx-no-such -tln >/dev/null 2>"$T_TMP/ns.err"
	if [ $? = 1 ] && grep -q "cannot enter network namespace" "$T_TMP/ns.err"; then
		pass "extras: --netns of a missing namespace fails clearly"
	else
		fail "extras: --netns of a missing namespace fails clearly" "$(cat "$T_TMP/ns.err")"
	fi
	kill $pa $pb 2>/dev/null
	wait $pa $pb 2>/dev/null
	ip netns del $a
	ip netns del $b
}

peers_cases() {
	python3 -c 'import socket,os,time,sys
a,b=socket.socketpair()
r,w=os.pipe()
if os.fork()==0:
    a.close(); os.write(w,b"x"); time.sleep(20); os._exit(0)
b.close(); os.read(r,1)
print(os.getpid(), flush=True)
time.sleep(20)' >"$T_TMP/peer.pid" &
	local pp=$! i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/peer.pid" ] && break
		sleep 0.1
	done
	"$NL" -xap --json >"$T_TMP/peer.json" 2>/dev/null
	if python3 - "$T_TMP/peer.json" "$pp" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1]))
parent = int(sys.argv[2])
mine = [r for r in recs if r["pid"] is not None and r["peer_pid"] is not None
        and {r["pid"], r["peer_pid"]} >= {parent} and r["pid"] != r["peer_pid"]]
by_inode = {r["inode"]: r for r in recs}
ok = len(mine) == 2 and all(by_inode[r["peer_inode"]]["peer_inode"] == r["inode"] for r in mine)
sys.exit(0 if ok else 1)
PY
	then
		pass "extras: UNIX peers across two processes (JSON)"
	else
		fail "extras: UNIX peers across two processes (JSON)" "peer fields wrong"
	fi
	"$NL" -xap --peers >"$T_TMP/peer.txt" 2>/dev/null
	if grep -Eq " peer=[0-9]+ [0-9]+/python3$" "$T_TMP/peer.txt" &&
		head -2 "$T_TMP/peer.txt" | grep -q ' Path Peer$'; then
		pass "extras: --peers column"
	else
		fail "extras: --peers column" "$(head -4 "$T_TMP/peer.txt" | tr '\n' ';')"
	fi
	kill $pp 2>/dev/null
	wait $pp 2>/dev/null
}

diag_cases() {
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$NL" -tanpv \
		>/dev/null 2>"$T_TMP/d.err"
	if grep -q '^(Not all processes could be identified' "$T_TMP/d.err" &&
		grep -q 'missing CAP_SYS_PTRACE' "$T_TMP/d.err" &&
		grep -q 'missing CAP_DAC_READ_SEARCH' "$T_TMP/d.err" &&
		grep -q 'setcap cap_sys_ptrace,cap_dac_read_search+ep' "$T_TMP/d.err"; then
		pass "extras: -p -v explains missing owners to an unprivileged user"
	else
		fail "extras: -p -v explains missing owners to an unprivileged user" "$(tr '\n' ';' <"$T_TMP/d.err")"
	fi
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$NL" -tanp \
		>/dev/null 2>"$T_TMP/d.err"
	if ! grep -q 'CAP_SYS_PTRACE' "$T_TMP/d.err"; then
		pass "extras: without -v only netstat's notice"
	else
		fail "extras: without -v only netstat's notice" "extra lines"
	fi
}

inner() {
	if ! netns_setup || ! sockd_start; then
		fail "extras: namespace setup" "$NETNS_ERROR"
		return
	fi
	export PATH="$PATH"
	json_cases
	mode_json_cases
	replay_cases
	signal_cases
	refresh_memory_case -anpc
	refresh_memory_case "-tanc --json"
	continuous_case -tlnc
	continuous_case -xlc
	continuous_case "-tlnpc"
	stats_json_cases
	summary_cases
	filter_cases
	peers_cases
	diag_cases
	netns_cases
	sockd_stop
}

main() {
	local why
	if why=$(netns_unusable); then
		skip "extras" "$why"
		return 0
	fi
	for t in jc python3; do
		if ! command -v $t >/dev/null; then
			skip "extras" "$t not installed (scripts/install-deps)"
			return 0
		fi
	done
	NLNETSTAT=$(netns_public_binary) netns_enter "$SELF" --inner
}

if [ "${1:-}" = --inner ]; then
	NL="$NLNETSTAT"
	inner
else
	main
fi
