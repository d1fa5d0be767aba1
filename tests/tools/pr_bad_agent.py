#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""A misbehaving SNMP agent for the tests: a small UDP responder on
127.0.0.1 that serves an snmprec recording (OID|TYPE|VALUE) over SNMPv1 and
v2c (any community) and breaks the protocol in one chosen way. Python's
standard library only: BER is encoded and decoded by hand below.

Modes:
  normal     answers correctly (the baseline the others are compared with)
  repeat     GETNEXT/GETBULK of an existing OID answers that same OID: a walk
             that trusts the agent never advances
  disorder   the next of the third row of a table is its first row again:
             a walk that trusts the agent goes round in circles
  wrongtype  every number (INTEGER, Counter, Gauge, TimeTicks, Counter64)
             and OID comes back as another type: OCTET STRING with the
             digits, OID, NULL, IpAddress or Opaque, in turn
  bigtable   the recording plus --rows extra interfaces (ifDescr, ifName)
  badvalue   every ifAlias comes back as an NsapAddress (3 bytes), a type
             no port fact is read from: the rest of the walk is fine
  stall      answers the first --after requests, then nothing at all
  nosuch     noSuchObject to every GET, endOfMibView to every GETNEXT or
             GETBULK (v1: noSuchName)
  slow       answers every request after --delay seconds
  bulk-drop  GETBULK of two or more columns: the first varbind of the
             second row is left out, so every later varbind sits in its
             neighbour's column
  bulk-dup   GETBULK likewise: the last varbind of the first row is sent
             twice
  bulk-colmajor  GETBULK likewise: the rows column by column (all of the
             first column's rows, then the second's) instead of row by row
  v3-engine  SNMPv3: every message draws an unknownEngineID report naming a
             new engine ID each time (the engine ID never settles)
  v3-time    SNMPv3: discovery works, then every request draws an
             authenticated notInTimeWindow report whose clock is a day
             away from any the manager can reach (signed with the SHA
             passphrase in the environment variable PR_BAD_AGENT_AUTH)

Usage: pr_bad_agent.py --port N --mode MODE [--data FILE] [--rows N]
                       [--after N] [--delay S] [--ready FILE] [--log FILE]
