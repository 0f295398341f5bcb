#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/owners.sh - owners and listeners: a prefork listener held by
# 101 processes (--pid, --user, --peers and --json see every owner),
# SYN_RECV rows under TCP_DEFER_ACCEPT (-o counts the timeouts as /proc
# does, -e takes the uid of the listener the kernel matched, device and
# filters notwithstanding), and --addr with IPv4-mapped addresses.  Each
# case runs through sock_diag and through the /proc fallback.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"
SELF="$TOP/tests/suites/owners.sh"
PREFORK="$TOP/$BUILD/helpers/prefork"
NL="$NLNETSTAT"
BG_PIDS=()
# Read by run_capture and normalize in tests/lib.sh (set -u: they must be
# set, or every compare would run nothing and pass).
# shellcheck disable=SC2034
RUN_PREFIX=
# shellcheck disable=SC2034
NORMALIZE=

# rows FILE: the table rows of a listing (no section titles or headers).
rows() {
	grep -Ev '^(Active |Proto )' "$1"
}

# both CMD...: runs CMD once through sock_diag and once through /proc,
# with $SRC naming the source ("diag" or "proc") for case names.
both() {
	SRC=diag "$@"
	SRC=proc NLNETSTAT_SOURCE=proc "$@"
}

# filtered NAME 'NL ARGS' 'NETSTAT ARGS' 'AWK PROGRAM': nlnetstat with its
# filter gives netstat's rows that the awk program selects, none missing.
filtered() {
	local name=$1 nlargs=$2 nsargs=$3 prog=$4
	# shellcheck disable=SC2086
	$NETSTAT $nsargs >"$T_TMP/f.ref" 2>/dev/null
	rows "$T_TMP/f.ref" | awk "$prog" >"$T_TMP/f.want"
	# shellcheck disable=SC2086
	$NL $nsargs $nlargs >"$T_TMP/f.got" 2>/dev/null
	rows "$T_TMP/f.got" >"$T_TMP/f.gotrows"
	if [ -s "$T_TMP/f.want" ] && cmp -s "$T_TMP/f.want" "$T_TMP/f.gotrows"; then
		pass "owners: $name"
	else
		fail "owners: $name" "rows differ from netstat | awk"
		show_diff "$T_TMP/f.want" "$T_TMP/f.gotrows"
	fi
}

# bg_start READY_FILE CMD...: starts CMD in the background and waits (10 s
# at most) until it writes READY_FILE.
bg_start() {
	local ready=$1 i
	shift
	rm -f "$ready"
	"$@" &
	BG_PIDS+=($!)
	for ((i = 0; i < 100; i++)); do
		[ -s "$ready" ] && return 0
		sleep 0.1
	done
	return 1
}

bg_stop() {
	local p
	for p in "${BG_PIDS[@]}"; do
		kill -TERM "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	BG_PIDS=()
}

# --- item: every owner of a prefork listener ------------------------------

prefork_checks() {
	local p1=$1 p91=$2 p101=$3 s=$SRC
	compare "owners: -tlnp, 101 owners: first owner as netstat ($s)" -tlnp
	compare "owners: -xlnp, 101 owners ($s)" -xlnp
	filtered "--pid of the 91st owner ($s)" "--pid $p91" -tlnp '$4 ~ /:7200$/'
	filtered "--pid of the 101st owner ($s)" "--pid $p101" -tlnp '$4 ~ /:7200$/'
	filtered "--pid of the 101st owner, unix ($s)" "--pid $p101" -xlnp \
		'/pf\.sock$/'
	filtered "--user and --pid of the 101st owner ($s)" \
		"--user 4242 --pid $p101" -tlnpe '$4 ~ /:7200$/ && $7 == "4242"'
	"$NL" -xanp --peers --pid "$p101" >"$T_TMP/pp.got" 2>/dev/null
	if [ "$(grep -Ec " $p1/prefork +peer=[0-9]+ $p1/prefork\$" "$T_TMP/pp.got")" = 2 ]; then
		pass "owners: --peers --pid of the 101st owner ($s)"
	else
		fail "owners: --peers --pid of the 101st owner ($s)" \
			"$(tr '\n' ';' <"$T_TMP/pp.got")"
	fi
	"$NL" -tlp --json >"$T_TMP/pf.json" 2>/dev/null
	"$NL" -xlp --json >"$T_TMP/pfx.json" 2>/dev/null
	if python3 - "$T_TMP/pf.json" "$T_TMP/pfx.json" "$T_TMP/pf/pids" <<'PY'
import json, sys
pids = [int(x) for x in open(sys.argv[3])]
tcp = [r for r in json.load(open(sys.argv[1])) if r.get("local_port_num") == 7200]
unx = [r for r in json.load(open(sys.argv[2]))
       if str(r.get("path", "")).endswith("pf.sock")]
ok = len(tcp) == 1 and len(unx) == 1
for r in tcp + unx:
    got = [o["pid"] for o in r["owners"]]
    ok = ok and got == sorted(pids) and r["pid"] == min(pids)
    ok = ok and all(o["program_name"] == "prefork" for o in r["owners"])
sys.exit(0 if ok else 1)
PY
	then
		pass "owners: --json lists all 101 owners, lowest PID first ($s)"
	else
		fail "owners: --json lists all 101 owners, lowest PID first ($s)" \
			"$(head -c 300 "$T_TMP/pf.json")"
	fi
}

