#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --format nagios on every exit path of check and audit: ready, warnings,
# not ready, unknown, unreadable, bad arguments, a bad inventory,
# interrupted (SIGTERM) and --timeout-total expired. Each time exactly one
# status line comes first on stdout, well formed (monitor_lib.sh's
# mon_plugin_check), and its state is the exit code; the thresholds act on
# the predicted blackout as documented. The expected states come from the
# lab's verdicts (lab/README.md).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/monitor_lib.sh"

data="$PR_SOURCE_DIR/lab/data"
mon_lab_inventory "$PR_TMP/rack.yaml"
mon_silent_udp

# plugin NAME EXPECTED_RC ARGS...: runs portready, checks the output.
plugin() {
    local name=$1 want=$2
    shift 2
    set +e
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err"
    local rc=$?
    set -e
    echo "$rc" >"$PR_TMP/$name.rc"
    pr_expect_eq "$name: exit $want" "$want" "$rc"
    pr_expect_eq "$name: one well-formed status line, state $(mon_state_of "$rc")" ok \
        "$(mon_plugin_check "$PR_TMP/$name.out" "$rc")"
}
status() { head -1 "$PR_TMP/$1.out"; }
has() {
    if grep -qF -- "$2" "$PR_TMP/$1.out"; then pr_pass "$1: says '$2'"; else
        pr_fail "$1: no '$2' in: $(cat "$PR_TMP/$1.out")"
    fi
}

# The lab's verdicts: rack12-a 1/1/1, 1/1/2, 1/1/8 ready; 1/1/4 auto-edge
# (warning, 3 s); 1/1/3 not edge (not ready, 30 s); rack12-c Ethernet5 an
# LACP member whose edge no source shows (unknown).
A="$data/rack12-a.snmprec"
plugin ready 0 check --walk "$A" --format nagios 1/1/1 1/1/2 1/1/8
pr_expect_eq "ready: status" \
    "PORTREADY OK - 3 of 3 ports ready | 'ports'=3;;;0; 'ready'=3;;;0;3 'warning'=0;;;0;3 'not_ready'=0;;;0;3 'unknown'=0;;;0;3 'switches'=1;;;0; 'unreadable'=0;;;0;1 'unchecked'=0;;;0; 'blackout_max'=0s;;;0;" \
    "$(status ready)"
pr_expect_eq "ready: no long output" 1 "$(wc -l <"$PR_TMP/ready.out")"
plugin warning 1 check --walk "$A" --format nagios 1/1/1 1/1/4
has warning "PORTREADY WARNING - 1 of 2 ports with warnings: rack12-a.snmprec 1/1/4 stp-edge-auto |"
has warning "'blackout_max'=3s;;;0;"
plugin not-ready 2 check --walk "$A" --format nagios 1/1/1 1/1/3 1/1/4
has not-ready "PORTREADY CRITICAL - 1 of 3 ports not ready: rack12-a.snmprec 1/1/3 stp-not-edge; 1 of 3 ports with warnings: rack12-a.snmprec 1/1/4 stp-edge-auto |"
has not-ready $'\nrack12-a.snmprec 1/1/3: not-ready, blackout 30 s: stp-not-edge\n'
# tests/data/generic/ports.snmprec: no edge object for any bridge port, so
# both ports' edge (and blackout) is unknown.
plugin unknown 3 check --walk "$PR_SOURCE_DIR/tests/data/generic/ports.snmprec" --format nagios 1/1/1 2
has unknown "PORTREADY UNKNOWN - 2 of 2 ports unknown: ports.snmprec 1/1/1, ports.snmprec 2 |"
# rack12-c's Port-Channel1 member: edge from the channel, fallback unknown.
plugin member 1 check --walk "$data/rack12-c.snmprec" --format nagios --expect-vlan 100 Ethernet1 Ethernet5
has member "PORTREADY WARNING - 1 of 2 ports with warnings: rack12-c.snmprec Ethernet5 lacp-fallback-unknown |"

