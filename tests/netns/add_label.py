# add_label.py - add an IPv4 address with any label over rtnetlink
# (iproute2 insists that a label starts with the device name; the kernel
# does not).  Usage: add_label.py DEVICE ADDRESS LABEL (for iface_scale.sh).
import socket
import struct
import sys


def attr(kind, data):
    size = 4 + len(data)
    return struct.pack("=HH", size, kind) + data + b"\0" * ((4 - size % 4) % 4)


index = socket.if_nametoindex(sys.argv[1])
addr = socket.inet_aton(sys.argv[2])
label = sys.argv[3].encode() + b"\0"
# struct ifaddrmsg, then IFA_LOCAL, IFA_ADDRESS, IFA_LABEL.
body = struct.pack("=BBBBI", socket.AF_INET, 24, 0, 0, index)
body += attr(2, addr) + attr(1, addr) + attr(3, label)
# RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE.
msg = struct.pack("=IHHII", 16 + len(body), 20, 0x405, 1, 0) + body
sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
sk.bind((0, 0))
sk.send(msg)
reply = sk.recv(4096)
sys.exit(0 if struct.unpack_from("=i", reply, 16)[0] == 0 else 1)
