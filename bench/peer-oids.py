#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Prints the scalars and table columns the generic-snmp driver fetches,
read from its source (drivers/generic-snmp/generic_fetch.c and
mib_objects.h), so that the net-snmp peer of bench/audit-scale fetches
exactly what portready fetches. One line each: "scalar OID" or "column OID".
"""

import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "drivers", "generic-snmp")
objects_src = open(os.path.join(root, "mib_objects.h")).read()
fetch_src = open(os.path.join(root, "generic_fetch.c")).read()

objects = {}
for m in re.finditer(r"MIB_OBJECT\((\w+),\s*\"[^\"]*\",\s*\"[^\"]*\",([\d,\s]+)\);", objects_src):
    objects[m.group(1)] = "." + ".".join(a.strip() for a in m.group(2).split(","))


def listed(array):
    m = re.search(r"\b%s\[\]\s*=\s*\{(.*?)\};" % array, fetch_src, re.S)
    if m is None:
        sys.exit("peer-oids.py: no %s[] in generic_fetch.c" % array)
    return re.findall(r"&(\w+)", m.group(1))


for kind, array in (("scalar", "scalars"), ("column", "columns")):
    for name in listed(array):
        if name not in objects:
            sys.exit("peer-oids.py: %s is not in mib_objects.h" % name)
        print(kind, objects[name])
