#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Helper of test_fixture_vendor_edge.sh (run by it, never alone): reads one
# recording (snmprec OID|TYPE|VALUE lines, or snmpwalk -On text) and the
# JSON `portready check` wrote for it, and prints one line per problem:
#
#   unknown FILE MIB::object.INDEX=VALUE PORT   a port left with its edge unknown
#                                               although a vendor edge column the
#                                               driver reads has its row with a
#                                               value that decides it (and the
#                                               row's admin edge, if any, holds
#                                               a value the MIB defines)
#   unread FILE MIB::object ROWS                a vendor STP table no driver
#                                               reads has rows: real data for it
#                                               has arrived (docs/extreme.md says
#                                               what to do)
#
# and, last, "rows FILE N" with the number of vendor edge rows seen. With
# only a JSON report as argument it prints the names of every port and
# uplink in it, one a line, for the run that judges them all. Every
# OID below is the one the driver reads (its MIB_OBJECT) or, for the unread
# tables, the one the MIB file defines (named beside it).
import json
import re
import sys

# (MIB, object, column OID without the row index, index kind, values the
# MIB defines, read by a driver). Index kinds: "bp" a bridge port, "if" an
# ifIndex, "bp|if" the MIB's port number, tried as both (as the driver does).
COLUMNS = [
    # drivers/aruba/aruba_snmp.c (HP-ICF-BRIDGE hpicfBridgeRstpPortEntry)
    ("HP-ICF-BRIDGE", "hpicfBridgeRstpAdminEdgePort", "1.3.6.1.4.1.11.2.14.11.5.1.12.1.4.5.1.2",
     "bp|if", {1, 2}, True),
    ("HP-ICF-BRIDGE", "hpicfBridgeRstpOperEdgePort", "1.3.6.1.4.1.11.2.14.11.5.1.12.1.4.5.1.3",
     "bp|if", {1, 2}, True),
    ("HP-ICF-BRIDGE", "hpicfBridgeRstpAutoEdgePort", "1.3.6.1.4.1.11.2.14.11.5.1.12.1.4.5.1.8",
     "bp|if", {1, 2}, True),
    # drivers/huawei/huawei_snmp.c (hwMstpiStpPortEdgeport, CIST instance 0)
    ("HUAWEI-MSTP-MIB", "hwMstpiStpPortEdgeport", "1.3.6.1.4.1.2011.5.25.42.4.1.20.1.9.0", "bp",
     {1, 2, 3}, True),
    # drivers/comware/comware_snmp.c (hh3cdot1sMstiStpPortEdgeport, instance 0)
    ("HH3C-LswMSTP-MIB", "hh3cdot1sMstiStpPortEdgeport", "1.3.6.1.4.1.25506.8.35.14.20.1.11.0",
     "bp", {1, 2}, True),
    # drivers/ruckus/ruckus_snmp.c (snSwIfInfoEntry, by ifIndex): true(1)
    # makes a port edge; false(2) leaves it to the standard MIBs, and Fast
    # Port Span (snSwIfFastSpanPortEnable) counts only under 802.1D, so
    # neither is a value the port must be definite for.
    ("FOUNDRY-SN-SWITCH-GROUP-MIB", "snSwIfRstpAdminEdgePortMode",
     "1.3.6.1.4.1.1991.1.1.3.3.5.1.67", "if", {1}, True),
    # drivers/cisco/cisco_mib.h (stpxFastStartPortMode, by bridge port):
    # enable(1), disable(2); default(4) follows the global default.
    ("CISCO-STP-EXTENSIONS-MIB", "stpxFastStartPortMode", "1.3.6.1.4.1.9.9.82.1.9.3.1.3", "bp",
     {1, 2}, True),
    # drivers/fastpath/fastpath_snmp.c, EdgeSwitch-SWITCHING-MIB:
    # fastPathSwitching = fastPath 1 = 1.3.6.1.4.1.4413.1.1.1, agentConfigGroup
    # 2, agentStpSwitchConfigGroup 15, agentStpCstPortTable entry 1 INDEX
    # { ifIndex }; the table is agentStpSwitchConfigGroup 11 in LibreNMS's
    # copy (mibs/edgeswitch) and 9 in netdisco-mibs' (edgeswitch/), both
    # read, the first that answers (PLACEMENTS below). Auto-edge decides a
    # port only when enabled (disabled leaves it to the admin value).
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortOperEdge", "1.3.6.1.4.1.4413.1.1.1.2.15.11.1.1",
     "if", {1, 2}, True),
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortEdge", "1.3.6.1.4.1.4413.1.1.1.2.15.11.1.4",
     "if", {1, 2}, True),
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortAutoEdge",
     "1.3.6.1.4.1.4413.1.1.1.2.15.11.1.16", "if", {1}, True),
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortOperEdge", "1.3.6.1.4.1.4413.1.1.1.2.15.9.1.1",
     "if", {1, 2}, True),
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortEdge", "1.3.6.1.4.1.4413.1.1.1.2.15.9.1.4", "if",
     {1, 2}, True),
    ("EdgeSwitch-SWITCHING-MIB", "agentStpCstPortAutoEdge", "1.3.6.1.4.1.4413.1.1.1.2.15.9.1.16",
     "if", {1}, True),
    # NETGEAR-SWITCHING-MIB (LibreNMS mibs/netgear): the same group under
    # ng7000managedswitch 1 = 1.3.6.1.4.1.4526.10.1 (NETGEAR-REF-MIB), the
    # table agentStpSwitchConfigGroup 9.
    ("NETGEAR-SWITCHING-MIB", "agentStpCstPortOperEdge", "1.3.6.1.4.1.4526.10.1.2.15.9.1.1", "if",
     {1, 2}, True),
    ("NETGEAR-SWITCHING-MIB", "agentStpCstPortEdge", "1.3.6.1.4.1.4526.10.1.2.15.9.1.4", "if",
     {1, 2}, True),
    ("NETGEAR-SWITCHING-MIB", "agentStpCstPortAutoEdge", "1.3.6.1.4.1.4526.10.1.2.15.9.1.16",
     "if", {1}, True),
    # NETGEAR-SMART-SWITCHING-MIB (LibreNMS mibs/netgear): the same group
    # under ng700smartswitch 1 = 1.3.6.1.4.1.4526.11.1, the table
    # agentStpSwitchConfigGroup 11.
    ("NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortOperEdge",
     "1.3.6.1.4.1.4526.11.1.2.15.11.1.1", "if", {1, 2}, True),
    ("NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortEdge", "1.3.6.1.4.1.4526.11.1.2.15.11.1.4",
     "if", {1, 2}, True),
    ("NETGEAR-SMART-SWITCHING-MIB", "agentStpCstPortAutoEdge",
     "1.3.6.1.4.1.4526.11.1.2.15.11.1.16", "if", {1}, True),
    # drivers/aruba/aruba_snmp.c, ARUBAWIRED-MSTP-MIB (LibreNMS
    # mibs/arubaos-cx): arubaWiredMstpMIB = wndFeatures 13 =
    # 1.3.6.1.4.1.47196.4.1.1.3.13, arubaWiredMstpPortTable = objects 2,
    # entry 1 INDEX { arubaWiredMstpPortIndex } (an ifIndex); TruthValue.
    ("ARUBAWIRED-MSTP-MIB", "arubaWiredMstpPortAdminEdge", "1.3.6.1.4.1.47196.4.1.1.3.13.1.2.1.2",
     "if", {1, 2}, True),
    ("ARUBAWIRED-MSTP-MIB", "arubaWiredMstpPortAutoEdge", "1.3.6.1.4.1.47196.4.1.1.3.13.1.2.1.4",
     "if", {1}, True),
    # Not read (nothing to read an edge from).
    # EXTREME-STP-EXTENSIONS-MIB (LibreNMS mibs/extreme): no edge or link-type
    # column, but the domain's protocol and the port's mode would say 802.1D
    # or 802.1w. extremeStp = extremeAgent 17 = 1.3.6.1.4.1.1916.1.17;
    # extremeStpDomainEntry (1 1) INDEX { instance }, extremeStpPortEntry
    # (2 1) INDEX { instance, ifIndex }.
    ("EXTREME-STP-EXTENSIONS-MIB", "extremeStpDomainRstpEnabled", "1.3.6.1.4.1.1916.1.17.1.1.4",
     "", set(), False),
    ("EXTREME-STP-EXTENSIONS-MIB", "extremeStpPortPortMode", "1.3.6.1.4.1.1916.1.17.2.1.3", "",
     set(), False),
]

