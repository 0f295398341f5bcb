#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tests/suites/golden_checks.sh - checks of the "reviewed" goldens (hostile
# sockets, control-character route and group names, a damaged route cache)
# that do not come from nlnetstat: they run nlnetstat on the same fixture
# trees as golden_sockets.sh, route.sh and groups.sh and assert, from the
# fixture and from netstat, never from a golden file:
#  * no byte below 0x20 except newline, and no DEL, in stdout;
#  * each table's header is netstat's (taken from a golden that netstat
#    itself printed), and its row count is the fixture's record count;
#  * every column starts (or, right-aligned, ends) where that header says;
#  * names with control bytes come out at their column with each control
#    byte as '?' (computed here from the fixture bytes);
#  * as root: stdout equals /usr/bin/netstat's on a copy of the fixture in
#    which the test replaced every control byte by '?' itself.
# GOLDEN_CHECKS_ONLY=KIND/CASE restricts the run to one fixture (used by
# golden_sockets.sh before it rewrites a reviewed golden).

: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$TOP/tests/lib.sh"

FIX=$TOP/tests/fixtures
GOLD=$TOP/tests/golden

# The checker: KIND FIXTURE OUTPUT ARGS REF_GOLDEN; prints one problem per
# line, nothing when the output is right.
read -r -d '' CHECKER <<'PY'
import os, re, sys

kind, fix, outpath, args, refpath = sys.argv[1:6]
flags = set(a for a in args.split() if a.startswith("-") and not a.startswith("--"))
letters = set("".join(f[1:] for f in flags))
problems = []

def san(b):
    """A name as nlnetstat must print it: control bytes and DEL as '?'."""
    return "".join("?" if c < 0x20 or c == 0x7F else chr(c) for c in b)

def lines_of(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    ls = data.split(b"\n")
    if ls and ls[-1] == b"":
        ls.pop()
    return ls

TITLES = ("Active Internet connections", "Active UNIX domain sockets",
          "Kernel IP routing table", "Kernel IP routing cache",
          "Kernel IPv6 routing table", "IPv6/IPv4 Group Memberships")

def sections(lines):
    """title -> (header lines, rows) for every table in an output."""
    out, cur = {}, None
    for ln in lines:
        t = next((t for t in TITLES if ln.startswith(t)), None)
        if t is not None:
            cur = out.setdefault(t, [[], []])
            cur.append(2 if t.startswith("IPv6/IPv4") else 1)
            continue
        if cur is None or ln.startswith("INET6 (IPv6) not configured"):
            continue
        if len(cur[0]) < cur[2]:
            cur[0].append(ln)
        else:
            cur[1].append(ln)
    return {t: (v[0], v[1]) for t, v in out.items()}

# ---- records in the fixture, in the order netstat lists them ----

INET_RE = re.compile(rb"^\s*\d+: [0-9A-Fa-f]+:[0-9A-Fa-f]{4} "
                     rb"[0-9A-Fa-f]+:[0-9A-Fa-f]{4} ([0-9A-Fa-f]{2}) ")

def inet_records():
    rows = []
    tcp_only = "t" in letters and not letters & set("uUwS")
    for p in ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6",
              "raw", "raw6"):
        if tcp_only and not p.startswith("tcp"):
            continue
        for ln in (lines_of(os.path.join(fix, "net", p)) or [])[1:]:
            m = INET_RE.match(ln)
            if m is None or len(ln.split()) < 10:
                continue  # malformed: netstat skips it too
            if "l" in letters and "a" not in letters:
                if not (p.startswith("tcp") and m.group(1) == b"0A"):
                    continue
            rows.append(None)
    return rows

def unix_records():
    recs = []
    for ln in (lines_of(os.path.join(fix, "net", "unix")) or [])[1:]:
        if re.match(rb"^[0-9A-Fa-f]+: ", ln):
            recs.append(ln)
        elif recs:
            recs[-1] += b"\n" + ln  # a path with a newline goes on
    paths = []
    for r in recs:
        f = r.split(None, 7)
        paths.append(f[7] if len(f) > 7 else b"")
    return paths

KERNEL_CACHE = [b"Iface", b"Destination", b"Gateway", b"Flags", b"RefCnt",
                b"Use", b"Metric", b"Source", b"MTU", b"Window", b"IRTT",
                b"TOS", b"HHRef", b"HHUptod", b"SpecDst"]

