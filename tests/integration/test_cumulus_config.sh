#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on Cumulus Linux configurations (tests/data/cumulus,
# see its README) through the command: the driver is chosen from the text,
# exit codes follow the verdicts, the JSON carries the dialect's fixes and
# the --fix block is configuration to paste, ending with what applies it;
# --driver cumulus on another family's text says what it reads, and a text
# of no dialect names Cumulus among the dialects portready reads.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

tmp="$PR_TMP"
D="$PR_SOURCE_DIR/tests/data/cumulus"

# ifupdown2 tors2: hostbond3 (swp_CC_, swp_DD_) is 802.3ad with no
# bond-lacp-bypass-allow (bypass off by default) in a VLAN-aware bridge with
# no mstpctl-portadminedge (auto edge): not ready, exit 2. The fix of
# swp_CC_'s lacp-no-fallback is the bond's stanza line.
rc=0
"$PORTREADY" check --config "$D/ifupdown2__evpn_vab_clag_riot_flood_sup_off_config_tors2.eni" \
    --format json --fix >"$tmp/tors2.json" || rc=$?
pr_expect_eq "tors2 exit (not ready)" 2 "$rc"
pr_expect_eq "tors2 driver" cumulus "$(pr_json "$tmp/tors2.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "tors2 mode (VLAN-aware bridge, bridge-stp on)" rstp \
    "$(pr_json "$tmp/tors2.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "tors2 swp_CC_ fallback fix" "iface hostbond3
    bond-lacp-bypass-allow yes" "$(pr_json "$tmp/tors2.json" \
    '[f["fix"] for p in d["switches"][0]["ports"] if p["name"] == "swp_CC_" for f in p["findings"] if f["id"] == "lacp-no-fallback"][0]')"
pr_expect_eq "tors2 block is configuration to paste" True \
    "$(pr_json "$tmp/tors2.json" 'd["switches"][0]["fix"]["paste"]')"
pr_expect_eq "tors2 block ends with ifreload" "# then: sudo ifreload -a" \
    "$(pr_json "$tmp/tors2.json" 'd["switches"][0]["fix"]["text"].strip().splitlines()[-1]')"

# bridge6: four bridge ports, up with the auto bridge, auto edge only: a
# warning each, exit 1.
rc=0
"$PORTREADY" check --config "$D/ifupdown2__bridge6_multiple_bridge_ports_lines.eni" \
    >"$tmp/bridge6.txt" || rc=$?
pr_expect_eq "bridge6 exit (warning)" 1 "$rc"

# NVUE MSN2010: swp1-18 link state down (not ready), swp19-22 routed and up:
# exit 2; the block sets the 18 links up, then nv config apply.
rc=0
"$PORTREADY" check --config "$D/oxidized__cumulus_MSN2010_5.9.2_nvue.yaml" --format json --fix \
    >"$tmp/nvue.json" || rc=$?
pr_expect_eq "nvue exit" 2 "$rc"
pr_expect_eq "nvue mode (no bridge)" off "$(pr_json "$tmp/nvue.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "nvue block: 18 link state up, then apply" "18|nv config apply" \
    "$(pr_json "$tmp/nvue.json" '"%d|%s" % (sum(1 for l in d["switches"][0]["fix"]["text"].splitlines() if l.endswith(" link state up")), d["switches"][0]["fix"]["text"].strip().splitlines()[-1])')"

# The block applied to the text (appended, as the snippets are) and judged
# again: no finding left but info ones.
python3 - "$D/oxidized__cumulus_MSN2010_5.9.2_nvue.yaml" "$tmp/nvue.json" "$tmp/nvue-fixed.yaml" <<'PY'
import json, sys
src, js, out = sys.argv[1:4]
block = json.load(open(js))["switches"][0]["fix"]["text"]
open(out, "w").write(open(src).read() + block)
PY
rc=0
"$PORTREADY" check --config "$tmp/nvue-fixed.yaml" >"$tmp/nvue-fixed.txt" || rc=$?
pr_expect_eq "nvue with its block applied: every port ready" 0 "$rc"

# Another family's text with --driver cumulus: refused, naming the dialect.
if [ -d "$PR_FIXTURES" ]; then
    rc=0
    "$PORTREADY" check --config "$PR_FIXTURES/configs/scale__ex4200-example.conf" --driver cumulus \
        >"$tmp/out" 2>&1 || rc=$?
    pr_expect_eq "junos with --driver cumulus exit" 3 "$rc"
    if grep -q "not a Cumulus Linux configuration" "$tmp/out"; then
        pr_pass "--driver cumulus refusal says what it reads"
    else
        pr_fail "--driver cumulus refusal: $(head -3 "$tmp/out")"
    fi
fi

# A Debian host's interfaces file is no switch's: refused, the message naming
# Cumulus among the dialects.
printf 'auto eth0\niface eth0 inet dhcp\n' >"$tmp/host.interfaces"
rc=0
"$PORTREADY" check --config "$tmp/host.interfaces" >"$tmp/host.out" 2>&1 || rc=$?
pr_expect_eq "a host's interfaces file exit" 3 "$rc"
if grep -q "Cumulus Linux (ifupdown2, NVUE)" "$tmp/host.out"; then
    pr_pass "the refusal names Cumulus among the dialects"
else
    pr_fail "refusal: $(head -3 "$tmp/host.out")"
fi
pr_done
