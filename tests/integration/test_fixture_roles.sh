#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Port roles on the real recordings of ../shared/fixtures/snmprec, derived
# by hand from the raw lines quoted beside each assertion (OID|TYPE|VALUE):
# LLDP-MIB lldpRemTable (1.0.8802.1.1.2.1.4.1.1; .12 lldpRemSysCapEnabled,
# BITS bridge(2) 0x20, router(4) 0x08, stationOnly(7) 0x01, or net-snmp's
# text of BITS "28 2 4" as LibreNMS's recordings keep it), CISCO-CDP-MIB
# cdpCacheTable (1.3.6.1.4.1.9.9.23.1.2.1.1; .9 capabilities, router 0x01,
# trans-bridge 0x02, sr-bridge 0x04, switch 0x08, host 0x10, igmp 0x20; read by
# the cisco driver only), BRIDGE-MIB dot1dStpRootPort (1.3.6.1.2.1.17.2.7.0),
# dot1dStpPortDesignatedBridge (1.3.6.1.2.1.17.2.15.1.8) against
# dot1dBaseBridgeAddress (1.3.6.1.2.1.17.1.1.0) on blocked ports.
#
# With no port named, the physical ports whose role is uplink are left out
# and listed (fx_uplinks); --all-ports judges them with port-is-uplink.
# No recording here has a station-only LLDP neighbour or a CDP host: no
# server role comes from real data (the lab has them, test_lab_audit.sh).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/fixture_lib.sh"
pr_need_fixtures
S="$PR_FIXTURES/snmprec"

# roles OUT WHERE DRIVER: every port, uplinks left out; then with --all-ports.
roles() {
    fx_check "$1" "$2" "$3"
    fx_check "$1-all" "$2" "$3" --all-ports
}
# evidence OUT PORT: the role evidence of PORT in OUT-all (every port).
evidence() {
    pr_json "$PR_TMP/$1-all.json" "[p['role_evidence'] for p in d['switches'][0]['ports'] if p['name']=='$2'][0]"
}

########################################################################
# lextudio__cisco-n5000 (NX-OS): lldpRemLocalPortNum is the ifIndex.
# 1.0.8802.1.1.2.1.4.1.1.12.0.436207616.0|4x|28000000   bridge, router  [H3C-1]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436211712.0|4x|28000000   bridge, router  [H3C-2]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436240384.0|4x|28000000   bridge, router  [H3C]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436281344.0|4x|20000000   bridge  [ProCurve 6120XG Blade Switch]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436289536.0|4x|20000000   bridge  [NWPU-CA-5548-02]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436293632.0|4x|20000000   bridge  [NWPU-CA-5548-02]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436297728.0|4x|20000000   bridge  [NWPU-UCS-FI-A]
# 1.0.8802.1.1.2.1.4.1.1.12.0.436301824.0|4x|20000000   bridge  [NWPU-UCS-FI-B]
# 1.0.8802.1.1.2.1.3.7.1.4.436207616|4x|45746865726e6574312f31 [Ethernet1/1] = ifName.436207616
# 1.0.8802.1.1.2.1.3.7.1.4.436240384|4x|683363206269672064617461 [h3c big data]: not a name;
#   436240384 is then the ifIndex of Ethernet1/9 (1.3.6.1.2.1.31.1.1.1.1.436240384 [Ethernet1/9]).
# 1.0.8802.1.1.2.1.4.1.1.12.0.83886080.0|4x|20000000 is on mgmt0: not a physical port.
# -> eight uplinks, the same with either driver.
N5K_UP="Ethernet1/1 Ethernet1/2 Ethernet1/9 Ethernet1/19 Ethernet1/21 Ethernet1/22 Ethernet1/23 Ethernet1/24"
roles n5k "$S/lextudio__cisco-n5000.snmprec" auto
roles n5k-gen "$S/lextudio__cisco-n5000.snmprec" generic-snmp
fx_expect_uplinks n5k "$N5K_UP"
fx_expect_uplinks n5k-gen "$N5K_UP"
fx_expect_role n5k-all Ethernet1/9 uplink
pr_expect_eq "n5k: Ethernet1/9 found by ifIndex (its lldpLocPortDesc is a description)" \
    "LLDP-MIB lldpRemSysCapEnabled.0.436240384.0 = 28 00 00 00 (bridge, router); neighbour H3C port \"Ten-GigabitEther\"; local port 436240384 = ifIndex 436240384" \
    "$(evidence n5k Ethernet1/9)"
