#!/usr/bin/env python3
"""Compare `netstat ARGS | jc --netstat` records with `nlnetstat ARGS --json`.

Usage: jsoncmp.py JC_JSON NL_JSON
Every key jc gives must be in nlnetstat's record with the same value, in the
same record order.  Known, documented exceptions: jc leaves
transport_protocol null for raw sockets, and UNIX paths with spaces are cut
by netstat (nlnetstat prints them whole).  Exit 0 when equal, 1 otherwise.
"""
import json
import sys


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
            if k == "transport_protocol" and a.get("proto", "").startswith("raw"):
                continue
            if k == "path" and " " in b.get("path", ""):
                continue
            # netstat cuts PID/name to 19 bytes; nlnetstat keeps the name.
            if (k == "program_name" and isinstance(v, str) and
                    isinstance(b.get(k), str) and b[k].startswith(v) and
                    len(f"{a.get('pid')}/{v}") == 19):
                continue
            if k not in b or b[k] != v:
                print(f"record {i} key {k}: jc {v!r} nlnetstat {b.get(k, '<missing>')!r}")
                bad += 1
                if bad > 10:
                    return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
