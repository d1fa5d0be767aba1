#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# IOS-XE over NETCONF, end to end: the libnetconf2 test server answers
# <get-config> with the native model of tests/data/iosxe/rack.xml over real
# SSH, and `portready check --netconf` judges every port. The same
# configuration as running-config text (rack.cli) and as a saved XML file
# gives the same ports.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

DATA="$PR_SOURCE_DIR/tests/data/iosxe"
port=$(pr_free_tcp_port)
nc_server_start "$port" normal --hostkey "$PR_TMP/hostkey" --data "$DATA/rack.xml" \
    --rpc-log "$PR_TMP/rpc.log"
nc_opts=(--password-file "$PR_TMP/password" --accept-new-hostkey --known-hosts "$PR_TMP/kh")

# run OUT ARGS...: portready with ARGS, stdout to OUT; sets RC.
run() {
    local out=$1
    shift
    RC=0
    "$PORTREADY" "$@" >"$out" 2>"$out.err" || RC=$?
}

# summary JSON: one line per port: name verdict blackout finding ids
# (sorted, so the order the rules list them in does not matter).
summary() {
    python3 - "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["switches"]:
    for p in s["ports"]:
        print(p["name"], p["verdict"], p["expected_blackout_s"],
              ",".join(sorted(f["id"] for f in p["findings"])) or "-")
EOF
}

# field JSON PORT PATH...: a value of one port (facts.edge, ...) or of the
# switch (PORT = "-": driver, sources, stp.mode, error).
field() {
    python3 - "$@" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["switches"][0]
o = s if sys.argv[2] == "-" else next(p for p in s["ports"] if p["name"] == sys.argv[2])
for k in sys.argv[3].split("."):
    o = o[int(k)] if isinstance(o, list) else o[k]
print(json.dumps(o) if isinstance(o, (list, dict)) else o)
EOF
}

# finding JSON PORT ID KEY: a key of one finding of one port.
finding() {
    python3 - "$@" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["switches"][0]
p = next(p for p in s["ports"] if p["name"] == sys.argv[2])
print(next(f for f in p["findings"] if f["id"] == sys.argv[3])[sys.argv[4]])
EOF
}

PORTS=(GigabitEthernet1/0/1 GigabitEthernet1/0/2 GigabitEthernet1/0/3 GigabitEthernet1/0/4
    GigabitEthernet1/0/5 GigabitEthernet1/0/6 GigabitEthernet1/0/7 GigabitEthernet1/0/8
    GigabitEthernet1/0/9 TenGigabitEthernet1/1/1)

run "$PR_TMP/nc.json" check --netconf "alice@127.0.0.1:$port" --driver cisco "${nc_opts[@]}" \
    --expect-vlan 100 --format json "${PORTS[@]}"
# Not-ready ports: exit 2.
pr_expect_eq "check --netconf --driver cisco: exit 2" "2" "$RC"
[ "$RC" -eq 2 ] || cat "$PR_TMP/nc.json.err"
grep -qF '<filter type="subtree"><native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native"><interface/><spanning-tree/></native></filter>' "$PR_TMP/rpc.log" &&
    pr_pass "one get-config with the IOS-XE native filter" ||
    pr_fail "server received: $(cat "$PR_TMP/rpc.log")"
pr_expect_eq "driver, source" "cisco [\"netconf\"] None" \
    "$(field "$PR_TMP/nc.json" - driver) $(field "$PR_TMP/nc.json" - sources) $(field "$PR_TMP/nc.json" - error)"
# <spanning-tree><mode>rapid-pvst</mode>; no timers: 15 s / 20 s.
pr_expect_eq "STP mode and timers" "rapid-pvst 15 20" \
    "$(field "$PR_TMP/nc.json" - stp.mode) $(field "$PR_TMP/nc.json" - stp.forward_delay_s) $(field "$PR_TMP/nc.json" - stp.max_age_s)"