# The cisco driver adds CDP on the same port:
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.436289536.10551297|4x|00000229  router, switch, igmp (+0x200)
grep -qF "CISCO-CDP-MIB cdpCacheCapabilities.436289536.10551297 = 00 00 02 29 (router, switch, igmp, other bits 0x200)" \
    <<<"$(evidence n5k Ethernet1/21)" && pr_pass "n5k: Ethernet1/21 has its CDP evidence too" ||
    pr_fail "n5k: Ethernet1/21 evidence: $(evidence n5k Ethernet1/21)"
grep -qF "CISCO-CDP-MIB" <<<"$(evidence n5k-gen Ethernet1/21)" &&
    pr_fail "n5k-gen: the generic driver read CDP" || pr_pass "n5k-gen: no CDP without the cisco driver"
# Ethernet1/3 (1.2.840.10006.300.43.1.2.1.1.13.436215808|2|369098782, a member of
# port-channel31): no neighbour row for 436215808 -> unknown.
fx_expect_role n5k-all Ethernet1/3 unknown
# port-channel11 (bridge port 4106): 1.3.6.1.2.1.17.2.15.1.8.4106|4x|80018c604f191c01 is not
# 1.3.6.1.2.1.17.1.1.0|4x|8c604f19167c, but 1.3.6.1.2.1.17.2.15.1.3.4106|2|5 forwards (the vPC
# peer answers for the pair): not a sign of another bridge, and port-channels are not judged.
pr_expect_eq "n5k: 24 ports judged, 32 with --all-ports" "24 32" \
    "$(pr_json "$PR_TMP/n5k.json" 'len(d["switches"][0]["ports"])') $(pr_json "$PR_TMP/n5k-all.json" 'len(d["switches"][0]["ports"])')"
pr_expect_eq "n5k --all-ports: summary.uplinks 0, port-is-uplink on Ethernet1/1" "0 True" \
    "$(pr_json "$PR_TMP/n5k-all.json" 'str(d["summary"]["uplinks"]) + " " + str(any(f["id"]=="port-is-uplink" for p in d["switches"][0]["ports"] if p["name"]=="Ethernet1/1" for f in p["findings"]))')"

########################################################################
# librenms__arubaos-cx_10.07: the local port is the bridge port (= ifIndex), lldpLocPortId
# "1/1/N"; several time marks per neighbour (61290, 6129087, ...), one role.
# 1.0.8802.1.1.2.1.4.1.1.12.61290.41.1|4|20 2      bridge [switch-name]   (44, 45, 46 likewise)
# 1.0.8802.1.1.2.1.4.1.1.12.61290.47.14|4|20 2     bridge   (1.3.6.1.2.1.31.1.1.1.18.47 "to idf")
# 1.0.8802.1.1.2.1.4.1.1.12.61290.48.13|4|20 2     bridge
# 1.0.8802.1.1.2.1.4.1.1.12.61290.51.1|4|28 2 4    bridge, router (ifAlias "uplink")
# 1.0.8802.1.1.2.1.4.1.1.12.61290.52.111|4|28 2 4  bridge, router
# 1.0.8802.1.1.2.1.4.1.1.12.61290.1.1|4|10 3       wlanAccessPoint [aruba-ap-name]: neither
#   a bridge or router nor a station -> unknown (1/1/1 to 1/1/26)
# 1.0.8802.1.1.2.1.4.1.1.12.61290583.38.113|4|     nothing enabled -> unknown
roles aruba "$S/librenms__arubaos-cx_10.07.snmprec" auto
fx_expect_uplinks aruba "1/1/41 1/1/44 1/1/45 1/1/46 1/1/47 1/1/48 1/1/51 1/1/52"
fx_expect_role aruba 1/1/1 unknown
fx_expect_role aruba 1/1/38 unknown
fx_expect_role aruba-all 1/1/52 uplink
"$PORTREADY" check --walk "$S/librenms__arubaos-cx_10.07.snmprec" >"$PR_TMP/aruba.txt" || true
pr_expect_eq "aruba: the text names each uplink with its reason" \
    "  uplinks left out: 1/1/41 (LLDP neighbour switch-name, bridge), 1/1/44 (LLDP neighbour" \
    "$(grep '^  uplinks left out' "$PR_TMP/aruba.txt")"
pr_expect_eq "aruba: summary" "Summary: 1 switch, 44 ports: 0 ready, 0 warning, 15 not ready, 29 unknown; 8 uplinks left out" \
    "$(grep '^Summary' "$PR_TMP/aruba.txt")"

