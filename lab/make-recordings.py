#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the lab's agent recordings (lab/data/*.snmprec).

The three switches of the lab rack are described port by port in the tables
below; this script turns them into snmpsim recordings (OID|TYPE|VALUE lines,
sorted by OID numerically, as snmpsim requires). lab/README.md says, port by
port, what each recording shows and the verdict portready must reach.

Run it after changing a table:  python3 lab/make-recordings.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

# snmprec type tags
INT, STR, HEX, OID, CNT32, GAUGE, TICKS, CNT64 = "2", "4", "4x", "6", "65", "66", "67", "70"

TRUE, FALSE = 1, 2  # TruthValue
UP, DOWN = 1, 2  # ifAdminStatus / ifOperStatus
DISABLED, BLOCKING, LISTENING, LEARNING, FORWARDING = 1, 2, 3, 4, 5  # dot1dStpPortState

# MAU-MIB dot3MauType values (IANA-MAU-MIB: 1.3.6.1.2.1.26.4.N)
MAU_100TX_FD = "1.3.6.1.2.1.26.4.16"
MAU_1000T_FD = "1.3.6.1.2.1.26.4.30"
# ifMauTypeListBits for a 10/100/1000BASE-T port: bits 10, 11, 15, 16, 29, 30
MAU_LIST_10_100_1000_T = "00318006"


class Recording:
    def __init__(self):
        self.rows = {}

    def add(self, oid, typ, value):
        oid = oid.lstrip(".")
        if oid in self.rows:
            raise SystemExit("duplicate OID " + oid)
        self.rows[oid] = (typ, value)

    def text(self):
        def key(oid):
            return tuple(int(part) for part in oid.split("."))

        lines = []
        for oid in sorted(self.rows, key=key):
            typ, value = self.rows[oid]
            lines.append("%s|%s|%s" % (oid, typ, value))
        return "\n".join(lines) + "\n"

    def write(self, name):
        path = os.path.join(DATA, name + ".snmprec")
        with open(path, "w") as out:
            out.write(self.text())
        print("wrote", os.path.relpath(path, os.path.dirname(HERE)), len(self.rows), "rows")


def hexstr(text):
    return text.encode().hex()


def add_system(rec, descr, object_id, uptime, name, location):
    s = "1.3.6.1.2.1.1."
    if "\n" in descr:
        rec.add(s + "1.0", HEX, hexstr(descr))
    else:
        rec.add(s + "1.0", STR, descr)
    rec.add(s + "2.0", OID, object_id)
    rec.add(s + "3.0", TICKS, uptime)
    rec.add(s + "4.0", STR, "noc@example.net")
    rec.add(s + "5.0", STR, name)
    rec.add(s + "6.0", STR, location)
    rec.add(s + "7.0", INT, 6)


def add_interfaces(rec, ifaces):
    """ifaces: list of dicts with ifindex, name, descr, type, admin, oper,
    mbps (current or configured speed), last_change, mac, alias,
    connector."""
    rec.add("1.3.6.1.2.1.2.1.0", INT, len(ifaces))
    t = "1.3.6.1.2.1.2.2.1."
    x = "1.3.6.1.2.1.31.1.1.1."
    for i in ifaces:
        ix = i["ifindex"]
        octets_in = (ix * 7919 * 104729) % 4000000000 if i["oper"] == UP else 0
        octets_out = (ix * 6007 * 130363) % 4000000000 if i["oper"] == UP else 0
        rec.add(t + "1.%d" % ix, INT, ix)
        rec.add(t + "2.%d" % ix, STR, i["descr"])
        rec.add(t + "3.%d" % ix, INT, i["type"])
        rec.add(t + "4.%d" % ix, INT, i.get("mtu", 1500))
        rec.add(t + "5.%d" % ix, GAUGE, min(i["mbps"] * 1000000, 4294967295))
        rec.add(t + "6.%d" % ix, HEX, i.get("mac", ""))
        rec.add(t + "7.%d" % ix, INT, i["admin"])
        rec.add(t + "8.%d" % ix, INT, i["oper"])
        rec.add(t + "9.%d" % ix, TICKS, i["last_change"])
        rec.add(t + "10.%d" % ix, CNT32, octets_in)
        rec.add(t + "16.%d" % ix, CNT32, octets_out)
        rec.add(x + "1.%d" % ix, STR, i["name"])
        rec.add(x + "6.%d" % ix, CNT64, octets_in * 37)
        rec.add(x + "10.%d" % ix, CNT64, octets_out * 41)
        rec.add(x + "15.%d" % ix, GAUGE, i["mbps"])
        rec.add(x + "16.%d" % ix, INT, FALSE)
        rec.add(x + "17.%d" % ix, INT, i.get("connector", TRUE if i["type"] == 6 else FALSE))
        rec.add(x + "18.%d" % ix, STR, i.get("alias", ""))


def add_bridge_base(rec, bridge_mac, port_map):
    """port_map: list of (bridge port, ifIndex)."""
    b = "1.3.6.1.2.1.17.1."
    rec.add(b + "1.0", HEX, bridge_mac)
    rec.add(b + "2.0", INT, len(port_map))
    rec.add(b + "3.0", INT, 2)  # transparent-only
    for bp, ix in port_map:
        rec.add(b + "4.1.1.%d" % bp, INT, bp)
        rec.add(b + "4.1.2.%d" % bp, INT, ix)
        rec.add(b + "4.1.3.%d" % bp, OID, "0.0")
        rec.add(b + "4.1.4.%d" % bp, CNT32, 0)
        rec.add(b + "4.1.5.%d" % bp, CNT32, 0)