# Thresholds on the blackout, on top of the verdict: 1/1/4's 3 s.
plugin crit-threshold 2 check --walk "$A" --format nagios --critical 2 1/1/1 1/1/4
has crit-threshold "PORTREADY CRITICAL - 1 of 2 ports not ready: rack12-a.snmprec 1/1/4 blackout-threshold |"
has crit-threshold "'blackout_max'=3s;;2;0;"
has crit-threshold "rack12-a.snmprec 1/1/4: not-ready, blackout 3 s: blackout-threshold, stp-edge-auto"
plugin warn-threshold 1 check --walk "$A" --format nagios --warning 2 --critical 10 1/1/1 1/1/4
has warn-threshold "'blackout_max'=3s;2;10;0;"
plugin within 1 check --walk "$A" --format nagios --warning 5 --critical 10 1/1/4
has within "1 of 1 port with warnings: rack12-a.snmprec 1/1/4 stp-edge-auto |"
# A range: '@0:0' alerts on an edge port's 0 s.
plugin inside-range 2 check --walk "$A" --format nagios --critical @0:0 1/1/1
has inside-range "'blackout_max'=0s;;@0:0;0;"
plugin low-range 2 check --walk "$A" --format nagios --warning 10: 1/1/3 1/1/1
has low-range "1 of 2 ports not ready: rack12-a.snmprec 1/1/3 stp-not-edge; 1 of 2 ports with warnings: rack12-a.snmprec 1/1/1 blackout-threshold"
# JSON carries the same finding.
"$PORTREADY" check --walk "$A" --format json --critical 2 1/1/4 >"$PR_TMP/crit.json" || true
pr_expect_eq "json: the threshold's finding" "not-ready blackout-threshold critical" \
    "$(pr_json "$PR_TMP/crit.json" '" ".join([d["switches"][0]["ports"][0]["verdict"], d["switches"][0]["ports"][0]["findings"][0]["id"], d["switches"][0]["ports"][0]["findings"][0]["severity"]])')"

# The whole lab: 26 ports (rack12-a 8, rack12-b 7, rack12-c 11: its uplink
# Ethernet12 is left out).
plugin audit 2 audit --format nagios "$PR_TMP/rack.yaml"
has audit "PORTREADY CRITICAL - 13 of 26 ports not ready: rack12-a 1/1/3 stp-not-edge, rack12-a 1/1/5 stp-not-forwarding, rack12-a 1/1/6 admin-down, rack12-b Gi1/0/3 portfast-trunk-missing, rack12-b Gi1/0/4 stp-not-edge and 8 more; 7 of 26 ports with warnings |"
pr_expect_eq "audit: a line per port not ready, unknown or warning" 20 \
    "$(tail -n +2 "$PR_TMP/audit.out" | grep -c ': \(not-ready\|unknown\|warning\), blackout ')"

# Unreadable: an agent that never answers.
plugin unreadable 3 check --format nagios -t 0.3 -r 0 "127.0.0.1:$MON_SILENT_PORT"
has unreadable "PORTREADY UNKNOWN - 1 switch unreadable: 127.0.0.1:$MON_SILENT_PORT (127.0.0.1:$MON_SILENT_PORT: no answer within 0.3 s"
cat >"$PR_TMP/mixed.yaml" <<YAML
defaults:
  snmp: {version: 2c, community: x, timeout: 0.3, retries: 0}
switches:
  - {name: gone, host: 127.0.0.1:$MON_SILENT_PORT}
  - {name: rack12-a, walk: $A, ports: [1/1/1, 1/1/3]}
YAML
plugin audit-unreadable 2 audit --format nagios "$PR_TMP/mixed.yaml"
has audit-unreadable "PORTREADY CRITICAL - 1 of 2 ports not ready: rack12-a 1/1/3 stp-not-edge; 1 switch unreadable: gone ("
has audit-unreadable $'\ngone: unreadable: 127.0.0.1:'

