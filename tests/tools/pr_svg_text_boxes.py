#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks that no two <text> elements of an SVG cover one another.

Each text's box is estimated from its font size (from its class in the
SVG's <style>, or its own font-size): width = characters x 0.6 x size (a
sans-serif character is at most about that wide), from the baseline 0.8 x
size up and 0.25 x size down, placed by text-anchor (start, middle, end).
Prints every intersecting pair and exits 1 when there is one; with
--require TEXT, also fails when no text reads TEXT.

    pr_svg_text_boxes.py FILE.svg [--require TEXT]...
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
CHAR_EM = 0.6


def styles(root):
    """class -> {property: value} from the <style> element."""
    rules = {}
    for style in root.iter(NS + "style"):
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", style.text or ""):
            props = dict(
                (k.strip(), v.strip())
                for k, v in (p.split(":", 1) for p in body.split(";") if ":" in p)
            )
            for sel in selectors.split(","):
                sel = sel.strip()
                if sel.startswith("."):
                    rules.setdefault(sel[1:], {}).update(props)
    return rules


def boxes(path):
    root = ET.parse(path).getroot()
    rules = styles(root)
    out = []
    for t in root.iter(NS + "text"):
        props = dict(rules.get(t.get("class", ""), {}))
        if t.get("font-size"):
            props["font-size"] = t.get("font-size")
        if t.get("text-anchor"):
            props["text-anchor"] = t.get("text-anchor")
        size = float(re.sub(r"px$", "", props.get("font-size", "16")))
        text = "".join(t.itertext())
        width = len(text) * size * CHAR_EM
        x, y = float(t.get("x", 0)), float(t.get("y", 0))
        anchor = props.get("text-anchor", "start")
        x0 = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
        out.append((text, x0, y - 0.8 * size, x0 + width, y + 0.25 * size))
    return out


def main(argv):
    path, required = argv[1], []
    args = argv[2:]
    while args:
        if args[0] == "--require" and len(args) > 1:
            required.append(args[1])
            args = args[2:]
        else:
            sys.exit(f"unknown argument {args[0]}")
    found = boxes(path)
    bad = 0
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                print(f"overlap: {a[0]!r} [{a[1]:.0f}..{a[3]:.0f} x {a[2]:.0f}..{a[4]:.0f}] "
                      f"and {b[0]!r} [{b[1]:.0f}..{b[3]:.0f} x {b[2]:.0f}..{b[4]:.0f}]")
                bad += 1
    texts = {f[0] for f in found}
    for r in required:
        if r not in texts:
            print(f"missing: no text reads {r!r}")
            bad += 1
    print(f"{len(found)} texts, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
