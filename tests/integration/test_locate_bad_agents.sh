#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# portready locate against agents whose forwarding table is not what a
# switch has, each a real UDP peer on 127.0.0.1 (tests/tools/pr_bad_agent.py
# serving lab/data/rack12-a, whose Q-BRIDGE-MIB table holds srv12-03's MAC
# on bridge port 3: dot1qTpFdbPort.2.82.84.0.18.3.1 = 3, lab/README.md):
# 100,000 extra rows (bounded time and memory, the MAC still found), no
# forwarding table at all (said, not a silent miss), one that stops
# answering in the middle of the table (the switch's error, exit 3).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

start_agent() { pr_bad_agent_start "$@"; }

# stalled NAME AFTER EXPECTED: an agent that stops answering after AFTER
# requests; locate exits 3 with EXPECTED (a regular expression; AGENT
# stands for the agent's address) in its output.
stalled() {
    local name=$1 after=$2 expected=$3 port
    port=$(pr_free_udp_port)
    start_agent "$port" stall --after "$after"
    set +e
    timeout 60 "$PORTREADY" locate -c rack12-a -t 1 -r 0 "127.0.0.1:$port" 52:54:00:12:03:01 \
        >"$PR_TMP/$name.txt" 2>&1
    local rc=$?
    set -e
    pr_expect_eq "$name: exit 3" "3" "$rc"
    grep -q "${expected//AGENT/127.0.0.1:$port}" "$PR_TMP/$name.txt" && pr_pass "$name: its error said" ||
        pr_fail "$name: $(cat "$PR_TMP/$name.txt")"
}

# 100,000 rows beyond the recording's: the MAC is still found on 1/1/3, in
# bounded time (a hard limit) and memory (maximum resident set size).
port=$(pr_free_udp_port)
start_agent "$port" bigfdb --rows 100000
set +e
/usr/bin/time -f "%M" -o "$PR_TMP/big.rss" timeout 240 "$PORTREADY" locate --format json \
    --stats -c rack12-a -t 5 "127.0.0.1:$port" 52:54:00:12:03:01 >"$PR_TMP/big.json" 2>"$PR_TMP/big.err"
rc=$?
set -e
[ "$rc" -ne 124 ] && pr_pass "100,000 rows: an answer within the limit" || pr_fail "100,000 rows: no answer in 240 s"
pr_expect_eq "100,000 rows: srv12-03 on 1/1/3" "1/1/3" "$(pr_json "$PR_TMP/big.json" "d['locate'][0]['port']")"
rss=$(tail -1 "$PR_TMP/big.rss")
echo "# maximum RSS ${rss} kB; $(grep -o '[0-9]* SNMP requests' "$PR_TMP/big.err")"
# Under AddressSanitizer (redzones, its quarantine) the same work takes
# about 300 MB: the bound is then three times as high.
limit=200000
pr_sanitized && limit=600000
[ "${rss:-999999}" -lt "$limit" ] && pr_pass "100,000 rows: under $((limit / 1000)) MB ($rss kB)" ||
    pr_fail "100,000 rows: $rss kB resident"

# No forwarding table: the recording without its dot1qTpFdb and dot1dTpFdb rows.
grep -vE '^1\.3\.6\.1\.2\.1\.17\.(7\.1\.2\.2|4\.3)\.' "$PR_SOURCE_DIR/lab/data/rack12-a.snmprec" >"$PR_TMP/nofdb.snmprec"
port2=$(pr_free_udp_port)
start_agent "$port2" normal --data "$PR_TMP/nofdb.snmprec"
set +e
"$PORTREADY" locate -c rack12-a "127.0.0.1:$port2" 52:54:00:12:03:01 >"$PR_TMP/nofdb.txt" 2>&1
rc=$?
set -e
pr_expect_eq "no table: exit 3" "3" "$rc"
grep -qF "52:54:00:12:03:01  not located: this switch exposes no forwarding table" "$PR_TMP/nofdb.txt" &&
    pr_pass "no table: said" || pr_fail "no table: $(cat "$PR_TMP/nofdb.txt")"

# An agent that stops answering after 3 requests: the forwarding table is
# read (a GET and two GETBULKs), the switch's ports are not: its error.
stalled "stalled after its table" 3 \
    "not located: learned on AGENT bridge port 3, but the switch could not be read for its ports: .*AGENT"
# One that stops after the first request (sysObjectID): the forwarding
# table itself cannot be read.
stalled "stalled at once" 1 "not located: no switch could be read: .*AGENT"
pr_done
