#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/names.sh - names from the resolver and the /etc databases,
# in fresh network and mount namespaces (private propagation) with private
# hosts, networks, services, passwd and nsswitch.conf bound over /etc:
#  * differential: service names of 63, 64 and 100 bytes (netstat cuts them
#    at 63), and addresses whose first byte is 0 named from /etc/networks;
#  * assertions: names holding terminal escapes, DEL and (through a small
#    NSS module) newlines, which netstat prints raw, print as '?' runs in
#    every table; the JSON carries the same escaped names.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"
# shellcheck source=../netns/common.sh
source "$TOP/tests/netns/common.sh"

SELF=$TOP/tests/suites/names.sh
CHECK=$TOP/tests/netns/names_check.py
HOLD_PID=
BOUND=()
# The system's interpreter: uid 4242 may not reach a per-user one.
PYTHON=$(command -v /usr/bin/python3 || command -v python3)

# bind_etc NAME...: $T_TMP/etc/NAME over /etc/NAME (this namespace only).
bind_etc() {
	local f
	for f; do
		chmod 644 "$T_TMP/etc/$f" &&
			mount --bind "$T_TMP/etc/$f" "/etc/$f" || return 1
		BOUND+=("/etc/$f")
	done
}

# names_cleanup: the holder stopped, the binds undone, the files removed.
names_cleanup() {
	local i
	hold_stop
	for ((i = ${#BOUND[@]} - 1; i >= 0; i--)); do
		umount "${BOUND[i]}"
	done
	rm -rf "$T_TMP"
}

# hold_start SPEC...: names_check.py holds the sockets, made as uid 4242.
hold_start() {
	local i
	rm -f "$T_TMP/hold.ready"
	"$PYTHON" "$CHECK" hold "$T_TMP/hold.ready" "$@" 2>"$T_TMP/hold.err" &
	HOLD_PID=$!
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/hold.ready" ] && return 0
		kill -0 "$HOLD_PID" 2>/dev/null || break
		sleep 0.1
	done
	NETNS_ERROR="holder not ready: $(head -c 300 "$T_TMP/hold.err")"
	return 1
}

hold_stop() {
	[ -n "$HOLD_PID" ] && kill "$HOLD_PID" 2>/dev/null && wait "$HOLD_PID" 2>/dev/null
	HOLD_PID=
}

names_links() {
	ip link set lo up &&
		ip addr add 0.0.0.1/32 dev lo &&
		ip addr add 0.0.1.5/32 dev lo &&
		ip link add d0 type veth peer name d1 &&
		ip link set d1 up && ip link set d0 up &&
		ip addr add 192.0.2.1/24 dev d0 &&
		ip addr add 239.1.2.3/32 dev d0 autojoin &&
		ip route add 10.9.0.0/16 dev d0 &&
		ip route add 10.8.0.0/16 via 192.0.2.7 &&
		ip route add 0.0.0.1/32 dev d0 &&
		ip route add 0.0.1.0/24 dev d0
}

# ---- items 7 and 8: differential ----

# Service names of 63, 64 and 100 bytes; networks named 0.0.0.1, 0.0.1.5.
names_differential() {
	local n63 n64 n100 a
	n63=$(printf 'a%.0s' {1..63})
	n64=$(printf 'b%.0s' {1..64})
	n100=$(printf 'c%.0s' {1..100})
	mkdir -p "$T_TMP/etc"
	printf '%s\n' "$n63 7063/tcp" "$n64 7064/tcp" "$n100 7100/tcp" \
		"$n63 7063/udp" "$n64 7064/udp" "$n100 7100/udp" \
		"discard 9/tcp" "domain 53/udp" "weirdport 7009/tcp" \
		"weirdport 7009/udp" >"$T_TMP/etc/services"
	printf '%s\n' "weirdnet 0.0.0.1" "other 0.0.1.5" "net0one 0.0.1" \
		"loopback 127.0.0.0" >"$T_TMP/etc/networks"
	printf '%s\n' "127.0.0.1	localhost" "::1	ip6-localhost" >"$T_TMP/etc/hosts"
	printf '%s\n' "passwd: files" "group: files" "hosts: files" \
		"networks: files" "services: files" "protocols: files" \
		>"$T_TMP/etc/nsswitch.conf"
	if ! bind_etc services networks hosts nsswitch.conf 2>"$T_TMP/bind.err"; then
		fail "names: setup" "$(head -c 300 "$T_TMP/bind.err")"
		return
	fi
	local -a specs=()
	for a in 127.0.0.1 ::1; do
		specs+=("tcp:$a:7063" "tcp:$a:7064" "tcp:$a:7100"
			"udp:$a:7063" "udp:$a:7064" "udp:$a:7100")
	done
	specs+=(tcp:0.0.0.1:7009 conn:0.0.0.1:7009 udp:0.0.0.1:7009
		tcp:0.0.1.5:7009 udp:0.0.1.5:7009)
	if ! hold_start "${specs[@]}"; then
		fail "names: setup" "$NETNS_ERROR"
		return
	fi
	run_capture pop "$NETSTAT" -tuaW
	expect_rows "names: population" "$T_TMP/pop.out" \
		"^tcp .* localhost:a{63} " "^tcp .* localhost:b{63} " \
		"^udp6 .* ip6-localhost:c{63} " \
		"^tcp .* weirdnet:weirdport +weirdnet:[0-9]+ +ESTABLISHED" \
		"^udp .* other:weirdport "
	for a in -tuaW -tuW -tulW -tlW -ulW -tua -tul -tulnW -tuleW \
		"-tulW -4" "-tulW -6" "-tulW --numeric-hosts" \
		"-tulW --numeric-ports" -tuaeW -r -rn -re -rW "-rA inet"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		compare "names: $a" "${argv[@]}"
	done
	NLNETSTAT_SOURCE=proc compare "names: -tuaW (/proc)" -tuaW
	NLNETSTAT_SOURCE=proc compare "names: -tua (/proc)" -tua
	hold_stop
}

# ---- item 2: escaped names ----

# escape_case NAME SET ARGS...: netstat raw, nlnetstat the same bytes with
# every hostile name escaped.
escape_case() {
	local name=$1 set=$2 why
	shift 2
	local _
	for _ in 1 2 3; do
		run_capture ref "$NETSTAT" "$@"
		run_capture got "$NLNETSTAT" "$@"
		why=$("$PYTHON" "$CHECK" table "$set" "$T_TMP/ref.out" "$T_TMP/got.out") &&
			cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc" && break
		sleep 0.2
	done
	if [ -z "$why" ] && cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"; then
		pass "$name"
	else
		fail "$name" "${why:-exit status differs} (args: $*)"
		show_diff <(cat -v "$T_TMP/ref.out") <(cat -v "$T_TMP/got.out")
	fi
}

escape_json() {
	local name=$1 set=$2 why
	shift 2
	"$NLNETSTAT" "$@" >"$T_TMP/j.out" 2>/dev/null
	if why=$("$PYTHON" "$CHECK" json "$set" "$T_TMP/j.out"); then
		pass "$name"
	else
		fail "$name" "$why (args: $*)"
	fi
}

ESCAPE_CASES=(
	-tuaW -tua -tuaeW -tuae -tulW "-tuaW -4" "-tuaW -6" -r -re -rW
	-g "-g -4" "-rA inet6" -wa -waW
)

escape_group() {
	local set=$1 a
	for a in "${ESCAPE_CASES[@]}"; do
		local -a argv=()
		read -r -a argv <<<"$a"
		escape_case "names: escaped ($set): $a" "$set" "${argv[@]}"
	done
	NLNETSTAT_SOURCE=proc escape_case "names: escaped ($set): -tuaeW (/proc)" \
		"$set" -tuaeW
	escape_json "names: escaped ($set): -tuae --json" "$set" -tuae --json
	escape_json "names: escaped ($set): -r --json" "$set" -r --json
}

ESCAPE_SPECS=(tcp:127.0.0.2:7001 conn:127.0.0.2:7001 udp:127.0.0.2:7001
	tcp:::1:7001 udp:::1:7001 tcp:0.0.0.1:7001 udp:0.0.0.1:7001
	raw:253 raw6:253)

# /etc files with escapes and DEL (no newline: it ends a record).
names_escape_files() {
	mkdir -p "$T_TMP/etc"
	printf '%s\n' "passwd: files" "group: files" "hosts: files" \
		"networks: files" "services: files" "protocols: files" \
		>"$T_TMP/etc/nsswitch.conf"
	if ! "$PYTHON" "$CHECK" files "$T_TMP/etc" 2>"$T_TMP/bind.err" ||
		! bind_etc hosts networks services passwd protocols nsswitch.conf \
			2>>"$T_TMP/bind.err" ||
		! hold_start "${ESCAPE_SPECS[@]}"; then
		fail "names: escaped (files): setup" \
			"${NETNS_ERROR:-$(head -c 300 "$T_TMP/bind.err")}"
		return
	fi
	escape_group files
	hold_stop
}

# The same through an NSS module whose names hold newlines too.
names_escape_nss() {
	local lib=$T_TMP/nsslib
	mkdir -p "$lib"
	if ! ${CC:-cc} -shared -fPIC -O2 -o "$lib/libnss_hostile.so.2" \
		"$TOP/tests/netns/nss_hostile.c" 2>"$T_TMP/cc.err"; then
		skip "names: escaped (nss)" "cannot build the NSS module: $(head -c 200 "$T_TMP/cc.err")"
		return
	fi
	printf '%s\n' "passwd: hostile files" "group: files" \
		"hosts: hostile files" "networks: hostile files" \
		"services: hostile files" "protocols: files" \
		>"$T_TMP/etc/nsswitch.conf"
	printf '%s\n' "127.0.0.1	localhost" >"$T_TMP/etc/hosts"
	: >"$T_TMP/etc/networks"
	: >"$T_TMP/etc/services"
	if ! bind_etc hosts networks services nsswitch.conf 2>"$T_TMP/bind.err" ||
		! hold_start "${ESCAPE_SPECS[@]}"; then
		fail "names: escaped (nss): setup" \
			"${NETNS_ERROR:-$(head -c 300 "$T_TMP/bind.err")}"
		return
	fi
	export LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	escape_group nss
	hold_stop
}

names_inside() {
	if ! names_links 2>"$T_TMP/setup.err"; then
		fail "names: setup" "$(tr '\n' ' ' <"$T_TMP/setup.err")"
		return
	fi
	names_differential
	names_escape_files
	names_escape_nss
}

if [ "${1:-}" = --inside ]; then
	trap names_cleanup EXIT
	names_inside
	exit 0
fi
if why=$(netns_unusable); then
	skip "names" "$why"
elif [ -z "$PYTHON" ]; then
	skip "names" "python3 is not installed"
else
	unshare -n -m --propagation private -- bash "$SELF" --inside
fi
