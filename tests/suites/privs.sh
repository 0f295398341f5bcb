#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/privs.sh - file capabilities, end to end, as user nobody:
#  * without -p nothing runs with capabilities (all cleared at start-up);
#  * with -p, when the kernel refuses the drop after the /proc scan (a
#    seccomp filter, installed by root before the exec, fails capset with
#    EPERM), nlnetstat stops with "cannot drop capabilities" and exit 1
#    instead of resolving names and printing with capabilities held.

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"

PYTHON=$(command -v /usr/bin/python3 || command -v python3)
NOBODY=65534

# privs_unusable: why file capabilities cannot be tested here, or nothing.
privs_unusable() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "needs root (setcap)"
	elif ! command -v setcap >/dev/null || ! command -v setpriv >/dev/null; then
		echo "needs setcap (libcap2-bin) and setpriv"
	elif ! setcap cap_sys_ptrace,cap_dac_read_search+ep "$CAPBIN" 2>/dev/null; then
		echo "setcap failed on $(findmnt -no FSTYPE -T "$CAPBIN" 2>/dev/null)"
	elif findmnt -no OPTIONS -T "$CAPBIN" | grep -qw nosuid; then
		echo "the temporary directory is on a nosuid mount"
	elif grep -q '^NoNewPrivs:[[:space:]]*1' /proc/self/status; then
		echo "no_new_privs is set: file capabilities are not honoured"
	else
		return 1
	fi
	return 0
}

# cap_sets_while_running ARGS...: CapPrm and CapEff of a running -c.
cap_sets_while_running() {
	local pid i
	setpriv --reuid=$NOBODY --regid=$NOBODY --clear-groups \
		"$CAPBIN" "$@" >"$T_TMP/c.out" 2>"$T_TMP/c.err" &
	pid=$!
	for ((i = 0; i < 50; i++)); do
		[ -s "$T_TMP/c.out" ] && break
		sleep 0.1
	done
	sleep 0.2
	awk '/^Cap(Prm|Eff):/ {printf "%s%s ", $1, $2}' "/proc/$pid/status"
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

privs_startup_drop() {
	local sets
	sets=$(cap_sets_while_running -tanc)
	if [ "$sets" = "CapPrm:0000000000000000 CapEff:0000000000000000 " ]; then
		pass "privs: without -p no capability is kept"
	else
		fail "privs: without -p no capability is kept" "while running: $sets"
	fi
	sets=$(cap_sets_while_running -tanpc)
	if [ "$sets" = "CapPrm:0000000000080004 CapEff:0000000000000000 " ]; then
		pass "privs: -pc keeps them permitted, not effective"
	else
		fail "privs: -pc keeps them permitted, not effective" "while running: $sets"
	fi
}

# The filter: capset fails with EPERM, everything else is allowed.
seccomp_script() {
	cat <<'EOF'
import ctypes, os, struct, sys
AUDIT_ARCH_X86_64, NR_CAPSET = 0xC000003E, 126
prog = [
    (0x20, 0, 0, 4),                     # ld arch
    (0x15, 1, 0, AUDIT_ARCH_X86_64),     # jeq x86_64: skip the allow
    (0x06, 0, 0, 0x7FFF0000),            # ret allow
    (0x20, 0, 0, 0),                     # ld nr
    (0x15, 0, 1, NR_CAPSET),             # jeq capset
    (0x06, 0, 0, 0x00050000 | 1),        # ret errno EPERM
    (0x06, 0, 0, 0x7FFF0000),            # ret allow
]
buf = ctypes.create_string_buffer(
    b"".join(struct.pack("HBBI", *i) for i in prog))
class Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]
fp = Fprog(len(prog), ctypes.addressof(buf))
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(22, 2, ctypes.byref(fp), 0, 0) != 0:  # PR_SET_SECCOMP, FILTER
    sys.exit("prctl: " + os.strerror(ctypes.get_errno()))
if sys.argv[1] == "nobody":
    os.setgroups([])
    os.setresgid(65534, 65534, 65534)
    os.setresuid(65534, 65534, 65534)
os.execv(sys.argv[2], sys.argv[2:])
EOF
}

# refused_case NAME WHO ARGS...: under the filter, as WHO (nobody runs the
# capable copy, root the plain binary: no drop at start-up, so the one
# after the /proc scan is the first), nlnetstat must stop with the error.
refused_case() {
	local name=$1 who=$2 bin=$CAPBIN
	shift 2
	[ "$who" = root ] && bin=$NLNETSTAT
	# -c never ends by itself when the drop is (wrongly) ignored.
	timeout -s KILL 10 "$PYTHON" "$T_TMP/seccomp.py" "$who" "$bin" "$@" \
		>"$T_TMP/s.out" 2>"$T_TMP/s.err"
	echo $? >"$T_TMP/s.rc"
	if grep -q '^prctl:' "$T_TMP/s.err"; then
		skip "privs: $name" "cannot install a seccomp filter: $(head -c 200 "$T_TMP/s.err")"
	elif [ "$(cat "$T_TMP/s.rc")" = 1 ] && [ ! -s "$T_TMP/s.out" ] &&
		[ "$(cat "$T_TMP/s.err")" = "nlnetstat: cannot drop capabilities: Operation not permitted" ]; then
		pass "privs: $name"
	else
		fail "privs: $name" \
			"exit $(cat "$T_TMP/s.rc"), $(wc -l <"$T_TMP/s.out") lines out, stderr: $(head -c 200 "$T_TMP/s.err")"
	fi
}

privs_refused_drop() {
	if [ "$(uname -m)" != x86_64 ] || [ -z "$PYTHON" ]; then
		skip "privs: refused drop" "needs x86_64 (the filter's syscall number) and python3"
		return
	fi
	seccomp_script >"$T_TMP/seccomp.py"
	refused_case "refused drop at start-up (file caps, -tan)" nobody -tan
	refused_case "refused drop at start-up (file caps, -tanp)" nobody -tanp
	refused_case "refused drop after the scan (-tanp)" root -tanp
	refused_case "refused drop after the scan (-xp)" root -xp
	refused_case "refused drop after the scan (-tanp --json)" root -tanp --json
	refused_case "refused drop after the scan (-tanpc)" root -tanpc
	refused_case "refused drop after the scan (--summary -p)" root --summary -p
	# Without -p, root never drops anything: the filter changes nothing.
	if "$PYTHON" "$T_TMP/seccomp.py" root "$NLNETSTAT" -tan >"$T_TMP/s.out" 2>"$T_TMP/s.err" &&
		[ ! -s "$T_TMP/s.err" ] && [ -s "$T_TMP/s.out" ]; then
		pass "privs: root without -p drops nothing"
	else
		fail "privs: root without -p drops nothing" "$(head -c 200 "$T_TMP/s.err")"
	fi
}

chmod 755 "$T_TMP"
mkdir -p "$T_TMP/cap"
chmod 755 "$T_TMP/cap"
CAPBIN=$T_TMP/cap/nlnetstat
cp "$NLNETSTAT" "$CAPBIN" && chmod 755 "$CAPBIN"
if why=$(privs_unusable); then
	skip "privs" "$why"
else
	privs_startup_drop
	privs_refused_drop
fi