def add_stp_bridge(rec, priority, root_id, root_cost, root_port, version=None, top_changes=3):
    """Bridge-level BRIDGE-MIB STP objects; timers in centiseconds."""
    s = "1.3.6.1.2.1.17.2."
    rec.add(s + "1.0", INT, 3)  # dot1dStpProtocolSpecification ieee8021d(3)
    rec.add(s + "2.0", INT, priority)
    rec.add(s + "3.0", TICKS, 8816400)
    rec.add(s + "4.0", CNT32, top_changes)
    rec.add(s + "5.0", HEX, root_id)
    rec.add(s + "6.0", INT, root_cost)
    rec.add(s + "7.0", INT, root_port)
    rec.add(s + "8.0", INT, 2000)  # dot1dStpMaxAge, centiseconds
    rec.add(s + "9.0", INT, 200)  # dot1dStpHelloTime
    rec.add(s + "10.0", INT, 100)  # dot1dStpHoldTime
    rec.add(s + "11.0", INT, 1500)  # dot1dStpForwardDelay
    rec.add(s + "12.0", INT, 2000)  # dot1dStpBridgeMaxAge
    rec.add(s + "13.0", INT, 200)  # dot1dStpBridgeHelloTime
    rec.add(s + "14.0", INT, 1500)  # dot1dStpBridgeForwardDelay
    if version is not None:
        rec.add(s + "16.0", INT, version)  # dot1dStpVersion (RSTP-MIB)
        rec.add(s + "17.0", INT, 6)  # dot1dStpTxHoldCount


def add_stp_ports(rec, ports, root_id, bridge_id, designated=None):
    """ports: list of (bridge port, state, enable, forward transitions).
    dot1dStpPortDesignatedBridge is this bridge's ID, except for the ports
    designated maps to another bridge's (the root port's upstream bridge, a
    bridge whose better BPDUs block the port)."""
    s = "1.3.6.1.2.1.17.2.15.1."
    designated = designated or {}
    for bp, state, enable, transitions in ports:
        rec.add(s + "1.%d" % bp, INT, bp)
        rec.add(s + "2.%d" % bp, INT, 128)
        rec.add(s + "3.%d" % bp, INT, state)
        rec.add(s + "4.%d" % bp, INT, enable)
        rec.add(s + "5.%d" % bp, INT, 20000 if enable == 1 else 0)
        rec.add(s + "6.%d" % bp, HEX, root_id)
        rec.add(s + "7.%d" % bp, INT, 0)
        rec.add(s + "8.%d" % bp, HEX, designated.get(bp, bridge_id))
        rec.add(s + "9.%d" % bp, HEX, "80%02x" % (bp & 0xFF))
        rec.add(s + "10.%d" % bp, CNT32, transitions)


# LLDP-MIB (IEEE 802.1AB-2005; LibreNMS's mibs/LLDP-MIB): lldpLocPortTable
# 1.0.8802.1.1.2.1.3.7.1 (.2 lldpLocPortIdSubtype, .3 lldpLocPortId, .4
# lldpLocPortDesc; index lldpLocPortNum) and lldpRemTable 1.0.8802.1.1.2.1.4.1.1
# (.4 chassis ID subtype, .5 chassis ID, .6 port ID subtype, .7 port ID, .8
# port description, .9 system name, .11/.12 capabilities supported/enabled;
# index lldpRemTimeMark.lldpRemLocalPortNum.lldpRemIndex). LLDP-V2-MIB
# (LibreNMS's mibs/LLDP-V2-MIB) lldpV2RemTable 1.3.111.2.802.1.1.13.1.4.1.1
# (.5 chassis ID subtype, .6 chassis ID, .7 port ID subtype, .8 port ID, .9
# port description, .10 system name, .12/.13 capabilities; index
# lldpV2RemTimeMark.lldpV2RemLocalIfIndex.lldpV2RemLocalDestMACAddress.
# lldpV2RemIndex). Capabilities are BITS, bit 0 the high bit of the first
# byte: bridge(2) 0x20, router(4) 0x08, stationOnly(7) 0x01.
LLDP_BRIDGE_ROUTER = "28"
LLDP_STATION = "01"
LLDP_NONE = "00"
MAC_SUBTYPE, IFNAME_SUBTYPE, LOCAL_SUBTYPE = 4, 5, 7  # chassis macAddress(4); port interfaceName(5), local(7)


def add_lldp_local(rec, ports):
    """ports: list of (lldpLocPortNum, port ID (an interface name), description)."""
    lp = "1.0.8802.1.1.2.1.3.7.1."
    for num, port_id, descr in ports:
        rec.add(lp + "2.%d" % num, INT, IFNAME_SUBTYPE)
        rec.add(lp + "3.%d" % num, STR, port_id)
        rec.add(lp + "4.%d" % num, STR, descr)


