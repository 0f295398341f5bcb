#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/locale.sh - netstat's translations.  For each language whose
# net-tools catalog the system has (cs de et fr ja pt_BR), net-tools netstat
# and nlnetstat run with LANG=C.UTF-8 LANGUAGE=<lang> inside fresh network,
# mount and PID namespaces holding veths, routes, group memberships and the
# sockd socket population: -s, -r, -i, -ie, -g, option errors, then the
# socket listing through netlink and through NLNETSTAT_SOURCE=proc, and the
# -p notice as nobody; -i and -ie also through /proc and the interface
# ioctls.  Czech, which translates -ie's flags and labels, also runs the
# ioctl shim of the iface suite.  Then: LC_ALL=C with
# LANGUAGE set, a language net-tools ships no catalog for, and LANGUAGE
# unset must all print English, as netstat does; --json never translates.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"

SELF="$TOP/tests/suites/locale.sh"
LANGS="cs de et fr ja pt_BR"
# A language net-tools 2.10 ships no catalog for.
NO_CATALOG=sv
CATALOGS=/usr/share/locale
# Read by run_capture and normalize in tests/lib.sh.
# shellcheck disable=SC2034
RUN_PREFIX=
# shellcheck disable=SC2034
NORMALIZE=
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups --"
# Timers tick between the two runs: mask the seconds, keep kind and counts.
TIMER_SED='s/\((-?[0-9]+\.[0-9]+)\//(#.##\//g'

# Socket cases (both sources) and the other modes (read from /proc).
SOCK_CASES=(-tan -tanpeo -xa -uan -wan "-ta -e" -l)
MODE_CASES=(-s "-s -6" -st -rn -ren "-rnC -6" -i -ie -gn "-A foo" -q -M
	"-rn -A ipx" "-rn -A ax25" "-rn -A unix" "-s -A ipx" -Z --ax25 --bluetooth)

# catalog_of LANG: true when the system has net-tools' catalog for LANG.
catalog_of() {
	[ -r "$CATALOGS/$1/LC_MESSAGES/net-tools.mo" ]
}

# env_of LANG: the environment prefix of one language.
env_of() {
	echo "env -u LC_ALL LANG=C.UTF-8 LANGUAGE=$1"
}

# lcase LABEL ENVPREFIX ARGSTRING: one differential case in an environment.
lcase() {
	local label=$1 envp=$2 args=$3
	local -a argv=()
	read -r -a argv <<<"$args"
	NORMALIZE=
	[[ $args == *o* && $args == -t* ]] && NORMALIZE=$TIMER_SED
	RUN_PREFIX=$envp
	compare "$label: $args" "${argv[@]}"
	RUN_PREFIX=
	NORMALIZE=
}

# Interfaces, addresses, routes and memberships for -r, -i and -g.
net_setup() {
	ip link add vethA type veth peer name vethB &&
		ip link set vethA up && ip link set vethB up &&
		ip addr add 192.0.2.1/24 dev vethA &&
		ip addr add 198.51.100.1/24 brd + dev vethB &&
		ip -6 addr add 2001:db8::1/64 dev vethA nodad &&
		ip route add 203.0.113.0/24 via 192.0.2.254 dev vethA metric 5 &&
		ip route add 10.1.0.0/16 dev vethB mtu 1400 window 8192 rtt 20ms &&
		ip route add unreachable 10.2.0.0/16 &&
		ip -6 route add 2001:db8:1::/48 via 2001:db8::fe dev vethA &&
		ip addr add 239.1.2.3/32 dev vethA autojoin &&
		ip -6 addr add ff15::1234/128 dev vethA autojoin
}

# Wait until no counter moves for a second (IPv6 and IGMP chatter).
net_settle() {
	local i
	for ((i = 0; i < 20; i++)); do
		cat /proc/net/dev /proc/net/snmp >"$T_TMP/settle.a"
		sleep 1
		cat /proc/net/dev /proc/net/snmp >"$T_TMP/settle.b"
		cmp -s "$T_TMP/settle.a" "$T_TMP/settle.b" && return 0
	done
	return 0
}

# Czech translates -ie's flags, labels and device map: the ioctl shim.
shim_cases() {
	local l=$1 f
	if ldd "$NLNETSTAT" 2>/dev/null | grep -q libasan; then
		skip "locale($l): ioctl shim" "a sanitizer build cannot take LD_PRELOAD"
		return
	fi
	if [ ! -f "$TOP/tests/fixtures/iface/ioctl_shim.c" ] ||
		! cc -shared -fPIC -o "$T_TMP/shim.so" \
			"$TOP/tests/fixtures/iface/ioctl_shim.c" -ldl 2>/dev/null; then
		skip "locale($l): ioctl shim" "cannot build the iface ioctl shim"
		return
	fi
	for f in "SHIM_FLAGS=0x7fff" "SHIM_FLAGS=0" \
		"SHIM_FLAGS=0x7049 SHIM_PORT=3" \
		"SHIM_IRQ=11 SHIM_BASE=0x300 SHIM_MEM=0xd0000 SHIM_DMA=3" \
		"SHIM_HWTYPE=0 SHIM_HWADDR=0123456789abcdef112233445566"; do
		lcase "locale($l): shim $f" \
			"$(env_of "$l") NLNETSTAT_SOURCE=proc LD_PRELOAD=$T_TMP/shim.so SHIM_IF=lo $f" -ie
	done
}

