#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/unix_names.sh - UNIX socket names that try to forge rows: an
# abstract name, and a path under a directory whose name, holding a newline
# and a fake /proc/net/unix record.  Through sock_diag (its dump overlapped
# with reading /proc/net/unix, or before it) nlnetstat must show each
# hostile socket once, with its whole name escaped, and no row for
# the fake inodes; the /proc fallback prints what netstat prints.  Then
# /proc mounted with subset=pid: UNIX sockets come from sock_diag alone.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"

SELF="$TOP/tests/suites/unix_names.sh"
# Read by run_capture in tests/lib.sh.
# shellcheck disable=SC2034
RUN_PREFIX=
FAKE_INO=4242424
FAKE_INO2=4242425

# hostile_start DIR: a process holding the hostile sockets (each listener
# with one connection not yet accepted) and an ordinary connected pair.
# Writes DIR/inodes (one "inode name" line per socket) and DIR/ready.
hostile_start() {
	local dir=$1
	python3 - "$dir" "$FAKE_INO" "$FAKE_INO2" <<'EOF' &
import os, socket, sys, time
d, ino1, ino2 = sys.argv[1], sys.argv[2], sys.argv[3]
rec = "0000000000000000: 00000002 00000000 00010000 0001 01 "
abstract = b"\0abs\n" + (rec + ino1 + " /run/FAKE-sshd.sock").encode()
sub = os.path.join(d, "dir\n" + rec + ino2 + " ", "run")
os.makedirs(sub)
path = os.path.join(sub, "FAKE.sock")
socks = []
def sock():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    socks.append(s)
    return s
a = sock(); a.bind(abstract); a.listen(5)
p = sock(); p.bind(path); p.listen(5)
sock().connect(abstract)
sock().connect(path)
x, y = socket.socketpair()
socks += [x, y]
with open(os.path.join(d, "inodes"), "w") as f:
    for s in socks:
        f.write("%d\n" % os.fstat(s.fileno()).st_ino)
open(os.path.join(d, "ready"), "w").close()
time.sleep(600)
EOF
	HOSTILE_PID=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[ -e "$dir/ready" ] && return 0
		sleep 0.1
	done
	return 1
}

# rows FILE: the data rows (after the two header lines).
rows() { tail -n +3 "$1"; }

# check_table LABEL FILE DIR: one row per kernel socket, no forged row.
check_table() {
	local label=$1 file=$2 dir=$3 ino n bad= tail='( -| peer=.*)?$'
	# Column 7 (after "[ ACC ]" or "[ ]") is the inode: print the field
	# after the state word, whatever the flags.
	if rows "$file" | grep -Eq "^unix +[0-9]+ +\[ [A-Z ]*\] +[A-Z]+ +([A-Z]+ +)?($FAKE_INO|$FAKE_INO2) "; then
		bad="a row with a forged inode"
	fi
	while read -r ino; do
		n=$(rows "$file" | grep -Ec " $ino +")
		[ "$n" -eq 1 ] || bad="$bad; inode $ino in $n rows"
	done <"$dir/inodes"
	n=$(grep -c 'FAKE-sshd' "$file")
	[ "$n" -eq 2 ] || bad="$bad; $n rows name FAKE-sshd (want listener and its pending connection)"
	n=$(grep -c 'FAKE\.sock' "$file")
	[ "$n" -eq 2 ] || bad="$bad; $n rows name FAKE.sock"
	grep -Eq "LISTENING .* @abs\\?0000000000000000: 00000002 00000000 00010000 0001 01 $FAKE_INO /run/FAKE-sshd\\.sock$tail" "$file" ||
		bad="$bad; the abstract listener's whole escaped name is missing"
	grep -Eq "LISTENING .* $dir/dir\\?0000000000000000: 00000002 00000000 00010000 0001 01 $FAKE_INO2 /run/FAKE\\.sock$tail" "$file" ||
		bad="$bad; the path listener's whole escaped name is missing"
	grep -Eq "CONNECTING +0 +(- +)?@abs\\?0000000000000000:.*FAKE-sshd\\.sock$tail" "$file" ||
		bad="$bad; the pending connection's row is missing"
	if [ -z "$bad" ]; then
		pass "$label"
	else
		fail "$label" "${bad#; }"
		sed 's/^/    /' "$file" | cat -v | head -20
	fi
}

check_json() {
	local label=$1 file=$2 dir=$3 why
	if why=$(python3 - "$file" "$dir" "$FAKE_INO" "$FAKE_INO2" 2>&1 <<'EOF'
import json, sys
f, d, i1, i2 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = json.load(open(f))
kern = [int(l) for l in open(d + "/inodes")]
inodes = [r["inode"] for r in rows if r.get("proto") == "unix"]
if i1 in inodes or i2 in inodes:
    sys.exit("a forged inode")
for k in kern:
    if inodes.count(k) != 1:
        sys.exit("inode %d in %d entries" % (k, inodes.count(k)))
rec = "\n0000000000000000: 00000002 00000000 00010000 0001 01 "
want = {"@abs" + rec + str(i1) + " /run/FAKE-sshd.sock",
        d + "/dir" + rec + str(i2) + " /run/FAKE.sock"}
paths = [r.get("path") for r in rows if r.get("state") == "LISTENING"]
if not want <= set(paths):
    sys.exit("listener paths %r" % paths)
EOF
	); then
		pass "$label"
	else
		fail "$label" "$why"
	fi
}

