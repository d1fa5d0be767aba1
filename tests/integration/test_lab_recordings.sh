#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The lab rack (lab/README.md): starts the three agents with lab/lab on free
# ports of its own state folder, and checks with net-snmp's snmpget and
# snmpbulkwalk (not portready) that each agent answers the values the
# README's port tables are derived from. Also stops and restarts one switch.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed (Debian package snmpsim)"
command -v snmpbulkwalk >/dev/null || pr_skip "snmpbulkwalk not installed (Debian package snmp)"

LAB="$PR_SOURCE_DIR/lab/lab"
STATE="$PR_TMP/lab"

# Three consecutive free UDP ports on 127.0.0.1 in 21000-21999.
BASE=$(python3 - <<'EOF'
import random, socket
starts = list(range(21000, 21997, 3))
random.shuffle(starts)
for base in starts:
    socks = []
    try:
        for port in range(base, base + 3):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            socks.append(s)
            s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        for s in socks:
            s.close()
    print(base)
    break
EOF
)
[ -n "$BASE" ] || pr_skip "no three consecutive free UDP ports in 21000-21999"
PA=$BASE PB=$((BASE + 1)) PC=$((BASE + 2))

lab_cleanup() {
    "$LAB" stop --state-dir "$STATE" >/dev/null 2>&1 || true
    pr_cleanup
}
trap lab_cleanup EXIT

