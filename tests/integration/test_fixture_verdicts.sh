#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Every recording of ../shared/fixtures/snmprec judged with --walk: for 2-4
# ports each, the verdict, finding ids, expected blackout and the key facts,
# plus the switch's STP mode and timers, all derived by hand from the raw
# values (quoted beside each assertion as OID|TYPE|VALUE, or in snmpwalk's
# text for the one .snmpwalk file). Recordings of Cisco and Juniper agents
# are judged twice: with --driver generic-snmp (the standard MIBs only) and
# with --driver auto (which picks cisco / juniper from sysObjectID).
#
# Summary line per port (tests/integration/fixture_lib.sh):
#   VERDICT ids=FINDINGS bo=BLACKOUT edge=E stp=STATE oper=OPER vlan=V lacp=0|1 speed=MBPS
# "-" is null/unknown. Where this file departs from
# tests/data/fixture-expectations.md it says so and why (marked DIFFERS).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/fixture_lib.sh"
pr_need_fixtures
S="$PR_FIXTURES/snmprec"

# Every file in the folder is covered below; a new one must be added here.
pr_expect_eq "recordings in $S" "17" "$(find "$S" -maxdepth 1 -type f | wc -l)"

########################################################################
# centreon__network-mellanox.snmpwalk (snmpwalk -On text, no sysObjectID)
fx_check mlx "$S/centreon__network-mellanox.snmpwalk" auto Eth1/1/1 Eth1/7/1 Eth1/15
# No .1.3.6.1.2.1.1.2.0 line; sysDescr "Onyx,SN2100M,SWv3.9.2110" -> generic-snmp.
# Nothing under .1.3.6.1.2.1.17.2 but the port table (no dot1dStpVersion, no
# timers), no IEEE8021 objects -> mode, forward delay, max age unknown.
fx_expect_switch mlx "driver=generic-snmp mode=- fd=- maxage=-"
# .1.3.6.1.2.1.2.2.1.8.89 = INTEGER: up(1)
# .1.3.6.1.2.1.31.1.1.1.15.89 = Gauge32: 25000
# .1.3.6.1.2.1.17.1.4.1.2.1 = INTEGER: 89          (bridge port 1)
# .1.3.6.1.2.1.17.2.15.1.3.1 = INTEGER: 5          forwarding
# up and forwarding, no edge object anywhere -> STP running, edge unknown -> unknown, no findings.
fx_expect_port mlx Eth1/1/1 "unknown ids=- bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=25000"
# .1.3.6.1.2.1.2.2.1.7.65 = INTEGER: up(1)
# .1.3.6.1.2.1.2.2.1.8.65 = INTEGER: down(2)
# .1.3.6.1.2.1.17.1.4.1.2.49 = INTEGER: 65
# .1.3.6.1.2.1.17.2.15.1.3.49 = INTEGER: 2         blocking while down: no finding
# .1.3.6.1.2.1.17.2.15.1.4.49 = INTEGER: 2         enable=2 on a down port: stp_enabled unknown
# admin up, oper down -> link-down; edge unknown -> blackout unknown (not the 0 of a literal enable=2).
fx_expect_port mlx Eth1/7/1 "not-ready ids=link-down bo=- edge=- stp=blocking oper=down vlan=- lacp=- speed=-"
# .1.3.6.1.2.1.2.2.1.8.125 = INTEGER: up(1)
# .1.3.6.1.2.1.31.1.1.1.15.125 = Gauge32: 100000
# no dot1dBasePortIfIndex = 125 (Po1 13826 is bridge port 514), no LAG-MIB -> all STP/LACP unknown.
fx_expect_port mlx Eth1/15 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=- speed=100000"
fx_expect_rc mlx 2
# .1.3.6.1.2.1.2.2.1.3.65 = INTEGER: ethernetCsmacd(6)
# .1.3.6.1.2.1.31.1.1.1.17.65 = INTEGER: false(2)   (ifConnectorPresent false on a port without optic)
# An Ethernet ifType is a port: "every port" (no operand) includes Eth1/7/1.
fx_check mlx-all "$S/centreon__network-mellanox.snmpwalk" auto
pr_expect_eq "mlx-all: Eth1/7/1 among every port" "Eth1/7/1" "$(fx_names mlx-all | grep -x 'Eth1/7/1')"

