#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Open vSwitch read over SNMP, live: an OVS userspace bridge (netdev
# datapath) in the namespace provssnmp-<pid>-sw with an admin-edge, an
# auto-edge and a non-edge RSTP port and an LACP bond, each port a veth
# whose far end is in provssnmp-<pid>-cl; net-snmp's snmpd in the switch's
# namespace answers from lab/netns/ovs-mib-pass. snmpwalk of its objects
# must say what `ovs-appctl rstp/show` and `lacp/show` say, and `portready
# check` over SNMP must judge each port as derived by hand from the OVS
# settings (beside each assertion). Root only; stops exactly what it
# started (its PIDs, its two namespaces).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/ovs-lib.sh"
[ "$(id -u)" -eq 0 ] || pr_skip "needs root to build network namespaces (CI runs as root)"
for prog in ovs-vswitchd ovsdb-server ovsdb-tool snmpd snmpwalk snmpset python3; do
    command -v "$prog" >/dev/null || [ -x "/usr/sbin/$prog" ] || pr_skip "$prog is not installed (scripts/deps)"
done
SW=provssnmp-$$-sw
CL=provssnmp-$$-cl
ip netns add "$SW" 2>/dev/null || pr_skip "cannot create network namespaces here"
ip netns add "$CL"
RUN=$PR_TMP/ovs

cleanup() {
    local rc=$? ns pid
    ovs_stop "$RUN"
    pr_cleanup
    for ns in "$SW" "$CL"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
        ip netns del "$ns" 2>/dev/null || true
    done
    exit $rc
}
trap cleanup EXIT

in_sw() { ip netns exec "$SW" "$@"; }
vsctl() { ovs_vsctl "$SW" "$RUN" "$@"; }
appctl() { ovs_appctl "$SW" "$RUN" "$@"; }

ip -n "$SW" link set lo up
ovs_start "$SW" "$RUN" "$PR_TMP/logs" 2>"$PR_TMP/ovs-start.err"
vsctl add-br br0 -- set bridge br0 datapath_type=netdev
for p in edge auto non b0 b1; do
    ip -n "$SW" link add "ovs-$p" type veth peer name "cl-$p" netns "$CL"
    ip -n "$CL" link set "cl-$p" up
done
vsctl add-port br0 ovs-edge -- set port ovs-edge other_config:rstp-port-admin-edge=true \
    other_config:rstp-port-auto-edge=false
vsctl add-port br0 ovs-auto -- set port ovs-auto other_config:rstp-port-auto-edge=true
vsctl add-port br0 ovs-non -- set port ovs-non other_config:rstp-port-admin-edge=false \
    other_config:rstp-port-auto-edge=false
vsctl add-bond br0 bond0 ovs-b0 ovs-b1 bond_mode=balance-tcp lacp=active \
    other_config:lacp-fallback-ab=true
# RSTP's shortest timers: forward delay 4 s, max age 6 s (at most
# 2 x (forward delay - 1)).
vsctl set bridge br0 rstp_enable=true other_config:rstp-forward-delay=4 \
    other_config:rstp-max-age=6
for p in edge auto non b0 b1; do in_sw ip link set "ovs-$p" up; done
in_sw ip link set br0 up

pass="$PR_SOURCE_DIR/lab/netns/ovs-mib-pass $RUN/db.sock $RUN/vswitchd.ctl br0"
mkdir -p "$PR_TMP/snmpd/persist"
cat >"$PR_TMP/snmpd/snmpd.conf" <<CONF
agentAddress udp:127.0.0.1:161
rocommunity ovs-ro 127.0.0.1
rwcommunity ovs-rw 127.0.0.1
pass_persist .1.3.6.1.2.1.17 $pass
pass_persist .1.3.111.2.802.1.1.3 $pass
pass_persist .1.2.840.10006.300.43 $pass
CONF
# ip netns exec execs snmpd: $! is snmpd itself.
SNMP_PERSISTENT_DIR="$PR_TMP/snmpd/persist" ip netns exec "$SW" snmpd -f -Lo -C \
    -c "$PR_TMP/snmpd/snmpd.conf" -M /dev/null -m "" >"$PR_TMP/snmpd.log" 2>&1 &
PR_PIDS+=("$!")
get() { in_sw snmpget -v2c -c ovs-ro -On -Oqv -t 2 127.0.0.1 "$1" 2>/dev/null; }

# Every RSTP port forwarding: the edge port at once, the auto-edge one
# after 3 s without BPDUs, the non-edge one after 2 x 4 s.
for _ in $(seq 1 100); do
    [ "$(appctl rstp/show br0 | grep -c ' Forwarding ')" = 3 ] && break
    sleep 0.2
done
for _ in $(seq 1 50); do
    [ -n "$(get .1.3.6.1.2.1.17.1.2.0)" ] && break
    sleep 0.1
done
sleep 0.6 # past ovs-mib-pass's half-second cache: one state below

