#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The Cisco recordings served live by snmpsim and judged by the cisco driver
# over SNMPv2c (GETBULK, community@VLAN for the PVST+ contexts): the shared
# Catalyst 3560, Nexus 5000, 2960-X, 2960-S (with its VLAN 98 context) and
# Nexus 9300 recordings, and the Catalyst 3750 recording Debian ships with
# snmpsim. For each, 3-4 ports' verdicts derived by hand from the raw values
# (quoted beside the assertions as OID|TYPE|VALUE); the same expectations as
# test_fixture_verdicts.sh asserts on the files, so live equals walk.
#
# Per-VLAN contexts: the only one recorded is librenms__ios_stp-vlans@98, and
# no port of that switch has VLAN 98 as its access or native VLAN (every
# vmVlan row is 1; the one trunk, Gi2/0/24, has native VLAN 1), so no port's
# verdict here depends on a VLAN context. The context itself is checked
# below with raw GETs (community@98 answers VLAN 98's BRIDGE-MIB); the
# driver's use of contexts is covered by tests/unit/test_cisco_snmp.c on a
# synthetic recording. Ports whose VLAN context is not recorded (VLAN 2 on
# the 3560, 60 on the 3750...) keep an unknown STP state: snmpsim does not
# answer the missing community, and the driver gives up on contexts after
# the first timeout (-t 1 -r 0 here).
#
# Summary line per port: see tests/integration/fixture_lib.sh.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/fixture_lib.sh"
pr_need_fixtures
command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"
DEBIAN_3750=/usr/share/doc/snmpsim/examples/data/cisco_16_switch.snmprec.gz
[ -r "$DEBIAN_3750" ] || pr_skip "Debian's snmpsim examples ($DEBIAN_3750) are absent"

PORT=25011
DATA="$PR_TMP/data"
mkdir -p "$DATA"
for name in lextudio__cisco-c3560 lextudio__cisco-n5000 librenms__ios_2960x \
    librenms__ios_stp-vlans librenms__ios_stp-vlans@98 librenms__nxos_lag-mib; do
    cp "$PR_FIXTURES/snmprec/$name.snmprec" "$DATA/"
done
zcat "$DEBIAN_3750" >"$DATA/cisco_16_switch.snmprec"
pr_snmpsim_start "$DATA" "$PORT" cisco_16_switch
AGENT="127.0.0.1:$PORT"