--ready FILE is written once the socket is bound; --log FILE gets a line
per request received. The agent runs until
killed; it prints the number of requests it answered to stderr on SIGTERM.
"""
import argparse
import bisect
import hashlib
import hmac
import os
import signal
import socket
import sys
import threading
import time

# ---------------------------------------------------------------- BER


def enc_len(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, body):
    return bytes([tag]) + enc_len(len(body)) + body


def enc_int(tag, n):
    length = max(1, (n.bit_length() + 8) // 8)
    return tlv(tag, n.to_bytes(length, "big", signed=True))


def enc_uint(tag, n):
    n &= 0xFFFFFFFFFFFFFFFF
    length = max(1, (n.bit_length() + 8) // 8)
    return tlv(tag, n.to_bytes(length, "big"))


def enc_oid(arcs):
    arcs = list(arcs)
    if len(arcs) < 2:
        arcs = (arcs + [0, 0])[:2]
    out = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, bytes(out))


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def dec_tlv(data, pos):
    """-> (tag, value bytes, position after)"""
    tag = data[pos]
    n = data[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(data[pos:pos + k], "big")
        pos += k
    if pos + n > len(data):
        raise ValueError("truncated")
    return tag, data[pos:pos + n], pos + n


def dec_items(data):
    pos, out = 0, []
    while pos < len(data):
        tag, value, pos = dec_tlv(data, pos)
        out.append((tag, value))
    return out


def dec_int(value):
    return int.from_bytes(value, "big", signed=True)


def dec_oid(value):
    arcs, n = [], 0
    for i, b in enumerate(value):
        n = n << 7 | (b & 0x7F)
        if not b & 0x80:
            if not arcs:
                arcs += [min(n // 40, 2), n - 40 * min(n // 40, 2)]
            else:
                arcs.append(n)
            n = 0
    return tuple(arcs)


# ------------------------------------------------------------ the data

NUMERIC = {2: 0x02, 65: 0x41, 66: 0x42, 67: 0x43, 70: 0x46}


def enc_value(tag, text, hexa):
    if tag == 2:
        return enc_int(0x02, int(text))
    if tag in (65, 66, 67, 70):
        return enc_uint(NUMERIC[tag], int(text))
    if tag in (4, 68):
        raw = bytes.fromhex(text) if hexa else text.encode()
        return tlv(0x04 if tag == 4 else 0x44, raw)
    if tag == 64:
        raw = bytes.fromhex(text) if hexa else bytes(int(x) for x in text.split("."))
        return tlv(0x40, raw)
    if tag == 6:
        return enc_oid(int(x) for x in text.strip(".").split("."))
    if tag == 5:
        return b"\x05\x00"
    raise ValueError("type %d" % tag)


def wrong_value(tag, text, turn):
    """A number or OID as another type, in turn."""
    kind = turn % 5
    if kind == 0:
        return tlv(0x04, text.encode())
    if kind == 1:
        return enc_oid((1, 3, 6, 1, 4, 1, 32473, turn % 1000))
    if kind == 2:
        return b"\x05\x00"
    if kind == 3:
        return tlv(0x40, bytes([10, 0, 0, turn % 256]))
    return tlv(0x44, text.encode())


IF_ALIAS = (1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 18)


def load(path, mode, rows):
    table = {}
    turn = 0
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            oid_text, tag_text, value = line.split("|", 2)
            hexa = tag_text.endswith("x")
            tag = int(tag_text.rstrip("x"))
            oid = tuple(int(x) for x in oid_text.strip(".").split("."))
            if mode == "badvalue" and oid[:11] == IF_ALIAS:
                table[oid] = tlv(0x45, bytes([0x47, 0, 5]))
                continue
            if mode == "wrongtype" and (tag in NUMERIC or tag == 6):
                table[oid] = wrong_value(tag, value, turn)
                turn += 1
            else:
                table[oid] = enc_value(tag, value, hexa)
    if mode == "bigtable":
        descr = (1, 3, 6, 1, 2, 1, 2, 2, 1, 2)
        name = (1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1)
        for i in range(rows):
            index = 200000 + i
            text = b"extra %d" % i
            table[descr + (index,)] = tlv(0x04, text)
            table[name + (index,)] = tlv(0x04, text)
    oids = sorted(table)
    return oids, table


# ------------------------------------------------------------ the agent

NO_SUCH_OBJECT = b"\x80\x00"
END_OF_MIB = b"\x82\x00"


class Agent:
    def __init__(self, args):
        self.args = args
        self.mode = args.mode
        self.oids, self.table = load(args.data, args.mode, args.rows)
        self.requests = 0
        self.lock = threading.Lock()
        self.start = time.monotonic()
        self.engine_serial = 0
        self.engine_id = bytes.fromhex("80007f6903") + b"portready-bad"

    def next_of(self, oid):
        """(name, encoded value) after oid, as the mode has it."""
        if self.mode == "repeat" and oid in self.table:
            return oid, self.table[oid]
        if self.mode == "disorder" and oid in self.table:
            column = oid[:-1]
            first = bisect.bisect_right(self.oids, column)
            if first + 2 < len(self.oids) and self.oids[first + 2] == oid:
                return self.oids[first], self.table[self.oids[first]]
        i = bisect.bisect_right(self.oids, oid)
        if i >= len(self.oids):
            return oid, END_OF_MIB
        return self.oids[i], self.table[self.oids[i]]

    def answer_pdu(self, tag, fields, version):
        """-> (error-status, error-index, [(oid, encoded value)])"""
        request_oids = [dec_oid(dec_items(vb)[0][1]) for _, vb in dec_items(fields[3][1])]
        out = []
        if self.mode == "nosuch":
            if version == 0:
                return 2, 1, [(o, b"\x05\x00") for o in request_oids]
            exc = NO_SUCH_OBJECT if tag == 0xA0 else END_OF_MIB
            return 0, 0, [(o, exc) for o in request_oids]
        if tag == 0xA0:  # GET
            for i, o in enumerate(request_oids):
                if o in self.table:
                    out.append((o, self.table[o]))
                elif version == 0:
                    return 2, i + 1, [(x, b"\x05\x00") for x in request_oids]
                else:
                    out.append((o, NO_SUCH_OBJECT))
            return 0, 0, out
        if tag == 0xA1:  # GETNEXT
            for i, o in enumerate(request_oids):
                name, value = self.next_of(o)
                if value == END_OF_MIB and version == 0:
                    return 2, i + 1, [(x, b"\x05\x00") for x in request_oids]
                out.append((name, value))
            return 0, 0, out
        if tag == 0xA5:  # GETBULK
            non_rep = max(0, dec_int(fields[1][1]))
            max_rep = max(0, dec_int(fields[2][1]))
            for o in request_oids[:non_rep]:
                out.append(self.next_of(o))
            current = list(request_oids[non_rep:])
            for _ in range(max_rep):
                if not current:
                    break
                row = [self.next_of(o) for o in current]
                out += row
                current = [name for name, _ in row]
                if all(value == END_OF_MIB for _, value in row):
                    break
            return 0, 0, self.misalign(out, non_rep, len(request_oids) - non_rep)
        return 5, 0, []  # genErr: SET and the rest are not served

    def misalign(self, out, non_rep, n):
        """A GETBULK answer of n repeaters, broken as the bulk-* modes say,
        when it has at least two repeaters and two rows."""
        rows = out[non_rep:]
        if not self.mode.startswith("bulk-") or n < 2 or len(rows) < 2 * n:
            return out
        if self.mode == "bulk-drop":
            del rows[n]  # the first varbind of the second row
        elif self.mode == "bulk-dup":
            rows.insert(n, rows[n - 1])  # the last of the first row, twice
        elif self.mode == "bulk-colmajor":
            full = len(rows) // n
            rows = [rows[r * n + c] for c in range(n) for r in range(full)]
        return out[:non_rep] + rows

    def response_pdu(self, tag, fields, version, reply_tag=0xA2):
        status, index, varbinds = self.answer_pdu(tag, fields, version)
        body = b"".join(seq(enc_oid(o), v) for o, v in varbinds)
        return tlv(reply_tag, tlv(fields[0][0], fields[0][1]) + enc_int(0x02, status) +
                   enc_int(0x02, index) + seq(body))

    # --- SNMPv1/v2c

    def handle_community(self, items):
        version = dec_int(items[0][1])
        community = items[1][1]
        tag, pdu = items[2]
        fields = dec_items(pdu)
        return seq(enc_int(0x02, version), tlv(0x04, community),
                   self.response_pdu(tag, fields, version))

    # --- SNMPv3 (USM; reports only)

    def engine_time(self):
        return int(time.monotonic() - self.start) + 1000

    def handle_v3(self, items):
        header = dec_items(items[1][1])
        msg_id = dec_int(header[0][1])
        flags = header[2][1][0] if header[2][1] else 0
        usm = dec_items(dec_tlv(items[2][1], 0)[1])
        engine_id, user = usm[0][1], usm[3][1]
        scoped = dec_items(items[3][1]) if items[3][0] == 0x30 else None
        request_id = b"\x02\x01\x00"
        if scoped:
            pdu_fields = dec_items(scoped[2][1])
            request_id = enc_int(0x02, dec_int(pdu_fields[0][1]))
        usm_stats = (1, 3, 6, 1, 6, 3, 15, 1, 1)
        if self.mode == "v3-engine" or not engine_id:
            # Discovery (an empty engine ID), or the engine ID that never
            # settles: a new one every time.
            if self.mode == "v3-engine":
                self.engine_serial += 1
                engine = self.engine_id + self.engine_serial.to_bytes(4, "big")
            else:
                engine = self.engine_id
            return self.v3_report(msg_id, request_id, engine, 0, self.engine_time(), b"",
                                  usm_stats + (4, 0), False)
        if self.mode == "v3-time" and flags & 1:
            # Authenticated request: "not in time window", with a clock a
            # day ahead of anything the manager saw, every time.
            self.day_ahead = getattr(self, "day_ahead", 0) + 86400
            return self.v3_report(msg_id, request_id, self.engine_id, 1,
                                  self.engine_time() + self.day_ahead, user,
                                  usm_stats + (2, 0), True)
        return None

    def v3_report(self, msg_id, request_id, engine, boots, etime, user, counter, auth):
        varbinds = seq(seq(enc_oid(counter), enc_uint(0x41, 1)))
        pdu = tlv(0xA8, request_id + enc_int(0x02, 0) + enc_int(0x02, 0) + varbinds)
        scoped = seq(tlv(0x04, engine), tlv(0x04, b""), pdu)
        header = seq(enc_int(0x02, msg_id), enc_int(0x02, 65507),
                     tlv(0x04, bytes([1 if auth else 0])), enc_int(0x02, 3))

        def whole(auth_params):
            usm = seq(tlv(0x04, engine), enc_int(0x02, boots), enc_int(0x02, etime),
                      tlv(0x04, user), tlv(0x04, auth_params), tlv(0x04, b""))
            return seq(enc_int(0x02, 3), header, tlv(0x04, usm), scoped)

        if not auth:
            return whole(b"")
        key = localized_sha_key(os.environ.get("PR_BAD_AGENT_AUTH", "").encode(), engine)
        unsigned = whole(bytes(12))
        mac = hmac.new(key, unsigned, hashlib.sha1).digest()[:12]
        return whole(mac)

    # --- the loop

    def handle(self, data):
        items = dec_items(dec_tlv(data, 0)[1])
        if dec_int(items[0][1]) == 3:
            return self.handle_v3(items)
        if self.mode.startswith("v3-"):
            return None
        return self.handle_community(items)

    def serve(self, sock):
        while True:
            data, peer = sock.recvfrom(65535)
            with self.lock:
                self.requests += 1
                count = self.requests
            if self.args.log:
                with open(self.args.log, "a") as f:
                    f.write("request %d from %s:%d\n" % (count, peer[0], peer[1]))
            if self.mode == "stall" and count > self.args.after:
                continue
            try:
                reply = self.handle(data)
            except (ValueError, IndexError):
                continue  # not a message we can read: dropped, as agents do
            if reply is None:
                continue
            if self.mode == "slow":
                threading.Timer(self.args.delay, sock.sendto, (reply, peer)).start()
            else:
                sock.sendto(reply, peer)


_key_cache = {}


def localized_sha_key(password, engine):
    """RFC 3414 A.2.2: password to key (SHA), localized to the engine."""
    if not password:
        return bytes(20)
    if password not in _key_cache:
        stream = (password * (1048576 // len(password) + 1))[:1048576]
        _key_cache[password] = hashlib.sha1(stream).digest()
    ku = _key_cache[password]
    return hashlib.sha1(ku + engine + ku).digest()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description="a misbehaving SNMP agent for tests")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--mode", required=True,
                   choices=["normal", "repeat", "disorder", "wrongtype", "bigtable", "stall",
                            "nosuch", "slow", "v3-engine", "v3-time", "bulk-drop", "bulk-dup",
                            "bulk-colmajor", "badvalue"])
    p.add_argument("--data", default=os.path.join(here, "..", "..", "lab", "data",
                                                  "rack12-a.snmprec"))
    p.add_argument("--rows", type=int, default=100000)
    p.add_argument("--after", type=int, default=3)
    p.add_argument("--delay", type=float, default=1.0)
    p.add_argument("--ready")
    p.add_argument("--log")
    args = p.parse_args()
    agent = Agent(args)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", args.port))

    def stop(*_):
        sys.stderr.write("pr_bad_agent: %d requests\n" % agent.requests)
        sys.stderr.flush()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.ready:
        with open(args.ready + ".tmp", "w") as f:
            f.write("%d\n" % args.port)
        os.rename(args.ready + ".tmp", args.ready)
    agent.serve(sock)


if __name__ == "__main__":
    main()
