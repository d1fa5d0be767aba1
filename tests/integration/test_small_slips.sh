#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Small things a new user trips on, each through the real binary: a NETCONF
# error says "NETCONF:" once; a recorded walk is called a recording, never
# "the agent"; dhcp-log reads standard input when no FILE is given (and says
# why not when standard input is a terminal); an option that takes no value
# given one (time --force=x) is named, never printed as a stray character.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

# run NAME CMD...: portready CMD..., stdout/stderr to $PR_TMP/NAME.{out,err}, exit code in
# $PR_TMP/NAME.rc
run() {
    local name=$1 rc=0
    shift
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" </dev/null || rc=$?
    echo "$rc" >"$PR_TMP/$name.rc"
}
rc() { cat "$PR_TMP/$1.rc"; }

# NETCONF to a port nothing listens on: the refusal, prefixed once.
port=$(pr_free_tcp_port)
run nc check --netconf "admin@127.0.0.1:$port" -t 2
pr_expect_eq "netconf refused: exit 3" 3 "$(rc nc)"
pr_expect_eq "netconf refused: 'NETCONF:' said once" \
    "portready: check: NETCONF: connection refused by 127.0.0.1 port $port (is NETCONF over SSH enabled on that port?)" \
    "$(cat "$PR_TMP/nc.err")"
pr_expect_eq "netconf refused: the report says it once too" 1 \
    "$(grep -c '^  UNREADABLE NETCONF: connection refused' "$PR_TMP/nc.out")"
cat >"$PR_TMP/nc.yaml" <<EOF
switches:
  - name: nc1
    host: 127.0.0.1
    netconf: {user: admin, port: $port}
EOF
run nc-audit audit --format json "$PR_TMP/nc.yaml"
pr_expect_eq "audit, netconf refused: 'NETCONF:' said once" \
    "NETCONF: connection refused by 127.0.0.1 port $port (is NETCONF over SSH enabled on that port?)" \
    "$(pr_json "$PR_TMP/nc-audit.out" 'd["switches"][0]["error"]')"

# A recording with no IF-MIB (a per-VLAN context's BRIDGE-MIB only): the recording, by name.
printf '%s\n' '1.3.6.1.2.1.1.1.0|4|bridge only' '1.3.6.1.2.1.17.1.4.1.2.1|2|1' \
    '1.3.6.1.2.1.17.2.15.1.3.1|2|5' >"$PR_TMP/bridge-only.snmprec"
run noif check --format json --walk "$PR_TMP/bridge-only.snmprec"
pr_expect_eq "walk without IF-MIB: exit 3" 3 "$(rc noif)"
pr_expect_eq "walk without IF-MIB: the recording is named, not 'the agent'" \
    "the recording $PR_TMP/bridge-only.snmprec holds no IF-MIB interfaces (ifTable), only BRIDGE-MIB ports: a VLAN's context (Cisco's community@VLAN)? Read the switch's own context; portready reads each VLAN's from it" \
    "$(pr_json "$PR_TMP/noif.out" 'd["switches"][0]["error"]')"
# IF-MIB but no spanning tree: the mode's evidence names the recording too.
printf '%s\n' '1.3.6.1.2.1.1.1.0|4|no stp' '1.3.6.1.2.1.2.2.1.2.1|4|eth1' \
    '1.3.6.1.2.1.2.2.1.3.1|2|6' '1.3.6.1.2.1.2.2.1.7.1|2|1' '1.3.6.1.2.1.2.2.1.8.1|2|1' \
    '1.3.6.1.2.1.31.1.1.1.1.1|4|eth1' >"$PR_TMP/nostp.snmprec"
run nostp check --verbose --walk "$PR_TMP/nostp.snmprec"
pr_expect_eq "walk without STP: the mode's evidence names the recording" \
    "    mode: the recording $PR_TMP/nostp.snmprec holds no spanning-tree objects (BRIDGE-MIB, IEEE8021-SPANNING-TREE-MIB)" \
    "$(grep '^    mode:' "$PR_TMP/nostp.out")"