prefork_cases() {
	local d="$T_TMP/pf"
	# The helper drops to uid 4242 before it binds its UNIX socket.
	chmod 755 "$T_TMP" && mkdir -p "$d" && chmod 1777 "$d"
	if ! bg_start "$d/pids" "$PREFORK" -n 101 -p 7200 -u 4242 \
		-s "$d/pf.sock" -r "$d/pids"; then
		fail "owners: prefork setup" "helper not ready"
		bg_stop
		return
	fi
	local -a pids
	mapfile -t pids < <(sort -n "$d/pids")
	if [ "${#pids[@]}" != 101 ]; then
		fail "owners: prefork setup" "${#pids[@]} processes"
	else
		both prefork_checks "${pids[0]}" "${pids[90]}" "${pids[100]}"
	fi
	bg_stop
}

# --- item: -o on SYN_RECV rows (timeouts, not SYN-ACKs resent) -----------

# Silent clients of TCP_DEFER_ACCEPT listeners (IPv4 and IPv6): the
# handshake completes, the request sock stays, its timer fires at 1 s,
# 3 s, 7 s, ... but no SYN-ACK is resent while the deferral lasts.
DEFER_PY='import socket, sys, time
socks = []
for fam, host, port in ((socket.AF_INET, "127.0.0.1", 7400),
                        (socket.AF_INET6, "::1", 7401)):
    l = socket.socket(fam)
    l.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 30)
    l.bind((host, port))
    l.listen(16)
    socks.append(l)
    for i in range(3):
        c = socket.socket(fam)
        c.connect((host, port))
        socks.append(c)
open(sys.argv[1], "w").write("ready\n")
time.sleep(60)'

# timeouts_fired N: true once every SYN_RECV row in /proc counts N or more.
timeouts_fired() {
	awk -v n="$1" '$4 == "03" { rows++; if ($7 + 0 >= n) ok++ }
		END { exit !(rows == 6 && ok == rows) }' /proc/net/tcp /proc/net/tcp6
}

defer_checks() {
	local s=$SRC
	NORMALIZE='s/on \([0-9]+\.[0-9]{2}\//on (T\//'
	compare "owners: -tano SYN_RECV timeouts under TCP_DEFER_ACCEPT ($s)" -tano
	compare "owners: -tanoe SYN_RECV timeouts, listener uid ($s)" -tanoe
	NORMALIZE=
	"$NL" -tano 2>/dev/null | grep SYN_RECV >"$T_TMP/sr.got"
	if [ "$(grep -c 'on ([0-9.]*/[2-9]/0)' "$T_TMP/sr.got")" = 6 ]; then
		pass "owners: -o counts 2 or more timeouts on every SYN_RECV row ($s)"
	else
		fail "owners: -o counts 2 or more timeouts on every SYN_RECV row ($s)" \
			"$(tr '\n' ';' <"$T_TMP/sr.got")"
	fi
}

defer_cases() {
	local i
	if ! bg_start "$T_TMP/defer.ready" python3 -c "$DEFER_PY" "$T_TMP/defer.ready"; then
		fail "owners: TCP_DEFER_ACCEPT setup" "not ready"
		bg_stop
		return
	fi
	# Two timeouts fire by 3 s; the third comes at 7 s.
	for ((i = 0; i < 60; i++)); do
		timeouts_fired 2 && break
		sleep 0.1
	done
	if ! timeouts_fired 2; then
		fail "owners: TCP_DEFER_ACCEPT setup" "no timeouts in /proc"
	else
		both defer_checks
	fi
	bg_stop
}

# --- item: -e user of SYN_RECV rows ---------------------------------------

# Listeners with TCP_DEFER_ACCEPT, each as its own uid, optionally bound to
# a device; a client from a fixed port stays SYN_RECV.  Args: ready file,
# then "uid:device:port" listeners in creation order, then the client
# "sport:dport".
LISTEN_PY='import os, socket, sys, time
ready, specs, client = sys.argv[1], sys.argv[2:-1], sys.argv[-1]
for spec in specs:
    uid, dev, port = spec.split(":")
    r, w = os.pipe()
    if os.fork() == 0:
        os.setuid(int(uid))
        l = socket.socket()
        if dev:
            l.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
        l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        l.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 30)
        l.bind(("0.0.0.0", int(port)))
        l.listen(16)
        os.write(w, b"x")
        time.sleep(60)
        os._exit(0)
    os.read(r, 1)
