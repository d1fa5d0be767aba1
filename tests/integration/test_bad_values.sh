#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Values no agent may send, from a recording and from a live agent
# (tests/tools/pr_bad_agent.py serving the same recording): an impossible
# enumeration is an unknown fact whose evidence says the value is
# impossible, never a confident finding; a malformed admin edge makes edge
# unknown instead of falling back to the operational value; a Counter64
# where the MIB says INTEGER is read, and the evidence says so.
#
# The recording is lab/data/rack12-a.snmprec with four values changed
# (lab/README.md gives the originals):
#   ifOperStatus.1 = 99    (1/1/1: up/up, ready)   IF-MIB defines 1..7
#   ifAdminStatus.2 = -7   (1/1/2: up/up, ready)
#   dot1dStpPortAdminEdgePort.4 = 7 (1/1/4: admin edge 2, oper edge 1:
#                          warning stp-edge-auto) TruthValue is 1 or 2
#   ifAdminStatus.8 sent as Counter64 1 (1/1/8: up/up, ready)
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

PY=$(python3 -c 'import sys; print(sys.executable)')
AGENT="$PR_SOURCE_DIR/tests/tools/pr_bad_agent.py"
lab=$PR_SOURCE_DIR/lab/data/rack12-a.snmprec
data=$PR_TMP/bad-values.snmprec
sed -e 's/^1\.3\.6\.1\.2\.1\.2\.2\.1\.8\.1|2|1$/1.3.6.1.2.1.2.2.1.8.1|2|99/' \
    -e 's/^1\.3\.6\.1\.2\.1\.2\.2\.1\.7\.2|2|1$/1.3.6.1.2.1.2.2.1.7.2|2|-7/' \
    -e 's/^1\.3\.6\.1\.2\.1\.17\.2\.19\.1\.2\.4|2|2$/1.3.6.1.2.1.17.2.19.1.2.4|2|7/' \
    -e 's/^1\.3\.6\.1\.2\.1\.2\.2\.1\.7\.8|2|1$/1.3.6.1.2.1.2.2.1.7.8|70|1/' "$lab" >"$data"
pr_expect_eq "the recording has the four changed values" 4 \
    "$(diff "$lab" "$data" | grep -c '^>')"

port=$(pr_free_udp_port)
"$PY" "$AGENT" --port "$port" --mode normal --data "$data" --ready "$PR_TMP/ready" \
    2>>"$PR_TMP/agent.log" &
PR_PIDS+=("$!")
for _ in $(seq 1 300); do
    [ -f "$PR_TMP/ready" ] && break
    sleep 0.1
done
[ -f "$PR_TMP/ready" ] || pr_fail "the agent did not come up"

PORTS=(1/1/1 1/1/2 1/1/4 1/1/8)
for source in walk live; do
    if [ $source = walk ]; then
        args=(--walk "$data")
    else
        args=(-v 2c -c rack12-a -t 2 -r 1 "127.0.0.1:$port")
    fi
    RC=0
    "$PORTREADY" check --format json "${args[@]}" "${PORTS[@]}" >"$PR_TMP/$source.json" \
        2>"$PR_TMP/$source.err" || RC=$?
    "$PORTREADY" check --verbose "${args[@]}" "${PORTS[@]}" >"$PR_TMP/$source.txt" 2>&1 || true
    j() { pr_json "$PR_TMP/$source.json" "$1"; }
    # Before: 1/1/1 not-ready (link-down from 99), 1/1/2 not-ready
    # (admin-down from -7), 1/1/4 ready (edge taken from oper edge 1).
    # 1/1/1's link state is unknown (its ifOperStatus cannot be): unknown;
    # 1/1/2's oper up says the link is up whatever its admin value: ready.
    pr_expect_eq "$source: verdicts (no finding made up from an impossible value)" \
        "1/1/1=unknown: 1/1/2=ready: 1/1/4=unknown: 1/1/8=ready:" \
        "$(j '" ".join(p["name"] + "=" + p["verdict"] + ":" + ",".join(f["id"] for f in p["findings"]) for p in d["switches"][0]["ports"])')"
    pr_expect_eq "$source: the impossible values are unknown facts (null)" \
        "None None None up" \
        "$(j '" ".join(str(p["facts"][k]) for p, k in zip(d["switches"][0]["ports"], ("oper_status", "admin_status", "edge", "admin_status")))')"
    pr_expect_eq "$source: exit 3 (1/1/1 and 1/1/4 unknown)" 3 "$RC"
    for line in \
        "oper           unknown      IF-MIB ifOperStatus.1 = 99: not a value IF-MIB defines for ifOperStatus, ignored" \
        "admin          unknown      IF-MIB ifAdminStatus.2 = -7: not a value IF-MIB defines for ifAdminStatus, ignored" \
        "edge           unknown      RSTP-MIB dot1dStpPortAdminEdgePort.4 = 7: not true(1) or false(2), ignored" \
        "admin          up           IF-MIB ifAdminStatus.8 = up(1) (sent as Counter64, not INTEGER)"; do
        if grep -qxF -- "        $line" "$PR_TMP/$source.txt"; then
            pr_pass "$source: evidence '$line'"
        else
            pr_fail "$source: no evidence line '$line' in: $(cat "$PR_TMP/$source.txt")"
        fi
    done
done

pr_done
