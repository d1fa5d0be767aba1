#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The FASTPATH and AOS-CX vendor edge reads, on recordings written from the
# MIB files (no real agent's recording holds these objects:
# docs/fastpath.md, docs/aruba.md):
#  - tests/data/fastpath/edgeswitch-group11.snmprec and -group9.snmprec:
#    EdgeSwitch-SWITCHING-MIB agentStpCstPortTable where LibreNMS's copy of
#    the MIB (agentStpSwitchConfigGroup 11) and netdisco-mibs' copy (9) put
#    it, each beside the other copy's table at the other number;
#  - tests/data/fastpath/netgear.snmprec: NETGEAR-SWITCHING-MIB;
#  - the real AOS-CX recording of ../shared/fixtures with the
#    ARUBAWIRED-MSTP-MIB rows of tests/data/aruba/arubawired-mstp.rows
#    appended at run time (the real file is neither copied nor edited).
# Every recording's ports are up (ifOperStatus 1), forwarding
# (dot1dStpPortState 5) and bridge port N = ifIndex N.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
D="$PR_SOURCE_DIR/tests/data"

# judge NAME FILE [ARGS...]: check --walk FILE --format json into $PR_TMP/NAME.json.
judge() {
    local name=$1 file=$2
    shift 2
    "$PORTREADY" check --walk "$file" --format json "$@" >"$PR_TMP/$name.json" \
        2>"$PR_TMP/$name.err" || true
}

# port NAME PORT EXPR: EXPR evaluated with p bound to the port's JSON object.
port() {
    python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
ports=[p for p in d["switches"][0]["ports"] if p["name"]==sys.argv[2]]
p=ports[0] if ports else None
print(eval(sys.argv[3]))' "$PR_TMP/$1.json" "$2" "$3"
}

# verdict NAME PORT: "VERDICT EDGE BLACKOUT FINDINGS" for one port.
verdict() {
    port "$1" "$2" '" ".join([p["verdict"], str(p["facts"]["edge"]), str(p["expected_blackout_s"])] + [f["id"] for f in p["findings"]])'
}

# edge_evidence NAME PORT: the edge fact's evidence, from --verbose text.
edge_evidence() {
    python3 -c '
import re,sys
inside=False
for line in open(sys.argv[1]):
    head=re.match(r"  [A-Z][A-Z ]* (\S+) ", line)
    if head:
        inside=head.group(1)==sys.argv[2]
    m=re.match(r"\s+edge\s+\S+\s+(.*)", line)
    if inside and m:
        print(m.group(1)); break' "$PR_TMP/$1.txt" "$2"
}