# Verdicts by hand from rack.xml (--expect-vlan 100). Every Gigabit port
# has no <speed>: speed auto by default, autoneg-on (info).
#  1/0/1 <portfast><edge/>, <bpduguard><enable/>, <vlan>100      ready
#  1/0/2 no <spanning-tree>: not edge, blocks 2 x 15 s             not-ready
#  1/0/3 <mode><trunk/>, <portfast><edge/> without <trunk/>         not-ready 30
#  1/0/4 <mode><trunk/>, <portfast><edge/><trunk/>                  ready
#  1/0/5 <shutdown/>                                               not-ready
#  1/0/6 <channel-group><number>10 <mode>active; Port-channel10
#        <port-channel><standalone-disable/>: no fallback; and
#        Port-channel10 has no <spanning-tree>: spanning tree runs on
#        the channel, so its own <portfast><edge/> does not act:
#        not edge, 2 x 15 s                                         not-ready 30
#  1/0/7 channel-group 11 active; Port-channel11 without the leaf:
#        no port-channel standalone-disable, fallback on; no
#        <spanning-tree> on Port-channel11: not edge                not-ready 30
#  1/0/8 <access><vlan><vlan>200                                    not-ready
#  1/0/9 <portfast-v2><edge/>, no <bpduguard>: bpdu-guard-off info   ready
#  Te1/1/1 <speed><value-10000/>: fixed                              ready
expected="GigabitEthernet1/0/1 ready 0 autoneg-on
GigabitEthernet1/0/2 not-ready 30 autoneg-on,stp-not-edge
GigabitEthernet1/0/3 not-ready 30 autoneg-on,portfast-trunk-missing
GigabitEthernet1/0/4 ready 0 autoneg-on
GigabitEthernet1/0/5 not-ready 0 admin-down,autoneg-on
GigabitEthernet1/0/6 not-ready 30 autoneg-on,lacp-no-fallback,stp-not-edge
GigabitEthernet1/0/7 not-ready 30 autoneg-on,stp-not-edge
GigabitEthernet1/0/8 not-ready 0 autoneg-on,vlan-mismatch
GigabitEthernet1/0/9 ready 0 autoneg-on,bpdu-guard-off
TenGigabitEthernet1/1/1 ready 0 -"
pr_expect_eq "verdicts, blackouts, findings over NETCONF" "$expected" "$(summary "$PR_TMP/nc.json")"

# Facts and evidence of a few ports.
# 1/0/3: trunk with <native><vlan><vlan-id>100: the native VLAN.
pr_expect_eq "Gi1/0/3 edge, native VLAN" "yes 100" \
    "$(field "$PR_TMP/nc.json" GigabitEthernet1/0/3 facts.edge) $(field "$PR_TMP/nc.json" GigabitEthernet1/0/3 facts.access_vlan)"
pr_expect_eq "Gi1/0/5 admin down" "down" "$(field "$PR_TMP/nc.json" GigabitEthernet1/0/5 facts.admin_status)"
pr_expect_eq "Gi1/0/6 LACP member without fallback" "True no" \
    "$(field "$PR_TMP/nc.json" GigabitEthernet1/0/6 facts.lacp_member) $(field "$PR_TMP/nc.json" GigabitEthernet1/0/6 facts.lacp_fallback)"
pr_expect_eq "Gi1/0/6 evidence names the Port-channel statement" \
    "interface GigabitEthernet1/0/6: channel-group 10 mode active; interface Port-channel10: port-channel standalone-disable" \
    "$(finding "$PR_TMP/nc.json" GigabitEthernet1/0/6 lacp-no-fallback evidence)"
pr_expect_eq "Gi1/0/7 fallback on" "yes" "$(field "$PR_TMP/nc.json" GigabitEthernet1/0/7 facts.lacp_fallback)"
pr_expect_eq "Te1/1/1 fixed 10G" "10000 off" \
    "$(field "$PR_TMP/nc.json" TenGigabitEthernet1/1/1 facts.speed_mbps) $(field "$PR_TMP/nc.json" TenGigabitEthernet1/1/1 facts.autoneg)"
