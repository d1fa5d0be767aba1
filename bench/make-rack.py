#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Generates a simulated rack: N 48-port top-of-rack switches as .snmprec
recordings (for snmpsim) and the inventory that audits them.

Each switch has 48 copper server ports (1000BASE-T) and 2 SFP+ uplinks
(10GBASE-SR), so 50 physical ports, plus three port-channels, two VLAN
interfaces and a loopback. Tables: the system group, IF-MIB ifTable, ifXTable
and ifStackTable, BRIDGE-MIB (base ports, STP scalars with RSTP as
dot1dStpVersion, dot1dStpPortTable, a forwarding table), RSTP-MIB edge
admin/oper, Q-BRIDGE-MIB (PVID, static VLANs), IEEE8023-LAG-MIB for the
bundle members, MAU-MIB for every physical port.

The server ports carry a deterministic mix of situations (seeded by the
switch number): edge and forwarding, not edge, auto-edge, link down, shut,
wrong VLAN, degraded speed, still learning. Ports 45-48 are two LACP server
bonds, ports 49-50 the LACP uplink bundle. Every switch has the same
interfaces and rows, only values differ, so every switch costs an agent the
same number of requests.

Usage: make-rack.py [--switches N] [--base-port PORT] [--seed S] OUTDIR
Writes OUTDIR/data/leafNNN.snmprec, OUTDIR/inventory.yaml (switch i at
127.0.0.1:PORT+i, community leafNNN) and OUTDIR/inventory-walk.yaml (the
same switches read from the recordings with `walk:`).
"""

import argparse
import os
import random
import sys

SERVER_PORTS = 48
UPLINKS = 2
PHYSICAL = SERVER_PORTS + UPLINKS
# Port-channel N has ifIndex 1000000 + N and bridge port 1000 + N.
BUNDLES = {1: [49, 50], 10: [45, 46], 11: [47, 48]}
VLANS = {1: "default", 100: "provisioning", 200: "storage", 4000: "mlag-peer"}
VLAN_IFINDEX = {1: 2001, 100: 2100}
LOOPBACK_IFINDEX = 5000
PROVISIONING_VLAN = 100

# (situation, weight) for server ports that are not in a bond.
SITUATIONS = [
    ("ready", 60),
    ("not-edge", 12),
    ("auto-edge", 5),
    ("link-down", 8),
    ("admin-down", 5),
    ("wrong-vlan", 4),
    ("slow", 3),
    ("learning", 3),
]

SYS = "1.3.6.1.2.1.1"
IF = "1.3.6.1.2.1.2.2.1"
IFX = "1.3.6.1.2.1.31.1.1.1"
STACK = "1.3.6.1.2.1.31.1.2.1"
BRIDGE = "1.3.6.1.2.1.17"
QBRIDGE = "1.3.6.1.2.1.17.7.1"
LAG = "1.2.840.10006.300.43.1"
MAU = "1.3.6.1.2.1.26"
DOT3_MAU_TYPE = "1.3.6.1.2.1.26.4"

MAU_1000T_FD, MAU_100TX_FD, MAU_10G_SR = 30, 16, 36


class Recording:
    """Varbinds of one agent, written numerically sorted (snmpsim needs it)."""

    def __init__(self):
        self.rows = {}

    def add(self, oid, typ, value):
        key = tuple(int(a) for a in oid.split("."))
        self.rows[key] = (typ, value)

    def integer(self, oid, v):
        self.add(oid, "2", str(v))

    def octets(self, oid, text):
        self.add(oid, "4", text)

    def hexbytes(self, oid, data):
        self.add(oid, "4x", data.hex())

    def objid(self, oid, value):
        self.add(oid, "6", value)

    def counter(self, oid, v):
        self.add(oid, "65", str(v % 2**32))

    def gauge(self, oid, v):
        self.add(oid, "66", str(v))

    def ticks(self, oid, v):
        self.add(oid, "67", str(v))

    def counter64(self, oid, v):
        self.add(oid, "70", str(v))

    def write(self, path):
        with open(path, "w") as f:
            for key in sorted(self.rows):
                typ, value = self.rows[key]
                f.write("%s|%s|%s\n" % (".".join(map(str, key)), typ, value))


def bits(numbers, n_bytes):
    """A BITS value: bit N is the (N % 8)-th high bit of byte N // 8."""
    out = bytearray(n_bytes)
    for n in numbers:
        out[n // 8] |= 0x80 >> (n % 8)
    return bytes(out)


def port_bitmap(ports, n_bytes=8):
    """A PortList: bridge port N is bit N - 1."""
    return bits([p - 1 for p in ports if p <= n_bytes * 8], n_bytes)


def situations_for(rng):
    names = [s for s, _ in SITUATIONS]
    weights = [w for _, w in SITUATIONS]
    bonded = set(BUNDLES[10] + BUNDLES[11])
    out = {}
    for port in range(1, SERVER_PORTS + 1):
        out[port] = "bond" if port in bonded else rng.choices(names, weights)[0]
    for port in range(SERVER_PORTS + 1, PHYSICAL + 1):
        out[port] = "uplink"
    return out


def member_of(port):
    for n, members in BUNDLES.items():
        if port in members:
            return n
    return None


def interfaces():
    """(ifIndex, name, ifType, mtu, speed_mbps) in ifIndex order."""
    out = []
    for p in range(1, PHYSICAL + 1):
        out.append((p, "Ethernet%d" % p, 6, 9214, 10000 if p > SERVER_PORTS else 1000))
    out.append((VLAN_IFINDEX[1], "Vlan1", 136, 1500, 0))
    out.append((VLAN_IFINDEX[100], "Vlan100", 136, 1500, 0))
    out.append((LOOPBACK_IFINDEX, "Loopback0", 24, 65535, 0))
    for n, members in sorted(BUNDLES.items()):
        out.append((1000000 + n, "Port-Channel%d" % n, 161, 9214, 1000 * len(members)
                    if n != 1 else 10000 * len(members)))
    return sorted(out)


def add_fdb(rec, number, bridge_ports, oper, macs):
    """Q-BRIDGE-MIB dot1qTpFdbPort/Status (1.3.6.1.2.1.17.7.1.2.2.1.2/.3,
    index FDB 100 and the MAC; learned 3) for macs rows: each server port's
    host, then transit MACs 02:aa:NN:kk:kk:01 on the uplink bundle
    Port-Channel1 (bridge port 1001), as a leaf learns the rack's other
    hosts through its uplinks."""
    rows = []
    for bp, ifindex in bridge_ports:
        if oper[ifindex] == 1 and ifindex <= SERVER_PORTS:
            rows.append((bytes([0x0c, 0xc4, 0x7a, number & 0xFF, bp >> 8 & 0xFF, bp & 0xFF]), bp))
    k = 0
    while len(rows) < macs:
        rows.append((bytes([0x02, 0xaa, number & 0xFF, k >> 8 & 0xFF, k & 0xFF, 0x01]), 1001))
        k += 1
    for host_mac, bp in rows[:macs]:
        idx = ".100." + ".".join(str(x) for x in host_mac)
        rec.integer(QBRIDGE + ".2.2.1.2" + idx, bp)
        rec.integer(QBRIDGE + ".2.2.1.3" + idx, 3)


def make_switch(number, seed, fdb_macs=0):
    rng = random.Random(seed * 100003 + number)
    name = "leaf%03d" % number
    rec = Recording()
    uptime = rng.randrange(10**8, 4 * 10**9)  # centiseconds: ~12 days to ~1.3 years
    mac = bytes([0x02, 0x1c, 0x73, number >> 8 & 0xFF, number & 0xFF, 0x00])
    sit = situations_for(rng)

    # --- SNMPv2-MIB system group ---
    rec.octets(SYS + ".1.0", "Simulated 48x1G + 2x10G top-of-rack switch, RackOS 4.2.1 (%s)" % name)
    rec.objid(SYS + ".2.0", "1.3.6.1.4.1.99999.1.48")
    rec.ticks(SYS + ".3.0", uptime)
    rec.octets(SYS + ".4.0", "noc@example.net")
    rec.octets(SYS + ".5.0", name)
    rec.octets(SYS + ".6.0", "dc1 row 3 rack %d, U42" % number)
    rec.integer(SYS + ".7.0", 6)

    # --- IF-MIB ---
    ifs = interfaces()
    rec.integer("1.3.6.1.2.1.2.1.0", len(ifs))
    oper = {}
    admin = {}
    speed = {}
    for ifindex, ifname, iftype, mtu, mbps in ifs:
        s = sit.get(ifindex)
        a, o = 1, 1
        if s == "admin-down":
            a, o = 2, 2
        elif s == "link-down":
            o = 2
        if ifindex > 1000000:
            mbps = sum(1000 if m <= SERVER_PORTS else 10000 for m in BUNDLES[ifindex - 1000000])
        if s == "slow":
            mbps = 100
        mbps_now = mbps  # a down port still reports its configured speed
        admin[ifindex], oper[ifindex], speed[ifindex] = a, o, mbps_now
        up = o == 1
        traffic = rng.randrange(10**9, 10**13) if up else 0
        pkts = traffic // 800
        i = "." + str(ifindex)
        rec.integer(IF + ".1" + i, ifindex)
        rec.octets(IF + ".2" + i, ifname)
        rec.integer(IF + ".3" + i, iftype)
        rec.integer(IF + ".4" + i, mtu)
        rec.gauge(IF + ".5" + i, min(mbps_now * 10**6, 2**32 - 1))
        rec.hexbytes(IF + ".6" + i, mac[:5] + bytes([ifindex & 0xFF]) if iftype != 24 else b"")
        rec.integer(IF + ".7" + i, a)
        rec.integer(IF + ".8" + i, o)
        rec.ticks(IF + ".9" + i, rng.randrange(0, uptime))
        rec.counter(IF + ".10" + i, traffic)
        rec.counter(IF + ".11" + i, pkts)
        rec.counter(IF + ".12" + i, pkts // 50)
        rec.counter(IF + ".13" + i, 0)
        rec.counter(IF + ".14" + i, rng.randrange(0, 20) if up else 0)
        rec.counter(IF + ".15" + i, 0)
        rec.counter(IF + ".16" + i, traffic * 3 // 2)
        rec.counter(IF + ".17" + i, pkts * 3 // 2)
        rec.counter(IF + ".18" + i, pkts // 40)
        rec.counter(IF + ".19" + i, rng.randrange(0, 500) if up else 0)
        rec.counter(IF + ".20" + i, 0)
        rec.gauge(IF + ".21" + i, 0)
        rec.objid(IF + ".22" + i, "0.0")
        # ifXTable
        rec.octets(IFX + ".1" + i, ifname)
        rec.counter(IFX + ".2" + i, pkts // 100)
        rec.counter(IFX + ".3" + i, pkts // 200)
        rec.counter(IFX + ".4" + i, pkts // 90)
        rec.counter(IFX + ".5" + i, pkts // 150)
        rec.counter64(IFX + ".6" + i, traffic)
        rec.counter64(IFX + ".7" + i, pkts)
        rec.counter64(IFX + ".8" + i, pkts // 100)
        rec.counter64(IFX + ".9" + i, pkts // 200)
        rec.counter64(IFX + ".10" + i, traffic * 3 // 2)
        rec.counter64(IFX + ".11" + i, pkts * 3 // 2)
        rec.counter64(IFX + ".12" + i, pkts // 90)
        rec.counter64(IFX + ".13" + i, pkts // 150)
        rec.integer(IFX + ".14" + i, 1 if iftype in (6, 161) else 2)
        rec.gauge(IFX + ".15" + i, mbps_now)
        rec.integer(IFX + ".16" + i, 2)
        rec.integer(IFX + ".17" + i, 1 if iftype == 6 else 2)
        if ifindex <= SERVER_PORTS:
            alias = "srv-r%02d-%02d eth0" % (number % 100, ifindex)
        elif ifindex <= PHYSICAL:
            alias = "uplink spine%d" % (ifindex - SERVER_PORTS)
        elif ifindex > 1000000:
            alias = "bond %s" % ifname
        else:
            alias = ""
        rec.octets(IFX + ".18" + i, alias)
        rec.ticks(IFX + ".19" + i, 0)

    # ifStackTable: (higher, lower); 0 marks the top and the bottom.
    stack = []
    members = {m for ms in BUNDLES.values() for m in ms}
    for ifindex, _, iftype, _, _ in ifs:
        if ifindex not in members:
            stack.append((0, ifindex))
        if iftype == 161:
            stack += [(ifindex, m) for m in BUNDLES[ifindex - 1000000]]
        else:
            stack.append((ifindex, 0))
    for hi, lo in stack:
        rec.integer(STACK + ".3.%d.%d" % (hi, lo), 1)

    # --- BRIDGE-MIB ---
    bridge_ports = [(p, p) for p in range(1, PHYSICAL + 1) if p not in members]
    bridge_ports += [(1000 + n, 1000000 + n) for n in sorted(BUNDLES)]
    rec.hexbytes(BRIDGE + ".1.1.0", mac)
    rec.integer(BRIDGE + ".1.2.0", len(bridge_ports))
    rec.integer(BRIDGE + ".1.3.0", 2)
    for bp, ifindex in bridge_ports:
        b = ".%d" % bp
        rec.integer(BRIDGE + ".1.4.1.1" + b, bp)
        rec.integer(BRIDGE + ".1.4.1.2" + b, ifindex)
        rec.objid(BRIDGE + ".1.4.1.3" + b, "0.0")
        rec.counter(BRIDGE + ".1.4.1.4" + b, 0)
        rec.counter(BRIDGE + ".1.4.1.5" + b, 0)
    root = bytes([0x10, 0x00]) + bytes([0x02, 0x1c, 0x73, 0x00, 0x00, 0x01])
    bridge_id = bytes([0x80, 0x00]) + mac
    stp = BRIDGE + ".2"
    rec.integer(stp + ".1.0", 3)
    rec.integer(stp + ".2.0", 32768)
    rec.ticks(stp + ".3.0", rng.randrange(0, uptime))
    rec.counter(stp + ".4.0", rng.randrange(1, 200))
    rec.hexbytes(stp + ".5.0", root)
    rec.integer(stp + ".6.0", 2000)
    rec.integer(stp + ".7.0", 1001)
    rec.integer(stp + ".8.0", 2000)
    rec.integer(stp + ".9.0", 200)
    rec.integer(stp + ".10.0", 100)
    rec.integer(stp + ".11.0", 1500)
    rec.integer(stp + ".12.0", 2000)
    rec.integer(stp + ".13.0", 200)
    rec.integer(stp + ".14.0", 1500)
    rec.integer(stp + ".16.0", 2)  # dot1dStpVersion rstp(2)
    rec.integer(stp + ".17.0", 6)
    for bp, ifindex in bridge_ports:
        s = sit.get(ifindex, "bond")
        b = ".%d" % bp
        up = oper[ifindex] == 1
        state = 5 if up else 1
        admin_edge, oper_edge = 1, 1 if up else 2
        if s in ("not-edge", "uplink", "learning") or ifindex == 1000001:
            admin_edge, oper_edge = 2, 2
        if s == "auto-edge":
            admin_edge = 2
        if s == "learning":
            state = 4
        cost = 20000 if speed[ifindex] >= 1000 else 200000
        rec.integer(stp + ".15.1.1" + b, bp)
        rec.integer(stp + ".15.1.2" + b, 128)
        rec.integer(stp + ".15.1.3" + b, state)
        rec.integer(stp + ".15.1.4" + b, 1)
        rec.integer(stp + ".15.1.5" + b, cost)
        rec.hexbytes(stp + ".15.1.6" + b, root)
        rec.integer(stp + ".15.1.7" + b, 2000 if up else 0)
        rec.hexbytes(stp + ".15.1.8" + b, bridge_id)
        rec.hexbytes(stp + ".15.1.9" + b, bytes([0x80, bp & 0xFF]))
        rec.counter(stp + ".15.1.10" + b, rng.randrange(1, 30) if up else 0)
        rec.integer(stp + ".15.1.11" + b, cost)
        # RSTP-MIB dot1dStpExtPortTable
        rec.integer(stp + ".19.1.1" + b, 2)
        rec.integer(stp + ".19.1.2" + b, admin_edge)
        rec.integer(stp + ".19.1.3" + b, oper_edge)
        rec.integer(stp + ".19.1.4" + b, 2)
        rec.integer(stp + ".19.1.5" + b, 1)
        rec.integer(stp + ".19.1.6" + b, 0)
    # dot1dTp: aging time and one learned MAC per forwarding server port.
    rec.counter(BRIDGE + ".4.1.0", 0)
    rec.integer(BRIDGE + ".4.2.0", 300)
    for bp, ifindex in bridge_ports:
        if oper[ifindex] != 1 or ifindex > SERVER_PORTS:
            continue
        host_mac = bytes([0x0c, 0xc4, 0x7a, number & 0xFF, bp >> 8 & 0xFF, bp & 0xFF])
        idx = "." + ".".join(str(x) for x in host_mac)
        rec.hexbytes(BRIDGE + ".4.3.1.1" + idx, host_mac)
        rec.integer(BRIDGE + ".4.3.1.2" + idx, bp)
        rec.integer(BRIDGE + ".4.3.1.3" + idx, 3)

    if fdb_macs > 0:
        add_fdb(rec, number, bridge_ports, oper, fdb_macs)

    # --- Q-BRIDGE-MIB ---
    rec.integer(QBRIDGE + ".1.1.0", 1)
    rec.integer(QBRIDGE + ".1.2.0", 4094)
    rec.gauge(QBRIDGE + ".1.3.0", 4094)
    rec.gauge(QBRIDGE + ".1.4.0", len(VLANS))
    rec.integer(QBRIDGE + ".1.5.0", 2)
    pvid = {}
    for bp, ifindex in bridge_ports:
        s = sit.get(ifindex, "bond")
        if s == "uplink" or ifindex == 1000001:
            pvid[bp] = 1
        elif s == "wrong-vlan":
            pvid[bp] = rng.choice([1, 200])
        else:
            pvid[bp] = PROVISIONING_VLAN
    trunk = [bp for bp, ifindex in bridge_ports if ifindex == 1000001]
    for vlan, vname in sorted(VLANS.items()):
        v = ".%d" % vlan
        access = [bp for bp in pvid if pvid[bp] == vlan and bp not in trunk]
        egress = access + trunk
        rec.octets(QBRIDGE + ".4.3.1.1" + v, vname)
        rec.hexbytes(QBRIDGE + ".4.3.1.2" + v, port_bitmap(egress))
        rec.hexbytes(QBRIDGE + ".4.3.1.3" + v, port_bitmap([]))
        rec.hexbytes(QBRIDGE + ".4.3.1.4" + v, port_bitmap(access + (trunk if vlan == 1 else [])))
        rec.integer(QBRIDGE + ".4.3.1.5" + v, 1)
    for bp, _ in bridge_ports:
        b = ".%d" % bp
        rec.gauge(QBRIDGE + ".4.5.1.1" + b, pvid[bp])
        rec.integer(QBRIDGE + ".4.5.1.2" + b, 1)
        rec.integer(QBRIDGE + ".4.5.1.3" + b, 2)

    # --- IEEE8023-LAG-MIB: aggregators and their members ---
    partner = bytes([0x02, 0x1c, 0x73, 0xee, number & 0xFF, 0x00])
    for n, ms in sorted(BUNDLES.items()):
        agg = ".%d" % (1000000 + n)
        rec.hexbytes(LAG + ".1.1.1.1" + agg, mac)
        rec.integer(LAG + ".1.1.1.2" + agg, 32768)
        rec.hexbytes(LAG + ".1.1.1.3" + agg, mac)
        rec.integer(LAG + ".1.1.1.4" + agg, 1)
        rec.integer(LAG + ".1.1.1.5" + agg, n)
        rec.integer(LAG + ".1.1.1.6" + agg, n)
        rec.hexbytes(LAG + ".1.1.1.7" + agg, partner)
        rec.integer(LAG + ".1.1.1.8" + agg, 32768)
        rec.integer(LAG + ".1.1.1.9" + agg, n)
        rec.integer(LAG + ".1.1.1.10" + agg, 0)
    for p in sorted(members):
        n = member_of(p)
        i = ".%d" % p
        rec.integer(LAG + ".2.1.1.1" + i, 32768)
        rec.hexbytes(LAG + ".2.1.1.2" + i, mac)
        rec.integer(LAG + ".2.1.1.3" + i, n)
        rec.integer(LAG + ".2.1.1.4" + i, n)
        rec.integer(LAG + ".2.1.1.5" + i, 0)
        rec.integer(LAG + ".2.1.1.6" + i, 32768)
        rec.hexbytes(LAG + ".2.1.1.7" + i, bytes(6))
        rec.hexbytes(LAG + ".2.1.1.8" + i, partner)
        rec.integer(LAG + ".2.1.1.9" + i, 0)
        rec.integer(LAG + ".2.1.1.10" + i, n)
        rec.integer(LAG + ".2.1.1.12" + i, 1000000 + n)
        rec.integer(LAG + ".2.1.1.13" + i, 1000000 + n)
        rec.integer(LAG + ".2.1.1.14" + i, p)
        rec.integer(LAG + ".2.1.1.15" + i, 32768)
        rec.integer(LAG + ".2.1.1.16" + i, 0)
        rec.integer(LAG + ".2.1.1.17" + i, p)
        rec.integer(LAG + ".2.1.1.18" + i, 32768)
        rec.integer(LAG + ".2.1.1.19" + i, 32768)
        # activity, aggregation, sync, collecting, distributing
        in_sync = bits([0, 2, 3, 4, 5], 1)
        rec.hexbytes(LAG + ".2.1.1.20" + i, bits([0, 2], 1))
        rec.hexbytes(LAG + ".2.1.1.21" + i, in_sync)
        rec.hexbytes(LAG + ".2.1.1.22" + i, bits([], 1))
        rec.hexbytes(LAG + ".2.1.1.23" + i, in_sync)
        rec.integer(LAG + ".2.1.1.24" + i, 1)
        rec.counter(LAG + ".2.2.1.1" + i, uptime // 3000)
        rec.counter(LAG + ".2.2.1.2" + i, 0)
        rec.counter(LAG + ".2.2.1.3" + i, 0)
        rec.counter(LAG + ".2.2.1.4" + i, 0)
        rec.counter(LAG + ".2.2.1.5" + i, 0)
        rec.counter(LAG + ".2.2.1.6" + i, uptime // 3000)

    # --- MAU-MIB: one MAU per physical port ---
    copper = bits([10, 11, 15, 16, 29, 30], 8)
    fibre = bits([26, 36], 8)
    for p in range(1, PHYSICAL + 1):
        i = ".%d.1" % p
        up = oper[p] == 1
        default_type = MAU_10G_SR if p > SERVER_PORTS else MAU_1000T_FD
        now = MAU_100TX_FD if sit[p] == "slow" else default_type
        rec.integer(MAU + ".2.1.1.1" + i, p)
        rec.integer(MAU + ".2.1.1.2" + i, 1)
        rec.objid(MAU + ".2.1.1.3" + i, "%s.%d" % (DOT3_MAU_TYPE, now) if up else "0.0")
        rec.integer(MAU + ".2.1.1.4" + i, 3 if up else 4)
        rec.integer(MAU + ".2.1.1.5" + i, 3 if up else 4)
        rec.counter(MAU + ".2.1.1.6" + i, rng.randrange(0, 10))
        rec.integer(MAU + ".2.1.1.7" + i, 2)
        rec.counter(MAU + ".2.1.1.8" + i, 0)
        rec.counter(MAU + ".2.1.1.9" + i, 0)
        rec.objid(MAU + ".2.1.1.11" + i, "%s.%d" % (DOT3_MAU_TYPE, default_type))
        rec.integer(MAU + ".2.1.1.12" + i, 1 if p <= SERVER_PORTS else 2)
        rec.hexbytes(MAU + ".2.1.1.13" + i, copper if p <= SERVER_PORTS else fibre)
        rec.counter64(MAU + ".2.1.1.14" + i, 0)
    for p in range(1, SERVER_PORTS + 1):
        i = ".%d.1" % p
        up = oper[p] == 1
        rec.integer(MAU + ".5.1.1.1" + i, 1)
        rec.integer(MAU + ".5.1.1.2" + i, 2 if up else 1)
        rec.integer(MAU + ".5.1.1.4" + i, 4 if up else 2)
        rec.integer(MAU + ".5.1.1.8" + i, 1)
        rec.hexbytes(MAU + ".5.1.1.9" + i, bits([1, 2, 3, 4, 5, 6, 7, 8], 2))
        rec.hexbytes(MAU + ".5.1.1.10" + i, bits([1, 2, 3, 4, 5, 6, 7, 8], 2))
        rec.hexbytes(MAU + ".5.1.1.11" + i, bits([6, 8] if up else [], 2))
        rec.integer(MAU + ".5.1.1.12" + i, 1)
        rec.integer(MAU + ".5.1.1.13" + i, 1)
    return name, rec


def inventory_header(timeout):
    return (
        "# Generated by bench/make-rack.py: a simulated rack of top-of-rack switches.\n"
        "defaults:\n"
        "  snmp: {version: 2c, timeout: %s, retries: 1}\n"
        "  expect_vlan: %d\n"
        "switches:\n" % (timeout, PROVISIONING_VLAN)
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--switches", type=int, default=100)
    ap.add_argument("--base-port", type=int, default=24000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", default="10", help="SNMP timeout (s) in the inventory")
    ap.add_argument("--fdb-macs", type=int, default=0,
                    help="rows of a Q-BRIDGE-MIB forwarding table per switch (bench/locate-scale)")
    ap.add_argument("outdir")
    args = ap.parse_args()
    if args.switches < 1 or args.switches > 999:
        sys.exit("make-rack.py: --switches takes 1 to 999")
    data = os.path.join(args.outdir, "data")
    os.makedirs(data, exist_ok=True)
    live = [inventory_header(args.timeout)]
    walk = [inventory_header(args.timeout)]
    for number in range(1, args.switches + 1):
        name, rec = make_switch(number, args.seed, args.fdb_macs)
        path = os.path.abspath(os.path.join(data, name + ".snmprec"))
        rec.write(path)
        port = args.base_port + number - 1
        live.append("  - name: %s\n    host: 127.0.0.1:%d\n    snmp: {community: %s}\n"
                    % (name, port, name))
        walk.append("  - name: %s\n    walk: %s\n" % (name, path))
    with open(os.path.join(args.outdir, "inventory.yaml"), "w") as f:
        f.write("".join(live))
    with open(os.path.join(args.outdir, "inventory-walk.yaml"), "w") as f:
        f.write("".join(walk))


if __name__ == "__main__":
    main()