# English environments: byte-identical to netstat and to the C locale.
english_cases() {
	local envp name ref
	for envp in "env LC_ALL=C LANGUAGE=de" "env LC_ALL=C LANGUAGE=ja:cs" \
		"env -u LC_ALL LANG=C LANGUAGE=fr" \
		"env -u LC_ALL LANG=C.UTF-8 LANGUAGE=$NO_CATALOG" \
		"env -u LC_ALL -u LANGUAGE LANG=C.UTF-8"; do
		name="locale(english: ${envp#env })"
		for args in -tan -xa -s -rn -ie -gn -q; do
			lcase "$name" "$envp" "$args"
			ref=$(cat "$T_TMP/got.out" "$T_TMP/got.err")
			RUN_PREFIX="env LC_ALL=C"
			run_capture c "$NLNETSTAT" "${args}"
			RUN_PREFIX=
			# Counters move; the C library translates getopt's messages.
			[[ $args == -s || $args == -ie || $args == -q ]] && continue
			if [ "$ref" = "$(cat "$T_TMP/c.out" "$T_TMP/c.err")" ]; then
				pass "$name: $args equals LC_ALL=C"
			else
				fail "$name: $args equals LC_ALL=C" "output differs"
			fi
		done
	done
}

# --json: the same document in every language (listeners do not change).
json_cases() {
	local l args
	for args in "-tlno" "-xl" "-rn" "-gn"; do
		RUN_PREFIX="env LC_ALL=C"
		# shellcheck disable=SC2086
		run_capture c "$NLNETSTAT" $args --json
		for l in $LANGS; do
			RUN_PREFIX=$(env_of "$l")
			# shellcheck disable=SC2086
			run_capture j "$NLNETSTAT" $args --json
			if cmp -s "$T_TMP/c.out" "$T_TMP/j.out"; then
				pass "locale($l): $args --json untranslated"
			else
				fail "locale($l): $args --json untranslated" "differs from LC_ALL=C"
				show_diff "$T_TMP/c.out" "$T_TMP/j.out"
			fi
		done
		RUN_PREFIX=
	done
}

# inner LANG|english: runs inside the fresh namespaces.
inner() {
	local l=$1 args src
	cd / || exit 1
	NLNETSTAT=$LOCALE_NLNETSTAT
	if ! netns_setup || ! net_setup 2>"$T_TMP/setup.err"; then
		fail "locale($l): setup" "$NETNS_ERROR $(tr '\n' ' ' <"$T_TMP/setup.err" 2>/dev/null)"
		return
	fi
	net_settle
	if [ "$l" != english ]; then
		for args in "${MODE_CASES[@]}"; do
			lcase "locale($l)" "$(env_of "$l")" "$args"
		done
		# -i reads rtnetlink by default: its /proc + ioctl path too.
		for args in -i -ie; do
			lcase "locale($l,proc)" "$(env_of "$l") NLNETSTAT_SOURCE=proc" "$args"
		done
		[ "$l" = cs ] && shim_cases "$l"
	fi
	if ! sockd_start; then
		fail "locale($l): setup" "$NETNS_ERROR"
		return
	fi
	if [ "$l" = english ]; then
		english_cases
		json_cases
	else
		for src in netlink proc; do
			if [ $src = proc ]; then export NLNETSTAT_SOURCE=proc; fi
			for args in "${SOCK_CASES[@]}"; do
				lcase "locale($l,$src)" "$(env_of "$l")" "$args"
			done
			unset NLNETSTAT_SOURCE
		done
		lcase "locale($l,nobody)" "$(env_of "$l") $NOBODY" -tlnp
	fi
	sockd_stop
}

main() {
	local why l
	if why=$(netns_unusable); then
		skip "locale" "$why"
		return 0
	fi
	if ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
		skip "locale" "no C.UTF-8 locale"
		return 0
	fi
	if [ ! -x "$SOCKD" ]; then
		fail "locale: setup" "helper $BUILD/helpers/sockd not built (make helpers)"
		return 0
	fi
	if catalog_of "$NO_CATALOG"; then
		fail "locale: setup" "net-tools now has a $NO_CATALOG catalog: pick another"
	fi
	# The unprivileged case needs a binary that nobody may execute.
	LOCALE_NLNETSTAT=$(netns_public_binary)
	export LOCALE_NLNETSTAT SOCKD TOP BUILD
	for l in $LANGS; do
		if ! catalog_of "$l"; then
			skip "locale($l)" "no net-tools catalog for $l installed"
			continue
		fi
		netns_enter "$SELF" --inner "$l"
	done
	netns_enter "$SELF" --inner english
}

if [ "${1:-}" = --inner ]; then
	shift
	inner "$@"
else
	main
fi