# The admin edge column of each read table whose rows make the driver read
# that table, and the placements the driver tries in order, the first that
# answers (an INTEGER row of its admin edge or auto-edge column at a
# one-arc index) winning: a column of a placement not chosen is the other
# copy's table at that number, never read as this one.
PLACEMENTS = [
    ["1.3.6.1.4.1.4413.1.1.1.2.15.11.1", "1.3.6.1.4.1.4413.1.1.1.2.15.9.1"],
]
# Admin edge columns: an out-of-range value there leaves the port's edge
# unknown by design (an impossible fact), whatever the table's other
# columns say.
ADMIN_EDGE = {
    "1.3.6.1.4.1.11.2.14.11.5.1.12.1.4.5.1.2",
    "1.3.6.1.4.1.4413.1.1.1.2.15.11.1.4",
    "1.3.6.1.4.1.4413.1.1.1.2.15.9.1.4",
    "1.3.6.1.4.1.4526.10.1.2.15.9.1.4",
    "1.3.6.1.4.1.4526.11.1.2.15.11.1.4",
    "1.3.6.1.4.1.47196.4.1.1.3.13.1.2.1.2",
}

BASE_PORT_IFINDEX = "1.3.6.1.2.1.17.1.4.1.2"


def integer(value):
    """An INTEGER as snmprec ("2") or snmpwalk ("INTEGER: up(1)", "INTEGER: 2") writes it."""
    value = value.strip()
    m = re.search(r"\((-?\d+)\)$", value) or re.search(r"(-?\d+)$", value)
    return int(m.group(1)) if m else None