# The six EdgeSwitch ports, the same rows in both placements. Columns
# agentStpCstPortOperEdge (.1), agentStpCstPortEdge (.4),
# agentStpCstPortAutoEdge (.16), each enable(1)/disable(2), by ifIndex;
# agentStpForceVersion.0 = dot1w(2) (RSTP), forward delay 1500 cs = 15 s.
check_edgeswitch() {
    local name=$1 group=$2 where=$3
    judge "$name" "$D/fastpath/$name.snmprec"
    "$PORTREADY" check --walk "$D/fastpath/$name.snmprec" --verbose >"$PR_TMP/$name.txt" 2>&1 || true
    pr_expect_eq "$name: driver chosen by sysObjectID 1.3.6.1.4.1.4413" "fastpath" \
        "$(pr_json "$PR_TMP/$name.json" 'd["switches"][0]["driver"]')"
    pr_expect_eq "$name: agentStpForceVersion.0 = dot1w(2): rstp" "rstp" \
        "$(pr_json "$PR_TMP/$name.json" 'd["switches"][0]["stp"]["mode"]')"
    # 0/1: RSTP-MIB dot1dStpPortAdminEdgePort.1 = true(1); the vendor's
    # agentStpCstPortEdge.1 = disable(2) does not override it: edge, ready.
    pr_expect_eq "$name 0/1: RSTP-MIB edge kept" "ready yes 0" "$(verdict "$name" 0/1)"
    pr_expect_eq "$name 0/1: evidence is RSTP-MIB's" \
        "RSTP-MIB dot1dStpPortAdminEdgePort.1 = true(1)" "$(edge_evidence "$name" 0/1)"
    # 0/2: .4.2 = enable(1): admin edge, ready.
    pr_expect_eq "$name 0/2: admin edge" "ready yes 0" "$(verdict "$name" 0/2)"
    pr_expect_eq "$name 0/2: evidence names the object and the table's number" \
        "EdgeSwitch-SWITCHING-MIB agentStpCstPortEdge.2 = enable(1) [agentStpSwitchConfigGroup $group: $where MIB copy]" \
        "$(edge_evidence "$name" 0/2)"
    # 0/3: .4.3 = disable(2), .16.3 = enable(1), .1.3 = disable(2): left
    # to auto-detection, about 3 s.
    pr_expect_eq "$name 0/3: auto-edge" "warning auto 3 stp-edge-auto" "$(verdict "$name" 0/3)"
    # 0/4: .4.4, .16.4, .1.4 all disable(2): not edge under RSTP, 2 x 15 s.
    pr_expect_eq "$name 0/4: not edge" "not-ready no 30 stp-not-edge" "$(verdict "$name" 0/4)"
    # 0/5: .4.5 = 7, not a value the MIB defines: the edge stays unknown
    # (impossible), whatever oper (1) and auto (1) say.
    pr_expect_eq "$name 0/5: out-of-range admin edge" "unknown None None" "$(verdict "$name" 0/5)"
    pr_expect_eq "$name 0/5: evidence says so" \
        "EdgeSwitch-SWITCHING-MIB agentStpCstPortEdge.5 = 7: not enable(1) or disable(2), ignored [agentStpSwitchConfigGroup $group: $where MIB copy]" \
        "$(edge_evidence "$name" 0/5)"
    # 0/6: .4.6 = disable(2), .1.6 = enable(1) while up: made edge by
    # auto-detection.
    pr_expect_eq "$name 0/6: operational edge" "warning auto 3 stp-edge-auto" \
        "$(verdict "$name" 0/6)"
    pr_expect_match "$name 0/6: evidence" "agentStpCstPortOperEdge\.6 = enable\(1\) \(made edge" \
        "$(edge_evidence "$name" 0/6)"
}

########################################################################
# agentStpCstPortTable at agentStpSwitchConfigGroup 11 (LibreNMS's copy).
# The file also holds that copy's agentStpPortTable at 9:
# agentStpPortState (.9.1.1.N = enable(1)) and the Counter32
# agentStpPortStatsRstpBpduRx (.9.1.4.N|65|2), which netdisco-mibs' copy
# would read as oper edge and admin edge disable(2): not read.
check_edgeswitch edgeswitch-group11 11 "LibreNMS's"

# netdisco-mibs' placement (9); the file also holds that copy's
# agentStpMstPortTable at 11 (.11.1.4.1.N|66|128, agentStpMstPortPriority,
# INDEX { agentStpMstId, ifIndex }): two arcs, never a CIST row.
check_edgeswitch edgeswitch-group9 9 "netdisco-mibs'"

# Without the rows at 11, group11's file has only agentStpPortTable at 9:
# its column 4 is a Counter32, so no placement answers and ports 0/2-0/6
# keep the unknown edge the standard MIBs leave; 0/1 keeps RSTP-MIB's.
grep -v '^1\.3\.6\.1\.4\.1\.4413\.1\.1\.1\.2\.15\.11\.' "$D/fastpath/edgeswitch-group11.snmprec" \
    >"$PR_TMP/stpport-only.snmprec"
judge stpport-only "$PR_TMP/stpport-only.snmprec"
for p in 0/2 0/3 0/4 0/5 0/6; do
    pr_expect_eq "agentStpPortTable alone: $p unknown" "unknown None None" \
        "$(verdict stpport-only "$p")"
