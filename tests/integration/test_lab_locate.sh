#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready locate on the lab's recordings (lab/README.md, "Forwarding
# tables"), through a live snmpsim serving them: each server's MAC on its
# port across the rack, the uplinks it crosses listed, the port judged as
# check judges it; a MAC on a LAG, one behind an uplink only, one nowhere.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed"
port=$(pr_free_udp_port)
pr_snmpsim_start "$PR_SOURCE_DIR/lab/data" "$port" rack12-a
cat >"$PR_TMP/rack.yaml" <<YAML
defaults:
  snmp: {version: 2c, timeout: 2, retries: 1}
  expect_vlan: 100
switches:
  - {name: rack12-a, host: 127.0.0.1:$port, snmp: {community: rack12-a}}
  - {name: rack12-b, host: 127.0.0.1:$port, snmp: {community: rack12-b}}
  - name: rack12-c
    host: 127.0.0.1:$port
    snmp: {community: rack12-c}
    ports:
      - {port: Ethernet2, server: srv12-22, mac: "52:54:00:12:22:01"}
YAML
set +e
"$PORTREADY" locate --format json --inventory "$PR_TMP/rack.yaml" \
    52:54:00:12:03:01 5254.0012.1101 52-54-00-12-25-01 525400121701 \
    52:54:00:12:05:01 52:54:00:12:99:99 52:54:00:12:22:01 >"$PR_TMP/l.json"
rc=$?
set -e
f() { pr_json "$PR_TMP/l.json" "d['locate'][$1]$2"; }
seen() { pr_json "$PR_TMP/l.json" "' '.join(s['switch']+':'+s['port']+'/'+s['role'] for s in d['locate'][$1]['seen_on'])"; }

# rack12-a: dot1qTpFdbPort.2.82.84.0.18.3.1 = 3 (FDB 2, dot1qVlanFdbId.0.100 = 2),
# status learned; rack12-b's VLAN 100 table and rack12-c hold it on their uplinks.
pr_expect_eq "srv12-03 on rack12-a 1/1/3" "rack12-a 1/1/3" "$(f 0 "['switch']") $(f 0 "['port']")"
pr_expect_eq "srv12-03 in VLAN 100 (FDB 2 mapped)" "100" "$(f 0 "['vlan']")"
pr_expect_eq "srv12-03 seen on the uplinks" "rack12-b:Gi1/0/12/uplink rack12-c:Ethernet12/uplink" "$(seen 0)"
pr_expect_eq "1/1/3 judged as check does" "not-ready stp-not-edge" \
    "$(f 0 "['verdict']['verdict']") $(f 0 "['verdict']['findings'][0]['id']")"
# rack12-b: in the context rack12-b@100, dot1dTpFdbPort.82.84.0.18.17.1 = 1,
# dot1dBasePortIfIndex.1 = 10101 (Gi1/0/1).
pr_expect_eq "srv12-11 on rack12-b Gi1/0/1 (per-VLAN table)" "rack12-b Gi1/0/1 100" \
    "$(f 1 "['switch']") $(f 1 "['port']") $(f 1 "['vlan']")"
# rack12-c: dot1qTpFdbPort.100.82.84.0.18.37.1 = 100, bridge port 100 = Port-Channel1.
pr_expect_eq "srv12-25's bond on rack12-c Port-Channel1" "rack12-c Port-Channel1" "$(f 2 "['switch']") $(f 2 "['port']")"
grep -q "LAG Port-Channel1, members Ethernet5, Ethernet6" <<<"$(f 2 "['evidence']")" &&
    pr_pass "the LAG's members named" || pr_fail "LAG evidence: $(f 2 "['evidence']")"
pr_expect_eq "srv12-17 in VLAN 200's table" "Gi1/0/7 200" "$(f 3 "['port']") $(f 3 "['vlan']")"
# srv12-05 is learned on 1/1/5 only, an uplink (BPDUs from another bridge).
pr_expect_eq "srv12-05 not located" "None" "$(f 4 "['port']")"
pr_expect_eq "srv12-05 seen on 1/1/5" "rack12-a:1/1/5/uplink" "$(seen 4)"
grep -q "^not in any forwarding table: it has sent nothing" <<<"$(f 5 "['message']")" &&
    pr_pass "a MAC nowhere: aged out, said" || pr_fail "message: $(f 5 "['message']")"
