#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on Dell OS10 and Extreme EXOS configurations
# through the command: the driver is chosen from the text, exit codes follow
# the verdicts, the JSON carries each dialect's fixes and the --fix block is
# configuration to paste; --driver dell / extreme on another family's text
# says what they read.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

tmp="$PR_TMP"
if [ ! -d "$PR_FIXTURES" ]; then
    pr_skip "fixtures not found under $PR_FIXTURES"
fi
C="$PR_FIXTURES/configs"

# OS10 (napalm-dellos10): ethernet1/1/2 has "no shutdown", "switchport access
# vlan 1" and no spanning-tree port type edge: auto edge, a warning (exit 1);
# the fix makes it edge.
rc=0
"$PORTREADY" check --config "$C/napalm-dellos10__show_running_configuration.txt" --format json \
    --fix ethernet1/1/2 >"$tmp/os10.json" || rc=$?
pr_expect_eq "os10 exit (warning)" 1 "$rc"
pr_expect_eq "os10 driver" dell "$(pr_json "$tmp/os10.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "os10 mode (no spanning-tree line: Rapid-PVST)" rapid-pvst \
    "$(pr_json "$tmp/os10.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "os10 ethernet1/1/2 fix" "interface ethernet1/1/2
 spanning-tree port type edge" "$(pr_json "$tmp/os10.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "stp-edge-auto"][0]')"
pr_expect_eq "os10 block is configuration to paste" True \
    "$(pr_json "$tmp/os10.json" 'd["switches"][0]["fix"]["paste"]')"

# EXOS Peer1.A: LAGs 1 (ports 1-2), 3 (3-4), 10 (10) with LACP, no fallback,
# no stpd line (off): five ports not ready (exit 2); the block enables
# fallback on each LAG's master port, once each.
rc=0
"$PORTREADY" check --config "$C/virtual-exos__Peer1.A.txt" --format json --fix \
    >"$tmp/exos.json" || rc=$?
pr_expect_eq "exos exit" 2 "$rc"
pr_expect_eq "exos driver" extreme "$(pr_json "$tmp/exos.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "exos mode" off "$(pr_json "$tmp/exos.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "exos block" "configure sharing 1 lacp fallback enable
configure sharing 3 lacp fallback enable
configure sharing 10 lacp fallback enable" \
    "$(pr_json "$tmp/exos.json" 'd["switches"][0]["fix"]["text"].strip()')"

# The other family's text with a forced driver: refused, naming the dialect.
for pair in "dell:not a Dell OS10 configuration" "extreme:not an EXOS configuration"; do
    drv=${pair%%:*} want=${pair#*:}
    rc=0
    "$PORTREADY" check --config "$C/scale__ex4200-example.conf" --driver "$drv" >"$tmp/out" 2>&1 ||
        rc=$?
    pr_expect_eq "junos with --driver $drv exit" 3 "$rc"
    if grep -q "$want" "$tmp/out"; then
        pr_pass "--driver $drv refusal says $want"
    else
        pr_fail "--driver $drv refusal: $(head -3 "$tmp/out")"
    fi
done
pr_done
