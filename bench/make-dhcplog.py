#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes a synthetic DHCP server log for the dhcp-log benches: handshakes
of 5,000 clients on several interfaces and relays (5 % without an offer),
the server's own noise and other programs' lines, in one of the formats
dhcp-log reads. The same seeded sequence of events for every format.

    bench/make-dhcplog.py FORMAT LINES PATH

FORMAT: dhcpd (classic syslog stamps), dhcpd-rfc3339, dnsmasq (its own
file, --log-dhcp), kea (its own file, debug level 99), journal-iso
(dnsmasq through journald, journalctl -o short-iso), journal-json
(journalctl -o json). The line shapes are those the real servers wrote in
tests/integration/test_dhcplog_servers.sh and test_dhcplog_slow_renew.sh.
"""
import datetime
import random
import sys

fmt, total, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(7)
t = datetime.datetime(2024, 5, 14, 0, 0, 0)
macs = ["3c:ec:ef:%02x:%02x:%02x" % (i >> 16 & 255, i >> 8 & 255, i & 255) for i in range(5000)]
vias = ["eth0", "eth1", "10.30.0.1", "10.40.0.1", "10.50.0.1"]
EPOCH = datetime.datetime(1970, 1, 1)


def classic(t):
    return t.strftime("%b ") + "%2d" % t.day + t.strftime(" %H:%M:%S")


def rfc3339(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d+02:00" % t.microsecond


def syslog(t, host, tag, msg):
    stamp = rfc3339(t) if fmt == "dhcpd-rfc3339" else classic(t)
    return "%s %s %s: %s\n" % (stamp, host, tag, msg)


def journal_json(t, ident, pid, msg):
    us = int((t - EPOCH).total_seconds() * 1e6)
    return (
        '{"__CURSOR":"s=6b1c0e0f4a7d4c0e9d1b2a3c4d5e6f70;i=%x;b=2f6d1e0c9b8a4f3e8d7c6b5a49382716;'
        'm=%x;t=%x;x=1a2b3c4d5e6f7081","__REALTIME_TIMESTAMP":"%d","__MONOTONIC_TIMESTAMP":"%d",'
        '"_BOOT_ID":"2f6d1e0c9b8a4f3e8d7c6b5a49382716","_MACHINE_ID":"0c1d2e3f40516273849506a7b8c9dae0",'
        '"_HOSTNAME":"pxe01","PRIORITY":"6","SYSLOG_FACILITY":"3","_UID":"0","_GID":"0","_COMM":"%s",'
        '"_EXE":"/usr/sbin/%s","_CMDLINE":"/usr/sbin/%s -k","_SYSTEMD_UNIT":"%s.service",'
        '"_TRANSPORT":"syslog","SYSLOG_IDENTIFIER":"%s","_PID":"%d","MESSAGE":"%s"}\n'
        % (us, us, us, us, us - 1000000, ident.split("-")[0], ident.split("-")[0],
           ident.split("-")[0], ident.split("-")[0], ident, pid, msg.replace('"', '\\"'))
    )


def journal_iso(t, tag, msg):
    return "%s pxe01 %s: %s\n" % (t.strftime("%Y-%m-%dT%H:%M:%S+0200"), tag, msg)


def other(t):
    """A line of another program (TFTP) and one of the server's noise."""
    ip = "10.20.%d.%d" % (rnd.randrange(256), rnd.randrange(256))
    if fmt in ("dhcpd", "dhcpd-rfc3339"):
        return syslog(t, "pxe01", "in.tftpd[2231]", "RRQ from %s filename undionly.kpxe" % ip)
    if fmt == "dnsmasq":
        return "%s dnsmasq-tftp[812]: sent /srv/tftp/undionly.kpxe to %s\n" % (classic(t), ip)
    if fmt == "kea":
        return ("%s.%03d INFO  [kea-dhcp4.dhcpsrv/812.139957826159104] DHCPSRV_MEMFILE_LFC_START "
                "starting lease file cleanup\n" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000))
    if fmt == "journal-iso":
        return journal_iso(t, "in.tftpd[2231]", "RRQ from %s filename undionly.kpxe" % ip)
    return journal_json(t, "in.tftpd", 2231, "RRQ from %s filename undionly.kpxe" % ip)