def add_lldp_remote(rec, neighbours, v2=False):
    """neighbours: list of (local port number (v2: ifIndex), index, chassis
    MAC, port ID, system name, capabilities supported, enabled (hex))."""
    if v2:
        r, cols = "1.3.111.2.802.1.1.13.1.4.1.1.", (5, 6, 7, 8, 9, 10, 12, 13)
    else:
        r, cols = "1.0.8802.1.1.2.1.4.1.1.", (4, 5, 6, 7, 8, 9, 11, 12)
    for local, index, mac, port_id, name, supported, enabled in neighbours:
        # time mark 0; LLDP-V2 adds the destination MAC address index 1
        # (nearest bridge)
        ix = "0.%d.1.%d" % (local, index) if v2 else "0.%d.%d" % (local, index)
        rec.add(r + "%d.%s" % (cols[0], ix), INT, MAC_SUBTYPE)
        rec.add(r + "%d.%s" % (cols[1], ix), HEX, mac)
        rec.add(r + "%d.%s" % (cols[2], ix), INT, IFNAME_SUBTYPE if port_id[0].isalpha() else LOCAL_SUBTYPE)
        rec.add(r + "%d.%s" % (cols[3], ix), STR, port_id)
        rec.add(r + "%d.%s" % (cols[4], ix), STR, "")
        rec.add(r + "%d.%s" % (cols[5], ix), STR, name)
        rec.add(r + "%d.%s" % (cols[6], ix), HEX, supported)
        rec.add(r + "%d.%s" % (cols[7], ix), HEX, enabled)


# ---------------------------------------------------------------------------
# rack12-a: a generic RSTP switch (enterprise 32473 is IANA's number for
# documentation). RSTP-MIB edge columns, Q-BRIDGE PVID, no MAU-MIB.
# ---------------------------------------------------------------------------
A_PORTS = [
    # n, alias, admin, oper, stp state, stp enable, admin edge, oper edge, pvid, last change
    (1, "srv12-01", UP, UP, FORWARDING, 1, TRUE, TRUE, 100, 3100),
    (2, "srv12-02", UP, UP, FORWARDING, 1, TRUE, TRUE, 100, 3120),
    (3, "srv12-03", UP, UP, FORWARDING, 1, FALSE, FALSE, 100, 3130),
    (4, "srv12-04", UP, UP, FORWARDING, 1, FALSE, TRUE, 100, 3140),
    (5, "srv12-05", UP, UP, BLOCKING, 1, TRUE, FALSE, 100, 77012345),
    (6, "srv12-06", DOWN, DOWN, DISABLED, 1, TRUE, FALSE, 100, 51200000),
    (7, "srv12-07", UP, UP, FORWARDING, 2, FALSE, FALSE, 100, 3170),
    (8, "srv12-08", UP, UP, FORWARDING, 1, TRUE, TRUE, 100, 3180),
    (9, "", UP, DOWN, DISABLED, 1, TRUE, FALSE, 100, 0),
    (10, "", UP, DOWN, DISABLED, 1, TRUE, FALSE, 100, 0),
    (11, "", DOWN, DOWN, DISABLED, 1, TRUE, FALSE, 100, 0),
    (12, "uplink core1 Ethernet1/12", UP, UP, FORWARDING, 1, FALSE, FALSE, 1, 2900),
]
A_UPTIME = 98765400
A_BRIDGE = "02120a000000"
A_ROOT = "1000" + "02ee0c000001"  # core1, the root bridge
# srv12-05 runs a software bridge that sends BPDUs better than this
# switch's (priority 0x7000): 1/1/5 is an alternate port, blocked, its
# designated bridge that bridge.
A_DESIGNATED = {12: A_ROOT, 5: "7000" + "525400120505"}
# LLDP neighbours (local port = bridge port = ifIndex): core1 on the
# uplink, two servers running lldpd (station only).
A_LLDP = [
    (12, 1, "02ee0c000001", "Ethernet1/12", "core1", "28", LLDP_BRIDGE_ROUTER),
    (1, 2, "525400120101", "eno1", "srv12-01", LLDP_STATION, LLDP_STATION),
    (2, 3, "525400120201", "eno1", "srv12-02", LLDP_STATION, LLDP_STATION),
]


# ---------------------------------------------------------------------------
# Forwarding tables (portready locate). BRIDGE-MIB (RFC 4188; net-snmp's
# mibs/BRIDGE-MIB.txt) dot1dTpFdbTable 1.3.6.1.2.1.17.4.3.1, index the MAC:
# .1 dot1dTpFdbAddress, .2 dot1dTpFdbPort (bridge port), .3 dot1dTpFdbStatus
# (learned 3, self 4). Q-BRIDGE-MIB (RFC 4363) dot1qTpFdbTable
# 1.3.6.1.2.1.17.7.1.2.2.1, index dot1qFdbId.MAC: .2 dot1qTpFdbPort, .3
# dot1qTpFdbStatus; dot1qVlanCurrentTable 1.3.6.1.2.1.17.7.1.4.2.1, index
# dot1qVlanTimeMark.dot1qVlanIndex: .3 dot1qVlanFdbId. Servers are
# 52:54:00:12:NN:01 (srv12-NN); an uplink learns the servers of the other
# switches on their way through it.
# ---------------------------------------------------------------------------
LEARNED, SELF = 3, 4


def server_mac(n, nic=1):
    return "52540012%02d%02x" % (n, nic)


def mac_arcs(mac):
    return ".".join(str(int(mac[i:i + 2], 16)) for i in range(0, 12, 2))