done
pr_expect_eq "agentStpPortTable alone: 0/1 from RSTP-MIB" "ready yes 0" "$(verdict stpport-only 0/1)"

# Judged by generic-snmp, nothing vendor is read: 0/2 unknown, mode unknown
# (no dot1dStpProtocolSpecification, no dot1dStpVersion in the file).
judge es-generic "$D/fastpath/edgeswitch-group11.snmprec" --driver generic-snmp
pr_expect_eq "generic-snmp reads no agentStpCstPortEdge" "unknown None None" \
    "$(verdict es-generic 0/2)"
pr_expect_eq "generic-snmp: mode unknown" "None" \
    "$(pr_json "$PR_TMP/es-generic.json" 'd["switches"][0]["stp"]["mode"]')"

########################################################################
# Netgear (sysObjectID 1.3.6.1.4.1.4526.100.1.1), NETGEAR-SWITCHING-MIB at
# 1.3.6.1.4.1.4526.10.1.2.15: agentStpForceVersion.0 = dot1s(3) (MSTP).
N="$D/fastpath/netgear.snmprec"
judge ng "$N"
pr_expect_eq "netgear: fastpath driver" "fastpath" "$(pr_json "$PR_TMP/ng.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "netgear: dot1s(3) is mstp" "mstp" \
    "$(pr_json "$PR_TMP/ng.json" 'd["switches"][0]["stp"]["mode"]')"
# 0/1: .9.1.4.1 = enable(1): edge.
pr_expect_eq "netgear 0/1" "ready yes 0" "$(verdict ng 0/1)"
# 0/2: .9.1.4.2, .9.1.16.2, .9.1.1.2 disable(2): not edge, 30 s.
pr_expect_eq "netgear 0/2" "not-ready no 30 stp-not-edge" "$(verdict ng 0/2)"
# 0/3: .9.1.4.3 disable(2), .9.1.16.3 enable(1): auto-edge.
pr_expect_eq "netgear 0/3" "warning auto 3 stp-edge-auto" "$(verdict ng 0/3)"
pr_expect_eq "netgear: no table number in the evidence (the copies agree)" "0" \
    "$(grep -c 'agentStpSwitchConfigGroup' "$PR_TMP/ng.json" || true)"
# agentStpAdminMode.0 = disable(2) (6.0 changed from 1): spanning tree off
# on the whole switch, so 0/2 forwards at once.
sed 's/^\(1\.3\.6\.1\.4\.1\.4526\.10\.1\.2\.15\.6\.0\)|2|1$/\1|2|2/' "$N" >"$PR_TMP/ng-off.snmprec"
judge ng-off "$PR_TMP/ng-off.snmprec"
pr_expect_eq "netgear, agentStpAdminMode disable(2): off" "off" \
    "$(pr_json "$PR_TMP/ng-off.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "netgear, STP off: 0/2 ready" "ready" "$(port ng-off 0/2 'p["verdict"]')"

########################################################################
# The same over a live agent (snmpsim serving edgeswitch-group9): the
# driver asks for the vendor columns, so the verdicts are the walk's.
if command -v snmpsimd >/dev/null; then
    mkdir -p "$PR_TMP/data"
    cp "$D/fastpath/edgeswitch-group9.snmprec" "$PR_TMP/data/es9.snmprec"
    SNMP_PORT=$(pr_free_udp_port)
    pr_snmpsim_start "$PR_TMP/data" "$SNMP_PORT" es9
    "$PORTREADY" check -c es9 -t 5 "127.0.0.1:$SNMP_PORT" --format json >"$PR_TMP/live.json" \
        2>"$PR_TMP/live.err" || true
    for p in 0/1 0/2 0/3 0/4 0/5 0/6; do
        pr_expect_eq "live EdgeSwitch $p as the walk" "$(verdict edgeswitch-group9 "$p")" \
            "$(verdict live "$p")"
    done
    pr_stop "$PR_SNMPSIM_PID"