########################################################################
# librenms__arista_eos: lldpLocPortId.N = "EthernetN" (1.0.8802.1.1.2.1.3.7.1.3.48|4|Ethernet48).
# 1.0.8802.1.1.2.1.4.1.1.12.0.48.1|4|28 00 2 4  bridge, router [4900M-CORE.example.net] -> uplink
# 1.0.8802.1.1.2.1.4.1.1.12.0.47.2|4|00 00      nothing enabled [3750E-Estudio1.example.net]: a
#   switch by its name, but the name is no evidence -> unknown
# 1.0.8802.1.1.2.1.4.1.1.12.0.1.68|4|00 00      (chassis 001B21BBE6F0, an Intel NIC) -> unknown
roles eos "$S/librenms__arista_eos.snmprec" auto
roles eos-gen "$S/librenms__arista_eos.snmprec" generic-snmp
fx_expect_uplinks eos Ethernet48
fx_expect_uplinks eos-gen Ethernet48
fx_expect_role eos Ethernet47 unknown
fx_expect_role eos Ethernet1 unknown
"$PORTREADY" check --walk "$S/librenms__arista_eos.snmprec" >"$PR_TMP/eos.txt" || true
pr_expect_eq "eos: uplinks left out" \
    "  uplinks left out: Ethernet48 (LLDP neighbour 4900M-CORE.example.net, bridge, router)" \
    "$(grep '^  uplinks left out' "$PR_TMP/eos.txt")"
pr_expect_eq "eos: Ethernet48's evidence" \
    "LLDP-MIB lldpRemSysCapEnabled.0.48.1 = \"28 00 2 4\" (bridge, router) in net-snmp's text form of BITS; neighbour 4900M-CORE.example.net port \"Te1/3\"; lldpLocPortId.48 = \"Ethernet48\"" \
    "$(evidence eos Ethernet48)"

########################################################################
# librenms__junos_qfx5100: the local port is the ifIndex of the physical interface.
# 1.0.8802.1.1.2.1.4.1.1.12.35684499.513.3|4|28 2 4   bridge, router [devicea]
# 1.0.8802.1.1.2.1.4.1.1.12.35688385.518.4|4|28 2 4   bridge, router [deviceb]
# 1.0.8802.1.1.2.1.3.7.1.3.513|4|513 is no interface name; 1.3.6.1.2.1.31.1.1.1.1.513|4|xe-0/0/0,
# 1.3.6.1.2.1.31.1.1.1.1.518|4|xe-0/0/1; bridge ports are 4097.. (1.3.6.1.2.1.17.1.4.1.2.4097|2|513).
roles qfx "$S/librenms__junos_qfx5100.snmprec" auto
fx_expect_uplinks qfx "xe-0/0/0 xe-0/0/1"
pr_expect_eq "qfx: xe-0/0/0 found as ifIndex 513" "local port 513 = ifIndex 513" \
    "$(evidence qfx xe-0/0/0 | sed 's/.*; //')"

########################################################################
# librenms__routeros_rb760igs: every row has lldpRemLocalPortNum 0 (not an LldpPortNumber):
# 1.0.8802.1.1.2.1.4.1.1.12.0.0.1|4|28 2 4 ... 1.0.8802.1.1.2.1.4.1.1.12.0.0.10|4|00
# no lldpLocPortTable, no dot1dStpRootPort: no port can be told -> no uplink, all unknown.
roles ros "$S/librenms__routeros_rb760igs.snmprec" auto
fx_expect_uplinks ros -
fx_expect_role ros sfp1 unknown

########################################################################
# librenms__procurve_e2910: lldpLocPortId.N = "N" = ifName.N.
# 1.0.8802.1.1.2.1.4.1.1.12.0.23.1|4|20 2   bridge [switch-name]
# 1.0.8802.1.1.2.1.4.1.1.12.0.24.1|4|20 2   bridge
# (1.3.6.1.2.1.17.2.7.0|2|54 is Trk1, 1.3.6.1.2.1.2.2.1.3.54|2|54: not a physical port.)
roles hp "$S/librenms__procurve_e2910.snmprec" auto
fx_expect_uplinks hp "23 24"
fx_expect_port hp-all 23 "unknown ids=port-is-uplink bo=- edge=- stp=- oper=up vlan=- lacp=- speed=1000"

