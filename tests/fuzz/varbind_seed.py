#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes a seed for fuzz_varbinds from snmprec lines (OID|TYPE|VALUE) on
stdin, in the record layout described at the top of fuzz_varbinds.c. Lines
whose OID is under none of the harness's objects, or whose index has more
than five arcs, are skipped.

    grep '\\.3|' lab/data/rack12-a.snmprec | tests/fuzz/varbind_seed.py > SEED
"""
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# Where the MIB_OBJECT definitions are.
HEADERS = ["lib/snmp/mib_objects.h", "drivers/cisco/cisco_mib.h", "drivers/juniper/juniper_snmp.c",
           "drivers/aruba/aruba_snmp.c", "drivers/ruckus/ruckus_snmp.c",
           "drivers/fastpath/fastpath_snmp.c"]
# The drivers' request tables, in the order fuzz_varbinds.c's build_objects()
# takes them: (file, name of its static const struct pr_snmp_request array).
TABLES = [("drivers/generic-snmp/generic_fetch.c", "generic_requests"),
          ("drivers/cisco/cisco_snmp.c", "cisco_requests"),
          ("drivers/cisco/cisco_pvst_fetch.c", "vlan_requests"),
          ("drivers/juniper/juniper_snmp.c", "juniper_requests"),
          ("drivers/aruba/aruba_snmp.c", "aruba_requests"),
          ("drivers/ruckus/ruckus_snmp.c", "ruckus_requests"),
          ("drivers/fastpath/fastpath_snmp.c", "fastpath_requests")]
TYPES = [2, 4, 5, 6, 64, 65, 66, 67, 68, 70, 128, 129, 130]


def read(path):
    with open(os.path.join(ROOT, path)) as f:
        return f.read()


def objects():
    """The harness's objects: every table's OIDs in order, each once."""
    oids = {}
    for path in HEADERS:
        for m in re.finditer(r'MIB_OBJECT\((\w+),\s*"[^"]*",\s*"[^"]*",([\d,\s]+)\)', read(path)):
            oids[m.group(1)] = [int(x) for x in m.group(2).replace("\n", " ").split(",")]
    table = []
    for path, name in TABLES:
        body = read(path).split(name + "[] = {", 1)[1].split("};", 1)[0]
        for ident in re.findall(r"MIB_(?:SCALAR|COLUMN)\((\w+)\)", body):
            if oids[ident] not in table:
                table.append(oids[ident])
    return table


def arc_bytes(arc):
    return bytes([arc]) if arc < 0xff else b"\xff" + struct.pack(">I", arc)


def value_bytes(tag, text):
    if tag in (2, 65, 66, 67, 70):
        n = int(text)
        return bytes([n + 2]) if -2 <= n < 0xf0 - 2 else b"\xf0" + struct.pack(">q", n)
    if tag in (4, 68, 64):
        raw = bytes.fromhex(text) if hexa else text.encode()
        if tag == 64 and not hexa:
            raw = bytes(int(x) for x in text.split("."))
        return bytes([len(raw[:255])]) + raw[:255]
    if tag == 6:
        arcs = [int(x) % 256 for x in text.strip(".").split(".")]
        return bytes([len(arcs)]) + bytes(arcs)
    return b""


out = bytearray()
table = objects()
for line in sys.stdin:
    oid_text, tag_text, value = line.rstrip("\n").split("|", 2)
    hexa = tag_text.endswith("x")
    tag = int(tag_text.rstrip("x"))
    if tag not in TYPES:
        continue
    oid = [int(x) for x in oid_text.strip(".").split(".")]
    best = None
    for i, prefix in enumerate(table):
        if oid[: len(prefix)] == prefix and (best is None or len(prefix) > len(table[best])):
            best = i
    if best is None or len(oid) - len(table[best]) > 5:
        continue
    index = oid[len(table[best]):]
    out += bytes([best, len(index) << 4 | TYPES.index(tag)])
    for arc in index:
        out += arc_bytes(arc)
    out += value_bytes(tag, value)
sys.stdout.buffer.write(bytes(out))