########################################################################
# Debian's Catalyst 3750 (community cisco_16_switch), derived here.
# 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.516          Cisco -> the cisco driver
# 1.3.6.1.4.1.9.9.82.1.6.1.0|2|1                   stpxSpanningTreeType pvstPlus -> pvst (legacy)
# 1.3.6.1.2.1.17.2.11.0|2|1500, 1.3.6.1.2.1.17.2.8.0|2|2000 (VLAN 1) -> 15 s, 20 s
# 1.3.6.1.4.1.9.9.82.1.9.4.0|2|2                   stpxFastStartGlobalDefaultMode disable
# 1.3.6.1.4.1.9.9.82.1.9.1.0|2|2                   stpxFastStartBpduGuardEnable false
# 1.3.6.1.4.1.9.9.82.1.9.3.1.3.N|2|4 for all 52 bridge ports 109-160 (PortFast "default")
# 1.3.6.1.4.1.9.5.1.4.1.1.12.3.N|2|2 for all 52 ports (CISCO-STACK portSpantreeFastStart disable)
# -> no port is edge: stp-not-edge (critical) and, PVST+ being legacy, stp-legacy-mode (critical);
#    blackout 2 x 15 = 30 s.
# 1.3.6.1.4.1.9.9.548.1.1.1.0|66|300 (CISCO-ERR-DISABLE-MIB present), no 548.1.3 row: none err-disabled.
fx_check c3750 "live:$AGENT:cisco_16_switch" auto Fa3/0/48 Fa3/0/3 Fa3/0/8 Fa3/0/46
fx_expect_switch c3750 "driver=cisco mode=pvst fd=15 maxage=20"
# Fa3/0/48 (ifIndex 11048):
# 1.3.6.1.2.1.31.1.1.1.1.11048|4x|4661332f302f3438   [Fa3/0/48]
# 1.3.6.1.2.1.2.2.1.7.11048|2|1 / 1.3.6.1.2.1.2.2.1.8.11048|2|1 / 1.3.6.1.2.1.31.1.1.1.15.11048|66|100
# 1.3.6.1.2.1.17.1.4.1.2.160|2|11048               bridge port 160 in VLAN 1
# 1.3.6.1.2.1.17.2.15.1.3.160|2|5                  forwarding (the only STP row of VLAN 1)
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.11048|2|1 / 1.3.6.1.4.1.9.9.46.1.6.1.1.5.11048|2|1  trunk, native 1
# 1.3.6.1.4.1.9.9.82.1.9.3.1.3.160|2|4             default -> global disable -> edge no
# 100 Mb/s on a Fa port (capability 100): no speed finding.
# It is an uplink, named here, so also port-is-uplink (warning):
# 1.3.6.1.2.1.17.2.7.0|2|160                       the root port: bridge port 160
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.11048.8|4x|00000029  CDP capabilities router, switch, igmp
# 1.3.6.1.4.1.9.9.23.1.2.1.1.6.11048.8|4x|4332393630582e7561632e6c6f63616c  [C2960X.uac.local]
# (1.3.6.1.2.1.17.2.15.1.8.160|4x|80016899cda59f80 is another bridge, but the port forwards:
# the root port, already counted.)
fx_expect_port c3750 Fa3/0/48 "not-ready ids=stp-not-edge,stp-legacy-mode,port-is-uplink bo=30 edge=no stp=forwarding oper=up vlan=1 lacp=- speed=100"
fx_expect_role c3750 Fa3/0/48 uplink
# No CDP neighbour, not the root port, not blocked: unknown.
fx_expect_role c3750 Fa3/0/3 unknown
# 1.3.6.1.4.1.9.9.82.1.9.3.1.4.160|2|3 (BPDU guard default) + 9.1.0|2|2 -> off (no finding: not edge).
pr_expect_eq "c3750: Fa3/0/48 bpdu guard" "off" \
    "$(python3 -c 'import json,sys
for p in json.load(open(sys.argv[1]))["switches"][0]["ports"]:
    if p["name"] == "Fa3/0/48": print(p["facts"]["bpdu_guard"])' "$PR_TMP/c3750.json")"
# Fa3/0/3 (ifIndex 11003), an access port of VLAN 60:
# 1.3.6.1.2.1.2.2.1.7.11003|2|1 / 1.3.6.1.2.1.2.2.1.8.11003|2|1 / 1.3.6.1.2.1.31.1.1.1.15.11003|66|100
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.11003|2|2 (notTrunking) / 1.3.6.1.4.1.9.9.68.1.2.2.1.2.11003|2|60
# not a bridge port of VLAN 1; VLAN 60's context is not recorded -> STP state unknown;
# 1.3.6.1.4.1.9.5.1.4.1.1.11.3.5|2|11003 / 1.3.6.1.4.1.9.5.1.4.1.1.12.3.5|2|2 -> edge no.
fx_expect_port c3750 Fa3/0/3 "not-ready ids=stp-not-edge,stp-legacy-mode bo=30 edge=no stp=- oper=up vlan=60 lacp=- speed=100"
# Fa3/0/8 (ifIndex 11008), VLAN 1, no link:
# 1.3.6.1.2.1.2.2.1.7.11008|2|1 / 1.3.6.1.2.1.2.2.1.8.11008|2|2
# 1.3.6.1.2.1.17.1.4.1.2.118|2|11008 (no 17.2.15 row for 118) / 1.3.6.1.4.1.9.9.68.1.2.2.1.2.11008|2|1
# 1.3.6.1.4.1.9.9.82.1.9.3.1.3.118|2|4 -> edge no -> link-down + the two STP findings.
fx_expect_port c3750 Fa3/0/8 "not-ready ids=link-down,stp-not-edge,stp-legacy-mode bo=30 edge=no stp=- oper=down vlan=1 lacp=- speed=-"
# Fa3/0/46 (ifIndex 11046), shut:
# 1.3.6.1.2.1.2.2.1.7.11046|2|2 / 1.3.6.1.2.1.2.2.1.8.11046|2|2 -> admin-down (no link-down on top)
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.11046|2|2 and no vmVlan row -> VLAN unknown
# 1.3.6.1.4.1.9.5.1.4.1.1.12.3.50|2|2 (portIfIndex.3.50 = 11046) -> edge no.
fx_expect_port c3750 Fa3/0/46 "not-ready ids=admin-down,stp-not-edge,stp-legacy-mode bo=30 edge=no stp=- oper=down vlan=- lacp=- speed=-"
fx_expect_rc c3750 2
# The same file read with --walk gives the same lines.
fx_check c3750-walk "$DATA/cisco_16_switch.snmprec" auto Fa3/0/48 Fa3/0/3 Fa3/0/8 Fa3/0/46
pr_expect_eq "c3750: live equals walk" "$(cat "$PR_TMP/c3750-walk.sum")" "$(cat "$PR_TMP/c3750.sum")"

