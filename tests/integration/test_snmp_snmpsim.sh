#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The live SNMP source against snmpsim serving real recordings: the varbinds
# fetched live equal those read from the same file with --walk (v2c GETBULK,
# v1 GETNEXT, and the community@98 VLAN context), and one GETBULK carries
# several columns (fewer requests than one walk per column).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed"
command -v snmpbulkwalk >/dev/null || pr_skip "snmpbulkwalk not installed"

FETCH="$PR_TOOLS_DIR/pr_snmpfetch"
PORT=20101
DATA="$PR_TMP/data"
mkdir -p "$DATA"
for name in librenms__ios_2960x librenms__ios_stp-vlans librenms__ios_stp-vlans@98; do
    cp "$PR_FIXTURES/snmprec/$name.snmprec" "$DATA/"
done
pr_snmpsim_start "$DATA" "$PORT" librenms__ios_2960x

# IF-MIB ifDescr, ifAdminStatus, ifOperStatus, ifLastChange, ifName,
# ifHighSpeed, ifAlias; BRIDGE-MIB dot1dBasePortIfIndex, dot1dStpPortState,
# dot1dStpPortEnable; sysUpTime, sysObjectID, dot1dStpForwardDelay.
COLUMNS=(1.3.6.1.2.1.2.2.1.2 1.3.6.1.2.1.2.2.1.7 1.3.6.1.2.1.2.2.1.8 1.3.6.1.2.1.2.2.1.9
    1.3.6.1.2.1.31.1.1.1.1 1.3.6.1.2.1.31.1.1.1.15 1.3.6.1.2.1.31.1.1.1.18
    1.3.6.1.2.1.17.1.4.1.2 1.3.6.1.2.1.17.2.15.1.3 1.3.6.1.2.1.17.2.15.1.4)
SCALARS=(1.3.6.1.2.1.1.3.0=scalar 1.3.6.1.2.1.1.2.0=scalar 1.3.6.1.2.1.17.2.15.0=scalar)
REC="$DATA/librenms__ios_2960x.snmprec"

"$FETCH" -c librenms__ios_2960x "127.0.0.1:$PORT" "${COLUMNS[@]}" "${SCALARS[@]}" \
    >"$PR_TMP/live.txt" 2>"$PR_TMP/live.err" || pr_fail "live fetch: $(cat "$PR_TMP/live.err")"
"$FETCH" --walk "$REC" "${COLUMNS[@]}" "${SCALARS[@]}" >"$PR_TMP/walk.txt" 2>"$PR_TMP/walk.err" ||
    pr_fail "walk fetch: $(cat "$PR_TMP/walk.err")"
if cmp -s "$PR_TMP/live.txt" "$PR_TMP/walk.txt"; then
    pr_pass "v2c live fetch equals the recording ($(wc -l <"$PR_TMP/live.txt") varbinds)"
else
    pr_fail "v2c live and walk differ: $(diff "$PR_TMP/live.txt" "$PR_TMP/walk.txt" | head -5)"
fi
# Raw line: 1.3.6.1.2.1.2.2.1.8.1|2|2 (ifOperStatus.1 = down)
pr_expect_eq "ifOperStatus.1 from the recording" "1.3.6.1.2.1.2.2.1.8.1 INTEGER 2" \
    "$(grep '^1.3.6.1.2.1.2.2.1.8.1 ' "$PR_TMP/live.txt")"
# Raw line: 1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208
pr_expect_eq "sysObjectID" "1.3.6.1.2.1.1.2.0 OID 1.3.6.1.4.1.9.1.1208" \
    "$(grep '^1.3.6.1.2.1.1.2.0 ' "$PR_TMP/live.txt")"

# Several columns per GETBULK. snmpsim caps a response near 1000 bytes, so
# the count is bounded by the agent; compare with net-snmp's snmpbulkwalk
# run once per column (default max-repetitions 10).
requests=$(sed -n 's/^requests: //p' "$PR_TMP/live.err")
bulkwalk=0
for col in "${COLUMNS[@]}"; do
    n=$(snmpbulkwalk -d -v2c -c librenms__ios_2960x -On "127.0.0.1:$PORT" "$col" 2>&1 |
        grep -c '^Sending')
    bulkwalk=$((bulkwalk + n))
done
echo "# requests for ${#COLUMNS[@]} columns + ${#SCALARS[@]} scalars: portready $requests," \
    "snmpbulkwalk once per column $bulkwalk (scalars not included)"
if [ "$requests" -gt 0 ] && [ "$requests" -lt "$bulkwalk" ]; then
    pr_pass "multi-column GETBULK: $requests requests (snmpbulkwalk per column: $bulkwalk)"
