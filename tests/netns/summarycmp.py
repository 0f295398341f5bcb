#!/usr/bin/env python3
"""Check `nlnetstat --summary --json` against counts taken from `netstat -an`.

Usage: summarycmp.py NETSTAT_AN_OUTPUT SUMMARY_JSON
The counts per (proto, state) of the Internet rows must equal what the
classic `netstat -an | awk '{print $1, $6}' | sort | uniq -c` pipeline gives
(a blank UDP state is counted as UNCONN, as --summary names it).
"""
import collections
import json
import sys


def main():
    want = collections.Counter()
    with open(sys.argv[1]) as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] not in ("tcp", "tcp6", "udp", "udp6",
                                             "udpl", "udpl6", "raw", "raw6"):
                continue
            state = parts[5] if len(parts) > 5 else "UNCONN"
            want[(parts[0], state)] += 1
    with open(sys.argv[2]) as f:
        summary = json.load(f)
    got = collections.Counter()
    for proto, states in summary.items():
        if proto in ("listening", "unix"):
            continue
        for state, n in states.items():
            got[(proto, state)] += n
    if got != want:
        print("awk:", sorted(want.items()))
        print("summary:", sorted(got.items()))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