########################################################################
# lextudio__cisco-c3560 (1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.617)
P3560=(Gi0/1 Gi0/50 Gi0/49)
fx_check c3560-gen "$S/lextudio__cisco-c3560.snmprec" generic-snmp "${P3560[@]}"
fx_check c3560 "$S/lextudio__cisco-c3560.snmprec" auto "${P3560[@]}"
# Only three BRIDGE-MIB lines, VLAN 1 (the default context) has no ports:
# 1.3.6.1.2.1.17.1.1.0|4x|e8046278f200 / 1.3.6.1.2.1.17.1.2.0|2|0 / 1.3.6.1.2.1.17.1.3.0|2|2
# -> generic: no mode, no timers, no STP facts for any port.
fx_expect_switch c3560-gen "driver=generic-snmp mode=- fd=- maxage=-"
# 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5 -> rapid-pvst; timers live in the VLAN contexts (not recorded).
fx_expect_switch c3560 "driver=cisco mode=rapid-pvst fd=- maxage=-"
# 1.3.6.1.2.1.2.2.1.7.10101|2|1
# 1.3.6.1.2.1.2.2.1.8.10101|2|2
# 1.3.6.1.2.1.31.1.1.1.1.10101|4x|4769302f31       [Gi0/1]
# 1.2.840.10006.300.43.1.2.1.1.13.10101|2|0         not aggregated -> lacp_member 0
# generic: link-down only; edge unknown -> blackout unknown.
fx_expect_port c3560-gen Gi0/1 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=- lacp=0 speed=-"
# 1.3.6.1.2.1.2.2.1.8.10150|2|1
# 1.3.6.1.2.1.31.1.1.1.15.10150|66|1000
# 1.2.840.10006.300.43.1.2.1.1.13.10150|2|0
# up at 1000 (a Gi port: no speed finding), no STP facts -> unknown.
fx_expect_port c3560-gen Gi0/50 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=0 speed=1000"
# 1.3.6.1.2.1.2.2.1.8.10149|2|1 / 1.3.6.1.2.1.31.1.1.1.15.10149|66|1000 -> unknown likewise.
fx_expect_port c3560-gen Gi0/49 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=0 speed=1000"
# Cisco driver, every port: 1.3.6.1.4.1.9.9.82.1.9.3.1.3.N|2|4 (FastStart default) on all 52
# and 1.3.6.1.4.1.9.9.82.1.9.4.0|2|2 (global default disable); CISCO-STACK
# 1.3.6.1.4.1.9.5.1.4.1.1.12.1.N|2|2 (portSpantreeFastStart disable) on all 52 -> edge no,
# stp-not-edge, blackout 2 x 15 (forward delay unreadable: 15 assumed).
# 1.3.6.1.4.1.9.9.548.1.1.1.0|66|300 (ERR-DISABLE MIB present), no 548.1.3 row -> not err-disabled.
# Gi0/1: 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10101|2|3 (vmVlan 3), 1.3.6.1.4.1.9.9.46.1.6.1.1.14.10101|2|2
# (notTrunking), 1.3.6.1.4.1.9.5.1.4.1.1.11.1.1|2|10101 -> link-down + stp-not-edge.
fx_expect_port c3560 Gi0/1 "not-ready ids=link-down,stp-not-edge bo=30 edge=no stp=- oper=down vlan=3 lacp=0 speed=-"
# Gi0/50: 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10150|2|2, ...46.1.6.1.1.14.10150|2|2 (notTrunking),
# 1.3.6.1.4.1.9.5.1.4.1.1.11.1.50|2|10150; VLAN 2's context not recorded -> state unknown.
# Named, and an uplink (CDP, read by the cisco driver only):
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10150.4|4x|00000029 (router, switch, igmp) [kexuehuitang]
# -> port-is-uplink.
fx_expect_port c3560 Gi0/50 "not-ready ids=stp-not-edge,port-is-uplink bo=30 edge=no stp=- oper=up vlan=2 lacp=0 speed=1000"
# Gi0/49: 1.3.6.1.4.1.9.9.46.1.6.1.1.14.10149|2|1 (trunking), ...46.1.6.1.1.5.10149|2|1
# (native 1); VLAN 1 has no bridge ports -> state unknown; edge no on a trunk -> stp-not-edge.
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10149.2|4x|00000029 -> an uplink: port-is-uplink.
fx_expect_port c3560 Gi0/49 "not-ready ids=stp-not-edge,port-is-uplink bo=30 edge=no stp=- oper=up vlan=1 lacp=0 speed=1000"
fx_expect_rc c3560 2

########################################################################
# lextudio__cisco-n5000 (1.3.6.1.4.1.9.12.3.1.3.1084, NX-OS)
PN5K=(Ethernet1/3 Ethernet1/19 Ethernet1/8 Ethernet1/6)
fx_check n5k-gen "$S/lextudio__cisco-n5000.snmprec" generic-snmp "${PN5K[@]}"
fx_check n5k "$S/lextudio__cisco-n5000.snmprec" auto "${PN5K[@]}"
# 1.3.6.1.2.1.17.2.11.0|2|1500 -> 15 s; 1.3.6.1.2.1.17.2.8.0|2|2000 -> 20 s; no dot1dStpVersion.
fx_expect_switch n5k-gen "driver=generic-snmp mode=- fd=15 maxage=20"
# 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5 -> rapid-pvst.
fx_expect_switch n5k "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.436215808|2|1
# 1.3.6.1.2.1.31.1.1.1.15.436215808|66|10000
# 1.2.840.10006.300.43.1.2.1.1.13.436215808|2|369098782   attached to port-channel31 -> member
# not a bridge port in VLAN 1 -> STP unknown; member, fallback unreadable -> lacp-fallback-unknown.
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port n5k-gen Ethernet1/3 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=- lacp=1 speed=10000"
# 1.3.6.1.2.1.2.2.1.8.436281344|2|1
# 1.3.6.1.2.1.17.1.4.1.2.147|2|436281344
# 1.3.6.1.2.1.17.2.15.1.3.147|2|5 / 1.3.6.1.2.1.17.2.15.1.4.147|2|1
# forwarding, edge unknown -> unknown. An LLDP neighbour that is a bridge:
# 1.0.8802.1.1.2.1.4.1.1.12.0.436281344.0|4x|20000000 (bridge) [ProCurve 6120XG Blade Switch]
# -> uplink, named: port-is-uplink (a warning does not lift unknown).
fx_expect_port n5k-gen Ethernet1/19 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=10000"
# 1.3.6.1.2.1.2.2.1.7.436236288|2|2 / 1.3.6.1.2.1.2.2.1.8.436236288|2|2 -> admin-down only.
fx_expect_port n5k-gen Ethernet1/8 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=- lacp=- speed=-"
# Cisco: no 1.3.6.1.4.1.9.9.82.1.9 object at all (no FastStart) -> edge still unknown.
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.436215808|2|2, 1.3.6.1.4.1.9.9.68.1.2.2.1.2.436215808|2|71
# -> access VLAN 71, whose context is not recorded -> state unknown.
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port n5k Ethernet1/3 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=71 lacp=1 speed=10000"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.436281344|2|1 (trunking), ...46.1.6.1.1.5.436281344|2|1 -> native 1:
# VLAN 1's state (the default context) is the native VLAN's -> forwarding; port-is-uplink as above.
fx_expect_port n5k Ethernet1/19 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=10000"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.436236288|2|2, 1.3.6.1.4.1.9.9.68.1.2.2.1.2.436236288|2|1.
fx_expect_port n5k Ethernet1/8 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"
# A member whose spanning tree is its aggregate's, handed over by the core
# after the driver's read (both drivers):
# 1.3.6.1.2.1.31.1.1.1.1.436228096|4x|45746865726e6574312f36 ("Ethernet1/6"), ifOperStatus
# 1.3.6.1.2.1.2.2.1.8.436228096|2|1, ifHighSpeed ...31.1.1.1.15.436228096|66|10000;
# 1.2.840.10006.300.43.1.2.1.1.13.436228096|2|369098792, whose ifName
# 1.3.6.1.2.1.31.1.1.1.1.369098792|4x|706f72742d6368616e6e656c3431 is "port-channel41";
# no dot1dBasePortIfIndex row holds 436228096 (the member is no bridge port), but
# 1.3.6.1.2.1.17.1.4.1.2.4136|2|369098792 and 1.3.6.1.2.1.17.2.15.1.3.4136|2|5: the
# aggregate is bridge port 4136, forwarding -> the member's state is forwarding, from
# port-channel41. No edge anywhere (no RSTP-MIB row for 4136, no 9.9.82.1.9 object) ->
# edge unknown, verdict unknown, plus lacp-fallback-unknown. Cisco: trunking
# (9.9.46.1.6.1.1.14.436228096|2|1), native VLAN 9.9.46.1.6.1.1.5.436228096|2|1 -> vlan 1.
fx_expect_port n5k-gen Ethernet1/6 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=forwarding oper=up vlan=- lacp=1 speed=10000"
fx_expect_port n5k Ethernet1/6 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=forwarding oper=up vlan=1 lacp=1 speed=10000"
"$PORTREADY" check --walk "$S/lextudio__cisco-n5000.snmprec" --verbose Ethernet1/6 >"$PR_TMP/n5k-e16.txt" || true
if grep -qF "from its aggregate port-channel41: BRIDGE-MIB dot1dStpPortState.4136 = forwarding(5)" \
    "$PR_TMP/n5k-e16.txt"; then
    pr_pass "n5k Ethernet1/6: its state from port-channel41, said so"
