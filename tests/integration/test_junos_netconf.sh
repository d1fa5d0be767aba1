#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `portready check --netconf` against a real NETCONF server over real SSH
# (libnetconf2's server API, tests/tools/pr_netconf_server.c) answering
# get-config with Junos configuration: the same ports as reading the same
# configuration from a file, and, with an SNMP recording beside it, state
# from SNMP and configuration from NETCONF; --save-config keeps what was
# read.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/netconf_lib.sh"

# The real e1-1 configuration (tests/data/junos/e1-1.xml, a hand conversion
# of ../shared/fixtures/configs/tgmanage__e1-1...): its <configuration>
# element is what a Junos switch answers.
python3 - "$PR_SOURCE_DIR/tests/data/junos/e1-1.xml" "$PR_TMP/e1-1-data.xml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"<configuration\b.*</configuration>", text, re.S)
conf = m.group(0).replace("<configuration ", "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\" "
                          "xmlns:junos=\"http://xml.juniper.net/junos/15.1R6/junos\" ", 1)
open(sys.argv[2], "w").write(conf)
PY

port=$(pr_free_tcp_port)
nc_server_start "$port" normal --data "$PR_TMP/e1-1-data.xml"
common=(--netconf "alice@127.0.0.1:$port" --password-file "$PR_TMP/password"
    --known-hosts "$PR_TMP/known_hosts" -t 5)

# An unknown host key is refused; --accept-new-hostkey adds it.
set +e
"$PORTREADY" check "${common[@]}" ge-0/0/5 >"$PR_TMP/refused.out" 2>"$PR_TMP/refused.err"
rc=$?
set -e
pr_expect_eq "unknown host key: exit 3" 3 "$rc"
grep -qi "host key" "$PR_TMP/refused.out" "$PR_TMP/refused.err" && pr_pass "unknown host key named" ||
    pr_fail "no host-key message: $(cat "$PR_TMP/refused.err")"

