#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks portready's JSON documents against the rules of docs/json.md.

    pr_json_schema.py keys FILE...
        every key of every document (a file may hold a stream of them) is
        snake_case, but for the deprecated keys docs/json.md lists; every
        document starts with portready and timestamp and ends with error.
    pr_json_schema.py examples DOC.md --real FILE... [--seen-only] NAME...
        the examples NAME of DOC.md (the ```json block after
        "<!-- example NAME ...") have the keys real documents have: every
        object of an example has exactly the keys real objects at the same
        place have, and (without --seen-only) every place of the example is
        a place real documents have.

Places are paths such as switches[].ports[].facts; arrays merge their
items. Exit 0 when all is well; the problems on stdout otherwise.
"""
import json
import re
import sys

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# docs/json.md, "Deprecated keys": (place, key)
# docs/json.md, "Maps keyed by name": places whose keys are names of things
# (the DHCP clients of a port), not keys of the schema.
NAME_MAPS = {
    "switches[].ports[].clients",
    "locate[].verdict.clients",  # locate: the port object of check
    "dhcp[].port.verdict.clients",  # dhcp-log --inventory: the locate object
    "boot_log[].port.verdict.clients",  # boot-log --inventory: the locate object
}
DEPRECATED = {("summary.verdicts", k) for k in
              ("slow-renew", "no-offer", "no-request", "no-ack", "renew-failed", "not-seen")}


def documents(path):
    text, decoder, i, out = open(path).read(), json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        doc, i = decoder.raw_decode(text, i)
        out.append(doc)


def walk(value, place, visit):
    if isinstance(value, dict):
        visit(place, value)
        for k, v in value.items():
            walk(v, f"{place}.{k}" if place else k, visit)
    elif isinstance(value, list):
        for v in value:
            walk(v, place + "[]", visit)


def check_keys(paths):
    problems = []
    for path in paths:
        docs = documents(path)
        if not docs:
            problems.append(f"{path}: no document")
        for n, doc in enumerate(docs, 1):
            keys = list(doc)
            if keys[:2] != ["portready", "timestamp"] or keys[-1] != "error":
                problems.append(f"{path} #{n}: top-level keys {keys}")

            def visit(place, obj):
                for k in obj:
                    if place in NAME_MAPS:
                        continue
                    if not SNAKE.match(k) and (place, k) not in DEPRECATED:
                        problems.append(f"{path} #{n}: {place or '(top)'}: key {k!r}")
            walk(doc, "", visit)
    return problems


def shapes(docs):
    """place -> set of keys of the objects there."""
    seen = {}

    def visit(place, obj):
        seen.setdefault(place, set()).update(obj)
    for doc in docs:
        walk(doc, "", visit)
    return seen


def example(md, name):
    m = re.search(r"<!-- example %s [^\n]*-->\n```json\n(.*?)\n```" % re.escape(name), md, re.S)
    if m is None:
        return None
    return json.loads(m.group(1))


def check_examples(md_path, real_paths, names, seen_only):
    real = shapes([d for p in real_paths for d in documents(p)])
    md = open(md_path).read()
    problems = []
    for name in names:
        doc = example(md, name)
        if doc is None:
            problems.append(f"{md_path}: no example {name}")
            continue
        for place, keys in shapes([doc]).items():
            if place not in real:
                if not seen_only:
                    problems.append(f"example {name}: {place or '(top)'}: no real document has it")
                continue
            if keys != real[place]:
                problems.append(f"example {name}: {place or '(top)'}: keys "
                                f"{sorted(keys ^ real[place])} differ from the real ones")
    return problems


def main(argv):
    if len(argv) >= 3 and argv[1] == "keys":
        problems = check_keys(argv[2:])
    elif len(argv) >= 4 and argv[1] == "examples":
        md, rest, real, names, seen_only = argv[2], argv[3:], [], [], False
        while rest:
            if rest[0] == "--real":
                rest = rest[1:]
                while rest and not rest[0].startswith("--") and rest[0].endswith(".json"):
                    real.append(rest[0])
                    rest = rest[1:]
            elif rest[0] == "--seen-only":
                seen_only, rest = True, rest[1:]
            else:
                names.append(rest[0])
                rest = rest[1:]
        problems = check_examples(md, real, names, seen_only)
    else:
        sys.exit(__doc__)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
