#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# The arithmetic of bench/timer-accuracy and bench/timer-peers: each method's
# error against the truth (the bridge's "forwarding" event after each link-up,
# tests/tools/timer_truth, CLOCK_MONOTONIC), the probes it sent from link-up
# to its first reply, and the table.
#
#   timer_eval.py portready NAME TRUTH JSON SNIFF      one row, as a JSON line
#   timer_eval.py peer NAME TRUTH UPS REPLIES SNIFF     one row of ping or fping
#   timer_eval.py table ROWS                           the table of those rows
#
# UPS: a line "MONO_NS WALL_NS" per bounce, both clocks read at link-up.
# REPLIES: the peer's output, its lines stamped "[UNIX.SECONDS]" (ping -D,
# fping -D). SNIFF: "MONO_NS icmp|arp" per echo or ARP request that left the
# server (bench/timer-sniff.py): the probes on the wire, counted the same way
# for every method. "Sent" is portready's own record of every probe it sent
# (the peers keep none): echoes sent while the gateway's MAC is unknown wait
# in the kernel's neighbour queue and mostly never leave.
import json
import re
import statistics
import sys


def forwarding_events(path):
    return sorted(int(t) for t, _port, state in
                  (line.split() for line in open(path) if line[:1].isdigit())
                  if state == "forwarding")


def truth_after(fwd, up_mono):
    later = [t for t in fwd if t >= up_mono]
    return later[0] - up_mono if later else None


def on_wire(sniff):
    return [int(line.split()[0]) for line in open(sniff) if line[:1].isdigit()]


def between(times, start, end):
    return sum(1 for t in times if start <= t <= end)


def portready_row(name, truth, path, sniff):
    fwd = forwarding_events(truth)
    wire = on_wire(sniff)
    errors, sent, wired = [], [], []
    for b in json.load(open(path))["time"]["bounces"]:
        t = truth_after(fwd, b["up_ns"])
        if t is None or b["reachability_ms"] is None:
            continue
        errors.append(b["reachability_ms"] - t / 1e6)
        sent.append(between([p["sent_ns"] for p in b["probes"]], b["up_ns"], b["first_reply_ns"]))
        wired.append(between(wire, b["up_ns"], b["first_reply_ns"]))
    return {"name": name, "errors": errors, "sent": sent, "wire": wired}


def stamp(line):
    m = re.match(r"\[(\d+)\.(\d+)\]", line)
    return int(m.group(1)) * 10**9 + int(m.group(2).ljust(9, "0")[:9]) if m else None


def peer_row(name, truth, ups, replies, sniff):
    fwd = forwarding_events(truth)
    lines = [(stamp(line), line) for line in open(replies)]
    answers = [(t, line) for t, line in lines if t is not None and "bytes" in line]
    wire = on_wire(sniff)
    errors, sent, wired = [], [], []
    for line in open(ups):
        mono, wall = map(int, line.split())
        first = [t for t, _ in answers if t > wall]
        t = truth_after(fwd, mono)
        if not first or t is None:
            continue
        reach = first[0] - wall
        errors.append(reach / 1e6 - t / 1e6)
        wired.append(between(wire, mono, mono + reach))
    return {"name": name, "errors": errors, "sent": sent, "wire": wired}


def table(path):
    print("error of the measured reachability against the bridge's forwarding event (ms),")
    print("probes from link-up to the first reply, median per bounce: sent by the tool (echo +")
    print("ARP requests), and on the wire (what left the server's interface)")
    print(f"{'method':46} {'bounces':>7} {'min':>9} {'median':>9} {'max':>9} {'sent':>6} "
          f"{'wire':>6}")

    def median(v):
        return f"{statistics.median(v):6.0f}" if v else f"{'-':>6}"

    for line in open(path):
        row = json.loads(line)
        e = row["errors"]
        if e:
            print(f"{row['name']:46} {len(e):7d} {min(e):+9.3f} {statistics.median(e):+9.3f} "
                  f"{max(e):+9.3f} {median(row['sent'])} {median(row['wire'])}")
        else:
            print(f"{row['name']:46} {0:7d} {'-':>9} {'-':>9} {'-':>9} {'-':>6} {'-':>6}")


def main(argv):
    if argv[1] == "portready":
        print(json.dumps(portready_row(*argv[2:6])))
    elif argv[1] == "peer":
        print(json.dumps(peer_row(*argv[2:7])))
    elif argv[1] == "table":
        table(argv[2])
    else:
        sys.exit(f"timer_eval.py: unknown command {argv[1]}")


if __name__ == "__main__":
    main(sys.argv)
