#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Vendor edge objects in the shared recordings. Every recording of
# ../shared/fixtures/snmprec is judged with --driver auto on every port and
# uplink; tests/tools/pr_vendor_edge.py then looks for
#  - a port left with its edge unknown although a vendor edge column its
#    driver reads (HP-ICF-BRIDGE, HUAWEI-MSTP-MIB, HH3C-LswMSTP-MIB,
#    FOUNDRY-SN-SWITCH-GROUP-MIB, CISCO-STP-EXTENSIONS-MIB, FASTPATH's
#    agentStpCstPortTable under Ubiquiti/Broadcom 4413 and Netgear 4526.10
#    and 4526.11,
#    ARUBAWIRED-MSTP-MIB's arubaWiredMstpPortTable) has the port's row with
#    a value that decides it, and
#  - a row of a vendor STP table no driver reads (the domain protocol and
#    port mode of EXTREME-STP-EXTENSIONS-MIB, which has no edge object:
#    docs/extreme.md): one arriving must be looked at, not left silent.
# The checker itself is proven on recordings of this project's own
# (tests/data/aruba/hpicf-bridge.snmprec, tests/data/fastpath/*.snmprec,
# written by hand from the MIB files) judged by a driver that does not read
# their vendor rows, or with one line added, each of which it must report.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
S="$PR_FIXTURES/snmprec"
CHECK="$PR_SOURCE_DIR/tests/tools/pr_vendor_edge.py"

# check NAME FILE [DRIVER]: judges FILE on every port and uplink with DRIVER
# (auto by default), the checker's lines into $PR_TMP/NAME.out.
check() {
    local name=$1 file=$2 driver=${3:-auto}
    "$PORTREADY" check --walk "$file" --driver "$driver" --format json >"$PR_TMP/$name.json" \
        2>"$PR_TMP/$name.err" || true
    mapfile -t ports < <(python3 "$CHECK" "$PR_TMP/$name.json")
    if [ "${#ports[@]}" -gt 0 ]; then
        "$PORTREADY" check --walk "$file" --driver "$driver" --format json "${ports[@]}" \
            >"$PR_TMP/$name.json" 2>"$PR_TMP/$name.err" || true
    fi
    python3 "$CHECK" "$file" "$PR_TMP/$name.json" "$name" >"$PR_TMP/$name.out"
}

# problems NAME: the checker's lines but the closing count.
problems() {
    grep -v '^rows ' "$PR_TMP/$1.out" || true
}

# rows NAME: how many vendor edge rows the checker saw.
rows() {
    sed -n 's/^rows [^ ]* //p' "$PR_TMP/$1.out"
}