def read_recording(path):
    """OID -> (value, is an INTEGER)."""
    rows = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if "|" in line and not line.startswith("."):
                parts = line.split("|", 2)
                if len(parts) == 3:
                    rows[parts[0]] = (parts[2], parts[1] == "2")
            elif " = " in line:
                oid, _, rest = line.partition(" = ")
                rows[oid.lstrip(".")] = (rest.split(": ", 1)[-1], rest.startswith("INTEGER"))
    return rows


def unchosen(rows):
    """The table prefixes a driver does not read: each placement after the
    one that answers (or every placement but none, when none answers)."""
    skip = set()
    for tables in PLACEMENTS:
        chosen = None
        for table in tables:
            for oid, (_, is_int) in rows.items():
                for col in (".4.", ".16."):
                    rest = oid[len(table + col):] if oid.startswith(table + col) else None
                    if rest is not None and rest.isdigit() and is_int:
                        chosen = table
                        break
                if chosen:
                    break
            if chosen:
                break
        skip.update(t for t in tables if t != chosen)
    return skip


def names(report):
    try:
        sw = json.load(open(report))["switches"][0]
    except (ValueError, IndexError, KeyError):
        return
    for p in sw["ports"] + sw["uplinks"]:
        print(p["name"])


def main():
    if len(sys.argv) == 2:
        names(sys.argv[1])
        return
    recording, report, name = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = read_recording(recording)
    try:
        ports = json.load(open(report))["switches"][0]["ports"]
    except (ValueError, IndexError, KeyError):
        ports = []
    unknown = {p["ifindex"]: p["name"] for p in ports if p["facts"]["edge"] is None}
    bp_if = {}
    for oid, (value, _) in rows.items():
        if oid.startswith(BASE_PORT_IFINDEX + "."):
            rest = oid[len(BASE_PORT_IFINDEX) + 1:]
            if rest.isdigit() and integer(value) is not None:
                bp_if[int(rest)] = integer(value)
    skip = unchosen(rows)
    # (table, index) whose admin edge holds a value the MIB does not define.
    impossible = set()
    for column in ADMIN_EDGE:
        for oid, (value, _) in rows.items():
            rest = oid[len(column) + 1:]
            if oid.startswith(column + ".") and rest.isdigit() and integer(value) not in (1, 2):
                impossible.add((column.rsplit(".", 1)[0], int(rest)))
    seen = 0
    for mib, obj, column, kind, values, read in COLUMNS:
        found = []
        for oid, (value, _) in rows.items():
            if not oid.startswith(column + "."):
                continue
            rest = oid[len(column) + 1:]
            if not read:
                found.append((rest, value))
            elif rest.isdigit():
                found.append((int(rest), value))
        seen += len(found)
        if not found:
            continue
        if not read:
            print(f"unread {name} {mib}::{obj} {len(found)}")
            continue
        table = column.rsplit(".", 1)[0]
        if table in skip:
            continue
        for index, value in found:
            if integer(value) not in values or (table, index) in impossible:
                continue
            candidates = []
            if "bp" in kind and index in bp_if:
                candidates.append(bp_if[index])
            if "if" in kind:
                candidates.append(index)
            for ifindex in dict.fromkeys(candidates):
                if ifindex in unknown:
                    print(f"unknown {name} {mib}::{obj}.{index}={value} {unknown[ifindex]}")
    print(f"rows {name} {seen}")


main()
