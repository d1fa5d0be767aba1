#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# An agent and a saved configuration together: state from the agent,
# configuration from the configuration, evidence from both. The lab's
# rack12-c answers SNMP; tests/data/merge/rack12-c-eos.conf is its EOS
# configuration with LACP fallback on Port-Channel1 and PortFast on
# Ethernet7.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

lab="$PR_SOURCE_DIR/lab/lab"
state="$PR_TMP/lab"
# rack12-c listens on the lab's base port + 2.
port=$(pr_free_udp_port)
trap '"$lab" stop --state-dir "$state" >/dev/null 2>&1 || true; pr_cleanup' EXIT
"$lab" start --port "$((port - 2))" --state-dir "$state" rack12-c >/dev/null
conf="$PR_SOURCE_DIR/tests/data/merge/rack12-c-eos.conf"

set +e
"$PORTREADY" check -c rack12-c "127.0.0.1:$port" --config "$conf" Ethernet5 Ethernet7 Ethernet1 \
    --format json >"$PR_TMP/both.json"
set -e
j() { pr_json "$PR_TMP/both.json" "$1"; }
pr_expect_eq "both sources named" "['snmp', 'config']" "$(j 'd["switches"][0]["sources"]')"
pr_expect_eq "driver from the configuration's syntax" cisco "$(j 'd["switches"][0]["driver"]')"
# Ethernet5: the agent shows the LACP membership (dot3adAggPortAttachedAggID.5
# = 1000001); only the configuration shows fallback (Port-Channel1:
# port-channel lacp fallback individual).
pr_expect_eq "Ethernet5 member (agent)" True "$(j 'd["switches"][0]["ports"][0]["facts"]["lacp_member"]')"
pr_expect_eq "Ethernet5 fallback (config)" yes "$(j 'd["switches"][0]["ports"][0]["facts"]["lacp_fallback"]')"
pr_expect_eq "Ethernet5 no LACP finding" "[]" \
    "$(j '[f["id"] for f in d["switches"][0]["ports"][0]["findings"] if f["id"].startswith("lacp")]')"
# Ethernet7: the agent says admin edge false (RSTP-MIB... = false(2)); the
# configuration says spanning-tree portfast: the configuration wins, and
# the evidence keeps both.
pr_expect_eq "Ethernet7 edge (config)" yes "$(j 'd["switches"][0]["ports"][1]["facts"]["edge"]')"
# Link state stays the agent's.
pr_expect_eq "Ethernet7 oper (agent)" up "$(j 'd["switches"][0]["ports"][1]["facts"]["oper_status"]')"
# Ethernet1 is not in the configuration: the agent's facts alone.
pr_expect_eq "Ethernet1 edge (agent)" yes "$(j 'd["switches"][0]["ports"][2]["facts"]["edge"]')"

# --verbose text shows evidence from both.
"$PORTREADY" check -c rack12-c "127.0.0.1:$port" --config "$conf" Ethernet7 --verbose >"$PR_TMP/v.txt" || true
grep -q "spanning-tree portfast" "$PR_TMP/v.txt" && grep -q "the agent says otherwise" "$PR_TMP/v.txt" &&
    pr_pass "evidence from both sources" || pr_fail "evidence lacks a source: $(grep edge "$PR_TMP/v.txt")"
pr_done