if grep -q 'the agent' "$PR_TMP/nostp.out" "$PR_TMP/noif.out" "$PR_TMP/noif.err"; then
    pr_fail "a recording is called 'the agent': $(grep -h 'the agent' "$PR_TMP/nostp.out" "$PR_TMP/noif.out")"
else
    pr_pass "no message calls a recording 'the agent'"
fi

# A device as the log: /dev/zero never ends, so it is refused at once (exit
# 3, named), for dhcp-log and boot-log alike; /dev/null is an empty log.
for cmd in dhcp-log boot-log; do
    rc=0
    timeout 10 "$PORTREADY" "$cmd" /dev/zero >/dev/null 2>"$PR_TMP/zero.err" || rc=$?
    pr_expect_eq "$cmd /dev/zero: exit 3 at once" 3 "$rc"
    pr_expect_eq "$cmd /dev/zero: named" \
        "portready: cannot read /dev/zero: a character device, not a log (give a file, a pipe or -)" \
        "$(head -1 "$PR_TMP/zero.err")"
done
run devnull dhcp-log /dev/null
pr_expect_eq "dhcp-log /dev/null: an empty log" \
    "3 portready: no line of dhcpd, dnsmasq or Kea in /dev/null" \
    "$(rc devnull) $(head -1 "$PR_TMP/devnull.err")"

# dhcp-log with no FILE: standard input when it is a pipe or a file...
log=$PR_SOURCE_DIR/tests/data/dhcplog/classes-classic.log
rc=0
"$PORTREADY" dhcp-log --format json <"$log" >"$PR_TMP/stdin.out" 2>"$PR_TMP/stdin.err" || rc=$?
"$PORTREADY" dhcp-log --format json "$log" >"$PR_TMP/file.out" 2>/dev/null || true
pr_expect_eq "dhcp-log without FILE reads standard input: exit 2 as for the file" 2 "$rc"
pr_expect_eq "dhcp-log without FILE: the same verdicts as the file" \
    "$(pr_json "$PR_TMP/file.out" '[c["verdict"] for c in d["dhcp"]]')" \
    "$(pr_json "$PR_TMP/stdin.out" '[c["verdict"] for c in d["dhcp"]]')"
rc=0
cat "$log" | "$PORTREADY" dhcp-log >"$PR_TMP/pipe.out" 2>&1 || rc=$?
pr_expect_eq "dhcp-log without FILE, from a pipe: exit 2" 2 "$rc"
# ...and a usage error when standard input is a terminal (script gives it a pty).
if command -v script >/dev/null; then
    rc=0
    script -qec "$PORTREADY dhcp-log" /dev/null </dev/null >"$PR_TMP/tty.out" 2>&1 || rc=$?
    pr_expect_eq "dhcp-log without FILE on a terminal: exit 3" 3 "$rc"
    pr_expect_eq "dhcp-log without FILE on a terminal: says so, with the hint" 2 \
        "$(grep -c -e 'no log file given, and standard input is a terminal' \
            -e "Try 'portready dhcp-log --help'" "$PR_TMP/tty.out")"
else
    echo "# script(1) missing: the terminal case is not tested"
fi

# An option that takes no value, given one: named, in plain text.
run force time --iface lo --force=x
pr_expect_eq "time --force=x: exit 3" 3 "$(rc force)"
pr_expect_eq "time --force=x: says --force takes no value" \
    "portready: --force takes no value ('--force=x')" "$(head -1 "$PR_TMP/force.err")"
if LC_ALL=C grep -q '[^[:print:]]' "$PR_TMP/force.err"; then
    pr_fail "time --force=x: a control character in the message"
else
    pr_pass "time --force=x: printable message"
fi
run fixval check --fix=yes --walk "$PR_TMP/nostp.snmprec"
pr_expect_eq "check --fix=yes: says --fix takes no value" \
    "portready: check: --fix takes no value ('--fix=yes')" "$(head -1 "$PR_TMP/fixval.err")"
run unknown time --iface lo -Z
pr_expect_eq "time -Z: still an unknown option" "portready: unknown option '-Z'" \
    "$(head -1 "$PR_TMP/unknown.err")"

pr_done