pr_expect_eq "Gi1/0/3 fix" "interface GigabitEthernet1/0/3
 spanning-tree portfast edge trunk" \
    "$(finding "$PR_TMP/nc.json" GigabitEthernet1/0/3 portfast-trunk-missing fix)"

# Without --driver and without SNMP: the Junos filter first, no
# <configuration> in the reply, then the IOS-XE filter; the native XML
# picks the cisco driver. Every physical port, the same verdicts.
: >"$PR_TMP/rpc.log"
run "$PR_TMP/auto.json" check --netconf "alice@127.0.0.1:$port" "${nc_opts[@]}" \
    --expect-vlan 100 --format json
pr_expect_eq "auto driver: exit 2, cisco" "2 cisco" "$RC $(field "$PR_TMP/auto.json" - driver)"
pr_expect_eq "auto driver: same verdicts" "$expected" "$(summary "$PR_TMP/auto.json")"
pr_expect_eq "auto driver: the Junos filter, then the IOS-XE filter" "configuration native" \
    "$(grep -o '<filter type="subtree"><[a-z]*' "$PR_TMP/rpc.log" | sed 's/.*<//' | tr '\n' ' ' |
        sed 's/ $//')"

# The same configuration as running-config text and as a saved XML file:
# the same ports (only the text's "(line N)" in evidence differs).
run "$PR_TMP/cli.json" check --config "$DATA/rack.cli" --expect-vlan 100 --format json
run "$PR_TMP/xml.json" check --config "$DATA/rack.xml" --expect-vlan 100 --format json
same=$(python3 - "$PR_TMP/nc.json" "$PR_TMP/cli.json" "$PR_TMP/xml.json" <<'EOF'
import json, re, sys
def ports(path):
    s = json.load(open(path))["switches"][0]
    text = json.dumps({"stp": s["stp"], "ports": s["ports"]}, sort_keys=True)
    return re.sub(r" \(line [0-9]+\)", "", text)
nc, cli, xml = (ports(p) for p in sys.argv[1:4])
print("same" if nc == cli == xml else "differ")
if nc != cli:
    a, b = json.loads(nc), json.loads(cli)
    for pa, pb in zip(a["ports"], b["ports"]):
        if pa != pb:
            print(json.dumps(pa), "\n", json.dumps(pb), file=sys.stderr)
            break
EOF
)
pr_expect_eq "NETCONF, running-config text and saved XML give the same ports" "same" "$same"
pr_expect_eq "sources: config for the files" "[\"config\"] [\"config\"]" \
    "$(field "$PR_TMP/cli.json" - sources) $(field "$PR_TMP/xml.json" - sources)"

# --fix in text: the port-channel's statement in IOS-XE syntax.
run "$PR_TMP/fix.txt" check --netconf "alice@127.0.0.1:$port" --driver cisco "${nc_opts[@]}" \
    --fix GigabitEthernet1/0/6
grep -qzF "interface Port-channel10
 no port-channel standalone-disable" "$PR_TMP/fix.txt" &&
    pr_pass "--fix prints no port-channel standalone-disable for Gi1/0/6" ||
    pr_fail "--fix: $(cat "$PR_TMP/fix.txt")"

# A server answering with something that is not the native model, read as
# cisco: the switch is unreadable (exit 3) with a clear reason.
pr_stop "$NC_SERVER_PID"
nc_server_start "$port" normal --hostkey "$PR_TMP/hostkey" --data "$NC_DATA/junos-data.xml"
run "$PR_TMP/junos.json" check --netconf "alice@127.0.0.1:$port" --driver cisco "${nc_opts[@]}" \
    --format json
pr_expect_eq "non-native data: exit 3" "3" "$RC"
field "$PR_TMP/junos.json" - error | pr_has "not an IOS-XE native configuration (root <data>" &&
    pr_pass "non-native data: $(field "$PR_TMP/junos.json" - error)" ||
    pr_fail "non-native data: $(cat "$PR_TMP/junos.json" "$PR_TMP/junos.json.err")"

pr_done
