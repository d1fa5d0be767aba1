#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Bytes from a log, a configuration or a switch that would abuse a terminal
# or break JSON: escape sequences (ESC [ ... m, an OSC title ending in BEL,
# the C1 CSI U+009B), a backspace, a carriage return, and bytes that are not
# UTF-8 (0xff, an overlong '/', a lone surrogate, a cut sequence). Every
# output must be valid UTF-8 without a control character but newlines
# (text) and parse with a real JSON parser (python3 -m json.tool and jq),
# while real UTF-8 ("Grüße", "日本") comes through. Through dhcp-log (text,
# JSON, --follow), a Junos description (--config) and an ifAlias (--walk).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
export TZ=UTC

# clean FILE WHAT: FILE is valid UTF-8 with no control character but "\n".
clean() {
    if python3 - "$1" <<'PY'; then pr_pass "$2: valid UTF-8, no control character"; else pr_fail "$2: $(head -c 300 "$1" | od -c | head -5)"; fi
import sys, unicodedata
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # strict: raises on any invalid sequence
bad = [c for c in text if c != "\n" and unicodedata.category(c) == "Cc"]
sys.exit(1 if bad else 0)
PY
}
# valid_json FILE WHAT: both parsers accept FILE.
valid_json() {
    if python3 -m json.tool "$1" >/dev/null 2>"$PR_TMP/json.err"; then
        pr_pass "$2: python3 -m json.tool accepts it"
    else
        pr_fail "$2: python3 -m json.tool: $(cat "$PR_TMP/json.err")"
    fi
    if ! command -v jq >/dev/null; then
        echo "# jq not installed: python3 only"
    elif jq . "$1" >/dev/null 2>"$PR_TMP/jq.err"; then
        pr_pass "$2: jq accepts it"
    else
        pr_fail "$2: jq: $(cat "$PR_TMP/jq.err")"
    fi
}

# The hostile part of every line below, as Python bytes.
HOSTILE='b"\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \xc2\x9b2J \x08\r \xff \xc0\xaf \xed\xa0\x80 Gr\xc3\xbc\xc3\x9fe \xe6\x97\xa5\xe6\x9c\xac \xe2\x82"'

# 1. dhcp-log: a client whose NAK carries the hostile bytes in dhcpd's
# reason, and an interface name with an escape sequence.
python3 - "$PR_TMP/syslog" <<PY
import sys
h = $HOSTILE
pre = b"May 14 10:00:01 pxe01 dhcpd[812]: "
lines = [
    pre + b"DHCPDISCOVER from aa:00:00:00:00:01 via eth0\x1b[2J",
    pre + b"DHCPOFFER on 10.20.0.1 to aa:00:00:00:00:01 via eth0\x1b[2J",
    pre + b"DHCPREQUEST for 10.20.0.1 (10.20.0.2) from aa:00:00:00:00:01 via eth0\x1b[2J: " + h,
    pre + b"DHCPNAK on 10.20.0.1 to aa:00:00:00:00:01 via eth0\x1b[2J",
]
open(sys.argv[1], "wb").write(b"\n".join(lines) + b"\n")
PY
rc=0
"$PORTREADY" dhcp-log --format json "$PR_TMP/syslog" >"$PR_TMP/dhcp.json" 2>"$PR_TMP/dhcp.err" || rc=$?
pr_expect_eq "dhcp-log JSON: exit 2 (a NAK)" 2 "$rc"
valid_json "$PR_TMP/dhcp.json" "dhcp-log JSON"
pr_expect_eq "dhcp-log JSON: the client, UTF-8 kept in the evidence" "aa:00:00:00:00:01 nak True" \
    "$(pr_json "$PR_TMP/dhcp.json" 'd["dhcp"][0]["mac"] + " " + d["dhcp"][0]["verdict"] + " " + str(any("Grüße 日本" in e for e in d["dhcp"][0]["evidence"]))')"
rc=0
"$PORTREADY" dhcp-log "$PR_TMP/syslog" >"$PR_TMP/dhcp.txt" 2>&1 || rc=$?
pr_expect_eq "dhcp-log text: exit 2" 2 "$rc"
clean "$PR_TMP/dhcp.txt" "dhcp-log text"
grep -q 'Grüße 日本' "$PR_TMP/dhcp.txt" && pr_pass "dhcp-log text: UTF-8 kept" ||
    pr_fail "dhcp-log text: UTF-8 lost: $(cat "$PR_TMP/dhcp.txt")"
rc=0
"$PORTREADY" dhcp-log --follow --exit-after 1 "$PR_TMP/syslog" >"$PR_TMP/follow.txt" 2>&1 || rc=$?
clean "$PR_TMP/follow.txt" "dhcp-log --follow text"

# 2. A Junos description (curly text) with the hostile bytes: the port's
# line (the description stands where no server is named) and --verbose.
python3 - "$PR_TMP/junos.conf" <<PY
import sys
h = $HOSTILE
conf = (b"interfaces {\n    ge-0/0/1 {\n        description \"" + h + b"\";\n"
        b"        unit 0 { family ethernet-switching; }\n    }\n}\n"
        b"protocols { rstp { interface ge-0/0/1 { edge; } } }\n")
open(sys.argv[1], "wb").write(conf)
PY
"$PORTREADY" check --config "$PR_TMP/junos.conf" >"$PR_TMP/junos.txt" 2>&1 || true
"$PORTREADY" check --verbose --config "$PR_TMP/junos.conf" >>"$PR_TMP/junos.txt" 2>&1 || true
clean "$PR_TMP/junos.txt" "Junos description, text"
grep -qF '  READY      ge-0/0/1       ?[31mred?[0m ?]0;pwne... ' "$PR_TMP/junos.txt" &&
    pr_pass "Junos description: escape sequences shown as '?'" ||
    pr_fail "Junos description: $(grep ge-0/0/1 "$PR_TMP/junos.txt" | head -2)"
"$PORTREADY" check --format json --config "$PR_TMP/junos.conf" >"$PR_TMP/junos.json" 2>&1 || true
valid_json "$PR_TMP/junos.json" "Junos configuration, JSON"

# 3. An ifAlias (hex OCTET STRING in a recording) with the hostile bytes.
python3 - "$PR_SOURCE_DIR/tests/data/generic/ports.snmprec" "$PR_TMP/alias.snmprec" <<PY
import sys
h = $HOSTILE
out = []
for line in open(sys.argv[1]):
    if line.startswith("1.3.6.1.2.1.31.1.1.1.18."):
        continue
    out.append(line.rstrip("\n"))
out.append("1.3.6.1.2.1.31.1.1.1.18.10|4x|" + h.hex())
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
"$PORTREADY" check --walk "$PR_TMP/alias.snmprec" ge-0/0/10 >"$PR_TMP/alias.txt" 2>&1 || true
clean "$PR_TMP/alias.txt" "ifAlias, text"
grep -qF '  ge-0/0/10      ?[31mred?[0m ?]0;pwne... ' "$PR_TMP/alias.txt" &&
    pr_pass "ifAlias: escape sequences shown as '?'" ||
    pr_fail "ifAlias: $(grep ge-0/0/10 "$PR_TMP/alias.txt" | head -2)"
"$PORTREADY" check --format json --walk "$PR_TMP/alias.snmprec" ge-0/0/10 >"$PR_TMP/alias.json" 2>&1 || true
valid_json "$PR_TMP/alias.json" "ifAlias, JSON"

pr_done