########################################################################
# librenms__ios_2960x: CDP (the cisco driver).
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10152.8|4x|00000029  router, switch, igmp [acme-fr-s-001, WS-C3850]
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.11152.7|4x|00000029  (Gi3/0/52)
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10103.1|4x|00000026  trans-bridge, sr-bridge, igmp
#   [acme-fr-ap-011, cisco AIR-AP2702I-UXK9]: access points bridge, so by the rule these are
#   uplinks too (10104.2, 10105.3, 11103.5, 11104.4 likewise)
# 1.3.6.1.2.1.17.2.7.0|2|456 -> 1.3.6.1.2.1.17.1.4.1.2.456|2|5001 (Po1): not a physical port.
roles 2960x "$S/librenms__ios_2960x.snmprec" auto
roles 2960x-gen "$S/librenms__ios_2960x.snmprec" generic-snmp
fx_expect_uplinks 2960x "Gi1/0/3 Gi1/0/4 Gi1/0/5 Gi1/0/52 Gi3/0/3 Gi3/0/4 Gi3/0/52"
fx_expect_uplinks 2960x-gen -
fx_expect_role 2960x-gen Gi1/0/52 unknown

########################################################################
# lextudio__cisco-c3560: CDP neighbours on the four uplink ports, each 00000029 (router, switch,
# igmp): 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10149.2, .10150.4 (and six more on 10150), .10151.1,
# .10152.3; ifName 10149-10152 = Gi0/49-Gi0/52. No lldpRemTable (lldpLocPortTable only).
roles c3560 "$S/lextudio__cisco-c3560.snmprec" auto
roles c3560-gen "$S/lextudio__cisco-c3560.snmprec" generic-snmp
fx_expect_uplinks c3560 "Gi0/49 Gi0/50 Gi0/51 Gi0/52"
fx_expect_uplinks c3560-gen -

########################################################################
# lextudio__h3c-e528-2: no lldpLocPortTable; bridge port 24 is ifIndex 24
# (1.3.6.1.2.1.17.1.4.1.2.24|2|24).
# 1.0.8802.1.1.2.1.4.1.1.12.1169175.24.1|4x|28   bridge, router [WRD-Huiju-2]
roles h3c "$S/lextudio__h3c-e528-2.snmprec" auto
fx_expect_uplinks h3c GigabitEthernet1/0/24

########################################################################
# The root port alone.
# librenms__ios_stp-vlans: 1.3.6.1.2.1.17.2.7.0|2|80, 1.3.6.1.2.1.17.1.4.1.2.80|2|10624 (Gi2/0/24).
# Bridge ports 57, 58, 60 have 1.3.6.1.2.1.17.2.15.1.8.57|4x|80010C85255CE500, not
# 1.3.6.1.2.1.17.1.1.0|4x|0C8525FFFF00 (the address was rewritten in the recording: VLAN 98's
# tree names 0C85255CE500 as itself, 1.3.6.1.2.1.17.2.5.0|4x|80620C85255CE500 with root port
# 0), and they forward (1.3.6.1.2.1.17.2.15.1.3.57|2|5): no sign of another bridge.
roles sv "$S/librenms__ios_stp-vlans.snmprec" auto
fx_expect_uplinks sv Gi2/0/24
fx_expect_role sv Gi2/0/1 unknown
# librenms__powerconnect_2824: 1.3.6.1.2.1.17.2.7.0|2|1, bridge port 1 = ifIndex 1 (g1).
roles pc "$S/librenms__powerconnect_2824.snmprec" auto
fx_expect_uplinks pc g1
pr_expect_eq "pc: g1's evidence" \
    "BRIDGE-MIB dot1dStpRootPort.0 = 1 (bridge port 1: the way to the root bridge)" \
    "$(evidence pc g1)"
# librenms__swos: 1.3.6.1.2.1.17.2.7.0|2|1, bridge port 1 = ifIndex 1 (Port1).
roles swos "$S/librenms__swos.snmprec" auto
fx_expect_uplinks swos Port1
# lextudio__huawei-s5720: 1.3.6.1.2.1.17.2.7.0|2|29, 1.3.6.1.2.1.17.1.4.1.2.29|2|34
# (XGigabitEthernet0/0/1).
roles huawei "$S/lextudio__huawei-s5720.snmprec" auto
fx_expect_uplinks huawei XGigabitEthernet0/0/1
# librenms__awplus_5.4.8-2: 1.3.6.1.2.1.17.2.7.0|2|0 (this bridge is the root), every
# 1.3.6.1.2.1.17.2.15.1.8.N|4x|10000000CD3704C1 is this bridge: no uplink.
roles awplus "$S/librenms__awplus_5.4.8-2.snmprec" auto
fx_expect_uplinks awplus -
# centreon__network-mellanox: no LLDP, CDP, root port or bridge address: no uplink.
roles mlx "$S/centreon__network-mellanox.snmpwalk" auto
fx_expect_uplinks mlx -

pr_done
