#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready check and audit against misbehaving SNMP agents, each a real UDP
# peer on 127.0.0.1 (tests/tools/pr_bad_agent.py serving lab/data/rack12-a):
# OIDs repeated or out of order, wrong types in every column, a table of
# 100,000 rows, an agent that stops answering mid-walk, noSuchObject /
# endOfMibView everywhere, an SNMPv3 engine ID that never settles and a
# time window that never agrees. Each must end in a clear per-switch error
# or unknown facts: never a hang, a crash or a wrong verdict.
#
# Expectations come from lab/README.md (rack12-a): 1/1/3 has
# dot1dStpPortAdminEdgePort.3 = 2 (false), so it is not-ready with
# stp-not-edge; 1/1/1 is up/up, forwarding, admin edge 1, pvid 100: ready.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)')
AGENT="$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py"
AUTH_PASS=bad-Agent-Auth-4Rm
export PR_BAD_AGENT_AUTH=$AUTH_PASS
BASE_PORT=26100

# start_agent PORT MODE [ARGS...]: one agent; waits until its socket is bound.
start_agent() {
    local port=$1 mode=$2
    shift 2
    rm -f "$PR_TMP/ready-$port"
    "$PY" "$AGENT" --port "$port" --mode "$mode" --ready "$PR_TMP/ready-$port" "$@" \
        2>>"$PR_TMP/agent-$port.log" &
    PR_PIDS+=("$!")
    local i
    for i in $(seq 1 300); do
        [ -f "$PR_TMP/ready-$port" ] && return 0
        sleep 0.1
    done
    cat "$PR_TMP/agent-$port.log" >&2
    pr_fail "agent $mode did not come up on 127.0.0.1:$port"
    pr_done
}

# check NAME LIMIT ARGS...: portready check --format json ARGS under a hard
# limit of LIMIT seconds (exit 124 when it hangs); sets RC and MS.
check() {
    local name=$1 limit=$2
    shift 2
    local start
    start=$(date +%s%N)
    RC=0
    timeout "$limit" "$PORTREADY" check --format json "$@" >"$PR_TMP/$name.json" \
        2>"$PR_TMP/$name.err" || RC=$?
    MS=$((($(date +%s%N) - start) / 1000000))
    if [ "$RC" -eq 124 ]; then
        pr_fail "$name: no result within $limit s (a hang)"
    fi
}
json() { pr_json "$PR_TMP/$1.json" "$2"; }
verdicts() { json "$1" '" ".join(p["name"]+"="+p["verdict"] for p in d["switches"][0]["ports"])'; }
sw_error() { json "$1" 'd["switches"][0]["error"]'; }

V2=(-v 2c -c rack12-a -t 1 -r 1)
PORTS=(1/1/3 1/1/1)

# Baseline: the agent itself serves the recording correctly.
P=$BASE_PORT
start_agent $P normal
check normal 60 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "normal: exit 2 (a port not ready)" 2 "$RC"
pr_expect_eq "normal: verdicts as lab/README.md says" "1/1/3=not-ready 1/1/1=ready" \
    "$(verdicts normal)"
pr_expect_eq "normal: 1/1/3 finding" "['stp-not-edge']" \
    "$(json normal '[f["id"] for f in d["switches"][0]["ports"][0]["findings"]]')"

# OIDs that repeat (GETNEXT of X answers X) and OIDs that go back (the
# third row's next is the first row): GETBULK (v2c) and GETNEXT (v1).
for mode in repeat disorder; do
    P=$((P + 1))
    start_agent $P $mode
    for version in 2c 1; do
        name=$mode-v$version
        check "$name" 60 -v $version -c rack12-a -t 1 -r 1 127.0.0.1:$P "${PORTS[@]}"
        pr_expect_eq "$name: exit 3 (unreadable)" 3 "$RC"
        case $(sw_error "$name") in
        *"the agent answered out of order ("*" after "*"); walk stopped") pr_pass "$name: error says the agent answered out of order" ;;
        *) pr_fail "$name: error '$(sw_error "$name")'" ;;
        esac
        pr_expect_eq "$name: no port judged" 0 "$(json "$name" 'len(d["switches"][0]["ports"])')"
    done
done