def route_records(name):
    ls = lines_of(os.path.join(fix, "net", name)) or []
    if name == "ipv6_route":
        return [ln.split(b" ")[-1] for ln in ls if ln.strip()]
    if name == "rt_cache" and ls and ls[0].split() != KERNEL_CACHE:
        return []  # unknown layout: no row can be read (see README)
    names = []
    for ln in ls[1:]:
        f = ln.split(b"\t")
        if not ln.strip():
            continue
        # netstat shows a reject route's interface as "-" (RTF_REJECT).
        reject = name == "route" and int(f[3], 16) & 0x0200
        names.append(b"-" if reject else f[0])
    return names

def group_records(fam):
    names = []
    if fam in ("4", "both"):
        dev = b""
        for ln in (lines_of(os.path.join(fix, "net", "igmp")) or [])[1:]:
            if ln.startswith(b"\t"):
                names.append(dev)
            elif b"\t" in ln:
                rest = ln.split(b"\t", 1)[1]
                # A device line without " :" keeps its newline in the name.
                dev = rest.split(b":")[0].rstrip() if b":" in rest else rest + b"\n"
    if fam in ("6", "both"):
        for ln in lines_of(os.path.join(fix, "net", "igmp6")) or []:
            if ln.strip():
                names.append(ln.split()[1])
    return names

# ---- the checks ----

def check_bytes(data):
    for i, c in enumerate(data):
        if (c < 0x20 and c != 0x0A) or c == 0x7F:
            problems.append("byte 0x%02x in stdout at offset %d" % (c, i))
            return

def check_columns(title, header, rows, spec):
    """spec: (name, 'L'|'R', may_be_empty) in header order."""
    cols = []
    for name, align, empty in spec:
        pos = header.find(name)
        if pos < 0:
            problems.append("%s: no column %r in the header" % (title, name))
            return
        cols.append((name, pos, pos + len(name), align, empty))
    for n, row in enumerate(rows, 1):
        for i, (name, start, end, align, empty) in enumerate(cols):
            nxt = cols[i + 1][1] if i + 1 < len(cols) else len(row)
            if align == "L":
                ok = start < len(row) and row[start] != " " and (
                    start == 0 or row[start - 1] == " ")
                if not ok and empty:
                    ok = row[start:nxt].strip() == ""
            else:
                ok = row[end - 1] != " " and (end >= len(row) or row[end] == " ")
            if not ok:
                problems.append("%s row %d: column %r is not at %d: %r"
                                % (title, n, name, start if align == "L" else end, row))

def check_names(title, header, rows, names, how):
    if how is None:
        return
    col = header.find(how[0])
    for n, (row, name) in enumerate(zip(rows, names), 1):
        want = san(name)
        if how[1] == "rest":
            ok = row[col:] == want
        elif how[1] == "last":
            ok = row.endswith(" " + want)
        else:
            ok = row.startswith(want) and (
                name.endswith(b"\n") or row[len(want):len(want) + 1] == " ")
        if not ok:
            problems.append("%s row %d: want name %r at %r, got %r"
                            % (title, n, want, how[0], row))

INET_COLS = [("Proto", "L", 0), ("Recv-Q", "R", 0), ("Send-Q", "R", 0),
             ("Local Address", "L", 0), ("Foreign Address", "L", 0),
             ("State", "L", 1)]
UNIX_COLS = [("Proto", "L", 0), ("RefCnt", "L", 0), ("Flags", "L", 0),
             ("Type", "L", 0), ("State", "L", 1), ("I-Node", "L", 0),
             ("Path", "L", 1)]
ROUTE_COLS = [("Destination", "L", 0), ("Gateway", "L", 0),
              ("Genmask", "L", 0), ("Flags", "L", 0), ("MSS", "R", 0),
              ("Window", "L", 0), ("irtt", "R", 0), ("Iface", "L", 0)]
CACHE_COLS = [("Source", "L", 0)] + ROUTE_COLS[:2] + ROUTE_COLS[3:]
GROUP_COLS = [("Interface", "L", 0), ("RefCnt", "L", 0), ("Group", "L", 0)]

