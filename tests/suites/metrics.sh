#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/metrics.sh - --metrics and --metrics-file: promtool and the
# OpenMetrics parser accept every variant (hostile program names too),
# every number equals what netstat's own rows count, a filled accept
# queue shows backlog+1, the file is replaced atomically (a failed write
# keeps the old one) and -c keeps memory flat; and a fleet of two network
# namespaces ("hosts"), each with its own node_exporter, linked by veth
# pairs to a third one where a real Prometheus server scrapes both; its
# answers are checked against netstat in each host.
set -u
# shellcheck source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck source=../netns/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../netns/common.sh"
SELF="$TOP/tests/suites/metrics.sh"
HOSTILE="$TOP/$BUILD/helpers/hostile"
NL="$NLNETSTAT"
# Debian's python3 carries python3-prometheus-client (the parsers).
PY=/usr/bin/python3

# write_tools: the python checks used below, into $T_TMP.
write_tools() {
	cat >"$T_TMP/mcheck.py" <<'PY'
"""Checks of --metrics output against netstat's rows (tests/suites/metrics.sh).

parse FILE [om]: parse with prometheus_client (Prometheus or OpenMetrics).
diff NETSTAT METRICS: every metrics number equals netstat's count.
programs NETSTAT_P METRICS: sockets per program equal netstat -p's.
names METRICS NAME...: these program label values round-trip.
queue NETSTAT METRICS PORT BACKLOG: listener queue = backlog + 1 = Recv-Q.
"""
import collections, re, sys

def families(path, om=False):
    text = open(path, encoding="utf-8").read()
    if om:
        from prometheus_client.openmetrics.parser import text_string_to_metric_families as p
        if not text.endswith("# EOF\n"):
            raise SystemExit("no # EOF at the end")
    else:
        from prometheus_client.parser import text_string_to_metric_families as p
    out = collections.defaultdict(list)
    for f in p(text):
        for s in f.samples:
            out[s.name].append((s.labels, s.value))
    return out

def rows(path):
    """(proto, recvq, sendq, laddr, lport, state, program) of netstat -W rows."""
    res = []
    for line in open(path, encoding="utf-8", errors="surrogateescape"):
        f = line.split()
        if not f or f[0] not in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6",
                                 "udpl", "udpl6"):
            continue
        addr, _, port = f[3].rpartition(":")
        rest = f[5:]
        state = ""
        if rest and not re.match(r"^(\d+/|-$)", rest[0]):
            state = rest.pop(0)
        elif f[0].startswith("tcp") and rest:
            state = rest.pop(0)
        prog = rest[0] if rest else None
        res.append((f[0], int(f[1]), int(f[2]), addr, port, state or "UNCONN", prog))
    return res

UNIX_RE = re.compile(r"^unix\s+\d+\s+\[[^\]]*\]\s+\S+\s+"
                     r"(LISTENING|CONNECTED|CONNECTING|DISCONNECTING|FREE|UNKNOWN)?\s*\d+")

def unix_states(path):
    c = collections.Counter()
    for line in open(path, encoding="utf-8", errors="surrogateescape"):
        m = UNIX_RE.match(line)
        if m:
            c[("unix", m.group(1) or "UNCONN")] += 1
    return c

def expect(got, want, what):
    got = {k: v for k, v in got.items() if v}
    want = {k: v for k, v in want.items() if v}
    if got != want:
        print("%s differ:" % what)
        for k in sorted(set(got) | set(want), key=str):
            if got.get(k, 0) != want.get(k, 0):
                print("  %s: metrics %s netstat %s" % (k, got.get(k, 0), want.get(k, 0)))
        return False
    return True

def diff(netstat, metrics):
    m = families(metrics)
    r = rows(netstat)
    ok = True
    want = collections.Counter((p, s) for p, _, _, _, _, s, _ in r)
    want.update(unix_states(netstat))
    got = {(l["protocol"], l["state"]): v for l, v in m["nlnetstat_sockets"]}
    ok &= expect(got, dict(want), "sockets per protocol and state")
    listen = {(p, port) for p, _, _, _, port, s, _ in r if s == "LISTEN"}
    wq = collections.Counter()
    for p, rq, _, a, port, s, _ in r:
        if s == "LISTEN":
            wq[(p, a, port)] += rq
    gq = collections.Counter()
    for l, v in m["nlnetstat_listen_accept_queue"]:
        gq[(l["protocol"], l["address"], l["port"])] += v
    ok &= expect(dict(gq), dict(wq), "accept queue per listener")
    wc, wr, ws = collections.Counter(), collections.Counter(), collections.Counter()
    for p, rq, sq, _, port, s, _ in r:
        if s != "LISTEN" and (p, port) in listen:
            wc[(p, port, s)] += 1
            wr[(p, port)] += rq
            ws[(p, port)] += sq
    gc = {(l["protocol"], l["port"], l["state"]): v
          for l, v in m["nlnetstat_port_connections"] if v}
    ok &= expect(gc, dict(wc), "connections per listening port and state")
    for fam, w in (("nlnetstat_port_receive_queue_bytes", wr),
                   ("nlnetstat_port_send_queue_bytes", ws)):
        g = {(l["protocol"], l["port"]): v for l, v in m[fam] if v}
        ok &= expect(g, dict(w), fam)
    ports = {(l["protocol"], l["port"]) for l, _ in m["nlnetstat_port_connections"]}
    ok &= expect({p: 1 for p in ports}, {p: 1 for p in listen}, "listening ports")
    return ok