set +e
"$PORTREADY" check "${common[@]}" --accept-new-hostkey --format json >"$PR_TMP/nc.json" 2>"$PR_TMP/nc.err"
nc_rc=$?
"$PORTREADY" check --config "$PR_SOURCE_DIR/tests/data/junos/e1-1.xml" --format json >"$PR_TMP/file.json"
file_rc=$?
set -e
pr_expect_eq "same exit code as the file" "$file_rc" "$nc_rc"
pr_expect_eq "source is netconf" "['netconf']" "$(pr_json "$PR_TMP/nc.json" 'd["switches"][0]["sources"]')"
pr_expect_eq "driver juniper" juniper "$(pr_json "$PR_TMP/nc.json" 'd["switches"][0]["driver"]')"
same=$(python3 -c 'import json,sys
a=json.load(open(sys.argv[1]))["switches"][0]; b=json.load(open(sys.argv[2]))["switches"][0]
strip=lambda ports: [{k:v for k,v in p.items()} for p in ports]
print(len(a["ports"]) == 48 and strip(a["ports"]) == strip(b["ports"]) and a["stp"] == b["stp"])' \
    "$PR_TMP/nc.json" "$PR_TMP/file.json")
pr_expect_eq "NETCONF and file give identical ports (48)" True "$same"
# ge-0/0/5: `protocols rstp interface edge-ports edge` through the edge-ports
# range (member-range ge-0/0/0 to ge-0/0/43): edge, ready.
pr_expect_eq "ge-0/0/5 ready and edge" "ready yes" \
    "$(pr_json "$PR_TMP/nc.json" '[p["verdict"]+" "+p["facts"]["edge"] for p in d["switches"][0]["ports"] if p["name"]=="ge-0/0/5"][0]')"
# ge-0/0/44: member of ae0 (ether-options 802.3ad ae0, ae0 has lacp) without
# lacp force-up: lacp-no-fallback.
pr_expect_eq "ge-0/0/44 lacp-no-fallback" True \
    "$(pr_json "$PR_TMP/nc.json" '"lacp-no-fallback" in [f["id"] for p in d["switches"][0]["ports"] if p["name"]=="ge-0/0/44" for f in p["findings"]]')"
grep -q "$NC_PASSWORD" "$PR_TMP/nc.json" "$PR_TMP/nc.err" && pr_fail "password printed" || pr_pass "password never printed"

# --save-config keeps the <data> read (XML, mode 0600): judged again with
# --config it gives the same ports.
mkdir -p "$PR_TMP/saved"
"$PORTREADY" check "${common[@]}" --save-config "$PR_TMP/saved" >/dev/null 2>&1 || true
pr_expect_eq "--save-config: 127.0.0.1.cfg, mode 0600" 600 "$(stat -c %a "$PR_TMP/saved/127.0.0.1.cfg" 2>&1)"
"$PORTREADY" check --config "$PR_TMP/saved/127.0.0.1.cfg" --format json >"$PR_TMP/saved.json" 2>/dev/null || true
pr_expect_eq "--save-config: the saved XML judged offline gives the same ports" \
    "$(pr_json "$PR_TMP/nc.json" 'json.dumps(d["switches"][0]["ports"], sort_keys=True)')" \
    "$(pr_json "$PR_TMP/saved.json" 'json.dumps(d["switches"][0]["ports"], sort_keys=True)')"

# Wrong password: exit 3, a clear message, nothing else.
set +e
"$PORTREADY" check --netconf "alice@127.0.0.1:$port" --password-file "$PR_TMP/wrong-password" \
    --known-hosts "$PR_TMP/known_hosts" -t 5 ge-0/0/5 >"$PR_TMP/wrong.out" 2>"$PR_TMP/wrong.err"
rc=$?
set -e
pr_expect_eq "wrong password: exit 3" 3 "$rc"
grep -qi "auth" "$PR_TMP/wrong.err" && pr_pass "wrong password: authentication named" ||
    pr_fail "wrong password message: $(cat "$PR_TMP/wrong.err")"

# Misbehaving peers through portready itself: each exits 3 with a clear
# error within the -t 2 bound (plus start-up slack).
for mode in silent no-hello stall; do
    mport=$(pr_free_tcp_port)
    nc_server_start "$mport" "$mode" --data "$PR_TMP/e1-1-data.xml"
    start=$(date +%s%N)
    set +e
    "$PORTREADY" check --netconf "alice@127.0.0.1:$mport" --password-file "$PR_TMP/password" \
        --known-hosts "$PR_TMP/known_hosts" --accept-new-hostkey -t 2 ge-0/0/5 \
        >"$PR_TMP/$mode.out" 2>"$PR_TMP/$mode.err"
    rc=$?
    set -e
    ms=$((($(date +%s%N) - start) / 1000000))
    pr_expect_eq "$mode peer: exit 3" 3 "$rc"
    if [ "$ms" -lt 3500 ]; then pr_pass "$mode peer: ended in $ms ms (-t 2)"; else
        pr_fail "$mode peer: took $ms ms with -t 2"; fi
    grep -q "NETCONF" "$PR_TMP/$mode.err" && pr_pass "$mode peer: error names NETCONF" ||
        pr_fail "$mode peer: $(cat "$PR_TMP/$mode.err")"
    pr_stop "$NC_SERVER_PID"
done

# SNMP and NETCONF together: the QFX5100 recording (../shared/fixtures,
# juniper sysObjectID) for state, a NETCONF configuration for edge. The
# recording says xe-0/0/2 is up (ifOperStatus.520 = 1) and has no STP
# objects; the configuration makes it an RSTP edge port.
if [ -d "$PR_FIXTURES" ]; then
    cat >"$PR_TMP/qfx-data.xml" <<'XML'
<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm">
  <interfaces>
    <interface><name>xe-0/0/2</name>
      <unit><name>0</name><family><ethernet-switching><interface-mode>access</interface-mode>
        <vlan><members>v4004</members></vlan></ethernet-switching></family></unit>
    </interface>
  </interfaces>
  <protocols><rstp><interface><name>xe-0/0/2</name><edge/></interface></rstp></protocols>
  <vlans><vlan><name>v4004</name><vlan-id>4004</vlan-id></vlan></vlans>
</configuration>
XML
    port2=$(pr_free_tcp_port)
    nc_server_start "$port2" normal --data "$PR_TMP/qfx-data.xml"
    set +e
    "$PORTREADY" check --walk "$PR_FIXTURES/snmprec/librenms__junos_qfx5100.snmprec" \
        --netconf "alice@127.0.0.1:$port2" --password-file "$PR_TMP/password" \
        --known-hosts "$PR_TMP/known_hosts" --accept-new-hostkey -t 5 xe-0/0/2 --format json \
        >"$PR_TMP/both.json" 2>"$PR_TMP/both.err"
    set -e
    pr_expect_eq "walk + netconf: both sources" "['walk', 'netconf']" \
        "$(pr_json "$PR_TMP/both.json" 'd["switches"][0]["sources"]')"
    pr_expect_eq "walk + netconf: state from SNMP, edge from NETCONF" "up yes 10000" \
        "$(pr_json "$PR_TMP/both.json" '" ".join(str(d["switches"][0]["ports"][0]["facts"][k]) for k in ("oper_status","edge","speed_mbps"))')"
    pr_expect_eq "walk + netconf: the configured RSTP mode fills what SNMP lacks" rstp \
        "$(pr_json "$PR_TMP/both.json" 'd["switches"][0]["stp"]["mode"]')"
fi
# A reply whose <configuration> holds statements of another namespace
# (served as the server's data): the <disable/> and <edge/> of
# urn:example:other are not Junos configuration, so ge-0/0/1 is up and not
# edge (stp-not-edge); before, it was read as disabled and edge (admin-down).
cat >"$PR_TMP/foreign-data.xml" <<'XML'
<configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm" xmlns:o="urn:example:other">
<interfaces>
  <interface><name>ge-0/0/1</name><o:disable/>
    <unit><name>0</name><family><ethernet-switching><vlan><members>100</members></vlan></ethernet-switching></family></unit>
  </interface>
</interfaces>
<protocols><rstp><interface><name>ge-0/0/1</name><o:edge/></interface></rstp></protocols>
</configuration>
XML
port3=$(pr_free_tcp_port)
nc_server_start "$port3" normal --data "$PR_TMP/foreign-data.xml"
set +e
"$PORTREADY" check --netconf "alice@127.0.0.1:$port3" --password-file "$PR_TMP/password" \
    --known-hosts "$PR_TMP/known_hosts" --accept-new-hostkey -t 5 --format json \
    >"$PR_TMP/foreign.json" 2>"$PR_TMP/foreign.err"
foreign_rc=$?
set -e
pr_expect_eq "foreign namespace over NETCONF: exit 2, ge-0/0/1 up, not edge" \
    "2 ge-0/0/1:up:no:stp-not-edge" \
    "$foreign_rc $(pr_json "$PR_TMP/foreign.json" '" ".join(p["name"] + ":" + str(p["facts"]["admin_status"]) + ":" + str(p["facts"]["edge"]) + ":" + ",".join(f["id"] for f in p["findings"]) for p in d["switches"][0]["ports"])' 2>&1)"
pr_done