########################################################################
# lextudio__cisco-c3560: raw lines in test_fixture_verdicts.sh. In short:
# 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5 rapid-pvst; VLAN 1 has no bridge port (1.3.6.1.2.1.17.1.2.0|2|0),
# so no timers; FastStart default(4) + global disable(2), STACK FastStart disable(2) -> edge no.
fx_check c3560 "live:$AGENT:lextudio__cisco-c3560" auto Gi0/1 Gi0/50 Gi0/49
fx_expect_switch c3560 "driver=cisco mode=rapid-pvst fd=- maxage=-"
# 1.3.6.1.2.1.2.2.1.8.10101|2|2, 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10101|2|3, LAG ...13.10101|2|0
fx_expect_port c3560 Gi0/1 "not-ready ids=link-down,stp-not-edge bo=30 edge=no stp=- oper=down vlan=3 lacp=0 speed=-"
# 1.3.6.1.2.1.2.2.1.8.10150|2|1, 1.3.6.1.2.1.31.1.1.1.15.10150|66|1000, vmVlan ...10150|2|2
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10150.4|4x|00000029: a CDP router/switch -> port-is-uplink
fx_expect_port c3560 Gi0/50 "not-ready ids=stp-not-edge,port-is-uplink bo=30 edge=no stp=- oper=up vlan=2 lacp=0 speed=1000"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.14.10149|2|1 (trunking), ...46.1.6.1.1.5.10149|2|1 (native 1)
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10149.2|4x|00000029 -> port-is-uplink
fx_expect_port c3560 Gi0/49 "not-ready ids=stp-not-edge,port-is-uplink bo=30 edge=no stp=- oper=up vlan=1 lacp=0 speed=1000"

########################################################################
# lextudio__cisco-n5000: 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5, 1.3.6.1.2.1.17.2.11.0|2|1500,
# 1.3.6.1.2.1.17.2.8.0|2|2000; no FastStart objects -> edge unknown.
fx_check n5k "live:$AGENT:lextudio__cisco-n5000" auto Ethernet1/3 Ethernet1/19 Ethernet1/8
fx_expect_switch n5k "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# 1.2.840.10006.300.43.1.2.1.1.13.436215808|2|369098782 (member), vmVlan ...436215808|2|71
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port n5k Ethernet1/3 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=71 lacp=1 speed=10000"
# 1.3.6.1.2.1.17.1.4.1.2.147|2|436281344, 1.3.6.1.2.1.17.2.15.1.3.147|2|5, trunk native 1
# 1.0.8802.1.1.2.1.4.1.1.12.0.436281344.0|4x|20000000: an LLDP bridge -> port-is-uplink
fx_expect_port n5k Ethernet1/19 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=10000"
# 1.3.6.1.2.1.2.2.1.7.436236288|2|2
fx_expect_port n5k Ethernet1/8 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"

########################################################################
# librenms__ios_2960x: 1.3.6.1.4.1.9.9.82.1.6.1.0|2|5; timers 1500/2000; no FastStart.
fx_check 2960x "live:$AGENT:librenms__ios_2960x" auto Gi1/0/3 Gi1/0/9 Gi1/0/47
fx_expect_switch 2960x "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10103|2|4 (dot1Q), ...46.1.6.1.1.5.10103|2|534: VLAN 534 not recorded.
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10103.1|4x|00000026: a CDP trans-bridge (an AP) -> port-is-uplink
fx_expect_port 2960x Gi1/0/3 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=534 lacp=- speed=1000"
# 1.3.6.1.4.1.9.9.68.1.2.2.1.2.10109|2|512: VLAN 512 not recorded.
fx_expect_port 2960x Gi1/0/9 "unknown ids=- bo=- edge=- stp=- oper=up vlan=512 lacp=- speed=1000"
# 1.3.6.1.2.1.2.2.1.8.10147|2|2, vmVlan ...10147|2|1
fx_expect_port 2960x Gi1/0/47 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"