def programs(netstat, metrics):
    m = families(metrics)
    want = collections.Counter()
    cut = set()
    for p, _, _, _, _, _, prog in rows(netstat):
        name = "-" if prog in (None, "-") else prog.split("/", 1)[1]
        if prog and len(prog) >= 19:
            cut.add(name)  # netstat keeps 19 bytes of "PID/name"
        want[(name, p)] += 1
    got = collections.Counter()
    for l, v in m["nlnetstat_program_sockets"]:
        name = l["program"]
        for n in cut:
            if name.startswith(n) and (name, l["protocol"]) not in want:
                name = n
        got[(name, l["protocol"])] += v
    return expect(dict(got), dict(want), "sockets per program")

def names(metrics, *want):
    got = set()
    for om in (False, True):
        fams = families(metrics + (".om" if om else ""), om)
        got |= {l.get("program") for l, _ in fams["nlnetstat_program_sockets"]}
    missing = [w for w in want if w.encode().decode("unicode_escape").encode("latin-1").decode("utf-8", "replace") not in got]
    if missing:
        print("missing program labels:", missing, "got:", sorted(g for g in got if g))
    return not missing

def queue(netstat, metrics, port, backlog):
    m = families(metrics)
    q = [v for l, v in m["nlnetstat_listen_accept_queue"] if l["port"] == port]
    b = [v for l, v in m["nlnetstat_listen_backlog"] if l["port"] == port]
    rq = [rq for p, rq, _, _, pt, s, _ in rows(netstat) if pt == port and s == "LISTEN"]
    want = int(backlog) + 1
    if q == [want] and b == [int(backlog)] and rq == [want]:
        return True
    print("queue %s backlog %s netstat Recv-Q %s, want %d/%s" % (q, b, rq, want, backlog))
    return False

def snmp(netstat_s, metrics):
    """Every -s value equals /proc's; three also equal netstat -s's text."""
    from prometheus_client.parser import text_string_to_metric_families as p
    got = {}
    for f in p(open(metrics).read()):
        sec, name = f.documentation.split(" ")[:2]
        got[(sec, name)] = f.samples[0].value
    want = {}
    for path in ("/proc/net/snmp", "/proc/net/netstat"):
        lines = open(path).read().splitlines()
        for names, values in zip(lines[::2], lines[1::2]):
            sec = names.split(":")[0]
            for n, v in zip(names.split()[1:], values.split()[1:]):
                want[(sec, n)] = float(v)
    try:  # "Name value" lines, when the kernel has SCTP
        for line in open("/proc/net/sctp/snmp"):
            f = line.split()
            if len(f) == 2:
                want[("Sctp", f[0])] = float(f[1])
    except OSError:
        pass
    ok = expect(got, want, "-s values and /proc/net/snmp, netstat")
    text = open(netstat_s).read()
    for key, pat in ((("Tcp", "ActiveOpens"), r"(\d+) active connection openings"),
                     (("Tcp", "PassiveOpens"), r"(\d+) passive connection openings"),
                     (("TcpExt", "ListenOverflows"),
                      r"(\d+) times the listen queue of a socket overflowed")):
        m = re.search(pat, text)
        if m is None or float(m.group(1)) != got.get(key):
            print("%s: metrics %s netstat -s %s" % (key, got.get(key), m and m.group(1)))
            ok = False
    return ok

if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "parse":
        families(args[0], len(args) > 1)
        ok = True
    else:
        ok = {"diff": diff, "programs": programs, "names": names,
              "queue": queue, "snmp": snmp}[cmd](*args)
    sys.exit(0 if ok else 1)
PY
	cat >"$T_TMP/fill.py" <<'PY'