else
    pr_fail "n5k Ethernet1/6 state evidence: $(grep 'stp state' "$PR_TMP/n5k-e16.txt")"
fi

########################################################################
# lextudio__h3c-e528-2 (1.3.6.1.4.1.25506.1.578 -> comware)
fx_check h3c "$S/lextudio__h3c-e528-2.snmprec" auto GigabitEthernet1/0/24 GigabitEthernet1/0/1
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000; no dot1dStpVersion, but
# 1.3.6.1.4.1.25506.8.35.14.1.0|2|2 (HH3C-LswMSTP-MIB hh3cdot1sStpStatus disabled): STP off,
# so every port's blackout is 0 and no port gets a spanning-tree finding.
fx_expect_switch h3c "driver=comware mode=off fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.3.24|2|117                  gigabitEthernet: a physical port
# 1.3.6.1.2.1.2.2.1.8.24|2|1 / 1.3.6.1.2.1.31.1.1.1.15.24|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.24|2|24 / 1.3.6.1.2.1.17.2.15.1.3.24|2|5
# 1.3.6.1.2.1.17.7.1.4.5.1.1.24|66|1            PVID 1
# 1.3.6.1.2.1.26.2.1.1.11.24.1|6|1.3.6.1.2.1.26.4.30   default 1000BASE-T FD: 1000 of 1000
# 1.3.6.1.2.1.26.5.1.1.1.24.1|2|1               autoneg on -> autoneg-on (info keeps unknown)
# 1.0.8802.1.1.2.1.4.1.1.12.1169175.24.1|4x|28  LLDP neighbour bridge, router [WRD-Huiju-2];
# no lldpLocPortTable: local port 24 is bridge port 24 = ifIndex 24 -> uplink: port-is-uplink.
# 1.3.6.1.4.1.25506.8.35.14.20.1.11.0.24|2|2    hh3cdot1sMstiStpPortEdgeport disabled: not edge
# (moot with STP off: blackout 0); the uplink's port-is-uplink is a warning.
fx_expect_port h3c GigabitEthernet1/0/24 "warning ids=port-is-uplink,autoneg-on bo=0 edge=no stp=forwarding oper=up vlan=1 lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.1|2|1 / 1.3.6.1.2.1.2.2.1.8.1|2|2
# 1.3.6.1.2.1.17.2.15.1.3.1|2|5                 forwarding while down: no finding
# 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|1 / 1.3.6.1.2.1.26.5.1.1.1.1.1|2|1
# no hh3cdot1sPortTable row for bridge port 1: edge unknown; STP off: blackout 0.
fx_expect_port h3c GigabitEthernet1/0/1 "not-ready ids=link-down,autoneg-on bo=0 edge=- stp=forwarding oper=down vlan=1 lacp=- speed=-"

########################################################################
# lextudio__huawei-s5720 (1.3.6.1.4.1.2011.2.23.276 -> huawei)
fx_check huawei "$S/lextudio__huawei-s5720.snmprec" auto \
    GigabitEthernet0/0/1 GigabitEthernet0/0/3 XGigabitEthernet0/0/1 GigabitEthernet0/0/7
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000, no dot1dStpVersion;
# 1.3.6.1.4.1.2011.5.25.42.4.1.1.0|2|1 (HUAWEI-MSTP-MIB hwMstpStatus enabled),
# 1.3.6.1.4.1.2011.5.25.42.4.1.2.0|2|3 (hwMstpForceVersion mstp).
# Every 1.3.6.1.4.1.2011.5.25.42.4.1.20.1.9.0.N|2|3 (hwMstpiStpPortEdgeport undo): not
# configured, so VRP's edge detection decides (edge after 2 x hello + 1 s without BPDUs):
# 1.3.6.1.2.1.17.2.13.0|2|200 (dot1dStpBridgeHelloTime, centiseconds): hello 2 s, so the
# wait is 2 x 2 + 1 = 5 s, not 802.1D's 3 s: each port below gains stp-edge-auto (a
# warning) and the auto-edge blackout of 5, the finding's evidence naming the hello object.
fx_expect_switch huawei "driver=huawei mode=mstp fd=15 maxage=20"
pr_expect_eq "huawei auto-edge wait evidence" \
    "HUAWEI-MSTP-MIB hwMstpiStpPortEdgeport.0.1 = undo (edge detection)(3); the wait: VRP edge detection: no BPDU in 2 x hello + 1 s = 5 s (BRIDGE-MIB dot1dStpBridgeHelloTime.0 = 200; Huawei CloudEngine command reference, stp edged-port)" \
    "$(pr_json "$PR_TMP/huawei.json" '[f["evidence"] for p in d["switches"][0]["ports"] if p["name"] == "GigabitEthernet0/0/1" for f in p["findings"] if f["id"] == "stp-edge-auto"][0]')"
