# SPDX-License-Identifier: BSD-3-Clause
"""The snmpd pass_persist protocol, once for every lab MIB script
(bridge-mib-pass, ovs-mib-pass).

net-snmp's snmpd.conf(5), "pass_persist": snmpd writes PING (answered
PONG), or get / getnext / set followed by the OID (and, for set, the
type and value) on stdin, one item a line; the script answers the OID,
its type and its value on three lines, NONE when there is none, or an
SNMP error name (not-writable) for a set.

serve(table, roots) answers from table(), called afresh for every get
and getnext: {oid tuple: (type, value text)}. roots are the subtrees
the script is registered for (one pass_persist line each); a getnext
stays inside the root its OID falls under, so each registration ends
where its subtree does and snmpd moves on to the next one.
"""
import sys


def parse_oid(text):
    try:
        return tuple(int(x) for x in text.strip().strip(".").split(".") if x != "")
    except ValueError:
        return None


def _root_of(oid, roots):
    for root in roots:
        if oid[:len(root)] == root:
            return root
    return None


def _next(objs, oid, roots):
    """The first object after oid, inside oid's root (or, for an oid
    before a root, the first object of that root)."""
    root = _root_of(oid, roots)
    later = sorted(o for o in objs if o > oid)
    for o in later:
        if root is None or o[:len(root)] == root:
            return o
        break
    return None


def _answer(out, oid, entry):
    out.write(".%s\n%s\n%s\n" % (".".join(map(str, oid)), entry[0], entry[1]))


def serve(table, roots, stdin=sys.stdin, out=sys.stdout):
    roots = [tuple(r) for r in roots]
    while True:
        line = stdin.readline()
        if not line:
            return
        cmd = line.strip().lower()
        if cmd == "ping":
            out.write("PONG\n")
        elif cmd in ("get", "getnext"):
            oid = parse_oid(stdin.readline())
            objs = table()
            if oid is None:
                out.write("NONE\n")
            elif cmd == "get":
                if oid in objs:
                    _answer(out, oid, objs[oid])
                else:
                    out.write("NONE\n")
            else:
                found = _next(objs, oid, roots)
                if found is not None:
                    _answer(out, found, objs[found])
                else:
                    out.write("NONE\n")
        elif cmd == "set":
            stdin.readline()
            stdin.readline()
            out.write("not-writable\n")
        elif cmd == "":
            continue
        else:
            out.write("NONE\n")
        out.flush()
