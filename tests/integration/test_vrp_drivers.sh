#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The huawei and comware drivers through the command: configurations of
# both dialects chosen from the text, their fixes and --fix block in the
# dialect's syntax, exit codes from the verdicts, --driver naming the wrong
# dialect refused; the real S5720 and S-E528 recordings served live by
# snmpsim and read over SNMPv2c, with the expectations test_fixture_verdicts.sh
# derives for the same files read with --walk (live equals walk).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/fixture_lib.sh"

data="$PR_SOURCE_DIR/tests/data/vrp"
tmp="$PR_TMP"

# tests/data/vrp/huawei-s5720-written.cfg: GigabitEthernet0/0/2 "port default vlan 10"
# without stp edged-port: left to VRP's edge detection, a warning, exit 1; the fix in VRP syntax.
rc=0
"$PORTREADY" check --config "$data/huawei-s5720-written.cfg" --format json --fix \
    GigabitEthernet0/0/2 >"$tmp/hw.json" || rc=$?
pr_expect_eq "huawei exit" 1 "$rc"
pr_expect_eq "huawei driver" huawei "$(pr_json "$tmp/hw.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "huawei mode (stp mode rstp)" rstp \
    "$(pr_json "$tmp/hw.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "huawei 0/0/2 fix" "interface GigabitEthernet0/0/2
 stp edged-port enable" "$(pr_json "$tmp/hw.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "stp-edge-auto"][0]')"
pr_expect_eq "huawei block to paste" True "$(pr_json "$tmp/hw.json" 'd["switches"][0]["fix"]["paste"]')"

# GigabitEthernet0/0/1 "stp edged-port enable", VLAN 10: ready, exit 0, also asked for VLAN 10.
rc=0
"$PORTREADY" check --config "$data/huawei-s5720-written.cfg" --expect-vlan 10 \
    GigabitEthernet0/0/1 >/dev/null || rc=$?
pr_expect_eq "huawei 0/0/1 exit" 0 "$rc"

# tests/data/vrp/comware7-written.cfg: GigabitEthernet1/0/5 in Bridge-Aggregation2
# ("link-aggregation mode dynamic", no "lacp edge-port"): lacp-no-fallback; the fix on the
# aggregate in Comware syntax.
rc=0
"$PORTREADY" check --config "$data/comware7-written.cfg" --format json GigabitEthernet1/0/5 \
    >"$tmp/cw.json" || rc=$?
pr_expect_eq "comware exit" 2 "$rc"
pr_expect_eq "comware driver" comware "$(pr_json "$tmp/cw.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "comware 1/0/5 fix" "interface Bridge-Aggregation2
 lacp edge-port" "$(pr_json "$tmp/cw.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "lacp-no-fallback"][0]')"

# --driver huawei on a Comware text, --driver comware on a VRP one: refused, exit 3.
for pair in "huawei comware7-written.cfg Huawei VRP" "comware huawei-s5720-written.cfg Comware"; do
    set -- $pair
    rc=0
    "$PORTREADY" check --config "$data/$2" --driver "$1" >"$tmp/out" 2>&1 || rc=$?
    pr_expect_eq "--driver $1 on $2: exit 3" 3 "$rc"
    if grep -q "not a $3${4:+ $4} configuration" "$tmp/out"; then
        pr_pass "--driver $1 on $2: the refusal names the dialect"
    else
        pr_fail "--driver $1 on $2: $(head -3 "$tmp/out")"
    fi
done

if [ ! -d "$PR_FIXTURES" ]; then
    echo "# ../shared/fixtures absent: the real files skipped"
    pr_done
    exit $?
fi

# The Comware 7 fixture: " stp mode pvst", " stp global enable"; no port has stp edged-port:
# all 56 not ready, exit 2.
rc=0
"$PORTREADY" check --config "$PR_FIXTURES/configs/autoconfig-comware__newstartup.cfg" \
    --format json >"$tmp/ns.json" || rc=$?
pr_expect_eq "newstartup exit" 2 "$rc"
pr_expect_eq "newstartup ports, not ready" "56 56" \
    "$(pr_json "$tmp/ns.json" 'str(d["summary"]["ports"]) + " " + str(d["summary"]["not_ready"])')"

command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"
PORT=$(pr_free_udp_port)
DATA="$PR_TMP/data"
mkdir -p "$DATA"
cp "$PR_FIXTURES/snmprec/lextudio__huawei-s5720.snmprec" \
    "$PR_FIXTURES/snmprec/lextudio__h3c-e528-2.snmprec" "$DATA/"
pr_snmpsim_start "$DATA" "$PORT" lextudio__huawei-s5720
AGENT="127.0.0.1:$PORT"

# S5720 (derivation beside the same assertions in test_fixture_verdicts.sh):
# 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2011.2.23.276 -> huawei;
# 1.3.6.1.4.1.2011.5.25.42.4.1.2.0|2|3 hwMstpForceVersion mstp;
# 1.3.6.1.4.1.2011.5.25.42.4.1.20.1.9.0.1|2|3 hwMstpiStpPortEdgeport undo: edge detection,
# 1.3.6.1.2.1.17.2.13.0|2|200 hello 2 s: VRP waits 2 x 2 + 1 = 5 s.
fx_check hwlive "live:$AGENT:lextudio__huawei-s5720" auto GigabitEthernet0/0/1 --fix
fx_expect_switch hwlive "driver=huawei mode=mstp fd=15 maxage=20"
fx_expect_port hwlive GigabitEthernet0/0/1 "warning ids=stp-edge-auto bo=5 edge=auto stp=forwarding oper=up vlan=30 lacp=- speed=1000"
# Read from an agent, the fix is still VRP's.
pr_expect_eq "hwlive fix" "interface GigabitEthernet0/0/1
 stp edged-port enable" "$(pr_json "$PR_TMP/hwlive.json" \
    '[f["fix"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"] == "stp-edge-auto"][0]')"

# S-E528: 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.25506.1.578 -> comware;
# 1.3.6.1.4.1.25506.8.35.14.1.0|2|2 hh3cdot1sStpStatus disabled: STP off, blackout 0;
# 1.3.6.1.2.1.2.2.1.8.1|2|2: GigabitEthernet1/0/1 down.
fx_check h3live "live:$AGENT:lextudio__h3c-e528-2" auto GigabitEthernet1/0/1
fx_expect_switch h3live "driver=comware mode=off fd=15 maxage=20"
fx_expect_port h3live GigabitEthernet1/0/1 "not-ready ids=link-down,autoneg-on bo=0 edge=- stp=forwarding oper=down vlan=1 lacp=- speed=-"

# The same two through the walk: the same lines.
fx_check hwwalk "$PR_FIXTURES/snmprec/lextudio__huawei-s5720.snmprec" auto GigabitEthernet0/0/1
pr_expect_eq "S5720 live = walk" "$(fx_port hwwalk GigabitEthernet0/0/1)" \
    "$(fx_port hwlive GigabitEthernet0/0/1)"
fx_check h3walk "$PR_FIXTURES/snmprec/lextudio__h3c-e528-2.snmprec" auto GigabitEthernet1/0/1
pr_expect_eq "S-E528 live = walk" "$(fx_port h3walk GigabitEthernet1/0/1)" \
    "$(fx_port h3live GigabitEthernet1/0/1)"

pr_stop "$PR_SNMPSIM_PID"
pr_done