# 1.3.6.1.2.1.2.2.1.8.6|2|1 / 1.3.6.1.2.1.31.1.1.1.15.6|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.1|2|6 / 1.3.6.1.2.1.17.2.15.1.3.1|2|5 / 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|30
fx_expect_port huawei GigabitEthernet0/0/1 "warning ids=stp-edge-auto bo=5 edge=auto stp=forwarding oper=up vlan=30 lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.8|2|1 / 1.3.6.1.2.1.2.2.1.8.8|2|2
# 1.3.6.1.2.1.17.1.4.1.2.3|2|8 / 1.3.6.1.2.1.17.2.15.1.3.3|2|1 (disabled) / ...7.1.4.5.1.1.3|66|30
fx_expect_port huawei GigabitEthernet0/0/3 "not-ready ids=link-down,stp-edge-auto bo=5 edge=auto stp=disabled oper=down vlan=30 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.8.34|2|1 / 1.3.6.1.2.1.31.1.1.1.15.34|66|10000
# 1.3.6.1.2.1.17.1.4.1.2.29|2|34 / 1.3.6.1.2.1.17.2.15.1.3.29|2|5 / ...7.1.4.5.1.1.29|66|200
# 1.3.6.1.2.1.17.2.7.0|2|29: the root port -> uplink, named: port-is-uplink.
fx_expect_port huawei XGigabitEthernet0/0/1 "warning ids=stp-edge-auto,port-is-uplink bo=5 edge=auto stp=forwarding oper=up vlan=200 lacp=- speed=10000"
# DIFFERS from fixture-expectations.md ("no speed-degraded: no MAU-MIB"):
# 1.3.6.1.2.1.31.1.1.1.1.12|4x|4769676162697445746865726e6574302f302f37  [GigabitEthernet0/0/7]
# 1.3.6.1.2.1.2.2.1.8.12|2|1 / 1.3.6.1.2.1.31.1.1.1.15.12|66|10
# The name says a gigabit port (the driver's capability when MAU-MIB is silent) and it runs at
# 10 Mb/s: speed-degraded (warning) is what the data shows, and a warning lifts "unknown".
# Edge detection (hwMstpiStpPortEdgeport.0.7|2|3), beside the speed warning.
fx_expect_port huawei GigabitEthernet0/0/7 "warning ids=stp-edge-auto,speed-degraded bo=5 edge=auto stp=forwarding oper=up vlan=30 lacp=- speed=10"

########################################################################
# librenms__arista_eos (1.3.6.1.4.1.30065.1.3011.7050.1958.128: auto picks cisco for EOS)
PEOS=(Ethernet1 Ethernet8 Ethernet10)
fx_check eos "$S/librenms__arista_eos.snmprec" generic-snmp "${PEOS[@]}"
fx_check eos-auto "$S/librenms__arista_eos.snmprec" auto "${PEOS[@]}"
# No .1.3.6.1.2.1.17.2.* line at all: mode, timers, states unknown.
fx_expect_switch eos "driver=generic-snmp mode=- fd=- maxage=-"
fx_expect_switch eos-auto "driver=cisco mode=- fd=- maxage=-"
# 1.3.6.1.2.1.2.2.1.8.1|2|1 / 1.3.6.1.2.1.31.1.1.1.15.1|66|10000
# 1.3.6.1.2.1.17.1.4.1.2.1|2|1 / 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|31
fx_expect_port eos Ethernet1 "unknown ids=- bo=- edge=- stp=- oper=up vlan=31 lacp=- speed=10000"
# 1.3.6.1.2.1.2.2.1.7.8|2|1 / 1.3.6.1.2.1.2.2.1.8.8|2|6 (notPresent: not up) / ...7.1.4.5.1.1.8|66|1
fx_expect_port eos Ethernet8 "not-ready ids=link-down bo=- edge=- stp=- oper=notPresent vlan=1 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.7.10|2|2 / 1.3.6.1.2.1.2.2.1.8.10|2|6 / ...7.1.4.5.1.1.10|66|1 -> admin-down only.
fx_expect_port eos Ethernet10 "not-ready ids=admin-down bo=- edge=- stp=- oper=notPresent vlan=1 lacp=- speed=-"
# The cisco driver finds no Cisco object in an EOS walk: the same three lines.
for p in "${PEOS[@]}"; do
    pr_expect_eq "eos-auto: $p as generic" "$(fx_port eos "$p")" "$(fx_port eos-auto "$p")"
done

