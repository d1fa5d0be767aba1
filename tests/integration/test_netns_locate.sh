#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Roles and locate live: net-snmp's snmpd inside the lab switch's namespace
# answers BRIDGE-MIB from the Linux bridge itself (lab/netns/bridge-mib-pass),
# its forwarding table from `bridge fdb`; Debian's lldpd runs in each
# namespace (lab/netns/lab lldp): the server announces a station, the peer a
# bridge and router, and the switch's lldpd, an AgentX subagent of that
# snmpd, makes LLDP-MIB real. Once the server and the peer have sent a frame
# each, the bridge has learned their MACs on sw-srv and sw-peer. From the
# peer (the operator's desk): check leaves sw-peer out as an uplink, locate
# finds the server on sw-srv, the peer's MAC only behind that uplink, and a
# MAC that sent nothing nowhere.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/lab/netns/testlib.sh"
lab_need_root
command -v snmpd >/dev/null || [ -x /usr/sbin/snmpd ] || pr_skip "snmpd not installed"
command -v bridge >/dev/null || pr_skip "needs iproute2's bridge"
lab_start --stp off
RO=lab-ro-Secret-7Lq
SNMPD_PID=$("$LAB" snmpd "$LAB_PREFIX" "$PR_TMP/snmpd" "$RO" "lab-rw-Secret-2Zp")
PR_PIDS+=("$SNMPD_PID")
if command -v lldpd >/dev/null; then
    LLDP=1
    mapfile -t lldp_pids < <("$LAB" lldp "$LAB_PREFIX" "$PR_TMP/lldp" "$PR_TMP/snmpd/agentx.sock")
    PR_PIDS+=("${lldp_pids[@]}")
else
    LLDP=
    echo "# lldpd not installed: the LLDP part is left out"
fi

srv_mac=$(in_srv cat /sys/class/net/eth0/address)
peer_mac=$(in_peer cat /sys/class/net/eth0/address)
# One frame each way: the bridge learns both.
in_srv ping -c 2 -W 2 10.77.0.1 >/dev/null
srv_port=$(($(in_sw cat /sys/class/net/br0/brif/sw-srv/port_no)))
pr_expect_eq "the bridge learned the server on sw-srv" "sw-srv" \
    "$(in_sw bridge -j fdb show br br0 | python3 -c "import json,sys; print([e['ifname'] for e in json.load(sys.stdin) if e['mac']=='$srv_mac' and e.get('master')=='br0'][0])")"
arcs=$(python3 -c "print('.'.join(str(int(x, 16)) for x in '$srv_mac'.split(':')))")
pr_expect_eq "dot1dTpFdbPort of the server's MAC is sw-srv's bridge port" "$srv_port" \
    "$(in_peer snmpget -v2c -c "$RO" -On -Oqv 10.77.0.254 ".1.3.6.1.2.1.17.4.3.1.2.$arcs")"
pr_expect_eq "dot1dStpRootPort 0: the lab bridge is the root" "0" \
    "$(in_peer snmpget -v2c -c "$RO" -On -Oqv 10.77.0.254 .1.3.6.1.2.1.17.2.7.0)"

if [ -n "$LLDP" ]; then
    # lldpRemSysName.TIME.LOCALPORT.INDEX: the switch's lldpd heard both
    # (tx-interval 1 s); the local port is the ifIndex.
    rem() { in_peer snmpwalk -v2c -c "$RO" -On -Oqv 10.77.0.254 1.0.8802.1.1.2.1.4.1.1.9 2>/dev/null | sort | tr '\n' ' '; }
    wait_for 20 bash -c "[ \"\$(ip netns exec $PEER snmpwalk -v2c -c $RO -On -Oqv 10.77.0.254 1.0.8802.1.1.2.1.4.1.1.9 2>/dev/null | wc -l)\" -ge 2 ]" || true
    pr_expect_eq "LLDP-MIB through AgentX: both neighbours" '"spine-lab" "srv-lab" ' "$(rem)"
    set +e
    in_peer "$PORTREADY" check --format json -c "$RO" 10.77.0.254 >"$PR_TMP/c.json" 2>/dev/null
    set -e
    pr_expect_eq "check: sw-peer left out, an LLDP bridge neighbour" "sw-peer" \
        "$(pr_json "$PR_TMP/c.json" "' '.join(u['name'] for u in d['switches'][0]['uplinks'])")"
    grep -q "lldpRemSysCapEnabled.*bridge, router" <<<"$(pr_json "$PR_TMP/c.json" "d['switches'][0]['uplinks'][0]['evidence']")" &&
        pr_pass "check: its evidence is the LLDP capability" ||
        pr_fail "uplink evidence: $(pr_json "$PR_TMP/c.json" "d['switches'][0]['uplinks'][0]['evidence']")"
    pr_expect_eq "check: sw-srv is a server port (an LLDP station)" "server" \
        "$(pr_json "$PR_TMP/c.json" "[p['role'] for p in d['switches'][0]['ports'] if p['name']=='sw-srv'][0]")"
fi

set +e
in_peer "$PORTREADY" locate --format json -c "$RO" 10.77.0.254 "$srv_mac" "$peer_mac" 02:00:00:77:77:77 \
    >"$PR_TMP/l.json" 2>"$PR_TMP/l.err"
rc=$?
set -e
cat "$PR_TMP/l.err"
f() { pr_json "$PR_TMP/l.json" "d['locate'][$1]$2"; }
pr_expect_eq "the server's MAC on sw-srv" "sw-srv" "$(f 0 "['port']")"
grep -qF "BRIDGE-MIB dot1dTpFdbPort.$arcs = $srv_port" <<<"$(f 0 "['evidence']")" &&
    pr_pass "its evidence is the bridge's row" || pr_fail "evidence: $(f 0 "['evidence']")"
if [ -n "$LLDP" ]; then
    pr_expect_eq "the peer's MAC only behind the uplink sw-peer" "None sw-peer/uplink" \
        "$(f 1 "['port']") $(pr_json "$PR_TMP/l.json" "' '.join(s['port']+'/'+s['role'] for s in d['locate'][1]['seen_on'])")"
    pr_expect_eq "the server's port is a server port" "server" "$(f 0 "['verdict']['role']")"
else
    pr_expect_eq "the peer's MAC on sw-peer" "sw-peer" "$(f 1 "['port']")"
fi
pr_expect_eq "sw-srv judged: the bridge runs no STP here, so it forwards at once" "ready" \
    "$(f 0 "['verdict']['verdict']")"
grep -q "^not in any forwarding table" <<<"$(f 2 "['message']")" &&
    pr_pass "a MAC that sent nothing: not in any table" || pr_fail "message: $(f 2 "['message']")"
pr_expect_eq "exit 3 (one MAC not located)" "3" "$rc"
pr_done