########################################################################
# librenms__ios_stp-vlans and its VLAN 98 context.
fx_check sv "live:$AGENT:librenms__ios_stp-vlans" auto Gi2/0/1 Gi2/0/3 Gi2/0/24
fx_expect_switch sv "driver=cisco mode=rapid-pvst fd=15 maxage=20"
# 1.3.6.1.2.1.31.1.1.1.15.10601|66|100 on Gi2/0/1 (gigabit by name), state .57|2|5, vmVlan 1
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port sv Gi2/0/1 "unknown ids=speed-degraded bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=100"
# 1.3.6.1.2.1.2.2.1.8.10603|2|2, vmVlan ...10603|2|1
fx_expect_port sv Gi2/0/3 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"
# 1.3.6.1.4.1.9.9.46.1.6.1.1.16.10624|2|4 (trunk), ...5.10624|2|1 (native 1), .17.2.15.1.3.80|2|5
# 1.3.6.1.2.1.17.2.7.0|2|80: the root port -> port-is-uplink
fx_expect_port sv Gi2/0/24 "unknown ids=port-is-uplink bo=- edge=- stp=forwarding oper=up vlan=1 lacp=- speed=1000"
# How community@VLAN answers: the @98 file's BRIDGE-MIB, not the default context's.
#   default: 1.3.6.1.2.1.17.2.2.0|2|32769 (priority 32768 + VLAN 1)
#   @98:     1.3.6.1.2.1.17.2.2.0|2|32866 (32768 + 98), 1.3.6.1.2.1.17.1.4.1.2.80|2|10624,
#            1.3.6.1.2.1.17.2.15.1.3.80|2|5
pr_expect_eq "sv: priority in the default context (VLAN 1)" "INTEGER: 32769" \
    "$(snmpget -v2c -c librenms__ios_stp-vlans -t 1 -r 0 -On -Ov "$AGENT" 1.3.6.1.2.1.17.2.2.0)"
pr_expect_eq "sv: priority through community@98" "INTEGER: 32866" \
    "$(snmpget -v2c -c librenms__ios_stp-vlans@98 -t 1 -r 0 -On -Ov "$AGENT" 1.3.6.1.2.1.17.2.2.0)"
pr_expect_eq "sv: VLAN 98 bridge port 80 is Gi2/0/24 and forwards" "INTEGER: 10624 INTEGER: 5" \
    "$(snmpget -v2c -c librenms__ios_stp-vlans@98 -t 1 -r 0 -On -Ov "$AGENT" \
        1.3.6.1.2.1.17.1.4.1.2.80 1.3.6.1.2.1.17.2.15.1.3.80 | tr '\n' ' ' | sed 's/ $//')"

########################################################################
# librenms__nxos_lag-mib: no BRIDGE-MIB, no stpx -> STP unknown throughout.
fx_check nxos "live:$AGENT:librenms__nxos_lag-mib" auto Ethernet1/1 Ethernet1/13 Ethernet1/16
fx_expect_switch nxos "driver=cisco mode=- fd=- maxage=-"
# 1.2.840.10006.300.43.1.2.1.1.12.436207616|2|369098852 (SelectedAggID: port-channel101)
# edge unknown (edge=-): not-ready > unknown > warning, a warning never hides an unknown blocker
fx_expect_port nxos Ethernet1/1 "unknown ids=lacp-fallback-unknown bo=- edge=- stp=- oper=up vlan=- lacp=1 speed=100000"
# 1.3.6.1.2.1.2.2.1.8.436213760|2|2, 1.3.6.1.4.1.9.9.68.1.2.2.1.2.436213760|2|504
fx_expect_port nxos Ethernet1/13 "not-ready ids=link-down bo=- edge=- stp=- oper=down vlan=504 lacp=- speed=-"
# 1.3.6.1.2.1.2.2.1.7.436215296|2|2, vmVlan ...436215296|2|1
fx_expect_port nxos Ethernet1/16 "not-ready ids=admin-down bo=- edge=- stp=- oper=down vlan=1 lacp=- speed=-"

pr_done
