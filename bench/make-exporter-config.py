#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the snmp.yml of Prometheus's snmp_exporter (0.21's format: walk,
get, metrics and auth in each module) for bench/peers-scale: one module
per simulated switch (snmpsim tells the switches apart by community, and
0.21 keeps the community in the module), each getting the scalars and
walking the columns bench/peer-oids.py lists, so the exporter fetches what
portready fetches. Each column is a metric of its own; its index labels
and type come from the rack's first recording (a column the rack lacks
gets one numeric index: it is walked all the same, and ends at once).

Usage: make-exporter-config.py RACK_DIR SWITCHES TIMEOUT_S MAX_REPETITIONS
"""

import os
import subprocess
import sys

if len(sys.argv) != 5:
    sys.exit(__doc__.strip().splitlines()[-1])
rack, switches, timeout, reps = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
here = os.path.dirname(os.path.abspath(__file__))
oids = subprocess.run([sys.executable, os.path.join(here, "peer-oids.py")], check=True,
                      capture_output=True, text=True).stdout.split("\n")
scalars = [line.split()[1] for line in oids if line.startswith("scalar ")]
columns = [line.split()[1] for line in oids if line.startswith("column ")]

# The first row of each column in the recording: its index length and its
# snmprec type tag (2 INTEGER, 4 OCTET STRING, 4x the same in hex, 6 OID,
# 65 Counter32, 66 Gauge32, 67 TimeTicks, 70 Counter64).
first_row = {}
scalar_tag = {}
with open(os.path.join(rack, "data", "leaf001.snmprec")) as f:
    for line in f:
        oid, tag = line.split("|", 2)[:2]
        if "." + oid in scalars:
            scalar_tag["." + oid] = tag
        for col in columns:
            if oid.startswith(col[1:] + ".") and col not in first_row:
                first_row[col] = (len(oid.split(".")) - len(col[1:].split(".")), tag)


def metric_type(tag):
    if tag in ("2", "66", "67"):
        return "gauge"
    if tag in ("65", "70"):
        return "counter"
    if tag == "4x":
        return "OctetString"
    return "DisplayString"


def name(oid):
    return "o" + oid.replace(".", "_")


metrics = []
for oid in scalars:
    base = oid[1:].rsplit(".", 1)[0] if oid.endswith(".0") else oid[1:]
    metrics.append("  - name: %s\n    oid: %s\n    type: %s\n    help: %s\n"
                   % (name(base), base, metric_type(scalar_tag.get(oid, "4")), base))
for oid in columns:
    n_index, tag = first_row.get(oid, (1, "2"))
    labels = "".join("    - labelname: i%d\n      type: gauge\n" % (k + 1) for k in range(n_index))
    metrics.append("  - name: %s\n    oid: %s\n    type: %s\n    help: %s\n    indexes:\n%s"
                   % (name(oid[1:]), oid[1:], metric_type(tag), oid[1:], labels))
body = ("  walk:\n" + "".join("  - %s\n" % c[1:] for c in columns) +
        "  get:\n" + "".join("  - %s\n" % s[1:] for s in scalars) +
        "  metrics:\n" + "".join(metrics) +
        "  version: 2\n  max_repetitions: %d\n  retries: 1\n  timeout: %ss\n" % (reps, timeout))
for i in range(1, switches + 1):
    sys.stdout.write("leaf%03d:\n%s  auth:\n    community: leaf%03d\n" % (i, body, i))