def noise(t):
    n = rnd.randrange(9000)
    if fmt in ("dhcpd", "dhcpd-rfc3339"):
        return syslog(t, "pxe01", "dhcpd[812]", "Wrote %d leases to leases file." % n)
    msg = "%d DHCP, IP range 10.20.0.50 -- 10.20.255.250, lease time 1h" % n
    if fmt == "dnsmasq":
        return "%s dnsmasq-dhcp[812]: %s\n" % (classic(t), msg)
    if fmt == "kea":
        return ("%s.%03d DEBUG [kea-dhcp4.packets/812.139957826159104] DHCP4_BUFFER_RECEIVED received "
                "buffer from 10.30.0.1:67 to 10.20.0.2:67 over interface eth0\n"
                % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000))
    if fmt == "journal-iso":
        return journal_iso(t, "dnsmasq-dhcp[812]", msg)
    return journal_json(t, "dnsmasq-dhcp", 812, msg)


def handshake(t, m, v, ip, name, no_offer):
    """The server's lines of one handshake."""
    if fmt in ("dhcpd", "dhcpd-rfc3339"):
        block = ["DHCPDISCOVER from %s%s via %s" % (m, name, v),
                 "DHCPOFFER on %s to %s%s via %s" % (ip, m, name, v),
                 "DHCPREQUEST for %s (10.20.0.2) from %s%s via %s" % (ip, m, name, v),
                 "DHCPACK on %s to %s%s via %s" % (ip, m, name, v)]
        if no_offer:
            block = [block[0] + ": network 10.30.0.0/24: no free leases"]
        return [syslog(t, "pxe01", "dhcpd[812]", b) for b in block]
    iface = v if not v[0].isdigit() else "eth0"
    host = " node-" + m[-5:].replace(":", "") if name else ""
    if fmt == "kea":
        stamp = "%s.%03d" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000)
        tid = "0x%08x" % rnd.getrandbits(32)
        hw = "[hwtype=1 %s], cid=[01:%s], tid=%s" % (m, m, tid)
        pk = "%s DEBUG [kea-dhcp4.packets/812.139957826159104] DHCP4_PACKET_RECEIVED %s: " % (stamp, hw)
        ls = "%s INFO  [kea-dhcp4.leases/812.139957826159104] " % stamp
        block = [pk + "DHCPDISCOVER (type 1) received from 0.0.0.0 to 255.255.255.255 on interface %s\n" % iface]
        if no_offer:
            return block + [ls.replace("kea-dhcp4.leases", "kea-dhcp4.alloc-engine") +
                            "ALLOC_ENGINE_V4_ALLOC_FAIL %s: failed to allocate an IPv4 address after 0 attempt(s)\n" % hw]
        return block + [ls + "DHCP4_LEASE_ADVERT %s: lease %s will be advertised\n" % (hw, ip),
                        pk + "DHCPREQUEST (type 3) received from 0.0.0.0 to 255.255.255.255 on interface %s\n" % iface,
                        ls + "DHCP4_LEASE_ALLOC %s: lease %s has been allocated for 7200 seconds\n" % (hw, ip)]
    xid = rnd.getrandbits(31)
    block = ["%d DHCPDISCOVER(%s) %s " % (xid, iface, m)]
    if no_offer:
        block = ["%d DHCPDISCOVER(%s) %s no address available" % (xid, iface, m)]
    else:
        block += ["%d DHCPOFFER(%s) %s %s " % (xid, iface, ip, m),
                  "%d DHCPREQUEST(%s) %s %s " % (xid, iface, ip, m),
                  "%d DHCPACK(%s) %s %s%s" % (xid, iface, ip, m, host)]
    if fmt == "dnsmasq":
        return ["%s dnsmasq-dhcp[812]: %s\n" % (classic(t), b) for b in block]
    if fmt == "journal-iso":
        return [journal_iso(t, "dnsmasq-dhcp[812]", b) for b in block]
    return [journal_json(t, "dnsmasq-dhcp", 812, b) for b in block]


out, n = [], 0
with open(path, "w") as f:
    while n < total:
        t += datetime.timedelta(microseconds=rnd.randrange(1000, 20000))
        r = rnd.random()
        if r < 0.06:
            out.append(other(t))
            n += 1
            continue
        if r < 0.08:
            out.append(noise(t))
            n += 1
            continue
        m = rnd.choice(macs)
        v = rnd.choice(vias)
        ip = "10.20.%d.%d" % (rnd.randrange(256), rnd.randrange(1, 255))
        name = " (node-%s)" % m[-5:].replace(":", "") if rnd.random() < 0.3 else ""
        block = handshake(t, m, v, ip, name, rnd.random() < 0.05)
        out.extend(block)
        n += len(block)
        if len(out) > 100000:
            f.writelines(out)
            out = []
    f.writelines(out)
