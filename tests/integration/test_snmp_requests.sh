#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# How many requests a live check needs, against snmpsim serving two real
# recordings under its default cap of 64 repeated varbinds per answer: at
# most one request above the floor, the varbinds the generic driver's
# objects need divided by 64 (rounded up). The count comes from --stats.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
pr_need_fixtures
command -v snmpsimd >/dev/null || pr_skip "snmpsimd not installed"
command -v snmpget >/dev/null || pr_skip "snmpget not installed"

DATA="$PR_TMP/data"
mkdir -p "$DATA"
for name in librenms__awplus_5.4.8-2 librenms__arista_eos; do
    cp "$PR_FIXTURES/snmprec/$name.snmprec" "$DATA/"
done
PORT=$(pr_free_udp_port)
pr_snmpsim_start "$DATA" "$PORT" librenms__arista_eos || pr_fail "snmpsim did not start"

# check NAME: --stats of a live check of recording NAME by the generic
# driver; sets REQUESTS and VARBINDS.
check() {
    local rc=0
    "$PORTREADY" check -v 2c -c "$1" -t 2 -r 1 --driver generic-snmp --stats \
        "127.0.0.1:$PORT" >"$PR_TMP/$1.out" 2>"$PR_TMP/$1.err" || rc=$?
    [ "$rc" -le 2 ] || pr_fail "$1: check exited $rc: $(head -3 "$PR_TMP/$1.err")"
    local line
    line=$(grep -E ': [0-9]+ SNMP requests, [0-9]+ varbinds received$' "$PR_TMP/$1.err")
    REQUESTS=$(echo "$line" | sed -E 's/.*: ([0-9]+) SNMP requests.*/\1/')
    VARBINDS=$(echo "$line" | sed -E 's/.* ([0-9]+) varbinds received$/\1/')
    echo "# $1: $REQUESTS requests, $VARBINDS varbinds"
}

# bounded NAME FLOOR NEEDED: checks NAME and expects at most FLOOR + 1
# requests, and at least the NEEDED varbinds received.
bounded() {
    check "$1"
    if [ -n "$REQUESTS" ] && [ "$REQUESTS" -le $(($2 + 1)) ]; then
        pr_pass "$1: $REQUESTS requests, at most the floor $2 + 1"
    else
        pr_fail "$1: '$REQUESTS' requests, more than the floor $2 + 1"
    fi
    if [ -n "$VARBINDS" ] && [ "$VARBINDS" -ge "$3" ]; then
        pr_pass "$1: $VARBINDS varbinds received, at least the $3 needed"
    else
        pr_fail "$1: '$VARBINDS' varbinds received, fewer than the $3 needed"
    fi
}

# The generic driver asks for 11 scalars (each one varbind, present or
# not) and 41 columns (each its rows and the varbind past its end, so an
# empty column costs one). Rows per column in the recording, counted as
# lines under the column's OID (grep -c '^OID\.'):
#
# awplus_5.4.8-2: ifDescr, ifType, ifAdminStatus, ifOperStatus, ifName,
# ifHighSpeed, ifConnectorPresent, ifAlias 87 each (8 x 87 = 696);
# dot1dBasePortIfIndex 75; dot1dStpPortState, dot1dStpPortEnable,
# dot1dStpPortAdminEdgePort, dot1dStpPortOperEdgePort 39 each (156);
# dot1qPvid 71; dot1dStpPortDesignatedBridge 39; the other 26 columns
# none. Rows 696 + 75 + 156 + 71 + 39 = 1037; varbinds 1037 + 41 + 11 =
# 1089; floor ceil(1089 / 64) = 18 (17 x 64 = 1088).
bounded librenms__awplus_5.4.8-2 18 1089

# arista_eos: the 8 interface columns 55 each (440); ifStackStatus 109;
# dot1dBasePortIfIndex 54; dot1qPvid 53; lldpLocPortId 53;
# lldpRemChassisId, lldpRemPortId, lldpRemSysName, lldpRemSysCapEnabled 6
# each (24); the other 25 columns none. Rows 440 + 109 + 54 + 53 + 53 + 24
# = 733; varbinds 733 + 41 + 11 = 785 (7 of the scalars are absent, one
# varbind each all the same); floor ceil(785 / 64) = 13 (12 x 64 = 768).
bounded librenms__arista_eos 13 785

# The same ports and findings as from the recording itself.
"$PORTREADY" check -v 2c -c librenms__arista_eos -t 2 -r 1 --driver generic-snmp --format json \
    "127.0.0.1:$PORT" >"$PR_TMP/live.json" 2>"$PR_TMP/live.err" || true
"$PORTREADY" check --walk "$DATA/librenms__arista_eos.snmprec" --driver generic-snmp \
    --format json >"$PR_TMP/walk.json" 2>"$PR_TMP/walk.err" || true
same=$(python3 - "$PR_TMP/live.json" "$PR_TMP/walk.json" <<'PY'
import json, sys
live, walk = (json.load(open(f))["switches"][0] for f in sys.argv[1:])
print(int(len(live["ports"]) > 0 and live["ports"] == walk["ports"]))
PY
)
pr_expect_eq "arista: live ports and findings equal the recording's" 1 "$same"
pr_done