def add_fdb_q(rec, rows, vlan_fdb=None):
    """rows: (fdb id, mac hex, bridge port, status); vlan_fdb: {vlan: fdb id}."""
    f = "1.3.6.1.2.1.17.7.1.2.2.1."
    for fdb, mac, port, status in rows:
        ix = "%d.%s" % (fdb, mac_arcs(mac))
        rec.add(f + "2." + ix, INT, port)
        rec.add(f + "3." + ix, INT, status)
    for vlan, fdb in (vlan_fdb or {}).items():
        rec.add("1.3.6.1.2.1.17.7.1.4.2.1.3.0.%d" % vlan, GAUGE, fdb)


def add_fdb_d(rec, rows):
    """rows: (mac hex, bridge port, status)."""
    f = "1.3.6.1.2.1.17.4.3.1."
    for mac, port, status in rows:
        rec.add(f + "1." + mac_arcs(mac), HEX, mac)
        rec.add(f + "2." + mac_arcs(mac), INT, port)
        rec.add(f + "3." + mac_arcs(mac), INT, status)


# rack12-a learns VLAN 100 in FDB 2 (dot1qVlanFdbId.0.100 = 2), VLAN 1 in
# FDB 1: its servers on their ports, core1 and the other switches' servers
# on the uplink 1/1/12, its own address (self, port 0).
A_FDB_VLANS = {1: 1, 100: 2}
A_FDB = [(2, server_mac(n), n, LEARNED) for n in (1, 2, 3, 4, 5, 8)] + [
    (1, "02ee0c000001", 12, LEARNED),
    (2, server_mac(11), 12, LEARNED),
    (2, server_mac(13), 12, LEARNED),
    (2, server_mac(21), 12, LEARNED),
    (2, server_mac(25), 12, LEARNED),
    (2, "02120a000000", 0, SELF),
]
# rack12-b keeps one table per VLAN (its PVST+ contexts): VLAN 100's holds
# srv12-11 on Gi1/0/1, srv12-13 on its trunk Gi1/0/3, and the other
# switches' servers on the uplink Gi1/0/12; VLAN 200's srv12-17 on Gi1/0/7.
B_FDB = {
    100: [(server_mac(11), 1, LEARNED), (server_mac(13), 3, LEARNED),
          (server_mac(1), 12, LEARNED), (server_mac(3), 12, LEARNED),
          (server_mac(21), 12, LEARNED)],
    200: [(server_mac(17), 7, LEARNED)],
}
# rack12-c numbers its FDBs by VLAN (no dot1qVlanFdbId): srv12-21 on
# Ethernet1, srv12-25's bond on Port-Channel1 (bridge port 100), the others'
# servers on the uplink Ethernet12. No status column is given, as many
# agents give none.
C_FDB = [(100, server_mac(21), 1), (100, server_mac(22), 2), (100, server_mac(25), 100),
         (100, server_mac(1), 12), (100, server_mac(3), 12), (100, server_mac(11), 12)]


def rack12_a():
    rec = Recording()
    add_system(
        rec,
        "Example Networks ES-2412 12-port Gigabit L2+ managed switch, firmware 3.4.1 (build 2207)",
        "1.3.6.1.4.1.32473.2412.1",
        A_UPTIME,
        "rack12-a",
        "dc1 row 3 rack 12 U42",
    )
    ifaces = []
    for n, alias, admin, oper, *_rest in A_PORTS:
        ifaces.append(
            dict(
                ifindex=n,
                name="1/1/%d" % n,
                descr="Port 1/1/%d, 1000BASE-T" % n,
                type=6,
                admin=admin,
                oper=oper,
                mbps=1000,
                last_change=_rest[-1],
                mac="02120a0000%02x" % n,
                alias=alias,
            )
        )
    ifaces.append(
        dict(ifindex=1000, name="lo0", descr="Loopback lo0", type=24, admin=UP, oper=UP,
             mbps=0, last_change=0, mtu=65535)
    )
    ifaces.append(
        dict(ifindex=1100, name="vlan100", descr="VLAN interface vlan100", type=136, admin=UP,
             oper=UP, mbps=1000, last_change=2800, mac=A_BRIDGE, alias="provisioning")
    )
    add_interfaces(rec, ifaces)
    add_bridge_base(rec, A_BRIDGE, [(p[0], p[0]) for p in A_PORTS])
    root = A_ROOT
    bridge = "8000" + A_BRIDGE
    add_stp_bridge(rec, 32768, root, 20000, 12, version=2)
    add_stp_ports(rec, [(p[0], p[4], p[5], 1 if p[4] == FORWARDING else 0) for p in A_PORTS],
                  root, bridge, A_DESIGNATED)
    add_lldp_local(rec, [(p[0], "1/1/%d" % p[0], "Port 1/1/%d, 1000BASE-T" % p[0])
                         for p in A_PORTS])
    add_lldp_remote(rec, A_LLDP)
    add_fdb_q(rec, A_FDB, A_FDB_VLANS)
    # RSTP-MIB dot1dStpExtPortTable: protocol migration, admin/oper edge,
    # admin/oper point-to-point.
    e = "1.3.6.1.2.1.17.2.19.1."
    for n, _alias, _admin, oper, _state, _enable, admin_edge, oper_edge, *_ in A_PORTS:
        rec.add(e + "1.%d" % n, INT, FALSE)
        rec.add(e + "2.%d" % n, INT, admin_edge)
        rec.add(e + "3.%d" % n, INT, oper_edge)
        rec.add(e + "4.%d" % n, INT, 2)  # auto
        rec.add(e + "5.%d" % n, INT, TRUE if oper == UP else FALSE)
        rec.add(e + "6.%d" % n, INT, 0)
    # Q-BRIDGE-MIB dot1qPvid, per bridge port.
    for p in A_PORTS:
        rec.add("1.3.6.1.2.1.17.7.1.4.5.1.1.%d" % p[0], GAUGE, p[8])
    rec.write("rack12-a")


