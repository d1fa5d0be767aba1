#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready locate on the real recordings of ../shared/fixtures/snmprec that
# carry a forwarding table, each expectation derived by hand from the raw
# lines quoted beside it (OID|TYPE|VALUE): BRIDGE-MIB dot1dTpFdbPort
# 1.3.6.1.2.1.17.4.3.1.2.MAC (a bridge port), dot1dTpFdbStatus .3 (learned
# 3), Q-BRIDGE-MIB dot1qTpFdbPort 1.3.6.1.2.1.17.7.1.2.2.1.2.FDBID.MAC,
# dot1qTpFdbStatus .3, dot1qVlanFdbId 1.3.6.1.2.1.17.7.1.4.2.1.3.0.VLAN, the
# bridge-port map dot1dBasePortIfIndex 1.3.6.1.2.1.17.1.4.1.2.PORT and ifName
# 1.3.6.1.2.1.31.1.1.1.1.IFINDEX. The MAC is the last six arcs, in decimal.
# The port's role comes from the roles the recording gives
# (test_fixture_roles.sh): an uplink is never the MAC's port.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
S="$PR_FIXTURES/snmprec"

# loc NAME FILE MAC...: locate --format json into $PR_TMP/NAME.json, exit in NAME.rc
loc() {
    local name=$1 file=$2
    shift 2
    set +e
    "$PORTREADY" locate --format json --walk "$file" "$@" >"$PR_TMP/$name.json" 2>"$PR_TMP/$name.err"
    echo $? >"$PR_TMP/$name.rc"
    set -e
}
# field NAME I KEY: locate[I][KEY]
field() { pr_json "$PR_TMP/$1.json" "d['locate'][$2]['$3']"; }
seen() { pr_json "$PR_TMP/$1.json" "' '.join(s['port']+'/'+s['role'] for s in d['locate'][$2]['seen_on'])"; }

########################################################################
# librenms__swos (MikroTik SwOS, BRIDGE-MIB without status):
# 1.3.6.1.2.1.17.4.3.1.2.0.224.248.12.46.203|2|3   00:e0:f8:0c:2e:cb on bridge port 3
# 1.3.6.1.2.1.17.1.4.1.2.3|2|3                     bridge port 3 = ifIndex 3
# 1.3.6.1.2.1.31.1.1.1.1.3|4|Port3                 ifName Port3
loc swos "$S/librenms__swos.snmprec" 00e0.f80c.2ecb
pr_expect_eq "swos: 00:e0:f8:0c:2e:cb is on Port3" "Port3" "$(field swos 0 port)"
pr_expect_eq "swos: its evidence is the raw row" \
    "$S/librenms__swos.snmprec: BRIDGE-MIB dot1dTpFdbPort.0.224.248.12.46.203 = 3; BRIDGE-MIB dot1dBasePortIfIndex.3 = 3; 1 MAC learned on the port" \
    "$(field swos 0 evidence)"
pr_expect_eq "swos: the verdict is Port3's port object" "Port3" "$(pr_json "$PR_TMP/swos.json" "d['locate'][0]['verdict']['name']")"

########################################################################
# lextudio__huawei-s5720 (BRIDGE-MIB with status):
# 1.3.6.1.2.1.17.4.3.1.2.196.47.144.32.95.140|2|6   c4:2f:90:20:5f:8c on bridge port 6
# 1.3.6.1.2.1.17.4.3.1.3.196.47.144.32.95.140|2|3   learned
# 1.3.6.1.2.1.17.1.4.1.2.6|2|11                     bridge port 6 = ifIndex 11
# 1.3.6.1.2.1.31.1.1.1.1.11|4x|4769676162697445746865726e6574302f302f36  GigabitEthernet0/0/6
# Bridge port 29 holds 24 MACs, among them
# 1.3.6.1.2.1.17.4.3.1.2.0.11.134.169.86.192|2|29   00:0b:86:a9:56:c0
# 1.3.6.1.2.1.17.1.4.1.2.29|2|34                    ifIndex 34, XGigabitEthernet0/0/1 (584769...31)
# 1.3.6.1.2.1.17.2.7.0|2|29                         dot1dStpRootPort: bridge port 29, an uplink,
# so that MAC is seen only behind it.
loc huawei "$S/lextudio__huawei-s5720.snmprec" c4:2f:90:20:5f:8c 00-0B-86-A9-56-C0
pr_expect_eq "huawei: c4:2f:90:20:5f:8c on GigabitEthernet0/0/6" "GigabitEthernet0/0/6" "$(field huawei 0 port)"
grep -qF "dot1dTpFdbStatus.196.47.144.32.95.140 = learned(3)" <<<"$(field huawei 0 evidence)" &&
    pr_pass "huawei: the status row is in the evidence" || pr_fail "huawei: status evidence: $(field huawei 0 evidence)"
pr_expect_eq "huawei: 00:0b:86:a9:56:c0 is not located" "None" "$(field huawei 1 port)"
pr_expect_eq "huawei: it is seen on the uplink" "XGigabitEthernet0/0/1/uplink" "$(seen huawei 1)"
pr_expect_eq "huawei: a MAC not located makes exit 3" "3" "$(cat "$PR_TMP/huawei.rc")"