########################################################################
# The shared recordings: no problem in any.
n=0
for f in "$S"/*; do
    name=$(basename "$f")
    check "$name" "$f"
    pr_expect_eq "$name: no port unknown that a vendor edge object decides, no unread table" \
        "" "$(problems "$name")"
    n=$((n + 1))
done
pr_expect_eq "recordings checked" "17" "$n"
# The vendor edge rows the recordings hold, counted by hand:
# lextudio__cisco-c3560: 1.3.6.1.4.1.9.9.82.1.9.3.1.3.N|2|4 on 52 bridge ports
# (stpxFastStartPortMode default(4): the checker counts the rows, judges
# none, as default follows the global default).
pr_expect_eq "cisco-c3560 stpxFastStartPortMode rows" "52" "$(rows lextudio__cisco-c3560.snmprec)"
# lextudio__huawei-s5720: 1.3.6.1.4.1.2011.5.25.42.4.1.20.1.9.0.BP on 32 bridge ports.
pr_expect_eq "huawei-s5720 hwMstpiStpPortEdgeport rows" "32" \
    "$(rows lextudio__huawei-s5720.snmprec)"
# lextudio__h3c-e528-2: 1.3.6.1.4.1.25506.8.35.14.20.1.11.0.24|2|2, the one row
# (bridge port 24 = ifIndex 24, GigabitEthernet1/0/24, an uplink: edge no).
pr_expect_eq "h3c-e528-2 hh3cdot1sMstiStpPortEdgeport rows" "1" \
    "$(rows lextudio__h3c-e528-2.snmprec)"
# No other recording holds a row of these columns: in particular
# librenms__arubaos-cx_10.07 has nothing under 1.3.6.1.4.1.47196 and
# librenms__procurve_e2910 nothing under hpicfBridge (…11.2.14.11.5.1.12).
pr_expect_eq "arubaos-cx_10.07 rows" "0" "$(rows librenms__arubaos-cx_10.07.snmprec)"
pr_expect_eq "procurve_e2910 rows" "0" "$(rows librenms__procurve_e2910.snmprec)"

########################################################################
# The checker can fail. tests/data/aruba/hpicf-bridge.snmprec: 12 rows of
# hpicfBridgeRstpAdminEdgePort / OperEdgePort / AutoEdgePort, every port
# decided -> no problem.
H="$PR_SOURCE_DIR/tests/data/aruba/hpicf-bridge.snmprec"
check hp "$H"
pr_expect_eq "hpicf-bridge: no problem" "" "$(problems hp)"
pr_expect_eq "hpicf-bridge: 12 vendor edge rows" "12" "$(rows hp)"

# tests/data/fastpath/edgeswitch-group11.snmprec (agentStpCstPortTable at
# agentStpSwitchConfigGroup 11; ports 0/N = ifIndex N, 0/1 edge by RSTP-MIB)
# judged by the fastpath driver: every port decided but 0/5, whose
# agentStpCstPortEdge.5 = 7 leaves it unknown by design -> no problem.
E="$PR_SOURCE_DIR/tests/data/fastpath/edgeswitch-group11.snmprec"
check es "$E"
pr_expect_eq "edgeswitch: no problem" "" "$(problems es)"
# Judged by generic-snmp: 0/2-0/6 unknown. Deciding rows (by hand from the
# file), 0/5 excused: agentStpCstPortOperEdge .1.2=1 .1.3=2 .1.4=2 .1.6=1,
# agentStpCstPortEdge .4.2=1 .4.3=2 .4.4=2 .4.6=2, agentStpCstPortAutoEdge
# enable(1) .16.2 .16.3 -> 10 lines. The rows at 9 are the other copy's
# agentStpPortTable (its column 4 a Counter32): not the CIST table, none.
check es-generic "$E" generic-snmp
pr_expect_eq "generic-snmp on edgeswitch: 10 ports-and-columns reported" "10" \
    "$(problems es-generic | grep -c '^unknown es-generic ')"
pr_expect_eq "generic-snmp on edgeswitch: admin edge of 0/2 reported" \
    "unknown es-generic EdgeSwitch-SWITCHING-MIB::agentStpCstPortEdge.2=1 0/2" \
    "$(problems es-generic | grep 'agentStpCstPortEdge.2=')"
pr_expect_eq "generic-snmp on edgeswitch: nothing of the table at 9" "0" \
    "$(problems es-generic | grep -c '15\.9\.' || true)"
# Without the rows at 11 the driver reads no placement (column 4 at 9 is a
# Counter32) and 0/2-0/6 stay unknown: the checker follows that choice, so
# agentStpPortState.N = enable(1) at .9.1.1.N is no oper edge -> no problem.
grep -v '^1\.3\.6\.1\.4\.1\.4413\.1\.1\.1\.2\.15\.11\.' "$E" >"$PR_TMP/stpport.snmprec"
check stpport "$PR_TMP/stpport.snmprec"
pr_expect_eq "agentStpPortTable at 9 alone: no problem" "" "$(problems stpport)"
# netdisco-mibs' placement (9), judged by generic-snmp: the same 10 lines.
check es9-generic "$PR_SOURCE_DIR/tests/data/fastpath/edgeswitch-group9.snmprec" generic-snmp
pr_expect_eq "generic-snmp on edgeswitch-group9: 10 reported" "10" \
    "$(problems es9-generic | grep -c '^unknown es9-generic ')"

# The real AOS-CX recording with tests/data/aruba/arubawired-mstp.rows
# appended: by the aruba driver no problem (1/1/5's AdminEdge.5 = 3 leaves
# it unknown by design); by generic-snmp 1/1/2-1/1/6 unknown (1/1/1 edge by
# RSTP-MIB): arubaWiredMstpPortAdminEdge .2.2=1 .2.3=2 .2.4=2 .2.6=2 and
# arubaWiredMstpPortAutoEdge true(1) .4.2 .4.3 -> 6 lines.
cat "$S/librenms__arubaos-cx_10.07.snmprec" "$PR_SOURCE_DIR/tests/data/aruba/arubawired-mstp.rows" \
    >"$PR_TMP/cx.snmprec"
check cx "$PR_TMP/cx.snmprec"
pr_expect_eq "aos-cx with ARUBAWIRED-MSTP-MIB rows: no problem" "" "$(problems cx)"
check cx-generic "$PR_TMP/cx.snmprec" generic-snmp
pr_expect_eq "generic-snmp on aos-cx rows: 6 reported" "6" \
    "$(problems cx-generic | grep -c '^unknown cx-generic ')"
pr_expect_eq "generic-snmp on aos-cx rows: admin edge of 1/1/2 reported" \
    "unknown cx-generic ARUBAWIRED-MSTP-MIB::arubaWiredMstpPortAdminEdge.2=1 1/1/2" \
    "$(problems cx-generic | grep 'AdminEdge.2=')"

# And with an EXTREME-STP-EXTENSIONS-MIB extremeStpPortPortMode row (STP
# domain 1, ifIndex 1001 = dot1w(4)), indexed by two arcs.
{ cat "$H"; echo "1.3.6.1.4.1.1916.1.17.2.1.3.1.1001|2|4"; } >"$PR_TMP/exos.snmprec"
check exos "$PR_TMP/exos.snmprec"
pr_expect_eq "an extremeStpPortPortMode row is reported" \
    "unread exos EXTREME-STP-EXTENSIONS-MIB::extremeStpPortPortMode 1" "$(problems exos)"

# Judged by generic-snmp, which reads no HP-ICF-BRIDGE: no RSTP-MIB edge
# column in the file, so all 4 ports stay unknown while
# hpicfBridgeRstpAdminEdgePort, ...OperEdgePort and ...AutoEdgePort have a
# row for each (values 1 or 2, bridge port N = ifIndex N) -> 3 x 4 lines, e.g.
# 1.3.6.1.4.1.11.2.14.11.5.1.12.1.4.5.1.2.1|2|1 for port 1.
check hp-generic "$H" generic-snmp
pr_expect_eq "generic-snmp on hpicf-bridge: 12 ports-and-columns reported" "12" \
    "$(problems hp-generic | grep -c '^unknown hp-generic ')"
pr_expect_eq "generic-snmp on hpicf-bridge: admin edge of port 1 reported" \
    "unknown hp-generic HP-ICF-BRIDGE::hpicfBridgeRstpAdminEdgePort.1=1 1" \
    "$(problems hp-generic | grep 'AdminEdgePort.1=')"

pr_done
