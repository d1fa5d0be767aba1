#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Prints the scalars and table columns the generic-snmp driver fetches,
read from its source (drivers/generic-snmp/generic_fetch.c and
lib/snmp/mib_objects.h), so that the net-snmp peer of bench/audit-scale fetches
exactly what portready fetches. One line each: "scalar OID" or "column OID".
"""

import os
import re
import sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
objects_src = open(os.path.join(top, "lib", "snmp", "mib_objects.h")).read()
fetch_src = open(os.path.join(top, "drivers", "generic-snmp", "generic_fetch.c")).read()

objects = {}
for m in re.finditer(r"MIB_OBJECT\((\w+),\s*\"[^\"]*\",\s*\"[^\"]*\",([\d,\s]+)\);", objects_src):
    objects[m.group(1)] = "." + ".".join(a.strip() for a in m.group(2).split(","))


# generic_requests[] lists MIB_SCALAR(NAME) and MIB_COLUMN(NAME) entries.
m = re.search(r"\bgeneric_requests\[\]\s*=\s*\{(.*?)\};", fetch_src, re.S)
if m is None:
    sys.exit("peer-oids.py: no generic_requests[] in generic_fetch.c")
for kind, name in re.findall(r"MIB_(SCALAR|COLUMN)\((\w+)\)", m.group(1)):
    if name not in objects:
        sys.exit("peer-oids.py: %s is not in mib_objects.h" % name)
    print(kind.lower(), objects[name])