########################################################################
# librenms__arubaos-cx_10.07 (1.3.6.1.4.1.47196.4.1.1.1.303 -> aruba: the standard MIBs; the
# recording has no HP-ICF-BRIDGE object)
fx_check aruba "$S/librenms__arubaos-cx_10.07.snmprec" auto 1/1/1 1/1/31 1/1/47
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000, no dot1dStpVersion.
fx_expect_switch aruba "driver=aruba mode=- fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.1|2|1 / 1.3.6.1.2.1.31.1.1.1.15.1|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.1|2|1 / 1.3.6.1.2.1.17.2.15.1.3.1|2|5 / 1.3.6.1.2.1.17.2.15.1.4.1|2|1
fx_expect_port aruba 1/1/1 "unknown ids=- bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.8.31|2|1 / 1.3.6.1.2.1.31.1.1.1.15.31|66|100
# 1.3.6.1.2.1.17.1.4.1.2.31|2|31 / 1.3.6.1.2.1.17.2.15.1.3.31|2|2 (blocking while up)
# -> stp-not-forwarding; name "1/1/31" implies no capability, so 100 Mb/s is not flagged.
fx_expect_port aruba 1/1/31 "not-ready ids=stp-not-forwarding bo=- edge=- stp=blocking oper=up vlan=- lacp=- speed=100"
# 1.3.6.1.2.1.2.2.1.8.47|2|1 / 1.3.6.1.2.1.31.1.1.1.15.47|66|1000; no bridge port, no LAG-MIB.
# 1.0.8802.1.1.2.1.4.1.1.12.61290.47.14|4|20 2 (bridge) -> an uplink, named: port-is-uplink.
fx_expect_port aruba 1/1/47 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.3.1|2|6 and 1.3.6.1.2.1.31.1.1.1.17.1|2|2: AOS-CX says "no connector" for all
# 48 copper ports (ifConnectorPresent false(2)) although they are up Ethernet bridge ports;
# "every port" must still include them (48 copper + 4 SFP 1/1/49-52 + eth0).
# Of those, the eight with an LLDP bridge neighbour are uplinks, left out and listed
# (tests/integration/test_fixture_roles.sh derives them): 44 judged.
fx_check aruba-all "$S/librenms__arubaos-cx_10.07.snmprec" auto
pr_expect_eq "aruba-all: 1/1/1 among every port" "1/1/1" "$(fx_names aruba-all | grep -x '1/1/1')"
pr_expect_eq "aruba-all: 1/1/x ports" "44" "$(fx_names aruba-all | grep -c '^1/1/')"
fx_expect_uplinks aruba-all "1/1/41 1/1/44 1/1/45 1/1/46 1/1/47 1/1/48 1/1/51 1/1/52"

########################################################################
# librenms__awplus_5.4.8-2 (1.3.6.1.4.1.207.1.14.120 -> generic-snmp)
fx_check awplus "$S/librenms__awplus_5.4.8-2.snmprec" auto port1.0.13 port1.0.15 port1.0.1
# 1.3.6.1.2.1.17.2.16.0|2|2 -> rstp; 1.3.6.1.2.1.17.2.11.0|2|1500; 1.3.6.1.2.1.17.2.8.0|2|2000.
fx_expect_switch awplus "driver=generic-snmp mode=rstp fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.5013|2|1 / 1.3.6.1.2.1.31.1.1.1.15.5013|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.13|2|5013 / 1.3.6.1.2.1.17.2.15.1.3.13|2|5
# 1.3.6.1.2.1.17.2.19.1.2.13|2|2 / 1.3.6.1.2.1.17.2.19.1.3.13|2|2   admin and oper edge false
# 1.3.6.1.2.1.17.7.1.4.5.1.1.13|66|0                                PVID 0: not a VLAN
# -> stp-not-edge, blackout 2 x 15 = 30.
fx_expect_port awplus port1.0.13 "not-ready ids=stp-not-edge bo=30 edge=no stp=forwarding oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.5015|2|1 / 1.3.6.1.2.1.2.2.1.8.5015|2|2
# 1.3.6.1.2.1.17.2.15.1.3.15|2|1 / 1.3.6.1.2.1.17.2.15.1.4.15|2|2   enable=2 on a down port: ignored
# 1.3.6.1.2.1.17.2.19.1.2.15|2|2 / 1.3.6.1.2.1.17.7.1.4.5.1.1.15|66|1
# -> link-down + stp-not-edge, blackout 30 (a literal enable=2 would promise 0).
fx_expect_port awplus port1.0.15 "not-ready ids=link-down,stp-not-edge bo=30 edge=no stp=disabled oper=down vlan=1 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.8.5001|2|1 / 1.3.6.1.2.1.17.1.4.1.2.1|2|5001 / 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|0
# no 17.2.15 and no 17.2.19 row for bridge port 1 -> state and edge unknown in an RSTP switch.
fx_expect_port awplus port1.0.1 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.31.1.1.1.17.5015|2|2: down ports say "no connector"; every port still has port1.0.15.
fx_check awplus-all "$S/librenms__awplus_5.4.8-2.snmprec" auto
pr_expect_eq "awplus-all: port1.0.15 among every port" "port1.0.15" \
    "$(fx_names awplus-all | grep -x 'port1.0.15')"

