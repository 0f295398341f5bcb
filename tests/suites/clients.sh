#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/clients.sh - real programs that inspect or parse netstat:
# Debian's chkrootkit must call the netstat link that `make install` puts
# in a DESTDIR "not infected", and the jc comparison of tests/netns/jsoncmp.py
# must tell values of different JSON types apart (0 is not 0.0 or "0").
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The flavour under test, so make install does not swap ./nlnetstat for the
# other build (plain versus SANITIZE=1).
SAN=
[ "$BUILD" = build-san ] && SAN=1

# chkrootkit_netstat ROOT: chkrootkit's netstat check on ROOT's /usr/bin.
chkrootkit_netstat() {
	PATH=/usr/sbin:/usr/bin:/sbin:/bin "$CHKROOTKIT" -r "$1" netstat 2>&1
}

chkrootkit_cases() {
	local d="$T_TMP/root" ctl="$T_TMP/control" out
	mkdir -p "$ctl/usr/bin"
	# A control that must be flagged: chkrootkit really reads ROOT's netstat.
	printf '#!/bin/sh\n# addr.h\n' >"$ctl/usr/bin/netstat"
	chmod 755 "$ctl/usr/bin/netstat"
	out=$(chkrootkit_netstat "$ctl")
	if ! grep -q "^Checking \`netstat'\.\.\. *INFECTED" <<<"$out"; then
		fail "clients: chkrootkit -r flags a netstat with a marker" "$(tr '\n' ';' <<<"$out")"
		return
	fi
	pass "clients: chkrootkit -r flags a netstat with a marker"
	if ! make -s -C "$TOP" install DESTDIR="$d" PREFIX=/usr SANITIZE="$SAN" \
		>"$T_TMP/i.log" 2>&1; then
		fail "clients: chkrootkit: make install" "$(tail -3 "$T_TMP/i.log")"
		return
	fi
	out=$(chkrootkit_netstat "$d")
	if [ "$(readlink "$d/usr/bin/netstat")" = nlnetstat ] &&
		grep -q "^Checking \`netstat'\.\.\. *not infected$" <<<"$out"; then
		pass "clients: chkrootkit calls the installed netstat not infected"
	else
		fail "clients: chkrootkit calls the installed netstat not infected" "$(tr '\n' ';' <<<"$out")"
	fi
}

# jsoncmp_case NAME WANT_RC JC_JSON NL_JSON: the comparator's verdict.
jsoncmp_case() {
	local name=$1 want=$2
	printf '%s\n' "$3" >"$T_TMP/a.json"
	printf '%s\n' "$4" >"$T_TMP/b.json"
	python3 "$TOP/tests/netns/jsoncmp.py" "$T_TMP/a.json" "$T_TMP/b.json" \
		>"$T_TMP/cmp.out" 2>&1
	local rc=$?
	if [ "$rc" = "$want" ]; then
		pass "clients: jsoncmp: $name"
	else
		fail "clients: jsoncmp: $name" "exit $rc, want $want: $(head -2 "$T_TMP/cmp.out" | tr '\n' ';')"
	fi
}

jsoncmp_cases() {
	local t='"timer": "off (0.00/0/0)"'
	local x='"timer_state": "off", "timer_seconds": 0.0, "timer_retransmits": 0, "timer_probes": 0'
	jsoncmp_case "equal records pass" 0 \
		"[{\"inode\": 5, \"user\": \"0\", $t}]" \
		"[{\"inode\": 5, \"user\": \"0\", $t, $x}]"
	jsoncmp_case "an integer is not a float" 1 \
		'[{"inode": 5}]' '[{"inode": 5.0}]'
	jsoncmp_case "a string is not an integer" 1 \
		'[{"user": "0"}]' '[{"user": 0}]'
	jsoncmp_case "an integer is not a boolean" 1 \
		'[{"recv_q": 1}]' '[{"recv_q": true}]'
	jsoncmp_case "a timer text is not an object" 1 \
		"[{$t}]" '[{"timer": {"name": "off", "seconds": 0.0}}]'
	jsoncmp_case "timer_* must spell out the timer text" 1 \
		"[{$t}]" "[{$t, ${x/\"off\"/\"on\"}}]"
	jsoncmp_case "ticking timer seconds are masked" 0 \
		'[{"timer": "keepalive (7.12/0/0)"}]' \
		'[{"timer": "keepalive (7.10/0/0)"}]'
}

if [ -z "${CHKROOTKIT:-}" ]; then
	CHKROOTKIT=$(PATH=$PATH:/usr/sbin:/sbin command -v chkrootkit)
fi
if [ -z "$CHKROOTKIT" ]; then
	skip "clients: chkrootkit" "chkrootkit not installed (Debian package chkrootkit)"
elif need_root "clients: chkrootkit"; then
	chkrootkit_cases
fi
if command -v python3 >/dev/null; then
	jsoncmp_cases
else
	skip "clients: jsoncmp" "python3 not installed"
fi