else
    pr_fail "request count $requests not below snmpbulkwalk's $bulkwalk"
fi
# With max-repetitions 1 each GETBULK returns one row of every column: the
# 7 IF-MIB columns hold 146 rows each (1.3.6.1.2.1.2.2.1.2.* has 146 lines
# in the recording), so 146 requests carry the rows and 1 sees every column
# leave its subtree; the scalars ride in the first as non-repeaters: 147,
# against 1053 varbinds.
"$FETCH" -R 1 -c librenms__ios_2960x "127.0.0.1:$PORT" "${COLUMNS[@]}" "${SCALARS[@]}" \
    >"$PR_TMP/rep1.txt" 2>"$PR_TMP/rep1.err" || pr_fail "-R 1 fetch: $(cat "$PR_TMP/rep1.err")"
pr_expect_eq "-R 1: one request per row for all columns" "requests: 147" \
    "$(grep '^requests' "$PR_TMP/rep1.err")"
if cmp -s "$PR_TMP/rep1.txt" "$PR_TMP/walk.txt"; then
    pr_pass "-R 1 fetch equals the recording"
else
    pr_fail "-R 1 fetch differs from the recording"
fi

# v1 (GETNEXT, several columns per PDU too) gives the same varbinds.
"$FETCH" -v 1 -c librenms__ios_2960x "127.0.0.1:$PORT" "${COLUMNS[@]}" "${SCALARS[@]}" \
    >"$PR_TMP/v1.txt" 2>"$PR_TMP/v1.err" || pr_fail "v1 fetch: $(cat "$PR_TMP/v1.err")"
if cmp -s "$PR_TMP/v1.txt" "$PR_TMP/walk.txt"; then
    pr_pass "v1 live fetch equals the recording"
else
    pr_fail "v1 live and walk differ: $(diff "$PR_TMP/v1.txt" "$PR_TMP/walk.txt" | head -5)"
fi

# VLAN context 98: community librenms__ios_stp-vlans@98 live, the sibling
# recording librenms__ios_stp-vlans@98.snmprec offline.
BRIDGE=(1.3.6.1.2.1.17.1.4.1.2 1.3.6.1.2.1.17.2.15.1.3 1.3.6.1.2.1.17.2.15.1.4
    1.3.6.1.2.1.17.2.15.1.10 1.3.6.1.2.1.17.2.4.0=scalar)
"$FETCH" -c librenms__ios_stp-vlans -n 98 "127.0.0.1:$PORT" "${BRIDGE[@]}" \
    >"$PR_TMP/ctx-live.txt" 2>"$PR_TMP/ctx-live.err" ||
    pr_fail "context live fetch: $(cat "$PR_TMP/ctx-live.err")"
"$FETCH" --walk "$DATA/librenms__ios_stp-vlans.snmprec" -n 98 "${BRIDGE[@]}" \
    >"$PR_TMP/ctx-walk.txt" 2>"$PR_TMP/ctx-walk.err" ||
    pr_fail "context walk fetch: $(cat "$PR_TMP/ctx-walk.err")"
if cmp -s "$PR_TMP/ctx-live.txt" "$PR_TMP/ctx-walk.txt"; then
    pr_pass "context 98: live equals the @98 recording"
else
    pr_fail "context 98 differs: $(diff "$PR_TMP/ctx-live.txt" "$PR_TMP/ctx-walk.txt" | head -5)"
fi
# Raw line of librenms__ios_stp-vlans@98.snmprec: 1.3.6.1.2.1.17.1.4.1.2.80|2|10624
pr_expect_eq "VLAN 98 bridge port 80 -> ifIndex" "1.3.6.1.2.1.17.1.4.1.2.80 INTEGER 10624" \
    "$(grep '^1.3.6.1.2.1.17.1.4.1.2.80 ' "$PR_TMP/ctx-live.txt")"
"$FETCH" -c librenms__ios_stp-vlans "127.0.0.1:$PORT" "${BRIDGE[@]}" >"$PR_TMP/noctx.txt" 2>/dev/null
if cmp -s "$PR_TMP/noctx.txt" "$PR_TMP/ctx-live.txt"; then
    pr_fail "the default context answers like context 98"
else
    pr_pass "the default context differs from context 98"
fi

# A context without a recording: not found.
if "$FETCH" --walk "$DATA/librenms__ios_stp-vlans.snmprec" -n 99 "${BRIDGE[@]}" \
    >/dev/null 2>"$PR_TMP/ctx99.err"; then
    pr_fail "context 99 without a recording succeeded"
else
    pr_expect_eq "context 99: not-found" "1" "$(grep -c 'not-found: .*@99.snmprec' "$PR_TMP/ctx99.err")"
fi

pr_done
