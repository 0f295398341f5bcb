#!/usr/bin/env python3
# tests/netns/names_check.py - the hostile names of tests/suites/names.sh.
#   names_check.py files DIR     write hosts, networks, services and passwd
#                                files whose names hold escapes and DEL
#   names_check.py hold READY SPEC...
#                                hold sockets (tcp:ADDR:PORT, udp:ADDR:PORT,
#                                conn:ADDR:PORT made as uid 4242, and
#                                raw:PROTO, raw6:PROTO as root), until killed
#   names_check.py table SET REF GOT
#                                GOT must be REF with every name of SET
#                                (files or nss) escaped ('?' for each byte
#                                below 0x20 and DEL), no control byte but
#                                the line ends, and as many lines
#   names_check.py json SET GOT  GOT is JSON with the escaped names only
import json
import os
import socket
import sys
import time

# The same bytes as tests/netns/nss_hostile.c.
NSS = [
    b"h4\x1b[31m\n\x7fX", b"h6\x1b[7m\nY", b"gw\x1b[1m\nG",
    b"grp\x1b]0;T\x07\nM", b"n0\x1b[4m\nZ", b"nr\x1b[9m\nR",
    b"s\x1b[2J\nQ", b"u\x1b[5m\nW",
]
# /etc files cannot hold a newline (it ends the record).
FILES = [n.replace(b"\n", b"") for n in NSS]
# Protocol names come from /etc/protocols in both sets.
PROTO = b"p\x1b[3m\x7fP"
NSS.append(PROTO)
FILES.append(PROTO)


def escape(name):
    return bytes(b"?"[0] if c < 0x20 or c == 0x7F else c for c in name)


def write_files(d):
    h4, h6, gw, grp, n0, nr, serv, user, proto = FILES
    files = {
        "hosts": b"127.0.0.1\tlocalhost\n127.0.0.2\t" + h4 + b"\n::1\t" +
        h6 + b"\n192.0.2.7\t" + gw + b"\n239.1.2.3\t" + grp + b"\n",
        "networks": n0 + b"\t0.0.0.1\n" + nr + b"\t10.9.0.0\n",
        "services": serv + b"\t7001/tcp\n" + serv + b"\t7001/udp\n",
        "passwd": b"root:x:0:0:root:/root:/bin/bash\n" + user +
        b":x:4242:4242::/:/bin/false\n",
        "protocols": b"ip\t0\tIP\n" + proto + b"\t253\n",
    }
    for name, data in files.items():
        with open(f"{d}/{name}", "wb") as f:
            f.write(data)


def hold(ready, specs):
    out = open(ready, "w")
    keep = []
    for spec in specs:
        kind, proto = spec.split(":", 1)
        if kind in ("raw", "raw6"):
            fam = socket.AF_INET6 if kind == "raw6" else socket.AF_INET
            keep.append(socket.socket(fam, socket.SOCK_RAW, int(proto)))
    specs = [s for s in specs if not s.startswith("raw")]
    os.setgroups([])
    os.setresgid(4242, 4242, 4242)
    os.setresuid(4242, 4242, 4242)
    for spec in specs:
        kind, rest = spec.split(":", 1)
        addr, port = rest.rsplit(":", 1)
        fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
        if kind == "conn":
            keep.append(socket.create_connection((addr, int(port))))
            continue
        s = socket.socket(fam, socket.SOCK_STREAM if kind == "tcp"
                          else socket.SOCK_DGRAM)
        s.bind((addr, int(port)))
        if kind == "tcp":
            s.listen(8)
        keep.append(s)
    out.write("ready\n")
    out.close()
    time.sleep(3600)


def check_table(names, ref, got):
    seen = [n for n in names if n in ref]
    if not seen:
        return "netstat printed none of the names raw: the case tests nothing"
    want = ref
    for n in names:
        want = want.replace(n, escape(n))
    bad = sorted({c for c in got if (c < 0x20 and c != 0x0A) or c == 0x7F})
    if bad:
        return f"control bytes printed: {bad}"
    lines = [t.count(b"\n") for t in (got, want, ref)]
    if lines[0] != lines[1]:
        return f"{lines[0]} lines, want {lines[1]} (netstat: {lines[2]})"
    if got != want:
        return "differs from netstat's output with the names escaped"
    return None


def walk(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from walk(x)


def check_json(names, got):
    try:
        strings = list(walk(json.loads(got)))
    except ValueError as e:
        return f"not JSON: {e}"
    bad = [s for s in strings if any(ord(c) < 0x20 or ord(c) == 0x7F
                                     for c in s)]
    if bad:
        return f"control characters in {bad[:3]!r}"
    want = {escape(n).decode() for n in names}
    if not want & set(strings):
        return "none of the escaped names is in the JSON"
    return None


def main():
    cmd = sys.argv[1]
    if cmd == "files":
        write_files(sys.argv[2])
        return 0
    if cmd == "hold":
        hold(sys.argv[2], sys.argv[3:])
        return 0
    names = NSS if sys.argv[2] == "nss" else FILES
    with open(sys.argv[-1], "rb") as f:
        got = f.read()
    if cmd == "table":
        with open(sys.argv[3], "rb") as f:
            why = check_table(names, f.read(), got)
    else:
        why = check_json(names, got)
    if why:
        print(why)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
