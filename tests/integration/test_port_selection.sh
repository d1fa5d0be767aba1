#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# What was asked for and not judged is never success, and never hides what
# was judged:
# - a source with no switch port (an EOS configuration with only
#   Management1, a router's walk) exits 3 saying no switch port was found,
#   naming the source;
# - a PORT that matches nothing, among good ones: the good ones are judged
#   and printed, the wrong one is an error line of the switch's block (JSON:
#   the switch's port_errors) naming the closest matches, the switch is not
#   UNREADABLE, the name counts as unchecked, exit 3 -- or 2 when a port is
#   not ready;
# - the ports listed for a switch that cannot be read count as unchecked.
# Through check and audit, text and JSON.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
lab=$PR_SOURCE_DIR/lab/data/rack12-a.snmprec

# run NAME CMD...: portready CMD..., outputs in $PR_TMP/NAME.{out,err}, exit code in $RC
run() {
    local name=$1
    shift
    RC=0
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" || RC=$?
}
j() { pr_json "$PR_TMP/$1.out" "$2"; }

########################################################################
# No switch port at all.
cat >"$PR_TMP/eos-mgmt.conf" <<'EOF'
! device: eos-lab (DCS-7050SX3-48YC8, EOS-4.29.2F)
hostname eos-lab
spanning-tree mode mstp
interface Management1
   ip address 192.0.2.10/24
end
EOF
run eos check --config "$PR_TMP/eos-mgmt.conf"
pr_expect_eq "only Management1: exit 3" 3 "$RC"
msg="no switch port found in the configuration $PR_TMP/eos-mgmt.conf (management, VLAN, loopback and virtual interfaces are not switch ports)"
pr_expect_eq "only Management1: stderr says no switch port was found, naming the file" \
    "portready: check: $msg" "$(cat "$PR_TMP/eos.err")"
pr_expect_eq "only Management1: an error line in the report, not UNREADABLE" "1 0" \
    "$(grep -c '^  ERROR      no switch port found in the configuration' "$PR_TMP/eos.out") $(grep -c UNREADABLE "$PR_TMP/eos.out")"
run eos-json check --format json --config "$PR_TMP/eos-mgmt.conf"
pr_expect_eq "only Management1, JSON: exit 3, error null, the message in port_errors" \
    "3 None ['$msg'] 0" \
    "$RC $(j eos-json 'd["switches"][0]["error"]') $(j eos-json 'd["switches"][0]["port_errors"]') $(j eos-json 'd["summary"]["ports"]')"
