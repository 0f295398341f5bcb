#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/robustness.sh - nlnetstat under hostile conditions, each group
# in fresh network, mount and PID namespaces: socket and process churn,
# closed pipes, a full disk and a closed stdout, escape sequences in names
# and paths, file capabilities, no resolver with -n, and odd values.  Where
# netstat's behaviour is the requirement a case compares with it; otherwise
# it asserts nlnetstat's documented behaviour.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"

SELF="$TOP/tests/suites/robustness.sh"
CHURN="$TOP/$BUILD/helpers/churn"
HOSTILE="$TOP/$BUILD/helpers/hostile"
NOBODY_PREFIX="setpriv --reuid=65534 --regid=65534 --clear-groups --"
# Read by run_capture and normalize in tests/lib.sh.
# shellcheck disable=SC2034
RUN_PREFIX=
# shellcheck disable=SC2034
NORMALIZE=
# name:seconds - every group runs in fresh namespaces, killed at the limit.
GROUPS_LIMITS=(churn:100 pipes:40 full:30 hostile:30 privs:40 resolver:40 odd:40)
CHURN_RUNS=100
CHURN_SECS=16		# per command: a loaded machine gets fewer runs
# Lines that the name-resolving libraries read; none may be opened with -n.
NAME_DBS='/etc/(hosts|services|protocols|networks|nsswitch\.conf|resolv\.conf|host\.conf|passwd|group|gai\.conf)"'

# ms: a monotonic clock in milliseconds.
ms() {
	local t
	read -r t _ </proc/uptime
	echo $((${t/./} * 10))
}