########################################################################
# librenms__ios_2960x (1.3.6.1.4.1.9.1.1208)
P2960=(Gi1/0/3 Gi1/0/9 Gi1/0/47)
fx_check 2960x-gen "$S/librenms__ios_2960x.snmprec" generic-snmp "${P2960[@]}"
fx_check 2960x "$S/librenms__ios_2960x.snmprec" auto "${P2960[@]}"
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000; 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5.
fx_expect_switch 2960x-gen "driver=generic-snmp mode=- fd=15 maxage=20"
fx_expect_switch 2960x "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.10103|2|1 / 1.3.6.1.2.1.17.1.4.1.2.3|2|10103 / 1.3.6.1.2.1.17.2.15.1.3.3|2|5
fx_expect_port 2960x-gen Gi1/0/3 "unknown ids=- bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.8.10109|2|1; no dot1dBasePortIfIndex = 10109 in VLAN 1.
fx_expect_port 2960x-gen Gi1/0/9 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.10147|2|1 / 1.3.6.1.2.1.2.2.1.8.10147|2|2 / 1.3.6.1.2.1.17.1.4.1.2.47|2|10147
# (no STP row: down ports are in the base table only) -> link-down.
fx_expect_port 2960x-gen Gi1/0/47 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=- lacp=- speed=-"
# Cisco: no FastStart object (edge unknown), no vlanTrunkPortDynamicStatus.
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10103|2|4 (EncapsulationOperType dot1Q: a trunk)
# 1.3.6.1.4.1.9.9.46.1.6.1.1.5.10103|2|534 (native VLAN) -> VLAN 534, whose context is not
# recorded: the default context's forwarding is VLAN 1's and says nothing about VLAN 534.
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10103.1|4x|00000026 (trans-bridge, sr-bridge, igmp) [acme-fr-ap-011,
# cisco AIR-AP2702I-UXK9]: an access point that bridges, an uplink by the CDP rule (the cisco
# driver reads CDP) -> port-is-uplink.
fx_expect_port 2960x Gi1/0/3 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=534 lacp=- speed=1000"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10109|2|6 (notApplicable), 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10109|2|512
fx_expect_port 2960x Gi1/0/9 "unknown ids=- bo=- edge=- stp=- oper=up vlan=512 lacp=- speed=1000"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10147|2|6, 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10147|2|1
fx_expect_port 2960x Gi1/0/47 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"

########################################################################
# librenms__ios_stp-vlans (+ its VLAN 98 context file), Catalyst 2960-S
PSV=(Gi2/0/1 Gi2/0/3 Gi2/0/24)
fx_check sv-gen "$S/librenms__ios_stp-vlans.snmprec" generic-snmp "${PSV[@]}"
fx_check sv "$S/librenms__ios_stp-vlans.snmprec" auto "${PSV[@]}"
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000; 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5.
fx_expect_switch sv-gen "driver=generic-snmp mode=- fd=15 maxage=20"
fx_expect_switch sv "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# DIFFERS from fixture-expectations.md (unknown, "100 Mb/s not judged: no capability"):
# 1.3.6.1.2.1.31.1.1.1.1.10601|4|Gi2/0/1 (a gigabit port by name), 1.3.6.1.2.1.2.2.1.8.10601|2|1,
# 1.3.6.1.2.1.31.1.1.1.15.10601|66|100 -> speed-degraded (warning);
# 1.3.6.1.2.1.17.1.4.1.2.57|2|10601 / 1.3.6.1.2.1.17.2.15.1.3.57|2|5.
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port sv-gen Gi2/0/1 "unknown ids=speed-degraded bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=100"
# 1.3.6.1.2.1.2.2.1.7.10603|2|1 / 1.3.6.1.2.1.2.2.1.8.10603|2|2 / 1.3.6.1.2.1.17.1.4.1.2.59|2|10603
fx_expect_port sv-gen Gi2/0/3 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=- lacp=- speed=-"
# 1.3.6.1.2.1.17.1.4.1.2.80|2|10624 / 1.3.6.1.2.1.17.2.15.1.3.80|2|5 / 1.3.6.1.2.1.31.1.1.1.15.10624|66|1000
# 1.3.6.1.2.1.17.2.7.0|2|80: the root port -> uplink, named: port-is-uplink.
fx_expect_port sv-gen Gi2/0/24 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=1000"
# Cisco: 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10601|2|1 (VLAN 1: the default context's state is its own).
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port sv Gi2/0/1 "unknown ids=speed-degraded bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=100"
# 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10603|2|1
fx_expect_port sv Gi2/0/3 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10624|2|4 (dot1Q trunk), 1.3.6.1.4.1.9.9.46.1.6.1.1.5.10624|2|1
# (native VLAN 1) -> VLAN 1's state applies: forwarding. (It forwards in VLAN 98 too:
# librenms__ios_stp-vlans@98 has 1.3.6.1.2.1.17.2.15.1.3.80|2|5; no port uses VLAN 98 as its
# access or native VLAN, so no verdict depends on that context.) No FastStart -> edge unknown.
# The root port of VLAN 1's tree (1.3.6.1.2.1.17.2.7.0|2|80) -> port-is-uplink.
fx_expect_port sv Gi2/0/24 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=1000"

########################################################################
# librenms__ios_stp-vlans@98: a per-VLAN context, not a switch of its own. It holds BRIDGE-MIB
# only (1.3.6.1.2.1.17.1.4.1.2.80|2|10624 ... 1.3.6.1.2.1.17.2.15.1.10.80|65|1), no IF-MIB:
# read alone it is unreadable (switch error, exit 3), never a switch with no ports.
fx_check sv98 "$S/librenms__ios_stp-vlans@98.snmprec" auto
fx_expect_rc sv98 3
pr_expect_eq "sv98: switch error names the recording" \
    "the recording $S/librenms__ios_stp-vlans@98.snmprec holds no IF-MIB interfaces (ifTable), only BRIDGE-MIB ports: a VLAN's context (Cisco's community@VLAN)? Read the switch's own context; portready reads each VLAN's from it" \
    "$(pr_json "$PR_TMP/sv98.json" 'd["switches"][0]["error"]')"

########################################################################
# librenms__junos_qfx5100 (1.3.6.1.4.1.2636.1.1.1.4.82.5 -> juniper)
PQFX=(ge-0/0/47 xe-0/0/0 ge-0/0/45)
fx_check qfx "$S/librenms__junos_qfx5100.snmprec" auto "${PQFX[@]}"
fx_check qfx-gen "$S/librenms__junos_qfx5100.snmprec" generic-snmp "${PQFX[@]}"
# No STP object of any kind (BRIDGE-MIB 17.2, IEEE8021, JUNIPER-MIMSTP 2636.3.46).
fx_expect_switch qfx "driver=juniper mode=- fd=- maxage=-"
fx_expect_switch qfx-gen "driver=generic-snmp mode=- fd=- maxage=-"
# 1.3.6.1.2.1.2.2.1.8.512|2|1 / 1.3.6.1.2.1.31.1.1.1.15.512|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.4104|2|512 / 1.3.6.1.2.1.17.7.1.4.5.1.1.4104|66|3884
# 3884 is a tag (1.3.6.1.4.1.2636.3.48.1.3.1.1.3.9|2|3884), not an index: kept as is.
fx_expect_port qfx ge-0/0/47 "unknown ids=- bo=- edge=- stp=- oper=up vlan=3884 lacp=- speed=1000"
# 1.3.6.1.2.1.17.1.4.1.2.4097|2|513 / 1.3.6.1.2.1.17.7.1.4.5.1.1.4097|66|0 (not a VLAN)
# 1.0.8802.1.1.2.1.4.1.1.12.35684499.513.3|4|28 2 4 (bridge, router) [devicea]; local port 513
# is ifIndex 513 (xe-0/0/0) -> uplink, named: port-is-uplink.
fx_expect_port qfx xe-0/0/0 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=- lacp=- speed=10000"
# 1.3.6.1.2.1.2.2.1.8.529|2|1 / 1.3.6.1.2.1.31.1.1.1.15.529|66|1000; no bridge port maps to 529
# or to its unit 533 (1.3.6.1.2.1.31.1.2.1.3.533.529|2|1).
fx_expect_port qfx ge-0/0/45 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"
for p in "${PQFX[@]}"; do
    pr_expect_eq "qfx-gen: $p as juniper" "$(fx_port qfx "$p")" "$(fx_port qfx-gen "$p")"
done
fx_expect_rc qfx 3

########################################################################
# librenms__nxos_lag-mib (1.3.6.1.4.1.9.12.3.1.3.1955 -> cisco)
PNX=(Ethernet1/1 Ethernet1/13 Ethernet1/16)
fx_check nxos "$S/librenms__nxos_lag-mib.snmprec" auto "${PNX[@]}"
fx_check nxos-gen "$S/librenms__nxos_lag-mib.snmprec" generic-snmp "${PNX[@]}"
# No BRIDGE-MIB at all, no 1.3.6.1.4.1.9.9.82 -> mode and timers unknown.
fx_expect_switch nxos "driver=cisco mode=- fd=- maxage=-"
fx_expect_switch nxos-gen "driver=generic-snmp mode=- fd=- maxage=-"
# DIFFERS from the generic expectation of fixture-expectations.md (unknown, lacp unknown), as
# that file itself recommends: 1.2.840.10006.300.43.1.2.1.1.12.436207616|2|369098852
# (dot3adAggPortSelectedAggID = port-channel101, not its own ifIndex; the only LAG column here)
# -> LACP member, fallback unreadable -> lacp-fallback-unknown (warning).
# 1.3.6.1.2.1.2.2.1.8.436207616|2|1 / 1.3.6.1.2.1.31.1.1.1.15.436207616|66|100000
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port nxos-gen Ethernet1/1 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=- lacp=1 speed=100000"
# 1.3.6.1.2.1.2.2.1.7.436213760|2|1 / 1.3.6.1.2.1.2.2.1.8.436213760|2|2
fx_expect_port nxos-gen Ethernet1/13 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=- lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.7.436215296|2|2 / 1.3.6.1.2.1.2.2.1.8.436215296|2|2
fx_expect_port nxos-gen Ethernet1/16 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=- lacp=- speed=-"
# Cisco adds vmVlan: 1.3.6.1.4.1.9.9.68.1.2.2.1.2.436213760|2|504, ...436215296|2|1; none for 1/1.
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port nxos Ethernet1/1 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=- lacp=1 speed=100000"
fx_expect_port nxos Ethernet1/13 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=504 lacp=- speed=-"
fx_expect_port nxos Ethernet1/16 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"

########################################################################
# librenms__powerconnect_2824 (1.3.6.1.4.1.674.10895.3028: Dell's enterprise 674 -> dell)
fx_check pc "$S/librenms__powerconnect_2824.snmprec" auto g1 g2 g15
# 1.3.6.1.2.1.17.2.16.0|2|2 -> rstp; 1.3.6.1.2.1.17.2.11.0|2|1500; 1.3.6.1.2.1.17.2.8.0|2|2000.
fx_expect_switch pc "driver=dell mode=rstp fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.1|2|1 / 1.3.6.1.2.1.31.1.1.1.15.1|66|1000 / 1.3.6.1.2.1.17.2.15.1.3.1|2|5
# 1.3.6.1.2.1.17.2.19.1.2.1|2|2 / 1.3.6.1.2.1.17.2.19.1.3.1|2|2 / 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|1
# 1.3.6.1.2.1.17.2.7.0|2|1: the root port -> uplink, named: port-is-uplink.
fx_expect_port pc g1 "not-ready ids=stp-not-edge,port-is-uplink bo=30 edge=no stp=forwarding oper=up vlan=1 lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.2|2|1 / 1.3.6.1.2.1.2.2.1.8.2|2|2 / 1.3.6.1.2.1.17.2.15.1.3.2|2|1
# 1.3.6.1.2.1.17.2.19.1.2.2|2|2 / 1.3.6.1.2.1.17.7.1.4.5.1.1.2|66|1
fx_expect_port pc g2 "not-ready ids=link-down,stp-not-edge bo=30 edge=no stp=disabled oper=down vlan=1 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.8.15|2|1 / 1.3.6.1.2.1.31.1.1.1.15.15|66|100 / 1.3.6.1.2.1.17.2.15.1.3.15|2|5
# 1.3.6.1.2.1.17.2.19.1.2.15|2|2 -> stp-not-edge; the name "g15" implies no capability and
# there is no MAU-MIB: 100 Mb/s is not flagged.
fx_expect_port pc g15 "not-ready ids=stp-not-edge bo=30 edge=no stp=forwarding oper=up vlan=1 lacp=- speed=100"
# The port-channels ch1-ch8 (1.3.6.1.2.1.31.1.1.1.1.1000|4|ch1 ... .1007|4|ch8) answer
# 1.3.6.1.2.1.2.2.1.3.1000|2|6 (ethernetCsmacd) but are aggregates: every port is g1-g24,
# less g1, the root port (an uplink, left out): 23 ports, none a ch.
"$PORTREADY" check --walk "$S/librenms__powerconnect_2824.snmprec" --format json \
    >"$PR_TMP/pc-all.json" 2>/dev/null || true
pr_expect_eq "pc: every port is a g port, no ch port-channel" "23 0" \
    "$(pr_json "$PR_TMP/pc-all.json" 'str(len(d["switches"][0]["ports"])) + " " + str(sum(p["name"].startswith("ch") for p in d["switches"][0]["ports"]))')"

########################################################################
# librenms__procurve_e2910 (1.3.6.1.4.1.11.2.3.7.11.84 -> aruba; no object under HP-ICF-BRIDGE
# 1.3.6.1.4.1.11.2.14.11.5.1.12 is recorded, so the facts are the standard MIBs')
fx_check hp "$S/librenms__procurve_e2910.snmprec" auto 3 1 23
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000, no dot1dStpVersion.
fx_expect_switch hp "driver=aruba mode=- fd=15 maxage=20"
# 1.3.6.1.2.1.2.2.1.8.3|2|1 / 1.3.6.1.2.1.31.1.1.1.15.3|66|100
# 1.3.6.1.2.1.17.2.15.1.3.3|2|5 / 1.3.6.1.2.1.17.7.1.4.5.1.1.3|66|72
fx_expect_port hp 3 "unknown ids=- bo=- edge=- stp=forwarding oper=up vlan=72 lacp=- speed=100"
# 1.3.6.1.2.1.2.2.1.7.1|2|1 / 1.3.6.1.2.1.2.2.1.8.1|2|2
# 1.3.6.1.2.1.17.2.15.1.3.1|2|1 / 1.3.6.1.2.1.17.2.15.1.4.1|2|2 (enable=2 on a down port: ignored)
# 1.3.6.1.2.1.17.7.1.4.5.1.1.1|66|22
fx_expect_port hp 1 "not-ready ids=link-down bo=- edge=- stp=disabled oper=down vlan=22 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.8.23|2|1 / 1.3.6.1.2.1.31.1.1.1.15.23|66|1000; no dot1dBasePortIfIndex = 23:
# 1.3.6.1.2.1.17.1.4.1.2.54|2|54 is Trk1 (1.3.6.1.2.1.2.2.1.3.54|2|54), stacked over
# 1.3.6.1.2.1.31.1.2.1.3.54.23|2|1 and 1.3.6.1.2.1.31.1.2.1.3.54.24|2|1: the bridge port, its
# state and PVID are the trunk's, not port 23's -> STP and VLAN unknown.
# 1.0.8802.1.1.2.1.4.1.1.12.0.23.1|4|20 2 (bridge) [switch-name], lldpLocPortId.23 "23"
# -> uplink, named: port-is-uplink.
fx_expect_port hp 23 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"

########################################################################
# librenms__routeros_rb760igs (1.3.6.1.4.1.14988.1 -> mikrotik: the standard MIBs, as MIKROTIK-MIB
# has no bridge object, and RouterOS fixes)
fx_check ros "$S/librenms__routeros_rb760igs.snmprec" auto sfp1 ether5 ether2
# Only 1.3.6.1.2.1.17.2.1.0|2|3 and the port table: no version, no timers.
fx_expect_switch ros "driver=mikrotik mode=- fd=- maxage=-"
# 1.3.6.1.2.1.2.2.1.8.6|2|1 / 1.3.6.1.2.1.31.1.1.1.15.6|66|1000
# 1.3.6.1.2.1.17.1.4.1.2.2|2|6 / 1.3.6.1.2.1.17.2.15.1.3.2|2|5 / 1.3.6.1.2.1.17.7.1.4.5.1.1.2|66|1
fx_expect_port ros sfp1 "unknown ids=- bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.7.5|2|1 / 1.3.6.1.2.1.2.2.1.8.5|2|2 / 1.3.6.1.2.1.17.1.4.1.2.3|2|5
# 1.3.6.1.2.1.17.2.15.1.3.3|2|2 (blocking while down: no finding) / ...7.1.4.5.1.1.3|66|200
fx_expect_port ros ether5 "not-ready ids=link-down bo=- edge=- stp=blocking oper=down vlan=200 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.8.2|2|1 / 1.3.6.1.2.1.31.1.1.1.15.2|66|100; not a bridge port (routed).
fx_expect_port ros ether2 "unknown ids=- bo=- edge=- stp=- oper=up vlan=- lacp=- speed=100"

########################################################################
# librenms__swos (1.3.6.1.4.1.14988.2 -> generic-snmp)
fx_check swos "$S/librenms__swos.snmprec" auto Port1 Port4
# 1.3.6.1.2.1.17.2.11.0|2|6 and 1.3.6.1.2.1.17.2.8.0|2|8: below 400 they cannot be centiseconds
# (802.1D: forward delay 4-30 s, max age 6-40 s) -> the agent reports seconds: 6 s and 8 s.
fx_expect_switch swos "driver=generic-snmp mode=- fd=6 maxage=8"
# The text output carries the switch-level evidence (the JSON has the values only).
"$PORTREADY" check --walk "$S/librenms__swos.snmprec" --verbose Port4 >"$PR_TMP/swos.txt" || true
pr_expect_eq "swos: forward delay evidence says seconds" \
    "forward delay: BRIDGE-MIB dot1dStpForwardDelay.0 = 6: the agent reports seconds" \
    "$(grep -o 'forward delay: .* the agent reports seconds' "$PR_TMP/swos.txt")"
# 1.3.6.1.2.1.2.2.1.8.1|2|1 / 1.3.6.1.2.1.31.1.1.1.15.1|66|100
# 1.3.6.1.2.1.17.2.15.1.3.1|2|5 / 1.3.6.1.2.1.17.2.15.1.4.1|2|1
# 1.3.6.1.2.1.17.2.7.0|2|1: the root port -> uplink, named: port-is-uplink.
fx_expect_port swos Port1 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=- lacp=- speed=100"
# 1.3.6.1.2.1.2.2.1.7.4|2|1 / 1.3.6.1.2.1.2.2.1.8.4|2|2
# 1.3.6.1.2.1.17.2.15.1.3.4|2|2 (blocking while down) / 1.3.6.1.2.1.17.2.15.1.4.4|2|1
fx_expect_port swos Port4 "not-ready ids=link-down bo=- edge=- stp=blocking oper=down vlan=- lacp=- speed=-"

pr_done