# Bad arguments and a bad inventory: one UNKNOWN line, also when the bad
# option comes before --format.
plugin bad-option 3 check --bogus --format nagios --walk "$A"
pr_expect_eq "bad-option: status" "PORTREADY UNKNOWN - check: unknown option '--bogus'" "$(status bad-option)"
plugin bad-option-eq 3 audit --format=nagios --jobs 0 "$PR_TMP/rack.yaml"
has bad-option-eq "PORTREADY UNKNOWN - audit: --jobs takes a number from 1 to 1024, not '0'"
plugin bad-range 3 check --walk "$A" --format nagios --critical 10:5
has bad-range "PORTREADY UNKNOWN - check: --critical: range '10:5': the start is above the end"
plugin no-switch 3 check --format nagios
plugin bad-port 3 check --walk "$A" --format nagios 1/1/99
# A PORT that names nothing is unchecked, not an unreadable switch.
has bad-port "PORTREADY UNKNOWN - 1 port unchecked (no port '1/1/99' on rack12-a.snmprec; closest:"
plugin repeat 3 audit --format nagios --repeat 2 "$PR_TMP/rack.yaml"
printf 'switches:\n  - name: a\n    host: 127.0.0.1:1161\n    snmp: {comunity: x}\n' >"$PR_TMP/typo.yaml"
plugin bad-inventory 3 audit --format nagios "$PR_TMP/typo.yaml"
has bad-inventory "PORTREADY UNKNOWN - audit: $PR_TMP/typo.yaml:4:"
plugin no-inventory 3 audit --format nagios "$PR_TMP/absent.yaml"
# Whatever goes to stderr comes after the report (Icinga 2 reads both as
# one stream): the status line is still first when they are merged.
set +e
"$PORTREADY" check --bogus --format nagios >"$PR_TMP/merged.out" 2>&1
set -e
pr_expect_eq "merged streams: the status line first" "PORTREADY UNKNOWN - check: unknown option '--bogus'" \
    "$(head -1 "$PR_TMP/merged.out")"

# --timeout-total: the switch being read (10 s of SNMP timeout) is not
# waited for.
start=$(date +%s%N)
plugin timeout-check 3 check --format nagios -t 10 -r 0 --timeout-total 0.5 "127.0.0.1:$MON_SILENT_PORT"
ms=$((($(date +%s%N) - start) / 1000000))
[ "$ms" -lt 6000 ] && pr_pass "timeout-check: ended after $ms ms" || pr_fail "timeout-check: took $ms ms"
has timeout-check "PORTREADY UNKNOWN - the total timeout of 0.5 s expired: 1 of 1 switch not read |"
has timeout-check "127.0.0.1:$MON_SILENT_PORT: not read: the total timeout expired while it was being read"
# rack12-a's recording is read well within 2 s, even under valgrind.
cat >"$PR_TMP/slow.yaml" <<YAML
defaults:
  snmp: {version: 2c, community: x, timeout: 10, retries: 0}
switches:
  - {name: rack12-a, walk: $A, ports: [1/1/3]}
  - {name: slow1, host: 127.0.0.1:$MON_SILENT_PORT}
  - {name: slow2, host: 127.0.0.1:$MON_SILENT_PORT}
YAML
plugin timeout-audit 3 audit --jobs 1 --format nagios --timeout-total 2 "$PR_TMP/slow.yaml"
has timeout-audit "PORTREADY UNKNOWN - the total timeout of 2 s expired: 2 of 3 switches not read; 1 of 1 port not ready: rack12-a 1/1/3 stp-not-edge |"
has timeout-audit $'\nslow1: not read: the total timeout expired while it was being read\nslow2: not read: the total timeout expired before it was read\n'

# SIGTERM, once the silent agent has the first request: a check ends at
# once; an audit lets the switch being read finish (its 1 s timeout) and
# reads no other.
interrupted() {
    local name=$1 want=$2
    shift 2
    : >"$MON_SILENT_LOG"
    "$PORTREADY" "$@" >"$PR_TMP/$name.out" 2>"$PR_TMP/$name.err" &
    local pid=$!
    PR_PIDS+=("$pid")
    mon_wait_request || pr_fail "$name: the agent heard nothing"
    kill -TERM "$pid"
    local rc=0
    wait "$pid" || rc=$?
    pr_expect_eq "$name: exit $want" "$want" "$rc"
    pr_expect_eq "$name: one well-formed status line" ok "$(mon_plugin_check "$PR_TMP/$name.out" "$rc")"
}
interrupted term-check 3 check --format nagios -t 5 -r 0 "127.0.0.1:$MON_SILENT_PORT"
has term-check "PORTREADY UNKNOWN - interrupted: 1 of 1 switch not read |"
sed 's/timeout: 10/timeout: 1/' "$PR_TMP/slow.yaml" >"$PR_TMP/slow1.yaml"
interrupted term-audit 3 audit --jobs 1 --format nagios "$PR_TMP/slow1.yaml"
has term-audit "PORTREADY UNKNOWN - interrupted: 1 of 3 switches not read; 1 of 1 port not ready: rack12-a 1/1/3 stp-not-edge; 1 switch unreadable: slow1 (127.0.0.1:"
has term-audit $'\nslow2: not read: interrupted before it was read\n'
pr_done