# fill.py PORT BACKLOG CLIENTS READY: a listener that never accepts, and
# CLIENTS connections to it; READY is written once they were attempted.
import socket, sys, time
port, backlog, n, ready = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
l = socket.socket()
l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", port))
l.listen(backlog)
cs = []
for _ in range(n):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("127.0.0.1", port))
    cs.append(c)
    time.sleep(0.02)
time.sleep(0.5)
open(ready, "w").write("ok\n")
time.sleep(600)
PY
}

# check_metrics NAME FILE [om]: promtool and the python parser accept FILE.
# promtool reads the Prometheus format only: an OpenMetrics counter family
# (TYPE without _total) is left to the OpenMetrics parser.
check_metrics() {
	local name=$1 file=$2
	local -a om=()
	[ -n "${3:-}" ] && om=(om)
	: >"$T_TMP/promtool.out"
	# An empty file would pass both: there must be our families.
	if ! grep -q '^# TYPE nlnetstat_' "$file"; then
		fail "$name" "no nlnetstat family in the output: $(head -c 200 "$file")"
		return
	fi
	if { [ -n "${3:-}" ] && grep -q '^# TYPE [^ ]* counter$' "$file" ||
		promtool check metrics <"$file" >"$T_TMP/promtool.out" 2>&1; } &&
		! [ -s "$T_TMP/promtool.out" ] &&
		$PY "$T_TMP/mcheck.py" parse "$file" "${om[@]}" >"$T_TMP/parse.out" 2>&1; then
		pass "$name"
	else
		fail "$name" "$(head -c 400 "$T_TMP/promtool.out" "$T_TMP/parse.out" | tr '\n' ';')"
	fi
}

# ---- inside one private namespace with the sockd population ----------

promtool_cases() {
	local args i=0
	for args in "--metrics" "--metrics -p" "--metrics -tanp" "--metrics -l" \
		"--metrics -tuwxan" "--metrics --port 22,80 -p" \
		"--metrics=openmetrics" "--metrics=openmetrics -p" \
		"--metrics=prometheus -xa"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		"$NL" $args >"$T_TMP/v$i.prom" 2>"$T_TMP/v$i.err"
		local fmt=
		[[ $args == *openmetrics* ]] && fmt=om
		check_metrics "metrics: promtool accepts $args" "$T_TMP/v$i.prom" "$fmt"
	done
}

# metrics_vs_netstat NAME CHECK NLARGS NETSTATARGS: the check passes on
# one of three back-to-back runs (sockets may change between two runs).
metrics_vs_netstat() {
	local name=$1 check=$2 nlargs=$3 nsargs=$4 _
	for _ in 1 2 3; do
		# shellcheck disable=SC2086
		"$NETSTAT" $nsargs >"$T_TMP/ns.txt" 2>/dev/null
		# shellcheck disable=SC2086
		"$NL" $nlargs >"$T_TMP/nl.prom" 2>/dev/null
		if $PY "$T_TMP/mcheck.py" "$check" "$T_TMP/ns.txt" "$T_TMP/nl.prom" \
			>"$T_TMP/cmp.out" 2>&1; then
			pass "$name"
			return 0
		fi
		sleep 0.3
	done
	fail "$name" "$(head -c 600 "$T_TMP/cmp.out")"
}

differential_cases() {
	metrics_vs_netstat "metrics: -tuwxan numbers equal netstat -tuwxanW's rows" \
		diff "--metrics -tuwxan" "-tuwxanW"
	metrics_vs_netstat "metrics: -tan numbers equal netstat -tanW's rows" \
		diff "--metrics -tan" "-tanW"
	NLNETSTAT_SOURCE=proc metrics_vs_netstat \
		"metrics: /proc source: numbers equal netstat's rows" \
		diff "--metrics -tuwan" "-tuwanW"
	metrics_vs_netstat "metrics: -tanp sockets per program equal netstat -tanpW" \
		programs "--metrics -tanp" "-tanpW"
	metrics_vs_netstat "metrics: -uanp sockets per program equal netstat -uanpW" \
		programs "--metrics -uanp" "-uanpW"
}

# queue checks need two more arguments: wrap the generic runner.
queue_check() {
	$PY "$T_TMP/mcheck.py" queue "$1" "$2" 30400 4
}