sport, dport = client.split(":")
c = socket.socket()
c.bind(("127.0.0.1", int(sport)))
c.connect(("127.0.0.1", int(dport)))
open(ready, "w").write("ready\n")
time.sleep(60)'

synrecv_filter_checks() {
	local s=$SRC
	filtered "-tane --dport: SYN_RECV keeps its listener's uid ($s)" \
		"--dport 40002" -tane '$5 ~ /:40002$/'
	filtered "-tane --state SYN_RECV: listener's uid ($s)" \
		"--state SYN_RECV" -tane '$6 == "SYN_RECV"'
}

synrecv_device_checks() {
	local s=$SRC
	compare "owners: -tane, listeners on lo and a veth: the one matched ($s)" -tane
	compare "owners: -tanep, listeners on lo and a veth ($s)" -tanep
	expect_rows "owners: the SYN_RECV row shows the lo listener's uid ($s)" \
		"$T_TMP/got.out" '127\.0\.0\.1:7300 +127\.0\.0\.1:40001 +SYN_RECV +0 '
}

synrecv_cases() {
	if bg_start "$T_TMP/sr1.ready" python3 -c "$LISTEN_PY" "$T_TMP/sr1.ready" \
		"65534::7301" "40002:7301"; then
		both synrecv_filter_checks
	else
		fail "owners: SYN_RECV filter setup" "not ready"
	fi
	bg_stop
	if ! ip link add nlo0 type veth peer name nlo1 2>/dev/null ||
		! ip link set nlo0 up || ! ip addr add 192.0.2.1/24 dev nlo0; then
		fail "owners: SYN_RECV device setup" "no veth"
		return
	fi
	# The veth listener comes second: first in the kernel's listener hash.
	if bg_start "$T_TMP/sr2.ready" python3 -c "$LISTEN_PY" "$T_TMP/sr2.ready" \
		"0:lo:7300" "4242:nlo0:7300" "40001:7300"; then
		both synrecv_device_checks
	else
		fail "owners: SYN_RECV device setup" "not ready"
	fi
	bg_stop
	ip link del nlo0 2>/dev/null
}

# --- item: --addr and IPv4-mapped addresses -------------------------------

ADDR_PY='import socket, sys, time
l6 = socket.socket(socket.AF_INET6)
l6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
l6.bind(("::", 7500))
l6.listen(4)
l4 = socket.socket()
l4.bind(("127.0.0.1", 7501))
l4.listen(4)
keep = []
for port in (7500, 7501):
    c = socket.socket()
    c.connect(("127.0.0.1", port))
    keep.append(c)
keep.append(l6.accept()[0])
keep.append(l4.accept()[0])
l2 = socket.socket()
l2.bind(("127.0.0.2", 7502))
l2.listen(4)
open(sys.argv[1], "w").write("ready\n")
time.sleep(60)'

addr_checks() {
	local s=$SRC want='$4 ~ /^127\.0\.0\.1:/ || $5 ~ /^127\.0\.0\.1:/'
	filtered "--addr 127.0.0.1: plain and mapped rows ($s)" \
		"--addr 127.0.0.1" -tan "$want"
	filtered "--addr ::ffff:127.0.0.1: plain and mapped rows ($s)" \
		"--addr ::ffff:127.0.0.1" -tan "$want"
	filtered "--addr ::ffff:127.0.0.0/104 ($s)" \
		"--addr ::ffff:127.0.0.0/104" -tan '$4 ~ /^127\./ || $5 ~ /^127\./'
}

addr_cases() {
	if bg_start "$T_TMP/addr.ready" python3 -c "$ADDR_PY" "$T_TMP/addr.ready"; then
		both addr_checks
	else
		fail "owners: --addr setup" "not ready"
	fi
	bg_stop
}

inner() {
	if ! netns_setup; then
		fail "owners: namespace setup" "$NETNS_ERROR"
		return
	fi
	prefork_cases
	defer_cases
	synrecv_cases
	addr_cases
}

main() {
	local why
	if why=$(netns_unusable); then
		skip "owners" "$why"
		return 0
	fi
	if ! command -v python3 >/dev/null; then
		skip "owners" "python3 not installed (scripts/install-deps)"
		return 0
	fi
	NLNETSTAT=$(netns_public_binary) netns_enter "$SELF" --inner
}

if [ "${1:-}" = --inner ]; then
	NL="$NLNETSTAT"
	inner
else
	main
fi