# Wrong types: every number and OID comes back as a string, an OID, NULL,
# an IpAddress or Opaque. The names (strings) still match the ports, and
# every fact read from a number is unknown, so the verdict is unknown:
# never ready, never a finding made up from a misread value.
P=$((P + 1))
start_agent $P wrongtype
check wrongtype 60 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "wrongtype: exit 3 (unknown verdicts)" 3 "$RC"
pr_expect_eq "wrongtype: switch read (no error)" None "$(sw_error wrongtype)"
pr_expect_eq "wrongtype: both ports unknown" "1/1/3=unknown 1/1/1=unknown" "$(verdicts wrongtype)"
pr_expect_eq "wrongtype: link, STP and VLAN facts unknown (null)" \
    "[None, None, None, None, None, None, None, None, None, None]" \
    "$(json wrongtype '[p["facts"][k] for p in d["switches"][0]["ports"] for k in ("admin_status","oper_status","stp_state","edge","access_vlan")]')"
pr_expect_eq "wrongtype: no finding" 0 \
    "$(json wrongtype 'sum(len(p["findings"]) for p in d["switches"][0]["ports"])')"
pr_expect_eq "wrongtype: STP mode unknown" None "$(json wrongtype 'd["switches"][0]["stp"]["mode"]')"

# 100,000 extra interfaces (ifDescr and ifName rows): the walk ends, and
# the two ports asked for keep their verdicts.
P=$((P + 1))
start_agent $P bigtable --rows 100000
check bigtable 300 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "bigtable: exit 2, as the baseline" 2 "$RC"
pr_expect_eq "bigtable: verdicts as the baseline" "1/1/3=not-ready 1/1/1=ready" "$(verdicts bigtable)"
echo "# bigtable: 100,000 extra interfaces read in $MS ms"

# An agent that answers three requests and then nothing: a timeout after
# -t 1 with one retry, saying the agent stopped answering.
P=$((P + 1))
start_agent $P stall --after 3
check stall 60 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "stall: exit 3" 3 "$RC"
case $(sw_error stall) in
"127.0.0.1:$P: the agent stopped answering: no answer within 1 s (1 retry) after 3 requests")
    pr_pass "stall: error says the agent stopped answering after 3 requests" ;;
*) pr_fail "stall: error '$(sw_error stall)'" ;;
esac
# -t 1 -r 1: two waits of 1 s; the bound only catches a wait far beyond.
if [ "$MS" -lt 15000 ]; then pr_pass "stall: gave up after $MS ms"; else pr_fail "stall took $MS ms"; fi

# noSuchObject to every GET, endOfMibView to every walk (v1: noSuchName).
P=$((P + 1))
start_agent $P nosuch
for version in 2c 1; do
    name=nosuch-v$version
    check "$name" 60 -v $version -c rack12-a -t 1 -r 1 127.0.0.1:$P "${PORTS[@]}"
    pr_expect_eq "$name: exit 3" 3 "$RC"
    pr_expect_eq "$name: error" "the agent answers no IF-MIB interfaces (ifTable)" \
        "$(sw_error "$name")"
done

# SNMPv3: an engine ID that changes with every message, and a time window
# that never agrees (authenticated notInTimeWindow reports, a day ahead
# each time). Both are authentication errors, quickly.
V3=(-v 3 -u pruser -l authNoPriv -a SHA -A "$AUTH_PASS" -t 1 -r 1)
P=$((P + 1))
start_agent $P v3-engine
check v3-engine 60 "${V3[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "v3-engine: exit 3" 3 "$RC"
pr_expect_eq "v3-engine: error" "127.0.0.1:$P: SNMPv3 engine discovery failed (Unknown engine ID)" \
    "$(sw_error v3-engine)"
P=$((P + 1))
start_agent $P v3-time
check v3-time 60 "${V3[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "v3-time: exit 3 (before the fix: no answer, ever)" 3 "$RC"
case $(sw_error v3-time) in
*"SNMPv3 time synchronisation failed"*notInTimeWindow*) pr_pass "v3-time: error names the time window" ;;
*) pr_fail "v3-time: error '$(sw_error v3-time)'" ;;
esac
for name in v3-engine v3-time; do
    if grep -qF -- "$AUTH_PASS" "$PR_TMP/$name.json" "$PR_TMP/$name.err"; then
        pr_fail "$name: the passphrase appears in the output"
    fi
done