hostile_cases() {
	local d="$T_TMP/h" i
	mkdir -p "$d"
	"$HOSTILE" -d "$d" -r "$T_TMP/h.ready" 2>"$T_TMP/h.err" &
	local hp=$!
	# Quote and backslash: names hostile does not use.
	(exec -a 'say"hi\there' "$PY" -c 'import socket,time
s=socket.socket(); s.bind(("127.0.0.1",30501)); s.listen(); time.sleep(600)') &
	local qp=$!
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/h.ready" ] && "$NETSTAT" -tln 2>/dev/null | grep -q ':30501 ' && break
		sleep 0.1
	done
	"$NL" --metrics -p >"$T_TMP/h.prom" 2>/dev/null
	"$NL" --metrics=openmetrics -p >"$T_TMP/h.prom.om" 2>/dev/null
	check_metrics "metrics: promtool accepts hostile program names" "$T_TMP/h.prom"
	check_metrics "metrics: OpenMetrics parser accepts hostile program names" \
		"$T_TMP/h.prom.om" om
	if $PY "$T_TMP/mcheck.py" names "$T_TMP/h.prom" 'say"hi\\there' 'a\nb' \
		'\xff\xfe-not-utf8' 'caf\xc3\xa9-\xe2\x98\x83-unicode' >"$T_TMP/n.out" 2>&1 &&
		[ "$(grep -c '' "$T_TMP/h.prom")" = "$(grep -c '^[#a-z]' "$T_TMP/h.prom")" ]; then
		pass "metrics: hostile names round-trip (quote, backslash, newline, invalid UTF-8 as U+FFFD)"
	else
		fail "metrics: hostile names round-trip" "$(head -c 400 "$T_TMP/n.out")"
	fi
	kill "$hp" "$qp" 2>/dev/null
	wait "$hp" "$qp" 2>/dev/null
}

netns_label_cases() {
	local a=nlx-metrics-a b=nlx-metrics-b
	# Our own /run/netns (this mount namespace only): --all-netns sees
	# just these two, and no name is left behind on the machine.
	mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns
	if ! ip netns add $a || ! ip netns add $b; then
		fail "metrics: netns setup" "ip netns add failed"
		return
	fi
	netns_listeners_start $a $b 600
	local pa=$NS_PID_A pb=$NS_PID_B
	"$NL" --netns $a --metrics -tan >"$T_TMP/na.prom" 2>&1
	"$NL" --all-netns --metrics -tan -p >"$T_TMP/all.prom" 2>&1
	"$NL" --all-netns --metrics=openmetrics -tan >"$T_TMP/all.om" 2>&1
	check_metrics "metrics: promtool accepts --netns" "$T_TMP/na.prom"
	check_metrics "metrics: promtool accepts --all-netns -p" "$T_TMP/all.prom"
	check_metrics "metrics: OpenMetrics parser accepts --all-netns" "$T_TMP/all.om" om
	if grep -q "^nlnetstat_listen_accept_queue{netns=\"$a\",protocol=\"tcp\",address=\"127.0.0.1\",port=\"4101\"} 0\$" "$T_TMP/na.prom" &&
		grep -q "netns=\"$a\".*port=\"4101\"" "$T_TMP/all.prom" &&
		grep -q "^nlnetstat_sockets{netns=\"$b\"" "$T_TMP/all.prom" &&
		! grep -q "netns=\"$b\".*port=\"4101\"" "$T_TMP/all.prom" &&
		[ "$(grep -c '^# TYPE nlnetstat_sockets ' "$T_TMP/all.prom")" = 1 ] &&
		[ "$(grep -c '^# EOF' "$T_TMP/all.om")" = 1 ]; then
		pass "metrics: --netns/--all-netns label every sample, one HELP/TYPE per family"
	else
		fail "metrics: --netns/--all-netns label every sample" \
			"$(head -c 400 "$T_TMP/all.prom" | tr '\n' ';')"
	fi
	kill "$pa" "$pb" 2>/dev/null
	wait "$pa" "$pb" 2>/dev/null
	ip netns del $a
	ip netns del $b
}

file_cases() {
	local f="$T_TMP/out/nlnetstat.prom" rc
	mkdir -p "$T_TMP/out"
	"$NL" --metrics-file "$f" -tan >"$T_TMP/f.stdout" 2>"$T_TMP/f.err"
	rc=$?
	if [ $rc = 0 ] && ! [ -s "$T_TMP/f.stdout" ] && ! [ -s "$T_TMP/f.err" ] &&
		[ "$(stat -c %a "$f")" = 644 ] &&
		[ "$(find "$T_TMP/out" -type f | wc -l)" = 1 ] &&
		grep -q '^nlnetstat_sockets{protocol="tcp",state="LISTEN"}' "$f"; then
		pass "metrics: --metrics-file writes the file (0644), nothing on stdout, no temporary left"
	else
		fail "metrics: --metrics-file writes the file" "rc $rc $(head -c 200 "$T_TMP/f.err")"
	fi
	# A write that fails (ENOSPC on a tiny tmpfs) keeps the old file.
	mkdir -p "$T_TMP/tiny"
	if mount -t tmpfs -o size=8k tmpfs "$T_TMP/tiny" 2>/dev/null; then
		echo "old" >"$T_TMP/tiny/m.prom"
		head -c 6000 /dev/zero >"$T_TMP/tiny/filler" 2>/dev/null
		"$NL" --metrics-file "$T_TMP/tiny/m.prom" -p >/dev/null 2>"$T_TMP/t.err"
		rc=$?
		if [ $rc = 1 ] && [ "$(cat "$T_TMP/tiny/m.prom")" = old ] &&
			grep -q "^nlnetstat: --metrics-file $T_TMP/tiny/m.prom: No space left on device\$" "$T_TMP/t.err" &&
			[ "$(find "$T_TMP/tiny" -name '.m.prom.*' | wc -l)" = 0 ]; then
			pass "metrics: a failed write is reported (exit 1), the old file stays, no temporary left"
		else
			fail "metrics: a failed write keeps the old file" "rc $rc $(head -c 200 "$T_TMP/t.err")"
		fi
		umount "$T_TMP/tiny"
	else
		skip "metrics: a failed write keeps the old file" "cannot mount a tmpfs"
	fi
	refused "metrics: a missing directory is reported, exit 1" 1 \
		'No such file or directory' --metrics-file "$T_TMP/no/such/dir/m.prom"
}

# -c with --metrics-file: every refresh replaces the file whole (a reader
# never sees a cut one), and the process' memory stays flat.
continuous_file_case() {
	local f="$T_TMP/out/c.prom" p rss1 rss2 i bad=0 reads=0 m1 m2
	NLNETSTAT_INTERVAL_MS=1 "$NL" --metrics=openmetrics -c -p --metrics-file "$f" \
		2>"$T_TMP/c.err" &
	p=$!
	for ((i = 0; i < 50; i++)); do
		[ -s "$f" ] && break
		sleep 0.1
	done
	sleep 1
	rss1=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status")
	m1=$(stat -c %Y.%y "$f")
	for ((i = 0; i < 300; i++)); do
		tail -c 6 "$f" | grep -q '^# EOF$' || bad=$((bad + 1))
		reads=$((reads + 1))
	done
	sleep 4
	rss2=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status")
	m2=$(stat -c %Y.%y "$f")
	kill "$p"
	wait "$p" 2>/dev/null
	if [ "$bad" = 0 ] && [ "$m1" != "$m2" ] &&
		[ "$(find "$T_TMP/out" -name '.c.prom.*' | wc -l)" = 0 ]; then
		pass "metrics: -c rewrites the file, $reads reads all saw a whole exposition, SIGTERM leaves no temporary"
	else
		fail "metrics: -c rewrites the file whole" "$bad of $reads cut, mtime $m1 -> $m2"
	fi
	if [ "$BUILD" = build-san ]; then
		skip "metrics: -c RSS flat" "a sanitizer build keeps freed memory resident"
	elif [ -n "$rss1" ] && [ -n "$rss2" ] && [ "$((rss2 - rss1))" -le 64 ]; then
		pass "metrics: -c --metrics-file RSS flat (${rss1} -> ${rss2} KiB)"
	else
		fail "metrics: -c --metrics-file RSS flat" "VmRSS $rss1 -> $rss2 KiB"
	fi
}

# refused NAME RC PATTERN ARGS...: nlnetstat ARGS exits RC, prints nothing
# on stdout and a stderr line matching PATTERN (grep).
refused() {
	local name=$1 want=$2 pattern=$3 rc
	shift 3
	"$NL" "$@" >"$T_TMP/o.out" 2>"$T_TMP/o.err"
	rc=$?
	if [ "$rc" = "$want" ] && grep -q -- "$pattern" "$T_TMP/o.err" &&
		! [ -s "$T_TMP/o.out" ]; then
		pass "$name"
	else
		fail "$name" "rc $rc $(head -c 200 "$T_TMP/o.err")"
	fi
}

option_cases() {
	refused "metrics: --metrics=bogus is refused (exit 3)" 3 \
		"^nlnetstat: --metrics: unknown format \`bogus'.\$" --metrics=bogus
	refused "metrics: --metrics with -r is refused (exit 3)" 3 \
		'only the socket listing and -s' --metrics -r
	refused "metrics: --metrics-file without a path is refused (exit 3)" 3 \
		"option '--metrics-file' requires an argument" --metrics-file
}

inner() {
	if ! netns_setup || ! sockd_start; then
		fail "metrics: namespace setup" "$NETNS_ERROR"
		return
	fi
	write_tools
	option_cases
	promtool_cases
	differential_cases
	hostile_cases
	fill_queue_case
	kill "$FILL_PID" 2>/dev/null
	stats_cases
	fixture_series_cases
	file_cases
	continuous_file_case
	netns_label_cases
	kill "$FILL_PID" 2>/dev/null
	sockd_stop
}

# -s --metrics: promtool on each variant; every value equals /proc's and
# the overflows of the filled queue above equal netstat -s's count.
stats_cases() {
	local args i=0
	for args in "-s --metrics" "-s -6 --metrics" "-s -t --metrics" \
		"-s --metrics=openmetrics"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		"$NL" $args >"$T_TMP/s$i.prom" 2>"$T_TMP/s$i.err"
		local fmt=
		[[ $args == *openmetrics* ]] && fmt=om
		if [ -n "$fmt" ]; then
			check_metrics "metrics: the OpenMetrics parser accepts $args" "$T_TMP/s$i.prom" "$fmt"
		else
			check_metrics "metrics: promtool accepts $args" "$T_TMP/s$i.prom"
		fi
	done
	sleep 0.5
	metrics_vs_netstat "metrics: -s values equal /proc's, overflows and opens equal netstat -s" \
		snmp "-s --metrics" "-s"
}

# -s --metrics over every damaged /proc fixture of the stats suite: the
# parser accepts it, no series is written twice (promtool lets that pass,
# a scrape rejects it) and no family lacks the counter's name.
fixture_series_cases() {
	local d name dups v
	for d in "$TOP"/tests/fixtures/stats/*/; do
		for v in 4 6; do
			name="$(basename "$d") -$v"
			NLNETSTAT_PROC_ROOT=$d "$NL" -s "-$v" --metrics >"$T_TMP/fx.prom" 2>/dev/null
			dups=$(grep -v '^#' "$T_TMP/fx.prom" | awk '{print $1}' | sort | uniq -d | head -3)
			if [ -n "$dups" ] || grep -q '_snmp_[a-z0-9]*__' "$T_TMP/fx.prom"; then
				fail "metrics: -s fixture $name: one sample per series" "$dups"
			elif ! [ -s "$T_TMP/fx.prom" ] ||
				$PY "$T_TMP/mcheck.py" parse "$T_TMP/fx.prom" >"$T_TMP/fx.out" 2>&1; then
				pass "metrics: -s fixture $name: one sample per series, parser accepts"
			else
				fail "metrics: -s fixture $name: parser" "$(head -c 300 "$T_TMP/fx.out")"
			fi
		done
	done
}

fill_queue_case() {
	local i _
	rm -f "$T_TMP/fill.ready"
	"$PY" "$T_TMP/fill.py" 30400 4 9 "$T_TMP/fill.ready" &
	FILL_PID=$!
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/fill.ready" ] && break
		sleep 0.1
	done
	for _ in 1 2 3; do
		"$NETSTAT" -tlnW >"$T_TMP/ns.txt" 2>/dev/null
		"$NL" --metrics -tln >"$T_TMP/nl.prom" 2>/dev/null
		if queue_check "$T_TMP/ns.txt" "$T_TMP/nl.prom" >"$T_TMP/cmp.out" 2>&1; then
			pass "metrics: a filled accept queue shows backlog+1 (netstat's Recv-Q too)"
			return
		fi
		sleep 0.3
	done
	fail "metrics: a filled accept queue shows backlog+1" "$(cat "$T_TMP/cmp.out")"
}

# ---- the fleet: two hosts, their node_exporters, one Prometheus --------

# fleet_inner: runs as PID 1 of a private namespace (the Prometheus side).
fleet_inner() {
	FLEET_PIDS=()
	fleet_run
	local p
	for p in "${FLEET_PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${FLEET_PIDS[@]}"; do wait "$p" 2>/dev/null; done
	ip netns del nlm-h1 2>/dev/null
	ip netns del nlm-h2 2>/dev/null
}

fleet_bg() {
	"$@" &
	FLEET_PIDS+=($!)
}

# fleet_wait SECONDS CMD...: CMD succeeds within SECONDS (tenths polled).
fleet_wait() {
	local n=$(($1 * 10)) i
	shift
	for ((i = 0; i < n; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	return 1
}

fleet_tools() {
	# pop.py READY SPEC...: SPEC is PORT:CONNS:CLOSED - a listener with
	# CONNS connections, CLOSED of which the server closes (FIN_WAIT2 on
	# its side, CLOSE_WAIT on the client's); PORT:fill:BACKLOG fills one.
	cat >"$T_TMP/pop.py" <<'PY'
import socket, sys, time
keep = []
for spec in sys.argv[2:]:
    port, a, b = spec.split(":")
    l = socket.socket()
    l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind(("127.0.0.1", int(port)))
    keep.append(l)
    if a == "fill":
        l.listen(int(b))
        for _ in range(int(b) + 4):
            c = socket.socket(); c.setblocking(False)
            c.connect_ex(("127.0.0.1", int(port))); keep.append(c)
            time.sleep(0.02)
        continue
    l.listen(128)
    for i in range(int(a)):
        c = socket.create_connection(("127.0.0.1", int(port)))
        s, _ = l.accept()
        keep += [c, s]
        if i < int(b):
            s.close()
        else:
            c.send(b"x" * 100)
time.sleep(0.5)
open(sys.argv[1], "w").write("ok\n")
time.sleep(900)
PY
	# query.py what: Prometheus answers, checked against netstat counts.
	cat >"$T_TMP/fleet.py" <<'PY'
import collections, json, sys, urllib.parse, urllib.request
API = "http://127.0.0.1:19090/api/v1/query?query="

def q(expr):
    with urllib.request.urlopen(API + urllib.parse.quote(expr), timeout=5) as r:
        d = json.load(r)
    assert d["status"] == "success", d
    return {tuple(sorted(s["metric"].items())): float(s["value"][1])
            for s in d["data"]["result"]}

def counts(path):
    """netstat -tanW rows -> (states, per listening port and state)."""
    rows = []
    for line in open(path):
        f = line.split()
        if f and f[0] in ("tcp", "tcp6"):
            rows.append((f[0], f[3].rpartition(":")[2], f[5]))
    listen = {(p, port) for p, port, s in rows if s == "LISTEN"}
    st = collections.Counter(s for _, _, s in rows)
    per = collections.Counter((port, s) for p, port, s in rows
                              if s != "LISTEN" and (p, port) in listen)
    return st, per

def main(mode, *files):
    if mode == "ready":
        r = q('count by (host) (nlnetstat_sockets)')
        return len(r) == 2
    ok = True
    hosts = dict(zip(("h1", "h2"), (counts(f) for f in files)))
    def cmp(what, got, want):
        nonlocal ok
        want = {k: float(v) for k, v in want.items() if v}
        got = {k: v for k, v in got.items() if v}
        if got != want:
            ok = False
            print("%s: prometheus %s netstat %s" % (what, got, want))
    for h, (st, per) in hosts.items():
        got = {dict(k)["state"]: v for k, v in q(
            'sum by (state) (nlnetstat_sockets{host="%s",protocol=~"tcp6?"})' % h).items()}
        cmp("%s sockets per state" % h, got, st)
        got = {(dict(k)["port"], dict(k)["state"]): v for k, v in q(
            'sum by (port, state) (nlnetstat_port_connections{host="%s"})' % h).items()}
        cmp("%s connections per port and state" % h, got, per)
    tot = collections.Counter()
    for _, per in hosts.values():
        tot.update(per)
    got = {(dict(k)["port"], dict(k)["state"]): v for k, v in q(
        'sum by (port, state) (nlnetstat_port_connections)').items()}
    cmp("fleet connections per port and state", got, tot)
    est = collections.Counter()
    for (port, s), n in tot.items():
        if s == "ESTABLISHED":
            est[port] += n
    got = {dict(k)["port"]: v for k, v in q(
        'sum by (port) (nlnetstat_port_connections{state="ESTABLISHED"})').items()}
    cmp("fleet ESTABLISHED per port", got, est)
    sat = q('nlnetstat_listen_accept_queue / nlnetstat_listen_backlog > 1')
    got = {(dict(k)["host"], dict(k)["port"]) for k in sat}
    if got != {("h2", "9000")}:
        ok = False
        print("saturated listeners: %s" % got)
    fill = q('nlnetstat_listen_accept_queue{host="h2",port="9000"} - '
             'nlnetstat_listen_backlog{host="h2",port="9000"}')
    if list(fill.values()) != [1.0]:
        ok = False
        print("h2:9000 queue - backlog: %s" % fill)
    return ok

sys.exit(0 if main(*sys.argv[1:]) else 1)
PY
}

# fleet_host N SPEC...: network namespace nlm-hN ("host N") with its
# socket population, linked to this namespace by a veth pair
# (10.99.N.1 here, 10.99.N.2 there), and its own node_exporter listening
# on 10.99.N.2:9100 inside it, textfile collector on $T_TMP/hN.d.
fleet_host() {
	local n=$1 ns=nlm-h$1
	shift
	ip netns add "$ns" || return 1
	ip -n "$ns" link set lo up || return 1
	ip link add name "nlm-v$n" type veth peer name eth0 netns "$ns" || return 1
	ip addr add "10.99.$n.1/24" dev "nlm-v$n" && ip link set "nlm-v$n" up &&
		ip -n "$ns" addr add "10.99.$n.2/24" dev eth0 &&
		ip -n "$ns" link set eth0 up || return 1
	mkdir -p "$T_TMP/h$n.d"
	fleet_bg ip netns exec "$ns" "$PY" "$T_TMP/pop.py" "$T_TMP/h$n.ready" "$@"
	fleet_bg ip netns exec "$ns" prometheus-node-exporter \
		--web.listen-address="10.99.$n.2:9100" \
		--collector.disable-defaults --collector.textfile \
		--collector.textfile.directory="$T_TMP/h$n.d" 2>"$T_TMP/h$n.exporter.log"
	fleet_wait 20 test -s "$T_TMP/h$n.ready" || return 1
	fleet_wait 20 curl -sf "http://10.99.$n.2:9100/metrics" || return 1
}

# fleet_snapshot N: nlnetstat writes hN's file; netstat -tan counts what
# it saw (the run is retried until netstat before and after agree).
fleet_snapshot() {
	local ns=nlm-h$1 _
	for _ in 1 2 3 4 5; do
		ip netns exec "$ns" "$NETSTAT" -tanW >"$T_TMP/h$1.before" 2>/dev/null
		ip netns exec "$ns" "$NL" --metrics -tan \
			--metrics-file "$T_TMP/h$1.d/nlnetstat.prom" || return 1
		ip netns exec "$ns" "$NETSTAT" -tanW >"$T_TMP/h$1.netstat" 2>/dev/null
		cmp -s "$T_TMP/h$1.before" "$T_TMP/h$1.netstat" && return 0
		sleep 0.5
	done
	return 1
}

fleet_run() {
	local name="metrics: fleet: Prometheus (two node_exporters) agrees with netstat per host, per port and summed"
	ip link set lo up
	# The hosts' names live in this mount namespace only.
	mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns
	fleet_tools
	if ! fleet_host 1 8080:5:2 8443:3:0 || ! fleet_host 2 8080:4:1 5432:6:3 9000:fill:4; then
		fail "metrics: fleet: hosts and node_exporters start" \
			"$(ip netns list | tr '\n' ' ')"
		return
	fi
	cat >"$T_TMP/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ["10.99.1.2:9100"]
        labels: {host: h1}
      - targets: ["10.99.2.2:9100"]
        labels: {host: h2}
EOF
	fleet_bg prometheus --config.file="$T_TMP/prometheus.yml" \
		--storage.tsdb.path="$T_TMP/tsdb" --web.listen-address=127.0.0.1:19090 \
		--log.level=error
	# Each host's connections to its node_exporter settle before counting.
	fleet_wait 30 curl -sf 'http://127.0.0.1:19090/-/ready' || {
		fail "$name" "prometheus did not become ready"
		return
	}
	sleep 3
	if ! fleet_snapshot 1 || ! fleet_snapshot 2; then
		fail "$name" "the socket populations did not hold still"
		return
	fi
	# Two scrapes after the files were written, every series is there.
	sleep 3
	if ! fleet_wait 30 "$PY" "$T_TMP/fleet.py" ready; then
		fail "$name" "no nlnetstat series from both hosts"
		return
	fi
	if "$PY" "$T_TMP/fleet.py" check "$T_TMP/h1.netstat" "$T_TMP/h2.netstat" \
		>"$T_TMP/fleet.out" 2>&1; then
		pass "$name"
		pass "metrics: fleet: the filled listener (h2:9000) shows queue = backlog+1 in Prometheus"
	else
		fail "$name" "$(head -c 800 "$T_TMP/fleet.out")"
	fi
}

main() {
	local why t
	if why=$(netns_unusable); then
		skip "metrics" "$why"
		return 0
	fi
	for t in promtool prometheus prometheus-node-exporter python3 curl; do
		if ! command -v $t >/dev/null; then
			skip "metrics" "$t not installed (scripts/install-deps: prometheus, prometheus-node-exporter)"
			return 0
		fi
	done
	if ! $PY -c 'import prometheus_client' 2>/dev/null; then
		skip "metrics" "python3-prometheus-client not installed"
		return 0
	fi
	local nl
	nl=$(netns_public_binary)
	# The namespaces' own temporary directories live in ours.
	TMPDIR="$T_TMP" NLNETSTAT="$nl" netns_enter "$SELF" --inner
	TMPDIR="$T_TMP" NLNETSTAT="$nl" timeout 240 unshare -n -m -p -f --mount-proc \
		-- bash "$SELF" --fleet
}

case "${1:-}" in
--inner) inner ;;
--fleet) fleet_inner ;;
*) main ;;
esac
