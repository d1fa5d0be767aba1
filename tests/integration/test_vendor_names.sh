#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Only drivers/ knows vendors: no string literal in lib/ or cmd/ names a
# vendor or a vendor's operating system, and no lib/ file includes a
# drivers/ header but core's driver.h. (docs/architecture.md)
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

found=$(python3 - "$PR_SOURCE_DIR" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
vendor = re.compile(r"\b(cisco|juniper|junos|arista|eos|nx-?os|ios(-xe)?|aruba|huawei|comware|h3c|"
                    r"dell|cumulus|mikrotik|routeros|ruckus|fastiron|extreme|exos|procurve)\b", re.I)
literal = re.compile(r'"(?:[^"\\\n]|\\.)*"')
comment = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
for folder in ("lib", "cmd"):
    for path in sorted((root / folder).rglob("*.[ch]")):
        text = comment.sub(" ", path.read_text())
        for lit in literal.findall(text):
            if vendor.search(lit):
                print(f"{path.relative_to(root)}: {lit}")
PY
)
if [ -z "$found" ]; then pr_pass "no vendor name in a string of lib/ or cmd/"; else
    pr_fail "vendor names in lib/ or cmd/: $found"; fi

includes=$(grep -rnE '#include "(driver\.h|generic-snmp/|cisco/|juniper/)' "$PR_SOURCE_DIR/lib" |
    grep -vE '^[^:]*/lib/core/[^:]*:[0-9]+:#include "driver\.h"' || true)
if [ -z "$includes" ]; then pr_pass "lib/ includes no drivers/ header but core's driver.h"; else
    pr_fail "lib/ includes drivers/ headers: $includes"; fi
pr_done