# GETBULK answers whose varbinds are not where the request put them: one
# dropped (every later varbind in its neighbour's column), one repeated,
# the rows sent column by column. Before, each column took its neighbour's
# rows for its own end, the interfaces went missing and the error blamed the
# port names ("no port '1/1/3'"). v1 (GETNEXT, one varbind per column) is
# not affected and keeps the baseline's verdicts.
for mode in bulk-drop bulk-dup bulk-colmajor; do
    P=$((P + 1))
    start_agent $P $mode
    check "$mode" 60 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
    pr_expect_eq "$mode: exit 3 (unreadable)" 3 "$RC"
    case $(sw_error "$mode") in
    "127.0.0.1:$P: the agent answered out of order ("*"); walk stopped") pr_pass "$mode: error says the agent answered out of order" ;;
    *) pr_fail "$mode: error '$(sw_error "$mode")'" ;;
    esac
    pr_expect_eq "$mode: no port judged, no port blamed" "0 []" \
        "$(json "$mode" 'len(d["switches"][0]["ports"])') $(json "$mode" 'd["switches"][0]["port_errors"]')"
    check "$mode-v1" 60 -v 1 -c rack12-a -t 1 -r 1 127.0.0.1:$P "${PORTS[@]}"
    pr_expect_eq "$mode, v1: the baseline's verdicts" "2 1/1/3=not-ready 1/1/1=ready" \
        "$RC $(verdicts "$mode-v1")"
done

# A value portready cannot use (every ifAlias an NsapAddress, a type no
# fact is read from): the varbinds are left out and counted in a warning; the verdicts stay the
# baseline's (ifAlias is only the port's description).
P=$((P + 1))
start_agent $P badvalue
check badvalue 60 "${V2[@]}" 127.0.0.1:$P "${PORTS[@]}"
pr_expect_eq "badvalue: exit 2, as the baseline" 2 "$RC"
pr_expect_eq "badvalue: verdicts as the baseline" "1/1/3=not-ready 1/1/1=ready" "$(verdicts badvalue)"
N_ALIAS=$(grep -c '^1\.3\.6\.1\.2\.1\.31\.1\.1\.1\.18\.' "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec")
case $(cat "$PR_TMP/badvalue.err") in
*"warning: "*"127.0.0.1:$P: skipped $N_ALIAS unusable varbinds the agent sent, the first: 1.3.6.1.2.1.31.1.1.1.18."*"(ASN.1 type 0x45, 3 bytes)"*)
    pr_pass "badvalue: warning counts the $N_ALIAS unusable ifAlias varbinds" ;;
*) pr_fail "badvalue: stderr '$(cat "$PR_TMP/badvalue.err")'" ;;
esac

# One audit over a good agent and the bad ones: each bad switch carries its
# own error, the good one its verdicts. (A fresh stalling agent: the first
# one answers no more.)
STALL_PORT=$((P + 1))
start_agent $STALL_PORT stall --after 3
cat >"$PR_TMP/rack.yaml" <<EOF
defaults:
  snmp: {version: 2c, community: rack12-a, timeout: 1, retries: 1}
switches:
  - {name: good, host: 127.0.0.1:$BASE_PORT, ports: [1/1/3, 1/1/1]}
  - {name: repeat, host: 127.0.0.1:$((BASE_PORT + 1)), ports: [1/1/3]}
  - {name: wrongtype, host: 127.0.0.1:$((BASE_PORT + 3)), ports: [1/1/3]}
  - {name: stall, host: 127.0.0.1:$STALL_PORT, ports: [1/1/3]}
  - {name: nosuch, host: 127.0.0.1:$((BASE_PORT + 6)), ports: [1/1/3]}
EOF
RC=0
timeout 120 "$PORTREADY" audit --format json "$PR_TMP/rack.yaml" >"$PR_TMP/audit.json" \
    2>"$PR_TMP/audit.err" || RC=$?
# good's 1/1/3 is not ready: not-ready wins over the unreadable switches.
pr_expect_eq "audit: exit 2 (not-ready beside unreadable switches)" 2 "$RC"
pr_expect_eq "audit: per switch, error or verdicts" \
    "good:ok:not-ready,ready repeat:out-of-order: wrongtype:ok:unknown stall:stopped: nosuch:no-ifmib:" \
    "$(pr_json "$PR_TMP/audit.json" '" ".join(s["name"] + ":" + ("ok" if s["error"] is None else "out-of-order" if "out of order" in s["error"] else "stopped" if "stopped answering" in s["error"] else "no-ifmib" if "no IF-MIB" in s["error"] else s["error"]) + ":" + ",".join(p["verdict"] for p in s["ports"]) for s in d["switches"])')"
pr_expect_eq "audit: summary" "5 3 1 1 1" \
    "$(pr_json "$PR_TMP/audit.json" '" ".join(str(d["summary"][k]) for k in ("switches","unreadable","ready","not_ready","unknown"))')"

pr_done
