#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on MikroTik RouterOS exports through the command:
# the mikrotik driver is chosen from the text, the JSON carries the facts
# and fixes, exit codes follow the verdicts, a RouterOS agent's recording
# gets the driver by sysObjectID, and --driver mikrotik on another
# family's text says what it reads.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
data="$PR_SOURCE_DIR/tests/data/mikrotik"
tmp="$PR_TMP"

# L009UiGS (Oxidized capture): the default bridge, no protocol-mode (rstp),
# ports without edge= (auto): 8 warnings, exit 1; the block is RouterOS's.
rc=0
"$PORTREADY" check --config "$data/oxidized__routeros_L009UiGS_7.15.2.txt" --format json --fix \
    >"$tmp/l009.json" || rc=$?
pr_expect_eq "L009 exit" 1 "$rc"
pr_expect_eq "L009 driver" mikrotik "$(pr_json "$tmp/l009.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "L009 mode" rstp "$(pr_json "$tmp/l009.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "L009 warnings" 8 "$(pr_json "$tmp/l009.json" 'd["summary"]["warning"]')"
pr_expect_eq "L009 block, first line" "/interface bridge port set [ find interface=ether2 ] edge=yes" \
    "$(pr_json "$tmp/l009.json" 'd["switches"][0]["fix"]["text"].splitlines()[0]')"

# CHR 7.10.1: no bridge, 8 routed interfaces: all ready, exit 0.
rc=0
"$PORTREADY" check --config "$data/oxidized__routeros_CHR_7.10.1.txt" >/dev/null || rc=$?
pr_expect_eq "CHR exit" 0 "$rc"

# An export with an 802.3ad bonding: not ready (exit 2), the fallback said
# to be absent.
printf '# by RouterOS 7.16\n/interface bridge\nadd name=br\n/interface bonding\nadd mode=802.3ad name=bond1 slaves=ether3,ether4\n/interface bridge port\nadd bridge=br interface=bond1 edge=yes\n' \
    >"$tmp/bond.rsc"
rc=0
"$PORTREADY" check --config "$tmp/bond.rsc" --format json ether3 >"$tmp/bond.json" || rc=$?
pr_expect_eq "bond exit" 2 "$rc"
pr_expect_eq "bond finding" lacp-no-fallback \
    "$(pr_json "$tmp/bond.json" 'd["switches"][0]["ports"][0]["findings"][0]["id"]')"

# --driver mikrotik on a Junos text: refused, naming RouterOS; exit 3.
rc=0
printf 'interfaces {\n ge-0/0/0 {\n  unit 0;\n }\n}\n' >"$tmp/junos.conf"
"$PORTREADY" check --config "$tmp/junos.conf" --driver mikrotik >"$tmp/out" 2>&1 || rc=$?
pr_expect_eq "junos with --driver mikrotik exit" 3 "$rc"
if grep -q "not a MikroTik RouterOS export" "$tmp/out"; then
    pr_pass "the refusal names RouterOS"
else
    pr_fail "refusal: $(head -3 "$tmp/out")"
fi
pr_done