# write_checker: the row validator and the hostile-name checks (python).
#   check.py rows FILE...   every line a title, a header or a well-formed
#                           row (-p column "-" or PID/name, 20 wide)
#   check.py hostile READY XAP TANP TANPO XJSON TJSON
write_checker() {
	cat >"$T_TMP/check.py" <<'PY'
import json, re, sys

TITLES = {b"Active Internet connections (servers and established)",
          b"Active Internet connections (only servers)",
          b"Active Internet connections (w/o servers)",
          b"Active UNIX domain sockets (servers and established)",
          b"Active UNIX domain sockets (only servers)",
          b"Active UNIX domain sockets (w/o servers)"}
INET_HDR = (b"Proto Recv-Q Send-Q Local Address           Foreign Address"
            b"         State       PID/Program name    ")
UNIX_HDR = (b"Proto RefCnt Flags       Type       State         I-Node   "
            b"PID/Program name     Path")
INET_HEAD = re.compile(rb"(tcp6?|udp6?|udpl6?|raw6?) +[0-9]+ +[0-9]+ ")
ADDR = re.compile(rb"[0-9a-f.:]*:(\*|[0-9]+) *")
STATE = re.compile(rb"(ESTABLISHED|SYN_SENT|SYN_RECV|FIN_WAIT1|FIN_WAIT2|"
                   rb"TIME_WAIT|CLOSE|CLOSE_WAIT|LAST_ACK|LISTEN|CLOSING|"
                   rb"UNKNOWN|[0-9]+)? *")
UNIX_FIXED = re.compile(rb"unix  [0-9]+ *\x20\[ ([A-Z]+ )*\] *\x20"
                        rb"(STREAM|DGRAM|SEQPACKET|RAW|RDM|UNKNOWN) *\x20"
                        rb"(LISTENING|CONNECTING|CONNECTED|DISCONNECTING|"
                        rb"FREE|UNKNOWN)? *\x20")
PROG = re.compile(rb"-\x20{19}|[1-9][0-9]*/[\x20-\x7e\x80-\xff]*")
CTRL = re.compile(rb"[\x00-\x1f\x7f]")


def prog_ok(f):
    return len(f) == 20 and PROG.fullmatch(f) is not None


def unix_split(line):
    """(prog, path) of a unix -p row, or a reason string."""
    if len(line) < 50 or not UNIX_FIXED.fullmatch(line[:50]):
        return "fixed unix columns"
    m = re.match(rb"([0-9]+) *\x20", line[50:])
    if not m or len(m.group(0)) != max(8, len(m.group(1))) + 1:
        return "inode column"
    rest = line[50 + m.end():]
    if len(rest) < 21 or rest[20:21] != b" ":
        return "program column width"
    if not prog_ok(rest[:20]):
        return "program column"
    return rest[:20], rest[21:]


def row_problem(line):
    if line in TITLES or line in (INET_HDR, UNIX_HDR):
        return None
    if CTRL.search(line):
        return "control byte"
    if line.startswith(b"unix "):
        r = unix_split(line)
        if isinstance(r, str):
            return r
        path = r[1]
        if path and path[:1] not in (b"/", b"@"):
            return "unix path"
        return None
    # A queue wider than its 6 columns pushes the rest right, as in
    # netstat (the kernel can report e.g. a huge Send-Q for a SYN_SENT
    # socket mid-handshake): measure the head, then shift.
    m = INET_HEAD.match(line)
    if not m or len(m.group(0)) < 20:
        return "proto/queue columns"
    k = len(m.group(0)) - 20
    if len(line) != 100 + k:
        return "length %d, want %d" % (len(line), 100 + k)
    if not ADDR.fullmatch(line[20 + k:43 + k]) or line[43 + k:44 + k] != b" ":
        return "local address column"
    if not ADDR.fullmatch(line[44 + k:67 + k]) or line[67 + k:68 + k] != b" ":
        return "foreign address column"
    if not STATE.fullmatch(line[68 + k:79 + k]) or line[79 + k:80 + k] != b" ":
        return "state column"
    if not prog_ok(line[80 + k:100 + k]):
        return "program column"
    return None


def rows(files):
    bad = 0
    for name in files:
        data = open(name, "rb").read()
        if not data.endswith(b"\n"):
            print("%s: no final newline" % name)
            bad += 1
            continue
        for i, line in enumerate(data[:-1].split(b"\n"), 1):
            why = row_problem(line)
            if why:
                bad += 1
                if bad <= 5:
                    print("%s:%d: %s: %r" % (name, i, why, line))
                break
    return 1 if bad else 0


def esc(b):
    return bytes(0x3f if c < 0x20 or c == 0x7f else c for c in b)


def hostile(ready, xap, tanp, tanpo, xjson, tjson):
    roles, paths, probs = [], [], []
    main = abstract = None
    for w in (l.split() for l in open(ready)):
        if w[0] == "role":
            roles.append((int(w[1]), int(w[2]), bytes.fromhex(w[3])))
        elif w[0] == "path":
            paths.append(bytes.fromhex(w[1]))
        elif w[0] == "abstract":
            abstract = bytes.fromhex(w[1])
        elif w[0] == "main":
            main = int(w[1])

    def want_prog(pid, name):
        return (b"%d/" % pid + esc(name))[:19].ljust(20)

    out = {}
    for tag, f in (("-xap", xap), ("-tanp", tanp), ("-tanpo", tanpo)):
        data = open(f, "rb").read()
        bad = sorted({c for c in data if (c < 0x20 and c != 10) or c == 0x7f})
        if bad:
            probs.append("%s: raw control bytes %s" % (tag, bad))
        out[tag] = data[:-1].split(b"\n") if data.endswith(b"\n") else []
        if not out[tag]:
            probs.append("%s: empty or unterminated" % tag)
    # -tanp: one row per role, PID/name cut to 19 and padded to 20.
    t = out["-tanp"]
    if len(t) != 2 + len(roles):
        probs.append("-tanp: %d lines for %d listeners" % (len(t), len(roles)))
    for pid, port, name in roles:
        mine = [l for l in t if l[20:43].rstrip() == b"127.0.0.1:%d" % port]
        if len(mine) != 1:
            probs.append("-tanp: %d rows for port %d" % (len(mine), port))
        elif len(mine[0]) != 100 or mine[0][80:] != want_prog(pid, name):
            probs.append("-tanp: port %d: %r" % (port, mine[0][80:]))
    # -tanpo: the timer column still starts right after 20 + 1 columns.
    for l in out["-tanpo"][2:]:
        if l[80:100] not in [want_prog(p, n) for p, _, n in roles] or \
                not l[100:].startswith(b" off ("):
            probs.append("-tanpo: shifted row %r" % l[80:])
    # -xap: one row per socket; program and path columns where they belong.
    x = out["-xap"]
    want = {b"@hostile-role-%d" % (port - 31000): want_prog(pid, name)
            for pid, port, name in roles}
    for p in paths:
        want[esc(p)] = want_prog(main, b"hostile")
    want[b"@" + esc(abstract)] = want_prog(main, b"hostile")
    if len(x) != 2 + len(want):
        probs.append("-xap: %d lines for %d sockets" % (len(x), len(want)))
    seen = set()
    for l in x[2:]:
        r = unix_split(l)
        if isinstance(r, str):
            probs.append("-xap: %s: %r" % (r, l))
        elif want.get(r[1]) != r[0]:
            probs.append("-xap: unexpected row %r" % l[50:])
        else:
            seen.add(r[1])
    for p in set(want) - seen:
        probs.append("-xap: no row for %r" % p)
    # JSON: valid UTF-8, parses, raw names decode back.
    docs = {}
    for tag, f in (("-xap --json", xjson), ("-tanp --json", tjson)):
        try:
            docs[tag] = json.loads(open(f, "rb").read().decode("utf-8"))
        except ValueError as e:
            probs.append("%s: invalid: %s" % (tag, e))
            docs[tag] = []

    def expect(raw, got, what):
        try:
            if got != raw.decode("utf-8"):
                probs.append("%s: %r, want %r" % (what, got, raw))
        except UnicodeDecodeError:
            tail = raw[raw.rindex(b"-"):].decode()
            if not isinstance(got, str) or not got.endswith(tail):
                probs.append("%s: %r" % (what, got))

    jpaths = [r.get("path") for r in docs["-xap --json"]]
    for p in paths:
        cand = [j for j in jpaths if isinstance(j, str) and
                j.endswith(p[p.rindex(b"/"):].decode("utf-8", "replace"))]
        expect(p, cand[0] if len(cand) == 1 else cand, "json path")
    expect(b"@" + abstract, next((j for j in jpaths if j and
           j.startswith("@hostile\x01")), None), "json abstract path")
    for pid, port, name in roles:
        r = [r for r in docs["-tanp --json"]
             if r.get("local_port_num") == port]
        if len(r) != 1 or r[0].get("pid") != pid:
            probs.append("json: no record for port %d" % port)
        else:
            expect(name, r[0].get("program_name"), "json port %d" % port)
    for p in probs[:8]:
        print(p)
    return 1 if probs else 0


if sys.argv[1] == "rows":
    sys.exit(rows(sys.argv[2:]))
sys.exit(hostile(*sys.argv[2:8]))
PY
}

# ---- 1. churn ----------------------------------------------------------

