#!/usr/bin/env python3
"""Writes the dhcp-log test logs of this folder (run it after changing a
case; the tests read the files, not this script). Every case is a client
MAC with a scripted handshake; the expected verdicts are listed in
tests/integration/test_dhcplog.sh beside the assertions."""
import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = datetime.datetime(2024, 5, 14, 10, 0, 0)
PID = 812

# (seconds after BASE, program or None for dhcpd, message)
CLASSES = [
    (0.0, "systemd[1]", "Starting isc-dhcp-server.service - ISC DHCP IPv4 server..."),
    # complete: 3c:ec:ef:10:20:01, answered in 0.8 s
    (1.10, None, "DHCPDISCOVER from 3c:ec:ef:10:20:01 via eth0"),
    (1.12, None, "DHCPOFFER on 10.20.0.51 to 3c:ec:ef:10:20:01 via eth0"),
    # no-request: offers go out, the client never requests
    (1.50, None, "DHCPDISCOVER from 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    (1.52, None, "DHCPOFFER on 10.20.0.52 to 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    (1.90, None, "DHCPREQUEST for 10.20.0.51 (10.20.0.2) from 3c:ec:ef:10:20:01 via eth0"),
    (1.91, None, "DHCPACK on 10.20.0.51 to 3c:ec:ef:10:20:01 via eth0"),
    (2.00, "in.tftpd[2231]", "RRQ from 10.20.0.51 filename undionly.kpxe"),
    # no-offer, reason inline (relayed: no free leases in the relay's network)
    (3.00, None, "DHCPDISCOVER from 3c:ec:ef:10:20:03 via 10.30.0.1: network 10.30.0.0/24: no free leases"),
    (5.50, None, "DHCPDISCOVER from 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    (5.52, None, "DHCPOFFER on 10.20.0.52 to 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    # no-offer, reason on its own line right after the DISCOVER
    (6.00, None, "DHCPDISCOVER from 3c:ec:ef:10:20:04 via 10.40.0.1"),
    (6.00, None, "network 10.40.0.0/24: no free leases"),
    (7.00, None, "DHCPDISCOVER from 3c:ec:ef:10:20:03 via 10.30.0.1: network 10.30.0.0/24: no free leases"),
    # no-offer, dhcpd gives no reason (a deny rule, say)
    (8.00, None, "DHCPDISCOVER from 3c:ec:ef:10:20:05 via eth0"),
    (9.00, None, "Wrote 14 leases to leases file."),
    (9.50, None, "DHCPINFORM from 10.20.0.9 via eth0"),
    (9.51, None, "DHCPACK to 10.20.0.9 (3c:ec:ef:10:20:99) via eth0"),
    (12.0, None, "DHCPDISCOVER from 3c:ec:ef:10:20:05 via eth0"),
    (13.5, None, "DHCPDISCOVER from 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    (13.52, None, "DHCPOFFER on 10.20.0.52 to 3c:ec:ef:10:20:02 (rack12-srv02) via eth0"),
    # nak: the client asks for an address another server gave it
    (20.0, None, "DHCPREQUEST for 192.168.1.57 from b8:ca:3a:00:00:06 via eth0: wrong network."),
    (20.0, None, "DHCPNAK on 192.168.1.57 to b8:ca:3a:00:00:06 via eth0"),
    # slow-renew: complete, chainload 4 s later, the new round needs 29 s
    (30.0, None, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0"),
    (30.0, None, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (31.0, None, "DHCPREQUEST for 10.20.0.57 (10.20.0.2) from 52:54:00:00:00:07 via eth0"),
    (31.0, None, "DHCPACK on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (31.4, "in.tftpd[2231]", "RRQ from 10.20.0.57 filename undionly.kpxe"),
    (35.0, None, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0"),
    (35.0, None, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (39.0, None, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0"),
    (39.0, None, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (47.0, None, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0"),
    (47.0, None, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (63.0, None, "DHCPDISCOVER from 52:54:00:00:00:07 via eth0"),
    (63.0, None, "DHCPOFFER on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    (64.0, None, "DHCPREQUEST for 10.20.0.57 (10.20.0.2) from 52:54:00:00:00:07 via eth0"),
    (64.0, None, "DHCPACK on 10.20.0.57 to 52:54:00:00:00:07 via eth0"),
    # renew-failed: complete, chainload 3 s later, the new round never completes
    (70.0, None, "DHCPDISCOVER from 52:54:00:00:00:08 via eth0"),
    (70.0, None, "DHCPOFFER on 10.20.0.58 to 52:54:00:00:00:08 via eth0"),
    (70.5, None, "DHCPREQUEST for 10.20.0.58 (10.20.0.2) from 52:54:00:00:00:08 via eth0"),
    (70.5, None, "DHCPACK on 10.20.0.58 to 52:54:00:00:00:08 via eth0"),
    (73.5, None, "DHCPDISCOVER from 52:54:00:00:00:08 via eth0"),
    (73.5, None, "DHCPOFFER on 10.20.0.58 to 52:54:00:00:00:08 via eth0"),
    (77.5, None, "DHCPDISCOVER from 52:54:00:00:00:08 via eth0"),
    (77.5, None, "DHCPOFFER on 10.20.0.58 to 52:54:00:00:00:08 via eth0"),
    (85.5, None, "DHCPDISCOVER from 52:54:00:00:00:08 via eth0"),
    (85.5, None, "DHCPOFFER on 10.20.0.58 to 52:54:00:00:00:08 via eth0"),
    # complete with a healthy chainload round (0.5 s)
    (90.0, None, "DHCPDISCOVER from 52:54:00:00:00:09 via eth0"),
    (90.0, None, "DHCPOFFER on 10.20.0.59 to 52:54:00:00:00:09 via eth0"),
    (90.2, None, "DHCPREQUEST for 10.20.0.59 (10.20.0.2) from 52:54:00:00:00:09 via eth0"),
    (90.2, None, "DHCPACK on 10.20.0.59 to 52:54:00:00:00:09 via eth0"),
    (93.0, "kernel", "[ 8812.331] ixgbe 0000:03:00.0 eth2: NIC Link is Up 10 Gbps"),
    (93.2, None, "DHCPDISCOVER from 52:54:00:00:00:09 via eth0"),
    (93.2, None, "DHCPOFFER on 10.20.0.59 to 52:54:00:00:00:09 via eth0"),
    (93.7, None, "DHCPREQUEST for 10.20.0.59 (10.20.0.2) from 52:54:00:00:00:09 via eth0"),
    (93.7, None, "DHCPACK on 10.20.0.59 to 52:54:00:00:00:09 via eth0"),
    # complete: a renewal (REQUEST and ACK only)
    (95.0, None, "DHCPREQUEST for 10.20.0.10 from 00:25:90:aa:bb:10 via eth0"),
    (95.0, None, "DHCPACK on 10.20.0.10 to 00:25:90:aa:bb:10 via eth0"),
    # no-ack: REQUEST for another server's offer
    (96.0, None, "DHCPDISCOVER from 00:25:90:aa:bb:11 via eth0"),
    (96.0, None, "DHCPOFFER on 10.20.0.61 to 00:25:90:aa:bb:11 via eth0"),
    (96.3, None, "DHCPREQUEST for 192.168.7.20 (192.168.7.1) from 00:25:90:aa:bb:11 via eth0: lease 192.168.7.20 unknown."),
]

RESTART = [
    (0.0, None, "DHCPDISCOVER from 3c:ec:ef:10:30:01 via eth0"),
    (0.5, None, "DHCPDISCOVER from 3c:ec:ef:10:30:02 via eth0"),
    (1.0, "systemd[1]", "Stopping isc-dhcp-server.service - ISC DHCP IPv4 server..."),
    (1.5, "dhcpd[1402]", "Internet Systems Consortium DHCP Server 4.4.3-P1"),
    (1.5, "dhcpd[1402]", "Copyright 2004-2022 Internet Systems Consortium."),
    (1.5, "dhcpd[1402]", "All rights reserved."),
    (1.5, "dhcpd[1402]", "For info, please visit https://www.isc.org/software/dhcp/"),
    (1.6, "dhcpd[1402]", "Wrote 0 leases to leases file."),
    (1.6, "dhcpd[1402]", "Listening on LPF/eth0/52:54:00:ab:cd:ef/10.20.0.0/24"),
    (1.6, "dhcpd[1402]", "Sending on   LPF/eth0/52:54:00:ab:cd:ef/10.20.0.0/24"),
    (1.6, "dhcpd[1402]", "Server starting service."),
    (4.0, "dhcpd[1402]", "DHCPDISCOVER from 3c:ec:ef:10:30:01 via eth0"),
    (4.0, "dhcpd[1402]", "DHCPOFFER on 10.20.0.71 to 3c:ec:ef:10:30:01 via eth0"),
    (4.4, "dhcpd[1402]", "DHCPREQUEST for 10.20.0.71 (10.20.0.2) from 3c:ec:ef:10:30:01 via eth0"),
    (4.4, "dhcpd[1402]", "DHCPACK on 10.20.0.71 to 3c:ec:ef:10:30:01 via eth0"),
    # a second restart without a banner (only the pid changes)
    (30.0, "dhcpd[1533]", "DHCPDISCOVER from 3c:ec:ef:10:30:03 via 10.30.0.1"),
    (30.0, "dhcpd[1533]", "DHCPOFFER on 10.30.0.73 to 3c:ec:ef:10:30:03 via 10.30.0.1"),
    (30.3, "dhcpd[1533]", "DHCPREQUEST for 10.30.0.73 (10.20.0.2) from 3c:ec:ef:10:30:03 via 10.30.0.1"),
    (30.3, "dhcpd[1533]", "DHCPACK on 10.30.0.73 to 3c:ec:ef:10:30:03 via 10.30.0.1"),
]


def classic(t):
    d = BASE + datetime.timedelta(seconds=t)
    return d.strftime("%b ") + ("%2d" % d.day) + d.strftime(" %H:%M:%S")


def rfc3339(t):
    d = BASE + datetime.timedelta(seconds=t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % d.microsecond + "+02:00"


def write(name, events, stamp, host="pxe01"):
    with open(os.path.join(HERE, name), "w") as f:
        for t, prog, msg in events:
            f.write("%s %s %s: %s\n" % (stamp(t), host, prog or "dhcpd[%d]" % PID, msg))


write("classes-classic.log", CLASSES, classic)
write("classes-rfc3339.log", CLASSES, rfc3339)
write("restart.log", RESTART, classic)
