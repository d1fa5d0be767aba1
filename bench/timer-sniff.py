#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Records every ICMP echo request and ARP request an interface sends, as
# "MONO_NS icmp|arp" lines (CLOCK_MONOTONIC at capture): the probes a peer
# tool (ping, fping) sends, counted the way portready records its own.
# Run inside the server's namespace until killed:
#   timer-sniff.py IFACE OUT
import errno
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
sock.bind((sys.argv[1], 0))
out = open(sys.argv[2], "w")
while True:
    try:
        frame, addr = sock.recvfrom(2048)
    except OSError as e:
        if e.errno in (errno.ENETDOWN, errno.EINTR):
            continue  # the link was taken down: the socket carries on after up
        raise
    now = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    if addr[2] != socket.PACKET_OUTGOING or len(frame) < 42:
        continue
    ethertype = struct.unpack("!H", frame[12:14])[0]
    if ethertype == 0x0806 and frame[20:22] == b"\x00\x01":
        kind = "arp"
    elif ethertype == 0x0800 and frame[23] == 1 and frame[14 + (frame[14] & 15) * 4] == 8:
        kind = "icmp"
    else:
        continue
    print(now, kind, file=out, flush=True)