if [ -d "$PR_FIXTURES" ]; then
    f=$PR_FIXTURES/configs/oxidized__eos_DCS-7050SX3-48YC8_4.29.2F_output.txt
    run eos-real check --format json --config "$f"
    pr_expect_eq "the real EOS configuration with only Management1: exit 3, no switch port found" \
        "3 no switch port found in the configuration $f" \
        "$RC $(j eos-real 'd["switches"][0]["port_errors"][0].split(" (")[0]')"
fi

# A router's walk: loopback, tunnel and VLAN interfaces, no switch port.
{
    echo '1.3.6.1.2.1.1.1.0|4|router'
    i=1
    for spec in Loopback0:24 Tunnel0:131 Vlan1:136 Null0:1 Vlan20:136; do
        echo "1.3.6.1.2.1.2.2.1.2.$i|4|${spec%:*}"
        echo "1.3.6.1.2.1.2.2.1.3.$i|2|${spec#*:}"
        echo "1.3.6.1.2.1.2.2.1.7.$i|2|1"
        echo "1.3.6.1.2.1.2.2.1.8.$i|2|1"
        i=$((i + 1))
    done
} >"$PR_TMP/router.snmprec"
run router check --walk "$PR_TMP/router.snmprec"
pr_expect_eq "router walk: exit 3" 3 "$RC"
pr_expect_eq "router walk: no switch port found in the recording, with what it has" \
    "portready: check: no switch port found in the recording $PR_TMP/router.snmprec: its 5 interfaces (Loopback0, Tunnel0, Vlan1, ...) are management, VLAN, loopback or virtual" \
    "$(cat "$PR_TMP/router.err")"

########################################################################
# A wrong PORT among good ones.
run wrong check --walk "$lab" 1/1/1 1/1/99 1/1/2
pr_expect_eq "wrong PORT among ready ones: exit 3" 3 "$RC"
pr_expect_eq "wrong PORT: the good ports are judged and printed" 2 \
    "$(grep -cE '^  READY      1/1/[12] ' "$PR_TMP/wrong.out")"
pr_expect_eq "wrong PORT: an error line in the switch's block, with the closest matches" \
    "  ERROR      no port '1/1/99' on rack12-a.snmprec; closest: 1/1/9, 1/1/1, 1/1/2" \
    "$(grep '^  ERROR' "$PR_TMP/wrong.out")"
pr_expect_eq "wrong PORT: the switch is not UNREADABLE" 0 "$(grep -c UNREADABLE "$PR_TMP/wrong.out")"
pr_expect_eq "wrong PORT: the summary counts it unchecked" \
    "Summary: 1 switch, 2 ports: 2 ready, 0 warning, 0 not ready, 0 unknown; 1 unchecked" \
    "$(grep '^Summary' "$PR_TMP/wrong.out")"
pr_expect_eq "wrong PORT: stderr names it too" \
    "portready: check: no port '1/1/99' on rack12-a.snmprec; closest: 1/1/9, 1/1/1, 1/1/2" \
    "$(cat "$PR_TMP/wrong.err")"
run wrong-json check --format json --walk "$lab" 1/1/1 1/1/99 1/1/2 nope
pr_expect_eq "wrong PORTs, JSON: error null, one port error each, good ports judged" \
    "3 None 2 ready,ready 2" \
    "$RC $(j wrong-json 'd["switches"][0]["error"]') $(j wrong-json 'len(d["switches"][0]["port_errors"])') $(j wrong-json '",".join(p["verdict"] for p in d["switches"][0]["ports"])') $(j wrong-json 'd["summary"]["unchecked"]')"
pr_expect_eq "wrong PORTs, JSON: the messages" \
    "no port '1/1/99' on rack12-a.snmprec; closest: 1/1/9, 1/1/1, 1/1/2|no port 'nope' on rack12-a.snmprec; closest: lo0, 1/1/1, 1/1/2" \
    "$(j wrong-json '"|".join(d["switches"][0]["port_errors"])')"
# A not-ready port wins over the unchecked one.
run wrong-nr check --format json --walk "$lab" 1/1/3 1/1/99
pr_expect_eq "wrong PORT beside a not-ready one: exit 2" 2 "$RC"
# port_errors is always an array.
run good-json check --format json --walk "$lab" 1/1/1
pr_expect_eq "no wrong PORT: port_errors is [], unchecked 0, exit 0" "0 [] 0" \
    "$RC $(j good-json 'd["switches"][0]["port_errors"]') $(j good-json 'd["summary"]["unchecked"]')"
# -q still shows the error line.
run quiet check -q --walk "$lab" 1/1/1 1/1/99
pr_expect_eq "-q: the error line stays" 1 "$(grep -c '^  ERROR      no port' "$PR_TMP/quiet.out")"

########################################################################
# Audit: a wrong port name, a switch that cannot be read, a switch with no switch port.
port=$(pr_free_udp_port)
cat >"$PR_TMP/rack.yaml" <<EOF
defaults:
  snmp: {timeout: 0.5, retries: 0}
switches:
  - name: good
    walk: $lab
    ports: [1/1/1, 1/1/99, 1/1/2]
  - name: gone
    host: 127.0.0.1:$port
    ports: [Gi1/0/1, Gi1/0/2, Gi1/0/3]
  - name: eos
    config: $PR_TMP/eos-mgmt.conf
EOF
run audit-json audit --format json "$PR_TMP/rack.yaml"
pr_expect_eq "audit: exit 3 (nothing not ready; unchecked and unreadable)" 3 "$RC"
pr_expect_eq "audit: the good switch is read, its wrong port in port_errors" \
    "None ready,ready no port '1/1/99' on good; closest: 1/1/9, 1/1/1, 1/1/2" \
    "$(j audit-json 'd["switches"][0]["error"]') $(j audit-json '",".join(p["verdict"] for p in d["switches"][0]["ports"])') $(j audit-json '"|".join(d["switches"][0]["port_errors"])')"
pr_expect_eq "audit: the unreadable switch has its error and no port errors" "True []" \
    "$(j audit-json 'd["switches"][1]["error"] is not None') $(j audit-json 'd["switches"][1]["port_errors"]')"
pr_expect_eq "audit: no switch port on the EOS switch" "no switch port found in the configuration" \
    "$(j audit-json 'd["switches"][2]["port_errors"][0].split(" /")[0]')"
pr_expect_eq "audit: summary: 2 ports judged, 1 unreadable, 4 unchecked (1 name, 3 of the unreadable)" \
    "3 1 2 4" \
    "$(j audit-json '" ".join(str(d["summary"][k]) for k in ("switches","unreadable","ports","unchecked"))')"
run audit-text audit "$PR_TMP/rack.yaml"
pr_expect_eq "audit, text: the summary" \
    "Summary: 3 switches (1 unreadable), 2 ports: 2 ready, 0 warning, 0 not ready, 0 unknown; 4 unchecked; 1 switch without a switch port" \
    "$(grep '^Summary' "$PR_TMP/audit-text.out")"
pr_expect_eq "audit, text: one UNREADABLE (the agent), two error lines" "1 2" \
    "$(grep -c UNREADABLE "$PR_TMP/audit-text.out") $(grep -c '^  ERROR' "$PR_TMP/audit-text.out")"

# An audit of a switch whose ports are all ready beside ones with no switch
# port (the EOS configuration, the router's walk): the ready ports do not
# hide them (before: exit 0, "all ready"). 1/1/1 and 1/1/2 of rack12-a are
# ready (lab/README.md).
cat >"$PR_TMP/portless.yaml" <<EOF
switches:
  - {name: good, walk: $lab, ports: [1/1/1, 1/1/2]}
  - {name: eos, config: $PR_TMP/eos-mgmt.conf}
  - {name: router, walk: $PR_TMP/router.snmprec}
EOF
run portless-json audit --format json "$PR_TMP/portless.yaml"
pr_expect_eq "audit with switches without a switch port: exit 3, 2 ready, portless 2, the reason in each one's port_errors" \
    "3 2 2 no switch port found|no switch port found" \
    "$RC $(j portless-json 'd["summary"]["ready"]') $(j portless-json 'd["summary"]["portless"]') $(j portless-json '"|".join(s["port_errors"][0][:20] for s in d["switches"][1:])')"
run portless-text audit "$PR_TMP/portless.yaml"
pr_expect_eq "audit with switches without a switch port, text: exit 3, the summary says so" \
    "3 Summary: 3 switches, 2 ports: 2 ready, 0 warning, 0 not ready, 0 unknown; 2 switches without a switch port" \
    "$RC $(grep '^Summary' "$PR_TMP/portless-text.out")"
run portless-nagios audit --format nagios "$PR_TMP/portless.yaml"
pr_expect_eq "audit with switches without a switch port, nagios: UNKNOWN" "3 PORTREADY UNKNOWN" \
    "$RC $(head -1 "$PR_TMP/portless-nagios.out" | cut -d' ' -f1-2)"

# check of an unreachable agent: the named ports are unchecked.
run gone check --format json -t 0.5 -r 0 "127.0.0.1:$port" Gi1/0/1 Gi1/0/2
pr_expect_eq "check, agent unreachable: exit 3, both named ports unchecked" "3 2 0" \
    "$RC $(j gone 'd["summary"]["unchecked"]') $(j gone 'd["summary"]["ports"]')"

pr_done