# ---------------------------------------------------------------------------
# rack12-b: a Catalyst 2960-X-like switch running PVST+. BRIDGE-MIB answers
# per VLAN (community rack12-b = VLAN 1, rack12-b@100, rack12-b@200).
# ---------------------------------------------------------------------------
# n, alias, admin, oper, vlan (None: trunk), FastStart mode, BPDU guard mode,
# STP state in its VLANs (None: not in the STP table), last change
B_PORTS = [
    (1, "srv12-11", UP, UP, 100, 4, 3, FORWARDING, 4100),
    (2, "srv12-12", UP, UP, 100, 1, 2, FORWARDING, 4120),
    (3, "srv12-13 trunk", UP, UP, None, 1, 1, FORWARDING, 4130),
    (4, "srv12-14", UP, UP, 100, 2, 3, FORWARDING, 4140),
    (5, "srv12-15", UP, DOWN, 100, 4, 3, None, 30198700),
    (6, "srv12-16", DOWN, DOWN, 100, 4, 3, None, 21000000),
    (7, "srv12-17", UP, UP, 200, 4, 3, FORWARDING, 4170),
    (8, "", UP, DOWN, 100, 4, 3, None, 0),
    (9, "", UP, DOWN, 100, 4, 3, None, 0),
    (10, "", UP, DOWN, 100, 4, 3, None, 0),
    (11, "", UP, DOWN, 100, 4, 3, None, 0),
    (12, "uplink core1 Te1/0/12", UP, UP, None, 4, 3, FORWARDING, 3900),
]
B_TRUNK_NATIVE = {3: 100, 12: 1}
B_UPTIME = 34567800
B_MAC = "70b3d5c01200"
B_ERRDISABLED = {5: 2}  # bridge port -> cErrDisableIfStatusCause bpduGuard(2)
B_ROOT_MAC = "00005e0001fe"  # core1
# CISCO-CDP-MIB cdpCacheTable 1.3.6.1.4.1.9.9.23.1.2.1.1 (LibreNMS's
# mibs/cisco/CISCO-CDP-MIB; index cdpCacheIfIndex.cdpCacheDeviceIndex): .3
# address type ip(1), .4 address, .5 version, .6 device ID, .7 device port,
# .8 platform, .9 capabilities (4 bytes as the TLV: router 0x01,
# trans-bridge 0x02, sr-bridge 0x04, switch 0x08, host 0x10, igmp 0x20,
# repeater 0x40; lldpd's src/daemon/protocols/cdp.h).
# n, device index, address, device ID, port, platform, capabilities
B_CDP = [
    (12, 1, "0a000c01", "core1.example.net", "TenGigabitEthernet1/0/12", "cisco C9500-24Y4C",
     "00000029"),
    # srv12-11 runs ladvd, which speaks CDP as a host
    (1, 2, "0a0c000b", "srv12-11", "eno1", "Linux", "00000010"),
]


def b_ifindex(n):
    return 10100 + n


def b_vlan_ports(vlan):
    """The bridge ports in a VLAN: its access ports and every trunk."""
    return [p for p in B_PORTS if p[4] == vlan or p[4] is None]


def b_oper_fast_start(p):
    """stpxFastStartOperMode: PortFast acts on access ports whose mode is
    enable(1), or default(4) with the global default enable(1)."""
    mode = p[5]
    if p[4] is None:
        return 2
    return 1 if mode in (1, 4) else 2