else
    echo "# snmpsimd not installed: live part skipped"
fi

########################################################################
# AOS-CX: the real recording librenms__arubaos-cx_10.07 (sysObjectID
# 1.3.6.1.4.1.47196.4.1.1.1.303; no RSTP-MIB row, no 47196.4.1.1.3.13 row:
# every port's edge unknown) plus arubawired-mstp.rows: RSTP-MIB
# dot1dStpPortAdminEdgePort.1 = true(1) and ARUBAWIRED-MSTP-MIB
# arubaWiredMstpPortAdminEdge (.2), AutoEdge (.4), BpduFiltering (.5) at
# 1.3.6.1.4.1.47196.4.1.1.3.13.1.2.1, TruthValue, by ifIndex (1/1/N =
# ifIndex N). Its dot1dStpProtocolSpecification ieee8021d(3) cannot tell
# STP from RSTP: mode unknown, so a non-edge port is judged at 2 x 15 s.
if [ -d "$PR_FIXTURES" ]; then
    CX="$PR_TMP/cx.snmprec"
    cat "$PR_FIXTURES/snmprec/librenms__arubaos-cx_10.07.snmprec" "$D/aruba/arubawired-mstp.rows" >"$CX"
    judge cx "$CX" 1/1/1 1/1/2 1/1/3 1/1/4 1/1/5 1/1/6
    "$PORTREADY" check --walk "$CX" --verbose 1/1/1 1/1/2 1/1/3 1/1/4 1/1/5 1/1/6 \
        >"$PR_TMP/cx.txt" 2>&1 || true
    pr_expect_eq "cx: aruba driver" "aruba" "$(pr_json "$PR_TMP/cx.json" 'd["switches"][0]["driver"]')"
    # 1/1/1: RSTP-MIB true(1) kept over AdminEdge.1 = false(2).
    pr_expect_eq "cx 1/1/1: RSTP-MIB edge kept" "ready yes 0" "$(verdict cx 1/1/1)"
    pr_expect_eq "cx 1/1/1: evidence" "RSTP-MIB dot1dStpPortAdminEdgePort.1 = true(1)" \
        "$(edge_evidence cx 1/1/1)"
    # 1/1/2: AdminEdge.2 = true(1): edge.
    pr_expect_eq "cx 1/1/2: admin edge" "ready yes 0" "$(verdict cx 1/1/2)"
    pr_expect_eq "cx 1/1/2: evidence" "ARUBAWIRED-MSTP-MIB arubaWiredMstpPortAdminEdge.2 = true(1)" \
        "$(edge_evidence cx 1/1/2)"
    # 1/1/3: AdminEdge false(2), AutoEdge.3 = true(1): auto-edge.
    pr_expect_eq "cx 1/1/3: auto-edge" "warning auto 3 stp-edge-auto" "$(verdict cx 1/1/3)"
    # 1/1/4: AdminEdge false, AutoEdge false: not edge, 30 s.
    pr_expect_eq "cx 1/1/4: not edge" "not-ready no 30 stp-not-edge" "$(verdict cx 1/1/4)"
    # 1/1/5: AdminEdge.5 = 3, no TruthValue: unknown.
    pr_expect_eq "cx 1/1/5: out-of-range admin edge" "unknown None None" "$(verdict cx 1/1/5)"
    pr_expect_eq "cx 1/1/5: evidence" \
        "ARUBAWIRED-MSTP-MIB arubaWiredMstpPortAdminEdge.5 = 3: not true(1) or false(2), ignored" \
        "$(edge_evidence cx 1/1/5)"
    # 1/1/6: not edge, but BpduFiltering.6 = true(1): outside spanning
    # tree, forwarding at once.
    pr_expect_eq "cx 1/1/6: BPDU filtering" "ready no 0" "$(verdict cx 1/1/6)"
    # The recording alone: 1/1/2 unknown, as before.
    judge cx-real "$PR_FIXTURES/snmprec/librenms__arubaos-cx_10.07.snmprec" 1/1/2
    pr_expect_eq "cx recording alone: 1/1/2 unknown" "unknown None None" "$(verdict cx-real 1/1/2)"
