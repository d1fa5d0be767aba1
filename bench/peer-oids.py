#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Prints the scalars and table columns the generic-snmp driver fetches,
read from its source (generic_requests[] in
drivers/generic-snmp/generic_fetch.c, the OIDs in lib/snmp/mib_objects.h),
so that the peers of bench/audit-scale and bench/peers-scale fetch exactly
what portready fetches. One line each: "scalar OID" or "column OID".
"""

import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
objects_src = open(os.path.join(here, "..", "lib", "snmp", "mib_objects.h")).read()
fetch_src = open(os.path.join(here, "..", "drivers", "generic-snmp", "generic_fetch.c")).read()

objects = {}
for m in re.finditer(r"MIB_OBJECT\((\w+),\s*\"[^\"]*\",\s*\"[^\"]*\",([\d,\s]+)\);", objects_src):
    objects[m.group(1)] = "." + ".".join(a.strip() for a in m.group(2).split(","))

table = re.search(r"\bgeneric_requests\[\]\s*=\s*\{(.*?)\n\};", fetch_src, re.S)
if table is None:
    sys.exit("peer-oids.py: no generic_requests[] in generic_fetch.c")
body = re.sub(r"/\*.*?\*/", "", table.group(1), flags=re.S)
found = re.findall(r"MIB_(SCALAR|COLUMN)\((\w+)\)", body)
if not found:
    sys.exit("peer-oids.py: generic_requests[] lists no MIB_SCALAR or MIB_COLUMN")
for kind in ("SCALAR", "COLUMN"):
    for k, name in found:
        if k != kind:
            continue
        if name not in objects:
            sys.exit("peer-oids.py: %s is not in mib_objects.h" % name)
        print(kind.lower(), objects[name])