def rack12_b():
    rec = Recording()
    add_system(
        rec,
        "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, "
        "RELEASE SOFTWARE (fc1)\r\nTechnical Support: http://www.cisco.com/techsupport\r\n"
        "Copyright (c) 1986-2023 by Cisco Systems, Inc.\r\nCompiled Thu 23-Mar-23 11:01 by mcpre",
        "1.3.6.1.4.1.9.1.1208",
        B_UPTIME,
        "rack12-b",
        "dc1 row 3 rack 12 U41",
    )
    ifaces = [
        dict(ifindex=1, name="Vl1", descr="Vlan1", type=53, admin=UP, oper=UP, mbps=1000,
             last_change=3500, mac=B_MAC),
        dict(ifindex=100, name="Vl100", descr="Vlan100", type=53, admin=UP, oper=UP, mbps=1000,
             last_change=3600, mac=B_MAC, alias="provisioning"),
        dict(ifindex=14501, name="Nu0", descr="Null0", type=1, admin=UP, oper=UP, mbps=4294,
             last_change=0),
    ]
    for n, alias, admin, oper, *_rest in B_PORTS:
        ifaces.append(
            dict(
                ifindex=b_ifindex(n),
                name="Gi1/0/%d" % n,
                descr="GigabitEthernet1/0/%d" % n,
                type=6,
                admin=admin,
                oper=oper,
                # a down auto-speed Catalyst port reports 10 Mb/s
                mbps=1000 if oper == UP else 10,
                last_change=_rest[-1],
                mac="70b3d5c012%02x" % (n + 0x80),
                alias=alias,
            )
        )
    add_interfaces(rec, ifaces)
    vlan_context(rec, 1)

    # CISCO-VLAN-MEMBERSHIP-MIB vmMembershipTable (access ports only):
    # vmVlanType static(1), vmVlan, vmPortStatus active(2) / inactive(1) / shutdown(3)
    for p in B_PORTS:
        if p[4] is None:
            continue
        ix = b_ifindex(p[0])
        status = 2 if p[3] == UP else (3 if p[0] in B_ERRDISABLED else 1)
        rec.add("1.3.6.1.4.1.9.9.68.1.2.2.1.1.%d" % ix, INT, 1)
        rec.add("1.3.6.1.4.1.9.9.68.1.2.2.1.2.%d" % ix, INT, p[4])
        rec.add("1.3.6.1.4.1.9.9.68.1.2.2.1.3.%d" % ix, INT, status)
    # CISCO-VTP-MIB vtpVlanState (domain 1): operational(1). Real switches
    # also list 1002-1005; left out so that every VLAN listed answers.
    for vlan in (1, 100, 200):
        rec.add("1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.%d" % vlan, INT, 1)
        rec.add("1.3.6.1.4.1.9.9.46.1.3.1.1.4.1.%d" % vlan, STR,
                {1: "default", 100: "provisioning", 200: "bmc"}[vlan])
    # vlanTrunkPortTable: native VLAN (.5), dynamic state (.13: on 1, off 2,
    # auto 4), dynamic status (.14: trunking 1, notTrunking 2).
    for p in B_PORTS:
        ix = b_ifindex(p[0])
        trunk = p[4] is None
        rec.add("1.3.6.1.4.1.9.9.46.1.6.1.1.5.%d" % ix, INT, B_TRUNK_NATIVE.get(p[0], 1))
        rec.add("1.3.6.1.4.1.9.9.46.1.6.1.1.13.%d" % ix, INT, 1 if trunk else 2)
        rec.add("1.3.6.1.4.1.9.9.46.1.6.1.1.14.%d" % ix, INT, 1 if trunk else 2)
    # CISCO-STP-EXTENSIONS-MIB
    x = "1.3.6.1.4.1.9.9.82.1."
    rec.add(x + "6.1.0", INT, 1)  # stpxSpanningTreeType pvstPlus(1)
    rec.add(x + "9.1.0", INT, TRUE)  # stpxFastStartBpduGuardEnable (portfast bpduguard default)
    rec.add(x + "9.2.0", INT, FALSE)  # stpxFastStartBpduFilterEnable
    for p in B_PORTS:
        n = p[0]
        rec.add(x + "9.3.1.2.%d" % n, INT, TRUE if p[5] == 1 else FALSE)  # deprecated Enable
        rec.add(x + "9.3.1.3.%d" % n, INT, p[5])  # stpxFastStartPortMode
        rec.add(x + "9.3.1.4.%d" % n, INT, p[6])  # stpxFastStartPortBpduGuardMode
        rec.add(x + "9.3.1.5.%d" % n, INT, 3)  # stpxFastStartPortBpduFilterMode default
    rec.add(x + "9.4.0", INT, 1)  # stpxFastStartGlobalDefaultMode enable(1): portfast default
    # stpxFastStartOperMode, indexed by VLAN and bridge port, for the ports
    # in that VLAN's spanning tree (up ports).
    for vlan in (1, 100, 200):
        for p in b_vlan_ports(vlan):
            if p[7] is None:
                continue
            rec.add(x + "9.5.1.3.%d.%d" % (vlan, p[0]), INT, b_oper_fast_start(p))
    c = "1.3.6.1.4.1.9.9.23.1.2.1.1."
    for n, dev, addr, device_id, port, platform, caps in B_CDP:
        ix = "%d.%d" % (b_ifindex(n), dev)
        rec.add(c + "3." + ix, INT, 1)
        rec.add(c + "4." + ix, HEX, addr)
        rec.add(c + "5." + ix, STR, "")
        rec.add(c + "6." + ix, STR, device_id)
        rec.add(c + "7." + ix, STR, port)
        rec.add(c + "8." + ix, STR, platform)
        rec.add(c + "9." + ix, HEX, caps)
    # CISCO-ERR-DISABLE-MIB cErrDisableIfStatusCause.ifIndex.0
    for n, cause in B_ERRDISABLED.items():
        rec.add("1.3.6.1.4.1.9.9.548.1.3.1.1.2.%d.0" % b_ifindex(n), INT, cause)
        rec.add("1.3.6.1.4.1.9.9.548.1.3.1.1.3.%d.0" % b_ifindex(n), INT, 0)
    rec.write("rack12-b")

    for vlan in (100, 200):
        ctx = Recording()
        vlan_context(ctx, vlan)
        ctx.write("rack12-b@%d" % vlan)


def vlan_context(rec, vlan):
    """BRIDGE-MIB for one VLAN's spanning tree (PVST+ instance)."""
    ports = b_vlan_ports(vlan)
    bridge_mac = B_MAC[:-4] + "%04x" % (0x1200 + vlan)
    add_bridge_base(rec, bridge_mac, [(p[0], b_ifindex(p[0])) for p in ports])
    root = "%04x" % (0x6000 + vlan) + B_ROOT_MAC
    bridge = "%04x" % (0x8000 + vlan) + bridge_mac
    add_stp_bridge(rec, 0x8000 + vlan, root, 4, 12)
    # Gi1/0/12 is each VLAN's root port: its designated bridge is core1.
    add_stp_ports(rec, [(p[0], p[7], 1, 1) for p in ports if p[7] is not None], root, bridge,
                  {12: root})
    add_fdb_d(rec, B_FDB.get(vlan, []))