else
    echo "# no shared fixtures: AOS-CX part skipped"
fi

########################################################################
# Netgear: which copy of the SWITCHING MIB an agent runs is told by what it
# answers, not by its sysObjectID. Real LibreNMS recordings
# (tests/data/fastpath/README.md; none holds an IF-MIB or STP row, so none
# is judged alone):
#  - librenms__netgear: "GS724Tv4 ProSafe 24-port Gigabit Ethernet Smart
#    Switch", sysObjectID 1.3.6.1.4.1.4526.100.4.32 (NETGEAR-REF-MIB
#    smartswitch 32, gs724tv4), yet its rows 1.3.6.1.4.1.4526.10.1.1.4.1.0
#    and .2.0 are NETGEAR-SWITCHING-MIB's agentSwitchCpuProcessGroup
#    (fastPathSwitching = 4526.10.1): a smart switch on the managed tree;
#  - librenms__netgear_3: "M4100-D12G ... Managed Switch", 4526.100.11.22
#    (l2Rswitch 22, m4100-d12g);
#  - librenms__netgear_2: "24-Port Gigabit Smart Switch with PoE",
#    sysObjectID .1.3.6.1.4.1.89.1.1.1.3.6.1.4.1.4526.100.4.25: under
#    enterprise 89 (RADLAN), not 4526.
for f in netgear:fastpath netgear_3:fastpath netgear_2:generic-snmp; do
    judge "real-${f%%:*}" "$D/fastpath/librenms__${f%%:*}.snmprec"
    pr_expect_eq "librenms__${f%%:*}: driver by sysObjectID" "${f#*:}" \
        "$(pr_json "$PR_TMP/real-${f%%:*}.json" 'd["switches"][0]["driver"]')"
    pr_expect_eq "librenms__${f%%:*}: no ifTable, refused with a reason" "True" \
        "$(pr_json "$PR_TMP/real-${f%%:*}.json" '"no IF-MIB interfaces" in d["switches"][0]["error"]')"
done
# The GS724Tv4 recording with the standard rows of netgear.snmprec
# appended (its IF-MIB, BRIDGE-MIB; three ports up and forwarding, none
# with an RSTP-MIB edge row; 0/3's ifAdminStatus.3 set to down(2)), and
# no row of agentStpSwitchConfigGroup under 4526.10.1 or 4526.11.1: the
# agent answers no FASTPATH object, so it is read as generic-snmp reads
# it: every edge unknown, and 0/3's fix is advice, not an EFOS
# `interface 0/3` / `no shutdown`.
grep -v '^1\.3\.6\.1\.2\.1\.1\.\|^1\.3\.6\.1\.4\.1\.4526\.' "$N" |
    sed 's/^\(1\.3\.6\.1\.2\.1\.2\.2\.1\.7\.3\)|2|1$/\1|2|2/' >"$PR_TMP/standard.rows"
cat "$D/fastpath/librenms__netgear.snmprec" "$PR_TMP/standard.rows" >"$PR_TMP/gs-std.snmprec"
judge gs-std "$PR_TMP/gs-std.snmprec" --fix
pr_expect_eq "GS724Tv4, no FASTPATH STP object: read as generic-snmp" "generic-snmp" \
    "$(pr_json "$PR_TMP/gs-std.json" 'd["switches"][0]["driver"]')"
for p in 0/1 0/2; do
    pr_expect_eq "GS724Tv4, standard MIBs only: $p unknown" "unknown None None" \
        "$(verdict gs-std "$p")"
done
pr_expect_eq "GS724Tv4 0/3 down: admin-down" "admin-down" \
    "$(port gs-std 0/3 '" ".join(f["id"] for f in p["findings"])')"