# forged_cases: the hostile sockets, through netlink and the fallback.
forged_cases() {
	local dir args mode how
	# A short directory: sun_path holds 107 bytes.
	dir=$(mktemp -d /tmp/nlu.XXXXXX)
	if ! hostile_start "$dir"; then
		fail "unix names: setup" "hostile sockets not ready"
		return
	fi
	# netstat itself prints the forged rows: the test is meaningful.
	run_capture ref "$NETSTAT" -xa
	if grep -Eq "LISTENING +$FAKE_INO +/run/FAKE-sshd\\.sock\$" "$T_TMP/ref.out"; then
		pass "unix names: netstat prints the forged row"
	else
		fail "unix names: netstat prints the forged row" "it does not"
	fi
	# The unix_diag dump on a worker thread while /proc/net/unix is read
	# (NLNETSTAT_UNIX_OVERLAP=1, the default on two CPUs), and before it.
	for mode in 1 0; do
		how=
		[ "$mode" = 0 ] && how=", dump first"
		for args in -xa -xap -a "-xa --peers" "-xap -W"; do
			# shellcheck disable=SC2086
			NLNETSTAT_UNIX_OVERLAP=$mode run_capture got "$NLNETSTAT" $args
			check_table "unix names: $args through sock_diag$how" "$T_TMP/got.out" "$dir"
			cp "$T_TMP/got.out" "$T_TMP/mode$mode.out"
		done
	done
	if cmp -s "$T_TMP/mode1.out" "$T_TMP/mode0.out"; then
		pass "unix names: -xap -W the same with the dump overlapped or first"
	else
		fail "unix names: -xap -W the same with the dump overlapped or first" \
			"$(show_diff "$T_TMP/mode0.out" "$T_TMP/mode1.out")"
	fi
	run_capture got "$NLNETSTAT" -xa --json
	check_json "unix names: -xa --json through sock_diag" "$T_TMP/got.out" "$dir"
	run_capture got "$NLNETSTAT" -xap --json
	check_json "unix names: -xap --json through sock_diag" "$T_TMP/got.out" "$dir"
	# The fallback cannot tell a name from a record: netstat's output.
	NLNETSTAT_SOURCE=proc compare "unix names: -xa fallback prints what netstat prints" -xa
	NLNETSTAT_SOURCE=proc compare "unix names: -xap fallback prints what netstat prints" -xap
	kill "$HOSTILE_PID" 2>/dev/null
	wait "$HOSTILE_PID" 2>/dev/null
	rm -rf "$dir"
}

# subset_cases: /proc with subset=pid (no /proc/net).
subset_cases() {
	local dir bad= n
	dir=$(mktemp -d /tmp/nlu.XXXXXX)
	if ! hostile_start "$dir"; then
		fail "unix names: subset=pid setup" "sockets not ready"
		return
	fi
	if ! mount -t proc -o subset=pid proc /proc 2>"$T_TMP/mount.err"; then
		skip "unix names: /proc with subset=pid" "mount: $(head -c 200 "$T_TMP/mount.err")"
		kill "$HOSTILE_PID"
		rm -rf "$dir"
		return
	fi
	run_capture got "$NLNETSTAT" -xa
	[ "$(cat "$T_TMP/got.rc")" = 0 ] || bad="exit $(cat "$T_TMP/got.rc")"
	grep -qx 'nlnetstat: no /proc/net/unix: UNIX sockets listed from sock_diag, without RefCnt.' "$T_TMP/got.err" ||
		bad="$bad; no note on stderr"
	n=$(rows "$T_TMP/got.out" | grep -Ec '^unix  -      ')
	# Six sockets with an inode, two pending connections.
	[ "$n" -eq 8 ] || bad="$bad; $n rows with RefCnt -, want 8"
	grep -Eq "^unix  -      \\[ ACC \\]     STREAM     LISTENING     [0-9]+ +@abs\\?0000" "$T_TMP/got.out" ||
		bad="$bad; no listener row"
	grep -Eq "^unix  -      \\[ \\]         STREAM     CONNECTING    0        @abs\\?0000" "$T_TMP/got.out" ||
		bad="$bad; no pending-connection row"
	if [ -z "$bad" ]; then
		pass "unix names: subset=pid: -xa lists UNIX sockets from sock_diag"
	else
		fail "unix names: subset=pid: -xa lists UNIX sockets from sock_diag" "${bad#; }"
		sed 's/^/    /' "$T_TMP/got.out" "$T_TMP/got.err" | cat -v | head -20
	fi
	check_table "unix names: subset=pid: one row per socket, none forged" "$T_TMP/got.out" "$dir"
	run_capture got "$NLNETSTAT" -xa --json
	if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(not r or any(x["refcnt"] is not None for x in r))' "$T_TMP/got.out"; then
		pass "unix names: subset=pid: --json refcnt is null"
	else
		fail "unix names: subset=pid: --json refcnt is null" "$(head -c 300 "$T_TMP/got.out")"
	fi
	# The fallback source copies netstat's failure.
	NLNETSTAT_SOURCE=proc compare "unix names: subset=pid: -xa fallback as netstat" -xa
	kill "$HOSTILE_PID" 2>/dev/null
	wait "$HOSTILE_PID" 2>/dev/null
	rm -rf "$dir"
}

inner() {
	cd / || exit 1
	if ! ip link set lo up; then
		fail "unix names: setup" "loopback"
		return
	fi
	forged_cases
	subset_cases
}

main() {
	local why
	if why=$(netns_unusable); then
		skip "unix names" "$why"
		return 0
	fi
	if ! command -v python3 >/dev/null; then
		skip "unix names" "python3 not installed"
		return 0
	fi
	export TOP BUILD
	netns_enter "$SELF" --inner
}

if [ "${1:-}" = --inner ]; then
	inner
else
	main
fi