# --- the recordings themselves: three fields a line, sorted numerically by
# OID (snmpsim answers GETNEXT wrongly otherwise), no OID twice.
for f in "$PR_SOURCE_DIR"/lab/data/*.snmprec; do
    problem=$(python3 - "$f" <<'EOF'
import sys
prev = None
for n, line in enumerate(open(sys.argv[1]), 1):
    parts = line.rstrip("\n").split("|", 2)
    if len(parts) != 3:
        print("line %d: not OID|TYPE|VALUE" % n); break
    key = tuple(int(x) for x in parts[0].split("."))
    if prev is not None and key <= prev:
        print("line %d: %s out of order" % (n, parts[0])); break
    prev = key
EOF
)
    pr_expect_eq "$(basename "$f") is well-formed and sorted" "" "$problem"
done

out=$("$LAB" start --port "$BASE" --state-dir "$STATE")
echo "$out"
pr_expect_eq "start prints where rack12-b listens" 1 \
    "$(grep -c "rack12-b: 127.0.0.1:$PB " <<<"$out")"

# get COMMUNITY PORT OID: the value alone (quotes and trailing blanks cut).
get() {
    snmpget -v2c -c "$1" -t 1 -r 2 -M /dev/null -On -Oqv -Ot "127.0.0.1:$2" "$3" 2>&1 |
        tr -d '"' | sed 's/ *$//'
}
# walk COMMUNITY PORT OID: "index=value" for every row under OID, one line.
walk() {
    snmpbulkwalk -v2c -c "$1" -t 1 -r 2 -M /dev/null -On -Oq "127.0.0.1:$2" "$3" 2>&1 |
        grep -v 'No more variables' | sed "s|^\\$3\\.||" | tr -d '"' | awk '{print $1 "=" $2}' |
        paste -sd' '
}
# getx / walkx: the same with strings in hex (-Ox), as BITS are.
getx() {
    snmpget -v2c -c "$1" -t 1 -r 2 -M /dev/null -On -Oqv -Ox "127.0.0.1:$2" "$3" 2>&1 |
        tr -d '"' | sed 's/ *$//'
}
walkx() {
    snmpbulkwalk -v2c -c "$1" -t 1 -r 2 -M /dev/null -On -Oq -Ox "127.0.0.1:$2" "$3" 2>&1 |
        grep -v 'No more variables' | sed "s|^\\$3\\.||" | tr -d '"' | sed 's/ *$//' |
        sed 's/ /=/' | paste -sd' '
}
# expect_get WHAT COMMUNITY PORT OID EXPECTED
expect_get() {
    pr_expect_eq "$1" "$5" "$(get "$2" "$3" "$4")"
}

IF=.1.3.6.1.2.1.2.2.1
IFX=.1.3.6.1.2.1.31.1.1.1
BASEPORT=.1.3.6.1.2.1.17.1.4.1.2
STPSTATE=.1.3.6.1.2.1.17.2.15.1.3
PVID=.1.3.6.1.2.1.17.7.1.4.5.1.1

# --- rack12-a: generic RSTP ---------------------------------------------
A=rack12-a
expect_get "a: sysObjectID (documentation enterprise 32473)" $A $PA .1.3.6.1.2.1.1.2.0 .1.3.6.1.4.1.32473.2412.1
expect_get "a: dot1dStpVersion rstp(2)" $A $PA .1.3.6.1.2.1.17.2.16.0 2
expect_get "a: dot1dStpForwardDelay 1500 cs" $A $PA .1.3.6.1.2.1.17.2.11.0 1500
expect_get "a: dot1dStpMaxAge 2000 cs" $A $PA .1.3.6.1.2.1.17.2.8.0 2000
pr_expect_eq "a: ifType: twelve ethernetCsmacd(6) ports, lo0 24, vlan100 136" \
    "1=6 2=6 3=6 4=6 5=6 6=6 7=6 8=6 9=6 10=6 11=6 12=6 1000=24 1100=136" "$(walk $A $PA $IF.3)"
pr_expect_eq "a: bridge port N is ifIndex N" \
    "1=1 2=2 3=3 4=4 5=5 6=6 7=7 8=8 9=9 10=10 11=11 12=12" "$(walk $A $PA $BASEPORT)"
expect_get "a: ifName.3" $A $PA $IFX.1.3 1/1/3
expect_get "a: ifAlias.3 names the server" $A $PA $IFX.18.3 srv12-03
pr_expect_eq "a: admin edge (1/1/3, 1/1/4, 1/1/7, 1/1/12 false)" \
    "1=1 2=1 3=2 4=2 5=1 6=1 7=2 8=1 9=1 10=1 11=1 12=2" "$(walk $A $PA .1.3.6.1.2.1.17.2.19.1.2)"
pr_expect_eq "a: oper edge (1/1/4 made edge by auto-detection)" \
    "1=1 2=1 3=2 4=1 5=2 6=2 7=2 8=1 9=2 10=2 11=2 12=2" "$(walk $A $PA .1.3.6.1.2.1.17.2.19.1.3)"
pr_expect_eq "a: STP state (1/1/5 blocking, down ports disabled)" \
    "1=5 2=5 3=5 4=5 5=2 6=1 7=5 8=5 9=1 10=1 11=1 12=5" "$(walk $A $PA $STPSTATE)"
expect_get "a: 1/1/5 is up while blocking" $A $PA $IF.8.5 1
expect_get "a: 1/1/7 has STP disabled (dot1dStpPortEnable 2)" $A $PA .1.3.6.1.2.1.17.2.15.1.4.7 2
pr_expect_eq "a: ifAdminStatus (1/1/6 and 1/1/11 shut)" \
    "1=1 2=1 3=1 4=1 5=1 6=2 7=1 8=1 9=1 10=1 11=2 12=1 1000=1 1100=1" "$(walk $A $PA $IF.7)"
pr_expect_eq "a: ifOperStatus (6, 9, 10, 11 down)" \
    "1=1 2=1 3=1 4=1 5=1 6=2 7=1 8=1 9=2 10=2 11=2 12=1 1000=1 1100=1" "$(walk $A $PA $IF.8)"
pr_expect_eq "a: dot1qPvid (uplink 1/1/12 on VLAN 1)" \
    "1=100 2=100 3=100 4=100 5=100 6=100 7=100 8=100 9=100 10=100 11=100 12=1" "$(walk $A $PA $PVID)"
# Roles: bridge port 12 is the root port; 1/1/12's designated bridge is core1
# (the root), 1/1/5's a bridge with priority 0x7000 behind srv12-05, every
# other port's this bridge (0x8000 + 02:12:0a:00:00:00).
expect_get "a: dot1dStpRootPort 12" $A $PA .1.3.6.1.2.1.17.2.7.0 12
expect_get "a: dot1dBaseBridgeAddress" $A $PA .1.3.6.1.2.1.17.1.1.0 "02 12 0A 00 00 00"
expect_get "a: 1/1/12's designated bridge is core1" $A $PA .1.3.6.1.2.1.17.2.15.1.8.12 \
    "10 00 02 EE 0C 00 00 01"
expect_get "a: 1/1/5's designated bridge is another bridge" $A $PA .1.3.6.1.2.1.17.2.15.1.8.5 \
    "70 00 52 54 00 12 05 05"
expect_get "a: 1/1/3's designated bridge is this one" $A $PA .1.3.6.1.2.1.17.2.15.1.8.3 \
    "80 00 02 12 0A 00 00 00"
# LLDP-MIB: lldpLocPortId N = "1/1/N"; neighbours on local ports 12 (core1,
# capabilities enabled 28 = bridge, router), 1 and 2 (servers, 01 =
# stationOnly).
expect_get "a: lldpLocPortId.12" $A $PA .1.0.8802.1.1.2.1.3.7.1.3.12 1/1/12
pr_expect_eq "a: lldpRemSysName (time mark 0, local port, index)" \
    "0.1.2=srv12-01 0.2.3=srv12-02 0.12.1=core1" "$(walk $A $PA .1.0.8802.1.1.2.1.4.1.1.9)"
pr_expect_eq "a: core1's capabilities enabled: bridge, router" 28 \
    "$(getx $A $PA .1.0.8802.1.1.2.1.4.1.1.12.0.12.1)"
pr_expect_eq "a: srv12-01's capabilities enabled: stationOnly" 01 \
    "$(getx $A $PA .1.0.8802.1.1.2.1.4.1.1.12.0.1.2)"

# --- rack12-b: Catalyst-like PVST+ ----------------------------------------
B=rack12-b
STPX=.1.3.6.1.4.1.9.9.82.1
expect_get "b: sysObjectID Cisco 2960-X" $B $PB .1.3.6.1.2.1.1.2.0 .1.3.6.1.4.1.9.1.1208
expect_get "b: stpxSpanningTreeType pvstPlus(1)" $B $PB $STPX.6.1.0 1
pr_expect_eq "b: no dot1dStpVersion" "No Such" "$(get $B $PB .1.3.6.1.2.1.17.2.16.0 | cut -c1-7)"
expect_get "b: stpxFastStartGlobalDefaultMode enable(1)" $B $PB $STPX.9.4.0 1
expect_get "b: stpxFastStartBpduGuardEnable true(1)" $B $PB $STPX.9.1.0 1
expect_get "b: ifName.10103" $B $PB $IFX.1.10103 Gi1/0/3
pr_expect_eq "b: stpxFastStartPortMode (2, 3 enable; 4 disable; others default)" \
    "1=4 2=1 3=1 4=2 5=4 6=4 7=4 8=4 9=4 10=4 11=4 12=4" "$(walk $B $PB $STPX.9.3.1.3)"
pr_expect_eq "b: stpxFastStartPortBpduGuardMode (Gi1/0/2 disable, Gi1/0/3 enable)" \
    "1=3 2=2 3=1 4=3 5=3 6=3 7=3 8=3 9=3 10=3 11=3 12=3" "$(walk $B $PB $STPX.9.3.1.4)"
pr_expect_eq "b: stpxFastStartOperMode per VLAN.port (trunks 3, 12 and Gi1/0/4 off)" \
    "1.3=2 1.12=2 100.1=1 100.2=1 100.3=2 100.4=2 100.12=2 200.3=2 200.7=1 200.12=2" \
    "$(walk $B $PB $STPX.9.5.1.3)"
pr_expect_eq "b: vlanTrunkPortDynamicStatus (Gi1/0/3 and Gi1/0/12 trunking)" \
    "10101=2 10102=2 10103=1 10104=2 10105=2 10106=2 10107=2 10108=2 10109=2 10110=2 10111=2 10112=1" \
    "$(walk $B $PB .1.3.6.1.4.1.9.9.46.1.6.1.1.14)"
expect_get "b: native VLAN of the trunk Gi1/0/3" $B $PB .1.3.6.1.4.1.9.9.46.1.6.1.1.5.10103 100
expect_get "b: native VLAN of the uplink Gi1/0/12" $B $PB .1.3.6.1.4.1.9.9.46.1.6.1.1.5.10112 1
pr_expect_eq "b: vmVlan of the access ports (Gi1/0/7 on 200)" \
    "10101=100 10102=100 10104=100 10105=100 10106=100 10107=200 10108=100 10109=100 10110=100 10111=100" \
    "$(walk $B $PB .1.3.6.1.4.1.9.9.68.1.2.2.1.2)"
expect_get "b: Gi1/0/5 err-disabled by bpduGuard(2)" $B $PB .1.3.6.1.4.1.9.9.548.1.3.1.1.2.10105.0 2
expect_get "b: Gi1/0/5 oper down" $B $PB $IF.8.10105 2
expect_get "b: Gi1/0/6 admin down" $B $PB $IF.7.10106 2
expect_get "b: Gi1/0/8 admin up" $B $PB $IF.7.10108 1
expect_get "b: Gi1/0/8 oper down" $B $PB $IF.8.10108 2
# Per-VLAN BRIDGE-MIB: the bare community is VLAN 1 (the trunks only).
pr_expect_eq "b: VLAN 1 bridge ports" "3=10103 12=10112" "$(walk $B $PB $BASEPORT)"
pr_expect_eq "b: VLAN 1 STP states" "3=5 12=5" "$(walk $B $PB $STPSTATE)"
pr_expect_eq "b@100: bridge ports (access ports of VLAN 100 and the trunks)" \
    "1=10101 2=10102 3=10103 4=10104 5=10105 6=10106 8=10108 9=10109 10=10110 11=10111 12=10112" \
    "$(walk $B@100 $PB $BASEPORT)"
pr_expect_eq "b@100: STP states (up ports only, as IOS lists them)" \
    "1=5 2=5 3=5 4=5 12=5" "$(walk $B@100 $PB $STPSTATE)"
expect_get "b@100: dot1dStpForwardDelay 1500 cs" $B@100 $PB .1.3.6.1.2.1.17.2.11.0 1500
pr_expect_eq "b@200: bridge ports" "3=10103 7=10107 12=10112" "$(walk $B@200 $PB $BASEPORT)"
pr_expect_eq "b@200: STP states" "3=5 7=5 12=5" "$(walk $B@200 $PB $STPSTATE)"
# Roles: Gi1/0/12 (bridge port 12) is the root port of every VLAN's tree;
# CDP sees core1 (router, switch, igmp: 00 00 00 29) on it and a host
# (00 00 00 10) on Gi1/0/1.
for c in $B $B@100 $B@200; do
    expect_get "$c: dot1dStpRootPort 12" $c $PB .1.3.6.1.2.1.17.2.7.0 12
done
pr_expect_eq "b: cdpCacheDeviceId (ifIndex.device)" \
    "10101.2=srv12-11 10112.1=core1.example.net" "$(walk $B $PB .1.3.6.1.4.1.9.9.23.1.2.1.1.6)"
expect_get "b: core1's CDP capabilities" $B $PB .1.3.6.1.4.1.9.9.23.1.2.1.1.9.10112.1 "00 00 00 29"
expect_get "b: srv12-11's CDP capabilities" $B $PB .1.3.6.1.4.1.9.9.23.1.2.1.1.9.10101.2 "00 00 00 10"

# --- rack12-c: Arista-like MSTP, LACP, MAU --------------------------------
C=rack12-c
LAG=.1.2.840.10006.300.43.1.2.1.1
MAU=.1.3.6.1.2.1.26
pr_expect_eq "c: no dot1dStpVersion" "No Such" "$(get $C $PC .1.3.6.1.2.1.17.2.16.0 | cut -c1-7)"
expect_get "c: ieee8021SpanningTreeVersion mstp(3)" $C $PC .1.3.111.2.802.1.1.3.1.1.1.16.1 3
expect_get "c: ieee8021SpanningTreeForwardDelay 1500 cs" $C $PC .1.3.111.2.802.1.1.3.1.1.1.12.1 1500
pr_expect_eq "c: bridge ports (members 5, 6 absent; Port-Channel1 is bridge port 100)" \
    "1=1 2=2 3=3 4=4 7=7 8=8 9=9 10=10 11=11 12=12 100=1000001" "$(walk $C $PC $BASEPORT)"
expect_get "c: Port-Channel1 ifType ieee8023adLag(161)" $C $PC $IF.3.1000001 161
pr_expect_eq "c: dot3adAggPortAttachedAggID (Ethernet5, 6 in Port-Channel1)" \
    "1=0 2=0 3=0 4=0 5=1000001 6=1000001 7=0 8=0 9=0 10=0 11=0 12=0" "$(walk $C $PC $LAG.13)"
expect_get "c: Ethernet5 actor oper state BC" $C $PC $LAG.21.5 BC
expect_get "c: Ethernet1 actor oper state 02" $C $PC $LAG.21.1 02
expect_get "c: Ethernet5 LACPDUsRx" $C $PC .1.2.840.10006.300.43.1.2.2.1.1.5 18839
pr_expect_eq "c: CIST admin edge (7, 8, 12 false)" \
    "1.1=1 1.2=1 1.3=1 1.4=1 1.7=2 1.8=2 1.9=1 1.10=1 1.11=1 1.12=2 1.100=1" \
    "$(walk $C $PC .1.3.111.2.802.1.1.6.1.3.1.8)"
pr_expect_eq "c: CIST oper edge (8 by auto-detection; down ports false)" \
    "1.1=1 1.2=1 1.3=2 1.4=1 1.7=2 1.8=1 1.9=2 1.10=2 1.11=1 1.12=2 1.100=1" \
    "$(walk $C $PC .1.3.111.2.802.1.1.6.1.3.1.9)"
pr_expect_eq "c: STP states" "1=5 2=5 3=1 4=5 7=5 8=5 9=1 10=1 11=5 12=5 100=5" \
    "$(walk $C $PC $STPSTATE)"
pr_expect_eq "c: dot1qPvid (Ethernet4 on 200, uplink on 1)" \
    "1=100 2=100 3=100 4=200 7=100 8=100 9=100 10=100 11=100 12=1 100=100" "$(walk $C $PC $PVID)"
expect_get "c: Ethernet3 admin up" $C $PC $IF.7.3 1
expect_get "c: Ethernet3 oper down" $C $PC $IF.8.3 2
expect_get "c: Ethernet9 admin down" $C $PC $IF.7.9 2
expect_get "c: Ethernet2 ifHighSpeed 100" $C $PC $IFX.15.2 100
expect_get "c: Ethernet2 ifMauType 100BASE-TX FD" $C $PC $MAU.2.1.1.3.2.1 .1.3.6.1.2.1.26.4.16
expect_get "c: Ethernet2 ifMauDefaultType 1000BASE-T FD" $C $PC $MAU.2.1.1.11.2.1 .1.3.6.1.2.1.26.4.30
expect_get "c: Ethernet3 ifMauType zeroDotZero (no link)" $C $PC $MAU.2.1.1.3.3.1 .0.0
pr_expect_eq "c: ifMauAutoNegAdminStatus enabled(1) everywhere" \
    "1.1=1 2.1=1 3.1=1 4.1=1 5.1=1 6.1=1 7.1=1 8.1=1 9.1=1 10.1=1 11.1=1 12.1=1" \
    "$(walk $C $PC $MAU.5.1.1.1)"
# Roles: ieee8021MstpCistPortRole root(1) on bridge port 12, designated(3)
# elsewhere; LLDP-V2-MIB neighbours by ifIndex (time mark 0, ifIndex, dest
# MAC index 1, index): spine1 (28: bridge, router) on 12, stations (01) on
# 1, 5, 6, and on 11 a NIC advertising no capability (00).
pr_expect_eq "c: CIST port role" "1.1=3 1.2=3 1.3=3 1.4=3 1.7=3 1.8=3 1.9=3 1.10=3 1.11=3 1.12=1 1.100=3" \
    "$(walk $C $PC .1.3.111.2.802.1.1.6.1.3.1.14)"
pr_expect_eq "c: lldpV2RemSysCapEnabled" \
    "0.1.1.2=01 0.5.1.3=01 0.6.1.4=01 0.11.1.5=00 0.12.1.1=28" \
    "$(walkx $C $PC .1.3.111.2.802.1.1.13.1.4.1.1.13)"
expect_get "c: spine1 on Ethernet12" $C $PC .1.3.111.2.802.1.1.13.1.4.1.1.10.0.12.1.1 spine1

# --- one switch stopped alone, then back --------------------------------
"$LAB" stop --state-dir "$STATE" rack12-b >/dev/null
pr_expect_eq "after 'stop rack12-b' rack12-b is silent" "" \
    "$(snmpget -v2c -c $B -t 0.5 -r 0 -M /dev/null -On -Oqv "127.0.0.1:$PB" .1.3.6.1.2.1.1.5.0 2>/dev/null || true)"
expect_get "after 'stop rack12-b' rack12-a still answers" $A $PA .1.3.6.1.2.1.1.5.0 rack12-a
status_rc=0
"$LAB" status --state-dir "$STATE" >/dev/null || status_rc=$?
pr_expect_eq "status exits 3 while a switch is stopped" 3 "$status_rc"
"$LAB" start --state-dir "$STATE" rack12-b >/dev/null
expect_get "'start rack12-b' brings it back on its port" $B $PB .1.3.6.1.2.1.1.5.0 rack12-b
status_rc=0
"$LAB" status --state-dir "$STATE" >/dev/null || status_rc=$?
pr_expect_eq "status exits 0 when every switch answers" 0 "$status_rc"

"$LAB" stop --state-dir "$STATE" >/dev/null
left=0
for name in rack12-a rack12-b rack12-c; do
    [ -e "$STATE/$name.pid" ] && left=$((left + 1))
done
pr_expect_eq "stop removes every pid file" 0 "$left"

pr_done
