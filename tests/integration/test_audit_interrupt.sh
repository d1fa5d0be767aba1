#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# SIGINT (Ctrl-C) and SIGTERM during an audit: the switches being read
# finish and are reported, every switch not started yet is reported as
# "interrupted before it was read", and the exit status is 3.
#
# Six inventory switches share one slow agent (tests/tools/pr_bad_agent.py
# --mode slow, serving lab/data/rack12-a with every answer 0.5 s late), read
# two at a time (--jobs 2). A switch takes several requests, so 2 s or more;
# the signal is sent as soon as the agent has seen the first request of both
# workers, long before either switch is done: switches 1 and 2 finish, 3-6
# are never started.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)')
PORT=26200

cat >"$PR_TMP/rack.yaml" <<EOF
defaults:
  snmp: {version: 2c, community: rack12-a, timeout: 5, retries: 0}
switches:
EOF
for i in 1 2 3 4 5 6; do
    echo "  - {name: sw$i, host: 127.0.0.1:$PORT, ports: [1/1/3, 1/1/1]}" >>"$PR_TMP/rack.yaml"
done

# run_interrupted NAME SIGNAL FORMAT: a fresh slow agent, an audit, the
# signal once both workers have asked their first question; sets RC.
run_interrupted() {
    local name=$1 signal=$2 format=$3
    local log="$PR_TMP/$name-agent.log"
    : >"$log"
    "$PY" "$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py" --port $PORT --mode slow --delay 0.5 \
        --log "$log" --ready "$PR_TMP/$name-ready" 2>/dev/null &
    local agent=$!
    PR_PIDS+=("$agent")
    local i
    for i in $(seq 1 100); do
        [ -f "$PR_TMP/$name-ready" ] && break
        sleep 0.1
    done
    "$PORTREADY" audit --jobs 2 --format "$format" "$PR_TMP/rack.yaml" >"$PR_TMP/$name.out" \
        2>"$PR_TMP/$name.err" &
    local audit=$!
    PR_PIDS+=("$audit")
    for i in $(seq 1 100); do
        [ "$(wc -l <"$log")" -ge 2 ] && break
        sleep 0.05
    done
    kill -s "$signal" "$audit"
    RC=0
    # A hard limit: the two switches in flight need a few seconds more.
    for i in $(seq 1 300); do
        kill -0 "$audit" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$audit" 2>/dev/null; then
        pr_fail "$name: still running 30 s after $signal"
        kill -KILL "$audit"
    fi
    wait "$audit" || RC=$?
    # Each switch has its own session, so its own source port: the agent
    # saw exactly the switches that were read.
    PEERS=$(awk '{print $4}' "$log" | sort -u | wc -l)
    pr_stop "$agent"
}

run_interrupted json INT json
pr_expect_eq "SIGINT: exit 3" 3 "$RC"
pr_expect_eq "SIGINT: per switch, in inventory order" \
    "sw1:None:not-ready,ready sw2:None:not-ready,ready sw3:interrupted before it was read: sw4:interrupted before it was read: sw5:interrupted before it was read: sw6:interrupted before it was read:" \
    "$(pr_json "$PR_TMP/json.out" '" ".join(s["name"] + ":" + str(s["error"]) + ":" + ",".join(p["verdict"] for p in s["ports"]) for s in d["switches"])')"
pr_expect_eq "SIGINT: summary counts the interrupted switches as unreadable, their ports unchecked" \
    "6 4 2 2 8" \
    "$(pr_json "$PR_TMP/json.out" '" ".join(str(d["summary"][k]) for k in ("switches","unreadable","ready","not_ready","unchecked"))')"
pr_expect_eq "SIGINT: stderr says so" "portready: audit: interrupted: 4 of 6 switches not read" \
    "$(cat "$PR_TMP/json.err")"
pr_expect_eq "SIGINT: the agent heard from two switches only" 2 "$PEERS"

run_interrupted text INT text
pr_expect_eq "SIGINT, text: exit 3" 3 "$RC"
pr_expect_eq "SIGINT, text: four switches marked" 4 \
    "$(grep -c 'UNREADABLE interrupted before it was read' "$PR_TMP/text.out")"
pr_expect_eq "SIGINT, text: what was finished is printed" 2 \
    "$(grep -c 'NOT READY  1/1/3' "$PR_TMP/text.out")"
pr_expect_eq "SIGINT, text: summary" \
    "Summary: 6 switches (4 unreadable), 4 ports: 2 ready, 0 warning, 2 not ready, 0 unknown; 8 unchecked" \
    "$(grep '^Summary' "$PR_TMP/text.out")"

run_interrupted term TERM json
pr_expect_eq "SIGTERM: exit 3" 3 "$RC"
pr_expect_eq "SIGTERM: four switches interrupted" 4 \
    "$(pr_json "$PR_TMP/term.out" 'sum(s["error"] == "interrupted before it was read" for s in d["switches"])')"

pr_done