def expected():
    """title -> (records, column spec or None, name check or None)."""
    plain = not letters & set("eo")
    want = {}
    if kind == "sockets":
        if not ("x" in letters and not letters & set("tuw")):
            want["Active Internet connections"] = (
                inet_records(), INET_COLS if plain else None, None)
        if "t" not in letters:
            want["Active UNIX domain sockets"] = (
                unix_records(), UNIX_COLS if plain else None, ("Path", "rest"))
    elif kind == "route":
        v6 = "6" in letters
        if not v6 and ("C" not in letters or "F" in letters):
            want["Kernel IP routing table"] = (
                route_records("route"), ROUTE_COLS if plain else None,
                ("Iface", "rest") if plain else None)
        if not v6 and "C" in letters:
            want["Kernel IP routing cache"] = (
                route_records("rt_cache"), CACHE_COLS if plain else None,
                ("Iface", "rest") if plain else None)
        if v6:
            want["Kernel IPv6 routing table"] = (
                route_records("ipv6_route"), None, ("If", "last"))
    elif kind == "groups":
        fam = "4" if "4" in letters else "6" if "6" in letters else "both"
        want["IPv6/IPv4 Group Memberships"] = (
            group_records(fam), GROUP_COLS, ("Interface", "start"))
        if fam != "both":
            want["Active Internet connections"] = ([], INET_COLS, None)
    return want

with open(outpath, "rb") as f:
    data = f.read()
check_bytes(data)
got = sections(data.decode("latin-1").split("\n")[:-1])
ref = sections((lines_of(refpath) and [l.decode("latin-1") for l in lines_of(refpath)]) or [])
want = expected()
for title in sorted(set(got) | set(want)):
    if title not in want:
        problems.append("unexpected table %r" % title)
        continue
    if title not in got:
        problems.append("missing table %r" % title)
        continue
    header, rows = got[title]
    recs, spec, how = want[title]
    if title in ref and ref[title][0] != header:
        problems.append("%s: header %r, netstat prints %r"
                        % (title, header, ref[title][0]))
    elif title not in ref:
        problems.append("%s: no netstat header in %s" % (title, refpath))
    if len(rows) != len(recs):
        problems.append("%s: %d rows, the fixture has %d records"
                        % (title, len(rows), len(recs)))
        continue
    if spec is not None and header:
        check_columns(title, header[0], rows, spec)
    if how is not None and header:
        check_names(title, header[0], rows, recs, how)
for p in problems:
    print(p)
PY

# The root check: a copy of fixture SRC in DST with every control byte but
# tab and newline replaced by '?', a UNIX path's newline too, and a route
# cache of unknown layout replaced by the kernel's header alone.
read -r -d '' SANITIZER <<'PY'
import os, re, shutil, sys

src, dst = sys.argv[1:3]
shutil.copytree(src, dst)
CACHE_HDR = (b"Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\t"
             b"Source\t\tMTU\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst\n")
def unix_mark(ln):
    m = re.match(rb"^((?:\S+ +){7})(.*)$", ln)
    if m is None:
        return ln
    return m.group(1) + m.group(2).replace(b" ", b"%20")

for root, _, files in os.walk(dst):
    for name in files:
        p = os.path.join(root, name)
        with open(p, "rb") as f:
            data = f.read()
        if name == "unix":
            data = re.sub(rb"\n(?![0-9A-Fa-f]+: )(?=.)", b"?", data)
            # netstat cuts a path at a blank, nlnetstat prints it whole
            # (README): mark the blanks, run_netstat puts them back.
            data = b"\n".join(unix_mark(ln) for ln in data.split(b"\n"))
        data = bytes(0x3F if (c < 0x20 and c not in (9, 10)) or c == 0x7F
                     else c for c in data)
        if name == "rt_cache" and b"\tSpecDst" not in data.split(b"\n")[0]:
            data = CACHE_HDR
        with open(p, "wb") as f:
            f.write(data)
PY

# netstat prints a device name that kept its newline raw: join such a line
# (one without a blank, so not a row or title) to the next with '?'.
read -r -d '' JOINER <<'PY'
import sys
data = open(sys.argv[1], "rb").read().split(b"\n")
out, carry = [], b""
for i, ln in enumerate(data):
    if b" " not in ln and ln and i + 1 < len(data) - 1:
        carry += ln + b"?"
        continue
    out.append(carry + ln)
    carry = b""
