# shellcheck shell=bash
# tests/netns/common.sh - shell helpers for suites that run inside private
# network namespaces: entering fresh namespaces (network, mount, PID with
# its own /proc), bringing up loopback, starting and stopping the sockd
# population helper, and asserting rows in captured output.
# Sourced after tests/lib.sh (uses TOP, BUILD, T_TMP, pass, fail, NETSTAT).

SOCKD="$TOP/$BUILD/helpers/sockd"
LONG_V6=2001:db8:1234:5678:9abc:def0:1234:5678
# Set here, read by the suites.
# shellcheck disable=SC2034
NETNS_ERROR=
SOCKD_PID=
UNIX_DIR=

# netns_unusable: prints why namespace suites cannot run here and returns 0,
# or prints nothing and returns 1 when they can.
netns_unusable() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "needs root (private network namespaces)"
	elif [ ! -x "$NETSTAT" ]; then
		echo "net-tools netstat is not installed"
	elif ! command -v ip >/dev/null || ! command -v setpriv >/dev/null; then
		echo "needs ip and setpriv"
	elif ! unshare -n -m -p -f --mount-proc true 2>/dev/null; then
		echo "cannot create network/PID namespaces here"
	else
		return 1
	fi
	return 0
}

# netns_public_binary: copies $NLNETSTAT into $T_TMP (made world-readable)
# where any user may run it, for cases that drop to nobody and cannot reach
# the build tree; prints the copy's path, nothing when the copy failed.
netns_public_binary() {
	chmod 755 "$T_TMP" && cp "$NLNETSTAT" "$T_TMP/nlnetstat" &&
		chmod 755 "$T_TMP/nlnetstat" && echo "$T_TMP/nlnetstat"
}

# netns_enter SCRIPT ARGS...: runs bash SCRIPT ARGS in fresh network,
# mount and PID namespaces (PID 1 is that bash; /proc shows only them).
netns_enter() {
	unshare -n -m -p -f --mount-proc -- bash "$@"
}

# netns_names: private /etc/hosts and /etc/resolv.conf (this mount
# namespace only), so resolved names are the same on every machine and a
# DNS lookup fails at once (no route) instead of reaching any server.
netns_names() {
	printf '%s\n' "127.0.0.1	localhost" \
		"127.0.0.2	a-very-long-hostname-for-ipv4.test" \
		"::1	ip6-localhost ip6-loopback" \
		"$LONG_V6	a-very-long-hostname-for-ipv6.test" >"$T_TMP/hosts"
	printf '%s\n' "nameserver 192.0.2.1" "options attempts:1 timeout:1" \
		>"$T_TMP/resolv.conf"
	chmod 644 "$T_TMP/hosts" "$T_TMP/resolv.conf"
	mount --bind "$T_TMP/hosts" /etc/hosts 2>>"$T_TMP/ip.err" &&
		mount --bind "$T_TMP/resolv.conf" /etc/resolv.conf \
			2>>"$T_TMP/ip.err"
}

# netns_setup: loopback up, the long IPv6 test address on lo, and the
# name databases of netns_names.  SYN retransmissions back off from the
# first one (no linear phase, where it exists), so a SYN_SENT socket's
# retransmit count changes less often during a run.
netns_setup() {
	local lin=/proc/sys/net/ipv4/tcp_syn_linear_timeouts
	if [ -w "$lin" ]; then echo 0 >"$lin"; fi
	if ! ip link set lo up 2>"$T_TMP/ip.err" ||
		! ip -6 addr add "$LONG_V6/128" dev lo nodad 2>>"$T_TMP/ip.err" ||
		! netns_names; then
		NETNS_ERROR="setup: $(tr '\n' ' ' <"$T_TMP/ip.err")"
		return 1
	fi
}

# sockd_start [-Q]: starts sockd with its unix sockets under $T_TMP/unix and
# waits (15 s at most) for its ready line.  Sets SOCKD_PID and UNIX_DIR.
sockd_start() {
	local i
	UNIX_DIR="$T_TMP/unix"
	mkdir -p "$UNIX_DIR"
	rm -f "$T_TMP/sockd.ready"
	"$SOCKD" "$@" -d "$UNIX_DIR" -r "$T_TMP/sockd.ready" \
		2>"$T_TMP/sockd.err" &
	SOCKD_PID=$!
	for ((i = 0; i < 150; i++)); do
		if [ -s "$T_TMP/sockd.ready" ]; then
			return 0
		fi
		kill -0 "$SOCKD_PID" 2>/dev/null || break
		sleep 0.1
	done
	NETNS_ERROR="sockd not ready: $(head -c 400 "$T_TMP/sockd.err" | tr '\n' ' ')"
	sockd_stop
	return 1
}

# sockd_alive: true while sockd (and so every role) still runs.
sockd_alive() {
	if [ -n "$SOCKD_PID" ] && kill -0 "$SOCKD_PID" 2>/dev/null; then
		return 0
	fi
	# shellcheck disable=SC2034
	NETNS_ERROR=$(head -c 400 "$T_TMP/sockd.err" | tr '\n' ' ')
	return 1
}

sockd_stop() {
	if [ -n "$SOCKD_PID" ]; then
		kill -TERM "$SOCKD_PID" 2>/dev/null
		wait "$SOCKD_PID" 2>/dev/null
		SOCKD_PID=
	fi
}

# expect_rows NAME FILE REGEX...: passes when every extended regex matches
# some line of FILE; otherwise fails listing the ones that did not.
expect_rows() {
	local name=$1 file=$2 re
	local -a missing=()
	shift 2
	for re; do
		grep -Eq -- "$re" "$file" || missing+=("$re")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		pass "$name"
		return 0
	fi
	fail "$name" "no line matches:"
	printf '    %s\n' "${missing[@]}" | cat -v
	return 1
}

# netns_listeners_start A B SECONDS: in named namespaces A and B (already
# added), bring lo up and hold a TCP listener on 127.0.0.1:4101 in A and
# :4202 in B for SECONDS; waits until netstat sees both.  The holders'
# PIDs are left in NS_PID_A and NS_PID_B (kill and wait them).
# shellcheck disable=SC2034 # NS_PID_A and NS_PID_B are for the caller
netns_listeners_start() {
	local a=$1 b=$2 secs=$3 i
	ip -n "$a" link set lo up
	ip -n "$b" link set lo up
	ip netns exec "$a" python3 -c 'import socket,sys,time
s=socket.socket(); s.bind(("127.0.0.1",4101)); s.listen(); time.sleep(float(sys.argv[1]))' "$secs" &
	NS_PID_A=$!
	ip netns exec "$b" python3 -c 'import socket,sys,time
s=socket.socket(); s.bind(("127.0.0.1",4202)); s.listen(); time.sleep(float(sys.argv[1]))' "$secs" &
	NS_PID_B=$!
	for ((i = 0; i < 50; i++)); do
		ip netns exec "$a" "$NETSTAT" -tln 2>/dev/null | grep -q ':4101 ' &&
			ip netns exec "$b" "$NETSTAT" -tln 2>/dev/null | grep -q ':4202 ' && break
		sleep 0.1
	done
}
