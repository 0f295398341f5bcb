#!/usr/bin/env python3
"""Compare `netstat ARGS | jc --netstat` records with `nlnetstat ARGS --json`.

Usage: jsoncmp.py JC_JSON NL_JSON
Every key jc gives must be in nlnetstat's record with the same value of the
same JSON type (0 is not 0.0, "0" is not 0, null is only null), in the same
record order.  Known, documented exceptions: jc leaves transport_protocol
null for raw sockets, UNIX paths with spaces are cut by netstat (nlnetstat
prints them whole), netstat cuts PID/name to 19 bytes, and with -o jc cuts
a program name at its first space (the rest goes into its timer).
Timers tick between the two runs, so the seconds in "timer" are masked; each
nlnetstat record's "timer" must also spell out its own timer_state,
timer_seconds, timer_retransmits and timer_probes.
Exit 0 when equal, 1 otherwise.
"""
import json
import re
import sys

SECONDS = re.compile(r"\(\d+\.\d+/")


def json_type(v):
    """The JSON type of a decoded value; bool before int (bool is an int)."""
    for t, name in ((bool, "boolean"), (int, "integer"), (float, "number"),
                    (str, "string"), (list, "array"), (dict, "object")):
        if isinstance(v, t):
            return name
    return "null"


def name_cut_at_space(a, b):
    """jc took only the part of b's program name before its first space."""
    v, w = a.get("program_name"), b.get("program_name")
    return (isinstance(v, str) and isinstance(w, str) and " " in w and
            w.split(" ")[0] == v)


def excused(k, v, a, b):
    """True for the documented differences listed in the module text."""
    if k == "transport_protocol" and a.get("proto", "").startswith("raw"):
        return True
    if k == "path" and " " in b.get("path", ""):
        return True
    if k in ("program_name", "timer") and name_cut_at_space(a, b):
        return True
    # netstat cuts PID/name to 19 bytes; nlnetstat keeps the name.
    return (k == "program_name" and isinstance(v, str) and
            isinstance(b.get(k), str) and b[k].startswith(v) and
            len(f"{a.get('pid')}/{v}") == 19)


def comparable(k, v):
    """v, with the ticking seconds of a timer text masked."""
    if k == "timer" and isinstance(v, str):
        return SECONDS.sub("(#/", v)
    return v


def timer_mismatch(b):
    """Why b's timer string and timer_* numbers disagree, or None."""
    if "timer_state" not in b:
        return None
    want = (f"{b['timer_state']} ({b['timer_seconds']:.2f}/"
            f"{b['timer_retransmits']}/{b['timer_probes']})")
    return None if b.get("timer") == want else f"{b.get('timer')!r} != {want!r}"


def main():
    with open(sys.argv[1]) as f:
        jc = json.load(f)
    with open(sys.argv[2]) as f:
        nl = json.load(f)
    if len(jc) != len(nl):
        print(f"record count: jc {len(jc)} nlnetstat {len(nl)}")
        return 1
    bad = 0
    for i, (a, b) in enumerate(zip(jc, nl)):
        for k, v in a.items():
            if excused(k, v, a, b):
                continue
            if k not in b:
                print(f"record {i} key {k}: jc {v!r} nlnetstat <missing>")
            elif json_type(b[k]) != json_type(v):
                print(f"record {i} key {k}: jc {json_type(v)} {v!r}"
                      f" nlnetstat {json_type(b[k])} {b[k]!r}")
            elif comparable(k, b[k]) != comparable(k, v):
                print(f"record {i} key {k}: jc {v!r} nlnetstat {b[k]!r}")
            else:
                continue
            bad += 1
            if bad > 10:
                return 1
        why = timer_mismatch(b)
        if why:
            print(f"record {i} timer_*: {why}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