# --- snmpwalk against rstp/show and lacp/show ------------------------------
appctl rstp/show br0 >"$PR_TMP/rstp.txt"
appctl lacp/show >"$PR_TMP/lacp.txt"
state_num() { case $1 in Disabled) echo 1 ;; Discarding) echo 2 ;; Learning) echo 4 ;; Forwarding) echo 5 ;; esac; }
rows=0
while read -r name role state cost prinbr; do
    rows=$((rows + 1))
    n=${prinbr#*.}
    pr_expect_eq "$name: dot1dBasePortIfIndex.$n is its kernel ifIndex" \
        "$(in_sw cat /sys/class/net/$name/ifindex)" "$(get .1.3.6.1.2.1.17.1.4.1.2.$n)"
    pr_expect_eq "$name: dot1dStpPortState.$n is rstp/show's $state" \
        "$(state_num "$state")" "$(get .1.3.6.1.2.1.17.2.15.1.3.$n)"
    pr_expect_eq "$name: dot1dStpPortPathCost.$n is rstp/show's cost" \
        "$cost" "$(get .1.3.6.1.2.1.17.2.15.1.5.$n)"
    pr_expect_eq "$name: dot1dStpPortPriority.$n is rstp/show's priority" \
        "${prinbr%%.*}" "$(get .1.3.6.1.2.1.17.2.15.1.2.$n)"
    echo "# $name $role $state: bridge port $n"
done < <(awk '$1 ~ /^ovs-/ && NF == 5' "$PR_TMP/rstp.txt")
pr_expect_eq "rstp/show lists the three RSTP ports (not the bond)" 3 "$rows"
bport() { awk -v p="$1" '$1 == p { sub(/.*\./, "", $5); print $5 }' "$PR_TMP/rstp.txt"; }
# The settings above, as RSTP-MIB and IEEE8021-SPANNING-TREE-MIB say them
# (TruthValue true 1, false 2; AutoEdge indexed by component 1, port).
pr_expect_eq "ovs-edge: dot1dStpPortAdminEdgePort true (rstp-port-admin-edge=true)" 1 \
    "$(get .1.3.6.1.2.1.17.2.19.1.2."$(bport ovs-edge)")"
pr_expect_eq "ovs-auto: dot1dStpPortAdminEdgePort false (OVS's default)" 2 \
    "$(get .1.3.6.1.2.1.17.2.19.1.2."$(bport ovs-auto)")"
pr_expect_eq "ovs-auto: ieee8021SpanningTreeRstpPortAutoEdgePort true" 1 \
    "$(get .1.3.111.2.802.1.1.3.1.3.1.1.1."$(bport ovs-auto)")"
pr_expect_eq "ovs-non: ieee8021SpanningTreeRstpPortAutoEdgePort false" 2 \
    "$(get .1.3.111.2.802.1.1.3.1.3.1.1.1."$(bport ovs-non)")"
# Forwarding, Designated, no BPDU received: the edge and the auto-edge
# port are operationally edge, the non-edge one is not.
pr_expect_eq "ovs-auto: dot1dStpPortOperEdgePort true once it forwards" 1 \
    "$(get .1.3.6.1.2.1.17.2.19.1.3."$(bport ovs-auto)")"
pr_expect_eq "ovs-non: dot1dStpPortOperEdgePort false" 2 \
    "$(get .1.3.6.1.2.1.17.2.19.1.3."$(bport ovs-non)")"
fd=$(awk '/^Bridge ID:/ { b = 1 } b && $1 == "stp-fwd-delay" { sub(/s$/, "", $2); print $2; exit }' \
    "$PR_TMP/rstp.txt")
pr_expect_eq "dot1dStpBridgeForwardDelay is rstp/show's forward delay in centiseconds" \
    "$((fd * 100))" "$(get .1.3.6.1.2.1.17.2.14.0)"
pr_expect_eq "dot1dStpVersion rstp(2)" 2 "$(get .1.3.6.1.2.1.17.2.16.0)"
# The bond: each member's aggregator is the bond's (1000001, the first
# bond), attached as lacp/show says (fallback: "defaulted attached").
for m in ovs-b0 ovs-b1; do
    idx=$(in_sw cat /sys/class/net/$m/ifindex)
    att=$(awk -v m="$m:" '$1 == "member:" && $2 == m { print $4 }' "$PR_TMP/lacp.txt")
    want=0
    [ "$att" = attached ] && want=1000001
    pr_expect_eq "$m: dot3adAggPortSelectedAggID is the bond's aggregator" 1000001 \
        "$(get .1.2.840.10006.300.43.1.2.1.1.12.$idx)"
    pr_expect_eq "$m: dot3adAggPortAttachedAggID as lacp/show says ($att)" "$want" \
        "$(get .1.2.840.10006.300.43.1.2.1.1.13.$idx)"
done

# --- portready check over SNMP ---------------------------------------------
check() {
    in_sw "$PORTREADY" check -v 2c -c ovs-ro 127.0.0.1 "$@" --format json 2>"$PR_TMP/check.err" || true
}
# port NAME FIELD: a field of the port's JSON object (finding ids joined).
field() {
    python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
port = [p for p in doc["switches"][0]["ports"] if p["name"] == sys.argv[2]][0]
v = port.get(sys.argv[3]) if sys.argv[3] != "findings" else ",".join(f["id"] for f in port["findings"])
print(v)' "$1" "$2" "$3"
}
check ovs-edge ovs-auto ovs-non ovs-b0 >"$PR_TMP/rstp.json"
# ovs-edge: admin edge -> forwards at once: blackout 0, no finding: ready.
pr_expect_eq "ovs-edge verdict" ready "$(field "$PR_TMP/rstp.json" ovs-edge verdict)"
pr_expect_eq "ovs-edge blackout" 0 "$(field "$PR_TMP/rstp.json" ovs-edge expected_blackout_s)"
# ovs-auto: admin edge false, auto-edge true -> edge after ~3 s without
# BPDUs: blackout 3, the stp-edge-auto warning.
pr_expect_eq "ovs-auto verdict" warning "$(field "$PR_TMP/rstp.json" ovs-auto verdict)"
pr_expect_eq "ovs-auto finding" stp-edge-auto "$(field "$PR_TMP/rstp.json" ovs-auto findings)"
pr_expect_eq "ovs-auto blackout" 3 "$(field "$PR_TMP/rstp.json" ovs-auto expected_blackout_s)"
# ovs-non: neither -> discarding then learning, forward delay each: 2 x 4 s.
pr_expect_eq "ovs-non verdict" not-ready "$(field "$PR_TMP/rstp.json" ovs-non verdict)"
pr_expect_eq "ovs-non finding" stp-not-edge "$(field "$PR_TMP/rstp.json" ovs-non findings)"
pr_expect_eq "ovs-non blackout" 8 "$(field "$PR_TMP/rstp.json" ovs-non expected_blackout_s)"
# ovs-b0: a bond member (its aggregator in IEEE8023-LAG-MIB); no MIB shows
# LACP fallback: the lacp-fallback-unknown warning.
case ",$(field "$PR_TMP/rstp.json" ovs-b0 findings)," in
*,lacp-fallback-unknown,*) pr_pass "ovs-b0: a bond member whose fallback SNMP cannot show" ;;
*) pr_fail "ovs-b0: findings $(field "$PR_TMP/rstp.json" ovs-b0 findings)" ;;
esac