########################################################################
# librenms__ios_2960x (cisco driver, BRIDGE-MIB of the default context):
# 1.3.6.1.2.1.17.4.3.1.2.100.246.157.177.228.76|2|3   64:f6:9d:b1:e4:4c on bridge port 3
# 1.3.6.1.2.1.17.1.4.1.2.3|2|10103                    ifIndex 10103 = Gi1/0/3
# 1.3.6.1.2.1.17.4.3.1.2.4.98.115.32.222.20|2|456     04:62:73:20:de:14 on bridge port 456
# 1.3.6.1.2.1.17.1.4.1.2.456|2|5001                   ifIndex 5001 = Po1 (not physical)
# 1.3.6.1.2.1.17.2.7.0|2|456                          dot1dStpRootPort: Po1 is the root port
# 1.3.6.1.4.1.9.9.23.1.2.1.1.9.10103.1|4x|00000026   CDP on Gi1/0/3: trans-bridge, sr-bridge, igmp
# (an AIR-AP2702I access point bridging its clients). Both Gi1/0/3 and Po1 are uplinks:
# neither MAC has a port here, and each is seen on its uplink.
loc c2960 "$S/librenms__ios_2960x.snmprec" 64:f6:9d:b1:e4:4c 04:62:73:20:de:14
pr_expect_eq "2960x: 64:f6:9d:b1:e4:4c seen on Gi1/0/3, an uplink" "Gi1/0/3/uplink" "$(seen c2960 0)"
pr_expect_eq "2960x: 04:62:73:20:de:14 seen on Po1, the root port" "Po1/uplink" "$(seen c2960 1)"
grep -q "seen only behind uplinks" <<<"$(field c2960 1 message)" &&
    pr_pass "2960x: says it is seen only behind uplinks" || pr_fail "2960x: message $(field c2960 1 message)"

########################################################################
# librenms__arista_eos (Q-BRIDGE-MIB, FDB 10 is VLAN 10):
# 1.3.6.1.2.1.17.7.1.2.2.1.2.10.0.1.92.59.238.1|2|48   00:01:5c:3b:ee:01 on bridge port 48, FDB 10
# 1.3.6.1.2.1.17.7.1.4.2.1.3.0.10|66|10                dot1qVlanFdbId: VLAN 10 learns into FDB 10
# 1.3.6.1.2.1.17.1.4.1.2.48|2|48                       ifIndex 48 = Ethernet48
# 114 rows of dot1qTpFdbPort say 48; 1.0.8802.1.1.2.1.4.1.1.12.0.48.1|4|28 00 2 4 (LLDP
# neighbour 4900M-CORE, bridge, router): Ethernet48 is a transit port, an uplink.
loc eos "$S/librenms__arista_eos.snmprec" 00:01:5c:3b:ee:01
pr_expect_eq "eos: 00:01:5c:3b:ee:01 seen on Ethernet48, an uplink" "Ethernet48/uplink" "$(seen eos 0)"

########################################################################
# lextudio__h3c-e528-2 (Q-BRIDGE-MIB with status):
# 1.3.6.1.2.1.17.7.1.2.2.1.2.1.56.145.213.251.116.117|2|24  38:91:d5:fb:74:75, FDB 1, bridge port 24
# 1.3.6.1.2.1.17.7.1.2.2.1.3.1.56.145.213.251.116.117|2|3   learned
# 1.3.6.1.2.1.17.1.4.1.2.24|2|24                            ifIndex 24 = GigabitEthernet1/0/24
# lldpRemSysCapEnabled.1169175.24.1 = 28 (bridge, router; neighbour WRD-Huiju-2): an uplink.
loc h3c "$S/lextudio__h3c-e528-2.snmprec" 3891d5fb7475
pr_expect_eq "h3c: 38:91:d5:fb:74:75 seen on GigabitEthernet1/0/24" "GigabitEthernet1/0/24/uplink" "$(seen h3c 0)"

########################################################################
# librenms__junos_qfx5100: 1.3.6.1.2.1.17.7.1.2.2.1.2.524288.100.246.157.55.48.60|2|4106
# (64:f6:9d:37:30:3c on bridge port 4106) and no 1.3.6.1.2.1.17.1.4.1.2.4106 row: the
# port cannot be named, and locate says so.
loc qfx "$S/librenms__junos_qfx5100.snmprec" 64:f6:9d:37:30:3c
grep -q "bridge port 4106, which no interface of the switch is" <<<"$(field qfx 0 message)" &&
    pr_pass "qfx: the unmapped bridge port is named" || pr_fail "qfx: message $(field qfx 0 message)"

########################################################################
# lextudio__cisco-c3560: no 1.3.6.1.2.1.17.4.3.1 nor 1.3.6.1.2.1.17.7.1.2.2.1 line at all.
loc c3560 "$S/lextudio__cisco-c3560.snmprec" 00:e0:f8:0c:2e:cb
grep -q "^this switch exposes no forwarding table" <<<"$(field c3560 0 message)" &&
    pr_pass "c3560: no forwarding table, said" || pr_fail "c3560: message $(field c3560 0 message)"
pr_expect_eq "c3560: exit 3" "3" "$(cat "$PR_TMP/c3560.rc")"
pr_expect_eq "c3560: summary counts the switch without a table" "1" \
    "$(pr_json "$PR_TMP/c3560.json" "d['summary']['no_forwarding_table']")"

pr_done