pr_expect_eq "GS724Tv4 0/3: the fix is the generic advice" "True" \
    "$(port gs-std 0/3 'p["findings"][0]["fix"].startswith("enable port 0/3 (set ifAdminStatus up")')"
# The same agent answering NETGEAR-SMART-SWITCHING-MIB: netgear.snmprec's
# vendor rows moved to that MIB's places (agentSwitching = 4526.11.1;
# agentStpForceVersion .2.15.5.0 = dot1s(3), agentStpAdminMode .6.0 =
# enable(1); agentStpCstPortTable at 11: .11.1.4.1 enable(1); .4.2,
# .16.2, .1.2 disable(2); .4.3 disable(2), .16.3 enable(1)).
grep '^1\.3\.6\.1\.4\.1\.4526\.10\.1\.2\.15\.' "$N" |
    sed 's/^1\.3\.6\.1\.4\.1\.4526\.10\.1\.2\.15\.9\./1.3.6.1.4.1.4526.11.1.2.15.11./;
         s/^1\.3\.6\.1\.4\.1\.4526\.10\.1\.2\.15\./1.3.6.1.4.1.4526.11.1.2.15./' >"$PR_TMP/smart.rows"
cat "$PR_TMP/gs-std.snmprec" "$PR_TMP/smart.rows" >"$PR_TMP/gs-smart.snmprec"
judge gs-smart "$PR_TMP/gs-smart.snmprec"
"$PORTREADY" check --walk "$PR_TMP/gs-smart.snmprec" --verbose >"$PR_TMP/gs-smart.txt" 2>&1 || true
pr_expect_eq "GS724Tv4 on the smart MIB: fastpath" "fastpath" \
    "$(pr_json "$PR_TMP/gs-smart.json" 'd["switches"][0]["driver"]')"
pr_expect_eq "GS724Tv4 on the smart MIB: dot1s(3) is mstp" "mstp" \
    "$(pr_json "$PR_TMP/gs-smart.json" 'd["switches"][0]["stp"]["mode"]')"
pr_expect_eq "GS724Tv4 smart 0/1: .11.1.4.1 enable(1)" "ready yes 0" "$(verdict gs-smart 0/1)"
pr_expect_eq "GS724Tv4 smart 0/2: all disable(2)" "not-ready no 30 stp-not-edge" \
    "$(verdict gs-smart 0/2)"
pr_expect_eq "GS724Tv4 smart 0/1: evidence names the smart MIB" \
    "NETGEAR-SMART-SWITCHING-MIB agentStpCstPortEdge.1 = enable(1)" "$(edge_evidence gs-smart 0/1)"
# And on the managed tree, as its agentSwitchCpuProcessGroup rows say it
# runs: netgear.snmprec's vendor rows as they are (4526.10.1.2.15).
grep '^1\.3\.6\.1\.4\.1\.4526\.10\.1\.2\.15\.' "$N" >"$PR_TMP/managed.rows"
cat "$PR_TMP/gs-std.snmprec" "$PR_TMP/managed.rows" >"$PR_TMP/gs-managed.snmprec"
"$PORTREADY" check --walk "$PR_TMP/gs-managed.snmprec" --verbose >"$PR_TMP/gs-managed.txt" 2>&1 ||
    true
pr_expect_eq "GS724Tv4 managed 0/1: evidence names NETGEAR-SWITCHING-MIB" \
    "NETGEAR-SWITCHING-MIB agentStpCstPortEdge.1 = enable(1)" "$(edge_evidence gs-managed 0/1)"
# An agent that answers FASTPATH's objects gets its CLI's fix for 0/3.
judge gs-managed "$PR_TMP/gs-managed.snmprec" --fix
pr_expect_eq "GS724Tv4 managed 0/3: the EFOS fix" "interface 0/3|no shutdown|exit" \
    "$(port gs-managed 0/3 '"|".join(p["findings"][0]["fix"].splitlines())')"

pr_done
