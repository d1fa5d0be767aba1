#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `portready audit` of the built-in lab gives, port by port, the verdicts
# and findings lab/README.md derives by hand from the recordings; with one
# switch's agent stopped, the others are still reported and the exit code
# is 3. Live agents and --walk on the same recordings agree.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

lab="$PR_SOURCE_DIR/lab/lab"
state="$PR_TMP/lab"
base=$(python3 -c 'import socket
for p in range(21500, 21990, 3):
    ok = True
    for q in (p, p + 1, p + 2):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try: s.bind(("127.0.0.1", q))
        except OSError: ok = False
        s.close()
    if ok: print(p); break')
stop_lab() { "$lab" stop --state-dir "$state" >/dev/null 2>&1 || true; }
trap 'stop_lab; pr_cleanup' EXIT
"$lab" start --port "$base" --state-dir "$state" >/dev/null

# The lab inventory, pointed at this test's ports.
sed -e "s/127.0.0.1:1161/127.0.0.1:$base/" -e "s/127.0.0.1:1162/127.0.0.1:$((base + 1))/" \
    -e "s/127.0.0.1:1163/127.0.0.1:$((base + 2))/" "$PR_SOURCE_DIR/lab/rack.yaml" >"$PR_TMP/rack.yaml"

set +e
"$PORTREADY" audit --format json "$PR_TMP/rack.yaml" >"$PR_TMP/audit.json"
rc=$?
set -e
pr_expect_eq "audit exit code (not-ready ports, all switches read)" 2 "$rc"

# switch port verdict blackout findings(sorted, comma-separated): the tables
# of lab/README.md.
expect() {
    local got
    got=$(python3 - "$PR_TMP/audit.json" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sw, port = sys.argv[2], sys.argv[3]
for s in d["switches"]:
    if s["name"] != sw: continue
    for p in s["ports"]:
        if p["name"] == port:
            b = p["expected_blackout_s"]
            print(p["verdict"], "?" if b is None else b,
                  ",".join(sorted(f["id"] for f in p["findings"])) or "-")
            sys.exit(0)
print("missing")
PY
)
    pr_expect_eq "$1 $2" "$3 $4 $5" "$got"
}
expect rack12-a 1/1/1 ready 0 -
expect rack12-a 1/1/2 ready 0 -
expect rack12-a 1/1/3 not-ready 30 stp-not-edge
expect rack12-a 1/1/4 warning 3 stp-edge-auto
# 1/1/5 hears BPDUs from a better bridge (blocking, designated bridge 7000.52:54:00:12:05:05):
# an uplink, named in the inventory, so judged with port-is-uplink.
expect rack12-a 1/1/5 not-ready 0 port-is-uplink,stp-not-forwarding
expect rack12-a 1/1/6 not-ready 0 admin-down
expect rack12-a 1/1/7 ready 0 -
expect rack12-a 1/1/8 ready 0 -
expect rack12-b Gi1/0/1 warning 0 stp-legacy-mode
expect rack12-b Gi1/0/2 warning 0 bpdu-guard-off,stp-legacy-mode
expect rack12-b Gi1/0/3 not-ready 30 portfast-trunk-missing,stp-legacy-mode
expect rack12-b Gi1/0/4 not-ready 30 stp-legacy-mode,stp-not-edge
expect rack12-b Gi1/0/5 not-ready 0 err-disabled,stp-legacy-mode
expect rack12-b Gi1/0/6 not-ready 0 admin-down,stp-legacy-mode
expect rack12-b Gi1/0/7 not-ready 0 stp-legacy-mode,vlan-mismatch
expect rack12-c Ethernet1 ready 0 autoneg-on
expect rack12-c Ethernet2 warning 0 autoneg-on,speed-degraded
expect rack12-c Ethernet3 not-ready 0 autoneg-on,link-down
expect rack12-c Ethernet4 not-ready 0 autoneg-on,vlan-mismatch
# Port-Channel1 members: spanning tree runs on Port-Channel1 (bridge port 100,
# admin/oper edge 1, forwarding, pvid 100), so they are edge from it, blackout 0;
# fallback unknown: warning.
expect rack12-c Ethernet5 warning 0 autoneg-on,lacp-fallback-unknown
expect rack12-c Ethernet6 warning 0 autoneg-on,lacp-fallback-unknown
expect rack12-c Ethernet7 not-ready 30 autoneg-on,stp-not-edge
expect rack12-c Ethernet8 warning 3 autoneg-on,stp-edge-auto
expect rack12-c Ethernet9 not-ready 0 admin-down,autoneg-on
expect rack12-c Ethernet10 not-ready 0 autoneg-on,link-down
expect rack12-c Ethernet11 ready 0 autoneg-on
# Ethernet12 is an uplink (LLDP-V2 neighbour spine1 with bridge and router enabled, the
# CIST root port, the root port): rack12-c lists no ports, so it is left out, not judged.
pr_expect_eq "rack12-c Ethernet12 not judged" 0 \
    "$(pr_json "$PR_TMP/audit.json" 'sum(p["name"] == "Ethernet12" for p in d["switches"][2]["ports"])')"
# 7 warnings (Ethernet5 and Ethernet6 among them); Ethernet12 left out.
pr_expect_eq "summary" "26 6 7 13 0 1" "$(pr_json "$PR_TMP/audit.json" \
    '" ".join(str(d["summary"][k]) for k in ("ports","ready","warning","not_ready","unknown","uplinks"))')"
# rack12-c lists no ports: every physical port but the uplink, and only those
# (11 Ethernet, not Port-Channel1, the loopback or VLAN interfaces).
pr_expect_eq "rack12-c: every physical port but the uplink" 11 \
    "$(pr_json "$PR_TMP/audit.json" 'len(d["switches"][2]["ports"])')"
pr_expect_eq "rack12-c: the uplink left out, with its evidence" \
    "Ethernet12 12 LLDP-V2-MIB lldpV2RemSysCapEnabled.0.12.1.1 = 28 (bridge, router)" \
    "$(pr_json "$PR_TMP/audit.json" '" ".join(str(u[k]) for u in d["switches"][2]["uplinks"] for k in ("name","ifindex","evidence")).split(";")[0]')"
pr_expect_eq "rack12-a, rack12-b list their ports: no uplink left out" "0 0" \
    "$(pr_json "$PR_TMP/audit.json" '" ".join(str(len(s["uplinks"])) for s in d["switches"][:2])')"

# Roles, from the recordings (lab/README.md): LLDP stations on 1/1/1, 1/1/2, Ethernet1 and
# both members of Port-Channel1; a CDP host on Gi1/0/1; nothing on the others.
role() {
    pr_json "$PR_TMP/audit.json" "[p['role'] for s in d['switches'] if s['name']=='$1' for p in s['ports'] if p['name']=='$2'][0]"
}
for sp in rack12-a:1/1/1 rack12-a:1/1/2 rack12-b:Gi1/0/1 rack12-c:Ethernet1 rack12-c:Ethernet5 \
    rack12-c:Ethernet6; do
    pr_expect_eq "role of $sp" server "$(role "${sp%%:*}" "${sp#*:}")"
done
pr_expect_eq "role of rack12-a 1/1/5" uplink "$(role rack12-a 1/1/5)"
for sp in rack12-a:1/1/3 rack12-b:Gi1/0/4 rack12-c:Ethernet7 rack12-c:Ethernet11; do
    pr_expect_eq "role of $sp" unknown "$(role "${sp%%:*}" "${sp#*:}")"
done
# A named uplink gets no edge, BPDU-guard, VLAN or LACP-fallback fix: 1/1/5's
# stp-not-forwarding fix (make it edge) is withheld.
pr_expect_eq "1/1/5: no fix for stp-not-forwarding" None \
    "$(pr_json "$PR_TMP/audit.json" '[f["fix"] for p in d["switches"][0]["ports"] if p["name"]=="1/1/5" for f in p["findings"] if f["id"]=="stp-not-forwarding"][0]')"

# Evidence names the object and value.
pr_expect_eq "evidence of 1/1/3" "RSTP-MIB dot1dStpPortAdminEdgePort.3 = false(2)" \
    "$(pr_json "$PR_TMP/audit.json" '[f["evidence"] for p in d["switches"][0]["ports"] if p["name"]=="1/1/3" for f in p["findings"]][0]')"

# --fix ends each switch with one block; rack12-b's switch-wide change once, first,
# marked disruptive; no uplink's name anywhere in a block.
"$PORTREADY" audit --fix "$PR_TMP/rack.yaml" >"$PR_TMP/fix.txt" || true
pr_expect_eq "--fix: one block per switch" 3 "$(grep -c '^  fix, ' "$PR_TMP/fix.txt")"
pr_expect_eq "--fix: rack12-b's mode change once" 1 \
    "$(grep -c '^    spanning-tree mode rapid-pvst$' "$PR_TMP/fix.txt")"
pr_expect_eq "--fix: marked disruptive" 1 \
    "$(grep -c '^    ! switch-wide and disruptive: the whole switch reconverges' "$PR_TMP/fix.txt")"
python3 - "$PR_TMP/audit.json" >"$PR_TMP/blocks.txt" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
for s in d["switches"]:
    names = [u["name"] for u in s["uplinks"]] + [p["name"] for p in s["ports"] if p["role"] == "uplink"]
    text = (s["fix"] or {}).get("text") or ""
    for n in names:
        long = {"Gi1/0/12": "GigabitEthernet1/0/12"}.get(n, n)
        for w in (n, long):
            if re.search(r"(^|[^\w/])" + re.escape(w) + r"($|[^\w/])", text):
                print(s["name"], "block names uplink", w)
    print(s["name"], "block", "yes" if text else "no", "uplinks", ",".join(names) or "-")
PY
pr_expect_eq "--fix blocks never name an uplink" \
    "rack12-a block yes uplinks 1/1/5 rack12-b block yes uplinks - rack12-c block yes uplinks Ethernet12" \
    "$(paste -sd' ' "$PR_TMP/blocks.txt")"

# check with no port: rack12-a's uplinks are left out and listed; --all-ports judges them,
# each with port-is-uplink and no edge or VLAN fix.
"$PORTREADY" check --walk "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" --fix >"$PR_TMP/a.txt" || true
pr_expect_eq "check rack12-a: uplinks left out" \
    "  uplinks left out: 1/1/5 (blocked by BPDUs from bridge 52:54:00:12:05:05), 1/1/12 (LLDP neighbour" \
    "$(grep '^  uplinks left out' "$PR_TMP/a.txt")"
pr_expect_eq "check rack12-a: no fix names 1/1/12" 0 "$(grep -c '1/1/12' <(sed -n '/^  fix, /,$p' "$PR_TMP/a.txt"))"
"$PORTREADY" check --walk "$PR_SOURCE_DIR/lab/data/rack12-c.snmprec" --all-ports --expect-vlan 100 \
    --format json >"$PR_TMP/c-all.json" || true
pr_expect_eq "--all-ports: Ethernet12 judged, port-is-uplink, no edge or VLAN fix" \
    "not-ready autoneg-on:set port-is-uplink:None stp-not-edge:None vlan-mismatch:None" \
    "$(pr_json "$PR_TMP/c-all.json" '[" ".join([p["verdict"]] + sorted(f["id"] + ":" + ("None" if f["fix"] is None else "set") for f in p["findings"])) for p in d["switches"][0]["ports"] if p["name"]=="Ethernet12"][0]')"
pr_expect_eq "--all-ports: nothing left out" "0 12" \
    "$(pr_json "$PR_TMP/c-all.json" 'str(d["summary"]["uplinks"]) + " " + str(d["summary"]["ports"])')"
# The Cisco snippet names the interface as configuration spells it (ifDescr
# GigabitEthernet1/0/3, not ifName Gi1/0/3): trunk PortFast for the trunk.
pr_expect_eq "rack12-b Gi1/0/3 fix" "interface GigabitEthernet1/0/3| spanning-tree portfast edge trunk" \
    "$(pr_json "$PR_TMP/audit.json" '[f["fix"] for p in d["switches"][1]["ports"] if p["name"]=="Gi1/0/3" for f in p["findings"] if f["id"]=="portfast-trunk-missing"][0].replace(chr(10),"|")')"

# The same recordings through --walk give the same ports as the live agents.
for sw in rack12-a rack12-b rack12-c; do
    set +e
    "$PORTREADY" check --walk "$PR_SOURCE_DIR/lab/data/$sw.snmprec" --format json >"$PR_TMP/walk-$sw.json"
    port=$base
    [ $sw = rack12-b ] && port=$((base + 1))
    [ $sw = rack12-c ] && port=$((base + 2))
    "$PORTREADY" check -c $sw "127.0.0.1:$port" --format json >"$PR_TMP/live-$sw.json"
    set -e
    same=$(python3 -c 'import json,sys
a=json.load(open(sys.argv[1]))["switches"][0]; b=json.load(open(sys.argv[2]))["switches"][0]
print(a["ports"]==b["ports"] and a["stp"]==b["stp"] and a["driver"]==b["driver"] and len(a["ports"])>0)' \
        "$PR_TMP/walk-$sw.json" "$PR_TMP/live-$sw.json")
    pr_expect_eq "$sw: live and --walk identical" True "$same"
done

# One switch's agent stopped: the others are still reported; their not-ready
# ports win over the unreadable switch: exit 2.
"$lab" stop --state-dir "$state" rack12-b >/dev/null
start=$(date +%s)
set +e
"$PORTREADY" audit --format json "$PR_TMP/rack.yaml" >"$PR_TMP/audit2.json"
rc=$?
set -e
pr_expect_eq "one switch down: exit 2 (not-ready ports win)" 2 "$rc"
pr_expect_eq "one switch down: rack12-b has its error" True \
    "$(pr_json "$PR_TMP/audit2.json" 'd["switches"][1]["error"] is not None and "no answer" in d["switches"][1]["error"]')"
pr_expect_eq "one switch down: the others still reported" "8 11" \
    "$(pr_json "$PR_TMP/audit2.json" 'str(len(d["switches"][0]["ports"]))+" "+str(len(d["switches"][2]["ports"]))')"
pr_expect_eq "one switch down: summary" "3 1" \
    "$(pr_json "$PR_TMP/audit2.json" 'str(d["summary"]["switches"])+" "+str(d["summary"]["unreadable"])')"
pr_done