pr_expect_eq "the inventory's mac: places srv12-22" "rack12-c Ethernet2" "$(f 6 "['switch']") $(f 6 "['port']")"
grep -q "^inventory: rack12-c port Ethernet2 has mac 52:54:00:12:22:01" <<<"$(f 6 "['evidence']")" &&
    pr_pass "its evidence is the inventory" || pr_fail "evidence: $(f 6 "['evidence']")"
pr_expect_eq "exit 3 (MACs not located)" "3" "$rc"
pr_expect_eq "summary" "7 5 2" "$(pr_json "$PR_TMP/l.json" "' '.join(str(d['summary'][k]) for k in ('macs','located','not_located'))")"

# One switch, text: the joined line (the server from ifAlias); exit as check
# over the port (2).
set +e
"$PORTREADY" locate -c rack12-a "127.0.0.1:$port" 52:54:00:12:03:01 >"$PR_TMP/t.txt"
rc=$?
set -e
pr_expect_eq "text: one line joins MAC, place and verdict" \
    "52:54:00:12:03:01  127.0.0.1:$port 1/1/3 (srv12-03)  NOT READY stp-not-edge, blackout 30 s" "$(head -1 "$PR_TMP/t.txt")"
pr_expect_eq "exit 2: the port is not ready" "2" "$rc"
# Bad input.
set +e
"$PORTREADY" locate -c rack12-a "127.0.0.1:$port" 52:54:00:12:03 2>"$PR_TMP/e.txt"
rc=$?
set -e
pr_expect_eq "not a MAC: exit 3" "3" "$rc"
grep -qF "'52:54:00:12:03' is not a MAC address" "$PR_TMP/e.txt" && pr_pass "not a MAC: named" ||
    pr_fail "error: $(cat "$PR_TMP/e.txt")"

# dhcp-log --inventory: lab/dhcpd.log has srv12-01 complete, srv12-03 complete
# then a chainload round of 2 DISCOVERs (10:00:14, 10:00:17) with no REQUEST
# (renew-failed after 3.0 s), srv12-13 offered twice, no REQUEST (no-request,
# 10:00:20 to 10:00:24: 4.0 s). The two that failed are located and judged;
# the complete one is not looked for.
set +e
"$PORTREADY" dhcp-log --inventory "$PR_TMP/rack.yaml" "$PR_SOURCE_DIR/lab/dhcpd.log" >"$PR_TMP/d.txt"
rc=$?
"$PORTREADY" dhcp-log --format json --inventory "$PR_TMP/rack.yaml" "$PR_SOURCE_DIR/lab/dhcpd.log" >"$PR_TMP/d.json"
set -e
pr_expect_eq "dhcp-log: exit 2 (failed handshakes)" "2" "$rc"
grep -qxF "52:54:00:12:03:01  renew-failed after 3.0 s  rack12-a 1/1/3 (srv12-03)  NOT READY stp-not-edge, blackout 30 s" "$PR_TMP/d.txt" &&
    pr_pass "dhcp-log: symptom, place and cause in one line" || pr_fail "dhcp-log: $(grep 12:03:01 "$PR_TMP/d.txt" | head -1)"
grep -qF "52:54:00:12:13:01  no-request after 4.0 s  rack12-b Gi1/0/3 (srv12-13 trunk)  NOT READY portfast-trunk-missing,stp-legacy-mode, blackout 30 s" "$PR_TMP/d.txt" &&
    pr_pass "dhcp-log: the trunk port on the PVST+ switch" || pr_fail "dhcp-log: $(grep 12:13:01 "$PR_TMP/d.txt" | head -1)"
pr_expect_eq "dhcp-log json: each entry's port" "None rack12-a:1/1/3 rack12-b:Gi1/0/3" \
    "$(pr_json "$PR_TMP/d.json" "' '.join('None' if e['port'] is None else e['port']['switch']+':'+e['port']['port'] for e in d['dhcp'])")"
pr_expect_eq "dhcp-log json: the port's verdict as check's" "not-ready" \
    "$(pr_json "$PR_TMP/d.json" "d['dhcp'][1]['port']['verdict']['verdict']")"
pr_done
