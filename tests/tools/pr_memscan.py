#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Counts the copies of secrets in a process's memory or in a core file.

Usage: pr_memscan.py --pid PID SECRET...
       pr_memscan.py --file CORE SECRET...

Prints one line: the number of occurrences of each SECRET, in the order
given, separated by spaces (never the secrets themselves). --pid reads what
a core dump of PID would hold, through /proc/PID/mem (root, or the same user
while the process is dumpable): every readable mapping but those marked
"dd" (MADV_DONTDUMP, as the sanitizers mark their shadow memory). --file
reads the file whole. Exit 2 when the memory or the file cannot be read.
"""
import sys

CHUNK = 16 << 20


def starts(data, secret, limit):
    """Offsets below limit where secret starts in data."""
    at = data.find(secret)
    while 0 <= at < limit:
        yield at
        at = data.find(secret, at + 1)


def mappings(pid):
    """(low, high, permissions, name, VmFlags) of each mapping of pid."""
    mapping = None
    with open("/proc/%s/smaps" % pid) as smaps:
        for line in smaps:
            fields = line.split()
            if fields and fields[0] == "VmFlags:":
                if mapping is not None:
                    yield mapping + (fields[1:],)
                mapping = None
            elif len(fields) >= 5 and "-" in fields[0] and ":" not in fields[0]:
                low, high = (int(x, 16) for x in fields[0].split("-"))
                mapping = (low, high, fields[1], fields[5] if len(fields) > 5 else "")


def scan_pid(pid, secrets):
    counts = [0] * len(secrets)
    # Chunks overlap by the longest secret less one byte; a match is
    # counted in the chunk where it starts.
    overlap = max(len(s) for s in secrets) - 1
    with open("/proc/%s/mem" % pid, "rb", 0) as mem:
        for low, high, perms, name, flags in mappings(pid):
            if "r" not in perms or "dd" in flags or name in ("[vvar]", "[vsyscall]"):
                continue
            at = low
            while at < high:
                end = min(high, at + CHUNK)
                try:
                    mem.seek(at)
                    data = mem.read(min(high, end + overlap) - at)
                except OSError:
                    break  # a mapping that went away or cannot be read
                for i, secret in enumerate(secrets):
                    counts[i] += sum(1 for _ in starts(data, secret, end - at))
                at = end
    return counts


def scan_file(path, secrets):
    with open(path, "rb") as f:
        data = f.read()
    return [sum(1 for _ in starts(data, s, len(data))) for s in secrets]


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("--pid", "--file"):
        sys.stderr.write(__doc__)
        return 2
    secrets = [s.encode() for s in sys.argv[3:]]
    try:
        if sys.argv[1] == "--pid":
            counts = scan_pid(sys.argv[2], secrets)
        else:
            counts = scan_file(sys.argv[2], secrets)
    except OSError as e:
        sys.stderr.write("pr_memscan: %s\n" % e)
        return 2
    print(" ".join(str(c) for c in counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