open(sys.argv[1], "wb").write(b"\n".join(out))
PY

# Cases: KIND CASE REF_GOLDEN (netstat's own output, for the headers) ARGS
CASES=(
	"sockets hostile sockets/huge/args-an.out -an"
	"sockets hostile sockets/huge/args-aneo.out -aneo"
	"sockets hostile sockets/huge/args-xa.out -xa"
	"sockets hostile sockets/huge/args-l.out -tl"
	"route ctrlname route/kernel.rn.out -rn"
	"route ctrlname route/kernel.rnee.out -rnee"
	"route ctrlname route/kernel.rnC.out -rnC"
	"route ctrlname route/kernel.rnFC.out -rn -F -C"
	"route ctrlname route/kernel.rn6.out -rn -6"
	"route cachebad route/kernel.rn.out -rn"
	"route cachebad route/kernel.rnC.out -rnC"
	"route cachebad route/kernel.rnCee.out -rnCee"
	"groups ctrlname groups/kernel.gn.out -gn"
	"groups ctrlname groups/kernel.gn4.out -gn -4"
	"groups ctrlname groups/kernel.gn6.out -gn -6"
	"groups ctrlname groups/kernel.gnv.out -gnv"
)

# run_nl KIND DIR ARGS...: nlnetstat on a fixture, as the kind's suite runs it.
run_nl() {
	local kind=$1 dir=$2
	shift 2
	if [ "$kind" = groups ]; then
		NLNETSTAT_SOURCE=proc NLNETSTAT_PROC_ROOT=$dir run_capture got "$NLNETSTAT" "$@"
	else
		NLNETSTAT_PROC_ROOT=$dir run_capture got "$NLNETSTAT" "$@"
	fi
}

# check_case KIND CASE REF ARGS: the assertions without netstat.
check_case() {
	local kind=$1 case=$2 ref=$3 args=$4 name problems
	name="golden checks: $kind $case: $args"
	# shellcheck disable=SC2086
	run_nl "$kind" "$FIX/$kind/$case" $args
	problems=$(python3 -c "$CHECKER" "$kind" "$FIX/$kind/$case" \
	    "$T_TMP/got.out" "$args" "$GOLD/$ref" 2>&1)
	if [ -z "$problems" ]; then
		pass "$name"
	else
		fail "$name" "$(echo "$problems" | head -1)"
		echo "$problems" | sed -n '2,8s/^/    /p'
	fi
}

# check_netstat KIND CASE ARGS: as root, netstat on the sanitized copy.
check_netstat() {
	local kind=$1 case=$2 args=$3 name clean
	name="golden checks: $kind $case: $args: netstat on a sanitized copy"
	clean=$T_TMP/clean-$kind-$case
	[ -d "$clean" ] || python3 -c "$SANITIZER" "$FIX/$kind/$case" "$clean"
	# shellcheck disable=SC2086
	ref_capture ref "$clean" $args
	[ "$kind" = groups ] && python3 -c "$JOINER" "$T_TMP/ref.out"
	[ "$kind" = sockets ] && sed -i 's/%20/ /g' "$T_TMP/ref.out"
	# shellcheck disable=SC2086
	run_nl "$kind" "$FIX/$kind/$case" $args
	if cmp -s "$T_TMP/ref.out" "$T_TMP/got.out" &&
		cmp -s "$T_TMP/ref.rc" "$T_TMP/got.rc"; then
		pass "$name"
	else
		fail "$name" "stdout or exit status differs"
		show_diff "$T_TMP/ref.out" "$T_TMP/got.out"
	fi
}

if ! command -v python3 >/dev/null; then
	skip "golden checks" "python3 not installed"
	exit 0
fi
for c in "${CASES[@]}"; do
	read -r kind case ref args <<<"$c"
	if [ -n "${GOLDEN_CHECKS_ONLY:-}" ] && [ "$GOLDEN_CHECKS_ONLY" != "$kind/$case" ]; then
		continue
	fi
	check_case "$kind" "$case" "$ref" "$args"
	if [ "$(id -u)" -ne 0 ] || [ ! -x "$NETSTAT" ]; then
		skip "golden checks: $kind $case: $args: netstat" \
		    "needs root and net-tools netstat"
	else
		check_netstat "$kind" "$case" "$args"
	fi
done