# ---------------------------------------------------------------------------
# rack12-c: an Arista-like leaf running MSTP, seen through the IEEE 802.1
# MIBs (ieee8021SpanningTreeVersion, CIST edge), with an LACP bundle, MAU-MIB
# and Q-BRIDGE PVIDs. Ethernet5/6 are members of Port-Channel1, which is the
# bridge port (100), as on EOS.
# ---------------------------------------------------------------------------
# n, alias, admin, oper, mbps, stp state, admin edge, oper edge, pvid, last change
C_PORTS = [
    (1, "srv12-21", UP, UP, 1000, FORWARDING, TRUE, TRUE, 100, 5100),
    (2, "srv12-22", UP, UP, 100, FORWARDING, TRUE, TRUE, 100, 6010200),
    (3, "srv12-23", UP, DOWN, 1000, DISABLED, TRUE, FALSE, 100, 45011100),
    (4, "srv12-24", UP, UP, 1000, FORWARDING, TRUE, TRUE, 200, 5140),
    (5, "srv12-25 bond0 eno1", UP, UP, 1000, None, None, None, None, 5150),
    (6, "srv12-25 bond0 eno2", UP, UP, 1000, None, None, None, None, 5160),
    (7, "srv12-27", UP, UP, 1000, FORWARDING, FALSE, FALSE, 100, 5170),
    (8, "srv12-28", UP, UP, 1000, FORWARDING, FALSE, TRUE, 100, 5180),
    (9, "", DOWN, DOWN, 1000, DISABLED, TRUE, FALSE, 100, 0),
    (10, "", UP, DOWN, 1000, DISABLED, TRUE, FALSE, 100, 0),
    (11, "srv12-29", UP, UP, 1000, FORWARDING, TRUE, TRUE, 100, 5110),
    (12, "uplink spine1 Ethernet12", UP, UP, 1000, FORWARDING, FALSE, FALSE, 1, 4900),
]
C_PO = 1000001
C_PO_BRIDGE_PORT = 100
C_LAG_MEMBERS = (5, 6)
C_UPTIME = 56789000
C_MAC = "02ab0c120000"
C_ROOT = "1000" + "02ee0c000001"
# LLDP-V2-MIB neighbours (local ifIndex): spine1 on the uplink; srv12-21 and
# both links of srv12-25's bond announce a station; srv12-29's NIC firmware
# sends LLDP with no capability enabled (as Intel NICs do), which says
# nothing about a role.
C_LLDP = [
    (12, 1, "02ee0c000001", "Ethernet12", "spine1", "28", LLDP_BRIDGE_ROUTER),
    (1, 2, "525400122101", "eno1", "srv12-21", LLDP_STATION, LLDP_STATION),
    (5, 3, "525400122501", "eno1", "srv12-25", LLDP_STATION, LLDP_STATION),
    (6, 4, "525400122502", "eno2", "srv12-25", LLDP_STATION, LLDP_STATION),
    (11, 5, "525400122901", "525400122901", "", LLDP_NONE, LLDP_NONE),
]