# RSTP off (OVS runs none on a bond anyway): spanning tree off over SNMP
# (timers 0, every port's dot1dStpPortEnable disabled), and the bond's
# fallback from the equivalent EOS configuration, each member's description
# its OVS name and the agent's ifAlias the same, which pairs them.
vsctl set bridge br0 rstp_enable=false
for m in ovs-b0 ovs-b1; do
    in_sw snmpset -v2c -c ovs-rw -On 127.0.0.1 \
        ".1.3.6.1.2.1.31.1.1.1.18.$(in_sw cat /sys/class/net/$m/ifindex)" s "$m" >/dev/null
done
sleep 0.6
eos() {
    echo "! device: ovs-snmp-test (DCS-7050, EOS-4.28)"
    echo "spanning-tree mode none"
    echo "interface Port-Channel1"
    [ "$1" = fallback ] && printf '   port-channel lacp fallback individual\n   port-channel lacp fallback timeout 3\n'
    printf 'interface Ethernet1\n   description ovs-b0\n   channel-group 1 mode active\n'
    printf 'interface Ethernet2\n   description ovs-b1\n   channel-group 1 mode active\n'
}
eos fallback >"$PR_TMP/fallback.cfg"
eos none >"$PR_TMP/none.cfg"
check ovs-b0 >"$PR_TMP/off.json"
# Spanning tree off, fallback unknown: blackout 0 and the warning.
pr_expect_eq "ovs-b0, RSTP off: blackout" 0 "$(field "$PR_TMP/off.json" ovs-b0 expected_blackout_s)"
pr_expect_eq "ovs-b0, RSTP off: verdict" warning "$(field "$PR_TMP/off.json" ovs-b0 verdict)"
check ovs-b0 --config "$PR_TMP/fallback.cfg" >"$PR_TMP/fallback.json"
# Fallback after 3 s, spanning tree off: blackout 0 + 3 s, nothing wrong.
pr_expect_eq "ovs-b0 with fallback: verdict" ready "$(field "$PR_TMP/fallback.json" ovs-b0 verdict)"
pr_expect_eq "ovs-b0 with fallback: blackout" 3 \
    "$(field "$PR_TMP/fallback.json" ovs-b0 expected_blackout_s)"
check ovs-b0 --config "$PR_TMP/none.cfg" >"$PR_TMP/none.json"
# No fallback: the member never forwards for a client without LACP.
pr_expect_eq "ovs-b0 without fallback: verdict" not-ready "$(field "$PR_TMP/none.json" ovs-b0 verdict)"
pr_expect_eq "ovs-b0 without fallback: finding" lacp-no-fallback \
    "$(field "$PR_TMP/none.json" ovs-b0 findings)"
pr_done