# churn_runs ARGS: CHURN_RUNS runs of nlnetstat ARGS while the churn runs
# (fewer if CHURN_SECS pass first); one PASS/FAIL line.
churn_runs() {
	local args=$1 i rc nrc=0 nerr=0 d="$T_TMP/runs${1// /}" t0
	mkdir -p "$d"
	t0=$(ms)
	for ((i = 0; i < CHURN_RUNS; i++)); do
		(($(ms) - t0 < CHURN_SECS * 1000)) || break
		# shellcheck disable=SC2086
		"$NLNETSTAT" $args >"$d/$i.out" 2>"$d/$i.err"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			((nrc++))
			[ "$nrc" -eq 1 ] && echo "first bad exit: run $i: $rc" >"$d/rc"
		fi
		[ -s "$d/$i.err" ] && ((nerr++))
	done
	local name="robustness: churn: $CHURN_RUNS x $args" why=()
	((i < CHURN_RUNS)) && name="robustness: churn: $args ($i runs in ${CHURN_SECS} s)"
	if [ "$nrc" -gt 0 ]; then why+=("$nrc non-zero exits ($(cat "$d/rc"))"); fi
	if [ "$nerr" -gt 0 ]; then
		why+=("$nerr runs wrote to stderr: $(cat "$d"/*.err | sort | uniq -c | sort -rn | head -3 | tr -s ' \n' ' ')")
	fi
	if ! python3 "$T_TMP/check.py" rows "$d"/*.out >"$d/check" 2>&1; then
		why+=("malformed rows: $(head -3 "$d/check" | cut -c1-300 | tr '\n' ';')")
	fi
	if ((i < 10)); then
		why+=("only $i runs in ${CHURN_SECS} s")
	fi
	if [ ${#why[@]} -eq 0 ]; then
		pass "$name"
	else
		fail "$name" "$(printf '%s; ' "${why[@]}")"
	fi
}

group_churn() {
	local t0 secs conns kids
	# shellcheck disable=SC2119
	if ! sockd_start; then
		fail "robustness: churn: setup" "$NETNS_ERROR"
		return
	fi
	write_checker
	# The checker must accept what netstat prints in the same namespace.
	"$NETSTAT" -anp >"$T_TMP/ref.anp" 2>/dev/null
	if ! python3 "$T_TMP/check.py" rows "$T_TMP/ref.anp" >"$T_TMP/ref.chk"; then
		fail "robustness: churn: row checker" "rejects netstat: $(head -2 "$T_TMP/ref.chk")"
	fi
	t0=$(ms)
	"$CHURN" -t 75 -r 3000 -w 2 -k 16 -R "$T_TMP/churn.ready" \
		-s "$T_TMP/churn.stats" 2>"$T_TMP/churn.err" &
	local cpid=$! i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/churn.ready" ] && break
		sleep 0.1
	done
	if [ ! -s "$T_TMP/churn.ready" ]; then
		fail "robustness: churn: setup" "churn not ready: $(head -c 300 "$T_TMP/churn.err")"
		kill "$cpid" 2>/dev/null
		sockd_stop
		return
	fi
	churn_runs -tanp
	churn_runs -anp
	churn_runs -xap
	kill -TERM "$cpid" 2>/dev/null
	wait "$cpid"
	secs=$((($(ms) - t0) / 1000 + 1))
	read -r _ conns _ kids _ <"$T_TMP/churn.stats" 2>/dev/null
	# The load is real: thousands of connections per second, processes
	# coming and going, and their names showing up in the listings.
	local seen
	seen=$(cat "$T_TMP"/runs-tanp/*.out "$T_TMP"/runs-xap/*.out |
		grep -Eo '[0-9]+/churn-(path-)?kid' | sort -u | wc -l)
	if [ "${conns:-0}" -ge $((1000 * secs)) ] && [ "${kids:-0}" -ge $((20 * secs)) ] &&
		[ "$seen" -ge 5 ]; then
		pass "robustness: churn: load (${conns} connections, ${kids} processes in ${secs} s)"
	else
		fail "robustness: churn: load" "${conns:-?} connections, ${kids:-?} processes in ${secs} s, $seen kid owners seen"
	fi
	sockd_stop
}

# ---- 2. closed pipes ---------------------------------------------------

# pipe_run TAG BIN ENVOPT ARGS...: BIN ARGS | head -1, with SIGPIPE set by
# ENVOPT (env --default-signal=PIPE or --ignore-signal=PIPE); killed after
# 8 s.  Leaves TAG.out, TAG.err, TAG.rc and TAG.ms (elapsed).
pipe_run() {
	local tag=$1 bin=$2 envopt=$3 t0
	shift 3
	t0=$(ms)
	(
		# shellcheck disable=SC2016
		timeout -s KILL 8 env "$envopt" bash -c 'exec -a netstat "$0" "$@"' \
			"$bin" "$@" 2>"$T_TMP/$tag.err"
		echo $? >"$T_TMP/$tag.rc"
	) | head -1 >"$T_TMP/$tag.out"
	echo $(($(ms) - t0)) >"$T_TMP/$tag.ms"
}

# pipe_case NAME ARGS...: nlnetstat ARGS | head -1 behaves as netstat's:
# same first line, same exit status (killed by SIGPIPE), nothing on stderr,
# ended within 5 s.  Retried once (a pass can race with head's exit).
pipe_case() {
	local name=$1 _ why
	shift
	for _ in 1 2; do
		pipe_run pref "$NETSTAT" --default-signal=PIPE "$@"
		pipe_run pgot "$NLNETSTAT" --default-signal=PIPE "$@"
		why=
		if [ -s "$T_TMP/pgot.err" ]; then
			why="stderr: $(head -c 200 "$T_TMP/pgot.err")"
		elif ! cmp -s "$T_TMP/pref.rc" "$T_TMP/pgot.rc"; then
			why="exit $(cat "$T_TMP/pgot.rc"), netstat $(cat "$T_TMP/pref.rc")"
		elif ! cmp -s "$T_TMP/pref.out" "$T_TMP/pgot.out"; then
			why="first line differs: $(cat "$T_TMP/pgot.out")"
		elif [ "$(cat "$T_TMP/pgot.ms")" -gt 5000 ]; then
			why="took $(cat "$T_TMP/pgot.ms") ms"
		fi
		[ -z "$why" ] && break
	done
	if [ -n "$why" ]; then
		fail "robustness: pipes: $name" "$why"
	elif [ "$(cat "$T_TMP/pref.rc")" != 141 ]; then
		fail "robustness: pipes: $name" "netstat was not ended by SIGPIPE (exit $(cat "$T_TMP/pref.rc")): the pipe closed too late to test anything"
	else
		pass "robustness: pipes: $name"
	fi
}

group_pipes() {
	# shellcheck disable=SC2119
	if ! sockd_start; then
		fail "robustness: pipes: setup" "$NETNS_ERROR"
		return
	fi
	# Small output: the write after the first one-second pause fails.
	pipe_case "-anc | head -1 ends silently" -anc
	# 3000 more rows: far more than a pipe holds, so the first pass fails.
	"$CHURN" -w 0 -k 0 -t 60 -H 127.0.0.1:7100:1500 -R "$T_TMP/hold.ready" \
		2>"$T_TMP/hold.err" &
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/hold.ready" ] && break
		sleep 0.1
	done
	if [ ! -s "$T_TMP/hold.ready" ]; then
		fail "robustness: pipes: setup" "churn -H not ready: $(head -c 300 "$T_TMP/hold.err")"
		sockd_stop
		return
	fi
	pipe_case "-an | head -1 (large output)" -an
	pipe_case "-anp | head -1 (large output)" -anp
	pipe_case "-anc | head -1 (large output)" -anc
	# SIGPIPE ignored: netstat would loop forever on EPIPE; nlnetstat
	# reports the write error, so -c still ends, without a crash.
	pipe_run pign "$NLNETSTAT" --ignore-signal=PIPE -anc
	local rc ms
	rc=$(cat "$T_TMP/pign.rc")
	ms=$(cat "$T_TMP/pign.ms")
	if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && [ "$ms" -le 5000 ]; then
		pass "robustness: pipes: SIGPIPE ignored: -anc | head -1 ends"
	else
		fail "robustness: pipes: SIGPIPE ignored: -anc | head -1 ends" \
			"exit $rc after $ms ms ($(head -c 200 "$T_TMP/pign.err"))"
	fi
	kill %% 2>/dev/null
	sockd_stop
}

# ---- 3. full disk, closed stdout --------------------------------------

# out_err_case NAME REDIR EXACT ARGS...: nlnetstat ARGS with stdout
# redirected (full: /dev/full, closed: >&-) exits 1..127 within 5 s with a
# message on stderr; EXACT (when set) is that whole message.
out_err_case() {
	local name=$1 redir=$2 exact=$3 rc
	shift 3
	if [ "$redir" = full ]; then
		timeout -s KILL 5 "$NLNETSTAT" "$@" >/dev/full 2>"$T_TMP/o.err"
	else
		timeout -s KILL 5 "$NLNETSTAT" "$@" >&- 2>"$T_TMP/o.err"
	fi
	rc=$?
	if [ "$rc" -eq 137 ]; then
		echo "$*: still running after 5 s"
	elif [ "$rc" -eq 0 ] || [ "$rc" -ge 124 ]; then
		echo "$*: exit $rc, message '$(head -c 120 "$T_TMP/o.err" | tr '\n' ' ')'"
	elif [ ! -s "$T_TMP/o.err" ]; then
		echo "$*: exit $rc without a message"
	elif [ -n "$exact" ] && [ "$(cat "$T_TMP/o.err")" != "$exact" ]; then
		echo "$*: message '$(head -c 200 "$T_TMP/o.err" | tr '\n' ' ')'"
	fi
}

# out_err_group NAME REDIR EXACT ARGSTRING...: one line for several commands.
out_err_group() {
	local name=$1 redir=$2 exact=$3 a
	shift 3
	local -a argv bad=()
	for a; do
		read -r -a argv <<<"$a"
		local r
		r=$(out_err_case "$name" "$redir" "$exact" "${argv[@]}")
		[ -n "$r" ] && bad+=("$r")
	done
	if [ ${#bad[@]} -eq 0 ]; then
		pass "robustness: $name"
	else
		local IFS=";"
		fail "robustness: $name" "${bad[*]}"
	fi
}

group_full() {
	local msg="nlnetstat: write error: No space left on device"
	# shellcheck disable=SC2119
	if ! sockd_start; then
		fail "robustness: full: setup" "$NETNS_ERROR"
		return
	fi
	out_err_group "full disk: -an >/dev/full" full "$msg" -an
	out_err_group "full disk: -anc >/dev/full ends" full "$msg" -anc
	out_err_group "full disk: other modes" full "$msg" \
		-xa -tanpe "-an --json" --summary -s -r -i -g -ieac
	out_err_group "full disk: -V >/dev/full" full "$msg" -V
	out_err_group "closed stdout: -an" closed "" -an
	out_err_group "closed stdout: -anc ends" closed "" -anc
	out_err_group "closed stdout: other modes" closed "" \
		-tan -xa "-an --json" --summary -s -r -i -g
	sockd_stop
}

# ---- 4. hostile names --------------------------------------------------

group_hostile() {
	local d="$T_TMP/h" i
	mkdir -p "$d"
	write_checker
	"$HOSTILE" -d "$d" -r "$T_TMP/h.ready" 2>"$T_TMP/h.err" &
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/h.ready" ] && break
		sleep 0.1
	done
	if [ ! -s "$T_TMP/h.ready" ]; then
		fail "robustness: hostile: setup" "$(head -c 300 "$T_TMP/h.err")"
		return
	fi
	local -a errs=()
	"$NLNETSTAT" -xap >"$T_TMP/xap" 2>>"$T_TMP/h.nlerr" || errs+=("-xap exit $?")
	"$NLNETSTAT" -tanp >"$T_TMP/tanp" 2>>"$T_TMP/h.nlerr" || errs+=("-tanp exit $?")
	"$NLNETSTAT" -tanpo >"$T_TMP/tanpo" 2>>"$T_TMP/h.nlerr" || errs+=("-tanpo exit $?")
	"$NLNETSTAT" -xap --json >"$T_TMP/xjson" 2>>"$T_TMP/h.nlerr" || errs+=("-xap --json exit $?")
	"$NLNETSTAT" -tanp --json >"$T_TMP/tjson" 2>>"$T_TMP/h.nlerr" || errs+=("-tanp --json exit $?")
	[ -s "$T_TMP/h.nlerr" ] && errs+=("stderr: $(head -c 200 "$T_TMP/h.nlerr")")
	if [ ${#errs[@]} -eq 0 ]; then
		pass "robustness: hostile: listings exit 0 silently"
	else
		fail "robustness: hostile: listings exit 0 silently" "${errs[*]}"
	fi
	if python3 "$T_TMP/check.py" hostile "$T_TMP/h.ready" "$T_TMP/xap" \
		"$T_TMP/tanp" "$T_TMP/tanpo" "$T_TMP/xjson" "$T_TMP/tjson" \
		>"$T_TMP/h.chk" 2>&1; then
		pass "robustness: hostile: escaped names, one line per socket, columns in place, JSON round trip"
	else
		fail "robustness: hostile: escaped names, one line per socket, columns in place, JSON round trip" \
			"$(head -8 "$T_TMP/h.chk" | cut -c1-300 | tr '\n' ';' | cat -v)"
	fi
	# The same checks must catch netstat's raw bytes (the test can fail).
	"$NETSTAT" -xap >"$T_TMP/xap" 2>/dev/null
	"$NETSTAT" -tanp >"$T_TMP/tanp" 2>/dev/null
	"$NETSTAT" -tanpo >"$T_TMP/tanpo" 2>/dev/null
	if python3 "$T_TMP/check.py" hostile "$T_TMP/h.ready" "$T_TMP/xap" \
		"$T_TMP/tanp" "$T_TMP/tanpo" "$T_TMP/xjson" "$T_TMP/tjson" \
		>/dev/null 2>&1; then
		fail "robustness: hostile: checks reject netstat's raw output" "they accept it"
	else
		pass "robustness: hostile: checks reject netstat's raw output"
	fi
	kill %% 2>/dev/null
	wait
}

# ---- 5. file capabilities ---------------------------------------------

# privs_run TAG BIN ARGS...: BIN ARGS as nobody; captures TAG.out/err/rc.
privs_run() {
	local tag=$1 bin=$2
	shift 2
	# shellcheck disable=SC2086
	$NOBODY_PREFIX "$bin" "$@" >"$T_TMP/$tag.out" 2>"$T_TMP/$tag.err"
	echo $? >"$T_TMP/$tag.rc"
}

# same_run A B: outputs, messages and exit statuses equal.
same_run() {
	cmp -s "$T_TMP/$1.out" "$T_TMP/$2.out" && cmp -s "$T_TMP/$1.err" "$T_TMP/$2.err" &&
		cmp -s "$T_TMP/$1.rc" "$T_TMP/$2.rc"
}

# privs_env_case NAME VAR=VALUE: the capable binary ignores VAR (its
# output equals the run without it); the plain one reacts to it.
privs_env_case() {
	local name=$1 setting=$2 _ ok=''
	for _ in 1 2 3; do
		privs_run capbase "$CAPBIN" -tanp
		privs_run capenv env "$setting" "$CAPBIN" -tanp
		if same_run capbase capenv; then
			ok=1
			break
		fi
		sleep 0.2
	done
	if [ -z "$ok" ]; then
		fail "robustness: privs: $name" "output changed with $setting"
		show_diff "$T_TMP/capbase.out" "$T_TMP/capenv.out"
		show_diff "$T_TMP/capbase.err" "$T_TMP/capenv.err"
	else
		pass "robustness: privs: $name"
	fi
}

group_privs() {
	local why
	chmod 755 "$T_TMP"
	CAPBIN="$T_TMP/cap/nlnetstat"
	PLAINBIN="$T_TMP/plain/nlnetstat"
	mkdir -p "$T_TMP/cap" "$T_TMP/plain"
	chmod 755 "$T_TMP/cap" "$T_TMP/plain"
	cp "$NLNETSTAT" "$CAPBIN" && cp "$NLNETSTAT" "$PLAINBIN"
	chmod 755 "$CAPBIN" "$PLAINBIN"
	if ! command -v setcap >/dev/null || ! command -v getcap >/dev/null; then
		why="setcap/getcap not installed (libcap2-bin)"
	elif ! setcap cap_sys_ptrace,cap_dac_read_search+ep "$CAPBIN" 2>"$T_TMP/setcap.err"; then
		why="setcap failed on $(findmnt -no FSTYPE -T "$CAPBIN" 2>/dev/null) ($(head -c 200 "$T_TMP/setcap.err"))"
	elif ! getcap "$CAPBIN" | grep -q 'cap_dac_read_search,cap_sys_ptrace=ep'; then
		why="file capabilities do not stick here: $(getcap "$CAPBIN")"
	elif findmnt -no OPTIONS -T "$CAPBIN" | grep -qw nosuid; then
		why="the temporary directory is on a nosuid mount: file capabilities are not honoured"
	elif grep -q '^NoNewPrivs:[[:space:]]*1' /proc/self/status; then
		why="no_new_privs is set: file capabilities are not honoured"
	fi
	if [ -n "${why:-}" ]; then
		for c in "nobody sees every owner" "NLNETSTAT_* ignored" "-c drops CapEff" "no caps: owners hidden"; do
			skip "robustness: privs: $c" "$why"
		done
		return
	fi
	# shellcheck disable=SC2119
	if ! sockd_start; then
		fail "robustness: privs: setup" "$NETNS_ERROR"
		return
	fi
	local row="0\\.0\\.0\\.0:80 +0\\.0\\.0\\.0:\\* +LISTEN +$SOCKD_PID/sockd "
	# (a) every owner, no notice: what root sees.
	local ok='' _
	for _ in 1 2 3; do
		privs_run cap "$CAPBIN" -tanp
		"$PLAINBIN" -tanp >"$T_TMP/root.out" 2>"$T_TMP/root.err"
		if grep -Eq "$row" "$T_TMP/cap.out" && [ ! -s "$T_TMP/cap.err" ] &&
			[ "$(cat "$T_TMP/cap.rc")" = 0 ] && cmp -s "$T_TMP/cap.out" "$T_TMP/root.out"; then
			ok=1
			break
		fi
		sleep 0.2
	done
	if [ -n "$ok" ]; then
		pass "robustness: privs: nobody sees every owner"
	else
		fail "robustness: privs: nobody sees every owner" \
			"not what root sees (want '$SOCKD_PID/sockd' on the port 80 listener): $(head -c 200 "$T_TMP/cap.err")"
		show_diff "$T_TMP/root.out" "$T_TMP/cap.out"
	fi
	# (d) the plain copy: "-" and the notice (the test can fail).
	privs_run plain "$PLAINBIN" -tanp
	if grep -Eq "0\\.0\\.0\\.0:80 +0\\.0\\.0\\.0:\\* +LISTEN +- +\$" "$T_TMP/plain.out" &&
		grep -q '^(Not all processes could be identified' "$T_TMP/plain.err"; then
		pass "robustness: privs: no caps: owners hidden"
	else
		fail "robustness: privs: no caps: owners hidden" "plain copy as nobody: $(grep ':80 ' "$T_TMP/plain.out" | head -1)"
	fi
	# (b) the test seams.
	local empty="$T_TMP/empty" rec="$T_TMP/rec" rec2="$T_TMP/rec2"
	mkdir -p "$empty" "$rec" "$rec2"
	chmod 777 "$rec" "$rec2"
	privs_run plainenv env "NLNETSTAT_PROC_ROOT=$empty" "$PLAINBIN" -tanp
	privs_run plain "$PLAINBIN" -tanp
	if same_run plain plainenv; then
		fail "robustness: privs: NLNETSTAT_* ignored" "NLNETSTAT_PROC_ROOT has no effect even without caps: the case tests nothing"
	else
		privs_env_case "NLNETSTAT_PROC_ROOT ignored with caps" "NLNETSTAT_PROC_ROOT=$empty"
	fi
	privs_env_case "NLNETSTAT_SOURCE=bogus ignored with caps" "NLNETSTAT_SOURCE=bogus"
	privs_env_case "NLNETSTAT_DIAG_REPLAY ignored with caps" "NLNETSTAT_DIAG_REPLAY=$empty"
	privs_run plainrec env "NLNETSTAT_DIAG_RECORD=$rec2" "$PLAINBIN" -tanp
	privs_run caprec env "NLNETSTAT_DIAG_RECORD=$rec" "$CAPBIN" -tanp
	if [ -z "$(ls -A "$rec2")" ]; then
		fail "robustness: privs: NLNETSTAT_DIAG_RECORD ignored with caps" "the plain copy records nothing either: the case tests nothing"
	elif [ -n "$(ls -A "$rec")" ]; then
		fail "robustness: privs: NLNETSTAT_DIAG_RECORD ignored with caps" "files written: $(find "$rec" -mindepth 1 -printf '%f ')"
	else
		pass "robustness: privs: NLNETSTAT_DIAG_RECORD ignored with caps"
	fi
	# (c) -c: effective set empty between passes, permitted set kept.
	$NOBODY_PREFIX "$CAPBIN" -tanpc >"$T_TMP/c.out" 2>"$T_TMP/c.err" &
	local pid=$! i n=0 last=0 size eff prm
	local -a bad=()
	for ((i = 0; i < 60 && n < 3; i++)); do
		sleep 0.1
		size=$(stat -c %s "$T_TMP/c.out")
		[ "$size" -gt "$last" ] || continue
		# A pass was just written: the next scan is a second away.
		last=$size
		sleep 0.2
		eff=$(awk '/^CapEff:/ {print $2}' "/proc/$pid/status")
		prm=$(awk '/^CapPrm:/ {print $2}' "/proc/$pid/status")
		if [ "$eff" != 0000000000000000 ]; then
			sleep 0.05
			eff=$(awk '/^CapEff:/ {print $2}' "/proc/$pid/status")
		fi
		[ "$eff" = 0000000000000000 ] || bad+=("CapEff $eff after pass $((n + 1))")
		[ "$prm" = 0000000000080004 ] || bad+=("CapPrm $prm after pass $((n + 1))")
		((n++))
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	local owners
	owners=$(grep -Ec "$row" "$T_TMP/c.out")
	if [ "$n" -lt 3 ]; then
		fail "robustness: privs: -c drops CapEff" "saw $n passes: $(head -c 200 "$T_TMP/c.err")"
	elif [ ${#bad[@]} -gt 0 ]; then
		fail "robustness: privs: -c drops CapEff" "${bad[*]}"
	elif [ "$owners" -lt 3 ]; then
		fail "robustness: privs: -c drops CapEff" "owners shown in $owners of 3+ passes"
	else
		pass "robustness: privs: -c drops CapEff"
	fi
	sockd_stop
}

# ---- 6. no resolver with -n -------------------------------------------

# trace TAG BIN ARGS...: strace of the calls a resolver makes.
trace() {
	local tag=$1
	shift
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o "$T_TMP/$tag.st" \
		-e trace=open,openat,connect,socket,sendto,sendmsg,sendmmsg \
		"$@" >"$T_TMP/$tag.out" 2>"$T_TMP/$tag.err"
}

# resolver_calls FILE: the lines of a trace that reach a name service.
resolver_calls() {
	grep -E "$NAME_DBS|nscd|htons\\(53\\)" "$1"
}

group_resolver() {
	local i
	if ! command -v strace >/dev/null; then
		skip "robustness: resolver" "strace is not installed"
		return
	fi
	# 10 connections each to an address in the hosts file and to one
	# that no name service knows.
	"$CHURN" -w 0 -k 0 -t 60 -H 127.0.0.2:7002:10 -H 127.0.0.9:7009:10 \
		-R "$T_TMP/hold.ready" 2>"$T_TMP/hold.err" &
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/hold.ready" ] && break
		sleep 0.1
	done
	if [ ! -s "$T_TMP/hold.ready" ]; then
		fail "robustness: resolver: setup" "churn -H not ready: $(head -c 300 "$T_TMP/hold.err")"
		return
	fi
	for args in -tanp -anep; do
		trace n "$NLNETSTAT" "$args"
		if ! grep -q 'ESTABLISHED' "$T_TMP/n.out"; then
			fail "robustness: resolver: $args uses no name service" "no output: $(head -c 200 "$T_TMP/n.err")"
		elif resolver_calls "$T_TMP/n.st" >"$T_TMP/n.calls"; then
			fail "robustness: resolver: $args uses no name service" \
				"$(cut -d' ' -f2- "$T_TMP/n.calls" | head -3 | cut -c1-120 | tr '\n' ';')"
		else
			pass "robustness: resolver: $args uses no name service"
		fi
	done
	trace r "$NLNETSTAT" -tap
	if grep -q '"/etc/hosts"' "$T_TMP/r.st"; then
		pass "robustness: resolver: -tap reads /etc/hosts"
	else
		fail "robustness: resolver: -tap reads /etc/hosts" "never opened: the -n cases prove nothing"
	fi
	# 40 rows, three addresses: one lookup per address, as netstat does.
	trace nt "$NETSTAT" -t
	trace lt "$NLNETSTAT" -t
	local want got wdns gdns
	want=$(grep -c '"/etc/hosts"' "$T_TMP/nt.st")
	got=$(grep -c '"/etc/hosts"' "$T_TMP/lt.st")
	wdns=$(grep -c 'htons(53)' "$T_TMP/nt.st")
	gdns=$(grep -c 'htons(53)' "$T_TMP/lt.st")
	if [ "$got" -ge 1 ] && [ "$got" -le 3 ] && [ "$got" -le "$want" ] &&
		[ "$gdns" -le "$wdns" ] && [ "$(wc -l <"$T_TMP/lt.out")" -ge 42 ]; then
		pass "robustness: resolver: one lookup per address ($got hosts reads, $gdns DNS tries for 40 rows)"
	else
		fail "robustness: resolver: one lookup per address" \
			"$got hosts reads and $gdns DNS tries (netstat: $want and $wdns) for $(($(wc -l <"$T_TMP/lt.out") - 2)) rows"
	fi
	kill %% 2>/dev/null
}

# ---- 7. odd values -----------------------------------------------------

group_odd() {
	local i
	# A namespace without a single UNIX socket.
	run_capture got "$NLNETSTAT" -x
	if [ "$(cat "$T_TMP/got.rc")" = 0 ] && [ ! -s "$T_TMP/got.err" ] &&
		[ "$(wc -l <"$T_TMP/got.out")" = 2 ] && [ "$(grep -c '^Proto ' "$T_TMP/got.out")" = 1 ]; then
		pass "robustness: odd: -x without UNIX sockets prints the headers only"
	else
		fail "robustness: odd: -x without UNIX sockets prints the headers only" \
			"exit $(cat "$T_TMP/got.rc"), $(wc -l <"$T_TMP/got.out") lines"
	fi
	for a in -x -xa -xl -xap -an -tan6 "-A unix"; do
		# shellcheck disable=SC2086
		compare "robustness: odd: empty namespace: $a" $a
	done
	# shellcheck disable=SC2119
	if ! sockd_start; then
		fail "robustness: odd: setup" "$NETNS_ERROR"
		return
	fi
	"$HOSTILE" -O -r "$T_TMP/odd.ready" 2>"$T_TMP/odd.err" &
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/odd.ready" ] && break
		sleep 0.1
	done
	if [ ! -s "$T_TMP/odd.ready" ]; then
		fail "robustness: odd: setup" "$(head -c 300 "$T_TMP/odd.err")"
		sockd_stop
		return
	fi
	run_capture pop "$NETSTAT" -anW
	expect_rows "robustness: odd: population" "$T_TMP/pop.out" \
		'^tcp +2 +0 0\.0\.0\.0:65535 +0\.0\.0\.0:\* +LISTEN' \
		'^tcp +0 +0 127\.0\.0\.1:1 +127\.0\.0\.1:65535 +ESTABLISHED' \
		'^tcp6 +1 +0 :::65535 +:::\* +LISTEN' \
		'^udp +0 +0 127\.0\.0\.1:65533 +127\.0\.0\.1:\* +ESTABLISHED' \
		'^udp6 +0 +0 ::1:65533 +::1:\* +ESTABLISHED' \
		'^raw +0 +0 0\.0\.0\.0:255 ' \
		'^tcp +[0-9]{7,} +0 127\.0\.0\.1:65531 ' \
		'^tcp +0 +[0-9]{7,} 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:65531 '
	for a in -an -anW -tane -tae -uan -wan -an4 -an6 -a -anep; do
		compare "robustness: odd: ports 0/65535, huge queues, uid: $a" "$a"
	done
	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
		net.ipv6.conf.lo.disable_ipv6=1
	run_capture pop "$NETSTAT" -tan6
	expect_rows "robustness: odd: IPv6 disabled keeps tcp6 sockets" "$T_TMP/pop.out" \
		'^tcp6 +1 +0 :::65535 +:::\* +LISTEN' '^tcp6 .* ::1:5432 .*LISTEN'
	for a in -tan6 -an -an6 -uan6 -wan6 -ta6 -l6 "-A inet6 -e"; do
		# shellcheck disable=SC2086
		compare "robustness: odd: IPv6 disabled: $a" $a
	done
	kill %% 2>/dev/null
	sockd_stop
}

# ---- driver ------------------------------------------------------------

# inner GROUP: runs inside the fresh namespaces.
inner() {
	local g=$1
	cd / || exit 1
	if [ -n "${ROBUST_NLNETSTAT:-}" ]; then NLNETSTAT=$ROBUST_NLNETSTAT; fi
	if [ -n "${ROBUST_HELPERS:-}" ]; then
		SOCKD=$ROBUST_HELPERS/sockd
		CHURN=$ROBUST_HELPERS/churn
		HOSTILE=$ROBUST_HELPERS/hostile
	fi
	if ! netns_setup; then
		fail "robustness: $g: setup" "$NETNS_ERROR"
		return
	fi
	"group_$g"
}

main() {
	local why gl g lim rc
	if why=$(netns_unusable); then
		for gl in "${GROUPS_LIMITS[@]}"; do skip "robustness: ${gl%%:*}" "$why"; done
		return 0
	fi
	local h
	for h in "$SOCKD" "$CHURN" "$HOSTILE"; do
		if [ ! -x "$h" ]; then
			fail "robustness: setup" "helper $BUILD/helpers/$(basename "$h") not built (make helpers)"
			return 0
		fi
	done
	if ! command -v python3 >/dev/null; then
		for gl in "${GROUPS_LIMITS[@]}"; do skip "robustness: ${gl%%:*}" "needs python3"; done
		return 0
	fi
	# Private copies: others may rebuild ./nlnetstat while this runs.
	# ROBUST_NLNETSTAT=PATH tests another build (e.g. a mutated one).
	chmod 755 "$T_TMP"
	if [ -n "${ROBUST_NLNETSTAT:-}" ]; then NLNETSTAT=$ROBUST_NLNETSTAT; fi
	if ! cp "$NLNETSTAT" "$T_TMP/nlnetstat"; then
		fail "robustness: setup" "no $NLNETSTAT to test"
		return 0
	fi
	chmod 755 "$T_TMP/nlnetstat"
	mkdir -p "$T_TMP/helpers"
	cp "$SOCKD" "$CHURN" "$HOSTILE" "$T_TMP/helpers/"
	export ROBUST_NLNETSTAT="$T_TMP/nlnetstat" ROBUST_HELPERS="$T_TMP/helpers" TOP BUILD
	for gl in "${GROUPS_LIMITS[@]}"; do
		g=${gl%%:*}
		lim=${gl##*:}
		if [ -n "${ROBUST_GROUPS:-}" ] && [[ " $ROBUST_GROUPS " != *" $g "* ]]; then
			continue
		fi
		timeout -s KILL "$lim" unshare --kill-child -n -m -p -f --mount-proc \
			-- bash "$SELF" --inner "$g"
		rc=$?
		if [ "$rc" -eq 137 ]; then
			fail "robustness: $g" "group killed after $lim s"
		fi
	done
}

if [ "${1:-}" = --inner ]; then
	shift
	inner "$@"
else
	main
fi
