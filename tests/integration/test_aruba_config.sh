#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check --config on HPE/Aruba configurations through the command:
# the aruba driver is chosen from the text, the JSON carries each dialect's
# facts and fixes, exit codes follow the verdicts, --driver aruba on a text
# of another family says which dialects it reads.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

data="$PR_SOURCE_DIR/tests/data/aruba"
tmp="$PR_TMP" # removed by pr_cleanup

# AOS-CX 8325H: 1/1/1 is in "interface lag 1 multi-chassis" with "lacp mode
# active" and no lacp fallback: not ready, exit 2; the fix goes on the LAG.
rc=0
"$PORTREADY" check --config "$data/oxidized__aoscx_8325H_HL.10.15.1020.txt" --format json \
    1/1/1 >"$tmp/cx.json" || rc=$?
pr_expect_eq "8325H exit" 2 "$rc"
pr_expect_eq "8325H driver" aruba "$(pr_json "$tmp/cx.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "8325H spanning tree (no spanning-tree line)" off \
    "$(pr_json "$tmp/cx.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "8325H 1/1/1 fallback" False \
    "$(pr_json "$tmp/cx.json" 'd["switches"][0]["ports"][0]["facts"]["lacp_fallback"] == "yes"')"
pr_expect_eq "8325H 1/1/1 fix" "interface lag 1
    lacp fallback" "$(pr_json "$tmp/cx.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "lacp-no-fallback"][0]')"

# AOS-CX 6000 8G (10.16): 1/1/1 admin-edge, bpdu-guard, VLAN 51: ready, exit 0;
# asked for VLAN 51 it stays ready.
rc=0
"$PORTREADY" check --config "$data/oxidized__aoscx_6000-8G_PL.10.16.1010.txt" --expect-vlan 51 \
    1/1/1 >/dev/null || rc=$?
pr_expect_eq "6000-8G 1/1/1 exit" 0 "$rc"

# ArubaOS-Switch 2930M stack: no spanning-tree, VLAN 1 untagged 1/1-1/48, the
# answer ends in a NUL byte: 48 ports, all ready (speed-duplex auto is info).
rc=0
"$PORTREADY" check --config "$data/napalm-arubaos-switch__2930M_WC.16.10.0009.txt" \
    --format json >"$tmp/pc.json" || rc=$?
pr_expect_eq "2930M exit" 0 "$rc"
pr_expect_eq "2930M ports" 48 "$(pr_json "$tmp/pc.json" 'len(d["switches"][0]["ports"])')"
pr_expect_eq "2930M ready" 48 "$(pr_json "$tmp/pc.json" 'd["summary"]["ready"]')"

# --driver aruba on a Junos text: refused, naming what it reads; exit 3.
rc=0
printf 'interfaces {\n ge-0/0/0 {\n  unit 0;\n }\n}\n' >"$tmp/junos.conf"
"$PORTREADY" check --config "$tmp/junos.conf" --driver aruba >"$tmp/out" 2>&1 || rc=$?
pr_expect_eq "junos with --driver aruba exit" 3 "$rc"
if grep -q "not an AOS-CX or ArubaOS-Switch configuration" "$tmp/out"; then
    pr_pass "the refusal names both dialects"
else
    pr_fail "refusal: $(head -3 "$tmp/out")"
fi

if [ -d "$PR_FIXTURES" ]; then
    # The ProCurve 2910al: "spanning-tree" alone is MSTP; port 1 auto-edge.
    "$PORTREADY" check --config "$PR_FIXTURES/configs/napalm-procurve__show_running_config.txt" \
        --format json --fix 1 >"$tmp/hp.json" || true
    pr_expect_eq "2910al mode" mstp "$(pr_json "$tmp/hp.json" 'd["switches"][0]["stp"]["mode"]')"
    pr_expect_eq "2910al port 1 edge fix" "spanning-tree 1 admin-edge-port" "$(pr_json "$tmp/hp.json" \
        '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "stp-edge-auto"][0]')"
else
    echo "# ../shared/fixtures absent: the 2910al part skipped"
fi
pr_done