def rack12_c():
    rec = Recording()
    add_system(
        rec,
        "Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7050TX-48",
        "1.3.6.1.4.1.30065.1.3011.7050.3741.48",
        C_UPTIME,
        "rack12-c",
        "dc1 row 3 rack 12 U40",
    )
    ifaces = []
    for n, alias, admin, oper, mbps, *_rest in C_PORTS:
        ifaces.append(
            dict(ifindex=n, name="Ethernet%d" % n, descr="Ethernet%d" % n, type=6, admin=admin,
                 oper=oper, mbps=mbps, last_change=_rest[-1], mac="02ab0c1200%02x" % n,
                 alias=alias, mtu=9214)
        )
    ifaces.append(
        dict(ifindex=C_PO, name="Port-Channel1", descr="Port-Channel1", type=161, admin=UP,
             oper=UP, mbps=2000, last_change=5160, mac=C_MAC, alias="srv12-25 bond0", mtu=9214)
    )
    ifaces.append(
        dict(ifindex=2000100, name="Vlan100", descr="Vlan100", type=136, admin=UP, oper=UP,
             mbps=0, last_change=4800, mac=C_MAC, alias="provisioning")
    )
    ifaces.append(
        dict(ifindex=5000000, name="Loopback0", descr="Loopback0", type=24, admin=UP, oper=UP,
             mbps=0, last_change=0, mtu=65535)
    )
    add_interfaces(rec, ifaces)

    bridge_ports = [(p[0], p[0]) for p in C_PORTS if p[0] not in C_LAG_MEMBERS]
    bridge_ports.append((C_PO_BRIDGE_PORT, C_PO))
    add_bridge_base(rec, C_MAC, bridge_ports)
    root = C_ROOT
    bridge = "8000" + C_MAC
    add_stp_bridge(rec, 32768, root, 2000, 12)  # no dot1dStpVersion: MSTP
    stp_rows = [(p[0], p[5], 1, 1 if p[5] == FORWARDING else 0) for p in C_PORTS
                if p[0] not in C_LAG_MEMBERS]
    stp_rows.append((C_PO_BRIDGE_PORT, FORWARDING, 1, 1))
    add_stp_ports(rec, stp_rows, root, bridge, {12: root})
    add_lldp_remote(rec, C_LLDP, v2=True)
    f = "1.3.6.1.2.1.17.7.1.2.2.1.2."
    for fdb, mac, port in C_FDB:
        rec.add(f + "%d.%s" % (fdb, mac_arcs(mac)), INT, port)
    for bp, pvid in [(p[0], p[8]) for p in C_PORTS if p[0] not in C_LAG_MEMBERS] + [
        (C_PO_BRIDGE_PORT, 100)
    ]:
        rec.add("1.3.6.1.2.1.17.7.1.4.5.1.1.%d" % bp, GAUGE, pvid)

    # MAU-MIB: ifMauType (.2.1.1.3), ifMauDefaultType (.11), ifMauTypeListBits
    # (.9) and ifMauAutoNegAdminStatus (.5.1.1.1), index ifIndex.1.
    for n, _alias, _admin, oper, mbps, *_ in C_PORTS:
        m = "1.3.6.1.2.1.26.2.1.1."
        if oper != UP:
            current = "0.0"  # zeroDotZero: no link, type unknown
        else:
            current = MAU_100TX_FD if mbps == 100 else MAU_1000T_FD
        rec.add(m + "1.%d.1" % n, INT, n)
        rec.add(m + "2.%d.1" % n, INT, 1)
        rec.add(m + "3.%d.1" % n, OID, current)
        # ifMauStatus operational(3) / shutdown(5); ifMauMediaAvailable
        # available(3) / notAvailable(4)
        rec.add(m + "4.%d.1" % n, INT, 3 if _admin == UP else 5)
        rec.add(m + "5.%d.1" % n, INT, 3 if oper == UP else 4)
        rec.add(m + "9.%d.1" % n, HEX, MAU_LIST_10_100_1000_T)
        rec.add(m + "11.%d.1" % n, OID, MAU_1000T_FD)
        a = "1.3.6.1.2.1.26.5.1.1."
        rec.add(a + "1.%d.1" % n, INT, 1)  # ifMauAutoNegAdminStatus enabled(1)
        # ifMauAutoNegRemoteSignaling detected(1) / notdetected(2);
        # ifMauAutoNegConfig complete(3) / configuring(2)
        rec.add(a + "2.%d.1" % n, INT, 1 if oper == UP else 2)
        rec.add(a + "4.%d.1" % n, INT, 3 if oper == UP else 2)

    # IEEE8021-SPANNING-TREE-MIB (component 1): version mstp(3), timers in
    # centiseconds.
    t = "1.3.111.2.802.1.1.3.1.1.1."
    rec.add(t + "2.1", INT, 3)
    rec.add(t + "9.1", INT, 2000)
    rec.add(t + "12.1", INT, 1500)
    rec.add(t + "13.1", INT, 2000)
    rec.add(t + "15.1", INT, 1500)
    rec.add(t + "16.1", INT, 3)
    # IEEE8021-MSTP-MIB CIST port table (component 1, bridge port): admin
    # edge (.8), oper edge (.9).
    cist = [(p[0], p[6], p[7]) for p in C_PORTS if p[0] not in C_LAG_MEMBERS]
    cist.append((C_PO_BRIDGE_PORT, TRUE, TRUE))
    # ieee8021MstpCistPortRole (.14; root 1, alternate 2, designated 3,
    # backup 4; IEEE8021-MSTP-MIB): Ethernet12 is the CIST root port.
    for bp, admin_edge, oper_edge in cist:
        rec.add("1.3.111.2.802.1.1.6.1.3.1.8.1.%d" % bp, INT, admin_edge)
        rec.add("1.3.111.2.802.1.1.6.1.3.1.9.1.%d" % bp, INT, oper_edge)
        rec.add("1.3.111.2.802.1.1.6.1.3.1.14.1.%d" % bp, INT, 1 if bp == 12 else 3)

    # IEEE8023-LAG-MIB dot3adAggPortTable for every Ethernet port:
    # SelectedAggID (.12), AttachedAggID (.13, 0 = none), ActorPort (.14),
    # ActorOperState (.21), PartnerOperState (.23); BITS: activity 0x80,
    # timeout 0x40, aggregation 0x20, sync 0x10, collecting 0x08,
    # distributing 0x04, defaulted 0x02, expired 0x01.
    g = "1.2.840.10006.300.43.1.2.1.1."
    for p in C_PORTS:
        n = p[0]
        member = n in C_LAG_MEMBERS
        rec.add(g + "12.%d" % n, INT, C_PO if member else 0)
        rec.add(g + "13.%d" % n, INT, C_PO if member else 0)
        rec.add(g + "14.%d" % n, INT, n)
        rec.add(g + "21.%d" % n, HEX, "bc" if member else "02")
        rec.add(g + "23.%d" % n, HEX, "bc" if member else "02")
    # dot3adAggPortStatsTable: LACPDUsRx (.1), LACPDUsTx (.3)
    for p in C_PORTS:
        n = p[0]
        rec.add("1.2.840.10006.300.43.1.2.2.1.1.%d" % n, CNT32, 18834 + n if n in C_LAG_MEMBERS
                else 0)
        rec.add("1.2.840.10006.300.43.1.2.2.1.3.%d" % n, CNT32, 18840 + n if n in C_LAG_MEMBERS
                else 0)
    rec.write("rack12-c")


def main():
    os.makedirs(DATA, exist_ok=True)
    rack12_a()
    rack12_b()
    rack12_c()
    return 0


if __name__ == "__main__":
    sys.exit(main())
